//! DocFX FAQ pages (`### YamlMime:FAQ`) and the Markdown they carry in
//! their `answer:` and `summary:` values.
//!
//! An FAQ page renders as its title, its summary, then per section its
//! `name` as a heading and per question the `question` as a subheading
//! with the `answer` below, both Markdown as DocFX reads them.
//!
//! For the checks, each Markdown value is read off the YAML's lines
//! ([`markdown_values`]): a block scalar (`answer: |`, `>`) is its lines
//! without their common indentation, a plain one-line value the rest of
//! its line. Every line of the Markdown is then a verbatim piece of a line
//! of the file, so a link found in it maps back to the file's bytes by
//! the line it is on: its findings point at the YAML where it is written.
//! Quoted values (escapes shift the bytes) are rendered but not checked.

use std::fmt::Write;
use std::ops::Range;

use serde_yaml::{Mapping, Value};

use super::field;
use crate::markdown::facts::{Facts, TokenKind};
use crate::markdown::heading::IdAllocator;
use crate::markdown::highlight::escape;
use crate::markdown::{RenderContext, render_body};

/// One Markdown value of an FAQ page as the comparison across locales
/// reads it (`check/faq_tokens.rs`), read once by the page's parse: where
/// it starts in the file, and its codes, fenced code and link targets,
/// each once, with where the file writes the first of each (a target's
/// place is its link's, which the page's links share).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    pub start: usize,
    pub tokens: Vec<(AnswerToken, Range<usize>)>,
}

/// A token of an answer: its kind and normalised value.
pub type AnswerToken = (TokenKind, String);

impl Answer {
    /// The codes, fenced code and link targets of `value`, whose facts
    /// are `facts`.
    pub fn of(value: &MarkdownValue, facts: &Facts) -> Answer {
        let mut seen = std::collections::HashSet::new();
        let mut tokens = Vec::new();
        for unit in &facts.units {
            for token in facts.tokens_of(unit) {
                if !matches!(
                    token.kind,
                    TokenKind::Code | TokenKind::Fenced | TokenKind::Target
                ) {
                    continue;
                }
                let key = (token.kind, facts.value(token).to_owned());
                if seen.insert(key.clone()) {
                    tokens.push((key, value.span_in_file(token.span())));
                }
            }
        }
        Answer {
            start: value.in_file(0),
            tokens,
        }
    }
}

/// Keys whose values are Markdown.
const MARKDOWN_KEYS: &[&str] = &["answer", "summary"];

/// A Markdown value of the YAML, with where each of its lines is in the file.
pub struct MarkdownValue {
    pub markdown: String,
    /// Per line: its offset in `markdown`, and in the file.
    starts: Vec<(usize, usize)>,
}

impl MarkdownValue {
    /// The file's offset of byte `at` of the Markdown.
    pub fn in_file(&self, at: usize) -> usize {
        let line = self.starts.partition_point(|&(md, _)| md <= at).max(1) - 1;
        let (md, file) = self.starts[line];
        file + (at - md)
    }

    /// The file's bytes of bytes `span` of the Markdown.
    pub fn span_in_file(&self, span: Range<usize>) -> Range<usize> {
        let start = self.in_file(span.start);
        let end = if span.end > span.start {
            self.in_file(span.end - 1) + 1
        } else {
            start
        };
        start..end
    }
}

/// Every Markdown value of `text` that can be mapped back to it.
pub fn markdown_values(text: &str) -> Vec<MarkdownValue> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push((at, line.strip_suffix('\n').unwrap_or(line)));
        at += line.len();
    }
    let mut values = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (start, line) = lines[i];
        i += 1;
        let Some((key_indent, value_at)) = markdown_key(line) else {
            continue;
        };
        let value = &line[value_at..];
        if value.starts_with(['|', '>']) {
            // The block: the lines after, blank or indented deeper than the key.
            let first = i;
            while i < lines.len() {
                let body = lines[i].1;
                let blank = body.trim().is_empty();
                if !blank && indent(body) <= key_indent {
                    break;
                }
                i += 1;
            }
            let Some(block_indent) = lines[first..i]
                .iter()
                .find(|(_, l)| !l.trim().is_empty())
                .map(|(_, l)| indent(l))
            else {
                continue;
            };
            let mut value = MarkdownValue {
                markdown: String::new(),
                starts: Vec::new(),
            };
            for &(line_start, body) in &lines[first..i] {
                let cut = block_indent.min(body.len());
                let cut = if body.is_char_boundary(cut) { cut } else { 0 };
                value.starts.push((value.markdown.len(), line_start + cut));
                value.markdown.push_str(&body[cut..]);
                value.markdown.push('\n');
            }
            values.push(value);
        } else if !value.is_empty() && !value.starts_with(['"', '\'', '[', '{', '&', '*', '!', '#'])
        {
            let end = value.find(" #").unwrap_or(value.len());
            values.push(MarkdownValue {
                markdown: value[..end].trim_end().to_owned(),
                starts: vec![(0, start + value_at)],
            });
        }
    }
    values
}

/// Leading spaces of `line`.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Where a line sets a Markdown key: the key's column and where its value
/// starts on the line.
fn markdown_key(line: &str) -> Option<(usize, usize)> {
    let mut at = indent(line);
    if let Some(item) = line[at..].strip_prefix("- ") {
        at = line.len() - item.trim_start_matches(' ').len();
    }
    let rest = &line[at..];
    let key = MARKDOWN_KEYS.iter().find(|key| {
        rest.strip_prefix(**key)
            .is_some_and(|after| after.starts_with(':'))
    })?;
    let after = &rest[key.len() + 1..];
    let value = after.trim_start_matches([' ', '\t']);
    Some((at, line.len() - value.len()))
}

/// One part of an FAQ page, in order.
enum Part<'v> {
    /// A section's name (level 2) or a question (level 3), with its id.
    Heading(u8, &'v str, String),
    /// An answer, Markdown.
    Answer(&'v str),
}

/// The page's sections and questions, in order, with the ids their
/// headings get: the render writes them, the checks resolve links to
/// them ([`outline`]).
fn parts(root: &Mapping) -> Vec<Part<'_>> {
    let mut ids = IdAllocator::default();
    let mut parts = Vec::new();
    for section in items(root, "sections") {
        if let Some(name) = field(section, "name") {
            parts.push(Part::Heading(2, name, ids.automatic(name)));
        }
        for question in items(section, "questions") {
            if let Some(asked) = field(question, "question") {
                parts.push(Part::Heading(3, asked, ids.automatic(asked)));
            }
            if let Some(answer) = field(question, "answer") {
                parts.push(Part::Answer(answer));
            }
        }
    }
    parts
}

/// The headings of an FAQ page: level, id and text, in order.
pub fn outline(root: &Mapping) -> Vec<(u8, String, String)> {
    parts(root)
        .into_iter()
        .filter_map(|part| match part {
            Part::Heading(level, text, id) => Some((level, id, text.to_owned())),
            Part::Answer(_) => None,
        })
        .collect()
}

/// The body of an FAQ page.
pub fn render(root: &Mapping, cx: &RenderContext) -> String {
    let mut out = String::from("<div class=\"landing faq\">\n");
    if let Some(title) = field(root, "title") {
        let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    }
    if let Some(summary) = field(root, "summary") {
        out.push_str(&markdown(summary, cx));
    }
    for part in parts(root) {
        match part {
            Part::Heading(level, text, id) => {
                let (id, label) = (escape(&id), escape(cx.section_link));
                let _ = writeln!(
                    out,
                    "<h{level} id=\"{id}\">{}<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"{label}\"></a></h{level}>",
                    escape(text)
                );
            }
            Part::Answer(answer) => out.push_str(&markdown(answer, cx)),
        }
    }
    out.push_str("</div>\n");
    out
}

/// The mappings of list `key` of `map`.
fn items<'v>(map: &'v Mapping, key: &str) -> impl Iterator<Item = &'v Mapping> {
    map.get(key)
        .and_then(Value::as_sequence)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_mapping)
}

/// A Markdown value as a page's body would render it, its links resolved
/// from the YAML file.
fn markdown(text: &str, cx: &RenderContext) -> String {
    let doc = crate::markdown::parse(text, 0);
    render_body(text, 0, &doc, cx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_and_plain_values_map_back_to_the_file() {
        let text = "sections:\n  - name: S\n    questions:\n      - question: Q?\n        answer: |\n          First [a](a.md).\n\n          Then [b](b.md#x).\n      - question: R?\n        answer: See [c](c.md). # note\nsummary: \"quoted [d](d.md)\"\n";
        let values = markdown_values(text);
        assert_eq!(
            values
                .iter()
                .map(|v| v.markdown.as_str())
                .collect::<Vec<_>>(),
            ["First [a](a.md).\n\nThen [b](b.md#x).\n", "See [c](c.md)."]
        );
        for (value, wanted) in values.iter().zip(["b.md#x", "c.md"]) {
            let at = value.markdown.find(wanted).unwrap();
            let span = value.span_in_file(at..at + wanted.len());
            assert_eq!(&text[span], wanted);
        }
    }
}
