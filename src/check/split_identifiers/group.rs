//! Evidence from the translation group: the same block in another page
//! writing the identifier a split was made from (es-es `**S \_ correcto**`
//! beside the English row's `**S\_OK**`), which confirms a split the page
//! cannot tell from the underscore named in prose, and names the
//! identifier where the page's own parts could not (`WM \_ 油漆` is
//! `WM_PAINT`).

use std::ops::Range;

use super::super::Context;
use super::super::counterparts::Counterparts;
use super::{hidden_at, parts, tokenize, written_identifiers};

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
    text: &str,
    run: Range<usize>,
) -> Option<(usize, Range<usize>)> {
    let parts = parts(&text[run.clone()]);
    let blocks = counterparts.blocks(run.start);
    let find = |shown: bool| {
        blocks.iter().find_map(|(q, block)| {
            let other = &cx.site.pages[*q].source.text;
            Some((*q, identifier_like(other, block.clone(), &parts, shown)?))
        })
    };
    find(true).or_else(|| find(false))
}

/// The identifier in `text[block]` (words joined by underscores, no space
/// between) with the parts of `split`: as many, empty where it has an
/// empty one, and at least one non-empty the same in any case; of several,
/// the one with the most such parts, and none where two names tie. With
/// `shown`, not in the source text of a side-by-side page ([`hidden`]).
fn identifier_like(
    text: &str,
    block: Range<usize>,
    split: &[String],
    shown: bool,
) -> Option<Range<usize>> {
    let tokens = tokenize(text, block);
    // The most alike, and whether another identifier is as alike.
    let mut best: Option<(usize, Range<usize>, bool)> = None;
    let name = |span: &Range<usize>| text[span.clone()].replace("\\_", "_").to_ascii_lowercase();
    for run in written_identifiers(&tokens) {
        let span = run[0].span.start..run[run.len() - 1].span.end;
        if shown && hidden_at(text, span.start) {
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
            identifier_like(other, 0..other.len(), &parts(split), true).map(|r| &other[r])
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
        assert_eq!(
            like("WM_PAINT, then WM\\_PAINT", "WM \\_ 油漆"),
            Some("WM_PAINT")
        );
    }
}
