//! Degree and betweenness per node.

use super::MapGraph;
use petgraph::Direction;
use rustworkx_core::centrality::betweenness_centrality;
use systematic_ipc::NodeCentrality;

/// Below this many nodes betweenness runs on one thread (rayon's start-up costs more).
const PARALLEL_FROM: usize = 200;

/// Every node's degree and betweenness, most between first (ties: higher degree, then id).
/// Betweenness is directed and normalised by (n−1)(n−2), endpoints excluded, as networkx's
/// `betweenness_centrality(G)` of a `DiGraph`.
pub fn centrality(graph: &MapGraph) -> Vec<NodeCentrality> {
    let directed = graph.directed();
    let betweenness = betweenness_centrality(directed, false, true, PARALLEL_FROM);
    let mut rows: Vec<NodeCentrality> = directed
        .node_indices()
        .map(|n| {
            let in_degree = directed.neighbors_directed(n, Direction::Incoming).count() as u32;
            let out_degree = directed.neighbors_directed(n, Direction::Outgoing).count() as u32;
            NodeCentrality {
                id: graph.id(n.index()).to_owned(),
                label: graph.label(n.index()).to_owned(),
                in_degree,
                out_degree,
                degree: in_degree + out_degree,
                betweenness: betweenness
                    .get(n.index())
                    .copied()
                    .flatten()
                    .unwrap_or_default(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then(b.degree.cmp(&a.degree))
            .then(a.id.cmp(&b.id))
    });
    rows
}
