use crate::components::map_canvas::add_node;
use crate::i18n::t;
use crate::map_state::MapState;
use leptos::prelude::*;

/// The field that opens where a node is being added (double-click, or N): type the label and
/// press Enter; Escape or leaving the field empty adds nothing.
#[component]
pub fn NewNodeField() -> impl IntoView {
    let state = expect_context::<MapState>();
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if state.new_node_at.get().is_some() {
            if let Some(field) = input.get() {
                let _ = field.focus();
            }
        }
    });
    let finish = move |keep: bool| {
        let Some((x, y)) = state.new_node_at.get_untracked() else {
            return;
        };
        state.new_node_at.set(None);
        let label = input
            .get_untracked()
            .map(|field| field.value().trim().to_owned())
            .unwrap_or_default();
        if keep && !label.is_empty() {
            add_node(state, label, x, y);
        }
        // Back to the canvas, so the keyboard keeps working there.
        if let Some(canvas) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-testid=map-canvas]").ok().flatten())
        {
            use wasm_bindgen::JsCast;
            if let Ok(canvas) = canvas.dyn_into::<web_sys::HtmlElement>() {
                let _ = canvas.focus();
            }
        }
    };
    move || {
        state.new_node_at.get().map(|(x, y)| {
            let (sx, sy) = state.viewport.get_untracked().to_screen(x, y);
            view! {
                <input class="new-node-label" node_ref=input type="text" maxlength="120"
                    data-testid="new-node-label" aria-label=t("map-new-node-label")
                    placeholder=t("map-new-node-label")
                    style=format!("left: {:.0}px; top: {:.0}px", sx - 90.0, sy - 18.0)
                    on:pointerdown=|ev| ev.stop_propagation()
                    on:dblclick=|ev| ev.stop_propagation()
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        ev.stop_propagation();
                        match ev.key().as_str() {
                            "Enter" => { ev.prevent_default(); finish(true) }
                            "Escape" => finish(false),
                            _ => {}
                        }
                    }
                    on:blur=move |_| finish(true) />
            }
        })
    }
}
