//! The repository a locale folder is checked out from: where DocFX's
//! "Edit this page" leads when nothing else says (its remote and branch).

use std::path::Path;

/// What the local repository tells of itself; each part `None` when it
/// cannot say (no repository, no remote, no commit yet).
#[derive(Debug, Default)]
pub struct Checkout {
    /// The address of its `origin` remote, or of its only remote.
    pub remote: Option<String>,
    /// The branch checked out, or the commit of a detached checkout (as
    /// CI systems check out pull requests).
    pub branch: Option<String>,
}

impl Checkout {
    /// The repository holding `dir`, as git finds it (the nearest folder
    /// above holding `.git`). Never fails: a folder outside every
    /// repository, or a repository libgit2 cannot read, tells nothing.
    pub fn read(dir: &Path) -> Checkout {
        let Ok(repo) = git2::Repository::discover(dir) else {
            return Checkout::default();
        };
        let url = |name: &str| Some(repo.find_remote(name).ok()?.url().ok()?.to_owned());
        let remote = url("origin").or_else(|| {
            let names = repo.remotes().ok()?;
            match names.len() {
                1 => url(names.get(0).ok().flatten()?),
                _ => None,
            }
        });
        let branch = repo.head().ok().and_then(|head| {
            if head.is_branch() {
                head.shorthand().ok().map(str::to_owned)
            } else {
                head.target().map(|commit| commit.to_string())
            }
        });
        Checkout { remote, branch }
    }
}
