//! Undo, redo, history and restoring an earlier version. Each is a new change written through
//! the same durable path as any edit; nothing in the history is ever rewritten.

use super::{Result, Store};
use crate::error::CoreError;
use crate::model::Kind;
use automerge::ChangeHash;
use systematic_ipc::{HistoryEntry, WorkshopId};

type Heads = Vec<ChangeHash>;

/// How many of this laptop's edits can be undone, most recent first.
pub const UNDO_DEPTH: usize = 200;

/// This laptop's edits that can be undone, and undos that can be redone.
#[derive(Default)]
pub struct Stacks {
    undo: Vec<(Heads, Heads)>,
    redo: Vec<(Heads, Heads)>,
}

impl Stacks {
    /// A new edit: it can be undone, and what was undone before can no longer be redone.
    pub fn record(&mut self, before: Heads, after: Heads) {
        if self.undo.len() >= UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.undo.push((before, after));
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

impl Store {
    fn damaged(id: &WorkshopId) -> impl Fn(crate::document::DocumentError) -> CoreError + '_ {
        move |e| CoreError::from_document(&id.0, e)
    }

    /// Undoes this laptop's latest edit (since the app started) as a new change. Returns false
    /// when there is nothing to undo.
    pub fn undo(&mut self, id: &WorkshopId) -> Result<bool> {
        let Some((before, after)) = self.undo.get_mut(id).and_then(|s| s.undo.pop()) else {
            return Ok(false);
        };
        let (_, undo_before, undo_after) = self.edit_durably(id, |doc, now| {
            doc.revert(&before, &after).map_err(Self::damaged(id))?;
            doc.commit("undo", now);
            Ok(())
        })?;
        self.undo
            .entry(id.clone())
            .or_default()
            .redo
            .push((undo_before, undo_after));
        Ok(true)
    }

    /// Redoes the latest undo as a new change. Returns false when there is nothing to redo.
    pub fn redo(&mut self, id: &WorkshopId) -> Result<bool> {
        let Some((before, after)) = self.undo.get_mut(id).and_then(|s| s.redo.pop()) else {
            return Ok(false);
        };
        let (_, redo_before, redo_after) = self.edit_durably(id, |doc, now| {
            doc.revert(&before, &after).map_err(Self::damaged(id))?;
            doc.commit("redo", now);
            Ok(())
        })?;
        self.undo
            .entry(id.clone())
            .or_default()
            .undo
            .push((redo_before, redo_after));
        Ok(true)
    }

    /// Every change to the workshop, newest first.
    pub fn history(&mut self, id: &WorkshopId) -> Result<Vec<HistoryEntry>> {
        Ok(self.doc(id)?.history())
    }

    /// Brings back the workshop as it was right after change `hash`, as one new change.
    pub fn restore_version(&mut self, id: &WorkshopId, hash: &str) -> Result<()> {
        let hash: ChangeHash = hash
            .parse()
            .map_err(|_| CoreError::VersionNotFound(hash.to_owned()))?;
        if !self.doc(id)?.has_change(&hash) {
            return Err(CoreError::VersionNotFound(hash.to_string()));
        }
        self.edit(id, |doc, now| {
            let current = doc.heads();
            doc.revert(&[hash], &current).map_err(Self::damaged(id))?;
            doc.commit("restore an earlier version", now);
            Ok(())
        })
    }

    /// Settles a conflict: the chosen value becomes the one value every laptop sees.
    pub fn settle_conflict(
        &mut self,
        id: &WorkshopId,
        kind: &str,
        item: &str,
        field: &str,
        value: &serde_json::Value,
    ) -> Result<()> {
        let kind = match kind {
            "workshop" => None,
            name => Some(
                Kind::from_name(name)
                    .ok_or_else(|| crate::model::ModelError::UnknownKind(name.to_owned()))?,
            ),
        };
        self.edit(id, |doc, now| {
            if kind.is_none() && field == "id" {
                doc.set_workshop_id(&id.0).map_err(Self::damaged(id))?;
            } else {
                doc.settle(kind, item, field, value)
                    .map_err(Self::damaged(id))?;
            }
            doc.commit(&format!("settle {field}"), now);
            Ok(())
        })
    }
}
