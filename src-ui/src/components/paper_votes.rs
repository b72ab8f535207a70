use crate::facilitation_state::use_facilitation;
use crate::i18n::t;
use leptos::prelude::*;
use std::collections::BTreeMap;
use systematic_ipc::{Operation, Round};

/// Dots copied from a printed voting sheet: for one participant, or as a tally with nobody
/// named. They are marked as paper in the results.
#[component]
pub fn PaperVotes(round: Round, on_done: Callback<()>) -> impl IntoView {
    let state = use_facilitation();
    let who = RwSignal::new(String::new());
    let counts = RwSignal::new(BTreeMap::<String, u32>::new());
    let people = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| v.participants.clone())
                .unwrap_or_default()
        })
    });
    let round_id = round.id.clone();
    let save = move |_| {
        let participant = Some(who.get_untracked()).filter(|w| !w.is_empty());
        let ops: Vec<Operation> = counts
            .get_untracked()
            .into_iter()
            .flat_map(|(item, n)| std::iter::repeat_n(item, n as usize))
            .map(|item| Operation::Vote {
                round: round_id.clone(),
                participant: participant.clone(),
                item,
                id: None,
                paper: true,
            })
            .collect();
        state.edit_then(ops, move || {
            counts.set(BTreeMap::new());
            on_done.run(());
        });
    };
    view! {
        <div class="paper-votes" data-testid="paper-votes">
            <h4>{t("paper-title")}</h4>
            <label>
                <span>{t("paper-who")}</span>
                <select data-testid="paper-who" on:change=move |ev| who.set(event_target_value(&ev))>
                    <option value="">{t("paper-tally")}</option>
                    {move || people.get().into_iter().map(|p| view! {
                        <option value=p.id.clone()>{p.pseudonym.clone()}</option>
                    }).collect_view()}
                </select>
            </label>
            <ul class="paper-items">
                {round.candidates.iter().map(|c| {
                    let id = c.id.clone();
                    let label = c.label.clone();
                    view! {
                        <li>
                            <label>
                                <span>{label}</span>
                                <input type="number" min="0" max="500" class="narrow" value="0" data-testid="paper-count"
                                    on:input=move |ev| {
                                        let n = event_target_value(&ev).trim().parse::<u32>().unwrap_or(0).min(500);
                                        counts.update(|c| { c.insert(id.clone(), n); });
                                    } />
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button class="primary" data-testid="paper-save" on:click=save>{t("paper-save")}</button>
        </div>
    }
}
