//! File choosers for session files, through the Tauri dialog plugin (used from Rust only, so the
//! web view gets no file-system permission of its own).
//!
//! End-to-end tests cannot click in a native dialog. When `SYSTEMATIC_FILE_CHOICES` names a file,
//! each dialog instead takes that file's first line (paths separated by `|`; an empty line means
//! "cancelled") and removes it. The variable is never set outside the tests.

use systematic_ipc::FilePurpose;
use tauri_plugin_dialog::DialogExt;

/// The file name ending of session files, without the dot.
const EXTENSION: &str = systematic_core::session_file::EXTENSION;

pub fn choose(app: &tauri::AppHandle, purpose: &FilePurpose) -> Option<Vec<String>> {
    if let Some(script) = std::env::var_os("SYSTEMATIC_FILE_CHOICES") {
        return scripted(std::path::Path::new(&script));
    }
    let dialog = app
        .dialog()
        .file()
        .add_filter("SysteMatic Workshop session", &[EXTENSION]);
    let paths = match purpose {
        FilePurpose::SaveSession { suggested_name } => dialog
            .set_title("Save session file")
            .set_file_name(suggested_name)
            .blocking_save_file()
            .map(|p| vec![p]),
        FilePurpose::OpenSession => dialog
            .set_title("Open session file")
            .blocking_pick_file()
            .map(|p| vec![p]),
        FilePurpose::MergeSessions => dialog
            .set_title("Merge session files")
            .blocking_pick_files(),
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
