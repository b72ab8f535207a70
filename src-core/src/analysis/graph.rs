//! The map as a graph: nodes indexed in id order, parallel connections collapsed.

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use systematic_ipc::{MapConnection, MapNode, NodeKind, Polarity};

/// One arrow of the collapsed graph: every connection from one node to another.
#[derive(Debug, Clone)]
pub struct Step {
    /// The connections' ids, smallest first.
    pub connections: Vec<String>,
    /// Their polarity when they all agree; unknown otherwise.
    pub polarity: Polarity,
}

/// The map as a directed graph. Node `i` is the `i`th node in id order, so every result is the
/// same whatever order the document lists things in.
pub struct MapGraph {
    ids: Vec<String>,
    labels: Vec<String>,
    kinds: Vec<NodeKind>,
    index: HashMap<String, usize>,
    steps: BTreeMap<(usize, usize), Step>,
    /// `successors[i]`: where the arrows from `i` lead, in index order (searches run on this).
    successors: Vec<Vec<usize>>,
    directed: DiGraph<(), ()>,
}

impl MapGraph {
    /// Builds the graph; connections whose ends are not on the map are left out.
    pub fn new(nodes: &[MapNode], connections: &[MapConnection]) -> Self {
        let mut sorted: Vec<&MapNode> = nodes.iter().collect();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        sorted.dedup_by(|a, b| a.id == b.id);
        let index: HashMap<String, usize> = sorted
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        let mut steps: BTreeMap<(usize, usize), Step> = BTreeMap::new();
        let mut sorted_connections: Vec<&MapConnection> = connections.iter().collect();
        sorted_connections.sort_by(|a, b| a.id.cmp(&b.id));
        for c in sorted_connections {
            let (Some(&from), Some(&to)) =
                (index.get(&c.connection.from), index.get(&c.connection.to))
            else {
                continue;
            };
            steps
                .entry((from, to))
                .and_modify(|step| {
                    step.connections.push(c.id.clone());
                    if step.polarity != c.connection.polarity {
                        step.polarity = Polarity::Unknown;
                    }
                })
                .or_insert_with(|| Step {
                    connections: vec![c.id.clone()],
                    polarity: c.connection.polarity,
                });
        }
        let mut successors = vec![Vec::new(); sorted.len()];
        for &(from, to) in steps.keys() {
            successors[from].push(to);
        }
        let mut directed = DiGraph::with_capacity(sorted.len(), steps.len());
        for _ in &sorted {
            directed.add_node(());
        }
        for &(from, to) in steps.keys() {
            directed.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
        }
        Self {
            ids: sorted.iter().map(|n| n.id.clone()).collect(),
            labels: sorted.iter().map(|n| n.node.label.clone()).collect(),
            kinds: sorted.iter().map(|n| n.node.kind).collect(),
            index,
            steps,
            successors,
            directed,
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn id(&self, i: usize) -> &str {
        &self.ids[i]
    }

    pub fn label(&self, i: usize) -> &str {
        &self.labels[i]
    }

    pub fn kind(&self, i: usize) -> NodeKind {
        self.kinds[i]
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The connections from `from` to `to`, if any.
    pub fn step(&self, from: usize, to: usize) -> Option<&Step> {
        self.steps.get(&(from, to))
    }

    /// The directed graph, one edge per [`Step`].
    pub fn directed(&self) -> &DiGraph<(), ()> {
        &self.directed
    }

    /// Where the arrows from `i` lead, in index order.
    pub fn successors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.successors[i].iter().copied()
    }

    /// The underlying undirected network: one link per pair of distinct nodes joined either way.
    pub fn undirected(&self) -> UnGraph<(), ()> {
        let pairs: BTreeSet<(usize, usize)> = self
            .steps
            .keys()
            .filter(|(a, b)| a != b)
            .map(|&(a, b)| (a.min(b), a.max(b)))
            .collect();
        let mut graph = UnGraph::with_capacity(self.len(), pairs.len());
        for _ in 0..self.len() {
            graph.add_node(());
        }
        for (a, b) in pairs {
            graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
        graph
    }

    /// Every connection between `a` and `b`, either way, smallest id first.
    pub fn connections_between(&self, a: usize, b: usize) -> Vec<String> {
        let mut ids: Vec<String> = [(a, b), (b, a)]
            .iter()
            .filter_map(|pair| self.steps.get(pair))
            .flat_map(|step| step.connections.iter().cloned())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }
}
