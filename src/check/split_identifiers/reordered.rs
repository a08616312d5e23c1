//! Identifiers machine translation split at their underscore and put back
//! in another order, the prefix last: win32's fr-fr `WM_PAINT` page writes
//! `**\_ peinture WM**` for `**WM\_PAINT**` (pt-br: `**\_ pintura do WM**`),
//! `l' \_ indicateur RDW INTERNALPAINT` for `RDW\_INTERNALPAINT`, and
//! `[**\_ERASEBKGND WM**]` for `[**WM\_ERASEBKGND**]`, es-es `**\_puntero E**`
//! for `**E\_POINTER**`; or dropped the prefix
//! (`**\_ OK**` for `**S\_OK**`, in nearly every return value of win32's
//! fr-fr pages); or left the prefix before the bold text or link holding
//! the rest (`WM [**\_ Print**]`), or kept the prefix alone after the
//! underscore (`un message **\_ WM** peut`). In none of these do the
//! parts stand side by side as in a split in place (`WM \_ PAINT`), so only
//! the same block in another page of the translation group tells: it
//! writes the identifier whole, and its prefix, a word in capitals (`WM`,
//! `RDW`), is one of the words that follow the underscore here (or the
//! only one, ending the bold text or link), or those words are the rest of
//! the identifier and its prefix is nowhere near, or right before the mark
//! opening the bold text or link. An underscore that starts a word is rare
//! in prose, and one
//! followed by the capitals of the identifier the source writes at the same
//! place is no word of any language.

use std::ops::Range;

use super::super::Context;
use super::super::counterparts::Counterparts;
use super::group::Written;
use super::{capitals, hidden_at, parts};

/// Words read after the underscore: the translation of the other parts
/// and the prefix, `\_ pintura do WM`.
const WORDS: usize = 4;

/// An underscore that starts a word, and the words after it, one of them
/// in capitals after the first: what a reordered identifier looks like
/// before the translation group is asked.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Candidate {
    /// From the underscore (its backslash included).
    pub start: usize,
    pub words: Vec<Range<usize>>,
}

/// The candidates of `text`, in text order, among the underscores at
/// `unders` (in text order): the loader marks those before a space and
/// the escaped ones ([`crate::marks`]), which are all the reordered
/// forms seen (`\_ peinture`, `\_ERASEBKGND`); a bare `_` starting a word
/// is rare in win32's sources, which escape theirs.
pub(super) fn candidates(text: &str, unders: impl Iterator<Item = usize>) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for i in unders {
        let start = if i > 0 && bytes[i - 1] == b'\\' {
            i - 1
        } else {
            i
        };
        let starts_word = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != '\\');
        if !starts_word || bytes.get(i + 1) == Some(&b'_') {
            continue;
        }
        let mut at = i + 1 + usize::from(bytes.get(i + 1) == Some(&b' '));
        let mut words = Vec::new();
        while words.len() < WORDS {
            let len = text[at..]
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(text.len() - at, |(k, _)| k);
            if len == 0 {
                break;
            }
            words.push(at..at + len);
            at += len;
            let next_is_word = bytes.get(at) == Some(&b' ')
                && text[at + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !next_is_word {
                break;
            }
            at += 1;
        }
        // The prefix moved after (`\_ peinture WM`; one letter where it
        // ends the bold or cell, `**\_puntero E**`), or the rest of the name
        // without its prefix (`**\_ OK**`).
        let letter_last = words.len() >= 2 && words.last().is_some_and(|w| letter_ending(text, w));
        // The prefix left before the bold or link that holds the rest
        // (`WM [**\_ Print**]`).
        let (before, across) = word_before(text, start);
        if letter_last
            || words.iter().any(|w| capitals(&text[w.clone()]))
            || (across && capitals(before) && !words.is_empty())
        {
            out.push(Candidate { start, words });
        }
    }
    out
}

/// The word before `start` past the spaces and the marks that open a bold
/// text or a link (`WM [**` before `\_ Print`), and whether such a mark
/// stood between.
fn word_before(text: &str, start: usize) -> (&str, bool) {
    let head = &text[..start];
    let trimmed = head.trim_end_matches(['*', '[', ' ']);
    let across = head[trimmed.len()..].contains(['*', '[']);
    let word = trimmed
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    (word, across)
}

/// Whether `word` is one capital letter that ends a bold text, a link's
/// text or a cell (`*`, `]` or `<` right after it): es-es win32 writes
/// `**\_puntero E**` for `**E\_POINTER**` in nearly every return values
/// table. A capital alone elsewhere among words may be anything.
fn letter_ending(text: &str, word: &Range<usize>) -> bool {
    let bytes = text.as_bytes();
    word.len() == 1
        && bytes[word.start].is_ascii_uppercase()
        && matches!(bytes.get(word.end), Some(b'*' | b']' | b'<'))
}

/// A reordered identifier found: where, and where another page writes it
/// whole (that page, the range).
#[derive(Debug)]
pub(super) struct Found {
    pub run: Range<usize>,
    pub page: usize,
    pub whole: Range<usize>,
    pub how: How,
}

/// What machine translation did to the identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Put its prefix after the rest: `\_ peinture WM` for `WM_PAINT`.
    Reordered,
    /// Dropped its prefix: `**\_ OK**` for `**S\_OK**`, as win32's fr-fr
    /// pages write in nearly every return value.
    Dropped,
    /// Left its prefix before the bold text or link that holds the rest:
    /// `WM [**\_ Print**]` for `[**WM\_PRINT**]`.
    Apart,
    /// Kept only its prefix, after the underscore, the rest lost:
    /// `un message **\_ WM**` for `a **WM\_PAINT** message`.
    Cut,
}

/// `candidate` of the page's `text` confirmed by the same block in another
/// page ([`Counterparts`]): an identifier of two parts or more written
/// there whose first part is one of the candidate's words after the
/// first. The run ends at that word, or at the next when it is the
/// identifier's second part (`RDW INTERNALPAINT`). Of several such
/// identifiers in one block, the one whose other parts the candidate's
/// words also hold (`\_ERASEBKGND WM`); none where two names tie, which
/// would name the wrong one. Visible text is preferred to the source text
/// a side-by-side page keeps beside a sentence.
pub(super) fn confirm(
    cx: &Context,
    counterparts: &Counterparts,
    written: &Written,
    text: &str,
    candidate: &Candidate,
) -> Option<Found> {
    let blocks = counterparts.blocks(candidate.start);
    let find = |shown: bool| {
        blocks.iter().find_map(|(q, block)| {
            let other = &cx.site.pages[*q].source.text;
            let spans = written.of(cx, *q, block.clone());
            // The most alike, its name, and whether another name ties.
            let mut best: Option<(usize, String, Found, bool)> = None;
            // What the candidate's underscore and first word read as a
            // name (`_debug` for `\_DEBUG`): where the other page writes
            // that too, it is a name of its own, not one with its prefix
            // dropped (`_DEBUG` beside `MY_DEBUG`).
            let first = candidate.words.first().map_or("", |w| &text[w.clone()]);
            let own = format!("_{}", first.to_ascii_lowercase());
            let mut written_so = false;
            for whole in spans.iter().cloned() {
                if shown && hidden_at(other, whole.start) {
                    continue;
                }
                let parts = parts(&other[whole.clone()]);
                written_so |= parts.join("_").eq_ignore_ascii_case(&own);
                let Some((end, how)) = end_of(text, candidate, &parts) else {
                    continue;
                };
                let held = parts[1..]
                    .iter()
                    .filter(|p| {
                        candidate
                            .words
                            .iter()
                            .any(|w| text[w.clone()].eq_ignore_ascii_case(p))
                    })
                    .count();
                let name = parts.join("_").to_ascii_lowercase();
                match &mut best {
                    Some((most, _, _, _)) if held < *most => {}
                    Some((most, kept, _, tied)) if held == *most => *tied |= *kept != name,
                    _ => {
                        let found = Found {
                            run: candidate.start..end,
                            page: *q,
                            whole,
                            how,
                        };
                        best = Some((held, name, found, false));
                    }
                }
            }
            best.filter(|(.., tied)| !tied)
                .map(|(_, _, found, _)| found)
                .filter(|found| !(written_so && found.how == How::Dropped))
        })
    };
    find(true).or_else(|| find(false))
}

/// Where the candidate ends if it is the identifier of `parts` reordered
/// (after the word that is its prefix, or the next when that one is its
/// second part), or without its prefix (after its other parts, which its
/// first words are, in any case, with the prefix nowhere among them nor
/// right before the underscore, where an identifier split in place has
/// it).
fn end_of(text: &str, candidate: &Candidate, parts: &[String]) -> Option<(usize, How)> {
    let [prefix, second, rest @ ..] = parts else {
        return None;
    };
    // A prefix in capitals: `WM`, `RDW`, or one letter (`S_OK`, `E_FAIL`),
    // which only a dropped one may be: a capital alone among the words
    // after an underscore is no telling sign.
    let upper = !prefix.is_empty()
        && prefix
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if parts.iter().any(String::is_empty) || !upper {
        return None;
    }
    let words = &candidate.words;
    let word = |k: usize| &text[words[k].clone()];
    let moved = (1..words.len()).find(|&k| word(k) == prefix);
    let telling =
        |k: &usize| capitals(prefix) || (*k == words.len() - 1 && letter_ending(text, &words[*k]));
    if let Some(k) = moved.filter(telling) {
        let next = words
            .get(k + 1)
            .filter(|w| text[(*w).clone()].eq_ignore_ascii_case(second));
        return Some((next.unwrap_or(&words[k]).end, How::Reordered));
    }
    let tail = 1 + rest.len();
    let kept = words.len() >= tail
        && std::iter::once(second)
            .chain(rest)
            .enumerate()
            .all(|(k, part)| word(k).eq_ignore_ascii_case(part));
    let (before, across) = word_before(text, candidate.start);
    if kept && across && before == prefix && capitals(prefix) {
        return Some((words[tail - 1].end, How::Apart));
    }
    let ends_markup = |w: &Range<usize>| matches!(text.as_bytes().get(w.end), Some(b'*' | b']'));
    if words.len() == 1 && word(0) == prefix && capitals(prefix) && ends_markup(&words[0]) {
        return Some((words[0].end, How::Cut));
    }
    let dropped = kept
        && !before.eq_ignore_ascii_case(prefix)
        && !(0..words.len()).any(|k| word(k) == prefix);
    dropped.then(|| (words[tail - 1].end, How::Dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Candidate> {
        candidates(text, memchr::memchr_iter(b'_', text.as_bytes()))
    }

    fn words(text: &str) -> Vec<Vec<&str>> {
        all(text)
            .iter()
            .map(|c| c.words.iter().map(|w| &text[w.clone()]).collect())
            .collect()
    }

    #[test]
    fn an_underscore_before_words_and_capitals_is_a_candidate() {
        let text = "un message **\\_ peinture WM**, [**\\_ERASEBKGND WM**](a.md), \
                    avec l' \\_ indicateur RDW INTERNALPAINT défini.";
        assert_eq!(
            words(text),
            [
                vec!["peinture", "WM"],
                vec!["ERASEBKGND", "WM"],
                vec!["indicateur", "RDW", "INTERNALPAINT", "défini"],
            ]
        );
        assert_eq!(words("retourne la valeur **\\_ OK**."), [vec!["OK"]]);
        // After a prefix before the bold, but no word after: none (a
        // random site once made such a candidate, without words).
        assert_eq!(
            words("le message **WM** [**\\_**]"),
            Vec::<Vec<&str>>::new()
        );
    }

    #[test]
    fn underscores_inside_names_or_before_no_capitals_are_not() {
        let text = "WM\\_PAINT, WM_PAINT, **WM \\_ Paint**, le \\_ caractère, __try, \
                    un \\_ mot seul, `x` \\_ _ a.";
        assert_eq!(words(text), Vec::<Vec<&str>>::new());
    }

    #[test]
    fn the_candidate_ends_at_the_prefix_or_the_part_after_it() {
        let text = "avec l' \\_ indicateur RDW INTERNALPAINT défini, de \\_ peinture WM interne";
        let found = all(text);
        let end = |c: &Candidate, name: &str| {
            let parts: Vec<String> = name.split('_').map(str::to_owned).collect();
            end_of(text, c, &parts).map(|(end, how)| (&text[c.start..end], how))
        };
        assert_eq!(
            end(&found[0], "RDW_INTERNALPAINT"),
            Some(("\\_ indicateur RDW INTERNALPAINT", How::Reordered))
        );
        assert_eq!(
            end(&found[1], "WM_PAINT"),
            Some(("\\_ peinture WM", How::Reordered))
        );
        // Another prefix, or one that is no word in capitals.
        assert_eq!(end(&found[1], "WS_VISIBLE"), None);
        assert_eq!(end(&found[1], "peinture_x"), None);
    }

    #[test]
    fn a_one_letter_prefix_moved_to_the_end_of_the_bold_is_reordered() {
        let text = "| <dl> <dt>**\\_puntero E**</dt> </dl> | y \\_ algo E de | **\\_ x E** |";
        let found = all(text);
        assert_eq!(found.len(), 2, "{found:?}");
        let parts: Vec<String> = ["E", "POINTER"].map(str::to_owned).to_vec();
        assert_eq!(
            end_of(text, &found[0], &parts).map(|(end, how)| (&text[found[0].start..end], how)),
            Some(("\\_puntero E", How::Reordered))
        );
        // `E` before a word, not at the end of the bold: no candidate.
        assert_eq!(&text[found[1].start..found[1].start + 5], "\\_ x ");
    }

    #[test]
    fn a_prefix_left_outside_the_link_or_alone_after_the_underscore_is_found() {
        // The real fr-fr `WM_PAINT` page, lines 87 and 95.
        let text = "utilisez le message WM [**\\_ Print**](wm-print.md) ou **WM \\_ X**, \
                    car un message **\\_ WM** peut, **S** \\_ OK, \\_ WM de";
        let found = all(text);
        let end = |k: usize, name: &str| {
            let parts: Vec<String> = name.split('_').map(str::to_owned).collect();
            end_of(text, &found[k], &parts).map(|(end, how)| (&text[found[k].start..end], how))
        };
        let starts: Vec<&str> = found.iter().map(|c| &text[c.start..c.start + 4]).collect();
        // `WM \\_ X` is split in place, another finding's.
        assert_eq!(starts, ["\\_ P", "\\_ W", "\\_ O", "\\_ W"]);
        assert_eq!(end(0, "WM_PRINT"), Some(("\\_ Print", How::Apart)));
        assert_eq!(end(0, "WM_PAINT"), None);
        assert_eq!(end(1, "WM_PAINT"), Some(("\\_ WM", How::Cut)));
        // A one-letter prefix is no telling sign; nor a prefix that ends
        // no bold text or link.
        assert_eq!(end(2, "S_OK"), None);
        assert_eq!(end(3, "WM_PAINT"), None);
    }

    #[test]
    fn the_rest_of_a_name_without_its_prefix_is_a_dropped_prefix() {
        let text = "la valeur **\\_ OK**, **S** \\_ OK, le \\_ DEBUG_MODE, **\\_ OK FAIL**";
        let found = all(text);
        let end = |k: usize, name: &str| {
            let parts: Vec<String> = name.split('_').map(str::to_owned).collect();
            end_of(text, &found[k], &parts).map(|(end, how)| (&text[found[k].start..end], how))
        };
        assert_eq!(end(0, "S_OK"), Some(("\\_ OK", How::Dropped)));
        // The prefix right before: split in place, another finding's.
        assert_eq!(end(1, "S_OK"), None);
        // Not the rest of that name.
        assert_eq!(end(2, "S_OK"), None);
        assert_eq!(end(3, "E_FAIL"), None);
        assert_eq!(end(3, "S_OK"), Some(("\\_ OK", How::Dropped)));
    }
}
