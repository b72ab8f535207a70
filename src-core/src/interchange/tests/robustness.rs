//! Import never panics, whatever the bytes, and every export of any map is well-formed. (The fuzz
//! target `fuzz/fuzz_targets/map_import.rs` does the first at length; this is a quick check.)
//! Random bytes rarely look like DOT, so damaged DOT files and random DOT-like text are tried
//! too.

use super::fixture;
use super::round_trip::map;
use crate::interchange::{export, import, MapFormat};
use proptest::prelude::*;
use quick_xml::events::Event;
use quick_xml::Reader;

const SEEDS: [&[u8]; 8] = [
    fixture!("kumu-project.json"),
    fixture!("kumu-simple.json"),
    fixture!("nodes.csv"),
    fixture!("connections.csv"),
    fixture!("map.graphml"),
    fixture!("map.canvas"),
    fixture!("map.dot"),
    fixture!("html-label.dot"),
];

/// A seed file with a few bytes changed, inserted or removed.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        proptest::sample::select(SEEDS.to_vec()),
        proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..8),
    )
        .prop_map(|(seed, edits)| {
            let mut bytes = seed.to_vec();
            for (at, byte, edit) in edits {
                let at = at % (bytes.len() + 1);
                match edit {
                    0 if at < bytes.len() => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => {}
                }
            }
            bytes
        })
}

fn import_every_way(bytes: &[u8]) {
    for format in MapFormat::ALL {
        let _ = import(format, &[("input", bytes)]);
    }
    let (nodes, connections) = bytes.split_at(bytes.len() / 2);
    let _ = import(
        MapFormat::Csv,
        &[("nodes.csv", nodes), ("connections.csv", connections)],
    );
    let _ = import(
        MapFormat::Csv,
        &[("nodes.csv", bytes), ("connections.csv", SEEDS[3])],
    );
    let _ = import(
        MapFormat::Csv,
        &[("nodes.csv", SEEDS[2]), ("connections.csv", bytes)],
    );
}

fn assert_well_formed(xml: &[u8]) {
    let text = std::str::from_utf8(xml).unwrap();
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}\n{text}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn import_of_damaged_files_never_panics(bytes in mutated()) {
        import_every_way(&bytes);
    }

    #[test]
    fn import_of_random_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        import_every_way(&bytes);
    }

    #[test]
    fn import_of_random_dot_tokens_never_panics(text in dot_tokens()) {
        import_every_way(text.as_bytes());
    }
}

/// A `digraph { … }` of DOT's tokens in any order: nesting, chains, ports, lists, strings with
/// escapes, comments and HTML.
fn dot_tokens() -> impl Strategy<Value = String> {
    const TOKENS: &[&str] = &[
        "a",
        "b",
        "node",
        "edge",
        "graph",
        "subgraph",
        "strict",
        "-1.5",
        "\"x\"",
        "\"\\\"\"",
        "\"\\\\\"",
        "\"\\\n\"",
        "->",
        "--",
        "{",
        "}",
        "[",
        "]",
        "=",
        ";",
        ",",
        ":",
        "n",
        "<b>",
        "<",
        ">",
        "//c\n",
        "/*",
        "*/",
        "\n",
        " ",
        "label",
        "pos",
        "\"1,2!\"",
        "dir",
        "both",
        "kind",
        "persona",
        "failures",
        "\"[9] x\"",
        "+",
        "\n# 1\n",
        "Åsa",
        "DiGraph",
        "<<i>x</i>>",
        "a:b:n",
    ];
    proptest::collection::vec(proptest::sample::select(TOKENS), 0..60)
        .prop_map(|tokens| format!("digraph {{ {} }}", tokens.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn svg_and_graphml_exports_are_well_formed_for_any_map(map in map()) {
        for format in [MapFormat::Svg, MapFormat::GraphMl] {
            for file in export(&map, "Any <map> & \"title\"", format).unwrap() {
                assert_well_formed(&file.bytes);
            }
        }
    }
}
