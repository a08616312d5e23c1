//! `--format json`: one document, schema version 1 (documented in the
//! README). Fields are only ever added; a change to an existing field
//! bumps `version`.

use serde::Serialize;

use super::Findings;
use crate::diagnostic::Finding;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    summary: Summary,
    findings: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    notes: usize,
    rules: std::collections::BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    fingerprint: String,
}

/// The document as a string (tests, small reports).
pub fn render(report: &Findings) -> String {
    let mut out = Vec::new();
    match write(report, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// Writes the document to `out` as it is serialised: tens of thousands of
/// findings make tens of megabytes, which need not wait in a string.
pub fn write(report: &Findings, out: impl std::io::Write) -> std::io::Result<()> {
    use crate::diagnostic::Severity;
    let document = Document {
        version: 1,
        tool: Tool {
            name: "polydoc",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary {
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            notes: report.count(Severity::Note),
            rules: report.per_rule(),
        },
        findings: report
            .findings
            .iter()
            .zip(report.fingerprints())
            .map(|(finding, fingerprint)| Entry {
                finding,
                fingerprint,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(out, &document).map_err(std::io::Error::from)
}
