//! Resolve stage: the loaded and parsed pages, tied together.
//!
//! A translation group is the set of pages at the same path in each locale,
//! compared case-insensitively because the source repositories are written
//! on Windows, where `Get-Started/Foo.md` and `get-started/foo.md` are one
//! file. Indexes are built once here and only read afterwards, so no later
//! stage scans the whole site per page.

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::check::resolve::Targets;
use crate::landing::api::Declared;
use crate::load::{Asset, Source};
use crate::locale::Locale;
use crate::markdown::{Document, links, snippet};
use crate::nav::NavTree;
use crate::pivots::Pivots;
use crate::redirections::Redirections;
use crate::toc::{TocSource, Tocs};
use crate::xref_map::{Spec, XrefMaps};

/// One page: its source, its parsed form and where it goes.
#[derive(Debug)]
pub struct Page {
    pub source: Source,
    pub doc: Document,
    pub title: String,
    /// Output path below the output folder, `/`-separated: `es-es/a/b.html`.
    pub out_path: String,
    /// Index into [`Site::groups`].
    pub group: usize,
    /// A file that is only included into pages (under an `includes/`
    /// folder, listed in `includes` in `polydoc.toml`, or left out of its
    /// `docfx.json`'s content): checked, never written as a page of its
    /// own.
    pub fragment: bool,
    /// Whether a `.openpublishing.redirection.json` lists the file as moved.
    pub moved: Moved,
    /// Neither published nor read by DocFX: left out of its `docfx.json`'s
    /// content and included by no page. `check` and `drift` leave it out,
    /// since nobody reads what they would say of it.
    pub unread: bool,
}

/// A page that a redirection file lists as moved, though its file is
/// still there. Microsoft's publishing serves the redirect and ignores
/// the file (with a warning, which `check` gives too); the build does the
/// same where the target is a file or a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    No,
    /// To a path of the published site (`/windows/...`) that no file of
    /// the copy stands for and no `[published] url` leads to
    /// ([`crate::published`]): the page is built as it is.
    Kept,
    /// The build writes the redirect in the page's place.
    Redirected,
}

impl Page {
    pub fn locale(&self) -> usize {
        self.source.locale
    }

    /// The page's `ROBOTS` (or `robots`) front matter, as Microsoft's
    /// repositories write it: `NOINDEX, NOFOLLOW`. Passed on as a robots
    /// meta tag.
    pub fn robots(&self) -> Option<&str> {
        self.source
            .meta_str("ROBOTS")
            .or_else(|| self.source.meta_str("robots"))
            .map(str::trim)
            .filter(|value| !value.is_empty())
    }

    /// Whether the page is an article of its own, listed in the navigation
    /// and the generated page list: not a file only included into pages,
    /// not a redirect to where a page moved.
    pub fn listed(&self) -> bool {
        !self.fragment && self.redirect().is_none() && self.moved != Moved::Redirected
    }

    /// Whether the sitemap and the site's search list the page: a listed
    /// page that does not ask search engines to leave it out
    /// (`ROBOTS: NOINDEX`).
    pub fn indexed(&self) -> bool {
        self.listed()
            && !self
                .robots()
                .is_some_and(|r| r.to_ascii_lowercase().contains("noindex"))
    }

    /// Where the page moved: DocFX's `redirect_url` in its front matter
    /// (a relative `.md` path, a site path or a URL). The build writes a
    /// redirect in its place, which [`Page::listed`] leaves out.
    pub fn redirect(&self) -> Option<&str> {
        self.source
            .meta_str("redirect_url")
            .map(str::trim)
            .filter(|url| !url.is_empty())
    }
}

/// Everything later stages read. Built once, then shared read-only.
#[derive(Debug)]
pub struct Site {
    pub locales: Vec<Locale>,
    pub pages: Vec<Page>,
    /// Translation groups: page indices, at most one per locale, in locale order.
    pub groups: Vec<Vec<usize>>,
    /// Per locale: the page at the locale's root `index.md`, if any.
    pub home: Vec<Option<usize>>,
    /// Per locale: the navigation tree from its folders.
    pub nav: Vec<NavTree>,
    pub assets: Vec<Asset>,
    /// Every file of each locale, for resolving links.
    pub targets: Targets,
    /// Per locale: DocFX uids (`uid:` in front matter, an API page's
    /// items) and their pages.
    pub uids: Vec<HashMap<String, Vec<usize>>>,
    /// Per locale: the uids of API items ([`crate::landing::api`]).
    pub api_items: Vec<HashMap<String, Declared>>,
    /// The locale translations are made from, when the site names one or
    /// the translations' hashes tell ([`Site::found_source`]).
    pub source: Option<usize>,
    /// How the source locale was found when the site names none: the
    /// translations' `ms.openlocfilehash` are hashes of its pages
    /// ([`crate::loc_hash::found_source`]).
    pub found_source: Option<crate::loc_hash::FoundSource>,
    /// Code files that `:::code` and `[!code]` read, by locale and path
    /// as spelled on disk; read once here, for the checks and the render.
    pub snippets: HashMap<(usize, String), Arc<str>>,
    /// Tables of contents (`toc.yml`, `TOC.md`), resolved.
    pub tocs: Tocs,
    /// DocFX zone pivot groups (`zone-pivot-groups.yml`) per locale.
    pub pivots: Pivots,
    /// Alert keywords the site adds (`[alerts]` in `polydoc.toml`).
    pub alert_keywords: Vec<String>,
    /// Articles moved or deleted (`.openpublishing.redirection.json`).
    pub redirections: Redirections,
    /// Prefixes of uids no page declares because a service resolves them
    /// when the site is published (`[xref] external`).
    pub xref_external: Vec<String>,
    /// Other sites' uids (`[xref] maps`), looked up after the pages'.
    pub xref_maps: Arc<XrefMaps>,
    /// Pages marked `draft: true` that this run leaves out.
    pub drafts: Vec<Draft>,
    /// The products' versions `polydoc.toml` lists (`[monikers]`), for
    /// moniker ranges ([`crate::monikers`]), and the names the version
    /// picker shows.
    pub monikers: crate::monikers::Listed,
}

/// A page marked `draft: true` that this run leaves out: where it is, so
/// that what links it is told it is a draft rather than missing.
#[derive(Debug, Clone)]
pub struct Draft {
    pub locale: usize,
    /// Below the locale folder, `/`-separated, as on disk.
    pub rel_path: String,
    /// The file as findings show it.
    pub display: std::path::PathBuf,
    /// The line of its `draft:` key.
    pub line: usize,
}

impl Draft {
    pub fn of(source: &Source) -> Draft {
        let offset = source.meta_key_offset("draft");
        Draft {
            locale: source.locale,
            rel_path: source.rel_path.clone(),
            display: source.display.clone(),
            line: source.line_index().position(offset).0,
        }
    }
}

/// What resolving needs from the configuration.
#[derive(Debug, Default, Clone)]
pub struct SiteOptions {
    /// The source locale's tag or folder name.
    pub source: Option<String>,
    /// Paths (below a locale folder) of files that are only included, besides `includes/` folders.
    pub includes: Vec<String>,
    /// The site root, for showing paths in findings relative to it.
    pub root: std::path::PathBuf,
    /// Alert keywords the site adds besides DocFX's five.
    pub alert_keywords: Vec<String>,
    /// Where the pages live on the site they are published to.
    pub published: crate::published::Published,
    /// Prefixes of uids another service resolves.
    pub xref_external: Vec<String>,
    /// Other sites' uids, from their xref maps.
    pub xref_maps: Arc<XrefMaps>,
    /// The publishing configurations the locales see
    /// ([`crate::publish_config`]).
    pub publishing: crate::publish_config::Publishing,
    /// `[monikers]`: each product's versions, and their names.
    pub monikers: crate::monikers::Listed,
}

/// Whether a file is only included: under a folder named `includes`, or
/// at or under a path listed in the configuration.
pub fn is_fragment(rel_path: &str, listed: &[String]) -> bool {
    let lower = rel_path.to_lowercase();
    let mut dirs = lower.split('/');
    dirs.next_back();
    dirs.any(|d| d == "includes")
        || listed.iter().any(|l| {
            let l = l.trim_matches('/').to_lowercase();
            lower == l || lower.starts_with(&format!("{l}/"))
        })
}

impl Site {
    pub fn resolve(
        locales: Vec<Locale>,
        parsed: Vec<(Source, Document)>,
        assets: Vec<Asset>,
        tocs: Vec<TocSource>,
        drafts: Vec<Draft>,
        options: &SiteOptions,
    ) -> Site {
        // A path as findings show it: below the site root when it is.
        let display = |path: &std::path::Path| {
            path.strip_prefix(&options.root)
                .unwrap_or(path)
                .to_path_buf()
        };
        let redirections =
            Redirections::load(&locales, &options.publishing, display, &options.published);
        // In parallel: on a large site this loop and the sort below were
        // most of what runs on one core between parsing and the checks.
        let mut pages: Vec<Page> = parsed
            .into_par_iter()
            .map(|(source, doc)| {
                // Older localized pages escape their titles' letters
                // (`Conformit&#224;`), which Learn shows as `à`.
                let title = source
                    .meta_str("title")
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(|t| html_escape::decode_html_entities(t).into_owned())
                    .or_else(|| doc.h1().map(str::to_owned))
                    .unwrap_or_else(|| file_stem(&source.rel_path).to_owned());
                let out_path = format!(
                    "{}/{}",
                    locales[source.locale].key,
                    html_path(&source.rel_path)
                );
                let fragment = source.excluded || is_fragment(&source.rel_path, &options.includes);
                let moved = match redirections.get(source.locale, &source.rel_path) {
                    None => Moved::No,
                    Some(moved) if moved.to_site_path() => Moved::Kept,
                    Some(_) => Moved::Redirected,
                };
                Page {
                    source,
                    doc,
                    title,
                    out_path,
                    group: 0,
                    fragment,
                    moved,
                    unread: false,
                }
            })
            .collect();
        pages.par_sort_by(|a, b| {
            (a.locale(), &a.source.rel_path).cmp(&(b.locale(), &b.source.rel_path))
        });

        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut home = vec![None; locales.len()];
        for (index, page) in pages.iter_mut().enumerate() {
            let key = page.source.rel_path.to_lowercase();
            // A locale's home: the page its root folder opens.
            if FOLDER_PAGES.contains(&key.as_str()) {
                home[page.locale()] = Some(index);
            }
            let group = *by_key.entry(key).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            page.group = group;
            groups[group].push(index);
        }
        let nav = (0..locales.len())
            .map(|l| NavTree::build(&pages, l))
            .collect();
        let targets = Targets::new(&locales, &pages, &assets, options);
        let found_source = match options.source {
            Some(_) => None,
            None => crate::loc_hash::found_source(&pages, &groups),
        };
        let source = match options.source.as_deref() {
            Some(s) => locales
                .iter()
                .position(|l| l.key.eq_ignore_ascii_case(s) || l.tag.eq_ignore_ascii_case(s)),
            None => found_source.map(|found| found.locale),
        };
        let mut uids = vec![HashMap::new(); locales.len()];
        for (index, page) in pages.iter().enumerate() {
            if let Some(uid) = page.source.meta_str("uid") {
                let uid: &str = uid.trim();
                if !uid.is_empty() {
                    uids[page.locale()]
                        .entry(uid.to_owned())
                        .or_insert_with(Vec::new)
                        .push(index);
                }
            }
        }
        let api_items = api_items(&pages, &mut uids);
        let pivots = Pivots::load(locales.len(), &assets, source, display);
        let mut site = Site {
            locales,
            pages,
            groups,
            home,
            nav,
            assets,
            targets,
            uids,
            api_items,
            source,
            found_source,
            snippets: HashMap::new(),
            tocs: Tocs::default(),
            pivots,
            alert_keywords: options.alert_keywords.clone(),
            redirections,
            xref_external: options.xref_external.clone(),
            xref_maps: Arc::clone(&options.xref_maps),
            drafts,
            monikers: options.monikers.clone(),
        };
        crate::aliases::apply(&mut site);
        site.snippets = site.read_snippets();
        site.keep_named_fallback_files();
        site.mark_unread();
        // Last: entries name pages, fragments and uids of the whole site.
        let source_key = source.map(|s| (s, site.locales[s].key.clone()));
        site.tocs = Tocs::build(
            tocs,
            &site,
            source_key.as_ref().map(|(s, key)| (*s, key.as_str())),
        );
        site
    }

    /// Sets [`Page::unread`]: a page its `docfx.json` leaves out is read
    /// only where another page includes it.
    fn mark_unread(&mut self) {
        if !self.pages.iter().any(|page| page.source.excluded) {
            return;
        }
        let mut included = vec![false; self.pages.len()];
        for page in &self.pages {
            for directive in &page.doc.directives {
                if let crate::markdown::directives::Kind::Include { target, .. } = &directive.kind
                    && let Some(q) = self.find_page(page.locale(), &page.source.rel_path, target)
                {
                    included[q] = true;
                }
            }
        }
        for (page, included) in self.pages.iter_mut().zip(included) {
            page.unread = page.source.excluded && !included;
        }
    }

    /// The groups file page `page` names in `zone_pivot_group_filename`
    /// ([`crate::pivots`]), below its locale folder: `Ok(None)` when it
    /// names none, `Err` with the value when no groups file is there. The
    /// value is a path from the docset's root: the folder of the page's
    /// `docfx.json`, the `src` of its content entries, or the locale's
    /// root, the first holding the file.
    pub fn pivot_file(&self, page: usize) -> Result<Option<String>, &str> {
        let page = &self.pages[page];
        let written = page.source.meta_str("zone_pivot_group_filename");
        let Some(value) = written.map(str::trim).filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        let (locale, from) = (page.locale(), page.source.rel_path.as_str());
        let path = value.trim_start_matches("~/").trim_start_matches('/');
        let in_project = self.targets.locate(locale, from, &format!("~/{path}"));
        in_project
            .into_iter()
            .chain(self.targets.published_sources(locale, from, path))
            .find(|candidate| self.pivots.has_file(locale, candidate))
            .map(Some)
            .ok_or(value)
    }

    /// Where `target`, written in `file` of `locale`, leads: the locale,
    /// the path as spelled on disk, and the page if it is one. The source
    /// locale's file when the locale lacks it (the fallback localized
    /// repositories rely on).
    pub fn find_file(
        &self,
        locale: usize,
        file: &str,
        target: &str,
    ) -> Option<(usize, String, Option<usize>)> {
        let joined = self.targets.locate(locale, file, target)?;
        let found = |l: usize| {
            self.targets
                .find_linked(l, &joined)
                .map(|(actual, page, _)| (l, actual.to_owned(), page))
        };
        found(locale).or_else(|| self.source.filter(|&s| s != locale).and_then(found))
    }

    /// The draft left out at `path` of `locale`, letter case aside, if
    /// there is one: a link to `path` leads nowhere because of it.
    pub fn draft(&self, locale: usize, path: &str) -> Option<&Draft> {
        self.drafts
            .iter()
            .find(|d| d.locale == locale && d.rel_path.eq_ignore_ascii_case(path))
    }

    /// The draft a link to `path` in `locale` runs into: the locale's own,
    /// else, where the locale lacks the page, the source locale's that
    /// would stand in for it ([`Site::find_file`]'s fallback).
    pub fn draft_in_reach(&self, locale: usize, path: &str) -> Option<&Draft> {
        self.draft(locale, path).or_else(|| {
            let source = self.source.filter(|&s| s != locale)?;
            self.draft(source, path)
        })
    }

    /// The page (or included file) `target` leads to, as [`Site::find_file`] finds it.
    pub fn find_page(&self, locale: usize, file: &str, target: &str) -> Option<usize> {
        self.find_file(locale, file, target)?.2
    }

    /// The API item `uid` names (`Site::uid` finds its page).
    pub fn api_item(&self, locale: usize, uid: &str) -> Option<&Declared> {
        let item = |l: usize| self.api_items[l].get(uid);
        item(locale).or_else(|| self.source.and_then(item))
    }

    /// The page registered under `uid` in `locale`, else in the source locale.
    pub fn uid(&self, locale: usize, uid: &str) -> Option<usize> {
        let first = |l: usize| self.uids[l].get(uid).and_then(|p| p.first().copied());
        first(locale).or_else(|| self.source.and_then(first))
    }

    /// The uid closest to `uid` that a link or a table of contents of
    /// `locale` could name, for a "did you mean": one a page of the locale
    /// or of the source locale declares, or a sibling in the xref maps.
    /// The pages' uids are sorted first, so that of two as close the same
    /// one comes every run (they are a hash map's keys).
    pub fn closest_uid<'a>(&'a self, locale: usize, uid: &'a str) -> Option<&'a str> {
        let source = self.source.filter(|&s| s != locale);
        let mut declared: Vec<&str> = std::iter::once(locale)
            .chain(source)
            .flat_map(|l| self.uids[l].keys().map(String::as_str))
            .collect();
        declared.sort_unstable();
        crate::check::closest(
            uid,
            declared.into_iter().chain(self.xref_maps.siblings(uid)),
        )
    }

    /// The entry of the site's xref maps for `uid`, when no page declares it.
    pub fn map_uid(&self, uid: &str) -> Option<&Spec> {
        self.xref_maps.get(uid)
    }

    /// Whether `uid` is one `[xref] external` leaves to another service.
    pub fn is_external_uid(&self, uid: &str) -> bool {
        self.xref_external
            .iter()
            .any(|prefix| prefix == "*" || (!prefix.is_empty() && uid.starts_with(prefix.as_str())))
    }

    /// Drops the files of a cloned fallback repository that no page names
    /// ([`crate::load::fallback_assets`]): the publishing takes from it
    /// what the copy needs, not the whole source's media. They stay among
    /// the targets, where nothing names them.
    fn keep_named_fallback_files(&mut self) {
        if !self.assets.iter().any(|a| a.fallback) {
            return;
        }
        let mut named: std::collections::HashSet<(usize, String)> = Default::default();
        for page in &self.pages {
            let (locale, file) = (page.locale(), page.source.rel_path.as_str());
            let facts = &page.doc.facts;
            for link in &facts.links {
                if let crate::check::resolve::Resolved::Asset { actual, .. } =
                    self.targets.resolve(locale, file, facts.target(link))
                {
                    named.insert((locale, actual.to_owned()));
                }
            }
        }
        named.extend(self.snippets.keys().cloned());
        self.assets
            .retain(|a| !a.fallback || named.contains(&(a.locale, a.rel_path.clone())));
    }

    /// Reads every code file a page's directives name, in parallel.
    fn read_snippets(&self) -> HashMap<(usize, String), Arc<str>> {
        let mut wanted: Vec<(usize, String)> = Vec::new();
        for page in &self.pages {
            for reference in page.doc.directives.iter().filter_map(snippet::reference) {
                let target = reference.path;
                if let Some((l, path, _)) =
                    self.find_file(page.locale(), &page.source.rel_path, target)
                {
                    wanted.push((l, path));
                }
            }
        }
        wanted.sort();
        wanted.dedup();
        let paths: HashMap<(usize, &str), &std::path::Path> = self
            .assets
            .iter()
            .map(|a| ((a.locale, a.rel_path.as_str()), a.path.as_path()))
            .collect();
        wanted
            .into_par_iter()
            .filter_map(|(l, path)| {
                let file = paths.get(&(l, path.as_str()))?;
                let text = std::fs::read(file).ok()?;
                let text: Arc<str> = String::from_utf8_lossy(&text).into();
                Some(((l, path), text))
            })
            .collect()
    }

    /// The text of the code file `target` names from `file` of `locale`.
    pub fn snippet(&self, locale: usize, file: &str, target: &str) -> Option<Arc<str>> {
        let (l, path, _) = self.find_file(locale, file, target)?;
        self.snippets.get(&(l, path)).cloned()
    }

    /// The other pages of `page`'s translation group (other locales only).
    pub fn translations(&self, page: usize) -> impl Iterator<Item = usize> + '_ {
        let locale = self.pages[page].locale();
        self.groups[self.pages[page].group]
            .iter()
            .copied()
            .filter(move |&p| self.pages[p].locale() != locale)
    }

    /// Per member of `pages` (a translation group, or part of one), the
    /// index of the first member made from the same source version
    /// ([`Site::same_source_version`]): the members that share it were
    /// translated from one version of the source and are compared with
    /// each other; the others differ by what the source changed since.
    /// A member joins the version of the first member before it that was
    /// made from the same source version, so that every member's index
    /// names a member that is its own first (the relation need not be
    /// transitive: two translations kept by hand may each share the
    /// source's date and not each other's).
    pub fn source_versions(&self, pages: &[usize]) -> Vec<usize> {
        let mut version: Vec<usize> = Vec::with_capacity(pages.len());
        for (m, &p) in pages.iter().enumerate() {
            let first = (0..m)
                .find(|&o| self.same_source_version(p, pages[o]))
                .map_or(m, |o| version[o]);
            version.push(first);
        }
        version
    }

    /// Whether two pages of a translation group were made from the same
    /// source version. Translations of different versions differ by what
    /// changed in the source between them, which is drift, not a mistake
    /// to fix by hand.
    ///
    /// What tells: `ms.openlocfilehash`, the source version Microsoft's
    /// localization pipeline writes into each translation: the same hash
    /// in any case, or, for a page without one (the source's own), the
    /// hash of its text ([`crate::loc_hash`]: the very text the
    /// translation was made from, wherever its locale). Then, for pages
    /// without one (the source's own, translations kept by hand), the
    /// dates they carry ([`Source::revised`]): a translation dated before
    /// its source page ([`Site::dated_before_source`]) was made before
    /// the source's last revision, and two such translations come from
    /// the same revision only if they carry the same date.
    pub fn same_source_version(&self, a: usize, b: usize) -> bool {
        let (x, y) = (&self.pages[a].source, &self.pages[b].source);
        let group = &self.groups[self.pages[a].group];
        match (x.source_version(), y.source_version()) {
            // A SHA-1 and a SHA-256 (hand-offs before and after 2021) of
            // one text: the same version if a page without a hash of its
            // own is that text.
            (Some(a), Some(b)) if a.len() != b.len() => group.iter().any(|&q| {
                let source = &self.pages[q].source;
                source.source_version().is_none()
                    && source.hashes_to(a) == Some(true)
                    && source.hashes_to(b) == Some(true)
            }),
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            (Some(hash), None) => y.hashes_to(hash) == Some(true),
            (None, Some(hash)) => x.hashes_to(hash) == Some(true),
            (None, None) => match (self.dated_before_source(a), self.dated_before_source(b)) {
                (false, false) => true,
                (true, true) => x.revised().map(|d| d.day) == y.revised().map(|d| d.day),
                _ => false,
            },
        }
    }

    /// The source locale's page of `page`'s translation group, when the
    /// site names a source locale and the group has one.
    pub fn source_page(&self, page: usize) -> Option<usize> {
        let source = self.source?;
        self.groups[self.pages[page].group]
            .iter()
            .copied()
            .find(|&p| self.pages[p].locale() == source)
    }

    /// Whether `page` is a translation dated before its source page
    /// (`ms.date`, else `date`: [`Source::revised`]): the source was
    /// revised after it was made. Only with a source locale: among peers
    /// no date is the reference.
    pub fn dated_before_source(&self, page: usize) -> bool {
        let Some(source) = self.source_page(page).filter(|&s| s != page) else {
            return false;
        };
        match (
            self.pages[page].source.revised(),
            self.pages[source].source.revised(),
        ) {
            (Some(own), Some(theirs)) => own.day < theirs.day,
            _ => false,
        }
    }

    /// Number of pages per locale, in locale order.
    pub fn pages_per_locale(&self) -> Vec<usize> {
        let mut counts = vec![0; self.locales.len()];
        for page in self.pages.iter().filter(|p| !p.fragment) {
            counts[page.locale()] += 1;
        }
        counts
    }
}

/// The page a folder opens, in order of preference: its `index.md`, or a
/// landing page in its place (never both: `duplicate-output`; among `.yml`
/// files only landing pages are pages).
pub const FOLDER_PAGES: [&str; 2] = ["index.md", "index.yml"];

/// `a/b.md` -> `a/b.html`.
pub fn html_path(rel_path: &str) -> String {
    format!("{}.html", page_stem(rel_path))
}

/// A page's path without its `.md`, or a landing page's `.yml`.
fn page_stem(rel_path: &str) -> &str {
    links::strip_md(rel_path)
        .or_else(|| strip_yml(rel_path))
        .unwrap_or(rel_path)
}

/// `path` without its `.yml` extension (any case), if it has one.
pub fn strip_yml(path: &str) -> Option<&str> {
    let split = path.len().checked_sub(4)?;
    (path.is_char_boundary(split) && path[split..].eq_ignore_ascii_case(".yml"))
        .then(|| &path[..split])
}

/// A page's file name without `.md`: its title when it has none.
pub fn file_stem(rel_path: &str) -> &str {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    page_stem(name)
}

/// The items of the site's API pages, per locale, as their pages' parse
/// read them; their members are registered in `uids` (a page's own item
/// is its front matter's `uid`).
fn api_items(
    pages: &[Page],
    uids: &mut [HashMap<String, Vec<usize>>],
) -> Vec<HashMap<String, Declared>> {
    let mut items = vec![HashMap::new(); uids.len()];
    for (index, page) in pages.iter().enumerate() {
        for (i, item) in page.doc.api.iter().enumerate() {
            if i > 0 {
                let pages = uids[page.locale()].entry(item.uid.clone()).or_default();
                if !pages.contains(&index) {
                    pages.push(index);
                }
            }
            items[page.locale()].insert(item.uid.clone(), item.clone());
        }
    }
    items
}
