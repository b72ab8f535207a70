use crate::i18n::{moment, t, t_args};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, Backup, WorkshopId, WorkshopView};

/// Shown in place of a workshop whose saved data no longer opens: its automatic backups, any of
/// which can take its place (the damaged data is kept beside them, nothing is deleted).
#[component]
pub fn DamagedWorkshop(
    id: WorkshopId,
    workshop: RwSignal<Option<WorkshopView>>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let backups = RwSignal::new(None::<Vec<Backup>>);
    {
        let id = id.clone();
        spawn_local(async move {
            match ipc::backups(id).await {
                Ok(list) => backups.set(Some(list)),
                Err(e) => error.set(Some(e)),
            }
        });
    }
    let restore = move |name: String| {
        let id = id.clone();
        spawn_local(async move {
            match ipc::restore_backup(id, name).await {
                Ok(view) => {
                    error.set(None);
                    workshop.set(Some(view));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card damaged" data-testid="damaged-workshop" aria-labelledby="damaged-heading">
            <h2 id="damaged-heading">{t("damaged-title")}</h2>
            {move || match backups.get() {
                None => ().into_any(),
                Some(list) if list.is_empty() => view! { <p>{t("damaged-no-backups")}</p> }.into_any(),
                Some(list) => view! {
                    <p>{t("damaged-intro")}</p>
                    <ol class="history-list">
                        {list.into_iter().map(|backup| {
                            let name = backup.name.clone();
                            let restore = restore.clone();
                            let size = i64::try_from(backup.bytes.div_ceil(1024)).unwrap_or(i64::MAX);
                            view! {
                                <li data-testid="damaged-backup">
                                    <span class="when">{moment(backup.taken_at)}</span>
                                    <span class="what">{t_args("backups-size", &[("kilobytes", size.into())])}</span>
                                    <button class="primary" data-testid="damaged-restore"
                                        on:click=move |_| restore(name.clone())>
                                        {t("backups-restore")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any(),
            }}
        </section>
    }
}
