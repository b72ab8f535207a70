//! Where a connection's arrow goes, shared by the SVG canvas and the quick bitmap picture drawn
//! while the view moves, so both draw the same lines.

use crate::map_state::box_edge;
use systematic_ipc::{Shape, NODE_HEIGHT, NODE_WIDTH};

/// The corners of a node kind drawn as a polygon, centred on (0, 0); empty for the shapes that
/// are boxes or ellipses.
pub fn outline_points(shape: Shape) -> Vec<(f64, f64)> {
    let (w, h) = (NODE_WIDTH / 2.0, NODE_HEIGHT / 2.0);
    match shape {
        Shape::Hexagon => vec![
            (-w, 0.0),
            (-w + 18.0, -h),
            (w - 18.0, -h),
            (w, 0.0),
            (w - 18.0, h),
            (-w + 18.0, h),
        ],
        Shape::Diamond => vec![(-w, 0.0), (0.0, -h - 6.0), (w, 0.0), (0.0, h + 6.0)],
        Shape::Tag => vec![(-w, -h), (w - 16.0, -h), (w, 0.0), (w - 16.0, h), (-w, h)],
        Shape::RoundedBox | Shape::Box | Shape::Circle | Shape::Ellipse => Vec::new(),
    }
}

/// The geometry of one arrow: start, end, and a point a little before the end for its sign.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub start: (f64, f64),
    pub end: (f64, f64),
    /// For a node pointing at itself, the two control points of the curve over its top.
    pub curve: Option<((f64, f64), (f64, f64))>,
    pub middle: (f64, f64),
    /// Unit normal, for marks across the line and the sign beside it.
    pub normal: (f64, f64),
    pub sign_at: (f64, f64),
}

/// How far apart the two lines of a pair joined both ways are drawn.
const SIDE_BY_SIDE: f64 = 7.0;

impl Arrow {
    /// The arrow from the node centred at `from` to the one at `to`; `both_ways` when another
    /// connection goes back, so the two are drawn side by side.
    pub fn between(from: (f64, f64), to: (f64, f64), both_ways: bool) -> Self {
        if from == to {
            // A node pointing at itself: a loop over its top.
            let (x, y) = from;
            let top = y - NODE_HEIGHT / 2.0;
            return Self {
                start: (x - 20.0, top),
                end: (x + 20.0, top),
                curve: Some(((x - 40.0, top - 60.0), (x + 40.0, top - 60.0))),
                middle: (x, top - 46.0),
                normal: (0.0, -1.0),
                sign_at: (x + 36.0, top - 24.0),
            };
        }
        let start = box_edge(from.0, from.1, to.0, to.1);
        let end = box_edge(to.0, to.1, from.0, from.1);
        let (dx, dy) = (end.0 - start.0, end.1 - start.1);
        let length = (dx * dx + dy * dy).sqrt().max(1e-9);
        let normal = (-dy / length, dx / length);
        // The way back is drawn beside the way there (each shifted to its own left).
        let shift = if both_ways { SIDE_BY_SIDE } else { 0.0 };
        let start = (start.0 + normal.0 * shift, start.1 + normal.1 * shift);
        let end = (end.0 + normal.0 * shift, end.1 + normal.1 * shift);
        let back = 22.0_f64.min(length / 2.0);
        let sign_at = (
            end.0 - dx / length * back + normal.0 * 12.0,
            end.1 - dy / length * back + normal.1 * 12.0,
        );
        Self {
            start,
            end,
            curve: None,
            middle: ((start.0 + end.0) / 2.0, (start.1 + end.1) / 2.0),
            normal,
            sign_at,
        }
    }

    /// The arrow as an SVG path.
    pub fn path(&self) -> String {
        let (s, e) = (self.start, self.end);
        match self.curve {
            Some((a, b)) => format!(
                "M {:.1} {:.1} C {:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
                s.0, s.1, a.0, a.1, b.0, b.1, e.0, e.1
            ),
            None => format!("M {:.1} {:.1} L {:.1} {:.1}", s.0, s.1, e.0, e.1),
        }
    }

    /// The direction the arrow points at its end (a unit vector), for drawing its head.
    pub fn heading(&self) -> (f64, f64) {
        let from = self.curve.map_or(self.start, |(_, b)| b);
        let (dx, dy) = (self.end.0 - from.0, self.end.1 - from.1);
        let length = (dx * dx + dy * dy).sqrt().max(1e-9);
        (dx / length, dy / length)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arrow_runs_from_box_edge_to_box_edge() {
        let a = Arrow::between((0.0, 0.0), (400.0, 0.0), false);
        assert_eq!(a.start, (NODE_WIDTH / 2.0, 0.0));
        assert_eq!(a.end, (400.0 - NODE_WIDTH / 2.0, 0.0));
        assert_eq!(a.heading(), (1.0, 0.0));
        assert_eq!(a.path(), "M 75.0 0.0 L 325.0 0.0");
    }

    #[test]
    fn two_ways_are_drawn_side_by_side_and_a_self_loop_curves_over_the_top() {
        let there = Arrow::between((0.0, 0.0), (400.0, 0.0), true);
        let back = Arrow::between((400.0, 0.0), (0.0, 0.0), true);
        assert!(there.start.1 != back.end.1, "{there:?} {back:?}");
        let own = Arrow::between((0.0, 0.0), (0.0, 0.0), false);
        assert!(own.curve.is_some() && own.path().contains(" C "));
        assert!(own.middle.1 < -NODE_HEIGHT / 2.0);
    }
}
