//! Two spreadsheet files: `nodes.csv` (`id,label,kind,level,x,y,notes,pinned,failures`) and
//! `connections.csv` (`id,from,to,polarity,label,delay,failures`), each with a header row.
//!
//! The `failures` cell holds the item's failure points one per line, as `[4] description`
//! (see [`failure_text`]). Files are written in UTF-8 with a byte-order mark, so that Excel reads
//! accented letters correctly. A text cell that a spreadsheet would run as a formula (it starts
//! with `=`, `+`, `-` or `@`) is written with a leading apostrophe, which import removes.

use super::builder::{self, check_count, ConnectionRecord, NodeRecord, CONNECTIONS_MAX, NODES_MAX};
use super::error::{Location, Place};
use super::failure_text;
use super::vocabulary;
use super::{text_of, ImportedMap, InterchangeError};
use csv::{ReaderBuilder, StringRecord, WriterBuilder};
use std::collections::HashMap;
use systematic_ipc::MapView;

pub const NODES_FILE: &str = "nodes.csv";
pub const CONNECTIONS_FILE: &str = "connections.csv";
const NODE_COLUMNS: [&str; 9] = [
    "id", "label", "kind", "level", "x", "y", "notes", "pinned", "failures",
];
const CONNECTION_COLUMNS: [&str; 7] =
    ["id", "from", "to", "polarity", "label", "delay", "failures"];
const FORMAT: &str = "CSV";
const BYTE_ORDER_MARK: &[u8] = "\u{feff}".as_bytes();

/// The first characters that make a spreadsheet treat a cell as a formula, and the apostrophe
/// that marks a cell written with a protecting apostrophe.
fn needs_protection(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
}

pub(crate) fn protected(text: &str) -> String {
    if needs_protection(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn unprotected(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_protection(rest) => rest,
        _ => cell,
    }
}

pub fn export(map: &MapView) -> Result<(Vec<u8>, Vec<u8>), InterchangeError> {
    let failures_on = failure_text::by_item(map);
    let failures =
        |id: &str| failure_text::write_list(failures_on.get(id).into_iter().flatten().copied());

    let nodes = write_rows(
        &NODE_COLUMNS,
        map.nodes.iter().map(|node| {
            let n = &node.node;
            vec![
                protected(&node.id),
                protected(&n.label),
                n.kind.name().to_owned(),
                n.level.map(|l| l.name()).unwrap_or_default().to_owned(),
                n.x.to_string(),
                n.y.to_string(),
                protected(&n.notes),
                n.pinned.to_string(),
                protected(&failures(&node.id)),
            ]
        }),
    )?;
    let connections = write_rows(
        &CONNECTION_COLUMNS,
        map.connections.iter().map(|connection| {
            let c = &connection.connection;
            vec![
                protected(&connection.id),
                protected(&c.from),
                protected(&c.to),
                c.polarity.name().to_owned(),
                protected(&c.label),
                c.delay.to_string(),
                protected(&failures(&connection.id)),
            ]
        }),
    )?;
    Ok((nodes, connections))
}

fn write_rows(
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<Vec<u8>, InterchangeError> {
    let failed = |error: csv::Error| InterchangeError::Export(error.to_string());
    let mut writer = WriterBuilder::new().from_writer(BYTE_ORDER_MARK.to_vec());
    writer.write_record(header).map_err(failed)?;
    for row in rows {
        writer.write_record(&row).map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|error| InterchangeError::Export(error.to_string()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Nodes,
    Connections,
}

/// Which file a name suggests: "map-connections.csv", "Edges.csv", "nodes.csv".
fn role_by_name(name: &str) -> Option<Role> {
    let base = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_lowercase();
    if ["connection", "edge", "link"]
        .iter()
        .any(|w| base.contains(w))
    {
        Some(Role::Connections)
    } else if ["node", "element"].iter().any(|w| base.contains(w)) {
        Some(Role::Nodes)
    } else {
        None
    }
}

/// Which file a header row suggests: connections have `from` and `to` columns.
fn role_by_header(text: &str) -> Option<Role> {
    let mut reader = ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns = Columns::new(reader.headers().ok()?);
    if columns.has("from") && columns.has("to") {
        Some(Role::Connections)
    } else if columns.has("label") {
        Some(Role::Nodes)
    } else {
        None
    }
}

pub fn import(files: &[(&str, &[u8])]) -> Result<ImportedMap, InterchangeError> {
    let mut nodes_file = None;
    let mut connections_file = None;
    for (name, bytes) in files {
        let text = text_of(name, bytes)?;
        match role_by_name(name).or_else(|| role_by_header(text)) {
            Some(Role::Nodes) if nodes_file.is_none() => nodes_file = Some((*name, text)),
            Some(Role::Connections) if connections_file.is_none() => {
                connections_file = Some((*name, text))
            }
            _ => {}
        }
    }
    let (nodes_name, nodes_text) = nodes_file.ok_or_else(|| InterchangeError::MissingFile {
        name: NODES_FILE.to_owned(),
    })?;
    let (connections_name, connections_text) =
        connections_file.ok_or_else(|| InterchangeError::MissingFile {
            name: CONNECTIONS_FILE.to_owned(),
        })?;
    let nodes = read_nodes(nodes_name, nodes_text)?;
    let connections = read_connections(connections_name, connections_text)?;
    builder::build_from_files(nodes_name, nodes, connections_name, connections)
}

/// A header row's columns by name (trimmed, any case).
struct Columns(HashMap<String, usize>);

impl Columns {
    fn new(header: &StringRecord) -> Self {
        let mut columns = HashMap::new();
        for (index, name) in header.iter().enumerate() {
            columns
                .entry(name.trim().trim_start_matches('\u{feff}').to_lowercase())
                .or_insert(index);
        }
        Self(columns)
    }

    fn has(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// The cell of column `name` in `row`; empty when the file has no such column.
    fn cell<'r>(&self, row: &'r StringRecord, name: &str) -> &'r str {
        self.0
            .get(name)
            .and_then(|&index| row.get(index))
            .map(unprotected)
            .unwrap_or_default()
    }
}

/// Reads each data row of `text`, skipping blank rows, with its place in the file.
fn rows<'t>(
    file: &'t str,
    text: &'t str,
    required: &[&'static str],
    (what, max): (&'static str, usize),
) -> Result<(Columns, Vec<(Place<'t>, StringRecord)>), InterchangeError> {
    let syntax = |error: csv::Error| {
        let at = error
            .position()
            .map_or(Location::File, |p| Location::line(p.line()));
        Place::new(file, at).syntax(FORMAT, error.to_string())
    };
    let mut reader = ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(syntax)?.clone();
    let columns = Columns::new(&header);
    for column in required {
        if !columns.has(column) {
            return Err(InterchangeError::MissingField {
                file: file.to_owned(),
                at: Location::line(1),
                field: column,
            });
        }
    }
    let mut rows = Vec::new();
    for row in reader.records() {
        let row = row.map_err(syntax)?;
        let line = row.position().map_or(0, |p| p.line());
        let place = Place::new(file, Location::line(line));
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if row.len() > header.len() {
            return Err(place.syntax(
                FORMAT,
                format!(
                    "this row has {} values but the header row has {} columns; put text that \
                     holds commas in double quotes",
                    row.len(),
                    header.len()
                ),
            ));
        }
        rows.push((place, row));
        check_count(file, what, rows.len(), max)?;
    }
    Ok((columns, rows))
}

fn read_nodes(file: &str, text: &str) -> Result<Vec<NodeRecord>, InterchangeError> {
    let (columns, rows) = rows(file, text, &["label"], ("nodes", NODES_MAX))?;
    let mut nodes = Vec::with_capacity(rows.len());
    for (place, row) in rows {
        let cell = |name: &str| columns.cell(&row, name);
        let mut node = NodeRecord::new(place.at.clone());
        node.id = Some(cell("id").to_owned());
        node.label = Some(cell("label").to_owned());
        node.kind = vocabulary::parse_kind(&place, "kind", cell("kind"))?;
        node.level = vocabulary::parse_level(&place, "level", cell("level"))?;
        node.position = match (
            vocabulary::parse_number(&place, "x", cell("x"))?,
            vocabulary::parse_number(&place, "y", cell("y"))?,
        ) {
            (Some(x), Some(y)) => Some((x, y)),
            (None, None) => None,
            (None, Some(_)) => return Err(place.missing("x")),
            (Some(_), None) => return Err(place.missing("y")),
        };
        node.notes = cell("notes").to_owned();
        node.pinned = vocabulary::parse_bool(&place, "pinned", cell("pinned"))?;
        node.failures = failure_text::read_list(&place, "failures", cell("failures"))?;
        nodes.push(node);
    }
    Ok(nodes)
}

fn read_connections(file: &str, text: &str) -> Result<Vec<ConnectionRecord>, InterchangeError> {
    let (columns, rows) = rows(
        file,
        text,
        &["from", "to"],
        ("connections", CONNECTIONS_MAX),
    )?;
    let mut connections = Vec::with_capacity(rows.len());
    for (place, row) in rows {
        let cell = |name: &str| columns.cell(&row, name);
        connections.push(ConnectionRecord {
            at: place.at.clone(),
            id: Some(cell("id").to_owned()),
            from: cell("from").to_owned(),
            to: cell("to").to_owned(),
            polarity: vocabulary::parse_polarity(&place, "polarity", cell("polarity"))?,
            label: cell("label").to_owned(),
            delay: vocabulary::parse_bool(&place, "delay", cell("delay"))?,
            failures: failure_text::read_list(&place, "failures", cell("failures"))?,
        });
    }
    Ok(connections)
}
