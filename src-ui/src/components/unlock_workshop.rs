use crate::components::passphrase_prompt::PassphrasePrompt;
use crate::i18n::t;
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, WorkshopId, WorkshopView};

/// Shown in place of a workshop protected with a passphrase until it is unlocked. A wrong
/// passphrase is explained above (the page's error) and changes nothing.
#[component]
pub fn UnlockWorkshop(
    id: WorkshopId,
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let unlock = Callback::new(move |passphrase: String| {
        let id = id.clone();
        busy.set(true);
        spawn_local(async move {
            let result = ipc::unlock_workshop(id, passphrase).await;
            busy.set(false);
            match result {
                Ok(view) => {
                    error.set(None);
                    workshop.set(Some(view));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <section class="card locked" data-testid="unlock-workshop" aria-labelledby="unlock-heading">
            <h2 id="unlock-heading">{t("unlock-title")}</h2>
            <PassphrasePrompt intro=t("unlock-intro") submit_label=t("unlock-submit")
                busy=busy on_submit=unlock />
        </section>
    }
}
