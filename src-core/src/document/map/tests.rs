use super::*;
use crate::document::typed::meta_fields;
use automerge::ActorId;
use chrono::NaiveDate;
use systematic_ipc::{NodeMove, PersonaDraft, WorkshopMeta};

fn doc() -> WorkshopDoc {
    let meta = WorkshopMeta {
        title: "Leaving hospital on a Friday".into(),
        date: NaiveDate::from_ymd_opt(2026, 3, 1).expect("date"),
        venue: String::new(),
        facilitator: String::new(),
    };
    WorkshopDoc::create(
        "w1",
        &meta_fields(&meta),
        "Map laptop",
        &ActorId::from(vec![7u8; 16]),
        1_000,
    )
    .expect("new workshop")
}

fn node(label: &str, kind: NodeKind, x: f64) -> NodeDraft {
    NodeDraft {
        kind,
        label: label.into(),
        x,
        y: 0.0,
        ..NodeDraft::default()
    }
}

fn add_nodes(doc: &mut WorkshopDoc, labels: &[&str]) -> Vec<String> {
    let edits: Vec<MapEdit> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| MapEdit::AddNode {
            node: node(label, NodeKind::Service, i as f64 * 100.0),
        })
        .collect();
    let ids = doc.edit_map(&edits, 2_000).expect("nodes added");
    doc.commit(&describe(&edits), 2_000);
    ids
}

fn connect(from: &str, to: &str) -> MapEdit {
    MapEdit::AddConnection {
        connection: ConnectionDraft {
            from: from.into(),
            to: to.into(),
            polarity: Polarity::Negative,
            label: "tells".into(),
            delay: true,
        },
    }
}

#[test]
fn nodes_connections_and_failures_read_back_as_written() {
    let mut doc = doc();
    let ids = add_nodes(&mut doc, &["Hospital", "GP surgery"]);
    let added = doc
        .edit_map(&[connect(&ids[0], &ids[1])], 3_000)
        .expect("connected");
    let failure = FailureDraft {
        on: added[0].clone(),
        description: "Discharged on Friday and nobody tells her GP".into(),
        severity: Some(4),
        raised_by: None,
    };
    let failure_id = doc
        .edit_map(
            &[MapEdit::AddFailure {
                failure: failure.clone(),
            }],
            3_000,
        )
        .expect("failure marked");
    let map = doc.map().expect("map");
    assert_eq!(map.nodes.len(), 2);
    // Added in one change, so at the same time: find them by id, not by place.
    let gp = map
        .nodes
        .iter()
        .find(|n| n.id == ids[1])
        .expect("GP surgery");
    assert_eq!(gp.node.label, "GP surgery");
    assert_eq!(gp.node.x, 100.0);
    assert_eq!(map.connections[0].connection.polarity, Polarity::Negative);
    assert!(map.connections[0].connection.delay);
    assert_eq!(
        map.failures,
        vec![MapFailure {
            id: failure_id[0].clone(),
            failure
        }]
    );
}

#[test]
fn moving_keeps_a_tenth_of_a_unit_and_touches_nothing_else() {
    let mut doc = doc();
    let ids = add_nodes(&mut doc, &["Hospital"]);
    let moves = vec![NodeMove {
        id: ids[0].clone(),
        x: 12.345,
        y: -7.06,
    }];
    doc.edit_map(&[MapEdit::MoveNodes { moves }], 3_000)
        .expect("moved");
    let node = &doc.map().expect("map").nodes[0].node;
    assert_eq!((node.x, node.y), (12.3, -7.1));
    assert_eq!(node.label, "Hospital");
}

#[test]
fn deleting_a_node_takes_its_connections_and_their_failure_points() {
    let mut doc = doc();
    let ids = add_nodes(&mut doc, &["A", "B", "C"]);
    let c = doc
        .edit_map(
            &[connect(&ids[0], &ids[1]), connect(&ids[1], &ids[2])],
            3_000,
        )
        .expect("connected");
    let failure = FailureDraft {
        on: c[0].clone(),
        description: "Lost letter".into(),
        ..FailureDraft::default()
    };
    doc.edit_map(&[MapEdit::AddFailure { failure }], 3_000)
        .expect("failure");
    doc.edit_map(
        &[MapEdit::Delete {
            ids: vec![ids[0].clone()],
        }],
        4_000,
    )
    .expect("deleted");
    let map = doc.map().expect("map");
    assert_eq!(map.nodes.len(), 2);
    assert_eq!(map.connections.len(), 1);
    assert_eq!(map.connections[0].id, c[1]);
    assert!(map.failures.is_empty());
    // Deleted, not gone: still in the document, so history and merges see it.
    assert!(
        doc.item(Kind::Node, &ids[0])
            .expect("read")
            .expect("kept")
            .deleted
    );
}

#[test]
fn duplicating_copies_nodes_and_the_connections_among_them() {
    let mut doc = doc();
    let ids = add_nodes(&mut doc, &["A", "B", "C"]);
    doc.edit_map(
        &[connect(&ids[0], &ids[1]), connect(&ids[1], &ids[2])],
        3_000,
    )
    .expect("connected");
    let added = doc
        .edit_map(
            &[MapEdit::Duplicate {
                ids: vec![ids[0].clone(), ids[1].clone()],
                dx: 20.0,
                dy: 30.0,
            }],
            4_000,
        )
        .expect("duplicated");
    assert_eq!(added.len(), 3, "two nodes and the connection between them");
    let map = doc.map().expect("map");
    assert_eq!(map.nodes.len(), 5);
    let copy = map.nodes.iter().find(|n| n.id == added[0]).expect("copy");
    assert_eq!(
        (copy.node.label.as_str(), copy.node.x, copy.node.y),
        ("A", 20.0, 30.0)
    );
    let connection = map
        .connections
        .iter()
        .find(|c| c.id == added[2])
        .expect("copied");
    assert_eq!(
        (&connection.connection.from, &connection.connection.to),
        (&added[0], &added[1])
    );
}

#[test]
fn connections_and_failures_must_point_at_live_map_items() {
    let mut doc = doc();
    let ids = add_nodes(&mut doc, &["A"]);
    assert!(doc.edit_map(&[connect(&ids[0], "nowhere")], 3_000).is_err());
    doc.edit_map(&[MapEdit::Delete { ids: ids.clone() }], 3_000)
        .expect("deleted");
    let failure = FailureDraft {
        on: ids[0].clone(),
        description: "x".into(),
        ..FailureDraft::default()
    };
    assert!(doc
        .edit_map(&[MapEdit::AddFailure { failure }], 3_000)
        .is_err());
    assert!(doc
        .edit_map(
            &[MapEdit::Delete {
                ids: vec!["nowhere".into()]
            }],
            3_000
        )
        .is_err());
    let label_missing = MapEdit::AddNode {
        node: node("", NodeKind::Factor, 0.0),
    };
    assert!(
        doc.edit_map(&[label_missing], 3_000).is_err(),
        "a node needs a label"
    );
}

#[test]
fn nodes_link_to_personas_by_kind() {
    let mut doc = doc();
    let esther = doc
        .add_persona(
            &PersonaDraft {
                name: "Esther".into(),
                ..PersonaDraft::default()
            },
            2_000,
        )
        .expect("persona");
    let mut draft = node("Esther", NodeKind::Persona, 0.0);
    draft.links = vec![LinkRef {
        kind: "persona".into(),
        id: esther.id.0.clone(),
    }];
    doc.edit_map(
        &[MapEdit::AddNode {
            node: draft.clone(),
        }],
        3_000,
    )
    .expect("node");
    let map = doc.map().expect("map");
    assert_eq!(map.nodes[0].node.links, draft.links);
    assert_eq!(map.link_targets[0].label, "Esther");
    let mut bad = node("X", NodeKind::Factor, 0.0);
    bad.links = vec![LinkRef {
        kind: "persona".into(),
        id: map.nodes[0].id.clone(),
    }];
    assert!(
        doc.edit_map(&[MapEdit::AddNode { node: bad }], 3_000)
            .is_err(),
        "a node cannot link to another node"
    );
}

#[test]
fn one_edit_list_is_described_in_a_few_words() {
    assert_eq!(
        describe(&[MapEdit::AddNode {
            node: node("GP", NodeKind::Service, 0.0)
        }]),
        "add node GP"
    );
    assert_eq!(
        describe(&[MapEdit::Delete {
            ids: vec!["a".into(), "b".into()]
        }]),
        "delete 2 things from the map"
    );
    assert_eq!(
        describe(&[connect("a", "b"), connect("b", "c")]),
        "2 map edits"
    );
}

/// One random canvas edit, its targets picked by position among the items on the map.
#[derive(Debug, Clone)]
enum Step {
    AddNode(u8),
    Connect(usize, usize, bool),
    Fail(usize),
    Move(usize, i16),
    Rename(usize, u8),
    Relabel(usize),
    EditFailure(usize),
    Delete(usize),
    Duplicate(usize),
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        3 => any::<u8>().prop_map(Step::AddNode),
        3 => (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(a, b, d)| Step::Connect(a, b, d)),
        2 => any::<usize>().prop_map(Step::Fail),
        2 => (any::<usize>(), any::<i16>()).prop_map(|(a, d)| Step::Move(a, d)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(a, l)| Step::Rename(a, l)),
        1 => any::<usize>().prop_map(Step::Relabel),
        1 => any::<usize>().prop_map(Step::EditFailure),
        2 => any::<usize>().prop_map(Step::Delete),
        1 => any::<usize>().prop_map(Step::Duplicate),
    ]
}

/// The edit a step stands for on `map`, or `None` when the map has nothing it could apply to.
fn edit_for(step: &Step, map: &MapView, persona: &str) -> Option<MapEdit> {
    let pick = |n: usize, len: usize| (len > 0).then(|| n % len);
    let node_id = |n: usize| pick(n, map.nodes.len()).map(|i| map.nodes[i].id.clone());
    let on_map: Vec<String> = map
        .nodes
        .iter()
        .map(|n| n.id.clone())
        .chain(map.connections.iter().map(|c| c.id.clone()))
        .collect();
    Some(match step {
        Step::AddNode(l) => MapEdit::AddNode {
            node: NodeDraft {
                label: format!("Service {l}"),
                links: (l % 3 == 0)
                    .then(|| LinkRef {
                        kind: "persona".into(),
                        id: persona.into(),
                    })
                    .into_iter()
                    .collect(),
                ..node("", NodeKind::Service, f64::from(*l))
            },
        },
        Step::Connect(a, b, delay) => MapEdit::AddConnection {
            connection: ConnectionDraft {
                delay: *delay,
                ..match connect(&node_id(*a)?, &node_id(*b)?) {
                    MapEdit::AddConnection { connection } => connection,
                    _ => return None,
                }
            },
        },
        Step::Fail(a) => MapEdit::AddFailure {
            failure: FailureDraft {
                on: on_map.get(pick(*a, on_map.len())?)?.clone(),
                description: "nobody tells the GP".into(),
                severity: Some(3),
                raised_by: None,
            },
        },
        Step::Move(a, d) => MapEdit::MoveNodes {
            moves: vec![NodeMove {
                id: node_id(*a)?,
                x: f64::from(*d),
                y: 1.0,
            }],
        },
        Step::Rename(a, l) => {
            let n = &map.nodes[pick(*a, map.nodes.len())?];
            MapEdit::UpdateNode {
                id: n.id.clone(),
                node: NodeDraft {
                    label: format!("Renamed {l}"),
                    ..n.node.clone()
                },
            }
        }
        Step::Relabel(a) => {
            let c = &map.connections[pick(*a, map.connections.len())?];
            MapEdit::UpdateConnection {
                id: c.id.clone(),
                connection: ConnectionDraft {
                    label: "phones".into(),
                    polarity: Polarity::Positive,
                    ..c.connection.clone()
                },
            }
        }
        Step::EditFailure(a) => {
            let f = &map.failures[pick(*a, map.failures.len())?];
            MapEdit::UpdateFailure {
                id: f.id.clone(),
                failure: FailureDraft {
                    severity: Some(5),
                    ..f.failure.clone()
                },
            }
        }
        Step::Delete(a) => MapEdit::Delete {
            ids: vec![on_map.get(pick(*a, on_map.len())?)?.clone()],
        },
        Step::Duplicate(a) => MapEdit::Duplicate {
            ids: vec![node_id(*a)?],
            dx: 40.0,
            dy: 40.0,
        },
    })
}

fn sorted(mut map: MapView) -> MapView {
    map.nodes.sort_by(|a, b| a.id.cmp(&b.id));
    map.connections.sort_by(|a, b| a.id.cmp(&b.id));
    map.failures.sort_by(|a, b| a.id.cmp(&b.id));
    map
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// The canvas keeps its copy of the map by applying each edit's changes: after any sequence
    /// of edits that copy must be exactly the map the document holds.
    #[test]
    fn an_edits_changes_bring_a_copy_of_the_map_up_to_date(
        steps in proptest::collection::vec(step(), 1..40)
    ) {
        let mut doc = doc();
        let persona = doc
            .add(Kind::Persona, None, &crate::document::typed::persona_fields(&PersonaDraft {
                name: "Esther".into(),
                ..PersonaDraft::default()
            }), 1_500)
            .expect("persona");
        doc.commit("add Esther", 1_500);
        let mut copy = doc.map().expect("map");
        for (i, step) in steps.iter().enumerate() {
            let Some(edit) = edit_for(step, &copy, &persona) else { continue };
            let now = 2_000 + i as i64;
            let tracked = doc
                .edit_map_tracked(std::slice::from_ref(&edit), now)
                .expect("a valid edit applies");
            doc.commit("edit", now);
            let changes = doc.map_changes(&tracked.touched).expect("changes");
            copy.apply(changes, false, false);
            let map = doc.map().expect("map");
            proptest::prop_assert_eq!(sorted(copy.clone()), sorted(map), "after {:?}", edit);
        }
    }
}
