//! The local store: one SQLite database in the data folder holding every workshop document.
//!
//! Invariant: when an edit method returns `Ok`, the edit is on disk and survives power loss — the
//! database runs in WAL mode with `synchronous=FULL`, and the change row is committed before we
//! answer. If the write fails, the in-memory copy is dropped so memory never runs ahead of disk.

mod backups;
mod facilitation;
mod map;
mod personal;
mod protection;
mod recent;
pub use recent::RECENT_FILES_KEPT;
mod schema;
pub use schema::SCHEMA_VERSION;
mod sessions;
mod undo;

use crate::data_dir::DataFolder;
use crate::document::WorkshopDoc;
use crate::error::{CoreError, FolderProblem};
use crate::protection::WorkshopKey;
use automerge::ActorId;
use chrono::{DateTime, NaiveDate, Utc};
use protection::Sealer;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use systematic_ipc::{PersonaDraft, WorkshopId, WorkshopMeta, WorkshopSummary, WorkshopView};

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "workshops.sqlite3";
/// A workshop's change log is folded into a new snapshot once it holds this many changes, or
/// once its bytes reach the snapshot's size: compaction costs the size of the whole document, so
/// tying it to the bytes written since keeps every edit's share of it small, however large the
/// workshop grows.
const COMPACT_AFTER_CHANGES: usize = 1_000;

/// The change log of one open workshop, for deciding when to compact.
#[derive(Debug, Clone, Default)]
struct Log {
    changes: usize,
    bytes: usize,
    snapshot_bytes: usize,
    /// `documents.generation` when this copy last read or wrote the snapshot.
    generation: i64,
    /// The index row last written for it, so an edit that changes nothing the home screen
    /// shows (but the time, by less than [`INDEX_TIME_SLACK_MS`]) writes no index page.
    indexed: Option<IndexRow>,
}

/// How stale the home screen's "last changed" time may get before an edit rewrites it.
const INDEX_TIME_SLACK_MS: i64 = 60_000;

/// One row of `workshop_index`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IndexRow {
    title: String,
    date: String,
    venue: String,
    persona_count: i64,
    updated_at_ms: i64,
}

impl IndexRow {
    fn of(doc: &mut WorkshopDoc) -> Option<Self> {
        let meta = doc.meta().ok()?;
        Some(Self {
            title: meta.title,
            date: meta.date.format("%Y-%m-%d").to_string(),
            venue: meta.venue,
            persona_count: doc.persona_count() as i64,
            updated_at_ms: doc.last_changed_ms(),
        })
    }

    /// Whether `self` (just computed) needs writing over `written`.
    fn differs_from(&self, written: &IndexRow) -> bool {
        self.title != written.title
            || self.date != written.date
            || self.venue != written.venue
            || self.persona_count != written.persona_count
            || self.updated_at_ms - written.updated_at_ms >= INDEX_TIME_SLACK_MS
    }
}

impl Log {
    fn wants_compaction(&self) -> bool {
        self.changes >= COMPACT_AFTER_CHANGES || self.bytes >= self.snapshot_bytes.max(4_096)
    }
}

type Result<T> = std::result::Result<T, CoreError>;

/// What each stored blob is, bound into its seal when the workshop is protected.
const SNAPSHOT: &str = "snapshot";
const CHANGE: &str = "change";

pub struct Store {
    conn: Connection,
    data_dir: PathBuf,
    actor: ActorId,
    /// The name this laptop was given at set-up, written into every change it makes.
    laptop: String,
    open_docs: HashMap<WorkshopId, WorkshopDoc>,
    /// The change log of each open workshop.
    logs: HashMap<WorkshopId, Log>,
    /// This laptop's own edits since the app started, per workshop, for undo and redo.
    undo: HashMap<WorkshopId, undo::Stacks>,
    /// When each workshop's newest backup was taken, once looked up.
    last_backup: HashMap<WorkshopId, i64>,
    /// The heads of the last backup this app took of each workshop.
    backed_up_heads: HashMap<WorkshopId, Vec<automerge::ChangeHash>>,
    /// The keys of the protected workshops unlocked in this run; never written anywhere.
    keys: HashMap<WorkshopId, WorkshopKey>,
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
            // Only this user may open the folder that holds people's stories.
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| folder_error(dir, &e))?;
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
        let database = data_dir.join(DATABASE_FILE);
        let mut conn = Connection::open(&database).map_err(sqlite)?;
        // Readable by this user only, in any folder; SQLite gives its -wal and -shm files the
        // database's permissions. (A read-only stick keeps what it has.)
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&database, std::fs::Permissions::from_mode(0o600));
        }
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
            logs: HashMap::new(),
            undo: HashMap::new(),
            last_backup: HashMap::new(),
            backed_up_heads: HashMap::new(),
            keys: HashMap::new(),
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
        self.logs.clear();
    }

    fn sqlite(&self, error: rusqlite::Error) -> CoreError {
        CoreError::from_sqlite(error, &self.data_dir)
    }

    /// The workshops for the home screen, most recently changed first.
    pub fn list(&self) -> Result<Vec<WorkshopSummary>> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT i.workshop_id, i.title, i.date, i.venue, i.persona_count, i.updated_at_ms,
                        p.workshop_id IS NOT NULL
                 FROM workshop_index i LEFT JOIN protection p ON p.workshop_id = i.workshop_id
                 ORDER BY i.updated_at_ms DESC, i.title",
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
                    protected: row.get(6)?,
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
        self.create_from(id, meta, personas, None, "en-GB", &[])
    }

    /// [`Self::create`], with the agenda of a method template (its words in `locale`).
    pub fn create_from(
        &mut self,
        id: WorkshopId,
        meta: &WorkshopMeta,
        personas: &[PersonaDraft],
        template: Option<&systematic_ipc::Template>,
        locale: &str,
        extras: &[systematic_ipc::Operation],
    ) -> Result<WorkshopId> {
        let start = NewDocument {
            id: &id,
            meta,
            personas,
            template,
            locale,
            extras,
        };
        let doc = start.build(&self.laptop, &self.actor, now_ms())?;
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

    /// A new workshop is never protected yet: its snapshot is stored plain.
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
        self.logs.insert(
            id.clone(),
            Log {
                snapshot_bytes: snapshot.len(),
                ..Log::default()
            },
        );
        self.open_docs.insert(id.clone(), doc);
        Ok(id)
    }

    /// The stored bytes of a workshop as they are on disk (sealed, when it is protected): the
    /// snapshot followed by every change appended since. Kept aside when a damaged workshop
    /// is replaced.
    fn stored_raw(&self, id: &WorkshopId) -> Result<Vec<u8>> {
        self.read_stored(id, None).map(|(bytes, _)| bytes)
    }

    /// The workshop's snapshot and change log, opened with its key when it is protected.
    fn stored(&self, id: &WorkshopId) -> Result<(Vec<u8>, Log)> {
        let sealer = Sealer::new(self.keys.get(id), &id.0);
        self.read_stored(id, Some(&sealer))
    }

    /// Reads the snapshot and the log of workshop `id`; each blob is opened by `sealer`, or
    /// kept as stored without one.
    fn read_stored(&self, id: &WorkshopId, sealer: Option<&Sealer<'_>>) -> Result<(Vec<u8>, Log)> {
        let open = |kind: &str, blob: Vec<u8>| match sealer {
            Some(sealer) => sealer.open(kind, blob),
            None => Ok(blob),
        };
        // One read transaction, so another copy's compaction cannot land between reading the
        // snapshot and reading the log.
        let _read = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.sqlite(e))?;
        let stored: Option<(Vec<u8>, i64)> = self
            .conn
            .query_row(
                "SELECT snapshot, generation FROM documents WHERE workshop_id = ?1",
                [&id.0],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sqlite(e))?;
        let (snapshot, generation) =
            stored.ok_or_else(|| CoreError::WorkshopNotFound(id.0.clone()))?;
        let mut log = Log {
            snapshot_bytes: snapshot.len(),
            generation,
            ..Log::default()
        };
        let mut bytes = open(SNAPSHOT, snapshot)?;
        let mut statement = self
            .conn
            .prepare("SELECT seq, bytes FROM change_log WHERE workshop_id = ?1 ORDER BY seq")
            .map_err(|e| self.sqlite(e))?;
        let mut rows = statement.query([&id.0]).map_err(|e| self.sqlite(e))?;
        while let Some(row) = rows.next().map_err(|e| self.sqlite(e))? {
            let change: Vec<u8> = row.get(1).map_err(|e| self.sqlite(e))?;
            log.changes += 1;
            log.bytes += change.len();
            bytes.extend_from_slice(&open(CHANGE, change)?);
        }
        Ok((bytes, log))
    }

    /// The document of workshop `id`, loaded from disk on first use.
    fn doc(&mut self, id: &WorkshopId) -> Result<&mut WorkshopDoc> {
        // Another copy of the app may have protected it since: then this copy's plain document
        // is dropped and it must be unlocked here too.
        self.settle_key(id)?;
        if !self.open_docs.contains_key(id) {
            let (bytes, log) = self.stored(id)?;
            self.logs.insert(id.clone(), log);
            let mut doc = WorkshopDoc::load(&bytes, &self.actor)
                .map_err(|e| CoreError::from_document(&id.0, e))?;
            doc.set_laptop(&self.laptop);
            self.open_docs.insert(id.clone(), doc);
        }
        self.open_docs
            .get_mut(id)
            .ok_or_else(|| CoreError::WorkshopNotFound(id.0.clone()))
    }

    /// A copy of workshop `id` to read away from the store (printing runs on its own thread
    /// while the facilitator goes on editing).
    pub fn snapshot(&mut self, id: &WorkshopId) -> Result<WorkshopDoc> {
        let laptop = self.laptop.clone();
        let actor = self.actor.clone();
        let bytes = self.doc(id)?.save();
        let mut copy =
            WorkshopDoc::load(&bytes, &actor).map_err(|e| CoreError::from_document(&id.0, e))?;
        copy.set_laptop(&laptop);
        Ok(copy)
    }

    /// The whole workshop as the workshop page shows it.
    pub fn view(&mut self, id: &WorkshopId) -> Result<WorkshopView> {
        let doc = self.doc(id)?;
        let read = |e| CoreError::from_document(&id.0, e);
        let (meta, personas) = (doc.meta().map_err(read)?, doc.personas().map_err(read)?);
        let protected = self.is_protected(id)?;
        let stacks = self.undo.get(id);
        Ok(WorkshopView {
            id: id.clone(),
            meta,
            personas,
            can_undo: stacks.is_some_and(undo::Stacks::can_undo),
            can_redo: stacks.is_some_and(undo::Stacks::can_redo),
            protected,
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
            self.logs.remove(id);
        } else {
            self.back_up_now_and_then(id);
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
        let mut log = self.logs.get(id).cloned().unwrap_or_default();
        let sealer = Sealer::new(self.keys.get(id), &id.0);
        let tx = self.conn.transaction().map_err(sqlite)?;
        // Checked again inside the transaction: another copy of the app protecting it between
        // `doc` above and this write must not get a plain change into it (its commit makes
        // this transaction's write fail as busy, or this read see the protection).
        let protected_now = protection::stored_protection(&tx, id)
            .map_err(sqlite)?
            .is_some();
        if protected_now != sealer.has_key() {
            return Err(CoreError::Locked(id.0.clone()));
        }
        if !change.is_empty() {
            let change = sealer.seal(CHANGE, change);
            // The sequence number is found inside the transaction (a seek to the end of this
            // workshop's log), so a second copy of the app on the same folder cannot collide.
            tx.prepare_cached(
                "INSERT INTO change_log (workshop_id, seq, bytes) VALUES (?1,
                 (SELECT coalesce(max(seq), 0) + 1 FROM change_log WHERE workshop_id = ?1), ?2)",
            )
            .and_then(|mut insert| insert.execute(params![id.0, change]))
            .map_err(sqlite)?;
            log.changes += 1;
            log.bytes += change.len();
        }
        if let Some(row) = IndexRow::of(doc) {
            if log
                .indexed
                .as_ref()
                .is_none_or(|written| row.differs_from(written))
            {
                write_index_row(&tx, id, &row).map_err(sqlite)?;
                log.indexed = Some(row);
            }
        }
        if log.wants_compaction() {
            fold_in_other_writers(&tx, id, doc, &log, &data_dir, &sealer)?;
            let (snapshot_bytes, generation) =
                replace_snapshot(&tx, id, doc, &sealer).map_err(sqlite)?;
            log = Log {
                snapshot_bytes,
                generation,
                indexed: log.indexed,
                ..Log::default()
            };
        }
        tx.commit().map_err(sqlite)?;
        // Only once the transaction is committed does the log match the disk.
        self.logs.insert(id.clone(), log);
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
        self.logs.clear();
        let mut docs = Vec::with_capacity(ids.len());
        for id in ids {
            let bytes = match self.stored(&id) {
                Ok((bytes, _)) => bytes,
                // A locked workshop keeps the row it has (below): it cannot be read to rebuild
                // it. A damaged one is left out of the list, as below.
                Err(CoreError::Locked(_) | CoreError::Damaged { .. }) => continue,
                Err(other) => return Err(other),
            };
            // A damaged document stays stored (nothing is deleted) but is left out of the list.
            if let Ok(doc) = WorkshopDoc::load(&bytes, &self.actor) {
                docs.push((id, doc));
            }
        }
        let data_dir = self.data_dir.clone();
        let sqlite = |e| CoreError::from_sqlite(e, &data_dir);
        let tx = self.conn.transaction().map_err(sqlite)?;
        tx.execute(
            "DELETE FROM workshop_index
             WHERE workshop_id NOT IN (SELECT workshop_id FROM protection)",
            [],
        )
        .map_err(sqlite)?;
        for (id, doc) in &mut docs {
            upsert_index(&tx, id, doc).map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)
    }
}

/// Makes `doc` the workshop's snapshot and empties its change log (inside the caller's
/// transaction); returns the snapshot's size and its new generation.
fn replace_snapshot(
    tx: &Connection,
    id: &WorkshopId,
    doc: &mut WorkshopDoc,
    sealer: &Sealer<'_>,
) -> rusqlite::Result<(usize, i64)> {
    let snapshot = sealer.seal(SNAPSHOT, doc.save_uncompressed());
    let generation: i64 = tx.query_row(
        "UPDATE documents SET snapshot = ?2, generation = generation + 1
         WHERE workshop_id = ?1 RETURNING generation",
        params![id.0, snapshot],
        |r| r.get(0),
    )?;
    tx.execute("DELETE FROM change_log WHERE workshop_id = ?1", [&id.0])?;
    Ok((snapshot.len(), generation))
}

/// Before a compaction replaces the snapshot and empties the log: if another copy of the app on
/// the same folder rewrote the snapshot or appended changes since this copy read them, they are
/// loaded into `doc` first, so the new snapshot holds them all and nothing is lost.
fn fold_in_other_writers(
    tx: &Connection,
    id: &WorkshopId,
    doc: &mut WorkshopDoc,
    log: &Log,
    data_dir: &Path,
    sealer: &Sealer<'_>,
) -> Result<()> {
    let sqlite = |e| CoreError::from_sqlite(e, data_dir);
    let (generation, rows): (i64, i64) = tx
        .query_row(
            "SELECT generation, (SELECT count(*) FROM change_log WHERE workshop_id = ?1)
             FROM documents WHERE workshop_id = ?1",
            [&id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(sqlite)?;
    let damaged = |e| CoreError::from_document(&id.0, e);
    if generation != log.generation {
        let snapshot: Vec<u8> = tx
            .query_row(
                "SELECT snapshot FROM documents WHERE workshop_id = ?1",
                [&id.0],
                |r| r.get(0),
            )
            .map_err(sqlite)?;
        let snapshot = sealer.open(SNAPSHOT, snapshot)?;
        doc.load_incremental(&snapshot).map_err(damaged)?;
    }
    if generation != log.generation || usize::try_from(rows).ok() != Some(log.changes) {
        let mut statement = tx
            .prepare_cached("SELECT bytes FROM change_log WHERE workshop_id = ?1 ORDER BY seq")
            .map_err(sqlite)?;
        let mut found = statement.query([&id.0]).map_err(sqlite)?;
        while let Some(row) = found.next().map_err(sqlite)? {
            let bytes: Vec<u8> = row.get(0).map_err(sqlite)?;
            let bytes = sealer.open(CHANGE, bytes)?;
            doc.load_incremental(&bytes).map_err(damaged)?;
        }
    }
    Ok(())
}

/// Writes the index row of one workshop from its document.
fn upsert_index(conn: &Connection, id: &WorkshopId, doc: &mut WorkshopDoc) -> rusqlite::Result<()> {
    match IndexRow::of(doc) {
        Some(row) => write_index_row(conn, id, &row),
        None => Ok(()),
    }
}

fn write_index_row(conn: &Connection, id: &WorkshopId, row: &IndexRow) -> rusqlite::Result<()> {
    let mut upsert = conn.prepare_cached(
        "INSERT INTO workshop_index (workshop_id, title, date, venue, persona_count, updated_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(workshop_id) DO UPDATE SET title = ?2, date = ?3, venue = ?4,
             persona_count = ?5, updated_at_ms = ?6",
    )?;
    upsert.execute(params![
        id.0,
        row.title,
        row.date,
        row.venue,
        row.persona_count,
        row.updated_at_ms,
    ])?;
    Ok(())
}

#[cfg(test)]
mod session_tests;
#[cfg(test)]
mod tests;

/// Everything a new workshop document starts from.
pub struct NewDocument<'a> {
    pub id: &'a WorkshopId,
    pub meta: &'a WorkshopMeta,
    pub personas: &'a [PersonaDraft],
    pub template: Option<&'a systematic_ipc::Template>,
    pub locale: &'a str,
    /// Operations applied after the agenda, as one change (the demo's contract statements).
    pub extras: &'a [systematic_ipc::Operation],
}

impl NewDocument<'_> {
    /// The document, made on `laptop` by `actor` at `now`: facts, then the template's agenda,
    /// then the extras, then the personas one millisecond apart (so cards keep their order).
    pub fn build(&self, laptop: &str, actor: &automerge::ActorId, now: i64) -> Result<WorkshopDoc> {
        let id = &self.id.0;
        let facts = crate::document::typed::meta_fields(self.meta);
        let mut doc = WorkshopDoc::create(id, &facts, laptop, actor, now)
            .map_err(|e| CoreError::from_document(id, e))?;
        if let Some(template) = self.template {
            crate::facilitation::add_agenda(&mut doc, template, self.locale, now)
                .map_err(|e| CoreError::from_document(id, e))?;
            doc.commit(&format!("agenda from {}", template.name), now);
        }
        crate::ops::apply_all(&mut doc, self.extras, now)
            .map_err(|e| CoreError::from_document(id, e))?;
        for (offset, persona) in (0_i64..).zip(self.personas) {
            doc.add_persona(persona, now + offset)
                .map_err(|e| CoreError::from_document(id, e))?;
        }
        Ok(doc)
    }
}
