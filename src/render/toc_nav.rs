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
    // The page's own entry, before those of its sections (an API type's
    // members name its page too).
    let current = entries
        .iter()
        .position(|e| e.target == Some(page) && e.fragment.is_none())
        .or_else(|| entries.iter().position(|e| e.target == Some(page)));
    let mut path = Vec::new();
    let mut at = current;
    while let Some(e) = at {
        path.push(e);
        at = entries[e].parent;
    }
    path.reverse();
    // Entries come parents first: an entry shows when its parent shows
    // and is open, on the way to the page or `expanded`.
    let open = |i: usize| path.contains(&i) || entries[i].expanded;
    let mut shown = vec![false; entries.len()];
    let mut items = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        shown[i] = entry
            .parent
            .is_none_or(|p| shown.get(p).copied().unwrap_or(false) && open(p));
        if !shown[i] {
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
            fragment: entry.fragment.clone().filter(|_| entry.target.is_some()),
            folder: !entry.children.is_empty(),
            open: open(i) && !entry.children.is_empty(),
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
