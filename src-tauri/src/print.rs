//! The Print dialog's command: typeset a printout from a copy of the workshop, away from the
//! window's thread, then save it, send it to a printer (CUPS `lp`) or open it in the viewer.

use crate::files::Chosen;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use systematic_core::App;
use systematic_ipc::{AppError, ErrorKind, PrintDestination, PrintOutcome, PrintRequest};
use systematic_print::{render, PrintError, PrintJob, Step};

/// Pages the dialog previews.
const PREVIEW_PAGES: usize = 4;

pub fn print(
    app: &Mutex<App>,
    chosen: &Chosen,
    temp_folder: &Path,
    request: PrintRequest,
    progress: &mut dyn FnMut(Step),
) -> Result<PrintOutcome, AppError> {
    // Refused before typesetting: a wrong file or page list should not cost a render.
    match &request.destination {
        Some(PrintDestination::File { path }) => chosen.check_path(path)?,
        Some(PrintDestination::Printer { pages, .. }) => check_pages(pages)?,
        _ => {}
    }
    // Only the copy is taken under the lock: the workshop stays editable while this typesets.
    let (doc, personal) = {
        let mut app = app.lock().unwrap_or_else(|p| p.into_inner());
        let doc = app.snapshot(&request.workshop)?;
        let personal = if request.include_personal_details {
            Some(app.all_personal_details(&request.workshop)?)
        } else {
            None
        };
        (doc, personal)
    };
    let job = PrintJob {
        personal_details: personal.as_ref(),
        printout: &request.printout,
        language: &request.language,
        today: chrono::Local::now().date_naive(),
        preview_pages: if request.destination.is_none() {
            PREVIEW_PAGES
        } else {
            0
        },
    };
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        render(&doc, &job, progress)
    }))
    .map_err(|_| print_error("the typesetter stopped unexpectedly".into()))?
    .map_err(|e| match e {
        PrintError::UnknownRound(round) => {
            AppError::new(ErrorKind::NotFound, "error-print-round").with("round", round)
        }
        other => print_error(other.to_string()),
    })?;
    let pages = u32::try_from(rendered.pages).unwrap_or(u32::MAX);
    let path = match &request.destination {
        None => None,
        Some(PrintDestination::File { path }) => {
            write(Path::new(path), &rendered.pdf)?;
            Some(path.clone())
        }
        Some(PrintDestination::Printer {
            printer,
            copies,
            pages,
        }) => {
            let file = handed_over(temp_folder, &rendered.pdf)?;
            send_to_printer(&file, printer, *copies, pages)?;
            Some(file.display().to_string())
        }
        Some(PrintDestination::Viewer) => {
            let file = handed_over(temp_folder, &rendered.pdf)?;
            open_in_viewer(&file)?;
            Some(file.display().to_string())
        }
    };
    Ok(PrintOutcome {
        pages,
        previews: rendered.previews,
        path,
    })
}

fn print_error(detail: String) -> AppError {
    AppError::new(ErrorKind::Internal, "error-print").with("detail", detail)
}

fn write(path: &Path, pdf: &[u8]) -> Result<(), AppError> {
    // The same words as any export: a full disk and a read-only stick each say so.
    systematic_core::session_file::write_atomically(path, pdf)
        .map_err(|e| systematic_core::CoreError::ExportWrite(e).to_app_error())
}

/// Where PDFs for the printer or viewer go: a folder only this user can open, in the user's
/// runtime folder (emptied at log-out) when there is one. A printout holds people's stories,
/// and the shared temporary folder is readable, and pre-creatable, by every user.
pub fn printout_folder() -> PathBuf {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt};
    let me = std::fs::metadata("/proc/self").map(|m| m.uid()).ok();
    let base = match std::env::var_os("XDG_RUNTIME_DIR") {
        Some(runtime) if !runtime.is_empty() => PathBuf::from(runtime),
        _ => std::env::temp_dir(),
    };
    let suffix = me.map_or_else(String::new, |uid| format!("-{uid}"));
    let folder = base.join(format!("systematic-workshop-printouts{suffix}"));
    let _ = std::fs::DirBuilder::new().mode(0o700).create(&folder);
    // Someone else's folder, or a link planted in its place, is not used.
    if only_mine(&folder) {
        folder
    } else {
        base.join(format!(
            "systematic-workshop-printouts{suffix}-{}",
            std::process::id()
        ))
    }
}

/// Whether `folder` is a real folder of this user that nobody else can open.
fn only_mine(folder: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let me = std::fs::metadata("/proc/self").map(|m| m.uid()).ok();
    std::fs::symlink_metadata(folder)
        .is_ok_and(|m| m.is_dir() && Some(m.uid()) == me && m.mode() & 0o077 == 0)
}

/// Every printout handed over, after personal details were erased or a protected workshop was
/// locked: a printout may hold what was just taken away. `lp` has copied its file to the print
/// queue by then; a viewer that has the file open keeps reading it.
pub fn forget_printouts(folder: &Path) {
    if !only_mine(folder) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
}

/// Printouts handed over more than a day ago: the printer and viewer are long done with them.
fn remove_old_printouts(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > day));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A copy of the PDF in the app's own temporary folder for the printer or viewer to read.
fn handed_over(folder: &Path, pdf: &[u8]) -> Result<PathBuf, AppError> {
    use std::os::unix::fs::DirBuilderExt;
    let _ = std::fs::DirBuilder::new()
        .mode(0o700)
        .recursive(true)
        .create(folder);
    if !only_mine(folder) {
        let error = std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the folder for printouts belongs to someone else",
        );
        return Err(systematic_core::CoreError::ExportWrite(
            systematic_core::session_file::SessionFileError::Write {
                path: folder.display().to_string(),
                detail: error.to_string(),
                full: false,
                read_only: false,
            },
        )
        .to_app_error());
    }
    remove_old_printouts(folder);
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%3f");
    let path = folder.join(format!("printout-{stamp}.pdf"));
    write(&path, pdf)?;
    Ok(path)
}

/// Whether `pages` is a page list CUPS takes ("1-3,5"): digits, commas and dashes only.
fn valid_pages(pages: &str) -> bool {
    pages.split(',').all(|part| {
        let mut ends = part.splitn(2, '-');
        let number = |s: Option<&str>| {
            s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        };
        let first = ends.next();
        match ends.next() {
            None => number(first),
            Some(last) => number(first) && number(Some(last)),
        }
    })
}

/// Refuses a page list the printer could not take; an empty list is every page.
fn check_pages(pages: &str) -> Result<(), AppError> {
    let pages = pages.replace(' ', "");
    if pages.is_empty() || valid_pages(&pages) {
        Ok(())
    } else {
        Err(AppError::new(ErrorKind::Invalid, "error-print-pages").with("pages", pages))
    }
}

fn send_to_printer(file: &Path, printer: &str, copies: u32, pages: &str) -> Result<(), AppError> {
    let pages = pages.replace(' ', "");
    let mut lp = Command::new("lp");
    lp.args(lp_arguments(printer, copies, &pages));
    let output = lp.arg("--").arg(file).output().map_err(|e| {
        AppError::new(ErrorKind::Storage, "error-print-no-printer").with("detail", e.to_string())
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(
            AppError::new(ErrorKind::Storage, "error-print-no-printer").with(
                "detail",
                String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            ),
        )
    }
}

/// CUPS `lp`'s options: the printer (the default when empty), copies (1–999) and pages.
fn lp_arguments(printer: &str, copies: u32, pages: &str) -> Vec<String> {
    let mut arguments = Vec::new();
    if !printer.is_empty() {
        arguments.extend(["-d".to_owned(), printer.to_owned()]);
    }
    arguments.extend(["-n".to_owned(), copies.clamp(1, 999).to_string()]);
    if !pages.is_empty() {
        arguments.extend(["-P".to_owned(), pages.to_owned()]);
    }
    arguments
}

fn open_in_viewer(file: &Path) -> Result<(), AppError> {
    Command::new("xdg-open")
        .arg(file)
        .spawn()
        .map(|_| ())
        .map_err(|e| {
            AppError::new(ErrorKind::Storage, "error-print-viewer").with("detail", e.to_string())
        })
}

#[cfg(test)]
mod tests {

    #[test]
    fn printouts_go_to_a_folder_only_this_user_can_open() {
        use std::os::unix::fs::PermissionsExt;
        let folder = printout_folder();
        assert!(only_mine(&folder), "{}", folder.display());
        let pdf = handed_over(&folder, b"%PDF-1.7").unwrap();
        assert!(pdf.starts_with(&folder));
        let _ = std::fs::remove_file(&pdf);
        // A folder others can open is refused rather than written into.
        let shared = tempfile::tempdir().unwrap();
        std::fs::set_permissions(shared.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        assert!(handed_over(shared.path(), b"%PDF-1.7").is_err());
    }

    #[test]
    fn erasing_details_or_locking_takes_every_printout_away() {
        use std::os::unix::fs::DirBuilderExt;
        let base = tempfile::tempdir().unwrap();
        let folder = base.path().join("printouts");
        std::fs::DirBuilder::new()
            .mode(0o700)
            .create(&folder)
            .unwrap();
        let first = handed_over(&folder, b"%PDF-1.7 report with real names").unwrap();
        let second = handed_over(&folder, b"%PDF-1.7 cards").unwrap();
        forget_printouts(&folder);
        assert!(!first.exists() && !second.exists());
        // Someone else's folder is left alone (and was never written into).
        let shared = base.path().join("shared");
        std::fs::DirBuilder::new()
            .mode(0o777)
            .create(&shared)
            .unwrap();
        std::fs::write(shared.join("theirs.pdf"), b"x").unwrap();
        forget_printouts(&shared);
        assert!(shared.join("theirs.pdf").exists());
    }

    use super::*;

    #[test]
    fn copies_pages_and_printer_reach_lp() {
        assert_eq!(lp_arguments("", 1, ""), ["-n", "1"]);
        assert_eq!(
            lp_arguments("Library_HP", 30, "1-3,5"),
            ["-d", "Library_HP", "-n", "30", "-P", "1-3,5"]
        );
        assert_eq!(lp_arguments("", 0, ""), ["-n", "1"], "at least one copy");
    }

    #[test]
    fn page_lists_are_checked_before_they_reach_the_printer() {
        for good in ["1", "1-3", "1-3,5", "2,4,6-8"] {
            assert!(valid_pages(good), "{good}");
        }
        for bad in ["", "1-", "-3", "a", "1;rm -rf /", "1--2", "1,,2"] {
            assert!(!valid_pages(bad), "{bad}");
        }
    }
}
