//! The SysteMatic Workshop desktop app: a thin Tauri shell. It opens the store in the data folder,
//! forwards every request from the UI to `systematic_core::App`, and shows file choosers.

mod files;

use std::sync::Mutex;
use systematic_core::{data_dir, App};
use systematic_ipc::{AppError, FilePurpose, Request, Response};

/// The IPC command for every [`Request`] (`systematic_ipc::DISPATCH_COMMAND`). Async, so a save's
/// fsync never freezes the window; requests still run one at a time behind the lock.
#[tauri::command(async)]
fn dispatch(
    state: tauri::State<'_, Mutex<App>>,
    chosen: tauri::State<'_, files::Chosen>,
    request: Request,
) -> Result<Response, AppError> {
    // The web view may only name files the person picked in a file chooser.
    chosen.check(&request)?;
    // A panic in an earlier request must not lock the facilitator out of their workshop.
    let mut app = state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    app.handle(request)
}

/// Shows a file chooser (`systematic_ipc::CHOOSE_FILES_COMMAND`); `None` when cancelled.
#[tauri::command(async)]
fn choose_files(
    app: tauri::AppHandle,
    chosen: tauri::State<'_, files::Chosen>,
    purpose: FilePurpose,
) -> Option<Vec<String>> {
    let paths = files::choose(&app, &purpose)?;
    chosen.remember(&paths);
    Some(paths)
}

fn main() {
    let app = App::open(data_dir::from_env());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Mutex::new(app))
        .manage(files::Chosen::default())
        .invoke_handler(tauri::generate_handler![dispatch, choose_files])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("SysteMatic Workshop could not start its window: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_names_are_the_shared_ones() {
        // generate_handler! names the commands after the functions above.
        assert_eq!(systematic_ipc::DISPATCH_COMMAND, stringify!(dispatch));
        assert_eq!(
            systematic_ipc::CHOOSE_FILES_COMMAND,
            stringify!(choose_files)
        );
    }
}
