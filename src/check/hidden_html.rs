//! `hidden-html`: prose such as `<computername>` or `<string>` that a
//! browser parses as an unknown tag and does not show. The reader sees
//! `slmgr /ipk ` with the placeholder gone.

use crate::diagnostic::Finding;

use super::Context;

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut out = Vec::new();
        for tag in &page.doc.facts.hidden {
            let location = cx.location(p, tag.offset..tag.offset + tag.html.len());
            // A backslash before its `<` shows the text as written, as
            // Microsoft's pages write `\<iostream>`.
            let open = tag.offset..tag.offset + 1;
            let fix = (page.source.text.get(open.clone()) == Some("<"))
                .then(|| cx.edit(p, open, "\\<".to_owned()))
                .flatten();
            out.push(
                Finding::warning(
                    "hidden-html",
                    location,
                    format!(
                        "`{}` is no HTML element: browsers treat it as an unknown tag and hide it",
                        tag.html
                    ),
                )
                .with_help(format!(
                    "write it as code, `` `{0}` ``, or escape its `<` with a backslash: `\\{0}`",
                    tag.html
                ))
                .with_fix(fix),
            );
        }
        out
    })
}
