//! Ids and unknown tags in a page's raw HTML.

use crate::markdown::{heading, html_links};

/// Ids that a piece of raw HTML defines: `id="x"` on any element, and
/// `name="x"` on `<a>`.
pub(super) fn html_ids(html: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    for (_, inside) in html_links::tags(html) {
        if inside.starts_with('/') {
            continue;
        }
        let anchor =
            heading::a_attributes(inside).and_then(|rest| heading::attribute(rest, "name"));
        if let Some(name) = anchor {
            ids.push(name);
        } else if let Some(id) = heading::attribute(inside, "id") {
            ids.push(id);
        }
    }
    ids
}

/// True when `html` is a tag that names no HTML element: `<computername>`,
/// `</string>`. Custom elements (with a `-`) are deliberate.
pub(super) fn is_unknown_tag(html: &str) -> bool {
    let Some(inside) = html.strip_prefix('<') else {
        return false;
    };
    let inside = inside.strip_prefix('/').unwrap_or(inside);
    let end = inside
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inside.len());
    let name = &inside[..end];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) || inside[end..].starts_with('-') {
        return false;
    }
    !HTML_ELEMENTS.contains(&name.to_ascii_lowercase().as_str())
}

/// Every element name of HTML (WHATWG), the obsolete ones browsers still
/// know, and the SVG and MathML roots.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bdi",
    "bdo",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "plaintext",
    "pre",
    "progress",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
];

#[cfg(test)]
mod tests {
    #[test]
    fn ids_in_raw_html_are_anchors() {
        let doc = crate::markdown::parse(
            "<a name=\"one\"></a>\n\ntext <span id='two'>x</span> <a  id=three>y</a>\n",
            0,
        );
        let ids: Vec<&str> = doc.facts.anchors.iter().map(|a| doc.facts.id(a)).collect();
        assert_eq!(ids, ["one", "two", "three"]);
    }
}
