//! `--format json`: one document, schema version 1 (documented in the
//! README). Fields are only ever added; a change to an existing field
//! bumps `version`.

use std::io::Write;

use rayon::prelude::*;
use serde::Serialize;

use super::Findings;
use crate::diagnostic::{Location, Related, Severity};

/// Everything but the findings, which are written one by one after it.
#[derive(Serialize)]
struct Head {
    version: u32,
    tool: Tool,
    summary: Summary,
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

/// A finding as the schema has it: its own fields and its fingerprint.
/// Spelled out rather than `#[serde(flatten)]`ed from `Finding`, which
/// made serde buffer every field of every finding in a map first (most
/// of this report's time on a large site).
#[derive(Serialize)]
struct Entry<'a> {
    rule: &'a str,
    severity: Severity,
    location: &'a Location,
    message: &'a str,
    help: &'a Option<String>,
    notes: &'a [String],
    related: &'a [Related],
    fingerprint: &'a str,
}

/// The document as a string (tests, small reports).
pub fn render(report: &Findings) -> String {
    let mut out = Vec::new();
    match write(report, &mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// Writes the document to `out`, pretty-printed. The findings, tens of
/// thousands on a large site, are serialised in parallel, a few thousand
/// at a time, each into its own buffer, and written in order.
pub fn write(report: &Findings, mut out: impl Write) -> std::io::Result<()> {
    let head = Head {
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
    };
    let head = serde_json::to_vec_pretty(&head)?;
    // The head ends in "\n}": the findings go before that brace.
    out.write_all(&head[..head.len() - 2])?;
    if report.findings.is_empty() {
        return out.write_all(b",\n  \"findings\": []\n}");
    }
    out.write_all(b",\n  \"findings\": [")?;
    let fingerprints = report.fingerprints();
    let mut first = true;
    for (findings, fingerprints) in report
        .findings
        .chunks(CHUNK)
        .zip(fingerprints.chunks(CHUNK))
    {
        let entries: Vec<Vec<u8>> = findings
            .par_iter()
            .zip(fingerprints)
            .map(|(f, fingerprint)| {
                indented(&Entry {
                    rule: f.rule,
                    severity: f.severity,
                    location: &f.location,
                    message: &f.message,
                    help: &f.help,
                    notes: &f.notes,
                    related: &f.related,
                    fingerprint: fingerprint.as_str(),
                })
            })
            .collect::<Result<_, _>>()?;
        for entry in entries {
            out.write_all(if first { b"\n" } else { b",\n" })?;
            out.write_all(&entry)?;
            first = false;
        }
    }
    out.write_all(b"\n  ]\n}")
}

/// Findings serialised between two writes.
const CHUNK: usize = 4096;

/// `entry` pretty-printed at the depth of an element of `findings`:
/// every line indented four spaces (JSON strings hold no raw newline,
/// so each newline is between tokens).
fn indented(entry: &Entry) -> serde_json::Result<Vec<u8>> {
    let mut flat = Vec::with_capacity(512);
    serde_json::to_writer_pretty(&mut flat, entry)?;
    let mut out = Vec::with_capacity(flat.len() + flat.len() / 4);
    let mut line_start = 0;
    for newline in memchr::memchr_iter(b'\n', &flat).chain([flat.len()]) {
        out.extend_from_slice(b"    ");
        out.extend_from_slice(&flat[line_start..newline]);
        if newline < flat.len() {
            out.push(b'\n');
        }
        line_start = newline + 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Finding;

    fn findings(n: usize) -> Findings {
        let findings = (0..n)
            .map(|i| {
                Finding::warning(
                    "duplicate-anchor",
                    Location::at("a.md", i + 1, 1),
                    format!("finding \"{i}\"\nsecond line"),
                )
                .with_help("help")
            })
            .collect();
        Findings::new(findings, Default::default())
    }

    #[test]
    fn findings_across_chunks_stay_in_order_in_valid_json() {
        let n = CHUNK + 3;
        let doc: serde_json::Value = serde_json::from_str(&render(&findings(n))).unwrap();
        assert_eq!(doc["summary"]["warnings"], n);
        let list = doc["findings"].as_array().unwrap();
        assert_eq!(list.len(), n);
        for (i, f) in list.iter().enumerate() {
            assert_eq!(f["location"]["line"], i + 1);
            assert_eq!(f["message"], format!("finding \"{i}\"\nsecond line"));
            assert_eq!(f["help"], "help");
        }
    }

    #[test]
    fn an_entry_has_every_field_of_a_finding_and_its_fingerprint() {
        // Entry spells out Finding's fields: a field added to Finding
        // must be added there too, or this fails.
        let report = findings(1);
        let doc: serde_json::Value = serde_json::from_str(&render(&report)).unwrap();
        let finding = serde_json::to_value(&report.findings[0]).unwrap();
        let mut expected: Vec<&str> = finding
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .chain(["fingerprint"])
            .collect();
        let mut written: Vec<&str> = doc["findings"][0]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        expected.sort_unstable();
        written.sort_unstable();
        assert_eq!(written, expected);
        for (key, value) in finding.as_object().unwrap() {
            assert_eq!(&doc["findings"][0][key], value, "{key}");
        }
    }

    #[test]
    fn no_findings_is_an_empty_list() {
        let text = render(&findings(0));
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["findings"], serde_json::json!([]));
        assert!(text.ends_with("\"findings\": []\n}"), "{text}");
    }

    #[test]
    fn entries_are_indented_as_elements_of_the_list() {
        let text = render(&findings(1));
        assert!(
            text.contains("  \"findings\": [\n    {\n      \"rule\": \"duplicate-anchor\",\n"),
            "{text}"
        );
        assert!(text.ends_with("\n    }\n  ]\n}"), "{text}");
    }
}
