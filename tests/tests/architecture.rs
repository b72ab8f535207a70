//! The crate boundaries in ARCHITECTURE.md, checked with `cargo tree` so that even a transitive
//! dependency that breaks them fails the build.

use std::process::Command;
use systematic_tests::project_root;

/// Every package `package` depends on (normal and build dependencies), one name per entry.
fn dependencies(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(project_root())
        .args([
            "tree",
            // The desktop platforms the app is built for. Not `--target all`: that counts
            // tauri's mobile-only and chrono's wasm-only dependencies, which never ship here.
            "--target",
            "x86_64-unknown-linux-gnu",
            "--target",
            "x86_64-pc-windows-msvc",
            "--target",
            "aarch64-apple-darwin",
            "-p",
            package,
            "-e",
            "normal,build",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .output()
        .expect("run cargo tree");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

fn assert_none_of(package: &str, forbidden: &[&str]) {
    let deps = dependencies(package);
    assert!(
        deps.len() > 3,
        "cargo tree listed too little for {package}: {deps:?}"
    );
    for dep in &deps {
        for bad in forbidden {
            assert!(
                dep != bad && !dep.starts_with(&format!("{bad}-")),
                "{package} depends on {dep}, which ARCHITECTURE.md forbids"
            );
        }
    }
}

#[test]
fn the_core_has_no_ui_or_tauri_dependency() {
    assert_none_of(
        "systematic-core",
        &[
            "tauri",
            "wry",
            "tao",
            "leptos",
            "webkit2gtk",
            "gtk",
            "wasm-bindgen",
        ],
    );
}

#[test]
fn the_ipc_crate_is_serde_only() {
    let deps = dependencies("systematic-ipc");
    let own: Vec<_> = deps
        .iter()
        .filter(|d| !["systematic-ipc"].contains(&d.as_str()))
        .collect();
    for dep in own {
        assert!(
            // serde_json (and its small helpers) carries the values of merge conflicts; it is
            // plain serde and compiles to wasm. strum only derives `Request::name` (for the log)
            // at compile time.
            ["serde", "serde_derive", "chrono", "num-traits", "autocfg", "proc-macro2", "quote", "syn", "unicode-ident", "serde_core",
             "serde_json", "itoa", "memchr", "ryu", "zmij", "strum", "strum_macros", "heck"]
                .contains(&dep.as_str()),
            "systematic-ipc must stay serde-only (it is compiled to wasm too), but depends on {dep}"
        );
    }
}

#[test]
fn nothing_in_the_app_can_speak_http() {
    assert_none_of(
        "systematic-workshop",
        &["reqwest", "ureq", "hyper", "isahc", "curl", "attohttpc"],
    );
}
