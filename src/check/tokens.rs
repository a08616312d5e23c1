//! `translation-token-mismatch`: the translations of one block disagree on
//! what a translation must not change: codes, code spans, fenced code, link
//! targets, anchors.
//!
//! Every translation is aligned with one pivot page of its group (the
//! source locale's when the site names one, else the first locale's) by
//! [`crate::align`], and each aligned block's tokens are compared as sets,
//! so a code repeated in a row's message text changes nothing. The locale
//! that disagrees with a strict majority is flagged, the others are related
//! locations. Without a majority (two locales), each page's own evidence
//! decides: a link whose text contradicts its anchor, or a key repeated in
//! its table, marks the wrong side. Without evidence, both are reported.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::align;
use crate::diagnostic::Finding;
use crate::markdown::facts::{Facts, TokenKind, Unit, UnitKind};

use super::keyed::{self, Keyed};
use super::{Context, link_text, table_keys};

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.site
        .groups
        .par_iter()
        .filter(|g| g.len() >= 2)
        .flat_map_iter(|group| {
            let pivot = group
                .iter()
                .copied()
                .find(|&p| Some(cx.site.pages[p].locale()) == cx.source)
                .unwrap_or(group[0]);
            compare_group(cx, pivot, group)
        })
        .collect()
}

/// One block in one locale: (page, unit index).
type Member = (usize, usize);

fn compare_group(cx: &Context, pivot: usize, group: &[usize]) -> Vec<Finding> {
    let facts = |p: usize| &cx.site.pages[p].doc.facts;
    let mut rows: Vec<Vec<Member>> = (0..facts(pivot).units.len())
        .map(|u| vec![(pivot, u)])
        .collect();
    for &other in group.iter().filter(|&&p| p != pivot) {
        for pair in align::documents(facts(pivot), facts(other)) {
            if let (Some(u), Some(v)) = pair {
                rows[u].push((other, v));
            }
        }
    }
    let mut evidence = Evidence::default();
    let mut out = Vec::new();
    for members in rows.iter().filter(|m| m.len() >= 2) {
        let sets: Vec<&[u64]> = members
            .iter()
            .map(|&(p, u)| facts(p).set_of(&facts(p).units[u]))
            .collect();
        if sets.iter().all(|s| *s == sets[0]) {
            continue;
        }
        // As written they differ; as translations keep them they may not
        // (links to a heading's automatic id: see `keyed`).
        let keyed: Vec<Keyed> = members
            .iter()
            .map(|&(p, u)| keyed::tokens(cx, p, u))
            .collect();
        let sets: Vec<Vec<&(TokenKind, Cow<str>)>> =
            keyed.iter().map(|k| k.keys().collect()).collect();
        if sets.iter().all(|s| *s == sets[0]) {
            continue;
        }
        let majority = sets
            .iter()
            .find(|s| sets.iter().filter(|t| t == s).count() * 2 > sets.len());
        let flagged: Vec<usize> = match majority {
            Some(m) => (0..members.len()).filter(|&i| sets[i] != *m).collect(),
            None => {
                let marked: Vec<usize> = (0..members.len())
                    .filter(|&i| evidence.has(cx, members[i]))
                    .collect();
                if marked.is_empty() || marked.len() == members.len() {
                    (0..members.len()).collect()
                } else {
                    marked
                }
            }
        };
        for &i in &flagged {
            let others: Vec<usize> = match majority {
                Some(m) => (0..members.len()).filter(|&j| sets[j] == *m).collect(),
                None => (0..members.len())
                    .filter(|&j| j != i && !flagged.contains(&j))
                    .collect(),
            };
            let others = if others.is_empty() {
                (0..members.len()).filter(|&j| j != i).collect()
            } else {
                others
            };
            out.push(finding(cx, members, &keyed, i, &others));
        }
    }
    out
}

fn finding(
    cx: &Context,
    members: &[Member],
    keyed: &[Keyed],
    i: usize,
    others: &[usize],
) -> Finding {
    let (page, unit) = members[i];
    let facts = &cx.site.pages[page].doc.facts;
    let (own, reference) = (&keyed[i], &keyed[others[0]]);
    let (extra, missing) = (beyond(own, reference), beyond(reference, own));
    let extra = in_text_order(cx, members[i], extra.iter());
    let missing = in_text_order(cx, members[others[0]], missing.iter());
    // The message speaks for the locales that agree with the one it
    // quotes; with three locales all different, not for the third.
    let agreeing: Vec<usize> = others
        .iter()
        .copied()
        .filter(|&j| keyed[j].keys().eq(reference.keys()))
        .collect();
    let other_locales: Vec<&str> = agreeing
        .iter()
        .map(|&j| cx.locale_key(members[j].0))
        .collect();
    let other_locales = other_locales.join(", ");
    let others_count = agreeing.len();
    let shown = |m: Member, token: &(TokenKind, &str)| show(cx, m, token);
    let extra_shown: Vec<String> = extra.iter().map(|t| shown(members[i], t)).collect();
    let missing_shown: Vec<String> = missing
        .iter()
        .map(|t| shown(members[others[0]], t))
        .collect();
    let kind = kind_name(facts.units[unit].kind);
    let message = match (extra_shown.is_empty(), missing_shown.is_empty()) {
        (false, false) => format!(
            "this {kind} has {} where {other_locales} {} {}",
            extra_shown.join(", "),
            have(others_count),
            missing_shown.join(", ")
        ),
        (false, true) => format!(
            "this {kind} has {}, which {other_locales} {}",
            extra_shown.join(", "),
            if others_count == 1 { "lacks" } else { "lack" }
        ),
        _ => format!(
            "this {kind} lacks {}, which {other_locales} {}",
            missing_shown.join(", "),
            have(others_count)
        ),
    };
    let differing: Vec<&str> = others
        .iter()
        .filter(|j| !agreeing.contains(j))
        .map(|&j| cx.locale_key(members[j].0))
        .collect();
    let message = if differing.is_empty() {
        message
    } else {
        format!(
            "{message} ({} {} yet other tokens)",
            differing.join(", "),
            have(differing.len())
        )
    };
    let span = extra
        .first()
        .and_then(|t| span_of(facts, &facts.units[unit], t))
        .unwrap_or(facts.units[unit].offset..facts.units[unit].offset);
    let help = if extra.len() == 1
        && missing.len() == 1
        && extra[0].0 == missing[0].0
        && extra[0].0 != TokenKind::Fenced
    {
        let placeholders = extra[0].0 == TokenKind::InlineCode
            && crate::markdown::tokens::mask_placeholders(extra[0].1) != extra[0].1;
        if placeholders {
            format!(
                "make {} do what {other_locales}'s {} does, keeping this locale's placeholders; if this locale is right, correct the others",
                extra_shown[0], missing_shown[0],
            )
        } else {
            format!(
                "change {} to {}, as in {other_locales}; if this locale is right, correct the others",
                extra_shown[0], missing_shown[0],
            )
        }
    } else {
        format!(
            "translations keep codes, code, link targets, the files of includes and media, and anchors as they are: make this {kind} match {other_locales}"
        )
    };
    let mut result = Finding::error(
        "translation-token-mismatch",
        cx.location(page, span),
        message,
    )
    .with_help(help);
    for &j in others {
        let (p, u) = members[j];
        let other_facts = &cx.site.pages[p].doc.facts;
        let other_unit = &other_facts.units[u];
        // Its own first token this locale lacks (a third locale may
        // differ from the one the message quotes).
        let theirs = beyond(&keyed[j], own);
        let span = in_text_order(cx, members[j], theirs.iter())
            .first()
            .and_then(|t| span_of(other_facts, other_unit, t))
            .unwrap_or(other_unit.offset..other_unit.offset);
        result = result.with_related(
            cx.location(p, span),
            format!("the same {kind} in {}", cx.locale_key(p)),
        );
    }
    result
}

/// The tokens of `a` that `b` lacks, as `a` has them.
fn beyond<'a>(a: &Keyed<'a>, b: &Keyed<'_>) -> Vec<(TokenKind, &'a str)> {
    a.iter()
        .filter(|(key, _)| !b.contains_key(*key))
        .map(|((kind, _), value)| (*kind, *value))
        .collect()
}

fn have(n: usize) -> &'static str {
    if n == 1 { "has" } else { "have" }
}

fn kind_name(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Heading(_) => "heading",
        UnitKind::Paragraph => "paragraph",
        UnitKind::Row { .. } => "table row",
        UnitKind::Item => "list item",
        UnitKind::Code => "code block",
        UnitKind::Directive => "include or media block",
    }
}

/// `tokens` of block `member` in the order the text has them, so that the
/// message lists them as a reader meets them and the caret points at the
/// first; tokens with no place of their own (fenced code) come last.
fn in_text_order<'s, 'a>(
    cx: &Context,
    (page, unit): Member,
    tokens: impl Iterator<Item = &'s (TokenKind, &'a str)>,
) -> Vec<&'s (TokenKind, &'a str)>
where
    'a: 's,
{
    let facts = &cx.site.pages[page].doc.facts;
    let unit = &facts.units[unit];
    let mut placed: Vec<_> = tokens
        .map(|t| (span_of(facts, unit, t).map_or(usize::MAX, |s| s.start), t))
        .collect();
    placed.sort_by_key(|&(start, _)| start);
    placed.into_iter().map(|(_, t)| t).collect()
}

/// Where `token` stands in `unit`, when known.
fn span_of(facts: &Facts, unit: &Unit, token: &(TokenKind, &str)) -> Option<Range<usize>> {
    facts
        .tokens_of(unit)
        .iter()
        .find(|t| t.kind == token.0 && facts.value(t) == token.1 && !t.span().is_empty())
        .map(|t| t.span())
}

/// A token as its page writes it (`0x8007232A`, not the normalised form).
fn show(cx: &Context, (page, unit): Member, token: &(TokenKind, &str)) -> String {
    if token.0 == TokenKind::Fenced {
        return "other code".to_owned();
    }
    let facts = &cx.site.pages[page].doc.facts;
    let text = span_of(facts, &facts.units[unit], token)
        .filter(|_| token.0 == TokenKind::Code)
        .and_then(|span| cx.snippet(page, span))
        .unwrap_or(token.1);
    match token.0 {
        TokenKind::Anchor => format!("anchor `{text}`"),
        TokenKind::Source => format!("file `{text}`"),
        TokenKind::Target => format!("link `{text}`"),
        _ => format!("`{text}`"),
    }
}

/// A page's own signs that one of its blocks is wrong, computed on demand.
#[derive(Default)]
struct Evidence {
    repeats: HashMap<usize, Vec<usize>>,
}

impl Evidence {
    fn has(&mut self, cx: &Context, (page, unit): Member) -> bool {
        let facts = &cx.site.pages[page].doc.facts;
        let repeats = self.repeats.entry(page).or_insert_with(|| {
            table_keys::duplicates(facts)
                .into_iter()
                .map(|(r, _)| r)
                .collect()
        });
        repeats.contains(&unit) || link_mismatch(cx, page, facts, unit)
    }
}

/// Whether a link inside `unit` contradicts its own target.
fn link_mismatch(cx: &Context, page: usize, facts: &Facts, unit: usize) -> bool {
    let start = facts.units[unit].offset;
    let end = facts.units.get(unit + 1).map_or(usize::MAX, |u| u.offset);
    facts
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.span.start >= start && l.span.start < end)
        .any(|(l, _)| link_text::mismatch(cx, page, l).is_some())
}
