//! The term a block defines, in bold alone on its first line, that a
//! translation translated: part of `translation-token-mismatch`, beside
//! [`super::bold_symbols`].
//!
//! Reference pages list what they define as a bold term on a line of its
//! own, its description below: SQL Server's "ntext, text, and image" page
//! lists its arguments as `**ntext**`, `**text**` and `**image**`. Those
//! are names a reader types, and machine translation translated two of
//! them in one of the eight real translations of one source version
//! (`tests/data/real-sql`): pt-br writes `**texto**` and `**imagem**`,
//! while its own heading still reads `ntext, text e image`. Bold is no
//! token (most bold prose is words a translation rightly translates), so
//! the token comparison sees nothing.
//!
//! A block's term is its first line when that line is one bold run and
//! nothing else (a hard break aside). The terms of an aligned block are
//! compared with the source's, or among peers with the one that at least
//! three blocks write and at least twice as many as any other term; the
//! reference must be ASCII (a name, not a translated label). A term that
//! differs is reported only when its own page shows the reference is a
//! name: it writes it, as a whole word, in a heading or in code; or, when
//! the reference is what at least three blocks write and twice as many
//! as any other term (not the source's word alone), it keeps another term
//! of the same section as they write it (`**sql_variant**` in the list
//! where it wrote `**imagem**`). A label the translation rightly
//! translated (`**Ejemplo**` for the source's `**Example**`) leaves no
//! such trace. `check --fix` writes the reference's term.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::{TokenKind, UnitKind};
use crate::site::Page;

use super::Context;
use super::tokens::Member;

/// The findings for one aligned block; `source` says member 0 is the
/// source's block.
pub fn translated(cx: &Context, source: bool, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    let kind = cx.site.pages[page].doc.facts.units[unit].kind;
    if !matches!(kind, UnitKind::Paragraph | UnitKind::Item) {
        return Vec::new();
    }
    // A block's first bytes tell whether it opens with bold: nearly every
    // block does not, and costs no more.
    let terms: Vec<Option<Term>> = members
        .iter()
        .map(|&(p, u)| {
            let page = &cx.site.pages[p];
            let start = page.doc.facts.units[u].offset;
            term(&page.source.text, start)
        })
        .collect();
    if terms.iter().filter(|t| t.is_some()).count() < 2 {
        return Vec::new();
    }
    let Some(reference) = reference(source, &terms) else {
        return Vec::new();
    };
    let agreeing: Vec<usize> = (0..members.len())
        .filter(|&j| terms[j].as_ref().is_some_and(|t| t.text == reference))
        .collect();
    let locales = agreeing
        .iter()
        .map(|&j| cx.locale_label(members[j].0))
        .collect::<Vec<_>>()
        .join(", ");
    let verb = if agreeing.len() == 1 {
        "writes"
    } else {
        "write"
    };
    // Whether the reference is what many write, not the source alone: a
    // term a translation keeps beside it is then enough of a trace.
    let many = {
        let others = terms
            .iter()
            .flatten()
            .filter(|t| t.text != reference)
            .map(|t| terms.iter().flatten().filter(|u| u.text == t.text).count())
            .max()
            .unwrap_or(0);
        agreeing.len() >= 3 && agreeing.len() >= 2 * others
    };
    let mut out = Vec::new();
    for (i, term) in terms.iter().enumerate() {
        let Some(term) = term else { continue };
        if term.text == reference {
            continue;
        }
        let (p, u) = members[i];
        let page = &cx.site.pages[p];
        let peers: Vec<&Page> = agreeing
            .iter()
            .map(|&j| &cx.site.pages[members[j].0])
            .collect();
        let Some(trace) = written_elsewhere(page, reference)
            .or_else(|| many.then(|| kept_beside(page, u, &peers)).flatten())
        else {
            continue;
        };
        let mut finding = Finding::warning(
            "translation-token-mismatch",
            cx.location(p, term.span.clone()),
            format!(
                "this {} opens with `{}` in bold where {locales} {verb} `{reference}`: a term in bold on a line of its own is a name readers type (an argument, a type, a keyword), and {trace}",
                kind.name(),
                term.text,
            ),
        )
        .with_help(format!(
            "write `{reference}`, as {locales} {}: a name readers type is the same in every language",
            if agreeing.len() == 1 { "does" } else { "do" }
        ))
        .with_fix(cx.edit(p, term.span.clone(), reference.to_owned()));
        for &j in &agreeing {
            let (q, _) = members[j];
            if let Some(theirs) = &terms[j] {
                finding = finding.with_related(
                    cx.location(q, theirs.span.clone()),
                    format!("the same {} in {}", kind.name(), cx.locale_key(q)),
                );
            }
        }
        out.push(finding);
    }
    out
}

/// A block's term: the text of the bold run its first line is, and where
/// that text is in the page.
#[derive(Debug, Clone, PartialEq)]
struct Term<'t> {
    text: &'t str,
    span: Range<usize>,
}

/// The term of the block at `start` of `text`: its first line, when that
/// line is `**...**` and nothing else but trailing spaces or a
/// backslash (a hard break).
fn term(text: &str, start: usize) -> Option<Term<'_>> {
    let rest = text.get(start..)?;
    let start = start + list_marker(rest);
    let inner = text.get(start..)?.strip_prefix("**")?;
    let line = &inner[..memchr::memchr(b'\n', inner.as_bytes()).unwrap_or(inner.len())];
    let line = line.strip_suffix('\r').unwrap_or(line);
    let body = line.trim_end_matches([' ', '\t', '\\']);
    let body = body.strip_suffix("**")?;
    if body.is_empty()
        || body.starts_with(char::is_whitespace)
        || body.ends_with(char::is_whitespace)
        || body.contains("**")
        || body.starts_with('*')
        || body.ends_with(['*', '\\'])
    {
        return None;
    }
    let from = start + 2;
    Some(Term {
        text: body,
        span: from..from + body.len(),
    })
}

/// How many bytes of `text` a list item's marker and the spaces after it
/// take (`- `, `1.  `), none when it opens with none: an item's block
/// starts at its marker.
fn list_marker(text: &str) -> usize {
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = match bytes.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(b'0'..=b'9') if digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')')) => {
            digits + 1
        }
        _ => return 0,
    };
    let spaces = bytes[marker..].iter().take_while(|&&b| b == b' ').count();
    if (1..=4).contains(&spaces) {
        marker + spaces
    } else {
        0
    }
}

/// The term every member is compared with: the source's, or among peers
/// the one that at least three members write and at least twice as many
/// as any other term; only ASCII with a letter (a name, not a label
/// translated alike).
fn reference<'t>(source: bool, terms: &[Option<Term<'t>>]) -> Option<&'t str> {
    let texts: Vec<&str> = terms.iter().flatten().map(|t| t.text).collect();
    let chosen = if source {
        terms.first()?.as_ref()?.text
    } else {
        let count = |s: &str| texts.iter().filter(|t| **t == s).count();
        let best = *texts.iter().max_by_key(|s| count(s))?;
        let most = count(best);
        let second = texts
            .iter()
            .filter(|s| **s != best)
            .map(|s| count(s))
            .max()
            .unwrap_or(0);
        if most < 3 || most < 2 * second {
            return None;
        }
        best
    };
    (chosen.is_ascii() && chosen.bytes().any(|b| b.is_ascii_alphabetic())).then_some(chosen)
}

/// Where `page` writes `name` itself, as a whole word: in a heading's
/// text (tags left out: an anchor's name is no text), or in code (any
/// case: SQL keywords are written in capitals in code); the clause a
/// finding says it in.
fn written_elsewhere(page: &Page, name: &str) -> Option<String> {
    let facts = &page.doc.facts;
    let text = &page.source.text;
    for (u, unit) in facts.units.iter().enumerate() {
        if !matches!(unit.kind, UnitKind::Heading(_)) {
            continue;
        }
        let range = super::counterparts::extent(page, u);
        let line = text[range].lines().next().unwrap_or_default();
        let shown = without_tags(line);
        if has_word(&shown, name, false) {
            let heading = shown.trim_start_matches('#').trim();
            return Some(format!(
                "this page itself writes `{name}` in its heading `{heading}`"
            ));
        }
    }
    let in_code = facts.units.iter().any(|unit| {
        facts.tokens_of(unit).iter().any(|token| match token.kind {
            TokenKind::InlineCode => has_word(facts.value(token), name, true),
            TokenKind::Fenced => text
                .get(token.span())
                .is_some_and(|code| has_word(code, name, true)),
            _ => false,
        })
    });
    in_code.then(|| format!("this page itself writes `{name}` in its code"))
}

/// Whether `page` keeps, in the section of its block `unit`, another
/// term as most of `peers` write it (`**ntext**` beside `**texto**`,
/// `**sql_variant**` in a list with `**imagem**`): its terms there are
/// names, not labels a translation translates; the clause a finding says
/// it in. Most, not one: a peer that translated the same term alike
/// (es-es and pt-br both write `texto`) shows nothing.
fn kept_beside(page: &Page, unit: usize, peers: &[&Page]) -> Option<String> {
    let units = &page.doc.facts.units;
    let section = units.get(unit)?.section;
    let theirs: Vec<Vec<&str>> = peers.iter().map(|q| terms_of(q)).collect();
    let kept = (0..units.len())
        .filter(|&v| v != unit && units[v].section == section)
        .filter(|&v| matches!(units[v].kind, UnitKind::Paragraph | UnitKind::Item))
        .filter_map(|v| term(&page.source.text, units[v].offset))
        .find(|t| {
            let writing = theirs
                .iter()
                .filter(|terms| terms.contains(&t.text))
                .count();
            t.text.is_ascii() && 2 * writing > theirs.len()
        })?;
    Some(format!(
        "this page keeps `{}`, a term of the same section, as they write it",
        kept.text
    ))
}

/// The terms of `page`'s blocks.
fn terms_of(page: &Page) -> Vec<&str> {
    let units = &page.doc.facts.units;
    units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Paragraph | UnitKind::Item))
        .filter_map(|u| term(&page.source.text, u.offset))
        .map(|t| t.text)
        .collect()
}

/// `line` without its HTML tags.
fn without_tags(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `haystack` holds `word` with no letter, digit or `_` on either
/// side; `any_case` compares ASCII letters in any case.
fn has_word(haystack: &str, word: &str, any_case: bool) -> bool {
    if word.len() > haystack.len() {
        return false;
    }
    let bytes = haystack.as_bytes();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    (0..=bytes.len() - word.len()).any(|at| {
        let Some(candidate) = haystack.get(at..at + word.len()) else {
            return false;
        };
        let same = if any_case {
            candidate.eq_ignore_ascii_case(word)
        } else {
            candidate == word
        };
        same && !haystack[..at].chars().next_back().is_some_and(is_word)
            && !haystack[at + word.len()..]
                .chars()
                .next()
                .is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term_of(text: &str) -> Option<&str> {
        term(text, 0).map(|t| t.text)
    }

    #[test]
    fn a_term_is_a_first_line_in_bold_alone() {
        assert_eq!(term_of("**text**  \nDatos no Unicode"), Some("text"));
        assert_eq!(term_of("**national text**\r\nx"), Some("national text"));
        assert_eq!(term_of("**WITH ENCRYPTION**\\\nx"), Some("WITH ENCRYPTION"));
        assert_eq!(term_of("**image**"), Some("image"));
        assert_eq!(term_of("**IMPORTANTE:**  **ntext**, **texto**"), None);
        assert_eq!(term_of("**Note** text on the line"), None);
        assert_eq!(term_of("***both***\nx"), None);
        assert_eq!(term_of("** spaced**\nx"), None);
        assert_eq!(term_of("text **bold**\nx"), None);
        assert_eq!(
            term_of("1.  **sql_variant**  \n1. **xml**"),
            Some("sql_variant")
        );
        assert_eq!(term_of("* **imagem**  \n"), Some("imagem"));
        assert_eq!(
            term_of("- **Copiar imagem de botão**"),
            Some("Copiar imagem de botão")
        );
        assert_eq!(term_of("**bold** - no item"), None);
        assert_eq!(term_of("1999. **x**"), Some("x"));
        assert_eq!(term_of("-**x**"), None);
        let t = term("ab\n**x_y**  \nz", 3).map(|t| t.span);
        assert_eq!(t, Some(5..8));
    }

    #[test]
    fn a_reference_needs_three_and_twice_the_next_and_ascii() {
        let t = |s: &'static str| {
            Some(Term {
                text: s,
                span: 0..0,
            })
        };
        let kept = [t("text"), t("text"), t("text"), t("texto"), None, None];
        assert_eq!(reference(false, &kept), Some("text"));
        let scattered = [t("text"), t("text"), t("text"), t("texto"), t("testo")];
        assert_eq!(reference(false, &scattered), Some("text"));
        let close = [t("text"), t("text"), t("text"), t("texto"), t("texto")];
        assert_eq!(reference(false, &close), None);
        assert_eq!(reference(false, &[t("text"), t("text"), t("texto")]), None);
        assert_eq!(reference(true, &[t("text"), t("texto")]), Some("text"));
        assert_eq!(reference(true, &[None, t("text")]), None);
        let labels = [t("Ejemplo"), t("Ejemplo"), t("Ejemplo"), t("Beispiel")];
        assert_eq!(reference(false, &labels), Some("Ejemplo"));
        let cyrillic = [t("текст"), t("текст"), t("текст"), t("text")];
        assert_eq!(reference(false, &cyrillic), None);
    }

    #[test]
    fn words_are_whole_and_tags_are_no_text() {
        let heading = without_tags(
            "# <a name=\"ntext-text-and-image-transact-sql\"></a>ntext, text e image (Transact-SQL)",
        );
        assert_eq!(heading, "# ntext, text e image (Transact-SQL)");
        assert!(has_word(&heading, "text", false));
        assert!(has_word(&heading, "image", false));
        assert!(!has_word(&heading, "Image", false));
        assert!(!has_word("ntext e texto", "text", false));
        assert!(has_word("DECLARE @t TEXT;", "text", true));
        assert!(!has_word("x", "text", true));
        assert!(has_word("é text", "text", false));
    }
}
