//! A table cell's text as translations of it are compared
//! (`check::cells`): what a reader would call the same value.
//!
//! Columns of abbreviations, values and names are kept as written by
//! every translation, and machine translation still mangles a few of
//! their cells (the real de-de `DATEDIFF` page lists `Notification
//! Services` for `ns`). Comparing them must not flag what only looks
//! different: letter case (`MS`, `ms`), spacing (`yy, yyyy`,
//! `yy,yyyy`), Chinese and Japanese punctuation (`yy、yyyy`), quotes a
//! translation added around a name (`"DateTime"`), a decimal comma
//! (`1,4 GHz`), and translated placeholders (`<Adapter>`, `<adaptador>`).

use std::hash::Hasher;

use crate::markdown::tokens::mask_placeholders;

/// The longest cell text, in bytes, compared as a value. Longer cells
/// are prose, which translations rightly change: they are not hashed
/// (every cell of every table of every page is read while the page is
/// parsed, most of them translated sentences) and get [`PROSE`]. Values
/// run long: the runtime error identifiers of Dynamics 365's checkout
/// codes reach 101 bytes
/// (`Microsoft_Dynamics_Commerce_Runtime_CustomerAccountPaymentExceedsTotalAmountForCarryOutAndReturnItems`),
/// and the real ja-jp page mangled one of them (`tests/data/real-dynamics/`).
pub const LONGEST: usize = 128;

/// Past this length a cell is a value only when it is one word, as
/// written or split by machine translation into a few parts (the real
/// lt-lt `"Microsoft\_ Dynamics\_ Commerce\_ Runtime\_ FraudRisk"`): with
/// more than [`LONG_SPACES`] spaces it is a sentence, prose, not hashed
/// (the benchmark corpus's table descriptions are that long).
const SHORT: usize = 64;
/// The most spaces a cell past [`SHORT`] bytes may hold and be a value.
const LONG_SPACES: usize = 7;

/// Whether `text` has more than `most` spaces.
fn spaces_over(text: &str, most: usize) -> bool {
    memchr::memchr_iter(b' ', text.as_bytes())
        .nth(most)
        .is_some()
}

/// The hash of a cell too long to be a value: equal to no value's, and
/// no agreement among locales (`check::cells` leaves it out of votes).
pub const PROSE: u64 = 0;

/// The hash of `text` with those differences taken out, or `None` for
/// prose (longer than [`LONGEST`]). FxHash: equal in every page and run;
/// a collision would hide one difference. Allocates nothing unless the
/// cell holds a placeholder.
pub fn hash(text: &str) -> Option<u64> {
    if text.len() > LONGEST || (text.len() > SHORT && spaces_over(text, LONG_SPACES)) {
        return None;
    }
    let masked = mask_placeholders(text);
    let mut chars = masked.chars().filter_map(folded).peekable();
    let mut hasher = rustc_hash::FxHasher::default();
    let mut after_digit = false;
    while let Some(c) = chars.next() {
        // A digit group separator or decimal mark: `2,147,483,648` is
        // `2.147.483.648`, `1,4` is `1.4`.
        if after_digit
            && matches!(c, ',' | '.' | '\'')
            && chars.peek().is_some_and(char::is_ascii_digit)
        {
            continue;
        }
        after_digit = c.is_ascii_digit();
        if c.is_ascii() {
            hasher.write_u8(c.to_ascii_lowercase() as u8);
        } else {
            for lower in c.to_lowercase() {
                hasher.write_u32(lower as u32);
            }
        }
    }
    // Never PROSE: a value equal to no other would be no value.
    Some(hasher.finish().max(1))
}

/// `c` as compared: spaces and double quotes dropped, full-width forms
/// and CJK punctuation as their ASCII counterparts.
fn folded(c: char) -> Option<char> {
    match c {
        c if c.is_whitespace() => None,
        '"' | '“' | '”' | '„' | '«' | '»' => None,
        '、' | '，' => Some(','),
        '。' => Some('.'),
        // Full-width ASCII (`ｈｈ`, `：`, `（`).
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        c => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::hash as option_hash;

    fn hash(text: &str) -> u64 {
        option_hash(text).expect("short")
    }

    #[test]
    fn what_only_looks_different_is_equal() {
        assert_eq!(hash("yy, yyyy"), hash("Yy、yyyy"));
        assert_eq!(hash("MS"), hash("ms"));
        assert_eq!(hash("\"DateTime\""), hash("datetime"));
        assert_eq!(hash("1,4 GHz"), hash("1.4 GHz"));
        assert_eq!(hash("2,147,483,648"), hash("2.147.483.648"));
        assert_eq!(hash("/renew [<Adapter>]"), hash("/renew [<adaptador>]"));
        assert_eq!(hash("ｈｈ："), hash("hh:"));
    }

    #[test]
    fn what_a_reader_reads_differently_is_not() {
        assert_ne!(hash("hh"), hash("mm"));
        assert_ne!(hash("wk, ww"), hash("wk weltweit"));
        assert_ne!(hash("qq, q"), hash("q, q"));
        assert_ne!(hash("ns"), hash("Notification Services"));
        assert_ne!(hash("1.4"), hash("1.5"));
        assert_ne!(hash(""), hash("-"));
    }
}
