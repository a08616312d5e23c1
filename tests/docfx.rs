//! The rest of DocFX-flavoured Markdown: one small site per construct,
//! built by the real binary; the HTML is parsed and its structure
//! asserted, and each misuse gives its finding (rule, file, line).

mod common;

use common::*;

fn built(site: &Fixture) {
    let out = site.build(&[]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
}

/// The site navigation's links: (text, href).
fn nav_links(html: &scraper::Html) -> Vec<(String, &str)> {
    common::links(html, ".site-nav li > a")
}

fn checked(site: &Fixture) -> std::collections::BTreeSet<(String, String, u64)> {
    let (_, doc) = check_json(site.root(), &[]);
    findings(&doc)
}

#[test]
fn includes_render_in_place_with_their_links_rebased() {
    let site = Fixture::new();
    site.write(
        "content/en-us/guide/setup.md",
        "# Setup\n\nRuns on [!include[os](../includes/os.md)] only.\n\n[!INCLUDE [steps](../includes/steps.md)]\n\nSee [the step](#install-step).\n",
    )
    .write("content/en-us/includes/os.md", "**Windows Server**\n")
    .write(
        "content/en-us/includes/steps.md",
        "## Install step\n\nRead [the overview](../overview.md#top) first. ![logo](../media/logo.png)\n",
    )
    .write("content/en-us/overview.md", "# <a name=\"top\"></a>Overview\n")
    .write("content/en-us/media/logo.png", "png");
    built(&site);
    assert!(checked(&site).is_empty(), "{:?}", checked(&site));
    let html = site.html("en-us/guide/setup.html");
    let first = &select(&html, "article p")[0];
    assert_eq!(text(first), "Runs on Windows Server only.");
    assert_eq!(select(&html, "article p strong").len(), 1);
    let heading = &select(&html, "article h2")[0];
    assert_eq!(attr(heading, "id"), "install-step");
    let link = &select(&html, "article a[href*='overview']")[0];
    assert_eq!(attr(link, "href"), "../overview.html#top");
    let img = &select(&html, "article img")[0];
    let page = site.out("en-us/guide/setup.html");
    assert!(resolve(&page, attr(img, "src")).is_file());
    assert!(
        !site.out("en-us/includes/steps.html").exists(),
        "an included file is no page"
    );
}

#[test]
fn include_errors_name_the_file_and_the_chain() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        "# A\n\n[!INCLUDE [gone](includes/gone.md)]\n\n[!INCLUDE [out](../../etc/passwd.md)]\n\n[!INCLUDE [loop](includes/one.md)]\n\n[!INCLUDE [again](includes/gone.md)]\n",
    )
    .write("content/en-us/includes/one.md", "[!INCLUDE [two](two.md)]\n")
    .write("content/en-us/includes/two.md", "Text\n\n[!include[one](one.md)]\n");
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[
            ("include-not-found", "content/en-us/a.md", 3),
            ("include-not-found", "content/en-us/a.md", 5),
            ("circular-reference", "content/en-us/includes/two.md", 3),
        ])
    );
    // One missing file included twice is one fix: one finding.
    let (_, doc) = check_json(site.root(), &[]);
    let gone = finding_where(&doc, |f| {
        f["message"].as_str().is_some_and(|m| m.contains("gone.md"))
    });
    assert_eq!(
        gone["message"],
        "include `includes/gone.md` names no file in `en-us`; the page includes it 2 times (lines 3, 9)"
    );
    assert_eq!(gone["related"][0]["location"]["line"], 9);
    let html = site.html("en-us/a.html");
    assert_eq!(
        text(&select(&html, "article p")[0]),
        "Text",
        "the cycle is cut once"
    );
}

/// What a column holds is indented under its `:::column:::` line on
/// Microsoft's pages (Learn's own Markdown reference writes its example
/// so): DocFX reads it without that indentation, as text, images and
/// lists, where CommonMark would see an indented code block. Its links
/// are checked, at their place in the file.
#[test]
fn indented_column_content_is_markdown_as_in_docfx() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",
            ":::row:::\n",
            "   :::column span=\"2\":::\n",
            "      **This is a 2-span column with lots of text.**\n",
            "\n",
            "      Lorem ipsum dolor sit amet, [see B](b.md)\n",
            "      ornare commodo.\n",
            "   :::column-end:::\n",
            "   :::column span=\"\":::\n",
            "      ![Doc.U.Ment](media/document.png)\n",
            "\n",
            "      - One\n",
            "        - Nested, [gone](gone.md)\n",
            "\n",
            "      ```powershell\n",
            "        Get-Item\n",
            "      ```\n",
            "   :::column-end:::\n",
            ":::row-end:::\n\n",
            "    Indented code outside a column stays code.\n",
        ),
    )
    .write("content/en-us/media/document.png", "png")
    .write("content/en-us/b.md", "# B\n");
    built(&site);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("broken-link", "content/en-us/a.md", 14)])
    );
    let broken = finding_where(&doc, |f| f["rule"] == "broken-link");
    assert_eq!(broken["location"]["column"], 26);

    let html = site.html("en-us/a.html");
    let columns = select(&html, "section.row > div.column");
    assert_eq!(columns.len(), 2);
    assert_eq!(
        texts(&html, "section.row > div.column:first-child > p"),
        [
            "This is a 2-span column with lots of text.",
            "Lorem ipsum dolor sit amet, see B\nornare commodo."
        ]
    );
    assert_eq!(
        attrs(&html, "section.row a", "href"),
        ["b.html", "gone.html"]
    );
    assert_eq!(
        attrs(&html, "section.row p > img", "src"),
        ["media/document.png"]
    );
    assert_eq!(texts(&html, "section.row li li"), ["Nested, gone"]);
    // A fence, highlighted; its lines keep their indentation relative
    // to it.
    assert_eq!(attrs(&html, "section.row pre", "data-lang"), ["powershell"]);
    let code = &select(&html, "section.row pre code")[0];
    assert_eq!(code.text().collect::<String>(), "  Get-Item\n");
    assert_eq!(
        texts(&html, "article > pre code"),
        ["Indented code outside a column stays code."]
    );

    // A row inside a list item stays in the item, its columns' content
    // a paragraph there.
    site.write(
        "content/en-us/a.md",
        "# A\n\n1. Step one\n\n   :::row:::\n       :::column:::\n           Left\n       :::column-end:::\n   :::row-end:::\n\n2. Step two\n",
    );
    built(&site);
    let html = site.html("en-us/a.html");
    assert_eq!(select(&html, "article ol").len(), 1);
    assert_eq!(
        texts(&html, "ol > li:first-child section.row > div.column > p"),
        ["Left"]
    );
    assert_eq!(select(&html, "ol > li").len(), 2);
}

#[test]
fn triple_colon_blocks_render_as_docfx_does() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",
            ":::image type=\"content\" source=\"media/a.png\" alt-text=\"A chart\" lightbox=\"media/a.png\":::\n\n",
            ":::image type=\"icon\" source=\"media/a.png\" border=\"false\" link=\"b.md\":::\n\n",
            ":::image type=\"complex\" source=\"media/a.png\" alt-text=\"Sales\":::\n",
            "Sales rose in **May**.\n",
            ":::image-end:::\n\n",
            ":::video source=\"https://www.youtube-nocookie.com/embed/x\":::\n\n",
            ":::row:::\n:::column span=\"2\":::\nLeft\n:::column-end:::\n:::column:::\nRight\n:::column-end:::\n:::row-end:::\n\n",
            "::: zone pivot=\"windows\"\nOn Windows.\n::: zone-end\n\n",
            "::: moniker range=\">= server-2019\"\nNew.\n::: moniker-end\n\n",
            "Keep :::no-loc text=\"Windows Server\"::: as is.\n\n",
            "```md\n:::image source=\"kept.png\":::\n```\n",
        ),
    )
    .write("content/en-us/media/a.png", "png")
    .write("content/en-us/b.md", "# B\n");
    built(&site);
    assert!(checked(&site).is_empty(), "{:?}", checked(&site));
    let html = site.html("en-us/a.html");
    let bordered = select(&html, "span.mx-imgBorder > a > img");
    assert_eq!(attr(&bordered[0], "alt"), "A chart");
    let lightbox = select(&html, "span.mx-imgBorder > a")[0];
    assert_eq!(attr(&lightbox, "href"), "media/a.png#lightbox");
    let icon = &select(&html, "a[href='b.html'] > img[role='presentation']")[0];
    assert_eq!(attr(icon, "alt"), "");
    let complex = &select(&html, "img[aria-describedby]")[0];
    let described = attr(complex, "aria-describedby");
    let description = &select(&html, &format!("div#{described}.visually-hidden"))[0];
    assert_eq!(text(description), "Sales rose in May.");
    let frame = &select(&html, "div.embeddedvideo > iframe")[0];
    assert_eq!(
        attr(frame, "src"),
        "https://www.youtube-nocookie.com/embed/x"
    );
    let columns = select(&html, "section.row > div.column");
    assert_eq!(columns.len(), 2);
    assert_eq!(attr(&columns[0], "class"), "column span2");
    assert_eq!(text(&columns[1]), "Right");
    let zone = &select(&html, "div.zone[data-pivot='windows']")[0];
    assert_eq!(text(zone), "On Windows.");
    let moniker = &select(&html, "div.moniker")[0];
    assert_eq!(attr(moniker, "data-moniker"), ">= server-2019");
    assert_eq!(
        attr(moniker, "data-moniker-title"),
        "Applies to: >= server-2019",
        "every version's block shows, labelled (`polydoc.css` shows the title)"
    );
    let para = select(&html, "article p")
        .into_iter()
        .map(|p| text(&p))
        .find(|t| t.starts_with("Keep"));
    assert_eq!(para.as_deref(), Some("Keep Windows Server as is."));
    let code = &select(&html, "pre code")[0];
    assert_eq!(text(code), ":::image source=\"kept.png\":::");
}

#[test]
fn block_misuse_gives_findings() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",                                  // 1-2
            ":::image source=\"a.png\":::\n\n",         // 3: no alt-text
            ":::imgae source=\"a.png\":::\n\n",         // 5: unknown
            "::: zone\nx\n::: zone-end\n\n",            // 7: zone without pivot
            ":::column:::\ny\n:::column-end:::\n\n",    // 11: column outside row
            ":::row-end:::\n\n",                        // 15: closes nothing
            "::: zone pivot=\"linux\"\nnever closed\n", // 17: unclosed
        ),
    )
    .write("content/en-us/a.png", "png");
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[
            ("invalid-block", "content/en-us/a.md", 3),
            ("invalid-block", "content/en-us/a.md", 5),
            ("invalid-zone", "content/en-us/a.md", 7),
            ("invalid-block", "content/en-us/a.md", 11),
            ("invalid-block", "content/en-us/a.md", 15),
            ("unclosed-block", "content/en-us/a.md", 17),
        ])
    );
    let html = site.html("en-us/a.html");
    assert_eq!(
        text(&select(&html, "div.zone[data-pivot='linux']")[0]),
        "never closed",
        "an unclosed zone ends with the page"
    );
}

const PIVOT_GROUPS: &str = "### YamlMime:ZonePivotGroups\ngroups:\n- id: client-os\n  title: Operating system\n  prompt: Choose an operating system\n  pivots:\n  - id: windows\n    title: Windows\n  - id: linux\n    title: Linux\n";

#[test]
fn zone_pivots_get_a_picker_per_group_of_the_page() {
    let site = Fixture::new();
    site.write("content/en-us/zone-pivot-groups.yml", PIVOT_GROUPS)
        .write(
            "content/en-us/a.md",
            "---\ntitle: A\nzone_pivot_groups: client-os\n---\n# A\n\n::: zone pivot=\"windows\"\n## On Windows\n::: zone-end\n\n::: zone pivot=\"linux\"\n## On Linux\n::: zone-end\n",
        )
        .write("content/en-us/b.md", "# B\n\nNo pivots.\n")
        .write(
            "content/en-us/c.md",
            "---\nzone_pivot_groups:\n  - client-os\n---\n# C\n\n::: zone pivot=\"linux\"\nx\n::: zone-end\n",
        );
    built(&site);
    assert!(checked(&site).is_empty(), "{:?}", checked(&site));
    let html = site.html("en-us/a.html");
    let picker = &select(&html, "form.pivot-picker[data-pivot-group='client-os']")[0];
    assert!(
        picker.value().attr("hidden").is_some(),
        "shown by polydoc.js only"
    );
    let label = &select(&html, "form.pivot-picker label")[0];
    assert!(text(label).starts_with("Choose an operating system"));
    let options: Vec<(String, String)> = select(&html, "form.pivot-picker option")
        .iter()
        .map(|o| (attr(o, "value").to_owned(), text(o)))
        .collect();
    assert_eq!(
        options,
        [
            ("windows".to_owned(), "Windows".to_owned()),
            ("linux".to_owned(), "Linux".to_owned())
        ]
    );
    let zones: Vec<(&str, &str)> = select(&html, "div.zone")
        .iter()
        .map(|z| (attr(z, "data-pivot"), attr(z, "data-pivot-title")))
        .collect();
    assert_eq!(
        zones,
        [("windows", "Windows"), ("linux", "Linux")],
        "every zone is in the HTML, labelled for readers without JavaScript"
    );
    assert!(select(&site.html("en-us/b.html"), "form.pivot-picker").is_empty());
    assert_eq!(
        attrs(
            &site.html("en-us/c.html"),
            "form.pivot-picker",
            "data-pivot-group"
        ),
        ["client-os"],
        "a YAML list names groups too"
    );
    assert!(
        !site.out("en-us/zone-pivot-groups.yml").exists(),
        "configuration, not a download"
    );
}

/// Large docsets keep a groups file per area and a page names its own
/// (`zone_pivot_group_filename: data-explorer/zone-pivot-groups.json`, a
/// path from the docset's root, here through azure-docs' `"src":
/// "articles"`): its groups are the page's; a path naming no file is
/// `invalid-zone` at the key.
#[test]
fn a_page_names_its_own_pivot_groups_file() {
    let site = Fixture::new();
    let groups = r#"{"groups": [{"id": "kql-flavors", "title": "Product", "prompt": "Select a product",
        "pivots": [{"id": "azuredataexplorer", "title": "Azure Data Explorer"}, {"id": "azuremonitor", "title": "Azure Monitor"}]}]}"#;
    site.write(
        "content/en-us/docfx.json",
        r#"{"build": {"content": [{"src": "articles", "dest": ".", "files": ["**/*.md"]}]}}"#,
    )
    .write("content/en-us/articles/data-explorer/zone-pivot-groups.json", groups)
    .write(
        "content/en-us/articles/data-explorer/bar.md",
        "---\nzone_pivot_group_filename: data-explorer/zone-pivot-groups.json\nzone_pivot_groups: kql-flavors\n---\n# Bar\n\n::: zone pivot=\"azuremonitor\"\nMonitor.\n::: zone-end\n",
    )
    .write(
        "content/en-us/articles/data-explorer/gone.md",
        "---\nzone_pivot_group_filename: data-explorer/nope.json\nzone_pivot_groups: kql-flavors\n---\n# Gone\n",
    )
    // Another area titles the same pivot its own way: each page's zones
    // are labelled from its own file.
    .write(
        "content/en-us/articles/azure-monitor/zone-pivot-groups.json",
        groups.replace("\"title\": \"Azure Monitor\"", "\"title\": \"Monitor (logs)\""),
    )
    .write(
        "content/en-us/articles/azure-monitor/logs.md",
        "---\nzone_pivot_group_filename: azure-monitor/zone-pivot-groups.json\nzone_pivot_groups: kql-flavors\n---\n# Logs\n\n::: zone pivot=\"azuremonitor\"\nLogs.\n::: zone-end\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[(
            "invalid-zone",
            "content/en-us/articles/data-explorer/gone.md",
            2
        )])
    );
    assert_eq!(
        finding_where(&doc, |f| f["rule"] == "invalid-zone")["message"],
        "`zone_pivot_group_filename` names `data-explorer/nope.json`, which is no zone pivot groups file of `en-us`: the page's pickers cannot be built"
    );
    built(&site);
    let html = site.html("en-us/articles/data-explorer/bar.html");
    assert_eq!(
        attrs(&html, "form.pivot-picker", "data-pivot-group"),
        ["kql-flavors"]
    );
    assert_eq!(
        attrs(&html, "div.zone", "data-pivot-title"),
        ["Azure Monitor"]
    );
    let logs = site.html("en-us/articles/azure-monitor/logs.html");
    assert_eq!(
        attrs(&logs, "div.zone", "data-pivot-title"),
        ["Monitor (logs)"]
    );
    assert!(
        !site
            .out("en-us/articles/data-explorer/zone-pivot-groups.json")
            .exists()
    );
}

#[test]
fn pivot_misuse_gives_findings() {
    let site = Fixture::new();
    site.write("content/en-us/zone-pivot-groups.yml", PIVOT_GROUPS)
        .write("content/es-es/zone-pivot-groups.yml", "groups:\n- id: [broken\n")
        .write(
            "content/en-us/a.md",
            "---\ntitle: A\nzone_pivot_groups: client-os\n---\n# A\n\n::: zone pivot=\"windows\"\nx\n::: zone-end\n\n::: zone pivot=\"macos\"\ny\n::: zone-end\n",
        )
        .write(
            "content/en-us/b.md",
            "---\ntitle: B\nzone_pivot_groups: client-oss\n---\n# B\n",
        )
        .write(
            "content/en-us/c.md",
            "# C\n\n::: zone pivot=\"windows\"\nx\n::: zone-end\n",
        )
        .write("content/en-us/includes/part.md", "::: zone pivot=\"linux\"\nz\n::: zone-end\n");
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("invalid-zone", "content/en-us/a.md", 11),
            ("invalid-zone", "content/en-us/b.md", 3),
            ("invalid-zone", "content/en-us/c.md", 3),
            ("invalid-zone", "content/es-es/zone-pivot-groups.yml", 2),
        ])
    );
    let typo = finding_where(&doc, |f| f["location"]["file"] == "content/en-us/b.md");
    assert_eq!(typo["help"], "did you mean `client-os`?");
    let unknown = finding_where(&doc, |f| f["location"]["file"] == "content/en-us/a.md");
    assert_eq!(
        unknown["message"],
        "pivot `macos` is in none of this page's pivot groups (`client-os`): no reader can pick it"
    );
}

#[test]
fn code_snippets_are_read_from_files() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",
            ":::code language=\"powershell\" source=\"snippets/s.ps1\" id=\"greet\" highlight=\"1\":::\n\n",
            "[!code-powershell[](snippets/s.ps1#L4-L4)]\n\n",
            "[!code-powershell[](snippets/s.ps1?name=nope)]\n\n",
            ":::code language=\"csharp\" source=\"snippets/gone.cs\":::\n\n",
            "[!code-powershell[](snippets/s.ps1?range=5-7&dedent=2)]\n",
        ),
    )
    .write(
        "content/en-us/snippets/s.ps1",
        "# <greet>\nWrite-Host \"Hello\"\n# </greet>\nGet-Date\nif ($x) {\n    Stop-Process\n}\n",
    );
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[
            ("codesnippet-not-found", "content/en-us/a.md", 7),
            ("codesnippet-not-found", "content/en-us/a.md", 9),
        ])
    );
    let html = site.html("en-us/a.html");
    let blocks = select(&html, "pre.code");
    assert_eq!(blocks.len(), 3);
    assert_eq!(text(&blocks[0]), "Write-Host \"Hello\"");
    assert_eq!(attr(&blocks[0], "data-highlight-lines"), "1");
    assert!(!select(&html, "pre.code span[class*='hl-powershell']").is_empty());
    assert_eq!(text(&blocks[1]), "Get-Date");
    // `dedent=2` takes two columns off each line, not the none they share.
    assert_eq!(text(&blocks[2]), "if ($x) {\n  Stop-Process\n}");
}

/// Regions as Microsoft's samples mark them: `id="1"` finds
/// `<Snippet1>`, Visual Basic's `#Region "x"`, and the markers of the
/// regions nested in the one shown never show.
#[test]
fn snippet_regions_are_found_as_docfx_finds_them() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",
            ":::code language=\"vb\" source=\"snippets/Program.vb\" id=\"1\":::\n\n",
            "[!code-vb[](snippets/Program.vb#Helpers)]\n\n",
            "[!code-vb[](snippets/Program.vb?name=Snippet3)]\n",
        ),
    )
    .write(
        "content/en-us/snippets/Program.vb",
        concat!(
            "Module Program\n",
            "    ' <Snippet1>\n",
            "    ''' <summary>Starts.</summary>\n",
            "    Sub Main()\n",
            "        ' <Snippet2>\n",
            "        Greet()\n",
            "        ' </Snippet2>\n",
            "    End Sub\n",
            "    ' </Snippet1>\n",
            "    #Region \"Helpers\"\n",
            "    Sub Greet()\n",
            "    End Sub\n",
            "    #End Region\n",
            "End Module\n",
        ),
    );
    built(&site);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("codesnippet-not-found", "content/en-us/a.md", 7)])
    );
    let missing = &doc["findings"][0];
    assert_eq!(
        missing["message"],
        "code file `snippets/Program.vb`: the file has no region `Snippet3`"
    );
    assert_eq!(
        missing["help"],
        "did you mean `Snippet1`? the file marks `Snippet1`, `Snippet2` and `Helpers`"
    );
    let html = site.html("en-us/a.html");
    let blocks: Vec<String> = select(&html, "pre.code").iter().map(text).collect();
    assert_eq!(
        blocks,
        [
            "''' <summary>Starts.</summary>\nSub Main()\n    Greet()\nEnd Sub",
            "Sub Greet()\nEnd Sub"
        ]
    );
}

/// A page whose `dev_langs` lists C# and Visual Basic shows each example's
/// adjacent C# and VB blocks as one, a tab per language, as Microsoft
/// Learn does; code of other languages, or with text between, stays apart.
#[test]
fn adjacent_code_in_the_page_languages_shows_as_one_block() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "---\ndev_langs:\n- csharp\n- VB\n---\n# A\n\n",
            " [!code-csharp[X#1](s/a.cs#1)]\n",
            " [!code-vb[X#1](s/a.vb#1)]  \n\n",
            "```xaml\n<Grid/>\n```\n\n",
            "```cs\nint b;\n```\n\n",
            "```vbnet\nDim b As Integer\n```\n\n",
            "```csharp\nint c;\n```\n\n",
            "Text between.\n\n",
            "```vb\nDim c As Integer\n```\n",
        ),
    )
    .write(
        "content/en-us/s/a.cs",
        "// <Snippet1>\nint a;\n// </Snippet1>\n",
    )
    .write(
        "content/en-us/s/a.vb",
        "' <Snippet1>\nDim a As Integer\n' </Snippet1>\n",
    )
    .write(
        "content/en-us/plain.md",
        "# Plain\n\n```csharp\nint a;\n```\n\n```vb\nDim a As Integer\n```\n",
    );
    built(&site);
    let html = site.html("en-us/a.html");
    let groups = select(&html, "div.tabGroup.codeGroup");
    let shown: Vec<Vec<(String, String)>> = groups
        .iter()
        .map(|group| {
            select_in(group, "[role='tabpanel']")
                .iter()
                .map(|panel| {
                    let tab = select_in(
                        group,
                        &format!("[role='tab'][aria-controls='{}']", attr(panel, "id")),
                    );
                    let code = select_in(panel, "pre.code code");
                    (text(&tab[0]), text(&code[0]))
                })
                .collect()
        })
        .collect();
    assert_eq!(
        shown,
        [
            vec![
                ("C#".to_owned(), "int a;".to_owned()),
                ("Visual Basic".to_owned(), "Dim a As Integer".to_owned())
            ],
            vec![
                ("C#".to_owned(), "int b;".to_owned()),
                ("Visual Basic".to_owned(), "Dim b As Integer".to_owned())
            ],
        ]
    );
    // The XAML, the third C# block and the VB after the text stand alone.
    assert_eq!(
        texts(&html, "article > pre.code code"),
        ["<Grid/>", "int c;", "Dim c As Integer"]
    );
    // Without `dev_langs`, nothing is grouped.
    let plain = site.html("en-us/plain.html");
    assert!(select(&plain, ".codeGroup").is_empty());
    assert_eq!(select(&plain, "article > pre.code").len(), 2);
}

/// `dev_langs` given to pages by a `docfx.json`'s `fileMetadata`, as .NET
/// docsets set it per folder, groups their code as front matter does.
#[test]
fn dev_langs_from_file_metadata_group_code_too() {
    let site = Fixture::new();
    site.write(
        "content/en-us/docfx.json",
        r#"{"build": {"content": [{"files": ["**/*.md"]}], "fileMetadata": {"dev_langs": {"vb/**/*.md": ["csharp", "vb"]}}}}"#,
    );
    let page = "# A\n\n```csharp\nint a;\n```\n\n```vb\nDim a As Integer\n```\n";
    site.write("content/en-us/vb/a.md", page)
        .write("content/en-us/other/a.md", page);
    built(&site);
    let grouped = site.html("en-us/vb/a.html");
    assert_eq!(
        texts(&grouped, ".codeGroup [role='tab']"),
        ["C#", "Visual Basic"]
    );
    assert!(select(&site.html("en-us/other/a.html"), ".codeGroup").is_empty());
    // Written as DocFX also reads a metadata list: one line, commas.
    site.write(
        "content/en-us/line/a.md",
        format!("---\ndev_langs: csharp, vb\n---\n{page}"),
    );
    built(&site);
    assert_eq!(
        texts(&site.html("en-us/line/a.html"), ".codeGroup [role='tab']"),
        ["C#", "Visual Basic"]
    );
}

/// `> [!div class="tabbedCodeSnippets"]`, as older Windows app pages in
/// every locale write it: the blocks inside the quote, or the fences right
/// after it, are one block a tab each, whatever `dev_langs` says.
#[test]
fn tabbed_code_snippets_show_as_one_block() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",
            "> [!div class=\"tabbedCodeSnippets\"]\n",
            "```csharp\nvoid Click() { }\n```\n",
            "```cpp\nvoid Page1::Click() { }\n```\n\n",
            "Quoted:\n\n",
            "> [!div class=\"TabbedCodeSnippets\"]\n> ```cs\n> int x;\n> ```\n> ```vb\n> Dim x As Integer\n> ```\n\n",
            "Alone:\n\n",
            "```csharp\nint y;\n```\n```cpp\nint y;\n```\n",
        ),
    );
    built(&site);
    let html = site.html("en-us/a.html");
    let groups: Vec<Vec<String>> = select(&html, "div.codeGroup")
        .iter()
        .map(|group| texts_in(group, "[role='tab']"))
        .collect();
    assert_eq!(groups, [["C#", "C++"], ["C#", "Visual Basic"]]);
    assert_eq!(
        texts(&html, "div.codeGroup [role='tabpanel'] code"),
        [
            "void Click() { }",
            "void Page1::Click() { }",
            "int x;",
            "Dim x As Integer"
        ]
    );
    assert_eq!(
        texts(&html, "article > pre.code code"),
        ["int y;", "int y;"],
        "no div, no dev_langs: no group"
    );
}

/// Visual Basic (.NET docs) and Bicep (Azure docs) are in no grammar set
/// syntect or two-face ships: polydoc's own grammars highlight them, in
/// fences and in snippets read from files.
#[test]
fn visual_basic_and_bicep_are_highlighted() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",
            "```VB\nDim total As Integer = 0 ' none yet\n```\n\n",
            ":::code language=\"vb\" source=\"snippets/Program.vb\":::\n\n",
            "[!code-bicep[](snippets/main.bicep)]\n",
        ),
    )
    .write(
        "content/en-us/snippets/Program.vb",
        "Public Module Program\n    Sub Main()\n    End Sub\nEnd Module\n",
    )
    .write(
        "content/en-us/snippets/main.bicep",
        "param location string = 'westus' // where\n",
    );
    built(&site);
    assert_eq!(checked(&site), set(&[]));
    let html = site.html("en-us/a.html");
    let marked = |lang: &str, class: &str| {
        texts(
            &html,
            &format!("code.language-{lang} span[class^='hl-{class} ']"),
        )
    };
    assert_eq!(marked("VB", "storage"), ["Dim", "Integer"]);
    assert_eq!(marked("VB", "comment"), ["' none yet"]);
    assert_eq!(
        marked("vb", "entity"),
        ["Program", "Main"],
        "declared names"
    );
    assert_eq!(marked("vb", "keyword"), ["End", "End"]);
    assert_eq!(marked("bicep", "keyword"), ["param", "="]);
    assert_eq!(marked("bicep", "string"), ["'westus'"]);
    assert_eq!(marked("bicep", "comment"), ["// where"]);
}

/// Tab headings as Microsoft's localized repositories write them: an
/// `<a name>` before the link, and in older pages the source text beside
/// the translation in a `span.sxs-lookup`. Still one tab group, titled
/// in the page's language, and no link to check; headings are titled in
/// the page's language too.
#[test]
fn localized_tab_headings_with_anchors_and_source_text_are_tabs() {
    let site = Fixture::new();
    site.write(
        "content/pt-br/a.md",
        concat!(
            "# A\n\n## Pedido\n\n",
            "# <a name=\"http\"></a>[<span data-ttu-id=\"86643-145\">HTTP</span>",
            "<span class=\"sxs-lookup\"><span data-stu-id=\"86643-145\">HTTP request</span></span>](#tab/http)\n\n",
            "Envie.\n\n",
            "# <a name=\"powershelltabazure-powershell\"></a>[PowerShell](#tab/azure-powershell)\n\n",
            "Execute.\n\n---\n\n",
            "## <span data-ttu-id=\"2\">Resposta</span><span class=\"sxs-lookup\">",
            "<span data-stu-id=\"2\">Response</span></span>\n\nVeja [Resposta](#resposta).\n\n",
            // A second group with the same tabs, as every example of a
            // localized Microsoft Graph reference page has: their
            // anchors name no element, so they repeat no id.
            "## Outro\n\n# <a name=\"http\"></a>[HTTP](#tab/http)\n\nEnvie.\n\n",
            "# <a name=\"powershelltabazure-powershell\"></a>[PowerShell](#tab/azure-powershell)\n\n",
            "Execute.\n\n---\n",
        ),
    );
    built(&site);
    assert_eq!(checked(&site), set(&[]));
    let html = site.html("pt-br/a.html");
    assert!(select(&html, "[id='http'], [name='http']").is_empty());
    assert_eq!(select(&html, "div.tabGroup").len(), 2);
    let tabs: Vec<(String, &str)> = select(&html, "div.tabGroup:first-of-type [role='tab']")
        .iter()
        .map(|t| (text(t), attr(t, "data-tab")))
        .collect();
    assert_eq!(
        tabs,
        [
            ("HTTP".to_owned(), "http"),
            ("PowerShell".to_owned(), "azure-powershell")
        ]
    );
    assert!(select(&html, "article h1 a[href^='#tab/']").is_empty());
    // A heading's title and automatic id leave the source text out.
    let toc: Vec<(String, &str)> = common::links(&html, "nav.toc li a");
    assert_eq!(
        toc,
        [
            ("Pedido".to_owned(), "#pedido"),
            ("Resposta".to_owned(), "#resposta"),
            ("Outro".to_owned(), "#outro")
        ]
    );
}

#[test]
fn tabs_render_as_an_accessible_group_readable_without_javascript() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n## Install\n\n",
            "### [Linux](#tab/linux)\n\nRun apt.\n\n",
            "### [Windows](#tab/windows)\n\nRun winget.\n\n",
            "---\n\n## After\n\nAfter the tabs.\n\n",
            "# [Linux](#tab/linux)\n\nA.\n\n# [Linux](#tab/linux)\n\nB.\n",
        ),
    );
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[("invalid-tab-group", "content/en-us/a.md", 23)])
    );
    let html = site.html("en-us/a.html");
    let groups = select(&html, "div.tabGroup");
    assert_eq!(groups.len(), 2);
    let tabs = select(
        &html,
        "div.tabGroup:first-of-type [role='tablist'] a[role='tab']",
    );
    let ids: Vec<&str> = tabs.iter().map(|t| attr(t, "data-tab")).collect();
    assert_eq!(ids, ["linux", "windows"]);
    assert_eq!(attr(&tabs[0], "aria-selected"), "true");
    let panels = select(
        &html,
        "div.tabGroup:first-of-type > section[role='tabpanel']",
    );
    assert_eq!(panels.len(), 2);
    for (tab, panel) in tabs.iter().zip(&panels) {
        assert_eq!(attr(tab, "aria-controls"), attr(panel, "id"));
        assert!(
            panel.value().attr("hidden").is_none(),
            "readable without JavaScript"
        );
    }
    assert_eq!(
        text(&select(&html, "#tabpanel_0_windows p.tab-title")[0]),
        "Windows"
    );
    assert!(text(&panels[1]).contains("Run winget."));
    assert!(
        select(&html, "article hr").is_empty(),
        "the `---` closes the group"
    );
    let after = select(&html, "article > p")
        .into_iter()
        .any(|p| text(&p) == "After the tabs.");
    assert!(after, "text after the group is outside it");
    let toc: Vec<String> = texts(&html, "nav.toc li a");
    assert_eq!(toc, ["Install", "After"], "tab titles are no headings");
    assert!(
        select(&html, "article h3").is_empty(),
        "tab titles are no headings"
    );
    assert_eq!(select(&html, "script[src$='polydoc.js']").len(), 1);
}

#[test]
fn quote_blocks_div_video_and_custom_alerts() {
    let site = Fixture::new();
    site.write("polydoc.toml", "[alerts]\nTODO = \"alert-todo\"\n")
        .write(
            "content/en-us/a.md",
            "# A\n\n> [!div class=\"nextstepaction\"]\n> [Next](a.md)\n\n> [!VIDEO https://www.youtube.com/embed/abc]\n\n> [!todo]\n> Finish.\n\n> A plain quote.\n",
        );
    built(&site);
    let html = site.html("en-us/a.html");
    let next = &select(&html, "article div.nextstepaction a")[0];
    assert_eq!(attr(next, "href"), "a.html");
    assert_eq!(
        attr(&select(&html, "div.embeddedvideo iframe")[0], "src"),
        "https://www.youtube.com/embed/abc"
    );
    let todo = &select(&html, "div.alert.alert-todo")[0];
    assert_eq!(
        text(&select(&html, "div.alert-todo .alert-title")[0]),
        "Todo"
    );
    assert!(text(todo).ends_with("Finish."));
    assert_eq!(
        text(&select(&html, "article blockquote")[0]),
        "A plain quote."
    );
}

#[test]
fn cross_references_link_by_uid_with_source_fallback() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write(
            "content/en-us/kms.md",
            "---\nuid: kms.overview\ntitle: KMS overview\n---\n# KMS\n\n## <a name=\"dns\"></a>DNS\n",
        )
        .write("content/en-us/other.md", "---\nuid: kms.overview\n---\n# Other\n")
        .write(
            "content/es-es/a.md",
            "# A\n\nVer <xref:kms.overview>, [DNS](xref:kms.overview#dns), @kms.overview y @desconocido.\n\n<xref:nope>\n",
        );
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[
            ("duplicate-uid", "content/en-us/other.md", 2),
            ("uid-not-found", "content/es-es/a.md", 5),
        ])
    );
    let html = site.html("es-es/a.html");
    let links = select(&html, "article p:first-of-type a");
    let hrefs: Vec<&str> = links.iter().map(|a| attr(a, "href")).collect();
    assert_eq!(
        hrefs,
        [
            "../en-us/kms.html",
            "../en-us/kms.html#dns",
            "../en-us/kms.html"
        ]
    );
    assert_eq!(text(&links[0]), "KMS overview");
    assert_eq!(text(&links[1]), "DNS");
    assert!(text(&select(&html, "article p")[0]).ends_with("y @desconocido."));
}

/// API uids no page declares (cpp-docs' `<xref:System.Exception>`, which
/// Microsoft's publishing resolves through its xref service): an error
/// whose help names `[xref] external`, and with that set, no finding. Either
/// way the page shows the API's name as DocFX would, not `xref:` text.
#[test]
fn api_uids_left_to_a_service_show_their_names_and_are_not_checked() {
    let page = concat!(
        "# /EH\n\n",
        "Le eccezioni <xref:System.Exception?displayProperty=fullName> gestite.\n\n",
        "Vedere <xref:Microsoft.VisualStudio.VCProjectEngine.VCCLCompilerTool.ExceptionHandling%2A>",
        " e <xref:System.String.Format*?displayProperty=nameWithType>.\n\n",
        "Non <xref:kms.nope>.\n",
    );
    let site = Fixture::new();
    site.write("content/it-it/eh.md", page);
    built(&site);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("uid-not-found", "content/it-it/eh.md", 3),
            ("uid-not-found", "content/it-it/eh.md", 5),
            ("uid-not-found", "content/it-it/eh.md", 7),
        ])
    );
    let help: Vec<&str> = fields(&doc, "help");
    assert_eq!(help.len(), 4, "two on line 5");
    assert!(
        help[0].ends_with("add `external = [\"System.\"]` under `[xref]`"),
        "{}",
        help[0]
    );
    assert!(help[1].contains("[\"Microsoft.\"]"), "{}", help[1]);
    assert!(!help[3].contains("[xref]"), "{}", help[3]);

    site.write(
        "polydoc.toml",
        "[xref]\nexternal = [\"System.\", \"Microsoft.\"]\n",
    );
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[("uid-not-found", "content/it-it/eh.md", 7)])
    );
    let html = site.html("it-it/eh.html");
    let names: Vec<String> = texts(&html, "article span.xref");
    assert_eq!(
        names,
        [
            "System.Exception",
            "ExceptionHandling",
            "String.Format",
            "kms.nope"
        ]
    );
    assert!(select(&html, "article a").is_empty());
    assert!(!text(&select(&html, "article")[0]).contains("xref:"));
}

#[test]
fn xref_maps_of_other_sites_link_their_uids() {
    let site = Fixture::new();
    site.write(
        "polydoc.toml",
        concat!(
            "[xref]\n",
            "maps = [\"maps/dotnet.yml\", ",
            "{ path = \"maps/contoso.json\", base_url = \"https://contoso.example/docs/\" }, ",
            "\"maps/fabrikam.yml\"]\n",
        ),
    )
    .write(
        "maps/dotnet.yml",
        concat!(
            "### YamlMime:XRefMap\n",
            "sorted: true\n",
            "baseUrl: https://learn.microsoft.com/dotnet/api/\n",
            "references:\n",
            "- uid: System.String\n  name: String\n  href: system.string\n",
            "  fullName: System.String\n  nameWithType: String\n  commentId: T:System.String\n",
            "- uid: System.String.Format*\n  name: Format\n  href: system.string.format#overloads\n",
            "  fullName: System.String.Format\n  nameWithType: String.Format\n",
            "- uid: System.Exception\n  name: Exception\n  href: https://example.org/exception\n",
            "  fullName: System.Exception\n",
        ),
    )
    .write(
        "maps/contoso.json",
        concat!(
            r#"{"references":["#,
            r#"{"uid":"Contoso.Widget","name":"Widget","href":"api/Contoso.Widget.html","fullName":"Contoso.Widget"},"#,
            r#"{"uid":"System.String","name":"Not the first map's","href":"x.html"}]}"#,
        ),
    )
    // DocFX's own map of a site: relative hrefs, no base.
    .write(
        "maps/fabrikam.yml",
        "references:\n- uid: Fabrikam.Gadget\n  name: Gadget\n  href: api/Fabrikam.Gadget.html\n",
    )
    .write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",
            "See <xref:System.String> and <xref:System.String.Format*?displayProperty=nameWithType>.\n\n",
            "Read [the widget](xref:Contoso.Widget#methods) and <xref:System.Exception?displayProperty=fullName>.\n\n",
            "Mention @System.String, and <xref href=\"Contoso.Widget\" displayProperty=\"fullName\"/>.\n\n",
            "Local <xref:Fabrikam.Gadget>.\n\n",
            "Typo <xref:System.String.Fromat>.\n",
        ),
    );
    built(&site);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("uid-not-found", "content/en-us/a.md", 11),
            ("xref-map-relative-href", "maps/fabrikam.yml", 4),
        ])
    );
    let typo = finding_at(&doc, "content/en-us/a.md", 11);
    assert_eq!(typo["help"], "did you mean `System.String.Format*`?");
    assert_eq!(
        typo["message"],
        "no page or xref map has uid `System.String.Fromat`"
    );
    let relative = finding_where(&doc, |f| f["rule"] == "xref-map-relative-href");
    assert!(
        relative["message"].as_str().is_some_and(|m| m.starts_with(
            "1 uid of this xref map has a relative href (`api/Fabrikam.Gadget.html`)"
        )),
        "{relative}"
    );

    let html = site.html("en-us/a.html");
    let links: Vec<(String, String)> = select(&html, "article a")
        .iter()
        .map(|a| (text(a), attr(a, "href").to_owned()))
        .collect();
    let expected = [
        (
            "String",
            "https://learn.microsoft.com/dotnet/api/system.string",
        ),
        (
            "String.Format",
            "https://learn.microsoft.com/dotnet/api/system.string.format#overloads",
        ),
        (
            "the widget",
            "https://contoso.example/docs/api/Contoso.Widget.html#methods",
        ),
        ("System.Exception", "https://example.org/exception"),
        (
            "String",
            "https://learn.microsoft.com/dotnet/api/system.string",
        ),
        (
            "Contoso.Widget",
            "https://contoso.example/docs/api/Contoso.Widget.html",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(t, h)| ((*t).to_owned(), (*h).to_owned()))
        .collect();
    assert_eq!(links, expected);
    // Known without an address: its name, no link; unknown: the API's name.
    assert_eq!(texts(&html, "article span.xref"), ["Gadget", "Fromat"]);
}

#[test]
fn an_xref_map_that_cannot_be_used_stops_the_run_with_its_position() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# A\n")
        .write("polydoc.toml", "[xref]\nmaps = [\"xrefmap.yml\"]\n")
        .write(
            "xrefmap.yml",
            "references:\n- uid: A\n  name: B\n  - wrong\n",
        );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(2));
    let error = stderr(&out);
    assert!(
        error.contains("xrefmap.yml:4:3: invalid xref map: did not find expected key"),
        "{error}"
    );

    site.write(
        "polydoc.toml",
        "[xref]\nmaps = [\"https://learn.microsoft.com/en-us/dotnet/xrefmap.yml\"]\n",
    );
    let out = polydoc(site.root(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("download it once (`curl -L -o xrefmap.yml https://learn.microsoft.com/en-us/dotnet/xrefmap.yml`)"),
        "{}",
        stderr(&out)
    );

    site.write("polydoc.toml", "[xref]\nmaps = [\"missing.yml\"]\n");
    let out = polydoc(site.root(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read the xref map missing.yml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn xref_tags_link_like_xref_links_and_are_no_hidden_html() {
    let site = Fixture::new();
    site.write(
        "content/en-us/kms.md",
        "---\nuid: kms.overview\ntitle: KMS overview\n---\n# KMS\n\n## DNS\n",
    )
    .write(
        "content/en-us/a.md",
        concat!(
            "# A\n\n",
            "See <xref href=\"kms.overview\" displayProperty=\"name\"/>, ",
            "<xref href=\"kms.overview?text=the+overview#dns\"/>, ",
            "<xref href=\"kms.overview\"></xref> and ",
            "<xref href=\"kms.overview\">its *DNS*</xref>.\n\n",
            "Gone: <xref href=\"kms.nope\"/>\n",
        ),
    );
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[("uid-not-found", "content/en-us/a.md", 5)])
    );
    let html = site.html("en-us/a.html");
    let links: Vec<(String, String)> = select(&html, "article p a.xref")
        .iter()
        .map(|a| (attr(a, "href").to_owned(), text(a)))
        .collect();
    let link = |href: &str, shown: &str| (href.to_owned(), shown.to_owned());
    assert_eq!(
        links,
        [
            link("kms.html", "KMS overview"),
            link("kms.html#dns", "the overview"),
            link("kms.html", "KMS overview"),
            link("kms.html", "its DNS"),
        ]
    );
    assert_eq!(text(&select(&html, "article p")[1]), "Gone: kms.nope");
}

#[test]
fn tilde_links_start_at_the_locale_root() {
    let site = Fixture::new();
    site.write(
        "content/en-us/deep/er/a.md",
        "# A\n\n[b](~/b.md#x) [gone](~/gone.md)\n",
    )
    .write("content/en-us/b.md", "# <a name=\"x\"></a>B\n");
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[("broken-link", "content/en-us/deep/er/a.md", 3)])
    );
    let html = site.html("en-us/deep/er/a.html");
    assert_eq!(
        attr(&select(&html, "article a")[0], "href"),
        "../../b.html#x"
    );
}

/// With a `source` locale, an entry of a translation's table of contents
/// whose file only the source has links the source's page, as a link in
/// a page does (`source-fallback`, a note); a file no locale has is still
/// a broken entry.
#[test]
fn a_toc_entry_a_translation_lacks_links_the_source_page() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write("content/en-us/a.md", "# A\n")
        .write("content/en-us/guide/b.md", "# B\n")
        .write("content/es-es/a.md", "# A es\n")
        .write(
            "content/es-es/toc.yml",
            "- name: A\n  href: a.md\n- name: B\n  href: guide/b.md\n- name: Nada\n  href: nada.md\n",
        );
    built(&site);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("source-fallback", "content/es-es/toc.yml", 4),
            ("broken-toc-entry", "content/es-es/toc.yml", 6),
        ])
    );
    let note = finding_of(&doc, "source-fallback", "content/es-es/toc.yml", 4);
    assert_eq!(note["severity"], "note");
    assert_eq!(
        note["message"],
        "entry `B` links `guide/b.md`, which this locale lacks: the navigation links `en-us`'s copy"
    );
    let html = site.html("es-es/a.html");
    assert_eq!(
        nav_links(&html),
        [
            ("Inicio".to_owned(), "index.html"),
            ("A".to_owned(), "a.html"),
            ("B".to_owned(), "../en-us/guide/b.html"),
        ]
    );
    assert!(site.out("en-us/guide/b.html").exists());
}

/// `uid:` entries, as ASP.NET Core's localized tables of contents write
/// nearly every entry: the page declaring the uid (in the locale, else the
/// source's), its title when the entry has no name, another site's page
/// through an xref map; an uid no page declares is a broken entry, one an
/// xref service resolves is left unlinked. An `href`'s fragment is kept,
/// and one naming no id of its page is `missing-anchor`.
#[test]
fn toc_entries_by_uid_link_the_page_declaring_it() {
    let site = Fixture::new();
    site.write(
        "polydoc.toml",
        "source = \"en-us\"\n[xref]\nmaps = [\"map.yml\"]\nexternal = [\"System.\"]\n",
    )
    .write(
        "map.yml",
        "baseUrl: https://api.example.com/\nreferences:\n- uid: Fabrikam.Gadget\n  name: Gadget\n  href: gadget.html\n",
    )
    .write("content/en-us/a.md", "---\nuid: intro\n---\n# A\n")
    .write("content/en-us/guide/b.md", "---\nuid: tutorials/start\ntitle: Getting started\n---\n# B\n")
    .write("content/es-es/a.md", "---\nuid: intro\n---\n# A es\n\n## Parte\n")
    .write(
        "content/es-es/toc.yml",
        concat!(
            "- name: Introducción\n  uid: intro\n",
            "- uid: tutorials/start\n",
            "- name: Gadget\n  topicUid: Fabrikam.Gadget\n",
            "- name: String\n  uid: System.String\n",
            "- name: Nada\n  uid: tutorials/strat\n",
            "- name: Parte\n  href: a.md#parte\n",
            "- name: Otra\n  href: a.md#partes\n",
        ),
    );
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[
            ("broken-toc-entry", "content/es-es/toc.yml", 9),
            ("missing-anchor", "content/es-es/toc.yml", 13),
        ])
    );
    let (_, doc) = check_json(site.root(), &[]);
    let broken = finding_of(&doc, "broken-toc-entry", "content/es-es/toc.yml", 9);
    assert_eq!(broken["location"]["column"], 8);
    assert_eq!(
        broken["message"],
        "entry `Nada` names uid `tutorials/strat`, which no page of this locale declares (`uid:` in its front matter); did you mean `tutorials/start`?"
    );
    let anchor = finding_of(&doc, "missing-anchor", "content/es-es/toc.yml", 13);
    assert_eq!(anchor["location"]["column"], 9);
    assert_eq!(anchor["message"], "`#partes` names no id on `a.md`");
    assert_eq!(anchor["help"], "did you mean `#parte`?");
    let html = site.html("es-es/a.html");
    assert_eq!(
        nav_links(&html),
        [
            ("Inicio".to_owned(), "index.html"),
            ("Introducción".to_owned(), "a.html"),
            ("Getting started".to_owned(), "../en-us/guide/b.html"),
            ("Gadget".to_owned(), "https://api.example.com/gadget.html"),
            ("Parte".to_owned(), "a.html#parte"),
            ("Otra".to_owned(), "a.html#partes"),
        ]
    );
    assert_eq!(texts(&html, ".site-nav li > span"), ["String", "Nada"]);
    // The page's entry is its own, not the one of its section.
    assert_eq!(texts(&html, ".site-nav a[aria-current]"), ["Introducción"]);
}

/// DocFX's `expanded: true` opens an entry on every page; the others open
/// only on the way to the page shown.
#[test]
fn an_expanded_toc_entry_shows_its_entries_on_every_page() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# A\n")
        .write("content/en-us/b.md", "# B\n")
        .write("content/en-us/c.md", "# C\n")
        .write(
            "content/en-us/toc.yml",
            "- name: A\n  href: a.md\n- name: Open\n  expanded: true\n  items:\n  - name: B\n    href: b.md\n- name: Closed\n  items:\n  - name: C\n    href: c.md\n",
        );
    built(&site);
    let items = |page: &str| texts(&site.html(page), ".site-nav li > a, .site-nav li > span");
    assert_eq!(items("en-us/a.html"), ["Home", "A", "Open", "B", "Closed"]);
    assert_eq!(
        items("en-us/c.html"),
        ["Home", "A", "Open", "B", "Closed", "C"]
    );
    // The expanded folder is marked open; the closed one is not.
    let html = site.html("en-us/a.html");
    let open = texts(&html, ".site-nav li.open > span, .site-nav li.open > a");
    assert_eq!(open, ["Open"]);
}

#[test]
fn navigation_from_toc_yml_and_toc_md_with_breadcrumbs() {
    let site = Fixture::new();
    site.write(
        "content/en-us/toc.yml",
        "- name: Get started\n  href: start/\n- name: Docs\n  href: https://learn.microsoft.com\n- name: Gone\n  href: gone.md\n",
    )
    .write("content/en-us/start/toc.yml", "- name: Setup\n  href: setup.md\n- name: Use\n  href: use.md\n- name: Lost\n  href: lost.md\n")
    .write("content/en-us/start/index.md", "# Start\n")
    .write("content/en-us/start/setup.md", "# Setup\n")
    .write("content/en-us/start/use.md", "# Use\n")
    .write("content/es-es/TOC.md", "# [Empezar](start/index.md)\n## [Instalación](start/setup.md)\n")
    .write("content/es-es/start/index.md", "# Empezar\n")
    .write("content/es-es/start/setup.md", "# Instalación\n")
    .write("content/fr-fr/start/setup.md", "# Installation\n");
    built(&site);
    // The nested table's broken entry once, though it is resolved on its
    // own and under the table including it.
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        places(&doc),
        [
            (
                "broken-toc-entry".to_owned(),
                "content/en-us/start/toc.yml".to_owned(),
                6,
                9
            ),
            (
                "broken-toc-entry".to_owned(),
                "content/en-us/toc.yml".to_owned(),
                6,
                9
            ),
        ]
    );
    let html = site.html("en-us/start/setup.html");
    let items: Vec<String> = texts(&html, ".site-nav li > a, .site-nav li > span");
    assert_eq!(
        items,
        [
            "Home",
            "Get started",
            "Setup",
            "Use",
            "Lost",
            "Docs",
            "Gone"
        ]
    );
    let current = &select(&html, ".site-nav a[aria-current='page']")[0];
    assert_eq!(text(current), "Setup");
    let docs = &select(&html, ".site-nav a[href^='https:']")[0];
    assert_eq!(text(docs), "Docs");
    let crumbs: Vec<String> = texts(&html, "nav.breadcrumbs li");
    assert_eq!(crumbs, ["Get started", "Setup"]);
    let start = &select(&html, "nav.breadcrumbs a")[0];
    assert_eq!(attr(start, "href"), "index.html");

    let es = site.html("es-es/start/setup.html");
    let items: Vec<String> = texts(&es, ".site-nav li > a, .site-nav li > span");
    assert_eq!(items, ["Inicio", "Empezar", "Instalación"]);
    assert_eq!(
        text(&select(&es, ".site-nav a[aria-current='page']")[0]),
        "Instalación"
    );

    let fr = site.html("fr-fr/start/setup.html");
    assert!(
        select(&fr, "nav.breadcrumbs").is_empty(),
        "without a table of contents, the folder tree"
    );
    assert_eq!(select(&fr, ".site-nav li.nav-folder").len(), 1);
}

#[test]
fn a_file_the_translation_lacks_comes_from_the_source_locale() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write("content/en-us/a.md", "# A\n\n![Diagram](media/d.png)\n")
        .write("content/en-us/media/d.png", "png")
        .write(
            "content/es-es/a.md",
            "# A\n\n![Diagrama](media/d.png)\n\n[nada](nada.md)\n",
        );
    built(&site);
    assert_eq!(
        checked(&site),
        set(&[
            ("source-fallback", "content/es-es/a.md", 3),
            ("broken-link", "content/es-es/a.md", 5),
        ])
    );
    let html = site.html("es-es/a.html");
    let img = &select(&html, "article img")[0];
    assert_eq!(attr(img, "src"), "../en-us/media/d.png");
    assert!(resolve(&site.out("es-es/a.html"), attr(img, "src")).is_file());
}

/// An include the translation lacks comes from the source locale, and says
/// its language and direction, inside a right-to-left page; the locale's
/// own include does not.
#[test]
fn an_include_from_the_source_locale_keeps_its_language() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write("content/en-us/a.md", "# A\n")
        .write("content/en-us/includes/note.md", "Restart the **service**.\n")
        .write("content/en-us/includes/word.md", "Windows Server\n")
        .write("content/ar-sa/includes/own.md", "نص عربي.\n")
        .write(
            "content/ar-sa/a.md",
            "# أ\n\n[!INCLUDE [note](includes/note.md)]\n\nعلى [!include[w](includes/word.md)] فقط.\n\n[!INCLUDE [own](includes/own.md)]\n",
        );
    built(&site);
    let html = site.html("ar-sa/a.html");
    let block = &select(&html, "article > div[lang]")[0];
    assert_eq!((attr(block, "lang"), attr(block, "dir")), ("en-US", "ltr"));
    assert_eq!(text(block), "Restart the service.");
    let inline = &select(&html, "article p > span[lang]")[0];
    assert_eq!(
        (
            attr(inline, "lang"),
            attr(inline, "dir"),
            text(inline).as_str()
        ),
        ("en-US", "ltr", "Windows Server")
    );
    assert_eq!(
        select(&html, "article [lang]").len(),
        2,
        "the page's own include is in its language"
    );
    assert_eq!(
        texts(&html, "article > p"),
        ["على Windows Server فقط.", "نص عربي."]
    );
}

/// A `|` inside a code span of a table row is code, as markdig (DocFX)
/// reads it, not the end of a cell as GFM has it: Microsoft's `sc
/// config` reference writes `` `type= {own | share}` `` in a first cell.
/// The row keeps its two cells and its description, the code span what
/// it holds, and nothing stands bare to be hidden; fenced code and `\|`
/// outside code are left as they were, and so is a DocFX include on the
/// same page, whose masking comes first.
#[test]
fn a_pipe_in_a_code_span_of_a_table_row_stays_in_the_code() {
    let site = Fixture::new();
    site.write(
        "content/en-us/sc.md",
        "# sc config\n\n[!INCLUDE [intro](includes/intro.md)]\n\n| Parameter | Description |\n|--|--|\n| `obj= {<accountname> | <objectname>}` | Sets the [account](sc.md). |\n| a \\| b | Either. |\n| ``x | `y` | z`` | Ticks. |\n\n```\nGet-Service | Where-Object Name -like `\"w*`\"\n```\n",
    )
    .write("content/en-us/includes/intro.md", "Changes a service.\n");
    built(&site);
    assert!(checked(&site).is_empty(), "{:?}", checked(&site));
    let html = site.html("en-us/sc.html");
    let rows = select(&html, "article tbody tr");
    assert_eq!(rows.len(), 3);
    let cells = |row: &scraper::ElementRef| -> Vec<String> {
        row.select(&scraper::Selector::parse("td").expect("selector"))
            .map(|td| text(&td))
            .collect()
    };
    assert_eq!(
        cells(&rows[0]),
        ["obj= {<accountname> | <objectname>}", "Sets the account."]
    );
    assert_eq!(cells(&rows[1]), ["a | b", "Either."]);
    assert_eq!(cells(&rows[2]), ["x | `y` | z", "Ticks."]);
    let code: Vec<String> = texts(&html, "article td code");
    assert_eq!(code, ["obj= {<accountname> | <objectname>}", "x | `y` | z"]);
    // The include, masked before the table's pipes, is in place.
    assert_eq!(text(&select(&html, "article p")[0]), "Changes a service.");
    let fenced = &select(&html, "article pre code")[0];
    assert_eq!(
        text(fenced).trim_end(),
        "Get-Service | Where-Object Name -like `\"w*`\""
    );
}

/// A moniker block's label is in the page's language; one without a range
/// gets none (and `invalid-zone`).
#[test]
fn moniker_blocks_are_labelled_in_the_page_language() {
    let site = Fixture::new();
    site.write(
        "content/es-es/a.md",
        "# A\n\n::: moniker range=\"vs-2017 || vs-2019\"\nAntes.\n::: moniker-end\n\n::: moniker range=\"\"\nNada.\n::: moniker-end\n",
    );
    site.build(&[]);
    let html = site.html("es-es/a.html");
    let monikers = select(&html, "div.moniker");
    assert_eq!(monikers.len(), 2);
    assert_eq!(
        attr(&monikers[0], "data-moniker-title"),
        "Se aplica a: vs-2017 || vs-2019"
    );
    assert_eq!(monikers[1].value().attr("data-moniker-title"), None);
    assert_eq!(
        lines_of(&check_json(site.root(), &[]).1, "invalid-zone"),
        [("content/es-es/a.md".to_owned(), 7)]
    );
}
