//! `.openpublishing.publish.config.json`: Microsoft's publishing
//! configuration, at a documentation repository's root. polydoc reads two
//! of its keys:
//!
//! - `redirection_files` (at its top, or in a docset of
//!   `docsets_to_publish`): the redirection files beside the default
//!   `.openpublishing.redirection.json` (azure-docs splits its redirections
//!   by service), read by [`crate::redirections`].
//! - `dependent_repositories`: repositories the publishing clones into the
//!   copy before it builds (`{"path_to_root": "reusable-content", "url":
//!   "https://github.com/MicrosoftDocs/reusable-content"}`), whose includes
//!   and code samples the articles use (`~/reusable-content/...`). A clone
//!   of the repository alone lacks them: the links, includes and snippets
//!   leading there are not checked (they are no mistake of the copy), and
//!   `dependency-not-cloned` says so once per repository, with how to
//!   check them ([`Publishing::absent`]).
//! - A dependency at `_repo.<locale>` (`_repo.en-us`) is the *fallback
//!   repository* of a localized repository: the source repository, whose
//!   files the publishing takes wherever the copy lacks one (code samples
//!   and images are seldom handed off for translation, articles not yet
//!   translated are shown in the source language). A copy of a localized
//!   repository alone lacks most of them, so a link, include, image, code
//!   reference or table-of-contents entry naming a file the copy lacks
//!   is not checked while the source is no locale of the site, and
//!   `dependency-not-cloned` says how many there are and how to check
//!   them: add the source repository as the site's source locale
//!   (`[locales]`, `source`), whose files then stand in for the missing
//!   ones (`source-fallback`). polydoc does not make a cloned fallback a
//!   locale of its own accord: that would build every page of the source
//!   into the site. A cloned one lends the copy its other files instead
//!   (code samples, images: [`crate::load::fallback_assets`]), those a
//!   page names, so only the articles and includes the copy lacks stay
//!   unchecked. The fallback's folder is never read as part of the
//!   localized copy ([`is_fallback_folder`]).
//!
//! - `xref_query_tags` (in a docset, or at its top) and `xref_endpoint`:
//!   the docset's uids are resolved on publishing by Learn's xref
//!   service, as a `docfx.json`'s `xrefService` says (docfx v3 docsets
//!   such as dotnet/docs-desktop name it here instead): `<xref:System.Drawing.Pen>`
//!   is no page of the copy, and no mistake.
//!
//! A configuration that cannot be read is left alone: it is the
//! publishing's file, and the publishing reports it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value as Json;

use crate::config::normalise;
use crate::diagnostic::{LineIndex, Location};
use crate::docfx_json::strings;
use crate::locale::Locale;

pub const FILE_NAME: &str = ".openpublishing.publish.config.json";

/// How many folders above a locale folder are searched at most.
const LEVELS: usize = 8;

/// What polydoc reads of one configuration.
#[derive(Debug, Default)]
pub struct PublishConfig {
    /// The redirection files it lists, as paths from its folder, with
    /// where it lists each; without the default one.
    pub redirection_files: Vec<(PathBuf, Location)>,
    /// The repositories it clones into the copy.
    pub dependencies: Vec<Dependency>,
    /// The repository and branch the public edits, where Learn's "Edit"
    /// button leads (`https://github.com/MicrosoftDocs/azure-docs`,
    /// `main`): `git_repository_url_open_to_public_contributors` and its
    /// branch (`main` when unnamed); `None` when it names none, or
    /// `open_to_public_contributors` is false.
    pub public_edit: Option<(String, String)>,
    /// Its docsets' uids are resolved by an xref service on publishing.
    pub xref_service: bool,
}

/// A repository the publishing clones into the copy.
#[derive(Debug, Clone)]
pub struct Dependency {
    /// Where it goes, absolute.
    pub root: PathBuf,
    /// Where it goes as the configuration writes it (from its folder).
    pub written: String,
    /// Where it goes below a locale folder, `/`-separated with a trailing
    /// `/` (filled in by [`Publishing::absent`]).
    pub prefix: String,
    pub url: String,
    /// Where the configuration writes its `path_to_root`.
    pub at: Location,
    /// For a fallback repository (`_repo.en-us`), its locale's tag,
    /// lower-cased (`en-us`); `None` for the others.
    pub fallback: Option<String>,
    /// The folder of the configuration that lists it.
    pub folder: PathBuf,
}

/// The locale of a fallback repository's `path_to_root`: `en-us` for
/// `_repo.en-us`, as Microsoft's publishing recognises one (`_repo.` or
/// `_repo-` and a language tag).
pub fn fallback_locale(path_to_root: &str) -> Option<String> {
    let name = path_to_root
        .trim()
        .trim_start_matches("./")
        .trim_end_matches(['/', '\\']);
    let tag = name
        .strip_prefix("_repo.")
        .or_else(|| name.strip_prefix("_repo-"))?;
    Locale::from_tag(tag, PathBuf::new()).map(|locale| locale.key)
}

/// Whether `dir` is the folder of a fallback repository ([`fallback_locale`])
/// cloned beside a publishing configuration: the source repository, never
/// part of the localized copy that holds it.
pub fn is_fallback_folder(dir: &Path) -> bool {
    let named = dir
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| fallback_locale(name).is_some());
    named
        && dir
            .parent()
            .is_some_and(|parent| parent.join(FILE_NAME).is_file())
}

/// `dir` and the folders above it, up to the repository's root (the
/// first holding `.git`) or `root`, nearest first: where a locale in
/// `dir` looks for its repository's files.
pub fn folders(dir: &Path, root: &Path) -> Vec<PathBuf> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut out = Vec::new();
    for folder in normalise(dir).ancestors().take(LEVELS + 1) {
        out.push(folder.to_path_buf());
        let at_root = folder.canonicalize().is_ok_and(|f| f == root);
        if at_root || folder.join(".git").exists() {
            break;
        }
    }
    out
}

/// The configuration in `folder`, if any; `display` shows a path as
/// findings do.
pub fn read(folder: &Path, display: &dyn Fn(&Path) -> PathBuf) -> PublishConfig {
    let file = folder.join(FILE_NAME);
    let Ok(text) = std::fs::read_to_string(&file) else {
        return PublishConfig::default();
    };
    let Ok(json) = serde_json::from_str::<Json>(&text) else {
        return PublishConfig::default();
    };
    let lines = LineIndex::new(&text);
    let shown = display(&file);
    let at = |value: &str| lines.quoted(&shown, value);
    let path = |written: &str| normalise(&folder.join(written.replace('\\', "/")));
    let mut listed = strings(json.get("redirection_files"));
    let docsets = json.get("docsets_to_publish").and_then(Json::as_array);
    for docset in docsets.into_iter().flatten() {
        listed.extend(strings(docset.get("redirection_files")));
    }
    let mut redirection_files: Vec<(PathBuf, Location)> = Vec::new();
    for name in listed.into_iter().filter(|name| !name.trim().is_empty()) {
        let file = path(name);
        let default = folder.join(crate::redirections::FILE_NAME);
        if file != default && !redirection_files.iter().any(|(known, _)| *known == file) {
            redirection_files.push((file, at(name)));
        }
    }
    let repositories = json.get("dependent_repositories").and_then(Json::as_array);
    let dependencies = repositories
        .into_iter()
        .flatten()
        .filter_map(|repository| {
            let written = repository.get("path_to_root")?.as_str()?.trim();
            let url = repository.get("url").and_then(Json::as_str).unwrap_or("");
            (!written.is_empty()).then(|| Dependency {
                root: path(written),
                written: written.to_owned(),
                prefix: String::new(),
                url: url.trim().to_owned(),
                at: at(written),
                fallback: fallback_locale(written),
                folder: folder.to_path_buf(),
            })
        })
        .collect();
    let public_edit = public_edit(&json);
    let names_service = |object: &Json| {
        !strings(object.get("xref_query_tags")).is_empty()
            || object
                .get("xref_endpoint")
                .and_then(Json::as_str)
                .is_some_and(|e| !e.trim().is_empty())
    };
    let xref_service = names_service(&json) || docsets.into_iter().flatten().any(names_service);
    PublishConfig {
        redirection_files,
        dependencies,
        public_edit,
        xref_service,
    }
}

/// The configurations each locale sees, read once per build: in its
/// folder and the folders above it ([`folders`]), nearest first, each
/// folder's (empty where it has none) shared by the locales above which
/// it lies.
#[derive(Debug, Default, Clone)]
pub struct Publishing {
    per_locale: Vec<Vec<(PathBuf, Arc<PublishConfig>)>>,
}

impl Publishing {
    /// Reads the configurations `locales` see; `root` is the site's root,
    /// `display` shows a path as findings do.
    pub fn load(locales: &[Locale], root: &Path, display: &dyn Fn(&Path) -> PathBuf) -> Publishing {
        let mut read: HashMap<PathBuf, Arc<PublishConfig>> = HashMap::new();
        let per_locale = locales
            .iter()
            .map(|locale| {
                folders(&locale.dir, root)
                    .into_iter()
                    .map(|folder| {
                        let config = read
                            .entry(folder.clone())
                            .or_insert_with(|| Arc::new(self::read(&folder, display)));
                        (folder, Arc::clone(config))
                    })
                    .collect()
            })
            .collect();
        Publishing { per_locale }
    }

    /// The folders `locale` looks in, nearest first, with their
    /// configurations.
    pub fn of(&self, locale: usize) -> &[(PathBuf, Arc<PublishConfig>)] {
        self.per_locale.get(locale).map_or(&[], Vec::as_slice)
    }

    /// Whether a configuration some locale sees names an xref service
    /// ([`PublishConfig::xref_service`]).
    pub fn xref_service(&self) -> bool {
        (self.per_locale.iter().flatten()).any(|(_, config)| config.xref_service)
    }

    /// The fallback repositories cloned for `locale` (its folder `dir`)
    /// whose locale is none of `locales`: the folder of the clone that
    /// mirrors `dir`, and the path below `dir` that the clone's files
    /// take (empty where `dir` lies inside the configuration's folder).
    pub fn cloned_fallbacks(
        &self,
        locale: usize,
        dir: &Path,
        locales: &[&str],
    ) -> Vec<(PathBuf, String)> {
        let dir = normalise(dir);
        let mut out: Vec<(PathBuf, String)> = Vec::new();
        let fallbacks = (self.of(locale).iter())
            .flat_map(|(_, config)| &config.dependencies)
            .filter(|d| {
                d.fallback
                    .as_ref()
                    .is_some_and(|tag| !locales.contains(&tag.as_str()))
            });
        for dependency in fallbacks.filter(|d| d.root.is_dir()) {
            let clone = match dir.strip_prefix(&dependency.folder) {
                Ok(sub) => (dependency.root.join(sub), String::new()),
                Err(_) => match folder_below(&dependency.folder, &dir) {
                    Some(prefix) => (dependency.root.clone(), prefix),
                    None => continue,
                },
            };
            if clone.0.is_dir() && !out.contains(&clone) {
                out.push(clone);
            }
        }
        out
    }

    /// [`PublishConfig::public_edit`] of the nearest configuration that
    /// names one.
    pub fn public_edit(&self, locale: usize) -> Option<(&str, &str)> {
        self.of(locale)
            .iter()
            .find_map(|(_, config)| config.public_edit.as_ref())
            .map(|(repo, branch)| (repo.as_str(), branch.as_str()))
    }

    /// The repositories `locale`'s configurations clone into its folder
    /// (`dir`) that this copy lacks (no folder where they go), with their
    /// [`Dependency::prefix`]; and its fallback repositories whose locale
    /// is not among `locales` (the site's keys), cloned or not, with the
    /// configuration's folder below `dir` as their prefix (empty where
    /// `dir` lies inside it): the files they stand in for are the copy's
    /// missing ones, which only the source locale can tell.
    pub fn absent(&self, locale: usize, dir: &Path, locales: &[&str]) -> Vec<Dependency> {
        let dir = normalise(dir);
        let below = |path: &Path| folder_below(path, &dir);
        self.of(locale)
            .iter()
            .flat_map(|(_, config)| &config.dependencies)
            .filter_map(|dependency| {
                let prefix = match &dependency.fallback {
                    Some(tag) if locales.contains(&tag.as_str()) => return None,
                    Some(_) => below(&dependency.folder).unwrap_or_default(),
                    None if dependency.root.is_dir() => return None,
                    None => below(&dependency.root).filter(|p| !p.is_empty())?,
                };
                Some(Dependency {
                    prefix,
                    ..dependency.clone()
                })
            })
            .collect()
    }
}

/// `path` below `dir`, `/`-separated with a trailing `/` (empty for
/// `dir` itself), as a prefix of the paths below a locale folder.
fn folder_below(path: &Path, dir: &Path) -> Option<String> {
    let below = path.strip_prefix(dir).ok()?;
    Some(
        (below.components())
            .map(|c| format!("{}/", c.as_os_str().to_string_lossy()))
            .collect(),
    )
}

/// [`PublishConfig::public_edit`] of the configuration `json`.
fn public_edit(json: &Json) -> Option<(String, String)> {
    if json
        .get("open_to_public_contributors")
        .and_then(Json::as_bool)
        == Some(false)
    {
        return None;
    }
    let text = |key: &str| {
        let value = json.get(key)?.as_str()?.trim();
        (!value.is_empty()).then_some(value)
    };
    let url = text("git_repository_url_open_to_public_contributors")?;
    let branch = text("git_repository_branch_open_to_public_contributors").unwrap_or("main");
    Some((url.to_owned(), branch.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fallback_repository_is_named_after_its_locale() {
        for (written, locale) in [
            ("_repo.en-us", "en-us"),
            ("_repo.en-US/", "en-us"),
            ("./_repo-de-de", "de-de"),
            ("_repo.zh-Hant", "zh-hant"),
        ] {
            assert_eq!(
                fallback_locale(written).as_deref(),
                Some(locale),
                "{written}"
            );
        }
        for written in [
            "_themes",
            "reusable-content",
            "_repo",
            "_repo.",
            "_repo.samples",
            "repo.en-us",
        ] {
            assert_eq!(fallback_locale(written), None, "{written}");
        }
    }
}
