use crate::components::persona_select::PersonaSelect;
use crate::components::scenario_matrix::ScenarioMatrix;
use crate::facilitation_state::{add, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;

/// Failure scenarios: what could go wrong for a persona, linked to the map and the journey,
/// scored for impact and likelihood and laid out on a matrix.
#[component]
pub fn ScenariosPanel() -> impl IntoView {
    let state = use_facilitation();
    let title = RwSignal::new(String::new());
    let narrative = RwSignal::new(String::new());
    let persona = RwSignal::new(String::new());
    let impact = RwSignal::new(String::from("3"));
    let likelihood = RwSignal::new(String::from("3"));
    let links = RwSignal::new(Vec::<String>::new());
    let linkable = state.select(|v| {
        let mut all: Vec<systematic_ipc::Candidate> = v
            .nodes
            .iter()
            .map(|n| systematic_ipc::Candidate {
                id: n.id.clone(),
                kind: "node".into(),
                label: n.label.clone(),
            })
            .collect();
        for journey in &v.journeys {
            all.extend(journey.steps.iter().map(|s| systematic_ipc::Candidate {
                id: s.id.clone(),
                kind: "journey_step".into(),
                label: format!("{}: {}", journey.title, s.touchpoint),
            }));
        }
        all
    });
    let scenarios = state.select(|v| v.scenarios.clone());
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let score = |s: RwSignal<String>| s.get_untracked().parse::<u8>().unwrap_or(3);
        let mut pairs = vec![
            ("title", json!(title.get_untracked())),
            ("narrative", json!(narrative.get_untracked())),
            ("impact", json!(score(impact))),
            ("likelihood", json!(score(likelihood))),
            ("links", json!(links.get_untracked())),
        ];
        let who = persona.get_untracked();
        if !who.is_empty() {
            pairs.push(("persona", json!(who)));
        }
        state.edit_then(vec![add("scenario", &pairs)], move || {
            title.set(String::new());
            narrative.set(String::new());
            links.set(Vec::new());
        });
    };
    let scores = move |signal: RwSignal<String>, testid: &'static str| {
        view! {
            <select data-testid=testid prop:value=move || signal.get()
                on:change=move |ev| signal.set(event_target_value(&ev))>
                {(1..=5).map(|n| view! { <option value=n.to_string()>{n.to_string()}</option> }).collect_view()}
            </select>
        }
    };
    view! {
        <section class="scenarios" aria-labelledby="scenarios-heading" data-testid="scenarios">
            <h2 id="scenarios-heading">{t("scenarios-title")}</h2>
            <p class="muted">{t("scenarios-intro")}</p>
            <ScenarioMatrix scenarios=scenarios />
            <ul class="scenario-list">
                <For each=move || scenarios.get() key=|s| format!("{s:?}") let:scenario>
                    <li class="card scenario" id=format!("scenario-{}", scenario.id) tabindex="-1" data-testid="scenario">
                        <h3>{scenario.title.clone()}</h3>
                        <p class="muted">{format!("{} {} · {} {}",
                            t("field-impact"), scenario.impact.map(|n| n.to_string()).unwrap_or_default(),
                            t("field-likelihood"), scenario.likelihood.map(|n| n.to_string()).unwrap_or_default())}</p>
                        {(!scenario.narrative.is_empty()).then(|| view! { <p class="narrative">{scenario.narrative.clone()}</p> })}
                        {(!scenario.links.is_empty()).then(|| view! {
                            <ul class="conditions">{scenario.links.iter().map(|l| view! { <li class="chip">{l.label.clone()}</li> }).collect_view()}</ul>
                        })}
                    </li>
                </For>
            </ul>
            <details class="card" data-testid="new-scenario">
                <summary>{t("scenario-new")}</summary>
                <form class="form" on:submit=create>
                    <label>
                        <span>{t("field-title")}</span>
                        <input type="text" data-testid="scenario-title" required
                            placeholder=t("scenario-title-hint")
                            prop:value=move || title.get()
                            on:input=move |ev| title.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        <span>{t("field-narrative")}</span>
                        <textarea rows="3" data-testid="scenario-narrative"
                            prop:value=move || narrative.get()
                            on:input=move |ev| narrative.set(event_target_value(&ev))></textarea>
                    </label>
                    <div class="inline-form">
                        <PersonaSelect label="field-persona" testid="scenario-persona" chosen=persona />
                        <label><span>{t("field-impact")}</span>{scores(impact, "scenario-impact")}</label>
                        <label><span>{t("field-likelihood")}</span>{scores(likelihood, "scenario-likelihood")}</label>
                    </div>
                    <fieldset>
                        <legend>{t("scenario-links")}</legend>
                        <ul class="candidate-choices">
                            {move || linkable.get().into_iter().map(|c| {
                                let id = c.id.clone();
                                let toggle_id = c.id.clone();
                                view! {
                                    <li><label class="check">
                                        <input type="checkbox" data-testid="scenario-link"
                                            prop:checked=move || links.with(|l| l.contains(&id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let id = toggle_id.clone();
                                                links.update(|l| { l.retain(|x| *x != id); if on { l.push(id) } });
                                            } />
                                        <span class="kind-tag">{t(&format!("kind-{}", c.kind))}</span>
                                        " " {c.label.clone()}
                                    </label></li>
                                }
                            }).collect_view()}
                        </ul>
                    </fieldset>
                    <button type="submit" class="primary" data-testid="scenario-add">{t("scenario-add")}</button>
                </form>
            </details>
        </section>
    }
}
