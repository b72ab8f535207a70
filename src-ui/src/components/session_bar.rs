use crate::i18n::t;
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, ErrorKind, FilePurpose, MergeReport, WorkshopView};

/// What the workshop page shows below the bar after an action.
#[derive(Clone, PartialEq)]
pub enum Outcome {
    Saved(String),
    /// Files of another workshop were chosen; merging them needs a yes.
    ConfirmForce(Vec<String>, AppError),
    Merged(MergeReport),
}

/// The workshop's file and history actions: undo, redo, save and merge session files, history.
#[component]
pub fn SessionBar(
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
    outcome: RwSignal<Option<Outcome>>,
    show_history: RwSignal<bool>,
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
    let save = move |_| {
        let Some(view) = workshop.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let suggested_name =
                format!("{}.systematic", view.meta.title.replace(['/', '\\'], "-"));
            match ipc::choose_files(FilePurpose::SaveSession { suggested_name }).await {
                Ok(Some(paths)) => {
                    let path = paths[0].clone();
                    match ipc::save_session_file(view.id, path.clone()).await {
                        Ok(()) => {
                            error.set(None);
                            outcome.set(Some(Outcome::Saved(path)));
                        }
                        Err(e) => error.set(Some(e)),
                    }
                }
                Ok(None) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let merge = move |_| {
        let Some(id) = id() else {
            return;
        };
        spawn_local(async move {
            match ipc::choose_files(FilePurpose::MergeSessions).await {
                Ok(Some(paths)) => match ipc::merge_session_files(id, paths.clone(), false).await {
                    Ok((view, report)) => {
                        error.set(None);
                        workshop.set(Some(view));
                        outcome.set(Some(Outcome::Merged(report)));
                    }
                    Err(e) if e.kind == ErrorKind::DifferentWorkshops => {
                        outcome.set(Some(Outcome::ConfirmForce(paths, e)));
                    }
                    Err(e) => error.set(Some(e)),
                },
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
            <button data-testid="merge-sessions" on:click=merge>{t("session-merge")}</button>
            <button data-testid="show-history" aria-pressed=move || show_history.get().to_string()
                on:click=move |_| show_history.update(|s| *s = !*s)>
                {t("history-show")}
            </button>
        </div>
    }
}
