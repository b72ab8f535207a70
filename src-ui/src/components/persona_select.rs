use crate::facilitation_state::use_facilitation;
use crate::i18n::t;
use leptos::prelude::*;

/// A labelled list of the workshop's personas, with "No persona" first; `chosen` holds the id
/// (empty for none).
#[component]
pub fn PersonaSelect(
    label: &'static str,
    testid: &'static str,
    chosen: RwSignal<String>,
) -> impl IntoView {
    let personas = use_facilitation().select(|v| v.personas.clone());
    view! {
        <label>
            <span>{t(label)}</span>
            <select data-testid=testid prop:value=move || chosen.get()
                on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="">{t("journey-persona-none")}</option>
                {move || personas.get().into_iter().map(|p| view! {
                    <option value=p.id.clone()>{p.label.clone()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
