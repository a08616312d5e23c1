//! The same block in a page's other translations: where a piece machine
//! translation lost or mangled can be read (the rules that report debris
//! one finding per line show it, `mt_placeholders::per_line`), and where
//! a name it split is written whole (`split-identifier`'s evidence).
//!
//! Blocks are paired as the token check pairs them (`crate::align`); a
//! title or description of the front matter is paired with the line
//! setting the same key.

use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::Context;

/// A page's other translations, each aligned with it once (as the token
/// check aligns them): those of its source version, where a lost piece can
/// be read, and, when asked for, those of other versions too, where a
/// mangled name still can ([`Counterparts::any_version`]).
pub(super) struct Counterparts<'a> {
    /// The page's index.
    index: usize,
    /// (other page, its unit paired with each of this page's units,
    /// whether it was made from the same source version), in the order
    /// of [`crate::site::Site::translations`].
    others: Vec<(usize, Vec<Option<usize>>, bool)>,
    /// The source locale's page, which [`Self::blocks`] gives first.
    source: Option<usize>,
    /// Each block's [`extent`] once read, by page index and unit: a page
    /// repeating one split in one long paragraph asks for that paragraph
    /// once per repeat.
    extents: RefCell<FxHashMap<(usize, usize), Range<usize>>>,
    cx: &'a Context<'a>,
}

impl<'a> Counterparts<'a> {
    /// The translations of the page's source version.
    pub(super) fn new(cx: &'a Context<'a>, page: usize) -> Self {
        Self::of_pages(cx, page, false)
    }

    /// Every other page of the translation group, whatever source version
    /// it was made from: names seldom change between versions.
    pub(super) fn any_version(cx: &'a Context<'a>, page: usize) -> Self {
        Self::of_pages(cx, page, true)
    }

    fn of_pages(cx: &'a Context<'a>, page: usize, any_version: bool) -> Self {
        let pages = &cx.site.pages;
        let facts = &pages[page].doc.facts;
        let others = cx
            .site
            .translations(page)
            .map(|q| (q, cx.site.same_source_version(q, page)))
            .filter(|&(_, same)| same || any_version)
            .map(|(q, same)| {
                let mut paired = vec![None; facts.units.len()];
                for pair in crate::align::documents(facts, &pages[q].doc.facts) {
                    if let (Some(u), v) = pair {
                        paired[u] = v;
                    }
                }
                (q, paired, same)
            })
            .collect();
        Counterparts {
            index: page,
            others,
            source: cx.site.source_page(page),
            extents: RefCell::default(),
            cx,
        }
    }

    /// The block holding `offset` in each other translation of the page's
    /// source version that has it, as a point at its start.
    pub(super) fn of(&self, offset: usize) -> Vec<(usize, Range<usize>)> {
        self.in_others(offset, |same| same)
            .into_iter()
            .map(|(q, block)| (q, block.start..block.start))
            .collect()
    }

    /// The block holding `offset` (in the page's text) in each other page
    /// that has it, whole ([`extent`]), the source locale's first; none
    /// when `offset` lies outside every block of the page (a heading).
    pub(super) fn blocks(&self, offset: usize) -> Vec<(usize, Range<usize>)> {
        let mut found = self.in_others(offset, |_| true);
        found.sort_by_key(|&(q, _)| Some(q) != self.source);
        found
    }

    /// The block holding `offset` in each other page `keep` takes by
    /// whether it is of the page's source version, in stored order.
    fn in_others(&self, offset: usize, keep: impl Fn(bool) -> bool) -> Vec<(usize, Range<usize>)> {
        if offset < self.page().source.body_start {
            return self.front_matter_lines(offset, keep);
        }
        let Some(unit) = self.page().doc.facts.unit_at(offset) else {
            return Vec::new();
        };
        if !self.extent(self.index, unit).contains(&offset) {
            return Vec::new();
        }
        self.others
            .iter()
            .filter(|(.., same)| keep(*same))
            .filter_map(|(q, paired, _)| Some((*q, self.extent(*q, paired[unit]?))))
            .collect()
    }

    fn page(&self) -> &'a crate::site::Page {
        &self.cx.site.pages[self.index]
    }

    /// [`extent`] of unit `unit` of page `q`, read once.
    fn extent(&self, q: usize, unit: usize) -> Range<usize> {
        self.extents
            .borrow_mut()
            .entry((q, unit))
            .or_insert_with(|| extent(&self.cx.site.pages[q], unit))
            .clone()
    }
}

impl Counterparts<'_> {
    /// For `offset` on a `key: value` line of the page's front matter,
    /// the line setting the same key (in any case: the localization
    /// writes `Description:` where the source has `description:`) in
    /// each other page: a title or description is its own block.
    fn front_matter_lines(
        &self,
        offset: usize,
        keep: impl Fn(bool) -> bool,
    ) -> Vec<(usize, Range<usize>)> {
        let text = &self.page().source.text;
        let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..offset]).map_or(0, |i| i + 1);
        let Some(key) = key_of(&text[line_start..]) else {
            return Vec::new();
        };
        self.others
            .iter()
            .filter(|(.., same)| keep(*same))
            .filter_map(|(q, ..)| {
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

/// The block of `page` holding `at`: its unit and [`extent`], if `at`
/// lies within that extent (not on a blank line after it).
pub(super) fn block_at(page: &crate::site::Page, at: usize) -> Option<(usize, Range<usize>)> {
    let unit = page.doc.facts.unit_at(at)?;
    let block = extent(page, unit);
    block.contains(&at).then_some((unit, block))
}

/// The text of unit `unit` of `page`: from its start up to the next
/// block's start or the first blank line, whichever comes first (a table
/// row is followed by the next, a paragraph by a blank line; a block
/// before a heading does not take the heading in). Units are in text
/// order, so the next block's start is a later unit's; both searches stop
/// at the first they find, since a page of thousands of blocks asks for
/// thousands.
pub(super) fn extent(page: &crate::site::Page, unit: usize) -> Range<usize> {
    let text = &page.source.text;
    let units = &page.doc.facts.units;
    let start = units.get(unit).map_or(0, |u| u.offset).min(text.len());
    let next = units
        .get(unit + 1..)
        .unwrap_or_default()
        .iter()
        .map(|u| u.offset)
        .find(|&o| o > start)
        .unwrap_or(text.len())
        .min(text.len());
    let block = &text.as_bytes()[start..next];
    // A blank line, with Unix or Windows line ends.
    let blank = memchr::memchr_iter(b'\n', block).find(|&i| {
        let rest = &block[i + 1..];
        rest.starts_with(b"\n") || rest.starts_with(b"\r\n")
    });
    start..blank.map_or(next, |b| start + b)
}

#[cfg(test)]
mod tests {
    use super::key_of;

    #[test]
    fn a_front_matter_line_names_its_key() {
        assert_eq!(key_of("Description: Le \\_ message"), Some("Description"));
        assert_eq!(key_of("ms.date: 05/31/2018\n"), Some("ms.date"));
        assert_eq!(key_of("- IPin.Connect"), None);
        assert_eq!(key_of("  nested: x"), None);
        assert_eq!(key_of("no colon"), None);
    }
}
