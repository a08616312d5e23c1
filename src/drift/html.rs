//! The drift report as a small static site: `index.html`, a matrix of
//! pages x locales (sortable, filterable by locale, status and path, and
//! complete without JavaScript), and one side-by-side page per article:
//! a card per locale that has the page (its status and reasons, the code
//! they quote as code), then the aligned sections of those locales next
//! to each other, as Markdown with line numbers, the differing tokens
//! highlighted. The locales without the page are named on one line, with
//! no card and no column: seven locales of which three have a page would
//! otherwise spend four cards saying "no translation" and four columns
//! saying "not in" per section.
//!
//! Showing the Markdown rather than rendered HTML is deliberate: drift is
//! about what the source files say, and a highlighted code in a line
//! numbered source is what a translator goes and fixes.

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use super::structure;
use super::{Cell, Drift, Row, Status};
use crate::Fatal;
use crate::diagnostic::LineIndex;
use crate::site::Site;

const MATRIX: &str = include_str!("../../templates/status/index.html");
const PAGE: &str = include_str!("../../templates/status/page.html");
const STYLE: &str = include_str!("../../templates/status/status.css");
const SCRIPT: &str = include_str!("../../templates/status/status.js");

#[derive(Serialize)]
struct MatrixRow<'a> {
    path: &'a str,
    title: &'a str,
    href: String,
    cells: Vec<MatrixCell<'a>>,
}

#[derive(Serialize)]
struct MatrixCell<'a> {
    locale: &'a str,
    status: &'static str,
    label: &'static str,
    /// Drift signals behind the status.
    reasons: usize,
}

#[derive(Serialize)]
struct Column<'a> {
    locale: &'a str,
    status: &'static str,
    label: &'static str,
    file: Option<String>,
    signals: Vec<SignalView>,
}

/// A signal as a card lists it: its message as HTML, code in `<code>`.
#[derive(Serialize)]
struct SignalView {
    kind: &'static str,
    drift: bool,
    line: Option<usize>,
    html: String,
}

/// A locale that has the page: `present[i].key`, `.lang`, `.dir`.
#[derive(Serialize)]
struct PresentLocale<'a> {
    key: &'a str,
    lang: &'a str,
    dir: &'static str,
}

#[derive(Serialize)]
struct SectionRow {
    /// The section's name in the first locale that has it.
    label: String,
    /// Whether the locales differ in this section.
    differs: bool,
    cells: Vec<Option<SectionCell>>,
}

#[derive(Serialize)]
struct SectionCell {
    lines: Vec<Line>,
}

#[derive(Serialize)]
struct Line {
    number: usize,
    /// Escaped text, `<mark>` around what differs.
    html: String,
    flagged: bool,
}

/// Writes the report into `dir` (created if needed).
pub fn write(dir: &Path, drift: &Drift, site: &Site) -> Result<(), Fatal> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.add_raw_templates([("index.html", MATRIX), ("page.html", PAGE)])
        .map_err(|e| Fatal::new(format!("status templates: {e}")))?;
    let pages = dir.join("pages");
    std::fs::create_dir_all(&pages).map_err(|e| Fatal::cannot_write(&pages, e))?;
    let write_file = |name: &str, text: &str| {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Fatal::cannot_write(parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Fatal::cannot_write(&path, e))
    };
    write_file("status.css", STYLE)?;
    write_file("status.js", SCRIPT)?;

    let rows: Vec<MatrixRow> = drift
        .rows
        .iter()
        .map(|row| MatrixRow {
            path: &row.path,
            title: &row.title,
            href: page_href(&row.path),
            cells: row
                .cells
                .iter()
                .map(|c| MatrixCell {
                    locale: &c.locale,
                    status: c.status.key(),
                    label: c.status.name(),
                    reasons: c.signals.iter().filter(|s| s.drift).count(),
                })
                .collect(),
        })
        .collect();
    let counts: Vec<(&str, &str, usize)> = drift
        .counts()
        .into_iter()
        .map(|(s, n)| (s.key(), s.name(), n))
        .collect();
    let mut context = Context::new();
    context.insert("locales", &drift.locales);
    context.insert("source", &drift.source);
    let found = drift.source_found_in.map(crate::loc_hash::evidence);
    context.insert("source_found_by", &found);
    context.insert("rows", &rows);
    context.insert("counts", &counts);
    let html = tera
        .render("index.html", &context)
        .map_err(|e| Fatal::new(format!("status page: {e}")))?;
    write_file("index.html", &html)?;

    drift.rows.par_iter().try_for_each(|row| {
        let mut context = Context::new();
        let depth = row.path.matches('/').count() + 1;
        context.insert("root", &"../".repeat(depth));
        context.insert("path", &row.path);
        context.insert("title", &row.title);
        // A card per locale that has the page; the others, one line.
        let (cards, missing) = columns(row);
        context.insert("columns", &cards);
        context.insert("missing", &missing);
        // Locales without the page have their card, not a column of
        // "not in" for every section.
        // Each column's text is marked with its language and direction,
        // for screen readers, fonts (Han characters differ by language)
        // and right-to-left lines.
        let present: Vec<PresentLocale> = (row.cells.iter())
            .filter(|c| c.page.is_some())
            .map(|c| {
                let locale = site.locales.iter().find(|l| l.key == c.locale);
                PresentLocale {
                    key: &c.locale,
                    lang: locale.map_or(c.locale.as_str(), |l| l.tag.as_str()),
                    dir: locale.map_or("ltr", |l| l.dir()),
                }
            })
            .collect();
        context.insert("present", &present);
        context.insert("sections", &sections(site, row));
        let html = tera
            .render("page.html", &context)
            .map_err(|e| Fatal::new(format!("status page for {}: {e}", row.path)))?;
        write_file(&page_href(&row.path), &html)
    })?;
    Ok(())
}

/// `a/b.md` -> `pages/a/b.html`.
fn page_href(path: &str) -> String {
    format!("pages/{}", crate::site::html_path(path))
}

/// The cards of the locales that have the page, and the locales missing it.
fn columns(row: &Row) -> (Vec<Column<'_>>, Vec<&str>) {
    let (present, missing): (Vec<&Cell>, Vec<&Cell>) =
        row.cells.iter().partition(|c| c.page.is_some());
    let cards = present
        .into_iter()
        .map(|c| Column {
            locale: &c.locale,
            status: c.status.key(),
            label: c.status.name(),
            file: c.file.as_ref().map(|f| f.display().to_string()),
            signals: c
                .signals
                .iter()
                .map(|s| SignalView {
                    kind: s.kind.key(),
                    drift: s.drift,
                    line: s.line,
                    html: message_html(&s.message),
                })
                .collect(),
        })
        .collect();
    let missing = missing
        .into_iter()
        .filter(|c| c.status == Status::Missing)
        .map(|c| c.locale.as_str())
        .collect();
    (cards, missing)
}

/// A message as HTML: escaped, and the `code` it quotes, as the terminal
/// shows it between backticks, in `<code>`. A message with an odd number
/// of backticks (a token that holds one) is shown as it is.
fn message_html(message: &str) -> String {
    let escaped = |text: &str| html_escape::encode_text(text).into_owned();
    if message.matches('`').count() % 2 == 1 {
        return escaped(message);
    }
    let mut html = String::with_capacity(message.len() + 32);
    for (i, part) in message.split('`').enumerate() {
        if i % 2 == 1 {
            html.push_str("<code>");
            html.push_str(&escaped(part));
            html.push_str("</code>");
        } else {
            html.push_str(&escaped(part));
        }
    }
    html
}

/// The aligned sections of a row, one column per locale that has the page.
fn sections(site: &Site, row: &Row) -> Vec<SectionRow> {
    let indexes: Vec<Option<LineIndex>> = row
        .cells
        .iter()
        .map(|c| c.page.map(|p| site.pages[p].source.line_index()))
        .collect();
    row.sections
        .iter()
        .map(|aligned| {
            let mut cells: Vec<Option<SectionCell>> = Vec::new();
            let mut label = String::new();
            let mut differs = false;
            for (locale, cell) in row.cells.iter().enumerate() {
                let (Some(page), Some(index)) = (cell.page, &indexes[locale]) else {
                    continue;
                };
                let Some(section) = &aligned[locale] else {
                    differs = true;
                    cells.push(None);
                    continue;
                };
                if label.is_empty() {
                    label = structure::label(site, page, section.index);
                }
                let shown = section_cell(site, page, index, section, cell);
                differs |= shown.lines.iter().any(|l| l.flagged);
                cells.push(Some(shown));
            }
            SectionRow {
                label,
                differs,
                cells,
            }
        })
        .collect()
}

fn section_cell(
    site: &Site,
    page: usize,
    index: &LineIndex,
    section: &structure::Section,
    cell: &Cell,
) -> SectionCell {
    let text = &site.pages[page].source.text;
    let (first, _) = index.position(section.offset);
    let body = text.get(section.offset..section.end).unwrap_or("");
    let lines = body
        .trim_end()
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let number = first + i;
            let marks: Vec<Option<(usize, usize)>> = cell
                .marks
                .iter()
                .filter(|(l, _)| *l == number)
                .map(|(_, c)| *c)
                .collect();
            let signalled = cell
                .signals
                .iter()
                .any(|s| s.drift && s.line == Some(number));
            Line {
                number,
                html: highlight(line, &marks),
                flagged: signalled || !marks.is_empty(),
            }
        })
        .collect();
    SectionCell { lines }
}

/// `line` escaped, with `<mark>` around the columns in `marks`.
fn highlight(line: &str, marks: &[Option<(usize, usize)>]) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    for (i, c) in line.chars().enumerate() {
        let column = i + 1;
        if marks.iter().flatten().any(|&(start, _)| start == column) {
            out.push_str("<mark>");
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
        if marks.iter().flatten().any(|&(_, end)| end == column + 1) {
            out.push_str("</mark>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_wrap_columns_and_text_is_escaped() {
        assert_eq!(
            highlight("| [0x1](#a) <b> |", &[Some((4, 7))]),
            "| [<mark>0x1</mark>](#a) &lt;b&gt; |"
        );
        assert_eq!(highlight("a<b", &[None]), "a&lt;b");
    }

    #[test]
    fn quoted_code_becomes_code_and_the_rest_is_escaped() {
        assert_eq!(
            message_html("has `throw()``__declspec(nothrow)` where <b> has `a<b`"),
            "has <code>throw()</code><code>__declspec(nothrow)</code> where &lt;b&gt; has <code>a&lt;b</code>"
        );
        // A token holding a backtick (PowerShell's escape) leaves the
        // quotes unpaired: shown as written rather than paired wrongly.
        assert_eq!(message_html("writes `a`n` here"), "writes `a`n` here");
    }
}
