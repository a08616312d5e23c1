//! Links to paths of the published site: Microsoft's articles link to
//! their own docset as `/windows-server/get-started/activation-error-codes`
//! and list moved articles' new homes the same way
//! (`.openpublishing.redirection.json`). On the site polydoc builds those
//! paths mean nothing (the knowledge base is not learn.microsoft.com), so
//! `[published]` in `polydoc.toml` says where these pages live there
//! (`path`, DocFX's docset base path) and where the rest of that site is
//! (`url`). A link into `path` is then a link to a file of the same
//! locale, checked and built as one (`~/get-started/activation-error-codes.md`);
//! a link to another path goes to `url`. Without `[published]`, links
//! starting with `/` are left as written and not checked, as before.

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

    /// Where a link to another path of the published site (`/virtualization/x`)
    /// goes, when `url` is set.
    pub fn url(&self, target: &str) -> Option<String> {
        let url = self.url.as_deref()?;
        (target.starts_with('/') && !target.starts_with("//")).then(|| format!("{url}{target}"))
    }
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
}
