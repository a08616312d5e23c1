//! `unknown-alert`: a quote opening with `[!NOTA]`, `[!Hinweis]` or
//! another keyword DocFX does not know. DocFX's alerts keep their English
//! keyword in every language (the site translates the box's title), but
//! translators and machine translation translate it too: real localized
//! repositories carry `> [!NOTA]` in Spanish, Italian and Portuguese. The
//! page then shows a plain quote that starts with the text `[!NOTA]`.
//! A second marker under a real one (`> [!NOTE]` then `> [!NOTA] ...`,
//! which machine translation leaves) is the same mistake.

use std::ops::Range;

use crate::diagnostic::Finding;
use crate::marks::Needle;

use super::Context;

/// DocFX's alerts, and the other quote markers that take no attribute.
const ALERTS: &[&str] = &["NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING"];
const OTHER_MARKERS: &[&str] = &["div", "video"];

/// Alert keywords as translations write them, and the keyword meant.
const TRANSLATED: &[(&str, &str)] = &[
    ("nota", "NOTE"),
    ("hinweis", "NOTE"),
    ("remarque", "NOTE"),
    ("opmerking", "NOTE"),
    ("uwaga", "NOTE"),
    ("примечание", "NOTE"),
    ("注意", "NOTE"),
    ("참고", "NOTE"),
    ("sugerencia", "TIP"),
    ("consejo", "TIP"),
    ("suggerimento", "TIP"),
    ("dica", "TIP"),
    ("tipp", "TIP"),
    ("conseil", "TIP"),
    ("astuce", "TIP"),
    ("совет", "TIP"),
    ("ヒント", "TIP"),
    ("提示", "TIP"),
    ("팁", "TIP"),
    ("importante", "IMPORTANT"),
    ("wichtig", "IMPORTANT"),
    ("belangrijk", "IMPORTANT"),
    ("ważne", "IMPORTANT"),
    ("важно", "IMPORTANT"),
    ("重要", "IMPORTANT"),
    ("중요", "IMPORTANT"),
    ("precaución", "CAUTION"),
    ("precaucion", "CAUTION"),
    ("attenzione", "CAUTION"),
    ("cuidado", "CAUTION"),
    ("vorsicht", "CAUTION"),
    ("attention", "CAUTION"),
    ("advertencia", "WARNING"),
    ("avviso", "WARNING"),
    ("aviso", "WARNING"),
    ("warnung", "WARNING"),
    ("avertissement", "WARNING"),
    ("waarschuwing", "WARNING"),
    ("ostrzeżenie", "WARNING"),
    ("предупреждение", "WARNING"),
    ("警告", "WARNING"),
    ("경고", "WARNING"),
];

pub fn check(cx: &Context) -> Vec<Finding> {
    let known = |word: &str| {
        ALERTS
            .iter()
            .chain(OTHER_MARKERS)
            .any(|k| k.eq_ignore_ascii_case(word))
            || cx
                .site
                .alert_keywords
                .iter()
                .any(|k| k.eq_ignore_ascii_case(word))
    };
    cx.per_page(|p, page| {
        let text = &page.source.text;
        let found = markers(
            text,
            page.source.body_start,
            page.source.marks.offsets(Needle::Alert),
        );
        if found.is_empty() {
            return Vec::new();
        }
        // Fenced code shows markers as they are.
        found
            .into_iter()
            .filter(|(at, _)| !cx.in_code(p, at.start))
            .filter(|(_, word)| !known(word))
            .map(|(at, word)| finding(cx, p, at, word))
            .collect()
    })
}

fn finding(cx: &Context, page: usize, at: Range<usize>, word: &str) -> Finding {
    let lower = word.to_lowercase();
    let translated = TRANSLATED
        .iter()
        .find(|(t, _)| *t == lower)
        .map(|(_, k)| *k);
    let meant = translated.or_else(|| super::closest(word, ALERTS.iter().copied()));
    // A translated keyword opening its quote is the English one for
    // certain; under another line of the quote it may be a second marker
    // machine translation left under the real one, which wants removing.
    let text = &cx.site.pages[page].source.text;
    let line_start = text[..at.start].rfind('\n').map_or(0, |n| n + 1);
    let opens_quote = text[..line_start.saturating_sub(1)]
        .rsplit('\n')
        .next()
        .is_none_or(|before| !before.trim_start().starts_with('>'));
    let fix = translated
        .filter(|_| opens_quote)
        .and_then(|keyword| cx.edit(page, at.clone(), format!("[!{keyword}]")));
    let help = match meant {
        Some(keyword) => format!(
            "write `[!{keyword}]`: alerts keep their English keyword in every language, and the box's title comes out in the page's language"
        ),
        None => format!(
            "use `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!CAUTION]` or `[!WARNING]`, or add `{word}` under `[alerts]` in polydoc.toml"
        ),
    };
    Finding::warning(
        "unknown-alert",
        cx.location(page, at),
        format!("`[!{word}]` is no alert DocFX knows: the page shows it as text at the start of a plain quote"),
    )
    .with_help(help)
    .with_fix(fix)
}

/// Each `[!Word]` that starts a quote's line (after `>` and spaces only),
/// with its keyword; `[!div class=...]`, `[!INCLUDE[...](...)]` and the
/// like, which take more than a word, are other syntax.
/// `opens` are where `text` has `[!`, in order ([`crate::marks`]).
fn markers(
    text: &str,
    body_start: usize,
    opens: impl Iterator<Item = usize>,
) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    for at in opens {
        if at < body_start {
            continue;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let prefix = &text[line_start..at];
        if !prefix.contains('>') || !prefix.bytes().all(|b| matches!(b, b'>' | b' ' | b'\t')) {
            continue;
        }
        let rest = &text[at + 2..];
        let word_len: usize = rest
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        if word_len == 0 || !rest[word_len..].starts_with(']') {
            continue;
        }
        out.push((at..at + 2 + word_len + 1, &rest[..word_len]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::markers;

    fn found(text: &str) -> Vec<&str> {
        markers(
            text,
            0,
            crate::marks::Marks::of(text).offsets(crate::marks::Needle::Alert),
        )
        .into_iter()
        .map(|(_, w)| w)
        .collect()
    }

    #[test]
    fn markers_open_a_quote_line() {
        assert_eq!(found("> [!NOTA]\n> Lea esto."), ["NOTA"]);
        assert_eq!(found("> [!NOTE]\n> [!NOTA] El motor"), ["NOTE", "NOTA"]);
        assert_eq!(found("  > > [!Sugerencia]"), ["Sugerencia"]);
        assert_eq!(found("> [!注意]"), ["注意"]);
    }

    #[test]
    fn other_syntax_and_prose_are_none() {
        assert!(found("> [!div class=\"x\"]").is_empty());
        assert!(found("> [!INCLUDE[t](a.md)]").is_empty());
        assert!(found("Text [!NOTA] in prose").is_empty());
        assert!(found("> [!VIDEO https://x]").is_empty());
        assert!(found("> [!]").is_empty());
    }
}
