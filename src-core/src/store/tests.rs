use super::*;
use systematic_ipc::PersonaDraft;

fn meta(title: &str) -> WorkshopMeta {
    WorkshopMeta {
        title: title.into(),
        date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        venue: "Anfield library".into(),
        facilitator: "Sam".into(),
    }
}

fn esther() -> PersonaDraft {
    PersonaDraft {
        name: "Esther".into(),
        age: Some(88),
        conditions: vec!["Heart failure".into()],
        what_matters: "Staying at home".into(),
        ..PersonaDraft::default()
    }
}

fn new_id() -> WorkshopId {
    WorkshopId(uuid::Uuid::new_v4().to_string())
}

#[test]
fn a_workshop_and_its_persona_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
        let id = store.create(new_id(), &meta("Esther"), &[]).unwrap();
        store
            .edit(&id, |doc, now| Ok(doc.add_persona(&esther(), now)))
            .unwrap()
            .unwrap();
        id
    };
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let view = store.view(&id).unwrap();
    assert_eq!(view.meta, meta("Esther"));
    assert_eq!(view.personas.len(), 1);
    assert_eq!(view.personas[0].details, esther());
    let list = store.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].persona_count, 1);
}

#[test]
fn the_database_runs_in_wal_with_full_sync() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let mode: String = store
        .conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let sync: i64 = store
        .conn
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "synchronous must be FULL (2)");
}

#[test]
fn only_this_user_can_open_the_stories() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("made").join("here");
    let folder = DataFolder {
        path: path.clone(),
        create_if_missing: true,
    };
    let mut store = Store::open(&folder).unwrap();
    store.create(new_id(), &meta("Esther"), &[]).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o700);
    for file in ["workshops.sqlite3", "workshops.sqlite3-wal"] {
        assert_eq!(mode(&path.join(file)), 0o600, "{file}");
    }
}

#[test]
fn two_copies_of_the_app_on_one_folder_never_make_a_workshop_unloadable() {
    let dir = tempfile::tempdir().unwrap();
    let folder = DataFolder::chosen(dir.path());
    let mut first = Store::open(&folder).unwrap();
    let id = first.create(new_id(), &meta("Esther"), &[]).unwrap();
    let mut second = Store::open(&folder).unwrap();
    assert_ne!(
        first.actor, second.actor,
        "each opening edits as its own actor"
    );
    second.view(&id).unwrap();
    for store in [&mut first, &mut second] {
        store
            .edit(&id, |doc, now| Ok(doc.add_persona(&esther(), now)))
            .unwrap()
            .unwrap();
    }
    let mut third = Store::open(&folder).unwrap();
    assert_eq!(
        third.view(&id).unwrap().personas.len(),
        2,
        "both edits kept"
    );
    // Many edits from both, so each compacts the log more than once: a compaction must fold in
    // the other copy's changes rather than delete them.
    for n in 0..60 {
        for store in [&mut first, &mut second] {
            store
                .edit(&id, |doc, now| {
                    let text = serde_json::json!({ "text": format!("Note {n}") });
                    doc.add(
                        crate::model::Kind::Note,
                        None,
                        text.as_object().unwrap(),
                        now,
                    )
                    .map_err(|e| CoreError::from_document("t", e))?;
                    doc.commit("add note", now);
                    Ok(())
                })
                .unwrap();
        }
    }
    let mut fourth = Store::open(&folder).unwrap();
    fourth.view(&id).unwrap();
    let notes = fourth
        .doc(&id)
        .unwrap()
        .live_count(crate::model::Kind::Note);
    assert_eq!(notes, 120, "nothing lost");
}

#[test]
fn a_failed_commit_leaves_memory_and_disk_agreeing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let id = store.create(new_id(), &meta("Esther"), &[]).unwrap();
    store
        .conn
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON change_log BEGIN SELECT RAISE(ABORT, 'disk says no'); END;",
        )
        .unwrap();
    let result = store.edit(&id, |doc, now| Ok(doc.add_persona(&esther(), now)));
    assert!(result.is_err(), "the edit must report the failed write");
    assert!(
        store.view(&id).unwrap().personas.is_empty(),
        "memory must not run ahead of disk"
    );
    store.conn.execute_batch("DROP TRIGGER refuse;").unwrap();
    store
        .edit(&id, |doc, now| Ok(doc.add_persona(&esther(), now)))
        .unwrap()
        .unwrap();
    drop(store);
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    assert_eq!(store.view(&id).unwrap().personas.len(), 1);
}

#[test]
fn many_edits_compact_and_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let id = store.create(new_id(), &meta("Esther"), &[]).unwrap();
    let persona = store
        .edit(&id, |doc, now| Ok(doc.add_persona(&esther(), now)))
        .unwrap()
        .unwrap();
    let mut draft = esther();
    // Each edit's change is small, so the log's bytes reach the snapshot's long before
    // COMPACT_AFTER_CHANGES; without compaction all 200 would still be in the log.
    let edits = 200;
    for n in 0..edits {
        draft.what_matters = format!("Staying at home, edit {n}");
        store
            .edit(&id, |doc, now| {
                Ok(doc.update_persona(&persona.id, &draft, now))
            })
            .unwrap()
            .expect("persona exists");
    }
    let pending: i64 = store
        .conn
        .query_row("SELECT count(*) FROM change_log", [], |r| r.get(0))
        .unwrap();
    assert!(pending < edits, "{pending} changes were never compacted");
    drop(store);
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    assert_eq!(store.view(&id).unwrap().personas[0].details, draft);
}

#[test]
fn the_index_can_be_rebuilt_from_the_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let a = store.create(new_id(), &meta("A"), &[esther()]).unwrap();
    let b = store.create(new_id(), &meta("B"), &[]).unwrap();
    store
        .edit(&b, |doc, now| Ok(doc.add_persona(&esther(), now)))
        .unwrap()
        .unwrap();
    let before = store.list().unwrap();
    store
        .conn
        .execute("DELETE FROM workshop_index", [])
        .unwrap();
    assert!(store.list().unwrap().is_empty());
    store.rebuild_index().unwrap();
    let after = store.list().unwrap();
    assert_eq!(after, before);
    assert_eq!(after.iter().map(|w| &w.id).collect::<Vec<_>>().len(), 2);
    assert!(after.iter().any(|w| w.id == a));
}

#[test]
fn a_failed_edit_leaves_nothing_half_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let id = store.create(new_id(), &meta("Esther"), &[]).unwrap();
    let result: Result<()> = store.edit(&id, |doc, now| {
        doc.add_persona(&esther(), now).unwrap();
        Err(CoreError::Required { field: "name" })
    });
    assert!(result.is_err());
    assert!(store.view(&id).unwrap().personas.is_empty());
}

#[test]
fn an_unknown_workshop_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let err = store.view(&WorkshopId("missing".into())).unwrap_err();
    assert!(matches!(err, CoreError::WorkshopNotFound(_)), "{err}");
}

#[test]
fn a_damaged_document_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let id = store.create(new_id(), &meta("Esther"), &[]).unwrap();
    store
        .conn
        .execute("UPDATE documents SET snapshot = x'00010203'", [])
        .unwrap();
    drop(store);
    let mut store = Store::open(&DataFolder::chosen(dir.path())).unwrap();
    let err = store.view(&id).unwrap_err();
    assert!(matches!(err, CoreError::Damaged { .. }), "{err}");
    assert!(
        store.contains(&id).unwrap(),
        "damaged documents are never deleted"
    );
}

#[test]
fn a_data_folder_that_is_a_file_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let err = Store::open(&DataFolder::chosen(file.join("data")))
        .err()
        .unwrap();
    match err {
        CoreError::DataFolder { problem, path, .. } => {
            assert_eq!(problem, FolderProblem::NotAFolder);
            assert_eq!(path, file.join("data"));
        }
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn a_chosen_folder_that_does_not_exist_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let stick = dir.path().join("usb-stick");
    let err = Store::open(&DataFolder::chosen(&stick)).err().unwrap();
    assert!(
        matches!(
            err,
            CoreError::DataFolder {
                problem: FolderProblem::Missing,
                ..
            }
        ),
        "{err}"
    );
    assert!(
        !stick.exists(),
        "nothing may be saved in place of a missing stick"
    );
    let default = DataFolder {
        path: stick.clone(),
        create_if_missing: true,
    };
    Store::open(&default).unwrap();
    assert!(stick.join(DATABASE_FILE).exists());
}

#[test]
fn a_damaged_database_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(DATABASE_FILE), vec![7_u8; 8192]).unwrap();
    let err = Store::open(&DataFolder::chosen(dir.path())).err().unwrap();
    match err {
        CoreError::DatabaseDamaged { path, .. } => assert_eq!(path, dir.path().join(DATABASE_FILE)),
        other => panic!("unexpected {other}"),
    }
    assert_eq!(
        std::fs::read(dir.path().join(DATABASE_FILE)).unwrap(),
        vec![7_u8; 8192],
        "left as it is"
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(&DataFolder::chosen(dir.path())).unwrap());
    let conn = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let err = Store::open(&DataFolder::chosen(dir.path())).err().unwrap();
    assert!(matches!(err, CoreError::DatabaseTooNew { .. }), "{err}");
}
