//! What the human report quotes of a source line: the line itself when it
//! is short, a window of [`WIDTH`] characters around the finding's place
//! when it is long, cut with `…` as rustc cuts long lines.
//!
//! Why: Microsoft's pages keep a paragraph, a table row or a side-by-side
//! sentence (the translation and its hidden English source) on one line
//! of hundreds or thousands of characters. Quoted whole, a terminal wraps
//! the line and its caret line separately, so the caret lands rows below
//! the text it marks, or off the screen. A window keeps the caret under
//! its text while the header still names the real line and column.
//!
//! codespan-reporting reads sources through its [`Files`] trait, so what a
//! finding quotes of a file is a small text of its own, one line per line
//! shown, whose line and column numbers are the real ones
//! ([`Files::line_number`], [`Files::column_number`]). Labels far apart
//! on one long line get a window each, one under the other.

use std::ffi::OsStr;
use std::ops::Range;

use codespan_reporting::files::{Error, Files};
use rustc_hash::FxHashMap;

use super::{Findings, SourceText, path_key};
use crate::diagnostic::Location;

/// Characters of a long line shown around a finding's place. Lines up to
/// this long are quoted whole; with the gutter (`1234 │ `) they fit a
/// terminal of 110 columns.
pub const WIDTH: usize = 100;

/// A label's place: an excerpt's id and a byte range in its text.
pub type Span = (usize, Range<usize>);

/// The place `…` marks a cut at.
const CUT: &str = "…";

/// The texts of the files findings point into, with their line tables.
pub struct Sources<'t> {
    names: Vec<String>,
    texts: Vec<&'t SourceText>,
    ids: FxHashMap<&'t OsStr, usize>,
}

impl<'t> Sources<'t> {
    pub fn new(report: &'t Findings) -> Self {
        let mut sources = Sources {
            names: Vec::with_capacity(report.texts.len()),
            texts: Vec::with_capacity(report.texts.len()),
            ids: FxHashMap::default(),
        };
        for (path, text) in &report.texts {
            sources.ids.insert(path.as_os_str(), sources.names.len());
            sources.names.push(path_key(std::path::Path::new(path)));
            sources.texts.push(text);
        }
        sources
    }

    /// Line `number` (1-based) of `file`, without its line break.
    fn line(&self, file: usize, number: usize) -> Option<&'t str> {
        self.texts.get(file)?.line(number)
    }
}

/// What one finding quotes of one file: the lines its labels are on, each
/// one whole or cut to windows, as the lines of a text of its own.
struct Excerpt {
    file: usize,
    text: String,
    lines: Vec<Shown>,
}

/// A line of an [`Excerpt`]: a stretch of a real line, or an empty line
/// that stands for lines left out (two of them make codespan print `·`).
#[derive(Default, Clone, Copy)]
struct Shown {
    /// Where it starts in [`Excerpt::text`].
    start: usize,
    /// The real line's number.
    number: usize,
    /// The real column of its first character after the cut mark.
    first_column: usize,
    /// Bytes of the cut mark before that character (0 or `CUT.len()`).
    lead: usize,
}

/// The sources of one finding's labels, for codespan-reporting: an
/// [`Excerpt`] per file, in the order the labels name the files.
pub struct Quoted<'s, 't> {
    sources: &'s Sources<'t>,
    excerpts: Vec<Excerpt>,
}

/// A label's place on its real line.
struct Place<'t> {
    /// Index of the label among the locations given.
    label: usize,
    file: usize,
    line: usize,
    /// The line, without its line break.
    text: &'t str,
    /// Character range on the line, at least one character long.
    chars: Range<usize>,
}

impl<'s, 't> Quoted<'s, 't> {
    /// The labels of `locations`, as an excerpt id and a byte range in it,
    /// each one `None` when its file's text is not known.
    pub fn new(sources: &'s Sources<'t>, locations: &[&Location]) -> (Self, Vec<Option<Span>>) {
        let mut files: Vec<usize> = Vec::new();
        let mut places: Vec<Place<'t>> = Vec::new();
        for (label, location) in locations.iter().enumerate() {
            let Some(&file) = sources.ids.get(location.file.as_os_str()) else {
                continue;
            };
            let Some(text) = sources.line(file, location.line) else {
                continue;
            };
            if !files.contains(&file) {
                files.push(file);
            }
            let start = location.column.saturating_sub(1);
            let end = if location.end_column > location.column {
                location.end_column - 1
            } else {
                start + 1
            };
            places.push(Place {
                label,
                file,
                line: location.line,
                text,
                chars: start..end,
            });
        }
        let mut labels = vec![None; locations.len()];
        let mut quoted = Quoted {
            sources,
            excerpts: Vec::new(),
        };
        for file in files {
            let mut mine: Vec<&Place<'t>> = places.iter().filter(|p| p.file == file).collect();
            mine.sort_by_key(|p| (p.line, p.chars.start));
            quoted.excerpt(file, &mine, &mut labels);
        }
        (quoted, labels)
    }

    /// The excerpt of `file` for its labels `places`, sorted by line and
    /// column.
    fn excerpt(&mut self, file: usize, places: &[&Place<'t>], labels: &mut [Option<Span>]) {
        let id = self.excerpts.len();
        let mut excerpt = Excerpt {
            file,
            text: String::new(),
            lines: Vec::new(),
        };
        let mut rest = places;
        while let Some(first) = rest.first() {
            // The labels of one window: on one line, and within WIDTH
            // characters of each other on a long one.
            // Display columns of a long line (CJK characters take two).
            let columns = (first.text.len() > WIDTH)
                .then(|| columns(first.text))
                .filter(|c| c.last().is_some_and(|&w| w > WIDTH));
            let column = |chars: usize| {
                columns
                    .as_ref()
                    .map_or(chars, |c| c[chars.min(c.len() - 1)])
            };
            // The first label always: one longer than the window starts
            // a window of its own and is cut at its end.
            let mut end = first.chars.end;
            let taken = 1 + rest[1..]
                .iter()
                .take_while(|p| {
                    end = end.max(p.chars.end);
                    let fits = column(end) - column(first.chars.start) <= WIDTH;
                    p.line == first.line && (columns.is_none() || fits)
                })
                .count();
            let (group, after) = rest.split_at(taken);
            rest = after;
            if let Some(last) = excerpt.lines.last() {
                match first.line.checked_sub(last.number) {
                    Some(1) => {}
                    // One line between: shown, as codespan shows it.
                    Some(2) => {
                        let number = first.line - 1;
                        let text = self.sources.line(file, number).unwrap_or("");
                        excerpt.push(number, text, head(text));
                    }
                    _ => excerpt.skip(),
                }
            }
            let shown = match &columns {
                Some(columns) => {
                    let length = columns.len() - 1;
                    let start = first.chars.start.min(length);
                    let end = group
                        .iter()
                        .map(|p| p.chars.end)
                        .fold(start, usize::max)
                        .min(length);
                    // The labels centred in the window; a label longer
                    // than the window starts it and is cut at its end.
                    let (left, right) = (columns[start], columns[end]);
                    let slack = WIDTH.saturating_sub(right - left);
                    let to = (left.saturating_sub(slack / 2) + WIDTH).min(columns[length]);
                    let from = to.saturating_sub(WIDTH).min(left);
                    let from = columns.partition_point(|&c| c < from).min(start);
                    let to = columns.partition_point(|&c| c <= to).saturating_sub(1);
                    at_spaces(first.text, from..to.max(from), start..end, length)
                }
                None => 0..first.text.chars().count(),
            };
            let line = excerpt.push(first.line, first.text, shown.clone());
            for place in group {
                let s = place.chars.start.clamp(shown.start, shown.end);
                let e = place.chars.end.clamp(s, shown.end).max(s);
                let byte = |column: usize| line.start + line.lead + char_byte(first.text, column);
                let from = char_byte(first.text, shown.start);
                labels[place.label] = Some((id, byte(s) - from..byte(e) - from));
            }
        }
        self.excerpts.push(excerpt);
    }

    fn shown(&self, id: usize, line: usize) -> Result<(&Excerpt, &Shown), Error> {
        let excerpt = self.excerpts.get(id).ok_or(Error::FileMissing)?;
        let shown = excerpt.lines.get(line).ok_or(Error::LineTooLarge {
            given: line,
            max: excerpt.lines.len().saturating_sub(1),
        })?;
        Ok((excerpt, shown))
    }
}

impl Excerpt {
    /// Adds characters `chars` of real line `number` as a line, `…` where
    /// it is cut; returns where it starts.
    fn push(&mut self, number: usize, text: &str, chars: Range<usize>) -> Shown {
        if !self.lines.is_empty() {
            self.text.push('\n');
        }
        let start = self.text.len();
        if chars.start > 0 {
            self.text.push_str(CUT);
        }
        let lead = self.text.len() - start;
        let (from, to) = (char_byte(text, chars.start), char_byte(text, chars.end));
        self.text.push_str(&text[from..to]);
        if to < text.len() {
            self.text.push_str(CUT);
        }
        let shown = Shown {
            start,
            number,
            first_column: chars.start + 1,
            lead,
        };
        self.lines.push(shown);
        shown
    }

    /// Two empty lines, for which codespan prints `·` between the lines
    /// around them.
    fn skip(&mut self) {
        for _ in 0..2 {
            self.text.push('\n');
            let number = self.lines.last().map_or(0, |l| l.number);
            self.lines.push(Shown {
                start: self.text.len(),
                number,
                ..Shown::default()
            });
        }
    }
}

/// The display width of the first `i` characters of `text`, for every
/// `i` from 0 to its length: a terminal gives a CJK character two
/// columns, a combining mark none.
fn columns(text: &str) -> Vec<usize> {
    use unicode_width::UnicodeWidthChar;
    let mut sum = 0;
    std::iter::once(0)
        .chain(text.chars().map(|c| {
            sum += c.width().unwrap_or(1);
            sum
        }))
        .collect()
}

/// The characters of `text` shown when it is quoted from its start: all
/// of them, or as many as fit in [`WIDTH`] columns, cut between words.
fn head(text: &str) -> Range<usize> {
    let columns = columns(text);
    let length = columns.len() - 1;
    if columns[length] <= WIDTH {
        return 0..length;
    }
    let to = columns.partition_point(|&c| c <= WIDTH).saturating_sub(1);
    at_spaces(text, 0..to, 0..0, length)
}

/// Characters of a cut word given up to start or end a window at a space.
const WORD: usize = 16;

/// The window `window` (characters of `text`, `length` of them) moved in
/// to start and end between words where a space lies near its cuts,
/// without leaving out any of `marked`: `…word word`, not `…rd word`.
fn at_spaces(
    text: &str,
    window: Range<usize>,
    marked: Range<usize>,
    length: usize,
) -> Range<usize> {
    let Range { mut start, mut end } = window;
    if start > 0 {
        let space = text
            .chars()
            .skip(start)
            .take(WORD.min(marked.start - start.min(marked.start)));
        if let Some(i) = space.into_iter().position(char::is_whitespace) {
            start += i + 1;
        }
    }
    if end < length {
        let room = end.saturating_sub(marked.end).min(WORD);
        let tail = text.chars().skip(end - room).take(room);
        if let Some(i) = tail
            .collect::<Vec<char>>()
            .iter()
            .rposition(|c| c.is_whitespace())
        {
            end = end - room + i;
        }
    }
    start..end.max(start)
}

/// The byte offset of character `column` (0-based) of `text`; its length
/// past the end.
fn char_byte(text: &str, column: usize) -> usize {
    text.char_indices()
        .nth(column)
        .map_or(text.len(), |(i, _)| i)
}

impl<'a> Files<'a> for Quoted<'_, '_> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, Error> {
        let excerpt = self.excerpts.get(id).ok_or(Error::FileMissing)?;
        self.sources
            .names
            .get(excerpt.file)
            .map(String::as_str)
            .ok_or(Error::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, Error> {
        let excerpt = self.excerpts.get(id).ok_or(Error::FileMissing)?;
        Ok(excerpt.text.as_str())
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, Error> {
        let excerpt = self.excerpts.get(id).ok_or(Error::FileMissing)?;
        let after = excerpt.lines.partition_point(|l| l.start <= byte_index);
        Ok(after.saturating_sub(1))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, Error> {
        Ok(self.shown(id, line_index)?.1.number)
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let (excerpt, line) = self.shown(id, line_index)?;
        let from = line.start + line.lead;
        let shown = excerpt
            .text
            .get(from..byte_index.max(from))
            .map_or(0, |s| s.chars().count());
        Ok(line.first_column + shown)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, Error> {
        let (excerpt, line) = self.shown(id, line_index)?;
        let end = excerpt
            .lines
            .get(line_index + 1)
            .map_or(excerpt.text.len(), |next| next.start);
        Ok(line.start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::line_starts;

    fn report(text: &str) -> Findings {
        let mut texts = FxHashMap::default();
        texts.insert(
            "a.md".into(),
            SourceText {
                text: text.to_owned(),
                lines: line_starts(text),
            },
        );
        Findings::new(Vec::new(), texts)
    }

    fn at(line: usize, column: usize, end_column: usize) -> Location {
        Location {
            end_column,
            ..Location::at("a.md", line, column)
        }
    }

    /// Each label's shown line, its real line and column as codespan
    /// reads them, and the text it marks.
    fn shown(text: &str, locations: &[Location]) -> Vec<(String, usize, usize, String)> {
        let report = report(text);
        let sources = Sources::new(&report);
        let refs: Vec<&Location> = locations.iter().collect();
        let (files, labels) = Quoted::new(&sources, &refs);
        labels
            .into_iter()
            .map(|label| {
                let (id, range) = label.expect("the file is known");
                let line = files.line_index(id, range.start).unwrap();
                let source = files.source(id).unwrap();
                let place = files.location(id, range.start).unwrap();
                (
                    source[files.line_range(id, line).unwrap()]
                        .trim_end()
                        .to_owned(),
                    place.line_number,
                    place.column_number,
                    source[range].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn a_short_line_is_quoted_whole() {
        let text = "# A\n\nSee [x](gone.md) here.\n";
        assert_eq!(
            shown(text, &[at(3, 9, 16)]),
            [("See [x](gone.md) here.".into(), 3, 9, "gone.md".into())]
        );
    }

    /// Two places 2,000 characters apart on one line: a window each, with
    /// the real column, in a line of non-ASCII text (columns count
    /// characters, cuts fall between them).
    #[test]
    fn places_far_apart_on_a_long_line_get_a_window_each() {
        let line = format!(
            "{}CODE_ONE {}CODE_TWO {}",
            "ü ".repeat(1000),
            "é ".repeat(1000),
            "ñ ".repeat(1000)
        );
        let text = format!("# A\n\n{line}\n");
        let first = 2001;
        let second = first + 9 + 2000;
        let found = shown(&text, &[at(3, first, first + 8), at(3, second, second + 8)]);
        assert_eq!(found.len(), 2);
        for ((window, line, column, marked), (expected, name)) in found
            .iter()
            .zip([(first, "CODE_ONE"), (second, "CODE_TWO")])
        {
            assert_eq!((*line, *column, marked.as_str()), (3, expected, name));
            assert!(window.contains(name), "{window}");
            // Cut between words, and near the width.
            let words: Vec<&str> = window.split(' ').collect();
            let (head, tail) = (words[0], words[words.len() - 1]);
            assert!(
                ["…ü", "…é"].contains(&head) && ["é…", "ñ…"].contains(&tail),
                "{window}"
            );
            assert!(
                (WIDTH - 2..=WIDTH + 2).contains(&window.chars().count()),
                "{window}"
            );
        }
    }

    /// A line of CJK text, two columns a character, is cut to the width in
    /// columns, not in characters; the column in the header counts
    /// characters, as every format's columns do.
    #[test]
    fn a_window_of_wide_characters_fits_the_width_in_columns() {
        let text = format!("{}SEH{}\n", "编".repeat(150), "码".repeat(150));
        let found = shown(&text, &[at(1, 151, 154)]);
        let (window, line, column, marked) = &found[0];
        assert_eq!((*line, *column, marked.as_str()), (1, 151, "SEH"));
        let width = columns(window).last().copied().unwrap_or(0);
        assert!(
            (WIDTH - 2..=WIDTH + 2).contains(&width),
            "{width}: {window}"
        );
        assert!(
            window.starts_with("…编") && window.ends_with("码…"),
            "{window}"
        );
    }

    /// A place longer than the window starts one, cut at its end.
    #[test]
    fn a_place_longer_than_the_window_is_cut() {
        let link = format!("[x](https://example.com/{})", "a".repeat(200));
        let text = format!("{} {link} {}\n", "x ".repeat(100), "y ".repeat(100));
        let found = shown(&text, &[at(1, 202, 202 + link.chars().count())]);
        let (window, line, column, marked) = &found[0];
        assert_eq!((*line, *column), (1, 202));
        assert!(
            window.starts_with("…[x](https://example.com/aaa"),
            "{window}"
        );
        assert!(window.ends_with("aaa…"), "{window}");
        assert_eq!(format!("…{marked}…"), *window);
    }

    /// Places close together share one window; a place at the line's
    /// end starts no cut mark after it.
    #[test]
    fn places_close_together_share_a_window() {
        let line = format!("{}one two", "x ".repeat(500));
        let text = format!("{line}\n");
        let found = shown(&text, &[at(1, 1001, 1004), at(1, 1005, 1008)]);
        assert_eq!(found[0].0, found[1].0);
        assert_eq!(
            (
                found[0].2,
                found[0].3.as_str(),
                found[1].2,
                found[1].3.as_str()
            ),
            (1001, "one", 1005, "two")
        );
        assert!(found[0].0.starts_with("…x x ") && found[0].0.ends_with(" one two"));
        assert_eq!(found[0].0.chars().count(), WIDTH);
    }
}
