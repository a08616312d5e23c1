//! Render stage: pages through Tera into the staging folder, in parallel.
//!
//! Render never decides what is valid; it turns the resolved [`Site`] into
//! files. Every link it writes is relative, so the site works from
//! `file://` and under any base path; only `hreflang` alternates use
//! `base_url` when one is configured, as search engines require.

use std::path::Path;

use rayon::prelude::*;
use tera::Context;

use crate::Fatal;
use crate::config::{Config, DEFAULT_TITLE};
use crate::diagnostic::{Finding, Location};
use crate::edit_links::EditLinks;
use crate::i18n::{self, Strings};
use crate::markdown::{self, AlertTitles, Highlighter, RenderContext, SiteLinks, highlight};
use crate::progress::Progress;
use crate::search::{LocaleSpec, PageInput, SearchIndex};
use crate::site::{Moved, Site};
use crate::theme::{Theme, error_chain};

mod app;
mod applies_to;
mod context;
mod nav_html;
mod outdated;
mod page_links;
mod reading_order;
mod sitemap;
mod toc_nav;
pub mod urls;
mod versions;

use std::sync::OnceLock;

use app::{App, Flags, Origin};
use nav_html::FolderNav;
use page_links::PageLinks;
use serde_yaml::Mapping;

use context::{
    Alternate, Common, ListEntry, LocaleEntry, Outdated, PageInfo, Redirect, SiteInfo, TocEntry,
    Translation,
};
use urls::{encode_path, relative};

/// What the render stage is given.
pub struct Inputs<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub config: &'a Config,
    /// UI strings per locale, in locale order.
    pub strings: &'a [Strings],
    /// Where each page is edited ("Edit this page").
    pub edit: &'a EditLinks,
}

/// Inputs shared by every page of a build.
pub struct Renderer<'a> {
    site: &'a Site,
    theme: &'a Theme,
    config: &'a Config,
    /// UI strings per locale, in locale order.
    strings: &'a [Strings],
    edit: &'a EditLinks,
    /// Display names of the locales, in locale order.
    names: Vec<String>,
    /// Per locale, per navigation node: the navigation of pages in that folder, built on first use.
    navs: Vec<Vec<OnceLock<FolderNav>>>,
    /// Alert titles per locale, in locale order.
    titles: Vec<AlertTitles>,
    /// Remembers highlighted code blocks across the pages of a build.
    highlighter: Highlighter,
    /// Filled as pages are rendered; `None` when search is off.
    search: Option<SearchIndex>,
    /// Per page, its position among its locale's pages (the search
    /// index's page order).
    ordinals: Vec<usize>,
    /// Per page, the newer version its outdated notice links to
    /// ([`outdated`]); empty when `outdated_notice` is off.
    newer: Vec<Option<usize>>,
    /// Every version the site's moniker blocks choose between.
    versions: versions::SiteVersions,
    /// Per page, its previous and next page in reading order.
    neighbours: Vec<reading_order::Neighbours>,
}

impl<'a> Renderer<'a> {
    /// A renderer for the site, writing into `out` (the staging folder).
    pub fn new(inputs: Inputs<'a>, out: &Path) -> Self {
        let Inputs {
            site,
            theme,
            config,
            strings,
            edit,
        } = inputs;
        let navs = site
            .nav
            .iter()
            .map(|tree| (0..tree.len()).map(|_| OnceLock::new()).collect())
            .collect();
        let mut renderer = Renderer {
            site,
            theme,
            config,
            strings,
            edit,
            names: Vec::new(),
            navs,
            titles: strings
                .iter()
                .map(|s| i18n::alert_titles(s, &config.alerts))
                .collect(),
            highlighter: Highlighter::default(),
            search: None,
            ordinals: Vec::new(),
            newer: if config.outdated_notice {
                outdated::newer_versions(site)
            } else {
                Vec::new()
            },
            versions: versions::SiteVersions::new(site),
            neighbours: reading_order::neighbours(site),
        };
        if config.search {
            let mut counts = vec![0; site.locales.len()];
            renderer.ordinals = site
                .pages
                .iter()
                .map(|p| {
                    let ordinal = counts[p.locale()];
                    if p.indexed() {
                        counts[p.locale()] += 1;
                    }
                    ordinal
                })
                .collect();
            let locales: Vec<LocaleSpec> = site
                .locales
                .iter()
                .zip(counts)
                .map(|(l, pages)| LocaleSpec {
                    key: l.key.clone(),
                    language: l.language.clone(),
                    pages,
                })
                .collect();
            renderer.search = Some(SearchIndex::new(out, &locales));
        }
        renderer.names = renderer.locale_names();
        renderer
    }

    /// How many pages carry the outdated notice ([`outdated`]).
    pub fn outdated_pages(&self) -> usize {
        self.newer
            .iter()
            .zip(&self.site.pages)
            .filter(|(newer, page)| newer.is_some() && !page.fragment)
            .count()
    }

    /// Writes the whole site into `out`. Per-page template failures are
    /// findings; failing to write a file is fatal.
    pub fn write_all(&self, out: &Path, progress: &dyn Progress) -> Result<Vec<Finding>, Fatal> {
        let pages = self.site.pages.iter().filter(|p| !p.fragment).count();
        if let Some(search) = &self.search {
            search.create_folders()?;
        }
        self.create_page_folders(out)?;
        progress.start("Rendering pages", pages as u64);
        // A translation group's pages one after another: they share their
        // code blocks, so each block is highlighted once for all locales.
        let results: Vec<Result<Option<Finding>, Fatal>> = self
            .site
            .groups
            .par_iter()
            .flat_map_iter(|group| {
                group
                    .iter()
                    .filter(|&&index| !self.site.pages[index].fragment)
                    .map(|&index| {
                        let written = self.write_page(out, index);
                        progress.advance(1);
                        written
                    })
            })
            .collect();
        progress.finish();
        let mut findings = Vec::new();
        for result in results {
            findings.extend(result?);
        }
        if let Some(search) = &self.search {
            progress.start("Writing the search index", 0);
            search.finish()?;
            progress.finish();
        }
        for locale in 0..self.site.locales.len() {
            if self.site.home[locale].is_none() {
                self.write_locale_list(out, locale)?;
            }
            self.write_not_found(out, locale)?;
        }
        match &self.config.base_url {
            Some(base) => write(
                &out.join("sitemap.xml"),
                sitemap::render(self.site, base).as_bytes(),
            )?,
            None => findings.push(
                Finding::note(
                    "no-sitemap",
                    Location::file(crate::config::CONFIG_FILE),
                    "no sitemap.xml was written: a sitemap needs absolute URLs",
                )
                .with_help(
                    "set `base_url` in polydoc.toml (or pass `--base-url`) to the address the site is published at",
                ),
            ),
        }
        self.write_chooser(out)?;
        self.write_moved(out)?;
        // The pivot groups are the docset's configuration, not a download.
        let published = |a: &&crate::load::Asset| !crate::pivots::is_groups_file(&a.rel_path);
        self.site
            .assets
            .par_iter()
            .filter(published)
            .try_for_each(|asset| {
                let dest = out
                    .join(&self.site.locales[asset.locale].key)
                    .join(&asset.rel_path);
                create_parent(&dest)?;
                std::fs::copy(&asset.path, &dest)
                    .map(drop)
                    .map_err(|e| Fatal::cannot_write(&dest, e))
            })?;
        for (name, bytes) in &self.theme.static_files {
            write(&out.join(name), bytes)?;
        }
        if !self
            .theme
            .static_files
            .iter()
            .any(|(n, _)| n == "highlight.css")
        {
            write(
                &out.join("highlight.css"),
                highlight::stylesheet().as_bytes(),
            )?;
        }
        Ok(findings)
    }

    /// Every folder a page goes into, each created once before the pages
    /// are written: creating the parent of each page as it was written
    /// cost two failing system calls per page (mkdir, then a stat).
    fn create_page_folders(&self, out: &Path) -> Result<(), Fatal> {
        let folders: std::collections::BTreeSet<&Path> = self
            .site
            .pages
            .iter()
            .filter(|p| !p.fragment)
            .filter_map(|p| Path::new(&p.out_path).parent())
            .collect();
        for folder in folders {
            let dir = out.join(folder);
            std::fs::create_dir_all(&dir).map_err(|e| Fatal::cannot_write(&dir, e))?;
        }
        Ok(())
    }

    fn write_page(&self, out: &Path, index: usize) -> Result<Option<Finding>, Fatal> {
        let page = &self.site.pages[index];
        let meta = page.source.meta_mapping();
        let flags = Flags::of(&meta);
        let common = self.common(page.locale(), &page.out_path, Some((index, &meta, flags)));
        let pivot_file = self.site.pivot_file(index).ok().flatten();
        let links = PageLinks {
            site: self.site,
            locale: page.locale(),
            page_file: &page.source.rel_path,
            page_out: &page.out_path,
            pivot_file: pivot_file.as_deref(),
            versions: &self.versions,
        };
        // The page's `dev_langs`, as DocFX reads metadata lists (a YAML
        // list, or `csharp, vb`), its docfx.json's included.
        let languages: Vec<String> = (page.source.meta_list("dev_langs").unwrap_or_default())
            .into_iter()
            .map(markdown::code_groups::language_id)
            .collect();
        let cx = RenderContext {
            titles: &self.titles[page.locale()],
            highlighter: &self.highlighter,
            site: &links,
            file: &page.source.rel_path,
            chain: &[],
            section_link: self.strings[page.locale()]
                .get("section_link")
                .map_or("Link to this section", String::as_str),
            applies_to: self.strings[page.locale()]
                .get("applies_to")
                .map_or("Applies to", String::as_str),
            languages: &languages,
        };
        // A redirection file's entry wins over the page's own
        // `redirect_url`, as Microsoft's publishing has it.
        let moved = match page.moved {
            Moved::Redirected => self
                .site
                .redirections
                .get(page.locale(), &page.source.rel_path)
                .map(|m| m.target.as_str()),
            Moved::No | Moved::Kept => None,
        };
        if let Some(target) = moved.or_else(|| page.redirect()) {
            let href = links
                .link_href(&page.source.rel_path, target)
                .unwrap_or_else(|| target.to_owned());
            let mut context = context(&common)?;
            context.insert(
                "redirect",
                &Redirect {
                    canonical: self.absolute(&page.out_path, &href),
                    href: &href,
                    title: &page.title,
                },
            );
            return self.write_article("redirect.html", &context, out, index, 1024);
        }
        let mut body = if page.source.landing {
            crate::landing::render(&page.source.text, &cx)
        } else {
            markdown::render_body(&page.source.text, page.source.body_start, &page.doc, &cx)
        };
        if let Some(search) = self.search.as_ref().filter(|_| page.indexed()) {
            let key = &self.site.locales[page.locale()].key;
            search.add(PageInput {
                locale: page.locale(),
                ordinal: self.ordinals[index],
                url: page
                    .out_path
                    .strip_prefix(key.as_str())
                    .and_then(|p| p.strip_prefix('/'))
                    .unwrap_or(&page.out_path),
                title: &page.title,
                body: &body,
            });
        }
        let label = self.strings[page.locale()]
            .get("applies_to")
            .map_or("Applies to", String::as_str);
        applies_to::splice(&mut body, &applies_to::values(&meta), label);
        let edit_url = (!flags.no_edit_link)
            .then(|| {
                let in_project = page.source.project.is_some();
                (self.edit).url(page.locale(), &page.source.rel_path, &meta, in_project)
            })
            .flatten();
        let info = PageInfo {
            title: &page.title,
            description: page
                .source
                .meta_str("description")
                .map(html_escape::decode_html_entities),
            robots: page.robots(),
            meta,
            toc: page
                .doc
                .headings
                .iter()
                .filter(|h| (h.level == 2 || h.level == 3) && !h.tab && !flags.no_affix)
                .map(|h| TocEntry::of(&page.doc.headings, h))
                .collect(),
            pivot_groups: {
                let file = pivot_file.as_deref();
                (page.source.meta_list("zone_pivot_groups"))
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|id| self.site.pivots.group(page.locale(), file, id))
                    .collect()
            },
            versions: self.versions.picker(self.site, index),
            prev: self.neighbour(&page.out_path, self.neighbours[index].prev),
            next: self.neighbour(&page.out_path, self.neighbours[index].next),
            updated: page
                .source
                .meta_str("ms.date")
                .or_else(|| page.source.meta_str("date"))
                .and_then(context::iso_date),
            edit_url,
            outdated: self.newer.get(index).copied().flatten().map(|newer| {
                let locale = self.site.pages[newer].locale();
                Outdated {
                    href: relative(&page.out_path, &self.site.pages[newer].out_path),
                    lang: &self.site.locales[locale].tag,
                    dir: self.site.locales[locale].dir(),
                    name: &self.names[locale],
                }
            }),
            body: &body,
            locale: &self.site.locales[page.locale()].key,
            path: &page.out_path,
        };
        let mut context = context(&common)?;
        context.insert("page", &info);
        self.write_article("page.html", &context, out, index, body.len() * 2)
    }

    /// Page `page` as a link from the page at `out_path`, for "Previous"
    /// and "Next".
    fn neighbour(&self, out_path: &str, page: Option<usize>) -> Option<context::Neighbour<'_>> {
        let page = &self.site.pages[page?];
        Some(context::Neighbour {
            href: relative(out_path, &page.out_path),
            title: &page.title,
        })
    }

    /// Renders page `index` with `template` into its output file. A
    /// template failure is a finding for that page; the others still build.
    fn write_article(
        &self,
        template: &str,
        context: &Context,
        out: &Path,
        index: usize,
        size_hint: usize,
    ) -> Result<Option<Finding>, Fatal> {
        let page = &self.site.pages[index];
        // Rendered into bytes, not a String: Tera's `render` checks its whole
        // output as UTF-8 again, a fiftieth of a build; the file takes bytes.
        let mut html = Vec::with_capacity(size_hint + 16 * 1024);
        match self.theme.tera.render_to(template, context, &mut html) {
            Ok(()) => {
                // Its folder was made by `create_page_folders`.
                let path = out.join(&page.out_path);
                std::fs::write(&path, &html)
                    .map(|()| None)
                    .map_err(|e| Fatal::cannot_write(&path, e))
            }
            Err(e) => Ok(Some(
                Finding::error(
                    "template-error",
                    Location::file(&page.source.display),
                    format!("the page could not be rendered: {}", error_chain(&e)),
                )
                .with_help("fix the template named in the message; the other pages were built"),
            )),
        }
    }

    fn write_locale_list(&self, out: &Path, locale: usize) -> Result<(), Fatal> {
        let out_path = format!("{}/index.html", self.site.locales[locale].key);
        let common = self.common(locale, &out_path, None);
        let pages: Vec<ListEntry> = self
            .site
            .pages
            .iter()
            .filter(|p| p.locale() == locale && p.listed())
            .map(|p| ListEntry {
                title: p.title.clone(),
                href: relative(&out_path, &p.out_path),
            })
            .collect();
        let mut context = context(&common)?;
        context.insert("pages", &pages);
        self.write_template("list.html", &context, &out.join(out_path))
    }

    /// `<locale>/404.html`. A server shows it at any missing URL, so its
    /// relative links resolve against a `<base>` of the locale's folder:
    /// the published address with `base_url`, else the server root.
    fn write_not_found(&self, out: &Path, locale: usize) -> Result<(), Fatal> {
        let key = &self.site.locales[locale].key;
        let out_path = format!("{key}/404.html");
        let common = self.common(locale, &out_path, None);
        let base = self.config.base_url.as_deref().unwrap_or("/");
        let mut context = context(&common)?;
        context.insert("base_href", &format!("{base}{}/", encode_path(key)));
        self.write_template("404.html", &context, &out.join(out_path))
    }

    fn write_chooser(&self, out: &Path) -> Result<(), Fatal> {
        let site = self.site;
        let locales: Vec<LocaleEntry> = site
            .locales
            .iter()
            .enumerate()
            .map(|(i, l)| LocaleEntry {
                tag: &l.tag,
                dir: l.dir(),
                name: &self.names[i],
                title: site.home[i]
                    .map_or(self.config.title.as_deref().unwrap_or(DEFAULT_TITLE), |p| {
                        site.pages[p].title.as_str()
                    }),
                href: format!("{}/index.html", l.key),
            })
            .collect();
        let alternates = site
            .locales
            .iter()
            .map(|l| Alternate {
                hreflang: l.tag.clone(),
                href: self.alternate_href("index.html", &format!("{}/index.html", l.key)),
            })
            .collect::<Vec<_>>();
        // The default locale's name and logo, as its home page has them.
        let app = self.app(0, "index.html", None);
        let mut context = Context::new();
        context.insert(
            "site",
            &SiteInfo {
                title: self.config.title.as_deref().unwrap_or(DEFAULT_TITLE),
                base_url: self.config.base_url.as_deref(),
            },
        );
        context.insert("app", &app);
        context.insert("lang", &site.locales[0].tag);
        context.insert("dir", site.locales[0].dir());
        context.insert("ui", &self.strings[0]);
        context.insert("locales", &locales);
        context.insert("alternates", &alternates);
        self.write_template("chooser.html", &context, &out.join("index.html"))
    }

    /// A redirect page where an article `.openpublishing.redirection.json`
    /// lists as moved stood; where its file is still there, `write_page`
    /// writes the redirect instead ([`crate::site::Moved`]). Only for
    /// targets this site can point at: a relative path, a URL, or a path
    /// of the published site that `[published]` maps
    /// ([`crate::redirections::Redirection::to_site_path`]).
    fn write_moved(&self, out: &Path) -> Result<(), Fatal> {
        for (locale, key) in self.site.locales.iter().map(|l| &l.key).enumerate() {
            for (path, moved) in self.site.redirections.of(locale) {
                let Some(stem) = path
                    .len()
                    .checked_sub(3)
                    .filter(|&n| path.is_char_boundary(n) && path[n..].eq_ignore_ascii_case(".md"))
                    .map(|n| &path[..n])
                else {
                    continue;
                };
                if moved.to_site_path() {
                    continue;
                }
                if self
                    .site
                    .targets
                    .find(locale, path)
                    .is_some_and(|(_, page, _)| page.is_some())
                {
                    continue;
                }
                let out_path = format!("{key}/{stem}.html");
                let links = PageLinks {
                    site: self.site,
                    locale,
                    page_file: path,
                    page_out: &out_path,
                    pivot_file: None,
                    versions: &self.versions,
                };
                let href = links
                    .link_href(path, &moved.target)
                    .unwrap_or_else(|| moved.target.clone());
                let title = match moved.alias_of {
                    Some(page) => &self.site.pages[page].title,
                    None => stem.rsplit('/').next().unwrap_or(stem),
                };
                let common = self.common(locale, &out_path, None);
                let mut context = context(&common)?;
                context.insert(
                    "redirect",
                    &Redirect {
                        canonical: self.absolute(&out_path, &href),
                        href: &href,
                        title,
                    },
                );
                let dest = out.join(&out_path);
                create_parent(&dest)?;
                self.write_template("redirect.html", &context, &dest)?;
            }
        }
        Ok(())
    }

    /// Renders a site-wide page (not an article): a template failure here
    /// is fatal, since there is no other page to fall back on.
    fn write_template(&self, template: &str, context: &Context, path: &Path) -> Result<(), Fatal> {
        let html = self
            .theme
            .tera
            .render(template, context)
            .map_err(|e| Fatal::new(format!("template {template}: {}", error_chain(&e))))?;
        write(path, html.as_bytes())
    }

    /// The parts of a page that come from the rest of the site.
    /// `page`: the article being written, with its metadata and flags
    /// ([`app`]); `None` for the pages polydoc makes.
    fn common(
        &self,
        locale: usize,
        out_path: &str,
        article: Option<(usize, &Mapping, Flags)>,
    ) -> Common<'_> {
        let site = self.site;
        let page = article.map(|(p, ..)| p);
        let flags = article.map(|(.., f)| f).unwrap_or_default();
        let app = self.app(locale, out_path, article.map(|(p, meta, _)| (p, meta)));
        let home_path = format!("{}/index.html", site.locales[locale].key);
        // The page in every locale that has it, the current one included.
        let group: Vec<usize> = match page {
            Some(p) => site.groups[site.pages[p].group].clone(),
            None => Vec::new(),
        };
        let translations: Vec<Translation> = group
            .iter()
            .map(|&p| {
                let l = site.pages[p].locale();
                Translation {
                    tag: site.locales[l].tag.clone(),
                    dir: site.locales[l].dir(),
                    name: self.names[l].clone(),
                    href: relative(out_path, &site.pages[p].out_path),
                    current: l == locale,
                    outdated: self.newer.get(p).is_some_and(Option::is_some),
                }
            })
            .collect();
        let mut alternates: Vec<Alternate> = group
            .iter()
            .map(|&p| Alternate {
                hreflang: site.locales[site.pages[p].locale()].tag.clone(),
                href: self.alternate_href(out_path, &site.pages[p].out_path),
            })
            .collect();
        // Locale 0 is the default locale: x-default points to its version.
        if let Some(&default) = group.iter().find(|&&p| site.pages[p].locale() == 0) {
            alternates.push(Alternate {
                hreflang: "x-default".into(),
                href: self.alternate_href(out_path, &site.pages[default].out_path),
            });
        }
        let canonical = page
            .and(self.config.base_url.as_deref())
            .map(|base| format!("{base}{}", encode_path(out_path)));
        let home_href = relative(out_path, &home_path);
        let home_label = self.strings[locale]
            .get("home")
            .map_or("Home", String::as_str);
        let more = self.strings[locale]
            .get("nav_more")
            .map_or("{count} more pages", String::as_str);
        let toc = page.and_then(|p| {
            let t = site.tocs.for_page(locale, &site.pages[p].source.rel_path)?;
            Some((p, site.tocs.trees[t].as_deref()?))
        });
        let (nav_html, breadcrumbs) = match toc {
            _ if flags.no_nav => (String::new(), Vec::new()),
            Some((p, entries)) => {
                let (items, current, crumbs) = toc_nav::lines(site, entries, p, out_path);
                let nav = FolderNav::new(&items, out_path, &home_href, home_label);
                (nav.html(current, more), crumbs)
            }
            None => {
                let tree = &site.nav[locale];
                let context = page.map_or(0, |p| tree.context_of(p));
                let folder_nav = self.navs[locale][context].get_or_init(|| {
                    FolderNav::new(
                        &tree.items(&site.pages, context),
                        out_path,
                        &home_href,
                        home_label,
                    )
                });
                (
                    folder_nav.html(page.and_then(|p| tree.node_of(p)), more),
                    Vec::new(),
                )
            }
        };
        let root = "../".repeat(out_path.matches('/').count());
        Common {
            search: self
                .search
                .as_ref()
                .map(|_| format!("{root}{}/search/", encode_path(&site.locales[locale].key))),
            site: SiteInfo {
                title: self.config.title.as_deref().unwrap_or(DEFAULT_TITLE),
                base_url: self.config.base_url.as_deref(),
            },
            app,
            lang: &site.locales[locale].tag,
            dir: site.locales[locale].dir(),
            ui: &self.strings[locale],
            root,
            home_href,
            translations,
            alternates,
            canonical,
            show_nav: !nav_html.is_empty(),
            nav_html,
            breadcrumbs: if flags.no_breadcrumbs {
                Vec::new()
            } else {
                breadcrumbs
            },
        }
    }

    /// DocFX's application values ([`app`]) for a page written at
    /// `out_path` of `locale`: from the article's metadata, else, for the
    /// pages polydoc makes, from its locale's home page's.
    fn app(&self, locale: usize, out_path: &str, article: Option<(usize, &Mapping)>) -> App {
        let site = self.site;
        let home_meta;
        let (page, meta) = match (article, site.home[locale]) {
            (Some((page, meta)), _) => (page, meta),
            (None, Some(home)) => {
                home_meta = site.pages[home].source.meta_mapping();
                (home, &*home_meta)
            }
            (None, None) => return App::of(None, self.config.title.as_deref(), out_path),
        };
        let origin = Origin {
            meta,
            locale_key: &site.locales[locale].key,
            project_dir: (site.pages[page].source.project.as_ref()).map_or("", |p| &p.dir),
        };
        App::of(Some(&origin), self.config.title.as_deref(), out_path)
    }

    /// `href`, written in the page at `out_path`, as a full address when
    /// `base_url` says where the site is; else as written.
    fn absolute(&self, out_path: &str, href: &str) -> String {
        let Some(base) = &self.config.base_url else {
            return href.to_owned();
        };
        if crate::markdown::links::is_absolute(href) || href.starts_with('/') {
            return href.to_owned();
        }
        let (path, rest) = crate::markdown::links::split_target(href);
        match crate::markdown::links::join(out_path, path) {
            Some(to) => format!("{base}{to}{rest}"),
            None => href.to_owned(),
        }
    }

    fn alternate_href(&self, from: &str, to: &str) -> String {
        match &self.config.base_url {
            Some(base) => format!("{base}{}", encode_path(to)),
            None => relative(from, to),
        }
    }

    /// Display names of the locales; the region is added where two
    /// locales share a language (`Español (ES)`, `Español (MX)`).
    fn locale_names(&self) -> Vec<String> {
        let locales = &self.site.locales;
        locales
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let name = self.strings[i]
                    .get("language_name")
                    .cloned()
                    .unwrap_or_else(|| l.tag.clone());
                let shared = locales.iter().filter(|o| o.language == l.language).count() > 1;
                match l.tag.split_once('-') {
                    Some((_, region)) if shared => format!("{name} ({region})"),
                    _ => name,
                }
            })
            .collect()
    }
}

fn context(common: &Common) -> Result<Context, Fatal> {
    Context::from_serialize(common)
        .map_err(|e| Fatal::new(format!("internal error building the template context: {e}")))
}

fn create_parent(path: &Path) -> Result<(), Fatal> {
    match path.parent() {
        Some(dir) => std::fs::create_dir_all(dir).map_err(|e| Fatal::cannot_write(dir, e)),
        None => Ok(()),
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Fatal> {
    create_parent(path)?;
    std::fs::write(path, bytes).map_err(|e| Fatal::cannot_write(path, e))
}
