//! Evidence from the translation group: the same block in another page
//! writing the identifier a split was made from (es-es `**S \_ correcto**`
//! beside the English row's `**S\_OK**`), which confirms a split the page
//! cannot tell from the underscore named in prose, and names the
//! identifier where the page's own parts could not (`WM \_ 油漆` is
//! `WM_PAINT`).

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use super::super::Context;
use super::super::counterparts::Counterparts;
use super::{hidden_at, parts, tokenize, written_identifiers};

/// Where the identifiers of one block stand, shared by the splits asking.
type Spans = Rc<[Range<usize>]>;

/// The identifiers written whole in the blocks of other pages, read once
/// per block for all the splits of a page: a line of thousands of splits
/// read its counterpart line once for each, and took seconds.
#[derive(Default)]
pub(super) struct Written {
    /// (page, block) -> where each identifier of that block stands.
    blocks: RefCell<FxHashMap<(usize, usize, usize), Spans>>,
}

impl Written {
    /// Where the identifiers of `block` of page `q` stand, in text order.
    pub fn of(&self, cx: &Context, q: usize, block: Range<usize>) -> Spans {
        let key = (q, block.start, block.end);
        if let Some(spans) = self.blocks.borrow().get(&key) {
            return spans.clone();
        }
        let spans: Spans = written_in(&cx.site.pages[q].source.text, block).into();
        self.blocks.borrow_mut().insert(key, spans.clone());
        spans
    }
}

/// Where the identifiers written whole in `text[block]` stand: words
/// joined by underscores, no space between.
pub(super) fn written_in(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    written_identifiers(&tokenize(text, block))
        .iter()
        .map(|run| run[0].span.start..run[run.len() - 1].span.end)
        .collect()
}

/// For a split `run` of the page's `text` with no evidence of its own,
/// the identifier it was split from, in the same block of another page of
/// its translation group (that page and where; what readers see there
/// before the source text a side-by-side page keeps beside a sentence):
/// as many parts between underscores,
/// with at least one of them the same in any case (win32's `S \_ correcto`
/// beside `S\_OK` in the same row of the source's return values table;
/// `Fehler \_ erfolgreich`, both of whose parts were translated, has none).
/// The underscore named in prose (`il carattere \_ trattino`) has no such
/// identifier beside it.
pub(super) fn counterpart(
    cx: &Context,
    counterparts: &Counterparts,
    written: &Written,
    text: &str,
    run: Range<usize>,
) -> Option<(usize, Range<usize>)> {
    let parts = parts(&text[run.clone()]);
    let blocks = counterparts.blocks(run.start);
    let find = |shown: bool| {
        blocks.iter().find_map(|(q, block)| {
            let other = &cx.site.pages[*q].source.text;
            let spans = written.of(cx, *q, block.clone());
            Some((*q, identifier_like(other, &spans, &parts, shown)?))
        })
    };
    find(true).or_else(|| find(false))
}

/// Of the identifiers at `written` in `text` ([`written_in`]), the one
/// with the parts of `split`: as many, empty where it has an
/// empty one, and at least one non-empty the same in any case; of several,
/// the one with the most such parts, and none where two names tie. With
/// `shown`, not in the source text of a side-by-side page ([`hidden`]).
fn identifier_like(
    text: &str,
    written: &[Range<usize>],
    split: &[String],
    shown: bool,
) -> Option<Range<usize>> {
    // The most alike, and whether another identifier is as alike.
    let mut best: Option<(usize, Range<usize>, bool)> = None;
    let name = |span: &Range<usize>| text[span.clone()].replace("\\_", "_").to_ascii_lowercase();
    for span in written.iter().cloned() {
        // Identifiers are ASCII: a run of another translation's words
        // glued by underscores (ja-jp's `コード\_コントロール\_C\_終了と状態`,
        // CJK writing no spaces) is its own damage, not the name.
        if (shown && hidden_at(text, span.start)) || !text[span.clone()].is_ascii() {
            continue;
        }
        let theirs = parts(&text[span.clone()]);
        if theirs.len() != split.len()
            || theirs
                .iter()
                .zip(split)
                .any(|(a, b)| a.is_empty() != b.is_empty())
        {
            continue;
        }
        let same = theirs
            .iter()
            .zip(split)
            .filter(|(a, b)| !a.is_empty() && a.eq_ignore_ascii_case(b))
            .count();
        if same == 0 {
            continue;
        }
        match &mut best {
            Some((most, _, _)) if same < *most => {}
            Some((most, kept, tied)) if same == *most => *tied |= name(kept) != name(&span),
            _ => best = Some((same, span, false)),
        }
    }
    // Two names as alike (`WM \_ 列印` beside `WM_PRINT` and
    // `WM_PRINTCLIENT`): which one was split, nothing tells.
    best.filter(|(_, _, tied)| !tied).map(|(_, span, _)| span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identifier_of_the_same_block_has_the_split_parts() {
        fn like<'a>(other: &'a str, split: &str) -> Option<&'a str> {
            let written = written_in(other, 0..other.len());
            identifier_like(other, &written, &parts(split), true).map(|r| &other[r])
        }
        let row = "| <dl> <dt>**S\\_OK**</dt> </dl> | Success.<br/> |";
        assert_eq!(like(row, "S \\_ correcto"), Some("S\\_OK"));
        assert_eq!(like("returns S_OK.", "s \\_ correcto"), Some("S_OK"));
        assert_eq!(like("Run the **\\_\\_try** block.", "\\_ \\_ prova"), None);
        assert_eq!(
            like("Run the **\\_\\_try** block.", "\\_ \\_ try"),
            Some("\\_\\_try")
        );
        // Every part translated, another count, or an empty part against
        // a word: no evidence.
        assert_eq!(
            like("returns ERROR_SUCCESS.", "Fehler \\_ erfolgreich"),
            None
        );
        assert_eq!(like("returns E_NO_DATA.", "E \\_ keine"), None);
        assert_eq!(like("the _DEBUG macro", "il \\_ DEBUG"), None);
        assert_eq!(like("the \\_ character", "carattere \\_ trattino"), None);
        // The closest of several; none of two as close.
        assert_eq!(
            like("E_POINTER or E_OUTOFMEMORY", "e \\_ OutOfMemory"),
            Some("E_OUTOFMEMORY")
        );
        assert_eq!(like("WM_PRINT or WM_PRINTCLIENT", "WM \\_ 列印"), None);
        // Another translation's words glued by underscores: no name.
        assert_eq!(
            like(
                "コード\\_コントロール\\_C\\_終了と状態",
                "如状态 \\_ 控制 \\_ C \\_ 退出和状态"
            ),
            None
        );
        assert_eq!(
            like("WM_PAINT, then WM\\_PAINT", "WM \\_ 油漆"),
            Some("WM_PAINT")
        );
    }
}
