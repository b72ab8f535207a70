//! The limits written down in `docs/LIMITS.md`, enforced here so every way into the core obeys them.
//!
//! Lengths count characters (Unicode scalar values), not bytes, so "Åsa" is three characters long.
//! Text is trimmed of surrounding white space before it is checked and stored.

use crate::error::{CoreError, Field};
use systematic_ipc::{NewWorkshop, PersonaDraft, WorkshopMeta};

/// A workshop title, e.g. "What matters for Esther? — Höglandet, March".
pub const TITLE_MAX: usize = 120;
/// A venue, e.g. "St Mary's church hall, Anfield".
pub const VENUE_MAX: usize = 120;
/// A person's or persona's name or pseudonym.
pub const NAME_MAX: usize = 80;
/// A long text: "What matters to me", a living situation.
pub const LONG_TEXT_MAX: usize = 5_000;
/// A persona's quote: one sentence in their own words.
pub const QUOTE_MAX: usize = 280;
/// One long-term condition.
pub const CONDITION_MAX: usize = 80;
/// Long-term conditions listed on one persona.
pub const CONDITIONS_PER_PERSONA_MAX: usize = 20;
/// Oldest age a persona can be given.
pub const AGE_MAX: u16 = 120;
/// Personas in one workshop.
pub const PERSONAS_PER_WORKSHOP_MAX: usize = 100;

/// Trims `value` and checks it is present (when `required`) and within `max` characters.
fn text(field: Field, value: &str, max: usize, required: bool) -> Result<String, CoreError> {
    let trimmed = value.trim();
    if required && trimmed.is_empty() {
        return Err(CoreError::Required { field });
    }
    if trimmed.chars().count() > max {
        return Err(CoreError::TooLong { field, max });
    }
    Ok(trimmed.to_owned())
}

/// Checks a new workshop and returns its cleaned-up facts.
pub fn check_new_workshop(new: &NewWorkshop) -> Result<WorkshopMeta, CoreError> {
    let title = text("title", &new.title, TITLE_MAX, true)?;
    let date = new.date.ok_or(CoreError::Required { field: "date" })?;
    Ok(WorkshopMeta {
        title,
        date,
        venue: text("venue", &new.venue, VENUE_MAX, false)?,
        facilitator: text("facilitator", &new.facilitator, NAME_MAX, false)?,
    })
}

/// Checks a persona and returns it cleaned up: trimmed texts, blank conditions dropped.
pub fn check_persona(draft: &PersonaDraft) -> Result<PersonaDraft, CoreError> {
    let name = text("name", &draft.name, NAME_MAX, true)?;
    if let Some(age) = draft.age {
        if age > AGE_MAX {
            return Err(CoreError::OutOfRange {
                field: "age",
                max: u32::from(AGE_MAX),
            });
        }
    }
    let conditions = draft
        .conditions
        .iter()
        .map(|c| text("conditions", c, CONDITION_MAX, false))
        .filter(|c| !matches!(c, Ok(c) if c.is_empty()))
        .collect::<Result<Vec<_>, _>>()?;
    if conditions.len() > CONDITIONS_PER_PERSONA_MAX {
        return Err(CoreError::TooMany {
            field: "conditions",
            max: CONDITIONS_PER_PERSONA_MAX,
        });
    }
    Ok(PersonaDraft {
        name,
        age: draft.age,
        living_situation: text(
            "living_situation",
            &draft.living_situation,
            LONG_TEXT_MAX,
            false,
        )?,
        conditions,
        what_matters: text("what_matters", &draft.what_matters, LONG_TEXT_MAX, false)?,
        quote: text("quote", &draft.quote, QUOTE_MAX, false)?,
        // The fields added with the full model are checked by the model's own schema when the
        // persona is written (see `model::schema`).
        segment: draft.segment.trim().to_owned(),
        goals: draft.goals.trim().to_owned(),
        worries: draft.worries.trim().to_owned(),
        family_and_friends: draft.family_and_friends.trim().to_owned(),
        services_used: draft
            .services_used
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        seldom_heard: draft.seldom_heard,
        portrait: draft.portrait.clone().filter(|p| !p.is_empty()),
    })
}

/// Checks a laptop's name ("Table 2", "Voting laptop").
pub fn check_laptop_name(name: &str) -> Result<String, CoreError> {
    text("laptop_name", name, NAME_MAX, true)
}

/// Checks there is room for one more persona in a workshop that has `existing` already.
pub fn check_room_for_persona(existing: usize) -> Result<(), CoreError> {
    if existing >= PERSONAS_PER_WORKSHOP_MAX {
        return Err(CoreError::TooMany {
            field: "personas",
            max: PERSONAS_PER_WORKSHOP_MAX,
        });
    }
    Ok(())
}

/// How far past its limits a document from outside may go before it is refused. Concurrent
/// edits on several laptops can lawfully merge past a limit (two people typing into the same
/// story, two tables adding personas), so this is a bound against hostile files, not a rule.
pub const OUTSIDE_TOLERANCE: usize = 4;

/// The same for the number of items of a kind: many tables each adding personas merge to many.
pub const OUTSIDE_ITEMS_TOLERANCE: usize = 10;

/// Checks a document that came from outside (a session file) against the limits times
/// [`OUTSIDE_TOLERANCE`]: every field of every item must have the type the schema gives it and
/// stay within its scaled limits, and no kind may hold more than its scaled number of items.
/// Values this app wrote always pass; a crafted file with a megabyte of text in a name does not.
pub fn check_outside_document(
    doc: &crate::document::WorkshopDoc,
) -> Result<(), crate::document::DocumentError> {
    use crate::model::schema::{FieldSpec, FieldType};
    let scaled = |spec: &FieldSpec| {
        let t = OUTSIDE_TOLERANCE;
        let ty = match spec.ty {
            FieldType::Line { max } => FieldType::Line { max: max * t },
            FieldType::Text { max } => FieldType::Text { max: max * t },
            FieldType::Refs { kinds, max } => FieldType::Refs {
                kinds,
                max: max * t,
            },
            FieldType::Lines { max_each, max } => FieldType::Lines {
                max_each: max_each * t,
                max: max * t,
            },
            FieldType::Dates { max } => FieldType::Dates { max: max * t },
            other => other,
        };
        FieldSpec {
            ty,
            required: false,
            ..*spec
        }
    };
    let outside = |what: String, error: crate::model::ModelError| {
        crate::document::DocumentError::Outside(format!("{what}: {error}"))
    };
    for (name, value) in doc.workshop_fields()? {
        if let Some(spec) = crate::model::schema::workshop_field(name) {
            crate::model::value::check(&scaled(spec), &value.to_json())
                .map_err(|e| outside("the workshop's facts".into(), e))?;
        }
    }
    for kind in crate::model::Kind::ALL {
        let items = doc.items(*kind)?;
        let max = kind.max_items() * OUTSIDE_ITEMS_TOLERANCE;
        if items.len() > max {
            return Err(outside(
                format!("{} {}s", items.len(), kind.name()),
                crate::model::ModelError::Full {
                    kind: kind.name().to_owned(),
                    max,
                },
            ));
        }
        for item in &items {
            for spec in kind.fields() {
                match crate::model::value::check(&scaled(spec), &item.get(spec.name).to_json()) {
                    // A newer app may offer a choice this one does not know: it reads as
                    // unset here, which is no danger.
                    Ok(_) | Err(crate::model::ModelError::NotAChoice { .. }) => {}
                    Err(e) => return Err(outside(format!("{} {}", kind.name(), item.id), e)),
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn workshop(title: &str) -> NewWorkshop {
        NewWorkshop {
            title: title.into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 1),
            venue: "Library".into(),
            facilitator: "Sam".into(),
            ..NewWorkshop::default()
        }
    }

    fn persona(name: &str) -> PersonaDraft {
        PersonaDraft {
            name: name.into(),
            ..PersonaDraft::default()
        }
    }

    fn field_of(error: CoreError) -> (&'static str, &'static str) {
        match error {
            CoreError::Required { field } => ("required", field),
            CoreError::TooLong { field, .. } => ("too long", field),
            CoreError::TooMany { field, .. } => ("too many", field),
            CoreError::OutOfRange { field, .. } => ("out of range", field),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn title_is_required_and_trimmed() {
        let err = check_new_workshop(&workshop("   ")).unwrap_err();
        assert_eq!(field_of(err), ("required", "title"));
        assert_eq!(
            check_new_workshop(&workshop("  Esther ")).unwrap().title,
            "Esther"
        );
    }

    #[test]
    fn date_is_required() {
        let mut new = workshop("Esther");
        new.date = None;
        assert_eq!(
            field_of(check_new_workshop(&new).unwrap_err()),
            ("required", "date")
        );
    }

    #[test]
    fn title_at_the_limit_passes_and_one_past_fails() {
        let at = "å".repeat(TITLE_MAX);
        assert_eq!(check_new_workshop(&workshop(&at)).unwrap().title, at);
        let past = "å".repeat(TITLE_MAX + 1);
        let err = check_new_workshop(&workshop(&past)).unwrap_err();
        assert_eq!(field_of(err), ("too long", "title"));
    }

    #[test]
    fn venue_and_facilitator_limits() {
        let mut new = workshop("Esther");
        new.venue = "v".repeat(VENUE_MAX);
        new.facilitator = "f".repeat(NAME_MAX);
        assert!(check_new_workshop(&new).is_ok());
        new.venue = "v".repeat(VENUE_MAX + 1);
        assert_eq!(
            field_of(check_new_workshop(&new).unwrap_err()),
            ("too long", "venue")
        );
        new.venue.clear();
        new.facilitator = "f".repeat(NAME_MAX + 1);
        assert_eq!(
            field_of(check_new_workshop(&new).unwrap_err()),
            ("too long", "facilitator")
        );
    }

    #[test]
    fn persona_name_limits() {
        assert!(check_persona(&persona(&"n".repeat(NAME_MAX))).is_ok());
        let err = check_persona(&persona(&"n".repeat(NAME_MAX + 1))).unwrap_err();
        assert_eq!(field_of(err), ("too long", "name"));
        assert_eq!(
            field_of(check_persona(&persona(" ")).unwrap_err()),
            ("required", "name")
        );
    }

    #[test]
    fn long_text_limits() {
        let mut draft = persona("Esther");
        draft.what_matters = "x".repeat(LONG_TEXT_MAX);
        draft.living_situation = "y".repeat(LONG_TEXT_MAX);
        assert!(check_persona(&draft).is_ok());
        draft.what_matters.push('x');
        assert_eq!(
            field_of(check_persona(&draft).unwrap_err()),
            ("too long", "what_matters")
        );
        draft.what_matters.clear();
        draft.living_situation.push('y');
        assert_eq!(
            field_of(check_persona(&draft).unwrap_err()),
            ("too long", "living_situation")
        );
    }

    #[test]
    fn quote_limits() {
        let mut draft = persona("Esther");
        draft.quote = "q".repeat(QUOTE_MAX);
        assert!(check_persona(&draft).is_ok());
        draft.quote.push('q');
        assert_eq!(
            field_of(check_persona(&draft).unwrap_err()),
            ("too long", "quote")
        );
    }

    #[test]
    fn age_limits() {
        let mut draft = persona("Esther");
        draft.age = Some(AGE_MAX);
        assert!(check_persona(&draft).is_ok());
        draft.age = Some(AGE_MAX + 1);
        assert_eq!(
            field_of(check_persona(&draft).unwrap_err()),
            ("out of range", "age")
        );
    }

    #[test]
    fn condition_limits_and_blank_conditions_dropped() {
        let mut draft = persona("Esther");
        draft.conditions = vec![" ".into(); 50];
        assert!(check_persona(&draft).unwrap().conditions.is_empty());
        draft.conditions = vec!["c".repeat(CONDITION_MAX); CONDITIONS_PER_PERSONA_MAX];
        assert!(check_persona(&draft).is_ok());
        draft.conditions.push("COPD".into());
        assert_eq!(
            field_of(check_persona(&draft).unwrap_err()),
            ("too many", "conditions")
        );
        draft.conditions = vec!["c".repeat(CONDITION_MAX + 1)];
        assert_eq!(
            field_of(check_persona(&draft).unwrap_err()),
            ("too long", "conditions")
        );
    }

    #[test]
    fn personas_per_workshop_limit() {
        assert!(check_room_for_persona(PERSONAS_PER_WORKSHOP_MAX - 1).is_ok());
        let err = check_room_for_persona(PERSONAS_PER_WORKSHOP_MAX).unwrap_err();
        assert_eq!(field_of(err), ("too many", "personas"));
    }
}
