//! Turns the records a format reader found into an [`ImportedMap`], with the checks every format
//! shares: limits, lengths, unique ids, connections pointing at nodes, and ids for items the file
//! gave none.

use super::error::{Location, Place};
use super::failure_text::FailureText;
use super::{ImportedMap, InterchangeError};
use crate::limits::{LONG_TEXT_MAX, TITLE_MAX};
use std::collections::{HashMap, HashSet};
use systematic_ipc::{
    ConnectionDraft, FailureDraft, Level, MapConnection, MapFailure, MapNode, NodeDraft, NodeKind,
    Polarity,
};

/// Files larger than this are refused before they are read.
pub const FILE_BYTES_MAX: usize = 50_000_000;
/// The most nodes, connections and failure points one map may hold (as the workshop model).
pub const NODES_MAX: usize = 2_000;
pub const CONNECTIONS_MAX: usize = 4_000;
pub const FAILURES_MAX: usize = 4_000;
/// A label, as the model's short lines.
pub const LABEL_MAX: usize = TITLE_MAX;
/// Notes and failure descriptions, as the model's long texts.
pub const TEXT_MAX: usize = LONG_TEXT_MAX;
/// Positions further out than this are refused, as the model refuses them.
pub const COORDINATE_MAX: f64 = 1e9;

/// A node as read from a file, before the shared checks.
#[derive(Debug, Clone)]
pub struct NodeRecord {
    pub at: Location,
    pub id: Option<String>,
    pub label: Option<String>,
    pub kind: NodeKind,
    pub level: Option<Level>,
    pub position: Option<(f64, f64)>,
    pub notes: String,
    pub pinned: bool,
    pub failures: Vec<FailureText>,
}

impl NodeRecord {
    pub fn new(at: Location) -> Self {
        Self {
            at,
            id: None,
            label: None,
            kind: NodeKind::default(),
            level: None,
            position: None,
            notes: String::new(),
            pinned: false,
            failures: Vec::new(),
        }
    }
}

/// A connection as read from a file: its ends are node ids, or labels.
#[derive(Debug, Clone)]
pub struct ConnectionRecord {
    pub at: Location,
    pub id: Option<String>,
    pub from: String,
    pub to: String,
    pub polarity: Polarity,
    pub label: String,
    pub delay: bool,
    pub failures: Vec<FailureText>,
}

impl ConnectionRecord {
    /// The same connection the other way round, for an edge drawn with arrows at both ends: its
    /// id gets "-back", and the failure points stay on the way there.
    pub fn the_way_back(&self) -> Self {
        let mut back = self.clone();
        std::mem::swap(&mut back.from, &mut back.to);
        back.id = self.id.as_ref().map(|id| format!("{}-back", id.trim()));
        back.failures.clear();
        back
    }
}

/// Refuses a list that has grown past its limit, while a reader is still collecting it.
pub fn check_count(
    file: &str,
    what: &'static str,
    count: usize,
    max: usize,
) -> Result<(), InterchangeError> {
    if count > max {
        return Err(InterchangeError::TooMany {
            file: file.to_owned(),
            what,
            max,
        });
    }
    Ok(())
}

/// Checks the records of one file and builds the map. Nodes without a position are laid out on a
/// grid below the others.
pub fn build(
    file: &str,
    nodes: Vec<NodeRecord>,
    connections: Vec<ConnectionRecord>,
) -> Result<ImportedMap, InterchangeError> {
    build_from_files(file, nodes, file, connections)
}

/// As [`build`], for nodes and connections read from two files (CSV).
pub fn build_from_files(
    nodes_file: &str,
    nodes: Vec<NodeRecord>,
    connections_file: &str,
    connections: Vec<ConnectionRecord>,
) -> Result<ImportedMap, InterchangeError> {
    check_count(nodes_file, "nodes", nodes.len(), NODES_MAX)?;
    check_count(
        connections_file,
        "connections",
        connections.len(),
        CONNECTIONS_MAX,
    )?;
    let failure_count = nodes.iter().map(|n| n.failures.len()).sum::<usize>()
        + connections.iter().map(|c| c.failures.len()).sum::<usize>();
    check_count(nodes_file, "failure points", failure_count, FAILURES_MAX)?;
    let mut nodes = nodes;
    let mut connections = connections;
    for id in nodes
        .iter_mut()
        .map(|n| &mut n.id)
        .chain(connections.iter_mut().map(|c| &mut c.id))
    {
        *id = id
            .take()
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty());
    }

    let mut ids = IdAllocator::default();
    for (file, at, id) in nodes
        .iter()
        .map(|n| (nodes_file, &n.at, &n.id))
        .chain(connections.iter().map(|c| (connections_file, &c.at, &c.id)))
    {
        if let Some(id) = id {
            ids.claim(&Place::new(file, at.clone()), id)?;
        }
    }

    let mut built = ImportedMap::default();
    // (the item's id, the file and place it was read at, the failure point)
    let mut pending_failures: Vec<(String, &str, Location, FailureText)> = Vec::new();
    let mut unpositioned = Vec::new();
    let mut node_ids: HashSet<String> = HashSet::new();
    let mut by_label: HashMap<String, Vec<String>> = HashMap::new();
    for (index, record) in nodes.into_iter().enumerate() {
        let place = Place::new(nodes_file, record.at.clone());
        let label = required_label(&place, record.label.as_deref())?;
        let notes = checked_text(&place, "notes", &record.notes, TEXT_MAX)?;
        let (x, y) = match record.position {
            Some((x, y)) => (coordinate(&place, "x", x)?, coordinate(&place, "y", y)?),
            None => {
                unpositioned.push(index);
                (0.0, 0.0)
            }
        };
        let id = record.id.unwrap_or_else(|| ids.generate("node"));
        node_ids.insert(id.clone());
        by_label.entry(label.clone()).or_default().push(id.clone());
        for failure in record.failures {
            pending_failures.push((id.clone(), nodes_file, record.at.clone(), failure));
        }
        built.nodes.push(MapNode {
            id,
            node: NodeDraft {
                kind: record.kind,
                level: record.level,
                label,
                x,
                y,
                notes,
                pinned: record.pinned,
                links: Vec::new(),
            },
        });
    }

    for record in connections {
        let place = Place::new(connections_file, record.at.clone());
        let resolve = |field: &'static str, reference: &str| {
            resolve_node(&place, field, &node_ids, &by_label, reference)
        };
        let from = resolve("from", &record.from)?;
        let to = resolve("to", &record.to)?;
        let label = checked_text(&place, "label", &record.label, LABEL_MAX)?;
        let id = record.id.unwrap_or_else(|| ids.generate("connection"));
        for failure in record.failures {
            pending_failures.push((id.clone(), connections_file, record.at.clone(), failure));
        }
        built.connections.push(MapConnection {
            id,
            connection: ConnectionDraft {
                from,
                to,
                polarity: record.polarity,
                label,
                delay: record.delay,
            },
        });
    }

    for (on, file, at, failure) in pending_failures {
        let place = Place::new(file, at);
        let description = checked_text(
            &place,
            "failure point's description",
            &failure.description,
            TEXT_MAX,
        )?;
        if description.is_empty() {
            return Err(place.missing("failure point's description"));
        }
        built.failures.push(MapFailure {
            id: ids.generate("failure"),
            failure: FailureDraft {
                on,
                description,
                severity: failure.severity,
                raised_by: None,
            },
        });
    }

    lay_out_on_grid(&mut built.nodes, &unpositioned);
    Ok(built)
}

/// Hands out ids: the file's own (each once), and new ones that clash with none of them.
#[derive(Default)]
struct IdAllocator {
    used: HashSet<String>,
    next: usize,
}

impl IdAllocator {
    fn claim(&mut self, place: &Place, id: &str) -> Result<(), InterchangeError> {
        if !self.used.insert(id.to_owned()) {
            return Err(InterchangeError::DuplicateId {
                file: place.file.to_owned(),
                at: place.at.clone(),
                id: id.to_owned(),
            });
        }
        Ok(())
    }

    fn generate(&mut self, prefix: &str) -> String {
        loop {
            self.next += 1;
            let id = format!("{prefix}-{}", self.next);
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// A node's label: present, trimmed, and not too long.
fn required_label(place: &Place, label: Option<&str>) -> Result<String, InterchangeError> {
    let label = checked_text(place, "label", label.unwrap_or_default(), LABEL_MAX)?;
    if label.is_empty() {
        return Err(place.missing("label"));
    }
    Ok(label)
}

/// A text trimmed as the model stores it, refused (never cut) when too long.
fn checked_text(
    place: &Place,
    field: &'static str,
    text: &str,
    max: usize,
) -> Result<String, InterchangeError> {
    let trimmed = text.trim();
    if trimmed.chars().count() > max {
        return Err(place.bad_value(
            field,
            trimmed,
            format!("it may be at most {max} characters long"),
        ));
    }
    Ok(trimmed.to_owned())
}

fn coordinate(place: &Place, field: &'static str, value: f64) -> Result<f64, InterchangeError> {
    if value.is_finite() && value.abs() <= COORDINATE_MAX {
        Ok(value)
    } else {
        Err(place.bad_value(
            field,
            value.to_string(),
            "a position must be a number between -1000000000 and 1000000000",
        ))
    }
}

/// The node a connection end names: by id first, then by label (which must be unique).
fn resolve_node(
    place: &Place,
    field: &'static str,
    node_ids: &HashSet<String>,
    by_label: &HashMap<String, Vec<String>>,
    reference: &str,
) -> Result<String, InterchangeError> {
    let reference = reference.trim();
    if reference.is_empty() {
        return Err(place.missing(field));
    }
    if node_ids.contains(reference) {
        return Ok(reference.to_owned());
    }
    match by_label.get(reference).map(Vec::as_slice) {
        Some([id]) => Ok(id.clone()),
        Some([_, _, ..]) => Err(InterchangeError::AmbiguousNode {
            file: place.file.to_owned(),
            at: place.at.clone(),
            label: reference.to_owned(),
        }),
        _ => Err(InterchangeError::UnknownNode {
            file: place.file.to_owned(),
            at: place.at.clone(),
            id: reference.to_owned(),
        }),
    }
}

/// Grid spacing for nodes a file gave no position.
const GRID_COLUMNS: usize = 6;
const GRID_DX: f64 = 200.0;
const GRID_DY: f64 = 120.0;

/// Places the `unpositioned` nodes on a grid under the positioned ones, so none overlap.
fn lay_out_on_grid(nodes: &mut [MapNode], unpositioned: &[usize]) {
    if unpositioned.is_empty() {
        return;
    }
    let waiting: HashSet<usize> = unpositioned.iter().copied().collect();
    let placed = nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| !waiting.contains(i))
        .map(|(_, n)| (n.node.x, n.node.y));
    let (left, bottom) = placed
        .fold(None, |acc: Option<(f64, f64)>, (x, y)| {
            Some(acc.map_or((x, y), |(l, b)| (l.min(x), b.max(y))))
        })
        .map_or((0.0, -GRID_DY), |(l, b)| (l, b));
    for (slot, &index) in unpositioned.iter().enumerate() {
        if let Some(node) = nodes.get_mut(index) {
            let x = left + (slot % GRID_COLUMNS) as f64 * GRID_DX;
            let y = bottom + GRID_DY * (1 + slot / GRID_COLUMNS) as f64;
            node.node.x = x.min(COORDINATE_MAX);
            node.node.y = y.min(COORDINATE_MAX);
        }
    }
}
