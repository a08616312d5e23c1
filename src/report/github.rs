//! GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
//! GitHub turns each into an annotation on the pull request's diff.
//!
//! Escaping follows the runner's rules: in the message `%`, CR and LF are
//! percent-encoded; in properties also `:` and `,`.

use std::fmt::Write as _;

use super::{Findings, long_message, path_key};
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
    out
}

fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_requires() {
        assert_eq!(data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
