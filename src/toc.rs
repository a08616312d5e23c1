//! Navigation from DocFX tables of contents: `toc.yml` and `TOC.md`.
//!
//! `toc.yml` follows DocFX's schema: a list of entries with `name`,
//! `href`, `topicHref` and `items`; an `href` to another `toc.yml` (or to
//! a folder that has one) puts that file's entries under the entry.
//! `TOC.md` writes the same tree as headings: `# [Name](href)`, one
//! level per `#`. A page shows the nearest table of contents in its
//! folder or above that no other table of contents includes; a locale
//! without any falls back to its folder tree ([`crate::nav`]).
//!
//! Entries keep the line they were written on, so a broken `href` is a
//! finding at its file, line and column.

use std::collections::HashMap;

use serde_yaml::Value;

use crate::check::resolve::Targets;
use crate::markdown::links::{is_absolute, join, split_target};
use crate::site::Site;

/// A table-of-contents file as loaded.
#[derive(Debug, Clone)]
pub struct TocSource {
    pub locale: usize,
    /// Path below the locale folder.
    pub rel_path: String,
    /// Path as shown in findings.
    pub display: std::path::PathBuf,
    pub text: String,
}

/// One entry of a resolved table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub depth: usize,
    pub parent: Option<usize>,
    /// The page or file it links to: (locale-relative path), if it resolves.
    pub target: Option<usize>,
    /// Where on the target page it lands: `href: page.md#section`'s
    /// fragment, or the heading of an API member a `uid` names.
    pub fragment: Option<String>,
    pub external: Option<String>,
    pub children: Vec<usize>,
    /// DocFX's `expanded: true`: its children show on every page, not
    /// only on the way to the page opened.
    pub expanded: bool,
}

/// A problem in a table of contents: file, line, column, message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub source: usize,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The entry names a file its locale lacks and the source locale has:
    /// it links the source's page, as a link in a page does, so this is
    /// `source-fallback`'s note, not a broken entry.
    pub fallback: bool,
}

/// An entry's `href` fragment (`page.md#section`), for the check that the
/// page has that id: where it is written, the page, the id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TocFragment {
    pub source: usize,
    pub line: usize,
    pub column: usize,
    pub page: usize,
    pub fragment: String,
}

/// A locale's tables of contents, resolved.
#[derive(Debug, Default)]
pub struct Tocs {
    pub sources: Vec<TocSource>,
    /// Per source that stands alone (no other table includes it): its entries.
    pub trees: Vec<Option<Vec<Entry>>>,
    pub problems: Vec<Problem>,
    /// The fragments of entries' `href`s, each place once.
    pub fragments: Vec<TocFragment>,
    /// Entries left unchecked, naming a file of a repository the
    /// publishing clones in and this copy lacks: (locale, path below its
    /// folder), for `dependency-not-cloned`'s count.
    pub unchecked: Vec<(usize, String)>,
    /// (locale, folder in lower case) -> the standalone table in that folder.
    by_folder: HashMap<(usize, String), usize>,
}

/// An entry as written, before resolution.
#[derive(Debug, Clone, Default)]
struct Raw {
    name: String,
    href: Option<String>,
    topic_href: Option<String>,
    /// `uid` (or `topicUid`): the page declaring it, as DocFX links it.
    uid: Option<String>,
    /// `expanded: true`: its entries show on every page.
    expanded: bool,
    line: usize,
    column: usize,
    items: Vec<Raw>,
}

impl Tocs {
    /// Resolves every table of contents of the site against its files
    /// and uids; an entry naming a file its locale lacks links the
    /// `source` locale's. An entry naming a page that is only included
    /// into others ([`crate::site::Page::fragment`]) leads to no page.
    pub fn build(sources: Vec<TocSource>, site: &Site, source: Option<(usize, &str)>) -> Tocs {
        let mut tocs = Tocs {
            trees: vec![None; sources.len()],
            ..Tocs::default()
        };
        let by_path: HashMap<(usize, String), usize> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.locale, s.rel_path.to_lowercase()), i))
            .collect();
        let raws: Vec<Vec<Raw>> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| match parse(s) {
                Ok(raw) => raw,
                Err((line, column, message)) => {
                    tocs.problems.push(Problem {
                        source: i,
                        line,
                        column,
                        message,
                        fallback: false,
                    });
                    Vec::new()
                }
            })
            .collect();
        let mut included = vec![false; sources.len()];
        let mut resolver = Resolver {
            sources: &sources,
            raws: &raws,
            by_path: &by_path,
            targets: &site.targets,
            site,
            source,
            included: &mut included,
            problems: &mut tocs.problems,
            fragments: &mut tocs.fragments,
            unchecked: &mut tocs.unchecked,
        };
        let mut trees = Vec::new();
        for (i, raw) in raws.iter().enumerate() {
            let mut entries = Vec::new();
            resolver.add(i, raw, None, 0, &mut entries, &mut vec![i]);
            trees.push(entries);
        }
        for (i, tree) in trees.into_iter().enumerate() {
            if !included[i] {
                tocs.trees[i] = Some(tree);
                let s = &sources[i];
                tocs.by_folder
                    .entry((s.locale, folder(&s.rel_path.to_lowercase()).to_owned()))
                    .or_insert(i);
            }
        }
        // A table another includes is resolved on its own and once more
        // under each table including it: one finding per place.
        let mut seen = std::collections::HashSet::new();
        tocs.problems
            .retain(|p| seen.insert((p.source, p.line, p.column, p.message.clone())));
        let mut seen = std::collections::HashSet::new();
        tocs.fragments.retain(|f| seen.insert(f.clone()));
        tocs.sources = sources;
        tocs
    }

    /// The table of contents a page at `rel_path` of `locale` shows: the
    /// nearest standalone one in its folder or above.
    pub fn for_page(&self, locale: usize, rel_path: &str) -> Option<usize> {
        let lower = rel_path.to_lowercase();
        let mut dir = folder(&lower);
        loop {
            if let Some(&i) = self.by_folder.get(&(locale, dir.to_owned())) {
                return Some(i);
            }
            if dir.is_empty() {
                return None;
            }
            dir = folder(dir);
        }
    }
}

/// The folder part of a `/`-separated path (`""` at the top).
fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

struct Resolver<'a> {
    sources: &'a [TocSource],
    raws: &'a [Vec<Raw>],
    by_path: &'a HashMap<(usize, String), usize>,
    targets: &'a Targets,
    /// The locale translations are made from, and its key, if the site
    /// names one.
    source: Option<(usize, &'a str)>,
    /// For the pages entries name, and their uids.
    site: &'a Site,
    included: &'a mut Vec<bool>,
    problems: &'a mut Vec<Problem>,
    fragments: &'a mut Vec<TocFragment>,
    unchecked: &'a mut Vec<(usize, String)>,
}

impl Resolver<'_> {
    /// Adds the entries of `raw` (written in source `file`) under `parent`.
    fn add(
        &mut self,
        file: usize,
        raw: &[Raw],
        parent: Option<usize>,
        depth: usize,
        out: &mut Vec<Entry>,
        chain: &mut Vec<usize>,
    ) {
        let source = &self.sources[file];
        for r in raw {
            let index = out.len();
            out.push(Entry {
                name: r.name.clone(),
                depth,
                parent,
                target: None,
                fragment: None,
                external: None,
                children: Vec::new(),
                expanded: r.expanded,
            });
            if let Some(p) = parent {
                out[p].children.push(index);
            }
            let mut nested = None;
            if let Some(href) = r.href.as_deref().filter(|h| !h.is_empty()) {
                if let Some(link) =
                    self.targets
                        .site_path_link(source.locale, &source.rel_path, href)
                {
                    self.link(file, r, &link, href, &mut out[index]);
                } else if is_absolute(href) || href.starts_with('/') {
                    let url = self.targets.published().url(href);
                    out[index].external = Some(url.unwrap_or_else(|| href.to_owned()));
                } else {
                    match self.nested_toc(source, href) {
                        Some(n) => nested = Some(n),
                        None => self.link(file, r, href, href, &mut out[index]),
                    }
                }
            }
            if let Some(uid) = r.uid.as_deref().filter(|_| r.href.is_none()) {
                self.link_uid(file, r, uid, &mut out[index]);
            }
            if let Some(topic) = r.topic_href.as_deref().filter(|h| !h.is_empty()) {
                let link = self
                    .targets
                    .site_path_link(source.locale, &source.rel_path, topic);
                let href = link.as_deref().unwrap_or(topic);
                self.link(file, r, href, topic, &mut out[index]);
            } else if let Some(n) = nested {
                // A folder's entry opens its `index.md`, or the landing
                // page in its place, when it has one.
                let nested_source = &self.sources[n];
                let page = crate::site::FOLDER_PAGES.into_iter().find_map(|name| {
                    let path = join(&nested_source.rel_path, name)?;
                    self.targets.find(nested_source.locale, &path)?.1
                });
                if let Some(page) = page {
                    out[index].target = Some(page);
                }
            }
            self.add(file, &r.items, Some(index), depth + 1, out, chain);
            if let Some(n) = nested {
                self.included[n] = true;
                if chain.contains(&n) {
                    self.problems.push(Problem {
                        source: file,
                        line: r.line,
                        column: r.column,
                        message: format!(
                            "`{}` includes a table of contents that includes this one",
                            r.href.as_deref().unwrap_or("")
                        ),
                        fallback: false,
                    });
                } else {
                    chain.push(n);
                    self.add(n, &self.raws[n], Some(index), depth + 1, out, chain);
                    chain.pop();
                }
            }
        }
    }

    /// Links `entry` to the page declaring `uid` (in its locale, else the
    /// source locale's), or where another site's xref map says; a uid an
    /// xref service resolves (`[xref] external`) is left to it, unlinked.
    fn link_uid(&mut self, file: usize, r: &Raw, uid: &str, entry: &mut Entry) {
        let locale = self.sources[file].locale;
        let problem = match self.site.uid(locale, uid) {
            Some(page) if self.site.pages[page].fragment => format!(
                "entry `{}` names uid `{uid}`, declared by `{}`, which is only included into pages: no page is published at its address",
                r.name, self.site.pages[page].source.rel_path
            ),
            Some(page) => {
                entry.target = Some(page);
                let item = self.site.api_item(locale, uid);
                // A member lands on its heading of its type's page.
                entry.fragment = item.filter(|i| !i.id.is_empty()).map(|i| i.id.clone());
                if entry.name.is_empty() {
                    // An API item by its name (`Foo`), as DocFX's API
                    // tables write it, not its page's title (`Class Foo`).
                    entry.name = match item {
                        Some(item) => item.spec.shown(uid, None).to_owned(),
                        None => self.site.pages[page].title.clone(),
                    };
                }
                return;
            }
            None => match self.site.map_uid(uid) {
                Some(spec) => {
                    entry.external = spec.href.clone();
                    if entry.name.is_empty() {
                        entry.name = spec.shown(uid, None).to_owned();
                    }
                    return;
                }
                None if self.site.is_external_uid(uid) => return,
                None => {
                    let hint = self
                        .site
                        .closest_uid(locale, uid)
                        .map(|near| format!("; did you mean `{near}`?"))
                        .unwrap_or_default();
                    format!(
                        "entry `{}` names uid `{uid}`, which no page of this locale declares (`uid:` in its front matter){hint}",
                        r.name
                    )
                }
            },
        };
        self.problems.push(Problem {
            source: file,
            line: r.line,
            column: r.column,
            message: problem,
            fallback: false,
        });
    }

    /// The table of contents an `href` names: a `toc.yml`/`TOC.md`, or a folder holding one.
    fn nested_toc(&self, source: &TocSource, href: &str) -> Option<usize> {
        let (path, _) = split_target(href);
        let joined = join(&source.rel_path, path)?.to_lowercase();
        let lookup = |p: &str| self.by_path.get(&(source.locale, p.to_owned())).copied();
        let name = joined.rsplit('/').next().unwrap_or(&joined);
        if name == "toc.yml" || name == "toc.md" {
            return lookup(&joined);
        }
        if path.ends_with('/') || self.targets.find(source.locale, &joined).is_none() {
            let prefix = if joined.is_empty() {
                String::new()
            } else {
                format!("{joined}/")
            };
            return lookup(&format!("{prefix}toc.yml"))
                .or_else(|| lookup(&format!("{prefix}toc.md")));
        }
        None
    }

    /// Resolves `href` (as `written` in the file, for messages) for `entry`.
    fn link(&mut self, file: usize, r: &Raw, href: &str, written: &str, entry: &mut Entry) {
        let source = &self.sources[file];
        let (path, rest) = split_target(href);
        entry.fragment = rest
            .split_once('#')
            .map(|(_, f)| f.to_owned())
            .filter(|f| !f.is_empty());
        // A folder's href opens its page (`index.md`, or a landing page),
        // named as `index.md` when it has none.
        let resolved = if path.ends_with('/') {
            let pages = crate::site::FOLDER_PAGES.map(|name| {
                (self.targets).locate(source.locale, &source.rel_path, &format!("{path}{name}"))
            });
            let found = pages.iter().flatten().find(|p| {
                self.targets
                    .find(source.locale, p)
                    .is_some_and(|(_, page, _)| page.is_some())
            });
            found.cloned().or_else(|| pages[0].clone())
        } else {
            self.targets.locate(source.locale, &source.rel_path, path)
        };
        let found = resolved
            .as_deref()
            .and_then(|p| self.targets.find(source.locale, p));
        let fallback = || {
            let (from, key) = self.source.filter(|&(s, _)| s != source.locale)?;
            match self.targets.find(from, resolved.as_deref()?)? {
                (_, Some(page), _) => Some((key, page)),
                _ => None,
            }
        };
        match found {
            Some((_, Some(page), _)) if self.site.pages[page].fragment => {
                self.problems.push(Problem {
                    source: file,
                    line: r.line,
                    column: r.column,
                    message: format!(
                        "entry `{}` links `{written}`, which is only included into pages: no page is published at its address",
                        r.name
                    ),
                    fallback: false,
                });
            }
            Some((_, Some(page), _)) => entry.target = Some(page),
            Some((_, None, _)) => entry.external = Some(href.to_owned()),
            // A repository the publishing clones in, which this copy
            // lacks: not the copy's to check, and nothing to link.
            None if (resolved.as_deref())
                .is_some_and(|p| self.targets.absent_dependency(source.locale, p).is_some()) =>
            {
                if let Some(path) = resolved {
                    self.unchecked.push((source.locale, path));
                }
            }
            None => {
                let (message, fallback) = match fallback() {
                    Some((key, page)) => {
                        entry.target = Some(page);
                        (
                            format!(
                                "entry `{}` links `{written}`, which this locale lacks: the navigation links `{key}`'s copy",
                                r.name
                            ),
                            true,
                        )
                    }
                    None => {
                        let draft = (resolved.as_deref())
                            .and_then(|path| self.site.draft_in_reach(source.locale, path));
                        let what = match draft {
                            Some(_) => "a draft (`draft: true`) that the build leaves out",
                            None => "which names no file in this locale",
                        };
                        (
                            format!("entry `{}` links `{written}`, {what}", r.name),
                            false,
                        )
                    }
                };
                self.problems.push(Problem {
                    source: file,
                    line: r.line,
                    column: r.column,
                    message,
                    fallback,
                });
            }
        }
        if let (Some(page), Some(fragment)) = (entry.target, &entry.fragment) {
            self.fragments.push(TocFragment {
                source: file,
                line: r.line,
                column: r.column,
                page,
                fragment: fragment.clone(),
            });
        }
    }
}

/// The entries of one file, or where and why it does not parse.
fn parse(source: &TocSource) -> Result<Vec<Raw>, (usize, usize, String)> {
    if source.rel_path.to_lowercase().ends_with(".md") {
        return Ok(parse_markdown(&source.text));
    }
    let value: Value = serde_yaml::from_str(&source.text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        (line, column, format!("invalid YAML: {e}"))
    })?;
    let mut cursor = LineCursor::new(&source.text);
    let items = match &value {
        Value::Sequence(items) => items.as_slice(),
        // DocFX also accepts `items:` at the top.
        Value::Mapping(m) => m
            .get("items")
            .and_then(Value::as_sequence)
            .map_or(&[][..], Vec::as_slice),
        _ => &[],
    };
    Ok(yaml_entries(items, &mut cursor))
}

fn yaml_entries(items: &[Value], cursor: &mut LineCursor) -> Vec<Raw> {
    items
        .iter()
        .filter_map(|item| {
            let map = item.as_mapping()?;
            let get = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_owned);
            let name = get("name").unwrap_or_default();
            let (line, column) = cursor.find(&name);
            let href = get("href");
            let uid = get("uid")
                .or_else(|| get("topicUid"))
                .map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty());
            let (line, column) = match (&href, &uid) {
                (Some(h), _) => cursor.find(h),
                (None, Some(u)) => cursor.find(u),
                (None, None) => (line, column),
            };
            let children = map
                .get("items")
                .and_then(Value::as_sequence)
                .map(|s| yaml_entries(s, cursor))
                .unwrap_or_default();
            Some(Raw {
                name,
                href,
                topic_href: get("topicHref"),
                uid,
                expanded: map.get("expanded").and_then(Value::as_bool) == Some(true),
                line,
                column,
                items: children,
            })
        })
        .collect()
}

/// Finds values in the text in document order, for their line and column:
/// serde_yaml's values carry no positions.
struct LineCursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> LineCursor<'a> {
    fn new(text: &'a str) -> Self {
        LineCursor { text, at: 0 }
    }

    fn find(&mut self, value: &str) -> (usize, usize) {
        if !value.is_empty()
            && let Some(i) = self.text[self.at..].find(value)
        {
            self.at += i;
        }
        let before = &self.text[..self.at];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1) + 1;
        (line, column)
    }
}

/// `TOC.md`: `#` headings are levels, each `[Name](href)` or plain `Name`.
fn parse_markdown(text: &str) -> Vec<Raw> {
    let mut roots: Vec<Raw> = Vec::new();
    // The path of open entries: (level, index path into roots).
    let mut open: Vec<usize> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let level = trimmed.bytes().take_while(|&b| b == b'#').count();
        if level == 0 || !trimmed[level..].starts_with(' ') {
            continue;
        }
        let content = trimmed[level..].trim();
        let column = line.len() - trimmed.len() + level + 2;
        let (name, href) = match content
            .strip_prefix('[')
            .and_then(|c| c.split_once("]("))
            .and_then(|(name, rest)| Some((name, rest.strip_suffix(')')?)))
        {
            Some((name, href)) => (name.to_owned(), Some(href.trim().to_owned())),
            None => (content.to_owned(), None),
        };
        let raw = Raw {
            name,
            href,
            line: n + 1,
            column,
            ..Raw::default()
        };
        open.truncate(level.saturating_sub(1).min(open.len()));
        let mut list = &mut roots;
        for &i in &open {
            list = &mut list[i].items;
        }
        list.push(raw);
        open.push(list.len() - 1);
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toc_md_headings_are_levels() {
        let raw = parse_markdown(
            "# [Intro](intro.md)\n## [Setup](setup.md)\n# Reference\n## [API](api.md)\n",
        );
        assert_eq!(raw.len(), 2);
        assert_eq!(raw[0].items[0].name, "Setup");
        assert_eq!(raw[0].items[0].line, 2);
        assert_eq!(raw[1].href, None);
        assert_eq!(raw[1].items[0].href.as_deref(), Some("api.md"));
    }

    #[test]
    fn yaml_entries_keep_their_lines() {
        let source = TocSource {
            locale: 0,
            rel_path: "toc.yml".into(),
            display: "toc.yml".into(),
            text: "- name: Intro\n  href: intro.md\n- name: Guide\n  items:\n  - name: Setup\n    href: guide/setup.md\n".into(),
        };
        let raw = parse(&source).expect("parses");
        assert_eq!(raw[0].line, 2);
        assert_eq!(raw[1].items[0].href.as_deref(), Some("guide/setup.md"));
        assert_eq!((raw[1].items[0].line, raw[1].items[0].column), (6, 11));
    }
}
