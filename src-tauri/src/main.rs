//! The SysteMatic Workshop desktop app: a thin Tauri shell. It opens the store in the data folder,
//! forwards every request from the UI to `systematic_core::App`, and shows file choosers.

mod files;
mod outside;
mod print;
mod window_state;

use std::sync::Mutex;
use systematic_core::{data_dir, App};
use systematic_ipc::{
    AppError, ErrorKind, FilePurpose, Request, Response, MAIN_WINDOW, PROJECTOR_WINDOW,
    PROJECTOR_WINDOW_EVENT,
};
use tauri::Manager;

/// The IPC command for every [`Request`] (`systematic_ipc::DISPATCH_COMMAND`). Async, so a save's
/// fsync never freezes the window; requests still run one at a time behind the lock.
#[tauri::command(async)]
fn dispatch(
    window: tauri::Window,
    state: tauri::State<'_, Mutex<App>>,
    chosen: tauri::State<'_, files::Chosen>,
    request: Request,
) -> Result<Response, AppError> {
    // The projector faces the room: it may read what it shows, and change nothing.
    if window.label() == PROJECTOR_WINDOW && !projector_may_ask(&request) {
        return Err(AppError::new(ErrorKind::Internal, "error-internal")
            .with("detail", "the projector window only shows"));
    }
    // A panic in an earlier request must not lock the facilitator out of their workshop.
    let mut app = state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // The web view may only name files the person picked in a file chooser, or gave the app to
    // open (a double-click, the recent files).
    // (The recent files are read only for a request that names a file not otherwise allowed.)
    chosen
        .check(&request, &[])
        .or_else(|_| chosen.check(&request, &app.recent_files()))?;
    let takes_away = matches!(
        request,
        Request::ForgetPersonalDetails { .. } | Request::LockWorkshop { .. }
    );
    let answer = app.handle(request);
    if takes_away && answer.is_ok() {
        print::forget_printouts(&print::printout_folder());
    }
    answer
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

/// Typesets a printout (`systematic_ipc::PRINT_COMMAND`) on a worker thread and sends it where
/// the Print dialog said, telling `on_progress` the steps done (of `systematic_print::Step::COUNT`).
#[tauri::command(async)]
fn print(
    window: tauri::Window,
    state: tauri::State<'_, Mutex<App>>,
    chosen: tauri::State<'_, files::Chosen>,
    request: systematic_ipc::PrintRequest,
    on_progress: tauri::ipc::Channel<u32>,
) -> Result<systematic_ipc::PrintOutcome, AppError> {
    if window.label() == PROJECTOR_WINDOW {
        return Err(AppError::new(ErrorKind::Internal, "error-internal")
            .with("detail", "the projector window only shows"));
    }
    let temp = print::printout_folder();
    // A closed dialog no longer listens; the printout goes on regardless.
    let mut progress = |step: systematic_print::Step| {
        let _ = on_progress.send(step.done());
    };
    print::print(&state, &chosen, &temp, request, &mut progress)
}

/// The session files given to the app from outside and not opened yet
/// (`systematic_ipc::TAKE_OPENED_FILES_COMMAND`); see `outside.rs`.
#[tauri::command]
fn take_opened_files(
    window: tauri::Window,
    arrivals: tauri::State<'_, outside::Arrivals>,
) -> Vec<String> {
    if window.label() == PROJECTOR_WINDOW {
        return Vec::new();
    }
    arrivals.take()
}

/// The diagnostic report (`systematic_ipc::DIAGNOSTIC_REPORT_COMMAND`), which the UI shows
/// before it is copied; see `systematic_core::diagnostics`.
#[tauri::command(async)]
fn diagnostic_report(state: tauri::State<'_, Mutex<App>>) -> String {
    let data_dir = state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .data_dir()
        .to_path_buf();
    let webview = tauri::webview_version().unwrap_or_else(|e| format!("unknown ({e})"));
    tracing::info!("diagnostic report made");
    systematic_core::diagnostics::report(&data_dir, &webview)
}

/// The only requests the projector window may send.
fn projector_may_ask(request: &Request) -> bool {
    matches!(request, Request::Projector)
}

/// Opens the projector window (`systematic_ipc::OPEN_PROJECTOR_COMMAND`), or brings it forward
/// if it is open. The facilitator drags it onto the projector's screen and makes it full screen.
#[tauri::command]
fn open_projector(app: tauri::AppHandle) -> Result<(), AppError> {
    use tauri::Manager;
    if let Some(window) = app.get_webview_window(PROJECTOR_WINDOW) {
        return window.set_focus().map_err(window_error);
    }
    tauri::WebviewWindowBuilder::new(
        &app,
        PROJECTOR_WINDOW,
        tauri::WebviewUrl::App("index.html#projector".into()),
    )
    .title("SysteMatic Workshop: projector")
    .inner_size(1280.0, 720.0)
    .build()
    .map_err(window_error)?;
    tell_projector_state(&app, true);
    Ok(())
}

/// Tells the main window whether the projector window is open, so its "Close" button is only
/// offered when there is something to close.
fn tell_projector_state(app: &tauri::AppHandle, open: bool) {
    use tauri::Emitter;
    let _ = app.emit_to(MAIN_WINDOW, PROJECTOR_WINDOW_EVENT, open);
}

/// Closes the projector window (`systematic_ipc::CLOSE_PROJECTOR_COMMAND`) as its own close
/// button would, so the window-state plugin keeps its size and place for the next time it opens.
/// Closing a projector that is not open does nothing.
#[tauri::command]
fn close_projector(app: tauri::AppHandle) -> Result<(), AppError> {
    use tauri::Manager;
    match app.get_webview_window(PROJECTOR_WINDOW) {
        Some(window) => window.close().map_err(window_error),
        None => Ok(()),
    }
}

fn window_error(error: tauri::Error) -> AppError {
    AppError::new(ErrorKind::Internal, "error-projector-window").with("detail", error.to_string())
}

fn main() {
    // Session files from others are opened first in a child copy of the app with bounded
    // memory; in that child this call does the checking and exits before any window.
    systematic_core::untrusted::serve_or_register();
    let folder = data_dir::from_env();
    let cwd = std::env::current_dir().unwrap_or_default();
    // A file name that is not UTF-8 cannot be named over IPC; it is left out, not a panic.
    let given = outside::files_in_args(
        std::env::args_os()
            .skip(1)
            .filter_map(|arg| arg.into_string().ok()),
        &cwd,
    );
    let result = tauri::Builder::default()
        // First: a second launch on the same data folder hands its files to the running app and
        // exits here, before it touches the store or opens a window.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(format!("org.systematic.workshop.{}", folder.instance_key()))
                .callback(outside::second_launch)
                .build(),
        )
        .plugin(window_state::plugin())
        .plugin(tauri_plugin_dialog::init())
        .on_window_event(|window, event| {
            window_state::notice(event);
            // However the projector went (its own close button, the app's, the app quitting).
            if window.label() == PROJECTOR_WINDOW && matches!(event, tauri::WindowEvent::Destroyed)
            {
                tell_projector_state(window.app_handle(), false);
            }
        })
        .manage(files::Chosen::default())
        .manage(outside::Arrivals::default())
        .setup(move |tauri_app| {
            // Opened here rather than before the builder, so a second launch never opens it.
            let app = App::open(folder);
            systematic_core::logging::start(app.data_dir());
            let chosen = tauri_app.state::<files::Chosen>();
            // Files named at launch were given by the person, in the file manager or a shell.
            chosen.remember_to_open(&given);
            tauri_app.state::<outside::Arrivals>().push(given);
            tauri_app.manage(Mutex::new(app));
            window_state::save_while_running(tauri_app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            dispatch,
            choose_files,
            open_projector,
            close_projector,
            print,
            take_opened_files,
            diagnostic_report
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        tracing::error!("the window could not start");
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
        assert_eq!(
            systematic_ipc::OPEN_PROJECTOR_COMMAND,
            stringify!(open_projector)
        );
        assert_eq!(
            systematic_ipc::CLOSE_PROJECTOR_COMMAND,
            stringify!(close_projector)
        );
        assert_eq!(systematic_ipc::PRINT_COMMAND, stringify!(print));
        assert_eq!(
            systematic_ipc::TAKE_OPENED_FILES_COMMAND,
            stringify!(take_opened_files)
        );
        assert_eq!(
            systematic_ipc::DIAGNOSTIC_REPORT_COMMAND,
            stringify!(diagnostic_report)
        );
    }

    #[test]
    fn the_projector_may_only_read_what_it_shows() {
        use systematic_ipc::{Request, WorkshopId};
        assert!(super::projector_may_ask(&Request::Projector));
        let workshop = WorkshopId("w".into());
        for request in [
            Request::ListWorkshops,
            Request::Facilitation {
                workshop: workshop.clone(),
            },
            Request::Edit {
                workshop,
                ops: Vec::new(),
            },
        ] {
            assert!(!super::projector_may_ask(&request), "{request:?}");
        }
    }
}
