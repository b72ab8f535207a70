//! Replays the fuzz corpus (`fuzz/corpus/session_file`, crash inputs included) through the
//! session-file reader, so every input that ever crashed it stays fixed without running the fuzzer.

use automerge::ActorId;
use std::path::Path;
use systematic_core::session_file;

#[test]
fn every_corpus_input_opens_or_is_refused_without_a_crash() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/session_file");
    let mut inputs = 0;
    let mut opened = 0;
    for entry in std::fs::read_dir(&corpus).expect("the fuzz corpus is in the repository") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        inputs += 1;
        if let Ok((_, mut doc)) = session_file::from_bytes(&bytes, &ActorId::random()) {
            systematic_core::inspect::model_json(&mut doc)
                .unwrap_or_else(|e| panic!("{} opened but cannot be read: {e}", path.display()));
            opened += 1;
        }
    }
    assert!(inputs >= 5, "the corpus has only {inputs} inputs");
    assert!(
        opened >= 2,
        "the corpus should hold valid session files too"
    );
}
