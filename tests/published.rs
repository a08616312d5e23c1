//! `[published]` in `polydoc.toml`: links to paths of the published site
//! (`/windows-server/get-started/b`) are files of the copy when they fall
//! inside the docset's path, checked and built as relative links, and go
//! to the published site otherwise; redirection files' targets too.

mod common;

use common::*;

const CONFIG: &str =
    "[published]\npath = \"/windows-server\"\nurl = \"https://learn.microsoft.com\"\n";

const PAGE: &str = "# A\n\n[B](/windows-server/get-started/b#dos), [guía](/windows-server/get-started/), \
[nada](/windows-server/get-started/none), [otro](/virtualization/x), [inicio](/Windows-Server), \
[imagen](/windows-server/media/x.png), [mal](/windows-server/get-started/b#tres)\n";

fn site() -> Fixture {
    let site = Fixture::new();
    site.write("polydoc.toml", CONFIG)
        .write("content/es-es/index.md", "# Inicio\n")
        .write("content/es-es/get-started/index.md", "# Guía\n")
        .write("content/es-es/get-started/a.md", PAGE)
        .write("content/es-es/get-started/b.md", "# B\n\n## Dos\n")
        .write("content/es-es/media/x.png", "png");
    site
}

#[test]
fn links_into_the_docset_are_checked_as_files_of_the_locale() {
    let site = site();
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            ("broken-link", "content/es-es/get-started/a.md", 3),
            ("missing-anchor", "content/es-es/get-started/a.md", 3),
        ])
    );
    let broken = finding_where(&doc, |f| f["rule"] == "broken-link");
    assert_eq!(
        broken["message"],
        "link `/windows-server/get-started/none` points to `get-started/none.md`, which does not exist in `es-es`"
    );
    // Without `[published]`, paths of the site are not the copy's to
    // check; a note says which setting would check them.
    site.write("polydoc.toml", "");
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(
        (code, findings(&doc)),
        (
            Some(0),
            set(&[("published-path-unset", "content/es-es/get-started/a.md", 3)])
        )
    );
}

#[test]
fn links_into_the_docset_are_built_relative_and_the_rest_go_to_the_site() {
    let site = site();
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let html = site.html("es-es/get-started/a.html");
    assert_eq!(
        attrs(&html, "article a", "href"),
        [
            "b.html#dos",
            "index.html",
            "none.html",
            "https://learn.microsoft.com/virtualization/x",
            "../index.html",
            "../media/x.png",
            "b.html#tres",
        ]
    );
    let page = site.out("es-es/get-started/a.html");
    for href in [
        "b.html#dos",
        "index.html",
        "../index.html",
        "../media/x.png",
    ] {
        assert!(resolve(&page, href).is_file(), "{href}");
    }
}

/// A table of contents that links paths of the published site: into the
/// docset, its pages (and a missing one is a broken entry, quoted as
/// written); elsewhere, the published site.
#[test]
fn toc_entries_with_paths_of_the_published_site() {
    let site = site();
    site.write("content/es-es/get-started/a.md", "# A\n");
    site.write(
        "content/es-es/toc.yml",
        "- name: B\n  href: /windows-server/get-started/b\n- name: Otro\n  href: /virtualization/x\n\
         - name: Nada\n  topicHref: /windows-server/get-started/nada\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("broken-toc-entry", "content/es-es/toc.yml", 5)])
    );
    assert_eq!(
        finding_where(&doc, |f| f["rule"] == "broken-toc-entry")["message"],
        "entry `Nada` links `/windows-server/get-started/nada`, which names no file in this locale"
    );
    site.build(&[]);
    let html = site.html("es-es/get-started/a.html");
    let nav = attrs(&html, ".site-nav a", "href");
    assert!(nav.contains(&"b.html"), "{nav:?}");
    assert!(
        nav.contains(&"https://learn.microsoft.com/virtualization/x"),
        "{nav:?}"
    );
}

/// A redirection file's targets in the docset are files of the copy: the
/// moved page's redirect is built and its target checked; a target
/// elsewhere on the site redirects there.
#[test]
fn redirections_to_paths_of_the_published_site() {
    let site = site();
    site.write("content/es-es/get-started/a.md", "# A\n");
    site.write(
        ".openpublishing.redirection.json",
        r#"{"redirections": [
  {"source_path": "content/es-es/get-started/old.md", "redirect_url": "/windows-server/get-started/b"},
  {"source_path": "content/es-es/get-started/gone.md", "redirect_url": "/windows-server/get-started/nowhere"},
  {"source_path": "content/es-es/get-started/far.md", "redirect_url": "/virtualization/far"}
]}"#,
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("broken-link", ".openpublishing.redirection.json", 3)])
    );
    site.build(&[]);
    let refresh = |page: &str| {
        attrs(
            &site.html(&format!("es-es/get-started/{page}")),
            "meta[http-equiv=refresh]",
            "content",
        )
        .concat()
    };
    assert_eq!(refresh("old.html"), "0; url=b.html");
    assert_eq!(
        refresh("far.html"),
        "0; url=https://learn.microsoft.com/virtualization/far"
    );
}

/// Full addresses of the docset's pages on the published site, under
/// Learn's name or its former one, with or without a locale.
const ADDRESSES: &str = "# A\n\n\
[uno](https://learn.microsoft.com/windows-server/get-started/B#dos)\n\
[dos](https://docs.microsoft.com/windows-server/get-started/none)\n\
[tres](https://learn.microsoft.com/es-es/windows-server/get-started/b#tres)\n\
[cuatro](https://learn.microsoft.com/en-us/azure/x)\n\
[cinco](/en-us/windows-server/get-started/b)\n\
[seis](https://support.microsoft.com/en-us/help/1)\n\
[siete](https://learn.microsoft.com/ef/core/)\n\
[ocho](https://learn.microsoft.com/es-es/windows-server/none)\n";

#[test]
fn full_addresses_of_the_docset_are_checked_as_pages_and_built_as_written() {
    let site = site();
    site.write("content/es-es/get-started/a.md", ADDRESSES);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    let a = "content/es-es/get-started/a.md";
    assert_eq!(
        findings(&doc),
        set(&[
            // Line 3 is fine: the published site ignores letter case.
            ("broken-link", a, 4),
            ("hard-coded-locale", a, 5),
            ("missing-anchor", a, 5),
            ("hard-coded-locale", a, 6),
            ("hard-coded-locale", a, 7),
            ("broken-link", a, 10),
            ("hard-coded-locale", a, 10),
        ])
    );
    let english = finding_where(&doc, |f| {
        f["rule"] == "hard-coded-locale" && f["location"]["line"] == 6
    });
    assert_eq!(
        english["message"],
        "the link `https://learn.microsoft.com/en-us/azure/x` names the locale `en-us`: readers of this `es-es` page land on the `en-us` page, not on their language's"
    );
    // The column is the locale's, after `https://learn.microsoft.com/`.
    assert_eq!(english["location"]["column"], 10 + 28);
    let own = finding_where(&doc, |f| {
        f["rule"] == "hard-coded-locale" && f["location"]["line"] == 5
    });
    assert_eq!(
        own["message"],
        "the link `https://learn.microsoft.com/es-es/windows-server/get-started/b#tres` names the locale `es-es`: translations that keep it send their readers to the `es-es` page"
    );

    assert_eq!(site.build(&[]).status.code(), Some(0));
    let html = site.html("es-es/get-started/a.html");
    assert_eq!(
        attrs(&html, "article a", "href"),
        [
            "https://learn.microsoft.com/windows-server/get-started/B#dos",
            "https://docs.microsoft.com/windows-server/get-started/none",
            "https://learn.microsoft.com/es-es/windows-server/get-started/b#tres",
            "https://learn.microsoft.com/en-us/azure/x",
            "https://learn.microsoft.com/en-us/windows-server/get-started/b",
            "https://support.microsoft.com/en-us/help/1",
            "https://learn.microsoft.com/ef/core/",
            "https://learn.microsoft.com/es-es/windows-server/none",
        ]
    );
}

/// Without `[published]`, addresses are not the copy's pages, but Learn
/// still opens each page in the reader's language.
#[test]
fn a_locale_in_a_learn_address_is_found_without_published() {
    let site = site();
    site.write("polydoc.toml", "")
        .write("content/es-es/get-started/a.md", ADDRESSES);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0));
    let a = "content/es-es/get-started/a.md";
    assert_eq!(
        findings(&doc),
        set(&[
            ("hard-coded-locale", a, 5),
            ("hard-coded-locale", a, 6),
            ("hard-coded-locale", a, 10),
        ])
    );
}

/// Without `[published]`, links to paths of the published site that name
/// the copy's files once their first segment is taken off give one note
/// saying which `path` would check them; too few, or a segment whose
/// links mostly lead nowhere in the copy, give none.
#[test]
fn site_paths_that_name_the_copy_s_files_suggest_the_published_path() {
    let site = Fixture::new();
    site.write("content/es-es/index.md", "# Inicio\n")
        .write("content/es-es/get-started/b.md", "# B\n")
        .write("content/es-es/get-started/c.md", "# C\n")
        .write(
            "content/es-es/get-started/a.md",
            "# A\n\n[b](/windows-server/get-started/b)\n[c](/windows-server/get-started/c#x)\n\
[gone](/windows-server/get-started/gone)\n[es](/es-es/windows-server/get-started/b)\n\
[root](/windows-server/) [alone](/en-us) [other](/virtualization/get-started/b)\n",
        );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0));
    let a = "content/es-es/get-started/a.md";
    assert_eq!(findings(&doc), set(&[("published-path-unset", a, 3)]));
    let note = finding_where(&doc, |f| f["rule"] == "published-path-unset");
    assert_eq!(note["severity"], "note");
    assert_eq!(
        note["message"],
        "4 links start with `/windows-server/`, a path of the published site, and polydoc leaves them unchecked; 3 of them name files of this copy once `/windows-server` is taken off (`/windows-server/get-started/b` names `get-started/b.md`)"
    );
    // With `[published]`, the links are checked instead (`#x` and `gone`).
    site.write("polydoc.toml", "[published]\npath = \"/windows-server\"\n");
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("missing-anchor", a, 4),
            ("broken-link", a, 5),
            ("hard-coded-locale", a, 6),
            ("hard-coded-locale", a, 7),
        ])
    );
    // Two links are no evidence.
    site.write("polydoc.toml", "").write(
        "content/es-es/get-started/a.md",
        "# A\n\n[b](/windows-server/get-started/b) [c](/windows-server/get-started/c)\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(findings(&doc), set(&[]));
}

/// A translation that names its own locale, as the localization writes
/// for the source's `/en-us/`, sends its readers to their own language:
/// only the page it was translated from is told.
#[test]
fn only_the_source_page_is_told_about_its_own_locale() {
    let site = Fixture::new();
    let page = |locale: &str| {
        format!(
            "# A\n\n[x](https://learn.microsoft.com/{locale}/azure/x)\n[y](https://learn.microsoft.com/en-us/azure/y)\n"
        )
    };
    site.write("polydoc.toml", "default_locale = \"en-us\"\n")
        .write("content/en-us/a.md", page("en-us"))
        .write("content/es-es/a.md", page("es-es"));
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("hard-coded-locale", "content/en-us/a.md", 3),
            ("hard-coded-locale", "content/en-us/a.md", 4),
            ("hard-coded-locale", "content/es-es/a.md", 4),
        ])
    );
    // With `source`, the source locale's pages are the originals, and
    // en-us's, a translation now, names only its own locale.
    site.write(
        "polydoc.toml",
        "default_locale = \"en-us\"\nsource = \"es-es\"\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("hard-coded-locale", "content/es-es/a.md", 3),
            ("hard-coded-locale", "content/es-es/a.md", 4),
        ])
    );
}

/// azure-docs publishes `articles/` at the docset's root (`"src":
/// "articles", "dest": "."` in its `docfx.json`), and its articles link
/// to each other as `/azure/aks/intro`: that is `articles/aks/intro.md`,
/// in links, redirections and tables of contents alike. A project in a
/// folder of the locale is its docset's root.
#[test]
fn site_paths_name_the_files_a_docfx_json_publishes_there() {
    let site = Fixture::new();
    let docfx = r#"{"build": {"content": [
        {"src": "articles", "dest": ".", "files": ["**/*.md", "**/toc.yml"]},
        {"src": "articles/iot-edge", "dest": "iot-edge", "files": ["**/*.md"]}
    ]}}"#;
    site.write(
        "polydoc.toml",
        "[published]\npath = \"/azure\"\nurl = \"https://learn.microsoft.com\"\n",
    )
    .write("content/en-us/docfx.json", docfx)
    .write(
        "content/en-us/articles/index.md",
        "# Azure\n\n[AKS](/azure/aks/intro#start), [Edge](/azure/iot-edge/about), \
         [gone](/azure/aks/gone), [home](/azure/), [other](/windows/x)\n",
    )
    .write(
        "content/en-us/articles/aks/intro.md",
        "# Intro\n\n## Start\n\n[Azure](/azure/index)\n",
    )
    .write("content/en-us/articles/iot-edge/about.md", "# About\n")
    .write(
        "content/en-us/articles/toc.yml",
        "- name: Intro\n  href: /azure/aks/intro\n- name: Gone\n  href: /azure/gone\n",
    )
    .write("content/en-us/docs/docfx.json", "{\"build\": {}}")
    .write(
        "content/en-us/docs/a.md",
        "# A\n\n[B](/azure/b), [C](/azure/c)\n",
    )
    .write("content/en-us/docs/b.md", "# B\n");
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("broken-link", "content/en-us/articles/index.md", 3),
            ("broken-toc-entry", "content/en-us/articles/toc.yml", 4),
            ("broken-link", "content/en-us/docs/a.md", 3),
        ])
    );
    let message = |path: &str| {
        let f = finding_where(&doc, |f| {
            f["rule"] == "broken-link" && f["location"]["file"] == path
        });
        f["message"].as_str().unwrap_or_default().to_owned()
    };
    assert_eq!(
        message("content/en-us/articles/index.md"),
        "link `/azure/aks/gone` points to `articles/aks/gone.md`, which does not exist in `en-us`"
    );
    assert_eq!(
        message("content/en-us/docs/a.md"),
        "link `/azure/c` points to `docs/c.md`, which does not exist in `en-us`"
    );
    site.build(&[]);
    let html = site.html("en-us/articles/index.html");
    assert_eq!(
        attrs(&html, "article a", "href"),
        [
            "aks/intro.html#start",
            "iot-edge/about.html",
            "aks/gone.html",
            "index.html",
            "https://learn.microsoft.com/windows/x",
        ]
    );
    let intro = site.html("en-us/articles/aks/intro.html");
    assert_eq!(
        attrs(&intro, "article a[href$='.html']", "href"),
        ["../index.html"]
    );
    let nav = attrs(&intro, ".site-nav a", "href");
    assert!(nav.contains(&"intro.html"), "{nav:?}");
    let page = site.out("en-us/docs/a.html");
    assert_eq!(
        attrs(&site.html("en-us/docs/a.html"), "article a", "href")[0],
        "b.html"
    );
    assert!(resolve(&page, "b.html").is_file());
}
