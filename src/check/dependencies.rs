//! `dependency-not-cloned`: a repository `.openpublishing.publish.config.json`
//! has the publishing clone into the copy (`reusable-content/`, a samples
//! repository) that this copy lacks. The links, includes and code
//! references leading there are not checked, since nothing in the copy
//! is wrong ([`crate::publish_config`]); one note per repository, at its
//! entry in the configuration, says how many and how to check them.
//! For a localized repository's fallback (`_repo.en-us`), what is left
//! unchecked is what names a file the copy lacks, and the way to check it
//! is to make the source repository the site's source locale.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::Context;
use crate::diagnostic::Finding;
use crate::markdown::directives::Kind;
use crate::markdown::links::is_absolute;
use crate::markdown::snippet;
use crate::publish_config::Dependency;

pub fn check(cx: &Context) -> Vec<Finding> {
    // Most sites clone nothing in: no link of theirs is looked at.
    if !cx.targets.any_absent() {
        return Vec::new();
    }
    // Per repository: it, the (page, target) pairs leading into it, and
    // the table-of-contents entries.
    let mut led: BTreeMap<PathBuf, (&Dependency, Counts)> = BTreeMap::new();
    for page in cx.site.pages.iter().filter(|page| !page.unread) {
        let (locale, file) = (page.locale(), page.source.rel_path.as_str());
        let facts = &page.doc.facts;
        let links = facts.links.iter().map(|link| facts.target(link));
        let directives = page.doc.directives.iter().filter_map(|d| match &d.kind {
            Kind::Include { target, .. } => Some(target.as_str()),
            _ => snippet::reference(d).map(|r| r.path),
        });
        let mut targets: Vec<&str> = links.chain(directives).collect();
        targets.sort_unstable();
        targets.dedup();
        for target in targets {
            let target = target.trim();
            if target.is_empty() || is_absolute(target) || target.starts_with(['/', '#']) {
                continue;
            }
            if let Some(dependency) = cx.targets.leads_into_absent(locale, file, target) {
                (led.entry(dependency.root.clone()))
                    .or_insert((dependency, Counts::default()))
                    .1
                    .references += 1;
            }
        }
    }
    let mut entries: Vec<&(usize, String)> = cx.site.tocs.unchecked.iter().collect();
    entries.sort_unstable();
    entries.dedup();
    for (locale, path) in entries {
        if let Some(dependency) = cx.targets.absent_dependency(*locale, path) {
            (led.entry(dependency.root.clone()))
                .or_insert((dependency, Counts::default()))
                .1
                .entries += 1;
        }
    }
    led.into_values()
        .map(|(dependency, count)| match &dependency.fallback {
            Some(tag) => fallback(dependency, tag, count),
            None => cloned_in(dependency, count),
        })
        .collect()
}

/// What leads into a repository: references in pages (links, includes,
/// code), and table-of-contents entries.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    references: usize,
    entries: usize,
}

impl Counts {
    /// How many there are, and what they are called.
    fn said(self) -> (usize, &'static str) {
        let count = self.references + self.entries;
        let what = match (count == 1, self.entries > 0) {
            (true, false) => "link, include or code reference",
            (true, true) => "table-of-contents entry",
            (false, false) => "links, includes and code references",
            (false, true) => "links, includes, code references and table-of-contents entries",
        };
        (count, what)
    }
}

/// The note for a repository cloned in at its own folder.
fn cloned_in(dependency: &Dependency, counts: Counts) -> Finding {
    let prefix = dependency.written.trim_end_matches('/');
    let (count, what) = counts.said();
    let what = format!("{what} {}", if count == 1 { "leads" } else { "lead" });
    let from = from(dependency);
    Finding::note(
        "dependency-not-cloned",
        dependency.at.clone(),
        format!("{count} {what} into `{prefix}/`, where the publishing clones a repository{from} that this copy lacks: they are not checked"),
    )
    .with_help(match dependency.url.as_str() {
        "" => format!("clone the repository into `{prefix}` to check them"),
        url => format!("clone it there to check them: `git clone {url} {prefix}` (in the folder of this file)"),
    })
}

/// ` (<url>)`, where the repository comes from, when the configuration says.
fn from(dependency: &Dependency) -> String {
    match dependency.url.as_str() {
        "" => String::new(),
        url => format!(" ({url})"),
    }
}

/// The note for a localized repository's fallback: the source repository
/// `tag` names, which stands in for the files the copy lacks.
fn fallback(dependency: &Dependency, tag: &str, counts: Counts) -> Finding {
    let folder = dependency.written.trim_end_matches(['/', '\\']);
    let (count, what) = counts.said();
    let what = format!(
        "{what} {}",
        if count == 1 {
            "names a file"
        } else {
            "name files"
        }
    );
    let from = from(dependency);
    // What naming the clone as the source locale adds to its files.
    let as_source = format!(
        "add it to polydoc.toml as the source locale (`source = \"{tag}\"` at the top, and `{tag} = \"<its folder>\"` under `[locales]`)"
    );
    let add = format!(
        "and its code samples, images and other files stand in for the missing ones, as when published; for its articles and includes too, {as_source}"
    );
    let help = if dependency.root.is_dir() {
        format!(
            "`{folder}` is cloned, and its code samples, images and other files stand in for this copy's missing ones; for its articles and includes, {as_source}"
        )
    } else if dependency.url.is_empty() {
        format!("clone the `{tag}` repository into `{folder}`, {add}")
    } else {
        format!(
            "clone it (`git clone {} {folder}`, in the folder of this file), {add}",
            dependency.url
        )
    };
    Finding::note(
        "dependency-not-cloned",
        dependency.at.clone(),
        format!("{count} {what} this localized copy lacks, which the publishing takes from its `{tag}` fallback repository{from}, cloned into `{folder}/`: they are not checked while `{tag}` is no locale of the site"),
    )
    .with_help(help)
}
