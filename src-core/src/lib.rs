//! The pure engine of SysteMatic Workshop: the workshop model on Automerge, the local SQLite store,
//! validation limits and the request handler the shell calls. Nothing here knows about windows,
//! Tauri or the web view; everything is testable from plain Rust.

pub mod analysis;
pub mod app;
pub mod data_dir;
pub mod demo;
pub mod diagnostics;
pub mod document;
pub mod error;
pub mod facilitation;
pub mod fuzzing;
pub mod inspect;
pub mod interchange;
pub mod layout;
pub mod limits;
pub mod logging;
pub mod merge;
pub mod model;
pub mod ops;
pub mod protection;
pub mod session_file;
pub mod store;
pub mod tables;
pub mod templates;
pub mod untrusted;
pub mod votes;
pub mod workload;

pub use app::App;
pub use error::CoreError;
