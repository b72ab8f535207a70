//! The SQLite schema, as migrations from the first version on. Never edit a released migration;
//! add a new one.

use rusqlite_migration::{Migrations, M};

/// Each workshop is one Automerge document: a compacted `snapshot` plus the `changes` appended
/// since, one row per acknowledged edit. `workshop_index` is derived from the documents (it can be
/// rebuilt at any time) so the home screen can list workshops without loading every document.
const V1: &str = "
CREATE TABLE documents (
    workshop_id TEXT PRIMARY KEY NOT NULL,
    snapshot    BLOB NOT NULL
);
CREATE TABLE changes (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id TEXT NOT NULL REFERENCES documents(workshop_id) ON DELETE CASCADE,
    bytes       BLOB NOT NULL
);
CREATE INDEX changes_by_workshop ON changes(workshop_id, seq);
CREATE TABLE workshop_index (
    workshop_id   TEXT PRIMARY KEY NOT NULL REFERENCES documents(workshop_id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    date          TEXT NOT NULL,
    venue         TEXT NOT NULL,
    persona_count INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value BLOB NOT NULL
);
";

/// Participants' personal details live here, never in a workshop document, so they can be
/// deleted when someone withdraws consent.
const V2: &str = "
CREATE TABLE personal_details (
    workshop_id    TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    real_name      TEXT NOT NULL DEFAULT '',
    contact        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (workshop_id, participant_id)
);
";

/// `documents.generation` counts snapshot rewrites, so a copy of the app that compacts can tell
/// whether another copy on the same folder rewrote the snapshot since it loaded it.
///
/// The change log keyed by (workshop, sequence) in one b-tree: an edit then writes one page of
/// it instead of a table page, an index page and the AUTOINCREMENT counter, which is most of what
/// makes an edit cost more than a bare insert (benchmark 1 in docs/BENCHMARKS.md).
const V3: &str = "
CREATE TABLE change_log (
    workshop_id TEXT NOT NULL REFERENCES documents(workshop_id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    bytes       BLOB NOT NULL,
    PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;
INSERT INTO change_log (workshop_id, seq, bytes) SELECT workshop_id, seq, bytes FROM changes;
DROP TABLE changes;
ALTER TABLE documents ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
";

/// Workshops protected with a passphrase: how each one's key is made (scrypt salt and cost) and
/// a verifier sealed with it, which tells a wrong passphrase before anything is touched. The
/// key itself is never stored.
const V4: &str = "
CREATE TABLE protection (
    workshop_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(workshop_id) ON DELETE CASCADE,
    salt        BLOB NOT NULL,
    log_n       INTEGER NOT NULL,
    verifier    BLOB NOT NULL
);
";

/// The schema version a store has after every migration (shown in the diagnostic report).
pub const SCHEMA_VERSION: usize = 4;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1), M::up(V2), M::up(V3), M::up(V4)])
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }

    #[test]
    fn the_schema_version_counts_the_migrations() {
        let mut db = rusqlite::Connection::open_in_memory().expect("memory");
        super::migrations().to_latest(&mut db).expect("migrate");
        let version: i64 = db
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .expect("user_version");
        assert_eq!(usize::try_from(version).ok(), Some(super::SCHEMA_VERSION));
    }
}
