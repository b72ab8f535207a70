//! `cargo xtask`: set up, build, run and test SysteMatic Workshop from one place.
//!
//! Every tool the project needs is installed from here, idempotently, so a fresh machine needs
//! only `cargo xtask run` or `cargo xtask test`. See ../shared/TOOLCHAIN.md for why each step is
//! the way it is.

mod cmd;
mod setup;
mod ui;

use cmd::{project_root, run, Cmd};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  run      set up, build the UI and the app in release mode, and open the app
  test     set up, then fmt, clippy, unit, integration and end-to-end tests
  bench    build, then run every benchmark of docs/BENCHMARKS.md (start-up, memory, edits,
           merging, opening, file size)
  fuzz [SECONDS]
           fuzz the session-file reader (default 60 s); new crash inputs go to fuzz/artifacts
  setup    install what is missing (Debian packages, wasm-bindgen-cli, tauri-driver)
  build    set up and build the UI and the release app
";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "setup" => setup::all(),
        "build" => build(),
        "run" => check_display()
            .and_then(|()| build())
            .and_then(|()| open_app()),
        "test" => test(),
        "bench" => build().and_then(|()| bench()),
        "fuzz" => fuzz(std::env::args().nth(2)),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {task} failed: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The release app binary.
fn app_binary() -> PathBuf {
    project_root().join("target/release/systematic-workshop")
}

fn build() -> Result<(), String> {
    setup::all()?;
    ui::build()?;
    build_app()
}

/// Builds the release app together with the workspace's test targets. Building them in one go
/// unifies dependency features the same way `cargo test` does, so `run` and `test` share every
/// compiled crate instead of rebuilding ~100 of them (2–3 minutes) when switching between them.
///
/// The app alone goes first. Its `main.rs` embeds the UI through `tauri::generate_context!`,
/// which compresses each changed asset into a file named by its content and skips files that
/// already exist. Compiled in one go, the app and its unit-test harness expand that macro at the
/// same time, and one of them can embed a file the other is still writing: the app then shows
/// "WebAssembly.Module doesn't parse … doesn't start with '\0asm'" until it is rebuilt. Once the
/// app alone has written every asset, the second build only reads them.
fn build_app() -> Result<(), String> {
    let workspace = ["--release", "--workspace", "--exclude", "systematic-tests"];
    run(Cmd::cargo(&["build", "--bins"]).args(workspace))?;
    run(Cmd::cargo(&["build", "--all-targets"]).args(workspace))
}

/// Fails early, before minutes of building, when there is no screen to open the window on.
fn check_display() -> Result<(), String> {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        return Err(
            "there is no display to open the window on (DISPLAY is not set). \
             On a headless machine use: xvfb-run -a cargo xtask run"
                .into(),
        );
    }
    Ok(())
}

fn open_app() -> Result<(), String> {
    run(Cmd::new(app_binary()))
}

fn test() -> Result<(), String> {
    setup::all()?;
    let ui_manifest = ui::manifest();
    run(Cmd::cargo(&["fmt", "--all", "--check"]))?;
    run(Cmd::cargo(&["fmt", "--check", "--manifest-path"]).arg(&ui_manifest))?;
    // The shell embeds the UI at compile time, so the UI is built before anything that compiles it.
    ui::build()?;
    run(Cmd::cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--release",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(ui::native(
        "clippy",
        &["--all-targets", "--", "-D", "warnings"],
    ))?;
    run(ui::native("test", &[]))?;
    // Release everywhere: the end-to-end tests need the release app, and one profile means every
    // dependency is compiled once.
    build_app()?;
    run(Cmd::cargo(&[
        "test",
        "--release",
        "--workspace",
        "--exclude",
        "systematic-tests",
    ]))?;
    run(end_to_end(&[
        "test",
        "--release",
        "-p",
        "systematic-tests",
        "--",
        "--test-threads=1",
    ]))
}

/// Every benchmark of docs/BENCHMARKS.md: the app's start-up and memory, the document and
/// session-file figures, and the criterion benchmarks (durable edit, merge, opening).
fn bench() -> Result<(), String> {
    for measure in ["measure", "measure-map"] {
        run(end_to_end(&[
            "run",
            "--release",
            "-p",
            "systematic-tests",
            "--bin",
            measure,
        ]))?;
    }
    for measure in ["measure-documents", "measure-print"] {
        run(Cmd::cargo(&[
            "run",
            "--release",
            "-p",
            "systematic-tests",
            "--bin",
            measure,
        ]))?;
    }
    run(Cmd::cargo(&["bench", "-p", "systematic-core"]))?;
    let networkx = setup::networkx()?;
    run(Cmd::new("python3")
        .arg(project_root().join("src-core/benches/analysis_vs_networkx.py"))
        .env("PYTHONPATH", networkx))?;
    run(Cmd::cargo(&["bench", "-p", "systematic-cli"]))
}

/// Fuzzes each target (opening session files, importing map files) for a while, starting from
/// its committed corpus. The corpora are replayed by ordinary tests
/// (`src-core/tests/fuzz_corpus.rs`, `src-core/tests/map_import_corpus.rs`) in every test run.
fn fuzz(seconds: Option<String>) -> Result<(), String> {
    let seconds: u32 = seconds
        .as_deref()
        .unwrap_or("60")
        .parse()
        .map_err(|_| "the fuzz time must be a whole number of seconds".to_owned())?;
    setup::cargo_fuzz()?;
    for target in ["session_file", "map_import"] {
        run(Cmd::new(setup::tool("cargo-fuzz"))
            .args(["fuzz", "run", "--sanitizer", "none", target])
            .arg(format!("corpus/{target}"))
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            .env("RUSTC_BOOTSTRAP", "1")
            .dir(project_root().join("fuzz")))?;
    }
    Ok(())
}

/// A cargo command run under a virtual display, with the app and driver paths the tests need.
fn end_to_end(args: &[&str]) -> Cmd {
    Cmd::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", "cargo"])
        .args(args)
        .env("SYSTEMATIC_APP", app_binary())
        .env("TAURI_DRIVER", setup::tool("tauri-driver"))
        .env("SYSTEMATIC_AXE", setup::axe_script())
}
