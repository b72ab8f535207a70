//! Malformed files give the exact error a facilitator needs: the file, where in it, the field and
//! the bad value.

use super::fixture;
use crate::interchange::{import, InterchangeError, Location, MapFormat};

fn kumu(name: &str, bytes: &[u8]) -> InterchangeError {
    import(MapFormat::Kumu, &[(name, bytes)]).unwrap_err()
}

#[test]
fn kumu_syntax_error_names_line_and_column() {
    let error = kumu("bad-kumu-syntax.json", fixture!("bad-kumu-syntax.json"));
    assert_eq!(
        error,
        InterchangeError::Syntax {
            file: "bad-kumu-syntax.json".into(),
            at: Location::line_column(4, 5),
            format: "Kumu JSON",
            detail: "expected `,` or `]`".into(),
        }
    );
    assert_eq!(
        error.to_string(),
        "bad-kumu-syntax.json, line 4, column 5: this is not valid Kumu JSON: expected `,` or `]`"
    );
}

#[test]
fn kumu_connection_to_a_missing_element() {
    let error = kumu(
        "bad-kumu-unknown-node.json",
        fixture!("bad-kumu-unknown-node.json"),
    );
    assert_eq!(
        error,
        InterchangeError::UnknownNode {
            file: "bad-kumu-unknown-node.json".into(),
            at: Location::entry("connection", 1),
            id: "elem-Missing".into(),
        }
    );
    assert_eq!(
        error.to_string(),
        "bad-kumu-unknown-node.json, connection 2: there is no node with the id or label \
         “elem-Missing”"
    );
}

#[test]
fn kumu_unknown_element_type() {
    assert!(matches!(
        kumu("bad-kumu-element-type.json", fixture!("bad-kumu-element-type.json")),
        InterchangeError::BadValue { file, at, field: "element type", value, .. }
            if file == "bad-kumu-element-type.json"
                && at == Location::entry("element", 1)
                && value == "Spaceship"
    ));
}

#[test]
fn kumu_label_over_120_characters_is_refused_not_cut() {
    let error = kumu(
        "bad-kumu-long-label.json",
        fixture!("bad-kumu-long-label.json"),
    );
    assert!(matches!(
        &error,
        InterchangeError::BadValue { at, field: "label", value, expected, .. }
            if *at == Location::entry("element", 0)
                && value.chars().count() == 127
                && expected == "it may be at most 120 characters long"
    ));
    assert!(error
        .to_string()
        .starts_with("bad-kumu-long-label.json, element 1: the label “A very very"));
}

#[test]
fn kumu_duplicate_element_id() {
    assert_eq!(
        kumu(
            "bad-kumu-duplicate-id.json",
            fixture!("bad-kumu-duplicate-id.json")
        ),
        InterchangeError::DuplicateId {
            file: "bad-kumu-duplicate-id.json".into(),
            at: Location::entry("element", 2),
            id: "elem-1".into(),
        }
    );
}

#[test]
fn kumu_failure_severity_out_of_range() {
    assert!(matches!(
        kumu("bad-kumu-severity.json", fixture!("bad-kumu-severity.json")),
        InterchangeError::BadValue { at, field: "failure points", value, .. }
            if at == Location::entry("element", 0)
                && value == "[9] Appointments run out by 8:05"
    ));
}

fn csv(nodes: (&str, &[u8]), connections: (&str, &[u8])) -> InterchangeError {
    import(MapFormat::Csv, &[nodes, connections]).unwrap_err()
}

#[test]
fn csv_row_with_an_unquoted_comma() {
    let error = csv(
        (
            "bad-nodes-extra-comma.csv",
            fixture!("bad-nodes-extra-comma.csv"),
        ),
        ("connections.csv", fixture!("connections.csv")),
    );
    assert!(matches!(
        &error,
        InterchangeError::Syntax { file, at, format: "CSV", .. }
            if file == "bad-nodes-extra-comma.csv" && *at == Location::line(3)
    ));
    assert_eq!(
        error.to_string(),
        "bad-nodes-extra-comma.csv, line 3: this is not valid CSV: this row has 10 values but the \
         header row has 9 columns; put text that holds commas in double quotes"
    );
}

#[test]
fn csv_unknown_polarity() {
    assert_eq!(
        csv(
            ("nodes.csv", fixture!("nodes.csv")),
            (
                "bad-connections-polarity.csv",
                fixture!("bad-connections-polarity.csv")
            ),
        ),
        InterchangeError::BadValue {
            file: "bad-connections-polarity.csv".into(),
            at: Location::line(3),
            field: "polarity",
            value: "maybe".into(),
            expected: "use +, − or ?, or positive, negative or unknown (also: same, opposite)"
                .into(),
        }
    );
}

#[test]
fn csv_without_a_label_column() {
    assert_eq!(
        csv(
            ("bad-nodes-no-label.csv", fixture!("bad-nodes-no-label.csv")),
            ("connections.csv", fixture!("connections.csv")),
        ),
        InterchangeError::MissingField {
            file: "bad-nodes-no-label.csv".into(),
            at: Location::line(1),
            field: "label",
        }
    );
}

#[test]
fn csv_saved_in_latin1_is_not_utf8() {
    let error = csv(
        ("bad-nodes-latin1.csv", fixture!("bad-nodes-latin1.csv")),
        ("connections.csv", fixture!("connections.csv")),
    );
    assert_eq!(
        error,
        InterchangeError::NotUtf8 {
            file: "bad-nodes-latin1.csv".into()
        }
    );
    assert_eq!(
        error.to_string(),
        "bad-nodes-latin1.csv is not text in UTF-8; save it again as UTF-8 text"
    );
}

#[test]
fn graphml_mismatched_end_tag() {
    let error = import(
        MapFormat::GraphMl,
        &[("bad-unclosed.graphml", fixture!("bad-unclosed.graphml"))],
    )
    .unwrap_err();
    assert!(
        matches!(
            &error,
            InterchangeError::Syntax { file, at, format: "GraphML", .. }
                if file == "bad-unclosed.graphml" && *at == Location::line_column(6, 5)
        ),
        "{error:?}"
    );
}

#[test]
fn graphml_edge_without_a_target() {
    assert_eq!(
        import(
            MapFormat::GraphMl,
            &[(
                "bad-edge-no-target.graphml",
                fixture!("bad-edge-no-target.graphml")
            )],
        ),
        Err(InterchangeError::MissingField {
            file: "bad-edge-no-target.graphml".into(),
            at: Location::line_column(8, 7),
            field: "target",
        })
    );
}

#[test]
fn canvas_severity_out_of_range() {
    assert!(matches!(
        import(
            MapFormat::JsonCanvas,
            &[("bad-severity.canvas", fixture!("bad-severity.canvas"))]
        ),
        Err(InterchangeError::BadValue { file, at, field: "severity", value, .. })
            if file == "bad-severity.canvas" && at == Location::entry("node", 1) && value == "7"
    ));
}

#[test]
fn wrong_format_for_the_file() {
    assert_eq!(
        import(MapFormat::Kumu, &[("map.canvas", fixture!("map.canvas"))]),
        Err(InterchangeError::Syntax {
            file: "map.canvas".into(),
            at: Location::File,
            format: "Kumu JSON",
            detail: "a Kumu blueprint has \"elements\" and \"connections\", and this file has \
                     neither"
                .into(),
        })
    );
    assert!(matches!(
        import(
            MapFormat::JsonCanvas,
            &[("kumu-simple.json", fixture!("kumu-simple.json"))]
        ),
        Err(InterchangeError::Syntax {
            format: "JSON Canvas",
            at: Location::File,
            ..
        })
    ));
    assert!(matches!(
        import(
            MapFormat::GraphMl,
            &[("kumu-project.json", fixture!("kumu-project.json"))]
        ),
        Err(InterchangeError::Syntax {
            format: "GraphML",
            ..
        })
    ));
    assert!(matches!(
        import(MapFormat::Kumu, &[("list.json", b"[1, 2]")]),
        Err(InterchangeError::Syntax {
            at: Location::File,
            ..
        })
    ));
}

fn dot(name: &str, bytes: &[u8]) -> InterchangeError {
    import(MapFormat::Dot, &[(name, bytes)]).unwrap_err()
}

#[test]
fn dot_attribute_list_left_open() {
    let error = dot("bad-syntax.dot", fixture!("bad-syntax.dot"));
    // The `]` missing at the end of line 3 is noticed at the next line's first name.
    assert_eq!(
        error,
        InterchangeError::Syntax {
            file: "bad-syntax.dot".into(),
            at: Location::line_column(4, 3),
            format: "Graphviz DOT",
            detail: "expected an attribute (name = value) or ]".into(),
        }
    );
    assert_eq!(
        error.to_string(),
        "bad-syntax.dot, line 4, column 3: this is not valid Graphviz DOT: expected an attribute \
         (name = value) or ]"
    );
}

#[test]
fn dot_unknown_kind_says_where_it_is_written() {
    let error = dot("bad-kind.dot", fixture!("bad-kind.dot"));
    assert_eq!(
        error,
        InterchangeError::BadValue {
            file: "bad-kind.dot".into(),
            at: Location::line_column(2, 33),
            field: "kind",
            value: "spaceship".into(),
            expected: "use one of: service, organisation, person or role, persona, condition, \
                       resource, factor"
                .into(),
        }
    );
    assert!(error.to_string().starts_with(
        "bad-kind.dot, line 2, column 33: the kind “spaceship” is not valid; use one of:"
    ));
}

#[test]
fn dot_html_labels_are_read_as_their_words() {
    let map = crate::interchange::import(
        crate::interchange::MapFormat::Dot,
        &[("html-label.dot", fixture!("html-label.dot"))],
    )
    .expect("an HTML label is read");
    let labels: Vec<&str> = map.nodes.iter().map(|n| n.node.label.as_str()).collect();
    assert!(labels.contains(&"District nurse"), "{labels:?}");
    // A mistake elsewhere is still reported where it is.
    let earlier = "digraph {\n  a -> ;\n  b [label=<<i>B</i>>]\n}\n";
    assert!(matches!(
        dot("earlier.dot", earlier.as_bytes()),
        InterchangeError::Syntax { at, detail, .. }
            if at == Location::line_column(2, 8) && detail == "expected a name or { … }"
    ));
}
