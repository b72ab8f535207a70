use crate::components::journey_line::JourneyLine;
use crate::components::persona_select::PersonaSelect;
use crate::facilitation_state::{add, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use serde_json::json;

/// Patient journeys: each persona's steps along a line, with the emotion curve above them.
/// Paper journeys from the tables are typed in here too.
#[component]
pub fn JourneysPanel() -> impl IntoView {
    let state = use_facilitation();
    let title = RwSignal::new(String::new());
    let persona = RwSignal::new(String::new());
    let journeys = state.select(|v| v.journeys.clone());
    let create = move |ev: SubmitEvent| {
        ev.prevent_default();
        let mut pairs = vec![("title", json!(title.get_untracked()))];
        let who = persona.get_untracked();
        if !who.is_empty() {
            pairs.push(("persona", json!(who)));
        }
        state.edit_then(vec![add("journey", &pairs)], move || {
            title.set(String::new())
        });
    };
    view! {
        <section class="journeys" aria-labelledby="journeys-heading" data-testid="journeys">
            <h2 id="journeys-heading">{t("journeys-title")}</h2>
            <p class="muted">{t("journeys-intro")}</p>
            <Show when=move || journeys.with(Vec::is_empty)>
                <p class="muted empty">{t("journeys-empty")}</p>
            </Show>
            <For each=move || journeys.get() key=|j| format!("{j:?}") let:journey>
                <JourneyLine journey=journey />
            </For>
            <form class="inline-form" on:submit=create>
                <label class="grow">
                    <span>{t("journey-new")}</span>
                    <input type="text" data-testid="journey-title" required
                        placeholder=t("journey-new-hint")
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev)) />
                </label>
                <PersonaSelect label="journey-persona" testid="journey-persona" chosen=persona />
                <button type="submit" data-testid="journey-add">{t("journey-add")}</button>
            </form>
        </section>
    }
}
