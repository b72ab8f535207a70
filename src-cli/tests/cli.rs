//! The `systematic` tool as a user runs it: real processes, real files, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const EXAMPLE_SCRIPT: &str = include_str!("../../tests/fixtures/scripts/esther-workshop.jsonl");

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_systematic"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("systematic starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("systematic finishes")
}

fn ok(args: &[&str], stdin: &str) -> String {
    let output = run(args, stdin);
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn fails(args: &[&str], stdin: &str, code: i32) -> String {
    let output = run(args, stdin);
    assert_eq!(output.status.code(), Some(code), "{args:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8")
}

fn new_workshop(dir: &Path, name: &str, id: &str) -> PathBuf {
    let file = dir.join(name);
    ok(
        &[
            "new",
            "--title",
            "What matters for Esther?",
            "--date",
            "2026-03-01",
            "--id",
            id,
            "-o",
            s(&file),
        ],
        "",
    );
    file
}

fn inspect(file: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(&["inspect", s(file), "--json"], "")).expect("json")
}

#[test]
fn the_example_script_builds_a_complete_workshop() {
    let dir = tempfile::tempdir().unwrap();
    let file = new_workshop(dir.path(), "w.systematic", "esther");
    ok(&["edit", s(&file), "--laptop", "Table 1"], EXAMPLE_SCRIPT);
    let model = inspect(&file);
    assert_eq!(model["id"], "esther");
    assert_eq!(model["workshop"]["venue"], "St Mary's church hall");
    for collection in [
        "stages",
        "participants",
        "personas",
        "journeys",
        "journey_steps",
        "nodes",
        "connections",
        "failure_points",
        "scenarios",
        "notes",
        "themes",
        "vote_rounds",
        "votes",
        "priorities",
        "actions",
        "contract_statements",
        "learning_records",
    ] {
        let items = model[collection]
            .as_array()
            .unwrap_or_else(|| panic!("{collection}"));
        assert!(!items.is_empty(), "{collection} is empty");
    }
    assert_eq!(
        model["personas"][0]["what_matters"],
        "Staying in my own home, with my cat"
    );
    assert_eq!(model["vote_results"][0]["dots"]["f1"], 1);
    let summary = ok(&["inspect", s(&file)], "");
    assert!(summary.contains("personas: 1"), "{summary}");
    let check = ok(&["check", s(&file)], "");
    assert!(check.contains("readable session file"), "{check}");
    let exported = dir.path().join("w.json");
    ok(
        &["export", s(&file), "--format", "json", "-o", s(&exported)],
        "",
    );
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(exported, model);
}

#[test]
fn merges_in_any_order_print_the_same_model_and_report_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let base = new_workshop(dir.path(), "base.systematic", "w");
    ok(
        &["edit", s(&base), "--laptop", "Map laptop"],
        EXAMPLE_SCRIPT,
    );
    let a = dir.path().join("a.systematic");
    let b = dir.path().join("b.systematic");
    std::fs::copy(&base, &a).unwrap();
    std::fs::copy(&base, &b).unwrap();
    ok(
        &["edit", s(&a), "--laptop", "Table 1"],
        r#"{"op":"set","kind":"persona","id":"esther","fields":{"age":89}}
{"op":"vote","round":"r1","participant":"robin","item":"sc1","id":"va"}"#,
    );
    ok(
        &["edit", s(&b), "--laptop", "Table 2"],
        r#"{"op":"set","kind":"persona","id":"esther","fields":{"age":90}}
{"op":"vote","round":"r1","participant":"robin","item":"sc1","id":"vb"}"#,
    );
    let ab = dir.path().join("ab.systematic");
    let ba = dir.path().join("ba.systematic");
    let report: serde_json::Value = serde_json::from_str(&ok(
        &["merge", s(&a), s(&b), s(&base), "-o", s(&ab), "--json"],
        "",
    ))
    .expect("report json");
    ok(&["merge", s(&b), s(&a), s(&a), "-o", s(&ba)], "");
    assert_eq!(
        inspect(&ab),
        inspect(&ba),
        "order and repeats do not matter"
    );
    assert_eq!(report["conflicts"][0]["field"], "age");
    assert_eq!(
        report["files"][0]["laptops"],
        serde_json::json!(["Table 1"])
    );
    assert_eq!(inspect(&ab)["votes"].as_array().unwrap().len(), 4);
    let text = ok(&["merge", s(&a), s(&b), "-o", s(&ab)], "");
    assert!(text.contains("89 from Table 1"), "{text}");
    assert!(text.contains("90 from Table 2"), "{text}");
}

#[test]
fn user_errors_exit_1_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = new_workshop(dir.path(), "w.systematic", "w");
    let before = std::fs::read(&file).unwrap();
    let err = fails(
        &["edit", s(&file), "--laptop", "T"],
        "{\"op\":\"add\",\"kind\":\"persona\",\"id\":\"p\",\"fields\":{\"name\":\"Esther\"}}\n{\"op\":\"add\",\"kind\":\"persona\",\"fields\":{}}",
        1,
    );
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("Nothing was written"), "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), before);
    let err = fails(&["edit", s(&file), "--laptop", "T"], "not json", 1);
    assert!(err.contains("line 1"), "{err}");
    fails(
        &["inspect", s(&dir.path().join("missing.systematic"))],
        "",
        1,
    );
    fails(&["inspect"], "", 1);
    fails(&["edit", s(&file), "--laptop", " "], "", 1);
    let other = new_workshop(dir.path(), "other.systematic", "other");
    let out = dir.path().join("out.systematic");
    let err = fails(&["merge", s(&file), s(&other), "-o", s(&out)], "", 1);
    assert!(err.contains("--force"), "{err}");
    assert!(!out.exists());
    ok(
        &["merge", s(&file), s(&other), "-o", s(&out), "--force"],
        "",
    );
    assert!(out.exists());
}

#[test]
fn corrupt_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.systematic");
    std::fs::write(&junk, b"%PDF-1.7 not a workshop").unwrap();
    let err = fails(&["check", s(&junk)], "", 2);
    assert!(
        err.contains("not a SysteMatic Workshop session file"),
        "{err}"
    );
    let file = new_workshop(dir.path(), "w.systematic", "w");
    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.path().join("cut.systematic");
    std::fs::write(&cut, &bytes[..bytes.len() - 30]).unwrap();
    let err = fails(&["check", s(&cut)], "", 2);
    assert!(err.contains("damaged"), "{err}");
    fails(
        &["merge", s(&file), s(&cut), "-o", s(&dir.path().join("o"))],
        "",
        2,
    );
}

#[test]
fn analyze_names_loops_single_points_of_failure_and_reach() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = new_workshop(dir.path(), "map.systematic", "friday");
    let script = [
        r#"{"op":"add","kind":"node","id":"esther","fields":{"kind":"persona","label":"Esther"}}"#,
        r#"{"op":"add","kind":"node","id":"hospital","fields":{"kind":"service","label":"Hospital"}}"#,
        r#"{"op":"add","kind":"node","id":"gp","fields":{"kind":"service","label":"GP practice"}}"#,
        r#"{"op":"add","kind":"node","id":"nurses","fields":{"kind":"service","label":"District nurses"}}"#,
        r#"{"op":"add","kind":"connection","id":"c1","fields":{"from":"esther","to":"hospital","polarity":"positive"}}"#,
        r#"{"op":"add","kind":"connection","id":"c2","fields":{"from":"hospital","to":"gp","polarity":"positive"}}"#,
        r#"{"op":"add","kind":"connection","id":"c3","fields":{"from":"gp","to":"nurses","polarity":"positive"}}"#,
        r#"{"op":"add","kind":"connection","id":"c4","fields":{"from":"nurses","to":"gp","polarity":"negative"}}"#,
    ]
    .join("\n");
    ok(&["edit", s(&file), "--laptop", "Map laptop"], &script);

    let text = ok(&["analyze", s(&file)], "");
    assert!(text.contains("4 nodes, 4 connections"), "{text}");
    assert!(
        text.contains(
            "balancing (change is pushed back): GP practice → District nurses → GP practice"
        ),
        "{text}"
    );
    assert!(
        text.contains("If Hospital goes: Esther loses the route to GP practice, District nurses."),
        "{text}"
    );
    assert!(text.contains("Esther reaches 3 services"), "{text}");
    assert!(
        text.contains("District nurses (by Esther → Hospital → GP practice → District nurses)"),
        "{text}"
    );

    let json: serde_json::Value = serde_json::from_str(&ok(
        &["analyze", s(&file), "--json", "--max-loops", "0"],
        "",
    ))
    .expect("json");
    assert_eq!(json["loops"], serde_json::json!([]));
    assert_eq!(json["loops_capped"], true);
    assert_eq!(json["centrality"][0]["id"], "gp");

    let missing = fails(&["analyze", s(&dir.path().join("nope.systematic"))], "", 1);
    assert!(missing.contains("nope.systematic"), "{missing}");
}

#[test]
fn version_completions_and_manual_come_from_the_same_definitions() {
    let version = ok(&["--version"], "");
    assert_eq!(
        version.trim(),
        format!("systematic {}", env!("CARGO_PKG_VERSION"))
    );
    let bash = ok(&["completions", "bash"], "");
    for word in ["merge", "check", "print", "export", "completions"] {
        assert!(bash.contains(word), "bash completion lacks {word}");
    }
    // The bash script is valid bash.
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("systematic.bash");
    std::fs::write(&script, &bash).unwrap();
    let checked = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .unwrap();
    assert!(checked.success(), "bash -n refused the completion script");
    assert!(ok(&["completions", "zsh"], "").starts_with("#compdef systematic"));
    assert!(ok(&["completions", "fish"], "").contains("complete -c systematic"));
    let manual = ok(&["manual"], "");
    assert!(manual.contains(".TH systematic"), "{manual}");
    for word in ["merge", "check", "Merges session files"] {
        assert!(manual.contains(word), "the manual lacks {word}");
    }
    fails(&["completions", "powershell-9"], "", 1);
}

#[test]
fn a_file_protected_with_a_passphrase_is_explained_with_the_way_to_open_it() {
    let dir = tempfile::tempdir().unwrap();
    let plain = new_workshop(dir.path(), "plain.systematic", "w-protected");
    let bytes = std::fs::read(&plain).unwrap();
    let protected = dir.path().join("protected.systematic");
    std::fs::write(
        &protected,
        systematic_core::session_file::add_passphrase(&bytes, "correct horse battery").unwrap(),
    )
    .unwrap();
    let said = fails(&["check", s(&protected)], "", 1);
    assert!(said.contains("protected with a passphrase"), "{said}");
    assert!(said.contains("age -d"), "{said}");
}
