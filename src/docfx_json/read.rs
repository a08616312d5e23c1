//! Reading one `docfx.json` into a [`Project`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobSet, GlobSetBuilder};
use serde_json::Value as Json;

use super::layout::{Layout, folder};
use super::metadata::{Metadata, Open};
use super::source::Source;
use super::{Content, Project, ordered, strip_dir};
use crate::diagnostic::Finding;
use crate::edit_links::forge::{Forge, Repository};

/// Reads the `docfx.json` at `rel_path` (below the locale folder) from
/// `text`; `display` names it in findings, `open` opens the metadata
/// files it names. The findings beside the project are of those files:
/// the project applies without them.
pub fn read(
    rel_path: &str,
    text: &str,
    display: &Path,
    open: &mut Open,
) -> Result<(Project, Vec<Finding>), Box<Finding>> {
    let source = Source::new(text, display, "this docfx.json")?;
    let root: Json = source.parse()?;
    let compile = |globs: &[&str]| -> Result<GlobSet, Box<Finding>> {
        let mut set = GlobSetBuilder::new();
        for glob in globs {
            set.add(source.glob(glob)?);
        }
        set.build()
            .map_err(|e| source.problem(1, 1, &e.to_string()))
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
    let mut metadata = Metadata::default();
    if let Some(Json::Object(map)) = build.get("globalMetadata") {
        metadata.add_global(&source, map);
    }
    // A second pass over the file (a few KB), for `fileMetadata`'s order
    // alone: serde_json's `Value` above keeps no order.
    let ordered = source.parse::<ordered::Lenient<ordered::DocfxJson>>();
    let ordered = ordered.ok().and_then(ordered::Lenient::get);
    if let Some(keys) = ordered.and_then(ordered::DocfxJson::file_metadata) {
        metadata.add_file(&source, keys)?;
    }
    let mut findings: Vec<Finding> = unlinked_repository(&source, build).into_iter().collect();
    metadata.add_listed(&source, build, open, &mut findings);
    let file = metadata.file_globs(&source)?;
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
                xref_maps.push((path, source.at(entry)));
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
    let dir: Arc<str> = dir.into();
    let routes = content.iter().filter_map(|c: &Content| c.route.clone());
    let project = Project {
        output: output_dir(&dir, output),
        layout: Arc::new(Layout::new(dir, routes)),
        content,
        global: metadata.global,
        file,
        xref_service,
        xref_maps,
        app_files: metadata.app_files,
    };
    Ok((project, findings))
}

/// `no-edit-link` where `globalMetadata`'s `_gitContribute` names a
/// repository on a forge polydoc cannot address ([`crate::edit_links`]):
/// the setting asks for "Edit this page" links, and without this note
/// the pages would silently have none.
fn unlinked_repository(source: &Source, build: &Json) -> Option<Finding> {
    let global = build.get("globalMetadata")?;
    let repo = global.get("_gitContribute")?.get("repo")?.as_str()?;
    let written = global.get("_gitUrlPattern").and_then(Json::as_str);
    let pattern = written.and_then(Forge::named);
    if repo.trim().is_empty() || Repository::new(repo, pattern).is_some() {
        return None;
    }
    let why = match written {
        Some(name) if pattern.is_none() => {
            format!("`_gitUrlPattern` names `{name}`, no forge polydoc knows")
        }
        Some(_) => "it is no repository address".to_owned(),
        None => "its host is no forge polydoc knows".to_owned(),
    };
    Some(
        Finding::warning(
            "no-edit-link",
            source.at(repo),
            format!("`_gitContribute` names `{repo}`, but {why}: pages get no \"Edit this page\" link"),
        )
        .with_help("set `_gitUrlPattern` to the forge the host runs (`github`, `vso` for Azure DevOps, `bitbucket` or `gitlab`), or write the address of a page's file as `[edit] url` in polydoc.toml"),
    )
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

/// A string or a list of strings, as DocFX (and Microsoft's publishing
/// configuration) takes either.
pub fn strings(value: Option<&Json>) -> Vec<&str> {
    match value {
        Some(Json::String(s)) => vec![s.as_str()],
        Some(Json::Array(items)) => items.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    }
}

/// One `build.content` entry: a glob, or `{files, exclude, src, dest}` with
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
    let dest = entry.get("dest").and_then(Json::as_str).unwrap_or("");
    let route = folder(dest).zip(folder(src));
    let src = src.trim_start_matches("./").trim_matches('/');
    let src = if src.is_empty() || src == "." {
        String::new()
    } else {
        format!("{}/", src.replace('\\', "/"))
    };
    Ok(Some(Content {
        src,
        route,
        files: compile(&files)?,
        exclude: compile(&exclude)?,
    }))
}
