//! `broken-toc-entry`: a `toc.yml` or `TOC.md` entry that leads nowhere,
//! or a table of contents that does not parse or includes itself.
//! The problems are found when the tables are resolved ([`crate::toc`]).

use crate::diagnostic::{Finding, Location};

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    let tocs = &cx.site.tocs;
    tocs.problems
        .iter()
        .map(|problem| {
            let source = &tocs.sources[problem.source];
            Finding::error(
                "broken-toc-entry",
                Location::at(&source.display, problem.line, problem.column),
                problem.message.clone(),
            )
            .with_help(
                "fix the `href` (relative to the table of contents' folder), or remove the entry",
            )
        })
        .collect()
}
