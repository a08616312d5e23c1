//! The links of an aligned block, as the rules that compare link texts
//! across locales read them ([`super::command_links`],
//! [`super::link_names`], [`super::transliterated_names`]), and which link
//! of another locale's block is the same link as one of this one's.

use rustc_hash::FxHashMap;

use crate::markdown::facts::{Link, TokenKind};

use super::Context;
use super::tokens::Member;

/// A member's links: (target, text, link), as [`links`] gives them.
pub(super) type Links<'a> = Vec<(&'a str, &'a str, &'a Link)>;

/// The links of `member`'s block whose text readers see, when it has any:
/// (target, text, link). The hidden source text beside a side-by-side
/// page's sentence, and raw HTML links, have no text read: every rule
/// that compares link texts would take them for texts that lost a name.
pub(super) fn links<'a>(cx: &Context<'a>, (page, unit): Member) -> Links<'a> {
    let facts = &cx.site.pages[page].doc.facts;
    let has_target = facts
        .tokens_of(&facts.units[unit])
        .iter()
        .any(|t| t.kind == TokenKind::Target);
    if !has_target {
        return Vec::new();
    }
    let extent = cx.unit_extent(page, unit);
    facts
        .links
        .iter()
        .filter(|l| !l.image && l.text_read && extent.contains(&l.span.start))
        .map(|l| (facts.target(l), facts.link_text(l), l))
        .collect()
}

/// The link's text in the file, `[` and `](target)` left out, where the
/// file has it as one run; else the whole link.
pub(super) fn text_range(cx: &Context, page: usize, link: &Link) -> std::ops::Range<usize> {
    let file = cx.site.pages[page].source.text.as_str();
    file.get(link.text_offset..link.span.end)
        .and_then(|rest| rest.rfind("]("))
        .map_or(link.span.clone(), |end| {
            link.text_offset..link.text_offset + end
        })
}

/// Which link of one member's block is the same link as one of
/// another's. A block may link one page twice, once by its name and once
/// by a phrase (`Call [GetMessage](x). [This function](x) returns ...`):
/// taking any link to the target for the same link would hold the phrase
/// against the name. So the links to one target pair by their order when
/// both blocks have as many; otherwise only where all of the other's
/// links to it read alike, which then says what the link reads there.
pub(super) struct SameLinks<'l, 'a> {
    all: &'l [Links<'a>],
    /// Per member, its links' indexes by target, in text order.
    by_target: Vec<FxHashMap<&'a str, Vec<usize>>>,
}

impl<'l, 'a> SameLinks<'l, 'a> {
    pub fn new(all: &'l [Links<'a>]) -> Self {
        let by_target = all
            .iter()
            .map(|links| {
                let mut map: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
                for (k, &(target, ..)) in links.iter().enumerate() {
                    map.entry(target).or_default().push(k);
                }
                map
            })
            .collect();
        SameLinks { all, by_target }
    }

    /// Member `j`'s link that is member `i`'s link `k`.
    pub fn of(&self, i: usize, k: usize, j: usize) -> Option<(&'a str, &'a str, &'a Link)> {
        let target = self.all[i][k].0;
        let own = self.by_target[i].get(target)?;
        let theirs = self.by_target[j].get(target)?;
        let at = own.binary_search(&k).ok()?;
        if own.len() == theirs.len() {
            return Some(self.all[j][theirs[at]]);
        }
        let first = self.all[j][theirs[0]];
        theirs
            .iter()
            .all(|&t| self.all[j][t].1 == first.1)
            .then_some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_one_target_pair_by_order_or_by_reading_alike() {
        let doc = crate::markdown::parse("[a](x) [b](x) [c](x) [d](x)\n", 0);
        let [a, b, c, d] = [0, 1, 2, 3].map(|i| &doc.facts.links[i]);
        let en: Links = vec![("x", "GetMessage", a), ("x", "This function", b)];
        let ru: Links = vec![("x", "GetMessage", c), ("x", "Эта функция", d)];
        let one: Links = vec![("x", "Эта функция", d)];
        let all = [en, ru, one];
        let same = SameLinks::new(&all);
        assert_eq!(same.of(1, 1, 0).map(|l| l.1), Some("This function"));
        assert_eq!(same.of(1, 0, 0).map(|l| l.1), Some("GetMessage"));
        // One link where the other block has two that read otherwise:
        // which it is, nothing tells.
        assert_eq!(same.of(2, 0, 0), None);
        // Two where the other has one: both are that one.
        assert_eq!(same.of(0, 1, 2).map(|l| l.1), Some("Эта функция"));
    }
}
