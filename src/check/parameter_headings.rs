//! Parameter headings a translation renamed: the heading part of the
//! switch checks in `translation-token-mismatch`, beside table rows
//! ([`super::switches`]) and prose ([`super::switch_mentions`]).
//!
//! PowerShell's reference pages, as platyPS writes them (PowerShell-Docs
//! and every module documented the same way), give each parameter a
//! heading of its own, `### -Exclude`, whose automatic id (`#-exclude`)
//! other pages link to. Machine translation renames some of them: the
//! real sv-se `Test-Path` page reads `### -Undanta` and `### -Inkludera`,
//! the ko-kr one `### -제외` and `### -포함`, where fr-fr keeps `-Exclude`
//! and `-Include` (`tests/data/real/`). With each locale renaming in its
//! own way no majority exists, and none is needed: the page's own syntax
//! block tells. A heading is flagged when the same heading in another
//! locale is exactly a switch that this page names elsewhere as a word,
//! while its own heading is no such switch: either no switch at all, or
//! one the page names nowhere else. A heading whose switch the page names
//! elsewhere is never flagged, so headings paired out of order (a locale
//! that lacks one parameter) blame nobody.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;

use super::Context;
use super::switches::{in_cell, named_elsewhere};
use super::tokens::Member;

/// One member's heading: its text's byte range in the file, its plain
/// text and id, and the switch that text is, if it is exactly one
/// (lower-cased).
struct Heading<'a> {
    span: Range<usize>,
    text: &'a str,
    id: &'a str,
    switch: Option<String>,
}

/// The heading of `member`, as its plain text (what the HTML shows: no
/// `#` marks, no `<a name>` anchor, no side-by-side source text), where
/// the file has that text.
fn heading<'a>(cx: &Context<'a>, (page, unit): Member) -> Option<Heading<'a>> {
    let page = &cx.site.pages[page];
    let offset = page.doc.facts.units[unit].offset;
    let headings = &page.doc.headings;
    // Headings are in document order: a binary search, not a walk, for
    // reference pages with hundreds of them.
    let at = headings.partition_point(|h| h.offset < offset);
    let found = headings.get(at).filter(|h| h.offset == offset)?;
    let plain = headings.text(found).trim();
    let text = page.source.text.as_str();
    let line_end = text
        .get(offset..)?
        .find('\n')
        .map_or(text.len(), |n| offset + n);
    let line = text.get(offset..line_end)?;
    // The plain text where the line has it; else (markup inside it) all
    // that follows the `#` marks.
    let span = match line.find(plain).filter(|_| !plain.is_empty()) {
        Some(at) => offset + at..offset + at + plain.len(),
        None => {
            let rest = line.trim_start_matches('#').trim();
            let at = offset + (line.len() - line.trim_start_matches('#').len());
            let at = at + (text[at..].len() - text[at..].trim_start().len());
            at..at + rest.len()
        }
    };
    let switch = match in_cell(plain).as_slice() {
        [only] if *only == (0..plain.len()) => Some(plain.to_ascii_lowercase()),
        _ => None,
    };
    Some(Heading {
        span,
        text: plain,
        id: headings.id(found),
        switch,
    })
}

/// The findings for one aligned heading.
pub fn renamed(cx: &Context, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    if !matches!(
        cx.site.pages[page].doc.facts.units[unit].kind,
        UnitKind::Heading(_)
    ) {
        return Vec::new();
    }
    let headings: Vec<Option<Heading>> = members.iter().map(|&m| heading(cx, m)).collect();
    if headings.iter().flatten().all(|h| h.switch.is_none()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, own) in headings.iter().enumerate() {
        let Some(own) = own else { continue };
        let page = members[i].0;
        let text = cx.site.pages[page].source.text.as_str();
        let named = |switch: &str| named_elsewhere(text, switch, &own.span);
        if own.switch.as_deref().is_some_and(|s| named(s).is_some()) {
            continue;
        }
        // A heading that keeps the switch in words of its own ("the
        // -Confirm parameter") kept the name; only its id changed, which
        // `missing-anchor` reports where a link needs it.
        let own_text = own.text;
        let mentioned: Vec<String> = in_cell(own_text)
            .into_iter()
            .map(|r| own_text[r].to_ascii_lowercase())
            .collect();
        // The first parameter another locale's heading is, that this page names.
        let kept = headings
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .filter_map(|(j, h)| Some((j, h.as_ref()?)))
            .filter_map(|(j, h)| Some((j, h, h.switch.as_deref()?)))
            .filter(|(_, _, switch)| !mentioned.iter().any(|m| m == switch))
            .find_map(|(j, h, switch)| named(switch).map(|at| (j, h, switch, at)));
        let Some((j, theirs, switch, named_at)) = kept else {
            continue;
        };
        let written = &text[named_at.clone()];
        let their_text = theirs.text;
        let holders: Vec<usize> = (0..members.len())
            .filter(|&k| k != i)
            .filter(|&k| {
                headings[k]
                    .as_ref()
                    .is_some_and(|h| h.switch.as_deref() == Some(switch))
            })
            .collect();
        let locales: Vec<String> = holders
            .iter()
            .map(|&k| cx.locale_label(members[k].0))
            .collect();
        let named_at = cx.location(page, named_at);
        let what = if own.switch.is_some() {
            format!("`{own_text}`, which this page names nowhere else")
        } else {
            format!("`{own_text}`")
        };
        let mut finding = Finding::error(
            "translation-token-mismatch",
            cx.location(page, own.span.clone()),
            format!(
                "this heading reads {what}, where {} {} the parameter `{their_text}`, which this page names on line {}",
                locales.join(", "),
                super::tokens::have(locales.len()),
                named_at.line
            ),
        )
        .with_help(format!(
            "write `{their_text}` as {} does: translations keep a parameter's name, and links to its heading (`#{}`) land here only then",
            cx.locale_key(members[j].0),
            theirs.id
        ))
        .with_related(named_at, format!("this page names `{written}` here"));
        for k in holders {
            let at = headings[k]
                .as_ref()
                .map(|h| h.span.clone())
                .unwrap_or_default();
            finding = finding.with_related(
                cx.location(members[k].0, at),
                format!("the same heading in {}", cx.locale_key(members[k].0)),
            );
        }
        out.push(finding);
    }
    out
}
