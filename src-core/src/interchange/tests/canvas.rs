//! JSON Canvas: a canvas as Obsidian writes it, and what we write.

use super::{connection_summary, failure_marks, fixture, node_by_id, sample_map};
use crate::interchange::{export, import, MapFormat};
use serde_json::Value;
use systematic_ipc::{Level, NodeKind, Polarity};

#[test]
fn an_obsidian_canvas_imports_cards_links_and_arrows() {
    let map = import(
        MapFormat::JsonCanvas,
        &[("map.canvas", fixture!("map.canvas"))],
    )
    .unwrap();
    // The group is not a node.
    assert_eq!(map.nodes.len(), 3);
    let prescriber = node_by_id(&map, "a1");
    // The heading marks go; the rest of the card is the notes.
    assert_eq!(prescriber.node.label, "Social prescriber");
    assert_eq!(
        prescriber.node.notes,
        "Links people to **community groups**."
    );
    // The card's top-left corner and size give the centre.
    assert_eq!((prescriber.node.x, prescriber.node.y), (0.0, 0.0));
    // The resource outline colour gives the kind.
    assert_eq!(prescriber.node.kind, NodeKind::Resource);
    let walking = node_by_id(&map, "b2");
    assert_eq!(walking.node.kind, NodeKind::Resource);
    assert_eq!(walking.node.level, Some(Level::Meso));
    assert!(walking.node.pinned);
    assert_eq!((walking.node.x, walking.node.y), (325.0, 130.0));
    let link = node_by_id(&map, "c3");
    assert_eq!(link.node.label, "https://example.org/befriending");
    assert_eq!(link.node.kind, NodeKind::Service);

    let s = |text: &str| text.to_owned();
    assert_eq!(
        connection_summary(&map),
        vec![
            // Arrows at both ends: one connection each way.
            (
                s("Social prescriber"),
                s("Walking group"),
                Polarity::Positive,
                s("refers"),
                true
            ),
            (
                s("Social prescriber"),
                s("https://example.org/befriending"),
                Polarity::Unknown,
                s(""),
                false
            ),
            (
                s("https://example.org/befriending"),
                s("Social prescriber"),
                Polarity::Unknown,
                s(""),
                false
            ),
        ]
    );
    assert_eq!(
        failure_marks(&map.failures),
        vec![(s("b2"), s("Stops in winter"), Some(3))]
    );
}

#[test]
fn export_writes_text_cards_with_the_kind_colour() {
    let files = export(&sample_map(), "Esther's map", MapFormat::JsonCanvas).unwrap();
    let canvas: Value = serde_json::from_slice(&files[0].bytes).unwrap();
    let esther = &canvas["nodes"][2];
    assert_eq!(esther["type"], "text");
    assert_eq!(
        esther["text"],
        "Esther \"Essie\" <80>, & co\n\nLives alone.\nLikes her garden; worries about \"the bills\"."
    );
    assert_eq!(esther["color"], NodeKind::Persona.colours().1);
    assert_eq!(esther["width"], 150);
    assert_eq!(esther["systematic"]["kind"], "persona");
    let gp = &canvas["nodes"][0];
    assert_eq!(
        (gp["x"].as_i64(), gp["y"].as_i64()),
        (Some(-275), Some(-30))
    );
    assert_eq!(
        gp["systematic"]["failures"],
        serde_json::json!([{"description": "[Draft] Appointments run out by 8:05", "severity": null}])
    );
    let c2 = &canvas["edges"][1];
    assert_eq!(c2["fromNode"], "n-nurse");
    assert_eq!(c2["toNode"], "n-lonely");
    assert_eq!(c2["label"], "fewer visits");
    assert_eq!(c2["systematic"]["polarity"], "negative");
    assert_eq!(c2["systematic"]["delay"], true);
}

#[test]
fn labels_that_look_like_headings_are_escaped() {
    let mut map = sample_map();
    map.nodes[0].node.label = "# 1 priority".into();
    map.nodes[1].node.label = "\\ back".into();
    let files = export(&map, "t", MapFormat::JsonCanvas).unwrap();
    let canvas: Value = serde_json::from_slice(&files[0].bytes).unwrap();
    assert_eq!(canvas["nodes"][0]["text"], "\\# 1 priority");
    let back = import(MapFormat::JsonCanvas, &[("map.canvas", &files[0].bytes)]).unwrap();
    assert_eq!(node_by_id(&back, "n-gp").node.label, "# 1 priority");
    assert_eq!(node_by_id(&back, "n-nurse").node.label, "\\ back");
}
