//! `broken-toc-entry`: a `toc.yml` or `TOC.md` entry that leads nowhere,
//! or a table of contents that does not parse or includes itself; and
//! `source-fallback` for an entry whose file only the source locale has.
//! The problems are found when the tables are resolved ([`crate::toc`]).

use crate::diagnostic::{Finding, Location};

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    let tocs = &cx.site.tocs;
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
        .collect()
}
