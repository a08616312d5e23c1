//! Command switches in the first column of a table, the part of
//! `translation-token-mismatch` that machine translation needs.
//!
//! Command references list their switches in a table (`|/displaydns|...|`,
//! `|-Name|...|`). Switches are plain text, not code, and machine
//! translation mangles them: real Windows Server pages come back with
//! `comando/displaydns`, or `> \<del adaptador de/showclassid` for
//! `/showclassid \<Adapter>` (`tests/data/real/`). Often several locales
//! mangle the same row, so a majority vote would blame the one page that
//! kept it. Who is wrong is told by what each page says itself instead:
//! a row is flagged when its first cell lacks a switch that the same row
//! has in another locale *and* its own page names elsewhere (the syntax
//! block, an example), as a word, or the cell itself writes apart from
//! its mark ([`super::lost_switches`]). Rows without codes are aligned by
//! their order, so only rows at the same place of tables as long count as
//! the same row. In the same rows, a description that lost a
//! mention of a switch (`**-**` for `**-a**`) is a warning on the same
//! evidence: translators may rephrase a mention away (in paragraphs and
//! list items: [`super::switch_mentions`]). Switches compare without case
//! (`/Release` is `/release`), as Windows reads them. A switch that every
//! locale lost leaves nothing to compare: [`super::bare_switches`] finds
//! it in the table alone, a bare word among switches.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;

use super::switch_mentions::{Lost, not_mentioned};
use super::tokens::Member;
use super::{Context, lost_switches};

/// The switches a first cell starts a word with: `/name`, `-Name`,
/// `--name`, `/-y`, `/?`, and one-letter switches written together
/// (`/t/c/l/q`, as `dir /s/b` takes them and Chinese translations write
/// them). Byte ranges in `cell`. A `/name/` is a path, not a switch. The
/// mark may be escaped (`\/EHs`), as older localized pages write it.
pub fn in_cell(cell: &str) -> Vec<Range<usize>> {
    let bytes = cell.as_bytes();
    let mut out = Vec::new();
    // Asked of every paragraph too (`switch_mentions`): jump between the
    // two bytes a switch starts with.
    for i in memchr::memchr2_iter(b'/', b'-', bytes) {
        let b = bytes[i];
        let boundary = |at: usize| {
            at == 0 || {
                let before = bytes[at - 1];
                if before < 0x80 {
                    before.is_ascii_whitespace() || b"[](|*_".contains(&before)
                } else {
                    // Chinese and Japanese write no space before a switch
                    // (`使用/clr`, `（/clr`): their characters and their
                    // punctuation start one; a Latin letter does not
                    // (`Sí/No`), nor a quotation mark, as `"` does not
                    // (`„/z`: machine translation's debris).
                    cell[..at].chars().next_back().is_some_and(|c| {
                        (!c.is_alphanumeric() && !"“”„«»‘’‚‹›".contains(c)) || c as u32 >= 0x2E80
                    })
                }
            }
        };
        // Older localized pages escape the mark (`[\/EHs](...)`,
        // `**\-a**`); the switch is what a reader sees, from the mark on.
        let starts_word = boundary(i) || (bytes[i - 1] == b'\\' && boundary(i - 1));
        if !starts_word {
            continue;
        }
        if let Some(run) = letters_together(bytes, i) {
            out.extend(run);
            continue;
        }
        // `/-y` turns `/y` off, `--name` is a long option: the name may
        // start after a second character.
        let name = if bytes.get(i + 1) == Some(&b'-') {
            i + 2
        } else {
            i + 1
        };
        let end = if b == b'/' && bytes.get(i + 1) == Some(&b'?') {
            i + 2
        } else if bytes.get(name).is_some_and(u8::is_ascii_alphabetic) {
            name_end(bytes, name)
        } else {
            continue;
        };
        let after = bytes.get(end).copied();
        if after.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'/' || c == b'?') {
            continue;
        }
        out.push(i..end);
    }
    out
}

/// Where a switch's name that starts at `at` ends: letters, digits and
/// hyphens, and the typographic dashes word processors put for a hyphen
/// (`/act–type`, an en dash, in the real `slmgr` page and its translations)
/// when a letter or digit follows.
fn name_end(bytes: &[u8], mut at: usize) -> usize {
    loop {
        match bytes.get(at) {
            Some(c) if c.is_ascii_alphanumeric() || *c == b'-' => at += 1,
            Some(0xE2)
                if bytes.get(at + 1) == Some(&0x80)
                    && bytes.get(at + 2).is_some_and(|c| (0x90..=0x93).contains(c))
                    && bytes.get(at + 3).is_some_and(u8::is_ascii_alphanumeric) =>
            {
                at += 3;
            }
            _ => return at,
        }
    }
}

/// A switch as compared: without case, as Windows reads it, and with a
/// hyphen for the typographic dashes [`name_end`] takes.
pub(super) fn switch_key(written: &str) -> String {
    let lower = written.to_ascii_lowercase();
    if lower.is_ascii() {
        return lower;
    }
    lower.replace(['\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}'], "-")
}

/// `/t/c/l/q` at `i`: two or more one-letter switches written together,
/// ending where no letter, digit or `/` follows. A path's segments are
/// longer (`/etc/hosts`).
fn letters_together(bytes: &[u8], i: usize) -> Option<Vec<Range<usize>>> {
    let mut run = Vec::new();
    let mut at = i;
    while bytes.get(at) == Some(&b'/')
        && bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
        && bytes
            .get(at + 2)
            .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'-')
    {
        run.push(at..at + 2);
        at += 2;
    }
    let ends = bytes.get(at).is_none_or(|c| *c != b'/' && *c != b'?');
    (run.len() >= 2 && ends).then_some(run)
}

/// Per switch (lower-cased), where a page names it ([`named_in`]).
pub(super) type Named = rustc_hash::FxHashMap<Box<str>, std::sync::Arc<[Range<usize>]>>;

/// Where page `page` names `switch` (lower-cased) as a word outside
/// `skip` ([`named_in`]). Each aligned block of a page may ask for the
/// same switch, so the places are found once per page and switch: a page
/// of thousands of rows that never names a switch their counterparts
/// mention was read through once per row.
pub(super) fn named_elsewhere(
    cx: &Context,
    page: usize,
    switch: &str,
    skip: &Range<usize>,
) -> Option<Range<usize>> {
    let places = {
        let mut named = cx.named[page].lock().unwrap_or_else(|e| e.into_inner());
        match named.get(switch) {
            Some(places) => places.clone(),
            None => {
                let places: std::sync::Arc<[Range<usize>]> =
                    named_in(cx.lowered(page), switch).collect();
                named.insert(switch.into(), places.clone());
                places
            }
        }
    };
    places.iter().find(|at| !skip.contains(&at.start)).cloned()
}

/// Where a page (`lower`, its text lower-cased: [`Context::lowered`])
/// names `switch` (lower-cased) as a word. Not in an HTML end tag: the
/// `</a>` of every `<a name>` heading is no mention of `/a` (the real
/// `shutdown` page's syntax is what names it).
fn named_in<'t>(lower: &'t str, switch: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
    words(
        lower,
        switch,
        |c| c.is_ascii_alphanumeric() || c == b'/' || c == b'-' || c == b'<',
        |c| c.is_ascii_alphanumeric() || c == b'-',
    )
}

/// The places `needle` stands in `lowered` (both lower-cased) as a word
/// of its own: after no byte that `joins_before`, before none that
/// `joins_after`. Byte ranges in `lowered`. What counts as a word's
/// neighbour differs by use: a switch's mark may not precede a name
/// looked for as prose, a `-` never follows a whole switch.
pub(super) fn words<'t>(
    lowered: &'t str,
    needle: &'t str,
    joins_before: impl Fn(u8) -> bool + 't,
    joins_after: impl Fn(u8) -> bool + 't,
) -> impl Iterator<Item = Range<usize>> + 't {
    let bytes = lowered.as_bytes();
    lowered
        .match_indices(needle)
        .map(move |(at, _)| at..at + needle.len())
        .filter(move |at| {
            !at.start
                .checked_sub(1)
                .is_some_and(|b| joins_before(bytes[b]))
                && !bytes.get(at.end).is_some_and(|&b| joins_after(b))
        })
}

/// A switch as found: lower-cased, as written, its byte range in the file.
pub(super) type Switch<'a> = (String, &'a str, Range<usize>);

/// A first cell of one member: its byte range in the file, its switches
/// (lower-cased, as written, byte range in the file), and its row's place
/// in its table (index among the body rows, their number), which
/// [`missing`] fills in only for rows where some locale has a switch.
pub(super) struct KeyCell<'a> {
    pub(super) span: Range<usize>,
    pub(super) switches: Vec<Switch<'a>>,
    pub(super) row: (usize, usize),
}

fn key_cell<'a>(cx: &Context<'a>, (page, unit): Member) -> Option<KeyCell<'a>> {
    let facts = &cx.site.pages[page].doc.facts;
    let unit = &facts.units[unit];
    if !matches!(unit.kind, UnitKind::Row { header: false, .. }) {
        return None;
    }
    let span = facts.key(unit)?.span.clone();
    let text = &cx.site.pages[page].source.text;
    // The parser's span, checked rather than trusted before slicing.
    text.get(span.clone())?;
    Some(KeyCell {
        switches: switches_in(text, span.clone()),
        span,
        row: (0, 0),
    })
}

/// Where unit `index` of `page` stands among its table's body rows:
/// (its index, their number).
fn row_place(cx: &Context, (page, index): Member) -> (usize, usize) {
    let units = &cx.site.pages[page].doc.facts.units;
    let kind = units[index].kind;
    let rows = || {
        units
            .iter()
            .enumerate()
            .filter(move |(_, u)| u.kind == kind)
    };
    (
        rows().take_while(|(i, _)| *i < index).count(),
        rows().count(),
    )
}

/// The findings for one aligned table row: each member whose first cell
/// has no switch while another member's has one that its own page names.
pub fn missing(cx: &Context, members: &[Member]) -> Vec<Finding> {
    // Aligned blocks are of one kind: most are no table rows at all.
    let (page, unit) = members[0];
    if !matches!(
        cx.site.pages[page].doc.facts.units[unit].kind,
        UnitKind::Row { header: false, .. }
    ) {
        return Vec::new();
    }
    let mut cells: Vec<Option<KeyCell>> = members.iter().map(|&m| key_cell(cx, m)).collect();
    if cells.iter().flatten().all(|c| c.switches.is_empty()) {
        return Vec::new();
    }
    for (cell, &member) in cells.iter_mut().zip(members) {
        if let Some(cell) = cell {
            cell.row = row_place(cx, member);
        }
    }
    let mut out = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let Some(cell) = cell.as_ref() else {
            continue;
        };
        match lost_switches::lacking(cx, members, &cells, i, cell) {
            Some(finding) => out.push(finding),
            None => out.extend(lost_switches::translated(cx, members, &cells, i, cell)),
        }
    }
    out.extend(lost_mentions(cx, members, &cells));
    out
}

/// `finding` pointing at the same table row in each of `holders`: (member,
/// byte range in its file).
pub(super) fn in_rows(
    cx: &Context,
    members: &[Member],
    holders: Vec<(usize, Range<usize>)>,
    mut finding: Finding,
) -> Finding {
    for (k, at) in holders {
        finding = finding.with_related(
            cx.location(members[k].0, at),
            format!("the same table row in {}", cx.locale_key(members[k].0)),
        );
    }
    finding
}

/// The switches in `range` of `text`, as [`KeyCell`] keeps them.
fn switches_in(text: &str, range: Range<usize>) -> Vec<Switch<'_>> {
    let part = &text[range.clone()];
    in_cell(part)
        .into_iter()
        .map(|r| {
            let written = &part[r.clone()];
            let at = range.start + r.start..range.start + r.end;
            (switch_key(written), written, at)
        })
        .collect()
}

/// The switches a row mentions after its first cell.
fn mentions<'a>(text: &'a str, key: &Range<usize>) -> Vec<Switch<'a>> {
    switches_in(text, key.end..line_of(text, key.end).end)
}

/// The line of `text` around `at`.
pub(super) fn line_of(text: &str, at: usize) -> Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    start..end
}

/// Mentions of a switch a row's description lost, as machine translation
/// loses them (`**-**` for `**-a**`): a warning, since translators may also
/// rephrase a mention away; the same evidence as for a first cell (the
/// page names the switch elsewhere) and the same place in the table.
fn lost_mentions(cx: &Context, members: &[Member], cells: &[Option<KeyCell>]) -> Vec<Finding> {
    let text_of = |m: usize| cx.site.pages[members[m].0].source.text.as_str();
    let said: Vec<Option<Vec<Switch>>> = cells
        .iter()
        .enumerate()
        .map(|(m, c)| c.as_ref().map(|c| mentions(text_of(m), &c.span)))
        .collect();
    let mut out = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let (Some(cell), Some(own)) = (cell, &said[i]) else {
            continue;
        };
        let text = text_of(i);
        let row = line_of(text, cell.span.start);
        let lost = (0..members.len())
            .filter(|&j| j != i && cells[j].as_ref().is_some_and(|c| c.row == cell.row))
            .flat_map(|j| said[j].iter().flatten().map(move |m| (j, m)))
            .filter(|(_, (lower, _, _))| !own.iter().any(|(l, _, _)| l == lower))
            .find_map(|(j, (lower, written, at))| {
                named_elsewhere(cx, members[i].0, lower, &row)
                    .map(|named| (j, *written, at.clone(), named))
            });
        let Some((j, written, their_at, named)) = lost else {
            continue;
        };
        let description = own_description(text, cell);
        let lower = written.to_ascii_lowercase();
        let lost = Lost {
            written,
            first: (j, their_at),
            named,
        };
        out.push(not_mentioned(
            cx,
            members,
            (i, description),
            ("table row", "row"),
            lost,
            "",
            |k| {
                cells[k].as_ref().filter(|c| c.row == cell.row)?;
                let (_, _, at) = said[k].iter().flatten().find(|(l, _, _)| *l == lower)?;
                Some(at.clone())
            },
        ));
    }
    out
}

/// Where a row's description starts: after the `|` that ends its first
/// cell, and the blanks after it.
fn own_description(text: &str, cell: &KeyCell) -> Range<usize> {
    let row = line_of(text, cell.span.start);
    let rest = &text[cell.span.end..row.end];
    let start = rest
        .find('|')
        .map_or(cell.span.end, |p| cell.span.end + p + 1);
    let start = start + text[start..row.end].len() - text[start..row.end].trim_start().len();
    start..start
}

#[cfg(test)]
mod tests {
    use super::{in_cell, named_in};

    #[test]
    fn an_end_tag_names_no_switch() {
        let page = "# <a name=\"x\"></a>x\n\n```\nshutdown /a\n```\n\n|/a|Abort.|\n";
        let lower = page.to_ascii_lowercase();
        let named: Vec<&str> = named_in(&lower, "/a").map(|at| &page[at]).collect();
        assert_eq!(named, ["/a", "/a"]);
        let syntax = page.find("shutdown /a").map(|at| at + 9);
        assert_eq!(named_in(&lower, "/a").next().map(|at| at.start), syntax);
        assert_eq!(named_in("<b>x</b>", "/b").next(), None);
    }

    fn switches(cell: &str) -> Vec<&str> {
        in_cell(cell).into_iter().map(|r| &cell[r]).collect()
    }

    #[test]
    fn switches_start_a_word_and_end_before_a_value() {
        assert_eq!(switches("/all"), ["/all"]);
        assert_eq!(switches("/Release [\\<adaptador>]"), ["/Release"]);
        assert_eq!(
            switches("/setclassid \\<Adapter> [ <ClassID>]"),
            ["/setclassid"]
        );
        assert_eq!(switches("/?"), ["/?"]);
        assert_eq!(switches("/-y"), ["/-y"]);
        assert_eq!(
            switches("`--resource-group` or --name -g"),
            ["--name", "-g"]
        );
        assert_eq!(switches("/exclude: FileName1 [+ [FileName2]"), ["/exclude"]);
        assert_eq!(switches("-Name <String>"), ["-Name"]);
        assert_eq!(switches("**/log**:file"), ["/log"]);
        assert_eq!(switches("[/renew6](#renew6)"), ["/renew6"]);
        assert_eq!(switches("[...]/t/c/l/q"), ["/t", "/c", "/l", "/q"]);
        assert_eq!(switches("dir /s/b"), ["/s", "/b"]);
        // Escaped marks, as older localized pages write them.
        assert_eq!(switches("[\\/EHs](eh.md)"), ["/EHs"]);
        assert_eq!(switches("**\\/EHs\\[c\\]** o **\\-a**"), ["/EHs", "-a"]);
        assert_eq!(switches("**/act–type**"), ["/act–type"]);
        assert_eq!(super::switch_key("/Act–Type"), "/act-type");
        assert_eq!(switches("/a – b"), ["/a"]);
        // No space before a switch in Chinese and Japanese.
        assert_eq!(switches("[（/clr](clr.md)）"), ["/clr"]);
        assert_eq!(switches("使用/EHsc时"), ["/EHsc"]);
    }

    #[test]
    fn mangled_switches_paths_and_prose_are_none() {
        assert!(switches("comando/displaydns").is_empty());
        assert!(switches("> \\<del adaptador de/showclassid").is_empty());
        assert!(switches("TCP/IP").is_empty());
        assert!(switches("/etc/hosts").is_empty());
        assert!(switches("/a/bc").is_empty());
        assert!(switches("/t/c/").is_empty());
        assert!(switches("/t/c/l?").is_empty());
        assert!(switches("Windows 10 / Windows 11").is_empty());
        assert!(switches("-1").is_empty());
        assert!(switches("Non-genuine").is_empty());
        assert!(switches("`/all`").is_empty());
        assert!(switches("b").is_empty());
        assert!(switches("\"/z").is_empty());
        assert!(switches("/-").is_empty());
        assert!(switches("-- ---").is_empty());
        assert!(switches("C\\/C\\+\\+").is_empty());
        assert!(switches("Sí/No").is_empty());
        assert!(switches("„/z").is_empty());
    }
}
