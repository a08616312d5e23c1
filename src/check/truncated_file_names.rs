//! `truncated-file-name`: a file name whose extension machine translation
//! dropped. The real zh-tw "Accessing Data from Device Drivers"
//! (`tests/data/real-wmi`) tells readers to check `Wmiprov` twice where
//! its English source and the de-de translation write the log file
//! `Wmiprov.log`: the pipeline took `.log` for the end of a sentence and
//! lost it. No token holds a file name in prose, so the token comparison
//! sees nothing; readers look for a file that does not exist.
//!
//! The evidence is the same block in another page of the translation
//! group, the source locale's first ([`Counterparts`], any version: file
//! names seldom change): it writes `name.ext` more often than this block,
//! and this block writes the bare `name` more often than it. Both counts
//! are needed: a translation may put the name in a code span (the file
//! name then leaves the prose, no bare name comes in) or use the name
//! alone where the source does too (`Setup.exe` ... `Setup` installs).
//! Names are compared as written, the stem in its case (`Program.cs` is
//! no evidence about a Czech sentence starting with `Program`, which is a
//! word there). Only prose is read: not code, link destinations, tags,
//! or the source text a side-by-side page keeps beside each sentence.
//!
//! `check --fix` appends the extension where every bare name of the block
//! stands for a lost one: the other block writes the name only whole, and
//! as many more times as this block writes it bare.
//!
//! Each page's file names are found once, in parallel, at the dots the
//! loader marked ([`crate::marks`]: a known extension after them, no path
//! or link destination before), and a page's bare names are looked for
//! only when another page of its group writes one of its file names more
//! often; the blocks are aligned only then.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;
use crate::marks::{Needle, file_name_at, starts_after, stem_byte};
use crate::site::Page;

use super::Context;
use super::counterparts::{Counterparts, block_at};
use super::line_scan::LineScan;

/// A file name a page writes in prose: `name.ext`.
#[derive(Clone)]
struct FileName {
    span: Range<usize>,
    /// Where its dot is.
    dot: usize,
}

/// A file name as compared: its stem and its extension, as written.
type Key<'t> = (&'t str, &'t str);

pub fn check(cx: &Context) -> Vec<Finding> {
    let names: Vec<Vec<FileName>> = cx.site.pages.par_iter().map(file_names).collect();
    let counted: Vec<FxHashMap<Key, usize>> = (cx.site.pages.par_iter().zip(&names))
        .map(|(page, names)| counts(&page.source.text, names))
        .collect();
    cx.per_page(|p, page| {
        if cx.is_source(p) {
            return Vec::new();
        }
        let text = &page.source.text;
        let here = &counted[p];
        // The names another page of the group writes more often.
        let mut fewer: Vec<&Key> = Vec::new();
        for q in cx.site.translations(p) {
            for (key, &n) in &counted[q] {
                if n > here.get(key).copied().unwrap_or(0) {
                    fewer.push(key);
                }
            }
        }
        fewer.sort_unstable();
        fewer.dedup();
        if fewer.is_empty() {
            return Vec::new();
        }
        let mut bare: Vec<(usize, usize)> = fewer
            .iter()
            .enumerate()
            .flat_map(|(k, (stem, _))| {
                bare_stems(page, stem, page.source.body_start..text.len())
                    .into_iter()
                    .map(move |at| (at, k))
            })
            .collect();
        if bare.is_empty() {
            return Vec::new();
        }
        bare.sort_unstable();
        let counterparts = Counterparts::any_version(cx, p);
        let mut out = Vec::new();
        for (at, k) in bare {
            let key = fewer[k];
            let stem = key.0;
            let Some((unit, block)) = block_at(page, at) else {
                continue;
            };
            let this = Tally::of(page, &names[p], key, block.clone());
            let giver = counterparts.blocks(at).into_iter().find_map(|(q, range)| {
                let other = &cx.site.pages[q];
                let tally = Tally::of(other, &names[q], key, range);
                (tally.whole > this.whole && tally.bare < this.bare).then_some((q, tally))
            });
            let Some((q, tally)) = giver else {
                continue;
            };
            let kind = page.doc.facts.units[unit].kind.name();
            let first = &tally.first;
            let written = &cx.site.pages[q].source.text[first.clone()];
            let locale = cx.locale_key(q);
            let whose = if cx.is_source(q) && cx.site.same_source_version(p, q) {
                format!("the {locale} text it was made from")
            } else {
                locale.to_owned()
            };
            let span = at..at + stem.len();
            let mut finding = Finding::warning(
                "truncated-file-name",
                cx.location(p, span.clone()),
                format!(
                    "this {kind} writes `{stem}` where {whose} writes the file name `{written}`: machine translation dropped its extension, and readers look for a file that does not exist"
                ),
            )
            .with_help(format!(
                "write `{written}`, as {locale} does; in a code span (`` `…` ``) translation leaves it alone"
            ))
            .with_related(cx.location(q, first.clone()), format!("`{written}` in {locale}"));
            // Every bare name of the block stands for a lost extension.
            if tally.bare == 0 && tally.whole - this.whole == this.bare {
                finding = finding.with_fix(cx.edit(p, span, written.to_owned()));
            }
            out.push(finding);
        }
        out
    })
}

/// How a block writes one file name.
struct Tally {
    /// Whole, in prose.
    whole: usize,
    /// Its stem alone, in prose.
    bare: usize,
    /// Where it is first written whole (empty when it is not).
    first: Range<usize>,
}

impl Tally {
    fn of(page: &Page, names: &[FileName], key: &Key, block: Range<usize>) -> Tally {
        let text = &page.source.text;
        // Names are in text order: those of the block by binary search, as
        // a page of thousands of blocks asks for each.
        let from = names.partition_point(|n| n.span.start < block.start);
        let to = names.partition_point(|n| n.span.start < block.end);
        let mut whole = names[from..to].iter().filter(|n| key_of(text, n, key));
        let first = whole.next().map(|n| n.span.clone());
        Tally {
            whole: first.iter().count() + whole.count(),
            bare: bare_stems(page, key.0, block).len(),
            first: first.unwrap_or_default(),
        }
    }
}

fn key<'t>(text: &'t str, name: &FileName) -> Key<'t> {
    (
        &text[name.span.start..name.dot],
        &text[name.dot + 1..name.span.end],
    )
}

fn key_of(text: &str, name: &FileName, wanted: &Key) -> bool {
    key(text, name) == *wanted
}

/// How many times `text` writes each of its `names`.
fn counts<'t>(text: &'t str, names: &[FileName]) -> FxHashMap<Key<'t>, usize> {
    let mut out = FxHashMap::default();
    for name in names {
        *out.entry(key(text, name)).or_insert(0) += 1;
    }
    out
}

/// The file names `page` writes in prose, in text order, at the dots the
/// loader marked ([`file_name_at`]).
fn file_names(page: &Page) -> Vec<FileName> {
    let text = &page.source.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut scan = LineScan::default();
    let dots = page.source.marks.offsets(Needle::FileName);
    for dot in dots.filter(|&dot| dot >= page.source.body_start) {
        // Where the name starts and ends, as the loader found it.
        let Some(span) = file_name_at(bytes, dot) else {
            continue;
        };
        if prose(page, span.start, &mut scan) {
            out.push(FileName { span, dot });
        }
    }
    out
}

/// Whether `at` of `page` is prose readers see: not in code, a link's
/// destination, a tag, or the source text beside a side-by-side sentence.
/// Places come in text order for `scan`.
fn prose(page: &Page, at: usize, scan: &mut LineScan) -> bool {
    let text = &page.source.text;
    !in_code_block(page, at)
        && !scan.in_code_span(text, at)
        && !scan.in_destination(text, at)
        && !scan.in_tag(text, at)
        && !scan.hidden(text, at)
}

/// Whether `at` is in one of `page`'s code blocks: the block it falls in
/// found by binary search, since every page has marks in code (a
/// command's `setup.exe`) and reading each page's blocks whole took this
/// rule most of its time.
fn in_code_block(page: &Page, at: usize) -> bool {
    let facts = &page.doc.facts;
    facts
        .unit_at(at)
        .is_some_and(|u| facts.units[u].kind == UnitKind::Code)
}

/// Where `page` writes `stem` alone in prose inside `range`: a word of
/// its own, with no dot and extension after it (nor a dot, a space and a
/// word, a name split at its dot: `split-file-name` tells those; nor a
/// Chinese full stop and a word, the zh-tw `Windows。h` of the real
/// `WM_PAINT` page, whose dot machine translation changed: not told).
fn bare_stems(page: &Page, stem: &str, range: Range<usize>) -> Vec<usize> {
    let text = &page.source.text;
    let bytes = text.as_bytes();
    let Some(within) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut scan = LineScan::default();
    memchr::memmem::find_iter(within.as_bytes(), stem.as_bytes())
        .map(|at| range.start + at)
        .filter(|&at| {
            let end = at + stem.len();
            let after_dot = |k: usize| {
                let rest = &bytes[(end + k).min(bytes.len())..];
                let rest = rest.strip_prefix(b" ").unwrap_or(rest);
                rest.first().is_some_and(|&b| stem_byte(b))
            };
            // A full stop of Chinese or Japanese in the dot's place
            // (`Windows。h`) is no lost extension either.
            let rest = &text[end..];
            let followed = match bytes.get(end) {
                None => false,
                Some(b'.') => after_dot(1),
                Some(_) if rest.starts_with(['。', '．']) => after_dot('。'.len_utf8()),
                Some(&b) => stem_byte(b),
            };
            if followed || !starts_after(at.checked_sub(1).map(|b| bytes[b])) {
                return false;
            }
            prose(page, at, &mut scan)
        })
        .collect()
}
