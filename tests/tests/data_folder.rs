//! A read-only data folder (a locked USB stick) or a full one is explained and nothing already
//! saved is lost. Tests run as root, which ignores chmod, so the folder is bind-mounted read-only,
//! or replaced by a 3 MiB tmpfs, in a private mount namespace (`unshare -m`).

use std::path::Path;
use std::process::Command;

/// Runs the `open-store` helper on `dir`, bind-mounted read-only when `read_only`.
fn open_store(dir: &Path, read_only: bool, extra: &[&str]) -> serde_json::Value {
    let mount = if read_only {
        Mount::ReadOnly
    } else {
        Mount::AsIs
    };
    open_store_on(dir, mount, extra)
}

enum Mount {
    AsIs,
    ReadOnly,
    /// A tmpfs of this many KiB over the folder.
    Small(u32),
}

fn open_store_on(dir: &Path, mount: Mount, extra: &[&str]) -> serde_json::Value {
    let helper = env!("CARGO_BIN_EXE_open-store");
    let dir_text = dir.display().to_string();
    let mut script = String::new();
    match mount {
        Mount::AsIs => {}
        Mount::ReadOnly => script.push_str(&format!(
            "mount --bind '{dir_text}' '{dir_text}' && mount -o remount,bind,ro '{dir_text}' && "
        )),
        Mount::Small(kib) => script.push_str(&format!(
            "mount -t tmpfs -o size={kib}k tmpfs '{dir_text}' && "
        )),
    }
    script.push_str(&format!("exec '{helper}' '{dir_text}'"));
    for arg in extra {
        script.push_str(&format!(" '{arg}'"));
    }
    let output = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", &script])
        .output()
        .expect("unshare");
    assert!(
        output.status.success(),
        "helper failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("helper prints JSON")
}

#[test]
fn an_empty_read_only_folder_is_named_and_explained() {
    let root = tempfile::tempdir().expect("temp");
    let result = open_store(root.path(), true, &[]);
    let error = &result["error"];
    assert_eq!(error["kind"], "data_folder", "{result}");
    assert_eq!(
        error["message_id"], "error-data-folder-read-only",
        "{result}"
    );
    assert_eq!(error["args"]["path"], root.path().display().to_string());
}

#[test]
fn saved_workshops_survive_a_read_only_stick() {
    let root = tempfile::tempdir().expect("temp");
    let created = open_store(root.path(), false, &["create", "Esther"]);
    assert!(created.get("ok").is_some(), "{created}");

    let refused = open_store(root.path(), true, &["create", "Another"]);
    assert_eq!(
        refused["error"]["message_id"], "error-data-folder-read-only",
        "{refused}"
    );

    let listed = open_store(root.path(), false, &[]);
    let workshops = listed["ok"]["workshops"].as_array().expect("a list");
    assert_eq!(workshops.len(), 1, "{listed}");
    assert_eq!(workshops[0]["title"], "Esther");
}

#[test]
fn a_full_disk_refuses_the_edit_keeps_what_was_saved_and_the_app_goes_on() {
    let root = tempfile::tempdir().expect("temp");
    let result = open_store_on(root.path(), Mount::Small(3 * 1024), &["fill-disk"]);
    assert!(result["first"].get("ok").is_some(), "{result}");
    assert!(result["saved"].get("ok").is_some(), "{result}");
    assert_eq!(
        result["refused"]["error"]["message_id"], "error-data-folder-full",
        "{result}"
    );
    assert_eq!(
        result["session_refused"]["error"]["message_id"], "error-session-write-full",
        "{result}"
    );
    assert_eq!(result["session_unchanged"], true, "{result}");
    assert!(result["after"].get("ok").is_some(), "{result}");
    let notes: Vec<&str> = result["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter_map(|n| n.as_str())
        .collect();
    assert_eq!(
        notes,
        ["before the disk filled", "after space was freed"],
        "{result}"
    );
}
