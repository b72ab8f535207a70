use crate::i18n::{moment, t, t_args};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, Backup, HistoryEntry, WorkshopView};

/// Who changed what, and when; any earlier version, or one of the automatic backups, can be
/// brought back as a new change.
#[component]
pub fn HistoryPanel(
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let entries = RwSignal::new(None::<Vec<HistoryEntry>>);
    let backups = RwSignal::new(Vec::<Backup>::new());
    // Reloaded whenever the workshop changes (an edit, an undo, a restore).
    Effect::new(move |_| {
        let Some(id) = workshop.get().map(|w| w.id) else {
            return;
        };
        spawn_local(async move {
            match ipc::history(id.clone()).await {
                Ok(list) => entries.set(Some(list)),
                Err(e) => error.set(Some(e)),
            }
            match ipc::backups(id).await {
                Ok(list) => backups.set(list),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let restore_backup = move |name: String| {
        let Some(id) = workshop.get_untracked().map(|w| w.id) else {
            return;
        };
        spawn_local(async move {
            match ipc::restore_backup(id, name).await {
                Ok(view) => workshop.set(Some(view)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
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
            <h3 id="backups-heading">{t("backups-title")}</h3>
            <p class="muted">{t("backups-intro")}</p>
            <Show when=move || backups.with(|b| b.is_empty())>
                <p class="muted" data-testid="backups-none">{t("backups-none")}</p>
            </Show>
            <ol class="history-list" aria-labelledby="backups-heading">
                {move || backups.get().into_iter().map(|backup| {
                    let name = backup.name.clone();
                    let size = i64::try_from(backup.bytes.div_ceil(1024)).unwrap_or(i64::MAX);
                    view! {
                        <li data-testid="backup">
                            <span class="when">{moment(backup.taken_at)}</span>
                            <span class="what">{t_args("backups-size", &[("kilobytes", size.into())])}</span>
                            <button class="link" data-testid="restore-backup"
                                on:click=move |_| restore_backup(name.clone())>
                                {t("backups-restore")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
