//! Rolling backups: each workshop keeps its newest [`BACKUPS_KEPT`] snapshots as session files in
//! `<data folder>/backups/<workshop id>/`. One is taken after an edit when the newest is older
//! than [`BACKUP_EVERY_MS`], and one before anything that rewrites the document wholesale (a
//! merge, restoring a backup). They are ordinary session files, so they also open by hand.
//!
//! A backup is a second copy on the same disk: it guards against a damaged database or document
//! and against a wrong merge, not against losing the laptop (docs/SECURITY.md).

use super::{now_ms, upsert_index, Result, Store};
use crate::document::WorkshopDoc;
use crate::error::CoreError;
use crate::session_file;
use std::path::PathBuf;
use systematic_ipc::{Backup, WorkshopId};

/// What a backup is, bound into its seal when the workshop is protected.
const BACKUP: &str = "backup";

/// The folder of backups inside the data folder.
pub const BACKUP_FOLDER: &str = "backups";
/// How many backups each workshop keeps; the oldest goes when a new one is taken.
pub const BACKUPS_KEPT: usize = 12;
/// How long after the newest backup an edit takes another: with twelve kept, about the last
/// two hours of a workshop day, and its start when it was quieter.
pub const BACKUP_EVERY_MS: i64 = 10 * 60 * 1000;

/// A backup's file name from its time, "20261206-143005-123.systematic" (UTC), so names sort
/// by time and say it.
fn file_name(time_ms: i64) -> String {
    let time = chrono::DateTime::from_timestamp_millis(time_ms).unwrap_or_default();
    format!(
        "{}.{}",
        time.format("%Y%m%d-%H%M%S-%3f"),
        session_file::EXTENSION
    )
}

/// The time in a backup's file name, or `None` when the name is not one of ours.
fn time_of(name: &str) -> Option<i64> {
    let stem = name.strip_suffix(&format!(".{}", session_file::EXTENSION))?;
    let time = chrono::NaiveDateTime::parse_from_str(stem, "%Y%m%d-%H%M%S-%3f").ok()?;
    Some(time.and_utc().timestamp_millis())
}

impl Store {
    pub(super) fn backup_folder(&self, id: &WorkshopId) -> Result<PathBuf> {
        // Ids are checked when a workshop is made; one that could leave the folder never is.
        crate::model::check_id(&id.0)?;
        Ok(self.data_dir.join(BACKUP_FOLDER).join(&id.0))
    }

    /// Workshop `id`'s backups, newest first.
    pub fn backups(&self, id: &WorkshopId) -> Result<Vec<Backup>> {
        let folder = self.backup_folder(id)?;
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return Ok(Vec::new());
        };
        let mut found: Vec<Backup> = entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let taken_at = time_of(&name)?;
                let bytes = entry.metadata().ok()?.len();
                Some(Backup {
                    name,
                    taken_at,
                    bytes,
                })
            })
            .collect();
        found.sort_by_key(|b| std::cmp::Reverse(b.taken_at));
        Ok(found)
    }

    /// Takes a backup of workshop `id` now and drops the oldest beyond [`BACKUPS_KEPT`]. When
    /// nothing changed since the last backup this app took, that one is answered instead, so a
    /// run of merges or restores does not push the older backups out.
    pub fn back_up(&mut self, id: &WorkshopId) -> Result<Backup> {
        let folder = self.backup_folder(id)?;
        let heads = self.doc(id)?.heads();
        if self.backed_up_heads.get(id) == Some(&heads) {
            if let Some(newest) = self.backups(id)?.into_iter().next() {
                return Ok(newest);
            }
        }
        let bytes = session_file::to_bytes(self.doc(id)?)?;
        // A protected workshop's backups are sealed with its key, as its database rows are.
        self.settle_key(id)?;
        let bytes = super::protection::Sealer::new(self.keys.get(id), &id.0).seal(BACKUP, bytes);
        // Only this user may open the copies of people's stories.
        {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(&folder)
                .map_err(|e| super::folder_error(&folder, &e))?;
        }
        let mut taken_at = now_ms();
        // Two backups in one millisecond (a merge right after an edit) keep both.
        while folder.join(file_name(taken_at)).exists() {
            taken_at += 1;
        }
        let name = file_name(taken_at);
        let path = folder.join(&name);
        session_file::write_atomically(&path, &bytes)?;
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
        }
        self.last_backup.insert(id.clone(), taken_at);
        self.backed_up_heads.insert(id.clone(), heads);
        // A protect that stopped half way left plain backups: seal them now.
        let _ = self.sweep_backups(id);
        for old in self.backups(id)?.iter().skip(BACKUPS_KEPT) {
            let _ = std::fs::remove_file(folder.join(&old.name));
        }
        Ok(Backup {
            name,
            taken_at,
            bytes: bytes.len() as u64,
        })
    }

    /// After an edit: a backup when the newest is older than [`BACKUP_EVERY_MS`] (or dated in
    /// the future: a clock that was wrong). A backup that cannot be written (a full disk) never
    /// fails the edit, which is saved already, and is tried again only after the same interval.
    pub(super) fn back_up_now_and_then(&mut self, id: &WorkshopId) {
        let newest = match self.last_backup.get(id) {
            Some(time) => *time,
            None => {
                let time = self
                    .backups(id)
                    .ok()
                    .and_then(|list| list.first().map(|b| b.taken_at))
                    .unwrap_or(i64::MIN);
                self.last_backup.insert(id.clone(), time);
                time
            }
        };
        let now = now_ms();
        if now.saturating_sub(newest) >= BACKUP_EVERY_MS || newest > now {
            self.last_backup.insert(id.clone(), now);
            let _ = self.back_up(id);
        }
    }

    /// Seals every plain backup (and kept damaged copy) of protected workshop `id`, which must
    /// be unlocked: after protecting it, and again on every unlock and backup, so a protect
    /// that stopped half way is finished. Keeps going past a file it cannot rewrite and
    /// answers the first failure at the end.
    pub(super) fn sweep_backups(&mut self, id: &WorkshopId) -> Result<()> {
        let Some(key) = self.keys.get(id) else {
            return Ok(());
        };
        let sealer = super::protection::Sealer::new(Some(key), &id.0);
        self.rewrite_backups(id, |kind, stored| {
            (!crate::protection::is_sealed(stored)).then(|| Ok(sealer.seal(kind, stored.to_vec())))
        })
    }

    /// Opens every sealed backup of workshop `id` back to plain, before its protection is
    /// removed. A kept damaged copy that does not open stays as it is.
    pub(super) fn unseal_backups(&mut self, id: &WorkshopId) -> Result<()> {
        let Some(key) = self.keys.get(id) else {
            return Err(CoreError::Locked(id.0.clone()));
        };
        let sealer = super::protection::Sealer::new(Some(key), &id.0);
        self.rewrite_backups(id, |kind, stored| {
            if !crate::protection::is_sealed(stored) {
                return None;
            }
            match key.open(&format!("{}/{kind}", id.0), stored) {
                Ok(plain) => Some(Ok(plain)),
                Err(_) if kind == "damaged" => None,
                Err(_) => Some(sealer.open(kind, stored.to_vec())),
            }
        })
    }

    /// Rewrites each backup file of workshop `id` that `change` answers new bytes for. The new
    /// file is written and synced beside the old one first; only then is the old one overwritten
    /// with zeros (so its bytes do not linger in its blocks on an ordinary disk; a flash disk
    /// may keep them anyway, docs/SECURITY.md) and the new one renamed over it.
    fn rewrite_backups(
        &self,
        id: &WorkshopId,
        change: impl Fn(&str, &[u8]) -> Option<Result<Vec<u8>>>,
    ) -> Result<()> {
        let folder = self.backup_folder(id)?;
        let Ok(entries) = std::fs::read_dir(&folder) else {
            return Ok(());
        };
        let mut first_failure = None;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let kind = if time_of(&name).is_some() {
                BACKUP
            } else if name.starts_with("damaged-") && name.ends_with(".bin") {
                "damaged"
            } else {
                continue;
            };
            let rewritten = std::fs::read(&path)
                .map_err(|e| super::folder_error(&path, &e))
                .and_then(|stored| match change(kind, &stored) {
                    None => Ok(()),
                    Some(Err(e)) => Err(e),
                    Some(Ok(bytes)) => replace_file(&path, stored.len(), &bytes),
                });
            if let Err(error) = rewritten {
                first_failure.get_or_insert(error);
            }
        }
        first_failure.map_or(Ok(()), Err)
    }

    /// Brings workshop `id` back to backup `name`, as one new change that undo can take back;
    /// a backup of the present state is taken first. When the stored workshop is damaged and
    /// cannot be opened, the backup takes its place, and the damaged bytes are kept beside the
    /// backups (nothing is deleted).
    pub fn restore_backup(&mut self, id: &WorkshopId, name: &str) -> Result<()> {
        if time_of(name).is_none() || name.contains(['/', '\\']) {
            return Err(CoreError::BackupNotFound(name.to_owned()));
        }
        let path = self.backup_folder(id)?.join(name);
        if !path.is_file() {
            return Err(CoreError::BackupNotFound(name.to_owned()));
        }
        let stored = session_file::read_capped(&path)?;
        self.settle_key(id)?;
        let bytes =
            super::protection::Sealer::new(self.keys.get(id), &id.0).open(BACKUP, stored)?;
        let (header, mut backup) = session_file::from_outside_bytes(&bytes, &self.actor)?;
        if header.workshop_id != id.0 {
            return Err(CoreError::BackupNotFound(name.to_owned()));
        }
        let target = backup.heads();
        match self.doc(id) {
            Ok(_) => {}
            // Only a document that no longer opens is replaced; any other trouble (a busy
            // database) is reported as it is.
            Err(CoreError::Damaged { .. }) => return self.replace_damaged(id, backup),
            Err(other) => return Err(other),
        }
        self.back_up(id)?;
        self.edit(id, |doc, now| {
            // The backup's changes are (nearly always) in the document already; merging first
            // makes the way back exist even when they are not.
            doc.automerge()
                .merge(backup.automerge())
                .map_err(|e| CoreError::from_document(&id.0, e.into()))?;
            let current = doc.heads();
            doc.revert(&target, &current)
                .map_err(|e| CoreError::from_document(&id.0, e))?;
            doc.commit("restore a backup", now);
            Ok(())
        })
    }

    /// Puts `backup` in place of a stored workshop that no longer opens, keeping the damaged
    /// bytes as `damaged-<time>.bin` in the workshop's backup folder.
    fn replace_damaged(&mut self, id: &WorkshopId, mut backup: WorkshopDoc) -> Result<()> {
        let folder = self.backup_folder(id)?;
        // As stored: still sealed, when the workshop is protected.
        let damaged = self.stored_raw(id)?;
        let keep = folder.join(format!("damaged-{}.bin", now_ms()));
        session_file::write_atomically(&keep, &damaged)?;
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&keep, std::fs::Permissions::from_mode(0o600));
        }
        backup.set_laptop(&self.laptop);
        let data_dir = self.data_dir.clone();
        let sqlite = |e| CoreError::from_sqlite(e, &data_dir);
        let sealer = super::protection::Sealer::new(self.keys.get(id), &id.0);
        let tx = self.conn.transaction().map_err(sqlite)?;
        let (snapshot_bytes, generation) =
            super::replace_snapshot(&tx, id, &mut backup, &sealer).map_err(sqlite)?;
        upsert_index(&tx, id, &mut backup).map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        self.logs.insert(
            id.clone(),
            super::Log {
                snapshot_bytes,
                generation,
                ..super::Log::default()
            },
        );
        self.open_docs.insert(id.clone(), backup);
        self.undo.remove(id);
        Ok(())
    }
}

/// Puts `bytes` in place of the file at `path` (`old_length` bytes long): the new file is
/// written and synced under another name, then the old one is overwritten with zeros (best
/// effort), then the new one is renamed over it. A failure before the rename leaves the old
/// file; one after the zeros leaves the new file beside it, complete.
fn replace_file(path: &std::path::Path, old_length: usize, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let fresh = path.with_extension("rewritten");
    session_file::write_atomically(&fresh, bytes)?;
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o600));
    }
    if let Ok(mut file) = std::fs::OpenOptions::new().write(true).open(path) {
        let _ = file
            .write_all(&vec![0; old_length])
            .and_then(|()| file.sync_all());
    }
    std::fs::rename(&fresh, path).map_err(|e| super::folder_error(path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_by_time_and_read_back() {
        let time = 1_796_000_000_123;
        let name = file_name(time);
        assert_eq!(time_of(&name), Some(time));
        assert!(file_name(time) < file_name(time + 1));
        assert_eq!(time_of("../../etc/passwd"), None);
        assert_eq!(time_of("damaged-1.bin"), None);
    }
}

#[cfg(test)]
mod store_tests {
    use super::*;
    use crate::data_dir::DataFolder;
    use systematic_ipc::{PersonaDraft, WorkshopMeta};

    fn store(dir: &std::path::Path) -> Store {
        Store::open(&DataFolder::chosen(dir)).unwrap()
    }

    fn workshop(store: &mut Store) -> WorkshopId {
        let meta = WorkshopMeta {
            title: "Esther".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            venue: String::new(),
            facilitator: String::new(),
        };
        store
            .create(WorkshopId("w-backups".into()), &meta, &[])
            .unwrap()
    }

    fn add(store: &mut Store, id: &WorkshopId, name: &str) {
        let draft = PersonaDraft {
            name: name.into(),
            ..PersonaDraft::default()
        };
        store
            .edit(id, |doc, now| Ok(doc.add_persona(&draft, now)))
            .unwrap()
            .unwrap();
    }

    fn names(store: &mut Store, id: &WorkshopId) -> Vec<String> {
        let mut names: Vec<String> = store
            .view(id)
            .unwrap()
            .personas
            .into_iter()
            .map(|p| p.details.name)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_first_edit_takes_a_backup_and_the_next_ones_wait() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store(dir.path());
        let id = workshop(&mut store);
        add(&mut store, &id, "Esther");
        add(&mut store, &id, "Britt-Marie");
        let backups = store.backups(&id).unwrap();
        assert_eq!(backups.len(), 1, "{backups:?}");
        let path = dir
            .path()
            .join(BACKUP_FOLDER)
            .join(&id.0)
            .join(&backups[0].name);
        let (_, doc) = session_file::read(&path, &automerge::ActorId::random()).unwrap();
        assert_eq!(
            doc.personas().unwrap().len(),
            1,
            "taken after the first edit"
        );
    }

    #[test]
    fn only_the_newest_backups_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store(dir.path());
        let id = workshop(&mut store);
        let mut taken = Vec::new();
        for n in 0..BACKUPS_KEPT + 3 {
            add(&mut store, &id, &format!("Persona {n}"));
            taken.push(store.back_up(&id).unwrap().name);
        }
        let kept: Vec<String> = store
            .backups(&id)
            .unwrap()
            .into_iter()
            .map(|b| b.name)
            .collect();
        taken.reverse();
        assert_eq!(kept, taken[..BACKUPS_KEPT]);
    }

    #[test]
    fn restoring_a_backup_is_a_change_that_undo_takes_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store(dir.path());
        let id = workshop(&mut store);
        add(&mut store, &id, "Esther");
        let backup = store.back_up(&id).unwrap();
        add(&mut store, &id, "Britt-Marie");
        store.restore_backup(&id, &backup.name).unwrap();
        assert_eq!(names(&mut store, &id), ["Esther"]);
        // The first edit's backup (the one restored: taking another changed nothing) and the
        // state before the restore.
        assert_eq!(
            store.backups(&id).unwrap().len(),
            2,
            "the state before is kept too"
        );
        assert!(store.undo(&id).unwrap());
        assert_eq!(names(&mut store, &id), ["Britt-Marie", "Esther"]);
    }

    #[test]
    fn a_damaged_workshop_is_replaced_by_its_backup_and_kept_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let id = {
            let mut store = store(dir.path());
            let id = workshop(&mut store);
            add(&mut store, &id, "Esther");
            id
        };
        let name = {
            let store = store(dir.path());
            let name = store.backups(&id).unwrap()[0].name.clone();
            store
                .conn
                .execute(
                    "UPDATE documents SET snapshot = x'00ff00ff' WHERE workshop_id = ?1",
                    [&id.0],
                )
                .unwrap();
            store
                .conn
                .execute("DELETE FROM change_log WHERE workshop_id = ?1", [&id.0])
                .unwrap();
            name
        };
        let mut store = store(dir.path());
        assert!(store.view(&id).is_err(), "the workshop is damaged");
        store.restore_backup(&id, &name).unwrap();
        assert_eq!(names(&mut store, &id), ["Esther"]);
        let kept: Vec<String> = std::fs::read_dir(dir.path().join(BACKUP_FOLDER).join(&id.0))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("damaged-"))
            .collect();
        assert_eq!(kept.len(), 1);
        let mut reopened = Store::open(&DataFolder::chosen(dir.path())).unwrap();
        assert_eq!(names(&mut reopened, &id), ["Esther"]);
    }

    #[test]
    fn only_this_workshops_backups_by_their_own_names_can_be_restored() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store(dir.path());
        let id = workshop(&mut store);
        for name in [
            "../../workshops.sqlite3",
            "20261206-143005-123.systematic",
            "x",
        ] {
            let error = store.restore_backup(&id, name).unwrap_err();
            assert!(
                matches!(error, CoreError::BackupNotFound(_)),
                "{name}: {error}"
            );
        }
    }

    #[test]
    fn nothing_changed_means_no_new_backup_and_the_copies_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mut store = store(dir.path());
        let id = workshop(&mut store);
        let first = store.back_up(&id).unwrap();
        assert_eq!(store.back_up(&id).unwrap(), first);
        assert_eq!(store.backups(&id).unwrap().len(), 1);
        let folder = dir.path().join(BACKUP_FOLDER).join(&id.0);
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&folder.join(&first.name)), 0o600);
    }

    #[test]
    fn a_merge_keeps_the_state_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = store(dir.path());
        let id = workshop(&mut store);
        let file = dir.path().join("copy.systematic");
        add(&mut store, &id, "Esther");
        store.save_session_file(&id, &file, None).unwrap();
        add(&mut store, &id, "Britt-Marie");
        let before = store.backups(&id).unwrap().len();
        store
            .merge_session_files(&id, &[&file], false, None)
            .unwrap();
        assert_eq!(store.backups(&id).unwrap().len(), before + 1);
    }
}
