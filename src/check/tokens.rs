//! `translation-token-mismatch`: the translations of one block disagree on
//! what a translation must not change: codes, code spans, fenced code, link
//! targets, anchors, and command switches (those judged apart, in
//! [`super::switches`] for tables, [`super::switch_mentions`] for prose
//! and [`super::heading_names`] for headings), placeholders prose names
//! in italics ([`super::placeholder_mentions`]), and cmdlet and API names
//! in link texts ([`super::command_links`], [`super::link_names`]).
//!
//! Only pages made from the same source version are compared: pages whose
//! `ms.openlocfilehash` differ were translated from different versions of
//! the source, and what changed between those versions is no mistake
//! anyone should fix by hand (the next hand-off brings it; `polydoc drift`
//! reports the older page as outdated). Pages without the key (a source
//! locale, translations kept by hand) are compared with each other, and
//! with each translation whose key is the hash of their text
//! ([`crate::loc_hash`]): the very text it was made from.
//!
//! Every translation is aligned with one pivot page (the source locale's
//! when the site names one, else the first locale's) by [`crate::align`],
//! and each aligned block's tokens are compared as sets, so a code repeated
//! in a row's message text changes nothing. Who is wrong:
//! - With the source locale's page among them, the translations that differ
//!   from it, the source being the reference; unless the source's own block
//!   shows the slip (a link whose text contradicts its anchor, a key
//!   repeated in its table) and no differing translation's does.
//! - Else the locale that disagrees with a strict majority; the others are
//!   related locations.
//! - Without a majority (two locales), each page's own evidence, as above
//!   or a machine-translation placeholder (`@no__t-0`) in the block, or a
//!   number it writes split after a group separator ([`split_numbers`]),
//!   marks the wrong side; so does, where one block only lacks codes the
//!   other has, its own page's fenced code writing them
//!   ([`lost_but_in_code`]).
//!   Without evidence, both are reported.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::align;
use crate::diagnostic::Finding;
use crate::markdown::facts::{Facts, TokenKind, Unit, UnitKind};

use super::keyed::{self, Keyed};
use super::{
    Context, block_links, bold_names, bold_symbols, bold_terms, capped_and_list, capped_list,
    cells, command_links, heading_names, link_names, link_text, mt_placeholders,
    placeholder_mentions, spaced_keys, split_numbers, switch_mentions, switches, table_keys,
    transliterated_names, value_words,
};

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.site
        .groups
        .par_iter()
        .filter(|g| g.len() >= 2)
        .flat_map_iter(|group| {
            source_versions(cx, group)
                .into_iter()
                .filter(|pages| pages.len() >= 2)
                .flat_map(|pages| {
                    let source = pages
                        .iter()
                        .copied()
                        .find(|&p| Some(cx.site.pages[p].locale()) == cx.site.source);
                    compare_group(cx, source, &pages)
                })
        })
        .collect()
}

/// The pages of `group` by the source version they were translated from
/// ([`crate::site::Site::source_versions`]), in group order. Almost always
/// one list: the whole group.
pub(super) fn source_versions(cx: &Context, group: &[usize]) -> Vec<Vec<usize>> {
    let version = cx.site.source_versions(group);
    (0..group.len())
        .filter(|&m| version[m] == m)
        .map(|first| {
            (0..group.len())
                .filter(|&m| version[m] == first)
                .map(|m| group[m])
                .collect()
        })
        .collect()
}

/// One block in one locale: (page, unit index). The switch checks
/// ([`super::switches`] and its neighbours) take the aligned blocks so.
pub(super) type Member = (usize, usize);

/// Compares the pages of one source version; `source` is the source
/// locale's page when it is among them, the pivot every page is aligned
/// with (then the first member of every aligned block).
fn compare_group(cx: &Context, source: Option<usize>, group: &[usize]) -> Vec<Finding> {
    let pivot = source.unwrap_or(group[0]);
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
    // Terms in bold a translation wrote otherwise, told once their pages
    // are read ([`bold_terms::resolve`]).
    let mut terms = Vec::new();
    // Whether a page of the group is in a language written in Cyrillic,
    // asked once per group, not per block.
    let cyrillic = group
        .iter()
        .any(|&p| transliterated_names::cyrillic_script(cx.locale_key(p)));
    for members in rows.iter().filter(|m| m.len() >= 2) {
        out.extend(switches::missing(cx, members));
        out.extend(switch_mentions::lost(cx, members));
        out.extend(placeholder_mentions::renamed(cx, members));
        out.extend(heading_names::renamed(cx, members));
        // The block's links in each member, read once for the three rules
        // that compare link texts.
        let links: Vec<_> = members.iter().map(|&m| block_links::links(cx, m)).collect();
        out.extend(command_links::translated(cx, members, &links));
        out.extend(link_names::lost(cx, members, &links));
        out.extend(transliterated_names::found(cx, members, &links, cyrillic));
        out.extend(spaced_keys::split(cx, members));
        out.extend(value_words::added(cx, source.is_some(), members));
        out.extend(bold_names::changed(cx, source.is_some(), members));
        out.extend(bold_symbols::changed(cx, source.is_some(), members));
        terms.extend(bold_terms::candidates(cx, source.is_some(), members));
        let sets: Vec<&[u64]> = members
            .iter()
            .map(|&(p, u)| facts(p).set_of(&facts(p).units[u]))
            .collect();
        if sets.iter().all(|s| *s == sets[0]) {
            continue;
        }
        // As written they differ; as translations keep them they may not
        // (links to a heading's automatic id: see `keyed`).
        let mut keyed: Vec<Keyed> = members
            .iter()
            .map(|&(p, u)| keyed::tokens(cx, p, u))
            .collect();
        unanchored_as_kept(&mut keyed);
        cmdlets_as_kept(&mut keyed);
        let sets: Vec<Vec<&(TokenKind, Cow<str>)>> =
            keyed.iter().map(|k| k.keys().collect()).collect();
        if sets.iter().all(|s| *s == sets[0]) {
            continue;
        }
        // Member 0 is the pivot: the source's block when there is one.
        let reference = if source.is_some() {
            let differing: Vec<usize> =
                (1..members.len()).filter(|&i| sets[i] != sets[0]).collect();
            let source_slipped = evidence.has(cx, members[0])
                && !differing.iter().any(|&i| evidence.has(cx, members[i]));
            (!source_slipped).then_some(&sets[0])
        } else {
            sets.iter()
                .find(|s| sets.iter().filter(|t| t == s).count() * 2 > sets.len())
        };
        let mut in_code = None;
        let flagged: Vec<usize> = match reference {
            Some(m) => (0..members.len()).filter(|&i| sets[i] != *m).collect(),
            None if source.is_some() => vec![0],
            None => {
                // A number written apart is wrong in any language.
                let split: Vec<usize> = (0..members.len())
                    .filter(|&i| {
                        (0..members.len()).any(|j| {
                            j != i && split_apart(cx, members[i], &keyed[i], &keyed[j]).is_some()
                        })
                    })
                    .collect();
                let marked: Vec<usize> = (0..members.len())
                    .filter(|&i| evidence.has(cx, members[i]))
                    .collect();
                if !split.is_empty() && split.len() < members.len() {
                    split
                } else if !marked.is_empty() && marked.len() < members.len() {
                    marked
                } else if let Some((i, at)) = lost_but_in_code(cx, members, &keyed) {
                    in_code = Some(at);
                    vec![i]
                } else {
                    (0..members.len()).collect()
                }
            }
        };
        // Every member told, none outvoted and no page's evidence against
        // one: one of them is right, and nothing here says which.
        let undecided = reference.is_none() && flagged.len() == members.len();
        for &i in &flagged {
            let others: Vec<usize> = match reference {
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
            let mut found = finding(cx, members, &keyed, i, &others, undecided);
            if let Some(at) = in_code.clone() {
                let written = cx.location(members[i].0, at);
                found.message = format!(
                    "{}, and this page's own code writes on line {}",
                    found.message, written.line
                );
                found = found.with_related(written, "this page's code writes it here");
            }
            out.push(found);
        }
    }
    out.extend(cells::differ(cx, source.is_some(), &rows));
    out.extend(bold_terms::resolve(cx, group, terms));
    out
}

/// With two peers and no other evidence: where one block only lacks
/// tokens the other has (nothing stands in their place) and its own
/// page's fenced code writes each of them, that block lost them: the
/// member, and where its code writes the first. The real zh-cn `msiexec`
/// dropped the product code `{AAD3D77A-7476-...}` from the sentence
/// before the example that runs `msiexec.exe /fa {AAD3D77A-7476-...}`;
/// es-es kept it, and only zh-cn is told.
fn lost_but_in_code(
    cx: &Context,
    members: &[Member],
    keyed: &[Keyed],
) -> Option<(usize, Range<usize>)> {
    let [a, b] = keyed else {
        return None;
    };
    let (lacking, having) = if beyond(a, b).is_empty() {
        (0, b)
    } else if beyond(b, a).is_empty() {
        (1, a)
    } else {
        return None;
    };
    let missing = beyond(having, &keyed[lacking]);
    let page = members[lacking].0;
    let mut first = None;
    for (kind, value) in &missing {
        if !matches!(kind, TokenKind::Code | TokenKind::InlineCode) {
            return None;
        }
        let lowered = value.to_ascii_lowercase();
        // Each of its runs of letters and digits must be a word of the code.
        let words = cx.code_words(page);
        if !lowered
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| words.contains(w))
        {
            return None;
        }
        let at = cx.in_fenced_code(page, |code| {
            let code = code.to_ascii_lowercase();
            switches::words(
                &code,
                &lowered,
                |c| c.is_ascii_alphanumeric(),
                |c| c.is_ascii_alphanumeric(),
            )
            .next()
        })?;
        first.get_or_insert(at);
    }
    first.map(|at| (lacking, at))
}

/// The numbers block `member` writes apart, when they are all that
/// differs between its tokens, `own`, and another locale's, `reference`
/// ([`split_numbers`]).
fn split_apart(
    cx: &Context,
    (page, unit): Member,
    own: &Keyed,
    reference: &Keyed,
) -> Option<Vec<split_numbers::Split>> {
    let missing = beyond(reference, own);
    // Most differences are no numbers: spare them the spans.
    if missing.is_empty() || missing.iter().any(|(kind, _)| *kind != TokenKind::Code) {
        return None;
    }
    let facts = &cx.site.pages[page].doc.facts;
    let places = Places::of(facts, &facts.units[unit]);
    let extra: Vec<(TokenKind, Option<Range<usize>>)> = beyond(own, reference)
        .iter()
        .map(|t| (t.0, places.get(t)))
        .collect();
    let extent = cx.unit_extent(page, unit);
    let text = cx.site.pages[page].source.text.get(extent.clone())?;
    split_numbers::explain(text, extent.start, &extra, &missing)
}

/// Where some translations of a block have explicit anchors
/// (`<a name="processor"></a>`) and others none at all, the anchors are
/// not compared. Microsoft's localization adds those anchors in a later
/// hand-off, so that the source's English ids keep working; a page
/// without them still has its heading's automatic id, and the page with
/// them is the better one, not a slip (six real translations of one
/// version, `tests/data/real/*/get-started/System-Requirements.md`: only
/// fr-fr's, handed off later, has them). Two different anchors are still
/// a mismatch, and a link to an anchor a page lacks is `missing-anchor`.
fn unanchored_as_kept(keyed: &mut [Keyed]) {
    let anchored = |k: &Keyed| k.keys().any(|(kind, _)| *kind == TokenKind::Anchor);
    if keyed.iter().any(anchored) && !keyed.iter().all(anchored) {
        for k in keyed.iter_mut() {
            k.retain(|(kind, _), _| *kind != TokenKind::Anchor);
        }
    }
}

/// Cmdlets are compared only where each translation of the block names
/// one with the same verb: a cmdlet put in another's place
/// (`New-PSSessionOption` for `New-PSTransportOption`, a real ja-jp
/// slip) is a mismatch; a cmdlet one translation names and another
/// paraphrases, or a German compound that looks like one
/// (`Test-Umgebung`), is not ([`crate::markdown::cmdlets`]).
fn cmdlets_as_kept(keyed: &mut [Keyed]) {
    use crate::markdown::cmdlets::verb;
    let verbs = |k: &Keyed| -> Vec<String> {
        k.keys()
            .filter(|(kind, _)| *kind == TokenKind::Cmdlet)
            .map(|(_, name)| verb(name).to_owned())
            .collect()
    };
    let named: Vec<Vec<String>> = keyed.iter().map(verbs).collect();
    if named.iter().all(Vec::is_empty) {
        return;
    }
    for k in keyed.iter_mut() {
        k.retain(|(kind, name), _| {
            *kind != TokenKind::Cmdlet || named.iter().all(|v| v.iter().any(|x| x == verb(name)))
        });
    }
}

/// The finding on member `i`, whose tokens differ from `others`' (the
/// first is quoted); `undecided` when every member is told, and the help
/// then says that nothing tells which is right.
fn finding(
    cx: &Context,
    members: &[Member],
    keyed: &[Keyed],
    i: usize,
    others: &[usize],
    undecided: bool,
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
    let other_locales = cx.locale_labels(agreeing.iter().map(|&j| members[j].0));
    // What to do when the one quoted as right is not; when nothing tells
    // which is, the help must not send this locale's maintainer to copy
    // what may be the mistake (the real de-de `MSSQLSERVER_18456` page
    // put `Source` and `Message` of a table's header in code spans that
    // pt-br, rightly, translated).
    let otherwise = if undecided {
        "nothing on these pages tells which locale is right: compare with the source and correct the one that differs".to_owned()
    } else {
        cx.if_wrong(members[others[0]].0)
    };
    let others_count = agreeing.len();
    let (q, v) = members[others[0]];
    let own_places = Places::of(facts, &facts.units[unit]);
    let their_places = Places::of(
        &cx.site.pages[q].doc.facts,
        &cx.site.pages[q].doc.facts.units[v],
    );
    let extra_shown: Vec<String> = extra
        .iter()
        .map(|t| show(cx, page, &own_places, t))
        .collect();
    let missing_shown: Vec<String> = missing
        .iter()
        .map(|t| show(cx, q, &their_places, t))
        .collect();
    let kind = facts.units[unit].kind.name();
    let splits = split_apart(cx, members[i], own, reference).unwrap_or_default();
    let split_shown: Vec<String> = splits
        .iter()
        .map(|s| format!("`{}`", &cx.site.pages[page].source.text[s.span.clone()]))
        .collect();
    let message = if !splits.is_empty() {
        format!(
            "this {kind} has {} where {other_locales} {} {}: {}",
            capped_list(&split_shown),
            have(others_count),
            capped_list(&missing_shown),
            if splits.len() == 1 {
                "a space after a digit-group separator splits the number"
            } else {
                "a space after a digit-group separator splits each number"
            }
        )
    } else {
        match (extra_shown.is_empty(), missing_shown.is_empty()) {
            (false, false) => format!(
                "this {kind} has {} where {other_locales} {} {}",
                capped_list(&extra_shown),
                have(others_count),
                capped_list(&missing_shown)
            ),
            (false, true) => format!(
                "this {kind} has {}, which {other_locales} {}",
                capped_list(&extra_shown),
                if others_count == 1 { "lacks" } else { "lack" }
            ),
            _ => format!(
                "this {kind} lacks {}, which {other_locales} {}",
                capped_list(&missing_shown),
                have(others_count)
            ),
        }
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
    // A code span split in two, the rest in the next block (the real
    // de-de `DATEDIFF` page splits ten statements so): say so.
    let split = match (extra.as_slice(), missing.as_slice()) {
        ([(TokenKind::InlineCode, part)], [(TokenKind::InlineCode, whole)]) => {
            split_code(facts, unit, part, whole)
        }
        _ => None,
    };
    let message = match split {
        Some((rest, next)) => format!(
            "{message}: the next {} holds the rest, `{rest}`",
            next.name()
        ),
        None => message,
    };
    let joined = joined_code(&extra, &missing);
    let message = if joined {
        format!("{message}: code spans written with nothing between them read as one")
    } else {
        message
    };
    let span = splits
        .first()
        .map(|s| s.span.clone())
        .or_else(|| {
            extra
                .first()
                .and_then(|t| shown_span(cx, page, &facts.units[unit], t))
        })
        .unwrap_or(facts.units[unit].offset..facts.units[unit].offset);
    let help = if !splits.is_empty() {
        let joined: Vec<String> = splits.iter().map(|s| format!("`{}`", s.joined)).collect();
        format!(
            "write {}, without the space: {other_locales} {} {} whole",
            capped_and_list(&joined),
            if others_count == 1 { "writes" } else { "write" },
            if splits.len() == 1 {
                "the number"
            } else {
                "the numbers"
            }
        )
    } else if joined {
        format!(
            "write {} apart, with a space or words between them, as in {other_locales}; {otherwise}",
            capped_and_list(&missing_shown)
        )
    } else if split.is_some() {
        format!(
            "join the two code spans into one, {}, as in {other_locales}; {otherwise}",
            missing_shown[0]
        )
    } else if extra.len() == 1
        && missing.len() == 1
        && extra[0].0 == missing[0].0
        && extra[0].0 != TokenKind::Fenced
    {
        let placeholders = extra[0].0 == TokenKind::InlineCode
            && crate::markdown::tokens::mask_placeholders(extra[0].1) != extra[0].1;
        if placeholders {
            format!(
                "make {} do what {other_locales}'s {} does, keeping this locale's placeholders; {otherwise}",
                extra_shown[0], missing_shown[0],
            )
        } else {
            // In the digits this page writes its number in (`١٦٠٣`).
            let theirs = match extra[0].0 {
                TokenKind::Code => {
                    crate::markdown::tokens::digits_like(&missing_shown[0], &extra_shown[0])
                }
                _ => missing_shown[0].clone(),
            };
            format!(
                "change {} to {theirs}, as in {other_locales}; {otherwise}",
                extra_shown[0],
            )
        }
    } else if undecided {
        format!(
            "translations keep codes, code, link targets, the files of includes and media, and anchors as they are, and nothing on these pages tells whether this {kind} or {other_locales}'s is right: compare both with the source and correct the one that differs"
        )
    } else {
        format!(
            "translations keep codes, code, link targets, the files of includes and media, and anchors as they are: make this {kind} match {other_locales}; {otherwise}"
        )
    };
    // One code for another: the edit writing the other locale's, which
    // becomes a fix only where another rule proposes it too (`merge`). A
    // split number's fix is to join it, not to write another number.
    let proposal = match (extra.as_slice(), missing.as_slice()) {
        _ if !splits.is_empty() => None,
        ([own @ (TokenKind::Code, _)], [theirs @ (TokenKind::Code, _)]) => {
            let here = shown_span(cx, page, &facts.units[unit], own);
            let there = shown_span(cx, q, &cx.site.pages[q].doc.facts.units[v], theirs)
                .and_then(|span| cx.snippet(q, span));
            here.zip(there).and_then(|(here, there)| {
                let written = cx.snippet(page, here.clone()).unwrap_or_default();
                let there = crate::markdown::tokens::digits_like(there, written);
                cx.edit(page, here, there)
            })
        }
        _ => None,
    };
    // A number joined is the number, whoever is right about its value.
    let fix: Vec<_> = splits
        .iter()
        .filter_map(|s| cx.edit(page, s.span.clone(), s.joined.clone()))
        .collect();
    let mut result = Finding::error(
        "translation-token-mismatch",
        cx.location(page, span),
        message,
    )
    .with_help(help)
    .with_proposal(proposal)
    .with_fix(fix);
    for &j in others {
        let (p, u) = members[j];
        let other_facts = &cx.site.pages[p].doc.facts;
        let other_unit = &other_facts.units[u];
        // Its own first token this locale lacks (a third locale may
        // differ from the one the message quotes).
        let theirs = beyond(&keyed[j], own);
        let span = in_text_order(cx, members[j], theirs.iter())
            .first()
            .and_then(|t| shown_span(cx, p, other_unit, t))
            .unwrap_or(other_unit.offset..other_unit.offset);
        result = result.with_related(
            cx.location(p, span),
            format!("the same {kind} in {}", cx.locale_key(p)),
        );
    }
    result
}

/// The code span of the block after `unit`, and that block's kind, when
/// it completes `part` into `whole` (spaces aside): `part` was split from
/// it.
fn split_code<'f>(
    facts: &'f Facts,
    unit: usize,
    part: &str,
    whole: &str,
) -> Option<(&'f str, UnitKind)> {
    let next = facts.units.get(unit + 1)?;
    let [token] = facts.tokens_of(next) else {
        return None;
    };
    let rest = facts.value(token);
    let squeezed = |t: &str| t.split_whitespace().collect::<String>();
    (token.kind == TokenKind::InlineCode
        && squeezed(whole).len() > squeezed(part).len()
        && squeezed(&format!("{part}{rest}")) == squeezed(whole))
    .then_some((rest, next.kind))
}

/// Whether the one code span `extra` holds is the `missing` ones run
/// together: `` `Path``ChildPath` `` is one span, `Path``ChildPath`, to
/// Markdown (a real zh-tw `Join-Path` page wrote it for `` `Path` and
/// `ChildPath` ``).
fn joined_code(extra: &[&(TokenKind, &str)], missing: &[&(TokenKind, &str)]) -> bool {
    let [(TokenKind::InlineCode, run)] = extra else {
        return false;
    };
    let parts: Vec<&str> = run.split("``").map(str::trim).collect();
    parts.len() >= 2
        && parts.len() == missing.len()
        && parts.iter().all(|part| {
            missing
                .iter()
                .any(|(kind, value)| *kind == TokenKind::InlineCode && value.trim() == *part)
        })
}

/// The tokens of `a` that `b` lacks, as `a` has them.
fn beyond<'a>(a: &Keyed<'a>, b: &Keyed<'_>) -> Vec<(TokenKind, &'a str)> {
    a.iter()
        .filter(|(key, _)| !b.contains_key(*key))
        .map(|((kind, _), value)| (*kind, *value))
        .collect()
}

pub(super) fn have(n: usize) -> &'static str {
    if n == 1 { "has" } else { "have" }
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
    let places = Places::of(facts, unit);
    let mut placed: Vec<_> = tokens
        .map(|t| (places.get(t).map_or(usize::MAX, |s| s.start), t))
        .collect();
    placed.sort_by_key(|&(start, _)| start);
    placed.into_iter().map(|(_, t)| t).collect()
}

/// Where each token of a block first stands, read in one pass: a block
/// of thousands of differing tokens is not read again for each of them.
struct Places<'f>(HashMap<(TokenKind, &'f str), Range<usize>>);

impl<'f> Places<'f> {
    fn of(facts: &'f Facts, unit: &Unit) -> Self {
        let mut places = HashMap::new();
        for t in facts.tokens_of(unit) {
            if !t.span().is_empty() {
                places
                    .entry((t.kind, facts.value(t)))
                    .or_insert_with(|| t.span());
            }
        }
        Places(places)
    }

    fn get(&self, token: &(TokenKind, &str)) -> Option<Range<usize>> {
        self.0.get(token).cloned()
    }
}

/// Where `token` stands in `unit`, when known.
fn span_of(facts: &Facts, unit: &Unit, token: &(TokenKind, &str)) -> Option<Range<usize>> {
    facts
        .tokens_of(unit)
        .iter()
        .find(|t| t.kind == token.0 && facts.value(t) == token.1 && !t.span().is_empty())
        .map(|t| t.span())
}

/// A number's span widened to the letters written against it: the code
/// compared is `2065`, but a reader looks for `C2065` (or `KB4012212`).
fn with_letters_before(text: &str, span: Range<usize>) -> Range<usize> {
    let before = text.as_bytes().get(..span.start).unwrap_or_default();
    let letters = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    span.start - letters..span.end
}

/// Where `token` stands in `unit` of `page` as a reader sees it: a
/// number with the letters written against it (`C2065`), so that the
/// caret, and the marks of `drift --html`, cover what the message quotes.
fn shown_span(
    cx: &Context,
    page: usize,
    unit: &Unit,
    token: &(TokenKind, &str),
) -> Option<Range<usize>> {
    widened(
        cx,
        page,
        token,
        span_of(&cx.site.pages[page].doc.facts, unit, token)?,
    )
}

/// `span`, where `token` stands on `page`, as a reader sees it
/// ([`shown_span`]).
fn widened(
    cx: &Context,
    page: usize,
    token: &(TokenKind, &str),
    span: Range<usize>,
) -> Option<Range<usize>> {
    Some(if matches!(token.0, TokenKind::Code | TokenKind::Cmdlet) {
        with_letters_before(&cx.site.pages[page].source.text, span)
    } else {
        span
    })
}

/// A token as its page writes it (`0x8007232A`, not the normalised form),
/// at one of the `places` of its block on `page`.
fn show(cx: &Context, page: usize, places: &Places, token: &(TokenKind, &str)) -> String {
    if token.0 == TokenKind::Fenced {
        return "other code".to_owned();
    }
    let text = places
        .get(token)
        .and_then(|span| widened(cx, page, token, span))
        .filter(|_| matches!(token.0, TokenKind::Code | TokenKind::Cmdlet))
        .and_then(|span| cx.snippet(page, span))
        .unwrap_or(token.1);
    match token.0 {
        TokenKind::Anchor => format!("anchor `{text}`"),
        TokenKind::Source => format!("file `{text}`"),
        TokenKind::Target => format!("link `{text}`"),
        _ => format!("`{text}`"),
    }
}

/// A page's own signs that one of its blocks is wrong, computed on demand:
/// a key its table repeats, a link whose text contradicts its target, a
/// machine-translation placeholder where something was lost.
#[derive(Default)]
struct Evidence {
    /// Per page, its rows that repeat a key.
    repeats: HashMap<usize, rustc_hash::FxHashSet<usize>>,
    /// Per page, its links' starts and indexes, in text order: a unit's
    /// links are found by binary search, not by reading every link of the
    /// page for each unit asked about.
    links: HashMap<usize, Vec<(usize, usize)>>,
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
        if repeats.contains(&unit) {
            return true;
        }
        let links = self.links.entry(page).or_insert_with(|| {
            let mut links: Vec<(usize, usize)> = facts
                .links
                .iter()
                .enumerate()
                .map(|(l, link)| (link.span.start, l))
                .collect();
            links.sort_unstable();
            links
        });
        link_mismatch(cx, page, facts, links, unit) || mt_placeholder(cx, page, unit)
    }
}

/// Whether `unit` holds a placeholder machine translation left where it
/// lost something ([`mt_placeholders`]).
fn mt_placeholder(cx: &Context, page: usize, unit: usize) -> bool {
    cx.site.pages[page]
        .source
        .text
        .get(cx.unit_extent(page, unit))
        .is_some_and(|t| !mt_placeholders::placeholders(t).is_empty())
}

/// Whether a link inside `unit` contradicts its own target; `links` are
/// the page's links' (start, index), sorted.
fn link_mismatch(
    cx: &Context,
    page: usize,
    facts: &Facts,
    links: &[(usize, usize)],
    unit: usize,
) -> bool {
    let start = facts.units[unit].offset;
    let end = facts.units.get(unit + 1).map_or(usize::MAX, |u| u.offset);
    let first = links.partition_point(|&(at, _)| at < start);
    links[first..]
        .iter()
        .take_while(|&&(at, _)| at < end)
        .any(|&(_, l)| link_text::mismatch(cx, page, l).is_some())
}
