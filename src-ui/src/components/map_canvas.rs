use crate::components::map_connection_view::MapConnectionView;
use crate::components::map_node_view::MapNodeView;
use crate::components::map_quick_picture::MapQuickPicture;
use crate::components::new_node_field::NewNodeField;
use crate::i18n::t;
use crate::map_state::{canvas_point, free_spot, Gesture, MapState, CANVAS_ID, FAR_SCALE};
use leptos::prelude::*;
use systematic_ipc::{ConnectionDraft, MapEdit, NodeDraft, NodeMove, NODE_HEIGHT, NODE_WIDTH};

/// How far one arrow key press pans the view (screen pixels) or moves nodes (map units).
const STEP: f64 = 40.0;
const ZOOM_STEP: f64 = 1.2;

/// Adds a node with `label` at (x, y) and selects it.
pub fn add_node(state: MapState, label: String, x: f64, y: f64) {
    let node = NodeDraft {
        label,
        x,
        y,
        ..NodeDraft::default()
    };
    state.edit(vec![MapEdit::AddNode { node }], move |added| {
        state.selected.set(added.into_iter().collect());
    });
}

/// Deletes what is selected (nodes take their connections with them).
pub fn delete_selected(state: MapState) {
    let ids: Vec<String> = state.selected.get_untracked().into_iter().collect();
    if !ids.is_empty() {
        state.selected.set(Default::default());
        state.edit(vec![MapEdit::Delete { ids }], |_| {});
    }
}

/// Copies the selected nodes (and the connections among them) a little down and to the right.
pub fn duplicate_selected(state: MapState) {
    let ids: Vec<String> = state.selected_nodes().into_iter().map(|n| n.0).collect();
    if !ids.is_empty() {
        let edit = MapEdit::Duplicate {
            ids,
            dx: 40.0,
            dy: 40.0,
        };
        state.edit(vec![edit], move |added| {
            state.selected.set(added.into_iter().collect());
        });
    }
}

/// Moves the selected nodes by (dx, dy) map units, as one change; `then` runs once it is saved.
pub fn move_selected(state: MapState, dx: f64, dy: f64, then: impl FnOnce() + 'static) {
    let moves: Vec<NodeMove> = state
        .selected_nodes()
        .into_iter()
        .map(|(id, x, y)| NodeMove {
            id,
            x: x + dx,
            y: y + dy,
        })
        .collect();
    if moves.is_empty() {
        then();
    } else {
        state.edit(vec![MapEdit::MoveNodes { moves }], move |_| then());
    }
}

/// The system map as a picture: nodes, arrows, and the gestures that edit them. Pointer: drag
/// nodes, shift-click or shift-drag to select several, drag the background to pan, wheel to
/// zoom, double-click to add a node, drag from a node's handle to connect. Keyboard: see the
/// help line under the canvas.
#[component]
pub fn MapCanvas(on_undo: Callback<()>, on_redo: Callback<()>) -> impl IntoView {
    let state = expect_context::<MapState>();
    let container = NodeRef::<leptos::html::Div>::new();

    // The canvas's size, for fitting the map and for new nodes in the middle of the view.
    Effect::new(move |_| {
        if let Some(div) = container.get() {
            let rect = div.get_bounding_client_rect();
            if rect.width() > 0.0 {
                state.size.set((rect.width(), rect.height()));
            }
        }
    });

    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if let Some(div) = container.get_untracked() {
            let _ = div.focus();
        }
        let (sx, sy) = canvas_point(ev.client_x(), ev.client_y());
        if ev.shift_key() {
            let at = state.viewport.get_untracked().to_map(sx, sy);
            state.gesture.set(Gesture::Selecting { from: at, to: at });
        } else {
            if state.selected.with_untracked(|s| !s.is_empty()) {
                state.selected.set(Default::default());
            }
            state.gesture.set(Gesture::Panning {
                from: (sx, sy),
                start: state.viewport.get_untracked(),
            });
        }
    };
    let on_pointermove = move |ev: leptos::ev::PointerEvent| {
        let gesture = state.gesture.get_untracked();
        if gesture == Gesture::Idle {
            return;
        }
        let (sx, sy) = canvas_point(ev.client_x(), ev.client_y());
        let at = state.viewport.get_untracked().to_map(sx, sy);
        match gesture {
            Gesture::Idle => {}
            Gesture::Panning { from, start } => state.move_view(|_| {
                let mut v = start;
                v.dx += sx - from.0;
                v.dy += sy - from.1;
                v
            }),
            Gesture::Dragging { from } => state.drag.set((at.0 - from.0, at.1 - from.1)),
            Gesture::Connecting { from, .. } => {
                state.gesture.set(Gesture::Connecting { from, to: at })
            }
            Gesture::Selecting { from, .. } => {
                state.gesture.set(Gesture::Selecting { from, to: at })
            }
        }
    };
    let on_pointerup = move |_: leptos::ev::PointerEvent| {
        let gesture = state.gesture.get_untracked();
        state.gesture.set(Gesture::Idle);
        match gesture {
            Gesture::Dragging { .. } => {
                let (dx, dy) = state.drag.get_untracked();
                if dx.abs() + dy.abs() > 0.5 {
                    // The drag offset goes once the saved positions are back, so the nodes do not
                    // jump back for a frame.
                    move_selected(state, dx, dy, move || state.drag.set((0.0, 0.0)));
                } else {
                    state.drag.set((0.0, 0.0));
                }
            }
            Gesture::Connecting { from, to } => {
                let target = state.map.with_untracked(|m| {
                    m.nodes
                        .iter()
                        .rev()
                        .find(|n| {
                            (n.node.x - to.0).abs() <= NODE_WIDTH / 2.0
                                && (n.node.y - to.1).abs() <= NODE_HEIGHT / 2.0
                        })
                        .map(|n| n.id.clone())
                });
                if let Some(to) = target {
                    let connection = ConnectionDraft {
                        from,
                        to,
                        ..ConnectionDraft::default()
                    };
                    state.edit(vec![MapEdit::AddConnection { connection }], move |added| {
                        state.selected.set(added.into_iter().collect());
                    });
                }
            }
            Gesture::Selecting { from, to } => {
                let (x0, x1) = (from.0.min(to.0), from.0.max(to.0));
                let (y0, y1) = (from.1.min(to.1), from.1.max(to.1));
                let inside: Vec<String> = state.map.with_untracked(|m| {
                    m.nodes
                        .iter()
                        .filter(|n| (x0..=x1).contains(&n.node.x) && (y0..=y1).contains(&n.node.y))
                        .map(|n| n.id.clone())
                        .collect()
                });
                state.selected.update(|s| s.extend(inside));
            }
            Gesture::Panning { .. } => state.settle_later(),
            Gesture::Idle => {}
        }
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let (sx, sy) = canvas_point(ev.client_x(), ev.client_y());
        let factor = if ev.delta_y() < 0.0 { 1.1 } else { 1.0 / 1.1 };
        state.move_view(|v| v.zoomed(factor, sx, sy));
    };
    let on_dblclick = move |ev: leptos::ev::MouseEvent| {
        let (sx, sy) = canvas_point(ev.client_x(), ev.client_y());
        state
            .new_node_at
            .set(Some(state.viewport.get_untracked().to_map(sx, sy)));
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let has_selection = state.selected.with_untracked(|s| !s.is_empty());
        let (w, h) = state.size.get_untracked();
        let handled = match key.as_str() {
            "n" | "N" if !ctrl => {
                let (x, y) = state.viewport.get_untracked().to_map(w / 2.0, h / 2.0);
                let spot = state.map.with_untracked(|m| free_spot(&m.nodes, x, y));
                state.new_node_at.set(Some(spot));
                true
            }
            "Delete" | "Backspace" if has_selection => {
                delete_selected(state);
                true
            }
            "d" | "D" if ctrl => {
                duplicate_selected(state);
                true
            }
            "z" | "Z" if ctrl && ev.shift_key() => {
                on_redo.run(());
                true
            }
            "z" | "Z" if ctrl => {
                on_undo.run(());
                true
            }
            "y" | "Y" if ctrl => {
                on_redo.run(());
                true
            }
            "a" | "A" if ctrl => {
                let all = state
                    .map
                    .with_untracked(|m| m.nodes.iter().map(|n| n.id.clone()).collect());
                state.selected.set(all);
                true
            }
            "+" | "=" => {
                state.move_view(|v| v.zoomed(ZOOM_STEP, w / 2.0, h / 2.0));
                true
            }
            "-" | "_" => {
                state.move_view(|v| v.zoomed(1.0 / ZOOM_STEP, w / 2.0, h / 2.0));
                true
            }
            "0" | "f" | "F" if !ctrl => {
                state.fit();
                true
            }
            "Escape" => {
                state.selected.set(Default::default());
                state.highlight.set(None);
                true
            }
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" => {
                let (dx, dy) = match key.as_str() {
                    "ArrowLeft" => (-1.0, 0.0),
                    "ArrowRight" => (1.0, 0.0),
                    "ArrowUp" => (0.0, -1.0),
                    _ => (0.0, 1.0),
                };
                let nodes_selected = has_selection && !state.selected_nodes().is_empty();
                if nodes_selected {
                    move_selected(state, dx * STEP / 2.0, dy * STEP / 2.0, || {});
                } else {
                    state.move_view(|mut v| {
                        v.dx -= dx * STEP;
                        v.dy -= dy * STEP;
                        v
                    });
                }
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let nodes = move || state.node_ids.get();
    let connections = move || state.connection_ids.get();
    let gesture_overlay = move || {
        match state.gesture.get() {
        Gesture::Connecting { from, to } => state.centre(&from).map(|(x, y)| {
            view! { <line class="connecting" x1=x y1=y x2=to.0 y2=to.1 marker-end="url(#arrow-head)" /> }
                .into_any()
        }),
        Gesture::Selecting { from, to } => Some(
            view! {
                <rect class="rubber-band" x=from.0.min(to.0) y=from.1.min(to.1)
                    width=(from.0 - to.0).abs() height=(from.1 - to.1).abs() />
            }
            .into_any(),
        ),
        _ => None,
    }
    };

    view! {
        <div class="map-canvas" node_ref=container tabindex="0" data-testid="map-canvas"
            role="application" aria-label=t("map-canvas-label")
            on:keydown=on_keydown on:pointermove=on_pointermove on:pointerup=on_pointerup
            on:pointerleave=on_pointerup on:wheel=on_wheel on:dblclick=on_dblclick
            on:pointerdown=on_pointerdown>
            // Zoomed far out, words and arrow heads are too small to read and cost the most to
            // draw: leave them out (the list view and the side panel still have them).
            <svg id=CANVAS_ID class="map-svg" class:far=move || state.drawn_view().scale < FAR_SCALE
                class:moving=move || state.moving.get().is_some() width="100%" height="100%">
                <defs>
                    <marker id="arrow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8"
                        markerHeight="8" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" />
                    </marker>
                </defs>
                <g class="map-world" transform=move || state.drawn_view().transform()>
                    <g class="connections">
                        <For each=connections key=String::clone let:id>
                            <MapConnectionView id=id />
                        </For>
                    </g>
                    <g class="nodes">
                        <For each=nodes key=String::clone let:id>
                            <MapNodeView id=id />
                        </For>
                    </g>
                    {gesture_overlay}
                </g>
            </svg>
            <MapQuickPicture />
            <NewNodeField />
            {move || state.map.with(|m| m.nodes.is_empty()).then(|| view! {
                <p class="map-empty muted" data-testid="map-empty">{t("map-empty")}</p>
            })}
        </div>
    }
}
