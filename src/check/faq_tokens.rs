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
//! Who is wrong, as on Markdown pages: the translations that differ from
//! the source locale's page when it is among them; else those that differ
//! from a strict majority; else (two peers) both.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use rayon::prelude::*;

use crate::diagnostic::Finding;
use crate::landing::faq::{MarkdownValue, markdown_values};
use crate::markdown::facts::TokenKind;

use super::Context;

/// A token: its kind and normalised value.
type Key = (TokenKind, String);

/// One value's tokens, each once, in the order the value writes them,
/// with where the file writes the first of each; looked up by key, so
/// that an answer of thousands of codes costs no more than it holds.
#[derive(Default)]
struct Tokens {
    list: Vec<(Key, Range<usize>)>,
    index: HashMap<Key, usize>,
}

impl Tokens {
    fn span(&self, key: &Key) -> Option<&Range<usize>> {
        self.index.get(key).map(|&i| &self.list[i].1)
    }
}

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.site
        .groups
        .par_iter()
        .filter(|g| g.len() >= 2)
        .filter(|g| {
            g.iter().all(|&p| {
                let source = &cx.site.pages[p].source;
                source.landing && crate::landing::is_faq(&source.text)
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

/// Compares the FAQ pages of one source version.
fn compare(cx: &Context, pages: &[usize]) -> Vec<Finding> {
    let values: Vec<Vec<MarkdownValue>> = pages
        .iter()
        .map(|&p| markdown_values(&cx.site.pages[p].source.text))
        .collect();
    let count = values[0].len();
    if values.iter().any(|v| v.len() != count) {
        return Vec::new();
    }
    let source = pages.iter().position(|&p| cx.is_source(p));
    let mut out = Vec::new();
    for v in 0..count {
        let tokens: Vec<Tokens> = values.iter().map(|vals| tokens(&vals[v])).collect();
        let sets: Vec<BTreeSet<&(TokenKind, String)>> = tokens
            .iter()
            .map(|t| t.list.iter().map(|(token, _)| token).collect())
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
            out.push(finding(cx, pages, &values, &tokens, (i, v), &others));
        }
    }
    out
}

/// The codes and fenced code of one Markdown value, each once, where the
/// file writes its first occurrence.
fn tokens(value: &MarkdownValue) -> Tokens {
    let doc = crate::markdown::parse(&value.markdown, 0);
    let facts = &doc.facts;
    let mut out = Tokens::default();
    for unit in &facts.units {
        for token in facts.tokens_of(unit) {
            if !matches!(token.kind, TokenKind::Code | TokenKind::Fenced) {
                continue;
            }
            let key = (token.kind, facts.value(token).to_owned());
            if !out.index.contains_key(&key) {
                out.index.insert(key.clone(), out.list.len());
                out.list.push((key, value.span_in_file(token.span())));
            }
        }
    }
    out
}

/// The finding on value `v` of page `i`, the pages `others` agreeing with
/// the one it is compared with (the first).
fn finding(
    cx: &Context,
    pages: &[usize],
    values: &[Vec<MarkdownValue>],
    tokens: &[Tokens],
    (i, v): (usize, usize),
    others: &[usize],
) -> Finding {
    let reference = others[0];
    // What page `a` has that page `b` lacks, quoted as `a`'s file writes it.
    let lacks = |a: usize, b: usize| -> Vec<(String, Range<usize>)> {
        tokens[a]
            .list
            .iter()
            .filter(|(token, _)| tokens[b].span(token).is_none())
            .map(|((kind, value), span)| {
                let written = cx.snippet(pages[a], span.clone()).unwrap_or(value);
                (shown(*kind, written), span.clone())
            })
            .collect()
    };
    let extra = lacks(i, reference);
    let missing = lacks(reference, i);
    // Ten at most, then how many more.
    let list = |items: &[(String, Range<usize>)]| {
        const SHOWN: usize = 10;
        let mut text = items
            .iter()
            .take(SHOWN)
            .map(|(s, _)| s.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        if items.len() > SHOWN {
            text.push_str(&format!(" and {} more", items.len() - SHOWN));
        }
        text
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
    let page = pages[i];
    // A value's start in its file.
    let at = |vals: &[MarkdownValue]| {
        let start = vals[v].in_file(0);
        start..start
    };
    let span = extra
        .first()
        .map_or_else(|| at(&values[i]), |(_, s)| s.clone());
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
        cx.location(page, span),
        message,
    )
    .with_help(help);
    // Each other page at the first token this answer lacks, as it writes
    // it; at its answer when this one only has more.
    let lacked = tokens[reference]
        .list
        .iter()
        .find(|(token, _)| tokens[i].span(token).is_none())
        .map(|(token, _)| token);
    for &j in others {
        let span = lacked
            .and_then(|key| tokens[j].span(key))
            .map_or_else(|| at(&values[j]), Range::clone);
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
