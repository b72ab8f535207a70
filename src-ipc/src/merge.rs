//! The merge report: what merging several laptops' session files brought together, and what a
//! person should look at (conflicts, texts edited in two places, deletes that met edits, votes
//! over a round's limits). Shown by the app and printed by `systematic merge --json`.

use serde::{Deserialize, Serialize};

/// An item named for people: its kind, id and a short label (its name, title or label).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ItemRef {
    /// The kind (`persona`), or `workshop` for the workshop's own facts.
    pub kind: String,
    pub id: String,
    pub label: String,
}

/// What one merged file brought beyond what every file had in common.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file's name as the user gave it.
    pub name: String,
    pub workshop_id: String,
    pub title: String,
    /// The laptops that made this file's own changes.
    pub laptops: Vec<String>,
    /// Pseudonyms of the participants this file added.
    pub participants: Vec<String>,
    /// How many of its changes were not in every file (changes two of three files share are
    /// counted for both).
    pub changes: usize,
}

/// Items added, changed and deleted by the merge, for one kind.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct KindCounts {
    pub kind: String,
    pub added: usize,
    pub changed: usize,
    pub deleted: usize,
}

/// One of the values a conflicting field was given.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct ConflictValue {
    pub value: serde_json::Value,
    pub laptop: String,
    /// When it was written, in milliseconds since the Unix epoch.
    pub time: i64,
    /// Whether this is the value the document shows until someone picks.
    pub shown: bool,
}

/// A field set to different values on two or more laptops.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Conflict {
    pub item: ItemRef,
    pub field: String,
    pub values: Vec<ConflictValue>,
}

/// A long text edited on several laptops: merged character by character, worth a read.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TextEditedOnSeveral {
    pub item: ItemRef,
    pub field: String,
    /// The files whose edits were merged.
    pub files: Vec<String>,
}

/// An item deleted in one file and edited in another: it stays deleted (and can be restored).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct DeletedWhileEdited {
    pub item: ItemRef,
    pub deleted_in: Vec<String>,
    pub edited_in: Vec<String>,
}

/// A vote not counted because its participant had already used their dots (two laptops let the
/// same person vote).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct OverLimitVote {
    pub round: ItemRef,
    pub vote: String,
    pub participant: String,
    pub item: String,
    pub laptop: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct MergeReport {
    pub workshop_id: String,
    pub title: String,
    /// True when files of different workshops were merged on purpose.
    pub forced: bool,
    pub files: Vec<FileReport>,
    pub kinds: Vec<KindCounts>,
    pub conflicts: Vec<Conflict>,
    pub texts_edited_on_several: Vec<TextEditedOnSeveral>,
    pub deleted_while_edited: Vec<DeletedWhileEdited>,
    pub votes_over_limit: Vec<OverLimitVote>,
}
