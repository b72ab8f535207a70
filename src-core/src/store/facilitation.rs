//! Facilitation through the store: the view, and lists of operations made durable as one change.

use super::{undo, Result, Store};
use crate::error::CoreError;
use crate::facilitation;
use systematic_ipc::{Facilitation, Operation, Projected, ProjectorView, Showing, WorkshopId};

impl Store {
    /// The agenda, participants, notes, rounds, priorities and actions of workshop `id`.
    pub fn facilitation(&mut self, id: &WorkshopId) -> Result<Facilitation> {
        let laptop = self.laptop.clone();
        let doc = self.doc(id)?;
        let read = |e| CoreError::from_document(&id.0, e);
        let facts = doc.workshop_fields().map_err(read)?;
        let fact = |name: &str| {
            facts
                .get(name)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        // The template's working groups, in the language its stages were taken in.
        let groups = crate::templates::template(&fact("template"), &fact("locale"))
            .map(|t| t.working_groups)
            .unwrap_or_default();
        let mut view = facilitation::view(doc, &groups, &laptop).map_err(read)?;
        let stacks = self.undo.get(id);
        view.can_undo = stacks.is_some_and(undo::Stacks::can_undo);
        view.can_redo = stacks.is_some_and(undo::Stacks::can_redo);
        Ok(view)
    }

    /// Applies `ops` as one durable change (one undo step); nothing is written if one is
    /// refused.
    pub fn edit_ops(&mut self, id: &WorkshopId, ops: &[Operation]) -> Result<Facilitation> {
        self.edit(id, |doc, now| {
            crate::ops::apply_all(doc, ops, now).map_err(|e| CoreError::from_document(&id.0, e))
        })?;
        self.facilitation(id)
    }
}

impl Store {
    /// What the projector draws for `showing` in workshop `id`. Participant names appear only
    /// when `show_names`.
    pub fn projector(
        &mut self,
        id: &WorkshopId,
        showing: &Showing,
        show_names: bool,
    ) -> Result<ProjectorView> {
        let view = self.facilitation(id)?;
        let title = self
            .doc(id)?
            .meta()
            .map_err(|e| CoreError::from_document(&id.0, e))?
            .title;
        let position = view
            .current_stage
            .as_ref()
            .and_then(|c| view.stages.iter().position(|s| &s.id == c));
        let projected = match showing {
            Showing::Stage => Projected::Stage,
            Showing::Persona { id: persona } => {
                let personas = self
                    .doc(id)?
                    .personas()
                    .map_err(|e| CoreError::from_document(&id.0, e))?;
                personas
                    .into_iter()
                    .find(|p| &p.id.0 == persona)
                    .map_or(Projected::Stage, |persona| Projected::Persona { persona })
            }
            Showing::Map => {
                let files = self.export_map(id, "svg")?;
                let svg = files
                    .into_iter()
                    .next()
                    .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
                    .unwrap_or_default();
                Projected::Map { svg }
            }
            Showing::Round { id: round } => match view.rounds.iter().find(|r| &r.id == round) {
                None => Projected::Stage,
                Some(round) => Projected::Round {
                    question: round.question.clone(),
                    voted: u32::try_from(round.voted.len()).unwrap_or(u32::MAX),
                    present: u32::try_from(view.participants.iter().filter(|p| !p.absent).count())
                        .unwrap_or(u32::MAX),
                    voted_names: if show_names {
                        view.participants
                            .iter()
                            .filter(|p| round.voted.contains(&p.id))
                            .map(|p| p.pseudonym.clone())
                            .collect()
                    } else {
                        Vec::new()
                    },
                    results: round.results.clone(),
                },
            },
        };
        Ok(ProjectorView {
            title,
            stage: position.map(|i| view.stages[i].clone()),
            stage_number: position.map_or(0, |i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
            stage_count: u32::try_from(view.stages.len()).unwrap_or(u32::MAX),
            projected,
        })
    }
}
