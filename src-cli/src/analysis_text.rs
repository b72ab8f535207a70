//! `systematic analyze` in plain words.

use std::collections::HashMap;
use std::fmt::Write;
use systematic_ipc::{LoopKind, LostRoute, MapAnalysis, MapView};

/// How many of the most central nodes are named.
const TOP: usize = 5;

pub fn analysis(title: &str, map: &MapView, analysis: &MapAnalysis) -> String {
    let labels: HashMap<&str, &str> = map
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.node.label.as_str()))
        .collect();
    let name = |id: &str| labels.get(id).copied().unwrap_or(id).to_owned();
    let names = |ids: &[String]| ids.iter().map(|id| name(id)).collect::<Vec<_>>();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Map of \"{title}\": {} nodes, {} connections.",
        map.nodes.len(),
        map.connections.len()
    );

    let _ = writeln!(out, "\nFeedback loops: {}", analysis.loops.len());
    if analysis.loops_capped {
        let _ = writeln!(
            out,
            "  (the map has more; only the first {} are listed — raise --max-loops to see more)",
            analysis.loop_cap
        );
    }
    for (i, found) in analysis.loops.iter().enumerate() {
        let kind = match found.kind {
            LoopKind::Reinforcing => "reinforcing (change feeds on itself)",
            LoopKind::Balancing => "balancing (change is pushed back)",
            LoopKind::Unclear => "unclear (a connection's +/− is not known)",
        };
        let mut path = names(&found.nodes);
        if let Some(first) = path.first().cloned() {
            path.push(first);
        }
        let _ = writeln!(out, "  {}. {kind}: {}", i + 1, path.join(" → "));
    }

    let _ = writeln!(
        out,
        "\nSingle points of failure: {} nodes, {} links",
        analysis.cut_points.len(),
        analysis.bridges.len()
    );
    let lost = |routes: &[LostRoute]| -> String {
        if routes.is_empty() {
            return "it splits the map, though no persona loses a service by it".into();
        }
        routes
            .iter()
            .map(|r| {
                format!(
                    "{} loses the route to {}",
                    name(&r.persona),
                    names(&r.services).join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    for cut in &analysis.cut_points {
        let _ = writeln!(
            out,
            "  If {} goes: {}.",
            name(&cut.node),
            lost(&cut.lost_routes)
        );
    }
    for bridge in &analysis.bridges {
        let _ = writeln!(
            out,
            "  If the link {} — {} goes: {}.",
            name(&bridge.between.0),
            name(&bridge.between.1),
            lost(&bridge.lost_routes)
        );
    }

    let _ = writeln!(out, "\nMost central (top {TOP}):");
    for (i, row) in analysis.centrality.iter().take(TOP).enumerate() {
        let _ = writeln!(
            out,
            "  {}. {}: {} links ({} in, {} out); on {:.0}% of the shortest routes between other parts of the map.",
            i + 1,
            row.label,
            row.degree,
            row.in_degree,
            row.out_degree,
            row.betweenness * 100.0
        );
    }

    if !analysis.persona_reach.is_empty() {
        let _ = writeln!(out, "\nWhat each persona can reach:");
    }
    for reach in &analysis.persona_reach {
        let _ = writeln!(
            out,
            "  {} reaches {} services:",
            name(&reach.from),
            reach.reached.len()
        );
        for reached in &reach.reached {
            let _ = writeln!(
                out,
                "    {} (by {})",
                name(&reached.node),
                names(&reached.path).join(" → ")
            );
        }
    }
    out
}
