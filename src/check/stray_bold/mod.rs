//! `stray-bold`: `**` that a page shows as two asterisks, bold that never
//! opened or closed. Markdown opens bold only where `**` is followed by a
//! non-space and closes it where a non-space precedes it; machine
//! translation moves the spaces inside (the real fr-fr C++ `/EH` page
//! writes `** extern **`), and a backslash before the closing `**` escapes
//! it (`**systemroot\System32\Drivers\**`, as the real `route` pages in
//! three locales write); where that leaves one asterisk to close with,
//! it pairs with the opener's second as italics and the opener's first
//! shows (win32's de-de `Typ: **ulong \** _` reads `*ulong *`). A `**`
//! between a letter and punctuation opens or
//! closes nothing either (`为**`/EHs`**`: CommonMark wants a space or
//! punctuation before an opener that punctuation follows), which is how
//! Chinese and Japanese translations, written without spaces, lose their
//! bold on every CommonMark renderer, DocFX's markdig included. Found in
//! the parse pass, from the text pulldown-cmark reads as text and the
//! source writes as `**`: an escaped `\*\*` and code are left alone, as
//! is a glob (`**/*.md`). Two bold runs written against each other read
//! as one run with four asterisks inside: the real ko-kr `HASHBYTES`
//! page's `**@input****varchar**`, where the source writes "**@input** is
//! **varchar**", shows `@input****varchar` in bold.
//!
//! `check --fix` closes up the spaces inside the markers, and puts a space
//! between two bold runs written together, where parsing the page again
//! confirms the bold (`fix.rs`).

mod fix;

use crate::diagnostic::Finding;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let text = &page.source.text;
        // Per line with a stray `**` (one finding per line: a broken pair
        // shows both halves): the first stray, the line, and what keeps
        // its markers from pairing.
        let mut lines: Vec<(usize, std::ops::Range<usize>, Kind)> = Vec::new();
        let mut last_line = 0;
        for &at in &page.doc.facts.stray_bold {
            let line_number = cx.line(p, at);
            if line_number == last_line {
                continue;
            }
            last_line = line_number;
            let line = super::switches::line_of(text, at);
            let kind = line_kind(text, &line);
            lines.push((at, line, kind));
        }
        // The lines a fix may mend: bold runs written together, and
        // markers a space keeps from pairing. Two runs together are what
        // is wrong only where setting them apart clears the line.
        let candidates: Vec<(usize, (std::ops::Range<usize>, bool))> = lines
            .iter()
            .enumerate()
            .filter_map(|(i, (_, line, kind))| {
                let adjacent = !fix::adjacent_runs(&text[line.clone()]).is_empty();
                (adjacent || *kind == Kind::Other).then(|| (i, (line.clone(), adjacent)))
            })
            .collect();
        let mut fixes: Vec<Vec<fix::Edit>> = vec![Vec::new(); lines.len()];
        if !candidates.is_empty() {
            let to_fix: Vec<_> = candidates.iter().map(|(_, l)| l.clone()).collect();
            let edits = fix::certain(text, page.source.body_start, &page.doc, &to_fix);
            for ((i, (_, adjacent)), edits) in candidates.into_iter().zip(edits) {
                if adjacent && !edits.is_empty() {
                    lines[i].2 = Kind::Adjacent;
                }
                fixes[i] = edits;
            }
        }
        lines
            .into_iter()
            .zip(fixes)
            .map(|((at, line, kind), edits)| {
                let (span, message) = match kind {
                    Kind::Adjacent => (
                        fix::adjacent_runs(&text[line.clone()])
                            .first()
                            .map_or(at..at + 2, |r| line.start + r.start..line.start + r.end),
                        "`****` shows as four asterisks: two bold runs written against each other read as one",
                    ),
                    _ => (
                        at..at + 2,
                        "`**` shows as two asterisks: bold that does not open or close here",
                    ),
                };
                let fix = edits
                    .into_iter()
                    .map(|(range, replacement)| cx.edit(p, range, replacement.to_owned()))
                    .collect::<Option<Vec<_>>>()
                    .unwrap_or_default();
                Finding::warning("stray-bold", cx.location(p, span), message)
                    .with_help(help(kind))
                    .with_fix(fix)
            })
            .collect()
    })
}

/// What keeps the `**`s of `line` (a range of `text`) from pairing, by
/// what stands around each: the one reported is the first, which may be
/// a well-formed opener whose closer is the broken one
/// (`**systemroot\\System32\\**carpeta`).
fn line_kind(text: &str, line: &std::ops::Range<usize>) -> Kind {
    let kinds: Vec<Kind> = memchr::memmem::find_iter(text[line.clone()].as_bytes(), b"**")
        .map(|i| kind(text, line.start + i))
        .collect();
    if kinds.contains(&Kind::Backslash) {
        Kind::Backslash
    } else if kinds.contains(&Kind::LetterAndPunctuation) {
        Kind::LetterAndPunctuation
    } else {
        Kind::Other
    }
}

/// What to do about a line's stray `**`, by its [`line_kind`].
fn help(kind: Kind) -> &'static str {
    match kind {
        Kind::Backslash => {
            "end the bold with `**` after a letter, not a backslash (`**folder\\**` escapes its `*`); or escape both asterisks (`\\*\\*`) if they are meant"
        }
        Kind::LetterAndPunctuation => {
            "a `**` between a letter and punctuation (`为**`/EHs`**`, `**真，**她`) opens or closes no bold in CommonMark: put a space on the letter's side (`为 **`/EHs`**`), or move the punctuation out of the bold"
        }
        Kind::Adjacent => {
            "put a space, or the word the sentence needs, between the two bold runs (`**@input** **varchar**`, not `**@input****varchar**`); or escape the asterisks (`\\*`) if they are meant"
        }
        Kind::Other => {
            "write the markers against the bold text (`**extern**`, not `** extern **`); or escape them (`\\*\\*`) if the asterisks are meant"
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `**a****b**`: a closer and an opener written together.
    Adjacent,
    Backslash,
    LetterAndPunctuation,
    Other,
}

/// What stands around the `**` at `at`.
fn kind(text: &str, at: usize) -> Kind {
    let before = text[..at].chars().next_back();
    let after = text.get(at + 2..).and_then(|t| t.chars().next());
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let punctuation =
        |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace() && c != '*');
    if before == Some('\\') {
        Kind::Backslash
    } else if (letter(before) && punctuation(after)) || (punctuation(before) && letter(after)) {
        Kind::LetterAndPunctuation
    } else {
        Kind::Other
    }
}

#[cfg(test)]
mod tests {
    fn help(text: &str, at: usize) -> &'static str {
        super::help(super::line_kind(
            text,
            &super::super::switches::line_of(text, at),
        ))
    }

    #[test]
    fn the_help_fits_what_stands_around_the_asterisks() {
        assert!(help("a ** extern ** b", 2).starts_with("write the markers"));
        assert!(help("**Drivers\\**carpeta", 0).starts_with("end the bold"));
        assert!(help("ok **local\\* ** b", 3).starts_with("write the markers"));
        assert!(help("声明为**`/EHs`**", 9).starts_with("a `**` between a letter and punctuation"));
        assert!(help("**真，**她", 8).starts_with("a `**` between"));
    }
}
