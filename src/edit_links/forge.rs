//! Where a forge shows a file of a repository, from the repository's
//! address, a branch and the file's path: the address DocFX's templates
//! give "Edit this page" (`getImproveTheDocHref`), for the forges they
//! know (GitHub, Azure DevOps, Bitbucket), and GitLab, which docs teams
//! host knowledge bases on as often.
//!
//! A repository is written as git's remote configuration has it:
//! `https://github.com/contoso/kb.git`, `git@github.com:contoso/kb.git`,
//! `ssh://git@github.com:22/contoso/kb`, Azure DevOps'
//! `git@ssh.dev.azure.com:v3/contoso/docs/kb`. User names, passwords and
//! tokens in it (`https://x-access-token:...@github.com/...`, as CI
//! checkouts write) never reach the page: only the forge's host and the
//! repository's path do.
//!
//! The forge is told by the host, or named by DocFX's `_gitUrlPattern`
//! (`github`, `vso`, `bitbucket`; `gitlab` here too) for a host of a
//! company's own. An address no forge is recognised in gives no link: a
//! wrong guess would send every reader to a page that does not exist.

use url::Url;

/// The forges whose file pages polydoc can address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forge {
    GitHub,
    /// Azure DevOps, and Azure Repos' older `visualstudio.com` hosts
    /// (DocFX's `vso`).
    AzureDevOps,
    Bitbucket,
    GitLab,
}

impl Forge {
    /// The forge DocFX's `_gitUrlPattern` names (any case).
    pub fn named(pattern: &str) -> Option<Forge> {
        match pattern.trim().to_ascii_lowercase().as_str() {
            "github" => Some(Forge::GitHub),
            "vso" | "azure" | "azuredevops" => Some(Forge::AzureDevOps),
            "bitbucket" => Some(Forge::Bitbucket),
            "gitlab" => Some(Forge::GitLab),
            _ => None,
        }
    }

    /// The forge a host belongs to, when it is one of the public ones (or
    /// a GitLab named so, as self-hosted ones mostly are).
    fn of_host(host: &str) -> Option<Forge> {
        let host = host.to_ascii_lowercase();
        let is = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
        if is("github.com") {
            Some(Forge::GitHub)
        } else if is("dev.azure.com") || is("visualstudio.com") {
            Some(Forge::AzureDevOps)
        } else if is("bitbucket.org") {
            Some(Forge::Bitbucket)
        } else if is("gitlab.com") || host.starts_with("gitlab.") {
            Some(Forge::GitLab)
        } else {
            None
        }
    }
}

/// A repository's web address, and the forge that serves it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    /// `https://github.com/contoso/kb`: no credentials, no port, no
    /// `.git`, no trailing `/`.
    web: String,
    forge: Forge,
}

impl Repository {
    /// The repository at `remote` (as git's configuration writes it),
    /// served by `pattern`'s forge when one is named (DocFX's
    /// `_gitUrlPattern`), else by the forge its host tells. `None` when
    /// the address is none a browser can open, or no forge is known.
    pub fn new(remote: &str, pattern: Option<Forge>) -> Option<Repository> {
        let url = web_url(remote.trim())?;
        let host = url.host_str()?.to_owned();
        let mut path = url.path().trim_end_matches('/').to_owned();
        if let Some(bare) = path.strip_suffix(".git") {
            path = bare.to_owned();
        }
        let forge = pattern.or_else(|| Forge::of_host(&host))?;
        let scheme = if url.scheme() == "http" {
            "http"
        } else {
            "https"
        };
        let mut web = format!("{scheme}://{host}{path}");
        // Azure DevOps' SSH addresses are no web addresses:
        // `ssh.dev.azure.com/v3/{org}/{project}/{repo}` opens as
        // `dev.azure.com/{org}/{project}/_git/{repo}`, and
        // `vs-ssh.visualstudio.com/v3/{org}/...` as
        // `{org}.visualstudio.com/{project}/_git/{repo}`.
        if forge == Forge::AzureDevOps {
            let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
            if let ["v3", org, project, repo] = parts.as_slice() {
                let host = host.to_ascii_lowercase();
                web = if host.ends_with("visualstudio.com") {
                    format!("https://{org}.visualstudio.com/{project}/_git/{repo}")
                } else {
                    format!("https://dev.azure.com/{org}/{project}/_git/{repo}")
                };
            }
            if !web.contains("/_git/") {
                return None;
            }
        }
        Some(Repository { web, forge })
    }

    /// Where the forge shows the file at `path` (from the repository's
    /// root, `/`-separated) on `branch` (a branch's name, or a commit's
    /// 40 hexadecimal digits).
    pub fn file(&self, branch: &str, path: &str) -> String {
        let branch = encode(branch);
        let path = encode(path.trim_start_matches('/'));
        let web = &self.web;
        match self.forge {
            Forge::GitHub => format!("{web}/blob/{branch}/{path}"),
            Forge::GitLab => format!("{web}/-/blob/{branch}/{path}"),
            Forge::Bitbucket => format!("{web}/src/{branch}/{path}"),
            Forge::AzureDevOps => {
                // `GC` takes a commit, `GB` a branch, as DocFX writes them.
                let kind = if branch.len() == 40 && branch.bytes().all(|b| b.is_ascii_hexdigit()) {
                    "GC"
                } else {
                    "GB"
                };
                format!("{web}?path=/{path}&version={kind}{branch}")
            }
        }
    }
}

/// `remote` as a URL with a host: scp-like `user@host:path` read as
/// `ssh://user@host/path`.
fn web_url(remote: &str) -> Option<Url> {
    if remote.contains("://") {
        let url = Url::parse(remote).ok()?;
        return matches!(url.scheme(), "https" | "http" | "ssh" | "git").then_some(url);
    }
    // `git@github.com:contoso/kb.git`: a host before the first `:`, with
    // no `/` in it (a local path such as `../kb` or `C:\kb` has one, or a
    // one-letter drive).
    let (host, path) = remote.split_once(':')?;
    if host.contains('/') || host.contains('\\') || host.len() < 2 {
        return None;
    }
    Url::parse(&format!("ssh://{host}/{}", path.trim_start_matches('/'))).ok()
}

/// A branch or path as it goes into the address: `&` too, since Azure
/// DevOps takes both in its query.
pub(super) fn encode(text: &str) -> String {
    crate::render::urls::encode_path(text).replace('&', "%26")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(remote: &str, branch: &str, path: &str) -> Option<String> {
        Some(Repository::new(remote, None)?.file(branch, path))
    }

    #[test]
    fn github_addresses_in_every_form_give_the_blob_page() {
        let want = "https://github.com/contoso/kb/blob/main/docs/a%20b.md";
        for remote in [
            "https://github.com/contoso/kb",
            "https://github.com/contoso/kb.git",
            "https://github.com/contoso/kb/",
            "git@github.com:contoso/kb.git",
            "ssh://git@github.com/contoso/kb.git",
            "ssh://git@github.com:22/contoso/kb.git",
            "https://x-access-token:ghs_secret@github.com/contoso/kb.git",
        ] {
            assert_eq!(
                file(remote, "main", "docs/a b.md").as_deref(),
                Some(want),
                "{remote}"
            );
        }
    }

    #[test]
    fn each_forge_has_its_own_file_page() {
        assert_eq!(
            file("git@gitlab.com:group/sub/kb.git", "live", "a.md").as_deref(),
            Some("https://gitlab.com/group/sub/kb/-/blob/live/a.md")
        );
        assert_eq!(
            file("https://gitlab.contoso.com/docs/kb", "main", "a.md").as_deref(),
            Some("https://gitlab.contoso.com/docs/kb/-/blob/main/a.md")
        );
        assert_eq!(
            file("https://ana@bitbucket.org/contoso/kb.git", "main", "a.md").as_deref(),
            Some("https://bitbucket.org/contoso/kb/src/main/a.md")
        );
        assert_eq!(
            file(
                "https://contoso@dev.azure.com/contoso/Docs/_git/kb",
                "main",
                "x/a.md"
            )
            .as_deref(),
            Some("https://dev.azure.com/contoso/Docs/_git/kb?path=/x/a.md&version=GBmain")
        );
        let commit = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(
            file("git@ssh.dev.azure.com:v3/contoso/Docs/kb", commit, "a.md").as_deref(),
            Some(
                format!("https://dev.azure.com/contoso/Docs/_git/kb?path=/a.md&version=GC{commit}")
                    .as_str()
            )
        );
        assert_eq!(
            file(
                "contoso@vs-ssh.visualstudio.com:v3/contoso/Docs/kb",
                "main",
                "a.md"
            )
            .as_deref(),
            Some("https://contoso.visualstudio.com/Docs/_git/kb?path=/a.md&version=GBmain")
        );
    }

    #[test]
    fn unknown_hosts_and_local_paths_give_none_unless_a_pattern_names_the_forge() {
        for remote in [
            "https://git.contoso.com/kb.git",
            "/srv/git/kb.git",
            "../kb",
            "C:\\repos\\kb",
            "file:///srv/git/kb.git",
            "",
            "https://dev.azure.com/contoso",
        ] {
            assert_eq!(file(remote, "main", "a.md"), None, "{remote}");
        }
        let named = Repository::new("https://git.contoso.com/kb.git", Forge::named("GitHub"));
        assert_eq!(
            named.map(|r| r.file("main", "a.md")).as_deref(),
            Some("https://git.contoso.com/kb/blob/main/a.md")
        );
        assert_eq!(Forge::named("svn"), None);
    }

    #[test]
    fn branches_and_paths_are_encoded_for_the_address() {
        assert_eq!(
            file("https://github.com/c/kb", "docs/fix #2", "a&b?.md").as_deref(),
            Some("https://github.com/c/kb/blob/docs/fix%20%232/a%26b%3F.md")
        );
    }
}
