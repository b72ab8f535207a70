//! Running commands: print each one, stream its output, fail with a readable message.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the parent of `xtask/`).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A command with the project root as its working directory.
pub struct Cmd(Command);

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>) -> Self {
        let mut command = Command::new(program);
        command.current_dir(project_root());
        Self(command)
    }

    /// The same cargo that runs this xtask.
    pub fn cargo(args: &[&str]) -> Self {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        Self::new(cargo).args(args)
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.0.arg(arg);
        self
    }

    pub fn args<I: IntoIterator<Item = S>, S: AsRef<OsStr>>(mut self, args: I) -> Self {
        self.0.args(args);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Self {
        self.0.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Self {
        self.0.env_remove(key);
        self
    }

    /// Sends the command's standard error to `file`.
    pub fn stderr(mut self, file: std::fs::File) -> Self {
        self.0.stderr(file);
        self
    }

    /// Runs the command and returns its exit status, without failing on a bad one.
    pub fn status(mut self) -> Result<std::process::ExitStatus, String> {
        let description = self.describe();
        self.0
            .status()
            .map_err(|e| format!("could not start `{description}`: {e}"))
    }

    pub fn dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.0.current_dir(dir);
        self
    }

    fn describe(&self) -> String {
        let program = self.0.get_program().to_string_lossy().into_owned();
        let args: Vec<String> = self
            .0
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        format!("{program} {}", args.join(" "))
    }

    /// Runs the command and captures its standard output (for version checks).
    pub fn output(mut self) -> Option<String> {
        let output = self.0.output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

/// Runs `cmd`, streaming its output; an error names the command that failed.
pub fn run(mut cmd: Cmd) -> Result<(), String> {
    let description = cmd.describe();
    println!("\n$ {description}");
    let started = std::time::Instant::now();
    let status = cmd
        .0
        .status()
        .map_err(|e| format!("could not start `{description}`: {e}"))?;
    println!("  ({description}: {:.0?})", started.elapsed());
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{description}` exited with {status}"))
    }
}
