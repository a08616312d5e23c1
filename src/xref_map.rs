//! DocFX xref maps: the uids another site publishes, and where they lead.
//!
//! A DocFX build writes `xrefmap.yml` (`references:` of `uid`, `name`,
//! `href`, `fullName`, `nameWithType`, ...); another project lists it
//! under `xref` in its `docfx.json` so that `<xref:Contoso.Widget>` links
//! to that site. `[xref] maps` in `polydoc.toml` does the same: a uid no
//! page of the site declares is looked up in the maps, in the order
//! listed, the first map naming it winning, as in DocFX. The map's hrefs
//! are made absolute from its `baseUrl` (or the `base_url` given with it in
//! `polydoc.toml`, which wins: DocFX's own map of a site has relative hrefs
//! and no base). A uid whose href stays relative is still known (no
//! `uid-not-found`) but shows as its name without a link, and the map gets
//! one warning saying how to give it a base.
//!
//! Maps are read from files, YAML or JSON (`.json`), whole: the .NET API's
//! map (300,000 uids, 283 MB of YAML) costs seconds of serde_yaml; JSON
//! parses several times faster. Addresses are refused with the command to
//! download them, since a build must not depend on the network. DocFX's
//! `redirections` (a uid prefix sent to another map) are not read.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::Fatal;
use crate::diagnostic::{Finding, LineIndex, Location};

/// One map as `polydoc.toml` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapSource {
    /// The file, absolute.
    pub path: PathBuf,
    /// What relative hrefs are resolved against, over the map's `baseUrl`.
    pub base_url: Option<String>,
}

/// What a page shows and links for a uid of a map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Absolute; `None` when the map gave a relative href and no base.
    pub href: Option<String>,
    pub name: Option<String>,
    pub full_name: Option<String>,
    pub name_with_type: Option<String>,
}

impl Spec {
    /// The text a link to it shows, by DocFX's `displayProperty`
    /// (`name` by default), falling back to the name, then the uid.
    pub fn shown<'a>(&'a self, uid: &'a str, property: Option<&str>) -> &'a str {
        let chosen = match property {
            Some(p) if p.eq_ignore_ascii_case("fullName") => self.full_name.as_deref(),
            Some(p) if p.eq_ignore_ascii_case("nameWithType") => self.name_with_type.as_deref(),
            _ => None,
        };
        chosen.or(self.name.as_deref()).unwrap_or(uid)
    }
}

/// Every uid of the site's maps.
#[derive(Debug, Default)]
pub struct XrefMaps {
    specs: FxHashMap<String, Spec>,
    /// The files read, canonical: a map both `polydoc.toml` and a
    /// `docfx.json` name, or every locale's `docfx.json`, is read once.
    read_files: Vec<PathBuf>,
}

/// A map a `docfx.json` lists (`build.xref`), and where it lists it.
#[derive(Debug, Clone)]
pub struct ListedMap {
    /// The file, as the project's folder resolves it.
    pub path: PathBuf,
    /// The entry in the `docfx.json`.
    pub at: Location,
}

/// Why a map was not read.
enum Unread {
    /// The file system's error.
    Io(String),
    /// The text is no map: where, and the parser's message.
    Invalid(usize, usize, String),
    /// Its base URL, and why it is no absolute address.
    BaseUrl(String, String),
    /// DocFX's zipped form (`xrefmap.zip`, an `XRefArchive`).
    Zipped,
}

impl Unread {
    /// What went wrong with the map `shown`, with its place in the map.
    fn describe(&self, shown: &Path) -> String {
        let shown = shown.display();
        match self {
            Unread::Io(e) => format!("cannot read the xref map {shown}: {e}"),
            Unread::Invalid(line, column, message) => {
                format!("{shown}:{line}:{column}: invalid xref map: {message}")
            }
            Unread::BaseUrl(base, e) => {
                format!("{shown}: the xref map's base URL `{base}` is no absolute address ({e})")
            }
            Unread::Zipped => format!(
                "{shown}: a zipped xref map is not read; unzip it and name the `.yml` it holds"
            ),
        }
    }
}

impl XrefMaps {
    /// Reads the maps `polydoc.toml` names, in order. One that cannot be
    /// read or parsed stops the run (it is the user's configuration);
    /// relative hrefs without a base give a warning per map. `display`
    /// shows a path as the user reads it.
    pub fn load(
        sources: &[MapSource],
        display: impl Fn(&Path) -> PathBuf,
    ) -> Result<(XrefMaps, Vec<Finding>), Fatal> {
        let mut maps = XrefMaps::default();
        let mut findings = Vec::new();
        for source in sources {
            let shown = display(&source.path);
            maps.first_time(&source.path);
            maps.read(source, &shown, &mut findings).map_err(|unread| {
                Fatal::new(format!(
                    "{} (`[xref] maps` in polydoc.toml)",
                    unread.describe(&shown)
                ))
            })?;
        }
        Ok((maps, findings))
    }

    /// Adds the maps the locales' `docfx.json` files name, after those of
    /// `polydoc.toml`, each file once. One that cannot be read is a
    /// warning at its entry (DocFX's own build may not have written it
    /// yet in this copy), and the uids no page declares are then left
    /// unchecked, the map that would know them being unread: `true`.
    pub fn add_listed(
        &mut self,
        listed: &[ListedMap],
        display: impl Fn(&Path) -> PathBuf,
        findings: &mut Vec<Finding>,
    ) -> bool {
        let mut any_unread = false;
        for map in listed {
            if !self.first_time(&map.path) {
                continue;
            }
            let shown = display(&map.path);
            let source = MapSource {
                path: map.path.clone(),
                base_url: None,
            };
            if let Err(unread) = self.read(&source, &shown, findings) {
                any_unread = true;
                let message = format!(
                    "an xref map this docfx.json lists is not read ({})",
                    unread.describe(&shown)
                );
                findings.push(
                    Finding::warning(
                        "invalid-xref-map",
                        map.at.clone(),
                        format!("{message}; uids no page declares are not checked"),
                    )
                    .with_help(
                        "build the site that writes the map (DocFX writes `xrefmap.yml` into its output folder), fix the path, or remove the entry from `build.xref`",
                    ),
                );
            }
        }
        any_unread
    }

    /// Records the map at `path` as read; `false` when it already was,
    /// under this name or another (its canonical path).
    fn first_time(&mut self, path: &Path) -> bool {
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if self.read_files.contains(&key) {
            return false;
        }
        self.read_files.push(key);
        true
    }

    /// Reads one map into `self`: a uid already known keeps its first
    /// map's spec.
    fn read(
        &mut self,
        source: &MapSource,
        shown: &Path,
        findings: &mut Vec<Finding>,
    ) -> Result<(), Unread> {
        let zipped = source
            .path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if zipped {
            return Err(Unread::Zipped);
        }
        let text = std::fs::read_to_string(&source.path).map_err(|e| Unread::Io(e.to_string()))?;
        let file = parse(&source.path, &text)
            .map_err(|(line, column, message)| Unread::Invalid(line, column, message))?;
        let base = source.base_url.as_deref().or(file.base_url.as_deref());
        let base = base
            .map(|b| url::Url::parse(b).map_err(|e| Unread::BaseUrl(b.to_owned(), e.to_string())))
            .transpose()?;
        let mut relative: Option<(usize, String)> = None;
        for reference in file.references {
            let Some(uid) = reference.uid.map(String::from).filter(|u| !u.is_empty()) else {
                continue;
            };
            if self.specs.contains_key(&uid) {
                continue;
            }
            let href = reference.href.map(String::from);
            let href = href.filter(|h| !h.trim().is_empty());
            let href = match (href, &base) {
                (Some(h), _) if url::Url::parse(&h).is_ok() => Some(h),
                (Some(h), Some(base)) => base.join(&h).ok().map(String::from),
                (Some(h), None) => {
                    let entry = relative.get_or_insert((0, h));
                    entry.0 += 1;
                    None
                }
                (None, _) => None,
            };
            let spec = Spec {
                href,
                name: reference.name.map(String::from),
                full_name: reference.full_name.map(String::from),
                name_with_type: reference.name_with_type.map(String::from),
            };
            self.specs.insert(uid, spec);
        }
        if let Some((count, example)) = relative {
            findings.push(relative_hrefs(shown, &text, count, &example));
        }
        Ok(())
    }

    pub fn get(&self, uid: &str) -> Option<&Spec> {
        self.specs.get(uid)
    }

    pub fn is_empty(&self) -> bool {
        self.specs.is_empty()
    }

    /// The uids beside `uid` (the same parent: `System.String.Fromat`
    /// has `System.String.Format`), for "did you mean"; a map may hold
    /// hundreds of thousands, of which only the siblings are worth
    /// measuring against a typo.
    pub fn siblings<'a>(&'a self, uid: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let name_end = uid.find('(').unwrap_or(uid.len());
        let parent = uid[..name_end].rfind('.').map_or("", |dot| &uid[..=dot]);
        self.specs
            .keys()
            .map(String::as_str)
            .filter(move |k| !parent.is_empty() && k.starts_with(parent))
    }
}

/// The warning for a map whose `count` uids have relative hrefs and no
/// base, at the first (`example`).
fn relative_hrefs(shown: &Path, text: &str, count: usize, example: &str) -> Finding {
    // At the first such href, found again in the text.
    let location = match text.find(example) {
        Some(at) => {
            let (line, column) = LineIndex::new(text).position(at);
            Location::at(shown, line, column)
        }
        None => Location::file(shown),
    };
    Finding::warning(
            "xref-map-relative-href",
            location,
            format!(
                "{} of this xref map {} a relative href (`{example}`) and the map names no `baseUrl`: links to {} show {} without a link",
                if count == 1 { "1 uid".to_owned() } else { format!("{count} uids") },
                if count == 1 { "has" } else { "have" },
                if count == 1 { "it" } else { "them" },
                if count == 1 { "its name" } else { "their names" },
            ),
        )
        .with_help(format!(
            "give the map the address of the site it describes: in polydoc.toml, `maps = [{{ path = \"{}\", base_url = \"https://...\" }}]` under `[xref]`, or `baseUrl: https://...` in the map",
            shown.display()
        ))
}

/// A map file as DocFX writes it; other keys are ignored.
#[derive(Debug, Default, Deserialize)]
struct MapFile {
    #[serde(rename = "baseUrl")]
    base_url: Option<String>,
    #[serde(default)]
    references: Vec<Reference>,
}

#[derive(Debug, Deserialize)]
struct Reference {
    uid: Option<Scalar>,
    name: Option<Scalar>,
    href: Option<Scalar>,
    #[serde(rename = "fullName")]
    full_name: Option<Scalar>,
    #[serde(rename = "nameWithType")]
    name_with_type: Option<Scalar>,
}

/// A value YAML may read as a number (`uid: 2019`, `name: 1.0`): taken as
/// written rather than failing the whole map over one entry.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
}

impl From<Scalar> for String {
    fn from(value: Scalar) -> String {
        match value {
            Scalar::Text(s) => s,
            Scalar::Integer(n) => n.to_string(),
            Scalar::Float(x) => x.to_string(),
            Scalar::Bool(b) => b.to_string(),
        }
    }
}

/// The map in `text`, JSON for a `.json` file and YAML otherwise; an error
/// as (line, column, message), 1-based.
fn parse(path: &Path, text: &str) -> Result<MapFile, (usize, usize, String)> {
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if json {
        return serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            (e.line().max(1), e.column().max(1), message.to_owned())
        });
    }
    if text.trim().is_empty() {
        return Ok(MapFile::default());
    }
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = e.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        (line, column, message.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str) -> Spec {
        Spec {
            href: None,
            name: Some(name.to_owned()),
            full_name: Some(format!("System.{name}")),
            name_with_type: None,
        }
    }

    #[test]
    fn a_display_property_picks_the_field_and_falls_back_to_the_name() {
        let s = spec("String");
        assert_eq!(s.shown("System.String", None), "String");
        assert_eq!(s.shown("System.String", Some("fullName")), "System.String");
        assert_eq!(s.shown("System.String", Some("nameWithType")), "String");
        let bare = Spec { name: None, ..s };
        assert_eq!(bare.shown("System.String", None), "System.String");
    }

    #[test]
    fn yaml_and_json_maps_parse_and_errors_have_positions() {
        let yaml = "### YamlMime:XRefMap\nsorted: true\nreferences:\n- uid: A.B\n  name: B\n  href: a.b.html\n  commentId: T:A.B\n";
        let mut map = parse(Path::new("x.yml"), yaml).unwrap_or_default();
        assert_eq!(map.references.len(), 1);
        let href = map.references.pop().and_then(|r| r.href).map(String::from);
        assert_eq!(href.as_deref(), Some("a.b.html"));
        // A uid YAML or JSON reads as a number is taken as written.
        let json = r#"{"baseUrl":"https://x/","references":[{"uid":2019,"isSpec":true}]}"#;
        let mut map = parse(Path::new("x.JSON"), json).unwrap_or_default();
        assert_eq!(map.base_url.as_deref(), Some("https://x/"));
        let uid = map.references.pop().and_then(|r| r.uid).map(String::from);
        assert_eq!(uid.as_deref(), Some("2019"));
        let broken = parse(Path::new("x.yml"), "references:\n- uid: [a\n").err();
        assert!(broken.is_some_and(|(line, _, _)| line >= 2));
        let broken = parse(Path::new("x.json"), "{\n \"references\": 3}").err();
        assert_eq!(broken.map(|(l, c, _)| (l, c)), Some((2, 16)));
    }

    #[test]
    fn a_zipped_map_is_named_as_such() {
        let mut maps = XrefMaps::default();
        let source = MapSource {
            path: PathBuf::from("maps/xrefmap.ZIP"),
            base_url: None,
        };
        let unread = maps.read(&source, &source.path, &mut Vec::new()).err();
        assert_eq!(
            unread.map(|u| u.describe(Path::new("maps/xrefmap.ZIP"))),
            Some("maps/xrefmap.ZIP: a zipped xref map is not read; unzip it and name the `.yml` it holds".to_owned())
        );
    }

    #[test]
    fn siblings_share_the_parent() {
        let mut maps = XrefMaps::default();
        for uid in ["System.String.Format", "System.String.Join", "System.Int32"] {
            maps.specs.insert(uid.to_owned(), spec("x"));
        }
        let mut near: Vec<&str> = maps.siblings("System.String.Fromat").collect();
        near.sort();
        assert_eq!(near, ["System.String.Format", "System.String.Join"]);
        assert_eq!(maps.siblings("Nothing").count(), 0);
    }
}
