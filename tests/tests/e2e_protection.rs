//! End-to-end: a workshop protected with a passphrase in the real app. Its stories leave the
//! disk readable by nobody without the passphrase, it opens after a restart only with the
//! passphrase (a wrong one is explained and changes nothing), and a session file saved
//! protected opens, and merges, on another laptop only with its passphrase.

use std::path::Path;
use systematic_tests::{
    click, fill, screenshot, screenshot_element, text_of, wait_for, wait_for_text, DataFolder,
    Harness,
};

const PASSPHRASE: &str = "blue kettle on the windowsill";
const FILE_PASSPHRASE: &str = "seven swans a-swimming";
/// A participant's pseudonym (in the document) and real name (beside it), which must not be
/// readable on disk once the workshop is protected.
const PSEUDONYM: &str = "Bartholomew-Canary";
const REAL_NAME: &str = "Wilhelmina Realname-Canary";

/// The files under `dir` whose bytes hold `text`.
fn files_holding(dir: &Path, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if std::fs::read(&path)
                .unwrap_or_default()
                .windows(text.len())
                .any(|w| w == text.as_bytes())
            {
                found.push(path.display().to_string());
            }
        }
    }
    found
}

/// Types a new passphrase twice into the open form and sends it.
async fn choose_passphrase(client: &fantoccini::Client, first: &str, again: &str) {
    fill(client, "[data-testid=new-passphrase]", first).await;
    fill(client, "[data-testid=new-passphrase-again]", again).await;
    click(client, "[data-testid=new-passphrase-submit]").await;
}

#[tokio::test]
async fn a_protected_workshop_is_unreadable_on_disk_and_opens_only_with_its_passphrase() {
    let harness = Harness::start(DataFolder::Writable);
    let data = harness.data_dir().to_owned();
    let out = harness.root().join("out");
    std::fs::create_dir_all(&out).expect("out");
    let session = out.join("esther-protected.systematic");

    let client = harness.launch().await;
    click(&client, "[data-testid=open-demo]").await;
    wait_for_text(&client, ".persona-grid", "Esther").await;
    click(&client, "[data-testid=tab-people]").await;
    fill(&client, "[data-testid=participant-pseudonym]", PSEUDONYM).await;
    click(&client, "[data-testid=participant-add]").await;
    wait_for_text(&client, "[data-testid=participant-row]", PSEUDONYM).await;
    click(&client, "[data-testid=participant-details]").await;
    fill(&client, "[data-testid=personal-real-name]", REAL_NAME).await;
    click(&client, "[data-testid=personal-save]").await;
    wait_for_text(
        &client,
        "[data-testid=personal-status]",
        "Kept on this laptop",
    )
    .await;
    for secret in [PSEUDONYM, REAL_NAME] {
        assert!(
            !files_holding(&data, secret).is_empty(),
            "{secret} is on disk before protecting (else this test proves nothing)"
        );
    }

    // Protect it: too short and mistyped passphrases are explained before anything is sent.
    click(&client, "[data-testid=show-protection]").await;
    choose_passphrase(&client, "short", "short").await;
    wait_for_text(
        &client,
        "[data-testid=new-passphrase-problem]",
        "at least 8",
    )
    .await;
    choose_passphrase(&client, PASSPHRASE, "blue kettle on the windowsil").await;
    wait_for_text(
        &client,
        "[data-testid=new-passphrase-problem]",
        "not the same",
    )
    .await;
    screenshot_element(
        &client,
        "[data-testid=protection-panel]",
        "protection-panel.png",
    )
    .await;
    choose_passphrase(&client, PASSPHRASE, PASSPHRASE).await;
    wait_for_text(&client, "[data-testid=protection-on]", "protected").await;
    for secret in [PSEUDONYM, REAL_NAME] {
        assert_eq!(
            files_holding(&data, secret),
            Vec::<String>::new(),
            "{secret} is readable on disk after protecting"
        );
    }

    // A session file saved protected is an age file, with nothing of the story readable.
    click(&client, "[data-testid=save-session-protected]").await;
    harness.answer_file_choosers(&[&[&session]]);
    choose_passphrase(&client, FILE_PASSPHRASE, FILE_PASSPHRASE).await;
    wait_for_text(&client, "[data-testid=session-saved]", "esther-protected").await;
    let saved = std::fs::read(&session).expect("saved session file");
    assert!(saved.starts_with(b"age-encryption.org/v1\n"));
    assert_eq!(files_holding(&out, PSEUDONYM), Vec::<String>::new());

    // Locking hides everything of the workshop behind the passphrase.
    click(&client, "[data-testid=lock-workshop]").await;
    wait_for(&client, "[data-testid=unlock-workshop]").await;
    let hidden = client
        .execute(
            "return document.querySelector('.workshop-body').hidden",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(
        hidden,
        serde_json::json!(true),
        "the tabs stay hidden while locked"
    );
    screenshot(&client, "unlock-workshop.png").await;

    // After a restart: listed as protected; a wrong passphrase is explained, the right opens.
    client.close().await.expect("close");
    let client = harness.launch().await;
    wait_for(&client, "[data-testid=protected-badge]").await;
    click(&client, "[data-testid=open-workshop]").await;
    wait_for(&client, "[data-testid=unlock-workshop]").await;
    let database_before = std::fs::read(data.join("workshops.sqlite3")).expect("database");
    fill(
        &client,
        "[data-testid=passphrase-input]",
        "blue kettle on the sill",
    )
    .await;
    click(&client, "[data-testid=passphrase-submit]").await;
    wait_for_text(
        &client,
        "[data-testid=error]",
        "does not open this workshop",
    )
    .await;
    assert_eq!(
        std::fs::read(data.join("workshops.sqlite3")).expect("database"),
        database_before,
        "a wrong passphrase changed the database"
    );
    fill(&client, "[data-testid=passphrase-input]", PASSPHRASE).await;
    click(&client, "[data-testid=passphrase-submit]").await;
    let grid = wait_for_text(&client, ".persona-grid", "Esther").await;
    assert!(grid.contains("Esther"), "{grid}");
    assert!(text_of(&client, "[data-testid=show-protection]")
        .await
        .contains("Protected"));
    client.close().await.expect("close");

    // Another laptop opens the protected session file only with its passphrase.
    let other = Harness::start(DataFolder::Writable);
    let carried = other.root().join("esther-protected.systematic");
    std::fs::copy(&session, &carried).expect("carry the file over");
    drop(harness);
    let client = other.launch().await;
    other.answer_file_choosers(&[&[&carried]]);
    click(&client, "[data-testid=open-session]").await;
    wait_for_text(
        &client,
        "[data-testid=passphrase-prompt]",
        "protected with a passphrase",
    )
    .await;
    fill(&client, "[data-testid=passphrase-input]", PASSPHRASE).await;
    click(&client, "[data-testid=passphrase-submit]").await;
    wait_for_text(
        &client,
        "[data-testid=error]",
        "does not open this session file",
    )
    .await;
    fill(&client, "[data-testid=passphrase-input]", FILE_PASSPHRASE).await;
    click(&client, "[data-testid=passphrase-submit]").await;
    wait_for_text(&client, ".persona-grid", "Esther").await;

    // Merging a protected file asks for its passphrase the same way.
    other.answer_file_choosers(&[&[&carried]]);
    click(&client, "[data-testid=merge-sessions]").await;
    wait_for_text(
        &client,
        "[data-testid=passphrase-prompt]",
        "protected with a passphrase",
    )
    .await;
    fill(&client, "[data-testid=passphrase-input]", FILE_PASSPHRASE).await;
    click(&client, "[data-testid=passphrase-submit]").await;
    wait_for_text(
        &client,
        "[data-testid=merge-report]",
        "esther-protected.systematic",
    )
    .await;
    client.close().await.expect("close");
}
