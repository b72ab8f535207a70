use crate::components::home::Home;
use crate::components::language_picker::LanguagePicker;
use crate::components::save_indicator::SaveIndicator;
use crate::components::workshop_page::WorkshopPage;
use crate::i18n::t;
use crate::save_state::SaveState;
use leptos::prelude::*;
use systematic_ipc::WorkshopId;

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
    view! {
        <header class="top-bar">
            <span class="app-name">{t("app-name")}</span>
            <span class="tagline">{t("app-tagline")}</span>
            <SaveIndicator state=saves />
            <LanguagePicker />
        </header>
        <main>
            {move || match screen.get() {
                Screen::Home => view! { <Home on_open=open /> }.into_any(),
                Screen::Workshop(id) => view! { <WorkshopPage id=id on_back=back /> }.into_any(),
            }}
        </main>
    }
}
