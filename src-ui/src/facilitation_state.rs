//! The facilitation screens' shared state: the workshop's facilitation view, the error to show,
//! and a clock for the timer. Provided as context by the workshop page.

use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use systematic_ipc::{AppError, Facilitation, Operation, WorkshopId};

#[derive(Clone, Copy)]
pub struct FacilitationState {
    workshop: StoredValue<WorkshopId>,
    pub view: RwSignal<Option<Facilitation>>,
    pub error: RwSignal<Option<AppError>>,
    /// This laptop's clock in milliseconds, ticking once a second while a timer runs.
    pub now: RwSignal<i64>,
}

/// Milliseconds since the Unix epoch on this laptop's clock.
pub fn clock_ms() -> i64 {
    js_sys::Date::now() as i64
}

impl FacilitationState {
    pub fn new(workshop: WorkshopId, error: RwSignal<Option<AppError>>) -> Self {
        Self {
            workshop: StoredValue::new(workshop),
            view: RwSignal::new(None),
            error,
            now: RwSignal::new(clock_ms()),
        }
    }

    pub fn workshop(&self) -> WorkshopId {
        self.workshop.get_value()
    }

    /// One part of the view as its own memo (empty until the view is read), so a screen
    /// redraws only when its part changes.
    pub fn select<T: Default + PartialEq + Send + Sync + 'static>(
        self,
        part: fn(&Facilitation) -> T,
    ) -> Memo<T> {
        Memo::new(move |_| self.view.with(|v| v.as_ref().map(part).unwrap_or_default()))
    }

    /// The operation that adds a note with `pairs` in the current stage, marked with this
    /// laptop's name (its table).
    pub fn note(self, pairs: Vec<(&str, serde_json::Value)>) -> Operation {
        let (stage, laptop) = self.view.with_untracked(|v| {
            v.as_ref()
                .map(|v| (v.current_stage.clone(), v.laptop.clone()))
                .unwrap_or_default()
        });
        let mut pairs = pairs;
        pairs.push(("laptop", serde_json::Value::String(laptop)));
        if let Some(stage) = stage {
            pairs.push(("stage", serde_json::Value::String(stage)));
        }
        add("note", &pairs)
    }

    fn show(self, result: Result<Facilitation, AppError>) {
        match result {
            Ok(view) => {
                self.error.set(None);
                self.now.set(clock_ms());
                self.view.set(Some(view));
            }
            Err(e) => self.error.set(Some(e)),
        }
    }

    /// Reads the view again (after an undo, a merge or a persona edit elsewhere on the page).
    pub fn reload(self) {
        let workshop = self.workshop();
        spawn_local(async move { self.show(ipc::facilitation(workshop).await) });
    }

    /// Sends `ops` as one change and shows the answer; `then` runs once it is saved.
    pub fn edit_then(self, ops: Vec<Operation>, then: impl FnOnce() + 'static) {
        let workshop = self.workshop();
        spawn_local(async move {
            let result = ipc::edit(workshop, ops).await;
            let saved = result.is_ok();
            self.show(result);
            if saved {
                then();
            }
        });
    }

    pub fn edit(self, ops: Vec<Operation>) {
        self.edit_then(ops, || {});
    }
}

pub fn use_facilitation() -> FacilitationState {
    expect_context::<FacilitationState>()
}

/// A `fields` map for an operation, from `(name, value)` pairs.
pub fn fields(pairs: &[(&str, serde_json::Value)]) -> serde_json::Map<String, serde_json::Value> {
    pairs
        .iter()
        .map(|(name, value)| ((*name).to_owned(), value.clone()))
        .collect()
}

pub fn add(kind: &str, pairs: &[(&str, serde_json::Value)]) -> Operation {
    Operation::Add {
        kind: kind.into(),
        id: None,
        fields: fields(pairs),
    }
}

pub fn set(kind: &str, id: &str, pairs: &[(&str, serde_json::Value)]) -> Operation {
    Operation::Set {
        kind: kind.into(),
        id: id.into(),
        fields: fields(pairs),
    }
}

pub fn delete(kind: &str, id: &str) -> Operation {
    Operation::Delete {
        kind: kind.into(),
        id: id.into(),
    }
}

/// "mm:ss", with a minus sign once the time is over.
pub fn clock_text(ms: i64) -> String {
    let sign = if ms < 0 { "−" } else { "" };
    let seconds = ms.abs().div_euclid(1000) + i64::from(ms > 0 && ms % 1000 != 0);
    format!("{sign}{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::clock_text;

    #[test]
    fn the_clock_rounds_up_while_time_is_left_and_counts_on_after() {
        assert_eq!(clock_text(600_000), "10:00");
        assert_eq!(clock_text(59_001), "1:00");
        assert_eq!(clock_text(59_000), "0:59");
        assert_eq!(clock_text(0), "0:00");
        assert_eq!(clock_text(-61_000), "−1:01");
    }
}
