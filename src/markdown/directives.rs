//! DocFX's line-level syntax, found before pulldown-cmark sees the page:
//! triple-colon blocks (`:::image ...:::`, `::: zone pivot="x"`, ...),
//! includes (`[!INCLUDE [t](path.md)]`) and code references
//! (`[!code-cs[](file.cs#L1-L5)]`).
//!
//! CommonMark has no notion of these, and some of them open or close a
//! container around ordinary Markdown (`::: zone` ... `::: zone-end`), so
//! they cannot be recognised in the event stream. Instead each one is
//! *masked*: its bytes are replaced by an HTML comment of the same length
//! (`<!--      -->`). A comment is an HTML block that may interrupt a
//! paragraph, or inline HTML inside one, so the Markdown around it parses
//! as it would in DocFX; every offset stays the offset in the file; and
//! the parse and render passes find each directive again by the offset of
//! its comment. Lines inside fenced code and text inside code spans are
//! left alone, so documentation about this syntax still shows it.

use std::ops::Range;

/// One DocFX directive and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: Kind,
    /// Byte range in the file (the masked bytes).
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `[!INCLUDE [title](target)]`; `inline` when it shares its line with text.
    Include { target: String, inline: bool },
    /// `[!code-lang[title](target)]`: a snippet read from a file.
    CodeRef { lang: String, target: String },
    /// A triple-colon block on one line, `:::name attrs:::`. Containers
    /// (`zone`, `moniker`, `row`, `column`, complex `image`) open here.
    Block {
        name: String,
        attrs: Vec<(String, String)>,
    },
    /// `::: zone-end`, `:::row-end:::`, ...: the end of container `name`.
    End { name: String },
    /// `:::name ...:::` with a name DocFX does not know: left as text, reported.
    Unknown { name: String },
}

impl Directive {
    /// The value of attribute `key` of a triple-colon block.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match &self.kind {
            Kind::Block { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// The file or address the directive takes its content from: an
    /// include's or code reference's target, the `source` of an image,
    /// video or code block. Translations keep these as they are.
    pub fn source(&self) -> Option<&str> {
        match &self.kind {
            Kind::Include { target, .. } | Kind::CodeRef { target, .. } => Some(target),
            Kind::Block { name, .. } if matches!(name.as_str(), "image" | "video" | "code") => {
                self.attr("source")
            }
            _ => None,
        }
    }

    /// Whether this block opens a container that an `-end` closes.
    pub fn is_container(&self) -> bool {
        match &self.kind {
            Kind::Block { name, .. } => match name.as_str() {
                "zone" | "moniker" | "row" | "column" => true,
                "image" => self.attr("type") == Some("complex"),
                _ => false,
            },
            _ => false,
        }
    }
}

/// Triple-colon extensions DocFX knows. Others stay visible text, and
/// the checks report them.
pub const KNOWN_BLOCKS: &[&str] = &[
    "image", "video", "code", "zone", "moniker", "row", "column", "no-loc",
];

/// Cheap test before the line scan: most pages use none of this syntax.
fn may_have_directives(text: &str) -> bool {
    // `[!` alone is no sign: every `> [!NOTE]` alert has it. memchr's
    // SIMD search: std's took a tenth of the parse stage on the bench.
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, b":::").is_some()
        || memchr::memmem::find_iter(bytes, b"[!").any(|i| {
            let word = bytes.get(i + 2..).unwrap_or_default();
            starts_with_ignore_case(word, b"include") || starts_with_ignore_case(word, b"code")
        })
}

fn starts_with_ignore_case(text: &[u8], prefix: &[u8]) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// Finds the directives of `text[body_start..]` (offsets in `text`).
pub fn find(text: &str, body_start: usize) -> Vec<Directive> {
    let body = &text[body_start..];
    if !may_have_directives(body) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut offset = body_start;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = strip_container_prefix(line);
        if let Some(marker) = fence_marker(content) {
            match fence {
                None => fence = Some(marker),
                Some((ch, len)) if marker.0 == ch && marker.1 >= len && is_closing(content) => {
                    fence = None
                }
                Some(_) => {}
            }
            continue;
        }
        if fence.is_some() {
            continue;
        }
        let indent = line.len() - content.len();
        scan_line(
            content.trim_end_matches(['\n', '\r']),
            start + indent,
            &mut found,
        );
    }
    found
}

/// `text` with every directive masked by a comment of the same length.
pub fn mask(text: &str, directives: &[Directive]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for d in directives {
        if d.span.start < at || d.span.end > text.len() || matches!(d.kind, Kind::Unknown { .. }) {
            continue;
        }
        out.push_str(&text[at..d.span.start]);
        let len = d.span.end - d.span.start;
        out.push_str("<!--");
        out.extend(std::iter::repeat_n(' ', len.saturating_sub(7)));
        out.push_str("-->");
        at = d.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Leading blockquote markers and spaces: a directive may sit in a quote or a list.
fn strip_container_prefix(line: &str) -> &str {
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches([' ', '\t']);
        match trimmed.strip_prefix('>') {
            Some(after) => rest = after,
            None => return trimmed,
        }
    }
}

/// A fence line's character and length: "```" or "~~~".
fn fence_marker(line: &str) -> Option<(u8, usize)> {
    let ch = *line.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == ch).count();
    (len >= 3).then_some((ch, len))
}

fn is_closing(line: &str) -> bool {
    line.trim_start_matches(['`', '~']).trim().is_empty()
}

/// Directives on one line (fences already excluded); `at` is the line's offset.
fn scan_line(line: &str, at: usize, found: &mut Vec<Directive>) {
    if let Some(rest) = line.strip_prefix(":::") {
        if let Some(d) = triple_colon(rest) {
            found.push(Directive {
                kind: d,
                span: at..at + line.trim_end().len(),
            });
        }
        return;
    }
    let mut from = 0;
    while let Some(pos) = line[from..].find("[!") {
        let start = from + pos;
        from = start + 2;
        if in_code_span(&line[..start]) {
            continue;
        }
        let Some((kind, len)) = bracket_directive(&line[start..]) else {
            continue;
        };
        let whole_line = line[..start].trim().is_empty() && line[start + len..].trim().is_empty();
        let kind = match kind {
            Kind::Include { target, .. } => Kind::Include {
                target,
                inline: !whole_line,
            },
            Kind::CodeRef { .. } if !whole_line => continue,
            other => other,
        };
        found.push(Directive {
            kind,
            span: at + start..at + start + len,
        });
        from = start + len;
    }
}

/// An odd number of backticks before a position: inside a code span.
fn in_code_span(before: &str) -> bool {
    before.bytes().filter(|&b| b == b'`').count() % 2 == 1
}

/// `rest` follows the opening `:::` of a line.
fn triple_colon(rest: &str) -> Option<Kind> {
    let rest = rest.trim();
    let rest = rest.strip_suffix(":::").unwrap_or(rest).trim_end();
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let name = rest[..name_end].to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    if let Some(base) = name.strip_suffix("-end")
        && KNOWN_BLOCKS.contains(&base)
    {
        return Some(Kind::End {
            name: base.to_owned(),
        });
    }
    if name == "no-loc" {
        // Inline text, replaced where it stands (see `body`).
        return None;
    }
    if !KNOWN_BLOCKS.contains(&name.as_str()) {
        return Some(Kind::Unknown { name });
    }
    Some(Kind::Block {
        name,
        attrs: attributes(&rest[name_end..]),
    })
}

/// `key="value" key='value' key=value flag` pairs, in order.
pub fn attributes(text: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_owned();
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                    Some(end) => (&after[1..1 + end], &after[end + 2..]),
                    None => (&after[1..], ""),
                },
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            rest = next.trim_start();
            value.to_owned()
        } else {
            String::new()
        };
        if key.is_empty() {
            // A stray `=` or quote: skip one character and go on.
            let mut chars = rest.chars();
            chars.next();
            rest = chars.as_str().trim_start();
            continue;
        }
        attrs.push((key, value));
    }
    attrs
}

/// `[!INCLUDE [title](target)]` or `[!code-lang[title](target)]` at the
/// start of `text`, and its length.
fn bracket_directive(text: &str) -> Option<(Kind, usize)> {
    let after = &text[2..];
    let word_end = after
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(after.len());
    let word = after[..word_end].to_ascii_lowercase();
    let rest = after[word_end..].trim_start();
    let (target, inner_len) = link(rest)?;
    let close = rest[inner_len..].strip_prefix(']')?;
    let len = text.len() - close.len();
    if word == "include" {
        return Some((
            Kind::Include {
                target,
                inline: false,
            },
            len,
        ));
    }
    let lang = word.strip_prefix("code")?;
    let lang = lang.strip_prefix('-').unwrap_or(lang).to_owned();
    Some((Kind::CodeRef { lang, target }, len))
}

/// `[title](target "optional title")` at the start of `text`: the target and the length.
fn link(text: &str) -> Option<(String, usize)> {
    let rest = text.strip_prefix('[')?;
    let mut depth = 1;
    let mut close = None;
    for (i, c) in rest.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let after_title = &rest[close? + 1..];
    let inside = after_title.strip_prefix('(')?;
    let end = inside.find(')')?;
    let dest = inside[..end].trim();
    let dest = dest
        .split_once([' ', '\t'])
        .map_or(dest, |(d, _)| d)
        .trim_matches(['<', '>']);
    let len = text.len() - inside[end + 1..].len();
    Some((dest.to_owned(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(md: &str) -> Vec<(Kind, &str)> {
        find(md, 0)
            .into_iter()
            .map(|d| {
                let text = &md[d.span.clone()];
                (d.kind, text)
            })
            .collect()
    }

    #[test]
    fn finds_block_and_inline_includes_any_case() {
        let md = "[!INCLUDE [t](../includes/a.md)]\n\nText [!include[x](b.md)] more.\n";
        let found = kinds(md);
        assert_eq!(
            found,
            vec![
                (
                    Kind::Include {
                        target: "../includes/a.md".into(),
                        inline: false
                    },
                    "[!INCLUDE [t](../includes/a.md)]"
                ),
                (
                    Kind::Include {
                        target: "b.md".into(),
                        inline: true
                    },
                    "[!include[x](b.md)]"
                ),
            ]
        );
    }

    #[test]
    fn finds_triple_colon_blocks_with_attributes() {
        let md = "::: zone pivot=\"windows\"\ntext\n::: zone-end\n:::image type=\"content\" source=\"a.png\" alt-text=\"An image\" border:::\n";
        let found = find(md, 0);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].attr("pivot"), Some("windows"));
        assert!(found[0].is_container());
        assert_eq!(
            found[1].kind,
            Kind::End {
                name: "zone".into()
            }
        );
        assert_eq!(found[2].attr("alt-text"), Some("An image"));
        assert_eq!(found[2].attr("border"), Some(""));
        assert!(!found[2].is_container());
    }

    #[test]
    fn code_is_left_alone() {
        let md = "```md\n:::image source=\"a.png\":::\n[!INCLUDE [t](a.md)]\n```\nUse `[!INCLUDE [t](a.md)]` inline.\n";
        assert!(find(md, 0).is_empty());
    }

    #[test]
    fn masking_keeps_every_offset() {
        let md = "a\n:::row:::\nb [!include[x](b.md)] c\n";
        let found = find(md, 0);
        let masked = mask(md, &found);
        assert_eq!(masked.len(), md.len());
        assert_eq!(masked, "a\n<!--  -->\nb <!--            --> c\n");
    }

    #[test]
    fn code_references_need_their_own_line() {
        let found = kinds("[!code-powershell[](snippets/a.ps1?range=2-4)]\n");
        assert_eq!(
            found[0].0,
            Kind::CodeRef {
                lang: "powershell".into(),
                target: "snippets/a.ps1?range=2-4".into()
            }
        );
    }
}
