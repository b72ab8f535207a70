//! Automatic layout of the system map on demand: a force-directed simulation (`force_graph`)
//! in which connected nodes pull together and all nodes push apart. Pinned nodes are anchors:
//! they pull and push the others but never move.

use force_graph::{DefaultNodeIdx, ForceGraph, NodeData, SimulationParameters};
use std::collections::HashMap;
use systematic_ipc::{MapView, NodeMove, NODE_WIDTH};

/// The simulation settles connected nodes about 45 of its units apart; the map works in units
/// where a node is 150 wide, so the simulation runs at 1/5 scale.
const SCALE: f64 = 5.0;
const STEP_SECONDS: f32 = 0.02;

/// New positions for the unpinned nodes. Nodes that share a position (all new nodes start at
/// the same place, for instance) are first spread on a spiral, so the forces can tell them apart.
pub fn layout(map: &MapView) -> Vec<NodeMove> {
    if map.nodes.is_empty() {
        return Vec::new();
    }
    let starts = spread_coincident(map);
    let mut graph: ForceGraph<usize> = ForceGraph::new(SimulationParameters::default());
    let mut index: HashMap<&str, DefaultNodeIdx> = HashMap::new();
    for (i, node) in map.nodes.iter().enumerate() {
        let (x, y) = starts[i];
        let idx = graph.add_node(NodeData {
            x: (x / SCALE) as f32,
            y: (y / SCALE) as f32,
            is_anchor: node.node.pinned,
            user_data: i,
            ..NodeData::default()
        });
        index.insert(node.id.as_str(), idx);
    }
    for c in &map.connections {
        if let (Some(&a), Some(&b)) = (
            index.get(c.connection.from.as_str()),
            index.get(c.connection.to.as_str()),
        ) {
            if a != b {
                graph.add_edge(a, b, Default::default());
            }
        }
    }
    // Small maps settle in a few hundred steps; each step costs n² for large ones.
    let steps = if map.nodes.len() <= 200 { 600 } else { 200 };
    for _ in 0..steps {
        graph.update(STEP_SECONDS);
    }
    let mut moves = Vec::new();
    graph.visit_nodes(|node| {
        let i = node.data.user_data;
        let original = &map.nodes[i];
        let (x, y) = (f64::from(node.x()) * SCALE, f64::from(node.y()) * SCALE);
        if !original.node.pinned && x.is_finite() && y.is_finite() {
            moves.push(NodeMove {
                id: original.id.clone(),
                x,
                y,
            });
        }
    });
    moves.sort_by(|a, b| a.id.cmp(&b.id));
    moves
}

/// Start positions: each node where it is, except that the second and later nodes on one spot
/// move out along a golden-angle spiral around it.
fn spread_coincident(map: &MapView) -> Vec<(f64, f64)> {
    let mut seen: HashMap<(i64, i64), usize> = HashMap::new();
    map.nodes
        .iter()
        .map(|n| {
            let key = (n.node.x.round() as i64, n.node.y.round() as i64);
            let count = seen.entry(key).or_insert(0);
            *count += 1;
            if *count == 1 || n.node.pinned {
                return (n.node.x, n.node.y);
            }
            let k = *count as f64;
            let angle = k * 2.399_963_229_728_653;
            let radius = NODE_WIDTH * 0.6 * k.sqrt();
            (
                n.node.x + radius * angle.cos(),
                n.node.y + radius * angle.sin(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use systematic_ipc::{ConnectionDraft, MapConnection, MapNode, NodeDraft};

    fn map(n: usize, pinned: &[usize]) -> MapView {
        let nodes = (0..n)
            .map(|i| MapNode {
                id: format!("n{i:02}"),
                node: NodeDraft {
                    label: format!("Node {i}"),
                    pinned: pinned.contains(&i),
                    x: if pinned.contains(&i) { 1000.0 } else { 0.0 },
                    y: 0.0,
                    ..NodeDraft::default()
                },
            })
            .collect();
        let connections = (1..n)
            .map(|i| MapConnection {
                id: format!("c{i:02}"),
                connection: ConnectionDraft {
                    from: format!("n{:02}", i / 2),
                    to: format!("n{i:02}"),
                    ..ConnectionDraft::default()
                },
            })
            .collect();
        MapView {
            nodes,
            connections,
            ..MapView::default()
        }
    }

    #[test]
    fn nodes_piled_on_one_spot_are_spread_apart() {
        let map = map(12, &[]);
        let moves = layout(&map);
        assert_eq!(moves.len(), 12);
        for (i, a) in moves.iter().enumerate() {
            for b in &moves[i + 1..] {
                let distance = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(
                    distance > 60.0,
                    "{} and {} are {distance} apart",
                    a.id,
                    b.id
                );
            }
        }
    }

    #[test]
    fn pinned_nodes_stay_where_they_are() {
        let map = map(8, &[0, 3]);
        let moves = layout(&map);
        assert_eq!(moves.len(), 6);
        assert!(moves.iter().all(|m| m.id != "n00" && m.id != "n03"));
    }

    #[test]
    fn an_empty_map_needs_no_moves() {
        assert!(layout(&MapView::default()).is_empty());
    }
}
