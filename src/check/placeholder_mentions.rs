//! Placeholders a block renamed in translation: the real es-es and pt-br
//! `shutdown` pages (`tests/data/real/`) describe `/d [p|u:]<XX>:<YY>`
//! with "*XX* specifies the major reason number ... *AA* specifies the
//! minor one": machine translation read `YY` as the Spanish and
//! Portuguese abbreviation of "year", `aa`, and renamed the placeholder
//! in the prose, where the row's own first cell still writes `<YY>`.
//! Part of `translation-token-mismatch`, a warning as for the switches a
//! block no longer mentions ([`super::switch_mentions`]).
//!
//! Placeholders are short names in capitals (`XX`, `YY`, `N`, `HH`), set
//! in italics where prose names them. Translators keep them, but write
//! them in either case (`*xxx*` for `*XXX*`), which changes nothing a
//! reader types, and they translate the longer names
//! (`*destino*` for `*Destination*`), as Microsoft's localization does on
//! purpose; only capitals of up to four letters are compared, any case
//! counting as kept. A block is warned when it lacks one another locale's
//! block names, most of the locales keep it (any two, when only two
//! locales have the block), its own page writes it as a placeholder
//! (`<YY>`, in the block or the page's fenced code), and the block names
//! in its place a capital italic that is no placeholder of its page nor
//! in the other blocks (`AA`): a rename, not a rewording.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;

use super::Context;
use super::switch_mentions::same_in_holders;
use super::tokens::Member;

/// The longest placeholder compared, in letters.
const LONGEST: usize = 4;

/// An italic short word of a block: lower-cased, whether written in
/// capitals, and its letters' byte range in the file.
struct Italic {
    lower: String,
    capitals: bool,
    at: Range<usize>,
}

/// The warnings for one aligned block.
pub fn renamed(cx: &Context, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    let kind = cx.site.pages[page].doc.facts.units[unit].kind;
    if !kind.holds_prose() {
        return Vec::new();
    }
    let said: Vec<Vec<Italic>> = members
        .iter()
        .map(|&(p, u)| italics(cx, p, cx.unit_extent(p, u)))
        .collect();
    if said.iter().all(|s| !s.iter().any(|w| w.capitals)) {
        return Vec::new();
    }
    let has = |k: usize, lower: &str| said[k].iter().any(|w| w.lower == lower);
    let holders = |lower: &str| (0..members.len()).filter(|&k| has(k, lower)).count();
    let mut out = Vec::new();
    for (i, &(page, unit)) in members.iter().enumerate() {
        let block = cx.unit_extent(page, unit);
        let placeholder = |lower: &str| placeholder_of(cx, page, &block, lower);
        // A placeholder most blocks name and this one does not, though its
        // page writes it.
        let lost = (0..members.len())
            .filter(|&j| j != i)
            .flat_map(|j| said[j].iter().filter(|w| w.capitals).map(move |w| (j, w)))
            .filter(|(_, w)| !has(i, &w.lower))
            .filter(|(_, w)| holders(&w.lower) * 2 > members.len() || members.len() == 2)
            .find_map(|(j, w)| Some((j, w, placeholder(&w.lower)?)));
        let Some((j, theirs, written_at)) = lost else {
            continue;
        };
        // What this block names in its place: capitals that block does
        // not name, nor most blocks, nor this page as a placeholder.
        let stray = said[i].iter().find(|w| {
            w.capitals
                && !has(j, &w.lower)
                && (holders(&w.lower) * 2 < members.len() || members.len() == 2)
                && placeholder(&w.lower).is_none()
        });
        if let Some(stray) = stray {
            out.push(finding(
                cx,
                members,
                i,
                stray,
                (j, theirs),
                written_at,
                &said,
            ));
        }
    }
    out
}

/// The warning for member `i`'s block, which names `stray` where member
/// `j`'s names `theirs`, the placeholder its page writes at `written_at`.
fn finding(
    cx: &Context,
    members: &[Member],
    i: usize,
    stray: &Italic,
    (j, theirs): (usize, &Italic),
    written_at: Range<usize>,
    said: &[Vec<Italic>],
) -> Finding {
    let page = members[i].0;
    let text = |p: usize, at: &Range<usize>| &cx.site.pages[p].source.text[at.clone()];
    let ours = text(page, &stray.at);
    let name = text(members[j].0, &theirs.at);
    let holders: Vec<(usize, Range<usize>)> = (0..members.len())
        .filter(|&k| k != i)
        .filter_map(|k| {
            let w = said[k].iter().find(|w| w.lower == theirs.lower)?;
            Some((k, w.at.clone()))
        })
        .collect();
    let locales: Vec<&str> = holders
        .iter()
        .map(|(k, _)| cx.locale_key(members[*k].0))
        .collect();
    let what = match cx.site.pages[page].doc.facts.units[members[i].1].kind {
        UnitKind::Row { .. } => "table row",
        UnitKind::Item => "list item",
        _ => "paragraph",
    };
    let verb = if locales.len() == 1 { "reads" } else { "read" };
    let placeholder = text(page, &written_at);
    let written = cx.location(page, written_at);
    let finding = Finding::warning(
        "translation-token-mismatch",
        cx.location(page, stray.at.clone()),
        format!(
            "this {what} names *{ours}* where {} {verb} *{name}*, the placeholder this page writes as `{placeholder}` on line {}: machine translation renamed it",
            locales.join(", "),
            written.line
        ),
    )
    .with_help(format!(
        "write *{name}* as {} does: a placeholder's name is what the syntax writes, `{placeholder}`, not a word to translate",
        locales.first().copied().unwrap_or("the other locale")
    ))
    .with_related(written, format!("this page writes `{placeholder}` here"));
    same_in_holders(cx, members, finding, holders, what)
}

/// The italic words of up to [`LONGEST`] ASCII letters in `range` of
/// `page`'s text (`*XX*`, `_n_`, `*Tos*`), outside code: any case counts
/// as keeping a placeholder, capitals alone as naming one.
fn italics(cx: &Context, page: usize, range: Range<usize>) -> Vec<Italic> {
    let text = &cx.site.pages[page].source.text;
    let Some(part) = text.get(range.clone()) else {
        return Vec::new();
    };
    let bytes = part.as_bytes();
    let mut found = Vec::new();
    for open in memchr::memchr2_iter(b'*', b'_', bytes) {
        let mark = bytes[open];
        let joined = |b: u8| b.is_ascii_alphanumeric() || b == b'*' || b == b'_' || b == b'\\';
        if open.checked_sub(1).is_some_and(|b| joined(bytes[b])) {
            continue;
        }
        let letters = bytes[open + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let close = open + 1 + letters;
        if letters == 0
            || letters > LONGEST
            || bytes.get(close) != Some(&mark)
            || bytes
                .get(close + 1)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'*' || b == b'_')
        {
            continue;
        }
        let word = &part[open + 1..close];
        let capitals = word.bytes().all(|b| b.is_ascii_uppercase());
        let at = range.start + open + 1..range.start + close;
        if !cx.in_code(page, at.start) {
            found.push(Italic {
                lower: word.to_ascii_lowercase(),
                capitals,
                at,
            });
        }
    }
    found
}

/// Where `page` writes `<lower>` (any case, spaces before `>` allowed, as
/// machine translation leaves `\<YY >`): in `block`, else in its fenced
/// code. The page's own evidence that `lower` is a placeholder.
fn placeholder_of(
    cx: &Context,
    page: usize,
    block: &Range<usize>,
    lower: &str,
) -> Option<Range<usize>> {
    let text = &cx.site.pages[page].source.text;
    let in_block = text
        .get(block.clone())
        .and_then(|part| placeholder_in(part, lower))
        .map(|r| block.start + r.start..block.start + r.end);
    in_block.or_else(|| cx.in_fenced_code(page, |code| placeholder_in(code, lower)))
}

/// The first `<name>` or `<name >` in `text` whose name is `lower`, case
/// aside: its range from `<` to `>`.
fn placeholder_in(text: &str, lower: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes).find_map(|open| {
        let name = bytes.get(open + 1..open + 1 + lower.len())?;
        if !name.eq_ignore_ascii_case(lower.as_bytes()) {
            return None;
        }
        let rest = &bytes[open + 1 + lower.len()..];
        let spaces = rest.iter().take_while(|&&b| b == b' ').count();
        (rest.get(spaces) == Some(&b'>')).then(|| open..open + 1 + lower.len() + spaces + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::placeholder_in;

    #[test]
    fn a_placeholder_is_a_name_in_angle_brackets_spaces_before_the_end_allowed() {
        assert_eq!(placeholder_in("/d <XX>:<YY>", "yy"), Some(8..12));
        assert_eq!(
            placeholder_in(r"/d [p\|u:]\<XX >:\<YY >", "yy"),
            Some(18..23)
        );
        assert_eq!(placeholder_in("<YYY>", "yy"), None);
        assert_eq!(placeholder_in("<XYY>", "yy"), None);
        assert_eq!(placeholder_in("YY", "yy"), None);
    }
}
