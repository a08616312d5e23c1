//! `stray-bold`: `**` that a page shows as two asterisks, bold that never
//! opened or closed. Markdown opens bold only where `**` is followed by a
//! non-space and closes it where a non-space precedes it; machine
//! translation moves the spaces inside (the real fr-fr C++ `/EH` page
//! writes `** extern **`), and a backslash before the closing `**` escapes
//! it (`**systemroot\System32\Drivers\**`, as the real `route` pages in
//! three locales write). Found in the parse pass, from the text
//! pulldown-cmark reads as text and the source writes as `**`: an escaped
//! `\*\*` and code are left alone, as is a glob (`**/*.md`).

use crate::diagnostic::Finding;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut out: Vec<Finding> = Vec::new();
        let mut last_line = 0;
        for &at in &page.doc.facts.stray_bold {
            let location = cx.location(p, at..at + 2);
            // One finding per line: a broken pair shows both halves.
            if location.line == last_line {
                continue;
            }
            last_line = location.line;
            out.push(
                Finding::warning(
                    "stray-bold",
                    location,
                    "`**` shows as two asterisks: bold that does not open or close here",
                )
                .with_help(
                    "write the markers against the bold text (`**extern**`, not `** extern **`) and end it with `**` after a letter, not a backslash; or escape them (`\\*\\*`) if the asterisks are meant",
                ),
            );
        }
        out
    })
}
