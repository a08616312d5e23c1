//! Links to paths of the published site: Microsoft's articles link to
//! their own docset as `/windows-server/get-started/activation-error-codes`
//! and list moved articles' new homes the same way
//! (`.openpublishing.redirection.json`). On the site polydoc builds those
//! paths mean nothing (the knowledge base is not learn.microsoft.com), so
//! `[published]` in `polydoc.toml` says where these pages live there
//! (`path`, DocFX's docset base path) and where the rest of that site is
//! (`url`). A link into `path` is then a link to a file of the same
//! locale, checked and built as one (`~/get-started/activation-error-codes.md`;
//! where a `docfx.json` publishes its files elsewhere, the file it
//! publishes there: [`crate::docfx_json::Layout`]);
//! a link to another path goes to `url`. Without `[published]`, links
//! starting with `/` are left as written and not checked, as before.
//!
//! Full addresses of the same pages (`https://learn.microsoft.com/windows-server/x`,
//! also under Learn's former name `docs.microsoft.com`, and with a locale
//! as in `/es-es/windows-server/x`) are checked as pages of the copy too
//! ([`Published::local_address`]), but built as written: issue 2 leaves
//! absolute URLs untouched. A locale written into such an address is a
//! finding of its own (`hard-coded-locale`, `check/hard_coded_locale.rs`).

use crate::markdown::links::{is_learn_host, is_locale_segment};

/// `[published]`, normalised.
#[derive(Debug, Clone, Default)]
pub struct Published {
    /// `/windows-server`: a leading `/`, no trailing one, lower-cased
    /// (the published site ignores case).
    path: Option<String>,
    /// `https://learn.microsoft.com`, without a trailing `/`.
    url: Option<String>,
}

impl Published {
    pub fn new(path: Option<&str>, url: Option<&str>) -> Self {
        let path = path
            .map(|p| p.trim().trim_matches('/').to_lowercase())
            .filter(|p| !p.is_empty())
            .map(|p| format!("/{p}"));
        let url = url
            .map(|u| u.trim().trim_end_matches('/').to_owned())
            .filter(|u| !u.is_empty());
        Published { path, url }
    }

    /// For a link into these pages (`/windows-server/get-started/x#y`),
    /// what follows the docset's path, relative to the locale root
    /// (`get-started/x#y`; empty for the docset's own root).
    pub fn local<'t>(&self, target: &'t str) -> Option<&'t str> {
        let path = self.path.as_deref()?;
        let head = target.get(..path.len())?;
        if !head.eq_ignore_ascii_case(path) {
            return None;
        }
        let rest = &target[path.len()..];
        match rest.as_bytes().first() {
            None => Some(rest),
            Some(b'/') => Some(&rest[1..]),
            Some(b'#' | b'?') => Some(rest),
            Some(_) => None,
        }
    }

    /// For a full address of a page of the copy, or a path of the
    /// published site that names a locale, what follows the docset's
    /// path, as [`Published::local`] gives it for a plain path:
    /// `https://learn.microsoft.com/es-es/windows-server/get-started/x#y`
    /// and `/es-es/windows-server/get-started/x#y` give `get-started/x#y`.
    /// The built site keeps these links as written, so they are checked as
    /// the published site reads them, letter case aside.
    pub fn local_address<'t>(&self, target: &'t str) -> Option<&'t str> {
        let path = match self.address_path(target) {
            Some(path) => path,
            None if target.starts_with('/') && !target.starts_with("//") => {
                pinned_locale(target)?;
                target
            }
            None => return None,
        };
        self.local(without_locale(path))
    }

    /// The path of `target` (from its `/`) when it is a full address on
    /// the published site's host; Learn's two names count as one.
    fn address_path<'t>(&self, target: &'t str) -> Option<&'t str> {
        let ours = host(self.url.as_deref()?)?;
        let (host, path) = split_address(target)?;
        let same = host.eq_ignore_ascii_case(ours) || (is_learn_host(ours) && is_learn_host(host));
        same.then_some(path)
    }

    /// A locale written into `target`, a link to the published site or to
    /// Microsoft Learn (`https://learn.microsoft.com/en-us/windows-server/x`,
    /// or with `[published]`, `/en-us/windows-server/x`): its offset in
    /// `target` and the tag as written. These sites open each page in
    /// the reader's language by themselves.
    pub fn pinned<'t>(&self, target: &'t str) -> Option<(usize, &'t str)> {
        let path = match split_address(target) {
            Some((linked, path)) => {
                let ours = self.url.as_deref().and_then(host);
                let known =
                    is_learn_host(linked) || ours.is_some_and(|o| o.eq_ignore_ascii_case(linked));
                if !known {
                    return None;
                }
                path
            }
            None if self.path.is_some() && target.starts_with('/') && !target.starts_with("//") => {
                target
            }
            None => return None,
        };
        let (at, tag) = pinned_locale(path)?;
        Some((target.len() - path.len() + at, tag))
    }

    /// Whether `[published] path` says where these pages live.
    pub fn has_path(&self) -> bool {
        self.path.is_some()
    }

    /// Where a link to another path of the published site (`/virtualization/x`)
    /// goes, when `url` is set.
    pub fn url(&self, target: &str) -> Option<String> {
        let url = self.url.as_deref()?;
        (target.starts_with('/') && !target.starts_with("//")).then(|| format!("{url}{target}"))
    }
}

/// The host of an `http(s)://` address.
fn host(url: &str) -> Option<&str> {
    split_address(url).map(|(host, _)| host)
}

/// An `http://` or `https://` address as its host and its path from the
/// first `/`, `?` or `#` (empty when it has none).
fn split_address(target: &str) -> Option<(&str, &str)> {
    let scheme = if target
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    {
        8
    } else if target
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
    {
        7
    } else {
        return None;
    };
    let rest = &target[scheme..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some((&rest[..end], &rest[end..]))
}

/// A locale as the first segment of a site path (`/en-us/windows-server`,
/// as [`is_locale_segment`] reads one): its offset after the `/` and the
/// tag as written.
fn pinned_locale(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix('/')?;
    let segment = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    is_locale_segment(segment).then_some((1, segment))
}

/// `path` without a locale as its first segment: `/en-us/windows-server/x`
/// gives `/windows-server/x`.
pub fn without_locale(path: &str) -> &str {
    pinned_locale(path).map_or(path, |(at, tag)| &path[at + tag.len()..])
}

/// Whether the last segment of `path` names a file type (`x.png`), as
/// opposed to a page of the published site, written without `.md`.
pub fn has_extension(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
}

#[cfg(test)]
mod tests {
    use super::Published;

    #[test]
    fn links_into_the_docset_are_local_and_the_rest_go_to_the_site() {
        let p = Published::new(
            Some("windows-server/"),
            Some("https://learn.microsoft.com/"),
        );
        assert_eq!(
            p.local("/windows-server/get-started/x#y"),
            Some("get-started/x#y")
        );
        assert_eq!(p.local("/Windows-Server/a"), Some("a"));
        assert_eq!(p.local("/windows-server"), Some(""));
        assert_eq!(p.local("/windows-server#top"), Some("#top"));
        assert_eq!(p.local("/windows-server-docs/a"), None);
        assert_eq!(p.local("/virtualization/a"), None);
        assert_eq!(
            p.url("/virtualization/a").as_deref(),
            Some("https://learn.microsoft.com/virtualization/a")
        );
        assert_eq!(p.url("//cdn.example.com/x"), None);
        let none = Published::new(None, None);
        assert_eq!(none.local("/windows-server/a"), None);
        assert_eq!(none.url("/a"), None);
    }

    #[test]
    fn full_addresses_and_pinned_paths_of_the_docset_are_local() {
        let p = Published::new(Some("/windows-server"), Some("https://learn.microsoft.com"));
        let local = |t| p.local_address(t);
        assert_eq!(
            local("https://learn.microsoft.com/windows-server/get-started/x#y"),
            Some("get-started/x#y")
        );
        assert_eq!(
            local("HTTP://Docs.Microsoft.com/windows-server/x"),
            Some("x")
        );
        assert_eq!(
            local("https://learn.microsoft.com/es-es/windows-server/x"),
            Some("x")
        );
        assert_eq!(local("/zh-hant-tw/windows-server/x"), Some("x"));
        // Plain site paths are `local`'s; other docsets and hosts are not ours.
        assert_eq!(local("/windows-server/x"), None);
        assert_eq!(local("https://learn.microsoft.com/azure/x"), None);
        assert_eq!(
            local("https://support.microsoft.com/windows-server/x"),
            None
        );
        assert_eq!(
            local("https://learn.microsoft.com.evil.example/windows-server/x"),
            None
        );
        // Another site: Learn's names are not its.
        let kb = Published::new(Some("/kb"), Some("https://kb.example.com"));
        assert_eq!(kb.local_address("https://kb.example.com/kb/x"), Some("x"));
        assert_eq!(kb.local_address("https://learn.microsoft.com/kb/x"), None);
    }

    #[test]
    fn a_locale_in_an_address_is_pinned_where_the_site_picks_the_language() {
        let p = Published::new(Some("/windows-server"), Some("https://kb.example.com"));
        assert_eq!(
            p.pinned("https://learn.microsoft.com/en-us/azure/x"),
            Some((28, "en-us"))
        );
        assert_eq!(
            p.pinned("https://kb.example.com/de-DE/x"),
            Some((23, "de-DE"))
        );
        assert_eq!(p.pinned("/pt-br/windows-server/x"), Some((1, "pt-br")));
        // A docset named like a language, a segment that is no tag, other sites.
        assert_eq!(p.pinned("https://learn.microsoft.com/ef/core/"), None);
        assert_eq!(
            p.pinned("https://learn.microsoft.com/previous-versions/x"),
            None
        );
        assert_eq!(p.pinned("https://support.microsoft.com/en-us/help/1"), None);
        assert_eq!(p.pinned("en-us/x.md"), None);
        // Site paths are the published site's only with `[published] path`.
        assert_eq!(Published::default().pinned("/en-us/x"), None);
    }
}
