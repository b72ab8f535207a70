//! The app's log: one file a day in `<data folder>/logs/`, the last seven kept, for the
//! diagnostic report a facilitator sends when something went wrong.
//!
//! A log line says *what happened* — a request's name, its outcome, an error's kind and message
//! id, counts and durations — and never *what anyone wrote*: no titles, stories, notes, names,
//! passphrases or file paths (a path can carry a name). So code logs only `Request::name`,
//! `AppError::message_id` and numbers, never a request, a view or an error's arguments; the
//! end-to-end canary test (`tests/tests/e2e_logs.rs`) holds it to that.

use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use tracing_appender::rolling::{RollingFileAppender, Rotation};

/// The log folder inside the data folder.
pub const LOG_FOLDER: &str = "logs";
const FILE_PREFIX: &str = "systematic";
const FILE_SUFFIX: &str = "log";
/// Days of logs kept; older files are removed as new days begin.
const DAYS_KEPT: usize = 7;

/// The log folder of the data folder `data_dir`.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_FOLDER)
}

/// Sends `tracing` events at INFO and above to the daily file in `data_dir`, or to standard
/// error when there is no usable data folder (a stick not plugged in is never created by
/// logging). Called once, first thing; a second call changes nothing.
pub fn start(data_dir: &Path) {
    let file = data_dir
        .is_dir()
        .then(|| {
            RollingFileAppender::builder()
                .rotation(Rotation::DAILY)
                .filename_prefix(FILE_PREFIX)
                .filename_suffix(FILE_SUFFIX)
                .max_log_files(DAYS_KEPT)
                .build(folder(data_dir))
                .ok()
        })
        .flatten();
    // Written synchronously: the last lines before a crash are the ones a report needs.
    match file {
        Some(file) => install(file),
        None => install(std::io::stderr),
    }
    log_panics();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        logging_to_file = data_dir.is_dir(),
        "started"
    );
}

/// Adds a line naming where the code panicked (file and line, not the message, which could
/// quote a value), then lets the usual panic report run.
fn log_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(place = place.as_str(), "panic");
        previous(info);
    }));
}

/// Only this app's own events (and the single-instance plugin's warnings) are written: the rule
/// above is kept by reading our code, which cannot be done for every library's messages.
fn install<W>(writer: W)
where
    W: for<'a> tracing_subscriber::fmt::MakeWriter<'a> + Send + Sync + 'static,
{
    use tracing::Level;
    use tracing_subscriber::filter::Targets;
    use tracing_subscriber::layer::SubscriberExt;
    let ours = Targets::new()
        .with_target("systematic_core", Level::INFO)
        .with_target("systematic_workshop", Level::INFO)
        .with_target("tauri_plugin_single_instance", Level::WARN);
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(Level::INFO)
        .with_ansi(false)
        .with_target(false)
        .with_writer(writer)
        .finish()
        .with(ours);
    // A second call (tests) leaves the first in place.
    let _already = tracing::subscriber::set_global_default(subscriber);
}

/// The newest log file, if any.
fn newest_file(data_dir: &Path) -> Option<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder(data_dir))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(FILE_PREFIX) && n.ends_with(FILE_SUFFIX))
        })
        .collect();
    // Named by date (YYYY-MM-DD), so the last in name order is the newest.
    files.sort();
    files.pop()
}

/// The last `count` lines of the newest log file; empty when there is none. Reads at most the
/// last 64 KiB, so a large log never slows the report.
pub fn last_lines(data_dir: &Path, count: usize) -> Vec<String> {
    const TAIL_BYTES: u64 = 64 * 1024;
    let Some(path) = newest_file(data_dir) else {
        return Vec::new();
    };
    let Ok(mut file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    let length = file.metadata().map(|m| m.len()).unwrap_or(0);
    let start = length.saturating_sub(TAIL_BYTES);
    if file.seek(SeekFrom::Start(start)).is_err() {
        return Vec::new();
    }
    let mut lines: Vec<String> = BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        // A line cut by the 64 KiB window is dropped rather than shown half.
        .skip(usize::from(start > 0))
        .collect();
    let keep_from = lines.len().saturating_sub(count);
    lines.split_off(keep_from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_lines_come_from_the_newest_day() {
        let dir = tempfile::tempdir().expect("temp");
        let logs = folder(dir.path());
        std::fs::create_dir_all(&logs).expect("logs");
        std::fs::write(logs.join("systematic.2026-12-01.log"), "old\n").expect("old");
        let lines: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
        std::fs::write(
            logs.join("systematic.2026-12-02.log"),
            lines.join("\n") + "\n",
        )
        .expect("new");
        std::fs::write(logs.join("notes.txt"), "not a log\n").expect("other");
        assert_eq!(
            last_lines(dir.path(), 3),
            vec!["line 97", "line 98", "line 99"]
        );
    }

    #[test]
    fn a_huge_log_is_read_from_its_end_only() {
        let dir = tempfile::tempdir().expect("temp");
        let logs = folder(dir.path());
        std::fs::create_dir_all(&logs).expect("logs");
        let mut text = "x".repeat(200_000);
        text.push_str("\nlast\n");
        std::fs::write(logs.join("systematic.2026-12-02.log"), text).expect("log");
        // The cut first line (a run of x) is dropped, not shown half.
        assert_eq!(last_lines(dir.path(), 10), vec!["last"]);
    }

    #[test]
    fn no_log_folder_means_no_lines() {
        let dir = tempfile::tempdir().expect("temp");
        assert!(last_lines(dir.path(), 10).is_empty());
    }
}
