use crate::i18n::{t, t_args};
use crate::map_state::MapState;
use leptos::prelude::*;
use systematic_ipc::FilePurpose;

/// The export formats offered, with the file name the save dialog suggests.
const EXPORTS: [(&str, &str); 7] = [
    ("png", "map.png"),
    ("svg", "map.svg"),
    ("kumu", "map.json"),
    ("csv", "map.csv"),
    ("graphml", "map.graphml"),
    ("json_canvas", "map.canvas"),
    ("dot", "map.dot"),
];

/// Bringing a map in from other tools (Kumu, spreadsheets, GraphML, Graphviz DOT, JSON Canvas) and writing it
/// out for them, for slides and for posters.
#[component]
pub fn MapFiles() -> impl IntoView {
    let state = expect_context::<MapState>();
    let format = RwSignal::new("png".to_string());
    let status = RwSignal::new(None::<String>);
    let import = move |_| {
        status.set(None);
        leptos::task::spawn_local(async move {
            let paths = match crate::ipc::choose_files(FilePurpose::ImportMap).await {
                Ok(Some(paths)) if !paths.is_empty() => paths,
                Ok(_) => return,
                Err(e) => return state.error.set(Some(e)),
            };
            match crate::ipc::import_map(state.workshop_id(), paths).await {
                Ok(edited) => {
                    let added = edited.added.clone();
                    state.patch_map(edited);
                    let count = state.map.with_untracked(|m| m.nodes.len());
                    state.selected.set(added.into_iter().collect());
                    state.fit();
                    state.error.set(None);
                    status.set(Some(t_args(
                        "map-imported",
                        &[("count", (count as i64).into())],
                    )));
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    let export = move |_| {
        status.set(None);
        let chosen = format.get_untracked();
        let suggested = EXPORTS
            .iter()
            .find(|(name, _)| *name == chosen)
            .map_or("map", |(_, file)| file)
            .to_owned();
        leptos::task::spawn_local(async move {
            let purpose = FilePurpose::ExportMap {
                suggested_name: suggested,
                format: t(&format!("map-format-{chosen}")),
            };
            let path = match crate::ipc::choose_files(purpose).await {
                Ok(Some(paths)) if !paths.is_empty() => paths[0].clone(),
                Ok(_) => return,
                Err(e) => return state.error.set(Some(e)),
            };
            match crate::ipc::export_map(state.workshop_id(), chosen, path).await {
                Ok(written) => {
                    state.error.set(None);
                    status.set(Some(t_args(
                        "map-exported",
                        &[("files", written.join(", ").into())],
                    )));
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="map-files" role="group" aria-label=t("map-files")>
            <button data-testid="import-map" on:click=import>{t("map-import")}</button>
            <label>{t("map-export-as")}" "
                <select data-testid="export-format" on:change=move |ev| format.set(event_target_value(&ev))>
                    {EXPORTS.iter().map(|(name, _)| view! {
                        <option value=*name selected=*name == "png">{t(&format!("map-format-{name}"))}</option>
                    }).collect_view()}
                </select>
            </label>
            <button data-testid="export-map" on:click=export>{t("map-export")}</button>
            {move || status.get().map(|text| view! { <p class="saved" role="status" data-testid="map-files-status">{text}</p> })}
        </div>
    }
}
