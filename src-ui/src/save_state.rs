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
    pub fn finished(self, outcome: Result<(), &AppError>) {
        self.pending.update(|n| *n = n.saturating_sub(1));
        match outcome {
            Ok(()) => self.failed.set(None),
            Err(error) if not_stored(error) => self.failed.set(Some(error.clone())),
            Err(_) => {}
        }
    }
}

fn not_stored(error: &AppError) -> bool {
    matches!(
        error.kind,
        ErrorKind::Storage | ErrorKind::DataFolder | ErrorKind::Damaged
    )
}
