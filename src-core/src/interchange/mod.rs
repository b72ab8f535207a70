//! Map import and export: Kumu JSON, CSV, GraphML, JSON Canvas and Graphviz DOT (import and
//! export), SVG and PNG (export only).
//!
//! Import is pure: it reads the files given and returns the map they hold, or the first problem
//! found, said so that a facilitator can fix the file ([`InterchangeError`]). Nothing is half
//! imported. What each format keeps and loses is written down in `docs/INTERCHANGE.md`.

mod builder;
mod canvas;
mod csv_files;
mod detect;
mod dot;
mod error;
mod failure_text;
mod graphml;
mod json;
mod kumu;
mod png;
mod svg;
mod vocabulary;
mod xml;

pub use builder::{
    CONNECTIONS_MAX, COORDINATE_MAX, FAILURES_MAX, FILE_BYTES_MAX, LABEL_MAX, NODES_MAX, TEXT_MAX,
};
pub(crate) use csv_files::protected;
pub use detect::detect;
pub use error::{InterchangeError, Location};
pub use png::{DEJAVU_SANS, DEJAVU_SANS_BOLD};

use systematic_ipc::{MapConnection, MapFailure, MapNode, MapView};

/// A file format a map can be exported to, and perhaps imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MapFormat {
    /// Kumu's JSON blueprint (kumu.io), with feedback loops and positions.
    Kumu,
    /// Two spreadsheet files, `nodes.csv` and `connections.csv`.
    Csv,
    /// GraphML, for Gephi, yEd, Cytoscape, networkx.
    GraphMl,
    /// Graphviz DOT.
    Dot,
    /// JSON Canvas 1.0 (jsoncanvas.org), as Obsidian's canvases.
    JsonCanvas,
    /// A picture for printing or slides (export only).
    Svg,
    /// A poster-sized picture (export only).
    Png,
}

impl MapFormat {
    pub const ALL: [MapFormat; 7] = [
        MapFormat::Kumu,
        MapFormat::Csv,
        MapFormat::GraphMl,
        MapFormat::Dot,
        MapFormat::JsonCanvas,
        MapFormat::Svg,
        MapFormat::Png,
    ];

    /// The name used in requests and on the command line (`json_canvas`).
    pub fn name(self) -> &'static str {
        match self {
            MapFormat::Kumu => "kumu",
            MapFormat::Csv => "csv",
            MapFormat::GraphMl => "graphml",
            MapFormat::Dot => "dot",
            MapFormat::JsonCanvas => "json_canvas",
            MapFormat::Svg => "svg",
            MapFormat::Png => "png",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format's name in messages ("Kumu JSON").
    pub fn title(self) -> &'static str {
        match self {
            MapFormat::Kumu => "Kumu JSON",
            MapFormat::Csv => "CSV",
            MapFormat::GraphMl => "GraphML",
            MapFormat::Dot => "Graphviz DOT",
            MapFormat::JsonCanvas => "JSON Canvas",
            MapFormat::Svg => "SVG",
            MapFormat::Png => "PNG",
        }
    }

    pub fn can_import(self) -> bool {
        matches!(
            self,
            MapFormat::Kumu
                | MapFormat::Csv
                | MapFormat::GraphMl
                | MapFormat::Dot
                | MapFormat::JsonCanvas
        )
    }
}

/// One file of an export: the suggested file name (e.g. "map.json", "nodes.csv") and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl ExportedFile {
    fn new(name: &str, bytes: Vec<u8>) -> Self {
        Self {
            name: name.to_owned(),
            bytes,
        }
    }
}

/// What a file held; ids are the file's own (generated where the file has none, unique).
/// Failure points always get new ids: no format carries theirs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportedMap {
    pub nodes: Vec<MapNode>,
    pub connections: Vec<MapConnection>,
    pub failures: Vec<MapFailure>,
}

impl ImportedMap {
    /// The imported map as a map view, e.g. to preview it or to export it again.
    pub fn into_map_view(self) -> MapView {
        MapView {
            nodes: self.nodes,
            connections: self.connections,
            failures: self.failures,
            ..MapView::default()
        }
    }
}

/// Writes the map in `format`. `title` is the workshop's title, shown on pictures and kept as the
/// map's name where the format has one.
pub fn export(
    map: &MapView,
    title: &str,
    format: MapFormat,
) -> Result<Vec<ExportedFile>, InterchangeError> {
    let files = match format {
        MapFormat::Kumu => vec![ExportedFile::new("map.json", kumu::export(map, title))],
        MapFormat::Csv => {
            let (nodes, connections) = csv_files::export(map)?;
            vec![
                ExportedFile::new(csv_files::NODES_FILE, nodes),
                ExportedFile::new(csv_files::CONNECTIONS_FILE, connections),
            ]
        }
        MapFormat::GraphMl => vec![ExportedFile::new(
            "map.graphml",
            graphml::export(map, title),
        )],
        MapFormat::Dot => vec![ExportedFile::new("map.dot", dot::export(map, title))],
        MapFormat::JsonCanvas => vec![ExportedFile::new("map.canvas", canvas::export(map))],
        MapFormat::Svg => vec![ExportedFile::new(
            "map.svg",
            svg::render(map, title).into_bytes(),
        )],
        MapFormat::Png => vec![ExportedFile::new(
            "map.png",
            png::render(&svg::render(map, title))?,
        )],
    };
    Ok(files)
}

/// Reads a map from `files`, given as (file name, bytes). CSV needs both `nodes.csv` and
/// `connections.csv` (told apart by name, or else by their header rows); the other formats read
/// the first file.
pub fn import(format: MapFormat, files: &[(&str, &[u8])]) -> Result<ImportedMap, InterchangeError> {
    if !format.can_import() {
        return Err(InterchangeError::CannotImport(format));
    }
    for (name, bytes) in files {
        if bytes.len() > FILE_BYTES_MAX {
            return Err(InterchangeError::TooLarge {
                file: (*name).to_owned(),
                max_bytes: FILE_BYTES_MAX,
            });
        }
    }
    if format == MapFormat::Csv {
        return csv_files::import(files);
    }
    let (name, bytes) = files.first().ok_or(InterchangeError::NoFile)?;
    let text = text_of(name, bytes)?;
    match format {
        MapFormat::Kumu => kumu::import(name, text),
        MapFormat::GraphMl => graphml::import(name, text),
        MapFormat::JsonCanvas => canvas::import(name, text),
        MapFormat::Dot => dot::import(name, text),
        _ => Err(InterchangeError::CannotImport(format)),
    }
}

/// A file's bytes as text: UTF-8, without the byte-order mark spreadsheet programs write.
fn text_of<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, InterchangeError> {
    let text = std::str::from_utf8(bytes).map_err(|_| InterchangeError::NotUtf8 {
        file: name.to_owned(),
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

#[cfg(test)]
mod tests;
