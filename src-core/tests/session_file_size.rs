//! Benchmark 4 as a check: a session file is at most 5% larger than Automerge's own `save()` of
//! the same document (the header is small and the document is stored as Automerge saves it).

use systematic_core::{session_file, workload};

#[test]
fn a_session_file_is_at_most_five_percent_over_the_bare_document() {
    let mut doc = workload::base();
    workload::grow(&mut doc, 1, 20_000);
    let session = session_file::to_bytes(&mut doc).unwrap().len();
    let bare = doc.save().len();
    let ratio = session as f64 / bare as f64;
    assert!(ratio <= 1.05, "{session} vs {bare} bytes: ratio {ratio:.3}");
}
