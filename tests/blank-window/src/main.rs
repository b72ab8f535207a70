//! A blank Tauri 2 window with a static page: the same shell, web view and window size as
//! SysteMatic Workshop and nothing else, so `measure` can time the app's start-up against it.

fn main() {
    if let Err(error) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("the blank window could not start: {error}");
        std::process::exit(1);
    }
}
