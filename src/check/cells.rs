//! `translation-cell-mismatch`: a table cell that a translation changed in
//! a column every locale keeps as written, or the bold text a list item
//! starts with, in a list that keeps them.
//!
//! Tables of abbreviations, values, names and parameters hold no code a
//! token comparison sees (`**hh**` is bold text), and machine translation
//! still turns a few of their cells into words. The four real
//! translations of SQL Server's `DATEDIFF` page (`tests/data/real-sql/`) list
//! the abbreviation of *hour* as `mm` (ja-jp), of *minute* as `héritage
//! multiple, n` (fr-fr, "multiple inheritance" for `mi`), of *quarter* as
//! `q, q` (it-it), of *week* as `wk weltweit` and of *nanosecond* as
//! `Notification Services` (de-de), each in a column the other locales,
//! and the same page in its other rows, keep as written.
//!
//! Cells are compared as a reader tells values apart (`markdown::facts`'
//! `cell.rs`: letter case, spacing, quotes, CJK punctuation, decimal marks
//! and placeholders do not count). A cell is flagged only with evidence
//! on both sides, because columns of words are translated and rightly
//! differ:
//! - the row's other locales agree on the cell: with the source locale
//!   among them, the source's value when a translation shares it; else a
//!   value a strict majority shares, two locales at least. So it takes
//!   three locales; with two, nobody can tell which one changed the cell.
//! - the flagged page keeps the column as the others do in its other rows:
//!   three quarters of those it is compared on, with at least three
//!   distinct values. A page that translates the column (product editions
//!   in Chinese, `Go` for `GB` in French) differs in most rows and is not
//!   told; nor is one that agrees only on a repeated value (the seed's
//!   activation types: `MAK` in most rows, and it-it's `Servizio di
//!   gestione delle chiavi` spelling out `KMS`, as it does all along).
//! - the agreed cell is a value, not words: one word, or a list of single
//!   words (`yy, yyyy`), and not longer than 128 bytes (runtime error
//!   identifiers reach 101; longer cells, and those past 64 bytes with
//!   more than seven spaces, are prose, left unhashed: [`PROSE`]). A
//!   translation may localize a name in a few rows and rightly so (the real zh-cn "KMS client keys" page
//!   writes `Windows Server 2008 标准版`, the edition's Chinese name, in
//!   two rows and the English names in the others).
//!
//! Without a majority (three locales, three renderings of one filter
//! name), the page's own code may still tell: a cell is flagged when
//! another locale's cell is a word the page's code blocks write, and its
//! own is not (the real fr-fr `tasklist` lists the filter `STATUT` and
//! it-it `STATO` where es-es keeps `STATUS`, which every page's examples
//! write: `tasklist /fi "STATUS eq running"`), on the same condition that
//! the page keeps the column in its other rows.
//!
//! A list whose items start with bold letters or codes (`- **WEA** - write
//! extended attributes`) is such a column too, its items the rows: the
//! real `icacls` pages (`tests/data/real/`) turned permission letters into
//! words in four locales (es-es `**Término**` for `**WEA**`, fr-fr
//! `**Bureau à distance**`, "Remote Desktop", for `**RD**`). An item's
//! first bold text is its cell, wherever it stands in the item (es-es
//! `Acceso **de solo** escritura` for `**W** - write-only access`).

use std::collections::BTreeMap;

use crate::diagnostic::Finding;
use crate::markdown::facts::{PROSE, RowCell, UnitKind};

use super::switches::words;
use super::tokens::Member;
use super::{Context, result_sets};

/// The findings for one source version's aligned blocks: `rows[u]` holds
/// the blocks aligned with unit `u` of the pivot page (its first member),
/// which is the source locale's page when `has_source`.
pub fn differ(cx: &Context, has_source: bool, rows: &[Vec<Member>]) -> Vec<Finding> {
    let facts = |page: usize| &cx.site.pages[page].doc.facts;
    let mut tables: BTreeMap<u32, Vec<&[Member]>> = BTreeMap::new();
    let mut headers: BTreeMap<u32, &[Member]> = BTreeMap::new();
    // Lists by the first member page that starts the item with bold text,
    // and that page's number for the list.
    let mut lists: BTreeMap<(usize, u32), Vec<&[Member]>> = BTreeMap::new();
    for members in rows.iter().filter(|m| m.len() >= 3) {
        let (page, unit) = members[0];
        match facts(page).units[unit].kind {
            UnitKind::Row {
                table,
                header: false,
            } => tables.entry(table).or_default().push(members),
            UnitKind::Row {
                table,
                header: true,
            } => {
                headers.insert(table, members);
            }
            UnitKind::Item => {
                let list = members
                    .iter()
                    .find_map(|&(p, u)| Some((p, facts(p).lead(u)?.list)));
                if let Some(list) = list {
                    lists.entry(list).or_default().push(members);
                }
            }
            _ => {}
        }
    }
    let row_cell = |(page, unit): Member, column: usize| {
        let facts = facts(page);
        facts.row_cells(&facts.units[unit]).get(column)
    };
    let lead = |(page, unit): Member, _: usize| facts(page).lead(unit).map(|l| &l.cell);
    let mut out = Vec::new();
    for (table, body) in &tables {
        // A query's output: every cell counts (`result_sets`).
        let result = headers
            .get(table)
            .filter(|header| result_sets::shows_result(cx, header))
            .and_then(|header| {
                let mut rows = vec![*header];
                rows.extend(body.iter().copied());
                result_sets::differ(cx, has_source, &rows)
            });
        match result {
            Some(found) => out.extend(found),
            None if body.len() >= 4 => {
                let columns = body
                    .iter()
                    .map(|m| {
                        let (page, unit) = m[0];
                        facts(page).row_cells(&facts(page).units[unit]).len()
                    })
                    .max()
                    .unwrap_or(0);
                out.extend(compare(cx, has_source, body, columns, &row_cell, &TABLE));
            }
            None => {}
        }
    }
    out.extend(
        lists
            .values()
            .filter(|items| items.len() >= 4)
            .flat_map(|items| compare(cx, has_source, items, 1, &lead, &LIST)),
    );
    out
}

/// One row's cells of one column, member by member (`None`: no such cell).
pub(super) type Column<'a> = Vec<Option<&'a RowCell>>;

/// How a finding names what it compares: a table's cells, or the bold
/// text list items start with.
struct Words {
    cell: &'static str,
    column: &'static str,
    rows: &'static str,
    same: &'static str,
}

const TABLE: Words = Words {
    cell: "this cell",
    column: "column",
    rows: "rows",
    same: "the same cell",
};

const LIST: Words = Words {
    cell: "the bold text of this list item",
    column: "list",
    rows: "items",
    same: "the same list item",
};

/// The findings for aligned rows (table rows, or list items) whose cells
/// `cell(member, column)` gives, in `columns` columns.
fn compare<'a>(
    cx: &Context,
    has_source: bool,
    rows: &[&[Member]],
    columns: usize,
    cell: &dyn Fn(Member, usize) -> Option<&'a RowCell>,
    words: &Words,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for column in 0..columns {
        let cells: Vec<Column> = rows
            .iter()
            .map(|members| members.iter().map(|&m| cell(m, column)).collect())
            .collect();
        let agreed: Vec<Option<u64>> = cells.iter().map(|c| agreed(c, has_source)).collect();
        // Per page: on how many rows it agrees, on how many it is compared,
        // and on how many distinct values it agrees.
        let mut tally: BTreeMap<usize, Tally> = BTreeMap::new();
        for (r, members) in rows.iter().enumerate() {
            let Some(value) = agreed[r] else { continue };
            for (i, &(page, _)) in members.iter().enumerate() {
                if let Some(own) = cells[r][i] {
                    let entry = tally.entry(page).or_default();
                    entry.compared += 1;
                    if own.hash == value {
                        entry.agreeing += 1;
                        entry.values.insert(value);
                    }
                }
            }
        }
        for (r, members) in rows.iter().enumerate() {
            let Some(value) = agreed[r] else { continue };
            for (i, &(page, _)) in members.iter().enumerate() {
                let Some(own) = cells[r][i].filter(|c| c.hash != value) else {
                    continue;
                };
                let Some(Tally {
                    agreeing,
                    compared,
                    values,
                }) = tally.get(&page)
                else {
                    continue;
                };
                let (agreeing, others) = (*agreeing, compared - 1);
                if values.len() >= 3
                    && agreeing * 4 >= others * 3
                    && is_value(cx, members, &cells[r], value)
                {
                    let odd = Odd {
                        member: i,
                        own,
                        value,
                        agreeing,
                        others,
                        code: None,
                    };
                    out.push(finding(cx, has_source, members, &cells[r], &odd, words));
                }
            }
        }
        out.extend(by_code(
            cx, has_source, rows, &cells, &agreed, &tally, words,
        ));
    }
    out
}

/// The findings for the rows whose locales agree on no value, where the
/// page's own code is the evidence (see the module doc).
fn by_code(
    cx: &Context,
    has_source: bool,
    rows: &[&[Member]],
    cells: &[Column],
    agreed: &[Option<u64>],
    tally: &BTreeMap<usize, Tally>,
    words: &Words,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (r, members) in rows.iter().enumerate() {
        if agreed[r].is_some() {
            continue;
        }
        for (i, &(page, _)) in members.iter().enumerate() {
            let Some(own) = cells[r][i].filter(|c| c.hash != PROSE) else {
                continue;
            };
            let Some(t) = tally.get(&page) else { continue };
            let others = t.compared;
            if t.values.len() < 3 || t.agreeing * 4 < others * 3 {
                continue;
            }
            if word_in_code(cx, page, (page, own)).is_some() {
                continue;
            }
            let evidence = (0..members.len()).find_map(|j| {
                let theirs = cells[r][j].filter(|c| c.hash != PROSE && c.hash != own.hash)?;
                let at = word_in_code(cx, page, (members[j].0, theirs))?;
                Some((theirs.hash, at))
            });
            if let Some((value, at)) = evidence {
                let odd = Odd {
                    member: i,
                    own,
                    value,
                    agreeing: t.agreeing,
                    others,
                    code: Some(at),
                };
                out.push(finding(cx, has_source, members, &cells[r], &odd, words));
            }
        }
    }
    out
}

/// Where `page`'s fenced code writes, as a word of its own in any case,
/// the one word that `cell` of page `of` is (emphasis and code marks
/// taken off): `STATUS` in `tasklist /fi "STATUS eq running"`.
fn word_in_code(
    cx: &Context,
    page: usize,
    (of, cell): (usize, &RowCell),
) -> Option<std::ops::Range<usize>> {
    let text = cx.snippet(of, cell.span())?;
    let word = text.trim_matches(|c: char| matches!(c, '*' | '_' | '`' | ' '));
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    if word.len() < 2 || !word.bytes().all(is_word) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    cx.in_fenced_code(page, |code| {
        words(&code.to_ascii_lowercase(), &lower, is_word, is_word).next()
    })
}

/// How one page's column compares with the other locales'.
#[derive(Default)]
struct Tally {
    /// Rows where it has the agreed value.
    agreeing: usize,
    /// Rows where the locales agree on a value and it has a cell.
    compared: usize,
    /// The distinct values it agrees on: a column of `MAK` rows says
    /// little about its `KMS` row.
    values: std::collections::BTreeSet<u64>,
}

/// The value the row's locales agree on, if they do (see the module doc).
fn agreed(cells: &Column, has_source: bool) -> Option<u64> {
    let present: Vec<u64> = cells.iter().flatten().map(|c| c.hash).collect();
    let count = |v: u64| present.iter().filter(|&&h| h == v).count();
    if has_source {
        let source = cells.first().copied().flatten()?.hash;
        return (source != PROSE && count(source) >= 2).then_some(source);
    }
    present
        .iter()
        .copied()
        .find(|&v| v != PROSE && count(v) >= 2 && count(v) * 2 > present.len())
}

/// Whether the cells holding `value` say a value: one word or a list of
/// single words, once emphasis and code marks are taken off (`**yy,
/// yyyy**`, `` `mi`、n ``), as the first of them is written.
fn is_value(cx: &Context, members: &[Member], cells: &Column, value: u64) -> bool {
    let Some((page, cell)) = (0..members.len())
        .find_map(|j| Some((members[j].0, cells[j].filter(|c| c.hash == value)?)))
    else {
        return false;
    };
    let Some(text) = cx.snippet(page, cell.span()) else {
        return false;
    };
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '\\'))
        .map(|c| {
            if matches!(c, '、' | '，' | ';') {
                ','
            } else {
                c
            }
        })
        .collect();
    plain
        .split(',')
        .map(str::trim)
        .all(|item| !item.is_empty() && !item.contains(char::is_whitespace))
}

/// A cell that differs from the value its row's locales agree on, in a
/// column its page otherwise keeps: `agreeing` of its `others` other rows.
struct Odd<'a> {
    member: usize,
    own: &'a RowCell,
    value: u64,
    agreeing: usize,
    others: usize,
    /// Without an agreed value: where the page's own code writes `value`.
    code: Option<std::ops::Range<usize>>,
}

fn finding(
    cx: &Context,
    has_source: bool,
    members: &[Member],
    cells: &Column,
    odd: &Odd,
    words: &Words,
) -> Finding {
    let Odd {
        member: i,
        own,
        value,
        agreeing,
        others,
        ref code,
    } = *odd;
    let page = members[i].0;
    let with: Vec<usize> = (0..members.len())
        .filter(|&j| cells[j].is_some_and(|c| c.hash == value))
        .collect();
    let locales = cx.locale_labels(with.iter().map(|&j| members[j].0));
    let quote = |p: usize, c: &RowCell| match cx.snippet(p, c.span()) {
        Some(text) => format!("`{text}`"),
        None => "nothing".to_owned(),
    };
    // As most of them write it (the source, when it is among them).
    let written: Vec<String> = with
        .iter()
        .filter_map(|&j| Some(quote(members[j].0, cells[j]?)))
        .collect();
    let count = |w: &String| written.iter().filter(|x| *x == w).count();
    let theirs = if has_source {
        written.first()
    } else {
        written.iter().rev().max_by_key(|w| count(w))
    }
    .cloned()
    .unwrap_or_default();
    let mine = quote(page, own);
    let verb = if with.len() == 1 { "reads" } else { "read" };
    let Words {
        cell,
        column,
        rows,
        same,
    } = words;
    let in_code = code.as_ref().map_or(String::new(), |at| {
        format!(
            ", as this page's own code does on line {}",
            cx.line(page, at.start)
        )
    });
    let message = format!(
        "{cell} reads {mine} where {locales} {verb} {theirs}{in_code}, in a {column} this page keeps as they do in {agreeing} of its {others} other {rows}"
    );
    // The source, when it is the reference, is the first of them.
    let otherwise = cx.if_wrong(with.first().map_or(page, |&j| members[j].0));
    let help = format!(
        "machine translation changes values it should keep: change {mine} to {theirs}, as in {locales}; {otherwise}"
    );
    let mut result = Finding::warning(
        "translation-cell-mismatch",
        cx.location(page, own.span()),
        message,
    )
    .with_help(help);
    if let Some(at) = code {
        result = result.with_related(
            cx.location(page, at.clone()),
            format!("this page's code writes {theirs} here"),
        );
    }
    for &j in &with {
        if let Some(c) = cells[j] {
            let p = members[j].0;
            result = result.with_related(
                cx.location(p, c.span()),
                format!("{same} in {}", cx.locale_key(p)),
            );
        }
    }
    result
}
