//! Who made a change and when: an index from change hashes (and op ids) to laptop and time.

use crate::document::ChangeNote;
use automerge::{AutoCommit, ChangeHash, ObjId};
use std::collections::{BTreeSet, HashMap, HashSet};

#[derive(Debug, Clone)]
pub struct ChangeInfo {
    pub note: ChangeNote,
    pub time: i64,
    pub deps: Vec<ChangeHash>,
}

/// Every change of a document, by hash.
pub struct ChangeIndex {
    pub changes: HashMap<ChangeHash, ChangeInfo>,
}

impl ChangeIndex {
    pub fn of(doc: &mut AutoCommit) -> Self {
        let changes = doc
            .get_changes_meta(&[])
            .into_iter()
            .map(|meta| {
                (
                    meta.hash,
                    ChangeInfo {
                        note: ChangeNote::parse(meta.message.as_deref()),
                        time: meta.timestamp,
                        deps: meta.deps.clone(),
                    },
                )
            })
            .collect();
        Self { changes }
    }

    pub fn hashes(&self) -> HashSet<ChangeHash> {
        self.changes.keys().copied().collect()
    }

    /// The laptop and time of the change that wrote the op `op`.
    pub fn who_wrote(&self, doc: &AutoCommit, op: &ObjId) -> (String, i64) {
        doc.hash_for_opid(op)
            .and_then(|hash| self.changes.get(&hash))
            .map(|info| (info.note.laptop.clone(), info.time))
            .unwrap_or_default()
    }

    /// The laptops that made the given changes, sorted, without blanks.
    pub fn laptops<'a>(&self, hashes: impl IntoIterator<Item = &'a ChangeHash>) -> Vec<String> {
        let names: BTreeSet<String> = hashes
            .into_iter()
            .filter_map(|h| self.changes.get(h))
            .map(|info| info.note.laptop.clone())
            .filter(|name| !name.is_empty())
            .collect();
        names.into_iter().collect()
    }

    /// The heads of a set of changes closed under dependencies: those no other member depends on.
    pub fn heads_of(&self, set: &HashSet<ChangeHash>) -> Vec<ChangeHash> {
        let depended_on: HashSet<ChangeHash> = set
            .iter()
            .filter_map(|h| self.changes.get(h))
            .flat_map(|info| info.deps.iter().copied())
            .collect();
        let mut heads: Vec<ChangeHash> = set
            .iter()
            .filter(|h| !depended_on.contains(h))
            .copied()
            .collect();
        heads.sort();
        heads
    }
}
