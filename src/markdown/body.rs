//! Render pass: a page's Markdown to its HTML body, DocFX syntax included.
//!
//! The events of one pulldown-cmark pass are rewritten in order: headings
//! take the ids [`super::parse`] assigned, fences are highlighted, links
//! point where the site says ([`SiteLinks`]), and each masked directive
//! (see [`super::directives`]) is replaced by what it renders as.
//! Includes are rendered by the same function, recursively, with the
//! included file as the base of its links and the chain of includes kept
//! so that a cycle stops instead of recursing forever.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use super::directives::{Directive, Kind};
use super::highlight::escape;
use super::quotes::{self, Quote};
use super::{
    AlertTitles, Document, Highlighter, alerts, blocks, html_links, links, options, parse_text,
    snippet, strip_heading_anchor, tabs, xref,
};

/// What a body needs from the rest of the site. The render stage knows
/// the site; tests and single files use [`NoSite`].
pub trait SiteLinks: Sync {
    /// The href to write for link `target` written in `file` (a path below
    /// the locale folder), or `None` to keep the target as written
    /// (`.md` becoming `.html`).
    fn href(&self, _file: &str, _target: &str) -> Option<String> {
        None
    }
    /// The href a link to `target`, written in `file`, gets in the built
    /// site: [`SiteLinks::href`], else `.md` as `.html`; `None` when the
    /// target stays as written (a URL, a fragment, a file that is no page).
    fn link_href(&self, file: &str, target: &str) -> Option<String> {
        self.href(file, target).or_else(|| links::rewrite(target))
    }
    /// The HTML of the file that `target`, written in `file`, includes.
    fn include(&self, _file: &str, _target: &str, _cx: &RenderContext) -> Option<String> {
        None
    }
    /// The text of the code file `path`, written in `file`.
    fn snippet(&self, _file: &str, _path: &str) -> Option<Arc<str>> {
        None
    }
    /// The href and title of the page registered under `uid`.
    fn xref(&self, _uid: &str) -> Option<(String, String)> {
        None
    }
    /// The title of zone pivot `id` (`zone-pivot-groups.yml`).
    fn pivot_title(&self, _id: &str) -> Option<String> {
        None
    }
}

/// A site with nothing in it: links stay as written.
pub struct NoSite;

impl SiteLinks for NoSite {}

/// What rendering a body needs beyond its text and document.
pub struct RenderContext<'a> {
    /// Alert titles in the page's language, custom alerts included.
    pub titles: &'a AlertTitles,
    /// Shared by all pages of a build.
    pub highlighter: &'a Highlighter,
    pub site: &'a dyn SiteLinks,
    /// The file being rendered, below its locale folder: the page, or an
    /// included file.
    pub file: &'a str,
    /// The files that include this one, outermost first.
    pub chain: &'a [&'a str],
}

impl<'a> RenderContext<'a> {
    /// A context for a file that stands alone, linked to nothing.
    pub fn standalone(titles: &'a AlertTitles, highlighter: &'a Highlighter) -> Self {
        RenderContext {
            titles,
            highlighter,
            site: &NoSite,
            file: "",
            chain: &[],
        }
    }
}

/// The HTML body of `text[body_start..]`, parsed as `doc`.
pub fn render_body(text: &str, body_start: usize, doc: &Document, cx: &RenderContext) -> String {
    let masked = parse_text(text, &doc.directives);
    let body = &masked[body_start..];
    let (events, ranges): (Vec<Event>, Vec<Range<usize>>) =
        Parser::new_ext(body, options()).into_offset_iter().unzip();
    let mut writer = Writer {
        cx,
        doc,
        body_start,
        out: Vec::with_capacity(events.len()),
        headings: doc.headings.iter(),
        containers: Vec::new(),
        quotes: Vec::new(),
        links: Vec::new(),
        images: 0,
        drop_text: false,
        xref_open: None,
    };
    writer.run(events, &ranges);
    let mut html = String::with_capacity(body.len() + body.len() / 2);
    pulldown_cmark::html::push_html(&mut html, writer.out.into_iter());
    html
}

struct Writer<'c, 'd> {
    cx: &'c RenderContext<'c>,
    doc: &'d Document,
    body_start: usize,
    out: Vec<Event<'d>>,
    headings: std::slice::Iter<'d, super::Heading>,
    /// Open triple-colon containers: name and closing HTML.
    containers: Vec<(String, &'static str)>,
    /// Per open quote block: the HTML that closes it (`None`: a plain quote).
    quotes: Vec<Option<String>>,
    /// Per open link: whether its start was written.
    links: Vec<bool>,
    /// Complex images so far, for their description ids.
    images: usize,
    /// Inside `<xref:uid>`, whose text (the uid) gives way to the title.
    drop_text: bool,
    /// After an `<xref href>` open tag: the text it shows when `</xref>`
    /// comes next, and whether the link was written.
    xref_open: Option<(String, bool)>,
}

impl<'c, 'd> Writer<'c, 'd> {
    fn run<'e: 'd>(&mut self, events: Vec<Event<'e>>, ranges: &[Range<usize>]) {
        let groups = tabs::groups(&events);
        let mut group_at = groups.iter().enumerate().peekable();
        let mut open_group: Option<(usize, &tabs::Group)> = None;
        let mut events: Vec<Option<Event<'e>>> = events.into_iter().map(Some).collect();
        let mut i = 0;
        while i < events.len() {
            if let Some((_, group)) = open_group
                && i == group.end
            {
                self.html(tabs::CLOSE_PANEL);
                self.html(tabs::CLOSE_GROUP);
                open_group = None;
                if group.closed_by_rule {
                    i += 1;
                    continue;
                }
            }
            if let Some(&(n, group)) = group_at.peek()
                && group.tabs[0].heading == i
            {
                self.html(&tabs::open_group(n, group));
                open_group = Some((n, group));
                group_at.next();
            }
            if let Some((n, group)) = open_group
                && let Some((t, tab)) = group.tabs.iter().enumerate().find(|(_, t)| t.heading == i)
            {
                if t > 0 {
                    self.html(tabs::CLOSE_PANEL);
                }
                self.html(&tabs::open_panel(n, &tab.title));
                self.headings.next();
                i = tab.content;
                continue;
            }
            let Some(event) = events[i].take() else {
                i += 1;
                continue;
            };
            i = self.event(event, i, &mut events, ranges);
        }
        if open_group.is_some() {
            self.html(tabs::CLOSE_PANEL);
            self.html(tabs::CLOSE_GROUP);
        }
        while let Some((_, close)) = self.containers.pop() {
            self.html(close);
        }
    }

    fn html(&mut self, html: &str) {
        self.out.push(Event::Html(CowStr::from(html.to_owned())));
    }

    /// Handles `event` (at index `i`); returns the index of the next event.
    fn event<'e: 'd>(
        &mut self,
        event: Event<'e>,
        i: usize,
        events: &mut [Option<Event<'e>>],
        ranges: &[Range<usize>],
    ) -> usize {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let end = (i + 1..events.len())
                    .find(|&j| matches!(events[j], Some(Event::End(TagEnd::Heading(_)))))
                    .unwrap_or(events.len());
                let inner: Vec<Event> = events[i + 1..end]
                    .iter_mut()
                    .filter_map(Option::take)
                    .collect();
                let inner = strip_heading_anchor(inner);
                let id = self
                    .headings
                    .next()
                    .map(|h| CowStr::from(self.doc.headings.id(h).to_owned()))
                    .or(id);
                self.out.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
                for e in inner {
                    let next = self.inline(e);
                    self.out.extend(next);
                }
                self.out.push(Event::End(TagEnd::Heading(level)));
                return end + 1;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut code = String::new();
                let mut j = i + 1;
                while j < events.len() {
                    match events[j].take() {
                        Some(Event::End(TagEnd::CodeBlock)) | None => break,
                        Some(Event::Text(t)) => code.push_str(&t),
                        Some(_) => {}
                    }
                    j += 1;
                }
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                let html = self.cx.highlighter.code_block(lang, &code);
                self.html(&html);
                return j + 1;
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                self.html(&alerts::open(kind, self.cx.titles));
                self.quotes.push(Some(alerts::CLOSE.to_owned()));
            }
            Event::Start(Tag::BlockQuote(None)) => self.quote(i, events),
            Event::End(TagEnd::BlockQuote(_)) => match self.quotes.pop().flatten() {
                Some(close) => self.html(&close),
                None => self.out.push(Event::End(TagEnd::BlockQuote(None))),
            },
            Event::Start(Tag::Table(align)) => {
                self.html("<div class=\"table-wrap\">");
                self.out.push(Event::Start(Tag::Table(align)));
            }
            Event::End(TagEnd::Table) => {
                self.out.push(Event::End(TagEnd::Table));
                self.html("</div>\n");
            }
            Event::Html(ref html) | Event::InlineHtml(ref html)
                if html.trim_start().starts_with("<!--") =>
            {
                let inline = matches!(event, Event::InlineHtml(_));
                let at = self.body_start + ranges[i].start;
                let end = self.body_start + ranges[i].end;
                match self.directive_in(at..end) {
                    Some(d) => self.directive(d, inline),
                    None => self.out.push(event),
                }
            }
            Event::Text(first) => {
                // Text arrives in pieces: join the run before looking for mentions.
                let mut j = i + 1;
                let mut text = first;
                if matches!(events.get(j), Some(Some(Event::Text(_)))) {
                    let mut joined = text.to_string();
                    while let Some(Some(Event::Text(t))) = events.get(j) {
                        joined.push_str(t);
                        events[j] = None;
                        j += 1;
                    }
                    text = joined.into();
                }
                let next = self.inline(Event::Text(text));
                self.out.extend(next);
                return j;
            }
            other => {
                let next = self.inline(other);
                self.out.extend(next);
            }
        }
        i + 1
    }

    /// Inline events: links and images pointed where the site says, xrefs
    /// resolved, `:::no-loc:::` and `@uid` in text.
    fn inline<'e>(&mut self, event: Event<'e>) -> Vec<Event<'e>> {
        if let Some((shown, written)) = self.xref_open.take() {
            if let Event::InlineHtml(html) = &event
                && xref::is_end_tag(html)
            {
                // `<xref href="uid"></xref>`: nothing inside, the title shows.
                let end = if written { "</a>" } else { "" };
                return vec![Event::InlineHtml(format!("{}{end}", escape(&shown)).into())];
            }
            // Text inside the tag shows instead; `</xref>` closes the link.
            self.links.push(written);
        }
        if let Event::InlineHtml(html) = &event
            && let Some(tag) = xref::tag(html)
        {
            return self.xref_tag(tag);
        }
        match event {
            Event::InlineHtml(html) if xref::is_end_tag(&html) => match self.links.pop() {
                Some(true) => vec![Event::InlineHtml("</a>".into())],
                _ => Vec::new(),
            },
            // `<a href="x.md">` and `<img src>` point where Markdown links do.
            Event::InlineHtml(html) => match self.html_links(&html) {
                Some(new) => vec![Event::InlineHtml(new.into())],
                None => vec![Event::InlineHtml(html)],
            },
            Event::Html(html) => match self.html_links(&html) {
                Some(new) => vec![Event::Html(new.into())],
                None => vec![Event::Html(html)],
            },
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some((uid, fragment)) = xref::split(&dest_url) {
                    return match self.cx.site.xref(&uid) {
                        Some((href, page_title)) => {
                            self.links.push(true);
                            let mut out = vec![Event::Start(Tag::Link {
                                link_type: LinkType::Inline,
                                dest_url: format!("{href}{fragment}").into(),
                                title,
                                id,
                            })];
                            if link_type == LinkType::Autolink {
                                // `<xref:uid>` shows the page's title, not the uid.
                                out.push(Event::Text(page_title.into()));
                                self.drop_text = true;
                            }
                            out
                        }
                        None => {
                            self.links.push(false);
                            Vec::new()
                        }
                    };
                }
                self.links.push(true);
                let dest_url = self.href(&dest_url).map(CowStr::from).unwrap_or(dest_url);
                vec![Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })]
            }
            Event::End(TagEnd::Link) => {
                self.drop_text = false;
                match self.links.pop() {
                    Some(false) => Vec::new(),
                    _ => vec![Event::End(TagEnd::Link)],
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self
                    .cx
                    .site
                    .href(self.cx.file, &dest_url)
                    .map(CowStr::from)
                    .unwrap_or(dest_url);
                vec![Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })]
            }
            Event::Text(_) if self.drop_text => Vec::new(),
            Event::Text(text) => match self.text(&text) {
                Some(html) => vec![Event::InlineHtml(html.into())],
                None => vec![Event::Text(text)],
            },
            other => vec![other],
        }
    }

    /// The HTML of text that holds `:::no-loc:::` or a known `@uid`, else `None`.
    fn text(&self, text: &str) -> Option<String> {
        if !text.contains(":::no-loc") && !text.contains('@') {
            return None;
        }
        let mut html = String::new();
        let mut changed = false;
        let mut rest = text;
        while let Some(start) = rest.find(":::no-loc") {
            let after = &rest[start + 9..];
            let Some(end) = after.find(":::") else {
                break;
            };
            let value = super::directives::attributes(&after[..end])
                .into_iter()
                .find(|(k, _)| k == "text")
                .map(|(_, v)| v)
                .unwrap_or_default();
            html.push_str(&self.mentions(&rest[..start], &mut changed));
            html.push_str(&escape(&value));
            changed = true;
            rest = &after[end + 3..];
        }
        html.push_str(&self.mentions(rest, &mut changed));
        changed.then_some(html)
    }

    /// Escaped `text` with each `@uid` of a known page made a link.
    fn mentions(&self, text: &str, changed: &mut bool) -> String {
        let in_link = self.links.iter().any(|&l| l);
        let mut html = String::new();
        let mut at = 0;
        if !in_link {
            for (start, uid) in xref::mentions(text) {
                if let Some((href, title)) = self.cx.site.xref(uid) {
                    html.push_str(&escape(&text[at..start]));
                    html.push_str(&format!(
                        "<a href=\"{}\" class=\"xref\">{}</a>",
                        escape(&href),
                        escape(&title)
                    ));
                    at = start + 1 + uid.len();
                    *changed = true;
                }
            }
        }
        html.push_str(&escape(&text[at..]));
        html
    }

    /// `<xref href="uid"/>` as a link to the page (its title, or the
    /// tag's `text`), or `<xref href="uid">` opening one that `</xref>`
    /// closes; an unknown uid stays text.
    fn xref_tag<'e>(&mut self, tag: xref::Tag<'_>) -> Vec<Event<'e>> {
        let target = format!("xref:{}", tag.href);
        let (uid, fragment) = xref::split(&target).unwrap_or_default();
        let (open, shown) = match self.cx.site.xref(&uid) {
            Some((href, title)) => (
                format!(
                    "<a href=\"{}{}\" class=\"xref\">",
                    escape(&href),
                    escape(fragment)
                ),
                tag.text.unwrap_or(title),
            ),
            // As DocFX: an unknown uid shows as text (`check` reports it).
            None => (String::new(), tag.text.unwrap_or(uid)),
        };
        let written = !open.is_empty();
        if tag.self_closing {
            let end = if written { "</a>" } else { "" };
            return vec![Event::InlineHtml(
                format!("{open}{}{end}", escape(&shown)).into(),
            )];
        }
        self.xref_open = Some((shown, written));
        vec![Event::InlineHtml(open.into())]
    }

    /// Raw HTML with its links pointed as Markdown links are; `None` when
    /// nothing changes.
    fn html_links(&self, html: &str) -> Option<String> {
        html_links::rewrite(html, |value, image| {
            if image {
                self.cx.site.href(self.cx.file, value)
            } else {
                self.href(value)
            }
        })
    }

    fn href(&self, target: &str) -> Option<String> {
        self.cx.site.link_href(self.cx.file, target)
    }

    fn directive_in(&self, span: Range<usize>) -> Option<&'d Directive> {
        let ds = &self.doc.directives;
        let first = ds.partition_point(|d| d.span.start < span.start);
        ds.get(first).filter(|d| d.span.start < span.end)
    }

    fn directive(&mut self, d: &Directive, inline: bool) {
        match &d.kind {
            Kind::Include { target, inline: _ } => {
                let html = self
                    .cx
                    .site
                    .include(self.cx.file, target, self.cx)
                    .unwrap_or_default();
                if inline {
                    let trimmed = html.trim();
                    let inner = trimmed
                        .strip_prefix("<p>")
                        .and_then(|h| h.strip_suffix("</p>"))
                        .filter(|h| !h.contains("<p>"))
                        .unwrap_or(trimmed);
                    self.out.push(Event::InlineHtml(inner.to_owned().into()));
                } else {
                    self.html(&html);
                }
            }
            Kind::CodeRef { .. } => self.snippet(d),
            Kind::Block { name, .. } => self.block(d, name),
            Kind::Unknown { .. } => {}
            Kind::End { name } => {
                if let Some(pos) = self.containers.iter().rposition(|(n, _)| n == name) {
                    while self.containers.len() > pos {
                        if let Some((_, close)) = self.containers.pop() {
                            self.html(close);
                        }
                    }
                }
            }
        }
    }

    fn block(&mut self, d: &Directive, name: &str) {
        match name {
            "image" => {
                let href = |attr: &str| {
                    let value = d.attr(attr).filter(|v| !v.is_empty())?;
                    Some(self.href(value).unwrap_or_else(|| value.to_owned()))
                };
                let hrefs = blocks::ImageHrefs {
                    src: href("source").unwrap_or_default(),
                    lightbox: href("lightbox"),
                    link: href("link"),
                };
                let complex = d.is_container();
                if complex {
                    self.images += 1;
                }
                let html = blocks::image(d, &hrefs, self.images);
                self.html(&html);
                if complex {
                    self.containers
                        .push(("image".to_owned(), blocks::CLOSE_DESCRIPTION));
                }
            }
            "video" => {
                let html = blocks::video(d.attr("source").unwrap_or(""));
                self.html(&html);
            }
            "code" => self.snippet(d),
            _ if d.is_container() => {
                // A zone is labelled with its pivots' titles where the
                // site has them (seen without JavaScript).
                let label = d
                    .attr("pivot")
                    .filter(|_| name == "zone")
                    .and_then(|pivots| {
                        let titles: Vec<String> = crate::pivots::zone_pivots(pivots)
                            .filter_map(|id| self.cx.site.pivot_title(id))
                            .collect();
                        (!titles.is_empty()).then(|| titles.join(", "))
                    });
                let (open, close) = blocks::open_container(d, name, label.as_deref());
                self.html(&open);
                self.containers.push((name.to_owned(), close));
            }
            _ => {}
        }
    }

    /// The code a `:::code` or `[!code]` names, highlighted like a fence;
    /// nothing when the file, region or lines are missing (`check` says so).
    fn snippet(&mut self, d: &Directive) {
        let Some(reference) = snippet::reference(d) else {
            return;
        };
        let Some(code) = self.cx.site.snippet(self.cx.file, reference.path) else {
            return;
        };
        let Ok(code) = snippet::select(&code, &reference.selection) else {
            return;
        };
        let lang = if reference.lang.is_empty() {
            reference.path.rsplit('.').next().unwrap_or("")
        } else {
            reference.lang
        };
        let pre = self.cx.highlighter.code_block(lang, &code);
        let html = blocks::with_highlight_lines(&pre, reference.selection.highlight.as_deref());
        self.html(&html);
    }

    /// A quote without a GFM alert kind: maybe `[!div]`, `[!VIDEO]` or a custom alert.
    fn quote<'e: 'd>(&mut self, i: usize, events: &mut [Option<Event<'e>>]) {
        let starts_paragraph =
            matches!(events.get(i + 1), Some(Some(Event::Start(Tag::Paragraph))));
        let first_text = match events.get(i + 2) {
            Some(Some(Event::Text(t))) if starts_paragraph => t.to_string(),
            _ => String::new(),
        };
        // The marker may be split into several text events (`[`, `!div ...`, `]`).
        let mut text = first_text;
        let mut last = i + 2;
        while !text.contains(']') {
            match events.get(last + 1) {
                Some(Some(Event::Text(t))) => {
                    text.push_str(t);
                    last += 1;
                }
                _ => break,
            }
        }
        let Some((quote, len)) = quotes::classify(&text, &self.cx.titles.custom) else {
            self.quotes.push(None);
            self.out.push(Event::Start(Tag::BlockQuote(None)));
            return;
        };
        // Drop the marker's text events; keep what follows it on the line.
        for e in &mut events[i + 2..=last] {
            *e = None;
        }
        let rest = text[len..].trim_start().to_owned();
        if !rest.is_empty() {
            events[last] = Some(Event::Text(rest.into()));
        } else if matches!(events.get(last + 1), Some(Some(Event::SoftBreak))) {
            events[last + 1] = None;
        } else if matches!(
            events.get(last + 1),
            Some(Some(Event::End(TagEnd::Paragraph)))
        ) {
            events[i + 1] = None;
            events[last + 1] = None;
        }
        match quote {
            Quote::Div { class } => {
                self.html(&format!("<div class=\"{}\">\n", escape(&class)));
                self.quotes.push(Some("</div>\n".to_owned()));
            }
            Quote::Video { src } => {
                self.html(&blocks::video(&src));
                self.quotes.push(Some(String::new()));
            }
            Quote::Alert(alert) => {
                self.html(&alerts::open_custom(&alert));
                self.quotes.push(Some(alerts::CLOSE.to_owned()));
            }
        }
    }
}
