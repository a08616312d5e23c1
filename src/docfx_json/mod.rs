//! DocFX project files (`docfx.json`) inside a locale folder: which of
//! their files are articles, and the metadata they give them.
//!
//! A Microsoft documentation repository keeps one `docfx.json` per docset
//! (`WindowsServerDocs/docfx.json`), and much of each article's metadata
//! lives there rather than in its front matter: `ms.service`, `author`,
//! `ROBOTS` for an archive folder, the `no-loc` terms of every page,
//! `appliesto`, `titleSuffix`. DocFX gives a page, for each key, its front
//! matter's value, else the value of the last `build.fileMetadata` glob
//! that matches its path, else `build.globalMetadata`'s; polydoc does the
//! same, so templates and rules (`glued-no-loc-term` reads `no-loc`, the
//! build reads `ROBOTS`) see what the published page has. The metadata
//! files the project names join in as DocFX merges them ([`metadata`]).
//!
//! `read.rs` reads one file into a [`Project`] (`source.rs` keeps the
//! places of its values for findings, `ordered.rs` the order of its
//! globs); this module applies a locale's projects to its files.
//!
//! `build.content` says which files DocFX builds as articles: a Markdown
//! or landing page it leaves out (`exclude`, or no `files` glob naming
//! it) is only included into others, as `**/includes/**` is: never
//! written as a page (`site::Page::fragment`), and checked only where a
//! page includes it; one that nothing includes (a docset's `README.md`)
//! is left out of `check` and `drift` too (`site::Page::unread`), as DocFX
//! never reads it.
//!
//! `build.xrefService` (Microsoft's docsets name Learn's xref service)
//! resolves, on publishing, the uids no page declares: with one, and no
//! `[xref] external` in `polydoc.toml`, such uids are left to it, as
//! `external = ["*"]` would ([`crate::load::Loaded::xref_service`]).
//! `build.xref` names xref maps of other sites: files (below the project's
//! folder, as DocFX looks them up) are read after `polydoc.toml`'s maps
//! ([`crate::xref_map::XrefMaps::add_listed`]); an address counts as a
//! service, since polydoc never downloads.
//!
//! A file belongs to the nearest `docfx.json` in its folder or above,
//! within the locale folder; files outside every project keep their front
//! matter alone. Globs match as DocFX's do: case-insensitively, `*` within
//! a folder, `**` across folders, `{a,b}` alternatives; a content entry's
//! globs take the path below its `src`, file metadata globs the path below
//! the project's folder (azure-docs' `"src": "articles"` with
//! `"articles/aks/**/*.md"` metadata globs). A site DocFX built in the
//! project's output folder (`_site/`) is no input
//! ([`Projects::built_outputs`]). A `docfx.json` is never copied to the
//! site. One that cannot be read is `invalid-docfx-json` at its line and
//! column, and the pages are built without it.

mod layout;
mod metadata;
mod ordered;
mod read;
mod source;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobSet;
use serde_yaml::{Mapping, Value};

use crate::diagnostic::{Finding, Location};
use crate::xref_map::ListedMap;

pub use layout::Layout;
pub use metadata::{Named, Open};
pub use read::{read, strings};

/// One `docfx.json`.
#[derive(Debug)]
pub struct Project {
    /// Its folder below the locale folder (`/`-separated, with a trailing
    /// `/`; empty at the locale folder's root) and where it publishes its
    /// files, shared by its pages.
    layout: Arc<Layout>,
    /// `build.content`; empty when the file has none, and then every file
    /// below the project is an article.
    content: Vec<Content>,
    global: Mapping,
    /// `build.fileMetadata`: per key, its globs in file order and the value
    /// each gives.
    file: Vec<(Value, GlobSet, Vec<Value>)>,
    /// The uids no page declares are resolved when the site is published:
    /// `build.xrefService` names a service, or `build.xref` a map at an
    /// address.
    pub xref_service: bool,
    /// `build.xref`'s maps in files: the path as written (below the
    /// project's folder unless absolute) and where the file names it.
    xref_maps: Vec<(PathBuf, Location)>,
    /// `globalMetadata`'s [`APP_FILES`] that name a path: key, value, and
    /// where the file writes it.
    app_files: Vec<AppFile>,
    /// DocFX's own output folder (`build.output`, or the older
    /// `build.dest`, else `_site`) below the locale folder, `/`-separated
    /// with a trailing `/`; `None` when it lies outside the locale folder.
    output: Option<String>,
}

impl Project {
    /// `broken-link` for each of the project's [`APP_FILES`] that names no
    /// file of its locale; `exists` says whether a path below the locale
    /// folder is a file (`Some(true)`), is one in another letter case
    /// (`Some(false)`: a Linux web server would not find it), or neither.
    pub fn missing_app_files(&self, mut exists: impl FnMut(&str) -> Option<bool>) -> Vec<Finding> {
        self.app_files
            .iter()
            .filter_map(|(key, value, at)| {
                let below = value.trim_start_matches("~/").trim_start_matches("./");
                let path = crate::config::normalise(Path::new(&format!("{}{below}", self.layout.dir)));
                let path = path.to_string_lossy().replace('\\', "/");
                let (what, help) = match exists(&path) {
                    Some(true) => return None,
                    Some(false) => (
                        "which matches a file of this locale only when letter case is ignored",
                        "spell the path as the file is named: a web server on Linux tells cases apart",
                    ),
                    None => (
                        "which names no file of this locale",
                        "fix the path (from the docfx.json's folder), or add the file",
                    ),
                };
                Some(
                    Finding::error(
                        "broken-link",
                        at.clone(),
                        format!("`{key}` names `{value}`, {what}: every page shows a broken image"),
                    )
                    .with_help(help),
                )
            })
            .collect()
    }

    /// The xref maps `build.xref` names in files, for the project in the
    /// locale folder `locale_dir`, in the file's order.
    pub fn xref_maps(&self, locale_dir: &Path) -> Vec<ListedMap> {
        let dir = locale_dir.join(&*self.layout.dir);
        self.xref_maps
            .iter()
            .map(|(path, at)| ListedMap {
                path: crate::config::normalise(&dir.join(path)),
                at: at.clone(),
            })
            .collect()
    }
}

/// DocFX's template keys that name a file of the site, from the project's
/// folder (`~/` and `./` read as that folder).
const APP_FILES: [&str; 2] = ["_appLogoPath", "_appFaviconPath"];

/// One of [`APP_FILES`] that names a path: key, value, and where its
/// source writes it.
type AppFile = (&'static str, String, Location);

/// One entry of `build.content`.
#[derive(Debug)]
struct Content {
    /// `src` below the project's folder, with a trailing `/` (or empty).
    src: String,
    /// `(dest, src)` as [`Layout`] reads them; `None` when either leaves
    /// the project.
    route: Option<(String, String)>,
    files: GlobSet,
    exclude: GlobSet,
}

/// What a locale's projects say of one file.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// Metadata from `docfx.json`, under the page's own front matter.
    pub metadata: Option<Arc<Mapping>>,
    /// The project's content globs leave the file out.
    pub excluded: bool,
    /// The project's folder and where it publishes its files. `None`
    /// outside every project.
    pub project: Option<Arc<Layout>>,
}

/// The projects of one locale, nearest first for any file.
#[derive(Debug)]
pub struct Projects {
    projects: Vec<Project>,
    /// Pages with the same metadata share one mapping: a docset's
    /// thousands of articles fall into a few dozen folders' worth.
    interned: HashMap<Choice, Arc<Mapping>>,
}

/// A project (its index) and, per file metadata key, the glob that gave
/// a page its value: (key, glob).
type Choice = (usize, Vec<(usize, usize)>);

impl Projects {
    /// A locale's projects, as its folder tree lists them.
    pub fn new(mut projects: Vec<Project>) -> Projects {
        // Deeper folders first: the nearest project is the first to hold
        // a file.
        projects.sort_by_key(|p| std::cmp::Reverse(p.layout.dir.matches('/').count()));
        Projects {
            projects,
            interned: HashMap::new(),
        }
    }

    /// The projects' DocFX output folders (below the locale folder
    /// `locale_dir`) that hold a site DocFX built: its `manifest.json` or
    /// `xrefmap.yml`. Such a site (`_site/`, thousands of HTML files) is
    /// no input, and copying it would publish a stale second copy; a
    /// folder without them is left alone, as Microsoft's docsets write
    /// `build.dest` for the published docset's name (`windows-server`),
    /// which might name a folder of articles.
    pub fn built_outputs(&self, locale_dir: &Path) -> Vec<String> {
        let mut dirs: Vec<String> = self
            .projects
            .iter()
            .filter_map(|p| p.output.clone())
            .filter(|dir| {
                let dir = locale_dir.join(dir);
                dir.join("manifest.json").is_file() || dir.join("xrefmap.yml").is_file()
            })
            .collect();
        dirs.sort();
        dirs.dedup();
        dirs
    }

    /// What the nearest project says of the file at `rel_path` (below the
    /// locale folder, `/`-separated).
    pub fn apply(&mut self, rel_path: &str) -> Applied {
        let Some((index, project, in_dir)) = self
            .projects
            .iter()
            .enumerate()
            .find_map(|(i, p)| Some((i, p, strip_dir(rel_path, &p.layout.dir)?)))
        else {
            return Applied::default();
        };
        let excluded = project.excluded(in_dir);
        let chosen = project.chosen(in_dir);
        let metadata = if chosen.is_empty() && project.global.is_empty() {
            None
        } else {
            let entry = self.interned.entry((index, chosen));
            Some(Arc::clone(entry.or_insert_with_key(|(_, chosen)| {
                Arc::new(project.metadata(chosen))
            })))
        };
        Applied {
            metadata,
            excluded,
            project: Some(Arc::clone(&project.layout)),
        }
    }
}

/// Whether `path` lies below one of `dirs` (as [`Projects::built_outputs`]
/// gives them).
pub fn below_any(path: &str, dirs: &[String]) -> bool {
    dirs.iter().any(|dir| strip_dir(path, dir).is_some())
}

/// `path` below `dir` (which ends in `/` or is empty), case-insensitively
/// as the sources are written on Windows.
fn strip_dir<'p>(path: &'p str, dir: &str) -> Option<&'p str> {
    let head = path.get(..dir.len())?;
    head.eq_ignore_ascii_case(dir).then(|| &path[dir.len()..])
}

impl Project {
    /// Whether no content entry takes the file at `in_dir` (below the
    /// project's folder): none whose `src` holds it matches it with its
    /// `files` and not with its `exclude`.
    fn excluded(&self, in_dir: &str) -> bool {
        !self.content.is_empty()
            && !self.content.iter().any(|entry| {
                strip_dir(in_dir, &entry.src)
                    .is_some_and(|path| entry.files.is_match(path) && !entry.exclude.is_match(path))
            })
    }

    /// For each file metadata key, the index of the last glob matching
    /// `path` (below the project's folder): (key, value).
    fn chosen(&self, path: &str) -> Vec<(usize, usize)> {
        self.file
            .iter()
            .enumerate()
            .filter_map(|(key, (_, globs, _))| {
                globs
                    .matches(path)
                    .into_iter()
                    .max()
                    .map(|value| (key, value))
            })
            .collect()
    }

    fn metadata(&self, chosen: &[(usize, usize)]) -> Mapping {
        let mut mapping = self.global.clone();
        for &(key, value) in chosen {
            let (name, _, values) = &self.file[key];
            mapping.insert(name.clone(), values[value].clone());
        }
        mapping
    }
}

#[cfg(test)]
mod tests {
    use super::read::output_dir;
    use super::*;

    fn projects(files: &[(&str, &str)]) -> Projects {
        Projects::new(
            files
                .iter()
                .map(|(rel, text)| alone(rel, text).expect("reads"))
                .collect(),
        )
    }

    /// Reads a `docfx.json` whose metadata files are `files`: (path as
    /// written, text).
    fn with_files(
        text: &str,
        files: &[(&str, &str)],
    ) -> Result<(Project, Vec<Finding>), Box<Finding>> {
        let mut open = |written: &str| {
            let (_, text) = files
                .iter()
                .find(|(path, _)| *path == written)
                .ok_or_else(|| "No such file or directory (os error 2)".to_owned())?;
            Ok(Named {
                text: (*text).to_owned(),
                display: PathBuf::from(written),
            })
        };
        read("docfx.json", text, Path::new("docfx.json"), &mut open)
    }

    /// Reads a `docfx.json` that names no file.
    fn alone(rel: &str, text: &str) -> Result<Project, Box<Finding>> {
        let mut open = |_: &str| Err("not expected".to_owned());
        read(rel, text, Path::new(rel), &mut open).map(|(project, _)| project)
    }

    fn value<'a>(applied: &'a Applied, key: &str) -> Option<&'a str> {
        applied.metadata.as_ref()?.get(key)?.as_str()
    }

    #[test]
    fn the_last_matching_glob_wins_over_global_metadata() {
        let mut p = projects(&[(
            "docs/docfx.json",
            r#"{"build": {
                "globalMetadata": {"ms.topic": "article", "author": "ana"},
                "fileMetadata": {"ms.topic": {
                    "csharp/**/*.md": "conceptual",
                    "csharp/reference/*.md": "language-reference"
                }}}}"#,
        )]);
        let deep = p.apply("docs/CSharp/Reference/keywords.md");
        assert_eq!(value(&deep, "ms.topic"), Some("language-reference"));
        assert_eq!(value(&deep, "author"), Some("ana"));
        let shallow = p.apply("docs/csharp/tour.md");
        assert_eq!(value(&shallow, "ms.topic"), Some("conceptual"));
        // `*` stays within a folder.
        let nested = p.apply("docs/csharp/reference/more/x.md");
        assert_eq!(value(&nested, "ms.topic"), Some("conceptual"));
        assert_eq!(value(&p.apply("docs/vb/x.md"), "ms.topic"), Some("article"));
        // Outside the project: nothing.
        assert!(p.apply("other/x.md").metadata.is_none());
        // Two pages of one folder share one mapping.
        let again = p.apply("docs/csharp/reference/other.md");
        assert!(Arc::ptr_eq(
            deep.metadata.as_ref().expect("metadata"),
            again.metadata.as_ref().expect("metadata")
        ));
    }

    #[test]
    fn the_last_glob_written_wins_whatever_its_place_in_sorted_order() {
        // serde_json's own map sorts keys: `**/includes/**` would come
        // first, and `articles/**` would win for an include.
        let mut p = projects(&[(
            "docfx.json",
            r#"{"build": {"fileMetadata": {
                "ms.topic": {"articles/**": "conceptual", "**/includes/**": "include"},
                "author": {"z/**": "zed", "**": "any"}}}}"#,
        )]);
        let include = p.apply("articles/includes/a.md");
        assert_eq!(value(&include, "ms.topic"), Some("include"));
        assert_eq!(
            value(&p.apply("articles/a.md"), "ms.topic"),
            Some("conceptual")
        );
        assert_eq!(value(&p.apply("z/a.md"), "author"), Some("any"));
    }

    #[test]
    fn content_globs_exclude_files_and_the_nearest_project_decides() {
        let mut p = projects(&[
            (
                "docfx.json",
                r#"{ // DocFX reads comments
                  "build": {"content": [
                    {"files": ["**/*.md", "**/*.yml", "!drafts/**"],
                     "exclude": ["**/includes/**", "README.md"]},
                  ]}}"#,
            ),
            (
                "api/docfx.json",
                r#"{"build": {"content": [{"files": "**/*.md", "src": "articles"}]}}"#,
            ),
        ]);
        assert!(!p.apply("get-started/a.md").excluded);
        assert!(p.apply("README.md").excluded);
        assert!(!p.apply("sub/README.md").excluded);
        assert!(p.apply("x/Includes/snippet.md").excluded);
        assert!(p.apply("drafts/new.md").excluded);
        assert!(!p.apply("api/articles/deep/b.md").excluded);
        assert!(p.apply("api/outside.md").excluded);
    }

    #[test]
    fn metadata_globs_start_at_the_project_content_globs_at_their_src() {
        // As azure-docs writes them.
        let mut p = projects(&[(
            "docfx.json",
            r#"{"build": {
                "content": [
                    {"src": "articles", "dest": ".", "files": ["**/*.md"], "exclude": ["iot-edge/**", "**/includes/**"]},
                    {"src": "articles/iot-edge", "files": ["**/*.md"]},
                    {"src": null, "files": ["bread/**/*.md"]}
                ],
                "fileMetadata": {"author": {"articles/aks/**/*.md": "zr", "articles/iot-edge/*.md": "pa"}}}}"#,
        )]);
        let aks = p.apply("articles/aks/intro.md");
        assert!(!aks.excluded);
        assert_eq!(value(&aks, "author"), Some("zr"));
        let edge = p.apply("articles/iot-edge/about.md");
        assert!(
            !edge.excluded,
            "the second entry takes what the first excludes"
        );
        assert_eq!(value(&edge, "author"), Some("pa"));
        assert!(p.apply("articles/aks/includes/note.md").excluded);
        assert!(!p.apply("bread/toc/a.md").excluded);
        assert!(p.apply("README.md").excluded);
    }

    #[test]
    fn metadata_values_keep_their_types() {
        let mut p = projects(&[(
            "docfx.json",
            r#"{"build": {"fileMetadata": {
                "no-loc": {"**/**.md": ["SEH", "try"]},
                "ROBOTS": {"archive/**": "NOINDEX"},
                "feedback": {"**": {"system": "GitHub"}}
            }}}"#,
        )]);
        let applied = p.apply("archive/old.md");
        let metadata = applied.metadata.expect("metadata");
        assert_eq!(
            metadata.get("ROBOTS").and_then(Value::as_str),
            Some("NOINDEX")
        );
        let no_loc = metadata.get("no-loc").and_then(Value::as_sequence);
        assert_eq!(no_loc.map(Vec::len), Some(2));
        assert!(metadata.get("feedback").is_some_and(Value::is_mapping));
        assert!(
            p.apply("new.md")
                .metadata
                .is_some_and(|m| m.get("ROBOTS").is_none())
        );
    }

    #[test]
    fn metadata_files_apply_over_the_docfx_json_in_docfx_order() {
        let docfx = r#"{"build": {
            "globalMetadata": {"author": "ana", "ms.topic": "article", "_appLogoPath": "logo.svg"},
            "globalMetadataFiles": ["first.json", "second.json"],
            "fileMetadata": {"ms.service": {"**": "base", "sql/**": "sql"}},
            "fileMetadataFiles": ["meta/file1.json", "meta/file2.json"]}}"#;
        let files = [
            (
                "first.json",
                r#"{"author": "bo", "_appLogoPath": "media/logo.png"}"#,
            ),
            (
                "second.json",
                "{\n  \"author\": \"cy\",\n  \"ms.date\": \"01/02/2026\"\n}",
            ),
            (
                "meta/file1.json",
                r#"{"ms.service": {"sql/tools/**": "tools"}, "ROBOTS": {"old/**": "NOINDEX"}}"#,
            ),
            ("meta/file2.json", r#"{"ms.service": {"**/*.md": "late"}}"#),
        ];
        let (project, findings) = with_files(docfx, &files).expect("reads");
        assert!(findings.is_empty(), "{findings:?}");
        let global = |key: &str| project.global.get(key).and_then(Value::as_str);
        // Files over the docfx.json; of two files, the first listed.
        assert_eq!(global("author"), Some("bo"));
        assert_eq!(global("ms.date"), Some("01/02/2026"));
        assert_eq!(global("ms.topic"), Some("article"));
        // The logo is the file's, at its place there.
        let [(key, path, at)] = &project.app_files[..] else {
            panic!("{:?}", project.app_files)
        };
        assert_eq!((*key, path.as_str()), ("_appLogoPath", "media/logo.png"));
        assert_eq!(at.file, Path::new("first.json"));
        assert_eq!((at.line, at.column), (1, 35));
        let mut p = Projects::new(vec![project]);
        // The globs of the files come after the docfx.json's, in listed
        // order: the last that matches wins.
        assert_eq!(
            value(&p.apply("sql/tools/a.md"), "ms.service"),
            Some("late")
        );
        assert_eq!(
            value(&p.apply("sql/tools/a.yml"), "ms.service"),
            Some("tools")
        );
        assert_eq!(value(&p.apply("sql/a.yml"), "ms.service"), Some("sql"));
        assert_eq!(value(&p.apply("old/a.yml"), "ROBOTS"), Some("NOINDEX"));
    }

    #[test]
    fn a_metadata_file_that_cannot_be_read_is_left_out_with_a_finding() {
        let docfx = "{\"build\": {\"globalMetadata\": {\"author\": \"ana\"},\n  \"globalMetadataFiles\": [\"gone.json\", \"bad.json\", \"list.json\"],\n  \"fileMetadataFiles\": [\"globs.json\", \"good.json\"]}}";
        let files = [
            ("bad.json", "{\"author\": \"bo\",\n \"x\" 1}"),
            ("list.json", "[\"author\"]"),
            (
                "globs.json",
                "{\"ms.topic\": {\"a/**\": \"a\", \"x/[z.md\": \"z\"}}",
            ),
            ("good.json", r#"{"ms.topic": {"**": "any"}}"#),
        ];
        let (project, findings) = with_files(docfx, &files).expect("the project still reads");
        let found: Vec<_> = findings
            .iter()
            .map(|f| {
                let at = &f.location;
                (
                    f.rule,
                    at.file.to_string_lossy().into_owned(),
                    at.line,
                    at.column,
                )
            })
            .collect();
        // The files apply in reverse of their listed order.
        assert_eq!(
            found,
            [
                ("invalid-docfx-json", "list.json".to_owned(), 1, 1),
                ("invalid-docfx-json", "bad.json".to_owned(), 2, 6),
                ("invalid-docfx-json", "docfx.json".to_owned(), 2, 28),
                ("invalid-docfx-json", "globs.json".to_owned(), 1, 29),
            ]
        );
        assert!(
            findings[0].message.contains("no object"),
            "{}",
            findings[0].message
        );
        assert!(
            findings[2].message.starts_with(
                "`globalMetadataFiles` names `gone.json`, which cannot be read: No such file"
            ),
            "{}",
            findings[2].message
        );
        assert!(
            findings[3].message.contains("`x/[z.md`"),
            "{}",
            findings[3].message
        );
        // What could be read applies; nothing of a file with a bad glob.
        assert_eq!(
            project.global.get("author").and_then(Value::as_str),
            Some("ana")
        );
        let mut p = Projects::new(vec![project]);
        assert_eq!(value(&p.apply("a/b.md"), "ms.topic"), Some("any"));
    }

    #[test]
    fn bad_files_are_findings_at_their_place() {
        let err = alone(
            "docfx.json",
            "{\n  \"build\": {\n    \"content\": [1 2]\n  }\n}",
        )
        .expect_err("invalid JSON");
        assert_eq!(err.rule, "invalid-docfx-json");
        assert_eq!((err.location.line, err.location.column), (3, 19));
        let text = "{\"build\": {\n \"fileMetadata\": {\"a\": {\"x/[z.md\": 1}}}}";
        let err = alone("docfx.json", text).expect_err("invalid glob");
        assert_eq!((err.location.line, err.location.column), (2, 26));
        assert!(err.message.contains("`x/[z.md`"), "{}", err.message);
        // Anything else DocFX accepts is no error: unknown keys, odd types.
        assert!(
            alone(
                "docfx.json",
                "{\"build\": {\"content\": 5, \"fileMetadata\": {\"a\": 1}}}",
            )
            .is_ok()
        );
        assert!(alone("docfx.json", "[]").is_ok_and(|p| !p.xref_service));
        let service = r#"{"build": {"xrefService": ["https://learn.microsoft.com/api/xrefs/xref/query?uid={uid}"]}}"#;
        assert!(alone("docfx.json", service).is_ok_and(|p| p.xref_service));
        let mut odd = projects(&[(
            "docfx.json",
            "{\"build\": {\"content\": [{\"exclude\": \"a.md\"}]}}",
        )]);
        assert!(
            !odd.apply("a.md").excluded,
            "an entry without files leaves nothing out"
        );
    }

    #[test]
    fn docfx_output_folders_are_known_by_the_site_docfx_built_there() {
        let locale = tempfile::tempdir().unwrap();
        for built in [
            "_site/manifest.json",
            "built/site/xrefmap.yml",
            "self/manifest.json",
        ] {
            let path = locale.path().join(built);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "{}").unwrap();
        }
        std::fs::create_dir_all(locale.path().join("old/out")).unwrap();
        let set = projects(&[
            ("docfx.json", "{\"build\": {}}"),
            (
                "docs/docfx.json",
                "{\"build\": {\"output\": \"../built\\\\site\"}}",
            ),
            ("old/docfx.json", "{\"build\": {\"dest\": \"out\"}}"),
            ("bad/docfx.json", "{\"build\": {\"output\": \"../..\"}}"),
            ("self/docfx.json", "{\"build\": {\"output\": \".\"}}"),
        ]);
        let built = set.built_outputs(locale.path());
        assert_eq!(built, ["_site/", "built/site/"]);
        assert!(below_any("_SITE/a/b.html", &built));
        assert!(
            !below_any("old/out/x.html", &built),
            "no site was built there"
        );
        assert!(!below_any("_site.md", &built));
        assert_eq!(output_dir("", "../x"), None);
        assert_eq!(output_dir("a/", "/abs"), None);
        assert_eq!(output_dir("a/", "C:\\site"), None);
        assert_eq!(output_dir("self/", "."), None);
        assert_eq!(output_dir("a/b/", "../../c").as_deref(), Some("c/"));
    }
}
