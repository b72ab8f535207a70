use crate::components::session_bar::{MergeTargets, Outcome};
use crate::i18n::{error_text, t};
use leptos::prelude::*;
use systematic_ipc::{AppError, WorkshopView};

/// Asks before merging files of another workshop (two laptops that each started "the same"
/// workshop before anyone shared a file).
#[component]
pub fn ForceMergeConfirm(
    paths: Vec<String>,
    reason: AppError,
    /// The passphrase already typed for these files, if they are protected.
    passphrase: Option<String>,
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
    outcome: RwSignal<Option<Outcome>>,
) -> impl IntoView {
    let merge_anyway = move |_| {
        let Some(id) = workshop.get_untracked().map(|w| w.id) else {
            return;
        };
        MergeTargets {
            workshop,
            error,
            outcome,
            busy: RwSignal::new(false),
        }
        .merge(id, paths.clone(), true, passphrase.clone());
    };
    view! {
        <div class="card confirm" role="alertdialog" data-testid="force-merge">
            <p>{error_text(&reason)}</p>
            <div class="actions">
                <button class="primary" data-testid="merge-anyway" on:click=merge_anyway>{t("session-merge-anyway")}</button>
                <button data-testid="merge-cancel" on:click=move |_| outcome.set(None)>{t("cancel")}</button>
            </div>
        </div>
    }
}
