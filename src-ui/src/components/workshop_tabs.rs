use crate::i18n::t;
use leptos::prelude::*;

/// The parts of a workshop, one shown at a time under the stage bar.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Agenda,
    People,
    Personas,
    Map,
    Journeys,
    Scenarios,
    Notes,
    Voting,
    Priorities,
}

impl Tab {
    pub const ALL: [Tab; 9] = [
        Tab::Agenda,
        Tab::People,
        Tab::Personas,
        Tab::Map,
        Tab::Journeys,
        Tab::Scenarios,
        Tab::Notes,
        Tab::Voting,
        Tab::Priorities,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Tab::Agenda => "agenda",
            Tab::People => "people",
            Tab::Personas => "personas",
            Tab::Map => "map",
            Tab::Journeys => "journeys",
            Tab::Scenarios => "scenarios",
            Tab::Notes => "notes",
            Tab::Voting => "voting",
            Tab::Priorities => "priorities",
        }
    }
}

/// The workshop's sections as tabs; arrow keys move between them, as in any tab list.
#[component]
pub fn WorkshopTabs(tab: RwSignal<Tab>) -> impl IntoView {
    let step = move |by: isize| {
        let index = Tab::ALL
            .iter()
            .position(|t| *t == tab.get_untracked())
            .unwrap_or(0);
        let next = (index as isize + by).rem_euclid(Tab::ALL.len() as isize) as usize;
        tab.set(Tab::ALL[next]);
        if let Some(button) = document()
            .query_selector(&format!("[data-testid=tab-{}]", Tab::ALL[next].name()))
            .ok()
            .flatten()
        {
            use wasm_bindgen::JsCast;
            if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <nav class="workshop-tabs" role="tablist" aria-label=t("tabs-label")
            on:keydown=move |ev| match ev.key().as_str() {
                "ArrowRight" => { ev.prevent_default(); step(1) }
                "ArrowLeft" => { ev.prevent_default(); step(-1) }
                _ => {}
            }>
            {Tab::ALL.into_iter().map(|this| view! {
                <button role="tab" class="tab" data-testid=format!("tab-{}", this.name())
                    id=format!("tab-{}", this.name())
                    aria-selected=move || (tab.get() == this).to_string()
                    tabindex=move || if tab.get() == this { "0" } else { "-1" }
                    on:click=move |_| tab.set(this)>
                    {t(&format!("tab-{}", this.name()))}
                </button>
            }).collect_view()}
        </nav>
    }
}
