//! A rendered page body to the sections a search result points at.
//!
//! The body HTML is what the reader sees (includes, code snippets and
//! xref titles resolved), so the index is built from it rather than from
//! the Markdown. A section starts at each `<h2 id>` and `<h3 id>`; the
//! text before the first of them is the page's own section (no anchor).
//! Deeper headings belong to the section above them, as in "In this
//! article".
//!
//! The scan is our own, not an HTML parser's: the body is markup that
//! pulldown-cmark and the render stage wrote, with the author's raw HTML
//! passed through, and only text, tag names and one attribute are
//! needed. lol_html, tried first, doubled the render stage's time on the
//! benchmark corpus (2 s more for 30,000 pages); this scan costs a tenth
//! of that. Entities are decoded by html-escape. Text in `<script>`,
//! `<style>`, `<template>` and comments is skipped; an unclosed tag or
//! a `<` that opens none is text, as in a browser.

use std::ops::Range;

use super::terms;

/// Part of a page between two anchored H2/H3 headings.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Section {
    /// The heading's id; empty for the part before the first heading.
    pub anchor: String,
    /// The heading's text; empty for the part before the first heading.
    pub heading: String,
    /// The start of the section's text, whitespace collapsed, headings
    /// excluded, from which a result's snippet is cut (`clipped` in
    /// `search/mod.rs`, then `snippet` in `static/search.js`).
    pub text: String,
}

/// What the index needs of a page body.
#[derive(Debug, Default)]
pub struct Extracted {
    pub sections: Vec<Section>,
    /// All the text, lowered for terms ([`terms::lower_into`]): kept
    /// whole here while a section keeps only its start.
    pub lowered: String,
    pub parts: Vec<Part>,
}

/// A stretch of [`Extracted::lowered`] from one section's heading or text.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub range: Range<usize>,
    pub section: usize,
    pub heading: bool,
}

/// Block elements whose boundary separates words (`<td>a</td><td>b</td>`
/// is two words). Inline elements such as highlighted code spans are not
/// listed: they may split one word. A `match`, not a list searched in
/// turn: every tag of every page comes here, most of them the `<span>`s
/// of highlighted code, which this rejects on their length alone.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "td"
            | "th"
            | "tr"
            | "br"
            | "div"
            | "pre"
            | "blockquote"
            | "dt"
            | "dd"
            | "h1"
            | "h4"
            | "h5"
            | "h6"
            | "figcaption"
            | "summary"
            | "table"
            | "ul"
            | "ol"
            | "hr"
            | "img"
    )
}

#[derive(Default)]
struct State {
    out: Extracted,
    in_heading: bool,
    /// Characters in the current section's `text`.
    kept: usize,
}

impl State {
    fn start_section(&mut self, anchor: String) {
        self.space();
        self.out.sections.push(Section {
            anchor,
            ..Section::default()
        });
        self.kept = 0;
    }

    fn push_text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        if self.out.sections.is_empty() {
            self.out.sections.push(Section::default());
        }
        let decoded = html_escape::decode_html_entities(raw);
        let section = self.out.sections.len() - 1;
        let heading = self.in_heading;
        let current = &mut self.out.sections[section];
        let (target, limit) = if heading {
            (&mut current.heading, usize::MAX)
        } else {
            (&mut current.text, super::SECTION_TEXT + 1)
        };
        if self.kept < limit || heading {
            for c in decoded.chars() {
                if c.is_whitespace() {
                    if !target.is_empty() && !target.ends_with(' ') {
                        target.push(' ');
                    }
                } else {
                    target.push(c);
                    if !heading {
                        self.kept += 1;
                        if self.kept >= limit {
                            break;
                        }
                    }
                }
            }
        }
        let start = self.out.lowered.len();
        terms::lower_into(&decoded, &mut self.out.lowered);
        let end = self.out.lowered.len();
        match self.out.parts.last_mut() {
            Some(last)
                if last.section == section
                    && last.heading == heading
                    && last.range.end == start =>
            {
                last.range.end = end;
            }
            _ => self.out.parts.push(Part {
                range: start..end,
                section,
                heading,
            }),
        }
    }

    /// A word boundary: in the lowered text, and in the snippet.
    fn space(&mut self) {
        if !self.out.lowered.is_empty() && !self.out.lowered.ends_with(' ') {
            self.out.lowered.push(' ');
            if let Some(last) = self.out.parts.last_mut() {
                last.range.end = self.out.lowered.len();
            }
        }
        if let Some(section) = self.out.sections.last_mut() {
            let target = if self.in_heading {
                &mut section.heading
            } else {
                &mut section.text
            };
            if !target.is_empty() && !target.ends_with(' ') {
                target.push(' ');
            }
        }
    }
}

/// The sections of `body`, in order, and its lowered text.
pub fn extract(body: &str) -> Extracted {
    let mut state = State::default();
    let mut text_start = 0;
    let mut at = 0;
    while let Some(offset) = body[at..].find('<') {
        let lt = at + offset;
        let rest = &body[lt..];
        if rest.starts_with("<!--") {
            state.push_text(&body[text_start..lt]);
            at = rest.find("-->").map_or(body.len(), |end| lt + end + 3);
            text_start = at;
            continue;
        }
        let Some(tag) = Tag::read(rest) else {
            // `<` that opens no tag: text.
            at = lt + 1;
            continue;
        };
        state.push_text(&body[text_start..lt]);
        at = lt + tag.length;
        match (tag.name(), tag.closing) {
            ("script" | "style" | "template", false) => {
                let close = format!("</{}", tag.name());
                at = find_ignore_case(&body[at..], &close).map_or(body.len(), |end| at + end);
            }
            ("span", false) if tag.source_text => at = after_span(body, at),
            ("h2" | "h3", false) => match tag.id {
                Some(anchor) => {
                    state.start_section(anchor);
                    state.in_heading = true;
                }
                None => state.space(),
            },
            ("h2" | "h3", true) => {
                state.space();
                state.in_heading = false;
            }
            (name, _) if is_block(name) => state.space(),
            _ => {}
        }
        text_start = at;
    }
    state.push_text(&body[text_start..]);
    state.space();
    let mut out = state.out;
    for s in &mut out.sections {
        s.heading.truncate(s.heading.trim_end().len());
        s.text.truncate(s.text.trim_end().len());
    }
    out
}

/// The sections of `body`, for tests.
pub fn sections(body: &str) -> Vec<Section> {
    extract(body).sections
}

/// A start or end tag: its lowercased name and, for headings, its id.
struct Tag {
    /// The name lowercased; empty for names longer than any this scan
    /// cares about (which saves an allocation per tag).
    name: [u8; 10],
    name_len: usize,
    closing: bool,
    id: Option<String>,
    /// `class="sxs-lookup"`: the source text older localized pages carry
    /// beside each translated sentence, hidden on the site and left out
    /// of the index (a Spanish search must not find the English).
    source_text: bool,
    /// Bytes from `<` to `>` included.
    length: usize,
}

impl Tag {
    fn name(&self) -> &str {
        std::str::from_utf8(&self.name[..self.name_len]).unwrap_or_default()
    }

    /// The tag at the start of `text` (which starts with `<`), or `None`
    /// when no tag opens there.
    fn read(text: &str) -> Option<Tag> {
        let bytes = text.as_bytes();
        let closing = bytes.get(1) == Some(&b'/');
        let start = if closing { 2 } else { 1 };
        let name_len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[start].is_ascii_alphabetic() {
            return None;
        }
        let mut name = [0; 10];
        let kept = if name_len <= name.len() { name_len } else { 0 };
        for (to, from) in name.iter_mut().zip(&bytes[start..start + kept]) {
            *to = from.to_ascii_lowercase();
        }
        // Attributes up to the `>` that is not inside a quoted value.
        let mut i = start + name_len;
        let mut id = None;
        let mut source_text = false;
        loop {
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
            {
                i += 1;
            }
            match bytes.get(i) {
                None => return None,
                Some(b'>') => break,
                Some(_) => {}
            }
            let attr_start = i;
            while bytes
                .get(i)
                .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
            {
                i += 1;
            }
            let attr = &text[attr_start..i];
            if bytes.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            let value = match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = i + 1 + bytes[i + 1..].iter().position(|&b| b == quote)?;
                    let value = &text[i + 1..end];
                    i = end + 1;
                    value
                }
                _ => {
                    let value_start = i;
                    while bytes
                        .get(i)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        i += 1;
                    }
                    &text[value_start..i]
                }
            };
            if attr.eq_ignore_ascii_case("id") && !value.is_empty() {
                id = Some(html_escape::decode_html_entities(value).into_owned());
            } else if attr.eq_ignore_ascii_case("class") && !value.starts_with("hl-") {
                // (Highlighted code's millions of spans are `hl-` classes.)
                source_text |= value
                    .split_ascii_whitespace()
                    .any(|c| c == crate::markdown::side_by_side::CLASS);
            }
        }
        Some(Tag {
            name,
            name_len: kept,
            closing,
            id,
            source_text,
            length: i + 1,
        })
    }
}

/// Where the `<span>` whose content starts at `at` ends: after its own
/// `</span>`, nested spans counted; the end of `body` when it has none.
fn after_span(body: &str, mut at: usize) -> usize {
    let mut depth = 1;
    while let Some(offset) = body[at..].find('<') {
        let lt = at + offset;
        let Some(tag) = Tag::read(&body[lt..]) else {
            at = lt + 1;
            continue;
        };
        at = lt + tag.length;
        if tag.name() == "span" {
            depth = if tag.closing { depth - 1 } else { depth + 1 };
            if depth == 0 {
                return at;
            }
        }
    }
    body.len()
}

/// Where `needle` (ASCII) starts in `haystack`, whatever the case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::{Section, sections};

    fn section(anchor: &str, heading: &str, text: &str) -> Section {
        Section {
            anchor: anchor.into(),
            heading: heading.into(),
            text: text.into(),
        }
    }

    #[test]
    fn the_source_text_of_older_localized_pages_is_left_out() {
        let body = "<h2 id=\"a\">Uno</h2><p><span data-ttu-id=\"1\">Consulte la <a href=\"b.html\">guía</a>.</span>\
            <span class=\"sxs-lookup\"><span data-stu-id=\"1\">See the <a href=\"b.html\">guide</a>.</span></span> Fin.</p>";
        assert_eq!(
            sections(body),
            [section("a", "Uno", "Consulte la guía. Fin.")]
        );
    }

    #[test]
    fn splits_at_anchored_h2_and_h3() {
        let body = "<h1>Title</h1><p>Intro &amp; more</p>\
            <h2 id=\"a\">First</h2><p>one</p><h4>Deeper</h4><p>two</p>\
            <h3 id=\"b\">0x8007232B: <em>DNS</em></h3><table><tr><td>x</td><td>y</td></tr></table>";
        assert_eq!(
            sections(body),
            [
                section("", "", "Title Intro & more"),
                section("a", "First", "one Deeper two"),
                section("b", "0x8007232B: DNS", "x y"),
            ]
        );
    }

    #[test]
    fn highlighted_code_keeps_its_words_and_scripts_are_skipped() {
        let body = "<pre><code><span class=\"a\">Get</span><span>-Item</span></code></pre>\
            <script>var x = \"</p>\";</script><STYLE>p{}</style><!-- a <b> comment -->";
        assert_eq!(sections(body), [section("", "", "Get-Item")]);
    }

    #[test]
    fn text_that_opens_no_tag_stays_text() {
        let body =
            "<p>slmgr /ipk <5x5 key> and a < b</p><h2 id='x' title=\"a > b\">H</h2>t <unclosed";
        assert_eq!(
            sections(body),
            [
                section("", "", "slmgr /ipk <5x5 key> and a < b"),
                section("x", "H", "t <unclosed"),
            ]
        );
    }

    #[test]
    fn every_truncation_of_tricky_markup_is_read_without_panicking() {
        let body = "<h2 id=\"é\">Ñ<!-- x --></h2><p a='>'>Año<script>\"</p>\"</script>\
            <h3 id=ü>激活</h3><pre>&lt;ü&gt;</pre></ <a";
        for (end, _) in body.char_indices().chain([(body.len(), ' ')]) {
            let sections = sections(&body[..end]);
            assert!(sections.len() <= 3, "{end}: {sections:?}");
        }
        assert_eq!(
            sections(body),
            [section("é", "Ñ", "Año"), section("ü", "激活", "<ü> </ <a"),]
        );
    }
}
