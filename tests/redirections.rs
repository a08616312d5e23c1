//! `.openpublishing.redirection.json`: links to moved articles are
//! `redirected-link` warnings, not broken links; a file that cannot be
//! read is an error at its line and column, and the other checks run.

mod common;

use common::*;

const REDIRECTIONS: &str = r#"{
  "redirections": [
    {
      "source_path": "content/es-es/old.md",
      "redirect_url": "/windows-server/new",
      "redirect_document_id": false
    },
    {
      "source_path_from_root": "/content/es-es/guide/older.md",
      "redirect_url": "../a.md"
    }
  ]
}
"#;

#[test]
fn links_to_moved_articles_are_redirected_links() {
    let site = Fixture::new();
    site.write(
        "content/es-es/a.md",
        "# A\n\n[Viejo](old.md), [más viejo](guide/older.md) y [nada](none.md).\n",
    );
    site.write(".openpublishing.redirection.json", REDIRECTIONS);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1), "the broken link still fails the run");
    assert_eq!(
        findings(&doc),
        set(&[
            ("redirected-link", "content/es-es/a.md", 3),
            ("broken-link", "content/es-es/a.md", 3),
        ])
    );
    let moved: Vec<&str> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "redirected-link")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        moved,
        [
            "link `old.md` points to `old.md`, which moved: `.openpublishing.redirection.json` (line 4) redirects it to `/windows-server/new`",
            "link `guide/older.md` points to `guide/older.md`, which moved: `.openpublishing.redirection.json` (line 9) redirects it to `../a.md`",
        ]
    );
    let broken = finding_where(&doc, |f| f["rule"] == "broken-link");
    assert_eq!(broken["location"]["column"], 55);
}

/// A localized repository checked out beside the site, its locale folder
/// a docset below the repository's root: the file at that root counts,
/// one above the repository (past its `.git`) does not.
#[test]
fn a_separate_checkout_reads_its_own_file_and_none_above_it() {
    let site = Fixture::new();
    site.write("site/content/es-es/a.md", "# A\n\n[B](b.md)\n");
    site.write("site/content/es-es/b.md", "# B\n");
    site.write(
        "site/polydoc.toml",
        "[locales]\nes-es = \"content/es-es\"\nde-de = \"../kb.de-de/Docs\"\n",
    );
    site.write("kb.de-de/.git/HEAD", "ref: refs/heads/main\n");
    site.write(
        "kb.de-de/.openpublishing.redirection.json",
        r#"{"redirections": [{"source_path": "Docs/setup/old.md", "redirect_url": "/kb/new"}]}"#,
    );
    site.write(
        ".openpublishing.redirection.json",
        r#"{"redirections": [{"source_path": "kb.de-de/Docs/setup/gone.md", "redirect_url": "/kb/x"}]}"#,
    );
    site.write(
        "kb.de-de/Docs/setup/c.md",
        "# C\n\n[Alt](old.md) und [weg](gone.md).\n",
    );
    let (_, doc) = check_json(&site.root().join("site"), &[]);
    let rules: Vec<(&str, &str)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["message"].as_str().unwrap().split(',').next().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        [
            ("redirected-link", "link `old.md` points to `setup/old.md`"),
            ("broken-link", "link `gone.md` points to `setup/gone.md`"),
        ]
    );
}

#[test]
fn an_unreadable_file_is_an_error_at_its_place_and_the_rest_is_checked() {
    let site = Fixture::new();
    site.write("content/es-es/a.md", "# A\n\n[Nada](none.md)\n");
    site.write(
        ".openpublishing.redirection.json",
        "{\n  \"redirections\": [\n    {\"source_path\": \"x.md\",}\n  ]\n}\n",
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            ("invalid-redirection", ".openpublishing.redirection.json", 3),
            ("broken-link", "content/es-es/a.md", 3),
        ])
    );
    let bad = finding_where(&doc, |f| f["rule"] == "invalid-redirection");
    assert_eq!(
        bad["location"]["column"], 28,
        "the brace after the trailing comma"
    );
    assert!(
        bad["message"]
            .as_str()
            .unwrap()
            .starts_with("the redirections cannot be read: trailing comma"),
        "{}",
        bad["message"]
    );
}

/// `build` writes a redirect page where a moved article stood, for the
/// targets it can point at; a path of the published site it cannot.
/// Where the file is still there, the redirect wins, as in Microsoft's
/// publishing, unless it leads to a path of the published site.
#[test]
fn build_writes_a_redirect_page_where_a_moved_article_stood() {
    let site = Fixture::new();
    site.write("content/es-es/a.md", "# A\n");
    // Files still there, though an entry says they moved away.
    site.write("content/es-es/back.md", "# Back\n");
    site.write("content/es-es/kept.md", "# Kept\n");
    let entries = REDIRECTIONS.replace(
        "  ]",
        "  ,{\"source_path\": \"content/es-es/back.md\", \"redirect_url\": \"a.md\"}\n  \
         ,{\"source_path\": \"content/es-es/kept.md\", \"redirect_url\": \"/kb/kept\"}\n  ]",
    );
    site.write(".openpublishing.redirection.json", &entries);
    let out = polydoc(site.root(), &["build", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public = site.root().join("public/es-es");
    let refresh_of = |page: &str| {
        let text = std::fs::read_to_string(public.join(page)).expect("a page");
        let html = scraper::Html::parse_document(&text);
        let refresh = scraper::Selector::parse("meta[http-equiv=refresh]").expect("selector");
        html.select(&refresh)
            .next()
            .and_then(|m| m.value().attr("content").map(str::to_owned))
    };
    assert_eq!(
        refresh_of("guide/older.html").as_deref(),
        Some("0; url=../a.html")
    );
    assert_eq!(refresh_of("back.html").as_deref(), Some("0; url=a.html"));
    assert_eq!(refresh_of("kept.html"), None, "the page, not a redirect");
    let nav = std::fs::read_to_string(public.join("a.html")).expect("a.html");
    let nav = scraper::Html::parse_document(&nav);
    let listed: Vec<&str> = nav
        .select(&scraper::Selector::parse(".site-nav a").expect("selector"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(listed.contains(&"kept.html"), "{listed:?}");
    assert!(
        !listed.contains(&"back.html"),
        "a redirect is no article: {listed:?}"
    );
    assert!(
        !public.join("old.html").exists(),
        "`/windows-server/new` is a path of the published site, not of this one"
    );
}

/// An entry's own faults: the file it moves is still there (a warning
/// at the entry, as DocFX gives it), its relative target leads nowhere
/// (an error at the target). A link to a moved page whose file is still
/// there costs the reader a hop all the same.
#[test]
fn entries_whose_file_stayed_or_whose_target_is_missing() {
    let site = Fixture::new();
    site.write("content/es-es/a.md", "# A\n\n[Atrás](back.md)\n");
    site.write("content/es-es/back.md", "# Back\n");
    site.write(
        ".openpublishing.redirection.json",
        r#"{
  "redirections": [
    {
      "source_path": "content/es-es/back.md",
      "redirect_url": "a.md"
    },
    {
      "redirect_url": "guide/none.md",
      "source_path_from_root": "/content/es-es/gone.md"
    },
    {
      "source_path": "content/es-es/far.md",
      "redirect_url": "https://example.com/far"
    }
  ]
}
"#,
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            (
                "redirected-file-not-removed",
                ".openpublishing.redirection.json",
                4
            ),
            ("broken-link", ".openpublishing.redirection.json", 8),
            ("redirected-link", "content/es-es/a.md", 3),
        ])
    );
    let stayed = finding_where(&doc, |f| f["rule"] == "redirected-file-not-removed");
    assert_eq!(stayed["severity"], "warning");
    assert_eq!(stayed["location"]["column"], 23);
    assert_eq!(
        stayed["message"],
        "`back.md` of `es-es` is listed as moved to `a.md`, but its file is still there: \
         Microsoft's publishing serves the redirect and ignores the file; so does `polydoc build`"
    );
    assert_eq!(
        stayed["related"][0]["location"]["file"],
        "content/es-es/back.md"
    );
    let nowhere = finding_where(&doc, |f| f["rule"] == "broken-link");
    assert_eq!(
        (
            &nowhere["location"]["column"],
            &nowhere["location"]["end_column"]
        ),
        (&serde_json::json!(24), &serde_json::json!(37)),
        "the target, named before its source path"
    );
    assert_eq!(
        nowhere["message"],
        "`redirect_url` `guide/none.md` of the moved `gone.md` points to `guide/none.md`, \
         which does not exist in `es-es`: the redirect leads nowhere"
    );
    // The human form quotes the redirection file's line, as it does a page's.
    let human = stderr(&polydoc(site.root(), &["check"]));
    let quoted: Vec<&str> = human
        .lines()
        .skip_while(|l| !l.contains(".openpublishing.redirection.json:8:24"))
        .skip(2)
        .take(2)
        .collect();
    assert_eq!(
        quoted,
        [
            "8 │       \"redirect_url\": \"guide/none.md\",",
            "  │                        ^^^^^^^^^^^^^",
        ],
        "{human}"
    );
    // A team that keeps such files on purpose turns the rule off, as any
    // other (JSON has no comments to silence one entry with).
    site.write(
        "polydoc.toml",
        "[rules]\nredirected-file-not-removed = \"off\"\n",
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1), "the broken redirect is still an error");
    assert_eq!(
        findings(&doc),
        set(&[
            ("broken-link", ".openpublishing.redirection.json", 8),
            ("redirected-link", "content/es-es/a.md", 3),
        ])
    );
}

/// `check --fix` points a relative link to a moved article at the page
/// its redirect leads to, relative to the linking page, keeping its
/// fragment where the new page has that id (else taking the redirect's);
/// not a link written as a site path, a fragment the new page lacks, nor
/// a redirect to a page that moved again.
#[test]
fn fix_points_links_at_where_their_article_moved() {
    let site = Fixture::new();
    let a = "# A\n\n\
             [1](../old.md) [2](../old.md#paso-2) [3](/windows-server/old) \
             [4](../gone.md#nada) [5](../gone.md) [6](../chain.md)\n";
    site.write("polydoc.toml", "[published]\npath = \"/windows-server\"\n")
        .write("content/es-es/docs/a.md", a)
        .write("content/es-es/old.md", "# Old\n")
        .write(
            "content/es-es/setup/new.md",
            "# New\n\n## Intro\n\n## Paso 2\n",
        )
        .write(
            ".openpublishing.redirection.json",
            r#"{"redirections": [
  {"source_path": "content/es-es/old.md", "redirect_url": "/windows-server/setup/new"},
  {"source_path": "content/es-es/gone.md", "redirect_url": "setup/new.md#intro"},
  {"source_path": "content/es-es/chain.md", "redirect_url": "old.md"}
]}"#,
        );
    let (_, doc) = check_json(site.root(), &[]);
    let fixes: Vec<(&str, u64, Vec<&str>)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "redirected-link")
        .map(|f| {
            (
                f["message"].as_str().unwrap().split(' ').nth(1).unwrap(),
                f["location"]["column"].as_u64().unwrap(),
                replacements(f),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        [
            ("`../old.md`", 5, vec!["../setup/new.md"]),
            ("`../old.md#paso-2`", 20, vec!["../setup/new.md#paso-2"]),
            ("`/windows-server/old`", 42, vec![]),
            ("`../gone.md#nada`", 67, vec!["../setup/new.md#intro"]),
            ("`../chain.md`", 104, vec![]),
        ]
    );
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert!(
        stderr(&out).starts_with("Fixed 3 problems in 1 file\n  content/es-es/docs/a.md (3)\n"),
        "{}",
        stderr(&out)
    );
    let fixed = std::fs::read_to_string(site.root().join("content/es-es/docs/a.md")).unwrap();
    assert_eq!(
        fixed,
        a.replace("(../old.md)", "(../setup/new.md)")
            .replace("(../old.md#paso-2)", "(../setup/new.md#paso-2)")
            .replace("(../gone.md)", "(../setup/new.md#intro)")
    );
    let (_, doc) = check_json(site.root(), &[]);
    let places = places(&doc);
    let left: Vec<(&str, u64)> = places
        .iter()
        .map(|(rule, _, _, column)| (rule.as_str(), *column))
        .collect();
    assert_eq!(
        left,
        [
            ("redirected-file-not-removed", 20),
            ("redirected-link", 54),
            ("redirected-link", 79),
            ("redirected-link", 127),
        ]
    );
}
