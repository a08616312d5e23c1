//! `split-path`: a path machine translation split at its backslashes.
//!
//! Reference prose names registry keys, WMI namespaces and folders as
//! paths, `Software\Microsoft\WBEM\WDMProvider`, `\\root\wmi`, and
//! machine translation takes the backslashes for punctuation: the real
//! de-de "Accessing Data from Device Drivers" (`tests/data/real-wmi`)
//! reads `\ Software Microsoft \ WBEM \ WDMProvider`, `"Root \ Wmi"` and
//! `\ \ \ wmi-Stammnamespace` (`root` translated into the word after it),
//! its zh-tw `軟體 \ Microsoft \ WBEM \ WDMProvider` and `\ \ 根 \ wmi`.
//! No token holds a path, so the token comparison sees nothing; readers
//! who type the key or search for it find nothing.
//!
//! The evidence is two-sided, per aligned block: another member (the
//! source's block, when the source locale is among them) writes the path
//! whole, and this member, which does not, writes a backslash with a
//! space beside it next to the path's parts: no language spaces a
//! backslash, and a path written whole is left alone whatever it names
//! (a translator may localize a placeholder, `<Benutzer>`). The parts
//! must be half of the path's at least (`wmi` of `root\wmi`, `root`
//! having been translated), in a run of backslashes and parts with at
//! most one other word between two (`根`).
//!
//! `check --fix` writes the path as the other member does where the run
//! is the path's parts alone, in order, with its backslashes and spaces:
//! nothing of it was translated. A run missing a part is told, not fixed.
//!
//! Pages are looked at only where the loader marked a backslash before a
//! space ([`crate::marks`]); most have none.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;
use crate::marks::Needle;

use super::Context;
use super::tokens::Member;

/// The findings for one aligned block; `source` says member 0 is the
/// source's block.
pub fn split(cx: &Context, source: bool, members: &[Member]) -> Vec<Finding> {
    let (page, unit) = members[0];
    let kind = cx.site.pages[page].doc.facts.units[unit].kind;
    let kind_name = match kind {
        UnitKind::Paragraph => "paragraph",
        UnitKind::Item => "list item",
        UnitKind::Row { .. } => "table row",
        _ => return Vec::new(),
    };
    // Which members have a backslash before a space in their block: the
    // loader's marks say, without reading the block; most pages have none.
    let marked = |&(p, _): &Member| {
        let marks = &cx.site.pages[p].source.marks;
        marks.offsets(Needle::BackslashSpace).next().is_some()
    };
    if !members.iter().any(marked) {
        return Vec::new();
    }
    let extents: Vec<Range<usize>> = members
        .iter()
        .map(|&(p, u)| super::counterparts::extent(&cx.site.pages[p], u))
        .collect();
    let spaced: Vec<bool> = members
        .iter()
        .zip(&extents)
        .map(|(&(p, _), block)| {
            let marks = &cx.site.pages[p].source.marks;
            marks
                .offsets(Needle::BackslashSpace)
                .any(|at| block.contains(&at))
        })
        .collect();
    if !spaced.iter().any(|&s| s) {
        return Vec::new();
    }
    let blocks: Vec<Block> = members
        .iter()
        .zip(&extents)
        .map(|(&(p, _), extent)| Block::read(&cx.site.pages[p].source.text, extent.clone()))
        .collect();
    let mut out = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if !spaced[i] || (source && i == 0) {
            continue;
        }
        // The paths others write whole and this member does not, each
        // once, the source's first.
        let givers: Vec<usize> = if source {
            vec![0]
        } else {
            (0..blocks.len()).filter(|&j| j != i).collect()
        };
        let mut told: Vec<Range<usize>> = Vec::new();
        for j in givers {
            for path in &blocks[j].paths {
                if block.writes(path) {
                    continue;
                }
                let Some(run) = block.run_of(path) else {
                    continue;
                };
                if told
                    .iter()
                    .any(|t| t.start < run.span.end && run.span.start < t.end)
                {
                    continue;
                }
                told.push(run.span.clone());
                out.push(finding(
                    cx,
                    members,
                    (i, j),
                    (block, &blocks[j]),
                    path,
                    &run,
                    source,
                    kind_name,
                ));
            }
        }
    }
    out
}

/// A finding for `run`, member `i`'s mangled form of `path`, which member
/// `j` writes whole.
#[allow(clippy::too_many_arguments)]
fn finding(
    cx: &Context,
    members: &[Member],
    (i, j): (usize, usize),
    (block, giver): (&Block, &Block),
    path: &Path,
    run: &Run,
    source: bool,
    kind_name: &str,
) -> Finding {
    let page = members[i].0;
    let span = block.original(run.span.clone());
    let shown = &block.plain[run.span.clone()];
    let locale = cx.locale_key(members[j].0);
    let whose = if source {
        format!("the {locale} text it was made from")
    } else {
        locale.to_owned()
    };
    let how = if run.whole {
        "split it at its backslashes"
    } else {
        "split it at its backslashes and translated part of it"
    };
    let written = giver.original(path.span.clone());
    let markdown = &cx.site.pages[members[j].0].source.text[written.clone()];
    let mut finding = Finding::warning(
        "split-path",
        cx.location(page, span.clone()),
        format!(
            "this {kind_name} writes `{shown}` where {whose} writes the path `{}`: machine translation {how}, and readers who type it or search for it find nothing",
            path.plain
        ),
    )
    .with_help(format!(
        "write `{}`, as {locale} does: paths are not translated",
        path.plain
    ))
    .with_related(cx.location(members[j].0, written), format!("`{}` in {locale}", path.plain));
    if run.whole {
        finding = finding.with_fix(cx.edit(page, span, markdown.to_owned()));
    }
    finding
}

/// A block's text as readers see its characters (Markdown's backslash
/// escapes taken out), where each byte was in the page, and the paths it
/// writes whole.
struct Block {
    plain: String,
    /// Per byte of `plain`, and one past its end: the page offset.
    offsets: Vec<usize>,
    /// Per byte of `plain`: whether it is in a code span.
    code: Vec<bool>,
    paths: Vec<Path>,
}

/// A path written whole: `Software\Microsoft\WBEM`, `\\root\wmi`.
struct Path {
    /// As readers see it.
    plain: String,
    /// Where, in the block's plain text.
    span: Range<usize>,
}

impl Path {
    /// Its parts between backslashes.
    fn parts(&self) -> impl Iterator<Item = &str> {
        self.plain.split('\\').filter(|p| !p.is_empty())
    }
}

/// Where a path stands split in a block's plain text.
struct Run {
    span: Range<usize>,
    /// Its parts alone, all of them, in order, with backslashes and
    /// spaces between: the path, nothing translated.
    whole: bool,
}

impl Block {
    fn read(text: &str, extent: Range<usize>) -> Block {
        // Units start and blank lines end at character boundaries; a
        // block that did not would be read as empty, not panic.
        let raw = text.get(extent.clone()).unwrap_or_default();
        let mut plain = String::with_capacity(raw.len());
        let mut offsets = Vec::with_capacity(raw.len() + 1);
        let mut code = Vec::with_capacity(raw.len());
        // Backticks so far on the line: an odd count is inside a code
        // span, where a backslash escapes nothing.
        let mut ticks = 0usize;
        let mut chars = raw.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let in_code = ticks % 2 == 1;
            let escaped = c == '\\'
                && !in_code
                && chars
                    .peek()
                    .is_some_and(|&(_, next)| next.is_ascii_punctuation());
            let shown = match escaped {
                true => chars.next().map_or(c, |(_, next)| next),
                false => c,
            };
            match shown {
                '\n' => ticks = 0,
                '`' if !escaped => ticks += 1,
                _ => {}
            }
            let start = plain.len();
            plain.push(shown);
            // An escaped character reads from its backslash.
            offsets.extend(std::iter::repeat_n(extent.start + at, plain.len() - start));
            code.extend(std::iter::repeat_n(in_code, plain.len() - start));
        }
        offsets.push(extent.end);
        let paths = paths(&plain, &code);
        Block {
            plain,
            offsets,
            code,
            paths,
        }
    }

    /// The page's bytes that `span` of the plain text was read from.
    fn original(&self, span: Range<usize>) -> Range<usize> {
        let end = match span.end {
            e if e >= self.offsets.len() - 1 => self.offsets[self.offsets.len() - 1],
            // The byte after the span's last starts where that one ends.
            e => self.offsets[e],
        };
        self.offsets[span.start]..end
    }

    /// Whether the block writes `path` whole, in any case.
    fn writes(&self, path: &Path) -> bool {
        self.paths
            .iter()
            .any(|p| p.plain.eq_ignore_ascii_case(&path.plain))
    }

    /// The run of backslashes and `path`'s parts, a backslash spaced,
    /// that stands for `path` here; the one with most parts.
    fn run_of(&self, path: &Path) -> Option<Run> {
        let plain = &self.plain;
        let bytes = plain.as_bytes();
        let lower = plain.to_ascii_lowercase();
        let parts: Vec<String> = path.parts().map(str::to_ascii_lowercase).collect();
        // Elements: (span, which part, or none for a backslash).
        let mut elements: Vec<(Range<usize>, Option<usize>)> = Vec::new();
        for at in memchr::memchr_iter(b'\\', bytes) {
            // A backslash ending a line is a hard line break.
            let break_or_code =
                self.code[at] || matches!(bytes.get(at + 1), Some(b'\n' | b'\r') | None);
            if !break_or_code {
                elements.push((at..at + 1, None));
            }
        }
        for (k, part) in parts.iter().enumerate() {
            for at in memchr::memmem::find_iter(lower.as_bytes(), part.as_bytes()) {
                let end = at + part.len();
                let word =
                    |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
                if !word(at.checked_sub(1).and_then(|b| bytes.get(b))) && !word(bytes.get(end)) {
                    elements.push((at..end, Some(k)));
                }
            }
        }
        elements.sort_by_key(|(span, _)| span.start);
        let mut best: Option<(usize, Run)> = None;
        let mut from = 0;
        while from < elements.len() {
            let mut to = from + 1;
            let mut spaced = false;
            let mut translated = false;
            while to < elements.len() {
                let gap =
                    &plain[elements[to - 1].0.end.min(elements[to].0.start)..elements[to].0.start];
                let Some(word) = gap_word(gap) else { break };
                translated |= word;
                let beside_backslash = elements[to - 1].1.is_none() || elements[to].1.is_none();
                spaced |= beside_backslash && gap.contains([' ', '\t']);
                to += 1;
            }
            let run = &elements[from..to];
            let found: Vec<usize> = run.iter().filter_map(|(_, k)| *k).collect();
            let mut distinct = found.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let backslashes = run.iter().any(|(_, k)| k.is_none());
            if spaced && backslashes && 2 * distinct.len() >= parts.len() && !distinct.is_empty() {
                let in_order = found == (0..parts.len()).collect::<Vec<_>>();
                let exact =
                    run.iter()
                        .filter_map(|(span, k)| k.map(|k| (span, k)))
                        .all(|(span, k)| {
                            plain[span.clone()] == *path.parts().nth(k).unwrap_or_default()
                        });
                let span = run[0].0.start..run[run.len() - 1].0.end;
                let whole = in_order && exact && !translated;
                if best.as_ref().is_none_or(|(n, _)| distinct.len() > *n) {
                    best = Some((distinct.len(), Run { span, whole }));
                }
            }
            from = to;
        }
        best.map(|(_, run)| run)
    }
}

/// Whether `gap`, between two elements of a run, keeps the run going:
/// spaces only (`Some(false)`), or one word that is no sentence's
/// punctuation between them (`Some(true)`: a part the translation
/// translated, `根`); `None` ends the run.
fn gap_word(gap: &str) -> Option<bool> {
    if gap.contains("\n\n") || gap.contains("\n\r\n") {
        return None;
    }
    let mut words = gap.split_whitespace();
    match (words.next(), words.next()) {
        (None, _) => Some(false),
        (Some(word), None)
            if word.len() <= 12
                && !word.contains(|c: char| {
                    c.is_ascii_punctuation() || "。，、；：「」『』（）“”«»„".contains(c)
                }) =>
        {
            Some(true)
        }
        _ => None,
    }
}

/// The paths `plain` writes whole outside code spans: a word holding a
/// backslash between two parts, two parts at least, each of two ASCII
/// characters or more with a letter (`C:\Windows`, `HKEY_LOCAL_MACHINE\
/// SOFTWARE`, `\\root\wmi`), the punctuation around it left out.
fn paths(plain: &str, code: &[bool]) -> Vec<Path> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in plain.split_inclusive(char::is_whitespace) {
        let start = at;
        at += word.len();
        let trimmed = word.trim_end();
        let lead = trimmed.len() - trimmed.trim_start_matches(is_around).len();
        let core = trimmed.trim_matches(is_around);
        if !core.contains('\\') || core.contains('`') {
            continue;
        }
        let parts: Vec<&str> = core.split('\\').filter(|p| !p.is_empty()).collect();
        let part_ok = |p: &&str| {
            p.len() >= 2
                && p.bytes().any(|b| b.is_ascii_alphabetic())
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"_-.:$%~{}".contains(&b))
        };
        if parts.len() < 2 || !parts.iter().all(part_ok) {
            continue;
        }
        let span = start + lead..start + lead + core.len();
        if code[span.start] {
            continue;
        }
        out.push(Path {
            plain: core.to_owned(),
            span,
        });
    }
    out
}

/// Punctuation and markup around a path: `**`, quotes, brackets, a
/// sentence's end.
fn is_around(c: char) -> bool {
    "*_\"'()[]{}<>,.;:!?“”„«»「」『』（）".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block::read(text, 0..text.len())
    }

    fn path(plain: &str) -> Path {
        Path {
            plain: plain.to_owned(),
            span: 0..plain.len(),
        }
    }

    #[test]
    fn paths_written_whole_are_read_as_readers_see_them() {
        let b = block(
            "Set **Software\\\\Microsoft\\\\WBEM\\\\WDMProvider** in the \\\\\\\\root\\\\wmi namespace (\"Root\\\\Wmi\"), not `C:\\Temp\\x` nor \\n or a\\b.",
        );
        let found: Vec<&str> = b.paths.iter().map(|p| p.plain.as_str()).collect();
        assert_eq!(
            found,
            [
                "Software\\Microsoft\\WBEM\\WDMProvider",
                "\\\\root\\wmi",
                "Root\\Wmi"
            ]
        );
        let first = &b.paths[0];
        assert_eq!(
            b.original(first.span.clone()),
            6..44,
            "the Markdown of the first path"
        );
    }

    /// Backslashes, escapes, code spans and characters of several bytes
    /// in any order: every place read maps back into the text.
    #[test]
    fn any_text_is_read_without_panicking() {
        let alphabet = [
            '\\', ' ', 'a', 'B', 'x', '根', '`', '\n', '_', '*', '.', ':', '"',
        ];
        let fixed = [path("a\\B"), path("\\\\ab\\xa"), path("Ba\\ax\\aB")];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..(seed % 40) {
                let pick = (seed.rotate_left(k as u32 * 5) % alphabet.len() as u64) as usize;
                text.push(alphabet[pick]);
            }
            let b = block(&text);
            for p in b.paths.iter().chain(&fixed) {
                if let Some(run) = b.run_of(p) {
                    let span = b.original(run.span);
                    assert!(text.get(span).is_some(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn split_paths_are_found_beside_their_parts() {
        let key = path("Software\\Microsoft\\WBEM\\WDMProvider");
        // de-de: parts all there, a backslash moved: fixed.
        let de = block("Wert von **\\\\ Software Microsoft \\\\ WBEM \\\\ WDMProvider** ist.");
        let run = de.run_of(&key).expect("de-de");
        assert_eq!(
            &de.plain[run.span.clone()],
            "\\ Software Microsoft \\ WBEM \\ WDMProvider"
        );
        assert!(run.whole);
        // zh-tw: `Software` translated: told, not fixed.
        let zh = block("或 **軟體 \\\\ Microsoft \\\\ WBEM \\\\ WDMProvider** 登錄");
        let run = zh.run_of(&key).expect("zh-tw");
        assert_eq!(
            &zh.plain[run.span.clone()],
            "\\ Microsoft \\ WBEM \\ WDMProvider"
        );
        assert!(!run.whole);
        let ns = path("\\\\root\\wmi");
        let zh = block("類別位於 \\\\ \\\\ 根 \\\\ wmi 命名空間中。");
        let run = zh.run_of(&ns).expect("zh-tw namespace");
        assert_eq!(&zh.plain[run.span.clone()], "\\ \\ 根 \\ wmi");
        assert!(!run.whole);
        let de = block("befinden sich im \\\\ \\\\ \\\\ wmi-Stammnamespace.");
        assert_eq!(
            &de.plain[de.run_of(&ns).expect("de-de").span],
            "\\ \\ \\ wmi"
        );
        // Written whole, or a folder after a space: nothing split.
        assert!(
            block("im \\\\\\\\root\\\\wmi-Namespace")
                .run_of(&ns)
                .is_none()
        );
        let folder = path("\\Reports\\Daily");
        assert!(
            block("im Verzeichnis \\Reports oder Daily")
                .run_of(&folder)
                .is_none()
        );
        // A hard line break is no backslash of a path.
        assert!(block("root\\\nwmi").run_of(&ns).is_none());
    }
}
