//! Benchmark 1: one edit made durable through the store, against a bare SQLite insert of the same
//! change bytes with the same settings (WAL, synchronous=FULL). Target: at most 2x.
//! Run: `cargo bench -p systematic-core --bench store_edit`; figures in docs/BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::{params, Connection};
use serde_json::json;
use systematic_core::data_dir::DataFolder;
use systematic_core::model::Kind;
use systematic_core::store::Store;
use systematic_ipc::{WorkshopId, WorkshopMeta};

fn store_edit(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let meta = WorkshopMeta {
        title: "Bench".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        venue: String::new(),
        facilitator: String::new(),
    };
    let id = store
        .create(WorkshopId("bench".into()), &meta, &[])
        .unwrap();
    store
        .edit(&id, |doc, now| {
            doc.add(
                Kind::Node,
                Some("gp"),
                json!({"label": "GP"}).as_object().unwrap(),
                now,
            )
            .map_err(|e| systematic_core::CoreError::from_document("bench", e))?;
            doc.commit("add node", now);
            Ok(())
        })
        .unwrap();
    // The bytes one such edit appends, for the baseline.
    let sample = {
        let mut doc = systematic_core::workload::base();
        let heads = doc.heads();
        doc.set(Kind::Node, "node1", json!({"x": 1.5}).as_object().unwrap())
            .unwrap();
        doc.commit("move node", 1);
        doc.changes_since(&heads)
    };

    let raw_dir = tempfile::tempdir().unwrap();
    let raw = Connection::open(raw_dir.path().join("raw.sqlite3")).unwrap();
    raw.pragma_update(None, "journal_mode", "WAL").unwrap();
    raw.pragma_update(None, "synchronous", "FULL").unwrap();
    raw.execute_batch(
        "CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, workshop_id TEXT, bytes BLOB)",
    )
    .unwrap();

    let mut group = c.benchmark_group("durable_edit");
    let mut x = 0.0;
    group.bench_function("store_edit", |b| {
        b.iter(|| {
            x += 1.0;
            store
                .edit(&id, |doc, now| {
                    doc.set(Kind::Node, "gp", json!({"x": x}).as_object().unwrap())
                        .map_err(|e| systematic_core::CoreError::from_document("bench", e))?;
                    doc.commit("move node", now);
                    Ok(())
                })
                .unwrap();
        })
    });
    group.bench_function("raw_sqlite_insert", |b| {
        b.iter(|| {
            raw.execute(
                "INSERT INTO changes (workshop_id, bytes) VALUES (?1, ?2)",
                params!["bench", sample],
            )
            .unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, store_edit);
criterion_main!(benches);
