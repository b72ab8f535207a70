//! What each fuzz target does with its input, defined once: the targets in `fuzz/` call these
//! under libFuzzer, and `src-core/tests/fuzz_corpora.rs` replays every kept input (crash cases
//! included) through the same calls in every test run. Each returns whether the input got
//! through as valid, so the replay can check its corpus still holds valid seeds.
//!
//! Not part of the app's behaviour; public only so the fuzz crate can reach it.
#![doc(hidden)]

use crate::document::WorkshopDoc;
use crate::interchange::{self, MapFormat};
use crate::session_file;
use automerge::ActorId;
use sha2::{Digest, Sha256};

/// The fuzz targets, by name (also the corpus folder names under `fuzz/corpus/`).
pub const TARGETS: [&str; 9] = [
    "session_file",
    "session_protected",
    "session_chunks",
    "edit_script",
    "map_kumu",
    "map_csv",
    "map_graphml",
    "map_dot",
    "map_canvas",
];

/// Runs the target called `name` on `bytes`. Panics when the input found a bug.
pub fn run(name: &str, bytes: &[u8]) -> bool {
    match name {
        "session_file" => session_file(bytes),
        "session_protected" => session_protected(bytes),
        "session_chunks" => session_chunks(bytes),
        "edit_script" => edit_script(bytes),
        "map_kumu" => map_import(MapFormat::Kumu, bytes),
        "map_csv" => map_import(MapFormat::Csv, bytes),
        "map_graphml" => map_import(MapFormat::GraphMl, bytes),
        "map_dot" => map_import(MapFormat::Dot, bytes),
        "map_canvas" => map_import(MapFormat::JsonCanvas, bytes),
        other => panic!("no fuzz target called {other}"),
    }
}

/// For fuzz targets only: libfuzzer-sys's panic hook aborts on every panic, even one the code
/// under test catches by design (Automerge's loader panics, caught in `WorkshopDoc::load`).
/// With a silent hook they unwind to their `catch_unwind`; a panic nobody catches still reaches
/// libfuzzer-sys's own `catch_unwind`, which aborts: the fuzzer still sees every real crash.
pub fn let_caught_panics_unwind() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}

fn actor() -> ActorId {
    ActorId::from(vec![7; 16])
}

/// The passphrase the `session_protected` seeds are encrypted with.
pub const FUZZ_PASSPHRASE: &str = "fuzzing passphrase";
/// The scrypt work the `session_protected` target accepts: cheap, so the fuzzer spends its time
/// in the age header and payload parsers, not in scrypt. (The app accepts up to
/// `session_file::AGE_WORK_FACTOR_MAX`; the cap itself is tested in `session_file`.)
const FUZZ_WORK_FACTOR_MAX: u8 = 4;

/// A session file protected with a passphrase (an age file) is decrypted or refused; what it
/// decrypts to is then read like any session file.
pub fn session_protected(bytes: &[u8]) -> bool {
    match session_file::remove_passphrase_with(bytes, FUZZ_PASSPHRASE, FUZZ_WORK_FACTOR_MAX) {
        Ok(plain) => session_file(&plain),
        Err(_) => false,
    }
}

/// A seed for `session_protected`: `plain` encrypted to [`FUZZ_PASSPHRASE`] at the cheapest work.
pub fn protected_seed(plain: &[u8]) -> Vec<u8> {
    let mut recipient = age::scrypt::Recipient::new(FUZZ_PASSPHRASE.to_owned().into());
    recipient.set_work_factor(2);
    age::encrypt(&recipient, plain).unwrap_or_default()
}

/// A session file opens or is refused; one that opens can be read in full, as `check` reads it.
pub fn session_file(bytes: &[u8]) -> bool {
    match session_file::from_bytes(bytes, &actor()) {
        Ok((_, mut doc)) => {
            // A file that loads must also be readable in full, as `systematic check` reads it.
            let _ = crate::inspect::model_json(&mut doc);
            true
        }
        Err(_) => false,
    }
}

/// Structure-aware: plain byte mutations almost never get past Automerge's chunk checksums, so
/// the input is the *contents* of chunks, and this wraps each in a valid header with the right
/// checksum before loading the document (the body of a session file) and reading it in full.
/// See [`automerge_from_chunks`] for the layout.
pub fn session_chunks(bytes: &[u8]) -> bool {
    match WorkshopDoc::load(&automerge_from_chunks(bytes), &actor()) {
        Ok(mut doc) => {
            let _ = crate::inspect::model_json(&mut doc);
            true
        }
        Err(_) => false,
    }
}

/// Separates chunks in a `session_chunks` input.
pub const CHUNK_SEPARATOR: &[u8] = b"\xff--chunk--\xff";

/// Automerge's chunk magic bytes.
const CHUNK_MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const COMPRESSED: u8 = 2;

/// Turns a `session_chunks` input into Automerge bytes: pieces separated by [`CHUNK_SEPARATOR`],
/// each a chunk type byte (0 document, 1 change, 2 compressed change, 3 bundle; taken modulo
/// 4) followed by the chunk's contents.
pub fn automerge_from_chunks(input: &[u8]) -> Vec<u8> {
    let mut automerge = Vec::with_capacity(input.len() + 64);
    for piece in split_on(input, CHUNK_SEPARATOR) {
        let Some((&kind, contents)) = piece.split_first() else {
            continue;
        };
        write_chunk(&mut automerge, kind % 4, contents);
    }
    automerge
}

/// The inverse, for seeding the corpus: a `session_chunks` input from a real document's bytes.
pub fn chunks_to_input(automerge: &[u8]) -> Vec<u8> {
    let mut input = Vec::new();
    let mut rest = automerge;
    while let Some((kind, contents, after)) = read_chunk(rest) {
        if !input.is_empty() {
            input.extend_from_slice(CHUNK_SEPARATOR);
        }
        input.push(kind);
        input.extend_from_slice(contents);
        rest = after;
    }
    input
}

/// Writes one chunk whose checksum is right. A compressed change's contents are given
/// uncompressed; they are deflated here and the checksum is of the change they hold.
fn write_chunk(out: &mut Vec<u8>, kind: u8, contents: &[u8]) {
    let checked_as = if kind == COMPRESSED { 1 } else { kind };
    let mut hashed = vec![checked_as];
    write_uleb(&mut hashed, contents.len() as u64);
    let mut hasher = Sha256::new();
    hasher.update(&hashed);
    hasher.update(contents);
    let hash = hasher.finalize();
    let stored = if kind == COMPRESSED {
        deflate(contents)
    } else {
        contents.to_vec()
    };
    out.extend_from_slice(&CHUNK_MAGIC);
    out.extend_from_slice(&hash[..4]);
    out.push(kind);
    write_uleb(out, stored.len() as u64);
    out.extend_from_slice(&stored);
}

/// A chunk's type, contents and what follows it, or `None` when `bytes` does not start with one.
fn read_chunk(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let rest = bytes.strip_prefix(CHUNK_MAGIC.as_slice())?;
    let (&kind, rest) = rest.get(4..)?.split_first()?;
    let (length, rest) = read_uleb(rest)?;
    let length = usize::try_from(length).ok()?;
    (rest.len() >= length).then(|| (kind, &rest[..length], &rest[length..]))
}

fn write_uleb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn read_uleb(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut value = 0u64;
    for (index, &byte) in bytes.iter().enumerate().take(10) {
        value |= u64::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            return Some((value, &bytes[index + 1..]));
        }
    }
    None
}

/// DEFLATE without compression: stored blocks of up to 65,535 bytes.
fn deflate(contents: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(contents.len() + contents.len() / 65_535 * 5 + 5);
    let mut blocks = contents.chunks(65_535).peekable();
    if blocks.peek().is_none() {
        return vec![0x01, 0x00, 0x00, 0xff, 0xff];
    }
    while let Some(block) = blocks.next() {
        out.push(u8::from(blocks.peek().is_none()));
        let length = block.len() as u16;
        out.extend_from_slice(&length.to_le_bytes());
        out.extend_from_slice(&(!length).to_le_bytes());
        out.extend_from_slice(block);
    }
    out
}

fn split_on<'a>(mut bytes: &'a [u8], separator: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    while let Some(at) = bytes.windows(separator.len()).position(|w| w == separator) {
        pieces.push(&bytes[..at]);
        bytes = &bytes[at + separator.len()..];
    }
    pieces.push(bytes);
    pieces
}

/// An `edit` operation script (JSON Lines) applied to a small workshop: every line is applied
/// or refused with its line number; a workshop it built can be read in full.
pub fn edit_script(bytes: &[u8]) -> bool {
    let Ok(script) = std::str::from_utf8(bytes) else {
        return false;
    };
    let mut doc = starting_workshop();
    let mut clock = 1_700_000_000_000;
    let applied = crate::ops::apply_script(&mut doc, script, &mut || {
        clock += 1;
        clock
    });
    crate::inspect::model_json(&mut doc).expect("a workshop an edit script changed reads back");
    applied.is_ok()
}

/// A fresh workshop for each script, loaded from bytes made once.
fn starting_workshop() -> WorkshopDoc {
    static SAVED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let saved = SAVED.get_or_init(|| {
        let meta = systematic_ipc::WorkshopMeta {
            title: "Fuzz".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).expect("a date"),
            venue: String::new(),
            facilitator: String::new(),
        };
        WorkshopDoc::create(
            "fuzz",
            &crate::document::typed::meta_fields(&meta),
            "Fuzz",
            &actor(),
            1,
        )
        .expect("a new workshop")
        .save()
    });
    WorkshopDoc::load(saved, &actor()).expect("the starting workshop loads")
}

/// A map file in `format` imports or is refused; one that imports exports again in every
/// format but PNG (drawing it is too slow for a fuzzer, and it draws the SVG). Format
/// detection runs on the same bytes.
pub fn map_import(format: MapFormat, bytes: &[u8]) -> bool {
    for name in [
        "input",
        "map.json",
        "map.canvas",
        "map.graphml",
        "map.dot",
        "nodes.csv",
    ] {
        let _ = interchange::detect(name, bytes);
    }
    let imported = if format == MapFormat::Csv {
        // Two files: split at the first 0 byte, or else half way.
        let (nodes, connections) = match bytes.iter().position(|&b| b == 0) {
            Some(zero) => (&bytes[..zero], &bytes[zero + 1..]),
            None => bytes.split_at(bytes.len() / 2),
        };
        interchange::import(
            format,
            &[("nodes.csv", nodes), ("connections.csv", connections)],
        )
    } else {
        interchange::import(format, &[("input", bytes)])
    };
    let Ok(map) = imported else {
        return false;
    };
    let view = map.into_map_view();
    for export_as in MapFormat::ALL.into_iter().filter(|f| *f != MapFormat::Png) {
        if let Err(error) = interchange::export(&view, "Fuzz", export_as) {
            panic!(
                "a map that imports must export as {}: {error}",
                export_as.name()
            );
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_real_document_survives_the_trip_through_chunk_inputs() {
        let mut doc = starting_workshop();
        let input = chunks_to_input(&doc.save());
        assert_eq!(input[0], 0, "a saved document starts with a document chunk");
        assert!(session_chunks(&input));
        // A checksum that is off by one bit is refused: the wrapping is what makes it valid.
        let mut bytes = automerge_from_chunks(&input);
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert!(WorkshopDoc::load(&bytes, &actor()).is_err());
    }

    #[test]
    fn a_compressed_change_is_written_with_the_checksum_of_the_change_it_holds() {
        let mut doc = starting_workshop();
        let heads = doc.heads();
        let draft = systematic_ipc::PersonaDraft {
            name: "Esther".into(),
            ..Default::default()
        };
        doc.add_persona(&draft, 2).unwrap();
        let mut input = chunks_to_input(&doc.changes_since(&heads));
        assert_eq!(input[0], 1, "changes are saved as change chunks");
        input[0] = COMPRESSED;
        let mut whole = chunks_to_input(&doc.save());
        whole.extend_from_slice(CHUNK_SEPARATOR);
        whole.extend_from_slice(&input);
        assert!(session_chunks(&whole));
    }

    #[test]
    fn stored_deflate_blocks_hold_their_bytes() {
        assert_eq!(deflate(b""), [0x01, 0x00, 0x00, 0xff, 0xff]);
        let deflated = deflate(&[7u8; 70_000]);
        assert_eq!(deflated.len(), 70_000 + 10);
        assert_eq!(deflated[0], 0, "the first of two blocks is not the last");
    }
}
