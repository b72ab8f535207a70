//! One Leptos component per file.

pub mod app;
pub mod error_message;
pub mod home;
pub mod new_workshop_form;
pub mod persona_card;
pub mod persona_form;
pub mod workshop_list;
pub mod workshop_page;
