use crate::components::personal_details_form::PersonalDetailsForm;
use crate::facilitation_state::{add, set, use_facilitation};
use crate::i18n::t;
use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use serde_json::json;
use systematic_ipc::{Participant, Role};

/// The words for a role ("Person with lived experience").
pub fn role_word(role: Option<Role>) -> String {
    role.map_or_else(
        || t("role-none"),
        |r| t(&format!("role-{}", r.name().replace('_', "-"))),
    )
}

/// Participants: quick add by pseudonym (never a real name), role and working group; consent
/// to quote; marked absent without losing what they contributed; real name and contact, when
/// the organiser needs them, kept apart on this laptop and erasable.
#[component]
pub fn ParticipantsPanel() -> impl IntoView {
    let state = use_facilitation();
    let pseudonym = RwSignal::new(String::new());
    let role = RwSignal::new(String::from("lived_experience"));
    let group = RwSignal::new(String::new());
    let pseudonym_input = NodeRef::<Input>::new();
    let participants = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| v.participants.clone())
                .unwrap_or_default()
        })
    });
    let groups = Memo::new(move |_| {
        state.view.with(|v| {
            v.as_ref()
                .map(|v| v.working_groups.clone())
                .unwrap_or_default()
        })
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let ops = vec![add(
            "participant",
            &[
                ("pseudonym", json!(pseudonym.get_untracked())),
                ("role", json!(role.get_untracked())),
                ("group", json!(group.get_untracked())),
            ],
        )];
        state.edit_then(ops, move || {
            pseudonym.set(String::new());
            if let Some(input) = pseudonym_input.get_untracked() {
                let _ = input.focus();
            }
        });
    };
    // Whose personal details are open (one at a time).
    let details_open = RwSignal::new(None::<String>);
    let toggle = move |p: &Participant, field: &'static str, on: bool| {
        state.edit(vec![set("participant", &p.id, &[(field, json!(on))])]);
    };

    view! {
        <section class="participants" aria-labelledby="participants-heading" data-testid="participants">
            <h2 id="participants-heading">{t("participants-title")}</h2>
            <p class="muted">{t("participants-intro")}</p>
            <form class="inline-form" on:submit=submit data-testid="participant-form">
                <label>
                    <span>{t("participant-pseudonym")}</span>
                    <input type="text" node_ref=pseudonym_input data-testid="participant-pseudonym" required
                        placeholder=t("participant-pseudonym-hint")
                        prop:value=move || pseudonym.get()
                        on:input=move |ev| pseudonym.set(event_target_value(&ev)) />
                </label>
                <label>
                    <span>{t("participant-role")}</span>
                    <select data-testid="participant-role" prop:value=move || role.get()
                        on:change=move |ev| role.set(event_target_value(&ev))>
                        {Role::ALL.into_iter().map(|r| view! {
                            <option value=r.name()>{role_word(Some(r))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{t("participant-group")}</span>
                    <input type="text" list="working-groups" data-testid="participant-group"
                        prop:value=move || group.get()
                        on:input=move |ev| group.set(event_target_value(&ev)) />
                    <datalist id="working-groups">
                        {move || groups.get().into_iter().map(|g| view! { <option value=g></option> }).collect_view()}
                    </datalist>
                </label>
                <button type="submit" class="primary" data-testid="participant-add">{t("participant-add")}</button>
            </form>
            <Show when=move || participants.with(Vec::is_empty)>
                <p class="muted empty">{t("participants-empty")}</p>
            </Show>
            <table class="participant-table" data-testid="participant-table">
                <thead>
                    <tr>
                        <th scope="col">{t("participant-pseudonym")}</th>
                        <th scope="col">{t("participant-role")}</th>
                        <th scope="col">{t("participant-group")}</th>
                        <th scope="col">{t("participant-consent")}</th>
                        <th scope="col">{t("participant-absent")}</th>
                        <th scope="col">{t("personal-title")}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || participants.get() key=|p| format!("{p:?}") let:p>
                        {
                            let (for_consent, for_absent) = (p.clone(), p.clone());
                            let label_consent = format!("{}: {}", t("participant-consent"), p.pseudonym);
                            let label_absent = format!("{}: {}", t("participant-absent"), p.pseudonym);
                            let (id, id_open) = (p.id.clone(), p.id.clone());
                            let is_open = move || details_open.with(|o| o.as_deref() == Some(id_open.as_str()));
                            view! {
                                <tr class:absent=p.absent data-testid="participant-row">
                                    <th scope="row">{p.pseudonym.clone()}</th>
                                    <td>{role_word(p.role)}</td>
                                    <td>{p.group.clone()}</td>
                                    <td><input type="checkbox" prop:checked=p.consent_to_quote
                                        aria-label=label_consent
                                        on:change=move |ev| toggle(&for_consent, "consent_to_quote", event_target_checked(&ev)) /></td>
                                    <td><input type="checkbox" prop:checked=p.absent
                                        aria-label=label_absent data-testid="participant-absent"
                                        on:change=move |ev| toggle(&for_absent, "absent", event_target_checked(&ev)) /></td>
                                    <td><button type="button" class="link" data-testid="participant-details"
                                        aria-expanded=move || is_open().to_string()
                                        on:click=move |_| details_open.update(|o| {
                                            *o = if o.as_deref() == Some(id.as_str()) { None } else { Some(id.clone()) };
                                        })>
                                        {t("personal-open")}
                                    </button></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            // Below the table rather than in a row: a row is redrawn whenever its participant
            // changes (a tick, a merge), which would lose a real name typed but not yet kept.
            {move || details_open.get().map(|id| {
                let pseudonym = participants
                    .with_untracked(|list| list.iter().find(|p| p.id == id).map(|p| p.pseudonym.clone()))
                    .unwrap_or_default();
                view! { <PersonalDetailsForm participant=id pseudonym=pseudonym /> }
            })}
        </section>
    }
}
