//! Prints the figures recorded in docs/BENCHMARKS.md: release binary size, time from launch to an
//! interactive home screen, and memory after opening the demo workshop. Run with
//! `cargo xtask bench` (it builds the app and provides a virtual display).
//!
//! Start-up is reported beside two baselines from the same run: the time until the web view has
//! the app's static page (before any wasm runs), and a blank Tauri 2 window with a static page
//! (`tests/blank-window`, built by `cargo xtask bench`), launched in turn with the app. Also
//! the size of the `.deb` when `SYSTEMATIC_DEB` names it.

use std::path::Path;
use std::time::{Duration, Instant};
use systematic_tests::{app_binary, click, wait_for, wait_for_text, DataFolder, Harness};

const LAUNCHES: usize = 5;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Resident memory of `pid` in KiB, from /proc.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    after_name.split_whitespace().nth(1)?.parse().ok()
}

/// Every process whose executable is `binary`, and, for each, its child processes (WebKit's web
/// and network processes).
fn app_processes(binary: &Path) -> Vec<(u32, String, u64)> {
    let binary = binary.canonicalize().unwrap_or_else(|_| binary.to_owned());
    let pids: Vec<u32> = std::fs::read_dir("/proc")
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    let apps: Vec<u32> = pids
        .iter()
        .copied()
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == binary))
        .collect();
    let mut found = Vec::new();
    for pid in &pids {
        let is_app = apps.contains(pid);
        let is_child = parent_of(*pid).is_some_and(|parent| apps.contains(&parent));
        if is_app || is_child {
            let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
            found.push((*pid, name.trim().to_owned(), rss_kib(*pid)));
        }
    }
    found
}

#[tokio::main]
async fn main() {
    let binary = app_binary();
    let size = std::fs::metadata(&binary).map(|m| m.len()).unwrap_or(0);
    println!(
        "release binary: {} ({:.1} MiB)",
        binary.display(),
        size as f64 / 1_048_576.0
    );

    if let Some(deb) = std::env::var_os("SYSTEMATIC_DEB") {
        let size = std::fs::metadata(&deb).map(|m| m.len()).unwrap_or(0);
        println!(
            "package: {} ({:.1} MiB)",
            Path::new(&deb).display(),
            size as f64 / 1_048_576.0
        );
    }

    let harness = Harness::start(DataFolder::Writable);
    let blank_app = std::env::var_os("SYSTEMATIC_BLANK_APP").map(std::path::PathBuf::from);
    let (mut page, mut home, mut blank) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..LAUNCHES {
        if let Some(blank_app) = &blank_app {
            let started = Instant::now();
            let client = harness.connect_to(blank_app, &[]).await;
            wait_for(&client, "[data-testid=blank]").await;
            blank.push(started.elapsed());
            client.close().await.expect("close");
        }
        let started = Instant::now();
        let client = harness.connect().await;
        wait_for(&client, "body").await;
        page.push(started.elapsed());
        wait_for(&client, "[data-testid=home] button[data-testid=open-demo]").await;
        wait_for(
            &client,
            "[data-testid=home-empty], [data-testid=workshop-list]",
        )
        .await;
        home.push(started.elapsed());
        client.close().await.expect("close");
    }
    let (page, home) = (median(page), median(home));
    println!("launch → static page (baseline), median of {LAUNCHES}: {page:.2?}");
    println!("launch → home screen interactive, median of {LAUNCHES}: {home:.2?}");
    println!(
        "ratio home/baseline: {:.2}",
        home.as_secs_f64() / page.as_secs_f64().max(1e-9)
    );
    if !blank.is_empty() {
        let blank = median(blank);
        println!("launch → blank Tauri 2 window shown, median of {LAUNCHES}: {blank:.2?}");
        println!(
            "ratio home/blank window: {:.2} (target ≤ 1.3)",
            home.as_secs_f64() / blank.as_secs_f64().max(1e-9)
        );
    }

    let client = harness.launch().await;
    click(&client, "[data-testid=open-demo]").await;
    wait_for_text(&client, ".persona-grid", "Britt-Marie").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let processes = app_processes(&binary);
    let total: u64 = processes.iter().map(|p| p.2).sum();
    for (pid, name, rss) in &processes {
        println!(
            "RSS after opening the demo: {name} (pid {pid}): {:.1} MiB",
            *rss as f64 / 1024.0
        );
    }
    println!(
        "RSS after opening the demo, all app processes: {:.1} MiB",
        total as f64 / 1024.0
    );
    client.close().await.expect("close");
}
