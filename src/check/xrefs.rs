//! `uid-not-found` and `duplicate-uid`: DocFX cross references.
//!
//! `<xref:uid>` and `[text](xref:uid)` must name a uid some page
//! registers (`uid:` in its front matter), in the page's locale or, as
//! the build falls back, in the source locale, or one of the xref maps of
//! other sites that `[xref] maps` lists (a typo is told the map's uids
//! beside it: `System.String.Fromat`, did you mean
//! `System.String.Format*`). `@uid` is left alone: as in DocFX, an
//! unknown mention stays plain text. So are uids that
//! `[xref] external` in `polydoc.toml` leaves to the service that resolves
//! them on publishing (DocFX's `xrefService`: `System.Exception` is no page
//! of cpp-docs); without that setting, the help of a finding on such a
//! dotted API name says how to leave it there. One finding per unknown
//! uid and page, however many times the page links it: it is one fix.

use crate::diagnostic::Finding;
use crate::markdown::facts::Link;
use crate::markdown::xref;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = cx.per_page(|p, page| {
        // Each unknown uid with the page's links to it, in order.
        let mut unknown: Vec<(String, Vec<&Link>)> = Vec::new();
        for link in &page.doc.facts.links {
            let Some((uid, _)) = xref::split(page.doc.facts.target(link)) else {
                continue;
            };
            if let Some((_, links)) = unknown.iter_mut().find(|(known, _)| *known == uid) {
                links.push(link);
                continue;
            }
            if cx.site.uid(page.locale(), &uid).is_none()
                && cx.site.map_uid(&uid).is_none()
                && !cx.site.is_external_uid(&uid)
            {
                unknown.push((uid, vec![link]));
            }
        }
        unknown
            .into_iter()
            .map(|(uid, links)| {
                let help = match cx.site.closest_uid(page.locale(), &uid) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => match xref::api_namespace(&uid) {
                        Some(namespace) => format!(
                            "name a uid that a page declares with `uid:` in its front matter; if another site publishes `{namespace}` uids, list its xref map under `[xref] maps` in polydoc.toml, or, if a service resolves them when the site is published (DocFX's `xrefService`), add `external = [\"{namespace}\"]` under `[xref]`"
                        ),
                        None => "name a uid that a page declares with `uid:` in its front matter"
                            .to_owned(),
                    },
                };
                let finding = Finding::error(
                    "uid-not-found",
                    cx.destination(p, links[0], false),
                    if cx.site.xref_maps.is_empty() {
                        format!("no page has uid `{uid}`")
                    } else {
                        format!("no page or xref map has uid `{uid}`")
                    },
                )
                .with_help(help);
                super::links::repeated(cx, p, finding, &links, false)
            })
            .collect()
    });
    for (l, uids) in cx.site.uids.iter().enumerate() {
        let mut dupes: Vec<(&String, &Vec<usize>)> =
            uids.iter().filter(|(_, p)| p.len() > 1).collect();
        dupes.sort();
        for (uid, pages) in dupes {
            // The `uid:` line of the front matter.
            let at = |p: usize| {
                let offset = cx.site.pages[p].source.meta_key_offset("uid");
                cx.location(p, offset..offset)
            };
            let mut finding = Finding::error(
                "duplicate-uid",
                at(pages[1]),
                format!(
                    "uid `{uid}` is declared by {} pages of `{}`; links to it reach only the first",
                    pages.len(),
                    cx.site.locales[l].key
                ),
            )
            .with_help("give each page a uid of its own");
            for &p in pages.iter().filter(|&&p| p != pages[1]) {
                finding = finding.with_related(at(p), "also declares it");
            }
            out.push(finding);
        }
    }
    out
}
