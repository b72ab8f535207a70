//! Guessing a file's format from its name and its first bytes, so that the app can offer the
//! right importer for a file dropped on the map.

use super::builder::FILE_BYTES_MAX;
use super::MapFormat;
use serde::de::IgnoredAny;
use std::collections::HashMap;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
/// How much of a file is looked at for XML root elements and CSV headers.
const SNIFF_BYTES: usize = 4096;

/// The format of a file, from its extension and its content; `None` when neither says.
pub fn detect(file_name: &str, bytes: &[u8]) -> Option<MapFormat> {
    if bytes.starts_with(PNG_SIGNATURE) {
        return Some(MapFormat::Png);
    }
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" => return Some(MapFormat::Csv),
        "graphml" => return Some(MapFormat::GraphMl),
        "gv" | "dot" => return Some(MapFormat::Dot),
        "canvas" => return Some(MapFormat::JsonCanvas),
        "svg" => return Some(MapFormat::Svg),
        "json" => return Some(json_format(bytes).unwrap_or(MapFormat::Kumu)),
        _ => {}
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with('{') {
        json_format(bytes)
    } else if head.starts_with('<') {
        if head.contains("<graphml") {
            Some(MapFormat::GraphMl)
        } else if head.contains("<svg") {
            Some(MapFormat::Svg)
        } else {
            None
        }
    } else if dot_header(head) {
        Some(MapFormat::Dot)
    } else {
        csv_header(head).then_some(MapFormat::Csv)
    }
}

/// Kumu blueprints have `elements` or `connections`; canvases have `nodes` or `edges`.
fn json_format(bytes: &[u8]) -> Option<MapFormat> {
    if bytes.len() > FILE_BYTES_MAX {
        return None;
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let keys: HashMap<String, IgnoredAny> = serde_json::from_slice(bytes).ok()?;
    if keys.contains_key("elements") || keys.contains_key("connections") {
        Some(MapFormat::Kumu)
    } else if keys.contains_key("nodes") || keys.contains_key("edges") {
        Some(MapFormat::JsonCanvas)
    } else {
        None
    }
}

/// Text that starts, after comments, with `digraph`, `graph` or `strict` as a whole word.
fn dot_header(head: &str) -> bool {
    let mut rest = head.trim_start();
    loop {
        if let Some(comment) = rest.strip_prefix("//") {
            rest = comment.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(comment) = rest.strip_prefix("/*") {
            rest = comment.split_once("*/").map_or("", |(_, after)| after);
        } else {
            break;
        }
        rest = rest.trim_start();
    }
    ["digraph", "graph", "strict"].iter().any(|word| {
        rest.get(..word.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(word))
            && !rest
                .get(word.len()..)
                .and_then(|after| after.chars().next())
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// A first line that names our CSV columns.
fn csv_header(head: &str) -> bool {
    let first_line = head.lines().next().unwrap_or_default().to_lowercase();
    let columns: Vec<&str> = first_line
        .split(',')
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    columns.len() > 1
        && (columns.contains(&"label") || (columns.contains(&"from") && columns.contains(&"to")))
}
