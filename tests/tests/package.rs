//! The `.deb` organisers install from a USB stick: what is inside, and that the packaged tool
//! runs. `cargo xtask test` builds the package (`cargo xtask bundle`) and names it in
//! `SYSTEMATIC_DEB`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use systematic_tests::project_root;

fn deb() -> PathBuf {
    let path = std::env::var_os("SYSTEMATIC_DEB")
        .map(PathBuf::from)
        .expect("SYSTEMATIC_DEB names the package; run through `cargo xtask test`");
    assert!(path.is_file(), "no package at {}", path.display());
    path
}

/// Runs `program` and answers its standard output; panics with its errors unless it succeeds.
fn output(program: impl AsRef<std::ffi::OsStr>, args: &[&str], stdin: Option<&Path>) -> String {
    let mut command = Command::new(program.as_ref());
    command.args(args);
    if let Some(file) = stdin {
        command.stdin(Stdio::from(std::fs::File::open(file).expect("stdin file")));
    }
    let result = command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {:?}: {e}", program.as_ref()));
    assert!(
        result.status.success(),
        "{:?} {args:?}: {}{}",
        program.as_ref(),
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
    String::from_utf8_lossy(&result.stdout).into_owned()
}

/// The package unpacked (`dpkg-deb -x`) into `unpacked/` of a new temporary folder.
fn unpack(deb: &Path) -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().expect("temp folder");
    let unpacked = root.path().join("unpacked");
    output(
        "dpkg-deb",
        &["-x", path_text(deb), path_text(&unpacked)],
        None,
    );
    (root, unpacked)
}

fn path_text(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn the_package_holds_the_app_the_tool_the_file_type_and_the_documentation() {
    let deb = deb();
    let listing = output("dpkg-deb", &["-c", path_text(&deb)], None);
    for wanted in [
        "./usr/bin/systematic-workshop",
        "./usr/bin/systematic",
        "./usr/share/applications/systematic-workshop.desktop",
        "./usr/share/icons/hicolor/256x256/apps/systematic-workshop.png",
        "./usr/share/mime/packages/systematic-workshop.xml",
        "./usr/share/bash-completion/completions/systematic",
        "./usr/share/zsh/vendor-completions/_systematic",
        "./usr/share/fish/vendor_completions.d/systematic.fish",
        "./usr/share/man/man1/systematic.1.gz",
    ] {
        assert!(
            listing.lines().any(|line| line.ends_with(wanted)),
            "{wanted} is not in the package:\n{listing}"
        );
    }
    let control = output("dpkg-deb", &["-f", path_text(&deb)], None);
    assert!(
        control.contains("\nPackage: systematic-workshop\n")
            || control.starts_with("Package: systematic-workshop\n"),
        "{control}"
    );
    let depends = control
        .lines()
        .find_map(|l| l.strip_prefix("Depends: "))
        .unwrap_or_default();
    // 2.40 brought DecompressionStream, which unpacks the UI (src-ui/boot.js).
    for needed in ["libwebkit2gtk-4.1-0 (>= 2.40)", "cups-client", "xdg-utils"] {
        assert!(
            depends.contains(needed),
            "Depends lacks {needed}: {control}"
        );
    }
}

#[test]
fn the_unpacked_package_has_a_valid_desktop_entry_and_file_type_and_its_tool_runs() {
    let (root, unpacked) = unpack(&deb());

    let desktop = unpacked.join("usr/share/applications/systematic-workshop.desktop");
    output("desktop-file-validate", &[path_text(&desktop)], None);
    let entry = std::fs::read_to_string(&desktop).expect("desktop entry");
    // %F: a double-clicked file (or several) reach the app as arguments.
    assert!(entry.contains("\nExec=systematic-workshop %F\n"), "{entry}");
    assert!(
        entry.contains("\nMimeType=application/x-systematic;\n"),
        "{entry}"
    );
    assert!(entry.contains("\nIcon=systematic-workshop\n"), "{entry}");

    let mime =
        std::fs::read_to_string(unpacked.join("usr/share/mime/packages/systematic-workshop.xml"))
            .expect("MIME type XML");
    assert!(mime.contains(r#"<mime-type type="application/x-systematic">"#));
    assert!(mime.contains(r#"<glob pattern="*.systematic"/>"#));

    let man = output(
        "gzip",
        &[
            "-dc",
            path_text(&unpacked.join("usr/share/man/man1/systematic.1.gz")),
        ],
        None,
    );
    assert!(
        man.starts_with(".ie") || man.contains(".TH systematic"),
        "{man}"
    );
    let bash =
        std::fs::read_to_string(unpacked.join("usr/share/bash-completion/completions/systematic"))
            .expect("bash completions");
    assert!(bash.contains("complete -F _systematic"), "{bash}");
    let fish = std::fs::read_to_string(
        unpacked.join("usr/share/fish/vendor_completions.d/systematic.fish"),
    )
    .expect("fish completions");
    assert!(fish.contains("complete -c systematic"), "{fish}");

    // The packaged tool, not the one in target/: it must run from where the package puts it.
    let tool = unpacked.join("usr/bin/systematic");
    let version = output(&tool, &["--version"], None);
    assert_eq!(
        version.trim(),
        format!("systematic {}", env!("CARGO_PKG_VERSION"))
    );
    let demo = root.path().join("esther.systematic");
    output(
        &tool,
        &[
            "new",
            "--title",
            "What matters for Esther?",
            "--id",
            "w1",
            "-o",
            path_text(&demo),
        ],
        None,
    );
    let script = project_root().join("tests/fixtures/scripts/esther-workshop.jsonl");
    output(
        &tool,
        &["edit", path_text(&demo), "--laptop", "Table 1"],
        Some(&script),
    );
    let checked = output(&tool, &["check", path_text(&demo)], None);
    assert!(checked.contains("is a readable session file"), "{checked}");
    // The packaged app is the stripped release app (its start-up is tested end to end).
    let app = unpacked.join("usr/bin/systematic-workshop");
    let kind = output("file", &["-b", path_text(&app)], None);
    assert!(
        kind.contains("ELF 64-bit") && kind.contains("executable") && kind.contains(", stripped"),
        "{kind}"
    );
}

#[test]
fn the_packaged_app_starts_and_logs_that_it_did() {
    use std::os::unix::process::CommandExt;
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "the packaged app needs a display: run through `cargo xtask test` (it uses xvfb-run)"
    );
    let (root, unpacked) = unpack(&deb());
    let data = root.path().join("data");
    std::fs::create_dir_all(&data).expect("data folder");
    let mut app = Command::new(unpacked.join("usr/bin/systematic-workshop"));
    for (var, sub) in [
        ("XDG_DATA_HOME", "xdg-data"),
        ("XDG_CONFIG_HOME", "xdg-config"),
        ("XDG_CACHE_HOME", "xdg-cache"),
    ] {
        app.env(var, root.path().join(sub));
    }
    let mut app = app
        .env(systematic_core::data_dir::DATA_DIR_ENV, &data)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("start the packaged app");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut started = false;
    while std::time::Instant::now() < deadline {
        let log = systematic_core::logging::last_lines(&data, 10).join("\n");
        if log.contains("started") {
            started = true;
            break;
        }
        if let Ok(Some(status)) = app.try_wait() {
            panic!("the packaged app ended at once: {status}");
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    // Still running a moment later: it did not start only to fail.
    std::thread::sleep(std::time::Duration::from_secs(1));
    let running = matches!(app.try_wait(), Ok(None));
    // SAFETY: kill(2) on the process group of our own child (the app and its web view).
    unsafe {
        libc::kill(-(app.id() as i32), libc::SIGKILL);
    }
    let _ = app.wait();
    assert!(
        started,
        "the packaged app wrote no \"started\" line in its log"
    );
    assert!(running, "the packaged app ended soon after starting");
}
