use crate::map_geometry::outline_points;
use crate::map_items::ShownNode;
use crate::map_state::{canvas_point, label_lines, Gesture, MapState};
use leptos::prelude::*;
use systematic_ipc::{Shape, NODE_HEIGHT, NODE_WIDTH};

const W: f64 = NODE_WIDTH / 2.0;
const H: f64 = NODE_HEIGHT / 2.0;

/// The outline of a node kind, centred on (0, 0).
fn outline(shape: Shape, fill: &'static str, stroke: &'static str) -> AnyView {
    match shape {
        Shape::RoundedBox | Shape::Box | Shape::Circle => {
            let rx = match shape {
                Shape::RoundedBox => 14.0,
                Shape::Box => 2.0,
                _ => H,
            };
            view! { <rect class="outline" x=-W y=-H width=NODE_WIDTH height=NODE_HEIGHT rx=rx fill=fill stroke=stroke /> }.into_any()
        }
        Shape::Ellipse => {
            view! { <ellipse class="outline" rx=W ry=H fill=fill stroke=stroke /> }.into_any()
        }
        Shape::Hexagon | Shape::Diamond | Shape::Tag => {
            let points = outline_points(shape)
                .iter()
                .map(|(x, y)| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polygon class="outline" points=points fill=fill stroke=stroke /> }.into_any()
        }
    }
}

/// One node on the canvas: its shape and colour by kind, its label, a red marker when failure
/// points are on it, and a handle to drag a new connection from. It follows its own entry in the
/// map, so an edit elsewhere does not redraw it.
#[component]
pub fn MapNodeView(id: String) -> impl IntoView {
    let state = expect_context::<MapState>();
    let Some(shown) = state.shown_node(&id) else {
        return ().into_any();
    };
    let data: RwSignal<ShownNode> = shown.into();
    let is_selected: RwSignal<bool> = state.selection_of(&id).into();
    let id = StoredValue::new(id);
    let transform = move || {
        let (x, y) = data.with(|n| (n.node.node.x, n.node.node.y));
        let (dx, dy) = state.drag_offset(&id.get_value());
        format!("translate({:.1} {:.1})", x + dx, y + dy)
    };
    let dimmed = move || data.with(|n| state.node_dimmed(&n.node, n.failures));
    let failures = move || data.with(|n| n.failures);
    let played = move || {
        state.play.with(|p| {
            p.iter()
                .find(|(n, _)| *n == id.get_value())
                .map(|(_, d)| *d)
        })
    };
    let kind = move || data.with(|n| n.node.node.kind);
    let aria = move || {
        data.with(|n| {
            format!(
                "{} ({})",
                n.node.node.label,
                crate::i18n::t(&format!("node-kind-{}", n.node.node.kind.name()))
            )
        })
    };
    // The outline and the words, redrawn only when this node's own entry changes.
    let body = Memo::new(move |_| data.with(|n| (n.node.node.kind, n.node.node.label.clone())));
    let body = move || {
        let (kind, label) = body.get();
        let (fill, stroke) = kind.colours();
        let lines = label_lines(&label, 18);
        let first_dy = if lines.len() > 1 { -4.0 } else { 5.0 };
        let text = lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                let y = first_dy + i as f64 * 17.0;
                view! { <tspan x="0" y=y>{line}</tspan> }
            })
            .collect_view();
        view! {
            <title>{label}</title>
            {outline(kind.shape(), fill, stroke)}
            <text class="node-label" text-anchor="middle">{text}</text>
        }
    };

    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        ev.stop_propagation();
        let me = id.get_value();
        if ev.shift_key() {
            state.toggle_selected(me);
            return;
        }
        if !state.selected.with(|s| s.contains(&me)) {
            state.selected.set([me].into_iter().collect());
        }
        let (sx, sy) = canvas_point(ev.client_x(), ev.client_y());
        let from = state.viewport.get_untracked().to_map(sx, sy);
        state.gesture.set(Gesture::Dragging { from });
    };
    let on_handle_down = move |ev: leptos::ev::PointerEvent| {
        ev.stop_propagation();
        let (sx, sy) = canvas_point(ev.client_x(), ev.client_y());
        let to = state.viewport.get_untracked().to_map(sx, sy);
        state.gesture.set(Gesture::Connecting {
            from: id.get_value(),
            to,
        });
    };
    // Double-clicking a node edits its label (on the background it would add a node).
    let on_dblclick = move |ev: leptos::ev::MouseEvent| {
        ev.stop_propagation();
        if let Some(field) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=node-label]").ok().flatten())
        {
            use wasm_bindgen::JsCast;
            if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
                let _ = field.focus();
            }
        }
    };
    let on_focus = move |_| {
        if !state
            .selected
            .with_untracked(|s| s.contains(&id.get_value()))
        {
            state.selected.set([id.get_value()].into_iter().collect());
        }
    };

    view! {
        <g class="map-node" class:selected=move || is_selected.get() class:dimmed=dimmed
            class:pinned=move || data.with(|n| n.node.node.pinned)
            class:played-up=move || played() == Some(1)
            class:played-down=move || played() == Some(-1)
            class:played-unclear=move || played() == Some(0)
            transform=transform tabindex="0" role="button" aria-label=aria
            data-testid="map-node" data-id=id.get_value() data-kind=move || kind().name()
            on:pointerdown=on_pointerdown on:focus=on_focus on:dblclick=on_dblclick>
            {body}
            {move || (failures() > 0).then(|| view! {
                <g class="failure-marker" transform=format!("translate({} {})", W - 6.0, -H + 2.0) data-testid="failure-marker">
                    <circle r="11" />
                    <text y="5" text-anchor="middle">{move || if failures() > 1 { failures().to_string() } else { "!".to_string() }}</text>
                </g>
            })}
            {move || played().map(|d| view! {
                <text class="play-arrow" x=-W + 12.0 y="6" text-anchor="middle">
                    {match d { 1 => "▲", -1 => "▼", _ => "?" }}
                </text>
            })}
            <circle class="connect-handle" cx=W cy="0" r="8" data-testid="connect-handle"
                on:pointerdown=on_handle_down>
                <title>{crate::i18n::t("map-connect-drag")}</title>
            </circle>
        </g>
    }
    .into_any()
}
