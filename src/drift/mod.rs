//! `polydoc drift`: for the people who manage translations, which page is
//! missing, outdated or inconsistent in which locale, and exactly why.
//!
//! Each signal is reported on its own, so a reader sees the reason:
//! - presence: a page missing in a locale, or present only in translations
//!   (an orphan, when a source locale is named);
//! - version ([`version`], [`history`]): translations made from different
//!   source versions (`ms.openlocfilehash`, dated by `ms.lasthandoff`), and
//!   a source page changed in git after its translation;
//! - structure ([`structure`]): sections, table rows, list items and code
//!   blocks, on the alignment shared with `check` ([`crate::align`]);
//! - tokens: the `translation-token-mismatch` and `translation-cell-mismatch`
//!   findings of `check`;
//! - navigation ([`navigation`]): a translation its locale's tables of
//!   contents leave out while the source's list the page.
//!
//! A cell's status follows from its signals: a version signal makes it
//! outdated, a structure or token signal inconsistent; information (same
//! source version, other hand-off date) changes nothing. Renderers: the
//! terminal table ([`text`]), [`json`] and the HTML matrix and side-by-side
//! pages ([`html`]).

pub mod history;
pub mod html;
pub mod json;
pub mod navigation;
pub mod structure;
pub mod text;
pub mod version;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::Finding;
use crate::site::Site;

/// One cell's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    UpToDate,
    /// The source locale's page: the reference, never drifted.
    Source,
    Outdated,
    Inconsistent,
    Missing,
    /// A translation whose source page does not exist.
    Orphan,
    /// Neither this locale nor the source has the page.
    Absent,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::UpToDate => "up to date",
            Status::Source => "source",
            Status::Outdated => "outdated",
            Status::Inconsistent => "inconsistent",
            Status::Missing => "missing",
            Status::Orphan => "orphan",
            Status::Absent => "-",
        }
    }

    /// The status as JSON and CSS classes spell it.
    pub fn key(self) -> &'static str {
        match self {
            Status::UpToDate => "up-to-date",
            Status::Source => "source",
            Status::Outdated => "outdated",
            Status::Inconsistent => "inconsistent",
            Status::Missing => "missing",
            Status::Orphan => "orphan",
            Status::Absent => "absent",
        }
    }

    /// Whether this status makes `polydoc drift` exit 1.
    pub fn is_drift(self) -> bool {
        matches!(self, Status::Outdated | Status::Inconsistent)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignalKind {
    Presence,
    Version,
    History,
    Structure,
    Tokens,
    Navigation,
}

impl SignalKind {
    pub fn key(self) -> &'static str {
        match self {
            SignalKind::Presence => "presence",
            SignalKind::Version => "version",
            SignalKind::History => "history",
            SignalKind::Structure => "structure",
            SignalKind::Tokens => "tokens",
            SignalKind::Navigation => "navigation",
        }
    }
}

/// One reason behind a cell's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signal {
    pub kind: SignalKind,
    /// Whether it is drift (counts for the status) or information.
    pub drift: bool,
    pub message: String,
    /// 1-based line in the cell's file, when the signal has a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based columns of the differing text on that line, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub columns: Option<(usize, usize)>,
}

impl Signal {
    pub fn drift(kind: SignalKind, message: String, line: Option<usize>) -> Signal {
        Signal {
            kind,
            drift: true,
            message,
            line,
            columns: None,
        }
    }

    pub fn info(kind: SignalKind, message: String) -> Signal {
        Signal {
            kind,
            drift: false,
            message,
            line: None,
            columns: None,
        }
    }
}

/// One page in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub locale: String,
    pub status: Status,
    /// The Markdown file, as paths are shown elsewhere; none when missing.
    pub file: Option<PathBuf>,
    pub signals: Vec<Signal>,
    /// Index into the site's pages.
    #[serde(skip)]
    pub page: Option<usize>,
    /// Text to highlight in a side-by-side view: (line, columns), from this
    /// cell's token signals and from other locales' findings that cite it.
    #[serde(skip)]
    pub marks: Vec<(usize, Option<(usize, usize)>)>,
}

/// One translation group: a page and its translations.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Path below the locale folder, as the pivot page spells it.
    pub path: String,
    pub title: String,
    /// One per locale, in locale order.
    pub cells: Vec<Cell>,
    /// The aligned sections of the page, as structure compared them: one
    /// row per section, one entry per locale (`None` where it lacks one).
    #[serde(skip)]
    pub sections: Vec<Vec<Option<structure::Section>>>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Drift {
    pub source: Option<String>,
    /// When the site names no source locale and the translations' hashes
    /// tell it: how many translations are hashes of its pages
    /// ([`crate::loc_hash::found_source`]).
    pub source_found_in: Option<usize>,
    pub locales: Vec<String>,
    pub rows: Vec<Row>,
}

impl Drift {
    /// Whether anything is outdated or inconsistent.
    pub fn has_drift(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.status.is_drift()))
    }

    /// Number of cells per status, in status order.
    pub fn counts(&self) -> Vec<(Status, usize)> {
        let mut counts: std::collections::BTreeMap<Status, usize> = Default::default();
        for cell in self.rows.iter().flat_map(|r| &r.cells) {
            *counts.entry(cell.status).or_default() += 1;
        }
        counts.into_iter().collect()
    }
}

/// Per page: places to highlight, (line, columns).
type Marks = HashMap<usize, Vec<(usize, Option<(usize, usize)>)>>;

/// Works out the drift of every translation group of `site`. `source` is
/// the source locale's index; `tokens` the `translation-token-mismatch`
/// and `translation-cell-mismatch` findings of the checks; `history` the
/// last commit time per page file (see [`file_of`]), empty outside git.
pub fn analyse(
    site: &Site,
    source: Option<usize>,
    tokens: &[Finding],
    history: &HashMap<PathBuf, i64>,
) -> Drift {
    let by_display: HashMap<&Path, usize> = site
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.source.display.as_path(), i))
        .collect();
    let mut token_signals: HashMap<usize, Vec<Signal>> = HashMap::new();
    let mut marks: Marks = HashMap::new();
    for finding in tokens {
        for place in
            std::iter::once(&finding.location).chain(finding.related.iter().map(|r| &r.location))
        {
            if let Some(&page) = by_display.get(place.file.as_path()) {
                let columns =
                    (place.end_column > place.column).then_some((place.column, place.end_column));
                marks.entry(page).or_default().push((place.line, columns));
            }
        }
        if let Some(&page) = by_display.get(finding.location.file.as_path()) {
            let mut signal = Signal::drift(
                SignalKind::Tokens,
                finding.message.clone(),
                Some(finding.location.line),
            );
            let l = &finding.location;
            signal.columns = (l.end_column > l.column).then_some((l.column, l.end_column));
            token_signals.entry(page).or_default().push(signal);
        }
    }
    let listed = navigation::Listed::new(site);
    let mut rows: Vec<Row> = site
        .groups
        .iter()
        // A file no locale publishes or includes is nobody's drift.
        .filter(|group| !group.iter().all(|&p| site.pages[p].unread))
        .map(|group| {
            let signals = (&mut token_signals, &mut marks);
            row(site, group, source, signals, &listed, history)
        })
        .collect();
    rows.sort_by_cached_key(|r| r.path.to_lowercase());
    Drift {
        source: source.map(|s| site.locales[s].key.clone()),
        source_found_in: site
            .found_source
            .filter(|found| Some(found.locale) == source)
            .map(|found| found.translations),
        locales: site.locales.iter().map(|l| l.key.clone()).collect(),
        rows,
    }
}

fn row(
    site: &Site,
    group: &[usize],
    source: Option<usize>,
    (tokens, marks): (&mut HashMap<usize, Vec<Signal>>, &mut Marks),
    listed: &navigation::Listed,
    history: &HashMap<PathBuf, i64>,
) -> Row {
    let locale_key = |l: usize| site.locales[l].key.as_str();
    let source_page =
        source.and_then(|s| group.iter().copied().find(|&p| site.pages[p].locale() == s));
    let pivot = source_page.unwrap_or(group[0]);
    let aligned = structure::align_sections(site, group, pivot);
    let mut signals = structure::compare(site, group, pivot, &aligned, source_page.is_some());
    version::signals(site, group, source_page, &mut signals);
    if let Some(src) = source_page {
        history::signals(site, group, src, history, &mut signals);
    }
    for (m, &page) in group.iter().enumerate() {
        signals[m].extend(tokens.remove(&page).unwrap_or_default());
    }
    navigation::signals(site, listed, group, source_page, &mut signals);

    let orphan = source.is_some() && source_page.is_none();
    let cells = (0..site.locales.len())
        .map(|locale| {
            let Some(m) = group.iter().position(|&p| site.pages[p].locale() == locale) else {
                let status = if orphan {
                    Status::Absent
                } else {
                    Status::Missing
                };
                let signals = if orphan {
                    Vec::new()
                } else {
                    let rel_path = &site.pages[pivot].source.rel_path;
                    // A draft on the way, left out until it is published.
                    let draft = (site.draft(locale, rel_path))
                        .map(|d| format!(" ({} is a draft, left out)", d.display.display()))
                        .unwrap_or_default();
                    vec![Signal::info(
                        SignalKind::Presence,
                        format!(
                            "no translation of {rel_path} in {}{draft}",
                            locale_key(locale)
                        ),
                    )]
                };
                return Cell {
                    locale: locale_key(locale).to_owned(),
                    status,
                    file: None,
                    signals,
                    page: None,
                    marks: Vec::new(),
                };
            };
            let page = group[m];
            let mut cell_signals = std::mem::take(&mut signals[m]);
            let status = if orphan {
                let src = source.map_or("", locale_key);
                cell_signals.insert(
                    0,
                    Signal::info(
                        SignalKind::Presence,
                        format!(
                            "no {src} page at this path: remove this translation, or add its source"
                        ),
                    ),
                );
                Status::Orphan
            } else if cell_signals
                .iter()
                .any(|s| s.drift && matches!(s.kind, SignalKind::Version | SignalKind::History))
            {
                Status::Outdated
            } else if cell_signals.iter().any(|s| s.drift) {
                Status::Inconsistent
            } else if Some(page) == source_page {
                Status::Source
            } else {
                Status::UpToDate
            };
            Cell {
                locale: locale_key(locale).to_owned(),
                status,
                file: Some(site.pages[page].source.display.clone()),
                signals: cell_signals,
                page: Some(page),
                marks: marks.remove(&page).unwrap_or_default(),
            }
        })
        .collect();
    // Member order -> locale order, for the side-by-side view.
    let sections = aligned
        .rows
        .iter()
        .map(|members| {
            let mut by_locale = vec![None; site.locales.len()];
            for (m, section) in members.iter().enumerate() {
                by_locale[site.pages[group[m]].locale()] = *section;
            }
            by_locale
        })
        .collect();
    Row {
        path: site.pages[pivot].source.rel_path.clone(),
        title: site.pages[pivot].title.clone(),
        cells,
        sections,
    }
}

/// The file of page `page` on disk.
pub fn file_of(site: &Site, page: usize) -> PathBuf {
    let source = &site.pages[page].source;
    site.locales[source.locale].dir.join(&source.rel_path)
}
