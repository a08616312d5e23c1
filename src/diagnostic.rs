//! Findings: what the pipeline has to tell the user about their files.
//!
//! A finding is plain data. Stages produce them; reporters format them and
//! know nothing about the stage that made them. Positions are 1-based and
//! point into the Markdown *source*, never into generated HTML, so an editor
//! or a CI annotation can jump straight to the offending text.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// How bad a finding is. Ordered, so `>=` compares against a threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// A place in a source file. `line` and `column` are 1-based; both are 0
/// when the problem concerns the whole file (it could not be read, say).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The path as the user should see it: relative to the site root when
    /// the file lies below it, absolute otherwise.
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// 1-based column just after the offending text on the same line; 0
    /// when only the start is known.
    #[serde(skip_serializing_if = "is_zero")]
    pub end_column: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Location {
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location::at(file, 0, 0)
    }

    pub fn at(file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            file: file.into(),
            line,
            column,
            end_column: 0,
        }
    }
}

/// Another place that belongs to a finding: the same row in another
/// locale, the first of two duplicates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column.max(1))?;
        }
        Ok(())
    }
}

/// One problem found in the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable kebab-case identifier; once released it does not change.
    pub rule: &'static str,
    pub severity: Severity,
    pub location: Location,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something to say.
    pub help: Option<String>,
    /// Further evidence for the same problem, one sentence each.
    pub notes: Vec<String>,
    pub related: Vec<Related>,
    /// Edits that fix it for certain, which `polydoc check --fix` writes;
    /// only rules whose correction is beyond doubt give one.
    #[serde(skip)]
    pub fix: Vec<Edit>,
    /// Edits the rule suggests without being sure alone (which side of a
    /// disagreement is wrong): they become the fix when another rule's
    /// finding on the same line proposes the same ([`crate::check::merge`]).
    #[serde(skip)]
    pub proposal: Vec<Edit>,
}

/// One replacement in a finding's file: bytes `range`, which read
/// `original` when the file was checked, become `replacement`.
/// `check --fix` writes it only if they still read `original`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    #[serde(skip)]
    pub range: std::ops::Range<usize>,
    #[serde(skip)]
    pub original: String,
    /// Where the replaced text is (on one line), for reports.
    pub location: Location,
    pub replacement: String,
}

impl Finding {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        location: Location,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            rule,
            severity,
            location,
            message: message.into(),
            help: None,
            notes: Vec::new(),
            related: Vec::new(),
            fix: Vec::new(),
            proposal: Vec::new(),
        }
    }

    pub fn error(rule: &'static str, location: Location, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Error, location, message)
    }

    pub fn warning(rule: &'static str, location: Location, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Warning, location, message)
    }

    pub fn note(rule: &'static str, location: Location, message: impl Into<String>) -> Self {
        Self::new(rule, Severity::Note, location, message)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The finding with the edits that fix it (none: no fix).
    pub fn with_fix(mut self, edits: impl IntoIterator<Item = Edit>) -> Self {
        self.fix = edits.into_iter().collect();
        self
    }

    /// The finding with edits it suggests but cannot be sure of alone.
    pub fn with_proposal(mut self, edits: impl IntoIterator<Item = Edit>) -> Self {
        self.proposal = edits.into_iter().collect();
        self
    }

    pub fn with_related(mut self, location: Location, message: impl Into<String>) -> Self {
        self.related.push(Related {
            location,
            message: message.into(),
        });
        self
    }
}

/// Compiler-style text, one finding per paragraph: the first line is the
/// `file:line:col: severity[rule]: message` form that editors and most CI
/// log viewers turn into links.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.location, self.severity, self.rule, self.message
        )?;
        for note in &self.notes {
            write!(f, "\n  = note: {note}")?;
        }
        for related in &self.related {
            write!(f, "\n  = {}: {}", related.location, related.message)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// The byte offset where each line of `text` starts, the first at 0.
///
/// As `u32`: tables of every page of a site stay in memory, at half the
/// size of `usize` offsets. In a file over 4 GiB the lines past that
/// limit all start at `u32::MAX` (their positions are wrong, nothing
/// fails); no Markdown page comes near it.
pub fn line_starts(text: &str) -> Vec<u32> {
    std::iter::once(0)
        .chain(
            memchr::memchr_iter(b'\n', text.as_bytes())
                .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
        )
        .collect()
}

/// Maps byte offsets of a text to 1-based line and column (in characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Cow<'a, [u32]>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            starts: Cow::Owned(line_starts(text)),
        }
    }

    /// The index of `text` whose [`line_starts`] are `starts`, already
    /// worked out (a page's, made when it was read).
    pub fn with_starts(text: &'a str, starts: &'a [u32]) -> Self {
        LineIndex {
            text,
            starts: Cow::Borrowed(starts),
        }
    }

    /// Where a JSON file, this text, writes the string `value`, between
    /// its quotes: serde_json keeps no places, so its first quoted
    /// occurrence, which is where a bad glob or path is; the file's start
    /// when the text does not quote it so.
    pub fn quoted(&self, file: impl Into<PathBuf>, value: &str) -> Location {
        let span = serde_json::to_string(value)
            .ok()
            .and_then(|quoted| Some((self.text.find(&quoted)?, quoted.len())))
            .map_or(0..0, |(at, len)| at + 1..at + len - 1);
        self.location(file, span)
    }

    /// The location of the bytes `span` of the text, for file `file`.
    pub fn location(&self, file: impl Into<PathBuf>, span: std::ops::Range<usize>) -> Location {
        let (line, column) = self.position(span.start);
        let (end_line, end) = self.position(span.end);
        let mut location = Location::at(file, line, column);
        if end_line == line && end > column {
            location.end_column = end;
        }
        location
    }

    /// The 1-based line of `offset`; an offset past the end is on the last.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s as usize <= offset)
    }

    /// Line and column of `offset`; an offset past the end maps to the end.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line(offset);
        let start = self
            .starts
            .get(line.wrapping_sub(1))
            .map_or(0, |&s| s as usize);
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let idx = LineIndex::new("ab\nçd\n");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        assert_eq!(idx.position(5), (2, 2)); // after the two-byte ç
        assert_eq!(idx.position(100), (3, 1));
        assert_eq!(idx.line(4), 2);
        assert_eq!(idx.line(100), 3);
    }
}
