//! End-to-end: the Print dialog in the real app. It previews the demo workshop's report while
//! the page stays usable, switches to persona cards, saves them as a PDF through the file chooser,
//! and a broken page list for the printer is explained, not sent.

use fantoccini::{Client, Locator};
use systematic_tests::map_driver::{count, wait_until};
use systematic_tests::{click, fill, screenshot, wait_for, wait_for_text, DataFolder, Harness};

/// Picks the option with value `value` in the select matching `css`.
async fn choose_value(client: &Client, css: &str, value: &str) {
    wait_for(client, css)
        .await
        .find(Locator::Css(&format!("option[value='{value}']")))
        .await
        .unwrap_or_else(|e| panic!("{css} has no option {value}: {e}"))
        .click()
        .await
        .expect("choose option");
}

async fn preview_pages(client: &Client) -> usize {
    count(client, "[data-testid=print-preview] img").await
}

#[tokio::test]
async fn the_print_dialog_previews_and_saves_a_pdf() {
    let harness = Harness::start(DataFolder::Writable);
    let client = harness.launch().await;
    click(&client, "[data-testid=open-demo]").await;
    wait_for(&client, "[data-testid=workshop-page]").await;
    click(&client, "[data-testid=print-open]").await;
    wait_for(&client, "[data-testid=print-dialog]").await;

    // The report is previewed first: its cover and first pages.
    wait_until(&client, "the report's preview", || async {
        preview_pages(&client).await == 4
    })
    .await;
    let heading = wait_for_text(&client, "#print-preview-title", "pages").await;
    // The app told the dialog each step through its progress channel: reading, typesetting, writing.
    wait_until(&client, "all three steps reported", || async {
        let section = wait_for(&client, "[data-testid=print-preview-section]").await;
        section
            .attr("data-steps-done")
            .await
            .ok()
            .flatten()
            .as_deref()
            == Some("3")
    })
    .await;
    assert!(heading.contains("Preview"), "{heading}");
    screenshot(&client, "print-dialog.png").await;

    // Persona cards: the demo's two personas fit on one A4 sheet.
    choose_value(&client, "[data-testid=print-what]", "persona-cards").await;
    wait_for_text(&client, "#print-preview-title", "1 page").await;
    assert_eq!(preview_pages(&client).await, 1);

    // Saved as a PDF where the file chooser said.
    let pdf = harness.root().join("cards.pdf");
    harness.answer_file_choosers(&[&[&pdf]]);
    click(&client, "[data-testid=print-save]").await;
    wait_for_text(&client, "[data-testid=print-status]", "cards.pdf").await;
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Esther") && text.contains("What matters to me"),
        "{text}"
    );

    // A page list the printer cannot take is explained before anything is sent.
    fill(&client, "[data-testid=print-pages]", "1;3").await;
    click(&client, "[data-testid=print-send]").await;
    wait_for_text(
        &client,
        "[data-testid=print-dialog] [data-testid=error]",
        "is not a page list",
    )
    .await;

    click(&client, "[data-testid=print-close]").await;
    wait_until(&client, "the dialog closes", || async {
        count(&client, "[data-testid=print-dialog]").await == 0
    })
    .await;
    client.close().await.expect("quit the app");
}
