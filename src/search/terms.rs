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

/// Words longer than this (in bytes) are not indexed (base64 blobs,
/// hashes).
pub const MAX_WORD: usize = 48;

/// Appends `text` to `out` folded: word characters lowercased and without
/// Latin accents, Chinese and Japanese characters as they are, anything
/// else as a space (ASCII punctuation a space each, other characters one
/// for a run). [`each_folded`] then reads terms as slices of it,
/// so that indexing a page allocates per distinct term, not per word.
pub fn fold_into(text: &str, out: &mut String) {
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
        if let Some(folded) = latin1_letter(c) {
            out.push_str(folded);
            space = false;
        } else if is_mark(c) {
            continue;
        } else if is_cjk(c) {
            out.push(c);
            space = false;
        } else if c.is_alphanumeric() {
            fold(c, out);
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
pub fn each_folded<'a>(folded: &'a str, mut emit: impl FnMut(&'a str)) {
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
            && i - start <= MAX_WORD
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
        && bytes.len() - start <= MAX_WORD
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
/// European text) folded, from a table that [`fold`] filled once:
/// classifying and decomposing each of them was the slowest step of
/// folding. `None` for any other character.
fn latin1_letter(c: char) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<Option<String>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        ('\u{C0}'..='\u{FF}')
            .map(|c| {
                c.is_alphanumeric().then(|| {
                    let mut folded = String::new();
                    fold(c, &mut folded);
                    folded
                })
            })
            .collect()
    });
    let index = (c as usize).checked_sub(0xC0)?;
    table.get(index)?.as_deref()
}

/// Appends `c` lowercased, without its accent when it is a Latin letter.
fn fold(c: char, out: &mut String) {
    if is_latin_accented(c) {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if !is_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    } else {
        out.extend(c.to_lowercase());
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
    use super::{all, fold_byte};

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

    #[test]
    fn overlong_words_are_skipped() {
        let blob = "a".repeat(super::MAX_WORD + 1);
        assert_eq!(all(&format!("x {blob} y")), ["x", "y"]);
        let longest = "a".repeat(super::MAX_WORD);
        assert_eq!(all(&longest), [longest.as_str()]);
    }
}
