//! Driving the system-map canvas in end-to-end tests: adding, selecting and pressing on nodes,
//! and waiting for what the page shows.

use crate::wait_for;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use std::time::Duration;

/// Waits until `check` holds (10 s); on time-out takes a screenshot and prints the history.
pub async fn wait_until<F, Fut>(client: &Client, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    crate::screenshot(client, "wait-failure.png").await;
    if let Ok(button) = client
        .find(Locator::Css("[data-testid=show-history]"))
        .await
    {
        let _ = button.click().await;
        tokio::time::sleep(Duration::from_secs(1)).await;
        if let Ok(history) = client.find(Locator::Css("[data-testid=history]")).await {
            eprintln!("history: {}", history.text().await.unwrap_or_default());
        }
    }
    panic!("timed out waiting until {what} (see docs/screenshots/wait-failure.png)");
}

pub async fn count(client: &Client, css: &str) -> usize {
    client
        .find_all(Locator::Css(css))
        .await
        .map(|all| all.len())
        .unwrap_or(0)
}

/// Types a node's label into the field that N opens, and waits for the node.
pub async fn add_node_by_keyboard(client: &Client, label: &str) {
    let before = count(client, "[data-testid=map-node]").await;
    let canvas = wait_for(client, "[data-testid=map-canvas]").await;
    canvas.send_keys("n").await.expect("press N");
    let field = wait_for(client, "[data-testid=new-node-label]").await;
    field
        .send_keys(&format!("{label}{}", char::from(Key::Enter)))
        .await
        .expect("type label");
    wait_until(client, &format!("{label} is on the map"), || async {
        count(client, "[data-testid=map-node]").await == before + 1
    })
    .await;
}

/// Where an element's centre is, as an offset from the canvas's centre (WebDriver refuses to
/// aim at SVG groups directly: "not interactable").
pub async fn offset_in_canvas(
    client: &Client,
    element: &fantoccini::elements::Element,
) -> (f64, f64) {
    let value = client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'});\
             const canvas = document.querySelector('[data-testid=map-canvas]');\
             canvas.scrollIntoView({block: 'center'});\
             const a = arguments[0].getBoundingClientRect();\
             const c = canvas.getBoundingClientRect();\
             return [a.left + a.width / 2 - (c.left + c.width / 2),\
                     a.top + a.height / 2 - (c.top + c.height / 2)];",
            vec![serde_json::to_value(element).expect("element as JSON")],
        )
        .await
        .expect("measure element");
    (
        value[0].as_f64().expect("x offset"),
        value[1].as_f64().expect("y offset"),
    )
}

/// Moves the mouse onto `element` inside the canvas.
pub async fn pointer_to(client: &Client, element: &fantoccini::elements::Element) -> MouseActions {
    let (x, y) = offset_in_canvas(client, element).await;
    let canvas = wait_for(client, "[data-testid=map-canvas]").await;
    MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: canvas,
        duration: None,
        x: x.round(),
        y: y.round(),
    })
}

/// A mouse press and release on an element in the canvas.
pub async fn press_on(client: &Client, element: fantoccini::elements::Element) {
    let press = pointer_to(client, &element)
        .await
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(press).await.expect("press");
}

pub async fn select_node(client: &Client, label: &str) {
    // Fit the map to the canvas first, so the node is on screen.
    wait_for(client, "[data-testid=fit-map]")
        .await
        .click()
        .await
        .expect("fit");
    let node = client
        .find(Locator::XPath(&format!(
            "//*[@data-testid='map-node'][contains(., '{label}')]"
        )))
        .await
        .unwrap_or_else(|e| panic!("node {label}: {e}"));
    press_on(client, node).await;
    wait_until(client, &format!("{label} is in the side panel"), || async {
        match client.find(Locator::Css("[data-testid=node-label]")).await {
            Ok(field) => field.prop("value").await.ok().flatten().as_deref() == Some(label),
            Err(_) => false,
        }
    })
    .await;
}
