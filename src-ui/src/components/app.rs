use crate::components::help_panel::HelpPanel;
use crate::components::home::Home;
use crate::components::language_picker::LanguagePicker;
use crate::components::save_indicator::SaveIndicator;
use crate::components::workshop_page::workshop_screen;
use crate::i18n::t;
use crate::ipc;
use crate::save_state::SaveState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use systematic_ipc::WorkshopId;

/// Whether the projector window is open (context, provided by [`App`]).
#[derive(Clone, Copy)]
pub struct ProjectorOpen(pub RwSignal<bool>);

/// Which screen is showing.
#[derive(Clone, PartialEq)]
enum Screen {
    Home,
    Workshop(WorkshopId),
}

/// The whole window: a top bar and the current screen.
#[component]
pub fn App() -> impl IntoView {
    let screen = RwSignal::new(Screen::Home);
    let open = Callback::new(move |id: WorkshopId| screen.set(Screen::Workshop(id)));
    let back = Callback::new(move |()| screen.set(Screen::Home));
    let saves = SaveState::install();
    let help = RwSignal::new(false);

    // Session files given from outside (double-click, command line, a second launch) are opened
    // from the home screen, which asks for a passphrase when a file needs one. Asked once at
    // start for files given at launch, then whenever the shell says more arrived.
    let incoming = RwSignal::new(Vec::<String>::new());
    let take_files = move || {
        spawn_local(async move {
            if let Ok(files) = ipc::take_opened_files().await {
                if !files.is_empty() {
                    incoming.update(|waiting| waiting.extend(files));
                    screen.set(Screen::Home);
                }
            }
        })
    };
    spawn_local(async move {
        let _ = ipc::when_files_arrive(take_files).await;
        take_files();
    });
    // Whether the projector window is open; none is when the app starts. Kept here, above the
    // workshop screen, so its projector controls know it whenever they are shown.
    let projector = ProjectorOpen(RwSignal::new(false));
    provide_context(projector);
    spawn_local(async move {
        let _ = ipc::when_projector_changes(move |open| projector.0.set(open)).await;
    });

    view! {
        <header class="top-bar">
            <span class="app-name">{t("app-name")}</span>
            <span class="tagline">{t("app-tagline")}</span>
            <SaveIndicator state=saves />
            <button class="help-button" data-testid="show-help" aria-expanded=move || help.get().to_string()
                on:click=move |_| help.update(|open| *open = !*open)>
                {t("help-button")}
            </button>
            <LanguagePicker />
        </header>
        <Show when=move || help.get()>
            <HelpPanel on_close=Callback::new(move |()| help.set(false)) />
        </Show>
        <main>
            {move || match screen.get() {
                Screen::Home => view! { <Home on_open=open incoming=incoming /> }.into_any(),
                Screen::Workshop(id) => view! {
                    <Suspense fallback=|| view! {
                        <p class="muted" role="status">{t("workshop-opening")}</p>
                    }>
                        {Suspend::new(SendWrapper::new(workshop_screen(id, back)))}
                    </Suspense>
                }
                .into_any(),
            }}
        </main>
    }
}
