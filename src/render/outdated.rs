//! The notice at the top of a translation made from an older source
//! version than another translation of its page: readers of a knowledge
//! base act on what a page says, and an outdated page reads as current
//! unless it says otherwise. The notice links to the source locale's page
//! when the site names one (`source`), else to the translation made from
//! the newest version.
//!
//! What counts as older is `polydoc drift`'s `version` signal, from the
//! front matter: the keys the localization pipeline writes
//! (`ms.openlocfilehash`, dated by `ms.lasthandoff`, and recomputed over
//! the source page's text: [`crate::loc_hash`]), and, with a source
//! locale, the date each page says it was revised (`ms.date`), which is
//! what translations kept by hand have ([`crate::drift::version`]). Its `history`
//! signal (the source page changed in git after the translation) is not
//! read here: finding each file's last commit may walk a long history,
//! which every build would pay; `polydoc drift` and the status page
//! (`status_page`) report it.

use crate::drift::version;
use crate::site::Site;

/// Per page: the page a reader of it should be sent to for a newer
/// version, if any.
pub(super) fn newer_versions(site: &Site) -> Vec<Option<usize>> {
    let mut newer = vec![None; site.pages.len()];
    for group in site.groups.iter().filter(|g| g.len() > 1) {
        let source_page = site.source_page(group[0]);
        for (member, newest) in version::behind(site, group, source_page) {
            newer[group[member]] = Some(source_page.unwrap_or(group[newest]));
        }
    }
    newer
}
