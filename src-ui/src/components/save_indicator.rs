use crate::i18n::{error_text, t};
use crate::save_state::SaveState;
use leptos::prelude::*;

/// "All changes saved", "Saving…" or "Not saved: why", always in the top bar.
#[component]
pub fn SaveIndicator(state: SaveState) -> impl IntoView {
    let text = move || match state.failed.get() {
        Some(error) => format!("{} {}", t("save-state-failed"), error_text(&error)),
        None if state.pending.get() > 0 => t("save-state-saving"),
        None => t("save-state-saved"),
    };
    let class = move || {
        if state.failed.with(Option::is_some) {
            "save-state is-failed"
        } else if state.pending.get() > 0 {
            "save-state is-saving"
        } else {
            "save-state is-saved"
        }
    };
    view! {
        <span class=class role="status" aria-live="polite" data-testid="save-state">{text}</span>
    }
}
