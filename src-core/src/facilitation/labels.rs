//! The words to show for any item a vote round can be about.

use crate::document::{DocumentError, WorkshopDoc};
use crate::model::Kind;
use std::collections::BTreeMap;
use systematic_ipc::Candidate;

/// The kinds a round's candidates are offered from, in the order the round form lists them.
pub const CANDIDATE_KINDS: &[Kind] = &[
    Kind::FailurePoint,
    Kind::Scenario,
    Kind::Note,
    Kind::Theme,
    Kind::ContractStatement,
];

/// Labels of every item, deleted ones included (a round may name an item deleted since).
pub struct Labels {
    by_id: BTreeMap<String, (Kind, String)>,
    /// Each round's candidates, in order.
    rounds: BTreeMap<String, Vec<String>>,
}

impl Labels {
    pub fn read(doc: &WorkshopDoc) -> Result<Self, DocumentError> {
        let mut by_id = BTreeMap::new();
        let node_labels: BTreeMap<String, String> = doc
            .items(Kind::Node)?
            .into_iter()
            .map(|n| (n.id.clone(), n.str("label").to_owned()))
            .collect();
        let connection_labels: BTreeMap<String, String> = doc
            .items(Kind::Connection)?
            .into_iter()
            .map(|c| {
                let end = |field| node_labels.get(c.str(field)).cloned().unwrap_or_default();
                (c.id.clone(), format!("{} → {}", end("from"), end("to")))
            })
            .collect();
        for kind in [
            Kind::FailurePoint,
            Kind::Scenario,
            Kind::Note,
            Kind::Theme,
            Kind::ContractStatement,
            Kind::Node,
            Kind::Persona,
            Kind::JourneyStep,
            Kind::Priority,
        ] {
            for item in doc.items(kind)? {
                let label = match kind {
                    Kind::FailurePoint => {
                        let on = item.str("on");
                        let place = node_labels
                            .get(on)
                            .or_else(|| connection_labels.get(on))
                            .cloned()
                            .unwrap_or_default();
                        if place.is_empty() {
                            item.str("description").to_owned()
                        } else {
                            format!("{place}: {}", item.str("description"))
                        }
                    }
                    Kind::Scenario => item.str("title").to_owned(),
                    Kind::Theme | Kind::Persona => item.str("name").to_owned(),
                    Kind::Node => item.str("label").to_owned(),
                    Kind::JourneyStep => item.str("touchpoint").to_owned(),
                    _ => item.str("text").to_owned(),
                };
                by_id.insert(item.id.clone(), (kind, label));
            }
        }
        for (id, label) in connection_labels {
            by_id.insert(id, (Kind::Connection, label));
        }
        let rounds = doc
            .items(Kind::VoteRound)?
            .into_iter()
            .map(|r| (r.id.clone(), r.get("candidates").as_list().to_vec()))
            .collect();
        Ok(Self { by_id, rounds })
    }

    /// The words for item `id` (its id when it is nothing a label is known for).
    pub fn label(&self, id: &str) -> String {
        self.by_id
            .get(id)
            .map_or_else(|| id.to_owned(), |(_, label)| label.clone())
    }

    pub fn candidate(&self, id: &str) -> Candidate {
        Candidate {
            id: id.to_owned(),
            kind: self
                .by_id
                .get(id)
                .map_or("", |(kind, _)| kind.name())
                .to_owned(),
            label: self.label(id),
        }
    }

    pub fn candidate_order(&self, round: &str) -> &[String] {
        self.rounds.get(round).map_or(&[], Vec::as_slice)
    }
}
