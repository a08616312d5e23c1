//! `include-not-found` and `circular-reference`: DocFX includes
//! (`[!INCLUDE [t](path.md)]`) that lead nowhere, or back to themselves.
//!
//! An include resolves like a link, from the file it is written in (or
//! from the locale root with `~/`), and falls back to the source
//! locale's file when the translation lacks it, as the build does.
//! Cycles are found once for the whole site: a depth-first walk over
//! the include graph reports each edge that closes a cycle, with the
//! chain of files, at the include that closes it.

use crate::diagnostic::Finding;
use crate::markdown::directives::{Directive, Kind};

use super::Context;

/// Every include of page `p`: the directive and the page it leads to.
fn includes<'a>(
    cx: &Context<'a>,
    p: usize,
) -> impl Iterator<Item = (&'a Directive, &'a str, Option<usize>)> + use<'a> {
    let site = cx.site;
    let page = &site.pages[p];
    page.doc
        .directives
        .iter()
        .filter_map(move |d| match &d.kind {
            Kind::Include { target, .. } => Some((
                d,
                target.as_str(),
                site.find_page(page.locale(), &page.source.rel_path, target),
            )),
            _ => None,
        })
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = cx.per_page(|p, page| {
        let mut out = Vec::new();
        // Targets not found, in order, each with its includes: one finding
        // per target, as `broken-link` gives (a Microsoft Graph reference
        // page includes one missing file eight times).
        let mut missing: Vec<(&str, Vec<&Directive>)> = Vec::new();
        for (d, target, found) in includes(cx, p) {
            match found {
                Some(q) if cx.site.pages[q].locale() != page.locale() => out.push(
                    Finding::note(
                        "source-fallback",
                        cx.location(p, d.span.clone()),
                        format!(
                            "include `{target}` is missing from `{}`: the built page uses `{}`'s `{}`",
                            cx.locale_key(p),
                            cx.locale_key(q),
                            cx.site.pages[q].source.rel_path
                        ),
                    )
                    .with_help("add the translated file to this locale if it should differ"),
                ),
                Some(_) => {}
                None if (cx.targets)
                    .leads_into_absent(page.locale(), &page.source.rel_path, target)
                    .is_some() => {}
                None => match missing.iter_mut().find(|(t, _)| *t == target) {
                    Some((_, ds)) => ds.push(d),
                    None => missing.push((target, vec![d])),
                },
            }
        }
        for (target, ds) in missing {
            let places = ds.iter().map(|d| cx.location(p, d.span.clone()));
            let finding = not_found(cx, p, ds[0], target);
            out.push(super::links::repeated_at(finding, "includes", places.collect()));
        }
        out
    });
    out.extend(cycles(cx));
    out
}

fn not_found(cx: &Context, p: usize, d: &Directive, target: &str) -> Finding {
    let page = &cx.site.pages[p];
    let locale = cx.locale_key(p);
    let (message, help) = match cx
        .site
        .find_file(page.locale(), &page.source.rel_path, target)
    {
        Some((_, path, _)) => (
            format!("include `{target}` names `{path}`, which is no Markdown file"),
            "include a `.md` file".to_owned(),
        ),
        None if (cx.targets)
            .locate(page.locale(), &page.source.rel_path, target)
            .is_none() =>
        {
            (
            format!(
                "include `{target}` climbs out of the `{locale}` folder, which polydoc refuses"
            ),
            "include a file inside the locale folder; `~/` starts from the folder of the page's docfx.json, else the locale's root"
                .to_owned(),
            )
        }
        None => (
            format!("include `{target}` names no file in `{locale}`"),
            "fix the path, or add the file (shared text usually lives in an `includes/` folder)"
                .to_owned(),
        ),
    };
    Finding::error("include-not-found", cx.location(p, d.span.clone()), message).with_help(help)
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    New,
    OnStack,
    Done,
}

fn cycles(cx: &Context) -> Vec<Finding> {
    let n = cx.site.pages.len();
    let mut mark = vec![Mark::New; n];
    let mut out = Vec::new();
    for start in 0..n {
        if mark[start] == Mark::New && includes(cx, start).next().is_some() {
            let mut stack = Vec::new();
            walk(cx, start, &mut mark, &mut stack, &mut out);
        }
    }
    out
}

fn walk(cx: &Context, p: usize, mark: &mut [Mark], stack: &mut Vec<usize>, out: &mut Vec<Finding>) {
    mark[p] = Mark::OnStack;
    stack.push(p);
    let edges: Vec<(Directive, Option<usize>)> = includes(cx, p)
        .map(|(d, _, found)| (d.clone(), found))
        .collect();
    for (d, found) in edges {
        let Some(q) = found else { continue };
        match mark[q] {
            Mark::New => walk(cx, q, mark, stack, out),
            Mark::OnStack => {
                let from = stack.iter().position(|&s| s == q).unwrap_or(0);
                let chain: Vec<&str> = stack[from..]
                    .iter()
                    .chain(std::iter::once(&q))
                    .map(|&s| cx.site.pages[s].source.rel_path.as_str())
                    .collect();
                out.push(
                    Finding::error(
                        "circular-reference",
                        cx.location(p, d.span.clone()),
                        format!("this include closes a cycle: {}", chain.join(" -> ")),
                    )
                    .with_help("an included file cannot include itself, directly or through others: remove one include of the chain"),
                );
            }
            Mark::Done => {}
        }
    }
    stack.pop();
    mark[p] = Mark::Done;
}
