//! A short crash soak in every test run: the store is killed with SIGKILL at random moments
//! while it saves edits, and every acknowledged edit must survive (`src/bin/soak.rs`; the long
//! run for docs/BENCHMARKS.md is `soak DIR 10000`).

use std::process::Command;

#[test]
fn acknowledged_edits_survive_sigkill_at_random_moments() {
    let dir = tempfile::tempdir().expect("temp");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_secs());
    let output = Command::new(env!("CARGO_BIN_EXE_soak"))
        .arg(dir.path())
        .args(["600", &seed.to_string()])
        .output()
        .expect("soak runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "seed {seed}: {}{said}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(said.contains("600 acknowledged edits"), "{said}");
}
