//! Hugo's and Zola's `aliases`: the old addresses a page answers at,
//! declared in its own front matter (`aliases: [old/name.md, /guide/]`).
//!
//! Each alias becomes an entry of [`crate::redirections`], as if
//! `.openpublishing.redirection.json` listed the old path as moved to the
//! page: `build` writes a redirect page there, and a link to the old path
//! is `redirected-link` (with `--fix`), not `broken-link`. What an alias
//! names is a Markdown path below the locale folder, since that is what
//! links and redirection entries name:
//!
//! - `old.md` is that file, `old.html` the page built from it;
//! - `old/` and `old` (no extension) are a folder's address, as Hugo
//!   writes its pretty URLs: the redirect is `old/index.html`;
//! - relative to the page's folder, or from the locale folder with a
//!   leading `/`: each locale has its own, as Hugo prefixes an alias with
//!   its language.
//!
//! An alias that can redirect nothing is `invalid-alias`, an error: one
//! that names a file of the locale (the file wins), the locale's home or
//! 404 page, a path another alias or a redirection file already claims, an
//! address or a path outside the locale, or a file of another kind than a
//! page (`old.aspx`: the redirect is an HTML page). Aliases are read from
//! the page's own front matter only, never inherited from a `docfx.json`,
//! where one value would be every page's.

use crate::diagnostic::{Finding, Location};
use crate::markdown::links::{is_absolute, join, strip_md};
use crate::redirections::Redirection;
use crate::site::Site;

const KEY: &str = "aliases";

/// The Markdown path below the locale folder that `written`, an alias of
/// the page at `page` (below the locale folder), stands for; else why it
/// stands for none.
pub fn source_path(written: &str, page: &str) -> Result<String, &'static str> {
    let written = written.trim();
    if written.is_empty() || written == "." {
        return Err("is empty");
    }
    if is_absolute(written) {
        return Err("is an address: an alias is a path of this site, where the page used to be");
    }
    if written.contains(['?', '#', '\\']) {
        return Err("has a `?`, `#` or `\\`: an alias names a file or a folder, written with `/`");
    }
    let (from, path) = match written.strip_prefix('/') {
        Some(rooted) => ("", rooted),
        None => (page, written),
    };
    let joined = join(from, path).ok_or("climbs out of the locale folder")?;
    let name = joined.rsplit('/').next().unwrap_or(&joined);
    if joined.is_empty() || written.ends_with('/') || !name.contains('.') {
        return Ok(match joined.as_str() {
            "" => "index.md".to_owned(),
            folder => format!("{folder}/index.md"),
        });
    }
    if strip_md(&joined).is_some() {
        return Ok(joined);
    }
    if let Some(stem) = html_stem(&joined) {
        return Ok(format!("{stem}.md"));
    }
    Err(
        "names a file that is no page: a redirect is an HTML page, so name the old page's `.md` or `.html` path, or its folder (`old/`)",
    )
}

/// `path` without its `.html` or `.htm` extension (any case).
fn html_stem(path: &str) -> Option<&str> {
    [".html", ".htm"].into_iter().find_map(|ext| {
        let split = path.len().checked_sub(ext.len())?;
        (path.is_char_boundary(split) && path[split..].eq_ignore_ascii_case(ext))
            .then(|| &path[..split])
    })
}

/// One alias of one page, ready to be a redirection of its locale.
struct Alias {
    locale: usize,
    /// As the front matter writes it.
    written: String,
    /// The Markdown path below the locale folder it stands for.
    path: String,
    redirection: Redirection,
}

/// Every page's aliases, and `invalid-alias` for those that stand for no
/// path. Whether that path is free, [`apply`] asks.
fn gather(site: &Site) -> (Vec<Alias>, Vec<Finding>) {
    let mut aliases = Vec::new();
    let mut problems = Vec::new();
    // An include's front matter is no page's.
    for (p, page) in site.pages.iter().enumerate().filter(|(_, p)| !p.fragment) {
        let source = &page.source;
        let Some(written) = source.meta.own_list(&source.text, KEY) else {
            continue;
        };
        let lines = source.line_index();
        let front = source.text.get(..source.body_start).unwrap_or_default();
        let mut from = source.meta_key_offset(KEY);
        for value in written {
            // Where the front matter writes it: after the one before.
            let at = front
                .get(from..)
                .and_then(|rest| rest.find(value))
                .map_or(from..from + KEY.len(), |i| from + i..from + i + value.len());
            from = at.end;
            let location = lines.location(&source.display, at);
            match source_path(value, &source.rel_path) {
                Ok(path) => aliases.push(Alias {
                    locale: page.locale(),
                    written: value.to_owned(),
                    redirection: Redirection::alias(
                        crate::render::urls::relative(&path, &source.rel_path),
                        location,
                        p,
                    ),
                    path,
                }),
                Err(why) => problems.push(invalid(location, value, why).with_help(
                    "write the path the page used to have, relative to this page or from the locale folder with `/`: `old-name.md`, `/guide/old/`",
                )),
            }
        }
    }
    (aliases, problems)
}

/// Adds the pages' aliases to the site's redirections, each where no
/// file, generated page or earlier entry stands; `invalid-alias` for the
/// others, kept with the redirection files' problems.
pub fn apply(site: &mut Site) {
    let (aliases, mut problems) = gather(site);
    for alias in aliases {
        match taken(site, &alias) {
            Some(problem) => problems.push(problem),
            None => site
                .redirections
                .insert(alias.locale, alias.path, alias.redirection),
        }
    }
    site.redirections.problems.extend(problems);
}

/// `invalid-alias` when something of the site already stands at the
/// alias's path: a file (a page or a landing page built to the same
/// HTML), the home or 404 page the build makes, or an earlier entry.
fn taken(site: &Site, alias: &Alias) -> Option<Finding> {
    let at = &alias.redirection.at;
    let value = &alias.written;
    let key = &site.locales[alias.locale].key;
    let own = alias.redirection.alias_of;
    let yml = strip_md(&alias.path).map(|stem| format!("{stem}.yml"));
    let file = site.targets.find(alias.locale, &alias.path).or_else(|| {
        yml.as_deref()
            .and_then(|y| site.targets.find(alias.locale, y))
            .filter(|(_, page, _)| page.is_some())
    });
    if let Some((actual, page, _)) = file {
        if page.is_some() && page == own {
            return Some(
                invalid(at.clone(), value, "names this page itself")
                    .with_help("remove it: a page needs no alias for its own path"),
            );
        }
        let finding = invalid(
            at.clone(),
            value,
            &format!("names `{actual}`, a file of `{key}`, which the build writes there"),
        )
        .with_help("remove the alias, or delete or rename the file if this page replaced it");
        return Some(match page {
            Some(page) => finding.with_related(
                Location::at(&site.pages[page].source.display, 1, 1),
                "the file",
            ),
            None => finding,
        });
    }
    let lower = alias.path.to_lowercase();
    if lower == "404.md" || (lower == "index.md" && site.home[alias.locale].is_none()) {
        return Some(
            invalid(
                at.clone(),
                value,
                &format!(
                    "names `{}`, a page the build makes for `{key}`",
                    crate::site::html_path(&alias.path)
                ),
            )
            .with_help("remove the alias: the locale's home and 404 pages cannot redirect"),
        );
    }
    let earlier = site.redirections.claimed(alias.locale, &alias.path)?;
    let by = match earlier.alias_of {
        Some(page) if Some(page) == own => "this page's own alias".to_owned(),
        Some(page) => format!("an alias of `{}`", site.pages[page].source.rel_path),
        None => format!("listed as moved to `{}`", earlier.target),
    };
    Some(
        invalid(
            at.clone(),
            value,
            &format!("names `{}` of `{key}`, already {by}", alias.path),
        )
        .with_related(earlier.at.clone(), "the earlier entry, which wins")
        .with_help("keep one entry per old path: remove this alias or the other"),
    )
}

/// `invalid-alias` for alias `value`, at `at`, for reason `why`.
fn invalid(at: Location, value: &str, why: &str) -> Finding {
    Finding::error(
        "invalid-alias",
        at,
        format!("alias `{value}` {why}; the build writes no redirect for it"),
    )
}

#[cfg(test)]
mod tests {
    use super::source_path;

    #[test]
    fn an_alias_names_a_markdown_path_of_the_locale() {
        let page = "guide/new.md";
        for (written, path) in [
            ("old.md", "guide/old.md"),
            ("Old.MD", "guide/Old.MD"),
            ("old.html", "guide/old.md"),
            ("old.htm", "guide/old.md"),
            ("../setup/old.md", "setup/old.md"),
            ("/setup/old.md", "setup/old.md"),
            ("/legacy/", "legacy/index.md"),
            ("/legacy", "legacy/index.md"),
            ("legacy/v1.2/", "guide/legacy/v1.2/index.md"),
            ("./older", "guide/older/index.md"),
            ("/", "index.md"),
            ("  spaced.md ", "guide/spaced.md"),
        ] {
            assert_eq!(source_path(written, page).as_deref(), Ok(path), "{written}");
        }
    }

    #[test]
    fn an_alias_that_is_no_path_of_the_locale_says_why() {
        let page = "guide/new.md";
        for (written, why) in [
            ("", "is empty"),
            ("https://example.com/old", "is an address"),
            ("//example.com/old", "is an address"),
            ("../../out.md", "climbs out"),
            ("/../out.md", "climbs out"),
            ("old.md#part", "has a `?`"),
            ("old\\name.md", "has a `?`"),
            ("old.aspx", "names a file that is no page"),
            ("image.png", "names a file that is no page"),
        ] {
            let why_not = source_path(written, page).expect_err(written);
            assert!(why_not.starts_with(why), "{written}: {why_not}");
        }
    }
}
