//! A project's metadata from its `docfx.json` and the files it names,
//! merged as DocFX's build merges them (`DocumentBuilderWrapper`'s
//! `GetGlobalMetadata` and `GetFileMetadata`, after `BuildCommand`
//! reverses the list of global metadata files):
//!
//! - `globalMetadata`, then each file of `globalMetadataFiles`, a later
//!   source's key replacing an earlier one's. The files apply in the
//!   reverse of their listed order, so of two files that set one key the
//!   first listed wins (DocFX's documentation calls this undetermined;
//!   its code does this).
//! - per key, the globs of `fileMetadata`, then those of each file of
//!   `fileMetadataFiles` in listed order; the last that matches a page
//!   gives it its value.
//!
//! The files are paths from the `docfx.json`'s folder. One that cannot be
//! read is `invalid-docfx-json` (at its entry, or at its own bad place),
//! and the rest still apply: DocFX stops the build there.

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde_json::Value as Json;
use serde_yaml::{Mapping, Value};

use super::ordered::{FileMetadata, Lenient, Ordered};
use super::source::Source;
use super::{APP_FILES, AppFile};
use crate::diagnostic::Finding;
use crate::markdown::links::is_absolute;

/// A file a `docfx.json` names, as the caller of [`super::read`] opened
/// it.
pub struct Named {
    pub text: String,
    /// How findings name it.
    pub display: std::path::PathBuf,
}

/// Opens a file a `docfx.json` names, given as written (from the
/// project's folder unless absolute); why it cannot, otherwise.
pub type Open<'o> = dyn FnMut(&str) -> Result<Named, String> + 'o;

#[derive(Default)]
pub struct Metadata {
    pub global: Mapping,
    /// The global [`APP_FILES`] that name a path, where their source
    /// writes them.
    pub app_files: Vec<AppFile>,
    /// Per key, its globs and the value each gives, in DocFX's order.
    file: Vec<(String, Vec<Glob>, Vec<Value>)>,
}

/// Per key, its globs as one set (a match's index is the glob's) and the
/// value each gives.
pub type FileGlobs = Vec<(Value, GlobSet, Vec<Value>)>;

impl Metadata {
    /// Sets the keys of a `globalMetadata` object read from `source`.
    pub fn add_global(&mut self, source: &Source, map: &serde_json::Map<String, Json>) {
        for (key, value) in map {
            self.global.insert(Value::String(key.clone()), yaml(value));
            let Some(&app) = APP_FILES.iter().find(|app| **app == key.as_str()) else {
                continue;
            };
            self.app_files.retain(|(known, ..)| *known != app);
            // The theme's files by path from the project's folder: a file
            // the copy lacks shows as a broken image on every page.
            let path = value.as_str().map_or("", str::trim);
            if !path.is_empty() && !is_absolute(path) && !path.starts_with('/') {
                self.app_files.push((app, path.to_owned(), source.at(path)));
            }
        }
    }

    /// Appends the globs of a `fileMetadata` object read from `source`;
    /// nothing when one of them is invalid.
    pub fn add_file(&mut self, source: &Source, keys: FileMetadata) -> Result<(), Box<Finding>> {
        let mut added = Vec::new();
        for (key, globs) in keys.0 {
            let Some(Ordered(globs)) = globs.get() else {
                continue;
            };
            for (glob, value) in globs {
                added.push((key.clone(), source.glob(&glob)?, yaml(&value)));
            }
        }
        for (key, glob, value) in added {
            let at = match self.file.iter().position(|(known, ..)| *known == key) {
                Some(at) => at,
                None => {
                    self.file.push((key, Vec::new(), Vec::new()));
                    self.file.len() - 1
                }
            };
            self.file[at].1.push(glob);
            self.file[at].2.push(value);
        }
        Ok(())
    }

    /// Reads the files `build.globalMetadataFiles` and
    /// `build.fileMetadataFiles` of `docfx` name, in DocFX's order; a
    /// finding for each that cannot be read.
    pub fn add_listed(
        &mut self,
        docfx: &Source,
        build: &Json,
        open: &mut Open,
        findings: &mut Vec<Finding>,
    ) {
        let listed = |key| super::read::strings(build.get(key));
        let global = listed("globalMetadataFiles");
        let global = global.iter().rev().map(|f| ("globalMetadataFiles", f));
        let file = listed("fileMetadataFiles");
        let file = file.iter().map(|f| ("fileMetadataFiles", f));
        for (list, written) in global.chain(file) {
            let path = written.trim();
            if path.is_empty() {
                continue;
            }
            let named = match open(path) {
                Ok(named) => named,
                Err(cause) => {
                    findings.push(
                        Finding::error(
                            "invalid-docfx-json",
                            docfx.at(written),
                            format!("`{list}` names `{path}`, which cannot be read: {cause}; its metadata is not applied"),
                        )
                        .with_help("fix the path (from the docfx.json's folder), or remove the entry"),
                    );
                    continue;
                }
            };
            let what = format!("this file, listed in a docfx.json's `{list}`,");
            if let Err(finding) = self.add_named(&named, &what, list == "fileMetadataFiles") {
                findings.push(*finding);
            }
        }
    }

    fn add_named(&mut self, named: &Named, what: &str, file: bool) -> Result<(), Box<Finding>> {
        let source = Source::new(&named.text, &named.display, what)?;
        let not_object = || source.problem(1, 1, "it holds no object of keys and values");
        if file {
            // Read once, in the file's order.
            let keys = source.parse::<Lenient<FileMetadata>>()?.get();
            self.add_file(&source, keys.ok_or_else(not_object)?)
        } else {
            let Json::Object(map) = source.parse()? else {
                return Err(not_object());
            };
            self.add_global(&source, &map);
            Ok(())
        }
    }

    /// Each key's globs as one set.
    pub fn file_globs(&mut self, docfx: &Source) -> Result<FileGlobs, Box<Finding>> {
        std::mem::take(&mut self.file)
            .into_iter()
            .map(|(key, globs, values)| {
                let mut set = GlobSetBuilder::new();
                for glob in globs {
                    set.add(glob);
                }
                let set = set
                    .build()
                    .map_err(|e| docfx.problem(1, 1, &e.to_string()))?;
                Ok((Value::String(key), set, values))
            })
            .collect()
    }
}

/// A JSON value as the YAML value front matter would hold.
pub fn yaml(value: &Json) -> Value {
    serde_yaml::to_value(value).unwrap_or(Value::Null)
}
