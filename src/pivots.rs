//! DocFX zone pivots: the groups of alternatives (`windows`, `linux`) a
//! page's `::: zone pivot="..."` blocks choose between.
//!
//! A docset defines its groups in `zone-pivot-groups.yml`:
//!
//! ```yaml
//! groups:
//! - id: client-os
//!   title: Operating system
//!   prompt: Choose an operating system
//!   pivots:
//!   - id: windows
//!     title: Windows
//! ```
//!
//! and a page names the groups it uses in its front matter
//! (`zone_pivot_groups: client-os`, several separated by commas, or a
//! YAML list). The built page then shows a picker per group
//! (`static/polydoc.js`), and only the zones of the picked pivots;
//! without JavaScript every zone shows, labelled. Each locale reads the file at the root of its folder
//! (localized repositories translate the titles); a locale without one
//! uses the source locale's, else the first locale's that has one.
//!
//! Large docsets keep a groups file per area instead, and a page names
//! its own in `zone_pivot_group_filename` (front matter, or a
//! `docfx.json`'s metadata): `data-explorer/zone-pivot-groups.json`, a
//! path from the docset's root, JSON or YAML of the same shape. Every
//! file named `zone-pivot-groups.json` or `.yml` is read for that; the
//! path is looked up by [`crate::site::Site::pivot_file`].

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Finding, Location};
use crate::load::Asset;

/// The file's name, at the root of a locale folder.
pub const FILE_NAME: &str = "zone-pivot-groups.yml";

/// One group of alternatives.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct Group {
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// What the picker asks ("Choose an operating system").
    #[serde(default)]
    pub prompt: String,
    #[serde(default)]
    pub pivots: Vec<Pivot>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
pub struct Pivot {
    pub id: String,
    #[serde(default)]
    pub title: String,
}

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    groups: Vec<Group>,
}

/// The groups each locale sees, and what was wrong with the files.
#[derive(Debug, Default)]
pub struct Pivots {
    /// Per locale; `None` when no locale has the file.
    per_locale: Vec<Option<Arc<Vec<Group>>>>,
    /// Every groups file by locale and lower-cased path below its folder,
    /// for the pages that name theirs; in path order, so that a title
    /// looked up across them is the same on every build.
    named: BTreeMap<(usize, String), Arc<Vec<Group>>>,
    /// The locale a translation lacking a named file falls back to.
    source: Option<usize>,
    /// Files that could not be read or parsed (as `invalid-zone`).
    pub problems: Vec<Finding>,
}

impl Pivots {
    /// Reads each locale's `zone-pivot-groups.yml` among its `assets`.
    /// `source` is the locale translations fall back to.
    pub fn load(
        locales: usize,
        assets: &[Asset],
        source: Option<usize>,
        display: impl Fn(&std::path::Path) -> std::path::PathBuf,
    ) -> Pivots {
        let mut pivots = Pivots {
            per_locale: vec![None; locales],
            named: BTreeMap::new(),
            source,
            problems: Vec::new(),
        };
        for asset in assets.iter().filter(|a| is_groups_file(&a.rel_path)) {
            match read(&asset.path) {
                Ok(groups) => {
                    let groups = Arc::new(groups);
                    if asset.rel_path.eq_ignore_ascii_case(FILE_NAME) {
                        pivots.per_locale[asset.locale] = Some(Arc::clone(&groups));
                    }
                    let key = (asset.locale, asset.rel_path.to_lowercase());
                    pivots.named.insert(key, groups);
                }
                Err((line, column, message)) => pivots.problems.push(
                    Finding::error(
                        "invalid-zone",
                        Location::at(display(&asset.path), line, column),
                        format!("the zone pivot groups cannot be read: {message}"),
                    )
                    .with_help(
                        "fix the file: `groups:`, each with an `id`, a `prompt` and `pivots` (each with an `id` and a `title`)",
                    ),
                ),
            }
        }
        let fallback = source
            .and_then(|s| pivots.per_locale[s].clone())
            .or_else(|| pivots.per_locale.iter().flatten().next().cloned());
        for groups in &mut pivots.per_locale {
            if groups.is_none() {
                groups.clone_from(&fallback);
            }
        }
        pivots
    }

    /// Whether any locale has a groups file.
    pub fn any(&self) -> bool {
        !self.named.is_empty()
    }

    /// Whether a groups file is at `path` (below the folder of `locale`,
    /// or the source locale's).
    pub fn has_file(&self, locale: usize, path: &str) -> bool {
        self.file(locale, path).is_some()
    }

    fn file(&self, locale: usize, path: &str) -> Option<&Arc<Vec<Group>>> {
        let path = path.to_lowercase();
        self.named.get(&(locale, path.clone())).or_else(|| {
            let source = self.source.filter(|&s| s != locale)?;
            self.named.get(&(source, path))
        })
    }

    /// The groups a page of `locale` sees: its named file's (`file`,
    /// below the locale folder), else the locale's root file's.
    fn groups(&self, locale: usize, file: Option<&str>) -> Option<&[Group]> {
        match file {
            Some(path) => self.file(locale, path).map(|g| g.as_slice()),
            None => self.per_locale.get(locale)?.as_deref().map(Vec::as_slice),
        }
    }

    /// Whether a page of `locale` has pivot groups to pick from (its
    /// named file, its locale's root file, or the fallback's).
    pub fn defined(&self, locale: usize, file: Option<&str>) -> bool {
        self.groups(locale, file).is_some()
    }

    /// The group `id` as a page of `locale` sees it.
    pub fn group(&self, locale: usize, file: Option<&str>, id: &str) -> Option<&Group> {
        self.groups(locale, file)?.iter().find(|g| g.id == id)
    }

    /// The title of pivot `id` for a page of `locale` whose groups file
    /// is `file` ([`Pivots::defined`]): from that file's groups, else from
    /// the locale's other files (its root file first, then by path).
    pub fn pivot_title(&self, locale: usize, file: Option<&str>, id: &str) -> Option<&str> {
        let own = self.groups(locale, file).into_iter();
        let root = self.per_locale.get(locale).into_iter().flatten();
        let below = (locale, String::new())..(locale + 1, String::new());
        let named = self.named.range(below).map(|(_, groups)| groups);
        own.chain(root.chain(named).map(|groups| groups.as_slice()))
            .flatten()
            .flat_map(|g| &g.pivots)
            .find(|p| p.id == id && !p.title.is_empty())
            .map(|p| p.title.as_str())
    }

    /// The ids of every group a page of `locale` sees, for suggestions.
    pub fn group_ids(&self, locale: usize, file: Option<&str>) -> Vec<&str> {
        (self.groups(locale, file))
            .map(|groups| groups.iter().map(|g| g.id.as_str()).collect())
            .unwrap_or_default()
    }
}

/// Whether the file at `path` (below a locale folder) is a zone pivot
/// groups file: configuration, read and never copied to the site.
pub fn is_groups_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    name == FILE_NAME || name == "zone-pivot-groups.json"
}

/// The pivot ids a zone's `pivot` attribute names (`"a, b"` is either).
pub fn zone_pivots(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn read(path: &std::path::Path) -> Result<Vec<Group>, (usize, usize, String)> {
    let text = std::fs::read_to_string(path).map_err(|e| (0, 0, e.to_string()))?;
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if json {
        let file: File = serde_json::from_str(&text)
            .map_err(|e| (e.line().max(1), e.column().max(1), e.to_string()))?;
        return Ok(file.groups);
    }
    let file: File = serde_yaml::from_str(&text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        (line, column, e.to_string())
    })?;
    Ok(file.groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_pivots_split_on_commas() {
        assert_eq!(
            zone_pivots(" win, lin ,").collect::<Vec<_>>(),
            ["win", "lin"]
        );
    }
}
