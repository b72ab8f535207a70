//! Window size and position kept between runs (tauri-plugin-window-state), for the main window
//! and the projector: a projector window that was closed comes back on the screen it was on.
//!
//! The plugin writes its file when the app exits. A laptop that runs out of battery never
//! exits, so the state is also saved every few seconds after a window moved or changed size.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tauri_plugin_window_state::{AppHandleExt, StateFlags};

/// Size, place, maximised and full screen; never "hidden" (a window restored hidden would look
/// like an app that did not start) nor decorations (the app does not change them).
fn flags() -> StateFlags {
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED | StateFlags::FULLSCREEN
}

/// How long after a move or resize the state is written at the latest.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// Set when a window moved, changed size or closed since the state was last written.
static CHANGED: AtomicBool = AtomicBool::new(false);

pub fn plugin() -> tauri::plugin::TauriPlugin<tauri::Wry> {
    tauri_plugin_window_state::Builder::new()
        .with_state_flags(flags())
        .build()
}

/// Notes the window events that change what is saved (the plugin keeps the values).
pub fn notice(event: &tauri::WindowEvent) {
    if matches!(
        event,
        tauri::WindowEvent::Moved(_)
            | tauri::WindowEvent::Resized(_)
            | tauri::WindowEvent::CloseRequested { .. }
    ) {
        CHANGED.store(true, Ordering::Relaxed);
    }
}

/// Writes the state a little after each change, for as long as the app runs.
pub fn save_while_running(app: tauri::AppHandle) {
    std::thread::spawn(move || loop {
        std::thread::sleep(SAVE_EVERY);
        if CHANGED.swap(false, Ordering::Relaxed) {
            if let Err(error) = app.save_window_state(flags()) {
                tracing::warn!(%error, "window size and place not saved");
            }
        }
    });
}
