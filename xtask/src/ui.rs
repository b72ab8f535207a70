//! Building the Leptos UI to wasm with Debian's rustc-web (the rustup toolchain here has no wasm
//! target), then packaging it into `src-ui/dist`, which the shell embeds.

use crate::cmd::{project_root, run, Cmd};
use crate::setup;
use std::path::PathBuf;

pub fn manifest() -> PathBuf {
    project_root().join("src-ui/Cargo.toml")
}

fn ui_dir() -> PathBuf {
    project_root().join("src-ui")
}

/// A cargo command on the UI crate for the native host with the rustup toolchain (clippy and unit
/// tests), kept in its own target folder so it never invalidates the wasm build.
pub fn native(subcommand: &str, args: &[&str]) -> Cmd {
    Cmd::cargo(&[subcommand, "--manifest-path"])
        .arg(manifest())
        .args(args)
        .env("CARGO_TARGET_DIR", ui_dir().join("target/native"))
}

pub fn build() -> Result<(), String> {
    run(Cmd::new("/usr/bin/cargo")
        .dir(ui_dir())
        .args([
            "build",
            "--release",
            "--locked",
            "--target",
            "wasm32-unknown-unknown",
            "-Zbuild-std=std,panic_abort",
        ])
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", ui_dir().join("target"))
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("CARGO"))?;
    let dist = ui_dir().join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create {}: {e}", dist.display()))?;
    let wasm = ui_dir().join("target/wasm32-unknown-unknown/release/systematic-ui.wasm");
    run(Cmd::new(setup::tool("wasm-bindgen"))
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "app",
            "--out-dir",
        ])
        .arg(&dist)
        .arg(&wasm))?;
    for (from, to) in [
        ("index.html", "index.html"),
        ("boot.js", "boot.js"),
        ("style/app.css", "app.css"),
    ] {
        let (from, to) = (ui_dir().join(from), dist.join(to));
        std::fs::copy(&from, &to)
            .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    }
    Ok(())
}
