//! Participants' personal details (real name, contact), kept beside the documents and never in
//! them: a document's history cannot be erased, this table can. Deleting overwrites the data on
//! disk (`secure_delete`) and checkpoints the write-ahead log so no copy lingers there.

use super::protection::Sealer;
use super::{Result, Store};
use crate::error::CoreError;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};
use systematic_ipc::{PersonalDetails, WorkshopId};

/// Writes one participant's details, sealed when the workshop is protected.
pub(super) fn write_details(
    conn: &Connection,
    sealer: &Sealer<'_>,
    workshop: &WorkshopId,
    participant: &str,
    details: &PersonalDetails,
) -> rusqlite::Result<()> {
    let real_name = sealer.seal_text(
        &format!("personal/{participant}/name"),
        details.real_name.trim(),
    );
    let contact = sealer.seal_text(
        &format!("personal/{participant}/contact"),
        details.contact.trim(),
    );
    conn.execute(
        "INSERT INTO personal_details (workshop_id, participant_id, real_name, contact)
         VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(workshop_id, participant_id) DO UPDATE SET real_name = ?3, contact = ?4",
        params![workshop.0, participant, real_name, contact],
    )?;
    Ok(())
}

/// One participant's details read back (opened when sealed).
fn read_details(
    sealer: &Sealer<'_>,
    participant: &str,
    real_name: Value,
    contact: Value,
) -> Result<PersonalDetails> {
    Ok(PersonalDetails {
        real_name: sealer.open_text(&format!("personal/{participant}/name"), real_name)?,
        contact: sealer.open_text(&format!("personal/{participant}/contact"), contact)?,
    })
}

impl Store {
    pub fn set_personal_details(
        &mut self,
        workshop: &WorkshopId,
        participant: &str,
        details: &PersonalDetails,
    ) -> Result<()> {
        crate::model::check_id(participant)?;
        self.settle_key(workshop)?;
        let sealer = Sealer::new(self.keys.get(workshop), &workshop.0);
        write_details(&self.conn, &sealer, workshop, participant, details)
            .map_err(|e| self.sqlite(e))
    }

    pub fn personal_details(
        &mut self,
        workshop: &WorkshopId,
        participant: &str,
    ) -> Result<Option<PersonalDetails>> {
        let stored: Option<(Value, Value)> = self
            .conn
            .query_row(
                "SELECT real_name, contact FROM personal_details
                 WHERE workshop_id = ?1 AND participant_id = ?2",
                params![workshop.0, participant],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sqlite(e))?;
        self.settle_key(workshop)?;
        let sealer = Sealer::new(self.keys.get(workshop), &workshop.0);
        stored
            .map(|(name, contact)| read_details(&sealer, participant, name, contact))
            .transpose()
    }

    /// Every participant's personal details in workshop `id`, by participant id: only for a
    /// printout the organiser asked to include them in.
    pub fn all_personal_details(
        &mut self,
        workshop: &WorkshopId,
    ) -> Result<std::collections::BTreeMap<String, PersonalDetails>> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT participant_id, real_name, contact FROM personal_details
                 WHERE workshop_id = ?1",
            )
            .map_err(|e| self.sqlite(e))?;
        let rows: Vec<(String, Value, Value)> = statement
            .query_map(params![workshop.0], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.sqlite(e))?;
        drop(statement);
        // A locked workshop's details are not given out, even as an empty list.
        self.settle_key(workshop)?;
        let sealer = Sealer::new(self.keys.get(workshop), &workshop.0);
        rows.into_iter()
            .map(|(participant, name, contact)| {
                let details = read_details(&sealer, &participant, name, contact)?;
                Ok((participant, details))
            })
            .collect()
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
        self.checkpoint_write_ahead_log()
    }

    /// Moves everything in the write-ahead log into the database and empties the log, so old
    /// pages (deleted details, plain copies of a workshop just protected) leave it. A
    /// checkpoint another reader blocks says so in its first column rather than failing; then
    /// try a few more times and, if it is still blocked, say so instead of claiming the old
    /// copies are gone.
    pub(super) fn checkpoint_write_ahead_log(&mut self) -> Result<()> {
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
            Some("the change is saved but another copy of the app still holds an old copy of the file; close it and try again".into()),
        )))
    }
}
