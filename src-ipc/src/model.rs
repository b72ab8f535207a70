use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Stable identifier of a workshop (also the key of its document in the store).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(transparent)]
pub struct WorkshopId(pub String);

/// Stable identifier of a persona inside its workshop document.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(transparent)]
pub struct PersonaId(pub String);

impl std::fmt::Display for WorkshopId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for PersonaId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the "New workshop" form sends. The date is optional here so that a missing date is
/// reported by the core with the same kind of message as every other field.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct NewWorkshop {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub venue: String,
    pub facilitator: String,
    /// The method template to take the agenda from (`systematic`, `esther`, …); none is blank.
    #[serde(default)]
    pub template: Option<String>,
    /// The UI's language, so the template's stages come in it.
    #[serde(default)]
    pub locale: Option<String>,
}

/// The editable facts about a workshop.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct WorkshopMeta {
    pub title: String,
    pub date: NaiveDate,
    pub venue: String,
    pub facilitator: String,
}

/// One row of the home screen's workshop list.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct WorkshopSummary {
    pub id: WorkshopId,
    pub title: String,
    pub date: NaiveDate,
    pub venue: String,
    pub updated_at: DateTime<Utc>,
    pub persona_count: u32,
    /// Protected with a passphrase: it opens only once unlocked.
    #[serde(default)]
    pub protected: bool,
}

/// A persona as typed in the persona form. Fields added after the first release default to
/// empty, so older demo files and requests still read.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonaDraft {
    pub name: String,
    pub age: Option<u16>,
    /// The population segment the persona stands for ("older people living alone").
    #[serde(default)]
    pub segment: String,
    pub living_situation: String,
    /// Long-term conditions, one per entry.
    pub conditions: Vec<String>,
    /// "What matters to me", in the persona's own words.
    pub what_matters: String,
    #[serde(default)]
    pub goals: String,
    #[serde(default)]
    pub worries: String,
    #[serde(default)]
    pub family_and_friends: String,
    /// Services the persona uses, one per entry.
    #[serde(default)]
    pub services_used: Vec<String>,
    pub quote: String,
    /// From a group that services seldom hear from.
    #[serde(default)]
    pub seldom_heard: bool,
    /// One of the bundled portrait illustrations, by name.
    #[serde(default)]
    pub portrait: Option<String>,
}

/// A stored persona.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Persona {
    pub id: PersonaId,
    pub details: PersonaDraft,
}

/// A whole workshop as the workshop page shows it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct WorkshopView {
    pub id: WorkshopId,
    pub meta: WorkshopMeta,
    pub personas: Vec<Persona>,
    /// Whether this laptop has an edit of its own to undo, or an undo to redo.
    pub can_undo: bool,
    pub can_redo: bool,
    /// Protected with a passphrase (and unlocked, or it could not be shown).
    #[serde(default)]
    pub protected: bool,
}

/// A passphrase on its way from the user to the core. Its `Debug` never shows it, so a
/// request that is logged or printed in a panic does not give it away.
#[derive(Serialize, Deserialize, Clone, PartialEq, Eq)]
#[serde(transparent)]
pub struct Passphrase(pub String);

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(hidden)")
    }
}

impl Passphrase {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where the app keeps its data and whether it can use it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct AppStatus {
    pub data_dir: String,
    /// The name this laptop was given at set-up; empty until then.
    pub laptop_name: String,
    /// Set when the data folder cannot be used; the home screen shows it instead of the list.
    pub problem: Option<crate::AppError>,
    /// Session files opened, saved or merged lately on this laptop, most recent first.
    #[serde(default)]
    pub recent_files: Vec<String>,
    /// The workshop open last, offered as "Continue" on the home screen.
    #[serde(default)]
    pub last_workshop: Option<WorkshopId>,
}

/// One of a workshop's automatic backups (a session file in the data folder).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// Its file name, which is also how it is asked for.
    pub name: String,
    /// Milliseconds since the Unix epoch.
    pub taken_at: i64,
    pub bytes: u64,
}

/// One change in a workshop's history.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// The change's hash; restoring it brings back the workshop as it was after this change.
    pub hash: String,
    /// The laptop that made it ("Table 2").
    pub laptop: String,
    /// What it did, in a few words.
    pub what: String,
    /// Milliseconds since the Unix epoch.
    pub time: i64,
}

/// A participant's personal details, kept only on this laptop and never in the workshop
/// document (whose history cannot be erased), so they can be deleted when consent is withdrawn.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonalDetails {
    pub real_name: String,
    pub contact: String,
}
