use crate::components::failure_points_editor::FailurePointsEditor;
use crate::components::map_canvas::delete_selected;
use crate::i18n::t;
use crate::map_state::MapState;
use leptos::prelude::*;
use systematic_ipc::{ConnectionDraft, MapConnection, MapEdit, Polarity};

/// A connection's polarity, label, delay and failure points.
#[component]
pub fn MapConnectionDetails(connection: MapConnection) -> impl IntoView {
    let state = expect_context::<MapState>();
    let id = connection.id.clone();
    let draft = connection.connection.clone();
    let polarity = RwSignal::new(draft.polarity);
    let label = RwSignal::new(draft.label.clone());
    let delay = RwSignal::new(draft.delay);
    let ends = state.map.with_untracked(|m| {
        let name = |id: &str| {
            m.nodes
                .iter()
                .find(|n| n.id == id)
                .map(|n| n.node.label.clone())
                .unwrap_or_default()
        };
        (name(&draft.from), name(&draft.to))
    });
    let save = {
        let id = id.clone();
        move |_| {
            let connection = ConnectionDraft {
                polarity: polarity.get_untracked(),
                label: label.get_untracked().trim().to_owned(),
                delay: delay.get_untracked(),
                ..draft.clone()
            };
            state.edit(
                vec![MapEdit::UpdateConnection {
                    id: id.clone(),
                    connection,
                }],
                |_| {},
            );
        }
    };
    view! {
        <form class="inspector" data-testid="connection-inspector" on:submit=move |ev| { ev.prevent_default(); save(()) }>
            <h3>{t("map-connection-details")}</h3>
            <p class="muted">{format!("{} → {}", ends.0, ends.1)}</p>
            <label>{t("field-polarity")}
                <select data-testid="connection-polarity" on:change=move |ev| {
                    if let Some(p) = Polarity::from_name(&event_target_value(&ev)) { polarity.set(p) }
                }>
                    {Polarity::ALL.into_iter().map(|p| view! {
                        <option value=p.name() selected=move || polarity.get() == p>{t(&format!("polarity-{}", p.name()))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{t("field-label")}
                <input type="text" maxlength="120" data-testid="connection-label" prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev)) />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="connection-delay" prop:checked=move || delay.get()
                    on:change=move |ev| delay.set(event_target_checked(&ev)) />
                {t("map-delay")}
            </label>
            <div class="button-row">
                <button type="submit" class="primary" data-testid="save-connection">{t("map-save")}</button>
                <button type="button" class="danger" on:click=move |_| delete_selected(state)>{t("map-delete")}</button>
            </div>
            <FailurePointsEditor on=id.clone() />
        </form>
    }
}
