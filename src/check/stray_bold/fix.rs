//! The fix for `stray-bold`'s commonest kind, a space machine
//! translation put inside the markers (`** extern **`, `** extern "C"**`):
//! the space goes, and `**extern**` is bold as the source meant; and for
//! two bold runs written together (`**@input****varchar**`): a space goes
//! between them (`**@input** **varchar**`).
//!
//! Only where that is beyond doubt. A line's markers are read in turn as
//! CommonMark pairs them (a `**` with a space on one side only opens or
//! closes as it stands; one with spaces on both sides takes the part the
//! pairing needs), code spans left alone. Then the page is parsed again
//! with the edits: a line's edits are kept only if its `**` no longer
//! show, no other line's change, and the page keeps the same headings,
//! links and compared tokens (no code, link or id touched). The lines
//! whose edits clear them in a first parse are parsed a second time
//! alone, so that one line's edits are never judged by another's.

use std::ops::Range;

use crate::diagnostic::LineIndex;
use crate::markdown::{self, Document, is_escaped};

/// An edit of a page's text: the bytes replaced, and what replaces them.
pub type Edit = (Range<usize>, &'static str);

/// Per line of `lines` (byte ranges of `text`, each holding a stray `**`,
/// in text order; `true` for a line of bold runs written together), the
/// edits that make its bold render: the spaces inside its markers
/// deleted, or a space put between its runs. Empty where no edit is
/// certain. `doc` is the page's parse.
pub fn certain(
    text: &str,
    body_start: usize,
    doc: &Document,
    lines: &[(Range<usize>, bool)],
) -> Vec<Vec<Edit>> {
    let mut edits: Vec<Vec<Edit>> = lines
        .iter()
        .map(|(line, adjacent)| {
            let shifted = |e: Range<usize>| line.start + e.start..line.start + e.end;
            if *adjacent {
                adjacent_runs(&text[line.clone()])
                    .into_iter()
                    .map(|run| (shifted(run), "** **"))
                    .collect()
            } else {
                line_edits(&text[line.clone()])
                    .into_iter()
                    .map(|e| (shifted(e), ""))
                    .collect()
            }
        })
        .collect();
    // Edits never join lines: a line's number is the same after them.
    let index = LineIndex::new(text);
    let numbers: Vec<usize> = lines.iter().map(|(l, _)| index.line(l.start)).collect();
    let before = strays_per_line(&index, &doc.facts.stray_bold);
    for _round in 0..2 {
        // The lines edited, sorted as `lines` are.
        let fixed: Vec<usize> = edits
            .iter()
            .zip(&numbers)
            .filter(|(e, _)| !e.is_empty())
            .map(|(_, &n)| n)
            .collect();
        if fixed.is_empty() {
            break;
        }
        let all: Vec<&Edit> = edits.iter().flatten().collect();
        let edited = apply(text, &all);
        let again = markdown::parse(&edited, body_start);
        if !same_shape(doc, &again) {
            break;
        }
        let after = strays_per_line(&LineIndex::new(&edited), &again.facts.stray_bold);
        let unfixed = |&&(line, _): &&(usize, usize)| fixed.binary_search(&line).is_err();
        let still: Vec<usize> = after
            .iter()
            .map(|&(line, _)| line)
            .filter(|line| fixed.binary_search(line).is_ok())
            .collect();
        let others_kept = after
            .iter()
            .filter(unfixed)
            .eq(before.iter().filter(unfixed));
        if others_kept && still.is_empty() {
            return edits;
        }
        // Keep the lines the edits cleared, and try them alone.
        for (e, n) in edits.iter_mut().zip(&numbers) {
            if still.binary_search(n).is_ok() {
                e.clear();
            }
        }
    }
    vec![Vec::new(); lines.len()]
}

/// The runs of exactly four asterisks in `line` between two characters
/// that are neither spaces nor asterisks (`**@input****varchar**`), out
/// of code spans and not escaped: a bold run's closer and the next one's
/// opener, written together.
pub fn adjacent_runs(line: &str) -> Vec<Range<usize>> {
    if !line.contains("****") {
        return Vec::new();
    }
    let code = code_spans(line);
    let bytes = line.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(found) = memchr::memchr(b'*', &bytes[i..]) {
        let start = i + found;
        let end = start + bytes[start..].iter().take_while(|&&b| b == b'*').count();
        i = end;
        let stands = |b: Option<&u8>| b.is_some_and(|b| !b.is_ascii_whitespace() && *b != b'*');
        if end - start == 4
            && stands(start.checked_sub(1).and_then(|j| bytes.get(j)))
            && stands(bytes.get(end))
            && !is_escaped(bytes, start)
            && !code.iter().any(|c| c.start <= start && start < c.end)
        {
            runs.push(start..end);
        }
    }
    runs
}

/// The deletions (ranges of `line`) that give each `**` of `line` the
/// part CommonMark's pairing needs; none where a marker with spaces on
/// both sides stands at the line's start or end, or where nothing needs
/// deleting.
fn line_edits(line: &str) -> Vec<Range<usize>> {
    let code = code_spans(line);
    let bytes = line.as_bytes();
    // A table cell's `|` bounds its text as a line's start does.
    let space = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || c == '|');
    let punctuation =
        |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let mut open = false;
    let mut edits = Vec::new();
    // The code spans not yet passed: markers come in text order.
    let mut code = code.iter().peekable();
    for i in memchr::memmem::find_iter(bytes, b"**") {
        while code.next_if(|c| c.end <= i).is_some() {}
        let in_code = code.peek().is_some_and(|c| c.start <= i);
        let lone = (i == 0 || bytes[i - 1] != b'*') && bytes.get(i + 2) != Some(&b'*');
        if !lone || in_code || is_escaped(bytes, i) {
            continue;
        }
        let before = line[..i].chars().next_back();
        let after = line[i + 2..].chars().next();
        let (spaced_before, spaced_after) = (space(before), space(after));
        // Its part in the pairing: a closer where bold is open and it
        // stands as one, or with spaces on both sides, or between a space
        // and punctuation (`** c **.`); an opener where bold is not open,
        // or after punctuation and before a space (`(** c`).
        let closes = match (spaced_before, spaced_after) {
            (false, false) | (true, true) => open,
            (true, false) => open && punctuation(after),
            (false, true) => open || !punctuation(before),
        };
        open = !closes;
        if closes && spaced_before {
            let start = line[..i].trim_end().len();
            if start == 0 {
                return Vec::new(); // nothing before it to close on
            }
            // `** **`: the space the opener wanted gone too; no bold meant.
            if edits.last().is_some_and(|e: &Range<usize>| e.end > start) {
                return Vec::new();
            }
            if start < i {
                edits.push(start..i);
            }
        } else if !closes && spaced_after {
            let rest = &line[i + 2..];
            let end = i + 2 + (rest.len() - rest.trim_start().len());
            if end == line.len() {
                return Vec::new(); // nothing after it to open on
            }
            if end > i + 2 {
                edits.push(i + 2..end);
            }
        }
    }
    edits
}

/// The code spans of one line: a run of backticks up to the next run of
/// the same length (an unmatched run is text, as in CommonMark).
fn code_spans(line: &str) -> Vec<Range<usize>> {
    let bytes = line.as_bytes();
    let run_at = |i: usize| bytes[i..].iter().take_while(|&&b| b == b'`').count();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(found) = memchr::memchr(b'`', &bytes[i..]) {
        let start = i + found;
        let n = run_at(start);
        let mut j = start + n;
        i = j;
        while let Some(next) = memchr::memchr(b'`', &bytes[j..]) {
            let at = j + next;
            let m = run_at(at);
            if m == n {
                spans.push(start..at + m);
                i = at + m;
                break;
            }
            j = at + m;
        }
    }
    spans
}

/// `text` with `edits` (in text order) made.
fn apply(text: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (d, replacement) in edits {
        // Edits of one line never overlap ([`line_edits`]), nor lines.
        if d.start >= from {
            out.push_str(&text[from..d.start]);
            out.push_str(replacement);
            from = d.end;
        }
    }
    out.push_str(&text[from..]);
    out
}

/// Whether a page parsed again kept its headings, links and every unit's
/// compared tokens: an edit touched no code, link or id.
fn same_shape(old: &Document, new: &Document) -> bool {
    let ids = |d: &Document| {
        d.headings
            .iter()
            .map(|h| d.headings.id(h).to_owned())
            .collect::<Vec<_>>()
    };
    old.facts.links.len() == new.facts.links.len()
        && ids(old) == ids(new)
        && old.facts.units.len() == new.facts.units.len()
        && old
            .facts
            .units
            .iter()
            .zip(&new.facts.units)
            .all(|(a, b)| old.facts.set_of(a) == new.facts.set_of(b))
}

/// Lines (1-based) holding stray `**`, with how many, in text order.
fn strays_per_line(index: &LineIndex, strays: &[usize]) -> Vec<(usize, usize)> {
    let mut lines: Vec<usize> = strays.iter().map(|&at| index.line(at)).collect();
    lines.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for line in lines {
        match out.last_mut() {
            Some((l, n)) if *l == line => *n += 1,
            _ => out.push((line, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(line: &str) -> String {
        let edits: Vec<Edit> = line_edits(line).into_iter().map(|e| (e, "")).collect();
        apply(line, &edits.iter().collect::<Vec<_>>())
    }

    #[test]
    fn bold_runs_written_together_are_found() {
        assert_eq!(adjacent_runs("**@input****varchar**, x"), vec![8..12]);
        assert_eq!(
            adjacent_runs("a ****"),
            Vec::<Range<usize>>::new(),
            "a mask"
        );
        assert_eq!(adjacent_runs("**a*****b**"), Vec::<Range<usize>>::new());
        assert_eq!(adjacent_runs("`**a****b**`"), Vec::<Range<usize>>::new());
        assert_eq!(adjacent_runs("**a\\****b**"), Vec::<Range<usize>>::new());
    }

    #[test]
    fn spaces_inside_markers_go_where_the_pairing_needs_it() {
        assert_eq!(edited("Un ** extern ** code."), "Un **extern** code.");
        assert_eq!(edited("a ** extern \"C\"** b"), "a **extern \"C\"** b");
        assert_eq!(
            edited("**noexcept** ** x-Code** y"),
            "**noexcept** **x-Code** y"
        );
        assert_eq!(edited("|a|** b **|"), "|a|**b**|");
        assert_eq!(
            edited("x `a ** b` y ** c **."),
            "x `a ** b` y **c**.",
            "code spans are left alone"
        );
        assert_eq!(edited("``a ` ** b`` ** c **"), "``a ` ** b`` **c**");
        assert_eq!(edited("** solo"), "**solo", "the parse decides");
        assert_eq!(edited("tail **"), "tail **");
        assert_eq!(edited("***both*** and ** x **"), "***both*** and **x**");
        assert_eq!(edited("a (** b) ** c"), "a (**b)** c");
        assert_eq!(edited("a ** b **c"), "a **b **c");
        assert_eq!(edited("x ** ** x"), "x ** ** x", "no text between them");
        assert_eq!(edited("x **  ** x"), "x **  ** x");
    }

    #[test]
    fn code_spans_pair_runs_of_equal_length() {
        assert_eq!(code_spans("a `b` c `d`"), [2..5, 8..11]);
        let spans = code_spans("``a`b`` `");
        assert_eq!((spans.len(), spans.first()), (1, Some(&(0..7))));
        assert_eq!(code_spans("` no close"), Vec::<Range<usize>>::new());
    }
}
