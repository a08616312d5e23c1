//! rustc-style text: the finding, the source line with a caret under the
//! offending text, the related lines of other locales, notes and help.
//! Colour when writing to a terminal. Rendered by codespan-reporting;
//! long lines are quoted as a window around the place ([`super::quote`]).

use std::io::IsTerminal;

use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as Level};
use codespan_reporting::term::termcolor::{BufferedStandardStream, ColorChoice};
use codespan_reporting::term::{self, Config};

use super::Findings;
use super::quote::{Quoted, Sources};
use crate::diagnostic::{Finding, Location, Severity};

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
        let (files, diagnostic) = diagnostic(finding, &sources);
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
