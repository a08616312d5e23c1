//! Numbers machine translation split after a digit-group separator, for
//! `translation-token-mismatch`: the real ko-kr `ENCRYPTBYASYMKEY` page
//! writes `8, 000` bytes where the other locales write `8,000`, `8.000`
//! or `8 000`, and ja-jp's `DATEDIFF` the limits of `int` as
//! `-2,147, 483,648`. A space after a separator ends a number
//! ([`crate::markdown::tokens`]), so the block holds parts too short to
//! compare (`8`, `000`) or other numbers (`2,147`, `483,648`), and the
//! plain comparison can only say that it lacks the number, pointing at
//! the block's start. Read here, the finding quotes the split number,
//! points at it, and joins it.
//!
//! Only a split whose digits are a number another locale's same block
//! writes, and this one lacks, is one: `ports 80, 443` is two numbers.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::markdown::facts::TokenKind;

/// A number written with a space (or several) after a group separator:
/// digit groups as [`crate::markdown::tokens`] reads them, at least one
/// of them after `,` or `.` and spaces.
fn split_number() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[0-9]{1,3}(?:[,.] *[0-9]{3})*[,.] +[0-9]{3}(?:[,.] *[0-9]{3})*(?-u:\b)")
            .unwrap_or_else(|e| panic!("split number pattern: {e}"))
    })
}

/// A number of a block written apart: where, and as it reads joined.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Split {
    /// Bytes of the page's text, from the first digit to the last.
    pub span: Range<usize>,
    /// The number without its spaces (`8,000` for `8, 000`).
    pub joined: String,
}

/// The split numbers of a block, `text` at byte `base` of its page, that
/// explain how it differs from another locale's: every token it lacks
/// (`missing`, normalised: `8000`) is a number one of them writes apart,
/// and every token it has instead (`extra`, at the spans given) is a
/// part of one. `None` when anything else differs too, or nothing is
/// split.
pub(super) fn explain(
    text: &str,
    base: usize,
    extra: &[(TokenKind, Option<Range<usize>>)],
    missing: &[(TokenKind, &str)],
) -> Option<Vec<Split>> {
    let number = |(kind, value): &(TokenKind, &str)| {
        *kind == TokenKind::Code && !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
    };
    if missing.is_empty() || !missing.iter().all(number) {
        return None;
    }
    // Sets and sorted spans, so that a block of thousands of numbers is
    // read in linear time.
    let wanted: std::collections::HashSet<&str> = missing.iter().map(|(_, v)| *v).collect();
    let mut found: std::collections::HashSet<String> = std::collections::HashSet::new();
    let bytes = text.as_bytes();
    let splits: Vec<Split> = split_number()
        .find_iter(text)
        // Whole numbers only: not the end of a longer run of digits.
        .filter(|m| {
            !bytes[..m.start()]
                .last()
                .is_some_and(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        })
        .filter_map(|m| {
            let digits: String = m
                .as_str()
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(char::from)
                .collect();
            wanted.contains(digits.as_str()).then(|| {
                found.insert(digits);
                Split {
                    span: base + m.start()..base + m.end(),
                    joined: m.as_str().replace(' ', ""),
                }
            })
        })
        .collect();
    let all_missing_split = wanted.len() == found.len();
    // The splits do not overlap and come in text order: the one that may
    // hold a span is the last starting at or before it.
    let all_extra_parts = extra.iter().all(|(kind, span)| {
        *kind == TokenKind::Code
            && span.as_ref().is_some_and(|span| {
                let i = splits.partition_point(|s| s.span.start <= span.start);
                i > 0 && splits[i - 1].span.end >= span.end
            })
    });
    (all_missing_split && all_extra_parts).then_some(splits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(
        text: &str,
        extra: &[(TokenKind, Option<Range<usize>>)],
        missing: &[&str],
    ) -> Option<Vec<String>> {
        let missing: Vec<(TokenKind, &str)> =
            missing.iter().map(|m| (TokenKind::Code, *m)).collect();
        explain(text, 0, extra, &missing).map(|s| s.into_iter().map(|s| s.joined).collect())
    }

    #[test]
    fn a_number_split_after_its_separator_is_joined() {
        assert_eq!(
            joined("최대 크기가 8, 000 바이트입니다.", &[], &["8000"]),
            Some(vec!["8,000".to_owned()])
        );
        assert_eq!(
            joined("bis 8.  000 Bytes", &[], &["8000"]),
            Some(vec!["8.000".to_owned()])
        );
    }

    #[test]
    fn the_parts_it_has_instead_are_explained() {
        let text = "(-2,147, 483,648 ~ +2,147, 483,647)";
        let extra = [
            (TokenKind::Code, Some(2..7)),
            (TokenKind::Code, Some(9..16)),
            (TokenKind::Code, Some(27..34)),
        ];
        assert_eq!(
            joined(text, &extra, &["2147483648", "2147483647"]),
            Some(vec!["2,147,483,648".to_owned(), "2,147,483,647".to_owned()])
        );
    }

    #[test]
    fn other_differences_are_not_explained() {
        // Two numbers of a list, not one split.
        assert_eq!(joined("ports 80, 443", &[], &["8000"]), None);
        // A number it lacks that no split writes.
        assert_eq!(joined("8, 000 and more", &[], &["8000", "1234"]), None);
        // A token it has that is no part of a split.
        assert_eq!(
            joined(
                "8, 000 or 9999",
                &[(TokenKind::Code, Some(10..14))],
                &["8000"]
            ),
            None
        );
        // The tail of a longer number is not a number of its own.
        assert_eq!(joined("12345, 678", &[], &["345678"]), None);
        // Hexadecimal codes are not numbers.
        let missing = [(TokenKind::Code, "0x8000")];
        assert_eq!(explain("8, 000", 0, &[], &missing), None);
    }
}
