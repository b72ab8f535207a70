//! File choosers for session files, through the Tauri dialog plugin (used from Rust only, so the
//! web view gets no file-system permission of its own).
//!
//! End-to-end tests cannot click in a native dialog. When `SYSTEMATIC_FILE_CHOICES` names a file,
//! each dialog instead takes that file's first line (paths separated by `|`; an empty line means
//! "cancelled") and removes it. The variable is never set outside the tests; whoever can set a
//! program's environment can already make it do anything, so it opens no new door.

use std::collections::HashSet;
use std::sync::Mutex;
use systematic_ipc::{AppError, ErrorKind, FilePurpose, Request};
use tauri_plugin_dialog::DialogExt;

/// The files the web view may name. Paths picked in a file chooser this run may be read or
/// written; paths given from outside (launch arguments, a second launch) and the recent session
/// files of earlier runs may only be opened or merged, never overwritten. So a web view that went
/// wrong cannot read or overwrite files of its own choosing.
#[derive(Default)]
pub struct Chosen {
    picked: Mutex<HashSet<String>>,
    to_open: Mutex<HashSet<String>>,
}

fn refused(path: &str) -> AppError {
    AppError::new(ErrorKind::Internal, "error-internal")
        .with("detail", format!("{path} was not chosen in a file chooser"))
}

impl Chosen {
    /// Paths picked in a file chooser: they may be read and written.
    pub fn remember(&self, paths: &[String]) {
        let mut picked = self.picked.lock().unwrap_or_else(|p| p.into_inner());
        picked.extend(paths.iter().cloned());
    }

    /// Paths the person gave the app another way (a double-click, an earlier run's recent
    /// files): they may be opened or merged only.
    pub fn remember_to_open(&self, paths: &[String]) {
        let mut to_open = self.to_open.lock().unwrap_or_else(|p| p.into_inner());
        to_open.extend(paths.iter().cloned());
    }

    fn picked(&self, path: &str) -> bool {
        self.picked
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(path)
    }

    fn may_open(&self, path: &str, recent: &[String]) -> bool {
        self.picked(path)
            || recent.iter().any(|r| r == path)
            || self
                .to_open
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(path)
    }

    /// Refuses a path nobody picked in a file chooser.
    pub fn check_path(&self, path: &str) -> Result<(), AppError> {
        if self.picked(path) {
            Ok(())
        } else {
            Err(refused(path))
        }
    }

    /// Refuses a request that names a file it may not use; `recent` are the store's recent
    /// session files (read under the app's lock, so a stick plugged in late still counts).
    pub fn check(&self, request: &Request, recent: &[String]) -> Result<(), AppError> {
        // Session files to open or merge; files that must have been picked in a chooser (those
        // written, and map files, which are only ever picked).
        let (opened, picked): (Vec<&String>, Vec<&String>) = match request {
            Request::OpenSessionFile { path, .. } => (vec![path], vec![]),
            Request::MergeSessionFiles { paths, .. } => (paths.iter().collect(), vec![]),
            Request::ImportMap { paths, .. } => (vec![], paths.iter().collect()),
            Request::SaveSessionFile { path, .. } | Request::ExportMap { path, .. } => {
                (vec![], vec![path])
            }
            _ => return Ok(()),
        };
        if let Some(path) = opened.into_iter().find(|p| !self.may_open(p, recent)) {
            return Err(refused(path));
        }
        match picked.into_iter().find(|p| !self.picked(p)) {
            None => Ok(()),
            Some(path) => Err(refused(path)),
        }
    }
}

/// The file name ending of session files, without the dot.
const EXTENSION: &str = systematic_core::session_file::EXTENSION;

pub fn choose(app: &tauri::AppHandle, purpose: &FilePurpose) -> Option<Vec<String>> {
    if let Some(script) = std::env::var_os("SYSTEMATIC_FILE_CHOICES") {
        return scripted(std::path::Path::new(&script));
    }
    let session = || {
        app.dialog()
            .file()
            .add_filter("SysteMatic Workshop session", &[EXTENSION])
    };
    let paths = match purpose {
        FilePurpose::SaveSession { suggested_name } => session()
            .set_title("Save session file")
            .set_file_name(suggested_name)
            .blocking_save_file()
            .map(|p| vec![p]),
        FilePurpose::OpenSession => session()
            .set_title("Open session file")
            .blocking_pick_file()
            .map(|p| vec![p]),
        FilePurpose::MergeSessions => session()
            .set_title("Merge session files")
            .blocking_pick_files(),
        FilePurpose::ImportMap => app
            .dialog()
            .file()
            .add_filter(
                "Map files (Kumu, CSV, GraphML, JSON Canvas, Graphviz DOT)",
                &["json", "csv", "graphml", "canvas", "dot", "gv"],
            )
            .set_title("Import a map")
            .blocking_pick_files(),
        FilePurpose::SavePdf { suggested_name } => app
            .dialog()
            .file()
            .add_filter("PDF", &["pdf"])
            .set_title("Save the printout")
            .set_file_name(suggested_name)
            .blocking_save_file()
            .map(|p| vec![p]),
        FilePurpose::ExportMap {
            suggested_name,
            format,
        } => {
            let extension = suggested_name.rsplit('.').next().unwrap_or_default();
            app.dialog()
                .file()
                .add_filter(format, &[extension])
                .set_title("Export the map")
                .set_file_name(suggested_name)
                .blocking_save_file()
                .map(|p| vec![p])
        }
    }?;
    Some(paths.into_iter().map(|p| p.to_string()).collect())
}

fn scripted(script: &std::path::Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(script).ok()?;
    let mut lines = text.lines();
    let first = lines.next()?.to_owned();
    let rest: Vec<&str> = lines.collect();
    let _ = std::fs::write(script, rest.join("\n"));
    let paths: Vec<String> = first
        .split('|')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    (!paths.is_empty()).then_some(paths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use systematic_ipc::WorkshopId;

    #[test]
    fn only_chosen_files_may_be_named() {
        let chosen = Chosen::default();
        let save = |path: &str| Request::SaveSessionFile {
            workshop: WorkshopId("w".into()),
            path: path.into(),
            passphrase: None,
        };
        assert!(chosen.check(&save("/home/me/.bashrc"), &[]).is_err());
        chosen.remember(&["/media/usb/esther.systematic".into()]);
        assert!(chosen
            .check(&save("/media/usb/esther.systematic"), &[])
            .is_ok());
        let merge = Request::MergeSessionFiles {
            workshop: WorkshopId("w".into()),
            paths: vec!["/media/usb/esther.systematic".into(), "/etc/passwd".into()],
            force: false,
            passphrase: None,
        };
        assert!(chosen.check(&merge, &[]).is_err());
        assert!(chosen.check(&Request::ListWorkshops, &[]).is_ok());
    }

    #[test]
    fn files_given_from_outside_or_recent_may_be_opened_but_never_written() {
        let chosen = Chosen::default();
        let double_clicked = "/home/me/Desktop/table 2.systematic".to_owned();
        let recent = vec!["/media/usb/esther.systematic".to_owned()];
        chosen.remember_to_open(std::slice::from_ref(&double_clicked));
        for path in [&double_clicked, &recent[0]] {
            let open = Request::OpenSessionFile {
                path: path.clone(),
                passphrase: None,
            };
            assert!(chosen.check(&open, &recent).is_ok(), "{path}");
            let save = Request::SaveSessionFile {
                workshop: WorkshopId("w".into()),
                path: path.clone(),
                passphrase: None,
            };
            assert!(chosen.check(&save, &recent).is_err(), "{path}");
            let export = Request::ExportMap {
                workshop: WorkshopId("w".into()),
                path: path.clone(),
                format: "kumu".into(),
            };
            assert!(chosen.check(&export, &recent).is_err(), "{path}");
        }
    }
}
