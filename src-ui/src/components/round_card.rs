use crate::components::paper_votes::PaperVotes;
use crate::components::vote_results::VoteResults;
use crate::facilitation_state::{set, use_facilitation};
use crate::i18n::{t, t_args};
use leptos::prelude::*;
use serde_json::json;
use systematic_ipc::{Operation, Round};

/// One vote round: who has voted (not how), and the facilitator's controls: pass the laptop,
/// paper votes, reveal, close into priorities. Results show once they may.
#[component]
pub fn RoundCard(
    round: Round,
    booth: RwSignal<Option<Round>>,
    by_role: RwSignal<bool>,
) -> impl IntoView {
    let state = use_facilitation();
    let paper = RwSignal::new(false);
    let present = state.view.with_untracked(|v| {
        v.as_ref()
            .map_or(0, |v| v.participants.iter().filter(|p| !p.absent).count())
    });
    let id = round.id.clone();
    let (reveal_id, close_id) = (id.clone(), id.clone());
    let reveal = move |_| {
        state.edit(vec![set(
            "vote_round",
            &reveal_id,
            &[("revealed", json!(true))],
        )])
    };
    let close = move |_| {
        state.edit(vec![Operation::CloseRound {
            round: close_id.clone(),
            top: None,
        }])
    };
    let status = if round.open {
        if round.hidden_until_reveal && !round.revealed {
            t("round-open-hidden")
        } else {
            t("round-open-live")
        }
    } else {
        t("round-closed")
    };
    let booth_round = round.clone();
    let paper_round = round.clone();
    view! {
        <article class="card round-card" data-testid="round-card">
            <div class="section-head">
                <div>
                    <h3>{round.question.clone()}</h3>
                    <p class="muted">
                        {status} " · "
                        <span data-testid="round-voted">
                            {t_args("round-voted", &[("voted", round.voted.len().into()), ("present", present.into())])}
                        </span>
                        " · "
                        {t_args("round-limits", &[("dots", round.dots_per_person.into()), ("per_item", round.max_per_item.into())])}
                    </p>
                </div>
                <div class="actions">
                    {round.open.then(|| view! {
                        <button class="primary" data-testid="booth-open"
                            on:click=move |_| booth.set(Some(booth_round.clone()))>
                            {t("booth-open")}
                        </button>
                        <button data-testid="paper-open" on:click=move |_| paper.update(|p| *p = !*p)>
                            {t("paper-open")}
                        </button>
                    })}
                    {(round.open && round.hidden_until_reveal && !round.revealed).then(|| view! {
                        <button data-testid="round-reveal" on:click=reveal>{t("round-reveal")}</button>
                    })}
                    {round.open.then(|| view! {
                        <button data-testid="round-close" on:click=close>{t("round-close")}</button>
                    })}
                </div>
            </div>
            <Show when=move || paper.get()>
                <PaperVotes round=paper_round.clone() on_done=Callback::new(move |()| paper.set(false)) />
            </Show>
            {round.results.clone().map(|results| view! { <VoteResults results=results by_role=by_role /> })}
        </article>
    }
}
