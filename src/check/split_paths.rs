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
//! The evidence is two-sided, per block: something writes the path whole
//! and this block, which does not, writes a backslash with a space beside
//! it next to the path's parts: no language spaces a backslash, and a
//! path written whole is left alone whatever it names (a translator may
//! localize a placeholder, `<Benutzer>`). What writes it whole: the
//! source text a side-by-side page keeps hidden beside each sentence,
//! else the same block in another translation, the source locale's first
//! ([`Counterparts`], any version: paths seldom change). The parts must
//! be half of the path's at least (`wmi` of `root\wmi`, `root` having
//! been translated), in a run of backslashes and parts with at most one
//! other word between two (`根`).
//!
//! `check --fix` writes the path as the text that writes it whole does,
//! where the run is the path's parts alone, in order, with backslashes
//! and spaces between: nothing of it was translated. A run missing a part
//! is told, not fixed.
//!
//! Pages are looked at only where the loader marked a backslash before a
//! space ([`crate::marks`]), and aligned with their translations only when
//! a block holds one outside code; most pages have none.
//!
//! A block is searched once per distinct path its givers write (a
//! generated page's line may name one key thousands of times), through
//! the backslashes a part of that path reaches ([`Searched::linked`]):
//! linear in the block for a path. A block with thousands of distinct
//! paths sharing parts still costs their product (`benches/README.md`,
//! "Scaling").

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::diagnostic::Finding;
use crate::markdown::facts::UnitKind;
use crate::marks::Needle;

use super::Context;
use super::counterparts::Counterparts;

/// The findings of every page a backslash before a space was marked on
/// by the loader, outside the source locale.
pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut marks = page.source.marks.offsets(Needle::BackslashSpace).peekable();
        if marks.peek().is_none() || cx.site.source == Some(page.locale()) {
            return Vec::new();
        }
        let units = &page.doc.facts.units;
        // Aligned with the page's translations only when a block holds a
        // split: most marks are in code.
        let counterparts = OnceCell::new();
        // Marks are in text order, and so are units: each block once.
        let mut last: Option<usize> = None;
        let mut out = Vec::new();
        for at in marks {
            let Some(unit) = units.partition_point(|u| u.offset <= at).checked_sub(1) else {
                continue;
            };
            if last == Some(unit) {
                continue;
            }
            last = Some(unit);
            let kind = match units[unit].kind {
                UnitKind::Paragraph => "paragraph",
                UnitKind::Item => "list item",
                UnitKind::Row { .. } => "table row",
                _ => continue,
            };
            let extent = super::counterparts::extent(page, unit);
            if !extent.contains(&at) {
                continue;
            }
            let block = Block::read(&page.source.text, extent.clone());
            if !block.spaced() {
                continue;
            }
            let others = counterparts.get_or_init(|| Counterparts::any_version(cx, p));
            let others: Vec<(usize, Block)> = others
                .blocks(at)
                .into_iter()
                .map(|(q, range)| (q, Block::read(&cx.site.pages[q].source.text, range)))
                .collect();
            // The source text beside the sentence first (this block's
            // hidden paths), then the same block in the other
            // translations, the source locale's first.
            let givers = std::iter::once((p, &block, true))
                .chain(others.iter().map(|(q, other)| (*q, other, false)));
            let searched = Searched::new(&block);
            // Each path once, from its first giver: a block, or a long
            // line of a generated page, may name one key thousands of
            // times, and each search reads the whole block.
            let mut tried: FxHashSet<String> = FxHashSet::default();
            let mut told: Vec<Range<usize>> = Vec::new();
            for (q, giver, hidden_only) in givers {
                for path in giver
                    .paths
                    .iter()
                    .filter(|path| path.hidden || !hidden_only)
                {
                    if !tried.insert(path.plain.to_ascii_lowercase()) || searched.writes(path) {
                        continue;
                    }
                    let Some(run) = block.run_of(path, &searched) else {
                        continue;
                    };
                    if told
                        .iter()
                        .any(|t| t.start < run.span.end && run.span.start < t.end)
                    {
                        continue;
                    }
                    told.push(run.span.clone());
                    let split = Split {
                        page: p,
                        block: &block,
                        run: &run,
                        kind,
                    };
                    out.push(split.finding(cx, (q, giver), path));
                }
            }
        }
        out
    })
}

/// A path split in a block of a page.
struct Split<'b> {
    page: usize,
    block: &'b Block,
    run: &'b Run,
    /// The block's kind, as messages name it.
    kind: &'static str,
}

impl Split<'_> {
    /// The finding, given the block of page `q` (this page's own, for the
    /// source text beside a sentence) that writes `path` whole.
    fn finding(&self, cx: &Context, (q, giver): (usize, &Block), path: &Path) -> Finding {
        let page = self.page;
        let span = self.block.original(self.run.span.clone());
        let shown = &self.block.plain[self.run.span.clone()];
        let locale = cx.locale_key(q);
        let whose = if q == page {
            "the source text beside it".to_owned()
        } else if cx.is_source(q) && cx.site.same_source_version(page, q) {
            format!("the {locale} text it was made from")
        } else {
            locale.to_owned()
        };
        let how = if self.run.whole {
            "split it at its backslashes"
        } else {
            "split it at its backslashes and translated part of it"
        };
        let written = giver.original(path.span.clone());
        let markdown = &cx.site.pages[q].source.text[written.clone()];
        let kind = self.kind;
        let mut finding = Finding::warning(
            "split-path",
            cx.location(page, span.clone()),
            format!(
                "this {kind} writes `{shown}` where {whose} writes the path `{}`: machine translation {how}, and readers who type it or search for it find nothing",
                path.plain
            ),
        )
        .with_help(format!(
            "write `{}`, as {} does: paths are not translated",
            path.plain,
            if q == page { "the source text" } else { locale }
        ))
        .with_related(
            cx.location(q, written),
            format!("`{}` in {}", path.plain, if q == page { "the source text" } else { locale }),
        );
        if self.run.whole {
            finding = finding.with_fix(cx.edit(page, span, markdown.to_owned()));
        }
        finding
    }
}

/// A block's text as readers see its characters (Markdown's backslash
/// escapes taken out), where each byte was in the page, and the paths it
/// writes whole.
struct Block {
    plain: String,
    /// Per byte of `plain`, and one past its end: the page offset.
    offsets: Vec<usize>,
    /// Per byte of `plain`: what it is part of.
    seen: Vec<Seen>,
    paths: Vec<Path>,
}

/// What a byte of a block is part of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// The translation's text.
    Shown,
    /// A code span, shown as written.
    Code,
    /// The source text a side-by-side page keeps beside each sentence,
    /// hidden (`<span class="sxs-lookup"><span data-stu-id="…">`).
    Hidden,
}

/// A path written whole: `Software\Microsoft\WBEM`, `\\root\wmi`.
struct Path {
    /// As readers see it.
    plain: String,
    /// Where, in the block's plain text.
    span: Range<usize>,
    /// Whether in the hidden source text of a side-by-side page.
    hidden: bool,
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
        let mut seen = Vec::with_capacity(raw.len());
        // Backticks so far on the line: an odd count is inside a code
        // span, where a backslash escapes nothing (the rule of
        // `glued_terms::in_code_span`, kept as the block is read instead
        // of counted again per character).
        let mut ticks = 0usize;
        // Whether in a side-by-side page's source text: from the
        // `data-stu-id` span that opens it to the next `data-ttu-id` (the
        // next sentence's translation) or the line's end, the rule of
        // `split_identifiers::hidden`, kept as the block is read.
        let mut hidden = false;
        let mut chars = raw.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c == 'd' {
                if raw[at..].starts_with("data-stu-id=") {
                    hidden = true;
                } else if raw[at..].starts_with("data-ttu-id=") {
                    hidden = false;
                }
            }
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
                '\n' => (ticks, hidden) = (0, false),
                '`' if !escaped => ticks += 1,
                _ => {}
            }
            let start = plain.len();
            plain.push(shown);
            // An escaped character reads from its backslash.
            offsets.extend(std::iter::repeat_n(extent.start + at, plain.len() - start));
            let place = match (hidden, in_code) {
                (true, _) => Seen::Hidden,
                (false, true) => Seen::Code,
                (false, false) => Seen::Shown,
            };
            seen.extend(std::iter::repeat_n(place, plain.len() - start));
        }
        offsets.push(extent.end);
        let paths = paths(&plain, &seen);
        Block {
            plain,
            offsets,
            seen,
            paths,
        }
    }

    /// Whether readers see a backslash before a space here.
    fn spaced(&self) -> bool {
        let bytes = self.plain.as_bytes();
        memchr::memchr_iter(b'\\', bytes).any(|at| {
            self.seen[at] == Seen::Shown && matches!(bytes.get(at + 1), Some(b' ' | b'\t'))
        })
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

    /// The run of backslashes and `path`'s parts, a backslash spaced,
    /// that stands for `path` here; the one with most parts.
    fn run_of(&self, path: &Path, searched: &Searched) -> Option<Run> {
        let written: Vec<&str> = path.parts().collect();
        let mut elements = self.parts_of(&written, searched);
        if elements.is_empty() {
            return None;
        }
        let backslashes = searched.linked(&self.plain, &elements);
        elements.extend(backslashes.map(|at| (at..at + 1, None)));
        elements.sort_by_key(|(span, _)| span.start);
        self.best_run(&elements, &written)
    }

    /// Where readers see the block write a part of `written` (a path's
    /// parts) as a word of its own, by start, with which part it is.
    fn parts_of(&self, written: &[&str], searched: &Searched) -> Vec<Element> {
        let bytes = self.plain.as_bytes();
        let mut elements = Vec::new();
        for (k, part) in written.iter().enumerate() {
            let part = part.to_ascii_lowercase();
            for at in memchr::memmem::find_iter(searched.lower.as_bytes(), part.as_bytes()) {
                let end = at + part.len();
                let word =
                    |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
                let bounded =
                    !word(at.checked_sub(1).and_then(|b| bytes.get(b))) && !word(bytes.get(end));
                if bounded && self.seen[at] == Seen::Shown {
                    elements.push((at..end, Some(k)));
                }
            }
        }
        elements.sort_by_key(|(span, _)| span.start);
        elements
    }

    /// Of the runs `elements` (by start) make, the one with most of
    /// `written`'s parts that has a spaced backslash and half of them.
    fn best_run(&self, elements: &[Element], written: &[&str]) -> Option<Run> {
        let plain = &self.plain;
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
            if spaced && backslashes && 2 * distinct.len() >= written.len() && !distinct.is_empty()
            {
                let in_order = found == (0..written.len()).collect::<Vec<_>>();
                let exact = run
                    .iter()
                    .filter_map(|(span, k)| k.map(|k| (span, k)))
                    .all(|(span, k)| plain[span.clone()] == *written[k]);
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

/// A part of a path where a block writes it, with which part it is, or
/// a backslash (`None`).
type Element = (Range<usize>, Option<usize>);

/// What searching a block for the paths of its translations reads again
/// for each: made once per block.
struct Searched {
    /// The block's plain text in lower case, searched for each part.
    lower: String,
    /// Where readers see a backslash that is no hard line break.
    backslashes: Vec<usize>,
    /// The paths readers see the block write whole, in lower case.
    whole: FxHashSet<String>,
}

impl Searched {
    fn new(block: &Block) -> Searched {
        let bytes = block.plain.as_bytes();
        let backslashes = memchr::memchr_iter(b'\\', bytes)
            .filter(|&at| {
                // A backslash ending a line is a hard line break.
                let line_break = matches!(bytes.get(at + 1), Some(b'\n' | b'\r') | None);
                block.seen[at] == Seen::Shown && !line_break
            })
            .collect();
        Searched {
            lower: block.plain.to_ascii_lowercase(),
            backslashes,
            whole: (block.paths.iter())
                .filter(|p| !p.hidden)
                .map(|p| p.plain.to_ascii_lowercase())
                .collect(),
        }
    }

    /// Whether readers see the block write `path` whole, in any case.
    fn writes(&self, path: &Path) -> bool {
        self.whole.contains(&path.plain.to_ascii_lowercase())
    }

    /// The backslashes a run through `parts` (a path's parts where the
    /// block writes them, by start) can hold: those reached from a part
    /// through backslashes alone, each gap one a run goes on over, up to
    /// the next part. The others, in no run with a part, would make no
    /// finding, and a block may hold thousands.
    fn linked<'s>(&'s self, plain: &str, parts: &[Element]) -> impl Iterator<Item = usize> + 's {
        let all = &self.backslashes;
        let mut linked = vec![false; all.len()];
        // The first backslash after the part's start: parts come by
        // start, so it only moves on (no part starts at a backslash).
        let mut after = 0;
        for (i, (span, _)) in parts.iter().enumerate() {
            while all.get(after).is_some_and(|&at| at < span.start) {
                after += 1;
            }
            // Rightwards: the backslashes before the next part starts.
            let next_part = parts.get(i + 1).map_or(usize::MAX, |(s, _)| s.start);
            let (mut end, mut b) = (span.end, after);
            while let Some(&at) = all.get(b) {
                if at > next_part || linked[b] || gap_word(&plain[end.min(at)..at]).is_none() {
                    break;
                }
                linked[b] = true;
                (end, b) = (at + 1, b + 1);
            }
            // Leftwards: the backslashes after the part before ends.
            let previous_part = i.checked_sub(1).map_or(0, |p| parts[p].0.start);
            let (mut start, mut b) = (span.start, after);
            while let Some(before) = b.checked_sub(1) {
                let at = all[before];
                if at < previous_part
                    || linked[before]
                    || gap_word(&plain[(at + 1).min(start)..start]).is_none()
                {
                    break;
                }
                linked[before] = true;
                (start, b) = (at, before);
            }
        }
        linked
            .into_iter()
            .zip(all)
            .filter_map(|(linked, &at)| linked.then_some(at))
    }
}

/// Whether `gap`, between two elements of a run, keeps the run going:
/// spaces only (`Some(false)`), or one word that is no sentence's
/// punctuation between them (`Some(true)`: a part the translation
/// translated, `根`); `None` ends the run.
fn gap_word(gap: &str) -> Option<bool> {
    // Most gaps: a space, or nothing.
    if gap.bytes().all(|b| b == b' ') {
        return Some(false);
    }
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
/// backslash between two parts (`C:\Windows`, `HKEY_LOCAL_MACHINE\
/// SOFTWARE`, `\\root\wmi`, `ShellIds\1`), two of them at least of
/// two ASCII characters with a letter, the punctuation around it left
/// out. A part of several words (`Windows NT`, `NET Framework Setup`)
/// joins two such words with up to two plain words between them.
fn paths(plain: &str, seen: &[Seen]) -> Vec<Path> {
    let words = words(plain);
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let first = &words[k];
        if !first.path {
            k += 1;
            continue;
        }
        // The last word of the path: a path word after plain words, each
        // a name's (capitalised: `and` between two paths joins none), the
        // path word's first part no drive (`D:\Logs` starts a path).
        let mut last = k;
        for next in k + 1..words.len().min(k + 4) {
            let word = &words[next];
            let text = &plain[word.core.clone()];
            let named = text.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
            let drive = text.split('\\').next().is_some_and(|p| p.contains(':'));
            if word.path && word.bare_start() && words[next - 1].bare_end() && named && !drive {
                last = next;
                break;
            }
            if !word.plain_word() || !named {
                break;
            }
        }
        let span = first.core.start..words[last].core.end;
        k = last + 1;
        let core = &plain[span.clone()];
        if !is_path(core) || seen[span.start] == Seen::Code {
            continue;
        }
        out.push(Path {
            plain: core.to_owned(),
            hidden: seen[span.start] == Seen::Hidden,
            span,
        });
    }
    out
}

/// A word of a block, between spaces.
struct Word {
    /// The word, spaces left out.
    whole: Range<usize>,
    /// The word, punctuation and markup around it left out.
    core: Range<usize>,
    /// Whether its core holds a backslash between two parts.
    path: bool,
    /// Whether its core is letters and digits alone.
    plain: bool,
}

impl Word {
    fn bare_start(&self) -> bool {
        self.whole.start == self.core.start
    }

    fn bare_end(&self) -> bool {
        self.whole.end == self.core.end
    }

    fn plain_word(&self) -> bool {
        self.plain && self.bare_start() && self.bare_end()
    }
}

fn words(plain: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut at = 0;
    for word in plain.split_inclusive(char::is_whitespace) {
        let start = at;
        at += word.len();
        let trimmed = word.trim_end();
        if trimmed.is_empty() {
            continue;
        }
        let lead = trimmed.len() - trimmed.trim_start_matches(is_around).len();
        let core_text = trimmed.trim_matches(is_around);
        let core = start + lead..start + lead + core_text.len();
        let parts = core_text.split('\\').filter(|p| !p.is_empty()).count();
        out.push(Word {
            whole: start..start + trimmed.len(),
            path: parts >= 2 && !core_text.contains('`'),
            plain: !core_text.is_empty() && core_text.bytes().all(|b| b.is_ascii_alphanumeric()),
            core,
        });
    }
    out
}

/// Whether `core` is a path: parts of ASCII letters, digits and the
/// marks file and key names use (a space inside a part of several
/// words), two of them of two characters or more with a letter.
fn is_path(core: &str) -> bool {
    let parts: Vec<&str> = core.split('\\').filter(|p| !p.is_empty()).collect();
    let named = |p: &&&str| p.len() >= 2 && p.bytes().any(|b| b.is_ascii_alphabetic());
    let allowed = |p: &&str| {
        p.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.:$%~{} ".contains(&b))
    };
    parts.len() >= 2 && parts.iter().all(allowed) && parts.iter().filter(named).count() >= 2
}

/// Punctuation and markup around a path: `**`, quotes, brackets, a
/// sentence's end.
fn is_around(c: char) -> bool {
    "*_\"'()[]{}<>,.;:!?@|“”„«»「」『』（）".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block::read(text, 0..text.len())
    }

    impl Block {
        fn search(&self, path: &Path) -> Option<Run> {
            self.run_of(path, &Searched::new(self))
        }

        /// The run with every backslash of the block an element: what
        /// [`Searched::linked`] must give the same run as.
        fn search_every_backslash(&self, path: &Path) -> Option<Run> {
            let searched = Searched::new(self);
            let written: Vec<&str> = path.parts().collect();
            let mut elements = self.parts_of(&written, &searched);
            let every = searched.backslashes.iter().map(|&at| (at..at + 1, None));
            elements.extend(every);
            elements.sort_by_key(|(span, _)| span.start);
            self.best_run(&elements, &written)
        }
    }

    fn path(plain: &str) -> Path {
        Path {
            plain: plain.to_owned(),
            span: 0..plain.len(),
            hidden: false,
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
                let run = b.search(p);
                let every = b.search_every_backslash(p);
                assert_eq!(
                    run.as_ref().map(|r| (&r.span, r.whole)),
                    every.as_ref().map(|r| (&r.span, r.whole)),
                    "{text:?}"
                );
                if let Some(run) = run {
                    let span = b.original(run.span);
                    assert!(text.get(span).is_some(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn paths_of_several_words_are_read_whole() {
        let b = block(
            "Edit [HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Windows] and **HKLM\\Software\\Microsoft\\NET Framework Setup\\NDP\\v4** or @\"HKLM\\PowerShell\\1\\ShellIds\"|, not C:\\Temp and D:\\Logs.",
        );
        let found: Vec<&str> = b.paths.iter().map(|p| p.plain.as_str()).collect();
        assert_eq!(
            found,
            [
                "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Windows",
                "HKLM\\Software\\Microsoft\\NET Framework Setup\\NDP\\v4",
                "HKLM\\PowerShell\\1\\ShellIds",
                "C:\\Temp",
                "D:\\Logs",
            ]
        );
    }

    /// What a side-by-side page's hidden source text beside each sentence
    /// shows split, on real lines of Microsoft's localized repositories:
    /// (line, what readers see split, whether nothing was translated).
    #[test]
    fn the_source_text_beside_a_sentence_shows_the_path_whole() {
        let lines = [
            (
                // de-de, Windows Search docs.
                r#"<span data-ttu-id="7bec0-108">Der WDS-Installationspfad wird in der Registrierungs Einstellung INSTALLDIR unter HKEY_LOCAL_MACHINE \\ Software \\ Microsoft \\ Windows-Desktop Suche angegeben.</span><span class="sxs-lookup"><span data-stu-id="7bec0-108">The WDS installation path is specified in the InstallDir registry setting under HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows Desktop Search.</span></span>"#,
                "HKEY_LOCAL_MACHINE \\ Software \\ Microsoft \\ Windows",
                true,
            ),
            (
                // tr-tr, .NET docs.
                r#"<span data-ttu-id="a4687-201">Windows kayıt defterindeki **HKEY_LOCAL_MACHINE \\ Software \\ Microsoft \\ net Framework Setup \\ NDP \\ v4 \\ Full** alt anahtarına erişmek için.</span><span class="sxs-lookup"><span data-stu-id="a4687-201">Use the methods to access the **HKEY_LOCAL_MACHINE\\Software\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full** subkey in the Windows registry.</span></span>"#,
                "HKEY_LOCAL_MACHINE \\ Software \\ Microsoft \\ net Framework Setup \\ NDP \\ v4 \\ Full",
                false,
            ),
            (
                // nl-nl, PowerShell docs: `Microsoft` made two words.
                r#"<span data-ttu-id="c1e1a-122">De register sleutel **HKEY_LOCAL_MACHINE \\ Software van \\ micro soft \\ Windows \\ CurrentVersion \\ Run** bevat doorgaans.</span><span class="sxs-lookup"><span data-stu-id="c1e1a-122">The registry key **HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows\\CurrentVersion\\Run** usually contains.</span></span>"#,
                "\\ Windows \\ CurrentVersion \\ Run",
                false,
            ),
        ];
        for (line, split, whole) in lines {
            let b = block(line);
            assert!(b.spaced(), "{line}");
            let source: Vec<&Path> = b.paths.iter().filter(|p| p.hidden).collect();
            assert_eq!(source.len(), 1, "{line}");
            let path = source[0];
            assert!(!Searched::new(&b).writes(path));
            let run = b.search(path).expect(split);
            assert_eq!(&b.plain[run.span.clone()], split);
            assert_eq!(run.whole, whole, "{split}");
        }
    }

    #[test]
    fn split_paths_are_found_beside_their_parts() {
        let key = path("Software\\Microsoft\\WBEM\\WDMProvider");
        // de-de: parts all there, a backslash moved: fixed.
        let de = block("Wert von **\\\\ Software Microsoft \\\\ WBEM \\\\ WDMProvider** ist.");
        let run = de.search(&key).expect("de-de");
        assert_eq!(
            &de.plain[run.span.clone()],
            "\\ Software Microsoft \\ WBEM \\ WDMProvider"
        );
        assert!(run.whole);
        // zh-tw: `Software` translated: told, not fixed.
        let zh = block("或 **軟體 \\\\ Microsoft \\\\ WBEM \\\\ WDMProvider** 登錄");
        let run = zh.search(&key).expect("zh-tw");
        assert_eq!(
            &zh.plain[run.span.clone()],
            "\\ Microsoft \\ WBEM \\ WDMProvider"
        );
        assert!(!run.whole);
        let ns = path("\\\\root\\wmi");
        let zh = block("類別位於 \\\\ \\\\ 根 \\\\ wmi 命名空間中。");
        let run = zh.search(&ns).expect("zh-tw namespace");
        assert_eq!(&zh.plain[run.span.clone()], "\\ \\ 根 \\ wmi");
        assert!(!run.whole);
        let de = block("befinden sich im \\\\ \\\\ \\\\ wmi-Stammnamespace.");
        assert_eq!(
            &de.plain[de.search(&ns).expect("de-de").span],
            "\\ \\ \\ wmi"
        );
        // Written whole, or a folder after a space: nothing split.
        assert!(
            block("im \\\\\\\\root\\\\wmi-Namespace")
                .search(&ns)
                .is_none()
        );
        let folder = path("\\Reports\\Daily");
        assert!(
            block("im Verzeichnis \\Reports oder Daily")
                .search(&folder)
                .is_none()
        );
        // A hard line break is no backslash of a path.
        assert!(block("root\\\nwmi").search(&ns).is_none());
    }
}
