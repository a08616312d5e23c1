//! `translation-token-mismatch` on DocFX FAQ pages (`### YamlMime:FAQ`):
//! their summary and answers are Markdown inside YAML values, which the
//! comparison of Markdown pages ([`super::tokens`], on the aligned units
//! of each page's facts) never sees. A Windows activation FAQ answers with
//! the same error codes as the article the seeds come from, and a wrong
//! code in a translated answer is the same defect.
//!
//! What is compared is narrower than on Markdown pages, on purpose: the
//! hexadecimal and numeric codes, the fenced code and the link targets
//! of each Markdown value, the values paired by their order. Targets are
//! keyed by where they lead, as on Markdown pages ([`super::keyed`]): a
//! link to a question's automatic id is the question, whose slug each
//! language writes its own way, and `Guide.md` and `guide.md` are one
//! page. Code spans and switches, which the Markdown comparison judges
//! with each page's headings, tables and placeholders at hand, are left
//! out here, where none of that is. Pages are compared only with those
//! translated from the same source version, and only when they have as
//! many Markdown values (a question added or missing is `polydoc drift`'s
//! structure signal, and would pair every following answer with the
//! wrong one).
//!
//! The values' tokens are read once, by the pages' parse
//! ([`crate::landing::faq::Answer`]).
//!
//! Who is wrong, as on Markdown pages: the translations that differ from
//! the source locale's page when it is among them; else those that differ
//! from a strict majority; else (two peers) both.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::ops::Range;

use rayon::prelude::*;

use crate::diagnostic::Finding;
use crate::landing::Kind;
use crate::landing::faq::{Answer, AnswerToken};
use crate::markdown::facts::TokenKind;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.site
        .groups
        .par_iter()
        .filter(|g| g.len() >= 2)
        .filter(|g| {
            g.iter().all(|&p| {
                let source = &cx.site.pages[p].source;
                source.landing && crate::landing::kind(&source.text) == Some(Kind::Faq)
            })
        })
        .flat_map_iter(|group| {
            super::tokens::source_versions(cx, group)
                .into_iter()
                .filter(|pages| pages.len() >= 2)
                .flat_map(|pages| compare(cx, &pages))
        })
        .collect()
}

/// Compares the FAQ pages of one source version, their Markdown values
/// as the pages' parse read them ([`crate::markdown::Document::answers`]).
fn compare(cx: &Context, pages: &[usize]) -> Vec<Finding> {
    let answers: Vec<&[Answer]> = pages
        .iter()
        .map(|&p| cx.site.pages[p].doc.answers.as_slice())
        .collect();
    let count = answers[0].len();
    if answers.iter().any(|a| a.len() != count) {
        return Vec::new();
    }
    let source = pages.iter().position(|&p| cx.is_source(p));
    let mut out = Vec::new();
    for v in 0..count {
        let written: Vec<BTreeSet<&AnswerToken>> = answers
            .iter()
            .map(|a| a[v].tokens.iter().map(|(token, _)| token).collect())
            .collect();
        if written.iter().all(|s| *s == written[0]) {
            continue;
        }
        // Keyed only where the answers differ as written (seldom), since
        // keying a target resolves its link.
        let answer: Vec<Keyed> = (pages.iter().zip(&answers))
            .map(|(&page, a)| keyed(cx, page, &a[v]))
            .collect();
        let sets: Vec<BTreeSet<&Key>> = answer
            .iter()
            .map(|a| a.iter().map(|(key, _, _)| key).collect())
            .collect();
        if sets.iter().all(|s| *s == sets[0]) {
            continue;
        }
        let reference = match source {
            Some(s) => Some(&sets[s]),
            None => sets
                .iter()
                .find(|s| sets.iter().filter(|t| t == s).count() * 2 > sets.len()),
        };
        let flagged: Vec<usize> = match reference {
            Some(r) => (0..pages.len()).filter(|&i| sets[i] != *r).collect(),
            None => (0..pages.len()).collect(),
        };
        for &i in &flagged {
            let others: Vec<usize> = match reference {
                Some(r) => (0..pages.len()).filter(|&j| sets[j] == *r).collect(),
                None => (0..pages.len()).filter(|&j| j != i).collect(),
            };
            out.push(finding(cx, pages, v, &answer, &sets, i, &others));
        }
    }
    out
}

/// A token as answers are compared: its kind, and its value or, for a
/// link target, where the link leads.
type Key<'a> = (TokenKind, Cow<'a, str>);

/// An answer's tokens as compared, each with its value and where its
/// file writes it (its first, for a key two tokens share).
type Keyed<'a> = Vec<(Key<'a>, &'a str, Range<usize>)>;

/// The tokens of `answer` on `page`, keyed.
fn keyed<'a>(cx: &Context, page: usize, answer: &'a Answer) -> Keyed<'a> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(answer.tokens.len());
    for ((kind, value), span) in &answer.tokens {
        let key = match kind {
            TokenKind::Target => super::keyed::target_key(cx, page, span)
                .map_or(Cow::Borrowed(value.as_str()), Cow::Owned),
            _ => Cow::Borrowed(value.as_str()),
        };
        if seen.insert((*kind, key.clone())) {
            out.push(((*kind, key), value.as_str(), span.clone()));
        }
    }
    out
}

/// The finding on the answer of page `i` (its Markdown value `index`),
/// the pages `others` agreeing with the one it is compared with (the
/// first).
fn finding(
    cx: &Context,
    pages: &[usize],
    index: usize,
    answer: &[Keyed],
    sets: &[BTreeSet<&Key>],
    i: usize,
    others: &[usize],
) -> Finding {
    let reference = others[0];
    // What page `a`'s answer has that page `b`'s lacks, quoted as `a`'s
    // file writes it.
    let lacks = |a: usize, b: usize| -> Vec<(String, Range<usize>)> {
        answer[a]
            .iter()
            .filter(|(key, _, _)| !sets[b].contains(key))
            .map(|((kind, _), value, span)| {
                // A code as the file writes it (`0x8007232A`); a target
                // as compared, since the place is its whole link.
                let written = match kind {
                    TokenKind::Code => cx.snippet(pages[a], span.clone()).unwrap_or(value),
                    _ => value,
                };
                (shown(*kind, written), span.clone())
            })
            .collect()
    };
    let extra = lacks(i, reference);
    let missing = lacks(reference, i);
    let list = |items: &[(String, Range<usize>)]| {
        let shown: Vec<String> = items.iter().map(|(s, _)| s.clone()).collect();
        super::capped_list(&shown)
    };
    let locales: Vec<String> = others.iter().map(|&j| cx.locale_label(pages[j])).collect();
    let (locales, have, has) = match locales.len() {
        1 => (locales.join(", "), "has", "lacks"),
        _ => (locales.join(", "), "have", "lack"),
    };
    let message = match (extra.is_empty(), missing.is_empty()) {
        (false, false) => format!(
            "this answer has {} where {locales} {have} {}",
            list(&extra),
            list(&missing)
        ),
        (false, true) => format!("this answer has {}, which {locales} {has}", list(&extra)),
        _ => format!(
            "this answer lacks {}, which {locales} {have}",
            list(&missing)
        ),
    };
    // An answer's start in its file.
    let at = |j: usize| {
        let start = cx.site.pages[pages[j]]
            .doc
            .answers
            .get(index)
            .map_or(0, |a| a.start);
        start..start
    };
    let span = extra.first().map_or_else(|| at(i), |(_, s)| s.clone());
    let otherwise = cx.if_wrong(pages[reference]);
    let help = match (extra.as_slice(), missing.as_slice()) {
        ([(one, _)], [(other, _)]) => {
            format!("change {one} to {other}, as in {locales}; {otherwise}")
        }
        _ => format!(
            "translations keep codes, code and link targets as they are: make this answer's match {locales}'s; {otherwise}"
        ),
    };
    let mut finding = Finding::error(
        "translation-token-mismatch",
        cx.location(pages[i], span),
        message,
    )
    .with_help(help);
    // Each other page at the first token this answer lacks, as it writes
    // it; at its answer when this one only has more.
    let lacked = answer[reference]
        .iter()
        .find(|(key, _, _)| !sets[i].contains(key))
        .map(|(key, _, _)| key);
    for &j in others {
        let span = lacked
            .and_then(|key| answer[j].iter().find(|(k, _, _)| k == key))
            .map_or_else(|| at(j), |(_, _, span)| span.clone());
        let related = cx.location(pages[j], span);
        let label = format!("the same answer in {}", cx.locale_key(pages[j]));
        finding = finding.with_related(related, label);
    }
    finding
}

/// A token as a message quotes it.
fn shown(kind: TokenKind, value: &str) -> String {
    match kind {
        TokenKind::Fenced => "other code".to_owned(),
        TokenKind::Target => format!("link `{value}`"),
        _ => format!("`{value}`"),
    }
}
