use super::typed::meta_fields;
use super::*;
use crate::model::Kind;
use chrono::NaiveDate;
use serde_json::{json, Map};
use systematic_ipc::{PersonaDraft, PersonaId, WorkshopMeta};

fn meta() -> WorkshopMeta {
    WorkshopMeta {
        title: "What matters for Esther?".into(),
        date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        venue: "Höglandet library".into(),
        facilitator: "Anette".into(),
    }
}

fn esther() -> PersonaDraft {
    PersonaDraft {
        name: "Esther".into(),
        age: Some(88),
        living_situation: "Lives alone".into(),
        conditions: vec!["Heart failure".into(), "COPD".into()],
        what_matters: "Staying in my own home".into(),
        quote: "I don't know my next step".into(),
        ..PersonaDraft::default()
    }
}

fn esther_in_full() -> PersonaDraft {
    PersonaDraft {
        segment: "Older people living alone".into(),
        goals: "Walk to the shop".into(),
        worries: "Falling at night".into(),
        family_and_friends: "Daughter in Leeds".into(),
        services_used: vec!["GP".into(), "District nurse".into()],
        seldom_heard: true,
        portrait: Some("heather".into()),
        ..esther()
    }
}

fn actor(n: u8) -> ActorId {
    ActorId::from(vec![n; 16])
}

fn create(laptop: &str, n: u8) -> WorkshopDoc {
    WorkshopDoc::create("w1", &meta_fields(&meta()), laptop, &actor(n), 1_000).unwrap()
}

fn fields(value: serde_json::Value) -> Map<String, serde_json::Value> {
    value.as_object().unwrap().clone()
}

#[test]
fn a_workshop_round_trips_through_save_and_load() {
    let mut doc = create("Table 1", 1);
    let added = doc.add_persona(&esther(), 2_000).unwrap();
    assert_eq!(added.details, esther());
    let bytes = doc.save();
    let loaded = WorkshopDoc::load(&bytes, &actor(1)).unwrap();
    assert_eq!(loaded.meta().unwrap(), meta());
    assert_eq!(loaded.workshop_id().unwrap(), "w1");
    assert_eq!(loaded.personas().unwrap(), vec![added]);
}

#[test]
fn every_change_names_its_laptop() {
    let mut doc = create("Voting laptop", 1);
    doc.add_persona(&esther(), 2_000).unwrap();
    let notes: Vec<ChangeNote> = doc
        .automerge()
        .get_changes_meta(&[])
        .iter()
        .skip(1)
        .map(|c| ChangeNote::parse(c.message.as_deref()))
        .collect();
    assert_eq!(notes.len(), 2);
    assert!(
        notes.iter().all(|n| n.laptop == "Voting laptop"),
        "{notes:?}"
    );
    assert_eq!(notes[1].what, "add persona Esther");
}

#[test]
fn incremental_changes_appended_to_a_save_load() {
    let mut doc = create("Table 1", 1);
    let mut stored = doc.save();
    let heads = doc.heads();
    let persona = doc.add_persona(&esther(), 2_000).unwrap();
    stored.extend(doc.changes_since(&heads));
    let mut edited = esther();
    edited.what_matters = "Staying in my own home, with my cat".into();
    let heads = doc.heads();
    doc.update_persona(&persona.id, &edited, 3_000).unwrap();
    stored.extend(doc.changes_since(&heads));
    let mut loaded = WorkshopDoc::load(&stored, &actor(1)).unwrap();
    assert_eq!(loaded.personas().unwrap()[0].details, edited);
    assert_eq!(loaded.last_changed_ms(), 3_000);
}

#[test]
fn updating_an_unknown_persona_is_none() {
    let mut doc = create("Table 1", 1);
    let missing = PersonaId("nope".into());
    assert!(doc
        .update_persona(&missing, &esther(), 2_000)
        .unwrap()
        .is_none());
}

#[test]
fn concurrent_text_edits_merge_character_by_character() {
    let mut a = create("Table 1", 1);
    let persona = a.add_persona(&esther(), 2_000).unwrap();
    let mut b = WorkshopDoc::load(&a.save(), &actor(2)).unwrap();
    let mut from_a = esther();
    from_a.what_matters = "Staying in my own home!".into();
    let mut from_b = esther();
    from_b.what_matters = "Really staying in my own home".into();
    a.update_persona(&persona.id, &from_a, 3_000).unwrap();
    b.update_persona(&persona.id, &from_b, 3_000).unwrap();
    a.doc.merge(&mut b.doc).unwrap();
    let merged = &a.personas().unwrap()[0].details.what_matters;
    assert_eq!(merged, "Really staying in my own home!");
}

#[test]
fn saving_an_unchanged_form_leaves_other_laptops_edits_alone() {
    let mut a = create("Table 1", 1);
    let persona = a.add_persona(&esther(), 2_000).unwrap();
    let mut b = WorkshopDoc::load(&a.save(), &actor(2)).unwrap();
    let mut older = esther();
    older.age = Some(89);
    b.update_persona(&persona.id, &older, 3_000).unwrap();
    let mut quote_only = esther();
    quote_only.quote = "Nobody knows the whole of me".into();
    a.update_persona(&persona.id, &quote_only, 3_000).unwrap();
    a.doc.merge(&mut b.doc).unwrap();
    let merged = &a.personas().unwrap()[0].details;
    assert_eq!(merged.age, Some(89), "the age edit from laptop b survives");
    assert_eq!(merged.quote, "Nobody knows the whole of me");
}

#[test]
fn list_edits_on_two_laptops_keep_both_additions() {
    let mut a = create("Table 1", 1);
    let persona = a.add_persona(&esther(), 2_000).unwrap();
    let mut b = WorkshopDoc::load(&a.save(), &actor(2)).unwrap();
    let mut with_diabetes = esther();
    with_diabetes.conditions.push("Diabetes".into());
    a.update_persona(&persona.id, &with_diabetes, 3_000)
        .unwrap();
    let mut with_arthritis = esther();
    with_arthritis.conditions.insert(0, "Arthritis".into());
    b.update_persona(&persona.id, &with_arthritis, 3_000)
        .unwrap();
    a.doc.merge(&mut b.doc).unwrap();
    let conditions = &a.personas().unwrap()[0].details.conditions;
    assert_eq!(
        conditions,
        &["Arthritis", "Heart failure", "COPD", "Diabetes"]
    );
}

#[test]
fn independently_created_workshops_keep_both_sides_items_when_merged() {
    let mut a = WorkshopDoc::create("w1", &meta_fields(&meta()), "A", &actor(1), 1_000).unwrap();
    let mut b = WorkshopDoc::create("w2", &meta_fields(&meta()), "B", &actor(2), 1_000).unwrap();
    a.add_persona(&esther(), 2_000).unwrap();
    let mut bo = esther();
    bo.name = "Bo".into();
    b.add_persona(&bo, 2_000).unwrap();
    a.doc.merge(&mut b.doc).unwrap();
    let names: Vec<String> = a
        .personas()
        .unwrap()
        .into_iter()
        .map(|p| p.details.name)
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"Bo".to_owned()) && names.contains(&"Esther".to_owned()));
}

#[test]
fn deleting_marks_the_item_and_restoring_brings_it_back() {
    let mut doc = create("Table 1", 1);
    let persona = doc.add_persona(&esther(), 2_000).unwrap();
    doc.delete(Kind::Persona, &persona.id.0).unwrap();
    assert!(doc.personas().unwrap().is_empty());
    assert!(
        doc.item(Kind::Persona, &persona.id.0)
            .unwrap()
            .unwrap()
            .deleted
    );
    assert!(
        doc.set(Kind::Persona, &persona.id.0, &fields(json!({"age": 3})))
            .is_err(),
        "a deleted item cannot be edited"
    );
    doc.restore(Kind::Persona, &persona.id.0).unwrap();
    assert_eq!(doc.personas().unwrap().len(), 1);
}

#[test]
fn references_must_point_at_an_item_of_the_right_kind() {
    let mut doc = create("Table 1", 1);
    doc.add(Kind::Node, Some("gp"), &fields(json!({"label": "GP"})), 1)
        .unwrap();
    doc.add(Kind::Node, Some("ae"), &fields(json!({"label": "A&E"})), 1)
        .unwrap();
    doc.add(
        Kind::Connection,
        Some("c1"),
        &fields(json!({"from": "gp", "to": "ae", "polarity": "negative"})),
        1,
    )
    .unwrap();
    let err = doc
        .add(
            Kind::Connection,
            Some("c2"),
            &fields(json!({"from": "gp", "to": "c1"})),
            1,
        )
        .unwrap_err();
    assert!(
        matches!(err, DocumentError::Model(ModelError::BadReference { .. })),
        "{err}"
    );
    let err = doc
        .add(
            Kind::Node,
            Some("gp"),
            &fields(json!({"label": "again"})),
            1,
        )
        .unwrap_err();
    assert!(matches!(
        err,
        DocumentError::Model(ModelError::AlreadyExists(_))
    ));
    let err = doc
        .add(
            Kind::Connection,
            Some("c3"),
            &fields(json!({"from": "gp"})),
            1,
        )
        .unwrap_err();
    assert!(matches!(
        err,
        DocumentError::Model(ModelError::Required { .. })
    ));
}

#[test]
fn text_splices_are_checked() {
    let mut doc = create("Table 1", 1);
    let p = doc.add_persona(&esther(), 2_000).unwrap().id.0;
    doc.splice_text(Kind::Persona, &p, "what_matters", 0, 7, "Living")
        .unwrap();
    assert_eq!(
        doc.item(Kind::Persona, &p)
            .unwrap()
            .unwrap()
            .str("what_matters"),
        "Living in my own home"
    );
    assert!(doc
        .splice_text(Kind::Persona, &p, "what_matters", 99, 0, "x")
        .is_err());
    assert!(doc
        .splice_text(Kind::Persona, &p, "name", 0, 0, "x")
        .is_err());
    assert!(doc
        .splice_text(Kind::Persona, &p, "quote", 0, 0, &"x".repeat(300))
        .is_err());
}

#[test]
fn votes_respect_the_round() {
    let mut doc = create("Voting laptop", 1);
    doc.add(
        Kind::Participant,
        Some("p1"),
        &fields(json!({"pseudonym": "Robin"})),
        1,
    )
    .unwrap();
    doc.add(
        Kind::Theme,
        Some("t1"),
        &fields(json!({"name": "Transport"})),
        1,
    )
    .unwrap();
    doc.add(
        Kind::Theme,
        Some("t2"),
        &fields(json!({"name": "Records"})),
        1,
    )
    .unwrap();
    doc.add(
        Kind::VoteRound,
        Some("r1"),
        &fields(json!({"question": "What first?", "candidates": ["t1"], "dots_per_person": 2})),
        1,
    )
    .unwrap();
    let vote = |item: &str| fields(json!({"round": "r1", "participant": "p1", "item": item}));
    doc.add(Kind::Vote, None, &vote("t1"), 2).unwrap();
    let err = doc.add(Kind::Vote, None, &vote("t2"), 3).unwrap_err();
    assert!(matches!(
        err,
        DocumentError::Model(ModelError::NotACandidate { .. })
    ));
    doc.add(Kind::Vote, None, &vote("t1"), 3).unwrap();
    let err = doc.add(Kind::Vote, None, &vote("t1"), 4).unwrap_err();
    assert!(matches!(
        err,
        DocumentError::Model(ModelError::NoDotsLeft { .. })
    ));
    doc.set(Kind::VoteRound, "r1", &fields(json!({"status": "closed"})))
        .unwrap();
    let err = doc.add(Kind::Vote, None, &vote("t1"), 5).unwrap_err();
    assert!(matches!(
        err,
        DocumentError::Model(ModelError::RoundClosed(_))
    ));
}

#[test]
fn garbage_is_reported_not_panicked() {
    for bytes in [&b""[..], b"hello", &[0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0]] {
        assert!(WorkshopDoc::load(bytes, &actor(1)).is_err());
    }
}

#[test]
fn an_automerge_document_that_is_not_a_workshop_is_refused() {
    let mut other = AutoCommit::new();
    other.put(ROOT, "hello", "world").unwrap();
    let err = WorkshopDoc::load(&other.save(), &actor(1)).err().unwrap();
    assert!(matches!(err, DocumentError::NotAWorkshop), "{err}");
}

#[test]
fn a_newer_format_is_refused() {
    let mut doc = create("Table 1", 1);
    doc.doc
        .put(
            ROOT,
            "format_version",
            ScalarValue::Uint(FORMAT_VERSION + 1),
        )
        .unwrap();
    let err = WorkshopDoc::load(&doc.save(), &actor(1)).err().unwrap();
    assert!(matches!(err, DocumentError::TooNew(_)), "{err}");
}

#[test]
fn a_required_text_cannot_be_spliced_empty_and_texts_are_not_settled() {
    let mut doc = create("Table 1", 1);
    doc.add(Kind::Note, Some("n1"), &fields(json!({"text": "abc"})), 1)
        .unwrap();
    let err = doc
        .splice_text(Kind::Note, "n1", "text", 0, 3, "")
        .unwrap_err();
    assert!(matches!(
        err,
        DocumentError::Model(ModelError::Required { .. })
    ));
    let err = doc
        .settle(Some(Kind::Note), "n1", "text", &json!("x"))
        .unwrap_err();
    assert!(matches!(
        err,
        DocumentError::Model(ModelError::WrongType { .. })
    ));
    doc.settle(Some(Kind::Note), "n1", "deleted", &json!(true))
        .unwrap();
    assert!(doc.item(Kind::Note, "n1").unwrap().unwrap().deleted);
}

#[test]
fn every_persona_field_round_trips() {
    let mut doc = create("Table 1", 1);
    let added = doc.add_persona(&esther_in_full(), 2_000).unwrap();
    assert_eq!(added.details, esther_in_full());
    let loaded = WorkshopDoc::load(&doc.save(), &actor(2)).unwrap();
    assert_eq!(loaded.personas().unwrap()[0].details, esther_in_full());
    let mut bad = esther_in_full();
    bad.portrait = Some("selfie".into());
    let err = doc.add_persona(&bad, 3_000).unwrap_err();
    assert!(
        matches!(err, DocumentError::Model(ModelError::NotAChoice { .. })),
        "{err}"
    );
}

#[test]
fn a_cast_vote_is_not_moved_and_a_restored_one_is_checked_again() {
    let mut doc = create("Voting laptop", 1);
    for (kind, id, fields_json) in [
        (Kind::Participant, "p1", json!({"pseudonym": "Robin"})),
        (Kind::Theme, "t1", json!({"name": "Transport"})),
        (Kind::Theme, "t2", json!({"name": "Records"})),
        (
            Kind::VoteRound,
            "r1",
            json!({"question": "First?", "candidates": ["t1", "t2"], "dots_per_person": 1}),
        ),
    ] {
        doc.add(kind, Some(id), &fields(fields_json), 1).unwrap();
    }
    let vote = |item: &str| fields(json!({"round": "r1", "participant": "p1", "item": item}));
    doc.add(Kind::Vote, Some("v1"), &vote("t1"), 2).unwrap();
    let err = doc
        .set(Kind::Vote, "v1", &fields(json!({"item": "t2"})))
        .unwrap_err();
    assert!(
        matches!(err, DocumentError::Model(ModelError::WrongType { .. })),
        "{err}"
    );
    doc.delete(Kind::Vote, "v1").unwrap();
    doc.add(Kind::Vote, Some("v2"), &vote("t2"), 3).unwrap();
    let err = doc.restore(Kind::Vote, "v1").unwrap_err();
    assert!(
        matches!(err, DocumentError::Model(ModelError::NoDotsLeft { .. })),
        "{err}"
    );
}
