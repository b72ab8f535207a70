//! Building the Leptos UI to wasm with Debian's rustc-web (the rustup toolchain here has no wasm
//! target), then packaging it into `src-ui/dist`, which the shell embeds.

use crate::cmd::{project_root, run, Cmd};
use crate::lint::Lints;
use crate::setup;
use std::path::{Path, PathBuf};

pub fn manifest() -> PathBuf {
    project_root().join("src-ui/Cargo.toml")
}

fn ui_dir() -> PathBuf {
    project_root().join("src-ui")
}

/// A cargo command on the UI crate for the native host with the rustup toolchain (unit tests),
/// kept in its own target folder so it never invalidates the wasm build.
pub fn native(subcommand: &str, args: &[&str]) -> Cmd {
    Cmd::cargo(&[subcommand, "--manifest-path"])
        .arg(manifest())
        .args(args)
        .env("CARGO_TARGET_DIR", ui_dir().join("target/native"))
}

/// Debian's compiler that can build std for wasm32.
pub const RUSTC: &str = "/usr/bin/rustc";

/// Builds the UI into `dist`; with `lints`, the UI crate is linted as it is compiled.
pub fn build(lints: Option<&Lints>) -> Result<(), String> {
    let cargo = Cmd::new("/usr/bin/cargo")
        .dir(ui_dir())
        .args([
            "build",
            "--release",
            "--locked",
            "--target",
            "wasm32-unknown-unknown",
            "-Zbuild-std=std,panic_abort",
        ])
        .env("RUSTC", RUSTC)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", ui_dir().join("target"))
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        // Flags meant for the host would reach the wasm build, std included.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO");
    run(match lints {
        Some(lints) => lints.on(cargo),
        None => cargo,
    })?;
    // Build into a staging folder and copy over only what changed: the shell embeds `dist` and
    // rebuilds whenever a file in it is touched, so rewriting identical files costs ~40 s each time.
    let staging = ui_dir().join("target/dist-staging");
    let dist = ui_dir().join("dist");
    for dir in [&staging, &dist] {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
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
        .arg(&staging)
        .arg(&wasm))?;
    optimise(
        &staging.join("app_bg.wasm"),
        &staging.join("app_bg.opt.wasm"),
    )?;
    // Shipped gzipped; `boot.js` unpacks it as it compiles.
    run(Cmd::new("gzip")
        .args(["-9", "--no-name", "--keep", "--force"])
        .arg(staging.join("app_bg.opt.wasm")))?;
    // An unpacked wasm left from an older build would be embedded in the app for nothing.
    let _ = std::fs::remove_file(dist.join("app_bg.wasm"));
    for (from, to) in [
        (staging.join("app.js"), "app.js"),
        (staging.join("app_bg.opt.wasm.gz"), "app_bg.wasm.gz"),
        (ui_dir().join("index.html"), "index.html"),
        (ui_dir().join("boot.js"), "boot.js"),
        (ui_dir().join("style/app.css"), "app.css"),
    ] {
        copy_if_changed(&from, &dist.join(to))?;
    }
    Ok(())
}

/// Shrinks the wasm with `wasm-opt -Oz` (~12 s), skipped when its input has not changed.
fn optimise(input: &Path, output: &Path) -> Result<(), String> {
    let last_input = input.with_extension("last-input");
    let unchanged = match (std::fs::read(input), std::fs::read(&last_input)) {
        (Ok(now), Ok(before)) => now == before && output.exists(),
        _ => false,
    };
    if unchanged {
        return Ok(());
    }
    // The features rustc enables by default for wasm32-unknown-unknown.
    run(Cmd::new(setup::wasm_opt())
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(input)
        .arg("-o")
        .arg(output))?;
    std::fs::copy(input, &last_input)
        .map(|_| ())
        .map_err(|e| format!("cannot write {}: {e}", last_input.display()))
}

fn copy_if_changed(from: &Path, to: &Path) -> Result<(), String> {
    let new = std::fs::read(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    if std::fs::read(to).is_ok_and(|old| old == new) {
        return Ok(());
    }
    std::fs::write(to, new).map_err(|e| format!("cannot write {}: {e}", to.display()))
}
