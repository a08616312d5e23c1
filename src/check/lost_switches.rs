//! First cells of parameters tables that lost a switch (see
//! [`super::switches`] for the rows and what a switch is).
//!
//! A first cell is flagged for each switch it lacks that the same row has
//! in another locale and that its own page names elsewhere: the syntax
//! block or an example, which every locale keeps as code. A switch in the
//! lost one's place is what the reader sees instead (the real it-it
//! `icacls` writes `/dy` for `/grant`), and the finding points at it;
//! having a switch the others lack is no evidence of anything by itself.
//! Where the page names the switch nowhere else, the cell may still tell:
//! it writes the switch's name apart from its mark (ko-kr `/ setowner`)
//! or without it (it-it `InheritanceLevel` for `/inheritancelevel:`).
//! That is weaker evidence, so it counts only for names that half the
//! row's other locales have, and of three letters or more unless the name
//! is the whole cell (es-es `b` for `/b`).

use std::ops::Range;

use crate::diagnostic::Finding;

use super::Context;
use super::switches::{KeyCell, Switch, in_rows, named_elsewhere};
use super::tokens::{Member, have};

/// The finding for member `i`'s first cell when it lacks switches that
/// the same row has in other locales (rows at the same place of tables as
/// long: codeless tables pair rows by their order) and that its own page
/// names elsewhere. Own switches that no other locale's row has are no
/// evidence either way, but they are what the reader sees instead
/// (`/dy` for `/grant`), so the finding points at the first of them.
pub(super) fn lacking(
    cx: &Context,
    members: &[Member],
    cells: &[Option<KeyCell>],
    i: usize,
    cell: &KeyCell,
) -> Option<Finding> {
    let page = members[i].0;
    let text = &cx.site.pages[page].source.text;
    let same_row = |k: usize| cells[k].as_ref().filter(|c| k != i && c.row == cell.row);
    let has = |c: &KeyCell, lower: &str| c.switches.iter().any(|(l, _, _)| l == lower);
    // A cell's own words are weaker evidence than the page's syntax: a
    // switch it writes apart must be in half the other locales' rows at
    // least, not a word one other translation made into a switch.
    let others = (0..members.len()).filter_map(same_row).count();
    let held_widely = |lower: &str| {
        let holding = (0..members.len())
            .filter_map(same_row)
            .filter(|c| has(c, lower))
            .count();
        holding * 2 >= others
    };
    // Each switch this cell lacks, once, with where this page names it;
    // else the first it writes apart from its mark (`/ setowner`).
    let mut lacking: Vec<(&str, &str, Range<usize>)> = Vec::new();
    let mut apart: Option<(&str, &str, Range<usize>)> = None;
    for (lower, written, _) in (0..members.len())
        .filter_map(same_row)
        .flat_map(|c| c.switches.iter())
    {
        if has(cell, lower) || lacking.iter().any(|(l, ..)| l == lower) {
            continue;
        }
        if let Some(named) = named_elsewhere(text, lower, &cell.span) {
            lacking.push((lower, written, named));
        } else if apart.is_none() && held_widely(lower) {
            apart = written_apart(text, &cell.span, lower).map(|at| (lower.as_str(), *written, at));
        }
    }
    let Some(&(first, ..)) = lacking.first() else {
        let (lower, written, at) = apart?;
        return Some(split(cx, members, cells, i, (lower, written), at));
    };
    let (holders, locales) = holding(cx, members, cells, i, first);
    let instead: Vec<&Switch> = cell
        .switches
        .iter()
        .filter(|(l, _, _)| !(0..members.len()).filter_map(same_row).any(|c| has(c, l)))
        .collect();
    let names: Vec<String> = lacking.iter().map(|(_, w, _)| format!("`{w}`")).collect();
    let lines: Vec<String> = lacking
        .iter()
        .map(|(_, _, named)| cx.location(page, named.clone()).line.to_string())
        .collect();
    let (switch, line) = if names.len() == 1 {
        ("switch", "line")
    } else {
        ("switches", "lines")
    };
    let mut message = format!(
        "this table row lacks the {switch} {}, which {} {} in the same row and this page names on {line} {}",
        and_list(&names),
        locales.join(", "),
        have(locales.len()),
        and_list(&lines)
    );
    if let Some((_, written, _)) = instead.first() {
        message.push_str(&format!(
            ", and has `{written}` there, which no other locale has"
        ));
    }
    if let Some((_, written, at)) = &apart {
        message.push_str(&format!(
            "; it also writes `{}` for `{written}`",
            &text[at.clone()]
        ));
    }
    let at = instead
        .first()
        .map_or(cell.span.clone(), |(_, _, at)| at.clone());
    let mut finding = Finding::error("translation-token-mismatch", cx.location(page, at), message)
        .with_help(format!(
            "write {} in this cell as {} does: translations keep command switches as they are",
            and_list(&names),
            locales.first().copied().unwrap_or("the other locale")
        ));
    for (_, _, named) in &lacking {
        finding = finding.with_related(
            cx.location(page, named.clone()),
            format!("this page names `{}` here", &text[named.clone()]),
        );
    }
    Some(in_rows(cx, members, holders, finding))
}

/// Where a first cell writes the name of switch `lower` apart from its
/// mark (`/ setowner`, as machine translation spaces it out) or without
/// it (`InheritanceLevel` for `/inheritancelevel:`): the cell itself shows
/// which switch it lost. Names of three letters or more anywhere in the
/// cell; shorter ones only as the whole cell (the real es-es `robocopy`
/// writes `b` for `/b`, its fr-fr twin `z` for `/z`): a letter among
/// other words may be any of them.
fn written_apart(text: &str, cell: &Range<usize>, lower: &str) -> Option<Range<usize>> {
    let name = lower.trim_start_matches(['/', '-']);
    let part = text.get(cell.clone())?;
    if name.len() < 3 {
        let whole = part.trim();
        let start = cell.start + (part.len() - part.trim_start().len());
        return (!name.is_empty() && whole.eq_ignore_ascii_case(name))
            .then(|| start..start + whole.len());
    }
    let part = part.to_ascii_lowercase();
    let bytes = part.as_bytes();
    let word = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-');
    part.match_indices(name).find_map(|(at, _)| {
        let end = at + name.len();
        if word(at.checked_sub(1).and_then(|b| bytes.get(b))) || word(bytes.get(end)) {
            return None;
        }
        // With the mark and the blanks after it, when it has one.
        let before = part[..at].trim_end_matches([' ', '\t']);
        let start = if before.ends_with(['/', '-']) {
            before.len() - 1
        } else {
            at
        };
        Some(cell.start + start..cell.start + end)
    })
}

/// The finding for a first cell that writes switch `(lower, written)` of
/// its row's other locales apart from its mark, at `at`.
fn split(
    cx: &Context,
    members: &[Member],
    cells: &[Option<KeyCell>],
    i: usize,
    (lower, written): (&str, &str),
    at: Range<usize>,
) -> Finding {
    let page = members[i].0;
    let text = &cx.site.pages[page].source.text;
    let (holders, locales) = holding(cx, members, cells, i, lower);
    let mine = &text[at.clone()];
    let finding = Finding::error(
        "translation-token-mismatch",
        cx.location(page, at),
        format!(
            "this table row writes `{mine}` where {} {} the switch `{written}`",
            locales.join(", "),
            have(locales.len())
        ),
    )
    .with_help(format!(
        "write `{written}` as {} does: a command switch is one word, its `{}` included",
        locales.first().copied().unwrap_or("the other locale"),
        &written[..1]
    ));
    in_rows(cx, members, holders, finding)
}

/// The members other than `i` whose first cell, in the same row as its,
/// has switch `lower`: each with where, and their locales.
fn holding<'c>(
    cx: &'c Context,
    members: &[Member],
    cells: &[Option<KeyCell>],
    i: usize,
    lower: &str,
) -> (Vec<(usize, Range<usize>)>, Vec<&'c str>) {
    let row = cells[i].as_ref().map(|c| c.row);
    let holders: Vec<(usize, Range<usize>)> = (0..members.len())
        .filter(|&k| k != i)
        .filter_map(|k| {
            let c = cells[k].as_ref().filter(|c| Some(c.row) == row)?;
            let (_, _, at) = c.switches.iter().find(|(l, _, _)| l == lower)?;
            Some((k, at.clone()))
        })
        .collect();
    let locales = holders
        .iter()
        .map(|(k, _)| cx.locale_key(members[*k].0))
        .collect();
    (holders, locales)
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
