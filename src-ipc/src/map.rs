//! The system map as the canvas, the analysis panel and the import/export code see it.

use serde::{Deserialize, Serialize};

/// What a map node stands for; each kind has its own shape and colour on the canvas.
#[derive(
    Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    #[default]
    Service,
    Organisation,
    PersonRole,
    Persona,
    Condition,
    Resource,
    Factor,
}

impl NodeKind {
    pub const ALL: [NodeKind; 7] = [
        NodeKind::Service,
        NodeKind::Organisation,
        NodeKind::PersonRole,
        NodeKind::Persona,
        NodeKind::Condition,
        NodeKind::Resource,
        NodeKind::Factor,
    ];

    /// The name used in the document and in every file format (`person_role`).
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Service => "service",
            NodeKind::Organisation => "organisation",
            NodeKind::PersonRole => "person_role",
            NodeKind::Persona => "persona",
            NodeKind::Condition => "condition",
            NodeKind::Resource => "resource",
            NodeKind::Factor => "factor",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Where in the system a node sits: the person and their care team (micro), services and
/// organisations (meso), or policy, funding and the wider system (macro).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Micro,
    Meso,
    Macro,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Micro, Level::Meso, Level::Macro];

    pub fn name(self) -> &'static str {
        match self {
            Level::Micro => "micro",
            Level::Meso => "meso",
            Level::Macro => "macro",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.name() == name)
    }
}

/// How a change at a connection's start moves its end: the same way (+), the other way (−), or
/// not yet agreed.
#[derive(
    Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Positive,
    Negative,
    #[default]
    Unknown,
}

impl Polarity {
    pub const ALL: [Polarity; 3] = [Polarity::Positive, Polarity::Negative, Polarity::Unknown];

    pub fn name(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
            Polarity::Unknown => "unknown",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The sign drawn on the arrow.
    pub fn sign(self) -> &'static str {
        match self {
            Polarity::Positive => "+",
            Polarity::Negative => "−",
            Polarity::Unknown => "?",
        }
    }
}

/// Another part of the workshop a node is linked to (a persona, a journey step, a scenario).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LinkRef {
    /// The item's kind in the document (`persona`, `journey_step`, `scenario`).
    pub kind: String,
    pub id: String,
}

/// A node as typed on the canvas or read from a file.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct NodeDraft {
    pub kind: NodeKind,
    pub level: Option<Level>,
    pub label: String,
    pub x: f64,
    pub y: f64,
    #[serde(default)]
    pub notes: String,
    /// Automatic layout leaves a pinned node where it is.
    #[serde(default)]
    pub pinned: bool,
    #[serde(default)]
    pub links: Vec<LinkRef>,
}

/// Its draft is a field of its own, not flattened (see [`crate::Response`] for why).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct MapNode {
    pub id: String,
    pub node: NodeDraft,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct ConnectionDraft {
    pub from: String,
    pub to: String,
    pub polarity: Polarity,
    #[serde(default)]
    pub label: String,
    /// A delay between cause and effect, drawn as ‖ across the arrow.
    #[serde(default)]
    pub delay: bool,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct MapConnection {
    pub id: String,
    pub connection: ConnectionDraft,
}

/// Where the system fails people, marked on a node or a connection.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct FailureDraft {
    /// The id of the node or connection it is on.
    pub on: String,
    pub description: String,
    /// 1 (minor) to 5 (severe).
    pub severity: Option<u8>,
    /// The participant who raised it, if recorded.
    #[serde(default)]
    pub raised_by: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct MapFailure {
    pub id: String,
    pub failure: FailureDraft,
}

/// A persona, journey step or scenario a node may link to, with the words to show for it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    pub item: LinkRef,
    pub label: String,
}

/// The whole system map of a workshop.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct MapView {
    pub nodes: Vec<MapNode>,
    pub connections: Vec<MapConnection>,
    pub failures: Vec<MapFailure>,
    /// Everything a node can be linked to, for the link picker and for jumping.
    #[serde(default)]
    pub link_targets: Vec<LinkTarget>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// One edit of the map. A request carries a list of them, written as one change (one undo step).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum MapEdit {
    AddNode {
        node: NodeDraft,
    },
    UpdateNode {
        id: String,
        node: NodeDraft,
    },
    /// Moves nodes (a drag, or a layout) without touching anything else.
    MoveNodes {
        moves: Vec<NodeMove>,
    },
    AddConnection {
        connection: ConnectionDraft,
    },
    UpdateConnection {
        id: String,
        connection: ConnectionDraft,
    },
    AddFailure {
        failure: FailureDraft,
    },
    UpdateFailure {
        id: String,
        failure: FailureDraft,
    },
    /// Deletes nodes, connections and failure points by id. A node takes its connections and
    /// failure points with it.
    Delete {
        ids: Vec<String>,
    },
    /// Copies nodes (and the connections between them), shifted by (dx, dy).
    Duplicate {
        ids: Vec<String>,
        dx: f64,
        dy: f64,
    },
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct NodeMove {
    pub id: String,
    pub x: f64,
    pub y: f64,
}

/// What the map's edits did: the ids of the items they added (in order), and how every item
/// they touched stands now, so the canvas patches its copy of the map instead of fetching it all
/// again (on a 1,000-node map that is the difference between a few and a few hundred ms).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct MapEdited {
    pub added: Vec<String>,
    pub changes: MapChanges,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// Items that are new or changed (as they are now) and the ids of items no longer on the map.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct MapChanges {
    pub nodes: Vec<MapNode>,
    pub connections: Vec<MapConnection>,
    pub failures: Vec<MapFailure>,
    pub removed: Vec<String>,
}

impl MapView {
    /// Brings this map up to date with `changes`: changed items are replaced where they are,
    /// new ones added at the end (the newest last, as the app lists them), removed ones dropped.
    pub fn apply(&mut self, changes: MapChanges, can_undo: bool, can_redo: bool) {
        fn merge<T>(list: &mut Vec<T>, changed: Vec<T>, id: impl Fn(&T) -> &str) {
            if changed.is_empty() {
                return;
            }
            let at: std::collections::HashMap<String, usize> = list
                .iter()
                .enumerate()
                .map(|(i, item)| (id(item).to_owned(), i))
                .collect();
            for item in changed {
                match at.get(id(&item)) {
                    Some(&i) => list[i] = item,
                    None => list.push(item),
                }
            }
        }
        if !changes.removed.is_empty() {
            let removed: std::collections::HashSet<&str> =
                changes.removed.iter().map(String::as_str).collect();
            self.nodes.retain(|n| !removed.contains(n.id.as_str()));
            self.connections
                .retain(|c| !removed.contains(c.id.as_str()));
            self.failures.retain(|f| !removed.contains(f.id.as_str()));
        }
        merge(&mut self.nodes, changes.nodes, |n| &n.id);
        merge(&mut self.connections, changes.connections, |c| &c.id);
        merge(&mut self.failures, changes.failures, |f| &f.id);
        self.can_undo = can_undo;
        self.can_redo = can_redo;
    }
}

/// How a node kind is drawn. Shared by the canvas and the SVG/PNG export so that a printed map
/// looks like the one on the projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    RoundedBox,
    Box,
    Circle,
    Ellipse,
    Hexagon,
    Diamond,
    Tag,
}

/// Node size on the canvas, in map units; (x, y) is the centre.
pub const NODE_WIDTH: f64 = 150.0;
pub const NODE_HEIGHT: f64 = 60.0;
/// Red of failure markers.
pub const FAILURE_COLOUR: &str = "#c81e1e";

impl NodeKind {
    pub fn shape(self) -> Shape {
        match self {
            NodeKind::Service => Shape::RoundedBox,
            NodeKind::Organisation => Shape::Box,
            NodeKind::PersonRole => Shape::Circle,
            NodeKind::Persona => Shape::Ellipse,
            NodeKind::Condition => Shape::Hexagon,
            NodeKind::Resource => Shape::Diamond,
            NodeKind::Factor => Shape::Tag,
        }
    }

    /// Fill and outline colours, distinct in hue and readable with black text; the outlines
    /// differ in lightness too, for colour-blind readers.
    pub fn colours(self) -> (&'static str, &'static str) {
        match self {
            NodeKind::Service => ("#dbeafe", "#1d4ed8"),
            NodeKind::Organisation => ("#e0e7ff", "#3730a3"),
            NodeKind::PersonRole => ("#fce7f3", "#9d174d"),
            NodeKind::Persona => ("#fef3c7", "#92400e"),
            NodeKind::Condition => ("#ede9fe", "#6d28d9"),
            NodeKind::Resource => ("#dcfce7", "#166534"),
            NodeKind::Factor => ("#f3f4f6", "#374151"),
        }
    }
}
