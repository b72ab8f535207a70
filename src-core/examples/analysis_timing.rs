//! Times the map analysis on a map read from a JSON file (`{"nodes": [...], "connections": [...]}`
//! in the IPC shapes), for `src-core/benches/analysis_vs_networkx.py`, which times networkx on the
//! same map in the same run. Prints one line: `rust_ms=<best of N runs>` and the counts found.
//!
//! cargo run --release -p systematic-core --example analysis_timing -- map.json [runs] [loop cap]

use std::time::Instant;
use systematic_core::analysis::{analyze, DEFAULT_LOOP_CAP};
use systematic_ipc::{MapConnection, MapNode};

#[derive(serde::Deserialize)]
struct MapFile {
    nodes: Vec<MapNode>,
    connections: Vec<MapConnection>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: analysis_timing MAP.json [runs] [loop cap]")?;
    let runs: usize = args.next().map(|r| r.parse()).transpose()?.unwrap_or(5);
    let cap: usize = args
        .next()
        .map(|c| c.parse())
        .transpose()?
        .unwrap_or(DEFAULT_LOOP_CAP);
    let map: MapFile = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let mut best = f64::INFINITY;
    let mut found = None;
    for _ in 0..runs {
        let start = Instant::now();
        let analysis = analyze(&map.nodes, &map.connections, cap);
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        found = Some(analysis);
    }
    let found = found.ok_or("no runs")?;
    println!(
        "rust_ms={best:.2} loops={} capped={} cut_points={} bridges={}",
        found.loops.len(),
        found.loops_capped,
        found.cut_points.len(),
        found.bridges.len()
    );
    Ok(())
}
