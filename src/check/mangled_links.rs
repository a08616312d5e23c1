//! `mangled-link-text`: a link whose text is its own target as machine
//! translation left it (`[. /manage-apps/application-sign-in-problem-
//! federated-sso-gallery.md # 사용자가 할당 되지 않음-역할](../manage-apps/
//! application-sign-in-problem-federated-sso-gallery.md#user-not-assigned-
//! a-role)`, the real ko-kr AADSTS error codes page of azure-docs).
//!
//! Some source pages write a path as the text of its link. Machine
//! translation reads it as words: it puts a space after the dot of `../`
//! (`. /manage-apps`), around the `#` of the anchor, translates the anchor
//! and moves a word of the sentence into the text (`하세요. /azuread-dev/
//! ...`). Readers see the debris. The target itself is unharmed, so no
//! link rule sees it, and neither do comparisons between locales when the
//! page exists in one. The page's own evidence is enough: the text holds
//! the target's file name, and around it the target's path with a space
//! inside (`. /x/` for `../x/`: a dot, a space, the rest of the path) or
//! the anchor after a space (`x.md # ...`). A text that names the file in a sentence, the path as
//! written, or the file alone, is left alone.

use crate::diagnostic::Finding;
use crate::site::Page;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| mangled(cx, p, page))
}

fn mangled(cx: &Context, p: usize, page: &Page) -> Vec<Finding> {
    super::file_links(page)
        .filter_map(|found| {
            let (link, target, path, file) = (found.link, found.target, found.path, found.file);
            // A mangled path keeps a `/` or a `#`; prose has neither.
            let plain = page.doc.facts.link_text(link).as_bytes();
            if !file.contains('.')
                || file.len() < 6
                || memchr::memchr2(b'/', b'#', plain).is_none()
            {
                return None;
            }
            let written = found.written(page)?;
            let at = written.find(file)?;
            let (before, after) = (&written[..at], &written[at + file.len()..]);
            // The path as the text writes it: the run of path characters
            // before the file name.
            let run = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_alphanumeric() || "._-/".contains(*c))
                .last()
                .map_or(before.len(), |(i, _)| i);
            let folders = &before[run..];
            let spaced_path = folders.starts_with('/')
                && path.len() > folders.len() + file.len()
                && path.ends_with(&format!("{folders}{file}"))
                && before[..run].ends_with(char::is_whitespace)
                && before[..run].trim_end().ends_with('.');
            let spaced_anchor = after.starts_with(char::is_whitespace)
                && after.trim_start().starts_with('#');
            if !(spaced_path || spaced_anchor) {
                return None;
            }
            let shown = written.trim();
            let start = link.text_offset + (written.len() - written.trim_start().len());
            Some(
                Finding::warning(
                    "mangled-link-text",
                    cx.location(p, start..start + shown.len()),
                    format!(
                        "this link text is its target as machine translation left it: `{shown}` for `{target}`"
                    ),
                )
                .with_help(format!(
                    "write the target as the link text, `{target}`, or the title of the page or section it leads to"
                )),
            )
        })
        .collect()
}
