//! Reading values out of JSON map files (Kumu, JSON Canvas), with errors that say where.

use super::error::{Location, Place};
use super::vocabulary;
use super::InterchangeError;
use serde_json::{Map, Value};

/// Parses `text` as a JSON object, or says where the syntax is wrong.
pub fn parse_object(
    file: &str,
    format: &'static str,
    text: &str,
    expected: &str,
) -> Result<Map<String, Value>, InterchangeError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err(Place::new(file, Location::File).syntax(format, expected)),
        Err(error) => {
            let at = if error.line() == 0 {
                Location::File
            } else {
                Location::line_column(error.line() as u64, error.column() as u64)
            };
            // serde_json's message ends in " at line L column C", which the location already says.
            let message = error.to_string();
            let detail = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(detail, _)| detail);
            Err(Place::new(file, at).syntax(format, detail))
        }
    }
}

/// The array under `key`; absent or null is empty.
pub fn list<'a>(
    file: &str,
    format: &'static str,
    object: &'a Map<String, Value>,
    key: &str,
) -> Result<&'a [Value], InterchangeError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(Place::new(file, Location::File)
            .syntax(format, format!("\"{key}\" must be a list ([ … ])"))),
    }
}

/// A list entry that must be an object.
pub fn entry_object<'a>(
    place: &Place,
    format: &'static str,
    value: &'a Value,
) -> Result<&'a Map<String, Value>, InterchangeError> {
    value
        .as_object()
        .ok_or_else(|| place.syntax(format, "each entry must be an object ({ … })"))
}

/// The value under the first of `keys` present, comparing keys without regard to case.
pub fn get<'a>(object: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|key| {
        object.get(*key).or_else(|| {
            object
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v)
        })
    })
}

/// A value read as text: strings as they are, numbers and booleans written out, a list of one
/// text as that text. Null is `None`.
pub fn text(
    place: &Place,
    field: &'static str,
    value: Option<&Value>,
) -> Result<Option<String>, InterchangeError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(Value::Array(items)) if items.len() <= 1 => text(place, field, items.first()),
        Some(other) => Err(place.bad_value(field, other.to_string(), "it must be a text")),
    }
}

/// A yes/no value: a JSON boolean, or a text such as "yes". Absent is `false`.
pub fn flag(
    place: &Place,
    field: &'static str,
    value: Option<&Value>,
) -> Result<bool, InterchangeError> {
    match value {
        Some(Value::Bool(b)) => Ok(*b),
        other => match text(place, field, other)? {
            Some(text) => vocabulary::parse_bool(place, field, &text),
            None => Ok(false),
        },
    }
}

/// A number (a position or size); a text holding a number is accepted too.
pub fn number(
    place: &Place,
    field: &'static str,
    value: Option<&Value>,
) -> Result<Option<f64>, InterchangeError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_f64()
            .map(Some)
            .ok_or_else(|| place.bad_value(field, n.to_string(), "it must be a number")),
        Some(Value::String(s)) => vocabulary::parse_number(place, field, s),
        Some(other) => Err(place.bad_value(field, other.to_string(), "it must be a number")),
    }
}
