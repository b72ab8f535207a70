//! Opens the store in the folder given as the first argument and does what the rest asks,
//! printing what happened as JSON. The data-folder tests run this inside a mount namespace
//! (a read-only bind mount, or a small tmpfs standing in for a full USB stick).
//!
//! - `open-store DIR` lists the workshops;
//! - `open-store DIR create TITLE` adds a workshop;
//! - `open-store DIR fill-disk` adds a workshop and a note, fills the disk, tries another note
//!   and a session file over an earlier one, frees the space and adds a third note, all in one
//!   run of the store (the app keeps working), then lists the notes from a fresh store.

use std::io::Write;
use systematic_core::data_dir::DataFolder;
use systematic_core::App;
use systematic_ipc::{NewWorkshop, Operation, Request, Response, WorkshopId};

fn main() {
    systematic_core::untrusted::serve_or_register();
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .expect("usage: open-store DIR [create TITLE | fill-disk]");
    let mut app = App::open(DataFolder::chosen(&dir));
    let json = match (args.next().as_deref(), args.next()) {
        (Some("create"), Some(title)) => answer(app.handle(create(&title))),
        (Some("fill-disk"), _) => fill_disk(&mut app, &dir),
        _ => answer(app.handle(Request::ListWorkshops)),
    };
    println!("{json}");
}

fn create(title: &str) -> Request {
    Request::CreateWorkshop {
        workshop: NewWorkshop {
            title: title.to_owned(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 23),
            ..NewWorkshop::default()
        },
    }
}

fn answer(result: Result<Response, systematic_ipc::AppError>) -> serde_json::Value {
    match result {
        Ok(response) => serde_json::json!({ "ok": response }),
        Err(error) => serde_json::json!({ "error": error }),
    }
}

fn note(workshop: &WorkshopId, text: &str) -> Request {
    Request::Edit {
        workshop: workshop.clone(),
        ops: vec![Operation::Add {
            kind: "note".into(),
            id: None,
            fields: serde_json::from_value(serde_json::json!({ "text": text })).expect("fields"),
        }],
    }
}

fn fill_disk(app: &mut App, dir: &str) -> serde_json::Value {
    let Ok(Response::Workshop(view)) = app.handle(create("Full stick")) else {
        return serde_json::json!({ "error": "could not create the workshop" });
    };
    let id = view.id;
    let first = answer(app.handle(note(&id, "before the disk filled")));
    let session = std::path::Path::new(dir).join("table-1.systematic");
    let session_path = session.display().to_string();
    let saved = answer(app.handle(Request::SaveSessionFile {
        workshop: id.clone(),
        path: session_path.clone(),
        passphrase: None,
    }));
    let session_before = std::fs::read(&session).unwrap_or_default();
    // Fill what is left, a block at a time.
    let filler_path = std::path::Path::new(dir).join("filler");
    let mut filler = std::fs::File::create(&filler_path).expect("filler");
    let block = vec![0x5a_u8; 64 * 1024];
    while filler.write_all(&block).is_ok() {}
    let _ = filler.write_all(&[0x5a]);
    let _ = filler.sync_all();
    let refused = answer(app.handle(note(&id, "while the disk was full")));
    let session_refused = answer(app.handle(Request::SaveSessionFile {
        workshop: id.clone(),
        path: session_path,
        passphrase: None,
    }));
    let session_after = std::fs::read(&session).unwrap_or_default();
    drop(filler);
    std::fs::remove_file(&filler_path).expect("remove filler");
    let after = answer(app.handle(note(&id, "after space was freed")));
    let mut fresh = App::open(DataFolder::chosen(dir));
    let notes: Vec<String> = match fresh.handle(Request::Facilitation { workshop: id }) {
        Ok(Response::Facilitation(view)) => view.notes.into_iter().map(|n| n.text).collect(),
        other => vec![format!("could not read the workshop: {other:?}")],
    };
    serde_json::json!({
        "first": first,
        "saved": saved,
        "refused": refused,
        "session_refused": session_refused,
        "session_unchanged": !session_before.is_empty() && session_before == session_after,
        "after": after,
        "notes": notes,
    })
}
