//! `cargo xtask`: set up, build, run and test SysteMatic Workshop from one place.
//!
//! Every tool the project needs is installed from here, idempotently, so a fresh machine needs
//! only `cargo xtask run` or `cargo xtask test`. See ../shared/TOOLCHAIN.md for why each step is
//! the way it is.

mod cmd;
mod lint;
mod package;
mod setup;
mod ui;

use cmd::{project_root, run, Cmd};
use lint::Lints;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  run      set up, build the UI and the app in release mode, and open the app
  test     set up, then fmt, clippy, unit, integration and end-to-end tests
  bench    build, then run every benchmark of docs/BENCHMARKS.md (start-up, memory, edits,
           merging, opening, file size)
  fuzz [RUNS] [TARGET...]
           fuzz every parser of outside files (default 1,000,000 runs each); crash and hang
           inputs go to fuzz/artifacts, new coverage to fuzz/corpus
  setup    install what is missing (Debian packages, wasm-bindgen-cli, tauri-driver)
  build    set up and build the UI and the release app
  ui       set up and build only the UI (linted, as `test` builds it) into src-ui/dist
  bundle   build, then pack the app, the `systematic` tool, the desktop entry, the file type,
           shell completions and the man page into a .deb (target/release/bundle/deb/)
";

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let result = match task.as_str() {
        "setup" => setup::all(),
        "build" => build(),
        "ui" => setup::all()
            .and_then(|()| Lints::for_the_ui())
            .and_then(|lints| ui::build(Some(&lints))),
        "run" => check_display()
            .and_then(|()| build())
            .and_then(|()| open_app()),
        "test" => test(),
        "bench" => build().and_then(|()| bench()),
        "bundle" => bundle().map(|_| ()),
        "fuzz" => fuzz(&std::env::args().skip(2).collect::<Vec<_>>()),
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

/// Workspace members left out of the app's build and the workspace tests: the end-to-end crate
/// (run on its own once the app is built) and the blank window (`test` lints it, `bench` runs
/// it).
const NOT_BUILT_WITH_THE_APP: [&str; 4] =
    ["--exclude", "systematic-tests", "--exclude", "blank-window"];

/// The same, but with the blank window. Its dependencies are a subset of the app's, with the same
/// features, so building it with the app reuses the app's compiled crates; built on its own,
/// cargo resolves features for it alone and compiles Tauri again (170 s in a cold run).
const WITH_THE_BLANK_WINDOW: [&str; 2] = ["--exclude", "systematic-tests"];

/// The release app binary.
fn app_binary() -> PathBuf {
    project_root().join("target/release/systematic-workshop")
}

fn build() -> Result<(), String> {
    setup::all()?;
    ui::build(None)?;
    build_app(None)
}

/// Builds the release app together with the workspace's test targets. Building them in one go
/// unifies dependency features the same way `cargo test` does, so `run` and `test` share every
/// compiled crate instead of rebuilding ~100 of them (2–3 minutes) when switching between them.
///
/// The app alone goes first. Its `main.rs` embeds the UI through `tauri::generate_context!`,
/// which writes each changed asset into a file named by its content and skips files that
/// already exist. Compiled in one go, the app and its unit-test harness expand that macro at the
/// same time, and one of them can embed a file the other is still writing: the app then shows
/// "WebAssembly.Module doesn't parse … doesn't start with '\0asm'" until it is rebuilt. Once the
/// app alone has written every asset, the second build only reads them.
fn build_app(lints: Option<&Lints>) -> Result<(), String> {
    let cargo = |args: &[&str]| {
        let cmd = Cmd::cargo(args).args(["--release", "--workspace"]);
        match lints {
            Some(lints) => lints.on(cmd),
            None => cmd,
        }
    };
    run(cargo(&["build", "--bins"]).args(NOT_BUILT_WITH_THE_APP))?;
    match lints {
        // Linting covers every target of every crate, as `cargo clippy --workspace
        // --all-targets` would (the end-to-end crate is linted as `test` builds it).
        Some(_) => run(cargo(&["build", "--all-targets"]).args(WITH_THE_BLANK_WINDOW)),
        // Otherwise the benchmarks and the blank window are left to `cargo xtask bench`.
        None => run(cargo(&["build", "--tests"]).args(NOT_BUILT_WITH_THE_APP)),
    }
}

/// The `.deb`: the release binaries only (no test targets), then the bundler.
fn bundle() -> Result<PathBuf, String> {
    setup::all()?;
    ui::build(None)?;
    run(Cmd::cargo(&["build", "--release", "--bins", "--workspace"]).args(NOT_BUILT_WITH_THE_APP))?;
    package::bundle_built_app()
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

/// Clippy runs inside the builds (see `lint.rs`), so every crate is compiled once.
fn test() -> Result<(), String> {
    setup::all()?;
    let lints = Lints::for_the_workspace()?;
    let ui_manifest = ui::manifest();
    run(Cmd::cargo(&["fmt", "--all", "--check"]))?;
    run(Cmd::cargo(&["fmt", "--check", "--manifest-path"]).arg(&ui_manifest))?;
    // The shell embeds the UI at compile time, so the UI is built before anything that compiles
    // it. Its program is linted for the target it runs on; its unit tests on the host.
    ui::build(Some(&Lints::for_the_ui()?))?;
    run(lints.on(ui::native("test", &[])))?;
    // Release everywhere: the end-to-end tests need the release app, and one profile means every
    // dependency is compiled once.
    build_app(Some(&lints))?;
    run(lints.on(Cmd::cargo(&["test", "--release", "--workspace"]).args(NOT_BUILT_WITH_THE_APP)))?;
    // The package test unpacks this .deb and runs what is inside.
    let deb = package::bundle_built_app()?;
    run(lints
        .on(end_to_end(&[
            "test",
            "--release",
            "-p",
            "systematic-tests",
            "--",
            "--test-threads=1",
        ]))
        .env("SYSTEMATIC_DEB", deb))
}

/// Every benchmark of docs/BENCHMARKS.md: the app's start-up and memory, the document and
/// session-file figures, and the criterion benchmarks (durable edit, merge, opening).
fn bench() -> Result<(), String> {
    // The baseline the app's start-up is compared with, built in the same run (with the app's
    // crates: see WITH_THE_BLANK_WINDOW).
    run(Cmd::cargo(&["build", "--release", "--bins", "--workspace"]).args(WITH_THE_BLANK_WINDOW))?;
    let deb = package::bundle_built_app()?;
    for measure in ["measure", "measure-map"] {
        run(end_to_end(&[
            "run",
            "--release",
            "-p",
            "systematic-tests",
            "--bin",
            measure,
        ])
        .env(
            "SYSTEMATIC_BLANK_APP",
            project_root().join("target/release/blank-window"),
        )
        .env("SYSTEMATIC_DEB", &deb))?;
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

/// The fuzz targets: one file each in `fuzz/fuzz_targets/` (the core's
/// `systematic_core::fuzzing::TARGETS` is checked against the fuzz crate by a test).
fn fuzz_targets() -> Result<Vec<String>, String> {
    let folder = project_root().join("fuzz/fuzz_targets");
    let entries = std::fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut targets: Vec<String> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    targets.sort();
    Ok(targets)
}

/// Fuzzes each target for `runs` executions (default one million), starting from its committed
/// corpus. New inputs are collected in `fuzz/work/` (not committed); afterwards only those that
/// reach new code are merged into `fuzz/corpus/<target>`. An input that crashes, hangs for 10 s
/// or takes 2 GiB fails the run and is kept in `fuzz/artifacts/<target>/`. The corpora are
/// replayed by `src-core/tests/fuzz_corpora.rs` in every test run.
fn fuzz(args: &[String]) -> Result<(), String> {
    let known = fuzz_targets()?;
    let mut runs: u64 = 1_000_000;
    let mut targets = Vec::new();
    for arg in args {
        match arg.parse::<u64>() {
            Ok(n) => runs = n,
            Err(_) if known.contains(arg) => targets.push(arg.as_str()),
            Err(_) => {
                return Err(format!(
                    "`{arg}` is neither a number of runs nor a fuzz target"
                ))
            }
        }
    }
    if targets.is_empty() {
        targets = known.iter().map(String::as_str).collect();
    }
    setup::cargo_fuzz()?;
    let fuzz_dir = project_root().join("fuzz");
    let mut summary = Vec::new();
    for target in targets {
        let work = fuzz_dir.join("work").join(target);
        let artifacts = fuzz_dir.join("artifacts").join(target);
        for folder in [&work, &artifacts] {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        let log = fuzz_dir.join("work").join(format!("{target}.log"));
        let log_file =
            std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        let libfuzzer = |cmd: Cmd| {
            cmd.args(["fuzz", "run", "--sanitizer", "none", "--release", target])
                .env("RUSTC_BOOTSTRAP", "1")
                .dir(&fuzz_dir)
        };
        println!("\n$ fuzz {target}: {runs} runs (log: {})", log.display());
        let started = std::time::Instant::now();
        let status = libfuzzer(Cmd::new(setup::tool("cargo-fuzz")))
            .arg(&work)
            .arg(format!("corpus/{target}"))
            .arg("--")
            .arg(format!("-runs={runs}"))
            .args(["-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1"])
            // Automerge's loader can take gigabytes from a few KiB of valid-looking chunks. The
            // app opens outside files in a memory-capped child (`untrusted`), so for these two
            // targets an out-of-memory input is not a crash of ours, nor is a slow one (in the
            // instrumented build a balloon can take over 10 s to reach 2 GiB; capped, it is
            // stopped within a second): the fuzzing runs in a child process that is restarted
            // after one, and the inputs are counted and kept in fuzz/artifacts. Copy them to
            // fuzz/balloons, where `src-cli/tests/hostile.rs` replays them through the capped
            // loader. Crashes still stop the run.
            .args(if target.starts_with("session_") {
                &["-fork=1", "-ignore_ooms=1", "-ignore_timeouts=1"][..]
            } else {
                &[][..]
            })
            .arg(format!("-artifact_prefix={}/", artifacts.display()))
            .stderr(log_file)
            .status()?;
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        // "Done N runs in S second(s)", or in fork mode the last "#N: cov: … oom/timeout/crash:"
        let done = text
            .lines()
            .rev()
            .find(|l| {
                l.starts_with("Done ") || (l.starts_with('#') && l.contains("oom/timeout/crash"))
            })
            .unwrap_or("no summary line")
            .to_owned();
        // In fork mode libFuzzer exits with its last job's code, which is an out-of-memory or
        // timeout code when that job ended on one of the inputs it was told to ignore; the
        // final line's "oom/timeout/crash: a/b/0" says there was no crash.
        let no_crash = done.contains("oom/timeout/crash:") && done.contains("/0 ");
        if !status.success() && !no_crash {
            let tail: Vec<&str> = text.lines().rev().take(30).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!(
                "fuzz target {target} found a problem; input in {}\n{}",
                artifacts.display(),
                tail.join("\n")
            ));
        }
        // Keep only what reaches new code.
        run(libfuzzer(Cmd::new(setup::tool("cargo-fuzz")))
            .arg(format!("corpus/{target}"))
            .arg(&work)
            .args(["--", "-merge=1"]))?;
        summary.push(format!(
            "{target:<16} {done} (wall {:.0?})",
            started.elapsed()
        ));
    }
    println!("\nfuzzing finished without a crash or hang:");
    for line in summary {
        println!("  {line}");
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
