//! Power cuts while the store saves: an edit the store acknowledged is on the disk itself, not
//! only in the page cache. The store runs on the power-cut VFS (`systematic_tests::power_cut`),
//! which keeps only what SQLite synced; the power goes after a random number of writes and
//! syncs, and what is left must be a sound database holding every acknowledged edit.
//! One test per file: the VFS is the process's default while it runs.

use systematic_core::data_dir::DataFolder;
use systematic_core::App;
use systematic_ipc::{NewWorkshop, Operation, Request, Response, WorkshopId};
use systematic_tests::power_cut;

const EDITS: usize = 12;

fn note(workshop: &WorkshopId, n: usize) -> Request {
    Request::Edit {
        workshop: workshop.clone(),
        ops: vec![Operation::Add {
            kind: "note".into(),
            id: Some(format!("n{n}")),
            fields: serde_json::from_value(serde_json::json!({ "text": format!("edit {n}") }))
                .expect("fields"),
        }],
    }
}

/// Creates a workshop and adds notes until the store refuses; answers what was acknowledged.
fn work(data: &std::path::Path) -> (Option<WorkshopId>, Vec<usize>) {
    let mut app = App::open(DataFolder::chosen(data));
    let created = app.handle(Request::CreateWorkshop {
        workshop: NewWorkshop {
            title: "Power cut".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6),
            ..NewWorkshop::default()
        },
    });
    let Ok(Response::Workshop(view)) = created else {
        return (None, Vec::new());
    };
    let mut acknowledged = Vec::new();
    for n in 0..EDITS {
        if app.handle(note(&view.id, n)).is_err() {
            break;
        }
        acknowledged.push(n);
    }
    (Some(view.id), acknowledged)
}

/// Opens what the power cut left, with the real VFS, and checks it.
fn check(after: &std::path::Path, workshop: Option<&WorkshopId>, acknowledged: &[usize]) {
    let database = after.join(systematic_core::store::DATABASE_FILE);
    if database.exists() {
        let connection = rusqlite::Connection::open(&database).expect("opens");
        let integrity: String = connection
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("integrity_check");
        assert_eq!(integrity, "ok");
    }
    let Some(workshop) = workshop else {
        return;
    };
    let mut app = App::open(DataFolder::chosen(after));
    let view = match app.handle(Request::Facilitation {
        workshop: workshop.clone(),
    }) {
        Ok(Response::Facilitation(view)) => view,
        other => panic!("the acknowledged workshop is gone: {other:?}"),
    };
    for n in acknowledged {
        assert!(
            view.notes
                .iter()
                .any(|note| note.text == format!("edit {n}")),
            "edit {n} was acknowledged but did not survive the power cut"
        );
    }
}

#[test]
fn acknowledged_edits_survive_a_power_cut_at_any_write_or_sync() {
    // A dry run counts the writes and syncs of the whole session.
    let dry = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dry.path().join("data")).unwrap();
    power_cut::install(&dry.path().join("durable"), &dry.path().join("after"), None);
    let (workshop, acknowledged) = work(&dry.path().join("data"));
    let (_, operations) = power_cut::uninstall();
    assert_eq!(
        acknowledged.len(),
        EDITS,
        "with the power on every edit is saved"
    );
    // With the power on to the end, the durable files alone hold everything.
    check(&dry.path().join("after"), workshop.as_ref(), &acknowledged);
    assert!(operations > 20, "only {operations} writes and syncs");

    // Then a cut at every point of it, spread evenly over the operations.
    let cuts = 80.min(operations);
    let mut cut_during_edits = 0;
    for i in 0..cuts {
        let countdown = i * operations / cuts;
        let root = tempfile::tempdir().expect("temp");
        let data = root.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let after = root.path().join("after");
        power_cut::install(&root.path().join("durable"), &after, Some(countdown));
        let (workshop, acknowledged) = work(&data);
        let (cut, _) = power_cut::uninstall();
        assert!(cut, "the power was cut after {countdown} operations");
        if workshop.is_some() && acknowledged.len() < EDITS {
            cut_during_edits += 1;
        }
        check(&after, workshop.as_ref(), &acknowledged);
    }
    assert!(
        cut_during_edits > cuts / 3,
        "most cuts should fall among the edits ({cut_during_edits} of {cuts})"
    );
}
