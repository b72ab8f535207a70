use crate::components::portrait::Portrait;
use crate::i18n::{t, t_args};
use leptos::prelude::*;
use systematic_ipc::Persona;

/// A persona as a card: who they are, their conditions, what matters to them, their words.
#[component]
pub fn PersonaCard(persona: Persona, on_edit: Callback<Persona>) -> impl IntoView {
    let details = persona.details.clone();
    // The map's links jump here.
    let anchor = format!("persona-{}", persona.id);
    let conditions = details
        .conditions
        .iter()
        .map(|c| view! { <li class="chip">{c.clone()}</li> })
        .collect_view();
    let has_conditions = !details.conditions.is_empty();
    view! {
        <article class="persona-card card" data-testid="persona-card" id=anchor tabindex="-1">
            <header>
                {details.portrait.clone().map(|name| view! { <Portrait name=name /> })}
                <div>
                    <h3 class="persona-name">{details.name.clone()}</h3>
                    {details.age.map(|age| view! {
                        <span class="persona-age">{t_args("persona-age", &[("age", age.into())])}</span>
                    })}
                    {details.seldom_heard.then(|| view! {
                        <span class="badge" data-testid="seldom-heard">{t("persona-seldom-heard")}</span>
                    })}
                    {(!details.segment.is_empty()).then(|| view! {
                        <p class="segment muted">{details.segment.clone()}</p>
                    })}
                </div>
            </header>
            {(!details.living_situation.is_empty()).then(|| view! {
                <p class="living" title=t("persona-living")>{details.living_situation.clone()}</p>
            })}
            {has_conditions.then(|| view! {
                <h4>{t("persona-conditions")}</h4>
                <ul class="conditions">{conditions}</ul>
            })}
            {(!details.what_matters.is_empty()).then(|| view! {
                <h4>{t("persona-what-matters")}</h4>
                <p class="what-matters">{details.what_matters.clone()}</p>
            })}
            {(!details.goals.is_empty()).then(|| view! {
                <h4>{t("field-goals")}</h4>
                <p class="goals">{details.goals.clone()}</p>
            })}
            {(!details.worries.is_empty()).then(|| view! {
                <h4>{t("field-worries")}</h4>
                <p class="worries">{details.worries.clone()}</p>
            })}
            {(!details.family_and_friends.is_empty()).then(|| view! {
                <h4>{t("field-family_and_friends")}</h4>
                <p class="family">{details.family_and_friends.clone()}</p>
            })}
            {(!details.services_used.is_empty()).then(|| view! {
                <h4>{t("field-services_used")}</h4>
                <ul class="conditions">{details.services_used.iter().map(|s| view! { <li class="chip service">{s.clone()}</li> }).collect_view()}</ul>
            })}
            {(!details.quote.is_empty()).then(|| view! {
                <blockquote class="quote">{details.quote.clone()}</blockquote>
            })}
            <button class="edit" data-testid="edit-persona" on:click=move |_| on_edit.run(persona.clone())>
                {t("persona-edit")}
            </button>
        </article>
    }
}
