//! `duplicate-table-key`: the same value twice in the first column of a
//! table whose first column is a key.
//!
//! A first column is a key when nearly every body cell in it holds a code,
//! a code span or a link, or starts with a command switch, and nearly all
//! of them differ: an index of error codes, a list of cmdlets, a command's
//! parameters (the real `msiexec` page lists `/fc` twice, the second for
//! `/fv`, in its source and so in every translation). A column of
//! categories ("MAK", "KMS") repeats by nature and is left alone.

use std::collections::HashMap;

use crate::diagnostic::Finding;
use crate::markdown::facts::{Facts, TokenKind};

use super::Context;

/// Repeated keys of page `facts`: (unit of the repeat, unit of the first).
pub fn duplicates(facts: &Facts) -> Vec<(usize, usize)> {
    let mut tables: HashMap<u32, Vec<usize>> = HashMap::new();
    for (u, unit) in facts.units.iter().enumerate() {
        if let Some(table) = unit.kind.body_row() {
            tables.entry(table).or_default().push(u);
        }
    }
    let mut out = Vec::new();
    for rows in tables.values() {
        if rows.len() < 3 {
            continue;
        }
        let keys: Vec<Option<String>> = rows
            .iter()
            .map(|&u| {
                let unit = &facts.units[u];
                let key = facts.key(unit)?;
                let coded = facts.tokens_of(unit).iter().any(|t| {
                    matches!(
                        t.kind,
                        TokenKind::Code | TokenKind::InlineCode | TokenKind::Target
                    ) && (key.span.start..key.span.end).contains(&t.span().start)
                });
                let text = facts.cell_text(key);
                // Codes compare without case (`0x8007232a`); switches as
                // written, linked or not, since some commands tell `-r`
                // from `-R` (`nbtstat`) and the C++ compiler's options
                // table links `/C` and `/c` to two pages.
                let switch = super::switches::in_cell(text)
                    .first()
                    .is_some_and(|s| s.start == 0);
                if text.is_empty() {
                    None
                } else if switch {
                    Some(text.to_owned())
                } else {
                    coded.then(|| text.to_lowercase())
                }
            })
            .collect();
        let coded = keys.iter().flatten().count();
        let mut first: HashMap<&str, usize> = HashMap::new();
        let mut repeats = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            if let Some(key) = key {
                match first.get(key.as_str()) {
                    Some(&f) => repeats.push((rows[i], rows[f])),
                    None => {
                        first.insert(key, i);
                    }
                }
            }
        }
        // A key column: at least 80% coded cells, at most a quarter repeats.
        if coded * 5 >= rows.len() * 4 && repeats.len() * 4 <= coded {
            out.extend(repeats);
        }
    }
    out.sort_unstable();
    out
}

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut out = Vec::new();
        let facts = &page.doc.facts;
        let repeats = duplicates(facts);
        for &(repeat, first) in &repeats {
            let (Some(key), Some(first_key)) = (
                facts.key(&facts.units[repeat]),
                facts.key(&facts.units[first]),
            ) else {
                continue;
            };
            let first_location = cx.location(p, first_key.span.clone());
            // This occurrence and the ones before it (a third `/lp` says
            // so, rather than "twice").
            let lines: Vec<String> = std::iter::once(first_location.line)
                .chain(
                    repeats
                        .iter()
                        .filter(|(r, f)| *f == first && *r <= repeat)
                        .map(|(r, _)| cx.line(p, facts.units[*r].offset)),
                )
                .map(|l| l.to_string())
                .collect();
            let span = key_span(facts, repeat).unwrap_or(key.span.clone());
            out.push(
                Finding::warning(
                    "duplicate-table-key",
                    cx.location(p, span),
                    format!(
                        "`{}` appears {} in the first column of this table (lines {})",
                        facts.cell_text(key),
                        if lines.len() == 2 {
                            "twice".to_owned()
                        } else {
                            format!("{} times", lines.len())
                        },
                        super::and_list(&lines)
                    ),
                )
                .with_related(first_location, "the first occurrence")
                .with_help(
                    "each row of a key column names its own value: correct the one that is wrong",
                ),
            );
        }
        out
    })
}

/// The span of the code in a row's key cell, for a caret under it.
fn key_span(facts: &Facts, unit: usize) -> Option<std::ops::Range<usize>> {
    let unit = &facts.units[unit];
    let key = facts.key(unit)?;
    facts
        .tokens_of(unit)
        .iter()
        .find(|t| {
            t.kind == TokenKind::Code
                && t.span().start >= key.span.start
                && t.span().end <= key.span.end
                && !t.span().is_empty()
        })
        .map(|t| t.span())
}
