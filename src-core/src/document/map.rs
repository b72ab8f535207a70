//! The system map, typed for the canvas: reading it, and applying the canvas's edits to the
//! generic items (nodes, connections, failure points).

use super::{items::Item, DocumentError, WorkshopDoc};
use crate::model::{FieldValue, Kind, ModelError};
use serde_json::{json, Map, Value as Json};
use std::collections::{BTreeSet, HashMap};
use systematic_ipc::{
    ConnectionDraft, FailureDraft, Level, LinkRef, LinkTarget, MapChanges, MapConnection, MapEdit,
    MapFailure, MapNode, MapView, NodeDraft, NodeKind, Polarity,
};

type Result<T> = std::result::Result<T, DocumentError>;

/// What [`WorkshopDoc::edit_map_tracked`] did: the ids it added, in order, and every id it
/// touched (those included).
#[derive(Debug, Default)]
pub struct TrackedEdit {
    pub added: Vec<String>,
    pub touched: BTreeSet<String>,
}

/// Positions are kept to a tenth of a unit: finer is invisible and only makes changes bigger.
fn position(value: f64) -> Json {
    json!((value * 10.0).round() / 10.0)
}

fn node_fields(node: &NodeDraft) -> Map<String, Json> {
    let mut fields = Map::new();
    fields.insert("kind".into(), json!(node.kind.name()));
    fields.insert("level".into(), json!(node.level.map(Level::name)));
    fields.insert("label".into(), json!(node.label));
    fields.insert("x".into(), position(node.x));
    fields.insert("y".into(), position(node.y));
    fields.insert("notes".into(), json!(node.notes));
    fields.insert("pinned".into(), json!(node.pinned));
    let links: Vec<&str> = node.links.iter().map(|l| l.id.as_str()).collect();
    fields.insert("links".into(), json!(links));
    fields
}

fn connection_fields(connection: &ConnectionDraft) -> Map<String, Json> {
    let mut fields = Map::new();
    fields.insert("from".into(), json!(connection.from));
    fields.insert("to".into(), json!(connection.to));
    fields.insert("polarity".into(), json!(connection.polarity.name()));
    fields.insert("label".into(), json!(connection.label));
    fields.insert("delay".into(), json!(connection.delay));
    fields
}

fn failure_fields(failure: &FailureDraft) -> Map<String, Json> {
    let mut fields = Map::new();
    fields.insert("on".into(), json!(failure.on));
    fields.insert("description".into(), json!(failure.description));
    fields.insert("severity".into(), json!(failure.severity));
    fields.insert("raised_by".into(), json!(failure.raised_by));
    fields
}

fn number(item: &Item, field: &str) -> f64 {
    match item.get(field) {
        FieldValue::Number(n) => *n,
        FieldValue::Int(n) => *n as f64,
        _ => 0.0,
    }
}

fn node_of(item: &Item, link_kinds: &HashMap<&str, &'static str>) -> MapNode {
    MapNode {
        id: item.id.clone(),
        node: NodeDraft {
            kind: NodeKind::from_name(item.str("kind")).unwrap_or_default(),
            level: Level::from_name(item.str("level")),
            label: item.str("label").to_owned(),
            x: number(item, "x"),
            y: number(item, "y"),
            notes: item.str("notes").to_owned(),
            pinned: *item.get("pinned") == FieldValue::Bool(true),
            links: item
                .get("links")
                .as_list()
                .iter()
                .filter_map(|id| {
                    link_kinds.get(id.as_str()).map(|kind| LinkRef {
                        kind: (*kind).to_owned(),
                        id: id.clone(),
                    })
                })
                .collect(),
        },
    }
}

fn connection_of(item: &Item) -> MapConnection {
    MapConnection {
        id: item.id.clone(),
        connection: ConnectionDraft {
            from: item.str("from").to_owned(),
            to: item.str("to").to_owned(),
            polarity: Polarity::from_name(item.str("polarity")).unwrap_or_default(),
            label: item.str("label").to_owned(),
            delay: *item.get("delay") == FieldValue::Bool(true),
        },
    }
}

fn failure_of(item: &Item) -> MapFailure {
    MapFailure {
        id: item.id.clone(),
        failure: FailureDraft {
            on: item.str("on").to_owned(),
            description: item.str("description").to_owned(),
            severity: item
                .get("severity")
                .as_i64()
                .and_then(|s| u8::try_from(s).ok()),
            raised_by: item.get("raised_by").as_str().map(str::to_owned),
        },
    }
}

/// A few words for the history ("add node GP surgery", "move 3 nodes").
pub fn describe(edits: &[MapEdit]) -> String {
    match edits {
        [MapEdit::AddNode { node }] => format!("add node {}", node.label),
        [MapEdit::UpdateNode { node, .. }] => format!("edit node {}", node.label),
        [MapEdit::MoveNodes { moves }] if moves.len() == 1 => "move a node".into(),
        [MapEdit::MoveNodes { moves }] => format!("move {} nodes", moves.len()),
        [MapEdit::AddConnection { .. }] => "connect two nodes".into(),
        [MapEdit::UpdateConnection { .. }] => "edit a connection".into(),
        [MapEdit::AddFailure { .. }] => "mark a failure point".into(),
        [MapEdit::UpdateFailure { .. }] => "edit a failure point".into(),
        [MapEdit::Delete { ids }] if ids.len() == 1 => "delete from the map".into(),
        [MapEdit::Delete { ids }] => format!("delete {} things from the map", ids.len()),
        [MapEdit::Duplicate { ids, .. }] => format!("duplicate {} nodes", ids.len()),
        _ => format!("{} map edits", edits.len()),
    }
}

impl WorkshopDoc {
    /// The live map: nodes, the connections between live nodes, and failure points on live
    /// nodes or connections, oldest first; plus what nodes can link to.
    pub fn map(&self) -> Result<MapView> {
        let mut link_targets = Vec::new();
        for persona in self.live_items(Kind::Persona)? {
            link_targets.push(target(Kind::Persona, &persona, persona.str("name")));
        }
        let journeys: HashMap<String, String> = self
            .live_items(Kind::Journey)?
            .into_iter()
            .map(|j| (j.id.clone(), j.str("title").to_owned()))
            .collect();
        for step in self.live_items(Kind::JourneyStep)? {
            let label = match journeys.get(step.str("journey")) {
                Some(journey) => format!("{journey}: {}", step.str("touchpoint")),
                None => step.str("touchpoint").to_owned(),
            };
            link_targets.push(target(Kind::JourneyStep, &step, &label));
        }
        for scenario in self.live_items(Kind::Scenario)? {
            link_targets.push(target(Kind::Scenario, &scenario, scenario.str("title")));
        }
        let link_kinds: HashMap<&str, &'static str> = link_targets
            .iter()
            .map(|t| (t.item.id.as_str(), kind_name(&t.item.kind)))
            .collect();
        let nodes: Vec<MapNode> = self
            .live_items(Kind::Node)?
            .iter()
            .map(|item| node_of(item, &link_kinds))
            .collect();
        let node_ids: BTreeSet<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        let connections: Vec<MapConnection> = self
            .live_items(Kind::Connection)?
            .iter()
            .map(connection_of)
            .filter(|c| {
                node_ids.contains(c.connection.from.as_str())
                    && node_ids.contains(c.connection.to.as_str())
            })
            .collect();
        let on_map: BTreeSet<&str> = node_ids
            .iter()
            .copied()
            .chain(connections.iter().map(|c| c.id.as_str()))
            .collect();
        let failures = self
            .live_items(Kind::FailurePoint)?
            .iter()
            .map(failure_of)
            .filter(|f| on_map.contains(f.failure.on.as_str()))
            .collect();
        Ok(MapView {
            nodes,
            connections,
            failures,
            link_targets,
            can_undo: false,
            can_redo: false,
        })
    }

    /// Applies the canvas's edits in order and returns the ids of the items they added. Nothing
    /// is committed: the caller commits them as one change, so they undo as one. A connection's
    /// ends or a failure point's item may be written `@n`: the `n`th item added by this same list
    /// (so an import can add nodes and connect them in one go).
    pub fn edit_map(&mut self, edits: &[MapEdit], now_ms: i64) -> Result<Vec<String>> {
        Ok(self.edit_map_tracked(edits, now_ms)?.added)
    }

    /// [`Self::edit_map`], also saying which items the edits touched (added, changed or deleted,
    /// a deleted node's connections and failure points included), for [`Self::map_changes`].
    pub fn edit_map_tracked(&mut self, edits: &[MapEdit], now_ms: i64) -> Result<TrackedEdit> {
        let mut added: Vec<String> = Vec::new();
        let mut touched: BTreeSet<String> = BTreeSet::new();
        for edit in edits {
            let resolved;
            let edit = match resolve_earlier(edit, &added) {
                Some(edit) => {
                    resolved = edit;
                    &resolved
                }
                None => edit,
            };
            let before = added.len();
            match edit {
                MapEdit::AddNode { node } => {
                    added.push(self.add(Kind::Node, None, &node_fields(node), now_ms)?);
                }
                MapEdit::UpdateNode { id, node } => {
                    self.set(Kind::Node, id, &node_fields(node))?;
                    touched.insert(id.clone());
                }
                MapEdit::MoveNodes { moves } => {
                    for m in moves {
                        let mut fields = Map::new();
                        fields.insert("x".into(), position(m.x));
                        fields.insert("y".into(), position(m.y));
                        self.set(Kind::Node, &m.id, &fields)?;
                        touched.insert(m.id.clone());
                    }
                }
                MapEdit::AddConnection { connection } => {
                    self.check_ends(connection)?;
                    let fields = connection_fields(connection);
                    added.push(self.add(Kind::Connection, None, &fields, now_ms)?);
                }
                MapEdit::UpdateConnection { id, connection } => {
                    self.check_ends(connection)?;
                    self.set(Kind::Connection, id, &connection_fields(connection))?;
                    touched.insert(id.clone());
                }
                MapEdit::AddFailure { failure } => {
                    self.check_on_map(&failure.on)?;
                    let fields = failure_fields(failure);
                    added.push(self.add(Kind::FailurePoint, None, &fields, now_ms)?);
                }
                MapEdit::UpdateFailure { id, failure } => {
                    self.check_on_map(&failure.on)?;
                    self.set(Kind::FailurePoint, id, &failure_fields(failure))?;
                    touched.insert(id.clone());
                }
                MapEdit::Delete { ids } => touched.extend(self.delete_from_map(ids)?),
                MapEdit::Duplicate { ids, dx, dy } => {
                    added.extend(self.duplicate_nodes(ids, *dx, *dy, now_ms)?);
                }
            }
            touched.extend(added[before..].iter().cloned());
        }
        Ok(TrackedEdit { added, touched })
    }

    /// How the items in `touched` stand now, as [`MapView::apply`] takes them: each one that is
    /// on the map as it is now, the others as removed. Only those items are read, so answering an
    /// edit does not cost a read of the whole map.
    pub fn map_changes(&self, touched: &BTreeSet<String>) -> Result<MapChanges> {
        let mut changes = MapChanges::default();
        for id in touched {
            let kind = self.kind_of(id)?;
            let item = match kind {
                Some(kind) => self.item(kind, id)?.filter(|item| !item.deleted),
                None => None,
            };
            match (kind, item) {
                (Some(Kind::Node), Some(item)) => {
                    let mut link_kinds = HashMap::new();
                    for link in item.get("links").as_list() {
                        if let Some(kind) = self.link_kind(link)? {
                            link_kinds.insert(link.as_str(), kind);
                        }
                    }
                    changes.nodes.push(node_of(&item, &link_kinds));
                }
                (Some(Kind::Connection), Some(item)) => {
                    let connection = connection_of(&item);
                    let ends_live = self.is_live(Kind::Node, &connection.connection.from)?
                        && self.is_live(Kind::Node, &connection.connection.to)?;
                    if ends_live {
                        changes.connections.push(connection);
                    } else {
                        changes.removed.push(id.clone());
                    }
                }
                (Some(Kind::FailurePoint), Some(item)) => {
                    let failure = failure_of(&item);
                    if self.on_map(&failure.failure.on)? {
                        changes.failures.push(failure);
                    } else {
                        changes.removed.push(id.clone());
                    }
                }
                _ => changes.removed.push(id.clone()),
            }
        }
        Ok(changes)
    }

    /// What kind of thing a node may link to `id` is, if it is one and is live.
    fn link_kind(&self, id: &str) -> Result<Option<&'static str>> {
        match self.kind_of(id)? {
            Some(kind @ (Kind::Persona | Kind::JourneyStep | Kind::Scenario))
                if self.is_live(kind, id)? =>
            {
                Ok(Some(kind.name()))
            }
            _ => Ok(None),
        }
    }

    /// Whether `id` is a live node, or a live connection between live nodes.
    fn on_map(&self, id: &str) -> Result<bool> {
        if self.is_live(Kind::Node, id)? {
            return Ok(true);
        }
        match self.item(Kind::Connection, id)? {
            Some(c) if !c.deleted => Ok(self.is_live(Kind::Node, c.str("from"))?
                && self.is_live(Kind::Node, c.str("to"))?),
            _ => Ok(false),
        }
    }

    /// A connection joins two live nodes.
    fn check_ends(&self, connection: &ConnectionDraft) -> Result<()> {
        for (field, id) in [("from", &connection.from), ("to", &connection.to)] {
            if !self.is_live(Kind::Node, id)? {
                return Err(ModelError::BadReference {
                    field: field.into(),
                    id: id.clone(),
                }
                .into());
            }
        }
        Ok(())
    }

    /// A failure point sits on a live node or connection.
    fn check_on_map(&self, id: &str) -> Result<()> {
        if self.is_live(Kind::Node, id)? || self.is_live(Kind::Connection, id)? {
            Ok(())
        } else {
            Err(ModelError::BadReference {
                field: "on".into(),
                id: id.into(),
            }
            .into())
        }
    }

    fn is_live(&self, kind: Kind, id: &str) -> Result<bool> {
        Ok(self.item(kind, id)?.is_some_and(|item| !item.deleted))
    }

    /// Deletes nodes, connections and failure points; a node takes its connections with it, and
    /// a node or connection its failure points.
    fn delete_from_map(&mut self, ids: &[String]) -> Result<BTreeSet<String>> {
        let mut doomed: BTreeSet<String> = BTreeSet::new();
        let mut nodes: BTreeSet<&str> = BTreeSet::new();
        for id in ids {
            match self.kind_of(id)? {
                Some(Kind::Node) => {
                    nodes.insert(id);
                }
                Some(Kind::Connection | Kind::FailurePoint) => {}
                _ => {
                    return Err(ModelError::NotFound {
                        kind: "map item".into(),
                        id: id.clone(),
                    }
                    .into())
                }
            }
            doomed.insert(id.clone());
        }
        let connections = self.live_items(Kind::Connection)?;
        for c in &connections {
            if nodes.contains(c.str("from")) || nodes.contains(c.str("to")) {
                doomed.insert(c.id.clone());
            }
        }
        for f in self.live_items(Kind::FailurePoint)? {
            if doomed.contains(f.str("on")) {
                doomed.insert(f.id.clone());
            }
        }
        for id in &doomed {
            if let Some(kind) = self.kind_of(id)? {
                if self.is_live(kind, id)? {
                    self.delete(kind, id)?;
                }
            }
        }
        Ok(doomed)
    }

    /// Copies nodes and the connections among them, shifted by (dx, dy); returns the new ids.
    fn duplicate_nodes(
        &mut self,
        ids: &[String],
        dx: f64,
        dy: f64,
        now_ms: i64,
    ) -> Result<Vec<String>> {
        let view = self.map()?;
        let mut copies: HashMap<&str, String> = HashMap::new();
        let mut added = Vec::new();
        for id in ids {
            let node =
                view.nodes
                    .iter()
                    .find(|n| &n.id == id)
                    .ok_or_else(|| ModelError::NotFound {
                        kind: Kind::Node.name().into(),
                        id: id.clone(),
                    })?;
            let mut copy = node.node.clone();
            copy.x += dx;
            copy.y += dy;
            copy.pinned = false;
            let new_id = self.add(Kind::Node, None, &node_fields(&copy), now_ms)?;
            added.push(new_id.clone());
            copies.insert(node.id.as_str(), new_id);
        }
        for c in &view.connections {
            if let (Some(from), Some(to)) = (
                copies.get(c.connection.from.as_str()),
                copies.get(c.connection.to.as_str()),
            ) {
                let copy = ConnectionDraft {
                    from: from.clone(),
                    to: to.clone(),
                    ..c.connection.clone()
                };
                added.push(self.add(Kind::Connection, None, &connection_fields(&copy), now_ms)?);
            }
        }
        Ok(added)
    }
}

/// The edit with `@n` references replaced by the `n`th id added so far; `None` when it has none.
fn resolve_earlier(edit: &MapEdit, added: &[String]) -> Option<MapEdit> {
    let resolve = |id: &str| -> Option<String> {
        let n: usize = id.strip_prefix('@')?.parse().ok()?;
        added.get(n).cloned()
    };
    match edit {
        MapEdit::AddConnection { connection }
            if connection.from.starts_with('@') || connection.to.starts_with('@') =>
        {
            let mut connection = connection.clone();
            connection.from = resolve(&connection.from).unwrap_or(connection.from);
            connection.to = resolve(&connection.to).unwrap_or(connection.to);
            Some(MapEdit::AddConnection { connection })
        }
        MapEdit::AddFailure { failure } if failure.on.starts_with('@') => {
            let mut failure = failure.clone();
            failure.on = resolve(&failure.on).unwrap_or(failure.on);
            Some(MapEdit::AddFailure { failure })
        }
        _ => None,
    }
}

fn target(kind: Kind, item: &Item, label: &str) -> LinkTarget {
    LinkTarget {
        item: LinkRef {
            kind: kind.name().to_owned(),
            id: item.id.clone(),
        },
        label: label.to_owned(),
    }
}

fn kind_name(kind: &str) -> &'static str {
    Kind::from_name(kind).map_or("persona", Kind::name)
}

#[cfg(test)]
mod tests;
