//! `systematic print`: a printout as a PDF, with a progress bar while it is typeset.

use crate::failure::Failure;
use std::path::Path;
use systematic_core::document::WorkshopDoc;
use systematic_core::session_file;
use systematic_ipc::Printout;
use systematic_print::{render, PrintError, PrintJob, Step};

/// Refuses a language printouts are not made in.
pub fn check_language(language: &str) -> Result<(), Failure> {
    if systematic_print::languages()
        .iter()
        .any(|tag| tag.eq_ignore_ascii_case(language))
    {
        Ok(())
    } else {
        Err(Failure::user(format!(
            "--language {language}: printouts can be made in {}",
            systematic_print::languages().join(" or ")
        )))
    }
}

pub fn print(
    doc: &WorkshopDoc,
    printout: &Printout,
    language: &str,
    output: &Path,
) -> Result<(), Failure> {
    check_language(language)?;
    let bar = indicatif::ProgressBar::new(u64::from(Step::COUNT));
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>12} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let job = PrintJob {
        printout,
        language,
        today: chrono::Local::now().date_naive(),
        preview_pages: 0,
        // Personal details stay on the laptop they were entered on, never in a session file.
        personal_details: None,
    };
    let rendered = render(doc, &job, &mut |step| {
        bar.set_message(match step {
            Step::Reading => "reading",
            Step::Typesetting => "typesetting",
            Step::Writing => "writing",
            Step::Done => "done",
        });
        bar.set_position(u64::from(step.done()));
    })
    .map_err(|error| match error {
        PrintError::UnknownRound(_) => Failure::user(format!(
            "{error}; `systematic inspect --json` lists the rounds"
        )),
        other => Failure::user(other.to_string()),
    })?;
    bar.finish_and_clear();
    session_file::write_atomically(output, &rendered.pdf)
        .map_err(|e| Failure::from_session_file(output, e))?;
    let pages = rendered.pages;
    println!(
        "Wrote {} ({pages} {}).",
        output.display(),
        if pages == 1 { "page" } else { "pages" }
    );
    Ok(())
}
