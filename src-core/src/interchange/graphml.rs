//! GraphML (graphml.graphdrawing.org), for Gephi, yEd, Cytoscape and networkx. Our attributes are
//! declared as `<key>`s; failure points are one text per node or edge, one per line (see
//! [`failure_text`]).
//!
//! Import reads keys by their `attr.name` (or their id when they have none), so files from other
//! tools work when they use the same names; a node without a label is labelled with its id.

use super::builder::{self, check_count, ConnectionRecord, NodeRecord, CONNECTIONS_MAX, NODES_MAX};
use super::error::{Location, Place};
use super::failure_text;
use super::vocabulary;
use super::xml::{attribute, text};
use super::{ImportedMap, InterchangeError};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use std::collections::HashMap;
use std::fmt::Write as _;
use systematic_ipc::{MapView, Polarity};

const FORMAT: &str = "GraphML";

/// Our keys: id, domain, attr.name, attr.type, default.
const KEYS: [(&str, &str, &str, &str, Option<&str>); 13] = [
    ("title", "graph", "title", "string", None),
    ("label", "node", "label", "string", None),
    ("kind", "node", "kind", "string", Some("service")),
    ("level", "node", "level", "string", None),
    ("x", "node", "x", "double", None),
    ("y", "node", "y", "double", None),
    ("notes", "node", "notes", "string", None),
    ("pinned", "node", "pinned", "boolean", Some("false")),
    ("node_failures", "node", "failures", "string", None),
    ("connection_label", "edge", "label", "string", None),
    ("polarity", "edge", "polarity", "string", Some("unknown")),
    ("delay", "edge", "delay", "boolean", Some("false")),
    ("connection_failures", "edge", "failures", "string", None),
];

pub fn export(map: &MapView, title: &str) -> Vec<u8> {
    let failures_on = failure_text::by_item(map);
    let failures =
        |id: &str| failure_text::write_list(failures_on.get(id).into_iter().flatten().copied());

    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, name, kind, default) in KEYS {
        let _ = write!(
            out,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{kind}\""
        );
        match default {
            Some(default) => {
                let _ = writeln!(out, "><default>{default}</default></key>");
            }
            None => out.push_str("/>\n"),
        }
    }
    out.push_str("  <graph id=\"map\" edgedefault=\"directed\">\n");
    let _ = writeln!(out, "    <data key=\"title\">{}</data>", text(title));
    let data = |out: &mut String, key: &str, value: &str| {
        if !value.is_empty() {
            let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", text(value));
        }
    };
    for node in &map.nodes {
        let n = &node.node;
        let _ = writeln!(out, "    <node id=\"{}\">", attribute(&node.id));
        data(&mut out, "label", &n.label);
        data(&mut out, "kind", n.kind.name());
        data(
            &mut out,
            "level",
            n.level.map(|l| l.name()).unwrap_or_default(),
        );
        data(&mut out, "x", &n.x.to_string());
        data(&mut out, "y", &n.y.to_string());
        data(&mut out, "notes", &n.notes);
        data(&mut out, "pinned", &n.pinned.to_string());
        data(&mut out, "node_failures", &failures(&node.id));
        out.push_str("    </node>\n");
    }
    for connection in &map.connections {
        let c = &connection.connection;
        let _ = writeln!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            attribute(&connection.id),
            attribute(&c.from),
            attribute(&c.to)
        );
        data(&mut out, "connection_label", &c.label);
        data(&mut out, "polarity", c.polarity.name());
        data(&mut out, "delay", &c.delay.to_string());
        data(&mut out, "connection_failures", &failures(&connection.id));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out.into_bytes()
}

/// A declared `<key>`: which items it is for, and the attribute name its data is read as.
struct Key {
    domain: String,
    name: String,
    default: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemKind {
    Node,
    Edge,
}

/// A node or edge being read: its attributes and its data by attribute name.
struct Item {
    kind: ItemKind,
    at: Location,
    attributes: HashMap<String, String>,
    data: HashMap<String, String>,
}

/// What an open element is, as far as data belongs to it.
enum Frame {
    Item(Item),
    Key,
    Other,
}

/// Turns byte offsets (which only grow) into lines and columns without rescanning the file.
struct LineCounter<'t> {
    text: &'t str,
    offset: usize,
    line: u64,
    column: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    fn at(&mut self, offset: u64) -> Location {
        let target = usize::try_from(offset).unwrap_or(usize::MAX);
        if target < self.offset {
            return Location::of_offset(self.text, target);
        }
        let rest = self.text.get(self.offset..).unwrap_or_default();
        for (i, c) in rest.char_indices() {
            if self.offset + i >= target {
                self.offset += i;
                return Location::line_column(self.line, self.column);
            }
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.offset = self.text.len();
        Location::line_column(self.line, self.column)
    }
}

/// The text of a `<data>` or `<default>` being read.
struct Capture {
    /// Whose text it is: a key id for data, or the key whose default it is.
    key: String,
    is_default: bool,
    value: String,
    /// Elements open inside it (yEd puts its graphics there).
    depth: usize,
}

pub fn import(file: &str, source: &str) -> Result<ImportedMap, InterchangeError> {
    let mut reader = Reader::from_str(source);
    let mut lines = LineCounter::new(source);
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut open_key: Option<String> = None;
    let mut capture: Option<Capture> = None;
    let mut open_elements = 0usize;
    let mut seen_root = false;
    let mut nodes = Vec::new();
    let mut connections = Vec::new();

    loop {
        let start = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let at = lines.at(reader.error_position());
                return Err(Place::new(file, at).syntax(FORMAT, error.to_string()));
            }
        };
        let place = || Place::new(file, Location::of_offset(source, start as usize));
        match event {
            Event::Start(_) if capture.is_some() => {
                if let Some(capture) = capture.as_mut() {
                    capture.depth += 1;
                }
                open_elements += 1;
            }
            Event::Empty(_) if capture.is_some() => {}
            ref event @ (Event::Start(ref element) | Event::Empty(ref element)) => {
                let is_empty = matches!(event, Event::Empty(_));
                let at = lines.at(start);
                let element_place = Place::new(file, at.clone());
                let attributes = attributes_of(&element_place, element)?;
                let name = element.local_name().as_ref().to_owned();
                if !seen_root {
                    if name != "graphml" {
                        return Err(element_place.syntax(
                            FORMAT,
                            format!("a GraphML file starts with <graphml>, not <{name}>"),
                        ));
                    }
                    seen_root = true;
                }
                if !is_empty {
                    open_elements += 1;
                }
                match name.as_str() {
                    "key" => {
                        let id = attributes.get("id").cloned().unwrap_or_default();
                        keys.insert(
                            id.clone(),
                            Key {
                                domain: attributes
                                    .get("for")
                                    .map_or("all", String::as_str)
                                    .to_owned(),
                                name: attributes
                                    .get("attr.name")
                                    .unwrap_or(&id)
                                    .trim()
                                    .to_lowercase(),
                                default: None,
                            },
                        );
                        if !is_empty {
                            open_key = Some(id);
                            frames.push(Frame::Key);
                        }
                    }
                    "default" if !is_empty => {
                        capture = open_key.clone().map(|key| Capture {
                            key,
                            is_default: true,
                            value: String::new(),
                            depth: 0,
                        });
                        if capture.is_none() {
                            frames.push(Frame::Other);
                        }
                    }
                    "data" if !is_empty => {
                        capture = Some(Capture {
                            key: attributes.get("key").cloned().unwrap_or_default(),
                            is_default: false,
                            value: String::new(),
                            depth: 0,
                        });
                    }
                    "node" | "edge" => {
                        let kind = if name == "node" {
                            ItemKind::Node
                        } else {
                            ItemKind::Edge
                        };
                        let item = Item {
                            kind,
                            at,
                            attributes,
                            data: HashMap::new(),
                        };
                        if is_empty {
                            finish(file, item, &keys, &mut nodes, &mut connections)?;
                        } else {
                            frames.push(Frame::Item(item));
                        }
                    }
                    _ if !is_empty => frames.push(Frame::Other),
                    _ => {}
                }
            }
            Event::End(_) => {
                open_elements = open_elements.saturating_sub(1);
                if let Some(mut open) = capture.take() {
                    if open.depth > 0 {
                        open.depth -= 1;
                        capture = Some(open);
                    } else {
                        store(open, &mut keys, &mut frames);
                    }
                    continue;
                }
                match frames.pop() {
                    Some(Frame::Item(item)) => {
                        finish(file, item, &keys, &mut nodes, &mut connections)?
                    }
                    Some(Frame::Key) => open_key = None,
                    Some(Frame::Other) | None => {}
                }
            }
            Event::Text(content) => {
                if let Some(capture) = capture.as_mut() {
                    capture.value.push_str(&content.xml10_content());
                }
            }
            Event::CData(content) => {
                if let Some(capture) = capture.as_mut() {
                    capture.value.push_str(&content.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let resolved =
                    resolve(&reference).map_err(|detail| place().syntax(FORMAT, detail))?;
                if let Some(capture) = capture.as_mut() {
                    capture.value.push_str(&resolved);
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !seen_root {
        return Err(Place::new(file, Location::File).syntax(FORMAT, "the file has no <graphml>"));
    }
    if open_elements > 0 {
        return Err(Place::new(file, lines.at(source.len() as u64))
            .syntax(FORMAT, "the file ends before all its elements are closed"));
    }
    builder::build(file, nodes, connections)
}

/// An element's attributes by local name, with entities and character references resolved.
fn attributes_of(
    place: &Place,
    element: &BytesStart,
) -> Result<HashMap<String, String>, InterchangeError> {
    let mut attributes = HashMap::new();
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| place.syntax(FORMAT, e.to_string()))?;
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| place.syntax(FORMAT, e.to_string()))?;
        let key = attribute.key.as_ref();
        // `attr.name` keeps its prefix-like dot; namespaced attributes lose their prefix.
        let name = if key.starts_with("attr.") {
            key.to_owned()
        } else {
            attribute.key.local_name().as_ref().to_owned()
        };
        attributes.insert(name, value.into_owned());
    }
    Ok(attributes)
}

/// `&amp;`, `&#13;` and the like as the text they stand for.
fn resolve(reference: &BytesRef) -> Result<String, String> {
    if reference.is_char_ref() {
        return match reference.resolve_char_ref() {
            Ok(Some(c)) => Ok(c.to_string()),
            _ => Err(format!("&{}; is not a character", reference.as_ref())),
        };
    }
    resolve_predefined_entity(reference.as_ref())
        .map(str::to_owned)
        .ok_or_else(|| format!("&{}; is not an entity GraphML knows", reference.as_ref()))
}

/// Files a finished `<data>` under its item, or a `<default>` under its key.
fn store(capture: Capture, keys: &mut HashMap<String, Key>, frames: &mut [Frame]) {
    if capture.is_default {
        if let Some(key) = keys.get_mut(&capture.key) {
            key.default = Some(capture.value);
        }
        return;
    }
    let name = keys
        .get(&capture.key)
        .map_or_else(|| capture.key.trim().to_lowercase(), |k| k.name.clone());
    if let Some(Frame::Item(item)) = frames.last_mut() {
        item.data.insert(name, capture.value);
    }
}

/// Turns a finished `<node>` or `<edge>` into a record.
fn finish(
    file: &str,
    item: Item,
    keys: &HashMap<String, Key>,
    nodes: &mut Vec<NodeRecord>,
    connections: &mut Vec<ConnectionRecord>,
) -> Result<(), InterchangeError> {
    let place = Place::new(file, item.at.clone());
    let domain = match item.kind {
        ItemKind::Node => "node",
        ItemKind::Edge => "edge",
    };
    let value = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| {
            item.data.get(*name).cloned().or_else(|| {
                keys.values()
                    .find(|k| k.name == *name && (k.domain == domain || k.domain == "all"))
                    .and_then(|k| k.default.clone())
            })
        })
    };
    let text_of = |names: &[&str]| value(names).unwrap_or_default();
    match item.kind {
        ItemKind::Node => {
            let mut node = NodeRecord::new(item.at.clone());
            let id = item
                .attributes
                .get("id")
                .filter(|id| !id.trim().is_empty())
                .ok_or_else(|| place.missing("id"))?;
            node.id = Some(id.clone());
            node.label = value(&["label", "name"])
                .filter(|l| !l.trim().is_empty())
                .or_else(|| Some(id.clone()));
            node.kind = vocabulary::parse_kind(&place, "kind", &text_of(&["kind", "type"]))?;
            node.level = vocabulary::parse_level(&place, "level", &text_of(&["level"]))?;
            node.position = match (
                vocabulary::parse_number(&place, "x", &text_of(&["x"]))?,
                vocabulary::parse_number(&place, "y", &text_of(&["y"]))?,
            ) {
                (Some(x), Some(y)) => Some((x, y)),
                (None, None) => None,
                (None, Some(_)) => return Err(place.missing("x")),
                (Some(_), None) => return Err(place.missing("y")),
            };
            node.notes = text_of(&["notes", "description"]);
            node.pinned = vocabulary::parse_bool(&place, "pinned", &text_of(&["pinned"]))?;
            node.failures = failure_text::read_list(&place, "failures", &text_of(&["failures"]))?;
            nodes.push(node);
            check_count(file, "nodes", nodes.len(), NODES_MAX)
        }
        ItemKind::Edge => {
            let end = |name: &'static str| {
                item.attributes
                    .get(name)
                    .filter(|end| !end.trim().is_empty())
                    .cloned()
                    .ok_or_else(|| place.missing(name))
            };
            let polarity = match value(&["polarity", "sign", "connection type"]) {
                Some(polarity) => vocabulary::parse_polarity(&place, "polarity", &polarity)?,
                None => Polarity::Unknown,
            };
            connections.push(ConnectionRecord {
                at: item.at.clone(),
                id: item.attributes.get("id").cloned(),
                from: end("source")?,
                to: end("target")?,
                polarity,
                label: text_of(&["label"]),
                delay: vocabulary::parse_bool(&place, "delay", &text_of(&["delay", "delayed"]))?,
                failures: failure_text::read_list(&place, "failures", &text_of(&["failures"]))?,
            });
            check_count(file, "connections", connections.len(), CONNECTIONS_MAX)
        }
    }
}
