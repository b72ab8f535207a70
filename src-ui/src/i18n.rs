//! The one translation layer: every word on screen comes from a Fluent message.
//!
//! en-GB is the source locale; its messages are compiled in from `assets/locales/en-GB/app.ftl`.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use systematic_ipc::AppError;

const EN_GB: &str = include_str!("../../assets/locales/en-GB/app.ftl");

thread_local! {
    static BUNDLE: FluentBundle<FluentResource> = build(EN_GB);
}

fn build(source: &str) -> FluentBundle<FluentResource> {
    let locale: unic_langid::LanguageIdentifier = "en-GB".parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![locale]);
    // No Unicode isolation marks: the text goes into the DOM, which handles direction itself.
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate ids are caught by the translation tests; keep the first.
    let _ = bundle.add_resource(resource);
    bundle
}

fn format(id: &str, args: Option<&FluentArgs>) -> String {
    BUNDLE.with(|bundle| {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    })
}

/// The message `id`.
pub fn t(id: &str) -> String {
    format(id, None)
}

/// The message `id` with named arguments. Numbers are passed as numbers so plurals work.
pub fn t_args(id: &str, args: &[(&str, String)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value.parse::<i64>() {
            Ok(number) => fluent.set(*name, number),
            Err(_) => fluent.set(*name, value.clone()),
        }
    }
    format(id, Some(&fluent))
}

/// An error from the app, in words. The `field` argument names a form field and is itself
/// translated (`field-<id>`).
pub fn error_text(error: &AppError) -> String {
    let args: Vec<(&str, String)> = error
        .args
        .iter()
        .map(|(name, value)| {
            if name == "field" {
                (name.as_str(), t(&format!("field-{value}")))
            } else {
                (name.as_str(), value.clone())
            }
        })
        .collect();
    t_args(&error.message_id, &args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use systematic_ipc::ErrorKind;

    #[test]
    fn messages_are_found_and_formatted() {
        assert_eq!(t("home-new-workshop"), "New workshop");
        assert_eq!(
            t_args("workshop-list-personas", &[("count", "1".into())]),
            "1 persona"
        );
        assert_eq!(
            t_args("workshop-list-personas", &[("count", "3".into())]),
            "3 personas"
        );
    }

    #[test]
    fn errors_translate_their_field() {
        let error =
            AppError::new(ErrorKind::Invalid, "error-field-required").with("field", "title");
        assert_eq!(error_text(&error), "Title is needed. Please fill it in.");
    }

    #[test]
    fn the_source_locale_parses_without_errors() {
        assert!(FluentResource::try_new(EN_GB.to_owned()).is_ok());
    }
}
