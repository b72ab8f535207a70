//! `systematic print` on the demo workshop: every printout is a real PDF with the expected words,
//! page sizes and counts, embedded fonts and tags, checked with poppler's tools as an organiser's
//! PDF viewer would read it.

use automerge::ActorId;
use std::path::{Path, PathBuf};
use std::process::Command;
use systematic_core::document::WorkshopDoc;
use systematic_core::{demo, ops, session_file};

const EXAMPLE_SCRIPT: &str = include_str!("../../tests/fixtures/scripts/esther-workshop.jsonl");

/// Things a participant might type that a typesetter could mistake for instructions.
const HOSTILE_NAME: &str = "#set page(width: 1cm) ] <script>alert(1)</script> =1+1";

/// The demo workshop with the example script on top (a journey, a map, a round with votes,
/// actions…), the first stage timed at 12 minutes, and personas in Swedish, Russian and Greek and
/// one with a hostile name. Written as a session file in `dir`.
fn demo_file(dir: &Path) -> PathBuf {
    let start = 1_780_000_000_000_i64;
    let (_, mut doc) = demo::demo_document("Table 1", &ActorId::random(), start).unwrap();
    let mut clock = start;
    let mut now = || {
        clock += 60_000;
        clock
    };
    ops::apply_script(&mut doc, EXAMPLE_SCRIPT, &mut now).unwrap();
    let timed = r#"{"op":"timer","stage":"s1","action":"start"}"#;
    ops::apply_script(&mut doc, timed, &mut || start + 10 * 60_000).unwrap();
    let paused = r#"{"op":"timer","stage":"s1","action":"pause"}"#;
    ops::apply_script(&mut doc, paused, &mut || start + 22 * 60_000).unwrap();
    let rounds = [
        r#"{"op":"close_round","round":"r1"}"#,
        r#"{"op":"add","kind":"vote_round","id":"r2","fields":{"question":"Which journey next?","candidates":["j1"],"dots_per_person":2,"max_per_item":1,"hidden_until_reveal":true,"status":"open"}}"#,
    ];
    ops::apply_script(&mut doc, &rounds.join("\n"), &mut now).unwrap();
    let people = [
        r#"{"op":"add","kind":"persona","fields":{"name":"Åsa Öberg","age":79,"conditions":["KOL","Diabetes typ 2"],"what_matters":"Att få bo kvar hemma på gården i Ängelholm."}}"#,
        r#"{"op":"add","kind":"persona","fields":{"name":"Ольга Петрова","age":70,"what_matters":"Знать, кому звонить."}}"#,
        r#"{"op":"add","kind":"persona","fields":{"name":"Ελένη","age":66}}"#,
    ];
    ops::apply_script(&mut doc, &people.join("\n"), &mut now).unwrap();
    let hostile = serde_json::json!({
        "op": "add", "kind": "persona",
        "fields": {"name": HOSTILE_NAME, "what_matters": "#pagebreak() $x$ *bold* _u_"},
    });
    ops::apply_script(&mut doc, &hostile.to_string(), &mut now).unwrap();
    save(dir, &mut doc)
}

fn save(dir: &Path, doc: &mut WorkshopDoc) -> PathBuf {
    let path = dir.join("demo.systematic");
    let bytes = session_file::to_bytes(doc).unwrap();
    session_file::write_atomically(&path, &bytes).unwrap();
    path
}

fn print(file: &Path, args: &[&str], out: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_systematic"))
        .arg("print")
        .arg(file)
        .args(args)
        .arg("-o")
        .arg(out)
        .output()
        .expect("systematic runs");
    assert!(
        output.status.success(),
        "print {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn tool(name: &str, pdf: &Path, extra: &[&str]) -> String {
    let output = Command::new(name)
        .args(extra)
        .arg(pdf)
        .args(if name == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) is needed: {e}"));
    assert!(
        output.status.success(),
        "{name} failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What poppler says of a PDF: its text (layout order), pages, page size in mm, tags, fonts.
struct Pdf {
    /// In reading order (cards side by side stay apart).
    text: String,
    /// As laid out on the page (a table row stays on one line).
    layout: String,
    pages: usize,
    size_mm: (f64, f64),
    info: String,
    fonts: String,
}

fn read(pdf: &Path) -> Pdf {
    let info = tool("pdfinfo", pdf, &[]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("pdfinfo has no {name}: {info}"))
    };
    let pages = field("Pages:").parse().unwrap();
    let size = field("Page size:");
    let mut numbers = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    let pt_to_mm = 25.4 / 72.0;
    let size_mm = (
        numbers.next().unwrap() * pt_to_mm,
        numbers.next().unwrap() * pt_to_mm,
    );
    Pdf {
        text: tool("pdftotext", pdf, &[]),
        layout: tool("pdftotext", pdf, &["-layout"]),
        pages,
        size_mm,
        fonts: tool("pdffonts", pdf, &[]),
        info,
    }
}

impl Pdf {
    fn has(&self, words: &[&str]) {
        // pdftotext lays lines out as on the page, so a long name may be broken over lines:
        // compare without white space.
        let bare = |text: &str| text.split_whitespace().collect::<String>();
        let flat = bare(&self.text);
        for word in words {
            assert!(
                flat.contains(&bare(word)),
                "{word:?} is missing from:\n{}",
                self.text
            );
        }
    }

    fn is_print_ready(&self, width_mm: f64, height_mm: f64) {
        assert!(
            (self.size_mm.0 - width_mm).abs() < 1.0 && (self.size_mm.1 - height_mm).abs() < 1.0,
            "page is {:?} mm, not {width_mm} × {height_mm}",
            self.size_mm
        );
        let tagged = self
            .info
            .lines()
            .find_map(|l| l.strip_prefix("Tagged:"))
            .map(str::trim);
        assert_eq!(tagged, Some("yes"), "{}", self.info);
        let rows: Vec<&str> = self.fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "no fonts: {}", self.fonts);
        for row in rows {
            // name type encoding emb sub uni object ID: "emb" is the fourth column from the end.
            let columns: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(
                columns[columns.len() - 5],
                "yes",
                "font not embedded: {row}"
            );
        }
    }
}

struct Printed {
    _dir: tempfile::TempDir,
    file: PathBuf,
}

fn demo() -> Printed {
    let dir = tempfile::tempdir().unwrap();
    let file = demo_file(dir.path());
    Printed { file, _dir: dir }
}

fn render(printed: &Printed, name: &str, args: &[&str]) -> Pdf {
    let out = printed.file.with_file_name(format!("{name}.pdf"));
    let said = print(&printed.file, args, &out);
    assert!(said.contains("Wrote"), "{said}");
    read(&out)
}

#[test]
fn persona_cards_four_to_an_a4_sheet_or_one_a5_each() {
    let printed = demo();
    let cards = render(&printed, "cards", &["--what", "persona-cards"]);
    cards.is_print_ready(210.0, 297.0);
    // Seven personas: two sheets of four.
    assert_eq!(cards.pages, 2);
    cards.has(&[
        "Esther",
        "88 years old",
        "Heart failure",
        "What matters to me",
        "Everybody is kind, but nobody knows the whole of me.",
        "Åsa Öberg",
        "Ольга Петрова",
        "Ελένη",
        HOSTILE_NAME,
        "#pagebreak() $x$ *bold* _u_",
    ]);
    let a5 = render(
        &printed,
        "cards-a5",
        &["--what", "persona-cards", "--cards-on", "a5"],
    );
    a5.is_print_ready(148.0, 210.0);
    assert_eq!(a5.pages, 7);
}

#[test]
fn swedish_printouts_use_swedish_words() {
    let printed = demo();
    let cards = render(
        &printed,
        "kort",
        &["--what", "persona-cards", "--language", "sv"],
    );
    cards.has(&[
        "Det här är viktigt för mig",
        "88 år",
        "Åsa Öberg",
        "Ängelholm",
    ]);
}

#[test]
fn the_report_has_every_section_and_the_agenda_as_run() {
    let printed = demo();
    let report = render(&printed, "report", &["--what", "report"]);
    report.is_print_ready(210.0, 297.0);
    assert!(report.pages >= 8, "{} pages", report.pages);
    report.has(&[
        "Workshop report",
        "What matters for Esther?",
        "Contents",
        "Agenda as run",
        "Participants by role",
        "Carer (1): Robin",
        "Clinician (1): Sam",
        "Personas",
        "Patient journeys",
        "Esther's winter",
        "The system map",
        "The letter arrives after Esther needs help",
        "Failure scenarios",
        "Home alone after discharge",
        "Notes by theme",
        "Handovers (1)",
        "Ring the nurse on the day",
        "Vote results",
        "What should we fix first?",
        "Priorities and actions",
        "Pilot a discharge phone call",
        "The patient contract",
        "I will be told who to call",
        "Page 2 of",
    ]);
    // The first stage ran for 12 minutes of its planned 30.
    let agenda = report
        .layout
        .lines()
        .find(|line| line.contains("Personas") && line.contains("30 min"))
        .unwrap_or_else(|| panic!("no agenda row for the timed stage:\n{}", report.layout));
    assert!(agenda.contains("12 min"), "{agenda}");
}

#[test]
fn the_map_poster_prints_whole_or_tiled_on_a4() {
    let printed = demo();
    let poster = render(&printed, "poster", &["--what", "map-poster"]);
    poster.is_print_ready(420.0, 297.0);
    assert_eq!(poster.pages, 1);
    poster.has(&["GP practice", "Hospital", "What matters for Esther?"]);
    let a1 = render(
        &printed,
        "poster-a1",
        &["--what", "map-poster", "--paper", "a1"],
    );
    a1.is_print_ready(841.0, 594.0);
    let tiled = render(&printed, "tiled", &["--what", "map-poster", "--tiled"]);
    tiled.is_print_ready(297.0, 210.0);
    assert_eq!(tiled.pages, 4, "an A3 poster is four A4 sheets");
    tiled.has(&[
        "Sheet 1–1 of 2 × 2",
        "Sheet 2–2 of 2 × 2",
        "overlap each sheet by 10 mm",
    ]);
}

#[test]
fn journeys_and_vote_results() {
    let printed = demo();
    let journeys = render(&printed, "journeys", &["--what", "journeys"]);
    journeys.is_print_ready(297.0, 210.0);
    journeys.has(&[
        "Esther's winter",
        "Calls the GP",
        "Discharged",
        "The system failed here",
    ]);
    let votes = render(&printed, "votes", &["--what", "vote-results"]);
    votes.is_print_ready(210.0, 297.0);
    votes.has(&[
        "What should we fix first?",
        "2 of 2 people present voted",
        "1 dot",
        "tied",
        "People with lived experience and carers",
        "Top priorities",
        "Same-day discharge call",
        "Which journey next?",
        "The results of this round have not been revealed yet.",
    ]);
}

#[test]
fn blank_worksheets_for_paper_participants() {
    let printed = demo();
    let persona = render(&printed, "persona-sheet", &["--what", "persona-sheet"]);
    persona.is_print_ready(210.0, 297.0);
    persona.has(&[
        "Persona worksheet",
        "What matters to me",
        "Family and friends",
    ]);
    let journey = render(&printed, "journey-sheet", &["--what", "journey-sheet"]);
    journey.is_print_ready(297.0, 210.0);
    journey.has(&["Journey worksheet", "Step 1", "Step 6", "Touchpoint"]);
    let voting = render(
        &printed,
        "voting-sheet",
        &["--what", "voting-sheet", "--round", "r1"],
    );
    voting.has(&[
        "Dot-voting sheet",
        "What should we fix first?",
        "Put up to 3 dots in total",
        "Your dots",
        "The letter arrives after Esther needs help",
        "Home alone after discharge",
    ]);
}

#[test]
fn a_voting_sheet_for_an_unknown_round_is_explained() {
    let printed = demo();
    let out = printed.file.with_file_name("none.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_systematic"))
        .args(["print"])
        .arg(&printed.file)
        .args(["--what", "voting-sheet", "--round", "nope", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("there is no vote round \"nope\""), "{said}");
    assert!(!out.exists());
}

#[test]
fn the_report_as_one_html_file_shows_every_word_as_text() {
    let printed = demo();
    let out = printed.file.with_file_name("report.html");
    let output = Command::new(env!("CARGO_BIN_EXE_systematic"))
        .arg("export")
        .arg(&printed.file)
        .args(["--format", "report-html", "--language", "sv", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(&out).unwrap();
    for expected in [
        "<html lang=\"sv\">",
        "Agendan som den blev",
        "12 min",
        "Esther&#39;s winter",
        "Ольга Петрова",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<svg",
        "data:image/svg+xml",
    ] {
        assert!(html.contains(expected), "{expected:?} is missing");
    }
    // Self-contained: nothing is fetched, and the hostile name never becomes a tag.
    assert!(!html.contains("<script"), "a script tag got through");
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
}
