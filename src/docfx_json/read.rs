//! Reading one `docfx.json` into a [`Project`].

use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde_json::Value as Json;
use serde_yaml::{Mapping, Value};

use super::{APP_FILES, Content, Project, ordered, strip_dir};
use crate::diagnostic::{Finding, LineIndex, Location};
use crate::markdown::links::is_absolute;

/// Reads the `docfx.json` at `rel_path` (below the locale folder) from
/// `text`; `display` names it in findings.
pub fn read(rel_path: &str, text: &str, display: &Path) -> Result<Project, Box<Finding>> {
    let problem = |line: usize, column: usize, message: String| {
        Box::new(
            Finding::error(
                "invalid-docfx-json",
                Location::at(display.to_path_buf(), line, column),
                format!("this docfx.json cannot be read: {message}; its metadata is not applied"),
            )
            .with_help("fix the file at this place; DocFX's reference: https://dotnet.github.io/docfx/reference/docfx-json-reference.html"),
        )
    };
    // DocFX reads comments and trailing commas; blanking them keeps every
    // line and column where it was.
    let mut json = text.strip_prefix('\u{feff}').unwrap_or(text).to_owned();
    json_strip_comments::strip(&mut json).map_err(|e| problem(1, 1, e.to_string()))?;
    let root: Json = serde_json::from_str(&json).map_err(|e| {
        // The place is the finding's own; serde_json's message repeats it.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(&*message, |(m, _)| m);
        problem(e.line().max(1), e.column().max(1), message.to_owned())
    })?;
    let lines = LineIndex::new(text);
    // serde_json keeps no positions: a glob's is its first quoted
    // occurrence in the file, which is where a bad one is.
    let at = |glob: &str| {
        let offset = serde_json::to_string(glob)
            .ok()
            .and_then(|quoted| text.find(&quoted))
            .map_or(0, |o| o + 1);
        lines.position(offset)
    };
    let compile = |globs: &[&str]| -> Result<GlobSet, Box<Finding>> {
        let mut set = GlobSetBuilder::new();
        for glob in globs {
            let built = GlobBuilder::new(glob.trim_start_matches("./"))
                .case_insensitive(true)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| {
                    let (line, column) = at(glob);
                    problem(line, column, format!("the glob `{glob}` is invalid: {e}"))
                })?;
            set.add(built);
        }
        set.build().map_err(|e| problem(1, 1, e.to_string()))
    };
    let build = root.get("build").unwrap_or(&Json::Null);
    let content = match build.get("content") {
        None | Some(Json::Null) => Vec::new(),
        Some(Json::Array(entries)) => entries
            .iter()
            .filter_map(|entry| content_entry(entry, &compile).transpose())
            .collect::<Result<_, _>>()?,
        Some(entry) => content_entry(entry, &compile)?.into_iter().collect(),
    };
    let global = match build.get("globalMetadata") {
        Some(Json::Object(map)) => map
            .iter()
            .map(|(k, v)| (Value::String(k.clone()), yaml(v)))
            .collect(),
        _ => Mapping::new(),
    };
    // The theme's files by path from the project's folder: a file the
    // copy lacks shows as a broken image on every page.
    let app_files = APP_FILES
        .iter()
        .filter_map(|&key| {
            let value = build.get("globalMetadata")?.get(key)?.as_str()?.trim();
            let local = !value.is_empty() && !is_absolute(value) && !value.starts_with('/');
            local.then(|| {
                let (line, column) = at(value);
                let at = Location::at(display.to_path_buf(), line, column);
                (key, value.to_owned(), at)
            })
        })
        .collect();
    let mut file = Vec::new();
    let ordered = ordered::read::<ordered::DocfxJson>(&json).file_metadata();
    for (key, globs) in ordered.map_or_else(Vec::new, |keys| keys.0) {
        let Some(ordered::Ordered(globs)) = globs.get() else {
            continue;
        };
        let patterns: Vec<&str> = globs.iter().map(|(glob, _)| glob.as_str()).collect();
        let values = globs.iter().map(|(_, value)| yaml(value)).collect();
        file.push((Value::String(key), compile(&patterns)?, values));
    }
    let mut xref_service = strings(build.get("xrefService"))
        .iter()
        .any(|u| !u.trim().is_empty());
    let mut xref_maps = Vec::new();
    for entry in strings(build.get("xref")) {
        let map = entry.trim();
        if map.is_empty() {
            continue;
        }
        match url::Url::parse(map) {
            // DocFX downloads such a map when it builds; polydoc reads no
            // network, so what no page declares is left to it, as to a
            // service.
            Ok(url) if url.scheme() != "file" => xref_service = true,
            parsed => {
                let path = parsed
                    .ok()
                    .and_then(|url| url.to_file_path().ok())
                    .unwrap_or_else(|| PathBuf::from(map.replace('\\', "/")));
                let (line, column) = at(entry);
                xref_maps.push((path, Location::at(display.to_path_buf(), line, column)));
            }
        }
    }
    let dir = match rel_path.rfind('/') {
        Some(slash) => rel_path[..=slash].to_owned(),
        None => String::new(),
    };
    let output = ["output", "dest"]
        .iter()
        .find_map(|key| build.get(key).and_then(Json::as_str))
        .unwrap_or("_site");
    Ok(Project {
        output: output_dir(&dir, output),
        dir: dir.into(),
        content,
        global,
        file,
        xref_service,
        xref_maps,
        app_files,
    })
}

/// DocFX's output folder `output` (relative to the project's folder
/// `dir`) below the locale folder, with a trailing `/`; `None` when it is
/// absolute, leaves the locale folder, or holds the project itself.
pub(super) fn output_dir(dir: &str, output: &str) -> Option<String> {
    let output = output.replace('\\', "/");
    if output.starts_with('/') || output.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in output.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let folder = format!("{}/", parts.join("/"));
    // An output holding the project itself would leave nothing to build.
    (!parts.is_empty() && strip_dir(dir, &folder).is_none()).then_some(folder)
}

/// A string or a list of strings, as DocFX takes either.
fn strings(value: Option<&Json>) -> Vec<&str> {
    match value {
        Some(Json::String(s)) => vec![s.as_str()],
        Some(Json::Array(items)) => items.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    }
}

/// One `build.content` entry: a glob, or `{files, exclude, src}` with
/// `files` and `exclude` a glob or a list of them (`!glob` in `files`
/// excludes, as DocFX reads it). `None` for an entry naming no files,
/// which DocFX would not read either: it must not leave out every page.
fn content_entry(
    entry: &Json,
    compile: &impl Fn(&[&str]) -> Result<GlobSet, Box<Finding>>,
) -> Result<Option<Content>, Box<Finding>> {
    let (files, mut exclude, src) = match entry {
        Json::String(glob) => (vec![glob.as_str()], Vec::new(), ""),
        _ => (
            strings(entry.get("files")),
            strings(entry.get("exclude")),
            entry.get("src").and_then(Json::as_str).unwrap_or(""),
        ),
    };
    let (negated, files): (Vec<&str>, Vec<&str>) =
        files.into_iter().partition(|glob| glob.starts_with('!'));
    exclude.extend(negated.iter().map(|glob| &glob[1..]));
    if files.is_empty() {
        return Ok(None);
    }
    let src = src.trim_start_matches("./").trim_matches('/');
    let src = if src.is_empty() || src == "." {
        String::new()
    } else {
        format!("{}/", src.replace('\\', "/"))
    };
    Ok(Some(Content {
        src,
        files: compile(&files)?,
        exclude: compile(&exclude)?,
    }))
}

/// A JSON value as the YAML value front matter would hold.
fn yaml(value: &Json) -> Value {
    serde_yaml::to_value(value).unwrap_or(Value::Null)
}
