//! Session files (`.systematic`): how a workshop travels between laptops on a USB stick.
//!
//! Layout: 8 magic bytes `SYSWKSP\n`, a little-endian `u32` header length, the header as JSON
//! (format version, app version, workshop id, title), then the workshop's Automerge bytes.
//! The header lets a file be recognised and refused early (another workshop, a newer format)
//! without loading the document. Described in `docs/FORMAT.md`.

use crate::document::{DocumentError, WorkshopDoc};
use automerge::ActorId;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// The first bytes of every session file.
pub const MAGIC: &[u8; 8] = b"SYSWKSP\n";
/// The session file format this app writes; files with a higher number are refused.
pub const FILE_FORMAT_VERSION: u32 = 1;
/// The usual file name ending.
pub const EXTENSION: &str = "systematic";
/// A header longer than this is not ours.
const MAX_HEADER: usize = 64 * 1024;
/// A session file larger than this is refused before it is read (docs/LIMITS.md): the largest
/// workshop within the limits saves to a few MiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What a session file says about itself before its document is loaded.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SessionHeader {
    pub format_version: u32,
    pub app_version: String,
    pub workshop_id: String,
    pub title: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SessionFileError {
    #[error("this is not a SysteMatic Workshop session file")]
    NotASessionFile,
    #[error("this session file was written by a newer version of the app (file format {0})")]
    TooNew(u32),
    #[error("this session file is damaged: {0}")]
    Damaged(String),
    #[error("this session file is {bytes} bytes, more than the {max} bytes a session file may be")]
    TooLarge { bytes: u64, max: u64 },
    #[error("this session file is protected with a passphrase")]
    NeedsPassphrase,
    #[error("that passphrase does not open this session file")]
    WrongPassphrase,
    #[error(
        "the passphrase must be at least {} characters long",
        crate::protection::MIN_PASSPHRASE_CHARS
    )]
    PassphraseTooShort,
    #[error("this file is encrypted for a key, not a passphrase")]
    NotPassphraseProtected,
    #[error("this file's passphrase protection needs more memory to open than this app allows")]
    PassphraseTooCostly,
    #[error("could not read {path}: {detail}")]
    Read { path: String, detail: String },
    #[error("could not write {path}: {detail}")]
    Write {
        path: String,
        detail: String,
        full: bool,
        read_only: bool,
    },
}

impl From<DocumentError> for SessionFileError {
    fn from(error: DocumentError) -> Self {
        match error {
            DocumentError::TooNew(v) => Self::TooNew(u32::try_from(v).unwrap_or(u32::MAX)),
            DocumentError::NotAWorkshop => Self::NotASessionFile,
            other => Self::Damaged(other.to_string()),
        }
    }
}

/// The bytes of a session file for `doc`.
pub fn to_bytes(doc: &mut WorkshopDoc) -> Result<Vec<u8>, SessionFileError> {
    let header = SessionHeader {
        format_version: FILE_FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        workshop_id: doc.workshop_id()?,
        title: doc.meta()?.title,
    };
    let header =
        serde_json::to_vec(&header).map_err(|e| SessionFileError::Damaged(e.to_string()))?;
    let body = doc.save();
    let mut bytes = Vec::with_capacity(MAGIC.len() + 4 + header.len() + body.len());
    bytes.extend_from_slice(MAGIC);
    let length = u32::try_from(header.len()).unwrap_or(u32::MAX);
    bytes.extend_from_slice(&length.to_le_bytes());
    bytes.extend_from_slice(&header);
    bytes.extend_from_slice(&body);
    Ok(bytes)
}

/// Splits a session file into its header and its Automerge bytes, without loading the document.
pub fn split(bytes: &[u8]) -> Result<(SessionHeader, &[u8]), SessionFileError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(SessionFileError::NotASessionFile)?;
    let (length, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| SessionFileError::Damaged("the file ends inside its header".into()))?;
    let length = u32::from_le_bytes(*length) as usize;
    if length > MAX_HEADER || length > rest.len() {
        return Err(SessionFileError::Damaged(
            "the header length is impossible".into(),
        ));
    }
    let (header, body) = rest.split_at(length);
    // The format version is read on its own first, so a newer header with a different shape
    // still gets the "newer version" message rather than "damaged".
    #[derive(Deserialize)]
    struct VersionOnly {
        format_version: u32,
    }
    let version: VersionOnly = serde_json::from_slice(header)
        .map_err(|e| SessionFileError::Damaged(format!("unreadable header: {e}")))?;
    if version.format_version > FILE_FORMAT_VERSION {
        return Err(SessionFileError::TooNew(version.format_version));
    }
    let header: SessionHeader = serde_json::from_slice(header)
        .map_err(|e| SessionFileError::Damaged(format!("unreadable header: {e}")))?;
    Ok((header, body))
}

/// Reads a session file: checks the header, loads the document (a loader panic is caught) and
/// checks that the document belongs to the workshop the header names.
pub fn from_bytes(
    bytes: &[u8],
    actor: &ActorId,
) -> Result<(SessionHeader, WorkshopDoc), SessionFileError> {
    let (header, body) = split(bytes)?;
    let doc = WorkshopDoc::load(body, actor)?;
    if doc.workshop_id()? != header.workshop_id {
        return Err(SessionFileError::Damaged(
            "the header and the document name different workshops".into(),
        ));
    }
    Ok((header, doc))
}

/// Reads a session file from disk, as outside bytes: too large a file is refused before it is
/// read, the header is checked, the document is opened first in a checker process with
/// bounded memory and time (`untrusted`) before it is loaded here, and what it holds must keep
/// (loosely) to the limits (`limits::check_outside_document`).
pub fn read(
    path: &Path,
    actor: &ActorId,
) -> Result<(SessionHeader, WorkshopDoc), SessionFileError> {
    read_protected(path, actor, None)
}

/// [`read`], for a file that may be protected with a passphrase: without `passphrase` such a
/// file is answered with [`SessionFileError::NeedsPassphrase`], so the user can be asked.
pub fn read_protected(
    path: &Path,
    actor: &ActorId,
    passphrase: Option<&str>,
) -> Result<(SessionHeader, WorkshopDoc), SessionFileError> {
    let bytes = read_capped(path)?;
    let bytes = if is_passphrase_protected(&bytes) {
        let passphrase = passphrase.ok_or(SessionFileError::NeedsPassphrase)?;
        remove_passphrase(&bytes, passphrase)?
    } else {
        bytes
    };
    from_outside_bytes(&bytes, actor)
}

/// The bytes of the file at `path`, refused unread when larger than [`MAX_FILE_BYTES`].
pub fn read_capped(path: &Path) -> Result<Vec<u8>, SessionFileError> {
    let unreadable = |e: std::io::Error| SessionFileError::Read {
        path: path.display().to_string(),
        detail: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(SessionFileError::TooLarge {
            bytes: size,
            max: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::new();
    // The file may grow while it is read: read one byte past the limit at most.
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, MAX_FILE_BYTES + 1),
        &mut bytes,
    )
    .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SessionFileError::TooLarge {
            bytes: bytes.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Loads a session file's bytes that came from outside this app's memory: header first, then
/// the document in the capped checker process, then here, then the limits.
pub fn from_outside_bytes(
    bytes: &[u8],
    actor: &ActorId,
) -> Result<(SessionHeader, WorkshopDoc), SessionFileError> {
    split(bytes)?;
    crate::untrusted::check(bytes)?;
    let (header, doc) = from_bytes(bytes, actor)?;
    crate::limits::check_outside_document(&doc)?;
    Ok((header, doc))
}

/// The first bytes of a session file protected with a passphrase: it is an age file
/// (age-encryption.org), so it can also be opened with the `age` tool.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// The scrypt cost a protected session file is written with (log2 of N: 256 MiB and about a
/// second). Fixed rather than timed, so a file saved on a fast laptop opens on a slow one.
pub const AGE_WORK_FACTOR: u8 = if cfg!(test) { 10 } else { 18 };
/// The highest scrypt cost accepted from a file: a hostile file cannot ask for more memory.
const AGE_WORK_FACTOR_MAX: u8 = 18;

/// Whether `bytes` are a session file protected with a passphrase.
pub fn is_passphrase_protected(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// Encrypts a session file's bytes to `passphrase` (an age file with an scrypt recipient).
pub fn add_passphrase(bytes: &[u8], passphrase: &str) -> Result<Vec<u8>, SessionFileError> {
    crate::protection::check_new_passphrase(passphrase)
        .map_err(|_| SessionFileError::PassphraseTooShort)?;
    let mut recipient = age::scrypt::Recipient::new(passphrase.to_owned().into());
    recipient.set_work_factor(AGE_WORK_FACTOR);
    age::encrypt(&recipient, bytes).map_err(|e| SessionFileError::Damaged(e.to_string()))
}

/// Decrypts a session file protected with `passphrase`; the plain file is read no further
/// than [`MAX_FILE_BYTES`].
pub fn remove_passphrase(bytes: &[u8], passphrase: &str) -> Result<Vec<u8>, SessionFileError> {
    remove_passphrase_with(bytes, passphrase, AGE_WORK_FACTOR_MAX)
}

/// [`remove_passphrase`], accepting scrypt work up to `max_work_factor` (the fuzzer's is low).
pub fn remove_passphrase_with(
    bytes: &[u8],
    passphrase: &str,
    max_work_factor: u8,
) -> Result<Vec<u8>, SessionFileError> {
    use age::DecryptError as E;
    let damaged = |detail: String| SessionFileError::Damaged(detail);
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(|e| damaged(e.to_string()))?;
    if !decryptor.is_scrypt() {
        return Err(SessionFileError::NotPassphraseProtected);
    }
    let mut identity = age::scrypt::Identity::new(passphrase.to_owned().into());
    identity.set_max_work_factor(max_work_factor);
    let reader = match decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)) {
        Ok(reader) => reader,
        Err(E::DecryptionFailed | E::KeyDecryptionFailed | E::NoMatchingKeys) => {
            return Err(SessionFileError::WrongPassphrase)
        }
        Err(E::ExcessiveWork { .. }) => return Err(SessionFileError::PassphraseTooCostly),
        Err(other) => return Err(damaged(other.to_string())),
    };
    let mut plain = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(reader, MAX_FILE_BYTES + 1),
        &mut plain,
    )
    .map_err(|e| damaged(e.to_string()))?;
    if plain.len() as u64 > MAX_FILE_BYTES {
        return Err(SessionFileError::TooLarge {
            bytes: plain.len() as u64,
            max: MAX_FILE_BYTES,
        });
    }
    Ok(plain)
}

/// Writes `bytes` to `path` so that either the whole new file is there or the old one is left
/// untouched: the bytes go to a temporary file beside it, are synced, then renamed over it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SessionFileError> {
    let fail = |e: std::io::Error| {
        let problem = crate::error::FolderProblem::from_io(&e);
        SessionFileError::Write {
            path: path.display().to_string(),
            detail: e.to_string(),
            full: problem == crate::error::FolderProblem::Full,
            read_only: problem == crate::error::FolderProblem::ReadOnly,
        }
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let temporary = folder.join(format!(".{file_name}.{}.partial", std::process::id()));
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&temporary, path)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(fail(e));
    }
    // Make the rename itself durable; a failure here leaves a complete file either way.
    if let Ok(dir) = std::fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::typed::meta_fields;
    use systematic_ipc::WorkshopMeta;

    fn doc() -> WorkshopDoc {
        let meta = WorkshopMeta {
            title: "What matters for Esther?".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            venue: String::new(),
            facilitator: String::new(),
        };
        WorkshopDoc::create("w1", &meta_fields(&meta), "Table 1", &ActorId::random(), 1).unwrap()
    }

    #[test]
    fn a_session_file_round_trips() {
        let bytes = to_bytes(&mut doc()).unwrap();
        let (header, loaded) = from_bytes(&bytes, &ActorId::random()).unwrap();
        assert_eq!(header.workshop_id, "w1");
        assert_eq!(header.title, "What matters for Esther?");
        assert_eq!(loaded.workshop_id().unwrap(), "w1");
    }

    #[test]
    fn a_session_file_protected_with_a_passphrase_opens_only_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("esther.systematic");
        let plain = to_bytes(&mut doc()).unwrap();
        let protected = add_passphrase(&plain, "correct horse battery").unwrap();
        assert!(protected.starts_with(AGE_MAGIC));
        assert!(!protected.windows(6).any(|w| w == b"Esther"));
        write_atomically(&path, &protected).unwrap();
        let actor = ActorId::random();
        assert!(matches!(
            read(&path, &actor),
            Err(SessionFileError::NeedsPassphrase)
        ));
        assert!(matches!(
            read_protected(&path, &actor, Some("correct horse batter")),
            Err(SessionFileError::WrongPassphrase)
        ));
        let (header, loaded) =
            read_protected(&path, &actor, Some("correct horse battery")).unwrap();
        assert_eq!(header.workshop_id, "w1");
        assert_eq!(loaded.workshop_id().unwrap(), "w1");
        // A plain file ignores a passphrase given for it.
        write_atomically(&path, &plain).unwrap();
        assert!(read_protected(&path, &actor, Some("anything at all")).is_ok());
        // The file is a standard age file: the age library opens it with the passphrase alone.
        let identity = age::scrypt::Identity::new("correct horse battery".to_owned().into());
        assert_eq!(age::decrypt(&identity, &protected).unwrap(), plain);
    }

    #[test]
    fn a_damaged_or_costly_protected_file_is_refused_in_plain_words() {
        let plain = to_bytes(&mut doc()).unwrap();
        let protected = add_passphrase(&plain, "correct horse battery").unwrap();
        let mut cut = protected.clone();
        cut.truncate(protected.len() - 10);
        assert!(matches!(
            remove_passphrase(&cut, "correct horse battery"),
            Err(SessionFileError::Damaged(_))
        ));
        let mut changed = protected.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert!(matches!(
            remove_passphrase(&changed, "correct horse battery"),
            Err(SessionFileError::Damaged(_))
        ));
        // A file asking for more scrypt work than allowed is refused before any is done.
        let mut recipient = age::scrypt::Recipient::new("correct horse battery".to_owned().into());
        recipient.set_work_factor(AGE_WORK_FACTOR_MAX + 1);
        let costly = age::encrypt(&recipient, &plain).unwrap();
        assert!(matches!(
            remove_passphrase(&costly, "correct horse battery"),
            Err(SessionFileError::PassphraseTooCostly)
        ));
        assert!(matches!(
            add_passphrase(&plain, "short"),
            Err(SessionFileError::PassphraseTooShort)
        ));
    }

    #[test]
    fn other_files_are_not_session_files() {
        let err = from_bytes(b"%PDF-1.7", &ActorId::random()).unwrap_err();
        assert!(matches!(err, SessionFileError::NotASessionFile), "{err}");
        let mut plain = doc();
        let err = from_bytes(&plain.save(), &ActorId::random()).unwrap_err();
        assert!(matches!(err, SessionFileError::NotASessionFile), "{err}");
    }

    #[test]
    fn a_newer_file_format_is_refused_by_name() {
        let mut bytes = MAGIC.to_vec();
        let header = br#"{"format_version":7,"something_new":true}"#;
        bytes.extend_from_slice(&(header.len() as u32).to_le_bytes());
        bytes.extend_from_slice(header);
        let err = from_bytes(&bytes, &ActorId::random()).unwrap_err();
        assert!(matches!(err, SessionFileError::TooNew(7)), "{err}");
    }

    #[test]
    fn truncated_and_tampered_files_are_damaged() {
        let bytes = to_bytes(&mut doc()).unwrap();
        for cut in [9, 14, bytes.len() - 10] {
            let err = from_bytes(&bytes[..cut], &ActorId::random()).unwrap_err();
            assert!(matches!(err, SessionFileError::Damaged(_)), "{cut}: {err}");
        }
        let mut tampered = bytes.clone();
        let at = tampered.windows(4).position(|w| w == b"\"w1\"").unwrap();
        tampered[at + 2] = b'2';
        let err = from_bytes(&tampered, &ActorId::random()).unwrap_err();
        assert!(matches!(err, SessionFileError::Damaged(_)), "{err}");
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.systematic");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: no disk used
        let err = read(&path, &ActorId::random()).unwrap_err();
        assert!(
            matches!(err, SessionFileError::TooLarge { bytes, max } if bytes == MAX_FILE_BYTES + 1 && max == MAX_FILE_BYTES),
            "{err}"
        );
        file.set_len(MAX_FILE_BYTES).unwrap();
        let err = read(&path, &ActorId::random()).unwrap_err();
        assert!(matches!(err, SessionFileError::NotASessionFile), "{err}");
    }

    /// A session file whose first persona's name was written straight into the Automerge
    /// document, past every check this app makes.
    fn file_with_persona_name(dir: &Path, name: &str) -> std::path::PathBuf {
        use automerge::transaction::Transactable;
        use automerge::ReadDoc;
        let mut doc = doc();
        let draft = systematic_ipc::PersonaDraft {
            name: "Esther".into(),
            ..Default::default()
        };
        let persona = doc.add_persona(&draft, 2).unwrap();
        let raw = doc.automerge();
        let (_, personas) = raw.get(automerge::ROOT, "personas").unwrap().unwrap();
        let (_, item) = raw.get(&personas, persona.id.0.as_str()).unwrap().unwrap();
        raw.put(&item, "name", name).unwrap();
        raw.commit();
        let path = dir.join("crafted.systematic");
        std::fs::write(&path, to_bytes(&mut doc).unwrap()).unwrap();
        path
    }

    #[test]
    fn a_document_far_past_the_limits_is_refused_and_one_within_them_opens() {
        let dir = tempfile::tempdir().unwrap();
        let limit = crate::limits::NAME_MAX * crate::limits::OUTSIDE_TOLERANCE;
        let at_limit = file_with_persona_name(dir.path(), &"x".repeat(limit));
        assert!(read(&at_limit, &ActorId::random()).is_ok());
        let huge = file_with_persona_name(dir.path(), &"x".repeat(limit + 1));
        let err = read(&huge, &ActorId::random()).unwrap_err();
        assert!(
            matches!(&err, SessionFileError::Damaged(detail) if detail.contains("persona") && detail.contains("name")),
            "{err}"
        );
        // The workshop as this app wrote it passes, demo included.
        let (_, mut demo) = crate::demo::demo_document("Table 1", &ActorId::random(), 1).unwrap();
        let path = dir.path().join("demo.systematic");
        std::fs::write(&path, to_bytes(&mut demo).unwrap()).unwrap();
        assert!(read(&path, &ActorId::random()).is_ok());
    }

    #[test]
    fn writing_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("table-1.systematic");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn writing_into_a_missing_folder_fails_and_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone").join("x.systematic");
        let err = write_atomically(&path, b"x").unwrap_err();
        assert!(err.to_string().contains("gone"), "{err}");
    }
}
