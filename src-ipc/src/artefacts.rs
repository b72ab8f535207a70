//! The workshop's other artefacts as the facilitation screens show them: patient journeys with
//! their emotion curve, failure scenarios, the patient contract and learning records.

use serde::{Deserialize, Serialize};

/// A persona's journey through services, step by step.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Journey {
    pub id: String,
    pub title: String,
    pub persona: Option<String>,
    /// In order along the line.
    pub steps: Vec<JourneyStep>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct JourneyStep {
    pub id: String,
    pub order: f64,
    pub touchpoint: String,
    pub service: String,
    pub what_happened: String,
    /// −2 (very bad) … +2 (very good); 0 when not given.
    pub emotion: i8,
    /// The system failed the persona here.
    pub failure: bool,
    pub notes: String,
    /// Map nodes linked to this step (a node's `links` name the step).
    pub nodes: Vec<String>,
}

/// "What could go wrong for this persona".
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub narrative: String,
    pub persona: Option<String>,
    /// Linked map nodes, connections and journey steps, with their words.
    pub links: Vec<crate::Candidate>,
    /// 1 (small) … 5 (severe); `None` until scored.
    pub impact: Option<u8>,
    /// 1 (rare) … 5 (almost certain).
    pub likelihood: Option<u8>,
}

/// One of the persona's frustrations turned into an agreed statement.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ContractStatement {
    pub id: String,
    pub text: String,
    pub persona: Option<String>,
    /// Priorities and actions that answer it (their `answers` names it).
    pub answered_by: Vec<String>,
}

/// What an initiative learnt, as the Liverpool and Shropshire projects kept it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct LearningRecord {
    pub id: String,
    pub title: String,
    pub evidence_of_success: String,
    pub difficulties: String,
    pub potential_for_transfer: String,
}

/// A map node as a journey step's link list offers it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct NodeChoice {
    pub id: String,
    pub label: String,
    /// What the node links to now (personas, journey steps, scenarios).
    pub links: Vec<String>,
}
