use crate::components::error_message::{is_about, ErrorMessage};
use crate::i18n::t;
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::AppError;

/// Asked once per laptop: its name is carried on every change it makes, so after a merge
/// everyone can see which table wrote what.
#[component]
pub fn LaptopSetup(on_done: Callback<()>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        spawn_local(async move {
            match ipc::set_laptop_name(name.get_untracked()).await {
                Ok(()) => on_done.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="card laptop-setup" data-testid="laptop-setup" on:submit=submit>
            <h2>{t("laptop-setup-title")}</h2>
            <p class="muted">{t("laptop-setup-intro")}</p>
            <label for="laptop-name">{t("field-laptop_name")}</label>
            <input id="laptop-name" data-testid="laptop-name" maxlength="80"
                placeholder=t("laptop-setup-placeholder")
                aria-invalid=move || is_about(error.get(), "laptop_name")
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev)) />
            <ErrorMessage error=error />
            <div class="actions">
                <button class="primary" type="submit" data-testid="laptop-save">{t("laptop-setup-save")}</button>
            </div>
        </form>
    }
}
