//! `.openpublishing.redirection.json`: where Microsoft's documentation
//! repositories list the articles they moved or deleted, and where each
//! now redirects. The published site serves those redirects, so a link to
//! a moved article still lands somewhere: `check` reports it as
//! `redirected-link` (fix it, it costs a hop) rather than `broken-link`,
//! and `build` writes a redirect page in its place where it can
//! (`render::Renderer::write_moved`). Where the file is still there, the
//! redirect wins, as it does in Microsoft's publishing
//! ([`crate::site::Moved`]), and `check` says so
//! (`redirected-file-not-removed`).
//!
//! The file sits at a repository's root; a locale folder may be that root
//! or a docset folder below it (`WindowsServerDocs/`). So each locale
//! reads every such file in its folder and the folders above it, up to
//! the repository's root (the first folder with `.git`) or the site's
//! root, and takes the entries whose source path lies in its own folder.
//! `source_path` is relative to the file's folder; the newer
//! `source_path_from_root` starts with `/` at the same place. A folder's
//! publishing configuration may list more such files
//! ([`crate::publish_config`]), read alike.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::config::normalise;
use crate::diagnostic::{Finding, LineIndex, Location};
use crate::locale::Locale;
use crate::publish_config::{self, Publishing, folders};
use crate::published::Published;

pub const FILE_NAME: &str = ".openpublishing.redirection.json";

/// One moved article.
#[derive(Debug, Clone)]
pub struct Redirection {
    /// Where it redirects, as the file writes it (a site path, a URL, or
    /// a relative path).
    pub target: String,
    /// Where the entry writes the moved file's path, in the file that
    /// says so (shown as findings show paths).
    pub at: Location,
    /// Where it writes the target.
    pub target_at: Location,
    /// The target is a path of the published site that no file of the
    /// copy stands for (`/windows/...`, outside `[published] path`).
    site_path: bool,
    /// The page whose `aliases` name the moved path ([`crate::aliases`]),
    /// for an entry no redirection file makes.
    pub alias_of: Option<usize>,
}

impl Redirection {
    /// An alias of page `page`, written at `at`: the old path redirects to
    /// `target`, the page's path relative to it.
    pub fn alias(target: String, at: Location, page: usize) -> Self {
        Redirection {
            target,
            target_at: at.clone(),
            at,
            site_path: false,
            alias_of: Some(page),
        }
    }

    /// Whether the target is a path of the published site that no file
    /// of the copy stands for, and `[published] url` does not say where
    /// that site is: the build keeps the page, or writes nothing for a
    /// page that is gone. A path inside `[published] path` is a file of
    /// the copy ([`crate::published`]).
    pub fn to_site_path(&self) -> bool {
        self.site_path
    }
}

/// The redirections of every locale, and what was wrong with the files.
#[derive(Debug, Default)]
pub struct Redirections {
    /// Per locale: lower-cased path below the locale folder -> the path
    /// as the file spells it, and the entry.
    per_locale: Vec<HashMap<String, (String, Redirection)>>,
    /// Files that could not be read or parsed (`invalid-redirection`).
    pub problems: Vec<Finding>,
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    redirections: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    source_path: Option<String>,
    source_path_from_root: Option<String>,
    redirect_url: String,
}

impl Redirections {
    /// Reads the files that `locales` see (in the folders `publishing`
    /// looked in); `display` shows a path as findings do.
    pub fn load(
        locales: &[Locale],
        publishing: &Publishing,
        display: impl Fn(&Path) -> PathBuf,
        published: &Published,
    ) -> Self {
        let mut out = Redirections {
            per_locale: vec![HashMap::new(); locales.len()],
            problems: Vec::new(),
        };
        let mut read: HashMap<PathBuf, Option<Vec<(PathBuf, Redirection)>>> = HashMap::new();
        for (l, locale) in locales.iter().enumerate() {
            // `../kb-de/articles` from polydoc.toml: compared as written out.
            let dir = normalise(&locale.dir);
            for (file, listed_at) in files_above(publishing, l) {
                let entries = read.entry(file.clone()).or_insert_with(|| {
                    if let Some(at) = listed_at.filter(|_| !file.is_file()) {
                        out.problems.push(missing(&file, at, &display));
                        return None;
                    }
                    parse(&file, &display, published)
                        .map_err(|problem| out.problems.push(*problem))
                        .ok()
                });
                for (source, redirection) in entries.iter().flatten() {
                    if let Ok(rel) = source.strip_prefix(&dir) {
                        let rel = rel
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy())
                            .collect::<Vec<_>>()
                            .join("/");
                        out.per_locale[l]
                            .entry(rel.to_lowercase())
                            .or_insert_with(|| (rel.clone(), redirection.clone()));
                    }
                }
            }
        }
        out
    }

    /// Where `path` (below `locale`'s folder) moved, if it did; for a
    /// folder (`old`, from a link to `old/`), where its `index.md` did,
    /// the page a web server shows for it.
    pub fn get(&self, locale: usize, path: &str) -> Option<&Redirection> {
        let moved = self.per_locale.get(locale).filter(|m| !m.is_empty())?;
        let lower = path.to_lowercase();
        moved
            .get(&lower)
            .or_else(|| {
                crate::markdown::links::strip_md(&lower)
                    .is_none()
                    .then(|| match lower.trim_end_matches('/') {
                        "" => "index.md".to_owned(),
                        folder => format!("{folder}/index.md"),
                    })
                    .and_then(|index| moved.get(&index))
            })
            .map(|(_, r)| r)
    }

    /// The entry that already claims `path` of `locale`, exactly as
    /// written or in another letter case.
    pub fn claimed(&self, locale: usize, path: &str) -> Option<&Redirection> {
        let moved = self.per_locale.get(locale)?;
        moved.get(&path.to_lowercase()).map(|(_, r)| r)
    }

    /// Lists `path` of `locale` as moved, where nothing [`claimed`] it.
    ///
    /// [`claimed`]: Redirections::claimed
    pub fn insert(&mut self, locale: usize, path: String, redirection: Redirection) {
        if let Some(moved) = self.per_locale.get_mut(locale) {
            moved
                .entry(path.to_lowercase())
                .or_insert((path, redirection));
        }
    }

    /// Every moved article of `locale`: its path below the locale folder,
    /// as the file spells it, and where it went; in path order.
    pub fn of(&self, locale: usize) -> Vec<(&str, &Redirection)> {
        let mut out: Vec<(&str, &Redirection)> = self
            .per_locale
            .get(locale)
            .into_iter()
            .flat_map(|m| m.values().map(|(path, r)| (path.as_str(), r)))
            .collect();
        out.sort_by(|a, b| a.0.cmp(b.0));
        out
    }
}

/// The redirection files of `locale`'s folder and the folders above it, nearest
/// first: those that exist, and those a publishing configuration lists
/// (with where it lists them), which should.
fn files_above(publishing: &Publishing, locale: usize) -> Vec<(PathBuf, Option<Location>)> {
    let mut out = Vec::new();
    for (folder, config) in publishing.of(locale) {
        out.push((folder.join(FILE_NAME), None));
        for (file, at) in &config.redirection_files {
            out.push((file.clone(), Some(at.clone())));
        }
    }
    out.retain(|(file, at)| at.is_some() || file.is_file());
    out
}

/// Where a locale in `dir` looks for redirection files, whether or not
/// they exist yet, and the publishing configurations that list more, in
/// `dir` and the folders above it: `serve` watches these.
pub fn places(dir: &Path, root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for folder in folders(dir, root) {
        out.push(folder.join(FILE_NAME));
        out.push(folder.join(publish_config::FILE_NAME));
        let config = publish_config::read(&folder, &|p: &Path| p.to_path_buf());
        out.extend(config.redirection_files.into_iter().map(|(f, _)| f));
    }
    out
}

/// `invalid-redirection` for a redirection file the publishing
/// configuration lists (`at`) that is not there.
fn missing(file: &Path, at: Location, display: &impl Fn(&Path) -> PathBuf) -> Finding {
    Finding::error(
        "invalid-redirection",
        at,
        format!(
            "the publishing configuration lists `{}` among its redirection files, which does not exist: its redirections are unknown",
            display(file).display()
        ),
    )
    .with_help("fix the path (from the configuration's folder), add the file, or remove the entry")
}

/// The entries of `file`: (the moved file's absolute path, redirection).
fn parse(
    file: &Path,
    display: &impl Fn(&Path) -> PathBuf,
    published: &Published,
) -> Result<Vec<(PathBuf, Redirection)>, Box<Finding>> {
    let shown = display(file);
    let problem = |line: usize, column: usize, message: String| {
        Box::new(Finding::error(
            "invalid-redirection",
            Location::at(shown.clone(), line, column),
            format!("the redirections cannot be read: {message}"),
        )
        .with_help(
            "fix the file: `{\"redirections\": [{\"source_path\": ..., \"redirect_url\": ...}]}`",
        ))
    };
    let text = std::fs::read_to_string(file).map_err(|e| problem(1, 1, e.to_string()))?;
    let parsed: File = serde_json::from_str(&text)
        .map_err(|e| problem(e.line().max(1), e.column().max(1), e.to_string()))?;
    let folder = file.parent().unwrap_or(Path::new(""));
    let lines = LineIndex::new(&text);
    // Where each entry writes its source path and target, searched in
    // order (serde_json keeps no positions): the source path after the
    // previous entry's, the quoted target after the source path, or
    // before it in an entry that names the target first.
    let mut from = 0;
    let mut out = Vec::new();
    for entry in parsed.redirections {
        let Some(source) = entry
            .source_path_from_root
            .as_deref()
            .or(entry.source_path.as_deref())
        else {
            continue;
        };
        let at = text[from..].find(source).map_or(from, |i| from + i);
        from = at + source.len();
        let quoted = format!("\"{}\"", entry.redirect_url);
        let target_at = text[from..]
            .find(&quoted)
            .map(|i| from + i)
            .or_else(|| text[..at].rfind(&quoted))
            .map_or(at..from, |i| i + 1..i + quoted.len() - 1);
        out.push((
            normalise(&folder.join(source.trim_start_matches('/'))),
            Redirection {
                site_path: entry.redirect_url.starts_with('/')
                    && published.local(&entry.redirect_url).is_none()
                    && published.url(&entry.redirect_url).is_none(),
                target: entry.redirect_url,
                alias_of: None,
                at: lines.location(&shown, at..from),
                target_at: lines.location(&shown, target_at),
            },
        ));
    }
    Ok(out)
}
