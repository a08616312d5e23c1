//! GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
//! GitHub turns each into an annotation on the pull request's diff.
//!
//! Escaping follows the runner's rules: in the message `%`, CR and LF are
//! percent-encoded; in properties also `:` and `,`.

use std::fmt::Write as _;

use super::{Findings, command_escape, long_message, path_key};
use crate::diagnostic::Severity;

pub fn render(report: &Findings) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = format!("file={}", property(&path_key(&f.location.file)));
        if f.location.line > 0 {
            let _ = write!(
                props,
                ",line={},col={}",
                f.location.line,
                f.location.column.max(1)
            );
            if f.location.end_column > f.location.column {
                let _ = write!(props, ",endColumn={}", f.location.end_column);
            }
        }
        let _ = write!(props, ",title={}", property(&format!("polydoc {}", f.rule)));
        let _ = writeln!(out, "::{command} {props}::{}", data(&long_message(f)));
    }
    let counts = [Severity::Error, Severity::Warning, Severity::Note].map(|s| report.count(s));
    if counts.iter().any(|&n| n > ANNOTATIONS_PER_STEP) {
        let _ = writeln!(
            out,
            "::notice title=polydoc::{}",
            data(&format!(
                "{}: GitHub shows at most {ANNOTATIONS_PER_STEP} annotations of each severity per step, \
                 so some are not on the pull request. All are in this log; for all of them in \
                 code scanning, upload `polydoc check --format sarif`.",
                super::human::counts(counts[0], counts[1], counts[2])
            ))
        );
    }
    out
}

/// GitHub keeps this many error, warning and notice annotations of a step
/// and drops the rest without a word.
const ANNOTATIONS_PER_STEP: usize = 10;

fn data(s: &str) -> String {
    command_escape(s, "%25", &[])
}

fn property(s: &str) -> String {
    command_escape(s, "%25", &[(':', "%3A"), (',', "%2C")])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_when_github_will_drop_annotations() {
        use crate::diagnostic::{Finding, Location};
        let report = |n: usize| {
            let findings = (1..=n)
                .map(|line| Finding::warning("hidden-html", Location::at("a.md", line, 1), "x"))
                .collect();
            Findings::new(findings, Default::default())
        };
        let ten = render(&report(10));
        assert_eq!(ten.lines().count(), 10);
        assert!(ten.lines().all(|l| l.starts_with("::warning file=a.md,")));
        let eleven = render(&report(11));
        let last = eleven.lines().last().unwrap_or_default();
        assert_eq!(eleven.lines().count(), 12);
        assert!(
            last.starts_with(
                "::notice title=polydoc::0 errors, 11 warnings, 0 notes: GitHub shows at most 10"
            ),
            "{last}"
        );
    }

    #[test]
    fn escapes_as_the_runner_requires() {
        assert_eq!(data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
