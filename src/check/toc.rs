//! `broken-toc-entry`: a `toc.yml` or `TOC.md` entry that leads nowhere,
//! or a table of contents that does not parse or includes itself; and
//! `source-fallback` for an entry whose file only the source locale has.
//! The problems are found when the tables are resolved ([`crate::toc`]).
//! An entry's `href: page.md#section` naming no id of the page is
//! `missing-anchor`, as a link in a page would be.

use crate::diagnostic::{Finding, Location};

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    let tocs = &cx.site.tocs;
    let fragments = tocs.fragments.iter().filter_map(|f| {
        let source = &tocs.sources[f.source];
        let page = format!("`{}`", cx.site.pages[f.page].source.rel_path);
        super::links::unknown_fragment(cx, f.page, &f.fragment, &page, || {
            Location::at(&source.display, f.line, f.column)
        })
    });
    let fragments: Vec<Finding> = fragments.collect();
    tocs.problems
        .iter()
        .map(|problem| {
            let source = &tocs.sources[problem.source];
            let at = Location::at(&source.display, problem.line, problem.column);
            if problem.fallback {
                return Finding::note("source-fallback", at, problem.message.clone())
                    .with_help("add the translated file to this locale if it should differ");
            }
            Finding::error("broken-toc-entry", at, problem.message.clone()).with_help(
                "fix the `href` (relative to the table of contents' folder), or remove the entry",
            )
        })
        .chain(fragments)
        .collect()
}
