//! Hugo's `aliases`: the old paths a page answers at get redirect pages,
//! links to them are `redirected-link` with a fix, and an alias that can
//! redirect nothing is `invalid-alias` at its place in the front matter.

mod common;

use common::*;

const NEW: &str = "---\ntitle: Renamed guide\naliases:\n  - old-guide.md\n  - /legacy/setup/\n  - /start\n---\n# Renamed guide\n\n## Steps\n";

#[test]
fn build_writes_a_redirect_page_at_each_alias() {
    let site = Fixture::new();
    site.write("content/en-us/guide/new.md", NEW);
    site.write(
        "content/en-us/index.md",
        "# Home\n\n[Guide](guide/new.md)\n",
    );
    let output = site.build(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let target = site.out("en-us/guide/new.html");
    for alias in [
        "en-us/guide/old-guide.html",
        "en-us/legacy/setup/index.html",
        "en-us/start/index.html",
    ] {
        let page = site.out(alias);
        let html = parse_file(&page);
        let refresh = attrs(&html, r#"meta[http-equiv="refresh"]"#, "content");
        let [refresh] = refresh.as_slice() else {
            panic!("{alias}: one refresh, got {refresh:?}");
        };
        let href = refresh
            .strip_prefix("0; url=")
            .unwrap_or_else(|| panic!("{alias}: {refresh}"));
        assert_eq!(resolve(&page, href), target, "{alias} leads to the page");
        assert_eq!(
            attrs(&html, r#"link[rel="canonical"]"#, "href"),
            [href],
            "{alias}"
        );
        assert_eq!(
            texts(&html, "h1"),
            ["Renamed guide"],
            "{alias} shows the page's title"
        );
    }
    // An alias is not a page: the navigation does not list it.
    let home = site.html("en-us/index.html");
    assert!(
        !links(&home, "a")
            .iter()
            .any(|(_, href)| href.contains("old-guide") || href.contains("legacy")),
        "the navigation lists pages, not aliases"
    );
}

#[test]
fn links_to_an_alias_are_redirected_links_with_a_fix() {
    let site = Fixture::new();
    site.write("content/en-us/guide/new.md", NEW);
    site.write(
        "content/en-us/index.md",
        "# Home\n\n[Guide](guide/old-guide.md#steps)\n\n[Setup](legacy/setup/)\n",
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0), "warnings only");
    assert_eq!(
        findings(&doc),
        set(&[
            ("redirected-link", "content/en-us/index.md", 3),
            ("redirected-link", "content/en-us/index.md", 5),
        ])
    );
    let old = finding_at(&doc, "content/en-us/index.md", 3);
    assert_eq!(
        old["message"],
        "link `guide/old-guide.md#steps` points to `guide/old-guide.md`, which moved: `guide/new.md` lists it among its aliases (line 4)"
    );
    assert_eq!(replacements(old), ["guide/new.md#steps"]);
    let output = polydoc(site.root(), &["check", "--fix", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let fixed = std::fs::read_to_string(site.root().join("content/en-us/index.md")).unwrap();
    assert_eq!(
        fixed, "# Home\n\n[Guide](guide/new.md#steps)\n\n[Setup](legacy/setup/)\n",
        "the folder link is left to a person"
    );
}

/// A translation without the source's alias: its link to the old path is
/// broken, and the help says which page lacks the alias.
#[test]
fn a_translation_lacking_the_alias_is_told_so() {
    let site = Fixture::new();
    site.write("content/en-us/guide/new.md", NEW);
    site.write(
        "content/de-de/guide/new.md",
        "---\ntitle: Umbenannt\n---\n# Umbenannt\n",
    );
    site.write(
        "content/de-de/index.md",
        "# Start\n\n[Anleitung](guide/old-guide.md)\n",
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[("broken-link", "content/de-de/index.md", 3)])
    );
    let broken = finding_at(&doc, "content/de-de/index.md", 3);
    assert_eq!(
        broken["help"],
        "`en-us`'s `guide/new.md` lists `guide/old-guide.md` among its aliases: add the alias to `content/de-de/guide/new.md` too, or link to `guide/new.md`"
    );
    let output = site.build(&[]);
    assert!(site.out("en-us/guide/old-guide.html").is_file());
    assert!(
        !site.out("de-de/guide/old-guide.html").exists(),
        "each locale's page declares its own aliases: {}",
        stderr(&output)
    );
}

#[test]
fn aliases_that_redirect_nothing_are_invalid() {
    let site = Fixture::new();
    site.write(
        "content/en-us/guide/new.md",
        "---\ntitle: New\naliases:\n  - old.md\n  - other.html\n  - new.md\n  - https://example.com/old\n  - ../../out.md\n  - picture.png\n---\n# New\n",
    );
    site.write(
        "content/en-us/guide/other.md",
        "---\naliases: [old.md, /404.html, /images/]\n---\n# Other\n",
    );
    site.write("content/en-us/picture.png", "png");
    site.write(
        "content/en-us/guide/moved.md",
        "---\naliases: [gone.md]\n---\n# Moved\n",
    );
    site.write(
        ".openpublishing.redirection.json",
        r#"{"redirections": [{"source_path": "content/en-us/guide/gone.md", "redirect_url": "other.md"}]}"#,
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    let new = "content/en-us/guide/new.md";
    let moved = "content/en-us/guide/moved.md";
    let other = "content/en-us/guide/other.md";
    assert_eq!(
        places(&doc),
        [
            ("invalid-alias".to_owned(), moved.to_owned(), 2, 11),
            ("invalid-alias".to_owned(), new.to_owned(), 5, 5),
            ("invalid-alias".to_owned(), new.to_owned(), 6, 5),
            ("invalid-alias".to_owned(), new.to_owned(), 7, 5),
            ("invalid-alias".to_owned(), new.to_owned(), 8, 5),
            ("invalid-alias".to_owned(), new.to_owned(), 9, 5),
            ("invalid-alias".to_owned(), other.to_owned(), 2, 11),
            ("invalid-alias".to_owned(), other.to_owned(), 2, 19),
        ]
    );
    let messages: Vec<&str> = fields(&doc, "message");
    assert_eq!(
        messages,
        [
            "alias `gone.md` names `guide/gone.md` of `en-us`, already listed as moved to `other.md`; the build writes no redirect for it",
            "alias `other.html` names `guide/other.md`, a file of `en-us`, which the build writes there; the build writes no redirect for it",
            "alias `new.md` names this page itself; the build writes no redirect for it",
            "alias `https://example.com/old` is an address: an alias is a path of this site, where the page used to be; the build writes no redirect for it",
            "alias `../../out.md` climbs out of the locale folder; the build writes no redirect for it",
            "alias `picture.png` names a file that is no page: a redirect is an HTML page, so name the old page's `.md` or `.html` path, or its folder (`old/`); the build writes no redirect for it",
            "alias `old.md` names `guide/old.md` of `en-us`, already an alias of `guide/new.md`; the build writes no redirect for it",
            "alias `/404.html` names `404.html`, a page the build makes for `en-us`; the build writes no redirect for it",
        ]
    );
    let claimed = finding_at(&doc, other, 2);
    assert_eq!(related(claimed), [(new, 4)], "the entry that wins");
    // `/images/` is free (the image is `picture.png`, not a folder page):
    // its redirect is written; the others are not.
    let output = site.build(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("invalid-alias: 8"),
        "the build's summary of the checks: {}",
        stdout(&output)
    );
    assert!(site.out("en-us/images/index.html").is_file());
    assert!(site.out("en-us/guide/old.html").is_file());
    let other_page = site.html("en-us/guide/other.html");
    assert_eq!(
        texts(&other_page, "h1"),
        ["Other"],
        "the file wins over the alias"
    );
    let not_found = site.html("en-us/404.html");
    assert!(
        select(&not_found, r#"meta[http-equiv="refresh"]"#).is_empty(),
        "the 404 page stays"
    );
}

/// A draft's aliases go with it; an include's front matter has none.
#[test]
fn drafts_and_includes_declare_no_aliases() {
    let site = Fixture::new();
    site.write(
        "content/en-us/draft.md",
        "---\ndraft: true\naliases: [old-draft.md]\n---\n# Draft\n",
    );
    site.write(
        "content/en-us/includes/note.md",
        "---\naliases: [/from-include.md]\n---\nA note.\n",
    );
    site.write(
        "content/en-us/index.md",
        "# Home\n\n[!INCLUDE [note](includes/note.md)]\n",
    );
    let output = site.build(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!site.out("en-us/old-draft.html").exists());
    assert!(!site.out("en-us/from-include.html").exists());
    let output = site.build(&["--drafts"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(site.out("en-us/old-draft.html").is_file());
}

/// With a published address, the page names itself canonical and each
/// redirect names the page, as full addresses, which search engines want.
#[test]
fn with_a_base_url_canonical_links_are_full_addresses() {
    let site = Fixture::new();
    site.write("content/en-us/guide/new.md", NEW);
    site.write("content/en-us/index.md", "# Home\n");
    let output = site.build(&["--base-url", "https://docs.example.com/kb/"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = site.html("en-us/guide/new.html");
    assert_eq!(
        attrs(&page, r#"link[rel="canonical"]"#, "href"),
        ["https://docs.example.com/kb/en-us/guide/new.html"]
    );
    let redirect = site.html("en-us/legacy/setup/index.html");
    assert_eq!(
        attrs(&redirect, r#"link[rel="canonical"]"#, "href"),
        ["https://docs.example.com/kb/en-us/guide/new.html"]
    );
    assert_eq!(
        attrs(&redirect, r#"meta[http-equiv="refresh"]"#, "content"),
        ["0; url=../../guide/new.html"],
        "the redirect itself stays relative, as every link of the site"
    );
    // Without one, no canonical on articles: a relative one means nothing.
    let output = site.build(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = site.html("en-us/guide/new.html");
    assert!(select(&page, r#"link[rel="canonical"]"#).is_empty());
}
