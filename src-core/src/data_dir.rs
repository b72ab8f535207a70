//! Where the app keeps its data.

use std::path::PathBuf;

/// Set this to keep the data somewhere else (another laptop's USB stick, a test's own folder).
pub const DATA_DIR_ENV: &str = "SYSTEMATIC_DATA_DIR";
/// The folder name under the platform's data folder.
pub const APP_FOLDER: &str = "systematic-workshop";

/// `SYSTEMATIC_DATA_DIR` when set and not empty, else the platform data folder
/// (`~/.local/share/systematic-workshop` on Linux).
pub fn resolve(env_value: Option<std::ffi::OsString>) -> PathBuf {
    match env_value {
        Some(value) if !value.is_empty() => PathBuf::from(value),
        _ => dirs::data_dir()
            .unwrap_or_else(|| PathBuf::from("."))
            .join(APP_FOLDER),
    }
}

/// [`resolve`] with the process environment.
pub fn from_env() -> PathBuf {
    resolve(std::env::var_os(DATA_DIR_ENV))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_variable_wins() {
        assert_eq!(
            resolve(Some("/media/usb".into())),
            PathBuf::from("/media/usb")
        );
    }

    #[test]
    fn without_it_the_platform_folder_is_used() {
        assert!(resolve(None).ends_with(APP_FOLDER));
        assert!(resolve(Some("".into())).ends_with(APP_FOLDER));
    }
}
