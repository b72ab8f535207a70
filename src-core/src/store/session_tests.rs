//! Session files, merging, undo/redo, history and personal details through the store.

use super::*;
use crate::error::CoreError;
use crate::session_file;
use systematic_ipc::{PersonaDraft, PersonaId, PersonalDetails};

fn meta(title: &str) -> WorkshopMeta {
    WorkshopMeta {
        title: title.into(),
        date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        venue: "Anfield library".into(),
        facilitator: "Sam".into(),
    }
}

fn esther(age: u16) -> PersonaDraft {
    PersonaDraft {
        name: "Esther".into(),
        age: Some(age),
        what_matters: "Staying at home".into(),
        ..PersonaDraft::default()
    }
}

fn laptop(dir: &Path, name: &str) -> Store {
    let mut store = Store::open(&DataFolder::chosen(dir)).unwrap();
    store.set_laptop_name(name).unwrap();
    store
}

fn add_esther(store: &mut Store, id: &WorkshopId) -> PersonaId {
    store
        .edit(id, |doc, now| {
            doc.add_persona(&esther(88), now)
                .map_err(|e| CoreError::from_document("t", e))
        })
        .unwrap()
        .id
}

fn set_age(store: &mut Store, id: &WorkshopId, persona: &PersonaId, age: u16) {
    store
        .edit(id, |doc, now| {
            doc.update_persona(persona, &esther(age), now)
                .map_err(|e| CoreError::from_document("t", e))
        })
        .unwrap();
}

fn age(store: &mut Store, id: &WorkshopId) -> Option<u16> {
    store
        .view(id)
        .unwrap()
        .personas
        .first()
        .and_then(|p| p.details.age)
}

#[test]
fn undo_and_redo_work_on_this_laptops_edits_as_new_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = laptop(dir.path(), "Table 1");
    let id = store
        .create(WorkshopId("w".into()), &meta("Esther"), &[])
        .unwrap();
    assert!(!store.undo(&id).unwrap(), "nothing to undo yet");
    let persona = add_esther(&mut store, &id);
    set_age(&mut store, &id, &persona, 89);
    assert!(store.view(&id).unwrap().can_undo);

    assert!(store.undo(&id).unwrap());
    assert_eq!(age(&mut store, &id), Some(88));
    assert!(store.view(&id).unwrap().can_redo);
    assert!(store.undo(&id).unwrap());
    assert!(
        store.view(&id).unwrap().personas.is_empty(),
        "undoing the add removes it"
    );
    assert!(store.redo(&id).unwrap());
    assert_eq!(age(&mut store, &id), Some(88));
    assert!(store.redo(&id).unwrap());
    assert_eq!(age(&mut store, &id), Some(89));
    assert!(!store.redo(&id).unwrap());

    let history = store.history(&id).unwrap();
    let whats: Vec<&str> = history.iter().map(|h| h.what.as_str()).collect();
    assert_eq!(
        whats,
        [
            "redo",
            "redo",
            "undo",
            "undo",
            "edit persona Esther",
            "add persona Esther",
            "create workshop"
        ]
    );
    assert!(history.iter().all(|h| h.laptop == "Table 1"));

    // Everything survives a restart: undo wrote real changes.
    drop(store);
    let mut store = laptop(dir.path(), "Table 1");
    assert_eq!(age(&mut store, &id), Some(89));
}

#[test]
fn an_earlier_version_comes_back_as_a_new_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = laptop(dir.path(), "Table 1");
    let id = store
        .create(WorkshopId("w".into()), &meta("Esther"), &[])
        .unwrap();
    let persona = add_esther(&mut store, &id);
    let version = store.history(&id).unwrap()[0].hash.clone();
    set_age(&mut store, &id, &persona, 90);
    set_age(&mut store, &id, &persona, 91);
    store.restore_version(&id, &version).unwrap();
    assert_eq!(age(&mut store, &id), Some(88));
    assert_eq!(
        store.history(&id).unwrap().len(),
        5,
        "nothing was rewritten"
    );
    let err = store.restore_version(&id, "not-a-hash").unwrap_err();
    assert!(matches!(err, CoreError::VersionNotFound(_)));
}

#[test]
fn a_workshop_travels_by_session_file_and_merges_back() {
    let (dir_a, dir_b, usb) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut a = laptop(dir_a.path(), "Map laptop");
    let id = a
        .create(WorkshopId("w".into()), &meta("Esther"), &[])
        .unwrap();
    let persona = add_esther(&mut a, &id);
    let file = usb.path().join("esther.systematic");
    a.save_session_file(&id, &file, None).unwrap();

    let mut b = laptop(dir_b.path(), "Table 2");
    assert_eq!(b.open_session_file(&file, None).unwrap(), id);
    // Opened again with nothing new in it (from the recent files): the workshop simply opens.
    assert_eq!(b.open_session_file(&file, None).unwrap(), id);
    set_age(&mut b, &id, &persona, 90);
    set_age(&mut a, &id, &persona, 89);
    // A file with changes this laptop lacks must be merged instead, so they are shown.
    let newer = usb.path().join("esther-newer.systematic");
    a.save_session_file(&id, &newer, None).unwrap();
    let err = b.open_session_file(&newer, None).unwrap_err();
    assert!(
        matches!(err, CoreError::AlreadyHere { ref id, .. } if id == "w"),
        "{err}"
    );
    let back = usb.path().join("table-2.systematic");
    b.save_session_file(&id, &back, None).unwrap();

    let report = a
        .merge_session_files(&id, &[back.as_path()], false, None)
        .unwrap();
    assert_eq!(report.files[0].name, "This laptop (Map laptop)");
    assert_eq!(report.files[1].laptops, ["Table 2"]);
    let conflict = &report.conflicts[0];
    assert_eq!(conflict.field, "age");
    assert_eq!(conflict.values.len(), 2);

    a.settle_conflict(&id, "persona", &persona.0, "age", &serde_json::json!(89))
        .unwrap();
    drop(a);
    let mut a = laptop(dir_a.path(), "Map laptop");
    assert_eq!(age(&mut a, &id), Some(89));
    let doc = a.doc(&id).unwrap();
    let index = crate::merge::changes::ChangeIndex::of(doc.automerge());
    assert!(
        crate::merge::conflicts::find(doc, &index).is_empty(),
        "settled for good"
    );
}

#[test]
fn another_workshops_file_is_refused_unless_forced_and_this_id_is_kept() {
    let (dir_a, dir_b, usb) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut a = laptop(dir_a.path(), "Table 1");
    let id = a
        .create(WorkshopId("mine".into()), &meta("Esther"), &[])
        .unwrap();
    add_esther(&mut a, &id);
    let mut b = laptop(dir_b.path(), "Table 2");
    let other = b
        .create(WorkshopId("theirs".into()), &meta("Esther too"), &[])
        .unwrap();
    add_esther(&mut b, &other);
    let file = usb.path().join("theirs.systematic");
    b.save_session_file(&other, &file, None).unwrap();

    let err = a
        .merge_session_files(&id, &[file.as_path()], false, None)
        .unwrap_err();
    assert_eq!(
        err.to_app_error().kind,
        systematic_ipc::ErrorKind::DifferentWorkshops
    );
    assert_eq!(a.view(&id).unwrap().personas.len(), 1, "nothing changed");

    let report = a
        .merge_session_files(&id, &[file.as_path()], true, None)
        .unwrap();
    assert!(report.forced);
    assert_eq!(a.view(&id).unwrap().personas.len(), 2);
    assert_eq!(a.doc(&id).unwrap().workshop_id().unwrap(), "mine");
}

#[test]
fn a_damaged_session_file_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = laptop(dir.path(), "Table 1");
    let id = store
        .create(WorkshopId("w".into()), &meta("Esther"), &[])
        .unwrap();
    let usb = tempfile::tempdir().unwrap();
    let file = usb.path().join("x.systematic");
    store.save_session_file(&id, &file, None).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() - 20]).unwrap();
    let err = store
        .merge_session_files(&id, &[file.as_path()], false, None)
        .unwrap_err();
    assert_eq!(err.to_app_error().message_id, "error-session-damaged");
    let err = store
        .open_session_file(&usb.path().join("missing.systematic"), None)
        .unwrap_err();
    assert_eq!(err.to_app_error().message_id, "error-session-read");
    assert_eq!(store.history(&id).unwrap().len(), 1);
}

#[test]
fn personal_details_stay_out_of_the_document_and_can_be_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = laptop(dir.path(), "Table 1");
    let id = store
        .create(WorkshopId("w".into()), &meta("Esther"), &[])
        .unwrap();
    let details = PersonalDetails {
        real_name: "Margaret Quill".into(),
        contact: "07700 900123".into(),
    };
    store.set_personal_details(&id, "robin", &details).unwrap();
    assert_eq!(store.personal_details(&id, "robin").unwrap(), Some(details));
    let usb = tempfile::tempdir().unwrap();
    let file = usb.path().join("w.systematic");
    store.save_session_file(&id, &file, None).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    assert!(
        !bytes.windows(5).any(|w| w == b"Quill"),
        "never in a session file"
    );

    store.forget_personal_details(&id, "robin").unwrap();
    assert_eq!(store.personal_details(&id, "robin").unwrap(), None);
    drop(store);
    for name in [DATABASE_FILE, "workshops.sqlite3-wal"] {
        let path = dir.path().join(name);
        if let Ok(bytes) = std::fs::read(&path) {
            assert!(
                !bytes.windows(13).any(|w| w == b"Margaret Quil"),
                "{name} still holds the name"
            );
        }
    }
}

#[test]
fn a_damaged_database_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = laptop(dir.path(), "Table 1");
        for n in 0..30 {
            let id = store
                .create(
                    WorkshopId(format!("w{n}")),
                    &meta(&"Esther ".repeat(15)),
                    &[],
                )
                .unwrap();
            add_esther(&mut store, &id);
        }
        store
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
    }
    let path = dir.path().join(DATABASE_FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 4096 * 6, "{} bytes", bytes.len());
    // Scribble over the middle of the file, past the schema page.
    for byte in &mut bytes[4096 * 3 + 100..4096 * 5] {
        *byte = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(&DataFolder::chosen(dir.path()))
        .err()
        .expect("refused");
    assert!(matches!(err, CoreError::DatabaseDamaged { .. }), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file is kept as it was"
    );
}

#[test]
fn restoring_a_version_keeps_later_added_and_deleted_items_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = laptop(dir.path(), "Table 1");
    let id = store
        .create(WorkshopId("w".into()), &meta("Esther"), &[])
        .unwrap();
    let version = store.history(&id).unwrap()[0].hash.clone();
    let persona = add_esther(&mut store, &id);
    store
        .edit(&id, |doc, now| {
            doc.delete(crate::model::Kind::Persona, &persona.0)
                .map_err(|e| CoreError::from_document("t", e))?;
            doc.commit("delete", now);
            Ok(())
        })
        .unwrap();
    store.restore_version(&id, &version).unwrap();
    assert!(
        store.view(&id).unwrap().personas.is_empty(),
        "it did not exist then"
    );
}

#[test]
fn protected_session_files_open_and_merge_only_with_their_passphrase() {
    let (dir_a, dir_b, usb) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let mut a = laptop(dir_a.path(), "Map laptop");
    let id = a
        .create(WorkshopId("w".into()), &meta("Esther"), &[])
        .unwrap();
    let persona = add_esther(&mut a, &id);
    // A protected workshop, saved protected with another passphrase for the journey.
    a.protect(&id, "the workshop's own passphrase").unwrap();
    let file = usb.path().join("esther.systematic");
    let refused = a.save_session_file(&id, &file, Some("short"));
    assert!(
        matches!(
            refused,
            Err(CoreError::SessionFile(
                session_file::SessionFileError::PassphraseTooShort
            ))
        ),
        "{refused:?}"
    );
    assert!(!file.exists(), "nothing written for a refused passphrase");
    a.save_session_file(&id, &file, Some("for the stick only"))
        .unwrap();

    let mut b = laptop(dir_b.path(), "Table 2");
    let needs = b.open_session_file(&file, None).unwrap_err();
    assert!(
        matches!(
            needs,
            CoreError::SessionFile(session_file::SessionFileError::NeedsPassphrase)
        ),
        "{needs}"
    );
    let wrong = b
        .open_session_file(&file, Some("the workshop's own passphrase"))
        .unwrap_err();
    assert!(
        matches!(
            wrong,
            CoreError::SessionFile(session_file::SessionFileError::WrongPassphrase)
        ),
        "{wrong}"
    );
    assert!(
        b.list().unwrap().is_empty(),
        "a wrong passphrase changed nothing"
    );
    assert_eq!(
        b.open_session_file(&file, Some("for the stick only"))
            .unwrap(),
        id
    );
    set_age(&mut b, &id, &persona, 90);
    let back = usb.path().join("table-2.systematic");
    b.save_session_file(&id, &back, Some("for the stick only"))
        .unwrap();

    // Merged back into the protected workshop: still sealed on disk, the change is in.
    let needs = a
        .merge_session_files(&id, &[back.as_path()], false, None)
        .unwrap_err();
    assert!(matches!(needs, CoreError::SessionFile(_)), "{needs}");
    a.merge_session_files(&id, &[back.as_path()], false, Some("for the stick only"))
        .unwrap();
    assert_eq!(age(&mut a, &id), Some(90));
    drop(a);
    let mut a = laptop(dir_a.path(), "Map laptop");
    assert!(matches!(a.view(&id), Err(CoreError::Locked(_))));
    a.unlock(&id, "the workshop's own passphrase").unwrap();
    assert_eq!(age(&mut a, &id), Some(90));
}
