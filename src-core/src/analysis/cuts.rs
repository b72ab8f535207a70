//! Single points of failure: the cut points and bridges of the underlying network, and which
//! personas would lose their route to which services without them.

use super::MapGraph;
use petgraph::algo::dominators::simple_fast;
use petgraph::graph::NodeIndex;
use rustworkx_core::connectivity::{articulation_points, bridges as find_bridges};
use systematic_ipc::{Bridge, CutPoint, LostRoute, NodeKind};

/// What each persona reaches in the whole map, worked out once and shared by every cut point and
/// bridge: most of them lie outside most personas' reach and need no second search.
pub struct PersonaReach {
    personas: Vec<usize>,
    reached: Vec<Vec<bool>>,
    /// Each persona's dominator tree as child lists: a node's subtree is everything the persona
    /// reaches only through that node (Cooper–Harvey–Kennedy, petgraph's `simple_fast`).
    dominated: Vec<Vec<Vec<usize>>>,
}

impl PersonaReach {
    pub fn new(graph: &MapGraph, personas: &[usize]) -> Self {
        let dominated = personas
            .iter()
            .map(|&p| {
                let tree = simple_fast(graph.directed(), NodeIndex::new(p));
                let mut children = vec![Vec::new(); graph.len()];
                for n in 0..graph.len() {
                    if n == p {
                        continue;
                    }
                    if let Some(parent) = tree.immediate_dominator(NodeIndex::new(n)) {
                        children[parent.index()].push(n);
                    }
                }
                children
            })
            .collect();
        Self {
            personas: personas.to_vec(),
            reached: personas.iter().map(|&p| reachable(graph, p)).collect(),
            dominated,
        }
    }

    /// What persona number `k` reaches only through `node` (the node itself excluded).
    fn only_through(&self, k: usize, node: usize) -> Vec<usize> {
        let children = &self.dominated[k];
        let mut found = Vec::new();
        let mut stack: Vec<usize> = children[node].clone();
        while let Some(n) = stack.pop() {
            found.push(n);
            stack.extend_from_slice(&children[n]);
        }
        found
    }
}

/// Everything `start` reaches along the arrows.
fn reachable(graph: &MapGraph, start: usize) -> Vec<bool> {
    let mut seen = vec![false; graph.len()];
    seen[start] = true;
    let mut stack = vec![start];
    while let Some(node) = stack.pop() {
        for next in graph.successors(node) {
            if !seen[next] {
                seen[next] = true;
                stack.push(next);
            }
        }
    }
    seen
}

/// The nodes whose loss would split the network, in id order.
pub fn cut_points(graph: &MapGraph, reach: &PersonaReach) -> Vec<CutPoint> {
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
            // Without the node, a persona loses exactly what it reaches only through it.
            lost_routes: reach
                .personas
                .iter()
                .enumerate()
                .filter(|&(k, &p)| p != node && reach.reached[k][node])
                .filter_map(|(k, &p)| {
                    let mut services: Vec<usize> = reach
                        .only_through(k, node)
                        .into_iter()
                        .filter(|&s| graph.kind(s) == NodeKind::Service && s != p)
                        .collect();
                    services.sort_unstable();
                    (!services.is_empty()).then(|| LostRoute {
                        persona: graph.id(p).to_owned(),
                        services: services.iter().map(|&s| graph.id(s).to_owned()).collect(),
                    })
                })
                .collect(),
        })
        .collect()
}

/// The links whose loss would split the network, in order of their ends' ids.
pub fn bridges(graph: &MapGraph, reach: &PersonaReach) -> Vec<Bridge> {
    let undirected = graph.undirected();
    let mut pairs: Vec<(usize, usize)> = find_bridges(&undirected)
        .into_iter()
        .map(|(a, b)| (a.index().min(b.index()), a.index().max(b.index())))
        .collect();
    pairs.sort_unstable();
    let neighbours: Vec<Vec<usize>> = (0..graph.len())
        .map(|n| {
            undirected
                .neighbors(NodeIndex::new(n))
                .map(|m| m.index())
                .collect()
        })
        .collect();
    pairs
        .into_iter()
        .map(|(a, b)| {
            // A bridge splits the network in two: a persona on one side loses what it reached on
            // the other (no route can cross back, as the bridge is the only way across).
            let b_side = side_without_link(&neighbours, b, a);
            Bridge {
                between: (graph.id(a).to_owned(), graph.id(b).to_owned()),
                connections: graph.connections_between(a, b),
                lost_routes: lost_routes(graph, reach, |p, _| {
                    let p_on_b_side = b_side[p];
                    Some((0..graph.len()).map(|n| b_side[n] == p_on_b_side).collect())
                }),
            }
        })
        .collect()
}

/// The nodes connected to `start` in the undirected network once the link `start`—`other` is gone.
fn side_without_link(neighbours: &[Vec<usize>], start: usize, other: usize) -> Vec<bool> {
    let mut seen = vec![false; neighbours.len()];
    seen[start] = true;
    let mut stack = vec![start];
    while let Some(node) = stack.pop() {
        for &next in &neighbours[node] {
            let cut = (node == start && next == other) || (node == other && next == start);
            if !cut && !seen[next] {
                seen[next] = true;
                stack.push(next);
            }
        }
    }
    seen
}

/// For each persona, the services it reaches today but not in the damaged map that `damaged`
/// gives from the persona and what it reaches today (`None`: nothing can be lost).
fn lost_routes(
    graph: &MapGraph,
    reach: &PersonaReach,
    damaged: impl Fn(usize, &[bool]) -> Option<Vec<bool>>,
) -> Vec<LostRoute> {
    reach
        .personas
        .iter()
        .zip(&reach.reached)
        .filter_map(|(&p, before)| {
            let after = damaged(p, before)?;
            let services: Vec<String> = (0..graph.len())
                .filter(|&s| graph.kind(s) == NodeKind::Service && s != p && before[s] && !after[s])
                .map(|s| graph.id(s).to_owned())
                .collect();
            (!services.is_empty()).then(|| LostRoute {
                persona: graph.id(p).to_owned(),
                services,
            })
        })
        .collect()
}
