//! The format list, what can be imported, refusing files before reading them, and detection.

use super::{fixture, sample_map};
use crate::interchange::{detect, export, import, InterchangeError, MapFormat, FILE_BYTES_MAX};

#[test]
fn format_names_round_trip_and_are_unique() {
    let mut seen = std::collections::HashSet::new();
    for format in MapFormat::ALL {
        assert!(seen.insert(format.name()), "{} repeats", format.name());
        assert_eq!(MapFormat::from_name(format.name()), Some(format));
    }
    assert_eq!(MapFormat::from_name("excel"), None);
}

#[test]
fn svg_and_png_cannot_be_imported() {
    let importable: Vec<MapFormat> = MapFormat::ALL
        .into_iter()
        .filter(|f| f.can_import())
        .collect();
    assert_eq!(
        importable,
        [
            MapFormat::Kumu,
            MapFormat::Csv,
            MapFormat::GraphMl,
            MapFormat::Dot,
            MapFormat::JsonCanvas
        ]
    );
    assert_eq!(
        InterchangeError::CannotImport(MapFormat::Svg).to_string(),
        "SVG files can be exported but not imported"
    );
    for format in [MapFormat::Svg, MapFormat::Png] {
        assert_eq!(
            import(format, &[("map", b"digraph {}")]),
            Err(InterchangeError::CannotImport(format))
        );
    }
}

#[test]
fn every_format_exports_named_files() {
    let map = sample_map();
    for format in MapFormat::ALL {
        let files = export(&map, "Esther's map", format).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        let expected: &[&str] = match format {
            MapFormat::Kumu => &["map.json"],
            MapFormat::Csv => &["nodes.csv", "connections.csv"],
            MapFormat::GraphMl => &["map.graphml"],
            MapFormat::Dot => &["map.dot"],
            MapFormat::JsonCanvas => &["map.canvas"],
            MapFormat::Svg => &["map.svg"],
            MapFormat::Png => &["map.png"],
        };
        assert_eq!(names, expected, "{}", format.name());
        assert!(files.iter().all(|f| !f.bytes.is_empty()));
    }
}

#[test]
fn no_file_and_too_large_files_are_refused_before_reading() {
    assert_eq!(import(MapFormat::Kumu, &[]), Err(InterchangeError::NoFile));
    let huge = vec![b' '; FILE_BYTES_MAX + 1];
    assert_eq!(
        import(MapFormat::GraphMl, &[("huge.graphml", &huge)]),
        Err(InterchangeError::TooLarge {
            file: "huge.graphml".into(),
            max_bytes: FILE_BYTES_MAX
        })
    );
    let message = InterchangeError::TooLarge {
        file: "huge.graphml".into(),
        max_bytes: FILE_BYTES_MAX,
    }
    .to_string();
    assert_eq!(
        message,
        "huge.graphml is too large: files over 50 MB cannot be imported"
    );
}

#[test]
fn detect_goes_by_extension_then_content() {
    let cases: &[(&str, &[u8], Option<MapFormat>)] = &[
        (
            "kumu-project.json",
            fixture!("kumu-project.json"),
            Some(MapFormat::Kumu),
        ),
        (
            "map.canvas",
            fixture!("map.canvas"),
            Some(MapFormat::JsonCanvas),
        ),
        // A canvas saved with a .json name is still a canvas.
        (
            "canvas.json",
            fixture!("map.canvas"),
            Some(MapFormat::JsonCanvas),
        ),
        ("nodes.csv", fixture!("nodes.csv"), Some(MapFormat::Csv)),
        (
            "map.graphml",
            fixture!("map.graphml"),
            Some(MapFormat::GraphMl),
        ),
        ("map.gv", b"digraph { a -> b }", Some(MapFormat::Dot)),
        ("MAP.SVG", b"<svg/>", Some(MapFormat::Svg)),
        // Without a telling extension, the content decides.
        (
            "download",
            fixture!("kumu-simple.json"),
            Some(MapFormat::Kumu),
        ),
        (
            "download",
            fixture!("map.canvas"),
            Some(MapFormat::JsonCanvas),
        ),
        (
            "download",
            fixture!("map.graphml"),
            Some(MapFormat::GraphMl),
        ),
        (
            "download",
            fixture!("connections.csv"),
            Some(MapFormat::Csv),
        ),
        (
            "download",
            b"\xef\xbb\xbfid,label\nx,X\n",
            Some(MapFormat::Csv),
        ),
        (
            "download",
            b"<?xml version=\"1.0\"?><svg xmlns=\"x\"/>",
            Some(MapFormat::Svg),
        ),
        ("download", b"digraph \"map\" {}", Some(MapFormat::Dot)),
        ("map.dot", fixture!("map.dot"), Some(MapFormat::Dot)),
        // Content: comments first, and the keyword in any case.
        ("download", fixture!("map.dot"), Some(MapFormat::Dot)),
        (
            "download",
            b"/* map */ Strict Graph{a}",
            Some(MapFormat::Dot),
        ),
        // A word that merely starts like one is not DOT.
        ("download", b"graphics,label\nx,y\n", Some(MapFormat::Csv)),
        ("download", b"digraphs are fun", None),
        (
            "download",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            Some(MapFormat::Png),
        ),
        ("notes.txt", b"Buy milk", None),
        ("download", b"{\"shopping\": []}", None),
        ("download", b"", None),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(detect(name, bytes), *expected, "{name}");
    }
}
