//! Journeys, scenarios, the patient contract and learning records, read for the facilitation
//! view.

use super::labels::Labels;
use crate::document::{DocumentError, Item, WorkshopDoc};
use crate::model::{FieldValue, Kind};
use systematic_ipc::{
    Candidate, ContractStatement, Journey, JourneyStep, LearningRecord, NodeChoice, Scenario,
};

fn number(item: &Item, field: &str) -> f64 {
    match item.get(field) {
        FieldValue::Number(n) => *n,
        FieldValue::Int(n) => *n as f64,
        _ => 0.0,
    }
}

fn score(item: &Item, field: &str) -> Option<u8> {
    item.get(field).as_i64().and_then(|n| u8::try_from(n).ok())
}

fn optional(item: &Item, field: &str) -> Option<String> {
    Some(item.str(field))
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// Items oldest first (then by id, the same on every laptop).
pub fn by_age(mut items: Vec<Item>) -> Vec<Item> {
    items.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
    items
}

/// Every live journey with its steps in order; a step lists the map nodes that link to it.
pub fn journeys(doc: &WorkshopDoc, nodes: &[Item]) -> Result<Vec<Journey>, DocumentError> {
    let steps = doc.live_items(Kind::JourneyStep)?;
    Ok(by_age(doc.live_items(Kind::Journey)?)
        .into_iter()
        .map(|journey| {
            let mut own: Vec<JourneyStep> = steps
                .iter()
                .filter(|s| s.str("journey") == journey.id)
                .map(|s| JourneyStep {
                    id: s.id.clone(),
                    order: number(s, "order"),
                    touchpoint: s.str("touchpoint").to_owned(),
                    service: s.str("service").to_owned(),
                    what_happened: s.str("what_happened").to_owned(),
                    emotion: s
                        .get("emotion")
                        .as_i64()
                        .map_or(0, |e| e.clamp(-2, 2) as i8),
                    failure: s.get("failure") == &FieldValue::Bool(true),
                    notes: s.str("notes").to_owned(),
                    nodes: nodes
                        .iter()
                        .filter(|n| n.get("links").as_list().contains(&s.id))
                        .map(|n| n.id.clone())
                        .collect(),
                })
                .collect();
            own.sort_by(|a, b| a.order.total_cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
            Journey {
                id: journey.id.clone(),
                title: journey.str("title").to_owned(),
                persona: optional(&journey, "persona"),
                steps: own,
            }
        })
        .collect())
}

pub fn scenarios(doc: &WorkshopDoc, labels: &Labels) -> Result<Vec<Scenario>, DocumentError> {
    Ok(by_age(doc.live_items(Kind::Scenario)?)
        .iter()
        .map(|s| Scenario {
            id: s.id.clone(),
            title: s.str("title").to_owned(),
            narrative: s.str("narrative").to_owned(),
            persona: optional(s, "persona"),
            links: s
                .get("links")
                .as_list()
                .iter()
                .map(|id| labels.candidate(id))
                .collect(),
            impact: score(s, "impact"),
            likelihood: score(s, "likelihood"),
        })
        .collect())
}

pub fn contract(doc: &WorkshopDoc) -> Result<Vec<ContractStatement>, DocumentError> {
    let mut answers = doc.live_items(Kind::Priority)?;
    answers.extend(doc.live_items(Kind::Action)?);
    Ok(by_age(doc.live_items(Kind::ContractStatement)?)
        .iter()
        .map(|s| ContractStatement {
            id: s.id.clone(),
            text: s.str("text").to_owned(),
            persona: optional(s, "persona"),
            answered_by: answers
                .iter()
                .filter(|a| a.str("answers") == s.id)
                .map(|a| a.id.clone())
                .collect(),
        })
        .collect())
}

pub fn learning(doc: &WorkshopDoc) -> Result<Vec<LearningRecord>, DocumentError> {
    Ok(by_age(doc.live_items(Kind::LearningRecord)?)
        .iter()
        .map(|r| LearningRecord {
            id: r.id.clone(),
            title: r.str("title").to_owned(),
            evidence_of_success: r.str("evidence_of_success").to_owned(),
            difficulties: r.str("difficulties").to_owned(),
            potential_for_transfer: r.str("potential_for_transfer").to_owned(),
        })
        .collect())
}

pub fn node_choices(nodes: &[Item]) -> Vec<NodeChoice> {
    nodes
        .iter()
        .map(|n| NodeChoice {
            id: n.id.clone(),
            label: n.str("label").to_owned(),
            links: n.get("links").as_list().to_vec(),
        })
        .collect()
}

pub fn personas(doc: &WorkshopDoc) -> Result<Vec<Candidate>, DocumentError> {
    Ok(by_age(doc.live_items(Kind::Persona)?)
        .iter()
        .map(|p| Candidate {
            id: p.id.clone(),
            kind: Kind::Persona.name().to_owned(),
            label: p.str("name").to_owned(),
        })
        .collect())
}
