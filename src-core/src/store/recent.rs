//! What the home screen offers to pick up again: the workshop open last and the session files
//! opened, saved or merged lately. Kept in the `settings` table of this laptop's store.

use super::{Result, Store};
use rusqlite::OptionalExtension;
use systematic_ipc::WorkshopId;

/// Session files listed on the home screen, most recent first.
pub const RECENT_FILES_KEPT: usize = 8;

const RECENT_FILES: &str = "recent_files";
const LAST_WORKSHOP: &str = "last_workshop";

impl Store {
    fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
            .map_err(|e| self.sqlite(e))
    }

    fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = ?2",
                [key, value],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(())
    }

    /// The session files used lately, most recent first. A damaged setting reads as none.
    pub fn recent_files(&self) -> Result<Vec<String>> {
        Ok(self
            .setting(RECENT_FILES)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    /// Puts `paths` at the top of the recent files, keeping [`RECENT_FILES_KEPT`].
    pub fn remember_recent_files(&self, paths: &[&str]) -> Result<()> {
        let mut recent = self.recent_files()?;
        recent.retain(|p| !paths.contains(&p.as_str()));
        let mut list: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
        list.append(&mut recent);
        list.truncate(RECENT_FILES_KEPT);
        let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
        self.set_setting(RECENT_FILES, &json)
    }

    /// The workshop opened last, if it is still on this laptop.
    pub fn last_workshop(&self) -> Result<Option<WorkshopId>> {
        let Some(id) = self.setting(LAST_WORKSHOP)? else {
            return Ok(None);
        };
        let id = WorkshopId(id);
        Ok(self.list()?.iter().any(|w| w.id == id).then_some(id))
    }

    pub fn remember_last_workshop(&self, id: &WorkshopId) -> Result<()> {
        self.set_setting(LAST_WORKSHOP, &id.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data_dir::DataFolder;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::open(&DataFolder::chosen(dir.path())).expect("store");
        (dir, store)
    }

    #[test]
    fn recent_files_come_newest_first_once_each_and_at_most_eight() {
        let (_dir, store) = store();
        assert!(store.recent_files().expect("read").is_empty());
        store.remember_recent_files(&["/a"]).expect("a");
        store.remember_recent_files(&["/b", "/c"]).expect("b c");
        store.remember_recent_files(&["/a"]).expect("a again");
        assert_eq!(store.recent_files().expect("read"), ["/a", "/b", "/c"]);
        for n in 0..10 {
            store
                .remember_recent_files(&[&format!("/f{n}")])
                .expect("more");
        }
        let recent = store.recent_files().expect("read");
        assert_eq!(recent.len(), RECENT_FILES_KEPT);
        assert_eq!(recent[0], "/f9");
    }

    #[test]
    fn the_last_workshop_is_forgotten_once_it_is_gone() {
        let (_dir, mut store) = store();
        assert_eq!(store.last_workshop().expect("read"), None);
        let (id, meta, personas) = crate::demo::demo_workshop().expect("demo");
        store
            .create_from(id.clone(), &meta, &personas, None, "en-GB", &[])
            .expect("create");
        store.remember_last_workshop(&id).expect("remember");
        assert_eq!(store.last_workshop().expect("read"), Some(id));
        store
            .remember_last_workshop(&WorkshopId("deleted-long-ago".into()))
            .expect("remember");
        assert_eq!(store.last_workshop().expect("read"), None);
    }
}
