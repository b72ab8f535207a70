use crate::components::error_message::{is_about, ErrorMessage};
use crate::components::portrait_picker::PortraitPicker;
use crate::i18n::{t, t_args};
use crate::ipc;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, Persona, PersonaDraft, WorkshopId};

/// Reads the age box: blank is "not given"; anything that is not a small number is passed on as
/// out of range so the core explains the limit.
fn parse_age(text: &str) -> Option<u16> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(text.parse::<u16>().unwrap_or(u16::MAX))
}

/// Adds a persona, or edits `existing`. The edit is saved in one go when the facilitator presses
/// Save, so each save is one durable change rather than one per keystroke.
#[component]
pub fn PersonaForm(
    workshop: WorkshopId,
    existing: Option<Persona>,
    on_saved: Callback<Persona>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let start = existing
        .as_ref()
        .map(|p| p.details.clone())
        .unwrap_or_default();
    let heading = match &existing {
        Some(p) => t_args(
            "persona-edit-title",
            &[("name", p.details.name.clone().into())],
        ),
        None => t("persona-new-title"),
    };
    let existing_id = existing.map(|p| p.id);
    let name = RwSignal::new(start.name);
    let age = RwSignal::new(start.age.map(|a| a.to_string()).unwrap_or_default());
    let living = RwSignal::new(start.living_situation);
    let conditions = RwSignal::new(start.conditions.join("\n"));
    let what_matters = RwSignal::new(start.what_matters);
    let quote = RwSignal::new(start.quote);
    let segment = RwSignal::new(start.segment);
    let goals = RwSignal::new(start.goals);
    let worries = RwSignal::new(start.worries);
    let family = RwSignal::new(start.family_and_friends);
    let services = RwSignal::new(start.services_used.join("\n"));
    let seldom_heard = RwSignal::new(start.seldom_heard);
    let portrait = RwSignal::new(start.portrait);
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let draft = PersonaDraft {
            name: name.get_untracked(),
            age: parse_age(&age.get_untracked()),
            living_situation: living.get_untracked(),
            conditions: conditions
                .get_untracked()
                .lines()
                .map(str::to_owned)
                .collect(),
            what_matters: what_matters.get_untracked(),
            quote: quote.get_untracked(),
            segment: segment.get_untracked(),
            goals: goals.get_untracked(),
            worries: worries.get_untracked(),
            family_and_friends: family.get_untracked(),
            services_used: services
                .get_untracked()
                .lines()
                .map(str::to_owned)
                .collect(),
            seldom_heard: seldom_heard.get_untracked(),
            portrait: portrait.get_untracked(),
        };
        let workshop = workshop.clone();
        let existing_id = existing_id.clone();
        spawn_local(async move {
            let saved = match existing_id {
                Some(id) => ipc::update_persona(workshop, id, draft).await,
                None => ipc::add_persona(workshop, draft).await,
            };
            busy.set(false);
            match saved {
                Ok(persona) => on_saved.run(persona),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let name_field = NodeRef::<leptos::html::Input>::new();
    crate::focus::when_mounted(name_field);

    view! {
        <form class="card form persona-form" data-testid="persona-form" on:submit=submit novalidate>
            <h3>{heading}</h3>
            <ErrorMessage error=error />
            <div class="row">
                <label class="grow">
                    <span>{t("field-name")}</span>
                    <input type="text" data-testid="persona-name" node_ref=name_field
                        aria-invalid=move || is_about(error.get(), "name")
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <label class="narrow">
                    <span>{t("field-age")}</span>
                    <input type="number" min="0" max="120" inputmode="numeric" data-testid="persona-age"
                        aria-invalid=move || is_about(error.get(), "age")
                        prop:value=move || age.get()
                        on:input=move |ev| age.set(event_target_value(&ev)) />
                </label>
            </div>
            <label>
                <span>{t("field-segment")} <small class="muted">{t("field-segment-hint")}</small></span>
                <input type="text" data-testid="persona-segment"
                    aria-invalid=move || is_about(error.get(), "segment")
                    prop:value=move || segment.get()
                    on:input=move |ev| segment.set(event_target_value(&ev)) />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="persona-seldom-heard"
                    prop:checked=move || seldom_heard.get()
                    on:change=move |ev| seldom_heard.set(event_target_checked(&ev)) />
                <span>{t("field-seldom_heard")} <small class="muted">{t("field-seldom_heard-hint")}</small></span>
            </label>
            <label>
                <span>{t("field-living_situation")}</span>
                <textarea rows="2" data-testid="persona-living"
                    aria-invalid=move || is_about(error.get(), "living_situation")
                    prop:value=move || living.get()
                    on:input=move |ev| living.set(event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{t("field-conditions")} <small class="muted">{t("field-conditions-hint")}</small></span>
                <textarea rows="3" data-testid="persona-conditions"
                    aria-invalid=move || is_about(error.get(), "conditions")
                    prop:value=move || conditions.get()
                    on:input=move |ev| conditions.set(event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{t("field-what_matters")}</span>
                <span class="hint" data-testid="persona-prompts">{t("persona-prompts")}</span>
                <textarea rows="4" data-testid="persona-what-matters"
                    aria-invalid=move || is_about(error.get(), "what_matters")
                    prop:value=move || what_matters.get()
                    on:input=move |ev| what_matters.set(event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{t("field-goals")}</span>
                <textarea rows="2" data-testid="persona-goals"
                    aria-invalid=move || is_about(error.get(), "goals")
                    prop:value=move || goals.get()
                    on:input=move |ev| goals.set(event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{t("field-worries")}</span>
                <textarea rows="2" data-testid="persona-worries"
                    aria-invalid=move || is_about(error.get(), "worries")
                    prop:value=move || worries.get()
                    on:input=move |ev| worries.set(event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{t("field-family_and_friends")}</span>
                <textarea rows="2" data-testid="persona-family"
                    aria-invalid=move || is_about(error.get(), "family_and_friends")
                    prop:value=move || family.get()
                    on:input=move |ev| family.set(event_target_value(&ev))></textarea>
            </label>
            <label>
                <span>{t("field-services_used")} <small class="muted">{t("field-conditions-hint")}</small></span>
                <textarea rows="2" data-testid="persona-services"
                    aria-invalid=move || is_about(error.get(), "services_used")
                    prop:value=move || services.get()
                    on:input=move |ev| services.set(event_target_value(&ev))></textarea>
            </label>
            <PortraitPicker chosen=portrait />
            <label>
                <span>{t("field-quote")}</span>
                <input type="text" data-testid="persona-quote"
                    aria-invalid=move || is_about(error.get(), "quote")
                    prop:value=move || quote.get()
                    on:input=move |ev| quote.set(event_target_value(&ev)) />
            </label>
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-persona" disabled=move || busy.get()>
                    {t("persona-save")}
                </button>
                <button type="button" on:click=move |_| on_cancel.run(())>{t("cancel")}</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_age;

    #[test]
    fn ages_are_read_leniently_and_nonsense_is_left_to_the_core() {
        assert_eq!(parse_age(" "), None);
        assert_eq!(parse_age(" 88 "), Some(88));
        assert_eq!(parse_age("lots"), Some(u16::MAX));
    }
}
