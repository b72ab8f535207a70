//! End-to-end: a participant's real name and contact, entered in the real app, stay on this
//! laptop. They are not in the session file, not in the report unless the organiser ticks
//! "include personal details", and after "Erase for good" they are gone from the printout and
//! from the database file itself.

use fantoccini::Client;
use std::path::Path;
use systematic_tests::cli::{path, systematic};
use systematic_tests::map_driver::{count, wait_until};
use systematic_tests::{click, fill, screenshot, wait_for, wait_for_text, DataFolder, Harness};

const REAL_NAME: &str = "Annika Svensson-Lind";
const CONTACT: &str = "annika@example.org";

fn pdf_text(pdf: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Saves the report as `pdf` through the Print dialog, with or without personal details.
async fn save_report(client: &Client, harness: &Harness, pdf: &Path, personal: bool) {
    click(client, "[data-testid=print-open]").await;
    let tick = wait_for(client, "[data-testid=print-personal]").await;
    let ticked = tick.prop("checked").await.expect("checked").as_deref() == Some("true");
    assert!(!ticked, "personal details are never ticked to begin with");
    if personal {
        tick.click().await.expect("tick");
    }
    wait_for_text(client, "#print-preview-title", "pages").await;
    harness.answer_file_choosers(&[&[pdf]]);
    click(client, "[data-testid=print-save]").await;
    let name = pdf.file_name().and_then(|n| n.to_str()).expect("name");
    wait_for_text(client, "[data-testid=print-status]", name).await;
    click(client, "[data-testid=print-close]").await;
}

/// Whether `text` is anywhere in the data folder's database files.
fn in_database(data: &Path, text: &str) -> bool {
    std::fs::read_dir(data)
        .expect("data folder")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("workshops.sqlite3")
        })
        .any(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            bytes.windows(text.len()).any(|w| w == text.as_bytes())
        })
}

#[tokio::test]
async fn personal_details_stay_on_the_laptop_print_only_when_ticked_and_can_be_erased() {
    let harness = Harness::start(DataFolder::Writable);
    let out = harness.root().join("out");
    std::fs::create_dir_all(&out).expect("out");
    let client = harness.launch().await;
    click(&client, "[data-testid=open-demo]").await;
    wait_for(&client, "[data-testid=workshop-page]").await;

    // A participant by pseudonym, then the real name and contact, kept on this laptop.
    click(&client, "[data-testid=tab-people]").await;
    fill(&client, "[data-testid=participant-pseudonym]", "Ann").await;
    click(&client, "[data-testid=participant-add]").await;
    wait_until(&client, "Ann is listed", || async {
        count(&client, "[data-testid=participant-row]").await == 1
    })
    .await;
    click(&client, "[data-testid=participant-details]").await;
    fill(&client, "[data-testid=personal-real-name]", REAL_NAME).await;
    fill(&client, "[data-testid=personal-contact]", CONTACT).await;
    click(&client, "[data-testid=personal-save]").await;
    wait_for_text(
        &client,
        "[data-testid=personal-status]",
        "Kept on this laptop",
    )
    .await;
    screenshot(&client, "personal-details.png").await;
    assert!(in_database(harness.data_dir(), REAL_NAME));

    // Not in the session file.
    let session = out.join("table-1.systematic");
    harness.answer_file_choosers(&[&[&session]]);
    click(&client, "[data-testid=save-session]").await;
    wait_until(&client, "the session file is saved", || async {
        session.exists()
    })
    .await;
    let model = systematic(&["inspect", path(&session), "--json"], None);
    assert!(model.contains("\"Ann\""), "the pseudonym travels");
    // Automerge compresses its columns, so look in the whole document uncompressed: every
    // string it ever held, deleted ones and the history included.
    let (_, mut doc) = systematic_core::session_file::read(&session, &automerge::ActorId::random())
        .expect("the session file opens");
    let bytes = doc.save_uncompressed();
    assert!(
        bytes.windows(3).any(|w| w == b"Ann"),
        "the uncompressed document holds the pseudonym, so the search can find names"
    );
    for secret in [REAL_NAME, CONTACT] {
        assert!(!model.contains(secret), "{secret} in the model");
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret} in the session file"
        );
    }

    // The report: pseudonyms only, unless ticked.
    let plain = out.join("report.pdf");
    save_report(&client, &harness, &plain, false).await;
    let text = pdf_text(&plain);
    assert!(text.contains("Ann"), "{text}");
    assert!(
        !text.contains(REAL_NAME) && !text.contains(CONTACT),
        "{text}"
    );
    let with_details = out.join("report-with-details.pdf");
    save_report(&client, &harness, &with_details, true).await;
    let text = pdf_text(&with_details);
    assert!(
        text.contains(REAL_NAME) && text.contains(CONTACT),
        "ticked, the report names Ann: {text}"
    );

    // Consent withdrawn: erased, from the printout and from the database's bytes.
    click(&client, "[data-testid=tab-people]").await;
    if count(&client, "[data-testid=personal-details]").await == 0 {
        click(&client, "[data-testid=participant-details]").await;
    }
    wait_for(&client, "[data-testid=personal-forget]").await;
    click(&client, "[data-testid=personal-forget]").await;
    wait_for_text(&client, "[data-testid=personal-status]", "Erased").await;
    let after = out.join("report-after-erasing.pdf");
    save_report(&client, &harness, &after, true).await;
    let text = pdf_text(&after);
    assert!(!text.contains(REAL_NAME), "{text}");
    assert!(!in_database(harness.data_dir(), REAL_NAME));
    assert!(!in_database(harness.data_dir(), CONTACT));
    client.close().await.expect("close");
}
