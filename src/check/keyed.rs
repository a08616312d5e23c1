//! A block's tokens as translations must keep them, for
//! `translation-token-mismatch`.
//!
//! Most tokens are kept as written: codes, code (but for its translated
//! placeholders, [`compared`]), URLs, explicit anchors.
//! A link to a heading's *automatic* id is the exception: the id is a slug
//! of the heading's text, so `[x](#activate-windows)` on the English page
//! and `[x](#activar-windows)` on the Spanish one are the same link, each
//! right in its language. Such a target is keyed by the heading it leads
//! to (the target page's translation group and the heading's place among
//! its headings), which both translations share.
//!
//! A relative link to a file of the site is keyed by where it leads, not
//! by how it is spelled: `Guide.md` on the Spanish page and `guide.md` on
//! the Italian one lead to the same page of each locale (files are
//! grouped by path in any case, as the Windows-written repositories need),
//! and so do `./guide.md` and `guide.md`. A spelling that works only on
//! Windows is `link-case-mismatch`'s to report, not a disagreement.
//!
//! Keys are worked out only for blocks whose token sets differ as written
//! (a few per site), so resolving links here costs nothing on the rest.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::markdown::facts::{TokenKind, compared};

use super::Context;
use super::resolve::Resolved;

/// Key -> the token's value as the page has it (for messages and spans).
pub type Keyed<'a> = BTreeMap<(TokenKind, Cow<'a, str>), &'a str>;

/// The tokens of unit `unit` of page `page`, keyed.
pub fn tokens<'a>(cx: &Context<'a>, page: usize, unit: usize) -> Keyed<'a> {
    let facts = &cx.site.pages[page].doc.facts;
    facts
        .tokens_of(&facts.units[unit])
        .iter()
        .map(|token| {
            let value = facts.value(token);
            let key = match token.kind {
                TokenKind::Target => {
                    target_key(cx, page, &token.span()).map_or(Cow::Borrowed(value), Cow::Owned)
                }
                kind => compared(kind, value),
            };
            ((token.kind, key), value)
        })
        .collect()
}

/// For a link (at `span` on `page`) to a file of the site: where it
/// leads, as a key no written target can equal. `None` for an address, a
/// missing file or an anchor of the page itself, which are kept as written
/// (but for automatic heading ids).
pub(super) fn target_key(
    cx: &Context,
    page: usize,
    span: &std::ops::Range<usize>,
) -> Option<String> {
    let facts = &cx.site.pages[page].doc.facts;
    let link = facts.links.iter().position(|l| l.span == *span)?;
    let resolved = cx.links.get(page)?.get(link)?;
    if let Some(heading) = heading_key(cx, page, resolved) {
        return Some(heading);
    }
    match resolved {
        Resolved::Page {
            page: target,
            fragment,
            ..
        } => Some(format!(
            "\u{0}page of group {}#{}",
            cx.site.pages[*target].group,
            fragment.as_deref().unwrap_or("")
        )),
        Resolved::Asset { actual, .. } => Some(format!("\u{0}file {}", actual.to_lowercase())),
        _ => None,
    }
}

/// For a link (resolved as `resolved`, on `page`) to an automatic heading
/// id: the heading.
fn heading_key(cx: &Context, page: usize, resolved: &Resolved) -> Option<String> {
    let (target, fragment) = match resolved {
        Resolved::SamePage { fragment } => (page, fragment),
        Resolved::Page {
            page: target,
            fragment: Some(fragment),
            ..
        } => (*target, fragment),
        _ => return None,
    };
    let headings = &cx.site.pages[target].doc.headings;
    let (index, heading) = headings
        .iter()
        .filter(|h| !h.tab)
        .enumerate()
        .find(|(_, h)| headings.id(h) == fragment.as_ref())?;
    (!heading.explicit).then(|| {
        format!(
            "\u{0}heading {} of group {}",
            index, cx.site.pages[target].group
        )
    })
}
