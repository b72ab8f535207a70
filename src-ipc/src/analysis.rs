//! What the map analysis finds, as the Analysis panel and `systematic analyze --json` show it.
//! The semantics (directed or not, how reciprocal connections count, normalisation) are written
//! down in `docs/ANALYSIS.md`.

use serde::{Deserialize, Serialize};

/// Whether a feedback loop amplifies change or holds it steady, from its connections' polarities.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum LoopKind {
    /// An even number of − connections: change feeds on itself.
    Reinforcing,
    /// An odd number of − connections: change pushes back.
    Balancing,
    /// At least one connection's polarity is not known yet.
    Unclear,
}

/// One elementary cycle of the map.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct FeedbackLoop {
    /// The nodes in the order the arrows go, starting from the smallest id.
    pub nodes: Vec<String>,
    /// The connections along the loop, one per step (`connections[i]` goes from `nodes[i]`).
    pub connections: Vec<String>,
    pub kind: LoopKind,
}

/// A node's links and how much of the map's traffic passes through it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct NodeCentrality {
    pub id: String,
    pub label: String,
    pub in_degree: u32,
    pub out_degree: u32,
    pub degree: u32,
    /// Share of shortest routes between other nodes that pass through this one (0 to 1).
    pub betweenness: f64,
}

/// A persona whose route to some services runs only through a single point of failure.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct LostRoute {
    pub persona: String,
    /// Services the persona reaches today and could not reach without the failing part.
    pub services: Vec<String>,
}

/// A node whose loss splits the map in two (an articulation point of the underlying network).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CutPoint {
    pub node: String,
    pub lost_routes: Vec<LostRoute>,
}

/// A link whose loss splits the map in two (a bridge of the underlying network).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Bridge {
    /// The two nodes it joins, smaller id first.
    pub between: (String, String),
    /// Every connection between the two (either direction).
    pub connections: Vec<String>,
    pub lost_routes: Vec<LostRoute>,
}

/// A node reached from another, and the shortest route there.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    pub node: String,
    /// The nodes from the start to this one, both included.
    pub path: Vec<String>,
}

/// Everything downstream of a node, following the arrows.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Reach {
    pub from: String,
    pub reached: Vec<Reached>,
}

/// The analysis of one map.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct MapAnalysis {
    pub loops: Vec<FeedbackLoop>,
    /// Loops are listed up to this many.
    pub loop_cap: usize,
    /// True when the map has more loops than the cap.
    pub loops_capped: bool,
    pub cut_points: Vec<CutPoint>,
    pub bridges: Vec<Bridge>,
    /// Every node, most between first.
    pub centrality: Vec<NodeCentrality>,
    /// From every persona node: the services it can reach, and by which route.
    pub persona_reach: Vec<Reach>,
}
