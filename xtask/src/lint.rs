//! Clippy's lints, run while building instead of in a separate `cargo clippy`.
//!
//! `cargo clippy` is `cargo check` with `clippy-driver` as the workspace's compiler wrapper.
//! Checking compiles every dependency a second time in "check" mode (metadata only), which is
//! kept apart from the build's own compiled dependencies: five of CI's forty minutes went to
//! that. Building with the same wrapper lints our own crates while compiling them and reuses the
//! dependencies the build compiles anyway. The wrapper is part of our crates' fingerprints, so a
//! build without it (`cargo xtask run`) keeps its own copies of them rather than fighting over
//! one; dependencies are shared.
//!
//! The UI is linted by two clippies: Debian's (`rust-web-clippy`, the version of `rustc-web`) for
//! the wasm program, and rustup's for its unit tests on the host. A Debian update can bring a new
//! lint before the rustup toolchain does; `cargo xtask test` then names it like any other.

use crate::cmd::Cmd;
use std::path::PathBuf;

/// How `cargo clippy` hands its `-- …` arguments to `clippy-driver`: each one followed by this.
const CLIPPY_ARGS_SEPARATOR: &str = "__CLIPPY_HACKERY__";

/// Clippy's lints, failing on any warning.
pub struct Lints {
    driver: PathBuf,
}

impl Lints {
    /// Clippy for the rustup toolchain that runs this xtask (the workspace, and the UI's unit
    /// tests on the host).
    pub fn for_the_workspace() -> Result<Self, String> {
        Self::beside("rustc", "rustup component add clippy")
    }

    /// Clippy for Debian's `rustc-web`, which compiles the UI to wasm (Debian package
    /// `rust-web-clippy`, installed by `cargo xtask setup`).
    pub fn for_the_ui() -> Result<Self, String> {
        Self::beside(crate::ui::RUSTC, "cargo xtask setup")
    }

    /// Finds `clippy-driver` in the sysroot of `rustc`.
    fn beside(rustc: &str, install: &str) -> Result<Self, String> {
        let sysroot = Cmd::new(rustc)
            .args(["--print", "sysroot"])
            .output()
            .ok_or(format!(
                "`{rustc} --print sysroot` failed: is Rust installed?"
            ))?;
        let driver = PathBuf::from(sysroot.trim()).join("bin/clippy-driver");
        if !driver.is_file() {
            return Err(format!(
                "clippy is not installed ({} is missing): run `{install}`",
                driver.display()
            ));
        }
        Ok(Self { driver })
    }

    /// `cmd` (a cargo build or test) with our crates compiled through clippy.
    pub fn on(&self, cmd: Cmd) -> Cmd {
        let args: String = ["-D", "warnings"]
            .iter()
            .map(|arg| format!("{arg}{CLIPPY_ARGS_SEPARATOR}"))
            .collect();
        cmd.env("RUSTC_WORKSPACE_WRAPPER", &self.driver)
            .env("CLIPPY_ARGS", args)
    }
}
