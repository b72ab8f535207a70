//! Every message the app can show exists in the source locale, so no facilitator ever sees a raw
//! message id.

use std::collections::BTreeSet;
use systematic_tests::project_root;

fn ftl_ids() -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(project_root().join("assets/locales/en-GB/app.ftl")).expect("ftl");
    text.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

/// The string literals passed as first argument to `function(` in `source`.
fn literal_arguments(source: &str, function: &str) -> Vec<String> {
    let needle = format!("{function}(\"");
    source
        .match_indices(&needle)
        .filter(|(index, _)| {
            // Skip longer names ending in the same letters (`format!` or `error_text(`).
            !source[..*index].ends_with(|c: char| c.is_alphanumeric() || c == '_')
        })
        .filter_map(|(index, _)| {
            let rest = &source[index + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

fn rust_sources(dir: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut pending = vec![project_root().join(dir)];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read source");
                found.push((path.display().to_string(), text));
            }
        }
    }
    found
}

#[test]
fn every_ui_message_exists() {
    let ids = ftl_ids();
    let mut checked = 0;
    for (path, source) in rust_sources("src-ui/src") {
        for function in ["t", "t_args"] {
            for id in literal_arguments(&source, function) {
                checked += 1;
                assert!(
                    ids.contains(&id),
                    "{path} uses message {id:?}, missing from app.ftl"
                );
            }
        }
    }
    assert!(
        checked > 30,
        "only {checked} messages found: is the scan broken?"
    );
}

#[test]
fn every_core_error_message_exists() {
    let ids = ftl_ids();
    for id in systematic_core::error::MESSAGE_IDS {
        assert!(
            ids.contains(*id),
            "the core can send {id:?}, missing from app.ftl"
        );
    }
    assert!(ids.contains("error-internal"));
}

#[test]
fn every_field_the_core_names_has_a_label() {
    let ids = ftl_ids();
    let source =
        std::fs::read_to_string(project_root().join("src-core/src/limits.rs")).expect("limits.rs");
    let mut fields: Vec<String> = literal_arguments(&source, "text");
    for marker in ["field: \""] {
        for (index, _) in source.match_indices(marker) {
            let rest = &source[index + marker.len()..];
            if let Some(end) = rest.find('"') {
                fields.push(rest[..end].to_owned());
            }
        }
    }
    assert!(fields.len() >= 8, "found only {fields:?}");
    for field in fields {
        assert!(
            ids.contains(&format!("field-{field}")),
            "no label field-{field} in app.ftl"
        );
    }
}

/// The merge report and conflict choices name kinds and fields by id (`kind-persona`,
/// `field-what_matters`); every kind and field of the model needs a label.
#[test]
fn every_kind_and_field_has_a_label() {
    use systematic_core::model::{schema::WORKSHOP_FIELDS, Kind};
    let ids = ftl_ids();
    let mut wanted = vec!["field-id".to_owned(), "field-deleted".to_owned()];
    wanted.extend(WORKSHOP_FIELDS.iter().map(|f| format!("field-{}", f.name)));
    for kind in Kind::ALL {
        wanted.push(format!("kind-{}", kind.name()));
        wanted.extend(kind.fields().iter().map(|f| format!("field-{}", f.name)));
    }
    for id in wanted {
        assert!(ids.contains(&id), "{id} is missing from app.ftl");
    }
}

/// The map's words are looked up by name (`node-kind-service`, `level-micro`, `polarity-negative`,
/// `analysis-loop-balancing`, `map-format-png`); every one of them needs its words.
#[test]
fn every_map_word_has_a_label() {
    use systematic_core::interchange::MapFormat;
    use systematic_ipc::{Level, NodeKind, Polarity};
    let ids = ftl_ids();
    let mut wanted: Vec<String> = NodeKind::ALL
        .iter()
        .map(|k| format!("node-kind-{}", k.name()))
        .collect();
    wanted.extend(Level::ALL.iter().map(|l| format!("level-{}", l.name())));
    wanted.extend(
        Polarity::ALL
            .iter()
            .map(|p| format!("polarity-{}", p.name())),
    );
    wanted.extend(
        ["reinforcing", "balancing", "unclear"]
            .iter()
            .map(|k| format!("analysis-loop-{k}")),
    );
    wanted.extend(
        MapFormat::ALL
            .iter()
            .map(|f| format!("map-format-{}", f.name())),
    );
    for id in wanted {
        assert!(ids.contains(&id), "{id} is missing from app.ftl");
    }
}

/// The facilitation screens look words up by name (`role-carer`, `colour-pink`,
/// `stage-status-done`, `action-status-in-progress`, `tab-voting`); every one needs its words.
#[test]
fn every_facilitation_word_has_a_label() {
    use systematic_core::model::schema::{ACTION_STATUSES, NOTE_COLOURS, ROLES, STAGE_STATUSES};
    let ids = ftl_ids();
    let dashed = |s: &str| s.replace('_', "-");
    let mut wanted: Vec<String> = ROLES
        .iter()
        .map(|r| format!("role-{}", dashed(r)))
        .collect();
    wanted.push("role-none".into());
    wanted.extend(NOTE_COLOURS.iter().map(|c| format!("colour-{c}")));
    wanted.extend(
        STAGE_STATUSES
            .iter()
            .map(|s| format!("stage-status-{}", dashed(s))),
    );
    wanted.extend(
        ACTION_STATUSES
            .iter()
            .map(|s| format!("action-status-{}", dashed(s))),
    );
    wanted.extend(
        [
            "agenda",
            "people",
            "personas",
            "map",
            "journeys",
            "scenarios",
            "notes",
            "voting",
            "priorities",
        ]
        .iter()
        .map(|t| format!("tab-{t}")),
    );
    wanted.extend((0..=4).map(|e| format!("emotion-{e}")));
    for id in wanted {
        assert!(ids.contains(&id), "{id} is missing from app.ftl");
    }
}

/// Every portrait the model accepts has its illustration, its name in app.ftl, and is compiled
/// into the UI's picker.
#[test]
fn every_portrait_is_drawn_named_and_offered() {
    use systematic_core::model::schema::PORTRAITS;
    let ids = ftl_ids();
    let picker = std::fs::read_to_string(project_root().join("src-ui/src/components/portrait.rs"))
        .expect("portrait.rs");
    for name in PORTRAITS {
        let svg = project_root().join(format!("assets/portraits/{name}.svg"));
        let text =
            std::fs::read_to_string(&svg).unwrap_or_else(|e| panic!("{}: {e}", svg.display()));
        assert!(text.starts_with("<svg"), "{name}.svg is not an SVG");
        assert!(
            !text.contains("<script"),
            "{name}.svg must not carry script"
        );
        assert!(
            ids.contains(&format!("portrait-{name}")),
            "portrait-{name} missing from app.ftl"
        );
        assert!(
            picker.contains(&format!("\"{name}\","))
                && picker.contains(&format!("assets/portraits/{name}.svg\")")),
            "{name} is not in the UI's portrait list"
        );
    }
}

/// Message ids with the variables each uses, from an `.ftl` file (attributes are not used).
fn messages_with_variables(relative: &str) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(project_root().join(relative)).expect("ftl");
    let variables = |part: &str| -> Vec<String> {
        part.split("{ $")
            .skip(1)
            .filter_map(|rest| {
                rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .next()
            })
            .map(str::to_owned)
            .collect()
    };
    let mut found = std::collections::BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            if let Some((id, value)) = line.split_once(" =") {
                let id = id.trim().to_owned();
                found
                    .entry(id.clone())
                    .or_insert_with(BTreeSet::new)
                    .extend(variables(value));
                current = Some(id);
                continue;
            }
        }
        match (&current, line.starts_with(' ')) {
            (Some(id), true) => {
                found
                    .entry(id.clone())
                    .or_insert_with(BTreeSet::new)
                    .extend(variables(line));
            }
            _ => current = None,
        }
    }
    found
}

/// The Swedish translation has every message of the source locale, and no other, and each uses
/// the same variables: nothing shows in English, and no argument is lost.
#[test]
fn swedish_translates_every_message_with_the_same_variables() {
    let english = messages_with_variables("assets/locales/en-GB/app.ftl");
    let swedish = messages_with_variables("assets/locales/sv/app.ftl");
    let missing: Vec<_> = english
        .keys()
        .filter(|id| !swedish.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "not translated into Swedish: {missing:?}"
    );
    let extra: Vec<_> = swedish
        .keys()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(
        extra.is_empty(),
        "Swedish messages with no English source: {extra:?}"
    );
    for (id, variables) in &english {
        assert_eq!(
            &swedish[id], variables,
            "{id} uses other variables in Swedish"
        );
    }
    assert!(english.len() > 500, "the parser found the messages");
}
