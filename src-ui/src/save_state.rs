//! Whether everything is saved, for the indicator always on screen: the requests that change
//! stored data (`Request::changes_stored_data`) still on their way, and why the last one
//! failed, if it did. Fed by `ipc::call`; read by the `SaveIndicator` component.

use leptos::prelude::*;
use std::cell::Cell;
use systematic_ipc::{AppError, ErrorKind};

/// The save state of the whole window.
#[derive(Clone, Copy)]
pub struct SaveState {
    /// Changes sent and not yet answered.
    pub pending: RwSignal<u32>,
    /// Why the latest change could not be stored; cleared by the next one that is.
    pub failed: RwSignal<Option<AppError>>,
}

thread_local! {
    static CURRENT: Cell<Option<SaveState>> = const { Cell::new(None) };
}

impl SaveState {
    /// Made once by the root component, so its signals live as long as the window.
    pub fn install() -> Self {
        let state = Self {
            pending: RwSignal::new(0),
            failed: RwSignal::new(None),
        };
        CURRENT.with(|current| current.set(Some(state)));
        state
    }

    pub fn current() -> Option<Self> {
        CURRENT.with(Cell::get)
    }

    /// A change is on its way.
    pub fn started(self) {
        self.pending.update(|n| *n += 1);
    }

    /// A change was answered. Only a failure to store (the disk, the data folder, a damaged
    /// workshop) means "not saved"; a refused value is explained by its form and stores nothing.
    /// `reads_outside_file`: the request read a file from outside (a session file, a map), so
    /// "damaged" is about that file, which its screen explains, not about what is stored.
    pub fn finished(self, outcome: Result<(), &AppError>, reads_outside_file: bool) {
        self.pending.update(|n| *n = n.saturating_sub(1));
        match outcome {
            Ok(()) => self.failed.set(None),
            Err(error) if not_stored(error, reads_outside_file) => {
                self.failed.set(Some(error.clone()))
            }
            Err(_) => {}
        }
    }
}

fn not_stored(error: &AppError, reads_outside_file: bool) -> bool {
    match error.kind {
        ErrorKind::Storage | ErrorKind::DataFolder => true,
        ErrorKind::Damaged => !reads_outside_file,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_outside_file_is_not_a_failure_to_save() {
        let damaged = AppError::new(ErrorKind::Damaged, "error-session-damaged");
        assert!(!not_stored(&damaged, true));
        assert!(not_stored(&damaged, false));
        let full = AppError::new(ErrorKind::DataFolder, "error-data-folder-full");
        assert!(not_stored(&full, true));
        let typo = AppError::new(ErrorKind::Invalid, "error-field-required");
        assert!(!not_stored(&typo, false));
    }
}
