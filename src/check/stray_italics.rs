//! `stray-italic`: a `*` a translation shows as an asterisk where the
//! same block in another translation shows italics. Markdown opens
//! italics only where `*` is followed by a non-space and closes them
//! where a non-space precedes it; machine translation moves the spaces
//! about. The real fr-fr and it-it Visual Studio "Configure the Windows
//! Firewall for Remote Debugging" (`tests/data/real-vs`) write
//! `accédez à * \<Visual Studio installation directory\> … \<x86*, *x64*`,
//! where de-de writes `*\<Visual Studio installation directory\>…\<x86*`:
//! readers see two asterisks and the folder in roman, and its zh-tw
//! `流覽至 * Common7 IDE 遠端偵錯程式` shows one.
//!
//! Unlike `**`, a single `*` may be meant (`5 * 3`, a footnote's mark,
//! "required fields are marked *"), and a page alone cannot tell which:
//! the evidence is two-sided, per block. Another page of the group shows
//! fewer asterisks in the same block *and* more italics written with `*`
//! ([`Shown`]): its italics are what this block's asterisks were meant to
//! be. A translation that wrote `5 × 3` shows fewer asterisks but no more
//! italics, and blames no one. The pages compared are the translations of
//! the page's source version ([`Counterparts::new`]), the source's
//! among them: italics change between versions.
//!
//! Candidates come from the parse (`Facts::stray_stars`: a lone `*` read
//! as text, not escaped), almost always none; a candidate's block and its
//! counterparts are parsed again alone to count what readers see.

use std::cell::OnceCell;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use crate::diagnostic::Finding;
use crate::markdown::{lone_star, options};

use super::Context;
use super::counterparts::{Counterparts, block_at};

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let stars = &page.doc.facts.stray_stars;
        if stars.is_empty() {
            return Vec::new();
        }
        let text = &page.source.text;
        let counterparts = OnceCell::new();
        let mut last = None;
        let mut out = Vec::new();
        for &at in stars {
            let Some((unit, block)) = block_at(page, at) else {
                continue;
            };
            if last == Some(unit) {
                continue;
            }
            last = Some(unit);
            let Some(here) = text.get(block.clone()).map(Shown::of) else {
                continue;
            };
            let Some(first) = here.stars.first() else {
                continue;
            };
            let others = counterparts.get_or_init(|| Counterparts::new(cx, p));
            let giver = others.blocks(at).into_iter().find_map(|(q, range)| {
                let theirs = Shown::of(cx.site.pages[q].source.text.get(range.clone())?);
                let shows = theirs.stars.len() < here.stars.len()
                    && theirs.italics.len() > here.italics.len();
                shows.then_some((q, range.start, theirs))
            });
            let Some((q, start, theirs)) = giver else {
                continue;
            };
            let kind = page.doc.facts.units[unit].kind.name();
            let locale = cx.locale_key(q);
            let at = block.start + first;
            let count = match here.stars.len() {
                1 => "an asterisk".to_owned(),
                n => format!("{n} asterisks"),
            };
            let mut finding = Finding::warning(
                "stray-italic",
                cx.location(p, at..at + 1),
                format!(
                    "`*` shows as an asterisk: italics that do not open or close here; this {kind} shows {count} and {} in italics, where {locale} shows {} in italics and {}",
                    spans(here.italics.len()),
                    spans(theirs.italics.len()),
                    match theirs.stars.len() {
                        0 => "no asterisk".to_owned(),
                        1 => "one asterisk".to_owned(),
                        n => format!("{n} asterisks"),
                    }
                ),
            )
            .with_help(
                "write the markers against the italic text (`*x64*`, not `* x64 *` or `*x64 *`), as the other locale does; escape the asterisk (`\\*`) if it is meant",
            );
            for &other in here.stars.iter().skip(1) {
                let at = block.start + other;
                finding = finding.with_related(cx.location(p, at..at + 1), "another asterisk shown");
            }
            if let Some(italic) = theirs.italics.first() {
                let span = start + italic.start..start + italic.end;
                finding = finding.with_related(
                    cx.location(q, span),
                    format!("italics in {locale}"),
                );
            }
            out.push(finding);
        }
        out
    })
}

/// "one text", "3 texts": how many spans of italics a block shows.
fn spans(n: usize) -> String {
    match n {
        0 => "no text".to_owned(),
        1 => "one text".to_owned(),
        n => format!("{n} texts"),
    }
}

/// What readers see of a block's asterisks, as Markdown reads the block
/// alone: offsets in the block's text.
struct Shown {
    /// Each `*` shown as an asterisk ([`lone_star`]).
    stars: Vec<usize>,
    /// Each span of italics written with `*` (not `_`).
    italics: Vec<Range<usize>>,
}

impl Shown {
    fn of(block: &str) -> Shown {
        let bytes = block.as_bytes();
        let mut shown = Shown {
            stars: Vec::new(),
            italics: Vec::new(),
        };
        for (event, range) in Parser::new_ext(block, options()).into_offset_iter() {
            match event {
                Event::Start(Tag::Emphasis) if bytes.get(range.start) == Some(&b'*') => {
                    shown.italics.push(range);
                }
                Event::Text(text) if text.contains('*') => {
                    let source = &bytes[range.clone()];
                    // A text decoded from entities or escapes is no longer
                    // the source's bytes: its asterisks were not written as
                    // such.
                    if source != text.as_bytes() {
                        continue;
                    }
                    let stars = memchr::memchr_iter(b'*', source)
                        .map(|i| range.start + i)
                        .filter(|&at| lone_star(bytes, at));
                    shown.stars.extend(stars);
                }
                _ => {}
            }
        }
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::Shown;

    #[test]
    fn asterisks_and_italics_are_counted_as_readers_see_them() {
        let fr = "Parcourir, puis accédez à * \\<Visual Studio installation directory\\> \\\\ Common7 \\\\ \\<x86*, *x64*, or *Appx*\\> .";
        let shown = Shown::of(fr);
        let at = |s: &str, piece: &str, i: usize| s.find(piece).map(|at| at + i);
        let stars: Vec<Option<usize>> = shown.stars.iter().map(|&s| Some(s)).collect();
        assert_eq!(stars, [at(fr, "* \\<", 0), at(fr, "x86*", 3)]);
        assert_eq!(shown.italics.len(), 2);
        let de = "zu *\\<Visual Studio installation directory\\>\\\\Common7\\\\\\<x86*, *x64*, or *Appx*\\>.";
        let shown = Shown::of(de);
        assert!(shown.stars.is_empty());
        assert_eq!(shown.italics.len(), 3);
        // Meant, escaped, bold, underscores, code: no asterisk shown alone.
        let other = "5 * 3 and \\* and **b** and _i_ and `*` and a*b";
        let shown = Shown::of(other);
        let stars: Vec<Option<usize>> = shown.stars.iter().map(|&s| Some(s)).collect();
        assert_eq!(stars, [at(other, "5 *", 2), at(other, "a*b", 1)]);
        assert!(shown.italics.is_empty());
    }
}
