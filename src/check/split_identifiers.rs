//! `split-identifier`: an identifier machine translation split at its
//! underscores, `STATUS \_ ARRAY \_ BOUNDS \_ EXCEEDED` for
//! `STATUS\_ARRAY\_BOUNDS\_EXCEEDED`, often with its parts translated
//! (`VIOLAZIONE \_ DI ACCESSO ALLE \_ ECCEZIONI` for
//! `EXCEPTION\_ACCESS\_VIOLATION`). Win32's reference pages write their
//! constants in prose with escaped underscores; the pipeline reads each
//! `\_` as a word of its own, so readers see `STATUS _ ARRAY _ ...`, a name
//! they can neither search for nor type. Microsoft's localized win32
//! repositories carry it on every page that names a constant outside
//! code (`tests/data/real-win32/`: the it-it and de-de `GetExceptionCode`
//! pages, one line in three of the de-de one).
//!
//! An underscore written as a word of its own (` \_ `) is also how prose
//! names the character ("the \_ character"), so a split needs more than
//! that: two underscores in a row (`\_ \_ try` for `__try`), a part in
//! capitals (`ERROR \_ Success`), two underscores each between words
//! (`Status \_ Zugriffs \_ Verletzung`), or two glued to the word before
//! and spaced from the next (`Microsoft\_ Dynamics\_ Commerce\_ Runtime\_
//! FraudRisk`, every runtime error of the real lt-lt, lv-lv and hu-hu
//! Dynamics 365 pages, `tests/data/real-dynamics/`; one alone is a prefix
//! named in prose, `the MS\_ prefix`), or the page's own evidence: on
//! side-by-side pages, the source text beside the sentence writing an
//! identifier whole (`**Ausnahme \_ Breakpoint**` beside
//! `**EXCEPTION\_BREAKPOINT**`), or the parts joined again written whole
//! elsewhere on the page (`get \_ CharacterSet` where the syntax declares
//! `get_CharacterSet`), or, failing those, the same block in another page
//! of its translation group writing an identifier of as many parts, one
//! of them the same (es-es's `**S \_ correcto**` where its English source's
//! row writes `**S\_OK**`; win32's Spanish pages write it so in nearly
//! every return value). Split and put in another order, the prefix last
//! (`**\_ peinture WM**` for `**WM\_PAINT**`), an identifier is found by the
//! same block in another page alone ([`reordered`]). The front matter is
//! read too (its title is shown); code, and the source text itself, are
//! not. `check --fix` joins a split only where the identifier its
//! evidence writes has the split's very parts ([`certain`]).

mod group;
mod reordered;

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::diagnostic::Finding;
use crate::marks::Needle;

use super::Context;
use super::counterparts::Counterparts;
use super::glued_terms::{code_ranges, in_code};
use super::line_scan::LineScan;
use super::mt_placeholders::{Piece, per_line, per_line_using};
use super::split_file_names::{IN_CODE, Whole, as_written_whole, written_whole};

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let text = &page.source.text;
        // The marks cover the front matter too: its title and
        // description are shown (the page's title, search results).
        let unders = page.source.marks.offsets(Needle::UnderscoreSpace);
        let mut splits = splits(text, unders, || cx.lowered(p), || code_ranges(page));
        let marks = &page.source.marks;
        let mut unders: Vec<usize> = marks.offsets(Needle::UnderscoreSpace).collect();
        unders.extend(marks.offsets(Needle::EscapedUnderscore).map(|at| at + 1));
        unders.sort_unstable();
        unders.dedup();
        let reorders = reordered::candidates(text, unders.into_iter());
        if splits.is_empty() && reorders.is_empty() {
            return Vec::new();
        }
        let mut any_version = None;
        let written = group::Written::default();
        // The same block in another page of the group confirms a split
        // with no evidence of its own, and names the identifier where the
        // page's own parts could not (`WM \_ 油漆` is `WM_PAINT`).
        splits.retain_mut(|split| {
            if !matches!(split.fix, Fix::Unconfirmed | Fix::Unknown | Fix::Joined(_)) {
                return true;
            }
            let others = any_version.get_or_insert_with(|| Counterparts::any_version(cx, p));
            match group::counterpart(cx, others, &written, text, split.run.clone()) {
                Some((q, whole)) => {
                    split.fix = Fix::There(q, whole);
                    true
                }
                None => split.fix != Fix::Unconfirmed,
            }
        });
        if !reorders.is_empty() {
            let others = any_version.get_or_insert_with(|| Counterparts::any_version(cx, p));
            let code = code_ranges(page);
            let mut moved = Vec::new();
            // Candidates come in text order: their lines are read once.
            let mut scan = LineScan::default();
            for candidate in &reorders {
                let at = candidate.start;
                // Splits and candidates are in text order: only the last
                // split starting at or before the candidate, or the last
                // reordered one found, may hold it.
                let before = splits.partition_point(|s| s.run.start <= at);
                let taken = (before > 0 && splits[before - 1].run.contains(&at))
                    || moved
                        .last()
                        .is_some_and(|s: &Split| s.run.contains(&at));
                if taken
                    || in_code(&code, at)
                    || scan.in_code_span(text, at)
                    || scan.hidden(text, at)
                {
                    continue;
                }
                if let Some(found) = reordered::confirm(cx, others, &written, text, candidate) {
                    moved.push(Split {
                        run: found.run,
                        fix: Fix::Reordered(found.page, found.whole, found.how),
                    });
                }
            }
            splits.extend(moved);
            splits.sort_by_key(|s| s.run.start);
        }
        if splits.is_empty() {
            return Vec::new();
        }
        let spans: Vec<Range<usize>> = splits.iter().map(|s| s.run.clone()).collect();
        let first = |piece: Piece| {
            let also = piece.and_more();
            // Where each split on the line has a certain whole, joining
            // them is the fix; otherwise none (a part may be translated).
            let fix = piece.edits(|index, span| {
                cx.edit(p, span, certain(cx, text, splits.get(index)?)?)
            });
            let (written, at) = (piece.written, piece.at);
            let split = &splits[piece.index];
            let shown = written.replace("\\_", "_");
            let message = match &split.fix {
                Fix::Reordered(q, whole, how) => {
                    let name = cx.site.pages[*q].source.text[whole.clone()].replace("\\_", "_");
                    let what = match how {
                        reordered::How::Reordered => {
                            "split the identifier `{name}` at its underscore and put its parts in another order"
                        }
                        reordered::How::Dropped => "dropped the first part of the identifier `{name}`",
                        reordered::How::Apart => {
                            "split the identifier `{name}` at its underscore and left its first part outside the bold text or link"
                        }
                        reordered::How::Cut => {
                            "split the identifier `{name}` at its underscore and kept only its first part, after it"
                        }
                    }
                    .replace("{name}", &name);
                    format!(
                        "`{written}`{also} reads `{shown}`: machine translation {what}; readers can neither search for it nor type it"
                    )
                }
                // Its very parts: nothing was translated.
                _ => match certain(cx, text, split) {
                    Some(name) => format!(
                        "`{written}`{also} reads `{shown}`: machine translation split the identifier `{}` at its underscores; readers can neither search for it nor type it",
                        name.replace("\\_", "_")
                    ),
                    None => format!(
                        "`{written}`{also} reads `{shown}`: an identifier machine translation split at its underscores, and may have translated its parts; readers can neither search for it nor type it"
                    ),
                },
            };
            let finding = Finding::warning("split-identifier", at, message).with_fix(fix);
            let help = match &split.fix {
                Fix::Elsewhere(whole) => {
                    return as_written_whole(cx, p, finding, Whole::Here(whole.clone()));
                }
                Fix::There(q, whole) | Fix::Reordered(q, whole, _) => {
                    return as_written_whole(cx, p, finding, Whole::There(*q, whole.clone()));
                }
                Fix::Source(names) => format!(
                    "write the identifier as the source text beside it does ({}), in one piece; {IN_CODE}",
                    quoted(names)
                ),
                Fix::Joined(name) => format!(
                    "write it in one piece, as the source does: `{name}` if no part of it was translated; {IN_CODE}"
                ),
                Fix::Unknown if piece.shown_elsewhere => format!(
                    "write the identifier in one piece, as the source does (the same block in the page's other translations, below, shows it); {IN_CODE}"
                ),
                Fix::Unknown | Fix::Unconfirmed => {
                    format!("write the identifier in one piece, as the source page does; {IN_CODE}")
                }
            };
            finding.with_help(help)
        };
        // The pages aligned for evidence, when they were, show the same
        // block too: aligned once.
        match &any_version {
            Some(others) => per_line_using(cx, p, spans, "another one", others, first),
            None => per_line(cx, p, spans, "another one", first),
        }
    })
}

/// What `split` should read where that is certain: the one identifier its
/// evidence writes whole whose parts are the split's own, in any case
/// (`FORMAT_MESSAGE_FROM_SYSTEM` for `Format \_ Message \_ from \_
/// System`: only the spaces and the case to restore). A split whose parts
/// were translated (`S \_ correcto` for `S_OK`) has none: where its words
/// end, a sentence's begin, and machine translation may have moved them.
/// Written with the split's own underscores, escaped or not.
fn certain(cx: &Context, text: &str, split: &Split) -> Option<String> {
    let names: Vec<String> = match &split.fix {
        Fix::Elsewhere(range) => vec![text.get(range.clone())?.replace("\\_", "_")],
        // `\_ OK` for `S_OK` (dropped): the rest is there, the prefix to
        // put back.
        Fix::There(q, range) | Fix::Reordered(q, range, reordered::How::Dropped) => {
            let there = &cx.site.pages.get(*q)?.source.text;
            vec![there.get(range.clone())?.replace("\\_", "_")]
        }
        Fix::Source(names) => names.clone(),
        _ => return None,
    };
    let dropped = matches!(split.fix, Fix::Reordered(..));
    let written = text.get(split.run.clone())?;
    let mine = parts(written);
    let same =
        |name: &&String| {
            let theirs = parts(name);
            theirs.len() == mine.len()
                && theirs.iter().zip(&mine).enumerate().all(|(k, (a, b))| {
                    a.eq_ignore_ascii_case(b) || (dropped && k == 0 && b.is_empty())
                })
        };
    // Only a name: the parts joined again may be words of a translation
    // that writes no spaces (`状態\_いいえ`), which nothing makes whole.
    let mut found = names.iter().filter(|n| n.is_ascii()).filter(same);
    let name = found.next()?;
    if found.any(|other| other != name) {
        return None;
    }
    Some(if written.contains("\\_") {
        name.replace('_', "\\_")
    } else {
        name.clone()
    })
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A split identifier: where it is written, and what it should read.
#[derive(Debug, PartialEq, Eq)]
struct Split {
    run: Range<usize>,
    fix: Fix,
}

#[derive(Debug, PartialEq, Eq)]
enum Fix {
    /// The identifiers the side-by-side source text of its sentence writes.
    Source(Vec<String>),
    /// Where the page writes it whole, its parts joined again.
    Elsewhere(Range<usize>),
    /// Its parts, all capitals, joined again.
    Joined(String),
    /// Where the same block in another translation (its page) writes it
    /// whole: found by [`group::counterpart`] for an [`Fix::Unconfirmed`] split.
    There(usize, Range<usize>),
    /// Split and put in another order (`\_ peinture WM` for `WM_PAINT`),
    /// or without its prefix (`\_ OK` for `S_OK`): where the same block in
    /// another translation writes it whole ([`reordered`]).
    Reordered(usize, Range<usize>, reordered::How),
    Unknown,
    /// An underscore between two words, which may be the character named
    /// in prose as well as a split: reported only where the same block in
    /// another translation writes the identifier ([`group::counterpart`]).
    Unconfirmed,
}

/// An identifier's parts between its underscores, each trimmed (`\_ \_ try`
/// gives `""`, `""`, `"try"`, as `__try` does).
fn parts(written: &str) -> Vec<String> {
    written
        .replace("\\_", "_")
        .split('_')
        .map(|p| p.trim().to_owned())
        .collect()
}

/// The split identifiers of `text`, outside the code blocks `code` gives
/// (ranges, asked for only when a page has a candidate: most pages have
/// none; so is `lower`, the page in lower case), in text order. An
/// underscore as a word of its own is rare: the lines read are those
/// where `unders` says `text` has `_ `, in order ([`crate::marks`]).
fn splits<'l>(
    text: &str,
    unders: impl Iterator<Item = usize>,
    lower: impl Fn() -> &'l str,
    code: impl FnOnce() -> Vec<Range<usize>>,
) -> Vec<Split> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut done = 0;
    let mut code = Some(code);
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut whole = FxHashMap::default();
    for at in unders {
        if at < done || !(standalone(bytes, at) || after_word(bytes, at)) {
            continue;
        }
        if let Some(code) = code.take() {
            blocks = code();
        }
        if in_code(&blocks, at) {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        done = end;
        out.extend(in_line(text, start..end, &lower, &mut whole));
    }
    out
}

/// Whether the `_` at `at`, followed by a space, is glued to the word
/// before it (or its backslash is): `Microsoft\_ Dynamics\_ Commerce`, a
/// split whose runs [`segments`] weighs.
fn after_word(bytes: &[u8], at: usize) -> bool {
    let before = if at > 0 && bytes[at - 1] == b'\\' {
        at.checked_sub(2)
    } else {
        at.checked_sub(1)
    };
    before.is_some_and(|b| bytes[b].is_ascii_alphanumeric() || bytes[b] >= 0x80)
}

/// Whether the `_` at `at` stands alone: a space before it (or before its
/// backslash) and one after.
fn standalone(bytes: &[u8], at: usize) -> bool {
    let before = if at > 0 && bytes[at - 1] == b'\\' {
        at.checked_sub(2)
    } else {
        at.checked_sub(1)
    };
    before.is_some_and(|b| bytes[b] == b' ') && bytes.get(at + 1) == Some(&b' ')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Letters and digits (with `-` and `'` inside).
    Word,
    /// One or more underscores, escaped or not.
    Underscore,
    Space,
    /// Anything else, a tag whole: it ends a run of words.
    Markup,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    span: Range<usize>,
}

/// The split identifiers on the line `line` of `text`; `lower` is the
/// page in lower case, made when first needed; `whole` remembers where the
/// page writes each identifier whole, so that a page repeating one split
/// is read once for it, not once per repeat.
fn in_line<'l>(
    text: &str,
    line: Range<usize>,
    lower: &dyn Fn() -> &'l str,
    whole: &mut FxHashMap<String, Option<Range<usize>>>,
) -> Vec<Split> {
    let tokens = tokenize(text, line.clone());
    let mut out = Vec::new();
    // The segments come in order along the line: it is read once.
    let mut scan = LineScan::default();
    let mut i = 0;
    while i < tokens.len() {
        // A chain: words and underscores, glued or one space apart.
        let mut j = i;
        while j < tokens.len() && tokens[j].kind != Kind::Markup {
            j += 1;
        }
        let items = items(&tokens[i..j]);
        for segment in segments(&items) {
            let first = &items[segment.start];
            let last = &items[segment.end - 1];
            let at = first.span.start;
            if scan.hidden(text, at) || scan.in_code_span(text, at) {
                continue;
            }
            let outside = |k: Option<usize>| k.and_then(|k| items.get(k));
            let before = outside(segment.start.checked_sub(1));
            let after = outside(Some(segment.end));
            let source = source_beside(text, line.clone(), at);
            let joined: String = items[segment.clone()]
                .iter()
                .map(|t| text[t.span.clone()].replace("\\_", "_"))
                .collect();
            let words = items[segment.clone()]
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .count();
            let elsewhere = if words >= 2 && source.is_empty() {
                // As Markdown writes it, or with its underscores escaped.
                whole
                    .entry(joined.clone())
                    .or_insert_with(|| {
                        let lower = lower();
                        written_whole(lower, &joined)
                            .or_else(|| written_whole(lower, &joined.replace('_', "\\_")))
                    })
                    .clone()
            } else {
                None
            };
            let fix = if !split_enough(text, &items[segment.clone()])
                && source.is_empty()
                && elsewhere.is_none()
            {
                Fix::Unconfirmed
            } else if !source.is_empty() {
                Fix::Source(source)
            } else if let Some(whole) = elsewhere {
                Fix::Elsewhere(whole)
            } else if items[segment.clone()]
                .iter()
                .all(|t| t.kind == Kind::Underscore || capitals(&text[t.span.clone()]))
                && ![before, after]
                    .iter()
                    .flatten()
                    .any(|t| t.kind == Kind::Word && capitals(&text[t.span.clone()]))
            {
                Fix::Joined(joined)
            } else {
                Fix::Unknown
            };
            out.push(Split {
                run: at..last.span.end,
                fix,
            });
        }
        i = j + 1;
    }
    out
}

/// A word or underscore of a chain, with whether spaces stand around it.
#[derive(Clone, Debug)]
struct Item {
    kind: Kind,
    span: Range<usize>,
    spaced_before: bool,
    spaced_after: bool,
}

fn items(chain: &[Token]) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut spaced = false;
    for token in chain {
        if token.kind == Kind::Space {
            spaced = true;
            if let Some(last) = out.last_mut() {
                last.spaced_after = true;
            }
            continue;
        }
        out.push(Item {
            kind: token.kind,
            span: token.span.clone(),
            spaced_before: spaced,
            spaced_after: false,
        });
        spaced = false;
    }
    out
}

/// The runs of a chain in which words and underscores alternate (two
/// underscores in a row count: `\_ \_ try`), holding an underscore that
/// stands alone, or two glued to one word and spaced from the next
/// (`Microsoft\_ Dynamics\_ Commerce\_ Runtime\_ FraudRisk`, as the real
/// lt-lt, lv-lv and hu-hu Dynamics 365 pages write every runtime error,
/// `tests/data/real-dynamics/`): where one identifier was split. Two
/// words in a row end a run, as the words of a sentence around the
/// identifier do.
fn segments(items: &[Item]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..=items.len() {
        let breaks = k == items.len()
            || (k > start && items[k].kind == Kind::Word && items[k - 1].kind == Kind::Word);
        if !breaks {
            continue;
        }
        let run = &items[start..k];
        if run
            .iter()
            .any(|t| t.kind == Kind::Underscore && t.spaced_before && t.spaced_after)
            || half_spaced_between_words(run) >= 2
        {
            out.push(start..k);
        }
        start = k;
    }
    out
}

/// How many underscores of `run` stand between two words glued to the
/// first and spaced from the second (`Dynamics\_ Commerce`): the shape
/// the real Dynamics 365 pages show, found where [`splits`] looks (each
/// `_ `).
fn half_spaced_between_words(run: &[Item]) -> usize {
    let word = |k: Option<usize>| {
        k.and_then(|k| run.get(k))
            .is_some_and(|t| t.kind == Kind::Word)
    };
    (0..run.len())
        .filter(|&k| {
            let t = &run[k];
            t.kind == Kind::Underscore
                && !t.spaced_before
                && t.spaced_after
                && word(k.checked_sub(1))
                && word(Some(k + 1))
        })
        .count()
}

/// Whether a run is an identifier split, without other evidence: two
/// underscores in a row next to a word (`\_ \_ try`), an underscore
/// standing alone beside a part in capitals (`ERROR \_ Success`), or two
/// underscores standing alone, each between words, or two glued to the
/// word before and spaced from the next ([`half_spaced_between_words`]).
fn split_enough(text: &str, run: &[Item]) -> bool {
    if half_spaced_between_words(run) >= 2 {
        return true;
    }
    let word = |k: usize| run.get(k).is_some_and(|t| t.kind == Kind::Word);
    let alone = |t: &Item| t.kind == Kind::Underscore && t.spaced_before && t.spaced_after;
    let mut between = 0;
    for (k, t) in run.iter().enumerate() {
        if t.kind != Kind::Underscore {
            continue;
        }
        let next = run.get(k + 1);
        if next.is_some_and(|n| n.kind == Kind::Underscore)
            && (word(k + 2) || (k > 0 && word(k - 1)))
        {
            return true;
        }
        if alone(t) {
            let capital = |i: Option<usize>| {
                i.and_then(|i| run.get(i))
                    .is_some_and(|n| n.kind == Kind::Word && capitals(&text[n.span.clone()]))
            };
            if capital(k.checked_sub(1)) || capital(Some(k + 1)) {
                return true;
            }
            if k > 0 && word(k - 1) && word(k + 1) {
                between += 1;
            }
        }
    }
    between >= 2
}

/// A word in capitals: ASCII capital letters (two or more) and digits.
fn capitals(word: &str) -> bool {
    word.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// The line's tokens.
fn tokenize(text: &str, line: Range<usize>) -> Vec<Token> {
    let s = &text[line.clone()];
    let bytes = s.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    let push = |out: &mut Vec<Token>, kind: Kind, from: usize, to: usize| match out.last_mut() {
        Some(last) if last.kind == kind && last.span.end == line.start + from => {
            last.span.end = line.start + to;
        }
        _ => out.push(Token {
            kind,
            span: line.start + from..line.start + to,
        }),
    };
    while i < bytes.len() {
        let rest = &s[i..];
        let Some(c) = rest.chars().next() else { break };
        let (kind, len) = if c == ' ' {
            (Kind::Space, 1)
        } else if rest.starts_with("\\_") {
            (Kind::Underscore, 2)
        } else if c == '_' {
            (Kind::Underscore, 1)
        } else if c.is_alphanumeric() {
            (Kind::Word, c.len_utf8())
        } else if matches!(c, '-' | '\'' | '’')
            && out
                .last()
                .is_some_and(|t| t.kind == Kind::Word && t.span.end == line.start + i)
        {
            // Inside or at the end of a word (`DELL'ECCEZIONE`, `int-`).
            (Kind::Word, c.len_utf8())
        } else if c == '<' {
            // A tag, whole, with its attributes' spaces.
            (Kind::Markup, rest.find('>').map_or(1, |end| end + 1))
        } else {
            (Kind::Markup, c.len_utf8())
        };
        push(&mut out, kind, i, i + len);
        i += len;
    }
    out
}

/// Whether `at` is in the source text of a side-by-side page: the last
/// span opened before it on its line is a `data-stu-id` one, inside
/// `class="sxs-lookup"`.
pub(super) fn hidden_at(text: &str, at: usize) -> bool {
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
    hidden(text, line_start, at)
}

/// [`hidden_at`], given the start of `at`'s line.
pub(super) fn hidden(text: &str, line_start: usize, at: usize) -> bool {
    let before = &text[line_start..at];
    let source = before.rfind("data-stu-id=");
    let shown = before.rfind("data-ttu-id=");
    match (source, shown) {
        (Some(s), Some(t)) => s > t,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The identifiers written whole in the source text beside the sentence
/// holding `at`, on a side-by-side page: the `sxs-lookup` span after it
/// on its line, up to its closing `</span></span>`. None where that text
/// splits identifiers too.
fn source_beside(text: &str, line: Range<usize>, at: usize) -> Vec<String> {
    let rest = &text[at..line.end];
    let Some(open) = rest.find("class=\"sxs-lookup\"") else {
        return Vec::new();
    };
    let source = &rest[open..];
    let source = &source[..source.find("</span></span>").unwrap_or(source.len())];
    let bytes = source.as_bytes();
    if (0..bytes.len()).any(|k| bytes[k] == b'_' && standalone(bytes, k)) {
        return Vec::new();
    }
    let mut names: Vec<String> = Vec::new();
    let tokens = tokenize(source, 0..source.len());
    for run in written_identifiers(&tokens) {
        let name: String = run
            .iter()
            .map(|t| source[t.span.clone()].replace("\\_", "_"))
            .collect();
        if !name.starts_with("data-") && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The identifiers written whole among `tokens`: runs of words and
/// underscores without a space, holding both.
fn written_identifiers(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let mut end = k;
        while end < tokens.len() && matches!(tokens[end].kind, Kind::Word | Kind::Underscore) {
            end += 1;
        }
        let run = &tokens[k..end];
        if run.iter().any(|t| t.kind == Kind::Underscore)
            && run.iter().any(|t| t.kind == Kind::Word)
        {
            out.push(run);
        }
        k = end.max(k + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::Marks;

    /// The splits found with the page's own evidence.
    fn scan(text: &str) -> Vec<Split> {
        let lower = text.to_ascii_lowercase();
        let mut all = splits(
            text,
            Marks::of(text).offsets(Needle::UnderscoreSpace),
            || &*lower,
            Vec::new,
        );
        all.retain(|s| s.fix != Fix::Unconfirmed);
        all
    }

    fn found(text: &str) -> Vec<(&str, Fix)> {
        scan(text)
            .into_iter()
            .map(|s| (&text[s.run], s.fix))
            .collect()
    }

    fn runs(text: &str) -> Vec<&str> {
        found(text).into_iter().map(|(run, _)| run).collect()
    }

    #[test]
    fn an_underscore_between_two_words_waits_for_another_translation() {
        for text in ["devuelve **S \\_ correcto**.", "Fehler \\_ erfolgreich"] {
            let lower = text.to_ascii_lowercase();
            let all = splits(
                text,
                Marks::of(text).offsets(Needle::UnderscoreSpace),
                || &*lower,
                Vec::new,
            );
            assert_eq!(all.len(), 1, "{text}");
            assert_eq!(all[0].fix, Fix::Unconfirmed);
        }
    }

    #[test]
    fn constants_split_at_their_underscores_are_found() {
        assert_eq!(
            found("Questo valore è definito come STATUS \\_ ARRAY \\_ BOUNDS \\_ EXCEEDED.<br/>"),
            [(
                "STATUS \\_ ARRAY \\_ BOUNDS \\_ EXCEEDED",
                Fix::Joined("STATUS_ARRAY_BOUNDS_EXCEEDED".to_owned())
            )]
        );
        assert_eq!(
            runs("| <dl> <dt>**VIOLAZIONE \\_ DI ACCESSO ALLE \\_ ECCEZIONI**</dt> </dl> |"),
            ["VIOLAZIONE \\_ DI", "ALLE \\_ ECCEZIONI"]
        );
        assert_eq!(
            runs("il valore restituito è ERROR \\_ Success."),
            ["ERROR \\_ Success"]
        );
        assert_eq!(runs("durante il blocco **\\_ \\_ try** e"), ["\\_ \\_ try"]);
        assert_eq!(
            runs("als Status \\_ Zugriffs \\_ Verletzung definiert."),
            ["Status \\_ Zugriffs \\_ Verletzung"]
        );
        assert_eq!(
            runs("devuelve ERROR _ MORE _ DATA. El cliente"),
            ["ERROR _ MORE _ DATA"]
        );
    }

    #[test]
    fn a_capital_part_next_to_another_is_not_joined() {
        // `EXCEPTION_EXECUTE_HANDLER` lost an underscore: joining what is
        // split would give half a name.
        let text = "valutata come EXCEPTION \\_ EXECUTE HANDLER o altro.";
        assert_eq!(found(text), [("EXCEPTION \\_ EXECUTE", Fix::Unknown)]);
    }

    #[test]
    fn the_source_text_beside_a_sentence_names_the_identifier() {
        let text = "| <span data-ttu-id=\"b-123\"><dt>**Ausnahme \\_ Breakpoint**</dt></span><span class=\"sxs-lookup\"><span data-stu-id=\"b-123\"><dt>**EXCEPTION\\_BREAKPOINT**</dt></span></span> |";
        assert_eq!(
            found(text),
            [(
                "Ausnahme \\_ Breakpoint",
                Fix::Source(vec!["EXCEPTION_BREAKPOINT".to_owned()])
            )]
        );
    }

    #[test]
    fn a_split_the_page_writes_whole_elsewhere_is_found() {
        let text =
            "Metodo ITConferenceBlob:: get \\_ CharacterSet\n\n    HRESULT get_CharacterSet();\n";
        let found = scan(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].run.clone()], "get \\_ CharacterSet");
        let Fix::Elsewhere(whole) = &found[0].fix else {
            panic!("{found:?}")
        };
        assert_eq!(&text[whole.clone()], "get_CharacterSet");
        // Whole only inside a longer name is no evidence.
        assert!(scan("get \\_ Name and the get_NameEx call").is_empty());
    }

    #[test]
    fn the_underscore_named_in_prose_is_not_a_split() {
        assert!(runs("Use the \\_ character, or the - and \\_ characters.").is_empty());
        assert!(runs("Only letters, digits, \\_ and \\_\\_ are allowed.").is_empty());
        assert!(runs("Fehler \\_ erfolgreich").is_empty());
        assert!(runs("Fill in: \\_ \\_ \\_").is_empty());
        assert!(runs("ERROR\\_SUCCESS and __try and _DEBUG stay whole.").is_empty());
    }

    #[test]
    fn code_and_source_text_are_not_read() {
        assert!(runs("Call `ERROR _ MORE _ DATA` here.").is_empty());
        let text = "<span data-ttu-id=\"1\">Wert.</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">ERROR \\_ MORE \\_ DATA</span></span>";
        assert!(runs(text).is_empty());
        let code = "```\nERROR _ MORE _ DATA\n```\n";
        let block = 0..code.len();
        let marks = Marks::of(code);
        let unders = marks.offsets(Needle::UnderscoreSpace);
        assert!(splits(code, unders, || code, || vec![block]).is_empty());
    }
}
