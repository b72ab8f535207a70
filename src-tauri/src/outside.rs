//! Session files handed to the app from outside: on the command line (`systematic-workshop
//! FILE`, which is also what a double-click in the file manager runs), or by a second launch
//! that found this app already running on the same data folder and passed its files here.
//!
//! They wait in [`Arrivals`] until the UI takes them (`take_opened_files`); the UI is told by
//! the `files-opened` event, and also asks once when it starts, so files given before the web
//! view was listening are not lost.

use std::path::Path;
use std::sync::Mutex;
use systematic_ipc::{FILES_OPENED_EVENT, MAIN_WINDOW};
use tauri::{Emitter, Manager};

/// Files given to the app that the UI has not opened yet.
#[derive(Default)]
pub struct Arrivals(Mutex<Vec<String>>);

impl Arrivals {
    pub fn push(&self, paths: Vec<String>) {
        let mut waiting = self.0.lock().unwrap_or_else(|p| p.into_inner());
        waiting.extend(paths);
    }

    pub fn take(&self) -> Vec<String> {
        let mut waiting = self.0.lock().unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *waiting)
    }
}

/// The files among a launch's arguments (without the program itself), made absolute against
/// `cwd`, the folder the launch was made from. Options (`-…`) are not files.
pub fn files_in_args(args: impl IntoIterator<Item = String>, cwd: &Path) -> Vec<String> {
    args.into_iter()
        .filter(|arg| !arg.is_empty() && !arg.starts_with('-'))
        .map(|arg| {
            let path = arg.strip_prefix("file://").unwrap_or(&arg);
            cwd.join(path).to_string_lossy().into_owned()
        })
        .collect()
}

/// A second launch on the same data folder handed over its arguments: its files join the queue,
/// the UI is told, and the main window comes forward (a launch without files only does that).
pub fn second_launch(app: &tauri::AppHandle, argv: Vec<String>, cwd: String) {
    let files = files_in_args(argv.into_iter().skip(1), Path::new(&cwd));
    tracing::info!(files = files.len(), "second launch handed over");
    if !files.is_empty() {
        app.state::<crate::files::Chosen>().remember_to_open(&files);
        app.state::<Arrivals>().push(files);
        let _ = app.emit_to(MAIN_WINDOW, FILES_OPENED_EVENT, ());
    }
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_made_absolute_and_options_left_out() {
        let cwd = Path::new("/home/facilitator/Desktop");
        let files = files_in_args(
            [
                "esther.systematic".to_owned(),
                "--some-flag".to_owned(),
                "/media/stick/table 2.systematic".to_owned(),
                "file:///tmp/x.systematic".to_owned(),
                String::new(),
            ],
            cwd,
        );
        assert_eq!(
            files,
            vec![
                "/home/facilitator/Desktop/esther.systematic",
                "/media/stick/table 2.systematic",
                "/tmp/x.systematic"
            ]
        );
    }

    #[test]
    fn arrivals_are_taken_once() {
        let arrivals = Arrivals::default();
        arrivals.push(vec!["a".into()]);
        arrivals.push(vec!["b".into()]);
        assert_eq!(arrivals.take(), vec!["a", "b"]);
        assert!(arrivals.take().is_empty());
    }
}
