//! `polydoc.toml` and the command-line overrides, resolved into absolute
//! paths once so that no later stage has to think about working folders.
//!
//! Paths written in `polydoc.toml` are relative to the site root; paths given
//! on the command line are relative to the current folder, as users expect
//! from any other command-line tool.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::Fatal;
use crate::xref_map::MapSource;

/// The file a site root may hold. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Site title, shown in the header and the language chooser.
    pub title: Option<String>,
    /// Absolute URL the site is published under, e.g. `https://kb.example.com/`.
    pub base_url: Option<String>,
    /// Output folder (default `public`).
    pub output: Option<PathBuf>,
    /// Content folder whose BCP 47-named subfolders are the locales (default `content`).
    pub content: Option<PathBuf>,
    /// The locale that `x-default` points to and that the chooser lists first.
    pub default_locale: Option<String>,
    /// Locale tag to folder. When set, only these locales are built, and a
    /// folder may live anywhere (a separate checkout of a localized repository).
    pub locales: Option<BTreeMap<String, PathBuf>>,
    /// The locale translations are made from (`en-us`); without one,
    /// locales are compared as peers.
    pub source: Option<String>,
    /// Severity per check rule: `"error"`, `"warning"`, `"note"` or `"off"`.
    pub rules: Option<BTreeMap<String, Level>>,
    /// Whether `build` writes the translation status report (`polydoc
    /// drift --html`) into `<output>/_status/`.
    pub status_page: Option<bool>,
    /// Whether `build` writes the search index and shows the search box
    /// (default true).
    pub search: Option<bool>,
    /// Whether a translation made from an older source version than
    /// another of its page says so at its top (default true).
    pub outdated_notice: Option<bool>,
    pub includes: Option<Vec<String>>,
    pub alerts: Option<BTreeMap<String, String>>,
    /// Where the pages live on the site they are published to
    /// ([`crate::published`]).
    pub published: Option<PublishedFile>,
    /// Cross references another service resolves ([`XrefFile`]).
    pub xref: Option<XrefFile>,
    /// Where pages are edited ([`EditFile`]).
    pub edit: Option<EditFile>,
    /// Products' versions, oldest first, for moniker ranges
    /// ([`crate::monikers`]): `"Visual Studio" = ["vs-2019", "vs-2022"]`,
    /// a version with the name its picker shows written as a table
    /// (`{ moniker = "vs-2022", name = "Visual Studio 2022" }`).
    pub monikers: Option<BTreeMap<String, Vec<MonikerEntry>>>,
}

/// A version under `[monikers]`: its moniker, or its moniker and the name
/// the version picker shows for it, as Learn shows "Visual Studio 2022"
/// for `vs-2022`.
#[derive(Debug)]
pub enum MonikerEntry {
    Moniker(String),
    Named { moniker: String, name: String },
}

/// Read by hand, so that a version of neither form is told both (serde's
/// untagged enums say only that no variant matched).
impl<'de> Deserialize<'de> for MonikerEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const FORMS: &str = "a moniker (\"vs-2022\"), or a table of a moniker and the name the version picker shows ({ moniker = \"vs-2022\", name = \"Visual Studio 2022\" })";
        struct Entry;
        impl<'de> serde::de::Visitor<'de> for Entry {
            type Value = MonikerEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(FORMS)
            }
            fn visit_str<E: serde::de::Error>(self, moniker: &str) -> Result<MonikerEntry, E> {
                Ok(MonikerEntry::Moniker(moniker.to_owned()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<MonikerEntry, A::Error> {
                use serde::de::Error;
                let (mut moniker, mut name) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "moniker" => moniker = Some(map.next_value::<String>()?),
                        "name" => name = Some(map.next_value::<String>()?),
                        other => {
                            return Err(A::Error::custom(format!(
                                "unknown key `{other}`; a version is {FORMS}"
                            )));
                        }
                    }
                }
                match (moniker, name) {
                    (Some(moniker), Some(name)) => Ok(MonikerEntry::Named { moniker, name }),
                    (Some(moniker), None) => Ok(MonikerEntry::Moniker(moniker)),
                    (None, _) => Err(A::Error::custom(format!(
                        "no `moniker`; a version is {FORMS}"
                    ))),
                }
            }
        }
        deserializer.deserialize_any(Entry)
    }
}

/// The keys of [`ConfigFile`] that take a value rather than a table. In
/// TOML every key after a `[table]` header belongs to that table, so one of
/// these written below `[locales]` reaches the locale list: a message names
/// it as the top-level key it is. A test holds this list to serde's own.
pub const TOP_LEVEL_KEYS: &[&str] = &[
    "title",
    "base_url",
    "output",
    "content",
    "default_locale",
    "source",
    "status_page",
    "search",
    "outdated_notice",
    "includes",
];

/// `[edit]`: the address of each page's "Edit this page" link
/// ([`crate::edit_links`]). Spanned, so that a bad one is reported at its
/// line and column.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditFile {
    /// For every locale: `https://github.com/contoso/kb/edit/main/{path}`.
    pub url: Option<toml::Spanned<String>>,
    /// Per locale, for locale folders in repositories of their own.
    pub locales: Option<BTreeMap<String, toml::Spanned<String>>>,
}

/// `[edit]` once read: templates checked to be addresses with a `{path}`.
#[derive(Debug, Default, Clone)]
pub struct EditConfig {
    pub url: Option<String>,
    /// Locale tag, as written, to its template.
    pub locales: BTreeMap<String, String>,
}

/// `[xref]`: uids that no page of the site declares, because a service
/// resolves them when the site is published (DocFX's `xrefService` and
/// `xref` maps: the .NET API's `System.*`, Visual Studio's `Microsoft.*`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct XrefFile {
    /// Prefixes of those uids (`"System."`); `"*"` stands for every uid.
    pub external: Option<Vec<String>>,
    /// DocFX xref maps (`xrefmap.yml`) of other sites, in lookup order
    /// ([`crate::xref_map`]).
    pub maps: Option<Vec<MapEntry>>,
}

/// An entry of `[xref] maps`: a path, or a path with the address of the
/// site the map describes (what its relative hrefs are relative to).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum MapEntry {
    Path(String),
    WithBase { path: String, base_url: String },
}

/// `[published]`: links that start with `/` are paths of that site.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedFile {
    /// These pages' path there, DocFX's docset base path: `/windows-server`.
    pub path: Option<String>,
    /// The site itself, for links to its other paths: `https://learn.microsoft.com`.
    pub url: Option<String>,
}

/// What `[rules]` in `polydoc.toml` sets a rule to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
    Off,
}

/// Everything a build needs to know about where things are.
#[derive(Debug, Clone)]
pub struct Config {
    pub root: PathBuf,
    /// `title`, when set: wins over a DocFX site's `_appName` and
    /// `_appTitle` (`render::app`); else [`DEFAULT_TITLE`].
    pub title: Option<String>,
    pub base_url: Option<String>,
    pub content: PathBuf,
    pub output: PathBuf,
    pub default_locale: Option<String>,
    /// Explicit locale folders from `polydoc.toml`, already made absolute.
    pub locales: Option<BTreeMap<String, PathBuf>>,
    pub source: Option<String>,
    /// Whether pages marked `draft: true` are read as pages (`--drafts`);
    /// without it they are left out, as Hugo and Zola leave them out.
    pub drafts: bool,
    /// Rule id to level, as written in `[rules]`; checked against the
    /// known rules by the check stage.
    pub rules: BTreeMap<String, Level>,
    pub status_page: bool,
    pub search: bool,
    pub outdated_notice: bool,
    /// Files (below a locale folder) that are only included, besides `includes/` folders.
    pub includes: Vec<String>,
    /// Alert keywords the site adds (`TODO`) and their CSS classes.
    pub alerts: BTreeMap<String, String>,
    pub published: crate::published::Published,
    /// Prefixes of uids another service resolves (`[xref] external`).
    pub xref_external: Vec<String>,
    /// Xref maps of other sites (`[xref] maps`), paths made absolute.
    pub xref_maps: Vec<crate::xref_map::MapSource>,
    /// "Edit this page" addresses (`[edit]`).
    pub edit: EditConfig,
    /// `[monikers]`: each product's versions, and their names.
    pub monikers: crate::monikers::Listed,
}

/// What `[monikers]` lists: each product's monikers in order, and the
/// names the entries written as tables give them.
fn listed(monikers: BTreeMap<String, Vec<MonikerEntry>>) -> crate::monikers::Listed {
    let mut listed = crate::monikers::Listed::default();
    for (product, entries) in monikers {
        let mut versions = Vec::new();
        for entry in entries {
            match entry {
                MonikerEntry::Moniker(moniker) => versions.push(moniker),
                MonikerEntry::Named { moniker, name } => {
                    listed.names.insert(moniker.to_ascii_lowercase(), name);
                    versions.push(moniker);
                }
            }
        }
        listed.products.push((product, versions));
    }
    listed
}

/// Command-line values that win over `polydoc.toml`.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub content: Option<PathBuf>,
    pub output: Option<PathBuf>,
    /// `--source`: the source locale.
    pub source: Option<String>,
    /// `--drafts`: build and check the pages marked `draft: true` too.
    pub drafts: bool,
    /// `--base-url`: the address the site is published at.
    pub base_url: Option<String>,
}

pub const CONFIG_FILE: &str = "polydoc.toml";

/// The site's name where neither `polydoc.toml` nor DocFX metadata gives one.
pub const DEFAULT_TITLE: &str = "Documentation";

impl Config {
    /// Reads `<root>/polydoc.toml` if there is one and applies `overrides`.
    pub fn load(root: &Path, overrides: &Overrides) -> Result<Config, Fatal> {
        let root = absolute(root)?;
        if !root.is_dir() {
            return Err(Fatal::new(format!(
                "site root {} is not a folder",
                root.display()
            )));
        }
        let path = root.join(CONFIG_FILE);
        let (file, edit) = match std::fs::read_to_string(&path) {
            Ok(text) => {
                let mut file = parse(&path, &text)?;
                let edit = edit_config(&path, &text, file.edit.take())?;
                (file, edit)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
            Err(e) => return Err(Fatal::new(format!("cannot read {}: {e}", path.display()))),
        };
        let content = match &overrides.content {
            Some(p) => absolute(p)?,
            None => root.join(file.content.as_deref().unwrap_or(Path::new("content"))),
        };
        let output = match &overrides.output {
            Some(p) => absolute(p)?,
            None => root.join(file.output.as_deref().unwrap_or(Path::new("public"))),
        };
        let xref = file.xref.unwrap_or_default();
        let locales = file.locales.map(|m| {
            m.into_iter()
                .map(|(tag, dir)| (tag, root.join(dir)))
                .collect()
        });
        Ok(Config {
            title: file.title,
            base_url: (overrides.base_url.clone())
                .or(file.base_url)
                .map(|u| if u.ends_with('/') { u } else { format!("{u}/") }),
            default_locale: file.default_locale,
            source: overrides.source.clone().or(file.source),
            drafts: overrides.drafts,
            rules: file.rules.unwrap_or_default(),
            status_page: file.status_page.unwrap_or(false),
            search: file.search.unwrap_or(true),
            outdated_notice: file.outdated_notice.unwrap_or(true),
            includes: file.includes.unwrap_or_default(),
            alerts: file.alerts.unwrap_or_default(),
            published: file.published.map_or_else(Default::default, |p| {
                crate::published::Published::new(p.path.as_deref(), p.url.as_deref())
            }),
            xref_maps: xref_maps(&root, xref.maps.unwrap_or_default())?,
            xref_external: xref.external.unwrap_or_default(),
            edit,
            monikers: listed(file.monikers.unwrap_or_default()),
            root,
            content,
            output,
            locales,
        })
    }

    /// `path` as the user should read it in a message: relative to the root when below it.
    pub fn display_path(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

/// `[xref] maps`, below the root. An address is refused: a build must not
/// depend on the network, and the map is downloaded once instead.
fn xref_maps(root: &Path, entries: Vec<MapEntry>) -> Result<Vec<MapSource>, Fatal> {
    entries
        .into_iter()
        .map(|entry| {
            let (path, base_url) = match entry {
                MapEntry::Path(path) => (path, None),
                MapEntry::WithBase { path, base_url } => (path, Some(base_url)),
            };
            if path.contains("://") {
                return Err(Fatal::new(format!(
                    "{CONFIG_FILE}: `[xref] maps` names the address `{path}`: polydoc reads xref maps from files; download it once (`curl -L -o xrefmap.yml {path}`) and name the file"
                )));
            }
            Ok(MapSource {
                path: root.join(path),
                base_url,
            })
        })
        .collect()
}

/// `[edit]`, each template checked where it is written.
fn edit_config(path: &Path, text: &str, edit: Option<EditFile>) -> Result<EditConfig, Fatal> {
    let Some(edit) = edit else {
        return Ok(EditConfig::default());
    };
    let checked = |key: &str, value: toml::Spanned<String>| {
        let span = value.span();
        let value = value.into_inner();
        match crate::edit_links::invalid(&value) {
            None => Ok(value),
            Some(why) => {
                let (line, col) = crate::diagnostic::LineIndex::new(text).position(span.start);
                Err(Fatal::new(format!(
                    "{}:{line}:{col}: invalid configuration: `{key}` {why}",
                    path.display()
                )))
            }
        }
    };
    Ok(EditConfig {
        url: edit.url.map(|u| checked("[edit] url", u)).transpose()?,
        locales: edit
            .locales
            .unwrap_or_default()
            .into_iter()
            .map(|(tag, u)| Ok((tag.clone(), checked(&format!("[edit] locales.{tag}"), u)?)))
            .collect::<Result<_, Fatal>>()?,
    })
}

fn parse(path: &Path, text: &str) -> Result<ConfigFile, Fatal> {
    toml::from_str(text).map_err(|e| {
        let (line, col) = e
            .span()
            .map(|s| crate::diagnostic::LineIndex::new(text).position(s.start))
            .unwrap_or((1, 1));
        let hint = unknown_key_hint(e.message())
            .map(|hint| match hint {
                KeyHint::Near(near) => format!("; did you mean `{near}`?"),
                KeyHint::TopLevel(key) => misplaced_key(key, "its table's `[...]` header"),
            })
            .unwrap_or_default();
        Fatal::new(format!(
            "{}:{line}:{col}: invalid configuration: {}{hint}",
            path.display(),
            e.message()
        ))
    })
}

/// The hint for top-level key `key` written below a table's header:
/// move it above `header`.
pub fn misplaced_key(key: &str, header: &str) -> String {
    format!(
        "; `{key}` is a top-level key: move it above {header} (in TOML, every key after a `[table]` header belongs to that table)"
    )
}

/// What an unknown key most likely is.
enum KeyHint<'a> {
    /// A typo of this known key.
    Near(&'a str),
    /// A top-level key written below a table's header.
    TopLevel(&'a str),
}

/// The known key closest to the unknown one that serde's message names
/// (``unknown field `titel`, expected one of `title`, ...``): a typo is
/// the usual cause, and the list of every key does not point at it. A
/// top-level key unknown to a table was written below its header.
fn unknown_key_hint(message: &str) -> Option<KeyHint<'_>> {
    let rest = message.strip_prefix("unknown field `")?;
    let (unknown, expected) = rest.split_once('`')?;
    // The expected keys are every other piece between backticks.
    // The top level knows every such key: unknown, it is in a table.
    if TOP_LEVEL_KEYS.contains(&unknown) {
        return Some(KeyHint::TopLevel(unknown));
    }
    let known = expected.split('`').skip(1).step_by(2);
    crate::check::closest(unknown, known).map(KeyHint::Near)
}

/// An absolute, lexically normalised path; the folder need not exist yet.
pub fn absolute(path: &Path) -> Result<PathBuf, Fatal> {
    let abs = std::path::absolute(path)
        .map_err(|e| Fatal::new(format!("cannot resolve path {}: {e}", path.display())))?;
    Ok(normalise(&abs))
}

/// `path` with `.` and `..` worked out, as the locale folders are, without
/// asking the file system (the path need not exist).
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's message for an unknown key lists every key it knows: the
    /// top-level keys that take a value must be exactly those less the
    /// tables, or a misplaced one would go without its hint.
    #[test]
    fn the_top_level_keys_are_serdes_less_the_tables() {
        let error = parse(Path::new("polydoc.toml"), "zzz = 1\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        let expected = error.split("expected one of").nth(1).unwrap_or_default();
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let tables = [
            "locales",
            "rules",
            "alerts",
            "published",
            "xref",
            "edit",
            "monikers",
        ];
        let values: Vec<&str> = known
            .iter()
            .copied()
            .filter(|k| !tables.contains(k))
            .collect();
        assert_eq!(known.len(), values.len() + tables.len(), "{error}");
        assert_eq!(values, TOP_LEVEL_KEYS, "{error}");
    }

    #[test]
    fn a_top_level_key_below_a_table_is_told_to_move() {
        let text = "[published]\npath = \"/docs\"\nsource = \"en-us\"\n";
        let error = parse(Path::new("polydoc.toml"), text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.starts_with("polydoc.toml:3:1: invalid configuration: unknown field `source`"),
            "{error}"
        );
        assert!(
            error.ends_with("; `source` is a top-level key: move it above its table's `[...]` header (in TOML, every key after a `[table]` header belongs to that table)"),
            "{error}"
        );
    }

    #[test]
    fn a_mistyped_key_gets_the_closest_known_one() {
        let path = Path::new("polydoc.toml");
        let error = parse(path, "title = \"x\"\nbase_ulr = \"https://x/\"\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.starts_with("polydoc.toml:2:1: invalid configuration: unknown field `base_ulr`"),
            "{error}"
        );
        assert!(error.ends_with("; did you mean `base_url`?"), "{error}");
        // Nothing near: no guess.
        let error = parse(path, "colour = 1\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.contains("unknown field `colour`") && !error.contains("did you mean"),
            "{error}"
        );
    }
}
