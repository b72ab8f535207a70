//! The map as an SVG picture for printing and slides: the title, the map fitted to its bounds, a
//! legend of node kinds and symbols, and a numbered list of failure points under the map. Nodes are
//! drawn as on the canvas (`NodeKind::shape()` and `colours()`, `NODE_WIDTH` × `NODE_HEIGHT`
//! centred on their position); each node's full label is also its `<title>`, so text cut short on
//! the card is still in the file.

use super::vocabulary::kind_display_name;
use super::xml::text;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use systematic_ipc::{
    MapConnection, MapNode, MapView, NodeKind, Polarity, Shape, FAILURE_COLOUR, NODE_HEIGHT,
    NODE_WIDTH,
};

pub const FONT_FAMILY: &str = "DejaVu Sans";
const MARGIN: f64 = 40.0;
/// Room above the highest node for loops drawn from a node to itself.
const SELF_LOOP_ROOM: f64 = 70.0;
const TITLE_HEIGHT: f64 = 76.0;
const LEGEND_WIDTH: f64 = 340.0;
const MIN_WIDTH: f64 = 700.0;
const INK: &str = "#111827";
const MUTED: &str = "#4b5563";
const LINE: &str = "#374151";
/// Characters per line of a node's label, and lines shown.
const LABEL_CHARS: usize = 20;
const LABEL_LINES: usize = 3;
/// Average width of a character of the failure list, for wrapping it.
const LIST_CHAR_WIDTH: f64 = 7.4;
const LIST_LINE_HEIGHT: f64 = 18.0;
/// Distance between parallel connections of the same two nodes.
const PARALLEL_GAP: f64 = 28.0;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    x: f64,
    y: f64,
}

impl Point {
    fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }
    fn plus(self, other: Point, times: f64) -> Point {
        Point::new(self.x + other.x * times, self.y + other.y * times)
    }
    fn minus(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }
    fn length(self) -> f64 {
        self.x.hypot(self.y)
    }
    /// This vector scaled to length 1 (or pointing right when it has no length).
    fn unit(self) -> Point {
        let length = self.length();
        if length < 1e-9 {
            Point::new(1.0, 0.0)
        } else {
            Point::new(self.x / length, self.y / length)
        }
    }
    /// This direction turned a quarter to the left (on screen).
    fn normal(self) -> Point {
        Point::new(-self.y, self.x)
    }
}

/// Numbers in the file: one decimal is plenty for print.
fn n(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0".into()
    } else {
        format!("{rounded}")
    }
}

/// Where failure points are, numbered as in the list under the map.
struct FailureNumbers<'m> {
    on: HashMap<&'m str, Vec<usize>>,
    /// (number, where it is, description, severity)
    list: Vec<(usize, String, &'m str, Option<u8>)>,
}

impl<'m> FailureNumbers<'m> {
    fn new(map: &'m MapView) -> Self {
        let labels: HashMap<&str, &str> = map
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n.node.label.as_str()))
            .collect();
        let connections: HashMap<&str, &MapConnection> =
            map.connections.iter().map(|c| (c.id.as_str(), c)).collect();
        let mut on: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut list = Vec::new();
        for failure in &map.failures {
            let item = failure.failure.on.as_str();
            let place = if let Some(label) = labels.get(item) {
                format!("“{label}”")
            } else if let Some(connection) = connections.get(item) {
                let c = &connection.connection;
                let end = |id: &str| labels.get(id).copied().unwrap_or("?").to_owned();
                let mut place = format!("“{}” → “{}”", end(&c.from), end(&c.to));
                if !c.label.is_empty() {
                    let _ = write!(place, " ({})", c.label);
                }
                place
            } else {
                continue;
            };
            let number = list.len() + 1;
            on.entry(item).or_default().push(number);
            list.push((
                number,
                place,
                failure.failure.description.as_str(),
                failure.failure.severity,
            ));
        }
        Self { on, list }
    }

    fn numbers(&self, id: &str) -> Option<String> {
        self.on.get(id).map(|numbers| {
            numbers
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}

/// The picture's layout: how map coordinates move onto the page, and its parts' sizes.
struct Page {
    offset: Point,
    map_width: f64,
    content_height: f64,
    width: f64,
    height: f64,
}

impl Page {
    fn at(&self, x: f64, y: f64) -> Point {
        Point::new(x + self.offset.x, y + self.offset.y)
    }
}

pub fn render(map: &MapView, title: &str) -> String {
    let failures = FailureNumbers::new(map);
    let kinds = kinds_in(map);
    let (min, max) = bounds(&map.nodes);
    let map_width = max.x - min.x + 2.0 * MARGIN;
    let map_height = max.y - min.y + 2.0 * MARGIN + SELF_LOOP_ROOM;
    let legend_height = legend_height(kinds.len());
    let content_height = map_height.max(legend_height + MARGIN);
    let width = (map_width + LEGEND_WIDTH).max(MIN_WIDTH);
    let list_lines = failure_list_lines(&failures, width);
    let list_height = if list_lines.is_empty() {
        0.0
    } else {
        50.0 + list_lines.len() as f64 * LIST_LINE_HEIGHT
    };
    let page = Page {
        offset: Point::new(
            MARGIN - min.x,
            TITLE_HEIGHT + MARGIN + SELF_LOOP_ROOM - min.y,
        ),
        map_width,
        content_height,
        width,
        height: TITLE_HEIGHT + content_height + list_height + MARGIN / 2.0,
    };

    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">",
        w = n(page.width),
        h = n(page.height)
    );
    let _ = writeln!(svg, "<title>{}</title>", text(title));
    let _ = writeln!(
        svg,
        "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        n(page.width),
        n(page.height)
    );
    draw_title(&mut svg, map, title);
    if map.nodes.is_empty() {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"16\" fill=\"{MUTED}\">This map has no nodes \
             yet.</text>",
            n(MARGIN),
            n(TITLE_HEIGHT + MARGIN + 20.0)
        );
    }
    draw_connections(&mut svg, map, &page, &failures);
    for node in &map.nodes {
        draw_node(&mut svg, node, &page, &failures);
    }
    draw_legend(&mut svg, &page, &kinds);
    draw_failure_list(&mut svg, &page, &list_lines);
    svg.push_str("</svg>\n");
    svg
}

/// The smallest and largest corners of the nodes' boxes (an empty map is a small blank area).
fn bounds(nodes: &[MapNode]) -> (Point, Point) {
    let half = Point::new(NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
    nodes
        .iter()
        .map(|node| Point::new(node.node.x, node.node.y))
        .fold(None, |acc: Option<(Point, Point)>, p| {
            let (low, high) = (p.plus(half, -1.0), p.plus(half, 1.0));
            Some(match acc {
                None => (low, high),
                Some((min, max)) => (
                    Point::new(min.x.min(low.x), min.y.min(low.y)),
                    Point::new(max.x.max(high.x), max.y.max(high.y)),
                ),
            })
        })
        .unwrap_or((Point::new(0.0, 0.0), Point::new(500.0, 160.0)))
}

/// The node kinds the legend shows: those on the map, or all of them for an empty map.
fn kinds_in(map: &MapView) -> Vec<NodeKind> {
    let kinds: Vec<NodeKind> = NodeKind::ALL
        .into_iter()
        .filter(|kind| map.nodes.iter().any(|n| n.node.kind == *kind))
        .collect();
    if kinds.is_empty() {
        NodeKind::ALL.to_vec()
    } else {
        kinds
    }
}

fn draw_title(svg: &mut String, map: &MapView, title: &str) {
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"42\" font-size=\"26\" font-weight=\"bold\" fill=\"{INK}\">{}</text>",
        n(MARGIN),
        text(title)
    );
    let plural = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"64\" font-size=\"13\" fill=\"{MUTED}\">System map · {} · {} · {}</text>",
        n(MARGIN),
        plural(map.nodes.len(), "node", "nodes"),
        plural(map.connections.len(), "connection", "connections"),
        plural(map.failures.len(), "failure point", "failure points"),
    );
}

/// The outline of a node of `shape`, `2 × half` in size, centred on `centre`.
fn shape_element(shape: Shape, centre: Point, half: Point, fill: &str, stroke: &str) -> String {
    let paint = format!("fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"");
    let (x, y, w, h) = (centre.x, centre.y, half.x, half.y);
    let rect = |radius: f64| {
        format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" {paint}/>",
            n(x - w),
            n(y - h),
            n(2.0 * w),
            n(2.0 * h),
            n(radius)
        )
    };
    let polygon = |points: &[(f64, f64)]| {
        let points: Vec<String> = points
            .iter()
            .map(|(px, py)| format!("{},{}", n(x + px), n(y + py)))
            .collect();
        format!("<polygon points=\"{}\" {paint}/>", points.join(" "))
    };
    // The canvas's proportions (see the UI's map node view), scaled with the node's height.
    let unit = h / (NODE_HEIGHT / 2.0);
    match shape {
        Shape::RoundedBox => rect(14.0 * unit),
        Shape::Box => rect(2.0 * unit),
        // A circle stretched to the card's width: a pill with round ends.
        Shape::Circle => rect(h),
        Shape::Ellipse => format!(
            "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" {paint}/>",
            n(x),
            n(y),
            n(w),
            n(h)
        ),
        Shape::Hexagon => {
            let inset = 18.0 * unit;
            polygon(&[
                (-w, 0.0),
                (-w + inset, -h),
                (w - inset, -h),
                (w, 0.0),
                (w - inset, h),
                (-w + inset, h),
            ])
        }
        Shape::Diamond => {
            let tall = h + 6.0 * unit;
            polygon(&[(-w, 0.0), (0.0, -tall), (w, 0.0), (0.0, tall)])
        }
        Shape::Tag => {
            let inset = 16.0 * unit;
            polygon(&[(-w, -h), (w - inset, -h), (w, 0.0), (w - inset, h), (-w, h)])
        }
    }
}

/// How far from a node's centre its outline is, going in direction `unit`.
fn reach_to_outline(shape: Shape, unit: Point) -> f64 {
    let (w, h) = (NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
    let (dx, dy) = (unit.x.abs(), unit.y.abs());
    match shape {
        Shape::Ellipse => 1.0 / ((dx / w).powi(2) + (dy / h).powi(2)).sqrt(),
        Shape::Diamond => 1.0 / (dx / w + dy / (h + 6.0)),
        _ => {
            let across = if dx > 1e-9 { w / dx } else { f64::INFINITY };
            let down = if dy > 1e-9 { h / dy } else { f64::INFINITY };
            across.min(down)
        }
    }
}

/// A label broken into at most `lines` lines of about `width` characters; the last line ends
/// with "…" when the label does not fit.
fn wrap(label: &str, width: usize, lines: usize) -> Vec<String> {
    let mut wrapped: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in label.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while !word.is_empty() {
            let used = line.chars().count();
            let room = if used == 0 {
                width
            } else {
                width.saturating_sub(used + 1)
            };
            if word.len() <= room {
                if used > 0 {
                    line.push(' ');
                }
                line.extend(word.drain(..));
            } else if used > 0 {
                wrapped.push(std::mem::take(&mut line));
            } else {
                line.extend(word.drain(..width.min(word.len())));
                wrapped.push(std::mem::take(&mut line));
            }
        }
    }
    if !line.is_empty() {
        wrapped.push(line);
    }
    if wrapped.len() > lines {
        wrapped.truncate(lines);
        if let Some(last) = wrapped.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    wrapped
}

fn draw_node(svg: &mut String, node: &MapNode, page: &Page, failures: &FailureNumbers) {
    let n_ = &node.node;
    let centre = page.at(n_.x, n_.y);
    let half = Point::new(NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
    let (fill, stroke) = n_.kind.colours();
    let _ = writeln!(
        svg,
        "<g class=\"node\" data-kind=\"{}\"><title>{}</title>",
        n_.kind.name(),
        text(&n_.label)
    );
    svg.push_str(&shape_element(n_.kind.shape(), centre, half, fill, stroke));
    svg.push('\n');
    let lines = wrap(&n_.label, LABEL_CHARS, LABEL_LINES);
    let line_height = 14.0;
    let first = centre.y - line_height * (lines.len() as f64 - 1.0) / 2.0 + 4.0;
    let _ = write!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{INK}\">",
        n(centre.x),
        n(first)
    );
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            svg,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            n(centre.x),
            n(first + line_height * i as f64),
            text(line)
        );
    }
    svg.push_str("</text>\n");
    if let Some(numbers) = failures.numbers(&node.id) {
        let corner = centre.plus(Point::new(half.x - 4.0, -half.y + 2.0), 1.0);
        draw_failure_marker(svg, corner, &numbers);
    }
    svg.push_str("</g>\n");
}

/// A red circled "!", and the numbers of the failure points it stands for.
fn draw_failure_marker(svg: &mut String, at: Point, numbers: &str) {
    let _ = writeln!(
        svg,
        "<g class=\"failure-marker\"><circle cx=\"{x}\" cy=\"{y}\" r=\"10\" fill=\"{FAILURE_COLOUR}\" \
         stroke=\"#ffffff\" stroke-width=\"2\"/><text x=\"{x}\" y=\"{ty}\" font-size=\"14\" \
         font-weight=\"bold\" text-anchor=\"middle\" fill=\"#ffffff\">!</text><text x=\"{nx}\" \
         y=\"{ty}\" font-size=\"11\" font-weight=\"bold\" fill=\"{FAILURE_COLOUR}\" \
         stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{numbers}</text></g>",
        x = n(at.x),
        y = n(at.y),
        ty = n(at.y + 5.0),
        nx = n(at.x + 13.0),
        numbers = text(numbers),
    );
}

/// The sign of a connection's polarity in a small white disc.
fn draw_sign(svg: &mut String, at: Point, polarity: Polarity) {
    let _ = writeln!(
        svg,
        "<g class=\"polarity\"><circle cx=\"{x}\" cy=\"{y}\" r=\"8\" fill=\"#ffffff\" \
         stroke=\"{LINE}\" stroke-width=\"1\"/><text x=\"{x}\" y=\"{ty}\" font-size=\"14\" \
         font-weight=\"bold\" text-anchor=\"middle\" fill=\"{INK}\">{sign}</text></g>",
        x = n(at.x),
        y = n(at.y),
        ty = n(at.y + 5.0),
        sign = polarity.sign(),
    );
}

/// The delay mark ‖: two short strokes across the connection at `at`.
fn draw_delay(svg: &mut String, at: Point, along: Point) {
    let across = along.normal();
    let mut strokes = String::new();
    for side in [-3.0, 3.0] {
        let centre = at.plus(along, side);
        let (a, b) = (centre.plus(across, -9.0), centre.plus(across, 9.0));
        let _ = write!(
            strokes,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            n(a.x),
            n(a.y),
            n(b.x),
            n(b.y)
        );
    }
    let _ = writeln!(
        svg,
        "<g class=\"delay-mark\" stroke=\"{INK}\" stroke-width=\"2.5\"><title>delay ‖</title>{strokes}</g>"
    );
}

fn draw_arrow_head(svg: &mut String, tip: Point, along: Point) {
    let across = along.normal();
    let base = tip.plus(along, -12.0);
    let (a, b) = (base.plus(across, 5.5), base.plus(across, -5.5));
    let _ = writeln!(
        svg,
        "<polygon points=\"{},{} {},{} {},{}\" fill=\"{LINE}\"/>",
        n(tip.x),
        n(tip.y),
        n(a.x),
        n(a.y),
        n(b.x),
        n(b.y)
    );
}

fn draw_connection_label(svg: &mut String, at: Point, label: &str) {
    let _ = writeln!(
        svg,
        "<text class=\"connection-label\" x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" \
         fill=\"{MUTED}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
        n(at.x),
        n(at.y + 4.0),
        text(label)
    );
}

fn draw_connections(svg: &mut String, map: &MapView, page: &Page, failures: &FailureNumbers) {
    let nodes: HashMap<&str, &MapNode> = map.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    // Connections between the same two nodes (either way) are spread apart; so are loops on one
    // node.
    let mut groups: BTreeMap<(&str, &str), Vec<&MapConnection>> = BTreeMap::new();
    for connection in &map.connections {
        let c = &connection.connection;
        let pair = if c.from <= c.to {
            (c.from.as_str(), c.to.as_str())
        } else {
            (c.to.as_str(), c.from.as_str())
        };
        groups.entry(pair).or_default().push(connection);
    }
    let _ = writeln!(
        svg,
        "<g class=\"connections\" fill=\"none\" stroke=\"{LINE}\" stroke-width=\"1.6\">"
    );
    let mut decorations = String::new();
    for ((low, high), connections) in &groups {
        let (Some(low_node), Some(high_node)) = (nodes.get(low), nodes.get(high)) else {
            continue;
        };
        for (k, connection) in connections.iter().enumerate() {
            let c = &connection.connection;
            let (from, to) = if c.from.as_str() == *low {
                (low_node, high_node)
            } else {
                (high_node, low_node)
            };
            let numbers = failures.numbers(&connection.id);
            if low == high {
                draw_self_loop(svg, &mut decorations, connection, from, k, page, numbers);
                continue;
            }
            let offset = (k as f64 - (connections.len() as f64 - 1.0) / 2.0) * PARALLEL_GAP;
            let (low_centre, high_centre) = (
                page.at(low_node.node.x, low_node.node.y),
                page.at(high_node.node.x, high_node.node.y),
            );
            let side = high_centre.minus(low_centre).unit().normal();
            let middle = low_centre.plus(high_centre.minus(low_centre), 0.5);
            let control = middle.plus(side, offset);
            let (start_centre, end_centre) = (
                page.at(from.node.x, from.node.y),
                page.at(to.node.x, to.node.y),
            );
            let start_dir = control.minus(start_centre).unit();
            let start = start_centre.plus(
                start_dir,
                reach_to_outline(from.node.kind.shape(), start_dir) + 3.0,
            );
            let end_dir = control.minus(end_centre).unit();
            let end = end_centre.plus(
                end_dir,
                reach_to_outline(to.node.kind.shape(), end_dir) + 3.0,
            );
            let arrive = end.minus(control).unit();
            let line_end = end.plus(arrive, -9.0);
            let _ = writeln!(
                svg,
                "<path d=\"M {} {} Q {} {} {} {}\"/>",
                n(start.x),
                n(start.y),
                n(control.x),
                n(control.y),
                n(line_end.x),
                n(line_end.y)
            );
            draw_arrow_head(&mut decorations, end, arrive);
            draw_sign(
                &mut decorations,
                end.plus(arrive, -24.0).plus(arrive.normal(), 12.0),
                c.polarity,
            );
            let along = end.minus(start).unit();
            let point_at = |t: f64| {
                let (a, b, c) = ((1.0 - t) * (1.0 - t), 2.0 * t * (1.0 - t), t * t);
                Point::new(
                    a * start.x + b * control.x + c * end.x,
                    a * start.y + b * control.y + c * end.y,
                )
            };
            let mid = point_at(0.5);
            let label_side = along.normal();
            if c.delay {
                draw_delay(&mut decorations, mid, along);
            }
            if !c.label.is_empty() {
                let distance = if c.delay { 20.0 } else { 13.0 };
                draw_connection_label(&mut decorations, mid.plus(label_side, -distance), &c.label);
            }
            // Away from the sign, which is near the arrow head on the same side.
            if let Some(numbers) = &numbers {
                draw_failure_marker(
                    &mut decorations,
                    point_at(0.3).plus(label_side, 16.0),
                    numbers,
                );
            }
        }
    }
    svg.push_str("</g>\n");
    svg.push_str(&decorations);
}

/// A connection from a node to itself: a loop above the node, the `k`-th one a little higher.
fn draw_self_loop(
    svg: &mut String,
    decorations: &mut String,
    connection: &MapConnection,
    node: &MapNode,
    k: usize,
    page: &Page,
    numbers: Option<String>,
) {
    let c = &connection.connection;
    let centre = page.at(node.node.x, node.node.y);
    let top = centre.y - NODE_HEIGHT / 2.0;
    let rise = 45.0 + 12.0 * k as f64;
    let start = Point::new(centre.x - 22.0, top - 2.0);
    let end = Point::new(centre.x + 22.0, top - 3.0);
    let (c1, c2) = (
        Point::new(centre.x - 55.0, top - rise),
        Point::new(centre.x + 55.0, top - rise),
    );
    let arrive = end.minus(c2).unit();
    let line_end = end.plus(arrive, -9.0);
    let _ = writeln!(
        svg,
        "<path d=\"M {} {} C {} {} {} {} {} {}\"/>",
        n(start.x),
        n(start.y),
        n(c1.x),
        n(c1.y),
        n(c2.x),
        n(c2.y),
        n(line_end.x),
        n(line_end.y)
    );
    draw_arrow_head(decorations, end, arrive);
    draw_sign(
        decorations,
        Point::new(centre.x + 42.0, top - 16.0),
        c.polarity,
    );
    let summit = Point::new(centre.x, top - rise * 0.75);
    if c.delay {
        draw_delay(decorations, summit, Point::new(1.0, 0.0));
    }
    if !c.label.is_empty() {
        draw_connection_label(
            decorations,
            summit.plus(Point::new(0.0, -1.0), 16.0),
            &c.label,
        );
    }
    if let Some(numbers) = &numbers {
        draw_failure_marker(
            decorations,
            summit.plus(Point::new(-1.0, 0.0), 28.0),
            numbers,
        );
    }
}

/// The symbols the legend explains after the node kinds (the words are the app's legend's).
const SYMBOLS: usize = 5;

fn legend_height(kinds: usize) -> f64 {
    40.0 + kinds as f64 * 32.0 + 16.0 + SYMBOLS as f64 * 28.0
}

fn draw_legend(svg: &mut String, page: &Page, kinds: &[NodeKind]) {
    let left = page.map_width + 10.0;
    let top = TITLE_HEIGHT + 10.0;
    let _ = writeln!(
        svg,
        "<g class=\"legend\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" \
         fill=\"#f9fafb\" stroke=\"#d1d5db\"/>",
        n(left),
        n(top),
        n(LEGEND_WIDTH - 30.0),
        n(legend_height(kinds.len()))
    );
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"15\" font-weight=\"bold\" fill=\"{INK}\">Legend</text>",
        n(left + 14.0),
        n(top + 26.0)
    );
    let mut y = top + 52.0;
    let swatch = Point::new(24.0, 11.0);
    for kind in kinds {
        let (fill, stroke) = kind.colours();
        let centre = Point::new(left + 14.0 + swatch.x, y);
        svg.push_str(&shape_element(kind.shape(), centre, swatch, fill, stroke));
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{INK}\">{}</text>",
            n(left + 72.0),
            n(y + 4.0),
            text(kind_display_name(*kind))
        );
        y += 32.0;
    }
    y += 8.0;
    let symbol_x = left + 14.0 + swatch.x;
    let explain = |svg: &mut String, y: f64, words: &str| {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{INK}\">{}</text>",
            n(left + 72.0),
            n(y + 4.0),
            text(words)
        );
    };
    for (polarity, words) in [
        (Polarity::Positive, "the next one moves the same way"),
        (Polarity::Negative, "the next one moves the other way"),
        (Polarity::Unknown, "the direction is not agreed yet"),
    ] {
        draw_sign(svg, Point::new(symbol_x, y), polarity);
        explain(svg, y, words);
        y += 28.0;
    }
    let _ = writeln!(
        svg,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{LINE}\" stroke-width=\"1.6\"/>",
        n(symbol_x - 20.0),
        n(y),
        n(symbol_x + 20.0),
        n(y)
    );
    draw_delay(svg, Point::new(symbol_x, y), Point::new(1.0, 0.0));
    explain(svg, y, "a delay before the effect shows");
    y += 28.0;
    draw_failure_marker(svg, Point::new(symbol_x, y), "");
    explain(svg, y, "a failure point (listed below)");
    svg.push_str("</g>\n");
}

/// The failure list's lines: (text, is the first line of an entry).
fn failure_list_lines(failures: &FailureNumbers, width: f64) -> Vec<(String, bool)> {
    let chars = ((width - 2.0 * MARGIN - 30.0) / LIST_CHAR_WIDTH).max(30.0) as usize;
    let mut lines = Vec::new();
    for (number, place, description, severity) in &failures.list {
        let severity = match severity {
            Some(s) => format!("severity {s} of 5"),
            None => "severity not given".to_owned(),
        };
        let entry = format!("{number}. On {place} ({severity}): {description}");
        let mut first = true;
        for paragraph in entry.split('\n') {
            let wrapped = wrap(paragraph, chars, usize::MAX);
            for line in if wrapped.is_empty() {
                vec![String::new()]
            } else {
                wrapped
            } {
                lines.push((line, first));
                first = false;
            }
        }
    }
    lines
}

fn draw_failure_list(svg: &mut String, page: &Page, lines: &[(String, bool)]) {
    if lines.is_empty() {
        return;
    }
    let top = TITLE_HEIGHT + page.content_height + 10.0;
    let _ = writeln!(
        svg,
        "<g class=\"failure-list\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d1d5db\"/>",
        n(MARGIN),
        n(top),
        n(page.width - MARGIN),
        n(top)
    );
    let _ = writeln!(
        svg,
        "<text x=\"{}\" y=\"{}\" font-size=\"16\" font-weight=\"bold\" fill=\"{FAILURE_COLOUR}\">\
         Where the system fails people</text>",
        n(MARGIN),
        n(top + 28.0)
    );
    for (i, (line, first)) in lines.iter().enumerate() {
        let indent = if *first { 0.0 } else { 22.0 };
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"{INK}\">{}</text>",
            n(MARGIN + indent),
            n(top + 50.0 + LIST_LINE_HEIGHT * i as f64),
            text(line)
        );
    }
    svg.push_str("</g>\n");
}
