//! Crash soak: the real store is driven through many edits while its process is killed with
//! SIGKILL at random moments. After every kill the database must pass `PRAGMA integrity_check`,
//! the workshop document must load, and every edit the store had acknowledged must be there.
//!
//! `soak DIR EDITS [SEED]` runs the soak in DIR (which must exist) and prints the figures for
//! docs/BENCHMARKS.md; `tests/tests/crash_soak.rs` runs a short one in every test run. The child
//! mode, `soak --worker DIR FROM`, adds notes "edit FROM", "edit FROM+1", … and prints
//! `ack N` after the store has answered for edit N.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use systematic_core::data_dir::DataFolder;
use systematic_core::App;
use systematic_ipc::{NewWorkshop, Operation, Request, Response, WorkshopId};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("--worker") => worker(Path::new(&args[1]), args[2].parse().expect("FROM")),
        Some(dir) => {
            let edits = args.get(1).and_then(|e| e.parse().ok()).unwrap_or(10_000);
            let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
            soak(Path::new(dir), edits, seed).map(|figures| println!("{figures}"))
        }
        None => Err("usage: soak DIR [EDITS] [SEED]".into()),
    };
    if let Err(error) = result {
        eprintln!("soak: {error}");
        std::process::exit(1);
    }
}

/// The one workshop of the soak: created by the first worker, found by the later ones.
fn workshop(app: &mut App) -> Result<WorkshopId, String> {
    match app
        .handle(Request::ListWorkshops)
        .map_err(|e| format!("{e:?}"))?
    {
        Response::Workshops(list) if !list.is_empty() => Ok(list[0].id.clone()),
        _ => match app
            .handle(Request::CreateWorkshop {
                workshop: NewWorkshop {
                    title: "Soak".into(),
                    date: chrono::NaiveDate::from_ymd_opt(2026, 12, 6),
                    ..NewWorkshop::default()
                },
            })
            .map_err(|e| format!("{e:?}"))?
        {
            Response::Workshop(view) => Ok(view.id),
            other => Err(format!("unexpected answer {other:?}")),
        },
    }
}

fn worker(dir: &Path, from: u64) -> Result<(), String> {
    let mut app = App::open(DataFolder::chosen(dir));
    let id = workshop(&mut app)?;
    let mut stdout = std::io::stdout().lock();
    for n in from.. {
        let add = Operation::Add {
            kind: "note".into(),
            id: Some(format!("n{n}")),
            fields: serde_json::from_value(serde_json::json!({ "text": format!("edit {n}") }))
                .expect("fields"),
        };
        app.handle(Request::Edit {
            workshop: id.clone(),
            ops: vec![add],
        })
        .map_err(|e| format!("edit {n} refused: {e:?}"))?;
        writeln!(stdout, "ack {n}").map_err(|e| e.to_string())?;
        stdout.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// What the store holds after a kill: the notes' numbers, after checking the database.
fn recover(dir: &Path) -> Result<Vec<u64>, String> {
    let database = dir.join(systematic_core::store::DATABASE_FILE);
    if database.exists() {
        let connection = rusqlite::Connection::open(&database).map_err(|e| e.to_string())?;
        let integrity: String = connection
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| e.to_string())?;
        if integrity != "ok" {
            return Err(format!("integrity_check says {integrity}"));
        }
    }
    let mut app = App::open(DataFolder::chosen(dir));
    let id = match app.handle(Request::ListWorkshops) {
        Ok(Response::Workshops(list)) if !list.is_empty() => list[0].id.clone(),
        Ok(_) => return Ok(Vec::new()),
        Err(e) => return Err(format!("the store does not open: {e:?}")),
    };
    let view = match app.handle(Request::Facilitation { workshop: id }) {
        Ok(Response::Facilitation(view)) => view,
        other => return Err(format!("the workshop does not load: {other:?}")),
    };
    let mut numbers: Vec<u64> = view
        .notes
        .iter()
        .filter_map(|note| note.text.strip_prefix("edit ")?.parse().ok())
        .collect();
    numbers.sort_unstable();
    Ok(numbers)
}

/// A small deterministic generator, so a failing run can be repeated with its seed.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

fn soak(dir: &Path, edits: u64, seed: u64) -> Result<String, String> {
    let program: PathBuf = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut random = Random(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let started = Instant::now();
    let mut kills = 0u64;
    let mut acknowledged = 0u64;
    let mut next = 0u64;
    while acknowledged < edits {
        let mut child = Command::new(&program)
            .arg("--worker")
            .arg(dir)
            .arg(next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| e.to_string())?;
        let pid = child.id();
        // Kill after a random number of acknowledged edits, at a random moment after it: in
        // the middle of the next edit as often as not.
        let kill_after = 1 + random.below(400);
        let delay = Duration::from_micros(random.below(3_000));
        let mut last_ack: Option<u64> = None;
        let mut killed = false;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| e.to_string())?;
            let n: u64 = line
                .strip_prefix("ack ")
                .and_then(|n| n.parse().ok())
                .ok_or_else(|| format!("worker said {line:?}"))?;
            last_ack = Some(n);
            acknowledged += 1;
            if n + 1 - next >= kill_after || acknowledged >= edits {
                std::thread::sleep(delay);
                // SAFETY: kill only sends a signal to our own child.
                unsafe { libc::kill(pid as i32, libc::SIGKILL) };
                killed = true;
                break;
            }
        }
        let status = child.wait().map_err(|e| e.to_string())?;
        if !killed {
            // The worker ended by itself: the store refused an edit or would not open.
            return Err(format!(
                "the worker stopped on its own ({status}) after kill {kills}"
            ));
        }
        kills += 1;
        let present = recover(dir)?;
        if let Some(last) = last_ack {
            for n in next..=last {
                if present.binary_search(&n).is_err() {
                    return Err(format!(
                        "edit {n} was acknowledged but is missing after kill {kills}"
                    ));
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        if let Some(twice) = present.iter().find(|n| !seen.insert(**n)) {
            return Err(format!("edit {twice} is there twice after kill {kills}"));
        }
        // An edit in flight at the kill may or may not have landed; go on after the last one.
        next = present.last().map_or(0, |last| last + 1);
    }
    Ok(format!(
        "crash soak: {acknowledged} acknowledged edits, {kills} SIGKILLs, every acknowledged \
         edit present after each, integrity_check ok, document loads ({:.1} s, seed {seed})",
        started.elapsed().as_secs_f64()
    ))
}
