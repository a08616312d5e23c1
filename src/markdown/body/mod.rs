//! Render pass: a page's Markdown to its HTML body, DocFX syntax included.
//!
//! The events of one pulldown-cmark pass are rewritten in order: headings
//! take the ids [`super::parse`] assigned, fences are highlighted, links
//! point where the site says ([`SiteLinks`]), and each masked directive
//! (see [`super::directives`]) is replaced by what it renders as.
//! Includes are rendered by the same function, recursively, with the
//! included file as the base of its links and the chain of includes kept
//! so that a cycle stops instead of recursing forever.
//!
//! One [`Writer`] walks the events; its methods live in three files by
//! what they rewrite: block structure, headings, fences and tab groups
//! here, inline events (links, images, xrefs, `@uid`) in [`inline`], DocFX
//! directives and `> [!NOTE]` quotes in [`docfx`].

mod docfx;
mod inline;

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{
    AlertTitles, Document, Highlighter, alerts, code_groups, links, options, parse_text,
    strip_heading_anchor, tabs,
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
    fn include(&self, _file: &str, _target: &str, _cx: &RenderContext) -> Option<Included> {
        None
    }
    /// The text of the code file `path`, written in `file`.
    fn snippet(&self, _file: &str, _path: &str) -> Option<Arc<str>> {
        None
    }
    /// Where `uid` leads and what a link to it shows by `property`
    /// (DocFX's `displayProperty`): a page registered under it, or an
    /// entry of another site's xref map.
    fn xref(&self, _uid: &str, _property: Option<&str>) -> Option<Xref> {
        None
    }
    /// The title of zone pivot `id` (`zone-pivot-groups.yml`).
    fn pivot_title(&self, _id: &str) -> Option<String> {
        None
    }
    /// The versions a moniker block of range `range` applies to,
    /// space-separated ([`crate::monikers`]); `None` without a version
    /// picker.
    fn moniker_versions(&self, _range: &str) -> Option<&str> {
        None
    }
}

/// What a uid resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Xref {
    /// `None` for a uid known from a map that gives no usable address:
    /// its name shows, without a link.
    pub href: Option<String>,
    /// The page's title, or the map's name by the display property.
    pub title: String,
}

/// A site with nothing in it: links stay as written.
pub struct NoSite;

impl SiteLinks for NoSite {}

/// An included file's HTML, and its language where it is another than
/// the page's: a file the translation lacks, taken from the source
/// locale, is marked as such (`lang`, `dir`) for screen readers and for
/// the direction of its text.
pub struct Included {
    pub html: String,
    /// The language tag and direction (`ltr`, `rtl`) of its locale.
    pub lang: Option<(String, &'static str)>,
}

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
    /// The accessible name of a heading's link to itself, in the page's
    /// language ("Link to this section").
    pub section_link: &'a str,
    /// What labels a moniker block's versions, in the page's language
    /// ("Applies to").
    pub applies_to: &'a str,
    /// The page's programming languages, its `dev_langs` as
    /// [`super::code_groups::language_id`] names them: adjacent code
    /// blocks of these languages show as one, a tab each.
    pub languages: &'a [String],
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
            section_link: "Link to this section",
            applies_to: "Applies to",
            languages: &[],
        }
    }
}

/// The HTML body of `text[body_start..]`, parsed as `doc`.
pub fn render_body(text: &str, body_start: usize, doc: &Document, cx: &RenderContext) -> String {
    let masked = parse_text(text, &doc.directives, &doc.table_pipes);
    let body = &masked[body_start..];
    let indented = super::columns::deindent(&masked, &doc.directives);
    let parsed = &super::parsed_source(&masked, indented.as_ref())[body_start..];
    let (events, mut ranges): (Vec<Event>, Vec<Range<usize>>) = if doc.table_pipes.is_empty() {
        Parser::new_ext(parsed, options())
            .into_offset_iter()
            .unzip()
    } else {
        super::restored_events(parsed).unzip()
    };
    if let Some(indented) = &indented {
        for range in &mut ranges {
            *range = indented.range(body_start, range);
        }
    }
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
        code_blocks: Vec::new(),
        tabbed_divs: Vec::new(),
    };
    writer.run(events, &ranges);
    let runs = code_groups::runs(
        &writer.code_blocks,
        &writer.out,
        cx.languages,
        &writer.tabbed_divs,
    );
    let out = code_groups::wrap(writer.out, &writer.code_blocks, &runs);
    let mut html = String::with_capacity(body.len() + body.len() / 2);
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
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
    /// The code blocks written so far, for [`code_groups`].
    code_blocks: Vec<code_groups::Block>,
    /// The events that open a `[!div class="tabbedCodeSnippets"]`, for
    /// [`code_groups`].
    tabbed_divs: Vec<usize>,
}

impl<'c, 'd> Writer<'c, 'd> {
    fn run<'e: 'd>(&mut self, events: Vec<Event<'e>>, ranges: &[Range<usize>]) {
        let groups = tabs::groups(&events);
        let mut group_at = groups.iter().enumerate().peekable();
        let mut open_group: Option<(usize, &tabs::Group)> = None;
        // The open group's next tab: its tabs come in text order, so the
        // next heading to open a panel is always this one (looking each
        // event up among thousands of tabs made a long group quadratic).
        let mut next_tab = 0;
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
                let titles = group.tabs.iter().map(|t| &t.title);
                self.html(&tabs::open_group(n, "tabGroup", titles));
                open_group = Some((n, group));
                next_tab = 0;
                group_at.next();
            }
            if let Some((_, group)) = open_group {
                // A heading the writer stepped over opens no panel, as it
                // opened none when each event was looked up.
                while group.tabs.get(next_tab).is_some_and(|t| t.heading < i) {
                    next_tab += 1;
                }
            }
            if let Some((n, group)) = open_group
                && let Some(tab) = group.tabs.get(next_tab).filter(|t| t.heading == i)
            {
                if next_tab > 0 {
                    self.html(tabs::CLOSE_PANEL);
                }
                self.html(&tabs::open_panel(n, &tab.title));
                next_tab += 1;
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

    /// Writes a code block's HTML, noting its language for [`code_groups`].
    fn code_block(&mut self, lang: &str, html: &str) {
        self.code_blocks.push(code_groups::Block {
            event: self.out.len(),
            language: code_groups::language_id(lang),
        });
        self.html(html);
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
                // Sections are linked to (DocFX's templates add such links
                // with anchor-js); the title, H1, is the page itself.
                let link = id
                    .as_deref()
                    .filter(|_| level != HeadingLevel::H1)
                    .map(|id| self_link(id, self.cx.section_link));
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
                self.out
                    .extend(link.map(|html| Event::InlineHtml(html.into())));
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
                self.code_block(lang, &html);
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
}

/// A heading's link to itself: empty, its mark drawn by the stylesheet
/// (`.heading-anchor::before`), so that the heading's text, which search
/// indexes and readers copy, stays as written.
fn self_link(id: &str, label: &str) -> String {
    format!(
        "<a class=\"heading-anchor\" href=\"#{}\" aria-label=\"{}\"></a>",
        html_escape::encode_double_quoted_attribute(id),
        html_escape::encode_double_quoted_attribute(label)
    )
}
