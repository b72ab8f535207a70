use crate::i18n::{moment, t};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, HistoryEntry, WorkshopView};

/// Who changed what, and when; any earlier version can be brought back as a new change.
#[component]
pub fn HistoryPanel(
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let entries = RwSignal::new(None::<Vec<HistoryEntry>>);
    // Reloaded whenever the workshop changes (an edit, an undo, a restore).
    Effect::new(move |_| {
        let Some(id) = workshop.get().map(|w| w.id) else {
            return;
        };
        spawn_local(async move {
            match ipc::history(id).await {
                Ok(list) => entries.set(Some(list)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let restore = move |hash: String| {
        let Some(id) = workshop.get_untracked().map(|w| w.id) else {
            return;
        };
        spawn_local(async move {
            match ipc::restore_version(id, hash).await {
                Ok(view) => workshop.set(Some(view)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card history" data-testid="history" aria-labelledby="history-heading">
            <h2 id="history-heading">{t("history-title")}</h2>
            <p class="muted">{t("history-intro")}</p>
            <ol class="history-list">
                {move || entries.get().unwrap_or_default().into_iter().enumerate().map(|(n, entry)| {
                    let hash = entry.hash.clone();
                    view! {
                        <li data-testid="history-entry">
                            <span class="when">{moment(entry.time)}</span>
                            <span class="who">{entry.laptop.clone()}</span>
                            <span class="what">{entry.what.clone()}</span>
                            {(n > 0).then(|| view! {
                                <button class="link" data-testid="restore-version"
                                    on:click=move |_| restore(hash.clone())>
                                    {t("history-restore")}
                                </button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
