use crate::components::analysis_panel::AnalysisPanel;
use crate::components::map_canvas::MapCanvas;
use crate::components::map_files::MapFiles;
use crate::components::map_inspector::MapInspector;
use crate::components::map_legend::MapLegend;
use crate::components::map_list_view::MapListView;
use crate::components::map_overview::MapOverview;
use crate::components::map_toolbar::MapToolbar;
use crate::i18n::t;
use crate::map_state::MapState;
use leptos::prelude::*;
use systematic_ipc::{AppError, WorkshopId};

/// The workshop's Map section: the system-map canvas with its toolbar, legend and overview, the
/// side panel for what is selected, the list view, and the analysis panel.
#[component]
pub fn MapSection(workshop: WorkshopId, error: RwSignal<Option<AppError>>) -> impl IntoView {
    let state = MapState::new(workshop, error);
    provide_context(state);
    let show_list = RwSignal::new(false);
    let show_analysis = RwSignal::new(false);
    let loaded = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        match crate::ipc::map(state.workshop_id()).await {
            Ok(map) => {
                state.show_map(map);
                state.fit();
                loaded.set(true);
            }
            Err(e) => state.error.set(Some(e)),
        }
    });
    let undo_redo = move |redo: bool| {
        leptos::task::spawn_local(async move {
            let id = state.workshop_id();
            let done = if redo {
                crate::ipc::redo(id).await
            } else {
                crate::ipc::undo(id).await
            };
            match done {
                Ok(_) => state.reload(),
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    let on_undo = Callback::new(move |()| undo_redo(false));
    let on_redo = Callback::new(move |()| undo_redo(true));
    view! {
        <section class="map-section" aria-labelledby="map-heading" data-testid="map-section"
            data-loaded=move || loaded.get().to_string()>
            <div class="section-head">
                <div>
                    <h2 id="map-heading">{t("map-title")}</h2>
                    <p class="muted">{t("map-intro")}</p>
                </div>
            </div>
            <MapToolbar on_undo=on_undo on_redo=on_redo show_list=show_list show_analysis=show_analysis />
            <div class="map-body">
                <div class="map-stage">
                    <MapCanvas on_undo=on_undo on_redo=on_redo />
                    <MapOverview />
                    <p class="map-help muted">{t("map-keyboard-help")}</p>
                    <MapLegend />
                    <MapFiles />
                </div>
                <div class="map-side">
                    <Show when=move || show_analysis.get()>
                        <AnalysisPanel />
                    </Show>
                    <MapInspector />
                </div>
            </div>
            <Show when=move || show_list.get()>
                <MapListView />
            </Show>
        </section>
    }
}
