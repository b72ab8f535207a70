use crate::components::new_passphrase_form::NewPassphraseForm;
use crate::components::passphrase_prompt::PassphrasePrompt;
use crate::i18n::t;
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, ErrorKind, WorkshopView};

/// Protecting the open workshop with a passphrase, locking it, or removing the protection.
#[component]
pub fn ProtectionPanel(
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let id = move || workshop.get_untracked().map(|w| w.id);
    // After a refusal the workshop is read again: a protect that was stored but then could
    // not seal every backup is protected all the same, and the panel must say so.
    let answered = move |id: systematic_ipc::WorkshopId, result: Result<WorkshopView, AppError>| {
        busy.set(false);
        match result {
            Ok(view) => {
                error.set(None);
                workshop.set(Some(view));
            }
            Err(e) => {
                error.set(Some(e));
                spawn_local(async move {
                    if let Ok(view) = ipc::open_workshop(id).await {
                        workshop.set(Some(view));
                    }
                });
            }
        }
    };
    let protect = Callback::new(move |passphrase: String| {
        let Some(id) = id() else { return };
        busy.set(true);
        spawn_local(
            async move { answered(id.clone(), ipc::protect_workshop(id, passphrase).await) },
        );
    });
    let unprotect = Callback::new(move |passphrase: String| {
        let Some(id) = id() else { return };
        busy.set(true);
        spawn_local(
            async move { answered(id.clone(), ipc::unprotect_workshop(id, passphrase).await) },
        );
    });
    let lock = move |_| {
        let Some(id) = id() else { return };
        spawn_local(async move {
            match ipc::lock_workshop(id).await {
                Ok(()) => {
                    on_close.run(());
                    // The page shows the unlock form in place of the workshop.
                    workshop.set(None);
                    error.set(Some(AppError::new(
                        ErrorKind::Locked,
                        "error-workshop-locked",
                    )));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let protected = move || workshop.with(|w| w.as_ref().is_some_and(|w| w.protected));
    view! {
        <section class="card protection" data-testid="protection-panel" aria-labelledby="protection-heading">
            <h2 id="protection-heading">{t("protection-title")}</h2>
            {move || if protected() {
                view! {
                    <p data-testid="protection-on">{t("protection-on")}</p>
                    <div class="actions">
                        <button class="primary" data-testid="lock-workshop" on:click=lock>{t("protection-lock")}</button>
                    </div>
                    <PassphrasePrompt intro=t("protection-remove-intro") submit_label=t("protection-remove")
                        busy=busy on_submit=unprotect />
                }.into_any()
            } else {
                view! {
                    <NewPassphraseForm intro=t("protection-intro") submit_label=t("protection-protect")
                        busy=busy on_submit=protect on_cancel=on_close />
                }.into_any()
            }}
        </section>
    }
}
