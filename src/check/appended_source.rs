//! `appended-source-text`: a translated heading that ends with its source
//! text glued to it (`Impostare l'opzione in Visual Studio o a livello di
//! codiceSet the option in Visual Studio or programmatically`).
//!
//! Microsoft's machine-translation pipeline sometimes writes a segment's
//! source after its translation, with no space between them; readers see
//! both. In a heading the source is known without the source locale: the
//! localization keeps the source's anchor (`<a name="set-the-option-in-
//! visual-studio-or-programmatically">`), which is that text as a slug.
//! The real it-it `/EH` page of cpp-docs has two such headings
//! (`tests/data/real-cpp/`). A heading is flagged when its text, read as
//! a slug reads it, ends with its anchor's words of three or more, glued
//! to the word before (`codiceSet`, `/clrException`): a heading left in
//! the source language equals its anchor, and a translation that names
//! the anchor's words after a space (`Acerca de Azure Active Directory`)
//! may mean them.
//!
//! Link texts show it too (`[Errori e gestione delle eccezioniErrors and
//! Exception Handling](../../cpp/errors-and-exception-handling-modern-
//! cpp.md)`, the same page's See also list), with the target's file name
//! as the evidence: Microsoft's file names are the source title as a slug,
//! often with words added (`-modern-cpp`). So a link text is flagged when
//! it ends with the first three or more words of its target's file name,
//! glued to the word before, with stricter signs than a heading needs
//! (whose anchor is the whole source text): a lower-case letter right
//! before an upper-case one where they meet (`eccezioniErrors`), and a
//! translation of two words or more before them, so that a product name
//! (`SqlServer Management Studio` linking `server-management-studio.md`)
//! is not taken for one.

use crate::diagnostic::Finding;
use crate::site::Page;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    // One pass: a page's headings and links are read while it is in the cache.
    cx.per_page(|p, page| {
        let mut findings = headings(cx, p, page);
        findings.extend(link_texts(cx, p, page));
        findings
    })
}

fn headings(cx: &Context, p: usize, page: &Page) -> Vec<Finding> {
    let headings = &page.doc.headings;
    let text = &page.source.text;
    headings
        .iter()
        .filter(|h| h.explicit && !h.tab)
        .filter_map(|h| {
            let id = headings.id(h);
            if !appended(headings.text(h), id) {
                return None;
            }
            let line_end = text[h.offset..].find('\n').map_or(text.len(), |i| h.offset + i);
            let first = id.split('-').next().unwrap_or(id);
            let at = glued_start(&text[h.offset..line_end], first)? + h.offset;
            let source = text[at..line_end].trim_end();
            let before = text[h.offset..at]
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("");
            Some(
                Finding::warning(
                    "appended-source-text",
                    cx.location(p, at..at + source.len()),
                    format!(
                        "this heading ends with its source text glued to the translation: `{source}`, the text its anchor `{id}` was made from"
                    ),
                )
                .with_help(format!(
                    "remove `{source}` after `{before}`: the translation before it is the heading"
                )),
            )
        })
        .collect()
}

/// Links whose text ends with the start of its target's file name, glued
/// (see the module docs).
fn link_texts(cx: &Context, p: usize, page: &Page) -> Vec<Finding> {
    let facts = &page.doc.facts;
    super::file_links(page)
        .filter_map(|found| {
            let (link, file) = (found.link, found.file);
            let stem = crate::markdown::links::strip_md(file)?;
            let first = stem.split(['-', '_']).find(|w| !w.is_empty())?;
            if !case_glued(facts.link_text(link), first) {
                return None;
            }
            let words: Vec<&str> = stem.split(['-', '_']).filter(|w| !w.is_empty()).collect();
            if words.len() < 3 {
                return None;
            }
            let label = as_slug(facts.link_text(link));
            let count = (3..=words.len())
                .rev()
                .find(|&n| glued_to_end(&label, &words[..n]))?;
            let written = found.written(page)?;
            let at = glued_start(written, &words[0].to_ascii_lowercase())?;
            let (before, source) = written.split_at(at);
            let case_change = before.chars().next_back().is_some_and(char::is_lowercase)
                && source.chars().next().is_some_and(char::is_uppercase);
            let glued_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            if !case_change || glued_word.len() == before.len() {
                return None;
            }
            let at = link.text_offset + at;
            Some(
                Finding::warning(
                    "appended-source-text",
                    cx.location(p, at..at + source.len()),
                    format!(
                        "this link text ends with its source text glued to the translation: `{source}`, the words its target `{file}` was named from ({})",
                        words[..count].join("-")
                    ),
                )
                .with_help(format!(
                    "remove `{source}` after `{glued_word}`: the translation before it is the link text"
                )),
            )
        })
        .collect()
}

/// Whether `word` (ASCII) starts in `text`, in any case, with an
/// upper-case letter right after a lower-case one (`eccezioniErrors`):
/// the cheap test that rules out nearly every link text.
fn case_glued(text: &str, word: &str) -> bool {
    let Some(first) = word.bytes().next().filter(u8::is_ascii_alphabetic) else {
        return false;
    };
    memchr::memchr_iter(first.to_ascii_uppercase(), text.as_bytes()).any(|i| {
        text.get(i..i + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_lowercase)
    })
}

/// Whether `heading` ends with the words of `id` (three or more) glued to
/// the word before them.
fn appended(heading: &str, id: &str) -> bool {
    let words: Vec<&str> = id.split('-').filter(|w| !w.is_empty()).collect();
    words.len() >= 3 && glued_to_end(&as_slug(heading), &words)
}

/// `text` as a slug compares it: lowercase, anything but letters and
/// digits one space, trimmed.
fn as_slug(text: &str) -> String {
    let mut normal = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            normal.push(c);
        } else if !normal.ends_with(' ') {
            normal.push(' ');
        }
    }
    normal.trim().to_owned()
}

/// Whether `normal` ([`as_slug`]) ends with `words` (ASCII) glued to the
/// word before them.
fn glued_to_end(normal: &str, words: &[&str]) -> bool {
    if !words
        .iter()
        .all(|w| w.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return false;
    }
    let phrase = words.join(" ").to_ascii_lowercase();
    normal.len() > phrase.len()
        && normal.ends_with(&phrase)
        && normal[..normal.len() - phrase.len()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Where in `line` the appended text starts: the last place `word` (ASCII)
/// stands, in any case, right after a letter, digit or `/`.
fn glued_start(line: &str, word: &str) -> Option<usize> {
    let lower = line.to_ascii_lowercase();
    lower
        .match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            line[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '/')
        })
        .last()
}

#[cfg(test)]
mod tests {
    use super::{appended, glued_start};

    #[test]
    fn a_heading_ending_with_its_anchor_glued_to_the_translation() {
        let id = "set-the-option-in-visual-studio-or-programmatically";
        assert!(appended(
            "Impostare l'opzione in Visual Studio o a livello di codiceSet the option in Visual Studio or programmatically",
            id
        ));
        assert!(appended(
            "Gestione delle eccezioni in /clrException handling under /clr",
            "exception-handling-under-clr"
        ));
        // Left in the source language, translated, named after a space,
        // or an anchor too short to tell.
        assert!(!appended(
            "Set the option in Visual Studio or programmatically",
            id
        ));
        assert!(!appended("Impostare l'opzione in Visual Studio", id));
        assert!(!appended(
            "Acerca de Azure Active Directory",
            "azure-active-directory"
        ));
        assert!(!appended("SintassiSyntax", "syntax"));
    }

    #[test]
    fn the_appended_text_starts_after_the_glued_word() {
        let line =
            "### <a name=\"exception-handling-under-clr\"></a>Gestione in /clrException handling";
        assert_eq!(
            glued_start(line, "exception").map(|i| &line[i..]),
            Some("Exception handling")
        );
    }
}
