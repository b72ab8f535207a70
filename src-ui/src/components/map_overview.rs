use crate::i18n::t;
use crate::map_state::{bounds, MapState};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const WIDTH: f64 = 180.0;
const HEIGHT: f64 = 120.0;

/// A small picture of the whole map with the part on screen outlined; clicking it moves the view
/// there. Useful once a map no longer fits the projector.
#[component]
pub fn MapOverview() -> impl IntoView {
    let state = expect_context::<MapState>();
    let frame = Memo::new(move |_| {
        state.map.with(|m| {
            bounds(&m.nodes).map(|(x0, y0, x1, y1)| {
                let scale = (WIDTH / (x1 - x0).max(1.0)).min(HEIGHT / (y1 - y0).max(1.0));
                (x0, y0, scale)
            })
        })
    });
    // One path per kind rather than one element per node: the overview is repainted whenever
    // the view moves, and a thousand small elements would cost a frame each time.
    let dots = move || {
        frame.get().map(|(x0, y0, scale)| {
            state.map.with(|m| {
                let mut paths: BTreeMap<&'static str, String> = BTreeMap::new();
                for n in &m.nodes {
                    let (fill, _) = n.node.kind.colours();
                    let (x, y) = ((n.node.x - x0) * scale - 3.0, (n.node.y - y0) * scale - 2.0);
                    let _ = write!(paths.entry(fill).or_default(), "M{x:.1} {y:.1}h6v4h-6z");
                }
                paths
                    .into_iter()
                    .map(|(fill, d)| view! { <path d=d fill=fill stroke="#52606d" stroke-width="0.5" /> })
                    .collect_view()
            })
        })
    };
    let window = move || {
        frame.get().map(|(x0, y0, scale)| {
            let v = state.viewport.get();
            let (w, h) = state.size.get();
            let (mx, my) = v.to_map(0.0, 0.0);
            view! {
                <rect class="overview-window" x=(mx - x0) * scale y=(my - y0) * scale
                    width=w / v.scale * scale height=h / v.scale * scale />
            }
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((x0, y0, scale)) = frame.get_untracked() else {
            return;
        };
        let (x, y) = (
            f64::from(ev.offset_x()) / scale + x0,
            f64::from(ev.offset_y()) / scale + y0,
        );
        let (w, h) = state.size.get_untracked();
        state.viewport.update(|v| {
            v.dx = w / 2.0 - x * v.scale;
            v.dy = h / 2.0 - y * v.scale;
        });
    };
    view! {
        <svg class="map-overview" data-testid="map-overview" width=WIDTH height=HEIGHT
            role="img" aria-label=t("map-overview") on:click=on_click>
            {dots}
            {window}
        </svg>
    }
}
