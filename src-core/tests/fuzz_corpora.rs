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

/// Writes the seeds of `session_protected` from the valid seeds of `session_file`: each
/// encrypted to the fuzzing passphrase, plus one to another passphrase and one cut short. Run by
/// hand when the seeds need making again:
/// `cargo test -p systematic-core --test fuzz_corpora -- --ignored`.
#[test]
#[ignore = "writes the seed corpus; run by hand"]
fn make_the_protected_session_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus");
    let out = root.join("session_protected");
    std::fs::create_dir_all(&out).unwrap();
    let mut plain: Vec<(String, Vec<u8>)> = std::fs::read_dir(root.join("session_file"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .filter(|(_, bytes)| fuzzing::session_file(bytes))
        .collect();
    plain.sort_by_key(|(_, bytes)| bytes.len());
    for (name, bytes) in plain.iter().take(4) {
        std::fs::write(
            out.join(format!("seed-{name}")),
            fuzzing::protected_seed(bytes),
        )
        .unwrap();
    }
    let (_, first) = &plain[0];
    let protected = fuzzing::protected_seed(first);
    std::fs::write(
        out.join("seed-cut-short"),
        &protected[..protected.len() / 2],
    )
    .unwrap();
    let mut other = age::scrypt::Recipient::new("another passphrase".to_owned().into());
    other.set_work_factor(2);
    std::fs::write(
        out.join("seed-other-passphrase"),
        age::encrypt(&other, first).unwrap(),
    )
    .unwrap();
}
