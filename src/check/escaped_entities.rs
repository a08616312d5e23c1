//! `escaped-entity`: `%%amp;quot;` in the text where the source has `"`.
//! Machine translation of Microsoft's localized repositories escaped some
//! characters twice on the way back, as `%%amp;` and the entity's name;
//! readers see `%%amp;quot;Diskpart.exe%%amp;quot;` instead of quotes.
//! The German copies carry it by the hundred
//! (`tests/data/real/de-de/get-started/System-Requirements.md`, lines 73
//! and 83). `%%amp;` has no other use in prose, code or any syntax
//! DocFX reads, so the rule needs no context and the other locales only
//! show how the line should read ([`super::mt_placeholders::per_line`]).

use std::ops::Range;

use crate::diagnostic::{Edit, Finding};
use crate::marks::Needle;

use super::Context;
use super::mt_placeholders::per_line;

const MARK: &[u8] = b"%%amp;";

pub fn check(cx: &Context) -> Vec<Finding> {
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
    fn the_common_characters_are_named() {
        assert_eq!(character("%%amp;quot;"), Some("\""));
        assert_eq!(character("%%amp;#39;"), Some("'"));
        assert_eq!(character("%%amp;hellip;"), None);
    }
}
