//! The limits every format shares: counts, lengths, positions, ids and references.

use crate::interchange::{
    import, ImportedMap, InterchangeError, Location, MapFormat, LABEL_MAX, NODES_MAX,
};
use std::fmt::Write as _;

fn csv(nodes: &str, connections: &str) -> Result<ImportedMap, InterchangeError> {
    import(
        MapFormat::Csv,
        &[
            ("nodes.csv", nodes.as_bytes()),
            ("connections.csv", connections.as_bytes()),
        ],
    )
}

const NO_CONNECTIONS: &str = "id,from,to\n";

#[test]
fn more_than_2000_nodes_are_refused() {
    let mut nodes = String::from("id,label\n");
    for i in 0..NODES_MAX {
        let _ = writeln!(nodes, "n{i},Node {i}");
    }
    assert_eq!(csv(&nodes, NO_CONNECTIONS).unwrap().nodes.len(), NODES_MAX);
    nodes.push_str("one,One too many\n");
    assert_eq!(
        csv(&nodes, NO_CONNECTIONS),
        Err(InterchangeError::TooMany {
            file: "nodes.csv".into(),
            what: "nodes",
            max: NODES_MAX
        })
    );
}

#[test]
fn labels_may_have_120_characters_but_not_121() {
    let at_limit = "å".repeat(LABEL_MAX);
    let map = csv(&format!("id,label\na,{at_limit}\n"), NO_CONNECTIONS).unwrap();
    assert_eq!(map.nodes[0].node.label, at_limit);
    let too_long = "å".repeat(LABEL_MAX + 1);
    assert_eq!(
        csv(&format!("id,label\na,{too_long}\n"), NO_CONNECTIONS),
        Err(InterchangeError::BadValue {
            file: "nodes.csv".into(),
            at: Location::line(2),
            field: "label",
            value: too_long,
            expected: "it may be at most 120 characters long".into(),
        })
    );
}

#[test]
fn labels_are_trimmed_and_required() {
    let map = csv("id,label\na,  Pharmacy  \n", NO_CONNECTIONS).unwrap();
    assert_eq!(map.nodes[0].node.label, "Pharmacy");
    assert_eq!(
        csv("id,label\na,Pharmacy\nb,   \n", NO_CONNECTIONS),
        Err(InterchangeError::MissingField {
            file: "nodes.csv".into(),
            at: Location::line(3),
            field: "label",
        })
    );
}

#[test]
fn csv_line_numbers_count_line_breaks_inside_quoted_cells() {
    assert!(matches!(
        csv(
            "id,label,kind\na,\"Two\nlines\",service\nb,B,spaceship\n",
            NO_CONNECTIONS
        ),
        Err(InterchangeError::BadValue { at, field: "kind", .. }) if at == Location::line(4)
    ));
}

#[test]
fn positions_must_be_numbers_within_the_canvas() {
    assert!(matches!(
        csv("id,label,x,y\na,A,left,0\n", NO_CONNECTIONS),
        Err(InterchangeError::BadValue { field: "x", value, .. }) if value == "left"
    ));
    assert!(matches!(
        csv("id,label,x,y\na,A,0,1e12\n", NO_CONNECTIONS),
        Err(InterchangeError::BadValue { field: "y", .. })
    ));
    assert!(matches!(
        csv("id,label,x,y\na,A,NaN,0\n", NO_CONNECTIONS),
        Err(InterchangeError::BadValue { field: "x", .. })
    ));
    assert_eq!(
        csv("id,label,x,y\na,A,10,\n", NO_CONNECTIONS),
        Err(InterchangeError::MissingField {
            file: "nodes.csv".into(),
            at: Location::line(2),
            field: "y",
        })
    );
}

#[test]
fn ids_are_unique_across_nodes_and_connections() {
    assert_eq!(
        csv("id,label\na,A\nb,B\n", "id,from,to\na,a,b\n"),
        Err(InterchangeError::DuplicateId {
            file: "connections.csv".into(),
            at: Location::line(2),
            id: "a".into(),
        })
    );
}

#[test]
fn a_label_naming_two_nodes_is_ambiguous() {
    assert_eq!(
        csv(
            "id,label\na,Carer\nb,Carer\nc,GP\n",
            "id,from,to\n,GP,Carer\n"
        ),
        Err(InterchangeError::AmbiguousNode {
            file: "connections.csv".into(),
            at: Location::line(2),
            label: "Carer".into(),
        })
    );
    // Ids are looked up before labels, so the id still works.
    let map = csv("id,label\na,Carer\nb,Carer\nc,GP\n", "id,from,to\n,GP,b\n").unwrap();
    assert_eq!(map.connections[0].connection.to, "b");
}

#[test]
fn connections_need_both_ends() {
    assert_eq!(
        csv("id,label\na,A\n", "id,from,to\nc,a,\n"),
        Err(InterchangeError::MissingField {
            file: "connections.csv".into(),
            at: Location::line(2),
            field: "to",
        })
    );
}

#[test]
fn an_import_that_fails_returns_nothing() {
    // The first rows are fine; the error in the last row still refuses the whole file.
    let result = csv(
        "id,label\na,A\nb,B\n",
        "id,from,to,polarity\nc1,a,b,+\nc2,b,a,+\nc3,a,zzz,+\n",
    );
    assert!(matches!(result, Err(InterchangeError::UnknownNode { id, .. }) if id == "zzz"));
}

#[test]
fn generated_ids_never_clash_with_the_files_own() {
    let map = csv(
        "id,label\nnode-1,A\n,B\nnode-2,C\n",
        "id,from,to\n,node-1,node-2\nconnection-1,A,B\n",
    )
    .unwrap();
    let mut ids: Vec<&str> = map
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .chain(map.connections.iter().map(|c| c.id.as_str()))
        .collect();
    assert_eq!(ids.len(), 5);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5, "{ids:?}");
}
