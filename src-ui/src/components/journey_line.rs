use crate::components::journey_step_card::JourneyStepCard;
use crate::facilitation_state::{add, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;
use systematic_ipc::Journey;

/// Width of one step on the line, in pixels; the curve and the cards share it.
const STEP_WIDTH: f64 = 180.0;
const CURVE_HEIGHT: f64 = 120.0;

/// The height on the curve for an emotion (−2 … +2): happier is higher.
fn emotion_y(emotion: i8) -> f64 {
    CURVE_HEIGHT / 2.0 - f64::from(emotion) * (CURVE_HEIGHT / 2.0 - 12.0) / 2.0
}

/// One journey: the emotion curve above the steps, failure steps marked in red, and a form for
/// the next step.
#[component]
pub fn JourneyLine(journey: Journey) -> impl IntoView {
    let state = use_facilitation();
    let touchpoint = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let emotion = RwSignal::new(String::from("0"));
    let failure = RwSignal::new(false);
    let persona_name = state.view.with_untracked(|v| {
        v.as_ref().and_then(|v| {
            let id = journey.persona.as_ref()?;
            v.personas
                .iter()
                .find(|p| &p.id == id)
                .map(|p| p.label.clone())
        })
    });
    let steps = journey.steps.clone();
    let width = (steps.len().max(1) as f64) * STEP_WIDTH;
    let points: Vec<(f64, f64, bool)> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                (i as f64 + 0.5) * STEP_WIDTH,
                emotion_y(s.emotion),
                s.failure,
            )
        })
        .collect();
    let line = points
        .iter()
        .map(|(x, y, _)| format!("{x:.0},{y:.0}"))
        .collect::<Vec<_>>()
        .join(" ");
    let next_order = steps.last().map_or(0.0, |s| s.order + 1.0);
    let journey_id = journey.id.clone();
    let add_step = move |ev: SubmitEvent| {
        ev.prevent_default();
        let emotion = emotion.get_untracked().parse::<i8>().unwrap_or(0);
        state.edit_then(
            vec![add(
                "journey_step",
                &[
                    ("journey", json!(journey_id.clone())),
                    ("order", json!(next_order)),
                    ("touchpoint", json!(touchpoint.get_untracked())),
                    ("service", json!(service.get_untracked())),
                    ("emotion", json!(emotion)),
                    ("failure", json!(failure.get_untracked())),
                ],
            )],
            move || {
                touchpoint.set(String::new());
                service.set(String::new());
                failure.set(false);
            },
        );
    };
    let curve_label = t("journey-curve");
    view! {
        <article class="card journey" data-testid="journey">
            <h3>{journey.title.clone()}{persona_name.map(|n| format!(" · {n}"))}</h3>
            <div class="journey-scroll">
                <svg class="emotion-curve" role="img" aria-label=curve_label data-testid="emotion-curve"
                    width=width height=CURVE_HEIGHT viewBox=format!("0 0 {width} {CURVE_HEIGHT}")>
                    <line class="neutral" x1="0" x2=width y1=CURVE_HEIGHT / 2.0 y2=CURVE_HEIGHT / 2.0 />
                    <polyline class="curve" points=line />
                    {points.into_iter().map(|(x, y, failed)| view! {
                        <circle class:failure-dot=failed class="emotion-dot" cx=x cy=y r=if failed { 9 } else { 6 } />
                    }).collect_view()}
                </svg>
                <ol class="journey-steps">
                    {steps.into_iter().map(|step| view! { <JourneyStepCard step=step /> }).collect_view()}
                </ol>
            </div>
            <form class="inline-form" on:submit=add_step>
                <label class="grow">
                    <span>{t("journey-step-touchpoint")}</span>
                    <input type="text" data-testid="step-touchpoint" required
                        prop:value=move || touchpoint.get()
                        on:input=move |ev| touchpoint.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t("journey-step-service")}</span>
                    <input type="text" data-testid="step-service"
                        prop:value=move || service.get()
                        on:input=move |ev| service.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t("journey-step-emotion")}</span>
                    <select data-testid="step-emotion" prop:value=move || emotion.get()
                        on:change=move |ev| emotion.set(event_target_value(&ev))>
                        {(-2..=2).rev().map(|e: i8| view! {
                            <option value=e.to_string()>{t(&format!("emotion-{}", e + 2))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="check">
                    <input type="checkbox" data-testid="step-failure" prop:checked=move || failure.get()
                        on:change=move |ev| failure.set(event_target_checked(&ev)) />
                    <span>{t("journey-step-failure")}</span>
                </label>
                <button type="submit" data-testid="step-add">{t("journey-step-add")}</button>
            </form>
        </article>
    }
}
