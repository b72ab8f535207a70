//! Export then import keeps what each format carries: labels, kinds, levels, notes, pinned,
//! positions, polarities, connection labels, delays and failure points. Every importable format
//! carries node and connection ids, so maps are compared id by id; failure points get new ids
//! and are compared by (item, description, severity).

use super::{as_view, failure_marks, sample_map};
use crate::interchange::{export, import, ImportedMap, MapFormat};
use proptest::prelude::*;
use systematic_ipc::{
    ConnectionDraft, FailureDraft, Level, MapConnection, MapFailure, MapNode, MapView, NodeDraft,
    NodeKind, Polarity,
};

/// How far a position may move in a round trip: JSON Canvas stores whole pixels, and serde_json
/// reads decimals back to within one unit in the last place.
fn position_tolerance(format: MapFormat) -> f64 {
    match format {
        MapFormat::JsonCanvas => 1.0,
        MapFormat::Kumu => 1e-9,
        _ => 0.0,
    }
}

fn round_trip(map: &MapView, format: MapFormat) -> ImportedMap {
    let files = export(map, "Round trip", format)
        .unwrap_or_else(|e| panic!("{} export failed: {e}", format.name()));
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|f| (f.name.as_str(), f.bytes.as_slice()))
        .collect();
    import(format, &files).unwrap_or_else(|e| {
        let text: Vec<String> = files
            .iter()
            .map(|(name, bytes)| format!("--- {name}\n{}", String::from_utf8_lossy(bytes)))
            .collect();
        panic!("{} import failed: {e}\n{}", format.name(), text.join("\n"))
    })
}

/// Asserts that `imported` is `original` as far as `format` carries it.
fn assert_kept(original: &MapView, imported: &ImportedMap, format: MapFormat) {
    let tolerance = position_tolerance(format);
    let name = format.name();
    assert_eq!(
        imported.nodes.len(),
        original.nodes.len(),
        "{name}: node count"
    );
    for node in &original.nodes {
        let found = imported
            .nodes
            .iter()
            .find(|n| n.id == node.id)
            .unwrap_or_else(|| panic!("{name}: node {} lost", node.id));
        let (a, b) = (&node.node, &found.node);
        assert_eq!(
            (&b.label, b.kind, b.level, &b.notes, b.pinned),
            (&a.label, a.kind, a.level, &a.notes, a.pinned),
            "{name}: node {}",
            node.id
        );
        assert!(
            (b.x - a.x).abs() <= tolerance && (b.y - a.y).abs() <= tolerance,
            "{name}: node {} moved from ({}, {}) to ({}, {})",
            node.id,
            a.x,
            a.y,
            b.x,
            b.y
        );
    }
    let mut connections: Vec<&MapConnection> = imported.connections.iter().collect();
    connections.sort_by(|a, b| a.id.cmp(&b.id));
    let mut expected: Vec<&MapConnection> = original.connections.iter().collect();
    expected.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(connections, expected, "{name}: connections");
    assert_eq!(
        failure_marks(&imported.failures),
        failure_marks(&original.failures),
        "{name}: failure points"
    );
}

const IMPORTABLE: [MapFormat; 5] = [
    MapFormat::Kumu,
    MapFormat::Csv,
    MapFormat::GraphMl,
    MapFormat::Dot,
    MapFormat::JsonCanvas,
];

#[test]
fn the_sample_map_survives_every_importable_format() {
    let map = sample_map();
    for format in IMPORTABLE {
        let imported = round_trip(&map, format);
        assert_kept(&map, &imported, format);
        // And a second trip changes nothing more.
        let again = round_trip(&as_view(&imported), format);
        assert_kept(&as_view(&imported), &again, format);
    }
}

#[test]
fn an_empty_map_survives_every_importable_format() {
    for format in IMPORTABLE {
        let imported = round_trip(&MapView::default(), format);
        assert_eq!(imported, ImportedMap::default(), "{}", format.name());
    }
}

/// Characters that each format must escape or protect somewhere: quotes, commas, markup,
/// backslashes, brackets, formula starters, Markdown heading marks, tabs, and text from several
/// scripts.
const LABEL_CHARS: &[char] = &[
    'a', 'B', 'z', '0', '7', ' ', ' ', ',', '"', '\'', '<', '>', '&', '=', '+', '-', '@', '#',
    '\\', '[', ']', '{', '}', ';', ':', '!', '\t', 'é', 'ß', 'ø', 'Å', '中', '文', '😀', '‖', '−',
    '“',
];

fn text(chars: &'static [char], max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(chars), 0..max)
        .prop_map(|chars| chars.into_iter().collect::<String>().trim().to_owned())
}

fn label() -> impl Strategy<Value = String> {
    text(LABEL_CHARS, 40).prop_filter("labels are not blank", |l| !l.is_empty())
}

/// Notes and failure descriptions may also hold line breaks.
fn long_text() -> impl Strategy<Value = String> {
    const CHARS: &[char] = &[
        'a', 'Q', '1', ' ', ',', '"', '<', '&', '\\', '[', ']', '\n', '\n', '\r', 'é', '中', '😀',
        '=', '-', 'n',
    ];
    text(CHARS, 60)
}

fn polarity() -> impl Strategy<Value = Polarity> {
    proptest::sample::select(Polarity::ALL.to_vec())
}

fn node_draft() -> impl Strategy<Value = NodeDraft> {
    (
        proptest::sample::select(NodeKind::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(Level::ALL.to_vec())),
        label(),
        -5000.0..5000.0f64,
        -5000.0..5000.0f64,
        long_text(),
        any::<bool>(),
    )
        .prop_map(|(kind, level, label, x, y, notes, pinned)| NodeDraft {
            kind,
            level,
            label,
            x,
            y,
            notes,
            pinned,
            links: Vec::new(),
        })
}

/// A random map: ids with characters that need escaping, connections between any nodes (self
/// loops and parallels included), failure points on nodes and connections.
pub(super) fn map() -> impl Strategy<Value = MapView> {
    let id_prefix = proptest::sample::select(vec!["", "elem-", "=x&<\"'#", "中 "]);
    (
        id_prefix,
        proptest::collection::vec(node_draft(), 1..7),
        proptest::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                polarity(),
                text(LABEL_CHARS, 20),
                any::<bool>(),
            ),
            0..10,
        ),
        proptest::collection::vec(
            (
                any::<usize>(),
                long_text().prop_filter("descriptions are not blank", |d| !d.is_empty()),
                proptest::option::of(1u8..=5),
            ),
            0..6,
        ),
    )
        .prop_map(|(prefix, drafts, links, failures)| {
            let nodes: Vec<MapNode> = drafts
                .into_iter()
                .enumerate()
                .map(|(i, node)| MapNode {
                    id: format!("{prefix}n{i}"),
                    node,
                })
                .collect();
            let connections: Vec<MapConnection> = links
                .into_iter()
                .enumerate()
                .map(|(i, (from, to, polarity, label, delay))| MapConnection {
                    id: format!("{prefix}c{i}"),
                    connection: ConnectionDraft {
                        from: nodes[from % nodes.len()].id.clone(),
                        to: nodes[to % nodes.len()].id.clone(),
                        polarity,
                        label,
                        delay,
                    },
                })
                .collect();
            let items: Vec<String> = nodes
                .iter()
                .map(|n| n.id.clone())
                .chain(connections.iter().map(|c| c.id.clone()))
                .collect();
            let failures = failures
                .into_iter()
                .enumerate()
                .map(|(i, (on, description, severity))| MapFailure {
                    id: format!("f{i}"),
                    failure: FailureDraft {
                        on: items[on % items.len()].clone(),
                        description,
                        severity,
                        raised_by: None,
                    },
                })
                .collect();
            MapView {
                nodes,
                connections,
                failures,
                ..MapView::default()
            }
        })
}

proptest! {
    // Failures are not saved to a regressions file: the shrunk input is in the test's output.
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn kumu_round_trip_keeps_the_map(map in map()) {
        assert_kept(&map, &round_trip(&map, MapFormat::Kumu), MapFormat::Kumu);
    }

    #[test]
    fn csv_round_trip_keeps_the_map(map in map()) {
        assert_kept(&map, &round_trip(&map, MapFormat::Csv), MapFormat::Csv);
    }

    #[test]
    fn graphml_round_trip_keeps_the_map(map in map()) {
        assert_kept(&map, &round_trip(&map, MapFormat::GraphMl), MapFormat::GraphMl);
    }

    #[test]
    fn dot_round_trip_keeps_the_map(map in map()) {
        assert_kept(&map, &round_trip(&map, MapFormat::Dot), MapFormat::Dot);
    }

    #[test]
    fn json_canvas_round_trip_keeps_the_map(map in map()) {
        assert_kept(&map, &round_trip(&map, MapFormat::JsonCanvas), MapFormat::JsonCanvas);
    }
}
