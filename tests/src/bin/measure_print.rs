//! Printing benchmark, as figures: the workshop report of the demo workshop and of a large one
//! (100 personas, a 1,000-node map, 2,000 notes), typeset by the release `systematic print`.
//! Wall time (median of three) and peak RSS, each beside `systematic check` on the same file in
//! the same run (reading the workshop without printing it), as a ratio.
//! Also what opening a file from outside costs for being isolated: `systematic check` (which
//! opens it first in a capped child, `untrusted.rs`) beside that child alone.
//! Run: `cargo run --release -p systematic-tests --bin measure-print` (after `cargo xtask build`).

use automerge::ActorId;
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use systematic_core::{demo, ops, session_file};
use systematic_tests::project_root;

/// Runs the release CLI under GNU time; answers wall time and peak RSS in KiB.
fn run(args: &[&str]) -> (Duration, u64) {
    let binary = project_root().join("target/release/systematic");
    let started = Instant::now();
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(&binary)
        .args(args)
        .output()
        .expect("/usr/bin/time runs");
    let elapsed = started.elapsed();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let peak = String::from_utf8_lossy(&output.stderr)
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    (elapsed, peak)
}

fn measure(args: &[&str]) -> (Duration, u64) {
    let mut runs: Vec<(Duration, u64)> = (0..3).map(|_| run(args)).collect();
    runs.sort();
    let peak = runs.iter().map(|r| r.1).max().unwrap_or(0);
    (runs[1].0, peak)
}

/// The memory-capped checker child alone, as `systematic check` starts it: median wall time.
fn checker_alone(file: &Path) -> Duration {
    let binary = project_root().join("target/release/systematic");
    let mut times: Vec<Duration> = (0..3)
        .map(|_| {
            let started = Instant::now();
            let status = Command::new(&binary)
                .arg(systematic_core::untrusted::CHECK_ARGUMENT)
                .stdin(std::fs::File::open(file).expect("file"))
                .status()
                .expect("the checker runs");
            assert!(status.success(), "the checker refused {}", file.display());
            started.elapsed()
        })
        .collect();
    times.sort();
    times[1]
}

fn large(file: &Path) {
    let (_, mut doc) = demo::demo_document("Bench", &ActorId::random(), 1).expect("demo");
    let mut lines = Vec::new();
    // The demo's two personas and 98 more: 100, the most a workshop may hold (docs/LIMITS.md).
    for n in 0..98 {
        lines.push(json!({"op":"add","kind":"persona","fields":{"name":format!("Persona {n}"),"age":40 + n % 50,
            "conditions":["Heart failure","COPD"],"what_matters":"Staying at home and knowing who to call, day or night. ".repeat(4),
            "quote":"Nobody knows the whole of me."}}));
    }
    for n in 0..1_000 {
        lines.push(json!({"op":"add","kind":"node","id":format!("n{n}"),"fields":{"kind":"service","label":format!("Service {n}"),
            "x": (n % 40) * 200, "y": (n / 40) * 120}}));
        if n > 0 {
            lines.push(json!({"op":"add","kind":"connection","fields":{"from":format!("n{}", n - 1),"to":format!("n{n}"),"polarity":"positive"}}));
        }
    }
    for n in 0..20 {
        lines.push(json!({"op":"add","kind":"theme","id":format!("t{n}"),"fields":{"name":format!("Theme {n}")}}));
    }
    for n in 0..2_000 {
        lines.push(json!({"op":"add","kind":"note","fields":{"text":format!("Note {n}: people do not know who to call after discharge"),
            "theme":format!("t{}", n % 20)}}));
    }
    let script: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut clock = 10;
    ops::apply_script(&mut doc, &script.join("\n"), &mut || {
        clock += 1;
        clock
    })
    .expect("the large workshop");
    write(file, &mut doc);
}

fn write(file: &Path, doc: &mut systematic_core::document::WorkshopDoc) {
    let bytes = session_file::to_bytes(doc).expect("bytes");
    session_file::write_atomically(file, &bytes).expect("write");
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let demo_file = dir.path().join("demo.systematic");
    let (_, mut doc) = demo::demo_document("Bench", &ActorId::random(), 1).expect("demo");
    write(&demo_file, &mut doc);
    let large_file = dir.path().join("large.systematic");
    large(&large_file);
    println!("| Workshop | `check` (baseline) | `print --what report` | ratio | pages | peak RSS check → print |");
    println!("|---|---|---|---|---|---|");
    for (name, file) in [("demo", &demo_file), ("large", &large_file)] {
        let path = file.to_str().expect("utf-8");
        let out = dir.path().join(format!("{name}.pdf"));
        let out = out.to_str().expect("utf-8");
        let (check, check_peak) = measure(&["check", path]);
        let (print, print_peak) = measure(&["print", path, "--what", "report", "-o", out]);
        let info = Command::new("pdfinfo").arg(out).output().expect("pdfinfo");
        let pages = String::from_utf8_lossy(&info.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_owned()))
            .unwrap_or_default();
        println!(
            "| {name} | {:.2} s | {:.2} s | {:.1}× | {pages} | {} MiB → {} MiB |",
            check.as_secs_f64(),
            print.as_secs_f64(),
            print.as_secs_f64() / check.as_secs_f64().max(0.001),
            check_peak / 1024,
            print_peak / 1024,
        );
    }
    println!();
    println!("| Workshop | `check` (checker child + in-process load) | checker child alone | share of `check` |");
    println!("|---|---|---|---|");
    for (name, file) in [("demo", &demo_file), ("large", &large_file)] {
        let (check, _) = measure(&["check", file.to_str().expect("utf-8")]);
        let child = checker_alone(file);
        println!(
            "| {name} | {:.3} s | {:.3} s | {:.0}% |",
            check.as_secs_f64(),
            child.as_secs_f64(),
            100.0 * child.as_secs_f64() / check.as_secs_f64().max(0.001),
        );
    }
}
