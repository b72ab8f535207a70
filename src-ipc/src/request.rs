use crate::analysis::{MapAnalysis, Reach};
use crate::facilitation::{Facilitation, Template};
use crate::map::{MapEdit, MapEdited, MapView};
use crate::merge::MergeReport;
use crate::model::{
    AppStatus, Backup, HistoryEntry, NewWorkshop, Passphrase, Persona, PersonaDraft, PersonaId,
    PersonalDetails, WorkshopId, WorkshopSummary, WorkshopView,
};
use crate::operation::Operation;
use crate::projector::{ProjectorView, Showing};
use serde::{Deserialize, Serialize};

/// The name of the Tauri command that carries every [`Request`]; its argument is `request`.
pub const DISPATCH_COMMAND: &str = "dispatch";
/// The name of the Tauri command that shows a file chooser; its argument is `purpose`
/// ([`FilePurpose`]) and it answers the chosen paths, or nothing when the user cancelled.
pub const CHOOSE_FILES_COMMAND: &str = "choose_files";
/// The name of the Tauri command that opens (or brings forward) the projector window.
pub const OPEN_PROJECTOR_COMMAND: &str = "open_projector";
/// The name of the Tauri command that closes the projector window if it is open; its size and
/// place are kept, so it opens again where it was.
pub const CLOSE_PROJECTOR_COMMAND: &str = "close_projector";
/// The name of the Tauri command that hands the UI the session files given to the app from
/// outside (command line, double-click, a second launch) and not opened yet; no arguments.
pub const TAKE_OPENED_FILES_COMMAND: &str = "take_opened_files";
/// The event the main window gets when files arrive from outside while it runs; no payload (the
/// UI then calls [`TAKE_OPENED_FILES_COMMAND`]).
pub const FILES_OPENED_EVENT: &str = "files-opened";
/// The event the main window gets when the projector window opens (`true`) or closes (`false`),
/// by the app's button or the window's own; no projector is open when the app starts.
pub const PROJECTOR_WINDOW_EVENT: &str = "projector-window";
/// The name of the Tauri command that answers the diagnostic report (a `String`); no arguments.
pub const DIAGNOSTIC_REPORT_COMMAND: &str = "diagnostic_report";
/// The window label of the main window.
pub const MAIN_WINDOW: &str = "main";
/// The window label of the projector, whose web view may only ask for [`Request::Projector`].
pub const PROJECTOR_WINDOW: &str = "projector";

/// Why the UI asks the user for files; decides the dialog's title, filter and mode.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FilePurpose {
    /// Where to save a session file, starting from a suggested file name.
    SaveSession { suggested_name: String },
    /// One session file to open.
    OpenSession,
    /// One or more session files to merge.
    MergeSessions,
    /// Map files to bring into the map (Kumu JSON, CSV pair, GraphML, JSON Canvas).
    ImportMap,
    /// Where to export the map, in `format` (a `MapFormat` name such as `kumu` or `png`).
    ExportMap {
        suggested_name: String,
        format: String,
    },
    /// Where to save a printout as PDF.
    SavePdf { suggested_name: String },
}

/// Everything the UI can ask of the app.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, strum::IntoStaticStr)]
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
    /// Names this laptop ("Table 2"); the name is carried on every change it makes.
    SetLaptopName {
        name: String,
    },
    /// Writes the workshop to a session file at `path` (chosen in a save dialog).
    /// With a passphrase, the file is encrypted to it (an age file).
    SaveSessionFile {
        workshop: WorkshopId,
        path: String,
        #[serde(default)]
        passphrase: Option<Passphrase>,
    },
    /// Brings a session file's workshop onto this laptop. A file protected with a passphrase
    /// needs it (answered `error-session-needs-passphrase` without).
    OpenSessionFile {
        path: String,
        #[serde(default)]
        passphrase: Option<Passphrase>,
    },
    /// Merges other laptops' session files into this laptop's copy of the workshop. Files of a
    /// different workshop are refused unless `force` (the user confirmed).
    MergeSessionFiles {
        workshop: WorkshopId,
        paths: Vec<String>,
        force: bool,
        /// For files protected with a passphrase (one passphrase for all of them).
        #[serde(default)]
        passphrase: Option<Passphrase>,
    },
    /// Protects a workshop with a passphrase: from now on it is stored encrypted and opens only
    /// once unlocked. It stays unlocked until the app closes or it is locked.
    ProtectWorkshop {
        workshop: WorkshopId,
        passphrase: Passphrase,
    },
    /// Opens a protected workshop for this run of the app.
    UnlockWorkshop {
        workshop: WorkshopId,
        passphrase: Passphrase,
    },
    /// Forgets a protected workshop's key until it is unlocked again.
    LockWorkshop {
        workshop: WorkshopId,
    },
    /// Stores the workshop unencrypted again; needs its passphrase.
    UnprotectWorkshop {
        workshop: WorkshopId,
        passphrase: Passphrase,
    },
    /// Settles a conflict by picking a value for the field, recorded as a new change. `kind` is
    /// `workshop` for the workshop's own facts.
    SettleConflict {
        workshop: WorkshopId,
        kind: String,
        id: String,
        field: String,
        value: serde_json::Value,
    },
    /// Undoes this laptop's latest edit, or redoes the latest undo, as a new change.
    Undo {
        workshop: WorkshopId,
    },
    Redo {
        workshop: WorkshopId,
    },
    /// Who changed what, and when, newest first.
    History {
        workshop: WorkshopId,
    },
    /// Brings back the workshop as it was after the change `hash`, as a new change.
    RestoreVersion {
        workshop: WorkshopId,
        hash: String,
    },
    /// The workshop's automatic backups, newest first.
    Backups {
        workshop: WorkshopId,
    },
    /// Brings the workshop back to a backup, as a new change (or in place of a damaged one).
    RestoreBackup {
        workshop: WorkshopId,
        name: String,
    },
    /// Keeps a participant's real name and contact on this laptop only.
    SetPersonalDetails {
        workshop: WorkshopId,
        participant: String,
        details: PersonalDetails,
    },
    GetPersonalDetails {
        workshop: WorkshopId,
        participant: String,
    },
    /// Deletes a participant's personal details for good (consent withdrawn).
    ForgetPersonalDetails {
        workshop: WorkshopId,
        participant: String,
    },
    /// The workshop's system map.
    Map {
        workshop: WorkshopId,
    },
    /// Edits the map; the list is written as one change, so it undoes as one.
    EditMap {
        workshop: WorkshopId,
        edits: Vec<MapEdit>,
    },
    /// Lays the map out automatically, leaving pinned nodes where they are (one change).
    LayoutMap {
        workshop: WorkshopId,
    },
    /// Feedback loops, single points of failure, centrality and reach of the map.
    AnalyzeMap {
        workshop: WorkshopId,
    },
    /// Everything downstream of a node: what is affected if it fails.
    MapReach {
        workshop: WorkshopId,
        node: String,
    },
    /// Adds the map held in other tools' files (picked in a file chooser) to this map, as one
    /// change. Nothing is added if any file has a problem.
    ImportMap {
        workshop: WorkshopId,
        paths: Vec<String>,
    },
    /// Writes the map in `format` (a `MapFormat` name) at `path`; formats of several files (CSV)
    /// write them beside it. Answers the paths written.
    ExportMap {
        workshop: WorkshopId,
        format: String,
        path: String,
    },
    /// The method templates a new workshop can start from, in `locale` where translated.
    Templates {
        locale: String,
    },
    /// The agenda, participants, notes, vote rounds, priorities and actions.
    Facilitation {
        workshop: WorkshopId,
    },
    /// Applies the operations as one change (one undo step) and answers the facilitation view.
    /// Nothing is written if any operation is refused.
    Edit {
        workshop: WorkshopId,
        ops: Vec<Operation>,
    },
    /// Puts `showing` (of this workshop) on the projector window; participant names appear
    /// there only when `show_names`.
    ShowOnProjector {
        workshop: WorkshopId,
        showing: Showing,
        show_names: bool,
    },
    /// What the projector window draws now; nothing until a workshop was put on it.
    Projector,
}

impl Request {
    /// The request's name ("OpenSessionFile"), for the log: it says what was asked and nothing
    /// of what the request carries.
    pub fn name(&self) -> &'static str {
        self.into()
    }

    /// Whether the request changes what is stored on this laptop (a workshop, its personal
    /// details, the laptop's name). The UI's "All changes saved / Saving… / Not saved" follows
    /// these. Listed one by one, so a new request has to be placed on one side or the other.
    pub fn changes_stored_data(&self) -> bool {
        match self {
            Request::CreateWorkshop { .. }
            | Request::OpenDemoWorkshop
            | Request::AddPersona { .. }
            | Request::UpdatePersona { .. }
            | Request::SetLaptopName { .. }
            | Request::OpenSessionFile { .. }
            | Request::MergeSessionFiles { .. }
            | Request::ProtectWorkshop { .. }
            | Request::UnprotectWorkshop { .. }
            | Request::SettleConflict { .. }
            | Request::Undo { .. }
            | Request::Redo { .. }
            | Request::RestoreVersion { .. }
            | Request::RestoreBackup { .. }
            | Request::SetPersonalDetails { .. }
            | Request::ForgetPersonalDetails { .. }
            | Request::EditMap { .. }
            | Request::LayoutMap { .. }
            | Request::ImportMap { .. }
            | Request::Edit { .. } => true,
            Request::Status
            | Request::ListWorkshops
            | Request::OpenWorkshop { .. }
            | Request::SaveSessionFile { .. }
            | Request::UnlockWorkshop { .. }
            | Request::LockWorkshop { .. }
            | Request::History { .. }
            | Request::Backups { .. }
            | Request::GetPersonalDetails { .. }
            | Request::Map { .. }
            | Request::AnalyzeMap { .. }
            | Request::MapReach { .. }
            | Request::ExportMap { .. }
            | Request::Templates { .. }
            | Request::Facilitation { .. }
            | Request::ShowOnProjector { .. }
            | Request::Projector => false,
        }
    }
}

/// One kind of answer: the payload of one [`Response`] variant, and that variant's tag on the
/// wire. The UI decodes only the answer it asked for (`T::TAG`'s payload as `T`): decoding the
/// whole `Response` put every answer's decoder into the home screen's wasm, a sixth of it.
pub trait Answer: serde::de::DeserializeOwned {
    /// The variant's key in `{"tag": payload}` (or the whole answer, for [`Response::Done`]).
    const TAG: &'static str;
}

/// Declares [`Response`] with each variant's wire tag, and the [`Answer`] for its payload, from
/// one list: the tag the UI looks for is the one serde writes, by construction.
macro_rules! responses {
    ($($(#[$doc:meta])* $variant:ident($payload:ty) = $tag:literal,)*) => {
        /// The answer to a [`Request`]; each request has exactly one matching variant.
        ///
        /// Externally tagged (`{"status": {…}}`), like every type inside it: an internally or
        /// adjacently tagged enum, or a flattened field, makes serde buffer the value and compiles
        /// every type in it a second time for the buffer, which was a tenth of the UI's wasm and
        /// slowed its start-up.
        #[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
        pub enum Response {
            $($(#[$doc])* #[serde(rename = $tag)] $variant($payload),)*
            /// The request was carried out and has nothing to show.
            #[serde(rename = "done")]
            Done,
        }

        $(impl Answer for $payload {
            const TAG: &'static str = $tag;
        })*
    };
}

responses! {
    Status(AppStatus) = "status",
    Workshops(Vec<WorkshopSummary>) = "workshops",
    Workshop(WorkshopView) = "workshop",
    Persona(Persona) = "persona",
    /// The merged workshop and what the merge did.
    Merged(Merged) = "merged",
    History(Vec<HistoryEntry>) = "history",
    Backups(Vec<Backup>) = "backups",
    PersonalDetails(Option<PersonalDetails>) = "personal_details",
    Map(MapView) = "map",
    MapEdited(MapEdited) = "map_edited",
    Analysis(MapAnalysis) = "analysis",
    Reach(Reach) = "reach",
    Templates(Vec<Template>) = "templates",
    Facilitation(Box<Facilitation>) = "facilitation",
    Projector(Option<Box<ProjectorView>>) = "projector",
    /// The files a request wrote.
    Written(Vec<String>) = "written",
}

/// [`Response::Done`] carries nothing: serde writes it as the bare string `"done"`.
impl Answer for () {
    const TAG: &'static str = "done";
}

/// The answer to [`Request::MergeSessionFiles`]: the workshop after the merge, and what the merge
/// did.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Merged {
    pub workshop: WorkshopView,
    pub report: MergeReport,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_named_without_what_it_carries() {
        let request = Request::OpenSessionFile {
            path: "/home/esther/Esther's story.systematic".into(),
            passphrase: Some(Passphrase("secret words".into())),
        };
        assert_eq!(request.name(), "OpenSessionFile");
        assert_eq!(Request::Status.name(), "Status");
    }

    #[test]
    fn edits_count_as_changes_and_reads_do_not() {
        let id = WorkshopId("w".into());
        assert!(Request::Edit {
            workshop: id.clone(),
            ops: vec![]
        }
        .changes_stored_data());
        assert!(Request::AddPersona {
            workshop: id.clone(),
            persona: PersonaDraft::default()
        }
        .changes_stored_data());
        assert!(!Request::Facilitation {
            workshop: id.clone()
        }
        .changes_stored_data());
        assert!(!Request::OpenWorkshop { id }.changes_stored_data());
        assert!(!Request::Projector.changes_stored_data());
    }

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

    /// The UI finds an answer by its tag (`Answer::TAG`): it must be the key serde writes.
    #[test]
    fn each_answer_is_found_under_its_tag() {
        let json = serde_json::to_value(Response::Written(vec!["a.pdf".into()])).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ (<Vec<String> as Answer>::TAG): ["a.pdf"] })
        );
        let json = serde_json::to_value(Response::PersonalDetails(None)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ (<Option<PersonalDetails>>::TAG): null })
        );
        let json = serde_json::to_value(Response::Done).unwrap();
        assert_eq!(json, serde_json::json!(<()>::TAG));
        // Every variant has its own tag, and Done's is the one serde writes.
        let unknown = serde_json::from_str::<Response>(r#"{"no such answer": null}"#)
            .unwrap_err()
            .to_string();
        for tag in [
            <AppStatus as Answer>::TAG,
            <Vec<WorkshopSummary>>::TAG,
            <WorkshopView>::TAG,
            <Persona>::TAG,
            <Merged>::TAG,
            <Vec<HistoryEntry>>::TAG,
            <Vec<Backup>>::TAG,
            <MapView>::TAG,
            <MapEdited>::TAG,
            <MapAnalysis>::TAG,
            <Reach>::TAG,
            <Vec<Template>>::TAG,
            <Box<Facilitation>>::TAG,
            <Option<Box<ProjectorView>>>::TAG,
            <()>::TAG,
        ] {
            assert!(unknown.contains(&format!("`{tag}`")), "{tag} in {unknown}");
        }
    }

    #[test]
    fn a_missing_date_is_null_not_an_error() {
        let json = r#"{"type":"create_workshop","workshop":{"title":"T","date":null,"venue":"","facilitator":""}}"#;
        let request: Request = serde_json::from_str(json).unwrap();
        assert!(matches!(request, Request::CreateWorkshop { workshop } if workshop.date.is_none()));
    }
}
