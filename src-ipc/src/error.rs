use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What sort of problem happened, so the UI can decide where to show it.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The user typed something we cannot accept; they can correct it.
    Invalid,
    /// The data folder cannot be used (missing, not a folder, read-only, full).
    DataFolder,
    /// Saving or reading the local database failed.
    Storage,
    /// The workshop or persona asked for does not exist (any more).
    NotFound,
    /// A stored workshop document cannot be read.
    Damaged,
    /// A workshop or a session file is protected with a passphrase: ask for it.
    Locked,
    /// The session files chosen for merging belong to different workshops; the UI asks whether
    /// to merge them anyway.
    DifferentWorkshops,
    /// A bug: the UI and the shell disagree.
    Internal,
}

/// The one error type that crosses the IPC boundary.
///
/// It carries no English text: `message_id` names a Fluent message and `args` are its arguments, so
/// every message a facilitator sees goes through the translation layer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    pub kind: ErrorKind,
    pub message_id: String,
    pub args: BTreeMap<String, String>,
}

impl AppError {
    pub fn new(kind: ErrorKind, message_id: impl Into<String>) -> Self {
        Self {
            kind,
            message_id: message_id.into(),
            args: BTreeMap::new(),
        }
    }

    /// Adds one Fluent argument.
    pub fn with(mut self, name: &str, value: impl ToString) -> Self {
        self.args.insert(name.to_owned(), value.to_string());
        self
    }

    /// The form field this error is about, when it is about one.
    pub fn field(&self) -> Option<&str> {
        self.args.get("field").map(String::as_str)
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message_id)?;
        for (name, value) in &self.args {
            write!(f, " {name}={value:?}")?;
        }
        Ok(())
    }
}

impl std::error::Error for AppError {}
