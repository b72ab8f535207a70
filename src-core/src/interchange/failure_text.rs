//! Failure points written as text, for formats that hold a node's or connection's failure points
//! in one text value (a CSV cell, a GraphML `<data>`, a Kumu field).
//!
//! One failure point is `[4] The description`, where 4 is its severity (1 to 5). Without a
//! severity it is just the description, or `[-] The description` when the description itself
//! starts with `[`. In a single text value, failure points are one per line; a line break inside a
//! description is written `\n`, a carriage return `\r` and a backslash `\\`.

use super::error::Place;
use super::InterchangeError;
use std::collections::HashMap;
use systematic_ipc::MapView;

/// A failure point's description and severity.
pub type Failure<'m> = (&'m str, Option<u8>);

/// The map's failure points by the id of the node or connection they are on, in map order.
pub fn by_item(map: &MapView) -> HashMap<&str, Vec<Failure<'_>>> {
    let mut on: HashMap<&str, Vec<Failure>> = HashMap::new();
    for failure in &map.failures {
        on.entry(failure.failure.on.as_str()).or_default().push((
            failure.failure.description.as_str(),
            failure.failure.severity,
        ));
    }
    on
}

/// A failure point as a file holds it: no id, and no "which item" (that is where it was found).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureText {
    pub description: String,
    pub severity: Option<u8>,
}

/// One failure point as `[severity] description`.
pub fn write_item(description: &str, severity: Option<u8>) -> String {
    match severity {
        Some(severity) => format!("[{severity}] {description}"),
        None if description.starts_with('[') => format!("[-] {description}"),
        None => description.to_owned(),
    }
}

/// Reads one `[severity] description`.
pub fn read_item(
    place: &Place,
    field: &'static str,
    item: &str,
) -> Result<FailureText, InterchangeError> {
    let item = item.trim();
    let (severity, description) = match split_severity(item) {
        Some(("-", rest)) => (None, rest),
        Some((digits, rest)) if digits.chars().all(|c| c.is_ascii_digit()) => {
            match digits.parse::<u8>() {
                Ok(severity @ 1..=5) => (Some(severity), rest),
                _ => {
                    return Err(place.bad_value(
                        field,
                        item,
                        "a severity is written [1] to [5] before the description",
                    ))
                }
            }
        }
        _ => (None, item),
    };
    let description = description.trim();
    if description.is_empty() {
        return Err(place.missing("failure point's description"));
    }
    Ok(FailureText {
        description: description.to_owned(),
        severity,
    })
}

/// `[x] rest` as `(x, rest)`, for a short `x` without spaces.
fn split_severity(item: &str) -> Option<(&str, &str)> {
    let inner = item.strip_prefix('[')?;
    let close = inner.find(']')?;
    let (marker, rest) = (inner.get(..close)?, inner.get(close + 1..)?);
    (!marker.is_empty() && marker.len() <= 3 && !marker.contains(char::is_whitespace))
        .then_some((marker, rest))
}

/// Several failure points as one text value, one per line.
pub fn write_list<'a>(failures: impl IntoIterator<Item = (&'a str, Option<u8>)>) -> String {
    failures
        .into_iter()
        .map(|(description, severity)| escape_line(&write_item(description, severity)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads a text value holding failure points one per line; blank lines are skipped.
pub fn read_list(
    place: &Place,
    field: &'static str,
    text: &str,
) -> Result<Vec<FailureText>, InterchangeError> {
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !line.trim().is_empty())
        .map(|line| read_item(place, field, &unescape_line(line)))
        .collect()
}

fn escape_line(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The inverse of [`escape_line`]; a backslash before any other character is kept as it is.
fn unescape_line(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.peek() {
            Some('\\') => text.push('\\'),
            Some('n') => text.push('\n'),
            Some('r') => text.push('\r'),
            _ => {
                text.push('\\');
                continue;
            }
        }
        chars.next();
    }
    text
}
