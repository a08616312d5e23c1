//! `split-path`: a path machine translation split at its backslashes.
//!
//! Reference prose names registry keys, WMI namespaces and folders as
//! paths, `Software\Microsoft\WBEM\WDMProvider`, `\\root\wmi`, and
//! machine translation takes the backslashes for punctuation: the real
//! de-de "Accessing Data from Device Drivers" (`tests/data/real-wmi`)
//! reads `\ Software Microsoft \ WBEM \ WDMProvider`, `"Root \ Wmi"` and
//! `\ \ \ wmi-Stammnamespace` (`root` translated into the word after it),
//! its zh-tw `軟體 \ Microsoft \ WBEM \ WDMProvider` and `\ \ 根 \ wmi`.
//! No token holds a path, so the token comparison sees nothing; readers
//! who type the key or search for it find nothing.
//!
//! The evidence is two-sided, per block: something writes the path whole
//! and this block, which does not, writes a backslash with a space beside
//! it next to the path's parts: no language spaces a backslash, and a
//! path written whole is left alone whatever it names (a translator may
//! localize a placeholder, `<Benutzer>`). What writes it whole: the
//! source text a side-by-side page keeps hidden beside each sentence,
//! else the same block in another translation, the source locale's first
//! ([`Counterparts`], any version: paths seldom change). The parts must
//! be half of the path's at least (`wmi` of `root\wmi`, `root` having
//! been translated), in a run of backslashes and parts with at most one
//! other word between two (`根`, `遠端偵錯程式`). A placeholder beside a
//! path is no part of it: Visual Studio's docs name the remote debugger's
//! folder `<Visual Studio installation directory>\Common7\IDE\Remote
//! Debugger\<x86, x64, or Appx>`, the path `\Common7\IDE\Remote
//! Debugger\`, which their fr-fr page splits (`tests/data/real-vs`).
//!
//! `check --fix` writes the path as the text that writes it whole does,
//! where the run is the path's parts alone, in order, with backslashes
//! and spaces between: nothing of it was translated. A run missing a part
//! is told, not fixed.
//!
//! Pages are looked at only where the loader marked a backslash before a
//! space ([`crate::marks`]), and aligned with their translations only when
//! a block holds one outside code; most pages have none.
//!
//! A block is searched once per distinct path its givers write (a
//! generated page's line may name one key thousands of times), through
//! the backslashes a part of that path reaches ([`runs::Searched::linked`]):
//! linear in the block for a path. A block with thousands of distinct
//! paths sharing parts still costs their product (`benches/README.md`,
//! "Scaling").

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::diagnostic::Finding;
use crate::marks::Needle;

use super::Context;
use super::counterparts::Counterparts;

mod block;
mod runs;

use block::{Block, Path};
use runs::{Run, Searched};

/// The findings of every page a backslash before a space was marked on
/// by the loader, outside the source locale.
pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut marks = page.source.marks.offsets(Needle::BackslashSpace).peekable();
        if marks.peek().is_none() || cx.is_source(p) {
            return Vec::new();
        }
        let facts = &page.doc.facts;
        // Aligned with the page's translations only when a block holds a
        // split: most marks are in code.
        let counterparts = OnceCell::new();
        // Marks are in text order, and so are units: each block once.
        let mut last: Option<usize> = None;
        let mut out = Vec::new();
        for at in marks {
            let Some(unit) = facts.unit_at(at) else {
                continue;
            };
            if last == Some(unit) {
                continue;
            }
            last = Some(unit);
            let kind = match facts.units[unit].kind {
                kind if kind.holds_prose() => kind.name(),
                _ => continue,
            };
            let extent = super::counterparts::extent(page, unit);
            if !extent.contains(&at) {
                continue;
            }
            let block = Block::read(&page.source.text, extent.clone());
            if !block.spaced() {
                continue;
            }
            let others = counterparts.get_or_init(|| Counterparts::any_version(cx, p));
            let others: Vec<(usize, Block)> = others
                .blocks(at)
                .into_iter()
                .map(|(q, range)| (q, Block::read(&cx.site.pages[q].source.text, range)))
                .collect();
            // The source text beside the sentence first (this block's
            // hidden paths), then the same block in the other
            // translations, the source locale's first.
            let givers = std::iter::once((p, &block, true))
                .chain(others.iter().map(|(q, other)| (*q, other, false)));
            let searched = Searched::new(&block);
            // Each path once, from its first giver: a block, or a long
            // line of a generated page, may name one key thousands of
            // times, and each search reads the whole block.
            let mut tried: FxHashSet<String> = FxHashSet::default();
            let mut told: Vec<Range<usize>> = Vec::new();
            for (q, giver, hidden_only) in givers {
                for path in giver
                    .paths
                    .iter()
                    .filter(|path| path.hidden || !hidden_only)
                {
                    if !tried.insert(path.plain.to_ascii_lowercase()) || searched.writes(path) {
                        continue;
                    }
                    let Some(run) = block.run_of(path, &searched) else {
                        continue;
                    };
                    if told
                        .iter()
                        .any(|t| t.start < run.span.end && run.span.start < t.end)
                    {
                        continue;
                    }
                    told.push(run.span.clone());
                    let split = Split {
                        page: p,
                        block: &block,
                        run: &run,
                        kind,
                    };
                    out.push(split.finding(cx, (q, giver), path));
                }
            }
        }
        out
    })
}

/// A path split in a block of a page.
struct Split<'b> {
    page: usize,
    block: &'b Block,
    run: &'b Run,
    /// The block's kind, as messages name it.
    kind: &'static str,
}

impl Split<'_> {
    /// The finding, given the block of page `q` (this page's own, for the
    /// source text beside a sentence) that writes `path` whole.
    fn finding(&self, cx: &Context, (q, giver): (usize, &Block), path: &Path) -> Finding {
        let page = self.page;
        let span = self.block.original(self.run.span.clone());
        let shown = &self.block.plain[self.run.span.clone()];
        let locale = cx.locale_key(q);
        let whose = if q == page {
            "the source text beside it".to_owned()
        } else if cx.is_source(q) && cx.site.same_source_version(page, q) {
            format!("the {locale} text it was made from")
        } else {
            locale.to_owned()
        };
        let how = if self.run.whole {
            "split it at its backslashes"
        } else {
            "split it at its backslashes and translated part of it"
        };
        let written = giver.original(path.span.clone());
        let markdown = &cx.site.pages[q].source.text[written.clone()];
        let kind = self.kind;
        let mut finding = Finding::warning(
            "split-path",
            cx.location(page, span.clone()),
            format!(
                "this {kind} writes `{shown}` where {whose} writes the path `{}`: machine translation {how}, and readers who type it or search for it find nothing",
                path.plain
            ),
        )
        .with_help(format!(
            "write `{}`, as {} does: paths are not translated",
            path.plain,
            if q == page { "the source text" } else { locale }
        ))
        .with_related(
            cx.location(q, written),
            format!("`{}` in {}", path.plain, if q == page { "the source text" } else { locale }),
        );
        if self.run.whole {
            finding = finding.with_fix(cx.edit(page, span, markdown.to_owned()));
        }
        finding
    }
}
