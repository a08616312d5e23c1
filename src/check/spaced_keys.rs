//! A parameter in a table's first column that a translation split with a
//! space: part of `translation-token-mismatch`, beside [`super::switches`].
//!
//! Machine translation inserts spaces into the parameters it does not
//! recognise as switches: the real it-it `attrib` page lists `{+|-} r`
//! where the other locales, and its own syntax block, write `{+|-}r`
//! (`tests/data/real/`). A row's first cell is flagged when it differs
//! from the same row's in another locale only in spacing, and the page's
//! own code writes the other locale's form and not its own: the page says
//! which spelling is the parameter, no vote is taken. Cells holding a
//! switch are left to [`super::switches`].

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;

use super::Context;
use super::switches::{in_cell, in_rows};
use super::tokens::{Member, have};

/// The findings for one aligned table row.
pub fn split(cx: &Context, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    if !matches!(
        cx.site.pages[page].doc.facts.units[unit].kind,
        UnitKind::Row { header: false, .. }
    ) {
        return Vec::new();
    }
    let keys: Vec<Option<(&str, Range<usize>)>> = members
        .iter()
        .map(|&(p, u)| {
            let facts = &cx.site.pages[p].doc.facts;
            let cell = facts.key(&facts.units[u])?;
            let text = facts.cell_text(cell).trim();
            (!text.is_empty()).then(|| (text, cell.span.clone()))
        })
        .collect();
    let mut out = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let Some((own, span)) = key else { continue };
        if !own.contains(char::is_whitespace) {
            continue;
        }
        let page = members[i].0;
        let other = keys.iter().enumerate().find_map(|(j, k)| {
            let (theirs, _) = k.as_ref()?;
            (j != i
                && theirs != own
                && squeezed(theirs) == squeezed(own)
                && in_cell(theirs).is_empty())
            .then_some((j, *theirs))
        });
        let Some((j, theirs)) = other else { continue };
        let Some(written) = in_code(cx, page, theirs) else {
            continue;
        };
        if in_code(cx, page, own).is_some() {
            continue;
        }
        // Every locale whose cell is written as the code writes it.
        let holders: Vec<(usize, Range<usize>)> = (0..members.len())
            .filter_map(|k| {
                let (text, at) = keys[k].as_ref()?;
                (*text == theirs).then(|| (k, at.clone()))
            })
            .collect();
        let locales: Vec<&str> = holders
            .iter()
            .map(|(k, _)| cx.locale_key(members[*k].0))
            .collect();
        let written_at = cx.location(page, written.clone());
        let finding = Finding::error(
            "translation-token-mismatch",
            cx.location(page, span.clone()),
            format!(
                "this table row has `{own}` where {} {} `{theirs}`, which this page's code writes on line {}",
                locales.join(", "),
                have(locales.len()),
                written_at.line
            ),
        )
        .with_help(format!(
            "write `{theirs}` as {} and the code do: a parameter keeps its spelling, spaces included",
            cx.locale_key(members[j].0)
        ))
        .with_related(written_at, format!("this page writes `{theirs}` here"));
        out.push(in_rows(cx, members, holders, finding));
    }
    out
}

/// `text` without its whitespace.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Where `page`'s fenced code holds `needle`, as a byte range in the file.
fn in_code(cx: &Context, page: usize, needle: &str) -> Option<Range<usize>> {
    cx.in_fenced_code(page, |code| {
        code.find(needle).map(|at| at..at + needle.len())
    })
}
