//! What the facilitator works with in the room: the agenda and its timer, the participants,
//! sticky notes and themes, dot-vote rounds with their results, and the priorities and actions
//! they lead to.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A method a new workshop can start from (`assets/templates/<id>.json`), in the UI's language.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub working_groups: Vec<String>,
    pub stages: Vec<TemplateStage>,
}

/// One stage of a template's agenda.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TemplateStage {
    pub name: String,
    pub goal: String,
    pub planned_minutes: u32,
    /// The question the group wants answered in this stage; the projector shows it.
    pub question: String,
}

/// The roles a participant can have: the "equal partners" of co-design.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    LivedExperience,
    Carer,
    LayPartner,
    Clinician,
    SocialCare,
    VoluntarySector,
    Commissioner,
    Manager,
    Facilitator,
    Other,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::LivedExperience,
        Role::Carer,
        Role::LayPartner,
        Role::Clinician,
        Role::SocialCare,
        Role::VoluntarySector,
        Role::Commissioner,
        Role::Manager,
        Role::Facilitator,
        Role::Other,
    ];

    /// The name used in the document (`lived_experience`).
    pub fn name(self) -> &'static str {
        match self {
            Role::LivedExperience => "lived_experience",
            Role::Carer => "carer",
            Role::LayPartner => "lay_partner",
            Role::Clinician => "clinician",
            Role::SocialCare => "social_care",
            Role::VoluntarySector => "voluntary_sector",
            Role::Commissioner => "commissioner",
            Role::Manager => "manager",
            Role::Facilitator => "facilitator",
            Role::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }

    /// Which side of the room the role speaks for, for results by role.
    pub fn group(self) -> RoleGroup {
        match self {
            Role::LivedExperience | Role::Carer | Role::LayPartner => RoleGroup::People,
            Role::Clinician
            | Role::SocialCare
            | Role::VoluntarySector
            | Role::Commissioner
            | Role::Manager => RoleGroup::Professionals,
            Role::Facilitator | Role::Other => RoleGroup::Others,
        }
    }
}

/// People with lived experience, carers and lay partners; professionals; everyone else.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum RoleGroup {
    People,
    Professionals,
    Others,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    Planned,
    Running,
    Done,
    Skipped,
}

/// One stage of the agenda, with its timer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub goal: String,
    pub question: String,
    pub planned_minutes: u32,
    /// Minutes added with "+1 minute".
    pub extra_minutes: u32,
    pub status: StageStatus,
    /// Time the timer has run, not counting the current run.
    pub spent_ms: i64,
    /// When the timer was started, if it is running (milliseconds since the Unix epoch).
    pub running_since: Option<i64>,
}

impl Stage {
    /// How long the stage has taken by `now_ms`.
    pub fn spent_at(&self, now_ms: i64) -> i64 {
        self.spent_ms
            + self
                .running_since
                .map_or(0, |since| (now_ms - since).max(0))
    }

    /// Milliseconds left at `now_ms`; below zero once the planned time is over.
    pub fn remaining_at(&self, now_ms: i64) -> i64 {
        i64::from(self.planned_minutes + self.extra_minutes) * 60_000 - self.spent_at(now_ms)
    }
}

/// Someone taking part, by pseudonym only (real names never enter the workshop document).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub id: String,
    pub pseudonym: String,
    pub role: Option<Role>,
    pub group: String,
    pub consent_to_quote: bool,
    /// Not in the room (today); their notes and dots stay.
    pub absent: bool,
}

/// A sticky note.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    pub text: String,
    pub colour: String,
    pub stage: Option<String>,
    pub theme: Option<String>,
    /// The laptop (table) it was written on.
    pub laptop: String,
    pub participant: Option<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub id: String,
    pub name: String,
}

/// Something a round can be about, with the words to show for it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    /// The item's kind (`failure_point`, `scenario`, `note`, `theme`, `node`, …).
    pub kind: String,
    pub label: String,
}

/// A dot-vote round.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub id: String,
    pub question: String,
    pub candidates: Vec<Candidate>,
    pub dots_per_person: u32,
    pub max_per_item: u32,
    /// Results stay hidden until the facilitator reveals them (otherwise they show live).
    pub hidden_until_reveal: bool,
    pub revealed: bool,
    pub open: bool,
    /// Participants who have placed at least one dot (not which ones).
    pub voted: Vec<String>,
    /// The results, once they may be shown: revealed, live, or closed.
    pub results: Option<RoundResults>,
}

/// A round's outcome, best-voted first.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct RoundResults {
    pub items: Vec<ItemResult>,
    /// Participants with at least one counted dot.
    pub voters: u32,
    /// Participants present (not marked absent).
    pub present: u32,
    /// Dots entered from paper voting sheets.
    pub paper_dots: u32,
    /// Dots over a participant's limits (two laptops let them vote), not counted.
    pub excess_dots: u32,
}

/// One candidate's dots.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ItemResult {
    pub item: String,
    pub label: String,
    pub dots: u32,
    /// Dots from people with lived experience, carers and lay partners.
    pub people_dots: u32,
    pub professional_dots: u32,
    /// Dots from facilitators, "other" roles, participants without a role and paper tallies.
    pub other_dots: u32,
    /// Of `dots`, how many came from paper.
    pub paper_dots: u32,
    /// 1 for the best; tied items share a rank.
    pub rank: u32,
    /// Another item has the same number of dots (and at least one).
    pub tied: bool,
}

/// Something the workshop agreed to work on, usually from a closed round.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Priority {
    pub id: String,
    pub text: String,
    pub vote_round: Option<String>,
    /// The candidate it came from.
    pub item: Option<String>,
    pub dots: Option<u32>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    pub priority: Option<String>,
}

/// Everything the facilitation screens show, read from the workshop document in one go.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Facilitation {
    /// The template the workshop started from (empty when none).
    pub template: String,
    /// The template's working groups and any others participants were put in.
    pub working_groups: Vec<String>,
    /// In agenda order.
    pub stages: Vec<Stage>,
    /// The running stage, else the first planned one.
    pub current_stage: Option<String>,
    pub participants: Vec<Participant>,
    pub notes: Vec<Note>,
    pub themes: Vec<Theme>,
    /// Everything a round can be about (failure points, scenarios, notes, themes, …).
    pub candidates: Vec<Candidate>,
    pub rounds: Vec<Round>,
    pub priorities: Vec<Priority>,
    pub actions: Vec<Action>,
    pub journeys: Vec<crate::Journey>,
    pub scenarios: Vec<crate::Scenario>,
    pub contract_statements: Vec<crate::ContractStatement>,
    pub learning_records: Vec<crate::LearningRecord>,
    /// The workshop's personas (id and name), for the journey and scenario forms.
    pub personas: Vec<Candidate>,
    /// The map's nodes, for linking journey steps to them.
    pub nodes: Vec<crate::NodeChoice>,
    /// The personas shipped with the app that can be copied in ("Esther").
    pub built_in_personas: Vec<String>,
    /// This laptop's name, carried on its notes.
    pub laptop: String,
    pub can_undo: bool,
    pub can_redo: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paused_stage_counts_only_what_ran() {
        let mut stage = Stage {
            id: "s".into(),
            name: "Stories".into(),
            goal: String::new(),
            question: String::new(),
            planned_minutes: 10,
            extra_minutes: 1,
            status: StageStatus::Running,
            spent_ms: 60_000,
            running_since: None,
        };
        assert_eq!(stage.remaining_at(1_000_000), 600_000);
        stage.running_since = Some(1_000_000);
        assert_eq!(stage.remaining_at(1_030_000), 570_000);
        assert_eq!(
            stage.spent_at(999_000),
            60_000,
            "a clock behind is not time back"
        );
    }

    #[test]
    fn roles_round_trip_and_fall_into_groups() {
        for role in Role::ALL {
            assert_eq!(Role::from_name(role.name()), Some(role));
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.name()));
        }
        assert_eq!(Role::Carer.group(), RoleGroup::People);
        assert_eq!(Role::Commissioner.group(), RoleGroup::Professionals);
        assert_eq!(Role::Facilitator.group(), RoleGroup::Others);
    }
}
