//! DocFX landing, hub and FAQ pages: YAML files that open with
//! `### YamlMime:Landing`, `### YamlMime:Hub` or `### YamlMime:FAQ`, as the
//! home page of nearly every Microsoft docset (`index.yml`) and many of its
//! folders are written, and as their tables of contents link them
//! (`href: index.yml`).
//!
//! .NET API reference pages (`### YamlMime:ManagedReference`, what
//! `docfx metadata` writes) are pages by the same road, their body and
//! outline from `api.rs`, their items' uids declared for the links and
//! tables of contents that name them; so are pages of DocFX's newer
//! `### YamlMime:ApiPage` schema (`api_page.rs`).
//!
//! They are pages like the Markdown ones: built to `index.html` with the
//! site's template, in the navigation, the language menu and the search
//! index, their translations grouped by path. Their `metadata` is their
//! front matter (`ms.openlocfilehash` and `ms.date` count for drift and the
//! outdated notice as a Markdown page's do); their title is the top-level
//! `title`, else `metadata.title`.
//!
//! What `check` reads of them is their links: every `url:` and `imageSrc:`
//! value, and every link of an FAQ's Markdown values (`answer:`,
//! `summary:`, `faq.rs`), at its line and column in the YAML ([`document`]), goes
//! through the link rules (`broken-link`, `missing-anchor`,
//! `link-case-mismatch`, ...); an FAQ's questions are headings with ids
//! that links resolve against. Across locales, an FAQ's answers are
//! compared by their codes, code and link targets (`check/faq_tokens.rs`); nothing else
//! is: their texts are short titles a translation rewrites freely, and
//! their structure is the schema's. [`render`] makes the body from the YAML's
//! structure (`render.rs`), or an FAQ's from its sections (`faq.rs`).

pub mod api;
mod api_page;
pub mod faq;
mod render;

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use serde_yaml::{Mapping, Value};

use crate::markdown::Document;
use crate::markdown::facts::{Facts, LinkAt};

pub use render::render;

/// What a page's YAML describes, as its first line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A landing or hub page: cards of links (`render.rs`).
    Landing,
    /// Sections of questions with Markdown answers (`faq.rs`).
    Faq,
    /// .NET API reference, as `docfx metadata` writes it (`api.rs`).
    ManagedReference,
    /// DocFX's newer API schema, a body of blocks (`api_page.rs`).
    ApiPage,
}

/// The first line that makes a `.yml` file a page, and its kind.
const KINDS: &[(&str, Kind)] = &[
    ("### YamlMime:Landing", Kind::Landing),
    ("### YamlMime:Hub", Kind::Landing),
    ("### YamlMime:FAQ", Kind::Faq),
    ("### YamlMime:ManagedReference", Kind::ManagedReference),
    ("### YamlMime:ApiPage", Kind::ApiPage),
];

/// The kind of page `text` opens as (a byte-order mark and the case of
/// `YamlMime`'s kind aside); `None` for a `.yml` file that is no page.
pub fn kind(text: &str) -> Option<Kind> {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()?
        .trim_end();
    KINDS
        .iter()
        .find(|(line, _)| first.eq_ignore_ascii_case(line))
        .map(|&(_, kind)| kind)
}

/// Whether the file at `path` is a landing or hub page: its first line
/// says so. Only `.yml` files are asked, and only their first bytes read.
pub fn sniff(path: &Path) -> bool {
    let mut head = [0u8; 64];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => filled += n,
        }
    }
    let head = String::from_utf8_lossy(&head[..filled]);
    is_landing(&head)
}

/// Whether `text` opens as a page of one of the [`Kind`]s.
pub fn is_landing(text: &str) -> bool {
    kind(text).is_some()
}

/// What a landing page's YAML gives the load stage: its metadata as front
/// matter, with the page's title under `title`.
pub fn metadata(text: &str) -> Result<Mapping, (usize, usize, String)> {
    let value: Value = serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        (line, column, e.to_string())
    })?;
    let Value::Mapping(root) = value else {
        return Err((
            1,
            1,
            "a landing page is a YAML mapping (`title:`, `metadata:`, ...)".to_owned(),
        ));
    };
    let mut meta = match root.get("metadata") {
        Some(Value::Mapping(m)) => m.clone(),
        _ => Mapping::new(),
    };
    if let Some(title) = root.get("title").and_then(Value::as_str) {
        meta.insert("title".into(), title.into());
    }
    // An API page's own item's uid is the page's; the members' are
    // registered by the site (`Site::resolve`).
    let own = match kind(text) {
        Some(Kind::ManagedReference) => {
            if let Some(title) = api::title(&root) {
                meta.insert("title".into(), title.into());
            }
            api::declared(&root).into_iter().next()
        }
        Some(Kind::ApiPage) => api_page::declared(&root).into_iter().next(),
        _ => None,
    };
    if let Some(own) = own {
        meta.insert("uid".into(), own.uid.into());
    }
    Ok(meta)
}

/// The page as the checks see it: its links, each where the YAML writes
/// it (a `url:` value, or a link in a Markdown value, `faq.rs`), and
/// nothing else.
pub fn document(text: &str) -> Document {
    let kind = kind(text);
    let api_page = kind == Some(Kind::ApiPage);
    let mut links: Vec<(String, bool, Range<usize>)> = values(text)
        .map(|(key, span)| {
            let written = &text[span.clone()];
            let target = match api_page {
                true => api_page::link_target(written),
                false => written.to_owned(),
            };
            (target, key == "imageSrc", span)
        })
        .collect();
    // Only an FAQ's values are Markdown: a landing page's summary is text.
    let faq = kind == Some(Kind::Faq);
    // The ids a Markdown value renders (its headings', its `<a name>`s),
    // where the value writes them.
    let mut value_ids: Vec<(String, usize)> = Vec::new();
    let mut answers = Vec::new();
    for value in faq::markdown_values(text).into_iter().filter(|_| faq) {
        let doc = crate::markdown::parse(&value.markdown, 0);
        answers.push(faq::Answer::of(&value, &doc.facts));
        for link in &doc.facts.links {
            let span = value.span_in_file(link.span.clone());
            if text.get(span.clone()).is_some() {
                links.push((doc.facts.target(link).to_owned(), link.image, span));
            }
        }
        for anchor in &doc.facts.anchors {
            let at = value.in_file(anchor.offset).min(text.len());
            value_ids.push((doc.facts.id(anchor).to_owned(), at));
        }
    }
    links.sort_by_key(|(_, _, span)| span.start);
    let links = links.iter().map(|(target, image, span)| LinkAt {
        target,
        image: *image,
        span: span.clone(),
    });
    let mut doc = Document {
        answers,
        ..Document::default()
    };
    // The outline needs the YAML read (landing pages have none).
    let read = || match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Mapping(root)) => Some(root),
        _ => None,
    };
    let outline = match kind {
        Some(Kind::ManagedReference) => read().map(|root| {
            doc.api = api::declared(&root);
            api::outline(&root)
        }),
        Some(Kind::ApiPage) => read().map(|root| {
            doc.api = api_page::declared(&root);
            api_page::outline(&root)
        }),
        Some(Kind::Faq) => read().map(|root| faq::outline(&root)),
        _ => None,
    }
    .unwrap_or_default();
    // Each heading where the YAML writes its text, else where the one
    // before it is (a quoted text with escapes).
    let mut at = 0;
    let mut placed = Vec::with_capacity(outline.len());
    for (level, id, heading) in &outline {
        at = text[at..].find(heading.as_str()).map_or(at, |i| at + i);
        doc.headings.push(*level, id, false, heading, at, false);
        placed.push((id.as_str(), at));
    }
    placed.extend(value_ids.iter().map(|(id, at)| (id.as_str(), *at)));
    placed.sort_by_key(|&(_, at)| at);
    doc.facts = Facts::of_links(links, placed);
    doc
}

/// The trimmed, non-empty string value of `key` in `map`.
fn field<'v>(map: &'v Mapping, key: &str) -> Option<&'v str> {
    map.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The keys whose values are links.
const LINK_KEYS: &[&str] = &["url", "imageSrc"];

/// Each link value of the YAML, as its key and its bytes in `text`
/// (inside the quotes of a quoted value). Read line by line, as the
/// schema writes one key a line, so that every value keeps its place.
fn values(text: &str) -> impl Iterator<Item = (&'static str, Range<usize>)> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let at = start;
        start += line.len();
        let (key, value) = link_value(line)?;
        Some((key, at + value.start..at + value.end))
    })
}

/// The link key a line sets and where its value is on the line:
/// `  - url: a.md`, `url: "a.md" # comment`.
fn link_value(line: &str) -> Option<(&'static str, Range<usize>)> {
    let content = line.trim_end();
    let indent = content.len() - content.trim_start().len();
    let mut rest = &content[indent..];
    let mut at = indent;
    if let Some(item) = rest.strip_prefix("- ") {
        let item = item.trim_start();
        at += rest.len() - item.len();
        rest = item;
    }
    let key = LINK_KEYS.iter().copied().find(|key| {
        rest.strip_prefix(key)
            .is_some_and(|after| after.trim_start().starts_with(':'))
    })?;
    let after_key = rest[key.len()..].trim_start();
    let colon = at + (rest.len() - after_key.len());
    let value = after_key[1..].trim_start();
    let value_at = colon + 1 + (after_key.len() - 1 - value.len());
    let range = match value.as_bytes().first()? {
        quote @ (b'"' | b'\'') => {
            let end = value[1..].find(*quote as char)?;
            value_at + 1..value_at + 1 + end
        }
        b'|' | b'>' | b'#' | b'[' | b'{' => return None,
        _ => {
            let end = value.find(" #").unwrap_or(value.len());
            value_at..value_at + value[..end].trim_end().len()
        }
    };
    (!range.is_empty()).then_some((key, range))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_makes_a_page() {
        assert!(is_landing("### YamlMime:Landing\ntitle: x\n"));
        assert!(is_landing("\u{feff}### YamlMime:Hub\r\n"));
        assert!(!is_landing("### YamlMime:TableOfContent\n"));
        assert!(!is_landing("title: x\n### YamlMime:Landing\n"));
        assert!(!is_landing(""));
    }

    #[test]
    fn link_values_keep_their_place() {
        let text = "### YamlMime:Landing\nlinks:\n  - text: A\n    url: a.md#x\n  - url: \"b c.md\" # quoted\n    imageSrc: 'i.png'\nurl:\nsummary: url: no\n  url: >\n";
        let found: Vec<(&str, &str)> = values(text).map(|(k, r)| (k, &text[r])).collect();
        assert_eq!(
            found,
            [("url", "a.md#x"), ("url", "b c.md"), ("imageSrc", "i.png")]
        );
    }

    #[test]
    fn random_yaml_never_panics_and_links_stay_on_their_text() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "### YamlMime:Landing\n", "\n", "  ", "- ", "url:", "url: ", "imageSrc:", " a.md", "\"", "'",
            " #", "#x", "é", "日本", "🙂", "title: ", "links:\n", "text: T\n", "\r\n", "[", "{", "|",
            ">", ":", "url: \"b.md", "metadata:\n  title: M\n", "  - url: c.md#d\n", "\t",
            "### YamlMime:FAQ\n", "answer: |\n", "summary: ", "    ", "[x](y.md)", "](", "sections:\n",
            "  - name: N\n    questions:\n", "      - question: Q\n", "        answer: ",
            "### YamlMime:ManagedReference\n", "items:\n", "- uid: A.B\n", "- uid: A.B(C)\n",
            "  type: Method\n", "  syntax:\n    content: void x()\n", "    parameters:\n    - id: p\n",
            "      type: System.Int32\n", "  summary: Bars <code>x</code>.\n", "  name: N\n",
            "### YamlMime:ApiPage\n", "body:\n", "- api1: Class A\n", "  metadata:\n    uid: A.B\n",
            "- h2: M\n", "- parameters:\n  - name: p\n", "    type:\n", "- code: x\n",
            "- facts:\n  - name: N\n    value: V\n", "  deprecated: true\n", "      url: A.html\n",
            "- list:\n  - - text: T\n", "- api3: M(int)\n  id: A_M\n", "- markdown: '*x*'\n",
        ];
        let titles = crate::markdown::AlertTitles::default();
        let highlighter = crate::markdown::Highlighter::default();
        let cx = crate::markdown::RenderContext::standalone(&titles, &highlighter);
        for text in crate::random_texts(PIECES, 0x9e37_79b9_7f4a_7c15, 3000) {
            let doc = document(&text);
            for link in &doc.facts.links {
                // A `url:` value is its target; a Markdown link holds it.
                let written = text.get(link.span.clone());
                assert!(written.is_some(), "{text:?} {link:?}");
            }
            // Whatever the kind: every Markdown value maps back in bounds,
            // but for the newline a block adds after the file's last line.
            for value in faq::markdown_values(&text) {
                let end = value.span_in_file(0..value.markdown.len()).end;
                assert!(end <= text.len() + 1, "{text:?}");
            }
            let _ = metadata(&text);
            let _ = render(&text, &cx);
        }
    }

    #[test]
    fn metadata_is_the_front_matter_and_title_the_top_one() {
        let meta = metadata(
            "### YamlMime:Landing\ntitle: Top\nmetadata:\n  title: Meta\n  ms.date: 01/02/2024\n",
        )
        .unwrap();
        assert_eq!(meta.get("title").and_then(Value::as_str), Some("Top"));
        assert_eq!(
            meta.get("ms.date").and_then(Value::as_str),
            Some("01/02/2024")
        );
        let (line, column, _) = metadata("### YamlMime:Landing\ntitle: [a\n").unwrap_err();
        assert_eq!((line, column), (3, 1));
        assert!(metadata("### YamlMime:Landing\n- a\n").is_err());
    }
}
