//! `broken-link` for `redirect_url`: a page that moved names where to,
//! and a relative target must exist in the page's locale, as a link's
//! must. Site paths (`/windows/...`) and URLs are left alone, as links
//! to them are. Also `invalid-redirection`: a
//! `.openpublishing.redirection.json` that cannot be read
//! ([`crate::redirections`]).

use super::Context;
use super::resolve::Resolved;
use crate::diagnostic::Finding;

const KEY: &str = "redirect_url";

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = cx.site.redirections.problems.clone();
    out.extend(cx.per_page(|p, page| {
        let Some(target) = page.redirect() else {
            return Vec::new();
        };
        let Resolved::Missing { path, .. } =
            cx.targets
                .resolve(page.locale(), &page.source.rel_path, target)
        else {
            return Vec::new();
        };
        let line = page.source.meta_key_offset(KEY);
        let front = &page.source.text[..page.source.body_start];
        let at = front[line..]
            .split('\n')
            .next()
            .and_then(|l| l.find(target))
            .map_or(line..line + KEY.len(), |i| line + i..line + i + target.len());
        vec![
            Finding::error(
                "broken-link",
                cx.location(p, at),
                format!(
                    "`{KEY}: {target}` points to `{path}`, which does not exist in `{}`: the built page redirects nowhere",
                    cx.locale_key(p)
                ),
            )
            .with_help("point it at the page that replaced this one, or at a URL"),
        ]
    }));
    out
}
