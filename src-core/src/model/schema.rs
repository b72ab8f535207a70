//! Every kind of item a workshop document holds, and the fields each kind has.
//!
//! One table drives validation, reading, writing, `inspect --json`, operation scripts and the merge
//! report, so a new field is added in one place. The layout is written down in `docs/FORMAT.md`.

use crate::limits::{LONG_TEXT_MAX, NAME_MAX, QUOTE_MAX, TITLE_MAX};

/// How a field is stored in the Automerge document and what values it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// A short string, last writer wins (a concurrent write is a conflict).
    Line {
        max: usize,
    },
    /// Automerge text: concurrent edits merge character by character.
    Text {
        max: usize,
    },
    /// A whole number in `min..=max`.
    Int {
        min: i64,
        max: i64,
    },
    /// A position on the map canvas.
    Number,
    Bool,
    /// A calendar date, stored as `YYYY-MM-DD`.
    Date,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// The id of another item, of one of the given kinds (empty: any kind).
    Ref(&'static [Kind]),
    /// A list of item ids, of the given kinds (empty: any kind).
    Refs {
        kinds: &'static [Kind],
        max: usize,
    },
    /// A list of short strings.
    Lines {
        max_each: usize,
        max: usize,
    },
    /// A list of dates.
    Dates {
        max: usize,
    },
}

impl FieldType {
    /// Whether the field is an Automerge container (text or list) created with its item.
    pub fn is_container(self) -> bool {
        matches!(
            self,
            Self::Text { .. } | Self::Refs { .. } | Self::Lines { .. } | Self::Dates { .. }
        )
    }
}

/// One field of a kind of item.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    pub name: &'static str,
    pub ty: FieldType,
    /// Must be present and non-empty when the item is added, and cannot be cleared.
    pub required: bool,
}

const fn field(name: &'static str, ty: FieldType) -> FieldSpec {
    FieldSpec {
        name,
        ty,
        required: false,
    }
}

const fn required(name: &'static str, ty: FieldType) -> FieldSpec {
    FieldSpec {
        name,
        ty,
        required: true,
    }
}

const LINE: FieldType = FieldType::Line { max: TITLE_MAX };
const NAME: FieldType = FieldType::Line { max: NAME_MAX };
const TEXT: FieldType = FieldType::Text { max: LONG_TEXT_MAX };
const SCORE: FieldType = FieldType::Int { min: 1, max: 5 };
const ANY: &[Kind] = &[];
/// Milliseconds: a time since the Unix epoch, or a duration.
const TIME: FieldType = FieldType::Int {
    min: 0,
    max: i64::MAX,
};

/// The roles a participant can have, as in the source documents' "equal partners".
pub const ROLES: &[&str] = &[
    "lived_experience",
    "carer",
    "lay_partner",
    "clinician",
    "social_care",
    "voluntary_sector",
    "commissioner",
    "manager",
    "facilitator",
    "other",
];

/// The bundled portrait illustrations (`assets/portraits/<name>.svg`).
pub const PORTRAITS: &[&str] = &[
    "heather",
    "oak",
    "swallow",
    "lighthouse",
    "teapot",
    "bicycle",
    "garden",
    "harbour",
];

pub const NOTE_COLOURS: &[&str] = &["yellow", "pink", "blue", "green", "orange"];
pub const STAGE_STATUSES: &[&str] = &["planned", "running", "done", "skipped"];
pub const NODE_KINDS: &[&str] = &[
    "service",
    "organisation",
    "person_role",
    "persona",
    "condition",
    "resource",
    "factor",
];
pub const LEVELS: &[&str] = &["micro", "meso", "macro"];
pub const POLARITIES: &[&str] = &["positive", "negative", "unknown"];
pub const ROUND_STATUSES: &[&str] = &["open", "closed"];
pub const ACTION_STATUSES: &[&str] = &["not_started", "in_progress", "done", "dropped"];

/// The workshop's own facts, kept in the root `workshop` map.
pub const WORKSHOP_FIELDS: &[FieldSpec] = &[
    required("title", LINE),
    field("dates", FieldType::Dates { max: 10 }),
    field("venue", LINE),
    field(
        "facilitators",
        FieldType::Lines {
            max_each: NAME_MAX,
            max: 10,
        },
    ),
    field("method", LINE),
    // The method template the agenda came from (`systematic`), so its working groups are offered.
    field("template", LINE),
    // The language the template's words were taken in (`sv`).
    field("locale", NAME),
];

macro_rules! kinds {
    ($($variant:ident = $name:literal in $collection:literal),* $(,)?) => {
        /// A kind of item. Each kind is one map in the document root, keyed by item id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind { $($variant),* }

        impl Kind {
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];

            /// The kind's name in scripts and JSON (`persona`).
            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name),* }
            }

            /// The root key of the kind's collection (`personas`).
            pub fn collection(self) -> &'static str {
                match self { $(Kind::$variant => $collection),* }
            }
        }
    };
}

kinds! {
    Stage = "stage" in "stages",
    Participant = "participant" in "participants",
    Persona = "persona" in "personas",
    Journey = "journey" in "journeys",
    JourneyStep = "journey_step" in "journey_steps",
    Node = "node" in "nodes",
    Connection = "connection" in "connections",
    FailurePoint = "failure_point" in "failure_points",
    Scenario = "scenario" in "scenarios",
    Note = "note" in "notes",
    Theme = "theme" in "themes",
    VoteRound = "vote_round" in "vote_rounds",
    Vote = "vote" in "votes",
    Priority = "priority" in "priorities",
    Action = "action" in "actions",
    ContractStatement = "contract_statement" in "contract_statements",
    LearningRecord = "learning_record" in "learning_records",
}

impl Kind {
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.name() == name)
    }

    pub fn from_collection(collection: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.collection() == collection)
    }

    /// The most items of this kind one workshop may hold.
    pub fn max_items(self) -> usize {
        match self {
            Kind::Persona => crate::limits::PERSONAS_PER_WORKSHOP_MAX,
            Kind::Vote | Kind::Note | Kind::JourneyStep => 20_000,
            Kind::Connection | Kind::FailurePoint => 4_000,
            _ => 2_000,
        }
    }

    /// The fields of this kind, in the order forms show them.
    pub fn fields(self) -> &'static [FieldSpec] {
        use FieldType::*;
        match self {
            Kind::Stage => {
                const F: &[FieldSpec] = &[
                    required("name", LINE),
                    field("goal", TEXT),
                    field("planned_minutes", Int { min: 0, max: 600 }),
                    field("status", Choice(STAGE_STATUSES)),
                    field("order", Number),
                    // The opening question, shown on the projector.
                    field("question", LINE),
                    // The timer: when it was started (absent while paused), how long it ran
                    // before, and minutes added on the day.
                    field("started_at", TIME),
                    field("spent_ms", TIME),
                    field("extra_minutes", Int { min: 0, max: 600 }),
                ];
                F
            }
            Kind::Participant => {
                const F: &[FieldSpec] = &[
                    required("pseudonym", NAME),
                    field("role", Choice(ROLES)),
                    field("group", NAME),
                    field("consent_to_quote", Bool),
                    field("absent", Bool),
                ];
                F
            }
            Kind::Persona => {
                const F: &[FieldSpec] = &[
                    required("name", NAME),
                    field("age", Int { min: 0, max: 120 }),
                    field("segment", LINE),
                    field("living_situation", TEXT),
                    field(
                        "conditions",
                        Lines {
                            max_each: crate::limits::CONDITION_MAX,
                            max: crate::limits::CONDITIONS_PER_PERSONA_MAX,
                        },
                    ),
                    field("what_matters", TEXT),
                    field("goals", TEXT),
                    field("worries", TEXT),
                    field("family_and_friends", TEXT),
                    field(
                        "services_used",
                        Lines {
                            max_each: NAME_MAX,
                            max: 40,
                        },
                    ),
                    field("quote", Text { max: QUOTE_MAX }),
                    field("seldom_heard", Bool),
                    field("portrait", Choice(PORTRAITS)),
                ];
                F
            }
            Kind::Journey => {
                const F: &[FieldSpec] = &[
                    required("title", LINE),
                    field("persona", Ref(&[Kind::Persona])),
                ];
                F
            }
            Kind::JourneyStep => {
                const F: &[FieldSpec] = &[
                    required("journey", Ref(&[Kind::Journey])),
                    field("order", Number),
                    required("touchpoint", LINE),
                    field("service", LINE),
                    field("what_happened", TEXT),
                    field("emotion", Int { min: -2, max: 2 }),
                    field("failure", Bool),
                    field("notes", TEXT),
                ];
                F
            }
            Kind::Node => {
                const F: &[FieldSpec] = &[
                    field("kind", Choice(NODE_KINDS)),
                    field("level", Choice(LEVELS)),
                    required("label", LINE),
                    field("x", Number),
                    field("y", Number),
                    field("notes", TEXT),
                    field("pinned", Bool),
                    field(
                        "links",
                        Refs {
                            kinds: &[Kind::Persona, Kind::JourneyStep, Kind::Scenario],
                            max: 20,
                        },
                    ),
                ];
                F
            }
            Kind::Connection => {
                const F: &[FieldSpec] = &[
                    required("from", Ref(&[Kind::Node])),
                    required("to", Ref(&[Kind::Node])),
                    field("polarity", Choice(POLARITIES)),
                    field("label", LINE),
                    field("delay", Bool),
                ];
                F
            }
            Kind::FailurePoint => {
                const F: &[FieldSpec] = &[
                    required("on", Ref(&[Kind::Node, Kind::Connection])),
                    required("description", TEXT),
                    field("severity", SCORE),
                    field("raised_by", Ref(&[Kind::Participant])),
                ];
                F
            }
            Kind::Scenario => {
                const F: &[FieldSpec] = &[
                    required("title", LINE),
                    field("narrative", TEXT),
                    field("persona", Ref(&[Kind::Persona])),
                    field(
                        "links",
                        Refs {
                            kinds: &[Kind::Node, Kind::Connection, Kind::JourneyStep],
                            max: 100,
                        },
                    ),
                    field("impact", SCORE),
                    field("likelihood", SCORE),
                ];
                F
            }
            Kind::Note => {
                const F: &[FieldSpec] = &[
                    required("text", Text { max: 1_000 }),
                    field("colour", Choice(NOTE_COLOURS)),
                    field("stage", Ref(&[Kind::Stage])),
                    field("theme", Ref(&[Kind::Theme])),
                    field("laptop", NAME),
                    field("participant", Ref(&[Kind::Participant])),
                ];
                F
            }
            Kind::Theme => {
                const F: &[FieldSpec] = &[required("name", NAME)];
                F
            }
            Kind::VoteRound => {
                const F: &[FieldSpec] = &[
                    required("question", LINE),
                    field(
                        "candidates",
                        Refs {
                            kinds: ANY,
                            max: 200,
                        },
                    ),
                    field("dots_per_person", Int { min: 1, max: 50 }),
                    field("max_per_item", Int { min: 1, max: 50 }),
                    field("hidden_until_reveal", Bool),
                    field("revealed", Bool),
                    field("status", Choice(ROUND_STATUSES)),
                ];
                F
            }
            Kind::Vote => {
                const F: &[FieldSpec] = &[
                    required("round", Ref(&[Kind::VoteRound])),
                    // Left out only by a paper tally.
                    field("participant", Ref(&[Kind::Participant])),
                    required("item", Ref(ANY)),
                    field("laptop", NAME),
                    field("time", TIME),
                    // Copied from a paper voting sheet.
                    field("paper", Bool),
                ];
                F
            }
            Kind::Priority => {
                const F: &[FieldSpec] = &[
                    required("text", TEXT),
                    field("vote_round", Ref(&[Kind::VoteRound])),
                    // The candidate it came from, and its dots when the round closed.
                    field("item", Ref(ANY)),
                    field(
                        "dots",
                        Int {
                            min: 0,
                            max: 1_000_000,
                        },
                    ),
                    field("answers", Ref(&[Kind::ContractStatement])),
                ];
                F
            }
            Kind::Action => {
                const F: &[FieldSpec] = &[
                    required("text", TEXT),
                    field("owner", NAME),
                    field("due", Date),
                    field("status", Choice(ACTION_STATUSES)),
                    field("vote_round", Ref(&[Kind::VoteRound])),
                    field("priority", Ref(&[Kind::Priority])),
                    field("answers", Ref(&[Kind::ContractStatement])),
                ];
                F
            }
            Kind::ContractStatement => {
                const F: &[FieldSpec] = &[
                    required("text", TEXT),
                    field("persona", Ref(&[Kind::Persona])),
                ];
                F
            }
            Kind::LearningRecord => {
                const F: &[FieldSpec] = &[
                    required("title", LINE),
                    field("evidence_of_success", TEXT),
                    field("difficulties", TEXT),
                    field("potential_for_transfer", TEXT),
                ];
                F
            }
        }
    }

    pub fn field(self, name: &str) -> Option<&'static FieldSpec> {
        self.fields().iter().find(|f| f.name == name)
    }
}

/// The fields of the workshop map.
pub fn workshop_field(name: &str) -> Option<&'static FieldSpec> {
    WORKSHOP_FIELDS.iter().find(|f| f.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_collections_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for kind in Kind::ALL {
            assert!(seen.insert(kind.name()));
            assert!(seen.insert(kind.collection()));
            assert_eq!(Kind::from_name(kind.name()), Some(*kind));
            assert_eq!(Kind::from_collection(kind.collection()), Some(*kind));
        }
    }

    #[test]
    fn field_names_are_unique_and_not_reserved() {
        for kind in Kind::ALL {
            let mut seen = std::collections::HashSet::new();
            for f in kind.fields() {
                assert!(seen.insert(f.name), "{} repeats {}", kind.name(), f.name);
                assert!(
                    !crate::model::RESERVED_KEYS.contains(&f.name),
                    "{} uses a reserved key",
                    kind.name()
                );
            }
        }
    }
}
