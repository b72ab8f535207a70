use crate::i18n::t;
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, ErrorKind, FilePurpose, MergeReport, WorkshopId, WorkshopView};

/// What the workshop page shows below the bar after an action.
#[derive(Clone, PartialEq)]
pub enum Outcome {
    Saved(String),
    /// Files of another workshop were chosen; merging them needs a yes (and the passphrase
    /// already typed for them, if any).
    ConfirmForce(Vec<String>, AppError, Option<String>),
    Merged(MergeReport),
    /// "Save protected…": the passphrase is chosen before the file.
    SaveProtected,
    /// Some of the files to merge are protected with a passphrase: ask for it and merge again.
    MergeNeedsPassphrase {
        paths: Vec<String>,
        force: bool,
    },
}

/// Whether `error` asks for a session file's passphrase (and not, say, a locked workshop).
pub fn asks_for_file_passphrase(error: &AppError) -> bool {
    matches!(
        error.message_id.as_str(),
        "error-session-needs-passphrase" | "error-session-wrong-passphrase"
    )
}

/// Where a merge's answer goes on the workshop page.
#[derive(Clone, Copy)]
pub struct MergeTargets {
    pub workshop: RwSignal<Option<WorkshopView>>,
    pub error: RwSignal<Option<AppError>>,
    pub outcome: RwSignal<Option<Outcome>>,
    /// Set while the merge runs (a passphrase prompt disables its button meanwhile).
    pub busy: RwSignal<bool>,
}

impl MergeTargets {
    /// Merges `paths` into workshop `id` and shows what came of it: the report, the question
    /// whether to merge another workshop's files, or a request for their passphrase.
    pub fn merge(
        self,
        id: WorkshopId,
        paths: Vec<String>,
        force: bool,
        passphrase: Option<String>,
    ) {
        self.busy.set(true);
        spawn_local(async move {
            let had_passphrase = passphrase.is_some();
            let result =
                ipc::merge_session_files(id, paths.clone(), force, passphrase.clone()).await;
            self.busy.set(false);
            match result {
                Ok((view, report)) => {
                    self.error.set(None);
                    self.workshop.set(Some(view));
                    self.outcome.set(Some(Outcome::Merged(report)));
                }
                Err(e) if e.kind == ErrorKind::DifferentWorkshops => {
                    self.outcome
                        .set(Some(Outcome::ConfirmForce(paths, e, passphrase)));
                }
                Err(e) if asks_for_file_passphrase(&e) => {
                    // The first time, the prompt explains itself; a wrong passphrase is said.
                    self.error.set(had_passphrase.then_some(e));
                    self.outcome
                        .set(Some(Outcome::MergeNeedsPassphrase { paths, force }));
                }
                Err(e) => {
                    self.outcome.set(None);
                    self.error.set(Some(e));
                }
            }
        });
    }
}

/// The workshop's file and history actions: undo, redo, save and merge session files, history.
#[component]
pub fn SessionBar(
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
    outcome: RwSignal<Option<Outcome>>,
    show_history: RwSignal<bool>,
    show_protection: RwSignal<bool>,
) -> impl IntoView {
    let id = move || workshop.get_untracked().map(|w| w.id);
    let replace = move |result: Result<WorkshopView, AppError>| match result {
        Ok(view) => {
            error.set(None);
            workshop.set(Some(view));
        }
        Err(e) => error.set(Some(e)),
    };
    let undo = move |_| {
        if let Some(id) = id() {
            spawn_local(async move { replace(ipc::undo(id).await) });
        }
    };
    let redo = move |_| {
        if let Some(id) = id() {
            spawn_local(async move { replace(ipc::redo(id).await) });
        }
    };
    let save = move |_| save_session(workshop, error, outcome, None, RwSignal::new(false));
    let merge = move |_| {
        let Some(id) = id() else {
            return;
        };
        spawn_local(async move {
            match ipc::choose_files(FilePurpose::MergeSessions).await {
                Ok(Some(paths)) => MergeTargets {
                    workshop,
                    error,
                    outcome,
                    busy: RwSignal::new(false),
                }
                .merge(id, paths, false, None),
                Ok(None) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let can = move |f: fn(&WorkshopView) -> bool| workshop.get().as_ref().is_some_and(f);
    view! {
        <div class="session-bar actions" role="toolbar" aria-label=t("session-bar-label")>
            <button data-testid="undo" disabled=move || !can(|w| w.can_undo) on:click=undo>{t("undo")}</button>
            <button data-testid="redo" disabled=move || !can(|w| w.can_redo) on:click=redo>{t("redo")}</button>
            <button data-testid="save-session" on:click=save>{t("session-save")}</button>
            <button data-testid="save-session-protected"
                on:click=move |_| outcome.set(Some(Outcome::SaveProtected))>
                {t("session-save-protected")}
            </button>
            <button data-testid="merge-sessions" on:click=merge>{t("session-merge")}</button>
            <button data-testid="show-history" aria-pressed=move || show_history.get().to_string()
                on:click=move |_| show_history.update(|s| *s = !*s)>
                {t("history-show")}
            </button>
            <button data-testid="show-protection" aria-pressed=move || show_protection.get().to_string()
                on:click=move |_| show_protection.update(|s| *s = !*s)>
                {move || if can(|w| w.protected) { t("protection-open-on") } else { t("protection-open") }}
            </button>
        </div>
    }
}

/// Asks where to save the workshop's session file and saves it there, encrypted to
/// `passphrase` when one is given.
pub fn save_session(
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
    outcome: RwSignal<Option<Outcome>>,
    passphrase: Option<String>,
    busy: RwSignal<bool>,
) {
    let Some(view) = workshop.get_untracked() else {
        return;
    };
    busy.set(true);
    spawn_local(async move {
        let suggested_name = format!("{}.systematic", view.meta.title.replace(['/', '\\'], "-"));
        match ipc::choose_files(FilePurpose::SaveSession { suggested_name }).await {
            Ok(Some(paths)) => {
                let path = paths[0].clone();
                let saved = ipc::save_session_file(view.id, path.clone(), passphrase).await;
                busy.set(false);
                match saved {
                    Ok(()) => {
                        error.set(None);
                        outcome.set(Some(Outcome::Saved(path)));
                    }
                    Err(e) => error.set(Some(e)),
                }
            }
            Ok(None) => busy.set(false),
            Err(e) => {
                busy.set(false);
                error.set(Some(e));
            }
        }
    });
}
