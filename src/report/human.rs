//! rustc-style text: the finding, the source line with a caret under the
//! offending text, the related lines of other locales, notes and help.
//! Colour when writing to a terminal. Rendered by codespan-reporting.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as Level};
use codespan_reporting::files::{Files as _, SimpleFiles};
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};
use codespan_reporting::term::{self, Config};

use super::{Findings, path_key};
use crate::diagnostic::{Finding, Location, Severity};

/// Writes every finding to standard error, then a summary per rule.
///
/// Through a buffer: standard error is unbuffered, and codespan writes
/// each piece of a diagnostic on its own, which made a write call per
/// few bytes (13.8 million for 6,000 findings, more time in the kernel
/// than in the checks).
pub fn print(report: &Findings) {
    use std::io::Write;
    let color = if std::io::stderr().is_terminal() {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let mut out = BufferedStandardStream::stderr(color);
    let mut files = SimpleFiles::new();
    let mut ids = std::collections::HashMap::new();
    for (path, source) in &report.texts {
        ids.insert(
            path.clone(),
            files.add(path_key(Path::new(path)), source.text.as_str()),
        );
    }
    let config = Config::default();
    for finding in &report.findings {
        let diagnostic = diagnostic(finding, &ids, &files);
        if term::emit_to_write_style(&mut out, &config, &files, &diagnostic).is_err() {
            // No source to show (a file that could not be read): the plain form.
            let _ = writeln!(out, "{finding}\n");
        }
    }
    let _ = write!(out, "{}", summary(report));
    let _ = out.flush();
}

/// Related places shown under a finding: a missing file linked five
/// thousand times is one finding, and five thousand quoted lines would
/// bury the next one.
const SHOWN_RELATED: usize = 10;

fn diagnostic(
    finding: &Finding,
    ids: &std::collections::HashMap<OsString, usize>,
    files: &SimpleFiles<String, &str>,
) -> Diagnostic<usize> {
    let level = match finding.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Note => Level::Note,
    };
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    let primary = label(&finding.location, ids, files);
    let quoted = primary.is_some();
    match primary {
        Some((id, span)) => labels.push(Label::primary(id, span)),
        None => match excerpt(&finding.location, ids, files) {
            Some(text) => notes.push(format!("in {}: {text}", finding.location)),
            None => notes.push(format!("in {}", finding.location)),
        },
    }
    for related in finding.related.iter().take(SHOWN_RELATED) {
        // Without the primary's snippet, a related one would stand where
        // the finding's place is read (the snippet's `┌─ file:line`).
        match label(&related.location, ids, files).filter(|_| quoted) {
            Some((id, span)) => {
                labels.push(Label::secondary(id, span).with_message(&related.message))
            }
            None => notes.push(format!("{}: {}", related.location, related.message)),
        }
    }
    if let Some(more) = finding
        .related
        .len()
        .checked_sub(SHOWN_RELATED)
        .filter(|&n| n > 0)
    {
        notes.push(format!(
            "and {more} more related places, not shown: `--format json` lists them all"
        ));
    }
    notes.extend(finding.notes.iter().map(|n| format!("also: {n}")));
    notes.extend(finding.help.iter().map(|h| format!("help: {h}")));
    Diagnostic::new(level)
        .with_code(finding.rule)
        .with_message(&finding.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Lines longer than this (bytes) are not quoted whole under a finding:
/// a paragraph of minified HTML or a generated table row can run to
/// hundreds of kilobytes, which the snippet would print twice (the line
/// and its caret). The finding then quotes the stretch around its place.
/// Real table rows of Microsoft's pages run to a thousand bytes, and are
/// quoted whole.
const LONG_LINE: usize = 2_000;

/// About this many characters on each side of a place in a long line.
const EXCERPT: usize = 60;

/// The text around `location` on its line, `…` where it is cut.
fn excerpt(
    location: &Location,
    ids: &std::collections::HashMap<OsString, usize>,
    files: &SimpleFiles<String, &str>,
) -> Option<String> {
    let (_, _, line) = line_at(location, ids, files)?;
    let chars: Vec<char> = line.chars().collect();
    let start = location.column.saturating_sub(1).min(chars.len());
    let end = location
        .end_column
        .saturating_sub(1)
        .clamp(start, chars.len());
    let from = start.saturating_sub(EXCERPT);
    let to = (end.max(start + 1) + EXCERPT).min(chars.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(&chars[from..to]);
    if to < chars.len() {
        out.push('…');
    }
    Some(out)
}

/// The file id of `location`, the byte offset where its line starts, and
/// the line, when the file's text is known. The line comes from the
/// file's line table, made once (a finding of a long page used to count
/// its lines from the top, per finding and related place).
fn line_at<'t>(
    location: &Location,
    ids: &std::collections::HashMap<OsString, usize>,
    files: &SimpleFiles<String, &'t str>,
) -> Option<(usize, usize, &'t str)> {
    let id = *ids.get(location.file.as_os_str())?;
    let text: &'t str = files.get(id).ok()?.source();
    let range = files.line_range(id, location.line.checked_sub(1)?).ok()?;
    let start = range.start;
    Some((id, start, text.get(range)?.lines().next().unwrap_or("")))
}

/// The file id and byte range of a location, when its text is known.
fn label(
    location: &Location,
    ids: &std::collections::HashMap<OsString, usize>,
    files: &SimpleFiles<String, &str>,
) -> Option<(usize, std::ops::Range<usize>)> {
    let (id, start_of_line, line) = line_at(location, ids, files)?;
    if line.len() > LONG_LINE {
        return None;
    }
    let byte = |column: usize| {
        line.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line.len(), |(i, _)| i)
    };
    let start = byte(location.column);
    let end = if location.end_column > location.column {
        byte(location.end_column)
    } else {
        (start + line[start..].chars().next().map_or(0, char::len_utf8)).max(start)
    };
    Some((id, start_of_line + start..start_of_line + end))
}

/// `3 errors, 1 warning, 0 notes` and one line per rule.
pub fn summary(report: &Findings) -> String {
    let mut out = counts(
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Note),
    );
    out.push('\n');
    for (rule, n) in report.per_rule() {
        out.push_str(&format!("  {rule}: {n}\n"));
    }
    out
}

/// `3 errors, 1 warning, 0 notes`.
pub fn counts(errors: usize, warnings: usize, notes: usize) -> String {
    format!(
        "{}, {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(notes, "note")
    )
}

/// `1 page`, `2 pages`: English nouns of the summaries, which take an `s`.
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
