//! `escaped-entity`: `%%amp;quot;` in the text where the source has `"`.
//! Machine translation of Microsoft's localized repositories escaped some
//! characters twice on the way back, as `%%amp;` and the entity's name;
//! readers see `%%amp;quot;Diskpart.exe%%amp;quot;` instead of quotes.
//! The German copies carry it by the hundred
//! (`tests/data/real/de-de/get-started/System-Requirements.md`, lines 73
//! and 83). `%%amp;` has no other use in prose, code or any syntax
//! DocFX reads, so the rule needs no context and the other locales only
//! show how the line should read ([`super::mt_placeholders::per_line`]).
//!
//! A character reference split with a space is the same slip the other
//! way round: the real ja-jp `QUOTENAME (Transact-SQL)` (`tests/data/
//! real-sql`) links its see-also page as `文字列関数 & #40 です。`, where
//! the other locales write `&#40;` and readers see `(`. `&`, spaces, `#`
//! and digits outside code is no syntax either: told, and not fixed,
//! since what the pipeline did with the `;` (there, `です。`) varies. The
//! reference that closed it, further on the line, often lost its `&` to a
//! word instead (`TRANSACT-SQL と #41 です。`, "and"): a word, a space and
//! `#41` is told in the finding's notes, only after a split reference on
//! the same line (alone, `#41` may be an issue's number).

use std::ops::Range;

use crate::diagnostic::{Edit, Finding};
use crate::marks::Needle;

use super::Context;
use super::glued_terms::{code_ranges, in_code, in_code_span};
use super::mt_placeholders::per_line;

const MARK: &[u8] = b"%%amp;";

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = escaped_twice(cx);
    out.extend(cx.per_page(|p, page| split_references(cx, p, page)));
    out
}

/// The findings of `%%amp;` and an entity's name.
fn escaped_twice(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let marks = page.source.marks.offsets(Needle::EscapedAmp);
        let spans = escaped_at(&page.source.text, marks);
        per_line(cx, p, spans, "another one", |piece| {
            let (written, more, at) = (piece.written, piece.more, piece.at);
            let shown = character(written).map_or_else(
                || "the character its entity stands for".to_owned(),
                |c| format!("`{c}`"),
            );
            let message = match more {
                0 => format!(
                    "`{written}` is an escaped character machine translation left in the text: readers see `{written}`, not {shown}"
                ),
                n => format!(
                    "`{written}` and {n} more on this line are escaped characters machine translation left in the text: readers see `{written}`, not {shown}"
                ),
            };
            Finding::warning("escaped-entity", at, message)
                .with_help(format!(
                    "write {shown} (or the language's own quotation marks) instead of each `%%amp;...;`"
                ))
                .with_fix(fix(cx, p, piece.spans))
        })
    })
}

/// The findings of numeric character references split after their `&`
/// (`& #40`), outside code.
fn split_references(cx: &Context, p: usize, page: &crate::site::Page) -> Vec<Finding> {
    let text = page.source.text.as_str();
    let mut code = None;
    let mut out = Vec::new();
    let splits: Vec<usize> = page.source.marks.offsets(Needle::SplitReference).collect();
    for (i, &at) in splits.iter().enumerate() {
        let Some((span, number)) = split_reference(text, at) else {
            continue;
        };
        let blocks = code.get_or_insert_with(|| code_ranges(page));
        if in_code(blocks, at) || in_code_span(text, at) {
            continue;
        }
        let written = &text[span.clone()];
        let reference = format!("&#{number};");
        let shown = number
            .strip_prefix(['x', 'X'])
            .map_or_else(
                || number.parse().ok(),
                |hex| u32::from_str_radix(hex, 16).ok(),
            )
            .and_then(char::from_u32)
            .filter(|c| !c.is_control())
            .map_or_else(
                || "the character it stands for".to_owned(),
                |c| format!("`{c}`"),
            );
        // Up to the next split on the line: the reference closing this
        // one, its `&` a word (`と #41`).
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[span.end..])
            .map_or(text.len(), |n| span.end + n);
        let until = splits
            .get(i + 1)
            .map_or(line_end, |&next| next.min(line_end));
        let worded = worded_references(text, span.end..until.max(span.end));
        let mut finding = Finding::warning(
            "escaped-entity",
            cx.location(p, span),
            format!(
                "`{written}` is a character reference machine translation split with a space: readers see `{written}`, not {shown}"
            ),
        )
        .with_help(format!(
            "write `{reference}` whole, or the character itself, and drop what the translation made of its `;`"
        ));
        let mut told: Vec<(&str, &str, char, usize)> = Vec::new();
        for (words, number, shown) in worded {
            match told.iter_mut().find(|t| t.0 == words) {
                Some(same) => same.3 += 1,
                None => told.push((words, number, shown, 1)),
            }
        }
        for (words, number, shown, times) in told {
            let times = match times {
                1 => String::new(),
                2 => " (twice)".to_owned(),
                n => format!(" ({n} times)"),
            };
            finding = finding.with_note(format!(
                "after it on this line, `{words}`{times} is `&#{number};` taken apart the same way, its `&` made a word: readers see `{words}`, not `{shown}`; write `&#{number};` there too"
            ));
        }
        out.push(finding);
    }
    out
}

/// In `range` of `text`, the numeric references of punctuation whose `&`
/// machine translation made a word (`TRANSACT-SQL と #41 です。`): a word,
/// a space, `#` and the number, no `&` before; each as written from its
/// word, with its number and the character it stands for.
fn worded_references(text: &str, range: Range<usize>) -> Vec<(&str, &str, char)> {
    let Some(piece) = text.get(range) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (hash, _) in piece.match_indices(" #") {
        let digits = piece[hash + 2..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let number = &piece[hash + 2..hash + 2 + digits];
        let Some(shown) = number
            .parse()
            .ok()
            .filter(|_| (2..=3).contains(&digits))
            .and_then(char::from_u32)
            .filter(char::is_ascii_punctuation)
        else {
            continue;
        };
        let before = &piece[..hash];
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace() || c.is_ascii_punctuation())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        if word.is_empty() || word.contains('&') {
            continue;
        }
        out.push((&piece[word_start..hash + 2 + digits], number, shown));
    }
    out
}

/// The split reference at `at` (an `&`, spaces, `#` and a decimal or
/// `x` hexadecimal number, its `;` or not), and its number.
fn split_reference(text: &str, at: usize) -> Option<(Range<usize>, &str)> {
    let rest = text.get(at + 1..)?;
    let hash = rest.find(|c: char| c != ' ')?;
    let number_at = at + 1 + hash + 1;
    if !rest[hash..].starts_with('#') {
        return None;
    }
    let after = &text[number_at..];
    let hex = after.starts_with(['x', 'X']);
    let digits = after[usize::from(hex)..]
        .bytes()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if digits == 0 || digits > 7 {
        return None;
    }
    let end = number_at + usize::from(hex) + digits;
    let number = &text[number_at..end];
    let end = if text[end..].starts_with(';') {
        end + 1
    } else {
        end
    };
    Some((at..end, number))
}

/// Where `text` holds `%%amp;` and an entity's name or number up to its
/// `;` (`%%amp;quot;`, `%%amp;#39;`).
#[cfg(test)]
fn escaped(text: &str) -> Vec<Range<usize>> {
    let marks = crate::marks::Marks::of(text);
    escaped_at(text, marks.offsets(Needle::EscapedAmp))
}

/// [`escaped`], given where `text` has `%%amp;` (`marks`, in order): the
/// loader found them ([`crate::marks`]).
fn escaped_at(text: &str, marks: impl Iterator<Item = usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for start in marks {
        if start < from {
            continue;
        }
        from = start + 1;
        let name = start + MARK.len();
        let len = bytes[name..]
            .iter()
            .take(10)
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
            .count();
        if len > 0 && bytes.get(name + len) == Some(&b';') {
            out.push(start..name + len + 1);
            from = name + len + 1;
        }
    }
    out
}

/// The edits writing each escaped character of a line as itself, for
/// `check --fix`: only for quotation marks and apostrophes, which read
/// the same in prose, code and link text; none where the line has any
/// other (`<` written as itself could open a tag that hides the text).
fn fix(cx: &Context, p: usize, spans: &[Range<usize>]) -> Vec<Edit> {
    let text = &cx.site.pages[p].source.text;
    let edits: Option<Vec<Edit>> = spans
        .iter()
        .map(|span| {
            let c = character(text.get(span.clone())?).filter(|c| matches!(*c, "\"" | "'"))?;
            cx.edit(p, span.clone(), c.to_owned())
        })
        .collect();
    edits.unwrap_or_default()
}

/// The character `%%amp;name;` stands for, where it is a common one.
fn character(written: &str) -> Option<&'static str> {
    let name = written.strip_prefix("%%amp;")?.strip_suffix(';')?;
    Some(match name {
        "quot" | "#34" => "\"",
        "apos" | "#39" => "'",
        "amp" | "#38" => "&",
        "lt" | "#60" => "<",
        "gt" | "#62" => ">",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::{character, escaped};

    fn found(text: &str) -> Vec<&str> {
        escaped(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn each_escaped_character_is_found_whole() {
        assert_eq!(
            found("mithilfe von %%amp;quot;Diskpart.exe%%amp;quot; eine"),
            ["%%amp;quot;", "%%amp;quot;"]
        );
        assert_eq!(found("l%%amp;#39;ordinateur"), ["%%amp;#39;"]);
        assert_eq!(found("ends with %%amp;quot;"), ["%%amp;quot;"]);
    }

    #[test]
    fn batch_variables_and_percentages_are_not() {
        assert!(found("for %%a in (*.txt) do echo %%a").is_empty());
        assert!(found("%windir%\\system32, 50% and %%amp without a name").is_empty());
        assert!(found("%%amp;;").is_empty());
        assert!(found("%%amp;averyveryverylongname;").is_empty());
    }

    #[test]
    fn references_whose_ampersand_became_a_word_are_read_after_a_split() {
        fn worded(piece: &str) -> Vec<(&str, &str, char)> {
            super::worded_references(piece, 0..piece.len())
        }
        assert_eq!(
            worded(" です。TRANSACT-SQL と #41 です。"),
            [("と #41", "41", ')')]
        );
        assert_eq!(worded("(Transact SQL #41)"), [("SQL #41", "41", ')')]);
        assert_eq!(worded(" #41 alone"), []);
        assert_eq!(worded("x & #41"), [], "itself a split reference");
        assert_eq!(worded("&#41; and &#40;"), []);
        assert_eq!(worded("issue #4 and #1234 and #65"), [], "no punctuation");
        assert_eq!(worded("é #41"), [("é #41", "41", ')')]);
    }

    #[test]
    fn split_references_are_read_to_their_number() {
        fn at(text: &str) -> Option<(&str, &str)> {
            let amp = text.find('&').unwrap_or_default();
            super::split_reference(text, amp).map(|(span, n)| (&text[span], n))
        }
        assert_eq!(at("関数 & #40 です。"), Some(("& #40", "40")));
        assert_eq!(at("a &  #x2F; b"), Some(("&  #x2F;", "x2F")));
        assert_eq!(at("R& # 1"), None);
        assert_eq!(at("& #define"), None);
    }

    #[test]
    fn the_common_characters_are_named() {
        assert_eq!(character("%%amp;quot;"), Some("\""));
        assert_eq!(character("%%amp;#39;"), Some("'"));
        assert_eq!(character("%%amp;hellip;"), None);
    }
}
