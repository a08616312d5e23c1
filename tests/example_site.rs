//! The example site (`content/`, the two seed articles) built by the real
//! binary and checked on its parsed HTML.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use common::*;

const ES: &str = "es-es/get-started/activation-error-codes.html";
const IT: &str = "it-it/get-started/activation-error-codes.html";

fn site() -> &'static Path {
    example_site()
}

fn page(path: &str) -> scraper::Html {
    parse_file(&site().join(path))
}

fn ids(html: &scraper::Html) -> HashSet<String> {
    select(html, "[id]")
        .iter()
        .map(|e| attr(e, "id").to_owned())
        .collect()
}

/// Every `<a name="...">` written in a seed file.
fn seed_anchor_names(seed: &str) -> HashSet<String> {
    let text = std::fs::read_to_string(repo().join("content").join(seed)).unwrap();
    text.split("<a name=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect()
}

#[test]
fn every_anchor_name_of_the_seeds_became_a_heading_id() {
    for (seed, out) in [
        ("es-es/get-started/activation-error-codes.md", ES),
        ("it-it/get-started/activation-error-codes.md", IT),
    ] {
        let html = page(out);
        let names = seed_anchor_names(seed);
        assert_eq!(names.len(), 36, "{seed}: distinct anchor names");
        let heading_ids: HashSet<String> = select(
            &html,
            "article h1[id], article h2[id], article h3[id], article h4[id]",
        )
        .iter()
        .map(|e| attr(e, "id").to_owned())
        .collect();
        let missing: Vec<_> = names.difference(&heading_ids).collect();
        assert!(
            missing.is_empty(),
            "{seed}: names without a heading id: {missing:?}"
        );
        assert!(
            select(
                &html,
                "article h1 a:not(.heading-anchor), article h2 a:not(.heading-anchor), \
                 article h3 a:not(.heading-anchor), article h4 a:not(.heading-anchor)"
            )
            .is_empty(),
            "{seed}: an <a name> was left inside a heading"
        );
    }
}

#[test]
fn explicit_names_replace_the_automatic_id() {
    let html = page(ES);
    let h3 = select(&html, "h3#\\30 x8007232b-dns-name-does-not-exist");
    assert_eq!(h3.len(), 1);
    assert_eq!(text(&h3[0]), "0x8007232B: el nombre DNS no existe");
}

#[test]
fn every_fragment_link_resolves_to_an_id_on_its_page() {
    for out in [ES, IT] {
        let html = page(out);
        let ids = ids(&html);
        let links = select(&html, "a[href^='#']");
        assert!(
            links.len() > 60,
            "{out}: only {} fragment links",
            links.len()
        );
        for link in links {
            let id = &attr(&link, "href")[1..];
            assert!(ids.contains(id), "{out}: #{id} has no target");
        }
    }
}

#[test]
fn the_language_switcher_links_each_translation_both_ways() {
    for (from, to, tag) in [(ES, IT, "it-IT"), (IT, ES, "es-ES")] {
        let html = page(from);
        let links = select(&html, &format!(".language-switcher a[hreflang='{tag}']"));
        assert_eq!(links.len(), 1, "{from}");
        assert_eq!(
            resolve(&site().join(from), attr(&links[0], "href")),
            site().join(to)
        );
        let current = select(&html, ".language-switcher a[aria-current='page']");
        assert_eq!(
            resolve(&site().join(from), attr(&current[0], "href")),
            site().join(from)
        );
    }
    assert_eq!(
        text(&select(&page(ES), ".language-switcher a[hreflang='it-IT']")[0]),
        "Italiano"
    );
}

#[test]
fn pages_declare_their_language_and_hreflang_alternates() {
    for (out, lang) in [(ES, "es-ES"), (IT, "it-IT")] {
        let html = page(out);
        assert_eq!(attr(&select(&html, "html")[0], "lang"), lang);
        let alternates: Vec<(String, PathBuf)> = select(&html, "link[rel='alternate'][hreflang]")
            .iter()
            .map(|l| {
                (
                    attr(l, "hreflang").to_owned(),
                    resolve(&site().join(out), attr(l, "href")),
                )
            })
            .collect();
        assert_eq!(
            alternates,
            vec![
                ("es-ES".into(), site().join(ES)),
                ("it-IT".into(), site().join(IT)),
                ("x-default".into(), site().join(ES))
            ],
            "{out}"
        );
    }
}

#[test]
fn alerts_render_as_boxes_titled_in_the_page_language() {
    for (out, title) in [
        (ES, "Nota"),
        (IT, "Nota"),
        ("es-es/index.html", "Sugerencia"),
        ("it-it/index.html", "Suggerimento"),
    ] {
        let html = page(out);
        let alerts = select(&html, "article div.alert");
        assert!(!alerts.is_empty(), "{out}");
        let titles: Vec<String> = texts(&html, "article div.alert > p.alert-title");
        assert!(titles.iter().all(|t| t == title), "{out}: {titles:?}");
        assert!(
            select(&html, "article blockquote p")
                .iter()
                .all(|p| !text(p).starts_with("[!")),
            "{out}: alert marker left as text"
        );
    }
    assert_eq!(select(&page(IT), "article div.alert.alert-note").len(), 2);
}

#[test]
fn code_is_highlighted_with_classes_and_one_stylesheet() {
    let html = page("es-es/index.html");
    let spans = select(&html, "pre code.language-powershell span[class^='hl-']");
    assert!(spans.len() > 3, "PowerShell not highlighted");
    assert_eq!(select(&html, "pre code.language-cmd").len(), 1);
    let css = std::fs::read_to_string(site().join("highlight.css")).unwrap();
    assert!(css.contains(".hl-") && css.contains("prefers-color-scheme: dark"));
    let sheets: Vec<PathBuf> = select(&html, "link[rel='stylesheet']")
        .iter()
        .map(|l| resolve(&site().join("es-es/index.html"), attr(l, "href")))
        .collect();
    assert!(sheets.contains(&site().join("highlight.css")), "{sheets:?}");
}

#[test]
fn markdown_links_point_to_built_pages() {
    let index = site().join("es-es/index.html");
    let html = parse_file(&index);
    // Tab links (`role="tab"`) point into the page: not Markdown links.
    let hrefs: Vec<&str> = attrs(&html, "article a:not([role='tab'])", "href");
    assert_eq!(
        hrefs,
        [
            "get-started/activation-error-codes.html",
            "get-started/activation-error-codes.html#summary-of-error-codes"
        ]
    );
    assert!(resolve(&index, hrefs[0]).is_file());
    let es = page(ES);
    assert!(
        !select(&es, "article a[href^='https://support.microsoft.com']").is_empty(),
        "absolute URLs are kept"
    );
}

#[test]
fn text_that_is_no_tag_stays_visible() {
    let body = text(&select(&page(ES), "article")[0]);
    assert!(
        body.contains("slmgr -ipk <5x5 key>"),
        "`<5x5 key>` was hidden"
    );
    assert!(
        body.contains("<kms_host_name>"),
        "`<*kms_host_name*>` was hidden"
    );
}

#[test]
fn in_this_article_lists_the_h2_and_h3() {
    let html = page(ES);
    let entries = select(&html, "nav.toc li a");
    let headings = select(&html, "article h2, article h3");
    assert_eq!(entries.len(), headings.len());
    assert_eq!(entries.len(), 33);
    assert_eq!(text(&entries[0]), "Herramienta de diagnóstico");
    assert_eq!(attr(&entries[0], "href"), "#diagnostic-tool");
    assert_eq!(
        text(&select(&html, "nav.toc summary")[0]),
        "En este artículo"
    );
}

#[test]
fn navigation_marks_the_current_page_and_links_home() {
    let html = page(IT);
    let current = select(&html, ".site-nav a[aria-current='page']");
    assert_eq!(current.len(), 1);
    assert_eq!(
        text(&current[0]),
        "Risolvere i codici di errore di attivazione di Windows"
    );
    let home = select(&html, ".site-nav .nav-home a");
    assert_eq!(
        resolve(&site().join(IT), attr(&home[0], "href")),
        site().join("it-it/index.html")
    );
}

#[test]
fn the_root_is_a_language_chooser() {
    let html = page("index.html");
    let links: Vec<(String, String)> = select(&html, ".locale-list a")
        .iter()
        .map(|a| (attr(a, "lang").to_owned(), attr(a, "href").to_owned()))
        .collect();
    assert_eq!(
        links,
        [
            ("es-ES".into(), "es-es/index.html".into()),
            ("it-IT".into(), "it-it/index.html".into())
        ]
    );
    assert!(site().join("es-es/index.html").is_file() && site().join("it-it/index.html").is_file());
}

#[test]
fn titles_come_from_front_matter() {
    let html = page(ES);
    assert_eq!(
        text(&select(&html, "title")[0]),
        "Resolver códigos de error de activación de Windows · Windows Server KB"
    );
    assert_eq!(
        attr(&select(&html, "meta[name='description']")[0], "content"),
        "Aprenda a solucionar problemas de códigos de error de activación."
    );
}

#[test]
fn articles_show_when_they_were_last_updated() {
    // `ms.date: 9/18/2019` in both seeds; the index pages have no date.
    for (path, label) in [(ES, "Última actualización"), (IT, "Ultimo aggiornamento")] {
        let html = page(path);
        let footer = &select(&html, "article > footer.page-meta")[0];
        assert_eq!(text(footer), format!("{label}: 2019-09-18"));
        assert_eq!(
            attr(&select(&html, "footer time")[0], "datetime"),
            "2019-09-18"
        );
    }
    assert!(select(&page("es-es/index.html"), "footer.page-meta").is_empty());
}

/// Every file below `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn building_the_same_site_again_writes_the_same_bytes() {
    // Another process, so hash maps are seeded differently and pages
    // finish in another order: neither may show in the output.
    let dir = tempfile::tempdir().unwrap();
    let again = dir.path().join("public");
    let result = polydoc(&repo(), &["build", "--out", again.to_str().unwrap()]);
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    let (first, second) = (tree(site()), tree(&again));
    assert!(first.len() > 10, "{} files", first.len());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{} differs", path.display());
    }
}

/// The output root holds the theme's assets and the locales, nothing of
/// `serve`'s: its live-reload script is injected by the server only.
#[test]
fn the_output_root_holds_the_theme_and_the_locales_only() {
    let mut names: Vec<String> = std::fs::read_dir(site())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".polydoc-output",
            "es-es",
            "highlight.css",
            "index.html",
            "it-it",
            "polydoc.css",
            "polydoc.js",
            "search.js"
        ]
    );
}

/// Each section heading links to itself, named in the page's language;
/// the link holds no text, so the heading reads (and is indexed) as
/// written. The title (H1) is the page and has none.
#[test]
fn section_headings_link_to_themselves() {
    for (path, label) in [
        (ES, "Vínculo a esta sección"),
        (IT, "Link a questa sezione"),
    ] {
        let html = page(path);
        let headings = select(&html, "article h2[id], article h3[id], article h4[id]");
        assert!(headings.len() > 30, "{path}");
        for h in headings {
            let links = h
                .select(&scraper::Selector::parse("a.heading-anchor").unwrap())
                .collect::<Vec<_>>();
            assert_eq!(links.len(), 1, "{path}: {}", h.html());
            assert_eq!(attr(&links[0], "href"), format!("#{}", attr(&h, "id")));
            assert_eq!(attr(&links[0], "aria-label"), label);
            assert_eq!(text(&links[0]), "");
        }
        assert!(select(&html, "h1 a.heading-anchor").is_empty(), "{path}");
    }
    let es = page(ES);
    let heading = select(&es, "h3[id='0x8007232b-dns-name-does-not-exist']")[0];
    assert_eq!(text(&heading), "0x8007232B: el nombre DNS no existe");
}
