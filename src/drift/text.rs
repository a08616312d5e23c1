//! The terminal report: a table of pages x locales, one status per cell,
//! then the reasons for every cell that is not simply up to date.

use std::fmt::Write;

use super::{Drift, Status};

pub fn render(drift: &Drift) -> String {
    let mut out = String::new();
    let peers = match &drift.source {
        Some(source) => format!("source locale {source}"),
        None => "no source locale: locales compared as peers".to_owned(),
    };
    let _ = writeln!(
        out,
        "Translation status: {} pages x {} locales ({peers})\n",
        drift.rows.len(),
        drift.locales.len()
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
            for signal in &cell.signals {
                let place = match (&cell.file, signal.line) {
                    (Some(file), Some(line)) => format!("{}:{line}: ", file.display()),
                    _ => String::new(),
                };
                let info = if signal.drift { "" } else { "(info) " };
                let kind = signal.kind.key();
                let _ = writeln!(out, "    {kind:<9} {info}{place}{}", signal.message);
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
