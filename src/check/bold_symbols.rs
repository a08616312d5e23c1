//! A character a reader must type, written alone in bold, that a
//! translation changed: part of `translation-token-mismatch`, beside
//! [`super::bold_names`].
//!
//! Reference pages show literal characters in bold: SQL Server's
//! `QUOTENAME` takes "a single quotation mark ( **'** ), a left or right
//! bracket ( **[]** ), or a double quotation mark ( **"** )". Machine
//! translation changed them in five of the eight real translations of one
//! source version (`tests/data/real-sql`): de-de and ru-ru write
//! `**"**` for the single quotation mark, ru-ru and fr-fr `**»**` for the
//! double one, zh-cn lost the single one and its bold (`(  )`), and ja-jp
//! turned the brackets into `**:operator[]**`. Bold is no token (most bold
//! prose is words a translation rightly translates), so the token
//! comparison sees nothing; readers type the wrong character.
//!
//! A block's symbols are its bold runs that hold neither a letter, a
//! digit nor a space (`**'**`, `**[]**`, `**»**`), dashes alone left out
//! (`**-**` marks an empty cell), and not the source text a side-by-side
//! page hides beside each sentence. They are compared in order: against
//! the source's block, or among peers against the sequence that at least
//! three blocks write and at least twice as many as any other does. A
//! member that writes another is told what it wrote in place of what
//! (an alignment of the two sequences), and what it lacks; a symbol it
//! lacks that one of its own bold runs holds among letters
//! (`:operator[]` for `[]`) is that run changed. `check --fix` writes the
//! reference's symbols where the member only changed them.
//!
//! Only aligned blocks of pages where the loader marked a character in
//! bold ([`crate::marks::Needle::BoldSymbol`]) are read: on the bench
//! corpus, which has none, reading every block for `**` cost the token
//! comparison a seventh more.

use std::borrow::Cow;
use std::ops::Range;

use crate::diagnostic::Finding;
use crate::marks::Needle;

use super::tokens::Member;
use super::{Context, and_list};

/// The findings for one aligned block; `source` says member 0 is the
/// source's block.
pub fn changed(cx: &Context, source: bool, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    let kind = cx.site.pages[page].doc.facts.units[unit].kind;
    if !kind.holds_prose() {
        return Vec::new();
    }
    // Nearly every page has no character in bold ([`Needle::BoldSymbol`],
    // marked by the loader): nothing read. A member without one may still
    // have lost it (zh-cn's `(  )`), so it is enough that one page has one.
    if !members.iter().any(|&(p, _)| {
        cx.site.pages[p]
            .source
            .marks
            .offsets(Needle::BoldSymbol)
            .next()
            .is_some()
    }) {
        return Vec::new();
    }
    let blocks: Vec<(usize, &str)> = members
        .iter()
        .map(|&(p, u)| {
            let range = super::counterparts::extent(&cx.site.pages[p], u);
            (range.start, &cx.site.pages[p].source.text[range])
        })
        .collect();
    // Nearly every block has no bold: nothing gathered.
    if blocks
        .iter()
        .all(|(_, block)| memchr::memmem::find(block.as_bytes(), b"**").is_none())
    {
        return Vec::new();
    }
    let runs: Vec<Vec<Run>> = blocks.iter().map(|(_, block)| bold_runs(block)).collect();
    let symbols: Vec<Vec<&str>> = runs
        .iter()
        .map(|runs| {
            runs.iter()
                .filter(|r| r.symbol)
                .map(|r| r.shown.as_ref())
                .collect()
        })
        .collect();
    if symbols.iter().all(|s| *s == symbols[0]) {
        return Vec::new();
    }
    let Some(reference) = reference(source, &symbols) else {
        return Vec::new();
    };
    let agreeing: Vec<usize> = (0..members.len())
        .filter(|&j| symbols[j] == reference)
        .collect();
    let locales = cx.locale_labels(agreeing.iter().map(|&j| members[j].0));
    // The reference's runs as one of its blocks writes them, for a fix
    // (`&#42;` stays `&#42;`).
    let written: Vec<&Run> = agreeing
        .first()
        .map(|&j| runs[j].iter().filter(|r| r.symbol).collect())
        .unwrap_or_default();
    let verb = if agreeing.len() == 1 {
        "writes"
    } else {
        "write"
    };
    let mut out = Vec::new();
    for (i, own) in symbols.iter().enumerate() {
        if *own == reference {
            continue;
        }
        let (start, _) = blocks[i];
        let (changes, lacking) = compare(&runs[i], own, &reference);
        if changes.is_empty() && lacking.is_empty() {
            continue;
        }
        let mut said = Vec::new();
        if !changes.is_empty() {
            let ours: Vec<String> = changes
                .iter()
                .map(|(r, _)| format!("`{}`", r.shown))
                .collect();
            let theirs: Vec<String> = changes
                .iter()
                .map(|&(_, j)| format!("`{}`", reference[j]))
                .collect();
            said.push(format!(
                "writes {} in bold where {locales} {verb} {}",
                and_list(&ours),
                and_list(&theirs)
            ));
        }
        if !lacking.is_empty() {
            let lacks: Vec<String> = lacking
                .iter()
                .map(|&j| format!("`{}`", reference[j]))
                .collect();
            said.push(format!(
                "lacks the {} in bold that {locales} {verb}",
                and_list(&lacks)
            ));
        }
        let (p, u) = members[i];
        let span = changes.first().map_or_else(
            || {
                let at = cx.site.pages[p].doc.facts.units[u].offset;
                at..at
            },
            |(run, _)| start + run.span.start..start + run.span.end,
        );
        let mut finding = Finding::warning(
            "translation-token-mismatch",
            cx.location(p, span),
            format!(
                "this {} {}: characters written alone in bold are what readers type, and machine translation {}",
                kind.name(),
                said.join(", and "),
                match (changes.is_empty(), lacking.is_empty()) {
                    (false, true) => "changed them",
                    (true, false) => "lost them",
                    _ => "changed and lost them",
                }
            ),
        )
        .with_help(format!(
            "write {} in bold, as {locales} {}: a character a reader types is not translated",
            and_list(&reference.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>()),
            if agreeing.len() == 1 { "does" } else { "do" }
        ));
        if lacking.is_empty() {
            let edits: Option<Vec<_>> = changes
                .iter()
                .map(|&(run, j)| {
                    let theirs = written.get(j)?.text.to_owned();
                    cx.edit(p, start + run.span.start..start + run.span.end, theirs)
                })
                .collect();
            finding = finding.with_fix(edits.into_iter().flatten());
        }
        for &j in &agreeing {
            let (q, _) = members[j];
            let first = runs[j].iter().find(|r| r.symbol);
            let at = first.map_or(blocks[j].0, |r| blocks[j].0 + r.span.start);
            let end = first.map_or(at, |r| blocks[j].0 + r.span.end);
            finding = finding.with_related(
                cx.location(q, at..end),
                format!("the same {} in {}", kind.name(), cx.locale_key(q)),
            );
        }
        out.push(finding);
    }
    out
}

/// The symbols every member is compared with: the source's, or among
/// peers those that at least three members write and at least twice as
/// many as any other; none when they are none.
fn reference<'a>(source: bool, symbols: &[Vec<&'a str>]) -> Option<Vec<&'a str>> {
    if source {
        return (!symbols[0].is_empty()).then(|| symbols[0].clone());
    }
    let count = |s: &Vec<&str>| symbols.iter().filter(|t| *t == s).count();
    let best = symbols.iter().max_by_key(|s| count(s))?;
    let most = count(best);
    let second = symbols
        .iter()
        .filter(|s| *s != best)
        .map(count)
        .max()
        .unwrap_or(0);
    (!best.is_empty() && most >= 3 && most >= 2 * second).then(|| best.clone())
}

/// How `own` (the symbols among `runs`) differs from `reference`: the
/// runs it changed, each with the index of the symbol it stands for, and
/// the indexes of the symbols it lacks. Aligned by the fewest edits (a change, a symbol more or one
/// less, each one), so that `"`, `[]`, `»` against `'`, `[]`, `"` is two
/// changes in place, not two symbols lacking and two more; a symbol more
/// is left alone (no character the others type). A symbol lacking that a
/// run of letters holds (`:operator[]` for `[]`) is that run changed.
fn compare<'r, 'a>(
    runs: &'r [Run<'a>],
    own: &[&str],
    reference: &[&str],
) -> (Vec<(&'r Run<'a>, usize)>, Vec<usize>) {
    let symbol_runs: Vec<&Run> = runs.iter().filter(|r| r.symbol).collect();
    let (n, m) = (own.len(), reference.len());
    // `cost[i][j]`: edits to turn `own[i..]` into `reference[j..]`.
    let mut cost = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..=n).rev() {
        for j in (0..=m).rev() {
            cost[i][j] = if i == n {
                m - j
            } else if j == m {
                n - i
            } else {
                let here = usize::from(own[i] != reference[j]);
                (cost[i + 1][j + 1] + here)
                    .min(cost[i + 1][j] + 1)
                    .min(cost[i][j + 1] + 1)
            };
        }
    }
    let (mut changes, mut lacking) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && cost[i][j] == cost[i + 1][j + 1] + usize::from(own[i] != reference[j])
        {
            if own[i] != reference[j] {
                changes.push((symbol_runs[i], j));
            }
            i += 1;
            j += 1;
        } else if j < m && (i == n || cost[i][j] == cost[i][j + 1] + 1) {
            lacking.push(j);
            j += 1;
        } else {
            i += 1;
        }
    }
    // A symbol lacking inside a run of letters: that run, changed.
    let mut still = Vec::new();
    for j in lacking {
        let holder = runs.iter().find(|r| {
            !r.symbol
                && r.shown.contains(reference[j])
                && !changes.iter().any(|(c, _)| c.span == r.span)
        });
        match holder {
            Some(run) => changes.push((run, j)),
            None => still.push(j),
        }
    }
    changes.sort_by_key(|(run, _)| run.span.start);
    (changes, still)
}

/// A bold run of a block: where its text is, the text as written and as
/// shown (character references and backslash escapes read: `&#42;` is
/// `*`), and whether it is a symbol (no letter, digit or space; not
/// dashes alone).
#[derive(Debug)]
struct Run<'t> {
    span: Range<usize>,
    text: &'t str,
    shown: Cow<'t, str>,
    symbol: bool,
}

/// The bold runs (`**...**`, on one line) of `block`, outside the source
/// text a side-by-side page hides (`<span class="sxs-lookup">`).
fn bold_runs(block: &str) -> Vec<Run<'_>> {
    let hidden = hidden_ranges(block);
    let bytes = block.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&bytes[from..], b"**").map(|at| from + at) {
        let inner = open + 2;
        // The closing marks: not a `*` escaped (`**\***` is a bold `*`).
        let mut close = inner;
        let close = loop {
            match memchr::memmem::find(&bytes[close..], b"**").map(|at| close + at) {
                Some(at) if at > inner && bytes[at - 1] == b'\\' => close = at + 1,
                found => break found,
            }
        };
        let Some(close) = close else {
            break;
        };
        let text = &block[inner..close];
        if text.is_empty()
            || text.starts_with(char::is_whitespace)
            || text.ends_with(char::is_whitespace)
            || text.contains('\n')
        {
            // `****`, marks a space parts from the text (no bold, as
            // CommonMark reads them), or marks that do not pair on this
            // line: the closing marks may open the next.
            from = inner;
            continue;
        }
        if !hidden.iter().any(|h| h.contains(&open)) {
            let shown = shown(text);
            out.push(Run {
                span: inner..close,
                text,
                symbol: is_symbol(&shown),
                shown,
            });
        }
        from = close + 2;
    }
    out
}

/// What a reader sees of bold `text`: its character references read and
/// its backslash escapes (`\*`) dropped.
fn shown(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '\\']) {
        return Cow::Borrowed(text);
    }
    let decoded = html_escape::decode_html_entities(text);
    let mut out = String::with_capacity(decoded.len());
    let mut chars = decoded.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(next)) if next.is_ascii_punctuation() => {}
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether bold text, as shown, is characters a reader types: no letter,
/// digit or space, and not dashes alone.
fn is_symbol(shown: &str) -> bool {
    !shown.is_empty()
        && !shown
            .chars()
            .any(|c| c.is_alphanumeric() || c.is_whitespace())
        && !shown.chars().all(|c| matches!(c, '-' | '–' | '—'))
}

/// Where a side-by-side page hides the source text in `block`.
fn hidden_ranges(block: &str) -> Vec<Range<usize>> {
    const OPEN: &str = "<span class=\"sxs-lookup\">";
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = block[from..].find(OPEN).map(|i| from + i) {
        let end = block[at..].find("</span>").map_or(block.len(), |i| at + i);
        out.push(at..end);
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_bold_runs_without_letters() {
        let block = "a ( **'** ), ( **[]** ) or ( **\"** ), **sysname**, **nvarchar (258)**, **-**, ****, **:operator[]**, **&#42;**, **\\***";
        let runs = bold_runs(block);
        let symbols: Vec<&str> = runs
            .iter()
            .filter(|r| r.symbol)
            .map(|r| r.shown.as_ref())
            .collect();
        assert_eq!(symbols, ["'", "[]", "\"", "*", "*"]);
        let others: Vec<&str> = runs.iter().filter(|r| !r.symbol).map(|r| r.text).collect();
        assert_eq!(others, ["sysname", "nvarchar (258)", "-", ":operator[]"]);
    }

    #[test]
    fn the_hidden_source_text_is_no_run() {
        let block = "<span data-ttu-id=\"1\">x ( **»** )</span><span class=\"sxs-lookup\">x ( **\"** )</span>";
        let symbols: Vec<&str> = bold_runs(block).iter().map(|r| r.text).collect();
        assert_eq!(symbols, ["»"]);
    }

    #[test]
    fn changes_and_lacks_are_told_apart() {
        let reference = ["'", "[]", "\""];
        let texts = |block: &str| {
            let runs = bold_runs(block);
            let own: Vec<&str> = runs.iter().filter(|r| r.symbol).map(|r| r.text).collect();
            let (changes, lacking) = compare(&runs, &own, &reference);
            let changes: Vec<(String, String)> = changes
                .iter()
                .map(|&(r, j)| (r.text.to_owned(), reference[j].to_owned()))
                .collect();
            let lacking: Vec<String> = lacking.iter().map(|&j| reference[j].to_owned()).collect();
            (changes, lacking)
        };
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            texts("( **\"** ), ( **[]** ), ( **»** )"),
            (vec![pair("\"", "'"), pair("»", "\"")], vec![])
        );
        assert_eq!(
            texts("(  ), ( **[]** ), ( **\"** )"),
            (vec![], vec!["'".to_owned()])
        );
        assert_eq!(
            texts("( **'** ), ( **:operator[]** ), ( **\"** )"),
            (vec![pair(":operator[]", "[]")], vec![])
        );
    }

    #[test]
    fn a_reference_needs_three_and_twice_the_next() {
        let s = |v: &[&'static str]| v.to_vec();
        let q = s(&["'", "[]"]);
        let d = s(&["\"", "[]"]);
        assert_eq!(
            reference(false, &[q.clone(), q.clone(), q.clone(), d.clone()]),
            Some(q.clone())
        );
        assert_eq!(reference(false, &[q.clone(), q.clone(), d.clone()]), None);
        assert_eq!(
            reference(
                false,
                &[q.clone(), q.clone(), q.clone(), d.clone(), d.clone()]
            ),
            None
        );
        assert_eq!(reference(true, &[d.clone(), q.clone(), q]), Some(d));
        assert_eq!(reference(true, &[vec![], s(&["'"])]), None);
    }
}
