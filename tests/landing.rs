//! DocFX landing pages (`### YamlMime:Landing`, `index.yml`): built as
//! pages with their translations, linked from the navigation and from
//! Markdown, their links checked at their place in the YAML.

mod common;

use common::{Fixture, attr, attrs, check_json, findings, resolve, select, set, text, texts};

const LANDING_EN: &str = "### YamlMime:Landing

title: Windows Server documentation
summary: Find guidance for Windows Server.

metadata:
  title: Windows Server docs
  ms.topic: landing-page
  ms.date: 01/02/2024

landingContent:
  - title: About Windows Server
    linkLists:
      - linkListType: overview
        links:
          - text: What is Windows Server?
            url: get-started.md
          - text: Gone
            url: nothing.md
  - title: Get started
    linkLists:
      - linkListType: how-to-guide
        links:
          - text: Install
            url: \"get-started.md#install\"
";

const LANDING_ES: &str = "### YamlMime:Landing

title: Documentación de Windows Server
summary: Guías de Windows Server.

metadata:
  title: Documentación de Windows Server
  ms.date: 01/02/2024

landingContent:
  - title: Acerca de Windows Server
    linkLists:
      - linkListType: overview
        links:
          - text: ¿Qué es Windows Server?
            url: get-started.md#instalar
";

const TOC: &str =
    "- name: Windows Server\n  href: index.yml\n- name: Get started\n  href: get-started.md\n";

fn site() -> Fixture {
    let site = Fixture::new();
    for locale in ["en-us", "es-es"] {
        site.write(&format!("content/{locale}/docs/toc.yml"), TOC)
            .write(
                &format!("content/{locale}/docs/get-started.md"),
                "# Get started\n\nBack to the [overview](index.yml).\n\n## Install\n\nText.\n",
            )
            .write(&format!("content/{locale}/docs/data.yml"), "key: value\n");
    }
    site.write("content/en-us/docs/index.yml", LANDING_EN)
        .write("content/es-es/docs/index.yml", LANDING_ES);
    site
}

#[test]
fn a_landing_page_is_built_as_a_page_of_cards() {
    let site = site();
    let out = site.build(&[]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let page = site.out("en-us/docs/index.html");
    let html = site.html("en-us/docs/index.html");
    assert_eq!(
        texts(&html, ".landing h1"),
        ["Windows Server documentation"]
    );
    assert_eq!(
        texts(&html, ".landing-summary"),
        ["Find guidance for Windows Server."]
    );
    assert_eq!(
        texts(&html, ".landing-card h2"),
        ["About Windows Server", "Get started"]
    );
    assert_eq!(
        attrs(&html, ".landing-links a", "href"),
        [
            "get-started.html",
            "nothing.html",
            "get-started.html#install"
        ]
    );
    assert_eq!(select(&html, ".landing-how-to-guide a").len(), 1);
    assert!(resolve(&page, "get-started.html").is_file());
    // The YAML is no file of the site: the page is.
    assert!(!site.out("en-us/docs/index.yml").exists());
    assert!(site.out("en-us/docs/data.yml").is_file());

    // Its translation, both ways, as any page's.
    let alternates: Vec<(String, String)> = select(&html, "link[rel='alternate'][hreflang]")
        .iter()
        .map(|l| (attr(l, "hreflang").to_owned(), attr(l, "href").to_owned()))
        .collect();
    let es = alternates
        .iter()
        .find(|(lang, _)| lang.eq_ignore_ascii_case("es-es"))
        .unwrap_or_else(|| panic!("{alternates:?}"));
    assert_eq!(
        resolve(&page, &es.1),
        site.out("es-es/docs/index.html"),
        "{alternates:?}"
    );
    let es_html = site.html("es-es/docs/index.html");
    assert_eq!(
        texts(&es_html, ".landing h1"),
        ["Documentación de Windows Server"]
    );

    // The Markdown page's link and the navigation lead to the built page.
    let article = site.html("en-us/docs/get-started.html");
    let overview = select(&article, "article a")
        .into_iter()
        .find(|a| text(a) == "overview")
        .expect("the overview link");
    assert_eq!(attr(&overview, "href"), "index.html");
    let nav: Vec<&str> = select(&article, "nav a")
        .into_iter()
        .filter(|a| text(a) == "Windows Server")
        .map(|a| attr(&a, "href"))
        .collect();
    assert!(!nav.is_empty());
    assert!(nav.iter().all(|href| *href == "index.html"), "{nav:?}");
}

#[test]
fn a_landing_page_s_links_are_checked_where_the_yaml_writes_them() {
    let site = site();
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            ("broken-link", "content/en-us/docs/index.yml", 19),
            ("missing-anchor", "content/es-es/docs/index.yml", 16),
        ])
    );
    let broken = &doc["findings"][0];
    assert_eq!(broken["location"]["column"], 18);
    let anchor = common::finding_of(&doc, "missing-anchor", "content/es-es/docs/index.yml", 16);
    assert_eq!(anchor["location"]["column"], 32);
    assert!(
        anchor["message"].as_str().unwrap().contains("#instalar"),
        "{anchor:#}"
    );
}

#[test]
fn a_landing_page_that_does_not_parse_is_an_error_and_the_rest_builds() {
    let site = site();
    site.write(
        "content/es-es/docs/index.yml",
        "### YamlMime:Landing\ntitle: [broken\nsummary: x\n",
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    let (_, doc) = check_json(site.root(), &[]);
    let finding = common::finding_of(
        &doc,
        "invalid-front-matter",
        "content/es-es/docs/index.yml",
        3,
    );
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("invalid YAML in this landing page"),
        "{finding:#}"
    );
    // The page is there, without content; the others are whole.
    assert!(site.out("es-es/docs/index.html").is_file());
    assert_eq!(
        texts(&site.html("en-us/docs/index.html"), ".landing h1"),
        ["Windows Server documentation"]
    );
}

#[test]
fn a_landing_page_beside_a_markdown_page_of_its_name_is_left_out() {
    let site = site();
    site.write("content/es-es/docs/index.md", "# Inicio\n\nHola.\n");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    assert_eq!(texts(&site.html("es-es/docs/index.html"), "h1"), ["Inicio"]);
    let (_, doc) = check_json(site.root(), &[]);
    let finding = common::finding_where(&doc, |f| f["rule"] == "duplicate-output");
    assert_eq!(finding["location"]["file"], "content/es-es/docs/index.yml");
    assert_eq!(
        finding["message"],
        "this landing page and `docs/index.md` would both be built as `docs/index.html`: the Markdown page is built, this one is left out"
    );
}

const FAQ: &str = "### YamlMime:FAQ
metadata:
  title: Activation FAQ
title: Activation FAQ
summary: |
  Answers about **activation**.
sections:
  - name: Keys
    questions:
      - question: Where is my key?
        answer: |
          See [getting started](get-started.md#install).

          Or the [old page](old.md).
      - question: Which server?
        answer: The [guide](get-started.md#nope) says which.
      - question: Offline?
        answer: |
          #### <a name=\"by-phone\"></a>By phone

          Call.

          #### Retail keys
";

#[test]
fn an_faq_page_renders_its_markdown_and_its_links_are_checked_in_the_yaml() {
    let site = site();
    site.write("content/en-us/docs/faq.yml", FAQ).write(
        "content/en-us/docs/links.md",
        "# Links\n\n[a](faq.yml#which-server) [b](faq.yml#where-is-my-key-x) [c](faq.yml#by-phone) [d](faq.yml#retail-keys)\n",
    );
    let out = site.build(&[]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let html = site.html("en-us/docs/faq.html");
    assert_eq!(
        attrs(&html, ".toc a", "href"),
        ["#keys", "#where-is-my-key", "#which-server", "#offline"]
    );
    assert_eq!(
        attrs(&site.html("en-us/docs/links.html"), "article p a", "href"),
        [
            "faq.html#which-server",
            "faq.html#where-is-my-key-x",
            "faq.html#by-phone",
            "faq.html#retail-keys"
        ]
    );
    // An answer's own headings carry the ids its links are checked against.
    assert_eq!(attrs(&html, ".faq h4", "id"), ["by-phone", "retail-keys"]);
    assert_eq!(texts(&html, ".faq h1"), ["Activation FAQ"]);
    assert_eq!(texts(&html, ".faq > p > strong"), ["activation"]);
    assert_eq!(texts(&html, ".faq h2"), ["Keys"]);
    assert_eq!(
        attrs(&html, ".faq h3", "id"),
        ["where-is-my-key", "which-server", "offline"]
    );
    assert_eq!(
        attrs(&html, ".faq p a", "href"),
        [
            "get-started.html#install",
            "old.html",
            "get-started.html#nope"
        ]
    );

    let (_, doc) = check_json(site.root(), &[]);
    let faq: Vec<(String, u64, u64)> = common::places(&doc)
        .into_iter()
        .filter(|(_, file, ..)| file == "content/en-us/docs/faq.yml")
        .map(|(rule, _, line, column)| (rule, line, column))
        .collect();
    assert_eq!(
        faq,
        [
            ("broken-link".to_owned(), 14, 29),
            ("missing-anchor".to_owned(), 16, 43),
        ]
    );
    // Links into the page resolve against its questions' ids.
    let into = common::finding_of(&doc, "missing-anchor", "content/en-us/docs/links.md", 3);
    assert_eq!(into["location"]["column"], 38);
    assert_eq!(
        common::lines_of(&doc, "missing-anchor"),
        [
            ("content/en-us/docs/faq.yml".to_owned(), 16),
            ("content/en-us/docs/links.md".to_owned(), 3),
            ("content/es-es/docs/index.yml".to_owned(), 16),
        ]
    );
}

#[test]
fn drift_shows_a_landing_page_whole_beside_its_translation() {
    let site = site();
    let out_dir = site.root().join("status");
    let out = common::polydoc(site.root(), &["drift", "--html", out_dir.to_str().unwrap()]);
    // es-es has one of the three links of en-us's: inconsistent.
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    let page = common::parse_file(&out_dir.join("pages/docs/index.html"));
    assert_eq!(texts(&page, "table.aligned thead th"), ["en-us", "es-es"]);
    let rows = select(&page, "table.aligned tbody tr.section");
    assert_eq!(rows.len(), 1);
    let line = |id: &str| texts(&page, &format!("[id=\"{id}\"]"));
    assert_eq!(line("en-us-L3"), ["3title: Windows Server documentation"]);
    assert_eq!(
        line("es-es-L3"),
        ["3title: Documentación de Windows Server"]
    );
    assert_eq!(
        line("en-us-L25"),
        ["25            url: \"get-started.md#install\""]
    );
    assert!(line("en-us-L26").is_empty());
}

#[test]
fn drift_counts_the_links_and_questions_a_translation_lacks() {
    let site = site();
    let es_faq = FAQ
        .replace("Where is my key?", "¿Dónde está mi clave?")
        .replace(
            "      - question: Which server?\n        answer: The [guide](get-started.md#nope) says which.\n",
            "",
        );
    site.write("content/en-us/docs/faq.yml", FAQ)
        .write("content/es-es/docs/faq.yml", &es_faq)
        .write("polydoc.toml", "source = \"en-us\"\n");
    let out = common::polydoc(site.root(), &["drift", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cell = |path: &str, locale: &str| -> serde_json::Value {
        let page = doc["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path"] == path);
        let cells = page.expect("the page")["cells"].as_array().unwrap();
        cells
            .iter()
            .find(|c| c["locale"] == locale)
            .unwrap()
            .clone()
    };
    let es = cell("docs/faq.yml", "es-es");
    assert_eq!(es["status"], "inconsistent");
    let messages: Vec<&str> = es["signals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "structure")
        .map(|s| s["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "the page has 2 links; en-us has 3: it lacks `get-started.md#nope`",
            "the page has 3 headings; en-us has 4"
        ]
    );
    // The es-es landing page has one of the three links of en-us's, its
    // fragment translated.
    assert_eq!(cell("docs/index.yml", "en-us")["status"], "source");
    let es = cell("docs/index.yml", "es-es");
    assert_eq!(es["status"], "inconsistent");
    let links = es["signals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["message"].as_str().unwrap().contains("link"))
        .unwrap();
    assert_eq!(
        links["message"],
        "the page has 1 link; en-us has 3: it lacks `get-started.md`, `nothing.md`, `get-started.md#install`; it adds `get-started.md#instalar`"
    );
}

#[test]
fn a_landing_page_is_its_folder_s_page_and_its_locale_s_home() {
    let site = Fixture::new();
    let landing = |title: &str, url: &str| {
        format!(
            "### YamlMime:Landing\ntitle: {title}\nlandingContent:\n  - title: A\n    linkLists:\n      - linkListType: overview\n        links:\n          - text: Page\n            url: {url}\n"
        )
    };
    site.write(
        "content/en-us/index.yml",
        landing("Home landing", "page.md"),
    )
    .write(
        "content/en-us/sub/index.yml",
        landing("Sub landing", "../page.md"),
    )
    .write(
        "content/en-us/page.md",
        "# Page\n\nSee [sub](sub/) and [home](./).\n",
    );
    let out = site.build(&[]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert_eq!(
        texts(&site.html("en-us/index.html"), "h1"),
        ["Home landing"]
    );
    assert_eq!(
        texts(&site.html("en-us/sub/index.html"), "h1"),
        ["Sub landing"]
    );
    let page = site.html("en-us/page.html");
    assert_eq!(
        attrs(&page, "article p a", "href"),
        ["sub/index.html", "index.html"]
    );
    let folder: Vec<(String, &str)> = common::links(&page, ".site-nav .nav-folder a");
    assert_eq!(folder, [("Sub landing".to_owned(), "sub/index.html")]);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!((code, findings(&doc)), (Some(0), set(&[])));

    // A table of contents' folder entry (`href: sub/`) opens it too.
    site.write(
        "content/en-us/toc.yml",
        "- name: Sub\n  href: sub/\n- name: Page\n  href: page.md\n",
    );
    let out = site.build(&[]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let page = site.html("en-us/page.html");
    let entry = select(&page, ".site-nav a")
        .into_iter()
        .find(|a| text(a) == "Sub")
        .expect("the toc entry");
    assert_eq!(attr(&entry, "href"), "sub/index.html");
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!((code, findings(&doc)), (Some(0), set(&[])));
}

/// A type's page as `docfx metadata` writes it: the type and two
/// members, one an overloaded method with a parameter.
const API_FOO: &str = "### YamlMime:ManagedReference
items:
- uid: MyLib.Foo
  commentId: T:MyLib.Foo
  id: Foo
  parent: MyLib
  children:
  - MyLib.Foo.#ctor
  - MyLib.Foo.Bar(System.Int32)
  name: Foo
  nameWithType: Foo
  fullName: MyLib.Foo
  type: Class
  namespace: MyLib
  assemblies:
  - MyLib
  summary: A foo that <code>bars</code>.
  syntax:
    content: public class Foo
  inheritance:
  - System.Object
  implements:
  - System.IDisposable
  inheritedMembers:
  - System.Object.Equals(System.Object)
- uid: MyLib.Foo.#ctor
  id: '#ctor'
  parent: MyLib.Foo
  name: Foo()
  nameWithType: Foo.Foo()
  fullName: MyLib.Foo.Foo()
  type: Constructor
  syntax:
    content: public Foo()
- uid: MyLib.Foo.Bar(System.Int32)
  id: Bar(System.Int32)
  parent: MyLib.Foo
  name: Bar(int)
  nameWithType: Foo.Bar(int)
  fullName: MyLib.Foo.Bar(int)
  type: Method
  summary: Bars <code>count</code> times.
  syntax:
    content: public void Bar(int count)
    parameters:
    - id: count
      type: System.Int32
      description: How many.
  example:
  - Call it <code>foo.Bar(2)</code>.
  exceptions:
  - type: System.ArgumentException
    commentId: T:System.ArgumentException
    description: When <code>count</code> is negative.
  seealso:
  - linkId: MyLib.Foo
    commentId: T:MyLib.Foo
    linkType: CRef
  - linkId: https://example.com/bar
    altText: The bar guide
    linkType: HRef
references:
- uid: System.Int32
  isExternal: true
  href: https://learn.microsoft.com/dotnet/api/system.int32
  name: int
- uid: System.Object
  isExternal: true
  href: https://learn.microsoft.com/dotnet/api/system.object
  name: object
";

/// .NET API pages (`### YamlMime:ManagedReference`): built as pages, their
/// items' uids declared, so that the API's table of contents and the
/// articles' cross references reach them (each was `uid-not-found` or
/// `broken-toc-entry` before), a member's landing on its heading.
#[test]
fn api_reference_pages_are_pages_whose_items_links_reach() {
    let site = Fixture::new();
    site.write("content/en-us/api/MyLib.Foo.yml", API_FOO)
        .write(
            "content/en-us/api/MyLib.yml",
            "### YamlMime:ManagedReference\nitems:\n- uid: MyLib\n  type: Namespace\n  name: MyLib\n  children:\n  - MyLib.Foo\n  - MyLib.Gone\n",
        )
        .write(
            "content/en-us/api/toc.yml",
            "### YamlMime:TableOfContent\nitems:\n- uid: MyLib\n  items:\n  - uid: MyLib.Foo\n    items:\n    - uid: MyLib.Foo.Bar(System.Int32)\n      name: Bar\n",
        )
        .write(
            "content/en-us/guide.md",
            "# Guide\n\nUse <xref:MyLib.Foo>, [its Bar](xref:MyLib.Foo.Bar(System.Int32)), \
             <xref:MyLib.Foo.Bar(System.Int32)?displayProperty=fullName> and @MyLib.Foo.#ctor.\n\n\
             Not <xref:MyLib.Foo.Baz(System.Int32)>.\n",
        );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("uid-not-found", "content/en-us/guide.md", 5)])
    );
    let typo = common::finding_of(&doc, "uid-not-found", "content/en-us/guide.md", 5);
    assert_eq!(typo["help"], "did you mean `MyLib.Foo.Bar(System.Int32)`?");

    let api = site.html("en-us/api/MyLib.Foo.html");
    assert_eq!(texts(&api, "article h1"), ["Class Foo"]);
    assert_eq!(texts(&api, "title"), ["Class Foo · Documentation"]);
    assert_eq!(
        texts(&api, ".api-summary").first().map(String::as_str),
        Some("A foo that bars.")
    );
    assert_eq!(texts(&api, ".api-facts dd"), ["MyLib", "MyLib"]);
    // Its base types down to itself, and what it implements and inherits,
    // each named as the file's references say, linked where they link.
    assert_eq!(
        texts(&api, "h4"),
        [
            "Inheritance",
            "Implements",
            "Inherited Members",
            "Examples",
            "Exceptions",
            "See Also"
        ]
    );
    assert_eq!(texts(&api, ".api-inheritance li"), ["object", "Foo"]);
    assert_eq!(
        attrs(&api, ".api-inheritance a", "href"),
        ["https://learn.microsoft.com/dotnet/api/system.object"]
    );
    assert_eq!(
        texts(&api, ".api-list li"),
        [
            "IDisposable",
            "Equals(System.Object)",
            "Foo",
            "The bar guide"
        ]
    );
    // A member's examples, exceptions and see-also links.
    assert_eq!(texts(&api, ".api-example"), ["Call it foo.Bar(2)."]);
    assert_eq!(
        texts(&api, "table.api-exceptions tbody td"),
        ["ArgumentException", "When count is negative."]
    );
    assert_eq!(
        texts(&api, "nav.toc li"),
        ["Constructors", "Foo()", "Methods", "Bar(int)"]
    );
    assert_eq!(
        texts(&api, ".api-parameters tbody td"),
        ["count", "int", "How many."]
    );
    // A type the file's references name shows as they do, linked.
    assert_eq!(
        attrs(&api, ".api-parameters tbody a", "href"),
        ["https://learn.microsoft.com/dotnet/api/system.int32"]
    );
    assert!(
        !select(&api, "pre code span").is_empty(),
        "declarations are highlighted"
    );

    let guide_path = site.out("en-us/guide.html");
    let guide = site.html("en-us/guide.html");
    let links: Vec<(String, &str)> = common::links(&guide, "article p a");
    assert_eq!(
        links,
        [
            ("Foo".to_owned(), "api/MyLib.Foo.html"),
            (
                "its Bar".to_owned(),
                "api/MyLib.Foo.html#MyLib_Foo_Bar_System_Int32_"
            ),
            (
                "MyLib.Foo.Bar(int)".to_owned(),
                "api/MyLib.Foo.html#MyLib_Foo_Bar_System_Int32_"
            ),
            ("Foo()".to_owned(), "api/MyLib.Foo.html#MyLib_Foo__ctor"),
        ]
    );
    for (_, href) in &links {
        let (file, id) = href.split_once('#').unwrap_or((href, ""));
        let target = common::parse_file(&resolve(&guide_path, file));
        if !id.is_empty() {
            assert_eq!(
                select(&target, &format!("h3[id='{id}']")).len(),
                1,
                "{href}"
            );
        }
    }
    assert_api_nav(&api, "Bar");
    // The type's own entry is the page's, not its member's.
    assert_eq!(texts(&api, ".site-nav a[aria-current]"), ["Foo"]);
    // A namespace lists its types, linked where the site has their pages.
    let namespace = site.html("en-us/api/MyLib.html");
    assert_eq!(texts(&namespace, "article h1"), ["Namespace MyLib"]);
    assert_eq!(texts(&namespace, "ul.api-types li"), ["Foo", "Gone"]);
    assert_eq!(
        attrs(&namespace, "ul.api-types a", "href"),
        ["MyLib.Foo.html"]
    );
}

/// A type's page in DocFX's newer schema, as `docfx metadata` writes it
/// with `"outputFormat": "apiPage"`: links to the other API pages as
/// their output files.
const API_PAGE_FOO: &str = "### YamlMime:ApiPage
title: Class Foo
metadata:
  description: A foo that bars.
languageId: csharp
body:
- api1: Class Foo
  id: MyLib_Foo
  src: https://github.com/contoso/mylib/blob/main/src/Foo.cs#L5
  metadata:
    uid: MyLib.Foo
    commentId: T:MyLib.Foo
- facts:
  - name: Namespace
    value:
      text: MyLib
      url: MyLib.html
  - name: Assembly
    value: MyLib.dll
- markdown: A foo that <code>bars</code>.
- code: public class Foo
- h4: Inheritance
- inheritance:
  - text: object
    url: https://learn.microsoft.com/dotnet/api/system.object
  - Foo
- h2: Methods
- api3: Bar(int)
  id: MyLib_Foo_Bar_System_Int32_
  deprecated: Use <code>Baz</code>.
  metadata:
    uid: MyLib.Foo.Bar(System.Int32)
    commentId: M:MyLib.Foo.Bar(System.Int32)
- markdown: Bars *count* times.
- code: public void Bar(int count)
- h4: Parameters
- parameters:
  - name: count
    type:
    - text: int
      url: https://learn.microsoft.com/dotnet/api/system.int32
    description: How many.
- h4: See Also
- list:
  - - text: Foo
      url: MyLib.Foo.html#MyLib_Foo_Qux
  - - text: Gone
      url: MyLib.Gone.html
- api3: Baz(int)
  id: MyLib_Foo_Baz
  metadata:
    uid: MyLib.Foo.Baz(System.Int32)
- h4: Parameters
- parameters:
  - name: count
";

/// Pages of DocFX's `### YamlMime:ApiPage` schema: built from their
/// blocks, their API headings' uids declared (a member's landing on its
/// heading), their links to other API pages (`MyLib.Foo.html`) checked as
/// links to those pages' sources, at their place in the YAML.
#[test]
fn api_pages_of_the_newer_schema_are_pages_whose_uids_links_reach() {
    let site = Fixture::new();
    site.write("content/en-us/api/MyLib.Foo.yml", API_PAGE_FOO)
        .write(
            "content/en-us/api/MyLib.yml",
            "### YamlMime:ApiPage\ntitle: Namespace MyLib\nbody:\n- api1: Namespace MyLib\n  metadata:\n    uid: MyLib\n- h3: Classes\n- parameters:\n  - type:\n      text: Foo\n      url: MyLib.Foo.html\n    description: A foo.\n",
        )
        .write(
            "content/en-us/api/toc.yml",
            "- uid: MyLib\n  items:\n  - uid: MyLib.Foo\n    items:\n    - uid: MyLib.Foo.Bar(System.Int32)\n",
        )
        .write(
            "content/en-us/guide.md",
            "# Guide\n\nUse <xref:MyLib.Foo> and [its Bar](xref:MyLib.Foo.Bar(System.Int32)).\n",
        );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("missing-anchor", "content/en-us/api/MyLib.Foo.yml", 46),
            ("broken-link", "content/en-us/api/MyLib.Foo.yml", 48),
        ])
    );
    let gone = common::finding_of(&doc, "broken-link", "content/en-us/api/MyLib.Foo.yml", 48);
    assert_eq!(gone["location"]["column"], 12);

    let path = site.out("en-us/api/MyLib.Foo.html");
    let api = site.html("en-us/api/MyLib.Foo.html");
    assert_eq!(texts(&api, "title"), ["Class Foo · Documentation"]);
    assert_eq!(texts(&api, "article h1"), ["Class Foo View source"]);
    assert_eq!(texts(&api, ".api-facts dt"), ["Namespace", "Assembly"]);
    assert_eq!(texts(&api, ".api-facts dd"), ["MyLib", "MyLib.dll"]);
    assert_eq!(
        texts(&api, "nav.toc li"),
        ["Methods", "Bar(int)", "Baz(int)"]
    );
    // A `Parameters` heading under each member, each with an id of its own.
    assert_eq!(
        attrs(&api, "h4", "id"),
        ["inheritance", "parameters", "see-also", "parameters-1"]
    );
    assert_eq!(
        texts(
            &api,
            "h3[data-uid='MyLib.Foo.Bar(System.Int32)'] .api-badge"
        ),
        ["Deprecated"]
    );
    assert_eq!(texts(&api, ".alert-warning"), ["Use Baz."]);
    assert_eq!(texts(&api, ".api-params dt"), ["count int", "count"]);
    assert!(
        !select(&api, "pre code span").is_empty(),
        "declarations are highlighted"
    );
    // Links to other API pages reach their files.
    let local: Vec<&str> = attrs(&api, "article a[href]", "href")
        .into_iter()
        .filter(|h| !h.starts_with("http") && !h.starts_with('#'))
        .collect();
    assert_eq!(
        local,
        [
            "MyLib.html",
            "MyLib.Foo.html#MyLib_Foo_Qux",
            "MyLib.Gone.html"
        ]
    );
    assert!(resolve(&path, "MyLib.html").is_file());

    let guide = site.html("en-us/guide.html");
    let links: Vec<(String, &str)> = common::links(&guide, "article p a");
    assert_eq!(
        links,
        [
            ("Foo".to_owned(), "api/MyLib.Foo.html"),
            (
                "its Bar".to_owned(),
                "api/MyLib.Foo.html#MyLib_Foo_Bar_System_Int32_"
            ),
        ]
    );
    assert_eq!(
        select(&api, "h3[id='MyLib_Foo_Bar_System_Int32_']").len(),
        1
    );
    assert_api_nav(&api, "Bar(int)");
}

/// The API's table of contents on `MyLib.Foo`'s page (namespace, type,
/// member by uid), the member's entry shown as `member`, landing on its
/// heading.
fn assert_api_nav(api: &scraper::Html, member: &str) {
    assert_eq!(
        common::links(api, ".site-nav a"),
        [
            ("Home".to_owned(), "../index.html"),
            ("MyLib".to_owned(), "MyLib.html"),
            ("Foo".to_owned(), "MyLib.Foo.html"),
            (
                member.to_owned(),
                "MyLib.Foo.html#MyLib_Foo_Bar_System_Int32_"
            ),
        ]
    );
}

/// An FAQ page in `locale`: a question whose answer writes `code` and a
/// command, then another question.
fn faq_page(question: &str, code: &str) -> String {
    format!(
        "### YamlMime:FAQ\ntitle: FAQ\nsections:\n  - name: Errors\n    questions:\n      - question: {question}\n        answer: |\n          Error {code} means DNS.\n\n          ```cmd\n          slmgr /ato\n          ```\n      - question: Other?\n        answer: Error 0xC004F074 is the KMS.\n"
    )
}

/// FAQ answers are Markdown inside YAML: their codes and code are compared
/// across locales, the answers paired by their order, the translation
/// that differs from the source told, at the code in its YAML. The seeds'
/// defect, in an FAQ: nothing else found it there.
#[test]
fn faq_answers_keep_their_codes_across_locales() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write(
            "content/en-us/faq.yml",
            faq_page("What is 0x8007232B?", "0x8007232B"),
        )
        .write("content/es-es/faq.yml", faq_page("¿Qué es?", "0x8007232A"))
        .write("content/it-it/faq.yml", faq_page("Cos'è?", "0x8007232B"));
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/es-es/faq.yml", 8)])
    );
    let found = common::finding_of(
        &doc,
        "translation-token-mismatch",
        "content/es-es/faq.yml",
        8,
    );
    assert_eq!(found["location"]["column"], 17);
    assert_eq!(
        found["message"],
        "this answer has `0x8007232A` where en-us (the source), it-it have `0x8007232B`"
    );
    assert_eq!(
        found["help"],
        "change `0x8007232A` to `0x8007232B`, as in en-us (the source), it-it; if en-us is wrong, correct it and then its translations"
    );
    // The others at the code they write.
    let related: Vec<(&str, u64, u64)> = found["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["location"]["file"].as_str().unwrap(),
                r["location"]["line"].as_u64().unwrap(),
                r["location"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            ("content/en-us/faq.yml", 8, 17),
            ("content/it-it/faq.yml", 8, 17)
        ]
    );

    // Two peers, no source: each side is told. A translation with a
    // question more pairs no answers (drift reports its structure).
    site.write("polydoc.toml", "").write(
        "content/it-it/faq.yml",
        faq_page("Cos'è?", "0x8007232B").replace(
            "      - question: Other?",
            "      - question: Extra?\n        answer: More.\n      - question: Other?",
        ),
    );
    std::fs::remove_file(site.root().join("content/en-us/faq.yml")).unwrap();
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(findings(&doc), set(&[]));
    site.write("content/it-it/faq.yml", faq_page("Cos'è?", "0x8007232B"));
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", "content/es-es/faq.yml", 8),
            ("translation-token-mismatch", "content/it-it/faq.yml", 8),
        ])
    );
}

/// An FAQ page whose first answer links `target` and whose second
/// question is `question`; `clcid` is its locale in a Microsoft `fwlink`.
fn faq_with_links(question: &str, target: &str, clcid: &str) -> String {
    format!(
        "### YamlMime:FAQ\ntitle: FAQ\nsections:\n  - name: Keys\n    questions:\n      - question: Where?\n        answer: |\n          See [the guide]({target}) and [more](https://go.microsoft.com/fwlink/?linkid=2&clcid={clcid}).\n      - question: {question}\n        answer: Call.\n"
    )
}

/// FAQ answers keep their link targets across locales, keyed by where
/// they lead as on Markdown pages: a link to another page is caught; a
/// question's automatic id, spelt in each language, the locale of an
/// `fwlink`, and a spelling that only letter case tells apart are not.
#[test]
fn faq_answers_keep_their_link_targets_across_locales() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n");
    for locale in ["en-us", "es-es", "it-it"] {
        site.write(
            &format!("content/{locale}/get-started.md"),
            "# G\n\n## Install\n",
        )
        .write(&format!("content/{locale}/other.md"), "# O\n");
    }
    // Each locale's FAQ, its first answer linking the target given.
    let faqs = |targets: [&str; 3]| {
        let pages = [
            ("en-us", "Which server?", "0x409"),
            ("es-es", "¿Qué servidor?", "0x40a"),
            ("it-it", "Quale server?", "0x410"),
        ];
        for ((locale, question, clcid), target) in pages.into_iter().zip(targets) {
            site.write(
                &format!("content/{locale}/faq.yml"),
                faq_with_links(question, target, clcid),
            );
        }
    };
    faqs(["#which-server", "#qué-servidor", "#quale-server"]);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!((code, findings(&doc)), (Some(0), set(&[])));

    faqs([
        "get-started.md#install",
        "other.md",
        "Get-Started.md#install",
    ]);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", "content/es-es/faq.yml", 8),
            // The case is its own rule's, not a disagreement.
            ("link-case-mismatch", "content/it-it/faq.yml", 8),
        ])
    );
    let found = common::finding_of(
        &doc,
        "translation-token-mismatch",
        "content/es-es/faq.yml",
        8,
    );
    assert_eq!(
        (
            found["location"]["column"].as_u64(),
            found["message"].as_str()
        ),
        (
            Some(15),
            Some(
                "this answer has link `other.md` where en-us (the source), it-it have link `get-started.md#install`"
            )
        )
    );
    assert_eq!(
        common::related(found),
        [("content/en-us/faq.yml", 8), ("content/it-it/faq.yml", 8)]
    );
}
