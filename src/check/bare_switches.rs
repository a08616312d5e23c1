//! `bare-switch`: a row of a parameters table whose first cell is a bare
//! word (`sec`) where the table's other rows start with a switch (`/s`,
//! `/copyall`, ...): machine translation dropped the `/`.
//!
//! The cross-locale switch checks ([`super::switches`]) need a locale
//! that kept the switch. When every translation of a version lost it, as
//! the real es-es and fr-fr `robocopy` both lost `/sec` (es-es `s`, fr-fr
//! `sec`, `tests/data/real/`), only the page itself can tell: a command's
//! switches table lists switches, and a plain word among them is one that
//! lost its mark. On the real translations in `tests/data/` every such
//! word is one (five, in three pages); placeholders (`\<Source>`) and
//! cells of several words are no bare words, and tables of fewer than
//! four rows, or where fewer than three quarters of the rows start with a
//! switch, are not switches tables.
//!
//! Also `switch-case-mismatch`, from the same first cells: in the table
//! of a command that tells `/r` from `/R`, a switch written in another
//! case than the page's own syntax writes it ([`case_changed`]).

use std::collections::HashMap;

use crate::diagnostic::Finding;

use super::Context;
use super::switches::{in_cell, words};

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let facts = &page.doc.facts;
        let text = page.source.text.as_str();
        // Each table's first cells: (their text as written, trimmed, and
        // where it starts in the file).
        let mut tables: HashMap<u32, Vec<(&str, usize)>> = HashMap::new();
        for unit in &facts.units {
            let Some(table) = unit.kind.body_row() else {
                continue;
            };
            let Some(cell) = facts.key(unit) else {
                continue;
            };
            let Some(written) = text.get(cell.span.clone()) else {
                continue;
            };
            let start = cell.span.start + (written.len() - written.trim_start().len());
            tables
                .entry(table)
                .or_default()
                .push((written.trim(), start));
        }
        let mut out = Vec::new();
        for keys in tables.values().filter(|keys| keys.len() >= 4) {
            out.extend(bare_words(cx, p, keys));
            out.extend(case_changed(cx, p, keys));
        }
        out
    })
}

/// The findings for one table's first cells, when it is a switches table.
fn bare_words(cx: &Context, page: usize, keys: &[(&str, usize)]) -> Vec<Finding> {
    // The switch each cell starts with, lower-cased.
    let leading: Vec<Option<String>> = keys
        .iter()
        .map(|(key, _)| {
            let first = in_cell(key).into_iter().next()?;
            (first.start == 0).then(|| key[first].to_ascii_lowercase())
        })
        .collect();
    let switches: Vec<&String> = leading.iter().flatten().collect();
    if switches.len() * 4 < keys.len() * 3 {
        return Vec::new();
    }
    let dashes = switches.iter().filter(|s| s.starts_with('-')).count();
    let mark = if dashes * 2 > switches.len() {
        '-'
    } else {
        '/'
    };
    let examples: Vec<String> = keys
        .iter()
        .zip(&leading)
        .filter_map(|((key, _), lead)| Some(format!("`{}`", &key[..lead.as_ref()?.len()])))
        .take(3)
        .collect();
    let bare = |key: &str| key.len() <= 20 && key.bytes().all(|b| b.is_ascii_alphabetic());
    let count = format!(
        "{} of this table's {} rows start with one ({})",
        switches.len(),
        keys.len(),
        examples.join(", ")
    );
    let mut out = Vec::new();
    for &(key, start) in keys {
        if let Some(split) = apart(key) {
            let shown = &key[split.clone()];
            let joined: String = shown.split_whitespace().collect();
            out.push(
                Finding::warning(
                    "bare-switch",
                    cx.location(page, start + split.start..start + split.end),
                    format!(
                        "`{shown}` writes a switch apart from its mark, while {count}: machine translation spaces switches out"
                    ),
                )
                .with_help(format!(
                    "write `{joined}`: a command switch is one word, its `{}` included",
                    &shown[..1]
                )),
            );
            continue;
        }
        if key.is_empty() || !bare(key) {
            continue;
        }
        let switch = format!("{mark}{}", key.to_ascii_lowercase());
        let taken = if switches.contains(&&switch) {
            format!(
                " (`{mark}{key}` is another row's switch already: this row's may be cut short too)"
            )
        } else {
            String::new()
        };
        out.push(
            Finding::warning(
                "bare-switch",
                cx.location(page, start..start + key.len()),
                format!(
                    "`{key}` is no switch, while {count}: machine translation drops the `{mark}` of a switch"
                ),
            )
            .with_help(format!(
                "write this row's switch with its `{mark}`, as the command takes it{taken}; the source or another locale shows it"
            )),
        );
    }
    out
}

/// `switch-case-mismatch` for one table's first cells: where the table
/// lists two switches that differ only in case (`/r` and `/R`: the
/// command tells them apart, as `nbtstat` does), a switch this page writes
/// nowhere else as it stands, while its syntax or examples write it in
/// another case that no other row lists. The real es-es `nbtstat` lists
/// `/C` for the `/c` of its syntax and example.
fn case_changed(cx: &Context, page: usize, keys: &[(&str, usize)]) -> Vec<Finding> {
    let leading: Vec<Option<&str>> = keys
        .iter()
        .map(|(key, _)| {
            let first = in_cell(key).into_iter().next()?;
            (first.start == 0).then(|| &key[first])
        })
        .collect();
    let listed: Vec<&str> = leading.iter().flatten().copied().collect();
    let pair = listed.iter().enumerate().find_map(|(i, a)| {
        listed[i + 1..]
            .iter()
            .find(|b| *b != a && b.eq_ignore_ascii_case(a))
            .map(|b| (*a, *b))
    });
    let Some((one, other)) = pair else {
        return Vec::new();
    };
    let text = cx.site.pages[page].source.text.as_str();
    let lowered = cx.lowered(page);
    let joins_before = |c: u8| c.is_ascii_alphanumeric() || b"/-<".contains(&c);
    let joins_after = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    let mut out = Vec::new();
    for (&(key, start), lead) in keys.iter().zip(&leading) {
        let Some(switch) = *lead else {
            continue;
        };
        let cell = start..start + key.len();
        let elsewhere = |at: &std::ops::Range<usize>| !cell.contains(&at.start);
        let as_written = words(text, switch, joins_before, joins_after).any(|at| elsewhere(&at));
        if as_written || listed.iter().filter(|s| **s == switch).count() > 1 {
            continue;
        }
        let lower = switch.to_ascii_lowercase();
        let variant = words(lowered, &lower, joins_before, joins_after)
            .filter(|at| elsewhere(at))
            .map(|at| (&text[at.clone()], at))
            .find(|(written, _)| *written != switch && !listed.contains(written));
        let Some((meant, at)) = variant else {
            continue;
        };
        let named = cx.location(page, at);
        out.push(
            Finding::warning(
                "switch-case-mismatch",
                cx.location(page, start..start + switch.len()),
                format!(
                    "`{switch}` is written nowhere else on this page, whose line {} writes `{meant}`; this command tells `{one}` from `{other}`, so the case of a switch is part of it",
                    named.line
                ),
            )
            .with_related(named, format!("this page writes `{meant}` here"))
            .with_help(format!(
                "write `{meant}`, as the page's syntax does; machine translation capitalises the start of a cell"
            )),
        );
    }
    out
}

/// The switch a first cell writes apart from its mark (`/ b`, `- Name`):
/// the mark, the blanks and the name, a word of ASCII letters that ends
/// the cell or is followed by no letter or digit.
fn apart(key: &str) -> Option<std::ops::Range<usize>> {
    let rest = key.strip_prefix(['/', '-'])?;
    let name = rest.trim_start_matches([' ', '\t']);
    if name.len() == rest.len() {
        return None;
    }
    let letters = name.bytes().take_while(u8::is_ascii_alphabetic).count();
    let after = name.as_bytes().get(letters);
    (letters > 0 && after.is_none_or(|b| !b.is_ascii_alphanumeric()))
        .then(|| 0..key.len() - name.len() + letters)
}
