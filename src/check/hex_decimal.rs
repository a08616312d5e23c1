//! `hex-decimal-mismatch`: a table row whose decimal value is not its
//! hexadecimal code.
//!
//! Error code tables often give each code twice, in hexadecimal and in
//! decimal (`| 0x87D1041C | -2016345060 |`), since logs and consoles write
//! one or the other and readers search for what they have. A row copied
//! from the one above and then edited keeps the old decimal: Intune's
//! real "App installation error reference" (`tests/data/real-intune/`)
//! lists `0x80073CF3` as `-2147009296`, the decimal of `0x80073CF0` in
//! the row above, in its source and so in every translation. No
//! comparison of translations shows that, and no link checker looks; the
//! page's own other rows do.
//!
//! A pair of columns is a code and its decimal value when at least three
//! rows give a hexadecimal code in one and a number in the other that is
//! its value (unsigned, or signed at the code's width: 8, 16, 32 or 64
//! bits, as `-2016345060` is `0x87D1041C` as a 32-bit HRESULT), and at
//! most a third of the rows that give both disagree. A column of Win32
//! error numbers beside HRESULTs (`| 0x80070005 | 5 |`) matches in no row
//! and is no such pair. Cells count when they hold nothing else than the
//! value, in bold, italics, a code span or a link's text (`**0x1F**`).
//!
//! Neither cell says which one is wrong. When the written decimal is the
//! value of another row's code in the same column, the row was copied and
//! its decimal left behind: the finding then carries the right decimal as
//! a fix. Otherwise it proposes one, for another rule to confirm
//! (`merge.rs`): a translation's typo in the decimal is also a token
//! mismatch with the other locales.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::tokens;

use super::Context;

/// What a cell holds, when it holds one value and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    /// A hexadecimal code and how many digits it is written with.
    Hex {
        value: u64,
        digits: u8,
    },
    Decimal(i128),
}

/// A value of a row: its column, what it is, and where its text is in
/// the file (markers around it excluded).
#[derive(Debug, Clone)]
struct Held {
    column: usize,
    value: Value,
    span: Range<usize>,
}

/// A body row of a table: the values its cells hold.
struct Row {
    values: Vec<Held>,
}

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let facts = &page.doc.facts;
        let text = page.source.text.as_str();
        let mut tables: BTreeMap<u32, Vec<Row>> = BTreeMap::new();
        for unit in &facts.units {
            let Some(table) = unit.kind.body_row() else {
                continue;
            };
            // Most rows hold no hexadecimal code: their cells are not
            // parsed. (The tokens would not tell: codes of fewer than
            // four digits, `0x1F`, are none.)
            let cells = facts.row_cells(unit);
            let row = match (cells.first(), cells.last()) {
                (Some(first), Some(last)) => text.get(first.span().start..last.span().end),
                _ => None,
            };
            let coded = row.is_some_and(|row| {
                let bytes = row.as_bytes();
                memchr::memchr_iter(b'0', bytes)
                    .any(|at| bytes.get(at + 1).is_some_and(|&b| b | 0x20 == b'x'))
            });
            let values: Vec<Held> = if coded {
                cells
                    .iter()
                    .enumerate()
                    .filter_map(|(column, cell)| {
                        let span = cell.span();
                        let (value, within) = parse(text.get(span.clone())?)?;
                        Some(Held {
                            column,
                            value,
                            span: span.start + within.start..span.start + within.end,
                        })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            tables.entry(table).or_default().push(Row { values });
        }
        let mut out = Vec::new();
        for rows in tables.values() {
            for (hex_column, decimal_column) in pairs(rows) {
                out.extend(mismatches(cx, p, rows, hex_column, decimal_column));
            }
        }
        out
    })
}

/// The (code column, decimal column) pairs of a table: three rows or
/// more agree, and at most a third of those that give both disagree.
fn pairs(rows: &[Row]) -> Vec<(usize, usize)> {
    let mut counts: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
    for row in rows {
        for (hex, decimal) in both(row) {
            let count = counts.entry((hex.column, decimal.column)).or_default();
            if agree(hex.value, decimal.value) {
                count.0 += 1;
            } else {
                count.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (agreeing, disagreeing))| agreeing >= 3 && disagreeing * 2 <= agreeing)
        .map(|(pair, _)| pair)
        .collect()
}

/// Each (code, number) pair of cells of `row`, code first.
fn both(row: &Row) -> impl Iterator<Item = (&Held, &Held)> {
    row.values.iter().flat_map(move |hex| {
        row.values.iter().filter_map(move |decimal| {
            (matches!(hex.value, Value::Hex { .. }) && matches!(decimal.value, Value::Decimal(_)))
                .then_some((hex, decimal))
        })
    })
}

/// The cells of `row` in `column`.
fn at(row: &Row, column: usize) -> Option<&Held> {
    row.values.iter().find(|h| h.column == column)
}

fn mismatches(
    cx: &Context,
    p: usize,
    rows: &[Row],
    hex_column: usize,
    decimal_column: usize,
) -> Vec<Finding> {
    let mut out = Vec::new();
    // Signed when the column writes any value so.
    let signed = rows.iter().any(|row| {
        at(row, decimal_column).is_some_and(|d| matches!(d.value, Value::Decimal(v) if v < 0))
    });
    for row in rows {
        let (Some(hex), Some(decimal)) = (at(row, hex_column), at(row, decimal_column)) else {
            continue;
        };
        let (Value::Hex { value, digits }, Value::Decimal(written)) = (hex.value, decimal.value)
        else {
            continue;
        };
        if agree(hex.value, decimal.value) {
            continue;
        }
        let (Some(code), Some(number)) = (
            cx.snippet(p, hex.span.clone()),
            cx.snippet(p, decimal.span.clone()),
        ) else {
            continue;
        };
        let right = {
            let value = decimal_of(value, digits, signed);
            let sign = if value < 0 { "-" } else { "" };
            format!("{sign}{}", grouped(value.abs(), number))
        };
        // The row whose code the written number is, if the table has one.
        let source = rows.iter().find_map(|other| {
            let h = at(other, hex_column)?;
            (h.span != hex.span && agree(h.value, decimal.value)).then_some(h)
        });
        let repeated = rows.iter().any(|other| {
            at(other, hex_column).is_some_and(|h| h.span != hex.span && h.value == hex.value)
        });
        let location = cx.location(p, decimal.span.clone());
        let mut finding = Finding::error(
            "hex-decimal-mismatch",
            location,
            format!("`{number}` is not the decimal value of `{code}`, which is {right}"),
        );
        let edit = digits_edit(cx, p, decimal.span.clone(), number, &right);
        match source.and_then(|h| Some((h, cx.snippet(p, h.span.clone())?))) {
            Some((h, other)) => {
                let line = cx.line(p, h.span.start);
                finding = finding
                    .with_related(
                        cx.location(p, h.span.clone()),
                        format!("`{number}` is the decimal value of `{other}`"),
                    )
                    .with_help(format!(
                        "`{number}` belongs to line {line}, whose row this one was likely copied from: write {right}"
                    ));
                // A copied row whose code was edited and whose number was
                // not: the code is its own, the number the other row's.
                if !repeated {
                    finding = finding.with_fix(edit);
                } else {
                    finding = finding.with_proposal(edit);
                }
            }
            None => {
                let meant = hex_of(written, digits, code)
                    .map(|h| format!(", and `{number}` is `{h}`"))
                    .unwrap_or_default();
                finding = finding
                    .with_help(format!(
                        "the table's other rows give each code's decimal value in this column: correct whichever of the two is wrong (`{code}` is {right}{meant})"
                    ))
                    .with_proposal(edit);
            }
        }
        out.push(finding);
    }
    out
}

/// The edit that writes `right` for `number` (at `span`): the digits
/// alone when the sign stays, as a token comparison proposes the same
/// correction (`merge.rs` makes two agreeing proposals a fix).
fn digits_edit(
    cx: &Context,
    p: usize,
    span: Range<usize>,
    number: &str,
    right: &str,
) -> Option<crate::diagnostic::Edit> {
    let sign = |s: &str| s.chars().next().filter(|c| matches!(c, '-' | '\u{2212}'));
    match (sign(number), sign(right)) {
        (Some(written), Some(_)) => {
            let width = written.len_utf8();
            cx.edit(p, span.start + width..span.end, right[1..].to_owned())
        }
        _ => cx.edit(p, span, right.to_owned()),
    }
}

/// Whether `decimal` is the value of code `hex`: unsigned, or signed at
/// a width the code fits (8, 16, 32 or 64 bits).
fn agree(hex: Value, decimal: Value) -> bool {
    let (Value::Hex { value, .. }, Value::Decimal(decimal)) = (hex, decimal) else {
        return false;
    };
    let value = i128::from(value);
    decimal == value
        || [8u32, 16, 32, 64]
            .iter()
            .any(|&bits| signed(value, bits) == Some(decimal))
}

/// `value` read as a signed number of `bits` bits, when that is negative
/// (its top bit set, no bit above).
pub(super) fn signed(value: i128, bits: u32) -> Option<i128> {
    let top = 1i128 << bits;
    (value < top && value >= top / 2).then(|| value - top)
}

/// The width in bits a code written with `digits` hexadecimal digits has.
pub(super) fn width(digits: u8) -> u32 {
    match digits {
        0..=2 => 8,
        3..=4 => 16,
        5..=8 => 32,
        _ => 64,
    }
}

/// `value`'s digits (not negative), grouped by threes with the separator
/// `like` uses (none if it uses none), in the digits it writes: a number
/// suggested in the form of the one it replaces (`2,278,622,236`).
pub(super) fn grouped(value: i128, like: &str) -> String {
    let plain = value.to_string();
    let separator = like
        .trim_start_matches(['-', '\u{2212}'])
        .chars()
        .find(|c| !c.is_ascii_digit() && tokens::digit_value(*c).is_none());
    let text = match separator {
        Some(s) => {
            let mut out = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i).is_multiple_of(3) {
                    out.push(s);
                }
                out.push(c);
            }
            out
        }
        None => plain,
    };
    tokens::digits_like(&text, like)
}

/// The decimal value of code `value`, signed at its width when the
/// column is signed.
fn decimal_of(value: u64, digits: u8, signed: bool) -> i128 {
    let value = i128::from(value);
    signed
        .then(|| self::signed(value, width(digits)))
        .flatten()
        .unwrap_or(value)
}

/// The code that `decimal` is the value of, written with `digits` digits
/// in the letter case of `like`, if it fits.
fn hex_of(decimal: i128, digits: u8, like: &str) -> Option<String> {
    let top = 1i128 << width(digits);
    let value = if decimal < 0 { decimal + top } else { decimal };
    if !(0..top).contains(&value) {
        return None;
    }
    let digits = usize::from(digits);
    let prefix = like.get(..2).unwrap_or("0x");
    let upper = like.chars().skip(2).any(|c| c.is_ascii_uppercase());
    Some(if upper {
        format!("{prefix}{value:0digits$X}")
    } else {
        format!("{prefix}{value:0digits$x}")
    })
}

/// The value `cell` (a cell's text as written) holds, and where in it,
/// when it holds nothing else: a code or a number, trimmed, in bold,
/// italics, a code span or a link's text.
fn parse(cell: &str) -> Option<(Value, Range<usize>)> {
    let within = super::cell_value(cell);
    let value = cell.get(within.clone())?;
    Some((hex(value).or_else(|| decimal(value))?, within))
}

/// `text` as a hexadecimal code, `0x` and up to 16 digits: its value and
/// how many digits it is written with.
pub(super) fn hex_value(text: &str) -> Option<(u64, u8)> {
    match hex(text)? {
        Value::Hex { value, digits } => Some((value, digits)),
        Value::Decimal(_) => None,
    }
}

/// `text` as a whole number, as [`decimal`] reads it.
pub(super) fn decimal_value(text: &str) -> Option<i128> {
    match decimal(text)? {
        Value::Decimal(value) => Some(value),
        Value::Hex { .. } => None,
    }
}

/// `text` as a hexadecimal code, `0x` and up to 16 digits.
fn hex(text: &str) -> Option<Value> {
    let digits = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))?;
    if digits.is_empty() || digits.len() > 16 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some(Value::Hex {
        value: u64::from_str_radix(digits, 16).ok()?,
        digits: u8::try_from(digits.len()).ok()?,
    })
}

/// `text` as a whole number, with a sign or not, its digits ASCII or a
/// locale's own, grouped by threes or not (`-2,016,345,060`).
fn decimal(text: &str) -> Option<Value> {
    let (negative, digits) = match text.chars().next()? {
        '-' | '\u{2212}' => (true, &text[text.chars().next()?.len_utf8()..]),
        _ => (false, text),
    };
    let (mut value, mut count, mut group, mut grouped) = (0i128, 0, 0, false);
    for c in digits.chars() {
        if let Some(d) = tokens::digit_value(c) {
            value = value * 10 + i128::from(d);
            count += 1;
            group += 1;
            if count > 20 {
                return None;
            }
        } else if matches!(
            c,
            ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '\'' | '\u{66c}'
        ) {
            if group == 0 || group > 3 || (grouped && group != 3) {
                return None;
            }
            grouped = true;
            group = 0;
        } else {
            return None;
        }
    }
    if count == 0 || (grouped && group != 3) {
        return None;
    }
    Some(Value::Decimal(if negative { -value } else { value }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_suggested_as_the_cell_writes_them() {
        assert_eq!(grouped(2016345060, "2016330908"), "2016345060");
        assert_eq!(grouped(2278622236, "2,278,636,388"), "2,278,622,236");
        assert_eq!(
            grouped(2147958003, "-2\u{a0}147\u{a0}958\u{a0}000"),
            "2\u{a0}147\u{a0}958\u{a0}003"
        );
        assert_eq!(grouped(42, "\u{661}\u{662}"), "\u{664}\u{662}");
    }

    #[test]
    fn cells_hold_one_value_or_none() {
        fn v(s: &str) -> Option<(Value, &str)> {
            parse(s).map(|(v, r)| (v, &s[r]))
        }
        assert_eq!(
            v(" 0x87D1041C  "),
            Some((
                Value::Hex {
                    value: 0x87D1041C,
                    digits: 8
                },
                "0x87D1041C"
            ))
        );
        assert_eq!(
            v(" **`-2016345060`** "),
            Some((Value::Decimal(-2016345060), "-2016345060"))
        );
        assert_eq!(
            v("[0x1F](#x)"),
            Some((
                Value::Hex {
                    value: 31,
                    digits: 2
                },
                "0x1F"
            ))
        );
        assert_eq!(
            v("2\u{a0}278\u{a0}622\u{a0}236"),
            Some((Value::Decimal(2278622236), "2\u{a0}278\u{a0}622\u{a0}236"))
        );
        assert_eq!(v("١٦٠٣"), Some((Value::Decimal(1603), "١٦٠٣")));
        for none in [
            "1.5",
            "12,34",
            "0x",
            "0xG1",
            "5 (ERROR_ACCESS_DENIED)",
            "",
            "-",
            "**",
        ] {
            assert_eq!(v(none), None, "{none}");
        }
    }

    #[test]
    fn a_number_is_a_code_unsigned_or_signed_at_its_width() {
        let hex = |value, digits| Value::Hex { value, digits };
        assert!(agree(hex(0x87D1041C, 8), Value::Decimal(-2016345060)));
        assert!(agree(hex(0x87D1041C, 8), Value::Decimal(2278622236)));
        assert!(agree(hex(0xFFFF, 4), Value::Decimal(-1)));
        assert!(agree(hex(5, 8), Value::Decimal(5)));
        assert!(!agree(hex(0x80073CF3, 8), Value::Decimal(-2147009296)));
        assert!(!agree(hex(0x80070005, 8), Value::Decimal(5)));
        assert_eq!(decimal_of(0x80073CF3, 8, true), -2147009293);
        assert_eq!(decimal_of(0x80073CF3, 8, false), 2147958003);
        assert_eq!(
            hex_of(-2147009296, 8, "0x80073CF3").as_deref(),
            Some("0x80073CF0")
        );
        assert_eq!(hex_of(31, 4, "0x00ff").as_deref(), Some("0x001f"));
    }
}
