//! Kumu JSON blueprints (kumu.io): `elements`, `connections`, `loops` and `maps`, as Kumu's own
//! project export writes them, and the simpler hand-written blueprints of Kumu's documentation
//! (attributes directly on the element, connections naming elements by label).
//!
//! Kumu keeps positions per map view: `maps[].elements[]` is `{ "element": id, "position":
//! { "x", "y" }, "pinned" }`. Our export writes one map view, named after the workshop, and keeps
//! the feedback loops the analysis finds (Kumu's spreadsheet export drops loops).

use super::builder::{self, check_count, ConnectionRecord, NodeRecord, CONNECTIONS_MAX, NODES_MAX};
use super::error::{Location, Place};
use super::failure_text::{self, Failure, FailureText};
use super::json::{self, get};
use super::vocabulary::{self, kind_display_name};
use super::{ImportedMap, InterchangeError};
use crate::analysis::{analyze, DEFAULT_LOOP_CAP};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use systematic_ipc::{LoopKind, MapView, Polarity};

const FORMAT: &str = "Kumu JSON";

/// Where Kumu keeps what we call…
const LABEL: &[&str] = &["label"];
const ELEMENT_TYPE: &[&str] = &["element type", "type", "kind"];
const LEVEL: &[&str] = &["level"];
const DESCRIPTION: &[&str] = &["description", "notes"];
const FAILURE_POINTS: &[&str] = &["failure points", "failures"];
const POLARITY: &[&str] = &["polarity", "connection type", "type"];
const DELAY: &[&str] = &["delayed", "delay"];

pub fn export(map: &MapView, title: &str) -> Vec<u8> {
    let failures_on = failure_text::by_item(map);
    let elements: Vec<Value> = map
        .nodes
        .iter()
        .map(|node| {
            let n = &node.node;
            let mut attributes = Map::new();
            attributes.insert("label".into(), json!(n.label));
            attributes.insert("element type".into(), json!(kind_display_name(n.kind)));
            if let Some(level) = n.level {
                attributes.insert("level".into(), json!(level.name()));
            }
            if !n.notes.is_empty() {
                attributes.insert("description".into(), json!(n.notes));
            }
            add_failures(&mut attributes, failures_on.get(node.id.as_str()));
            json!({ "_id": node.id, "attributes": attributes })
        })
        .collect();
    let connections: Vec<Value> = map
        .connections
        .iter()
        .map(|connection| {
            let c = &connection.connection;
            let mut attributes = Map::new();
            match c.polarity {
                Polarity::Positive => attributes.insert("connection type".into(), json!("+")),
                Polarity::Negative => attributes.insert("connection type".into(), json!("-")),
                Polarity::Unknown => None,
            };
            if !c.label.is_empty() {
                attributes.insert("label".into(), json!(c.label));
            }
            add_failures(&mut attributes, failures_on.get(connection.id.as_str()));
            json!({
                "_id": connection.id,
                "direction": "directed",
                "delayed": c.delay,
                "reversed": false,
                "attributes": attributes,
                "from": c.from,
                "to": c.to,
            })
        })
        .collect();
    let loops = loops(map);
    let view = json!({
        "_id": "map-1",
        "name": title,
        "description": "",
        "elements": map.nodes.iter().enumerate().map(|(i, node)| json!({
            "_id": format!("node-{}", i + 1),
            "element": node.id,
            "position": { "x": node.node.x, "y": node.node.y },
            "pinned": node.node.pinned,
        })).collect::<Vec<_>>(),
        "connections": map.connections.iter().enumerate().map(|(i, connection)| json!({
            "_id": format!("edge-{}", i + 1),
            "connection": connection.id,
        })).collect::<Vec<_>>(),
        "loops": loops.iter().enumerate().map(|(i, l)| json!({
            "_id": format!("labl-{}", i + 1),
            "loop": l["_id"],
            "position": null,
            "pinned": false,
        })).collect::<Vec<_>>(),
    });
    let blueprint = json!({
        "name": title,
        "elements": elements,
        "connections": connections,
        "loops": loops,
        "maps": [view],
    });
    serde_json::to_vec_pretty(&blueprint).unwrap_or_default()
}

/// Failure points as a multi-valued Kumu field, one `[severity] description` each.
fn add_failures(attributes: &mut Map<String, Value>, failures: Option<&Vec<Failure>>) {
    if let Some(failures) = failures.filter(|f| !f.is_empty()) {
        let items: Vec<String> = failures
            .iter()
            .map(|(description, severity)| failure_text::write_item(description, *severity))
            .collect();
        attributes.insert("failure points".into(), json!(items));
    }
}

/// The map's feedback loops as Kumu loops, labelled R1, B2, U3 (reinforcing, balancing,
/// unclear) as causal loop diagrams label them.
fn loops(map: &MapView) -> Vec<Value> {
    let analysis = analyze(&map.nodes, &map.connections, DEFAULT_LOOP_CAP);
    let labels: HashMap<&str, &str> = map
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.node.label.as_str()))
        .collect();
    analysis
        .loops
        .iter()
        .enumerate()
        .map(|(i, feedback_loop)| {
            let (letter, kind) = match feedback_loop.kind {
                LoopKind::Reinforcing => ("R", "Reinforcing"),
                LoopKind::Balancing => ("B", "Balancing"),
                LoopKind::Unclear => ("U", "Unclear"),
            };
            let mut path: Vec<&str> = feedback_loop
                .nodes
                .iter()
                .map(|id| labels.get(id.as_str()).copied().unwrap_or(id))
                .collect();
            if let Some(first) = path.first().copied() {
                path.push(first);
            }
            json!({
                "_id": format!("loop-{}", i + 1),
                "attributes": {
                    "label": format!("{letter}{}", i + 1),
                    "loop type": kind,
                    "description": path.join(" → "),
                },
                "connections": feedback_loop.connections,
            })
        })
        .collect()
}

pub fn import(file: &str, text: &str) -> Result<ImportedMap, InterchangeError> {
    let root = json::parse_object(
        file,
        FORMAT,
        text,
        "a Kumu blueprint is an object with \"elements\" and \"connections\"",
    )?;
    if !root.contains_key("elements") && !root.contains_key("connections") {
        return Err(Place::new(file, Location::File).syntax(
            FORMAT,
            "a Kumu blueprint has \"elements\" and \"connections\", and this file has neither",
        ));
    }
    let elements = json::list(file, FORMAT, &root, "elements")?;
    let connections = json::list(file, FORMAT, &root, "connections")?;
    check_count(file, "nodes", elements.len(), NODES_MAX)?;
    check_count(file, "connections", connections.len(), CONNECTIONS_MAX)?;
    let layout = map_layout(file, &root)?;

    let mut nodes = Vec::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        nodes.push(read_element(
            &Place::new(file, Location::entry("element", index)),
            element,
            &layout,
        )?);
    }
    let mut records = Vec::with_capacity(connections.len());
    for (index, connection) in connections.iter().enumerate() {
        read_connection(
            &Place::new(file, Location::entry("connection", index)),
            connection,
            &mut records,
        )?;
    }
    builder::build(file, nodes, records)
}

/// Where an element sits and whether it is pinned, in one map view.
struct Placement {
    position: Option<(f64, f64)>,
    pinned: bool,
}

/// The placements of the project's default map view, or else of its first one.
fn map_layout(
    file: &str,
    root: &Map<String, Value>,
) -> Result<HashMap<String, Placement>, InterchangeError> {
    let maps = json::list(file, FORMAT, root, "maps")?;
    let default_map = root.get("defaultMap").and_then(Value::as_str);
    let chosen = maps
        .iter()
        .find(|m| default_map.is_some() && m.get("_id").and_then(Value::as_str) == default_map)
        .or_else(|| maps.first());
    let Some(view) = chosen.and_then(Value::as_object) else {
        return Ok(HashMap::new());
    };
    let mut layout = HashMap::new();
    for (index, entry) in json::list(file, FORMAT, view, "elements")?
        .iter()
        .enumerate()
    {
        let place = Place::new(file, Location::entry("map element", index));
        let entry = json::entry_object(&place, FORMAT, entry)?;
        let Some(element) = json::text(&place, "element", entry.get("element"))? else {
            continue;
        };
        let position = match entry.get("position") {
            None | Some(Value::Null) => None,
            Some(Value::Object(point)) => {
                match (
                    json::number(&place, "x", point.get("x"))?,
                    json::number(&place, "y", point.get("y"))?,
                ) {
                    (Some(x), Some(y)) => Some((x, y)),
                    (None, _) => return Err(place.missing("x")),
                    (_, None) => return Err(place.missing("y")),
                }
            }
            Some(other) => {
                return Err(place.bad_value(
                    "position",
                    other.to_string(),
                    "a position is written { \"x\": 10, \"y\": 20 }",
                ))
            }
        };
        let pinned = json::flag(&place, "pinned", entry.get("pinned"))?;
        layout.insert(element, Placement { position, pinned });
    }
    Ok(layout)
}

/// An element's fields: in `attributes` (Kumu's export), or on the element itself (hand-written
/// blueprints).
fn field<'a>(element: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    element
        .get("attributes")
        .and_then(Value::as_object)
        .and_then(|attributes| get(attributes, keys))
        .or_else(|| get(element, keys))
}

fn read_element(
    place: &Place,
    element: &Value,
    layout: &HashMap<String, Placement>,
) -> Result<NodeRecord, InterchangeError> {
    let element = json::entry_object(place, FORMAT, element)?;
    let mut node = NodeRecord::new(place.at.clone());
    node.id = json::text(place, "_id", get(element, &["_id", "id"]))?;
    node.label = json::text(place, "label", field(element, LABEL))?;
    if node.label.as_deref().is_none_or(|l| l.trim().is_empty()) {
        node.label = node.id.clone();
    }
    if let Some(kind) = json::text(place, "element type", field(element, ELEMENT_TYPE))? {
        node.kind = vocabulary::parse_kind(place, "element type", &kind)?;
    }
    if let Some(level) = json::text(place, "level", field(element, LEVEL))? {
        node.level = vocabulary::parse_level(place, "level", &level)?;
    }
    node.notes = json::text(place, "description", field(element, DESCRIPTION))?.unwrap_or_default();
    node.failures = failures(place, field(element, FAILURE_POINTS))?;
    if let Some(placement) = node.id.as_ref().and_then(|id| layout.get(id.trim())) {
        node.position = placement.position;
        node.pinned = placement.pinned;
    }
    Ok(node)
}

/// Reads one connection; a "mutual" one becomes two, one each way.
fn read_connection(
    place: &Place,
    connection: &Value,
    records: &mut Vec<ConnectionRecord>,
) -> Result<(), InterchangeError> {
    let connection = json::entry_object(place, FORMAT, connection)?;
    let end = |key: &'static str| {
        json::text(place, key, connection.get(key))?
            .filter(|end| !end.trim().is_empty())
            .ok_or_else(|| place.missing(key))
    };
    let (mut from, mut to) = (end("from")?, end("to")?);
    if json::flag(place, "reversed", connection.get("reversed"))? {
        std::mem::swap(&mut from, &mut to);
    }
    let direction = json::text(place, "direction", connection.get("direction"))?
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let mutual = match direction.as_str() {
        "" | "directed" | "undirected" => false,
        "mutual" => true,
        _ => {
            return Err(place.bad_value(
                "direction",
                direction,
                "use directed, undirected or mutual",
            ))
        }
    };
    let polarity = match json::text(place, "connection type", field(connection, POLARITY))? {
        Some(polarity) => vocabulary::parse_polarity(place, "connection type", &polarity)?,
        None => Polarity::Unknown,
    };
    let record = ConnectionRecord {
        at: place.at.clone(),
        id: json::text(place, "_id", get(connection, &["_id", "id"]))?,
        from,
        to,
        polarity,
        label: json::text(place, "label", field(connection, LABEL))?.unwrap_or_default(),
        delay: json::flag(place, "delayed", field(connection, DELAY))?,
        failures: failures(place, field(connection, FAILURE_POINTS))?,
    };
    if mutual {
        let mut back = record.clone();
        std::mem::swap(&mut back.from, &mut back.to);
        back.id = record.id.as_ref().map(|id| format!("{}-back", id.trim()));
        back.failures.clear();
        records.push(record);
        records.push(back);
    } else {
        records.push(record);
    }
    Ok(())
}

/// Failure points: a Kumu multi-valued field (a list of `[severity] description`), or one text
/// with one failure point per line.
fn failures(place: &Place, value: Option<&Value>) -> Result<Vec<FailureText>, InterchangeError> {
    const FIELD: &str = "failure points";
    match value {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(text)) => failure_text::read_list(place, FIELD, text),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| match item {
                Value::String(text) if text.trim().is_empty() => None,
                Value::String(text) => Some(failure_text::read_item(place, FIELD, text)),
                other => Some(Err(place.bad_value(
                    FIELD,
                    other.to_string(),
                    "each failure point must be a text",
                ))),
            })
            .collect(),
        Some(other) => Err(place.bad_value(
            FIELD,
            other.to_string(),
            "failure points must be a list of texts",
        )),
    }
}
