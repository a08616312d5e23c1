//! Parse stage: one pulldown-cmark pass per page turns Markdown into a
//! [`Document`]: headings with their ids, DocFX directives, and the facts
//! the checks need (links, ids, aligned units), all with source positions.
//!
//! The HTML body is not made here but by [`render_body`], called by the
//! render stage just before the page is written. Holding every page's body
//! until the whole site was resolved cost a third of a large build's memory;
//! a second pulldown-cmark pass over a page costs far less than that. Both
//! passes see the same headings in the same order, and the body takes its
//! ids from [`parse`]'s result, so the HTML carries exactly the ids the
//! checks resolved links against.
//!
//! DocFX syntax is handled in small modules: [`directives`] (triple-colon
//! blocks, includes and code references, found and masked before parsing),
//! [`heading`] (explicit `<a name>` ids, slugs), [`tabs`], [`links`]
//! (`.md` to `.html`), [`alerts`] and [`quotes`] (`> [!NOTE]`,
//! `> [!div]`, `> [!VIDEO]`), [`blocks`] (what directives render as),
//! [`snippet`] (code read from files), [`xref`], [`highlight`] (fences).
//! What translations keep is found in [`tokens`] (codes, numbers, URLs)
//! and [`cmdlets`] (PowerShell cmdlet names in prose); [`side_by_side`]
//! recognises the source text older localized pages carry beside each
//! sentence, which titles leave out.

pub mod alerts;
pub mod blocks;
mod body;
pub mod cmdlets;
pub mod code_groups;
mod columns;
pub mod directives;
pub mod facts;
pub mod heading;
pub mod highlight;
pub mod html_links;
pub mod links;
pub mod quotes;
pub mod side_by_side;
pub mod snippet;
pub mod strings;
mod table_pipes;
pub mod tabs;
pub mod tokens;
pub mod xref;

use std::borrow::{Borrow, Cow};
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub use alerts::AlertTitles;
pub use body::{Included, NoSite, RenderContext, SiteLinks, Xref, render_body};
pub use directives::Directive;
use heading::IdAllocator;
pub use highlight::Highlighter;

/// A heading of the page. Its id and text are in its page's [`Headings`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    /// The id it has in the HTML (explicit `<a name>`, or the automatic
    /// slug): [`Headings::id`].
    id: strings::Span,
    /// Whether the id was written by the author (`<a name>`) or generated.
    pub explicit: bool,
    /// Plain text of the heading: [`Headings::text`].
    text: strings::Span,
    /// Byte offset of the heading in the whole file.
    pub offset: usize,
    /// A DocFX tab title (`# [Linux](#tab/linux)`): not a heading of the
    /// page's outline; its id is the tab id.
    pub tab: bool,
}

/// A page's headings in order (a slice of [`Heading`]), with their ids and
/// texts in one buffer: every page's headings stay in memory for the whole
/// run, two strings each were a good part of a page's allocations.
#[derive(Debug, Clone, Default)]
pub struct Headings {
    list: Vec<Heading>,
    strings: strings::Strings,
}

impl std::ops::Deref for Headings {
    type Target = [Heading];

    fn deref(&self) -> &[Heading] {
        &self.list
    }
}

impl Headings {
    /// The id `heading` has in the HTML.
    pub fn id(&self, heading: &Heading) -> &str {
        self.strings.get(&heading.id)
    }

    /// The plain text of `heading`.
    pub fn text(&self, heading: &Heading) -> &str {
        self.strings.get(&heading.text)
    }

    /// Gives back unused capacity, once the page's headings are all in.
    fn shrink_to_fit(&mut self) {
        self.list.shrink_to_fit();
        self.strings.shrink_to_fit();
    }

    pub(crate) fn push(
        &mut self,
        level: u8,
        id: &str,
        explicit: bool,
        text: &str,
        offset: usize,
        tab: bool,
    ) {
        let (id, text) = (self.strings.push(id), self.strings.push(text));
        self.list.push(Heading {
            level,
            id,
            explicit,
            text,
            offset,
            tab,
        });
    }
}

/// A parsed page: what every later stage needs to know about it. The HTML
/// body is not kept here; [`render_body`] makes it when the page is written.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub headings: Headings,
    /// Links, ids and aligned units, for the checks.
    pub facts: facts::Facts,
    /// DocFX directives (includes, triple-colon blocks, code references), in order.
    pub directives: Vec<Directive>,
    /// Tab groups: the indices in `headings` of each group's tabs.
    pub tab_groups: Vec<Vec<usize>>,
    /// The `|` inside code spans of table rows, which DocFX reads as code
    /// (see [`table_pipes`]): byte offsets in the file.
    pub table_pipes: Vec<usize>,
    /// The items an API reference page declares, its own first
    /// ([`crate::landing::api`]); empty for every other page.
    pub api: Vec<crate::landing::api::Declared>,
    /// An FAQ page's Markdown values as the comparison across locales
    /// reads them ([`crate::landing::faq::Answer`]); empty for every other
    /// page.
    pub answers: Vec<crate::landing::faq::Answer>,
}

impl Document {
    /// Text of the first level-1 heading.
    pub fn h1(&self) -> Option<&str> {
        self.headings
            .iter()
            .find(|h| h.level == 1 && !h.tab)
            .map(|h| self.headings.text(h))
    }
}

/// The Markdown dialect: CommonMark with GFM tables, strikethrough, task
/// lists and alerts.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// The text pulldown-cmark parses: `text` with its directives masked
/// (see [`directives`]) and the `|` at `pipes` too ([`table_pipes`]),
/// every offset unchanged.
pub fn parse_text<'t>(text: &'t str, directives: &[Directive], pipes: &[usize]) -> Cow<'t, str> {
    let masked = if directives
        .iter()
        .all(|d| matches!(d.kind, directives::Kind::Unknown { .. }))
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(directives::mask(text, directives))
    };
    if pipes.is_empty() {
        masked
    } else {
        Cow::Owned(table_pipes::mask(masked.into_owned(), pipes))
    }
}

/// The text pulldown-cmark parses for a page: `masked`, or `indented`'s
/// copy of it where the page's columns are indented ([`columns`]); the
/// events' offsets are then mapped back with [`columns::Deindented::range`].
pub(crate) fn parsed_source<'t>(
    masked: &'t str,
    indented: Option<&'t columns::Deindented>,
) -> &'t str {
    indented.map_or(masked, |d| d.text.as_str())
}

/// pulldown-cmark's events for `body`, with source offsets, the `|`
/// masked in it given back ([`table_pipes`]). For the few pages that
/// have any: the others take the parser's own iterator, which the
/// mapping here would slow down.
pub fn restored_events(body: &str) -> impl Iterator<Item = (Event<'_>, Range<usize>)> {
    Parser::new_ext(body, options())
        .into_offset_iter()
        .map(|(event, range)| (table_pipes::restore(event), range))
}

/// Whether the `*` at `at` of `text`, read as text, stands alone as
/// written: no asterisk beside it (a `**` is `stray-bold`'s), not escaped
/// (`\*`). Italics that never opened or closed, or an asterisk meant.
pub(crate) fn lone_star(text: &[u8], at: usize) -> bool {
    let star = |i: Option<usize>| i.and_then(|i| text.get(i)) == Some(&b'*');
    !star(at.checked_sub(1)) && !star(Some(at + 1)) && !is_escaped(text, at)
}

/// Whether the byte at `at` of `bytes` is escaped: an odd run of
/// backslashes stands right before it.
pub(crate) fn is_escaped(bytes: &[u8], at: usize) -> bool {
    let run = bytes[..at.min(bytes.len())]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    run % 2 == 1
}

/// Parses `text[body_start..]` into headings (ids assigned as the HTML will
/// carry them), directives and facts; offsets in the result are in `text`.
pub fn parse(text: &str, body_start: usize) -> Document {
    let directives = directives::find(text, body_start);
    // The text with its directives masked, then its table pipes: each
    // mask made once (the render makes the same with [`parse_text`]).
    let masked = parse_text(text, &directives, &[]);
    let pipes = table_pipes::find(&masked, body_start);
    let masked = if pipes.is_empty() {
        masked
    } else {
        Cow::Owned(table_pipes::mask(masked.into_owned(), &pipes))
    };
    let indented = columns::deindent(&masked, &directives);
    let parsed = &parsed_source(&masked, indented.as_ref())[body_start..];
    let body = &masked[body_start..];
    let mut doc = Document::default();
    let mut ids = IdAllocator::default();
    // Real articles make an event per 17 to 50 bytes: sized for that, the
    // vector is allocated once instead of growing by copying.
    let mut all: Vec<(Event, Range<usize>)> = Vec::with_capacity(body.len() / 16 + 16);
    if pipes.is_empty() {
        all.extend(Parser::new_ext(parsed, options()).into_offset_iter());
    } else {
        all.extend(restored_events(parsed));
    }
    if let Some(indented) = &indented {
        for (_, range) in &mut all {
            *range = indented.range(body_start, range);
        }
    }
    // A heading's events are looked at in place, through references.
    let mut inner: Vec<&Event> = Vec::new();
    // Event indices of the `<a name>` tags that gave headings their ids:
    // not raw HTML ids of their own.
    let mut heading_anchors = Vec::new();
    let mut next = 0;
    while let Some((event, range)) = all.get(next) {
        next += 1;
        let Event::Start(Tag::Heading { level, id, .. }) = event else {
            continue;
        };
        let start = next;
        let end = all[next..]
            .iter()
            .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
            .map_or(all.len(), |i| next + i);
        next = end + 1;
        inner.clear();
        inner.extend(all[start..end].iter().map(|(e, _)| e));
        let offset = body_start + range.start;
        if let Some(tab) = tabs::title(&inner) {
            // The localization's `<a name>` before a tab's link names no
            // element: a tab's title shows its text, and its panel has an
            // id of DocFX's making (`tabpanel_0_http`).
            if leading_anchor(&inner).is_some() {
                heading_anchors.push(start);
            }
            let level = *level as u8;
            doc.headings
                .push(level, &tab.id, false, &tab.title, offset, true);
            continue;
        }
        let anchor = leading_anchor(&inner);
        let text = match anchor {
            Some((_, close)) => {
                heading_anchors.push(start);
                plain_text(
                    inner
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i != 0 && Some(i) != close)
                        .map(|(_, e)| *e),
                )
            }
            None => plain_text(inner.iter().copied()),
        };
        let (id, explicit) = match (anchor, id) {
            (Some((name, _)), _) => {
                ids.explicit(name);
                (name.to_owned(), true)
            }
            (None, Some(attr_id)) => {
                ids.explicit(attr_id);
                (attr_id.to_string(), true)
            }
            (None, None) => (ids.automatic(&text), false),
        };
        doc.headings
            .push(*level as u8, &id, explicit, &text, offset, false);
    }
    doc.headings.shrink_to_fit();
    doc.facts = facts::extract(
        &all,
        body,
        body_start,
        &doc.headings,
        &heading_anchors,
        &directives,
    );
    doc.directives = directives;
    doc.table_pipes = pipes;
    if doc.headings.iter().any(|h| h.tab) {
        doc.tab_groups = tab_groups(&all, body_start, &doc.headings);
    }
    doc
}

/// The page's tab groups as indices into its headings.
fn tab_groups(
    all: &[(Event, Range<usize>)],
    body_start: usize,
    headings: &[Heading],
) -> Vec<Vec<usize>> {
    let events: Vec<Event> = all.iter().map(|(e, _)| e.clone()).collect();
    tabs::groups(&events)
        .iter()
        .map(|g| {
            g.tabs
                .iter()
                .filter_map(|t| {
                    let offset = body_start + all[t.heading].1.start;
                    headings.iter().position(|h| h.offset == offset)
                })
                .collect()
        })
        .collect()
}

/// A heading's leading `<a name="x">`, given the heading's content
/// events: the name, and where its `</a>` is among them, if it is.
fn leading_anchor<'s, 'e: 's, E: Borrow<Event<'e>>>(
    inner: &'s [E],
) -> Option<(&'s str, Option<usize>)> {
    let Event::InlineHtml(html) = inner.first()?.borrow() else {
        return None;
    };
    let name = heading::anchor_name(html)?;
    let close = inner.iter().position(
        |e| matches!(e.borrow(), Event::InlineHtml(h) if h.trim().eq_ignore_ascii_case("</a>")),
    );
    Some((name, close))
}

/// Removes a leading `<a name="x">` (and its `</a>`) from a heading's
/// content, as the HTML body carries the name as the heading's id.
fn strip_heading_anchor(mut inner: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let Some((_, close)) = leading_anchor(&inner) else {
        return inner;
    };
    if let Some(close) = close {
        inner.remove(close);
    }
    inner.remove(0);
    inner
}

/// The visible text of inline events (text and code spans), without the
/// source text of an older localized page ([`side_by_side`]).
fn plain_text<'a, 'e: 'a>(events: impl Iterator<Item = &'a Event<'e>>) -> String {
    let mut text = String::new();
    let mut source = side_by_side::SourceText::default();
    for event in events.filter(|e| !source.hides(e)) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(md: &str) -> Document {
        parse(md, 0)
    }

    fn html(md: &str) -> String {
        let titles = AlertTitles::default();
        let highlighter = Highlighter::default();
        let cx = RenderContext::standalone(&titles, &highlighter);
        render_body(md, 0, &doc(md), &cx)
    }

    #[test]
    fn explicit_anchor_becomes_the_heading_id() {
        let md = "intro\n\n### <a name=\"x\"></a>Texto\n";
        let doc = doc(md);
        assert_eq!(
            html(md).trim_start_matches("<p>intro</p>\n"),
            "<h3 id=\"x\">Texto<a class=\"heading-anchor\" href=\"#x\" aria-label=\"Link to this section\"></a></h3>\n"
        );
        let h = &doc.headings[0];
        assert_eq!(
            (
                h.level,
                doc.headings.id(h),
                h.explicit,
                doc.headings.text(h)
            ),
            (3, "x", true, "Texto")
        );
        assert_eq!((h.offset, h.tab), (7, false));
    }

    #[test]
    fn other_headings_get_unique_slugs() {
        let link = |id: &str| {
            format!(
                "<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"Link to this section\"></a>"
            )
        };
        assert_eq!(
            html("## Causa posible\n## Causa posible\n"),
            format!(
                "<h2 id=\"causa-posible\">Causa posible{}</h2>\n<h2 id=\"causa-posible-1\">Causa posible{}</h2>\n",
                link("causa-posible"),
                link("causa-posible-1")
            )
        );
        // The page's title links to nothing: it is the page.
        assert_eq!(html("# Título\n"), "<h1 id=\"título\">Título</h1>\n");
    }

    #[test]
    fn alerts_any_case_render_as_boxes() {
        let out = html("> [!tip]\n> Hola\n");
        assert_eq!(
            out,
            "<div class=\"alert alert-tip TIP\" role=\"note\">\n<p class=\"alert-title\">Tip</p>\n<p>Hola</p>\n</div>\n"
        );
    }

    #[test]
    fn invalid_tags_stay_visible_and_raw_html_passes() {
        assert_eq!(
            html("run **slmgr -ipk <5x5 key>** now\n"),
            "<p>run <strong>slmgr -ipk &lt;5x5 key&gt;</strong> now</p>\n"
        );
        assert_eq!(html("a<br />b\n"), "<p>a<br />b</p>\n");
    }

    #[test]
    fn random_documents_parse_and_render_without_panicking() {
        // DocFX syntax cut at random places, with non-ASCII text: every
        // offset the parse keeps must stay on a character boundary.
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "# ", "### ", "\n", "\n\n", "    ", "é", "日本", "🙂", "<a name=\"x\"></a>", "</a>",
            "<a name=\"", "<5x5 key>", "&#x", "> [!NOTE]\n> ", "> [!div class=\"x\"]",
            "[!INCLUDE [t](a.md)]", "[!INCLUDE[", "[!code-cs[](f.cs#L1)]", "[!code-", ":::",
            ":::image type=\"complex\" source=\"a.png\" alt-text=\"A\":::", ":::image-end:::",
            "::: zone pivot=\"a\"", "::: zone-end", ":::row:::", ":::column-end:::",
            "# [Linux](#tab/linux)", "---", "```", "```cmd", "~~~", "`", "**", "~~", "|a|b|",
            "|-|-|", "| 0x8007232A |", "[x](a.md#b)", "[x](<a b.md>)", "![i](i.png)", "[x]: a.md",
            "[", "](", "<xref:u>", "0x8007", "1,234", "12\u{a0}345", "- ", "1. ", "- [ ] ",
            "---\ntitle: T\n---\n", "\r\n", "\\", "{#id}", "%", "<xref href=\"u?text=a\"/>",
            "<xref href='u'>", "</xref>", "<a href=\"x.md#y\">", "<img src='i é.png'>", "<A HREF=z",
            "<td><a href=\"", "\">",
        ];
        let titles = AlertTitles::default();
        let highlighter = Highlighter::default();
        let cx = RenderContext::standalone(&titles, &highlighter);
        for md in crate::random_texts(PIECES, 0x2545_f491_4f6c_dd1d, 3000) {
            let body_start = crate::frontmatter::split(&md).map_or(0, |s| s.body_start);
            let doc = parse(&md, body_start);
            render_body(&md, body_start, &doc, &cx);
        }
    }

    #[test]
    fn markdown_links_point_to_html() {
        assert_eq!(
            html("[x](a/b.md#c) [y](https://e.org/z.md)\n"),
            "<p><a href=\"a/b.html#c\">x</a> <a href=\"https://e.org/z.md\">y</a></p>\n"
        );
    }
}
