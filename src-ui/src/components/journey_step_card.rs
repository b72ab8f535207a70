use crate::facilitation_state::{set, use_facilitation};
use crate::i18n::t;
use leptos::prelude::*;
use serde_json::json;
use systematic_ipc::JourneyStep;

/// One step of a journey: where, which service, how it felt, whether the system failed here,
/// and the map nodes it is linked to (a node's links name the step).
#[component]
pub fn JourneyStepCard(step: JourneyStep) -> impl IntoView {
    let state = use_facilitation();
    let nodes = state
        .view
        .with_untracked(|v| v.as_ref().map(|v| v.nodes.clone()).unwrap_or_default());
    let linked: Vec<String> = nodes
        .iter()
        .filter(|n| step.nodes.contains(&n.id))
        .map(|n| n.label.clone())
        .collect();
    let step_id = step.id.clone();
    let link_to = move |node_id: String| {
        let Some(node) = nodes.iter().find(|n| n.id == node_id) else {
            return;
        };
        let mut links = node.links.clone();
        if !links.contains(&step_id) {
            links.push(step_id.clone());
        }
        state.edit(vec![set("node", &node.id, &[("links", json!(links))])]);
    };
    let choices = state
        .view
        .with_untracked(|v| v.as_ref().map(|v| v.nodes.clone()).unwrap_or_default());
    let link_label = format!("{}: {}", t("journey-step-link"), step.touchpoint);
    view! {
        <li class="journey-step" class:failed=step.failure id=format!("journey_step-{}", step.id)
            tabindex="-1" data-testid="journey-step">
            <p class="step-touchpoint">{step.touchpoint.clone()}</p>
            {(!step.service.is_empty()).then(|| view! { <p class="muted">{step.service.clone()}</p> })}
            <p class="step-emotion">{t(&format!("emotion-{}", step.emotion + 2))}</p>
            {step.failure.then(|| view! { <p class="step-failure" data-testid="step-failure-mark">{t("journey-step-failed")}</p> })}
            {(!linked.is_empty()).then(|| view! {
                <ul class="conditions">{linked.into_iter().map(|l| view! { <li class="chip">{l}</li> }).collect_view()}</ul>
            })}
            {(!choices.is_empty()).then(|| view! {
                <select aria-label=link_label data-testid="step-link"
                    on:change=move |ev| { let v = event_target_value(&ev); if !v.is_empty() { link_to(v) } }>
                    <option value="">{t("journey-step-link")}</option>
                    {choices.iter().map(|n| view! { <option value=n.id.clone()>{n.label.clone()}</option> }).collect_view()}
                </select>
            })}
        </li>
    }
}
