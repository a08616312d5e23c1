//! rustc-style text: the finding, the source line with a caret under the
//! offending text, the related lines of other locales, notes, help, and
//! what `check --fix` would write.
//! Colour when writing to a terminal. Rendered by codespan-reporting;
//! long lines are quoted as a window around the place ([`super::quote`]).

use std::io::IsTerminal;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as Level};
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};
use codespan_reporting::term::{self, Config};

use super::Findings;
use super::quote::{Quoted, Sources};
use crate::diagnostic::{Edit, Finding, Location, Severity};

/// Writes every finding to standard error, then a summary per rule and,
/// as rustc does, how to read more about one.
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
    let sources = Sources::new(report);
    let config = Config::default();
    for finding in &report.findings {
        let (files, mut diagnostic) = diagnostic(finding, &sources);
        diagnostic.notes.extend(fix_note(finding, report));
        if term::emit_to_write_style(&mut out, &config, &files, &diagnostic).is_err() {
            // No source to show (a file that could not be read): the plain form.
            let _ = writeln!(out, "{finding}\n");
        }
    }
    let _ = write!(out, "{}", summary(report));
    let fixable = report.findings.iter().filter(|f| !f.fix.is_empty()).count();
    if fixable > 0 {
        let _ = writeln!(
            out,
            "\n{} a certain fix: `polydoc check --fix` writes {}.",
            if fixable == 1 {
                "1 finding has".to_owned()
            } else {
                format!("{fixable} findings have")
            },
            if fixable == 1 { "it" } else { "them" }
        );
    }
    if let Some(first) = report.findings.first() {
        let _ = writeln!(
            out,
            "\nFor what a rule finds and how to fix it, try `polydoc check --explain {}`.",
            first.rule
        );
    }
    let _ = out.flush();
}

/// Edits of one finding shown in its note; the rest are counted.
const SHOWN_EDITS: usize = 3;

/// What `check --fix` would write for `finding`: each stretch of a line
/// it changes, widened to the words the edits touch, before and after
/// (`** extern **` -> `**extern**`), so that a reader can judge the fix
/// before letting it write. `None` without a fix.
fn fix_note(finding: &Finding, report: &Findings) -> Option<String> {
    if finding.fix.is_empty() {
        return None;
    }
    let mut edits: Vec<&Edit> = finding.fix.iter().collect();
    edits.sort_by(|a, b| (&a.location.file, a.range.start).cmp(&(&b.location.file, b.range.start)));
    let mut stretches: Vec<Stretch> = Vec::new();
    for edit in edits {
        let text = report
            .texts
            .get(edit.location.file.as_os_str())
            .and_then(|source| source.line(edit.location.line));
        let Some((text, at)) = text.and_then(|text| Some((text, place(text, edit)?))) else {
            return Some("fix: `polydoc check --fix` writes it".to_owned());
        };
        let window = widened(text, &at, &edit.replacement);
        match stretches.last_mut() {
            Some(last)
                if last.file == edit.location.file
                    && last.line == edit.location.line
                    && window.start <= last.window.end
                    && last
                        .edits
                        .last()
                        .is_some_and(|(prev, _)| prev.end <= at.start) =>
            {
                last.window = last.window.start.min(window.start)..last.window.end.max(window.end);
                last.edits.push((at, &edit.replacement));
            }
            _ => stretches.push(Stretch {
                file: &edit.location.file,
                line: edit.location.line,
                text,
                window,
                edits: vec![(at, &edit.replacement)],
            }),
        }
    }
    let shown: Vec<String> = stretches
        .iter()
        .take(SHOWN_EDITS)
        .map(Stretch::before_and_after)
        .collect();
    let more = match stretches.len().saturating_sub(SHOWN_EDITS) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    // The summary's last lines say what writes it.
    Some(format!("fix: {}{more}", shown.join(", ")))
}

/// Part of a line that a finding's fix changes.
struct Stretch<'a> {
    file: &'a std::path::Path,
    line: usize,
    text: &'a str,
    /// Bytes of `text` shown.
    window: Range<usize>,
    /// The edits inside it, in order: bytes of `text` and what replaces them.
    edits: Vec<(Range<usize>, &'a str)>,
}

impl Stretch<'_> {
    fn before_and_after(&self) -> String {
        let mut after = String::new();
        let mut from = self.window.start;
        for (at, replacement) in &self.edits {
            after.push_str(&self.text[from..at.start]);
            after.push_str(replacement);
            from = at.end;
        }
        after.push_str(&self.text[from..self.window.end]);
        format!("`{}` -> `{after}`", &self.text[self.window.clone()])
    }
}

/// The bytes of `text` (one line) that `edit` replaces, when they still
/// read what the edit says.
fn place(text: &str, edit: &Edit) -> Option<Range<usize>> {
    let start = text
        .char_indices()
        .nth(edit.location.column.checked_sub(1)?)
        .map_or(text.len(), |(i, _)| i);
    let end = start + edit.original.len();
    (text.get(start..end) == Some(edit.original.as_str())).then_some(start..end)
}

/// Characters shown each way of a short edit, at most.
const CONTEXT: usize = 40;

/// `at` grown to the words it touches on its line, when its text or its
/// replacement is too short to be read alone (a deleted space, a `\`
/// put before a `<`): up to the spaces or table pipes around it, at most
/// [`CONTEXT`] characters each way.
fn widened(text: &str, at: &Range<usize>, replacement: &str) -> Range<usize> {
    let readable = |s: &str| s.chars().nth(2).is_some();
    if readable(&text[at.clone()]) && readable(replacement) {
        return at.clone();
    }
    let word = |c: char| !c.is_whitespace() && c != '|';
    let start = text[..at.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word(c))
        .take(CONTEXT)
        .last()
        .map_or(at.start, |(i, _)| i);
    let end = text[at.end..]
        .char_indices()
        .take_while(|&(_, c)| word(c))
        .take(CONTEXT)
        .last()
        .map_or(at.end, |(i, c)| at.end + i + c.len_utf8());
    start..end
}

/// Related places shown under a finding: a missing file linked five
/// thousand times is one finding, and five thousand quoted lines would
/// bury the next one.
const SHOWN_RELATED: usize = 10;

/// The finding as codespan's diagnostic, with the sources its labels
/// point into (long lines cut to windows: [`quote`](super::quote)).
fn diagnostic<'s, 't>(
    finding: &Finding,
    sources: &'s Sources<'t>,
) -> (Quoted<'s, 't>, Diagnostic<usize>) {
    let level = match finding.severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Note => Level::Note,
    };
    let shown = &finding.related[..finding.related.len().min(SHOWN_RELATED)];
    let locations: Vec<&Location> = std::iter::once(&finding.location)
        .chain(shown.iter().map(|r| &r.location))
        .collect();
    let (files, places) = Quoted::new(sources, &locations);
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    let quoted = places[0].is_some();
    match places[0].clone() {
        Some((id, span)) => labels.push(Label::primary(id, span)),
        None => notes.push(format!("in {}", finding.location)),
    }
    for (related, place) in shown.iter().zip(&places[1..]) {
        // Without the primary's snippet, a related one would stand where
        // the finding's place is read (the snippet's `┌─ file:line`).
        match place.clone().filter(|_| quoted) {
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
    let diagnostic = Diagnostic::new(level)
        .with_code(finding.rule)
        .with_message(&finding.message)
        .with_labels(labels)
        .with_notes(notes);
    (files, diagnostic)
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
