use crate::components::failure_points_editor::FailurePointsEditor;
use crate::components::map_canvas::{delete_selected, duplicate_selected};
use crate::components::map_inspector::{can_jump, jump_to};
use crate::components::workshop_tabs::Tab;
use crate::i18n::t;
use crate::map_state::MapState;
use leptos::prelude::*;
use systematic_ipc::{ConnectionDraft, Level, MapEdit, MapNode, NodeKind, Polarity};

/// A node's details, links and failure points, with a keyboard way to connect it.
#[component]
pub fn MapNodeDetails(node: MapNode) -> impl IntoView {
    let state = expect_context::<MapState>();
    // Jumping to a persona card shows the Personas tab.
    let tab = use_context::<RwSignal<Tab>>();
    let id = node.id.clone();
    let draft = node.node.clone();
    let label = RwSignal::new(draft.label.clone());
    let kind = RwSignal::new(draft.kind);
    let level = RwSignal::new(draft.level);
    let notes = RwSignal::new(draft.notes.clone());
    let pinned = RwSignal::new(draft.pinned);
    let links = RwSignal::new(draft.links.clone());
    // Read from the fields when Connect is pressed, not from change events, so a choice made
    // any way at all (keyboard, mouse, assistive technology) counts.
    let connect_to = NodeRef::<leptos::html::Select>::new();
    let polarity = NodeRef::<leptos::html::Select>::new();

    let save = {
        let id = id.clone();
        let draft = draft.clone();
        move |_| {
            let mut node = draft.clone();
            node.label = label.get_untracked().trim().to_owned();
            node.kind = kind.get_untracked();
            node.level = level.get_untracked();
            node.notes = notes.get_untracked();
            node.pinned = pinned.get_untracked();
            node.links = links.get_untracked();
            state.edit(
                vec![MapEdit::UpdateNode {
                    id: id.clone(),
                    node,
                }],
                |_| {},
            );
        }
    };
    let connect = {
        let id = id.clone();
        move |_| {
            let to = connect_to
                .get_untracked()
                .map(|s| s.value())
                .unwrap_or_default();
            if to.is_empty() {
                return;
            }
            let polarity = polarity
                .get_untracked()
                .and_then(|s| Polarity::from_name(&s.value()))
                .unwrap_or_default();
            let connection = ConnectionDraft {
                from: id.clone(),
                to,
                polarity,
                ..ConnectionDraft::default()
            };
            state.edit(vec![MapEdit::AddConnection { connection }], |_| {});
        }
    };
    // The other nodes as they are when the list is opened (nodes may come and go meanwhile).
    let others = {
        let id = id.clone();
        move || -> Vec<(String, String)> {
            state.map.with_untracked(|m| {
                m.nodes
                    .iter()
                    .filter(|n| n.id != id)
                    .map(|n| (n.id.clone(), n.node.label.clone()))
                    .collect()
            })
        }
    };
    let listed = RwSignal::new(false);
    let targets = state.map.with_untracked(|m| m.link_targets.clone());
    let downstream_id = id.clone();
    let show_downstream = move |_| {
        let node = downstream_id.clone();
        leptos::task::spawn_local(async move {
            match crate::ipc::map_reach(state.workshop_id(), node.clone()).await {
                Ok(reach) => {
                    let mut nodes: std::collections::BTreeSet<String> =
                        reach.reached.iter().map(|r| r.node.clone()).collect();
                    nodes.insert(node);
                    state.highlight.set(Some(crate::map_state::Highlight {
                        nodes,
                        connections: Default::default(),
                    }));
                }
                Err(e) => state.error.set(Some(e)),
            }
        });
    };

    view! {
        <form class="inspector" data-testid="node-inspector" on:submit=move |ev| { ev.prevent_default(); save(()) }>
            <h3>{t("map-node-details")}</h3>
            <label>{t("field-label")}
                <input type="text" maxlength="120" data-testid="node-label" prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev)) />
            </label>
            <label>{t("field-kind")}
                <select data-testid="node-kind" on:change=move |ev| {
                    if let Some(k) = NodeKind::from_name(&event_target_value(&ev)) { kind.set(k) }
                }>
                    {NodeKind::ALL.into_iter().map(|k| view! {
                        <option value=k.name() selected=move || kind.get() == k>{t(&format!("node-kind-{}", k.name()))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{t("field-level")}
                <select data-testid="node-level" on:change=move |ev| level.set(Level::from_name(&event_target_value(&ev)))>
                    <option value="" selected=move || level.get().is_none()>{t("map-level-none")}</option>
                    {Level::ALL.into_iter().map(|l| view! {
                        <option value=l.name() selected=move || level.get() == Some(l)>{t(&format!("level-{}", l.name()))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>{t("field-notes")}
                <textarea rows="3" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="node-pinned" prop:checked=move || pinned.get()
                    on:change=move |ev| pinned.set(event_target_checked(&ev)) />
                {t("map-pinned")}
            </label>
            {(!targets.is_empty()).then(|| view! {
                <fieldset class="links">
                    <legend>{t("map-links")}</legend>
                    {targets.into_iter().map(|target| {
                        let item = target.item.clone();
                        let item_for_check = item.clone();
                        let item_for_jump = item.clone();
                        let checked = move || links.with(|l| l.contains(&item_for_check));
                        view! {
                            <div class="link-row">
                                <label class="check">
                                    <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let item = item.clone();
                                        links.update(|l| { l.retain(|x| *x != item); if on { l.push(item) } });
                                    } />
                                    {format!("{} · {}", t(&format!("kind-{}", target.item.kind)), target.label)}
                                </label>
                                // Only where the linked item has a card (persona cards today).
                                {can_jump(&item_for_jump).then(|| view! {
                                    <button type="button" class="link" data-testid="jump-link"
                                        on:click=move |_| jump_to(&item_for_jump, tab)>{t("map-jump")}</button>
                                })}
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <div class="button-row">
                <button type="submit" class="primary" data-testid="save-node">{t("map-save")}</button>
                <button type="button" on:click=move |_| duplicate_selected(state)>{t("map-duplicate")}</button>
                <button type="button" data-testid="show-downstream" on:click=show_downstream>{t("map-downstream")}</button>
                <button type="button" class="danger" data-testid="delete-selected" on:click=move |_| delete_selected(state)>{t("map-delete")}</button>
            </div>
            <fieldset class="connect-by-keyboard">
                <legend>{t("map-connect-to")}</legend>
                // The other nodes are listed once the list is reached (focus, or a press on it):
                // on a big map, a thousand options made every click on a node slow.
                <select data-testid="connect-to" node_ref=connect_to
                    on:focus=move |_| list_once(listed) on:pointerdown=move |_| list_once(listed)>
                    <option value="">{t("map-connect-choose")}</option>
                    {move || listed.get().then(|| {
                        others().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()
                    })}
                </select>
                <select data-testid="connect-polarity" node_ref=polarity>
                    {Polarity::ALL.into_iter().map(|p| view! {
                        <option value=p.name() selected=p == Polarity::Unknown>{t(&format!("polarity-{}", p.name()))}</option>
                    }).collect_view()}
                </select>
                <button type="button" data-testid="connect" on:click=connect>{t("map-connect")}</button>
            </fieldset>
            <FailurePointsEditor on=id.clone() />
        </form>
    }
}

/// Fills the "connect to" list the first time it is reached (and not again, which would reset
/// a choice already made in it).
fn list_once(listed: RwSignal<bool>) {
    if !listed.get_untracked() {
        listed.set(true);
    }
}
