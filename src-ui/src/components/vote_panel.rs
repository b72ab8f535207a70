use crate::components::round_card::RoundCard;
use crate::components::vote_booth::VoteBooth;
use crate::facilitation_state::{add, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;

/// Dot-voting: make a round from any set of items, then run it (pass the laptop, reveal,
/// close into priorities) in its card.
#[component]
pub fn VotePanel() -> impl IntoView {
    let state = use_facilitation();
    let question = RwSignal::new(String::new());
    let dots = RwSignal::new(String::from("3"));
    let per_item = RwSignal::new(String::from("3"));
    let hidden = RwSignal::new(true);
    let chosen = RwSignal::new(Vec::<String>::new());
    // The booth lives here, not in its round's card: each vote redraws the card.
    let booth = RwSignal::new(None::<systematic_ipc::Round>);
    // "Show by role" stays as chosen while votes come in and the results redraw.
    let by_role = RwSignal::new(false);
    let candidates = state.select(|v| v.candidates.clone());
    let rounds = state.select(|v| v.rounds.clone());
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let number = |s: RwSignal<String>| s.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let ops = vec![add(
            "vote_round",
            &[
                ("question", json!(question.get_untracked())),
                ("candidates", json!(chosen.get_untracked())),
                ("dots_per_person", json!(number(dots))),
                ("max_per_item", json!(number(per_item))),
                ("hidden_until_reveal", json!(hidden.get_untracked())),
                ("status", json!("open")),
            ],
        )];
        state.edit_then(ops, move || {
            question.set(String::new());
            chosen.set(Vec::new());
        });
    };
    let toggle = move |id: String, on: bool| {
        chosen.update(|list| {
            list.retain(|c| *c != id);
            if on {
                list.push(id);
            }
        })
    };

    view! {
        <section class="voting" aria-labelledby="voting-heading" data-testid="voting">
            <h2 id="voting-heading">{t("voting-title")}</h2>
            <p class="muted">{t("voting-intro")}</p>
            <div class="round-list">
                <For each=move || rounds.get() key=|r| format!("{r:?}") let:round>
                    <RoundCard round=round booth=booth by_role=by_role />
                </For>
            </div>
            {move || booth.get().map(|round| view! {
                <VoteBooth round=round on_close=Callback::new(move |()| booth.set(None)) />
            })}
            <details class="card new-round" data-testid="new-round">
                <summary>{t("round-new")}</summary>
                <form class="form" on:submit=create>
                    <label>
                        <span>{t("round-question")}</span>
                        <input type="text" data-testid="round-question" required
                            placeholder=t("round-question-hint")
                            prop:value=move || question.get()
                            on:input=move |ev| question.set(event_target_value(&ev)) />
                    </label>
                    <fieldset>
                        <legend>{t("round-candidates")}</legend>
                        <Show when=move || candidates.with(Vec::is_empty)>
                            <p class="muted">{t("round-candidates-empty")}</p>
                        </Show>
                        <ul class="candidate-choices">
                            {move || candidates.get().into_iter().map(|c| {
                                let id = c.id.clone();
                                let checked = {
                                    let id = id.clone();
                                    move || chosen.with(|list| list.contains(&id))
                                };
                                view! {
                                    <li>
                                        <label class="check">
                                            <input type="checkbox" data-testid="round-candidate"
                                                prop:checked=checked
                                                on:change=move |ev| toggle(id.clone(), event_target_checked(&ev)) />
                                            <span class="kind-tag">{t(&format!("kind-{}", c.kind))}</span>
                                            " " {c.label.clone()}
                                        </label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </fieldset>
                    <div class="inline-form">
                        <label>
                            <span>{t("round-dots")}</span>
                            <input type="number" min="1" max="50" class="narrow" data-testid="round-dots"
                                prop:value=move || dots.get()
                                on:input=move |ev| dots.set(event_target_value(&ev)) />
                        </label>
                        <label>
                            <span>{t("round-per-item")}</span>
                            <input type="number" min="1" max="50" class="narrow" data-testid="round-per-item"
                                prop:value=move || per_item.get()
                                on:input=move |ev| per_item.set(event_target_value(&ev)) />
                        </label>
                        <label class="check">
                            <input type="checkbox" data-testid="round-hidden" prop:checked=move || hidden.get()
                                on:change=move |ev| hidden.set(event_target_checked(&ev)) />
                            <span>{t("round-hidden")}</span>
                        </label>
                    </div>
                    <button type="submit" class="primary" data-testid="round-create">{t("round-create")}</button>
                </form>
            </details>
        </section>
    }
}
