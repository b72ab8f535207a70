//! DOT's grammar (graphviz.org/doc/info/lang.html), read in one pass without building a syntax
//! tree: the statements are carried out as they are read, into the nodes (in order of first
//! mention) and edges of the one graph a file may hold.
//!
//! ```text
//! graph     : [strict] (graph | digraph) [ID] '{' stmt_list '}'
//! stmt_list : [stmt [';'] stmt_list]
//! stmt      : node_stmt | edge_stmt | attr_stmt | ID '=' ID | subgraph
//! attr_stmt : (graph | node | edge) attr_list
//! attr_list : '[' [a_list] ']' [attr_list]
//! a_list    : ID '=' ID [';' | ','] [a_list]
//! edge_stmt : (node_id | subgraph) edgeRHS [attr_list]
//! edgeRHS   : edgeop (node_id | subgraph) [edgeRHS]
//! node_stmt : node_id [attr_list]
//! node_id   : ID [port]            port : ':' ID [':' compass_pt]
//! subgraph  : [subgraph [ID]] '{' stmt_list '}'
//! ```
//!
//! Only subgraphs recurse, and no deeper than [`NESTING_MAX`]; chains and attribute lists are
//! loops. Only the attributes the map reads are kept, and their values are shared between the
//! items that `node [ … ]` and `edge [ … ]` give them to, so memory stays near the file's size
//! whatever the file; nodes and edges are counted against the map's limits as they are made.

use super::super::builder::{check_count, CONNECTIONS_MAX, NODES_MAX};
use super::super::error::{Location, Place};
use super::super::InterchangeError;
use super::lexer::{Keyword, Kind, Lexer, Pos, Token};
use super::{unescape, FORMAT};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Subgraphs may be nested this deep (the graph's own `{ }` not counted).
pub const NESTING_MAX: usize = 32;

/// The most edges a file may write, counting each one a chain or a subgraph at an end stands
/// for and those a strict graph merges: a strict graph repeating `{ … } -> { … }` would otherwise
/// take time without making a connection.
pub const EDGES_WRITTEN_MAX: usize = 16 * CONNECTIONS_MAX;

/// How a value was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A name or numeral.
    Plain,
    /// `"…"`, perhaps joined with `+`: the text holds its escapes as written.
    Quoted,
    /// `<…>`: the text is what stands between the outer angle brackets.
    Html,
}

/// An attribute's value, and where it was written.
#[derive(Debug, Clone)]
pub struct Value {
    pub text: Rc<str>,
    pub form: Form,
    pub at: Pos,
}

/// A node's or edge's attributes, by name (in lower case); a later value replaces an earlier.
#[derive(Debug, Clone, Default)]
pub struct Attributes(Vec<(&'static str, Value)>);

impl Attributes {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
    }

    fn set(&mut self, name: &'static str, value: Value) {
        match self.0.iter_mut().find(|(key, _)| *key == name) {
            Some(slot) => slot.1 = value,
            None => self.0.push((name, value)),
        }
    }

    fn extend(&mut self, other: &Attributes) {
        for (name, value) in &other.0 {
            self.set(name, value.clone());
        }
    }
}

pub struct Node {
    /// The node's name, escapes read: the map's id for it.
    pub name: String,
    /// Where it is first mentioned.
    pub at: Location,
    pub attributes: Attributes,
}

pub struct Edge {
    /// Indices into [`Graph::nodes`].
    pub from: usize,
    pub to: usize,
    /// Where its `->` or `--` is.
    pub at: Location,
    pub attributes: Attributes,
}

pub struct Graph {
    pub directed: bool,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Reads the file's one graph, keeping only the attributes named in `kept` (in lower case).
pub fn parse(file: &str, text: &str, kept: &[&'static str]) -> Result<Graph, InterchangeError> {
    let mut parser = Parser {
        file,
        lexer: Lexer::new(file, text),
        peeked: None,
        kept,
        strict: false,
        directed: false,
        nodes: Vec::new(),
        node_index: HashMap::new(),
        edges: Vec::new(),
        edge_index: HashMap::new(),
        edges_written: 0,
        subgraphs: HashMap::new(),
    };
    parser.graph()?;
    Ok(Graph {
        directed: parser.directed,
        nodes: parser.nodes,
        edges: parser.edges,
    })
}

/// The `node [ … ]` and `edge [ … ]` defaults in force: a subgraph starts with its parent's and
/// its own go when it ends.
#[derive(Clone, Default)]
struct Defaults {
    node: Attributes,
    edge: Attributes,
}

/// The nodes mentioned inside a subgraph, each once, in order of mention.
#[derive(Default)]
struct Members {
    order: Vec<usize>,
    seen: HashSet<usize>,
    /// `order` shared, for a named subgraph mentioned again: each mention hands out this one
    /// list instead of a copy (a file naming a big subgraph millions of times would otherwise
    /// copy it millions of times).
    shared: Option<Rc<[usize]>>,
}

impl Members {
    fn add(&mut self, node: usize) {
        if self.seen.insert(node) {
            self.order.push(node);
        }
    }

    fn add_all(&mut self, nodes: &[usize]) {
        for &node in nodes {
            self.add(node);
        }
    }
}

/// A graph's or subgraph's `{ … }` being read.
struct Scope {
    defaults: Defaults,
    /// The nodes mentioned in a subgraph (the graph's own are not needed).
    members: Option<Members>,
}

/// One end of an edge: a node, or every node of a subgraph.
enum End {
    Node(usize),
    Nodes(Rc<[usize]>),
}

impl End {
    fn nodes(&self) -> &[usize] {
        match self {
            End::Node(node) => std::slice::from_ref(node),
            End::Nodes(nodes) => nodes,
        }
    }
}

struct Parser<'t> {
    file: &'t str,
    lexer: Lexer<'t>,
    peeked: Option<Token<'t>>,
    kept: &'t [&'static str],
    strict: bool,
    directed: bool,
    nodes: Vec<Node>,
    node_index: HashMap<String, usize>,
    edges: Vec<Edge>,
    /// In a strict graph, the edge already made between two nodes.
    edge_index: HashMap<(usize, usize), usize>,
    edges_written: usize,
    /// Every node of each named subgraph: `subgraph s { … }` written twice is one subgraph.
    subgraphs: HashMap<String, Members>,
}

impl<'t> Parser<'t> {
    fn peek(&mut self) -> Result<Token<'t>, InterchangeError> {
        match self.peeked {
            Some(token) => Ok(token),
            None => {
                let token = self.lexer.next_token()?;
                self.peeked = Some(token);
                Ok(token)
            }
        }
    }

    fn bump(&mut self) -> Result<Token<'t>, InterchangeError> {
        let token = self.peek()?;
        self.peeked = None;
        Ok(token)
    }

    fn error(&self, pos: Pos, detail: impl Into<String>) -> InterchangeError {
        Place::new(self.file, pos.location()).syntax(FORMAT, detail)
    }

    /// An error for a keyword where a name should be, or else `detail`.
    fn expected(&self, token: Token, detail: &str) -> InterchangeError {
        if token.kind == Kind::Name && token.keyword().is_some() {
            let word = token.text.to_lowercase();
            self.error(
                token.pos,
                format!(
                    "{detail}; {word} is a keyword, written in double quotes (\"{word}\") when \
                     it is a name"
                ),
            )
        } else {
            self.error(token.pos, detail)
        }
    }

    fn graph(&mut self) -> Result<(), InterchangeError> {
        let mut token = self.bump()?;
        if token.keyword() == Some(Keyword::Strict) {
            self.strict = true;
            token = self.bump()?;
        }
        self.directed = match token.keyword() {
            Some(Keyword::Digraph) => true,
            Some(Keyword::Graph) => false,
            _ => return Err(self.error(token.pos, "expected graph or digraph")),
        };
        // The graph's name is not the map's: the map takes the workshop's title.
        if self.peek()?.is_id() {
            self.id()?;
        }
        let open = self.bump()?;
        if open.kind != Kind::OpenBrace {
            return Err(self.expected(open, "expected { to start the graph"));
        }
        let mut scope = Scope {
            defaults: Defaults::default(),
            members: None,
        };
        self.statements(0, &mut scope)?;
        self.close(open)?;
        let after = self.peek()?;
        match after.kind {
            Kind::End => Ok(()),
            _ if matches!(
                after.keyword(),
                Some(Keyword::Strict | Keyword::Graph | Keyword::Digraph)
            ) =>
            {
                Err(self.error(
                    after.pos,
                    "a second graph starts here; a map is read from a file with one",
                ))
            }
            _ => Err(self.error(
                after.pos,
                "expected the end of the file after the graph's }",
            )),
        }
    }

    /// The `}` that closes `open`.
    fn close(&mut self, open: Token) -> Result<(), InterchangeError> {
        let token = self.bump()?;
        if token.kind == Kind::CloseBrace {
            return Ok(());
        }
        Err(self.error(
            token.pos,
            format!(
                "expected }} to close the {{ on line {}, column {}",
                open.pos.line, open.pos.column
            ),
        ))
    }

    /// Reads statements up to the `}` (or the end of the file) that ends them; `depth` is how
    /// many subgraphs they are inside.
    fn statements(&mut self, depth: usize, scope: &mut Scope) -> Result<(), InterchangeError> {
        loop {
            let token = self.peek()?;
            match (token.kind, token.keyword()) {
                (Kind::CloseBrace | Kind::End, _) => return Ok(()),
                (Kind::Semicolon, _) => {
                    self.bump()?;
                }
                (_, Some(keyword @ (Keyword::Graph | Keyword::Node | Keyword::Edge))) => {
                    self.bump()?;
                    if self.peek()?.kind != Kind::OpenBracket {
                        let next = self.peek()?;
                        return Err(self.expected(next, "expected [ … ]"));
                    }
                    match keyword {
                        Keyword::Node => self.attribute_lists(&mut scope.defaults.node)?,
                        Keyword::Edge => self.attribute_lists(&mut scope.defaults.edge)?,
                        // Graph attributes (a title, layout settings) have no place in a map.
                        _ => self.attribute_lists(&mut Attributes::default())?,
                    }
                }
                (Kind::OpenBrace, _) | (_, Some(Keyword::Subgraph)) => {
                    let nodes = self.subgraph(depth, scope)?;
                    if self.is_edge_op()? {
                        self.edge_statement(End::Nodes(nodes), depth, scope)?;
                    }
                }
                _ if token.is_id() => {
                    let (name, form) = self.id()?;
                    if self.peek()?.kind == Kind::Equals {
                        // `name = value`: a graph attribute.
                        self.bump()?;
                        self.value()?;
                        continue;
                    }
                    let node = self.node_id(token, &name, form, scope)?;
                    if self.is_edge_op()? {
                        self.edge_statement(End::Node(node), depth, scope)?;
                    } else {
                        let mut attributes = Attributes::default();
                        self.attribute_lists(&mut attributes)?;
                        if let Some(node) = self.nodes.get_mut(node) {
                            node.attributes.extend(&attributes);
                        }
                    }
                }
                _ => {
                    return Err(self.expected(
                        token,
                        "expected a statement: a node, an edge, an attribute or a subgraph",
                    ))
                }
            }
        }
    }

    fn is_edge_op(&mut self) -> Result<bool, InterchangeError> {
        Ok(matches!(self.peek()?.kind, Kind::Arrow | Kind::Line))
    }

    /// An ID, with quoted strings joined by `+` into one: its text (escapes as written) and form.
    fn id(&mut self) -> Result<(Cow<'t, str>, Form), InterchangeError> {
        let token = self.bump()?;
        let form = match token.kind {
            Kind::Quoted => Form::Quoted,
            Kind::Html => Form::Html,
            _ => Form::Plain,
        };
        let mut text = Cow::Borrowed(token.text);
        if form == Form::Quoted {
            while self.peek()?.kind == Kind::Plus {
                self.bump()?;
                let part = self.bump()?;
                if part.kind != Kind::Quoted {
                    return Err(self.error(part.pos, "expected a quoted text after +"));
                }
                text.to_mut().push_str(part.text);
            }
        }
        Ok((text, form))
    }

    /// The value after an `=`.
    fn value(&mut self) -> Result<Value, InterchangeError> {
        let token = self.peek()?;
        if !token.is_id() {
            return Err(self.expected(token, "expected a value after ="));
        }
        let (text, form) = self.id()?;
        Ok(Value {
            text: text.into(),
            form,
            at: token.pos,
        })
    }

    /// The node an ID (already read: `token`, giving `name` and `form`) names, with its port
    /// (`:port:compass`), which a map has no use for.
    fn node_id(
        &mut self,
        token: Token,
        name: &str,
        form: Form,
        scope: &mut Scope,
    ) -> Result<usize, InterchangeError> {
        let name = match form {
            Form::Plain => Cow::Borrowed(name),
            Form::Quoted => Cow::Owned(unescape(name, None)),
            Form::Html => {
                return Err(self.error(
                    token.pos,
                    "an HTML string (<…>) cannot name a node; write the name in double quotes",
                ))
            }
        };
        for _ in 0..2 {
            if self.peek()?.kind != Kind::Colon {
                break;
            }
            self.bump()?;
            let port = self.peek()?;
            if !port.is_id() {
                return Err(self.expected(port, "expected a port name after :"));
            }
            self.id()?;
        }
        let node = self.node(name, token.pos, &scope.defaults)?;
        if let Some(members) = scope.members.as_mut() {
            members.add(node);
        }
        Ok(node)
    }

    /// The node `name`, made with the defaults in force if it is new.
    fn node(
        &mut self,
        name: Cow<str>,
        pos: Pos,
        defaults: &Defaults,
    ) -> Result<usize, InterchangeError> {
        if let Some(&node) = self.node_index.get(name.as_ref()) {
            return Ok(node);
        }
        let node = self.nodes.len();
        let name = name.into_owned();
        self.node_index.insert(name.clone(), node);
        self.nodes.push(Node {
            name,
            at: pos.location(),
            attributes: defaults.node.clone(),
        });
        check_count(self.file, "nodes", self.nodes.len(), NODES_MAX)?;
        Ok(node)
    }

    /// `[subgraph [name]] { … }`, at `depth`: the nodes of the subgraph.
    fn subgraph(
        &mut self,
        depth: usize,
        parent: &mut Scope,
    ) -> Result<Rc<[usize]>, InterchangeError> {
        let mut name = None;
        if self.peek()?.keyword() == Some(Keyword::Subgraph) {
            self.bump()?;
            if self.peek()?.is_id() {
                let (text, form) = self.id()?;
                if form != Form::Html {
                    name = Some(text.into_owned());
                }
            }
        }
        let open = self.bump()?;
        if open.kind != Kind::OpenBrace {
            return Err(self.expected(open, "expected { to start the subgraph"));
        }
        if depth >= NESTING_MAX {
            return Err(self.error(
                open.pos,
                format!(
                    "subgraphs are nested more than {NESTING_MAX} deep here, more than can be read"
                ),
            ));
        }
        let mut scope = Scope {
            defaults: parent.defaults.clone(),
            members: Some(Members::default()),
        };
        self.statements(depth + 1, &mut scope)?;
        self.close(open)?;
        let members = scope.members.unwrap_or_default().order;
        if let Some(parent) = parent.members.as_mut() {
            parent.add_all(&members);
        }
        Ok(match name {
            Some(name) => {
                let all = self.subgraphs.entry(name).or_default();
                match &all.shared {
                    Some(shared) if members.is_empty() => shared.clone(),
                    _ => {
                        all.add_all(&members);
                        let shared: Rc<[usize]> = Rc::from(all.order.as_slice());
                        all.shared = Some(shared.clone());
                        shared
                    }
                }
            }
            None => Rc::from(members),
        })
    }

    /// The rest of an edge statement after its first end: more ends, each after `->` or `--`,
    /// then the attributes. Each end is joined to the next: every node of one to every node of
    /// the other.
    fn edge_statement(
        &mut self,
        first: End,
        depth: usize,
        scope: &mut Scope,
    ) -> Result<(), InterchangeError> {
        let mut ends = vec![(first, None)];
        // The edges this chain stands for, counted as its ends are read, so a chain of big
        // subgraphs is refused before it is held in memory or walked.
        let mut pending = 0usize;
        while self.is_edge_op()? {
            let op = self.bump()?;
            match (op.kind, self.directed) {
                (Kind::Arrow, false) => {
                    return Err(self.error(
                        op.pos,
                        "-> is for a digraph; in a graph, edges are written a -- b",
                    ))
                }
                (Kind::Line, true) => {
                    return Err(self.error(
                        op.pos,
                        "-- is for a graph; in a digraph, edges are written a -> b",
                    ))
                }
                _ => {}
            }
            let token = self.peek()?;
            let end = if token.kind == Kind::OpenBrace || token.keyword() == Some(Keyword::Subgraph)
            {
                End::Nodes(self.subgraph(depth, scope)?)
            } else if token.is_id() {
                let (name, form) = self.id()?;
                End::Node(self.node_id(token, &name, form, scope)?)
            } else {
                return Err(self.expected(token, "expected a name or { … }"));
            };
            let tails = ends.last().map_or(0, |(end, _)| end.nodes().len());
            pending = pending.saturating_add(tails.saturating_mul(end.nodes().len()));
            check_count(
                self.file,
                "edges (counting each edge a chain or subgraph stands for)",
                self.edges_written.saturating_add(pending),
                EDGES_WRITTEN_MAX,
            )?;
            ends.push((end, Some(op.pos.location())));
        }
        let mut attributes = scope.defaults.edge.clone();
        self.attribute_lists(&mut attributes)?;
        for pair in ends.windows(2) {
            let [(tails, _), (heads, Some(at))] = pair else {
                continue;
            };
            for &tail in tails.nodes() {
                for &head in heads.nodes() {
                    self.edge(tail, head, at, &attributes)?;
                }
            }
        }
        Ok(())
    }

    /// Adds an edge; in a strict graph a second edge between the same nodes adds its
    /// attributes to the first, as Graphviz does.
    fn edge(
        &mut self,
        from: usize,
        to: usize,
        at: &Location,
        attributes: &Attributes,
    ) -> Result<(), InterchangeError> {
        self.edges_written += 1;
        check_count(
            self.file,
            "edges (counting each edge a chain or subgraph stands for)",
            self.edges_written,
            EDGES_WRITTEN_MAX,
        )?;
        if self.strict {
            let key = if self.directed || from <= to {
                (from, to)
            } else {
                (to, from)
            };
            if let Some(&index) = self.edge_index.get(&key) {
                if let Some(edge) = self.edges.get_mut(index) {
                    edge.attributes.extend(attributes);
                }
                return Ok(());
            }
            self.edge_index.insert(key, self.edges.len());
        }
        self.edges.push(Edge {
            from,
            to,
            at: at.clone(),
            attributes: attributes.clone(),
        });
        check_count(self.file, "connections", self.edges.len(), CONNECTIONS_MAX)
    }

    /// Any number of `[ … ]` lists (none is fine), their kept attributes added to `into`.
    fn attribute_lists(&mut self, into: &mut Attributes) -> Result<(), InterchangeError> {
        while self.peek()?.kind == Kind::OpenBracket {
            self.bump()?;
            loop {
                let token = self.peek()?;
                if token.kind == Kind::CloseBracket {
                    self.bump()?;
                    break;
                }
                const EXPECTED: &str = "expected an attribute (name = value) or ]";
                if !token.is_id() {
                    return Err(self.expected(token, EXPECTED));
                }
                let (name, form) = self.id()?;
                if self.peek()?.kind != Kind::Equals {
                    // Most often a `]` left out: the name is the next statement's.
                    return Err(self.error(token.pos, EXPECTED));
                }
                self.bump()?;
                let value = self.value()?;
                if let Some(name) = self.kept_name(&name, form) {
                    into.set(name, value);
                }
                if matches!(self.peek()?.kind, Kind::Comma | Kind::Semicolon) {
                    self.bump()?;
                }
            }
        }
        Ok(())
    }

    /// The name an attribute is kept under, if the map reads it.
    fn kept_name(&self, name: &str, form: Form) -> Option<&'static str> {
        let name = match form {
            Form::Plain => name.to_lowercase(),
            Form::Quoted => unescape(name, None).trim().to_lowercase(),
            Form::Html => return None,
        };
        self.kept.iter().copied().find(|kept| *kept == name)
    }
}
