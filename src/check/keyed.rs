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
                    heading_key(cx, page, &token.span()).map_or(Cow::Borrowed(value), Cow::Owned)
                }
                kind => compared(kind, value),
            };
            ((token.kind, key), value)
        })
        .collect()
}

/// For a link (at `span` on `page`) to an automatic heading id: the
/// heading, as a key no written target can equal.
fn heading_key(cx: &Context, page: usize, span: &std::ops::Range<usize>) -> Option<String> {
    let facts = &cx.site.pages[page].doc.facts;
    let link = facts.links.iter().position(|l| l.span == *span)?;
    let (target, fragment) = match cx.links.get(page)?.get(link)? {
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
