//! `systematic`: the workshop engine from the command line. Every command works on session files
//! (`.systematic`) and uses the same core as the app. Documented in `docs/CLI.md`.
//!
//! Exit codes: 0 ok, 1 a user error (explained on standard error), 2 a corrupt input file.

mod analysis_text;
mod failure;
mod print;
mod text;

use automerge::ActorId;
use clap::{Parser, Subcommand, ValueEnum};
use failure::Failure;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use systematic_core::document::WorkshopDoc;
use systematic_core::merge::{merge, MergeOptions, MergeSource};
use systematic_core::{inspect, ops, session_file};

#[derive(Parser)]
#[command(
    name = "systematic",
    version,
    about = "Create, inspect, edit, merge, check and export SysteMatic Workshop session files."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Creates a new workshop session file.
    New {
        /// The workshop's title, e.g. "What matters for Esther?".
        #[arg(long)]
        title: String,
        /// The workshop's date, e.g. 2026-03-01 (repeat for several days).
        #[arg(long = "date")]
        dates: Vec<String>,
        #[arg(long, default_value = "")]
        venue: String,
        /// A facilitator's name (repeat for several).
        #[arg(long = "facilitator")]
        facilitators: Vec<String>,
        /// The name of the laptop making the file, carried on its first change.
        #[arg(long, default_value = "Command line")]
        laptop: String,
        /// The workshop id; a new random one when left out.
        #[arg(long)]
        id: Option<String>,
        /// Where to write the session file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Shows what a session file holds; with --json, the whole model as JSON.
    Inspect {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Applies a JSON Lines script of operations read from standard input, one change per line.
    /// The file is rewritten only when every line was applied.
    Edit {
        file: PathBuf,
        /// The laptop name written into every change.
        #[arg(long)]
        laptop: String,
    },
    /// Merges session files of the same workshop into one, and reports what happened.
    Merge {
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
        /// Print the merge report as JSON.
        #[arg(long)]
        json: bool,
        /// Merge files of different workshops anyway; their ids then show as a conflict.
        #[arg(long)]
        force: bool,
    },
    /// Checks that a session file can be read in full.
    Check { file: PathBuf },
    /// Analyses the system map: feedback loops, single points of failure, the most central
    /// nodes, and what each persona can reach.
    Analyze {
        file: PathBuf,
        /// Print the analysis as JSON.
        #[arg(long)]
        json: bool,
        /// List at most this many feedback loops.
        #[arg(long, default_value_t = systematic_core::analysis::DEFAULT_LOOP_CAP)]
        max_loops: usize,
    },
    /// Prints a workshop to a PDF: persona cards, the map poster, journeys, vote results, the
    /// workshop report, or a blank worksheet.
    Print {
        file: PathBuf,
        #[arg(long, value_enum)]
        what: PrintWhat,
        /// Persona cards four to an A4 sheet, or one A5 card per page.
        #[arg(long, value_enum, default_value = "a4")]
        cards_on: CardsOn,
        /// The map poster's size.
        #[arg(long, value_enum, default_value = "a3")]
        paper: PosterPaper,
        /// Print the poster on A4 sheets to stick together.
        #[arg(long)]
        tiled: bool,
        /// The vote round a voting sheet lists (its id, as `inspect --json` shows).
        #[arg(long)]
        round: Option<String>,
        /// The printout's language: en-GB or sv.
        #[arg(long, default_value = "en-GB")]
        language: String,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Exports a workshop.
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The language of the report's own words: en-GB or sv.
        #[arg(long, default_value = "en-GB")]
        language: String,
        /// Where to write; standard output when left out.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Prints a completion script for a shell, e.g. `systematic completions bash >
    /// /usr/share/bash-completion/completions/systematic` (the package ships them).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Prints the manual page (roff), made from these same definitions.
    Manual,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// The whole workshop (the docs/FORMAT.md model).
    Json,
    /// Every note with its theme, stage, table and author, for a spreadsheet.
    NotesCsv,
    /// Every dot with its round, item, voter, laptop and time, for a spreadsheet.
    VotesCsv,
    /// The workshop report as one self-contained HTML file.
    ReportHtml,
}

/// What `systematic print` makes.
#[derive(Clone, Copy, ValueEnum)]
enum PrintWhat {
    PersonaCards,
    MapPoster,
    Journeys,
    VoteResults,
    Report,
    PersonaSheet,
    JourneySheet,
    VotingSheet,
}

#[derive(Clone, Copy, ValueEnum)]
enum CardsOn {
    /// A6 cards, four to an A4 sheet, with cut marks.
    A4,
    /// One A5 card per page.
    A5,
}

#[derive(Clone, Copy, ValueEnum)]
enum PosterPaper {
    A3,
    A2,
    A1,
}

fn printout(
    what: PrintWhat,
    cards_on: CardsOn,
    paper: PosterPaper,
    tiled: bool,
    round: Option<String>,
) -> Result<systematic_ipc::Printout, Failure> {
    use systematic_ipc::{CardLayout, PosterSize, Printout, Worksheet};
    Ok(match what {
        PrintWhat::PersonaCards => Printout::PersonaCards {
            layout: match cards_on {
                CardsOn::A4 => CardLayout::FourOnA4,
                CardsOn::A5 => CardLayout::A5,
            },
        },
        PrintWhat::MapPoster => Printout::MapPoster {
            size: match paper {
                PosterPaper::A3 => PosterSize::A3,
                PosterPaper::A2 => PosterSize::A2,
                PosterPaper::A1 => PosterSize::A1,
            },
            tiled,
        },
        PrintWhat::Journeys => Printout::Journeys,
        PrintWhat::VoteResults => Printout::VoteResults,
        PrintWhat::Report => Printout::Report,
        PrintWhat::PersonaSheet => Printout::Worksheet {
            sheet: Worksheet::Persona,
        },
        PrintWhat::JourneySheet => Printout::Worksheet {
            sheet: Worksheet::Journey,
        },
        PrintWhat::VotingSheet => Printout::Worksheet {
            sheet: Worksheet::Voting {
                round: round.ok_or_else(|| {
                    Failure::user("a voting sheet needs --round: the id of the vote round")
                })?,
            },
        },
    })
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn open(path: &Path) -> Result<WorkshopDoc, Failure> {
    let (_, doc) = session_file::read(path, &ActorId::random())
        .map_err(|e| Failure::from_session_file(path, e))?;
    Ok(doc)
}

fn save(path: &Path, doc: &mut WorkshopDoc) -> Result<(), Failure> {
    let bytes = session_file::to_bytes(doc).map_err(|e| Failure::from_session_file(path, e))?;
    session_file::write_atomically(path, &bytes).map_err(|e| Failure::from_session_file(path, e))
}

fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn run(cli: Cli) -> Result<(), Failure> {
    use clap::CommandFactory;
    match cli.command {
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "systematic",
                &mut std::io::stdout(),
            );
        }
        Command::Manual => {
            clap_mangen::Man::new(Cli::command())
                .render(&mut std::io::stdout())
                .map_err(|e| Failure::user(format!("could not write the manual: {e}")))?;
        }
        Command::New {
            title,
            dates,
            venue,
            facilitators,
            laptop,
            id,
            output,
        } => {
            let facts = [
                ("title".to_owned(), serde_json::json!(title)),
                ("dates".to_owned(), serde_json::json!(dates)),
                ("venue".to_owned(), serde_json::json!(venue)),
                ("facilitators".to_owned(), serde_json::json!(facilitators)),
            ]
            .into_iter()
            .collect();
            let id = id.unwrap_or_else(|| uuid_like(&ActorId::random()));
            systematic_core::model::check_id(&id).map_err(|e| Failure::user(e.to_string()))?;
            let mut doc = WorkshopDoc::create(&id, &facts, &laptop, &ActorId::random(), now_ms())
                .map_err(|e| Failure::user(e.to_string()))?;
            save(&output, &mut doc)?;
            println!("Created {} (workshop {id}).", output.display());
        }
        Command::Inspect { file, json } => {
            let mut doc = open(&file)?;
            let model = inspect::model_json(&mut doc).map_err(|e| Failure::corrupt(&file, e))?;
            if json {
                println!("{}", pretty(&model));
            } else {
                print!("{}", text::summary(&model));
            }
        }
        Command::Edit { file, laptop } => {
            let laptop = systematic_core::limits::check_laptop_name(&laptop)
                .map_err(|e| Failure::user(format!("--laptop: {e}")))?;
            let mut doc = open(&file)?;
            doc.set_laptop(&laptop);
            let mut script = String::new();
            std::io::stdin()
                .read_to_string(&mut script)
                .map_err(|e| Failure::user(format!("could not read the script: {e}")))?;
            let applied = ops::apply_script(&mut doc, &script, &mut now_ms)
                .map_err(|e| Failure::user(format!("{e}. Nothing was written.")))?;
            save(&file, &mut doc)?;
            eprintln!("Applied {applied} operations to {}.", file.display());
        }
        Command::Merge {
            files,
            output,
            json,
            force,
        } => {
            let bar = indicatif::ProgressBar::new(files.len() as u64 * 3);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message("loading");
            let mut sources = Vec::new();
            for path in &files {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                sources.push(MergeSource {
                    name,
                    doc: open(path)?,
                });
                bar.inc(1);
            }
            bar.set_message("merging");
            let loaded = files.len() as u64;
            let options = MergeOptions { force };
            let (mut merged, report) = merge(sources, &options, &mut |done, _| {
                bar.set_position(loaded + done as u64);
            })
            .map_err(Failure::from_merge)?;
            bar.finish_and_clear();
            save(&output, &mut merged)?;
            if json {
                println!(
                    "{}",
                    pretty(&serde_json::to_value(&report).unwrap_or_default())
                );
            } else {
                print!("{}", text::merge_report(&report));
                println!("Wrote {}.", output.display());
            }
        }
        Command::Check { file } => {
            let mut doc = open(&file)?;
            let model = inspect::model_json(&mut doc).map_err(|e| Failure::corrupt(&file, e))?;
            let changes = doc.automerge().get_changes_meta(&[]).len();
            println!(
                "{} is a readable session file: \"{}\", workshop {}, {changes} changes.",
                file.display(),
                model["workshop"]["title"].as_str().unwrap_or_default(),
                model["id"].as_str().unwrap_or_default(),
            );
        }
        Command::Analyze {
            file,
            json,
            max_loops,
        } => {
            let doc = open(&file)?;
            let map = doc.map().map_err(|e| Failure::corrupt(&file, e))?;
            let found = systematic_core::analysis::analyze(&map.nodes, &map.connections, max_loops);
            if json {
                println!(
                    "{}",
                    pretty(&serde_json::to_value(&found).unwrap_or_default())
                );
            } else {
                let title = doc.meta().map(|m| m.title).unwrap_or_default();
                print!("{}", analysis_text::analysis(&title, &map, &found));
            }
        }
        Command::Print {
            file,
            what,
            cards_on,
            paper,
            tiled,
            round,
            language,
            output,
        } => {
            let printout = printout(what, cards_on, paper, tiled, round)?;
            let doc = open(&file)?;
            print::print(&doc, &printout, &language, &output)?;
        }
        Command::Export {
            file,
            format,
            language,
            output,
        } => {
            let mut doc = open(&file)?;
            let bytes = match format {
                ExportFormat::Json => {
                    let model =
                        inspect::model_json(&mut doc).map_err(|e| Failure::corrupt(&file, e))?;
                    (pretty(&model) + "\n").into_bytes()
                }
                ExportFormat::NotesCsv => systematic_core::tables::notes_csv(&doc)
                    .map_err(|e| Failure::corrupt(&file, e))?,
                ExportFormat::VotesCsv => systematic_core::tables::votes_csv(&doc)
                    .map_err(|e| Failure::corrupt(&file, e))?,
                ExportFormat::ReportHtml => {
                    print::check_language(&language)?;
                    let today = chrono::Local::now().date_naive();
                    systematic_print::report_html(&doc, &language, today)
                        .map_err(|e| Failure::user(e.to_string()))?
                        .into_bytes()
                }
            };
            match output {
                Some(path) => session_file::write_atomically(&path, &bytes)
                    .map_err(|e| Failure::from_session_file(&path, e))?,
                None => {
                    use std::io::Write;
                    std::io::stdout()
                        .write_all(&bytes)
                        .map_err(|e| Failure::user(format!("could not write: {e}")))?;
                }
            }
        }
    }
    Ok(())
}

/// A random id for a new workshop, from the same random source as actor ids.
fn uuid_like(actor: &ActorId) -> String {
    actor.to_hex_string()
}

fn main() -> ExitCode {
    // Session files from others are opened first in a child copy of this program with bounded
    // memory; in that child this call does the checking and exits.
    systematic_core::untrusted::serve_or_register();
    // A wrong argument is the user's to fix (exit 1); clap's own exit code 2 is ours for
    // corrupt input. Help and version still exit 0.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(failure::USER_ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    // A panic deep in Automerge on a hostile file is a damaged input, not a crash.
    let result = std::panic::catch_unwind(|| run(cli)).unwrap_or_else(|_| {
        Err(Failure {
            code: failure::CORRUPT_INPUT,
            message: "an input file is damaged: reading it failed inside the document library"
                .into(),
        })
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("systematic: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
