//! The system map through the store: reads, durable edits, layout and analysis.

use super::{undo, Result, Store};
use crate::analysis;
use crate::document::map::describe;
use crate::error::CoreError;
use systematic_ipc::{MapAnalysis, MapEdit, MapEdited, MapView, Reach, WorkshopId};

impl Store {
    /// The workshop's map, with whether there is something to undo or redo.
    pub fn map(&mut self, id: &WorkshopId) -> Result<MapView> {
        let mut map = self
            .doc(id)?
            .map()
            .map_err(|e| CoreError::from_document(&id.0, e))?;
        let stacks = self.undo.get(id);
        map.can_undo = stacks.is_some_and(undo::Stacks::can_undo);
        map.can_redo = stacks.is_some_and(undo::Stacks::can_redo);
        Ok(map)
    }

    /// Applies the edits as one durable change (one undo step) and returns what they added and
    /// changed.
    pub fn edit_map(&mut self, id: &WorkshopId, edits: &[MapEdit]) -> Result<MapEdited> {
        self.edit_map_described(id, edits, &describe(edits))
    }

    /// [`Self::edit_map`] with the history's words given.
    fn edit_map_described(
        &mut self,
        id: &WorkshopId,
        edits: &[MapEdit],
        description: &str,
    ) -> Result<MapEdited> {
        let tracked = self.edit(id, |doc, now| {
            let tracked = doc
                .edit_map_tracked(edits, now)
                .map_err(|e| CoreError::from_document(&id.0, e))?;
            doc.commit(description, now);
            Ok(tracked)
        })?;
        let changes = self
            .doc(id)?
            .map_changes(&tracked.touched)
            .map_err(|e| CoreError::from_document(&id.0, e))?;
        let stacks = self.undo.get(id);
        Ok(MapEdited {
            added: tracked.added,
            changes,
            can_undo: stacks.is_some_and(undo::Stacks::can_undo),
            can_redo: stacks.is_some_and(undo::Stacks::can_redo),
        })
    }

    /// Lays the map out, leaving pinned nodes alone; one change.
    pub fn layout_map(&mut self, id: &WorkshopId) -> Result<MapView> {
        let moves = crate::layout::layout(&self.map(id)?);
        if !moves.is_empty() {
            self.edit(id, |doc, now| {
                doc.edit_map(&[MapEdit::MoveNodes { moves }], now)
                    .map_err(|e| CoreError::from_document(&id.0, e))?;
                doc.commit("lay out the map", now);
                Ok(())
            })?;
        }
        self.map(id)
    }

    /// Adds the map in `files` (name, bytes) to the workshop's map as one change. The format is
    /// told from the first file; nothing is added if anything in any file is wrong.
    pub fn import_map(
        &mut self,
        id: &WorkshopId,
        files: &[(String, Vec<u8>)],
    ) -> Result<MapEdited> {
        use crate::interchange::{detect, import, InterchangeError};
        let (first_name, first_bytes) = files.first().ok_or(InterchangeError::NoFile)?;
        let format = detect(first_name, first_bytes)
            .filter(|f| f.can_import())
            .ok_or_else(|| CoreError::UnrecognisedMapFile(first_name.clone()))?;
        let borrowed: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
            .collect();
        let imported = import(format, &borrowed)?;
        let edits = import_edits(&self.map(id)?, imported);
        self.edit_map_described(id, &edits, &format!("import a map ({})", format.title()))
    }

    /// The map in `format`, as the files to write (one, or several for CSV).
    pub fn export_map(
        &mut self,
        id: &WorkshopId,
        format: &str,
    ) -> Result<Vec<crate::interchange::ExportedFile>> {
        let format = crate::interchange::MapFormat::from_name(format)
            .ok_or_else(|| CoreError::UnknownMapFormat(format.to_owned()))?;
        let map = self.map(id)?;
        let title = self.doc(id)?.meta().map(|m| m.title).unwrap_or_default();
        Ok(crate::interchange::export(&map, &title, format)?)
    }

    pub fn analyze_map(&mut self, id: &WorkshopId) -> Result<MapAnalysis> {
        let map = self.map(id)?;
        Ok(analysis::analyze(
            &map.nodes,
            &map.connections,
            analysis::DEFAULT_LOOP_CAP,
        ))
    }

    /// What is downstream of `node`.
    pub fn map_reach(&mut self, id: &WorkshopId, node: &str) -> Result<Reach> {
        let map = self.map(id)?;
        let graph = analysis::MapGraph::new(&map.nodes, &map.connections);
        analysis::reach_from(&graph, node).ok_or_else(|| {
            CoreError::Model(crate::model::ModelError::NotFound {
                kind: "node".into(),
                id: node.into(),
            })
        })
    }
}

/// The edits that add an imported map beside the one already drawn: every item gets a new id
/// (a file's ids may clash with ours or break the id rules), and the imported nodes are shifted
/// to the right of the existing map so nothing lands on top of anything.
pub fn import_edits(existing: &MapView, imported: crate::interchange::ImportedMap) -> Vec<MapEdit> {
    use std::collections::HashMap;
    use systematic_ipc::NODE_WIDTH;
    let right_edge = existing
        .nodes
        .iter()
        .map(|n| n.node.x)
        .fold(f64::NEG_INFINITY, f64::max);
    let left_edge = imported
        .nodes
        .iter()
        .map(|n| n.node.x)
        .fold(f64::INFINITY, f64::min);
    let shift = if right_edge.is_finite() && left_edge.is_finite() {
        right_edge - left_edge + NODE_WIDTH * 2.0
    } else {
        0.0
    };
    // Nodes first, then connections, then failure points: each refers to what came before by
    // its place in the list of added ids ("@3"), which `WorkshopDoc::edit_map` resolves.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut edits = Vec::new();
    for node in imported.nodes {
        index.insert(node.id, edits.len());
        let mut draft = node.node;
        draft.x += shift;
        draft.links.clear();
        edits.push(MapEdit::AddNode { node: draft });
    }
    let placeholder = |index: &HashMap<String, usize>, id: &str| {
        index
            .get(id)
            .map(|i| format!("@{i}"))
            .unwrap_or_else(|| id.to_owned())
    };
    for connection in imported.connections {
        let mut draft = connection.connection;
        draft.from = placeholder(&index, &draft.from);
        draft.to = placeholder(&index, &draft.to);
        index.insert(connection.id, edits.len());
        edits.push(MapEdit::AddConnection { connection: draft });
    }
    for failure in imported.failures {
        let mut draft = failure.failure;
        draft.on = placeholder(&index, &draft.on);
        draft.raised_by = None;
        edits.push(MapEdit::AddFailure { failure: draft });
    }
    edits
}
