//! Headings that are a name (a parameter, a type) a translation renamed:
//! the heading part of the switch checks in `translation-token-mismatch`,
//! beside table rows ([`super::switches`]) and prose
//! ([`super::switch_mentions`]).
//!
//! PowerShell's reference pages, as platyPS writes them (PowerShell-Docs
//! and every module documented the same way), give each parameter a
//! heading of its own, `### -Exclude`, whose automatic id (`#-exclude`)
//! other pages link to. Machine translation renames some of them: the
//! real sv-se `Test-Path` page reads `### -Undanta` and `### -Inkludera`,
//! the ko-kr one `### -제외` and `### -포함`, where fr-fr keeps `-Exclude`
//! and `-Include` (`tests/data/real-powershell/`). With each locale
//! renaming in its own way no majority exists, and none is needed: the
//! page's own syntax block tells. A heading is flagged when the same heading in another
//! locale is exactly a switch that this page names elsewhere as a word,
//! while its own heading is no such switch: either no switch at all, or
//! one the page names nowhere else. A heading whose switch the page names
//! elsewhere is never flagged, so headings paired out of order (a locale
//! that lacks one parameter) blame nobody.
//!
//! The same pages head their inputs and outputs with .NET type names
//! (`### System.String`), which machine translation breaks as well (the
//! real sv-se pages write `### System. String`): a heading that is
//! exactly a dotted type name is judged the same way, on the same
//! evidence (the page names the type elsewhere, in its parameters'
//! `Type:` lines), or, for a type split at its dot, on the heading's own:
//! `System. Boolean` where another locale's same heading is exactly
//! `System.Boolean`, which no translation writes on purpose.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::{self, facts::UnitKind};

use super::Context;
use super::switches::{in_cell, line_of, named_elsewhere};
use super::tokens::Member;

/// One member's heading: its text's byte range in the file, its plain
/// text and id, and the name that text is, if it is exactly one
/// (lower-cased).
struct Heading<'a> {
    span: Range<usize>,
    /// The heading's whole line: what names a parameter "elsewhere" is
    /// outside it (an `<a name>` spelling the heading is no evidence).
    line: Range<usize>,
    text: &'a str,
    id: &'a str,
    name: Option<String>,
}

/// What a heading that is exactly one name names.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// A switch: `-Exclude`, `/all`, `--name`.
    Parameter,
    /// A .NET type: `System.String`, `System.Management.Automation.PSObject`.
    Type,
}

impl Kind {
    fn of(name: &str) -> Kind {
        if name.starts_with(['-', '/']) {
            Kind::Parameter
        } else {
            Kind::Type
        }
    }
}

/// Whether `text` is exactly a dotted .NET type name: two or more parts,
/// each a capital and then letters, digits or `_`, maybe ending in `[]`.
/// `Node.js` and `ASP.NET Core` are none.
fn is_type_name(text: &str) -> bool {
    let name = text.strip_suffix("[]").unwrap_or(text);
    let mut parts = 0;
    for part in name.split('.') {
        let mut chars = part.chars();
        let capital = chars.next().is_some_and(|c| c.is_ascii_uppercase());
        if !capital || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// The names `text` holds as words: its switches, and its words that are
/// type names.
fn names_in(text: &str) -> Vec<String> {
    let switches = in_cell(text).into_iter().map(|r| &text[r]);
    let types = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ':' | '`'))
        .filter(|w| is_type_name(w));
    switches.chain(types).map(str::to_ascii_lowercase).collect()
}

/// The heading of `member`, as its plain text (what the HTML shows: no
/// `#` marks, no `<a name>` anchor, no side-by-side source text), where
/// the file has that text.
fn heading<'a>(cx: &Context<'a>, member: Member) -> Option<Heading<'a>> {
    let (found, plain) = plain_text(cx, member)?;
    let page = &cx.site.pages[member.0];
    let offset = found.offset;
    let headings = &page.doc.headings;
    let text = page.source.text.as_str();
    text.get(offset..)?;
    let line = line_of(text, offset);
    let written = &text[line.clone()];
    // Past the `#` marks, and a leading `<a name>` (whose id may spell
    // the same name): the plain text where the line has it, else (markup
    // inside it) all of the rest.
    let rest = written.trim_start_matches('#').trim_start();
    let rest = match rest.strip_prefix("<a ").and_then(|a| a.split_once("</a>")) {
        Some((_, after)) => after,
        None => rest,
    };
    let from = line.end - rest.len();
    let span = match rest.find(plain).filter(|_| !plain.is_empty()) {
        Some(at) => from + at..from + at + plain.len(),
        None => from..from + rest.trim_end().len(),
    };
    Some(Heading {
        span,
        line,
        text: plain,
        id: headings.id(found),
        name: is_name(plain).then(|| plain.to_ascii_lowercase()),
    })
}

/// The heading of `member` and its plain text.
fn plain_text<'a>(
    cx: &Context<'a>,
    (page, unit): Member,
) -> Option<(&'a markdown::Heading, &'a str)> {
    let page = &cx.site.pages[page];
    let offset = page.doc.facts.units[unit].offset;
    let headings = &page.doc.headings;
    // Headings are in document order: a binary search, not a walk, for
    // reference pages with hundreds of them.
    let at = headings.partition_point(|h| h.offset < offset);
    let found = headings.get(at).filter(|h| h.offset == offset)?;
    Some((found, headings.text(found).trim()))
}

/// Whether a heading's plain text is exactly one name: a switch or a
/// type.
fn is_name(plain: &str) -> bool {
    match in_cell(plain).as_slice() {
        [only] => *only == (0..plain.len()),
        _ => is_type_name(plain),
    }
}

/// The findings for one aligned heading.
pub fn renamed(cx: &Context, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    if !matches!(
        cx.site.pages[page].doc.facts.units[unit].kind,
        UnitKind::Heading(_)
    ) {
        return Vec::new();
    }
    // Nearly always every locale's heading is the same name, or none is
    // a name: nothing to look up on the pages then (a cheap test first:
    // every heading of every translation comes here).
    let names: Vec<Option<&str>> = members
        .iter()
        .map(|&m| {
            plain_text(cx, m)
                .map(|(_, plain)| plain)
                .filter(|p| is_name(p))
        })
        .collect();
    let same = names.iter().all(|n| match (n, names[0]) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        (a, b) => a.is_none() && b.is_none(),
    });
    if same || names.iter().all(Option::is_none) {
        return Vec::new();
    }
    let headings: Vec<Option<Heading>> = members.iter().map(|&m| heading(cx, m)).collect();
    let mut out = Vec::new();
    for (i, own) in headings.iter().enumerate() {
        let Some(own) = own else { continue };
        let page = members[i].0;
        let text = cx.site.pages[page].source.text.as_str();
        let named = |name: &str| named_elsewhere(cx, page, name, &own.line);
        if own.name.as_deref().is_some_and(|s| named(s).is_some()) {
            continue;
        }
        // A heading that keeps the name in words of its own ("the
        // -Confirm parameter") kept the name; only its id changed, which
        // `missing-anchor` reports where a link needs it.
        let own_text = own.text;
        let mentioned = names_in(own_text);
        // The first name another locale's heading is, that this page names.
        let kept = headings
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .filter_map(|(j, h)| Some((j, h.as_ref()?)))
            .filter_map(|(j, h)| Some((j, h, h.name.as_deref()?)))
            .filter(|(_, _, name)| !mentioned.iter().any(|m| m == name))
            .find_map(|(j, h, name)| named(name).map(|at| (j, h, name, at)));
        // Else a type name split at its dot (`System. Boolean`) where
        // another locale's heading is that type: the heading itself
        // tells, whether or not the page names the type elsewhere.
        let split = || {
            if own.name.is_some() || !own_text.contains(". ") {
                return None;
            }
            let joined: String = own_text.chars().filter(|c| *c != ' ').collect();
            headings
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .filter_map(|(j, h)| Some((j, h.as_ref()?)))
                .filter_map(|(j, h)| Some((j, h, h.name.as_deref()?)))
                .find(|(_, h, name)| Kind::of(name) == Kind::Type && h.text == joined)
        };
        let (j, theirs, name, named_at) = match kept {
            Some((j, theirs, name, at)) => (j, theirs, name, Some(at)),
            None => match split() {
                Some((j, theirs, name)) => (j, theirs, name, None),
                None => continue,
            },
        };
        let kind = Kind::of(name);
        let their_text = theirs.text;
        let holders: Vec<usize> = (0..members.len())
            .filter(|&k| k != i)
            .filter(|&k| {
                headings[k]
                    .as_ref()
                    .is_some_and(|h| h.name.as_deref() == Some(name))
            })
            .collect();
        let locales: Vec<String> = holders
            .iter()
            .map(|&k| cx.locale_label(members[k].0))
            .collect();
        let what = if own.name.is_some() {
            format!("`{own_text}`, which this page names nowhere else")
        } else {
            format!("`{own_text}`")
        };
        let named_line = match &named_at {
            Some(at) => format!(
                ", which this page names on line {}",
                cx.line(page, at.start)
            ),
            None => ": machine translation split it at its dot".to_owned(),
        };
        let mut finding = Finding::error(
            "translation-token-mismatch",
            cx.location(page, own.span.clone()),
            format!(
                "this heading reads {what}, where {} {} the {} `{their_text}`{named_line}",
                locales.join(", "),
                super::tokens::have(locales.len()),
                match kind {
                    Kind::Parameter => "parameter",
                    Kind::Type => "type",
                },
            ),
        )
        .with_help(match kind {
            Kind::Parameter => format!(
                "write `{their_text}` as {} does: translations keep a parameter's name, and links to its heading (`#{}`) land here only then",
                cx.locale_key(members[j].0),
                theirs.id
            ),
            Kind::Type => format!(
                "write `{their_text}` as {} does: translations keep a type's name",
                cx.locale_key(members[j].0)
            ),
        });
        if let Some(at) = named_at {
            let written = &text[at.clone()];
            finding = finding.with_related(
                cx.location(page, at),
                format!("this page names `{written}` here"),
            );
        }
        for k in holders {
            let at = headings[k]
                .as_ref()
                .map(|h| h.span.clone())
                .unwrap_or_default();
            finding = finding.with_related(
                cx.location(members[k].0, at),
                format!("the same heading in {}", cx.locale_key(members[k].0)),
            );
        }
        out.push(finding);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_type_name;

    #[test]
    fn type_names_are_dotted_capitalised_parts() {
        for name in [
            "System.String",
            "System.String[]",
            "System.Management.Automation.PSObject",
            "Microsoft.PowerShell.Commands.TestPathType",
        ] {
            assert!(is_type_name(name), "{name}");
        }
        for text in [
            "System. String",
            "System",
            "Node.js",
            "ASP.NET Core",
            "System.Nullable`1[System.DateTime]",
            ".NET",
            "Windows.",
        ] {
            assert!(!is_type_name(text), "{text}");
        }
    }
}
