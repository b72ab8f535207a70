//! End-to-end: a session file from an unknown sender whose every text is a payload (HTML,
//! script, SVG, a spreadsheet formula, typst markup) is opened and worked through in the real
//! app: persona cards, notes, the map canvas, the projector, the print preview, saving. Every
//! payload shows as its own text, no script runs, and, traced with strace from start to end,
//! the app and its web view never connect to anything but this machine.

use fantoccini::{Client, Locator};
use systematic_tests::cli::{path, systematic};
use systematic_tests::map_driver::{count, wait_until};
use systematic_tests::{click, fill, text_of, wait_for, wait_for_text, Harness};

const PERSONA: &str = r#"<img src=x onerror="window.__pwned='persona'">Esther"#;
const QUOTE: &str = r#"<script>window.__pwned='quote'</script>"#;
const NODE: &str = r#"<svg onload="window.__pwned='node'">GP"#;
const NOTE: &str =
    r#"=HYPERLINK("http://example.com","x") <iframe src="javascript:window.__pwned='note'">"#;
const TYPST: &str = r#"#set page(width: 1cm) ] <b>"#;

/// A JSON string literal of `text`, for the edit script.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("json string")
}

/// Fails when any payload turned into markup, or ran.
async fn nothing_ran(client: &Client, place: &str) {
    let found = client
        .execute(
            "return [String(window.__pwned), \
             document.querySelectorAll('img[src=\"x\"], iframe, [onload], [onerror]').length, \
             Array.from(document.scripts).filter(s => !s.src).length];",
            vec![],
        )
        .await
        .expect("ask the page");
    assert_eq!(
        found,
        serde_json::json!(["undefined", 0, 0]),
        "{place}: a payload became markup or ran"
    );
}

#[tokio::test]
async fn hostile_text_everywhere_shows_as_text_runs_nothing_and_stays_offline() {
    let trace_dir = tempfile::tempdir().expect("temp");
    let trace = trace_dir.path().join("connect.trace");
    let harness = Harness::start_traced(&trace);
    let usb = harness.root().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let file = usb.join("from-a-stranger.systematic");
    let saved = usb.join("saved-again.systematic");
    systematic(
        &[
            "new",
            "--title",
            "<b>Hostile</b> workshop",
            "--date",
            "2026-12-06",
            "-o",
            path(&file),
        ],
        None,
    );
    let script = [
        format!(
            r#"{{"op":"add","kind":"persona","id":"p1","fields":{{"name":{},"quote":{},"what_matters":{}}}}}"#,
            quoted(PERSONA),
            quoted(QUOTE),
            quoted(TYPST)
        ),
        format!(
            r#"{{"op":"add","kind":"node","id":"n1","fields":{{"kind":"service","level":"micro","label":{},"x":100,"y":100}}}}"#,
            quoted(NODE)
        ),
        format!(
            r#"{{"op":"add","kind":"note","id":"t1","fields":{{"text":{}}}}}"#,
            quoted(NOTE)
        ),
    ]
    .join("\n");
    systematic(
        &["edit", path(&file), "--laptop", "Stranger"],
        Some(&script),
    );
    harness.answer_file_choosers(&[&[&file], &[&saved]]);

    let client = harness.launch().await;
    fill(&client, "[data-testid=laptop-name]", "Table 1").await;
    click(&client, "[data-testid=laptop-save]").await;
    wait_until(&client, "the laptop is named", || async {
        count(&client, "[data-testid=laptop-setup]").await == 0
    })
    .await;
    click(&client, "[data-testid=open-session]").await;
    wait_for_text(
        &client,
        "[data-testid=workshop-heading]",
        "<b>Hostile</b> workshop",
    )
    .await;

    // Persona cards.
    click(&client, "[data-testid=tab-personas]").await;
    let card = wait_for_text(&client, "[data-testid=persona-card]", PERSONA).await;
    assert!(card.contains(QUOTE), "{card}");
    nothing_ran(&client, "persona cards").await;

    // Notes.
    click(&client, "[data-testid=tab-notes]").await;
    wait_for_text(&client, "[data-testid=note-card]", NOTE).await;
    nothing_ran(&client, "notes").await;

    // The map canvas.
    click(&client, "[data-testid=tab-map]").await;
    wait_for(&client, "[data-testid=map-section][data-loaded=true]").await;
    // A long label is wrapped and shortened on the canvas; the whole of it is the node's name.
    wait_for_text(&client, "[data-testid=map-node]", "<svgonload=").await;
    let name = wait_for(&client, "[data-testid=map-node]")
        .await
        .attr("aria-label")
        .await
        .expect("aria-label")
        .unwrap_or_default();
    assert!(name.contains(NODE), "{name}");
    nothing_ran(&client, "map").await;

    // Printing: the report's preview is typeset from the same texts.
    click(&client, "[data-testid=print-open]").await;
    wait_for_text(&client, "#print-preview-title", "pages").await;
    nothing_ran(&client, "print preview").await;
    click(&client, "[data-testid=print-close]").await;

    // Saving it again.
    click(&client, "[data-testid=save-session]").await;
    wait_until(&client, "the session file is saved", || async {
        saved.exists()
    })
    .await;

    // The projector: the persona, then the map (an SVG the core draws, set as markup).
    // (The map picture wraps a long label over lines, which reads back without the space.)
    let node_wrapped = NODE.replace(' ', "");
    for (option, shown, payload) in [
        ("persona:p1", "[data-testid=projector-persona]", PERSONA),
        ("map", "[data-testid=projector-map]", node_wrapped.as_str()),
    ] {
        client
            .find(Locator::Css(&format!(
                "[data-testid=projector-shows] option[value='{option}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("projector option {option}: {e}"))
            .click()
            .await
            .expect("choose what the projector shows");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        client
            .execute("location.hash = '#projector'; location.reload();", vec![])
            .await
            .expect("open the projector screen");
        let text = wait_for_text(&client, shown, payload).await;
        assert!(text.contains(payload), "{text}");
        nothing_ran(&client, option).await;
        client
            .execute("location.hash = ''; location.reload();", vec![])
            .await
            .expect("back to the main screen");
        wait_for(&client, "[data-testid=home]").await;
        click(&client, "[data-testid=open-workshop]").await;
        wait_for(&client, "[data-testid=projector-shows]").await;
    }
    let _ = text_of(&client, "[data-testid=workshop-heading]").await;
    client.close().await.expect("close");
    drop(harness);
    systematic_tests::assert_only_local_connections(&trace);
}
