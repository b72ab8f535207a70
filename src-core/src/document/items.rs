//! Items: adding, editing, deleting and reading the things a workshop is made of.

use super::{fields, DocumentError, WorkshopDoc};
use crate::model::{check_id, value, FieldType, FieldValue, Kind, ModelError};
use automerge::transaction::Transactable;
use automerge::{ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;

type Result<T> = std::result::Result<T, DocumentError>;

/// One item as stored: its kind, id, when it was added, whether it is deleted, and its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: Kind,
    pub id: String,
    /// Milliseconds since the Unix epoch, as stamped by the laptop that added it.
    pub created: i64,
    pub deleted: bool,
    pub fields: BTreeMap<&'static str, FieldValue>,
}

impl Item {
    pub fn get(&self, field: &str) -> &FieldValue {
        self.fields.get(field).unwrap_or(&FieldValue::Null)
    }

    pub fn str(&self, field: &str) -> &str {
        self.get(field).as_str().unwrap_or_default()
    }

    /// The item as a JSON object: `id`, `created`, `deleted`, then every field.
    pub fn to_json(&self) -> Json {
        let mut object = Map::new();
        object.insert("id".into(), Json::String(self.id.clone()));
        object.insert("created".into(), Json::from(self.created));
        object.insert("deleted".into(), Json::Bool(self.deleted));
        for (name, value) in &self.fields {
            object.insert((*name).to_owned(), value.to_json());
        }
        Json::Object(object)
    }
}

/// A field value from a hydrated item map.
fn hydrated_value(value: Option<&automerge::hydrate::Value>) -> FieldValue {
    use automerge::hydrate::Value as H;
    match value {
        Some(H::Scalar(scalar)) => fields::scalar_value(scalar),
        Some(H::Text(text)) => FieldValue::Text(text.to_string()),
        Some(H::List(list)) => FieldValue::List(
            list.iter()
                .filter_map(|entry| match &entry.value {
                    H::Scalar(ScalarValue::Str(s)) => Some(s.to_string()),
                    _ => None,
                })
                .collect(),
        ),
        _ => FieldValue::Null,
    }
}

fn item_from_hydrated(kind: Kind, id: &str, map: &automerge::hydrate::Map) -> Item {
    let mut values = BTreeMap::new();
    for spec in kind.fields() {
        let value = match hydrated_value(map.get(spec.name)) {
            FieldValue::Null => fields::empty(spec),
            value => value,
        };
        values.insert(spec.name, value);
    }
    Item {
        kind,
        id: id.to_owned(),
        created: hydrated_value(map.get("created")).as_i64().unwrap_or(0),
        deleted: hydrated_value(map.get("deleted")) == FieldValue::Bool(true),
        fields: values,
    }
}

fn not_found(kind: Kind, id: &str) -> DocumentError {
    ModelError::NotFound {
        kind: kind.name().into(),
        id: id.into(),
    }
    .into()
}

impl WorkshopDoc {
    fn collection(&self, kind: Kind) -> Result<ObjId> {
        match self.doc.get(ROOT, kind.collection())? {
            Some((Value::Object(ObjType::Map), id)) => Ok(id),
            _ => Err(DocumentError::BadField("collection")),
        }
    }

    /// The map of item `id` of `kind`, deleted or not.
    fn item_obj(&self, kind: Kind, id: &str) -> Result<Option<ObjId>> {
        let collection = self.collection(kind)?;
        Ok(match self.doc.get(&collection, id)? {
            Some((Value::Object(ObjType::Map), obj)) => Some(obj),
            _ => None,
        })
    }

    /// The kind of the item with this id, looking in every collection.
    pub fn kind_of(&self, id: &str) -> Result<Option<Kind>> {
        for kind in Kind::ALL {
            if self.item_obj(*kind, id)?.is_some() {
                return Ok(Some(*kind));
            }
        }
        Ok(None)
    }

    fn live_obj(&self, kind: Kind, id: &str) -> Result<ObjId> {
        let obj = self
            .item_obj(kind, id)?
            .ok_or_else(|| not_found(kind, id))?;
        if fields::read_scalar(&self.doc, &obj, "deleted")? == FieldValue::Bool(true) {
            return Err(not_found(kind, id));
        }
        Ok(obj)
    }

    /// Reads one item, deleted or not.
    pub fn item(&self, kind: Kind, id: &str) -> Result<Option<Item>> {
        match self.item_obj(kind, id)? {
            Some(obj) => self.read_item(kind, id, &obj).map(Some),
            None => Ok(None),
        }
    }

    fn read_item(&self, kind: Kind, id: &str, obj: &ObjId) -> Result<Item> {
        let mut values = BTreeMap::new();
        for spec in kind.fields() {
            values.insert(spec.name, fields::read(&self.doc, obj, spec)?);
        }
        Ok(Item {
            kind,
            id: id.to_owned(),
            created: fields::read_scalar(&self.doc, obj, "created")?
                .as_i64()
                .unwrap_or(0),
            deleted: fields::read_scalar(&self.doc, obj, "deleted")? == FieldValue::Bool(true),
            fields: values,
        })
    }

    /// Every item of `kind`, deleted ones included, oldest first (ties by id, so the order is
    /// the same on every laptop). The collection is read in one pass (`hydrate`), which on a large
    /// workshop is many times quicker than reading field by field.
    pub fn items(&self, kind: Kind) -> Result<Vec<Item>> {
        let collection = self.collection(kind)?;
        let mut found = Vec::new();
        if self.doc.pending_ops() > 0 {
            // `hydrate` reads committed changes only; mid-edit, read field by field so the
            // edit's own operations count (a vote checked against votes cast just before it).
            for id in self.doc.keys(&collection) {
                if let Some((Value::Object(ObjType::Map), obj)) = self.doc.get(&collection, &id)? {
                    found.push(self.read_item(kind, &id, &obj)?);
                }
            }
        } else {
            let automerge::hydrate::Value::Map(map) = self.doc.hydrate(&collection, None)? else {
                return Err(DocumentError::BadField("collection"));
            };
            for (id, entry) in map.iter() {
                if let automerge::hydrate::Value::Map(fields) = &entry.value {
                    found.push(item_from_hydrated(kind, id, fields));
                }
            }
        }
        found.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
        Ok(found)
    }

    /// Items of `kind` that are not deleted.
    pub fn live_items(&self, kind: Kind) -> Result<Vec<Item>> {
        let mut items = self.items(kind)?;
        items.retain(|item| !item.deleted);
        Ok(items)
    }

    /// How many items of `kind` are not deleted.
    pub fn live_count(&self, kind: Kind) -> usize {
        let Ok(collection) = self.collection(kind) else {
            return 0;
        };
        self.doc
            .map_range(&collection, ..)
            .filter(|entry| {
                !matches!(
                    fields::read_scalar(&self.doc, &entry.id(), "deleted"),
                    Ok(FieldValue::Bool(true))
                )
            })
            .count()
    }

    /// Checks the fields sent for `kind` and returns them ready to write.
    fn check_fields(
        &self,
        kind: Kind,
        sent: &Map<String, Json>,
    ) -> Result<Vec<(&'static crate::model::FieldSpec, FieldValue)>> {
        let mut checked = Vec::new();
        for (name, json) in sent {
            let spec = kind.field(name).ok_or_else(|| ModelError::UnknownField {
                kind: kind.name().into(),
                field: name.clone(),
            })?;
            let value = value::check(spec, json)?;
            self.check_references(spec, &value)?;
            checked.push((spec, value));
        }
        Ok(checked)
    }

    pub(super) fn check_references(
        &self,
        spec: &crate::model::FieldSpec,
        value: &FieldValue,
    ) -> Result<()> {
        let (kinds, ids): (&[Kind], Vec<&str>) = match (spec.ty, value) {
            (FieldType::Ref(kinds), FieldValue::Str(id)) => (kinds, vec![id.as_str()]),
            (FieldType::Refs { kinds, .. }, FieldValue::List(ids)) => {
                (kinds, ids.iter().map(String::as_str).collect())
            }
            _ => return Ok(()),
        };
        for id in ids {
            let found = match kinds {
                [] => self.kind_of(id)?,
                kinds => kinds
                    .iter()
                    .copied()
                    .find(|k| matches!(self.item_obj(*k, id), Ok(Some(_)))),
            };
            if found.is_none() {
                return Err(ModelError::BadReference {
                    field: spec.name.into(),
                    id: id.into(),
                }
                .into());
            }
        }
        Ok(())
    }

    /// Adds an item of `kind` with the given fields and returns its id (a new random one unless
    /// `id` is given). Nothing is committed: call [`WorkshopDoc::commit`].
    pub fn add(
        &mut self,
        kind: Kind,
        id: Option<&str>,
        sent: &Map<String, Json>,
        now_ms: i64,
    ) -> Result<String> {
        let id = match id {
            Some(id) => {
                check_id(id)?;
                id.to_owned()
            }
            None => uuid::Uuid::new_v4().to_string(),
        };
        if self.kind_of(&id)?.is_some() {
            return Err(ModelError::AlreadyExists(id).into());
        }
        let collection = self.collection(kind)?;
        if self.doc.length(&collection) >= kind.max_items() {
            return Err(ModelError::Full {
                kind: kind.name().into(),
                max: kind.max_items(),
            }
            .into());
        }
        let checked = self.check_fields(kind, sent)?;
        for spec in kind.fields().iter().filter(|s| s.required) {
            if !checked.iter().any(|(s, _)| s.name == spec.name) {
                return Err(ModelError::Required {
                    field: spec.name.into(),
                }
                .into());
            }
        }
        if kind == Kind::Vote {
            self.check_vote(&checked)?;
        }
        let obj = self
            .doc
            .put_object(&collection, id.as_str(), ObjType::Map)?;
        self.doc
            .put(&obj, "created", ScalarValue::Timestamp(now_ms))?;
        self.doc.put(&obj, "deleted", false)?;
        for spec in kind.fields().iter().filter(|s| s.ty.is_container()) {
            fields::create_container(&mut self.doc, &obj, spec)?;
        }
        for (spec, value) in &checked {
            fields::write(&mut self.doc, &obj, spec, value)?;
        }
        Ok(id)
    }

    /// Changes the given fields of a live item, leaving the others alone.
    pub fn set(&mut self, kind: Kind, id: &str, sent: &Map<String, Json>) -> Result<()> {
        if kind == Kind::Vote {
            // A cast dot is not moved: its checks (open round, candidate, dots left) were made
            // when it was cast. Delete it and vote again instead.
            if let Some(field) = ["round", "participant", "item"]
                .into_iter()
                .find(|f| sent.contains_key(*f))
            {
                return Err(ModelError::WrongType {
                    field: field.into(),
                    expected: "left as cast (delete the vote and vote again)",
                }
                .into());
            }
        }
        let obj = self.live_obj(kind, id)?;
        let checked = self.check_fields(kind, sent)?;
        for (spec, value) in &checked {
            fields::write(&mut self.doc, &obj, spec, value)?;
        }
        Ok(())
    }

    /// Marks an item deleted. It stays in the document (and in the history) and can be restored.
    pub fn delete(&mut self, kind: Kind, id: &str) -> Result<()> {
        let obj = self.live_obj(kind, id)?;
        self.doc.put(&obj, "deleted", true)?;
        Ok(())
    }

    /// Brings a deleted item back.
    pub fn restore(&mut self, kind: Kind, id: &str) -> Result<()> {
        let obj = self
            .item_obj(kind, id)?
            .ok_or_else(|| not_found(kind, id))?;
        let deleted = fields::read_scalar(&self.doc, &obj, "deleted")? == FieldValue::Bool(true);
        if kind == Kind::Vote && deleted {
            // A restored dot must pass the same checks as a new one.
            let vote = self.read_item(kind, id, &obj)?;
            let checked: Vec<_> = ["round", "participant", "item", "paper"]
                .into_iter()
                .filter_map(|name| kind.field(name).map(|spec| (spec, vote.get(name).clone())))
                .collect();
            self.check_vote(&checked)?;
        }
        if fields::read_scalar(&self.doc, &obj, "deleted")? != FieldValue::Bool(false) {
            self.doc.put(&obj, "deleted", false)?;
        }
        Ok(())
    }

    /// Splices a long text: deletes `delete` characters at `position` and inserts `insert` there.
    pub fn splice_text(
        &mut self,
        kind: Kind,
        id: &str,
        field: &str,
        position: usize,
        delete: usize,
        insert: &str,
    ) -> Result<()> {
        let obj = self.live_obj(kind, id)?;
        let spec = kind.field(field).ok_or_else(|| ModelError::UnknownField {
            kind: kind.name().into(),
            field: field.into(),
        })?;
        let FieldType::Text { max } = spec.ty else {
            return Err(ModelError::WrongType {
                field: field.into(),
                expected: "a long text to splice",
            }
            .into());
        };
        let current = fields::read(&self.doc, &obj, spec)?;
        let length = current.as_str().unwrap_or_default().chars().count();
        if position > length || delete > length - position {
            return Err(ModelError::BadPosition { position, length }.into());
        }
        let new_length = length - delete + insert.chars().count();
        if spec.required && new_length == 0 {
            return Err(ModelError::Required {
                field: field.into(),
            }
            .into());
        }
        if new_length > max {
            return Err(ModelError::TooLong {
                field: field.into(),
                max,
            }
            .into());
        }
        // The text was created with its item; creating it here could make two rival texts on
        // two laptops, one of which a merge would hide.
        let Some((Value::Object(ObjType::Text), text)) = self.doc.get(&obj, field)? else {
            return Err(DocumentError::BadField("text"));
        };
        let delete = isize::try_from(delete).unwrap_or(isize::MAX);
        self.doc.splice_text(&text, position, delete, insert)?;
        Ok(())
    }

    /// A vote is only taken while its round is open, from a known participant, for one of the
    /// round's candidates, and while the participant has dots left. A paper tally (a paper dot
    /// with nobody named) has no one's limits to check.
    fn check_vote(&self, checked: &[(&'static crate::model::FieldSpec, FieldValue)]) -> Result<()> {
        let get = |name: &str| {
            checked
                .iter()
                .find(|(s, _)| s.name == name)
                .and_then(|(_, v)| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        let (round_id, participant, item) = (get("round"), get("participant"), get("item"));
        let round = self
            .item(Kind::VoteRound, &round_id)?
            .filter(|r| !r.deleted)
            .ok_or_else(|| not_found(Kind::VoteRound, &round_id))?;
        if round.str("status") == "closed" {
            return Err(ModelError::RoundClosed(round_id).into());
        }
        let paper = checked
            .iter()
            .any(|(s, v)| s.name == "paper" && *v == FieldValue::Bool(true));
        if participant.is_empty() {
            if !paper {
                return Err(ModelError::Required {
                    field: "participant".into(),
                }
                .into());
            }
        } else {
            self.live_obj(Kind::Participant, &participant)?;
        }
        if !round.get("candidates").as_list().contains(&item) {
            return Err(ModelError::NotACandidate {
                round: round_id,
                item,
            }
            .into());
        }
        if participant.is_empty() {
            return Ok(());
        }
        let limits = crate::votes::RoundLimits::of(&round);
        let (mut total, mut on_item) = (0, 0);
        for vote in self.live_items(Kind::Vote)? {
            if vote.str("round") == round_id && vote.str("participant") == participant {
                total += 1;
                if vote.str("item") == item {
                    on_item += 1;
                }
            }
        }
        if total >= limits.dots_per_person || on_item >= limits.max_per_item {
            return Err(ModelError::NoDotsLeft {
                round: round_id,
                participant,
            }
            .into());
        }
        Ok(())
    }
}
