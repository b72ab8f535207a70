//! Replays every fuzz corpus in `fuzz/corpus/<target>/` (crash inputs included) through the same
//! calls the fuzz targets make (`systematic_core::fuzzing`), so every input that ever crashed a
//! parser stays fixed without running the fuzzer, and each corpus keeps valid seeds.

use std::path::Path;
use systematic_core::fuzzing;

#[test]
fn every_corpus_input_is_read_or_refused_without_a_crash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    for target in fuzzing::TARGETS {
        let folder = root.join(target);
        let mut inputs = 0;
        let mut valid = 0;
        for entry in
            std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            inputs += 1;
            let outcome = std::panic::catch_unwind(|| fuzzing::run(target, &bytes));
            match outcome {
                Ok(true) => valid += 1,
                Ok(false) => {}
                Err(_) => panic!("{target}: {} crashes the parser", path.display()),
            }
        }
        assert!(inputs >= 3, "{target}: the corpus has only {inputs} inputs");
        assert!(valid >= 1, "{target}: the corpus has no valid seed");
    }
}

#[test]
fn every_target_has_a_corpus_and_a_fuzz_binary() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let manifest = std::fs::read_to_string(fuzz.join("Cargo.toml")).unwrap();
    for target in fuzzing::TARGETS {
        assert!(fuzz.join("corpus").join(target).is_dir(), "{target}");
        assert!(
            manifest.contains(&format!("name = \"{target}\"")),
            "{target} is not a fuzz binary"
        );
    }
}
