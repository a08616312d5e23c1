//! Moniker blocks (`::: moniker range="..."`) and the built page's
//! version picker: which versions it offers, in which order, which of
//! them each block is shown for, and a range that cannot be read. The
//! picking itself runs in a browser (`tests/browser.rs`).

mod common;

use common::*;

/// The picker's option values.
fn values(html: &scraper::Html) -> Vec<String> {
    options(html).into_iter().map(|(value, _)| value).collect()
}

fn options(html: &scraper::Html) -> Vec<(String, String)> {
    select(html, "form.version-picker option")
        .iter()
        .map(|o| (attr(o, "value").to_owned(), text(o)))
        .collect()
}

/// Each block's range and the versions it is shown for.
fn blocks(html: &scraper::Html) -> Vec<(&str, &str)> {
    select(html, "div.moniker")
        .iter()
        .map(|b| (attr(b, "data-moniker"), attr(b, "data-versions")))
        .collect()
}

#[test]
fn a_page_whose_blocks_differ_by_version_gets_a_picker_of_their_product() {
    let site = Fixture::new();
    site.write(
        "polydoc.toml",
        "[monikers]\n\"Visual Studio\" = [\"vs-2017\", \"vs-2019\", \"vs-2022\"]\n",
    )
    .write(
        "content/en-us/setup.md",
        concat!(
            "# Setup\n\n",
            "::: moniker range=\"vs-2017\"\nOld steps.\n::: moniker-end\n\n",
            "::: moniker range=\">= vs-2019\"\nNew steps.\n::: moniker-end\n\n",
            "[!INCLUDE [older](includes/older.md)]\n",
        ),
    )
    .write(
        "content/en-us/includes/older.md",
        "::: moniker range=\"<= VS-2019\"\nFor older.\n::: moniker-end\n",
    )
    .write(
        "content/en-us/all.md",
        "# All\n\n::: moniker range=\">= vs-2017\"\nEvery version.\n::: moniker-end\n",
    )
    .write(
        "content/en-us/newer.md",
        "---\nmonikerRange: '>= vs-2019'\n---\n# Newer\n\n::: moniker range=\"vs-2019\"\nOld.\n::: moniker-end\n\n::: moniker range=\"vs-2022\"\nNew.\n::: moniker-end\n",
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let html = site.html("en-us/setup.html");
    let picker = &select(&html, "form.version-picker")[0];
    assert_eq!(
        picker.value().attr("hidden"),
        Some(""),
        "hidden until the script shows it: without JavaScript every block shows"
    );
    assert_eq!(
        options(&html),
        [
            ("vs-2017".into(), "vs-2017".into()),
            ("vs-2019".into(), "vs-2019".into()),
            ("vs-2022".into(), "vs-2022".into()),
            (String::new(), "All versions".into()),
        ],
        "the versions in the order polydoc.toml gives, then all of them"
    );
    assert_eq!(
        attrs(&html, "form.version-picker option[selected]", "value"),
        ["vs-2022"],
        "the newest version shows first"
    );
    assert_eq!(
        attrs(
            &html,
            "form.version-picker option[value='vs-2019']",
            "data-product"
        ),
        ["Visual Studio"]
    );
    assert!(
        select(&html, "form.version-picker optgroup").is_empty(),
        "one product: no group labels"
    );
    assert_eq!(
        blocks(&html),
        [
            ("vs-2017", "vs-2017"),
            (">= vs-2019", "vs-2019 vs-2022"),
            ("<= VS-2019", "vs-2017 vs-2019"),
        ],
        "the included file's block is the page's too"
    );

    let newer = site.html("en-us/newer.html");
    assert_eq!(
        values(&newer),
        ["vs-2019", "vs-2022", ""],
        "only the versions the page's own monikerRange admits"
    );

    let all = site.html("en-us/all.html");
    assert!(
        select(&all, "form.version-picker").is_empty(),
        "no version hides anything: no picker"
    );
    assert_eq!(blocks(&all), [(">= vs-2017", "vs-2017 vs-2019 vs-2022")]);
}

/// `[monikers]` may give a version the name its picker shows, as Learn
/// shows "Visual Studio 2022" for `vs-2022`; the others show as their
/// monikers, and the values stay monikers (`?view=vs-2022`).
#[test]
fn versions_named_in_polydoc_toml_show_their_names() {
    let site = Fixture::new();
    site.write(
        "polydoc.toml",
        concat!(
            "[monikers]\n",
            "\"Visual Studio\" = [\n",
            "  \"vs-2017\",\n",
            "  { moniker = \"VS-2019\", name = \"Visual Studio 2019\" },\n",
            "  { moniker = \"vs-2022\", name = \"Visual Studio 2022\" },\n",
            "]\n",
        ),
    )
    .write(
        "content/en-us/setup.md",
        "# Setup\n\n::: moniker range=\"vs-2017\"\nOld.\n::: moniker-end\n\n::: moniker range=\">= vs-2019\"\nNew.\n::: moniker-end\n",
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = site.html("en-us/setup.html");
    assert_eq!(
        options(&html),
        [
            ("vs-2017".into(), "vs-2017".into()),
            ("vs-2019".into(), "Visual Studio 2019".into()),
            ("vs-2022".into(), "Visual Studio 2022".into()),
            (String::new(), "All versions".into()),
        ]
    );
    assert_eq!(blocks(&html)[1], (">= vs-2019", "vs-2019 vs-2022"));

    // A table that is neither form says which forms a version takes.
    site.write(
        "polydoc.toml",
        "[monikers]\n\"Visual Studio\" = [{ moniker = \"vs-2022\", title = \"VS 2022\" }]\n",
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "polydoc.toml:2:20: invalid configuration: unknown key `title`; a version is a moniker (\"vs-2022\"), or a table of a moniker and the name the version picker shows ({ moniker = \"vs-2022\", name = \"Visual Studio 2022\" })"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn without_a_list_versions_are_ordered_by_their_names_within_each_product() {
    let site = Fixture::new();
    site.write(
        "content/en-us/columns.md",
        concat!(
            "# Columns\n\n",
            "::: moniker range=\"=azuresqldb-current || >= sql-server-2017\"\nBoth.\n::: moniker-end\n\n",
            "::: moniker range=\"sql-server-2016\"\nOld.\n::: moniker-end\n\n",
            "::: moniker range=\"sql-server-ver15\"\n2019.\n::: moniker-end\n",
        ),
    )
    .write(
        "content/en-us/other.md",
        "# Other\n\n::: moniker range=\"sql-server-ver16\"\nNewest.\n::: moniker-end\n",
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = site.html("en-us/columns.html");
    assert_eq!(
        attrs(&html, "form.version-picker optgroup", "label"),
        ["azuresqldb", "sql-server"],
        "products in the order the page names them"
    );
    assert_eq!(
        values(&html),
        [
            "azuresqldb-current",
            "sql-server-2016",
            "sql-server-2017",
            "sql-server-ver15",
            "sql-server-ver16",
            "",
        ],
        "a version another page names is offered too; SQL Server's `ver15` follows `2017`"
    );
    assert_eq!(
        blocks(&html),
        [
            (
                "=azuresqldb-current || >= sql-server-2017",
                "azuresqldb-current sql-server-2017 sql-server-ver15 sql-server-ver16"
            ),
            ("sql-server-2016", "sql-server-2016"),
            ("sql-server-ver15", "sql-server-ver15"),
        ]
    );
}

#[test]
fn a_range_that_cannot_be_read_is_found_where_it_goes_wrong() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",                                                           // 1-2
            "::: moniker range=\">= vs-2019 ||\"\nX\n::: moniker-end\n\n",       // 3-6
            "::: moniker range=\">vs&2019\"\nY\n::: moniker-end\n\n",            // 7-10
            "::: moniker range=\"vs-2017 || >= vs-2019\"\nZ\n::: moniker-end\n", // 11-13
        ),
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    let found: Vec<(String, String, u64, u64)> = places(&doc);
    assert_eq!(
        found,
        [
            ("invalid-zone".into(), "content/en-us/a.md".into(), 3, 31),
            ("invalid-zone".into(), "content/en-us/a.md".into(), 7, 23),
        ]
    );
    let messages = fields(&doc, "message");
    assert_eq!(
        messages,
        [
            "moniker range `>= vs-2019 ||` cannot be read: a `||` has no moniker on one side",
            "moniker range `>vs&2019` cannot be read: `&` cannot start a moniker",
        ]
    );
    let out = site.build(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the page is built: {}",
        stderr(&out)
    );
    let html = site.html("en-us/a.html");
    assert_eq!(
        select(&html, "div.moniker[data-versions]").len(),
        1,
        "a block whose range cannot be read shows for every version"
    );
}

#[test]
fn with_a_list_a_moniker_it_lacks_is_found_with_the_closest_listed_one() {
    let site = Fixture::new();
    site.write(
        "polydoc.toml",
        "[monikers]\n\"Visual Studio\" = [\"vs-2017\", \"vs-2019\", \"vs-2022\"]\n",
    )
    .write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",                                                             // 1-2
            "::: moniker range=\"vs-2017 || >= VS-2O19\"\nX\n::: moniker-end\n\n", // 3-6
            "::: moniker range=\">= vs-2022\"\nY\n::: moniker-end\n",              // 7-9
        ),
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        places(&doc),
        [("invalid-zone".into(), "content/en-us/a.md".into(), 3, 34)]
    );
    assert_eq!(
        fields(&doc, "message"),
        ["moniker `VS-2O19` is none of the versions `[monikers]` lists"]
    );
    assert_eq!(
        fields(&doc, "help"),
        [
            "did you mean `vs-2019`? Otherwise add `VS-2O19` to its product's versions under `[monikers]` in polydoc.toml"
        ]
    );
}
