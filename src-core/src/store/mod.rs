//! The local store: one SQLite database in the data folder holding every workshop document.
//!
//! Invariant: when an edit method returns `Ok`, the edit is on disk and survives power loss — the
//! database runs in WAL mode with `synchronous=FULL`, and the change row is committed before we
//! answer. If the write fails, the in-memory copy is dropped so memory never runs ahead of disk.

mod personal;
mod schema;
mod sessions;
mod undo;

use crate::data_dir::DataFolder;
use crate::document::WorkshopDoc;
use crate::error::{CoreError, FolderProblem};
use automerge::ActorId;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use systematic_ipc::{PersonaDraft, WorkshopId, WorkshopMeta, WorkshopSummary, WorkshopView};

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "workshops.sqlite3";
/// After this many appended changes a workshop's document is compacted into one snapshot.
const COMPACT_AFTER_CHANGES: i64 = 100;

type Result<T> = std::result::Result<T, CoreError>;

pub struct Store {
    conn: Connection,
    data_dir: PathBuf,
    actor: ActorId,
    /// The name this laptop was given at set-up, written into every change it makes.
    laptop: String,
    open_docs: HashMap<WorkshopId, WorkshopDoc>,
    /// This laptop's own edits since the app started, per workshop, for undo and redo.
    undo: HashMap<WorkshopId, undo::Stacks>,
}

/// Milliseconds since the Unix epoch, the clock every edit is stamped with.
fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

fn folder_error(path: &Path, error: &std::io::Error) -> CoreError {
    CoreError::DataFolder {
        path: path.to_owned(),
        problem: FolderProblem::from_io(error),
        detail: error.to_string(),
    }
}

/// Creates the folder if allowed and proves we can write and sync a file in it, so a missing or
/// read-only stick or a full disk is reported at start-up in plain words, not at the first edit.
fn check_folder_writable(folder: &DataFolder) -> Result<()> {
    use std::io::Write;
    let dir = folder.path.as_path();
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(CoreError::DataFolder {
                path: dir.to_owned(),
                problem: FolderProblem::NotAFolder,
                detail: "not a folder".into(),
            })
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && folder.create_if_missing => {
            std::fs::create_dir_all(dir).map_err(|e| folder_error(dir, &e))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CoreError::DataFolder {
                path: dir.to_owned(),
                problem: FolderProblem::Missing,
                detail: e.to_string(),
            })
        }
        Err(e) => return Err(folder_error(dir, &e)),
    }
    let probe = dir.join(".write-check");
    let written = std::fs::File::create(&probe)
        .and_then(|mut f| f.write_all(b"ok").and_then(|()| f.sync_all()));
    let _ = std::fs::remove_file(&probe);
    written.map_err(|e| folder_error(dir, &e))
}

impl Store {
    /// Opens the store in `folder`, creating the database (and the folder, when allowed).
    pub fn open(folder: &DataFolder) -> Result<Self> {
        check_folder_writable(folder)?;
        let data_dir = folder.path.as_path();
        let sqlite = |e| CoreError::from_sqlite(e, data_dir);
        let mut conn = Connection::open(data_dir.join(DATABASE_FILE)).map_err(sqlite)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sqlite)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sqlite)?;
        // Deleted personal details must not linger in free pages of the file.
        conn.pragma_update(None, "secure_delete", "ON")
            .map_err(sqlite)?;
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(sqlite)?;
        if check != "ok" {
            return Err(CoreError::DatabaseDamaged {
                path: data_dir.join(DATABASE_FILE),
                detail: check,
            });
        }
        schema::migrations()
            .to_latest(&mut conn)
            .map_err(|e| CoreError::from_migration(e, data_dir))?;
        // A fresh actor for every opening: two copies of the app on one folder (or a crash that
        // loses an unsaved change) can then never write two different changes with the same
        // actor and sequence number, which would make the document unloadable.
        let actor = ActorId::random();
        let laptop: Option<String> = conn
            .query_row(
                "SELECT value FROM settings WHERE key = 'laptop_name'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(sqlite)?;
        Ok(Self {
            conn,
            data_dir: data_dir.to_owned(),
            actor,
            laptop: laptop.unwrap_or_default(),
            open_docs: HashMap::new(),
            undo: HashMap::new(),
        })
    }

    /// The name this laptop was given ("Table 2"); empty until it is set up.
    pub fn laptop_name(&self) -> &str {
        &self.laptop
    }

    /// Names this laptop. Changes made from now on carry the new name.
    pub fn set_laptop_name(&mut self, name: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO settings (key, value) VALUES ('laptop_name', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = ?1",
                [name],
            )
            .map_err(|e| self.sqlite(e))?;
        self.laptop = name.to_owned();
        for doc in self.open_docs.values_mut() {
            doc.set_laptop(name);
        }
        Ok(())
    }

    /// Drops every document held in memory; the next use reloads it from disk. Called after a
    /// panic, when an in-memory document may hold a change that never reached the disk.
    pub fn forget_open_documents(&mut self) {
        self.open_docs.clear();
    }

    fn sqlite(&self, error: rusqlite::Error) -> CoreError {
        CoreError::from_sqlite(error, &self.data_dir)
    }

    /// The workshops for the home screen, most recently changed first.
    pub fn list(&self) -> Result<Vec<WorkshopSummary>> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT workshop_id, title, date, venue, persona_count, updated_at_ms
                 FROM workshop_index ORDER BY updated_at_ms DESC, title",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map([], |row| {
                let date: String = row.get(2)?;
                let updated_ms: i64 = row.get(5)?;
                Ok(WorkshopSummary {
                    id: WorkshopId(row.get(0)?),
                    title: row.get(1)?,
                    date: NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap_or_default(),
                    venue: row.get(3)?,
                    persona_count: row.get(4)?,
                    updated_at: DateTime::from_timestamp_millis(updated_ms).unwrap_or_default(),
                })
            })
            .map_err(|e| self.sqlite(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sqlite(e))
    }

    pub fn contains(&self, id: &WorkshopId) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT 1 FROM documents WHERE workshop_id = ?1",
                [&id.0],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.sqlite(e))
    }

    /// Creates a workshop document with its first personas and stores it durably.
    pub fn create(
        &mut self,
        id: WorkshopId,
        meta: &WorkshopMeta,
        personas: &[PersonaDraft],
    ) -> Result<WorkshopId> {
        let now = now_ms();
        let facts = crate::document::typed::meta_fields(meta);
        let mut doc = WorkshopDoc::create(&id.0, &facts, &self.laptop, &self.actor, now)
            .map_err(|e| CoreError::from_document(&id.0, e))?;
        for (offset, persona) in (0_i64..).zip(personas) {
            // One millisecond apart, so the cards keep the order they were given in.
            doc.add_persona(persona, now + offset)
                .map_err(|e| CoreError::from_document(&id.0, e))?;
        }
        self.insert_new(id, doc)
    }

    /// Stores a workshop that is not in the store yet (a new one, or one opened from a session
    /// file) and keeps it open.
    pub fn import(&mut self, mut doc: WorkshopDoc) -> Result<WorkshopId> {
        let id = WorkshopId(
            doc.workshop_id()
                .map_err(|e| CoreError::from_document("imported", e))?,
        );
        doc.set_laptop(&self.laptop);
        doc.automerge().set_actor(self.actor.clone());
        self.insert_new(id, doc)
    }

    fn insert_new(&mut self, id: WorkshopId, mut doc: WorkshopDoc) -> Result<WorkshopId> {
        let snapshot = doc.save();
        let data_dir = self.data_dir.clone();
        let sqlite = |e| CoreError::from_sqlite(e, &data_dir);
        let tx = self.conn.transaction().map_err(sqlite)?;
        tx.execute(
            "INSERT INTO documents (workshop_id, snapshot) VALUES (?1, ?2)",
            params![id.0, snapshot],
        )
        .map_err(sqlite)?;
        upsert_index(&tx, &id, &mut doc).map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        self.open_docs.insert(id.clone(), doc);
        Ok(id)
    }

    /// The stored bytes of a workshop: its snapshot followed by every change appended since.
    fn stored_bytes(&self, id: &WorkshopId) -> Result<Vec<u8>> {
        let snapshot: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT snapshot FROM documents WHERE workshop_id = ?1",
                [&id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sqlite(e))?;
        let mut bytes = snapshot.ok_or_else(|| CoreError::WorkshopNotFound(id.0.clone()))?;
        let mut statement = self
            .conn
            .prepare("SELECT bytes FROM changes WHERE workshop_id = ?1 ORDER BY seq")
            .map_err(|e| self.sqlite(e))?;
        let mut rows = statement.query([&id.0]).map_err(|e| self.sqlite(e))?;
        while let Some(row) = rows.next().map_err(|e| self.sqlite(e))? {
            let change: Vec<u8> = row.get(0).map_err(|e| self.sqlite(e))?;
            bytes.extend_from_slice(&change);
        }
        Ok(bytes)
    }

    /// The document of workshop `id`, loaded from disk on first use.
    fn doc(&mut self, id: &WorkshopId) -> Result<&mut WorkshopDoc> {
        if !self.open_docs.contains_key(id) {
            let bytes = self.stored_bytes(id)?;
            let mut doc = WorkshopDoc::load(&bytes, &self.actor)
                .map_err(|e| CoreError::from_document(&id.0, e))?;
            doc.set_laptop(&self.laptop);
            self.open_docs.insert(id.clone(), doc);
        }
        self.open_docs
            .get_mut(id)
            .ok_or_else(|| CoreError::WorkshopNotFound(id.0.clone()))
    }

    /// The whole workshop as the workshop page shows it.
    pub fn view(&mut self, id: &WorkshopId) -> Result<WorkshopView> {
        let doc = self.doc(id)?;
        let read = |e| CoreError::from_document(&id.0, e);
        let (meta, personas) = (doc.meta().map_err(read)?, doc.personas().map_err(read)?);
        let stacks = self.undo.get(id);
        Ok(WorkshopView {
            id: id.clone(),
            meta,
            personas,
            can_undo: stacks.is_some_and(undo::Stacks::can_undo),
            can_redo: stacks.is_some_and(undo::Stacks::can_redo),
        })
    }

    /// Applies `edit` to workshop `id` and makes it durable before returning.
    pub fn edit<T>(
        &mut self,
        id: &WorkshopId,
        edit: impl FnOnce(&mut WorkshopDoc, i64) -> Result<T>,
    ) -> Result<T> {
        let (value, before, after) = self.edit_durably(id, edit)?;
        if before != after {
            self.undo
                .entry(id.clone())
                .or_default()
                .record(before, after);
        }
        Ok(value)
    }

    /// Applies `edit` and makes it durable; returns its value and the heads before and after.
    fn edit_durably<T>(
        &mut self,
        id: &WorkshopId,
        edit: impl FnOnce(&mut WorkshopDoc, i64) -> Result<T>,
    ) -> Result<(T, Vec<automerge::ChangeHash>, Vec<automerge::ChangeHash>)> {
        let result = self.try_edit(id, edit);
        if result.is_err() {
            // Whatever the edit did in memory may not be on disk: reload from disk next time.
            self.open_docs.remove(id);
        }
        result
    }

    fn try_edit<T>(
        &mut self,
        id: &WorkshopId,
        edit: impl FnOnce(&mut WorkshopDoc, i64) -> Result<T>,
    ) -> Result<(T, Vec<automerge::ChangeHash>, Vec<automerge::ChangeHash>)> {
        let data_dir = self.data_dir.clone();
        let sqlite = |e| CoreError::from_sqlite(e, &data_dir);
        let doc = self.doc(id)?;
        let heads = doc.heads();
        let value = edit(doc, now_ms())?;
        let change = doc.changes_since(&heads);
        let after = doc.heads();
        let doc = self
            .open_docs
            .get_mut(id)
            .ok_or_else(|| CoreError::WorkshopNotFound(id.0.clone()))?;
        let tx = self.conn.transaction().map_err(sqlite)?;
        if !change.is_empty() {
            tx.execute(
                "INSERT INTO changes (workshop_id, bytes) VALUES (?1, ?2)",
                params![id.0, change],
            )
            .map_err(sqlite)?;
        }
        upsert_index(&tx, id, doc).map_err(sqlite)?;
        let pending: i64 = tx
            .query_row(
                "SELECT count(*) FROM changes WHERE workshop_id = ?1",
                [&id.0],
                |r| r.get(0),
            )
            .map_err(sqlite)?;
        if pending >= COMPACT_AFTER_CHANGES {
            tx.execute(
                "UPDATE documents SET snapshot = ?2 WHERE workshop_id = ?1",
                params![id.0, doc.save()],
            )
            .map_err(sqlite)?;
            tx.execute("DELETE FROM changes WHERE workshop_id = ?1", [&id.0])
                .map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)?;
        Ok((value, heads, after))
    }

    /// Rebuilds the home screen's index from the documents themselves.
    pub fn rebuild_index(&mut self) -> Result<()> {
        let ids: Vec<WorkshopId> = {
            let mut statement = self
                .conn
                .prepare("SELECT workshop_id FROM documents")
                .map_err(|e| self.sqlite(e))?;
            let rows = statement
                .query_map([], |r| Ok(WorkshopId(r.get(0)?)))
                .map_err(|e| self.sqlite(e))?;
            rows.collect::<rusqlite::Result<_>>()
                .map_err(|e| self.sqlite(e))?
        };
        self.open_docs.clear();
        let mut docs = Vec::with_capacity(ids.len());
        for id in ids {
            let bytes = self.stored_bytes(&id)?;
            // A damaged document stays stored (nothing is deleted) but is left out of the list.
            if let Ok(doc) = WorkshopDoc::load(&bytes, &self.actor) {
                docs.push((id, doc));
            }
        }
        let data_dir = self.data_dir.clone();
        let sqlite = |e| CoreError::from_sqlite(e, &data_dir);
        let tx = self.conn.transaction().map_err(sqlite)?;
        tx.execute("DELETE FROM workshop_index", [])
            .map_err(sqlite)?;
        for (id, doc) in &mut docs {
            upsert_index(&tx, id, doc).map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)
    }
}

/// Writes the index row of one workshop from its document.
fn upsert_index(conn: &Connection, id: &WorkshopId, doc: &mut WorkshopDoc) -> rusqlite::Result<()> {
    let Ok(meta) = doc.meta() else {
        return Ok(());
    };
    conn.execute(
        "INSERT INTO workshop_index (workshop_id, title, date, venue, persona_count, updated_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(workshop_id) DO UPDATE SET title = ?2, date = ?3, venue = ?4,
             persona_count = ?5, updated_at_ms = ?6",
        params![
            id.0,
            meta.title,
            meta.date.format("%Y-%m-%d").to_string(),
            meta.venue,
            doc.persona_count() as i64,
            doc.last_changed_ms(),
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod session_tests;
#[cfg(test)]
mod tests;
