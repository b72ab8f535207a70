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

    /// Applies the edits as one durable change (one undo step) and returns what they added.
    pub fn edit_map(&mut self, id: &WorkshopId, edits: &[MapEdit]) -> Result<MapEdited> {
        let added = self.edit(id, |doc, now| {
            let added = doc
                .edit_map(edits, now)
                .map_err(|e| CoreError::from_document(&id.0, e))?;
            doc.commit(&describe(edits), now);
            Ok(added)
        })?;
        Ok(MapEdited {
            added,
            map: self.map(id)?,
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
