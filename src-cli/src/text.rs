//! Plain-text output for people: the summary of `inspect` and the merge report.

use serde_json::Value as Json;
use std::fmt::Write;
use systematic_ipc::MergeReport;

/// A few lines about a workshop: title, id, and how many of each kind of item it holds.
pub fn summary(model: &Json) -> String {
    let mut out = String::new();
    let workshop = &model["workshop"];
    let _ = writeln!(
        out,
        "{} (workshop {})",
        workshop["title"].as_str().unwrap_or_default(),
        model["id"].as_str().unwrap_or_default()
    );
    if let Some(dates) = workshop["dates"].as_array() {
        let dates: Vec<&str> = dates.iter().filter_map(Json::as_str).collect();
        if !dates.is_empty() {
            let _ = writeln!(out, "Dates: {}", dates.join(", "));
        }
    }
    if let Some(object) = model.as_object() {
        for (key, value) in object {
            let Some(items) = value.as_array() else {
                continue;
            };
            if matches!(key.as_str(), "conflicts" | "vote_results") {
                continue;
            }
            let live = items
                .iter()
                .filter(|i| i["deleted"] != Json::Bool(true))
                .count();
            if !items.is_empty() {
                let deleted = items.len() - live;
                let _ = writeln!(out, "  {key}: {live} ({deleted} deleted)");
            }
        }
    }
    let conflicts = model["conflicts"].as_array().map_or(0, Vec::len);
    let _ = writeln!(out, "Conflicts to settle: {conflicts}");
    out
}

/// The merge report as a person reads it.
pub fn merge_report(report: &MergeReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Merged \"{}\" (workshop {})",
        report.title, report.workshop_id
    );
    if report.forced {
        let _ = writeln!(
            out,
            "Files of different workshops were merged on purpose; their ids are listed as a \
             conflict below."
        );
    }
    let _ = writeln!(out, "\nFiles:");
    for file in &report.files {
        let _ = writeln!(
            out,
            "  {}: {} changes of its own, laptops: {}, new participants: {}",
            file.name,
            file.changes,
            list(&file.laptops),
            list(&file.participants)
        );
    }
    let _ = writeln!(out, "\nItems:");
    for kind in &report.kinds {
        let _ = writeln!(
            out,
            "  {}: {} added, {} changed, {} deleted",
            kind.kind, kind.added, kind.changed, kind.deleted
        );
    }
    let _ = writeln!(out, "\nConflicts ({}):", report.conflicts.len());
    for conflict in &report.conflicts {
        let _ = writeln!(
            out,
            "  {} \"{}\" {}:",
            conflict.item.kind, conflict.item.label, conflict.field
        );
        for value in &conflict.values {
            let shown = if value.shown { " (shown for now)" } else { "" };
            let _ = writeln!(out, "    {} from {}{shown}", value.value, value.laptop);
        }
    }
    let _ = writeln!(
        out,
        "\nTexts edited on several laptops, merged character by character ({}):",
        report.texts_edited_on_several.len()
    );
    for text in &report.texts_edited_on_several {
        let _ = writeln!(
            out,
            "  {} \"{}\" {} (in {})",
            text.item.kind,
            text.item.label,
            text.field,
            text.files.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\nDeleted on one laptop while edited on another ({}):",
        report.deleted_while_edited.len()
    );
    for item in &report.deleted_while_edited {
        let _ = writeln!(
            out,
            "  {} \"{}\": deleted in {}, edited in {}",
            item.item.kind,
            item.item.label,
            item.deleted_in.join(", "),
            item.edited_in.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\nVotes not counted because a participant had used all their dots ({}):",
        report.votes_over_limit.len()
    );
    for vote in &report.votes_over_limit {
        let _ = writeln!(
            out,
            "  \"{}\": {} voted for {} on {}",
            vote.round.label, vote.participant, vote.item, vote.laptop
        );
    }
    out
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}
