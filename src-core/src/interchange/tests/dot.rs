//! Graphviz DOT: a file as a person writes it, what Graphviz syntax means for a map, what we
//! write, and what is refused.

use super::{
    connection, connection_summary, failure, failure_marks, fixture, node, node_by_id, sample_map,
};
use crate::interchange::dot::NESTING_MAX;
use crate::interchange::{
    export, import, ImportedMap, InterchangeError, Location, MapFormat, CONNECTIONS_MAX,
    FAILURES_MAX, LABEL_MAX, NODES_MAX,
};
use std::fmt::Write as _;
use systematic_ipc::{Level, MapView, NodeKind, Polarity};

fn dot(text: &str) -> Result<ImportedMap, InterchangeError> {
    import(MapFormat::Dot, &[("map.dot", text.as_bytes())])
}

fn s(text: &str) -> String {
    text.to_owned()
}

#[test]
fn a_hand_written_file_imports_with_clusters_chains_and_defaults() {
    let map = import(MapFormat::Dot, &[("map.dot", fixture!("map.dot"))]).unwrap();
    let ids: Vec<&str> = map.nodes.iter().map(|n| n.id.as_str()).collect();
    // In order of first mention; nodes named only in edges are nodes too.
    assert_eq!(
        ids,
        [
            "district nurse",
            "esther",
            "gp",
            "loneliness",
            "transport",
            "pharmacy"
        ]
    );
    let nurse = node_by_id(&map, "district nurse");
    assert_eq!(nurse.node.label, "District nurse");
    // The cluster's `node [kind=person]`.
    assert_eq!(nurse.node.kind, NodeKind::PersonRole);
    assert_eq!(nurse.node.level, Some(Level::Micro));
    let esther = node_by_id(&map, "esther");
    assert_eq!(esther.node.label, "Esther \"Essie\" Jones");
    assert_eq!(esther.node.kind, NodeKind::Persona);
    assert_eq!(esther.node.notes, "Lives alone.\nLikes her garden.");
    let gp = node_by_id(&map, "gp");
    assert_eq!(gp.node.kind, NodeKind::Organisation);
    assert_eq!((gp.node.x, gp.node.y), (-200.0, 0.0));
    // neato's `pin`.
    assert!(gp.node.pinned);
    // Unlabelled nodes are labelled with their name; the cluster's default stays in the cluster.
    let loneliness = node_by_id(&map, "loneliness");
    assert_eq!(loneliness.node.label, "loneliness");
    assert_eq!(loneliness.node.kind, NodeKind::Service);
    assert!(loneliness.node.y > 0.0, "placed on the grid below gp");
    assert_eq!(
        node_by_id(&map, "transport").node.label,
        "Community\ntransport"
    );

    assert_eq!(
        connection_summary(&map),
        vec![
            (
                s("District nurse"),
                s("Esther \"Essie\" Jones"),
                Polarity::Positive,
                s(""),
                false
            ),
            (
                s("Esther \"Essie\" Jones"),
                s("Community\ntransport"),
                Polarity::Unknown,
                s(""),
                false
            ),
            (
                s("Esther \"Essie\" Jones"),
                s("loneliness"),
                Polarity::Negative,
                s("fewer visits"),
                true
            ),
            (
                s("Esther \"Essie\" Jones"),
                s("pharmacy"),
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
            // `dir=both`: one connection each way.
            (
                s("GP practice"),
                s("loneliness"),
                Polarity::Negative,
                s(""),
                false
            ),
            (
                s("loneliness"),
                s("GP practice"),
                Polarity::Negative,
                s(""),
                false
            ),
        ]
    );
    assert_eq!(
        failure_marks(&map.failures),
        vec![(s("gp"), s("Appointments run out by 8:05"), Some(4))]
    );
}

#[test]
fn undirected_edges_and_dir_give_the_connections_drawn() {
    let map = dot("graph { a -- b; c -- d [dir=both, id=cd]; e -- f [dir=back] }").unwrap();
    let ends: Vec<(&str, &str, &str)> = map
        .connections
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.connection.from.as_str(),
                c.connection.to.as_str(),
            )
        })
        .collect();
    assert_eq!(
        ends,
        [
            ("connection-1", "a", "b"),
            ("cd", "c", "d"),
            ("cd-back", "d", "c"),
            ("connection-2", "f", "e"),
        ]
    );
    assert!(matches!(
        dot("digraph { a -> b [dir=sideways] }"),
        Err(InterchangeError::BadValue { field: "dir", value, at, .. })
            if value == "sideways" && at == Location::line_column(1, 23)
    ));
}

#[test]
fn defaults_apply_from_where_they_are_set_to_the_end_of_their_subgraph() {
    let map = dot("digraph {
           a
           node [kind=persona]
           b
           subgraph { node [kind=factor]; c; d -> e }
           f -> g [polarity=\"-\"]
           edge [polarity=\"+\"]
           b -> { h i }
         }")
    .unwrap();
    let kind = |id: &str| node_by_id(&map, id).node.kind;
    assert_eq!(kind("a"), NodeKind::Service);
    assert_eq!(kind("b"), NodeKind::Persona);
    for id in ["c", "d", "e"] {
        assert_eq!(kind(id), NodeKind::Factor, "{id}");
    }
    for id in ["f", "g", "h", "i"] {
        assert_eq!(kind(id), NodeKind::Persona, "{id}");
    }
    let polarity = |from: &str, to: &str| {
        map.connections
            .iter()
            .find(|c| c.connection.from == from && c.connection.to == to)
            .map(|c| c.connection.polarity)
    };
    assert_eq!(polarity("d", "e"), Some(Polarity::Unknown));
    assert_eq!(polarity("f", "g"), Some(Polarity::Negative));
    assert_eq!(polarity("b", "h"), Some(Polarity::Positive));
    assert_eq!(polarity("b", "i"), Some(Polarity::Positive));
}

#[test]
fn a_node_named_twice_keeps_all_its_attributes_and_strict_graphs_merge_edges() {
    let map = dot("strict digraph {
           a [label=\"Carer\"]
           a [kind=person]
           a -> b [label=\"helps\"]
           a -> b [polarity=positive]
         }")
    .unwrap();
    let a = node_by_id(&map, "a");
    assert_eq!(
        (a.node.label.as_str(), a.node.kind),
        ("Carer", NodeKind::PersonRole)
    );
    assert_eq!(map.connections.len(), 1);
    let c = &map.connections[0].connection;
    assert_eq!(
        (c.label.as_str(), c.polarity),
        ("helps", Polarity::Positive)
    );
    // Not strict: two connections.
    assert_eq!(
        dot("digraph { a -> b; a -> b }").unwrap().connections.len(),
        2
    );
}

#[test]
fn graphviz_escapes_in_labels() {
    let map = dot(r#"digraph {
             "a\\b" [label="\N (left)\lsecond\l"]
             c [label=""]
             d [label="tab\there, \"quoted\", joined \
lines"]
           }"#)
    .unwrap();
    // `\\` in a name is one backslash; `\N` is the name and `\l` a line break.
    assert_eq!(node_by_id(&map, "a\\b").node.label, "a\\b (left)\nsecond");
    assert_eq!(node_by_id(&map, "c").node.label, "c");
    assert_eq!(
        node_by_id(&map, "d").node.label,
        "tab\\there, \"quoted\", joined lines"
    );
}

#[test]
fn export_quotes_carriage_returns_and_a_final_backslash() {
    let mut map = sample_map();
    map.nodes[0].node.label = "ends in \\".into();
    map.nodes[1].node.notes = "one\r\ntwo\rthree".into();
    let files = export(&map, "Title \\", MapFormat::Dot).unwrap();
    let text = String::from_utf8(files[0].bytes.clone()).unwrap();
    assert!(text.contains("label=\"ends in \\\\\\\n\""), "{text}");
    assert!(text.contains("notes=\"one\\r\\ntwo\\rthree\""), "{text}");
    let back = import(MapFormat::Dot, &[("map.dot", &files[0].bytes)]).unwrap();
    assert_eq!(node_by_id(&back, "n-gp").node.label, "ends in \\");
    assert_eq!(node_by_id(&back, "n-nurse").node.notes, "one\r\ntwo\rthree");
}

#[test]
fn export_writes_our_fields_as_attributes() {
    let files = export(&sample_map(), "Esther's map", MapFormat::Dot).unwrap();
    let text = String::from_utf8(files[0].bytes.clone()).unwrap();
    for expected in [
        "digraph \"Esther's map\" {",
        "\"n-gp\" [label=\"GP practice\", shape=box, style=\"filled\"",
        "pos=\"-200,-0!\", kind=\"organisation\", kind_name=\"Organisation\", level=\"meso\"",
        "pinned=true",
        "\"n-nurse\" -> \"n-lonely\" [id=\"c2\", label=\"‖ fewer visits\", headlabel=\"−\", \
         polarity=\"negative\", delay=true",
    ] {
        assert!(text.contains(expected), "{expected} missing from\n{text}");
    }
}

#[test]
fn an_unclosed_quote_is_reported_where_it_opens() {
    assert_eq!(
        dot("digraph {\n  a [label=\"Esther]\n  a -> b\n}\n"),
        Err(InterchangeError::Syntax {
            file: "map.dot".into(),
            at: Location::line_column(2, 12),
            format: "Graphviz DOT",
            detail: "this quoted text is never closed; a \" inside a text is written \\\"".into(),
        })
    );
}

#[test]
fn one_graph_per_file() {
    assert_eq!(
        dot("digraph a { x } digraph b { y }"),
        Err(InterchangeError::Syntax {
            file: "map.dot".into(),
            at: Location::line_column(1, 17),
            format: "Graphviz DOT",
            detail: "a second graph starts here; a map is read from a file with one".into(),
        })
    );
    assert_eq!(dot("digraph {}").unwrap(), ImportedMap::default());
    assert!(matches!(
        dot("   "),
        Err(InterchangeError::Syntax { at, detail, .. })
            if at == Location::line_column(1, 4) && detail == "expected graph or digraph"
    ));
}

#[test]
fn bad_values_say_where_they_are_written() {
    let error = dot("digraph { gp [pos=\"left\"] }").unwrap_err();
    assert!(matches!(
        &error,
        InterchangeError::BadValue { field: "pos", value, .. } if value == "left"
    ));
    assert!(error
        .to_string()
        .starts_with("map.dot, line 1, column 19: the pos “left” is not valid"));
    // A value given by `edge [ … ]` is reported where the default is written.
    let error = dot("digraph {\n  edge [polarity=maybe]\n  gp -> nurse\n}").unwrap_err();
    assert_eq!(
        error.to_string(),
        "map.dot, line 2, column 18: the polarity “maybe” is not valid; use +, − or ?, or \
         positive, negative or unknown (also: same, opposite)"
    );
    // A head label that is not a sign is just a label for Graphviz.
    let map = dot("digraph { a -> b [headlabel=\"starts\"] }").unwrap();
    assert_eq!(map.connections[0].connection.polarity, Polarity::Unknown);
    let long = "x".repeat(LABEL_MAX + 1);
    assert!(matches!(
        dot(&format!("digraph {{ a [label=\"{long}\"] }}")),
        Err(InterchangeError::BadValue { field: "label", at, .. }) if at == Location::line_column(1, 11)
    ));
}

#[test]
fn deep_nesting_is_refused_and_long_statements_are_read() {
    let nested = |depth: usize| {
        format!(
            "digraph {{\n{} a {} }}",
            "{ ".repeat(depth),
            "} ".repeat(depth)
        )
    };
    assert_eq!(dot(&nested(NESTING_MAX)).unwrap().nodes.len(), 1);
    // Far deeper than would overflow the stack, were there no limit.
    for depth in [NESTING_MAX + 1, 100_000] {
        assert!(matches!(
            dot(&nested(depth)),
            Err(InterchangeError::Syntax { at, detail, .. })
                if at == Location::line_column(2, 65)
                    && detail == "subgraphs are nested more than 32 deep here, more than can be read"
        ));
    }
    // Subgraphs at the ends of edges nest too.
    let ends = format!("digraph {{ a{} }}", " -> { b".repeat(40) + &"}".repeat(40));
    assert!(matches!(
        dot(&ends),
        Err(InterchangeError::Syntax { detail, .. }) if detail.starts_with("subgraphs are nested")
    ));

    // Chains and attribute lists are loops, not recursion: as long as the map's limits allow.
    let chain = |length: usize| {
        let mut text = String::from("digraph { n0");
        for i in 1..=length {
            let _ = write!(text, " -> n{}", i % NODES_MAX);
        }
        text.push_str(" }");
        text
    };
    assert_eq!(
        dot(&chain(CONNECTIONS_MAX)).unwrap().connections.len(),
        CONNECTIONS_MAX
    );
    assert!(matches!(
        dot(&chain(50_000)),
        Err(InterchangeError::TooMany {
            what: "connections",
            ..
        })
    ));
    let mut attributes = String::from("digraph { a [");
    for i in 0..50_000 {
        let _ = write!(attributes, "k{i}=v ");
    }
    attributes.push_str("label=A] }");
    assert_eq!(node_by_id(&dot(&attributes).unwrap(), "a").node.label, "A");
}

#[test]
fn too_many_nodes_or_edges_are_refused_while_reading() {
    let mut nodes = String::from("digraph {");
    for i in 0..=NODES_MAX {
        let _ = write!(nodes, " n{i};");
    }
    nodes.push('}');
    assert_eq!(
        dot(&nodes),
        Err(InterchangeError::TooMany {
            file: "map.dot".into(),
            what: "nodes",
            max: NODES_MAX
        })
    );
    // 100 × 100 edges from one statement.
    let group = |prefix: &str| {
        (0..100)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let product = format!("digraph {{ {{ {} }} -> {{ {} }} }}", group("a"), group("b"));
    assert_eq!(
        dot(&product),
        Err(InterchangeError::TooMany {
            file: "map.dot".into(),
            what: "connections",
            max: CONNECTIONS_MAX
        })
    );
    // A strict graph merges repeated edges, but repeating them is not free: 30 × 50 × 50 edges
    // written make 2,500 connections and are refused.
    let small = |prefix: &str| {
        (0..50)
            .map(|i| format!("{prefix}{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let repeated = format!(
        "strict digraph {{ {} }}",
        format!("{{ {} }} -> {{ {} }}\n", small("a"), small("b")).repeat(30)
    );
    assert_eq!(
        dot(&repeated),
        Err(InterchangeError::TooMany {
            file: "map.dot".into(),
            what: "edges (counting each edge a chain or subgraph stands for)",
            max: 16 * CONNECTIONS_MAX
        })
    );
    let once = format!(
        "strict digraph {{ {} }}",
        format!("{{ {} }} -> {{ {} }}\n", small("a"), small("b")).repeat(2)
    );
    assert_eq!(dot(&once).unwrap().connections.len(), 2_500);
}

#[test]
fn a_file_laid_out_by_graphviz_keeps_its_layout() {
    // As `dot -Tdot` writes it: tabs, `label="\N"`, positions in points with y upwards.
    let map = dot(
        "digraph G {\n\tgraph [bb=\"0,0,62,108\"];\n\tnode [label=\"\\N\"];\n\
         \ta\t[height=0.5, pos=\"27,90\", width=0.75];\n\
         \tb\t[height=0.5, pos=\"27,18\", width=0.75];\n\
         \ta -> b\t[pos=\"e,27,36.104 27,71.697 27,63.983 27,54.712 27,46.112\"];\n}\n",
    )
    .unwrap();
    let a = node_by_id(&map, "a");
    assert_eq!(
        (a.node.label.as_str(), a.node.x, a.node.y),
        ("a", 27.0, -90.0)
    );
    assert_eq!(
        (node_by_id(&map, "b").node.x, node_by_id(&map, "b").node.y),
        (27.0, -18.0)
    );
    assert_eq!(map.connections.len(), 1);
}

#[test]
fn the_rest_of_graphviz_syntax_is_read() {
    let map = dot(r#"# 1 "map.gv"
/* keywords in any case, a quoted name, `[]`, several lists, `;` between attributes */
STRICT DiGraph "map" {
  Graph [rankdir=LR]; NODE [kind=factor] EDGE []
  size = "4,4"
  "quoted name" [label="Joined " + "text" + "", level=macro] [notes="one"; pinned=yes]
  åsa_1 [label=<<b>not read</b> <i>(no markup in a map)</i>>, label="Åsa"]
  -2.5 [xlabel=<ignored>]
  a:port:n -> b:se [polarity=positive]
  subgraph s { c }
  d -> subgraph s { e }
  f -> { g; h }
}"#)
    .unwrap();
    let ids: Vec<&str> = map.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "quoted name",
            "åsa_1",
            "-2.5",
            "a",
            "b",
            "c",
            "d",
            "e",
            "f",
            "g",
            "h"
        ]
    );
    let quoted = node_by_id(&map, "quoted name");
    assert_eq!(quoted.node.label, "Joined text");
    assert_eq!(quoted.node.level, Some(Level::Macro));
    assert_eq!(quoted.node.kind, NodeKind::Factor);
    assert_eq!(quoted.node.notes, "one");
    assert!(quoted.node.pinned);
    // The later label wins, so the HTML one is never read.
    assert_eq!(node_by_id(&map, "åsa_1").node.label, "Åsa");
    assert_eq!(node_by_id(&map, "-2.5").node.label, "-2.5");
    let ends: Vec<(&str, &str, Polarity)> = map
        .connections
        .iter()
        .map(|c| {
            let c = &c.connection;
            (c.from.as_str(), c.to.as_str(), c.polarity)
        })
        .collect();
    assert_eq!(
        ends,
        [
            ("a", "b", Polarity::Positive),
            // `subgraph s` written twice is one subgraph, holding c and e.
            ("d", "c", Polarity::Unknown),
            ("d", "e", Polarity::Unknown),
            ("f", "g", Polarity::Unknown),
            ("f", "h", Polarity::Unknown),
        ]
    );
}

#[test]
fn syntax_errors_say_where_and_what() {
    for (text, line, column, detail) in [
        (
            "graph { a -> b }",
            1,
            11,
            "-> is for a digraph; in a graph, edges are written a -- b",
        ),
        (
            "digraph { a -- b }",
            1,
            13,
            "-- is for a graph; in a digraph, edges are written a -> b",
        ),
        (
            "digraph {\n  a -> node\n}",
            2,
            8,
            "expected a name or { … }; node is a keyword, written in double quotes (\"node\") \
             when it is a name",
        ),
        ("digraph { a [label=] }", 1, 20, "expected a value after ="),
        (
            "digraph { a [label=\"x\" + y] }",
            1,
            26,
            "expected a quoted text after +",
        ),
        (
            "digraph { 2nd -> b }",
            1,
            11,
            "a name that starts with a digit (or is a number \
          followed by letters) must be written in double quotes, as \"2nd step\"",
        ),
        (
            "digraph {\n  a\n",
            3,
            1,
            "expected } to close the { on line 1, column 9",
        ),
        (
            "digraph { { a }",
            1,
            16,
            "expected } to close the { on line 1, column 9",
        ),
        (
            "digraph { a } }",
            1,
            15,
            "expected the end of the file after the graph's }",
        ),
        (
            "digraph { ] }",
            1,
            11,
            "expected a statement: a node, an edge, an attribute or a subgraph",
        ),
        ("digraph { node a }", 1, 16, "expected [ … ]"),
        (
            "digraph { <b>x</b> -> a }",
            1,
            11,
            "an HTML string (<…>) cannot name a node; write \
          the name in double quotes",
        ),
        (
            "digraph { a /* never closed }",
            1,
            13,
            "this comment (/* …) is never closed",
        ),
        ("graph { a ~ b }", 1, 11, "“~” cannot stand here"),
        ("subgraph { a }", 1, 1, "expected graph or digraph"),
    ] {
        assert_eq!(
            dot(text),
            Err(InterchangeError::Syntax {
                file: "map.dot".into(),
                at: Location::line_column(line, column),
                format: "Graphviz DOT",
                detail: detail.into(),
            }),
            "{text}"
        );
    }
}

#[test]
fn the_largest_map_imports_again_and_statements_cost_only_their_length() {
    // Every limit reached and every field filled: the token limit must leave room for it.
    let mut map = MapView::default();
    for i in 0..NODES_MAX {
        let mut n = node(
            &format!("n{i}"),
            &format!("Node {i}"),
            NodeKind::Persona,
            1.5,
            -2.5,
        );
        n.node.level = Some(Level::Meso);
        n.node.notes = "Some notes, with \"quotes\".\nTwo lines.".into();
        n.node.pinned = true;
        map.nodes.push(n);
    }
    for i in 0..CONNECTIONS_MAX {
        let mut c = connection(
            &format!("c{i}"),
            &format!("n{}", i % NODES_MAX),
            &format!("n{}", (i * 7 + 1) % NODES_MAX),
            Polarity::Negative,
        );
        c.connection.label = "fewer visits".into();
        c.connection.delay = true;
        map.connections.push(c);
    }
    for i in 0..FAILURES_MAX {
        let on = if i % 2 == 0 {
            format!("n{}", i / 2)
        } else {
            format!("c{}", i / 2)
        };
        map.failures.push(failure(
            &format!("f{i}"),
            &on,
            "Nobody phones back",
            Some(3),
        ));
    }
    let files = export(&map, "Largest", MapFormat::Dot).unwrap();
    let back = import(MapFormat::Dot, &[("map.dot", &files[0].bytes)]).unwrap();
    assert_eq!(
        (
            back.nodes.len(),
            back.connections.len(),
            back.failures.len()
        ),
        (NODES_MAX, CONNECTIONS_MAX, FAILURES_MAX)
    );

    // Many statements cost no more than their length: nothing is kept per token.
    let tiny = format!("digraph {{ {} }}", "a;".repeat(400_000));
    assert_eq!(dot(&tiny).unwrap().nodes.len(), 1);
}

#[test]
fn text_given_to_many_items_or_repeated_counts_each_time() {
    // One 60 kB value, shared by 2,000 nodes until it is read: 120 MB of text.
    let text = format!(
        "digraph {{ node [notes=\"{}\"] {} }}",
        "x".repeat(60_000),
        (0..NODES_MAX)
            .map(|i| format!("n{i}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    assert!(matches!(
        dot(&text),
        Err(InterchangeError::TooMany {
            max: 100_000_000,
            ..
        })
    ));
    // `\N` repeats the node's name: 20,000 times a 10,000-character name is 200 MB.
    let text = format!(
        "digraph {{ \"{}\" [label=\"{}\"] }}",
        "x".repeat(10_000),
        "\\N".repeat(20_000)
    );
    assert!(matches!(
        dot(&text),
        Err(InterchangeError::TooMany {
            max: 100_000_000,
            ..
        })
    ));
}

#[test]
fn a_big_named_subgraph_mentioned_again_and_again_is_neither_copied_nor_joined_each_time() {
    let members: String = (0..1_999).map(|i| format!(" n{i}")).collect();
    let named = format!("subgraph s {{{members} }}\n");
    // Mentioned 200,000 times on its own: each mention shares one list of its 1,999 nodes.
    let mentions = format!("digraph {{ {named}{} }}", "subgraph s {} ".repeat(200_000));
    assert_eq!(dot(&mentions).unwrap().nodes.len(), 1_999);
    // In a chain, the edges it stands for are counted as the chain is read: refused at the
    // second mention (1,999 × 1,999 edges), long before millions of ends are held.
    let chain = format!(
        "digraph {{ {named} x{} }}",
        " -> subgraph s {}".repeat(100_000)
    );
    assert_eq!(
        dot(&chain),
        Err(InterchangeError::TooMany {
            file: "map.dot".into(),
            what: "edges (counting each edge a chain or subgraph stands for)",
            max: 16 * CONNECTIONS_MAX
        })
    );
}
