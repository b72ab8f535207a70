use super::*;
use crate::data_dir::DataFolder;
use chrono::NaiveDate;
use systematic_ipc::{ErrorKind, NewWorkshop, PersonaDraft};

fn new_workshop(title: &str) -> NewWorkshop {
    NewWorkshop {
        title: title.into(),
        date: NaiveDate::from_ymd_opt(2026, 5, 14),
        venue: "St Anne's church hall".into(),
        facilitator: "Priya".into(),
        ..NewWorkshop::default()
    }
}

fn created(app: &mut App, title: &str) -> systematic_ipc::WorkshopView {
    match app.handle(Request::CreateWorkshop {
        workshop: new_workshop(title),
    }) {
        Ok(Response::Workshop(view)) => view,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn create_add_persona_edit_and_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let view = created(&mut app, "Hospital discharge");
    let draft = PersonaDraft {
        name: "Esther".into(),
        age: Some(88),
        conditions: vec!["COPD".into(), " ".into()],
        ..PersonaDraft::default()
    };
    let persona = match app.handle(Request::AddPersona {
        workshop: view.id.clone(),
        persona: draft,
    }) {
        Ok(Response::Persona(p)) => p,
        other => panic!("unexpected {other:?}"),
    };
    assert_eq!(persona.details.conditions, vec!["COPD".to_string()]);
    let mut edited = persona.details.clone();
    edited.quote = "I don't know where or to whom to turn".into();
    app.handle(Request::UpdatePersona {
        workshop: view.id.clone(),
        id: persona.id.clone(),
        persona: edited.clone(),
    })
    .unwrap();
    drop(app);
    let mut app = App::open(DataFolder::chosen(dir.path()));
    match app.handle(Request::OpenWorkshop {
        id: view.id.clone(),
    }) {
        Ok(Response::Workshop(view)) => assert_eq!(view.personas[0].details, edited),
        other => panic!("unexpected {other:?}"),
    }
    match app.handle(Request::ListWorkshops) {
        Ok(Response::Workshops(list)) => {
            assert_eq!(list.len(), 1);
            assert_eq!(list[0].title, "Hospital discharge");
            assert_eq!(list[0].persona_count, 1);
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_empty_title_is_refused_with_a_translatable_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let err = app
        .handle(Request::CreateWorkshop {
            workshop: new_workshop("  "),
        })
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Invalid);
    assert_eq!(err.message_id, "error-field-required");
    assert_eq!(err.field(), Some("title"));
}

#[test]
fn the_demo_opens_once_and_then_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let first = match app.handle(Request::OpenDemoWorkshop) {
        Ok(Response::Workshop(view)) => view,
        other => panic!("unexpected {other:?}"),
    };
    assert_eq!(first.meta.title, "What matters for Esther?");
    let names: Vec<_> = first
        .personas
        .iter()
        .map(|p| p.details.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["Esther", "Britt-Marie, family and friends"],
        "the demo keeps its order"
    );
    let again = match app.handle(Request::OpenDemoWorkshop) {
        Ok(Response::Workshop(view)) => view,
        other => panic!("unexpected {other:?}"),
    };
    assert_eq!(again, first);
    match app.handle(Request::ListWorkshops) {
        Ok(Response::Workshops(list)) => assert_eq!(list.len(), 1),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn editing_a_missing_persona_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let view = created(&mut app, "Esther");
    let err = app
        .handle(Request::UpdatePersona {
            workshop: view.id,
            id: systematic_ipc::PersonaId("gone".into()),
            persona: PersonaDraft {
                name: "X".into(),
                ..PersonaDraft::default()
            },
        })
        .unwrap_err();
    assert_eq!(err.message_id, "error-persona-not-found");
}

#[test]
fn an_unusable_data_folder_is_reported_in_status_and_on_every_request() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    std::fs::write(&file, b"x").unwrap();
    let mut app = App::open(DataFolder::chosen(&file));
    match app.handle(Request::Status) {
        Ok(Response::Status(status)) => {
            let problem = status.problem.expect("a problem");
            assert_eq!(problem.kind, ErrorKind::DataFolder);
            assert_eq!(problem.args["path"], file.display().to_string());
        }
        other => panic!("unexpected {other:?}"),
    }
    let err = app.handle(Request::ListWorkshops).unwrap_err();
    assert_eq!(err.kind, ErrorKind::DataFolder);
}

#[test]
fn a_stick_plugged_in_later_is_picked_up_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stick");
    let mut app = App::open(DataFolder::chosen(&path));
    let err = app.handle(Request::ListWorkshops).unwrap_err();
    assert_eq!(err.message_id, "error-data-folder-missing");
    std::fs::create_dir(&path).unwrap();
    match app.handle(Request::Status) {
        Ok(Response::Status(status)) => {
            assert_eq!(status.problem, None, "the home screen sees the fix")
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(matches!(
        app.handle(Request::ListWorkshops),
        Ok(Response::Workshops(_))
    ));
}

#[test]
fn a_panic_mid_edit_is_an_error_and_memory_goes_back_to_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let folder = DataFolder::chosen(dir.path());
    let mut store = Store::open(&folder).unwrap();
    let id = WorkshopId("w".into());
    let meta = crate::limits::check_new_workshop(&new_workshop("Esther")).unwrap();
    store.create(id.clone(), &meta, &[]).unwrap();
    let draft = PersonaDraft {
        name: "Never saved".into(),
        ..PersonaDraft::default()
    };
    let err = guarded(&mut store, |store| {
        store.edit(&id, |doc, now| {
            doc.add_persona(&draft, now).unwrap();
            panic!("a bug in the middle of an edit");
        })
    })
    .unwrap_err();
    assert_eq!(err.kind, ErrorKind::Internal);
    assert_eq!(err.message_id, "error-internal");
    assert_eq!(err.args["detail"], "a bug in the middle of an edit");
    assert!(
        store.view(&id).unwrap().personas.is_empty(),
        "the unsaved persona must not survive in memory"
    );
}

fn current_map(app: &mut App, workshop: &WorkshopId) -> systematic_ipc::MapView {
    match app.handle(Request::Map {
        workshop: workshop.clone(),
    }) {
        Ok(Response::Map(map)) => map,
        other => panic!("unexpected {other:?}"),
    }
}

fn map_edit(
    app: &mut App,
    workshop: &WorkshopId,
    edits: Vec<systematic_ipc::MapEdit>,
) -> systematic_ipc::MapEdited {
    match app.handle(Request::EditMap {
        workshop: workshop.clone(),
        edits,
    }) {
        Ok(Response::MapEdited(edited)) => edited,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn the_map_is_drawn_laid_out_analysed_and_undone_through_requests() {
    use systematic_ipc::{ConnectionDraft, MapEdit, NodeDraft, NodeKind, Polarity};
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let id = created(&mut app, "Leaving hospital").id;
    let node = |label: &str, kind| MapEdit::AddNode {
        node: NodeDraft {
            kind,
            label: label.into(),
            ..NodeDraft::default()
        },
    };
    let added = map_edit(
        &mut app,
        &id,
        vec![
            node("Esther", NodeKind::Persona),
            node("Hospital", NodeKind::Service),
            node("GP surgery", NodeKind::Service),
        ],
    );
    assert_eq!(added.changes.nodes.len(), 3);
    assert!(added.can_undo && !added.can_redo);
    let connect = |from: &str, to: &str| MapEdit::AddConnection {
        connection: ConnectionDraft {
            from: from.into(),
            to: to.into(),
            polarity: Polarity::Positive,
            ..ConnectionDraft::default()
        },
    };
    let ids = &added.added;
    map_edit(
        &mut app,
        &id,
        vec![connect(&ids[0], &ids[1]), connect(&ids[1], &ids[2])],
    );
    let laid_out = match app.handle(Request::LayoutMap {
        workshop: id.clone(),
    }) {
        Ok(Response::Map(map)) => map,
        other => panic!("unexpected {other:?}"),
    };
    let positions: Vec<(f64, f64)> = laid_out
        .nodes
        .iter()
        .map(|n| (n.node.x, n.node.y))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] != w[1]), "{positions:?}");
    let analysis = match app.handle(Request::AnalyzeMap {
        workshop: id.clone(),
    }) {
        Ok(Response::Analysis(analysis)) => analysis,
        other => panic!("unexpected {other:?}"),
    };
    let hospital = analysis
        .cut_points
        .iter()
        .find(|c| c.node == ids[1])
        .expect("cut point");
    assert_eq!(hospital.lost_routes[0].services, vec![ids[2].clone()]);
    match app.handle(Request::MapReach {
        workshop: id.clone(),
        node: ids[0].clone(),
    }) {
        Ok(Response::Reach(reach)) => assert_eq!(reach.reached.len(), 2),
        other => panic!("unexpected {other:?}"),
    }
    // Undo the layout, then the connections: each request was one step.
    app.handle(Request::Undo {
        workshop: id.clone(),
    })
    .unwrap();
    app.handle(Request::Undo {
        workshop: id.clone(),
    })
    .unwrap();
    match app.handle(Request::Map {
        workshop: id.clone(),
    }) {
        Ok(Response::Map(map)) => {
            assert!(map.connections.is_empty());
            assert!(map.nodes.iter().all(|n| (n.node.x, n.node.y) == (0.0, 0.0)));
        }
        other => panic!("unexpected {other:?}"),
    }
    let missing = app.handle(Request::MapReach {
        workshop: id,
        node: "nowhere".into(),
    });
    assert!(
        matches!(missing, Err(e) if e.kind == ErrorKind::NotFound),
        "a missing node is not found"
    );
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../tests/fixtures/interchange/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn a_map_is_imported_beside_the_one_drawn_and_exported_again() {
    use systematic_ipc::{MapEdit, NodeDraft};
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let id = created(&mut app, "Leaving hospital").id;
    map_edit(
        &mut app,
        &id,
        vec![MapEdit::AddNode {
            node: NodeDraft {
                label: "Pharmacy".into(),
                x: 5_000.0,
                ..NodeDraft::default()
            },
        }],
    );
    let existing = current_map(&mut app, &id);
    let imported = match app.handle(Request::ImportMap {
        workshop: id.clone(),
        paths: vec![fixture("nodes.csv"), fixture("connections.csv")],
    }) {
        Ok(Response::MapEdited(edited)) => edited,
        other => panic!("unexpected {other:?}"),
    };
    let map = &current_map(&mut app, &id);
    let mut patched = existing.clone();
    patched.apply(imported.changes, imported.can_undo, imported.can_redo);
    assert_eq!(
        &patched, map,
        "the answer brings the canvas's copy up to date"
    );
    assert!(map.nodes.len() > 3, "{:?}", map.nodes);
    assert!(!map.connections.is_empty() && !map.failures.is_empty());
    let esther = map
        .nodes
        .iter()
        .find(|n| n.node.label == "Esther")
        .expect("Esther");
    assert!(
        esther.node.x > 5_000.0,
        "imported nodes go to the right of the map"
    );
    assert!(
        map.nodes.iter().all(|n| n.id != "esther"),
        "imported items get new ids"
    );
    let failure = map
        .failures
        .iter()
        .find(|f| f.failure.description.contains("phones"))
        .expect("failure");
    assert_eq!(
        failure.failure.on, esther.id,
        "failure points follow their node"
    );
    assert_eq!(failure.failure.severity, Some(4));

    // One undo takes the whole import back.
    app.handle(Request::Undo {
        workshop: id.clone(),
    })
    .unwrap();
    match app.handle(Request::Map {
        workshop: id.clone(),
    }) {
        Ok(Response::Map(map)) => assert_eq!(map.nodes, existing.nodes),
        other => panic!("unexpected {other:?}"),
    }
    app.handle(Request::Redo {
        workshop: id.clone(),
    })
    .unwrap();

    let out = dir.path().join("export");
    std::fs::create_dir_all(&out).unwrap();
    let written = match app.handle(Request::ExportMap {
        workshop: id.clone(),
        format: "csv".into(),
        path: out.join("friday.csv").display().to_string(),
    }) {
        Ok(Response::Written(paths)) => paths,
        other => panic!("unexpected {other:?}"),
    };
    assert_eq!(written.len(), 2);
    assert!(written[0].ends_with("friday-nodes.csv") || written[1].ends_with("friday-nodes.csv"));
    for format in ["kumu", "graphml", "dot", "json_canvas", "svg", "png"] {
        let path = out.join(format!("map.{format}"));
        match app.handle(Request::ExportMap {
            workshop: id.clone(),
            format: format.into(),
            path: path.display().to_string(),
        }) {
            Ok(Response::Written(paths)) => assert_eq!(paths, vec![path.display().to_string()]),
            other => panic!("{format}: unexpected {other:?}"),
        }
        assert!(std::fs::metadata(&path).unwrap().len() > 100, "{format}");
    }
    // What was exported reads back in: Kumu keeps every node.
    let again = created(&mut app, "Copy").id;
    match app.handle(Request::ImportMap {
        workshop: again,
        paths: vec![out.join("map.kumu").display().to_string()],
    }) {
        Ok(Response::MapEdited(edited)) => {
            assert_eq!(edited.changes.nodes.len(), map.nodes.len())
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_bad_map_file_is_explained_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let id = created(&mut app, "Leaving hospital").id;
    let bad = app.handle(Request::ImportMap {
        workshop: id.clone(),
        paths: vec![fixture("bad-kumu-unknown-node.json")],
    });
    match bad {
        Err(e) => {
            assert_eq!(e.message_id, "error-map-file");
            let detail = e.args.get("detail").cloned().unwrap_or_default();
            assert!(detail.contains("bad-kumu-unknown-node.json"), "{detail}");
        }
        other => panic!("unexpected {other:?}"),
    }
    let odd = dir.path().join("notes.txt");
    std::fs::write(&odd, "just some notes").unwrap();
    match app.handle(Request::ImportMap {
        workshop: id.clone(),
        paths: vec![odd.display().to_string()],
    }) {
        Err(e) => assert_eq!(e.message_id, "error-map-file-unrecognised"),
        other => panic!("unexpected {other:?}"),
    }
    match app.handle(Request::ImportMap {
        workshop: id.clone(),
        paths: vec![dir.path().join("gone.json").display().to_string()],
    }) {
        Err(e) => assert_eq!(e.message_id, "error-session-read"),
        other => panic!("unexpected {other:?}"),
    }
    match app.handle(Request::Map {
        workshop: id.clone(),
    }) {
        Ok(Response::Map(map)) => assert!(map.nodes.is_empty() && !map.can_undo),
        other => panic!("unexpected {other:?}"),
    }
    match app.handle(Request::ExportMap {
        workshop: id,
        format: "pdf".into(),
        path: "x".into(),
    }) {
        Err(e) => assert_eq!(e.message_id, "error-map-format"),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_export_that_cannot_be_written_says_so_in_its_own_words() {
    use systematic_ipc::{MapEdit, NodeDraft};
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::open(DataFolder::chosen(dir.path()));
    let id = created(&mut app, "Leaving hospital").id;
    map_edit(
        &mut app,
        &id,
        vec![MapEdit::AddNode {
            node: NodeDraft {
                label: "GP practice".into(),
                ..NodeDraft::default()
            },
        }],
    );
    // A folder that is really a file: the save cannot happen.
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "not a folder").unwrap();
    let error = app
        .handle(Request::ExportMap {
            workshop: id,
            format: "svg".into(),
            path: not_a_folder.join("map.svg").display().to_string(),
        })
        .expect_err("the export cannot be written");
    assert_eq!(error.message_id, "error-export-write", "{error:?}");
    assert!(
        error
            .args
            .get("path")
            .is_some_and(|p| p.ends_with("map.svg")),
        "{error:?}"
    );
}
