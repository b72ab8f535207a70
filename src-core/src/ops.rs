//! Operation scripts: edits written as JSON Lines, one operation per line. `systematic edit`
//! applies them to a session file; tests use them to build laptops that diverge. The format is
//! documented in `docs/CLI.md`. The app sends lists of the same operations (`Request::Edit`),
//! applied by [`apply_all`] as one change.

use crate::document::{DocumentError, WorkshopDoc};
use crate::model::{FieldType, Kind, ModelError};
use serde_json::{Map, Value as Json};
pub use systematic_ipc::{Operation, TimerAction};

fn kind(name: &str) -> Result<Kind, DocumentError> {
    Kind::from_name(name).ok_or_else(|| ModelError::UnknownKind(name.to_owned()).into())
}

/// Applying an [`Operation`] to a workshop document.
pub trait Apply {
    /// Applies the operation and commits it as one change. A refused operation leaves the
    /// document as it was.
    fn apply(&self, doc: &mut WorkshopDoc, now_ms: i64) -> Result<(), DocumentError>;
}

impl Apply for Operation {
    fn apply(&self, doc: &mut WorkshopDoc, now_ms: i64) -> Result<(), DocumentError> {
        let result = apply_uncommitted(self, doc, now_ms, &mut Vec::new());
        match result {
            Ok(what) => {
                doc.commit(&what, now_ms);
                Ok(())
            }
            Err(error) => {
                doc.rollback();
                Err(error)
            }
        }
    }
}

/// Applies a list of operations as one change, described in the history by the first one's
/// words (and how many more). In the list, `@N` in an id or a reference field names the item
/// the list's N-th `add` made. Nothing is kept if any operation is refused.
pub fn apply_all(
    doc: &mut WorkshopDoc,
    ops: &[Operation],
    now_ms: i64,
) -> Result<(), DocumentError> {
    let mut added = Vec::new();
    let mut described = Vec::new();
    for op in ops {
        match resolve(op, &added).and_then(|op| apply_uncommitted(&op, doc, now_ms, &mut added)) {
            Ok(what) => described.push(what),
            Err(error) => {
                doc.rollback();
                return Err(error);
            }
        }
    }
    let what = match described.as_slice() {
        [] => return Ok(()),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} (+{} more)", rest.len()),
    };
    doc.commit(&what, now_ms);
    Ok(())
}

/// The item an `@N` stands for, or the id itself.
fn resolved(id: &str, added: &[String]) -> Result<String, DocumentError> {
    match id.strip_prefix('@').map(str::parse::<usize>) {
        Some(Ok(n)) => added.get(n).cloned().ok_or_else(|| {
            ModelError::NotFound {
                kind: "earlier addition".into(),
                id: id.to_owned(),
            }
            .into()
        }),
        _ => Ok(id.to_owned()),
    }
}

/// `fields` with `@N` replaced in the kind's reference fields (never in texts).
fn resolved_fields(
    kind_name: &str,
    fields: &Map<String, Json>,
    added: &[String],
) -> Result<Map<String, Json>, DocumentError> {
    let kind = kind(kind_name)?;
    let mut out = Map::new();
    for (name, value) in fields {
        let is_ref = matches!(
            kind.field(name).map(|f| f.ty),
            Some(FieldType::Ref(_) | FieldType::Refs { .. })
        );
        let value = match value {
            Json::String(id) if is_ref => Json::String(resolved(id, added)?),
            Json::Array(ids) if is_ref => Json::Array(
                ids.iter()
                    .map(|v| match v {
                        Json::String(id) => resolved(id, added).map(Json::String),
                        other => Ok(other.clone()),
                    })
                    .collect::<Result<_, _>>()?,
            ),
            other => other.clone(),
        };
        out.insert(name.clone(), value);
    }
    Ok(out)
}

/// The operation with its `@N` references replaced.
fn resolve(op: &Operation, added: &[String]) -> Result<Operation, DocumentError> {
    let r = |id: &String| resolved(id, added);
    Ok(match op {
        Operation::Add { kind, id, fields } => Operation::Add {
            kind: kind.clone(),
            id: id.clone(),
            fields: resolved_fields(kind, fields, added)?,
        },
        Operation::Set { kind, id, fields } => Operation::Set {
            kind: kind.clone(),
            id: r(id)?,
            fields: resolved_fields(kind, fields, added)?,
        },
        Operation::Delete { kind, id } => Operation::Delete {
            kind: kind.clone(),
            id: r(id)?,
        },
        Operation::Restore { kind, id } => Operation::Restore {
            kind: kind.clone(),
            id: r(id)?,
        },
        Operation::Vote {
            round,
            participant,
            item,
            id,
            paper,
        } => Operation::Vote {
            round: r(round)?,
            participant: participant.as_ref().map(r).transpose()?,
            item: r(item)?,
            id: id.clone(),
            paper: *paper,
        },
        Operation::Timer { stage, action } => Operation::Timer {
            stage: r(stage)?,
            action: *action,
        },
        Operation::CloseRound { round, top } => Operation::CloseRound {
            round: r(round)?,
            top: *top,
        },
        other => other.clone(),
    })
}

/// Applies one operation without committing; answers the history's words for it. Items it adds
/// are pushed onto `added`.
fn apply_uncommitted(
    op: &Operation,
    doc: &mut WorkshopDoc,
    now_ms: i64,
    added: &mut Vec<String>,
) -> Result<String, DocumentError> {
    {
        Ok(match op {
            Operation::Workshop { fields } => {
                doc.set_workshop_fields(fields)?;
                "edit workshop".to_owned()
            }
            Operation::Add {
                kind: k,
                id,
                fields,
            } => {
                let id = doc.add(kind(k)?, id.as_deref(), fields, now_ms)?;
                added.push(id.clone());
                format!("add {k} {id}")
            }
            Operation::Set {
                kind: k,
                id,
                fields,
            } => {
                doc.set(kind(k)?, id, fields)?;
                format!("edit {k} {id}")
            }
            Operation::Delete { kind: k, id } => {
                doc.delete(kind(k)?, id)?;
                format!("delete {k} {id}")
            }
            Operation::Restore { kind: k, id } => {
                doc.restore(kind(k)?, id)?;
                format!("restore {k} {id}")
            }
            Operation::Splice {
                kind: k,
                id,
                field,
                position,
                delete,
                insert,
            } => {
                doc.splice_text(kind(k)?, id, field, *position, *delete, insert)?;
                format!("edit {k} {id} {field}")
            }
            Operation::Vote {
                round,
                participant,
                item,
                id,
                paper,
            } => {
                let mut fields = Map::new();
                fields.insert("round".into(), Json::from(round.as_str()));
                if let Some(participant) = participant {
                    fields.insert("participant".into(), Json::from(participant.as_str()));
                }
                fields.insert("item".into(), Json::from(item.as_str()));
                fields.insert("laptop".into(), Json::from(doc.laptop()));
                fields.insert("time".into(), Json::from(now_ms));
                if *paper {
                    fields.insert("paper".into(), Json::Bool(true));
                }
                let id = doc.add(Kind::Vote, id.as_deref(), &fields, now_ms)?;
                added.push(id.clone());
                format!("vote {id} in {round}")
            }
            Operation::Timer { stage, action } => {
                crate::facilitation::timer(doc, stage, *action, now_ms)?;
                format!("timer {stage} {action:?}")
            }
            Operation::CloseRound { round, top } => {
                let made = crate::facilitation::close_round(doc, round, *top, now_ms)?;
                added.extend(made);
                format!("close vote round {round}")
            }
            Operation::CopyPersona { name } => {
                let id = crate::demo::copy_persona(doc, name, now_ms)?;
                added.push(id.clone());
                format!("add persona {id}")
            }
        })
    }
}

/// Why a script stopped.
#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    #[error("line {line}: this is not an operation: {detail}")]
    Unreadable { line: usize, detail: String },
    #[error("line {line}: {error}")]
    Refused {
        line: usize,
        error: Box<DocumentError>,
    },
}

/// Applies a JSON Lines script, one change per operation. Blank lines and lines starting with
/// `#` are skipped. Stops at the first bad line; the caller decides whether to keep the earlier
/// ones (the CLI does not: it writes the file only when every line was applied).
pub fn apply_script(
    doc: &mut WorkshopDoc,
    script: &str,
    now_ms: &mut dyn FnMut() -> i64,
) -> Result<usize, ScriptError> {
    let mut applied = 0;
    for (index, line) in script.lines().enumerate() {
        let line_number = index + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let operation: Operation =
            serde_json::from_str(trimmed).map_err(|e| ScriptError::Unreadable {
                line: line_number,
                detail: e.to_string(),
            })?;
        operation
            .apply(doc, now_ms())
            .map_err(|error| ScriptError::Refused {
                line: line_number,
                error: Box::new(error),
            })?;
        applied += 1;
    }
    Ok(applied)
}
