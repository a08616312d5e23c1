//! Command switches a paragraph or list item lost in translation: the
//! prose half of the switch checks in `translation-token-mismatch`, the
//! table half being [`super::switches`].
//!
//! Machine translation mangles switches in prose as it does in tables:
//! the real de-de `xcopy` page writes `**"/z**` for `**/z**` in its
//! remarks (`tests/data/real/`). A block is warned when another locale's
//! same block mentions a switch that it does not, and its own page names
//! that switch elsewhere (the syntax block, a table), which says the
//! switch exists and the loss is no rewording. Prose is paired less
//! surely than table rows (a translator may split or join paragraphs),
//! so a switch the neighbouring blocks mention counts as kept, and the
//! finding is a warning: translators may also rephrase a mention away.
//! Having a switch never makes a block wrong.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;

use super::Context;
use super::switches::{in_cell, named_elsewhere};
use super::tokens::Member;

/// The warnings for one aligned paragraph or list item.
pub fn lost(cx: &Context, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    let kind = cx.site.pages[page].doc.facts.units[unit].kind;
    if !matches!(kind, UnitKind::Paragraph | UnitKind::Item) {
        return Vec::new();
    }
    let said: Vec<Vec<(String, Range<usize>)>> = members
        .iter()
        .map(|&(p, u)| mentions(cx, p, cx.unit_extent(p, u)))
        .collect();
    if said.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, &(page, unit)) in members.iter().enumerate() {
        let missing = |lower: &String| !said[i].iter().any(|(l, _)| l == lower);
        if !(0..members.len()).any(|j| j != i && said[j].iter().any(|(l, _)| missing(l))) {
            continue;
        }
        let text = &cx.site.pages[page].source.text;
        // This block and the prose next to it: a switch they mention was
        // kept, perhaps in a paragraph the translator split off.
        let units = &cx.site.pages[page].doc.facts.units;
        let prose = |u: &usize| matches!(units[*u].kind, UnitKind::Paragraph | UnitKind::Item);
        let first = unit.checked_sub(1).filter(prose).unwrap_or(unit);
        let last = Some(unit + 1)
            .filter(|u| *u < units.len())
            .filter(prose)
            .unwrap_or(unit);
        let near = cx.unit_extent(page, first).start..cx.unit_extent(page, last).end;
        let kept = mentions(cx, page, near.clone());
        let lost = (0..members.len())
            .filter(|&j| j != i)
            .flat_map(|j| said[j].iter().map(move |m| (j, m)))
            .filter(|(_, (lower, _))| !kept.iter().any(|(l, _)| l == lower))
            .find_map(|(j, (lower, at))| {
                named_elsewhere(cx, page, lower, &near).map(|named| (j, lower, at.clone(), named))
            });
        let Some((j, lower, their_at, named)) = lost else {
            continue;
        };
        let written = &cx.site.pages[members[j].0].source.text[their_at.clone()];
        let kind = if kind == UnitKind::Item {
            "list item"
        } else {
            "paragraph"
        };
        // Where the block still holds the switch's letters, mangled
        // (`"/z`), the caret goes there; else at the block's start.
        let block = cx.unit_extent(page, unit);
        let lowered = text.get(block.clone()).unwrap_or("").to_ascii_lowercase();
        let mangled = lowered
            .match_indices(lower.as_str())
            .map(|(i, _)| block.start + i..block.start + i + lower.len())
            .find(|at| {
                text.as_bytes()
                    .get(at.end)
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'-')
            });
        let seen = mangled.as_ref().map_or(String::new(), |at| {
            let from = text[..at.start]
                .char_indices()
                .next_back()
                .map_or(at.start, |(i, _)| i);
            format!(" (`{}` here is no switch)", &text[from..at.end])
        });
        let at = mangled.unwrap_or(block.start..block.start);
        let lost = Lost {
            written,
            first: (j, their_at),
            named,
        };
        out.push(not_mentioned(
            cx,
            members,
            (i, at),
            (kind, kind),
            lost,
            &seen,
            |k| Some(said[k].iter().find(|(l, _)| l == lower)?.1.clone()),
        ));
    }
    out
}

/// The switches mentioned in `range` of `page`'s text, lower-cased, with
/// their byte ranges in the file.
fn mentions(cx: &Context, page: usize, range: Range<usize>) -> Vec<(String, Range<usize>)> {
    let text = &cx.site.pages[page].source.text;
    let Some(part) = text.get(range.clone()) else {
        return Vec::new();
    };
    in_cell(part)
        .into_iter()
        .map(|r| {
            (
                super::switches::switch_key(&part[r.clone()]),
                range.start + r.start..range.start + r.end,
            )
        })
        .collect()
}

/// A switch a block does not mention: as another locale writes it, that
/// locale's member and where its block mentions it, and where the page
/// itself names it.
pub(super) struct Lost<'a> {
    pub(super) written: &'a str,
    pub(super) first: (usize, Range<usize>),
    pub(super) named: Range<usize>,
}

/// The warning for member `i`'s block (`what`: "paragraph", "table row";
/// `same`: how "the same ..." names it) that does not mention a switch,
/// at `at`. The finding names every locale whose block mentions it: the
/// first, then each other member where `also` finds it. `seen` ends the
/// message (what the block has in the switch's place).
pub(super) fn not_mentioned(
    cx: &Context,
    members: &[Member],
    (i, at): (usize, Range<usize>),
    (what, same): (&str, &str),
    Lost {
        written,
        first,
        named,
    }: Lost,
    seen: &str,
    also: impl Fn(usize) -> Option<Range<usize>>,
) -> Finding {
    let page = members[i].0;
    let j = first.0;
    let holders: Vec<(usize, Range<usize>)> = std::iter::once(first)
        .chain(
            (0..members.len())
                .filter(|&k| k != i && k != j)
                .filter_map(|k| Some((k, also(k)?))),
        )
        .collect();
    let named_at = cx.location(page, named);
    let locales: Vec<&str> = holders
        .iter()
        .map(|(k, _)| cx.locale_key(members[*k].0))
        .collect();
    let mention = if locales.len() == 1 {
        "mentions"
    } else {
        "mention"
    };
    let finding = Finding::warning(
        "translation-token-mismatch",
        cx.location(page, at),
        format!(
            "this {what} does not mention the switch `{written}`, which {} {mention} in the same {same} and this page names on line {}{seen}",
            locales.join(", "),
            named_at.line
        ),
    )
    .with_help(format!(
        "mention `{written}` here as {} does: translations keep command switches as they are",
        locales.first().copied().unwrap_or("the other locale")
    ))
    .with_related(named_at, format!("this page names `{written}` here"));
    same_in_holders(cx, members, finding, holders, what)
}

/// `finding` with the same `what` ("table row") of each of `holders`
/// (members, and where their block has what this one lacks) as related
/// locations, in the holders' order.
pub(super) fn same_in_holders(
    cx: &Context,
    members: &[Member],
    mut finding: Finding,
    holders: Vec<(usize, Range<usize>)>,
    what: &str,
) -> Finding {
    for (k, at) in holders {
        let page = members[k].0;
        finding = finding.with_related(
            cx.location(page, at),
            format!("the same {what} in {}", cx.locale_key(page)),
        );
    }
    finding
}
