//! DOT's tokens, as Graphviz reads them (graphviz.org/doc/info/lang.html): names, numerals,
//! quoted strings, HTML strings and symbols, with `//`, `/* */` and `#` comments and white space
//! skipped. Each token knows its line and column, counted as the lexer goes, so that no error
//! has to search the file for its place.
//!
//! The lexer works on bytes: every byte of a multi-byte UTF-8 character is 0x80 or more, so none
//! is taken for a symbol, and slices are cut only beside ASCII bytes.

use super::super::error::{shown, Location, Place};
use super::super::InterchangeError;
use super::FORMAT;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (any non-ASCII character counts as one), digits and `_`, not starting with a
    /// digit; keywords are names too (see [`Token::keyword`]).
    Name,
    /// `-?(.[0-9]+ | [0-9]+(.[0-9]*)?)`.
    Number,
    /// `"…"`; the token's text is what stands between the quotes, escapes as written.
    Quoted,
    /// `<…>` with balanced angle brackets; the text is what stands between the outer ones.
    Html,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Equals,
    Semicolon,
    Comma,
    Colon,
    Plus,
    /// `->`
    Arrow,
    /// `--`
    Line,
    End,
}

/// DOT's keywords, which Graphviz reads in any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    Strict,
    Graph,
    Digraph,
    Subgraph,
    Node,
    Edge,
}

/// Where a token starts: line and column (in characters), both from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: u64,
    pub column: u64,
}

impl Pos {
    pub fn location(self) -> Location {
        Location::line_column(self.line, self.column)
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Token<'t> {
    pub kind: Kind,
    pub text: &'t str,
    pub pos: Pos,
}

impl Token<'_> {
    pub fn keyword(&self) -> Option<Keyword> {
        if self.kind != Kind::Name {
            return None;
        }
        let is = |word: &str| self.text.eq_ignore_ascii_case(word);
        Some(if is("strict") {
            Keyword::Strict
        } else if is("graph") {
            Keyword::Graph
        } else if is("digraph") {
            Keyword::Digraph
        } else if is("subgraph") {
            Keyword::Subgraph
        } else if is("node") {
            Keyword::Node
        } else if is("edge") {
            Keyword::Edge
        } else {
            return None;
        })
    }

    /// A name, numeral, quoted or HTML string: what DOT calls an ID.
    pub fn is_id(&self) -> bool {
        matches!(
            self.kind,
            Kind::Name | Kind::Number | Kind::Quoted | Kind::Html
        ) && self.keyword().is_none()
    }
}

pub struct Lexer<'t> {
    file: &'t str,
    text: &'t str,
    bytes: &'t [u8],
    offset: usize,
    line: u64,
    column: u64,
    /// Only white space since the last line break (or the start): a `#` here starts a comment
    /// line, as the C preprocessor's line markers that Graphviz skips.
    line_start: bool,
}

impl<'t> Lexer<'t> {
    pub fn new(file: &'t str, text: &'t str) -> Self {
        Self {
            file,
            text,
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
            column: 1,
            line_start: true,
        }
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// Moves `n` bytes on, counting lines and characters.
    fn advance(&mut self, n: usize) {
        let end = (self.offset + n).min(self.bytes.len());
        for &byte in self.bytes.get(self.offset..end).unwrap_or_default() {
            if byte == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if byte & 0xC0 != 0x80 {
                // Not a continuation byte: a new character.
                self.column += 1;
            }
        }
        self.offset = end;
    }

    /// Moves on to `end` (a byte offset at or after the current one).
    fn advance_to(&mut self, end: usize) {
        self.advance(end.saturating_sub(self.offset));
    }

    fn error(&self, pos: Pos, detail: impl Into<String>) -> InterchangeError {
        Place::new(self.file, pos.location()).syntax(FORMAT, detail)
    }

    /// Skips white space and comments.
    fn skip(&mut self) -> Result<(), InterchangeError> {
        while let Some(byte) = self.byte(self.offset) {
            let next = self.byte(self.offset + 1);
            match byte {
                b'\n' => {
                    self.advance(1);
                    self.line_start = true;
                }
                b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c' => self.advance(1),
                b'#' if self.line_start => self.advance_to(self.line_end()),
                b'/' if next == Some(b'/') => self.advance_to(self.line_end()),
                b'/' if next == Some(b'*') => {
                    let start = self.pos();
                    match find(self.bytes, self.offset + 2, b"*/") {
                        Some(end) => self.advance_to(end + 2),
                        None => {
                            return Err(self.error(start, "this comment (/* …) is never closed"))
                        }
                    }
                    self.line_start = false;
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// Where the current line's line break is (or the end of the file).
    fn line_end(&self) -> usize {
        find(self.bytes, self.offset, b"\n").unwrap_or(self.bytes.len())
    }

    pub fn next_token(&mut self) -> Result<Token<'t>, InterchangeError> {
        self.skip()?;
        self.line_start = false;
        let pos = self.pos();
        let start = self.offset;
        let Some(byte) = self.byte(start) else {
            return Ok(Token {
                kind: Kind::End,
                text: "",
                pos,
            });
        };
        let next = self.byte(start + 1);
        let symbol = match byte {
            b'{' => Some(Kind::OpenBrace),
            b'}' => Some(Kind::CloseBrace),
            b'[' => Some(Kind::OpenBracket),
            b']' => Some(Kind::CloseBracket),
            b'=' => Some(Kind::Equals),
            b';' => Some(Kind::Semicolon),
            b',' => Some(Kind::Comma),
            b':' => Some(Kind::Colon),
            b'+' => Some(Kind::Plus),
            _ => None,
        };
        let (kind, text_start, text_end, end) =
            if let Some(kind) = symbol {
                (kind, start, start + 1, start + 1)
            } else {
                match byte {
                    b'-' if next == Some(b'>') => (Kind::Arrow, start, start + 2, start + 2),
                    b'-' if next == Some(b'-') => (Kind::Line, start, start + 2, start + 2),
                    b'"' => match closing_quote(self.bytes, start + 1) {
                        Some(close) => (Kind::Quoted, start + 1, close, close + 1),
                        None => return Err(self.error(
                            pos,
                            "this quoted text is never closed; a \" inside a text is written \\\"",
                        )),
                    },
                    b'<' => match closing_angle(self.bytes, start + 1) {
                        Some(close) => (Kind::Html, start + 1, close, close + 1),
                        None => {
                            return Err(
                                self.error(pos, "this HTML string (<…>) is never closed with a >")
                            )
                        }
                    },
                    b'-' | b'.' | b'0'..=b'9' => {
                        let end = self.number_end(start, pos)?;
                        (Kind::Number, start, end, end)
                    }
                    _ if is_name_start(byte) => {
                        let mut end = start + 1;
                        while self.byte(end).is_some_and(is_name_byte) {
                            end += 1;
                        }
                        (Kind::Name, start, end, end)
                    }
                    _ => {
                        let c = self
                            .text
                            .get(start..)
                            .and_then(|rest| rest.chars().next())
                            .unwrap_or('\u{fffd}');
                        return Err(
                            self.error(pos, format!("{} cannot stand here", shown(&c.to_string())))
                        );
                    }
                }
            };
        self.advance_to(end);
        Ok(Token {
            kind,
            text: self.text.get(text_start..text_end).unwrap_or_default(),
            pos,
        })
    }

    /// The end of the numeral at `start`, which is `-`, `.` or a digit.
    fn number_end(&self, start: usize, pos: Pos) -> Result<usize, InterchangeError> {
        let digits = |from: usize| {
            let mut end = from;
            while self.byte(end).is_some_and(|b| b.is_ascii_digit()) {
                end += 1;
            }
            end
        };
        let mut i = start;
        if self.byte(i) == Some(b'-') {
            i += 1;
        }
        let whole = digits(i);
        let end = if self.byte(whole) == Some(b'.') {
            digits(whole + 1)
        } else {
            whole
        };
        // Neither "-" nor "." alone, nor "-." is a number.
        if whole == i && end <= i + 1 {
            let c = char::from(self.byte(start).unwrap_or(b'?'));
            return Err(self.error(pos, format!("{} cannot stand here", shown(&c.to_string()))));
        }
        // Graphviz splits "2nd" into "2" and "nd" with a warning; a map would get two nodes.
        if self.byte(end).is_some_and(|b| is_name_byte(b) || b == b'.') {
            return Err(self.error(
                pos,
                "a name that starts with a digit (or is a number followed by letters) must be \
                 written in double quotes, as \"2nd step\"",
            ));
        }
        Ok(end)
    }
}

/// Letters, `_` and any byte of a non-ASCII character.
fn is_name_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || byte >= 0x80
}

fn is_name_byte(byte: u8) -> bool {
    is_name_start(byte) || byte.is_ascii_digit()
}

/// The `"` that closes a string whose text starts at `from`. A backslash takes the character
/// after it along (`\"` is a quote in the text, `\\` a backslash, so `"a\\"` ends after it).
fn closing_quote(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
}

/// The `>` that closes an HTML string whose text starts at `from`: angle brackets nest.
fn closing_angle(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1usize;
    let mut i = from;
    loop {
        match bytes.get(i)? {
            b'<' => depth += 1,
            b'>' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// The index of the first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|at| from + at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token of `text` as (kind, text, line, column), or the error's message.
    fn tokens(text: &str) -> Result<Vec<(Kind, &str, u64, u64)>, String> {
        let mut lexer = Lexer::new("t.dot", text);
        let mut out = Vec::new();
        loop {
            let token = lexer.next_token().map_err(|e| e.to_string())?;
            if token.kind == Kind::End {
                return Ok(out);
            }
            out.push((token.kind, token.text, token.pos.line, token.pos.column));
        }
    }

    #[test]
    fn names_numbers_strings_and_symbols() {
        use Kind::*;
        assert_eq!(
            tokens("a_1 -> -1.5 -- .5 \"x\\\"y\" <<b>x</b>> { } [ ] = ; , : +").unwrap(),
            [
                (Name, "a_1", 1, 1),
                (Arrow, "->", 1, 5),
                (Number, "-1.5", 1, 8),
                (Line, "--", 1, 13),
                (Number, ".5", 1, 16),
                (Quoted, "x\\\"y", 1, 19),
                (Html, "<b>x</b>", 1, 26),
                (OpenBrace, "{", 1, 37),
                (CloseBrace, "}", 1, 39),
                (OpenBracket, "[", 1, 41),
                (CloseBracket, "]", 1, 43),
                (Equals, "=", 1, 45),
                (Semicolon, ";", 1, 47),
                (Comma, ",", 1, 49),
                (Colon, ":", 1, 51),
                (Plus, "+", 1, 53),
            ]
        );
        // a--b is three tokens; 1. is a number.
        assert_eq!(
            tokens("a--b 1.").unwrap(),
            [
                (Name, "a", 1, 1),
                (Line, "--", 1, 2),
                (Name, "b", 1, 4),
                (Number, "1.", 1, 6)
            ]
        );
    }

    #[test]
    fn unicode_names_and_columns_in_characters() {
        assert_eq!(
            tokens("åsa -> öl\n  ärende → ✓").unwrap(),
            [
                (Kind::Name, "åsa", 1, 1),
                (Kind::Arrow, "->", 1, 5),
                (Kind::Name, "öl", 1, 8),
                (Kind::Name, "ärende", 2, 3),
                // As in Graphviz, every non-ASCII character counts as a letter.
                (Kind::Name, "→", 2, 10),
                (Kind::Name, "✓", 2, 12),
            ]
        );
    }

    #[test]
    fn comments_are_skipped() {
        assert_eq!(
            tokens("# 1 \"x.gv\"\na // b\n/* c\nd */ e\n  # f\ng").unwrap(),
            [
                (Kind::Name, "a", 2, 1),
                (Kind::Name, "e", 4, 6),
                (Kind::Name, "g", 6, 1)
            ]
        );
        // Inside a string, nothing is a comment.
        assert_eq!(
            tokens("\"// /* #\"").unwrap(),
            [(Kind::Quoted, "// /* #", 1, 1)]
        );
    }

    #[test]
    fn escapes_take_the_next_character_along() {
        assert_eq!(
            tokens(r#""a\\" b "c\"d""#).unwrap(),
            [
                (Kind::Quoted, r"a\\", 1, 1),
                (Kind::Name, "b", 1, 7),
                (Kind::Quoted, r#"c\"d"#, 1, 9)
            ]
        );
    }

    #[test]
    fn what_cannot_be_read_says_where() {
        for (text, expected) in [
            ("a\n \"open", "t.dot, line 2, column 2: this is not valid Graphviz DOT: this quoted text is never closed; a \" inside a text is written \\\""),
            ("a /* b", "t.dot, line 1, column 3: this is not valid Graphviz DOT: this comment (/* …) is never closed"),
            ("<a<b>", "t.dot, line 1, column 1: this is not valid Graphviz DOT: this HTML string (<…>) is never closed with a >"),
            ("a # b", "t.dot, line 1, column 3: this is not valid Graphviz DOT: “#” cannot stand here"),
            ("x 2nd", "t.dot, line 1, column 3: this is not valid Graphviz DOT: a name that starts with a digit (or is a number followed by letters) must be written in double quotes, as \"2nd step\""),
            ("1.2.3", "t.dot, line 1, column 1: this is not valid Graphviz DOT: a name that starts with a digit (or is a number followed by letters) must be written in double quotes, as \"2nd step\""),
            ("a - b", "t.dot, line 1, column 3: this is not valid Graphviz DOT: “-” cannot stand here"),
            ("-.", "t.dot, line 1, column 1: this is not valid Graphviz DOT: “-” cannot stand here"),
        ] {
            assert_eq!(tokens(text).map(|_| ()), Err(expected.to_owned()), "{text}");
        }
    }
}
