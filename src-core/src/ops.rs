//! Operation scripts: edits written as JSON Lines, one operation per line. `systematic edit`
//! applies them to a session file; tests use them to build laptops that diverge. The format is
//! documented in `docs/CLI.md`.

use crate::document::{DocumentError, WorkshopDoc};
use crate::model::{Kind, ModelError};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;

/// One edit. Each becomes one change in the document's history.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Operation {
    /// Sets workshop facts (title, dates, venue, facilitators, method).
    Workshop { fields: BTreeMap<String, Json> },
    /// Adds an item; `id` is made up when left out.
    Add {
        kind: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(default)]
        fields: Map<String, Json>,
    },
    /// Changes the given fields of an item.
    Set {
        kind: String,
        id: String,
        fields: Map<String, Json>,
    },
    /// Marks an item deleted.
    Delete { kind: String, id: String },
    /// Brings a deleted item back.
    Restore { kind: String, id: String },
    /// Edits a long text in place: at `position` (in characters) removes `delete` characters and
    /// inserts `insert`.
    Splice {
        kind: String,
        id: String,
        field: String,
        position: usize,
        #[serde(default)]
        delete: usize,
        #[serde(default)]
        insert: String,
    },
    /// Casts one dot in a vote round.
    Vote {
        round: String,
        participant: String,
        item: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
}

fn kind(name: &str) -> Result<Kind, DocumentError> {
    Kind::from_name(name).ok_or_else(|| ModelError::UnknownKind(name.to_owned()).into())
}

impl Operation {
    /// Applies the operation and commits it as one change. A refused operation leaves the
    /// document as it was.
    pub fn apply(&self, doc: &mut WorkshopDoc, now_ms: i64) -> Result<(), DocumentError> {
        let result = self.apply_uncommitted(doc, now_ms);
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

    fn apply_uncommitted(
        &self,
        doc: &mut WorkshopDoc,
        now_ms: i64,
    ) -> Result<String, DocumentError> {
        Ok(match self {
            Self::Workshop { fields } => {
                doc.set_workshop_fields(fields)?;
                "edit workshop".to_owned()
            }
            Self::Add {
                kind: k,
                id,
                fields,
            } => {
                let id = doc.add(kind(k)?, id.as_deref(), fields, now_ms)?;
                format!("add {k} {id}")
            }
            Self::Set {
                kind: k,
                id,
                fields,
            } => {
                doc.set(kind(k)?, id, fields)?;
                format!("edit {k} {id}")
            }
            Self::Delete { kind: k, id } => {
                doc.delete(kind(k)?, id)?;
                format!("delete {k} {id}")
            }
            Self::Restore { kind: k, id } => {
                doc.restore(kind(k)?, id)?;
                format!("restore {k} {id}")
            }
            Self::Splice {
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
            Self::Vote {
                round,
                participant,
                item,
                id,
            } => {
                let mut fields = Map::new();
                fields.insert("round".into(), Json::from(round.as_str()));
                fields.insert("participant".into(), Json::from(participant.as_str()));
                fields.insert("item".into(), Json::from(item.as_str()));
                fields.insert("laptop".into(), Json::from(doc.laptop()));
                fields.insert("time".into(), Json::from(now_ms));
                let id = doc.add(Kind::Vote, id.as_deref(), &fields, now_ms)?;
                format!("vote {id} in {round}")
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
