use crate::i18n::t;
use crate::map_state::MapState;
use leptos::prelude::*;

/// The map as two tables, for screen readers and keyboards: every node with its kind, level and
/// failure points, and every connection read out as a sentence. Choosing a row selects it on
/// the canvas and opens it in the side panel.
#[component]
pub fn MapListView() -> impl IntoView {
    let state = expect_context::<MapState>();
    let select = move |id: String| state.selected.set([id].into_iter().collect());
    let rows = move || {
        state.map.with(|m| {
            m.nodes
                .iter()
                .map(|n| {
                    let id = n.id.clone();
                    let failures = state.failure_counts.with(|c| c.get(&n.id).copied().unwrap_or(0));
                    view! {
                        <tr data-testid="map-list-node">
                            <td><button class="link" on:click=move |_| select(id.clone())>{n.node.label.clone()}</button></td>
                            <td>{t(&format!("node-kind-{}", n.node.kind.name()))}</td>
                            <td>{n.node.level.map(|l| t(&format!("level-{}", l.name()))).unwrap_or_default()}</td>
                            <td>{(failures > 0).then(|| failures.to_string())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let connection_rows = move || {
        state.map.with(|m| {
            let label = |id: &str| {
                m.nodes
                    .iter()
                    .find(|n| n.id == id)
                    .map(|n| n.node.label.clone())
                    .unwrap_or_default()
            };
            m.connections
                .iter()
                .map(|c| {
                    let id = c.id.clone();
                    let d = &c.connection;
                    view! {
                        <tr data-testid="map-list-connection">
                            <td><button class="link" on:click=move |_| select(id.clone())>{label(&d.from)}</button></td>
                            <td>{format!("{} {}", d.polarity.sign(), t(&format!("polarity-{}", d.polarity.name())))}</td>
                            <td>{label(&d.to)}</td>
                            <td>{d.label.clone()}{d.delay.then(|| format!(" ‖ {}", t("map-delay")))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="map-list" data-testid="map-list">
            <table>
                <caption>{t("map-list-nodes")}</caption>
                <thead><tr><th>{t("field-label")}</th><th>{t("field-kind")}</th><th>{t("field-level")}</th><th>{t("map-failures")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <table>
                <caption>{t("map-list-connections")}</caption>
                <thead><tr><th>{t("field-from")}</th><th>{t("field-polarity")}</th><th>{t("field-to")}</th><th>{t("field-label")}</th></tr></thead>
                <tbody>{connection_rows}</tbody>
            </table>
        </div>
    }
}
