//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
//!
//! One run; the driver lists every rule (id, description, default level,
//! and, for the rules with results, their page, `docs/rules/<id>.md`, as
//! help, which code scanning shows beside each alert), each result names
//! its rule by id and index, positions are 1-based, other locales' lines
//! are `relatedLocations`, and `partialFingerprints` carries the
//! line-independent fingerprint so that code scanning follows a finding
//! when lines above it move. A finding `check --fix` can correct carries
//! the edits as SARIF `fixes`, which viewers such as VS Code's SARIF
//! viewer offer to apply.

use std::io::Write;

use serde_json::{Value, json};

use super::{Findings, long_message, path_key};
use crate::check::RULES;
use crate::diagnostic::{Finding, Location, Severity};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn location(location: &Location, message: Option<&str>) -> Value {
    let mut physical = json!({
        "artifactLocation": { "uri": path_key(&location.file) },
    });
    if location.line > 0 {
        let mut region = json!({
            "startLine": location.line,
            "startColumn": location.column.max(1),
        });
        if location.end_column > location.column {
            region["endColumn"] = json!(location.end_column);
        }
        physical["region"] = region;
    }
    let mut out = json!({ "physicalLocation": physical });
    if let Some(message) = message {
        out["message"] = json!({ "text": message });
    }
    out
}

/// The document as a string (tests, small reports).
pub fn render(report: &Findings) -> String {
    super::as_string(|out| write(report, out))
}

/// Writes the document to `out`, pretty-printed, keys in alphabetical
/// order. The results, tens of thousands on a large site, are written
/// into the run's empty `results` array as `report::write_elements`
/// makes them, in parallel and a chunk at a time, rather than built as
/// one tree: on the benchmark corpus that took a second on one core and
/// 600 MiB.
pub fn write(report: &Findings, mut out: impl Write) -> std::io::Result<()> {
    // Help only for the rules that have results: code scanning shows it
    // beside an alert, and all fifty pages would weigh 170 KB per run.
    let reported: std::collections::HashSet<&str> =
        report.findings.iter().map(|f| f.rule).collect();
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.id,
                "shortDescription": { "text": r.summary },
                "defaultConfiguration": { "level": level(r.severity) },
            });
            if reported.contains(r.id) {
                let help = r.explain();
                rule["help"] = json!({ "text": help, "markdown": help });
            }
            rule
        })
        .collect();
    let skeleton = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "polydoc",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    });
    let skeleton = serde_json::to_string_pretty(&skeleton)?;
    // "results" sorts before "tool": the first match is the run's array.
    let empty = "\"results\": []";
    let Some((before, after)) = skeleton.split_once(empty) else {
        return Err(std::io::Error::other("SARIF skeleton without results"));
    };
    out.write_all(before.as_bytes())?;
    if report.findings.is_empty() {
        out.write_all(empty.as_bytes())?;
    } else {
        out.write_all(b"\"results\": [")?;
        let fingerprints = report.fingerprints();
        super::write_elements(&mut out, report.findings.len(), b"        ", |i| {
            result(&report.findings[i], &fingerprints[i])
        })?;
        out.write_all(b"\n      ]")?;
    }
    out.write_all(after.as_bytes())
}

/// One finding as a SARIF result.
fn result(f: &Finding, fingerprint: &str) -> Value {
    let mut result = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": long_message(f) },
        "locations": [location(&f.location, None)],
        "partialFingerprints": { "polydoc/v1": fingerprint },
    });
    if let Some(index) = RULES.iter().position(|r| r.id == f.rule) {
        result["ruleIndex"] = json!(index);
    }
    if !f.related.is_empty() {
        result["relatedLocations"] = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut l = location(&r.location, Some(&r.message));
                l["id"] = json!(i);
                l
            })
            .collect();
    }
    if !f.fix.is_empty() {
        result["fixes"] = json!([fix(f)]);
    }
    result
}

/// What `check --fix` writes for `f`, as a SARIF fix that viewers can
/// apply: each edit replaces a region of one line.
fn fix(f: &Finding) -> Value {
    let replacements: Vec<Value> = f
        .fix
        .iter()
        .map(|edit| {
            let at = &edit.location;
            json!({
                "deletedRegion": {
                    "startLine": at.line,
                    "startColumn": at.column.max(1),
                    "endColumn": at.end_column.max(at.column.max(1)),
                },
                "insertedContent": { "text": edit.replacement },
            })
        })
        .collect();
    json!({
        "description": { "text": f.help.as_deref().unwrap_or("polydoc check --fix") },
        "artifactChanges": [{
            "artifactLocation": { "uri": path_key(&f.location.file) },
            "replacements": replacements,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(n: usize) -> Findings {
        super::super::sample(n)
    }

    /// The document as one tree, serialised at once: what `write`
    /// streams must be byte for byte the same. (The skeleton is the
    /// streamed document's: its rule list depends on the findings.)
    fn as_one_tree(report: &Findings) -> String {
        let mut skeleton: Value = serde_json::from_str(&render(report)).expect("valid SARIF");
        let fingerprints = report.fingerprints();
        skeleton["runs"][0]["results"] = report
            .findings
            .iter()
            .zip(&fingerprints)
            .map(|(f, fingerprint)| result(f, fingerprint))
            .collect();
        serde_json::to_string_pretty(&skeleton).expect("serialisable")
    }

    #[test]
    fn streamed_results_across_chunks_equal_the_document_as_one_tree() {
        for n in [1, 2, super::super::CHUNK + 3] {
            let report = findings(n);
            let text = render(&report);
            assert_eq!(text, as_one_tree(&report), "{n} findings");
            let doc: Value = serde_json::from_str(&text).expect("valid JSON");
            let results = doc["runs"][0]["results"].as_array().expect("results");
            assert_eq!(results.len(), n);
            assert_eq!(
                results[n - 1]["locations"][0]["physicalLocation"]["region"]["startLine"],
                n
            );
        }
    }

    #[test]
    fn no_findings_is_an_empty_results_array() {
        let text = render(&findings(0));
        let doc: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(doc["runs"][0]["results"], json!([]));
        assert_eq!(doc["runs"][0]["tool"]["driver"]["name"], "polydoc");
    }
}
