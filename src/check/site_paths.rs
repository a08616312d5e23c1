//! `published-path-unset`: links that start with `/` are paths of the
//! site the pages are published on (`/windows-server/get-started/x`),
//! which polydoc leaves unchecked until `[published] path` says where the
//! pages live there ([`crate::published`]). The repository does not say
//! it (README, "Not built yet"), but its links do: when most links under
//! one first segment name files of the copy once that segment is taken
//! off, one note says which `path` would check them. One note per site,
//! at the first such link: it is a setting to make, not a fix per link.

use rustc_hash::FxHashMap;

use super::Context;
use super::resolve::Resolved;
use crate::diagnostic::Finding;
use crate::markdown::links::split_target;
use crate::published::without_locale;

/// Fewer links than this under one segment are no evidence.
const AT_LEAST: usize = 3;

/// One segment's links: how many, how many name a file of the copy, and
/// the first of those (page, link) with the file it names.
#[derive(Default)]
struct Tally {
    links: usize,
    found: usize,
    first: Option<(usize, usize, String)>,
}

pub fn check(cx: &Context) -> Vec<Finding> {
    if cx.targets.published().has_path() {
        return Vec::new();
    }
    let mut tallies: FxHashMap<String, Tally> = FxHashMap::default();
    for (p, page) in cx.site.pages.iter().enumerate() {
        let facts = &page.doc.facts;
        for (l, (link, resolved)) in facts.links.iter().zip(&cx.links[p]).enumerate() {
            if *resolved != Resolved::SitePath {
                continue;
            }
            let (path, _) = split_target(without_locale(facts.target(link)));
            // `/en-us` alone is a locale and nothing after it.
            let Some((segment, rest)) = path.strip_prefix('/').and_then(|p| p.split_once('/'))
            else {
                continue;
            };
            if rest.trim_matches('/').is_empty() {
                // `/azure/` would name the locale's own `index.md`.
                continue;
            }
            let tally = tallies.entry(segment.to_lowercase()).or_default();
            tally.links += 1;
            let from = &page.source.rel_path;
            let rest = rest.trim_end_matches('/');
            if let Some(file) = cx.targets.published_file(page.locale(), from, rest) {
                tally.found += 1;
                if tally.first.is_none() {
                    tally.first = Some((p, l, file.to_owned()));
                }
            }
        }
    }
    let Some((segment, tally)) = tallies
        .into_iter()
        .filter(|(_, t)| t.found >= AT_LEAST && t.found * 2 >= t.links)
        .max_by(|a, b| a.1.found.cmp(&b.1.found).then_with(|| b.0.cmp(&a.0)))
    else {
        return Vec::new();
    };
    let Some((p, l, file)) = tally.first else {
        return Vec::new();
    };
    let link = &cx.site.pages[p].doc.facts.links[l];
    let written = cx.site.pages[p].doc.facts.target(link);
    vec![
        Finding::note(
            "published-path-unset",
            cx.destination(p, link, false),
            format!(
                "{} links start with `/{segment}/`, a path of the published site, and polydoc leaves them unchecked; {} of them name files of this copy once `/{segment}` is taken off (`{written}` names `{file}`)",
                tally.links, tally.found
            ),
        )
        .with_help(format!(
            "if these pages are published under `/{segment}`, add `[published]` with `path = \"/{segment}\"` and the site's `url` to polydoc.toml: the links are then checked, and built as links to the copy's pages"
        )),
    ]
}
