use crate::facilitation_state::use_facilitation;
use crate::i18n::t;
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::PersonalDetails;

/// A participant's real name and contact, kept on this laptop only (never in the workshop
/// file, never printed unless the organiser asks), and erased for good when the person
/// withdraws consent.
#[component]
pub fn PersonalDetailsForm(participant: String, pseudonym: String) -> impl IntoView {
    let state = use_facilitation();
    let real_name = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let status = RwSignal::new(None::<&'static str>);
    {
        let participant = participant.clone();
        spawn_local(async move {
            match ipc::personal_details(state.workshop(), participant).await {
                Ok(Some(details)) => {
                    real_name.set(details.real_name);
                    contact.set(details.contact);
                }
                Ok(None) => {}
                Err(e) => state.error.set(Some(e)),
            }
        });
    }
    let save = {
        let participant = participant.clone();
        move |_| {
            let details = PersonalDetails {
                real_name: real_name.get_untracked(),
                contact: contact.get_untracked(),
            };
            let participant = participant.clone();
            spawn_local(async move {
                match ipc::set_personal_details(state.workshop(), participant, details).await {
                    Ok(()) => status.set(Some("personal-saved")),
                    Err(e) => state.error.set(Some(e)),
                }
            });
        }
    };
    let forget = move |_| {
        let participant = participant.clone();
        spawn_local(async move {
            match ipc::forget_personal_details(state.workshop(), participant).await {
                Ok(()) => {
                    real_name.set(String::new());
                    contact.set(String::new());
                    status.set(Some("personal-erased"));
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    };
    let label = format!("{}: {pseudonym}", t("personal-title"));
    view! {
        <div class="personal-details" role="group" aria-label=label data-testid="personal-details">
            <p class="muted">{t("personal-intro")}</p>
            <label>
                <span>{t("personal-real-name")}</span>
                <input type="text" data-testid="personal-real-name" autocomplete="off"
                    prop:value=move || real_name.get()
                    on:input=move |ev| real_name.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{t("personal-contact")}</span>
                <input type="text" data-testid="personal-contact" autocomplete="off"
                    prop:value=move || contact.get()
                    on:input=move |ev| contact.set(event_target_value(&ev)) />
            </label>
            <button type="button" class="primary" data-testid="personal-save" on:click=save>
                {t("personal-save")}
            </button>
            <button type="button" class="danger" data-testid="personal-forget" on:click=forget>
                {t("personal-forget")}
            </button>
            <span role="status" data-testid="personal-status">{move || status.get().map(t)}</span>
        </div>
    }
}
