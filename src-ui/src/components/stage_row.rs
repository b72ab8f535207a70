use crate::facilitation_state::{clock_text, delete, set, use_facilitation};
use crate::i18n::{t, t_args};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;
use systematic_ipc::{Operation, Stage, StageStatus, TimerAction};

fn status_word(status: StageStatus) -> String {
    t(match status {
        StageStatus::Planned => "stage-status-planned",
        StageStatus::Running => "stage-status-running",
        StageStatus::Done => "stage-status-done",
        StageStatus::Skipped => "stage-status-skipped",
    })
}

/// One stage of the agenda, with its own small edit form.
#[component]
pub fn StageRow(stage: Stage) -> impl IntoView {
    let state = use_facilitation();
    let editing = RwSignal::new(false);
    let name = RwSignal::new(stage.name.clone());
    let question = RwSignal::new(stage.question.clone());
    let minutes = RwSignal::new(stage.planned_minutes.to_string());
    let id = stage.id.clone();
    let save = {
        let id = id.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let minutes = minutes.get_untracked().trim().parse::<u32>().unwrap_or(0);
            state.edit_then(
                vec![set(
                    "stage",
                    &id,
                    &[
                        ("name", json!(name.get_untracked())),
                        ("question", json!(question.get_untracked())),
                        ("planned_minutes", json!(minutes)),
                    ],
                )],
                move || editing.set(false),
            );
        }
    };
    let start = {
        let id = id.clone();
        move |_| {
            state.edit(vec![Operation::Timer {
                stage: id.clone(),
                action: TimerAction::Start,
            }])
        }
    };
    let remove = {
        let id = id.clone();
        move |_| state.edit(vec![delete("stage", &id)])
    };
    let spent = stage.spent_ms;
    let status = stage.status;
    view! {
        <li class="stage-row" class:running=status == StageStatus::Running
            class:done=status == StageStatus::Done data-testid="stage-row">
            <div class="stage-summary">
                <h3>{stage.name.clone()}</h3>
                <p class="muted">
                    {status_word(status)} " · "
                    {t_args("stage-planned", &[("minutes", (stage.planned_minutes + stage.extra_minutes).into())])}
                    {(spent > 0).then(|| format!(" · {}", t_args("stage-spent", &[("time", clock_text(spent).into())])))}
                </p>
                {(!stage.question.is_empty()).then(|| view! { <p class="stage-question-small">{stage.question.clone()}</p> })}
                {(!stage.goal.is_empty()).then(|| view! { <p class="stage-goal">{stage.goal.clone()}</p> })}
            </div>
            <div class="actions">
                <button data-testid="stage-start" on:click=start
                    disabled=status == StageStatus::Running>{t("stage-start")}</button>
                <button data-testid="stage-edit" on:click=move |_| editing.update(|e| *e = !*e)>{t("edit")}</button>
                <button data-testid="stage-remove" on:click=remove>{t("remove")}</button>
            </div>
            <Show when=move || editing.get()>
                <form class="stage-form" on:submit=save.clone()>
                    <label>
                        <span>{t("stage-name")}</span>
                        <input type="text" required prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        <span>{t("stage-question")}</span>
                        <input type="text" prop:value=move || question.get()
                            on:input=move |ev| question.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        <span>{t("stage-minutes")}</span>
                        <input type="number" min="0" max="600" class="narrow" data-testid="stage-edit-minutes" prop:value=move || minutes.get()
                            on:input=move |ev| minutes.set(event_target_value(&ev)) />
                    </label>
                    <button type="submit" class="primary" data-testid="stage-save">{t("save")}</button>
                </form>
            </Show>
        </li>
    }
}
