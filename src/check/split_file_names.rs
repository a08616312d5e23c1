//! `split-file-name`: a file name machine translation split at its dot,
//! `stdafx. cpp` for `stdafx.cpp`, `Winbase. h` for `WinBase.h`. The
//! pipeline reads the dot as the end of a sentence and puts a space after
//! it; readers see a name they cannot type or search for. The real fr-fr,
//! it-it and tr-tr C2065 pages of cpp-docs tell readers to compile
//! `stdafx. cpp` and `C2065_pch. cpp`, which their own code blocks write
//! whole; the pt-br `findstr` page searches `StringList. txt`
//! (`tests/data/`).
//!
//! A word, a dot, a space and a file extension in lower case is also how
//! abbreviations end a sentence in some languages (German's `d. h.`), so a
//! split needs evidence: the page writes the name whole elsewhere (in
//! code, in a table, in the source text beside a side-by-side sentence),
//! or another page of its translation group does (the es-es
//! `CBasePin.EnumMediaTypes` page writes `Amfilter. h` throughout, its
//! English source `Amfilter.h`), or the name has a capital inside
//! (`StringList. txt`, `DShow. h`), as no word ending a sentence does,
//! or the extension is a header's or a binary's ([`CODE_FILES`]: `h`,
//! `dll`, `exe`, ...), which no language writes as a word, after a name of
//! three letters or more and before a space or a sentence's end (the real
//! fr-fr, it-it and tr-tr C2065 pages' `Windows. h`, which no page of
//! their group writes whole; `d. h.` has a name of one letter, and an
//! abbreviation's second part ends in a dot it is glued to).
//! A name whose extension is none of the usual ones ([`EXTENSIONS`]), or
//! of one letter, is found only where the page's code writes it whole
//! (the real `findstr` pages' `x. y` and `Results. out`, `xcopy`'s
//! `Xcopy. out`, for the `x.y` and `results.out` of their examples).
//! Code and the source text beside a sentence are not read.
//!
//! Chinese and Japanese translations end sentences with `。`, and write a
//! file name's dot so (the real zh-tw WM_PAINT page's `Windows。h`, where
//! en-us writes `Windows.h`): on their pages a full stop between a Latin
//! name and a known extension is read as a split too, with the same
//! evidence.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::Finding;
use crate::marks::{Needle, stem_byte};

use super::Context;
use super::glued_terms::{code_ranges, in_code};
use super::line_scan::LineScan;
use super::mt_placeholders::per_line;

pub(super) use crate::marks::EXTENSIONS;

/// Extensions of headers and binaries: after a split, evidence enough by
/// themselves ([`looks_like_code_file`]).
const CODE_FILES: &[&str] = &["h", "hpp", "hxx", "cpp", "cxx", "dll", "exe", "lib", "sys"];

/// Whether the split `name. ext` (`name` and `ext` of `text`) is a code
/// file without other evidence: a header's or binary's extension, a name
/// of three ASCII characters or more that starts with a letter, and after
/// the extension a space, punctuation that ends or encloses a name, or a
/// sentence's final dot (`d. h.` glues a dot to its `h` and goes on).
fn looks_like_code_file(text: &str, name: Range<usize>, ext: Range<usize>) -> bool {
    let ext_end = ext.end;
    let (name, ext) = (&text[name], &text[ext]);
    let bytes = text.as_bytes();
    let ends = match bytes.get(ext_end) {
        None => true,
        Some(b'.') => bytes.get(ext_end + 1).is_none_or(u8::is_ascii_whitespace),
        // CJK punctuation (`Windows。h。`, `Setup。exe，`), not a letter.
        Some(&b) if b >= 0x80 => text[ext_end..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_alphanumeric()),
        Some(&b) => b.is_ascii_whitespace() || b")],;:\"*|<`".contains(&b),
    };
    CODE_FILES.contains(&ext)
        && name.len() >= 3
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && ends
}

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let text = &page.source.text;
        // The marks cover the front matter too: its title and
        // description are shown (the page's title, search results).
        let mut dots: Vec<usize> = page.source.marks.offsets(Needle::DotSpaceLower).collect();
        if full_stops_replace_dots(cx.locale_key(p)) {
            dots.extend(full_stops(text));
            dots.sort_unstable();
        }
        let splits = splits(
            text,
            dots.into_iter(),
            || code_ranges(page),
            || cx.lowered(p),
            || lowered_translations(cx, p),
        );
        if splits.is_empty() {
            return Vec::new();
        }
        let spans: Vec<Range<usize>> = splits.iter().map(|s| s.run.clone()).collect();
        per_line(cx, p, spans, "another one", |piece| {
            let also = piece.and_more();
            // Where the name is written whole, joining it is certain.
            let fix = piece.edits(|index, span| {
                splits.get(index)?.whole.as_ref()?;
                cx.edit(p, span.clone(), joined(text.get(span)?))
            });
            let (written, at) = (piece.written, piece.at);
            let split = &splits[piece.index];
            let joined = joined(written);
            let how = if written.contains(FULL_STOP) {
                format!("wrote the dot of the file name `{joined}` as a full stop (`{FULL_STOP}`)")
            } else {
                format!("split the file name `{joined}` at its dot")
            };
            let message = format!(
                "`{written}`{also}: machine translation {how}, as if a sentence ended there; readers can neither type it nor search for it"
            );
            let finding = Finding::warning("split-file-name", at, message).with_fix(fix);
            match split.whole.clone() {
                Some(whole) => as_written_whole(cx, p, finding, whole),
                None => finding.with_help(format!("write `{joined}` in one piece; {IN_CODE}")),
            }
        })
    })
}

/// A split name joined again: `Winbase. h` and `Windows。h` are
/// `Winbase.h` and `Windows.h`.
fn joined(written: &str) -> String {
    written.replacen(". ", ".", 1).replacen(FULL_STOP, ".", 1)
}

/// Whether translations into `locale` end sentences with `。`, and so may
/// write a file name's dot as one: Chinese and Japanese.
fn full_stops_replace_dots(locale: &str) -> bool {
    super::language_in(locale, &["zh", "ja"])
}

/// Where `text` has a full stop right between an ASCII letter or digit
/// and a lower-case ASCII letter (`Windows。h`): a sentence of CJK
/// letters ends with one, before the next sentence's letter.
fn full_stops(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, FULL_STOP.as_bytes()).filter(move |&at| {
        at > 0
            && bytes[at - 1].is_ascii_alphanumeric()
            && bytes
                .get(at + FULL_STOP.len())
                .is_some_and(u8::is_ascii_lowercase)
    })
}

/// How both split rules' help ends.
pub(super) const IN_CODE: &str = "in a code span (`` `…` ``) translation leaves it alone";

/// `finding`, about a name split on page `p`, told to write it as it is
/// written whole at `whole` (on the page, or on another page of its
/// translation group), which it points at. An identifier's escaped
/// underscores are shown as a reader types them.
pub(super) fn as_written_whole(cx: &Context, p: usize, finding: Finding, whole: Whole) -> Finding {
    let (q, range) = match whole {
        Whole::Here(range) => (p, range),
        Whole::There(q, range) => (q, range),
    };
    let text = &cx.site.pages[q].source.text;
    let written = &text[range.clone()];
    let shown = written.replace("\\_", "_");
    let beside = super::split_identifiers::hidden_at(text, range.start);
    let (does, label) = if q == p {
        (
            "the page does elsewhere".to_owned(),
            format!("`{written}`, written whole"),
        )
    } else {
        let locale = &cx.site.locales[cx.site.pages[q].locale()].key;
        if beside {
            // The source text a side-by-side page keeps beside a sentence:
            // what its readers see splits the name too.
            (
                format!("the source text beside the {locale} page's sentence does"),
                format!("`{written}` in the source text beside {locale}'s sentence"),
            )
        } else {
            (
                format!("the {locale} page does"),
                format!("`{written}` in {locale}"),
            )
        }
    };
    finding
        .with_help(format!(
            "write `{shown}` in one piece, as {does}; {IN_CODE}"
        ))
        .with_related(cx.location(q, range), label)
}

/// The other pages of page `p`'s translation group, each in lower case
/// ([`Context::lowered`]), for [`written_whole`].
pub(super) fn lowered_translations<'c>(cx: &'c Context, p: usize) -> Vec<(usize, &'c str)> {
    cx.site
        .translations(p)
        .map(|q| (q, cx.lowered(q)))
        .collect()
}

/// The first of `others` ([`lowered_translations`]) that writes `name`
/// whole, and where.
pub(super) fn written_whole_there(others: &[(usize, &str)], name: &str) -> Option<Whole> {
    others
        .iter()
        .find_map(|(q, other)| Some(Whole::There(*q, written_whole(other, name)?)))
}

/// A file name split at its dot, and where it is written whole.
#[derive(Debug, PartialEq, Eq)]
struct Split {
    run: Range<usize>,
    whole: Option<Whole>,
}

/// Where a split name is written whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Whole {
    /// Elsewhere on the page.
    Here(Range<usize>),
    /// On another page of its translation group, the source's or another
    /// translation's (its index).
    There(usize, Range<usize>),
}

/// The split file names of `text`, outside the code blocks `code` gives,
/// in text order. Every sentence ends with `. `, but a lower-case letter
/// after it rules out nearly all: `dots` are where `text` has those, in
/// order ([`crate::marks`]). `code`, `lower` (the page in lower case) and
/// `translations` (the pages of the page's translation group in lower
/// case) are asked for only when a page has a candidate.
fn splits<'l>(
    text: &str,
    dots: impl Iterator<Item = usize>,
    code: impl FnOnce() -> Vec<Range<usize>>,
    lower: impl FnOnce() -> &'l str,
    translations: impl Fn() -> Vec<(usize, &'l str)>,
) -> Vec<Split> {
    let bytes = text.as_bytes();
    let mut candidates = Vec::new();
    for dot in dots {
        let sep = separator(text, dot);
        let ext_end = dot
            + sep
            + bytes[dot + sep..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        let start = match sep {
            2 => name_start(bytes, dot),
            // A full stop ends a sentence of CJK letters: the name is the
            // Latin letters before it (`的 Windows。h`).
            _ => ascii_name_start(bytes, dot),
        };
        // A known extension on a name of two characters at least (German's
        // `d. h.` is no file); any other, of up to eight, only where the
        // page's code writes the name whole ([`whole_in_code`]).
        let known = EXTENSIONS.contains(&&text[dot + sep..ext_end])
            && text[start..dot].chars().count() >= 2;
        // A full stop before an unusual extension is a sentence's end.
        if start == dot || (!known && (ext_end - dot - sep > 8 || sep != 2)) {
            continue;
        }
        candidates.push((start, dot, dot + sep..ext_end, known));
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    let blocks = code();
    let lower = lower();
    let mut others: Option<Vec<(usize, &str)>> = None;
    // A page names the same few files again and again: each is looked
    // for once (a search of the page, and of its translations).
    let mut looked_up: HashMap<String, Option<Whole>> = HashMap::new();
    let mut coded: HashMap<String, Option<Range<usize>>> = HashMap::new();
    // The candidates come in text order: their lines are read once.
    let mut scan = LineScan::default();
    candidates
        .into_iter()
        .filter(|&(start, ..)| {
            !in_code(&blocks, start) && !scan.in_code_span(text, start) && !scan.hidden(text, start)
        })
        .filter_map(|(start, dot, ext, known)| {
            let name = &text[start..dot];
            let code_file = known && looks_like_code_file(text, start..dot, ext.clone());
            let joined = format!("{}.{}", name, &text[ext.clone()]);
            let ext_end = ext.end;
            if !known {
                let whole = coded
                    .entry(joined.to_ascii_lowercase())
                    .or_insert_with_key(|joined| whole_in_code(lower, joined, &blocks))
                    .clone()?;
                return Some(Split {
                    run: start..ext_end,
                    whole: Some(Whole::Here(whole)),
                });
            }
            let whole = looked_up
                .entry(joined.to_ascii_lowercase())
                .or_insert_with_key(|joined| {
                    written_whole(lower, joined).map(Whole::Here).or_else(|| {
                        let others = others.get_or_insert_with(&translations);
                        written_whole_there(others, joined)
                    })
                })
                .clone();
            let capital_inside = name.chars().skip(1).any(char::is_uppercase);
            (whole.is_some() || capital_inside || code_file).then_some(Split {
                run: start..ext_end,
                whole,
            })
        })
        .collect()
}

/// Where `lower` (the page in lower case) writes `name` whole inside one
/// of the code blocks `blocks`: the evidence a name with no extension
/// documentation names (`xcopy.out`, `x.y`) needs, since prose writes
/// abbreviations both ways (German's `u. a.` and `u.a.`) but code does not.
fn whole_in_code(lower: &str, name: &str, blocks: &[Range<usize>]) -> Option<Range<usize>> {
    let mut from = 0;
    while let Some(found) = lower.get(from..).and_then(|rest| written_whole(rest, name)) {
        let at = from + found.start..from + found.end;
        if in_code(blocks, at.start) {
            return Some(at);
        }
        from = at.end;
    }
    None
}

/// How many bytes the separator at `dot` takes: `. ` (a space after the
/// dot), or the full stop `。` Chinese and Japanese translations put for
/// the dot (`Windows。h`).
fn separator(text: &str, dot: usize) -> usize {
    if text[dot..].starts_with(FULL_STOP) {
        FULL_STOP.len()
    } else {
        2
    }
}

/// The full stop of Chinese and Japanese.
const FULL_STOP: &str = "。";

/// Where the file name of ASCII letters, digits, `_` and `-` ending at
/// `dot` starts.
fn ascii_name_start(bytes: &[u8], dot: usize) -> usize {
    dot - bytes[..dot]
        .iter()
        .rev()
        .take_while(|&&b| stem_byte(b))
        .count()
}

/// Where the file name ending before the dot at `dot` starts: letters,
/// digits, `_` and `-`.
fn name_start(bytes: &[u8], dot: usize) -> usize {
    let mut start = dot;
    while start > 0 {
        let b = bytes[start - 1];
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            start -= 1;
        } else if b >= 0x80 {
            // A letter of another script: step back over the character.
            let mut k = start - 1;
            while k > 0 && bytes[k] & 0xC0 == 0x80 {
                k -= 1;
            }
            let c = std::str::from_utf8(&bytes[k..start])
                .ok()
                .and_then(|s| s.chars().next());
            if !c.is_some_and(char::is_alphanumeric) {
                break;
            }
            start = k;
        } else {
            break;
        }
    }
    start
}

/// The first place `lower` (the page in lower case) writes `name` whole,
/// in any case, as a name of its own (no letter, digit, `_` or `-` right
/// before or after it).
pub(super) fn written_whole(lower: &str, name: &str) -> Option<Range<usize>> {
    let name = name.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let part = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    memchr::memmem::find_iter(bytes, name.as_bytes())
        .find(|&at| {
            let end = at + name.len();
            let before = at > 0 && part(bytes[at - 1]);
            // `\_` goes on as `_` does: `Microsoft\_Dynamics\_Commerce` is
            // not written whole in `Microsoft\_Dynamics\_Commerce\_Runtime`.
            let after =
                bytes.get(end).is_some_and(|&b| part(b)) || bytes.get(end..end + 2) == Some(b"\\_");
            !before && !after
        })
        .map(|at| at..at + name.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Option<&str>)> {
        let marks = crate::marks::Marks::of(text);
        let lower = text.to_ascii_lowercase();
        splits(
            text,
            marks.offsets(Needle::DotSpaceLower),
            Vec::new,
            || &*lower,
            Vec::new,
        )
        .into_iter()
        .map(|s| match s.whole {
            Some(Whole::Here(w)) => (&text[s.run], Some(&text[w])),
            _ => (&text[s.run], None),
        })
        .collect()
    }

    /// A name only the page's source (or another translation) writes
    /// whole: found, and told where; the translations are read only for a
    /// page with a candidate.
    #[test]
    fn names_a_translation_writes_whole_are_found() {
        let es = "Encabezado: Amfilter. h (incluir streams. h); el modelo. c.";
        let en = "Header: Amfilter.h (include Streams.h); the model. C".to_ascii_lowercase();
        let marks = crate::marks::Marks::of(es);
        let lower = es.to_ascii_lowercase();
        let found = splits(
            es,
            marks.offsets(Needle::DotSpaceLower),
            Vec::new,
            || &*lower,
            || vec![(7, en.as_str())],
        );
        let shown: Vec<(&str, Option<Whole>)> =
            found.into_iter().map(|s| (&es[s.run], s.whole)).collect();
        assert_eq!(
            shown,
            [
                ("Amfilter. h", Some(Whole::There(7, 8..18))),
                ("streams. h", Some(Whole::There(7, 28..37)))
            ]
        );
        let none = "Nothing to split here.";
        let asked = std::cell::Cell::new(false);
        let marks = crate::marks::Marks::of(none);
        splits(
            none,
            marks.offsets(Needle::DotSpaceLower),
            Vec::new,
            || none,
            || {
                asked.set(true);
                Vec::new()
            },
        );
        assert!(!asked.get());
    }

    /// A full stop for the dot, as Chinese and Japanese translations
    /// write it (the real zh-tw WM_PAINT page's `Windows。h`): a header's
    /// or binary's extension, or the name written whole elsewhere. Not a
    /// sentence ending before a lower-case word (`完成。js` has no Latin
    /// name; `Setup。readme` no usual extension), nor `。` after a space.
    #[test]
    fn full_stops_for_dots_are_found() {
        let zh = "請參閱 Winuser (包含) 的 Windows。h。執行 Setup。exe，再開啟 notes。txt 和 notes.txt。完成。js 檔案、Setup。readme、Foo 。h。";
        let lower = zh.to_ascii_lowercase();
        let found: Vec<(&str, Option<&str>)> =
            splits(zh, full_stops(zh), Vec::new, || &*lower, Vec::new)
                .into_iter()
                .map(|s| match s.whole {
                    Some(Whole::Here(w)) => (&zh[s.run], Some(&zh[w])),
                    _ => (&zh[s.run], None),
                })
                .collect();
        assert_eq!(
            found,
            [
                ("Windows。h", None),
                ("Setup。exe", None),
                ("notes。txt", Some("notes.txt"))
            ]
        );
        assert_eq!(joined("Windows。h"), "Windows.h");
        assert!(full_stops_replace_dots("zh-TW") && full_stops_replace_dots("ja-jp"));
        assert!(!full_stops_replace_dots("ko-kr"));
    }

    #[test]
    fn names_the_page_writes_whole_are_found() {
        let text = "Compilare stdafx. cpp, quindi C2065_pch. cpp.\n\n```cpp\n// cl /Ycstdafx.h stdafx.cpp C2065_pch.cpp\n```\n";
        assert_eq!(
            found(text),
            [
                ("stdafx. cpp", Some("stdafx.cpp")),
                ("C2065_pch. cpp", Some("C2065_pch.cpp"))
            ]
        );
        let sxs = "<span data-ttu-id=\"1\">in \"Winbase. h\" definiert.</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">in WinBase.h.</span></span>";
        assert_eq!(found(sxs), [("Winbase. h", Some("WinBase.h"))]);
    }

    #[test]
    fn names_with_a_capital_inside_need_no_evidence() {
        assert_eq!(
            found("no arquivo StringList. txt, pesquise"),
            [("StringList. txt", None)]
        );
    }

    #[test]
    fn headers_and_binaries_need_no_evidence() {
        let text = "en-tête de Windows. h et afxv_w32. h pour. Recherchez dans Windows. h.";
        assert_eq!(
            found(text),
            [
                ("Windows. h", None),
                ("afxv_w32. h", None),
                ("Windows. h", None)
            ]
        );
        assert_eq!(found("(Kernel32. dll)"), [("Kernel32. dll", None)]);
        // A name of two letters, a dot glued on, a word going on.
        assert!(found("Das ist so, ab. h. es geht.").is_empty());
        assert!(found("Il modello. hpp.x e il file. hxxa").is_empty());
        assert!(found("The model. c is not, nor is 2019. h and").is_empty());
    }

    #[test]
    fn sentence_ends_and_abbreviations_are_not() {
        assert!(found("Das ist so, d. h. es geht. Und das. Das Modell. c ist").is_empty());
        assert!(found("Il file proposta. txt, senza prova.").is_empty());
        assert!(found("Siehe `stdafx. cpp` und stdafx.cpp.").is_empty());
        // Whole only inside a longer name is no evidence (of a text
        // file: a source file's extension would be evidence of its own).
        assert!(found("Run mystdafx.txt or stdafx. txt.").is_empty());
    }

    /// A name with an extension documentation seldom names, or of one
    /// letter, is found only where the page's code writes it whole: prose
    /// writes abbreviations both ways.
    #[test]
    fn other_names_need_the_page_code() {
        let with_code = |text: &str| {
            let marks = crate::marks::Marks::of(text);
            let lower = text.to_ascii_lowercase();
            let code = text.find("```").map_or(0..0, |at| at..text.len());
            splits(
                text,
                marks.offsets(Needle::DotSpaceLower),
                || vec![code.clone()],
                || &*lower,
                Vec::new,
            )
            .into_iter()
            .map(|s| text[s.run].to_owned())
            .collect::<Vec<String>>()
        };
        let findstr = "Suchen Sie in der Datei x. y und in Xcopy. out.\n\n```cmd\nfindstr hello x.y > xcopy.out\n```\n";
        assert_eq!(with_code(findstr), ["x. y", "Xcopy. out"]);
        assert!(found("Suchen Sie in der Datei x. y und in Xcopy. out.").is_empty());
        // German writes `u. a.` and `u.a.` alike, outside code.
        assert!(with_code("Dies u. a. und das u.a. auch.\n\n```\nrun\n```\n").is_empty());
        // An extension of more than eight letters is a word.
        assert!(with_code("Datei config. parameters\n\n```\nconfig.parameters\n```\n").is_empty());
    }
}
