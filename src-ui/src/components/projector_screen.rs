use crate::components::portrait::Portrait;
use crate::components::vote_results::VoteResults;
use crate::facilitation_state::{clock_ms, clock_text};
use crate::i18n::{t, t_args};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{Projected, ProjectorView};

/// The projector window's screen, in a piece of the wasm of its own: the main window never needs
/// it, and the main module's size is the main window's start-up. Built untracked, as
/// `workshop_screen` is, so the `Suspend` it runs in never rebuilds it.
#[lazy]
pub fn projector_screen() -> AnyView {
    untrack(|| view! { <ProjectorScreen /> }.into_any())
}

/// The projector window: the current stage, its question and timer, and what the facilitator
/// put up (a persona, the map, a vote round) in large type and high contrast. It asks the app
/// once a second; nothing private is sent to it.
#[component]
pub fn ProjectorScreen() -> impl IntoView {
    let view = RwSignal::new(None::<ProjectorView>);
    let now = RwSignal::new(clock_ms());
    let refresh = move || {
        spawn_local(async move {
            match ipc::projector().await {
                Ok(latest) => {
                    if view.with_untracked(|v| v != &latest) {
                        view.set(latest);
                    }
                }
                // A workshop locked meanwhile (or another copy of the app took it away):
                // nothing of it stays on the wall.
                Err(e) if e.kind == systematic_ipc::ErrorKind::Locked => view.set(None),
                // Anything else passing (a busy disk): keep what is shown and ask again.
                Err(_) => {}
            }
            now.set(clock_ms());
        })
    };
    refresh();
    let tick = set_interval_with_handle(refresh, std::time::Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
    });

    view! {
        <main class="projector" data-testid="projector">
            {move || match view.get() {
                None => view! {
                    <p class="projector-waiting" data-testid="projector-waiting">{t("projector-waiting")}</p>
                }.into_any(),
                Some(shown) => {
                    let stage = shown.stage.clone();
                    let remaining = stage.clone().map(|s| move || clock_text(s.remaining_at(now.get())));
                    view! {
                        <header class="projector-head">
                            <div>
                                <p class="projector-title">{shown.title.clone()}</p>
                                {stage.clone().map(|s| view! {
                                    <p class="projector-stage-count">
                                        {t_args("stage-count", &[("number", shown.stage_number.into()), ("count", shown.stage_count.into())])}
                                    </p>
                                    <h1 data-testid="projector-stage">{s.name.clone()}</h1>
                                })}
                            </div>
                            {remaining.map(|clock| view! {
                                <p class="projector-clock" role="timer" data-testid="projector-clock">{clock}</p>
                            })}
                        </header>
                        {stage.filter(|s| !s.question.is_empty()).map(|s| view! {
                            <p class="projector-question" data-testid="projector-question">{s.question}</p>
                        })}
                        {match shown.projected {
                            Projected::Stage => ().into_any(),
                            Projected::Persona { persona } => {
                                let d = persona.details;
                                view! {
                                    <section class="projector-persona" data-testid="projector-persona">
                                        {d.portrait.clone().map(|name| view! { <Portrait name=name /> })}
                                        <div>
                                            <h2>{d.name.clone()}{d.age.map(|a| format!(", {a}"))}</h2>
                                            {(!d.what_matters.is_empty()).then(|| view! {
                                                <h3>{t("projector-what-matters")}</h3>
                                                <p class="projector-what-matters">{d.what_matters.clone()}</p>
                                            })}
                                            {(!d.quote.is_empty()).then(|| view! { <p class="projector-quote">{format!("“{}”", d.quote)}</p> })}
                                        </div>
                                    </section>
                                }.into_any()
                            }
                            Projected::Map { svg } => view! {
                                <section class="projector-map" data-testid="projector-map" inner_html=svg></section>
                            }.into_any(),
                            Projected::Round { question, voted, present, voted_names, results } => view! {
                                <section class="projector-round" data-testid="projector-round">
                                    <h2>{question}</h2>
                                    <p class="projector-voted">
                                        {t_args("round-voted", &[("voted", voted.into()), ("present", present.into())])}
                                        {(!voted_names.is_empty()).then(|| format!(": {}", voted_names.join(", ")))}
                                    </p>
                                    {match results {
                                        Some(results) => view! { <VoteResults results=results /> }.into_any(),
                                        None => view! { <p class="projector-hidden">{t("projector-results-hidden")}</p> }.into_any(),
                                    }}
                                </section>
                            }.into_any(),
                        }}
                    }.into_any()
                }
            }}
        </main>
    }
}
