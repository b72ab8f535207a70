//! Session files from other laptops are outside bytes: Automerge's loader can panic on them
//! (caught in `WorkshopDoc::load`) and can also be made to allocate without bound, because a
//! compressed chunk is inflated before its checksum is checked. A panic can be caught; running
//! out of memory cannot, so a file is first opened in a child process with a memory and time
//! limit. Only when the child opened it does this process load it.
//!
//! The child is the running program itself, started with [`CHECK_ARGUMENT`]: every binary that
//! opens session files calls [`serve_or_register`] first thing in `main`. A process that never
//! registers (unit tests, the fuzzer) loads in-process, with panics still caught.

use crate::session_file::{self, SessionFileError};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The first argument that turns a program into a session-file checker.
pub const CHECK_ARGUMENT: &str = "--systematic-check-session-file";
/// How much memory the checker may take beyond what the program had when it started: far more
/// than the largest workshop within the limits needs (docs/LIMITS.md).
pub const MEMORY_BUDGET: u64 = 1 << 30;
/// How long the checker may take before the file is called damaged.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Exit codes of a checker that read the file and found it damaged (the reason is on stdout),
/// not a session file at all, or from a newer version (the format number is on stdout).
const EXIT_DAMAGED: i32 = 3;
const EXIT_NOT_A_SESSION_FILE: i32 = 4;
const EXIT_TOO_NEW: i32 = 5;

static CHECKER: OnceLock<PathBuf> = OnceLock::new();

/// In a checker child: checks the session file on standard input and exits. Otherwise: makes
/// this program the checker for the files it opens.
pub fn serve_or_register() {
    if std::env::args_os().nth(1).as_deref() == Some(OsStr::new(CHECK_ARGUMENT)) {
        std::process::exit(serve());
    }
    // `/proc/self/exe` is this very program even after an upgrade replaced or removed its
    // file, so the checker always matches the app that asks.
    let _ = CHECKER.set(PathBuf::from("/proc/self/exe"));
}

/// The checker's work: limit memory, read the bytes, load them, say what was wrong.
fn serve() -> i32 {
    if let Err(error) = limit_memory(MEMORY_BUDGET) {
        println!("the memory limit could not be set: {error}");
        return EXIT_DAMAGED;
    }
    // SAFETY: prctl and setrlimit only read their arguments. The checker dies with the app (no
    // orphan left looping), stops by itself after the time limit even if nobody is waiting, and
    // leaves no core dump of a gigabyte behind.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
        let seconds = TIME_LIMIT.as_secs();
        let cpu = libc::rlimit {
            rlim_cur: seconds,
            rlim_max: seconds + 1,
        };
        libc::setrlimit(libc::RLIMIT_CPU, &cpu);
        let no_core = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        libc::setrlimit(libc::RLIMIT_CORE, &no_core);
    }
    let mut bytes = Vec::new();
    if std::io::stdin().read_to_end(&mut bytes).is_err() {
        return EXIT_DAMAGED;
    }
    let actor = automerge::ActorId::from(vec![0; 16]);
    match session_file::from_bytes(&bytes, &actor) {
        Ok(_) => 0,
        Err(SessionFileError::NotASessionFile) => EXIT_NOT_A_SESSION_FILE,
        Err(SessionFileError::TooNew(version)) => {
            print!("{version}");
            EXIT_TOO_NEW
        }
        Err(error) => {
            print!("{error}");
            EXIT_DAMAGED
        }
    }
}

/// Caps this process's address space at what it uses now plus `budget`, so an allocation bomb
/// ends the checker (the allocator aborts) instead of the laptop's memory.
fn limit_memory(budget: u64) -> std::io::Result<()> {
    let statm = std::fs::read_to_string("/proc/self/statm")?;
    let pages: u64 = statm
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    // SAFETY: sysconf and setrlimit only read their arguments.
    let page_size = u64::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096);
    let mut limit = pages.saturating_mul(page_size).saturating_add(budget);
    // A lower hard limit set by whoever started the app (`ulimit -v`) stays in force.
    let mut current = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct it is given.
    if unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut current) } == 0 {
        limit = limit.min(current.rlim_max);
    }
    let rlimit = libc::rlimit {
        rlim_cur: limit,
        rlim_max: limit,
    };
    // SAFETY: a valid rlimit is passed by reference.
    if unsafe { libc::setrlimit(libc::RLIMIT_AS, &rlimit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Opens `bytes` in a checker child when this program registered as one. `Ok` means the file
/// loaded there within the limits (or no checker is registered); the caller then loads it.
pub fn check(bytes: &[u8]) -> Result<(), SessionFileError> {
    match CHECKER.get() {
        Some(program) => check_with(program, bytes, TIME_LIMIT),
        None => Ok(()),
    }
}

fn check_with(
    program: &PathBuf,
    bytes: &[u8],
    time_limit: Duration,
) -> Result<(), SessionFileError> {
    let child = Command::new(program)
        .arg(CHECK_ARGUMENT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        // Its own process group, so a hung checker is stopped with everything it started.
        .process_group(0)
        .spawn();
    // A checker that cannot start (no processes left, no memory) means the file cannot be
    // opened safely now: refuse it rather than open it without the cap.
    let mut child = match child {
        Ok(child) => child,
        Err(error) => {
            return Err(SessionFileError::Damaged(format!(
                "it could not be checked safely ({error}); close other programs and try again"
            )))
        }
    };
    if let Some(mut stdin) = child.stdin.take() {
        let bytes = bytes.to_vec();
        // A child that stops reading early (a damaged header) closes the pipe: ignore that.
        std::thread::spawn(move || {
            let _ = stdin.write_all(&bytes);
        });
    }
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < time_limit => {
                std::thread::sleep(Duration::from_millis(10))
            }
            _ => {
                if let Ok(group) = i32::try_from(child.id()) {
                    // SAFETY: kill only sends a signal; the group is the child's own.
                    unsafe { libc::kill(-group, libc::SIGKILL) };
                }
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let mut said = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        let _ = stdout.take(4096).read_to_end(&mut said);
    }
    let said = String::from_utf8_lossy(&said);
    match status {
        Some(status) if status.success() => Ok(()),
        Some(status) if status.code() == Some(EXIT_NOT_A_SESSION_FILE) => {
            Err(SessionFileError::NotASessionFile)
        }
        Some(status) if status.code() == Some(EXIT_TOO_NEW) => Err(SessionFileError::TooNew(
            said.trim().parse().unwrap_or(u32::MAX),
        )),
        Some(status) if status.code() == Some(EXIT_DAMAGED) => Err(SessionFileError::Damaged(
            strip_prefix(said.trim()).to_owned(),
        )),
        Some(_) => Err(SessionFileError::Damaged(
            "opening it needs far more memory than any workshop".into(),
        )),
        None => Err(SessionFileError::Damaged(
            "opening it takes far longer than any workshop".into(),
        )),
    }
}

/// The child prints a whole `SessionFileError`; a damaged one already starts with the words
/// the caller's `Damaged` adds.
fn strip_prefix(said: &str) -> &str {
    said.strip_prefix("this session file is damaged: ")
        .unwrap_or(said)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// A stand-in checker: a shell script that behaves as the child would in one situation.
    fn checker(dir: &tempfile::TempDir, body: &str) -> PathBuf {
        let path = dir.path().join("checker");
        std::fs::write(&path, format!("#!/bin/sh\ncat > /dev/null\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    #[test]
    fn a_file_the_checker_opened_is_let_through() {
        let dir = tempfile::tempdir().unwrap();
        let program = checker(&dir, "exit 0");
        assert!(check_with(&program, b"bytes", TIME_LIMIT).is_ok());
    }

    #[test]
    fn the_checkers_reason_is_passed_on() {
        let dir = tempfile::tempdir().unwrap();
        let program = checker(
            &dir,
            "printf 'this session file is damaged: bad checksum'; exit 3",
        );
        let error = check_with(&program, b"bytes", TIME_LIMIT).unwrap_err();
        assert_eq!(
            error.to_string(),
            "this session file is damaged: bad checksum"
        );
    }

    #[test]
    fn a_checker_that_dies_means_the_file_needs_too_much_memory() {
        let dir = tempfile::tempdir().unwrap();
        let program = checker(&dir, "kill -ABRT $$");
        let error = check_with(&program, b"bytes", TIME_LIMIT).unwrap_err();
        assert!(error.to_string().contains("memory"), "{error}");
    }

    #[test]
    fn a_checker_that_hangs_is_stopped() {
        let dir = tempfile::tempdir().unwrap();
        let program = checker(&dir, "sleep 30");
        let started = Instant::now();
        let error = check_with(&program, b"bytes", Duration::from_millis(200)).unwrap_err();
        assert!(error.to_string().contains("longer"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(20));
    }

    #[test]
    fn a_big_file_is_written_to_a_checker_that_stops_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("checker");
        std::fs::write(&path, "#!/bin/sh\nexit 0\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        let bytes = vec![0u8; 8 * 1024 * 1024];
        assert!(check_with(&path, &bytes, TIME_LIMIT).is_ok());
    }

    #[test]
    fn a_newer_file_or_not_a_session_file_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let program = checker(&dir, "printf 7; exit 5");
        let error = check_with(&program, b"bytes", TIME_LIMIT).unwrap_err();
        assert!(matches!(error, SessionFileError::TooNew(7)), "{error}");
        let program = checker(&dir, "exit 4");
        let error = check_with(&program, b"bytes", TIME_LIMIT).unwrap_err();
        assert!(
            matches!(error, SessionFileError::NotASessionFile),
            "{error}"
        );
    }

    #[test]
    fn a_checker_that_cannot_start_refuses_the_file() {
        let missing = PathBuf::from("/nonexistent/checker");
        let error = check_with(&missing, b"bytes", TIME_LIMIT).unwrap_err();
        assert!(
            error.to_string().contains("could not be checked safely"),
            "{error}"
        );
    }

    #[test]
    fn without_a_checker_files_load_in_process() {
        // Unit tests never register a checker.
        assert!(check(b"anything").is_ok());
    }
}
