//! DocFX blocks used wrongly: `unclosed-block`, `invalid-block`,
//! `invalid-zone`, `codesnippet-not-found`, `invalid-tab-group`.
//!
//! The build renders what it can (an unclosed zone is closed at the end
//! of the page, a missing snippet is left out); these findings say what
//! DocFX would have warned about, where, and how to fix it.

use crate::diagnostic::Finding;
use crate::markdown::directives::{Directive, KNOWN_BLOCKS, Kind};
use crate::markdown::snippet;
use crate::site::Page;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut out = Vec::new();
        nesting(cx, p, page, &mut out);
        for d in &page.doc.directives {
            attributes(cx, p, d, &mut out);
            range_problems(cx, p, page, d, &mut out);
            if let Some(finding) = snippet_missing(cx, p, page, d) {
                out.push(finding);
            }
        }
        tab_groups(cx, p, page, &mut out);
        out
    })
}

/// Containers opened and closed in order; what stays open is unclosed.
fn nesting(cx: &Context, p: usize, page: &Page, out: &mut Vec<Finding>) {
    let mut open: Vec<(&Directive, &str)> = Vec::new();
    for d in &page.doc.directives {
        match &d.kind {
            Kind::Block { name, .. } if d.is_container() => {
                if name == "zone" && open.iter().any(|(_, n)| *n == "zone") {
                    out.push(
                        Finding::error(
                            "invalid-zone",
                            cx.location(p, d.span.clone()),
                            "a zone cannot be inside another zone",
                        )
                        .with_help(
                            "close the outer zone with `::: zone-end` before opening this one",
                        ),
                    );
                }
                if name == "column" && !open.iter().any(|(_, n)| *n == "row") {
                    out.push(
                        Finding::error(
                            "invalid-block",
                            cx.location(p, d.span.clone()),
                            "`:::column:::` is outside any `:::row:::`",
                        )
                        .with_help("put the columns between `:::row:::` and `:::row-end:::`"),
                    );
                }
                open.push((d, name));
            }
            Kind::End { name } => match open.iter().rposition(|(_, n)| n == name) {
                Some(at) => {
                    for (inner, inner_name) in open.drain(at..).skip(1) {
                        out.push(unclosed(cx, p, inner, inner_name));
                    }
                }
                None => out.push(
                    Finding::error(
                        if name == "zone" || name == "moniker" {
                            "invalid-zone"
                        } else {
                            "invalid-block"
                        },
                        cx.location(p, d.span.clone()),
                        format!("this `{name}-end` closes no open `{name}`"),
                    )
                    .with_help(format!(
                        "remove it, or open the block above with `:::{name} ...:::`"
                    )),
                ),
            },
            _ => {}
        }
    }
    for (d, name) in open {
        out.push(unclosed(cx, p, d, name));
    }
}

fn unclosed(cx: &Context, p: usize, d: &Directive, name: &str) -> Finding {
    let end = if name == "zone" || name == "moniker" {
        format!("::: {name}-end")
    } else {
        format!(":::{name}-end:::")
    };
    Finding::error(
        "unclosed-block",
        cx.location(p, d.span.clone()),
        format!("this `{name}` block is never closed"),
    )
    .with_help(format!("add `{end}` on its own line where the block ends"))
}

/// Attributes a block needs.
fn attributes(cx: &Context, p: usize, d: &Directive, out: &mut Vec<Finding>) {
    let at = || cx.location(p, d.span.clone());
    let (rule, message, help): (&'static str, String, String) = match &d.kind {
        Kind::Unknown { name } => (
            "invalid-block",
            format!("DocFX has no `:::{name}:::` block; it shows as plain text"),
            format!(
                "use one of {}",
                KNOWN_BLOCKS
                    .iter()
                    .map(|b| format!("`{b}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        Kind::Block { name, .. } => match name.as_str() {
            "image" => {
                let kind = d.attr("type").unwrap_or("content");
                if !["content", "icon", "complex"].contains(&kind) {
                    (
                        "invalid-block",
                        format!("image type `{kind}` is unknown"),
                        "write `type=\"content\"`, `\"icon\"` or `\"complex\"`".into(),
                    )
                } else if d.attr("source").is_none_or(str::is_empty) {
                    (
                        "invalid-block",
                        "this image has no `source`".into(),
                        "add `source=\"path/to/image.png\"`".into(),
                    )
                } else if kind != "icon" && d.attr("alt-text").is_none_or(str::is_empty) {
                    (
                        "invalid-block",
                        "this image has no `alt-text`: readers of a screen reader get nothing"
                            .into(),
                        "add `alt-text=\"...\"` describing the image".into(),
                    )
                } else {
                    return;
                }
            }
            "video" | "code" if d.attr("source").is_none_or(str::is_empty) => (
                "invalid-block",
                format!("this `{name}` block has no `source`"),
                "add `source=\"...\"`".into(),
            ),
            "zone" if d.attr("pivot").is_none() && d.attr("target").is_none() => (
                "invalid-zone",
                "this zone names no `pivot` or `target`, so it is always shown".into(),
                "write `::: zone pivot=\"...\"` (or `target=\"docs\"`)".into(),
            ),
            "moniker" if d.attr("range").is_none_or(str::is_empty) => (
                "invalid-zone",
                "this moniker block has no `range`".into(),
                "write `::: moniker range=\"...\"`".into(),
            ),
            _ => return,
        },
        _ => return,
    };
    out.push(Finding::error(rule, at(), message).with_help(help));
}

/// A moniker block whose range DocFX cannot read, or that names a
/// version `[monikers]` does not list: DocFX fails the build there, and
/// the version picker cannot tell the block's versions (a block it cannot
/// read shows for every version; one naming an unknown version, for none
/// of the listed ones).
fn range_problems(cx: &Context, p: usize, page: &Page, d: &Directive, out: &mut Vec<Finding>) {
    if !matches!(&d.kind, Kind::Block { name, .. } if name == "moniker") {
        return;
    }
    let Some(range) = d.attr("range").filter(|r| !r.trim().is_empty()) else {
        return;
    };
    // The value's place in the file, so that the caret points into it.
    let written = page.source.text.get(d.span.clone()).unwrap_or_default();
    let value = written.find(&format!("\"{range}\"")).map(|i| i + 1);
    let at = |offset: usize, len: usize| {
        let start = d.span.start + value.map_or(0, |v| v + offset);
        cx.location(p, start..start + len.max(1))
    };
    let parsed = match crate::monikers::Range::parse(range) {
        Ok(parsed) => parsed,
        Err(error) => {
            out.push(
                Finding::error(
                    "invalid-zone",
                    at(error.offset, 1),
                    format!("moniker range `{range}` cannot be read: {}", error.message),
                )
                .with_help(
                    "write monikers joined by `||` (either) or spaces (both), each after an optional `=`, `<`, `<=`, `>` or `>=`: `>= vs-2019`, `vs-2017 || vs-2019`",
                ),
            );
            return;
        }
    };
    let listed = &cx.site.monikers.products;
    if listed.is_empty() {
        return;
    }
    let known = || listed.iter().flat_map(|(_, versions)| versions.iter());
    for (offset, moniker) in parsed.monikers_at() {
        if known().any(|k| k.eq_ignore_ascii_case(moniker)) {
            continue;
        }
        let written = &range[offset..offset + moniker.len()];
        let help = match super::closest(moniker, known().map(String::as_str)) {
            Some(near) => format!(
                "did you mean `{near}`? Otherwise add `{written}` to its product's versions under `[monikers]` in polydoc.toml"
            ),
            None => format!(
                "add `{written}` to its product's versions under `[monikers]` in polydoc.toml"
            ),
        };
        out.push(
            Finding::error(
                "invalid-zone",
                at(offset, moniker.len()),
                format!("moniker `{written}` is none of the versions `[monikers]` lists"),
            )
            .with_help(help),
        );
    }
}

/// `:::code` and `[!code]` whose file, region or lines do not exist.
fn snippet_missing(cx: &Context, p: usize, page: &Page, d: &Directive) -> Option<Finding> {
    let reference = snippet::reference(d)?;
    let target = reference.path;
    let location = cx.location(p, d.span.clone());
    let Some(code) = cx
        .site
        .snippet(page.locale(), &page.source.rel_path, target)
    else {
        let (locale, file) = (page.locale(), &page.source.rel_path);
        if cx.targets.leads_into_absent(locale, file, target).is_some() {
            return None;
        }
        return Some(
            Finding::error(
                "codesnippet-not-found",
                location,
                format!(
                    "code file `{target}` does not exist in `{}`",
                    cx.locale_key(p)
                ),
            )
            .with_help(
                "fix the path; it is relative to this file, or with `~/` to the folder of its docfx.json (else the locale root)",
            ),
        );
    };
    let missing = snippet::select(&code, &reference.selection).err()?;
    let help = match &missing {
        snippet::Missing::Region(wanted) => region_help(wanted, &snippet::regions(&code)),
        snippet::Missing::Lines { .. } => "name lines the file has".to_owned(),
    };
    Some(
        Finding::error(
            "codesnippet-not-found",
            location,
            format!("code file `{target}`: {missing}"),
        )
        .with_help(help),
    )
}

/// What to write instead of a region the file does not mark: the closest
/// of those it marks, and all of them.
fn region_help(wanted: &str, regions: &[String]) -> String {
    if regions.is_empty() {
        return "the file marks no region: name its lines (`#L5-L10`, `range=\"5-10\"`), or mark one in it (`// <name>` ... `// </name>`, `#region name` ... `#endregion`)".to_owned();
    }
    let quoted: Vec<String> = regions.iter().map(|r| format!("`{r}`")).collect();
    let near = super::closest(wanted, regions.iter().map(String::as_str))
        .map(|near| format!("did you mean `{near}`? "))
        .unwrap_or_default();
    let list = if quoted.len() <= 10 {
        super::and_list(&quoted)
    } else {
        super::capped_list(&quoted)
    };
    format!("{near}the file marks {list}")
}

/// Two tabs of one group with the same id: the second can never be selected.
fn tab_groups(cx: &Context, p: usize, page: &Page, out: &mut Vec<Finding>) {
    let headings = &page.doc.headings;
    for group in &page.doc.tab_groups {
        for (i, &h) in group.iter().enumerate() {
            let tab = &headings[h];
            let id = headings.id(tab);
            let first = group[..i]
                .iter()
                .find(|&&o| headings.id(&headings[o]) == id);
            let problem = if id.is_empty() {
                Some("this tab has an empty id".to_owned())
            } else {
                first.map(|_| format!("tab id `{id}` is used twice in this tab group"))
            };
            if let Some(message) = problem {
                let mut finding = Finding::warning(
                    "invalid-tab-group",
                    cx.location(p, tab.offset..tab.offset),
                    message,
                )
                .with_help("give every tab of a group its own id: `# [Title](#tab/id)`");
                if let Some(&o) = first {
                    let at = headings[o].offset;
                    finding =
                        finding.with_related(cx.location(p, at..at), "the first tab with this id");
                }
                out.push(finding);
            }
        }
    }
}
