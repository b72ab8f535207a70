//! The map section's shared state and geometry: what is selected, where the view is, what the
//! analysis highlights. Components get it from context.

use crate::map_items::{ItemSignals, ShownConnection, ShownNode};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};
use systematic_ipc::{Level, MapNode, MapView, WorkshopId, NODE_HEIGHT, NODE_WIDTH};

/// Where the map is on screen: map point (x, y) shows at (x · scale + dx, y · scale + dy).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub dx: f64,
    pub dy: f64,
    pub scale: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            dx: 400.0,
            dy: 250.0,
            scale: 1.0,
        }
    }
}

pub const MIN_SCALE: f64 = 0.1;
/// Below this zoom the map is drawn without words and arrow heads.
pub const FAR_SCALE: f64 = 0.4;
/// How long the view must be still before the quick picture gives way to the SVG again.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(200);
pub const MAX_SCALE: f64 = 3.0;

impl Viewport {
    pub fn to_map(self, sx: f64, sy: f64) -> (f64, f64) {
        ((sx - self.dx) / self.scale, (sy - self.dy) / self.scale)
    }

    pub fn to_screen(self, x: f64, y: f64) -> (f64, f64) {
        (x * self.scale + self.dx, y * self.scale + self.dy)
    }

    /// Zooms by `factor` keeping the screen point (sx, sy) still.
    pub fn zoomed(self, factor: f64, sx: f64, sy: f64) -> Self {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let (mx, my) = self.to_map(sx, sy);
        Self {
            dx: sx - mx * scale,
            dy: sy - my * scale,
            scale,
        }
    }

    /// Shows every node inside a `width` × `height` screen with a margin.
    pub fn fitting(nodes: &[MapNode], width: f64, height: f64) -> Self {
        let Some((min_x, min_y, max_x, max_y)) = bounds(nodes) else {
            return Self {
                dx: width / 2.0,
                dy: height / 2.0,
                scale: 1.0,
            };
        };
        let margin = 40.0;
        let scale = ((width - 2.0 * margin) / (max_x - min_x).max(1.0))
            .min((height - 2.0 * margin) / (max_y - min_y).max(1.0))
            .clamp(MIN_SCALE, 1.5);
        let cx = (min_x + max_x) / 2.0;
        let cy = (min_y + max_y) / 2.0;
        Self {
            dx: width / 2.0 - cx * scale,
            dy: height / 2.0 - cy * scale,
            scale,
        }
    }

    pub fn transform(self) -> String {
        format!(
            "translate({:.1} {:.1}) scale({:.4})",
            self.dx, self.dy, self.scale
        )
    }
}

/// The box around every node (their full size), or `None` for an empty map.
pub fn bounds(nodes: &[MapNode]) -> Option<(f64, f64, f64, f64)> {
    let mut it = nodes.iter();
    let first = it.next()?;
    let half = (NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
    let start = (
        first.node.x - half.0,
        first.node.y - half.1,
        first.node.x + half.0,
        first.node.y + half.1,
    );
    Some(it.fold(start, |(a, b, c, d), n| {
        (
            a.min(n.node.x - half.0),
            b.min(n.node.y - half.1),
            c.max(n.node.x + half.0),
            d.max(n.node.y + half.1),
        )
    }))
}

/// The nearest place to (x, y) where a new node would not cover another: (x, y) itself if it is
/// free, otherwise the first free spot going round it in widening rings.
pub fn free_spot(nodes: &[MapNode], x: f64, y: f64) -> (f64, f64) {
    let free = |px: f64, py: f64| {
        nodes.iter().all(|n| {
            (n.node.x - px).abs() >= NODE_WIDTH + 10.0
                || (n.node.y - py).abs() >= NODE_HEIGHT + 10.0
        })
    };
    if free(x, y) {
        return (x, y);
    }
    for ring in 1..60 {
        let ring = f64::from(ring);
        let steps = (8.0 * ring) as u32;
        for step in 0..steps {
            let angle = f64::from(step) / f64::from(steps) * std::f64::consts::TAU;
            let (px, py) = (
                x + angle.cos() * ring * (NODE_WIDTH + 20.0),
                y + angle.sin() * ring * (NODE_HEIGHT + 30.0),
            );
            if free(px, py) {
                return (px, py);
            }
        }
    }
    (x, y)
}

/// Where the line from a node's centre towards (tx, ty) leaves its box.
pub fn box_edge(x: f64, y: f64, tx: f64, ty: f64) -> (f64, f64) {
    let (dx, dy) = (tx - x, ty - y);
    if dx == 0.0 && dy == 0.0 {
        return (x, y);
    }
    let sx = (NODE_WIDTH / 2.0) / dx.abs().max(1e-9);
    let sy = (NODE_HEIGHT / 2.0) / dy.abs().max(1e-9);
    let s = sx.min(sy).min(1.0);
    (x + dx * s, y + dy * s)
}

/// The element id of the canvas's `<svg>`.
pub const CANVAS_ID: &str = "map-svg";

/// A pointer position relative to the canvas, in screen pixels.
pub fn canvas_point(client_x: i32, client_y: i32) -> (f64, f64) {
    let origin = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(CANVAS_ID))
        .map(|e| {
            let rect = e.get_bounding_client_rect();
            (rect.left(), rect.top())
        })
        .unwrap_or_default();
    (
        f64::from(client_x) - origin.0,
        f64::from(client_y) - origin.1,
    )
}

/// A label in at most two lines of about `width` characters, the second cut with "…".
pub fn label_lines(label: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in label.split_whitespace() {
        let fits = current.chars().count() + 1 + word.chars().count() <= width;
        if current.is_empty() || fits {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        } else {
            lines.push(std::mem::take(&mut current));
            current.push_str(word);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > 2 {
        lines.truncate(2);
        lines[1].push('…');
    }
    for line in &mut lines {
        if line.chars().count() > width + 1 {
            *line = line.chars().take(width).collect::<String>() + "…";
        }
    }
    lines
}

/// What the analysis panel has picked out: everything else is dimmed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlight {
    pub nodes: BTreeSet<String>,
    pub connections: BTreeSet<String>,
}

/// The map section's state, shared by its components through context.
#[derive(Clone, Copy)]
pub struct MapState {
    pub workshop: StoredValue<WorkshopId>,
    pub map: RwSignal<MapView>,
    /// Selected node and connection ids.
    pub selected: RwSignal<BTreeSet<String>>,
    pub viewport: RwSignal<Viewport>,
    /// How far the selection is being dragged right now (map units), before it is saved.
    pub drag: RwSignal<(f64, f64)>,
    pub highlight: RwSignal<Option<Highlight>>,
    pub failures_only: RwSignal<bool>,
    pub level: RwSignal<Option<Level>>,
    /// The canvas size on screen, for fitting and the overview.
    pub size: RwSignal<(f64, f64)>,
    pub error: RwSignal<Option<systematic_ipc::AppError>>,
    /// What the pointer is doing on the canvas.
    pub gesture: RwSignal<Gesture>,
    /// Node centres by id, rebuilt when the map changes (connections look their ends up here).
    pub centres: Memo<HashMap<String, (f64, f64)>>,
    /// The ids the canvas draws, in drawing order; they change only when items come or go, so
    /// an edit to one item does not make the canvas go through every other one.
    pub node_ids: Memo<Vec<String>>,
    pub connection_ids: Memo<Vec<String>>,
    /// Failure points per node or connection id.
    pub failure_counts: Memo<HashMap<String, usize>>,
    /// Every (from, to) pair joined by a connection, so a pair joined both ways can be drawn as
    /// two lines side by side instead of one on top of the other.
    pub pairs: Memo<std::collections::HashSet<(String, String)>>,
    /// Where the "new node" label field is open, in map units.
    pub new_node_at: RwSignal<Option<(f64, f64)>>,
    /// A node the loop play pushed: node id → +1 (up) or −1 (down) or 0 (unclear), in the order
    /// the change reached them.
    pub play: RwSignal<Vec<(String, i8)>>,
    /// While the view pans or zooms: the view the quick picture (`map_picture`) was drawn for.
    /// The SVG stays at that view, hidden, until the view is still again.
    pub moving: RwSignal<Option<Viewport>>,
    settle: StoredValue<Option<TimeoutHandle>>,
    /// Each node's and connection's own signal.
    items: StoredValue<ItemSignals>,
}

/// What a pointer gesture on the canvas is doing.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Gesture {
    #[default]
    Idle,
    /// Moving the view: where the pointer went down, and the view then.
    Panning { from: (f64, f64), start: Viewport },
    /// Moving the selected nodes: where the pointer went down, in map units.
    Dragging { from: (f64, f64) },
    /// Drawing a new connection from `from` to the pointer (map units).
    Connecting { from: String, to: (f64, f64) },
    /// Selecting with a rubber band (map units).
    Selecting { from: (f64, f64), to: (f64, f64) },
}

impl MapState {
    pub fn new(workshop: WorkshopId, error: RwSignal<Option<systematic_ipc::AppError>>) -> Self {
        let map = RwSignal::new(MapView::default());
        let selected = RwSignal::new(BTreeSet::new());
        let items = StoredValue::new(ItemSignals::default());
        // Tell the items whose selection changed, and only them.
        Effect::new(move |before: Option<BTreeSet<String>>| {
            let now = selected.get();
            if let Some(before) = before {
                items.with_value(|items| items.reselect(&before, &now));
            }
            now
        });
        Self {
            workshop: StoredValue::new(workshop),
            map,
            selected,
            viewport: RwSignal::new(Viewport::default()),
            drag: RwSignal::new((0.0, 0.0)),
            highlight: RwSignal::new(None),
            failures_only: RwSignal::new(false),
            level: RwSignal::new(None),
            size: RwSignal::new((900.0, 560.0)),
            error,
            gesture: RwSignal::new(Gesture::Idle),
            centres: Memo::new(move |_| {
                map.with(|m| {
                    m.nodes
                        .iter()
                        .map(|n| (n.id.clone(), (n.node.x, n.node.y)))
                        .collect()
                })
            }),
            node_ids: Memo::new(move |_| {
                map.with(|m| m.nodes.iter().map(|n| n.id.clone()).collect())
            }),
            connection_ids: Memo::new(move |_| {
                map.with(|m| m.connections.iter().map(|c| c.id.clone()).collect())
            }),
            failure_counts: Memo::new(move |_| {
                map.with(|m| {
                    let mut counts = HashMap::new();
                    for f in &m.failures {
                        *counts.entry(f.failure.on.clone()).or_insert(0) += 1;
                    }
                    counts
                })
            }),
            pairs: Memo::new(move |_| {
                map.with(|m| {
                    m.connections
                        .iter()
                        .map(|c| (c.connection.from.clone(), c.connection.to.clone()))
                        .collect()
                })
            }),
            new_node_at: RwSignal::new(None),
            play: RwSignal::new(Vec::new()),
            moving: RwSignal::new(None),
            settle: StoredValue::new(None),
            items,
        }
    }

    pub fn workshop_id(&self) -> WorkshopId {
        self.workshop.get_value()
    }

    /// A node's centre now, counting a drag in progress; `None` for a node not on the map.
    pub fn centre(&self, id: &str) -> Option<(f64, f64)> {
        let (x, y) = self
            .shown_node(id)?
            .with(|n| (n.node.node.x, n.node.node.y));
        let (dx, dy) = self.drag_offset(id);
        Some((x + dx, y + dy))
    }

    /// How far a node is being dragged right now. Only selected nodes follow the drag, through
    /// their own selection signal, so a drag on a big map wakes the dragged nodes and their
    /// arrows, not every item.
    pub fn drag_offset(&self, id: &str) -> (f64, f64) {
        if self.selection_of(id).get() {
            self.drag.get()
        } else {
            (0.0, 0.0)
        }
    }

    /// A node's own signal (see `map_items`); `None` for a node not on the map.
    pub fn shown_node(&self, id: &str) -> Option<ArcRwSignal<ShownNode>> {
        self.items.with_value(|items| items.node(id))
    }

    /// A connection's own signal; `None` for a connection not on the map.
    pub fn shown_connection(&self, id: &str) -> Option<ArcRwSignal<ShownConnection>> {
        self.items.with_value(|items| items.connection(id))
    }

    /// Whether `id` is selected, as a signal that changes only when that does.
    pub fn selection_of(&self, id: &str) -> ArcRwSignal<bool> {
        let now = self.selected.get_untracked();
        let mut signal = None;
        self.items
            .update_value(|items| signal = Some(items.selected(id, &now)));
        signal.unwrap_or_else(|| ArcRwSignal::new(now.contains(id)))
    }

    /// Shows `map` (a load, a reload after an undo or a layout).
    pub fn show_map(&self, map: MapView) {
        self.map.set(map);
        self.map
            .with_untracked(|m| self.items.update_value(|items| items.sync(m)));
    }

    /// Patches the map shown with what an edit changed.
    pub fn patch_map(&self, edited: systematic_ipc::MapEdited) {
        self.map
            .update(|m| m.apply(edited.changes, edited.can_undo, edited.can_redo));
        self.map
            .with_untracked(|m| self.items.update_value(|items| items.sync(m)));
    }

    /// Adds `id` to the selection, or takes it out if it was in (shift-click).
    pub fn toggle_selected(&self, id: String) {
        self.selected.update(|s| {
            if !s.remove(&id) {
                s.insert(id);
            }
        });
    }

    /// The selected nodes' ids and positions (connections in the selection are left out).
    pub fn selected_nodes(&self) -> Vec<(String, f64, f64)> {
        self.selected.with_untracked(|selected| {
            self.map.with_untracked(|m| {
                m.nodes
                    .iter()
                    .filter(|n| selected.contains(&n.id))
                    .map(|n| (n.id.clone(), n.node.x, n.node.y))
                    .collect()
            })
        })
    }

    /// Sends edits and patches the map shown with the changes the app answers (only what the
    /// edits touched, so an edit on a big map stays quick). `then` gets the added ids.
    pub fn edit(
        &self,
        edits: Vec<systematic_ipc::MapEdit>,
        then: impl FnOnce(Vec<String>) + 'static,
    ) {
        let state = *self;
        leptos::task::spawn_local(async move {
            match crate::ipc::edit_map(state.workshop_id(), edits).await {
                Ok(edited) => {
                    crate::marks::mark("answer");
                    let added = edited.added.clone();
                    state.patch_map(edited);
                    state.error.set(None);
                    then(added);
                    crate::marks::mark("patched");
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    }

    /// Fetches the map again (after an undo, a merge, a layout).
    pub fn reload(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            match crate::ipc::map(state.workshop_id()).await {
                Ok(map) => {
                    state.selected.update(|s| {
                        s.retain(|id| {
                            map.nodes.iter().any(|n| &n.id == id)
                                || map.connections.iter().any(|c| &c.id == id)
                        })
                    });
                    state.show_map(map);
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    }

    /// Pans or zooms the view as part of a gesture (drag, wheel, keys): the quick picture
    /// stands in for the SVG until the view has been still for a moment.
    pub fn move_view(&self, change: impl FnOnce(Viewport) -> Viewport) {
        if self.moving.get_untracked().is_none() && crate::map_picture::draw(self) {
            self.moving.set(Some(self.viewport.get_untracked()));
        }
        self.viewport.update(|v| *v = change(*v));
        self.settle_later();
    }

    /// Shows the SVG again once the view has been still for `SETTLE` (a held pan settles
    /// after the pointer is let go).
    pub fn settle_later(&self) {
        if self.moving.get_untracked().is_none() {
            return;
        }
        if let Some(handle) = self.settle.get_value() {
            handle.clear();
        }
        let state = *self;
        let handle = set_timeout_with_handle(
            move || {
                if !matches!(state.gesture.get_untracked(), Gesture::Panning { .. }) {
                    state.moving.set(None);
                }
            },
            SETTLE,
        )
        .ok();
        self.settle.set_value(handle);
    }

    /// The view the SVG is drawn at: held still while the quick picture moves.
    pub fn drawn_view(&self) -> Viewport {
        self.moving.get().unwrap_or_else(|| self.viewport.get())
    }

    pub fn fit(&self) {
        let (w, h) = self.size.get_untracked();
        let fitted = self
            .map
            .with_untracked(|m| Viewport::fitting(&m.nodes, w, h));
        self.viewport.set(fitted);
    }

    /// Whether a node is dimmed by the failures filter, the level filter or a highlight;
    /// `failures` is how many failure points are on it.
    pub fn node_dimmed(&self, node: &MapNode, failures: usize) -> bool {
        if let Some(level) = self.level.get() {
            if node.node.level != Some(level) {
                return true;
            }
        }
        if self.failures_only.get() && failures == 0 {
            return true;
        }
        self.highlight
            .with(|h| h.as_ref().is_some_and(|h| !h.nodes.contains(&node.id)))
    }

    pub fn connection_dimmed(&self, id: &str, failures: usize) -> bool {
        if self.failures_only.get() && failures == 0 {
            return true;
        }
        if self.level.get().is_some() {
            return true;
        }
        self.highlight
            .with(|h| h.as_ref().is_some_and(|h| !h.connections.contains(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use systematic_ipc::NodeDraft;

    fn node(x: f64, y: f64) -> MapNode {
        MapNode {
            id: format!("{x},{y}"),
            node: NodeDraft {
                x,
                y,
                label: "n".into(),
                ..NodeDraft::default()
            },
        }
    }

    #[test]
    fn screen_and_map_points_convert_both_ways() {
        let v = Viewport {
            dx: 10.0,
            dy: 20.0,
            scale: 2.0,
        };
        assert_eq!(v.to_screen(5.0, 5.0), (20.0, 30.0));
        assert_eq!(v.to_map(20.0, 30.0), (5.0, 5.0));
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_still() {
        let v = Viewport::default();
        let (mx, my) = v.to_map(300.0, 200.0);
        let z = v.zoomed(1.5, 300.0, 200.0);
        let (sx, sy) = z.to_screen(mx, my);
        assert!((sx - 300.0).abs() < 1e-9 && (sy - 200.0).abs() < 1e-9);
        assert_eq!(v.zoomed(1000.0, 0.0, 0.0).scale, MAX_SCALE);
    }

    #[test]
    fn fitting_puts_every_node_on_screen() {
        let nodes = vec![node(-1000.0, 0.0), node(3000.0, 800.0)];
        let v = Viewport::fitting(&nodes, 800.0, 600.0);
        for n in &nodes {
            let (sx, sy) = v.to_screen(n.node.x, n.node.y);
            assert!(
                (0.0..=800.0).contains(&sx) && (0.0..=600.0).contains(&sy),
                "{sx},{sy}"
            );
        }
    }

    #[test]
    fn long_labels_wrap_onto_two_lines_and_are_cut() {
        assert_eq!(label_lines("GP practice", 18), vec!["GP practice"]);
        assert_eq!(
            label_lines("Hospital discharge coordination team", 18),
            vec!["Hospital discharge", "coordination team"]
        );
        let long = label_lines("one two three four five six seven eight nine ten", 10);
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'));
        assert_eq!(
            label_lines("Supercalifragilisticexpialidocious", 10)[0]
                .chars()
                .count(),
            11
        );
    }

    #[test]
    fn new_nodes_do_not_land_on_top_of_others() {
        let mut nodes = vec![];
        for _ in 0..5 {
            let (x, y) = free_spot(&nodes, 0.0, 0.0);
            nodes.push(node(x, y));
        }
        for (i, a) in nodes.iter().enumerate() {
            for b in &nodes[i + 1..] {
                assert!(
                    (a.node.x - b.node.x).abs() >= NODE_WIDTH
                        || (a.node.y - b.node.y).abs() >= NODE_HEIGHT,
                    "{:?} overlaps {:?}",
                    a.id,
                    b.id
                );
            }
        }
        assert_eq!(free_spot(&[], 5.0, 6.0), (5.0, 6.0));
    }

    #[test]
    fn arrows_start_at_the_edge_of_the_box() {
        assert_eq!(box_edge(0.0, 0.0, 1000.0, 0.0), (NODE_WIDTH / 2.0, 0.0));
        assert_eq!(box_edge(0.0, 0.0, 0.0, -1000.0), (0.0, -NODE_HEIGHT / 2.0));
    }
}
