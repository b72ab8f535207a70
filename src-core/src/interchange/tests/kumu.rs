//! Kumu blueprints: a project exported from Kumu, a hand-written blueprint, and our export.

use super::{connection_summary, failure_marks, fixture, node_by_id, node_by_label, sample_map};
use crate::interchange::{export, import, MapFormat};
use serde_json::Value;
use systematic_ipc::{Level, NodeKind, Polarity};

#[test]
fn a_kumu_project_export_imports_with_positions_from_its_default_map() {
    let map = import(
        MapFormat::Kumu,
        &[("kumu-project.json", fixture!("kumu-project.json"))],
    )
    .unwrap();
    assert_eq!(map.nodes.len(), 8);
    let gp = node_by_id(&map, "elem-Gp01aaaa");
    assert_eq!(gp.node.label, "GP practice");
    assert_eq!(gp.node.kind, NodeKind::Organisation);
    assert_eq!(gp.node.level, Some(Level::Meso));
    // From the default map view, not the first one.
    assert_eq!((gp.node.x, gp.node.y, gp.node.pinned), (-240.5, 80.0, true));
    let nurse = node_by_id(&map, "elem-Dn02bbbb");
    assert_eq!(nurse.node.kind, NodeKind::PersonRole);
    assert_eq!(nurse.node.notes, "Visits twice a week.");
    assert_eq!(node_by_label(&map, "Esther").node.kind, NodeKind::Persona);
    assert_eq!(
        node_by_label(&map, "Loneliness").node.kind,
        NodeKind::Factor
    );
    assert_eq!(node_by_label(&map, "COPD").node.kind, NodeKind::Condition);
    let transport = node_by_label(&map, "Community transport");
    assert_eq!(transport.node.kind, NodeKind::Resource);
    assert_eq!(transport.node.level, Some(Level::Macro));
    // No element type: the default kind. No position: placed on a grid below the others.
    let waiting = node_by_label(&map, "Waiting list");
    assert_eq!(waiting.node.kind, NodeKind::Service);
    assert!(waiting.node.y > 240.0 && transport.node.y > 240.0);
    assert_ne!(
        (waiting.node.x, waiting.node.y),
        (transport.node.x, transport.node.y)
    );

    let s = |text: &str| text.to_owned();
    assert_eq!(
        connection_summary(&map),
        vec![
            (
                s("COPD"),
                s("Hospital discharge"),
                Polarity::Positive,
                s(""),
                false
            ),
            // The "reversed" connection runs the other way.
            (
                s("Community transport"),
                s("Loneliness"),
                Polarity::Negative,
                s(""),
                false
            ),
            (
                s("District nurse"),
                s("Loneliness"),
                Polarity::Negative,
                s("fewer visits"),
                true
            ),
            // A mutual connection is one each way.
            (
                s("Esther"),
                s("GP practice"),
                Polarity::Unknown,
                s(""),
                false
            ),
            (
                s("GP practice"),
                s("District nurse"),
                Polarity::Positive,
                s(""),
                false
            ),
            (
                s("GP practice"),
                s("Esther"),
                Polarity::Unknown,
                s(""),
                false
            ),
            (
                s("Hospital discharge"),
                s("Waiting list"),
                Polarity::Unknown,
                s(""),
                false
            ),
            (s("Loneliness"), s("COPD"), Polarity::Positive, s(""), false),
        ]
    );
    assert!(map.connections.iter().any(|c| c.id == "conn-Ff06-back"));
    assert_eq!(
        failure_marks(&map.failures),
        vec![
            (s("conn-Dd04"), s("Flare-ups lead to readmission"), Some(5)),
            (
                s("elem-Es03cccc"),
                s("Nobody phones her after discharge"),
                Some(4)
            ),
        ]
    );
}

#[test]
fn a_hand_written_blueprint_names_elements_by_label() {
    let map = import(
        MapFormat::Kumu,
        &[("kumu-simple.json", fixture!("kumu-simple.json"))],
    )
    .unwrap();
    assert_eq!(map.nodes.len(), 3);
    let carer = node_by_label(&map, "Carer");
    assert_eq!(carer.node.kind, NodeKind::PersonRole);
    assert_eq!(carer.node.notes, "Esther's daughter, works full time");
    assert!(!carer.id.is_empty());
    assert_eq!(node_by_label(&map, "Carer strain").id, "3");
    let s = |text: &str| text.to_owned();
    assert_eq!(
        connection_summary(&map),
        vec![
            (
                s("Carer strain"),
                s("Carer"),
                Polarity::Positive,
                s("exhaustion"),
                false
            ),
            (
                s("Carer strain"),
                s("Respite care"),
                Polarity::Unknown,
                s(""),
                false
            ),
            (
                s("Respite care"),
                s("Carer strain"),
                Polarity::Negative,
                s(""),
                false
            ),
        ]
    );
    let mut ids: Vec<&str> = map
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .chain(map.connections.iter().map(|c| c.id.as_str()))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 6, "generated ids are unique");
}

fn exported(map: &systematic_ipc::MapView) -> Value {
    let files = export(map, "Esther's map", MapFormat::Kumu).unwrap();
    serde_json::from_slice(&files[0].bytes).unwrap()
}

#[test]
fn export_writes_kumus_shape_with_positions_in_a_map_view() {
    let blueprint = exported(&sample_map());
    let elements = blueprint["elements"].as_array().unwrap();
    assert_eq!(elements.len(), 7);
    let gp = &elements[0];
    assert_eq!(gp["_id"], "n-gp");
    assert_eq!(gp["attributes"]["label"], "GP practice");
    assert_eq!(gp["attributes"]["element type"], "Organisation");
    assert_eq!(gp["attributes"]["level"], "meso");
    assert_eq!(
        gp["attributes"]["failure points"],
        serde_json::json!(["[-] [Draft] Appointments run out by 8:05"])
    );
    let c2 = &blueprint["connections"][1];
    assert_eq!(c2["from"], "n-nurse");
    assert_eq!(c2["direction"], "directed");
    assert_eq!(c2["delayed"], true);
    assert_eq!(c2["attributes"]["connection type"], "-");
    assert_eq!(c2["attributes"]["label"], "fewer visits");
    let view = &blueprint["maps"][0];
    assert_eq!(view["name"], "Esther's map");
    assert_eq!(view["elements"][0]["element"], "n-gp");
    assert_eq!(view["elements"][0]["position"]["x"], -200.0);
    assert_eq!(view["elements"][0]["pinned"], true);
}

#[test]
fn export_keeps_the_feedback_loops() {
    let blueprint = exported(&sample_map());
    let loops = blueprint["loops"].as_array().unwrap();
    // nurse → lonely → copd → nurse (balancing: one −), esther ⇄ gp (unclear: one ?) and
    // esther → esther (reinforcing).
    assert_eq!(loops.len(), 3, "{loops:#?}");
    let find = |connections: &[&str]| {
        loops
            .iter()
            .find(|l| {
                let mut ids: Vec<&str> = l["connections"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap())
                    .collect();
                ids.sort();
                ids == connections
            })
            .unwrap_or_else(|| panic!("no loop {connections:?} in {loops:#?}"))
    };
    let balancing = find(&["c2", "c3", "c4"]);
    assert_eq!(balancing["attributes"]["loop type"], "Balancing");
    assert!(balancing["attributes"]["label"]
        .as_str()
        .unwrap()
        .starts_with('B'));
    assert_eq!(find(&["c6", "c7"])["attributes"]["loop type"], "Unclear");
    assert_eq!(find(&["c5"])["attributes"]["loop type"], "Reinforcing");
    // Each loop is placed on the map view too, as Kumu's own export does.
    assert_eq!(blueprint["maps"][0]["loops"].as_array().unwrap().len(), 3);
}
