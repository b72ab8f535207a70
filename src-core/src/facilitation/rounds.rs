//! Vote rounds: results by role, ties and turnout, and closing a round into priorities.

use super::labels::Labels;
use crate::document::{DocumentError, Item, WorkshopDoc};
use crate::model::{FieldValue, Kind, ModelError};
use crate::votes::RoundResult;
use serde_json::{json, Map, Value as Json};
use std::collections::BTreeMap;
use systematic_ipc::{ItemResult, Role, RoleGroup, RoundResults};

/// Priorities a closed round makes when the facilitator does not say.
pub const DEFAULT_TOP: usize = 3;

/// `result` as the results screen shows it: best first, with ranks, ties, dots per role group,
/// paper dots and turnout. `roles` maps participant ids to their role; `present` counts
/// participants not marked absent.
pub fn results(
    result: &RoundResult,
    roles: &BTreeMap<String, Option<Role>>,
    present: usize,
    labels: &Labels,
) -> RoundResults {
    let mut items: Vec<ItemResult> = result
        .dots
        .iter()
        .map(|(item, dots)| ItemResult {
            item: item.clone(),
            label: labels.label(item),
            dots: count(*dots),
            people_dots: 0,
            professional_dots: 0,
            other_dots: 0,
            paper_dots: 0,
            rank: 0,
            tied: false,
        })
        .collect();
    let mut paper_dots = 0;
    for vote in &result.counted {
        let Some(item) = items.iter_mut().find(|i| i.item == vote.item) else {
            continue;
        };
        let group = roles
            .get(&vote.participant)
            .copied()
            .flatten()
            .map(Role::group);
        match group {
            Some(RoleGroup::People) => item.people_dots += 1,
            Some(RoleGroup::Professionals) => item.professional_dots += 1,
            _ => item.other_dots += 1,
        }
        if vote.paper {
            item.paper_dots += 1;
            paper_dots += 1;
        }
    }
    // Best first; equal dots keep the order the candidates were listed in.
    let order: BTreeMap<&str, usize> = labels
        .candidate_order(&result.round)
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), i))
        .collect();
    items.sort_by(|a, b| {
        b.dots.cmp(&a.dots).then_with(|| {
            let position = |id: &str| order.get(id).copied().unwrap_or(usize::MAX);
            position(&a.item).cmp(&position(&b.item))
        })
    });
    let all: Vec<u32> = items.iter().map(|i| i.dots).collect();
    for item in &mut items {
        item.rank = 1 + count(all.iter().filter(|d| **d > item.dots).count());
        item.tied = item.dots > 0 && all.iter().filter(|d| **d == item.dots).count() > 1;
    }
    RoundResults {
        items,
        voters: count(result.voters),
        present: count(present),
        paper_dots,
        excess_dots: count(result.excess.len()),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Closes `round` (results shown) and adds a priority for each of its `top` best-voted items;
/// items tied with the last of them come too, items without dots never. An item that already
/// has a priority from this round gets no second one. Answers the new priorities' ids.
pub fn close_round(
    doc: &mut WorkshopDoc,
    round_id: &str,
    top: Option<usize>,
    now_ms: i64,
) -> Result<Vec<String>, DocumentError> {
    let round = doc
        .item(Kind::VoteRound, round_id)?
        .filter(|r| !r.deleted)
        .ok_or_else(|| ModelError::NotFound {
            kind: Kind::VoteRound.name().into(),
            id: round_id.to_owned(),
        })?;
    let tally = crate::votes::tally(doc)?;
    let Some(result) = tally.into_iter().find(|r| r.round == round_id) else {
        return Ok(Vec::new());
    };
    let labels = Labels::read(doc)?;
    let ranked = results(&result, &BTreeMap::new(), 0, &labels);
    let top = top.unwrap_or(DEFAULT_TOP);
    let cut = ranked
        .items
        .get(top.saturating_sub(1))
        .map_or(0, |last| last.dots)
        .max(1);
    let existing: Vec<Item> = doc
        .live_items(Kind::Priority)?
        .into_iter()
        .filter(|p| p.str("vote_round") == round_id)
        .collect();
    let mut made = Vec::new();
    for item in ranked.items.iter().filter(|i| i.dots >= cut) {
        if existing.iter().any(|p| p.str("item") == item.item) {
            continue;
        }
        let mut fields = Map::new();
        fields.insert("text".into(), Json::from(item.label.clone()));
        fields.insert("vote_round".into(), Json::from(round_id));
        fields.insert("item".into(), Json::from(item.item.clone()));
        fields.insert("dots".into(), Json::from(item.dots));
        // One millisecond apart, so priorities list in rank order.
        let at = now_ms + i64::try_from(made.len()).unwrap_or(0);
        made.push(doc.add(Kind::Priority, None, &fields, at)?);
    }
    let closing = json!({"status": "closed", "revealed": true});
    if let Json::Object(closing) = closing {
        if round.get("status") != &FieldValue::Str("closed".into())
            || round.get("revealed") != &FieldValue::Bool(true)
        {
            doc.set(Kind::VoteRound, round_id, &closing)?;
        }
    }
    Ok(made)
}
