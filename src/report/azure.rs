//! Azure Pipelines logging commands:
//! `##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=…]message`.
//! The agent turns each into an error or warning of the run, with its
//! file and line, in the run's summary and on a pull request's checks;
//! Microsoft's own documentation repositories build in Azure Pipelines.
//!
//! `task.logissue` knows only errors and warnings: notes are printed as
//! plain log lines. Escaping follows the agent's task library: in the
//! message `%`, CR and LF become `%AZP25`, `%0D` and `%0A`; in property
//! values also `;` and `]` (`%3B`, `%5D`), which would end the property or
//! the command.

use std::fmt::Write as _;

use super::{Findings, command_escape, long_message, path_key};
use crate::diagnostic::Severity;

pub fn render(report: &Findings) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => {
                let _ = writeln!(
                    out,
                    "note[{}]: {}: {}",
                    f.rule,
                    f.location,
                    data(&long_message(f))
                );
                continue;
            }
        };
        let mut props = format!(
            "type={kind};sourcepath={}",
            property(&path_key(&f.location.file))
        );
        if f.location.line > 0 {
            let _ = write!(
                props,
                ";linenumber={};columnnumber={}",
                f.location.line,
                f.location.column.max(1)
            );
        }
        let _ = write!(props, ";code={}", property(f.rule));
        let _ = writeln!(
            out,
            "##vso[task.logissue {props}]{}",
            data(&long_message(f))
        );
    }
    out
}

fn data(s: &str) -> String {
    command_escape(s, "%AZP25", &[])
}

fn property(s: &str) -> String {
    command_escape(s, "%AZP25", &[(';', "%3B"), (']', "%5D")])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Finding, Location};

    #[test]
    fn one_command_per_issue_and_notes_as_plain_lines() {
        let findings = vec![
            Finding::error(
                "broken-link",
                Location::at("content/a;b].md", 3, 7),
                "50% gone",
            )
            .with_help("fix it"),
            Finding::warning("hidden-html", Location::file("content/b.md"), "x"),
            Finding::note("source-fallback", Location::at("content/c.md", 2, 1), "y"),
        ];
        let out = render(&Findings::new(findings, Default::default()));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "##vso[task.logissue type=error;sourcepath=content/a%3Bb%5D.md;linenumber=3;columnnumber=7;code=broken-link]50%AZP25 gone%0Ahelp: fix it",
                "##vso[task.logissue type=warning;sourcepath=content/b.md;code=hidden-html]x",
                "note[source-fallback]: content/c.md:2:1: y",
            ]
        );
    }
}
