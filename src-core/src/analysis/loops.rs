//! Feedback loops: the elementary cycles of the map, classed by their polarities.

use super::MapGraph;
use petgraph::graph::NodeIndex;
use petgraph::Graph;
use rustworkx_core::connectivity::johnson_simple_cycles;
use systematic_ipc::{FeedbackLoop, LoopKind, Polarity};

/// How many loops the app lists unless told otherwise. Large maps have millions of loops; past
/// a few hundred nobody reads them, and enumerating them all could take hours.
pub const DEFAULT_LOOP_CAP: usize = 500;

/// At most `cap` elementary cycles (Johnson's algorithm), and whether there were more. The loops
/// found are sorted shortest first, then by their nodes' ids.
pub fn feedback_loops(graph: &MapGraph, cap: usize) -> (Vec<FeedbackLoop>, bool) {
    let mut without_self_loops: Graph<(), ()> = graph.directed().clone();
    let self_loops: Vec<NodeIndex> = (0..graph.len())
        .filter(|&i| graph.step(i, i).is_some())
        .map(NodeIndex::new)
        .collect();
    without_self_loops.retain_edges(|g, e| {
        let (a, b) = g.edge_endpoints(e).unwrap_or_default();
        a != b
    });
    let mut cycles = johnson_simple_cycles(
        &without_self_loops,
        (!self_loops.is_empty()).then_some(self_loops),
    );
    let mut loops = Vec::new();
    let mut capped = false;
    while let Some(cycle) = cycles.next(&without_self_loops) {
        if loops.len() == cap {
            capped = true;
            break;
        }
        loops.push(feedback_loop(
            graph,
            cycle.iter().map(|n| n.index()).collect(),
        ));
    }
    loops.sort_by(|a, b| (a.nodes.len(), &a.nodes).cmp(&(b.nodes.len(), &b.nodes)));
    (loops, capped)
}

/// A cycle, rotated to start at its smallest node, with its connections and its kind.
fn feedback_loop(graph: &MapGraph, mut cycle: Vec<usize>) -> FeedbackLoop {
    if let Some(start) = (0..cycle.len()).min_by_key(|&i| cycle[i]) {
        cycle.rotate_left(start);
    }
    let mut negatives = 0;
    let mut unclear = false;
    let mut connections = Vec::with_capacity(cycle.len());
    for (i, &from) in cycle.iter().enumerate() {
        let to = cycle[(i + 1) % cycle.len()];
        match graph.step(from, to) {
            Some(step) => {
                connections.push(step.connections[0].clone());
                match step.polarity {
                    Polarity::Negative => negatives += 1,
                    Polarity::Unknown => unclear = true,
                    Polarity::Positive => {}
                }
            }
            None => unclear = true,
        }
    }
    let kind = if unclear {
        LoopKind::Unclear
    } else if negatives % 2 == 0 {
        LoopKind::Reinforcing
    } else {
        LoopKind::Balancing
    };
    FeedbackLoop {
        nodes: cycle.iter().map(|&i| graph.id(i).to_owned()).collect(),
        connections,
        kind,
    }
}
