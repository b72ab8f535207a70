//! Notes and votes as spreadsheet files (CSV) for organisers who count and sort in a spreadsheet.
//! Safe to open: a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage
//! return) is written with a leading apostrophe, as the map's CSV export does.

use crate::document::{DocumentError, WorkshopDoc};
use crate::interchange::protected;
use crate::model::Kind;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error("the table could not be written: {0}")]
    Csv(#[from] csv::Error),
}

/// UTF-8 with a byte order mark, so spreadsheets read å, ä and ö correctly.
fn writer() -> csv::Writer<Vec<u8>> {
    csv::Writer::from_writer("\u{feff}".as_bytes().to_vec())
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, TableError> {
    writer
        .into_inner()
        .map_err(|e| TableError::Csv(csv::Error::from(e.into_error())))
}

fn names(
    doc: &WorkshopDoc,
    kind: Kind,
    field: &str,
) -> Result<BTreeMap<String, String>, DocumentError> {
    Ok(doc
        .items(kind)?
        .into_iter()
        .map(|item| (item.id.clone(), item.str(field).to_owned()))
        .collect())
}

fn time(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
}

/// Every note: its text, theme, stage, colour, table (laptop) and who wrote it (pseudonym).
pub fn notes_csv(doc: &WorkshopDoc) -> Result<Vec<u8>, TableError> {
    let themes = names(doc, Kind::Theme, "name")?;
    let stages = names(doc, Kind::Stage, "name")?;
    let people = names(doc, Kind::Participant, "pseudonym")?;
    let name =
        |names: &BTreeMap<String, String>, id: &str| names.get(id).cloned().unwrap_or_default();
    let mut out = writer();
    out.write_record([
        "text",
        "theme",
        "stage",
        "colour",
        "laptop",
        "participant",
        "written",
    ])?;
    for note in crate::facilitation::by_age(doc.live_items(Kind::Note)?) {
        out.write_record([
            protected(note.str("text")),
            protected(&name(&themes, note.str("theme"))),
            protected(&name(&stages, note.str("stage"))),
            protected(note.str("colour")),
            protected(note.str("laptop")),
            protected(&name(&people, note.str("participant"))),
            time(note.created),
        ])?;
    }
    finish(out)
}

/// Every dot: its round, the item, who placed it (pseudonym, or "paper"), the laptop, when, and
/// whether it counts (a dot over a participant's limits, from two laptops, does not).
pub fn votes_csv(doc: &WorkshopDoc) -> Result<Vec<u8>, TableError> {
    let rounds = names(doc, Kind::VoteRound, "question")?;
    let people = names(doc, Kind::Participant, "pseudonym")?;
    let labels = crate::facilitation::Labels::read(doc)?;
    let excess: BTreeSet<String> = crate::votes::tally(doc)?
        .into_iter()
        .flat_map(|round| round.excess.into_iter().map(|e| e.vote))
        .collect();
    let mut out = writer();
    out.write_record([
        "round",
        "item",
        "participant",
        "paper",
        "laptop",
        "time",
        "counted",
    ])?;
    for vote in crate::facilitation::by_age(doc.live_items(Kind::Vote)?) {
        let paper = *vote.get("paper") == crate::model::FieldValue::Bool(true);
        let who = people
            .get(vote.str("participant"))
            .cloned()
            .unwrap_or_default();
        let when = vote.get("time").as_i64().unwrap_or(vote.created);
        out.write_record([
            protected(rounds.get(vote.str("round")).map_or("", String::as_str)),
            protected(&labels.label(vote.str("item"))),
            protected(&who),
            if paper { "yes" } else { "no" }.to_owned(),
            protected(vote.str("laptop")),
            time(when),
            if excess.contains(&vote.id) {
                "no"
            } else {
                "yes"
            }
            .to_owned(),
        ])?;
    }
    finish(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::ActorId;

    fn workshop(script: &str) -> WorkshopDoc {
        let (_, mut doc) =
            crate::demo::demo_document("Table 1", &ActorId::random(), 1_000).unwrap();
        let mut clock = 2_000;
        crate::ops::apply_script(&mut doc, script, &mut || {
            clock += 1;
            clock
        })
        .unwrap();
        doc
    }

    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap();
        let text = text.strip_prefix('\u{feff}').expect("byte order mark");
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn notes_open_safely_in_a_spreadsheet() {
        let doc = workshop(
            r#"{"op":"add","kind":"theme","id":"t1","fields":{"name":"=Handovers"}}
{"op":"add","kind":"participant","id":"p1","fields":{"pseudonym":"@Robin","role":"carer"}}
{"op":"add","kind":"note","fields":{"text":"=HYPERLINK(\"http://x\",\"click\")","theme":"t1","participant":"p1","laptop":"Table 2"}}
{"op":"add","kind":"note","fields":{"text":"Ring the nurse, \"today\"\nplease","colour":"yellow"}}
{"op":"add","kind":"note","fields":{"text":"+44 7700 900123"}}
{"op":"add","kind":"note","fields":{"text":"-1 bed"}}"#,
        );
        let table = rows(&notes_csv(&doc).unwrap());
        assert_eq!(table.len(), 4);
        assert_eq!(table[0][0], "'=HYPERLINK(\"http://x\",\"click\")");
        assert_eq!(table[0][1], "'=Handovers");
        assert_eq!(table[0][4], "Table 2");
        assert_eq!(table[0][5], "'@Robin");
        assert_eq!(table[1][0], "Ring the nurse, \"today\"\nplease");
        assert_eq!(table[2][0], "'+44 7700 900123");
        assert_eq!(table[3][0], "'-1 bed");
    }

    #[test]
    fn every_dot_is_a_row_with_its_round_item_and_voter() {
        let doc = workshop(
            r#"{"op":"add","kind":"participant","id":"p1","fields":{"pseudonym":"Robin","role":"carer"}}
{"op":"add","kind":"theme","id":"t1","fields":{"name":"Handovers"}}
{"op":"add","kind":"vote_round","id":"r1","fields":{"question":"+What first?","candidates":["t1"],"dots_per_person":1,"max_per_item":1,"status":"open"}}
{"op":"vote","round":"r1","participant":"p1","item":"t1"}
{"op":"vote","round":"r1","item":"t1","paper":true}"#,
        );
        let table = rows(&votes_csv(&doc).unwrap());
        assert_eq!(table.len(), 2, "{table:?}");
        assert_eq!(table[0][0], "'+What first?");
        assert_eq!(table[0][1], "Handovers");
        assert_eq!(table[0][2], "Robin");
        assert!(table.iter().all(|row| row[6] == "yes"), "{table:?}");
        assert_eq!(table[1][3], "yes", "the paper tally");
    }

    #[test]
    fn a_dot_over_the_limit_from_another_laptop_says_it_does_not_count() {
        let mut first = workshop(
            r#"{"op":"add","kind":"participant","id":"p1","fields":{"pseudonym":"Robin","role":"carer"}}
{"op":"add","kind":"theme","id":"t1","fields":{"name":"Handovers"}}
{"op":"add","kind":"vote_round","id":"r1","fields":{"question":"What first?","candidates":["t1"],"dots_per_person":1,"max_per_item":1,"status":"open"}}"#,
        );
        // Two laptops started from the same file each let Robin place the one dot.
        let mut second = WorkshopDoc::load(&first.save(), &ActorId::random()).unwrap();
        let vote = r#"{"op":"vote","round":"r1","participant":"p1","item":"t1"}"#;
        crate::ops::apply_script(&mut first, vote, &mut || 5_000).unwrap();
        crate::ops::apply_script(&mut second, vote, &mut || 6_000).unwrap();
        first.automerge().merge(second.automerge()).unwrap();
        let table = rows(&votes_csv(&first).unwrap());
        let counted: Vec<&str> = table.iter().map(|row| row[6].as_str()).collect();
        assert_eq!(counted.len(), 2, "{table:?}");
        assert_eq!(
            counted.iter().filter(|c| **c == "no").count(),
            1,
            "{table:?}"
        );
    }
}
