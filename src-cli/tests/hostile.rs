//! Hostile session files, opened with the real `systematic` tool: each gets a plain answer and
//! exit code 2, and none takes the laptop's memory with it.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use systematic_core::session_file;

/// The Automerge chunk magic bytes and the chunk type of a compressed change.
const CHUNK_MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const COMPRESSED_CHANGE: u8 = 2;

/// A raw DEFLATE stream that inflates to `gib` GiB of zeros from a few MiB: one 64 MiB block,
/// ended with a sync flush so it can be repeated, then an empty final block.
fn deflate_bomb(gib: usize) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&vec![0u8; 64 << 20]).unwrap();
    encoder.flush().unwrap();
    let block = encoder.get_ref().clone();
    let mut stream = Vec::with_capacity(block.len() * gib * 16 + 2);
    for _ in 0..gib * 16 {
        stream.extend_from_slice(&block);
    }
    stream.extend_from_slice(&[0x03, 0x00]);
    stream
}

/// A session file whose header is fine and whose document is one compressed Automerge chunk:
/// the loader inflates a compressed chunk before it checks the checksum.
fn bomb_file(dir: &Path) -> std::path::PathBuf {
    let stream = deflate_bomb(4);
    let mut chunk = CHUNK_MAGIC.to_vec();
    chunk.extend_from_slice(&[0, 0, 0, 0]);
    chunk.push(COMPRESSED_CHANGE);
    let mut length = stream.len() as u64;
    loop {
        let byte = (length & 0x7f) as u8;
        length >>= 7;
        if length == 0 {
            chunk.push(byte);
            break;
        }
        chunk.push(byte | 0x80);
    }
    chunk.extend_from_slice(&stream);
    let header = br#"{"format_version":1,"app_version":"0.1.0","workshop_id":"w","title":"Bomb"}"#;
    let mut bytes = session_file::MAGIC.to_vec();
    bytes.extend_from_slice(&(header.len() as u32).to_le_bytes());
    bytes.extend_from_slice(header);
    bytes.extend_from_slice(&chunk);
    assert!((bytes.len() as u64) < session_file::MAX_FILE_BYTES);
    let path = dir.join("bomb.systematic");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// One test at a time: the peak memory read below is the largest of all this process's
/// children, and two gigabyte checkers at once would also press on a small machine.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `systematic check`, and answers its exit code, what it said and the peak memory of
/// the children of this test process so far (the tool and its checker).
fn check_with_peak_memory(file: &Path) -> (Option<i32>, String, u64) {
    let output = Command::new(env!("CARGO_BIN_EXE_systematic"))
        .arg("check")
        .arg(file)
        .output()
        .expect("systematic runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    // getrusage of the children that have ended: the checker counts too, the tool itself too.
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage writes a whole rusage into the pointer it is given.
    let peak_kib = unsafe {
        libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr());
        usage.assume_init().ru_maxrss
    };
    (output.status.code(), stderr, peak_kib as u64 / 1024)
}

#[test]
fn a_decompression_bomb_is_called_damaged_without_taking_the_memory() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let bomb = bomb_file(dir.path());
    let (code, stderr, peak_mib) = check_with_peak_memory(&bomb);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("is damaged"), "{stderr}");
    // The bomb inflates to 4 GiB; the checker stops at its budget: its allocator either gives
    // up (the checker dies: "far more memory") or says no (Automerge: "unable to decompress").
    assert!(
        stderr.contains("far more memory") || stderr.contains("decompress"),
        "{stderr}"
    );
    let budget_mib = systematic_core::untrusted::MEMORY_BUDGET / (1024 * 1024);
    assert!(
        peak_mib < budget_mib + 256,
        "peak {peak_mib} MiB, budget {budget_mib} MiB"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.systematic");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(session_file::MAX_FILE_BYTES + 1).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_systematic"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("more than the 67108864 bytes"), "{stderr}");
}

/// Inputs the fuzzer found that make Automerge's loader take gigabytes from a few KiB
/// (`fuzz/balloons/`, kept as `session_chunks` inputs). In the tool they are damaged files.
#[test]
fn inputs_that_balloon_automerge_are_damaged_files_within_the_memory_budget() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let balloons = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/balloons");
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(&balloons).expect("fuzz/balloons is in the repository") {
        let input = std::fs::read(entry.unwrap().path()).unwrap();
        let body = systematic_core::fuzzing::automerge_from_chunks(&input);
        let header =
            br#"{"format_version":1,"app_version":"0.1.0","workshop_id":"w","title":"Balloon"}"#;
        let mut bytes = session_file::MAGIC.to_vec();
        bytes.extend_from_slice(&(header.len() as u32).to_le_bytes());
        bytes.extend_from_slice(header);
        bytes.extend_from_slice(&body);
        let path = dir.path().join(format!("balloon-{checked}.systematic"));
        std::fs::write(&path, bytes).unwrap();
        let (code, stderr, peak_mib) = check_with_peak_memory(&path);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains("is damaged"), "{stderr}");
        let budget_mib = systematic_core::untrusted::MEMORY_BUDGET / (1024 * 1024);
        assert!(peak_mib < budget_mib + 256, "peak {peak_mib} MiB");
        checked += 1;
    }
    assert!(checked >= 1);
}
