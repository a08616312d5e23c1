//! "Edit this page": the address where each page's source file is edited,
//! from `[edit]` in `polydoc.toml` (DocFX's "Improve this Doc", Docsy's
//! `github_repo`/`editURL`).
//!
//! The address is a template: `{path}` is the file's path inside the git
//! repository that holds it, `{locale}` the locale's tag in lower case.
//! The path is measured from the repository's root (the nearest folder
//! above the locale folder holding `.git`, a folder or, for worktrees and
//! submodules, a file), because that is the path a forge's edit page
//! takes, and a locale folder may be a separate checkout of a localized
//! repository (`[locales] de-de = "../kb.de-de/articles"`): its pages
//! then get `articles/x.md`, not the path below the site root. Without a
//! repository the path is taken from the site root, or, for a locale
//! folder outside it, from the locale folder.
//!
//! Without `[edit]`, a Microsoft repository's publishing configuration
//! gives the address its public edits at, as Learn's "Edit" button does
//! ([`Publishing::public_edit`]).
//!
//! Templates are validated when the configuration is read (`config.rs`),
//! where their line and column are known; the locales of `[edit] locales`
//! here, once the site's locales are.

use std::path::Path;

use crate::Fatal;
use crate::config::{CONFIG_FILE, EditConfig};
use crate::locale::Locale;
use crate::publish_config::Publishing;

/// Per locale, how its pages' edit addresses are made.
#[derive(Debug, Default)]
pub struct EditLinks {
    locales: Vec<Option<LocaleEdit>>,
}

#[derive(Debug)]
struct LocaleEdit {
    template: String,
    /// The locale folder's path inside its repository, `/`-separated,
    /// ending in `/` unless empty.
    prefix: String,
    key: String,
}

impl EditLinks {
    /// How each of `locales` links its pages: `[edit] locales`' own
    /// template, else `[edit] url`, else none. A locale of `[edit]
    /// locales` that the site does not have is a configuration error: a
    /// misspelt tag would otherwise silently keep the general address.
    pub fn new(
        edit: &EditConfig,
        locales: &[Locale],
        root: &Path,
        publishing: &Publishing,
    ) -> Result<EditLinks, Fatal> {
        for tag in edit.locales.keys() {
            if !locales.iter().any(|l| l.key == tag.to_ascii_lowercase()) {
                return Err(Fatal::new(format!(
                    "{CONFIG_FILE}: `[edit] locales` names `{tag}`, which is not one of the site's locales ({}); use one of those tags, or remove the entry",
                    crate::locale::keys(locales)
                )));
            }
        }
        let locales = locales
            .iter()
            .enumerate()
            .map(|(l, locale)| {
                // Without `[edit]`, where Microsoft's publishing
                // configuration says the public edits the repository:
                // pages then link where Learn's "Edit" button does.
                let public = || Some(format!("{}{{path}}", publishing.public_edit(l)?));
                let template = edit
                    .locales
                    .iter()
                    .find(|(tag, _)| tag.to_ascii_lowercase() == locale.key)
                    .map(|(_, t)| t.clone())
                    .or_else(|| edit.url.clone())
                    .or_else(public)?;
                Some(LocaleEdit {
                    template,
                    prefix: prefix(&locale.dir, root),
                    key: locale.key.clone(),
                })
            })
            .collect();
        Ok(EditLinks { locales })
    }

    /// Where the page at `rel_path` (below its locale folder) is edited.
    pub fn url(&self, locale: usize, rel_path: &str) -> Option<String> {
        let edit = self.locales.get(locale)?.as_ref()?;
        let path = format!("{}{rel_path}", edit.prefix);
        // `&` too: the path may stand in a query (`?path={path}`).
        let path = crate::render::urls::encode_path(&path).replace('&', "%26");
        Some(
            edit.template
                .replace("{path}", &path)
                .replace("{locale}", &edit.key),
        )
    }
}

/// The locale folder's path inside its repository (see the module docs).
fn prefix(dir: &Path, root: &Path) -> String {
    let base = dir
        .ancestors()
        .find(|folder| folder.join(".git").exists())
        .or_else(|| dir.starts_with(root).then_some(root))
        .unwrap_or(dir);
    let mut prefix = String::new();
    for part in dir.strip_prefix(base).unwrap_or(Path::new("")) {
        prefix.push_str(&part.to_string_lossy());
        prefix.push('/');
    }
    prefix
}

/// Why `template` cannot be an edit address, if it cannot.
pub fn invalid(template: &str) -> Option<String> {
    if !(template.starts_with("https://") || template.starts_with("http://")) {
        return Some(
            "is no address: write the whole edit address, e.g. `https://github.com/contoso/kb/edit/main/{path}`".to_owned(),
        );
    }
    if !template.contains("{path}") {
        return Some(
            "has no `{path}`: write where the file's path goes, e.g. `https://github.com/contoso/kb/edit/main/{path}`".to_owned(),
        );
    }
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let name = &rest[start..];
        let end = name.find('}').map_or(name.len(), |e| e + 1);
        let name = &name[..end];
        if name != "{path}" && name != "{locale}" {
            return Some(format!(
                "has `{name}`, which polydoc does not fill in: the placeholders are `{{path}}` (the file's path in its repository) and `{{locale}}` (the locale's tag)"
            ));
        }
        rest = &rest[start + end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_addresses_with_a_path_and_known_placeholders() {
        assert_eq!(invalid("https://github.com/c/kb/edit/main/{path}"), None);
        assert_eq!(
            invalid("https://github.com/c/kb.{locale}/edit/live/{path}"),
            None
        );
        assert!(
            invalid("github.com/c/kb/edit/main/{path}").is_some_and(|m| m.contains("no address"))
        );
        assert!(
            invalid("https://github.com/c/kb/edit/main/")
                .is_some_and(|m| m.contains("no `{path}`"))
        );
        assert!(
            invalid("https://github.com/c/kb/edit/{branch}/{path}")
                .is_some_and(|m| m.contains("`{branch}`"))
        );
        // An unclosed brace is named as written, not a panic.
        assert!(invalid("https://x/{path}/{loc").is_some_and(|m| m.contains("`{loc`")));
    }
}
