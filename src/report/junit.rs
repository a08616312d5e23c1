//! JUnit XML, the test report nearly every CI system reads: Jenkins,
//! GitLab (`artifacts: reports: junit`, the merge request's test
//! summary), Azure Pipelines (`PublishTestResults`), CircleCI
//! (`store_test_results`), Bitbucket Pipelines (any `test-results`
//! folder), where no other format of polydoc's is read.
//!
//! Each rule that ran is a `testsuite`; each of its findings a `testcase`
//! named by its file, line and column, with `file` and `line` attributes
//! (GitLab and CircleCI link them). A finding at or above `--fail-on`
//! fails its case (`<failure>`, its type the severity), so the report
//! fails exactly when the exit status does; one below it passes, its
//! message in `<system-out>`. A rule without findings is one passing
//! case: a clean run is a report of passed tests, not an empty one, which
//! Jenkins would take for a broken job.
//!
//! The XML is written by hand: it is five elements, and escaping is the
//! one thing to get right (the five markup characters, and the control
//! characters XML 1.0 cannot carry at all, which a finding may quote from
//! a binary file named `.md`).

use std::fmt::Write as _;

use super::{Findings, long_message, path_key};
use crate::diagnostic::{Finding, Severity};

/// The report: `rules` are the ids of the rules that ran, in the order
/// to list them; `failing` the least severity that fails a case
/// (`None`: `--fail-on never`).
pub fn render(report: &Findings, rules: &[&str], failing: Option<Severity>) -> String {
    let fails = |f: &Finding| failing.is_some_and(|t| f.severity >= t);
    // Every rule that ran, then any other that reported (a file that
    // could not be read).
    let mut suites: Vec<(&str, Vec<&Finding>)> = rules.iter().map(|&r| (r, Vec::new())).collect();
    for f in &report.findings {
        match suites.iter_mut().find(|(rule, _)| *rule == f.rule) {
            Some((_, found)) => found.push(f),
            None => suites.push((f.rule, vec![f])),
        }
    }
    let tests: usize = suites.iter().map(|(_, found)| found.len().max(1)).sum();
    let failures = report.findings.iter().filter(|f| fails(f)).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"polydoc check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for (rule, found) in &suites {
        let failed = found.iter().filter(|f| fails(f)).count();
        let _ = writeln!(
            out,
            "<testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\">",
            escape(rule),
            found.len().max(1)
        );
        let class = escape(&format!("polydoc.{rule}"));
        if found.is_empty() {
            let _ = writeln!(
                out,
                "<testcase classname=\"{class}\" name=\"no findings\"/>"
            );
        }
        for f in found {
            let file = path_key(&f.location.file);
            let name = match f.location.line {
                0 => file.clone(),
                line => format!("{file}:{line}:{}", f.location.column.max(1)),
            };
            let _ = write!(
                out,
                "<testcase classname=\"{class}\" name=\"{}\" file=\"{}\"",
                escape(&name),
                escape(&file)
            );
            if f.location.line > 0 {
                let _ = write!(out, " line=\"{}\"", f.location.line);
            }
            let text = format!("{}[{}] {name}: {}", f.severity, f.rule, long_message(f));
            if fails(f) {
                let _ = writeln!(
                    out,
                    ">\n<failure type=\"{}\" message=\"{}\">{}</failure>\n</testcase>",
                    f.severity,
                    escape(&f.message),
                    escape(&text)
                );
            } else {
                let _ = writeln!(
                    out,
                    ">\n<system-out>{}</system-out>\n</testcase>",
                    escape(&text)
                );
            }
        }
        out.push_str("</testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// `s` as XML text or attribute value: markup characters as entities,
/// characters XML 1.0 cannot carry as U+FFFD.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept in attributes as written, not normalised to spaces.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_what_xml_cannot_carry() {
        assert_eq!(
            escape("<a href=\"x\">&'\u{1}\u{FFFF}é\n"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}\u{FFFD}é&#10;"
        );
    }
}
