//! The SysteMatic Workshop desktop app: a thin Tauri shell. It opens the store in the data folder,
//! then forwards every request from the UI to `systematic_core::App`.

use std::sync::Mutex;
use systematic_core::{data_dir, App};
use systematic_ipc::{AppError, Request, Response};

/// The one IPC command (`systematic_ipc::DISPATCH_COMMAND`). Async, so a save's fsync never
/// freezes the window; requests still run one at a time behind the lock.
#[tauri::command(async)]
fn dispatch(state: tauri::State<'_, Mutex<App>>, request: Request) -> Result<Response, AppError> {
    // A panic in an earlier request must not lock the facilitator out of their workshop.
    let mut app = state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    app.handle(request)
}

fn main() {
    let app = App::open(data_dir::from_env());
    let result = tauri::Builder::default()
        .manage(Mutex::new(app))
        .invoke_handler(tauri::generate_handler![dispatch])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("SysteMatic Workshop could not start its window: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_name_is_the_shared_one() {
        // generate_handler! names the command after the function above.
        assert_eq!(systematic_ipc::DISPATCH_COMMAND, stringify!(dispatch));
    }
}
