//! Counting dot votes.
//!
//! Votes are items with their own ids, so a vote merged in twice (or in any order) is still one
//! vote. When two laptops each let the same participant vote, the merged votes can exceed the
//! round's limits; then the earliest votes (by the time they were cast, then by id) count and
//! the rest are set aside as excess — the same answer on every laptop, shown in the merge report.

use crate::document::{DocumentError, Item, WorkshopDoc};
use crate::model::Kind;
use serde::Serialize;
use std::collections::BTreeMap;

/// Dots each participant may place when a round does not say.
pub const DEFAULT_DOTS_PER_PERSON: usize = 3;

/// A round's limits, with the defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundLimits {
    pub dots_per_person: usize,
    pub max_per_item: usize,
}

impl RoundLimits {
    pub fn of(round: &Item) -> Self {
        let read = |field| {
            round
                .get(field)
                .as_i64()
                .and_then(|n| usize::try_from(n).ok())
        };
        let dots_per_person = read("dots_per_person").unwrap_or(DEFAULT_DOTS_PER_PERSON);
        Self {
            dots_per_person,
            max_per_item: read("max_per_item").unwrap_or(dots_per_person),
        }
    }
}

/// A vote that was not counted because its participant had already used their dots.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct ExcessVote {
    pub vote: String,
    pub participant: String,
    pub item: String,
    pub laptop: String,
}

/// A dot that counted: who placed it (empty for a paper tally), on what, and whether it came
/// from paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountedVote {
    pub participant: String,
    pub item: String,
    pub paper: bool,
}

/// The outcome of one vote round.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct RoundResult {
    pub round: String,
    pub question: String,
    /// Counted dots per candidate item (every candidate listed, with 0 when it got none).
    pub dots: BTreeMap<String, usize>,
    /// Participants with at least one counted dot.
    pub voters: usize,
    pub excess: Vec<ExcessVote>,
    /// Every dot that counted, for results by role (not in `inspect --json`).
    #[serde(skip)]
    pub counted: Vec<CountedVote>,
}

/// Counts every round's votes (deleted votes and rounds are left out).
pub fn tally(doc: &WorkshopDoc) -> Result<Vec<RoundResult>, DocumentError> {
    let mut votes = doc.live_items(Kind::Vote)?;
    votes.sort_by(|a, b| {
        let time = |v: &Item| v.get("time").as_i64().unwrap_or(v.created);
        time(a).cmp(&time(b)).then_with(|| a.id.cmp(&b.id))
    });
    let mut results = Vec::new();
    for round in doc.live_items(Kind::VoteRound)? {
        let limits = RoundLimits::of(&round);
        let mut dots: BTreeMap<String, usize> = round
            .get("candidates")
            .as_list()
            .iter()
            .map(|c| (c.clone(), 0))
            .collect();
        let mut used: BTreeMap<&str, (usize, BTreeMap<&str, usize>)> = BTreeMap::new();
        let mut excess = Vec::new();
        let mut counted = Vec::new();
        for vote in votes.iter().filter(|v| v.str("round") == round.id) {
            let (participant, item) = (vote.str("participant"), vote.str("item"));
            let paper = vote.get("paper") == &crate::model::FieldValue::Bool(true);
            if participant.is_empty() {
                // A paper tally: nobody's limits to hold it to.
                if let Some(count) = dots.get_mut(item) {
                    *count += 1;
                    counted.push(CountedVote {
                        participant: String::new(),
                        item: item.to_owned(),
                        paper,
                    });
                }
                continue;
            }
            let (total, per_item) = used.entry(participant).or_default();
            let on_item = per_item.entry(item).or_default();
            if *total < limits.dots_per_person
                && *on_item < limits.max_per_item
                && dots.contains_key(item)
            {
                *total += 1;
                *on_item += 1;
                *dots.entry(item.to_owned()).or_default() += 1;
                counted.push(CountedVote {
                    participant: participant.to_owned(),
                    item: item.to_owned(),
                    paper,
                });
            } else {
                excess.push(ExcessVote {
                    vote: vote.id.clone(),
                    participant: participant.to_owned(),
                    item: item.to_owned(),
                    laptop: vote.str("laptop").to_owned(),
                });
            }
        }
        results.push(RoundResult {
            round: round.id.clone(),
            question: round.str("question").to_owned(),
            dots,
            voters: used.values().filter(|(total, _)| *total > 0).count(),
            excess,
            counted,
        });
    }
    Ok(results)
}
