//! The SVG picture drawn as a poster-sized PNG with resvg. Text is set in the DejaVu Sans fonts
//! bundled in `assets/fonts/` (built into the program), never in fonts found on the computer, so
//! the picture is the same on every laptop and needs nothing installed.

use super::svg::FONT_FAMILY;
use super::InterchangeError;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{fontdb, Options, Tree};
use std::sync::Arc;

/// The bundled fonts, shared with the printouts so the binaries carry them once.
pub static DEJAVU_SANS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../assets/fonts/DejaVuSans.ttf"
));
pub static DEJAVU_SANS_BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../assets/fonts/DejaVuSans-Bold.ttf"
));

/// Drawn at twice the SVG's size, for print…
const SCALE: f32 = 2.0;
/// …but never wider or taller than this many pixels.
pub const SIDE_MAX: u32 = 8000;

/// A font database holding only the bundled fonts.
fn fonts() -> fontdb::Database {
    let mut fonts = fontdb::Database::new();
    fonts.load_font_source(fontdb::Source::Binary(Arc::new(DEJAVU_SANS)));
    fonts.load_font_source(fontdb::Source::Binary(Arc::new(DEJAVU_SANS_BOLD)));
    fonts.set_sans_serif_family(FONT_FAMILY);
    fonts
}

pub fn render(svg: &str) -> Result<Vec<u8>, InterchangeError> {
    let failed = |what: &str, detail: String| InterchangeError::Export(format!("{what}: {detail}"));
    let options = Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: Arc::new(fonts()),
        ..Options::default()
    };
    let tree =
        Tree::from_str(svg, &options).map_err(|e| failed("reading the SVG", e.to_string()))?;
    let size = tree.size();
    let scale = SCALE
        .min(SIDE_MAX as f32 / size.width())
        .min(SIDE_MAX as f32 / size.height());
    let side = |length: f32| ((length * scale).ceil() as u32).clamp(1, SIDE_MAX);
    let mut pixmap = Pixmap::new(side(size.width()), side(size.height()))
        .ok_or_else(|| failed("making the picture", "it would be empty".into()))?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| failed("writing the PNG", e.to_string()))
}
