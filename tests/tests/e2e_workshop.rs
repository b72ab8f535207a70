//! End-to-end: a whole short workshop in the real app. A new workshop from the SysteMatic
//! template, three participants, a persona, five notes clustered into two themes, a failure
//! point on the map, a pass-the-laptop vote round, the reveal and results by role, a priority
//! with an action; then a second laptop's session file carrying two more votes is merged, twice,
//! and they count once.

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde_json::Value as Json;
use systematic_tests::cli::{path, systematic};
use systematic_tests::map_driver::{add_node_by_keyboard, count, select_node, wait_until};
use systematic_tests::{
    click, fill, project_root, screenshot, text_of, wait_for, wait_for_text, DataFolder, Harness,
};

/// Picks the option showing `text` in the select matching `css`.
async fn choose(client: &Client, css: &str, text: &str) {
    let select = wait_for(client, css).await;
    select
        .find(Locator::XPath(&format!(".//option[contains(., '{text}')]")))
        .await
        .unwrap_or_else(|e| panic!("{css} has no option {text}: {e}"))
        .click()
        .await
        .expect("choose option");
}

async fn add_participant(client: &Client, name: &str, role: &str) {
    let before = count(client, "[data-testid=participant-row]").await;
    fill(client, "[data-testid=participant-pseudonym]", name).await;
    choose(client, "[data-testid=participant-role]", role).await;
    click(client, "[data-testid=participant-add]").await;
    wait_until(client, &format!("{name} is listed"), || async {
        count(client, "[data-testid=participant-row]").await == before + 1
    })
    .await;
}

/// Types a note and presses Enter, as a note-taker would, and waits for it on the board.
async fn add_note(client: &Client, text: &str) {
    let before = count(client, "[data-testid=note-card]").await;
    let field = wait_for(client, "[data-testid=note-text]").await;
    field
        .send_keys(&format!("{text}{}", char::from(Key::Enter)))
        .await
        .expect("type note");
    wait_until(client, &format!("note {text} is on the board"), || async {
        count(client, "[data-testid=note-card]").await == before + 1
    })
    .await;
}

/// Moves the note showing `text` into `theme` with its theme list (the keyboard way).
async fn sort_note(client: &Client, text: &str, theme: &str) {
    let card = client
        .find(Locator::XPath(&format!(
            "//*[@data-testid='note-card'][contains(., '{text}')]"
        )))
        .await
        .unwrap_or_else(|e| panic!("note {text}: {e}"));
    card.find(Locator::XPath(&format!(
        ".//select/option[contains(., '{theme}')]"
    )))
    .await
    .expect("theme option")
    .click()
    .await
    .expect("choose theme");
    wait_until(client, &format!("{text} is under {theme}"), || async {
        let Ok(column) = client
            .find(Locator::XPath(&format!(
                "//*[@data-testid='note-column'][.//input[@value='{theme}']]"
            )))
            .await
        else {
            return false;
        };
        column.text().await.unwrap_or_default().contains(text)
    })
    .await;
}

/// One person's turn at the laptop: pick the name, add a dot per entry of `items` (candidate
/// positions), confirm, and pass it on.
async fn vote_in_booth(client: &Client, name: &str, items: &[usize]) {
    client
        .find(Locator::XPath(&format!(
            "//*[@data-testid='booth-name'][contains(., '{name}')]"
        )))
        .await
        .unwrap_or_else(|e| panic!("{name} in the booth: {e}"))
        .click()
        .await
        .expect("pick name");
    wait_for(client, "[data-testid=dots-left]").await;
    for item in items {
        let adds = client
            .find_all(Locator::Css("[data-testid=dot-add]"))
            .await
            .expect("add buttons");
        adds[*item].click().await.expect("add a dot");
    }
    let dots = text_of(client, "[data-testid=booth]").await;
    assert!(
        dots.contains("0 dots left"),
        "{name} used every dot: {dots}"
    );
    click(client, "[data-testid=booth-confirm]").await;
    wait_for(client, "[data-testid=booth-thanks]").await;
    let cleared = text_of(client, "[data-testid=booth]").await;
    assert!(
        !cleared.contains('●'),
        "nobody's dots stay on screen: {cleared}"
    );
    screenshot(client, "vote-booth-thanks.png").await;
    click(client, "[data-testid=booth-next]").await;
    wait_for(client, "[data-testid=booth-name]").await;
}

/// The dots shown for the result row whose label contains `label`.
async fn dots_for(client: &Client, label: &str) -> String {
    client
        .find(Locator::XPath(&format!(
            "//*[@data-testid='result-row'][contains(., '{label}')]//*[@data-testid='result-dots']"
        )))
        .await
        .unwrap_or_else(|e| panic!("result for {label}: {e}"))
        .text()
        .await
        .expect("dots text")
}

#[tokio::test]
async fn a_short_workshop_runs_from_template_to_actions_and_merges_votes_once() {
    let harness = Harness::start(DataFolder::Writable);
    let usb = harness.root().join("usb");
    std::fs::create_dir_all(&usb).expect("usb folder");
    let base = usb.join("before-voting.systematic");
    let table2 = usb.join("table-2.systematic");
    harness.answer_file_choosers(&[&[&base], &[&table2], &[&table2]]);
    let template: Json = serde_json::from_str(
        &std::fs::read_to_string(project_root().join("assets/templates/systematic.json"))
            .expect("template file"),
    )
    .expect("template json");
    let first_stage = template["stages"][0]["name"].as_str().expect("first stage");
    let second_stage = template["stages"][1]["name"]
        .as_str()
        .expect("second stage");

    let client = harness.launch().await;
    fill(&client, "[data-testid=laptop-name]", "Facilitator laptop").await;
    click(&client, "[data-testid=laptop-save]").await;
    wait_until(&client, "the laptop is named", || async {
        count(&client, "[data-testid=laptop-setup]").await == 0
    })
    .await;

    // A new workshop from the SysteMatic template: its agenda and the first stage's question.
    click(&client, "[data-testid=new-workshop]").await;
    fill(
        &client,
        "[data-testid=workshop-title]",
        "Frailty in Höglandet",
    )
    .await;
    wait_for_text(&client, "[data-testid=template-preview]", first_stage).await;
    click(&client, "[data-testid=create-workshop]").await;
    wait_for_text(&client, "[data-testid=current-stage]", first_stage).await;
    let question = text_of(&client, "[data-testid=stage-question]").await;
    assert!(question.ends_with('?'), "{question}");
    click(&client, "[data-testid=timer-start]").await;
    wait_for(&client, "[data-testid=timer-pause]").await;
    click(&client, "[data-testid=timer-add-minute]").await;
    click(&client, "[data-testid=tab-agenda]").await;
    wait_for_text(&client, "[data-testid=agenda]", first_stage).await;
    screenshot(&client, "agenda.png").await;

    // Three participants, by pseudonym and role.
    click(&client, "[data-testid=tab-people]").await;
    add_participant(&client, "Ann", "lived experience").await;
    add_participant(&client, "Bo", "Carer").await;
    add_participant(&client, "Cy", "Clinician").await;
    screenshot(&client, "people.png").await;

    // A persona: the built-in Esther, copied in.
    click(&client, "[data-testid=tab-personas]").await;
    choose(&client, "[data-testid=built-in-persona]", "Esther").await;
    click(&client, "[data-testid=built-in-copy]").await;
    wait_for_text(&client, ".persona-grid", "Esther").await;

    // Five notes, as fast as people talk, clustered into two themes.
    click(&client, "[data-testid=tab-notes]").await;
    for note in [
        "Nobody rings back after discharge",
        "The GP does not know she was in hospital",
        "Six different numbers to call",
        "Frightened of falling at night",
        "Home care changes every week",
    ] {
        add_note(&client, note).await;
    }
    for theme in ["Getting in touch", "Feeling safe"] {
        fill(&client, "[data-testid=theme-name]", theme).await;
        click(&client, "[data-testid=theme-add]").await;
        wait_for(
            &client,
            &format!("[data-testid=theme-heading][value='{theme}']"),
        )
        .await;
    }
    sort_note(&client, "Nobody rings back", "Getting in touch").await;
    sort_note(&client, "GP does not know", "Getting in touch").await;
    sort_note(&client, "Six different numbers", "Getting in touch").await;
    sort_note(&client, "Frightened of falling", "Feeling safe").await;
    sort_note(&client, "Home care changes", "Feeling safe").await;
    screenshot(&client, "notes.png").await;

    // A failure point on the map.
    click(&client, "[data-testid=tab-map]").await;
    wait_for(&client, "[data-testid=map-section][data-loaded=true]").await;
    add_node_by_keyboard(&client, "Hospital").await;
    select_node(&client, "Hospital").await;
    fill(
        &client,
        "[data-testid=failure-description]",
        "Discharged on a Friday, GP not told",
    )
    .await;
    click(&client, "[data-testid=add-failure]").await;
    wait_for(
        &client,
        "[data-testid=map-node] [data-testid=failure-marker]",
    )
    .await;

    // Esther's journey: two steps, the second where the system fails her, linked to the node.
    click(&client, "[data-testid=tab-journeys]").await;
    fill(&client, "[data-testid=journey-title]", "Esther goes home").await;
    choose(&client, "[data-testid=journey-persona]", "Esther").await;
    click(&client, "[data-testid=journey-add]").await;
    wait_for(&client, "[data-testid=journey]").await;
    fill(&client, "[data-testid=step-touchpoint]", "Ward round").await;
    choose(&client, "[data-testid=step-emotion]", "Good").await;
    click(&client, "[data-testid=step-add]").await;
    wait_until(&client, "the first step", || async {
        count(&client, "[data-testid=journey-step]").await == 1
    })
    .await;
    fill(
        &client,
        "[data-testid=step-touchpoint]",
        "First night at home",
    )
    .await;
    choose(&client, "[data-testid=step-emotion]", "Very bad").await;
    click(&client, "[data-testid=step-failure]").await;
    click(&client, "[data-testid=step-add]").await;
    wait_for(&client, "[data-testid=step-failure-mark]").await;
    choose(
        &client,
        "[data-testid=journey-step]:nth-child(2) [data-testid=step-link]",
        "Hospital",
    )
    .await;
    wait_for_text(
        &client,
        "[data-testid=journey-step]:nth-child(2) .chip",
        "Hospital",
    )
    .await;
    assert_eq!(
        count(&client, "[data-testid=emotion-curve] circle").await,
        2,
        "one point per step on the emotion curve"
    );
    screenshot(&client, "journey.png").await;

    // A failure scenario linked to that step, on the impact × likelihood matrix.
    click(&client, "[data-testid=tab-scenarios]").await;
    click(&client, "[data-testid=new-scenario] summary").await;
    fill(
        &client,
        "[data-testid=scenario-title]",
        "Nobody knows she is home",
    )
    .await;
    choose(&client, "[data-testid=scenario-impact]", "5").await;
    choose(&client, "[data-testid=scenario-likelihood]", "4").await;
    client
        .find(Locator::XPath(
            "//label[contains(., 'First night at home')]/input[@data-testid='scenario-link']",
        ))
        .await
        .expect("step to link")
        .click()
        .await
        .expect("link the step");
    click(&client, "[data-testid=scenario-add]").await;
    wait_for_text(&client, "[data-testid=scenario]", "First night at home").await;
    let matrix_cell = client
        .find(Locator::XPath(
            "//*[@data-testid='scenario-matrix']//tr[th='5']/td[4]",
        ))
        .await
        .expect("impact 5, likelihood 4")
        .text()
        .await
        .expect("cell text");
    assert!(
        matrix_cell.contains("Nobody knows she is home"),
        "{matrix_cell}"
    );
    screenshot(&client, "scenarios.png").await;

    // A round on the failure point and both themes, results hidden until the reveal.
    click(&client, "[data-testid=tab-voting]").await;
    click(&client, "[data-testid=new-round] summary").await;
    fill(
        &client,
        "[data-testid=round-question]",
        "What should we work on first?",
    )
    .await;
    for candidate in ["Discharged on a Friday", "Getting in touch", "Feeling safe"] {
        client
            .find(Locator::XPath(&format!(
                "//label[contains(., '{candidate}')]/input[@data-testid='round-candidate']"
            )))
            .await
            .unwrap_or_else(|e| panic!("candidate {candidate}: {e}"))
            .click()
            .await
            .expect("tick candidate");
    }
    fill(&client, "[data-testid=round-dots]", "2").await;
    fill(&client, "[data-testid=round-per-item]", "2").await;
    click(&client, "[data-testid=round-create]").await;
    wait_for(&client, "[data-testid=round-card]").await;

    // Every laptop starts from the same file: this one goes to Table 2 before anyone votes.
    click(&client, "[data-testid=save-session]").await;
    wait_for(&client, "[data-testid=session-saved]").await;

    // Pass the laptop: Ann puts both dots on the failure, Bo one there and one on "Getting in
    // touch", Cy both on "Getting in touch". Candidates show in the order they were ticked.
    click(&client, "[data-testid=booth-open]").await;
    screenshot(&client, "vote-booth.png").await;
    vote_in_booth(&client, "Ann", &[0, 0]).await;
    vote_in_booth(&client, "Bo", &[0, 1]).await;
    vote_in_booth(&client, "Cy", &[1, 1]).await;
    let names = text_of(&client, "[data-testid=booth]").await;
    assert_eq!(names.matches("voted").count(), 3, "{names}");
    click(&client, "[data-testid=booth-close]").await;
    wait_for_text(&client, "[data-testid=round-voted]", "3 of 3").await;
    assert_eq!(
        count(&client, "[data-testid=vote-results]").await,
        0,
        "hidden until the reveal"
    );

    click(&client, "[data-testid=round-reveal]").await;
    wait_for(&client, "[data-testid=vote-results]").await;
    assert_eq!(dots_for(&client, "Discharged on a Friday").await, "3 dots");
    assert_eq!(dots_for(&client, "Getting in touch").await, "3 dots");
    assert_eq!(
        count(&client, "[data-testid=result-tie]").await,
        2,
        "the two items on 3 dots are flagged as tied"
    );
    click(&client, "[data-testid=results-by-role]").await;
    wait_until(&client, "results show by role", || async {
        dots_for(&client, "Getting in touch").await == "1 · 2 · 0"
    })
    .await;
    assert_eq!(
        dots_for(&client, "Discharged on a Friday").await,
        "3 · 0 · 0"
    );
    screenshot(&client, "vote-results.png").await;

    // Table 2 let a participant of its own vote on paper-free dots: two more votes.
    std::fs::copy(&base, &table2).expect("copy to table 2");
    let model: Json =
        serde_json::from_str(&systematic(&["inspect", path(&table2), "--json"], None))
            .expect("inspect json");
    let round = model["vote_rounds"][0]["id"].as_str().expect("round id");
    let safe = model["themes"]
        .as_array()
        .expect("themes")
        .iter()
        .find(|t| t["name"] == "Feeling safe")
        .and_then(|t| t["id"].as_str())
        .expect("theme id");
    let script = format!(
        "{{\"op\":\"add\",\"kind\":\"participant\",\"id\":\"dee\",\"fields\":{{\"pseudonym\":\"Dee\",\"role\":\"social_care\"}}}}\n\
         {{\"op\":\"vote\",\"round\":\"{round}\",\"participant\":\"dee\",\"item\":\"{safe}\"}}\n\
         {{\"op\":\"vote\",\"round\":\"{round}\",\"participant\":\"dee\",\"item\":\"{safe}\"}}\n"
    );
    systematic(
        &["edit", path(&table2), "--laptop", "Table 2"],
        Some(&script),
    );

    for _ in 0..2 {
        click(&client, "[data-testid=merge-sessions]").await;
        wait_for_text(&client, "[data-testid=merge-report]", "table-2.systematic").await;
        click(&client, "[data-testid=close-report]").await;
        wait_until(&client, "the merged votes show", || async {
            dots_for(&client, "Feeling safe").await == "0 · 2 · 0"
        })
        .await;
        wait_for_text(&client, "[data-testid=turnout]", "4 of 4").await;
        assert_eq!(dots_for(&client, "Getting in touch").await, "1 · 2 · 0");
    }

    // Closing the round makes priorities of its top items; one gets an action.
    click(&client, "[data-testid=round-close]").await;
    click(&client, "[data-testid=tab-priorities]").await;
    wait_until(&client, "three priorities", || async {
        count(&client, "[data-testid=priority]").await == 3
    })
    .await;
    let first = text_of(&client, "[data-testid=priority]").await;
    assert!(first.contains("Discharged on a Friday"), "{first}");
    fill(
        &client,
        "[data-testid=action-text]",
        "Ring everyone discharged on a Friday the next Monday",
    )
    .await;
    fill(&client, "[data-testid=action-owner]", "District nurse lead").await;
    click(&client, "[data-testid=action-add]").await;
    wait_for_text(&client, "[data-testid=action]", "District nurse lead").await;

    // The patient contract: a statement answered by the first priority.
    fill(
        &client,
        "[data-testid=contract-text]",
        "I know my next step.",
    )
    .await;
    click(&client, "[data-testid=contract-add]").await;
    wait_for(&client, "[data-testid=contract-statement]").await;
    click(&client, "[data-testid=contract-answer]").await;
    wait_until(&client, "the statement is answered", || async {
        match client
            .find(Locator::Css("[data-testid=contract-answer]"))
            .await
        {
            Ok(b) => b.prop("checked").await.ok().flatten().as_deref() == Some("true"),
            Err(_) => false,
        }
    })
    .await;
    screenshot(&client, "priorities.png").await;

    // The stage moves on, and the time spent on the first is kept.
    click(&client, "[data-testid=stage-next]").await;
    wait_for_text(&client, "[data-testid=current-stage]", second_stage).await;
    click(&client, "[data-testid=tab-agenda]").await;
    let agenda = text_of(&client, "[data-testid=agenda]").await;
    assert!(agenda.contains("spent"), "{agenda}");
    assert_eq!(
        count(&client, "[data-testid=time-up]").await,
        0,
        "time is not up yet"
    );

    // Planned for no minutes, the running stage's time is up: the gentle signal shows.
    click(
        &client,
        "[data-testid=stage-row].running [data-testid=stage-edit]",
    )
    .await;
    fill(&client, "[data-testid=stage-edit-minutes]", "0").await;
    click(&client, "[data-testid=stage-save]").await;
    wait_for(
        &client,
        "[data-testid=stage-bar].time-up [data-testid=time-up]",
    )
    .await;
    screenshot(&client, "time-up.png").await;

    // Participant mode: only notes and dots, no undo or history, and a PIN to leave.
    click(&client, "[data-testid=participant-mode-start]").await;
    fill(&client, "[data-testid=participant-mode-new-pin]", "2468").await;
    click(&client, "[data-testid=participant-mode-go]").await;
    wait_for(&client, "[data-testid=participant-mode]").await;
    let undo_shown = wait_for(&client, "[data-testid=undo]")
        .await
        .is_displayed()
        .await
        .expect("undo visibility");
    assert!(!undo_shown, "undo would show earlier people's dots");
    let language_shown = wait_for(&client, "[data-testid=language]")
        .await
        .is_displayed()
        .await
        .expect("language picker visibility");
    assert!(
        !language_shown,
        "changing the language reloads the window, which would end participant mode"
    );
    let note = wait_for(&client, "[data-testid=participant-note]").await;
    note.send_keys(&format!(
        "Nobody explains the new tablets{}",
        char::from(Key::Enter)
    ))
    .await
    .expect("type note");
    wait_for(&client, "[data-testid=participant-note-saved]").await;
    screenshot(&client, "participant-mode.png").await;
    click(&client, "[data-testid=participant-mode-leave]").await;
    fill(&client, "[data-testid=participant-mode-pin]", "1111").await;
    click(&client, "[data-testid=participant-mode-unlock]").await;
    wait_for(&client, "[data-testid=participant-mode] [role=alert]").await;
    fill(&client, "[data-testid=participant-mode-pin]", "2468").await;
    click(&client, "[data-testid=participant-mode-unlock]").await;
    wait_until(&client, "participant mode has ended", || async {
        count(&client, "[data-testid=participant-mode]").await == 0
    })
    .await;
    click(&client, "[data-testid=tab-notes]").await;
    wait_for_text(
        &client,
        "[data-testid=notes]",
        "Nobody explains the new tablets",
    )
    .await;
}
