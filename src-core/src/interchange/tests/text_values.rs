//! Reading kinds, levels, polarities and yes/no values, and failure points written as text.

use crate::interchange::error::{Location, Place};
use crate::interchange::failure_text::{self, FailureText};
use crate::interchange::vocabulary::{
    kind_display_name, parse_bool, parse_kind, parse_level, parse_polarity,
};
use crate::interchange::InterchangeError;
use systematic_ipc::{Level, NodeKind, Polarity};

fn place() -> Place<'static> {
    Place::new("map.json", Location::entry("element", 2))
}

#[test]
fn kinds_are_read_from_kumu_element_types_and_common_words() {
    let cases = [
        ("Organization", NodeKind::Organisation),
        ("organisation", NodeKind::Organisation),
        ("  ORGANISATIONS ", NodeKind::Organisation),
        ("Person", NodeKind::PersonRole),
        ("person_role", NodeKind::PersonRole),
        ("Person-Role", NodeKind::PersonRole),
        ("Person or role", NodeKind::PersonRole),
        ("Persona", NodeKind::Persona),
        ("Service user", NodeKind::Persona),
        ("Long-term condition", NodeKind::Condition),
        ("Asset", NodeKind::Resource),
        ("Variable", NodeKind::Factor),
        ("Issue", NodeKind::Factor),
        ("Service", NodeKind::Service),
        ("", NodeKind::Service),
    ];
    for (word, kind) in cases {
        assert_eq!(
            parse_kind(&place(), "element type", word),
            Ok(kind),
            "{word}"
        );
    }
    for kind in NodeKind::ALL {
        assert_eq!(parse_kind(&place(), "kind", kind.name()), Ok(kind));
        assert_eq!(
            parse_kind(&place(), "kind", kind_display_name(kind)),
            Ok(kind)
        );
    }
}

#[test]
fn an_unknown_kind_is_a_bad_value_naming_field_and_value() {
    let error = parse_kind(&place(), "element type", "Spaceship").unwrap_err();
    assert!(matches!(
        &error,
        InterchangeError::BadValue { file, at, field: "element type", value, .. }
            if file == "map.json" && *at == Location::entry("element", 2) && value == "Spaceship"
    ));
    assert_eq!(
        error.to_string(),
        "map.json, element 3: the element type “Spaceship” is not valid; use one of: service, \
         organisation, person or role, persona, condition, resource, factor"
    );
}

#[test]
fn polarities_accept_signs_and_words() {
    let cases = [
        ("+", Polarity::Positive),
        ("++", Polarity::Positive),
        ("--", Polarity::Positive),
        ("Positive", Polarity::Positive),
        ("same", Polarity::Positive),
        ("-", Polarity::Negative),
        ("−", Polarity::Negative),
        ("+-", Polarity::Negative),
        ("-+", Polarity::Negative),
        ("NEGATIVE", Polarity::Negative),
        ("opposite", Polarity::Negative),
        ("?", Polarity::Unknown),
        ("unknown", Polarity::Unknown),
        ("", Polarity::Unknown),
    ];
    for (word, polarity) in cases {
        assert_eq!(
            parse_polarity(&place(), "polarity", word),
            Ok(polarity),
            "{word}"
        );
    }
    assert!(matches!(
        parse_polarity(&place(), "polarity", "likes"),
        Err(InterchangeError::BadValue { field: "polarity", value, .. }) if value == "likes"
    ));
}

#[test]
fn levels_and_flags() {
    assert_eq!(
        parse_level(&place(), "level", "Micro"),
        Ok(Some(Level::Micro))
    );
    assert_eq!(
        parse_level(&place(), "level", "macro level"),
        Ok(Some(Level::Macro))
    );
    assert_eq!(parse_level(&place(), "level", " "), Ok(None));
    assert!(parse_level(&place(), "level", "mega").is_err());
    for yes in ["true", "Yes", "y", "1"] {
        assert_eq!(parse_bool(&place(), "pinned", yes), Ok(true), "{yes}");
    }
    for no in ["false", "No", "n", "0", ""] {
        assert_eq!(parse_bool(&place(), "pinned", no), Ok(false), "{no}");
    }
    assert!(matches!(
        parse_bool(&place(), "pinned", "sometimes"),
        Err(InterchangeError::BadValue {
            field: "pinned",
            ..
        })
    ));
}

fn failure(description: &str, severity: Option<u8>) -> FailureText {
    FailureText {
        description: description.into(),
        severity,
    }
}

#[test]
fn failure_items_carry_their_severity() {
    assert_eq!(
        failure_text::write_item("Long wait", Some(4)),
        "[4] Long wait"
    );
    assert_eq!(failure_text::write_item("Long wait", None), "Long wait");
    assert_eq!(
        failure_text::write_item("[Draft] wait", None),
        "[-] [Draft] wait"
    );
    let read = |item| failure_text::read_item(&place(), "failures", item);
    assert_eq!(read("[4] Long wait"), Ok(failure("Long wait", Some(4))));
    assert_eq!(read("Long wait"), Ok(failure("Long wait", None)));
    assert_eq!(read("[-] [Draft] wait"), Ok(failure("[Draft] wait", None)));
    assert_eq!(read("[Draft] wait"), Ok(failure("[Draft] wait", None)));
    assert!(matches!(
        read("[9] Long wait"),
        Err(InterchangeError::BadValue { field: "failures", value, .. }) if value == "[9] Long wait"
    ));
    assert!(matches!(
        read("[3]  "),
        Err(InterchangeError::MissingField {
            field: "failure point's description",
            ..
        })
    ));
}

#[test]
fn failure_lists_keep_line_breaks_and_backslashes_inside_descriptions() {
    let failures = [
        ("Two lines\nof text", Some(2)),
        ("A back\\slash and \\n", None),
        ("Windows\r\nline", Some(5)),
    ];
    let written = failure_text::write_list(failures);
    assert_eq!(written.lines().count(), 3, "{written}");
    let read = failure_text::read_list(&place(), "failures", &written).unwrap();
    let expected: Vec<FailureText> = failures.iter().map(|(d, s)| failure(d, *s)).collect();
    assert_eq!(read, expected);
    // Typed by hand in a spreadsheet cell: one per line, blank lines skipped.
    let typed = "[3] Phone line closes at 4pm\r\n\r\nNo interpreter";
    assert_eq!(
        failure_text::read_list(&place(), "failures", typed).unwrap(),
        vec![
            failure("Phone line closes at 4pm", Some(3)),
            failure("No interpreter", None)
        ]
    );
}
