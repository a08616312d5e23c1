//! `hard-coded-locale`: a link to Microsoft Learn, or to the site of
//! `[published]`, that writes a locale into the address
//! (`https://learn.microsoft.com/en-us/windows-server/...`). Those sites
//! open each page in the reader's language by themselves (English where
//! a page has no translation); a written locale sends every reader to
//! one language, which in a translated page is rarely the page's own.
//! Learn's build reports the same under the same name.
//!
//! Only Learn's hosts and `[published] url`'s: other sites (support
//! pages, downloads) may need their locale, and polydoc cannot know. A
//! translation that names its own locale (`/es-es/` in an es-es page, as
//! the localization writes for a source's `/en-us/`) is left alone: its
//! readers get their language, and the fix belongs in the source page,
//! the one in the `source` locale (the default locale when none is set).
//!
//! It runs inside `links`' pass over each page's links ([`finding`]): a
//! pass of its own over every link of the site looked 2-5% dearer on the
//! bench's corpus (alternating runs), reading link targets the links'
//! pass has just brought into the cache.

use super::Context;
use crate::diagnostic::Finding;
use crate::markdown::facts::Link;

/// The finding for `link` of page `p`, written `written`, if it names a
/// locale where the site picks one.
pub fn finding(cx: &Context, p: usize, link: &Link, written: &str) -> Option<Finding> {
    let (at, tag) = cx.targets.published().pinned(written)?;
    let span = cx.destination_span(p, link, false);
    // Where the destination is written as is, point at the tag.
    let span = if span.len() == written.len() {
        span.start + at..span.start + at + tag.len()
    } else {
        span
    };
    let own = cx.locale_key(p);
    let locale = cx.site.pages[p].locale();
    let original = cx.site.source.unwrap_or(0) == locale;
    if tag.eq_ignore_ascii_case(own) && !original {
        // A translation sends its own readers to their own language; the
        // fix belongs in the page it was translated from.
        return None;
    }
    let message = if tag.eq_ignore_ascii_case(own) {
        format!(
            "the link `{written}` names the locale `{tag}`: translations that keep it send their readers to the `{tag}` page"
        )
    } else {
        format!(
            "the link `{written}` names the locale `{tag}`: readers of this `{own}` page land on the `{tag}` page, not on their language's"
        )
    };
    // The fix takes `/tag` out, where the tag is found as written.
    let text = &cx.site.pages[p].source.text;
    let fix = (span.len() == tag.len() && span.start > 0)
        .then(|| span.start - 1..span.end)
        .filter(|slash| text.get(slash.clone()) == Some(&format!("/{tag}")[..]))
        .and_then(|slash| cx.edit(p, slash, String::new()));
    Some(
        Finding::warning("hard-coded-locale", cx.location(p, span), message)
            .with_help(format!(
                "remove `/{tag}` from the address: the site opens the page in each reader's language, and in English where it has no translation"
            ))
            .with_fix(fix),
    )
}
