//! Method templates: the agendas a new workshop can start from, shipped as data in
//! `assets/templates/<id>.json` (English, with a translation per language).

use crate::error::CoreError;
use serde::Deserialize;
use std::collections::BTreeMap;
use systematic_ipc::{Template, TemplateStage};

/// The shipped templates, in the order the "New workshop" form offers them.
const SOURCES: &[&str] = &[
    include_str!("../../assets/templates/systematic.json"),
    include_str!("../../assets/templates/esther.json"),
    include_str!("../../assets/templates/integrated-care-modules.json"),
    include_str!("../../assets/templates/experience-based-co-design.json"),
    include_str!("../../assets/templates/blank.json"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    id: String,
    name: String,
    summary: String,
    working_groups: Vec<String>,
    stages: Vec<TemplateStage>,
    #[serde(default)]
    translations: BTreeMap<String, Translation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Translation {
    name: String,
    summary: String,
    working_groups: Vec<String>,
    stages: Vec<StageWords>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StageWords {
    name: String,
    goal: String,
    question: String,
}

impl TemplateFile {
    /// The template in `locale` ("sv-SE" takes the `sv` words), English where untranslated.
    fn localised(self, locale: &str) -> Template {
        let language = locale.split(['-', '_']).next().unwrap_or(locale);
        let mut template = Template {
            id: self.id,
            name: self.name,
            summary: self.summary,
            working_groups: self.working_groups,
            stages: self.stages,
        };
        let translation = self
            .translations
            .into_iter()
            .find(|(tag, _)| tag.eq_ignore_ascii_case(language));
        if let Some((_, words)) = translation {
            if words.stages.len() == template.stages.len() {
                template.name = words.name;
                template.summary = words.summary;
                template.working_groups = words.working_groups;
                for (stage, words) in template.stages.iter_mut().zip(words.stages) {
                    stage.name = words.name;
                    stage.goal = words.goal;
                    stage.question = words.question;
                }
            }
        }
        template
    }
}

/// Every shipped template, in `locale` where translated.
pub fn templates(locale: &str) -> Result<Vec<Template>, CoreError> {
    SOURCES
        .iter()
        .map(|source| {
            serde_json::from_str::<TemplateFile>(source)
                .map(|file| file.localised(locale))
                .map_err(|e| CoreError::Damaged {
                    id: "templates".into(),
                    detail: e.to_string(),
                })
        })
        .collect()
}

/// The template called `id`.
pub fn template(id: &str, locale: &str) -> Result<Template, CoreError> {
    templates(locale)?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| CoreError::UnknownTemplate(id.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::{NAME_MAX, TITLE_MAX};

    #[test]
    fn every_template_reads_in_both_languages_within_the_limits() {
        for locale in ["en-GB", "sv-SE"] {
            let all = templates(locale).unwrap();
            assert_eq!(all.len(), SOURCES.len());
            for template in all {
                assert!(!template.stages.is_empty(), "{}", template.id);
                for stage in &template.stages {
                    assert!(stage.name.chars().count() <= TITLE_MAX, "{}", stage.name);
                    assert!(stage.question.chars().count() <= TITLE_MAX);
                    assert!(stage.goal.chars().count() <= 1_000);
                    assert!((1..=600).contains(&stage.planned_minutes));
                }
                for group in &template.working_groups {
                    assert!(group.chars().count() <= NAME_MAX);
                }
            }
        }
    }

    #[test]
    fn every_translation_has_every_stage() {
        for source in SOURCES {
            let file: TemplateFile = serde_json::from_str(source).unwrap();
            for (tag, words) in &file.translations {
                assert_eq!(words.stages.len(), file.stages.len(), "{} {tag}", file.id);
            }
        }
    }

    #[test]
    fn systematic_has_its_five_stages_and_three_groups() {
        let systematic = template("systematic", "en-GB").unwrap();
        assert_eq!(systematic.stages.len(), 5);
        assert_eq!(
            systematic.working_groups,
            [
                "People Insights",
                "Health & Care Intelligence",
                "Systems Futures"
            ]
        );
        let swedish = template("systematic", "sv").unwrap();
        assert_ne!(swedish.stages[0].name, systematic.stages[0].name);
        assert!(matches!(
            template("no-such", "en-GB"),
            Err(CoreError::UnknownTemplate(_))
        ));
    }
}
