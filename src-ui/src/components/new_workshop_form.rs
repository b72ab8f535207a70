use crate::components::error_message::{is_about, ErrorMessage};
use crate::i18n::{self, t};
use crate::ipc;
use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, NewWorkshop, Template, WorkshopId};

/// Today on this laptop's clock, as the date input expects it (YYYY-MM-DD).
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The form, in a piece of the wasm of its own that Home fetches once it is shown: the main
/// module's size is the app's start-up. Built untracked, so the `Suspend` it runs in never
/// rebuilds it (and loses what was typed).
#[lazy]
pub fn new_workshop_form(on_created: Callback<WorkshopId>, on_cancel: Callback<()>) -> AnyView {
    untrack(move || {
        view! { <NewWorkshopForm on_created=on_created on_cancel=on_cancel /> }.into_any()
    })
}

/// "New workshop": title, date, venue, facilitator and the method template whose agenda it
/// starts with. Checking is the core's job; this form
/// shows what the core says.
#[component]
pub fn NewWorkshopForm(on_created: Callback<WorkshopId>, on_cancel: Callback<()>) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(today());
    let venue = RwSignal::new(String::new());
    let facilitator = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);
    let templates = RwSignal::new(Vec::<Template>::new());
    let template = RwSignal::new(String::from("systematic"));
    spawn_local(async move {
        match ipc::templates(i18n::locale().to_owned()).await {
            Ok(list) => templates.set(list),
            Err(e) => error.set(Some(e)),
        }
    });
    let chosen = move || {
        let id = template.get();
        templates.with(|list| list.iter().find(|t| t.id == id).cloned())
    };

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let form = NewWorkshop {
            title: title.get_untracked(),
            date: NaiveDate::parse_from_str(date.get_untracked().trim(), "%Y-%m-%d").ok(),
            venue: venue.get_untracked(),
            facilitator: facilitator.get_untracked(),
            template: Some(template.get_untracked()).filter(|t| !t.is_empty()),
            locale: Some(i18n::locale().to_owned()),
        };
        spawn_local(async move {
            match ipc::create_workshop(form).await {
                Ok(view) => on_created.run(view.id),
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                }
            }
        });
    };

    let title_field = NodeRef::<leptos::html::Input>::new();
    crate::focus::when_mounted(title_field);
    view! {
        <form class="card form" data-testid="new-workshop-form" on:submit=submit novalidate>
            <h2>{t("new-workshop-title")}</h2>
            <ErrorMessage error=error />
            <label>
                <span>{t("field-title")}</span>
                <input type="text" data-testid="workshop-title" node_ref=title_field
                    placeholder=t("field-title-hint")
                    aria-invalid=move || is_about(error.get(), "title")
                    prop:value=move || title.get()
                    on:input=move |ev| title.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{t("field-date")}</span>
                <input type="date" data-testid="workshop-date"
                    aria-invalid=move || is_about(error.get(), "date")
                    prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{t("field-venue")}</span>
                <input type="text" data-testid="workshop-venue"
                    placeholder=t("field-venue-hint")
                    aria-invalid=move || is_about(error.get(), "venue")
                    prop:value=move || venue.get()
                    on:input=move |ev| venue.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{t("field-facilitator")}</span>
                <input type="text" data-testid="workshop-facilitator"
                    aria-invalid=move || is_about(error.get(), "facilitator")
                    prop:value=move || facilitator.get()
                    on:input=move |ev| facilitator.set(event_target_value(&ev)) />
            </label>
            <label>
                <span>{t("field-template")}</span>
                <select data-testid="workshop-template" prop:value=move || template.get()
                    on:change=move |ev| template.set(event_target_value(&ev))>
                    {move || templates.get().into_iter().map(|tpl| view! {
                        <option value=tpl.id.clone() selected=tpl.id == template.get_untracked()>{tpl.name.clone()}</option>
                    }).collect_view()}
                </select>
            </label>
            {move || chosen().map(|tpl| view! {
                <div class="template-preview" data-testid="template-preview">
                    <p class="muted">{tpl.summary.clone()}</p>
                    <ol>
                        {tpl.stages.iter().map(|stage| view! {
                            <li>{stage.name.clone()} <span class="muted">" · " {i18n::t_args("minutes", &[("minutes", stage.planned_minutes.into())])}</span></li>
                        }).collect_view()}
                    </ol>
                </div>
            })}
            <div class="actions">
                <button type="submit" class="primary" data-testid="create-workshop" disabled=move || busy.get()>
                    {t("new-workshop-create")}
                </button>
                <button type="button" on:click=move |_| on_cancel.run(())>{t("cancel")}</button>
            </div>
        </form>
    }
}
