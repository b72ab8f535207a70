//! End-to-end: a facilitator draws a system map with the keyboard and the mouse, marks where the
//! system fails Esther, and reads what the analysis says about it.

use fantoccini::actions::{InputSource, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use std::time::Duration;
use systematic_tests::map_driver::{
    add_node_by_keyboard, count, offset_in_canvas, pointer_to, press_on, select_node, wait_until,
};
use systematic_tests::{
    click, fill, screenshot, text_of, wait_for, wait_for_text, DataFolder, Harness,
};

/// The canvas's nodes as (label, transform), in document order.
async fn nodes(client: &Client) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for node in client
        .find_all(Locator::Css("[data-testid=map-node]"))
        .await
        .expect("nodes")
    {
        let label = node.text().await.unwrap_or_default();
        let transform = node
            .attr("transform")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        found.push((label, transform));
    }
    found
}

/// Connects the selected node to `to` with `polarity`, through the side panel.
async fn connect_selected(client: &Client, to: &str, polarity: &str) {
    let before = count(client, "[data-testid=map-connection]").await;
    // Tabbing into the list is what fills it.
    client
        .execute(
            "document.querySelector('[data-testid=connect-to]').focus();",
            vec![],
        )
        .await
        .expect("focus the list");
    let target = client
        .find(Locator::XPath(&format!(
            "//select[@data-testid='connect-to']/option[text()='{to}']"
        )))
        .await
        .expect("target option");
    target.click().await.expect("choose target");
    client
        .find(Locator::Css(&format!(
            "[data-testid=connect-polarity] option[value={polarity}]"
        )))
        .await
        .expect("polarity option")
        .click()
        .await
        .expect("choose polarity");
    click(client, "[data-testid=connect]").await;
    if count(client, "[data-testid=map-connection]").await == before {
        tokio::time::sleep(Duration::from_secs(2)).await;
        if count(client, "[data-testid=map-connection]").await == before {
            systematic_tests::screenshot(client, "map-failure.png").await;
            let probe = client.execute("return [document.querySelectorAll('[data-testid=map-connection]').length, document.querySelector('[data-testid=connect-to]').value, document.querySelector('[data-testid=connect-polarity]').value, document.body.innerText.slice(0, 400)];", vec![]).await;
            eprintln!("probe: {probe:?}");
            for e in client
                .find_all(Locator::Css("[role=alert], .error, [data-testid=error]"))
                .await
                .unwrap_or_default()
            {
                eprintln!("error shown: {}", e.text().await.unwrap_or_default());
            }
        }
    }
    wait_until(client, "the connection is drawn", || async {
        count(client, "[data-testid=map-connection]").await == before + 1
    })
    .await;
}

#[tokio::test]
async fn a_map_is_drawn_marked_analysed_and_played() {
    let harness = Harness::start(DataFolder::Writable);
    let client = harness.launch().await;
    click(&client, "[data-testid=new-workshop]").await;
    fill(
        &client,
        "[data-testid=workshop-title]",
        "Leaving hospital on a Friday",
    )
    .await;
    click(&client, "[data-testid=create-workshop]").await;
    systematic_tests::wait_for_text(
        &client,
        "[data-testid=workshop-heading]",
        "Leaving hospital on a Friday",
    )
    .await;
    // The tabs are drawn again once the facilitation view arrives; a click before that can be
    // lost (seen once in a warm run), so click until the map section is there.
    wait_until(&client, "the map tab opens", || async {
        click(&client, "[data-testid=tab-map]").await;
        count(&client, "[data-testid=map-section]").await > 0
    })
    .await;
    wait_for(&client, "[data-testid=map-section][data-loaded=true]").await;
    wait_for(&client, "[data-testid=map-empty]").await;

    // Keyboard only: N, type, Enter.
    add_node_by_keyboard(&client, "Esther").await;
    add_node_by_keyboard(&client, "Hospital").await;
    add_node_by_keyboard(&client, "GP practice").await;
    assert_eq!(count(&client, "[data-testid=map-empty]").await, 0);

    // Esther is a persona; the others stay services.
    select_node(&client, "Esther").await;
    client
        .find(Locator::Css(
            "[data-testid=node-kind] option[value=persona]",
        ))
        .await
        .expect("kind option")
        .click()
        .await
        .expect("choose persona");
    click(&client, "[data-testid=save-node]").await;
    wait_for(&client, "[data-testid=map-node][data-kind=persona]").await;

    connect_selected(&client, "Hospital", "positive").await;
    select_node(&client, "Hospital").await;
    connect_selected(&client, "GP practice", "negative").await;
    select_node(&client, "GP practice").await;
    connect_selected(&client, "Hospital", "positive").await;
    let signs = text_of(&client, "[data-testid=map-canvas]").await;
    assert!(signs.contains('−') && signs.contains('+'), "{signs}");

    // The discharge letter arrives late: a delay on Hospital → GP practice.
    let connections = client
        .find_all(Locator::Css("[data-testid=map-connection]"))
        .await
        .expect("connections");
    let mut found_negative = false;
    for connection in connections {
        let class = connection
            .attr("class")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        if class.contains("negative") {
            // Connections are thin: click the sign beside the arrow head.
            let sign = connection
                .find(Locator::Css("[data-testid=polarity-sign]"))
                .await
                .expect("sign");
            press_on(&client, sign).await;
            found_negative = true;
            break;
        }
    }
    assert!(found_negative, "the − connection is drawn with its class");
    wait_for(&client, "[data-testid=connection-inspector]").await;
    fill(
        &client,
        "[data-testid=connection-label]",
        "Discharge letter",
    )
    .await;
    click(&client, "[data-testid=connection-delay]").await;
    click(&client, "[data-testid=save-connection]").await;
    wait_for(&client, "[data-testid=delay-mark]").await;
    wait_for_text(&client, "[data-testid=map-canvas]", "Discharge letter").await;

    // Where the system fails Esther.
    select_node(&client, "Hospital").await;
    fill(
        &client,
        "[data-testid=failure-description]",
        "Discharged on a Friday and nobody tells her GP",
    )
    .await;
    click(&client, "[data-testid=add-failure]").await;
    wait_for(
        &client,
        "[data-testid=map-node] [data-testid=failure-marker]",
    )
    .await;
    click(&client, "[data-testid=failures-only]").await;
    wait_until(&client, "nodes without failures are dimmed", || async {
        count(&client, "[data-testid=map-node].dimmed").await == 2
    })
    .await;
    click(&client, "[data-testid=failures-only]").await;

    // Drag GP practice to the right: the move is saved.
    let before = nodes(&client).await;
    let gp = client
        .find(Locator::XPath(
            "//*[@data-testid='map-node'][contains(., 'GP practice')]",
        ))
        .await
        .expect("gp");
    let drag = pointer_to(&client, &gp)
        .await
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(Duration::from_millis(300)),
            x: 120.0,
            y: 60.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(drag).await.expect("drag");
    wait_until(&client, "GP practice has moved", || async {
        let now = nodes(&client).await;
        now.iter()
            .zip(&before)
            .any(|(a, b)| a.0.contains("GP") && a.1 != b.1)
    })
    .await;

    // The analysis: Esther reaches GP practice only through Hospital, and the loop between
    // Hospital and GP practice is balancing (one − arrow).
    click(&client, "[data-testid=toggle-analysis]").await;
    let panel = wait_for_text(&client, "[data-testid=analysis-panel]", "Balancing").await;
    assert!(panel.contains("If Hospital goes:"), "{panel}");
    assert!(
        panel.contains("Esther loses the route to GP practice"),
        "{panel}"
    );
    assert!(panel.contains("Most routes pass through"), "{panel}");
    let first_loop = wait_for(&client, "[data-testid=analysis-loop]").await;
    first_loop.click().await.expect("pick the loop");
    wait_until(&client, "the loop is highlighted", || async {
        count(&client, "[data-testid=map-node].dimmed").await == 1
    })
    .await;
    screenshot(&client, "map.png").await;

    // While the view pans, a bitmap picture of the map stands in for the SVG; the SVG comes
    // back once the pointer is let go and the view is still.
    let pan = r#"
        const canvas = document.querySelector('[data-testid=map-canvas]');
        const r = canvas.getBoundingClientRect();
        const at = (dx) => ({clientX: r.left + 30 + dx, clientY: r.top + 30, button: 0, bubbles: true});
        canvas.dispatchEvent(new PointerEvent('pointerdown', at(0)));
        canvas.dispatchEvent(new PointerEvent('pointermove', at(25)));
        const picture = document.querySelector('[data-testid=map-picture]');
        const pixels = picture.getContext('2d', {willReadFrequently: true})
            .getImageData(0, 0, picture.width, picture.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
        return [getComputedStyle(picture).display,
                getComputedStyle(document.querySelector('.map-world')).display, painted];
    "#;
    let during = client.execute(pan, vec![]).await.expect("pan");
    assert_eq!(
        during[0], "block",
        "the picture shows while panning: {during}"
    );
    assert_eq!(during[1], "none", "the SVG is set aside: {during}");
    assert!(
        during[2].as_u64().unwrap_or(0) > 5_000,
        "the picture has the map on it: {during}"
    );
    screenshot(&client, "map-moving.png").await;
    client
        .execute(
            "document.querySelector('[data-testid=map-canvas]').dispatchEvent(\
             new PointerEvent('pointerup', {bubbles: true}));",
            vec![],
        )
        .await
        .expect("let go");
    wait_until(&client, "the SVG is back after the pan", || async {
        let shown = client
            .execute(
                "return [getComputedStyle(document.querySelector('[data-testid=map-picture]')).display,\
                 getComputedStyle(document.querySelector('.map-world')).display];",
                vec![],
            )
            .await
            .unwrap_or_default();
        shown[0] == "none" && shown[1] != "none"
    })
    .await;
    click(&client, "[data-testid=clear-highlight]").await;

    // Loop play: nudging Hospital up brings the change back down.
    select_node(&client, "Hospital").await;
    click(&client, "[data-testid=nudge-up]").await;
    let outcome = wait_for_text(&client, "[data-testid=play-outcome]", "balancing").await;
    assert!(outcome.contains("pushes back"), "{outcome}");
    assert_eq!(
        count(&client, ".map-node.played-down").await,
        2,
        "the change came back down"
    );
    click(&client, "[data-testid=stop-play]").await;
    wait_until(&client, "the play marks are cleared", || async {
        count(&client, ".map-node.played-down, .map-node.played-up").await == 0
    })
    .await;
    // Nothing marked GP practice as pinned.
    select_node(&client, "GP practice").await;
    let pinned = wait_for(&client, "[data-testid=node-pinned]")
        .await
        .prop("checked")
        .await
        .ok()
        .flatten();
    assert_eq!(pinned.as_deref(), Some("false"));

    // The list view reads the map out.
    click(&client, "[data-testid=toggle-list]").await;
    wait_for(&client, "[data-testid=map-list]").await;
    assert_eq!(count(&client, "[data-testid=map-list-node]").await, 3);
    assert_eq!(count(&client, "[data-testid=map-list-connection]").await, 3);

    // Undo takes back the drag; Delete removes a node and its connections.
    click(&client, "[data-testid=map-undo]").await;
    let positions =
        |nodes: &[(String, String)]| nodes.iter().map(|n| n.1.clone()).collect::<Vec<_>>();
    wait_until(&client, "the drag is undone", || async {
        positions(&nodes(&client).await) == positions(&before)
    })
    .await;
    select_node(&client, "GP practice").await;
    let canvas = wait_for(&client, "[data-testid=map-canvas]").await;
    canvas
        .send_keys(&char::from(Key::Delete).to_string())
        .await
        .expect("press Delete");
    wait_until(
        &client,
        "GP practice and its connections are gone",
        || async {
            count(&client, "[data-testid=map-node]").await == 2
                && count(&client, "[data-testid=map-connection]").await == 1
        },
    )
    .await;

    // Connect by dragging from Hospital's handle onto Esther.
    let hospital = client
        .find(Locator::XPath(
            "//*[@data-testid='map-node'][contains(., 'Hospital')]",
        ))
        .await
        .expect("hospital");
    let handle = hospital
        .find(Locator::Css("[data-testid=connect-handle]"))
        .await
        .expect("handle");
    let esther = client
        .find(Locator::XPath(
            "//*[@data-testid='map-node'][contains(., 'Esther')]",
        ))
        .await
        .expect("esther");
    let (ex, ey) = offset_in_canvas(&client, &esther).await;
    let canvas = wait_for(&client, "[data-testid=map-canvas]").await;
    let connect = pointer_to(&client, &handle)
        .await
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: canvas,
            duration: Some(Duration::from_millis(300)),
            x: ex.round(),
            y: ey.round(),
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client
        .perform_actions(connect)
        .await
        .expect("drag a connection");
    wait_until(&client, "the dragged connection is on the map", || async {
        count(&client, "[data-testid=map-connection]").await == 2
    })
    .await;

    // Shift-drag a rubber band round both nodes: both are selected.
    client
        .execute(
            r#"const canvas = document.querySelector('[data-testid=map-canvas]');
               const boxes = [...document.querySelectorAll('[data-testid=map-node]')]
                   .map((n) => n.getBoundingClientRect());
               const left = Math.min(...boxes.map((b) => b.left)) - 10;
               const top = Math.min(...boxes.map((b) => b.top)) - 10;
               const right = Math.max(...boxes.map((b) => b.right)) + 10;
               const bottom = Math.max(...boxes.map((b) => b.bottom)) + 10;
               const at = (x, y) => ({clientX: x, clientY: y, button: 0, shiftKey: true, bubbles: true});
               canvas.dispatchEvent(new PointerEvent('pointerdown', at(left, top)));
               canvas.dispatchEvent(new PointerEvent('pointermove', at(right, bottom)));
               canvas.dispatchEvent(new PointerEvent('pointerup', at(right, bottom)));"#,
            vec![],
        )
        .await
        .expect("rubber band");
    wait_until(&client, "the rubber band selected both nodes", || async {
        count(&client, "[data-testid=map-node].selected").await == 2
    })
    .await;

    // Import a Graphviz DOT file through the Import button, then export the map as GraphML.
    let dot = systematic_tests::project_root().join("tests/fixtures/interchange/map.dot");
    let exported = harness.root().join("exported.graphml");
    harness.answer_file_choosers(&[&[&dot], &[&exported]]);
    let before_import = count(&client, "[data-testid=map-node]").await;
    click(&client, "[data-testid=import-map]").await;
    wait_for_text(&client, "[data-testid=map-files-status]", "Imported").await;
    assert!(count(&client, "[data-testid=map-node]").await > before_import);
    client
        .find(Locator::Css(
            "[data-testid=export-format] option[value=graphml]",
        ))
        .await
        .expect("GraphML option")
        .click()
        .await
        .expect("choose GraphML");
    click(&client, "[data-testid=export-map]").await;
    wait_for_text(&client, "[data-testid=map-files-status]", "Saved").await;
    let graphml = std::fs::read_to_string(&exported).expect("the export was written");
    assert!(
        graphml.contains("<graphml") && graphml.contains("Hospital"),
        "{graphml}"
    );
    click(&client, "[data-testid=map-undo]").await;
    wait_until(&client, "the import is undone", || async {
        count(&client, "[data-testid=map-node]").await == before_import
    })
    .await;

    // Tidy layout spreads the nodes; fit keeps them on screen.
    click(&client, "[data-testid=layout-map]").await;
    wait_until(&client, "the layout moved the nodes apart", || async {
        let now = nodes(&client).await;
        now.len() == 2 && now[0].1 != now[1].1
    })
    .await;
    client.close().await.expect("close");
}
