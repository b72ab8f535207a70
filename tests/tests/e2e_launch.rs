//! End-to-end: the app as the desktop starts it. A double-clicked session file (the desktop
//! entry runs `systematic-workshop %F`) opens that workshop; a second double-click while the app
//! runs opens the second workshop in the running app, and the second copy ends without a window
//! (single instance per data folder, over a private D-Bus session bus). The window comes back at
//! the size it was left at, through the saved window state, and so does a closed projector.

use fantoccini::wd::WindowHandle;
use fantoccini::Client;
use std::path::Path;
use std::time::Duration;
use systematic_tests::cli::{path, systematic};
use systematic_tests::map_driver::wait_until;
use systematic_tests::{click, fill, screenshot, wait_for_text, Harness, SessionBus};

/// A session file with a workshop titled `title`, made with the command-line tool.
fn session_file(folder: &Path, name: &str, title: &str, id: &str) -> std::path::PathBuf {
    let file = folder.join(name);
    systematic(
        &["new", "--title", title, "--id", id, "-o", path(&file)],
        None,
    );
    file
}

#[tokio::test]
async fn a_double_clicked_file_opens_and_a_second_one_opens_in_the_running_app() {
    let bus = SessionBus::start();
    let harness = Harness::start_with_env(bus.env());
    let downloads = harness.root().join("Downloads");
    std::fs::create_dir_all(&downloads).expect("downloads");
    let first = session_file(
        &downloads,
        "table 1.systematic",
        "Table one's notes",
        "w-one",
    );
    let second = session_file(
        &downloads,
        "table-2.systematic",
        "Table two's notes",
        "w-two",
    );

    let client = harness.connect_with_args(&[&first]).await;
    wait_for_text(
        &client,
        "[data-testid=workshop-heading]",
        "Table one's notes",
    )
    .await;

    // The second launch hands its file over and ends; it never shows a window of its own.
    let status = harness.launch_again(&[&second]);
    assert!(status.success(), "the second copy ended with {status}");
    wait_for_text(
        &client,
        "[data-testid=workshop-heading]",
        "Table two's notes",
    )
    .await;

    // Both workshops are now on this laptop, in the one store.
    client
        .execute("location.reload();", vec![])
        .await
        .expect("reload");
    let list = wait_for_text(&client, "[data-testid=home]", "Table one's notes").await;
    assert!(list.contains("Table two's notes"), "{list}");
    client.close().await.expect("close");
}

/// The size of window `label` in the plugin's saved state, if written.
fn saved_size(harness: &Harness, label: &str) -> Option<(u64, u64)> {
    saved_rect(harness, label).map(|(_, _, width, height)| (width, height))
}

/// The place and size of window `label` in the plugin's saved state, if written.
fn saved_rect(harness: &Harness, label: &str) -> Option<(u64, u64, u64, u64)> {
    let file = harness
        .root()
        .join("xdg-config/org.systematic.workshop/.window-state.json");
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(file).ok()?).ok()?;
    let window = state.get(label)?;
    Some((
        window.get("x")?.as_u64()?,
        window.get("y")?.as_u64()?,
        window.get("width")?.as_u64()?,
        window.get("height")?.as_u64()?,
    ))
}

/// Names the laptop and waits until its form has gone: the home screen's buttons move up then,
/// and a click aimed at one just before lands where it was.
async fn name_laptop(client: &Client, name: &str) {
    fill(client, "[data-testid=laptop-name]", name).await;
    click(client, "[data-testid=laptop-save]").await;
    wait_until(client, "the laptop is named", || async {
        client
            .find_all(fantoccini::Locator::Css("[data-testid=laptop-setup]"))
            .await
            .is_ok_and(|found| found.is_empty())
    })
    .await;
}

/// The projector window's handle, once it has opened beside `main`.
async fn projector_window(client: &Client, main: &WindowHandle) -> WindowHandle {
    for _ in 0..100 {
        let windows = client.windows().await.expect("window list");
        if let Some(other) = windows.into_iter().find(|w| w != main) {
            return other;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no projector window opened");
}

/// The current window's place and size once it is `wanted`, or whatever it is after 10 s
/// (windows are placed a moment after they open, without a window manager to hurry them).
async fn rect_once(client: &Client, wanted: (u64, u64, u64, u64)) -> (u64, u64, u64, u64) {
    let mut rect = client.get_window_rect().await.expect("window rect");
    for _ in 0..100 {
        if rect == wanted {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        rect = client.get_window_rect().await.expect("window rect");
    }
    rect
}

/// Opens the projector from the main window; answers its place and size once it is `wanted`, or
/// as it is after 10 s.
async fn open_projector(
    client: &Client,
    main: &WindowHandle,
    wanted: Option<(u64, u64, u64, u64)>,
) -> (u64, u64, u64, u64) {
    click(client, "[data-testid=projector-open]").await;
    let projector = projector_window(client, main).await;
    client
        .switch_to_window(projector)
        .await
        .expect("switch to the projector");
    let rect = match wanted {
        Some(wanted) => rect_once(client, wanted).await,
        None => {
            tokio::time::sleep(Duration::from_millis(500)).await;
            client.get_window_rect().await.expect("projector rect")
        }
    };
    client
        .switch_to_window(main.clone())
        .await
        .expect("back to the main window");
    rect
}

async fn close_projector(client: &Client) {
    close_offered(client, true).await;
    click(client, "[data-testid=projector-close]").await;
    wait_until(client, "the projector window closes", || async {
        matches!(client.windows().await.map(|w| w.len()), Ok(1))
    })
    .await;
    close_offered(client, false).await;
}

/// Waits until the "Close projector window" button can be clicked (`offered`) or not: only while
/// a projector window is open.
async fn close_offered(client: &Client, offered: bool) {
    let what = if offered {
        "Close projector window is offered"
    } else {
        "Close projector window is not offered"
    };
    wait_until(client, what, || async {
        match client
            .find(fantoccini::Locator::Css("[data-testid=projector-close]"))
            .await
        {
            Ok(button) => button.is_enabled().await.ok() == Some(offered),
            Err(_) => false,
        }
    })
    .await;
}

#[tokio::test]
async fn a_closed_projector_comes_back_where_it_was() {
    let mut harness = Harness::start(systematic_tests::DataFolder::Writable);
    let client = harness.launch().await;
    name_laptop(&client, "Front table").await;
    click(&client, "[data-testid=open-demo]").await;
    wait_for_text(&client, "[data-testid=workshop-heading]", "Esther").await;
    let main = client.window().await.expect("main window");
    close_offered(&client, false).await;
    let first = open_projector(&client, &main, None).await;
    // The facilitator drags it onto the projector's screen and gives it another size.
    let moved = (first.0 + 120, first.1 + 90, 900, 500);
    client
        .switch_to_window(projector_window(&client, &main).await)
        .await
        .expect("switch to the projector");
    client
        .set_window_rect(
            moved.0 as u32,
            moved.1 as u32,
            moved.2 as u32,
            moved.3 as u32,
        )
        .await
        .expect("move the projector");
    assert_eq!(
        rect_once(&client, moved).await,
        moved,
        "the projector did not move"
    );
    client
        .switch_to_window(main.clone())
        .await
        .expect("back to the main window");
    close_projector(&client).await;
    assert_eq!(open_projector(&client, &main, Some(moved)).await, moved);

    // And after the app is stopped and started again, from the saved window state.
    close_projector(&client).await;
    wait_until(
        &client,
        "the projector's place and size are saved",
        || async { saved_rect(&harness, "projector") == Some(moved) },
    )
    .await;
    drop(client);
    harness.kill_and_restart();
    let client = harness.launch().await;
    click(&client, "[data-testid=continue-workshop]").await;
    wait_for_text(&client, "[data-testid=workshop-heading]", "Esther").await;
    let main = client.window().await.expect("main window");
    assert_eq!(open_projector(&client, &main, Some(moved)).await, moved);
    client.close().await.expect("close");
}

fn saved_main_size(harness: &Harness) -> Option<(u64, u64)> {
    saved_size(harness, "main")
}

#[tokio::test]
async fn the_window_comes_back_at_the_size_it_was_left_at() {
    let mut harness = Harness::start(systematic_tests::DataFolder::Writable);
    let client = harness.launch().await;
    let (width, height) = (1000u32, 650u32);
    client
        .set_window_size(width, height)
        .await
        .expect("resize the window");
    // Saved a moment after the change, without waiting for the app to exit (a laptop whose
    // battery runs out never exits).
    wait_until(&client, "the window state is saved", || async {
        saved_main_size(&harness) == Some((u64::from(width), u64::from(height)))
    })
    .await;
    drop(client);

    harness.kill_and_restart();
    let client = harness.launch().await;
    // Restored as the window opens; give the window manager-less X server a moment.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let (_, _, w, h) = client.get_window_rect().await.expect("window rect");
    assert_eq!((w as u32, h as u32), (width, height));
    client.close().await.expect("close");
}

#[tokio::test]
async fn after_a_restart_the_last_workshop_and_recent_files_are_offered() {
    let mut harness = Harness::start(systematic_tests::DataFolder::Writable);
    let stick = harness.root().join("stick");
    std::fs::create_dir_all(&stick).expect("stick");
    let file = session_file(&stick, "from-table-3.systematic", "Table three", "w-three");
    harness.answer_file_choosers(&[&[&file]]);
    let client = harness.launch().await;
    name_laptop(&client, "Table 1").await;
    click(&client, "[data-testid=open-session]").await;
    wait_for_text(&client, "[data-testid=workshop-heading]", "Table three").await;
    click(&client, "[data-testid=back-home]").await;
    click(&client, "[data-testid=open-demo]").await;
    wait_for_text(&client, "[data-testid=workshop-heading]", "Esther").await;
    drop(client);

    harness.kill_and_restart();
    let client = harness.launch().await;
    wait_for_text(&client, "[data-testid=continue]", "Esther").await;
    let recent = wait_for_text(
        &client,
        "[data-testid=recent-files]",
        "from-table-3.systematic",
    )
    .await;
    assert!(recent.contains(path(&stick)), "{recent}");
    screenshot(&client, "home-continue.png").await;
    // A recent file opens with one click, without a file chooser.
    click(&client, "[data-testid=recent-file]").await;
    wait_for_text(&client, "[data-testid=workshop-heading]", "Table three").await;
    click(&client, "[data-testid=back-home]").await;
    wait_for_text(&client, "[data-testid=continue]", "Table three").await;
    click(&client, "[data-testid=continue-workshop]").await;
    wait_for_text(&client, "[data-testid=workshop-heading]", "Table three").await;
    client.close().await.expect("close");
}
