//! Print-ready PDFs of a workshop — persona cards, map posters, journeys, vote results, the
//! workshop report and blank worksheets — typeset offline with typst from the fonts and
//! portraits in `assets/` and the templates in `assets/print/`.
//!
//! typst is a large dependency, so it lives in this crate alone: the core, the IPC types and the
//! UI never compile it. The workshop reaches the templates only as JSON data (see [`data`]).

pub mod data;
pub mod html;
mod words;
mod world;

pub use words::{languages, Words};

use data::{PrintData, Workshop};
use std::collections::BTreeMap;
use systematic_core::document::{DocumentError, WorkshopDoc};
use systematic_core::interchange::{self, InterchangeError, MapFormat};
use systematic_ipc::{CardLayout, Printout, Worksheet};
use typst_layout::PagedDocument;

#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("the workshop could not be read: {0}")]
    Document(Box<DocumentError>),
    #[error("the map picture could not be drawn: {0}")]
    Map(Box<InterchangeError>),
    #[error("there is no vote round \"{0}\" in this workshop")]
    UnknownRound(String),
    /// A fault in a bundled template; never caused by what a workshop holds.
    #[error("the printout could not be typeset: {0}")]
    Typeset(String),
}

// Boxed: the errors are large and rare, and a small `Result` keeps the happy path cheap.
impl From<DocumentError> for PrintError {
    fn from(error: DocumentError) -> Self {
        PrintError::Document(Box::new(error))
    }
}

impl From<InterchangeError> for PrintError {
    fn from(error: InterchangeError) -> Self {
        PrintError::Map(Box::new(error))
    }
}

/// How far a printout has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Reading,
    Typesetting,
    Writing,
    Done,
}

impl Step {
    /// Steps done out of [`Step::COUNT`].
    pub fn done(self) -> u32 {
        match self {
            Step::Reading => 0,
            Step::Typesetting => 1,
            Step::Writing => 2,
            Step::Done => 3,
        }
    }
    pub const COUNT: u32 = 3;
}

/// A finished printout.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Each page as SVG, when a preview was asked for.
    pub previews: Vec<String>,
}

/// What to print, in which language, and whose date goes on it as "printed on".
pub struct PrintJob<'a> {
    pub printout: &'a Printout,
    pub language: &'a str,
    pub today: chrono::NaiveDate,
    /// Draw up to this many pages as SVG as well (for the Print dialog's preview).
    pub preview_pages: usize,
    /// Participants' real names and contacts, by participant id, when the organiser asked for
    /// them in the printout; `None` (pseudonyms only) otherwise.
    pub personal_details:
        Option<&'a std::collections::BTreeMap<String, systematic_ipc::PersonalDetails>>,
}

fn template_of(printout: &Printout) -> &'static str {
    match printout {
        Printout::PersonaCards { .. } => "persona-cards.typ",
        Printout::MapPoster { .. } => "map-poster.typ",
        Printout::Journeys => "journeys.typ",
        Printout::VoteResults => "vote-results.typ",
        Printout::Report => "report.typ",
        Printout::Worksheet { .. } => "worksheets.typ",
    }
}

fn options_of(printout: &Printout) -> serde_json::Value {
    match printout {
        Printout::PersonaCards { layout } => serde_json::json!({
            "layout": match layout { CardLayout::FourOnA4 => "four_on_a4", CardLayout::A5 => "a5" },
        }),
        Printout::MapPoster { size, tiled } => {
            serde_json::json!({ "size": size.name(), "tiled": tiled })
        }
        Printout::Worksheet { sheet } => match sheet {
            Worksheet::Persona => serde_json::json!({ "sheet": "persona" }),
            Worksheet::Journey => serde_json::json!({ "sheet": "journey" }),
            Worksheet::Voting { round } => serde_json::json!({ "sheet": "voting", "round": round }),
        },
        Printout::Journeys | Printout::VoteResults | Printout::Report => serde_json::json!({}),
    }
}

/// Typesets `job` from `doc`, telling `progress` as it goes.
pub fn render(
    doc: &WorkshopDoc,
    job: &PrintJob,
    progress: &mut dyn FnMut(Step),
) -> Result<Rendered, PrintError> {
    progress(Step::Reading);
    let (data, map_svg) = prepare(
        doc,
        job.printout,
        job.language,
        job.today,
        job.personal_details,
    )?;
    let json = serde_json::to_vec(&data).map_err(|e| PrintError::Typeset(e.to_string()))?;
    let extra = map_svg
        .map(|svg| vec![("map.svg".to_owned(), svg.into_bytes())])
        .unwrap_or_default();

    progress(Step::Typesetting);
    let world = world::PrintWorld::new(template_of(job.printout), json, extra, job.today)
        .ok_or_else(|| PrintError::Typeset("a bundled file has a bad name".into()))?;
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| PrintError::Typeset(describe(&errors)))?;

    progress(Step::Writing);
    let pdf = typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| PrintError::Typeset(describe(&errors)))?;
    let previews = document
        .pages()
        .iter()
        .take(job.preview_pages)
        .map(|page| typst_svg::svg(page, &typst_svg::SvgOptions::default()))
        .collect();
    progress(Step::Done);
    Ok(Rendered {
        pdf,
        pages: document.pages().len(),
        previews,
    })
}

/// The workshop as the templates read it, and the map picture when the printout shows the map.
fn prepare(
    doc: &WorkshopDoc,
    printout: &Printout,
    language: &str,
    today: chrono::NaiveDate,
    personal_details: Option<&BTreeMap<String, systematic_ipc::PersonalDetails>>,
) -> Result<(PrintData, Option<String>), PrintError> {
    let mut workshop = Workshop::read(doc)?;
    if let Some(details) = personal_details {
        workshop.personal_details = details.clone();
    }
    if let Printout::Worksheet {
        sheet: Worksheet::Voting { round },
    } = printout
    {
        if !workshop.facilitation.rounds.iter().any(|r| &r.id == round) {
            return Err(PrintError::UnknownRound(round.clone()));
        }
    }
    let words = Words::new(language);
    let data = PrintData::new(&workshop, options_of(printout), &words, today);
    let map_svg = if matches!(printout, Printout::MapPoster { .. } | Printout::Report) {
        let picture = interchange::export(&workshop.map, &workshop.meta.title, MapFormat::Svg)?;
        picture
            .into_iter()
            .next()
            .map(|file| String::from_utf8_lossy(&file.bytes).into_owned())
    } else {
        None
    };
    Ok((data, map_svg))
}

/// The workshop report as one self-contained HTML file (docs/PRINT.md).
pub fn report_html(
    doc: &WorkshopDoc,
    language: &str,
    today: chrono::NaiveDate,
) -> Result<String, PrintError> {
    let (data, map_svg) = prepare(doc, &Printout::Report, language, today, None)?;
    Ok(html::report(&data, map_svg.as_deref().unwrap_or_default()))
}

fn describe(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
