//! End-to-end: nothing anyone wrote reaches the log or the diagnostic report.
//!
//! A canary (a word that appears nowhere else) is put in every text field of every kind of item
//! and of the workshop, in the laptop's name, a participant's real name and contact, a file
//! name and a passphrase. The real app then goes through normal paths (open the file, every tab,
//! the print preview, save) and error paths (a damaged file, a wrong passphrase). No canary may
//! be in any log file or in the diagnostic report, and the log must show the requests, so an
//! empty log cannot pass.

use systematic_core::model::schema::WORKSHOP_FIELDS;
use systematic_core::model::{FieldType, Kind};
use systematic_tests::cli::{path, systematic};
use systematic_tests::map_driver::{count, wait_until};
use systematic_tests::{
    click, fill, screenshot, text_of, wait_for, wait_for_text, DataFolder, Harness,
};

/// Every canary starts with this; nothing else in the app, its logs or its report does.
const CANARY: &str = "zqcanary";

/// Workshop fields that hold codes rather than anyone's words.
const CODES: &[&str] = &["template", "locale"];

/// A JSON value carrying canary number `n` for a field of type `ty`, or None for fields that
/// hold no free text (numbers, choices, references, dates).
fn canary_value(ty: FieldType, n: &mut usize) -> Option<serde_json::Value> {
    *n += 1;
    let word = format!("{CANARY}{n}");
    match ty {
        FieldType::Line { .. } | FieldType::Text { .. } => Some(word.into()),
        FieldType::Lines { .. } => Some(serde_json::json!([word])),
        _ => None,
    }
}

/// The complete example workshop with a canary in every text field of every item it adds.
fn canary_script() -> String {
    let example = std::fs::read_to_string(
        systematic_tests::project_root().join("tests/fixtures/scripts/esther-workshop.jsonl"),
    )
    .expect("example script");
    let mut n = 0;
    let mut lines: Vec<String> = example.lines().map(str::to_owned).collect();
    let mut workshop = serde_json::Map::new();
    for spec in WORKSHOP_FIELDS.iter().filter(|f| !CODES.contains(&f.name)) {
        if let Some(value) = canary_value(spec.ty, &mut n) {
            workshop.insert(spec.name.into(), value);
        }
    }
    lines.push(serde_json::json!({"op": "workshop", "fields": workshop}).to_string());
    let mut kinds_seen = std::collections::BTreeSet::new();
    for line in example.lines() {
        let Ok(op) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if op["op"] != "add" {
            continue;
        }
        let (Some(kind), Some(id)) = (op["kind"].as_str(), op["id"].as_str()) else {
            continue;
        };
        let kind = Kind::from_name(kind).expect("a known kind");
        kinds_seen.insert(kind.name());
        let mut fields = serde_json::Map::new();
        for spec in kind.fields() {
            if let Some(value) = canary_value(spec.ty, &mut n) {
                fields.insert(spec.name.into(), value);
            }
        }
        if !fields.is_empty() {
            lines.push(
                serde_json::json!({"op": "set", "kind": kind.name(), "id": id, "fields": fields})
                    .to_string(),
            );
        }
    }
    // The example adds an item of every kind with text, so every text field gets a canary.
    for kind in Kind::ALL {
        let has_text = kind
            .fields()
            .iter()
            .any(|f| matches!(f.ty, FieldType::Line { .. } | FieldType::Text { .. }));
        if has_text && *kind != Kind::Vote {
            assert!(
                kinds_seen.contains(kind.name()),
                "the example script adds no {}",
                kind.name()
            );
        }
    }
    lines.join("\n")
}

/// Every log file's text.
fn all_logs(data_dir: &std::path::Path) -> String {
    let folder = systematic_core::logging::folder(data_dir);
    let mut text = String::new();
    for entry in std::fs::read_dir(&folder)
        .expect("the log folder")
        .flatten()
    {
        text.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
    }
    text
}

#[tokio::test]
async fn no_canary_reaches_the_log_or_the_diagnostic_report() {
    let harness = Harness::start(DataFolder::Writable);
    let usb = harness.root().join("usb");
    std::fs::create_dir_all(&usb).expect("usb");
    let file = usb.join(format!("{CANARY}-file.systematic"));
    let saved = usb.join(format!("{CANARY}-saved.systematic"));
    let damaged = usb.join(format!("{CANARY}-damaged.systematic"));
    let protected = usb.join(format!("{CANARY}-protected.systematic"));
    systematic(
        &[
            "new",
            "--title",
            &format!("{CANARY}-title"),
            "-o",
            path(&file),
        ],
        None,
    );
    systematic(
        &["edit", path(&file), "--laptop", &format!("{CANARY}-laptop")],
        Some(&canary_script()),
    );
    std::fs::write(&damaged, format!("SYSWKSP\n{CANARY} not a session")).expect("damaged");
    harness.answer_file_choosers(&[&[&file], &[&saved], &[&damaged], &[&protected]]);

    let client = harness.launch().await;
    fill(
        &client,
        "[data-testid=laptop-name]",
        &format!("{CANARY}-table"),
    )
    .await;
    click(&client, "[data-testid=laptop-save]").await;
    wait_until(&client, "the laptop is named", || async {
        count(&client, "[data-testid=laptop-setup]").await == 0
    })
    .await;

    // Normal paths: open, every tab, a real name and contact, the print preview, save.
    click(&client, "[data-testid=open-session]").await;
    wait_for_text(&client, "[data-testid=workshop-heading]", CANARY).await;
    for tab in [
        "agenda",
        "personas",
        "map",
        "journeys",
        "scenarios",
        "notes",
        "voting",
        "priorities",
    ] {
        click(&client, &format!("[data-testid=tab-{tab}]")).await;
        wait_for_text(&client, "[data-testid=workshop-page]", CANARY).await;
    }
    click(&client, "[data-testid=tab-people]").await;
    click(&client, "[data-testid=participant-details]").await;
    fill(
        &client,
        "[data-testid=personal-real-name]",
        &format!("{CANARY}-real-name"),
    )
    .await;
    fill(
        &client,
        "[data-testid=personal-contact]",
        &format!("{CANARY}-contact"),
    )
    .await;
    click(&client, "[data-testid=personal-save]").await;
    wait_for_text(
        &client,
        "[data-testid=personal-status]",
        "Kept on this laptop",
    )
    .await;
    click(&client, "[data-testid=print-open]").await;
    wait_for_text(&client, "#print-preview-title", "pages").await;
    click(&client, "[data-testid=print-close]").await;
    click(&client, "[data-testid=save-session]").await;
    wait_until(&client, "the session file is saved", || async {
        saved.exists()
    })
    .await;
    // A protected copy, for the wrong-passphrase path below.
    systematic_core::session_file::add_passphrase(
        &std::fs::read(&saved).expect("saved file"),
        &format!("{CANARY}-passphrase"),
    )
    .and_then(|bytes| {
        std::fs::write(&protected, bytes)
            .map_err(|e| systematic_core::session_file::SessionFileError::Damaged(e.to_string()))
    })
    .expect("protected copy");

    // Error paths: a damaged file, then a protected one with a wrong passphrase.
    click(&client, "[data-testid=back-home]").await;
    click(&client, "[data-testid=open-session]").await;
    wait_for(&client, "[data-testid=error]").await;
    click(&client, "[data-testid=open-session]").await;
    fill(
        &client,
        "[data-testid=passphrase-input]",
        &format!("{CANARY}-wrong-words"),
    )
    .await;
    click(&client, "[data-testid=passphrase-submit]").await;
    wait_for_text(&client, "[data-testid=error]", "passphrase").await;

    // The diagnostic report, as shown before copying.
    click(&client, "[data-testid=show-help]").await;
    click(&client, "[data-testid=show-diagnostics]").await;
    let report = text_of(&client, "[data-testid=diagnostic-report]").await;
    screenshot(&client, "help-diagnostics.png").await;
    assert!(report.contains("App version: "), "{report}");
    assert!(report.contains("WebKitGTK: 2."), "{report}");
    assert!(
        !report.to_lowercase().contains(CANARY),
        "the diagnostic report holds someone's words:\n{report}"
    );
    click(&client, "[data-testid=copy-diagnostics]").await;
    wait_for(
        &client,
        "[data-testid=diagnostics-copied], [data-testid=diagnostics-not-copied]",
    )
    .await;
    client.close().await.expect("close");

    let logs = all_logs(harness.data_dir());
    assert!(
        !logs.to_lowercase().contains(CANARY),
        "the log holds someone's words:\n{logs}"
    );
    // The log did record what happened, so an empty log cannot pass.
    for expected in [
        "request=\"SetLaptopName\"",
        "request=\"OpenSessionFile\"",
        "request=\"SaveSessionFile\"",
        "request=\"SetPersonalDetails\"",
        "refused",
        "diagnostic report made",
    ] {
        assert!(logs.contains(expected), "the log lacks {expected}:\n{logs}");
    }
    assert!(report.contains("request="), "{report}");
}
