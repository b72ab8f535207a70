//! GraphML: a file as other tools write it, and what we write.

use super::{connection_summary, failure_marks, fixture, node_by_id, sample_map};
use crate::interchange::{export, import, MapFormat};
use quick_xml::events::Event;
use quick_xml::Reader;
use systematic_ipc::{NodeKind, Polarity};

#[test]
fn a_graphml_file_imports_with_key_defaults_entities_and_cdata() {
    let map = import(
        MapFormat::GraphMl,
        &[("map.graphml", fixture!("map.graphml"))],
    )
    .unwrap();
    assert_eq!(map.nodes.len(), 3);
    let pharmacy = node_by_id(&map, "pharmacy");
    assert_eq!(pharmacy.node.label, "Pharmacy & dispensing");
    // The key's default kind.
    assert_eq!(pharmacy.node.kind, NodeKind::Service);
    assert_eq!((pharmacy.node.x, pharmacy.node.y), (0.0, 0.0));
    let meds = node_by_id(&map, "meds");
    assert_eq!(meds.node.label, "Medicines <review>");
    assert_eq!(meds.node.kind, NodeKind::Resource);
    assert_eq!((meds.node.x, meds.node.y), (250.5, -40.0));
    // A node without data is labelled with its id and placed below the others.
    let isolated = node_by_id(&map, "isolated");
    assert_eq!(isolated.node.label, "isolated");
    assert!(isolated.node.y > 0.0);

    let s = |text: &str| text.to_owned();
    assert_eq!(
        connection_summary(&map),
        vec![
            (
                s("Medicines <review>"),
                s("Pharmacy & dispensing"),
                Polarity::Negative,
                s(""),
                true
            ),
            (
                s("Pharmacy & dispensing"),
                s("Medicines <review>"),
                Polarity::Positive,
                s("checks \"blister packs\""),
                false
            ),
        ]
    );
    assert!(map.connections.iter().any(|c| c.id == "e1"));
    assert_eq!(
        failure_marks(&map.failures),
        vec![
            (s("meds"), s("Nobody owns the list"), None),
            (s("meds"), s("Reviews happen only once a year"), Some(3)),
        ]
    );
}

#[test]
fn export_declares_keys_and_is_well_formed() {
    let files = export(&sample_map(), "Esther's <map>", MapFormat::GraphMl).unwrap();
    let text = String::from_utf8(files[0].bytes.clone()).unwrap();
    for key in [
        "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>",
        "<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>",
        "<key id=\"pinned\" for=\"node\" attr.name=\"pinned\" attr.type=\"boolean\"><default>false</default></key>",
        "<key id=\"polarity\" for=\"edge\" attr.name=\"polarity\" attr.type=\"string\"><default>unknown</default></key>",
        "<key id=\"connection_failures\" for=\"edge\" attr.name=\"failures\" attr.type=\"string\"/>",
    ] {
        assert!(text.contains(key), "{key} missing from\n{text}");
    }
    assert!(text.contains("<data key=\"title\">Esther's &lt;map&gt;</data>"));
    assert!(text.contains("<data key=\"label\">Esther \"Essie\" &lt;80&gt;, &amp; co</data>"));
    let mut reader = Reader::from_str(&text);
    let mut nodes = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "node" => nodes += 1,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed: {e}\n{text}"),
        }
    }
    assert_eq!(nodes, 7);
}
