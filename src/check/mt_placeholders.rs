//! `mt-placeholder`: a placeholder of Microsoft's machine-translation
//! pipeline left in the text, `@no__t-0` and its mangled forms (`@No__t_1`,
//! `@ no__t-1`, `@no__t -1`). The pipeline swaps each protected piece of a
//! sentence (a code span, a link, a placeholder such as `<Source>`) for
//! such a token and puts it back after translating; where the translation
//! bent the token, the piece is lost and readers see `@no__t-0` instead.
//! Real localized repositories carry them in every language
//! (`tests/data/real/de-de/windows-commands/xcopy.md` has three).

use std::ops::Range;

use crate::diagnostic::{Edit, Finding, Location};
use crate::marks::Needle;

use super::Context;
use super::counterparts::Counterparts;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let ats = page.source.marks.offsets(Needle::At);
        let spans = placeholders_at(&page.source.text, ats);
        per_line(cx, p, spans, "another placeholder", |piece| {
            let (written, at) = (piece.written, piece.at);
            let message = match piece.more {
                0 => format!(
                    "`{written}` is a placeholder machine translation left in the text: what stood here (code, a link, a placeholder such as `<Source>`) is lost"
                ),
                n => format!(
                    "`{written}` and {n} more on this line are placeholders machine translation left in the text: what stood there (code, a link, a placeholder such as `<Source>`) is lost"
                ),
            };
            Finding::warning("mt-placeholder", at, message).with_help(
                "write here what the source has at this place; the page's other translations show it too",
            )
        })
    })
}

/// One finding per line of page `p` for the debris at `spans` (in text
/// order): two pieces in one sentence are one thing to fix there.
/// `first` makes it from the line's first [`Piece`]; the others are
/// related locations (`other` says what they are), and so is the same
/// block in each other translation, where the reader can see what belongs
/// there.
pub(super) fn per_line(
    cx: &Context,
    p: usize,
    spans: Vec<Range<usize>>,
    other: &str,
    first: impl Fn(Piece) -> Finding,
) -> Vec<Finding> {
    if spans.is_empty() {
        return Vec::new();
    }
    per_line_using(cx, p, spans, other, &Counterparts::new(cx, p), first)
}

/// [`per_line`] with the page's [`Counterparts`] aligned already, by a
/// rule that read them for evidence (any of their versions: only those of
/// the page's own are shown).
pub(super) fn per_line_using(
    cx: &Context,
    p: usize,
    spans: Vec<Range<usize>>,
    other: &str,
    counterparts: &Counterparts,
    first: impl Fn(Piece) -> Finding,
) -> Vec<Finding> {
    let text = &cx.site.pages[p].source.text;
    // (line, index of its first span, its spans)
    let mut lines: Vec<(usize, usize, Vec<Range<usize>>)> = Vec::new();
    for (index, at) in spans.into_iter().enumerate() {
        let line = cx.location(p, at.clone()).line;
        match lines.last_mut() {
            Some((l, _, spans)) if *l == line => spans.push(at),
            _ => lines.push((line, index, vec![at])),
        }
    }
    lines
        .into_iter()
        .map(|(_, index, spans)| {
            let same_block = counterparts.of(spans[0].start);
            let mut finding = first(Piece {
                written: &text[spans[0].clone()],
                spans: &spans,
                index,
                more: spans.len() - 1,
                shown_elsewhere: !same_block.is_empty(),
                at: cx.location(p, spans[0].clone()),
            });
            for at in &spans[1..] {
                finding = finding.with_related(
                    cx.location(p, at.clone()),
                    format!("`{}`, {other}", &text[at.clone()]),
                );
            }
            for (q, span) in same_block {
                let at = cx.location(q, span);
                // A line of that page the finding already points at (where
                // it writes the name whole) shows the block too.
                let shown = finding
                    .related
                    .iter()
                    .any(|r| r.location.file == at.file && r.location.line == at.line);
                if !shown {
                    let locale = cx.locale_key(q);
                    finding = finding.with_related(at, format!("the same block in {locale}"));
                }
            }
            finding
        })
        .collect()
}

/// The first piece of debris on a line, for [`per_line`]'s caller to
/// make its finding from.
pub(super) struct Piece<'t> {
    /// Its text.
    pub written: &'t str,
    /// Where it and the others of its line are, in text order.
    pub spans: &'t [Range<usize>],
    /// Its place in the spans given to [`per_line`].
    pub index: usize,
    /// How many more the line has.
    pub more: usize,
    /// Whether the finding lists the same block in other translations
    /// (after the caller's own related places), where what belongs can
    /// be read.
    pub shown_elsewhere: bool,
    pub at: Location,
}

impl Piece<'_> {
    /// " (and N more on this line)", or nothing.
    pub fn and_more(&self) -> String {
        match self.more {
            0 => String::new(),
            n => format!(" (and {n} more on this line)"),
        }
    }

    /// The line's edits, one per span (`edit` is given the span's index
    /// among those given to [`per_line`], and the span), where each span
    /// has one; none otherwise: one finding, fixed whole or not at all.
    pub fn edits(&self, edit: impl Fn(usize, Range<usize>) -> Option<Edit>) -> Vec<Edit> {
        self.spans
            .iter()
            .enumerate()
            .map(|(k, span)| edit(self.index + k, span.clone()))
            .collect::<Option<Vec<Edit>>>()
            .unwrap_or_default()
    }
}

/// Where `text` holds a placeholder: `@`, an optional space, `no__t` in any
/// case, then optionally a space, `-` or `_`, a space and digits.
pub fn placeholders(text: &str) -> Vec<Range<usize>> {
    placeholders_at(text, memchr::memchr_iter(b'@', text.as_bytes()))
}

/// [`placeholders`], given where `text` has an `@` (`ats`, in order): the
/// loader found them ([`crate::marks`]).
fn placeholders_at(text: &str, ats: impl Iterator<Item = usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for start in ats {
        let mut at = start + 1;
        if bytes.get(at) == Some(&b' ') {
            at += 1;
        }
        let Some(word) = bytes.get(at..at + 5) else {
            continue;
        };
        if !word.eq_ignore_ascii_case(b"no__t") {
            continue;
        }
        let mut end = at + 5;
        let mut next = end;
        for optional in [b' ', b'-', b' '] {
            if bytes.get(next) == Some(&optional)
                || (optional == b'-' && bytes.get(next) == Some(&b'_'))
            {
                next += 1;
            }
        }
        let digits = bytes[next.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits > 0 {
            end = next + digits;
        }
        out.push(start..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    fn found(text: &str) -> Vec<&str> {
        placeholders(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn every_mangled_form_is_found_whole() {
        assert_eq!(found("Call @No__t-0 or `bitsadmin /HELP`."), ["@No__t-0"]);
        assert_eq!(found("@No__t_0 方法"), ["@No__t_0"]);
        assert_eq!(found("|> der @no__t 0quelle|"), ["@no__t 0"]);
        assert_eq!(found("\\\\ @ no__t-1Public\\Address"), ["@ no__t-1"]);
        assert_eq!(found("**. @no__t -1toc\\*.yml**"), ["@no__t -1"]);
        assert_eq!(found("ends with @no__t"), ["@no__t"]);
    }

    #[test]
    fn lookalikes_are_not() {
        assert!(found("no__t-0 without the at sign").is_empty());
        assert!(found("user@example.com and foo__t").is_empty());
        assert!(found("@not__t-1").is_empty());
    }
}
