//! Resolve stage: the loaded and parsed pages, tied together.
//!
//! A translation group is the set of pages at the same path in each locale,
//! compared case-insensitively because the source repositories are written
//! on Windows, where `Get-Started/Foo.md` and `get-started/foo.md` are one
//! file. Indexes are built once here and only read afterwards, so no later
//! stage scans the whole site per page.

use std::collections::HashMap;

use crate::frontmatter;
use crate::load::{Asset, Source};
use crate::locale::Locale;
use crate::markdown::{Document, links};
use crate::nav::NavTree;

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
}

impl Page {
    pub fn locale(&self) -> usize {
        self.source.locale
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
}

impl Site {
    pub fn resolve(
        locales: Vec<Locale>,
        parsed: Vec<(Source, Document)>,
        assets: Vec<Asset>,
    ) -> Site {
        let mut pages: Vec<Page> = parsed
            .into_iter()
            .map(|(source, doc)| {
                let title = frontmatter::get_str(&source.meta, "title")
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .or_else(|| doc.h1().map(str::to_owned))
                    .unwrap_or_else(|| file_stem(&source.rel_path).to_owned());
                let out_path = format!(
                    "{}/{}",
                    locales[source.locale].key,
                    html_path(&source.rel_path)
                );
                Page {
                    source,
                    doc,
                    title,
                    out_path,
                    group: 0,
                }
            })
            .collect();
        pages.sort_by(|a, b| {
            (a.locale(), &a.source.rel_path).cmp(&(b.locale(), &b.source.rel_path))
        });

        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut home = vec![None; locales.len()];
        for (index, page) in pages.iter_mut().enumerate() {
            let key = page.source.rel_path.to_lowercase();
            if key == "index.md" {
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
        Site {
            locales,
            pages,
            groups,
            home,
            nav,
            assets,
        }
    }

    /// The other pages of `page`'s translation group (other locales only).
    pub fn translations(&self, page: usize) -> impl Iterator<Item = usize> + '_ {
        let locale = self.pages[page].locale();
        self.groups[self.pages[page].group]
            .iter()
            .copied()
            .filter(move |&p| self.pages[p].locale() != locale)
    }

    /// Number of pages per locale, in locale order.
    pub fn pages_per_locale(&self) -> Vec<usize> {
        let mut counts = vec![0; self.locales.len()];
        for page in &self.pages {
            counts[page.locale()] += 1;
        }
        counts
    }
}

/// `a/b.md` -> `a/b.html`.
pub fn html_path(rel_path: &str) -> String {
    format!("{}.html", links::strip_md(rel_path).unwrap_or(rel_path))
}

fn file_stem(rel_path: &str) -> &str {
    let name = rel_path.rsplit('/').next().unwrap_or(rel_path);
    links::strip_md(name).unwrap_or(name)
}
