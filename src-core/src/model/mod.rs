//! The workshop model: what a workshop document holds, independent of how it is stored.

pub mod schema;
pub mod value;

pub use schema::{FieldSpec, FieldType, Kind};
pub use value::FieldValue;

/// The root key of the workshop's own facts.
pub const WORKSHOP_FIELDS_KEY: &str = "workshop";

/// Keys every item map has besides its fields: when it was added and whether it is deleted.
pub const RESERVED_KEYS: &[&str] = &["created", "deleted"];

/// Why an edit to the model was refused. Field and kind names are the ones in `docs/FORMAT.md`.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ModelError {
    #[error("there is no kind of item called {0:?}")]
    UnknownKind(String),
    #[error("a {kind} has no field {field:?}")]
    UnknownField { kind: String, field: String },
    #[error("{field} must be {expected}")]
    WrongType {
        field: String,
        expected: &'static str,
    },
    #[error("{field} is required")]
    Required { field: String },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: String, max: usize },
    #[error("{field} has more than {max} entries")]
    TooMany { field: String, max: usize },
    #[error("{field} must be between {min} and {max}")]
    OutOfRange { field: String, min: i64, max: i64 },
    #[error("{field} cannot be {value:?}")]
    NotAChoice { field: String, value: String },
    #[error("{field} must be a date like 2026-03-01, not {value:?}")]
    BadDate { field: String, value: String },
    #[error("an item id must be 1 to 64 letters, digits, '-' or '_', not {0:?}")]
    BadId(String),
    #[error("there is no {kind} with id {id}")]
    NotFound { kind: String, id: String },
    #[error("the id {0} is already used")]
    AlreadyExists(String),
    #[error("{field} refers to {id}, which is not an item it can refer to")]
    BadReference { field: String, id: String },
    #[error("a workshop can hold at most {max} items of kind {kind}")]
    Full { kind: String, max: usize },
    #[error("the vote round {0} is closed")]
    RoundClosed(String),
    #[error("{item} is not something vote round {round} votes on")]
    NotACandidate { round: String, item: String },
    #[error("participant {participant} has no dots left for this in vote round {round}")]
    NoDotsLeft { round: String, participant: String },
    #[error("text position {position} is past the end ({length} characters)")]
    BadPosition { position: usize, length: usize },
    #[error("{0}")]
    Automerge(String),
}

impl From<automerge::AutomergeError> for ModelError {
    fn from(error: automerge::AutomergeError) -> Self {
        Self::Automerge(error.to_string())
    }
}

/// Checks an item id: short, and made only of characters safe in any file or URL.
pub fn check_id(id: &str) -> Result<(), ModelError> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(ModelError::BadId(id.to_owned()))
    }
}
