//! `syntax-keyword-mismatch`: a parameters table's first cell that names
//! a keyword its command does not have (`tamaño=<n>`, `máscara <Netmask>`)
//! where the syntax block above the table writes one that no row of the
//! table names (`size=<n>`, `[mask <Netmask>]`): machine translation
//! translated the keyword, which the command takes only as written.
//!
//! The real es-es, zh-cn and zh-tw `create partition primary` (DiskPart)
//! translate `size=` (`tamaño`, `大小`), es-es `offset=` and `id=` too
//! (`desplazamiento`, `ID.`), zh-tw `id=` (`識別碼`); the real de-de,
//! es-es and it-it `route` translate `mask`, `metric` and `if` (`Maske`,
//! `máscara`, `maschera`, ...) in every locale, so that no comparison of
//! translations could tell: the page's own syntax block does.
//!
//! A keyword of the syntax is a word written `name=<value>` or
//! `name={a | b}` (DiskPart, `sc config`'s `type= {own | share}`), or
//! opening a bracket before a placeholder (`[mask <Netmask>]`); values
//! that are no placeholder or choice (`name="x"`, `size=1000`) are an
//! example's, not a syntax's. A cell names a keyword the same two ways.
//! It counts as translated only when its word stands nowhere in the
//! page's code, the table names something of the syntax block (a keyword
//! or a switch: it documents that syntax), and the syntax has a keyword
//! of the same form that no row names: the cell is paired with the one
//! whose value it keeps (`<n>`), else the only one left; where several
//! could be meant, the message names them all.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::{TokenKind, UnitKind};

use super::Context;
use super::and_list;
use super::switches::words;

/// How a keyword and its value are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `size=<n>`, `type= {own | share}`.
    Equals,
    /// `[mask <Netmask>]`.
    Spaced,
}

/// A keyword as the syntax block writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Keyword<'t> {
    /// The keyword as written: `size`.
    name: &'t str,
    /// The keyword with its value, as written: `size=<n>`.
    shown: &'t str,
    /// The value, blanks taken out, lower-cased: `<n>`.
    value: String,
    form: Form,
    /// Byte range of `shown` in the file.
    at: Range<usize>,
}

/// A first cell that names a keyword: its word as written, where that
/// word starts in the cell, the value (as [`Keyword::value`]) and form.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Named<'t> {
    name: &'t str,
    offset: usize,
    value: String,
    form: Form,
}

/// A table of a page: its number, the last code block before it (a byte
/// range of the file), and its first cells (as written, trimmed, and
/// where they start in the file).
type Table<'t> = (u32, Option<Range<usize>>, Vec<(&'t str, usize)>);

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let facts = &page.doc.facts;
        let text = page.source.text.as_str();
        // The code blocks of the page, in order, and each table's first
        // cells (as written, trimmed, with where they start) with the
        // last code block before the table.
        let mut code: Vec<Range<usize>> = Vec::new();
        let mut tables: Vec<Table> = Vec::new();
        for unit in &facts.units {
            match unit.kind {
                UnitKind::Code => code.extend(
                    facts
                        .tokens_of(unit)
                        .iter()
                        .filter(|t| t.kind == TokenKind::Fenced)
                        .map(|t| t.span()),
                ),
                UnitKind::Row {
                    table,
                    header: false,
                } => {
                    let Some(cell) = facts.key(unit) else {
                        continue;
                    };
                    let Some(written) = text.get(cell.span.clone()) else {
                        continue;
                    };
                    let start = cell.span.start + (written.len() - written.trim_start().len());
                    if tables.last().is_none_or(|(t, _, _)| *t != table) {
                        tables.push((table, code.last().cloned(), Vec::new()));
                    }
                    if let Some((_, _, keys)) = tables.last_mut() {
                        keys.push((written.trim(), start));
                    }
                }
                _ => {}
            }
        }
        // The page's code, lower-cased, only for a table that has a
        // cell to look for in it.
        let code_lower = std::cell::OnceCell::new();
        let code_lower = || {
            code_lower
                .get_or_init(|| {
                    code.iter()
                        .filter_map(|span| text.get(span.clone()))
                        .map(str::to_lowercase)
                        .collect::<Vec<String>>()
                })
                .as_slice()
        };
        let mut out = Vec::new();
        for (_, syntax, keys) in &tables {
            let Some(syntax) = syntax else {
                continue;
            };
            let Some(block) = text.get(syntax.clone()) else {
                continue;
            };
            out.extend(translated(cx, p, (block, syntax.start), keys, &code_lower));
        }
        out
    })
}

/// The findings for one table's first cells `keys`, given the syntax
/// block above it (its text and where it starts in the file) and the
/// page's code, lower-cased.
fn translated<'a>(
    cx: &Context,
    page: usize,
    (block, base): (&str, usize),
    keys: &[(&str, usize)],
    code: &dyn Fn() -> &'a [String],
) -> Vec<Finding> {
    let syntax = keywords(block, base);
    if syntax.is_empty() {
        return Vec::new();
    }
    let block_lower = block.to_lowercase();
    let firsts: Vec<&str> = keys.iter().map(|(key, _)| first_word(key).1).collect();
    let names = |word: &str, text: &str| {
        words(
            text,
            word,
            |c| c.is_ascii_alphanumeric() || c == b'/' || c == b'-',
            |c| c.is_ascii_alphanumeric() || c == b'-',
        )
        .next()
        .is_some()
    };
    let mut unnamed: Vec<&Keyword> = Vec::new();
    for keyword in &syntax {
        let named = firsts
            .iter()
            .any(|word| word.eq_ignore_ascii_case(keyword.name));
        if !named
            && !unnamed
                .iter()
                .any(|k| k.name.eq_ignore_ascii_case(keyword.name))
        {
            unnamed.push(keyword);
        }
    }
    // The table documents this syntax: one of its first cells starts
    // with a word the block writes (a keyword, a switch).
    let documents = keys.iter().any(|(key, _)| {
        let first = key
            .trim_start_matches(['`', '*', '\\'])
            .split(|c: char| c.is_whitespace() || matches!(c, '=' | '`' | '*' | '\\'))
            .next()
            .unwrap_or_default()
            .to_lowercase();
        first.len() >= 2 && names(&first, &block_lower)
    });
    if unnamed.is_empty() || !documents {
        return Vec::new();
    }
    let strays: Vec<(Named, usize)> = keys
        .iter()
        .filter_map(|&(key, start)| Some((named(key)?, start)))
        .filter(|(cell, _)| {
            let lower = cell.name.to_lowercase();
            !syntax
                .iter()
                .any(|k| k.name.eq_ignore_ascii_case(cell.name))
                && !code().iter().any(|c| names(&lower, c))
        })
        .collect();
    // Pair each stray cell with the unnamed keyword whose value it keeps
    // when it is the only one; where several keep it (DiskPart's many
    // `<n>`), the message names them all rather than guess by the order
    // of the rows. A cell keeping no value is paired with what is left.
    let mut pairs: Vec<(&(Named, usize), Vec<&Keyword>)> = Vec::new();
    let mut left: Vec<&(Named, usize)> = Vec::new();
    for stray in &strays {
        let keeping: Vec<&Keyword> = unnamed
            .iter()
            .copied()
            .filter(|k| k.form == stray.0.form && same_value(&k.value, &stray.0.value))
            .collect();
        if keeping.is_empty() {
            left.push(stray);
        } else {
            pairs.push((stray, keeping));
        }
    }
    let claimed = |k: &Keyword| pairs.iter().any(|(_, m)| m.len() == 1 && m[0] == k);
    let free: Vec<&Keyword> = unnamed.iter().copied().filter(|k| !claimed(k)).collect();
    for stray in left {
        let candidates: Vec<&Keyword> = free
            .iter()
            .copied()
            .filter(|k| k.form == stray.0.form)
            .collect();
        if !candidates.is_empty() {
            pairs.push((stray, candidates));
        }
    }
    pairs
        .into_iter()
        .map(|((cell, start), meant)| finding(cx, page, cell, start + cell.offset, &meant))
        .collect()
}

fn finding(cx: &Context, page: usize, cell: &Named, at: usize, meant: &[&Keyword]) -> Finding {
    let shown: Vec<String> = meant.iter().map(|k| format!("`{}`", k.shown)).collect();
    let syntax = cx.location(page, meant[0].at.clone());
    let (which, help) = match meant {
        [one] => (
            "which no row of this table names".to_owned(),
            format!(
                "write `{}`, as the syntax does: commands take their keywords only as written",
                one.name
            ),
        ),
        _ => (
            "none of which a row of this table names".to_owned(),
            "write the keyword of the syntax this row describes: commands take their keywords only as written".to_owned(),
        ),
    };
    let mut finding = Finding::warning(
        "syntax-keyword-mismatch",
        cx.location(page, at..at + cell.name.len()),
        format!(
            "`{}` is no keyword of this command: its syntax (line {}) writes {}, {which}; machine translation translates keywords",
            cell.name,
            syntax.line,
            and_list(&shown)
        ),
    )
    .with_help(help);
    for keyword in meant {
        finding = finding.with_related(
            cx.location(page, keyword.at.clone()),
            format!("the syntax writes `{}` here", keyword.shown),
        );
    }
    finding
}

/// Whether a cell's value and a keyword's are the same, or one is cut
/// short of the other (a `|` outside code ends the cell, as in
/// `{ <byte> | <guid> }` written bare).
fn same_value(keyword: &str, cell: &str) -> bool {
    cell.len() >= 2 && (keyword.starts_with(cell) || cell.starts_with(keyword))
}

/// The keywords a syntax block writes, `block` starting at byte `base` of
/// the file.
fn keywords(block: &str, base: usize) -> Vec<Keyword<'_>> {
    let bytes = block.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts =
            bytes[i].is_ascii_alphabetic() && (i == 0 || b" \t\r\n[{(|".contains(&bytes[i - 1]));
        if !starts {
            i += 1;
            continue;
        }
        let end = i + bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
            .count();
        let rest = &block[end..];
        let found = if let Some(after) = rest.strip_prefix('=') {
            let value = after.trim_start_matches([' ', '\t']);
            Some((Form::Equals, end + (rest.len() - value.len())))
        } else if i > 0 && bytes[i - 1] == b'[' && rest.starts_with(" <") {
            Some((Form::Spaced, end + 1))
        } else {
            None
        };
        if let Some((form, from)) = found
            && let Some((value, len)) = value_at(&block[from..])
        {
            out.push(Keyword {
                name: &block[i..end],
                shown: &block[i..from + len],
                value,
                form,
                at: base + i..base + from + len,
            });
        }
        i = end.max(i + 1);
    }
    out
}

/// A syntax's value at the start of `text`: a placeholder (`<n>`, also
/// quoted, `"<label>"`) or a choice (`{own | share}`), blanks taken out
/// and lower-cased, and its length as written.
fn value_at(text: &str) -> Option<(String, usize)> {
    let quoted = usize::from(text.starts_with('"'));
    let rest = &text[quoted..];
    let close = match rest.chars().next()? {
        '<' => '>',
        '{' => '}',
        _ => return None,
    };
    let len = rest.find(close)? + 1;
    let value: String = rest[..len]
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    Some((
        value,
        quoted + len + usize::from(quoted == 1 && rest[len..].starts_with('"')),
    ))
}

/// A first cell's first word, Markdown's `` ` `` and `*` before it
/// skipped, and where it starts: up to a blank, `=`, `\\`, `<`, `` ` ``
/// or `*`.
fn first_word(cell: &str) -> (usize, &str) {
    let trimmed = cell.trim_start_matches(['`', '*']);
    let len = trimmed
        .find(|c: char| c.is_whitespace() || matches!(c, '=' | '\\' | '<' | '`' | '*'))
        .unwrap_or(trimmed.len());
    (cell.len() - trimmed.len(), &trimmed[..len])
}

/// The keyword a first cell names, written `word=value` or `word <value>`
/// (Markdown's `\`, `` ` `` and `*` around them do not count), if its word
/// is one: a letter, then letters, digits, `.`, `-` or `_`.
fn named(cell: &str) -> Option<Named<'_>> {
    let (offset, name) = first_word(cell);
    let trimmed = &cell[offset..];
    let len = name.len();
    let mut chars = name.chars();
    if !chars.next()?.is_alphabetic()
        || !chars.all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        || name.len() > 40
    {
        return None;
    }
    let plain: String = trimmed[len..]
        .chars()
        .filter(|c| !matches!(c, '\\' | '`' | '*'))
        .collect();
    let after = plain.trim_start();
    let (form, value) = if let Some(value) = after.strip_prefix('=') {
        (Form::Equals, value.trim_start())
    } else if after.len() < plain.len() && after.starts_with('<') {
        (Form::Spaced, after)
    } else {
        return None;
    };
    let value = match value_at(value) {
        Some((value, _)) => value,
        // Cut short: a `|` outside code ends the cell (`{ <byte> | <guid> }`
        // written bare).
        None => value
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect(),
    };
    Some(Named {
        name,
        offset,
        value,
        form,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_writes_keywords_with_placeholders_or_choices() {
        let block = "create partition primary [size=<n>] [offset=<n>] [id={ <byte> | <guid> }] [noerr]\n\
                     route [/f] [<Command> [mask <Netmask>] [if <Interface>]]\n\
                     sc config [type= {own | share}] [name=\"x\"] size=1000 $x=<y>";
        let all = keywords(block, 0);
        let found: Vec<(&str, &str, Form)> = all
            .iter()
            .map(|k| (k.name, k.value.as_str(), k.form))
            .collect();
        assert_eq!(
            found,
            [
                ("size", "<n>", Form::Equals),
                ("offset", "<n>", Form::Equals),
                ("id", "{<byte>|<guid>}", Form::Equals),
                ("mask", "<netmask>", Form::Spaced),
                ("if", "<interface>", Form::Spaced),
                ("type", "{own|share}", Form::Equals),
            ]
        );
        let shown: Vec<&str> = all.iter().map(|k| k.shown).collect();
        assert_eq!(shown[2], "id={ <byte> | <guid> }");
        assert_eq!(shown[3], "mask <Netmask>");
    }

    #[test]
    fn a_cell_names_a_keyword_by_its_first_word() {
        let cell = |text| named(text).map(|n| (n.name, n.value, n.form));
        assert_eq!(
            cell("tamaño =`<n>`"),
            Some(("tamaño", "<n>".to_owned(), Form::Equals))
        );
        assert_eq!(
            cell("ID. = { `<byte>"),
            Some(("ID.", "{<byte>".to_owned(), Form::Equals))
        );
        assert_eq!(
            cell("máscara \\<máscara de red >"),
            Some(("máscara", "<máscaradered>".to_owned(), Form::Spaced))
        );
        assert_eq!(cell("/h \\<MaximumHops >"), None);
        assert_eq!(cell("\\<Command>"), None);
        assert_eq!(cell("noerr"), None);
        assert_eq!(cell("Especifica el tamaño"), None);
    }
}
