//! Live facilitation: the agenda and its timer, participants, notes and themes, dot-vote rounds
//! and the priorities and actions they lead to, read from the workshop document as one view.
//! Every change to them is an ordinary [`Operation`](systematic_ipc::Operation).

mod artefacts;
mod labels;
mod rounds;
mod timer;

pub use artefacts::by_age;
pub use labels::{Labels, CANDIDATE_KINDS};
pub use rounds::{close_round, results, DEFAULT_TOP};
pub use timer::{current_stage, stages_in_order, timer};

use crate::document::{DocumentError, Item, WorkshopDoc};
use crate::model::{FieldValue, Kind};
use std::collections::{BTreeMap, BTreeSet};
use systematic_ipc::{
    Action, ActionStatus, Facilitation, Note, Participant, Priority, Role, Round, Stage,
    StageStatus, Theme,
};

fn optional(item: &Item, field: &str) -> Option<String> {
    Some(item.str(field))
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn flag(item: &Item, field: &str) -> bool {
    item.get(field) == &FieldValue::Bool(true)
}

fn whole(item: &Item, field: &str) -> u32 {
    item.get(field)
        .as_i64()
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0)
}

fn stage_of(item: &Item) -> Stage {
    Stage {
        id: item.id.clone(),
        name: item.str("name").to_owned(),
        goal: item.str("goal").to_owned(),
        question: item.str("question").to_owned(),
        planned_minutes: whole(item, "planned_minutes"),
        extra_minutes: whole(item, "extra_minutes"),
        status: match item.str("status") {
            "running" => StageStatus::Running,
            "done" => StageStatus::Done,
            "skipped" => StageStatus::Skipped,
            _ => StageStatus::Planned,
        },
        spent_ms: item.get("spent_ms").as_i64().unwrap_or(0),
        running_since: item.get("started_at").as_i64(),
    }
}

fn participant_of(item: &Item) -> Participant {
    Participant {
        id: item.id.clone(),
        pseudonym: item.str("pseudonym").to_owned(),
        role: Role::from_name(item.str("role")),
        group: item.str("group").to_owned(),
        consent_to_quote: flag(item, "consent_to_quote"),
        absent: flag(item, "absent"),
    }
}

fn note_of(item: &Item) -> Note {
    Note {
        id: item.id.clone(),
        text: item.str("text").to_owned(),
        colour: optional(item, "colour").unwrap_or_else(|| "yellow".into()),
        stage: optional(item, "stage"),
        theme: optional(item, "theme"),
        laptop: item.str("laptop").to_owned(),
        participant: optional(item, "participant"),
    }
}

fn action_of(item: &Item) -> Action {
    Action {
        id: item.id.clone(),
        text: item.str("text").to_owned(),
        owner: item.str("owner").to_owned(),
        due: item.str("due").parse().ok(),
        status: ActionStatus::ALL
            .into_iter()
            .find(|s| s.name() == item.str("status"))
            .unwrap_or(ActionStatus::NotStarted),
        priority: optional(item, "priority"),
    }
}

/// The facilitation view of `doc`. `laptop` is this laptop's name; undo state is filled in
/// by the store.
pub fn view(
    doc: &WorkshopDoc,
    template_groups: &[String],
    laptop: &str,
) -> Result<Facilitation, DocumentError> {
    let stage_items = stages_in_order(doc)?;
    let current = current_stage(&stage_items).map(|s| s.id.clone());
    let participants: Vec<Participant> = by_age(doc.live_items(Kind::Participant)?)
        .iter()
        .map(participant_of)
        .collect();
    let mut working_groups: Vec<String> = template_groups.to_vec();
    for participant in &participants {
        if !participant.group.is_empty() && !working_groups.contains(&participant.group) {
            working_groups.push(participant.group.clone());
        }
    }
    let labels = Labels::read(doc)?;
    let nodes = artefacts::by_age(doc.live_items(Kind::Node)?);
    let roles: BTreeMap<String, Option<Role>> = participants
        .iter()
        .map(|p| (p.id.clone(), p.role))
        .collect();
    let present = participants.iter().filter(|p| !p.absent).count();
    let tally: BTreeMap<String, crate::votes::RoundResult> = crate::votes::tally(doc)?
        .into_iter()
        .map(|r| (r.round.clone(), r))
        .collect();
    let rounds = by_age(doc.live_items(Kind::VoteRound)?)
        .iter()
        .map(|item| {
            let result = tally.get(&item.id);
            let open = item.str("status") != "closed";
            let hidden = flag(item, "hidden_until_reveal");
            let revealed = flag(item, "revealed");
            let voted: BTreeSet<String> = result
                .map(|r| {
                    r.counted
                        .iter()
                        .filter(|v| !v.participant.is_empty())
                        .map(|v| v.participant.clone())
                        .collect()
                })
                .unwrap_or_default();
            let limits = crate::votes::RoundLimits::of(item);
            Round {
                id: item.id.clone(),
                question: item.str("question").to_owned(),
                candidates: item
                    .get("candidates")
                    .as_list()
                    .iter()
                    .map(|id| labels.candidate(id))
                    .collect(),
                dots_per_person: u32::try_from(limits.dots_per_person).unwrap_or(u32::MAX),
                max_per_item: u32::try_from(limits.max_per_item).unwrap_or(u32::MAX),
                hidden_until_reveal: hidden,
                revealed,
                open,
                voted: voted.into_iter().collect(),
                results: (revealed || !hidden || !open)
                    .then_some(result)
                    .flatten()
                    .map(|r| results(r, &roles, present, &labels)),
            }
        })
        .collect();
    let candidates = CANDIDATE_KINDS
        .iter()
        .map(|kind| doc.live_items(*kind))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flat_map(by_age)
        .map(|item| labels.candidate(&item.id))
        .collect();
    Ok(Facilitation {
        template: doc
            .workshop_fields()?
            .get("template")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned(),
        working_groups,
        stages: stage_items.iter().map(stage_of).collect(),
        current_stage: current,
        participants,
        notes: by_age(doc.live_items(Kind::Note)?)
            .iter()
            .map(note_of)
            .collect(),
        themes: by_age(doc.live_items(Kind::Theme)?)
            .iter()
            .map(|t| Theme {
                id: t.id.clone(),
                name: t.str("name").to_owned(),
            })
            .collect(),
        candidates,
        rounds,
        priorities: by_age(doc.live_items(Kind::Priority)?)
            .iter()
            .map(|p| Priority {
                id: p.id.clone(),
                text: p.str("text").to_owned(),
                vote_round: optional(p, "vote_round"),
                item: optional(p, "item"),
                dots: p.get("dots").as_i64().and_then(|d| u32::try_from(d).ok()),
            })
            .collect(),
        actions: by_age(doc.live_items(Kind::Action)?)
            .iter()
            .map(action_of)
            .collect(),
        journeys: artefacts::journeys(doc, &nodes)?,
        scenarios: artefacts::scenarios(doc, &labels)?,
        contract_statements: artefacts::contract(doc)?,
        learning_records: artefacts::learning(doc)?,
        personas: artefacts::personas(doc)?,
        nodes: artefacts::node_choices(&nodes),
        built_in_personas: crate::demo::built_in_persona_names(),
        laptop: laptop.to_owned(),
        can_undo: false,
        can_redo: false,
    })
}

/// Adds the template's stages to `doc` in order and records which template it was (not
/// committed).
pub fn add_agenda(
    doc: &mut WorkshopDoc,
    template: &systematic_ipc::Template,
    locale: &str,
    now_ms: i64,
) -> Result<(), DocumentError> {
    let mut fields = BTreeMap::new();
    fields.insert("template".to_owned(), serde_json::json!(template.id));
    fields.insert("method".to_owned(), serde_json::json!(template.name));
    fields.insert("locale".to_owned(), serde_json::json!(locale));
    doc.set_workshop_fields(&fields)?;
    for (order, stage) in template.stages.iter().enumerate() {
        let serde_json::Value::Object(stage_fields) = serde_json::json!({
            "name": stage.name,
            "goal": stage.goal,
            "question": stage.question,
            "planned_minutes": stage.planned_minutes,
            "status": "planned",
            "order": order as f64,
        }) else {
            continue;
        };
        doc.add(Kind::Stage, None, &stage_fields, now_ms)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
