use crate::components::map_canvas::{delete_selected, duplicate_selected};
use crate::components::map_connection_details::MapConnectionDetails;
use crate::components::map_node_details::MapNodeDetails;
use crate::components::workshop_tabs::Tab;
use crate::i18n::{t, t_args};
use crate::map_state::MapState;
use leptos::prelude::*;
use systematic_ipc::{LinkRef, MapConnection, MapNode};

/// Scrolls to the part of the workshop a link names (a persona card), if it is on the page.
pub fn jump_to(link: &LinkRef, tab: Option<RwSignal<Tab>>) {
    // The card may be on another tab: show that tab, then scroll once it is drawn.
    if let (Some(tab), Some(wanted)) = (tab, tab_of(link)) {
        tab.set(wanted);
    }
    let link = link.clone();
    set_timeout(
        move || {
            let Some(element) = linked_element(&link) else {
                return;
            };
            element.scroll_into_view();
            use wasm_bindgen::JsCast;
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        },
        std::time::Duration::from_millis(60),
    );
}

/// The tab that shows a linked item's card.
fn tab_of(link: &LinkRef) -> Option<Tab> {
    (link.kind == "persona").then_some(Tab::Personas)
}

/// Whether the linked item has a card to jump to (on this tab or another).
pub fn can_jump(link: &LinkRef) -> bool {
    tab_of(link).is_some() || linked_element(link).is_some()
}

/// The element showing a linked item: its card has the id `{kind}-{id}`.
fn linked_element(link: &LinkRef) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id(&format!("{}-{}", link.kind, link.id))
}

/// The side panel for what is selected: a node's or a connection's details and failure points,
/// or what to do with several things at once.
#[component]
pub fn MapInspector() -> impl IntoView {
    let state = expect_context::<MapState>();
    // What the panel shows, compared before anything is rebuilt: an edit to another item (a
    // failure point added elsewhere, another laptop's change, an undo) leaves the form, and
    // whatever is being typed into it, alone.
    let inspected = Memo::new(move |_| {
        let selected = state.selected.get();
        if selected.len() > 1 {
            return Inspected::Several(selected.len());
        }
        let Some(id) = selected.into_iter().next() else {
            return Inspected::Nothing;
        };
        if let Some(node) = state.shown_node(&id) {
            Inspected::Node(node.with(|n| n.node.clone()))
        } else if let Some(connection) = state.shown_connection(&id) {
            Inspected::Connection(connection.with(|c| c.connection.clone()))
        } else {
            Inspected::Nothing
        }
    });
    move || {
        match inspected.get() {
        Inspected::Nothing => view! {
            <p class="muted" data-testid="inspector-empty">{t("map-inspector-empty")}</p>
        }
        .into_any(),
        Inspected::Several(count) => view! {
            <div class="inspector-several">
                <p data-testid="selection-count">{t_args("map-selected-count", &[("count", (count as i64).into())])}</p>
                <div class="button-row">
                    <button on:click=move |_| duplicate_selected(state)>{t("map-duplicate")}</button>
                    <button class="danger" on:click=move |_| delete_selected(state)>{t("map-delete")}</button>
                </div>
            </div>
        }
        .into_any(),
        Inspected::Node(node) => view! { <MapNodeDetails node=node /> }.into_any(),
        Inspected::Connection(connection) => {
            view! { <MapConnectionDetails connection=connection /> }.into_any()
        }
    }
    }
}

/// What the side panel is showing.
#[derive(Clone, Debug, PartialEq)]
enum Inspected {
    Nothing,
    Several(usize),
    Node(MapNode),
    Connection(MapConnection),
}
