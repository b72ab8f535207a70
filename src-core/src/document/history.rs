//! History, undo and restore. Automerge 0.12 has no undo, and a document's history is never
//! rewritten; so going back is always a new change that writes the earlier values again. The
//! fields to write are found from the patches between two versions.

use super::{fields, ChangeNote, DocumentError, WorkshopDoc};
use crate::merge::touches::classify;
use crate::model::schema::workshop_field;
use crate::model::{FieldValue, Kind, WORKSHOP_FIELDS_KEY};
use automerge::transaction::Transactable;
use automerge::{ChangeHash, ObjType, ReadDoc, Value, ROOT};
use systematic_ipc::HistoryEntry;

type Result<T> = std::result::Result<T, DocumentError>;

impl WorkshopDoc {
    /// Every change after the genesis, newest first.
    pub fn history(&mut self) -> Vec<HistoryEntry> {
        let mut entries: Vec<HistoryEntry> = self
            .doc
            .get_changes_meta(&[])
            .iter()
            .filter(|meta| meta.actor.as_ref().to_bytes() != super::genesis::GENESIS_ACTOR)
            .map(|meta| {
                let note = ChangeNote::parse(meta.message.as_deref());
                HistoryEntry {
                    hash: meta.hash.to_string(),
                    laptop: note.laptop,
                    what: note.what,
                    time: meta.timestamp,
                }
            })
            .collect();
        // Newest first; changes made at the same moment keep the order of the change graph.
        entries.reverse();
        entries.sort_by_key(|entry| std::cmp::Reverse(entry.time));
        entries
    }

    /// Whether the document has a change with this hash.
    pub fn has_change(&mut self, hash: &ChangeHash) -> bool {
        self.doc.get_change_by_hash(hash).is_some()
    }

    /// Writes back, as new operations, the values every field had at `before` that changed on
    /// the way to `after`. Items added since `before` are marked deleted. Nothing is committed.
    /// Returns whether anything was written.
    pub fn revert(&mut self, before: &[ChangeHash], after: &[ChangeHash]) -> Result<bool> {
        let patches = self.doc.diff(before, after);
        let touches = classify(&patches);
        let mut wrote = false;
        for field in &touches.workshop {
            let Some(spec) = workshop_field(field) else {
                continue;
            };
            let workshop = self.object(&ROOT, WORKSHOP_FIELDS_KEY)?;
            let old = fields::read_at(&self.doc, &workshop, spec, Some(before))?;
            if fields::read(&self.doc, &workshop, spec)? != old {
                fields::write(&mut self.doc, &workshop, spec, &old)?;
                wrote = true;
            }
        }
        for (kind, id) in &touches.added {
            if self.item(*kind, id)?.is_some_and(|item| !item.deleted) {
                self.delete(*kind, id)?;
                wrote = true;
            }
        }
        let mut items: Vec<(Kind, String, Vec<String>)> = touches
            .changed
            .iter()
            .map(|((k, id), f)| (*k, id.clone(), f.iter().cloned().collect()))
            .collect();
        for (kind, id) in &touches.deleted {
            items.push((*kind, id.clone(), vec!["deleted".into()]));
        }
        // Items added since `before` did not exist then: they stay deleted (above), whatever
        // else happened to them since.
        items.retain(|(kind, id, _)| !touches.added.contains(&(*kind, id.clone())));
        for (kind, id, names) in items {
            let collection = self.object(&ROOT, kind.collection())?;
            let Some((Value::Object(ObjType::Map), obj)) =
                self.doc.get(&collection, id.as_str())?
            else {
                continue;
            };
            for name in names {
                if name == "deleted" {
                    let old = match self.doc.get_at(&obj, "deleted", before)? {
                        Some((Value::Scalar(s), _)) => s.as_bool().unwrap_or(false),
                        _ => false,
                    };
                    if fields::read_scalar(&self.doc, &obj, "deleted")? != FieldValue::Bool(old) {
                        self.doc.put(&obj, "deleted", old)?;
                        wrote = true;
                    }
                    continue;
                }
                let Some(spec) = kind.field(&name) else {
                    continue;
                };
                let old = fields::read_at(&self.doc, &obj, spec, Some(before))?;
                if fields::read(&self.doc, &obj, spec)? != old {
                    fields::write(&mut self.doc, &obj, spec, &old)?;
                    wrote = true;
                }
            }
        }
        Ok(wrote)
    }

    /// Sets a conflicting field to the chosen value as a new change, which every laptop then
    /// sees as the one value (even when it equals the value shown now).
    pub fn settle(
        &mut self,
        kind: Option<Kind>,
        id: &str,
        field: &str,
        value: &serde_json::Value,
    ) -> Result<()> {
        if let (Some(kind), "deleted") = (kind, field) {
            return self.settle_deleted(kind, id, value);
        }
        let (obj, spec) = match kind {
            None => {
                let spec = workshop_field(field).ok_or_else(|| unknown(field, "workshop"))?;
                (self.object(&ROOT, WORKSHOP_FIELDS_KEY)?, spec)
            }
            Some(kind) => {
                let spec = kind
                    .field(field)
                    .ok_or_else(|| unknown(field, kind.name()))?;
                let collection = self.object(&ROOT, kind.collection())?;
                let Some((Value::Object(ObjType::Map), obj)) = self.doc.get(&collection, id)?
                else {
                    return Err(crate::model::ModelError::NotFound {
                        kind: kind.name().into(),
                        id: id.into(),
                    }
                    .into());
                };
                (obj, spec)
            }
        };
        if spec.ty.is_container() {
            // Texts and lists merge without conflicts; replacing their container would break
            // the rule that containers are created only with their item.
            return Err(crate::model::ModelError::WrongType {
                field: field.into(),
                expected: "a field that can conflict",
            }
            .into());
        }
        let value = crate::model::value::check(spec, value)?;
        self.check_references(spec, &value)?;
        // Remove the stored value first so the write below is never skipped as "unchanged".
        self.doc
            .put(&obj, spec.name, automerge::ScalarValue::Null)?;
        fields::write(&mut self.doc, &obj, spec, &value)?;
        Ok(())
    }
}

impl WorkshopDoc {
    /// Settles a conflict between deleting and restoring an item (or two deletes).
    fn settle_deleted(&mut self, kind: Kind, id: &str, value: &serde_json::Value) -> Result<()> {
        let deleted = value
            .as_bool()
            .ok_or_else(|| crate::model::ModelError::WrongType {
                field: "deleted".into(),
                expected: "true or false",
            })?;
        let collection = self.object(&ROOT, kind.collection())?;
        let Some((Value::Object(ObjType::Map), obj)) = self.doc.get(&collection, id)? else {
            return Err(crate::model::ModelError::NotFound {
                kind: kind.name().into(),
                id: id.into(),
            }
            .into());
        };
        self.doc.put(&obj, "deleted", deleted)?;
        Ok(())
    }
}

fn unknown(field: &str, kind: &str) -> DocumentError {
    crate::model::ModelError::UnknownField {
        kind: kind.into(),
        field: field.into(),
    }
    .into()
}
