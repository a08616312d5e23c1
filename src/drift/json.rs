//! `polydoc drift --format json`: one document, schema version 1,
//! described in the README ("Translation drift").

use serde::Serialize;

use super::{Drift, Row};

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    source: Option<&'a str>,
    /// How many translations' `ms.openlocfilehash` are hashes of the
    /// source locale's pages, when that is how it was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    source_found_in: Option<usize>,
    locales: &'a [String],
    /// Cells per status, over all pages.
    summary: std::collections::BTreeMap<&'static str, usize>,
    pages: &'a [Row],
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

pub fn render(drift: &Drift) -> String {
    let summary = drift
        .counts()
        .into_iter()
        .map(|(status, n)| (status.key(), n))
        .collect();
    let document = Document {
        version: 1,
        tool: Tool {
            name: "polydoc",
            version: env!("CARGO_PKG_VERSION"),
        },
        source: drift.source.as_deref(),
        source_found_in: drift.source_found_in,
        locales: &drift.locales,
        summary,
        pages: &drift.rows,
    };
    serde_json::to_string_pretty(&document).unwrap_or_default()
}
