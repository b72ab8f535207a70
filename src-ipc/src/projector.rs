//! The projector window: large type, high contrast, nothing private. The facilitator chooses
//! what it shows besides the current stage, its question and its timer.

use crate::facilitation::{RoundResults, Stage};
use crate::model::Persona;
use serde::{Deserialize, Serialize};

/// What the facilitator put on the projector.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Showing {
    /// Only the stage, its question and the timer.
    #[default]
    Stage,
    Persona {
        id: String,
    },
    Map,
    /// A vote round: who has voted (counts only, unless names are shown) and, once revealed,
    /// the results.
    Round {
        id: String,
    },
}

/// What the projector draws.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ProjectorView {
    pub title: String,
    pub stage: Option<Stage>,
    /// 1-based position of the stage in the agenda, and the agenda's length.
    pub stage_number: u32,
    pub stage_count: u32,
    pub projected: Projected,
}

/// Externally tagged, as everything in a [`crate::Response`] (see there why).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Projected {
    Stage,
    Persona {
        persona: Persona,
    },
    /// The map as an SVG picture.
    Map {
        svg: String,
    },
    Round {
        question: String,
        voted: u32,
        present: u32,
        /// Pseudonyms of those who voted, only when the facilitator chose to show names.
        voted_names: Vec<String>,
        results: Option<RoundResults>,
    },
}
