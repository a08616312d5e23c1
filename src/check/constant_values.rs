//! `constant-value-mismatch`: a named constant that a page gives another
//! value than the other pages of the site give it.
//!
//! Reference pages define constants on a line of their own: an error a
//! method returns (`**wbemErrFailed** - 2147749889 (0x80041001)`), a flag
//! a parameter takes (`wbemFlagSendStatus (128 (0x80))`), a heading per
//! value (`#### DSBI_INCLUDEHIDDEN (131072 (0x20000))`). A name stands for
//! one value wherever it is written, and a site lists the same constants
//! on page after page. Microsoft's real WMI scripting pages
//! (`tests/data/real-wmi/`) give `wbemErrFailed` as `0x80041001` on every
//! page but `SWbemObject.AssociatorsAsync_`, which writes `2147449889
//! (0x7FFF7C21)`: a typo in the decimal (`44` for `74`) from which the
//! code was then worked out, so the two agree with each other and only
//! the other pages show the error. The source has it and so does every
//! translation; no comparison of locales, and no check of one page, can
//! see it.
//!
//! A definition is a line (outside code) that holds nothing but a name
//! and its hexadecimal value (on a side-by-side page, the translation it
//! shows, not the source text hidden beside it), in bold, italics or a code span or not,
//! after a heading's or list item's marker, `<dt>` or the `<span id>`
//! anchors reference pages put before it, with a separator (`-`, `–`,
//! `:`, `=`) or the value in parentheses, and the value's decimal before
//! it or not. The name must read as a constant: capitals joined by
//! underscores (`E_ACCESSDENIED`), or a lower-case prefix before capitals
//! (`wbemErrFailed`); a plain word (`Enabled`) or a PascalCase name
//! (`LogLevel`: a registry value, set to what each page says) is none.
//!
//! Values are counted by translation group, so that a source page and its
//! translations count once. A value is wrong when another value of the
//! same name holds at least three groups and at least twice as many as
//! it does; a page that gives one name two values is no evidence. Every
//! line of the wrong value is found, in each locale; the fix writes the
//! other pages' code, and the decimal beside it in the form the line
//! writes it (unsigned, or signed at the code's width), when the other
//! value holds three times as many groups.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use crate::diagnostic::{Edit, Finding};

use super::glued_terms::{code_ranges, in_code, in_code_span};
use super::{Context, hex_decimal};

/// A line that defines a constant: a name, then its code, the code's
/// decimal before it or not. Group `name` is the name as written (with
/// `\_` for `_`); one of `h1`..`h4` the code, `d1` or `d2` the decimal.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    let digits = r"[\x{2212}-]?[0-9][0-9,.\x20\x{a0}\x{202f}]*?";
    let hex = r"0[xX][0-9A-Fa-f]{1,16}";
    let pattern = format!(
        r#"(?x)
        ^[\x20\t]*
        (?:\#{{1,6}}[\x20\t]+ | [-*+][\x20\t]+ | [0-9]{{1,9}}[.)][\x20\t]+)?
        (?:<dt>[\x20\t]*)?
        (?:<span[\x20\t]+id="[^"<>]*"[\x20\t]*>[\x20\t]*</span>[\x20\t]*)*
        [*_`]*
        (?P<name>(?:\\?_)?[A-Za-z][A-Za-z0-9]*(?:\\?_[A-Za-z0-9]+)*)
        [*_`]*[\x20\t]*
        (?:[:=\x{{2013}}\x{{2014}}-][*_`]*[\x20\t]*)?
        (?:
            \([\x20\t]*(?P<d1>{digits})[\x20\t]*\([\x20\t]*(?P<h1>{hex})[\x20\t]*\)[\x20\t]*\)
          | (?P<d2>{digits})[\x20\t]*\([\x20\t]*(?P<h2>{hex})[\x20\t]*\)
          | \([\x20\t]*(?P<h3>{hex})[\x20\t]*\)
          | (?P<h4>{hex})
        )
        [*_`]*[\x20\t]*(?:</dt>)?[\x20\t]*\r?$"#
    );
    Regex::new(&pattern).expect("the definition pattern is valid")
});

/// A constant a page defines: its name (`\_` read as `_`), its code, and
/// where the code and its decimal are in the file.
#[derive(Debug, Clone)]
struct Definition {
    page: usize,
    name: String,
    value: u64,
    code: Range<usize>,
    decimal: Option<Range<usize>>,
}

pub fn check(cx: &Context) -> Vec<Finding> {
    let pages: Vec<Vec<Definition>> = (0..cx.site.pages.len())
        .into_par_iter()
        .map(|p| definitions(cx, p))
        .collect();
    // Per name, its definitions, and per value the translation groups
    // that give it.
    let mut names: BTreeMap<&str, Vec<&Definition>> = BTreeMap::new();
    for d in pages.iter().flatten() {
        names.entry(d.name.as_str()).or_default().push(d);
    }
    let mut out = Vec::new();
    for defs in names.values() {
        let mut values: BTreeMap<u64, BTreeSet<usize>> = BTreeMap::new();
        for d in defs {
            values
                .entry(d.value)
                .or_default()
                .insert(cx.site.pages[d.page].group);
        }
        let Some((&majority, groups)) = values.iter().max_by_key(|(_, g)| g.len()) else {
            continue;
        };
        let ties = values.values().filter(|g| g.len() == groups.len()).count();
        if values.len() < 2 || ties > 1 || groups.len() < 3 {
            continue;
        }
        let examples: Vec<&Definition> = defs
            .iter()
            .copied()
            .filter(|d| d.value == majority)
            .collect();
        for (&value, wrong) in &values {
            if value == majority || groups.len() < 2 * wrong.len() {
                continue;
            }
            let sure = groups.len() >= 3 * wrong.len();
            for d in defs.iter().filter(|d| d.value == value) {
                out.extend(finding(cx, d, &examples, groups, sure));
            }
        }
    }
    out
}

/// The constants page `p` defines, less those it gives two values.
fn definitions(cx: &Context, p: usize) -> Vec<Definition> {
    let page = &cx.site.pages[p];
    if page.source.landing {
        return Vec::new();
    }
    let text = page.source.text.as_str();
    let bytes = text.as_bytes();
    let body = page.source.body_start.min(bytes.len());
    let mut out: Vec<Definition> = Vec::new();
    let mut done = 0;
    let mut code = None;
    // An `x` is rarer in text than a `0`: found first, then its `0`.
    for x in memchr::memchr2_iter(b'x', b'X', &bytes[body..]).map(|at| body + at) {
        let at = x.saturating_sub(1);
        if at < done || at < body || bytes[at] != b'0' {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |n| n + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        done = end;
        let Some(line) = text.get(start..end) else {
            continue;
        };
        // Table rows and quotes, most lines with a code, define nothing.
        if line.trim_start().starts_with(['|', '>']) {
            continue;
        }
        let (within, line) = shown(line);
        if let Some(d) = definition(p, line, start + within) {
            // Code blocks, found once per page (asked of each definition
            // in turn, a page of thousands took the square of that).
            let blocks = code.get_or_insert_with(|| code_ranges(page));
            if !in_code(blocks, d.code.start) && !in_code_span(text, d.code.start) {
                out.push(d);
            }
        }
    }
    let mut values: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for d in &out {
        values.entry(d.name.clone()).or_default().insert(d.value);
    }
    out.retain(|d| values.get(&d.name).is_some_and(|v| v.len() == 1));
    out
}

/// Where in `line` the text a reader sees starts, and that text: on a
/// side-by-side page (older localized pages), the translation in
/// `<span data-ttu-id="...">`, before the source text kept hidden beside
/// it in `<span class="sxs-lookup">`; elsewhere the whole line.
fn shown(line: &str) -> (usize, &str) {
    const SHOWN: &str = "<span data-ttu-id=\"";
    const SOURCE: &str = "</span><span class=\"sxs-lookup\">";
    let Some(open) = line.find(SHOWN) else {
        return (0, line);
    };
    let Some(start) = line[open..].find('>').map(|gt| open + gt + 1) else {
        return (0, line);
    };
    let end = line[start..]
        .find(SOURCE)
        .map_or(line.len(), |end| start + end);
    (start, &line[start..end])
}

/// The constant `line` (at byte `start` of page `p`) defines, if it is a
/// definition and the name reads as a constant's.
fn definition(p: usize, line: &str, start: usize) -> Option<Definition> {
    let caps = DEFINITION.captures(line)?;
    let name = caps.name("name")?.as_str().replace("\\_", "_");
    if !constant_like(&name) {
        return None;
    }
    let code = ["h1", "h2", "h3", "h4"].iter().find_map(|g| caps.name(g))?;
    let (value, _) = hex_decimal::hex_value(code.as_str())?;
    let decimal = ["d1", "d2"].iter().find_map(|g| caps.name(g));
    Some(Definition {
        page: p,
        name,
        value,
        code: start + code.start()..start + code.end(),
        decimal: decimal.map(|d| start + d.start()..start + d.end()),
    })
}

/// Whether `name` reads as a constant's: capitals and digits joined by
/// underscores (`E_ACCESSDENIED`, `S_OK`), or a lower-case prefix before
/// capitals, six characters at least (`wbemErrFailed`, `adOpenStatic`).
pub(super) fn constant_like(name: &str) -> bool {
    let bytes = name.as_bytes();
    let capitals = bytes.iter().filter(|b| b.is_ascii_uppercase()).count();
    let snake = name.contains('_')
        && capitals >= 2
        && bytes
            .iter()
            .all(|&b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    let prefixed =
        bytes.first().is_some_and(u8::is_ascii_lowercase) && capitals >= 1 && name.len() >= 6;
    snake || prefixed
}

fn finding(
    cx: &Context,
    d: &Definition,
    examples: &[&Definition],
    groups: &BTreeSet<usize>,
    sure: bool,
) -> Option<Finding> {
    let written = cx.snippet(d.page, d.code.clone())?;
    // The other pages' code as they write it, from the same locale first.
    let locale = cx.site.pages[d.page].locale();
    let same = |e: &&&Definition| cx.site.pages[e.page].locale() == locale;
    let shown: Vec<&&Definition> = examples
        .iter()
        .filter(same)
        .chain(examples.iter().filter(|e| !same(e)))
        .take(3)
        .collect();
    let right = cx.snippet(shown.first()?.page, shown.first()?.code.clone())?;
    // Other translation groups: this page's own translations that give
    // the right value are no other page.
    let others = groups.len() - usize::from(groups.contains(&cx.site.pages[d.page].group));
    let mut finding = Finding::warning(
        "constant-value-mismatch",
        cx.location(d.page, d.code.clone()),
        format!(
            "`{}` is `{written}` here, but `{right}` on {others} other page{} of the site",
            d.name,
            if others == 1 { "" } else { "s" }
        ),
    );
    for e in &shown {
        if let Some(code) = cx.snippet(e.page, e.code.clone()) {
            finding = finding.with_related(
                cx.location(e.page, e.code.clone()),
                format!("`{}` is `{code}` here", d.name),
            );
        }
    }
    let (_, digits) = hex_decimal::hex_value(right)?;
    let old = hex_decimal::hex_value(written)?.0;
    let new = hex_decimal::hex_value(right)?.0;
    let mut edits: Vec<Edit> = cx
        .edit(d.page, d.code.clone(), right.to_owned())
        .into_iter()
        .collect();
    let mut help = format!("a constant has one value: write `{right}`");
    if let Some(span) = &d.decimal
        && let Some(number) = cx.snippet(d.page, span.clone())
        && let Some(decimal) = decimal_for(number, old, new, digits)
    {
        help.push_str(&format!(" and `{decimal}`"));
        edits.extend(cx.edit(d.page, span.clone(), decimal));
    }
    finding = finding.with_help(format!(
        "{help}, as the other pages do; if this page is right, correct them"
    ));
    Some(if sure {
        finding.with_fix(edits)
    } else {
        finding.with_proposal(edits)
    })
}

/// The decimal to write for code `new` where `number` is written for
/// code `old`: in the same form (unsigned, or signed at the code's width,
/// in the same digits and grouping), or `None` when `number` is not
/// `old`'s value in either form. A sign glued to an unsigned value (the
/// separator of `- 2147749889` lost in translation) is kept as written.
fn decimal_for(number: &str, old: u64, new: u64, digits: u8) -> Option<String> {
    let written = hex_decimal::decimal_value(number)?;
    let bits = hex_decimal::width(digits);
    let (old, new) = (i128::from(old), i128::from(new));
    if written.abs() == old {
        let sign: String = number
            .chars()
            .take_while(|c| matches!(c, '-' | '\u{2212}'))
            .collect();
        Some(format!("{sign}{}", hex_decimal::grouped(new, number)))
    } else if hex_decimal::signed(old, bits) == Some(written) {
        let value = hex_decimal::signed(new, bits).unwrap_or(new);
        let sign = if value < 0 { "-" } else { "" };
        Some(format!(
            "{sign}{}",
            hex_decimal::grouped(value.abs(), number)
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(line: &str) -> Option<(String, u64, Option<String>)> {
        let d = definition(0, line, 0)?;
        Some((d.name, d.value, d.decimal.map(|r| line[r].to_owned())))
    }

    #[test]
    fn definitions_are_lines_of_a_name_and_its_code() {
        assert_eq!(
            parsed("**wbemErrFailed** - 2147749889 (0x80041001)"),
            Some((
                "wbemErrFailed".into(),
                0x80041001,
                Some("2147749889".into())
            ))
        );
        assert_eq!(
            parsed("**wbemErrFailed** -2147749889 (0x80041001)"),
            Some((
                "wbemErrFailed".into(),
                0x80041001,
                Some("2147749889".into())
            ))
        );
        assert_eq!(
            parsed("**wbemErrAccessDenied:** 2147749891 (0x80041003)"),
            Some((
                "wbemErrAccessDenied".into(),
                0x80041003,
                Some("2147749891".into())
            ))
        );
        assert_eq!(
            parsed(
                r#"<span id="x"></span><span id="X"></span>****wbemFlagSendStatus**** (128 (0x80))"#
            ),
            Some(("wbemFlagSendStatus".into(), 0x80, Some("128".into())))
        );
        assert_eq!(
            parsed("#### DSBI_INCLUDEHIDDEN (131072 (0x20000))"),
            Some(("DSBI_INCLUDEHIDDEN".into(), 0x20000, Some("131072".into())))
        );
        assert_eq!(
            parsed(r"- **E\_ACCESSDENIED**: 0x80070005"),
            Some(("E_ACCESSDENIED".into(), 0x80070005, None))
        );
        assert_eq!(parsed("`S_OK` (0x0)"), Some(("S_OK".into(), 0, None)));
    }

    #[test]
    fn side_by_side_pages_define_what_they_show() {
        let line = concat!(
            r#"<span data-ttu-id="b64e3-172">**wbemErrFailed** -2147449889 (0x7FFF7C21)</span>"#,
            r#"<span class="sxs-lookup"><span data-stu-id="b64e3-172">**wbemErrFailed** - 2147449889 (0x7FFF7C21)</span></span>"#
        );
        let (start, text) = shown(line);
        assert_eq!(text, "**wbemErrFailed** -2147449889 (0x7FFF7C21)");
        let d = definition(0, text, start).expect("a definition");
        assert_eq!((d.name.as_str(), d.value), ("wbemErrFailed", 0x7FFF7C21));
        assert_eq!(&line[d.code], "0x7FFF7C21");
        // A translated name shows no constant, whatever the source says.
        let line = concat!(
            r#"<span data-ttu-id="01611-172">**вбемеррфаилед** -2147449889 (0x7FFF7C21)</span>"#,
            r#"<span class="sxs-lookup"><span data-stu-id="01611-172">**wbemErrFailed** - 2147449889 (0x7FFF7C21)</span></span>"#
        );
        let (start, text) = shown(line);
        assert!(definition(0, text, start).is_none());
        // Anchors inside the shown span.
        let line = concat!(
            r#"<span data-ttu-id="f9d90-134"><span id="wbemFlagUseAmendedQualifiers"></span>**wbemFlagUseAmendedQualifiers** (131072 (0x20000))</span>"#,
            r#"<span class="sxs-lookup"><span data-stu-id="f9d90-134">x</span></span>"#
        );
        let (start, text) = shown(line);
        assert_eq!(definition(0, text, start).map(|d| d.value), Some(0x20000));
    }

    #[test]
    fn other_lines_define_nothing() {
        // Words and registry values, whose values are settings.
        assert_eq!(parsed("**Enabled** (0x1)"), None);
        assert_eq!(parsed("LogLevel = 0x0"), None);
        assert_eq!(parsed("Error 0x80070005"), None);
        // More than a name and a code.
        assert_eq!(
            parsed("**wbemErrNotFound** -2147749890 (0x80041002 angezeigt)"),
            None
        );
        assert_eq!(parsed("Set wbemFlagSendStatus to 0x80."), None);
        assert_eq!(parsed("| wbemErrFailed | 0x80041001 |"), None);
    }

    #[test]
    fn the_decimal_keeps_its_form() {
        // Unsigned, with a sign glued to it, signed, grouped.
        assert_eq!(
            decimal_for("2147449889", 0x7FFF7C21, 0x80041001, 8).as_deref(),
            Some("2147749889")
        );
        assert_eq!(
            decimal_for("-2147449889", 0x7FFF7C21, 0x80041001, 8).as_deref(),
            Some("-2147749889")
        );
        assert_eq!(
            decimal_for("-2147217407", 0x80041001, 0x80041003, 8).as_deref(),
            Some("-2147217405")
        );
        assert_eq!(
            decimal_for("2.147.749.889", 0x80041001, 0x80041003, 8).as_deref(),
            Some("2.147.749.891")
        );
        // A number that is not the old code's value is left alone.
        assert_eq!(decimal_for("5", 0x80070005, 0x80070006, 8), None);
    }
}
