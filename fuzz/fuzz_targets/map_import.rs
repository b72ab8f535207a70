//! Importing a map file must never crash, whatever its bytes: it either reads a map or says what
//! is wrong with the file. A map that imports must also export again. The same calls replay the
//! corpus in `src-core/tests/map_import_corpus.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use systematic_core::interchange::{self, MapFormat};

fuzz_target!(|bytes: &[u8]| {
    for name in [
        "input",
        "map.json",
        "map.canvas",
        "map.graphml",
        "nodes.csv",
    ] {
        let _ = interchange::detect(name, bytes);
    }
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
            let view = map.into_map_view();
            // PNG is left out: drawing it takes too long for a fuzzer, and it draws the SVG.
            for format in MapFormat::ALL.into_iter().filter(|f| *f != MapFormat::Png) {
                if let Err(error) = interchange::export(&view, "Fuzz", format) {
                    panic!(
                        "a map that imports must export as {}: {error}",
                        format.name()
                    );
                }
            }
        }
    }
});
