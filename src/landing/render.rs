//! A landing or hub page's body, from the structure of its YAML rather than
//! from a fixed schema: DocFX's landing (`landingContent` of cards with
//! `linkLists`) and hub (`highlightedContent`, `conceptualContent`,
//! `tools`, `additionalContent`) schemas are all mappings with a `title`,
//! a `summary` and lists, down to links (`text` or `title`, and `url`).
//! So a list of links becomes a `ul.landing-links`, a list of anything else
//! a `div.landing-cards` of `section.landing-card`s with their titles as
//! headings, one level down per nesting, and the schema's types
//! (`linkListType: how-to-guide`, `itemType: overview`) classes a theme
//! may style (`landing-how-to-guide`). A key the schemas add later renders
//! by the same rules instead of disappearing.

use std::fmt::Write;

use serde_yaml::{Mapping, Value};

use super::{Kind, field};
use crate::markdown::RenderContext;
use crate::markdown::highlight::escape;

/// Keys that are a node's own fields, not content to walk into.
const FIELDS: &[&str] = &[
    "title",
    "summary",
    "text",
    "url",
    "imageSrc",
    "itemType",
    "linkListType",
    "metadata",
    // A hub's product name and logo for Learn's header, which the
    // site's own header replaces.
    "brand",
];

/// The body of landing page `text` (its YAML); empty when the YAML does
/// not parse, which the load stage reported.
pub fn render(text: &str, cx: &RenderContext) -> String {
    let Ok(Value::Mapping(root)) = serde_yaml::from_str::<Value>(text) else {
        return String::new();
    };
    match super::kind(text) {
        Some(Kind::Faq) => return super::faq::render(&root, cx),
        Some(Kind::ManagedReference) => return super::api::render(&root, cx),
        Some(Kind::ApiPage) => return super::api_page::render(&root, cx),
        _ => {}
    }
    let mut out = String::from("<div class=\"landing\">\n");
    if let Some(title) = field(&root, "title") {
        let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    }
    if let Some(summary) = field(&root, "summary") {
        let _ = writeln!(out, "<p class=\"landing-summary\">{}</p>", escape(summary));
    }
    for (key, value) in &root {
        if key.as_str().is_some_and(|k| FIELDS.contains(&k)) {
            continue;
        }
        block(value, 2, cx, &mut out);
    }
    out.push_str("</div>\n");
    out
}

/// A link: a mapping with a `url` and something to show.
fn is_link(map: &Mapping) -> bool {
    field(map, "url").is_some() && (field(map, "text").is_some() || field(map, "title").is_some())
}

fn block(value: &Value, level: usize, cx: &RenderContext, out: &mut String) {
    match value {
        Value::Sequence(items) => {
            let links: Option<Vec<&Mapping>> = items
                .iter()
                .map(|item| item.as_mapping().filter(|m| is_link(m)))
                .collect();
            match links {
                Some(links) if !links.is_empty() => {
                    out.push_str("<ul class=\"landing-links\">\n");
                    for link in links {
                        out.push_str("<li>");
                        anchor(link, cx, out);
                        out.push_str("</li>\n");
                    }
                    out.push_str("</ul>\n");
                }
                _ => {
                    out.push_str("<div class=\"landing-cards\">\n");
                    for item in items {
                        block(item, level, cx, out);
                    }
                    out.push_str("</div>\n");
                }
            }
        }
        Value::Mapping(map) if is_link(map) => {
            out.push_str("<p class=\"landing-link\">");
            anchor(map, cx, out);
            out.push_str("</p>\n");
        }
        Value::Mapping(map) => card(map, level, cx, out),
        // Other scalars are settings of the schema (`aria-label`,
        // `titleSuffix`), not text for readers.
        _ => {}
    }
}

fn card(map: &Mapping, level: usize, cx: &RenderContext, out: &mut String) {
    out.push_str("<section class=\"landing-card");
    for kind in ["linkListType", "itemType"] {
        if let Some(kind) = field(map, kind) {
            let _ = write!(out, " landing-{}", escape(&class(kind)));
        }
    }
    out.push_str("\">\n");
    if let Some(title) = field(map, "title") {
        let h = level.min(6);
        let _ = writeln!(out, "<h{h}>{}</h{h}>", escape(title));
    }
    if let Some(summary) = field(map, "summary") {
        let _ = writeln!(out, "<p>{}</p>", escape(summary));
    }
    for (key, value) in map {
        if key.as_str().is_some_and(|k| FIELDS.contains(&k)) {
            continue;
        }
        block(value, level + 1, cx, out);
    }
    out.push_str("</section>\n");
}

/// `<a>` for a link mapping, its image first when it has one (a hub's
/// tools), its href as a Markdown link's would be.
fn anchor(map: &Mapping, cx: &RenderContext, out: &mut String) {
    let href = |target: &str| {
        cx.site
            .link_href(cx.file, target)
            .unwrap_or_else(|| target.to_owned())
    };
    let url = field(map, "url").unwrap_or_default();
    let shown = field(map, "text")
        .or_else(|| field(map, "title"))
        .unwrap_or(url);
    let _ = write!(out, "<a href=\"{}\"", escape(&href(url)));
    if let Some(kind) = field(map, "itemType") {
        let _ = write!(out, " class=\"landing-{}\"", escape(&class(kind)));
    }
    out.push('>');
    if let Some(image) = field(map, "imageSrc") {
        let _ = write!(out, "<img src=\"{}\" alt=\"\"> ", escape(&href(image)));
    }
    out.push_str(&escape(shown));
    out.push_str("</a>");
}

/// A schema type as a class name: letters, digits and `-`.
fn class(kind: &str) -> String {
    kind.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{AlertTitles, Highlighter};

    #[test]
    fn cards_of_link_lists_and_a_hub_s_tools() {
        let titles = AlertTitles::default();
        let highlighter = Highlighter::default();
        let cx = RenderContext::standalone(&titles, &highlighter);
        let yaml = "### YamlMime:Landing\ntitle: Docs <1>\nsummary: All of it.\nmetadata:\n  title: x\nlandingContent:\n  - title: About\n    linkLists:\n      - linkListType: how-to-guide\n        links:\n          - text: Install\n            url: install.md#step\ntools:\n  items:\n    - title: Tool\n      imageSrc: i.svg\n      url: https://example.org/\n";
        assert_eq!(
            render(yaml, &cx),
            "<div class=\"landing\">\n<h1>Docs &lt;1&gt;</h1>\n<p class=\"landing-summary\">All of it.</p>\n\
             <div class=\"landing-cards\">\n<section class=\"landing-card\">\n<h2>About</h2>\n\
             <div class=\"landing-cards\">\n<section class=\"landing-card landing-how-to-guide\">\n\
             <ul class=\"landing-links\">\n<li><a href=\"install.html#step\">Install</a></li>\n</ul>\n\
             </section>\n</div>\n</section>\n</div>\n\
             <section class=\"landing-card\">\n<ul class=\"landing-links\">\n\
             <li><a href=\"https://example.org/\"><img src=\"i.svg\" alt=\"\"> Tool</a></li>\n</ul>\n</section>\n</div>\n"
        );
        // A hub: its brand and settings stay out, a lone link is a link.
        let hub = "### YamlMime:Hub\ntitle: Hub\nbrand:\n  aria-label: Azure\n  titleSuffix: Azure\nconceptualContent:\n  title: Explore\n  items:\n    - title: Deploy\n      links:\n        - url: a.md\n          itemType: how-to-guide\n          text: Deploy it\n      footerLink:\n        url: more.md\n        text: See more\n";
        assert_eq!(
            render(hub, &cx),
            "<div class=\"landing\">\n<h1>Hub</h1>\n<section class=\"landing-card\">\n<h2>Explore</h2>\n\
             <div class=\"landing-cards\">\n<section class=\"landing-card\">\n<h3>Deploy</h3>\n\
             <ul class=\"landing-links\">\n<li><a href=\"a.html\" class=\"landing-how-to-guide\">Deploy it</a></li>\n</ul>\n\
             <p class=\"landing-link\"><a href=\"more.html\">See more</a></p>\n</section>\n</div>\n</section>\n</div>\n"
        );
        assert_eq!(render("title: [broken\n", &cx), "");
    }
}
