//! Links to a cmdlet's page whose text a translation turned into words:
//! a warning of `translation-token-mismatch`, beside the cmdlet names
//! compared in prose ([`crate::markdown::cmdlets`]).
//!
//! PowerShell's reference pages link each other by the cmdlet's name,
//! `[Convert-Path](Convert-Path.md)`. Machine translation translates
//! that name as if it were prose: the real sv-se `Join-Path` page reads
//! `[Konvertera-sökväg](Convert-Path.md)` and `[Lös-sökväg](Resolve-Path.md)`,
//! the ko-kr `Test-Path` page `[Invoke 명령을](…/Invoke-Command.md)`, the
//! de-de `Join-Path` page `"Start [-Command](…/Invoke-Command.md)"`
//! (`tests/data/real-powershell/`). No reader can type those. The cmdlet
//! comparison cannot see them (a cmdlet counts only where every locale
//! names one with the same verb), and the link still works, so this is a
//! warning. The evidence is the link itself: in another locale the same
//! link (same target, same block) reads exactly the cmdlet its target's
//! file is named after, and here it does not name that cmdlet at all.
//! A link text that describes the page instead (`Learn about
//! Convert-Path`, or no cmdlet in any locale) is never flagged.

use crate::diagnostic::Finding;
use crate::markdown::facts::{Link, TokenKind};

use super::Context;
use super::tokens::Member;

/// The links of `member`'s block whose text readers see, when it has any:
/// (target, text, link). The hidden source text beside a side-by-side
/// page's sentence, and raw HTML links, have no text read: every rule
/// that compares link texts would take them for texts that lost a name.
pub(super) fn links<'a>(cx: &Context<'a>, (page, unit): Member) -> Links<'a> {
    let facts = &cx.site.pages[page].doc.facts;
    let has_target = facts
        .tokens_of(&facts.units[unit])
        .iter()
        .any(|t| t.kind == TokenKind::Target);
    if !has_target {
        return Vec::new();
    }
    let extent = cx.unit_extent(page, unit);
    facts
        .links
        .iter()
        .filter(|l| !l.image && l.text_read && extent.contains(&l.span.start))
        .map(|l| (facts.target(l), facts.link_text(l), l))
        .collect()
}

/// The link's text in the file, `[` and `](target)` left out, where the
/// file has it as one run; else the whole link.
pub(super) fn text_range(cx: &Context, page: usize, link: &Link) -> std::ops::Range<usize> {
    let file = cx.site.pages[page].source.text.as_str();
    file.get(link.text_offset..link.span.end)
        .and_then(|rest| rest.rfind("]("))
        .map_or(link.span.clone(), |end| {
            link.text_offset..link.text_offset + end
        })
}

/// The cmdlet a link's target names (`../Core/Invoke-Command.md#x` names
/// `Invoke-Command`), if its file is named after one.
fn cmdlet_of(target: &str) -> Option<&str> {
    let path = target.split(['#', '?']).next().unwrap_or(target);
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file
        .strip_suffix(".md")
        .or_else(|| file.strip_suffix(".MD"))?;
    let found = crate::markdown::cmdlets::cmdlets(stem);
    matches!(found.as_slice(), [(_, 0, len)] if *len == stem.len()).then_some(stem)
}

/// A member's links: (target, text, link), as [`links`] gives them.
pub(super) type Links<'a> = Vec<(&'a str, &'a str, &'a Link)>;

/// The warnings for one aligned block, whose members' links are `all`.
pub fn translated(cx: &Context, members: &[Member], all: &[Links]) -> Vec<Finding> {
    // The links that read exactly the cmdlet they lead to, in any locale.
    let named: Vec<(usize, &str, &str, &Link)> = all
        .iter()
        .enumerate()
        .flat_map(|(j, links)| {
            links
                .iter()
                .map(move |&(target, text, link)| (j, target, text, link))
        })
        .filter(|(_, target, text, _)| {
            cmdlet_of(target).is_some_and(|c| c.eq_ignore_ascii_case(text))
        })
        .collect();
    if named.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, own) in all.iter().enumerate() {
        let page = members[i].0;
        for &(target, text, link) in own {
            let Some(cmdlet) = cmdlet_of(target) else {
                continue;
            };
            if text
                .to_ascii_lowercase()
                .contains(&cmdlet.to_ascii_lowercase())
            {
                continue;
            }
            let Some(&(j, _, _, theirs)) = named
                .iter()
                .find(|(j, their_target, _, _)| *j != i && *their_target == target)
            else {
                continue;
            };
            let locale = cx.locale_key(members[j].0);
            let at = text_range(cx, page, link);
            let shown = if text.is_empty() {
                "nothing".to_owned()
            } else {
                format!("`{text}`")
            };
            out.push(
                Finding::warning(
                    "translation-token-mismatch",
                    cx.location(page, at),
                    format!(
                        "this link to `{target}` reads {shown} where {locale} writes the cmdlet's name, `{cmdlet}`"
                    ),
                )
                .with_help(format!(
                    "write `{cmdlet}` as the link's text, as {locale} does: translations keep a cmdlet's name"
                ))
                .with_related(
                    cx.location(members[j].0, theirs.span.clone()),
                    format!("the same link in {locale}"),
                ),
            );
        }
    }
    out
}
