//! What went wrong, in words, with the exit code that says whose problem it is.

use std::path::Path;
use systematic_core::merge::MergeError;
use systematic_core::session_file::SessionFileError;

/// Exit code for a mistake the user can fix (a wrong argument, a refused edit, a missing file).
pub const USER_ERROR: u8 = 1;
/// Exit code for an input file that is damaged or not a session file at all.
pub const CORRUPT_INPUT: u8 = 2;

pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn user(message: impl Into<String>) -> Self {
        Self {
            code: USER_ERROR,
            message: message.into(),
        }
    }

    pub fn corrupt(path: &Path, detail: impl std::fmt::Display) -> Self {
        Self {
            code: CORRUPT_INPUT,
            message: format!("{} is damaged: {detail}", path.display()),
        }
    }

    pub fn from_session_file(path: &Path, error: SessionFileError) -> Self {
        let name = path.display();
        match error {
            SessionFileError::NotASessionFile => Self {
                code: CORRUPT_INPUT,
                message: format!("{name} is not a SysteMatic Workshop session file."),
            },
            SessionFileError::Damaged(detail) => Self::corrupt(path, detail),
            SessionFileError::TooLarge { .. } => Self {
                code: CORRUPT_INPUT,
                message: format!("{name}: {error}; it was not opened."),
            },
            SessionFileError::TooNew(version) => Self::user(format!(
                "{name} was written by a newer version of SysteMatic Workshop (file format \
                 {version}). Update this copy of the app to open it."
            )),
            SessionFileError::NeedsPassphrase | SessionFileError::WrongPassphrase => {
                Self::user(format!(
                    "{name} is protected with a passphrase. Open it in the app, or decrypt it \
                     first with the age tool: age -d -o plain.systematic {name}"
                ))
            }
            SessionFileError::PassphraseTooShort => Self::user(error.to_string()),
            SessionFileError::NotPassphraseProtected | SessionFileError::PassphraseTooCostly => {
                Self {
                    code: CORRUPT_INPUT,
                    message: format!("{name}: {error}."),
                }
            }
            SessionFileError::Read { detail, .. } => {
                Self::user(format!("could not read {name}: {detail}"))
            }
            SessionFileError::Write {
                detail,
                full,
                read_only,
                ..
            } => {
                let hint = if full {
                    " The disk is full; free some space or write somewhere else."
                } else if read_only {
                    " The folder is read-only (a locked USB stick?); write somewhere else."
                } else {
                    ""
                };
                Self::user(format!(
                    "could not write {name}: {detail}.{hint} Any earlier file there is unchanged."
                ))
            }
        }
    }

    pub fn from_merge(error: MergeError) -> Self {
        match error {
            MergeError::DifferentWorkshops(_) => Self::user(format!(
                "{error}. If two laptops each started the same workshop before sharing a file, \
                 merge them with --force."
            )),
            MergeError::Document(e) => Self {
                code: CORRUPT_INPUT,
                message: format!("a file could not be read as a workshop: {e}"),
            },
            // Changes that refer to changes no file holds, or that clash: a truncated or
            // tampered file.
            MergeError::Automerge(detail) => Self {
                code: CORRUPT_INPUT,
                message: format!("the files cannot be merged, one of them is damaged: {detail}"),
            },
            other => Self::user(other.to_string()),
        }
    }
}
