//! Merging is right whatever the laptops did and however their files are brought together.
//!
//! 2–6 laptops start from one shared file or from their own new workshops, apply random
//! operations (adds, field edits, text splices, deletes, votes that can exceed a round's limits
//! once merged), and their files are merged in random orders and groupings, with files repeated.

use automerge::ActorId;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;
use systematic_core::document::WorkshopDoc;
use systematic_core::inspect::model_json;
use systematic_core::merge::{merge, MergeOptions, MergeSource};
use systematic_core::model::Kind;
use systematic_core::ops::{Apply, Operation};

/// One random step on one laptop; targets are picked among the items that laptop can see.
#[derive(Debug, Clone)]
enum Step {
    AddPersona(String),
    AddNote(String),
    SetAge(usize, u8),
    Splice(usize, usize, usize, String),
    Delete(usize),
    Vote(usize, usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => "[A-Z][a-z]{0,6}".prop_map(Step::AddPersona),
        1 => "[a-z ]{1,12}".prop_map(Step::AddNote),
        1 => (any::<usize>(), 0u8..=120).prop_map(|(t, a)| Step::SetAge(t, a)),
        1 => (any::<usize>(), any::<usize>(), 0usize..4, "[a-zé ]{0,6}")
            .prop_map(|(t, p, d, s)| Step::Splice(t, p, d, s)),
        1 => any::<usize>().prop_map(Step::Delete),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(p, i)| Step::Vote(p, i)),
    ]
}

#[derive(Debug, Clone)]
struct Case {
    shared: bool,
    scripts: Vec<Vec<Step>>,
    /// A permutation and split point for the second merge, plus a file merged twice.
    order: Vec<usize>,
    split: usize,
    repeated: usize,
}

fn case() -> impl Strategy<Value = Case> {
    (any::<bool>(), 2usize..=6)
        .prop_flat_map(|(shared, laptops)| {
            let order = Just((0..laptops).collect::<Vec<_>>()).prop_shuffle();
            (
                Just(shared),
                prop::collection::vec(prop::collection::vec(step(), 0..10), laptops),
                order,
                1..laptops,
                0..laptops,
            )
        })
        .prop_map(|(shared, scripts, order, split, repeated)| Case {
            shared,
            scripts,
            order,
            split,
            repeated,
        })
}

fn op(value: serde_json::Value) -> Operation {
    serde_json::from_value(value).unwrap()
}

/// The items every workshop starts with (ids prefixed so independent workshops never share one).
fn seed(doc: &mut WorkshopDoc, prefix: &str) {
    let ops = [
        json!({"op":"add","kind":"participant","id":format!("{prefix}p0"),"fields":{"pseudonym":"Robin"}}),
        json!({"op":"add","kind":"participant","id":format!("{prefix}p1"),"fields":{"pseudonym":"Sam"}}),
        json!({"op":"add","kind":"theme","id":format!("{prefix}t0"),"fields":{"name":"Transport"}}),
        json!({"op":"add","kind":"theme","id":format!("{prefix}t1"),"fields":{"name":"Records"}}),
        json!({"op":"add","kind":"vote_round","id":format!("{prefix}r"),"fields":{
            "question":"What first?","candidates":[format!("{prefix}t0"), format!("{prefix}t1")],
            "dots_per_person":2,"max_per_item":2}}),
        json!({"op":"add","kind":"persona","id":format!("{prefix}e"),"fields":{"name":"Esther","what_matters":"Home"}}),
    ];
    for value in ops {
        op(value).apply(doc, 1).unwrap();
    }
}

/// What one laptop did, as far as the checks need to know.
#[derive(Default)]
struct Log {
    created: BTreeSet<String>,
    deleted: BTreeSet<String>,
    votes: BTreeSet<String>,
}

fn live_ids(doc: &WorkshopDoc, kind: Kind) -> Vec<String> {
    doc.live_items(kind)
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect()
}

fn run_laptop(doc: &mut WorkshopDoc, laptop: usize, steps: &[Step], log: &mut Log) {
    for (n, step) in steps.iter().enumerate() {
        let now = 1_000 + (laptop * 100 + n) as i64;
        let personas = live_ids(doc, Kind::Persona);
        let pick = |list: &[String], i: usize| list.get(i % list.len().max(1)).cloned();
        let (mut created, mut deleted) = (None, None);
        let operation = match step {
            Step::AddPersona(name) => {
                let id = format!("l{laptop}-p{n}");
                created = Some(id.clone());
                op(
                    json!({"op":"add","kind":"persona","id":id,"fields":{"name":name,"what_matters":"x"}}),
                )
            }
            Step::AddNote(text) => {
                let id = format!("l{laptop}-n{n}");
                created = Some(id.clone());
                op(json!({"op":"add","kind":"note","id":id,"fields":{"text":text}}))
            }
            Step::SetAge(target, age) => match pick(&personas, *target) {
                Some(id) => op(json!({"op":"set","kind":"persona","id":id,"fields":{"age":age}})),
                None => continue,
            },
            Step::Splice(target, position, delete, insert) => match pick(&personas, *target) {
                Some(id) => {
                    let item = doc.item(Kind::Persona, &id).unwrap().unwrap();
                    let length = item.str("what_matters").chars().count();
                    let position = position % (length + 1);
                    let delete = (*delete).min(length - position);
                    op(
                        json!({"op":"splice","kind":"persona","id":id,"field":"what_matters",
                        "position":position,"delete":delete,"insert":insert}),
                    )
                }
                None => continue,
            },
            Step::Delete(target) => match pick(&personas, *target) {
                Some(id) => {
                    deleted = Some(id.clone());
                    op(json!({"op":"delete","kind":"persona","id":id}))
                }
                None => continue,
            },
            Step::Vote(participant, item) => {
                let rounds = live_ids(doc, Kind::VoteRound);
                let round = doc.item(Kind::VoteRound, &rounds[0]).unwrap().unwrap();
                let candidates = round.get("candidates").as_list().to_vec();
                let participants = live_ids(doc, Kind::Participant);
                let id = format!("l{laptop}-v{n}");
                let vote = op(json!({"op":"vote","round":round.id,"id":id,
                    "participant":pick(&participants, *participant),
                    "item":pick(&candidates, *item)}));
                if vote.apply(doc, now).is_ok() {
                    log.votes.insert(id.clone());
                    log.created.insert(id);
                }
                continue;
            }
        };
        // A refused operation (an empty note, say) leaves nothing behind; the log only counts
        // what was applied.
        if operation.apply(doc, now).is_ok() {
            log.created.extend(created);
            log.deleted.extend(deleted);
        }
    }
}

fn merged(files: &[Vec<u8>], force: bool) -> WorkshopDoc {
    let sources = files
        .iter()
        .enumerate()
        .map(|(n, bytes)| MergeSource {
            name: format!("file-{n}"),
            doc: WorkshopDoc::load(bytes, &ActorId::random()).unwrap(),
        })
        .collect();
    merge(sources, &MergeOptions { force }, &mut |_, _| {})
        .unwrap()
        .0
}

fn sorted_heads(doc: &mut WorkshopDoc) -> Vec<String> {
    let mut heads: Vec<String> = doc.heads().iter().map(|h| h.to_string()).collect();
    heads.sort();
    heads
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn merges_agree_in_any_order_and_lose_or_double_nothing(case in case()) {
        let facts = [("title".to_owned(), json!("What matters for Esther?"))].into_iter().collect();
        let mut base = WorkshopDoc::create("w", &facts, "Base", &ActorId::random(), 0).unwrap();
        if case.shared {
            seed(&mut base, "");
        }
        let base_bytes = base.save();
        let mut files = Vec::new();
        let mut logs = Vec::new();
        for (laptop, steps) in case.scripts.iter().enumerate() {
            let mut doc = if case.shared {
                WorkshopDoc::load(&base_bytes, &ActorId::random()).unwrap()
            } else {
                let id = format!("w{laptop}");
                let mut doc = WorkshopDoc::create(&id, &facts, "x", &ActorId::random(), 0).unwrap();
                seed(&mut doc, &format!("l{laptop}-"));
                doc
            };
            doc.set_laptop(&format!("Laptop {laptop}"));
            let mut log = Log::default();
            run_laptop(&mut doc, laptop, steps, &mut log);
            files.push(doc.save());
            logs.push(log);
        }
        let force = !case.shared;

        let mut in_order = merged(&files, force);
        let shuffled: Vec<Vec<u8>> = case.order.iter().map(|&i| files[i].clone()).collect();
        let mut left = merged(&shuffled[..case.split], force);
        let mut right_files = shuffled[case.split..].to_vec();
        right_files.push(files[case.repeated].clone());
        let mut right = merged(&right_files, force);
        let grouped_files = vec![left.save(), right.save()];
        let mut grouped = merged(&grouped_files, force);

        prop_assert_eq!(sorted_heads(&mut in_order), sorted_heads(&mut grouped));
        let json_a = model_json(&mut in_order).unwrap();
        let json_b = model_json(&mut grouped).unwrap();
        prop_assert_eq!(
            serde_json::to_string(&json_a).unwrap(),
            serde_json::to_string(&json_b).unwrap()
        );

        let deleted: BTreeSet<&String> = logs.iter().flat_map(|l| &l.deleted).collect();
        for id in logs.iter().flat_map(|l| &l.created) {
            let kind = in_order.kind_of(id).unwrap();
            prop_assert!(kind.is_some(), "{} was created and is missing", id);
            let item = in_order.item(kind.unwrap(), id).unwrap().unwrap();
            prop_assert_eq!(item.deleted, deleted.contains(id), "{}", id);
        }

        let cast: usize = logs.iter().map(|l| l.votes.len()).sum();
        prop_assert_eq!(in_order.live_count(Kind::Vote), cast, "each vote is stored once");
        let tally = systematic_core::votes::tally(&in_order).unwrap();
        let counted: usize = tally.iter().map(|r| r.dots.values().sum::<usize>()).sum();
        let excess: usize = tally.iter().map(|r| r.excess.len()).sum();
        prop_assert_eq!(counted + excess, cast, "every vote is counted or set aside, once");
        for round in &tally {
            // Two participants per round, two dots each: never more, however many laptops
            // let them vote.
            prop_assert!(round.dots.values().sum::<usize>() <= 4, "{:?}", round);
        }
    }
}
