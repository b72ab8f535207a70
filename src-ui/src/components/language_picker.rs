use crate::i18n::{self, t};
use leptos::prelude::*;

/// The language the app speaks on this laptop; choosing one reloads the window in it.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let current = i18n::locale();
    view! {
        <label class="language-picker">
            <span>{t("language")}</span>
            <select data-testid="language" on:change=move |ev| i18n::choose_language(&event_target_value(&ev))>
                {i18n::LANGUAGES.iter().map(|(tag, name)| view! {
                    <option value=*tag selected=*tag == current>{*name}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
