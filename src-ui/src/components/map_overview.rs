use crate::i18n::t;
use crate::map_state::{bounds, MapState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
    // The dots are a bitmap, drawn when the map changes: the overview is repainted on every
    // frame the view moves, and a thousand vector shapes would cost a good part of each frame.
    let dots = NodeRef::<leptos::html::Canvas>::new();
    Effect::new(move |_| {
        let Some(canvas) = dots.get() else {
            return;
        };
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        context.clear_rect(0.0, 0.0, WIDTH, HEIGHT);
        let Some((x0, y0, scale)) = frame.get() else {
            return;
        };
        context.set_stroke_style_str("#52606d");
        context.set_line_width(0.5);
        state.map.with(|m| {
            for n in &m.nodes {
                let (fill, _) = n.node.kind.colours();
                let (x, y) = ((n.node.x - x0) * scale - 3.0, (n.node.y - y0) * scale - 2.0);
                context.set_fill_style_str(fill);
                context.fill_rect(x, y, 6.0, 4.0);
                context.stroke_rect(x, y, 6.0, 4.0);
            }
        });
    });
    // The view's outline: one element whose attributes follow the view (replacing the element
    // on every frame of a pan would cost a layout each time).
    let outline = Memo::new(move |_| {
        frame.get().map(|(x0, y0, scale)| {
            let v = state.viewport.get();
            let (w, h) = state.size.get();
            let (mx, my) = v.to_map(0.0, 0.0);
            (
                (mx - x0) * scale,
                (my - y0) * scale,
                w / v.scale * scale,
                h / v.scale * scale,
            )
        })
    });
    let part = move |pick: fn((f64, f64, f64, f64)) -> f64| move || outline.get().map_or(0.0, pick);
    let window = move || {
        frame.with(Option::is_some).then(|| {
            view! {
                <rect class="overview-window" x=part(|o| o.0) y=part(|o| o.1)
                    width=part(|o| o.2) height=part(|o| o.3) />
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
        <div class="map-overview" data-testid="map-overview" role="img" aria-label=t("map-overview")
            on:click=on_click>
            <canvas node_ref=dots width=WIDTH height=HEIGHT></canvas>
            <svg width=WIDTH height=HEIGHT>{window}</svg>
        </div>
    }
}
