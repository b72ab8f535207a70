//! One workshop as one Automerge document. The layout is written down in `docs/FORMAT.md`.
//!
//! Short facts (titles, names) are scalar strings: the last writer wins. Long texts ("What matters
//! to me", living situation, quote) are Automerge text, so edits from two laptops merge character
//! by character.

use automerge::transaction::{CommitOptions, Transactable};
use automerge::{
    ActorId, AutoCommit, ChangeHash, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT,
};
use chrono::NaiveDate;
use systematic_ipc::{Persona, PersonaDraft, PersonaId, WorkshopMeta};

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
}

type Result<T> = std::result::Result<T, DocumentError>;

/// A workshop document and the edits that can be made to it.
pub struct WorkshopDoc {
    doc: AutoCommit,
}

impl WorkshopDoc {
    /// A new workshop document with the given facts, edited by `actor`.
    pub fn create(meta: &WorkshopMeta, actor: &ActorId, now_ms: i64) -> Result<Self> {
        let mut doc = AutoCommit::new();
        doc.set_actor(actor.clone());
        doc.put(ROOT, "format", FORMAT_NAME)?;
        doc.put(ROOT, "format_version", ScalarValue::Uint(FORMAT_VERSION))?;
        let workshop = doc.put_object(ROOT, "workshop", ObjType::Map)?;
        write_meta(&mut doc, &workshop, meta)?;
        doc.put_object(ROOT, "personas", ObjType::Map)?;
        let mut this = Self { doc };
        this.commit("create workshop", now_ms);
        Ok(this)
    }

    /// Loads stored bytes (a saved document followed by any number of incremental changes).
    ///
    /// Automerge's loader can panic on damaged bytes; that is caught here and reported as damage.
    pub fn load(bytes: &[u8], actor: &ActorId) -> Result<Self> {
        let loaded = std::panic::catch_unwind(|| AutoCommit::load(bytes))
            .map_err(|_| DocumentError::LoaderPanicked)??;
        let mut this = Self { doc: loaded };
        this.doc.set_actor(actor.clone());
        this.check_format()?;
        this.meta()?;
        Ok(this)
    }

    fn check_format(&self) -> Result<()> {
        let format = self.get_str(&ROOT, "format");
        if format.as_deref() != Some(FORMAT_NAME) {
            return Err(DocumentError::NotAWorkshop);
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

    /// The whole document, compacted.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The current heads, to pass to [`Self::changes_since`] after an edit.
    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// The changes made after `heads`, as bytes that can be appended to a saved document.
    pub fn changes_since(&mut self, heads: &[ChangeHash]) -> Vec<u8> {
        self.doc.save_after(heads)
    }

    /// The time of the latest change, in milliseconds since the Unix epoch.
    pub fn last_changed_ms(&mut self) -> i64 {
        self.doc
            .get_changes_meta(&[])
            .iter()
            .map(|c| c.timestamp)
            .max()
            .unwrap_or(0)
    }

    fn commit(&mut self, message: &str, now_ms: i64) {
        self.doc.commit_with(
            CommitOptions::default()
                .with_message(message)
                .with_time(now_ms),
        );
    }

    fn get_str(&self, obj: &ObjId, key: &str) -> Option<String> {
        match self.doc.get(obj, key) {
            Ok(Some((value, id))) => match value {
                Value::Object(ObjType::Text) => self.doc.text(&id).ok(),
                other => other.into_string().ok(),
            },
            _ => None,
        }
    }

    fn object(&self, obj: &ObjId, key: &'static str) -> Result<ObjId> {
        match self.doc.get(obj, key)? {
            Some((Value::Object(_), id)) => Ok(id),
            _ => Err(DocumentError::BadField(key)),
        }
    }

    /// The workshop's facts.
    pub fn meta(&self) -> Result<WorkshopMeta> {
        let workshop = self.object(&ROOT, "workshop")?;
        let date = self
            .get_str(&workshop, "date")
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .ok_or(DocumentError::BadField("date"))?;
        Ok(WorkshopMeta {
            title: self
                .get_str(&workshop, "title")
                .ok_or(DocumentError::BadField("title"))?,
            date,
            venue: self.get_str(&workshop, "venue").unwrap_or_default(),
            facilitator: self.get_str(&workshop, "facilitator").unwrap_or_default(),
        })
    }

    /// All personas, oldest first.
    pub fn personas(&self) -> Result<Vec<Persona>> {
        let personas = self.object(&ROOT, "personas")?;
        let mut found: Vec<(i64, Persona)> = Vec::new();
        for id in self.doc.keys(&personas) {
            let Some((Value::Object(ObjType::Map), obj)) = self.doc.get(&personas, id.as_str())?
            else {
                continue;
            };
            let created = match self.doc.get(&obj, "created")? {
                Some((value, _)) => value.as_i64().unwrap_or(0),
                None => 0,
            };
            found.push((created, self.read_persona(PersonaId(id), &obj)?));
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
        Ok(found.into_iter().map(|(_, p)| p).collect())
    }

    /// How many personas the workshop has.
    pub fn persona_count(&self) -> usize {
        self.object(&ROOT, "personas")
            .map(|obj| self.doc.length(&obj))
            .unwrap_or(0)
    }

    fn read_persona(&self, id: PersonaId, obj: &ObjId) -> Result<Persona> {
        let age = match self.doc.get(obj, "age")? {
            Some((value, _)) => value.as_i64().and_then(|a| u16::try_from(a).ok()),
            None => None,
        };
        let conditions = match self.doc.get(obj, "conditions")? {
            Some((Value::Object(ObjType::List), list)) => self
                .doc
                .list_range(&list, ..)
                .filter_map(|item| automerge::Value::from(item.value).into_string().ok())
                .collect(),
            _ => Vec::new(),
        };
        Ok(Persona {
            id,
            details: PersonaDraft {
                name: self.get_str(obj, "name").unwrap_or_default(),
                age,
                living_situation: self.get_str(obj, "living_situation").unwrap_or_default(),
                conditions,
                what_matters: self.get_str(obj, "what_matters").unwrap_or_default(),
                quote: self.get_str(obj, "quote").unwrap_or_default(),
            },
        })
    }

    /// Adds a persona (already checked against the limits) and returns it.
    pub fn add_persona(&mut self, draft: &PersonaDraft, now_ms: i64) -> Result<Persona> {
        let personas = self.object(&ROOT, "personas")?;
        let id = PersonaId(uuid::Uuid::new_v4().to_string());
        let obj = self
            .doc
            .put_object(&personas, id.0.as_str(), ObjType::Map)?;
        self.doc
            .put(&obj, "created", ScalarValue::Timestamp(now_ms))?;
        for key in ["living_situation", "what_matters", "quote"] {
            self.doc.put_object(&obj, key, ObjType::Text)?;
        }
        self.doc.put_object(&obj, "conditions", ObjType::List)?;
        write_persona(&mut self.doc, &obj, draft)?;
        self.commit("add persona", now_ms);
        self.read_persona(id, &obj)
    }

    /// Replaces a persona's details, touching only what changed so concurrent edits merge.
    pub fn update_persona(
        &mut self,
        id: &PersonaId,
        draft: &PersonaDraft,
        now_ms: i64,
    ) -> Result<Option<Persona>> {
        let personas = self.object(&ROOT, "personas")?;
        let Some((Value::Object(ObjType::Map), obj)) = self.doc.get(&personas, id.0.as_str())?
        else {
            return Ok(None);
        };
        write_persona(&mut self.doc, &obj, draft)?;
        self.commit("edit persona", now_ms);
        self.read_persona(id.clone(), &obj).map(Some)
    }
}

fn write_meta(doc: &mut AutoCommit, workshop: &ObjId, meta: &WorkshopMeta) -> Result<()> {
    doc.put(workshop, "title", meta.title.as_str())?;
    doc.put(workshop, "date", meta.date.format("%Y-%m-%d").to_string())?;
    doc.put(workshop, "venue", meta.venue.as_str())?;
    doc.put(workshop, "facilitator", meta.facilitator.as_str())?;
    Ok(())
}

/// Writes the persona's fields, leaving unchanged ones alone.
fn write_persona(doc: &mut AutoCommit, obj: &ObjId, draft: &PersonaDraft) -> Result<()> {
    let current_name = doc
        .get(obj, "name")?
        .and_then(|(v, _)| v.into_string().ok());
    if current_name.as_deref() != Some(draft.name.as_str()) {
        doc.put(obj, "name", draft.name.as_str())?;
    }
    // Only what changed is written, so saving a form never overwrites another laptop's edit of
    // a field this one did not touch.
    let current_age = doc.get(obj, "age")?.and_then(|(v, _)| v.as_i64());
    if current_age != draft.age.map(i64::from) {
        match draft.age {
            Some(age) => doc.put(obj, "age", ScalarValue::Int(i64::from(age)))?,
            None => doc.put(obj, "age", ScalarValue::Null)?,
        }
    }
    for (key, value) in [
        ("living_situation", &draft.living_situation),
        ("what_matters", &draft.what_matters),
        ("quote", &draft.quote),
    ] {
        let text = match doc.get(obj, key)? {
            Some((Value::Object(ObjType::Text), text)) => text,
            _ => doc.put_object(obj, key, ObjType::Text)?,
        };
        // update_text diffs old against new and splices only the difference.
        doc.update_text(&text, value)?;
    }
    let list = match doc.get(obj, "conditions")? {
        Some((Value::Object(ObjType::List), list)) => list,
        _ => doc.put_object(obj, "conditions", ObjType::List)?,
    };
    let current: Vec<String> = doc
        .list_range(&list, ..)
        .filter_map(|item| automerge::Value::from(item.value).into_string().ok())
        .collect();
    if current != draft.conditions {
        for index in (0..doc.length(&list)).rev() {
            doc.delete(&list, index)?;
        }
        for (index, condition) in draft.conditions.iter().enumerate() {
            doc.insert(&list, index, condition.as_str())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> WorkshopMeta {
        WorkshopMeta {
            title: "What matters for Esther?".into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            venue: "Höglandet library".into(),
            facilitator: "Anette".into(),
        }
    }

    fn esther() -> PersonaDraft {
        PersonaDraft {
            name: "Esther".into(),
            age: Some(88),
            living_situation: "Lives alone".into(),
            conditions: vec!["Heart failure".into(), "COPD".into()],
            what_matters: "Staying in my own home".into(),
            quote: "I don't know my next step".into(),
        }
    }

    fn actor(n: u8) -> ActorId {
        ActorId::from(vec![n; 16])
    }

    #[test]
    fn a_workshop_round_trips_through_save_and_load() {
        let mut doc = WorkshopDoc::create(&meta(), &actor(1), 1_000).unwrap();
        let added = doc.add_persona(&esther(), 2_000).unwrap();
        assert_eq!(added.details, esther());
        let bytes = doc.save();
        let loaded = WorkshopDoc::load(&bytes, &actor(1)).unwrap();
        assert_eq!(loaded.meta().unwrap(), meta());
        assert_eq!(loaded.personas().unwrap(), vec![added]);
    }

    #[test]
    fn incremental_changes_appended_to_a_save_load() {
        let mut doc = WorkshopDoc::create(&meta(), &actor(1), 1_000).unwrap();
        let mut stored = doc.save();
        let heads = doc.heads();
        let persona = doc.add_persona(&esther(), 2_000).unwrap();
        stored.extend(doc.changes_since(&heads));
        let mut edited = esther();
        edited.what_matters = "Staying in my own home, with my cat".into();
        let heads = doc.heads();
        doc.update_persona(&persona.id, &edited, 3_000).unwrap();
        stored.extend(doc.changes_since(&heads));
        let mut loaded = WorkshopDoc::load(&stored, &actor(1)).unwrap();
        assert_eq!(loaded.personas().unwrap()[0].details, edited);
        assert_eq!(loaded.last_changed_ms(), 3_000);
    }

    #[test]
    fn updating_an_unknown_persona_is_none() {
        let mut doc = WorkshopDoc::create(&meta(), &actor(1), 1_000).unwrap();
        let missing = PersonaId("nope".into());
        assert!(doc
            .update_persona(&missing, &esther(), 2_000)
            .unwrap()
            .is_none());
    }

    #[test]
    fn concurrent_text_edits_merge_character_by_character() {
        let mut a = WorkshopDoc::create(&meta(), &actor(1), 1_000).unwrap();
        let persona = a.add_persona(&esther(), 2_000).unwrap();
        let mut b = WorkshopDoc::load(&a.save(), &actor(2)).unwrap();
        let mut from_a = esther();
        from_a.what_matters = "Staying in my own home!".into();
        let mut from_b = esther();
        from_b.what_matters = "Really staying in my own home".into();
        a.update_persona(&persona.id, &from_a, 3_000).unwrap();
        b.update_persona(&persona.id, &from_b, 3_000).unwrap();
        a.doc.merge(&mut b.doc).unwrap();
        let merged = &a.personas().unwrap()[0].details.what_matters;
        assert_eq!(merged, "Really staying in my own home!");
    }

    #[test]
    fn saving_an_unchanged_form_leaves_other_laptops_edits_alone() {
        let mut a = WorkshopDoc::create(&meta(), &actor(1), 1_000).unwrap();
        let persona = a.add_persona(&esther(), 2_000).unwrap();
        let mut b = WorkshopDoc::load(&a.save(), &actor(2)).unwrap();
        let mut older = esther();
        older.age = Some(89);
        b.update_persona(&persona.id, &older, 3_000).unwrap();
        let mut quote_only = esther();
        quote_only.quote = "Nobody knows the whole of me".into();
        a.update_persona(&persona.id, &quote_only, 3_000).unwrap();
        a.doc.merge(&mut b.doc).unwrap();
        let merged = &a.personas().unwrap()[0].details;
        assert_eq!(merged.age, Some(89), "the age edit from laptop b survives");
        assert_eq!(merged.quote, "Nobody knows the whole of me");
    }

    #[test]
    fn garbage_is_reported_not_panicked() {
        for bytes in [&b""[..], b"hello", &[0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0]] {
            assert!(WorkshopDoc::load(bytes, &actor(1)).is_err());
        }
    }

    #[test]
    fn an_automerge_document_that_is_not_a_workshop_is_refused() {
        let mut other = AutoCommit::new();
        other.put(ROOT, "hello", "world").unwrap();
        let err = WorkshopDoc::load(&other.save(), &actor(1)).err().unwrap();
        assert!(matches!(err, DocumentError::NotAWorkshop), "{err}");
    }

    #[test]
    fn a_newer_format_is_refused() {
        let mut doc = WorkshopDoc::create(&meta(), &actor(1), 1_000).unwrap();
        doc.doc
            .put(
                ROOT,
                "format_version",
                ScalarValue::Uint(FORMAT_VERSION + 1),
            )
            .unwrap();
        let err = WorkshopDoc::load(&doc.save(), &actor(1)).err().unwrap();
        assert!(matches!(err, DocumentError::TooNew(_)), "{err}");
    }
}
