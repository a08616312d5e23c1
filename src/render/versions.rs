//! The version picker of a page with moniker blocks (`::: moniker
//! range="..."`), as Microsoft Learn shows one: the reader picks a
//! version and only the blocks of that version stay (`static/polydoc.js`).
//! Without JavaScript every block shows, labelled with its range.
//!
//! Which versions a product has, and in which order, is
//! [`crate::monikers::Versions`]: those `polydoc.toml` lists, and every
//! moniker a range of the site names. Each block is rendered with the
//! versions it applies to (`data-versions`), so the browser compares
//! names and never reads a range. Every range the site writes is read
//! and evaluated once, before the pages are rendered ([`SiteVersions`]).

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown::directives::{Directive, Kind};
use crate::monikers::{Range, Versions};
use crate::site::Site;

/// Every version of the site, and what each range it writes selects.
#[derive(Debug)]
pub(super) struct SiteVersions {
    versions: Versions,
    /// Each range as written (in a block, or a page's `monikerRange`)
    /// that can be read.
    ranges: HashMap<String, Selected>,
}

#[derive(Debug)]
struct Selected {
    range: Range,
    /// The versions it selects among those of the products it names,
    /// space-separated, for a block's `data-versions`.
    versions: String,
}

impl SiteVersions {
    /// The configured products, then those of the monikers the site's
    /// blocks and pages' `monikerRange` name.
    pub(super) fn new(site: &Site) -> SiteVersions {
        // In parallel: a front matter lookup per page, on every page of a
        // large site.
        let written: HashSet<&str> = (site.pages.par_iter())
            .flat_map_iter(|page| {
                (page.doc.directives.iter())
                    .filter_map(moniker_range)
                    .chain(page.source.meta_str("monikerRange"))
            })
            .collect();
        let parsed: Vec<(&str, Range)> = (written.into_iter())
            .filter_map(|text| Some((text, Range::parse(text).ok()?)))
            .collect();
        let named = parsed.iter().flat_map(|(_, range)| range.monikers());
        let versions = Versions::new(&site.monikers.products, named);
        let ranges = (parsed.into_iter())
            .map(|(text, range)| {
                let selected = (range.products(&versions).iter())
                    .flat_map(|&p| &versions.products[p].monikers)
                    .filter(|m| range.contains(&versions, m))
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" ");
                let selected = Selected {
                    range,
                    versions: selected,
                };
                (text.to_owned(), selected)
            })
            .collect();
        SiteVersions { versions, ranges }
    }

    /// The versions a block of range `range` applies to, space-separated;
    /// `None` for a range that cannot be read (the block then always
    /// shows).
    pub(super) fn block(&self, range: &str) -> Option<&str> {
        self.ranges.get(range).map(|s| s.versions.as_str())
    }

    /// The picker of page `page`: the versions of every product its
    /// blocks (its includes' too) name, those its own `monikerRange`
    /// admits where it has one (as Learn offers a page only the versions
    /// it applies to), the newest of the first product picked first;
    /// `None` when no version would hide a block.
    pub(super) fn picker<'s>(&'s self, site: &'s Site, page: usize) -> Option<Picker<'s>> {
        if self.ranges.is_empty() {
            return None;
        }
        let versions = &self.versions;
        let mut ranges = Vec::new();
        self.gather(site, page, &mut HashSet::new(), &mut ranges);
        if ranges.is_empty() {
            return None;
        }
        let admitted = (site.pages[page].source.meta_str("monikerRange"))
            .and_then(|range| self.ranges.get(range));
        let admits = |v: &str| admitted.is_none_or(|a| a.range.contains(versions, v));
        let mut products: Vec<PickerProduct<'_>> = Vec::new();
        let mut taken = Vec::new();
        for range in &ranges {
            for p in range.products(versions) {
                if taken.contains(&p) {
                    continue;
                }
                taken.push(p);
                let product = &versions.products[p];
                let offered: Vec<&str> = (product.monikers.iter())
                    .map(String::as_str)
                    .filter(|v| admits(v))
                    .collect();
                if !offered.is_empty() {
                    products.push(PickerProduct {
                        name: &product.name,
                        versions: offered,
                    });
                }
            }
        }
        let mut offered = products.iter().flat_map(|p| p.versions.iter());
        let hides = offered.any(|v| ranges.iter().any(|range| !range.contains(versions, v)));
        if !hides {
            return None;
        }
        // The names `[monikers]` gives the versions of the products
        // offered, those the page's `monikerRange` leaves out too (the
        // notice names a reader's choice this page does not offer); the
        // others show as their monikers.
        let names = (taken.iter())
            .flat_map(|&p| &versions.products[p].monikers)
            .filter_map(|v| Some((v.as_str(), site.monikers.names.get(v)?.as_str())))
            .collect();
        Some(Picker {
            default: products.first()?.versions.last()?,
            products,
            names,
        })
    }

    /// The ranges of page `page`'s blocks and of the files it includes,
    /// each file read once.
    fn gather<'s>(
        &'s self,
        site: &Site,
        page: usize,
        seen: &mut HashSet<usize>,
        ranges: &mut Vec<&'s Range>,
    ) {
        if !seen.insert(page) {
            return;
        }
        let p = &site.pages[page];
        for d in &p.doc.directives {
            match &d.kind {
                Kind::Include { target, .. } => {
                    if let Some(included) = site.find_page(p.locale(), &p.source.rel_path, target) {
                        self.gather(site, included, seen, ranges);
                    }
                }
                _ => {
                    if let Some(selected) = moniker_range(d).and_then(|r| self.ranges.get(r)) {
                        ranges.push(&selected.range);
                    }
                }
            }
        }
    }
}

/// The range of a moniker block.
fn moniker_range(d: &Directive) -> Option<&str> {
    match &d.kind {
        Kind::Block { name, .. } if name == "moniker" => d.attr("range"),
        _ => None,
    }
}

/// What the picker offers: `page.versions.products[i].name`,
/// `.versions[j]`, `page.versions.default`, the version shown first, and
/// `page.versions.names`, the name `[monikers]` gives a version of those
/// products (by its moniker: `names["vs-2022"]`), where it gives one.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct Picker<'v> {
    pub(super) products: Vec<PickerProduct<'v>>,
    pub(super) default: &'v str,
    pub(super) names: std::collections::BTreeMap<&'v str, &'v str>,
}

#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct PickerProduct<'v> {
    pub(super) name: &'v str,
    pub(super) versions: Vec<&'v str>,
}
