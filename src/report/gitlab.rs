//! GitLab Code Quality: the JSON array a job uploads as
//! `artifacts: reports: codequality`, which GitLab shows in the merge
//! request's widget and beside the changed lines of its diff.
//!
//! Each issue has a `description`, the rule as `check_name`, polydoc's
//! stable fingerprint (GitLab tells issues apart by it, and compares the
//! merge request's with its target branch's by it: new and resolved
//! findings), a `severity` on GitLab's scale (error `major`, warning
//! `minor`, note `info`, as linters' formatters map theirs) and the file
//! and line (`lines.begin`, line 1 for a finding about a whole file).

use std::io::Write;

use serde::Serialize;

use super::{Findings, long_message, path_key};
use crate::diagnostic::Severity;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: &'a str,
    severity: &'static str,
    location: IssueLocation,
}

#[derive(Serialize)]
struct IssueLocation {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// The report as a string (tests, small reports).
pub fn render(report: &Findings) -> String {
    super::as_string(|out| write(report, out))
}

/// Writes the array to `out`, its issues serialised in parallel as the
/// JSON report's findings are.
pub fn write(report: &Findings, mut out: impl Write) -> std::io::Result<()> {
    if report.findings.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let fingerprints = report.fingerprints();
    super::write_elements(&mut out, report.findings.len(), b"  ", |i| {
        let f = &report.findings[i];
        Issue {
            description: long_message(f),
            check_name: f.rule,
            fingerprint: fingerprints[i].as_str(),
            severity: match f.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Note => "info",
            },
            location: IssueLocation {
                path: path_key(&f.location.file),
                lines: Lines {
                    begin: f.location.line.max(1),
                },
            },
        }
    })?;
    out.write_all(b"\n]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_have_what_gitlab_reads_and_unique_fingerprints() {
        let report = super::super::sample(3);
        let doc: serde_json::Value = serde_json::from_str(&render(&report)).unwrap_or_default();
        let issues = doc.as_array().cloned().unwrap_or_default();
        assert_eq!(issues.len(), 3);
        for (i, issue) in issues.iter().enumerate() {
            assert_eq!(issue["check_name"], "duplicate-anchor");
            assert_eq!(issue["severity"], "minor");
            assert_eq!(issue["location"]["lines"]["begin"], i + 1);
            assert_eq!(
                issue["description"],
                format!("finding \"{i}\"\nsecond line\nhelp: help")
            );
        }
        let mut prints: Vec<&str> = issues
            .iter()
            .filter_map(|i| i["fingerprint"].as_str())
            .collect();
        prints.sort_unstable();
        prints.dedup();
        assert_eq!(prints.len(), 3);
        assert_eq!(render(&super::super::sample(0)), "[]");
    }
}
