//! Text to search terms. `static/search.js` splits a query by the same
//! rules, so a change here must be made there too (the unit tests below
//! and `tests/browser.rs` pin both sides).
//!
//! - Latin letters lose their accents (`Solución` and `solucion` are one
//!   term); other scripts keep their marks, since in Japanese a mark
//!   changes the sound (`が` is not `か`).
//! - Letters and digits make words: `0x8007232B` is one term,
//!   `slmgr.vbs` two. Words are lowercased one character at a time.
//! - Chinese and Japanese are written without spaces: a run of their
//!   characters gives every pair of neighbours (bigrams), and a lone
//!   character itself, so a query matches any place inside a run.
//!
//! The index reads a page with [`lower_into`] instead, which keeps the
//! accents, because it stems each distinct word (`src/search/stems.rs`)
//! and Snowball's stemmers need them (`activación` loses its suffix,
//! `activacion` does not); [`fold_word`] then folds the word, and the
//! stem, to the term the query's rules give.

/// Words longer than this (in bytes) are not indexed (base64 blobs,
/// hashes).
pub const MAX_WORD: usize = 48;

/// Appends `text` to `out` folded: word characters lowercased and without
/// Latin accents, Chinese and Japanese characters as they are, anything
/// else as a space (ASCII punctuation a space each, other characters one
/// for a run). [`each_folded`] then reads terms as slices of it,
/// so that indexing a page allocates per distinct term, not per word.
pub fn fold_into(text: &str, out: &mut String) {
    scan::<true>(text, out);
}

/// [`fold_into`] without folding Latin accents away: words lowercased
/// and split as that splits them, so that [`fold_word`] of each word
/// read from it by [`each_term`] is the term [`fold_into`] gives.
pub fn lower_into(text: &str, out: &mut String) {
    scan::<false>(text, out);
}

/// A word of [`lower_into`]'s text folded as [`fold_into`] folds it.
pub fn fold_word(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match latin1_letter(c, true) {
            Some(folded) => out.push_str(folded),
            None => unaccent(c, &mut out),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`fold_into`] (`FOLD`) or [`lower_into`].
fn scan<const FOLD: bool>(text: &str, out: &mut String) {
    out.reserve(text.len());
    let mut space = out.ends_with(' ');
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            fold_ascii(&rest.as_bytes()[..ascii], out, &mut space);
            rest = &rest[ascii..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        if let Some(letter) = latin1_letter(c, FOLD) {
            out.push_str(letter);
            space = false;
        } else if is_mark(c) {
            continue;
        } else if is_cjk(c) {
            out.push(c);
            space = false;
        } else if c.is_alphanumeric() {
            if FOLD {
                fold(c, out);
            } else {
                out.extend(c.to_lowercase());
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
}

/// [`fold_into`] for a run of ASCII, the common case. Each byte maps to
/// one byte, spaces not collapsed (a run of them separates words as one
/// does for [`each_folded`]), so the loop has no branch and no state and
/// the compiler turns it into vector instructions. Collapsing spaces
/// here, a byte at a time into the `String`, was the largest cost of
/// indexing.
fn fold_ascii(run: &[u8], out: &mut String, space: &mut bool) {
    // SAFETY: `fold_byte` maps every byte of `run` (ASCII) to an ASCII
    // byte, so the string stays valid UTF-8.
    let bytes = unsafe { out.as_mut_vec() };
    bytes.extend(run.iter().map(|&b| fold_byte(b)));
    if let Some(&last) = run.last() {
        *space = fold_byte(last) == b' ';
    }
}

/// An ASCII letter lowercased, a digit as it is, anything else a space;
/// written without a table or a branch so that it vectorises.
fn fold_byte(b: u8) -> u8 {
    let lower = b | 0x20;
    let letter = lower.wrapping_sub(b'a') < 26;
    let digit = b.wrapping_sub(b'0') < 10;
    if letter {
        lower
    } else if digit {
        b
    } else {
        b' '
    }
}

/// Calls `emit` for each term of text folded by [`fold_into`].
pub fn each_folded<'a>(folded: &'a str, emit: impl FnMut(&'a str)) {
    each_term(folded, MAX_WORD, emit);
}

/// Calls `emit` for each word of text from [`fold_into`] or
/// [`lower_into`] (and each pair of Chinese or Japanese characters),
/// skipping words longer than `limit` bytes.
pub fn each_term<'a>(folded: &'a str, limit: usize, mut emit: impl FnMut(&'a str)) {
    let bytes = folded.as_bytes();
    let mut word: Option<usize> = None;
    // Start of the previous character of the current Chinese/Japanese
    // run, and whether the run has given a pair yet.
    let mut cjk: Option<(usize, bool)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A letter or digit of ASCII, the common case (Latin accents are
        // folded away): it ends a Chinese/Japanese run, starts a word if
        // none is open, and the rest of the word up to a space or another
        // script is skipped in a tight loop.
        if b < 0x80 && b != b' ' {
            if let Some((previous, false)) = cjk.take() {
                emit(&folded[previous..i]);
            }
            word.get_or_insert(i);
            i += 1;
            while bytes.get(i).is_some_and(|&b| b < 0x80 && b != b' ') {
                i += 1;
            }
            continue;
        }
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = folded[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        // Every character of these scripts takes three or four bytes.
        let cjk_char = len >= 3 && is_cjk(c);
        if (c == ' ' || cjk_char)
            && let Some(start) = word.take()
            && i - start <= limit
        {
            emit(&folded[start..i]);
        }
        if cjk_char {
            cjk = Some(match cjk {
                Some((previous, _)) => {
                    emit(&folded[previous..i + len]);
                    (i, true)
                }
                None => (i, false),
            });
        } else {
            if let Some((previous, false)) = cjk.take() {
                emit(&folded[previous..i]);
            }
            if c != ' ' && word.is_none() {
                word = Some(i);
            }
        }
        i += len;
    }
    if let Some(start) = word
        && bytes.len() - start <= limit
    {
        emit(&folded[start..]);
    }
    if let Some((previous, false)) = cjk {
        emit(&folded[previous..]);
    }
}

/// The terms of `text`, in order: for tests and small inputs (the index
/// folds a page once and reads slices of it).
pub fn all(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    let mut out = Vec::new();
    each_folded(&folded, |t| out.push(t.to_owned()));
    out
}

/// A Latin-1 letter (`á`, `ñ`, `Ü`: nearly every accent of Western
/// European text) folded (or only lowercased), from a table that [`fold`]
/// filled once: classifying and decomposing each of them was the slowest
/// step of folding. `None` for any other character.
fn latin1_letter(c: char, folded: bool) -> Option<&'static str> {
    type Table = std::sync::OnceLock<Vec<Option<String>>>;
    static FOLDED: Table = Table::new();
    static LOWER: Table = Table::new();
    let table = if folded { &FOLDED } else { &LOWER }.get_or_init(|| {
        ('\u{C0}'..='\u{FF}')
            .map(|c| {
                c.is_alphanumeric().then(|| {
                    let mut out = String::new();
                    if folded {
                        fold(c, &mut out);
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    out
                })
            })
            .collect()
    });
    let index = (c as usize).checked_sub(0xC0)?;
    table.get(index)?.as_deref()
}

/// Appends `c` lowercased, then without its accent when that is a Latin
/// letter (so the Angström sign folds as `Å` does). Lowercasing first
/// makes folding a lowered word ([`fold_word`]) give the same.
fn fold(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        unaccent(lower, out);
    }
}

/// Appends `c` without its accent when it is a Latin letter, and nothing
/// for a combining mark.
fn unaccent(c: char, out: &mut String) {
    if is_latin_accented(c) {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_mark(d) {
                out.push(d);
            }
        });
    } else if !is_mark(c) {
        out.push(c);
    }
}

/// Latin-1 Supplement letters, Latin Extended-A and -B, Latin Extended
/// Additional: the letters whose accents fold.
fn is_latin_accented(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Combining diacritics written as their own character (text in NFD):
/// dropped so that `e` + `\u{301}` reads as `e`.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// Han, Hiragana and Katakana (half-width too): scripts written without
/// spaces. Hangul is written with spaces and is indexed by words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}'
        | '\u{20000}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::{all, each_term, fold_byte, fold_word, lower_into};

    #[test]
    fn every_ascii_byte_folds_as_the_standard_library_classifies_it() {
        for b in 0..128u8 {
            let expected = if b.is_ascii_alphanumeric() {
                b.to_ascii_lowercase()
            } else {
                b' '
            };
            assert_eq!(fold_byte(b), expected, "byte {b:#04x}");
        }
    }

    #[test]
    fn latin_accents_fold_and_case_lowers() {
        assert_eq!(all("Solución ÁRBOL"), ["solucion", "arbol"]);
        assert_eq!(all("Solucio\u{301}n"), ["solucion"]);
        assert_eq!(all("Straße"), ["straße"]);
        // Latin-1 letters through the table, signs as separators.
        assert_eq!(all("ÀÉÎÕÜÑÇ×ß÷ÿ"), ["aeiounc", "ß", "y"]);
    }

    #[test]
    fn codes_and_commands_split_on_punctuation() {
        assert_eq!(all("0x8007232B: DNS"), ["0x8007232b", "dns"]);
        assert_eq!(all("slmgr.vbs /skms"), ["slmgr", "vbs", "skms"]);
    }

    #[test]
    fn chinese_and_japanese_give_bigrams() {
        assert_eq!(all("激活错误"), ["激活", "活错", "错误"]);
        assert_eq!(all("错 Windows"), ["错", "windows"]);
        assert_eq!(
            all("ライセンス認証"),
            ["ライ", "イセ", "セン", "ンス", "ス認", "認証"]
        );
        // A mark changes a Japanese sound: it is kept.
        assert_eq!(all("が"), ["が"]);
    }

    /// The index lowers a page, then folds each word: every character
    /// must come out as folding the page would have it.
    #[test]
    fn a_lowered_word_folds_to_the_term_folding_gives() {
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let text = format!("a{c}b {c} Ñ{c}");
            let mut lowered = String::new();
            lower_into(&text, &mut lowered);
            let mut words = Vec::new();
            each_term(&lowered, usize::MAX, |w| {
                words.push(fold_word(w).into_owned())
            });
            assert_eq!(words, all(&text), "U+{:04X}", c as u32);
        }
        let mut lowered = String::new();
        lower_into("Activación ÁRBOL Straße", &mut lowered);
        assert_eq!(lowered, "activación árbol straße");
    }

    #[test]
    fn overlong_words_are_skipped() {
        let blob = "a".repeat(super::MAX_WORD + 1);
        assert_eq!(all(&format!("x {blob} y")), ["x", "y"]);
        let longest = "a".repeat(super::MAX_WORD);
        assert_eq!(all(&longest), [longest.as_str()]);
    }
}
