//! Helpers shared by the integration tests: run the real binary on real
//! folders and parse what it wrote.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use scraper::{Html, Selector};

/// The repository root, where the example site lives.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `polydoc` with `args` in `cwd`.
pub fn polydoc(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polydoc"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("polydoc runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A site in a temporary folder, written file by file.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, path: &str, contents: impl AsRef<[u8]>) -> &Fixture {
        let path = self.root().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    pub fn build(&self, extra: &[&str]) -> Output {
        let mut args = vec!["build", "--root", "."];
        args.extend_from_slice(extra);
        polydoc(self.root(), &args)
    }

    pub fn out(&self, path: &str) -> PathBuf {
        self.root().join("public").join(path)
    }

    pub fn html(&self, path: &str) -> Html {
        parse_file(&self.out(path))
    }
}

pub fn parse_file(path: &Path) -> Html {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Html::parse_document(&text)
}

pub fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    html.select(&selector).collect()
}

/// The elements `css` selects below `el`, in document order.
pub fn select_in<'a>(el: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    el.select(&selector).collect()
}

/// The text of every element `css` selects below `el`, in document order.
pub fn texts_in(el: &scraper::ElementRef, css: &str) -> Vec<String> {
    select_in(el, css).iter().map(text).collect()
}

pub fn attr<'a>(el: &scraper::ElementRef<'a>, name: &str) -> &'a str {
    el.value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name} on {}", el.html()))
}

/// Attribute `name` of every element `css` selects, in document order.
pub fn attrs<'a>(html: &'a Html, css: &str, name: &str) -> Vec<&'a str> {
    select(html, css).iter().map(|el| attr(el, name)).collect()
}

pub fn text(el: &scraper::ElementRef) -> String {
    el.text().collect::<String>().trim().to_owned()
}

/// The text of every element `css` selects, in document order.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    select(html, css).iter().map(text).collect()
}

/// The links `selector` finds in `html`: (text, href).
pub fn links<'h>(html: &'h Html, selector: &str) -> Vec<(String, &'h str)> {
    select(html, selector)
        .iter()
        .map(|a| (text(a), attr(a, "href")))
        .collect()
}

/// The file a relative `href` found in `page` points to (fragment dropped).
pub fn resolve(page: &Path, href: &str) -> PathBuf {
    let path = href.split(['#', '?']).next().unwrap_or("");
    let mut out = page.parent().unwrap().to_path_buf();
    for part in path.split('/') {
        match part {
            ".." => {
                out.pop();
            }
            "." | "" => {}
            p => out.push(p.replace("%20", " ")),
        }
    }
    out
}

/// Runs `check --format json` in `root`; returns the exit code and document.
pub fn check_json(root: &std::path::Path, extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let out = polydoc(root, &args);
    let doc = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&out), stderr(&out)));
    (out.status.code(), doc)
}

/// (rule, file, line) of every finding.
pub fn findings(doc: &serde_json::Value) -> BTreeSet<(String, String, u64)> {
    places(doc)
        .into_iter()
        .map(|(rule, file, line, _)| (rule, file, line))
        .collect()
}

/// (rule, file, line, column) of every finding, in the report's order.
pub fn places(doc: &serde_json::Value) -> Vec<(String, String, u64, u64)> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["location"]["file"].as_str().unwrap().to_owned(),
                f["location"]["line"].as_u64().unwrap(),
                f["location"]["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The first finding of `doc` that `wanted` accepts.
pub fn finding_where(
    doc: &serde_json::Value,
    wanted: impl Fn(&serde_json::Value) -> bool,
) -> &serde_json::Value {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| wanted(f))
        .unwrap_or_else(|| panic!("no such finding in {doc:#}"))
}

/// The first finding of `doc` at `line` of `file`.
pub fn finding_at<'d>(doc: &'d serde_json::Value, file: &str, line: u64) -> &'d serde_json::Value {
    finding_where(doc, |f| {
        f["location"]["file"] == file && f["location"]["line"] == line
    })
}

/// The finding of `rule` at `line` of `file` (a line may hold several).
pub fn finding_of<'d>(
    doc: &'d serde_json::Value,
    rule: &str,
    file: &str,
    line: u64,
) -> &'d serde_json::Value {
    finding_where(doc, |f| {
        f["rule"] == rule && f["location"]["file"] == file && f["location"]["line"] == line
    })
}

/// (file, line) of every finding of `rule`, sorted.
pub fn lines_of(doc: &serde_json::Value, rule: &str) -> Vec<(String, u64)> {
    let mut found: Vec<(String, u64)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            (
                f["location"]["file"].as_str().expect("a file").to_owned(),
                f["location"]["line"].as_u64().expect("a line"),
            )
        })
        .collect();
    found.sort();
    found
}

/// Field `key` (`"message"`, `"help"`) of every finding of a JSON report, in report order.
pub fn fields<'d>(doc: &'d serde_json::Value, key: &str) -> Vec<&'d str> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f[key].as_str().unwrap_or_default())
        .collect()
}

pub fn set(items: &[(&str, &str, u64)]) -> BTreeSet<(String, String, u64)> {
    items
        .iter()
        .map(|(r, f, l)| (r.to_string(), f.to_string(), *l))
        .collect()
}

/// The example site (`content/`) built by the real binary, once per test
/// binary, into a temporary folder.
pub fn example_site() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, out) = OUT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let result = polydoc(&repo(), &["build", "--out", out.to_str().unwrap()]);
        assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
        assert!(
            stdout(&result).contains("es-es 2, it-it 2"),
            "{}",
            stdout(&result)
        );
        (dir, out)
    });
    out
}

/// The seed articles, as `check` names them.
pub const ES: &str = "content/es-es/get-started/activation-error-codes.md";
pub const IT: &str = "content/it-it/get-started/activation-error-codes.md";

/// (file, line) of each related location of a finding in the JSON report.
pub fn related(finding: &serde_json::Value) -> Vec<(&str, u64)> {
    finding["related"]
        .as_array()
        .expect("related")
        .iter()
        .map(|r| {
            (
                r["location"]["file"].as_str().expect("a file"),
                r["location"]["line"].as_u64().expect("a line"),
            )
        })
        .collect()
}

/// The notes of a finding in the JSON report.
pub fn notes(finding: &serde_json::Value) -> Vec<&str> {
    finding["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| n.as_str().expect("a note is text"))
        .collect()
}

/// A fixture site: `files` under `content/`, checked as JSON.
pub fn run(
    files: &[(&str, &str)],
    extra: &[&str],
) -> (Option<i32>, BTreeSet<(String, String, u64)>) {
    let (code, doc) = run_json(files, extra);
    (code, findings(&doc))
}

/// [`run`], with the whole JSON report.
pub fn run_json(files: &[(&str, &str)], extra: &[&str]) -> (Option<i32>, serde_json::Value) {
    let site = Fixture::new();
    for (path, text) in files {
        site.write(&format!("content/{path}"), text);
    }
    check_json(site.root(), extra)
}

/// [`run_json`] on a site whose `polydoc.toml` names `en-us` the source
/// locale.
pub fn run_json_with_source(files: &[(&str, &str)]) -> serde_json::Value {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n");
    for (path, text) in files {
        site.write(&format!("content/{path}"), text);
    }
    check_json(site.root(), &[]).1
}

/// The replacements of a JSON finding's `fix` edits, in order (none
/// when it has no fix).
pub fn replacements(finding: &serde_json::Value) -> Vec<&str> {
    edit_fields(finding, |e| e["replacement"].as_str())
}

/// Where a JSON finding's `fix` edits start: their columns.
pub fn fix_columns(finding: &serde_json::Value) -> Vec<u64> {
    edit_fields(finding, |e| e["location"]["column"].as_u64())
}

fn edit_fields<'d, T>(
    finding: &'d serde_json::Value,
    field: impl Fn(&'d serde_json::Value) -> Option<T>,
) -> Vec<T> {
    finding["fix"].as_array().map_or_else(Vec::new, |edits| {
        edits
            .iter()
            .map(|e| field(e).expect("an edit's field"))
            .collect()
    })
}

/// A fixture holding a copy of `tests/data/<name>`.
pub fn copy_of_real(name: &str) -> Fixture {
    let site = Fixture::new();
    let real = repo().join("tests/data").join(name);
    for entry in walkdir::WalkDir::new(&real).into_iter().flatten() {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&real).unwrap().to_str().unwrap();
            site.write(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    site
}
