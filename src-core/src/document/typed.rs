//! The typed view the app's screens use (workshop facts, personas), built on the generic items.

use super::{DocumentError, WorkshopDoc};
use crate::model::{FieldValue, Kind};
use chrono::NaiveDate;
use serde_json::{json, Map, Value as Json};
use std::collections::BTreeMap;
use systematic_ipc::{Persona, PersonaDraft, PersonaId, WorkshopMeta};

type Result<T> = std::result::Result<T, DocumentError>;

/// The workshop facts as the "New workshop" form sends them.
pub fn meta_fields(meta: &WorkshopMeta) -> BTreeMap<String, Json> {
    let facilitators: Vec<&str> = meta
        .facilitator
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    BTreeMap::from([
        ("title".to_owned(), json!(meta.title)),
        (
            "dates".to_owned(),
            json!([meta.date.format("%Y-%m-%d").to_string()]),
        ),
        ("venue".to_owned(), json!(meta.venue)),
        ("facilitators".to_owned(), json!(facilitators)),
    ])
}

/// A persona form's contents as item fields.
pub fn persona_fields(draft: &PersonaDraft) -> Map<String, Json> {
    let mut fields = Map::new();
    fields.insert("name".into(), json!(draft.name));
    fields.insert("age".into(), json!(draft.age));
    fields.insert("segment".into(), json!(draft.segment));
    fields.insert("living_situation".into(), json!(draft.living_situation));
    fields.insert("conditions".into(), json!(draft.conditions));
    fields.insert("what_matters".into(), json!(draft.what_matters));
    fields.insert("goals".into(), json!(draft.goals));
    fields.insert("worries".into(), json!(draft.worries));
    fields.insert("family_and_friends".into(), json!(draft.family_and_friends));
    fields.insert("services_used".into(), json!(draft.services_used));
    fields.insert("quote".into(), json!(draft.quote));
    fields.insert("seldom_heard".into(), json!(draft.seldom_heard));
    fields.insert("portrait".into(), json!(draft.portrait));
    fields
}

fn persona_of(item: &super::Item) -> Persona {
    Persona {
        id: PersonaId(item.id.clone()),
        details: PersonaDraft {
            name: item.str("name").to_owned(),
            age: item.get("age").as_i64().and_then(|a| u16::try_from(a).ok()),
            segment: item.str("segment").to_owned(),
            living_situation: item.str("living_situation").to_owned(),
            conditions: item.get("conditions").as_list().to_vec(),
            what_matters: item.str("what_matters").to_owned(),
            goals: item.str("goals").to_owned(),
            worries: item.str("worries").to_owned(),
            family_and_friends: item.str("family_and_friends").to_owned(),
            services_used: item.get("services_used").as_list().to_vec(),
            quote: item.str("quote").to_owned(),
            seldom_heard: *item.get("seldom_heard") == FieldValue::Bool(true),
            portrait: item.get("portrait").as_str().map(str::to_owned),
        },
    }
}

impl WorkshopDoc {
    /// The workshop's facts as the workshop page shows them.
    pub fn meta(&self) -> Result<WorkshopMeta> {
        let facts = self.workshop_fields()?;
        let text = |name: &str| {
            facts
                .get(name)
                .and_then(FieldValue::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let list = |name: &str| {
            facts
                .get(name)
                .map(|v| v.as_list().to_vec())
                .unwrap_or_default()
        };
        let date = list("dates")
            .first()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .unwrap_or_default();
        Ok(WorkshopMeta {
            title: text("title"),
            date,
            venue: text("venue"),
            facilitator: list("facilitators").join(", "),
        })
    }

    /// The personas that are not deleted, oldest first.
    pub fn personas(&self) -> Result<Vec<Persona>> {
        Ok(self
            .live_items(Kind::Persona)?
            .iter()
            .map(persona_of)
            .collect())
    }

    /// How many personas the workshop has.
    pub fn persona_count(&self) -> usize {
        self.live_count(Kind::Persona)
    }

    /// Adds a persona (already checked against the limits), commits, and returns it.
    pub fn add_persona(&mut self, draft: &PersonaDraft, now_ms: i64) -> Result<Persona> {
        let id = self.add(Kind::Persona, None, &persona_fields(draft), now_ms)?;
        self.commit(&format!("add persona {}", draft.name), now_ms);
        let item = self
            .item(Kind::Persona, &id)?
            .ok_or(DocumentError::BadField("persona"))?;
        Ok(persona_of(&item))
    }

    /// Writes a persona's details, touching only what changed, commits, and returns it; `None`
    /// when there is no such persona.
    pub fn update_persona(
        &mut self,
        id: &PersonaId,
        draft: &PersonaDraft,
        now_ms: i64,
    ) -> Result<Option<Persona>> {
        match self.item(Kind::Persona, &id.0)? {
            Some(item) if !item.deleted => {}
            _ => return Ok(None),
        }
        self.set(Kind::Persona, &id.0, &persona_fields(draft))?;
        self.commit(&format!("edit persona {}", draft.name), now_ms);
        Ok(self
            .item(Kind::Persona, &id.0)?
            .map(|item| persona_of(&item)))
    }
}
