//! Installs what the project needs, skipping whatever is already there.

use crate::cmd::{project_root, run, Cmd};
use std::path::PathBuf;

/// Debian packages: the wasm toolchain (Debian's rustc-web can build std for wasm32) and its
/// clippy, WebKitGTK for Tauri, the WebDriver for end-to-end tests, a virtual display, and tools
/// for tests.
const DEBIAN_PACKAGES: &[&str] = &[
    "rustc-web",
    "cargo-web",
    "rust-web-llvm",
    "rust-web-src",
    "rust-web-clippy",
    "lld-22",
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "curl",
    "wget",
    "file",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "imagemagick",
    "poppler-utils",
    "dbus",
    "util-linux",
    "strace",
    // The package test checks the desktop entry with desktop-file-validate.
    "desktop-file-utils",
];

/// Where cargo-installed tools go: inside the project, so versions never clash with the machine.
pub fn tools_root() -> PathBuf {
    project_root().join(".tools")
}

/// The path of an installed tool.
pub fn tool(name: &str) -> PathBuf {
    tools_root().join("bin").join(name)
}

pub fn all() -> Result<(), String> {
    debian_packages()?;
    wasm_bindgen_cli()?;
    wasm_split_cli()?;
    tauri_driver()?;
    binaryen()?;
    axe_core()
}

/// axe-core, the accessibility checker the end-to-end tests inject into every screen.
const AXE_CORE_VERSION: &str = "4.14.1";

/// The axe-core script, installed inside the project.
pub fn axe_script() -> PathBuf {
    tools_root().join("npm/node_modules/axe-core/axe.min.js")
}

fn axe_core() -> Result<(), String> {
    let package = tools_root().join("npm/node_modules/axe-core/package.json");
    let installed = std::fs::read_to_string(&package)
        .is_ok_and(|json| json.contains(&format!("\"version\": \"{AXE_CORE_VERSION}\"")));
    if installed {
        return Ok(());
    }
    run(Cmd::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(tools_root().join("npm"))
        .arg(format!("axe-core@{AXE_CORE_VERSION}")))
}

/// The Tauri CLI, for its bundler (`cargo xtask bundle`): the npm package carries a prebuilt
/// binary, where `cargo install tauri-cli` would compile for minutes.
const TAURI_CLI_VERSION: &str = "2.12.6";

pub fn tauri_cli_binary() -> PathBuf {
    tools_root().join("npm/node_modules/.bin/tauri")
}

pub fn tauri_cli() -> Result<(), String> {
    let current = Cmd::new(tauri_cli_binary()).arg("--version").output();
    if current.is_some_and(|v| v.trim().ends_with(TAURI_CLI_VERSION)) {
        return Ok(());
    }
    // Not --omit=optional: the binary comes in a per-platform optional package.
    run(Cmd::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(tools_root().join("npm"))
        .arg(format!("@tauri-apps/cli@{TAURI_CLI_VERSION}")))
}

/// The npm `binaryen` package pinned here; Debian's binaryen (108) emits a module that fails at
/// start-up, this one shrinks the UI from ~2.6 MB to ~0.6 MB.
const BINARYEN_VERSION: &str = "132.0.0";

/// `wasm-opt` from the pinned npm package, installed inside the project.
pub fn wasm_opt() -> PathBuf {
    tools_root().join("npm/node_modules/.bin/wasm-opt")
}

fn binaryen() -> Result<(), String> {
    let current = Cmd::new(wasm_opt()).arg("--version").output();
    let wanted = BINARYEN_VERSION
        .split('.')
        .next()
        .unwrap_or(BINARYEN_VERSION);
    if current.is_some_and(|v| v.contains(&format!("version {wanted}"))) {
        return Ok(());
    }
    run(Cmd::new("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(tools_root().join("npm"))
        .arg(format!("binaryen@{BINARYEN_VERSION}")))
}

fn installed(package: &str) -> bool {
    Cmd::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_some_and(|status| status.trim() == "install ok installed")
}

fn debian_packages() -> Result<(), String> {
    let mut missing: Vec<&str> = DEBIAN_PACKAGES
        .iter()
        .copied()
        .filter(|p| !installed(p))
        .collect();
    // npm installs wasm-opt (binaryen). Many machines have Node.js from elsewhere; only when there
    // is no npm at all is Debian's taken.
    if Cmd::new("npm").arg("--version").output().is_none() {
        missing.push("npm");
    }
    if missing.is_empty() {
        return Ok(());
    }
    println!("Installing Debian packages: {}", missing.join(" "));
    let as_root = Cmd::new("id")
        .arg("-u")
        .output()
        .is_some_and(|id| id.trim() == "0");
    let apt = |args: &[&str]| {
        let cmd = if as_root {
            Cmd::new("apt-get")
        } else {
            Cmd::new("sudo").arg("apt-get")
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive")
    };
    run(apt(&["update", "-q"]))?;
    run(apt(&["install", "-y", "-q", "--no-install-recommends"]).args(&missing))
}

/// The version of the `wasm-bindgen` crate the UI is locked to; the CLI must match it exactly.
fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock_path = project_root().join("src-ui/Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err(format!("no wasm-bindgen entry in {}", lock_path.display()))
}

fn wasm_bindgen_cli() -> Result<(), String> {
    let version = locked_wasm_bindgen_version()?;
    let current = Cmd::new(tool("wasm-bindgen")).arg("--version").output();
    if current.is_some_and(|v| v.split_whitespace().nth(1) == Some(version.as_str())) {
        return Ok(());
    }
    run(
        Cmd::cargo(&["install", "wasm-bindgen-cli", "--force", "--version"])
            .arg(format!("={version}"))
            .arg("--root")
            .arg(tools_root()),
    )
}

/// The version of the splitter that cuts the UI's wasm at its `#[lazy]` functions (Leptos's
/// `wasm_split_helpers` runtime loads the pieces); built as a tool, so xtask keeps no dependencies.
const WASM_SPLIT_VERSION: &str = "0.2.4";

fn wasm_split_cli() -> Result<(), String> {
    let stamp = tools_root().join(format!("wasm-split-cli-{WASM_SPLIT_VERSION}"));
    if tool("wasm-split-cli").exists() && stamp.exists() {
        return Ok(());
    }
    // --force: an older version's binary may be there.
    cargo_install(
        "wasm_split_cli_support",
        &format!("={WASM_SPLIT_VERSION}"),
        &["--features", "build-binary", "--force"],
    )?;
    std::fs::write(&stamp, "").map_err(|e| format!("cannot write {}: {e}", stamp.display()))
}

fn tauri_driver() -> Result<(), String> {
    if tool("tauri-driver").exists() {
        return Ok(());
    }
    cargo_install("tauri-driver", "^2", &[])
}

/// cargo-fuzz, for `cargo xtask fuzz` only (the fuzzer runs on stable with RUSTC_BOOTSTRAP=1).
pub fn cargo_fuzz() -> Result<(), String> {
    if tool("cargo-fuzz").exists() {
        return Ok(());
    }
    cargo_install("cargo-fuzz", "0.13.2", &[])
}

/// `cargo install` of `package` at `version` with its own lockfile, into `.tools`.
fn cargo_install(package: &str, version: &str, extra: &[&str]) -> Result<(), String> {
    run(
        Cmd::cargo(&["install", package, "--locked", "--version", version])
            .args(extra)
            .arg("--root")
            .arg(tools_root()),
    )
}

/// networkx, for `cargo xtask bench` only (the analysis is timed against it), installed into
/// `.tools/python` rather than the machine's Python.
pub fn networkx() -> Result<PathBuf, String> {
    let target = tools_root().join("python");
    if target.join("networkx").exists() {
        return Ok(target);
    }
    run(Cmd::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "networkx==3.6.1",
            "--target",
        ])
        .arg(&target))?;
    Ok(target)
}
