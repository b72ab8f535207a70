//! What a set of changes touched, read from Automerge patches: items added, fields changed,
//! items deleted, long texts edited.

use crate::model::{FieldType, Kind, WORKSHOP_FIELDS_KEY};
use automerge::{Patch, PatchAction, Prop, ScalarValue, Value};
use std::collections::{BTreeMap, BTreeSet};

/// An item, by kind and id.
pub type ItemKey = (Kind, String);

#[derive(Debug, Default, Clone)]
pub struct Touches {
    pub added: BTreeSet<ItemKey>,
    /// Items changed (not added here), with the fields that changed.
    pub changed: BTreeMap<ItemKey, BTreeSet<String>>,
    pub deleted: BTreeSet<ItemKey>,
    /// Long texts edited: item and field.
    pub texts: BTreeSet<(ItemKey, String)>,
    /// Workshop facts changed.
    pub workshop: BTreeSet<String>,
}

fn prop_name(prop: &Prop) -> String {
    match prop {
        Prop::Map(key) => key.clone(),
        Prop::Seq(index) => index.to_string(),
    }
}

/// The map key a patch writes, when it writes one.
fn action_key(action: &PatchAction) -> Option<String> {
    match action {
        PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => Some(key.clone()),
        PatchAction::Conflict { prop } | PatchAction::Increment { prop, .. } => {
            Some(prop_name(prop))
        }
        _ => None,
    }
}

fn is_true(action: &PatchAction) -> bool {
    matches!(
        action,
        PatchAction::PutMap {
            value: (Value::Scalar(s), _),
            ..
        } if matches!(s.as_ref(), ScalarValue::Boolean(true))
    )
}

/// Sorts the patches of a diff into what they did to the workshop's items.
pub fn classify(patches: &[Patch]) -> Touches {
    let mut touches = Touches::default();
    for patch in patches {
        let props: Vec<String> = patch.path.iter().map(|(_, p)| prop_name(p)).collect();
        let key = action_key(&patch.action);
        let Some(first) = props.first() else {
            continue;
        };
        if first == WORKSHOP_FIELDS_KEY {
            if let Some(field) = props.get(1).cloned().or(key) {
                touches.workshop.insert(field);
            }
            continue;
        }
        let Some(kind) = Kind::from_collection(first) else {
            continue;
        };
        match props.as_slice() {
            [_] => {
                if let (PatchAction::PutMap { .. }, Some(id)) = (&patch.action, key) {
                    touches.added.insert((kind, id));
                }
            }
            [_, id] => match key.as_deref() {
                Some("created") | None => {}
                Some("deleted") if is_true(&patch.action) => {
                    touches.deleted.insert((kind, id.clone()));
                }
                Some(field) => {
                    touches
                        .changed
                        .entry((kind, id.clone()))
                        .or_default()
                        .insert(field.to_owned());
                }
            },
            [_, id, field, ..] => {
                let item = (kind, id.clone());
                if matches!(
                    kind.field(field).map(|s| s.ty),
                    Some(FieldType::Text { .. })
                ) {
                    touches.texts.insert((item.clone(), field.clone()));
                }
                touches
                    .changed
                    .entry(item)
                    .or_default()
                    .insert(field.clone());
            }
            [] => {}
        }
    }
    let added = touches.added.clone();
    touches.changed.retain(|item, _| !added.contains(item));
    touches.texts.retain(|(item, _)| !added.contains(item));
    touches
}
