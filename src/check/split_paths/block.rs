//! A block of a page as readers see its characters, and the paths it
//! writes whole: what `split-path` compares.

use std::ops::Range;

/// A block's text as readers see its characters (Markdown's backslash
/// escapes taken out), where each byte was in the page, and the paths it
/// writes whole.
pub(super) struct Block {
    pub(super) plain: String,
    /// Per byte of `plain`, and one past its end: the page offset.
    pub(super) offsets: Vec<usize>,
    /// Per byte of `plain`: what it is part of.
    pub(super) seen: Vec<Seen>,
    pub(super) paths: Vec<Path>,
}

/// What a byte of a block is part of.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Seen {
    /// The translation's text.
    Shown,
    /// A code span, shown as written.
    Code,
    /// The source text a side-by-side page keeps beside each sentence,
    /// hidden (`<span class="sxs-lookup"><span data-stu-id="…">`).
    Hidden,
}

/// A path written whole: `Software\Microsoft\WBEM`, `\\root\wmi`.
pub(super) struct Path {
    /// As readers see it.
    pub(super) plain: String,
    /// Where, in the block's plain text.
    pub(super) span: Range<usize>,
    /// Whether in the hidden source text of a side-by-side page.
    pub(super) hidden: bool,
}

impl Path {
    /// Its parts between backslashes.
    pub(super) fn parts(&self) -> impl Iterator<Item = &str> {
        self.plain.split('\\').filter(|p| !p.is_empty())
    }
}

impl Block {
    pub(super) fn read(text: &str, extent: Range<usize>) -> Block {
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
    pub(super) fn spaced(&self) -> bool {
        let bytes = self.plain.as_bytes();
        memchr::memchr_iter(b'\\', bytes).any(|at| {
            self.seen[at] == Seen::Shown && matches!(bytes.get(at + 1), Some(b' ' | b'\t'))
        })
    }

    /// The page's bytes that `span` of the plain text was read from.
    pub(super) fn original(&self, span: Range<usize>) -> Range<usize> {
        let end = match span.end {
            e if e >= self.offsets.len() - 1 => self.offsets[self.offsets.len() - 1],
            // The byte after the span's last starts where that one ends.
            e => self.offsets[e],
        };
        self.offsets[span.start]..end
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
            // `Debugger\` of `\IDE\Remote Debugger\<x86>`: a last part
            // before a placeholder.
            let continues = word.path || text.ends_with('\\');
            if continues && word.bare_start() && words[next - 1].bare_end() && named && !drive {
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
        let beside = beside_placeholders(core_text);
        let core_text = &core_text[beside.clone()];
        let core = start + lead + beside.start..start + lead + beside.end;
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

/// The part of a word's core that can be a path, beside a placeholder:
/// after its `>` and up to the backslash before its `<`, that backslash
/// kept (`<Visual Studio installation directory>\Common7\IDE\Remote
/// Debugger\<x86, x64, or Appx>`, as Visual Studio's docs name folders,
/// is the path `\Common7\IDE\Remote Debugger\`). A placeholder is no part:
/// a translator may translate it, and its words are not the path's.
fn beside_placeholders(core: &str) -> Range<usize> {
    let end = core.find("\\<").map_or(core.len(), |at| at + 1);
    let start = core[..end].rfind(">\\").map_or(0, |at| at + 1);
    start..end
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
pub(super) mod tests {
    use super::*;

    pub(in crate::check::split_paths) fn block(text: &str) -> Block {
        Block::read(text, 0..text.len())
    }

    pub(in crate::check::split_paths) fn path(plain: &str) -> Path {
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

    #[test]
    fn paths_beside_placeholders_leave_the_placeholders_out() {
        // Visual Studio's docs, as de-de writes them.
        let b = block(
            "zu *\\<Visual Studio installation directory\\>\\\\Common7\\\\IDE\\\\Remote Debugger\\\\\\<x86*, *x64*, or *Appx*\\>, and HKLM\\\\SYSTEM\\\\Services\\\\\\<name\\>\\\\Parameters.",
        );
        let found: Vec<&str> = b.paths.iter().map(|p| p.plain.as_str()).collect();
        assert_eq!(
            found,
            [
                "\\Common7\\IDE\\Remote Debugger\\",
                "HKLM\\SYSTEM\\Services\\"
            ]
        );
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
}
