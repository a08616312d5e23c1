//! `content-locale-mismatch`: a page whose `ms.contentlocale` names another
//! locale than the folder it is in, usually a file copied into the wrong
//! locale folder by hand.

use super::Context;
use crate::diagnostic::{Finding, LineIndex, Location};

pub fn check(cx: &Context) -> Vec<Finding> {
    let site = cx.site;
    let mut out = Vec::new();
    for page in &site.pages {
        // The page's own: a value its docfx.json gives every page says
        // nothing of where this file was copied.
        let Some(declared) = page
            .source
            .meta
            .own_str(&page.source.text, "ms.contentlocale")
        else {
            continue;
        };
        let locale = &site.locales[page.locale()];
        if declared.trim().eq_ignore_ascii_case(&locale.key) {
            continue;
        }
        let text = &page.source.text[..page.source.body_start];
        let offset = page.source.meta_key_offset("ms.contentlocale");
        let (line, column) = LineIndex::new(text).position(offset);
        out.push(
            Finding::warning(
                "content-locale-mismatch",
                Location::at(&page.source.display, line, column),
                format!(
                    "`ms.contentlocale: {declared}` but the page is in the `{}` folder",
                    locale.key
                ),
            )
            .with_help(format!(
                "move the file to the `{declared}` locale folder, or set `ms.contentlocale: {}`",
                locale.tag
            )),
        );
    }
    out
}
