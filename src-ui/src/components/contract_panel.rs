use crate::facilitation_state::{add, set, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::{json, Value as Json};

/// The patient contract: the persona's frustrations turned into agreed statements, each linked
/// to the priorities and actions that answer it.
#[component]
pub fn ContractPanel() -> impl IntoView {
    let state = use_facilitation();
    let text = RwSignal::new(String::new());
    let statements = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| v.contract_statements.clone())
                .unwrap_or_default()
        })
    });
    let answers = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| {
                    let mut all: Vec<(String, &'static str, String)> = v
                        .priorities
                        .iter()
                        .map(|p| (p.id.clone(), "priority", p.text.clone()))
                        .collect();
                    all.extend(
                        v.actions
                            .iter()
                            .map(|a| (a.id.clone(), "action", a.text.clone())),
                    );
                    all
                })
                .unwrap_or_default()
        })
    });
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        state.edit_then(
            vec![add(
                "contract_statement",
                &[("text", json!(text.get_untracked()))],
            )],
            move || text.set(String::new()),
        );
    };
    view! {
        <section class="contract" aria-labelledby="contract-heading" data-testid="contract">
            <h2 id="contract-heading">{t("contract-title")}</h2>
            <p class="muted">{t("contract-intro")}</p>
            <ul class="statement-list">
                <For each=move || statements.get() key=|s| format!("{s:?}") let:statement>
                    {
                        let id = statement.id.clone();
                        let answered = statement.answered_by.clone();
                        view! {
                            <li class="card statement" data-testid="contract-statement">
                                <p class="statement-text">{statement.text.clone()}</p>
                                <fieldset>
                                    <legend>{t("contract-answered-by")}</legend>
                                    {move || answers.get().into_iter().map(|(answer, kind, words)| {
                                        let on = answered.contains(&answer);
                                        let id = id.clone();
                                        view! {
                                            <label class="check">
                                                <input type="checkbox" prop:checked=on data-testid="contract-answer"
                                                    on:change=move |ev| {
                                                        let value = if event_target_checked(&ev) { json!(id.clone()) } else { Json::Null };
                                                        state.edit(vec![set(kind, &answer, &[("answers", value)])]);
                                                    } />
                                                <span class="kind-tag">{t(&format!("kind-{kind}"))}</span>
                                                " " {words}
                                            </label>
                                        }
                                    }).collect_view()}
                                </fieldset>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="inline-form" on:submit=create>
                <label class="grow">
                    <span>{t("contract-new")}</span>
                    <input type="text" data-testid="contract-text" required
                        placeholder=t("contract-new-hint")
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev)) />
                </label>
                <button type="submit" data-testid="contract-add">{t("contract-add")}</button>
            </form>
        </section>
    }
}
