//! Benchmark 3: opening a workshop of 100,000 operations from the store (snapshot plus a log of
//! recent changes), against loading the same document's bytes with bare Automerge. Peak memory is
//! measured by `cargo run --release -p systematic-tests --bin measure-documents`.
//! Run: `cargo bench -p systematic-core --bench open_workshop`.

use automerge::AutoCommit;
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;
use systematic_core::data_dir::DataFolder;
use systematic_core::model::Kind;
use systematic_core::store::Store;
use systematic_ipc::WorkshopId;

fn open_workshop(c: &mut Criterion) {
    let mut doc = systematic_core::workload::base();
    systematic_core::workload::grow(&mut doc, 1, 100_000);
    let bare = doc.save();
    let dir = tempfile::tempdir().unwrap();
    let folder = DataFolder::chosen(dir.path());
    let id = {
        let mut store = Store::open(&folder).unwrap();
        let id = store.import(doc).unwrap();
        // A few edits since the last snapshot, as after a morning's work.
        for n in 0..50 {
            store
                .edit(&id, |doc, now| {
                    doc.set(Kind::Node, "node1", json!({"x": n}).as_object().unwrap())
                        .map_err(|e| systematic_core::CoreError::from_document("bench", e))?;
                    doc.commit("move node", now);
                    Ok(())
                })
                .unwrap();
        }
        id
    };
    let mut group = c.benchmark_group("open_100k_ops");
    group.sample_size(10);
    group.bench_function("store_open_and_view", |b| {
        b.iter(|| {
            let mut store = Store::open(&folder).unwrap();
            store.view(&WorkshopId(id.0.clone())).unwrap()
        })
    });
    group.bench_function("bare_automerge_load", |b| {
        b.iter(|| AutoCommit::load(&bare).unwrap())
    });
    group.finish();
}

criterion_group!(benches, open_workshop);
criterion_main!(benches);
