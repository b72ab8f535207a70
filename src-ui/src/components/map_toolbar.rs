use crate::i18n::t;
use crate::map_state::{free_spot, MapState};
use leptos::prelude::*;
use systematic_ipc::Level;

/// The map's buttons: add, lay out, zoom, fit, undo and redo, and the filters.
#[component]
pub fn MapToolbar(
    on_undo: Callback<()>,
    on_redo: Callback<()>,
    show_list: RwSignal<bool>,
    show_analysis: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<MapState>();
    let laying_out = RwSignal::new(false);
    let add = move |_| {
        let (w, h) = state.size.get_untracked();
        let (x, y) = state.viewport.get_untracked().to_map(w / 2.0, h / 2.0);
        let spot = state.map.with_untracked(|m| free_spot(&m.nodes, x, y));
        state.new_node_at.set(Some(spot));
    };
    let layout = move |_| {
        laying_out.set(true);
        leptos::task::spawn_local(async move {
            match crate::ipc::layout_map(state.workshop_id()).await {
                Ok(map) => {
                    state.show_map(map);
                    state.fit();
                }
                Err(e) => state.error.set(Some(e)),
            }
            laying_out.set(false);
        });
    };
    let zoom = move |factor: f64| {
        let (w, h) = state.size.get_untracked();
        state.move_view(|v| v.zoomed(factor, w / 2.0, h / 2.0));
    };
    view! {
        <div class="map-toolbar" role="toolbar" aria-label=t("map-toolbar")>
            <button class="primary" data-testid="add-node" on:click=add title=t("map-add-node-hint")>{t("map-add-node")}</button>
            <button data-testid="layout-map" on:click=layout disabled=move || laying_out.get()>{t("map-layout")}</button>
            <button data-testid="zoom-in" on:click=move |_| zoom(1.2) aria-label=t("map-zoom-in")>"+"</button>
            <button data-testid="zoom-out" on:click=move |_| zoom(1.0 / 1.2) aria-label=t("map-zoom-out")>"−"</button>
            <button data-testid="fit-map" on:click=move |_| state.fit()>{t("map-fit")}</button>
            <button data-testid="map-undo" on:click=move |_| on_undo.run(()) disabled=move || !state.map.with(|m| m.can_undo)>{t("undo")}</button>
            <button data-testid="map-redo" on:click=move |_| on_redo.run(()) disabled=move || !state.map.with(|m| m.can_redo)>{t("redo")}</button>
            <label class="check">
                <input type="checkbox" data-testid="failures-only" prop:checked=move || state.failures_only.get()
                    on:change=move |ev| state.failures_only.set(event_target_checked(&ev)) />
                {t("map-failures-only")}
            </label>
            <label>{t("field-level")}" "
                <select data-testid="level-filter" on:change=move |ev| state.level.set(Level::from_name(&event_target_value(&ev)))>
                    <option value="">{t("map-level-all")}</option>
                    {Level::ALL.into_iter().map(|l| view! { <option value=l.name()>{t(&format!("level-{}", l.name()))}</option> }).collect_view()}
                </select>
            </label>
            <button data-testid="toggle-list" aria-pressed=move || show_list.get().to_string()
                on:click=move |_| show_list.update(|s| *s = !*s)>{t("map-list-view")}</button>
            <button data-testid="toggle-analysis" aria-pressed=move || show_analysis.get().to_string()
                on:click=move |_| show_analysis.update(|s| *s = !*s)>{t("map-analysis")}</button>
        </div>
    }
}
