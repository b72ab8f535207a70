//! Calls into the app through Tauri's `invoke`, with the request and response types shared with
//! the shell (`systematic-ipc`).

use serde::Serialize;
use systematic_ipc::{
    Answer, AppError, AppStatus, Backup, ErrorKind, Facilitation, FilePurpose, HistoryEntry,
    MapAnalysis, MapEdit, MapEdited, MapView, MergeReport, Merged, NewWorkshop, Operation,
    Passphrase, Persona, PersonaDraft, PersonaId, PersonalDetails, PrintOutcome, PrintRequest,
    ProjectorView, Reach, Request, Showing, Template, WorkshopId, WorkshopSummary, WorkshopView,
    CHOOSE_FILES_COMMAND, CLOSE_PROJECTOR_COMMAND, DIAGNOSTIC_REPORT_COMMAND, DISPATCH_COMMAND,
    FILES_OPENED_EVENT, OPEN_PROJECTOR_COMMAND, PRINT_COMMAND, PROJECTOR_WINDOW_EVENT,
    TAKE_OPENED_FILES_COMMAND,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], catch)]
    async fn invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], catch)]
    async fn listen(event: &str, handler: &Closure<dyn FnMut(JsValue)>)
        -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    async fn clipboard_write_text(text: &str) -> Result<JsValue, JsValue>;
}

fn internal(detail: impl ToString) -> AppError {
    AppError::new(ErrorKind::Internal, "error-internal").with("detail", detail.to_string())
}

#[derive(Serialize)]
struct DispatchArgs<'a> {
    request: &'a Request,
}

/// Sends `request` and takes its answer as `T`, the payload of the one `Response` variant that
/// answers it. Each call decodes only its own answer type, so the workshop screen's answers are
/// decoded by code in the workshop screen's piece of the wasm.
async fn call<T: Answer>(request: Request) -> Result<T, AppError> {
    // JSON-compatible: maps become plain objects and None becomes null, as serde_json expects.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = DispatchArgs { request: &request }
        .serialize(&serializer)
        .map_err(internal)?;
    let saves = crate::save_state::SaveState::current().filter(|_| request.changes_stored_data());
    if let Some(saves) = saves {
        saves.started();
    }
    let answer = match asked_at_boot(&request) {
        Some(asked) => wasm_bindgen_futures::JsFuture::from(asked).await,
        None => invoke(DISPATCH_COMMAND, args).await,
    }
    .map_err(failure)
    .and_then(payload::<T>);
    if let Some(saves) = saves {
        let reads_outside_file = matches!(
            request,
            Request::OpenSessionFile { .. }
                | Request::MergeSessionFiles { .. }
                | Request::ImportMap { .. }
        );
        saves.finished(answer.as_ref().map(|_| ()), reads_outside_file);
    }
    answer
}

/// Calls the app's command `cmd`; its error arrives as an `AppError` (or, from Tauri itself, as
/// a plain string).
async fn invoke_command<T: serde::de::DeserializeOwned>(
    cmd: &str,
    args: JsValue,
) -> Result<T, AppError> {
    decode(invoke(cmd, args).await)
}

/// The requests `boot.js` sends while the wasm loads, by their serde tag: the home screen's
/// first two questions, answered by the time the screen is mounted instead of after it.
const ASKED_AT_BOOT: [(Request, &str); 2] = [
    (Request::Status, "status"),
    (Request::ListWorkshops, "list_workshops"),
];

/// The answer `boot.js` asked for `request`, the first time only (later calls ask anew, so
/// "Try again" reads the folder again).
fn asked_at_boot(request: &Request) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast as _;
    let (_, tag) = ASKED_AT_BOOT.iter().find(|(asked, _)| asked == request)?;
    let window = web_sys::window()?;
    let asked =
        js_sys::Reflect::get(&window, &JsValue::from_str("__systematicAskedAtBoot")).ok()?;
    let key = JsValue::from_str(tag);
    let promise = js_sys::Reflect::get(&asked, &key).ok()?.dyn_into().ok()?;
    js_sys::Reflect::delete_property(asked.dyn_ref::<js_sys::Object>()?, &key).ok()?;
    Some(promise)
}

/// An invoked command's answer: its value, or its error as an `AppError` (or, from Tauri
/// itself, a plain string).
fn decode<T: serde::de::DeserializeOwned>(answer: Result<JsValue, JsValue>) -> Result<T, AppError> {
    answer
        .map_err(failure)
        .and_then(|value| serde_wasm_bindgen::from_value(value).map_err(internal))
}

/// A command's failure as an `AppError` (from Tauri itself it is a plain string).
fn failure(value: JsValue) -> AppError {
    serde_wasm_bindgen::from_value(value.clone())
        .unwrap_or_else(|_| internal(value.as_string().unwrap_or_default()))
}

/// The payload of answer `T` in a `Response` as it arrives: `{"<T::TAG>": payload}`, or the bare
/// tag for an answer that carries nothing.
fn payload<T: Answer>(response: JsValue) -> Result<T, AppError> {
    if response.as_string().as_deref() == Some(T::TAG) {
        return serde_wasm_bindgen::from_value(JsValue::UNDEFINED).map_err(internal);
    }
    let tag = JsValue::from_str(T::TAG);
    match js_sys::Reflect::has(&response, &tag) {
        Ok(true) => js_sys::Reflect::get(&response, &tag)
            .map_err(|e| internal(format!("{e:?}")))
            .and_then(|value| serde_wasm_bindgen::from_value(value).map_err(internal)),
        _ => Err(internal(format!(
            "expected the answer {:?}, got {}",
            T::TAG,
            answer_name(&response)
        ))),
    }
}

/// What an answer that was not the one expected was, for the error: its tag.
fn answer_name(response: &JsValue) -> String {
    response
        .as_string()
        .or_else(|| {
            let object = response.dyn_ref::<js_sys::Object>()?;
            Some(js_sys::Object::keys(object).join(", ").into())
        })
        .unwrap_or_else(|| format!("{response:?}"))
}

pub async fn status() -> Result<AppStatus, AppError> {
    call(Request::Status).await
}

pub async fn list_workshops() -> Result<Vec<WorkshopSummary>, AppError> {
    call(Request::ListWorkshops).await
}

async fn workshop(request: Request) -> Result<WorkshopView, AppError> {
    call(request).await
}

pub async fn create_workshop(workshop_form: NewWorkshop) -> Result<WorkshopView, AppError> {
    workshop(Request::CreateWorkshop {
        workshop: workshop_form,
    })
    .await
}

pub async fn open_workshop(id: WorkshopId) -> Result<WorkshopView, AppError> {
    workshop(Request::OpenWorkshop { id }).await
}

pub async fn open_demo_workshop() -> Result<WorkshopView, AppError> {
    workshop(Request::OpenDemoWorkshop).await
}

async fn persona(request: Request) -> Result<Persona, AppError> {
    call(request).await
}

pub async fn add_persona(workshop: WorkshopId, draft: PersonaDraft) -> Result<Persona, AppError> {
    persona(Request::AddPersona {
        workshop,
        persona: draft,
    })
    .await
}

pub async fn update_persona(
    workshop: WorkshopId,
    id: PersonaId,
    draft: PersonaDraft,
) -> Result<Persona, AppError> {
    persona(Request::UpdatePersona {
        workshop,
        id,
        persona: draft,
    })
    .await
}

async fn done(request: Request) -> Result<(), AppError> {
    call(request).await
}

pub async fn set_laptop_name(name: String) -> Result<(), AppError> {
    done(Request::SetLaptopName { name }).await
}

#[derive(Serialize)]
struct ChooseArgs<'a> {
    purpose: &'a FilePurpose,
}

/// Shows a file chooser; `None` when the user cancelled.
pub async fn choose_files(purpose: FilePurpose) -> Result<Option<Vec<String>>, AppError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = ChooseArgs { purpose: &purpose }
        .serialize(&serializer)
        .map_err(internal)?;
    let value = invoke(CHOOSE_FILES_COMMAND, args)
        .await
        .map_err(|e| internal(e.as_string().unwrap_or_default()))?;
    serde_wasm_bindgen::from_value(value).map_err(internal)
}

/// Saves a session file, encrypted to `passphrase` when one is given.
pub async fn save_session_file(
    workshop: WorkshopId,
    path: String,
    passphrase: Option<String>,
) -> Result<(), AppError> {
    done(Request::SaveSessionFile {
        workshop,
        path,
        passphrase: passphrase.map(Passphrase),
    })
    .await
}

pub async fn open_session_file(
    path: String,
    passphrase: Option<String>,
) -> Result<WorkshopView, AppError> {
    workshop(Request::OpenSessionFile {
        path,
        passphrase: passphrase.map(Passphrase),
    })
    .await
}

pub async fn merge_session_files(
    workshop: WorkshopId,
    paths: Vec<String>,
    force: bool,
    passphrase: Option<String>,
) -> Result<(WorkshopView, MergeReport), AppError> {
    let merged: Merged = call(Request::MergeSessionFiles {
        workshop,
        paths,
        force,
        passphrase: passphrase.map(Passphrase),
    })
    .await?;
    Ok((merged.workshop, merged.report))
}

pub async fn settle_conflict(
    workshop_id: WorkshopId,
    kind: String,
    id: String,
    field: String,
    value: serde_json::Value,
) -> Result<WorkshopView, AppError> {
    workshop(Request::SettleConflict {
        workshop: workshop_id,
        kind,
        id,
        field,
        value,
    })
    .await
}

pub async fn protect_workshop(
    id: WorkshopId,
    passphrase: String,
) -> Result<WorkshopView, AppError> {
    workshop(Request::ProtectWorkshop {
        workshop: id,
        passphrase: Passphrase(passphrase),
    })
    .await
}

pub async fn unlock_workshop(id: WorkshopId, passphrase: String) -> Result<WorkshopView, AppError> {
    workshop(Request::UnlockWorkshop {
        workshop: id,
        passphrase: Passphrase(passphrase),
    })
    .await
}

pub async fn lock_workshop(id: WorkshopId) -> Result<(), AppError> {
    done(Request::LockWorkshop { workshop: id }).await
}

pub async fn unprotect_workshop(
    id: WorkshopId,
    passphrase: String,
) -> Result<WorkshopView, AppError> {
    workshop(Request::UnprotectWorkshop {
        workshop: id,
        passphrase: Passphrase(passphrase),
    })
    .await
}

pub async fn undo(id: WorkshopId) -> Result<WorkshopView, AppError> {
    workshop(Request::Undo { workshop: id }).await
}

pub async fn redo(id: WorkshopId) -> Result<WorkshopView, AppError> {
    workshop(Request::Redo { workshop: id }).await
}

pub async fn history(id: WorkshopId) -> Result<Vec<HistoryEntry>, AppError> {
    call(Request::History { workshop: id }).await
}

pub async fn personal_details(
    workshop: WorkshopId,
    participant: String,
) -> Result<Option<PersonalDetails>, AppError> {
    call(Request::GetPersonalDetails {
        workshop,
        participant,
    })
    .await
}

pub async fn set_personal_details(
    workshop: WorkshopId,
    participant: String,
    details: PersonalDetails,
) -> Result<(), AppError> {
    done(Request::SetPersonalDetails {
        workshop,
        participant,
        details,
    })
    .await
}

pub async fn forget_personal_details(
    workshop: WorkshopId,
    participant: String,
) -> Result<(), AppError> {
    done(Request::ForgetPersonalDetails {
        workshop,
        participant,
    })
    .await
}

pub async fn backups(id: WorkshopId) -> Result<Vec<Backup>, AppError> {
    call(Request::Backups { workshop: id }).await
}

pub async fn restore_backup(id: WorkshopId, name: String) -> Result<WorkshopView, AppError> {
    workshop(Request::RestoreBackup { workshop: id, name }).await
}

pub async fn restore_version(id: WorkshopId, hash: String) -> Result<WorkshopView, AppError> {
    workshop(Request::RestoreVersion { workshop: id, hash }).await
}

async fn map_view(request: Request) -> Result<MapView, AppError> {
    call(request).await
}

pub async fn map(workshop: WorkshopId) -> Result<MapView, AppError> {
    map_view(Request::Map { workshop }).await
}

/// Applies the edits as one change; answers the ids they added and the map after.
pub async fn edit_map(workshop: WorkshopId, edits: Vec<MapEdit>) -> Result<MapEdited, AppError> {
    call(Request::EditMap { workshop, edits }).await
}

pub async fn layout_map(workshop: WorkshopId) -> Result<MapView, AppError> {
    map_view(Request::LayoutMap { workshop }).await
}

pub async fn analyze_map(workshop: WorkshopId) -> Result<MapAnalysis, AppError> {
    call(Request::AnalyzeMap { workshop }).await
}

pub async fn map_reach(workshop: WorkshopId, node: String) -> Result<Reach, AppError> {
    call(Request::MapReach { workshop, node }).await
}

/// Adds the map in other tools' files to this one; answers what was added.
pub async fn import_map(workshop: WorkshopId, paths: Vec<String>) -> Result<MapEdited, AppError> {
    call(Request::ImportMap { workshop, paths }).await
}

/// Writes the map in `format` at `path`; answers the files written.
pub async fn export_map(
    workshop: WorkshopId,
    format: String,
    path: String,
) -> Result<Vec<String>, AppError> {
    call(Request::ExportMap {
        workshop,
        format,
        path,
    })
    .await
}

/// The method templates, in `locale` where translated.
pub async fn templates(locale: String) -> Result<Vec<Template>, AppError> {
    call(Request::Templates { locale }).await
}

async fn facilitation_answer(request: Request) -> Result<Facilitation, AppError> {
    call::<Box<Facilitation>>(request).await.map(|view| *view)
}

pub async fn facilitation(workshop: WorkshopId) -> Result<Facilitation, AppError> {
    facilitation_answer(Request::Facilitation { workshop }).await
}

/// Applies `ops` as one change (one undo step).
pub async fn edit(workshop: WorkshopId, ops: Vec<Operation>) -> Result<Facilitation, AppError> {
    facilitation_answer(Request::Edit { workshop, ops }).await
}

/// The session files given to the app from outside (double-click, command line, a second
/// launch) and not opened yet; each is answered once.
pub async fn take_opened_files() -> Result<Vec<String>, AppError> {
    invoke_command(
        TAKE_OPENED_FILES_COMMAND,
        JsValue::from(js_sys::Object::new()),
    )
    .await
}

/// Calls `on_arrival` whenever files are given to the app from outside while it runs, for as
/// long as the window lives.
pub async fn when_files_arrive(on_arrival: impl Fn() + 'static) -> Result<(), AppError> {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| on_arrival());
    listen(FILES_OPENED_EVENT, &handler)
        .await
        .map_err(|e| internal(e.as_string().unwrap_or_default()))?;
    // Listens for the window's whole life, so the handler is never dropped.
    handler.forget();
    Ok(())
}

/// Calls `on_change` with whether the projector window is open, each time it opens or closes,
/// for as long as the window lives.
pub async fn when_projector_changes(on_change: impl Fn(bool) + 'static) -> Result<(), AppError> {
    let handler = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let open = js_sys::Reflect::get(&event, &"payload".into())
            .ok()
            .and_then(|payload| payload.as_bool());
        if let Some(open) = open {
            on_change(open);
        }
    });
    listen(PROJECTOR_WINDOW_EVENT, &handler)
        .await
        .map_err(|e| internal(e.as_string().unwrap_or_default()))?;
    // Listens for the window's whole life, so the handler is never dropped.
    handler.forget();
    Ok(())
}

/// The diagnostic report: versions, system, data folder size, last log lines.
pub async fn diagnostic_report() -> Result<String, AppError> {
    invoke_command(
        DIAGNOSTIC_REPORT_COMMAND,
        JsValue::from(js_sys::Object::new()),
    )
    .await
}

/// Puts `text` on the clipboard.
pub async fn copy_to_clipboard(text: &str) -> Result<(), AppError> {
    clipboard_write_text(text)
        .await
        .map(|_| ())
        .map_err(|e| internal(format!("{e:?}")))
}

/// Opens the projector window, or brings it forward.
pub async fn open_projector() -> Result<(), AppError> {
    invoke_for_effect(OPEN_PROJECTOR_COMMAND).await
}

/// Closes the projector window; it opens again where it was.
pub async fn close_projector() -> Result<(), AppError> {
    invoke_for_effect(CLOSE_PROJECTOR_COMMAND).await
}

/// Calls the app's command `cmd`, which takes no arguments, for what it does (its answer is
/// ignored).
async fn invoke_for_effect(cmd: &str) -> Result<(), AppError> {
    decode::<serde::de::IgnoredAny>(invoke(cmd, JsValue::from(js_sys::Object::new())).await)
        .map(|_| ())
}

/// Puts `showing` on the projector.
pub async fn show_on_projector(
    workshop: WorkshopId,
    showing: Showing,
    show_names: bool,
) -> Result<(), AppError> {
    done(Request::ShowOnProjector {
        workshop,
        showing,
        show_names,
    })
    .await
}

/// What the projector window draws now.
pub async fn projector() -> Result<Option<ProjectorView>, AppError> {
    call::<Option<Box<ProjectorView>>>(Request::Projector)
        .await
        .map(|view| view.map(|v| *v))
}

/// A Tauri channel (`window.__TAURI__.core.Channel`) whose messages go to `on_message`. The
/// closure is left alive: a message may still arrive after the command has answered.
fn channel(on_message: impl FnMut(JsValue) + 'static) -> Result<JsValue, AppError> {
    let core = js_sys::Reflect::get(&js_sys::global(), &"__TAURI__".into())
        .and_then(|tauri| js_sys::Reflect::get(&tauri, &"core".into()))
        .and_then(|core| js_sys::Reflect::get(&core, &"Channel".into()))
        .map_err(|e| internal(format!("{e:?}")))?;
    let class: js_sys::Function = core.dyn_into().map_err(|e| internal(format!("{e:?}")))?;
    let channel = js_sys::Reflect::construct(&class, &js_sys::Array::new())
        .map_err(|e| internal(format!("{e:?}")))?;
    let callback = Closure::<dyn FnMut(JsValue)>::new(on_message);
    js_sys::Reflect::set(&channel, &"onmessage".into(), callback.as_ref())
        .map_err(|e| internal(format!("{e:?}")))?;
    callback.forget();
    Ok(channel)
}

#[derive(Serialize)]
struct PrintArgs<'a> {
    request: &'a PrintRequest,
}

/// Typesets a printout in the app (away from the window's thread) and sends it on; a preview
/// when `request.destination` is `None`. `progress` hears the steps done, of three.
pub async fn print(
    request: PrintRequest,
    mut progress: impl FnMut(u32) + 'static,
) -> Result<PrintOutcome, AppError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = PrintArgs { request: &request }
        .serialize(&serializer)
        .map_err(internal)?;
    let on_progress = channel(move |message| {
        if let Some(done) = message.as_f64() {
            progress(done as u32);
        }
    })?;
    js_sys::Reflect::set(&args, &"onProgress".into(), &on_progress)
        .map_err(|e| internal(format!("{e:?}")))?;
    invoke_command(PRINT_COMMAND, args).await
}

#[cfg(test)]
mod tests {
    use super::ASKED_AT_BOOT;

    /// `boot.js` writes these requests by hand; they must be what serde makes of them.
    #[test]
    fn boot_js_asks_what_the_ipc_types_say() {
        let boot = include_str!("../boot.js");
        for (request, tag) in ASKED_AT_BOOT {
            let json = serde_json::to_value(&request).expect("serialise");
            assert_eq!(json, serde_json::json!({ "type": tag }), "{request:?}");
            assert!(
                boot.contains(&format!("{tag}: ask({{ type: \"{tag}\" }})")),
                "boot.js does not ask for {tag}"
            );
        }
    }
}
