//! `split-member-name`: a qualified name machine translation split after
//! its separator, `IPin:: EnumMediaTypes` for `IPin::EnumMediaTypes`,
//! `CBasePin. EnumMediaTypes` for `CBasePin.EnumMediaTypes`. The pipeline
//! reads the separator as punctuation and puts a space after it, often
//! lower-casing the name on the way (de-de's `Cbasepin. enummediatypes`):
//! readers see a name they can neither search for nor type. Microsoft's
//! localized win32 repositories carry it in the titles and first
//! sentences of their class reference pages (`tests/data/real-win32/`:
//! the de-de and es-es `CBasePin.EnumMediaTypes` pages).
//!
//! `::` followed by a space between two names is no punctuation of any
//! language, so it is found wherever it stands outside code (not after an
//! IPv6 address, `fd00:: as`), and so is a global name's (`**:: GlobalSize**`)
//! where bold or a link opens right before the operator. With a space
//! before the operator too (`IEnumUserIdentity :: GetCount`, as French
//! puts one before a colon) it is found only where the page or another of
//! its translation group writes the name whole, since a Python classifier
//! reads the same (`License :: OSI`). A dot and a space are how every sentence
//! ends, so a member name split at its dot is found only where the page
//! names it whole in its `api_name` front matter, as every win32
//! reference page does (its translations keep that list as the source
//! has it), and one of its parts has a capital inside, which no word has
//! ([`member_name`]); so is a link's text split at its dot where another
//! page of the group links the same target with the name whole
//! ([`link_splits`]). The message and help name the name as it is
//! written whole, in its case (`CBasePin::GetMediaType`, not de-de's
//! `cbasepin:: getmediatype`): on the page (its `api_name`, the source
//! text beside a side-by-side sentence), else on the page's source
//! or another translation of it, which the finding points at, else, for
//! a `::` name the pipeline also misspelled (de-de's `Ienumumuseridentity::
//! Reset`), as one of those pages writes the name with the same member and
//! nearly the same letters ([`written_alike`]), else with
//! the capitals the page gives each part elsewhere ([`recased`]). Code,
//! and the source text beside a sentence, are not read; file names split
//! at their dot are `split-file-name`'s.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::Finding;
use crate::marks::Needle;

use super::Context;
use super::block_links::text_range;
use super::glued_terms::{code_ranges, in_code};
use super::line_scan::LineScan;
use super::link_names::qualified_name;
use super::lowercased_names::{capitalised, words};
use super::mt_placeholders::per_line;
use super::split_file_names::{
    EXTENSIONS, IN_CODE, Whole, as_written_whole, lowered_translations, written_whole,
    written_whole_there,
};

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let text = &page.source.text;
        let scopes = page.source.marks.offsets(Needle::ScopeSpace);
        let names = page.source.meta_list("api_name").unwrap_or_default();
        // The page in lower case is made when first needed, once for
        // every rule that asks (`Context::lowered`).
        let mut splits = splits(text, scopes, &names, || cx.lowered(p), || code_ranges(page));
        let in_links = link_splits(cx, p);
        if !in_links.is_empty() {
            splits.extend(in_links);
            splits.sort_by_key(|s| s.run.start);
            splits.dedup_by(|later, earlier| later.run.start < earlier.run.end);
        }
        if splits.is_empty() {
            return Vec::new();
        }
        let lower = cx.lowered(p);
        // Read only when the page itself does not write a name whole.
        let others = OnceCell::new();
        let others = || others.get_or_init(|| lowered_translations(cx, p));
        // Each split with where its name is written whole, and whether
        // only misspelled; a spaced one needs that evidence to stand.
        // A page names the same few names again and again: each is looked
        // for once (a search of the page and its translations each).
        let mut looked_up: HashMap<(String, bool), (Option<Whole>, bool)> = HashMap::new();
        let found: Vec<(Split, Option<Whole>, bool)> = splits
            .into_iter()
            .map(|split| {
                let name = joined(&text[split.run.clone()]);
                let (whole, misspelled) = looked_up
                    .entry((name, split.kind == Kind::Dot))
                    .or_insert_with_key(|(name, _)| {
                        written_somewhere(lower, name, split.kind, &others)
                    })
                    .clone();
                (split, whole, misspelled)
            })
            .filter(|(split, whole, misspelled)| {
                split.kind != Kind::Spaced || (whole.is_some() && !misspelled)
            })
            .collect();
        if found.is_empty() {
            return Vec::new();
        }
        let capitals = OnceCell::new();
        let spans: Vec<Range<usize>> = found.iter().map(|(s, ..)| s.run.clone()).collect();
        per_line(cx, p, spans, "another one", |piece| {
            let also = piece.and_more();
            let (written, at) = (piece.written, piece.at);
            let (split, whole, misspelled) = &found[piece.index];
            let misspelled = *misspelled;
            let (name, from_parts) = match whole {
                Some(Whole::Here(w)) => (text[w.clone()].to_owned(), false),
                Some(Whole::There(q, w)) => {
                    (cx.site.pages[*q].source.text[w.clone()].to_owned(), false)
                }
                None => {
                    let names = capitals.get_or_init(|| capitalised(text, &words(text)));
                    recased(&joined(written), text, names)
                }
            };
            let message = match split.kind {
                Kind::Scope | Kind::Spaced if misspelled => format!(
                    "`{written}`{also}: machine translation put a space inside the qualified name `{name}` and misspelled it; readers can neither search for it nor type it"
                ),
                Kind::Scope | Kind::Spaced => format!(
                    "`{written}`{also}: machine translation put a space inside the qualified name `{name}`; readers can neither search for it nor type it"
                ),
                Kind::Dot => format!(
                    "`{written}`{also}: machine translation split the member name `{name}` at its dot, as if a sentence ended there; readers can neither search for it nor type it"
                ),
            };
            // The name as written whole, where only spaces and case tell
            // it from this one, is what to write for certain.
            let certain = whole.is_some()
                && !misspelled
                && piece.spans.len() == 1
                && !written.contains('\\')
                && bare(written) == bare(&name);
            let fix = certain
                .then(|| cx.edit(p, piece.spans[0].clone(), name.clone()))
                .flatten();
            let finding = Finding::warning("split-member-name", at, message).with_fix(fix);
            match whole {
                Some(whole) => as_written_whole(cx, p, finding, whole.clone()),
                None if from_parts => finding.with_help(format!(
                    "write `{name}` in one piece, with the capitals the page gives its parts elsewhere; {IN_CODE}"
                )),
                None => finding.with_help(format!("write `{name}` in one piece; {IN_CODE}")),
            }
        })
    })
}

/// `name` without its spaces, in lower case: what a split and the name
/// written whole have in common when only spacing and case tell them
/// apart.
fn bare(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Where the name `joined` (a split's, its spaces dropped) is written
/// whole: on the page (`lower`, in lower case: its `api_name`, the source
/// text beside a side-by-side sentence; translation often lower-cased the
/// split one), else on another page of its group (`others`, made when first
/// needed); else, for a `::` name the pipeline also misspelled (de-de's
/// `Ienumumuseridentity:: Reset`), where one of them writes it right
/// ([`written_alike`]), which the second value says.
fn written_somewhere<'a>(
    lower: &str,
    joined: &str,
    kind: Kind,
    others: &impl Fn() -> &'a Vec<(usize, &'a str)>,
) -> (Option<Whole>, bool) {
    let whole = written_whole(lower, joined)
        .map(Whole::Here)
        .or_else(|| written_whole_there(others(), joined));
    if whole.is_some() || kind == Kind::Dot {
        return (whole, false);
    }
    let alike = written_alike(lower, joined).map(Whole::Here).or_else(|| {
        others()
            .iter()
            .find_map(|(q, other)| Some(Whole::There(*q, written_alike(other, joined)?)))
    });
    let misspelled = alike.is_some();
    (alike, misspelled)
}

/// `joined` with each part machine translation lower-cased written with
/// the capitals `names` ([`capitalised`]: the page's names with capitals
/// inside) give it, `Icontextlink::getsourcenode` as
/// `IContextLink::GetSourceNode`; and whether that was done. It is not
/// when a part in lower case has no such name: half a name recased would
/// read as the right one.
fn recased(joined: &str, text: &str, names: &HashMap<String, Range<usize>>) -> (String, bool) {
    let mut out = String::with_capacity(joined.len());
    let mut changed = false;
    for part in joined.split_inclusive([':', '.']) {
        let name = part.trim_end_matches([':', '.']);
        let separator = &part[name.len()..];
        let lowered = !name.bytes().skip(1).any(|b| b.is_ascii_uppercase());
        match names.get(&name.to_ascii_lowercase()).filter(|_| lowered) {
            Some(range) => {
                out.push_str(&text[range.clone()]);
                changed = true;
            }
            None if name.bytes().any(|b| b.is_ascii_lowercase())
                && !name.bytes().any(|b| b.is_ascii_uppercase()) =>
            {
                return (joined.to_owned(), false);
            }
            None => out.push_str(name),
        }
        out.push_str(separator);
    }
    (out, changed)
}

/// Where `lower` (a page in lower case) writes a qualified name like
/// `name` (joined, with `::`): the same last part in any case, as many
/// parts, and each other part in its letters nearly the same (a
/// Damerau-Levenshtein similarity of 0.8 at least, one letter in five:
/// `ienumumuseridentity` for `ienumuseridentity`, `iendumuseridentity`);
/// the most alike where several are. A name misspelled in its last part
/// is not looked for: that part is what tells which member is meant.
fn written_alike(lower: &str, name: &str) -> Option<Range<usize>> {
    let name = name.to_ascii_lowercase();
    let parts: Vec<&str> = name.split("::").collect();
    let (last, firsts) = parts.split_last()?;
    if firsts.is_empty() || last.is_empty() {
        return None;
    }
    let bytes = lower.as_bytes();
    let needle = format!("::{last}");
    let mut best: Option<(f64, Range<usize>)> = None;
    for at in memchr::memmem::find_iter(bytes, needle.as_bytes()) {
        let end = at + needle.len();
        if bytes.get(end).copied().is_some_and(is_name_byte) {
            continue;
        }
        let mut start = at;
        for _ in firsts {
            let part_end = start;
            while start > 0 && is_name_byte(bytes[start - 1]) {
                start -= 1;
            }
            if start == part_end {
                break;
            }
            if start >= 2 && &bytes[start - 2..start] == b"::" {
                start -= 2;
            }
        }
        let theirs: Vec<&str> = lower[start..at].split("::").collect();
        if theirs.len() != firsts.len() || (start > 0 && bytes[start - 1] == b':') {
            continue;
        }
        let alike = theirs
            .iter()
            .zip(firsts)
            .map(|(a, b)| strsim::normalized_damerau_levenshtein(a, b))
            .fold(1.0, f64::min);
        if alike >= 0.8 && best.as_ref().is_none_or(|(most, _)| alike > *most) {
            best = Some((alike, start..end));
        }
    }
    best.map(|(_, range)| range)
}

/// The name as written without the spaces after its separators, nor
/// before a `::`.
fn joined(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    let mut after_separator = false;
    for (i, c) in written.char_indices() {
        let before_scope = written[i..].trim_start().starts_with("::");
        if c.is_whitespace() && (after_separator || before_scope) {
            continue;
        }
        after_separator = c == ':' || c == '.';
        out.push(c);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `IPin:: EnumMediaTypes`.
    Scope,
    /// `IEnumUserIdentity :: GetCount`, a space on each side, as French
    /// typography puts one before a colon: also how a Python classifier
    /// reads (`License :: OSI Approved`), so found only where the name is
    /// written whole, on the page or another of its translation group.
    Spaced,
    /// `CBasePin. EnumMediaTypes`, named whole in `api_name`, or a link's
    /// `sys. types` where another locale's same link reads `sys.types`.
    Dot,
}

/// A qualified name split after a separator.
#[derive(Debug, PartialEq, Eq)]
struct Split {
    run: Range<usize>,
    kind: Kind,
}

/// The split names of `text`, in text order: at `scopes`, where `text`
/// has `:: ` ([`crate::marks`]), and where a name of `api_names` stands
/// split at a dot (`lower`, the page in lower case, is made for those);
/// none in the code blocks `code` gives (asked for only when a page has a
/// candidate), code spans or the source text beside a side-by-side
/// sentence.
fn splits<'l>(
    text: &str,
    scopes: impl Iterator<Item = usize>,
    api_names: &[&str],
    lower: impl Fn() -> &'l str,
    code: impl FnOnce() -> Vec<Range<usize>>,
) -> Vec<Split> {
    let bytes = text.as_bytes();
    let mut candidates: Vec<Split> = scopes
        .filter_map(|at| scope_split(bytes, at))
        .map(|(run, spaced)| Split {
            run,
            kind: if spaced { Kind::Spaced } else { Kind::Scope },
        })
        .collect();
    for name in api_names.iter().filter(|n| member_name(n)) {
        candidates.extend(dot_splits(lower(), name).into_iter().map(|run| Split {
            run,
            kind: Kind::Dot,
        }));
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    let blocks = code();
    candidates.sort_by_key(|s| (s.run.start, std::cmp::Reverse(s.run.end)));
    let mut out: Vec<Split> = Vec::new();
    // The candidates come in text order: their lines are read once.
    let mut scan = LineScan::default();
    for split in candidates {
        let start = split.run.start;
        let overlaps = out.last().is_some_and(|last| last.run.end > start);
        if overlaps
            || in_code(&blocks, start)
            || scan.in_code_span(text, start)
            || scan.hidden(text, start)
        {
            continue;
        }
        out.push(split);
    }
    out
}

/// Dotted names split in a link's text (`[sys. types](…/sys-types-transact-sql.md)`,
/// the real fr-fr `sys.columns` page of SQL Server's docs) where another
/// page of the translation group links the same target with the name
/// whole (`[sys.types](…)`): the link tells what its `api_name` list
/// tells on a reference page. Only links whose text readers see.
fn link_splits(cx: &Context, p: usize) -> Vec<Split> {
    let page = &cx.site.pages[p];
    let facts = &page.doc.facts;
    let mut out = Vec::new();
    let mut translated: Option<rustc_hash::FxHashSet<(&str, String)>> = None;
    for link in facts.links.iter().filter(|l| l.text_read && !l.image) {
        let shown = facts.link_text(link).trim_matches(['*', ' ']);
        if !shown.contains(". ") {
            continue;
        }
        let name = shown.replace(". ", ".");
        if qualified_name(&name).is_none() {
            continue;
        }
        // The translations' links, read once for the page (a page may hold
        // thousands of such links).
        let theirs = translated.get_or_insert_with(|| {
            cx.site
                .translations(p)
                .flat_map(|q| {
                    let facts = &cx.site.pages[q].doc.facts;
                    facts.links.iter().map(move |l| {
                        let text = facts.link_text(l).trim_matches(['*', ' ']);
                        (facts.target(l), text.to_ascii_lowercase())
                    })
                })
                .collect()
        });
        let linked_whole = theirs.contains(&(facts.target(link), name.to_ascii_lowercase()));
        let range = text_range(cx, p, link);
        let at = page.source.text[range.clone()].find(shown);
        if let (true, Some(at)) = (linked_whole, at) {
            let start = range.start + at;
            out.push(Split {
                run: start..start + shown.len(),
                kind: Kind::Dot,
            });
        }
    }
    out
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The qualified name around the `:: ` at `at`, when a name (or `]`, as
/// in PowerShell's `[Math]::Round`) stands before it and one after the
/// spaces: from the start of the first part to the end of the last, any
/// further `::` parts, split or not, included; and whether a space stands
/// before the operator too ([`Kind::Spaced`]).
fn scope_split(bytes: &[u8], at: usize) -> Option<(Range<usize>, bool)> {
    // `Name :: Member`: the name before the space.
    let spaced = at >= 2 && bytes[at - 1] == b' ' && is_name_byte(bytes[at - 2]);
    let operator = at;
    let at = if spaced { at - 1 } else { at };
    let mut start = at;
    loop {
        while start > 0 && is_name_byte(bytes[start - 1]) {
            start -= 1;
        }
        if start >= 3 && &bytes[start - 2..start] == b"::" && is_name_byte(bytes[start - 3]) {
            start -= 2;
        } else {
            break;
        }
    }
    // An IPv6 address ending in `::` (`fd00::`, `2001:db8::`) before a
    // word is prose, not a name; a class of hexadecimal letters
    // (`CAdd::`) is.
    let group = &bytes[start..at];
    let hex = group.iter().all(u8::is_ascii_hexdigit)
        && (group.iter().any(u8::is_ascii_digit) || !group.iter().any(u8::is_ascii_uppercase));
    let address = hex || start > 0 && bytes[start - 1] == b':';
    let start = if start < at && is_name_start(bytes[start]) && !address {
        start
    } else if start == at && at > 0 && bytes[at - 1] == b']' {
        // `[System.Math]`: a type name in brackets.
        let open = memchr::memrchr(b'[', &bytes[..at])?;
        let inside = &bytes[open + 1..at - 1];
        let typed = !inside.is_empty() && inside.iter().all(|&b| is_name_byte(b) || b == b'.');
        if !typed {
            return None;
        }
        open
    } else if start == at && !spaced && at > 0 && matches!(bytes[at - 1], b'*' | b'[') {
        // `**:: GlobalSize**`, `[:: Advise](...)`: a global function's
        // `::GlobalSize`, bold or linked, the markup opened right before
        // the operator. Not a bare ` :: ` in prose ("the :: operator").
        at
    } else {
        return None;
    };
    if spaced && start == at {
        return None;
    }
    let mut end = operator;
    // `::`, spaces or none, then a name (a destructor's `~` included);
    // after a spaced operator, the next may be spaced too.
    loop {
        if spaced && bytes.get(end..end + 3) == Some(b" ::") {
            end += 1;
        }
        if bytes.get(end..end + 2) != Some(b"::") {
            break;
        }
        let mut next = end + 2;
        while bytes.get(next) == Some(&b' ') {
            next += 1;
        }
        let name = next + usize::from(bytes.get(next) == Some(&b'~'));
        if !bytes.get(name).copied().is_some_and(is_name_start) {
            break;
        }
        end = name;
        while bytes.get(end).copied().is_some_and(is_name_byte) {
            end += 1;
        }
    }
    (end > operator).then_some((start..end, spaced))
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

/// Whether an `api_name` entry is a member name this rule looks for: two
/// names or more joined by dots, the last no file extension
/// (`Strmbase.lib` is `split-file-name`'s), one of them with a capital
/// inside (`CBasePin`, `EnumMediaTypes`). Such a part is no word, so its
/// name split at a dot, in any case, is no sentence ending before
/// another; `Window.Close` is (`...closes the window. Close it...`).
fn member_name(name: &&str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    let capital_inside = |p: &&str| p.bytes().skip(1).any(|b| b.is_ascii_uppercase());
    parts.len() >= 2
        && parts.iter().any(capital_inside)
        && parts.iter().all(|p| {
            p.len() >= 2
                && p.bytes().all(is_name_byte)
                && p.bytes().next().is_some_and(is_name_start)
        })
        && parts
            .last()
            .is_some_and(|last| !EXTENSIONS.contains(&last.to_ascii_lowercase().as_str()))
}

/// Where `lower` (the page in lower case) writes `name` with spaces after
/// one or more of its dots, in any case: `cbasepin. enummediatypes`.
fn dot_splits(lower: &str, name: &str) -> Vec<Range<usize>> {
    let name = name.to_ascii_lowercase();
    let parts: Vec<&str> = name.split('.').collect();
    let bytes = lower.as_bytes();
    memchr::memmem::find_iter(bytes, parts[0].as_bytes())
        .filter_map(|at| {
            if at > 0 && is_name_byte(bytes[at - 1]) {
                return None;
            }
            let mut end = at + parts[0].len();
            let mut spaced = false;
            for part in &parts[1..] {
                if bytes.get(end) != Some(&b'.') {
                    return None;
                }
                end += 1;
                while bytes.get(end) == Some(&b' ') {
                    end += 1;
                    spaced = true;
                }
                if !bytes[end..].starts_with(part.as_bytes()) {
                    return None;
                }
                end += part.len();
            }
            let whole = !bytes.get(end).copied().is_some_and(is_name_byte);
            (spaced && whole).then_some(at..end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, api_names: &[&str]) -> Vec<(String, Kind)> {
        let marks = crate::marks::Marks::of(text);
        let lower = text.to_ascii_lowercase();
        splits(
            text,
            marks.offsets(Needle::ScopeSpace),
            api_names,
            || &*lower,
            Vec::new,
        )
        .into_iter()
        .map(|s| (text[s.run].to_owned(), s.kind))
        .collect()
    }

    /// A global name's `::` opened by bold or a link: MFC's localized
    /// pages write `**:: GlobalSize**` and `**:: SQLSetPos**`.
    #[test]
    fn global_names_split_after_their_operator_are_found_in_markup() {
        let text = "Llame a **:: GlobalSize** y al método imApitable [:: Advise](a.md). \
                    El operador :: permite, y **:: (dos puntos dobles)** no.";
        let got: Vec<String> = found(text, &[])
            .into_iter()
            .filter(|(_, kind)| *kind != Kind::Spaced)
            .map(|(s, _)| s)
            .collect();
        assert_eq!(got, [":: GlobalSize", ":: Advise"]);
        assert_eq!(joined(":: GlobalSize"), "::GlobalSize");
    }

    #[test]
    fn names_split_after_their_scope_operator_are_found() {
        let text = "Implementa [**IPin:: EnumMediaTypes**](x). Llama a CBasePin:: GetMediaType, \
                    a std:: vector:: push_back, a CFoo::  ~CFoo, CAdd:: Run y a [Math]:: Round.";
        let got: Vec<String> = found(text, &[]).into_iter().map(|(s, _)| s).collect();
        assert_eq!(
            got,
            [
                "IPin:: EnumMediaTypes",
                "CBasePin:: GetMediaType",
                "std:: vector:: push_back",
                "CFoo::  ~CFoo",
                "CAdd:: Run",
                "[Math]:: Round"
            ]
        );
    }

    /// A colon pair that is no scope: a label, a number, an IPv6 address,
    /// a Python classifier, a name in code.
    #[test]
    fn other_colon_pairs_are_not() {
        let text = "Note:: 5 items. Ratio 1:: 2. See `IPin:: Foo` and :: bar. Use fd00:: as a \
                    prefix, or 2001:db8:: for docs, x ::: y.\n\n```cpp\nIPin:: Foo();\n```\n";
        let fence = text.find("```").unwrap_or(0);
        let marks = crate::marks::Marks::of(text);
        let code = || std::iter::once(fence..text.len()).collect();
        let found = splits(text, marks.offsets(Needle::ScopeSpace), &[], || "", code);
        // `and :: bar` only waits for evidence, which no page gives.
        assert!(found.iter().all(|s| s.kind == Kind::Spaced), "{found:?}");
        // The same with the fence read as text: its name is found.
        let found = splits(
            text,
            marks.offsets(Needle::ScopeSpace),
            &[],
            || "",
            Vec::new,
        );
        let found: Vec<&str> = found
            .iter()
            .filter(|s| s.kind == Kind::Scope)
            .map(|s| &text[s.run.clone()])
            .collect();
        assert_eq!(found, ["IPin:: Foo"]);
    }

    /// A space on each side of the operator, as French typography writes
    /// a colon: a candidate that needs the name written whole elsewhere
    /// (`check` asks), since a Python classifier reads the same.
    #[test]
    fn a_scope_operator_spaced_on_both_sides_waits_for_evidence() {
        let text = "IEnumUserIdentity :: GetCount, méthode ; voir A :: B :: C, \
                    License :: OSI, le :: opérateur, [Math] :: Round et Note : : x.";
        assert_eq!(
            found(text, &[]),
            [
                ("IEnumUserIdentity :: GetCount".to_owned(), Kind::Spaced),
                ("A :: B :: C".to_owned(), Kind::Spaced),
                ("License :: OSI".to_owned(), Kind::Spaced),
                ("le :: op".to_owned(), Kind::Spaced),
            ]
        );
        assert_eq!(
            joined("IEnumUserIdentity :: GetCount"),
            "IEnumUserIdentity::GetCount"
        );
        assert_eq!(joined("A :: B :: C"), "A::B::C");
    }

    #[test]
    fn member_names_split_at_a_dot_are_found_where_api_name_names_them() {
        let names = [
            "CBasePin.EnumMediaTypes",
            "Strmbase.lib",
            "x.y",
            "Window.Close",
        ];
        let text = "title: Cbasepin. enummediatypes-Methode\n# CBasePin. EnumMediaTypes\n\
                    Uses CBasePin.EnumMediaTypes. Strmbase. lib. The pin. EnumMediaTypes is next. \
                    It closes the window. Close it first.";
        assert_eq!(
            found(text, &names),
            [
                ("Cbasepin. enummediatypes".to_owned(), Kind::Dot),
                ("CBasePin. EnumMediaTypes".to_owned(), Kind::Dot)
            ]
        );
    }

    /// A name lower-cased and split, on a page that writes its parts with
    /// their capitals elsewhere (its `api_name`, its syntax block).
    #[test]
    fn a_lowercased_name_takes_the_capitals_the_page_gives_its_parts() {
        let text = "api_name:\n- IContextLink.GetSourceNode\n---\n# Icontextlink:: getsourcenode\n\
                    HRESULT GetSourceNode(IContextNode **ppNode);";
        let names = capitalised(text, &words(text));
        assert_eq!(
            recased("Icontextlink::getsourcenode", text, &names),
            ("IContextLink::GetSourceNode".to_owned(), true)
        );
        // A part in lower case the page names nowhere with capitals.
        assert_eq!(
            recased("Icontextlink::getcontextlinkdirection", text, &names),
            ("Icontextlink::getcontextlinkdirection".to_owned(), false)
        );
        assert_eq!(
            recased("IUnknown::Release", text, &names),
            ("IUnknown::Release".to_owned(), false)
        );
    }

    /// win32's de-de `IEnumUserIdentity::GetCount` page writes the
    /// interface `Ienumumuseridentity` and `Iendumuseridentity`; its
    /// English source writes it right.
    #[test]
    fn a_misspelled_name_is_told_by_the_name_written_right() {
        let source =
            "see ienumuseridentity::skip, ienumuseridentity::reset and ienumuseridentity::next.";
        let alike = |name: &str| written_alike(source, name).map(|r| &source[r]);
        assert_eq!(
            alike("Iendumuseridentity::Skip"),
            Some("ienumuseridentity::skip")
        );
        assert_eq!(
            alike("Ienumumuseridentity::Reset"),
            Some("ienumuseridentity::reset")
        );
        // Another interface, another member, or a part more.
        assert_eq!(alike("IEnumIDList::Skip"), None);
        assert_eq!(alike("Ienumumuseridentity::suivant"), None);
        assert_eq!(alike("Ns::Ienumuseridentity::Skip"), None);
        assert_eq!(alike("::Skip"), None);
    }

    #[test]
    fn the_joined_name_drops_the_spaces_after_separators() {
        assert_eq!(joined("IPin:: EnumMediaTypes"), "IPin::EnumMediaTypes");
        assert_eq!(
            joined("Cbasepin. enummediatypes"),
            "Cbasepin.enummediatypes"
        );
        assert_eq!(joined("CFoo::  ~CFoo"), "CFoo::~CFoo");
    }
}
