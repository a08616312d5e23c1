//! The content of `:::column:::` blocks, read as DocFX reads it: without
//! its indentation.
//!
//! Microsoft's pages, and Learn's own Markdown reference, indent what a
//! column holds under its `:::column:::` line, by six or eight spaces:
//!
//! ```text
//! :::row:::
//!    :::column span="2":::
//!       **A 2-span column.**
//!
//!       ![Doc.U.Ment](media/document.png)
//!    :::column-end:::
//! :::row-end:::
//! ```
//!
//! DocFX's triple-colon parser gives each line of a block back its start
//! (`ResetLineIndent`), and Learn shows a bold paragraph and an image. To
//! CommonMark the same lines are an indented code block: the links and
//! images in it are neither shown nor checked. Masking cannot help here
//! (directives are masked byte for byte, `directives.rs`, but no bytes
//! stand for "no indentation"), so a page with an indented column is
//! parsed from a copy without that indentation: each column's content
//! loses the indentation its lines have in common (nested lists and code
//! keep theirs relative to it), and the column lines theirs, down to the
//! row's own (a row inside a list item stays in the item).
//! The events' offsets are mapped back into the file ([`Deindented::range`]),
//! so every fact, heading and finding still points at the file's bytes.
//!
//! `zone` and `moniker` blocks go through the same parser in DocFX, but
//! their content is left as written here: Microsoft's pages write it at
//! the margin, and no page was found that indents it.

use std::ops::Range;

use super::directives::{Directive, Kind};

/// A page's text with its columns' indentation removed, and where the
/// removals are.
#[derive(Debug)]
pub struct Deindented {
    pub text: String,
    /// Per line that lost bytes, ascending: where it starts in `text`, and
    /// how many bytes the file has before that point in all.
    shifts: Vec<(usize, usize)>,
}

impl Deindented {
    /// The file's offset of offset `at` of [`Deindented::text`].
    pub fn offset(&self, at: usize) -> usize {
        let i = self.shifts.partition_point(|&(start, _)| start <= at);
        at + i.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }

    /// The file's bytes of the bytes `range` of `text[base..]`, as
    /// offsets from `base` (a page's body start, before any column).
    pub fn range(&self, base: usize, range: &Range<usize>) -> Range<usize> {
        let start = self.offset(base + range.start) - base;
        // An end is exclusive: the byte before it is mapped, so that a
        // range ending with its line does not take in the indentation
        // removed from the next one.
        let end = match range.end > range.start {
            true => self.offset(base + range.end - 1) + 1 - base,
            false => start,
        };
        start..end
    }
}

/// `masked` (a page's text, its directives masked) without its columns'
/// indentation; `None` when no column is indented, as on most pages.
pub fn deindent(masked: &str, directives: &[Directive]) -> Option<Deindented> {
    let bytes = masked.as_bytes();
    // Per line start, the bytes of indentation it loses.
    let mut strips: Vec<(usize, usize)> = Vec::new();
    // The open row's indentation: a row inside a list item keeps the
    // item's, and so do its columns, so that they stay in the item.
    let mut base = 0;
    let mut open: Vec<(usize, usize)> = Vec::new();
    for directive in directives {
        let (name, opens) = match &directive.kind {
            Kind::Block { name, .. } => (name.as_str(), true),
            Kind::End { name } => (name.as_str(), false),
            _ => continue,
        };
        if name != "row" && name != "column" {
            continue;
        }
        let start = line_start(bytes, directive.span.start);
        let lead = bytes[start..directive.span.start]
            .iter()
            .all(|&b| b == b' ' || b == b'\t')
            .then_some(directive.span.start - start);
        match (name, opens) {
            // The row's own line is where DocFX finds it (indented four
            // more than its container, it would be code there too).
            ("row", true) => base = lead.unwrap_or(0),
            _ => {
                if let Some(lead) = lead {
                    strips.push((start, lead.saturating_sub(base)));
                }
            }
        }
        match (name, opens) {
            ("row", false) => base = 0,
            ("column", true) => open.push((line_end(bytes, directive.span.end), base)),
            ("column", false) => {
                if let Some((content, base)) = open.pop() {
                    common_indent(bytes, content..start, base, &mut strips);
                }
            }
            _ => {}
        }
    }
    strips.retain(|&(_, n)| n > 0);
    if strips.is_empty() {
        return None;
    }
    strips.sort_unstable();
    // A line named twice (a directive line inside another column) loses
    // the most either asks.
    strips.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            earlier.1 = earlier.1.max(later.1);
        }
        same
    });
    let mut text = String::with_capacity(masked.len());
    let mut shifts = Vec::with_capacity(strips.len());
    let (mut from, mut removed) = (0, 0);
    for (start, n) in strips {
        text.push_str(&masked[from..start]);
        removed += n;
        shifts.push((text.len(), removed));
        from = start + n;
    }
    text.push_str(&masked[from..]);
    Some(Deindented { text, shifts })
}

/// For the lines of `content` (whole lines), the indentation they share
/// beyond `base`, blank lines aside (which lose what they have of it).
fn common_indent(
    bytes: &[u8],
    content: Range<usize>,
    base: usize,
    strips: &mut Vec<(usize, usize)>,
) {
    let lines = || {
        let mut at = content.start;
        std::iter::from_fn(move || {
            (at < content.end).then(|| {
                let start = at;
                at = line_end(bytes, at).min(content.end);
                start..at
            })
        })
    };
    let indent = |line: &Range<usize>| {
        bytes[line.clone()]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count()
    };
    let blank = |line: &Range<usize>| bytes[line.clone()].iter().all(u8::is_ascii_whitespace);
    let Some(common) = lines().filter(|l| !blank(l)).map(|l| indent(&l)).min() else {
        return;
    };
    let remove = common.saturating_sub(base);
    for line in lines() {
        strips.push((line.start, indent(&line).min(remove)));
    }
}

/// Where the line holding byte `at` starts.
fn line_start(bytes: &[u8], at: usize) -> usize {
    memchr::memrchr(b'\n', &bytes[..at.min(bytes.len())]).map_or(0, |i| i + 1)
}

/// Where the line after the one holding byte `at` starts (or the end).
fn line_end(bytes: &[u8], at: usize) -> usize {
    let at = at.min(bytes.len());
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::directives;

    fn deindented(text: &str) -> Option<Deindented> {
        let found = directives::find(text, 0);
        deindent(&directives::mask(text, &found), &found)
    }

    #[test]
    fn a_columns_content_loses_its_common_indentation_and_offsets_map_back() {
        let text = ":::row:::\n    :::column:::\n        **Bold**\n\n          - nested\n    :::column-end:::\n:::row-end:::\nAfter\n";
        let d = deindented(text).unwrap();
        let lines: Vec<&str> = d.text.lines().collect();
        assert_eq!(lines[2..5], ["**Bold**", "", "  - nested"]);
        assert!(lines[1].starts_with("<!--") && lines[5].starts_with("<!--"));
        // Every byte the copy keeps maps to the same byte of the file.
        let masked = directives::mask(text, &directives::find(text, 0));
        for (at, byte) in d.text.bytes().enumerate() {
            assert_eq!(masked.as_bytes()[d.offset(at)], byte, "at {at}");
        }
        let bold = d.text.find("**Bold**").unwrap();
        assert_eq!(
            d.range(0, &(bold..bold + 9)),
            text.find("**Bold**").unwrap()..text.find("**Bold**").unwrap() + 9
        );
    }

    #[test]
    fn a_row_inside_a_list_item_keeps_the_items_indentation() {
        let text = "1. Step\n\n   :::row:::\n       :::column:::\n           Text\n       :::column-end:::\n   :::row-end:::\n";
        let d = deindented(text).unwrap();
        let lines: Vec<&str> = d.text.lines().collect();
        assert_eq!(lines[4], "   Text");
        assert!(lines[3].starts_with("   <!--") && lines[5].starts_with("   <!--"));
        assert!(lines[6].starts_with("   <!--"));
    }

    #[test]
    fn pages_without_indented_columns_are_not_copied() {
        assert!(deindented("# T\n\n    code\n").is_none());
        assert!(
            deindented(":::row:::\n:::column:::\nText\n:::column-end:::\n:::row-end:::\n")
                .is_none()
        );
        // An unclosed column changes nothing of what follows it.
        assert!(deindented(":::column:::\n      text\n").is_none());
    }
}
