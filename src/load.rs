//! Load stage: every file of every locale, read once, in parallel.
//!
//! Markdown files become [`Source`]s (text plus parsed front matter); other
//! files are [`Asset`]s, copied to the output as they are. A file that
//! cannot be read, is not UTF-8 or has broken front matter gives an error
//! finding and never stops the other files: an unreadable or binary page is
//! left out, a page with broken front matter is still built without it.
//!
//! `toc.yml` and `TOC.md` are navigation files, not pages, and are left for
//! the navigation stage. A `docfx.json` is configuration, never copied: it
//! is read while its locale is listed, and each page below it gets its
//! metadata under the page's own front matter, and whether its content
//! globs leave the page out ([`crate::docfx_json`]).

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{Finding, LineIndex, Location};
use crate::docfx_json::{self, Applied, Projects};
use crate::frontmatter::{self, Meta};
use crate::locale::Locale;
use crate::progress::Progress;
use crate::toc::TocSource;
use crate::xref_map::ListedMap;

/// One Markdown file of one locale.
#[derive(Debug)]
pub struct Source {
    /// Index into the site's locale list.
    pub locale: usize,
    /// Path below the locale folder, `/`-separated, as spelled on disk.
    pub rel_path: String,
    /// Path for messages (relative to the site root when below it).
    pub display: PathBuf,
    pub text: String,
    /// Where each line of `text` starts ([`crate::diagnostic::line_starts`]),
    /// worked out while the text is fresh in the cache: findings need
    /// them later, when it is not.
    pub lines: Vec<u32>,
    /// Where `text` holds what the whole-text checks look for, found while
    /// it is fresh in the cache as well ([`crate::marks`]).
    pub marks: crate::marks::Marks,
    /// Byte offset where the Markdown body starts, after the front matter.
    pub body_start: usize,
    /// Front matter, read through [`Source::meta_str`] and
    /// [`Source::meta_mapping`] (it points into `text`).
    pub meta: Meta,
    /// A DocFX landing, hub or FAQ page (YAML, [`crate::landing`]), not
    /// Markdown.
    pub landing: bool,
    /// Its `docfx.json` builds it only where it is included: its
    /// `build.content` leaves it out ([`crate::docfx_json`]).
    pub excluded: bool,
    /// The folder of its `docfx.json` below the locale folder, and where
    /// the project publishes its files ([`Applied::project`]).
    pub project: Option<std::sync::Arc<docfx_json::Layout>>,
    /// The digests of `text` a translation's `ms.openlocfilehash` is
    /// compared with, made on first ask ([`Source::hashes_to`]).
    pub digests: crate::loc_hash::Digests,
}

/// A date a page carries in its front matter ([`Source::revised`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated<'s> {
    /// The key it was read from.
    pub key: &'static str,
    /// As written.
    pub written: &'s str,
    /// Sortable: (year, month, day).
    pub day: (u32, u32, u32),
}

impl Source {
    /// Parses the page: Markdown, or a landing page's links.
    pub fn parse(&self) -> crate::markdown::Document {
        if self.landing {
            crate::landing::document(&self.text)
        } else {
            crate::markdown::parse(&self.text, self.body_start)
        }
    }

    /// The string value of front matter key `key`, if it has one.
    pub fn meta_str(&self, key: &str) -> Option<&str> {
        self.meta.get_str(&self.text, key)
    }

    /// The source version this page was translated from: its
    /// `ms.openlocfilehash`, which Microsoft's localization pipeline writes
    /// into every translated page. `None` for a source page or a
    /// translation kept by hand.
    pub fn source_version(&self) -> Option<&str> {
        self.meta_str("ms.openlocfilehash")
            .map(str::trim)
            .filter(|h| !h.is_empty())
    }

    /// Whether this page's text is the one `hash` (a translation's
    /// `ms.openlocfilehash`) was taken of: the very text the translation
    /// was made from. `None` when `hash` is no hash polydoc can recompute
    /// ([`crate::loc_hash`]).
    pub fn hashes_to(&self, hash: &str) -> Option<bool> {
        self.digests.made_from(&self.text, hash)
    }

    /// The date the page says it was last revised: `ms.date`, else `date`
    /// (`03/10/2022` as Microsoft's repositories write it, or `2022-03-10`).
    /// Microsoft's pipeline copies the source's `ms.date` into each
    /// translation, and authors update it when they revise a page.
    pub fn revised(&self) -> Option<Dated<'_>> {
        ["ms.date", "date"].into_iter().find_map(|key| {
            let written = self.meta_str(key)?.trim();
            crate::frontmatter::date(written).map(|day| Dated { key, written, day })
        })
    }

    /// Byte offset of the front matter line that sets `key` (`key:` at
    /// the start of a line), where findings about its value point; the
    /// start of the file when no line does.
    pub fn meta_key_offset(&self, key: &str) -> usize {
        let front = self.text.get(..self.body_start).unwrap_or_default();
        let mut offset = 0;
        for line in front.split_inclusive('\n') {
            if line
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
            {
                return offset;
            }
            offset += line.len();
        }
        0
    }

    /// The values of front matter list `key` ([`Meta::get_list`]).
    pub fn meta_list(&self, key: &str) -> Option<Vec<&str>> {
        self.meta.get_list(&self.text, key)
    }

    /// The whole front matter, as templates see it.
    pub fn meta_mapping(&self) -> std::borrow::Cow<'_, serde_yaml::Mapping> {
        self.meta.mapping(&self.text)
    }

    /// Lines and columns of the file's byte offsets, from its line table.
    pub fn line_index(&self) -> LineIndex<'_> {
        LineIndex::with_starts(&self.text, &self.lines)
    }
}

/// A non-Markdown file (image, download) copied to the output unchanged.
#[derive(Debug)]
pub struct Asset {
    pub locale: usize,
    pub rel_path: String,
    pub path: PathBuf,
    /// A file of the locale's cloned fallback repository that the locale
    /// lacks ([`fallback_assets`]): published only where a page names it.
    pub fallback: bool,
}

/// What loading found: one `T` per readable Markdown file (see [`load`]).
#[derive(Debug)]
pub struct Loaded<T> {
    pub pages: Vec<T>,
    pub assets: Vec<Asset>,
    /// `toc.yml` and `TOC.md` files.
    pub tocs: Vec<TocSource>,
    pub findings: Vec<Finding>,
    /// A `docfx.json` names an xref service ([`docfx_json::Project::xref_service`]).
    pub xref_service: bool,
    /// The xref maps the `docfx.json` files name (`build.xref`), by
    /// locale, each in its file's order.
    pub xref_maps: Vec<ListedMap>,
    /// How many `docfx.json` files were read, for the summary.
    pub docfx_projects: usize,
    /// The metadata files the `docfx.json` files name, as read.
    pub metadata_files: Vec<PathBuf>,
    /// Pages marked `draft: true`, left out (see [`load`]).
    pub drafts: Vec<crate::site::Draft>,
}

/// Reads all locales and hands each [`Source`] to `then` in the same
/// parallel pass, while its text is still hot in the cache: the build
/// parses it there, as a reference renderer would, instead of waiting for
/// every file to be read first. Pages come out in walk order (by locale,
/// then path).
pub fn load<T: Send>(
    config: &Config,
    locales: &[Locale],
    progress: &dyn Progress,
    then: impl Fn(Source) -> T + Sync,
) -> Loaded<T> {
    let mut loaded = Loaded {
        pages: Vec::new(),
        assets: Vec::new(),
        tocs: Vec::new(),
        findings: Vec::new(),
        xref_service: false,
        xref_maps: Vec::new(),
        docfx_projects: 0,
        metadata_files: Vec::new(),
        drafts: Vec::new(),
    };
    // The locales are listed in parallel (one folder tree each), then
    // joined in their order.
    let listed: Vec<Listed> = locales
        .par_iter()
        .enumerate()
        .map(|(index, locale)| list(config, index, locale))
        .collect();
    let mut pages = Vec::with_capacity(listed.iter().map(|l| l.pages.len()).sum());
    for listed in listed {
        pages.extend(listed.pages);
        loaded.assets.extend(listed.assets);
        loaded.tocs.extend(listed.tocs);
        loaded.findings.extend(listed.findings);
        loaded.xref_service |= listed.xref_service;
        loaded.xref_maps.extend(listed.xref_maps);
        loaded.docfx_projects += listed.docfx_projects;
        loaded.metadata_files.extend(listed.metadata_files);
    }
    progress.start("Reading files", pages.len() as u64);
    // A page marked `draft: true` is left out, as Hugo and Zola leave
    // drafts out (`--drafts` reads it as a page): only its path is kept
    // ([`crate::site::Draft`]), unparsed, so that for every later stage
    // the locale lacks the page, and a link to it says why.
    let results: Vec<(Option<Read<T>>, Vec<Finding>)> = pages
        .into_par_iter()
        .map(|listed| {
            let (source, findings) = read_source(config, listed);
            let page = source.map(
                |s| match !config.drafts && s.meta.own_true(&s.text, "draft") {
                    true => Err(crate::site::Draft::of(&s)),
                    false => Ok(then(s)),
                },
            );
            progress.advance(1);
            (page, findings)
        })
        .collect();
    progress.finish();
    loaded.pages.reserve_exact(results.len());
    for (page, findings) in results {
        match page {
            Some(Ok(page)) => loaded.pages.push(page),
            Some(Err(draft)) => loaded.drafts.push(draft),
            None => {}
        }
        loaded.findings.extend(findings);
    }
    loaded
}

/// A file read as a page: what `then` made of it, or a draft left out.
type Read<T> = Result<T, crate::site::Draft>;

/// One locale's files, as its folder tree lists them.
#[derive(Default)]
struct Listed {
    pages: Vec<ListedPage>,
    assets: Vec<Asset>,
    tocs: Vec<TocSource>,
    findings: Vec<Finding>,
    xref_service: bool,
    xref_maps: Vec<ListedMap>,
    docfx_projects: usize,
    metadata_files: Vec<PathBuf>,
}

/// A Markdown or landing page, as listed.
struct ListedPage {
    locale: usize,
    /// Below the locale folder, `/`-separated.
    rel_path: String,
    path: PathBuf,
    /// What its `docfx.json` says of it.
    docfx: Applied,
}

/// Lists the files of locale `index`, sorted by name in each folder.
fn list(config: &Config, index: usize, locale: &Locale) -> Listed {
    let mut listed = Listed::default();
    let mut projects = Vec::new();
    // The metadata files the projects name, as read.
    let mut metadata_files: Vec<PathBuf> = Vec::new();
    let walker = WalkDir::new(&locale.dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || is_input(config, e));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| locale.dir.clone());
                let cause = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                listed.findings.push(unreadable(config, &path, &cause));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let Some(rel_path) = relative(&locale.dir, entry.path()) else {
            continue;
        };
        let name = entry.file_name().to_string_lossy().to_ascii_lowercase();
        if name == "toc.yml" || name == "toc.md" {
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => listed.tocs.push(TocSource {
                    locale: index,
                    rel_path,
                    display: config.display_path(entry.path()),
                    text,
                }),
                Err(e) => listed
                    .findings
                    .push(unreadable(config, entry.path(), &e.to_string())),
            }
            continue;
        }
        if name == "docfx.json" {
            // Configuration, never copied to the site.
            let folder = entry.path().parent().unwrap_or(&locale.dir);
            let mut open = |written: &str| {
                let path = crate::config::normalise(&folder.join(written.replace('\\', "/")));
                let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
                let display = config.display_path(&path);
                metadata_files.push(path);
                Ok(docfx_json::Named { text, display })
            };
            let read = std::fs::read_to_string(entry.path())
                .map_err(|e| Box::new(unreadable(config, entry.path(), &e.to_string())))
                .and_then(|text| {
                    let display = config.display_path(entry.path());
                    docfx_json::read(&rel_path, &text, &display, &mut open)
                });
            match read {
                Ok((project, findings)) => {
                    projects.push(project);
                    listed.findings.extend(findings);
                }
                Err(finding) => listed.findings.push(*finding),
            }
            continue;
        }
        if name.ends_with(".md") || (name.ends_with(".yml") && crate::landing::sniff(entry.path()))
        {
            listed.pages.push(ListedPage {
                locale: index,
                rel_path,
                path: entry.into_path(),
                docfx: Applied::default(),
            });
        } else {
            listed.assets.push(Asset {
                locale: index,
                rel_path,
                path: entry.into_path(),
                fallback: false,
            });
        }
    }
    // A project's metadata files are its configuration, as docfx.json is.
    if !metadata_files.is_empty() {
        let normalised = |path: &Path| crate::config::normalise(path);
        listed
            .assets
            .retain(|a| !metadata_files.contains(&normalised(&a.path)));
    }
    listed.docfx_projects = projects.len();
    listed.metadata_files = metadata_files;
    listed.xref_service = projects.iter().any(|p| p.xref_service);
    for project in &projects {
        listed.xref_maps.extend(project.xref_maps(&locale.dir));
    }
    let mut lower: Option<std::collections::HashMap<String, &str>> = None;
    for project in &projects {
        let missing = project.missing_app_files(|path| {
            // Rare (a site naming its logo): the lookup is made once.
            let lower = lower.get_or_insert_with(|| {
                listed
                    .assets
                    .iter()
                    .map(|a| (a.rel_path.to_lowercase(), a.rel_path.as_str()))
                    .collect()
            });
            lower
                .get(&path.to_lowercase())
                .map(|&actual| actual == path)
        });
        listed.findings.extend(missing);
    }
    if !projects.is_empty() {
        let mut projects = Projects::new(projects);
        let built = projects.built_outputs(&locale.dir);
        if !built.is_empty() {
            let keep = |path: &str| !docfx_json::below_any(path, &built);
            listed.pages.retain(|p| keep(&p.rel_path));
            listed.assets.retain(|a| keep(&a.rel_path));
            listed.tocs.retain(|t| keep(&t.rel_path));
        }
        for page in &mut listed.pages {
            page.docfx = projects.apply(&page.rel_path);
        }
    }
    drop_shadowed_landing_pages(config, &mut listed);
    listed
}

/// Whether a file or folder met in a locale folder is the site's input.
/// Not: hidden ones (`.git`, `.vs`, the staging folder of a build in
/// progress), a folder polydoc wrote (it holds the output [`MARKER`]),
/// and, where a locale folder holds the site root (a DocFX project built
/// in place with `[locales] en-us = "."`), the root's own `polydoc.toml`
/// and theme folders. Without this, every build of such a site copied
/// the last one into itself, a folder deeper each time. Nor the source
/// repository a localized repository's publishing clones in as its
/// fallback (`_repo.en-us`, [`crate::publish_config::is_fallback_folder`]):
/// its pages are another locale's.
///
/// [`MARKER`]: crate::output::MARKER
pub fn is_input(config: &Config, entry: &walkdir::DirEntry) -> bool {
    if entry.file_name().to_string_lossy().starts_with('.') {
        return false;
    }
    let path = entry.path();
    if path.parent() == Some(config.root.as_path()) {
        let own = [crate::config::CONFIG_FILE, "templates", "static", "i18n"];
        if own.iter().any(|name| entry.file_name() == *name) {
            return false;
        }
    }
    !(entry.file_type().is_dir()
        && (path == config.output
            || path.join(crate::output::MARKER).exists()
            || crate::publish_config::is_fallback_folder(path)))
}

/// A landing page beside a Markdown page of the same name (`index.yml`,
/// `index.md`) would be built to the same `index.html`: the Markdown page
/// is, and the landing page is left out with a finding (DocFX refuses to
/// build both).
fn drop_shadowed_landing_pages(config: &Config, listed: &mut Listed) {
    // By stem, in any case: the sources are written on Windows.
    let markdown: std::collections::HashMap<String, String> = listed
        .pages
        .iter()
        .filter_map(|page| {
            let rel = &page.rel_path;
            Some((
                crate::markdown::links::strip_md(rel)?.to_lowercase(),
                rel.clone(),
            ))
        })
        .collect();
    let findings = &mut listed.findings;
    listed.pages.retain(|ListedPage { rel_path, path, .. }| {
        let Some(stem) = crate::site::strip_yml(rel_path) else {
            return true;
        };
        let shadowed = markdown.get(&stem.to_lowercase());
        if let Some(page) = shadowed {
            findings.push(
                Finding::error(
                    "duplicate-output",
                    Location::file(config.display_path(path)),
                    format!("this landing page and `{page}` would both be built as `{stem}.html`: the Markdown page is built, this one is left out"),
                )
                .with_help("rename or remove one of the two files"),
            );
        }
        shadowed.is_none()
    });
}

/// The files a localized copy lacks that its cloned fallback repository
/// holds (`_repo.en-us`, [`crate::publish_config`]): code samples, images,
/// downloads, as the publishing takes them from there, each at the path
/// the copy would have it. Not pages, includes, tables of contents or
/// configuration: those are the source locale's, only when it is one.
/// `own` are the locales' own files; the site later keeps only the
/// fallback files a page names ([`crate::site::Site::resolve`]).
pub fn fallback_assets(
    locales: &[Locale],
    publishing: &crate::publish_config::Publishing,
    own: &[Asset],
) -> Vec<Asset> {
    let keys: Vec<&str> = locales.iter().map(|l| l.key.as_str()).collect();
    let mut out = Vec::new();
    for (index, locale) in locales.iter().enumerate() {
        let clones = publishing.cloned_fallbacks(index, &locale.dir, &keys);
        if clones.is_empty() {
            continue;
        }
        let mut have: std::collections::HashSet<String> = (own.iter())
            .filter(|a| a.locale == index)
            .map(|a| a.rel_path.to_lowercase())
            .collect();
        for (root, prefix) in clones {
            let walker = WalkDir::new(&root)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0
                        || !(e.file_name().to_string_lossy().starts_with('.')
                            || crate::publish_config::is_fallback_folder(e.path()))
                });
            for entry in walker.flatten() {
                let name = entry.file_name().to_string_lossy().to_ascii_lowercase();
                let configuration = name == "docfx.json" || name.starts_with("toc.");
                let page = [".md", ".yml", ".yaml"].iter().any(|e| name.ends_with(e));
                if !entry.file_type().is_file() || configuration || page {
                    continue;
                }
                let Some(below) = relative(&root, entry.path()) else {
                    continue;
                };
                let rel_path = format!("{prefix}{below}");
                if have.insert(rel_path.to_lowercase()) {
                    out.push(Asset {
                        locale: index,
                        rel_path,
                        path: entry.into_path(),
                        fallback: true,
                    });
                }
            }
        }
    }
    out
}

fn relative(dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    Some(parts.join("/"))
}

fn unreadable(config: &Config, path: &Path, cause: &str) -> Finding {
    Finding::error(
        "unreadable-file",
        Location::file(config.display_path(path)),
        format!("cannot read this file: {cause}"),
    )
    .with_help(
        "check that the file exists and that polydoc may read it; the other pages are not affected",
    )
}

fn read_source(config: &Config, listed: ListedPage) -> (Option<Source>, Vec<Finding>) {
    let ListedPage {
        locale,
        rel_path,
        path,
        docfx,
    } = listed;
    let path = path.as_path();
    let display = config.display_path(path);
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return (None, vec![unreadable(config, path, &e.to_string())]),
    };
    let text = match utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
            let (line, column) = LineIndex::new(prefix).position(prefix.len());
            let finding = Finding::error("invalid-utf8", Location::at(display, line, column), "this file is not valid UTF-8 text, so it was left out")
                .with_help("save the file as UTF-8; if it is not a Markdown article, rename it so it does not end in `.md`");
            return (None, vec![finding]);
        }
    };
    if rel_path.to_ascii_lowercase().ends_with(".yml") {
        return read_landing(locale, rel_path, display, text, docfx);
    }
    let mut findings = Vec::new();
    let (body_start, meta) = match frontmatter::split(&text)
        .and_then(|s| Ok((s.body_start, frontmatter::parse(&text, &s)?)))
    {
        Ok(parts) => parts,
        Err(e) => {
            let body_start = frontmatter::split(&text).map_or(0, |s| s.body_start);
            findings.push(
                Finding::error("invalid-front-matter", Location::at(display.clone(), e.line, e.column), format!("invalid front matter: {}", e.message))
                    .with_help("fix the YAML between the `---` lines; until then the page is read without its front matter"),
            );
            (body_start, Meta::default())
        }
    };
    let meta = meta.inheriting(docfx.metadata);
    (
        Some(Source {
            locale,
            rel_path,
            display,
            lines: crate::diagnostic::line_starts(&text),
            marks: crate::marks::Marks::of(&text),
            text,
            body_start,
            meta,
            landing: false,
            excluded: docfx.excluded,
            project: docfx.project.clone(),
            digests: Default::default(),
        }),
        findings,
    )
}

/// A landing page ([`crate::landing`]): its `metadata` is its front
/// matter; YAML that does not parse is an error at its place, and the
/// page is still built, without its content.
fn read_landing(
    locale: usize,
    rel_path: String,
    display: PathBuf,
    text: String,
    docfx: Applied,
) -> (Option<Source>, Vec<Finding>) {
    let mut findings = Vec::new();
    let meta = match crate::landing::metadata(&text) {
        Ok(mapping) => Meta::from_mapping(mapping),
        Err((line, column, message)) => {
            findings.push(
                Finding::error(
                    "invalid-front-matter",
                    Location::at(display.clone(), line, column),
                    format!("invalid YAML in this landing page: {message}"),
                )
                .with_help("fix the YAML; until then the page is built without its content"),
            );
            Meta::default()
        }
    };
    let source = Source {
        locale,
        rel_path,
        display,
        lines: crate::diagnostic::line_starts(&text),
        // The whole-text checks read prose, which a landing page has none of.
        marks: crate::marks::Marks::default(),
        text,
        body_start: 0,
        meta: meta.inheriting(docfx.metadata),
        landing: true,
        excluded: docfx.excluded,
        project: docfx.project,
        digests: Default::default(),
    };
    (Some(source), findings)
}

/// `bytes` as text. simdutf8 validates valid UTF-8 several times faster
/// than the standard library on prose with accented letters (every page
/// of the site goes through here, and that was a tenth of the load);
/// invalid text goes through the standard library for the position of
/// the first bad byte.
fn utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just validated the bytes as UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        String::from_utf8(bytes)
    }
}
