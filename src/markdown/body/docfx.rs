//! DocFX directives of the render pass: each masked directive (see
//! [`crate::markdown::directives`]) replaced by what it renders as, code
//! read from files, and `> [!NOTE]`-style quotes.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::Writer;
use crate::markdown::directives::{Directive, Kind};
use crate::markdown::highlight::escape;
use crate::markdown::quotes::{self, Quote};
use crate::markdown::{alerts, blocks, snippet};

impl<'c, 'd> Writer<'c, 'd> {
    pub(super) fn directive_in(&self, span: Range<usize>) -> Option<&'d Directive> {
        let ds = &self.doc.directives;
        let first = ds.partition_point(|d| d.span.start < span.start);
        ds.get(first).filter(|d| d.span.start < span.end)
    }

    pub(super) fn directive(&mut self, d: &Directive, inline: bool) {
        match &d.kind {
            Kind::Include { target, inline: _ } => {
                let Some(included) = self.cx.site.include(self.cx.file, target, self.cx) else {
                    return;
                };
                let html = included.html;
                // Another locale's file, in the language it is written in.
                let (open, close) = match &included.lang {
                    Some((tag, dir)) => {
                        let element = if inline { "span" } else { "div" };
                        (
                            format!("<{element} lang=\"{}\" dir=\"{dir}\">", escape(tag)),
                            format!("</{element}>"),
                        )
                    }
                    None => (String::new(), String::new()),
                };
                if inline {
                    let trimmed = html.trim();
                    let inner = trimmed
                        .strip_prefix("<p>")
                        .and_then(|h| h.strip_suffix("</p>"))
                        .filter(|h| !h.contains("<p>"))
                        .unwrap_or(trimmed);
                    self.out
                        .push(Event::InlineHtml(format!("{open}{inner}{close}").into()));
                } else {
                    self.html(&format!("{open}{html}{close}"));
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

    pub(super) fn block(&mut self, d: &Directive, name: &str) {
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
                // site has them (seen without JavaScript), a moniker
                // block with its range, in the page's words, and with the
                // versions the page's version picker shows it for.
                let label = match name {
                    "zone" => d.attr("pivot").and_then(|pivots| {
                        let titles: Vec<String> = crate::pivots::zone_pivots(pivots)
                            .filter_map(|id| self.cx.site.pivot_title(id))
                            .collect();
                        (!titles.is_empty()).then(|| titles.join(", "))
                    }),
                    "moniker" => d
                        .attr("range")
                        .map(str::trim)
                        .filter(|range| !range.is_empty())
                        .map(|range| format!("{}: {range}", self.cx.applies_to)),
                    _ => None,
                };
                let versions = (name == "moniker")
                    .then(|| {
                        d.attr("range")
                            .and_then(|r| self.cx.site.moniker_versions(r))
                    })
                    .flatten();
                let (open, close) = blocks::open_container(d, name, label.as_deref(), versions);
                self.html(&open);
                self.containers.push((name.to_owned(), close));
            }
            _ => {}
        }
    }

    /// The code a `:::code` or `[!code]` names, highlighted like a fence;
    /// nothing when the file, region or lines are missing (`check` says so).
    pub(super) fn snippet(&mut self, d: &Directive) {
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
        self.code_block(lang, &html);
    }

    /// A quote without a GFM alert kind: maybe `[!div]`, `[!VIDEO]` or a custom alert.
    pub(super) fn quote<'e: 'd>(&mut self, i: usize, events: &mut [Option<Event<'e>>]) {
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
                if class
                    .split_whitespace()
                    .any(|c| c.eq_ignore_ascii_case("tabbedCodeSnippets"))
                {
                    self.tabbed_divs.push(self.out.len());
                }
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
