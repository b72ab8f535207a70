//! The two CSV files: reading them as a spreadsheet writes them, and what we write.

use super::{connection_summary, failure_marks, fixture, node_by_id, sample_map};
use crate::interchange::{export, import, InterchangeError, MapFormat};
use systematic_ipc::{Level, MapView, NodeKind, Polarity};

#[test]
fn nodes_and_connections_files_import() {
    let map = import(
        MapFormat::Csv,
        &[
            ("nodes.csv", fixture!("nodes.csv")),
            ("connections.csv", fixture!("connections.csv")),
        ],
    )
    .unwrap();
    assert_eq!(map.nodes.len(), 5);
    let esther = node_by_id(&map, "esther");
    assert_eq!(esther.node.kind, NodeKind::Persona);
    assert_eq!(esther.node.level, Some(Level::Micro));
    assert_eq!((esther.node.x, esther.node.y), (-420.0, 240.0));
    assert!(esther.node.pinned);
    assert_eq!(
        esther.node.notes,
        "Lives alone.\r\nDaughter visits on Sundays."
    );
    assert_eq!(node_by_id(&map, "nurse").node.kind, NodeKind::PersonRole);
    assert_eq!(
        node_by_id(&map, "nurse").node.notes,
        "Visits twice a week, more in winter."
    );
    // Blank x and y: placed below the others.
    assert!(node_by_id(&map, "lonely").node.y > 240.0);

    let s = |text: &str| text.to_owned();
    assert_eq!(
        connection_summary(&map),
        vec![
            (
                s("District nurse"),
                s("Loneliness"),
                Polarity::Negative,
                s("fewer visits"),
                true
            ),
            // Ends named by label work too.
            (
                s("Esther"),
                s("GP practice"),
                Polarity::Positive,
                s(""),
                false
            ),
            (
                s("GP practice"),
                s("District nurse"),
                Polarity::Positive,
                s(""),
                false
            ),
            (
                s("Hospital discharge"),
                s("Esther"),
                Polarity::Unknown,
                s("phone call, if any"),
                false
            ),
            (
                s("Loneliness"),
                s("Esther"),
                Polarity::Positive,
                s(""),
                false
            ),
        ]
    );
    assert_eq!(
        failure_marks(&map.failures),
        vec![
            (s("c4"), s("Flare-ups lead to readmission"), Some(5)),
            (s("esther"), s("Leaflets are only in English"), Some(2)),
            (s("esther"), s("Nobody phones her after discharge"), Some(4)),
        ]
    );
}

#[test]
fn files_are_told_apart_by_header_when_their_names_do_not_say() {
    let by_name = import(
        MapFormat::Csv,
        &[
            ("connections.csv", fixture!("connections.csv")),
            ("nodes.csv", fixture!("nodes.csv")),
        ],
    )
    .unwrap();
    let by_header = import(
        MapFormat::Csv,
        &[
            ("b.csv", fixture!("connections.csv")),
            ("a.csv", fixture!("nodes.csv")),
        ],
    )
    .unwrap();
    assert_eq!(by_name, by_header);
}

#[test]
fn both_files_are_needed() {
    assert_eq!(
        import(MapFormat::Csv, &[("nodes.csv", fixture!("nodes.csv"))]),
        Err(InterchangeError::MissingFile {
            name: "connections.csv".into()
        })
    );
    assert_eq!(
        import(
            MapFormat::Csv,
            &[("connections.csv", fixture!("connections.csv"))]
        ),
        Err(InterchangeError::MissingFile {
            name: "nodes.csv".into()
        })
    );
}

fn exported(map: &MapView) -> (String, String) {
    let files = export(map, "Esther's map", MapFormat::Csv).unwrap();
    let text = |i: usize| {
        let bytes = &files[i].bytes;
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 with a BOM");
        String::from_utf8(bytes[3..].to_vec()).unwrap()
    };
    (text(0), text(1))
}

#[test]
fn export_writes_the_documented_columns() {
    let (nodes, connections) = exported(&sample_map());
    let mut node_lines = nodes.lines();
    assert_eq!(
        node_lines.next(),
        Some("id,label,kind,level,x,y,notes,pinned,failures")
    );
    assert_eq!(
        node_lines.next(),
        Some("n-gp,GP practice,organisation,meso,-200,0,,true,[-] [Draft] Appointments run out by 8:05")
    );
    assert!(nodes.contains("\"Esther \"\"Essie\"\" <80>, & co\",persona,micro,-350,200,"));
    assert_eq!(
        connections.lines().next(),
        Some("id,from,to,polarity,label,delay,failures")
    );
    assert!(connections.contains(
        "c2,n-nurse,n-lonely,negative,fewer visits,true,[5] Visits cut without telling anyone"
    ));
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_protected() {
    let mut map = sample_map();
    map.nodes[1].node.label = "=HYPERLINK(\"http://example.com\")".into();
    map.nodes[3].node.notes = "- bullet\n- list".into();
    map.nodes[4].node.label = "'quoted".into();
    let (nodes, _) = exported(&map);
    assert!(
        nodes.contains(",\"'=HYPERLINK(\"\"http://example.com\"\")\","),
        "{nodes}"
    );
    assert!(nodes.contains("\"'- bullet\n- list\""), "{nodes}");
    assert!(nodes.contains(",''quoted,"), "{nodes}");
    let files = export(&map, "t", MapFormat::Csv).unwrap();
    let back = import(
        MapFormat::Csv,
        &[
            (&files[0].name, &files[0].bytes),
            (&files[1].name, &files[1].bytes),
        ],
    )
    .unwrap();
    assert_eq!(
        node_by_id(&back, "n-nurse").node.label,
        map.nodes[1].node.label
    );
    assert_eq!(node_by_id(&back, "n-lonely").node.notes, "- bullet\n- list");
    assert_eq!(node_by_id(&back, "n-copd").node.label, "'quoted");
}
