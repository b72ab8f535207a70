//! JSON Canvas 1.0 (jsoncanvas.org), as Obsidian's `.canvas` files: `nodes` (text cards with
//! `x`, `y` of their top-left corner, `width`, `height`, `color`) and `edges` (`fromNode`, `toNode`,
//! `label`).
//!
//! A card's text is the node's label, then a blank line and its notes. Its colour is the kind's
//! outline colour, so kinds survive even in an app that drops what it does not know. What JSON
//! Canvas has no place for (kind, level, pinned, polarity, delay, failure points) is kept in an
//! extra `"systematic"` object on each node and edge.

use super::builder::{self, check_count, ConnectionRecord, NodeRecord, CONNECTIONS_MAX, NODES_MAX};
use super::error::{Location, Place};
use super::failure_text::{self, FailureText};
use super::json::{self, get};
use super::vocabulary;
use super::{ImportedMap, InterchangeError};
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};
use systematic_ipc::{MapView, NodeKind, Polarity, NODE_HEIGHT, NODE_WIDTH};

const FORMAT: &str = "JSON Canvas";
/// The key of our own fields on canvas nodes and edges.
const EXTENSION: &str = "systematic";
/// Extra card height per line of notes, and the most lines a card grows for.
const LINE_HEIGHT: f64 = 20.0;
const GROWN_LINES_MAX: usize = 20;

pub fn export(map: &MapView) -> Vec<u8> {
    let mut failures_on: HashMap<&str, Vec<Value>> = HashMap::new();
    for failure in &map.failures {
        failures_on
            .entry(failure.failure.on.as_str())
            .or_default()
            .push(json!({
                "description": failure.failure.description,
                "severity": failure.failure.severity,
            }));
    }
    let failures = |id: &str| failures_on.get(id).cloned().unwrap_or_default();

    let nodes: Vec<Value> = map
        .nodes
        .iter()
        .map(|node| {
            let n = &node.node;
            let note_lines = n.notes.lines().count().min(GROWN_LINES_MAX);
            let height = if n.notes.is_empty() {
                NODE_HEIGHT
            } else {
                NODE_HEIGHT + LINE_HEIGHT * (note_lines + 1) as f64
            };
            let mut extension = Map::new();
            extension.insert("kind".into(), json!(n.kind.name()));
            if let Some(level) = n.level {
                extension.insert("level".into(), json!(level.name()));
            }
            extension.insert("pinned".into(), json!(n.pinned));
            extension.insert("failures".into(), json!(failures(&node.id)));
            json!({
                "id": node.id,
                "type": "text",
                "text": card_text(&n.label, &n.notes),
                "x": (n.x - NODE_WIDTH / 2.0).round() as i64,
                "y": (n.y - height / 2.0).round() as i64,
                "width": NODE_WIDTH as i64,
                "height": height as i64,
                "color": n.kind.colours().1,
                EXTENSION: extension,
            })
        })
        .collect();
    let edges: Vec<Value> = map
        .connections
        .iter()
        .map(|connection| {
            let c = &connection.connection;
            let mut edge = json!({
                "id": connection.id,
                "fromNode": c.from,
                "toNode": c.to,
                "toEnd": "arrow",
                EXTENSION: {
                    "polarity": c.polarity.name(),
                    "delay": c.delay,
                    "failures": failures(&connection.id),
                },
            });
            if !c.label.is_empty() {
                edge["label"] = json!(c.label);
            }
            edge
        })
        .collect();
    serde_json::to_vec_pretty(&json!({ "nodes": nodes, "edges": edges })).unwrap_or_default()
}

/// The label (one line; a leading `#` or `\` escaped so Markdown does not read it as a heading),
/// then a blank line and the notes.
fn card_text(label: &str, notes: &str) -> String {
    let label = label.replace(['\r', '\n'], " ");
    let label = if label.starts_with(['#', '\\']) {
        format!("\\{label}")
    } else {
        label
    };
    if notes.is_empty() {
        label
    } else {
        format!("{label}\n\n{notes}")
    }
}

/// A card's label and notes: the first line (without Markdown heading marks) and the rest.
fn split_card_text(text: &str) -> (String, String) {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim();
    let label = match first.strip_prefix('\\') {
        Some(escaped) => escaped,
        None => {
            let unmarked = first.trim_start_matches('#');
            if unmarked.len() < first.len() && (unmarked.is_empty() || unmarked.starts_with(' ')) {
                unmarked.trim()
            } else {
                first
            }
        }
    };
    (label.to_owned(), rest.trim().to_owned())
}

pub fn import(file: &str, text: &str) -> Result<ImportedMap, InterchangeError> {
    let root = json::parse_object(
        file,
        FORMAT,
        text,
        "a canvas is an object with \"nodes\" and \"edges\"",
    )?;
    if !root.is_empty() && !root.contains_key("nodes") && !root.contains_key("edges") {
        return Err(Place::new(file, Location::File).syntax(
            FORMAT,
            "a canvas has \"nodes\" and \"edges\", and this file has neither",
        ));
    }
    let canvas_nodes = json::list(file, FORMAT, &root, "nodes")?;
    let canvas_edges = json::list(file, FORMAT, &root, "edges")?;
    check_count(file, "nodes", canvas_nodes.len(), NODES_MAX)?;
    check_count(file, "connections", canvas_edges.len(), CONNECTIONS_MAX)?;

    let mut groups = HashSet::new();
    let mut nodes = Vec::with_capacity(canvas_nodes.len());
    for (index, node) in canvas_nodes.iter().enumerate() {
        let place = Place::new(file, Location::entry("node", index));
        match read_node(&place, node)? {
            Card::Node(node) => nodes.push(*node),
            Card::Group(id) => {
                groups.insert(id);
            }
        }
    }
    let mut connections = Vec::with_capacity(canvas_edges.len());
    for (index, edge) in canvas_edges.iter().enumerate() {
        let place = Place::new(file, Location::entry("edge", index));
        read_edge(&place, edge, &groups, &mut connections)?;
    }
    builder::build(file, nodes, connections)
}

/// A canvas node: a node of the map, or a group (which the map has no place for).
enum Card {
    Node(Box<NodeRecord>),
    Group(String),
}

fn extension(object: &Map<String, Value>) -> Option<&Map<String, Value>> {
    object.get(EXTENSION).and_then(Value::as_object)
}

fn read_node(place: &Place, value: &Value) -> Result<Card, InterchangeError> {
    let object = json::entry_object(place, FORMAT, value)?;
    let id = json::text(place, "id", object.get("id"))?;
    let kind_of_card =
        json::text(place, "type", object.get("type"))?.unwrap_or_else(|| "text".into());
    let mut node = NodeRecord::new(place.at.clone());
    match kind_of_card.as_str() {
        "text" => {
            let text = json::text(place, "text", object.get("text"))?.unwrap_or_default();
            let (label, notes) = split_card_text(&text);
            node.label = Some(label);
            node.notes = notes;
        }
        "file" => node.label = json::text(place, "file", object.get("file"))?,
        "link" => node.label = json::text(place, "url", object.get("url"))?,
        "group" => return Ok(Card::Group(id.unwrap_or_default().trim().to_owned())),
        other => {
            return Err(place.bad_value("type", other, "use text, file, link or group"));
        }
    }
    node.id = id;

    let number = |field| json::number(place, field, object.get(field));
    let width = number("width")?.unwrap_or(NODE_WIDTH);
    let height = number("height")?.unwrap_or(NODE_HEIGHT);
    node.position = match (number("x")?, number("y")?) {
        (Some(x), Some(y)) => Some((x + width / 2.0, y + height / 2.0)),
        (None, None) => None,
        (None, Some(_)) => return Err(place.missing("x")),
        (Some(_), None) => return Err(place.missing("y")),
    };

    let ours = extension(object);
    let field = |key: &str| ours.and_then(|o| get(o, &[key]));
    node.kind = match json::text(place, "kind", field("kind"))? {
        Some(kind) => vocabulary::parse_kind(place, "kind", &kind)?,
        None => kind_of_colour(json::text(place, "color", object.get("color"))?.as_deref()),
    };
    if let Some(level) = json::text(place, "level", field("level"))? {
        node.level = vocabulary::parse_level(place, "level", &level)?;
    }
    node.pinned = json::flag(place, "pinned", field("pinned"))?;
    node.failures = failures(place, field("failures"))?;
    Ok(Card::Node(Box::new(node)))
}

/// The kind whose outline or fill colour a card has; service when none does.
fn kind_of_colour(colour: Option<&str>) -> NodeKind {
    colour
        .and_then(|colour| {
            NodeKind::ALL.into_iter().find(|kind| {
                let (fill, outline) = kind.colours();
                colour.eq_ignore_ascii_case(fill) || colour.eq_ignore_ascii_case(outline)
            })
        })
        .unwrap_or_default()
}

fn read_edge(
    place: &Place,
    value: &Value,
    groups: &HashSet<String>,
    connections: &mut Vec<ConnectionRecord>,
) -> Result<(), InterchangeError> {
    let object = json::entry_object(place, FORMAT, value)?;
    let end = |key: &'static str| {
        json::text(place, key, object.get(key))?
            .filter(|end| !end.trim().is_empty())
            .ok_or_else(|| place.missing(key))
    };
    let (from, to) = (end("fromNode")?, end("toNode")?);
    if groups.contains(from.trim()) || groups.contains(to.trim()) {
        return Ok(());
    }
    let arrow = |key: &'static str, default: &str| -> Result<bool, InterchangeError> {
        let value = json::text(place, key, object.get(key))?;
        match value.as_deref().unwrap_or(default) {
            "arrow" => Ok(true),
            "none" => Ok(false),
            other => Err(place.bad_value(key, other, "use arrow or none")),
        }
    };
    let (arrow_at_start, arrow_at_end) = (arrow("fromEnd", "none")?, arrow("toEnd", "arrow")?);

    let ours = extension(object);
    let field = |key: &str| ours.and_then(|o| get(o, &[key]));
    let polarity = match json::text(place, "polarity", field("polarity"))? {
        Some(polarity) => vocabulary::parse_polarity(place, "polarity", &polarity)?,
        None => Polarity::Unknown,
    };
    let mut record = ConnectionRecord {
        at: place.at.clone(),
        id: json::text(place, "id", object.get("id"))?,
        from,
        to,
        polarity,
        label: json::text(place, "label", object.get("label"))?.unwrap_or_default(),
        delay: json::flag(place, "delay", field("delay"))?,
        failures: failures(place, field("failures"))?,
    };
    if arrow_at_start && !arrow_at_end {
        std::mem::swap(&mut record.from, &mut record.to);
    }
    if arrow_at_start && arrow_at_end {
        let back = record.the_way_back();
        connections.push(record);
        connections.push(back);
    } else {
        connections.push(record);
    }
    Ok(())
}

/// Failure points: a list of `{ "description", "severity" }` (or of `[severity] description`
/// texts).
fn failures(place: &Place, value: Option<&Value>) -> Result<Vec<FailureText>, InterchangeError> {
    const FIELD: &str = "failures";
    let items = match value {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(place.bad_value(FIELD, other.to_string(), "failures must be a list"))
        }
    };
    items
        .iter()
        .map(|item| match item {
            Value::String(text) => failure_text::read_item(place, FIELD, text),
            Value::Object(failure) => {
                let description = json::text(place, "description", failure.get("description"))?
                    .filter(|d| !d.trim().is_empty())
                    .ok_or_else(|| place.missing("failure point's description"))?;
                let severity = match failure.get("severity") {
                    None | Some(Value::Null) => None,
                    Some(value) => match value.as_u64() {
                        Some(severity @ 1..=5) => Some(severity as u8),
                        _ => {
                            return Err(place.bad_value(
                                "severity",
                                value.to_string(),
                                "a severity is a whole number from 1 to 5",
                            ))
                        }
                    },
                };
                Ok(FailureText {
                    description,
                    severity,
                })
            }
            other => Err(place.bad_value(
                FIELD,
                other.to_string(),
                "each failure point is { \"description\": …, \"severity\": 1 to 5 }",
            )),
        })
        .collect()
}
