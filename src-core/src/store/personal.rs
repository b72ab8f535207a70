//! Participants' personal details (real name, contact), kept beside the documents and never in
//! them: a document's history cannot be erased, this table can. Deleting overwrites the data on
//! disk (`secure_delete`) and checkpoints the write-ahead log so no copy lingers there.

use super::{Result, Store};
use crate::error::CoreError;
use rusqlite::{params, OptionalExtension};
use systematic_ipc::{PersonalDetails, WorkshopId};

impl Store {
    pub fn set_personal_details(
        &mut self,
        workshop: &WorkshopId,
        participant: &str,
        details: &PersonalDetails,
    ) -> Result<()> {
        crate::model::check_id(participant)?;
        self.conn
            .execute(
                "INSERT INTO personal_details (workshop_id, participant_id, real_name, contact)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(workshop_id, participant_id) DO UPDATE SET real_name = ?3, contact = ?4",
                params![workshop.0, participant, details.real_name.trim(), details.contact.trim()],
            )
            .map_err(|e| self.sqlite(e))?;
        Ok(())
    }

    pub fn personal_details(
        &self,
        workshop: &WorkshopId,
        participant: &str,
    ) -> Result<Option<PersonalDetails>> {
        self.conn
            .query_row(
                "SELECT real_name, contact FROM personal_details
                 WHERE workshop_id = ?1 AND participant_id = ?2",
                params![workshop.0, participant],
                |r| {
                    Ok(PersonalDetails {
                        real_name: r.get(0)?,
                        contact: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.sqlite(e))
    }

    /// Every participant's personal details in workshop `id`, by participant id: only for a
    /// printout the organiser asked to include them in.
    pub fn all_personal_details(
        &self,
        workshop: &WorkshopId,
    ) -> Result<std::collections::BTreeMap<String, PersonalDetails>> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT participant_id, real_name, contact FROM personal_details
                 WHERE workshop_id = ?1",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows = statement
            .query_map(params![workshop.0], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    PersonalDetails {
                        real_name: r.get(1)?,
                        contact: r.get(2)?,
                    },
                ))
            })
            .map_err(|e| self.sqlite(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.sqlite(e))
    }

    /// Deletes a participant's personal details for good.
    pub fn forget_personal_details(
        &mut self,
        workshop: &WorkshopId,
        participant: &str,
    ) -> Result<()> {
        self.conn
            .execute(
                "DELETE FROM personal_details WHERE workshop_id = ?1 AND participant_id = ?2",
                params![workshop.0, participant],
            )
            .map_err(|e| self.sqlite(e))?;
        // The old pages must leave the write-ahead log too. A checkpoint another reader blocks
        // says so in its first column rather than failing; then try a few more times and, if
        // it is still blocked, say so instead of claiming the details are gone.
        for attempt in 0..20 {
            let busy: i64 = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
                .map_err(|e| self.sqlite(e))?;
            if busy == 0 {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(50 * (attempt + 1)));
        }
        Err(CoreError::Database(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("the details are deleted but another copy of the app still holds an old copy of the file; close it and forget them again".into()),
        )))
    }
}
