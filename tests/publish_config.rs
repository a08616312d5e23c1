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
        "4 links, includes, code references and table-of-contents entries lead into `content/en-us/reusable-content/`, where the publishing clones a repository (https://github.com/MicrosoftDocs/reusable-content) that this copy lacks: they are not checked"
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

/// A localized repository (`docs.es-es`) whose publishing takes what it
/// lacks from its source repository, cloned in at `_repo.en-us` (code
/// samples and images are seldom translated; articles not yet translated
/// show in English). Microsoft's localized repositories list it.
const LOCALIZED_CONFIG: &str = "{\n  \"docsets_to_publish\": [{\"docset_name\": \"docs\", \"build_source_folder\": \"docs\"}],\n  \"dependent_repositories\": [\n    {\"path_to_root\": \"_themes\", \"url\": \"https://github.com/Microsoft/templates.docs.msft.es-es\"},\n    {\"path_to_root\": \"_repo.en-us\", \"url\": \"https://github.com/contoso/docs\", \"branch\": \"live\"}\n  ]\n}\n";

/// The localized copy: an article naming an include, an image, a code
/// sample and an article the copy lacks, a link to an id its other page
/// lacks, and a table of contents naming the missing article.
fn localized_copy() -> Fixture {
    let site = Fixture::new();
    site.write("polydoc.toml", "[locales]\nes-es = \"docs.es-es\"\n")
        .write("docs.es-es/.openpublishing.publish.config.json", LOCALIZED_CONFIG)
        .write("docs.es-es/docs/docfx.json", r#"{"build": {"content": [{"files": ["**/*.md", "**/*.yml"]}]}}"#)
        .write(
            "docs.es-es/docs/a.md",
            "# Hola\n\n[!INCLUDE [nota](../includes/note.md)]\n\n![Captura](media/a.png)\n\n[!code-csharp[Ejemplo](~/samples/x.cs#Snippet1)]\n\nVea [b](b.md) y [c](c.md#no-existe).\n",
        )
        .write("docs.es-es/docs/c.md", "# C\n")
        .write("docs.es-es/docs/toc.yml", "- name: A\n  href: a.md\n- name: B\n  href: b.md\n");
    site
}

/// The source repository, as cloned into `_repo.en-us` of the copy.
fn clone_fallback(site: &Fixture) {
    let en = "docs.es-es/_repo.en-us";
    site.write(&format!("{en}/.openpublishing.publish.config.json"), "{}")
        .write(
            &format!("{en}/docs/docfx.json"),
            r#"{"build": {"content": [{"files": ["**/*.md", "**/*.yml"]}]}}"#,
        )
        .write(&format!("{en}/docs/a.md"), "# Hello\n\n[b](b.md)\n")
        .write(&format!("{en}/docs/b.md"), "# B\n")
        .write(&format!("{en}/docs/c.md"), "# C\n")
        .write(&format!("{en}/includes/note.md"), "An English note.\n")
        .write(&format!("{en}/docs/media/a.png"), "png")
        .write(
            &format!("{en}/docs/samples/x.cs"),
            "class X\n{\n    // <Snippet1>\n    int answer = 42;\n    // </Snippet1>\n}\n",
        );
}

/// What the localized copy's checks find, fallback or not: the id `c.md`
/// lacks, and the note on what is left unchecked.
fn the_anchor_and_the_note() -> std::collections::BTreeSet<(String, String, u64)> {
    set(&[
        ("missing-anchor", "docs.es-es/docs/a.md", 9),
        (
            "dependency-not-cloned",
            "docs.es-es/.openpublishing.publish.config.json",
            5,
        ),
    ])
}

/// A clone of the localized repository alone: the five references to
/// files it lacks are the fallback's to resolve, not errors of the copy;
/// one note says so and how to check them. Everything else is checked.
#[test]
fn a_localized_copy_leaves_what_its_fallback_repository_holds_unchecked() {
    let site = localized_copy();
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(findings(&doc), the_anchor_and_the_note());
    let note = finding_where(&doc, |f| f["rule"] == "dependency-not-cloned");
    assert_eq!(
        note["message"],
        "5 links, includes, code references and table-of-contents entries name files this localized copy lacks, which the publishing takes from its `en-us` fallback repository (https://github.com/contoso/docs), cloned into `_repo.en-us/`: they are not checked while `en-us` is no locale of the site"
    );
    assert_eq!(
        note["help"],
        "clone it (`git clone https://github.com/contoso/docs _repo.en-us`, in the folder of this file), and its code samples, images and other files stand in for the missing ones, as when published; for its articles and includes too, add it to polydoc.toml as the source locale (`source = \"en-us\"` at the top, and `en-us = \"<its folder>\"` under `[locales]`)"
    );
    // A file the copy has is checked as ever, whatever the fallback holds.
    site.write("docs.es-es/docs/a.md", "# Hola\n\n[c](C.md)\n");
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("link-case-mismatch", "docs.es-es/docs/a.md", 3),
            (
                "dependency-not-cloned",
                "docs.es-es/.openpublishing.publish.config.json",
                5
            ),
        ])
    );
    // The table of contents still names `b.md`.
    assert!(
        finding_where(&doc, |f| f["rule"] == "dependency-not-cloned")["message"]
            .as_str()
            .unwrap()
            .starts_with("1 table-of-contents entry names a file this localized copy lacks")
    );
}

/// Cloned where the configuration puts it, the source repository is no
/// part of the localized copy (its pages are English ones), but its code
/// samples and images stand in for the copy's missing ones, as when
/// published: checked (a region the sample lacks is an error of the
/// copy's reference), shown, and copied, those a page names only. The
/// note counts what is left: the include and the article the copy lacks,
/// in the page and in its table of contents.
#[test]
fn a_cloned_fallback_repository_lends_its_files_but_not_its_pages() {
    let site = localized_copy();
    clone_fallback(&site);
    site.write("docs.es-es/_repo.en-us/docs/media/unused.png", "png");
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(findings(&doc), the_anchor_and_the_note());
    let note = finding_where(&doc, |f| f["rule"] == "dependency-not-cloned");
    assert_eq!(
        note["message"],
        "3 links, includes, code references and table-of-contents entries name files this localized copy lacks, which the publishing takes from its `en-us` fallback repository (https://github.com/contoso/docs), cloned into `_repo.en-us/`: they are not checked while `en-us` is no locale of the site"
    );
    assert!(
        note["help"].as_str().unwrap().starts_with(
            "`_repo.en-us` is cloned, and its code samples, images and other files stand in"
        ),
        "{note}"
    );
    site.build(&[]);
    let html = site.html("es-es/docs/a.html");
    assert_eq!(texts(&html, "article pre code"), ["int answer = 42;"]);
    assert_eq!(attrs(&html, "article img", "src"), ["media/a.png"]);
    assert!(site.out("es-es/docs/media/a.png").is_file());
    assert!(!site.out("es-es/docs/media/unused.png").exists());
    assert!(!site.out("es-es/_repo.en-us").exists());
    assert!(!site.out("es-es/docs/b.html").exists());
    // A region the source's sample lacks is the copy's reference's error.
    site.write(
        "docs.es-es/docs/a.md",
        "# Hola\n\n[!code-csharp[Ejemplo](~/samples/x.cs#Snippet2)]\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        lines_of(&doc, "codesnippet-not-found"),
        [("docs.es-es/docs/a.md".to_owned(), 3)]
    );
}

/// Made the site's source locale, the fallback stands in for what the
/// copy lacks, as on the published site: notes, not errors, and the built
/// page shows the English include and code sample.
#[test]
fn a_fallback_repository_made_the_source_locale_stands_in_for_missing_files() {
    let site = localized_copy();
    clone_fallback(&site);
    site.write(
        "polydoc.toml",
        "source = \"en-us\"\n\n[locales]\nes-es = \"docs.es-es\"\nen-us = \"docs.es-es/_repo.en-us\"\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    let es: std::collections::BTreeSet<(String, String, u64)> = findings(&doc)
        .into_iter()
        .filter(|(rule, file, _)| {
            file.starts_with("docs.es-es/docs/") && rule != "translation-token-mismatch"
        })
        .collect();
    assert_eq!(
        es,
        set(&[
            ("source-fallback", "docs.es-es/docs/a.md", 3),
            ("source-fallback", "docs.es-es/docs/a.md", 5),
            ("source-fallback", "docs.es-es/docs/a.md", 9),
            ("missing-anchor", "docs.es-es/docs/a.md", 9),
            ("source-fallback", "docs.es-es/docs/toc.yml", 4),
        ])
    );
    assert!(lines_of(&doc, "dependency-not-cloned").is_empty());
    site.build(&[]);
    // en-us's pages are en-us's, not es-es's too.
    assert!(!site.out("es-es/_repo.en-us").exists());
    assert!(site.out("en-us/docs/b.html").exists());
    let html = site.html("es-es/docs/a.html");
    assert_eq!(texts(&html, "article pre code"), ["int answer = 42;"]);
    assert!(
        texts(&html, "article p")
            .concat()
            .contains("An English note.")
    );
}

/// A real localized repository's copy (`tests/data/real-desktop`, the
/// it-it fork of dotnet/docs-desktop: `tests/data/README.md`): its three
/// code samples, two linked articles and eleven pages its WPF table of
/// contents names are its fallback's, and its
/// `<xref:System.Drawing.Pen>` links Learn's xref service resolves (the
/// configuration's `xref_query_tags`): one note, nothing else.
#[test]
fn a_real_localized_copy_gives_one_note() {
    let site = Fixture::new();
    let real = repo().join("tests/data/real-desktop");
    for entry in walkdir::WalkDir::new(&real).into_iter().flatten() {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&real).unwrap().to_str().unwrap();
            site.write(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0));
    let config = "docs-desktop.it-it/.openpublishing.publish.config.json";
    assert_eq!(
        findings(&doc),
        set(&[("dependency-not-cloned", config, 54)])
    );
    assert!(
        finding_where(&doc, |f| f["rule"] == "dependency-not-cloned")["message"]
            .as_str()
            .unwrap()
            .starts_with(
                "16 links, includes, code references and table-of-contents entries name files"
            )
    );
    site.build(&[]);
    let html = site
        .html("it-it/dotnet-desktop-guide/framework/winforms/advanced/how-to-create-a-pen.html");
    assert_eq!(
        texts(&html, "article p span[data-ttu-id] .xref"),
        ["Pen", "Pen", "Dispose"]
    );
    // Without the service, those uids are no page's: one finding per uid,
    // however often the page links it (`Pen` five times, twice in the
    // source text beside the translation).
    site.write(config, "{}");
    let (_, doc) = check_json(site.root(), &[]);
    let page = "docs-desktop.it-it/dotnet-desktop-guide/framework/winforms/advanced/how-to-create-a-pen.md";
    assert_eq!(
        lines_of(&doc, "uid-not-found"),
        [(page.to_owned(), 21), (page.to_owned(), 29)]
    );
    assert_eq!(
        finding_at(&doc, page, 21)["message"],
        "no page has uid `System.Drawing.Pen`; the page links it 5 times on 3 lines (21, 29, 33)"
    );
}
