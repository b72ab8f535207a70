//! Graphviz DOT (export only). Nodes keep their kind's shape and colours and their position
//! (`pos="x,y!"`, with y flipped because Graphviz's y axis points up; draw with `neato -n` to keep
//! the map's layout, or with `dot` for a fresh one). Our own fields are written as extra
//! attributes (`kind`, `level`, `notes`, `pinned`, `polarity`, `delay`, `failures`), which Graphviz
//! ignores and other DOT readers keep.

use super::failure_text::{self, Failure};
use super::vocabulary::kind_display_name;
use std::collections::HashMap;
use std::fmt::Write as _;
use systematic_ipc::{MapView, Shape, FAILURE_COLOUR, NODE_HEIGHT, NODE_WIDTH};

/// Graphviz measures node sizes in inches of 72 points; our map units are points.
const POINTS_PER_INCH: f64 = 72.0;

/// A DOT string: `"…"` with quotes and backslashes escaped and line breaks as `\n`.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
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
            format!("‖ {}", c.label).trim_end().to_owned()
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
