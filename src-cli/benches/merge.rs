//! Benchmark 2: `systematic merge --json` on 12 session files of about 20,000 operations each
//! (load, merge, report, save), against bare Automerge loading and merging the same documents and
//! saving the result, both with `merge` and with `load_incremental`. Target: at most 1.2x.
//! Run: `cargo bench -p systematic-cli --bench merge`; figures in docs/BENCHMARKS.md.

use automerge::AutoCommit;
use criterion::{criterion_group, criterion_main, Criterion};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use systematic_core::{session_file, workload};

const FILES: usize = 12;
const OPS_PER_FILE: u64 = 20_000;

fn merge(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut base = workload::base();
    let base_bytes = base.save();
    let mut sessions: Vec<PathBuf> = Vec::new();
    let mut bare: Vec<PathBuf> = Vec::new();
    for laptop in 0..FILES {
        let mut doc = systematic_core::document::WorkshopDoc::load(
            &base_bytes,
            &automerge::ActorId::random(),
        )
        .unwrap();
        workload::grow(&mut doc, laptop, OPS_PER_FILE);
        let session = dir.path().join(format!("laptop-{laptop}.systematic"));
        std::fs::write(&session, session_file::to_bytes(&mut doc).unwrap()).unwrap();
        let plain = dir.path().join(format!("laptop-{laptop}.automerge"));
        std::fs::write(&plain, doc.save()).unwrap();
        sessions.push(session);
        bare.push(plain);
    }
    let out = dir.path().join("merged.systematic");
    let bare_out = dir.path().join("merged.automerge");

    let mut group = c.benchmark_group("merge_12_files_of_20k_ops");
    group.sample_size(10);
    group.bench_function("systematic_merge_json", |b| {
        b.iter(|| {
            let status = Command::new(env!("CARGO_BIN_EXE_systematic"))
                .arg("merge")
                .args(&sessions)
                .arg("-o")
                .arg(&out)
                .arg("--json")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        })
    });
    group.bench_function("bare_automerge_load_merge_save", |b| {
        b.iter(|| {
            let mut docs: Vec<AutoCommit> = bare
                .iter()
                .map(|p| AutoCommit::load(&std::fs::read(p).unwrap()).unwrap())
                .collect();
            let mut merged = docs.remove(0);
            for doc in &mut docs {
                merged.merge(doc).unwrap();
            }
            std::fs::write(&bare_out, merged.save()).unwrap();
        })
    });
    group.bench_function("bare_automerge_load_incremental_save", |b| {
        b.iter(|| {
            let mut merged = AutoCommit::load(&std::fs::read(&bare[0]).unwrap()).unwrap();
            for p in &bare[1..] {
                merged.load_incremental(&std::fs::read(p).unwrap()).unwrap();
            }
            std::fs::write(&bare_out, merged.save()).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, merge);
criterion_main!(benches);
