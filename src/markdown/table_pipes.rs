//! A `|` inside a code span of a table row, read as DocFX reads it.
//!
//! DocFX's Markdown engine, markdig, gives a code span precedence over a
//! column delimiter: in `` | `type= {own | share}` | Sets the type. | ``
//! the code span is one cell. GFM, and pulldown-cmark with it, splits
//! the row at every `|` first, so the same row gets a cell too many, its
//! description past the header's count is dropped, and what the split
//! code span held (`<accountname>`) stands bare as an unknown tag that
//! browsers hide. Microsoft's pages rely on markdig's reading (the
//! `sc config`, DiskPart, `forfiles` and `icacls` references among
//! them), so polydoc reads them as Learn shows them.
//!
//! pulldown-cmark has no option for it. A page whose lines hold such a
//! code span is parsed once to learn which of those lines are table rows
//! (not fenced code, where PowerShell writes `` ` `` and `|` as it
//! likes); the `|` inside code spans of those rows are then masked with a
//! control character of the same length, so that every offset stays
//! true, and the code spans get their `|` back ([`restore`]). Both the
//! parse for the checks and the render use the same masked text
//! ([`super::parse_text`]). Pages without such a line, nearly all, pay
//! one scan for `` ` `` and `|`.
//!
//! A `\|` inside a code span stays GFM's: a `|`, where markdig shows the
//! backslash too (a markdig bug authors work around, dotnet/docfx#11083).

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser, Tag};

/// What a masked `|` becomes while pulldown-cmark parses: an ASCII
/// control character no page writes (a page that does is left as GFM
/// reads it).
const MASK: char = '\u{1f}';

/// The byte offsets in `text` of the `|` that stand inside a code span of
/// a table row of `masked[body_start..]` (the text pulldown-cmark would
/// parse, directives masked; offsets are those of `text`).
pub fn find(masked: &str, body_start: usize) -> Vec<usize> {
    let Some(body) = masked.get(body_start..) else {
        return Vec::new();
    };
    if !has_pipe_in_code(body.as_bytes()) || masked.contains(MASK) {
        return Vec::new();
    }
    let mut pipes = Vec::new();
    for (event, range) in Parser::new_ext(body, super::options()).into_offset_iter() {
        if let Event::Start(Tag::TableHead | Tag::TableRow) = event
            && let Some(row) = body.get(range.clone())
        {
            pipes.extend(
                in_code_spans(row)
                    .into_iter()
                    .map(|at| body_start + range.start + at),
            );
        }
    }
    pipes
}

/// `text` with the `|` at `pipes` masked.
pub fn mask(text: String, pipes: &[usize]) -> String {
    let mut bytes = text.into_bytes();
    for &at in pipes {
        if let Some(byte) = bytes.get_mut(at)
            && *byte == b'|'
        {
            *byte = MASK as u8;
        }
    }
    // One ASCII byte for another: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `event` with its masked `|` back.
pub fn restore(event: Event<'_>) -> Event<'_> {
    fn back(s: CowStr<'_>) -> CowStr<'_> {
        if s.contains(MASK) {
            CowStr::from(s.replace(MASK, "|"))
        } else {
            s
        }
    }
    match event {
        Event::Code(s) => Event::Code(back(s)),
        Event::Text(s) => Event::Text(back(s)),
        Event::Html(s) => Event::Html(back(s)),
        Event::InlineHtml(s) => Event::InlineHtml(back(s)),
        other => other,
    }
}

/// The offsets in `line` of the unescaped `|` inside its code spans.
fn in_code_spans(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    if memchr::memchr(b'|', bytes).is_none() {
        return Vec::new();
    }
    code_spans(bytes)
        .into_iter()
        .flat_map(|span| span.filter(|&k| bytes[k] == b'|' && bytes[k - 1] != b'\\'))
        .collect()
}

/// Whether some line of `bytes` holds a code span with a `|` in it: the
/// one scan every page pays, a search for `` ` `` and, on a line that
/// has one and a `|`, for its code spans (a false yes would only cost
/// the parse that [`find`] makes to be sure).
fn has_pipe_in_code(bytes: &[u8]) -> bool {
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'`', &bytes[from..]) {
        let at = from + found;
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let line = &bytes[start..end];
        if memchr::memchr(b'|', line).is_some()
            && code_spans(line)
                .into_iter()
                .any(|span| memchr::memchr(b'|', &line[span]).is_some())
        {
            return true;
        }
        from = end;
    }
    false
}

/// The code spans of one line, as the byte ranges of their content: a
/// run of backticks opens one and the next run of the same length closes
/// it (CommonMark's code span, on one line as a table row is); a run
/// after an odd number of backslashes opens none, though it may close
/// one (`` `C:\` `` is a span). Each run is found once, and on a line of
/// many runs the next of each length is looked up, not searched for, so
/// that runs which never close cost no more than runs which do.
fn code_spans(line: &[u8]) -> Vec<Range<usize>> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'`', &line[from..]) {
        let at = from + found;
        let len = line[at..].iter().take_while(|&&b| b == b'`').count();
        runs.push((at, len));
        from = at + len;
    }
    let mut by_len: HashMap<usize, Vec<usize>> = HashMap::new();
    if runs.len() > 16 {
        for (k, &(_, len)) in runs.iter().enumerate() {
            by_len.entry(len).or_default().push(k);
        }
    }
    let next_of_len = |k: usize, len: usize| -> Option<usize> {
        if by_len.is_empty() {
            (k + 1..runs.len()).find(|&j| runs[j].1 == len)
        } else {
            let ks = by_len.get(&len)?;
            ks.get(ks.partition_point(|&j| j <= k)).copied()
        }
    };
    let mut spans = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let (at, len) = runs[k];
        match (!super::is_escaped(line, at))
            .then(|| next_of_len(k, len))
            .flatten()
        {
            Some(j) => {
                spans.push(at + len..runs[j].0);
                k = j + 1;
            }
            None => k += 1,
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pipes_inside_code_spans_count() {
        let line = r"| `type= {own | share}` | a \| b | ``x | `y` | z`` | `a \| b` |";
        let found = in_code_spans(line);
        let own = line.find("own |").unwrap_or(0) + 4;
        let x = line.find("x |").unwrap_or(0) + 2;
        let y = line.find("` | z").unwrap_or(0) + 2;
        assert_eq!(found, [own, x, y]);
        assert!(in_code_spans(r"| \`a | b\` |").is_empty());
        assert!(in_code_spans("| `a | b").is_empty(), "no closing run");
        assert!(has_pipe_in_code(line.as_bytes()));
        assert!(
            !has_pipe_in_code(b"| `a` | b |\n`c\n| d`"),
            "a span ends on its line"
        );
        assert!(!has_pipe_in_code(b"no code | here"));
        assert_eq!(
            code_spans(br"| `C:\` | `a|b` |").len(),
            2,
            "a backslash ends no span"
        );
        assert!(
            code_spans(br"| \`a | b` |").is_empty(),
            "an escaped run opens none"
        );
    }

    #[test]
    fn runs_that_never_close_cost_a_lookup_each() {
        // Runs of 1 to 400 backticks, none closing: quadratic if each
        // searched the rest of the line.
        let line: String = (1..=400).map(|n| format!("{} |", "`".repeat(n))).collect();
        assert!(code_spans(line.as_bytes()).is_empty());
        let closing: String = format!("`a | b` {line}");
        assert!(!in_code_spans(&closing).is_empty());
    }

    #[test]
    fn a_table_row_keeps_its_code_span_whole() {
        let text = "| Parameter | Description |\n|-|-|\n| `type= {own | share}` | Sets the type. |\n\n```\na | `b | c`\n```\n";
        let pipes = find(text, 0);
        assert_eq!(pipes, [text.find("own |").unwrap_or(0) + 4]);
        let masked = mask(text.to_owned(), &pipes);
        assert_eq!(masked.len(), text.len());
        let events: Vec<Event> = Parser::new_ext(&masked, crate::markdown::options())
            .map(restore)
            .collect();
        let cells = events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
            .count();
        assert_eq!(cells, 4, "two header cells, two body cells");
        assert!(events.contains(&Event::Code("type= {own | share}".into())));
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::Text(t) if t.contains("a | `b | c`"))),
            "fenced code is left as written"
        );
    }
}
