use crate::i18n::error_text;
use leptos::prelude::*;
use systematic_ipc::AppError;

/// Shows an error from the app in plain words, announced to screen readers.
#[component]
pub fn ErrorMessage(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|error| {
            view! {
                <p class="error" role="alert" data-testid="error" data-kind=format!("{:?}", error.kind)>
                    {error_text(&error)}
                </p>
            }
        })
    }
}

/// Whether `error` is about the form field `field`, for `aria-invalid`.
pub fn is_about(error: Option<AppError>, field: &str) -> &'static str {
    match error {
        Some(error) if error.field() == Some(field) => "true",
        _ => "false",
    }
}
