//! Output formats for findings, one module each: [`human`] (rustc-style,
//! with the source line and a caret), [`json`] (polydoc's own stable
//! schema), [`sarif`] (SARIF 2.1.0 for code scanning), [`github`]
//! (workflow commands that annotate a pull request), [`azure`] (Azure
//! Pipelines logging commands), [`gitlab`] (a Code Quality report) and
//! [`junit`] (a JUnit XML test report, for the CI systems that read no
//! other).
//!
//! Reporters only format; they never decide what is a finding. What they
//! share is here: the source texts findings point into, and the stable
//! fingerprint that identifies a finding across edits that move it.

pub mod azure;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
mod quote;
pub mod sarif;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::Path;

use rustc_hash::FxHashMap;

use crate::diagnostic::{Finding, Location, Severity};

/// The findings of a run and the texts of the files they point into.
///
/// Files are keyed by their displayed path as an `OsString`, hashed by
/// its bytes: `Path`'s own `Hash` walks the path component by component,
/// which, looked up for each of tens of thousands of findings, was most
/// of the cost of a report's fingerprints.
#[derive(Debug, Default)]
pub struct Findings {
    pub findings: Vec<Finding>,
    /// Source text per displayed path, of the files findings point into.
    pub texts: FxHashMap<OsString, SourceText>,
}

/// A file's text and where its lines start ([`crate::diagnostic::line_starts`]).
#[derive(Debug, Default)]
pub struct SourceText {
    pub text: String,
    pub lines: Vec<u32>,
}

impl SourceText {
    /// Line `number` (1-based), without its line break; `None` past the end.
    pub fn line(&self, number: usize) -> Option<&str> {
        let start = *self.lines.get(number.checked_sub(1)?)? as usize;
        self.text.get(start..)?.lines().next().or(Some(""))
    }
}

impl Findings {
    pub fn new(findings: Vec<Finding>, texts: FxHashMap<OsString, SourceText>) -> Findings {
        Findings { findings, texts }
    }

    /// The text of line `location.line` of its file, trimmed; empty when unknown.
    pub fn line_text(&self, location: &Location) -> &str {
        self.texts
            .get(location.file.as_os_str())
            .and_then(|source| source.line(location.line))
            .map_or("", str::trim)
    }

    /// Per finding, a fingerprint that survives edits elsewhere in the
    /// file: rule, file and the text of the offending line, plus a counter
    /// for identical lines. Line numbers are deliberately left out.
    pub fn fingerprints(&self) -> Vec<String> {
        use rayon::prelude::*;
        // Hashing reads every finding's line: in parallel, and once for
        // findings of one rule on one line, which come together (a long
        // line of HTML may carry thousands). Numbering the repeats must
        // follow the findings' order: in sequence.
        let same = |a: &Finding, b: &Finding| {
            a.rule == b.rule
                && a.location.line == b.location.line
                && a.location.file == b.location.file
        };
        let firsts: Vec<usize> = (0..self.findings.len())
            .filter(|&i| i == 0 || !same(&self.findings[i - 1], &self.findings[i]))
            .collect();
        let hashed: Vec<u64> = firsts
            .par_iter()
            .map(|&i| {
                let f = &self.findings[i];
                fnv1a(&[
                    f.rule,
                    &path_key(&f.location.file),
                    self.line_text(&f.location),
                ])
            })
            .collect();
        let mut keys = Vec::with_capacity(self.findings.len());
        for (k, &first) in firsts.iter().enumerate() {
            let end = firsts.get(k + 1).copied().unwrap_or(self.findings.len());
            keys.extend(std::iter::repeat_n(hashed[k], end - first));
        }
        let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
        keys.into_iter()
            .map(|key| {
                let n = seen.entry(key).or_default();
                *n += 1;
                format!("{key:016x}:{n}")
            })
            .collect()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Number of findings per rule, by rule id.
    pub fn per_rule(&self) -> BTreeMap<&'static str, usize> {
        let mut out = BTreeMap::new();
        for f in &self.findings {
            *out.entry(f.rule).or_default() += 1;
        }
        out
    }
}

/// What `write` writes, as a string: for tests and small reports of the
/// formats that stream into a writer.
fn as_string(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    match write(&mut out) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("{{\"error\": \"{e}\"}}"),
    }
}

/// The message with its notes and help, one per line, for formats that
/// carry one text per finding.
pub fn long_message(f: &Finding) -> String {
    let mut text = f.message.clone();
    for note in &f.notes {
        text.push_str("\nalso: ");
        text.push_str(note);
    }
    if let Some(help) = &f.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    text
}

/// `s` escaped for a CI runner's workflow command: `%` as `percent` (the
/// runner's own token for it), CR and LF percent-encoded so the command
/// stays on one line, and each of `extra` (what would end a property
/// there) as its code.
fn command_escape(s: &str, percent: &str, extra: &[(char, &str)]) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str(percent),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => match extra.iter().find(|(e, _)| *e == c) {
                Some((_, code)) => out.push_str(code),
                None => out.push(c),
            },
        }
    }
    out
}

/// A path as it appears in reports: `/`-separated on every system.
pub fn path_key(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Findings serialised between two writes.
const CHUNK: usize = 4096;

/// Writes `count` elements of a pretty-printed JSON array whose elements
/// sit `indent` deep, `make(i)` giving the `i`th: each is serialised on
/// its own (in parallel, a chunk at a time) and the chunks are written in
/// order, `\n` before the first and `,\n` between. Serialising tens of
/// thousands of findings as one document ran on one core and, for SARIF,
/// held the whole tree in memory.
fn write_elements<S: serde::Serialize>(
    out: &mut impl std::io::Write,
    count: usize,
    indent: &[u8],
    make: impl Fn(usize) -> S + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    for start in (0..count).step_by(CHUNK) {
        let entries: Vec<Vec<u8>> = (start..count.min(start + CHUNK))
            .into_par_iter()
            .map(|i| indented(&make(i), indent))
            .collect::<Result<_, _>>()?;
        for (i, entry) in entries.iter().enumerate() {
            out.write_all(if start + i == 0 { b"\n" } else { b",\n" })?;
            out.write_all(entry)?;
        }
    }
    Ok(())
}

/// `value` pretty-printed with every line indented by `indent` (JSON
/// strings hold no raw newline, so each newline is between tokens).
fn indented(value: &impl serde::Serialize, indent: &[u8]) -> serde_json::Result<Vec<u8>> {
    let mut flat = Vec::with_capacity(512);
    serde_json::to_writer_pretty(&mut flat, value)?;
    let mut out = Vec::with_capacity(flat.len() + flat.len() / 4);
    let mut line_start = 0;
    for newline in memchr::memchr_iter(b'\n', &flat).chain([flat.len()]) {
        out.extend_from_slice(indent);
        out.extend_from_slice(&flat[line_start..newline]);
        if newline < flat.len() {
            out.push(b'\n');
        }
        line_start = newline + 1;
    }
    Ok(out)
}

/// FNV-1a over the parts, separated: stable across runs, versions and
/// machines, unlike the standard library's hasher.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// `n` findings for the reporters' tests: a warning per line of one file,
/// each with a message of two lines, a help and a related location.
#[cfg(test)]
fn sample(n: usize) -> Findings {
    let findings = (0..n)
        .map(|i| {
            Finding::warning(
                "duplicate-anchor",
                Location::at("content/es-es/a.md", i + 1, 1),
                format!("finding \"{i}\"\nsecond line"),
            )
            .with_help("help")
            .with_related(Location::at("content/it-it/a.md", i + 1, 1), "the same row")
        })
        .collect();
    Findings::new(findings, Default::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_text_is_the_finding_s_source_line_trimmed() {
        let text = "# A\n\n  [x](gone.md)  \nlast".to_owned();
        let source = SourceText {
            lines: crate::diagnostic::line_starts(&text),
            text,
        };
        let report = Findings::new(Vec::new(), [("a.md".into(), source)].into_iter().collect());
        let at = |file: &str, line| report.line_text(&Location::at(file, line, 1)).to_owned();
        assert_eq!(at("a.md", 3), "[x](gone.md)");
        assert_eq!(at("a.md", 4), "last");
        assert_eq!(at("a.md", 2), "");
        assert_eq!(at("a.md", 9), "");
        assert_eq!(at("b.md", 1), "");
    }
}
