//! Each article's previous and next page in reading order, for the links
//! at its end (`page.prev`, `page.next`): the order of the navigation the
//! page shows, its table of contents ([`crate::toc`]) or else its
//! locale's folder tree ([`crate::nav`]), as a reader going through a
//! tutorial series or a section follows it page by page (DocFX's modern
//! template, mdBook and Hugo's documentation themes link them the same
//! way). Sections of pages, addresses and pages of another locale (a
//! source page standing in for an untranslated one) are no steps; a page
//! listed twice counts where it first appears.

use std::collections::HashSet;

use crate::site::Site;

/// A page's neighbours, as page indices.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Neighbours {
    pub(super) prev: Option<usize>,
    pub(super) next: Option<usize>,
}

/// Per page of the site, its neighbours in the order of the navigation
/// it shows.
pub(super) fn neighbours(site: &Site) -> Vec<Neighbours> {
    let mut out = vec![Neighbours::default(); site.pages.len()];
    // The table of contents page `p` shows, if any.
    let toc_of = |p: usize| {
        let page = &site.pages[p];
        (site.tocs.for_page(page.locale(), &page.source.rel_path))
            .filter(|&t| site.tocs.trees[t].is_some())
    };
    for locale in 0..site.locales.len() {
        let order = site.nav[locale].pages_in_order();
        link(&mut out, &order, |p| toc_of(p).is_none());
    }
    for (t, tree) in site.tocs.trees.iter().enumerate() {
        let Some(entries) = tree else {
            continue;
        };
        let locale = site.tocs.sources[t].locale;
        let mut seen = HashSet::new();
        let order: Vec<usize> = (entries.iter())
            .filter(|e| e.fragment.is_none())
            .filter_map(|e| e.target)
            .filter(|&p| site.pages[p].locale() == locale && site.pages[p].listed())
            .filter(|&p| seen.insert(p))
            .collect();
        link(&mut out, &order, |p| toc_of(p) == Some(t));
    }
    out
}

/// Sets the neighbours in `order` of the pages in it that `shows` says
/// show this order's navigation.
fn link(out: &mut [Neighbours], order: &[usize], shows: impl Fn(usize) -> bool) {
    for (i, &page) in order.iter().enumerate() {
        if shows(page) {
            out[page] = Neighbours {
                prev: i.checked_sub(1).map(|j| order[j]),
                next: order.get(i + 1).copied(),
            };
        }
    }
}
