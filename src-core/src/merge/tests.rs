use super::*;
use crate::document::typed::meta_fields;
use crate::ops::apply_script;
use automerge::ActorId;
use systematic_ipc::WorkshopMeta;

fn meta(title: &str) -> WorkshopMeta {
    WorkshopMeta {
        title: title.into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        venue: "St Mary's hall".into(),
        facilitator: "Anette".into(),
    }
}

fn new_workshop(id: &str, laptop: &str) -> WorkshopDoc {
    WorkshopDoc::create(
        id,
        &meta_fields(&meta("Esther")),
        laptop,
        &ActorId::random(),
        1_000,
    )
    .unwrap()
}

/// A laptop that starts from a copy of `doc`'s file.
fn copy_of(doc: &mut WorkshopDoc, laptop: &str) -> WorkshopDoc {
    let mut copy = WorkshopDoc::load(&doc.save(), &ActorId::random()).unwrap();
    copy.set_laptop(laptop);
    copy
}

fn run(doc: &mut WorkshopDoc, script: &str) {
    let mut clock = 10_000;
    apply_script(doc, script, &mut || {
        clock += 1;
        clock
    })
    .unwrap();
}

fn merge_all(
    docs: Vec<WorkshopDoc>,
    force: bool,
) -> Result<(WorkshopDoc, MergeReport), MergeError> {
    let sources = docs
        .into_iter()
        .enumerate()
        .map(|(n, doc)| MergeSource {
            name: format!("laptop-{n}.systematic"),
            doc,
        })
        .collect();
    let options = MergeOptions { force };
    merge(sources, &options, &mut |_, _| {})
}

const SHARED: &str = r#"
{"op":"add","kind":"persona","id":"esther","fields":{"name":"Esther","age":88,"what_matters":"Staying at home"}}
{"op":"add","kind":"participant","id":"robin","fields":{"pseudonym":"Robin","role":"carer"}}
{"op":"add","kind":"theme","id":"transport","fields":{"name":"Transport"}}
{"op":"add","kind":"theme","id":"records","fields":{"name":"Shared records"}}
{"op":"add","kind":"vote_round","id":"r1","fields":{"question":"What first?","candidates":["transport","records"],"dots_per_person":3}}
{"op":"add","kind":"note","id":"n1","fields":{"text":"Buses stop at six"}}
"#;

#[test]
fn the_report_names_conflicts_texts_deletes_and_excess_votes() {
    let mut base = new_workshop("w1", "Map laptop");
    run(&mut base, SHARED);
    let mut a = copy_of(&mut base, "Table 1");
    let mut b = copy_of(&mut base, "Table 2");
    run(
        &mut a,
        r#"{"op":"set","kind":"persona","id":"esther","fields":{"age":89}}
{"op":"splice","kind":"persona","id":"esther","field":"what_matters","position":0,"insert":"Really "}
{"op":"delete","kind":"note","id":"n1"}
{"op":"vote","round":"r1","participant":"robin","item":"transport","id":"va1"}
{"op":"vote","round":"r1","participant":"robin","item":"transport","id":"va2"}
{"op":"add","kind":"participant","id":"sam","fields":{"pseudonym":"Sam"}}"#,
    );
    run(
        &mut b,
        r#"{"op":"set","kind":"persona","id":"esther","fields":{"age":90}}
{"op":"splice","kind":"persona","id":"esther","field":"what_matters","position":15,"insert":", with my cat"}
{"op":"splice","kind":"note","id":"n1","field":"text","position":0,"insert":"The "}
{"op":"vote","round":"r1","participant":"robin","item":"records","id":"vb1"}
{"op":"vote","round":"r1","participant":"robin","item":"records","id":"vb2"}"#,
    );
    let (mut merged, report) = merge_all(vec![base, a, b], false).unwrap();

    let esther = merged.item(Kind::Persona, "esther").unwrap().unwrap();
    assert_eq!(
        esther.str("what_matters"),
        "Really Staying at home, with my cat"
    );
    assert!(!report.forced);
    assert_eq!(report.files.len(), 3);
    assert_eq!(report.files[1].laptops, ["Table 1"]);
    assert_eq!(report.files[1].participants, ["Sam"]);
    assert_eq!(report.files[1].changes, 6);
    assert_eq!(report.files[2].laptops, ["Table 2"]);
    assert_eq!(
        report.files[0].changes, 0,
        "the base had nothing the others lacked"
    );

    let age = report
        .conflicts
        .iter()
        .find(|c| c.field == "age")
        .expect("the two ages are a conflict");
    assert_eq!(age.item.label, "Esther");
    let mut laptops: Vec<&str> = age.values.iter().map(|v| v.laptop.as_str()).collect();
    laptops.sort();
    assert_eq!(laptops, ["Table 1", "Table 2"]);
    assert_eq!(age.values.iter().filter(|v| v.shown).count(), 1);

    let texts: Vec<(&str, &str)> = report
        .texts_edited_on_several
        .iter()
        .map(|t| (t.item.id.as_str(), t.field.as_str()))
        .collect();
    assert_eq!(texts, [("esther", "what_matters")]);

    assert_eq!(report.deleted_while_edited.len(), 1);
    let note = &report.deleted_while_edited[0];
    assert_eq!(note.item.id, "n1");
    assert_eq!(note.deleted_in, ["laptop-1.systematic"]);
    assert_eq!(note.edited_in, ["laptop-2.systematic"]);

    assert_eq!(report.votes_over_limit.len(), 1, "4 dots cast, 3 allowed");
    let results = crate::votes::tally(&merged).unwrap();
    assert_eq!(results[0].dots.values().sum::<usize>(), 3);

    let persona_counts = report.kinds.iter().find(|k| k.kind == "persona").unwrap();
    assert_eq!(persona_counts.changed, 1);
    let note_counts = report.kinds.iter().find(|k| k.kind == "note").unwrap();
    assert_eq!(note_counts.deleted, 1);
    let vote_counts = report.kinds.iter().find(|k| k.kind == "vote").unwrap();
    assert_eq!(vote_counts.added, 4);
    assert!(crate::inspect::model_json(&mut merged).is_ok());
}

#[test]
fn merging_the_same_file_twice_counts_nothing_twice() {
    let mut base = new_workshop("w1", "Map laptop");
    run(&mut base, SHARED);
    let mut a = copy_of(&mut base, "Table 1");
    run(
        &mut a,
        r#"{"op":"vote","round":"r1","participant":"robin","item":"transport","id":"va1"}"#,
    );
    let twice = vec![
        copy_of(&mut a, "x"),
        copy_of(&mut a, "y"),
        copy_of(&mut base, "z"),
    ];
    let (mut merged, report) = merge_all(twice, false).unwrap();
    let mut once = copy_of(&mut a, "w");
    assert_eq!(
        crate::inspect::model_json(&mut merged).unwrap(),
        crate::inspect::model_json(&mut once).unwrap()
    );
    assert!(report.votes_over_limit.is_empty());
    assert_eq!(
        crate::votes::tally(&merged).unwrap()[0].dots["transport"],
        1
    );
}

#[test]
fn different_workshops_are_refused_unless_forced() {
    let mut a = new_workshop("w1", "Table 1");
    let mut b = new_workshop("w2", "Table 2");
    run(
        &mut a,
        r#"{"op":"add","kind":"persona","id":"esther","fields":{"name":"Esther"}}"#,
    );
    run(
        &mut b,
        r#"{"op":"add","kind":"persona","id":"bo","fields":{"name":"Bo"}}"#,
    );
    let err = merge_all(vec![copy_of(&mut a, "a"), copy_of(&mut b, "b")], false).unwrap_err();
    assert!(matches!(err, MergeError::DifferentWorkshops(_)), "{err}");
    assert!(err.to_string().contains("laptop-1.systematic"), "{err}");
    let (merged, report) = merge_all(vec![a, b], true).unwrap();
    assert!(report.forced);
    let id = merged.workshop_id().unwrap();
    assert!(id == "w1" || id == "w2", "{id}");
    assert!(
        report
            .conflicts
            .iter()
            .any(|c| c.item.kind == "workshop" && c.field == "id"),
        "the two ids are shown as a conflict"
    );
    assert_eq!(
        merged.live_count(Kind::Persona),
        2,
        "both sides' personas survive"
    );
}
