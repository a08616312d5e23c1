//! `broken-link`, `missing-anchor`, `link-case-mismatch`, `link-backslash`:
//! relative links, checked against the files and ids of the page's locale;
//! in the same pass, `hard-coded-locale` and `redirected-link` (their own
//! modules).
//!
//! Ids match exactly, as browsers and DocFX do: `#Resolution` does not
//! reach `id="resolution"`. The hint names the closest id instead.

use crate::diagnostic::{Edit, Finding, Location};
use crate::markdown::facts::Link;
use crate::markdown::links::split_target;
use crate::site::Moved;

use super::resolve::{How, Resolved};
use super::{Context, closest};

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut out = Vec::new();
        // One finding per missing file and page: it is one fix, however
        // many times the page links it.
        let mut missing: Vec<(&str, bool, Vec<&Link>)> = Vec::new();
        // So is an id a page lacks, however many links name it.
        let mut no_id: Vec<((usize, &str), Finding, Vec<&Link>)> = Vec::new();
        let mut anchor = |link, target: usize, fragment| {
            let key = (target, fragment);
            match no_id.iter_mut().find(|(k, _, _)| *k == key) {
                Some((_, _, links)) => links.push(link),
                None => {
                    if let Some(finding) = missing_anchor(cx, p, link, target, fragment) {
                        no_id.push((key, finding, vec![link]));
                    }
                }
            }
        };
        for (link, resolved) in page.doc.facts.links.iter().zip(&cx.links[p]) {
            // Only an address, or a path of the published site, names a locale.
            if !matches!(resolved, Resolved::SamePage { .. }) {
                let written = page.doc.facts.target(link);
                out.extend(super::hard_coded_locale::finding(cx, p, link, written));
            }
            match resolved {
                Resolved::Outside | Resolved::SitePath => {}
                Resolved::Missing { path, escapes } => {
                    match missing.iter_mut().find(|(m, _, _)| m == path) {
                        Some((_, _, links)) => links.push(link),
                        None => missing.push((path, *escapes, vec![link])),
                    }
                }
                Resolved::SamePage { fragment } => anchor(link, p, fragment),
                Resolved::Page {
                    page: target,
                    fragment,
                    how,
                    actual,
                } => {
                    out.extend(spelling(cx, p, link, *how, actual));
                    let linked = &cx.site.pages[*target];
                    if linked.fragment && !link.image {
                        out.push(include_file(cx, p, link, actual, linked.source.excluded));
                    }
                    if linked.moved != Moved::No
                        && let Some(moved) = cx
                            .site
                            .redirections
                            .get(linked.locale(), &linked.source.rel_path)
                    {
                        out.push(super::redirected_links::finding(cx, p, link, actual, moved));
                    }
                    if let Some(fragment) = fragment {
                        anchor(link, *target, fragment);
                    }
                }
                Resolved::Asset { how, actual } => out.extend(spelling(cx, p, link, *how, actual)),
            }
        }
        for (path, escapes, links) in missing {
            let mut finding = broken(cx, p, links[0], path, escapes);
            // One finding for every link to a moved file that is gone: the
            // fix of the first, and of each of the others.
            if finding.rule == "redirected-link"
                && let Some(moved) = cx.site.redirections.get(page.locale(), path)
            {
                finding.fix.extend(
                    links[1..]
                        .iter()
                        .filter_map(|link| super::redirected_links::fix(cx, p, link, path, moved)),
                );
            }
            out.push(repeated(cx, p, finding, &links, false));
        }
        for (_, finding, links) in no_id {
            out.push(repeated(cx, p, finding, &links, true));
        }
        out
    })
}

/// `finding`, about the first of `links` of page `p`, telling how many
/// times the page writes the same: the lines in its message, the places
/// as related locations (at the fragment with `fragment`).
pub(super) fn repeated(
    cx: &Context,
    p: usize,
    finding: Finding,
    links: &[&Link],
    fragment: bool,
) -> Finding {
    let places = links.iter().map(|l| cx.destination(p, l, fragment));
    repeated_at(finding, "links", places.collect())
}

/// `finding`, about the first of `places`, telling that the page `verb`s
/// the same target at each of them: their count and lines in its message,
/// the others as related locations.
pub(super) fn repeated_at(mut finding: Finding, verb: &str, places: Vec<Location>) -> Finding {
    if places.len() < 2 {
        return finding;
    }
    let mut lines: Vec<usize> = places.iter().map(|l| l.line).collect();
    lines.dedup();
    // Side-by-side pages and tables write one target several times a
    // line: the count is the places, the list their lines.
    let places_text = match lines.len() {
        n if n == places.len() => format!("(lines {})", super::line_list(&lines)),
        1 => format!("on line {}", lines[0]),
        n => format!("on {n} lines ({})", super::line_list(&lines)),
    };
    finding.message = format!(
        "{}; the page {verb} it {} times {places_text}",
        finding.message,
        places.len(),
    );
    for place in places.into_iter().skip(1) {
        finding = finding.with_related(place, "the same target");
    }
    finding
}

/// The destination of `link` of page `p`, as written.
pub(super) fn target<'a>(cx: &Context<'a>, p: usize, link: &Link) -> &'a str {
    cx.site.pages[p].doc.facts.target(link)
}

pub(super) fn what(link: &Link) -> &'static str {
    if link.image { "image" } else { "link" }
}

fn broken(cx: &Context, p: usize, link: &Link, path: &str, escapes: bool) -> Finding {
    let locale = cx.locale_key(p);
    let location = cx.destination(p, link, false);
    if escapes {
        return Finding::error(
            "broken-link",
            location,
            format!(
                "{} `{}` climbs out of the `{locale}` folder",
                what(link),
                target(cx, p, link)
            ),
        )
        .with_help("links resolve inside the page's locale; point at a file of this locale");
    }
    if let Some(source) = cx.site.source.filter(|&s| s != cx.site.pages[p].locale())
        && cx.targets.find_linked(source, path).is_some()
    {
        let source = &cx.site.locales[source].key;
        return Finding::note(
            "source-fallback",
            location,
            format!(
                "{} `{}` points to `{path}`, which `{locale}` lacks: the built page uses `{source}`'s copy",
                what(link),
                target(cx, p, link)
            ),
        )
        .with_help(format!("add a translated `{path}` to `{locale}` if it should differ"));
    }
    if let Some(moved) = cx.site.redirections.get(cx.site.pages[p].locale(), path) {
        return super::redirected_links::finding(cx, p, link, path, moved);
    }
    if let Some(draft) = drafted(cx, p, link, path, &location) {
        return draft;
    }
    let elsewhere: Vec<&str> = cx
        .site
        .locales
        .iter()
        .enumerate()
        .filter(|&(l, _)| cx.targets.exists(l, path))
        .map(|(_, l)| l.key.as_str())
        .collect();
    let help = if let Some(help) = alias_elsewhere(cx, p, path) {
        help
    } else if elsewhere.is_empty() {
        "fix the path, add the file, or remove the link".to_owned()
    } else {
        format!(
            "`{path}` exists in {}: add its translation to `{locale}`, or fix the link",
            elsewhere.join(", ")
        )
    };
    let written = target(cx, p, link);
    if split_target(written).0.ends_with('/') {
        let folder = if path.is_empty() { "." } else { path };
        return Finding::error(
            "broken-link",
            location,
            format!(
                "{} `{written}` points to the folder `{folder}`, which has no `index.md` or `index.yml` in `{locale}`",
                what(link),
            ),
        )
        .with_help("link a page of that folder, or add the folder's `index.md`");
    }
    Finding::error(
        "broken-link",
        location,
        format!(
            "{} `{written}` points to `{path}`, which does not exist in `{locale}`",
            what(link),
        ),
    )
    .with_help(help)
}

/// The help for a link to `path`, missing in page `p`'s locale, that a
/// page of another locale lists among its aliases ([`crate::aliases`])
/// while this locale has that page too: its translation lacks the alias.
fn alias_elsewhere(cx: &Context, p: usize, path: &str) -> Option<String> {
    let locale = cx.site.pages[p].locale();
    (0..cx.site.locales.len())
        .filter(|&l| l != locale)
        .find_map(|l| {
            let page = cx.site.redirections.get(l, path)?.alias_of?;
            let translation = cx.site.groups[cx.site.pages[page].group]
                .iter()
                .find(|&&t| cx.site.pages[t].locale() == locale)?;
            Some(format!(
                "`{}`'s `{}` lists `{path}` among its aliases: add the alias to `{}` too, or link to `{}`",
                cx.site.locales[l].key,
                cx.site.pages[page].source.rel_path,
                cx.site.pages[*translation].source.display.display(),
                crate::render::urls::relative(
                    &cx.site.pages[p].source.rel_path,
                    &cx.site.pages[*translation].source.rel_path
                ),
            ))
        })
}

/// A link to a page this run leaves out as a draft (`draft: true`): in
/// the page's locale, or, where that locale lacks the page, in the source
/// locale the build would take it from.
fn drafted(
    cx: &Context,
    p: usize,
    link: &Link,
    path: &str,
    location: &Location,
) -> Option<Finding> {
    let locale = cx.site.pages[p].locale();
    let draft = cx.site.draft_in_reach(locale, path)?;
    let what_it_is = match draft.locale == locale {
        true => "a draft".to_owned(),
        false => format!(
            "which `{}` lacks and whose `{}` copy is a draft",
            cx.locale_key(p),
            cx.site.locales[draft.locale].key
        ),
    };
    let message = format!(
        "{} `{}` points to `{}`, {what_it_is} (`draft: true`) that the build leaves out: no page is published at its address",
        what(link),
        target(cx, p, link),
        draft.rel_path,
    );
    Some(
        Finding::error("broken-link", location.clone(), message)
            .with_related(Location::at(draft.display.clone(), draft.line, 1), "marked a draft here")
            .with_help("publish the page (remove `draft: true`), or remove the link until it is; `--drafts` builds and checks drafts as pages"),
    )
}

/// A link to a file that is only included into pages: no page is
/// published at its address (DocFX reports such a link as invalid too).
fn include_file(cx: &Context, p: usize, link: &Link, actual: &str, excluded: bool) -> Finding {
    let what_it_is = if excluded {
        "a file its `docfx.json` leaves out of the pages (`build.content`)"
    } else {
        "an include file (in an `includes` folder, or listed in `includes` in polydoc.toml)"
    };
    Finding::error(
        "broken-link",
        cx.destination(p, link, false),
        format!(
            "{} `{}` points to `{actual}`, {what_it_is}: no page is published at its address",
            what(link),
            target(cx, p, link)
        ),
    )
    .with_help("link the page that includes it, or make it a page of its own")
}

fn spelling(cx: &Context, p: usize, link: &Link, how: How, actual: &str) -> Option<Finding> {
    // Only when there is a finding: working out a location (a column
    // counted in characters) costs, and most links are spelled exactly.
    let written = target(cx, p, link);
    let (rule, message, help, right) = match how {
        How::Exact => return None,
        How::Case => {
            let right = respelled(written, actual);
            (
                "link-case-mismatch",
                format!(
                    "`{written}` matches `{actual}` only when letter case is ignored: it works on Windows, not on a case-sensitive web server"
                ),
                format!("spell the path as the file is named: `{right}`"),
                right,
            )
        }
        How::Backslash => {
            let right = written.replace('\\', "/");
            (
                "link-backslash",
                format!(
                    "`{written}` separates folders with `\\`: browsers and web servers need `/`"
                ),
                format!("write `{right}`"),
                right,
            )
        }
    };
    let span = cx.destination_span(p, link, false);
    Some(
        Finding::warning(rule, cx.location(p, span.clone()), message)
            .with_help(help)
            .with_fix(exact_fix(cx, p, link, span, right)),
    )
}

/// The edit writing `replacement` for a link's destination (at `span`),
/// for `check --fix`: only where the destination stands in the source as
/// the link reads it (no escape, not a reference defined elsewhere) and
/// `replacement` leads to its file exactly, in case and separators.
fn exact_fix(
    cx: &Context,
    p: usize,
    link: &Link,
    span: std::ops::Range<usize>,
    replacement: String,
) -> Option<Edit> {
    let written = target(cx, p, link);
    if cx.snippet(p, span.clone()) != Some(written) || written.trim() != written {
        return None;
    }
    let page = &cx.site.pages[p];
    let exact = match cx
        .targets
        .resolve(page.locale(), &page.source.rel_path, &replacement)
    {
        Resolved::Page { how, .. } | Resolved::Asset { how, .. } => how == How::Exact,
        _ => false,
    };
    exact.then(|| cx.edit(p, span, replacement)).flatten()
}

/// Link `written` with each folder and file name spelled as on disk,
/// `actual` being the path it leads to below the locale folder (for a
/// link to a folder, the folder's `index.md`): `../Kms/Overview.md#x`
/// for `kms/overview.md` becomes `../kms/overview.md#x`.
fn respelled(written: &str, actual: &str) -> String {
    // As `Targets` compares paths: case-folded (`Ñ` is `ñ`).
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let (path, rest) = split_target(written.trim());
    let mut names: Vec<&str> = actual.split('/').collect();
    let last = path.rsplit('/').next().unwrap_or(path);
    if names.len() > 1 && !same(last, names[names.len() - 1]) {
        names.pop(); // a folder's index.md, not written in the link
    }
    let mut segments: Vec<String> = path.split('/').map(str::to_owned).collect();
    for segment in segments.iter_mut().rev() {
        if segment.is_empty() || segment == "." || segment == ".." {
            continue;
        }
        let Some(name) = names.pop() else {
            break;
        };
        if same(segment, name) {
            *segment = name.to_owned();
        }
    }
    format!("{}{rest}", segments.join("/"))
}

fn missing_anchor(
    cx: &Context,
    p: usize,
    link: &Link,
    target: usize,
    fragment: &str,
) -> Option<Finding> {
    let page = if target == p {
        "this page".to_owned()
    } else {
        format!("`{}`", cx.site.pages[target].source.rel_path)
    };
    unknown_fragment(cx, target, fragment, &page, || {
        cx.destination(p, link, true)
    })
}

/// `missing-anchor` for `#fragment` of page `target` (called `page` in
/// the message) when it names no id there, at `at`: a link's, or a
/// table of contents entry's.
pub(super) fn unknown_fragment(
    cx: &Context,
    target: usize,
    fragment: &str,
    page: &str,
    at: impl FnOnce() -> Location,
) -> Option<Finding> {
    let facts = &cx.site.pages[target].doc.facts;
    if facts.anchors.iter().any(|a| facts.id(a) == fragment) {
        return None;
    }
    let ids = cx.ids(target);
    if ids.contains(&fragment) {
        return None;
    }
    let finding = Finding::error(
        "missing-anchor",
        at(),
        format!("`#{fragment}` names no id on {page}"),
    );
    if let Some(found) = translated_id(cx, target, fragment) {
        return Some(finding.with_help(format!(
            "`#{fragment}` is the heading \"{}\" in {}; here that heading is `#{}`: link to it, \
             or give it `<a name=\"{fragment}\"></a>` in every locale so that links survive translation",
            found.their_text, found.locale, found.id
        )));
    }
    Some(match closest(fragment, ids.iter().copied()) {
        Some(id) => finding.with_help(format!("did you mean `#{id}`?")),
        None => finding
            .with_help("link to an id the page has: a heading's `<a name>`, or its automatic id"),
    })
}

/// A heading that a translation names `#fragment`, found on `target`.
struct Translated<'a> {
    /// Its id on `target`.
    id: &'a str,
    /// The translation's locale and heading text.
    locale: &'a str,
    their_text: &'a str,
}

/// The heading of `target` that a translation of it calls `#fragment`:
/// automatic ids are slugs of the heading's text, so a link copied from
/// the English page (`#activate-windows`) names no id of the Spanish one
/// (`#activar-windows`). Headings pair by position, and only between
/// pages whose outlines (heading levels in order) are the same, so the
/// hint is never a guess.
fn translated_id<'a>(cx: &Context<'a>, target: usize, fragment: &str) -> Option<Translated<'a>> {
    let site = cx.site;
    let outline = |p: usize| -> Vec<&'a crate::markdown::Heading> {
        site.pages[p]
            .doc
            .headings
            .iter()
            .filter(|h| !h.tab)
            .collect()
    };
    let own = outline(target);
    site.groups[site.pages[target].group]
        .iter()
        .filter(|&&q| q != target)
        .find_map(|&q| {
            let headings = &site.pages[q].doc.headings;
            let theirs = outline(q);
            let i = theirs.iter().position(|h| headings.id(h) == fragment)?;
            let same_outline = theirs.len() == own.len()
                && theirs.iter().zip(&own).all(|(a, b)| a.level == b.level);
            same_outline.then(|| Translated {
                id: site.pages[target].doc.headings.id(own[i]),
                locale: cx.locale_key(q),
                their_text: headings.text(theirs[i]),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::respelled;

    #[test]
    fn links_are_respelled_as_written_relative_to_the_page() {
        assert_eq!(
            respelled("../Kms/Overview.md#x", "kms/overview.md"),
            "../kms/overview.md#x"
        );
        assert_eq!(respelled("B.md", "b.md"), "b.md");
        assert_eq!(respelled("SUB/", "sub/index.md"), "sub/");
        assert_eq!(respelled("./Sub?a=b", "sub/index.md"), "./sub?a=b");
        assert_eq!(respelled("Index.MD", "index.md"), "index.md");
        assert_eq!(respelled("My%20Page.md", "my page.md"), "My%20Page.md");
        assert_eq!(respelled("Año/Ñu.md", "año/ñu.md"), "año/ñu.md");
    }
}
