//! The words other tools use for our node kinds, levels, polarities and yes/no values, and how we
//! read them. Matching ignores case, surrounding spaces, and `-`/`_`/`/` between words, so
//! "Person_Role", "person-role" and "Person role" are the same word.

use super::error::Place;
use super::InterchangeError;
use systematic_ipc::{Level, NodeKind, Polarity};

/// Lower case, words separated by single spaces.
fn lower_words(value: &str) -> String {
    value
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower case, with `-`, `_` and `/` read as spaces between words.
fn normalised(value: &str) -> String {
    lower_words(&value.replace(['-', '_', '/'], " "))
}

/// The words read as each node kind (after normalising). Kumu's element types, our own names and
/// common words from health and care maps.
const KIND_WORDS: &[(NodeKind, &[&str])] = &[
    (
        NodeKind::Service,
        &["service", "services", "programme", "program"],
    ),
    (
        NodeKind::Organisation,
        &[
            "organisation",
            "organisations",
            "organization",
            "organizations",
            "org",
            "institution",
            "agency",
        ],
    ),
    (
        NodeKind::PersonRole,
        &[
            "person role",
            "person or role",
            "person",
            "people",
            "individual",
            "role",
            "professional",
            "staff",
        ],
    ),
    (
        NodeKind::Persona,
        &["persona", "personas", "service user", "patient"],
    ),
    (
        NodeKind::Condition,
        &[
            "condition",
            "conditions",
            "health condition",
            "long term condition",
            "diagnosis",
        ],
    ),
    (
        NodeKind::Resource,
        &["resource", "resources", "asset", "assets", "funding"],
    ),
    (
        NodeKind::Factor,
        &[
            "factor",
            "factors",
            "variable",
            "variables",
            "issue",
            "driver",
        ],
    ),
];

/// The name other tools show for a kind (Kumu's "element type").
pub fn kind_display_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Service => "Service",
        NodeKind::Organisation => "Organisation",
        NodeKind::PersonRole => "Person or role",
        NodeKind::Persona => "Persona",
        NodeKind::Condition => "Condition",
        NodeKind::Resource => "Resource",
        NodeKind::Factor => "Factor",
    }
}

/// A node kind from a file. A blank value means the default kind (service).
pub fn parse_kind(
    place: &Place,
    field: &'static str,
    value: &str,
) -> Result<NodeKind, InterchangeError> {
    let word = normalised(value);
    if word.is_empty() {
        return Ok(NodeKind::default());
    }
    KIND_WORDS
        .iter()
        .find(|(_, words)| words.contains(&word.as_str()))
        .map(|(kind, _)| *kind)
        .ok_or_else(|| {
            place.bad_value(
                field,
                value,
                "use one of: service, organisation, person or role, persona, condition, \
                 resource, factor",
            )
        })
}

/// A level from a file; blank means none. "Micro level" is read as micro.
pub fn parse_level(
    place: &Place,
    field: &'static str,
    value: &str,
) -> Result<Option<Level>, InterchangeError> {
    let word = normalised(value);
    let word = word.strip_suffix(" level").unwrap_or(&word);
    if word.is_empty() {
        return Ok(None);
    }
    Level::from_name(word)
        .map(Some)
        .ok_or_else(|| place.bad_value(field, value, "use micro, meso or macro, or leave it empty"))
}

/// A polarity from a file; blank means unknown. Kumu's causal-loop maps write "++" and "--" for
/// "same direction" and "+-" and "-+" for "opposite direction".
pub fn parse_polarity(
    place: &Place,
    field: &'static str,
    value: &str,
) -> Result<Polarity, InterchangeError> {
    let word = lower_words(&value.replace(['−', '–'], "-"));
    let polarity = match word.as_str() {
        "+" | "++" | "--" | "+ve" | "positive" | "pos" | "plus" | "same" | "same direction"
        | "s" => Polarity::Positive,
        "-" | "+-" | "-+" | "-ve" | "negative" | "neg" | "minus" | "opposite"
        | "opposite direction" | "o" => Polarity::Negative,
        "" | "?" | "unknown" | "unclear" | "not known" => Polarity::Unknown,
        _ => {
            return Err(place.bad_value(
                field,
                value,
                "use +, − or ?, or positive, negative or unknown (also: same, opposite)",
            ))
        }
    };
    Ok(polarity)
}

/// A yes/no value from a file; blank means no.
pub fn parse_bool(
    place: &Place,
    field: &'static str,
    value: &str,
) -> Result<bool, InterchangeError> {
    match normalised(value).as_str() {
        "" | "false" | "no" | "n" | "0" => Ok(false),
        "true" | "yes" | "y" | "1" => Ok(true),
        _ => Err(place.bad_value(field, value, "use true or false (or yes or no)")),
    }
}

/// A number from a file (a position). Blank is `None`.
pub fn parse_number(
    place: &Place,
    field: &'static str,
    value: &str,
) -> Result<Option<f64>, InterchangeError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value
        .parse::<f64>()
        .map(Some)
        .map_err(|_| place.bad_value(field, value, "use a number such as 120 or -35.5"))
}
