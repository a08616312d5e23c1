//! `glued-no-loc-term`: a term the page's `no-loc` list keeps as written,
//! glued into the words around it (`queSEHadmite`, `Spécificationsthrowd’exception`).
//!
//! DocFX's `no-loc` front matter names the words a translation must keep
//! (C++ keywords, product names). Microsoft's machine-translation pipeline
//! swaps each for a placeholder, translates, and puts it back; where the
//! translation moved the placeholder, the term lands inside a word and the
//! reader sees `enSEHcharge` for "prend en charge" plus a lost "(SEH)". The
//! real fr-fr and es-es `/EH` pages of cpp-docs (`tests/data/real-cpp/`)
//! carry three each, in prose and in a link text.
//!
//! A term is glued when Latin letters touch it: on one side, when the
//! term is an acronym and they are a word of two letters or more that the
//! page writes on its own elsewhere (`SEHCMD`, where the page says `CMD`;
//! a word would form a compound, `cookieless`), or when they are ten
//! letters or more (`Ausnahmespezifikationenthrow`); on both sides, when
//! each piece is such a word or too long for a syllable (`queSEHadmite`,
//! `Especificacionesthrowde`). That keeps out the words that merely
//! contain a term (`retrying`, `throws`, `registry`: `Re`, `ing`, `s` and
//! `regis` are no words of the page) and identifiers written in prose
//! (`SEHException`: a capitalised word run on is read as a name).
//! Code spans and code blocks are not read. Scripts other than Latin are
//! written without spaces around Latin terms (`SEHを`), so only Latin
//! letters count as glue.

use std::cell::RefCell;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashSet;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;

use super::Context;
use super::mt_placeholders::per_line;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let Some(terms) = page.source.meta_list("no-loc") else {
            return Vec::new();
        };
        let text = &page.source.text;
        let body = page.source.body_start.min(text.len());
        let code = code_ranges(page);
        let glued = glued(text, body, &terms, &code);
        let spans: Vec<Range<usize>> = glued.iter().map(|g| g.run.clone()).collect();
        per_line(cx, p, spans, "another one", |piece| {
            let (written, at) = (piece.written, piece.at);
            let term = glued[piece.index].term;
            let also = match piece.more {
                0 => String::new(),
                n => format!(" and {n} more on this line"),
            };
            let message = format!(
                "`{written}`{also}: `{term}`, which the page's `no-loc` list keeps as written, is glued into the words around it; machine translation put it back inside a word"
            );
            Finding::warning("glued-no-loc-term", at, message).with_help(format!(
                "set `{term}` apart and put it where the sentence needs it, as the source has it; the page's other translations show the sentence too"
            ))
        })
    })
}

/// A term found glued: the run of letters it sits in, and the term.
#[derive(Debug, PartialEq, Eq)]
struct Glued<'t> {
    run: Range<usize>,
    term: &'t str,
}

/// The glued occurrences of `terms` in `text` from `body` on, outside
/// `code` (sorted ranges), in text order.
fn glued<'t>(text: &str, body: usize, terms: &[&'t str], code: &[Range<usize>]) -> Vec<Glued<'t>> {
    let terms: Vec<&'t str> = terms.iter().copied().filter(|t| t.len() >= 2).collect();
    let mut words: Option<FxHashSet<&str>> = None;
    let mut found = Vec::new();
    for (index, start) in occurrences(&terms, &text[body..]) {
        let term = terms[index];
        let start = body + start;
        let end = start + term.len();
        // Most occurrences stand on their own: the one cheap test first.
        let before = run_start(text, start);
        let after = run_end(text, end);
        if before == start && after == end
            || in_address(text, before, after)
            || in_code(code, start)
            || in_code_span(text, start)
        {
            continue;
        }
        let (prefix, suffix) = (&text[before..start], &text[end..after]);
        // `SEHException`: a capitalised word run on is a name.
        let mut rest = suffix.chars();
        if rest.next().is_some_and(char::is_uppercase)
            && rest.next().is_some_and(char::is_lowercase)
        {
            continue;
        }
        let words = words.get_or_insert_with(|| page_words(&text[body..]));
        let word = |piece: &str| words.contains(piece);
        let glued = if prefix.is_empty() || suffix.is_empty() {
            // On one side: an acronym against a word of two letters or
            // more the page writes on its own (`SEHCMD`, `SEHwird`),
            // where a word would form a compound (`cookieless`,
            // `Homepage`); or a piece too long for any affix
            // (`Ausnahmespezifikationenthrow`).
            let piece = if prefix.is_empty() { suffix } else { prefix };
            let letters = piece.chars().count();
            let acronym =
                term.chars().any(char::is_uppercase) && !term.chars().any(char::is_lowercase);
            (acronym && word(piece) && letters >= 2) || letters >= 10
        } else {
            // Inside a word: each piece a word of the page, or too
            // long for a syllable (`Especificacionesthrowde`).
            [prefix, suffix]
                .iter()
                .all(|p| word(p) || p.chars().count() >= 4)
        };
        if glued {
            found.push(Glued {
                run: before..after,
                term,
            });
        }
    }
    found.sort_by_key(|g| g.run.start);
    found.dedup_by_key(|g| g.run.start);
    found
}

/// Where each of `terms` occurs in `text`: (term index, byte offset), in
/// one pass over the text for all of them. A site's pages share their
/// `no-loc` list (ASP.NET Core's lists fourteen terms on every page), so
/// each thread keeps the automaton of the last list it met: searching
/// term by term read every page once per term, which doubled `check`'s
/// time on such a site.
fn occurrences(terms: &[&str], text: &str) -> Vec<(usize, usize)> {
    thread_local! {
        static LAST: RefCell<Option<(Vec<String>, AhoCorasick)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        let same = last
            .as_ref()
            .is_some_and(|(list, _)| list.iter().map(String::as_str).eq(terms.iter().copied()));
        if !same {
            // Leftmost-longest, not overlapping: the search can then skip
            // through text with its prefilter (an overlapping search steps
            // through every byte, a sixth of `check` on such a site), and
            // a term inside a longer one (`Blazor` in `Blazor Server`) has
            // the same bounds on the side they share.
            let Ok(automaton) = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(terms)
            else {
                return Vec::new();
            };
            *last = Some((terms.iter().map(|t| (*t).to_owned()).collect(), automaton));
        }
        let Some((_, automaton)) = last.as_ref() else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect()
    })
}

/// Whether the run `start..end` is part of an address or a path
/// (`https://example.com/tryit`, `a@b.com`, `?q=tryit`): the text
/// between spaces around it holds `/`, `\\`, `@` or `=`.
fn in_address(text: &str, start: usize, end: usize) -> bool {
    // After the space, which may take more than a byte (a no-break space).
    let from = text[..start]
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| end + i);
    text[from..to].contains(['/', '\\', '@', '='])
}

/// A letter that glues: Latin script (ASCII, Latin-1 and Latin Extended).
fn is_glue(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x250
}

fn run_start(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_glue(c))
        .last()
        .map_or(at, |(i, _)| i)
}

fn run_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !is_glue(c))
        .map_or(text.len(), |(i, _)| at + i)
}

/// Every run of Latin letters standing on its own in `body`.
fn page_words(body: &str) -> FxHashSet<&str> {
    body.split(|c: char| !is_glue(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The page's code blocks, each up to the next unit.
pub(super) fn code_ranges(page: &crate::site::Page) -> Vec<Range<usize>> {
    let units = &page.doc.facts.units;
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind == UnitKind::Code)
        .map(|(i, u)| {
            let end = units.get(i + 1).map_or(usize::MAX, |next| next.offset);
            u.offset..end
        })
        .collect()
}

/// Whether `at` is inside one of `code`'s blocks ([`code_ranges`]: in
/// text order, so the one that may hold it is found by binary search, as
/// rules ask it of thousands of places on a page of thousands of blocks).
pub(super) fn in_code(code: &[Range<usize>], at: usize) -> bool {
    let next = code.partition_point(|r| r.start <= at);
    next > 0 && code[next - 1].contains(&at)
}

/// Whether `at` is inside a code span of its line: an odd number of
/// backticks before it on the line.
pub(super) fn in_code_span(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].bytes().filter(|&b| b == b'`').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, terms: &[&'static str]) -> Vec<String> {
        glued(text, 0, terms, &[])
            .into_iter()
            .map(|g| text[g.run].to_owned())
            .collect()
    }

    #[test]
    fn terms_put_back_inside_words_are_found() {
        let es = "El compilador genera código queSEHadmite el control. Lo que admite (SEH).";
        assert_eq!(found(es, &["SEH"]), ["queSEHadmite"]);
        let fr =
            "Visual SEHCMD support. Le CMD est... [Spécificationsthrowd’exception](x.md) d’une.";
        assert_eq!(
            found(fr, &["SEH", "throw"]),
            ["SEHCMD", "Spécificationsthrowd"]
        );
        let de =
            "[Ausnahmespezifikationenthrow( )](x.md); (SEHunterstützt), teilweise unterstützt.";
        assert_eq!(
            found(de, &["SEH", "throw"]),
            ["Ausnahmespezifikationenthrow", "SEHunterstützt"]
        );
    }

    #[test]
    fn a_run_after_a_no_break_space_is_read() {
        // The real es-es `/EH` page writes `,\u{a0}` before a code span:
        // the address test once cut inside the two-byte space.
        let text = "marcadas ,\u{a0}SEHxfunciones y más";
        let start = text.find("SEH").unwrap_or_default();
        assert!(!in_address(text, start, start + 3));
        let path = "ver\u{a0}https://e.org/tryit";
        let start = path.find("try").unwrap_or_default();
        assert!(in_address(path, start, start + 3));
    }

    #[test]
    fn words_that_contain_a_term_are_not() {
        let en = "Retrying throws it's SEHException. The catch block is a retry; `tryCatch` and SEH in the registry.";
        assert!(found(en, &["try", "throw", "SEH", "catch"]).is_empty());
        // English compounds and derivations of a word the list keeps.
        let aspnet =
            "Use cookieless sessions; less is more. The Homepage is a page. Run a throwaway test.";
        assert!(found(aspnet, &["cookie", "Home", "throw"]).is_empty());
        // Addresses and paths.
        assert!(found("See https://example.com/tryit or it; a=tryit it.", &["try"]).is_empty());
        // One side, nine letters: an English word may end so.
        assert!(found("externalization.", &["extern"]).is_empty());
        // One side, a word of the page but of one letter.
        assert!(found("It throws. A s b.", &["throw"]).is_empty());
        // The English source of the real `/EH` page, which keeps the same list.
        let source = "runtime checks ... only non-throwing functions. Specifying /EHa and trying to handle; exceptions may be thrown. Catches both. Code that's compiled.";
        assert!(
            found(
                source,
                &[
                    "SEH", "try", "catch", "throw", "extern", "finally", "noexcept"
                ]
            )
            .is_empty()
        );
        // Not Latin: no glue.
        assert!(found("SEHを使用します。を 使用", &["SEH"]).is_empty());
    }
}
