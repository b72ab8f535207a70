use crate::i18n::t;
use crate::map_state::MapState;
use leptos::prelude::*;
use std::collections::HashMap;
use systematic_ipc::{MapView, Polarity};

/// How long each wave of the change shows before the next, in milliseconds.
const WAVE_MS: u32 = 700;
/// The change stops after this many steps, even if it is still going round a loop.
const MAX_WAVES: usize = 12;

/// The waves of a nudge: which nodes move, and which way, step by step along the arrows. A node
/// pushed both ways by different routes shows as unclear (0); an unknown polarity passes an
/// unclear change on. Each node is reached once, except that the start may be reached again
/// (the change coming back round a loop).
pub fn waves(map: &MapView, start: &str, direction: i8) -> Vec<Vec<(String, i8)>> {
    let mut out: HashMap<&str, Vec<(&str, Polarity)>> = HashMap::new();
    for c in &map.connections {
        out.entry(c.connection.from.as_str())
            .or_default()
            .push((c.connection.to.as_str(), c.connection.polarity));
    }
    let mut reached: HashMap<String, i8> = HashMap::from([(start.to_owned(), direction)]);
    let mut result = vec![vec![(start.to_owned(), direction)]];
    let mut frontier = vec![(start.to_owned(), direction)];
    while !frontier.is_empty() && result.len() < MAX_WAVES {
        let mut next: Vec<(String, i8)> = Vec::new();
        for (node, sign) in &frontier {
            for (to, polarity) in out.get(node.as_str()).into_iter().flatten() {
                let pushed = match polarity {
                    Polarity::Positive => *sign,
                    Polarity::Negative => -*sign,
                    Polarity::Unknown => 0,
                };
                if let Some(i) = next.iter().position(|(n, _)| n == to) {
                    if next[i].1 != pushed {
                        next[i].1 = 0;
                    }
                } else if !reached.contains_key(*to) || *to == start {
                    next.push(((*to).to_owned(), pushed));
                }
            }
        }
        let came_back = next.iter().any(|(n, _)| n == start);
        for (node, sign) in &next {
            reached.insert(node.clone(), *sign);
        }
        if next.is_empty() {
            break;
        }
        // Once the change is back at the start, the loop has shown what it does.
        frontier = if came_back { Vec::new() } else { next.clone() };
        result.push(next);
    }
    result
}

/// Loop play: nudge the selected node up or down and watch the change travel along the arrows
/// by their + and −, wave by wave, so anyone can feel whether a loop feeds change or pushes back.
#[component]
pub fn LoopPlay() -> impl IntoView {
    let state = expect_context::<MapState>();
    let playing = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let selected_node = move || {
        state.selected.with(|s| {
            state.map.with(|m| {
                m.nodes
                    .iter()
                    .find(|n| s.len() == 1 && s.contains(&n.id))
                    .map(|n| (n.id.clone(), n.node.label.clone()))
            })
        })
    };
    let nudge = move |direction: i8| {
        let Some((start, _)) = selected_node() else {
            return;
        };
        let all = state.map.with_untracked(|m| waves(m, &start, direction));
        state.play.set(Vec::new());
        outcome.set(None);
        playing.set(true);
        let back = all
            .iter()
            .skip(1)
            .flatten()
            .find(|(n, _)| *n == start)
            .map(|(_, s)| *s);
        leptos::task::spawn_local(async move {
            for wave in all {
                if !playing.get_untracked() {
                    return;
                }
                state.play.update(|p| {
                    for (node, sign) in wave {
                        p.retain(|(n, _)| *n != node);
                        p.push((node, sign));
                    }
                });
                gloo_timers_sleep(WAVE_MS).await;
            }
            playing.set(false);
            outcome.set(Some(match back {
                Some(s) if s == direction => t("play-reinforcing"),
                Some(0) => t("play-unclear"),
                Some(_) => t("play-balancing"),
                None => t("play-no-loop"),
            }));
        });
    };
    let stop = move |_| {
        playing.set(false);
        state.play.set(Vec::new());
        outcome.set(None);
    };
    view! {
        <section class="loop-play" data-testid="loop-play" aria-labelledby="play-heading">
            <h3 id="play-heading">{t("play-title")}</h3>
            {move || match selected_node() {
                None => view! { <p class="muted">{t("play-pick-node")}</p> }.into_any(),
                Some((_, label)) => view! {
                    <div class="button-row">
                        <button data-testid="nudge-up" on:click=move |_| nudge(1)>{format!("▲ {}", t("play-up"))}</button>
                        <button data-testid="nudge-down" on:click=move |_| nudge(-1)>{format!("▼ {}", t("play-down"))}</button>
                        <button data-testid="stop-play" on:click=stop disabled=move || state.play.with(|p| p.is_empty())>{t("play-stop")}</button>
                    </div>
                    <p class="muted">{label}</p>
                }.into_any(),
            }}
            {move || outcome.get().map(|text| view! { <p role="status" data-testid="play-outcome">{text}</p> })}
        </section>
    }
}

/// Waits `ms` milliseconds without blocking the page.
async fn gloo_timers_sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use systematic_ipc::{ConnectionDraft, MapConnection};

    fn map(links: &[(&str, &str, Polarity)]) -> MapView {
        MapView {
            connections: links
                .iter()
                .enumerate()
                .map(|(i, (from, to, polarity))| MapConnection {
                    id: format!("c{i}"),
                    connection: ConnectionDraft {
                        from: (*from).into(),
                        to: (*to).into(),
                        polarity: *polarity,
                        ..ConnectionDraft::default()
                    },
                })
                .collect(),
            ..MapView::default()
        }
    }

    #[test]
    fn a_balancing_loop_brings_the_change_back_the_other_way() {
        use Polarity::*;
        let m = map(&[
            ("a", "b", Positive),
            ("b", "c", Negative),
            ("c", "a", Positive),
        ]);
        let w = waves(&m, "a", 1);
        assert_eq!(
            w,
            vec![
                vec![("a".into(), 1)],
                vec![("b".into(), 1)],
                vec![("c".into(), -1)],
                vec![("a".into(), -1)],
            ]
        );
    }

    #[test]
    fn two_routes_pushing_opposite_ways_make_the_change_unclear() {
        use Polarity::*;
        let m = map(&[
            ("a", "b", Positive),
            ("a", "c", Positive),
            ("b", "d", Positive),
            ("c", "d", Negative),
        ]);
        let w = waves(&m, "a", 1);
        assert_eq!(w[2], vec![("d".into(), 0)]);
    }

    #[test]
    fn a_chain_without_a_loop_ends() {
        let m = map(&[("a", "b", Polarity::Unknown)]);
        assert_eq!(
            waves(&m, "a", -1),
            vec![vec![("a".into(), -1)], vec![("b".into(), 0)]]
        );
    }
}
