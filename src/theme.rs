//! The default theme, embedded in the binary so that `polydoc build` works
//! from any folder, and a site's own `templates/` and `static/` files,
//! which replace the embedded ones by name (as in Zola and Hugo).
//!
//! Templates are Tera; `static/` is copied to the output root.

use std::path::Path;

use tera::Tera;
use walkdir::WalkDir;

use crate::Fatal;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("page.html", include_str!("../templates/page.html")),
    ("list.html", include_str!("../templates/list.html")),
    ("chooser.html", include_str!("../templates/chooser.html")),
    ("404.html", include_str!("../templates/404.html")),
    ("redirect.html", include_str!("../templates/redirect.html")),
];

const STATIC: &[(&str, &[u8])] = &[
    ("polydoc.css", include_bytes!("../static/polydoc.css")),
    ("polydoc.js", include_bytes!("../static/polydoc.js")),
    ("search.js", include_bytes!("../static/search.js")),
];

pub struct Theme {
    pub tera: Tera,
    /// Files for the output root: path below it, and contents.
    pub static_files: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// The embedded theme with the site's overrides from `root`.
    pub fn load(root: &Path) -> Result<Theme, Fatal> {
        let mut templates: Vec<(String, String)> = TEMPLATES
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        for (name, bytes) in files_below(&root.join("templates"))? {
            let text = String::from_utf8(bytes)
                .map_err(|_| Fatal::new(format!("template {name} is not UTF-8 text")))?;
            match templates.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => templates.push((name, text)),
            }
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.add_raw_templates(templates)
            .map_err(|e| Fatal::new(format!("invalid template: {}", error_chain(&e))))?;

        let mut static_files: Vec<(String, Vec<u8>)> = STATIC
            .iter()
            .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
            .collect();
        for (name, bytes) in files_below(&root.join("static"))? {
            match static_files.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = bytes,
                None => static_files.push((name, bytes)),
            }
        }
        Ok(Theme { tera, static_files })
    }
}

/// Every file below `dir` as (`/`-separated relative path, contents); none if `dir` is absent.
fn files_below(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, Fatal> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        let entry = entry.map_err(|e| Fatal::new(format!("cannot read {}: {e}", dir.display())))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let bytes = std::fs::read(entry.path())
            .map_err(|e| Fatal::new(format!("cannot read {}: {e}", entry.path().display())))?;
        out.push((name, bytes));
    }
    Ok(out)
}

/// A Tera error with its causes: the top-level message alone rarely says
/// which variable or line is at fault.
pub fn error_chain(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
