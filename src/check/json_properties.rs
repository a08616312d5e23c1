//! `property-name-mismatch` and `translated-type-name`: a properties table
//! that its page's JSON representation contradicts.
//!
//! API reference pages (Microsoft Graph's, Intune's) list a resource's
//! properties in a table, name and type first, and show the resource as
//! JSON below it: `"displayName": "String"`. Property and type names are
//! code; machine translation still translates some. The real zh-cn Graph
//! pages (`tests/data/real-graph/`) name `description` `说明` and `field`
//! `字段`, and write the type `String` as `字符串` in one row of a column
//! that keeps `String` in the others. Nothing to compare with another
//! locale is needed: the JSON block of the same page names the property.
//!
//! A table is that JSON's properties table when its first column names
//! keys of the outermost object of one JSON code block of the page (a
//! `json` block, or the body of an `http` request or response): two
//! rows at least, and half of its rows. Then:
//! - a first cell naming no key is `property-name-mismatch` when it is no
//!   name at all (letters outside ASCII, spaces) and no key is among its
//!   words; the keys no row names are listed, the name meant being among
//!   them. A name in ASCII letters that is no key is left alone: the JSON
//!   may be an example that leaves properties out (a request body's), and
//!   German's `Feld` for `field` looks like any other name.
//! - a cell of the type column (the column where rows write the type the
//!   JSON gives their property as its value, `"String"`) is
//!   `translated-type-name` when it has letters outside ASCII where the
//!   JSON gives an ASCII type that the column writes as such in another
//!   row. A page that translates every `String` (and keeps
//!   `DateTimeOffset`) is not told: the column itself shows no type kept.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::Facts;

use super::Context;

/// A key of a JSON block's outermost object: its name, and its value when
/// that is a string of one word, a type's name (`"String"`; not `"String
/// (timestamp)"`, a `DateTimeOffset` the table writes as such).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key<'t> {
    name: &'t str,
    kind: Option<&'t str>,
}

/// A row of a properties table whose property the JSON gives a type:
/// the property, the type, and each cell's value and where it is.
type Typed<'t> = (&'t str, &'t str, Vec<(&'t str, Range<usize>)>);

/// A code block of the page in JSON: its keys, where it starts, and what
/// messages call it.
struct Json<'t> {
    keys: Vec<Key<'t>>,
    offset: usize,
    /// "JSON representation" for a `json` block, "request" or "response"
    /// for an `http` one.
    what: &'static str,
}

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let facts = &page.doc.facts;
        let text = page.source.text.as_str();
        let blocks = json_blocks(facts, text);
        if blocks.is_empty() {
            return Vec::new();
        }
        let mut tables: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (u, unit) in facts.units.iter().enumerate() {
            if let Some(table) = unit.kind.body_row() {
                tables.entry(table).or_default().push(u);
            }
        }
        let mut out = Vec::new();
        for rows in tables.values() {
            let names: Vec<&str> = rows
                .iter()
                .map(|&u| {
                    facts
                        .key(&facts.units[u])
                        .map_or("", |c| facts.cell_text(c))
                })
                .collect();
            let named = |block: &Json| {
                names
                    .iter()
                    .filter(|n| block.keys.iter().any(|k| k.name == **n))
                    .count()
            };
            let Some(block) = blocks.iter().max_by_key(|b| named(b)) else {
                continue;
            };
            let matched = named(block);
            if matched < 2 || matched * 2 < rows.len() {
                continue;
            }
            out.extend(names_mismatched(cx, p, facts, rows, &names, block));
            out.extend(types_translated(cx, p, facts, text, rows, &names, block));
        }
        out
    })
}

/// The page's code blocks in JSON that hold an object with keys: `json`
/// blocks, and the bodies of `http` requests and responses (what
/// follows their headers' blank line), as API pages show them.
fn json_blocks<'t>(facts: &Facts, text: &'t str) -> Vec<Json<'t>> {
    facts
        .fenced()
        .filter_map(|t| {
            let block = text.get(t.span())?;
            let (fence, code) = block.split_once('\n')?;
            let info = fence.trim().trim_start_matches(['`', '~']).trim();
            let language = info.split_whitespace().next().unwrap_or_default();
            let is = |name: &str| language.eq_ignore_ascii_case(name);
            let (code, what) = match () {
                _ if is("json") || is("jsonc") => (code, "JSON representation"),
                _ if is("http") => {
                    let blank = code.find("\n\n").or_else(|| code.find("\n\r\n"))?;
                    let what = if code.trim_start().starts_with("HTTP/") {
                        "response"
                    } else {
                        "request"
                    };
                    (&code[blank..], what)
                }
                _ => return None,
            };
            let keys = outer_keys(code);
            (!keys.is_empty()).then_some(Json {
                keys,
                offset: t.span().start,
                what,
            })
        })
        .collect()
}

/// First cells naming no key of `block`.
fn names_mismatched(
    cx: &Context,
    p: usize,
    facts: &Facts,
    rows: &[usize],
    names: &[&str],
    block: &Json,
) -> Vec<Finding> {
    let unnamed: Vec<&str> = block
        .keys
        .iter()
        .map(|k| k.name)
        .filter(|name| !name.starts_with('@') && !names.contains(name))
        .collect();
    let quoted: Vec<String> = unnamed.iter().map(|k| format!("`{k}`")).collect();
    let json_line = cx.line(p, block.offset);
    let what = block.what;
    let mismatched: Vec<(usize, &str)> = rows
        .iter()
        .zip(names)
        .filter(|(_, name)| !name.is_empty() && !block.keys.iter().any(|k| k.name == **name))
        .filter(|(_, name)| is_no_name(name, block))
        .map(|(&u, &name)| (u, name))
        .collect();
    // One name that no key is, one key that no row names: the one is the
    // other, as certain as the page can make it.
    let meant = match (mismatched.as_slice(), unnamed.as_slice()) {
        ([_], [key]) => Some(*key),
        _ => None,
    };
    let mut out = Vec::new();
    for &(u, name) in &mismatched {
        let Some(cell) = facts.key(&facts.units[u]) else {
            continue;
        };
        let (message, help) = if unnamed.is_empty() {
            (
                format!(
                    "`{name}` is no property of the {what} on line {json_line}, whose other properties this table names as written"
                ),
                format!(
                    "write the property's name as the {what} writes it: a name is code, the same in every language"
                ),
            )
        } else {
            (
                format!(
                    "`{name}` is no property of the {what} on line {json_line}, which has {} that no row of this table names",
                    super::and_list(&quoted)
                ),
                format!(
                    "write the property's name as the {what} writes it ({}): a name is code, the same in every language",
                    super::capped_list(&quoted)
                ),
            )
        };
        out.push(
            Finding::warning(
                "property-name-mismatch",
                cx.location(p, cell.span.clone()),
                message,
            )
            .with_related(
                cx.location(p, block.offset..block.offset),
                format!("the {what}"),
            )
            .with_help(help)
            .with_fix(meant.and_then(|key| name_edit(cx, p, cell.span.clone(), name, key))),
        );
    }
    out
}

/// Whether first cell `name`, which is no key of `block`, is no name at
/// all: letters outside ASCII or spaces, and no key among its words
/// (`id (key)` names `id`). A name in ASCII letters that is no key may be
/// a property the JSON, often an example, leaves out: not told.
fn is_no_name(name: &str, block: &Json) -> bool {
    name.chars()
        .any(|c| !(c.is_ascii_alphanumeric() || "_.@$-".contains(c)))
        && !name
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|word| block.keys.iter().any(|k| k.name == word))
}

/// The edit that writes `key` for `name` in the first cell at `span`
/// (the name as written there, not the cell's markup).
fn name_edit(
    cx: &Context,
    p: usize,
    span: Range<usize>,
    name: &str,
    key: &str,
) -> Option<crate::diagnostic::Edit> {
    let written = cx.snippet(p, span.clone())?;
    let at = written.find(name)?;
    let start = span.start + at;
    cx.edit(p, start..start + name.len(), key.to_owned())
}

/// Type cells translated where their column keeps the same type as
/// written in another row.
fn types_translated(
    cx: &Context,
    p: usize,
    facts: &Facts,
    text: &str,
    rows: &[usize],
    names: &[&str],
    block: &Json,
) -> Vec<Finding> {
    // Each row's property and type, as the JSON gives it, and its cells'
    // values.
    let typed: Vec<Typed> = rows
        .iter()
        .zip(names)
        .filter_map(|(&u, &name)| {
            let kind = block.keys.iter().find(|k| k.name == name)?.kind?;
            let cells = facts
                .row_cells(&facts.units[u])
                .iter()
                .filter_map(|cell| {
                    let span = cell.span();
                    let written = text.get(span.clone())?;
                    let within = super::cell_value(written);
                    let value = written.get(within.clone())?;
                    Some((value, span.start + within.start..span.start + within.end))
                })
                .collect();
            Some((name, kind, cells))
        })
        .collect();
    // The type column: where most rows write the type the JSON gives.
    let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
    for (_, kind, cells) in &typed {
        for (column, (value, _)) in cells.iter().enumerate().skip(1) {
            if value.eq_ignore_ascii_case(kind) {
                *votes.entry(column).or_default() += 1;
            }
        }
    }
    let Some((&column, _)) = votes
        .iter()
        .max_by_key(|&(c, n)| (*n, std::cmp::Reverse(*c)))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (property, kind, cells) in &typed {
        let Some((value, span)) = cells.get(column) else {
            continue;
        };
        if value.is_ascii() || value.eq_ignore_ascii_case(kind) {
            continue;
        }
        // The other rows that write this type as code, and how.
        let kept: Vec<(&str, usize)> = typed
            .iter()
            .filter_map(|(_, _, others)| {
                let (other, at) = others.get(column)?;
                other
                    .eq_ignore_ascii_case(kind)
                    .then(|| (*other, cx.line(p, at.start)))
            })
            .collect();
        let Some(&(written, _)) = kept.first() else {
            continue;
        };
        let lines: Vec<String> = kept.iter().map(|(_, line)| line.to_string()).collect();
        out.push(
            Finding::warning(
                "translated-type-name",
                cx.location(p, span.clone()),
                format!(
                    "`{value}` is the type `{written}` translated: the {} on line {} gives `{property}` as `{kind}`, and this column writes `{written}` on line{} {}",
                    block.what,
                    cx.line(p, block.offset),
                    if lines.len() == 1 { "" } else { "s" },
                    super::and_list(&lines)
                ),
            )
            .with_help(format!(
                "write `{written}`: a type's name is code, the same in every language"
            ))
            .with_fix(cx.edit(p, span.clone(), written.to_owned())),
        );
    }
    out
}

/// The keys of the outermost object of JSON text `code`, in order, read
/// leniently: a resource's representation is often no valid JSON
/// (`"id": "String (identifier)",` before `}`, comments, ellipses).
fn outer_keys(code: &str) -> Vec<Key<'_>> {
    let bytes = code.as_bytes();
    let mut keys = Vec::new();
    let (mut i, mut depth) = (0, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                let end = string_end(bytes, start);
                i = end + 1;
                if depth != 1 {
                    continue;
                }
                let mut j = skip_spaces(bytes, i);
                if bytes.get(j) != Some(&b':') {
                    continue;
                }
                j = skip_spaces(bytes, j + 1);
                let kind = if bytes.get(j) == Some(&b'"') {
                    let value_end = string_end(bytes, j + 1);
                    let value = code.get(j + 1..value_end).unwrap_or_default();
                    i = value_end + 1;
                    // A type alone: `"String (timestamp)"` is a
                    // DateTimeOffset that the table writes as such.
                    let word = value.trim();
                    (!word.is_empty()
                        && word
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                    .then_some(word)
                } else {
                    None
                };
                if let Some(name) = code.get(start..end) {
                    keys.push(Key { name, kind });
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                // Past the outermost object: what follows is another's.
                if depth == 0 && !keys.is_empty() {
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    keys
}

/// Where the string starting at `start` (after its `"`) ends: the index
/// of its closing quote, or the text's end.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' | b'\n' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn skip_spaces(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outermost_objects_keys_are_read_leniently() {
        let code = "{\n  \"@odata.type\": \"#microsoft.graph.x\",\n  \"id\": \"String (identifier)\",\n  \"buckets\": [{\"@odata.type\": \"microsoft.graph.searchBucket\"}],\n  \"count\": 1024,\n  \"say \\\"hi\\\"\": \"Int32\",\n}\n{\"other\": \"String\"}\n";
        let keys = outer_keys(code);
        assert_eq!(
            keys,
            [
                Key {
                    name: "@odata.type",
                    kind: None
                },
                Key {
                    name: "id",
                    kind: None
                },
                Key {
                    name: "buckets",
                    kind: None
                },
                Key {
                    name: "count",
                    kind: None
                },
                Key {
                    name: "say \\\"hi\\\"",
                    kind: Some("Int32")
                },
            ]
        );
        // A value string's words are no keys; an unclosed string ends at
        // its line.
        assert_eq!(
            outer_keys("{\"a\": \"b: c\", \"d\": \"e\n\"f\": 1}")
                .iter()
                .map(|k| k.name)
                .collect::<Vec<_>>(),
            ["a", "d", "f"]
        );
    }
}
