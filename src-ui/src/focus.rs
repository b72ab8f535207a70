//! Moving the keyboard focus.

use leptos::prelude::*;

/// Focuses `field` as soon as it is on the page. Not the `autofocus` attribute: WebKit applies
/// that at its next rendering update, which on a busy laptop came while the person was already
/// typing in another field, and the rest of their words landed at the start of this one.
pub fn when_mounted(field: NodeRef<leptos::html::Input>) {
    Effect::new(move |_| {
        if let Some(field) = field.get() {
            let _ = field.focus();
        }
    });
}
