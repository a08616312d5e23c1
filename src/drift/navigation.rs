//! Navigation: a translation that its locale's tables of contents leave
//! out, while the source locale's (or, among peers, most locales') list
//! the page. Localized repositories keep translated `toc.yml` files of
//! their own, and an article added to the source's table after the last
//! hand-off exists in the translation but is in no menu: its readers
//! find it only by search or by a link. The other way round (a page only
//! a translation lists) is the source's to decide and is left alone.
//!
//! Only locales with a table of contents are compared: a locale without
//! one is navigated by its folder tree, where every page is listed.

use std::collections::HashSet;

use super::{Signal, SignalKind};
use crate::site::{Moved, Site};

/// What the site's tables of contents list: the pages their entries lead
/// to, and the locales that have any.
pub struct Listed {
    pages: HashSet<usize>,
    locales: HashSet<usize>,
}

impl Listed {
    pub fn new(site: &Site) -> Listed {
        let tocs = &site.tocs;
        let standalone = tocs.trees.iter().zip(&tocs.sources);
        let mut listed = Listed {
            pages: HashSet::new(),
            locales: HashSet::new(),
        };
        for (tree, source) in standalone {
            let Some(entries) = tree else { continue };
            listed.locales.insert(source.locale);
            listed
                .pages
                .extend(entries.iter().filter_map(|entry| entry.target));
        }
        listed
    }
}

/// Adds a navigation signal to each member of `group` (pages, `signals`
/// in the same order) that its locale's tables leave out where the
/// source's page (`source_page`) is listed, or, without one, where a
/// strict majority of the members in locales with tables are.
pub fn signals(
    site: &Site,
    listed: &Listed,
    group: &[usize],
    source_page: Option<usize>,
    signals: &mut [Vec<Signal>],
) {
    let with_tables: Vec<usize> = (0..group.len())
        .filter(|&m| listed.locales.contains(&site.pages[group[m]].locale()))
        .collect();
    let is_listed = |m: usize| listed.pages.contains(&group[m]);
    let listed_by: Vec<usize> = with_tables
        .iter()
        .copied()
        .filter(|&m| is_listed(m))
        .collect();
    // The locales whose tables list the page, as the message names them.
    let listing: Vec<usize> = match source_page {
        Some(source) => {
            let Some(s) = group.iter().position(|&p| p == source) else {
                return;
            };
            if !is_listed(s) {
                return;
            }
            vec![s]
        }
        None if listed_by.len() * 2 > with_tables.len() => listed_by,
        None => return,
    };
    let reference = (listing.iter())
        .map(|&m| site.locales[site.pages[group[m]].locale()].key.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let (verb, their) = match listing.len() {
        1 => ("lists", "its table"),
        _ => ("list", "their tables"),
    };
    for &m in &with_tables {
        let page = &site.pages[group[m]];
        let moved = page.moved == Moved::Redirected || page.redirect().is_some();
        if is_listed(m) || Some(group[m]) == source_page || moved {
            continue;
        }
        let locale = &site.locales[page.locale()].key;
        signals[m].push(Signal::drift(
            SignalKind::Navigation,
            format!(
                "{reference} {verb} this page in {their} of contents; no table of contents of {locale} does: add an entry for it there, or readers of {locale} find it only by search and links"
            ),
            None,
        ));
    }
}
