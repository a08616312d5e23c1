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
//! `пакет управления` (ru-ru) and `Pack d’administration` (fr-fr), `msdb`'s
//! `db` as `base de données` (fr-fr), and rename the columns `name` and
//! `Initial` to `имя` (ru-ru) and `初始` (zh-cn).
//!
//! So, unlike the rest of [`super::cells`], every cell of such a table is
//! compared, its header too, and the evidence is the locales themselves:
//! the value the source locale writes when a translation shares it, else
//! the one value two or more locales share and no other value matches in
//! number. Two languages that translate a cell do not land on the same
//! words, so a value two of them share is the one they kept; four locales
//! writing `mp` in four different translations out-vote nothing. A page is
//! told only where it keeps at least half the table's agreed cells, so a
//! translation that rewrote its sample data throughout (and its query
//! with it) is not.
//!
//! A table shows a result set when its header cells are all words its
//! query writes: the nearest fenced code block before it in the same
//! section, past at most two paragraphs or includes ("Here is the result
//! set.", `[!INCLUDE[ssResult]]`), in at least two locales and half of
//! those compared (a translation may rename a column, as ru-ru does).

use std::collections::BTreeMap;
use std::ops::Range;

use crate::markdown::facts::{PROSE, TokenKind, UnitKind};

use super::Context;
use super::cells::Column;
use super::switches::words;
use super::tokens::Member;

/// Whether the aligned header rows `header` head a result set.
pub(super) fn shows_result(cx: &Context, header: &[Member]) -> bool {
    let queries = header
        .iter()
        .filter(|&&member| matches_query(cx, member))
        .count();
    queries >= 2 && queries * 2 >= header.len()
}

/// Whether the query before header row `member` writes every header cell
/// as a word of its own.
fn matches_query(cx: &Context, member: Member) -> bool {
    let (page, unit) = member;
    let facts = &cx.site.pages[page].doc.facts;
    let Some(header) = facts.units.get(unit) else {
        return false;
    };
    let cells = facts.row_cells(header);
    let Some(text) = code_before(cx, member).and_then(|at| cx.site.pages[page].source.text.get(at))
    else {
        return false;
    };
    if cells.len() < 2 {
        return false;
    }
    let lowered = text.to_ascii_lowercase();
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    cells.iter().all(|cell| {
        let Some(text) = cx.snippet(page, cell.span()) else {
            return false;
        };
        let name = text.trim_matches(|c: char| matches!(c, '*' | '_' | '`' | ' '));
        !name.is_empty()
            && name.bytes().all(is_word)
            && words(&lowered, &name.to_ascii_lowercase(), is_word, is_word)
                .next()
                .is_some()
    })
}

/// The fenced code block just before table row `unit` (see the module
/// doc), as its byte range in the page: the query a result set shows.
pub(super) fn code_before(cx: &Context, (page, unit): Member) -> Option<Range<usize>> {
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
        .map(|t| t.span())
}

/// The value a result set's locales agree on in one cell (see the module
/// doc): the source's, or the one value most locales share, two at least.
pub(super) fn agreed(cells: &Column, has_source: bool) -> Option<u64> {
    let present: Vec<u64> = cells
        .iter()
        .flatten()
        .map(|c| c.hash)
        .filter(|&h| h != PROSE)
        .collect();
    let count = |v: u64| present.iter().filter(|&&h| h == v).count();
    if has_source {
        let source = cells.first().copied().flatten()?.hash;
        return (source != PROSE && count(source) >= 2).then_some(source);
    }
    let best = present.iter().copied().max_by_key(|&v| count(v))?;
    let tied = present
        .iter()
        .any(|&v| v != best && count(v) == count(best));
    (count(best) >= 2 && !tied).then_some(best)
}

/// The cells of a result set that differ from the agreed value, as
/// (row, member) pairs, on pages that keep at least half of the table's
/// agreed cells. `cells[r][c]` is row `r`'s column `c`, member by member.
pub(super) fn odd(
    rows: &[&[Member]],
    cells: &[Vec<Column>],
    agreed: &[Vec<Option<u64>>],
) -> Vec<(usize, usize, usize)> {
    // Per page: agreed cells it has, and those it keeps.
    let mut kept: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut differing = Vec::new();
    for (r, members) in rows.iter().enumerate() {
        for (c, column) in cells[r].iter().enumerate() {
            let Some(value) = agreed[r][c] else { continue };
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
        kept.get(&rows[r][i].0)
            .is_some_and(|&(compared, same)| same * 2 >= compared)
    });
    differing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::facts::RowCell;

    fn cell(hash: u64) -> RowCell {
        RowCell::new(hash, 0..0)
    }

    #[test]
    fn the_value_two_languages_share_wins_over_lone_translations() {
        let (mp, a, b, c) = (cell(1), cell(2), cell(3), cell(4));
        let column: Column = vec![Some(&a), Some(&b), Some(&mp), Some(&mp), Some(&c)];
        assert_eq!(agreed(&column, false), Some(1));
        // A tie tells nothing; nor does one locale alone.
        let tie: Column = vec![Some(&a), Some(&a), Some(&mp), Some(&mp)];
        assert_eq!(agreed(&tie, false), None);
        let lone: Column = vec![Some(&a), Some(&b), Some(&c)];
        assert_eq!(agreed(&lone, false), None);
        // The source decides when a translation shares its value.
        let sourced: Column = vec![Some(&a), Some(&a), Some(&mp), Some(&mp), Some(&mp)];
        assert_eq!(agreed(&sourced, true), Some(2));
        let prose = cell(PROSE);
        let long: Column = vec![Some(&prose), Some(&prose), Some(&a)];
        assert_eq!(agreed(&long, false), None);
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
        let agreed = vec![vec![Some(1)], vec![Some(2)]];
        assert!(odd(&rows, &cells, &agreed).is_empty());
        // With one cell of two kept, its odd cell is told.
        let cells = vec![
            vec![vec![Some(&x), Some(&x), Some(&x)]],
            vec![vec![Some(&y), Some(&y), Some(&z)]],
        ];
        assert_eq!(odd(&rows, &cells, &agreed), [(1, 0, 2)]);
    }
}
