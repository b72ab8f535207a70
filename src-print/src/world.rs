//! The typesetter's whole world: one template, the workshop as `/data.json`, the bundled fonts and
//! portraits. Nothing is read from disk or the network while typesetting, so a printout looks the
//! same on every laptop and a workshop's words can never reach anything but the data file.

use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The fonts every printout uses (see docs/PRINT.md for what they cover and weigh).
static FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    use systematic_core::interchange::{DEJAVU_SANS, DEJAVU_SANS_BOLD};
    [DEJAVU_SANS, DEJAVU_SANS_BOLD]
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
});

static BOOK: LazyLock<LazyHash<FontBook>> =
    LazyLock::new(|| LazyHash::new(FontBook::from_fonts(FONTS.iter())));

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The typst sources of the printouts, shared helpers first.
pub const TEMPLATES: [(&str, &str); 8] = [
    ("common.typ", include_str!("../../assets/print/common.typ")),
    (
        "persona-cards.typ",
        include_str!("../../assets/print/persona-cards.typ"),
    ),
    (
        "map-poster.typ",
        include_str!("../../assets/print/map-poster.typ"),
    ),
    (
        "journeys.typ",
        include_str!("../../assets/print/journeys.typ"),
    ),
    (
        "vote-results.typ",
        include_str!("../../assets/print/vote-results.typ"),
    ),
    ("report.typ", include_str!("../../assets/print/report.typ")),
    (
        "worksheets.typ",
        include_str!("../../assets/print/worksheets.typ"),
    ),
    ("charts.typ", include_str!("../../assets/print/charts.typ")),
];

/// The bundled portraits, by name, as `/portraits/<name>.svg`.
const PORTRAITS: [(&str, &[u8]); 8] = [
    (
        "bicycle",
        include_bytes!("../../assets/portraits/bicycle.svg"),
    ),
    (
        "garden",
        include_bytes!("../../assets/portraits/garden.svg"),
    ),
    (
        "harbour",
        include_bytes!("../../assets/portraits/harbour.svg"),
    ),
    (
        "heather",
        include_bytes!("../../assets/portraits/heather.svg"),
    ),
    (
        "lighthouse",
        include_bytes!("../../assets/portraits/lighthouse.svg"),
    ),
    ("oak", include_bytes!("../../assets/portraits/oak.svg")),
    (
        "swallow",
        include_bytes!("../../assets/portraits/swallow.svg"),
    ),
    (
        "teapot",
        include_bytes!("../../assets/portraits/teapot.svg"),
    ),
];

/// Whether `name` is one of the bundled portraits.
pub fn has_portrait(name: &str) -> bool {
    portrait(name).is_some()
}

/// The SVG of the bundled portrait `name`.
pub fn portrait(name: &str) -> Option<&'static [u8]> {
    PORTRAITS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, bytes)| *bytes)
}

fn file_id(path: &str) -> Option<FileId> {
    let path = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, path).intern())
}

pub struct PrintWorld {
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: chrono::NaiveDate,
}

impl PrintWorld {
    /// A world whose main file is the template `main` (one of [`TEMPLATES`]), with `data` as
    /// `/data.json` and `extra` files (the map picture) beside it.
    pub fn new(
        main: &str,
        data: Vec<u8>,
        extra: Vec<(String, Vec<u8>)>,
        today: chrono::NaiveDate,
    ) -> Option<Self> {
        let mut sources = HashMap::new();
        for (name, text) in TEMPLATES {
            let id = file_id(&format!("/{name}"))?;
            sources.insert(id, Source::new(id, text.to_owned()));
        }
        let mut files = HashMap::new();
        files.insert(file_id("/data.json")?, Bytes::new(data));
        for (name, bytes) in PORTRAITS {
            files.insert(
                file_id(&format!("/portraits/{name}.svg"))?,
                Bytes::new(bytes),
            );
        }
        for (name, bytes) in extra {
            files.insert(file_id(&format!("/{name}"))?, Bytes::new(bytes));
        }
        Some(PrintWorld {
            main: file_id(&format!("/{main}"))?,
            sources,
            files,
            today,
        })
    }
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &BOOK
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.clone()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        use chrono::Datelike;
        Datetime::from_ymd(
            self.today.year(),
            u8::try_from(self.today.month()).ok()?,
            u8::try_from(self.today.day()).ok()?,
        )
    }
}
