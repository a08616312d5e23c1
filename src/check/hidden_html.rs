//! `hidden-html`: prose such as `<computername>` or `<string>` that a
//! browser parses as an unknown tag and does not show. The reader sees
//! `slmgr /ipk ` with the placeholder gone.

use crate::diagnostic::Finding;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut out = Vec::new();
        for tag in &page.doc.facts.hidden {
            let escaped = tag.html.replace('<', "&lt;").replace('>', "&gt;");
            out.push(
                Finding::warning(
                    "hidden-html",
                    cx.location(p, tag.offset..tag.offset + tag.html.len()),
                    format!(
                        "`{}` is no HTML element: browsers treat it as an unknown tag and hide it",
                        tag.html
                    ),
                )
                .with_help(format!(
                    "write it as code, `` `{}` ``, or escape it as `{escaped}`",
                    tag.html
                )),
            );
        }
        out
    })
}
