//! Prints the system-map canvas figures recorded in docs/BENCHMARKS.md: frame intervals and the
//! work per frame while a script pans and zooms for five seconds, on an empty map (the baseline,
//! same run) and on a map of 1,000 nodes and 2,000 connections; and how long a new node takes to
//! be on screen (it is drawn only once the app has stored it, so visible means durable).
//! Run with `cargo xtask bench` (it builds the app and provides a virtual display).

use fantoccini::{Client, Locator};
use std::fmt::Write as _;
use std::time::Duration;
use systematic_tests::{click, fill, wait_for, wait_for_text, DataFolder, Harness};

const NODES: usize = 1000;
const CONNECTIONS: usize = 2000;
const ADDITIONS: usize = 7;

/// Pans (pointer drags) and zooms (wheel) the canvas once per animation frame for five seconds.
/// Each frame's work is timed from its start until style and layout are done (forced), so the
/// figure covers script, style and layout but not painting, which the frame intervals show.
const PAN_AND_ZOOM: &str = r#"
const done = arguments[arguments.length - 1];
const canvas = document.querySelector('[data-testid=map-canvas]');
canvas.scrollIntoView({block: 'center'});
const rect = canvas.getBoundingClientRect();
const cx = rect.left + rect.width / 2, cy = rect.top + rect.height / 2;
const stamps = [], work = [];
let i = 0, start = null;
function frame(t) {
  if (start === null) start = t;
  stamps.push(t);
  const w0 = performance.now();
  const phase = i % 120;
  if (phase === 0) {
    canvas.dispatchEvent(new PointerEvent('pointerdown', {clientX: cx, clientY: cy, button: 0, bubbles: true}));
  } else if (phase < 60) {
    canvas.dispatchEvent(new PointerEvent('pointermove', {clientX: cx + Math.sin(i / 9) * 120, clientY: cy + Math.cos(i / 9) * 70, bubbles: true}));
  } else if (phase === 60) {
    canvas.dispatchEvent(new PointerEvent('pointerup', {clientX: cx, clientY: cy, bubbles: true}));
  } else {
    canvas.dispatchEvent(new WheelEvent('wheel', {clientX: cx, clientY: cy, deltaY: phase < 90 ? -30 : 30, bubbles: true, cancelable: true}));
  }
  document.body.getBoundingClientRect();
  work.push(performance.now() - w0);
  i++;
  if (t - start < 5000) requestAnimationFrame(frame); else done([stamps, work]);
}
requestAnimationFrame(frame);
"#;

/// Times from the Enter that adds a node to the node being on screen, and where that time goes:
/// [total, until the app is asked, until the app has answered] (ms after the Enter).
const ADD_NODE: &str = r#"
const done = arguments[arguments.length - 1];
const label = arguments[0];
const field = document.querySelector('[data-testid=new-node-label]');
const nodes = document.querySelector('.map-svg .nodes');
// The app is asked through fetch (Tauri's IPC protocol): time the request and its answer.
const fetch0 = window.fetch;
let asked = NaN, answered = NaN;
window.fetch = function (...args) {
  asked = performance.now() - t0;
  return fetch0.apply(this, args).then((response) => { answered = performance.now() - t0; return response; });
};
const observer = new MutationObserver(() => {
  for (const node of nodes.querySelectorAll('[data-testid=map-node]')) {
    if (node.textContent.includes(label)) {
      observer.disconnect();
      window.fetch = fetch0;
      const marks = (window.__systematicMarks || []).map(([name, at]) => name + '@' + Math.round(at - t0)).join(' ');
      window.__systematicMarks = undefined;
      done([performance.now() - t0, asked, answered, marks]);
      return;
    }
  }
});
observer.observe(nodes, {childList: true, subtree: true});
field.value = label;
window.__systematicMarks = [];
const t0 = performance.now();
field.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true, cancelable: true}));
"#;

fn percentile(mut values: Vec<f64>, p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let index = ((values.len() as f64 - 1.0) * p).round() as usize;
    values.get(index).copied().unwrap_or(f64::NAN)
}

/// (p95 frame interval, p95 work per frame, frames) while panning and zooming.
async fn pan_and_zoom(client: &Client) -> (f64, f64, usize) {
    let result = client
        .execute_async(PAN_AND_ZOOM, vec![])
        .await
        .expect("pan and zoom script");
    let numbers = |v: &serde_json::Value| -> Vec<f64> {
        v.as_array()
            .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
            .unwrap_or_default()
    };
    let stamps = numbers(&result[0]);
    let work = numbers(&result[1]);
    let intervals: Vec<f64> = stamps.windows(2).map(|w| w[1] - w[0]).collect();
    (
        percentile(intervals, 0.95),
        percentile(work, 0.95),
        stamps.len(),
    )
}

/// A map of `NODES` nodes spread over a wide area and `CONNECTIONS` connections, as CSV files.
fn write_map(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let mut seed: u64 = 20261123;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let kinds = [
        "service",
        "organisation",
        "person_role",
        "condition",
        "resource",
        "factor",
    ];
    let mut nodes = String::from("id,label,kind,level,x,y,notes,pinned,failures\n");
    for i in 0..NODES {
        let (x, y) = ((i % 40) as f64 * 220.0, (i / 40) as f64 * 120.0);
        let kind = if i % 200 == 0 {
            "persona"
        } else {
            kinds[next(kinds.len())]
        };
        let _ = writeln!(nodes, "n{i},Node {i},{kind},,{x},{y},,false,");
    }
    let mut connections = String::from("id,from,to,polarity,label,delay,failures\n");
    let polarities = ["positive", "negative", "unknown"];
    let mut pairs = std::collections::BTreeSet::new();
    while pairs.len() < CONNECTIONS {
        // Mostly near neighbours, as drawn maps are.
        let a = next(NODES);
        let b = (a + 1 + next(80)) % NODES;
        pairs.insert((a, b));
    }
    for (k, (a, b)) in pairs.into_iter().enumerate() {
        let polarity = polarities[next(3)];
        let _ = writeln!(connections, "c{k},n{a},n{b},{polarity},,false,");
    }
    let (n, c) = (dir.join("nodes.csv"), dir.join("connections.csv"));
    std::fs::write(&n, nodes).expect("write nodes.csv");
    std::fs::write(&c, connections).expect("write connections.csv");
    (n, c)
}

/// Each addition's [total, asked, answered] times (see `ADD_NODE`).
async fn add_nodes(client: &Client, what: &str) -> Vec<[f64; 3]> {
    let mut times = Vec::new();
    for k in 0..ADDITIONS {
        let canvas = wait_for(client, "[data-testid=map-canvas]").await;
        canvas.send_keys("n").await.expect("press N");
        wait_for(client, "[data-testid=new-node-label]").await;
        let label = format!("Added {what} {k}");
        let ms = client
            .execute_async(ADD_NODE, vec![serde_json::json!(label)])
            .await
            .expect("add node script");
        let at = |i: usize| ms[i].as_f64().unwrap_or(f64::NAN);
        if let Some(marks) = ms[3].as_str() {
            println!("  {what} {k}: {marks}");
        }
        times.push([at(0), at(1), at(2)]);
    }
    times
}

/// "[a, b, …], median m" of one column of the addition times.
fn column(times: &[[f64; 3]], i: usize) -> String {
    let values: Vec<f64> = times.iter().map(|t| t[i]).collect();
    let list = values
        .iter()
        .map(|t| format!("{t:.0}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("[{list}], median {:.0}", percentile(values, 0.5))
}

#[tokio::main]
async fn main() {
    let harness = Harness::start(DataFolder::Writable);
    let (nodes_csv, connections_csv) = write_map(harness.root());
    harness.answer_file_choosers(&[&[&nodes_csv, &connections_csv]]);
    let client = harness.launch().await;
    click(&client, "[data-testid=new-workshop]").await;
    fill(&client, "[data-testid=workshop-title]", "Canvas benchmark").await;
    click(&client, "[data-testid=create-workshop]").await;
    click(&client, "[data-testid=tab-map]").await;
    wait_for(&client, "[data-testid=map-section][data-loaded=true]").await;

    // Start both runs at the same zoom: the fitted 1,000-node map is at the smallest zoom, so zoom
    // the empty canvas out as far too. Otherwise the empty run's zooming in stops at the largest
    // zoom after a few steps, and frames in which nothing moves make its baseline look cheaper.
    let canvas = wait_for(&client, "[data-testid=map-canvas]").await;
    canvas.send_keys(&"-".repeat(20)).await.expect("zoom out");
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (empty_interval, empty_work, empty_frames) = pan_and_zoom(&client).await;
    let empty_add = add_nodes(&client, "to the empty map").await;

    click(&client, "[data-testid=import-map]").await;
    wait_for_text(&client, "[data-testid=map-files-status]", "Imported").await;
    let count = client
        .find_all(Locator::Css("[data-testid=map-node]"))
        .await
        .map(|n| n.len())
        .unwrap_or(0);
    let connections = client
        .find_all(Locator::Css("[data-testid=map-connection]"))
        .await
        .map(|n| n.len())
        .unwrap_or(0);
    click(&client, "[data-testid=fit-map]").await;
    // Let the first paint of the big map finish before measuring.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (big_interval, big_work, big_frames) = pan_and_zoom(&client).await;
    let big_add = add_nodes(&client, "to the big map").await;

    println!("canvas: {count} nodes and {connections} connections on screen after the import");
    println!(
        "empty map (baseline): {empty_frames} frames in 5 s, p95 frame interval {empty_interval:.1} ms, p95 work per frame {empty_work:.2} ms"
    );
    println!(
        "big map:              {big_frames} frames in 5 s, p95 frame interval {big_interval:.1} ms, p95 work per frame {big_work:.2} ms"
    );
    println!(
        "ratio of p95 frame intervals big/empty: {:.2} (target ≤ 1.10); p95 work per frame {big_work:.2} ms (target ≤ 8 ms)",
        big_interval / empty_interval
    );
    for (what, times) in [("empty map", &empty_add), ("big map", &big_add)] {
        println!(
            "add a node to the {what}, ms after Enter: on screen {} (target ≤ 50); app asked {}; app answered {}",
            column(times, 0),
            column(times, 1),
            column(times, 2)
        );
    }
    client.close().await.expect("close");
}
