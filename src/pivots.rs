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
            problems: Vec::new(),
        };
        for asset in assets
            .iter()
            .filter(|a| a.rel_path.eq_ignore_ascii_case(FILE_NAME))
        {
            match read(&asset.path) {
                Ok(groups) => pivots.per_locale[asset.locale] = Some(Arc::new(groups)),
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

    /// Whether `locale` has pivot groups (its own file, or the fallback's).
    pub fn defined(&self, locale: usize) -> bool {
        self.per_locale.get(locale).is_some_and(Option::is_some)
    }

    /// The group `id` as `locale` sees it.
    pub fn group(&self, locale: usize, id: &str) -> Option<&Group> {
        self.per_locale
            .get(locale)?
            .as_ref()?
            .iter()
            .find(|g| g.id == id)
    }

    /// The title of pivot `id` in any group `locale` sees.
    pub fn pivot_title(&self, locale: usize, id: &str) -> Option<&str> {
        self.per_locale
            .get(locale)?
            .as_ref()?
            .iter()
            .flat_map(|g| &g.pivots)
            .find(|p| p.id == id && !p.title.is_empty())
            .map(|p| p.title.as_str())
    }

    /// The ids of every group `locale` sees, for suggestions.
    pub fn group_ids(&self, locale: usize) -> Vec<&str> {
        self.per_locale
            .get(locale)
            .and_then(Option::as_ref)
            .map(|groups| groups.iter().map(|g| g.id.as_str()).collect())
            .unwrap_or_default()
    }
}

/// The pivot ids a zone's `pivot` attribute names (`"a, b"` is either).
pub fn zone_pivots(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn read(path: &std::path::Path) -> Result<Vec<Group>, (usize, usize, String)> {
    let text = std::fs::read_to_string(path).map_err(|e| (0, 0, e.to_string()))?;
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
