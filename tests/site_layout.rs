//! Locales, translation groups, configuration and theme overrides, on
//! small sites built by the real binary.

mod common;

use common::*;

fn page(title: &str) -> String {
    format!("---\ntitle: {title}\n---\n# {title}\n\nText.\n")
}

#[test]
fn locale_folders_are_found_by_language_tag_and_others_skipped_with_a_note() {
    let site = Fixture::new();
    site.write("content/EN-us/a.md", page("A"))
        .write("content/zh-TW/a.md", page("甲"))
        .write("content/media/logo.png", "png")
        .write("content/includes/x.md", "x");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("note[not-a-locale]"))
        .collect();
    assert_eq!(notes.len(), 2, "{err}");
    assert!(
        notes[0].starts_with("content/includes: note[not-a-locale]: skipped `includes`"),
        "{notes:?}"
    );
    assert!(site.out("en-us/a.html").is_file() && site.out("zh-tw/a.html").is_file());
    assert_eq!(
        attr(&select(&site.html("zh-tw/a.html"), "html")[0], "lang"),
        "zh-TW"
    );

    // A folder named as some tools name locales is told its tag.
    site.write("content/es_es/a.md", page("A"));
    let (_, doc) = check_json(site.root(), &[]);
    let skipped = finding_where(&doc, |f| f["location"]["file"] == "content/es_es");
    assert_eq!(skipped["rule"], "not-a-locale");
    assert_eq!(
        skipped["help"],
        "if it holds the `es-es` pages, rename it `es-es`"
    );
    // So is a clone of a localized repository, named as Microsoft names
    // them, how to make it a locale; a dotted name without a tag is not.
    site.write("content/docs-desktop.it-IT/a.md", page("A"))
        .write("content/Docs_zh-TW/a.md", page("A"))
        .write("content/v1.0/a.md", page("A"));
    let (_, doc) = check_json(site.root(), &[]);
    let fork = finding_where(&doc, |f| {
        f["location"]["file"] == "content/docs-desktop.it-IT"
    });
    assert_eq!(
        fork["help"],
        "if it is a copy of the `it-IT` localized repository, name it in polydoc.toml: `it-it = \"content/docs-desktop.it-IT\"` under `[locales]`, beside every other locale (`[locales]` replaces looking for locale folders)"
    );
    let underscore = finding_where(&doc, |f| f["location"]["file"] == "content/Docs_zh-TW");
    assert!(
        underscore["help"]
            .as_str()
            .unwrap()
            .contains("`zh-tw = \"content/Docs_zh-TW\"`")
    );
    let other = finding_where(&doc, |f| f["location"]["file"] == "content/v1.0");
    assert!(
        other["help"]
            .as_str()
            .unwrap()
            .starts_with("keep only locale folders")
    );
}

#[test]
fn translations_are_matched_case_insensitively() {
    let site = Fixture::new();
    site.write("content/en-us/Get-Started/Setup.md", page("Setup"))
        .write("content/fr-fr/get-started/setup.md", page("Installation"))
        .write("content/fr-fr/only-french.md", page("Seulement"));
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let en = site.html("en-us/Get-Started/Setup.html");
    let links = select(&en, ".language-switcher a[hreflang='fr-FR']");
    assert_eq!(
        attr(&links[0], "href"),
        "../../fr-fr/get-started/setup.html"
    );
    assert_eq!(text(&links[0]), "Français");
    let alone = site.html("fr-fr/only-french.html");
    assert!(
        select(&alone, ".language-switcher").is_empty(),
        "no switcher without translations"
    );
    assert_eq!(
        select(&alone, "link[rel='alternate']").len(),
        1,
        "only itself as alternate, no x-default"
    );
}

#[test]
fn polydoc_toml_sets_title_locales_anywhere_default_and_output() {
    let site = Fixture::new();
    site.write("elsewhere/kb-de/a.md", page("Deutsch A"))
        .write("content/en-us/a.md", page("English A"))
        .write(
            "polydoc.toml",
            "title = \"Team KB\"\noutput = \"site\"\ndefault_locale = \"de-de\"\nbase_url = \"https://kb.example.com\"\n[locales]\nen-us = \"content/en-us\"\nde-de = \"elsewhere/kb-de\"\n",
        );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = parse_file(&site.root().join("site/en-us/a.html"));
    assert_eq!(text(&select(&html, ".brand")[0]), "Team KB");
    let alternates: Vec<(&str, &str)> = select(&html, "link[rel='alternate']")
        .iter()
        .map(|l| (attr(l, "hreflang"), attr(l, "href")))
        .collect();
    assert_eq!(
        alternates,
        [
            ("de-DE", "https://kb.example.com/de-de/a.html"),
            ("en-US", "https://kb.example.com/en-us/a.html"),
            ("x-default", "https://kb.example.com/de-de/a.html")
        ]
    );
    let chooser = parse_file(&site.root().join("site/index.html"));
    let first = &select(&chooser, ".locale-list a")[0];
    assert_eq!(
        attr(first, "lang"),
        "de-DE",
        "the default locale comes first"
    );
}

#[test]
fn command_line_overrides_content_and_output() {
    let site = Fixture::new();
    site.write("docs/it-it/a.md", page("A"));
    let out = site.build(&["--content", "docs", "--out", "build/html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(site.root().join("build/html/it-it/a.html").is_file());
    assert!(
        stdout(&out).contains("Open build/html/index.html")
            || stdout(&out).contains("build/html/index.html"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn site_templates_and_static_files_override_the_theme_by_name() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", page("A"))
        .write("templates/page.html", "{% extends \"base.html\" %}{% block content %}<div class=\"mine\">{{ page.meta[\"ms.custom\"] | default(value=\"none\") }}</div>{% endblock content %}")
        .write("content/en-us/b.md", "---\nms.custom: dotted keys reach templates\n---\n# B\n")
        .write("static/polydoc.css", "body { color: red }")
        .write("static/img/logo.svg", "<svg/>");
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let html = site.html("en-us/b.html");
    assert_eq!(
        text(&select(&html, "div.mine")[0]),
        "dotted keys reach templates"
    );
    assert_eq!(
        std::fs::read_to_string(site.out("polydoc.css")).unwrap(),
        "body { color: red }"
    );
    assert!(site.out("img/logo.svg").is_file());
}

#[test]
fn a_locale_without_index_gets_a_generated_page_list_and_assets_are_copied() {
    let site = Fixture::new();
    site.write("content/en-us/guide/b.md", page("Bravo"))
        .write("content/en-us/a.md", page("Alpha"))
        .write("content/en-us/media/x.png", "png");
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let list = site.html("en-us/index.html");
    let entries: Vec<(String, &str)> = common::links(&list, ".page-list a");
    assert_eq!(
        entries,
        [
            ("Alpha".to_owned(), "a.html"),
            ("Bravo".to_owned(), "guide/b.html")
        ]
    );
    assert_eq!(
        std::fs::read_to_string(site.out("en-us/media/x.png")).unwrap(),
        "png"
    );
}

/// Older localized pages escape their titles' letters (`Conformit&#224;`,
/// `&#39;&lt;nom&gt;&#39;`), which the published site shows decoded: so
/// do the page's title, the page lists and its description.
#[test]
fn character_references_in_a_title_show_as_their_characters() {
    let site = Fixture::new();
    site.write(
        "content/it-it/zc.md",
        "---\ntitle: \"/Zc (Conformit&#224;) | Microsoft Docs\"\ndescription: \"L&#39;opzione &lt;Zc&gt;\"\n---\nTesto.\n",
    );
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let page = site.html("it-it/zc.html");
    assert_eq!(
        texts(&page, "title"),
        ["/Zc (Conformità) | Microsoft Docs · Documentation"]
    );
    assert_eq!(
        attrs(&page, "meta[name=description]", "content"),
        ["L'opzione <Zc>"]
    );
    let list = site.html("it-it/index.html");
    assert_eq!(
        texts(&list, ".page-list a"),
        ["/Zc (Conformità) | Microsoft Docs"]
    );
}

#[test]
fn navigation_opens_only_the_folders_on_the_way_to_the_page() {
    let site = Fixture::new();
    site.write("content/en-us/a/one.md", page("One"))
        .write("content/en-us/a/deep/two.md", page("Two"))
        .write("content/en-us/b/three.md", page("Three"))
        .write("content/en-us/b/index.md", page("Bee"));
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let html = site.html("en-us/a/deep/two.html");
    // Each item's own label (a folder's `<li>` also holds its children).
    let items: Vec<(String, String)> = select(&html, ".site-nav li:not(.nav-home)")
        .iter()
        .map(|li| {
            let label = li
                .children()
                .find_map(scraper::ElementRef::wrap)
                .map(|a| text(&a))
                .unwrap_or_default();
            (label, li.value().attr("class").unwrap_or("").to_owned())
        })
        .collect();
    let labels: Vec<&str> = items.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels, ["a", "deep", "Two", "One", "Bee"]);
    assert!(
        items[0].1.contains("open") && items[1].1.contains("open") && !items[4].1.contains("open")
    );
    // Nested as the folders are: Two inside deep inside a; Bee inside b.
    assert_eq!(
        texts(&html, ".site-nav li.open > ul > li.open > ul > li > a"),
        ["Two"]
    );
    let bee = &select(&html, ".site-nav li.nav-folder > a")[2];
    assert_eq!(
        attr(bee, "href"),
        "../../b/index.html",
        "a folder with index.md links to it"
    );
}

/// Hugo's and Zola's `weight`: weighted entries first, lightest first,
/// a folder weighing what its `index.md` says; the rest by file name.
#[test]
fn navigation_puts_weighted_pages_first() {
    let weighed =
        |title: &str, weight: &str| format!("---\ntitle: {title}\n{weight}---\n# {title}\n");
    let site = Fixture::new();
    site.write("content/en-us/a.md", weighed("Alpha", ""))
        .write("content/en-us/b.md", weighed("Bravo", "weight: 20\n"))
        .write("content/en-us/c.md", weighed("Charlie", "weight: \"5\"\n"))
        .write("content/en-us/d.md", weighed("Delta", "weight: heavy\n"))
        .write("content/en-us/z/index.md", weighed("Zulu", "weight: -1\n"))
        .write(
            "content/en-us/z/y.md",
            // Not flat front matter: serde_yaml reads it.
            "---\ntitle: Yankee\ntags: [x]\nweight: 1\n---\n# Yankee\n",
        )
        .write("content/en-us/z/x.md", weighed("X-ray", ""));
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let html = site.html("en-us/z/x.html");
    assert_eq!(
        texts(&html, ".site-nav li:not(.nav-home) > a"),
        [
            "Zulu", "Yankee", "X-ray", "Charlie", "Bravo", "Alpha", "Delta"
        ]
    );
}

/// "Previous" and "Next" at an article's end: (label, title, href) of
/// each, in the page's language.
fn page_turn(html: &scraper::Html) -> Vec<(String, String, String)> {
    select(html, "nav.page-turn a")
        .iter()
        .map(|a| {
            let label = texts_in(a, "span").join("");
            let title = text(a).trim_start_matches(&label).to_owned();
            (label, title, attr(a, "href").to_owned())
        })
        .collect()
}

/// Reading order is the navigation's: the folder tree in its order
/// (weights first, a folder's `index.md` before its pages), or the table
/// of contents a page shows, without its sections, addresses and pages
/// of other locales.
#[test]
fn previous_and_next_follow_the_navigation() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write("content/en-us/index.md", page("Home"))
        .write("content/en-us/a.md", page("Alpha"))
        .write("content/en-us/b.md", "---\nweight: 1\n---\n# Bravo\n")
        .write("content/en-us/guide/index.md", page("Guide"))
        .write("content/en-us/guide/step.md", page("Step"))
        .write("content/de-de/index.md", page("Start"))
        .write("content/de-de/a.md", page("Alpha DE"))
        .write(
            "content/de-de/guide/toc.yml",
            "- name: Zwei\n  href: two.md\n- name: Teil\n  href: two.md#teil\n- name: Web\n  href: https://example.com/\n- name: Fehlt\n  href: step.md\n- name: Eins\n  href: one.md\n",
        )
        .write("content/de-de/guide/one.md", page("Eins"))
        .write("content/de-de/guide/two.md", "# Zwei\n\n## Teil\n");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let turn = |path: &str| page_turn(&site.html(path));
    let step = |label: &str, title: &str, href: &str| {
        (label.to_owned(), title.to_owned(), href.to_owned())
    };
    assert_eq!(turn("en-us/index.html"), [step("Next", "Bravo", "b.html")]);
    assert_eq!(
        turn("en-us/b.html"),
        [
            step("Previous", "Home", "index.html"),
            step("Next", "Alpha", "a.html")
        ],
        "weighted first"
    );
    assert_eq!(
        turn("en-us/a.html"),
        [
            step("Previous", "Bravo", "b.html"),
            step("Next", "Guide", "guide/index.html")
        ]
    );
    assert_eq!(
        turn("en-us/guide/index.html"),
        [
            step("Previous", "Alpha", "../a.html"),
            step("Next", "Step", "step.html")
        ],
        "a folder's index.md before its pages"
    );
    assert_eq!(
        turn("en-us/guide/step.html"),
        [step("Previous", "Guide", "index.html")]
    );
    assert_eq!(
        turn("de-de/guide/two.html"),
        [step("Weiter", "Eins", "one.html")],
        "the table of contents' order; its section, address and the en-us page standing in for `step.md` are no steps"
    );
    assert_eq!(
        turn("de-de/guide/one.html"),
        [step("Zurück", "Zwei", "two.html")]
    );
    assert_eq!(
        turn("de-de/a.html"),
        [
            step("Zurück", "Start", "index.html"),
            step("Weiter", "Eins", "guide/one.html")
        ],
        "outside the folder of a table of contents, the folder tree, as its navigation shows it"
    );
    let html = site.html("de-de/guide/one.html");
    assert_eq!(
        attrs(&html, "nav.page-turn", "aria-label"),
        ["Vorheriger und nächster Artikel"]
    );
}

#[test]
fn a_template_that_fails_on_one_page_is_an_error_for_that_page_only() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "---\nms.custom: here\n---\n# A\n")
        .write("content/en-us/b.md", page("B"))
        .write("templates/page.html", "{% extends \"base.html\" %}{% block content %}{{ page.meta[\"ms.custom\"] }}{% endblock content %}");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.contains("error[")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].starts_with("content/en-us/b.md: error[template-error]: the page could not be rendered: Failed to render 'page.html'"), "{err}");
    assert!(
        err.contains("ms.custom"),
        "the message names the missing variable: {err}"
    );
    assert!(site.out("en-us/a.html").is_file());
}

#[test]
fn sitemap_lists_every_page_with_its_alternates_when_base_url_is_set() {
    let site = Fixture::new();
    site.write(
        "polydoc.toml",
        "base_url = \"https://kb.example.com/docs\"\n",
    )
    .write("content/en-us/a b.md", "# A\n")
    .write("content/es-es/a b.md", "# A\n")
    .write("content/es-es/only.md", "# Solo\n");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let xml = std::fs::read_to_string(site.out("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let sitemap_ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let urls: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((sitemap_ns, "url")))
        .collect();
    let locs: Vec<&str> = urls
        .iter()
        .filter_map(|u| u.children().find(|c| c.has_tag_name((sitemap_ns, "loc"))))
        .filter_map(|l| l.text())
        .collect();
    assert_eq!(
        locs,
        [
            "https://kb.example.com/docs/en-us/a%20b.html",
            "https://kb.example.com/docs/es-es/a%20b.html",
            "https://kb.example.com/docs/es-es/only.html",
        ]
    );
    let alternates = |url: &roxmltree::Node| -> Vec<(String, String)> {
        url.children()
            .filter(|c| c.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
            .map(|c| {
                assert_eq!(c.attribute("rel"), Some("alternate"));
                (
                    c.attribute("hreflang").unwrap().to_owned(),
                    c.attribute("href").unwrap().to_owned(),
                )
            })
            .collect()
    };
    let en = "https://kb.example.com/docs/en-us/a%20b.html".to_owned();
    let es = "https://kb.example.com/docs/es-es/a%20b.html".to_owned();
    assert_eq!(
        alternates(&urls[1]),
        [
            ("en-US".to_owned(), en.clone()),
            ("es-ES".to_owned(), es),
            ("x-default".to_owned(), en)
        ]
    );
    assert!(
        alternates(&urls[2]).is_empty(),
        "a page without translations has no alternates"
    );
}

#[test]
fn without_base_url_there_is_no_sitemap_and_a_note_says_why() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# A\n");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!site.out("sitemap.xml").exists());
    assert!(
        stderr(&out).contains("note[no-sitemap]"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("set `base_url` in polydoc.toml"));

    // A preview deployment's address, from the command line, as `hugo
    // --baseURL` takes it: the sitemap and the alternates use it.
    site.write("content/es-es/a.md", "# A\n");
    let out = site.build(&["--base-url", "https://preview.example/pr-7"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sitemap = std::fs::read_to_string(site.out("sitemap.xml")).expect("sitemap");
    assert!(sitemap.contains("<loc>https://preview.example/pr-7/en-us/a.html</loc>"));
    assert_eq!(
        attrs(&site.html("en-us/a.html"), "link[hreflang='es-ES']", "href"),
        ["https://preview.example/pr-7/es-es/a.html"]
    );

    // A knowledge base read from `file://` needs no sitemap: the note is a
    // rule like the others, which `[rules]` turns off.
    site.write("polydoc.toml", "[rules]\nno-sitemap = \"off\"\n");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("no-sitemap"), "{}", stderr(&out));
}

#[test]
fn each_locale_has_a_404_page_in_its_language() {
    let site = Fixture::new();
    site.write("content/es-es/index.md", "# Inicio\n")
        .write("content/it-it/index.md", "# Home\n");
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let page = site.html("es-es/404.html");
    assert_eq!(attr(&select(&page, "html")[0], "lang"), "es-ES");
    // Served at any missing URL: links resolve against the locale folder.
    assert_eq!(attr(&select(&page, "head base")[0], "href"), "/es-es/");
    assert_eq!(
        text(&select(&page, "main h1, article h1")[0]),
        "No se encontró la página"
    );
    let home = select(&page, "article a")[0];
    assert_eq!(attr(&home, "href"), "index.html");
    assert_eq!(
        text(&select(&site.html("it-it/404.html"), "article h1")[0]),
        "Pagina non trovata"
    );
}

#[test]
fn build_reports_progress_as_plain_lines_when_not_on_a_terminal() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", page("A"))
        .write("content/en-us/b.md", page("B"));
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.contains(&"Reading files: 2"), "{err}");
    assert!(lines.contains(&"Rendering pages: 2"), "{err}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Rendering pages done in ")),
        "{err}"
    );
    assert!(!err.contains('\r'), "no bar drawing in a log: {err:?}");
    let quiet = site.build(&["--quiet"]);
    assert!(!stderr(&quiet).contains("Reading files"));
}

#[test]
fn a_rebuild_replaces_the_whole_site_and_leaves_nothing_beside_it() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", page("A"))
        .write("content/en-us/deep/er/b.md", page("B"));
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(site.out("en-us/deep/er/b.html").is_file());

    std::fs::remove_dir_all(site.root().join("content/en-us/deep")).unwrap();
    site.write("content/en-us/c.md", page("C"));
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(site.out("en-us/a.html").is_file() && site.out("en-us/c.html").is_file());
    assert!(
        !site.out("en-us/deep").exists(),
        "the old site's pages remain"
    );
    let beside: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "content" && name != "public")
        .collect();
    assert!(beside.is_empty(), "left beside the output: {beside:?}");
}

/// DocFX's `redirect_url`: the page becomes a redirect to where it moved,
/// and leaves navigation, the page list and the sitemap. A `ROBOTS:
/// NOINDEX` page leaves the sitemap only.
#[test]
fn a_page_with_redirect_url_redirects_and_leaves_navigation() {
    let site = Fixture::new();
    site.write(
        "content/en-us/old.md",
        "---\ntitle: Old\nredirect_url: sub/new.md#part\n---\n# Old\n",
    )
    .write("content/en-us/sub/new.md", "# New\n\n## Part\n")
    .write(
        "content/en-us/ext.md",
        "---\ntitle: Ext\nredirect_url: https://example.com/x?a=1&b=2\n---\n# Ext\n",
    )
    .write("content/en-us/other.md", page("Other"))
    .write(
        "content/en-us/hidden.md",
        "---\ntitle: Hidden\nROBOTS: NOINDEX\n---\n# Hidden\n",
    )
    .write("polydoc.toml", "base_url = \"https://docs.example.com/\"\n");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let old = site.html("en-us/old.html");
    let refresh = attr(&select(&old, "meta[http-equiv=refresh]")[0], "content");
    assert_eq!(refresh, "0; url=sub/new.html#part");
    assert_eq!(
        attrs(&old, "link[rel=canonical]", "href"),
        ["https://docs.example.com/en-us/sub/new.html#part"],
        "with base_url, a full address"
    );
    assert_eq!(attrs(&old, "main a", "href"), ["sub/new.html#part"]);
    assert_eq!(attrs(&old, "meta[name=robots]", "content"), ["noindex"]);
    let target = resolve(&site.out("en-us/old.html"), "sub/new.html");
    assert!(target.is_file(), "{}", target.display());
    let ext = site.html("en-us/ext.html");
    assert_eq!(
        attr(&select(&ext, "meta[http-equiv=refresh]")[0], "content"),
        "0; url=https://example.com/x?a=1&b=2"
    );

    let other = site.html("en-us/other.html");
    let nav: Vec<String> = texts(&other, ".site-nav a");
    assert!(
        !nav.iter().any(|l| l == "Old" || l == "Ext") && nav.iter().any(|l| l == "Other"),
        "{nav:?}"
    );
    let list = site.html("en-us/index.html");
    let listed: Vec<String> = texts(&list, "main a");
    assert!(
        listed.iter().any(|l| l == "Other") && !listed.iter().any(|l| l == "Old"),
        "{listed:?}"
    );
    let sitemap = std::fs::read_to_string(site.out("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        locs.contains(&"https://docs.example.com/en-us/other.html")
            && !locs
                .iter()
                .any(|l| l.ends_with("/old.html") || l.ends_with("/ext.html"))
            && !locs.iter().any(|l| l.ends_with("/hidden.html")),
        "{locs:?}"
    );
}

/// `[edit]`: each page links to where its file is edited, by its path in
/// the git repository holding it; a locale kept in a repository of its
/// own (`[locales]`) gets its own address and its path there.
#[test]
fn pages_link_to_where_their_file_is_edited() {
    let site = Fixture::new();
    site.write(".git/HEAD", "ref: refs/heads/main\n")
        .write("content/en-us/get started/a&b.md", page("A and B"))
        .write("content/en-us/index.md", page("Home"))
        .write("kb-de/.git/HEAD", "ref: refs/heads/live\n")
        .write("kb-de/articles/get started/a&b.md", page("A und B"))
        .write(
            "polydoc.toml",
            "[locales]\nen-us = \"content/en-us\"\nde-de = \"kb-de/articles\"\n\n\
             [edit]\nurl = \"https://github.com/contoso/kb/edit/main/{path}\"\n\
             locales = { de-DE = \"https://dev.azure.com/contoso/kb/_git/kb.{locale}?path=/{path}&version=GBlive\" }\n",
        );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let edit = |page: &str| attrs(&site.html(page), "footer a.edit-link", "href").join(" ");
    assert_eq!(
        edit("en-us/get started/a&b.html"),
        "https://github.com/contoso/kb/edit/main/content/en-us/get%20started/a%26b.md"
    );
    assert_eq!(
        edit("en-us/index.html"),
        "https://github.com/contoso/kb/edit/main/content/en-us/index.md"
    );
    assert_eq!(
        edit("de-de/get started/a&b.html"),
        "https://dev.azure.com/contoso/kb/_git/kb.de-de?path=/articles/get%20started/a%26b.md&version=GBlive"
    );
    let link = select(&site.html("de-de/get started/a&b.html"), "a.edit-link")
        .first()
        .map(text);
    assert_eq!(link.as_deref(), Some("Diese Seite bearbeiten"));
    // The generated page list of a locale without index.md has no file.
    assert!(select(&site.html("de-de/index.html"), "a.edit-link").is_empty());
}

#[test]
fn without_edit_settings_pages_have_no_edit_link() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", page("A"));
    assert_eq!(site.build(&[]).status.code(), Some(0));
    assert!(select(&site.html("en-us/a.html"), "a.edit-link").is_empty());
}

/// A template that cannot make an address, or a locale the site lacks, is
/// a configuration error that names where and what to write instead.
#[test]
fn bad_edit_settings_are_configuration_errors_at_their_place() {
    let cases = [
        (
            "[edit]\nurl = \"https://github.com/contoso/kb/edit/main/\"\n",
            "polydoc.toml:2:7: invalid configuration: `[edit] url` has no `{path}`",
        ),
        (
            "[edit]\nlocales = { en-us = \"https://x.example/{branch}/{path}\" }\n",
            "polydoc.toml:2:21: invalid configuration: `[edit] locales.en-us` has `{branch}`, which polydoc does not fill in",
        ),
        (
            "[edit]\nurl = \"github.com/contoso/kb/edit/main/{path}\"\n",
            "polydoc.toml:2:7: invalid configuration: `[edit] url` is no address",
        ),
        (
            "[edit]\nlocales = { fr-fr = \"https://x.example/{path}\" }\n",
            "polydoc.toml: `[edit] locales` names `fr-fr`, which is not one of the site's locales (en-us)",
        ),
    ];
    for (toml, expected) in cases {
        let site = Fixture::new();
        site.write("content/en-us/a.md", page("A"))
            .write("polydoc.toml", toml);
        let out = site.build(&[]);
        assert_eq!(out.status.code(), Some(2), "{toml}");
        let err = stderr(&out);
        assert!(err.contains(expected), "{toml}\n{err}");
        assert!(!site.out("en-us/a.html").exists());
    }
}

/// A translated page as Microsoft's localization pipeline stamps it.
fn stamped(title: &str, hash: &str, handoff: &str) -> String {
    format!(
        "---\ntitle: {title}\nms.openlocfilehash: {hash}\nms.lasthandoff: {handoff}\n---\n# {title}\n\nText.\n"
    )
}

/// The text and link of a page's outdated notice, if it has one.
fn outdated_notice(html: &scraper::Html) -> Option<(String, String, String)> {
    let notices = select(html, "article aside.outdated-notice");
    assert!(notices.len() <= 1, "one notice at most");
    let notice = notices.first()?;
    let link = select(html, "aside.outdated-notice a")[0];
    Some((
        text(notice),
        attr(&link, "href").to_owned(),
        attr(&link, "hreflang").to_owned(),
    ))
}

/// Among peers, a translation made from an older source version says so,
/// in its language, and links to the one made from the newest; the
/// others, and pages without stamps, say nothing.
#[test]
fn a_translation_of_an_older_source_version_links_to_the_newest() {
    let site = Fixture::new();
    site.write("content/es-es/a.md", stamped("A", "aaaa1111", "01/10/2020"))
        .write("content/it-it/a.md", stamped("A", "bbbb2222", "03/05/2021"))
        .write("content/fr-fr/a.md", stamped("A", "bbbb2222", "03/06/2021"))
        .write("content/es-es/b.md", page("B"))
        .write("content/fr-fr/b.md", page("B"));
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        outdated_notice(&site.html("es-es/a.html")),
        Some((
            "Es posible que esta traducción no esté actualizada. Versión más reciente: Français"
                .to_owned(),
            "../fr-fr/a.html".to_owned(),
            "fr-FR".to_owned()
        ))
    );
    for path in [
        "it-it/a.html",
        "fr-fr/a.html",
        "es-es/b.html",
        "fr-fr/b.html",
    ] {
        assert_eq!(outdated_notice(&site.html(path)), None, "{path}");
    }
    // The language menus say it too, in the reader's language, before
    // the reader goes there.
    let fr = site.html("fr-fr/a.html");
    let mark = scraper::Selector::parse(".outdated-mark").unwrap();
    let marked: Vec<(String, String)> = select(&fr, ".language-switcher a")
        .iter()
        .map(|a| {
            let note: String = a
                .select(&mark)
                .map(|m| format!("{} {}", attr(&m, "lang"), text(&m)))
                .collect();
            (attr(a, "hreflang").to_owned(), note)
        })
        .collect();
    assert_eq!(
        marked,
        [
            ("es-ES".to_owned(), "fr-FR peut-être plus à jour".to_owned()),
            ("fr-FR".to_owned(), String::new()),
            ("it-IT".to_owned(), String::new()),
        ]
    );
}

/// With a source locale, the notice sends readers to the source page;
/// `outdated_notice = false` turns it off.
#[test]
fn with_a_source_locale_the_notice_links_to_the_source_page() {
    let site = Fixture::new();
    site.write("content/en-us/docs/a.md", page("A"))
        .write(
            "content/de-de/docs/a.md",
            stamped("A", "aaaa1111", "01/10/2020"),
        )
        .write(
            "content/ja-jp/docs/a.md",
            stamped("A", "bbbb2222", "03/05/2021"),
        )
        .write("polydoc.toml", "source = \"en-us\"\n");
    assert_eq!(site.build(&[]).status.code(), Some(0));
    assert_eq!(
        outdated_notice(&site.html("de-de/docs/a.html")),
        Some((
            "Diese Übersetzung ist möglicherweise nicht mehr aktuell. Neuere Version: English"
                .to_owned(),
            "../../en-us/docs/a.html".to_owned(),
            "en-US".to_owned()
        ))
    );
    for path in ["en-us/docs/a.html", "ja-jp/docs/a.html"] {
        assert_eq!(outdated_notice(&site.html(path)), None, "{path}");
    }
    site.write(
        "polydoc.toml",
        "source = \"en-us\"\noutdated_notice = false\n",
    );
    assert_eq!(site.build(&[]).status.code(), Some(0));
    assert_eq!(outdated_notice(&site.html("de-de/docs/a.html")), None);
}

/// On the real translations (`tests/data/README.md`), the one page that
/// `polydoc drift` calls outdated, it-it's `robocopy` (made from an older
/// source version than es-es's and fr-fr's), is the one page whose
/// notice says so, and the build's summary counts it; the others,
/// inconsistent or up to date, say nothing.
#[test]
fn real_translations_carry_the_notice_where_drift_says_outdated() {
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().join("site");
    let built = polydoc(
        &repo(),
        &[
            "build",
            "--content",
            "tests/data/real",
            "--out",
            out_dir.to_str().expect("UTF-8 path"),
        ],
    );
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let summary = stdout(&built);
    assert!(
        summary.lines().any(|l| l
            == "Translations: 1 page marked as possibly out of date (made from an older source version); run `polydoc drift` for why"),
        "{summary}"
    );
    let mut noticed = Vec::new();
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&out_dir).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        if let Some(notice) = outdated_notice(&parse_file(path)) {
            let page = path.strip_prefix(&out_dir).expect("below the output");
            noticed.push((page.to_string_lossy().replace('\\', "/"), notice));
        }
    }
    assert!(pages > 50, "{pages} pages");
    assert_eq!(
        noticed,
        [(
            "it-it/windows-commands/robocopy.html".to_owned(),
            (
                "Questa traduzione potrebbe non essere aggiornata. Versione più recente: Français"
                    .to_owned(),
                "../../fr-fr/windows-commands/robocopy.html".to_owned(),
                "fr-FR".to_owned()
            )
        )]
    );
}

/// Arabic and Hebrew pages run right to left: `dir="rtl"` on the page,
/// on their entries in other pages' language menus and in the language
/// chooser, and the theme's words in their languages.
#[test]
fn right_to_left_locales_say_so() {
    let site = Fixture::new();
    for (locale, text) in [
        (
            "en-us",
            "# Guide\n\n> [!NOTE]\n> Read on.\n\n## Start\n\n## End\n",
        ),
        (
            "ar-sa",
            "# الدليل\n\n> [!NOTE]\n> تابع القراءة.\n\n## البداية\n\n## النهاية\n",
        ),
        (
            "he-il",
            "# מדריך\n\n> [!NOTE]\n> המשיכו לקרוא.\n\n## התחלה\n\n## סוף\n",
        ),
    ] {
        site.write(&format!("content/{locale}/guide.md"), text);
    }
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (locale, dir, note, toc) in [
        ("en-us", "ltr", "Note", "In this article"),
        ("ar-sa", "rtl", "ملاحظة", "في هذه المقالة"),
        ("he-il", "rtl", "הערה", "במאמר זה"),
    ] {
        let html = site.html(&format!("{locale}/guide.html"));
        assert_eq!(attrs(&html, "html", "dir"), [dir], "{locale}");
        assert_eq!(texts(&html, ".alert .alert-title"), [note], "{locale}");
        assert_eq!(texts(&html, "#toc-title"), [toc], "{locale}");
        let menu: Vec<(&str, &str)> = select(&html, ".language-switcher a")
            .iter()
            .map(|a| (attr(a, "lang"), attr(a, "dir")))
            .collect();
        assert_eq!(
            menu,
            [("en-US", "ltr"), ("ar-SA", "rtl"), ("he-IL", "rtl")],
            "{locale}"
        );
    }
    let chooser = site.html("index.html");
    assert_eq!(
        attrs(&chooser, "html", "dir"),
        ["ltr"],
        "English is the default"
    );
    assert_eq!(
        attrs(&chooser, "main a[lang]", "dir"),
        ["ltr", "rtl", "rtl"]
    );
}
