use super::*;
use crate::document::WorkshopDoc;
use crate::ops::apply_all;
use serde_json::{json, Value as Json};
use systematic_ipc::{Operation, RoundResults, TimerAction};

const MINUTE: i64 = 60_000;

fn new_doc() -> WorkshopDoc {
    let facts = [("title".to_owned(), json!("Esther"))]
        .into_iter()
        .collect();
    WorkshopDoc::create("w", &facts, "Table 1", &automerge::ActorId::random(), 0).unwrap()
}

fn op(value: Json) -> Operation {
    serde_json::from_value(value).unwrap()
}

fn run(doc: &mut WorkshopDoc, ops: Vec<Json>, now: i64) {
    let ops: Vec<Operation> = ops.into_iter().map(op).collect();
    apply_all(doc, &ops, now).unwrap();
}

fn see(doc: &WorkshopDoc) -> Facilitation {
    view(doc, &[], "Table 1").unwrap()
}

fn agenda(doc: &mut WorkshopDoc) {
    run(
        doc,
        vec![
            json!({"op":"add","kind":"stage","id":"s1","fields":{"name":"Stories","planned_minutes":10,"order":0.0}}),
            json!({"op":"add","kind":"stage","id":"s2","fields":{"name":"Map","planned_minutes":20,"order":1.0}}),
        ],
        0,
    );
}

fn timer_op(stage: &str, action: TimerAction) -> Json {
    serde_json::to_value(Operation::Timer {
        stage: stage.into(),
        action,
    })
    .unwrap()
}

#[test]
fn the_timer_counts_only_the_time_it_ran_and_one_stage_runs_at_a_time() {
    let mut doc = new_doc();
    agenda(&mut doc);
    assert_eq!(see(&doc).current_stage.as_deref(), Some("s1"));
    run(&mut doc, vec![timer_op("s1", TimerAction::Start)], 0);
    run(
        &mut doc,
        vec![timer_op("s1", TimerAction::Pause)],
        3 * MINUTE,
    );
    run(
        &mut doc,
        vec![timer_op("s1", TimerAction::AddMinute)],
        4 * MINUTE,
    );
    run(
        &mut doc,
        vec![timer_op("s1", TimerAction::Start)],
        10 * MINUTE,
    );
    let stage = &see(&doc).stages[0];
    assert_eq!(stage.status, StageStatus::Running);
    assert_eq!(stage.extra_minutes, 1);
    assert_eq!(
        stage.spent_at(12 * MINUTE),
        5 * MINUTE,
        "3 before the pause, 2 since"
    );
    assert_eq!(stage.remaining_at(12 * MINUTE), 6 * MINUTE);

    // Starting the next stage finishes this one, with its time kept.
    run(
        &mut doc,
        vec![timer_op("s2", TimerAction::Start)],
        12 * MINUTE,
    );
    let seen = see(&doc);
    assert_eq!(seen.current_stage.as_deref(), Some("s2"));
    assert_eq!(seen.stages[0].status, StageStatus::Done);
    assert_eq!(seen.stages[0].spent_ms, 5 * MINUTE);
    assert_eq!(seen.stages[0].running_since, None);
    assert_eq!(seen.stages[1].running_since, Some(12 * MINUTE));

    run(
        &mut doc,
        vec![timer_op("s2", TimerAction::Finish)],
        30 * MINUTE,
    );
    let seen = see(&doc);
    assert_eq!(seen.stages[1].spent_ms, 18 * MINUTE);
    assert_eq!(seen.current_stage, None, "every stage is done");
}

#[test]
fn a_timer_for_a_stage_that_is_not_there_is_refused() {
    let mut doc = new_doc();
    let ops = vec![op(timer_op("nope", TimerAction::Start))];
    assert!(apply_all(&mut doc, &ops, 0).is_err());
}

/// Three participants (lived experience, carer, clinician), one absent GP, three notes as
/// candidates.
fn voting_room(doc: &mut WorkshopDoc, hidden: bool) {
    run(
        doc,
        vec![
            json!({"op":"add","kind":"participant","id":"ann","fields":{"pseudonym":"Ann","role":"lived_experience"}}),
            json!({"op":"add","kind":"participant","id":"bo","fields":{"pseudonym":"Bo","role":"carer"}}),
            json!({"op":"add","kind":"participant","id":"cy","fields":{"pseudonym":"Cy","role":"clinician"}}),
            json!({"op":"add","kind":"participant","id":"gp","fields":{"pseudonym":"GP","role":"clinician","absent":true}}),
            json!({"op":"add","kind":"note","id":"n1","fields":{"text":"Nobody calls back"}}),
            json!({"op":"add","kind":"note","id":"n2","fields":{"text":"Discharge letters late"}}),
            json!({"op":"add","kind":"note","id":"n3","fields":{"text":"No overview"}}),
            json!({"op":"add","kind":"vote_round","id":"r","fields":{
                "question":"What first?","candidates":["n1","n2","n3"],
                "dots_per_person":2,"max_per_item":2,"hidden_until_reveal":hidden}}),
        ],
        0,
    );
}

fn vote(participant: Option<&str>, item: &str, paper: bool) -> Json {
    serde_json::to_value(Operation::Vote {
        round: "r".into(),
        participant: participant.map(str::to_owned),
        item: item.into(),
        id: None,
        paper,
    })
    .unwrap()
}

fn results_of(doc: &WorkshopDoc) -> Option<RoundResults> {
    see(doc).rounds[0].results.clone()
}

#[test]
fn results_stay_hidden_until_the_reveal_and_then_show_by_role_with_ties_and_turnout() {
    let mut doc = new_doc();
    voting_room(&mut doc, true);
    run(
        &mut doc,
        vec![
            vote(Some("ann"), "n1", false),
            vote(Some("ann"), "n2", false),
            vote(Some("bo"), "n1", false),
            vote(Some("cy"), "n2", false),
        ],
        1,
    );
    let round = &see(&doc).rounds[0];
    assert_eq!(round.results, None, "hidden until reveal");
    assert_eq!(round.voted, ["ann", "bo", "cy"]);

    run(
        &mut doc,
        vec![json!({"op":"set","kind":"vote_round","id":"r","fields":{"revealed":true}})],
        2,
    );
    let results = results_of(&doc).unwrap();
    assert_eq!(
        (results.voters, results.present),
        (3, 3),
        "the absent GP is not expected"
    );
    let [first, second, third] = &results.items[..] else {
        panic!("three candidates: {results:?}");
    };
    assert_eq!((first.item.as_str(), first.dots, first.rank), ("n1", 2, 1));
    assert_eq!(
        (second.item.as_str(), second.dots, second.rank),
        ("n2", 2, 1)
    );
    assert!(first.tied && second.tied);
    assert_eq!((third.dots, third.rank, third.tied), (0, 3, false));
    assert_eq!((first.people_dots, first.professional_dots), (2, 0));
    assert_eq!((second.people_dots, second.professional_dots), (1, 1));
    assert_eq!(first.label, "Nobody calls back");
}

#[test]
fn paper_dots_count_and_are_marked_and_a_tally_needs_nobody_named() {
    let mut doc = new_doc();
    voting_room(&mut doc, false);
    run(
        &mut doc,
        vec![
            vote(Some("cy"), "n3", true),
            vote(None, "n3", true),
            vote(None, "n3", true),
        ],
        1,
    );
    let results = results_of(&doc).expect("a live round shows its results");
    assert_eq!(results.items[0].item, "n3");
    assert_eq!(results.items[0].dots, 3);
    assert_eq!(results.items[0].paper_dots, 3);
    assert_eq!(results.paper_dots, 3);
    assert_eq!(results.items[0].professional_dots, 1);
    assert_eq!(
        results.items[0].other_dots, 2,
        "a tally's dots have no role"
    );
    assert_eq!(results.voters, 1);

    let nobody_on_screen = vec![op(vote(None, "n1", false))];
    assert!(
        apply_all(&mut doc, &nobody_on_screen, 2).is_err(),
        "only paper may leave the participant out"
    );
}

#[test]
fn closing_a_round_makes_priorities_of_the_best_items_ties_included() {
    let mut doc = new_doc();
    voting_room(&mut doc, true);
    run(
        &mut doc,
        vec![
            vote(Some("ann"), "n1", false),
            vote(Some("bo"), "n2", false),
            vote(Some("cy"), "n1", false),
        ],
        1,
    );
    let close = json!({"op":"close_round","round":"r","top":1});
    run(&mut doc, vec![close.clone()], 2);
    let seen = see(&doc);
    assert!(!seen.rounds[0].open);
    assert!(
        seen.rounds[0].results.is_some(),
        "a closed round shows its results"
    );
    let made: Vec<_> = seen
        .priorities
        .iter()
        .map(|p| (p.text.as_str(), p.dots))
        .collect();
    assert_eq!(made, [("Nobody calls back", Some(2))]);
    assert!(
        apply_all(&mut doc, &[op(vote(Some("ann"), "n3", false))], 3).is_err(),
        "a closed round takes no more dots"
    );

    // Closing again (after reopening) adds no second priority for the same item.
    run(
        &mut doc,
        vec![
            json!({"op":"set","kind":"vote_round","id":"r","fields":{"status":"open"}}),
            vote(Some("ann"), "n2", false),
            json!({"op":"close_round","round":"r","top":1}),
        ],
        4,
    );
    let texts: Vec<_> = see(&doc).priorities.into_iter().map(|p| p.text).collect();
    assert_eq!(
        texts,
        ["Nobody calls back", "Discharge letters late"],
        "n2 is now tied with n1 at 2 dots, so it comes too; n1 is not repeated"
    );
}

#[test]
fn a_list_names_its_own_additions_and_is_all_or_nothing() {
    let mut doc = new_doc();
    run(
        &mut doc,
        vec![
            json!({"op":"add","kind":"note","fields":{"text":"@0 stays words"}}),
            json!({"op":"add","kind":"theme","fields":{"name":"Getting in touch"}}),
            json!({"op":"set","kind":"note","id":"@0","fields":{"theme":"@1"}}),
        ],
        0,
    );
    let seen = see(&doc);
    assert_eq!(seen.notes[0].text, "@0 stays words");
    assert_eq!(seen.notes[0].theme.as_ref(), Some(&seen.themes[0].id));

    let heads = doc.heads();
    let refused = vec![
        op(json!({"op":"add","kind":"theme","fields":{"name":"Safety"}})),
        op(json!({"op":"set","kind":"note","id":"@5","fields":{"theme":"@0"}})),
    ];
    assert!(apply_all(&mut doc, &refused, 1).is_err());
    assert_eq!(doc.heads(), heads, "nothing of a refused list is kept");
    assert_eq!(see(&doc).themes.len(), 1);
}

#[test]
fn built_in_personas_can_be_copied_into_any_workshop() {
    let mut doc = new_doc();
    let names = see(&doc).built_in_personas;
    assert!(names.iter().any(|n| n == "Esther"), "{names:?}");
    let britt_marie = names.iter().find(|n| n.starts_with("Britt-Marie")).unwrap();
    run(
        &mut doc,
        vec![
            json!({"op":"copy_persona","name":"Esther"}),
            json!({"op":"copy_persona","name":britt_marie}),
        ],
        0,
    );
    let personas = doc.personas().unwrap();
    assert_eq!(personas.len(), 2);
    let esther = personas
        .iter()
        .find(|p| p.details.name == "Esther")
        .unwrap();
    assert!(esther.details.what_matters.contains("next step"));
    let unknown = vec![op(json!({"op":"copy_persona","name":"Nobody"}))];
    assert!(apply_all(&mut doc, &unknown, 1).is_err());
}

#[test]
fn a_template_gives_the_agenda_in_order_with_its_questions() {
    let mut doc = new_doc();
    let template = crate::templates::template("systematic", "en-GB").unwrap();
    add_agenda(&mut doc, &template, "en-GB", 0).unwrap();
    doc.commit("agenda", 0);
    let seen = view(&doc, &template.working_groups, "Table 1").unwrap();
    let names: Vec<_> = seen.stages.iter().map(|s| s.name.clone()).collect();
    let wanted: Vec<_> = template.stages.iter().map(|s| s.name.clone()).collect();
    assert_eq!(names, wanted);
    assert!(seen.stages.iter().all(|s| s.question.ends_with('?')));
    assert_eq!(seen.template, "systematic");
    assert_eq!(seen.current_stage.as_ref(), Some(&seen.stages[0].id));
    assert_eq!(seen.working_groups.len(), 3);
}

#[test]
fn journeys_scenarios_and_the_contract_read_with_their_links() {
    let mut doc = new_doc();
    run(
        &mut doc,
        vec![
            json!({"op":"add","kind":"journey","id":"j","fields":{"title":"Leaving hospital"}}),
            json!({"op":"add","kind":"journey_step","id":"late","fields":{"journey":"j","order":2.0,"touchpoint":"Home alone","emotion":-2,"failure":true}}),
            json!({"op":"add","kind":"journey_step","id":"ward","fields":{"journey":"j","order":1.0,"touchpoint":"Ward","emotion":1}}),
            json!({"op":"add","kind":"node","id":"gp","fields":{"label":"GP practice","links":["late"]}}),
            json!({"op":"add","kind":"scenario","id":"s","fields":{"title":"Nobody knows she is home","impact":5,"likelihood":4,"links":["gp","late"]}}),
            json!({"op":"add","kind":"contract_statement","id":"next","fields":{"text":"I know my next step."}}),
            json!({"op":"add","kind":"priority","id":"p","fields":{"text":"Call the day after","answers":"next"}}),
        ],
        0,
    );
    let seen = see(&doc);
    let steps: Vec<_> = seen.journeys[0]
        .steps
        .iter()
        .map(|s| (s.touchpoint.as_str(), s.emotion, s.failure, s.nodes.clone()))
        .collect();
    assert_eq!(
        steps,
        [
            ("Ward", 1, false, vec![]),
            ("Home alone", -2, true, vec!["gp".to_owned()])
        ],
        "in order along the line, with the map node that links to the step"
    );
    let scenario = &seen.scenarios[0];
    assert_eq!((scenario.impact, scenario.likelihood), (Some(5), Some(4)));
    let links: Vec<_> = scenario.links.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(links, ["GP practice", "Home alone"]);
    assert_eq!(seen.contract_statements[0].answered_by, ["p"]);
    assert_eq!(seen.nodes[0].links, ["late"]);
    assert!(
        seen.candidates.iter().any(|c| c.id == "s"),
        "scenarios can be voted on"
    );
}
