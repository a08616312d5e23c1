//! `broken-link` for `redirect_url`: a page that moved names where to,
//! and a relative target must exist in the page's locale, as a link's
//! must, whether the page's front matter or an entry of a
//! `.openpublishing.redirection.json` names it. URLs and paths of the
//! published site outside `[published] path` (`/windows/...`) are left
//! alone, as links to them are ([`crate::published`]).
//!
//! Also, for those files ([`crate::redirections`]): `invalid-redirection`,
//! one that cannot be read, and `redirected-file-not-removed` (DocFX's
//! name and level), an entry whose file is still there. Microsoft's
//! publishing serves the redirect and ignores the file, so the file's
//! edits never reach a reader.

use super::Context;
use super::resolve::Resolved;
use crate::diagnostic::{Finding, Location};
use crate::site::Moved;

const KEY: &str = "redirect_url";

pub fn check(cx: &Context) -> Vec<Finding> {
    let mut out = cx.site.redirections.problems.clone();
    out.extend(entries(cx));
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

/// What is wrong with the redirection files' entries, per locale.
fn entries(cx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (l, locale) in cx.site.locales.iter().enumerate() {
        for (path, moved) in cx.site.redirections.of(l) {
            // An alias stands where nothing else does and leads to its
            // page ([`crate::aliases`]): nothing of it to report here.
            if moved.alias_of.is_some() {
                continue;
            }
            if let Some((_, Some(page), _)) = cx.targets.find(l, path) {
                let page = &cx.site.pages[page];
                let build = match page.moved {
                    Moved::Kept => format!(
                        "`polydoc build` keeps the page, having no file for `{}`",
                        moved.target
                    ),
                    Moved::Redirected | Moved::No => "so does `polydoc build`".to_owned(),
                };
                out.push(
                    Finding::warning(
                        "redirected-file-not-removed",
                        moved.at.clone(),
                        format!(
                            "`{path}` of `{}` is listed as moved to `{}`, but its file is still there: Microsoft's publishing serves the redirect and ignores the file; {build}",
                            locale.key, moved.target
                        ),
                    )
                    .with_related(Location::at(&page.source.display, 1, 1), "the file")
                    .with_help("delete the file, or remove this entry if the page should stay"),
                );
            }
            if moved.to_site_path() {
                continue;
            }
            if let Resolved::Missing { path: to, .. } = cx.targets.resolve(l, path, &moved.target) {
                out.push(
                    Finding::error(
                        "broken-link",
                        moved.target_at.clone(),
                        format!(
                            "`{KEY}` `{}` of the moved `{path}` points to `{to}`, which does not exist in `{}`: the redirect leads nowhere",
                            moved.target, locale.key
                        ),
                    )
                    .with_help("point it at the page that replaced the moved one, or at a URL"),
                );
            }
        }
    }
    out
}
