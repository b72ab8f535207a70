//! Conflicts: fields that laptops set to different values without seeing each other's edit.
//! Automerge keeps every such value and shows one; we list them all, with who and when.

use super::changes::ChangeIndex;
use crate::document::{fields_value_of, WorkshopDoc};
use crate::model::{FieldType, Kind, WORKSHOP_FIELDS_KEY};
use automerge::{ObjId, ReadDoc, ROOT};
use systematic_ipc::{Conflict, ConflictValue, ItemRef};

/// The label people know an item by: its name, title or label, else its id.
pub fn label(doc: &WorkshopDoc, kind: Kind, id: &str) -> String {
    let Ok(Some(item)) = doc.item(kind, id) else {
        return id.to_owned();
    };
    for field in [
        "name",
        "title",
        "label",
        "pseudonym",
        "question",
        "touchpoint",
        "text",
        "description",
    ] {
        let text = item.str(field).trim();
        if !text.is_empty() {
            let short: String = text.chars().take(60).collect();
            return short;
        }
    }
    id.to_owned()
}

/// The workshop's own facts, named like an item.
fn workshop_ref(doc: &WorkshopDoc) -> ItemRef {
    ItemRef {
        kind: "workshop".into(),
        id: doc.workshop_id().unwrap_or_default(),
        label: doc.meta().map(|m| m.title).unwrap_or_default(),
    }
}

pub fn item_ref(doc: &WorkshopDoc, kind: Kind, id: &str) -> ItemRef {
    ItemRef {
        kind: kind.name().to_owned(),
        id: id.to_owned(),
        label: label(doc, kind, id),
    }
}

fn conflicts_at(
    doc: &WorkshopDoc,
    index: &ChangeIndex,
    obj: &ObjId,
    keys: &[&str],
    item: &dyn Fn() -> ItemRef,
    out: &mut Vec<Conflict>,
) {
    let am = doc.automerge_ref();
    for key in keys {
        let Ok(all) = am.get_all(obj, *key) else {
            continue;
        };
        if all.len() < 2 {
            continue;
        }
        let shown = am.get(obj, *key).ok().flatten().map(|(_, id)| id);
        let values = all
            .iter()
            .map(|(value, id)| {
                let (laptop, time) = index.who_wrote(am, id);
                ConflictValue {
                    value: fields_value_of(am, value, id)
                        .map(|v| v.to_json())
                        .unwrap_or_default(),
                    laptop,
                    time,
                    shown: shown.as_ref() == Some(id),
                }
            })
            .collect();
        out.push(Conflict {
            item: item(),
            field: (*key).to_owned(),
            values,
        });
    }
}

/// Where to look for conflicts: fields written since the files' common past. Conflicts can
/// only arise where two laptops wrote, so a merge report looks only there, which on a large
/// workshop is far quicker than reading every field of every item.
#[derive(Debug, Default)]
pub struct Scope {
    pub workshop: std::collections::BTreeSet<String>,
    pub items:
        std::collections::BTreeMap<super::touches::ItemKey, std::collections::BTreeSet<String>>,
}

/// The conflicts among the fields in `scope`, in the same order as [`find`].
pub fn find_in(doc: &WorkshopDoc, index: &ChangeIndex, scope: &Scope) -> Vec<Conflict> {
    let mut out = Vec::new();
    let am = doc.automerge_ref();
    if !scope.workshop.is_empty() {
        if let Ok(Some((_, workshop))) = am.get(ROOT, WORKSHOP_FIELDS_KEY) {
            let keys: Vec<&str> = scope.workshop.iter().map(String::as_str).collect();
            conflicts_at(
                doc,
                index,
                &workshop,
                &keys,
                &|| workshop_ref(doc),
                &mut out,
            );
        }
    }
    for ((kind, id), fields) in &scope.items {
        let Ok(Some((_, collection))) = am.get(ROOT, kind.collection()) else {
            continue;
        };
        let Ok(Some((_, obj))) = am.get(&collection, id.as_str()) else {
            continue;
        };
        let keys: Vec<&str> = fields
            .iter()
            .map(String::as_str)
            .filter(|f| *f == "deleted" || kind.field(f).is_some_and(|s| !s.ty.is_container()))
            .collect();
        let item = || item_ref(doc, *kind, id);
        conflicts_at(doc, index, &obj, &keys, &item, &mut out);
    }
    out
}

/// Every conflicting field in the document, in a fixed order (workshop first, then by kind and
/// item id), so reports from any merge order read the same.
pub fn find(doc: &WorkshopDoc, index: &ChangeIndex) -> Vec<Conflict> {
    let mut out = Vec::new();
    let am = doc.automerge_ref();
    if let Ok(Some((_, workshop))) = am.get(ROOT, WORKSHOP_FIELDS_KEY) {
        let mut keys: Vec<&str> = crate::model::schema::WORKSHOP_FIELDS
            .iter()
            .filter(|s| !s.ty.is_container())
            .map(|s| s.name)
            .collect();
        keys.push("id");
        conflicts_at(
            doc,
            index,
            &workshop,
            &keys,
            &|| workshop_ref(doc),
            &mut out,
        );
    }
    for kind in Kind::ALL {
        let Ok(Some((_, collection))) = am.get(ROOT, kind.collection()) else {
            continue;
        };
        let mut keys: Vec<&str> = kind
            .fields()
            .iter()
            .filter(|s| !matches!(s.ty, FieldType::Text { .. }) && !s.ty.is_container())
            .map(|s| s.name)
            .collect();
        keys.push("deleted");
        let mut ids: Vec<String> = am.keys(&collection).collect();
        ids.sort();
        for id in ids {
            let Ok(Some((_, obj))) = am.get(&collection, id.as_str()) else {
                continue;
            };
            let item = || item_ref(doc, *kind, &id);
            conflicts_at(doc, index, &obj, &keys, &item, &mut out);
        }
    }
    out
}
