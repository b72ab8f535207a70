use crate::components::error_message::ErrorMessage;
use crate::facilitation_state::use_facilitation;
use crate::i18n::{t, t_args};
use leptos::prelude::*;
use std::collections::BTreeMap;
use systematic_ipc::{Operation, Round};

/// Where one person is in the booth.
#[derive(Clone, PartialEq)]
enum Step {
    /// Who is voting?
    PickName,
    /// Placing dots: participant id and pseudonym.
    Placing(String, String),
    /// Saved; the screen is clear for the next person.
    Thanks,
}

/// "Pass the laptop": each person picks their name, places their dots with large controls,
/// confirms, and the screen clears for the next person, showing nobody's earlier dots.
#[component]
pub fn VoteBooth(round: Round, on_close: Callback<()>) -> impl IntoView {
    let state = use_facilitation();
    let step = RwSignal::new(Step::PickName);
    // The booth is a dialog: the focus moves into it when it opens.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let placed = RwSignal::new(BTreeMap::<String, u32>::new());
    let round_id = round.id.clone();
    // Who has voted comes from the live view, so it follows each confirmation.
    let voted = Memo::new({
        let round_id = round_id.clone();
        move |_| {
            state.view.with(|v| {
                v.as_ref()
                    .and_then(|v| v.rounds.iter().find(|r| r.id == round_id))
                    .map(|r| r.voted.clone())
                    .unwrap_or_default()
            })
        }
    });
    let people = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| {
                    v.participants
                        .iter()
                        .filter(|p| !p.absent)
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let (dots, per_item) = (round.dots_per_person, round.max_per_item);
    let used = move || placed.with(|p| p.values().sum::<u32>());
    let confirm = {
        let round_id = round_id.clone();
        move |_| {
            let Step::Placing(participant, _) = step.get_untracked() else {
                return;
            };
            let ops: Vec<Operation> = placed
                .get_untracked()
                .into_iter()
                .flat_map(|(item, count)| std::iter::repeat_n(item, count as usize))
                .map(|item| Operation::Vote {
                    round: round_id.clone(),
                    participant: Some(participant.clone()),
                    item,
                    id: None,
                    paper: false,
                })
                .collect();
            state.edit_then(ops, move || {
                placed.set(BTreeMap::new());
                step.set(Step::Thanks);
            });
        }
    };
    let candidates = round.candidates.clone();

    view! {
        <div class="booth" role="dialog" aria-modal="true" aria-labelledby="booth-question" data-testid="booth">
            <h2 id="booth-question" tabindex="-1" node_ref=heading>{round.question.clone()}</h2>
            // The booth covers the page, so a refusal must show here.
            <ErrorMessage error=state.error />
            {move || match step.get() {
                Step::PickName => view! {
                    <p class="booth-lead">{t("booth-pick-name")}</p>
                    <div class="booth-names">
                        {people.get().into_iter().map(|p| {
                            let done = voted.with(|v| v.contains(&p.id));
                            let (id, name) = (p.id.clone(), p.pseudonym.clone());
                            view! {
                                <button class="big" data-testid="booth-name" disabled=done
                                    on:click=move |_| step.set(Step::Placing(id.clone(), name.clone()))>
                                    {p.pseudonym.clone()}
                                    {done.then(|| view! { <span class="muted">" · " {t("booth-voted")}</span> })}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                    <button class="link" data-testid="booth-close" on:click=move |_| on_close.run(())>{t("booth-close")}</button>
                }.into_any(),
                Step::Placing(_, name) => view! {
                    <p class="booth-lead">{t_args("booth-hello", &[("name", name.into())])}</p>
                    <p class="dots-left" data-testid="dots-left" aria-live="polite">
                        {move || t_args("booth-dots-left", &[("dots", dots.saturating_sub(used()).into())])}
                    </p>
                    <ul class="booth-candidates">
                        {candidates.iter().map(|c| {
                            let (more, less, count) = (c.id.clone(), c.id.clone(), c.id.clone());
                            let on_item = move |id: &str| placed.with(|p| p.get(id).copied().unwrap_or(0));
                            let count_of = move || on_item(&count);
                            let count_text = count_of.clone();
                            let label = c.label.clone();
                            let (add_label, remove_label) = (
                                t_args("booth-add-dot", &[("item", label.clone().into())]),
                                t_args("booth-remove-dot", &[("item", label.clone().into())]),
                            );
                            let can_add = {
                                let more = more.clone();
                                move || used() < dots && on_item(&more) < per_item
                            };
                            let can_remove = {
                                let less = less.clone();
                                move || on_item(&less) > 0
                            };
                            view! {
                                <li class="booth-candidate" data-testid="booth-candidate">
                                    <span class="booth-label">{label}</span>
                                    <button class="big round" aria-label=remove_label data-testid="dot-remove"
                                        disabled=move || !can_remove()
                                        on:click=move |_| placed.update(|p| {
                                            if let Some(n) = p.get_mut(&less) { *n = n.saturating_sub(1); }
                                        })>"−"</button>
                                    <span class="booth-dots" data-testid="booth-dots">
                                        {move || "●".repeat(count_of() as usize)}
                                        <span class="visually-hidden">{move || count_text().to_string()}</span>
                                    </span>
                                    <button class="big round" aria-label=add_label data-testid="dot-add"
                                        disabled=move || !can_add()
                                        on:click=move |_| placed.update(|p| *p.entry(more.clone()).or_default() += 1)>"+"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <div class="actions">
                        <button class="primary big" data-testid="booth-confirm" disabled=move || used() == 0
                            on:click=confirm.clone()>{t("booth-confirm")}</button>
                        <button class="big" on:click=move |_| { placed.set(BTreeMap::new()); step.set(Step::PickName); }>
                            {t("booth-not-me")}
                        </button>
                    </div>
                }.into_any(),
                Step::Thanks => view! {
                    <p class="booth-lead" role="status" data-testid="booth-thanks">{t("booth-thanks")}</p>
                    <button class="primary big" data-testid="booth-next" autofocus
                        on:click=move |_| step.set(Step::PickName)>{t("booth-next")}</button>
                }.into_any(),
            }}
        </div>
    }
}
