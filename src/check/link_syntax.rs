//! `broken-link-syntax`: `[text] (target.md)`, a link that a space between
//! `]` and `(` turned into text. Machine translation inserts that space
//! (real localized repositories have it in Spanish, Korean, Czech,
//! Italian, French, Vietnamese...); the reader then sees the brackets and
//! the path, and an image (`![alt] (media/x.png)`) is not shown at all.
//! Only a destination that looks like one (a path or URL without spaces,
//! a fragment, an optional quoted title) counts, so prose such as
//! "[sic] (see below)" is left alone, and so are code spans and blocks.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::marks::Needle;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let text = &page.source.text;
        let closes = page.source.marks.offsets(Needle::SpacedLink);
        let found = spaced_links(text, page.source.body_start, closes);
        if found.is_empty() {
            return Vec::new();
        }
        found
            .into_iter()
            .filter(|link| !cx.in_code(p, link.whole.start))
            .map(|link| {
                let written = &text[link.whole.clone()];
                let fixed = format!(
                    "{}{}",
                    &text[link.whole.start..link.gap.start],
                    &text[link.gap.end..link.whole.end]
                );
                let what = if written.starts_with('!') { "image" } else { "link" };
                Finding::error(
                    "broken-link-syntax",
                    cx.location(p, link.whole.clone()),
                    format!(
                        "`{written}` is no {what}: the space between `]` and `(` makes it text, brackets and path shown"
                    ),
                )
                .with_help(format!("remove the space: `{fixed}`"))
                .with_fix(cx.edit(p, link.gap.clone(), String::new()))
            })
            .collect()
    })
}

/// A `[text] (destination)` found in a page: the whole of it, from `[`
/// (or `!`) to `)`, and the blanks between `]` and `(`.
struct SpacedLink {
    whole: Range<usize>,
    gap: Range<usize>,
}

/// `closes` are where `text` has `] (`, in order ([`crate::marks`]).
fn spaced_links(
    text: &str,
    body_start: usize,
    closes: impl Iterator<Item = usize>,
) -> Vec<SpacedLink> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for close in closes {
        if close < body_start {
            continue;
        }
        let Some(open) = opening_bracket(bytes, close) else {
            continue;
        };
        let paren = close + 2;
        let Some(end) = destination_end(text, paren + 1) else {
            continue;
        };
        let start = if open > 0 && bytes[open - 1] == b'!' {
            open - 1
        } else {
            open
        };
        // `\[text\] (...)` is escaped on purpose.
        if open > 0 && bytes[open - 1] == b'\\' {
            continue;
        }
        out.push(SpacedLink {
            whole: start..end,
            gap: close + 1..paren,
        });
    }
    out
}

/// The `[` that `]` at `close` closes, on the same line, with text between.
fn opening_bracket(bytes: &[u8], close: usize) -> Option<usize> {
    let mut depth = 0usize;
    for j in (0..close).rev() {
        match bytes[j] {
            b'\n' => return None,
            b']' => depth += 1,
            b'[' if depth == 0 => return (j + 1 < close).then_some(j),
            b'[' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Where a link destination that starts at `from` ends (after its `)`),
/// if it looks like one: a path, URL or fragment without spaces, then an
/// optional quoted title.
fn destination_end(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let close = line.find(')')?;
    let inside = &line[..close];
    let (target, title) = match inside.split_once(char::is_whitespace) {
        Some((target, title)) => (target, title.trim()),
        None => (inside, ""),
    };
    let titled =
        title.is_empty() || (title.len() >= 2 && title.starts_with('"') && title.ends_with('"'));
    let pathlike = target.starts_with('#')
        || target.starts_with("http://")
        || target.starts_with("https://")
        || target.starts_with('/')
        || target.starts_with("./")
        || target.starts_with("../")
        || target.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (1..=5).contains(&ext.split(['#', '?']).next().map_or(0, str::len))
                && ext.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        });
    (titled && pathlike && !target.is_empty()).then_some(from + close + 1)
}

#[cfg(test)]
mod tests {
    use super::spaced_links;

    fn found(text: &str) -> Vec<&str> {
        spaced_links(
            text,
            0,
            crate::marks::Marks::of(text).offsets(crate::marks::Needle::SpacedLink),
        )
        .into_iter()
        .map(|l| &text[l.whole])
        .collect()
    }

    #[test]
    fn links_and_images_split_by_a_space() {
        assert_eq!(
            found(
                "según la [requiredness de la relación] (../modeling/relationships.md#required).\n"
            ),
            ["[requiredness de la relación] (../modeling/relationships.md#required)"]
        );
        assert_eq!(
            found("![Ve výstupním okně. ] (../media/out.png \"Output\")"),
            ["![Ve výstupním okně. ] (../media/out.png \"Output\")"]
        );
        assert_eq!(
            found("[이전] (net-container-os-targets.md)"),
            ["[이전] (net-container-os-targets.md)"]
        );
        assert_eq!(
            found("see [the docs] (https://example.com/a)"),
            ["[the docs] (https://example.com/a)"]
        );
        assert_eq!(found("[a [b] c] (x.md)"), ["[a [b] c] (x.md)"]);
    }

    #[test]
    fn prose_and_escapes_are_not() {
        assert!(found("He said [sic] (see below).").is_empty());
        assert!(found("[1] (2020)").is_empty());
        assert!(found("\\[Installing\\] (../cli/install.md)").is_empty());
        assert!(found("a] (x.md)").is_empty());
        assert!(found("[text](x.md)").is_empty());
        assert!(found("[x] (e.g. this)").is_empty());
    }
}
