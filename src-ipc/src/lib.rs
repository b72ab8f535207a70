//! Everything that crosses the boundary between the wasm UI and the Tauri shell, defined once.
//!
//! The UI sends one [`Request`] through the single Tauri command [`DISPATCH_COMMAND`] and gets back
//! either a [`Response`] or an [`AppError`]. This crate is serde-only so that it compiles both natively
//! (shell, core) and to wasm (UI).

mod analysis;
mod artefacts;
mod error;
mod facilitation;
mod map;
mod merge;
mod model;
mod operation;
mod print;
mod projector;
mod request;

pub use analysis::{
    Bridge, CutPoint, FeedbackLoop, LoopKind, LostRoute, MapAnalysis, NodeCentrality, Reach,
    Reached,
};
pub use artefacts::{
    ContractStatement, Journey, JourneyStep, LearningRecord, NodeChoice, Scenario,
};
pub use error::{AppError, ErrorKind};
pub use facilitation::{
    Action, ActionStatus, Candidate, Facilitation, ItemResult, Note, Participant, Priority, Role,
    RoleGroup, Round, RoundResults, Stage, StageStatus, Template, TemplateStage, Theme,
};
pub use map::{
    ConnectionDraft, FailureDraft, Level, LinkRef, LinkTarget, MapChanges, MapConnection, MapEdit,
    MapEdited, MapFailure, MapNode, MapView, NodeDraft, NodeKind, NodeMove, Polarity, Shape,
    FAILURE_COLOUR, NODE_HEIGHT, NODE_WIDTH,
};
pub use merge::{
    Conflict, ConflictValue, DeletedWhileEdited, FileReport, ItemRef, KindCounts, MergeReport,
    OverLimitVote, TextEditedOnSeveral,
};
pub use model::{
    AppStatus, Backup, HistoryEntry, NewWorkshop, Passphrase, Persona, PersonaDraft, PersonaId,
    PersonalDetails, WorkshopId, WorkshopMeta, WorkshopSummary, WorkshopView,
};
pub use operation::{Operation, TimerAction};
pub use print::{
    CardLayout, PosterSize, PrintDestination, PrintOutcome, PrintRequest, Printout, Worksheet,
    PRINT_COMMAND,
};
pub use projector::{Projected, ProjectorView, Showing};
pub use request::{
    Answer, FilePurpose, Merged, Request, Response, CHOOSE_FILES_COMMAND, CLOSE_PROJECTOR_COMMAND,
    DIAGNOSTIC_REPORT_COMMAND, DISPATCH_COMMAND, FILES_OPENED_EVENT, MAIN_WINDOW,
    OPEN_PROJECTOR_COMMAND, PROJECTOR_WINDOW, PROJECTOR_WINDOW_EVENT, TAKE_OPENED_FILES_COMMAND,
};
