//! Tests of map import and export. Fixture files are in `tests/fixtures/interchange/`.

mod canvas;
mod csv;
mod dot;
mod formats;
mod graphml;
mod kumu;
mod limits;
mod malformed;
mod pictures;
mod robustness;
mod round_trip;
mod text_values;

use super::ImportedMap;
use systematic_ipc::{
    ConnectionDraft, FailureDraft, Level, MapConnection, MapFailure, MapNode, MapView, NodeDraft,
    NodeKind, Polarity,
};

/// The bytes of a fixture file.
macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/interchange/",
            $name
        ))
        .as_slice()
    };
}
pub(crate) use fixture;

pub fn node(id: &str, label: &str, kind: NodeKind, x: f64, y: f64) -> MapNode {
    MapNode {
        id: id.into(),
        node: NodeDraft {
            kind,
            level: None,
            label: label.into(),
            x,
            y,
            notes: String::new(),
            pinned: false,
            links: Vec::new(),
        },
    }
}

pub fn connection(id: &str, from: &str, to: &str, polarity: Polarity) -> MapConnection {
    MapConnection {
        id: id.into(),
        connection: ConnectionDraft {
            from: from.into(),
            to: to.into(),
            polarity,
            label: String::new(),
            delay: false,
        },
    }
}

pub fn failure(id: &str, on: &str, description: &str, severity: Option<u8>) -> MapFailure {
    MapFailure {
        id: id.into(),
        failure: FailureDraft {
            on: on.into(),
            description: description.into(),
            severity,
            raised_by: None,
        },
    }
}

/// A small map with every kind, a feedback loop, a self-loop, reciprocal connections, a delay,
/// and failure points on nodes and on a connection; labels hold characters every format must
/// escape.
pub fn sample_map() -> MapView {
    let mut nodes = vec![
        node("n-gp", "GP practice", NodeKind::Organisation, -200.0, 0.0),
        node(
            "n-nurse",
            "District nurse",
            NodeKind::PersonRole,
            0.0,
            -150.0,
        ),
        node(
            "n-esther",
            "Esther \"Essie\" <80>, & co",
            NodeKind::Persona,
            -350.0,
            200.0,
        ),
        node("n-lonely", "Loneliness", NodeKind::Factor, 250.0, -100.0),
        node("n-copd", "COPD", NodeKind::Condition, 300.0, 150.0),
        node(
            "n-transport",
            "Community transport",
            NodeKind::Resource,
            0.0,
            250.0,
        ),
        node(
            "n-discharge",
            "Hospital discharge",
            NodeKind::Service,
            500.0,
            0.0,
        ),
    ];
    nodes[0].node.level = Some(Level::Meso);
    nodes[0].node.pinned = true;
    nodes[2].node.level = Some(Level::Micro);
    nodes[2].node.notes = "Lives alone.\nLikes her garden; worries about \"the bills\".".into();
    nodes[5].node.level = Some(Level::Macro);
    let mut connections = vec![
        connection("c1", "n-gp", "n-nurse", Polarity::Positive),
        connection("c2", "n-nurse", "n-lonely", Polarity::Negative),
        connection("c3", "n-lonely", "n-copd", Polarity::Positive),
        connection("c4", "n-copd", "n-nurse", Polarity::Positive),
        connection("c5", "n-esther", "n-esther", Polarity::Positive),
        connection("c6", "n-gp", "n-esther", Polarity::Unknown),
        connection("c7", "n-esther", "n-gp", Polarity::Positive),
        connection("c8", "n-transport", "n-discharge", Polarity::Positive),
    ];
    connections[1].connection.delay = true;
    connections[1].connection.label = "fewer visits".into();
    connections[4].connection.label = "worry".into();
    connections[7].connection.label = "lifts home, <free>".into();
    MapView {
        nodes,
        connections,
        failures: vec![
            failure(
                "f1",
                "n-esther",
                "Nobody phones her after discharge",
                Some(4),
            ),
            failure("f2", "c2", "Visits cut without telling anyone", Some(5)),
            failure("f3", "n-gp", "[Draft] Appointments run out by 8:05", None),
        ],
        ..MapView::default()
    }
}

/// An imported map as a map view, to export again.
pub fn as_view(imported: &ImportedMap) -> MapView {
    imported.clone().into_map_view()
}

/// The failure points as (item, description, severity), sorted: failure ids are never kept.
pub fn failure_marks(failures: &[MapFailure]) -> Vec<(String, String, Option<u8>)> {
    let mut marks: Vec<_> = failures
        .iter()
        .map(|f| {
            (
                f.failure.on.clone(),
                f.failure.description.clone(),
                f.failure.severity,
            )
        })
        .collect();
    marks.sort();
    marks
}

/// The node with `id`, or a failed test.
pub fn node_by_id<'m>(map: &'m ImportedMap, id: &str) -> &'m MapNode {
    map.nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no node {id} in {map:#?}"))
}

/// The node labelled `label`, or a failed test.
pub fn node_by_label<'m>(map: &'m ImportedMap, label: &str) -> &'m MapNode {
    map.nodes
        .iter()
        .find(|n| n.node.label == label)
        .unwrap_or_else(|| panic!("no node labelled {label} in {map:#?}"))
}

/// The connections as (from label, to label, polarity, label, delay), sorted.
pub fn connection_summary(map: &ImportedMap) -> Vec<(String, String, Polarity, String, bool)> {
    let label = |id: &str| {
        map.nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.node.label.clone())
            .unwrap_or_else(|| panic!("connection end {id} is not a node"))
    };
    let mut summary: Vec<_> = map
        .connections
        .iter()
        .map(|c| {
            let c = &c.connection;
            (
                label(&c.from),
                label(&c.to),
                c.polarity,
                c.label.clone(),
                c.delay,
            )
        })
        .collect();
    summary.sort();
    summary
}
