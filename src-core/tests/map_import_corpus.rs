//! Replays the map-import fuzz corpus (`fuzz/corpus/map_import`, crash inputs included) through
//! the same calls as the fuzz target `fuzz/fuzz_targets/map_import.rs`: detection, import in every
//! importable format, and export of whatever imports. Every input that ever crashed them stays
//! fixed without running the fuzzer.

use std::path::Path;
use systematic_core::interchange::{self, MapFormat};

/// What one input did: how many formats imported it.
fn replay(bytes: &[u8]) -> usize {
    for name in [
        "input",
        "map.json",
        "map.canvas",
        "map.graphml",
        "nodes.csv",
    ] {
        let _ = interchange::detect(name, bytes);
    }
    let mut imported_as = 0;
    for format in MapFormat::ALL.into_iter().filter(|f| f.can_import()) {
        let imported = if format == MapFormat::Csv {
            // Two files: split at the first 0 byte, or else half way.
            let (nodes, connections) = match bytes.iter().position(|&b| b == 0) {
                Some(zero) => (&bytes[..zero], &bytes[zero + 1..]),
                None => bytes.split_at(bytes.len() / 2),
            };
            interchange::import(
                format,
                &[("nodes.csv", nodes), ("connections.csv", connections)],
            )
        } else {
            interchange::import(format, &[("input", bytes)])
        };
        if let Ok(map) = imported {
            imported_as += 1;
            let view = map.into_map_view();
            for format in MapFormat::ALL.into_iter().filter(|f| *f != MapFormat::Png) {
                interchange::export(&view, "Fuzz", format).unwrap_or_else(|e| {
                    panic!("a map that imports must export as {}: {e}", format.name())
                });
            }
        }
    }
    imported_as
}

#[test]
fn every_corpus_input_imports_or_is_refused_without_a_crash() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/map_import");
    let mut inputs = 0;
    let mut imported = 0;
    for entry in std::fs::read_dir(&corpus).expect("the fuzz corpus is in the repository") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        inputs += 1;
        if replay(&bytes) > 0 {
            imported += 1;
        }
    }
    assert!(inputs >= 15, "the corpus has only {inputs} inputs");
    assert!(
        imported >= 5,
        "the corpus should hold files that import too ({imported} did)"
    );
}
