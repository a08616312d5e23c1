//! A table of contents ([`crate::toc`]) as navigation lines and
//! breadcrumbs for one page: the top level, plus the entries on the way
//! to the page opened, as the folder navigation shows its tree.

use serde::Serialize;

use crate::nav::NavItem;
use crate::site::Site;
use crate::toc::Entry;

use super::urls::relative;

/// One step of the breadcrumbs.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

/// The navigation lines of table `toc` for `page`, the line that is the
/// page's own, and its breadcrumbs.
pub fn lines(
    site: &Site,
    entries: &[Entry],
    page: usize,
    page_out: &str,
) -> (Vec<NavItem>, Option<usize>, Vec<Crumb>) {
    let current = entries.iter().position(|e| e.target == Some(page));
    let mut path = Vec::new();
    let mut at = current;
    while let Some(e) = at {
        path.push(e);
        at = entries[e].parent;
    }
    path.reverse();
    let mut items = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let visible = entry.parent.is_none_or(|p| path.contains(&p));
        if !visible {
            continue;
        }
        items.push(NavItem {
            node: i,
            depth: entry.depth,
            label: entry.name.clone(),
            target: entry
                .target
                .map(|p| site.pages[p].out_path.clone())
                .or_else(|| entry.external.clone()),
            folder: !entry.children.is_empty(),
            open: path.contains(&i) && !entry.children.is_empty(),
        });
    }
    let crumbs = path
        .iter()
        .map(|&e| Crumb {
            label: entries[e].name.clone(),
            href: entries[e]
                .target
                .filter(|&p| p != page)
                .map(|p| relative(page_out, &site.pages[p].out_path)),
        })
        .collect();
    (items, current, crumbs)
}
