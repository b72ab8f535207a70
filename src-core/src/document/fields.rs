//! Reading and writing one field of an item (or of the workshop map) in the Automerge document.
//!
//! Writes touch only what changed: a text is spliced where it differs, a list is spliced where
//! it differs, and a scalar equal to the stored one is not written again. Saving a form therefore
//! never overwrites a field another laptop edited and this one did not.

use crate::model::{FieldSpec, FieldType, FieldValue};
use automerge::transaction::Transactable;
use automerge::{
    AutoCommit, AutomergeError, ChangeHash, ObjId, ObjType, ReadDoc, ScalarValue, Value,
};

type Result<T> = std::result::Result<T, AutomergeError>;

/// A stored scalar as a field value.
pub fn scalar_value(scalar: &ScalarValue) -> FieldValue {
    match scalar {
        ScalarValue::Str(s) => FieldValue::Str(s.to_string()),
        ScalarValue::Int(n) | ScalarValue::Timestamp(n) => FieldValue::Int(*n),
        ScalarValue::Uint(n) => i64::try_from(*n).map_or(FieldValue::Null, FieldValue::Int),
        ScalarValue::F64(f) => FieldValue::Number(*f),
        ScalarValue::Boolean(b) => FieldValue::Bool(*b),
        _ => FieldValue::Null,
    }
}

/// Reads a scalar key (`id`, `created`, `deleted`) at the current heads.
pub fn read_scalar(doc: &AutoCommit, obj: &ObjId, key: &str) -> Result<FieldValue> {
    Ok(match doc.get(obj, key)? {
        Some((Value::Scalar(s), _)) => scalar_value(&s),
        _ => FieldValue::Null,
    })
}

/// Converts one stored value (scalar or container) into a field value.
pub fn value_of(
    doc: &AutoCommit,
    value: &Value<'_>,
    id: &ObjId,
    heads: Option<&[ChangeHash]>,
) -> Result<FieldValue> {
    Ok(match value {
        Value::Scalar(s) => scalar_value(s),
        Value::Object(ObjType::Text) => FieldValue::Text(match heads {
            Some(h) => doc.text_at(id, h)?,
            None => doc.text(id)?,
        }),
        Value::Object(ObjType::List) => {
            let items: Vec<String> = match heads {
                Some(h) => doc
                    .list_range_at(id, .., h)
                    .filter_map(|item| Value::from(item.value).into_string().ok())
                    .collect(),
                None => doc
                    .list_range(id, ..)
                    .filter_map(|item| Value::from(item.value).into_string().ok())
                    .collect(),
            };
            FieldValue::List(items)
        }
        Value::Object(_) => FieldValue::Null,
    })
}

/// Reads a field, at `heads` or (with `None`) now. A missing field reads as its empty value.
pub fn read_at(
    doc: &AutoCommit,
    obj: &ObjId,
    spec: &FieldSpec,
    heads: Option<&[ChangeHash]>,
) -> Result<FieldValue> {
    let found = match heads {
        Some(h) => doc.get_at(obj, spec.name, h)?,
        None => doc.get(obj, spec.name)?,
    };
    match found {
        Some((value, id)) => value_of(doc, &value, &id, heads),
        None => Ok(empty(spec)),
    }
}

pub fn read(doc: &AutoCommit, obj: &ObjId, spec: &FieldSpec) -> Result<FieldValue> {
    read_at(doc, obj, spec, None)
}

/// The value a field has before anything is written to it.
pub fn empty(spec: &FieldSpec) -> FieldValue {
    match spec.ty {
        FieldType::Text { .. } => FieldValue::Text(String::new()),
        FieldType::Refs { .. } | FieldType::Lines { .. } | FieldType::Dates { .. } => {
            FieldValue::List(Vec::new())
        }
        _ => FieldValue::Null,
    }
}

/// Creates the text or list a container field lives in. Only ever called for a new item (or in
/// the genesis), so no two laptops create the same container.
pub fn create_container(doc: &mut AutoCommit, obj: &ObjId, spec: &FieldSpec) -> Result<ObjId> {
    let ty = match spec.ty {
        FieldType::Text { .. } => ObjType::Text,
        _ => ObjType::List,
    };
    doc.put_object(obj, spec.name, ty)
}

fn container(doc: &mut AutoCommit, obj: &ObjId, spec: &FieldSpec) -> Result<ObjId> {
    match doc.get(obj, spec.name)? {
        Some((Value::Object(_), id)) => Ok(id),
        // Containers are created with their item (or in the genesis) and nowhere else: two
        // laptops creating one here would each get their own, and a merge would hide one. A
        // document without it was not written by this app; refuse rather than guess.
        _ => Err(AutomergeError::Fail),
    }
}

/// Writes a checked value, touching only what differs from what is stored.
pub fn write(
    doc: &mut AutoCommit,
    obj: &ObjId,
    spec: &FieldSpec,
    value: &FieldValue,
) -> Result<()> {
    if spec.ty.is_container() {
        let id = container(doc, obj, spec)?;
        return match value {
            FieldValue::Text(text) => doc.update_text(&id, text),
            FieldValue::List(items) => splice_list(doc, &id, items),
            _ => Ok(()),
        };
    }
    if read(doc, obj, spec)? == *value {
        return Ok(());
    }
    let scalar = match value {
        FieldValue::Null => ScalarValue::Null,
        FieldValue::Str(s) | FieldValue::Text(s) => ScalarValue::Str(s.as_str().into()),
        FieldValue::Int(n) => ScalarValue::Int(*n),
        FieldValue::Number(f) => ScalarValue::F64(*f),
        FieldValue::Bool(b) => ScalarValue::Boolean(*b),
        FieldValue::List(_) => ScalarValue::Null,
    };
    doc.put(obj, spec.name, scalar)
}

/// Makes the list at `list` equal to `wanted` by replacing only the differing middle part, so
/// entries another laptop added around it survive a merge.
fn splice_list(doc: &mut AutoCommit, list: &ObjId, wanted: &[String]) -> Result<()> {
    let current: Vec<String> = doc
        .list_range(list, ..)
        .map(|item| Value::from(item.value).into_string().unwrap_or_default())
        .collect();
    if current == wanted {
        return Ok(());
    }
    let prefix = current
        .iter()
        .zip(wanted)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = current[prefix..]
        .iter()
        .rev()
        .zip(wanted[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    for index in (prefix..current.len() - suffix).rev() {
        doc.delete(list, index)?;
    }
    for (offset, item) in wanted[prefix..wanted.len() - suffix].iter().enumerate() {
        doc.insert(list, prefix + offset, item.as_str())?;
    }
    Ok(())
}
