//! `mt-placeholder`: a placeholder of Microsoft's machine-translation
//! pipeline left in the text, `@no__t-0` and its mangled forms (`@No__t_1`,
//! `@ no__t-1`, `@no__t -1`). The pipeline swaps each protected piece of a
//! sentence (a code span, a link, a placeholder such as `<Source>`) for
//! such a token and puts it back after translating; where the translation
//! bent the token, the piece is lost and readers see `@no__t-0` instead.
//! Real localized repositories carry them in every language
//! (`tests/data/real/de-de/windows-commands/xcopy.md` has three).

use std::ops::Range;

use crate::diagnostic::{Finding, Location};
use crate::marks::Needle;

use super::Context;

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
    per_line_given(cx, p, spans, other, &Counterparts::new(cx, p), first)
}

/// [`per_line`] with the page's [`Counterparts`] made already, by a
/// caller that read them for evidence.
pub(super) fn per_line_given(
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
}

/// A page's other translations of the same source version, each aligned
/// with it once (as the token check aligns them): where a lost piece can
/// be read.
pub(super) struct Counterparts<'a> {
    page: &'a crate::site::Page,
    /// (other page, its unit paired with each of this page's units).
    others: Vec<(usize, Vec<Option<usize>>)>,
    cx: &'a Context<'a>,
}

impl<'a> Counterparts<'a> {
    pub(super) fn new(cx: &'a Context<'a>, page: usize) -> Self {
        Self::of_pages(cx, page, |q| cx.site.same_source_version(q, page))
    }

    /// Every other page of the translation group, whatever source version
    /// it was made from, the source locale's first: where a name the
    /// translation mangled can still be read, since names seldom change
    /// between versions.
    pub(super) fn any_version(cx: &'a Context<'a>, page: usize) -> Self {
        let mut found = Self::of_pages(cx, page, |_| true);
        let source = cx.site.source_page(page);
        found.others.sort_by_key(|(q, _)| Some(*q) != source);
        found
    }

    fn of_pages(cx: &'a Context<'a>, page: usize, keep: impl Fn(usize) -> bool) -> Self {
        let pages = &cx.site.pages;
        let facts = &pages[page].doc.facts;
        let others = cx
            .site
            .translations(page)
            .filter(|&q| keep(q))
            .map(|q| {
                let mut paired = vec![None; facts.units.len()];
                for pair in crate::align::documents(facts, &pages[q].doc.facts) {
                    if let (Some(u), v) = pair {
                        paired[u] = v;
                    }
                }
                (q, paired)
            })
            .collect();
        Counterparts {
            page: &pages[page],
            others,
            cx,
        }
    }

    /// The block holding `offset` in each other translation that has it,
    /// as a point at its start.
    fn of(&self, offset: usize) -> Vec<(usize, Range<usize>)> {
        self.blocks(offset)
            .into_iter()
            .map(|(q, block)| (q, block.start..block.start))
            .collect()
    }

    /// The block holding `offset` (in the page's text) in each other
    /// translation that has it, whole ([`extent`]); none when `offset`
    /// lies outside every block of the page (a heading, the front matter).
    pub(super) fn blocks(&self, offset: usize) -> Vec<(usize, Range<usize>)> {
        if offset < self.page.source.body_start {
            return self.front_matter_lines(offset);
        }
        let units = &self.page.doc.facts.units;
        let Some(unit) = units.iter().rposition(|u| u.offset <= offset) else {
            return Vec::new();
        };
        let own = extent(self.page, units[unit].offset);
        if !own.contains(&offset) {
            return Vec::new();
        }
        self.others
            .iter()
            .filter_map(|(q, paired)| {
                let other = &self.cx.site.pages[*q];
                let start = other.doc.facts.units[paired[unit]?].offset;
                Some((*q, extent(other, start)))
            })
            .collect()
    }
}

impl Counterparts<'_> {
    /// For `offset` on a `key: value` line of the page's front matter,
    /// the line setting the same key (in any case: the localization
    /// writes `Description:` where the source has `description:`) in
    /// each other page: a title or description is its own block.
    fn front_matter_lines(&self, offset: usize) -> Vec<(usize, Range<usize>)> {
        let text = &self.page.source.text;
        let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..offset]).map_or(0, |i| i + 1);
        let Some(key) = key_of(&text[line_start..]) else {
            return Vec::new();
        };
        self.others
            .iter()
            .filter_map(|(q, _)| {
                let source = &self.cx.site.pages[*q].source;
                let front = source.text.get(..source.body_start)?;
                let mut at = 0;
                for line in front.split_inclusive('\n') {
                    if key_of(line).is_some_and(|k| k.eq_ignore_ascii_case(key)) {
                        return Some((*q, at..at + line.trim_end().len()));
                    }
                    at += line.len();
                }
                None
            })
            .collect()
    }
}

/// The key a front matter line sets: a name at the line's start, then `:`.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    plain.then_some(key)
}

/// The text of the block starting at `start` on `page`: up to the next
/// block's start or the first blank line, whichever comes first (a table
/// row is followed by the next, a paragraph by a blank line; a block
/// before a heading does not take the heading in).
fn extent(page: &crate::site::Page, start: usize) -> Range<usize> {
    let text = &page.source.text;
    let start = start.min(text.len());
    let next = page
        .doc
        .facts
        .units
        .iter()
        .map(|u| u.offset)
        .filter(|&o| o > start)
        .min()
        .unwrap_or(text.len())
        .min(text.len());
    let block = &text.as_bytes()[start..next];
    // A blank line, with Unix or Windows line ends.
    let blank = [&b"\n\n"[..], b"\n\r\n"]
        .iter()
        .filter_map(|end| memchr::memmem::find(block, end))
        .min();
    start..blank.map_or(next, |b| start + b)
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
    use super::{key_of, placeholders};

    #[test]
    fn a_front_matter_line_names_its_key() {
        assert_eq!(key_of("Description: Le \\_ message"), Some("Description"));
        assert_eq!(key_of("ms.date: 05/31/2018\n"), Some("ms.date"));
        assert_eq!(key_of("- IPin.Connect"), None);
        assert_eq!(key_of("  nested: x"), None);
        assert_eq!(key_of("no colon"), None);
    }

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
