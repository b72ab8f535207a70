//! The built-in demo workshop "What matters for Esther?", shipped in `assets/demo/esther.json`.

use crate::document::typed::persona_fields;
use crate::document::{DocumentError, WorkshopDoc};
use crate::error::CoreError;
use crate::limits;
use crate::model::{Kind, ModelError};
use serde::Deserialize;
use systematic_ipc::{NewWorkshop, PersonaDraft, WorkshopId, WorkshopMeta};

/// The demo always has this id, so opening it twice opens the same workshop.
pub const DEMO_WORKSHOP_ID: &str = "demo-what-matters-for-esther";

const DEMO_JSON: &str = include_str!("../../assets/demo/esther.json");

#[derive(Deserialize)]
struct DemoFile {
    workshop: NewWorkshop,
    personas: Vec<PersonaDraft>,
    /// Esther's frustrations turned into agreed statements (the Jönköping patient contract).
    #[serde(default)]
    contract_statements: Vec<String>,
}

/// The demo's facts and personas, checked against the same limits as anything a user types.
pub fn demo_workshop() -> Result<(WorkshopId, WorkshopMeta, Vec<PersonaDraft>), CoreError> {
    let file: DemoFile = serde_json::from_str(DEMO_JSON).map_err(|e| CoreError::Damaged {
        id: DEMO_WORKSHOP_ID.into(),
        detail: e.to_string(),
    })?;
    let meta = limits::check_new_workshop(&file.workshop)?;
    let personas = file
        .personas
        .iter()
        .map(limits::check_persona)
        .collect::<Result<Vec<_>, _>>()?;
    Ok((WorkshopId(DEMO_WORKSHOP_ID.into()), meta, personas))
}

/// What the demo adds besides its personas: its agenda's template and the six patient contract
/// statements, as operations.
pub fn demo_extras() -> Vec<systematic_ipc::Operation> {
    let Ok(file) = serde_json::from_str::<DemoFile>(DEMO_JSON) else {
        return Vec::new();
    };
    file.contract_statements
        .into_iter()
        .map(|text| systematic_ipc::Operation::Add {
            kind: Kind::ContractStatement.name().into(),
            id: None,
            fields: [("text".to_owned(), serde_json::Value::String(text))]
                .into_iter()
                .collect(),
        })
        .collect()
}

/// The demo workshop as a document made on `laptop` by `actor` at `now`: the same one the app
/// opens with "Open the demo workshop" (printouts and tests start from it too).
pub fn demo_document(
    laptop: &str,
    actor: &automerge::ActorId,
    now: i64,
) -> Result<(WorkshopId, WorkshopDoc), CoreError> {
    let (id, meta, personas) = demo_workshop()?;
    let template = crate::templates::template(DEMO_TEMPLATE, "en-GB")?;
    let extras = demo_extras();
    let doc = crate::store::NewDocument {
        id: &id,
        meta: &meta,
        personas: &personas,
        template: Some(&template),
        locale: "en-GB",
        extras: &extras,
    }
    .build(laptop, actor, now)?;
    Ok((id, doc))
}

/// The template the demo's agenda comes from.
pub const DEMO_TEMPLATE: &str = "esther";

/// The names of the personas any workshop can copy ("Esther", "Britt-Marie, …").
pub fn built_in_persona_names() -> Vec<String> {
    demo_workshop()
        .map(|(_, _, personas)| personas.into_iter().map(|p| p.name).collect())
        .unwrap_or_default()
}

/// Adds a copy of the built-in persona called `name` to `doc` (not committed); answers its id.
pub fn copy_persona(
    doc: &mut WorkshopDoc,
    name: &str,
    now_ms: i64,
) -> Result<String, DocumentError> {
    let not_built_in = || ModelError::NotFound {
        kind: Kind::Persona.name().into(),
        id: name.to_owned(),
    };
    let (_, _, personas) = demo_workshop().map_err(|_| not_built_in())?;
    let draft = personas
        .iter()
        .find(|p| p.name == name)
        .ok_or_else(not_built_in)?;
    doc.add(Kind::Persona, None, &persona_fields(draft), now_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_is_esthers_workshop() {
        let (_, meta, personas) = demo_workshop().unwrap();
        assert_eq!(meta.title, "What matters for Esther?");
        let names: Vec<_> = personas.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"Esther"));
        assert!(names.iter().any(|n| n.starts_with("Britt-Marie")));
        let esther = &personas[0];
        assert!(
            esther.conditions.len() >= 2,
            "Esther lives with several conditions"
        );
        assert!(esther.what_matters.contains("I don't know my next step"));
        assert_eq!(
            demo_extras().len(),
            6,
            "the six patient contract statements"
        );
    }
}
