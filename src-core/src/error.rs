//! The core's errors, and their translation into the one IPC error type.

use std::path::PathBuf;
use systematic_ipc::{AppError, ErrorKind};

/// Why the data folder cannot be used, in words a facilitator can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderProblem {
    /// A folder the user chose does not exist (a USB stick not plugged in?).
    Missing,
    ReadOnly,
    NotAFolder,
    Full,
    /// Anything else the operating system reported.
    Other,
}

impl FolderProblem {
    /// Classifies an operating-system error.
    pub fn from_io(error: &std::io::Error) -> Self {
        use std::io::ErrorKind as Io;
        match error.kind() {
            Io::ReadOnlyFilesystem | Io::PermissionDenied => Self::ReadOnly,
            Io::NotADirectory | Io::AlreadyExists => Self::NotAFolder,
            Io::StorageFull | Io::QuotaExceeded => Self::Full,
            _ => Self::Other,
        }
    }

    fn message_id(self) -> &'static str {
        match self {
            Self::Missing => "error-data-folder-missing",
            Self::ReadOnly => "error-data-folder-read-only",
            Self::NotAFolder => "error-data-folder-not-a-folder",
            Self::Full => "error-data-folder-full",
            Self::Other => "error-data-folder-unusable",
        }
    }
}

/// A form field, named by the id the UI and the Fluent messages use (`field-<id>`).
pub type Field = &'static str;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("{field} is required")]
    Required { field: Field },
    #[error("{field} is longer than {max} characters")]
    TooLong { field: Field, max: usize },
    #[error("{field} has more than {max} entries")]
    TooMany { field: Field, max: usize },
    #[error("{field} must be between 0 and {max}")]
    OutOfRange { field: Field, max: u32 },
    #[error("the data folder {path} cannot be used ({problem:?}): {detail}")]
    DataFolder {
        path: PathBuf,
        problem: FolderProblem,
        detail: String,
    },
    #[error("the database {path} is damaged: {detail}")]
    DatabaseDamaged { path: PathBuf, detail: String },
    #[error("the database {path} was written by a newer version of the app")]
    DatabaseTooNew { path: PathBuf },
    #[error("no workshop with id {0}")]
    WorkshopNotFound(String),
    #[error("no persona with id {0}")]
    PersonaNotFound(String),
    #[error("no method template called {0}")]
    UnknownTemplate(String),
    #[error("the stored workshop {id} is damaged: {detail}")]
    Damaged { id: String, detail: String },
    #[error("the workshop {id} was saved by a newer version (format {version})")]
    TooNew { id: String, version: u64 },
    #[error(transparent)]
    Model(#[from] crate::model::ModelError),
    #[error(transparent)]
    SessionFile(#[from] crate::session_file::SessionFileError),
    /// An exported map that could not be written (said in its own words, not a session file's).
    #[error("the exported map could not be written: {0}")]
    ExportWrite(crate::session_file::SessionFileError),
    /// Boxed: a merge error can carry a whole document error, and CoreError travels in every
    /// `Result` of the store.
    #[error(transparent)]
    Merge(Box<crate::merge::MergeError>),
    #[error("the workshop \"{title}\" is already on this laptop")]
    AlreadyHere { title: String, id: String },
    #[error("there is no version {0} in this workshop's history")]
    VersionNotFound(String),
    #[error("there is no backup {0} of this workshop")]
    BackupNotFound(String),
    /// A map file that could not be imported, or a map that could not be exported. Boxed, as
    /// `Merge`: its messages carry file names and values.
    #[error(transparent)]
    MapFile(Box<crate::interchange::InterchangeError>),
    #[error("{0} is not a map format this app knows")]
    UnknownMapFormat(String),
    #[error("cannot tell what kind of map file {0} is")]
    UnrecognisedMapFile(String),
    /// A workshop protected with a passphrase that has not been unlocked in this run.
    #[error("the workshop {0} is protected with a passphrase and locked")]
    Locked(String),
    #[error("the workshop is already protected with a passphrase")]
    AlreadyProtected,
    #[error("the workshop is not protected with a passphrase")]
    NotProtected,
    #[error(transparent)]
    Protection(#[from] crate::protection::ProtectionError),
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("document error: {0}")]
    Document(#[from] automerge::AutomergeError),
}

impl CoreError {
    /// A workshop document that could not be read.
    pub fn from_document(id: &str, error: crate::document::DocumentError) -> Self {
        match error {
            crate::document::DocumentError::TooNew(version) => Self::TooNew {
                id: id.to_owned(),
                version,
            },
            crate::document::DocumentError::Model(error) => Self::Model(error),
            other => Self::Damaged {
                id: id.to_owned(),
                detail: other.to_string(),
            },
        }
    }

    /// Turns a SQLite failure during an edit into the message that explains it best: a full disk or
    /// a read-only folder is the facilitator's to fix, so it names the folder.
    pub fn from_sqlite(error: rusqlite::Error, data_dir: &std::path::Path) -> Self {
        use rusqlite::ErrorCode;
        let problem = match error.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Some(FolderProblem::Full),
            Some(ErrorCode::ReadOnly) | Some(ErrorCode::PermissionDenied) => {
                Some(FolderProblem::ReadOnly)
            }
            Some(ErrorCode::CannotOpen) => Some(FolderProblem::Other),
            _ => None,
        };
        if let Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) =
            error.sqlite_error_code()
        {
            return Self::DatabaseDamaged {
                path: data_dir.join(crate::store::DATABASE_FILE),
                detail: error.to_string(),
            };
        }
        match problem {
            Some(problem) => Self::DataFolder {
                path: data_dir.to_owned(),
                problem,
                detail: error.to_string(),
            },
            None => Self::Database(error),
        }
    }

    /// A failure to bring the database schema up to date.
    pub fn from_migration(error: rusqlite_migration::Error, data_dir: &std::path::Path) -> Self {
        use rusqlite_migration::{Error, MigrationDefinitionError};
        match error {
            Error::RusqliteError { err, .. } => Self::from_sqlite(err, data_dir),
            Error::MigrationDefinition(MigrationDefinitionError::DatabaseTooFarAhead) => {
                Self::DatabaseTooNew {
                    path: data_dir.join(crate::store::DATABASE_FILE),
                }
            }
            other => Self::DatabaseDamaged {
                path: data_dir.join(crate::store::DATABASE_FILE),
                detail: other.to_string(),
            },
        }
    }

    /// The IPC form of this error: a kind, a Fluent message id and its arguments.
    pub fn to_app_error(&self) -> AppError {
        match self {
            Self::Required { field } => {
                AppError::new(ErrorKind::Invalid, "error-field-required").with("field", field)
            }
            Self::TooLong { field, max } => {
                AppError::new(ErrorKind::Invalid, "error-field-too-long")
                    .with("field", field)
                    .with("max", max)
            }
            Self::TooMany { field, max } => {
                AppError::new(ErrorKind::Invalid, "error-field-too-many")
                    .with("field", field)
                    .with("max", max)
            }
            Self::OutOfRange { field, max } => {
                AppError::new(ErrorKind::Invalid, "error-field-out-of-range")
                    .with("field", field)
                    .with("min", 0)
                    .with("max", max)
            }
            Self::Model(error) => model_app_error(error),
            Self::SessionFile(error) => session_file_app_error(error),
            Self::ExportWrite(crate::session_file::SessionFileError::Write {
                path,
                detail,
                full,
                read_only,
            }) => {
                let id = if *full {
                    "error-export-write-full"
                } else if *read_only {
                    "error-export-write-read-only"
                } else {
                    "error-export-write"
                };
                AppError::new(ErrorKind::Storage, id)
                    .with("path", path)
                    .with("detail", detail)
            }
            Self::ExportWrite(error) => session_file_app_error(error),
            Self::Merge(error) => merge_app_error(error),
            Self::AlreadyHere { title, id } => {
                AppError::new(ErrorKind::Invalid, "error-session-already-here")
                    .with("title", title)
                    .with("id", id)
            }
            Self::VersionNotFound(_) => {
                AppError::new(ErrorKind::NotFound, "error-version-not-found")
            }
            Self::BackupNotFound(_) => AppError::new(ErrorKind::NotFound, "error-backup-not-found"),
            Self::MapFile(error)
                if matches!(**error, crate::interchange::InterchangeError::Export(_)) =>
            {
                AppError::new(ErrorKind::Internal, "error-map-export").with("detail", error)
            }
            Self::MapFile(error) => {
                AppError::new(ErrorKind::Invalid, "error-map-file").with("detail", error)
            }
            Self::UnknownMapFormat(format) => {
                AppError::new(ErrorKind::Invalid, "error-map-format").with("format", format)
            }
            Self::UnrecognisedMapFile(name) => {
                AppError::new(ErrorKind::Invalid, "error-map-file-unrecognised").with("file", name)
            }
            Self::DataFolder {
                path,
                problem,
                detail,
            } => AppError::new(ErrorKind::DataFolder, problem.message_id())
                .with("path", path.display())
                .with("detail", detail),
            Self::DatabaseDamaged { path, detail } => {
                AppError::new(ErrorKind::Storage, "error-database-damaged")
                    .with("path", path.display())
                    .with("detail", detail)
            }
            Self::DatabaseTooNew { path } => {
                AppError::new(ErrorKind::Storage, "error-database-too-new")
                    .with("path", path.display())
            }
            Self::WorkshopNotFound(_) => {
                AppError::new(ErrorKind::NotFound, "error-workshop-not-found")
            }
            Self::PersonaNotFound(_) => {
                AppError::new(ErrorKind::NotFound, "error-persona-not-found")
            }
            Self::UnknownTemplate(name) => {
                AppError::new(ErrorKind::NotFound, "error-template-not-found").with("name", name)
            }
            Self::Damaged { .. } => AppError::new(ErrorKind::Damaged, "error-workshop-damaged"),
            Self::Locked(_) => AppError::new(ErrorKind::Locked, "error-workshop-locked"),
            Self::AlreadyProtected => {
                AppError::new(ErrorKind::Invalid, "error-workshop-already-protected")
            }
            Self::NotProtected => AppError::new(ErrorKind::Invalid, "error-workshop-not-protected"),
            Self::Protection(error) => protection_app_error(error),
            Self::TooNew { .. } => AppError::new(ErrorKind::Damaged, "error-workshop-too-new"),
            Self::Database(e) => {
                AppError::new(ErrorKind::Storage, "error-storage").with("detail", e)
            }
            Self::Document(e) => {
                AppError::new(ErrorKind::Damaged, "error-workshop-damaged").with("detail", e)
            }
        }
    }
}

impl From<crate::interchange::InterchangeError> for CoreError {
    fn from(error: crate::interchange::InterchangeError) -> Self {
        Self::MapFile(Box::new(error))
    }
}

impl From<crate::merge::MergeError> for CoreError {
    fn from(error: crate::merge::MergeError) -> Self {
        Self::Merge(Box::new(error))
    }
}

/// The IPC form of a merge that could not be done.
fn merge_app_error(error: &crate::merge::MergeError) -> AppError {
    use crate::merge::MergeError as M;
    match error {
        M::DifferentWorkshops(files) => {
            let titles: Vec<String> = files
                .iter()
                .map(|(name, _, title)| format!("{name} (“{title}”)"))
                .collect();
            AppError::new(
                ErrorKind::DifferentWorkshops,
                "error-merge-different-workshops",
            )
            .with("files", titles.join(", "))
        }
        M::Document(e) => AppError::new(ErrorKind::Damaged, "error-session-damaged")
            .with("path", "")
            .with("detail", e),
        other => AppError::new(ErrorKind::Invalid, "error-merge-failed").with("detail", other),
    }
}

/// The IPC form of a passphrase that was refused.
fn protection_app_error(error: &crate::protection::ProtectionError) -> AppError {
    use crate::protection::{ProtectionError as P, MIN_PASSPHRASE_CHARS};
    match error {
        P::TooShort => AppError::new(ErrorKind::Invalid, "error-passphrase-too-short")
            .with("min", MIN_PASSPHRASE_CHARS),
        P::WrongPassphrase => AppError::new(ErrorKind::Locked, "error-wrong-passphrase"),
        P::Damaged | P::BadSettings => {
            AppError::new(ErrorKind::Damaged, "error-workshop-damaged").with("detail", error)
        }
    }
}

/// The IPC form of a session file that could not be read or written.
fn session_file_app_error(error: &crate::session_file::SessionFileError) -> AppError {
    use crate::session_file::SessionFileError as S;
    match error {
        S::NotASessionFile => AppError::new(ErrorKind::Damaged, "error-not-a-session-file"),
        S::TooNew(version) => {
            AppError::new(ErrorKind::Damaged, "error-session-too-new").with("version", version)
        }
        S::TooLarge { bytes, max } => AppError::new(ErrorKind::Damaged, "error-session-too-large")
            .with("megabytes", bytes / (1024 * 1024))
            .with("max_megabytes", max / (1024 * 1024)),
        S::Damaged(detail) => AppError::new(ErrorKind::Damaged, "error-session-damaged")
            .with("path", "")
            .with("detail", detail),
        S::NeedsPassphrase => AppError::new(ErrorKind::Locked, "error-session-needs-passphrase"),
        S::WrongPassphrase => AppError::new(ErrorKind::Locked, "error-session-wrong-passphrase"),
        S::PassphraseTooShort => AppError::new(ErrorKind::Invalid, "error-passphrase-too-short")
            .with("min", crate::protection::MIN_PASSPHRASE_CHARS),
        S::NotPassphraseProtected => {
            AppError::new(ErrorKind::Damaged, "error-session-not-passphrase")
        }
        S::PassphraseTooCostly => {
            AppError::new(ErrorKind::Damaged, "error-session-passphrase-too-costly")
        }
        S::Read { path, detail } => AppError::new(ErrorKind::Storage, "error-session-read")
            .with("path", path)
            .with("detail", detail),
        S::Write {
            path,
            detail,
            full,
            read_only,
        } => {
            let id = if *full {
                "error-session-write-full"
            } else if *read_only {
                "error-session-write-read-only"
            } else {
                "error-session-write"
            };
            AppError::new(ErrorKind::Storage, id)
                .with("path", path)
                .with("detail", detail)
        }
    }
}

/// The IPC form of a refused model edit.
fn model_app_error(error: &crate::model::ModelError) -> AppError {
    use crate::model::ModelError as M;
    let invalid = |id: &str| AppError::new(ErrorKind::Invalid, id);
    match error {
        M::UnknownKind(kind) => invalid("error-unknown-kind").with("kind", kind),
        M::UnknownField { kind, field } => invalid("error-unknown-field")
            .with("kind", kind)
            .with("field", field),
        M::WrongType { field, expected } => invalid("error-wrong-type")
            .with("field", field)
            .with("expected", expected),
        M::Required { field } => invalid("error-field-required").with("field", field),
        M::TooLong { field, max } => invalid("error-field-too-long")
            .with("field", field)
            .with("max", max),
        M::TooMany { field, max } => invalid("error-field-too-many")
            .with("field", field)
            .with("max", max),
        M::OutOfRange { field, min, max } => invalid("error-field-out-of-range")
            .with("field", field)
            .with("min", min)
            .with("max", max),
        M::NotAChoice { field, value } => invalid("error-not-a-choice")
            .with("field", field)
            .with("value", value),
        M::BadDate { field, value } => invalid("error-bad-date")
            .with("field", field)
            .with("value", value),
        M::BadId(id) => invalid("error-bad-id").with("id", id),
        M::NotFound { kind, id } => AppError::new(ErrorKind::NotFound, "error-item-not-found")
            .with("kind", kind)
            .with("id", id),
        M::AlreadyExists(id) => invalid("error-id-taken").with("id", id),
        M::BadReference { field, id } => invalid("error-bad-reference")
            .with("field", field)
            .with("id", id),
        M::Full { kind, max } => invalid("error-too-many-items")
            .with("kind", kind)
            .with("max", max),
        M::RoundClosed(round) => invalid("error-round-closed").with("round", round),
        M::NotACandidate { round, item } => invalid("error-not-a-candidate")
            .with("round", round)
            .with("item", item),
        M::NoDotsLeft { round, participant } => invalid("error-no-dots-left")
            .with("round", round)
            .with("participant", participant),
        M::BadPosition { position, length } => invalid("error-bad-position")
            .with("position", position)
            .with("length", length),
        M::Automerge(detail) => {
            AppError::new(ErrorKind::Damaged, "error-workshop-damaged").with("detail", detail)
        }
    }
}

/// Every message id [`CoreError::to_app_error`] can produce; a test checks each has a Fluent message.
pub const MESSAGE_IDS: &[&str] = &[
    "error-field-required",
    "error-field-too-long",
    "error-field-too-many",
    "error-field-out-of-range",
    "error-data-folder-missing",
    "error-data-folder-read-only",
    "error-data-folder-not-a-folder",
    "error-data-folder-full",
    "error-data-folder-unusable",
    "error-workshop-not-found",
    "error-persona-not-found",
    "error-template-not-found",
    "error-workshop-damaged",
    "error-workshop-too-new",
    "error-storage",
    "error-database-damaged",
    "error-database-too-new",
    "error-unknown-kind",
    "error-unknown-field",
    "error-wrong-type",
    "error-not-a-choice",
    "error-bad-date",
    "error-bad-id",
    "error-item-not-found",
    "error-id-taken",
    "error-bad-reference",
    "error-too-many-items",
    "error-round-closed",
    "error-not-a-candidate",
    "error-no-dots-left",
    "error-bad-position",
    "error-not-a-session-file",
    "error-session-too-new",
    "error-session-damaged",
    "error-session-too-large",
    "error-session-read",
    "error-session-write",
    "error-session-write-full",
    "error-session-write-read-only",
    "error-export-write",
    "error-export-write-full",
    "error-export-write-read-only",
    "error-merge-different-workshops",
    "error-merge-failed",
    "error-session-already-here",
    "error-version-not-found",
    "error-backup-not-found",
    "error-map-file",
    "error-map-export",
    "error-map-format",
    "error-map-file-unrecognised",
    "error-workshop-locked",
    "error-workshop-already-protected",
    "error-workshop-not-protected",
    "error-passphrase-too-short",
    "error-wrong-passphrase",
    "error-session-needs-passphrase",
    "error-session-wrong-passphrase",
    "error-session-not-passphrase",
    "error-session-passphrase-too-costly",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_are_classified_for_the_facilitator() {
        let ro = std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem);
        assert_eq!(FolderProblem::from_io(&ro), FolderProblem::ReadOnly);
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(FolderProblem::from_io(&full), FolderProblem::Full);
        let file = std::io::Error::from(std::io::ErrorKind::NotADirectory);
        assert_eq!(FolderProblem::from_io(&file), FolderProblem::NotAFolder);
    }

    #[test]
    fn data_folder_errors_name_the_folder() {
        let error = CoreError::DataFolder {
            path: PathBuf::from("/media/usb/workshops"),
            problem: FolderProblem::ReadOnly,
            detail: "Read-only file system".into(),
        };
        let app = error.to_app_error();
        assert_eq!(app.kind, ErrorKind::DataFolder);
        assert_eq!(app.message_id, "error-data-folder-read-only");
        assert_eq!(app.args["path"], "/media/usb/workshops");
    }

    #[test]
    fn every_message_id_is_listed() {
        let samples = [
            CoreError::Required { field: "title" },
            CoreError::TooLong {
                field: "title",
                max: 1,
            },
            CoreError::TooMany {
                field: "conditions",
                max: 1,
            },
            CoreError::OutOfRange {
                field: "age",
                max: 1,
            },
            CoreError::WorkshopNotFound("x".into()),
            CoreError::PersonaNotFound("x".into()),
            CoreError::UnknownTemplate("x".into()),
            CoreError::Damaged {
                id: "x".into(),
                detail: "y".into(),
            },
            CoreError::TooNew {
                id: "x".into(),
                version: 2,
            },
            CoreError::from(crate::interchange::InterchangeError::NoFile),
            CoreError::UnknownMapFormat("x".into()),
            CoreError::UnrecognisedMapFile("x".into()),
            CoreError::Locked("x".into()),
            CoreError::AlreadyProtected,
            CoreError::NotProtected,
            CoreError::from(crate::protection::ProtectionError::TooShort),
            CoreError::from(crate::protection::ProtectionError::WrongPassphrase),
            CoreError::from(crate::session_file::SessionFileError::NeedsPassphrase),
            CoreError::from(crate::session_file::SessionFileError::WrongPassphrase),
            CoreError::from(crate::session_file::SessionFileError::PassphraseTooShort),
            CoreError::from(crate::session_file::SessionFileError::NotPassphraseProtected),
            CoreError::from(crate::session_file::SessionFileError::PassphraseTooCostly),
        ];
        let folder_problems = [
            FolderProblem::Missing,
            FolderProblem::ReadOnly,
            FolderProblem::NotAFolder,
            FolderProblem::Full,
            FolderProblem::Other,
        ];
        let folder_samples = folder_problems.map(|problem| CoreError::DataFolder {
            path: "/d".into(),
            problem,
            detail: "x".into(),
        });
        for sample in samples.into_iter().chain(folder_samples) {
            let id = sample.to_app_error().message_id;
            assert!(
                MESSAGE_IDS.contains(&id.as_str()),
                "{id} missing from MESSAGE_IDS"
            );
        }
    }
}
