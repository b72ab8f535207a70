use crate::components::loop_play::LoopPlay;
use crate::i18n::{t, t_args};
use crate::map_state::{Highlight, MapState};
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};
use systematic_ipc::{LoopKind, LostRoute, MapAnalysis};

/// How many of the most central nodes are named.
const TOP: usize = 5;

/// What the map says that is hard to see by eye: its feedback loops, its single points of
/// failure, the nodes most routes pass through, and what each persona can reach. Clicking a
/// result highlights it on the map.
#[component]
pub fn AnalysisPanel() -> impl IntoView {
    let state = expect_context::<MapState>();
    let analysis = RwSignal::new(None::<MapAnalysis>);
    // Analysed again whenever the map changes while the panel is open.
    Effect::new(move |_| {
        state.map.track();
        leptos::task::spawn_local(async move {
            match crate::ipc::analyze_map(state.workshop_id()).await {
                Ok(found) => analysis.set(Some(found)),
                Err(e) => state.error.set(Some(e)),
            }
        });
    });
    let labels = Memo::new(move |_| {
        state.map.with(|m| {
            m.nodes
                .iter()
                .map(|n| (n.id.clone(), n.node.label.clone()))
                .collect::<HashMap<String, String>>()
        })
    });
    let name = move |id: &str| labels.with(|l| l.get(id).cloned().unwrap_or_default());
    let highlight = move |nodes: Vec<String>, connections: Vec<String>| {
        state.highlight.set(Some(Highlight {
            nodes: nodes.into_iter().collect::<BTreeSet<_>>(),
            connections: connections.into_iter().collect(),
        }));
    };
    let lost_text = move |routes: &[LostRoute]| -> String {
        if routes.is_empty() {
            return t("analysis-splits-map");
        }
        routes
            .iter()
            .map(|r| {
                let services: Vec<String> = r.services.iter().map(|s| name(s)).collect();
                t_args(
                    "analysis-loses-route",
                    &[
                        ("persona", name(&r.persona).into()),
                        ("services", services.join(", ").into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };

    let body = move || {
        let Some(found) = analysis.get() else {
            return view! { <p class="muted">{t("analysis-working")}</p> }.into_any();
        };
        let loops = found
            .loops
            .iter()
            .map(|l| {
                let kind = match l.kind {
                    LoopKind::Reinforcing => "reinforcing",
                    LoopKind::Balancing => "balancing",
                    LoopKind::Unclear => "unclear",
                };
                let mut path: Vec<String> = l.nodes.iter().map(|n| name(n)).collect();
                if let Some(first) = path.first().cloned() {
                    path.push(first);
                }
                let (nodes, connections) = (l.nodes.clone(), l.connections.clone());
                view! {
                    <li>
                        <button class=format!("link loop-{kind}") data-testid="analysis-loop"
                            on:click=move |_| highlight(nodes.clone(), connections.clone())>
                            <b>{t(&format!("analysis-loop-{kind}"))}</b>": "{path.join(" → ")}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let cuts = found
            .cut_points
            .iter()
            .map(|c| {
                let node = c.node.clone();
                let mut nodes = vec![node.clone()];
                nodes.extend(
                    c.lost_routes
                        .iter()
                        .flat_map(|r| r.services.iter().cloned()),
                );
                view! {
                    <li data-testid="analysis-cut-point">
                        <button class="link" on:click=move |_| highlight(nodes.clone(), vec![])>
                            {t_args("analysis-if-goes", &[("name", name(&node).into())])}
                        </button>
                        " "{lost_text(&c.lost_routes)}
                    </li>
                }
            })
            .collect_view();
        let bridges = found.bridges.iter().map(|b| {
            let (a, z) = b.between.clone();
            let connections = b.connections.clone();
            view! {
                <li data-testid="analysis-bridge">
                    <button class="link" on:click={
                        let (a, z) = (a.clone(), z.clone());
                        move |_| highlight(vec![a.clone(), z.clone()], connections.clone())
                    }>
                        {t_args("analysis-if-link-goes", &[("from", name(&a).into()), ("to", name(&z).into())])}
                    </button>
                    " "{lost_text(&b.lost_routes)}
                </li>
            }
        }).collect_view();
        let top = found.centrality.iter().take(TOP).map(|row| {
            let id = row.id.clone();
            view! {
                <li data-testid="analysis-central">
                    <button class="link" on:click=move |_| highlight(vec![id.clone()], vec![])>{row.label.clone()}</button>
                    ": "{t_args("analysis-central-detail", &[
                        ("degree", i64::from(row.degree).into()),
                        ("in", i64::from(row.in_degree).into()),
                        ("out", i64::from(row.out_degree).into()),
                        ("percent", ((row.betweenness * 100.0).round() as i64).into()),
                    ])}
                </li>
            }
        }).collect_view();
        let reach = found.persona_reach.iter().map(|r| {
            let mut nodes = vec![r.from.clone()];
            nodes.extend(r.reached.iter().flat_map(|x| x.path.iter().cloned()));
            let services: Vec<String> = r.reached.iter().map(|x| name(&x.node)).collect();
            view! {
                <li data-testid="analysis-reach">
                    <button class="link" on:click=move |_| highlight(nodes.clone(), vec![])>{name(&r.from)}</button>
                    ": "{if services.is_empty() { t("analysis-reaches-nothing") } else {
                        t_args("analysis-reaches", &[("count", (services.len() as i64).into()), ("services", services.join(", ").into())])
                    }}
                </li>
            }
        }).collect_view();
        view! {
            <section aria-labelledby="loops-heading">
                <h3 id="loops-heading">{t_args("analysis-loops", &[("count", (found.loops.len() as i64).into())])}</h3>
                {found.loops_capped.then(|| view! {
                    <p class="muted" data-testid="loops-capped">{t_args("analysis-loops-capped", &[("cap", (found.loop_cap as i64).into())])}</p>
                })}
                <ol class="analysis-list">{loops}</ol>
            </section>
            <section aria-labelledby="spof-heading">
                <h3 id="spof-heading">{t("analysis-single-points")}</h3>
                {(found.cut_points.is_empty() && found.bridges.is_empty()).then(|| view! { <p class="muted">{t("analysis-no-single-points")}</p> })}
                <ul class="analysis-list">{cuts}{bridges}</ul>
            </section>
            <section aria-labelledby="central-heading">
                <h3 id="central-heading">{t("analysis-most-central")}</h3>
                <ol class="analysis-list">{top}</ol>
            </section>
            <section aria-labelledby="reach-heading">
                <h3 id="reach-heading">{t("analysis-persona-reach")}</h3>
                {found.persona_reach.is_empty().then(|| view! { <p class="muted">{t("analysis-no-personas")}</p> })}
                <ul class="analysis-list">{reach}</ul>
            </section>
        }
        .into_any()
    };

    view! {
        <aside class="analysis-panel" data-testid="analysis-panel" aria-label=t("map-analysis")>
            <div class="section-head">
                <h2>{t("map-analysis")}</h2>
                <button class="link" data-testid="clear-highlight" on:click=move |_| state.highlight.set(None)
                    disabled=move || state.highlight.with(|h| h.is_none())>{t("analysis-clear")}</button>
            </div>
            <LoopPlay />
            {body}
        </aside>
    }
}
