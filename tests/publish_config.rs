//! `.openpublishing.publish.config.json`, Microsoft's publishing
//! configuration at a repository's root: the redirection files it lists,
//! the repositories it clones into the copy, and where the public edits
//! the repository.

mod common;

use common::*;

/// A repository that splits its redirections by service lists the files
/// in its publishing configuration (azure-docs lists dozens): each is
/// read as the default one is, and one listed but missing is an error at
/// its entry.
#[test]
fn redirection_files_the_publishing_configuration_lists_are_read() {
    let site = Fixture::new();
    site.write(
        ".openpublishing.publish.config.json",
        "{\n  \"docsets_to_publish\": [\n    {\"docset_name\": \"kb\", \"redirection_files\": [\".openpublishing.redirection.monitor.json\"]}\n  ],\n  \"redirection_files\": [\".openpublishing.redirection.json\", \"redirects/gone.json\"]\n}\n",
    )
    .write(
        ".openpublishing.redirection.monitor.json",
        r#"{"redirections": [{"source_path": "content/es-es/old.md", "redirect_url": "a.md"}]}"#,
    )
    .write("content/es-es/a.md", "# A\n\n[Viejo](old.md)\n");
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            ("redirected-link", "content/es-es/a.md", 3),
            (
                "invalid-redirection",
                ".openpublishing.publish.config.json",
                5
            ),
        ])
    );
    let missing = finding_where(&doc, |f| f["rule"] == "invalid-redirection");
    assert_eq!(
        (
            missing["location"]["column"].as_u64(),
            missing["location"]["end_column"].as_u64()
        ),
        (Some(62), Some(81))
    );
    assert_eq!(
        missing["message"],
        "the publishing configuration lists `redirects/gone.json` among its redirection files, which does not exist: its redirections are unknown"
    );
    site.build(&[]);
    let html = site.html("es-es/old.html");
    assert_eq!(
        attr(&select(&html, "meta[http-equiv=refresh]")[0], "content"),
        "0; url=a.html"
    );
}

/// A repository the publishing clones into the copy (azure-docs' shared
/// includes, `reusable-content/`) is not in a clone of the repository
/// alone: what leads there is not checked, and one note says so; once
/// cloned, its files are read like the copy's own.
#[test]
fn repositories_the_publishing_clones_in_are_not_checked_until_cloned() {
    let site = Fixture::new();
    site.write(
        ".openpublishing.publish.config.json",
        "{\n  \"dependent_repositories\": [\n    {\"path_to_root\": \"content/en-us/reusable-content\", \"url\": \"https://github.com/MicrosoftDocs/reusable-content\", \"branch\": \"main\"},\n    {\"path_to_root\": \"_themes\", \"url\": \"https://github.com/Microsoft/templates.docs.msft\"}\n  ]\n}\n",
    )
    .write(
        "content/en-us/a.md",
        "# A\n\n[!INCLUDE [shared](~/reusable-content/includes/note.md)]\n\n[Shared](reusable-content/b.md), [gone](gone.md)\n\n[!code-csharp[](~/reusable-content/samples/a.cs)]\n",
    )
    .write(
        "content/en-us/toc.yml",
        "- name: Shared\n  href: reusable-content/b.md\n- name: A\n  href: a.md\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("broken-link", "content/en-us/a.md", 5),
            (
                "dependency-not-cloned",
                ".openpublishing.publish.config.json",
                3
            ),
        ])
    );
    let note = finding_where(&doc, |f| f["rule"] == "dependency-not-cloned");
    assert_eq!(
        note["message"],
        "3 links, includes and code references lead into `content/en-us/reusable-content/`, where the publishing clones a repository (https://github.com/MicrosoftDocs/reusable-content) that this copy lacks: they are not checked"
    );
    assert_eq!(note["location"]["column"], 23);
    // Cloned: read and checked as the copy's own.
    site.write(
        "content/en-us/reusable-content/includes/note.md",
        "A shared note.\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            // `reusable-content/b.md` and `gone.md`.
            ("broken-link", "content/en-us/a.md", 5),
            ("codesnippet-not-found", "content/en-us/a.md", 7),
            ("broken-toc-entry", "content/en-us/toc.yml", 2),
        ])
    );
    site.build(&[]);
    let html = site.html("en-us/a.html");
    assert!(
        texts(&html, "article p")
            .concat()
            .contains("A shared note.")
    );
}

/// Without `[edit]`, pages link where Learn's "Edit" button does: the
/// repository the configuration opens to public contributors, at its
/// branch; a configuration closed to them gives no link.
#[test]
fn the_public_repository_gives_the_edit_links() {
    let site = Fixture::new();
    site.write(
        ".openpublishing.publish.config.json",
        r#"{"open_to_public_contributors": true,
            "git_repository_url_open_to_public_contributors": "https://github.com/MicrosoftDocs/azure-docs.git",
            "git_repository_branch_open_to_public_contributors": "live"}"#,
    )
    .write("content/en-us/get started/a.md", "# A\n");
    site.build(&[]);
    let edit = |page: &str| attrs(&site.html(page), "footer a.edit-link", "href").join(" ");
    assert_eq!(
        edit("en-us/get started/a.html"),
        "https://github.com/MicrosoftDocs/azure-docs/blob/live/content/en-us/get%20started/a.md"
    );
    // `[edit]` wins.
    site.write(
        "polydoc.toml",
        "[edit]\nurl = \"https://example.com/{path}\"\n",
    );
    site.build(&[]);
    assert_eq!(
        edit("en-us/get started/a.html"),
        "https://example.com/content/en-us/get%20started/a.md"
    );
    site.write("polydoc.toml", "")
        .write(
            ".openpublishing.publish.config.json",
            r#"{"open_to_public_contributors": false, "git_repository_url_open_to_public_contributors": "https://github.com/x/y"}"#,
        );
    site.build(&[]);
    assert_eq!(edit("en-us/get started/a.html"), "");
}
