//! Synthetic workshops of a given size, for benchmarks and size checks: what a busy laptop does
//! in a day (notes typed in, persona texts written, map nodes moved, dots cast), as real changes.

use crate::document::WorkshopDoc;
use crate::ops::{Apply, Operation};
use automerge::{ActorId, ReadDoc};
use serde_json::json;

fn apply(doc: &mut WorkshopDoc, op: serde_json::Value, now: i64) {
    if let Ok(operation) = serde_json::from_value::<Operation>(op) {
        // Generated operations are valid by construction; a refused one is simply skipped.
        let _ = operation.apply(doc, now);
    }
}

/// A shared starting file: a persona, a few participants and map nodes, and an open vote round.
pub fn base() -> WorkshopDoc {
    let facts = [("title".to_owned(), json!("What matters for Esther?"))]
        .into_iter()
        .collect();
    let mut doc = WorkshopDoc::create("bench-workshop", &facts, "Base", &ActorId::random(), 0)
        .expect("a new workshop");
    apply(
        &mut doc,
        json!({"op":"add","kind":"persona","id":"esther","fields":{"name":"Esther"}}),
        1,
    );
    for n in 0..12 {
        apply(
            &mut doc,
            json!({"op":"add","kind":"participant","id":format!("p{n}"),"fields":{"pseudonym":format!("Person {n}")}}),
            1,
        );
        apply(
            &mut doc,
            json!({"op":"add","kind":"node","id":format!("node{n}"),"fields":{"label":format!("Service {n}")}}),
            1,
        );
    }
    let candidates: Vec<String> = (0..12).map(|n| format!("node{n}")).collect();
    apply(
        &mut doc,
        json!({"op":"add","kind":"vote_round","id":"r1","fields":{"question":"What first?","candidates":candidates,"dots_per_person":5}}),
        1,
    );
    doc
}

/// Operations in the document.
pub fn op_count(doc: &WorkshopDoc) -> u64 {
    doc.automerge_ref().stats().num_ops
}

/// Makes `laptop`'s edits on `doc` until it holds at least `target_ops` operations.
pub fn grow(doc: &mut WorkshopDoc, laptop: usize, target_ops: u64) {
    doc.set_laptop(&format!("Laptop {laptop}"));
    let mut step = 0usize;
    while op_count(doc) < target_ops {
        let now = 1_000 + step as i64;
        let note = format!("l{laptop}n{step}");
        apply(
            doc,
            json!({"op":"add","kind":"note","id":note,"fields":{"text":"People do not know who to call after discharge"}}),
            now,
        );
        let length = doc
            .item(crate::model::Kind::Persona, "esther")
            .ok()
            .flatten()
            .map_or(0, |p| p.str("what_matters").chars().count());
        if length < 4_000 {
            for part in [
                "Being at home ",
                "with my cat, ",
                "and knowing who to call. ",
            ] {
                let position = length.min(step % (length + 1));
                apply(
                    doc,
                    json!({"op":"splice","kind":"persona","id":"esther","field":"what_matters","position":position,"insert":part}),
                    now,
                );
            }
        }
        let node = format!("node{}", step % 12);
        apply(
            doc,
            json!({"op":"set","kind":"node","id":node,"fields":{"x":step as f64,"y":laptop as f64}}),
            now,
        );
        if step.is_multiple_of(5) {
            let participant = format!("p{}", (laptop + step) % 12);
            let item = format!("node{}", step % 12);
            apply(
                doc,
                json!({"op":"vote","round":"r1","participant":participant,"item":item,"id":format!("l{laptop}v{step}")}),
                now,
            );
        }
        step += 1;
    }
}
