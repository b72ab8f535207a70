//! The genesis: the first change of every workshop document, the same bytes in every copy.
//!
//! It is made by a fixed actor at time 0 and holds only the format marker and empty containers
//! (the workshop map with its lists, and one map per kind of item). Two laptops that each created
//! "the same" workshop before sharing a file therefore share these containers, and a forced merge
//! keeps both sides' items instead of one side's whole collection vanishing behind the other's.
//! A later layout change must likewise be a fixed-actor, time-0 change with fixed contents.

use super::{FORMAT_NAME, FORMAT_VERSION};
use crate::model::schema::WORKSHOP_FIELDS;
use crate::model::{Kind, WORKSHOP_FIELDS_KEY};
use automerge::transaction::{CommitOptions, Transactable};
use automerge::{ActorId, AutoCommit, ObjType, ScalarValue, ROOT};

/// The actor of the genesis change; no laptop ever uses it.
pub const GENESIS_ACTOR: &[u8; 16] = b"systematic-gen-1";

/// A fresh document holding only the genesis change.
pub fn document() -> AutoCommit {
    let mut doc = AutoCommit::new().with_actor(ActorId::from(GENESIS_ACTOR.as_slice()));
    write(&mut doc).expect("writing the fixed genesis to an empty document cannot fail");
    doc.commit_with(CommitOptions::default().with_time(0));
    doc
}

fn write(doc: &mut AutoCommit) -> Result<(), automerge::AutomergeError> {
    doc.put(ROOT, "format", FORMAT_NAME)?;
    doc.put(ROOT, "format_version", ScalarValue::Uint(FORMAT_VERSION))?;
    let workshop = doc.put_object(ROOT, WORKSHOP_FIELDS_KEY, ObjType::Map)?;
    for spec in WORKSHOP_FIELDS {
        if spec.ty.is_container() {
            super::fields::create_container(doc, &workshop, spec)?;
        }
    }
    for kind in Kind::ALL {
        doc.put_object(ROOT, kind.collection(), ObjType::Map)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_genesis_is_the_same_change_every_time() {
        let a = document().get_heads();
        let b = document().get_heads();
        assert_eq!(a, b);
        assert_eq!(a.len(), 1);
    }

    /// Changing the genesis makes new workshops unmergeable with every workshop made before: this
    /// test pins its hash so such a change cannot happen by accident.
    #[test]
    fn the_genesis_hash_is_pinned() {
        let heads = document().get_heads();
        assert_eq!(heads[0].to_string(), GENESIS_HASH);
    }

    const GENESIS_HASH: &str = "aa296c64b6f20d4444dd1bca3ec243697381bc5bf330e24148ecd3a93f1e2a80";
}
