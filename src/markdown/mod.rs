//! Parse stage: one pulldown-cmark pass per page turns Markdown into a
//! [`Document`]: headings with their ids, and the facts the checks need
//! (links, ids, aligned units), all with source positions.
//!
//! The HTML body is not made here but by [`render_body`], called by the
//! render stage just before the page is written. Holding every page's body
//! until the whole site was resolved cost a third of a large build's memory;
//! a second pulldown-cmark pass over a page costs far less than that. Both
//! passes see the same headings in the same order, and the body takes its
//! ids from [`parse`]'s result, so the HTML carries exactly the ids the
//! checks resolved links against.
//!
//! DocFX syntax is handled as small transformations of the event stream,
//! one module each: [`heading`] (explicit `<a name>` ids, slugs), [`links`]
//! (`.md` to `.html`), [`alerts`], [`highlight`] (fences).

pub mod alerts;
pub mod facts;
pub mod heading;
pub mod highlight;
pub mod links;
pub mod tokens;

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

pub use alerts::AlertTitles;
use heading::IdAllocator;
pub use highlight::Highlighter;

/// What rendering a page's body needs beyond its text and headings.
pub struct RenderContext<'a> {
    /// Alert titles in the page's language.
    pub titles: &'a AlertTitles,
    /// Shared by all pages of a build.
    pub highlighter: &'a Highlighter,
}

/// A heading of the page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    /// The id it has in the HTML (explicit `<a name>`, or the automatic slug).
    pub id: String,
    /// Whether the id was written by the author (`<a name>`) or generated.
    pub explicit: bool,
    /// Plain text of the heading.
    pub text: String,
    /// Byte offset of the heading in the whole file.
    pub offset: usize,
}

/// A parsed page: what every later stage needs to know about it. The HTML
/// body is not kept here; [`render_body`] makes it when the page is written.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub headings: Vec<Heading>,
    /// Links, ids and aligned units, for the checks.
    pub facts: facts::Facts,
}

impl Document {
    /// Text of the first level-1 heading.
    pub fn h1(&self) -> Option<&str> {
        self.headings
            .iter()
            .find(|h| h.level == 1)
            .map(|h| h.text.as_str())
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

/// Parses `text[body_start..]` into headings (ids assigned as the HTML will
/// carry them) and facts; offsets in the result are in `text`.
pub fn parse(text: &str, body_start: usize) -> Document {
    let body = &text[body_start..];
    let mut doc = Document::default();
    let mut ids = IdAllocator::default();
    let all: Vec<(Event, Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    let mut events = all.iter().cloned();
    while let Some((event, range)) = events.next() {
        let Event::Start(Tag::Heading { level, id, .. }) = event else {
            continue;
        };
        let inner = take_until(&mut events, |e| matches!(e, Event::End(TagEnd::Heading(_))));
        let (inner, explicit_id) = strip_heading_anchor(inner);
        let text = plain_text(&inner);
        let (id, explicit) = match (explicit_id, id) {
            (Some(name), _) => {
                ids.explicit(&name);
                (name, true)
            }
            (None, Some(attr_id)) => {
                ids.explicit(&attr_id);
                (attr_id.to_string(), true)
            }
            (None, None) => (ids.automatic(&text), false),
        };
        doc.headings.push(Heading {
            level: level as u8,
            id,
            explicit,
            text,
            offset: body_start + range.start,
        });
    }
    doc.facts = facts::extract(&all, body, body_start, &doc.headings);
    doc
}

/// The HTML body of `text[body_start..]`. `headings` are the page's
/// headings from [`parse`], in order: each rendered heading takes its id
/// from there, so links checked against those ids land where they point.
pub fn render_body(
    text: &str,
    body_start: usize,
    headings: &[Heading],
    cx: &RenderContext,
) -> String {
    let body = &text[body_start..];
    let mut out: Vec<Event> = Vec::new();
    let mut headings = headings.iter();
    let mut events = Parser::new_ext(body, options()).into_offset_iter();
    while let Some((event, _)) = events.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let inner =
                    take_until(&mut events, |e| matches!(e, Event::End(TagEnd::Heading(_))));
                let (inner, _) = strip_heading_anchor(inner);
                let id = headings.next().map(|h| CowStr::from(h.id.clone())).or(id);
                out.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
                out.extend(inner);
                out.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let inner = take_until(&mut events, |e| matches!(e, Event::End(TagEnd::CodeBlock)));
                let code: String = inner
                    .iter()
                    .filter_map(|e| {
                        if let Event::Text(t) = e {
                            Some(t.as_ref())
                        } else {
                            None
                        }
                    })
                    .collect();
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                out.push(Event::Html(
                    cx.highlighter
                        .code_block(lang, &code)
                        .as_ref()
                        .to_owned()
                        .into(),
                ));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = links::rewrite(&dest_url)
                    .map(CowStr::from)
                    .unwrap_or(dest_url);
                out.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                out.push(Event::Html(alerts::open(kind, cx.titles).into()))
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => out.push(Event::Html(alerts::CLOSE.into())),
            Event::Start(Tag::Table(align)) => {
                out.push(Event::Html("<div class=\"table-wrap\">".into()));
                out.push(Event::Start(Tag::Table(align)));
            }
            Event::End(TagEnd::Table) => {
                out.push(Event::End(TagEnd::Table));
                out.push(Event::Html("</div>\n".into()));
            }
            other => out.push(other),
        }
    }
    let mut html = String::with_capacity(body.len() + body.len() / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    html
}

/// Events up to (not including) the first one matching `end`, which is consumed.
fn take_until<'a>(
    events: &mut impl Iterator<Item = (Event<'a>, Range<usize>)>,
    end: impl Fn(&Event) -> bool,
) -> Vec<Event<'a>> {
    events
        .take_while(|(e, _)| !end(e))
        .map(|(e, _)| e)
        .collect()
}

/// Removes a leading `<a name="x">` (and its `</a>`) from a heading's
/// content, returning the name.
fn strip_heading_anchor(mut inner: Vec<Event<'_>>) -> (Vec<Event<'_>>, Option<String>) {
    let Some(Event::InlineHtml(html)) = inner.first() else {
        return (inner, None);
    };
    let Some(name) = heading::anchor_name(html).map(str::to_owned) else {
        return (inner, None);
    };
    inner.remove(0);
    if let Some(close) = inner
        .iter()
        .position(|e| matches!(e, Event::InlineHtml(h) if h.trim().eq_ignore_ascii_case("</a>")))
    {
        inner.remove(close);
    }
    (inner, Some(name))
}

/// The visible text of inline events (text and code spans).
fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for event in events {
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
        let cx = RenderContext {
            titles: &AlertTitles::default(),
            highlighter: &Highlighter::default(),
        };
        render_body(md, 0, &doc(md).headings, &cx)
    }

    #[test]
    fn explicit_anchor_becomes_the_heading_id() {
        let md = "intro\n\n### <a name=\"x\"></a>Texto\n";
        let doc = doc(md);
        assert_eq!(
            html(md).trim_start_matches("<p>intro</p>\n"),
            "<h3 id=\"x\">Texto</h3>\n"
        );
        assert_eq!(
            doc.headings[0],
            Heading {
                level: 3,
                id: "x".into(),
                explicit: true,
                text: "Texto".into(),
                offset: 7
            }
        );
    }

    #[test]
    fn other_headings_get_unique_slugs() {
        assert_eq!(
            html("## Causa posible\n## Causa posible\n"),
            "<h2 id=\"causa-posible\">Causa posible</h2>\n<h2 id=\"causa-posible-1\">Causa posible</h2>\n"
        );
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
    fn markdown_links_point_to_html() {
        assert_eq!(
            html("[x](a/b.md#c) [y](https://e.org/z.md)\n"),
            "<p><a href=\"a/b.html#c\">x</a> <a href=\"https://e.org/z.md\">y</a></p>\n"
        );
    }
}
