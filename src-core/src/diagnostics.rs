//! The diagnostic report behind Help → "Copy diagnostic report": what a helper needs to
//! understand a problem on a workshop laptop, and nothing about the workshop itself.
//!
//! It holds versions, the operating system, the web view's version, how big the data folder is
//! and the last log lines (which name requests and errors only, see [`crate::logging`]). No
//! path is shown: the data folder's path carries the laptop user's name.

use crate::{document, logging, session_file, store};
use std::path::Path;

/// Log lines at the end of the report.
const LOG_LINES: usize = 40;

/// The report for the data folder `data_dir`; `webview` is the WebKitGTK version the shell
/// reports (the core has no window).
pub fn report(data_dir: &Path, webview: &str) -> String {
    let (bytes, files) = folder_size(data_dir);
    let mut lines = vec![
        "SysteMatic Workshop diagnostic report".to_owned(),
        format!("App version: {}", env!("CARGO_PKG_VERSION")),
        format!(
            "Formats: session file {}, workshop document {}, laptop store {}",
            session_file::FILE_FORMAT_VERSION,
            document::FORMAT_VERSION,
            store::SCHEMA_VERSION
        ),
        format!("Operating system: {}", operating_system()),
        format!("WebKitGTK: {webview}"),
        format!(
            "Data folder: {} in {files} files{}",
            human_size(bytes),
            if data_dir.is_dir() {
                ""
            } else {
                " (not found)"
            }
        ),
        String::new(),
        format!("Last {LOG_LINES} log lines:"),
    ];
    let log = logging::last_lines(data_dir, LOG_LINES);
    if log.is_empty() {
        lines.push("(no log yet)".to_owned());
    }
    lines.extend(log);
    lines.join("\n") + "\n"
}

/// "Debian GNU/Linux 13 (trixie), Linux 6.12.0 x86_64".
fn operating_system() -> String {
    let release = std::fs::read_to_string("/etc/os-release").unwrap_or_default();
    let name = release
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map(|v| v.trim_matches('"').to_owned())
        .unwrap_or_else(|| std::env::consts::OS.to_owned());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "{name}, {} {} {}",
        std::env::consts::OS,
        kernel.trim(),
        std::env::consts::ARCH
    )
    .replace("  ", " ")
}

/// Total bytes and number of files under `dir`, without following links.
fn folder_size(dir: &Path) -> (u64, u64) {
    let mut bytes = 0;
    let mut files = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                pending.push(entry.path());
            } else if meta.is_file() {
                bytes += meta.len();
                files += 1;
            }
        }
    }
    (bytes, files)
}

fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_has_versions_size_and_log_but_no_path() {
        let dir = tempfile::tempdir().expect("temp");
        std::fs::write(dir.path().join("workshops.sqlite3"), vec![0u8; 2500]).expect("db");
        let logs = logging::folder(dir.path());
        std::fs::create_dir_all(&logs).expect("logs");
        std::fs::write(
            logs.join("systematic.2026-12-06.log"),
            "INFO request done request=\"Status\"\n",
        )
        .expect("log");
        let report = report(dir.path(), "2.48.1");
        assert!(report.contains(&format!("App version: {}", env!("CARGO_PKG_VERSION"))));
        assert!(report.contains("Formats: session file 1, workshop document 1, laptop store 4"));
        assert!(report.contains("WebKitGTK: 2.48.1"));
        assert!(
            report.contains("Data folder: 2.5 KB in 2 files"),
            "{report}"
        );
        assert!(report.contains("Operating system: "));
        assert!(report.ends_with("INFO request done request=\"Status\"\n"));
        let path = dir.path().to_string_lossy();
        assert!(!report.contains(path.as_ref()), "{report}");
    }

    #[test]
    fn sizes_read_like_a_file_manager() {
        assert_eq!(human_size(999), "999 bytes");
        assert_eq!(human_size(1_500), "1.5 KB");
        assert_eq!(human_size(12_300_000), "12.3 MB");
    }
}
