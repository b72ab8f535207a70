//! Session files from and to the store: saving a workshop for another laptop, opening one that
//! came from another laptop, and merging other laptops' files into this laptop's copy.

use super::{upsert_index, Result, Store};
use crate::document::WorkshopDoc;
use crate::error::CoreError;
use crate::merge::{merge, MergeOptions, MergeSource};
use crate::session_file;
use std::path::Path;
use systematic_ipc::{MergeReport, WorkshopId};

/// Names the file in a damaged-file message, so the facilitator knows which of several files
/// to ask for again.
fn naming(error: session_file::SessionFileError, name: &str) -> session_file::SessionFileError {
    match error {
        session_file::SessionFileError::Damaged(detail) => {
            session_file::SessionFileError::Damaged(format!("{name}: {detail}"))
        }
        other => other,
    }
}

impl Store {
    /// Writes workshop `id` to a session file; the old file at `path`, if any, is replaced only
    /// once the new one is complete. With a passphrase the file is encrypted to it.
    pub fn save_session_file(
        &mut self,
        id: &WorkshopId,
        path: &Path,
        passphrase: Option<&str>,
    ) -> Result<()> {
        let doc = self.doc(id)?;
        let mut bytes = session_file::to_bytes(doc)?;
        if let Some(passphrase) = passphrase {
            bytes = session_file::add_passphrase(&bytes, passphrase)?;
        }
        session_file::write_atomically(path, &bytes)?;
        Ok(())
    }

    /// Brings the workshop in a session file onto this laptop. A workshop that is already here
    /// is refused with a pointer to merging instead, so nothing here is replaced.
    pub fn open_session_file(
        &mut self,
        path: &Path,
        passphrase: Option<&str>,
    ) -> Result<WorkshopId> {
        let (header, mut doc) = session_file::read_protected(path, &self.actor, passphrase)?;
        let id = WorkshopId(header.workshop_id);
        if self.contains(&id)? {
            // A file that holds nothing this laptop lacks (one saved here, opened again from
            // the recent files) simply opens the workshop; one with news must be merged, which
            // shows what it changes and keeps a backup.
            let file_heads = doc.heads();
            let nothing_new = match self.doc(&id) {
                Ok(local) => file_heads
                    .iter()
                    .all(|head| local.automerge().get_change_by_hash(head).is_some()),
                Err(_) => false,
            };
            if nothing_new {
                return Ok(id);
            }
            return Err(CoreError::AlreadyHere {
                title: header.title,
                id: id.0,
            });
        }
        self.import(doc)
    }

    /// Merges session files into this laptop's copy of workshop `id` and stores the result
    /// durably in one transaction. With `force`, files of other workshops are merged too and
    /// this workshop keeps its id.
    pub fn merge_session_files(
        &mut self,
        id: &WorkshopId,
        paths: &[&Path],
        force: bool,
        passphrase: Option<&str>,
    ) -> Result<MergeReport> {
        // A merge rewrites the stored document: keep the state before it, whatever the files
        // bring (a backup that cannot be written does not stop the merge).
        let _ = self.back_up(id);
        let (local, log) = self.stored(id)?;
        let mut sources = vec![MergeSource {
            name: format!("This laptop ({})", self.laptop),
            doc: WorkshopDoc::load(&local, &self.actor)
                .map_err(|e| CoreError::from_document(&id.0, e))?,
        }];
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            let (_, doc) = session_file::read_protected(path, &self.actor, passphrase)
                .map_err(|e| naming(e, &name))?;
            sources.push(MergeSource { name, doc });
        }
        let (mut merged, mut report) = merge(sources, &MergeOptions { force }, &mut |_, _| {})?;
        merged.automerge().set_actor(self.actor.clone());
        merged.set_laptop(&self.laptop);
        if report.forced {
            merged
                .set_workshop_id(&id.0)
                .map_err(|e| CoreError::from_document(&id.0, e))?;
            merged.commit("keep this workshop's id after merging", super::now_ms());
            // That change settled the id: nothing left to choose.
            report
                .conflicts
                .retain(|c| !(c.item.kind == "workshop" && c.field == "id"));
        }
        let data_dir = self.data_dir.clone();
        let sqlite = |e| CoreError::from_sqlite(e, &data_dir);
        let sealer = super::protection::Sealer::new(self.keys.get(id), &id.0);
        let tx = self.conn.transaction().map_err(sqlite)?;
        // Another copy of the app on this folder may have saved edits while the files merged.
        super::fold_in_other_writers(&tx, id, &mut merged, &log, &data_dir, &sealer)?;
        let (snapshot_len, generation) =
            super::replace_snapshot(&tx, id, &mut merged, &sealer).map_err(sqlite)?;
        upsert_index(&tx, id, &mut merged).map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
        self.logs.insert(
            id.clone(),
            super::Log {
                snapshot_bytes: snapshot_len,
                generation,
                ..super::Log::default()
            },
        );
        self.open_docs.insert(id.clone(), merged);
        // Undo works on this laptop's own edits; after a merge it starts afresh.
        self.undo.remove(id);
        Ok(report)
    }
}
