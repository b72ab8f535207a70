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
use std::cell::RefCell;
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
    static BUNDLES: RefCell<Vec<Messages>> = ACTIVE.with(|active| {
        RefCell::new(
            active
                .iter()
                .filter_map(|tag| LOCALES.iter().find(|(t, _)| t == tag))
                .map(|(tag, source)| Messages::new(tag, source))
                .collect(),
        )
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

/// One locale's messages, parsed a section (a `## ` group of its `.ftl` file) at a time, when one
/// of the section's messages is first asked for. Parsing every message before the home screen
/// could show took a tenth of start-up: the wasm still runs in the engine's interpreter then.
/// Sections can be parsed apart because no message refers to another (a test keeps it so).
struct Messages {
    bundle: FluentBundle<FluentResource>,
    source: &'static str,
    /// Each section's start in `source`, and whether it has been parsed into `bundle`.
    sections: Vec<(usize, bool)>,
    /// Ids asked for and not defined in `source`, so a miss searches `source` only once.
    absent: std::collections::HashSet<String>,
}

impl Messages {
    fn new(tag: &str, source: &'static str) -> Self {
        let locale: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        if tag == PSEUDO {
            bundle.set_transform(Some(pseudo));
        }
        // No Unicode isolation marks: the text goes into the DOM, which handles direction itself.
        bundle.set_use_isolating(false);
        let sections = std::iter::once(0)
            .chain(source.match_indices("\n## ").map(|(at, _)| at + 1))
            .map(|start| (start, false))
            .collect();
        Self {
            bundle,
            source,
            sections,
            absent: Default::default(),
        }
    }

    /// The bundle holding message `id`, with its section parsed; `None` when this locale lacks
    /// it.
    fn find(&mut self, id: &str) -> Option<&FluentBundle<FluentResource>> {
        if !self.bundle.has_message(id) && !self.absent.contains(id) {
            self.parse_section_of(id);
        }
        self.bundle.has_message(id).then_some(&self.bundle)
    }

    fn parse_section_of(&mut self, id: &str) {
        let Some(at) = definition(self.source, id) else {
            self.absent.insert(id.to_owned());
            return;
        };
        let index = self
            .sections
            .partition_point(|(start, _)| *start <= at)
            .saturating_sub(1);
        let Some((start, false)) = self.sections.get(index).copied() else {
            return;
        };
        let end = self
            .sections
            .get(index + 1)
            .map_or(self.source.len(), |(next, _)| *next);
        let text = self.source.get(start..end).unwrap_or_default().to_owned();
        let resource = FluentResource::try_new(text).unwrap_or_else(|(partial, _)| partial);
        // Duplicate ids are caught by the translation tests (the section parsed first would win).
        let _ = self.bundle.add_resource(resource);
        self.sections[index].1 = true;
    }

    /// How many sections have been parsed so far.
    #[cfg(test)]
    fn parsed_sections(&self) -> usize {
        self.sections.iter().filter(|(_, parsed)| *parsed).count()
    }
}

/// Where message `id` is defined in `source`: at the start of a line, followed by `=`.
fn definition(source: &str, id: &str) -> Option<usize> {
    source.match_indices(id).map(|(at, _)| at).find(|&at| {
        let line_start = at == 0 || source.as_bytes().get(at - 1) == Some(&b'\n');
        let rest = source.get(at + id.len()..).unwrap_or_default();
        line_start && rest.trim_start_matches(' ').starts_with('=')
    })
}

fn format(id: &str, args: Option<&FluentArgs>) -> String {
    BUNDLES.with_borrow_mut(|locales| {
        for messages in locales.iter_mut() {
            let Some(bundle) = messages.find(id) else {
                continue;
            };
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
        let mut messages = Messages::new(PSEUDO, EN_GB);
        let bundle = messages.find("stage-count").unwrap();
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
        let mut messages = Messages::new("sv", SV);
        let swedish = messages.find("timer-start").unwrap();
        let message = swedish.get_message("timer-start").unwrap().value().unwrap();
        let mut errors = Vec::new();
        assert_eq!(
            swedish.format_pattern(message, None, &mut errors),
            "Starta tiden"
        );
    }

    /// Each message, parsed with only its own section, reads as it does from the whole file: no
    /// message needs another section, and every section boundary falls between messages.
    #[test]
    fn every_message_is_found_in_its_section_alone() {
        for (tag, source) in LOCALES {
            let mut whole = FluentBundle::new(vec![tag.parse().unwrap()]);
            whole.set_use_isolating(false);
            if *tag == PSEUDO {
                whole.set_transform(Some(pseudo));
            }
            whole
                .add_resource(FluentResource::try_new((*source).to_owned()).unwrap())
                .unwrap();
            let resource = FluentResource::try_new((*source).to_owned()).unwrap();
            let mut count = 0;
            for entry in resource.entries() {
                let fluent_syntax::ast::Entry::Message(message) = entry else {
                    continue;
                };
                let id = message.id.name;
                let mut alone = Messages::new(tag, source);
                assert!(alone.find(id).is_some(), "{tag}: {id} not found");
                assert_eq!(alone.parsed_sections(), 1, "{tag}: {id}");
                let bundle = &alone.bundle;
                let mut args = FluentArgs::new();
                for name in [
                    "count", "number", "name", "title", "detail", "field", "total",
                ] {
                    args.set(name, 2);
                }
                let mut errors = Vec::new();
                let mut whole_errors = Vec::new();
                let expected = message_text(&whole, id, &args, &mut whole_errors);
                assert_eq!(
                    message_text(bundle, id, &args, &mut errors),
                    expected,
                    "{tag}: {id}"
                );
                assert_eq!(errors.len(), whole_errors.len(), "{tag}: {id}: {errors:?}");
                count += 1;
            }
            assert!(count > 300, "{tag}: only {count} messages");
        }
    }

    fn message_text(
        bundle: &FluentBundle<FluentResource>,
        id: &str,
        args: &FluentArgs,
        errors: &mut Vec<fluent_bundle::FluentError>,
    ) -> String {
        let message = bundle.get_message(id).unwrap();
        let mut text = message
            .value()
            .map(|value| {
                bundle
                    .format_pattern(value, Some(args), errors)
                    .into_owned()
            })
            .unwrap_or_default();
        for attribute in message.attributes() {
            text.push_str(&bundle.format_pattern(attribute.value(), Some(args), errors));
        }
        text
    }

    /// The home screen's words need only the first two sections, not the workshop screen's or the
    /// errors' (40% of the file).
    #[test]
    fn the_home_screen_parses_few_sections() {
        let mut messages = Messages::new("en-GB", EN_GB);
        let home = [
            "app-name",
            "save-state-saved",
            "home-title",
            "home-new-workshop",
            "workshop-list-open",
            "workshop-protected",
            "session-open",
            "laptop-setup-title",
            "language",
        ];
        for id in home {
            assert!(messages.find(id).is_some(), "{id}");
        }
        assert_eq!(messages.parsed_sections(), 2);
        assert!(messages.sections.len() > 10);
        assert!(messages.find("no-such-message").is_none());
        assert!(messages.absent.contains("no-such-message"));
        assert_eq!(messages.parsed_sections(), 2);
    }
}
