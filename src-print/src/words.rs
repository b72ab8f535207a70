//! The words on a printout, from the same Fluent files as the app (`app.ftl` for the words both
//! share, `print.ftl` for the rest), in the language the organiser chose.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// The languages printouts come in: tag, `app.ftl`, `print.ftl`.
const LANGUAGES: [(&str, &str, &str); 2] = [
    (
        "en-GB",
        include_str!("../../assets/locales/en-GB/app.ftl"),
        include_str!("../../assets/locales/en-GB/print.ftl"),
    ),
    (
        "sv",
        include_str!("../../assets/locales/sv/app.ftl"),
        include_str!("../../assets/locales/sv/print.ftl"),
    ),
];

/// The language tags printouts can be made in.
pub fn languages() -> Vec<&'static str> {
    LANGUAGES.iter().map(|(tag, _, _)| *tag).collect()
}

pub struct Words {
    tag: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// British English, for any word a translation lacks.
    fallback: Option<Box<Words>>,
}

impl Words {
    /// The words of `language` ("sv", "sv-SE", "en-GB"); British English for any other.
    pub fn new(language: &str) -> Words {
        let primary = language.split(['-', '_']).next().unwrap_or_default();
        let chosen = LANGUAGES
            .iter()
            .find(|(tag, _, _)| tag.eq_ignore_ascii_case(language))
            .or_else(|| {
                LANGUAGES
                    .iter()
                    .find(|(tag, _, _)| tag.eq_ignore_ascii_case(primary))
            })
            .unwrap_or(&LANGUAGES[0]);
        let fallback =
            (chosen.0 != LANGUAGES[0].0).then(|| Box::new(Self::build(&LANGUAGES[0], None)));
        Self::build(chosen, fallback)
    }

    fn build(
        (tag, app, print): &(&'static str, &'static str, &'static str),
        fallback: Option<Box<Words>>,
    ) -> Words {
        let locale: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // Printed text has no bidirectional isolation marks: they would show in copied text.
        bundle.set_use_isolating(false);
        for source in [app, print] {
            // The files are ours and checked by tests; a broken entry is skipped, not fatal.
            let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
            let _ = bundle.add_resource(resource);
        }
        Words {
            tag,
            bundle,
            fallback,
        }
    }

    /// The BCP 47 tag of these words ("en-GB", "sv").
    pub fn tag(&self) -> &'static str {
        self.tag
    }

    /// The ISO 639 language code for the PDF and hyphenation ("en", "sv").
    pub fn language_code(&self) -> &'static str {
        self.tag.split('-').next().unwrap_or("en")
    }

    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// The message `id` with its arguments; the id itself if no language has it.
    pub fn with(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match &self.fallback {
                Some(fallback) => fallback.with(id, args),
                None => id.to_owned(),
            };
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// A date as people write it ("24 November 2026", "24 november 2026").
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.get(&format!("print-month-{}", date.month()));
        self.with(
            "print-date",
            &[
                ("day", date.day().to_string().into()),
                ("month", month.into()),
                ("year", date.year().to_string().into()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_in_the_chosen_language() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(Words::new("en-GB").date(date), "24 November 2026");
        assert_eq!(Words::new("sv-SE").date(date), "24 november 2026");
        assert_eq!(Words::new("fr").tag(), "en-GB");
    }

    #[test]
    fn shared_words_come_from_the_app_and_plurals_work() {
        let words = Words::new("sv");
        assert_eq!(words.get("role-carer"), "Närstående");
        assert_eq!(words.with("print-dots", &[("count", 1.into())]), "1 prick");
        assert_eq!(
            words.with("print-dots", &[("count", 3.into())]),
            "3 prickar"
        );
        assert_eq!(words.get("print-no-such-word"), "print-no-such-word");
    }
}
