use crate::model::{
    AppStatus, NewWorkshop, Persona, PersonaDraft, PersonaId, WorkshopId, WorkshopSummary,
    WorkshopView,
};
use serde::{Deserialize, Serialize};

/// The name of the one Tauri command; its single argument is called `request`.
pub const DISPATCH_COMMAND: &str = "dispatch";

/// Everything the UI can ask of the app.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Request {
    /// Where the data lives and whether it is usable.
    Status,
    ListWorkshops,
    CreateWorkshop {
        workshop: NewWorkshop,
    },
    OpenWorkshop {
        id: WorkshopId,
    },
    /// Opens the built-in "What matters for Esther?" workshop, creating it the first time.
    OpenDemoWorkshop,
    AddPersona {
        workshop: WorkshopId,
        persona: PersonaDraft,
    },
    UpdatePersona {
        workshop: WorkshopId,
        id: PersonaId,
        persona: PersonaDraft,
    },
}

/// The answer to a [`Request`]; each request has exactly one matching variant.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Response {
    Status(AppStatus),
    Workshops(Vec<WorkshopSummary>),
    Workshop(WorkshopView),
    Persona(Persona),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_round_trip_through_json() {
        let request = Request::UpdatePersona {
            workshop: WorkshopId("w1".into()),
            id: PersonaId("p1".into()),
            persona: PersonaDraft {
                name: "Esther".into(),
                age: Some(88),
                conditions: vec!["Heart failure".into()],
                ..PersonaDraft::default()
            },
        };
        let json = serde_json::to_string(&request).unwrap();
        assert!(json.contains(r#""type":"update_persona""#), "{json}");
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), request);
    }

    #[test]
    fn a_missing_date_is_null_not_an_error() {
        let json = r#"{"type":"create_workshop","workshop":{"title":"T","date":null,"venue":"","facilitator":""}}"#;
        let request: Request = serde_json::from_str(json).unwrap();
        assert!(matches!(request, Request::CreateWorkshop { workshop } if workshop.date.is_none()));
    }
}
