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

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(V1), M::up(V2)])
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
