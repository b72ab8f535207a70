//! Upgrades: a newer app opens every older format, and an older app refuses a newer one clearly.
//!
//! `tests/fixtures/formats/` keeps, for every released version of each format, a file written by
//! the app of that time: `session-v<N>.systematic` (plain and `-protected`, passphrase
//! [`PASSPHRASE`]) and `store-v<N>/` (a data folder at store schema N with the demo workshop
//! and a protected one). They are never regenerated: before a format's version goes up, run
//! `cargo test -p systematic-core --test format_fixtures -- --ignored` once to add the current
//! version's files next to the older ones.

use std::path::{Path, PathBuf};
use systematic_core::app::App;
use systematic_core::data_dir::DataFolder;
use systematic_core::model::Kind;
use systematic_core::session_file::{self, SessionFileError, FILE_FORMAT_VERSION};
use systematic_core::store::{Store, SCHEMA_VERSION};
use systematic_ipc::{NewWorkshop, Operation, Passphrase, Request, Response};

const PASSPHRASE: &str = "fixture passphrase";
const DEMO_TITLE: &str = "What matters for Esther?";
const PROTECTED_TITLE: &str = "Protected fixture";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/formats")
}

/// Fixture files whose name starts with `prefix` and carries a version number.
fn fixtures_named(prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("tests/fixtures/formats")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    found.sort();
    found
}

fn workshop(answer: Result<Response, systematic_ipc::AppError>) -> systematic_ipc::WorkshopView {
    match answer {
        Ok(Response::Workshop(view)) => view,
        other => panic!("expected a workshop, got {other:?}"),
    }
}

#[test]
#[ignore = "writes this version's fixtures; run once before a format version goes up"]
fn make_the_format_fixtures() {
    let session = fixtures().join(format!("session-v{FILE_FORMAT_VERSION}.systematic"));
    let protected = fixtures().join(format!(
        "session-v{FILE_FORMAT_VERSION}-protected.systematic"
    ));
    let store = fixtures().join(format!("store-v{SCHEMA_VERSION}"));
    for existing in [&session, &protected, &store] {
        assert!(
            !existing.exists(),
            "{} exists: fixtures of released versions are never rewritten",
            existing.display()
        );
    }
    std::fs::create_dir_all(&store).expect("store folder");
    let mut app = App::open(DataFolder::chosen(&store));
    app.handle(Request::SetLaptopName {
        name: "Fixture laptop".into(),
    })
    .expect("name");
    let demo = workshop(app.handle(Request::OpenDemoWorkshop));
    app.handle(Request::SaveSessionFile {
        workshop: demo.id.clone(),
        path: session.display().to_string(),
        passphrase: None,
    })
    .expect("save");
    let bytes = std::fs::read(&session).expect("saved");
    std::fs::write(
        &protected,
        session_file::add_passphrase(&bytes, PASSPHRASE).expect("protect file"),
    )
    .expect("write protected");
    let other = workshop(app.handle(Request::CreateWorkshop {
        workshop: NewWorkshop {
            title: PROTECTED_TITLE.into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6),
            venue: "Library".into(),
            facilitator: "Bo".into(),
            template: None,
            locale: None,
        },
    }));
    app.handle(Request::ProtectWorkshop {
        workshop: other.id,
        passphrase: Passphrase(PASSPHRASE.into()),
    })
    .expect("protect");
    drop(app);
    // Only the database: backups and logs are not part of the schema.
    for entry in std::fs::read_dir(&store).expect("store").flatten() {
        if entry.file_name() != systematic_core::store::DATABASE_FILE {
            let path = entry.path();
            let _ = std::fs::remove_dir_all(&path).or_else(|_| std::fs::remove_file(&path));
        }
    }
}

#[test]
fn every_released_session_file_format_opens_and_merges_with_this_version() {
    let files = fixtures_named("session-v");
    assert!(!files.is_empty(), "no session file fixtures");
    for file in files {
        let name = file.display().to_string();
        let dir = tempfile::tempdir().expect("temp");
        let mut app = App::open(DataFolder::chosen(dir.path()));
        let passphrase = name
            .contains("-protected")
            .then(|| Passphrase(PASSPHRASE.into()));
        let view = workshop(app.handle(Request::OpenSessionFile {
            path: name.clone(),
            passphrase: passphrase.clone(),
        }));
        assert_eq!(view.meta.title, DEMO_TITLE, "{name}");
        assert!(!view.personas.is_empty(), "{name}");

        // A laptop on this version changes the workshop; the older file still merges with it
        // (as two laptops on two versions would), both ways.
        let mut fields = serde_json::Map::new();
        fields.insert("text".into(), "Written by this version".into());
        app.handle(Request::Edit {
            workshop: view.id.clone(),
            ops: vec![Operation::Add {
                kind: "note".into(),
                id: Some("note-from-this-version".into()),
                fields,
            }],
        })
        .expect("an edit with this version");
        let newer = dir.path().join("this-version.systematic");
        app.handle(Request::SaveSessionFile {
            workshop: view.id.clone(),
            path: newer.display().to_string(),
            passphrase: None,
        })
        .expect("save with this version");
        let other = tempfile::tempdir().expect("temp");
        let mut older_side = App::open(DataFolder::chosen(other.path()));
        let older = workshop(older_side.handle(Request::OpenSessionFile {
            path: name.clone(),
            passphrase: passphrase.clone(),
        }));
        let merged = older_side.handle(Request::MergeSessionFiles {
            workshop: older.id.clone(),
            paths: vec![newer.display().to_string()],
            force: false,
            passphrase: None,
        });
        assert!(
            matches!(merged, Ok(Response::Merged(_))),
            "{name}: {merged:?}"
        );
        let notes = older_side
            .snapshot(&older.id)
            .expect("the older side's workshop")
            .items(Kind::Note)
            .expect("notes");
        assert!(
            notes.iter().any(|n| n.id == "note-from-this-version"),
            "{name}: this version's note did not reach the older file's laptop"
        );
        let back = app.handle(Request::MergeSessionFiles {
            workshop: view.id,
            paths: vec![name.clone()],
            force: false,
            passphrase,
        });
        assert!(matches!(back, Ok(Response::Merged(_))), "{name}: {back:?}");
    }
}

#[test]
fn every_released_store_schema_opens_with_its_workshops() {
    let stores = fixtures_named("store-v");
    assert!(!stores.is_empty(), "no store fixtures");
    for store in stores {
        let dir = tempfile::tempdir().expect("temp");
        let database = systematic_core::store::DATABASE_FILE;
        std::fs::copy(store.join(database), dir.path().join(database)).expect("copy the store");
        let mut app = App::open(DataFolder::chosen(dir.path()));
        let list = match app.handle(Request::ListWorkshops) {
            Ok(Response::Workshops(list)) => list,
            other => panic!("{}: {other:?}", store.display()),
        };
        let demo = list
            .iter()
            .find(|w| w.title == DEMO_TITLE)
            .unwrap_or_else(|| panic!("{}: no demo in {list:?}", store.display()));
        let view = workshop(app.handle(Request::OpenWorkshop {
            id: demo.id.clone(),
        }));
        assert!(!view.personas.is_empty());
        let protected = list
            .iter()
            .find(|w| w.title == PROTECTED_TITLE)
            .unwrap_or_else(|| panic!("{}: no protected workshop", store.display()));
        assert!(protected.protected);
        workshop(app.handle(Request::UnlockWorkshop {
            workshop: protected.id.clone(),
            passphrase: Passphrase(PASSPHRASE.into()),
        }));
    }
}

#[test]
fn a_newer_session_file_or_store_is_refused_in_plain_words() {
    let file = fixtures().join(format!("session-v{FILE_FORMAT_VERSION}.systematic"));
    let bytes = std::fs::read(&file).expect("this version's fixture");
    // The header says a newer format; the rest is left as it is.
    let (header, body) = session_file::split(&bytes).expect("split");
    let mut newer_header = serde_json::to_value(&header).expect("header json");
    newer_header["format_version"] = (FILE_FORMAT_VERSION + 1).into();
    let newer_header = serde_json::to_vec(&newer_header).expect("header bytes");
    let mut newer = b"SYSWKSP\n".to_vec();
    newer.extend_from_slice(
        &u32::try_from(newer_header.len())
            .expect("len")
            .to_le_bytes(),
    );
    newer.extend_from_slice(&newer_header);
    newer.extend_from_slice(body);
    let dir = tempfile::tempdir().expect("temp");
    let newer_file = dir.path().join("from-a-newer-app.systematic");
    std::fs::write(&newer_file, newer).expect("write");
    let Err(refused) = session_file::read(&newer_file, &automerge::ActorId::random()) else {
        panic!("a newer session file was read");
    };
    assert!(matches!(refused, SessionFileError::TooNew(_)), "{refused}");
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let error = app
        .handle(Request::OpenSessionFile {
            path: newer_file.display().to_string(),
            passphrase: None,
        })
        .expect_err("refused by the app");
    assert_eq!(error.message_id, "error-session-too-new", "{error:?}");

    // A store written by a newer app: refused, and left untouched.
    let store = fixtures().join(format!("store-v{SCHEMA_VERSION}"));
    let database = systematic_core::store::DATABASE_FILE;
    let folder = tempfile::tempdir().expect("temp");
    std::fs::copy(store.join(database), folder.path().join(database)).expect("copy");
    let db = rusqlite::Connection::open(folder.path().join(database)).expect("open");
    db.pragma_update(None, "user_version", SCHEMA_VERSION as i64 + 1)
        .expect("bump");
    drop(db);
    let before = std::fs::read(folder.path().join(database)).expect("read");
    let Err(refused) = Store::open(&DataFolder::chosen(folder.path())) else {
        panic!("a newer store was opened");
    };
    assert!(refused.to_string().contains("newer version"), "{refused}");
    assert_eq!(
        std::fs::read(folder.path().join(database)).expect("read"),
        before
    );
}
