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
//! of the same section as most of the other pages write it
//! (`**sql_variant**` in the list where it wrote `**imagem**`). A label
//! the translation rightly translated (`**Ejemplo**` for the source's
//! `**Example**`) leaves no such trace. `check --fix` writes the
//! reference's term.
//!
//! The comparison runs per aligned block ([`candidates`]); the traces are
//! looked for once per source version ([`resolve`]), each page's headings
//! and code indexed once for all its differing terms: looked for per term,
//! a page of 8,000 of them took seconds (`benches/README.md`, "Scaling").

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::{TokenKind, UnitKind};
use crate::site::Page;

use super::Context;
use super::tokens::Member;

/// A term that differs from the reference, its finding waiting for its
/// page's trace ([`resolve`]).
pub struct Candidate<'a> {
    /// Its finding, the message ending where the trace is told.
    finding: Finding,
    page: usize,
    unit: usize,
    reference: &'a str,
    /// Whether the reference is what many write, not the source alone: a
    /// term its page keeps beside it is then enough of a trace.
    many: bool,
}

/// The terms of one aligned block that differ from its reference; `source`
/// says member 0 is the source's block.
pub fn candidates<'a>(cx: &Context<'a>, source: bool, members: &[Member]) -> Vec<Candidate<'a>> {
    let site = cx.site;
    let (page, unit) = members[0];
    let kind = site.pages[page].doc.facts.units[unit].kind;
    if !matches!(kind, UnitKind::Paragraph | UnitKind::Item) {
        return Vec::new();
    }
    // A block's first bytes tell whether it opens with bold: nearly every
    // block does not, and costs no more.
    let terms: Vec<Option<Term<'a>>> = members
        .iter()
        .map(|&(p, u)| {
            let page = &site.pages[p];
            term(&page.source.text, page.doc.facts.units[u].offset)
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
    let locales = cx.locale_labels(agreeing.iter().map(|&j| members[j].0));
    let (verb, does) = if agreeing.len() == 1 {
        ("writes", "does")
    } else {
        ("write", "do")
    };
    let many = {
        let count = |text: &str| terms.iter().flatten().filter(|t| t.text == text).count();
        let others = terms
            .iter()
            .flatten()
            .filter(|t| t.text != reference)
            .map(|t| count(t.text))
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
        let mut finding = Finding::warning(
            "translation-token-mismatch",
            cx.location(p, term.span.clone()),
            format!(
                "this {} opens with `{}` in bold where {locales} {verb} `{reference}`: a term in bold on a line of its own is a name readers type (an argument, a type, a keyword), and ",
                kind.name(),
                term.text,
            ),
        )
        .with_help(format!(
            "write `{reference}`, as {locales} {does}: a name readers type is the same in every language"
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
        out.push(Candidate {
            finding,
            page: p,
            unit: u,
            reference,
            many,
        });
    }
    out
}

/// The findings of the candidates of one source version's pages, `group`:
/// those whose page shows the reference is a name. Each page is read once
/// for all its candidates, so that a page of thousands of terms costs no
/// more per term than a page of one.
pub fn resolve(cx: &Context, group: &[usize], candidates: Vec<Candidate>) -> Vec<Finding> {
    if candidates.is_empty() {
        return Vec::new();
    }
    let site = cx.site;
    let terms: HashMap<usize, Vec<(usize, &str)>> = group
        .iter()
        .map(|&p| (p, terms_of(&site.pages[p])))
        .collect();
    let mut traces: HashMap<usize, Traces> = HashMap::new();
    let mut out = Vec::new();
    for candidate in candidates {
        let p = candidate.page;
        let traces = traces
            .entry(p)
            .or_insert_with(|| Traces::of(&site.pages[p], p, group, &terms));
        let trace = traces.written(candidate.reference).or_else(|| {
            candidate
                .many
                .then(|| traces.kept_beside(&site.pages[p], candidate.unit))
                .flatten()
        });
        if let Some(trace) = trace {
            let mut finding = candidate.finding;
            finding.message.push_str(&trace);
            out.push(finding);
        }
    }
    out
}

/// What one page writes that shows a term is a name: its headings' words,
/// its code's words (in any case), and per section the terms it keeps as
/// most of the other pages of its group write them.
struct Traces<'p> {
    /// Each heading's text, tags left out.
    headings: Vec<String>,
    /// Where each word of the headings is: (heading, byte offset).
    heading_words: HashMap<String, Vec<(usize, usize)>>,
    /// The code spans' and fenced blocks' text.
    code: Vec<&'p str>,
    /// Where each word of the code, lower-cased, is: (piece, byte offset).
    code_words: HashMap<String, Vec<(usize, usize)>>,
    /// Per section, the blocks whose term most other pages write, in
    /// order: (block, term).
    kept: HashMap<u32, Vec<(usize, &'p str)>>,
}

impl<'p> Traces<'p> {
    fn of(
        page: &'p Page,
        p: usize,
        group: &[usize],
        terms: &HashMap<usize, Vec<(usize, &'p str)>>,
    ) -> Self {
        let facts = &page.doc.facts;
        let text = &page.source.text;
        let mut headings = Vec::new();
        let mut heading_words: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut code = Vec::new();
        let mut code_words: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (u, unit) in facts.units.iter().enumerate() {
            if matches!(unit.kind, UnitKind::Heading(_)) {
                let range = super::counterparts::extent(page, u);
                let line = text[range].lines().next().unwrap_or_default();
                let shown = without_tags(line).trim_start_matches('#').trim().to_owned();
                for (at, word) in words(&shown) {
                    heading_words
                        .entry(word.to_owned())
                        .or_default()
                        .push((headings.len(), at));
                }
                headings.push(shown);
            }
            for token in facts.tokens_of(unit) {
                let piece = match token.kind {
                    TokenKind::InlineCode => facts.value(token),
                    TokenKind::Fenced => text.get(token.span()).unwrap_or_default(),
                    _ => continue,
                };
                for (at, word) in words(piece) {
                    code_words
                        .entry(word.to_lowercase())
                        .or_default()
                        .push((code.len(), at));
                }
                code.push(piece);
            }
        }
        // A term is kept when more than half the group's other pages write
        // it as a term: one peer that translated it alike shows nothing.
        let others: Vec<HashSet<&str>> = group
            .iter()
            .filter(|&&q| q != p)
            .map(|q| {
                terms
                    .get(q)
                    .into_iter()
                    .flatten()
                    .map(|&(_, t)| t)
                    .collect()
            })
            .collect();
        let mut kept: HashMap<u32, Vec<(usize, &str)>> = HashMap::new();
        for &(u, term) in terms.get(&p).into_iter().flatten() {
            let writing = others.iter().filter(|set| set.contains(term)).count();
            if term.is_ascii() && 2 * writing > others.len() {
                kept.entry(facts.units[u].section)
                    .or_default()
                    .push((u, term));
            }
        }
        Traces {
            headings,
            heading_words,
            code,
            code_words,
            kept,
        }
    }

    /// Where the page writes `name`, as a whole word: in a heading's text,
    /// or in code (any case: SQL keywords are written in capitals in
    /// code); the clause a finding says it in. Only the places of the
    /// rarest of its words are read, so that a page of thousands of
    /// names costs no more per name than a page of one.
    fn written(&self, name: &str) -> Option<String> {
        let pieces = |piece: usize| self.headings[piece].as_str();
        if let Some(h) = find(&self.heading_words, name, false, pieces) {
            let heading = &self.headings[h];
            return Some(format!(
                "this page itself writes `{name}` in its heading `{heading}`"
            ));
        }
        find(&self.code_words, name, true, |piece| self.code[piece])
            .map(|_| format!("this page itself writes `{name}` in its code"))
    }

    /// Another term of the section of block `unit` that the page keeps as
    /// most of the other pages write it (`**ntext**` beside `**texto**`,
    /// `**sql_variant**` in a list with `**imagem**`): its terms there are
    /// names, not labels a translation translates; the clause a finding
    /// says it in.
    fn kept_beside(&self, page: &Page, unit: usize) -> Option<String> {
        let section = page.doc.facts.units.get(unit)?.section;
        let &(_, term) = self.kept.get(&section)?.iter().find(|&&(u, _)| u != unit)?;
        Some(format!(
            "this page keeps `{term}`, a term of the same section, as they write it"
        ))
    }
}

/// The piece (of `text_of`) that holds `name` as a whole word, found
/// through `index`, where each word of the pieces is (keyed lower-cased
/// when `any_case`): only the places of the name's rarest word are
/// tried.
fn find<'t>(
    index: &HashMap<String, Vec<(usize, usize)>>,
    name: &str,
    any_case: bool,
    text_of: impl Fn(usize) -> &'t str,
) -> Option<usize> {
    let key = |word: &str| {
        if any_case {
            word.to_lowercase()
        } else {
            word.to_owned()
        }
    };
    let mut rarest: Option<(usize, &Vec<(usize, usize)>)> = None;
    for (at, word) in words(name) {
        let places = index.get(&key(word))?;
        if rarest.is_none_or(|(_, fewest)| places.len() < fewest.len()) {
            rarest = Some((at, places));
        }
    }
    let (within, places) = rarest?;
    places.iter().find_map(|&(piece, at)| {
        let start = at.checked_sub(within)?;
        word_at(text_of(piece), start, name, any_case).then_some(piece)
    })
}

/// Whether `text` holds `word` at `start`, with no letter, digit or `_`
/// on either side; `any_case` compares ASCII letters in any case.
fn word_at(text: &str, start: usize, word: &str, any_case: bool) -> bool {
    let Some(candidate) = text.get(start..start + word.len()) else {
        return false;
    };
    let same = if any_case {
        candidate.eq_ignore_ascii_case(word)
    } else {
        candidate == word
    };
    same && !text[..start].chars().next_back().is_some_and(is_word)
        && !text[start + word.len()..]
            .chars()
            .next()
            .is_some_and(is_word)
}

/// The words of `text`, runs of letters, digits and `_`, with where each
/// starts.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !is_word(c))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
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

/// The terms of `page`'s blocks, with their blocks.
fn terms_of(page: &Page) -> Vec<(usize, &str)> {
    let units = &page.doc.facts.units;
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| matches!(u.kind, UnitKind::Paragraph | UnitKind::Item))
        .filter_map(|(i, u)| Some((i, term(&page.source.text, u.offset)?.text)))
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
        let pieces = [
            heading.as_str(),
            "ntext e texto",
            "DECLARE @t TEXT;",
            "x",
            "é national text, and national",
        ];
        let index = |any_case: bool| {
            let mut index: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
            for (piece, text) in pieces.iter().enumerate() {
                for (at, word) in words(text) {
                    let key = if any_case {
                        word.to_lowercase()
                    } else {
                        word.to_owned()
                    };
                    index.entry(key).or_default().push((piece, at));
                }
            }
            index
        };
        let (exact, any) = (index(false), index(true));
        let found = |name: &str, any_case: bool| {
            let index = if any_case { &any } else { &exact };
            find(index, name, any_case, |piece| pieces[piece])
        };
        assert_eq!(found("text", false), Some(0));
        assert_eq!(found("image", false), Some(0));
        assert_eq!(found("Image", false), None);
        assert_eq!(found("texto", false), Some(1));
        assert_eq!(found("TEXT", true), Some(0));
        assert_eq!(found("national text", false), Some(4));
        assert_eq!(found("text and", false), None);
        assert_eq!(found("e image", false), Some(0));
        assert_eq!(found("nothing", true), None);
        assert_eq!(
            words("é a_b, c").collect::<Vec<_>>(),
            [(0, "é"), (3, "a_b"), (8, "c")]
        );
        assert!(word_at("é text", 3, "text", false));
        assert!(!word_at("ntext", 1, "text", false));
        assert!(!word_at("text", 1, "text", false));
    }
}
