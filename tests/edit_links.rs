//! "Edit this page" without `[edit]`: DocFX's `_gitContribute` and
//! `_gitUrlPattern`, and, for the pages of a `docfx.json` project, the
//! repository the site is checked out from, as DocFX links them.

mod common;

use common::*;

fn edit_link(site: &Fixture, page: &str) -> String {
    attrs(&site.html(page), "footer a.edit-link", "href").join(" ")
}

/// `_gitContribute` in `docfx.json`'s `globalMetadata` names the
/// repository and branch; the forge is told by the host, or named by
/// `_gitUrlPattern`; front matter turns it off for one page.
#[test]
fn git_contribute_gives_each_page_its_file_on_the_forge() {
    let site = Fixture::new();
    site.write(
        "content/en-us/docfx.json",
        r#"{"build": {"content": [{"files": ["**/*.md"]}],
            "globalMetadata": {"_gitContribute": {"repo": "git@github.com:contoso/kb.git", "branch": "live"}}}}"#,
    )
    .write("content/en-us/get started/a.md", "# A\n")
    .write(
        "content/en-us/b.md",
        "---\n_gitContribute: false\n---\n# B\n",
    )
    .write(
        "content/es-es/docfx.json",
        r#"{"build": {"globalMetadata": {"_gitContribute": {"repo": "https://git.contoso.com/tfs/Docs/_git/kb", "branch": "main"},
            "_gitUrlPattern": "vso"}}}"#,
    )
    .write("content/es-es/a.md", "# A\n");
    let output = site.build(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        edit_link(&site, "en-us/get started/a.html"),
        "https://github.com/contoso/kb/blob/live/content/en-us/get%20started/a.md"
    );
    assert_eq!(edit_link(&site, "en-us/b.html"), "");
    assert_eq!(
        edit_link(&site, "es-es/a.html"),
        "https://git.contoso.com/tfs/Docs/_git/kb?path=/content/es-es/a.md&version=GBmain"
    );
    // A host no forge is known for, with no `_gitUrlPattern`: no link
    // rather than a guess.
    site.write(
        "content/es-es/docfx.json",
        r#"{"build": {"globalMetadata": {"_gitContribute": {"repo": "https://git.contoso.com/kb", "branch": "main"}}}}"#,
    );
    site.build(&[]);
    assert_eq!(edit_link(&site, "es-es/a.html"), "");
    // `[edit]` wins over all.
    site.write(
        "polydoc.toml",
        "[edit]\nurl = \"https://example.com/{path}\"\n",
    );
    site.build(&[]);
    assert_eq!(
        edit_link(&site, "en-us/get started/a.html"),
        "https://example.com/content/en-us/get%20started/a.md"
    );
}

/// A repository checked out from GitHub: the pages of its `docfx.json`
/// project link to their files on the branch checked out, by their path
/// in the repository, as DocFX does with no setting at all; the pages
/// outside every project do not (polydoc links none without a setting).
/// `_gitContribute` naming only the branch takes the repository's remote.
#[test]
fn the_checked_out_repository_gives_a_docfx_projects_pages_their_links() {
    let site = Fixture::new();
    site.write("kb/content/en-us/docs/docfx.json", r#"{"build": {}}"#)
        .write("kb/content/en-us/docs/a.md", "# A\n")
        .write("kb/content/en-us/b.md", "# B\n")
        .write(
            "kb/content/es-es/docs/docfx.json",
            r#"{"build": {"globalMetadata": {"_gitContribute": {"branch": "live"}}}}"#,
        )
        .write("kb/content/es-es/docs/a.md", "# A\n");
    let root = site.root().join("kb");
    let repo = git2::Repository::init(&root).unwrap();
    repo.remote(
        "origin",
        "https://x-access-token:secret@github.com/contoso/kb.git",
    )
    .unwrap();
    let tree = repo
        .find_tree(repo.index().unwrap().write_tree().unwrap())
        .unwrap();
    let who = git2::Signature::now("T", "t@example.com").unwrap();
    repo.commit(Some("refs/heads/docs"), &who, &who, "first", &tree, &[])
        .unwrap();
    repo.set_head("refs/heads/docs").unwrap();

    let output = polydoc(&root, &["build", "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let link = |page: &str| {
        attrs(
            &parse_file(&root.join("public").join(page)),
            "footer a.edit-link",
            "href",
        )
        .join(" ")
    };
    assert_eq!(
        link("en-us/docs/a.html"),
        "https://github.com/contoso/kb/blob/docs/content/en-us/docs/a.md"
    );
    assert_eq!(link("en-us/b.html"), "");
    assert_eq!(
        link("es-es/docs/a.html"),
        "https://github.com/contoso/kb/blob/live/content/es-es/docs/a.md"
    );

    // A detached checkout (a pull request in CI) links the commit.
    let commit = repo.head().unwrap().target().unwrap();
    repo.set_head_detached(commit).unwrap();
    polydoc(&root, &["build", "--quiet"]);
    assert_eq!(
        link("en-us/docs/a.html"),
        format!("https://github.com/contoso/kb/blob/{commit}/content/en-us/docs/a.md")
    );
    // A remote on a file path is no forge: no link.
    repo.remote_set_url("origin", "/srv/git/kb.git").unwrap();
    polydoc(&root, &["build", "--quiet"]);
    assert_eq!(link("en-us/docs/a.html"), "");
}

/// `_gitContribute` naming a repository no forge is known for is a
/// warning at its value in the `docfx.json`, for `check` as for `build`;
/// `_gitUrlPattern` naming the forge settles it.
#[test]
fn a_repository_on_no_known_forge_is_reported_where_it_is_written() {
    let site = Fixture::new();
    site.write(
        "content/en-us/docfx.json",
        "{\"build\": {\"globalMetadata\": {\n  \"_gitContribute\": {\"repo\": \"https://git.contoso.com/kb\", \"branch\": \"main\"}}}}",
    )
    .write("content/en-us/a.md", "# A\n");
    let (code, doc) = check_json(site.root(), &["--fail-on", "error"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        findings(&doc),
        set(&[("no-edit-link", "content/en-us/docfx.json", 2)])
    );
    let finding = finding_where(&doc, |f| f["rule"] == "no-edit-link");
    assert_eq!(finding["severity"], "warning");
    assert_eq!(
        (
            finding["location"]["column"].as_u64(),
            finding["location"]["end_column"].as_u64()
        ),
        (Some(31), Some(57))
    );
    assert_eq!(
        finding["message"],
        "`_gitContribute` names `https://git.contoso.com/kb`, but its host is no forge polydoc knows: pages get no \"Edit this page\" link"
    );

    site.write(
        "content/en-us/docfx.json",
        r#"{"build": {"globalMetadata": {"_gitContribute": {"repo": "https://git.contoso.com/kb", "branch": "main"}, "_gitUrlPattern": "gitea"}}}"#,
    );
    let (_, doc) = check_json(site.root(), &[]);
    let finding = finding_where(&doc, |f| f["rule"] == "no-edit-link");
    assert!(
        finding["message"]
            .as_str()
            .is_some_and(|m| m.contains("`_gitUrlPattern` names `gitea`, no forge polydoc knows")),
        "{finding}"
    );

    site.write(
        "content/en-us/docfx.json",
        r#"{"build": {"globalMetadata": {"_gitContribute": {"repo": "https://git.contoso.com/kb", "branch": "main"}, "_gitUrlPattern": "GitLab"}}}"#,
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!((code, findings(&doc)), (Some(0), set(&[])));
    site.build(&[]);
    assert_eq!(
        edit_link(&site, "en-us/a.html"),
        "https://git.contoso.com/kb/-/blob/main/content/en-us/a.md"
    );
}
