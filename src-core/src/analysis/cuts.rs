//! Single points of failure: the cut points and bridges of the underlying network, and which
//! personas would lose their route to which services without them.

use super::reach::parents;
use super::MapGraph;
use rustworkx_core::connectivity::{articulation_points, bridges as find_bridges};
use systematic_ipc::{Bridge, CutPoint, LostRoute, NodeKind};

/// The nodes whose loss would split the network, in id order.
pub fn cut_points(graph: &MapGraph, personas: &[usize]) -> Vec<CutPoint> {
    let undirected = graph.undirected();
    let mut points: Vec<usize> = articulation_points(&undirected, None)
        .into_iter()
        .map(|n| n.index())
        .collect();
    points.sort_unstable();
    points
        .into_iter()
        .map(|node| CutPoint {
            node: graph.id(node).to_owned(),
            lost_routes: lost_routes(graph, personas, |g, p| {
                if p == node {
                    None
                } else {
                    Some(parents_without_node(g, p, node))
                }
            }),
        })
        .collect()
}

/// The links whose loss would split the network, in order of their ends' ids.
pub fn bridges(graph: &MapGraph, personas: &[usize]) -> Vec<Bridge> {
    let undirected = graph.undirected();
    let mut pairs: Vec<(usize, usize)> = find_bridges(&undirected)
        .into_iter()
        .map(|(a, b)| (a.index().min(b.index()), a.index().max(b.index())))
        .collect();
    pairs.sort_unstable();
    pairs
        .into_iter()
        .map(|(a, b)| Bridge {
            between: (graph.id(a).to_owned(), graph.id(b).to_owned()),
            connections: graph.connections_between(a, b),
            lost_routes: lost_routes(graph, personas, |g, p| {
                Some(reached_without_link(g, p, a, b))
            }),
        })
        .collect()
}

fn parents_without_node(graph: &MapGraph, start: usize, gone: usize) -> Vec<bool> {
    let parent = parents(graph, start, Some(gone));
    (0..graph.len())
        // The failed node itself is not counted as a lost route: only what lies beyond it.
        .map(|i| i == start || i == gone || parent[i].is_some())
        .collect()
}

/// What `start` reaches when the link between `a` and `b` (both ways) is gone.
fn reached_without_link(graph: &MapGraph, start: usize, a: usize, b: usize) -> Vec<bool> {
    let mut seen = vec![false; graph.len()];
    seen[start] = true;
    let mut stack = vec![start];
    while let Some(node) = stack.pop() {
        for next in graph.successors(node) {
            let cut = (node == a && next == b) || (node == b && next == a);
            if !cut && !seen[next] {
                seen[next] = true;
                stack.push(next);
            }
        }
    }
    seen
}

/// For each persona, the services it reaches today but not in the damaged map that `damaged`
/// gives (`None`: the persona itself is what fails, so nothing is listed for it).
fn lost_routes(
    graph: &MapGraph,
    personas: &[usize],
    damaged: impl Fn(&MapGraph, usize) -> Option<Vec<bool>>,
) -> Vec<LostRoute> {
    personas
        .iter()
        .filter_map(|&p| {
            let after = damaged(graph, p)?;
            let before = parents(graph, p, None);
            let services: Vec<String> = (0..graph.len())
                .filter(|&s| {
                    graph.kind(s) == NodeKind::Service && s != p && before[s].is_some() && !after[s]
                })
                .map(|s| graph.id(s).to_owned())
                .collect();
            (!services.is_empty()).then(|| LostRoute {
                persona: graph.id(p).to_owned(),
                services,
            })
        })
        .collect()
}
