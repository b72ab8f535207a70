use crate::facilitation_state::{add, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;

/// Learning records, one per initiative: evidence of success, difficulties encountered and the
/// potential for learning or transfer elsewhere.
#[component]
pub fn LearningPanel() -> impl IntoView {
    let state = use_facilitation();
    let title = RwSignal::new(String::new());
    let evidence = RwSignal::new(String::new());
    let difficulties = RwSignal::new(String::new());
    let transfer = RwSignal::new(String::new());
    let records = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| v.learning_records.clone())
                .unwrap_or_default()
        })
    });
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        state.edit_then(
            vec![add(
                "learning_record",
                &[
                    ("title", json!(title.get_untracked())),
                    ("evidence_of_success", json!(evidence.get_untracked())),
                    ("difficulties", json!(difficulties.get_untracked())),
                    ("potential_for_transfer", json!(transfer.get_untracked())),
                ],
            )],
            move || {
                for field in [title, evidence, difficulties, transfer] {
                    field.set(String::new());
                }
            },
        );
    };
    let area = move |signal: RwSignal<String>, label: &'static str, testid: &'static str| {
        view! {
            <label>
                <span>{t(label)}</span>
                <textarea rows="2" data-testid=testid prop:value=move || signal.get()
                    on:input=move |ev| signal.set(event_target_value(&ev))></textarea>
            </label>
        }
    };
    view! {
        <section class="learning" aria-labelledby="learning-heading" data-testid="learning">
            <h2 id="learning-heading">{t("learning-title")}</h2>
            <ul class="learning-list">
                <For each=move || records.get() key=|r| format!("{r:?}") let:record>
                    <li class="card" data-testid="learning-record">
                        <h3>{record.title.clone()}</h3>
                        <dl>
                            <dt>{t("field-evidence_of_success")}</dt><dd>{record.evidence_of_success.clone()}</dd>
                            <dt>{t("field-difficulties")}</dt><dd>{record.difficulties.clone()}</dd>
                            <dt>{t("field-potential_for_transfer")}</dt><dd>{record.potential_for_transfer.clone()}</dd>
                        </dl>
                    </li>
                </For>
            </ul>
            <details class="card">
                <summary>{t("learning-new")}</summary>
                <form class="form" on:submit=create>
                    <label>
                        <span>{t("learning-initiative")}</span>
                        <input type="text" data-testid="learning-title" required
                            prop:value=move || title.get()
                            on:input=move |ev| title.set(event_target_value(&ev)) />
                    </label>
                    {area(evidence, "field-evidence_of_success", "learning-evidence")}
                    {area(difficulties, "field-difficulties", "learning-difficulties")}
                    {area(transfer, "field-potential_for_transfer", "learning-transfer")}
                    <button type="submit" class="primary" data-testid="learning-add">{t("learning-add")}</button>
                </form>
            </details>
        </section>
    }
}
