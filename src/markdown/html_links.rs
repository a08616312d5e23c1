//! Links written in raw HTML: `<a href="other.md">` and `<img src="media/x.png">`,
//! common in the HTML tables of older Microsoft articles; and the tags of
//! raw HTML ([`tags`]), which the ids of raw HTML are read from too.
//!
//! DocFX resolves them as it resolves Markdown links, so polydoc does too:
//! the checks see them as links (`broken-link`, `missing-anchor`, tokens
//! a translation keeps), and the build points them where Markdown links
//! point (`.md` to `.html`, files taken from the source locale).

use std::ops::Range;

use super::heading::attribute;

/// A link in a piece of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlLink {
    /// Byte range of the attribute's value in the HTML.
    pub value: Range<usize>,
    /// `<img src>` rather than `<a href>`.
    pub image: bool,
}

/// Each tag of raw HTML `html` as what follows its `<` up to its `>` (or
/// the next `<`), with that text's offset in `html`.
pub fn tags(html: &str) -> impl Iterator<Item = (usize, &str)> {
    memchr::memchr_iter(b'<', html.as_bytes()).map(move |open| {
        let rest = &html[open + 1..];
        let end = rest.find(['<', '>']).unwrap_or(rest.len());
        (open + 1, &rest[..end])
    })
}

/// The `href` of each `<a>` and the `src` of each `<img>` in `html`.
pub fn links(html: &str) -> Vec<HtmlLink> {
    let mut found = Vec::new();
    for (start, inside) in tags(html) {
        let name_end = inside
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(inside.len());
        let (name, rest) = inside.split_at(name_end);
        if !rest.starts_with(|c: char| c.is_ascii_whitespace()) {
            continue;
        }
        let (key, image) = if name.eq_ignore_ascii_case("a") {
            ("href", false)
        } else if name.eq_ignore_ascii_case("img") {
            ("src", true)
        } else {
            continue;
        };
        if let Some(value) = attribute(rest, key) {
            // `value` is a slice of `rest`, itself of `html`.
            let at = start + name_end + (value.as_ptr() as usize - rest.as_ptr() as usize);
            found.push(HtmlLink {
                value: at..at + value.len(),
                image,
            });
        }
    }
    found
}

/// `html` with each link's value replaced by what `href` makes of it
/// (`None`: kept); `None` when nothing changed.
pub fn rewrite(html: &str, href: impl Fn(&str, bool) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    let mut done = 0;
    let mut changed = false;
    for link in links(html) {
        let Some(new) = href(&html[link.value.clone()], link.image) else {
            continue;
        };
        out.push_str(&html[done..link.value.start]);
        // The value stays inside its quotes; entities it had stay as written.
        out.push_str(&new.replace('"', "&quot;").replace('\'', "&#39;"));
        done = link.value.end;
        changed = true;
    }
    out.push_str(&html[done..]);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hrefs_and_image_sources() {
        let html = "<td><A class=\"x\" href='a.md#b'>A</A> <img alt=\"i\" src=\"media/i.png\"/>\
                    <abbr href=\"no.md\"> <area href=\"x\"> <a name=\"n\">";
        let found: Vec<(&str, bool)> = links(html)
            .iter()
            .map(|l| (&html[l.value.clone()], l.image))
            .collect();
        assert_eq!(found, [("a.md#b", false), ("media/i.png", true)]);
    }

    #[test]
    fn rewrites_only_what_changes() {
        let html = "<a href=\"a.md#b\">A</a><img src=\"i.png\">";
        let out = rewrite(html, |v, image| (!image).then(|| v.replace(".md", ".html")));
        assert_eq!(
            out.as_deref(),
            Some("<a href=\"a.html#b\">A</a><img src=\"i.png\">")
        );
        assert_eq!(rewrite(html, |_, _| None), None);
    }
}
