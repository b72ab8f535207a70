//! Field values: checking what a form or a script sends, and converting to and from JSON.

use super::schema::{FieldSpec, FieldType};
use super::ModelError;
use chrono::NaiveDate;
use serde_json::Value as Json;

/// A checked field value, ready to be written to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// Not set (an empty short string, number or choice).
    Null,
    Str(String),
    /// The full contents of an Automerge text.
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
    /// A list of strings (lines, dates or item ids).
    List(Vec<String>),
}

impl FieldValue {
    pub fn to_json(&self) -> Json {
        match self {
            Self::Null => Json::Null,
            Self::Str(s) | Self::Text(s) => Json::String(s.clone()),
            Self::Int(n) => Json::from(*n),
            Self::Number(n) => serde_json::Number::from_f64(*n).map_or(Json::Null, Json::Number),
            Self::Bool(b) => Json::Bool(*b),
            Self::List(items) => Json::Array(items.iter().cloned().map(Json::String).collect()),
        }
    }

    /// Whether the value counts as "filled in" for a required field.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Null => true,
            Self::Str(s) | Self::Text(s) => s.trim().is_empty(),
            Self::List(items) => items.is_empty(),
            _ => false,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Str(s) | Self::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_list(&self) -> &[String] {
        match self {
            Self::List(items) => items,
            _ => &[],
        }
    }
}

fn wrong(spec: &FieldSpec, expected: &'static str) -> ModelError {
    ModelError::WrongType {
        field: spec.name.to_owned(),
        expected,
    }
}

fn check_length(spec: &FieldSpec, value: &str, max: usize) -> Result<(), ModelError> {
    if value.chars().count() > max {
        return Err(ModelError::TooLong {
            field: spec.name.to_owned(),
            max,
        });
    }
    Ok(())
}

fn check_date(spec: &FieldSpec, value: &str) -> Result<String, ModelError> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| ModelError::BadDate {
            field: spec.name.to_owned(),
            value: value.to_owned(),
        })
}

fn strings<'a>(spec: &FieldSpec, json: &'a Json) -> Result<Vec<&'a str>, ModelError> {
    match json {
        Json::Null => Ok(Vec::new()),
        Json::Array(items) => items
            .iter()
            .map(|item| item.as_str().ok_or_else(|| wrong(spec, "a list of texts")))
            .collect(),
        _ => Err(wrong(spec, "a list of texts")),
    }
}

fn check_count(spec: &FieldSpec, count: usize, max: usize) -> Result<(), ModelError> {
    if count > max {
        return Err(ModelError::TooMany {
            field: spec.name.to_owned(),
            max,
        });
    }
    Ok(())
}

/// Checks `json` against the field's type and limits and returns the value to store. Short
/// strings and long texts are trimmed; blank list entries are dropped; references are only
/// checked for form here (whether they point at an item is the document's job).
pub fn check(spec: &FieldSpec, json: &Json) -> Result<FieldValue, ModelError> {
    let value = match spec.ty {
        FieldType::Line { max } => match json {
            Json::Null => FieldValue::Null,
            Json::String(s) => {
                let s = s.trim();
                check_length(spec, s, max)?;
                if s.is_empty() {
                    FieldValue::Null
                } else {
                    FieldValue::Str(s.to_owned())
                }
            }
            _ => return Err(wrong(spec, "a text")),
        },
        FieldType::Text { max } => match json {
            Json::Null => FieldValue::Text(String::new()),
            Json::String(s) => {
                let s = s.trim();
                check_length(spec, s, max)?;
                FieldValue::Text(s.to_owned())
            }
            _ => return Err(wrong(spec, "a text")),
        },
        FieldType::Int { min, max } => match json {
            Json::Null => FieldValue::Null,
            Json::Number(n) => {
                let n = n.as_i64().ok_or_else(|| wrong(spec, "a whole number"))?;
                if n < min || n > max {
                    return Err(ModelError::OutOfRange {
                        field: spec.name.to_owned(),
                        min,
                        max,
                    });
                }
                FieldValue::Int(n)
            }
            _ => return Err(wrong(spec, "a whole number")),
        },
        FieldType::Number => match json {
            Json::Null => FieldValue::Null,
            Json::Number(n) => match n.as_f64() {
                Some(f) if f.is_finite() && f.abs() <= 1e9 => FieldValue::Number(f),
                _ => return Err(wrong(spec, "a number")),
            },
            _ => return Err(wrong(spec, "a number")),
        },
        FieldType::Bool => match json {
            Json::Null => FieldValue::Null,
            Json::Bool(b) => FieldValue::Bool(*b),
            _ => return Err(wrong(spec, "true or false")),
        },
        FieldType::Date => match json {
            Json::Null => FieldValue::Null,
            Json::String(s) if s.trim().is_empty() => FieldValue::Null,
            Json::String(s) => FieldValue::Str(check_date(spec, s)?),
            _ => return Err(wrong(spec, "a date")),
        },
        FieldType::Choice(choices) => match json {
            Json::Null => FieldValue::Null,
            Json::String(s) if choices.contains(&s.as_str()) => FieldValue::Str(s.clone()),
            Json::String(s) => {
                return Err(ModelError::NotAChoice {
                    field: spec.name.to_owned(),
                    value: s.clone(),
                })
            }
            _ => return Err(wrong(spec, "a text")),
        },
        FieldType::Ref(_) => match json {
            Json::Null => FieldValue::Null,
            Json::String(s) if s.is_empty() => FieldValue::Null,
            Json::String(s) => {
                super::check_id(s)?;
                FieldValue::Str(s.clone())
            }
            _ => return Err(wrong(spec, "an item id")),
        },
        FieldType::Refs { max, .. } => {
            let mut ids: Vec<String> = Vec::new();
            for id in strings(spec, json)? {
                super::check_id(id)?;
                if !ids.iter().any(|known| known == id) {
                    ids.push(id.to_owned());
                }
            }
            check_count(spec, ids.len(), max)?;
            FieldValue::List(ids)
        }
        FieldType::Lines { max_each, max } => {
            let mut lines = Vec::new();
            for line in strings(spec, json)? {
                let line = line.trim();
                check_length(spec, line, max_each)?;
                if !line.is_empty() {
                    lines.push(line.to_owned());
                }
            }
            check_count(spec, lines.len(), max)?;
            FieldValue::List(lines)
        }
        FieldType::Dates { max } => {
            let dates = strings(spec, json)?
                .into_iter()
                .filter(|d| !d.trim().is_empty())
                .map(|d| check_date(spec, d))
                .collect::<Result<Vec<_>, _>>()?;
            check_count(spec, dates.len(), max)?;
            FieldValue::List(dates)
        }
    };
    if spec.required && value.is_empty() {
        return Err(ModelError::Required {
            field: spec.name.to_owned(),
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use serde_json::json;

    fn spec(kind: Kind, name: &str) -> &'static FieldSpec {
        kind.field(name).unwrap()
    }

    #[test]
    fn lines_are_trimmed_and_limited() {
        let name = spec(Kind::Persona, "name");
        assert_eq!(
            check(name, &json!("  Esther ")).unwrap(),
            FieldValue::Str("Esther".into())
        );
        assert_eq!(
            check(name, &json!("  ")),
            Err(ModelError::Required {
                field: "name".into()
            })
        );
        assert!(check(name, &json!("x".repeat(80))).is_ok());
        assert!(matches!(
            check(name, &json!("x".repeat(81))),
            Err(ModelError::TooLong { max: 80, .. })
        ));
        assert!(matches!(
            check(name, &json!(3)),
            Err(ModelError::WrongType { .. })
        ));
    }

    #[test]
    fn numbers_choices_dates_and_lists_are_checked() {
        let emotion = spec(Kind::JourneyStep, "emotion");
        assert_eq!(check(emotion, &json!(-2)).unwrap(), FieldValue::Int(-2));
        assert!(check(emotion, &json!(3)).is_err());
        assert!(check(emotion, &json!(1.5)).is_err());
        let role = spec(Kind::Participant, "role");
        assert!(check(role, &json!("carer")).is_ok());
        assert!(matches!(
            check(role, &json!("king")),
            Err(ModelError::NotAChoice { .. })
        ));
        let due = spec(Kind::Action, "due");
        assert_eq!(
            check(due, &json!("2026-03-01")).unwrap(),
            FieldValue::Str("2026-03-01".into())
        );
        assert!(matches!(
            check(due, &json!("1 March")),
            Err(ModelError::BadDate { .. })
        ));
        let conditions = spec(Kind::Persona, "conditions");
        assert_eq!(
            check(conditions, &json!([" COPD ", "", "Diabetes"])).unwrap(),
            FieldValue::List(vec!["COPD".into(), "Diabetes".into()])
        );
        let many: Vec<String> = (0..21).map(|n| format!("c{n}")).collect();
        assert!(matches!(
            check(conditions, &json!(many)),
            Err(ModelError::TooMany { max: 20, .. })
        ));
        let links = spec(Kind::Scenario, "links");
        assert_eq!(
            check(links, &json!(["a", "b", "a"])).unwrap(),
            FieldValue::List(vec!["a".into(), "b".into()])
        );
        assert!(matches!(
            check(links, &json!(["no spaces"])),
            Err(ModelError::BadId(_))
        ));
        let x = spec(Kind::Node, "x");
        assert_eq!(check(x, &json!(12.5)).unwrap(), FieldValue::Number(12.5));
    }
}
