//! Where a block writes a path split: the run of backslashes and the
//! path's parts that stands for it, searched once per distinct path.

use std::ops::Range;

use rustc_hash::FxHashSet;

use super::block::{Block, Path, Seen};

/// Where a path stands split in a block's plain text.
pub(super) struct Run {
    pub(super) span: Range<usize>,
    /// Its parts alone, all of them, in order, with backslashes and
    /// spaces between: the path, nothing translated.
    pub(super) whole: bool,
}

impl Block {
    /// The run of backslashes and `path`'s parts, a backslash spaced,
    /// that stands for `path` here; the one with most parts.
    pub(super) fn run_of(&self, path: &Path, searched: &Searched) -> Option<Run> {
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
pub(super) struct Searched {
    /// The block's plain text in lower case, searched for each part.
    lower: String,
    /// Where readers see a backslash that is no hard line break.
    backslashes: Vec<usize>,
    /// The paths readers see the block write whole, in lower case.
    whole: FxHashSet<String>,
}

impl Searched {
    pub(super) fn new(block: &Block) -> Searched {
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
    pub(super) fn writes(&self, path: &Path) -> bool {
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
            // Characters, not bytes: `遠端偵錯程式` is "Remote Debugger".
            if word.chars().count() <= 12
                && !word.contains(|c: char| {
                    c.is_ascii_punctuation() || "。，、；：「」『』（）“”«»„".contains(c)
                }) =>
        {
            Some(true)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::block::tests::{block, path};
    use super::*;

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

    /// Backslashes, escapes, code spans and characters of several bytes
    /// in any order: every place read maps back into the text, and the
    /// backslashes a path's parts reach give the runs every backslash
    /// gives.
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
