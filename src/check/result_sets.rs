//! `translation-cell-mismatch` in a table that shows what a query returns.
//!
//! SQL Server's reference shows a query, then "Here is the result set."
//! and the rows it returns as a table whose header names the query's
//! columns (`SELECT name, SUBSTRING(name, 3, 2) AS
//! ThirdAndFourthCharacters ...`, then `|name |Initial
//! |ThirdAndFourthCharacters|`). Such a table is output: no translation
//! changes a cell of it. Machine translation does: the real `SUBSTRING`
//! pages of 2017 (`tests/data/real-sql/`) show `tempdb`'s third and fourth
//! letters, `mp`, as `Management Pack` (de-de), `管理パック` (ja-jp),
//! `пакет управления` (ru-ru) and `Pack d’administration` (fr-fr), and
//! rename the columns `name` and `Initial` to `имя` (ru-ru) and `初始`
//! (zh-cn); the `STRING_SPLIT` pages translate the tags the query splits
//! out of `'clothing,road,,touring,bike'` in six locales of seven.
//!
//! So, unlike the rest of [`super::cells`], every cell of such a table is
//! compared, its header too, however many words it holds. The reference,
//! first that applies:
//! - the source locale's value, when a translation shares it;
//! - the one value of the cell that the page's own code writes (the
//!   query names its columns; `bike` is in its `DECLARE`);
//! - the value the most languages share, two at least, no other value
//!   shared by as many. Two languages that translate a cell do not land
//!   on the same words, so a value two of them share is the one they
//!   kept; four locales writing `mp` four ways out-vote nothing. Locales
//!   of one language count once: zh-cn and zh-tw both write `完整手指手套`
//!   for the product `Full-Finger Gloves`, which neither kept.
//!
//! A page whose query is another locale's shows what that query returns,
//! and is told whatever it kept. One whose query is its own is told only
//! where it keeps at least half the table's cells that have a reference,
//! so a translation that rewrote its sample data and query is not. Each
//! page is told once per table, its differing cells listed.
//!
//! A table shows a result set when it follows a fenced code block in the
//! same section, past at most two paragraphs or includes ("Here is the
//! result set.", `[!INCLUDE[ssResult]]`), has two columns at least, half
//! of them and two at least named by the query of two locales or more
//! (translations rename columns: no locale of `STRING_SPLIT` keeps all
//! three of `ProductId`, `Name` and `value`, while each is kept by two;
//! all four of `ISNULL` translate the alias `'Max Quantity'`), and each
//! column has a cell below the header with a reference: a column of
//! descriptions (`|Name|Description|` after a `CREATE TABLE` naming
//! both) is prose, and the table is compared as any other.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::diagnostic::Finding;
use crate::markdown::facts::{PROSE, RowCell, Token, TokenKind, UnitKind};

use super::Context;
use super::cells::Column;
use super::switches::words;
use super::tokens::Member;

/// Whether the aligned header rows `header` head a result set.
pub(super) fn shows_result(cx: &Context, header: &[Member]) -> bool {
    let named: Vec<Vec<bool>> = header.iter().map(|&m| named_columns(cx, m)).collect();
    let columns = named.iter().map(Vec::len).max().unwrap_or(0);
    let by_two = (0..columns)
        .filter(|&c| named.iter().filter(|n| n.get(c) == Some(&true)).count() >= 2)
        .count();
    columns >= 2 && by_two >= 2 && by_two * 2 >= columns
}

/// For each cell of header row `member`: whether the query before it
/// writes the cell as a word of its own (quotes and emphasis aside).
fn named_columns(cx: &Context, member: Member) -> Vec<bool> {
    let (page, unit) = member;
    let facts = &cx.site.pages[page].doc.facts;
    let Some(header) = facts.units.get(unit) else {
        return Vec::new();
    };
    let Some(code) =
        code_before(cx, member).and_then(|t| cx.site.pages[page].source.text.get(t.span()))
    else {
        return Vec::new();
    };
    let lowered = code.to_ascii_lowercase();
    facts
        .row_cells(header)
        .iter()
        .map(|cell| {
            cx.snippet(page, cell.span())
                .map(plain)
                .is_some_and(|name| word_at(&lowered, &name.to_ascii_lowercase()).is_some())
        })
        .collect()
}

/// A cell's text without the emphasis, code marks and quotes around it.
fn plain(text: &str) -> &str {
    text.trim_matches(|c: char| matches!(c, '*' | '_' | '`' | ' ' | '"' | '\''))
}

/// Where lower-cased `code` writes lower-cased `text` whole, not as part
/// of a longer word.
fn word_at(code: &str, text: &str) -> Option<Range<usize>> {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    if text.is_empty() {
        return None;
    }
    words(code, text, is_word, is_word).next()
}

/// The fenced code block just before table row `unit` (see the module
/// doc), as its token: the query a result set shows.
fn code_before<'a>(cx: &Context<'a>, (page, unit): Member) -> Option<&'a Token> {
    let facts = &cx.site.pages[page].doc.facts;
    let row = facts.units.get(unit)?;
    let code = (0..unit)
        .rev()
        .map(|u| &facts.units[u])
        .skip_while(|u| matches!(u.kind, UnitKind::Row { .. }))
        .take(3)
        .take_while(|u| {
            u.section == row.section
                && matches!(
                    u.kind,
                    UnitKind::Code | UnitKind::Paragraph | UnitKind::Directive
                )
        })
        .find(|u| u.kind == UnitKind::Code)?;
    facts
        .tokens_of(code)
        .iter()
        .find(|t| t.kind == TokenKind::Fenced)
}

/// The normalised query before row `member` (equal code, equal value).
fn query_value<'a>(cx: &Context<'a>, member: Member) -> Option<&'a str> {
    let query = code_before(cx, member)?;
    Some(cx.site.pages[member.0].doc.facts.value(query))
}

/// A cell's reference: its value, and the text this page's code writes
/// it as, when that is where it comes from.
type Reference = (u64, Option<String>);

/// The findings for a result set's aligned rows, its header first; none
/// when a column has no body cell with a reference: a column of prose
/// each locale words its own way is no query's output, but a table that
/// describes the columns a code block creates (`|Name|Description|`
/// after `CREATE TABLE t (Name ..., Description ...)`), whose header a
/// translation rightly translates.
pub(super) fn differ(cx: &Context, has_source: bool, rows: &[&[Member]]) -> Option<Vec<Finding>> {
    let row_cells = |(page, unit): Member| {
        let facts = &cx.site.pages[page].doc.facts;
        facts.row_cells(&facts.units[unit])
    };
    let columns = rows
        .iter()
        .flat_map(|members| members.iter().map(|&m| row_cells(m).len()))
        .max()
        .unwrap_or(0);
    let cells: Vec<Vec<Column>> = rows
        .iter()
        .map(|members| {
            (0..columns)
                .map(|c| members.iter().map(|&m| row_cells(m).get(c)).collect())
                .collect()
        })
        .collect();
    let code = LoweredCode::default();
    let references: Vec<Vec<Option<Reference>>> = rows
        .iter()
        .zip(&cells)
        .map(|(members, row)| {
            row.iter()
                .map(|column| reference(cx, &code, has_source, members, column))
                .collect()
        })
        .collect();
    let described = (0..columns).any(|c| references[1..].iter().all(|row| row[c].is_none()));
    if described {
        return None;
    }
    let values: Vec<Vec<Option<u64>>> = references
        .iter()
        .map(|row| row.iter().map(|r| r.as_ref().map(|r| r.0)).collect())
        .collect();
    // A page whose query is another locale's returns what that one does:
    // the guard against rewritten samples is for the others.
    let queries: Vec<(usize, Option<&str>)> =
        rows[0].iter().map(|&m| (m.0, query_value(cx, m))).collect();
    let shared: Vec<usize> = queries
        .iter()
        .filter(|(page, query)| {
            query.is_some() && queries.iter().any(|(p, q)| p != page && q == query)
        })
        .map(|&(page, _)| page)
        .collect();
    let same_query = |member: Member| shared.contains(&member.0);
    let mut by_page: BTreeMap<usize, Vec<Odd>> = BTreeMap::new();
    for (r, c, i) in odd(rows, &cells, &values, &same_query) {
        let Some((value, code)) = &references[r][c] else {
            continue;
        };
        by_page.entry(rows[r][i].0).or_default().push(Odd {
            members: rows[r],
            column: &cells[r][c],
            member: i,
            value: *value,
            code: code.as_deref(),
            header: r == 0,
        });
    }
    Some(
        by_page
            .into_iter()
            .filter_map(|(page, odd)| finding(cx, page, &odd))
            .collect(),
    )
}

/// The value a result set's cell should read (see the module doc).
fn reference(
    cx: &Context,
    code: &LoweredCode,
    has_source: bool,
    members: &[Member],
    column: &Column,
) -> Option<Reference> {
    let values: Vec<(usize, u64)> = column
        .iter()
        .enumerate()
        .filter_map(|(j, c)| Some((j, c.filter(|c| c.hash != PROSE)?.hash)))
        .collect();
    let holders = |v: u64| values.iter().filter(move |(_, h)| *h == v).map(|&(j, _)| j);
    if has_source {
        let source = column.first().copied().flatten()?.hash;
        return (source != PROSE && holders(source).count() >= 2).then_some((source, None));
    }
    let mut distinct: Vec<u64> = values.iter().map(|&(_, h)| h).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let in_page_code: Vec<Reference> = distinct
        .iter()
        .copied()
        .filter_map(|v| {
            holders(v).find_map(|j| {
                let (page, _) = members[j];
                let text = cx.snippet(page, column[j]?.span())?;
                Some((v, Some(code.writes(cx, page, plain(text))?)))
            })
        })
        .collect();
    if let [one] = in_page_code.as_slice() {
        return Some(one.clone());
    }
    let languages = |v: u64| {
        let mut primary: Vec<&str> = holders(v)
            .map(|j| language(cx.locale_key(members[j].0)))
            .collect();
        primary.sort_unstable();
        primary.dedup();
        primary.len()
    };
    let best = distinct.iter().copied().max_by_key(|&v| languages(v))?;
    let tied = distinct
        .iter()
        .any(|&v| v != best && languages(v) == languages(best));
    (languages(best) >= 2 && !tied).then_some((best, None))
}

/// The fenced code of the pages a result set asks about, lower-cased
/// once: a table of thousands of rows asks for each of its cells.
#[derive(Default)]
struct LoweredCode(RefCell<FxHashMap<usize, Vec<(usize, String)>>>);

impl LoweredCode {
    /// How a fenced code block of `page` writes `text` whole, if one
    /// does. Text with a word no block has is not looked for
    /// ([`Context::code_words`]), nor text without an ASCII letter or
    /// digit.
    fn writes(&self, cx: &Context, page: usize, text: &str) -> Option<String> {
        let lowered = text.to_ascii_lowercase();
        let mut runs = lowered
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .peekable();
        runs.peek()?;
        let known = cx.code_words(page);
        if !runs.all(|w| known.contains(w)) {
            return None;
        }
        let source = &cx.site.pages[page].source.text;
        let mut pages = self.0.borrow_mut();
        let blocks = pages.entry(page).or_insert_with(|| {
            cx.site.pages[page]
                .doc
                .facts
                .fenced()
                .filter_map(|t| {
                    let span = t.span();
                    Some((span.start, source.get(span)?.to_ascii_lowercase()))
                })
                .collect()
        });
        blocks.iter().find_map(|(start, code)| {
            let at = word_at(code, &lowered)?;
            source
                .get(start + at.start..start + at.end)
                .map(str::to_owned)
        })
    }
}

/// The language of a locale (`zh` of `zh-tw`), lower-cased as keys are.
fn language(locale: &str) -> &str {
    locale.split(['-', '_']).next().unwrap_or(locale)
}

/// The cells of a result set that differ from their reference, as (row,
/// column, member), on pages that keep at least half of the table's
/// cells that have one or whose query (`same_query`) is another
/// locale's. `cells[r][c]` is row `r`'s column `c`, member by member.
fn odd(
    rows: &[&[Member]],
    cells: &[Vec<Column>],
    references: &[Vec<Option<u64>>],
    same_query: &dyn Fn(Member) -> bool,
) -> Vec<(usize, usize, usize)> {
    // Per page: cells with a reference it has, and those it keeps.
    let mut kept: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut differing = Vec::new();
    for (r, members) in rows.iter().enumerate() {
        for (c, column) in cells[r].iter().enumerate() {
            let Some(value) = references[r][c] else {
                continue;
            };
            for (i, &(page, _)) in members.iter().enumerate() {
                let Some(own) = column[i].filter(|own| own.hash != PROSE) else {
                    continue;
                };
                let entry = kept.entry(page).or_default();
                entry.0 += 1;
                if own.hash == value {
                    entry.1 += 1;
                } else {
                    differing.push((r, c, i));
                }
            }
        }
    }
    differing.retain(|&(r, _, i)| {
        same_query(rows[r][i])
            || kept
                .get(&rows[r][i].0)
                .is_some_and(|&(compared, same)| same * 2 >= compared)
    });
    differing
}

/// One cell of a page that differs from its reference.
struct Odd<'a, 'c> {
    members: &'a [Member],
    column: &'a Column<'c>,
    member: usize,
    value: u64,
    /// How the page's code writes the value, when it is the reference.
    code: Option<&'a str>,
    header: bool,
}

impl Odd<'_, '_> {
    fn own(&self) -> Option<&RowCell> {
        self.column[self.member]
    }

    /// The members whose cell holds the reference.
    fn holders(&self) -> Vec<usize> {
        (0..self.members.len())
            .filter(|&j| self.column[j].is_some_and(|c| c.hash == self.value))
            .collect()
    }

    /// The reference as the page's code writes it, or as most of its
    /// holders do, or as the first of those.
    fn theirs(&self, cx: &Context) -> Option<String> {
        if let Some(code) = self.code {
            return Some(format!("`{code}`"));
        }
        let written: Vec<&str> = self
            .holders()
            .into_iter()
            .filter_map(|j| cx.snippet(self.members[j].0, self.column[j]?.span()))
            .collect();
        let count = |w: &str| written.iter().filter(|x| **x == w).count();
        written
            .iter()
            .rev()
            .max_by_key(|w| count(w))
            .map(|w| format!("`{w}`"))
    }

    /// "`Passeio` where de-de, it-it read `touring`", or, the page's code
    /// the reference, "`Nome` where this page's code writes `Name`, as
    /// de-de, zh-cn do".
    fn said(&self, cx: &Context, page: usize) -> Option<String> {
        let mine = format!("`{}`", cx.snippet(page, self.own()?.span())?);
        let holders = self.holders();
        let theirs = self.theirs(cx)?;
        let locales = cx.locale_labels(holders.iter().map(|&j| self.members[j].0));
        Some(match (self.code, holders.len()) {
            (Some(_), 0) => format!("{mine} where this page's code writes {theirs}"),
            (Some(_), 1) => {
                format!("{mine} where this page's code writes {theirs}, as {locales} does")
            }
            (Some(_), _) => {
                format!("{mine} where this page's code writes {theirs}, as {locales} do")
            }
            (None, 1) => format!("{mine} where {locales} reads {theirs}"),
            (None, _) => format!("{mine} where {locales} read {theirs}"),
        })
    }
}

/// One finding for a page's differing cells of one result set.
fn finding(cx: &Context, page: usize, odd: &[Odd]) -> Option<Finding> {
    let first = odd.first()?;
    let own = first.own()?;
    let query = code_before(cx, first.members[first.member])
        .map_or("the query before it".to_owned(), |at| {
            format!("the query on line {}", cx.line(page, at.span().start))
        });
    let tail = "what a query returns reads the same in every language";
    let reference = first
        .holders()
        .first()
        .map_or(page, |&j| first.members[j].0);
    let otherwise = cx.if_wrong(reference);
    let (message, help) = if let [one] = odd {
        let cell = if one.header {
            "this column name"
        } else {
            "this cell"
        };
        (
            format!(
                "{cell} reads {}, in the result set of {query}: {tail}",
                one.said(cx, page)?
            ),
            format!(
                "a result set shows the query's output, which no translation changes: change `{}` to {}{}; {otherwise}",
                cx.snippet(page, own.span())?,
                one.theirs(cx)?,
                match one.holders().as_slice() {
                    [] => String::new(),
                    holders => format!(
                        ", as in {}",
                        cx.locale_labels(holders.iter().map(|&j| one.members[j].0))
                    ),
                },
            ),
        )
    } else {
        // The same change on several rows is said once, with its lines.
        let mut said: Vec<(String, Vec<usize>)> = Vec::new();
        for o in odd {
            let (Some(text), Some(cell)) = (o.said(cx, page), o.own()) else {
                continue;
            };
            let line = cx.line(page, cell.span().start);
            match said.iter_mut().find(|(t, _)| *t == text) {
                Some((_, lines)) => lines.push(line),
                None => said.push((text, vec![line])),
            }
        }
        let listed: Vec<String> = said
            .into_iter()
            .map(|(text, lines)| match lines.as_slice() {
                [line] => format!("{text} (line {line})"),
                _ => format!("{text} (lines {})", super::line_list(&lines)),
            })
            .collect();
        (
            format!(
                "{} cells of the result set of {query} read otherwise than in the other locales: {}: {tail}",
                odd.len(),
                super::capped_list(&listed)
            ),
            format!(
                "a result set shows the query's output, which no translation changes: write each cell as the other locales do; {otherwise}"
            ),
        )
    };
    let mut result = Finding::warning(
        "translation-cell-mismatch",
        cx.location(page, own.span()),
        message,
    )
    .with_help(help);
    for o in &odd[1..] {
        if let Some(cell) = o.own() {
            result = result.with_related(cx.location(page, cell.span()), "another cell it changed");
        }
    }
    for &j in &first.holders() {
        if let Some(cell) = first.column[j] {
            let p = first.members[j].0;
            result = result.with_related(
                cx.location(p, cell.span()),
                format!("the same cell in {}", cx.locale_key(p)),
            );
        }
    }
    Some(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(hash: u64) -> RowCell {
        RowCell::new(hash, 0..0)
    }

    #[test]
    fn a_page_that_rewrote_the_table_is_not_told() {
        let (x, y, z) = (cell(1), cell(2), cell(3));
        let members: Vec<Member> = vec![(0, 0), (1, 0), (2, 0)];
        let rows: Vec<&[Member]> = vec![&members, &members];
        // Page 2 differs in both cells: it keeps none of the table.
        let cells = vec![
            vec![vec![Some(&x), Some(&x), Some(&z)]],
            vec![vec![Some(&y), Some(&y), Some(&z)]],
        ];
        let references = vec![vec![Some(1)], vec![Some(2)]];
        assert!(odd(&rows, &cells, &references, &|_| false).is_empty());
        // With one cell of two kept, its odd cell is told.
        let cells = vec![
            vec![vec![Some(&x), Some(&x), Some(&x)]],
            vec![vec![Some(&y), Some(&y), Some(&z)]],
        ];
        assert_eq!(odd(&rows, &cells, &references, &|_| false), [(1, 0, 2)]);
    }

    #[test]
    fn a_locale_counts_its_language() {
        assert_eq!(language("zh-tw"), "zh");
        assert_eq!(language("pt-br"), "pt");
        assert_eq!(language("de"), "de");
    }
}
