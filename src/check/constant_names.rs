//! `constant-name-mismatch`: a constant's name in a values table that is
//! not the name its own row's anchor keeps.
//!
//! Win32's reference pages list a type's constants in a table whose first
//! cell holds anchors named after the constant, then the name and its
//! value: `<span id="WTNCA_NODRAWCAPTION"></span><span
//! id="wtnca_nodrawcaption"></span><dl> <dt>**WTNCA\_NODRAWCAPTION**</dt>
//! <dt>0x00000001</dt> </dl>`. Machine translation leaves the anchors
//! alone (they are markup) and translates the name: the real ru-ru
//! `WTNCA` page spells every constant in Cyrillic letters (`**Втнка \_
//! НОДРАВКАПТИОН**`), other locales split them at their underscores
//! (`WTNCA \_ NODRAWCAPTION`) or translate their words (fr-fr's `Point de
//! terminaison \_ \_ \_ Volume de support matériel` for
//! `ENDPOINT_HARDWARE_SUPPORT_VOLUME`). The anchor is the evidence, in the
//! same cell, and the fix: the name, as the source writes it (`\_` for
//! each underscore).
//!
//! A cell counts when its first anchor names a constant (capitals joined
//! by underscores, or a lower-case prefix before capitals, as
//! `constant-value-mismatch` reads names) and the bold text of the `<dt>`
//! right after the anchors (in the translation a side-by-side page shows)
//! is not that name once its backslashes are dropped. A name
//! that machine translation glued to the value (de-de's `**WTNCA \_
//! NODRAWCAPTION-0x00000001**</dt> <dt></dt>`) is told without a fix:
//! writing the name alone would lose the value. A split the rule
//! `split-identifier` also finds on the line is the same problem, shown
//! as a note of this finding (`merge.rs`).

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Finding;

use super::Context;
use super::constant_values::constant_like;

/// A values table's first cell: the anchors (group `id`, the first),
/// `<dl>`, on a side-by-side page the shown translation's span, and the
/// first `<dt>`'s bold text (group `name`).
static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"<span id="(?P<id>[^"<>]+)"></span>(?:<span id="[^"<>]*"></span>)*"#,
        r#"[\x20\t]*<dl>[\x20\t]*(?:<span data-ttu-id="[^"<>]*">)?"#,
        r#"<dt>\*\*(?P<name>[^*<>|]+?)\*\*</dt>"#,
    ))
    .expect("the cell pattern is valid")
});

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let text = page.source.text.as_str();
        let body = page.source.body_start.min(text.len());
        let mut out = Vec::new();
        let mut done = 0;
        for at in memchr::memmem::find_iter(&text.as_bytes()[body..], b"<dt>**") {
            let at = body + at;
            if at < done {
                continue;
            }
            let start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |n| n + 1);
            let end = memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |n| at + n);
            // Each line once, all its cells (a single-line HTML table
            // holds thousands).
            done = end;
            let Some(line) = text.get(start..end) else {
                continue;
            };
            out.extend(
                CELL.captures_iter(line)
                    .filter_map(|caps| cell(cx, p, start, &caps)),
            );
        }
        out
    })
}

/// The finding for the values table cell `caps` matched on the line at
/// byte `start` of page `p`, if its name is not its anchor's.
fn cell(cx: &Context, p: usize, start: usize, caps: &regex::Captures) -> Option<Finding> {
    let (id, name) = (caps.name("id")?, caps.name("name")?);
    let (id, written) = (id.as_str(), name.as_str());
    let unescaped = written.replace('\\', "");
    if !constant_like(id) || unescaped == id {
        return None;
    }
    let joined: String = unescaped
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}'))
        .collect();
    let span = start + name.start()..start + name.end();
    let glued = written.contains("0x") || written.contains("0X");
    let mut finding = Finding::warning(
        "constant-name-mismatch",
        cx.location(p, span.clone()),
        format!(
            "`{written}` is not `{id}`, the constant its row's anchor names: machine translation {}",
            if glued {
                "glued the value to the name"
            } else if joined == id {
                "split the name at its underscores"
            } else if joined.eq_ignore_ascii_case(id) {
                "changed the name's letter case"
            } else {
                "translated the name"
            }
        ),
    );
    let escaped = id.replace('_', "\\_");
    if glued {
        finding = finding.with_help(format!(
            "write `**{escaped}**` in this `<dt>` and the value in the next, as the source does"
        ));
    } else {
        finding = finding
            .with_help(format!(
                "write the name as the anchor and the source write it: `{escaped}`; constant names are code, which readers search for and copy"
            ))
            .with_fix(cx.edit(p, span, escaped));
    }
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(line: &str) -> Option<(String, String)> {
        let caps = CELL.captures(line)?;
        Some((caps["id"].to_owned(), caps["name"].to_owned()))
    }

    #[test]
    fn cells_give_their_anchor_and_name() {
        assert_eq!(
            matched(
                r#"| <span id="WTNCA_NODRAWICON"></span><span id="wtnca_nodrawicon"></span><dl> <dt>**Втнка \_ НОДРАВИКОН**</dt> <dt>0x00000002</dt> </dl> | x |"#
            ),
            Some(("WTNCA_NODRAWICON".into(), r"Втнка \_ НОДРАВИКОН".into()))
        );
        // The shown translation of a side-by-side page.
        assert_eq!(
            matched(
                r#"| <span id="WTNCA_NOSYSMENU"></span><span id="wtnca_nosysmenu"></span><dl> <span data-ttu-id="098e4-113"><dt>**Втнка \_ НОСИСМЕНУ**</dt> <dt>0x00000004</dt></span><span class="sxs-lookup"><span data-stu-id="098e4-113"><dt>**WTNCA\_NOSYSMENU**</dt>"#
            ),
            Some(("WTNCA_NOSYSMENU".into(), r"Втнка \_ НОСИСМЕНУ".into()))
        );
        // No anchor, or text between the anchors and the list.
        assert_eq!(
            matched(r"| <dl> <dt>**WTNCA\_NOSYSMENU**</dt> </dl> |"),
            None
        );
        assert_eq!(
            matched(r#"<span id="A_B"></span> See <dl> <dt>**X**</dt>"#),
            None
        );
    }
}
