//! The terminal report: a table of pages x locales, one status per cell,
//! then the reasons for every cell that is not simply up to date.

use std::fmt::Write;

use super::{Drift, Signal, SignalKind, Status};

/// Signals of one kind shown per cell; the rest are counted on one line.
/// A page that machine translation mangled throughout (the real de-de
/// `getexceptioncode.md` splits an identifier on 24 lines) would otherwise
/// bury the table's other pages: the terminal report is the overview,
/// `--format json`, `--html` and `polydoc check` list every place.
const PER_KIND: usize = 5;

/// The line that stands for the signals a cell does not show.
fn more<'a>(rest: impl Iterator<Item = &'a Signal>) -> String {
    let rest: Vec<&Signal> = rest.collect();
    let lines: Vec<usize> = rest.iter().filter_map(|s| s.line).collect();
    let place = match (lines.first(), lines.last()) {
        (Some(first), Some(last)) if first != last => format!(" on lines {first} to {last}"),
        (Some(line), Some(_)) => format!(" on line {line}"),
        _ => String::new(),
    };
    format!(
        "... and {} more{place} (`polydoc check`, `--format json` and `--html DIR` list each)",
        rest.len()
    )
}

pub fn render(drift: &Drift) -> String {
    let mut out = String::new();
    let peers = match (&drift.source, drift.source_found_in) {
        (Some(source), Some(n)) => format!(
            "source locale {source}: {} (ms.openlocfilehash)",
            crate::loc_hash::evidence(n)
        ),
        (Some(source), None) => format!("source locale {source}"),
        (None, _) => "no source locale: locales compared as peers".to_owned(),
    };
    let _ = writeln!(
        out,
        "Translation status: {} x {} ({peers})\n",
        crate::report::human::plural(drift.rows.len(), "page"),
        crate::report::human::plural(drift.locales.len(), "locale")
    );
    let page_width = drift
        .rows
        .iter()
        .map(|r| r.path.chars().count())
        .chain(std::iter::once(4))
        .max()
        .unwrap_or(4);
    let widths: Vec<usize> = drift
        .locales
        .iter()
        .map(|l| l.chars().count().max(12))
        .collect();
    let _ = write!(out, "{:<page_width$}", "page");
    for (locale, width) in drift.locales.iter().zip(&widths) {
        let _ = write!(out, "  {locale:<width$}");
    }
    out = out.trim_end().to_owned();
    out.push('\n');
    for row in &drift.rows {
        let _ = write!(out, "{:<page_width$}", row.path);
        for (cell, width) in row.cells.iter().zip(&widths) {
            let _ = write!(out, "  {:<width$}", cell.status.name());
        }
        out = out.trim_end().to_owned();
        out.push('\n');
    }

    let detailed: Vec<_> = drift
        .rows
        .iter()
        .filter(|r| {
            r.cells
                .iter()
                .any(|c| !c.signals.is_empty() && c.status != Status::Absent)
        })
        .collect();
    if !detailed.is_empty() {
        out.push_str("\nDetails\n");
    }
    for row in detailed {
        let _ = writeln!(out, "\n{}", row.path);
        for cell in row.cells.iter().filter(|c| !c.signals.is_empty()) {
            let _ = writeln!(out, "  {}: {}", cell.locale, cell.status.name());
            let mut shown: Vec<(SignalKind, usize)> = Vec::new();
            for (n, signal) in cell.signals.iter().enumerate() {
                let kind = signal.kind;
                let seen = match shown.iter().position(|(k, _)| *k == kind) {
                    Some(i) => i,
                    None => {
                        shown.push((kind, 0));
                        shown.len() - 1
                    }
                };
                shown[seen].1 += 1;
                if shown[seen].1 > PER_KIND {
                    if shown[seen].1 == PER_KIND + 1 {
                        let rest = cell.signals[n..].iter().filter(|s| s.kind == kind);
                        let _ = writeln!(out, "    {:<10} {}", kind.key(), more(rest));
                    }
                    continue;
                }
                let place = match (&cell.file, signal.line) {
                    (Some(file), Some(line)) => format!("{}:{line}: ", file.display()),
                    _ => String::new(),
                };
                let info = if signal.drift { "" } else { "(info) " };
                let _ = writeln!(
                    out,
                    "    {:<10} {info}{place}{}",
                    kind.key(),
                    signal.message
                );
            }
        }
    }
    let counts: Vec<String> = drift
        .counts()
        .into_iter()
        .filter(|(s, _)| *s != Status::Absent)
        .map(|(s, n)| format!("{n} {}", s.name()))
        .collect();
    let _ = writeln!(out, "\n{}", counts.join(", "));
    out
}
