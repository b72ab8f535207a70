//! The map analysis gives networkx's answers on random maps. The fixture is written by
//! `tests/fixtures/map-analysis/generate.py` (run by hand); the semantics are in docs/ANALYSIS.md.

use serde_json::Value;
use std::collections::BTreeMap;
use systematic_core::analysis::analyze;
use systematic_ipc::{
    ConnectionDraft, LoopKind, LostRoute, MapConnection, MapNode, NodeDraft, NodeKind, Polarity,
};
use systematic_tests::project_root;

fn cases() -> Vec<Value> {
    let path = project_root().join("tests/fixtures/map-analysis/networkx.json");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let file: Value = serde_json::from_str(&text).expect("fixture is JSON");
    file["cases"].as_array().expect("cases").clone()
}

fn map_of(case: &Value) -> (Vec<MapNode>, Vec<MapConnection>) {
    let nodes = case["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| MapNode {
            id: n["id"].as_str().expect("id").into(),
            node: NodeDraft {
                kind: NodeKind::from_name(n["kind"].as_str().expect("kind")).expect("known kind"),
                label: n["id"].as_str().expect("id").into(),
                ..NodeDraft::default()
            },
        })
        .collect();
    let connections = case["connections"]
        .as_array()
        .expect("connections")
        .iter()
        .map(|c| MapConnection {
            id: c["id"].as_str().expect("id").into(),
            connection: ConnectionDraft {
                from: c["from"].as_str().expect("from").into(),
                to: c["to"].as_str().expect("to").into(),
                polarity: Polarity::from_name(c["polarity"].as_str().expect("polarity"))
                    .expect("known polarity"),
                ..ConnectionDraft::default()
            },
        })
        .collect();
    (nodes, connections)
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().expect("string").to_owned())
        .collect()
}

fn lost_routes(value: &Value) -> Vec<LostRoute> {
    value
        .as_array()
        .expect("lost routes")
        .iter()
        .map(|r| LostRoute {
            persona: r["persona"].as_str().expect("persona").into(),
            services: strings(&r["services"]),
        })
        .collect()
}

#[test]
fn every_answer_matches_networkx() {
    let cases = cases();
    assert!(cases.len() >= 40, "the fixture has its 40 maps");
    for case in &cases {
        let name = case["name"].as_str().expect("name");
        let expected = &case["expected"];
        let (nodes, connections) = map_of(case);
        let analysis = analyze(&nodes, &connections, 10_000);

        assert!(!analysis.loops_capped, "{name}");
        let loops: Vec<(Vec<String>, LoopKind)> = analysis
            .loops
            .iter()
            .map(|l| (l.nodes.clone(), l.kind))
            .collect();
        let want: Vec<(Vec<String>, LoopKind)> = expected["loops"]
            .as_array()
            .expect("loops")
            .iter()
            .map(|l| {
                let kind = match l["kind"].as_str() {
                    Some("reinforcing") => LoopKind::Reinforcing,
                    Some("balancing") => LoopKind::Balancing,
                    _ => LoopKind::Unclear,
                };
                (strings(&l["nodes"]), kind)
            })
            .collect();
        assert_eq!(loops.len(), want.len(), "{name}: number of loops");
        assert_eq!(loops, want, "{name}: loops");

        let cut: Vec<(String, Vec<LostRoute>)> = analysis
            .cut_points
            .iter()
            .map(|c| (c.node.clone(), c.lost_routes.clone()))
            .collect();
        let want_cut: Vec<(String, Vec<LostRoute>)> = expected["cut_points"]
            .as_array()
            .expect("cut points")
            .iter()
            .map(|c| {
                (
                    c["node"].as_str().expect("node").into(),
                    lost_routes(&c["lost_routes"]),
                )
            })
            .collect();
        assert_eq!(cut, want_cut, "{name}: cut points");

        let bridges: Vec<(Vec<String>, Vec<LostRoute>)> = analysis
            .bridges
            .iter()
            .map(|b| {
                (
                    vec![b.between.0.clone(), b.between.1.clone()],
                    b.lost_routes.clone(),
                )
            })
            .collect();
        let want_bridges: Vec<(Vec<String>, Vec<LostRoute>)> = expected["bridges"]
            .as_array()
            .expect("bridges")
            .iter()
            .map(|b| (strings(&b["between"]), lost_routes(&b["lost_routes"])))
            .collect();
        assert_eq!(bridges, want_bridges, "{name}: bridges");

        assert_eq!(analysis.centrality.len(), nodes.len(), "{name}");
        for row in &analysis.centrality {
            let degree = &expected["degree"][&row.id];
            assert_eq!(
                (u64::from(row.in_degree), u64::from(row.out_degree)),
                (
                    degree[0].as_u64().expect("in"),
                    degree[1].as_u64().expect("out")
                ),
                "{name}: degree of {}",
                row.id
            );
            assert_eq!(row.degree, row.in_degree + row.out_degree);
            let want = expected["betweenness"][&row.id]
                .as_f64()
                .expect("betweenness");
            assert!(
                (row.betweenness - want).abs() <= 1e-9,
                "{name}: betweenness of {}: {} vs networkx {want}",
                row.id,
                row.betweenness
            );
        }

        let reach: BTreeMap<String, BTreeMap<String, Vec<String>>> = analysis
            .persona_reach
            .iter()
            .map(|r| {
                (
                    r.from.clone(),
                    r.reached
                        .iter()
                        .map(|t| (t.node.clone(), t.path.clone()))
                        .collect(),
                )
            })
            .collect();
        let want_reach: BTreeMap<String, BTreeMap<String, Vec<String>>> =
            serde_json::from_value(expected["persona_reach"].clone()).expect("reach");
        assert_eq!(reach, want_reach, "{name}: reach");
    }
}
