use crate::components::stage_row::StageRow;
use crate::facilitation_state::{add, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;

/// The agenda: every stage with its goal, question, planned and spent time. Stages can be
/// renamed, re-timed, started, added and removed; the method template only gave the start.
#[component]
pub fn AgendaPanel() -> impl IntoView {
    let state = use_facilitation();
    let stages = state.select(|v| v.stages.clone());
    let new_name = RwSignal::new(String::new());
    let new_minutes = RwSignal::new(String::from("15"));
    let add_stage = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let minutes = new_minutes
            .get_untracked()
            .trim()
            .parse::<u32>()
            .unwrap_or(0);
        let order = stages.with_untracked(|s| s.len()) as f64;
        state.edit_then(
            vec![add(
                "stage",
                &[
                    ("name", json!(name)),
                    ("planned_minutes", json!(minutes)),
                    ("status", json!("planned")),
                    ("order", json!(order)),
                ],
            )],
            move || new_name.set(String::new()),
        );
    };

    view! {
        <section class="agenda" aria-labelledby="agenda-heading" data-testid="agenda">
            <h2 id="agenda-heading">{t("agenda-title")}</h2>
            <ol class="stage-list">
                <For each=move || stages.get() key=|s| format!("{s:?}") let:stage>
                    <StageRow stage=stage />
                </For>
            </ol>
            <form class="inline-form" on:submit=add_stage>
                <label>
                    <span>{t("stage-new-name")}</span>
                    <input type="text" data-testid="stage-new-name" required
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t("stage-minutes")}</span>
                    <input type="number" min="0" max="600" class="narrow" data-testid="stage-new-minutes"
                        prop:value=move || new_minutes.get()
                        on:input=move |ev| new_minutes.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="stage-add">{t("stage-add")}</button>
            </form>
        </section>
    }
}
