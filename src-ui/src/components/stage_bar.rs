use crate::facilitation_state::{clock_text, use_facilitation};
use crate::i18n::{t, t_args};
use leptos::prelude::*;
use systematic_ipc::{Operation, Stage, TimerAction};

/// The current stage, its question and its timer, always in view: start, pause, one more
/// minute, and on to the next stage. When the time is up the clock turns amber and says so
/// once, quietly: the group finishes its sentence.
#[component]
pub fn StageBar() -> impl IntoView {
    let state = use_facilitation();
    let current = Memo::new(move |_| {
        state.view.with(|view| {
            let view = view.as_ref()?;
            let id = view.current_stage.as_ref()?;
            let position = view.stages.iter().position(|s| &s.id == id)?;
            let next = view.stages[position + 1..]
                .iter()
                .find(|s| s.status == systematic_ipc::StageStatus::Planned)
                .map(|s| s.id.clone());
            Some((
                position,
                view.stages.len(),
                view.stages[position].clone(),
                next,
            ))
        })
    });
    let timer = move |stage: &Stage, action| {
        state.edit(vec![Operation::Timer {
            stage: stage.id.clone(),
            action,
        }]);
    };
    let remaining = move || {
        current
            .get()
            .map(|(_, _, stage, _)| stage.remaining_at(state.now.get()))
    };
    let time_up = move || remaining().is_some_and(|ms| ms <= 0);

    view! {
        <section class="stage-bar" class:time-up=time_up data-testid="stage-bar"
            aria-label=t("stage-bar-label")>
            {move || match current.get() {
                None => view! {
                    <p class="muted" data-testid="stage-none">{t("stage-none")}</p>
                }.into_any(),
                Some((position, count, stage, next)) => {
                    let running = stage.running_since.is_some();
                    let (for_start, for_pause, for_minute, for_next) =
                        (stage.clone(), stage.clone(), stage.clone(), stage.clone());
                    view! {
                        <div class="stage-now">
                            <p class="stage-count muted">
                                {t_args("stage-count", &[("number", (position + 1).into()), ("count", count.into())])}
                            </p>
                            <h2 data-testid="current-stage">{stage.name.clone()}</h2>
                            {(!stage.question.is_empty()).then(|| view! {
                                <p class="stage-question" data-testid="stage-question">{stage.question.clone()}</p>
                            })}
                        </div>
                        <div class="stage-timer">
                            <p class="clock" data-testid="stage-clock" role="timer"
                                aria-label=t("stage-clock-label")>
                                {move || remaining().map(clock_text).unwrap_or_default()}
                            </p>
                            <Show when=time_up>
                                <p class="time-up-note" role="status" data-testid="time-up">{t("stage-time-up")}</p>
                            </Show>
                            <div class="actions">
                                {if running {
                                    view! {
                                        <button data-testid="timer-pause"
                                            on:click=move |_| timer(&for_pause, TimerAction::Pause)>
                                            {t("timer-pause")}
                                        </button>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button class="primary" data-testid="timer-start"
                                            on:click=move |_| timer(&for_start, TimerAction::Start)>
                                            {t("timer-start")}
                                        </button>
                                    }.into_any()
                                }}
                                <button data-testid="timer-add-minute"
                                    on:click=move |_| timer(&for_minute, TimerAction::AddMinute)>
                                    {t("timer-add-minute")}
                                </button>
                                <button data-testid="stage-next"
                                    on:click=move |_| {
                                        let mut ops = vec![Operation::Timer {
                                            stage: for_next.id.clone(),
                                            action: TimerAction::Finish,
                                        }];
                                        if let Some(next) = next.clone() {
                                            ops.push(Operation::Timer { stage: next, action: TimerAction::Start });
                                        }
                                        state.edit(ops);
                                    }>
                                    {t("stage-next")}
                                </button>
                            </div>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}
