//! `constant-name-mismatch`: a constant's name that is not the name its
//! own anchor keeps.
//!
//! Win32's reference pages list a type's constants in a table whose first
//! cell holds anchors named after the constant, then the name and its
//! value: `<span id="WTNCA_NODRAWCAPTION"></span><span
//! id="wtnca_nodrawcaption"></span><dl> <dt>**WTNCA\_NODRAWCAPTION**</dt>
//! <dt>0x00000001</dt> </dl>`; lists of constants (System Error Codes)
//! put the bold name right after the anchors, alone on its line, and the
//! value below. Machine translation leaves the anchors alone (they are
//! markup) and translates the name: the real ru-ru `WTNCA` page spells
//! every constant in Cyrillic letters (`**Втнка \_ НОДРАВКАПТИОН**`),
//! other locales split them at their underscores (`WTNCA \_
//! NODRAWCAPTION`) or translate their words (fr-fr's `Point de
//! terminaison \_ \_ \_ Volume de support matériel` for
//! `ENDPOINT_HARDWARE_SUPPORT_VOLUME`, de-de's `Fehler \_ erfolgreich` for
//! `ERROR_SUCCESS` on every entry of System Error Codes). The anchor is
//! the evidence, beside the name, and the fix: the name, as the source
//! writes it (`\_` for each underscore).
//!
//! A name counts when its first anchor names a constant (capitals joined
//! by underscores, or a lower-case prefix before capitals, as
//! `constant-value-mismatch` reads names); it is told when it (in the
//! translation a side-by-side page shows) is not that constant once its
//! backslashes are dropped and its other punctuation read as the
//! underscores the anchor made of it ([`anchor_of`]). Bold text followed
//! by more on its line (`**uint8** (14 )`, `**hWnd** \[in\]`) is no name
//! alone. A name that machine translation glued to the value (de-de's
//! `**WTNCA \_ NODRAWCAPTION-0x00000001**</dt> <dt></dt>`) is told without
//! a fix: writing the name alone would lose the value; so is one whose
//! anchor lost punctuation, unless another page of its translation group
//! writes that entry's name whole ([`written_elsewhere`]). A split the
//! rule `split-identifier` also finds on the line is the same problem,
//! shown as a note of this finding (`merge.rs`).

use std::sync::LazyLock;

use regex::Regex;

use crate::diagnostic::Finding;

use super::Context;
use super::constant_values::constant_like;

/// A constant's anchors (group `id`, the first) and the name after them:
/// in a values table's first cell, `<dl>`, on a side-by-side page the
/// shown translation's span, and the first `<dt>`'s bold text (group
/// `name`); in a list of definitions, the bold name right after the
/// anchors, all that is left of the line or of the translation's span
/// (System Error Codes), or the plain name that is all the line holds
/// before its hard break (group `plain`: the debugger docs' `<span
/// id="E_FAIL"></span><span id="e_fail"></span>E\_FAIL  `, a term of a
/// definition list whose description starts on the next line).
static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"<span id="(?P<id>[^"<>]+)"></span>(?:<span id="[^"<>]*"></span>)*"#,
        r#"(?:(?:[\x20\t]*<dl>[\x20\t]*(?:<span data-ttu-id="[^"<>]*">)?<dt>)?"#,
        r#"\*\*(?P<name>[^*<>|]+?)\*\*(?:</dt>|</span>|[\x20\t]*\r?$)"#,
        r#"|(?P<plain>[^\s*<>\[\]`|][^*<>\[\]`|\r\n]*?)\x20{2,}\r?$)"#,
    ))
    .expect("the cell pattern is valid")
});

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let text = page.source.text.as_str();
        let body = page.source.body_start.min(text.len());
        let mut out = Vec::new();
        let mut done = 0;
        // Every name [`CELL`] reads follows an anchor's closing tag.
        for at in memchr::memmem::find_iter(&text.as_bytes()[body..], b"\"></span>") {
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

/// The finding for the constant `caps` matched on the line at byte
/// `start` of page `p`, if its name is not its anchor's.
fn cell(cx: &Context, p: usize, start: usize, caps: &regex::Captures) -> Option<Finding> {
    let id = caps.name("id")?;
    let name = caps.name("name").or_else(|| caps.name("plain"))?;
    let (id, written) = (id.as_str(), name.as_str());
    let unescaped = written.replace('\\', "");
    if !constant_like(id) || anchor_of(&unescaped) == id {
        return None;
    }
    let joined: String = unescaped
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}'))
        .collect();
    let span = start + name.start()..start + name.end();
    let glued = written.contains("0x") || written.contains("0X");
    // An anchor made from a name with punctuation (`HRESULT_FROM_WIN32(
    // ERROR_NOT_FOUND)` gives `HRESULT_FROM_WIN32_ERROR_NOT_FOUND_`) does
    // not say what the punctuation was.
    let lossy = id.ends_with('_') || id.contains("__");
    let mut finding = Finding::warning(
        "constant-name-mismatch",
        cx.location(p, span.clone()),
        format!(
            "`{written}` is not `{id}`, the constant its anchor names: machine translation {}",
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
            "write `**{escaped}**` alone, and the value where the source has it (in a values table, the next `<dt>`)"
        ));
    } else if lossy {
        // The anchor cannot say the name, but another page of the
        // translation group that writes the same entry whole can.
        match written_elsewhere(cx, p, id) {
            Some(whole) => {
                finding = finding
                    .with_help(format!(
                        "write the name as the source writes it: `{whole}`; constant names are code, which readers search for and copy"
                    ))
                    .with_fix(cx.edit(p, span, whole));
            }
            None => {
                finding = finding.with_help(
                    "write the name as the source writes it; constant names are code, which readers search for and copy",
                );
            }
        }
    } else {
        finding = finding
            .with_help(format!(
                "write the name as the anchor and the source write it: `{escaped}`; constant names are code, which readers search for and copy"
            ))
            .with_fix(cx.edit(p, span, escaped));
    }
    Some(finding)
}

/// The name another page of `p`'s translation group writes after the
/// anchor `id`, as it writes it, when that name is the anchor's
/// (`HRESULT\_FROM\_WIN32(ERROR\_ACCESS\_DENIED)` for
/// `HRESULT_FROM_WIN32_ERROR_ACCESS_DENIED_`); the source's first.
fn written_elsewhere(cx: &Context, p: usize, id: &str) -> Option<String> {
    let site = &cx.site;
    let mut others: Vec<usize> = site.translations(p).collect();
    others.sort_by_key(|&q| Some(q) != site.source_page(p));
    let needle = format!("<span id=\"{id}\"></span>");
    others.into_iter().find_map(|q| {
        let text = site.pages[q].source.text.as_str();
        memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()).find_map(|at| {
            let line = &text[at..];
            let line = &line[..line.find('\n').unwrap_or(line.len())];
            let caps = CELL.captures(line)?;
            let name = caps.name("name").or_else(|| caps.name("plain"))?.as_str();
            (&caps["id"] == id && anchor_of(&name.replace('\\', "")) == id).then(|| name.to_owned())
        })
    })
}

/// The anchor Win32's pages make of a name: each character that is no
/// ASCII letter, digit or underscore becomes an underscore.
fn anchor_of(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(line: &str) -> Option<(String, String)> {
        let caps = CELL.captures(line)?;
        let name = caps.name("name").or_else(|| caps.name("plain"))?;
        Some((caps["id"].to_owned(), name.as_str().to_owned()))
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

    #[test]
    fn definitions_give_their_anchor_and_the_name_that_ends_them() {
        // System Error Codes: the name ends the line, or the shown span.
        assert_eq!(
            matched(
                r#"<span id="ERROR_SUCCESS"></span><span id="error_success"></span>**Ошибка при \_ успешном выполнении**"#
            ),
            Some((
                "ERROR_SUCCESS".into(),
                r"Ошибка при \_ успешном выполнении".into()
            ))
        );
        assert_eq!(
            matched(
                r#"<span data-ttu-id="af045-109"><span id="ERROR_SUCCESS"></span><span id="error_success"></span>**Fehler \_ erfolgreich**</span><span class="sxs-lookup">"#
            ),
            Some(("ERROR_SUCCESS".into(), r"Fehler \_ erfolgreich".into()))
        );
        // Bold text that is not all the entry holds is no name alone
        // (WMI's `**uint8** (14 )`, a parameter's `**hWnd** \[in\]`).
        assert_eq!(matched(r#"<span id="UINT8_"></span>**uint8** (14 )"#), None);
        assert_eq!(
            matched(r#"<span id="ERROR_A"></span>**ERROR\_A** and more"#),
            None
        );
        // A plain name, a definition list's term before its hard break.
        assert_eq!(
            matched(r#"<span id="E_FAIL"></span><span id="e_fail"></span>E \_ 失败  "#),
            Some(("E_FAIL".into(), r"E \_ 失败".into()))
        );
        // Plain text without the break, or with markup, is not one.
        assert_eq!(matched(r#"<span id="E_FAIL"></span>E \_ 失败"#), None);
        assert_eq!(
            matched(r#"<span id="E_FAIL"></span>See [E\_FAIL](x.md).  "#),
            None
        );
    }

    #[test]
    fn anchors_are_made_of_the_whole_name() {
        // Punctuation becomes underscores: such a name is its anchor's.
        assert_eq!(
            anchor_of("HRESULT_FROM_WIN32(ERROR_NOT_FOUND)"),
            "HRESULT_FROM_WIN32_ERROR_NOT_FOUND_"
        );
        // A split is not: its spaces would make three underscores.
        assert_eq!(anchor_of("WTNCA _ NODRAWCAPTION"), "WTNCA___NODRAWCAPTION");
    }
}
