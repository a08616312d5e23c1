//! `--format json`: one document, schema version 1 (documented in the
//! README). Fields are only ever added; a change to an existing field
//! bumps `version`.

use std::io::Write;

use serde::Serialize;

use super::Findings;
use crate::diagnostic::{Edit, Location, Related, Severity};

/// Everything but the findings, which are written one by one after it.
#[derive(Serialize)]
struct Head<'a> {
    version: u32,
    tool: Tool,
    /// The source locale the findings compared translations with (null:
    /// locales compared as peers), as in `drift`'s document.
    source: Option<&'a str>,
    /// How many translations carry the hash of the source locale's
    /// pages, when no `source` was set and that is how it was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    source_found_in: Option<usize>,
    locales: Vec<&'a str>,
    /// Pages checked per locale.
    pages: std::collections::BTreeMap<&'a str, usize>,
    summary: Summary,
}

/// What was checked, for the head of the document.
#[derive(Default)]
pub struct Checked<'a> {
    /// Pages per locale, in the site's order of locales.
    pub pages: &'a [(String, usize)],
    pub source: Option<&'a str>,
    pub source_found_in: Option<usize>,
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
    /// The edits `check --fix` would write: each replaces the text at its
    /// location (one line) with its replacement.
    #[serde(skip_serializing_if = "<[Edit]>::is_empty")]
    fix: &'a [Edit],
}

/// The document as a string (tests, small reports).
pub fn render(report: &Findings) -> String {
    super::as_string(|out| write(report, &Checked::default(), out))
}

/// Writes the document to `out`, pretty-printed. The findings, tens of
/// thousands on a large site, are serialised in parallel, a few thousand
/// at a time, each into its own buffer, and written in order.
pub fn write(report: &Findings, checked: &Checked, mut out: impl Write) -> std::io::Result<()> {
    let head = Head {
        version: 1,
        tool: Tool {
            name: "polydoc",
            version: env!("CARGO_PKG_VERSION"),
        },
        source: checked.source,
        source_found_in: checked.source_found_in,
        locales: checked.pages.iter().map(|(l, _)| l.as_str()).collect(),
        pages: checked
            .pages
            .iter()
            .map(|(l, n)| (l.as_str(), *n))
            .collect(),
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
    super::write_elements(&mut out, report.findings.len(), b"    ", |i| {
        let f = &report.findings[i];
        Entry {
            rule: f.rule,
            severity: f.severity,
            location: &f.location,
            message: &f.message,
            help: &f.help,
            notes: &f.notes,
            related: &f.related,
            fingerprint: fingerprints[i].as_str(),
            fix: &f.fix,
        }
    })?;
    out.write_all(b"\n  ]\n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(n: usize) -> Findings {
        super::super::sample(n)
    }

    #[test]
    fn findings_across_chunks_stay_in_order_in_valid_json() {
        let n = super::super::CHUNK + 3;
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
