//! The version picker of a page with moniker blocks (`::: moniker
//! range="..."`), as Microsoft Learn shows one: the reader picks a
//! version and only the blocks of that version stay (`static/polydoc.js`).
//! Without JavaScript every block shows, labelled with its range.
//!
//! Which versions a product has, and in which order, is
//! [`crate::monikers::Versions`]: those `polydoc.toml` lists, and every
//! moniker a range of the site names. Each block is rendered with the
//! versions it applies to (`data-versions`), so the browser compares
//! names and never reads a range.

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::markdown::directives::Kind;
use crate::monikers::{Range, Versions};
use crate::site::Site;

/// Every version of the site: the configured products, then those of
/// the monikers its blocks and pages' `monikerRange` name.
pub(super) fn universe(site: &Site) -> Versions {
    // In parallel: a front matter lookup per page, on every page of a
    // large site.
    let named: Vec<String> = (site.pages.par_iter())
        .flat_map_iter(|page| {
            (page.doc.directives.iter())
                .filter_map(moniker_range)
                .chain(page.source.meta_str("monikerRange"))
                .filter_map(|range| Range::parse(range).ok())
                .flat_map(|range| range.monikers().map(str::to_owned).collect::<Vec<_>>())
        })
        .collect();
    Versions::new(&site.monikers, named.iter().map(String::as_str))
}

/// The range of a moniker block.
fn moniker_range(d: &crate::markdown::directives::Directive) -> Option<&str> {
    match &d.kind {
        Kind::Block { name, .. } if name == "moniker" => d.attr("range"),
        _ => None,
    }
}

/// What the picker offers: `page.versions.products[i].name`,
/// `.versions[j]`, and `page.versions.default`, the version shown first.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct Picker<'v> {
    pub(super) products: Vec<PickerProduct<'v>>,
    pub(super) default: &'v str,
}

#[derive(Serialize, Debug, PartialEq, Eq)]
pub(super) struct PickerProduct<'v> {
    pub(super) name: &'v str,
    pub(super) versions: Vec<&'v str>,
}

/// The picker of page `page`: the versions of every product its blocks
/// (its includes' too) name, those its own `monikerRange` admits where it
/// has one (as Learn offers a page only the versions it applies to), the
/// newest of the first product picked first; `None` when no version
/// would hide a block.
pub(super) fn picker<'v>(site: &Site, versions: &'v Versions, page: usize) -> Option<Picker<'v>> {
    if versions.is_empty() {
        return None;
    }
    let mut ranges = Vec::new();
    let mut seen = HashSet::new();
    gather(site, page, &mut seen, &mut ranges);
    if ranges.is_empty() {
        return None;
    }
    let admitted = (site.pages[page].source.meta_str("monikerRange"))
        .and_then(|range| Range::parse(range).ok());
    let admits = |v: &str| admitted.as_ref().is_none_or(|r| r.contains(versions, v));
    let mut products: Vec<PickerProduct<'v>> = Vec::new();
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
    Some(Picker {
        default: products.first()?.versions.last()?,
        products,
    })
}

/// The ranges of page `page`'s blocks and of the files it includes, each
/// file read once.
fn gather(site: &Site, page: usize, seen: &mut HashSet<usize>, ranges: &mut Vec<Range>) {
    if !seen.insert(page) {
        return;
    }
    let p = &site.pages[page];
    for d in &p.doc.directives {
        match &d.kind {
            Kind::Include { target, .. } => {
                if let Some(included) = site.find_page(p.locale(), &p.source.rel_path, target) {
                    gather(site, included, seen, ranges);
                }
            }
            _ => {
                if let Some(Ok(range)) = moniker_range(d).map(Range::parse) {
                    ranges.push(range);
                }
            }
        }
    }
}

/// The versions of `versions` that `range` selects among the products it
/// names, space-separated, for a block's `data-versions`; `None` for a
/// range that cannot be read (the block then always shows).
pub(super) fn block_versions(versions: &Versions, range: &str) -> Option<String> {
    let range = Range::parse(range).ok()?;
    let products = range.products(versions);
    let mut selected = String::new();
    for moniker in products
        .iter()
        .flat_map(|&p| &versions.products[p].monikers)
        .filter(|m| range.contains(versions, m))
    {
        if !selected.is_empty() {
            selected.push(' ');
        }
        selected.push_str(moniker);
    }
    Some(selected)
}
