//! What can be wrong with a map file, said so that a facilitator can open the file and fix it:
//! which file, where in it (a line and column, or the n-th element of a list), which field and
//! the value found.

use super::MapFormat;
use std::fmt;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole.
    File,
    /// A line of a text file (1-based), and the column (1-based, in characters) when known.
    Line { line: u64, column: Option<u64> },
    /// The `number`-th (1-based) entry of a list in a JSON file: "element 3", "edge 12".
    Entry { list: &'static str, number: usize },
}

impl Location {
    pub fn line(line: u64) -> Self {
        Self::Line { line, column: None }
    }

    pub fn line_column(line: u64, column: u64) -> Self {
        Self::Line {
            line,
            column: Some(column),
        }
    }

    pub fn entry(list: &'static str, index: usize) -> Self {
        Self::Entry {
            list,
            number: index + 1,
        }
    }

    /// The line and column of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() as u64 + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before
            .get(line_start..)
            .map_or(0, |rest| rest.chars().count()) as u64
            + 1;
        Self::line_column(line, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => f.write_str("the file"),
            Location::Line { line, column: None } => write!(f, "line {line}"),
            Location::Line {
                line,
                column: Some(column),
            } => write!(f, "line {line}, column {column}"),
            Location::Entry { list, number } => write!(f, "{list} {number}"),
        }
    }
}

/// At most this many characters of a bad value are shown in a message.
const SHOWN_VALUE_MAX: usize = 60;

/// A value as a message shows it: quoted, and shortened when long.
pub(crate) fn shown(value: &str) -> String {
    if value.chars().count() <= SHOWN_VALUE_MAX {
        format!("“{value}”")
    } else {
        let start: String = value.chars().take(SHOWN_VALUE_MAX).collect();
        format!("“{start}…” ({} characters)", value.chars().count())
    }
}

/// Why a map could not be imported or exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InterchangeError {
    #[error("{} files can be exported but not imported", .0.title())]
    CannotImport(MapFormat),
    #[error("no file was given to import")]
    NoFile,
    #[error("the {name} file is missing: a map in CSV needs both nodes.csv and connections.csv")]
    MissingFile { name: String },
    #[error("{file} is not text in UTF-8; save it again as UTF-8 text")]
    NotUtf8 { file: String },
    #[error("{file} is too large: files over {} MB cannot be imported", .max_bytes / 1_000_000)]
    TooLarge { file: String, max_bytes: usize },
    #[error("{file} has more than {max} {what}, the most one map can hold")]
    TooMany {
        file: String,
        what: &'static str,
        max: usize,
    },
    #[error("{file}, {at}: this is not valid {format}: {detail}")]
    Syntax {
        file: String,
        at: Location,
        format: &'static str,
        detail: String,
    },
    #[error("{file}, {at}: the {field} is missing")]
    MissingField {
        file: String,
        at: Location,
        field: &'static str,
    },
    #[error("{file}, {at}: the {field} {} is not valid; {expected}", shown(.value))]
    BadValue {
        file: String,
        at: Location,
        field: &'static str,
        value: String,
        /// What would have been accepted, e.g. "use one of: service, organisation, …".
        expected: String,
    },
    #[error("{file}, {at}: there is no node with the id or label {}", shown(.id))]
    UnknownNode {
        file: String,
        at: Location,
        id: String,
    },
    #[error(
        "{file}, {at}: more than one node is labelled {}; refer to the node by its id instead",
        shown(.label)
    )]
    AmbiguousNode {
        file: String,
        at: Location,
        label: String,
    },
    #[error("{file}, {at}: the id {} is used more than once", shown(.id))]
    DuplicateId {
        file: String,
        at: Location,
        id: String,
    },
    #[error("the map could not be exported: {0}")]
    Export(String),
}

/// Where a value was read, for building errors about it.
#[derive(Debug, Clone)]
pub(crate) struct Place<'a> {
    pub file: &'a str,
    pub at: Location,
}

impl<'a> Place<'a> {
    pub fn new(file: &'a str, at: Location) -> Self {
        Self { file, at }
    }

    pub fn missing(&self, field: &'static str) -> InterchangeError {
        InterchangeError::MissingField {
            file: self.file.to_owned(),
            at: self.at.clone(),
            field,
        }
    }

    pub fn bad_value(
        &self,
        field: &'static str,
        value: impl Into<String>,
        expected: impl Into<String>,
    ) -> InterchangeError {
        InterchangeError::BadValue {
            file: self.file.to_owned(),
            at: self.at.clone(),
            field,
            value: value.into(),
            expected: expected.into(),
        }
    }

    pub fn syntax(&self, format: &'static str, detail: impl Into<String>) -> InterchangeError {
        InterchangeError::Syntax {
            file: self.file.to_owned(),
            at: self.at.clone(),
            format,
            detail: detail.into(),
        }
    }
}
