//! `translation-token-mismatch` on DocFX FAQ pages (`### YamlMime:FAQ`):
//! their summary and answers are Markdown inside YAML values, which the
//! comparison of Markdown pages ([`super::tokens`], on the aligned units
//! of each page's facts) never sees. A Windows activation FAQ answers with
//! the same error codes as the article the seeds come from, and a wrong
//! code in a translated answer is the same defect.
//!
//! What is compared is narrower than on Markdown pages, on purpose: the
//! hexadecimal and numeric codes and the fenced code of each Markdown
//! value, the values paired by their order. Link targets, code spans and
//! switches, which the Markdown comparison judges with each page's
//! headings, tables and placeholders at hand, are left out here, where
//! none of that is. Pages are compared only with those translated from
//! the same source version, and only when they have as many Markdown
//! values (a question added or missing is `polydoc drift`'s structure
//! signal, and would pair every following answer with the wrong one).
//!
//! The values' tokens are read once, by the pages' parse
//! ([`crate::landing::faq::Answer`]).
//!
//! Who is wrong, as on Markdown pages: the translations that differ from
//! the source locale's page when it is among them; else those that differ
//! from a strict majority; else (two peers) both.

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
        let answer: Vec<&Answer> = answers.iter().map(|a| &a[v]).collect();
        let sets: Vec<BTreeSet<&AnswerToken>> = answer
            .iter()
            .map(|a| a.tokens.iter().map(|(token, _)| token).collect())
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
            out.push(finding(cx, pages, &answer, &sets, i, &others));
        }
    }
    out
}

/// The finding on the answer of page `i`, the pages `others` agreeing
/// with the one it is compared with (the first).
fn finding(
    cx: &Context,
    pages: &[usize],
    answer: &[&Answer],
    sets: &[BTreeSet<&AnswerToken>],
    i: usize,
    others: &[usize],
) -> Finding {
    let reference = others[0];
    // What page `a`'s answer has that page `b`'s lacks, quoted as `a`'s
    // file writes it.
    let lacks = |a: usize, b: usize| -> Vec<(String, Range<usize>)> {
        answer[a]
            .tokens
            .iter()
            .filter(|(token, _)| !sets[b].contains(token))
            .map(|((kind, value), span)| {
                let written = cx.snippet(pages[a], span.clone()).unwrap_or(value);
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
    let at = |j: usize| answer[j].start..answer[j].start;
    let span = extra.first().map_or_else(|| at(i), |(_, s)| s.clone());
    let otherwise = cx.if_wrong(pages[reference]);
    let help = match (extra.as_slice(), missing.as_slice()) {
        ([(one, _)], [(other, _)]) => {
            format!("change {one} to {other}, as in {locales}; {otherwise}")
        }
        _ => format!(
            "translations keep codes and code as they are: make this answer's match {locales}'s; {otherwise}"
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
        .tokens
        .iter()
        .find(|(token, _)| !sets[i].contains(token))
        .map(|(token, _)| token);
    for &j in others {
        let span = lacked
            .and_then(|key| answer[j].tokens.iter().find(|(t, _)| t == key))
            .map_or_else(|| at(j), |(_, span)| span.clone());
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
        _ => format!("`{value}`"),
    }
}
