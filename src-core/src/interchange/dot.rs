//! Graphviz DOT, both ways. Nodes keep their kind's shape and colours and their position
//! (`pos="x,y!"`, with y flipped because Graphviz's y axis points up; draw with `neato -n` to keep
//! the map's layout, or with `dot` for a fresh one). Our own fields are written as extra
//! attributes (`kind`, `level`, `notes`, `pinned`, `polarity`, `delay`, `failures`), which Graphviz
//! ignores and other DOT readers keep.
//!
//! Import reads those attributes back, and DOT as people write it: node and edge statements,
//! chains (`a -> b -> c`), edges to subgraphs (`a -> { b c }`), `node [ … ]` and `edge [ … ]`
//! defaults, and subgraphs and clusters (flattened). The file is read by our own [`lexer`] and
//! [`parser`], which follow Graphviz's grammar, in one pass, with bounded recursion and memory.

mod lexer;
mod parser;

#[cfg(test)]
pub(super) use parser::NESTING_MAX;

use super::builder::{
    self, check_count, ConnectionRecord, NodeRecord, CONNECTIONS_MAX, FILE_BYTES_MAX,
};
use super::error::Place;
use super::failure_text::{self, Failure};
use super::vocabulary::{self, kind_display_name};
use super::{ImportedMap, InterchangeError};
use parser::{Attributes, Edge, Form, Graph, Node};
use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Write as _;
use systematic_ipc::{MapView, Polarity, Shape, FAILURE_COLOUR, NODE_HEIGHT, NODE_WIDTH};

const FORMAT: &str = "Graphviz DOT";

/// Graphviz measures node sizes in inches of 72 points; our map units are points.
const POINTS_PER_INCH: f64 = 72.0;

/// The mark before a delayed connection's label, as the map shows it.
const DELAY_MARK: char = '‖';

/// A DOT string: `"…"` with quotes and backslashes escaped, and line breaks and carriage returns
/// as `\n` and `\r` (Graphviz's line ends), so that [`unescape`] gives the text back.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    // Some DOT readers (dot-parser, for one) read `\\"` as a backslash and an escaped quote,
    // not as the end of the string. A backslash before a line break is a line continuation,
    // which Graphviz and `unescape` drop, so it can stand between them.
    if text.ends_with('\\') {
        out.push_str("\\\n");
    }
    out.push('"');
    out
}

/// Graphviz's shape (and style) for ours.
fn shape(shape: Shape) -> (&'static str, &'static str) {
    match shape {
        Shape::RoundedBox => ("box", "rounded,filled"),
        Shape::Box => ("box", "filled"),
        Shape::Circle => ("circle", "filled"),
        Shape::Ellipse => ("ellipse", "filled"),
        Shape::Hexagon => ("hexagon", "filled"),
        Shape::Diamond => ("diamond", "filled"),
        Shape::Tag => ("cds", "filled"),
    }
}

pub fn export(map: &MapView, title: &str) -> Vec<u8> {
    // Failure points are numbered in map order.
    let mut numbered: HashMap<&str, Vec<(usize, Failure)>> = HashMap::new();
    for (i, failure) in map.failures.iter().enumerate() {
        let described = (
            failure.failure.description.as_str(),
            failure.failure.severity,
        );
        numbered
            .entry(failure.failure.on.as_str())
            .or_default()
            .push((i + 1, described));
    }
    // Failure points show as a red "! 1, 2" beside the item; the descriptions are in `failures`.
    let failure_attributes = |id: &str| -> String {
        let Some(failures) = numbered.get(id) else {
            return String::new();
        };
        let numbers: Vec<String> = failures.iter().map(|(n, _)| n.to_string()).collect();
        let text = failure_text::write_list(failures.iter().map(|(_, failure)| *failure));
        format!(
            ", xlabel={}, fontcolor={}, failures={}",
            quoted(&format!("! {}", numbers.join(", "))),
            quoted(FAILURE_COLOUR),
            quoted(&text)
        )
    };

    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quoted(title));
    let _ = writeln!(
        out,
        "  graph [label={}, labelloc=t, fontname=\"DejaVu Sans\", fontsize=20];",
        quoted(title)
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"DejaVu Sans\", fontsize=11, width={:.4}, height={:.4}, fixedsize=false];",
        NODE_WIDTH / POINTS_PER_INCH,
        NODE_HEIGHT / POINTS_PER_INCH
    );
    out.push_str("  edge [fontname=\"DejaVu Sans\", fontsize=10];\n");
    for node in &map.nodes {
        let n = &node.node;
        let (fill, outline) = n.kind.colours();
        let (graphviz_shape, style) = shape(n.kind.shape());
        let _ = write!(
            out,
            "  {} [label={}, shape={graphviz_shape}, style={}, fillcolor={}, color={}, \
             pos={}, kind={}, kind_name={}",
            quoted(&node.id),
            quoted(&n.label),
            quoted(style),
            quoted(fill),
            quoted(outline),
            quoted(&format!("{},{}!", n.x, -n.y)),
            quoted(n.kind.name()),
            quoted(kind_display_name(n.kind)),
        );
        if let Some(level) = n.level {
            let _ = write!(out, ", level={}", quoted(level.name()));
        }
        if !n.notes.is_empty() {
            let _ = write!(
                out,
                ", notes={}, tooltip={}",
                quoted(&n.notes),
                quoted(&n.notes)
            );
        }
        if n.pinned {
            out.push_str(", pinned=true");
        }
        out.push_str(&failure_attributes(&node.id));
        out.push_str("];\n");
    }
    for connection in &map.connections {
        let c = &connection.connection;
        let label = if c.delay {
            format!("{DELAY_MARK} {}", c.label).trim_end().to_owned()
        } else {
            c.label.clone()
        };
        let _ = write!(
            out,
            "  {} -> {} [id={}, label={}, headlabel={}, polarity={}, delay={}",
            quoted(&c.from),
            quoted(&c.to),
            quoted(&connection.id),
            quoted(&label),
            quoted(c.polarity.sign()),
            quoted(c.polarity.name()),
            c.delay,
        );
        out.push_str(&failure_attributes(&connection.id));
        out.push_str("];\n");
    }
    out.push_str("}\n");
    out.into_bytes()
}

/// The text of an HTML string (`label=<…>`, which some tools write for every node): tags
/// dropped, `<br/>` as a line break, the common entities decoded, spaces within a line collapsed.
/// The markup itself has no place in a map's words.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let end = rest.find('>').map_or(rest.len(), |i| i + 1);
                let tag = rest.get(..end).unwrap_or_default().to_ascii_lowercase();
                if tag.starts_with("<br") {
                    out.push('\n');
                }
                rest = rest.get(end..).unwrap_or_default();
            }
            '&' => {
                let entity = rest
                    .char_indices()
                    .take(12)
                    .find(|&(_, c)| c == ';')
                    .and_then(|(i, _)| Some((rest.get(1..i)?, i + 1)));
                let decoded = entity.and_then(|(name, length)| {
                    let c = match name {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        "nbsp" => ' ',
                        _ => {
                            let code = match name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                                None => name.strip_prefix('#')?.parse().ok()?,
                            };
                            char::from_u32(code)?
                        }
                    };
                    Some((c, length))
                });
                match decoded {
                    Some((c, length)) => {
                        out.push(c);
                        rest = rest.get(length..).unwrap_or_default();
                    }
                    None => {
                        out.push('&');
                        rest = rest.get(1..).unwrap_or_default();
                    }
                }
            }
            c => {
                out.push(c);
                rest = rest.get(c.len_utf8()..).unwrap_or_default();
            }
        }
    }
    out.lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The attributes the map reads (see [`node_record`] and [`connection_records`]); the parser
/// keeps no others.
const ATTRIBUTES_READ: &[&str] = &[
    "label",
    "kind",
    "kind_name",
    "type",
    "level",
    "pos",
    "notes",
    "tooltip",
    "pinned",
    "pin",
    "failures",
    "polarity",
    "sign",
    "connection type",
    "headlabel",
    "delay",
    "delayed",
    "dir",
    "id",
];

/// The most text, in bytes, the values read may add up to. `node [ … ]` and `edge [ … ]` give
/// one value to many items, where it is shared until it is read, and `\N` in a label repeats
/// the node's name: without a limit a 40 MB label given to 2,000 nodes would take 80 GB. A map
/// within every other limit has far less.
const TEXT_READ_MAX: usize = 2 * FILE_BYTES_MAX;

pub fn import(file: &str, text: &str) -> Result<ImportedMap, InterchangeError> {
    let graph = parser::parse(file, text, ATTRIBUTES_READ)?;
    let budget = Cell::new(TEXT_READ_MAX);
    let mut nodes = Vec::with_capacity(graph.nodes.len());
    for node in &graph.nodes {
        nodes.push(node_record(file, node, &budget)?);
    }
    let mut connections = Vec::with_capacity(graph.edges.len());
    for edge in &graph.edges {
        connection_records(file, &graph, edge, &budget, &mut connections)?;
    }
    builder::build(file, nodes, connections)
}

/// The text of a DOT string as written between its quotes: `\"` is a quote and `\\` a
/// backslash; `\n` and `\l` are line breaks and `\r` a carriage return (Graphviz's centred, left-
/// and right-aligned line ends); a backslash before a line break joins the lines; `\N` in a
/// node's label is the node's name. Other escapes (`\G`, `\E`, …) are kept as written.
fn unescape(raw: &str, node_name: Option<&str>) -> String {
    let mut text = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => text.push('"'),
            Some('\\') => text.push('\\'),
            Some('n' | 'l') => text.push('\n'),
            Some('r') => text.push('\r'),
            Some('\n') => {}
            Some('\r') if chars.peek() == Some(&'\n') => {
                chars.next();
            }
            Some('N') if node_name.is_some() => {
                if let Some(name) = node_name {
                    text.push_str(name);
                }
            }
            Some(other) => {
                text.push('\\');
                text.push(other);
            }
            None => text.push('\\'),
        }
    }
    text
}

/// An attribute the map reads, found on a node or edge.
struct Found<'f> {
    /// The attribute's name, as a message about a bad value says it.
    name: &'static str,
    /// The value, escapes read.
    text: String,
    /// Where the value is written.
    place: Place<'f>,
}

/// Reads the attributes of one node or edge.
struct Item<'a> {
    file: &'a str,
    attributes: &'a Attributes,
    /// What `\N` in a label stands for: the node's name.
    node_name: Option<&'a str>,
    /// What is left of [`TEXT_READ_MAX`].
    budget: &'a Cell<usize>,
}

impl<'a> Item<'a> {
    /// The value of the first of `names` the item has (the last one given), as text; an HTML
    /// string is refused where it is written.
    fn get(&self, names: &[&'static str]) -> Result<Option<Found<'a>>, InterchangeError> {
        let Some((name, value)) = names
            .iter()
            .find_map(|name| self.attributes.get(name).map(|value| (*name, value)))
        else {
            return Ok(None);
        };
        let place = Place::new(self.file, value.at.location());
        let node_name = if name == "label" {
            self.node_name
        } else {
            None
        };
        // An upper bound of the text's length once read.
        let length = value
            .text
            .len()
            .saturating_add(node_name.map_or(0, |node_name| {
                value
                    .text
                    .matches("\\N")
                    .count()
                    .saturating_mul(node_name.len())
            }));
        let Some(left) = self.budget.get().checked_sub(length) else {
            return Err(InterchangeError::TooMany {
                file: self.file.to_owned(),
                what: "bytes of text in its values (counting a node [ … ] or edge [ … ] value \
                       once for each item it is given to)",
                max: TEXT_READ_MAX,
            });
        };
        self.budget.set(left);
        let text = if value.form == Form::Html {
            html_text(&value.text)
        } else {
            unescape(&value.text, node_name)
        };
        Ok(Some(Found { name, text, place }))
    }
}

fn node_record(
    file: &str,
    node: &Node,
    budget: &Cell<usize>,
) -> Result<NodeRecord, InterchangeError> {
    let item = Item {
        file,
        attributes: &node.attributes,
        node_name: Some(&node.name),
        budget,
    };
    let mut record = NodeRecord::new(node.at.clone());
    record.id = Some(node.name.clone());
    record.label = item
        .get(&["label"])?
        .map(|label| label.text)
        .filter(|label| !label.trim().is_empty())
        .or_else(|| Some(node.name.clone()));
    if let Some(kind) = item.get(&["kind", "kind_name"])? {
        record.kind = vocabulary::parse_kind(&kind.place, kind.name, &kind.text)?;
    } else if let Some(kind) = item.get(&["type"])? {
        // Other tools use `type` for their own things ("road", "bus"): read it as a kind only
        // when it names one.
        if let Ok(parsed) = vocabulary::parse_kind(&kind.place, kind.name, &kind.text) {
            record.kind = parsed;
        }
    }
    if let Some(level) = item.get(&["level"])? {
        record.level = vocabulary::parse_level(&level.place, level.name, &level.text)?;
    }
    if let Some(position) = item.get(&["pos"])? {
        record.position = graphviz_position(&position.place, &position.text)?;
    }
    record.notes = item
        .get(&["notes", "tooltip"])?
        .map(|notes| notes.text)
        .unwrap_or_default();
    if let Some(pinned) = item.get(&["pinned", "pin"])? {
        record.pinned = vocabulary::parse_bool(&pinned.place, pinned.name, &pinned.text)?;
    }
    if let Some(failures) = item.get(&["failures"])? {
        record.failures = failure_text::read_list(&failures.place, failures.name, &failures.text)?;
    }
    Ok(record)
}

/// Graphviz's `pos`: "x,y" in points with y upwards, perhaps a third number (z, ignored) and
/// a `!` (pinned for neato). Blank is no position.
fn graphviz_position(place: &Place, value: &str) -> Result<Option<(f64, f64)>, InterchangeError> {
    let trimmed = value.trim();
    let numbers = trimmed.strip_suffix('!').unwrap_or(trimmed);
    if numbers.trim().is_empty() {
        return Ok(None);
    }
    let bad = || {
        place.bad_value(
            "pos",
            value,
            "a position is written \"x,y\" in points, with y upwards (as \"120,-35.5\")",
        )
    };
    let parts: Vec<&str> = numbers.split(',').map(str::trim).collect();
    let ([x, y] | [x, y, _]) = parts.as_slice() else {
        return Err(bad());
    };
    let number = |text: &str| text.parse::<f64>().map_err(|_| bad());
    Ok(Some((number(x)?, -number(y)?)))
}

/// Graphviz's `dir`: which ends of an edge have arrows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Forward,
    Back,
    Both,
    None,
}

/// Reads one edge; with arrows at both ends it becomes two connections, one each way, as a JSON
/// Canvas edge with two arrows and a mutual Kumu connection do.
fn connection_records(
    file: &str,
    graph: &Graph,
    edge: &Edge,
    budget: &Cell<usize>,
    connections: &mut Vec<ConnectionRecord>,
) -> Result<(), InterchangeError> {
    let item = Item {
        file,
        attributes: &edge.attributes,
        node_name: None,
        budget,
    };
    let name = |node: usize| {
        graph
            .nodes
            .get(node)
            .map(|node| node.name.clone())
            .unwrap_or_default()
    };
    let polarity = match item.get(&["polarity", "sign", "connection type"])? {
        Some(found) => vocabulary::parse_polarity(&found.place, found.name, &found.text)?,
        // Causal loop diagrams drawn in Graphviz often put the sign at the arrow head; any
        // other head label (an HTML one too) is not a polarity and is left alone.
        None => item
            .get(&["headlabel"])
            .ok()
            .flatten()
            .and_then(|sign| vocabulary::parse_polarity(&sign.place, sign.name, &sign.text).ok())
            .unwrap_or(Polarity::Unknown),
    };
    let delay = match item.get(&["delay", "delayed"])? {
        Some(found) => vocabulary::parse_bool(&found.place, found.name, &found.text)?,
        None => false,
    };
    let mut label = item
        .get(&["label"])?
        .map(|found| found.text)
        .unwrap_or_default();
    if delay {
        // The export shows the delay as "‖ " before the label.
        if let Some(rest) = label.strip_prefix(DELAY_MARK) {
            label = rest.strip_prefix(' ').unwrap_or(rest).to_owned();
        }
    }
    let direction = match item.get(&["dir"])? {
        Some(found) => match found.text.trim().to_lowercase().as_str() {
            "forward" => Direction::Forward,
            "back" => Direction::Back,
            "both" => Direction::Both,
            "none" => Direction::None,
            "" if graph.directed => Direction::Forward,
            "" => Direction::None,
            _ => {
                return Err(found.place.bad_value(
                    found.name,
                    found.text,
                    "use forward, back, both or none",
                ))
            }
        },
        None if graph.directed => Direction::Forward,
        None => Direction::None,
    };
    let mut record = ConnectionRecord {
        at: edge.at.clone(),
        id: item.get(&["id"])?.map(|found| found.text),
        from: name(edge.from),
        to: name(edge.to),
        polarity,
        label,
        delay,
        failures: match item.get(&["failures"])? {
            Some(found) => failure_text::read_list(&found.place, found.name, &found.text)?,
            None => Vec::new(),
        },
    };
    match direction {
        // An undirected edge (`a -- b`) is read as drawn, from `a` to `b`.
        Direction::Forward | Direction::None => connections.push(record),
        Direction::Back => {
            std::mem::swap(&mut record.from, &mut record.to);
            connections.push(record);
        }
        Direction::Both => {
            let back = record.the_way_back();
            connections.push(record);
            connections.push(back);
        }
    }
    check_count(file, "connections", connections.len(), CONNECTIONS_MAX)
}

#[cfg(test)]
mod html_tests {
    use super::html_text;

    #[test]
    fn html_labels_become_their_words() {
        assert_eq!(html_text("<b>District</b> nurse"), "District nurse");
        assert_eq!(
            html_text("<table><tr><td>GP &amp; practice<br/>Mon&#8211;Fri</td></tr></table>"),
            "GP & practice\nMon–Fri"
        );
        assert_eq!(html_text("a &bogus; &#xZZ; & b"), "a &bogus; &#xZZ; & b");
        assert_eq!(html_text("<unclosed"), "");
        assert_eq!(html_text("å &lt;ä&gt; ö"), "å <ä> ö");
    }
}
