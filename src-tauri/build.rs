fn main() {
    // Declaring the app's commands makes Tauri require an explicit permission for each, so the
    // capability file is the complete list of what the UI may call.
    let manifest = tauri_build::AppManifest::new().commands(&[
        "dispatch",
        "choose_files",
        "open_projector",
        "close_projector",
        "print",
        "take_opened_files",
        "diagnostic_report",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("failed to run tauri-build");
}
