//! One signal per node and connection, kept in step with the map, so each item's view follows
//! its own item and nothing else. With a signal for the whole map, every edit woke thousands of
//! views on a big map just for them to find that nothing of theirs had changed (docs/BENCHMARKS.md:
//! adding a node to a 1,000-node map took 200 ms; the target is 50 ms).

use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use systematic_ipc::{MapConnection, MapNode, MapView};

/// A node as its view draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownNode {
    pub node: MapNode,
    /// How many failure points are on it.
    pub failures: usize,
}

/// A connection as its view draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownConnection {
    pub connection: MapConnection,
    /// Another connection goes the other way, so the two are drawn side by side.
    pub both_ways: bool,
    pub failures: usize,
}

/// The signals, by item id. Items that leave the map lose theirs (a view still showing one keeps
/// its own handle until it goes).
#[derive(Default)]
pub struct ItemSignals {
    nodes: HashMap<String, ArcRwSignal<ShownNode>>,
    connections: HashMap<String, ArcRwSignal<ShownConnection>>,
    selected: HashMap<String, ArcRwSignal<bool>>,
}

impl ItemSignals {
    pub fn node(&self, id: &str) -> Option<ArcRwSignal<ShownNode>> {
        self.nodes.get(id).cloned()
    }

    pub fn connection(&self, id: &str) -> Option<ArcRwSignal<ShownConnection>> {
        self.connections.get(id).cloned()
    }

    /// Whether `id` is selected, as a signal of its own; `now` is the selection at this moment.
    pub fn selected(&mut self, id: &str, now: &BTreeSet<String>) -> ArcRwSignal<bool> {
        self.selected
            .entry(id.to_owned())
            .or_insert_with(|| ArcRwSignal::new(now.contains(id)))
            .clone()
    }

    /// Flips the selected flag of the items whose selection changed from `before` to `now`.
    pub fn reselect(&self, before: &BTreeSet<String>, now: &BTreeSet<String>) {
        for id in before.symmetric_difference(now) {
            if let Some(signal) = self.selected.get(id) {
                signal.set(now.contains(id));
            }
        }
    }

    /// Brings every signal up to date with `map`: only the items that changed are told.
    pub fn sync(&mut self, map: &MapView) {
        let mut failures: HashMap<&str, usize> = HashMap::new();
        for f in &map.failures {
            *failures.entry(f.failure.on.as_str()).or_insert(0) += 1;
        }
        let count = |id: &str| failures.get(id).copied().unwrap_or(0);
        let pairs: HashSet<(&str, &str)> = map
            .connections
            .iter()
            .map(|c| (c.connection.from.as_str(), c.connection.to.as_str()))
            .collect();
        let nodes = map.nodes.iter().map(|n| {
            let shown = ShownNode {
                node: n.clone(),
                failures: count(&n.id),
            };
            (n.id.as_str(), shown)
        });
        update(&mut self.nodes, nodes);
        let connections = map.connections.iter().map(|c| {
            let (from, to) = (c.connection.from.as_str(), c.connection.to.as_str());
            let shown = ShownConnection {
                connection: c.clone(),
                both_ways: from != to && pairs.contains(&(to, from)),
                failures: count(&c.id),
            };
            (c.id.as_str(), shown)
        });
        update(&mut self.connections, connections);
        let on_map: HashSet<&str> = map
            .nodes
            .iter()
            .map(|n| n.id.as_str())
            .chain(map.connections.iter().map(|c| c.id.as_str()))
            .collect();
        self.selected.retain(|id, _| on_map.contains(id.as_str()));
    }
}

/// Sets the signals whose value changed, adds new ones, and drops those of items now gone.
fn update<'a, T: Clone + PartialEq + Send + Sync + 'static>(
    signals: &mut HashMap<String, ArcRwSignal<T>>,
    items: impl Iterator<Item = (&'a str, T)>,
) {
    let mut live: HashSet<String> = HashSet::new();
    for (id, shown) in items {
        match signals.get(id) {
            Some(signal) => {
                if signal.with_untracked(|old| old != &shown) {
                    signal.set(shown);
                }
            }
            None => {
                signals.insert(id.to_owned(), ArcRwSignal::new(shown));
            }
        }
        live.insert(id.to_owned());
    }
    if live.len() != signals.len() {
        signals.retain(|id, _| live.contains(id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use systematic_ipc::{ConnectionDraft, FailureDraft, MapFailure, NodeDraft};

    fn map() -> MapView {
        let node = |id: &str| MapNode {
            id: id.into(),
            node: NodeDraft {
                label: id.into(),
                ..NodeDraft::default()
            },
        };
        let connection = |id: &str, from: &str, to: &str| MapConnection {
            id: id.into(),
            connection: ConnectionDraft {
                from: from.into(),
                to: to.into(),
                ..ConnectionDraft::default()
            },
        };
        MapView {
            nodes: vec![node("a"), node("b"), node("c")],
            connections: vec![
                connection("ab", "a", "b"),
                connection("ba", "b", "a"),
                connection("bc", "b", "c"),
            ],
            failures: vec![MapFailure {
                id: "f".into(),
                failure: FailureDraft {
                    on: "bc".into(),
                    ..FailureDraft::default()
                },
            }],
            ..MapView::default()
        }
    }

    #[test]
    fn items_get_their_own_data_with_two_way_pairs_and_failure_counts() {
        let mut items = ItemSignals::default();
        items.sync(&map());
        let ab = items.connection("ab").expect("ab");
        assert!(ab.get_untracked().both_ways);
        let bc = items.connection("bc").expect("bc").get_untracked();
        assert!(!bc.both_ways);
        assert_eq!(bc.failures, 1);
        assert_eq!(items.node("a").expect("a").get_untracked().failures, 0);
    }

    #[test]
    fn a_sync_changes_only_what_changed_and_forgets_what_went() {
        let mut items = ItemSignals::default();
        let mut m = map();
        items.sync(&m);
        let a = items.node("a").expect("a");
        let b = items.node("b").expect("b");
        m.nodes[1].node.label = "B".into();
        m.nodes.remove(2);
        m.connections.retain(|c| c.id != "bc");
        m.failures.clear();
        items.sync(&m);
        assert_eq!(
            b.get_untracked().node.node.label,
            "B",
            "the same signal got the change"
        );
        assert!(std::ptr::eq(
            &*a.read_untracked(),
            &*items.node("a").unwrap().read_untracked()
        ));
        assert!(items.node("c").is_none() && items.connection("bc").is_none());
    }

    #[test]
    fn selection_flags_follow_the_selection() {
        let mut items = ItemSignals::default();
        items.sync(&map());
        let none = BTreeSet::new();
        let a = items.selected("a", &none);
        let b = items.selected("b", &none);
        let now: BTreeSet<String> = ["a".to_owned()].into();
        items.reselect(&none, &now);
        assert!(a.get_untracked() && !b.get_untracked());
        assert!(!items.selected("ab", &now).get_untracked());
    }
}
