//! A code's value that a translation wrote with words added: part of
//! `translation-token-mismatch`, beside [`super::spaced_keys`].
//!
//! Win32's System Error Codes pages give each error's value as a
//! paragraph of numbers alone, `65 (0x41)`. The real ru-ru translation of
//! "System Error Codes (0-499)" (`MicrosoftDocs/win32-pr.ru-ru`, and the
//! side-by-side version before it) reads `65 (0x41 влево)`, "0x41 left":
//! machine translation took the code for words (`tests/data/real-syserr`,
//! line 715, beside de-de's `65 (0x41)`). Its tokens are the
//! source's, so the token comparison sees nothing; a reader sees a value
//! that is not one.
//!
//! A paragraph is such a value when it is numbers and hexadecimal codes
//! alone, one code at least (numbers alone may be a year or a count that
//! a language rightly writes with its unit: `2019 г.`). A member is
//! flagged when it holds the same numbers and codes, in the same order,
//! and words besides, where the source's block (or, among peers, every
//! other member read as a value) is that value alone; on a side-by-side
//! page, what it shows before the hidden source text is read ([`shown`]).
//! `check --fix` writes the value as the others do: nothing of it was
//! translated.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;

use super::Context;
use super::tokens::Member;

/// The findings for one aligned block; `source` says member 0 is the
/// source's block.
pub fn added(cx: &Context, source: bool, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    if cx.site.pages[page].doc.facts.units[unit].kind != UnitKind::Paragraph {
        return Vec::new();
    }
    let read: Vec<Option<Read>> = members.iter().map(|&m| read(cx, m)).collect();
    // Most paragraphs are prose, read as no value: nothing to compare.
    if read.iter().flatten().all(|r| !r.words.is_empty()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, member) in read.iter().enumerate() {
        let Some(flagged) = member.as_ref().filter(|r| !r.words.is_empty()) else {
            continue;
        };
        // The value as the others write it: the source's, or every
        // other member's alike.
        let others: Vec<&Read> = if source {
            if i == 0 {
                continue;
            }
            read[0].iter().collect()
        } else {
            // A member not read as a value (markup around it) has no say.
            read.iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .filter_map(|(_, r)| r.as_ref())
                .collect()
        };
        let Some(value) = others.first() else {
            continue;
        };
        if !value.words.is_empty()
            || !value.values.iter().any(|v| is_code(v))
            || others.iter().any(|o| o.text != value.text)
            || flagged.values != value.values
        {
            continue;
        }
        let (p, _) = members[i];
        let words = flagged
            .words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        // The members that write the value as it is: the others named.
        let alike: Vec<usize> = (0..members.len())
            .filter(|&j| j != i && read[j].as_ref().is_some_and(|r| r.text == value.text))
            .collect();
        let locales = alike
            .iter()
            .map(|&j| cx.locale_key(members[j].0).to_owned())
            .collect::<Vec<_>>()
            .join(", ");
        let verb = if alike.len() == 1 { "reads" } else { "read" };
        let message = format!(
            "this value reads `{}` where {locales} {verb} `{}`: machine translation added {words} to a value of numbers and codes alone",
            flagged.text, value.text
        );
        let mut finding = Finding::warning(
            "translation-token-mismatch",
            cx.location(p, flagged.span.clone()),
            message,
        )
        .with_help(format!(
            "write `{}`, as the other locales do: numbers and codes are not translated",
            value.text
        ))
        .with_fix(cx.edit(p, flagged.span.clone(), value.text.to_owned()));
        for &j in &alike {
            if let Some(other) = &read[j] {
                let locale = cx.locale_key(members[j].0);
                finding = finding.with_related(
                    cx.location(members[j].0, other.span.clone()),
                    format!("the same value in {locale}"),
                );
            }
        }
        out.push(finding);
    }
    out
}

/// A paragraph of one line read as a value: its numbers and codes in
/// order, and the words among them.
#[derive(Debug)]
struct Read<'t> {
    text: &'t str,
    span: Range<usize>,
    values: Vec<&'t str>,
    words: Vec<&'t str>,
}

fn read<'t>(cx: &'t Context, (page, unit): Member) -> Option<Read<'t>> {
    let text = &cx.site.pages[page].source.text;
    let start = cx.site.pages[page].doc.facts.units[unit].offset;
    let end =
        memchr::memchr(b'\n', text.as_bytes().get(start..)?).map_or(text.len(), |n| start + n);
    let (start, line) = shown(start, text.get(start..end)?)?;
    // A value starts with its number; prose, nearly every paragraph, does
    // not, and is left before its line is read through (that reading, the
    // markup test below done first, was half of the token comparison's
    // time on the bench corpus).
    if !line.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') {
        return None;
    }
    // Markup is another question (links, code, emphasis, cells).
    if line.contains(['<', '[', '`', '*', '|']) {
        return None;
    }
    let trimmed = line.trim_end();
    let (mut values, mut words) = (Vec::new(), Vec::new());
    for token in trimmed.split(|c: char| c.is_whitespace() || "(),;:".contains(c)) {
        let token = token.trim_end_matches('.');
        if token.is_empty() {
            continue;
        }
        if is_code(token) || is_number(token) {
            values.push(token);
        } else if token.chars().any(char::is_alphabetic) {
            words.push(token);
        } else {
            return None;
        }
    }
    if values.is_empty() {
        return None;
    }
    Some(Read {
        text: trimmed,
        span: start..start + trimmed.len(),
        values,
        words,
    })
}

/// What readers see of a line starting at `start`: on a side-by-side
/// page, the translation's span before the hidden source text
/// (`<span data-ttu-id="…">0 (0x0)</span><span class="sxs-lookup">…`),
/// with where it starts.
fn shown(start: usize, line: &str) -> Option<(usize, &str)> {
    let Some(rest) = line.strip_prefix("<span data-ttu-id=") else {
        return Some((start, line));
    };
    let open = rest.find('>')? + 1;
    let inner = &rest[open..];
    let end = inner.find("</span>")?;
    let at = start + line.len() - rest.len() + open;
    Some((at, &inner[..end]))
}

fn is_code(token: &str) -> bool {
    token
        .strip_prefix("0x")
        .or_else(|| token.strip_prefix("0X"))
        .is_some_and(|hex| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_number(token: &str) -> bool {
    let digits = token.strip_prefix(['-', '+']).unwrap_or(token);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_numbers() {
        assert!(is_code("0x41") && is_code("0X8007232B"));
        assert!(!is_code("0x") && !is_code("0x41G") && !is_code("41"));
        assert!(is_number("65") && is_number("-2147024891"));
        assert!(!is_number("-") && !is_number("6.5") && !is_number("x"));
    }

    #[test]
    fn a_side_by_side_line_shows_its_translation() {
        let line = "<span data-ttu-id=\"a-1\">0 (0x0)</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">0 (0x0)</span></span>";
        assert_eq!(shown(10, line), Some((10 + 24, "0 (0x0)")));
        assert_eq!(shown(10, "65 (0x41)"), Some((10, "65 (0x41)")));
        assert_eq!(shown(0, "<span data-ttu-id=\"a\">open"), None);
    }
}
