//! Helpers for the end-to-end tests: start `tauri-driver` for one test with its own data and XDG
//! folders, launch the real release app through WebKitWebDriver, and clean up whatever happens.

pub mod cli;
pub mod map_driver;
pub mod power_cut;

use fantoccini::{Client, ClientBuilder, Locator};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// How long to wait for the app's screen before giving up.
pub const SCREEN_TIMEOUT: Duration = Duration::from_secs(30);

/// The repository root.
/// The file in each test's folder that answers the app's file choosers.
const FILE_CHOICES: &str = "file-choices";

pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn env_path(name: &str, default: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join(default))
}

/// The release app under test (`SYSTEMATIC_APP`, set by `cargo xtask test`).
pub fn app_binary() -> PathBuf {
    env_path("SYSTEMATIC_APP", "target/release/systematic-workshop")
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free local port")
}

/// How the data folder is presented to the app.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DataFolder {
    /// An ordinary, writable folder.
    Writable,
    /// The same folder bind-mounted read-only in a private mount namespace (root ignores chmod).
    ReadOnly,
    /// A path whose parent is a file, so the folder can never be created.
    UnderAFile,
    /// A folder that does not exist yet (a USB stick not plugged in); the test may create it.
    Missing,
}

/// One test's world: a tauri-driver process and private data, config and cache folders.
pub struct Harness {
    driver: Child,
    port: u16,
    root: tempfile::TempDir,
    data_dir: PathBuf,
    folder: DataFolder,
    /// More environment for the driver and the app (a D-Bus session bus).
    env: Vec<(String, String)>,
}

impl Harness {
    pub fn start(folder: DataFolder) -> Self {
        Self::start_with(folder, None, Vec::new())
    }

    /// Like [`Harness::start`] with a writable folder, with `env` added to the app's environment.
    pub fn start_with_env(env: Vec<(String, String)>) -> Self {
        Self::start_with(DataFolder::Writable, None, env)
    }

    /// Like [`Harness::start`], with every process (driver, app, WebKit) run under
    /// `strace -f -e trace=connect,sendto,sendmsg`, writing to `trace`.
    pub fn start_traced(trace: &Path) -> Self {
        Self::start_with(DataFolder::Writable, Some(trace), Vec::new())
    }

    fn start_with(folder: DataFolder, trace: Option<&Path>, env: Vec<(String, String)>) -> Self {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "end-to-end tests need a display: run them through `cargo xtask test` (it uses xvfb-run)"
        );
        let app = app_binary();
        assert!(
            app.exists(),
            "no app at {}: run `cargo xtask build`",
            app.display()
        );
        let root = tempfile::tempdir().expect("temp dir");
        let data_dir = match folder {
            DataFolder::UnderAFile => {
                std::fs::write(root.path().join("a-file"), b"x").expect("write");
                root.path().join("a-file").join("data")
            }
            _ => root.path().join("data"),
        };
        // A folder chosen with SYSTEMATIC_DATA_DIR must exist; the app never creates it.
        if matches!(folder, DataFolder::Writable | DataFolder::ReadOnly) {
            std::fs::create_dir_all(&data_dir).expect("data dir");
        }
        let (driver, port) = spawn_driver(root.path(), &data_dir, &folder, trace, &env);
        Self {
            driver,
            port,
            root,
            data_dir,
            folder,
            env,
        }
    }

    /// Pulls the plug: kills the driver, the app and WebKit at once with SIGKILL (no chance to
    /// save or close anything), then starts a fresh driver on the same data folder.
    pub fn kill_and_restart(&mut self) {
        kill_group(&mut self.driver);
        let (driver, port) = spawn_driver(
            self.root.path(),
            &self.data_dir,
            &self.folder,
            None,
            &self.env,
        );
        self.driver = driver;
        self.port = port;
    }
}

/// Starts tauri-driver (and, through it, the app) with this test's folders; answers it and its
/// port.
fn spawn_driver(
    root: &Path,
    data_dir: &Path,
    folder: &DataFolder,
    trace: Option<&Path>,
    env: &[(String, String)],
) -> (Child, u16) {
    let (port, native_port) = (free_port(), free_port());
    let driver_path = env_path("TAURI_DRIVER", ".tools/bin/tauri-driver");
    let strace = trace
        .map(|t| {
            format!(
                "strace -f -qq -e trace=connect,sendto,sendmsg -o '{}' ",
                t.display()
            )
        })
        .unwrap_or_default();
    let driver_args = format!(
            "exec {strace}'{}' --port {port} --native-port {native_port} --native-driver /usr/bin/WebKitWebDriver",
            driver_path.display()
        );
    let mut command = match folder {
        DataFolder::ReadOnly => {
            let dir = data_dir.display();
            let mut c = Command::new("unshare");
            c.args(["-m", "--propagation", "private", "sh", "-c"]);
            c.arg(format!(
                "mount --bind '{dir}' '{dir}' && mount -o remount,bind,ro '{dir}' && {driver_args}"
            ));
            c
        }
        _ => {
            let mut c = Command::new("sh");
            c.args(["-c", &driver_args]);
            c
        }
    };
    app_environment(&mut command, root, data_dir, env);
    command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0);
    (command.spawn().expect("cannot start tauri-driver"), port)
}

/// The environment the app runs in: this test's XDG folders and data folder, its file chooser
/// answers, and `env`.
fn app_environment(command: &mut Command, root: &Path, data_dir: &Path, env: &[(String, String)]) {
    for (var, sub) in [
        ("XDG_DATA_HOME", "xdg-data"),
        ("XDG_CONFIG_HOME", "xdg-config"),
        ("XDG_CACHE_HOME", "xdg-cache"),
    ] {
        command.env(var, root.join(sub));
    }
    command
        .env(systematic_core::data_dir::DATA_DIR_ENV, data_dir)
        .env("SYSTEMATIC_FILE_CHOICES", root.join(FILE_CHOICES));
    for (var, value) in env {
        command.env(var, value);
    }
}

/// Ends a driver and everything it started (they share its process group).
fn kill_group(driver: &mut Child) {
    let group = driver.id() as i32;
    // SAFETY: kill(2) with a negative pid signals our own child's process group.
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
    let _ = driver.wait();
}

impl Harness {
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Answers the app's next file choosers, in order: each entry is the paths one dialog
    /// returns (an empty entry is "cancelled"). See `src-tauri/src/files.rs`.
    pub fn answer_file_choosers(&self, answers: &[&[&Path]]) {
        let lines: Vec<String> = answers
            .iter()
            .map(|paths| {
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        std::fs::write(self.root.path().join(FILE_CHOICES), lines.join("\n"))
            .expect("write the file chooser answers");
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// Launches the app and waits until the home screen is on screen.
    pub async fn launch(&self) -> Client {
        let client = self.connect().await;
        wait_for(&client, "[data-testid=home]").await;
        client
    }

    /// Starts a WebDriver session (which starts the app), retrying while the driver starts up.
    pub async fn connect(&self) -> Client {
        self.connect_with_args(&[]).await
    }

    /// Like [`Harness::connect`], starting the app with command-line arguments `args` (as a
    /// double-click in the file manager does with the file).
    pub async fn connect_with_args(&self, args: &[&Path]) -> Client {
        self.connect_to(&app_binary(), args).await
    }

    /// Starts a WebDriver session on the program `application` (the app, or the blank Tauri
    /// window the start-up is measured against), with arguments `args`.
    pub async fn connect_to(&self, application: &Path, args: &[&Path]) -> Client {
        let args: Vec<String> = args.iter().map(|a| a.display().to_string()).collect();
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "wry".into());
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": application, "args": args }),
        );
        let url = format!("http://127.0.0.1:{}", self.port);
        let connect = async {
            loop {
                match ClientBuilder::native()
                    .capabilities(capabilities.clone())
                    .connect(&url)
                    .await
                {
                    Ok(client) => return client,
                    Err(_) => tokio::time::sleep(Duration::from_millis(300)).await,
                }
            }
        };
        tokio::time::timeout(Duration::from_secs(60), connect)
            .await
            .expect("the app did not start within 60 s (is WebKitWebDriver installed?)")
    }
}

impl Harness {
    /// Starts the app a second time, directly (not through the driver), with this test's
    /// environment and `args`, and waits up to 30 s for it to end. A second copy on the same data
    /// folder hands its arguments to the running one and ends at once.
    pub fn launch_again(&self, args: &[&Path]) -> std::process::ExitStatus {
        let mut command = Command::new(app_binary());
        command.args(args);
        app_environment(&mut command, self.root.path(), &self.data_dir, &self.env);
        let mut child = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("start the app again");
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = child.try_wait().expect("wait for the second copy") {
                return status;
            }
            if std::time::Instant::now() > deadline {
                kill_group(&mut child);
                panic!("the second copy of the app kept running: it opened its own window");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A private D-Bus session bus for one test (the single-instance lock lives on it); stopped
/// when dropped.
pub struct SessionBus {
    daemon: Child,
    address: String,
}

impl SessionBus {
    pub fn start() -> Self {
        use std::io::BufRead;
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon (Debian package dbus)");
        let mut address = String::new();
        std::io::BufReader::new(daemon.stdout.take().expect("stdout"))
            .read_line(&mut address)
            .expect("read the bus address");
        Self {
            daemon,
            address: address.trim().to_owned(),
        }
    }

    /// The environment that puts a program on this bus.
    pub fn env(&self) -> Vec<(String, String)> {
        vec![("DBUS_SESSION_BUS_ADDRESS".into(), self.address.clone())]
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        // The driver, WebKitWebDriver and the app share one process group: end them all.
        kill_group(&mut self.driver);
    }
}

/// Waits for an element matching `css`.
pub async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(SCREEN_TIMEOUT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
}

/// Clicks the element matching `css`.
pub async fn click(client: &Client, css: &str) {
    wait_for(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Types `text` into the field matching `css`, replacing what was there.
pub async fn fill(client: &Client, css: &str, text: &str) {
    let field = wait_for(client, css).await;
    field
        .clear()
        .await
        .unwrap_or_else(|e| panic!("cannot clear {css}: {e}"));
    field
        .send_keys(text)
        .await
        .unwrap_or_else(|e| panic!("cannot type into {css}: {e}"));
}

/// The visible text of the element matching `css`.
pub async fn text_of(client: &Client, css: &str) -> String {
    wait_for(client, css)
        .await
        .text()
        .await
        .unwrap_or_else(|e| panic!("cannot read {css}: {e}"))
}

/// Waits until the element matching `css` contains `expected`, then returns its text.
pub async fn wait_for_text(client: &Client, css: &str, expected: &str) -> String {
    let deadline = tokio::time::Instant::now() + SCREEN_TIMEOUT;
    let mut last: Option<String> = None;
    let mut same_reads = 0;
    loop {
        let text = match client.find(Locator::Css(css)).await {
            Ok(element) => element.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        // WebKit's visible text is read from the layout, which can still be settling just after a
        // page mounts (CI once saw a venue's last words before the title; a busy machine once
        // showed a card's age without "years old" in two reads): return the text only when three
        // reads in a row, over at least 200 ms, agree.
        same_reads = if last.as_deref() == Some(text.as_str()) {
            same_reads + 1
        } else {
            0
        };
        if text.contains(expected) && same_reads >= 2 {
            return text;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "{css} never said {expected:?}; last text: {text:?}"
        );
        last = Some(text);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the web view has painted what the DOM now shows. WebKit's screenshots can return
/// the previous frame otherwise (seen under Xvfb), so wait for two animation frames and a pause.
async fn settle(client: &Client) {
    let _ = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            vec![],
        )
        .await;
    tokio::time::sleep(Duration::from_millis(700)).await;
}

fn save_screenshot(name: &str, png: &[u8]) {
    let dir = project_root().join("docs/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    std::fs::write(dir.join(name), png).expect("write screenshot");
}

/// Saves a screenshot of the window under `docs/screenshots/`.
pub async fn screenshot(client: &Client, name: &str) {
    settle(client).await;
    // The first capture can still be the old frame; the second is the current one.
    let _ = client.screenshot().await;
    settle(client).await;
    let png = client.screenshot().await.expect("screenshot");
    save_screenshot(name, &png);
}

/// Saves a picture of just the element matching `css` under `docs/screenshots/`: a window
/// screenshot cropped to the element with ImageMagick (WebKit's own element screenshots come back
/// partly black under Xvfb). The element must fit in the window.
pub async fn screenshot_element(client: &Client, css: &str, name: &str) {
    let element = wait_for(client, css).await;
    // The screenshot is of the window, so the element is scrolled into it and measured in the
    // window's coordinates (WebDriver's element rectangle is in the page's: a card further down
    // the page was cropped to nothing).
    let rect = client
        .execute(
            "const e = arguments[0]; e.scrollIntoView({block: 'start'}); \
             const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height];",
            vec![serde_json::to_value(&element).expect("element as JSON")],
        )
        .await
        .expect("measure the element");
    let number = |i: usize| rect[i].as_f64().unwrap_or(0.0);
    let (x, y, width, height) = (number(0), number(1), number(2), number(3));
    screenshot(client, name).await;
    let path = project_root().join("docs/screenshots").join(name);
    let geometry = format!(
        "{}x{}+{}+{}",
        width.ceil() as u32 + 8,
        height.ceil() as u32 + 8,
        (x as u32).saturating_sub(4),
        (y as u32).saturating_sub(4)
    );
    let status = Command::new("convert")
        .arg(&path)
        .args(["-crop", &geometry, "+repage"])
        .arg(&path)
        .status()
        .expect("run ImageMagick convert");
    assert!(status.success(), "cropping {name} failed");
}

/// Reads an strace log of `connect`, `sendto` and `sendmsg` (from [`Harness::start_traced`])
/// and fails on any connection off this machine: only Unix sockets and loopback (the test's
/// own WebDriver port) are allowed.
pub fn assert_only_local_connections(trace: &Path) {
    let log = std::fs::read_to_string(trace).expect("strace output");
    let connects: Vec<&str> = log
        .lines()
        .filter(|l| {
            ["connect(", "sendto(", "sendmsg("]
                .iter()
                .any(|call| l.contains(call))
        })
        .collect();
    assert!(
        connects.iter().any(|l| l.contains("AF_UNIX")),
        "strace saw no connections at all, so it traced nothing: {log}"
    );
    for line in connects {
        let internet = line.contains("AF_INET");
        let loopback = line.contains("127.0.0.1") || line.contains("\"::1\"");
        assert!(
            !internet || loopback,
            "a connection off this machine: {line}"
        );
    }
}
