//! Where the time of `systematic merge` goes, phase by phase, on benchmark 2's 12 files of 20,000
//! operations, beside bare Automerge doing the same merge two ways.
//! Run: `cargo run --release -p systematic-cli --example merge_phases`.

use automerge::{ActorId, AutoCommit};
use std::time::Instant;
use systematic_core::document::WorkshopDoc;
use systematic_core::merge::{merge, MergeOptions, MergeSource};
use systematic_core::{session_file, workload};

fn main() {
    let mut base = workload::base();
    let base_bytes = base.save();
    let mut files = Vec::new();
    for laptop in 0..12 {
        let mut doc = WorkshopDoc::load(&base_bytes, &ActorId::random()).expect("base loads");
        workload::grow(&mut doc, laptop, 20_000);
        files.push(session_file::to_bytes(&mut doc).expect("session file"));
    }
    let bodies: Vec<&[u8]> = files
        .iter()
        .map(|f| session_file::split(f).expect("ours").1)
        .collect();

    let started = Instant::now();
    let mut docs: Vec<AutoCommit> = bodies
        .iter()
        .map(|b| AutoCommit::load(b).expect("loads"))
        .collect();
    let mut first = docs.remove(0);
    for doc in &mut docs {
        first.merge(doc).expect("merges");
    }
    println!("bare automerge, load each + merge: {:?}", started.elapsed());

    let started = Instant::now();
    let mut first = AutoCommit::load(bodies[0]).expect("loads");
    for body in &bodies[1..] {
        first.load_incremental(body).expect("loads");
    }
    println!(
        "bare automerge, load + load_incremental: {:?}",
        started.elapsed()
    );

    let started = Instant::now();
    let sources: Vec<MergeSource> = bodies
        .iter()
        .enumerate()
        .map(|(n, body)| MergeSource {
            name: format!("laptop-{n}"),
            doc: WorkshopDoc::load(body, &ActorId::random()).expect("loads"),
        })
        .collect();
    println!("systematic: load 12 files: {:?}", started.elapsed());
    let started = Instant::now();
    let (mut merged, report) =
        merge(sources, &MergeOptions { force: false }, &mut |_, _| {}).expect("merges");
    println!("systematic: merge + report: {:?}", started.elapsed());
    let started = Instant::now();
    let bytes = session_file::to_bytes(&mut merged).expect("saves");
    let json = serde_json::to_string(&report).expect("json");
    println!(
        "systematic: save + report JSON: {:?} ({} + {} bytes)",
        started.elapsed(),
        bytes.len(),
        json.len()
    );
}
