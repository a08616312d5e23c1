//! Which source version each translation was made from.
//!
//! Microsoft's localization pipeline writes three keys into every
//! translated page: `ms.openlocfilehash`, the hash of the source file the
//! translation was made from; `ms.sourcegitcommit`, the source commit; and
//! `ms.lasthandoff`, the date of the hand-off (`MM/DD/YYYY`). Two
//! translations with the same hash come from the same source version,
//! whatever their hand-off dates (those are shown, as information). With
//! different hashes, the translation handed off earlier is behind.
//!
//! With a source locale named, the hash says more: it is the hash of the
//! source text the translation was made from ([`crate::loc_hash`]), so a
//! source page whose text hashes to another was changed since, and the
//! translation is behind it for certain; one whose text gives it is the
//! very text, and neither dates nor peers have anything to add.
//!
//! With a source locale named, the date each page says it was revised
//! counts too (`ms.date`, else `date`): the pipeline copies the source's
//! `ms.date` into each translation, and authors update it when they
//! revise a page, so a source page dated after its translation was revised
//! since that was made. This is the signal of sites whose translations
//! are kept by hand, without the pipeline's keys. (Among peers, dates
//! say nothing: which peer's date is the reference?)
//!
//! Where the site is in git and a source locale is named, the last commit
//! dates count too ([`super::history`]): a source page changed after its
//! translation was last touched is a translation that may be behind.

use super::{Signal, SignalKind};
use crate::load::{Dated, Source};
use crate::site::Site;

/// The version keys of one page's front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamp {
    pub hash: Option<String>,
    pub commit: Option<String>,
    /// `ms.lasthandoff` as written, and as a sortable (year, month, day).
    pub handoff: Option<(String, (u32, u32, u32))>,
}

impl Stamp {
    pub fn read(source: &Source) -> Stamp {
        let value = |key| {
            source
                .meta_str(key)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        Stamp {
            hash: source.source_version().map(str::to_owned),
            commit: value("ms.sourcegitcommit"),
            handoff: value("ms.lasthandoff")
                .and_then(|d| crate::frontmatter::date(&d).map(|p| (d, p))),
        }
    }

    /// The hash, shortened for display as git shortens commits.
    pub fn short_hash(&self) -> Option<&str> {
        self.hash.as_deref().map(|h| h.get(..10).unwrap_or(h))
    }
}

/// The stamps of a group's translations (the source page left out), by
/// member, for those that carry a hash.
fn stamps(site: &Site, group: &[usize], source_page: Option<usize>) -> Vec<(usize, Stamp)> {
    group
        .iter()
        .enumerate()
        .filter(|&(_, &p)| Some(p) != source_page)
        .map(|(m, &p)| (m, Stamp::read(&site.pages[p].source)))
        .filter(|(_, s)| s.hash.is_some())
        .collect()
}

/// Per member of `group`: whether the text its `ms.openlocfilehash` was
/// taken of is the source page's as it is here ([`crate::loc_hash`]);
/// `None` for the source page itself, a member without a hash or with one
/// polydoc cannot recompute, and every member when the group has no
/// source page (or the source page carries a hash: a translation too).
/// Where it says, it says for certain, and the dates have nothing to add.
fn made_from_source(site: &Site, group: &[usize], source_page: Option<usize>) -> Vec<Option<bool>> {
    let source = source_page
        .map(|p| &site.pages[p].source)
        .filter(|s| s.source_version().is_none());
    group
        .iter()
        .map(|&p| {
            let source = source.filter(|_| Some(p) != source_page)?;
            source.hashes_to(site.pages[p].source.source_version()?)
        })
        .collect()
}

/// The newest source version among `stamps`: that of the latest hand-off.
fn newest(stamps: &[(usize, Stamp)]) -> Option<&(usize, Stamp)> {
    stamps
        .iter()
        .filter(|(_, s)| s.handoff.is_some())
        .max_by_key(|(_, s)| s.handoff.as_ref().map(|h| h.1))
}

/// Whether `stamp` was made from an older source version than `newest`:
/// another hash, and a hand-off date of its own (without one, nothing
/// tells which version is the older).
fn is_behind(stamp: &Stamp, newest: &Stamp) -> bool {
    newest.hash != stamp.hash && stamp.handoff.is_some()
}

/// The translations in `group` dated before the source page
/// ([`Site::dated_before_source`]), with the two dates: the source was
/// revised since they were made.
fn dated_before_source<'s>(
    site: &'s Site,
    group: &[usize],
    source_page: Option<usize>,
) -> Vec<(usize, Dated<'s>, Dated<'s>)> {
    let Some(source) = source_page.and_then(|p| site.pages[p].source.revised()) else {
        return Vec::new();
    };
    group
        .iter()
        .enumerate()
        .filter(|&(_, &p)| site.dated_before_source(p))
        .filter_map(|(m, &p)| Some((m, site.pages[p].source.revised()?, source)))
        .collect()
}

/// The members of `group` made from an older source version than another
/// translation of it, or dated before their source page, each with the
/// member that has the newest version: what the `version` signal calls
/// drift, for `build`'s notice on outdated pages.
pub fn behind(site: &Site, group: &[usize], source_page: Option<usize>) -> Vec<(usize, usize)> {
    let mut behind: Vec<(usize, usize)> = Vec::new();
    let from_source = made_from_source(site, group, source_page);
    let src = source_page.and_then(|p| group.iter().position(|&q| q == p));
    if let Some(src) = src {
        behind.extend(
            (0..group.len())
                .filter(|&m| from_source[m] == Some(false))
                .map(|m| (m, src)),
        );
    }
    let stamps = stamps(site, group, source_page);
    if let Some((n, newest)) = newest(&stamps) {
        behind.extend(
            stamps
                .iter()
                .filter(|&&(m, ref s)| from_source[m].is_none() && is_behind(s, newest))
                .map(|&(m, _)| (m, *n)),
        );
    }
    if let Some(src) = src {
        for (m, ..) in dated_before_source(site, group, source_page) {
            if from_source[m].is_none() && !behind.iter().any(|&(b, _)| b == m) {
                behind.push((m, src));
            }
        }
    }
    behind
}

/// Source-version signals from the translations' front matter.
pub fn signals(
    site: &Site,
    group: &[usize],
    source_page: Option<usize>,
    signals: &mut [Vec<Signal>],
) {
    let locale_key = |p: usize| site.locales[site.pages[p].locale()].key.as_str();
    let from_source = made_from_source(site, group, source_page);
    if let Some(src) = source_page {
        for m in (0..group.len()).filter(|&m| from_source[m] == Some(false)) {
            let stamp = Stamp::read(&site.pages[group[m]].source);
            signals[m].push(Signal::drift(
                SignalKind::Version,
                format!(
                    "translated from another version of the {} source page than the one here: its ms.openlocfilehash `{}` is the hash of the text it was made from, and the source page's text as it is here hashes to another; bring the translation up to date",
                    locale_key(src),
                    stamp.short_hash().unwrap_or("?"),
                ),
                None,
            ));
        }
        let dated = dated_before_source(site, group, source_page);
        for (m, own, source) in dated
            .into_iter()
            .filter(|&(m, ..)| from_source[m].is_none())
        {
            signals[m].push(Signal::drift(
                SignalKind::Version,
                format!(
                    "the {} source page is dated {} (`{}`), after this translation's {} (`{}`): the source was revised since; bring the translation up to date",
                    locale_key(src),
                    source.written,
                    source.key,
                    own.written,
                    own.key
                ),
                None,
            ));
        }
    }
    let stamps = stamps(site, group, source_page);
    // `ms.sourcegitcommit 2ec4b3d0ba, handed off 03/27/2020`.
    let hand_off = |s: &Stamp| {
        let commit = s
            .commit
            .as_deref()
            .map(|c| format!("ms.sourcegitcommit {}, ", c.get(..10).unwrap_or(c)))
            .unwrap_or_default();
        match &s.handoff {
            Some((date, _)) => format!("{commit}handed off {date}"),
            None => format!("{commit}no ms.lasthandoff"),
        }
    };
    let describe = |m: usize, s: &Stamp| {
        format!(
            "{} (ms.openlocfilehash {}, {})",
            locale_key(group[m]),
            s.short_hash().unwrap_or("?"),
            hand_off(s)
        )
    };
    let newest = newest(&stamps);
    for (m, stamp) in &stamps {
        let peers: Vec<&(usize, Stamp)> = stamps.iter().filter(|(o, _)| o != m).collect();
        if peers.is_empty() {
            continue;
        }
        type Peers<'a> = Vec<&'a (usize, Stamp)>;
        let (same, other): (Peers, Peers) =
            peers.into_iter().partition(|(_, s)| s.hash == stamp.hash);
        // One line for all the peers of this version handed off another
        // day: a line each would grow with the square of the locales.
        let other_days: Vec<String> = same
            .iter()
            .filter(|(_, s)| s.handoff.as_ref().map(|h| h.1) != stamp.handoff.as_ref().map(|h| h.1))
            // The hash is this page's: said once, before the list.
            .map(|(o, s)| format!("{} ({})", locale_key(group[*o]), hand_off(s)))
            .collect();
        if !other_days.is_empty() {
            signals[*m].push(Signal::info(
                SignalKind::Version,
                format!(
                    "same source version (ms.openlocfilehash {}) as {}: hand-off dates differ, which is not drift",
                    stamp.short_hash().unwrap_or("?"),
                    crate::check::and_list(&other_days)
                ),
            ));
        }
        // The source page says for certain; peers only which is newer.
        if other.is_empty() || from_source[*m].is_some() {
            continue;
        }
        match newest {
            Some((n, newest_stamp)) if newest_stamp.hash != stamp.hash => {
                let behind = is_behind(stamp, newest_stamp);
                let message = format!(
                    "translated from an older source version: {}, while {} is newer",
                    describe(*m, stamp),
                    describe(*n, newest_stamp)
                );
                signals[*m].push(if behind {
                    Signal::drift(SignalKind::Version, message, None)
                } else {
                    Signal::info(SignalKind::Version, message)
                });
            }
            Some(_) => {}
            None => signals[*m].push(Signal::info(
                SignalKind::Version,
                format!(
                    "made from another source version than {}; no ms.lasthandoff tells which is newer",
                    describe(other[0].0, &other[0].1)
                ),
            )),
        }
    }
}
