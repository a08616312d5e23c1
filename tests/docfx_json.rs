//! `docfx.json` in a locale folder: its `globalMetadata` and
//! `fileMetadata` reach each page under the page's own front matter, as
//! DocFX applies them; its `build.content` decides which files are
//! articles; a file that cannot be read is a finding at its place.

mod common;

use common::{Fixture, attrs, check_json, findings, select, set, texts};

/// As Microsoft's docsets write it (`WindowsServerDocs/docfx.json`), with
/// a comment and a trailing comma, which DocFX reads; and an
/// `ms.contentlocale` for every page, which says nothing of where a file
/// was copied (`content-locale-mismatch` reads a page's own).
const DOCFX: &str = r#"{
  // the docset's project
  "build": {
    "content": [
      { "files": ["**/*.md", "**/*.yml"], "exclude": ["**/includes/**", "README.md"] }
    ],
    "globalMetadata": { "titleSuffix": "Contoso", "ms.topic": "article", "ms.contentlocale": "de-de" },
    "fileMetadata": {
      "ROBOTS": { "archive/**/*.md": "NOINDEX" },
      "no-loc": { "**/*.md": ["SEH"] },
      "titleSuffix": { "special/*.md": "Special", },
      "appliesto": { "archive/**/*.md": [
        "✅ <a href=\"https://learn.microsoft.com/windows-server/get-started/windows-server-release-info\">Windows Server 2022</a>",
        "✅ Windows Server 2019"
      ] },
    }
  }
}
"#;

/// Missing a comma on line 3.
const BROKEN: &str = "{\n  \"build\": {\n    \"globalMetadata\": { \"a\": 1 \"b\": 2 }\n  }\n}\n";

fn site() -> Fixture {
    let site = Fixture::new();
    for (locale, docfx) in [("en-us", DOCFX), ("it-it", BROKEN)] {
        let dir = format!("content/{locale}/docs");
        site.write(&format!("{dir}/docfx.json"), docfx)
            .write(&format!("{dir}/index.md"), "# Home\n\n[Old](archive/old.md)\n")
            .write(&format!("{dir}/archive/old.md"), "# Old\n\nKept for reference.\n")
            .write(&format!("{dir}/special/own.md"), "---\ntitleSuffix: Own\n---\n# Own\n")
            .write(&format!("{dir}/special/plain.md"), "---\nappliesto: Windows 11\n---\n# Plain\n")
            .write(
                &format!("{dir}/glued.md"),
                "# Glued\n\nIl compilatore genera codice cheSEHsupporta le eccezioni (SEH), più di quello che supporta.\n",
            )
            .write(&format!("{dir}/README.md"), "# How to contribute\n\n[Missing](missing.md)\n")
            .write(&format!("{dir}/includes/used.md"), "Read [the guide](../gone.md).\n")
            .write(&format!("{dir}/includes/unused.md"), "Read [the guide](../gone.md).\n")
            .write(
                &format!("{dir}/special/included.md"),
                "# With a note\n\n[!INCLUDE [note](../includes/used.md)]\n",
            );
    }
    site
}

#[test]
fn metadata_reaches_pages_under_their_front_matter() {
    let site = site();
    let out = site.build(&[]);
    // Built with errors: the it-it project file. The summary says the
    // other one was read.
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    let summary = common::stdout(&out);
    let first = summary.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("Built 13 pages in 2 locales (en-us 6, it-it 7)"),
        "{first}"
    );
    assert!(first.ends_with("; metadata from 1 docfx.json"), "{first}");
    let title = |page: &str| texts(&site.html(page), "title").concat();
    assert_eq!(
        title("en-us/docs/index.html"),
        "Home - Contoso · Documentation"
    );
    // The last glob matching wins over the global value; front matter
    // over both.
    assert_eq!(
        title("en-us/docs/special/plain.html"),
        "Plain - Special · Documentation"
    );
    assert_eq!(
        title("en-us/docs/special/own.html"),
        "Own - Own · Documentation"
    );
    let robots = |page: &str| attrs(&site.html(page), "meta[name=robots]", "content").concat();
    assert_eq!(robots("en-us/docs/archive/old.html"), "NOINDEX");
    assert_eq!(robots("en-us/docs/index.html"), "");
    // The project whose file cannot be read gives its pages nothing, and
    // they are still built.
    assert_eq!(title("it-it/docs/index.html"), "Home · Documentation");
    assert_eq!(robots("it-it/docs/archive/old.html"), "");
    // `appliesto`, from the project or the front matter, is Learn's line
    // under the title, in the page's language.
    let applies = |page: &str| {
        let html = site.html(page);
        let label = texts(&html, "h1 + .applies-to > .applies-to-label").concat();
        (label, texts(&html, "h1 + .applies-to li"))
    };
    assert_eq!(
        applies("en-us/docs/archive/old.html"),
        (
            "Applies to:".to_owned(),
            vec![
                "✅ Windows Server 2022".to_owned(),
                "✅ Windows Server 2019".to_owned()
            ]
        )
    );
    let link = attrs(
        &site.html("en-us/docs/archive/old.html"),
        ".applies-to a",
        "href",
    )
    .concat();
    assert_eq!(
        link,
        "https://learn.microsoft.com/windows-server/get-started/windows-server-release-info"
    );
    assert_eq!(
        applies("it-it/docs/special/plain.html"),
        ("Si applica a:".to_owned(), vec!["Windows 11".to_owned()])
    );
    assert_eq!(applies("en-us/docs/index.html"), (String::new(), vec![]));
    // A file the content globs leave out is no page; the project file is
    // never published.
    for locale in ["en-us", "it-it"] {
        assert!(!site.out(&format!("{locale}/docs/docfx.json")).exists());
    }
    assert!(!site.out("en-us/docs/README.html").exists());
    assert!(site.out("it-it/docs/README.html").exists());
    let nav = texts(&site.html("en-us/docs/index.html"), ".site-nav a");
    assert!(!nav.iter().any(|t| t.contains("contribute")), "{nav:?}");
    assert!(!select(&site.html("en-us/docs/index.html"), ".site-nav a").is_empty());
}

#[test]
fn rules_read_the_metadata_and_a_broken_file_is_a_finding() {
    let site = site();
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            // `no-loc` from fileMetadata: only en-us has it.
            ("glued-no-loc-term", "content/en-us/docs/glued.md", 3),
            ("invalid-docfx-json", "content/it-it/docs/docfx.json", 3),
            // Left out of the content: checked where a page includes it,
            // as DocFX reads it; not where nothing does (README.md, an
            // include no page uses).
            ("broken-link", "content/en-us/docs/includes/used.md", 1),
            // Without a project file every file is read, as before.
            ("broken-link", "content/it-it/docs/README.md", 3),
            ("broken-link", "content/it-it/docs/includes/used.md", 1),
            ("broken-link", "content/it-it/docs/includes/unused.md", 1),
        ])
    );
    let broken = common::finding_where(&doc, |f| f["rule"] == "invalid-docfx-json");
    assert_eq!(broken["location"]["column"], 32);
    let message = broken["message"].as_str().unwrap_or_default();
    assert_eq!(
        message,
        "this docfx.json cannot be read: expected `,` or `}`; its metadata is not applied"
    );
}

#[test]
fn drift_leaves_out_what_no_locale_reads() {
    let site = Fixture::new();
    for locale in ["en-us", "it-it"] {
        let dir = format!("content/{locale}/docs");
        site.write(&format!("{dir}/docfx.json"), DOCFX)
            .write(
                &format!("{dir}/index.md"),
                "# Home\n\n[!INCLUDE [n](includes/used.md)]\n",
            )
            .write(&format!("{dir}/includes/used.md"), "A note.\n");
    }
    // Only en-us has them: left out of the content there, and included
    // by no page.
    site.write("content/en-us/docs/README.md", "# How to contribute\n")
        .write("content/en-us/docs/includes/unused.md", "Old.\n");
    let out = common::polydoc(site.root(), &["drift", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("drift JSON");
    let paths: Vec<&str> = doc["pages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|page| page["path"].as_str())
        .collect();
    assert_eq!(paths, ["docs/includes/used.md", "docs/index.md"]);
}

#[test]
fn an_xref_service_resolves_the_uids_no_page_declares() {
    let page = "# Types\n\nSee <xref:System.String> and [the widget](xref:Contoso.Widget).\n";
    let with_service = r#"{"build": {"xrefService": ["https://learn.microsoft.com/api/xrefs/xref/query?uid={uid}"]}}"#;
    let site = |docfx: &str, toml: &str| {
        let site = Fixture::new();
        site.write("content/en-us/docfx.json", docfx)
            .write("content/en-us/types.md", page)
            .write("polydoc.toml", toml);
        site
    };
    let uids = |site: &Fixture| {
        let (_, doc) = check_json(site.root(), &[]);
        common::lines_of(&doc, "uid-not-found").len()
    };
    // Left to the service, shown by their API names.
    let served = site(with_service, "");
    assert_eq!(uids(&served), 0);
    assert!(served.build(&[]).status.success());
    assert_eq!(
        texts(&served.html("en-us/types.html"), "article p").concat(),
        "See String and the widget."
    );
    // Without one, each is a finding; polydoc.toml's list wins over it.
    assert_eq!(uids(&site("{}", "")), 2);
    assert_eq!(
        uids(&site(with_service, "[xref]\nexternal = [\"System.\"]\n")),
        1
    );
}

/// `build.xref`: maps of other sites, below the `docfx.json`'s folder, as
/// DocFX looks them up. Every locale's project names the same files: read
/// once, so a map's warning comes once. A map not there (another site's
/// output, not built in this copy) is a warning at its entry, and then,
/// as with an address, which polydoc does not download, the uids no page
/// declares are left unchecked rather than each reported.
#[test]
fn docfx_json_xref_maps_are_read_from_the_project_folder() {
    let page =
        "# Types\n\nSee <xref:Contoso.Widget>, <xref:Fabrikam.Gadget> and <xref:Contoso.Nope>.\n";
    let site = |xref: &str| {
        let site = Fixture::new();
        let docfx = format!("{{\n  \"build\": {{\n    \"xref\": [{xref}]\n  }}\n}}\n");
        for locale in ["en-us", "it-it"] {
            site.write(&format!("content/{locale}/docs/docfx.json"), &docfx)
                .write(&format!("content/{locale}/docs/types.md"), page);
        }
        site.write(
            "maps/contoso.yml",
            "baseUrl: https://contoso.example/api/\nreferences:\n- uid: Contoso.Widget\n  name: Widget\n  href: Contoso.Widget.html\n",
        )
        .write(
            "maps/fabrikam.yml",
            "references:\n- uid: Fabrikam.Gadget\n  name: Gadget\n  href: api/Fabrikam.Gadget.html\n",
        );
        site
    };
    let read = site(r#""../../../maps/contoso.yml", "../../../maps\\fabrikam.yml""#);
    let (_, doc) = check_json(read.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("uid-not-found", "content/en-us/docs/types.md", 3),
            ("uid-not-found", "content/it-it/docs/types.md", 3),
            ("xref-map-relative-href", "maps/fabrikam.yml", 4),
        ])
    );
    // polydoc.toml naming the same map (by another path) reads it first,
    // with its base: the docfx.json entries do not read it again.
    read.write(
        "polydoc.toml",
        "[xref]\nmaps = [{ path = \"./maps/../maps/fabrikam.yml\", base_url = \"https://fabrikam.example/\" }]\n",
    );
    let (_, doc) = check_json(read.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("uid-not-found", "content/en-us/docs/types.md", 3),
            ("uid-not-found", "content/it-it/docs/types.md", 3),
        ])
    );
    std::fs::remove_file(read.root().join("polydoc.toml")).unwrap();
    assert!(read.build(&[]).status.success());
    let html = read.html("it-it/docs/types.html");
    let links: Vec<(String, String)> = select(&html, "article a")
        .iter()
        .map(|a| (common::text(a), common::attr(a, "href").to_owned()))
        .collect();
    assert_eq!(
        links,
        [(
            "Widget".to_owned(),
            "https://contoso.example/api/Contoso.Widget.html".to_owned()
        )]
    );

    let missing = site(r#""../../../maps/contoso.yml", "../_site/xrefmap.yml""#);
    let (_, doc) = check_json(missing.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("invalid-xref-map", "content/en-us/docs/docfx.json", 3),
            ("invalid-xref-map", "content/it-it/docs/docfx.json", 3),
        ])
    );
    let unread = common::finding_where(&doc, |f| {
        f["rule"] == "invalid-xref-map" && f["location"]["file"] == "content/en-us/docs/docfx.json"
    });
    // At the entry's first character.
    assert_eq!(unread["location"]["column"], 44, "{unread}");
    assert!(
        unread["message"].as_str().is_some_and(|m| m.starts_with(
            "an xref map this docfx.json lists is not read (cannot read the xref map content/en-us/_site/xrefmap.yml: "
        ) && m.ends_with("); uids no page declares are not checked")),
        "{unread}"
    );

    let address = site(r#""https://contoso.example/xrefmap.yml""#);
    let (_, doc) = check_json(address.root(), &[]);
    assert_eq!(findings(&doc), set(&[]));
}

#[test]
fn a_link_to_a_file_that_is_no_page_is_broken() {
    let site = Fixture::new();
    site.write("content/en-us/docs/docfx.json", DOCFX)
        .write(
            "content/en-us/docs/a.md",
            "# A\n\n[!INCLUDE [n](includes/note.md)]\n\n[the note](includes/note.md)\n\n[contributing](README.md) and [b](b.md)\n",
        )
        .write("content/en-us/docs/b.md", "# B\n")
        .write("content/en-us/docs/includes/note.md", "A note.\n")
        .write("content/en-us/docs/README.md", "# How to contribute\n")
        // Without a project file: an include file still is no page.
        .write("content/en-us/other/c.md", "# C\n\n[the note](includes/n.md)\n")
        .write("content/en-us/other/includes/n.md", "A note.\n")
        .write(
            "content/en-us/other/toc.yml",
            "- name: C\n  href: c.md\n- name: Note\n  href: includes/n.md\n",
        );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        common::places(&doc),
        [
            (
                "broken-link".to_owned(),
                "content/en-us/docs/a.md".to_owned(),
                5,
                12
            ),
            (
                "broken-link".to_owned(),
                "content/en-us/docs/a.md".to_owned(),
                7,
                16
            ),
            (
                "broken-link".to_owned(),
                "content/en-us/other/c.md".to_owned(),
                3,
                12
            ),
            (
                "broken-toc-entry".to_owned(),
                "content/en-us/other/toc.yml".to_owned(),
                4,
                9
            ),
        ]
    );
    let messages = common::fields(&doc, "message");
    for message in &messages[..2] {
        assert!(
            message.contains("a file its `docfx.json` leaves out of the pages"),
            "{message}"
        );
    }
    assert!(messages[2].contains("an include file"), "{}", messages[2]);
    // The build writes no page there.
    assert!(site.build(&[]).status.success());
    assert!(!site.out("en-us/docs/includes/note.html").exists());
    // The navigation names the entry without a link to nowhere.
    let nav = site.html("en-us/other/c.html");
    assert_eq!(texts(&nav, ".site-nav span"), ["Note"]);
    assert!(
        !attrs(&nav, ".site-nav a", "href")
            .iter()
            .any(|h| h.contains("includes"))
    );
}

/// The files of a folder, `/`-separated below it, sorted.
fn files_below(dir: &std::path::Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("listed"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("below");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

/// A DocFX project as `docfx init` writes it, built in place as one
/// locale (`[locales] en-us = "."`): the site root is the locale folder,
/// so the output folder, DocFX's own `_site`, the theme folders and
/// `polydoc.toml` all lie in it. None of them is content: every build
/// gives the same site (each used to copy the last into itself), and
/// `--out` elsewhere and back leaves no copy of the other output either.
#[test]
fn a_docfx_project_built_in_place_never_reads_its_outputs() {
    let site = Fixture::new();
    site.write("polydoc.toml", "[locales]\nen-us = \".\"\n")
        .write(
            "docfx.json",
            r#"{"build": {"content": [{"files": ["**/*.{md,yml}"], "exclude": ["_site/**"]}],
                "resource": [{"files": ["images/**"]}], "output": "_site"}}"#,
        )
        .write("index.md", "# Home\n\nSee [the intro](docs/intro.md).\n")
        .write("docs/intro.md", "# Intro\n\n![logo](../images/logo.png)\n")
        .write("images/logo.png", [0x89, b'P', b'N', b'G'])
        .write("_site/index.html", "<p>DocFX's last build</p>")
        .write("_site/manifest.json", "{}")
        .write("_site/docs/intro.md", "# A stale copy\n")
        .write("static/extra.css", "body{}")
        .write("templates/unused.html", "x");
    let expected = [
        ".polydoc-output",
        "en-us/404.html",
        "en-us/docs/intro.html",
        "en-us/images/logo.png",
        "en-us/index.html",
        "en-us/search/d0.js",
        "en-us/search/meta.js",
        "en-us/search/t0.js",
        "extra.css",
        "highlight.css",
        "index.html",
        "polydoc.css",
        "polydoc.js",
        "search.js",
    ];
    for run in 0..2 {
        let out = site.build(&[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "run {run}: {}",
            common::stderr(&out)
        );
        assert_eq!(
            files_below(&site.root().join("public")),
            expected,
            "run {run}"
        );
    }
    let out = site.build(&["--out", "elsewhere"]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert_eq!(files_below(&site.root().join("elsewhere")), expected);
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    assert_eq!(files_below(&site.root().join("public")), expected);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(findings(&doc), set(&[]), "{doc}");
}

/// DocFX's application metadata, as a knowledge base built with DocFX
/// sets it in `globalMetadata`: the header shows `_appName` and
/// `_appLogoPath`, `<title>` ends in `_appTitle` (each locale its own),
/// `_appFooter` closes every page, the pages polydoc makes included; a
/// page's `_disable*` flags and `_layout: landing` drop what they name.
#[test]
fn docfx_application_metadata_names_and_shapes_the_site() {
    let site = Fixture::new();
    let global = |title: &str| {
        format!(
            r#"{{"build": {{"globalMetadata": {{"_appName": "Contoso KB", "_appTitle": "{title}",
                "_appFooter": "<span class=\"legal\">© Contoso</span>",
                "_appLogoPath": "images/logo.svg", "_appFaviconPath": "images/logo.svg"}}}}}}"#
        )
    };
    site.write(
        "polydoc.toml",
        "[edit]\nurl = \"https://example.com/edit/{path}\"\n",
    );
    for (locale, title) in [
        ("en-us", "Contoso Knowledge Base"),
        ("de-de", "Contoso Wissensdatenbank"),
    ] {
        site.write(&format!("content/{locale}/docfx.json"), global(title))
            .write(&format!("content/{locale}/images/logo.svg"), "<svg/>")
            .write(
                &format!("content/{locale}/index.md"),
                "---\n_layout: landing\n---\n# Home\n\n## One\n\n## Two\n",
            )
            .write(
                &format!("content/{locale}/area/page.md"),
                "---\n_disableAffix: true\n_disableContribution: true\n---\n# Page\n\n## One\n\n## Two\n",
            )
            .write(&format!("content/{locale}/area/plain.md"), "# Plain\n\n## One\n\n## Two\n");
    }
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let root = site.root().join("public");
    for (page, title) in [
        ("en-us/area/plain.html", "Plain · Contoso Knowledge Base"),
        ("de-de/area/plain.html", "Plain · Contoso Wissensdatenbank"),
        ("en-us/404.html", "Page not found · Contoso Knowledge Base"),
    ] {
        let html = site.html(page);
        assert_eq!(texts(&html, "title"), [title], "{page}");
        assert_eq!(texts(&html, "a.brand"), ["Contoso KB"], "{page}");
        assert_eq!(
            texts(&html, "footer.site-footer span.legal"),
            ["© Contoso"],
            "{page}"
        );
        for href in attrs(&html, "img.brand-logo", "src")
            .into_iter()
            .chain(attrs(&html, "link[rel=icon]", "href"))
        {
            let file = common::resolve(&root.join(page), href);
            assert!(file.is_file(), "{page}: {href} is no file");
        }
    }
    let plain = site.html("en-us/area/plain.html");
    assert_eq!(select(&plain, "nav.site-nav").len(), 1);
    assert_eq!(select(&plain, "nav.toc").len(), 1);
    assert_eq!(select(&plain, "a.edit-link").len(), 1);
    let flagged = site.html("en-us/area/page.html");
    assert_eq!(select(&flagged, "nav.site-nav").len(), 1);
    assert!(select(&flagged, "nav.toc").is_empty(), "_disableAffix");
    assert!(
        select(&flagged, "a.edit-link").is_empty(),
        "_disableContribution"
    );
    let home = site.html("en-us/index.html");
    assert!(select(&home, "nav.site-nav").is_empty(), "landing layout");
    assert!(select(&home, "nav.toc").is_empty(), "landing layout");
    assert_eq!(select(&home, "div.layout.no-nav").len(), 1);
    // polydoc.toml's own title wins.
    site.write(
        "polydoc.toml",
        "title = \"Team KB\"\n[edit]\nurl = \"https://example.com/edit/{path}\"\n",
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let plain = site.html("de-de/area/plain.html");
    assert_eq!(texts(&plain, "title"), ["Plain · Team KB"]);
    assert_eq!(texts(&plain, "a.brand"), ["Team KB"]);
    assert_eq!(lines_of_rule(site.root(), "broken-link"), []);
    // A logo the copy lacks, or spells in another case, is a broken link
    // at the docfx.json's value.
    site.write(
        "content/de-de/docfx.json",
        global("KB").replace(
            "\"images/logo.svg\", \"_appFaviconPath\": \"images/logo.svg\"",
            "\"./images/Logo.svg\", \"_appFaviconPath\": \"~/img/fav.ico\"",
        ),
    );
    let (_, doc) = check_json(site.root(), &[]);
    let broken: Vec<(String, u64, u64, String)> = doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "broken-link")
        .map(|f| {
            let at = &f["location"];
            let file = at["file"].as_str().unwrap_or_default().to_owned();
            let line = at["line"].as_u64().unwrap_or_default();
            let column = at["column"].as_u64().unwrap_or_default();
            (
                file,
                line,
                column,
                f["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        broken,
        [
            (
                "content/de-de/docfx.json".to_owned(),
                3,
                34,
                "`_appLogoPath` names `./images/Logo.svg`, which matches a file of this locale only when letter case is ignored: every page shows a broken image".to_owned()
            ),
            (
                "content/de-de/docfx.json".to_owned(),
                3,
                74,
                "`_appFaviconPath` names `~/img/fav.ico`, which names no file of this locale: every page shows a broken image".to_owned()
            ),
        ]
    );
}

/// The lines of `rule`'s findings in `check`'s JSON report of `root`.
fn lines_of_rule(root: &std::path::Path, rule: &str) -> Vec<(String, u64)> {
    let (_, doc) = check_json(root, &[]);
    common::lines_of(&doc, rule)
}

#[test]
fn metadata_files_a_docfx_json_names_apply_and_are_never_published() {
    let site = Fixture::new();
    let docfx = "{\"build\": {\n  \"globalMetadata\": {\"titleSuffix\": \"Base\"},\n  \"globalMetadataFiles\": [\"meta/global.json\"],\n  \"fileMetadataFiles\": [\"../../../shared/robots.json\"]\n}}\n";
    for locale in ["en-us", "it-it"] {
        let dir = format!("content/{locale}/docs");
        site.write(&format!("{dir}/docfx.json"), docfx)
            .write(
                &format!("{dir}/index.md"),
                "# Home\n\n[Old](archive/old.md)\n",
            )
            .write(&format!("{dir}/archive/old.md"), "# Old\n\nKept.\n");
    }
    // Only en-us has its global file; the file metadata lies outside
    // every locale folder, shared by both.
    site.write(
        "content/en-us/docs/meta/global.json",
        "{\"titleSuffix\": \"Contoso\"}",
    )
    .write(
        "shared/robots.json",
        "{\"ROBOTS\": {\"archive/**\": \"NOINDEX\"}}",
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    let title = |page: &str| texts(&site.html(page), "title").concat();
    assert_eq!(
        title("en-us/docs/index.html"),
        "Home - Contoso · Documentation"
    );
    assert_eq!(
        title("it-it/docs/index.html"),
        "Home - Base · Documentation"
    );
    let robots = |page: &str| attrs(&site.html(page), "meta[name=robots]", "content").concat();
    for locale in ["en-us", "it-it"] {
        assert_eq!(
            robots(&format!("{locale}/docs/archive/old.html")),
            "NOINDEX"
        );
        assert_eq!(robots(&format!("{locale}/docs/index.html")), "");
    }
    // Configuration, as the docfx.json is.
    assert!(!site.out("en-us/docs/meta/global.json").exists());
    assert!(site.out("en-us/docs/index.html").exists());
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[("invalid-docfx-json", "content/it-it/docs/docfx.json", 3)])
    );
    let missing = common::finding_where(&doc, |f| f["rule"] == "invalid-docfx-json");
    assert_eq!(missing["location"]["column"], 28);
    assert_eq!(missing["location"]["end_column"], 44);
    let message = missing["message"].as_str().unwrap_or_default();
    assert!(
        message
            .starts_with("`globalMetadataFiles` names `meta/global.json`, which cannot be read: "),
        "{message}"
    );
    assert!(
        message.ends_with("; its metadata is not applied"),
        "{message}"
    );
}

/// DocFX reads `~/` from the `docfx.json`'s folder: in a copy of a
/// repository whose docset lives in a folder (`WindowsServerDocs/`), that
/// folder, not the locale's root; outside every project, the locale's
/// root as before.
#[test]
fn tilde_paths_start_at_the_docfx_json_folder() {
    let site = Fixture::new();
    site.write("content/en-us/docs/docfx.json", "{\"build\": {}}")
        .write(
            "content/en-us/docs/get-started/a.md",
            "# A\n\n[B](~/b.md#two), [gone](~/gone.md)\n\n[!INCLUDE [note](~/includes/note.md)]\n",
        )
        .write("content/en-us/docs/b.md", "# B\n\n## Two\n")
        .write("content/en-us/docs/includes/note.md", "Shared note.\n")
        // A file of the same name at the locale's root is not the one.
        .write("content/en-us/b.md", "# Root B\n")
        .write(
            "content/en-us/index.md",
            "# Home\n\n[A](~/docs/get-started/a.md)\n",
        );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("broken-link", "content/en-us/docs/get-started/a.md", 3)])
    );
    let broken = common::finding_where(&doc, |f| f["rule"] == "broken-link");
    assert_eq!(
        broken["message"],
        "link `~/gone.md` points to `docs/gone.md`, which does not exist in `en-us`"
    );
    site.build(&[]);
    let html = site.html("en-us/docs/get-started/a.html");
    assert_eq!(attrs(&html, "article a", "href")[0], "../b.html#two");
    assert_eq!(texts(&html, "article p").concat(), "B, goneShared note.");
    let home = site.html("en-us/index.html");
    assert_eq!(
        attrs(&home, "article a", "href"),
        ["docs/get-started/a.html"]
    );
}
