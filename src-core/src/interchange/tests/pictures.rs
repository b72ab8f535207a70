//! The SVG and PNG pictures, and the Graphviz DOT export.

use super::{node, sample_map};
use crate::interchange::png::SIDE_MAX;
use crate::interchange::vocabulary::kind_display_name;
use crate::interchange::xml;
use crate::interchange::{export, MapFormat};
use quick_xml::events::Event;
use quick_xml::Reader;
use resvg::tiny_skia::Pixmap;
use systematic_ipc::{MapView, NodeKind, FAILURE_COLOUR};

fn svg(map: &MapView, title: &str) -> String {
    let files = export(map, title, MapFormat::Svg).unwrap();
    String::from_utf8(files[0].bytes.clone()).unwrap()
}

/// Parses the whole document, failing the test if it is not well-formed; returns all its text.
fn text_content(svg: &str) -> String {
    let mut reader = Reader::from_str(svg);
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Text(t)) => text.push_str(&t.xml10_content()),
            Ok(Event::GeneralRef(r)) => {
                let resolved = if r.is_char_ref() {
                    r.resolve_char_ref().unwrap().unwrap().to_string()
                } else {
                    quick_xml::escape::resolve_xml_entity(&r)
                        .unwrap()
                        .to_owned()
                };
                text.push_str(&resolved);
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "not well-formed at byte {}: {e}\n{svg}",
                reader.error_position()
            ),
        }
    }
    text
}

#[test]
fn svg_is_well_formed_and_shows_every_label_escaped() {
    let map = sample_map();
    let picture = svg(&map, "Esther's map <draft> & notes");
    let text = text_content(&picture);
    assert!(picture.contains("<title>Esther's map &lt;draft&gt; &amp; notes</title>"));
    for node in &map.nodes {
        let escaped = xml::text(&node.node.label);
        assert!(
            picture.contains(&format!("<title>{escaped}</title>")),
            "{} missing",
            node.node.label
        );
    }
    for connection in &map.connections {
        assert!(text.contains(&connection.connection.label));
    }
    assert!(picture.contains("Esther \"Essie\" &lt;80&gt;, &amp; co"));
    assert!(!picture.contains("<80>"));
}

#[test]
fn svg_has_legend_signs_delay_and_failure_markers() {
    let map = sample_map();
    let picture = svg(&map, "Esther's map");
    let text = text_content(&picture);
    assert!(picture.contains("class=\"legend\""));
    for kind in NodeKind::ALL {
        assert!(
            text.contains(kind_display_name(kind)),
            "{kind:?} not in the key"
        );
        let (fill, stroke) = kind.colours();
        assert!(picture.contains(&format!("fill=\"{fill}\" stroke=\"{stroke}\"")));
    }
    for sign in ["+", "−", "?"] {
        assert!(
            picture.contains(&format!(
                "text-anchor=\"middle\" fill=\"#111827\">{sign}</text>"
            )),
            "no {sign}"
        );
    }
    assert!(picture.contains("class=\"delay-mark\""));
    assert!(picture.contains("class=\"failure-marker\""));
    assert!(picture.contains(&format!("fill=\"{FAILURE_COLOUR}\"")));
    assert!(text.contains("Where the system fails people"));
    assert!(text.contains(
        "1. On “Esther \"Essie\" <80>, & co” (severity 4 of 5): Nobody phones her after discharge"
    ));
    assert!(text.contains(
        "2. On “District nurse” → “Loneliness” (fewer visits) (severity 5 of 5): Visits cut without"
    ));
    assert!(text.contains("(severity not given): [Draft] Appointments run out by 8:05"));
}

#[test]
fn svg_of_an_empty_map_still_has_title_and_legend() {
    let picture = svg(&MapView::default(), "Blank");
    let text = text_content(&picture);
    assert!(text.contains("Blank"));
    assert!(text.contains("This map has no nodes yet."));
    assert!(picture.contains("class=\"legend\""));
    assert!(!text.contains("Where the system fails people"));
}

#[test]
fn svg_drops_characters_xml_cannot_hold() {
    let mut map = sample_map();
    map.nodes[0].node.label = "Bell\u{7}and\u{0}null".into();
    let picture = svg(&map, "Control\u{1b} chars");
    text_content(&picture);
    assert!(picture.contains("Bell\u{fffd}and\u{fffd}null"));
}

fn png(map: &MapView) -> (u32, u32, Pixmap) {
    let files = export(map, "Esther's map", MapFormat::Png).unwrap();
    let bytes = &files[0].bytes;
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let header =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let (width, height) = (header(16), header(20));
    let pixmap = Pixmap::decode_png(bytes).unwrap();
    assert_eq!((pixmap.width(), pixmap.height()), (width, height));
    (width, height, pixmap)
}

#[test]
fn png_is_the_svg_at_twice_the_size_and_not_blank() {
    let map = sample_map();
    let picture = svg(&map, "Esther's map");
    let (width, height, pixmap) = png(&map);
    let svg_width: f64 = picture
        .split("width=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap();
    assert_eq!(width, (svg_width * 2.0).ceil() as u32);
    assert!(height > 400);

    let pixels = pixmap.pixels();
    let dark = pixels
        .iter()
        .filter(|p| p.red() < 80 && p.green() < 80 && p.blue() < 80)
        .count();
    assert!(
        dark > 2_000,
        "text and lines are drawn ({dark} dark pixels)"
    );
    for kind in [NodeKind::Service, NodeKind::Persona, NodeKind::Resource] {
        let fill = kind.colours().0;
        let channel = |i: usize| u8::from_str_radix(&fill[i..i + 2], 16).unwrap();
        let (r, g, b) = (channel(1), channel(3), channel(5));
        let filled = pixels
            .iter()
            .filter(|p| p.red() == r && p.green() == g && p.blue() == b)
            .count();
        assert!(
            filled > 1_000,
            "{kind:?} nodes are filled ({filled} pixels)"
        );
    }
    let red = pixels
        .iter()
        .filter(|p| p.red() == 0xc8 && p.green() == 0x1e && p.blue() == 0x1e)
        .count();
    assert!(red > 100, "failure markers are drawn ({red} pixels)");
}

#[test]
fn png_of_a_sprawling_map_is_capped_for_posters() {
    let mut map = sample_map();
    map.nodes
        .push(node("far", "Far away", NodeKind::Factor, 60_000.0, 5_000.0));
    let (width, height, _) = png(&map);
    assert_eq!(width, SIDE_MAX);
    assert!(height <= SIDE_MAX && height > 100);
}

#[test]
fn dot_export_keeps_shapes_positions_and_our_fields() {
    let files = export(&sample_map(), "Esther's \"map\"", MapFormat::Dot).unwrap();
    let dot = String::from_utf8(files[0].bytes.clone()).unwrap();
    assert!(dot.starts_with("digraph \"Esther's \\\"map\\\"\" {"));
    assert!(dot.contains(
        "\"n-esther\" [label=\"Esther \\\"Essie\\\" <80>, & co\", shape=ellipse, style=\"filled\", \
         fillcolor=\"#fef3c7\", color=\"#92400e\", pos=\"-350,-200!\", kind=\"persona\""
    ));
    assert!(
        dot.contains("notes=\"Lives alone.\\nLikes her garden; worries about \\\"the bills\\\".\"")
    );
    assert!(dot.contains("shape=cds"));
    assert!(dot.contains(
        "\"n-nurse\" -> \"n-lonely\" [id=\"c2\", label=\"‖ fewer visits\", headlabel=\"−\", \
         polarity=\"negative\", delay=true, xlabel=\"! 2\""
    ));
    assert!(dot.trim_end().ends_with('}'));
}
