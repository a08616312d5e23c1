//! "Edit this page": the address where each page's source file is edited
//! (DocFX's "Improve this Doc", Docsy's `github_repo`/`editURL`).
//!
//! `[edit]` in `polydoc.toml` writes the address as a template: `{path}` is the file's path inside the git
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
//! Without `[edit]`, the page's metadata and repository give the address,
//! as DocFX's and Microsoft's publishing do, first found first:
//!
//! 1. DocFX's `_gitContribute` (`repo`, `branch`; usually in `docfx.json`'s
//!    `globalMetadata`), the forge told by the repository's host or named
//!    by `_gitUrlPattern`; what it leaves out is the local repository's
//!    (below). `_gitContribute: false` gives no link. Its `path` and
//!    `apiSpecFolder` are DocFX's for API overwrite files and not read.
//! 2. A Microsoft repository's publishing configuration: the repository
//!    and branch it opens to public contributors, where Learn's "Edit"
//!    button links ([`Publishing::public_edit`]).
//! 3. For a page of a `docfx.json` project, as DocFX does by default: the
//!    repository its locale folder is checked out from, its `origin`
//!    remote and the branch checked out (`checkout.rs`).
//!
//! The address of a file on a forge is [`forge`]'s: GitHub's, GitLab's
//! and Bitbucket's file pages, Azure DevOps' `?path=...&version=GB...`.
//! An address no forge is known for gives no link.
//!
//! Templates are validated when the configuration is read (`config.rs`),
//! where their line and column are known; the locales of `[edit] locales`
//! here, once the site's locales are.

mod checkout;
pub mod forge;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_yaml::{Mapping, Value};

use crate::Fatal;
use crate::config::{CONFIG_FILE, EditConfig};
use crate::locale::Locale;
use crate::publish_config::Publishing;
use checkout::Checkout;
use forge::{Forge, Repository};

/// Per locale, how its pages' edit addresses are made.
#[derive(Debug, Default)]
pub struct EditLinks {
    locales: Vec<LocaleEdit>,
}

#[derive(Debug)]
struct LocaleEdit {
    /// `[edit]`'s template for the locale.
    template: Option<String>,
    /// The publishing configuration's public repository and its branch.
    public: Option<(Repository, String)>,
    /// The locale folder's path inside its repository, `/`-separated,
    /// ending in `/` unless empty.
    prefix: String,
    key: String,
    dir: PathBuf,
    /// The repository the locale folder is checked out from, read when a
    /// page first needs it (`check` never does).
    checkout: OnceLock<Checkout>,
}

impl EditLinks {
    /// How each of `locales` links its pages. A locale of `[edit]
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
            .map(|(l, locale)| LocaleEdit {
                template: edit
                    .locales
                    .iter()
                    .find(|(tag, _)| tag.to_ascii_lowercase() == locale.key)
                    .map(|(_, t)| t.clone())
                    .or_else(|| edit.url.clone()),
                public: publishing.public_edit(l).and_then(|(repo, branch)| {
                    Some((Repository::new(repo, None)?, branch.to_owned()))
                }),
                prefix: prefix(&locale.dir, root),
                key: locale.key.clone(),
                dir: locale.dir.clone(),
                checkout: OnceLock::new(),
            })
            .collect();
        Ok(EditLinks { locales })
    }

    /// Where the page at `rel_path` (below its locale folder) is edited,
    /// given its metadata (front matter over `docfx.json`'s) and whether a
    /// `docfx.json` holds it (see the module docs for the order).
    pub fn url<'m>(
        &'m self,
        locale: usize,
        rel_path: &str,
        meta: &'m Mapping,
        in_project: bool,
    ) -> Option<String> {
        let edit = self.locales.get(locale)?;
        let path = format!("{}{rel_path}", edit.prefix);
        if let Some(template) = &edit.template {
            // `&` too: the path may stand in a query (`?path={path}`).
            let path = forge::encode(&path);
            return Some(
                template
                    .replace("{path}", &path)
                    .replace("{locale}", &edit.key),
            );
        }
        let pattern = meta
            .get("_gitUrlPattern")
            .and_then(Value::as_str)
            .and_then(Forge::named);
        let text = |map: &'m Mapping, key: &str| {
            let value = map.get(key)?.as_str()?.trim();
            (!value.is_empty()).then_some(value)
        };
        let (remote, branch) = match meta.get("_gitContribute") {
            Some(Value::Mapping(contribute)) => (
                text(contribute, "repo").or_else(|| edit.checkout().remote.as_deref())?,
                text(contribute, "branch").or_else(|| edit.checkout().branch.as_deref())?,
            ),
            Some(Value::Bool(false)) => return None,
            _ => {
                if let Some((repo, branch)) = &edit.public {
                    return Some(repo.file(branch, &path));
                }
                if !in_project {
                    return None;
                }
                let checkout = edit.checkout();
                (checkout.remote.as_deref()?, checkout.branch.as_deref()?)
            }
        };
        Some(Repository::new(remote, pattern)?.file(branch, &path))
    }
}

impl LocaleEdit {
    /// The repository the locale folder is checked out from, read once.
    fn checkout(&self) -> &Checkout {
        self.checkout.get_or_init(|| Checkout::read(&self.dir))
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
