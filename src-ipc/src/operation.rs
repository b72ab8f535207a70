//! Edits to any item of a workshop, as data. `systematic edit` reads them as JSON Lines (one
//! change each, `docs/CLI.md`); the app sends a list of them in `Request::Edit` (one change for
//! the list, so it undoes as one). The core applies them (`systematic_core::ops`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};
use std::collections::BTreeMap;

/// One edit.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Operation {
    /// Sets workshop facts (title, dates, venue, facilitators, method, template).
    Workshop { fields: BTreeMap<String, Json> },
    /// Adds an item; `id` is made up when left out. In a list sent by the app, a later edit
    /// can name this item `@N` (N counting the list's `add`s from 0).
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
    /// Casts one dot in a vote round. A dot copied from a paper voting sheet is `paper`; a paper
    /// tally (dots not known per person) leaves `participant` out.
    Vote {
        round: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        participant: Option<String>,
        item: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        paper: bool,
    },
    /// Starts, pauses, lengthens or finishes a stage's timer. Starting a stage makes it the
    /// current one and finishes the stage that was running.
    Timer { stage: String, action: TimerAction },
    /// Closes a vote round and turns its `top` best-voted items (3 when left out; items tied
    /// with the last one come too) into priorities.
    CloseRound {
        round: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        top: Option<usize>,
    },
    /// Copies one of the app's built-in personas ("Esther") into the workshop.
    CopyPersona { name: String },
}

/// What the facilitator did to a stage's timer.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TimerAction {
    Start,
    Pause,
    /// One more minute for this stage.
    AddMinute,
    /// The stage is over: the timer stops and the next planned stage becomes current.
    Finish,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_written_before_paper_votes_still_read() {
        let old = r#"{"op":"vote","round":"r","participant":"p","item":"i"}"#;
        let vote: Operation = serde_json::from_str(old).unwrap();
        assert_eq!(
            vote,
            Operation::Vote {
                round: "r".into(),
                participant: Some("p".into()),
                item: "i".into(),
                id: None,
                paper: false,
            }
        );
        assert_eq!(serde_json::to_string(&vote).unwrap(), old);
    }

    #[test]
    fn timer_actions_are_words() {
        let json = r#"{"op":"timer","stage":"s","action":"add_minute"}"#;
        let timer: Operation = serde_json::from_str(json).unwrap();
        assert_eq!(
            timer,
            Operation::Timer {
                stage: "s".into(),
                action: TimerAction::AddMinute
            }
        );
    }
}
