//! Reach: everything downstream of a node, following the arrows, with the shortest route.

use super::MapGraph;
use std::collections::VecDeque;
use systematic_ipc::{NodeKind, Reach, Reached};

/// Breadth-first from `start`; `parent[i]` is the node `i` was first reached from. Neighbours
/// are visited in id order, so the route given is the shortest one that is first in id order.
fn parents(graph: &MapGraph, start: usize) -> Vec<Option<usize>> {
    let mut parent = vec![None; graph.len()];
    let mut seen = vec![false; graph.len()];
    seen[start] = true;
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for next in graph.successors(node) {
            if !seen[next] {
                seen[next] = true;
                parent[next] = Some(node);
                queue.push_back(next);
            }
        }
    }
    parent
}

/// What `start` reaches: the nodes whose kind passes `wanted`, each with its route.
pub fn reach(graph: &MapGraph, start: usize, wanted: impl Fn(NodeKind) -> bool) -> Reach {
    let parent = parents(graph, start);
    let reached = (0..graph.len())
        .filter(|&i| i != start && parent[i].is_some() && wanted(graph.kind(i)))
        .map(|i| {
            let mut path = vec![i];
            let mut at = i;
            while let Some(p) = parent[at] {
                path.push(p);
                at = p;
            }
            path.reverse();
            Reached {
                node: graph.id(i).to_owned(),
                path: path.iter().map(|&n| graph.id(n).to_owned()).collect(),
            }
        })
        .collect();
    Reach {
        from: graph.id(start).to_owned(),
        reached,
    }
}

/// Everything downstream of the node `id` (what is affected if it fails); `None` when there is
/// no such node on the map.
pub fn reach_from(graph: &MapGraph, id: &str) -> Option<Reach> {
    graph
        .index_of(id)
        .map(|start| reach(graph, start, |_| true))
}
