//! Merging session files of several laptops into one workshop, with a report of what happened.
//!
//! Automerge does the merging; this module checks the files belong together, and works out from
//! the change graph what each file brought: per file the changes not in every file, per kind the
//! items added, changed and deleted, and what a person should look at.

pub mod changes;
pub mod conflicts;
pub mod touches;

use crate::document::{DocumentError, WorkshopDoc};
use crate::model::Kind;
use changes::ChangeIndex;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use systematic_ipc::{
    DeletedWhileEdited, FileReport, KindCounts, MergeReport, OverLimitVote, TextEditedOnSeveral,
};
use touches::{ItemKey, Touches};

/// One file to merge.
pub struct MergeSource {
    /// The name shown in the report (the file name, or "This laptop").
    pub name: String,
    pub doc: WorkshopDoc,
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("there is nothing to merge")]
    NoFiles,
    #[error("these files are from different workshops: {}", describe(.0))]
    DifferentWorkshops(Vec<(String, String, String)>),
    #[error("the files cannot be merged: {0}")]
    Automerge(String),
    #[error(transparent)]
    Document(#[from] DocumentError),
}

fn describe(files: &[(String, String, String)]) -> String {
    files
        .iter()
        .map(|(name, _, title)| format!("{name} (\"{title}\")"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a merge is run.
pub struct MergeOptions {
    /// Merge files of different workshops anyway (two laptops that each started "the same"
    /// workshop). The merge itself writes no change, so the result is the same in any order:
    /// the workshop id is then an ordinary conflict, which the app settles for its own copy.
    pub force: bool,
}

/// Merges `sources` into the first one and reports what happened. `progress(done, total)` is
/// called as files are merged and analysed.
pub fn merge(
    mut sources: Vec<MergeSource>,
    options: &MergeOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(WorkshopDoc, MergeReport), MergeError> {
    if sources.is_empty() {
        return Err(MergeError::NoFiles);
    }
    let mut identities = Vec::new();
    for source in &sources {
        identities.push((
            source.name.clone(),
            source.doc.workshop_id()?,
            source.doc.meta()?.title,
        ));
    }
    let forced = identities.iter().any(|(_, id, _)| *id != identities[0].1);
    if forced && !options.force {
        return Err(MergeError::DifferentWorkshops(identities));
    }
    let total = sources.len() * 2;
    let mut file_hashes = Vec::new();
    let mut first_index = None;
    for source in &mut sources {
        let index = ChangeIndex::of(source.doc.automerge());
        file_hashes.push(index.hashes());
        first_index.get_or_insert(index);
    }
    // The changes every file has: the files' common past.
    let mut common: HashSet<_> = file_hashes[0].clone();
    for hashes in &file_hashes[1..] {
        common.retain(|h| hashes.contains(h));
    }
    let common_heads = first_index.map(|i| i.heads_of(&common)).unwrap_or_default();
    // What each file changed since then, read from the file's own (small) document before the
    // merge, rather than from the merged one, where each diff would walk every file's changes.
    let all_touches = touches_per_file(&mut sources, &common_heads);
    let mut rest = sources.split_off(1);
    let mut merged = sources.pop().ok_or(MergeError::NoFiles)?.doc;
    progress(1, total);
    for (done, source) in rest.iter_mut().enumerate() {
        merged
            .automerge()
            .merge(source.doc.automerge())
            .map_err(|e| MergeError::Automerge(e.to_string()))?;
        progress(done + 2, total);
    }
    let missing = merged.automerge().get_missing_deps(&[]);
    if !missing.is_empty() {
        return Err(MergeError::Automerge(format!(
            "{} changes refer to changes no file holds",
            missing.len()
        )));
    }
    let index = ChangeIndex::of(merged.automerge());
    let mut files = Vec::new();
    for (n, ((name, id, title), touches)) in identities.iter().zip(&all_touches).enumerate() {
        let own: Vec<_> = file_hashes[n].difference(&common).copied().collect();
        let participants = touches
            .added
            .iter()
            .filter(|(kind, _)| *kind == Kind::Participant)
            .map(|(_, pid)| conflicts::label(&merged, Kind::Participant, pid))
            .collect();
        files.push(FileReport {
            name: name.clone(),
            workshop_id: id.clone(),
            title: title.clone(),
            laptops: index.laptops(&own),
            participants,
            changes: own.len(),
        });
        progress(identities.len() + n + 1, total);
    }
    let names: Vec<&str> = identities.iter().map(|(n, _, _)| n.as_str()).collect();
    let report = MergeReport {
        workshop_id: merged.workshop_id()?,
        title: merged.meta()?.title,
        forced,
        files,
        kinds: kind_counts(&all_touches),
        conflicts: conflicts::find_in(&merged, &index, &scope_of(&all_touches)),
        texts_edited_on_several: texts_on_several(&merged, &all_touches, &names),
        deleted_while_edited: deleted_while_edited(&merged, &all_touches, &names),
        votes_over_limit: over_limit(&merged)?,
    };
    Ok((merged, report))
}

/// What each file changed since the files' common past. A diff walks its whole document, so
/// the files are diffed side by side on the machine's cores.
fn touches_per_file(sources: &mut [MergeSource], common: &[automerge::ChangeHash]) -> Vec<Touches> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = sources.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = sources
            .chunks_mut(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter_mut()
                        .map(|source| {
                            let am = source.doc.automerge();
                            let heads = am.get_heads();
                            touches::classify(&am.diff(common, &heads))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            // A panic inside automerge's diff reaches the caller as a panic, as it would without
            // threads; `guarded` in the app turns it into an error.
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    })
}

/// The fields any file wrote since the common past: where conflicts can be.
fn scope_of(all: &[Touches]) -> conflicts::Scope {
    let mut scope = conflicts::Scope::default();
    let can_conflict = |field: &String| {
        field == "id"
            || crate::model::schema::workshop_field(field).is_some_and(|s| !s.ty.is_container())
    };
    for touches in all {
        scope
            .workshop
            .extend(touches.workshop.iter().filter(|f| can_conflict(f)).cloned());
        for (item, fields) in &touches.changed {
            scope
                .items
                .entry(item.clone())
                .or_default()
                .extend(fields.iter().cloned());
        }
        for item in &touches.deleted {
            scope
                .items
                .entry(item.clone())
                .or_default()
                .insert("deleted".into());
        }
    }
    scope
}

fn kind_counts(all: &[Touches]) -> Vec<KindCounts> {
    let mut added: BTreeSet<&ItemKey> = BTreeSet::new();
    let mut changed: BTreeSet<&ItemKey> = BTreeSet::new();
    let mut deleted: BTreeSet<&ItemKey> = BTreeSet::new();
    for touches in all {
        added.extend(touches.added.iter());
        changed.extend(touches.changed.keys());
        deleted.extend(touches.deleted.iter());
    }
    changed.retain(|item| !added.contains(item));
    Kind::ALL
        .iter()
        .map(|kind| {
            let count = |set: &BTreeSet<&ItemKey>| set.iter().filter(|(k, _)| k == kind).count();
            KindCounts {
                kind: kind.name().to_owned(),
                added: count(&added),
                changed: count(&changed),
                deleted: count(&deleted),
            }
        })
        .filter(|c| c.added + c.changed + c.deleted > 0)
        .collect()
}

fn texts_on_several(
    merged: &WorkshopDoc,
    all: &[Touches],
    names: &[&str],
) -> Vec<TextEditedOnSeveral> {
    let mut by_text: BTreeMap<&(ItemKey, String), Vec<String>> = BTreeMap::new();
    for (touches, name) in all.iter().zip(names) {
        for text in &touches.texts {
            by_text.entry(text).or_default().push((*name).to_owned());
        }
    }
    by_text
        .into_iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|(((kind, id), field), files)| TextEditedOnSeveral {
            item: conflicts::item_ref(merged, *kind, id),
            field: field.clone(),
            files,
        })
        .collect()
}

fn deleted_while_edited(
    merged: &WorkshopDoc,
    all: &[Touches],
    names: &[&str],
) -> Vec<DeletedWhileEdited> {
    let mut deleted: BTreeMap<&ItemKey, Vec<String>> = BTreeMap::new();
    for (touches, name) in all.iter().zip(names) {
        for item in &touches.deleted {
            deleted.entry(item).or_default().push((*name).to_owned());
        }
    }
    let mut found = Vec::new();
    for (item, deleted_in) in deleted {
        let edited_in: Vec<String> = all
            .iter()
            .zip(names)
            .filter(|(touches, name)| {
                !deleted_in.iter().any(|d| d == *name)
                    && touches
                        .changed
                        .get(item)
                        .is_some_and(|fields| fields.iter().any(|f| f != "deleted"))
            })
            .map(|(_, name)| (*name).to_owned())
            .collect();
        if !edited_in.is_empty() {
            found.push(DeletedWhileEdited {
                item: conflicts::item_ref(merged, item.0, &item.1),
                deleted_in,
                edited_in,
            });
        }
    }
    found
}

fn over_limit(merged: &WorkshopDoc) -> Result<Vec<OverLimitVote>, DocumentError> {
    let mut found = Vec::new();
    // Many excess votes name the same few participants: read each label once.
    let mut participants: BTreeMap<String, String> = BTreeMap::new();
    for round in crate::votes::tally(merged)? {
        let round_ref = conflicts::item_ref(merged, Kind::VoteRound, &round.round);
        for excess in round.excess {
            let participant = participants
                .entry(excess.participant.clone())
                .or_insert_with(|| conflicts::label(merged, Kind::Participant, &excess.participant))
                .clone();
            found.push(OverLimitVote {
                round: round_ref.clone(),
                vote: excess.vote,
                participant,
                item: excess.item,
                laptop: excess.laptop,
            });
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests;
