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

use crate::diagnostic::Finding;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
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
    })
}

/// Whether `heading` ends with the words of `id` (three or more) glued to
/// the word before them, compared as a slug compares: lowercase, anything
/// but letters and digits a space.
fn appended(heading: &str, id: &str) -> bool {
    let words: Vec<&str> = id.split('-').filter(|w| !w.is_empty()).collect();
    if words.len() < 3
        || !words
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return false;
    }
    let phrase = words.join(" ");
    let mut normal = String::with_capacity(heading.len());
    for c in heading.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            normal.push(c);
        } else if !normal.ends_with(' ') {
            normal.push(' ');
        }
    }
    let normal = normal.trim();
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
