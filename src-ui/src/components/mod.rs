//! One Leptos component per file.

pub mod app;
pub mod conflict_choice;
pub mod error_message;
pub mod force_merge_confirm;
pub mod history_panel;
pub mod home;
pub mod laptop_setup;
pub mod merge_report_view;
pub mod new_workshop_form;
pub mod persona_card;
pub mod persona_form;
pub mod portrait;
pub mod portrait_picker;
pub mod session_bar;
pub mod workshop_list;
pub mod workshop_page;
