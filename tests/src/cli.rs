//! Running the `systematic` command line tool from end-to-end tests, to make other laptops'
//! session files.

use crate::project_root;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs the release `systematic` with `args`, feeding `script` on standard input; panics with its
/// error output unless it succeeds, and answers its standard output.
pub fn systematic(args: &[&str], script: Option<&str>) -> String {
    use std::io::Write;
    let binary = project_root().join("target/release/systematic");
    let mut child = Command::new(&binary)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary.display()));
    if let Some(script) = script {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(script.as_bytes())
            .expect("write script");
    }
    let output = child.wait_with_output().expect("systematic runs");
    assert!(
        output.status.success(),
        "systematic {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A path as the text the tool takes.
pub fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
