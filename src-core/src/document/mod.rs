//! One workshop as one Automerge document. The layout and the rules every edit follows are written
//! down in `docs/FORMAT.md`; in short:
//!
//! - every document starts from the same [genesis](genesis) change, so documents of workshops
//!   created apart still share their containers and merge without losing either side;
//! - edits write single fields, never replace a whole object;
//! - an item's containers (texts, lists) are created with the item, under a key (its id) no other
//!   laptop uses, so no container is ever created twice;
//! - deleting marks an item `deleted`, so a delete that meets an edit shows up in the merge report;
//! - every change carries the laptop's name and a short description in its message.

mod fields;
pub mod genesis;
mod history;
mod items;
pub mod map;
pub mod typed;

pub use items::Item;

/// Reads a stored value (scalar, text or list) as a field value; used by the merge report.
pub fn fields_value_of(
    doc: &AutoCommit,
    value: &Value<'_>,
    id: &ObjId,
) -> std::result::Result<FieldValue, automerge::AutomergeError> {
    fields::value_of(doc, value, id, None)
}

use crate::model::{FieldValue, ModelError, WORKSHOP_FIELDS_KEY};
use automerge::transaction::{CommitOptions, Transactable};
use automerge::{
    ActorId, AutoCommit, ChangeHash, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The value of the root `format` key: tells our documents apart from any other Automerge file.
pub const FORMAT_NAME: &str = "systematic-workshop";
/// Bumped when the layout changes in a way older apps cannot read.
pub const FORMAT_VERSION: u64 = 1;

/// Why a document's contents cannot be read as a workshop.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("automerge: {0}")]
    Automerge(#[from] automerge::AutomergeError),
    #[error("the document is not a SysteMatic workshop")]
    NotAWorkshop,
    #[error("the document was written by a newer version (format {0})")]
    TooNew(u64),
    #[error("the field {0} is missing or has the wrong type")]
    BadField(&'static str),
    #[error("loading the document crashed the reader")]
    LoaderPanicked,
    /// A document from outside goes far past the limits (`limits::check_outside_document`).
    #[error("{0}")]
    Outside(String),
    #[error(transparent)]
    Model(#[from] ModelError),
}

type Result<T> = std::result::Result<T, DocumentError>;

/// What every change says about itself, kept as JSON in the change's message.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct ChangeNote {
    /// The name of the laptop that made the change ("Table 2").
    pub laptop: String,
    /// What the change did, in a few words ("edit persona Esther").
    pub what: String,
}

impl ChangeNote {
    /// Reads a change message; messages that are not ours (the genesis has none) read as empty.
    pub fn parse(message: Option<&str>) -> Self {
        message
            .and_then(|m| serde_json::from_str(m).ok())
            .unwrap_or_default()
    }
}

/// A workshop document and the edits that can be made to it.
#[derive(Debug)]
pub struct WorkshopDoc {
    doc: AutoCommit,
    /// Written into every change this copy makes.
    laptop: String,
    /// The latest change time, once known: finding it means reading every change's metadata,
    /// which would make each edit slower as the workshop grows.
    latest_ms: Option<i64>,
}

impl WorkshopDoc {
    /// A new workshop: the genesis, then one change by `laptop` setting its id and facts.
    pub fn create(
        id: &str,
        facts: &BTreeMap<String, serde_json::Value>,
        laptop: &str,
        actor: &ActorId,
        now_ms: i64,
    ) -> Result<Self> {
        let mut doc = genesis::document();
        doc.set_actor(actor.clone());
        let mut this = Self {
            doc,
            laptop: laptop.to_owned(),
            latest_ms: None,
        };
        let workshop = this.object(&ROOT, WORKSHOP_FIELDS_KEY)?;
        this.doc.put(&workshop, "id", id)?;
        this.doc
            .put(&workshop, "created", ScalarValue::Timestamp(now_ms))?;
        this.set_workshop_fields(facts)?;
        this.commit("create workshop", now_ms);
        Ok(this)
    }

    /// Loads stored bytes (a saved document followed by any number of incremental changes).
    ///
    /// Automerge's loader can panic on damaged bytes; that is caught here and reported as damage.
    pub fn load(bytes: &[u8], actor: &ActorId) -> Result<Self> {
        let loaded = std::panic::catch_unwind(|| AutoCommit::load(bytes))
            .map_err(|_| DocumentError::LoaderPanicked)??;
        let mut this = Self {
            doc: loaded,
            laptop: String::new(),
            latest_ms: None,
        };
        this.doc.set_actor(actor.clone());
        this.check_format()?;
        this.workshop_id()?;
        Ok(this)
    }

    /// Wraps an already loaded Automerge document (after a merge), checking it is a workshop.
    pub fn from_automerge(doc: AutoCommit, laptop: &str) -> Result<Self> {
        let this = Self {
            doc,
            laptop: laptop.to_owned(),
            latest_ms: None,
        };
        this.check_format()?;
        this.workshop_id()?;
        Ok(this)
    }

    /// Names the laptop written into every later change.
    pub fn set_laptop(&mut self, laptop: &str) {
        self.laptop = laptop.to_owned();
    }

    pub fn laptop(&self) -> &str {
        &self.laptop
    }

    fn check_format(&self) -> Result<()> {
        match self.doc.get(ROOT, "format")? {
            Some((Value::Scalar(v), _)) if v.as_str() == Some(FORMAT_NAME) => {}
            _ => return Err(DocumentError::NotAWorkshop),
        }
        match self.doc.get(ROOT, "format_version")? {
            Some((Value::Scalar(v), _)) => match v.as_ref() {
                ScalarValue::Uint(n) if *n <= FORMAT_VERSION => Ok(()),
                ScalarValue::Uint(n) => Err(DocumentError::TooNew(*n)),
                _ => Err(DocumentError::BadField("format_version")),
            },
            _ => Err(DocumentError::BadField("format_version")),
        }
    }

    /// The underlying Automerge document, for merging and reports.
    pub fn automerge(&mut self) -> &mut AutoCommit {
        // Whatever the caller merges in may be newer.
        self.latest_ms = None;
        &mut self.doc
    }

    pub fn automerge_ref(&self) -> &AutoCommit {
        &self.doc
    }

    /// The whole document, compacted.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The whole document, compacted but not compressed: quicker to write, for the local store's
    /// snapshots (session files use [`Self::save`]).
    pub fn save_uncompressed(&mut self) -> Vec<u8> {
        self.doc.save_nocompress()
    }

    /// The current heads, to pass to [`Self::changes_since`] after an edit.
    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// Adds changes from stored bytes (changes this copy already has are ignored).
    pub fn load_incremental(&mut self, bytes: &[u8]) -> Result<()> {
        self.latest_ms = None;
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.doc.load_incremental(bytes)
        }))
        .map_err(|_| DocumentError::LoaderPanicked)??;
        Ok(())
    }

    /// The changes made after `heads`, as bytes that can be appended to a saved document.
    pub fn changes_since(&mut self, heads: &[ChangeHash]) -> Vec<u8> {
        self.doc.save_after(heads)
    }

    /// The time of the latest change, in milliseconds since the Unix epoch.
    pub fn last_changed_ms(&mut self) -> i64 {
        if let Some(latest) = self.latest_ms {
            return latest;
        }
        let latest = self
            .doc
            .get_changes_meta(&[])
            .iter()
            .map(|c| c.timestamp)
            .max()
            .unwrap_or(0);
        self.latest_ms = Some(latest);
        latest
    }

    /// Commits the pending operations as one change, if there are any.
    pub fn commit(&mut self, what: &str, now_ms: i64) -> Option<ChangeHash> {
        let note = ChangeNote {
            laptop: self.laptop.clone(),
            what: what.to_owned(),
        };
        let message = serde_json::to_string(&note).unwrap_or_default();
        let hash = self.doc.commit_with(
            CommitOptions::default()
                .with_message(message)
                .with_time(now_ms),
        );
        if hash.is_some() {
            self.latest_ms = self.latest_ms.map(|latest| latest.max(now_ms));
        }
        hash
    }

    /// Drops operations not yet committed (after a refused edit).
    pub fn rollback(&mut self) {
        self.doc.rollback();
    }

    fn object(&self, obj: &ObjId, key: &'static str) -> Result<ObjId> {
        match self.doc.get(obj, key)? {
            Some((Value::Object(_), id)) => Ok(id),
            _ => Err(DocumentError::BadField(key)),
        }
    }

    /// The workshop's id, set when it was created.
    pub fn workshop_id(&self) -> Result<String> {
        let workshop = self.object(&ROOT, WORKSHOP_FIELDS_KEY)?;
        match fields::read_scalar(&self.doc, &workshop, "id")? {
            FieldValue::Str(id) => Ok(id),
            _ => Err(DocumentError::BadField("id")),
        }
    }

    /// Gives the workshop a new id (after a forced merge of two workshops, the one kept).
    pub fn set_workshop_id(&mut self, id: &str) -> Result<()> {
        let workshop = self.object(&ROOT, WORKSHOP_FIELDS_KEY)?;
        self.doc.put(&workshop, "id", id)?;
        Ok(())
    }

    /// The workshop's facts (title, dates, venue, facilitators, method) as JSON values.
    pub fn workshop_fields(&self) -> Result<BTreeMap<&'static str, FieldValue>> {
        let workshop = self.object(&ROOT, WORKSHOP_FIELDS_KEY)?;
        let mut facts = BTreeMap::new();
        for spec in crate::model::schema::WORKSHOP_FIELDS {
            facts.insert(spec.name, fields::read(&self.doc, &workshop, spec)?);
        }
        Ok(facts)
    }

    /// Checks and writes the given workshop facts, leaving the others alone.
    pub fn set_workshop_fields(
        &mut self,
        facts: &BTreeMap<String, serde_json::Value>,
    ) -> Result<()> {
        let workshop = self.object(&ROOT, WORKSHOP_FIELDS_KEY)?;
        for (name, json) in facts {
            let spec = crate::model::schema::workshop_field(name).ok_or_else(|| {
                ModelError::UnknownField {
                    kind: "workshop".into(),
                    field: name.clone(),
                }
            })?;
            let value = crate::model::value::check(spec, json)?;
            fields::write(&mut self.doc, &workshop, spec, &value)?;
        }
        Ok(())
    }

    /// The kind of list or text at `obj`, for code that walks the document.
    pub fn object_type(&self, obj: &ObjId) -> Option<ObjType> {
        self.doc.object_type(obj).ok()
    }
}

#[cfg(test)]
mod tests;
