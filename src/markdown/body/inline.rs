//! Inline events of the render pass: links and images pointed where the
//! site says, `<xref>` and `@uid` resolved, `:::no-loc:::` in text.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::Writer;
use crate::markdown::highlight::escape;
use crate::markdown::{Xref, html_links, xref};

impl<'c, 'd> Writer<'c, 'd> {
    /// Inline events: links and images pointed where the site says, xrefs
    /// resolved, `:::no-loc:::` and `@uid` in text.
    pub(super) fn inline<'e>(&mut self, event: Event<'e>) -> Vec<Event<'e>> {
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
                    let property = xref::display_property(&dest_url);
                    let (href, name) = match self.cx.site.xref(&uid, property) {
                        Some(found) => (found.href, Some(found.title)),
                        None => (None, None),
                    };
                    if let Some(href) = href {
                        self.links.push(true);
                        let mut out = vec![Event::Start(Tag::Link {
                            link_type: LinkType::Inline,
                            dest_url: with_fragment(href, fragment).into(),
                            title,
                            id,
                        })];
                        if link_type == LinkType::Autolink {
                            // `<xref:uid>` shows the page's title, not the uid.
                            out.push(Event::Text(name.unwrap_or_default().into()));
                            self.drop_text = true;
                        }
                        return out;
                    }
                    self.links.push(false);
                    if link_type != LinkType::Autolink {
                        return Vec::new();
                    }
                    // `<xref:System.Exception>`, resolved by no page (an
                    // API another service links) or by a map without an
                    // address: its name, as DocFX would show it, not the
                    // `xref:` text.
                    self.drop_text = true;
                    let name = name.or_else(|| xref::api_name(&dest_url)).unwrap_or(uid);
                    return vec![Event::InlineHtml(
                        format!("<span class=\"xref\">{}</span>", escape(&name)).into(),
                    )];
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
    pub(super) fn text(&self, text: &str) -> Option<String> {
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
            let value = crate::markdown::directives::attributes(&after[..end])
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
    pub(super) fn mentions(&self, text: &str, changed: &mut bool) -> String {
        let in_link = self.links.iter().any(|&l| l);
        let mut html = String::new();
        let mut at = 0;
        if !in_link {
            for (start, uid) in xref::mentions(text) {
                if let Some(Xref {
                    href: Some(href),
                    title,
                }) = self.cx.site.xref(uid, None)
                {
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
    pub(super) fn xref_tag<'e>(&mut self, tag: xref::Tag<'_>) -> Vec<Event<'e>> {
        let target = format!("xref:{}", tag.href);
        let (uid, fragment) = xref::split(&target).unwrap_or_default();
        let (open, shown) = match self.cx.site.xref(&uid, tag.display_property) {
            Some(Xref {
                href: Some(href),
                title,
            }) => (
                format!(
                    "<a href=\"{}\" class=\"xref\">",
                    escape(&with_fragment(href, fragment))
                ),
                tag.text.unwrap_or(title),
            ),
            Some(Xref { href: None, title }) => (String::new(), tag.text.unwrap_or(title)),
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
    pub(super) fn html_links(&self, html: &str) -> Option<String> {
        html_links::rewrite(html, |value, image| {
            if image {
                self.cx.site.href(self.cx.file, value)
            } else {
                self.href(value)
            }
        })
    }

    pub(super) fn href(&self, target: &str) -> Option<String> {
        self.cx.site.link_href(self.cx.file, target)
    }
}

/// `href` with the link's `#fragment`, which replaces one the href has (a
/// map's href to a member carries the member's anchor on its type's page).
fn with_fragment(href: String, fragment: &str) -> String {
    if fragment.is_empty() {
        return href;
    }
    let base = href.split('#').next().unwrap_or(&href);
    format!("{base}{fragment}")
}
