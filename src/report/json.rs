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

pub fn render(report: &Findings) -> String {
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
    serde_json::to_string_pretty(&document).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
