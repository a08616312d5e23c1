//! `invalid-zone`, for zone pivots ([`crate::pivots`]): a page whose
//! `zone_pivot_groups` names a group `zone-pivot-groups.yml` does not
//! define, a zone whose pivot is in none of its page's groups (the picker
//! can never show it), a page with pivot zones that names no group while
//! the site defines some (its readers get no picker), and a groups file
//! that does not parse.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::directives::Kind;
use crate::pivots::{FILE_NAME, zone_pivots};
use crate::site::Page;

use super::{Context, closest};

const KEY: &str = "zone_pivot_groups";

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = cx.site.pivots.problems.clone();
    out.extend(cx.per_page(|p, page| page_findings(cx, p, page)));
    out
}

fn page_findings(cx: &Context, p: usize, page: &Page) -> Vec<Finding> {
    let zones: Vec<(&str, Range<usize>)> = page
        .doc
        .directives
        .iter()
        .filter_map(|d| match &d.kind {
            Kind::Block { name, .. } if name == "zone" => Some((d.attr("pivot")?, d.span.clone())),
            _ => None,
        })
        .collect();
    let pivots = &cx.site.pivots;
    let locale = page.locale();
    let mut out = Vec::new();
    // A page of a site without pivot groups, and without zones, has
    // nothing a reader could miss (and most sites have neither: reading
    // every page's front matter again costs more than this rule's work).
    if zones.is_empty() && !pivots.any() {
        return out;
    }
    let file = match cx.site.pivot_file(p) {
        Ok(file) => file,
        Err(value) => {
            out.push(no_file(cx, p, page, value));
            return out;
        }
    };
    let file = file.as_deref();
    if zones.is_empty() && !pivots.defined(locale, file) {
        return out;
    }
    let declared = page.source.meta_list(KEY);
    let Some(declared) = declared else {
        // An included file's zones belong to the pages that include it;
        // a site without pivot groups has no pickers to miss (DocFX
        // renders every zone then).
        if let Some((_, span)) = zones
            .first()
            .filter(|_| !page.fragment && pivots.defined(locale, file))
        {
            out.push(
                Finding::error(
                    "invalid-zone",
                    cx.location(p, span.clone()),
                    format!("this page has pivot zones but names no `{KEY}` in its front matter: readers get no picker and see every zone"),
                )
                .with_help(format!("add `{KEY}: <group id>` to the front matter, with the group defined in `{FILE_NAME}`")),
            );
        }
        return out;
    };
    let mut known = Vec::new();
    for id in declared {
        match pivots.group(locale, file, id) {
            Some(group) => known.push(group),
            None => out.push(unknown_group(cx, p, page, file, id)),
        }
    }
    if known.is_empty() {
        return out;
    }
    let group_ids: Vec<String> = known.iter().map(|g| format!("`{}`", g.id)).collect();
    for (value, span) in &zones {
        for pivot in zone_pivots(value) {
            let all = || {
                known
                    .iter()
                    .flat_map(|g| g.pivots.iter().map(|p| p.id.as_str()))
            };
            if all().any(|id| id == pivot) {
                continue;
            }
            let help = match closest(pivot, all()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "use one of {}",
                    all()
                        .map(|id| format!("`{id}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            out.push(
                Finding::error(
                    "invalid-zone",
                    cx.location(p, span.clone()),
                    format!(
                        "pivot `{pivot}` is in none of this page's pivot groups ({}): no reader can pick it",
                        group_ids.join(", ")
                    ),
                )
                .with_help(help),
            );
        }
    }
    out
}

/// The page's `zone_pivot_group_filename` names no groups file.
fn no_file(cx: &Context, p: usize, page: &Page, value: &str) -> Finding {
    let key = "zone_pivot_group_filename";
    let at = page.source.meta_key_offset(key);
    Finding::error(
        "invalid-zone",
        cx.location(p, at..at + key.len()),
        format!("`{key}` names `{value}`, which is no zone pivot groups file of `{}`: the page's pickers cannot be built", cx.locale_key(p)),
    )
    .with_help("fix the path: it starts at the docset's root (the folder of its docfx.json), as in `data-explorer/zone-pivot-groups.json`")
}

fn unknown_group(cx: &Context, p: usize, page: &Page, file: Option<&str>, id: &str) -> Finding {
    let at = page.source.meta_key_offset(KEY);
    let location = cx.location(p, at..at + KEY.len());
    let pivots = &cx.site.pivots;
    let locale = page.locale();
    if !pivots.defined(locale, file) {
        return Finding::error(
            "invalid-zone",
            location,
            format!("`{KEY}` names `{id}`, but the site has no `{FILE_NAME}` to define it"),
        )
        .with_help(format!(
            "add `{FILE_NAME}` at the root of the locale folder, with a group `{id}` and its pivots"
        ));
    }
    let ids = pivots.group_ids(locale, file);
    let groups_file = file.unwrap_or(FILE_NAME);
    let help = match closest(id, ids.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("define group `{id}` in `{groups_file}`, or fix the name"),
    };
    Finding::error(
        "invalid-zone",
        location,
        format!("`{KEY}` names `{id}`, which `{groups_file}` does not define"),
    )
    .with_help(help)
}
