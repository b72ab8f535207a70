//! A quick picture of the map on a `<canvas>`, shown in place of the SVG while the view pans or
//! zooms. Moving one bitmap costs the same whatever the map's size, where repainting thousands
//! of SVG elements in software does not (docs/BENCHMARKS.md): on a 1,000-node map that is the
//! difference between a smooth pan and four frames a second. The SVG, which is what people
//! select, edit and read with a screen reader, comes back as soon as the view is still.

use crate::map_geometry::{outline_points, Arrow};
use crate::map_state::{label_lines, MapState, FAR_SCALE};
use leptos::prelude::*;
use std::f64::consts::TAU;
use systematic_ipc::{MapView, Polarity, Shape, NODE_HEIGHT, NODE_WIDTH};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The element id of the picture's `<canvas>`.
pub const PICTURE_ID: &str = "map-picture";
/// How many view widths (and heights) the picture reaches beyond each side of the view, so a
/// pan or a zoom out does not show an empty edge at once.
pub const MARGIN: f64 = 0.5;
/// The page's own typeface, so words look the same in the picture and in the SVG.
const FONT_FAMILY: &str = "Cantarell, 'Noto Sans', 'DejaVu Sans', system-ui, sans-serif";
const DIMMED: f64 = 0.18;
const LINE: &str = "#52606d";
const NEGATIVE: &str = "#9b2c2c";
const INK: &str = "#1f2933";
const FAILURE: &str = "#c81e1e";

/// One connection as the picture draws it.
struct Drawn<'a> {
    arrow: Arrow,
    label: &'a str,
    failed: bool,
    delay: bool,
}

/// The part of the map the picture covers, in map units: (left, top, right, bottom).
type Area = (f64, f64, f64, f64);

fn canvas() -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let element = web_sys::window()?
        .document()?
        .get_element_by_id(PICTURE_ID)?
        .dyn_into::<HtmlCanvasElement>()
        .ok()?;
    // Kept in main memory: WebKit would otherwise put the canvas on the GPU (in software, on
    // machines without one) and copy it back into the page on every frame of a pan.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
    let context = element
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()?;
    Some((element, context))
}

/// Draws the map as the canvas shows it now (view, selection, dimming) onto the picture, with a
/// margin round the view. `false` when there is no picture to draw on.
pub fn draw(state: &MapState) -> bool {
    let Some((element, context)) = canvas() else {
        return false;
    };
    let view = state.viewport.get_untracked();
    let (w, h) = state.size.get_untracked();
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let (width, height) = (w * (1.0 + 2.0 * MARGIN), h * (1.0 + 2.0 * MARGIN));
    let (pixels_x, pixels_y) = (
        (width * ratio).round() as u32,
        (height * ratio).round() as u32,
    );
    if element.width() != pixels_x || element.height() != pixels_y {
        element.set_width(pixels_x);
        element.set_height(pixels_y);
    }
    let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    context.clear_rect(0.0, 0.0, f64::from(pixels_x), f64::from(pixels_y));
    let (ox, oy) = (view.dx + w * MARGIN, view.dy + h * MARGIN);
    let s = view.scale;
    let _ = context.set_transform(ratio * s, 0.0, 0.0, ratio * s, ratio * ox, ratio * oy);
    let area = (
        -ox / s - NODE_WIDTH,
        -oy / s - NODE_HEIGHT,
        (width - ox) / s + NODE_WIDTH,
        (height - oy) / s + NODE_HEIGHT,
    );
    let words = s >= FAR_SCALE;
    untrack(|| {
        state.map.with(|map| {
            paint_connections(&context, map, state, area, words);
            paint_nodes(&context, map, state, area, words);
        })
    });
    true
}

fn inside(area: Area, (x, y): (f64, f64)) -> bool {
    (area.0..=area.2).contains(&x) && (area.1..=area.3).contains(&y)
}

/// The CSS `transform` that moves a picture drawn for view `drawn` to where view `now` shows
/// the map, the picture's element sitting `MARGIN` views up and left of the canvas's corner.
pub fn transform(
    drawn: crate::map_state::Viewport,
    now: crate::map_state::Viewport,
    size: (f64, f64),
) -> String {
    let k = now.scale / drawn.scale;
    let (mx, my) = (size.0 * MARGIN, size.1 * MARGIN);
    let tx = now.dx + mx - k * (drawn.dx + mx);
    let ty = now.dy + my - k * (drawn.dy + my);
    format!("translate({tx:.1}px, {ty:.1}px) scale({k:.5})")
}

fn paint_connections(
    context: &CanvasRenderingContext2d,
    map: &MapView,
    state: &MapState,
    area: Area,
    words: bool,
) {
    // Drawn in a few batches, one per look (polarity, dimmed), as each batch is one path.
    let mut batches: [Vec<Drawn>; 6] = Default::default();
    state.centres.with_untracked(|centres| {
        state.pairs.with_untracked(|pairs| {
            for c in &map.connections {
                let (from, to) = (&c.connection.from, &c.connection.to);
                let (Some(&a), Some(&b)) = (centres.get(from), centres.get(to)) else {
                    continue;
                };
                if !inside(area, a) && !inside(area, b) {
                    continue;
                }
                let both_ways = a != b && pairs.contains(&(to.clone(), from.clone()));
                let look = match c.connection.polarity {
                    Polarity::Positive => 0,
                    Polarity::Negative => 1,
                    Polarity::Unknown => 2,
                };
                let failures = state
                    .failure_counts
                    .with_untracked(|f| f.get(&c.id).copied().unwrap_or(0));
                let look = look
                    + if state.connection_dimmed(&c.id, failures) {
                        3
                    } else {
                        0
                    };
                let failed = failures > 0;
                batches[look].push(Drawn {
                    arrow: Arrow::between(a, b, both_ways),
                    label: &c.connection.label,
                    failed,
                    delay: c.connection.delay,
                });
            }
        })
    });
    for (look, arrows) in batches.iter().enumerate() {
        if arrows.is_empty() {
            continue;
        }
        let polarity = look % 3;
        context.set_global_alpha(if look >= 3 { DIMMED } else { 1.0 });
        context.set_stroke_style_str(if polarity == 1 { NEGATIVE } else { LINE });
        context.set_line_width(2.0);
        let dashes = if polarity == 2 {
            vec![6.0, 4.0]
        } else {
            vec![]
        };
        let dashes: js_sys::Array = dashes
            .into_iter()
            .map(wasm_bindgen::JsValue::from)
            .collect();
        let _ = context.set_line_dash(&dashes);
        context.begin_path();
        for Drawn { arrow, .. } in arrows {
            context.move_to(arrow.start.0, arrow.start.1);
            match arrow.curve {
                Some((p, q)) => {
                    context.bezier_curve_to(p.0, p.1, q.0, q.1, arrow.end.0, arrow.end.1)
                }
                None => context.line_to(arrow.end.0, arrow.end.1),
            }
        }
        context.stroke();
        let _ = context.set_line_dash(&js_sys::Array::new());
        // The delay mark (‖) across the middle, as on the SVG.
        context.begin_path();
        for Drawn { arrow, .. } in arrows.iter().filter(|d| words && d.delay) {
            let (n, along) = (arrow.normal, (arrow.normal.1, -arrow.normal.0));
            for offset in [-3.0, 3.0] {
                let (cx, cy) = (
                    arrow.middle.0 + along.0 * offset,
                    arrow.middle.1 + along.1 * offset,
                );
                context.move_to(cx - n.0 * 9.0, cy - n.1 * 9.0);
                context.line_to(cx + n.0 * 9.0, cy + n.1 * 9.0);
            }
        }
        context.set_line_width(2.5);
        context.set_stroke_style_str(INK);
        context.stroke();
        if words {
            context.set_fill_style_str(LINE);
            context.begin_path();
            for Drawn { arrow, .. } in arrows {
                let (hx, hy) = arrow.heading();
                let (bx, by) = (arrow.end.0 - hx * 10.0, arrow.end.1 - hy * 10.0);
                context.move_to(arrow.end.0, arrow.end.1);
                context.line_to(bx - hy * 5.0, by + hx * 5.0);
                context.line_to(bx + hy * 5.0, by - hx * 5.0);
                context.close_path();
            }
            context.fill();
            context.set_text_align("center");
            context.set_font(&format!("700 18px {FONT_FAMILY}"));
            context.set_fill_style_str(if polarity == 1 { NEGATIVE } else { INK });
            let sign = match polarity {
                0 => "+",
                1 => "−",
                _ => "?",
            };
            for Drawn { arrow, .. } in arrows {
                let _ = context.fill_text(sign, arrow.sign_at.0, arrow.sign_at.1 + 5.0);
            }
            context.set_font(&format!("12px {FONT_FAMILY}"));
            context.set_fill_style_str("#3e4c59");
            for Drawn { arrow, label, .. } in arrows.iter().filter(|d| !d.label.is_empty()) {
                let (x, y) = (
                    arrow.middle.0 + arrow.normal.0 * 16.0,
                    arrow.middle.1 + arrow.normal.1 * 16.0 + 4.0,
                );
                let _ = context.fill_text(label, x, y);
            }
        }
        for Drawn { arrow, .. } in arrows.iter().filter(|d| d.failed) {
            let at = (
                arrow.middle.0 - arrow.normal.0 * 14.0,
                arrow.middle.1 - arrow.normal.1 * 14.0,
            );
            failure_marker(context, at, 10.0, words.then_some("!"));
        }
    }
    context.set_global_alpha(1.0);
}

fn paint_nodes(
    context: &CanvasRenderingContext2d,
    map: &MapView,
    state: &MapState,
    area: Area,
    words: bool,
) {
    let (half_w, half_h) = (NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
    context.set_text_align("center");
    for node in &map.nodes {
        let (x, y) = (node.node.x, node.node.y);
        if !inside(area, (x, y)) {
            continue;
        }
        let failures = state
            .failure_counts
            .with_untracked(|f| f.get(&node.id).copied().unwrap_or(0));
        let dimmed = state.node_dimmed(node, failures);
        context.set_global_alpha(if dimmed { DIMMED } else { 1.0 });
        let (fill, stroke) = node.node.kind.colours();
        outline(context, node.node.kind.shape(), x, y);
        context.set_fill_style_str(fill);
        context.fill();
        let selected = state.selected.with_untracked(|s| s.contains(&node.id));
        context.set_line_width(if selected { 4.0 } else { 2.0 });
        context.set_stroke_style_str(stroke);
        context.stroke();
        if words {
            context.set_font(&format!("14px {FONT_FAMILY}"));
            context.set_fill_style_str(INK);
            let lines = label_lines(&node.node.label, 18);
            let first = if lines.len() > 1 { -4.0 } else { 5.0 };
            for (i, line) in lines.iter().enumerate() {
                let _ = context.fill_text(line, x, y + first + i as f64 * 17.0);
            }
        }
        if failures > 0 {
            let text = if failures > 1 {
                failures.to_string()
            } else {
                "!".into()
            };
            let at = (x + half_w - 6.0, y - half_h + 2.0);
            failure_marker(context, at, 11.0, words.then_some(text.as_str()));
        }
    }
    context.set_global_alpha(1.0);
}

/// A node's outline as the current path, centred on (x, y).
fn outline(context: &CanvasRenderingContext2d, shape: Shape, x: f64, y: f64) {
    let (w, h) = (NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
    context.begin_path();
    match shape {
        Shape::RoundedBox | Shape::Box | Shape::Circle => {
            let r = match shape {
                Shape::RoundedBox => 14.0,
                Shape::Box => 2.0,
                _ => h,
            };
            let (left, top, right, bottom) = (x - w, y - h, x + w, y + h);
            context.move_to(left + r, top);
            let _ = context.arc_to(right, top, right, bottom, r);
            let _ = context.arc_to(right, bottom, left, bottom, r);
            let _ = context.arc_to(left, bottom, left, top, r);
            let _ = context.arc_to(left, top, right, top, r);
        }
        Shape::Ellipse => {
            let _ = context.ellipse(x, y, w, h, 0.0, 0.0, TAU);
        }
        Shape::Hexagon | Shape::Diamond | Shape::Tag => {
            for (i, (px, py)) in outline_points(shape).into_iter().enumerate() {
                if i == 0 {
                    context.move_to(x + px, y + py);
                } else {
                    context.line_to(x + px, y + py);
                }
            }
        }
    }
    context.close_path();
}

fn failure_marker(
    context: &CanvasRenderingContext2d,
    (x, y): (f64, f64),
    r: f64,
    text: Option<&str>,
) {
    context.begin_path();
    let _ = context.arc(x, y, r, 0.0, TAU);
    context.set_fill_style_str(FAILURE);
    context.fill();
    context.set_line_width(2.0);
    context.set_stroke_style_str("#fff");
    context.stroke();
    if let Some(text) = text {
        context.set_font(&format!("700 13px {FONT_FAMILY}"));
        context.set_fill_style_str("#fff");
        let _ = context.fill_text(text, x, y + 5.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map_state::Viewport;

    /// Parses "translate(Xpx, Ypx) scale(K)".
    fn parts(css: &str) -> (f64, f64, f64) {
        let numbers: Vec<f64> = css
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter_map(|s| s.parse().ok())
            .collect();
        (numbers[0], numbers[1], numbers[2])
    }

    #[test]
    fn the_moved_picture_shows_each_map_point_where_the_view_now_puts_it() {
        let size = (900.0, 560.0);
        let drawn = Viewport {
            dx: 120.0,
            dy: -40.0,
            scale: 0.5,
        };
        let now = drawn.zoomed(1.7, 300.0, 200.0);
        let now = Viewport {
            dx: now.dx + 55.0,
            ..now
        };
        let (tx, ty, k) = parts(&transform(drawn, now, size));
        for (mx, my) in [(0.0, 0.0), (1000.0, -300.0), (-250.0, 800.0)] {
            // Where the picture has the point (its element sits MARGIN views up and left) ...
            let (px, py) = (
                mx * drawn.scale + drawn.dx + size.0 * MARGIN,
                my * drawn.scale + drawn.dy + size.1 * MARGIN,
            );
            // ... and where the moved element puts it on screen.
            let (sx, sy) = (
                -size.0 * MARGIN + k * px + tx,
                -size.1 * MARGIN + k * py + ty,
            );
            let (ex, ey) = now.to_screen(mx, my);
            assert!(
                (sx - ex).abs() < 0.2 && (sy - ey).abs() < 0.2,
                "{sx},{sy} vs {ex},{ey}"
            );
        }
        assert_eq!(
            transform(drawn, drawn, size),
            "translate(0.0px, 0.0px) scale(1.00000)"
        );
    }
}
