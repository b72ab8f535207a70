//! The request handler: one [`Request`] in, one [`Response`] or [`AppError`] out.
//!
//! The Tauri shell holds one [`App`] and forwards every IPC call here; tests call it directly.

use crate::data_dir::DataFolder;
use crate::demo;
use crate::error::CoreError;
use crate::limits;
use crate::store::Store;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use systematic_ipc::{
    AppError, AppStatus, ErrorKind, Merged, Passphrase, Request, Response, Showing, WorkshopId,
};

pub struct App {
    folder: DataFolder,
    /// The store, or why the data folder cannot be used. The app still starts in the second case
    /// and the home screen explains the problem.
    store: Result<Store, CoreError>,
    /// What the projector window shows: which workshop, what of it, and whether names may
    /// appear. Kept on this laptop only, for this run.
    projector: Option<(WorkshopId, Showing, bool)>,
}

impl App {
    /// Opens the store in `folder`; a failure is remembered, not fatal.
    pub fn open(folder: DataFolder) -> Self {
        let store = Store::open(&folder);
        Self {
            folder,
            store,
            projector: None,
        }
    }

    /// The data folder this app was opened on.
    pub fn data_dir(&self) -> &Path {
        &self.folder.path
    }

    /// A copy of workshop `id`, for work done outside the lock on the app (printing).
    pub fn snapshot(&mut self, id: &WorkshopId) -> Result<crate::document::WorkshopDoc, AppError> {
        if self.store.is_err() {
            self.store = Store::open(&self.folder);
        }
        let store = self.store.as_mut().map_err(|e| e.to_app_error())?;
        store.snapshot(id).map_err(|e| e.to_app_error())
    }

    /// Every participant's personal details in workshop `id`, for a printout the organiser
    /// ticked "include personal details" for. Never part of a `Response` to the web view as a
    /// whole list, and never in a document.
    pub fn all_personal_details(
        &mut self,
        id: &WorkshopId,
    ) -> Result<std::collections::BTreeMap<String, systematic_ipc::PersonalDetails>, AppError> {
        if self.store.is_err() {
            self.store = Store::open(&self.folder);
        }
        let store = self.store.as_mut().map_err(|e| e.to_app_error())?;
        store.all_personal_details(id).map_err(|e| e.to_app_error())
    }

    /// Answers `request`, and logs its name, outcome and time (never its content: see
    /// [`crate::logging`]). The projector's question, asked every second, is logged only when it
    /// fails.
    pub fn handle(&mut self, request: Request) -> Result<Response, AppError> {
        let name = request.name();
        let repeated = matches!(request, Request::Projector);
        let files = used_files(&request);
        let opens = opens_a_workshop(&request);
        let started = std::time::Instant::now();
        let answer = self.answer(request);
        let ms = started.elapsed().as_millis();
        if let (Ok(response), Ok(store)) = (&answer, &self.store) {
            // Best effort: the home screen's suggestions never fail a request that worked.
            if !files.is_empty() {
                let files: Vec<&str> = files.iter().map(String::as_str).collect();
                let _ = store.remember_recent_files(&files);
            }
            if let (true, Response::Workshop(view)) = (opens, response) {
                let _ = store.remember_last_workshop(&view.id);
            }
        }
        match &answer {
            Ok(_) if repeated => tracing::debug!(request = name, ms, "done"),
            Ok(_) => tracing::info!(request = name, ms, "done"),
            Err(error) => tracing::warn!(
                request = name,
                ms,
                kind = ?error.kind,
                error = error.message_id.as_str(),
                "refused"
            ),
        }
        answer
    }

    /// The session files the home screen lists to open again.
    pub fn recent_files(&self) -> Vec<String> {
        self.store
            .as_ref()
            .ok()
            .and_then(|store| store.recent_files().ok())
            .unwrap_or_default()
    }

    fn answer(&mut self, request: Request) -> Result<Response, AppError> {
        if self.store.is_err() {
            // The folder may have been fixed since (stick plugged in, space freed): try again.
            self.store = Store::open(&self.folder);
        }
        if let Request::Status = request {
            return Ok(Response::Status(self.status()));
        }
        let store = self.store.as_mut().map_err(|e| e.to_app_error())?;
        match request {
            Request::ShowOnProjector {
                workshop,
                showing,
                show_names,
            } => {
                // Checked now, so a wrong id is the facilitator's message, not the projector's.
                guarded(store, |store| store.view(&workshop).map(|_| Response::Done))?;
                self.projector = Some((workshop, showing, show_names));
                Ok(Response::Done)
            }
            Request::Projector => match self.projector.clone() {
                None => Ok(Response::Projector(None)),
                Some((workshop, showing, names)) => guarded(store, |store| {
                    let view = store.projector(&workshop, &showing, names)?;
                    Ok(Response::Projector(Some(Box::new(view))))
                }),
            },
            Request::LockWorkshop { workshop } => {
                // A locked workshop leaves the projector too.
                if self
                    .projector
                    .as_ref()
                    .is_some_and(|(shown, _, _)| *shown == workshop)
                {
                    self.projector = None;
                }
                guarded(store, |store| {
                    handle_with_store(store, Request::LockWorkshop { workshop })
                })
            }
            request => guarded(store, |store| handle_with_store(store, request)),
        }
    }

    fn status(&self) -> AppStatus {
        let last_workshop = self
            .store
            .as_ref()
            .ok()
            .and_then(|store| store.last_workshop().ok().flatten());
        AppStatus {
            recent_files: self.recent_files(),
            last_workshop,
            data_dir: self.folder.path.display().to_string(),
            laptop_name: self
                .store
                .as_ref()
                .map(|s| s.laptop_name().to_owned())
                .unwrap_or_default(),
            problem: self.store.as_ref().err().map(CoreError::to_app_error),
        }
    }
}

/// Runs `work`, turning a panic into an error the UI can show. A bug (or a loader panic on a
/// damaged document) must not take the window down with it, and after a panic the in-memory
/// documents may be ahead of the disk, so they are dropped and reloaded from disk.
fn guarded(
    store: &mut Store,
    work: impl FnOnce(&mut Store) -> Result<Response, CoreError>,
) -> Result<Response, AppError> {
    match catch_unwind(AssertUnwindSafe(|| work(&mut *store))) {
        Ok(result) => result.map_err(|e| e.to_app_error()),
        Err(panic) => {
            store.forget_open_documents();
            let detail = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(AppError::new(ErrorKind::Internal, "error-internal").with("detail", detail))
        }
    }
}

fn handle_with_store(store: &mut Store, request: Request) -> Result<Response, CoreError> {
    match request {
        Request::Status | Request::ShowOnProjector { .. } | Request::Projector => {
            unreachable!("answered by App::handle")
        }
        Request::ListWorkshops => Ok(Response::Workshops(store.list()?)),
        Request::CreateWorkshop { workshop } => {
            let meta = limits::check_new_workshop(&workshop)?;
            let locale = workshop.locale.as_deref().unwrap_or("en-GB");
            let template = workshop
                .template
                .as_deref()
                .map(|name| crate::templates::template(name, locale))
                .transpose()?;
            let id = WorkshopId(uuid::Uuid::new_v4().to_string());
            let id = store.create_from(id, &meta, &[], template.as_ref(), locale, &[])?;
            Ok(Response::Workshop(store.view(&id)?))
        }
        Request::OpenWorkshop { id } => Ok(Response::Workshop(store.view(&id)?)),
        Request::OpenDemoWorkshop => {
            let (id, meta, personas) = demo::demo_workshop()?;
            if !store.contains(&id)? {
                let template = crate::templates::template(demo::DEMO_TEMPLATE, "en-GB")?;
                let extras = demo::demo_extras();
                store.create_from(
                    id.clone(),
                    &meta,
                    &personas,
                    Some(&template),
                    "en-GB",
                    &extras,
                )?;
            }
            Ok(Response::Workshop(store.view(&id)?))
        }
        Request::AddPersona { workshop, persona } => {
            let persona = limits::check_persona(&persona)?;
            let added = store.edit(&workshop, |doc, now| {
                limits::check_room_for_persona(doc.persona_count())?;
                doc.add_persona(&persona, now)
                    .map_err(|e| CoreError::from_document(&workshop.0, e))
            })?;
            Ok(Response::Persona(added))
        }
        Request::UpdatePersona {
            workshop,
            id,
            persona,
        } => {
            let persona = limits::check_persona(&persona)?;
            let updated = store.edit(&workshop, |doc, now| {
                doc.update_persona(&id, &persona, now)
                    .map_err(|e| CoreError::from_document(&workshop.0, e))
            })?;
            updated
                .map(Response::Persona)
                .ok_or(CoreError::PersonaNotFound(id.0))
        }
        Request::SetLaptopName { name } => {
            let name = limits::check_laptop_name(&name)?;
            store.set_laptop_name(&name)?;
            Ok(Response::Done)
        }
        Request::SaveSessionFile {
            workshop,
            path,
            passphrase,
        } => {
            let passphrase = passphrase.as_ref().map(Passphrase::as_str);
            store.save_session_file(&workshop, Path::new(&path), passphrase)?;
            Ok(Response::Done)
        }
        Request::OpenSessionFile { path, passphrase } => {
            let passphrase = passphrase.as_ref().map(Passphrase::as_str);
            let id = store.open_session_file(Path::new(&path), passphrase)?;
            Ok(Response::Workshop(store.view(&id)?))
        }
        Request::MergeSessionFiles {
            workshop,
            paths,
            force,
            passphrase,
        } => {
            let paths: Vec<&Path> = paths.iter().map(Path::new).collect();
            let passphrase = passphrase.as_ref().map(Passphrase::as_str);
            let report = store.merge_session_files(&workshop, &paths, force, passphrase)?;
            Ok(Response::Merged(Merged {
                workshop: store.view(&workshop)?,
                report,
            }))
        }
        Request::SettleConflict {
            workshop,
            kind,
            id,
            field,
            value,
        } => {
            store.settle_conflict(&workshop, &kind, &id, &field, &value)?;
            Ok(Response::Workshop(store.view(&workshop)?))
        }
        Request::Undo { workshop } => {
            store.undo(&workshop)?;
            Ok(Response::Workshop(store.view(&workshop)?))
        }
        Request::Redo { workshop } => {
            store.redo(&workshop)?;
            Ok(Response::Workshop(store.view(&workshop)?))
        }
        Request::ProtectWorkshop {
            workshop,
            passphrase,
        } => {
            store.protect(&workshop, passphrase.as_str())?;
            Ok(Response::Workshop(store.view(&workshop)?))
        }
        Request::UnlockWorkshop {
            workshop,
            passphrase,
        } => {
            store.unlock(&workshop, passphrase.as_str())?;
            Ok(Response::Workshop(store.view(&workshop)?))
        }
        Request::LockWorkshop { workshop } => {
            store.lock(&workshop);
            Ok(Response::Done)
        }
        Request::UnprotectWorkshop {
            workshop,
            passphrase,
        } => {
            store.unprotect(&workshop, passphrase.as_str())?;
            Ok(Response::Workshop(store.view(&workshop)?))
        }
        Request::History { workshop } => Ok(Response::History(store.history(&workshop)?)),
        Request::Backups { workshop } => Ok(Response::Backups(store.backups(&workshop)?)),
        Request::RestoreBackup { workshop, name } => {
            store.restore_backup(&workshop, &name)?;
            Ok(Response::Workshop(store.view(&workshop)?))
        }
        Request::RestoreVersion { workshop, hash } => {
            store.restore_version(&workshop, &hash)?;
            Ok(Response::Workshop(store.view(&workshop)?))
        }
        Request::SetPersonalDetails {
            workshop,
            participant,
            details,
        } => {
            store.set_personal_details(&workshop, &participant, &details)?;
            Ok(Response::Done)
        }
        Request::GetPersonalDetails {
            workshop,
            participant,
        } => Ok(Response::PersonalDetails(
            store.personal_details(&workshop, &participant)?,
        )),
        Request::ForgetPersonalDetails {
            workshop,
            participant,
        } => {
            store.forget_personal_details(&workshop, &participant)?;
            Ok(Response::Done)
        }
        Request::Map { workshop } => Ok(Response::Map(store.map(&workshop)?)),
        Request::EditMap { workshop, edits } => {
            Ok(Response::MapEdited(store.edit_map(&workshop, &edits)?))
        }
        Request::LayoutMap { workshop } => Ok(Response::Map(store.layout_map(&workshop)?)),
        Request::AnalyzeMap { workshop } => Ok(Response::Analysis(store.analyze_map(&workshop)?)),
        Request::MapReach { workshop, node } => {
            Ok(Response::Reach(store.map_reach(&workshop, &node)?))
        }
        Request::ImportMap { workshop, paths } => {
            let files = paths
                .iter()
                .map(|path| read_map_file(Path::new(path)))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Response::MapEdited(store.import_map(&workshop, &files)?))
        }
        Request::ExportMap {
            workshop,
            format,
            path,
        } => {
            let files = store.export_map(&workshop, &format)?;
            Ok(Response::Written(write_exported(Path::new(&path), &files)?))
        }
        Request::Templates { locale } => {
            Ok(Response::Templates(crate::templates::templates(&locale)?))
        }
        Request::Facilitation { workshop } => Ok(Response::Facilitation(Box::new(
            store.facilitation(&workshop)?,
        ))),
        Request::Edit { workshop, ops } => Ok(Response::Facilitation(Box::new(
            store.edit_ops(&workshop, &ops)?,
        ))),
    }
}

/// A map file's name (for messages and for telling formats apart) and its bytes; files too big
/// to be a map are refused before they are read.
fn read_map_file(path: &Path) -> Result<(String, Vec<u8>), CoreError> {
    use crate::interchange::{InterchangeError, FILE_BYTES_MAX};
    use crate::session_file::SessionFileError;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let unreadable = |e: std::io::Error| SessionFileError::Read {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > FILE_BYTES_MAX as u64 {
        return Err(InterchangeError::TooLarge {
            file: name,
            max_bytes: FILE_BYTES_MAX,
        }
        .into());
    }
    // Read one byte past the limit at most: a pipe or a growing file says nothing true in
    // its metadata.
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            std::fs::File::open(path).map_err(unreadable)?,
            FILE_BYTES_MAX as u64 + 1,
        ),
        &mut bytes,
    )
    .map_err(unreadable)?;
    if bytes.len() > FILE_BYTES_MAX {
        return Err(InterchangeError::TooLarge {
            file: name,
            max_bytes: FILE_BYTES_MAX,
        }
        .into());
    }
    Ok((name, bytes))
}

/// Writes an export at `path`; when it is several files (CSV), each goes beside `path`, named
/// after it ("friday.csv" gives "friday-nodes.csv" and "friday-connections.csv").
fn write_exported(
    path: &Path,
    files: &[crate::interchange::ExportedFile],
) -> Result<Vec<String>, CoreError> {
    let mut written = Vec::new();
    for file in files {
        let target = if files.len() == 1 {
            path.to_owned()
        } else {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "map".into());
            path.with_file_name(format!("{stem}-{}", file.name))
        };
        crate::session_file::write_atomically(&target, &file.bytes)
            .map_err(CoreError::ExportWrite)?;
        written.push(target.display().to_string());
    }
    Ok(written)
}

/// The session files a request opens, saves or merges, for the recent files.
fn used_files(request: &Request) -> Vec<String> {
    match request {
        Request::OpenSessionFile { path, .. } | Request::SaveSessionFile { path, .. } => {
            vec![path.clone()]
        }
        Request::MergeSessionFiles { paths, .. } => paths.clone(),
        _ => Vec::new(),
    }
}

/// Whether a request opens a workshop on screen, which then is the one to continue with.
fn opens_a_workshop(request: &Request) -> bool {
    matches!(
        request,
        Request::OpenWorkshop { .. }
            | Request::OpenDemoWorkshop
            | Request::CreateWorkshop { .. }
            | Request::OpenSessionFile { .. }
            | Request::UnlockWorkshop { .. }
    )
}

#[cfg(test)]
mod tests;
