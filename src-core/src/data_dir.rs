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

    /// A name for "the app running on this data folder", for the single-instance lock: the same
    /// folder (however it is written) gives the same name, two folders two names, so copies on
    /// different folders (a test's, a USB stick's) never hand files to each other. Letters and
    /// digits only, starting with a letter, as a D-Bus name element must.
    pub fn instance_key(&self) -> String {
        use sha2::{Digest, Sha256};
        let path = std::fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone());
        let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
        let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("d{hex}")
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
    fn one_folder_is_one_instance_however_it_is_written() {
        let dir = tempfile::tempdir().expect("temp");
        let other = tempfile::tempdir().expect("temp");
        let plain = DataFolder::chosen(dir.path());
        let roundabout = DataFolder::chosen(dir.path().join(".").join("sub").join(".."));
        std::fs::create_dir(dir.path().join("sub")).expect("sub");
        assert_eq!(plain.instance_key(), roundabout.instance_key());
        assert_ne!(
            plain.instance_key(),
            DataFolder::chosen(other.path()).instance_key()
        );
        let key = plain.instance_key();
        assert_eq!(key.len(), 17);
        assert!(key.starts_with('d') && key.chars().all(|c| c.is_ascii_alphanumeric()));
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
