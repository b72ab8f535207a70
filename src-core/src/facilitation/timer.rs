//! The agenda's stage timer. Its state is in the stage's fields (`started_at`, `spent_ms`,
//! `extra_minutes`, `status`), so it survives a crash and merges like any other edit.

use crate::document::{DocumentError, Item, WorkshopDoc};
use crate::model::{Kind, ModelError};
use serde_json::{json, Map, Value as Json};
use systematic_ipc::TimerAction;

fn fields(value: Json) -> Map<String, Json> {
    match value {
        Json::Object(map) => map,
        _ => Map::new(),
    }
}

/// The fields that stop `stage`'s timer at `now_ms`, keeping the time it ran.
fn stopped(stage: &Item, now_ms: i64) -> Map<String, Json> {
    let spent = stage.get("spent_ms").as_i64().unwrap_or(0);
    match stage.get("started_at").as_i64() {
        Some(since) => fields(json!({
            "spent_ms": spent + (now_ms - since).max(0),
            "started_at": null,
        })),
        None => Map::new(),
    }
}

/// The stages in agenda order (by `order`, then when they were added).
pub fn stages_in_order(doc: &WorkshopDoc) -> Result<Vec<Item>, DocumentError> {
    let mut stages = doc.live_items(Kind::Stage)?;
    let order = |s: &Item| match s.get("order") {
        crate::model::FieldValue::Number(n) => *n,
        crate::model::FieldValue::Int(n) => *n as f64,
        _ => f64::MAX,
    };
    stages.sort_by(|a, b| {
        order(a)
            .total_cmp(&order(b))
            .then(a.created.cmp(&b.created))
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(stages)
}

/// Starts, pauses, lengthens or finishes `stage`'s timer (not committed).
pub fn timer(
    doc: &mut WorkshopDoc,
    stage_id: &str,
    action: TimerAction,
    now_ms: i64,
) -> Result<(), DocumentError> {
    let stages = stages_in_order(doc)?;
    let Some(position) = stages.iter().position(|s| s.id == stage_id) else {
        return Err(ModelError::NotFound {
            kind: Kind::Stage.name().into(),
            id: stage_id.to_owned(),
        }
        .into());
    };
    let stage = &stages[position];
    match action {
        TimerAction::Start => {
            // One stage runs at a time: the one that was running is over.
            for other in stages.iter().filter(|s| s.id != stage_id) {
                let mut change = stopped(other, now_ms);
                if other.str("status") == "running" {
                    change.insert("status".into(), json!("done"));
                }
                if !change.is_empty() {
                    doc.set(Kind::Stage, &other.id, &change)?;
                }
            }
            if stage.get("started_at").as_i64().is_none() {
                doc.set(
                    Kind::Stage,
                    stage_id,
                    &fields(json!({"started_at": now_ms, "status": "running"})),
                )?;
            }
        }
        TimerAction::Pause => {
            let change = stopped(stage, now_ms);
            if !change.is_empty() {
                doc.set(Kind::Stage, stage_id, &change)?;
            }
        }
        TimerAction::AddMinute => {
            let extra = stage.get("extra_minutes").as_i64().unwrap_or(0);
            doc.set(
                Kind::Stage,
                stage_id,
                &fields(json!({"extra_minutes": (extra + 1).min(600)})),
            )?;
        }
        TimerAction::Finish => {
            let mut change = stopped(stage, now_ms);
            change.insert("status".into(), json!("done"));
            doc.set(Kind::Stage, stage_id, &change)?;
        }
    }
    Ok(())
}

/// The running stage (the first in the agenda if a merge left two), else the first planned
/// one; `None` when the agenda is empty or all done.
pub fn current_stage(stages: &[Item]) -> Option<&Item> {
    stages
        .iter()
        .find(|s| s.str("status") == "running")
        .or_else(|| {
            stages
                .iter()
                .find(|s| matches!(s.str("status"), "" | "planned"))
        })
}
