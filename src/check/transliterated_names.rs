//! `transliterated-name`: an API name machine translation spelled in
//! Cyrillic letters. The real ru-ru `WM_PAINT` page of win32 links
//! `[**упдатевиндов**](…/nf-winuser-updatewindow)` for `UpdateWindow`,
//! `[**дефвиндовпрок**]` for `DefWindowProc`, `[**жетупдатерект**]` for
//! `GetUpdateRect` (`tests/data/real-win32/`): the pipeline read each
//! name as an English word and wrote how it sounds. No reader can search
//! for or type such a name.
//!
//! A Russian page may spell a word of English origin in Cyrillic on
//! purpose (`Сервер` for `Server`), so the evidence is the link itself and
//! the name: in another locale the same link (same target, same block)
//! reads a name no word is, with a capital inside or in capitals and
//! underscores (`UpdateWindow`, `WM_PRINTCLIENT`), and here it reads one
//! word of Cyrillic letters that, read back letter by letter into Latin,
//! nearly spells that name (a Damerau-Levenshtein similarity of 0.7 at
//! least: `updatevindov` for `updatewindow`). A name in bold outside a
//! link (`Если **жетупдатерект** возвращает ноль`) is told the same way by
//! a name in bold in the same block of another locale; only pages of a
//! language written in Cyrillic are read for those, as only they spell
//! names so.

use std::ops::Range;

use crate::diagnostic::Finding;

use super::Context;
use super::block_links::{Links, text_range};
use super::tokens::Member;

/// The warnings for one aligned block, whose members' links are `all`;
/// names in bold are looked for only where `cyrillic` says a page of the
/// group is in a language written in Cyrillic.
pub fn found(cx: &Context, members: &[Member], all: &[Links], cyrillic: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    // The links of each member that read an API name, picked out once
    // for the block (a block may hold hundreds of links).
    let mut named: Option<Vec<Links>> = None;
    for (i, own) in all.iter().enumerate() {
        for &(target, text, link) in own {
            let Some(latin) = read_back(text) else {
                continue;
            };
            let named = named.get_or_insert_with(|| {
                all.iter()
                    .map(|links| links.iter().copied().filter(|l| api_name(l.1)).collect())
                    .collect()
            });
            let theirs = in_others(named, i, |_, &(t, name, link)| {
                (t == target && alike(&latin, name)).then_some((name, link))
            });
            let Some((j, (name, their_link))) = theirs else {
                continue;
            };
            let page = members[i].0;
            let locale = cx.locale_key(members[j].0);
            out.push(
                Finding::warning(
                    "transliterated-name",
                    cx.location(page, text_range(cx, page, link)),
                    format!(
                        "this link reads `{text}`: the name `{name}` spelled in Cyrillic letters, as machine translation writes how a name sounds; readers can neither search for it nor type it"
                    ),
                )
                .with_help(format!(
                    "write `{name}` as the link's text, as {locale} does: translations keep API names as written"
                ))
                .with_related(
                    cx.location(members[j].0, their_link.span.clone()),
                    format!("the same link in {locale}"),
                ),
            );
        }
    }
    for BoldName {
        own,
        at: word,
        other,
        there: at,
        name,
    } in bold_names(cx, members, cyrillic)
    {
        let (page, other) = (members[own].0, members[other].0);
        let written = &cx.site.pages[page].source.text[word.clone()];
        let locale = cx.locale_key(other);
        out.push(
            Finding::warning(
                "transliterated-name",
                cx.location(page, word),
                format!(
                    "`{written}` is the name `{name}` spelled in Cyrillic letters, as machine translation writes how a name sounds; readers can neither search for it nor type it"
                ),
            )
            .with_help(format!(
                "write `{name}`, as {locale} does: translations keep API names as written"
            ))
            .with_related(cx.location(other, at), format!("`{name}` in {locale}")),
        );
    }
    out
}

/// A name in bold spelled in Cyrillic, and where another member writes it.
struct BoldName<'a> {
    /// The member that spells it, and where its bold text is.
    own: usize,
    at: Range<usize>,
    /// The member that writes the name, where, and the name.
    other: usize,
    there: Range<usize>,
    name: &'a str,
}

/// Names in bold outside links that a page of a Cyrillic-script language
/// spells in Cyrillic, where another member's block writes the name in
/// bold.
fn bold_names<'a>(cx: &Context<'a>, members: &[Member], cyrillic: bool) -> Vec<BoldName<'a>> {
    if !cyrillic {
        return Vec::new();
    }
    let text = |m: usize| cx.site.pages[members[m].0].source.text.as_str();
    let block = |m: usize| cx.unit_extent(members[m].0, members[m].1);
    let mut out = Vec::new();
    let mut theirs: Option<Vec<Vec<Range<usize>>>> = None;
    for i in 0..members.len() {
        if !cyrillic_script(cx.locale_key(members[i].0)) {
            continue;
        }
        for word in bold_words(text(i), block(i)) {
            let Some(latin) = read_back(&text(i)[word.clone()]) else {
                continue;
            };
            let others = theirs.get_or_insert_with(|| {
                (0..members.len())
                    .map(|m| bold_words(text(m), block(m)))
                    .collect()
            });
            let found = in_others(others, i, |j, w| {
                let name = &text(j)[w.clone()];
                (api_name(name) && alike(&latin, name)).then(|| (w.clone(), name))
            });
            if let Some((j, (there, name))) = found {
                out.push(BoldName {
                    own: i,
                    at: word,
                    other: j,
                    there,
                    name,
                });
            }
        }
    }
    out
}

/// The languages written in Cyrillic, by their locale's primary subtag.
pub(super) fn cyrillic_script(locale: &str) -> bool {
    const CYRILLIC: &[&str] = &[
        "ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn", "tg", "tt", "ba", "cv",
    ];
    super::language_in(locale, CYRILLIC)
}

/// The words in bold in `text[block]`, one word each (`**name**`), not
/// the text of a link (`[**name**](…)`, the link rule's), in text order.
fn bold_words(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = block.start;
    while let Some(open) = memchr::memmem::find(&bytes[at..block.end], b"**").map(|i| at + i) {
        let start = open + 2;
        let Some(close) = memchr::memmem::find(&bytes[start..block.end], b"**").map(|i| start + i)
        else {
            break;
        };
        at = close + 2;
        let word = &text[start..close];
        let linked = open > 0 && bytes[open - 1] == b'[' && bytes.get(at) == Some(&b']');
        if !word.is_empty() && !word.contains(char::is_whitespace) && !linked {
            out.push(start..close);
        }
    }
    out
}

/// A name no word is: ASCII letters and digits (underscores inside), with
/// a capital after a small letter (`UpdateWindow`) or in capitals with an
/// underscore or five letters at least (`WM_PRINT`, `ERASEBKGND`).
pub(super) fn api_name(name: &str) -> bool {
    let name = name.trim_matches('*');
    let ascii = name.len() >= 4 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let camel = name
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let upper =
        !name.bytes().any(|b| b.is_ascii_lowercase()) && (name.contains('_') || name.len() >= 5);
    ascii && (camel || upper)
}

/// `text` read back into Latin letters, lower-cased, when it is one word
/// of Cyrillic letters; `None` otherwise.
pub(super) fn read_back(text: &str) -> Option<String> {
    let word = text.trim_matches('*');
    // Most link texts fail on their first letter.
    if !word.chars().all(is_cyrillic) || word.chars().count() < 4 {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        out.push_str(latin(c));
    }
    Some(out)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// A Cyrillic letter as Latin letters, by how machine translation wrote
/// English sounds (`в` for `w` reads as `v`, the closest).
fn latin(c: char) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'є' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ї' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        _ => "",
    }
}

/// Whether `latin` (a Cyrillic word read back) nearly spells `name`.
pub(super) fn alike(latin: &str, name: &str) -> bool {
    let name = name.trim_matches('*').replace('_', "").to_ascii_lowercase();
    strsim::normalized_damerau_levenshtein(latin, &name) >= 0.7
}

/// In the lists of the members other than `own`, the first item `found`
/// takes (given the member), with its member.
fn in_others<T, R>(
    lists: &[Vec<T>],
    own: usize,
    found: impl Fn(usize, &T) -> Option<R>,
) -> Option<(usize, R)> {
    lists
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != own)
        .find_map(|(j, list)| list.iter().find_map(|item| found(j, item)).map(|r| (j, r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_spelled_in_cyrillic_reads_back_close_to_it() {
        let near = |cyrillic: &str, name: &str| {
            read_back(cyrillic).is_some_and(|l| alike(&l, name)) && api_name(name)
        };
        assert!(near("упдатевиндов", "UpdateWindow"));
        assert!(near("Редраввиндов", "RedrawWindow"));
        assert!(near("дефвиндовпрок", "DefWindowProc"));
        assert!(near("жетупдатерект", "GetUpdateRect"));
        assert!(near("бегинпаинт", "BeginPaint"));
        assert!(near("ерасебкгнд", "ERASEBKGND"));
        // A word of English origin spelled in Russian, for a word: no
        // capital inside the name, no finding.
        assert!(!near("Сервер", "Server"));
        // A translation, not a spelling.
        assert!(!near("Сообщение", "GetMessage"));
        // Latin text, or two words.
        assert_eq!(read_back("UpdateWindow"), None);
        assert_eq!(read_back("функция упдатевиндов"), None);
    }
}
