//! Pages marked `draft: true`, as Hugo and Zola users mark them: left out
//! of `build`, `check` and `drift` unless `--drafts`, and what links them
//! is told why it leads nowhere.

mod common;

use common::*;

/// en-us holds a published page and a draft; es-es translated the
/// published one and holds a draft of the other's translation.
fn site() -> Fixture {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write(
            "content/en-us/index.md",
            "# Home\n\nSee [setup](setup.md) and [usage](usage.md#options).\n",
        )
        .write("content/en-us/setup.md", "# Setup\n\nRun it.\n")
        .write(
            "content/en-us/usage.md",
            "---\ntitle: Usage\ndraft: true\n---\n# Usage\n\n## Options\n",
        )
        .write(
            "content/es-es/index.md",
            "# Inicio\n\nVea [instalación](setup.md) y [uso](usage.md#options).\n",
        )
        .write(
            "content/es-es/setup.md",
            "---\ntitle: Instalación\nms.date: 01/02/2026\ndraft: true\n---\n# Instalación\n",
        );
    site
}

#[test]
fn drafts_are_left_out_and_links_to_them_say_so() {
    let site = site();
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Built 3 pages in 2 locales (en-us 2, es-es 1) in "),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("; 2 drafts left out (`--drafts` builds them)"),
        "{}",
        stdout(&out)
    );
    assert!(!site.out("en-us/usage.html").exists());
    assert!(!site.out("es-es/setup.html").exists());
    // es-es lacks the published page, so its link takes the source's, as
    // for any page a translation lacks; the draft's is left as written.
    let home = site.html("es-es/index.html");
    assert_eq!(
        attrs(&home, "main a", "href"),
        ["../en-us/setup.html", "usage.html#options"]
    );
    assert!(
        texts(&home, ".site-nav a")
            .iter()
            .all(|t| t != "Instalación")
    );
    let setup = site.html("en-us/setup.html");
    assert!(select(&setup, "link[hreflang='es-ES']").is_empty());

    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            ("broken-link", "content/en-us/index.md", 3),
            ("broken-link", "content/es-es/index.md", 3),
            ("source-fallback", "content/es-es/index.md", 3),
        ])
    );
    let own = finding_at(&doc, "content/en-us/index.md", 3);
    assert_eq!(
        own["message"],
        "link `usage.md#options` points to `usage.md`, a draft (`draft: true`) that the build leaves out: no page is published at its address"
    );
    assert_eq!(related(own), [("content/en-us/usage.md", 3)]);
    let source = finding_where(&doc, |f| {
        f["rule"] == "broken-link" && f["location"]["file"] == "content/es-es/index.md"
    });
    assert_eq!(
        source["message"],
        "link `usage.md#options` points to `usage.md`, which `es-es` lacks and whose `en-us` copy is a draft (`draft: true`) that the build leaves out: no page is published at its address"
    );
}

#[test]
fn with_drafts_they_are_pages() {
    let site = site();
    let out = site.build(&["--drafts"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("left out"), "{}", stdout(&out));
    assert!(site.out("en-us/usage.html").is_file());
    assert_eq!(
        attrs(&site.html("es-es/index.html"), "article a", "href"),
        ["setup.html", "../en-us/usage.html#options"]
    );
    let (code, doc) = check_json(site.root(), &["--drafts"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        findings(&doc),
        set(&[("source-fallback", "content/es-es/index.md", 3)])
    );
}

#[test]
fn drift_counts_a_draft_translation_missing_and_says_it_is_coming() {
    let site = site();
    let out = polydoc(site.root(), &["drift", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let pages: Vec<&str> = doc["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .map(|p| p["path"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(pages, ["index.md", "setup.md"], "no row for a draft alone");
    let setup = &doc["pages"][1]["cells"][1];
    assert_eq!(setup["locale"], "es-es");
    assert_eq!(setup["status"], "missing");
    assert_eq!(
        setup["signals"][0]["message"],
        "no translation of setup.md in es-es (content/es-es/setup.md is a draft, left out)"
    );
}

#[test]
fn a_table_of_contents_entry_to_a_draft_says_so() {
    let site = site();
    site.write(
        "content/es-es/toc.yml",
        "- name: Inicio\n  href: index.md\n- name: Uso\n  href: usage.md\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    let entry = finding_at(&doc, "content/es-es/toc.yml", 4);
    assert_eq!(entry["rule"], "broken-toc-entry");
    assert_eq!(
        entry["message"],
        "entry `Uso` links `usage.md`, a draft (`draft: true`) that the build leaves out"
    );
    // Read as a page, the source's draft stands in as any page would.
    let (_, doc) = check_json(site.root(), &["--drafts"]);
    assert_eq!(
        finding_at(&doc, "content/es-es/toc.yml", 4)["rule"],
        "source-fallback"
    );
}

/// `draft` and `weight` values polydoc cannot read are told, where the
/// page sets them; those it reads, an empty one and a `docfx.json`'s are
/// not. `draft: yes` publishes the page, and the warning says so.
#[test]
fn draft_and_weight_values_of_another_kind_are_warned_of() {
    let site = Fixture::new();
    for (path, text) in [
        ("en-us/yes.md", "---\ntitle: Yes\ndraft: yes\n---\n# Yes\n"),
        ("en-us/one.md", "---\ndraft: 1\nweight: \"5\"\n---\n# One\n"),
        ("en-us/upper.md", "---\ndraft: \"True\"\n---\n# Upper\n"),
        (
            "en-us/off.md",
            "---\ndraft: FALSE\nweight: -2\n---\n# Off\n",
        ),
        ("en-us/named.md", "---\nweight: first\n---\n# Named\n"),
        (
            "en-us/half.md",
            "---\ntags: [a, {b: c}]\nweight: 2.5\ndraft:\n---\n# Half\n",
        ),
        ("en-us/list.md", "---\nweight: [1, 2]\n---\n# List\n"),
        (
            "en-us/docfx.json",
            r#"{"build": {"content": [{"files": ["**/*.md"]}], "globalMetadata": {"weight": "heavy"}}}"#,
        ),
    ] {
        site.write(&format!("content/{path}"), text);
    }
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0), "warnings only");
    let at = |file: &str, line, column| {
        (
            "invalid-front-matter-value".to_owned(),
            format!("content/en-us/{file}"),
            line,
            column,
        )
    };
    assert_eq!(
        places(&doc),
        [
            at("half.md", 3, 9),
            at("list.md", 2, 9),
            at("named.md", 2, 9),
            at("one.md", 2, 8),
            at("yes.md", 3, 8),
        ]
    );
    let messages = fields(&doc, "message");
    assert_eq!(
        messages[4],
        "`draft: yes` is neither true nor false, so the page is published as if it said `draft: false`"
    );
    assert_eq!(
        messages[2],
        "`weight: first` is no whole number, so the navigation orders the page by its name, after the weighted ones"
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        site.out("en-us/yes.html").is_file(),
        "`draft: yes` is published"
    );
    assert!(site.out("en-us/off.html").is_file());
    assert!(
        !site.out("en-us/upper.html").exists(),
        "`draft: \"True\"` is a draft, as Hugo reads it"
    );
}
