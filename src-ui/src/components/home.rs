use crate::components::error_message::ErrorMessage;
use crate::components::laptop_setup::LaptopSetup;
use crate::components::new_workshop_form::{self, new_workshop_form};
use crate::components::passphrase_prompt::PassphrasePrompt;
use crate::components::recent_files::RecentFiles;
use crate::components::session_bar::asks_for_file_passphrase;
use crate::components::workshop_list::WorkshopList;
use crate::components::workshop_page;
use crate::i18n::{t, t_args};
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use systematic_ipc::{AppError, FilePurpose, WorkshopId, WorkshopSummary};

/// The first screen: the workshops on this laptop, "New workshop" and the demo. Session files
/// given from outside wait in `incoming` and are opened from here, one after another.
#[component]
pub fn Home(on_open: Callback<WorkshopId>, incoming: RwSignal<Vec<String>>) -> impl IntoView {
    let data_dir = RwSignal::new(None::<String>);
    let workshops = RwSignal::new(None::<Vec<WorkshopSummary>>);
    let error = RwSignal::new(None::<AppError>);
    let creating = RwSignal::new(false);
    let laptop_name = RwSignal::new(None::<String>);
    let recent_files = RwSignal::new(Vec::<String>::new());
    let last_workshop = RwSignal::new(None::<WorkshopId>);

    // Loads the folder status and the list, both asked for at once (start-up waits for both);
    // run again by "Try again" after the facilitator fixed the folder (plugged the stick in,
    // freed some space).
    let load = move || {
        spawn_local(async move {
            error.set(None);
            let (status, list) = futures::future::join(ipc::status(), ipc::list_workshops()).await;
            match status {
                Ok(status) => {
                    data_dir.set(Some(status.data_dir));
                    laptop_name.set(Some(status.laptop_name));
                    recent_files.set(status.recent_files);
                    last_workshop.set(status.last_workshop);
                    if let Some(problem) = status.problem {
                        error.set(Some(problem));
                        return;
                    }
                }
                Err(e) => return error.set(Some(e)),
            }
            match list {
                Ok(list) => {
                    workshops.set(Some(list));
                    crate::marks::startup("home shown");
                    // With the home screen up, fetch and compile the code split off the main
                    // module, so opening a workshop or the form does not wait for it.
                    spawn_local(async {
                        workshop_page::__preload_workshop_screen().await;
                        new_workshop_form::__preload_new_workshop_form().await;
                        crate::marks::startup("workshop code ready");
                    });
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    load();

    let open_demo = move |_| {
        spawn_local(async move {
            match ipc::open_demo_workshop().await {
                Ok(view) => on_open.run(view.id),
                Err(e) => error.set(Some(e)),
            }
        })
    };

    // A session file protected with a passphrase waits here while the passphrase is asked for.
    let protected_file = RwSignal::new(None::<String>);
    let already_here = RwSignal::new(None::<WorkshopId>);
    let opening = RwSignal::new(false);
    let open_path = move |path: String, passphrase: Option<String>| {
        let had_passphrase = passphrase.is_some();
        opening.set(true);
        already_here.set(None);
        spawn_local(async move {
            let result = ipc::open_session_file(path.clone(), passphrase).await;
            match result {
                // `opening` stays set: this screen is leaving for the workshop, and a file still
                // waiting must not start opening on the way out (it opens on the next visit).
                Ok(view) => on_open.run(view.id),
                Err(e) if asks_for_file_passphrase(&e) => {
                    opening.set(false);
                    // The prompt explains itself the first time; a wrong passphrase is said.
                    error.set(had_passphrase.then_some(e));
                    protected_file.set(Some(path));
                }
                Err(e) => {
                    opening.set(false);
                    protected_file.set(None);
                    // The file's workshop is already here, with news to merge: offer to open it.
                    already_here.set(
                        (e.message_id == "error-session-already-here")
                            .then(|| e.args.get("id").cloned().map(WorkshopId))
                            .flatten(),
                    );
                    error.set(Some(e));
                }
            }
        })
    };
    // The first waiting file is opened; a later one waits for the next visit to this screen
    // (opening a workshop leaves it), so files arriving together open one at a time.
    Effect::new(move |_| {
        if opening.get() || protected_file.get().is_some() {
            return;
        }
        let next = incoming.with(|waiting| waiting.first().cloned());
        if let Some(path) = next {
            incoming.update(|waiting| {
                waiting.remove(0);
            });
            open_path(path, None);
        }
    });
    let open_file = move |_| {
        spawn_local(async move {
            match ipc::choose_files(FilePurpose::OpenSession).await {
                Ok(Some(paths)) => open_path(paths[0].clone(), None),
                Ok(None) => {}
                Err(e) => error.set(Some(e)),
            }
        })
    };

    view! {
        <section class="home" data-testid="home">
            <Show when=move || laptop_name.get().is_some_and(|n| n.is_empty())>
                <LaptopSetup on_done=Callback::new(move |()| load()) />
            </Show>
            <div class="page-head">
                <h1>{t("home-title")}</h1>
                <div class="actions">
                    <button class="primary" data-testid="new-workshop" on:click=move |_| creating.set(true)>
                        {t("home-new-workshop")}
                    </button>
                    <button data-testid="open-session" on:click=open_file>
                        {t("session-open")}
                    </button>
                    <button data-testid="open-demo" on:click=open_demo>
                        {t("home-open-demo")}
                    </button>
                </div>
            </div>
            <ErrorMessage error=error />
            {move || already_here.get().filter(|_| error.get().is_some()).map(|id| view! {
                <button class="primary" data-testid="open-existing" on:click=move |_| on_open.run(id.clone())>
                    {t("home-open-existing")}
                </button>
            })}
            {move || protected_file.get().map(|path| view! {
                <div class="card">
                    <PassphrasePrompt intro=t("session-passphrase-intro")
                        submit_label=t("session-open-with-passphrase") busy=opening
                        on_submit=Callback::new(move |passphrase: String| open_path(path.clone(), Some(passphrase)))
                        on_cancel=Callback::new(move |()| { protected_file.set(None); error.set(None); }) />
                </div>
            })}
            {move || {
                let id = last_workshop.get()?;
                let list = workshops.get()?;
                let title = list.iter().find(|w| w.id == id)?.title.clone();
                Some(view! {
                    <div class="card continue" data-testid="continue">
                        <span>{t("home-continue-intro")}</span>
                        <button class="primary" data-testid="continue-workshop"
                            on:click=move |_| on_open.run(id.clone())>
                            {t_args("home-continue", &[("title", title.into())])}
                        </button>
                    </div>
                })
            }}
            <Show when=move || !recent_files.get().is_empty()>
                <RecentFiles files=recent_files.into() on_pick=Callback::new(move |path: String| open_path(path, None)) />
            </Show>
            <Show when=move || workshops.get().is_none() && error.get().is_some()>
                <button data-testid="try-again" on:click=move |_| load()>{t("home-try-again")}</button>
            </Show>
            <Show when=move || creating.get()>
                <Suspense fallback=|| view! { <p class="muted" role="status">{t("home-loading")}</p> }>
                    {Suspend::new(SendWrapper::new(new_workshop_form(
                        on_open,
                        Callback::new(move |()| creating.set(false)),
                    )))}
                </Suspense>
            </Show>
            {move || match workshops.get() {
                None if error.get().is_none() => view! { <p class="muted">{t("home-loading")}</p> }.into_any(),
                None => ().into_any(),
                Some(list) if list.is_empty() => view! {
                    <div class="empty card" data-testid="home-empty">
                        <p>{t("home-empty")}</p>
                        <p class="hint">{t("home-demo-hint")}</p>
                    </div>
                }.into_any(),
                Some(list) => view! { <WorkshopList workshops=list on_open=on_open /> }.into_any(),
            }}
            <p class="data-folder muted" data-testid="data-folder">
                {move || data_dir.get().map(|path| t_args("home-data-folder", &[("path", path.into())]))}
            </p>
        </section>
    }
}
