//! `duplicate-anchor`: an id defined more than once on a page.
//!
//! Authoring tools repeat `<a name="resolution"></a>` under every error
//! code; a browser jumps to the first, so a link to it silently lands in
//! the wrong section. One finding per id and page, listing every line,
//! rather than one per repetition: thirty identical warnings hide the one
//! that matters. A warning, and an error when some link targets the id.

use rustc_hash::FxHashSet;

use crate::diagnostic::Finding;

use super::Context;
use super::resolve::Resolved;

pub fn check(cx: &Context) -> Vec<Finding> {
    let targeted = targeted(cx);
    cx.per_page(|p, page| {
        let mut out = Vec::new();
        // Sorted by id, then by place (the sort is stable): each id's
        // definitions are one run, in document order.
        let facts = &page.doc.facts;
        let mut ids: Vec<(&str, usize)> = facts
            .anchors
            .iter()
            .map(|a| (facts.id(a), a.offset))
            .collect();
        ids.sort_by(|a, b| a.0.cmp(b.0));
        let mut dupes: Vec<(&str, Vec<usize>)> = ids
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|run| run.len() > 1)
            .map(|run| (run[0].0, run.iter().map(|&(_, o)| o).collect()))
            .collect();
        dupes.sort_by_key(|(_, offsets)| offsets[0]);
        for (id, offsets) in dupes {
            let lines: Vec<usize> = offsets.iter().map(|&o| cx.line(p, o)).collect();
            let message = format!(
                "id `{id}` is defined {} times on this page (lines {})",
                offsets.len(),
                super::line_list(&lines)
            );
            let finding = if targeted.contains(&(p, id)) {
                Finding::error(
                    "duplicate-anchor",
                    cx.location(p, offsets[0]..offsets[0]),
                    format!("{message}, and a link targets it"),
                )
                .with_help(format!(
                    "a link to `#{id}` always lands on line {}: give each section an id of its own",
                    lines[0]
                ))
            } else {
                Finding::warning("duplicate-anchor", cx.location(p, offsets[0]..offsets[0]), message)
                    .with_help(format!(
                        "a link to `#{id}` would land on line {}: give each an id of its own, or remove the repeats",
                        lines[0]
                    ))
            };
            out.push(finding);
        }
        out
    })
}

/// (page, id) pairs that some link of the site points at.
fn targeted<'a>(cx: &'a Context) -> FxHashSet<(usize, &'a str)> {
    let mut out = FxHashSet::default();
    for (p, links) in cx.links.iter().enumerate() {
        for resolved in links {
            match resolved {
                Resolved::SamePage { fragment } => {
                    out.insert((p, fragment.as_ref()));
                }
                Resolved::Page {
                    page,
                    fragment: Some(fragment),
                    ..
                } => {
                    out.insert((*page, fragment.as_ref()));
                }
                _ => {}
            }
        }
    }
    out
}
