//! Benchmarks 3 and 4, as figures: opening a 100,000-operation workshop from the store (time and
//! peak memory, each in a fresh process, against bare Automerge loading the same bytes in a fresh
//! process), and session file size against bare Automerge `save()`.
//! Run: `cargo run --release -p systematic-tests --bin measure-documents`.

use automerge::AutoCommit;
use serde_json::json;
use std::process::Command;
use std::time::{Duration, Instant};
use systematic_core::data_dir::DataFolder;
use systematic_core::model::Kind;
use systematic_core::store::Store;
use systematic_core::{session_file, workload};
use systematic_ipc::WorkshopId;

/// Runs this program again with `args`; returns the child's wall time and the peak RSS it
/// reports for itself, in KiB.
fn child(args: &[&str]) -> (Duration, i64) {
    let me = std::env::current_exe().expect("own path");
    let started = Instant::now();
    let output = Command::new(me).args(args).output().expect("child runs");
    let elapsed = started.elapsed();
    assert!(output.status.success(), "child {args:?} failed");
    let peak = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap_or(0);
    (elapsed, peak)
}

/// This process's peak RSS in KiB. `VmHWM` belongs to the current program image, so unlike
/// `getrusage` it does not count what the parent had touched before `exec`.
fn own_peak_kib() -> i64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_owned))
        })
        .and_then(|kib| kib.parse().ok())
        .unwrap_or(0)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["open", dir, id] => {
            let mut store = Store::open(&DataFolder::chosen(dir)).expect("store opens");
            let view = store
                .view(&WorkshopId((*id).to_owned()))
                .expect("workshop opens");
            assert_eq!(view.personas.len(), 1);
            println!("{}", own_peak_kib());
            return;
        }
        ["bare", file] => {
            let bytes = std::fs::read(file).expect("bytes");
            let doc = AutoCommit::load(&bytes).expect("loads");
            std::hint::black_box(doc);
            println!("{}", own_peak_kib());
            return;
        }
        _ => {}
    }

    for target in [20_000u64, 100_000] {
        let mut doc = workload::base();
        workload::grow(&mut doc, 1, target);
        let session = session_file::to_bytes(&mut doc)
            .expect("session file")
            .len();
        let bare = doc.save().len();
        println!(
            "size at {} ops: session file {session} bytes, bare save {bare} bytes, ratio {:.4}",
            workload::op_count(&doc),
            session as f64 / bare as f64
        );
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = workload::base();
    workload::grow(&mut doc, 1, 100_000);
    let ops = workload::op_count(&doc);
    let bare_file = dir.path().join("bare.automerge");
    std::fs::write(&bare_file, doc.save()).expect("write");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("data folder");
    let id = {
        let mut store = Store::open(&DataFolder::chosen(&data)).expect("store");
        let id = store.import(doc).expect("import");
        for n in 0..50 {
            store
                .edit(&id, |doc, now| {
                    doc.set(
                        Kind::Node,
                        "node1",
                        json!({"x": n}).as_object().expect("map"),
                    )
                    .map_err(|e| systematic_core::CoreError::from_document("m", e))?;
                    doc.commit("move node", now);
                    Ok(())
                })
                .expect("edit");
        }
        id
    };
    let data = data.to_string_lossy().into_owned();
    let bare_path = bare_file.to_string_lossy().into_owned();
    let mut bare_times = Vec::new();
    let mut bare_peak = 0;
    for _ in 0..5 {
        let (time, peak) = child(&["bare", &bare_path]);
        bare_times.push(time);
        bare_peak = bare_peak.max(peak);
    }
    let mut store_times = Vec::new();
    let mut store_peak = 0;
    for _ in 0..5 {
        let (time, peak) = child(&["open", &data, &id.0]);
        store_times.push(time);
        store_peak = store_peak.max(peak);
    }
    let (bare_time, store_time) = (median(bare_times), median(store_times));
    println!(
        "open {ops} ops, fresh process each (median of 5): store open + view {:.0} ms, bare automerge load {:.0} ms, ratio {:.2}",
        store_time.as_secs_f64() * 1e3,
        bare_time.as_secs_f64() * 1e3,
        store_time.as_secs_f64() / bare_time.as_secs_f64()
    );
    println!(
        "peak RSS (VmHWM, largest of 5): store open + view {:.1} MiB, bare automerge load {:.1} MiB",
        store_peak as f64 / 1024.0,
        bare_peak as f64 / 1024.0
    );
}
