use super::*;
use systematic_ipc::{ConnectionDraft, LoopKind, MapConnection, MapNode, NodeDraft, Polarity};

fn node(id: &str, kind: NodeKind) -> MapNode {
    MapNode {
        id: id.into(),
        node: NodeDraft {
            kind,
            label: id.to_uppercase(),
            ..NodeDraft::default()
        },
    }
}

fn link(id: &str, from: &str, to: &str, polarity: Polarity) -> MapConnection {
    MapConnection {
        id: id.into(),
        connection: ConnectionDraft {
            from: from.into(),
            to: to.into(),
            polarity,
            ..ConnectionDraft::default()
        },
    }
}

/// Esther reaches her GP only through the discharge team; the GP and the district nurses
/// feed each other (reinforcing), and workload holds the nurses back (balancing).
fn esther_map() -> (Vec<MapNode>, Vec<MapConnection>) {
    use NodeKind::*;
    use Polarity::*;
    let nodes = vec![
        node("esther", Persona),
        node("hospital", Service),
        node("discharge", Service),
        node("gp", Service),
        node("nurses", Service),
        node("workload", Factor),
    ];
    let connections = vec![
        link("c1", "esther", "hospital", Positive),
        link("c2", "hospital", "discharge", Positive),
        link("c3", "discharge", "gp", Positive),
        link("c4", "gp", "nurses", Positive),
        link("c5", "nurses", "gp", Positive),
        link("c6", "nurses", "workload", Positive),
        link("c7", "workload", "nurses", Negative),
        // A second connection the same way counts once.
        link("c8", "gp", "nurses", Positive),
    ];
    (nodes, connections)
}

#[test]
fn loops_are_found_and_classed_by_their_polarities() {
    let (nodes, connections) = esther_map();
    let analysis = analyze(&nodes, &connections, DEFAULT_LOOP_CAP);
    assert!(!analysis.loops_capped);
    let loops: Vec<(Vec<&str>, LoopKind)> = analysis
        .loops
        .iter()
        .map(|l| (l.nodes.iter().map(String::as_str).collect(), l.kind))
        .collect();
    assert_eq!(
        loops,
        vec![
            (vec!["gp", "nurses"], LoopKind::Reinforcing),
            (vec!["nurses", "workload"], LoopKind::Balancing),
        ]
    );
    assert_eq!(analysis.loops[0].connections, vec!["c4", "c5"]);
}

#[test]
fn a_loop_with_an_unknown_polarity_or_disagreeing_parallel_arrows_is_unclear() {
    let nodes = vec![node("a", NodeKind::Factor), node("b", NodeKind::Factor)];
    let unknown = vec![
        link("c1", "a", "b", Polarity::Positive),
        link("c2", "b", "a", Polarity::Unknown),
    ];
    assert_eq!(
        analyze(&nodes, &unknown, 10).loops[0].kind,
        LoopKind::Unclear
    );
    let disagreeing = vec![
        link("c1", "a", "b", Polarity::Positive),
        link("c2", "a", "b", Polarity::Negative),
        link("c3", "b", "a", Polarity::Positive),
    ];
    let analysis = analyze(&nodes, &disagreeing, 10);
    assert_eq!(analysis.loops.len(), 1, "parallel arrows make one loop");
    assert_eq!(analysis.loops[0].kind, LoopKind::Unclear);
}

#[test]
fn a_node_pointing_at_itself_is_a_loop_of_one() {
    let nodes = vec![node("a", NodeKind::Factor)];
    let connections = vec![link("c1", "a", "a", Polarity::Negative)];
    let analysis = analyze(&nodes, &connections, 10);
    assert_eq!(analysis.loops.len(), 1);
    assert_eq!(analysis.loops[0].nodes, vec!["a"]);
    assert_eq!(analysis.loops[0].kind, LoopKind::Balancing);
}

#[test]
fn the_cap_is_reported_when_there_are_more_loops() {
    // A complete directed graph on 5 nodes has 84 elementary cycles.
    let nodes: Vec<MapNode> = (0..5)
        .map(|i| node(&format!("n{i}"), NodeKind::Factor))
        .collect();
    let mut connections = Vec::new();
    for a in 0..5 {
        for b in 0..5 {
            if a != b {
                connections.push(link(
                    &format!("c{a}{b}"),
                    &format!("n{a}"),
                    &format!("n{b}"),
                    Polarity::Positive,
                ));
            }
        }
    }
    let all = analyze(&nodes, &connections, 1000);
    assert_eq!((all.loops.len(), all.loops_capped), (84, false));
    let capped = analyze(&nodes, &connections, 10);
    assert_eq!((capped.loops.len(), capped.loops_capped), (10, true));
    let exact = analyze(&nodes, &connections, 84);
    assert_eq!((exact.loops.len(), exact.loops_capped), (84, false));
}

#[test]
fn cut_points_and_bridges_say_who_loses_which_services() {
    let (nodes, connections) = esther_map();
    let analysis = analyze(&nodes, &connections, DEFAULT_LOOP_CAP);
    let cut: Vec<&str> = analysis
        .cut_points
        .iter()
        .map(|c| c.node.as_str())
        .collect();
    assert_eq!(cut, vec!["discharge", "gp", "hospital", "nurses"]);
    let discharge = &analysis.cut_points[0];
    assert_eq!(discharge.lost_routes.len(), 1);
    assert_eq!(discharge.lost_routes[0].persona, "esther");
    assert_eq!(discharge.lost_routes[0].services, vec!["gp", "nurses"]);
    let bridge_ends: Vec<(&str, &str)> = analysis
        .bridges
        .iter()
        .map(|b| (b.between.0.as_str(), b.between.1.as_str()))
        .collect();
    assert!(
        bridge_ends.contains(&("discharge", "gp")),
        "{bridge_ends:?}"
    );
    assert!(bridge_ends.contains(&("gp", "nurses")), "{bridge_ends:?}");
    let gp_nurses = analysis
        .bridges
        .iter()
        .find(|b| b.between == ("gp".into(), "nurses".into()))
        .expect("bridge");
    assert_eq!(gp_nurses.connections, vec!["c4", "c5", "c8"]);
    assert_eq!(gp_nurses.lost_routes[0].services, vec!["nurses"]);
}

#[test]
fn reach_follows_the_arrows_by_the_shortest_route() {
    let (nodes, connections) = esther_map();
    let analysis = analyze(&nodes, &connections, DEFAULT_LOOP_CAP);
    let esther = &analysis.persona_reach[0];
    assert_eq!(esther.from, "esther");
    let nurses = esther
        .reached
        .iter()
        .find(|r| r.node == "nurses")
        .expect("nurses reached");
    assert_eq!(
        nurses.path,
        vec!["esther", "hospital", "discharge", "gp", "nurses"]
    );
    assert!(
        esther.reached.iter().all(|r| r.node != "workload"),
        "only services are listed for a persona"
    );
    let graph = MapGraph::new(&nodes, &connections);
    let downstream = reach_from(&graph, "gp").expect("gp is on the map");
    let ids: Vec<&str> = downstream.reached.iter().map(|r| r.node.as_str()).collect();
    assert_eq!(ids, vec!["nurses", "workload"]);
    assert!(reach_from(&graph, "nowhere").is_none());
}

#[test]
fn centrality_ranks_the_node_most_routes_pass_through_first() {
    let (nodes, connections) = esther_map();
    let analysis = analyze(&nodes, &connections, DEFAULT_LOOP_CAP);
    let top = &analysis.centrality[0];
    assert_eq!(top.id, "gp");
    assert_eq!((top.in_degree, top.out_degree, top.degree), (2, 1, 3));
    // n = 6: gp lies on esther→nurses, esther→workload, hospital→nurses, hospital→workload,
    // discharge→nurses and discharge→workload: 6 routes out of (n−1)(n−2) = 20.
    assert!(
        (top.betweenness - 6.0 / 20.0).abs() < 1e-12,
        "{}",
        top.betweenness
    );
}

#[test]
fn connections_to_missing_nodes_and_an_empty_map_are_harmless() {
    let empty = analyze(&[], &[], 10);
    assert!(empty.loops.is_empty() && empty.centrality.is_empty());
    let nodes = vec![node("a", NodeKind::Service)];
    let analysis = analyze(&nodes, &[link("c", "a", "gone", Polarity::Positive)], 10);
    assert_eq!(analysis.centrality[0].degree, 0);
}
