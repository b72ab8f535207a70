//! The one translation layer: every word on screen comes from a Fluent message.
//!
//! en-GB is the source locale; its messages are compiled in from `assets/locales/en-GB/app.ftl`.
//! To add a language, put its `app.ftl` under `assets/locales/<tag>/` and list it in [`LOCALES`]:
//! no component changes. A message missing from a translation falls back to en-GB.
//!
//! The language is the one chosen in the app (kept in this web view's local storage), else the
//! laptop's. `en-XA` is a pseudo-locale: en-GB with every letter of every message accented, so a
//! word on screen that is not accented did not come from a message.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use systematic_ipc::AppError;

const EN_GB: &str = include_str!("../../assets/locales/en-GB/app.ftl");
const SV: &str = include_str!("../../assets/locales/sv/app.ftl");

/// The compiled-in locales, source locale first.
const LOCALES: &[(&str, &str)] = &[("en-GB", EN_GB), ("sv", SV), (PSEUDO, EN_GB)];

/// The pseudo-locale's tag.
pub const PSEUDO: &str = "en-XA";

/// The languages a facilitator can choose, each named in itself.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en-GB", "English (UK)"),
    ("sv", "Svenska"),
    (PSEUDO, "Pseudo-locale (test)"),
];

/// Where the chosen language is kept in the web view's local storage.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
const LANGUAGE_KEY: &str = "systematic-language";

thread_local! {
    /// The locales in use, best match for the laptop's language first, en-GB always last.
    static ACTIVE: Vec<&'static str> = locale_order(&tags(), preferred_language().as_deref());
    static BUNDLES: Vec<FluentBundle<FluentResource>> = ACTIVE.with(|active| {
        active
            .iter()
            .filter_map(|tag| LOCALES.iter().find(|(t, _)| t == tag))
            .map(|(tag, source)| build(tag, source))
            .collect()
    });
}

fn tags() -> Vec<&'static str> {
    LOCALES.iter().map(|(tag, _)| *tag).collect()
}

/// The web view's language (for example "sv-SE"), when there is a web view.
fn preferred_language() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let window = web_sys::window()?;
        let chosen = window
            .local_storage()
            .ok()
            .flatten()
            .and_then(|storage| storage.get_item(LANGUAGE_KEY).ok().flatten());
        chosen.or_else(|| window.navigator().language())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Which of `available` (source locale first) to use for `wanted`, in order: an exact match,
/// else one with the same language ("sv-SE" for "sv-FI"), then the source locale.
fn locale_order(available: &[&'static str], wanted: Option<&str>) -> Vec<&'static str> {
    let mut order = Vec::new();
    if let Some(wanted) = wanted {
        let language = wanted.split('-').next().unwrap_or(wanted);
        let exact = available
            .iter()
            .find(|tag| tag.eq_ignore_ascii_case(wanted));
        let same_language = available
            .iter()
            .find(|tag| tag.split('-').next() == Some(language));
        order.extend(exact.or(same_language).copied());
    }
    if let Some(source) = available.first() {
        if !order.contains(source) {
            order.push(source);
        }
    }
    order
}

/// Keeps `tag` as this laptop's language and reloads the window in it.
pub fn choose_language(tag: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(window) = web_sys::window() {
            if let Ok(Some(storage)) = window.local_storage() {
                let _ = storage.set_item(LANGUAGE_KEY, tag);
            }
            let _ = window.location().reload();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = tag;
}

/// The pseudo-locale's letters: every vowel accented, so untranslated words stand out.
fn pseudo(text: &str) -> std::borrow::Cow<'_, str> {
    text.chars()
        .map(|c| match c {
            'a' => 'á',
            'e' => 'é',
            'i' => 'í',
            'o' => 'ö',
            'u' => 'ü',
            'y' => 'ý',
            'A' => 'Å',
            'E' => 'É',
            'I' => 'Í',
            'O' => 'Ö',
            'U' => 'Ü',
            other => other,
        })
        .collect::<String>()
        .into()
}

fn build(tag: &str, source: &str) -> FluentBundle<FluentResource> {
    let locale: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![locale]);
    if tag == PSEUDO {
        bundle.set_transform(Some(pseudo));
    }
    // No Unicode isolation marks: the text goes into the DOM, which handles direction itself.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate ids are caught by the translation tests; keep the first.
    let _ = bundle.add_resource(resource);
    bundle
}

fn format(id: &str, args: Option<&FluentArgs>) -> String {
    BUNDLES.with(|bundles| {
        for bundle in bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        // A missing message shows its id rather than nothing; tests keep this from happening.
        id.to_owned()
    })
}

/// A message argument: text stays text (a persona called "007" is not the number 7), numbers
/// are numbers so plural rules work.
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<u32> for Arg {
    fn from(number: u32) -> Self {
        Self::Number(i64::from(number))
    }
}

impl From<usize> for Arg {
    fn from(number: usize) -> Self {
        Self::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(number: i64) -> Self {
        Self::Number(number)
    }
}

impl From<u16> for Arg {
    fn from(number: u16) -> Self {
        Self::Number(i64::from(number))
    }
}

/// The locale in use ("en-GB", "sv"): the best match for the laptop's language.
pub fn locale() -> &'static str {
    ACTIVE.with(|active| active.first().copied().unwrap_or("en-GB"))
}

/// The message `id`.
pub fn t(id: &str) -> String {
    format(id, None)
}

/// The message `id` with named arguments.
pub fn t_args(id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Number(number) => FluentValue::from(*number),
        };
        fluent.set(*name, value);
    }
    format(id, Some(&fluent))
}

/// An error from the app, in words. The `field` argument names a form field and is itself
/// translated (`field-<id>`).
pub fn error_text(error: &AppError) -> String {
    let args: Vec<(&str, Arg)> = error
        .args
        .iter()
        .map(|(name, value)| {
            let value = if name == "field" {
                t(&format!("field-{value}"))
            } else {
                value.clone()
            };
            (name.as_str(), Arg::Text(value))
        })
        .collect();
    t_args(&error.message_id, &args)
}

/// A date the way the active locale writes it ("2 March 2026" in en-GB).
pub fn date(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    #[cfg(target_arch = "wasm32")]
    {
        let options = js_sys::Object::new();
        for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        // Noon avoids the date slipping a day in any time zone.
        let js = js_sys::Date::new_with_year_month_day_hr_min(
            date.year() as u32,
            date.month0() as i32,
            date.day() as i32,
            12,
            0,
        );
        let locale = ACTIVE.with(|active| active.first().copied().unwrap_or("en-GB"));
        String::from(js.to_locale_date_string(locale, &options))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
    }
}

/// A moment (milliseconds since the epoch) as this laptop's local date and time, written the
/// way the active locale writes it.
pub fn moment(ms: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let js = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        let locale = ACTIVE.with(|active| active.first().copied().unwrap_or("en-GB"));
        String::from(js.to_locale_string(locale, &wasm_bindgen::JsValue::UNDEFINED))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        ms.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use systematic_ipc::ErrorKind;

    #[test]
    fn messages_are_found_and_formatted() {
        assert_eq!(t("home-new-workshop"), "New workshop");
        let one = t_args("workshop-list-personas", &[("count", 1_u32.into())]);
        assert_eq!(one, "1 persona");
        let three = t_args("workshop-list-personas", &[("count", 3_u32.into())]);
        assert_eq!(three, "3 personas");
    }

    #[test]
    fn text_arguments_stay_text() {
        let text = t_args("persona-edit-title", &[("name", "007".to_string().into())]);
        assert_eq!(text, "Edit 007");
    }

    #[test]
    fn errors_translate_their_field() {
        let error =
            AppError::new(ErrorKind::Invalid, "error-field-required").with("field", "title");
        assert_eq!(error_text(&error), "Title is needed. Please fill it in.");
    }

    #[test]
    fn the_best_locale_comes_first_and_the_source_locale_last() {
        let available = ["en-GB", "sv-SE"];
        assert_eq!(locale_order(&available, None), ["en-GB"]);
        assert_eq!(locale_order(&available, Some("sv-SE")), ["sv-SE", "en-GB"]);
        assert_eq!(locale_order(&available, Some("sv-FI")), ["sv-SE", "en-GB"]);
        assert_eq!(locale_order(&available, Some("de-DE")), ["en-GB"]);
        assert_eq!(locale_order(&available, Some("en-GB")), ["en-GB"]);
    }

    #[test]
    fn the_pseudo_locale_accents_words_but_not_arguments() {
        let bundle = build(PSEUDO, EN_GB);
        let message = bundle.get_message("stage-count").unwrap().value().unwrap();
        let mut args = FluentArgs::new();
        args.set("number", 2);
        args.set("count", 5);
        let mut errors = Vec::new();
        let text = bundle.format_pattern(message, Some(&args), &mut errors);
        assert_eq!(text, "Stágé 2 öf 5");
        assert_eq!(
            locale_order(&["en-GB", PSEUDO], Some(PSEUDO)),
            [PSEUDO, "en-GB"]
        );
        assert!(LANGUAGES
            .iter()
            .all(|(tag, _)| LOCALES.iter().any(|(t, _)| t == tag)));
    }

    #[test]
    fn every_locale_parses_without_errors() {
        for (tag, source) in LOCALES {
            assert!(
                FluentResource::try_new((*source).to_owned()).is_ok(),
                "{tag}"
            );
        }
        let swedish = build("sv", SV);
        let message = swedish.get_message("timer-start").unwrap().value().unwrap();
        let mut errors = Vec::new();
        assert_eq!(
            swedish.format_pattern(message, None, &mut errors),
            "Starta tiden"
        );
    }
}
