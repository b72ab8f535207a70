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

/// The paths the person picked in file choosers since the app started. Requests that read or
/// write a file may only name one of these, so a web view that went wrong cannot read or
/// overwrite files of its own choosing.
#[derive(Default)]
pub struct Chosen(Mutex<HashSet<String>>);

impl Chosen {
    pub fn remember(&self, paths: &[String]) {
        let mut chosen = self.0.lock().unwrap_or_else(|p| p.into_inner());
        chosen.extend(paths.iter().cloned());
    }

    /// Refuses a path nobody picked.
    pub fn check_path(&self, path: &str) -> Result<(), AppError> {
        let chosen = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if chosen.contains(path) {
            Ok(())
        } else {
            Err(AppError::new(ErrorKind::Internal, "error-internal")
                .with("detail", format!("{path} was not chosen in a file chooser")))
        }
    }

    /// Refuses a request that names a file nobody picked.
    pub fn check(&self, request: &Request) -> Result<(), AppError> {
        let named: Vec<&String> = match request {
            Request::SaveSessionFile { path, .. } | Request::OpenSessionFile { path, .. } => {
                vec![path]
            }
            Request::MergeSessionFiles { paths, .. } | Request::ImportMap { paths, .. } => {
                paths.iter().collect()
            }
            Request::ExportMap { path, .. } => vec![path],
            _ => return Ok(()),
        };
        let chosen = self.0.lock().unwrap_or_else(|p| p.into_inner());
        match named.into_iter().find(|p| !chosen.contains(*p)) {
            None => Ok(()),
            Some(path) => Err(AppError::new(ErrorKind::Internal, "error-internal")
                .with("detail", format!("{path} was not chosen in a file chooser"))),
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
        assert!(chosen.check(&save("/home/me/.bashrc")).is_err());
        chosen.remember(&["/media/usb/esther.systematic".into()]);
        assert!(chosen.check(&save("/media/usb/esther.systematic")).is_ok());
        let merge = Request::MergeSessionFiles {
            workshop: WorkshopId("w".into()),
            paths: vec!["/media/usb/esther.systematic".into(), "/etc/passwd".into()],
            force: false,
            passphrase: None,
        };
        assert!(chosen.check(&merge).is_err());
        assert!(chosen.check(&Request::ListWorkshops).is_ok());
    }
}
