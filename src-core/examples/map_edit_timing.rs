//! Where adding a node to a big map spends its time in the core: the `EditMap` request on a
//! 1,000-node, 2,000-connection map (made with `ImportMap` from the CSV files given), and the
//! size of its JSON answer, which the UI then turns into Rust values in the wasm.
//!
//! cargo run --release -p systematic-core --example map_edit_timing -- nodes.csv connections.csv

use std::time::Instant;
use systematic_core::app::App;
use systematic_core::data_dir::DataFolder;
use systematic_ipc::{MapEdit, NewWorkshop, NodeDraft, Request, Response};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let dir = tempfile::tempdir()?;
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let Ok(Response::Workshop(view)) = app.handle(Request::CreateWorkshop {
        workshop: NewWorkshop {
            title: "Timing".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1),
            ..NewWorkshop::default()
        },
    }) else {
        return Err("could not create a workshop".into());
    };
    let id = view.id;
    app.handle(Request::ImportMap {
        workshop: id.clone(),
        paths,
    })
    .map_err(|e| format!("{e:?}"))?;
    for _ in 0..3 {
        let start = Instant::now();
        app.handle(Request::Map {
            workshop: id.clone(),
        })
        .map_err(|e| format!("{e:?}"))?;
        println!(
            "read the map alone: {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    for k in 0..5 {
        let start = Instant::now();
        let answer = app
            .handle(Request::EditMap {
                workshop: id.clone(),
                edits: vec![MapEdit::AddNode {
                    node: NodeDraft {
                        label: format!("Added {k}"),
                        ..NodeDraft::default()
                    },
                }],
            })
            .map_err(|e| format!("{e:?}"))?;
        let handled = start.elapsed();
        let json = serde_json::to_string(&answer)?;
        let serialised = start.elapsed();
        println!(
            "add node {k}: core {:.1} ms, + JSON answer {:.1} ms, answer {} KB",
            handled.as_secs_f64() * 1000.0,
            (serialised - handled).as_secs_f64() * 1000.0,
            json.len() / 1024
        );
    }
    Ok(())
}
