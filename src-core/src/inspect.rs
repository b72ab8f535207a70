//! The whole workshop as JSON (`systematic inspect --json`, `export --format json`). The shape is
//! documented in `docs/FORMAT.md`; keys are sorted and items ordered by creation time then id,
//! so two documents with the same contents print the same bytes whatever order they merged in.

use crate::document::{DocumentError, WorkshopDoc, FORMAT_NAME, FORMAT_VERSION};
use crate::merge::changes::ChangeIndex;
use crate::model::Kind;
use serde_json::{Map, Value as Json};

/// The model as a JSON value.
pub fn model_json(doc: &mut WorkshopDoc) -> Result<Json, DocumentError> {
    let mut root = Map::new();
    root.insert("format".into(), Json::from(FORMAT_NAME));
    root.insert("format_version".into(), Json::from(FORMAT_VERSION));
    root.insert("id".into(), Json::from(doc.workshop_id()?));
    let workshop: Map<String, Json> = doc
        .workshop_fields()?
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.to_json()))
        .collect();
    root.insert("workshop".into(), Json::Object(workshop));
    for kind in Kind::ALL {
        let items = doc
            .items(*kind)?
            .iter()
            .map(|item| item.to_json())
            .collect();
        root.insert(kind.collection().into(), Json::Array(items));
    }
    let results = crate::votes::tally(doc)?;
    root.insert(
        "vote_results".into(),
        serde_json::to_value(results).unwrap_or_default(),
    );
    let index = ChangeIndex::of(doc.automerge());
    let conflicts = crate::merge::conflicts::find(doc, &index);
    root.insert(
        "conflicts".into(),
        serde_json::to_value(conflicts).unwrap_or_default(),
    );
    Ok(Json::Object(root))
}
