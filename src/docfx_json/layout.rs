//! Where DocFX publishes a project's files: a content entry's file at the
//! entry's `dest` joined with its path below the entry's `src`. azure-docs
//! writes `"src": "articles", "dest": "."`, so `articles/aks/intro.md` is
//! the docset's `aks/intro`, and its articles link to each other as
//! `/azure/aks/intro`.
//!
//! polydoc keeps every page at its path below the locale folder (its own
//! links are relative, so the move changes nothing there); the layout is
//! for reading the published site's paths that `[published]` links are
//! written in ([`crate::check::resolve::Targets`]).

use std::sync::Arc;

use super::strip_dir;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The project's folder below the locale folder: empty, or ending in
    /// `/`. DocFX's site root, from which its `_appLogoPath` and
    /// `_appFaviconPath` are paths.
    pub dir: Arc<str>,
    /// `(dest, src)` of each content entry, each empty or ending in `/`,
    /// the longest `dest` first.
    routes: Vec<(String, String)>,
}

impl Layout {
    /// The layout of the project in `dir` whose content entries write
    /// `routes` (`dest`, `src`), normalised as [`folder`] does.
    pub fn new(dir: Arc<str>, written: impl IntoIterator<Item = (String, String)>) -> Layout {
        let mut routes: Vec<(String, String)> = Vec::new();
        for route in written {
            if !routes.contains(&route) {
                routes.push(route);
            }
        }
        // Stable: of two entries with one `dest`, the first written first.
        routes.sort_by_key(|(dest, _)| std::cmp::Reverse(dest.len()));
        Layout { dir, routes }
    }

    /// The files (below the locale folder, without a trailing `/`) a path
    /// of the published docset may name (`aks/intro`, below the docset's
    /// root), the most specific route first.
    pub fn sources(&self, published: &str) -> Vec<String> {
        let mut sources = Vec::new();
        let mut add = |path: String| {
            let path = path.trim_end_matches('/').to_owned();
            if !sources.contains(&path) {
                sources.push(path);
            }
        };
        for (dest, src) in &self.routes {
            if let Some(rest) = strip_dir(published, dest) {
                add(format!("{}{src}{rest}", self.dir));
            }
        }
        if self.routes.is_empty() {
            add(format!("{}{published}", self.dir));
        }
        sources
    }

    /// Whether the file at `path` (below the locale folder) lies in the
    /// project's folder.
    pub fn holds(&self, path: &str) -> bool {
        strip_dir(path, &self.dir).is_some()
    }
}

/// A content entry's `src` or `dest` as a folder below the project's:
/// empty, or ending in `/`; `None` for one leaving the project (`../x`),
/// or absolute.
pub fn folder(written: &str) -> Option<String> {
    let path = written.replace('\\', "/");
    let path = path.trim_start_matches("./").trim_end_matches('/');
    if path.starts_with('/') || path.contains(':') {
        return None;
    }
    let mut parts = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.iter().map(|p| format!("{p}/")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(dir: &str, routes: &[(&str, &str)]) -> Layout {
        let routes = routes
            .iter()
            .map(|(dest, src)| (folder(dest).unwrap(), folder(src).unwrap()));
        Layout::new(dir.into(), routes)
    }

    #[test]
    fn a_published_path_names_the_file_its_entry_publishes_there() {
        // azure-docs: articles published at the docset's root, one
        // service's folder kept apart.
        let azure = layout(
            "",
            &[
                (".", "articles"),
                ("iot-edge", "articles/iot-edge"),
                ("", ""),
            ],
        );
        assert_eq!(
            azure.sources("aks/intro"),
            ["articles/aks/intro", "aks/intro"]
        );
        assert_eq!(
            azure.sources("IoT-Edge/about"),
            [
                "articles/iot-edge/about",
                "articles/IoT-Edge/about",
                "IoT-Edge/about"
            ]
        );
        assert_eq!(azure.sources(""), ["articles", ""]);
        // A project in a folder of the locale, without entries that move
        // files: its folder is the docset's root.
        let nested = layout("WindowsServerDocs/", &[]);
        assert_eq!(
            nested.sources("get-started/x"),
            ["WindowsServerDocs/get-started/x"]
        );
        assert!(nested.holds("windowsserverdocs/a.md"));
        assert!(!nested.holds("other/a.md"));
        assert_eq!(folder("./a\\b/"), Some("a/b/".to_owned()));
        assert_eq!(folder("a/../.."), None);
        assert_eq!(folder("/abs"), None);
        assert_eq!(folder("."), Some(String::new()));
    }
}
