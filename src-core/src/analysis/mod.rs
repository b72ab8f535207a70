//! Map analysis: feedback loops, single points of failure, centrality and reach.
//!
//! Everything works on [`MapGraph`], built once from the map's nodes and connections. The
//! semantics, checked against networkx by `tests/map_analysis.rs`, are in `docs/ANALYSIS.md`:
//! - the map is a directed graph whose parallel connections (same start, same end) count once;
//!   a connection from a node to itself is a loop of one node;
//! - loops, degree, betweenness and reach follow the arrows;
//! - cut points and bridges are those of the underlying undirected network, in which a pair of
//!   reciprocal connections is one link and self-loops are ignored (as networkx's
//!   `to_undirected()` does).

mod centrality;
mod cuts;
mod graph;
mod loops;
mod reach;

pub use graph::MapGraph;
pub use loops::DEFAULT_LOOP_CAP;
pub use reach::reach_from;

use systematic_ipc::{MapAnalysis, MapConnection, MapNode, NodeKind};

/// Analyses a map, listing at most `loop_cap` feedback loops.
pub fn analyze(nodes: &[MapNode], connections: &[MapConnection], loop_cap: usize) -> MapAnalysis {
    let graph = MapGraph::new(nodes, connections);
    let (loops, loops_capped) = loops::feedback_loops(&graph, loop_cap);
    let personas: Vec<usize> = (0..graph.len())
        .filter(|&i| graph.kind(i) == NodeKind::Persona)
        .collect();
    let reach = cuts::PersonaReach::new(&graph, &personas);
    MapAnalysis {
        loops,
        loop_cap,
        loops_capped,
        cut_points: cuts::cut_points(&graph, &reach),
        bridges: cuts::bridges(&graph, &reach),
        centrality: centrality::centrality(&graph),
        persona_reach: personas
            .iter()
            .map(|&p| reach::reach(&graph, p, |kind| kind == NodeKind::Service))
            .collect(),
    }
}

#[cfg(test)]
mod tests;
