//! `lowercased-name`: an API name machine translation wrote in lower case,
//! `ienummediatypes` for `IEnumMediaTypes`, `Cbasepin-Klasse` for the
//! `CBasePin` class. The de-de translations of win32's reference pages do
//! it to most names in their prose (`tests/data/real-win32/`: the
//! `CBasePin.EnumMediaTypes` page), while their code and the source text
//! beside each sentence keep the names as declared; C, C++ and COM names
//! are case-sensitive, so a reader who copies one gets no such name.
//!
//! Only reference pages are read (those with an `api_name` front matter
//! list), and a word counts only where the same page writes it with
//! capitals inside elsewhere (its code, its `api_name`, the source text
//! beside a side-by-side sentence): such a name is no word of any
//! language, so its lower-case form is no word either. Not code, link
//! targets, file names (`cenummediatypes.md`), HTML tags, the source text
//! itself, nor a name split after its separator (`split-member-name`'s).

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::Finding;

use super::Context;
use super::glued_terms::{code_ranges, in_code};
use super::line_scan::LineScan;
use super::mt_placeholders::per_line;
use super::split_file_names::{EXTENSIONS, IN_CODE};

/// Shorter names are left alone: `hwnd`-like abbreviations are written in
/// lower case in the source prose too.
const MIN_LENGTH: usize = 6;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        if page.source.meta_list("api_name").is_none_or(|n| n.is_empty()) {
            return Vec::new();
        }
        let text = &page.source.text;
        let found = lowercased(text, || code_ranges(page));
        if found.is_empty() {
            return Vec::new();
        }
        let spans: Vec<Range<usize>> = found.iter().map(|(run, _)| run.clone()).collect();
        per_line(cx, p, spans, "another one", |piece| {
            let also = piece.and_more();
            let (written, at) = (piece.written, piece.at);
            let whole = found[piece.index].1.clone();
            let name = &text[whole.clone()];
            let message = format!(
                "`{written}`{also}: machine translation wrote the name `{name}` in lower case; C, C++ and COM names are case-sensitive, so readers who copy it get no such name"
            );
            Finding::warning("lowercased-name", at, message)
                .with_help(format!(
                    "write `{name}` with its capitals, as the page does elsewhere; {IN_CODE}"
                ))
                .with_related(cx.location(p, whole), format!("`{name}`, with its capitals"))
        })
    })
}

/// Whether `word` has a capital after its first character and a
/// lower-case letter: `IEnumMediaTypes`, `CBasePin`, `ppEnum`; not
/// `HRESULT`, `Windows`.
fn mixed_case(word: &str) -> bool {
    word.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        && word.bytes().any(|b| b.is_ascii_lowercase())
}

/// The words of `text` written without the capitals inside them that the
/// same text writes elsewhere, each with the first place it does,
/// outside the code blocks `code` gives (asked for only when a page has
/// such a pair), code spans, tags, paths and the source text beside a
/// side-by-side sentence.
fn lowercased(
    text: &str,
    code: impl FnOnce() -> Vec<Range<usize>>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let words = words(text);
    let names = capitalised(text, &words);
    if names.is_empty() {
        return Vec::new();
    }
    let candidates: Vec<(Range<usize>, Range<usize>)> = words
        .into_iter()
        .filter(|w| {
            !text[w.clone()]
                .bytes()
                .skip(1)
                .any(|b| b.is_ascii_uppercase())
        })
        .filter_map(|w| {
            let whole = names.get(&text[w.clone()].to_ascii_lowercase())?;
            Some((w, whole.clone()))
        })
        .collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let blocks = code();
    let bytes = text.as_bytes();
    // The candidates come in text order: their lines are read once.
    let mut scan = LineScan::default();
    candidates
        .into_iter()
        .filter(|(w, _)| {
            // A link's destination: `](cbasepin-getmediatype.md)`.
            !in_code(&blocks, w.start)
                && !scan.in_code_span(text, w.start)
                && !scan.in_tag(text, w.start)
                && !scan.in_destination(text, w.start)
                && !scan.hidden(text, w.start)
                && !in_path_or_split(bytes, w.clone())
        })
        .collect()
}

/// The names `text` writes with capitals inside (`words` are its words),
/// by their lower-case form, each with the first place it does.
pub(super) fn capitalised(text: &str, words: &[Range<usize>]) -> HashMap<String, Range<usize>> {
    let mut names: HashMap<String, Range<usize>> = HashMap::new();
    for word in words {
        let written = &text[word.clone()];
        if written.len() >= MIN_LENGTH && mixed_case(written) && !file_name(text, word.end) {
            names
                .entry(written.to_ascii_lowercase())
                .or_insert_with(|| word.clone());
        }
    }
    names
}

/// Whether the word ending at `end` is a file's name before its
/// extension (`IACom.dll`): file names are no case-sensitive names, and
/// the page may write the same file in lower case (`iacom_i.c`).
fn file_name(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix('.')) else {
        return false;
    };
    let extension: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    EXTENSIONS.contains(&extension.as_str())
}

/// Whether the word at `word` is part of a path, URL, file name, anchor
/// or qualified name rather than standing alone: `/`, `-`, `#`, `.`,
/// `:`, `_` or `=` right before it, or `.`, `:`, `/` or `(` right after
/// it (`nn-strmif-ienummediatypes`, `cenummediatypes.md`); a `.` or `:`
/// before it across spaces, or a `.`, spaces and a lower-case letter
/// after it, as where a name was split after its separator
/// (`Cbasepin. enummediatypes`, `split-member-name`'s).
fn in_path_or_split(bytes: &[u8], word: Range<usize>) -> bool {
    let before = word.start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(word.end).copied();
    let mut back = word.start;
    while back > 0 && bytes[back - 1] == b' ' {
        back -= 1;
    }
    let mut ahead = word.end + 1;
    while bytes.get(ahead) == Some(&b' ') {
        ahead += 1;
    }
    let separated = back < word.start && back > 0 && matches!(bytes[back - 1], b'.' | b':')
        || ahead > word.end + 1
            && after == Some(b'.')
            && bytes.get(ahead).is_some_and(u8::is_ascii_lowercase);
    let path_before = matches!(
        before,
        Some(b'/' | b'-' | b'#' | b'.' | b':' | b'_' | b'=' | b'\\')
    );
    let path_after = matches!(after, Some(b'.' | b':' | b'/' | b'(' | b'\\'))
        && bytes
            .get(word.end + 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'/' || *b == b':');
    path_before || path_after || separated
}

/// The ASCII words of `text`: a letter or `_`, then letters, digits and
/// `_`, not inside a longer run of them.
pub(super) fn words(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || b == b'_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            // Not a word glued to a letter of another script.
            let glued =
                start > 0 && bytes[start - 1] >= 0x80 || bytes.get(i).is_some_and(|&b| b >= 0x80);
            if !bytes[start].is_ascii_digit() && !glued {
                out.push(start..i);
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, &str)> {
        lowercased(text, Vec::new)
            .into_iter()
            .map(|(w, whole)| (&text[w], &text[whole]))
            .collect()
    }

    #[test]
    fn names_written_without_their_capitals_are_found() {
        let text = "HRESULT EnumMediaTypes(IEnumMediaTypes **ppEnum);\n\
                    Die **ienummediatypes** -Schnittstelle. Die [**cenummediatypes**](cenummediatypes.md) \
                    -Basisklasse, see [CEnumMediaTypes](x). **Cbasepin-Klasse** of CBasePin.";
        assert_eq!(
            found(text),
            [
                ("ienummediatypes", "IEnumMediaTypes"),
                ("cenummediatypes", "CEnumMediaTypes"),
                ("Cbasepin", "CBasePin")
            ]
        );
    }

    /// Paths, anchors, file names (and names of files, `IAComLib.dll`),
    /// tags, split names, short names and names of one case are no
    /// finding.
    #[test]
    fn paths_tags_and_words_are_not() {
        let text = "IEnumMediaTypes and CBasePin.EnumMediaTypes, hWnd and HRESULT, IAComLib.dll.\n\
                    [x](/api/nn-strmif-ienummediatypes) [y](ienummediatypes.md) [z](cbasepin-x.md) \
                    <a name=\"ienummediatypes\"></a> Cbasepin. enummediatypes, the hwnd, an hresult, \
                    `ienummediatypes` and #ienummediatypes, iacomlib \\_ i. c.";
        assert_eq!(found(text), []);
    }
}
