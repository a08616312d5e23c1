//! A name in bold that a translation changed: part of
//! `translation-token-mismatch`, beside [`super::value_words`].
//!
//! Reference prose names registry values, classes and properties in bold,
//! `**ProcessStrandedClasses**`, and machine translation rewrites some:
//! the real de-de "Accessing Data from Device Drivers" reads
//! `**ProcessProvideredClasses**`, its zh-tw `**PROCESSSTRANDEDCLASSES**`
//! (`tests/data/real-wmi`). Bold is no token (most bold prose is words a
//! translation rightly translates), so the token comparison sees nothing.
//!
//! Only against the source: a block of a translation made from the source
//! page's very text (its `ms.openlocfilehash`, or a translation kept by
//! hand of the source's date) is compared with the source's block, and
//! only the source's names in bold that are one ASCII word with a capital
//! inside (`ProcessStrandedClasses`, not `TRUE` nor `Windows`), which no
//! language translates. Such a name the translation's block does not
//! write anywhere is changed when the block has, in bold, exactly one word
//! the source's block does not write that is the name in another case
//! (fixed: nothing else changed) or close to it (told: which letters the
//! name has, the source shows, but a person should look).

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;

use super::Context;
use super::tokens::Member;

/// How alike a word must be to a name to be taken for it, misspelled:
/// `ProcessProvideredClasses` is 0.71 of `ProcessStrandedClasses`.
const CLOSE: f64 = 0.6;

/// The findings for one aligned block; `source` says member 0 is the
/// source's block.
pub fn changed(cx: &Context, source: bool, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    let kind = cx.site.pages[page].doc.facts.units[unit].kind;
    if !source || !matches!(kind, UnitKind::Paragraph | UnitKind::Item) {
        return Vec::new();
    }
    let text_of = |(p, u): Member| {
        let range = super::counterparts::extent(&cx.site.pages[p], u);
        (range.start, &cx.site.pages[p].source.text[range])
    };
    let (origin, original) = text_of(members[0]);
    // Nearly every block has no bold: nothing gathered.
    if memchr::memmem::find(original.as_bytes(), b"**").is_none() {
        return Vec::new();
    }
    let names: Vec<&str> = bold_words(original)
        .into_iter()
        .map(|(_, word)| word)
        .filter(|word| is_name(word))
        .collect();
    if names.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &member in &members[1..] {
        let (start, block) = text_of(member);
        let words = bold_words(block);
        for &name in names.iter().filter(|&&name| !block.contains(name)) {
            let mut close = words.iter().filter(|(_, word)| {
                !original.contains(word)
                    && (word.eq_ignore_ascii_case(name)
                        || strsim::normalized_levenshtein(word, name) >= CLOSE)
            });
            let (Some((span, word)), None) = (close.next(), close.next()) else {
                continue;
            };
            let span = start + span.start..start + span.end;
            let case = word.eq_ignore_ascii_case(name);
            let what = if case {
                "changed its case"
            } else {
                "changed its letters"
            };
            let locale = cx.locale_key(members[0].0);
            let block_kind = if kind == UnitKind::Item {
                "list item"
            } else {
                "paragraph"
            };
            let mut finding = Finding::warning(
                "translation-token-mismatch",
                cx.location(member.0, span.clone()),
                format!(
                    "this {block_kind} writes `{word}` in bold where the {locale} text it was made from writes the name `{name}`: machine translation {what}, and readers who search for the name or type it find nothing"
                ),
            )
            .with_help(format!(
                "write `{name}`, as the source does: names are not translated"
            ))
            .with_related(
                cx.location(members[0].0, written(origin, original, name)),
                format!("`{name}` in {locale}"),
            );
            if case {
                finding = finding.with_fix(cx.edit(member.0, span, name.to_owned()));
            }
            out.push(finding);
        }
    }
    out
}

/// Where `name`, one of its words, is in `block` (starting at `start` of
/// its page).
fn written(start: usize, block: &str, name: &str) -> Range<usize> {
    let at = start + block.find(name).unwrap_or(0);
    at..at + name.len()
}

/// The words in bold of `block` (`**word**`, one ASCII word of four
/// characters or more, not a link's text), with where each is.
fn bold_words(block: &str) -> Vec<(Range<usize>, &str)> {
    let bytes = block.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&bytes[from..], b"**").map(|at| from + at) {
        let inner = open + 2;
        let Some(close) = memchr::memmem::find(&bytes[inner..], b"**").map(|at| inner + at) else {
            break;
        };
        let word = &block[inner..close];
        let linked = open > 0 && bytes[open - 1] == b'[';
        let is_word = word.len() >= 4
            && word.starts_with(|c: char| c.is_ascii_alphabetic())
            && word.bytes().all(|b| b.is_ascii_alphanumeric());
        if is_word && !linked {
            out.push((inner..close, word));
            from = close + 2;
        } else {
            // Not a word: its closing marks may open the next.
            from = inner;
        }
    }
    out
}

/// A name no language translates: one ASCII word with a capital inside
/// after a lower-case letter (`ProcessStrandedClasses`, `WDMProvider`),
/// of six characters or more.
fn is_name(word: &str) -> bool {
    word.len() >= 6
        && word
            .as_bytes()
            .windows(2)
            .any(|pair| pair[0].is_ascii_lowercase() && pair[1].is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_bold_and_names() {
        let block = "Set **ProcessStrandedClasses** to **TRUE**, [**Link**](a.md), **two words**.";
        let words: Vec<&str> = bold_words(block).into_iter().map(|(_, w)| w).collect();
        assert_eq!(words, ["ProcessStrandedClasses", "TRUE"]);
        assert!(is_name("ProcessStrandedClasses") && is_name("WbemScripting"));
        assert!(!is_name("TRUE") && !is_name("Windows") && !is_name("PROCESSSTRANDED"));
        assert!(
            strsim::normalized_levenshtein("ProcessProvideredClasses", "ProcessStrandedClasses")
                >= CLOSE
        );
    }
}
