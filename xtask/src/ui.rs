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
        // Flags meant for the host would reach the wasm build, std included. The splitter needs
        // the linker's relocations to cut the wasm (`split`).
        .env_remove("RUSTFLAGS")
        .env("CARGO_ENCODED_RUSTFLAGS", "-Clink-arg=--emit-relocs")
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
    let pieces = split(&wasm)?;
    // The lazy pieces are optimised beside the main module's wasm-bindgen and wasm-opt: each
    // leaves the second core idle much of the time.
    std::thread::scope(|scope| {
        let lazy = scope.spawn(|| {
            pieces.lazy.iter().try_for_each(|piece| {
                optimise(piece, &staging.join(piece.file_name().unwrap_or_default()))
            })
        });
        let main = bindgen_and_optimise(&pieces.main, &staging);
        let lazy = lazy
            .join()
            .unwrap_or_else(|_| Err("optimising the wasm pieces failed unexpectedly".into()));
        main.and(lazy)
    })?;
    // An unpacked wasm left from an older build would be embedded in the app for nothing, and
    // pieces of an older split would not fit this build's main module.
    let _ = std::fs::remove_file(dist.join("app_bg.wasm"));
    for old in files_in(&dist)? {
        if is_split_piece(&old) && !pieces.lazy.iter().any(|p| p.file_name() == old.file_name()) {
            std::fs::remove_file(&old)
                .map_err(|e| format!("cannot remove {}: {e}", old.display()))?;
        }
    }
    // The lazy pieces are loaded by the splitter's own loader, which fetches plain wasm.
    for piece in &pieces.lazy {
        let name = piece.file_name().unwrap_or_default();
        copy_if_changed(&staging.join(name), &dist.join(name))?;
    }
    for (from, to) in [
        (staging.join("app.js"), "app.js"),
        (pieces.loader, SPLIT_LOADER),
        (staging.join("app_bg.opt.wasm.gz"), "app_bg.wasm.gz"),
        (ui_dir().join("index.html"), "index.html"),
        (ui_dir().join("boot.js"), "boot.js"),
        (ui_dir().join("style/app.css"), "app.css"),
    ] {
        copy_if_changed(&from, &dist.join(to))?;
    }
    Ok(())
}

/// wasm-bindgen's glue for the main module, and the module optimised and gzipped, in `staging`.
fn bindgen_and_optimise(main: &Path, staging: &Path) -> Result<(), String> {
    run(Cmd::new(setup::tool("wasm-bindgen"))
        .args([
            "--target",
            "web",
            "--no-typescript",
            // The split-off pieces use the main module's memory and function table.
            "--keep-lld-exports",
            "--out-name",
            "app",
            "--out-dir",
        ])
        .arg(staging)
        .arg(main))?;
    optimise(
        &staging.join("app_bg.wasm"),
        &staging.join("app_bg.opt.wasm"),
    )?;
    // Shipped gzipped; `boot.js` unpacks it as it compiles.
    run(Cmd::new("gzip")
        .args(["-9", "--no-name", "--keep", "--force"])
        .arg(staging.join("app_bg.opt.wasm")))
}

/// The splitter's loader, which `app.js` imports and which imports `app.js` back.
const SPLIT_LOADER: &str = "__wasm_split.js";

/// What the splitter makes of the compiled UI.
struct Pieces {
    /// The main module, for wasm-bindgen: everything up to the home screen.
    main: PathBuf,
    /// The pieces loaded when a `#[lazy]` function is first called (the workshop screen).
    lazy: Vec<PathBuf>,
    loader: PathBuf,
}

/// Cuts the wasm at its `#[lazy]` functions, so the home screen does not wait for the code of
/// the workshop screen to be fetched and compiled.
fn split(wasm: &Path) -> Result<Pieces, String> {
    let out = ui_dir().join("target/dist-split");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    run(Cmd::new(setup::tool("wasm-split-cli"))
        .arg(wasm)
        .arg(&out)
        .args(["--out-name", "app"]))?;
    let lazy: Vec<PathBuf> = files_in(&out)?
        .into_iter()
        .filter(|path| is_split_piece(path))
        .collect();
    if lazy.is_empty() {
        return Err("the splitter found no #[lazy] function in the UI".into());
    }
    Ok(Pieces {
        main: out.join("app.wasm"),
        lazy,
        loader: out.join(SPLIT_LOADER),
    })
}

/// A piece the splitter cut off: `split_<name>.wasm` or a shared `chunk_<n>.wasm`.
fn is_split_piece(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
}

fn files_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    Ok(entries.flatten().map(|entry| entry.path()).collect())
}

/// Shrinks the wasm with `wasm-opt -Oz` (~12 s), skipped when its input has not changed.
fn optimise(input: &Path, output: &Path) -> Result<(), String> {
    // Kept beside the output: the splitter's folder, where the pieces' inputs are, is remade.
    let last_input = output.with_extension("last-input");
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
