//! What every rule reads ([`Context`]): the resolved site, where each
//! link leads (resolved once for all the rules), and per-page answers the
//! rules ask again and again (the page in lower case, the words of its
//! code, where it names a switch), made on first ask and kept.

use std::ops::Range;

use rayon::prelude::*;

use super::resolve::{Resolved, Targets};
use super::switches;
use crate::diagnostic::{Edit, Finding, LineIndex, Location};
use crate::markdown::facts::{Link, TokenKind, UnitKind};
use crate::site::Site;

/// What every rule reads: the site, and what is worth computing once.
pub struct Context<'a> {
    pub site: &'a Site,
    pub targets: &'a Targets,
    /// Per page, per link of its facts: where the link leads.
    pub links: Vec<Vec<Resolved<'a>>>,
    /// Per page, its text in ASCII lower case, made when a rule first
    /// asks ([`Context::lowered`]).
    lowered: Vec<std::sync::OnceLock<String>>,
    /// Per page, where it names each switch asked about
    /// ([`switches::named_elsewhere`]). A page's blocks are compared on one
    /// thread, so the locks are not contended.
    pub(super) named: Vec<std::sync::Mutex<switches::Named>>,
    /// Per page, the words of its fenced code ([`Context::code_words`]).
    code_words: Vec<std::sync::OnceLock<rustc_hash::FxHashSet<Box<str>>>>,
    /// Per page, the last place asked for: offset, line and column
    /// ([`Context::position`]).
    positions: Vec<std::sync::Mutex<Option<(usize, usize, usize)>>>,
}

impl<'a> Context<'a> {
    pub fn new(site: &'a Site) -> Context<'a> {
        let targets = &site.targets;
        let links = site
            .pages
            .par_iter()
            .map(|page| {
                page.doc
                    .facts
                    .links
                    .iter()
                    .map(|link| {
                        targets.resolve(
                            page.locale(),
                            &page.source.rel_path,
                            page.doc.facts.target(link),
                        )
                    })
                    .collect()
            })
            .collect();
        Context {
            site,
            targets,
            links,
            lowered: site
                .pages
                .iter()
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            named: site.pages.iter().map(|_| Default::default()).collect(),
            code_words: site.pages.iter().map(|_| Default::default()).collect(),
            positions: site.pages.iter().map(|_| Default::default()).collect(),
        }
    }

    /// Page `page`'s text in ASCII lower case (byte offsets unchanged),
    /// made once for all the rules and blocks that look for a word in any
    /// case: made per question, a page of thousands of table rows was
    /// lower-cased thousands of times.
    pub fn lowered(&self, page: usize) -> &str {
        self.lowered[page].get_or_init(|| self.site.pages[page].source.text.to_ascii_lowercase())
    }

    /// An edit of page `page` replacing bytes `span` (on one line) with
    /// `replacement`, for `check --fix`; `None` when `span` is not text of
    /// one line of the page, or already reads `replacement`.
    pub fn edit(&self, page: usize, span: Range<usize>, replacement: String) -> Option<Edit> {
        let original = self.snippet(page, span.clone())?.to_owned();
        (original != replacement).then(|| Edit {
            location: self.location(page, span.clone()),
            range: span,
            original,
            replacement,
        })
    }

    /// The location of bytes `span` of page `page`'s file.
    pub fn location(&self, page: usize, span: Range<usize>) -> Location {
        let (line, column) = self.position(page, span.start);
        let (end_line, end) = self.position(page, span.end);
        let mut location = Location::at(&self.site.pages[page].source.display, line, column);
        if end_line == line && end > column {
            location.end_column = end;
        }
        location
    }

    /// Line and column of byte `offset` of page `page`, as
    /// [`LineIndex::position`] gives them. A column counts the characters
    /// from its line's start, and rules ask for places in text order, so
    /// the count goes on from the page's last place when it is earlier on
    /// the same line: asked from the line's start each time, thousands of
    /// places on one long line cost the square of their number.
    fn position(&self, page: usize, offset: usize) -> (usize, usize) {
        let index = self.line_index(page);
        let text = self.site.pages[page].source.text.as_str();
        let offset = offset.min(text.len());
        let line = index.line(offset);
        let mut last = self.positions[page]
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let onward = match *last {
            Some((from, on, column)) if on == line && from <= offset => text
                .get(from..offset)
                .map(|between| column + between.chars().count()),
            _ => None,
        };
        let column = onward.unwrap_or_else(|| index.position(offset).1);
        *last = Some((offset, line, column));
        (line, column)
    }

    /// Where the destination of `link` is written in page `page`: the
    /// `target.md#x` of `[text](target.md#x)` or of `href="..."`, where the
    /// fix goes, rather than the whole link. With `fragment`, only its
    /// `#x`. A destination not written out within the link (a reference
    /// link's `[text][ref]`, or one spelled with escapes or entities) gives
    /// the whole link.
    pub fn destination(&self, page: usize, link: &Link, fragment: bool) -> Location {
        self.location(page, self.destination_span(page, link, fragment))
    }

    /// The bytes [`Self::destination`] points at.
    pub fn destination_span(&self, page: usize, link: &Link, fragment: bool) -> Range<usize> {
        let text = &self.site.pages[page].source.text;
        let written = self.site.pages[page].doc.facts.target(link);
        let wanted = if fragment {
            written.rfind('#').map_or(written, |hash| &written[hash..])
        } else {
            written
        };
        // After the last `](`: the link text may spell the destination
        // too (`[a.md](a.md)`), and a title after it (`(a.md "a.md")`).
        text.get(link.span.clone())
            .filter(|_| !wanted.is_empty())
            .and_then(|source| {
                let from = source.rfind("](").map_or(0, |i| i + 2);
                Some(from + source[from..].find(wanted)?)
            })
            .map_or(link.span.clone(), |at| {
                let start = link.span.start + at;
                start..start + wanted.len()
            })
    }

    /// The 1-based line of byte `offset` of page `page`: [`Self::location`]
    /// without the file path, for messages that list lines.
    pub fn line(&self, page: usize, offset: usize) -> usize {
        self.line_index(page).line(offset)
    }

    fn line_index(&self, page: usize) -> LineIndex<'a> {
        self.site.pages[page].source.line_index()
    }

    /// The source text of bytes `span` of page `page`, if it is on one line.
    pub fn snippet(&self, page: usize, span: Range<usize>) -> Option<&'a str> {
        let text = self.site.pages[page].source.text.get(span)?;
        (!text.is_empty() && !text.contains('\n')).then_some(text)
    }

    /// Runs `f` on every page, in parallel; findings come out in page order.
    pub fn per_page(
        &self,
        f: impl Fn(usize, &'a crate::site::Page) -> Vec<Finding> + Sync,
    ) -> Vec<Finding> {
        self.site
            .pages
            .par_iter()
            .enumerate()
            .flat_map_iter(|(p, page)| f(p, page))
            .collect()
    }

    /// The ids page `page` carries once built: its own, and those of the
    /// files it includes (which the build splices in).
    pub fn ids(&self, page: usize) -> Vec<&'a str> {
        let mut ids = Vec::new();
        let mut seen = vec![page];
        let mut todo = vec![page];
        while let Some(p) = todo.pop() {
            let page = &self.site.pages[p];
            let facts = &page.doc.facts;
            ids.extend(facts.anchors.iter().map(|a| facts.id(a)));
            for d in &page.doc.directives {
                if let crate::markdown::directives::Kind::Include { target, .. } = &d.kind
                    && let Some(q) =
                        self.site
                            .find_page(page.locale(), &page.source.rel_path, target)
                    && !seen.contains(&q)
                {
                    seen.push(q);
                    todo.push(q);
                }
            }
        }
        ids
    }

    /// Whether byte `at` of page `page` is code, shown as written: in a
    /// fenced block or a code span. For the rules that scan a page's text
    /// for what Markdown would make of it.
    pub fn in_code(&self, page: usize, at: usize) -> bool {
        let facts = &self.site.pages[page].doc.facts;
        facts.units.iter().enumerate().any(|(i, u)| {
            (u.kind == UnitKind::Code && self.unit_extent(page, i).contains(&at))
                || facts
                    .tokens_of(u)
                    .iter()
                    .any(|t| t.kind == TokenKind::InlineCode && t.span().contains(&at))
        })
    }

    /// The first place `find` finds in one of `page`'s fenced code blocks
    /// (given the block's code, it answers a range in it), as a byte range
    /// in the file: the page's own code as evidence of what it writes.
    pub fn in_fenced_code(
        &self,
        page: usize,
        mut find: impl FnMut(&str) -> Option<Range<usize>>,
    ) -> Option<Range<usize>> {
        let facts = &self.site.pages[page].doc.facts;
        let text = &self.site.pages[page].source.text;
        facts.fenced().find_map(|t| {
            let span = t.span();
            let found = find(text.get(span.clone())?)?;
            Some(span.start + found.start..span.start + found.end)
        })
    }

    /// The words of `page`'s fenced code blocks: its runs of ASCII letters
    /// and digits, lower-cased. A word looked for in the code as a word of
    /// its own is there only if each of its own runs is in this set, which
    /// answers most questions without reading every block again (a page of
    /// thousands of blocks asked once per block).
    pub fn code_words(&self, page: usize) -> &rustc_hash::FxHashSet<Box<str>> {
        self.code_words[page].get_or_init(|| {
            let mut words = rustc_hash::FxHashSet::default();
            self.in_fenced_code(page, |code| {
                words.extend(
                    code.split(|c: char| !c.is_ascii_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(|w| w.to_ascii_lowercase().into_boxed_str()),
                );
                None
            });
            words
        })
    }

    /// The bytes of block `unit` of `page`: from its start to the next
    /// block's (an item's own paragraphs are no blocks of their own), or
    /// to the end of the file.
    pub fn unit_extent(&self, page: usize, unit: usize) -> Range<usize> {
        let page = &self.site.pages[page];
        let units = &page.doc.facts.units;
        let start = units[unit].offset;
        let end = units[unit + 1..]
            .iter()
            .map(|u| u.offset)
            .find(|&o| o > start)
            .unwrap_or(page.source.text.len());
        start..end.max(start)
    }

    pub fn locale_key(&self, page: usize) -> &'a str {
        &self.site.locales[self.site.pages[page].locale()].key
    }

    /// Whether `page` is in the source locale translations are made from.
    pub fn is_source(&self, page: usize) -> bool {
        Some(self.site.pages[page].locale()) == self.site.source
    }

    /// The locales of `pages` as a message lists them, in their order:
    /// `en-us (the source), it-it`.
    pub fn locale_labels(&self, pages: impl IntoIterator<Item = usize>) -> String {
        let labels: Vec<String> = pages.into_iter().map(|p| self.locale_label(p)).collect();
        labels.join(", ")
    }

    /// `page`'s locale as a message names it: `it-it`, `en-us (the source)`.
    pub fn locale_label(&self, page: usize) -> String {
        let key = self.locale_key(page);
        if self.is_source(page) {
            format!("{key} (the source)")
        } else {
            key.to_owned()
        }
    }

    /// What a translation-consistency finding's help ends with: what to do
    /// when `reference`, the page quoted as right, is not.
    pub fn if_wrong(&self, reference: usize) -> String {
        if self.is_source(reference) {
            format!(
                "if {} is wrong, correct it and then its translations",
                self.locale_key(reference)
            )
        } else {
            "if this locale is right, correct the others".to_owned()
        }
    }
}
