//! Workshops protected with a passphrase, in the store: every blob of a protected workshop is
//! sealed (`crate::protection`) before it reaches SQLite or the backup folder, and opened
//! after it is read. The table `protection` holds each protected workshop's key settings and a
//! verifier; the key itself is in memory only while the workshop is unlocked.
//!
//! What stays readable in the database: the workshop's id and the home screen's index row
//! (title, date, venue, persona count), so a locked workshop can still be listed and unlocked.

use super::{Result, Store};
use crate::error::CoreError;
use crate::protection::{self, KeySettings, WorkshopKey};
use rusqlite::{params, Connection, OptionalExtension};
use systematic_ipc::WorkshopId;

/// Seals and opens the blobs of one workshop: with its key when it is protected (and
/// unlocked), as plain bytes when it is not.
pub(super) struct Sealer<'a> {
    key: Option<&'a WorkshopKey>,
    id: &'a str,
}

impl<'a> Sealer<'a> {
    pub(super) fn new(key: Option<&'a WorkshopKey>, id: &'a str) -> Self {
        Self { key, id }
    }

    /// Whether blobs are sealed (the workshop is protected and unlocked).
    pub(super) fn has_key(&self) -> bool {
        self.key.is_some()
    }

    fn purpose(&self, kind: &str) -> String {
        format!("{}/{kind}", self.id)
    }

    /// `bytes` as they are to be stored: sealed for `kind` when the workshop has a key.
    pub(super) fn seal(&self, kind: &str, bytes: Vec<u8>) -> Vec<u8> {
        match self.key {
            Some(key) => key.seal(&self.purpose(kind), &bytes),
            None => bytes,
        }
    }

    /// Stored bytes made usable: a sealed blob needs the key (`Locked` without it, `Damaged`
    /// when it does not open); plain bytes pass as they are.
    pub(super) fn open(&self, kind: &str, stored: Vec<u8>) -> Result<Vec<u8>> {
        if !protection::is_sealed(&stored) {
            // A protected workshop's rows are all rewritten sealed in the transaction that
            // protects it: a plain one since is planted or a bug, never to be trusted. (Backups
            // are files, resealed after that transaction: a plain one waits for the next sweep.)
            if self.key.is_some() && kind != "backup" {
                return Err(CoreError::Damaged {
                    id: self.id.to_owned(),
                    detail: format!("{kind}: a plain copy in a protected workshop"),
                });
            }
            return Ok(stored);
        }
        let key = self
            .key
            .ok_or_else(|| CoreError::Locked(self.id.to_owned()))?;
        key.open(&self.purpose(kind), &stored)
            .map_err(|e| CoreError::Damaged {
                id: self.id.to_owned(),
                detail: format!("{kind}: {e}"),
            })
    }

    /// A text column (personal details) as stored: sealed text is a blob.
    pub(super) fn seal_text(&self, kind: &str, text: &str) -> rusqlite::types::Value {
        match self.key {
            Some(_) => rusqlite::types::Value::Blob(self.seal(kind, text.as_bytes().to_vec())),
            None => rusqlite::types::Value::Text(text.to_owned()),
        }
    }

    /// A text column read back.
    pub(super) fn open_text(&self, kind: &str, stored: rusqlite::types::Value) -> Result<String> {
        match stored {
            rusqlite::types::Value::Text(text) => Ok(text),
            rusqlite::types::Value::Blob(blob) => {
                let bytes = self.open(kind, blob)?;
                String::from_utf8(bytes).map_err(|e| CoreError::Damaged {
                    id: self.id.to_owned(),
                    detail: e.to_string(),
                })
            }
            _ => Ok(String::new()),
        }
    }
}

/// Workshop `id`'s key settings and verifier, when it is protected.
pub(super) fn stored_protection(
    conn: &Connection,
    id: &WorkshopId,
) -> rusqlite::Result<Option<(KeySettings, Vec<u8>)>> {
    conn.query_row(
        "SELECT salt, log_n, verifier FROM protection WHERE workshop_id = ?1",
        [&id.0],
        |r| {
            Ok((
                KeySettings {
                    salt: r.get(0)?,
                    log_n: r.get(1)?,
                },
                r.get(2)?,
            ))
        },
    )
    .optional()
}

impl Store {
    /// Whether workshop `id` is protected with a passphrase.
    pub fn is_protected(&self, id: &WorkshopId) -> Result<bool> {
        stored_protection(&self.conn, id)
            .map(|found| found.is_some())
            .map_err(|e| self.sqlite(e))
    }

    /// Makes the key in memory agree with the database, which another copy of the app on the
    /// same folder may have changed: no key for a workshop that is not protected (any more),
    /// and only the key that opens its stored verifier for one that is. `Locked` when it is
    /// protected and no such key is here; then its open document is dropped too.
    pub(super) fn settle_key(&mut self, id: &WorkshopId) -> Result<()> {
        let stored = stored_protection(&self.conn, id).map_err(|e| self.sqlite(e))?;
        let valid = match (&stored, self.keys.get(id)) {
            (None, _) => {
                self.keys.remove(id);
                return Ok(());
            }
            (Some((_, verifier)), Some(key)) => key.opens(verifier),
            (Some(_), None) => false,
        };
        if valid {
            return Ok(());
        }
        self.keys.remove(id);
        self.open_docs.remove(id);
        self.logs.remove(id);
        Err(CoreError::Locked(id.0.clone()))
    }

    /// Whether workshop `id` is protected and its key is not in memory.
    pub fn is_locked(&mut self, id: &WorkshopId) -> Result<bool> {
        match self.settle_key(id) {
            Ok(()) => Ok(false),
            Err(CoreError::Locked(_)) => Ok(true),
            Err(other) => Err(other),
        }
    }

    /// Unlocks workshop `id` for this run. A wrong passphrase changes nothing.
    pub fn unlock(&mut self, id: &WorkshopId, passphrase: &str) -> Result<()> {
        let (settings, verifier) = stored_protection(&self.conn, id)
            .map_err(|e| self.sqlite(e))?
            .ok_or(CoreError::NotProtected)?;
        let key = protection::unlock(passphrase, &settings, &verifier)?;
        self.keys.insert(id.clone(), key);
        // Backups a protect that stopped half way left plain are sealed now; failing to is
        // not a reason to refuse the unlock.
        let _ = self.sweep_backups(id);
        Ok(())
    }

    /// Forgets workshop `id`'s key and its open document: it opens again only with the
    /// passphrase.
    pub fn lock(&mut self, id: &WorkshopId) {
        self.keys.remove(id);
        self.open_docs.remove(id);
        self.logs.remove(id);
    }

    /// Protects workshop `id` with `passphrase`: its document, personal details and backups are
    /// rewritten sealed, the plain copies are overwritten on disk (`secure_delete`, then a
    /// checkpoint of the write-ahead log), and it stays unlocked for this run.
    pub fn protect(&mut self, id: &WorkshopId, passphrase: &str) -> Result<()> {
        protection::check_new_passphrase(passphrase)?;
        if self.is_protected(id)? {
            return Err(CoreError::AlreadyProtected);
        }
        // The whole document in memory; changes another copy appends meanwhile are folded in
        // inside the rewrite's transaction.
        self.doc(id)?;
        let settings = KeySettings::new();
        let key = WorkshopKey::derive(passphrase, &settings)?;
        let details = self.all_personal_details(id)?;
        self.rewrite(id, None, Some((key, settings)), &details)?;
        // The database is sealed now; the backups follow. One that cannot be sealed yet (a full
        // disk) is sealed by the next sweep (every unlock and backup), and said now.
        let swept = self.sweep_backups(id);
        self.checkpoint_write_ahead_log()?;
        swept
    }

    /// Stores workshop `id` unencrypted again; its passphrase must be given once more.
    pub fn unprotect(&mut self, id: &WorkshopId, passphrase: &str) -> Result<()> {
        let (settings, verifier) = stored_protection(&self.conn, id)
            .map_err(|e| self.sqlite(e))?
            .ok_or(CoreError::NotProtected)?;
        let key = protection::unlock(passphrase, &settings, &verifier)?;
        self.keys.insert(id.clone(), key);
        self.doc(id)?;
        let details = self.all_personal_details(id)?;
        // The backups first, while the key is certainly here: if this stops half way the
        // workshop is still protected, and the next sweep seals the plain ones again.
        self.unseal_backups(id)?;
        let old = self.keys.remove(id);
        let rewritten = self.rewrite(id, old.as_ref(), None, &details);
        if rewritten.is_err() {
            // Still protected: keep it unlocked, as it was.
            if let Some(key) = old {
                self.keys.insert(id.clone(), key);
            }
            return rewritten;
        }
        self.checkpoint_write_ahead_log()
    }

    /// Rewrites every stored row of workshop `id` (open in memory) in one immediate
    /// transaction: sealed with the new key when `protect` is given, plain otherwise. Rows
    /// another copy of the app appended since this copy read them are read with `old` and
    /// folded in first, so nothing is lost. The key in memory changes only once it committed.
    fn rewrite(
        &mut self,
        id: &WorkshopId,
        old: Option<&WorkshopKey>,
        protect: Option<(WorkshopKey, KeySettings)>,
        details: &std::collections::BTreeMap<String, systematic_ipc::PersonalDetails>,
    ) -> Result<()> {
        let data_dir = self.data_dir.clone();
        let sqlite = |e| CoreError::from_sqlite(e, &data_dir);
        let log = self.logs.get(id).cloned().unwrap_or_default();
        let doc = self
            .open_docs
            .get_mut(id)
            .ok_or_else(|| CoreError::WorkshopNotFound(id.0.clone()))?;
        let new_key = protect.as_ref().map(|(key, _)| key);
        let (reader, writer) = (Sealer::new(old, &id.0), Sealer::new(new_key, &id.0));
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        super::fold_in_other_writers(&tx, id, doc, &log, &data_dir, &reader)?;
        match &protect {
            Some((key, settings)) => {
                tx.execute(
                    "INSERT INTO protection (workshop_id, salt, log_n, verifier)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![id.0, settings.salt, settings.log_n, key.verifier()],
                )
                .map_err(sqlite)?;
            }
            None => {
                tx.execute("DELETE FROM protection WHERE workshop_id = ?1", [&id.0])
                    .map_err(sqlite)?;
            }
        }
        let (snapshot_bytes, generation) =
            super::replace_snapshot(&tx, id, doc, &writer).map_err(sqlite)?;
        for (participant, found) in details {
            super::personal::write_details(&tx, &writer, id, participant, found).map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)?;
        self.logs.insert(
            id.clone(),
            super::Log {
                snapshot_bytes,
                generation,
                ..super::Log::default()
            },
        );
        match protect {
            Some((key, _)) => self.keys.insert(id.clone(), key),
            None => self.keys.remove(id),
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data_dir::DataFolder;
    use systematic_ipc::{PersonaDraft, PersonalDetails, WorkshopMeta};

    const SECRET_STORY: &str = "Esther-keeps-her-tablets-in-the-biscuit-tin";
    const SECRET_NAME: &str = "Margaret-Realname-Secret";
    const PASSPHRASE: &str = "correct horse battery staple";

    fn open_store(dir: &std::path::Path) -> Store {
        Store::open(&DataFolder::chosen(dir)).unwrap()
    }

    fn workshop(store: &mut Store) -> WorkshopId {
        let meta = WorkshopMeta {
            title: "Hospital discharge".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            venue: "St Mary's hall".into(),
            facilitator: "Sam".into(),
        };
        let persona = PersonaDraft {
            name: "Esther".into(),
            what_matters: SECRET_STORY.into(),
            ..PersonaDraft::default()
        };
        let id = store
            .create(WorkshopId("w-protect".into()), &meta, &[persona])
            .unwrap();
        store
            .set_personal_details(
                &id,
                "p1",
                &PersonalDetails {
                    real_name: SECRET_NAME.into(),
                    contact: "07700 900123".into(),
                },
            )
            .unwrap();
        // A change in the log and a backup on disk, both plain, before protecting.
        add_persona(store, &id, "Ruth");
        store.back_up(&id).unwrap();
        id
    }

    fn add_persona(store: &mut Store, id: &WorkshopId, name: &str) {
        store
            .edit(id, |doc, now| {
                doc.add_persona(
                    &PersonaDraft {
                        name: name.into(),
                        what_matters: format!("{name} {SECRET_STORY}"),
                        ..PersonaDraft::default()
                    },
                    now,
                )
                .map_err(|e| CoreError::from_document(&id.0, e))
            })
            .unwrap();
    }

    /// Every file under `dir`, with the name of each that holds `needle`.
    fn files_holding(dir: &std::path::Path, needle: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut folders = vec![dir.to_owned()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    let bytes = std::fs::read(&path).unwrap();
                    if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                        found.push(path.display().to_string());
                    }
                }
            }
        }
        found
    }

    fn persona_names(store: &mut Store, id: &WorkshopId) -> Vec<String> {
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
    fn a_protected_workshop_leaves_no_story_readable_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open_store(dir.path());
        let id = workshop(&mut store);
        assert!(!files_holding(dir.path(), SECRET_STORY).is_empty());
        store.protect(&id, PASSPHRASE).unwrap();
        // Still open for this run, and edits go on being saved (sealed).
        add_persona(&mut store, &id, "Tom");
        store.back_up(&id).unwrap();
        assert_eq!(persona_names(&mut store, &id), ["Esther", "Ruth", "Tom"]);
        drop(store);
        for secret in [SECRET_STORY, SECRET_NAME, "07700 900123", "Tom"] {
            assert_eq!(
                files_holding(dir.path(), secret),
                Vec::<String>::new(),
                "{secret} readable on disk"
            );
        }
    }

    #[test]
    fn a_locked_workshop_is_listed_but_opens_only_with_its_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let id = {
            let mut store = open_store(dir.path());
            let id = workshop(&mut store);
            store.protect(&id, PASSPHRASE).unwrap();
            id
        };
        let mut store = open_store(dir.path());
        let listed = store.list().unwrap();
        assert_eq!(listed.len(), 1);
        assert!(listed[0].protected);
        assert!(matches!(store.view(&id), Err(CoreError::Locked(_))));
        assert!(matches!(
            store.all_personal_details(&id),
            Err(CoreError::Locked(_))
        ));
        assert!(matches!(store.back_up(&id), Err(CoreError::Locked(_))));

        let database = dir.path().join(super::super::DATABASE_FILE);
        let before = std::fs::read(&database).unwrap();
        assert!(matches!(
            store.unlock(&id, "correct horse battery stapler"),
            Err(CoreError::Protection(
                crate::protection::ProtectionError::WrongPassphrase
            ))
        ));
        assert!(matches!(store.view(&id), Err(CoreError::Locked(_))));
        assert_eq!(std::fs::read(&database).unwrap(), before, "nothing changed");

        store.unlock(&id, PASSPHRASE).unwrap();
        let view = store.view(&id).unwrap();
        assert!(view.protected);
        assert_eq!(persona_names(&mut store, &id), ["Esther", "Ruth"]);
        assert_eq!(
            store
                .personal_details(&id, "p1")
                .unwrap()
                .unwrap()
                .real_name,
            SECRET_NAME
        );
        let backup = store.backups(&id).unwrap()[0].name.clone();
        store.restore_backup(&id, &backup).unwrap();

        store.lock(&id);
        assert!(matches!(store.view(&id), Err(CoreError::Locked(_))));
        assert!(matches!(
            store.set_personal_details(&id, "p2", &PersonalDetails::default()),
            Err(CoreError::Locked(_))
        ));
    }

    #[test]
    fn removing_the_protection_needs_the_passphrase_and_keeps_everything() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open_store(dir.path());
        let id = workshop(&mut store);
        store.protect(&id, PASSPHRASE).unwrap();
        assert!(matches!(
            store.protect(&id, PASSPHRASE),
            Err(CoreError::AlreadyProtected)
        ));
        assert!(store.unprotect(&id, "not the passphrase").is_err());
        assert!(store.is_protected(&id).unwrap());
        store.unprotect(&id, PASSPHRASE).unwrap();
        assert!(!store.is_protected(&id).unwrap());
        drop(store);
        let mut store = open_store(dir.path());
        assert_eq!(persona_names(&mut store, &id), ["Esther", "Ruth"]);
        assert_eq!(
            store.personal_details(&id, "p1").unwrap().unwrap().contact,
            "07700 900123"
        );
        let backup = store.backups(&id).unwrap()[0].name.clone();
        store.restore_backup(&id, &backup).unwrap();
    }

    #[test]
    fn a_short_passphrase_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open_store(dir.path());
        let id = workshop(&mut store);
        assert!(matches!(
            store.protect(&id, "short"),
            Err(CoreError::Protection(
                crate::protection::ProtectionError::TooShort
            ))
        ));
        assert!(!store.is_protected(&id).unwrap());
    }

    #[test]
    fn a_key_left_over_from_an_earlier_protection_is_never_used() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = open_store(dir.path());
        let id = workshop(&mut first);
        first.protect(&id, PASSPHRASE).unwrap();
        let mut second = open_store(dir.path());
        second.unlock(&id, PASSPHRASE).unwrap();
        first.unprotect(&id, PASSPHRASE).unwrap();
        first.protect(&id, "a different passphrase now").unwrap();
        // The second copy's key opens nothing any more: it is locked, not damaged, and writes
        // nothing with the old key.
        let refused = second.edit(&id, |doc, now| {
            doc.add_persona(&PersonaDraft::default(), now)
                .map_err(|e| CoreError::from_document(&id.0, e))
        });
        assert!(matches!(refused, Err(CoreError::Locked(_))), "{refused:?}");
        second.unlock(&id, "a different passphrase now").unwrap();
        assert_eq!(persona_names(&mut second, &id), ["Esther", "Ruth"]);
    }

    #[test]
    fn protecting_keeps_the_changes_another_copy_saved_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = open_store(dir.path());
        let id = workshop(&mut first);
        let mut second = open_store(dir.path());
        add_persona(&mut second, &id, "Tom");
        // The first copy's document does not have Tom; protecting must not lose him.
        first.protect(&id, PASSPHRASE).unwrap();
        let mut third = open_store(dir.path());
        third.unlock(&id, PASSPHRASE).unwrap();
        assert_eq!(persona_names(&mut third, &id), ["Esther", "Ruth", "Tom"]);
        // And the same when the protection is removed.
        second.unlock(&id, PASSPHRASE).unwrap();
        add_persona(&mut second, &id, "Una");
        third.unprotect(&id, PASSPHRASE).unwrap();
        let mut fourth = open_store(dir.path());
        assert_eq!(
            persona_names(&mut fourth, &id),
            ["Esther", "Ruth", "Tom", "Una"]
        );
    }

    #[test]
    fn a_plain_row_planted_in_a_protected_workshop_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = open_store(dir.path());
        let id = workshop(&mut store);
        let plain = store.doc(&id).unwrap().save();
        store.protect(&id, PASSPHRASE).unwrap();
        drop(store);
        let mut store = open_store(dir.path());
        store
            .conn
            .execute(
                "UPDATE documents SET snapshot = ?2 WHERE workshop_id = ?1",
                params![id.0, plain],
            )
            .unwrap();
        store.unlock(&id, PASSPHRASE).unwrap();
        assert!(matches!(store.view(&id), Err(CoreError::Damaged { .. })));
    }

    #[test]
    fn backups_a_protect_left_plain_are_sealed_on_the_next_unlock() {
        let dir = tempfile::tempdir().unwrap();
        let folder = {
            let mut store = open_store(dir.path());
            let id = workshop(&mut store);
            let plain_backup = store.backups(&id).unwrap()[0].name.clone();
            let folder = store.backup_folder(&id).unwrap();
            let plain = std::fs::read(folder.join(&plain_backup)).unwrap();
            store.protect(&id, PASSPHRASE).unwrap();
            // As if the protect had stopped before this backup was sealed.
            std::fs::write(folder.join(&plain_backup), plain).unwrap();
            assert!(!files_holding(&folder, SECRET_STORY).is_empty());
            folder
        };
        let mut store = open_store(dir.path());
        store
            .unlock(&WorkshopId("w-protect".into()), PASSPHRASE)
            .unwrap();
        assert_eq!(files_holding(&folder, SECRET_STORY), Vec::<String>::new());
    }

    #[test]
    fn a_second_copy_of_the_app_sees_the_protection_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = open_store(dir.path());
        let id = workshop(&mut first);
        let mut second = open_store(dir.path());
        assert_eq!(persona_names(&mut second, &id), ["Esther", "Ruth"]);
        first.protect(&id, PASSPHRASE).unwrap();
        // The second copy had the document open in plain: it must not write plain changes
        // into a protected workshop.
        let refused = second.edit(&id, |doc, now| {
            doc.add_persona(&PersonaDraft::default(), now)
                .map_err(|e| CoreError::from_document(&id.0, e))
        });
        assert!(matches!(refused, Err(CoreError::Locked(_))));
    }
}
