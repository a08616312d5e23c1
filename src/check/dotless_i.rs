//! `dotless-i`: a name in Latin capitals whose `I` machine translation
//! lower-cased by Turkish rules, to the dotless `ı`. Turkish lower-cases
//! `I` to `ı` (and `İ` to `i`); a pipeline that applies that casing to
//! names turns `INCLUDE` into `ıNCLUDE`: the real tr-tr Visual Studio
//! "Devenv command-line switches" (`tests/data/real-vs`) names the
//! environment variables `PATH, ıNCLUDE, LıBPATH ve LIB` and the switch
//! `/LCıD`. Readers who type the name or search for it find nothing,
//! and no token holds a name in prose, so the comparison of translations
//! sees nothing.
//!
//! The page itself is the evidence: no Turkish (or Azerbaijani) word
//! puts `ı` before a Latin capital, and a word of Latin capitals with
//! `ı` among them is a name. A `ı` ending such a word is a suffix the
//! translation glued to a name (`DNSı`) and is left alone. Only pages of
//! locales whose language has the letter are read; not code blocks, link
//! destinations or tags (a code span is read: machine translation that
//! reaches into one damages it the same way).
//!
//! `check --fix` writes `I` for each such `ı`: the only letter Turkish
//! lower-cases to it.

use crate::diagnostic::Finding;

use super::Context;
use super::glued_terms::{code_ranges, in_code};
use super::line_scan::LineScan;

/// The dotless i, as UTF-8.
const DOTLESS: &str = "ı";

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        if !super::language_in(cx.locale_key(p), &["tr", "az"]) {
            return Vec::new();
        }
        let text = &page.source.text;
        let body = page.source.body_start;
        let code = code_ranges(page);
        let mut scan = LineScan::default();
        let mut out = Vec::new();
        let mut last_end = 0;
        for found in memchr::memmem::find_iter(&text.as_bytes()[body..], DOTLESS.as_bytes()) {
            let at = body + found;
            if at < last_end {
                continue;
            }
            let word = word_around(text, at);
            last_end = word.end;
            let name = &text[word.clone()];
            if !is_damaged_name(name)
                || in_code(&code, at)
                || scan.in_destination(text, at)
                || scan.in_tag(text, at)
            {
                continue;
            }
            let fixed = name.replace(DOTLESS, "I");
            out.push(
                Finding::warning(
                    "dotless-i",
                    cx.location(p, word.clone()),
                    format!(
                        "`{name}` writes the Turkish dotless `ı` among Latin capitals: machine translation lower-cased the `I` of `{fixed}` by Turkish rules, and readers who type the name or search for it find nothing"
                    ),
                )
                .with_help(format!("write `{fixed}`: names keep their letters"))
                .with_fix(cx.edit(p, word, fixed)),
            );
        }
        out
    })
}

/// The run of ASCII letters, digits and `ı` around the `ı` at `at`.
fn word_around(text: &str, at: usize) -> std::ops::Range<usize> {
    let part = |c: char| c.is_ascii_alphanumeric() || c == 'ı';
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| part(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !part(c))
        .map_or(text.len(), |(i, _)| at + i);
    start..end
}

/// Whether `word` (ASCII letters, digits and `ı`) is a name of Latin
/// capitals lower-cased by Turkish rules: two capitals at least, and a
/// `ı` right before one (`ıNCLUDE`, `LCıD`), not only at its end
/// (`DNSı`, a suffix).
fn is_damaged_name(word: &str) -> bool {
    let capitals = word.bytes().filter(u8::is_ascii_uppercase).count();
    capitals >= 2
        && word
            .match_indices(DOTLESS)
            .any(|(i, _)| word[i + DOTLESS.len()..].starts_with(|c: char| c.is_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::{is_damaged_name, word_around};

    #[test]
    fn names_lower_cased_by_turkish_rules_are_told_from_words() {
        for name in ["ıNCLUDE", "LıBPATH", "LCıD", "GUıD", "ıD2"] {
            assert_eq!(
                is_damaged_name(name),
                name != "ıD2",
                "{name}: one capital is no name"
            );
        }
        for word in ["DNSı", "kapısı", "Için", "IDE", "ıı", "açılır"] {
            assert!(!is_damaged_name(word), "{word}");
        }
    }

    #[test]
    fn the_word_around_a_dotless_i_is_its_latin_letters() {
        let text = "PATH, ıNCLUDE, LıBPATH ve [/LCıD veya/L]";
        let at = |piece: &str| text.find(piece).unwrap();
        assert_eq!(&text[word_around(text, at("ıN"))], "ıNCLUDE");
        assert_eq!(&text[word_around(text, at("ıB"))], "LıBPATH");
        assert_eq!(&text[word_around(text, at("ıD"))], "LCıD");
    }
}
