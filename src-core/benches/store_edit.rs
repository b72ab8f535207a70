//! Benchmark 1: one edit made durable through the store, against a bare SQLite insert of the same
//! change bytes with the same settings (WAL, synchronous=FULL). Target: at most 2x. The same edit
//! on a workshop protected with a passphrase (every change sealed) is measured beside them.
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
    let protected = store
        .create(WorkshopId("bench-protected".into()), &meta, &[])
        .unwrap();
    // A map of 50 services; each edit moves one of them, as a facilitator does at the canvas.
    for workshop in [&id, &protected] {
        for n in 0..50 {
            store
                .edit(workshop, |doc, now| {
                    let node = json!({ "label": format!("Service {n}") });
                    let id = format!("node{n}");
                    doc.add(Kind::Node, Some(&id), node.as_object().unwrap(), now)
                        .map_err(|e| systematic_core::CoreError::from_document("bench", e))?;
                    doc.commit("add node", now);
                    Ok(())
                })
                .unwrap();
        }
    }
    store
        .protect(&protected, "a passphrase for the benchmark")
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
    raw.execute_batch("CREATE TABLE changes (workshop_id TEXT, bytes BLOB)")
        .unwrap();

    // The target is a ratio, and this disk is shared: measure the two interleaved, pair by pair,
    // and compare medians, so a burst of someone else's I/O hits both sides alike.
    let mut store_times = Vec::new();
    let mut protected_times = Vec::new();
    let mut raw_times = Vec::new();
    for n in 0..1_000u32 {
        let node = format!("node{}", n % 50);
        for (workshop, times) in [(&id, &mut store_times), (&protected, &mut protected_times)] {
            let started = std::time::Instant::now();
            store
                .edit(workshop, |doc, now| {
                    doc.set(Kind::Node, &node, json!({"y": n}).as_object().unwrap())
                        .map_err(|e| systematic_core::CoreError::from_document("bench", e))?;
                    doc.commit("move node", now);
                    Ok(())
                })
                .unwrap();
            times.push(started.elapsed());
        }
        let started = std::time::Instant::now();
        raw.execute(
            "INSERT INTO changes (workshop_id, bytes) VALUES (?1, ?2)",
            params!["bench", sample],
        )
        .unwrap();
        raw_times.push(started.elapsed());
    }
    store_times.sort();
    protected_times.sort();
    raw_times.sort();
    let (store_median, raw_median) = (store_times[500], raw_times[500]);
    let protected_median = protected_times[500];
    println!(
        "interleaved, median of 1000 pairs: store edit {:.0} µs, raw insert {:.0} µs, ratio {:.2} (target ≤ 2)",
        store_median.as_secs_f64() * 1e6,
        raw_median.as_secs_f64() * 1e6,
        store_median.as_secs_f64() / raw_median.as_secs_f64()
    );
    println!(
        "protected workshop: edit {:.0} µs, {:.2}x the plain edit, {:.2}x the raw insert",
        protected_median.as_secs_f64() * 1e6,
        protected_median.as_secs_f64() / store_median.as_secs_f64(),
        protected_median.as_secs_f64() / raw_median.as_secs_f64()
    );

    let mut group = c.benchmark_group("durable_edit");
    let mut x = 0.0;
    let mut step = 0usize;
    group.bench_function("store_edit", |b| {
        b.iter(|| {
            x += 1.0;
            step += 1;
            let node = format!("node{}", step % 50);
            store
                .edit(&id, |doc, now| {
                    doc.set(Kind::Node, &node, json!({"x": x}).as_object().unwrap())
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
