//! `redirected-link`: a link to an article that
//! `.openpublishing.redirection.json` lists as moved ([`crate::redirections`]),
//! or a page names among its `aliases` ([`crate::aliases`]),
//! found by the link pass of `links.rs`, and its fix.

use crate::diagnostic::{Edit, Finding};
use crate::markdown::facts::Link;
use crate::markdown::links::split_target;
use crate::redirections::Redirection;
use crate::site::Moved;

use super::Context;
use super::links::{target, what};
use super::resolve::{How, Resolved};

/// `redirected-link`: `link` leads to `path`, which a redirection file
/// lists as moved, whether or not its file is still there (the published
/// site serves the redirect either way).
pub(super) fn finding(
    cx: &Context,
    p: usize,
    link: &Link,
    path: &str,
    moved: &Redirection,
) -> Finding {
    let moved_to = match moved.alias_of {
        Some(page) => format!(
            "`{}` lists it among its aliases (line {})",
            cx.site.pages[page].source.rel_path, moved.at.line
        ),
        None => format!(
            "`{}` (line {}) redirects it to `{}`",
            moved.at.file.display(),
            moved.at.line,
            moved.target
        ),
    };
    Finding::warning(
        "redirected-link",
        cx.destination(p, link, false),
        format!(
            "{} `{}` points to `{path}`, which moved: {moved_to}",
            what(link),
            target(cx, p, link),
        ),
    )
    .with_help("link to where it moved: the redirect costs the reader a hop")
    .with_fix(fix(cx, p, link, path, moved))
}

/// The edit pointing a relative `link` of page `p` straight at the page
/// `moved` (the entry of `path`) redirects to, for `check --fix`: only
/// where that is a page of the copy that has not moved itself, the link's
/// fragment (or else the redirect's) is an id there, and the new path,
/// relative to `p`, leads to it exactly. A link written as a site path
/// or an address, or with a query, is left to a person, as is a redirect
/// to a path of the published site the copy does not hold.
pub(super) fn fix(
    cx: &Context,
    p: usize,
    link: &Link,
    path: &str,
    moved: &Redirection,
) -> Option<Edit> {
    let page = &cx.site.pages[p];
    let Resolved::Page {
        page: new,
        how: How::Exact,
        actual,
        ..
    } = cx.targets.resolve(page.locale(), path, &moved.target)
    else {
        return None;
    };
    if new == p || cx.site.pages[new].moved != Moved::No {
        return None;
    }
    let written = target(cx, p, link);
    let (old_path, rest) = split_target(written);
    if rest.contains('?')
        || old_path.is_empty()
        || old_path.starts_with(['/', '~'])
        || crate::markdown::links::is_absolute(written)
    {
        return None;
    }
    let fragment = match rest {
        "" => split_target(moved.target.trim()).1,
        own => own,
    };
    if fragment.contains('?') {
        return None;
    }
    let relative = crate::render::urls::relative(&page.source.rel_path, actual);
    if relative.contains(['(', ')', '<', '>']) {
        return None;
    }
    let replacement = format!("{relative}{fragment}");
    let span = cx.destination_span(p, link, false);
    if cx.snippet(p, span.clone()) != Some(written) || written.trim() != written {
        return None;
    }
    match cx
        .targets
        .resolve(page.locale(), &page.source.rel_path, &replacement)
    {
        Resolved::Page {
            page: reached,
            how: How::Exact,
            fragment,
            ..
        } if reached == new && fragment.as_deref().is_none_or(|f| cx.ids(new).contains(&f)) => {
            cx.edit(p, span, replacement)
        }
        _ => None,
    }
}
