//! Where each relative link of a page leads, worked out once for all rules.
//!
//! Links resolve within the page's own locale, as the built site does. A
//! target that exists only under another letter case, or only when `\` is
//! read as `/`, works on the Windows machines where the docs are written
//! and fails on a Linux web server: those resolve, and say how.
//!
//! Where a link starts depends on the file's `docfx.json` project, as in
//! DocFX: `~/` is the project's folder ([`Targets::content_root`]), and a
//! path of the published site (`[published]`) is the file the project
//! publishes there ([`crate::docfx_json::Layout`]). What leads into a
//! repository the publishing clones into the copy, absent from it, is
//! not checked ([`Targets::absent_dependency`]).

use std::borrow::Cow;
use std::sync::Arc;

use percent_encoding::percent_decode_str;
use rustc_hash::FxHashMap;

use crate::docfx_json::Layout;
use crate::load::Asset;
use crate::locale::Locale;
use crate::markdown::links::{is_absolute, join, locate, split_target};
use crate::publish_config::Dependency;
use crate::published::{Published, has_extension};
use crate::site::{Page, SiteOptions};

/// How a link target was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Exact,
    /// Only when compared case-insensitively.
    Case,
    /// Only with `\` read as `/` (and maybe case-insensitively).
    Backslash,
}

/// What a link points at. It borrows from the link and from [`Targets`]:
/// a site has tens of thousands of links, and copying each one's path and
/// fragment was most of the cost of resolving them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved<'a> {
    /// An absolute URL or an empty link: not ours to check.
    Outside,
    /// A path of the published site (`/virtualization/x`) outside
    /// `[published] path`, or any such path without it: not ours to check
    /// either, but `published-path-unset` looks at where they lead.
    SitePath,
    /// `#fragment` on the page itself (percent-decoded).
    SamePage {
        fragment: Cow<'a, str>,
    },
    Page {
        page: usize,
        fragment: Option<Cow<'a, str>>,
        how: How,
        /// The target's path as spelled on disk, below the locale folder.
        actual: &'a str,
    },
    Asset {
        how: How,
        actual: &'a str,
    },
    Missing {
        /// The path the link resolves to, below the locale folder.
        path: String,
        /// The path climbs out of the locale folder.
        escapes: bool,
    },
}

/// Every file of each locale, by exact and by case-folded path.
#[derive(Debug)]
pub struct Targets {
    exact: Vec<FxHashMap<String, Option<usize>>>,
    folded: Vec<FxHashMap<String, String>>,
    /// Which links starting with `/` lead to these pages.
    published: Published,
    /// Per locale, its `docfx.json` projects' layouts, the deepest
    /// folder first: where a published path's file is.
    layouts: Vec<Vec<Arc<Layout>>>,
    /// Per locale, the repositories the publishing clones into its folder
    /// that this copy lacks.
    absent: Vec<Vec<Dependency>>,
}

impl Targets {
    pub fn new(
        locales: &[Locale],
        pages: &[Page],
        assets: &[Asset],
        options: &SiteOptions,
    ) -> Targets {
        let n = locales.len();
        let mut exact = vec![FxHashMap::default(); n];
        let mut folded = vec![FxHashMap::default(); n];
        let mut layouts: Vec<Vec<Arc<Layout>>> = vec![Vec::new(); n];
        for (index, page) in pages.iter().enumerate() {
            let l = page.locale();
            if let Some(layout) = &page.source.project
                && !layouts[l].iter().any(|known| Arc::ptr_eq(known, layout))
            {
                layouts[l].push(Arc::clone(layout));
            }
            exact[l].insert(page.source.rel_path.clone(), Some(index));
            folded[l].insert(
                page.source.rel_path.to_lowercase(),
                page.source.rel_path.clone(),
            );
        }
        for asset in assets {
            exact[asset.locale].insert(asset.rel_path.clone(), None);
            folded[asset.locale].insert(asset.rel_path.to_lowercase(), asset.rel_path.clone());
        }
        for layouts in &mut layouts {
            layouts.sort_by_key(|l| std::cmp::Reverse(l.dir.matches('/').count()));
        }
        let keys: Vec<&str> = locales.iter().map(|l| l.key.as_str()).collect();
        Targets {
            exact,
            folded,
            published: options.published.clone(),
            layouts,
            absent: (locales.iter().enumerate())
                .map(|(l, locale)| options.publishing.absent(l, &locale.dir, &keys))
                .collect(),
        }
    }

    /// Whether some locale lacks a repository the publishing clones in.
    pub fn any_absent(&self) -> bool {
        self.absent.iter().any(|a| !a.is_empty())
    }

    /// The absent repository ([`Targets::absent_dependency`]) that
    /// relative `target`, written in `file`, leads into.
    pub fn leads_into_absent(
        &self,
        locale: usize,
        file: &str,
        target: &str,
    ) -> Option<&Dependency> {
        let path = self.locate(locale, file, target)?;
        self.absent_dependency(locale, &path)
    }

    /// The repository the publishing clones where `path` (below
    /// `locale`'s folder) is, which this copy lacks: what leads there is
    /// not the copy's to check ([`crate::publish_config`]). A fallback
    /// repository stands in for the files of its configuration's folder
    /// that the copy lacks.
    pub fn absent_dependency(&self, locale: usize, path: &str) -> Option<&Dependency> {
        self.absent.get(locale)?.iter().find(|d| {
            let inside = path
                .get(..d.prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(&d.prefix));
            inside && (d.fallback.is_none() || self.find_linked(locale, path).is_none())
        })
    }

    /// The files (below the locale folder) a path of the published docset
    /// (`path`, below its root) may name, for a link written in the file
    /// at `from`: as its project publishes them
    /// ([`crate::docfx_json::Layout`]), then from the locale's root, as
    /// without a project.
    pub fn published_sources(&self, locale: usize, from: &str, path: &str) -> Vec<String> {
        let project = self.layouts[locale].iter().find(|l| l.holds(from));
        let mut sources = project.map_or_else(Vec::new, |l| l.sources(path));
        if !sources.iter().any(|s| s == path) {
            sources.push(path.to_owned());
        }
        sources
    }

    /// Where `~/` starts for a link written in the file at `from`: the
    /// folder of its `docfx.json`, as DocFX reads it
    /// (`WindowsServerDocs/` for `WindowsServerDocs/docfx.json`); the
    /// locale's root outside every project.
    pub fn content_root(&self, locale: usize, from: &str) -> &str {
        (self.layouts[locale].iter())
            .find(|l| l.holds(from))
            .map_or("", |l| &l.dir)
    }

    /// Where relative `target`, written in `file`, leads below the locale
    /// folder, as [`crate::markdown::links::locate`] says, `~/` starting
    /// at [`Targets::content_root`].
    pub fn locate(&self, locale: usize, file: &str, target: &str) -> Option<String> {
        let target = target.trim();
        match target.strip_prefix("~/") {
            Some(rest) => match self.content_root(locale, file) {
                "" => locate(file, target),
                root => locate(file, &format!("~/{root}{rest}")),
            },
            None => locate(file, target),
        }
    }

    /// The file of `locale` that a path of the published docset (`path`,
    /// below its root, without a trailing `/`) names for a link written
    /// in the file at `from`: as spelled on disk.
    pub fn published_file(&self, locale: usize, from: &str, path: &str) -> Option<&str> {
        (self.published_sources(locale, from, path).iter())
            .find_map(|source| self.find_published(locale, source))
            .map(|(actual, ..)| actual)
    }

    /// What a path of the published site names in `locale` (`source`,
    /// below the locale folder): the file or folder, else the page it
    /// names without its `.md`.
    fn find_published(&self, locale: usize, source: &str) -> Option<(&str, Option<usize>, bool)> {
        self.find_linked(locale, source)
            .or_else(|| self.find_linked(locale, &with_md(source)))
    }

    /// Which links starting with `/` lead to these pages.
    pub fn published(&self) -> &Published {
        &self.published
    }

    /// A link to a path of the published site inside these pages
    /// (`/windows-server/get-started/x#y`), written in the file at `from`,
    /// as a link from its project's folder ([`Targets::content_root`]):
    /// `~/get-started/x.md#y`, or `~/get-started/x#y` where that is a file
    /// or a folder of the copy (the site's paths name pages without `.md`;
    /// [`Targets::resolve`] follows the same rule without allocating).
    /// `None` for any other link.
    pub fn site_path_link(&self, locale: usize, from: &str, target: &str) -> Option<String> {
        let local = self.published.local(target)?;
        let (path, rest) = split_target(local);
        let trimmed = path.trim_end_matches('/');
        let sources = self.published_sources(locale, from, trimmed);
        let source = (sources.iter())
            .find(|s| self.find_published(locale, s).is_some())
            .unwrap_or(&sources[0]);
        let file = if trimmed.is_empty() || path.ends_with('/') {
            let slash = if source.is_empty() { "" } else { "/" };
            format!("{source}{slash}")
        } else if has_extension(path) || self.find_linked(locale, source).is_some() {
            source.clone()
        } else {
            format!("{source}.md")
        };
        // `~/` starts at `from`'s project folder, the sources at the
        // locale's root.
        let root = self.content_root(locale, from);
        let below = match file.get(..root.len()) {
            Some(head) if head == root => file[root.len()..].to_owned(),
            _ => format!("{}{file}", "../".repeat(root.matches('/').count())),
        };
        Some(format!("~/{below}{rest}"))
    }

    /// Whether `path` exists in `locale`, spelled exactly.
    pub fn exists(&self, locale: usize, path: &str) -> bool {
        self.exact[locale].contains_key(path)
    }

    /// What a link to `path` in `locale` opens: the file, as [`Targets::find`]
    /// finds it, or for a folder (`sub`, from a link to `sub/`) its
    /// `index.md`, or the landing page in its place: the page a web server
    /// shows for it.
    pub fn find_linked(&self, locale: usize, path: &str) -> Option<(&str, Option<usize>, bool)> {
        self.find(locale, path).or_else(|| {
            crate::site::FOLDER_PAGES.into_iter().find_map(|name| {
                let index = match path {
                    "" => name.to_owned(),
                    folder => format!("{folder}/{name}"),
                };
                // An `index.yml` that is no landing page is a file.
                self.find(locale, &index)
                    .filter(|(_, page, _)| name == crate::site::FOLDER_PAGES[0] || page.is_some())
            })
        })
    }

    /// The file at `path` in `locale`, exactly or case-insensitively: its
    /// path as spelled on disk, its page if it is one, and whether the
    /// spelling matched exactly.
    pub fn find(&self, locale: usize, path: &str) -> Option<(&str, Option<usize>, bool)> {
        if let Some((actual, page)) = self.exact[locale].get_key_value(path) {
            return Some((actual, *page, true));
        }
        let actual = self.folded[locale].get(&path.to_lowercase())?;
        Some((
            actual,
            self.exact[locale].get(actual).copied().flatten(),
            false,
        ))
    }

    /// Resolves `target`, written in the page at `from` (below the locale folder).
    pub fn resolve<'a>(&'a self, locale: usize, from: &str, target: &'a str) -> Resolved<'a> {
        let target = target.trim();
        let written_in = from;
        // A path of the published site inside these pages names a file
        // its project publishes there ([`Targets::published_sources`]),
        // a page without its `.md` (`/windows-server/get-started/x`: see
        // `crate::published`).
        // So does a full address of such a page, which the build keeps as
        // written: there the published site ignores letter case.
        let (site_path, address) = match self.published.local(target) {
            Some(local) => (Some(local), false),
            None => {
                let local = self.published.local_address(target);
                (local, local.is_some())
            }
        };
        if site_path.is_none() && (target.is_empty() || is_absolute(target)) {
            return Resolved::Outside;
        }
        if site_path.is_none() && target.starts_with('/') {
            return Resolved::SitePath;
        }
        // `~/` is the project's folder, as DocFX reads it.
        let (from, target) = match (site_path, target.strip_prefix("~/")) {
            (Some(rest), _) => ("", rest),
            (None, Some(rest)) => (self.content_root(locale, from), rest),
            (None, None) if target.starts_with('~') => return Resolved::Outside,
            (None, None) => (from, target),
        };
        let (path, rest) = split_target(target);
        let fragment = rest
            .split_once('#')
            .map(|(_, f)| decode(f))
            .filter(|f| !f.is_empty());
        if path.is_empty() && site_path.is_none() {
            return match fragment {
                Some(fragment) => Resolved::SamePage { fragment },
                None => Resolved::Outside,
            };
        }
        // Most links have no escape and no backslash: borrowed throughout.
        let decoded = decode(path);
        let backslash = decoded.contains('\\');
        let slashed = if backslash {
            Cow::Owned(decoded.replace('\\', "/"))
        } else {
            Cow::Borrowed(decoded.as_ref())
        };
        let Some(joined) = join(from, &slashed) else {
            return Resolved::Missing {
                path: decoded.into_owned(),
                escapes: true,
            };
        };
        let found = if site_path.is_some() {
            let sources = self.published_sources(locale, written_in, &joined);
            (sources.iter())
                .find_map(|source| self.find_published(locale, source))
                .ok_or_else(|| with_md(&sources[0]).into_owned())
        } else {
            self.find_linked(locale, &joined).ok_or(joined)
        };
        let (actual, page, exact) = match found {
            Ok(found) => found,
            Err(path) if self.absent_dependency(locale, &path).is_some() => {
                return Resolved::Outside;
            }
            Err(path) => {
                return Resolved::Missing {
                    path,
                    escapes: false,
                };
            }
        };
        let how = match (backslash, exact) {
            (true, _) => How::Backslash,
            (false, true) => How::Exact,
            (false, false) if address => How::Exact,
            (false, false) => How::Case,
        };
        match page {
            Some(page) => Resolved::Page {
                page,
                fragment,
                how,
                actual,
            },
            None => Resolved::Asset { how, actual },
        }
    }
}

/// A path of the published site as the file of the page it names: with
/// its `.md`, unless it names the root or has an extension.
fn with_md(path: &str) -> Cow<'_, str> {
    if path.is_empty() || has_extension(path) {
        Cow::Borrowed(path)
    } else {
        Cow::Owned(format!("{path}.md"))
    }
}

fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    percent_decode_str(s).decode_utf8_lossy()
}
