//! Baselines: adopt `polydoc check` on a large corpus and fail only on new
//! problems. `--write-baseline FILE` records today's findings;
//! `--baseline FILE` hides those again.
//!
//! Entries match by rule, file and the text of the offending line, never
//! by line number, so an edit above a known problem does not resurrect it.
//! Identical entries count: two known broken links on identical lines hide
//! two findings, not every future one.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::Fatal;
use crate::report::{Findings, path_key};

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq, Hash, Clone)]
pub struct Entry {
    pub rule: String,
    pub file: String,
    /// The offending line, trimmed.
    pub content: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    entries: Vec<Entry>,
}

fn entries(report: &Findings) -> Vec<Entry> {
    report
        .findings
        .iter()
        .map(|f| Entry {
            rule: f.rule.to_owned(),
            file: path_key(&f.location.file),
            content: report.line_text(&f.location).to_owned(),
        })
        .collect()
}

pub fn write(path: &Path, report: &Findings) -> Result<(), Fatal> {
    let file = File {
        version: 1,
        entries: entries(report),
    };
    let text = serde_json::to_string_pretty(&file)
        .map_err(|e| Fatal::new(format!("cannot write baseline: {e}")))?;
    std::fs::write(path, text + "\n")
        .map_err(|e| Fatal::new(format!("cannot write baseline {}: {e}", path.display())))
}

/// Removes the findings that `path` records; returns how many it hid.
pub fn apply(path: &Path, report: &mut Findings) -> Result<usize, Fatal> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Fatal::new(format!("cannot read baseline {}: {e}", path.display())))?;
    let file: File = serde_json::from_str(&text).map_err(|e| {
        Fatal::new(format!(
            "{}:{}:{}: not a polydoc baseline: {e}",
            path.display(),
            e.line(),
            e.column()
        ))
    })?;
    let mut known: HashMap<Entry, usize> = HashMap::new();
    for entry in file.entries {
        *known.entry(entry).or_default() += 1;
    }
    let keep: Vec<bool> = entries(report)
        .into_iter()
        .map(|entry| match known.get_mut(&entry) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect();
    let before = report.findings.len();
    let mut keep = keep.into_iter();
    report.findings.retain(|_| keep.next().unwrap_or(true));
    Ok(before - report.findings.len())
}
