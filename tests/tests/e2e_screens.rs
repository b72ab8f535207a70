//! End-to-end: every screen, in every locale, passes axe-core with no serious or critical
//! violation; and in the pseudo-locale (every letter of every message accented) no screen shows a
//! word that did not come from a message or from the workshop's own data.

use fantoccini::{Client, Locator};
use serde_json::Value as Json;
use std::collections::BTreeSet;
use systematic_tests::map_driver::{count, wait_until};
use systematic_tests::{click, fill, project_root, wait_for, DataFolder, Harness};

/// The axe-core script `cargo xtask setup` installs.
fn axe_source() -> String {
    let path = std::env::var_os("SYSTEMATIC_AXE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| project_root().join(".tools/npm/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core at {} ({e}); run cargo xtask setup",
            path.display()
        )
    })
}

/// Runs axe-core on the page and fails on any serious or critical violation, naming the screen.
async fn check_accessibility(client: &Client, axe: &str, screen: &str) {
    let loaded = client
        .execute("return typeof window.axe !== 'undefined';", vec![])
        .await
        .expect("ask for axe");
    if loaded != Json::Bool(true) {
        client
            .execute(&format!("{axe}\nwindow.axe = axe;"), vec![])
            .await
            .expect("inject axe-core");
    }
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.axe.run(document, {resultTypes: ['violations']})\
               .then(r => done(r.violations\
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')\
                 .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '\
                   + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))\
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    let violations: Vec<String> = serde_json::from_value(result).expect("violation list");
    assert!(
        violations.is_empty(),
        "{screen}: {} serious or critical accessibility problems:\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// Words the app shows that are data, not messages: the demo workshop, its template, what this
/// test types, language names (each in itself) and the platform's month and day names.
fn data_words() -> BTreeSet<String> {
    let mut text = String::new();
    for file in [
        "assets/demo/esther.json",
        "assets/templates/esther.json",
        "assets/templates/systematic.json",
    ] {
        text.push_str(&std::fs::read_to_string(project_root().join(file)).expect("data file"));
    }
    text.push_str(
        " Table Screens laptop Ann English UK Pseudo locale test January February March April May \
         June July August September October November December Monday Tuesday Wednesday Thursday \
         Friday Saturday Sunday",
    );
    words(&text).into_iter().collect()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A word written in plain ASCII with a vowel: in the pseudo-locale, messages have none.
fn looks_untranslated(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && word.chars().any(|c| "aeiouyAEIOUY".contains(c))
}

async fn check_translated(client: &Client, allowed: &BTreeSet<String>, screen: &str) {
    let text = client
        .execute("return document.body.innerText;", vec![])
        .await
        .expect("page text");
    let text = text.as_str().unwrap_or_default();
    let stray: BTreeSet<String> = words(text)
        .into_iter()
        .filter(|w| looks_untranslated(w) && !allowed.contains(w))
        .collect();
    assert!(
        stray.is_empty(),
        "{screen} shows words that are not from a message: {stray:?}"
    );
}

/// Every screen: home, the new-workshop form, each tab of the demo workshop, the booth,
/// participant mode and the projector.
async fn visit_every_screen(harness: &Harness, client: &Client, locale: &str) {
    let axe = axe_source();
    let mut allowed = data_words();
    // The home screen names the data folder: a path, not words.
    allowed.extend(words(&harness.data_dir().display().to_string()));
    let check = |screen: String| {
        let (axe, allowed) = (axe.clone(), allowed.clone());
        async move {
            let screen = format!("{locale}: {screen}");
            check_accessibility(client, &axe, &screen).await;
            if locale == "en-XA" {
                check_translated(client, &allowed, &screen).await;
            }
        }
    };
    wait_for(client, "[data-testid=open-demo]").await;
    // The checker can fail: a picture without words is a critical problem to axe.
    client
        .execute(
            "const img = document.createElement('img'); img.id = 'axe-self-check';\
             img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.body.appendChild(img);",
            vec![],
        )
        .await
        .expect("add a picture without alt text");
    let caught = tokio::spawn({
        let client = client.clone();
        let axe = axe.clone();
        async move { check_accessibility(&client, &axe, "self-check").await }
    })
    .await;
    assert!(
        caught.is_err(),
        "axe-core must flag a picture without alt text"
    );
    client
        .execute(
            "document.getElementById('axe-self-check').remove();",
            vec![],
        )
        .await
        .expect("remove the picture");
    check("home".into()).await;
    click(client, "[data-testid=new-workshop]").await;
    wait_for(client, "[data-testid=template-preview]").await;
    check("new workshop".into()).await;
    client
        .find(Locator::XPath(
            "//*[@data-testid='new-workshop-form']//button[@type='button']",
        ))
        .await
        .expect("cancel")
        .click()
        .await
        .expect("cancel the form");
    click(client, "[data-testid=open-demo]").await;
    wait_for(client, "[data-testid=current-stage]").await;
    for tab in [
        "agenda",
        "people",
        "personas",
        "map",
        "journeys",
        "scenarios",
        "notes",
        "voting",
        "priorities",
    ] {
        click(client, &format!("[data-testid=tab-{tab}]")).await;
        wait_for(
            client,
            &format!("[data-testid=tab-{tab}][aria-selected=true]"),
        )
        .await;
        if tab == "map" {
            wait_for(client, "[data-testid=map-section][data-loaded=true]").await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        check(format!("{tab} tab")).await;
    }

    // A round on two of Esther's contract statements, and the booth with one person in it.
    click(client, "[data-testid=tab-people]").await;
    fill(client, "[data-testid=participant-pseudonym]", "Ann").await;
    click(client, "[data-testid=participant-add]").await;
    wait_for(client, "[data-testid=participant-row]").await;
    click(client, "[data-testid=tab-voting]").await;
    click(client, "[data-testid=new-round] summary").await;
    fill(client, "[data-testid=round-question]", "Screens").await;
    let ticks = client
        .find_all(Locator::Css("[data-testid=round-candidate]"))
        .await
        .expect("candidates");
    for tick in ticks.iter().take(2) {
        tick.click().await.expect("tick");
    }
    click(client, "[data-testid=round-create]").await;
    click(client, "[data-testid=booth-open]").await;
    check("booth, names".into()).await;
    click(client, "[data-testid=booth-name]").await;
    wait_for(client, "[data-testid=dots-left]").await;
    check("booth, dots".into()).await;
    click(client, "[data-testid=dot-add]").await;
    click(client, "[data-testid=booth-confirm]").await;
    wait_for(client, "[data-testid=booth-thanks]").await;
    check("booth, thanks".into()).await;
    click(client, "[data-testid=booth-next]").await;
    click(client, "[data-testid=booth-close]").await;
    click(client, "[data-testid=round-reveal]").await;
    wait_for(client, "[data-testid=vote-results]").await;
    check("results".into()).await;

    click(client, "[data-testid=participant-mode-start]").await;
    fill(client, "[data-testid=participant-mode-new-pin]", "1357").await;
    click(client, "[data-testid=participant-mode-go]").await;
    wait_for(client, "[data-testid=participant-mode]").await;
    check("participant mode".into()).await;
    click(client, "[data-testid=participant-mode-leave]").await;
    fill(client, "[data-testid=participant-mode-pin]", "1357").await;
    click(client, "[data-testid=participant-mode-unlock]").await;
    wait_until(client, "participant mode ends", || async {
        count(client, "[data-testid=participant-mode]").await == 0
    })
    .await;

    // The projector, showing the round (its screen loads in this window for the check).
    client
        .find(Locator::XPath(
            "//*[@data-testid='projector-shows']/option[contains(@value, 'round:')]",
        ))
        .await
        .expect("round option")
        .click()
        .await
        .expect("show the round");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    client
        .execute("location.hash = '#projector'; location.reload();", vec![])
        .await
        .expect("open the projector screen");
    wait_for(client, "[data-testid=projector-round]").await;
    check("projector".into()).await;
}

async fn named_laptop(harness: &Harness) -> Client {
    let client = harness.launch().await;
    fill(&client, "[data-testid=laptop-name]", "Screens laptop").await;
    click(&client, "[data-testid=laptop-save]").await;
    wait_until(&client, "the laptop is named", || async {
        count(&client, "[data-testid=laptop-setup]").await == 0
    })
    .await;
    client
}

#[tokio::test]
async fn every_screen_is_accessible_in_en_gb() {
    let harness = Harness::start(DataFolder::Writable);
    let client = named_laptop(&harness).await;
    visit_every_screen(&harness, &client, "en-GB").await;
}

#[tokio::test]
async fn every_screen_is_accessible_and_translated_in_the_pseudo_locale() {
    let harness = Harness::start(DataFolder::Writable);
    let client = named_laptop(&harness).await;
    client
        .execute(
            "localStorage.setItem('systematic-language', 'en-XA'); location.reload();",
            vec![],
        )
        .await
        .expect("choose the pseudo-locale");
    wait_until(&client, "the app speaks the pseudo-locale", || async {
        client
            .find(Locator::Css("[data-testid=language]"))
            .await
            .ok()
            .is_some()
            && client
                .execute(
                    "return document.body.innerText.includes('Wörkshöp');",
                    vec![],
                )
                .await
                .ok()
                == Some(Json::Bool(true))
    })
    .await;
    visit_every_screen(&harness, &client, "en-XA").await;
}

#[tokio::test]
async fn every_screen_is_accessible_in_swedish() {
    let harness = Harness::start(DataFolder::Writable);
    let client = named_laptop(&harness).await;
    client
        .execute(
            "localStorage.setItem('systematic-language', 'sv'); location.reload();",
            vec![],
        )
        .await
        .expect("choose Swedish");
    wait_until(&client, "the app speaks Swedish", || async {
        client
            .execute(
                "return document.body.innerText.includes('Dina workshoppar');",
                vec![],
            )
            .await
            .ok()
            == Some(Json::Bool(true))
    })
    .await;
    visit_every_screen(&harness, &client, "sv").await;
}

/// Moves the focus with Tab (then, if need be, Shift+Tab) until it is on the element matching
/// `css`, as someone without a mouse would.
async fn tab_to(client: &Client, css: &str) {
    use fantoccini::key::Key;
    let focused = || async {
        client
            .execute(
                "return !!document.activeElement && document.activeElement.matches(arguments[0]);",
                vec![Json::String(css.to_owned())],
            )
            .await
            .ok()
            == Some(Json::Bool(true))
    };
    for backwards in [false, true] {
        for _ in 0..120 {
            if focused().await {
                return;
            }
            let keys = if backwards {
                format!("{}{}", char::from(Key::Shift), char::from(Key::Tab))
            } else {
                char::from(Key::Tab).to_string()
            };
            let active = client.active_element().await.expect("focused element");
            active.send_keys(&keys).await.expect("press Tab");
        }
    }
    panic!("the keyboard cannot reach {css}");
}

/// Opens a workshop tab the keyboard way: Tab into the tab list (only the open tab is a Tab
/// stop), then the arrow keys.
async fn open_tab(client: &Client, name: &str) {
    use fantoccini::key::Key;
    tab_to(client, "[role=tab][aria-selected=true]").await;
    let wanted = format!("[data-testid=tab-{name}][aria-selected=true]");
    for _ in 0..12 {
        if count(client, &wanted).await == 1 {
            return;
        }
        keys(client, &char::from(Key::Right).to_string()).await;
    }
    panic!("the arrow keys cannot reach the {name} tab");
}

/// Types into whatever has the focus (Enter and Space included).
async fn keys(client: &Client, text: &str) {
    client
        .active_element()
        .await
        .expect("focused element")
        .send_keys(text)
        .await
        .expect("type");
}

#[tokio::test]
async fn a_workshop_runs_from_new_to_reveal_by_keyboard_alone() {
    use fantoccini::key::Key;
    let enter = char::from(Key::Enter).to_string();
    let harness = Harness::start(DataFolder::Writable);
    let client = harness.launch().await;
    tab_to(&client, "[data-testid=laptop-name]").await;
    keys(&client, &format!("Keyboard laptop{enter}")).await;
    wait_until(&client, "the laptop is named", || async {
        count(&client, "[data-testid=laptop-setup]").await == 0
    })
    .await;

    tab_to(&client, "[data-testid=new-workshop]").await;
    keys(&client, &enter).await;
    tab_to(&client, "[data-testid=workshop-title]").await;
    keys(&client, "By keyboard").await;
    tab_to(&client, "[data-testid=create-workshop]").await;
    keys(&client, &enter).await;
    wait_for(&client, "[data-testid=current-stage]").await;

    open_tab(&client, "people").await;
    tab_to(&client, "[data-testid=participant-pseudonym]").await;
    keys(&client, &format!("Ann{enter}")).await;
    wait_for(&client, "[data-testid=participant-row]").await;

    open_tab(&client, "notes").await;
    tab_to(&client, "[data-testid=note-text]").await;
    keys(&client, &format!("No one calls back{enter}")).await;
    wait_for(&client, "[data-testid=note-card]").await;
    keys(&client, &format!("Too many numbers{enter}")).await;
    wait_until(&client, "two notes", || async {
        count(&client, "[data-testid=note-card]").await == 2
    })
    .await;

    open_tab(&client, "voting").await;
    tab_to(&client, "[data-testid=new-round] summary").await;
    keys(&client, &enter).await;
    tab_to(&client, "[data-testid=round-question]").await;
    keys(&client, "What first?").await;
    tab_to(&client, "[data-testid=round-candidate]").await;
    keys(&client, " ").await;
    keys(&client, &char::from(Key::Tab).to_string()).await;
    keys(&client, " ").await;
    tab_to(&client, "[data-testid=round-create]").await;
    keys(&client, &enter).await;
    wait_for(&client, "[data-testid=round-card]").await;

    tab_to(&client, "[data-testid=booth-open]").await;
    keys(&client, &enter).await;
    tab_to(&client, "[data-testid=booth-name]").await;
    keys(&client, &enter).await;
    tab_to(&client, "[data-testid=dot-add]").await;
    keys(&client, &enter).await;
    tab_to(&client, "[data-testid=booth-confirm]").await;
    keys(&client, &enter).await;
    wait_for(&client, "[data-testid=booth-thanks]").await;
    tab_to(&client, "[data-testid=booth-next]").await;
    keys(&client, &enter).await;
    tab_to(&client, "[data-testid=booth-close]").await;
    keys(&client, &enter).await;

    tab_to(&client, "[data-testid=round-reveal]").await;
    keys(&client, &enter).await;
    let results =
        systematic_tests::wait_for_text(&client, "[data-testid=vote-results]", "1 dot").await;
    assert!(results.contains("1 of 1"), "{results}");
}

#[tokio::test]
async fn the_projector_window_shows_the_stage_and_may_change_nothing() {
    let harness = Harness::start(DataFolder::Writable);
    let client = named_laptop(&harness).await;
    click(&client, "[data-testid=open-demo]").await;
    let stage = systematic_tests::text_of(&client, "[data-testid=current-stage]").await;
    let main = client.window().await.expect("main window");
    click(&client, "[data-testid=projector-open]").await;
    let mut projector = None;
    for _ in 0..100 {
        let windows = client.windows().await.expect("window list");
        if let Some(other) = windows.into_iter().find(|w| *w != main) {
            projector = Some(other);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let projector = projector.expect("a second window opens for the projector");
    client
        .switch_to_window(projector)
        .await
        .expect("switch to the projector");
    let shown =
        systematic_tests::wait_for_text(&client, "[data-testid=projector-stage]", &stage).await;
    assert!(shown.contains(&stage), "{shown}");
    wait_for(&client, "[data-testid=projector-clock]").await;
    systematic_tests::screenshot(&client, "projector.png").await;
    // It faces the room: asking for anything but its own view is refused by the shell.
    let refused = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             window.__TAURI__.core.invoke('dispatch', {request: {type: 'list_workshops'}})\
               .then(() => done('answered'), () => done('refused'));",
            vec![],
        )
        .await
        .expect("ask from the projector");
    assert_eq!(refused, Json::String("refused".into()));
    client
        .switch_to_window(main)
        .await
        .expect("back to the main window");
    wait_for(&client, "[data-testid=current-stage]").await;
}
