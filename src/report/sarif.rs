//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.
//!
//! One run; the driver lists every rule (id, short description, default
//! level), each result names its rule by id and index, positions are
//! 1-based, other locales' lines are `relatedLocations`, and
//! `partialFingerprints` carries the line-independent fingerprint so that
//! code scanning follows a finding when lines above it move.

use rayon::prelude::*;
use serde_json::{Value, json};

use super::{Findings, long_message, path_key};
use crate::check::RULES;
use crate::diagnostic::{Location, Severity};

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

pub fn render(report: &Findings) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "shortDescription": { "text": r.summary },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    // Built in parallel: tens of thousands of findings on a large site.
    let results: Vec<Value> = report
        .findings
        .par_iter()
        .zip(report.fingerprints())
        .map(|(f, fingerprint)| {
            let text = long_message(f);
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": text },
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
            result
        })
        .collect();
    let document = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "polydoc",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
