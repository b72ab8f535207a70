//! Where the app keeps its data.

use std::path::PathBuf;

/// Set this to keep the data somewhere else (another laptop's USB stick, a test's own folder).
pub const DATA_DIR_ENV: &str = "SYSTEMATIC_DATA_DIR";
/// The folder name under the platform's data folder.
pub const APP_FOLDER: &str = "systematic-workshop";

/// The data folder, and whether the app may create it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFolder {
    pub path: PathBuf,
    /// The platform folder is created on first launch. A folder the user chose is not: if a USB
    /// stick is not plugged in, creating its mount point would quietly save on the laptop instead.
    pub create_if_missing: bool,
}

impl DataFolder {
    /// A folder the user chose; it must already exist.
    pub fn chosen(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            create_if_missing: false,
        }
    }
}

/// `SYSTEMATIC_DATA_DIR` when set and not empty, else the platform data folder
/// (`~/.local/share/systematic-workshop` on Linux).
pub fn resolve(env_value: Option<std::ffi::OsString>) -> DataFolder {
    match env_value {
        Some(value) if !value.is_empty() => DataFolder::chosen(value),
        _ => DataFolder {
            path: dirs::data_dir()
                .unwrap_or_else(|| PathBuf::from("."))
                .join(APP_FOLDER),
            create_if_missing: true,
        },
    }
}

/// [`resolve`] with the process environment.
pub fn from_env() -> DataFolder {
    resolve(std::env::var_os(DATA_DIR_ENV))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_variable_wins_and_is_never_created() {
        let folder = resolve(Some("/media/usb".into()));
        assert_eq!(folder, DataFolder::chosen("/media/usb"));
        assert!(!folder.create_if_missing);
    }

    #[test]
    fn without_it_the_platform_folder_is_used_and_created() {
        for value in [None, Some("".into())] {
            let folder = resolve(value);
            assert!(folder.path.ends_with(APP_FOLDER));
            assert!(folder.create_if_missing);
        }
    }
}
