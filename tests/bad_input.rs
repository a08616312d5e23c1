//! Bad input never panics and never loses work: clear messages with
//! file, line and column; the other pages still build; exit codes 0/1/2.

mod common;

use common::*;

const GOOD: &str = "---\ntitle: Good\n---\n# Good\n\nFine.\n";
/// Front matter whose list never closes: an error at line 4, column 1.
const BAD_YAML: &str = "---\ntitle: Bad\ntags: [unclosed\n---\n# Still here\n";

/// `[rules]` sets the level of a load finding in `build` as in `check`:
/// a site that publishes pages with broken front matter on purpose can
/// make them warnings, and the build then succeeds.
#[test]
fn rule_levels_apply_to_the_build_own_findings() {
    let site = Fixture::new();
    site.write("content/en-us/good.md", GOOD)
        .write("content/en-us/bad-yaml.md", BAD_YAML)
        .write(
            "polydoc.toml",
            "[rules]\ninvalid-front-matter = \"warning\"\n",
        );
    let out = site.build(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.lines().any(|l| l
            .starts_with("content/en-us/bad-yaml.md:4:1: warning[invalid-front-matter]:")),
        "{err}"
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        finding_of(&doc, "invalid-front-matter", "content/en-us/bad-yaml.md", 4)["severity"],
        "warning"
    );
}

#[test]
fn broken_files_are_reported_and_the_rest_still_builds() {
    let site = Fixture::new();
    site.write("content/en-us/good.md", GOOD)
        .write("content/en-us/bad-yaml.md", BAD_YAML)
        .write(
            "content/en-us/binary.md",
            b"# Title\nok\n\xff\xfe\x00garbage",
        )
        .write("content/en-us/unclosed.md", "---\ntitle: x\n# Body\n");
    std::os::unix::fs::symlink("nowhere.md", site.root().join("content/en-us/dangling.md"))
        .unwrap();

    let out = site.build(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| {
            ["error[", "warning[", "note["]
                .iter()
                .any(|s| l.contains(s))
                && !l.contains("note[no-sitemap]")
        })
        .collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(
        lines.iter().any(|l| l.starts_with(
            "content/en-us/bad-yaml.md:4:1: error[invalid-front-matter]: invalid front matter:"
        )),
        "{err}"
    );
    assert!(lines.contains(&"content/en-us/binary.md:3:1: error[invalid-utf8]: this file is not valid UTF-8 text, so it was left out"), "{err}");
    assert!(
        lines.iter().any(|l| l.starts_with(
            "content/en-us/dangling.md: error[unreadable-file]: cannot read this file:"
        )),
        "{err}"
    );
    assert!(lines.contains(&"content/en-us/unclosed.md:1:1: error[invalid-front-matter]: invalid front matter: front matter opened with `---` is never closed"), "{err}");
    assert!(
        err.contains("= help:"),
        "every error says how to fix it: {err}"
    );

    assert_eq!(
        text(&select(&site.html("en-us/good.html"), "article h1")[0]),
        "Good"
    );
    let bad = site.html("en-us/bad-yaml.html");
    assert_eq!(
        text(&select(&bad, "article h1")[0]),
        "Still here",
        "a page with broken front matter is built without it"
    );
    assert!(!site.out("en-us/binary.html").exists());
    assert!(stdout(&out).contains("Build: 4 errors"), "{}", stdout(&out));
}

#[test]
fn no_content_folder_is_one_line_and_exit_2() {
    let site = Fixture::new();
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: no content folder at ")
            && err.contains("expected a folder with one subfolder per locale")
            && !err.contains("[locales]"),
        "{err}"
    );
    // A DocFX project, run in place: the line says how to build it.
    site.write("docfx.json", "{}").write("index.md", "# Home\n");
    let err = stderr(&site.build(&[]));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.ends_with("under [locales], with the pages' language tag: `en-us = \".\"`\n"),
        "{err}"
    );
}

#[test]
fn no_locale_folder_is_one_line_and_exit_2() {
    let site = Fixture::new();
    site.write("content/media/x.png", "png")
        .write("content/readme.md", "# x");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("error: no locale folders in ")
            && err.contains("named by language tag")
            && err.ends_with("`en-us = \"content\"`\n"),
        "{err}"
    );
}

#[test]
fn output_inside_content_or_at_the_root_is_refused() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", GOOD);
    for out_dir in ["content/public", "content/en-us/out", ".", ".."] {
        let out = site.build(&["--out", out_dir]);
        assert_eq!(out.status.code(), Some(2), "--out {out_dir}");
        assert!(
            stderr(&out).starts_with("error: refusing"),
            "--out {out_dir}: {}",
            stderr(&out)
        );
    }
    assert!(site.root().join("content/en-us/a.md").is_file());
}

#[test]
fn a_folder_polydoc_did_not_write_is_not_replaced() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", GOOD)
        .write("public/precious.txt", "keep me");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("polydoc did not write it"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(site.out("precious.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn a_failed_build_leaves_the_previous_site_in_place() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", GOOD);
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let before = std::fs::read_to_string(site.out("en-us/a.html")).unwrap();

    site.write(
        "content/en-us/a.md",
        "---\ntitle: Changed\n---\n# Changed\n",
    )
    .write("templates/page.html", "{% if %}");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: invalid template"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(site.out("en-us/a.html")).unwrap(),
        before
    );
    let stray: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(stray.is_empty(), "temporary folders left behind: {stray:?}");
}

#[test]
fn invalid_configuration_is_exit_2_with_its_position() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", GOOD)
        .write("polydoc.toml", "title = \"x\"\nnot_a_key = 1\n");
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("polydoc.toml:2:1: invalid configuration: unknown field `not_a_key`"),
        "{err}"
    );
}

#[test]
fn a_mislabelled_page_is_a_warning_not_an_error() {
    let site = Fixture::new();
    site.write(
        "content/es-es/a.md",
        "---\ntitle: A\nms.contentlocale: it-IT\n---\n# A\n",
    );
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out)
            .contains("Checks: 0 errors, 1 warning, 0 notes\n  content-locale-mismatch: 1\n"),
        "{}",
        stdout(&out)
    );
    let out = polydoc(site.root(), &["check", "--format", "github"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning does not fail the check"
    );
    assert!(
        stdout(&out).starts_with("::warning file=content/es-es/a.md,line=3,col=1,"),
        "the finding points at the `ms.contentlocale` line: {}",
        stdout(&out)
    );
    let out = polydoc(site.root(), &["check"]);
    assert_eq!(
        stderr(&out).lines().next(),
        Some(
            "warning[content-locale-mismatch]: `ms.contentlocale: it-IT` but the page is in the `es-es` folder"
        )
    );
}

#[test]
fn unknown_arguments_are_usage_errors() {
    let site = Fixture::new();
    assert_eq!(
        polydoc(site.root(), &["build", "--no-such-flag"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(polydoc(site.root(), &["frobnicate"]).status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_early_ends_the_report_without_a_panic() {
    use std::io::Read;
    use std::os::unix::process::ExitStatusExt;
    let site = Fixture::new();
    // Enough findings that the JSON outgrows a pipe's buffer (64 KiB).
    for n in 0..300 {
        site.write(
            &format!("content/en-us/page-{n}.md"),
            "# P\n\n## <a name=\"x\"></a>A\n\n## <a name=\"x\"></a>B\n",
        );
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_polydoc"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .current_dir(site.root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then closed, as `head` does
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        status.signal() == Some(libc::SIGPIPE) || status.success(),
        "{status:?}: {err}"
    );
}

/// Pieces of DocFX-flavoured Markdown that are easy to get wrong,
/// alone and in combination: unclosed containers, stray ends, tabs,
/// includes of missing or circular files, links to missing ids, odd
/// escapes, non-ASCII text.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "# ", "## ", "### ", "\n", "\n\n", " ", "    ", "text", "é", "日本", "🙂", "<a name=\"x\"></a>",
    "<a name=\"y\"></a>", "</a>", "<computername>", "<5x5 key>", "> [!NOTE]\n> ",
    "> [!div class=\"x\"]", "[!INCLUDE [t](includes/i.md)]", "[!INCLUDE [t](b.md)]",
    "[!INCLUDE [t](a.md)]", "[!INCLUDE [t](~/dep/i.md)]", "[d](dep/x.md)", "[!code-cs[](f.cs#L1-L3)]", "[!code-cs[](f.cs#r)]", "[!code-",
    ":::image type=\"content\" source=\"a.png\" alt-text=\"A\":::",
    ":::image type=\"complex\" source=\"a.png\" alt-text=\"A\":::", ":::image-end:::",
    "::: zone pivot=\"a\"", "::: zone-end", ":::row:::", ":::column:::", ":::column-end:::",
    ":::row-end:::", ":::code language=\"cs\" source=\"f.cs\" range=\"1-3\":::", ":::unknown:::",
    "    :::column span=\"2\":::", "      ", "        - [x](gone.md)\n", "\t:::column-end:::",
    "# [Linux](#tab/linux)", "# [Win](#tab/win)", "---", "```", "```powershell", "```vb", "```bicep", "```csharp", "[!code-vb[](f.cs#r)]", "`code`",
    "|a|b|\n|-|-|\n", "| 0x8007232A | x |\n", "| [0x8007232B](#x) | y |\n", "[l](a.md#x)",
    "[l](b.md#y)", "[x](#x)", "[x](#nope)", "[x](../up.md)", "[x](B.md)", "[x](a\\b.md)",
    "![i](a.png)", "<xref:uid.a>", "[t](xref:uid.b)", "https://e.org/es-es/x/", "1,234", "- ",
    "1. ", "[x](~/a.md)", "%20", "[x](sub/c.md#z)", "\\", "[", "](", "<", "&#x",
    "<!-- polydoc-disable-next-line broken-link -->", "<!-- polydoc-disable -->",
    "<!-- polydoc-enable missing-anchor -->", "<!-- polydoc-disable-line x, -->", "<!-- polydoc-",
    "> [!NOTA]\n> ", "> [!注意]", "[!", "] (", "[x] (a.md)", "![i] (a.png \"t\")", "] (日本.md)",
    "@no__t-0", "@ no__t", "@No__t_", "|/all|x|\n", "|comando/all|x|\n", "|/-y|", "|--name|",
    "[/all]", "ms.openlocfilehash: ab\n", "- Use **/z**", "**\"/z** ", " /b ",
    "[x](https://learn.microsoft.com/en-us/x/a#b)", "[x](https://docs.microsoft.com/es-es/x/B)",
    "[x](/en-us)", "[x](/en-us/)", "[x](/x/a)", "[x](/x/sub/c#z)", "[x](/x/)", "[x](http://)",
    "[x](https://LEARN.microsoft.com/x)", "[!code-cs[](f.cs?dedent=99)]",
    "[!code-cs[](f.cs?range=1-2&dedent=x)]",
    "|k|v|\n|-|-|\n|1|**hh**|\n|2|mm, m|\n|3|ss|\n|4|`ms`|\n", "|5|**mm**|\n", "|6|mi、n|\n",
    "|7|Notification Services|\n", "| |\n", "`SELECT DATEDIFF(year,`", "`SELECT DATEDIFF(year, a);`",
    "| `type= {own | share}` | x |\n", "| `a \\| b` | ``c | `d` `` |\n", "`` ` ``` `|` ",
    "```\ntool [size=<n>] [mask <Netmask>] [id={ <a> | <b> }]\n```\n", "|tamaño =`<n>`|x|\n",
    "|máscara \\<Netmask>|x|\n", "|ID. = { `<a>`|x|\n", "|size=<n>|x|\n",
    "queSEHadmite", "SEHCMD", "tryé", "为**`x`**", "**真，**她", "使用/clr", "[（/clr](a.md)）",
    "`a``b`", "<xref:System.String?displayProperty=fullName>", "@Fabrikam.Gadget", "\\**",
    "[하세요. /sub/c.md # 앵커](../sub/c.md#z)", "[. /sub/c.md](./sub/c.md)", "[. /](./)",
    "[eccezioniErrors and Exception Handling](errors-and-exception-handling-cpp.md)",
    "STATUS \\_ ARRAY \\_ é", " \\_ \\_ ", " _ 日本 _ ", "\\_", "WM\\_PAINT", "x. h", "é. h", "日本. cpp",
    "stdafx. cpp", "stdafx.cpp", ". ", "IPin:: Enum", "::", ":: ", "**:: G**", "[:: A](a.md)", "[Math]:: ~R", "]:: x", "é:: é",
    "a::  b:: ", "IPin :: Enum", " :: ", "a :: b :: ", "IPin::Enum", "é :: é", "S \\_ correcto", "S\\_OK", "**\\_ peinture WM**", "[**\\_X WM**](a.md)", "[Set-AzVMPlan](/powershell/module/az.compute/set-azvmplan)",
    "[kümesi AzVMPlan](https://docs.microsoft.com/powershell/module/az.compute/set-azvmplan?view=x)",
    "[az group create](/cli/azure/group#az-group-create)", "[AZ-gruppen Create](/cli/azure/group#az_group_create)",
    "[az ](/cli/azure#az-)", "[é](/powershell/module/é/set-é)", "\\_ é WM", "_ a B CD", "[**упдатевиндов**](a.md)", "[**UpdateWindow**](a.md)", "[ж](a.md)",
    "a long line of words, so that findings on it are quoted as a window: lorem ipsum dolor sit amet, 日本語の文章が続きます、そしてさらに続きます。 ", "api_name:\n- CBasePin.EnumMediaTypes\n", "CBasePin. EnumMediaTypes", "cbasepin. ",
    "<span data-ttu-id=\"1\">**Ausnahme \\_ Breakpoint**</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">**EXCEPTION\\_BREAKPOINT**",
    "</span></span>", "<span class=\"sxs-lookup\">",
    "** extern **", "** x", "x ** ", "|** b **|", "( **'** )", "( **\"** )", "**？**", "**&#42;**", "**\\***", "**:operator[]**", "a**?**", "[関数 & #40 です。](a.md)", "\n**text**  \n", "\n**texto**\\\n", "\n1. **int**  \n", "\n- **national text**", "# text e image\n", "8, 000", "2,147, 483,648", "8,000", ". 000", "1, 2", "& #x2F;", "& #", "`a ** b` ** c **.", "[x](gone.md)", "[x](b.md#z)", "[o](old.md#z)", "[s](sub/)",
    "::: moniker range=\">= vs-2019\"\n", "::: moniker range=\"vs-2017 || <VS-2O19\"\n",
    "::: moniker range=\">=\"\n", "::: moniker range=\"日本 || \"\n", "::: moniker-end\n",
    ":::moniker range=\"vs-2017\":::", "monikerRange: '>= vs-2017'\n",
    "\n```sql\nSELECT name, v AS Ö FROM t; -- 'bike'\n```\n", "\nHere is the result set.\n",
    "\n|name|v|\n|---|---|\n", "|bike|1|\n", "|Bicicleta|1.|\n", "|名|值|\n", "|\"name\"|**V**|\n",
];

/// A small random site from [`PIECES`]: up to three locales, five pages
/// each (some missing), random front matter, sometimes a `toc.yml`.
fn random_site(seed: u64) -> Fixture {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let site = Fixture::new();
    match next(5) {
        0 => {
            site.write(
                "polydoc.toml",
                "[published]\npath = \"/x\"\nurl = \"https://learn.microsoft.com\"\n",
            );
        }
        1 => {
            site.write(
                "polydoc.toml",
                "[xref]\nmaps = [\"m.yml\", { path = \"n.json\", base_url = \"https://x.example/\" }]\n",
            )
            .write(
                "m.yml",
                "references:\n- uid: Fabrikam.Gadget\n  name: Gadget\n  href: g.html\n- uid: 2019\n",
            )
            .write(
                "n.json",
                r#"{"references":[{"uid":"System.String","name":"String","href":"s.html"}]}"#,
            );
        }
        2 => {
            site.write(
                "polydoc.toml",
                "[edit]\nurl = \"https://x.example/edit/{path}?l={locale}&a=1\"\n[monikers]\nVS = [\"vs-2017\", \"VS-2019\"]\n",
            );
        }
        3 => {
            site.write("polydoc.toml", "source = \"en-us\"\nstatus_page = true\n");
        }
        _ => {}
    }
    if next(3) == 0 {
        site.write(
            ".openpublishing.redirection.json",
            r#"{"redirections": [
  {"source_path": "content/es-es/b.md", "redirect_url": "sub/c.md#z"},
  {"source_path": "content/en-us/gone.md", "redirect_url": "a.md"},
  {"source_path_from_root": "/content/en-us/sub/c.md", "redirect_url": "/x/a"},
  {"source_path": "content/it-it/b.md", "redirect_url": "b.md"}
]}"#,
        );
    }
    if next(4) == 0 {
        // The publishing configuration, listing redirection files that
        // are there, missing, or broken.
        let config = [
            r#"{"redirection_files": [".openpublishing.redirection.json", "r/more.json", "gone.json", ""], "docsets_to_publish": [{"redirection_files": ["r/more.json", 5]}], "dependent_repositories": [{"path_to_root": "content/en-us/dep", "url": "https://example.com/dep"}, {"path_to_root": 5}, {"path_to_root": "../../x"}]}"#,
            r#"{"docsets_to_publish": 5, "redirection_files": "x"}"#,
            "{",
            // A localized repository's fallback: one no locale of the
            // site, one that is, one named oddly, one cloned.
            r#"{"dependent_repositories": [{"path_to_root": "_repo.fr-fr", "url": "https://example.com/fr"}, {"path_to_root": "_repo.en-us"}, {"path_to_root": "_repo-"}, {"path_to_root": "_repo.de-de/"}]}"#,
        ][next(4)];
        site.write(".openpublishing.publish.config.json", config);
        if next(2) == 0 {
            site.write(
                "_repo.de-de/content/en-us/a.md",
                "# Fallback\n\n[x](x.md)\n",
            )
            .write("_repo.de-de/content/en-us/gone.png", "png")
            .write("_repo.de-de/content/es-es/f.cs", "// <a>\nx\n// </a>\n")
            .write(
                "content/en-us/_repo.de-de/.openpublishing.publish.config.json",
                "{}",
            )
            .write("content/es-es/_repo.it-it/b.md", "# Not a fallback here\n");
        }
        let more = [
            r#"{"redirections": [{"source_path": "../content/en-us/a.md", "redirect_url": "b.md"}]}"#,
            "[",
        ][next(2)];
        site.write("r/more.json", more);
    }
    for locale in &["en-us", "es-es", "it-it"][..1 + next(3)] {
        site.write(&format!("content/{locale}/a.png"), "png").write(
            &format!("content/{locale}/f.cs"),
            "// <r>\nclass A {}\n// </r>\n",
        );
        if next(4) == 0 {
            // A groups file of one area, valid or not.
            let groups = [
                r#"{"groups": [{"id": "g", "pivots": [{"id": "p", "title": "P"}]}]}"#,
                r#"{"groups": 5}"#,
                "{",
            ][next(3)];
            site.write(
                &format!("content/{locale}/sub/zone-pivot-groups.json"),
                groups,
            );
        }
        for name in ["a.md", "b.md", "sub/c.md", "includes/i.md", "index.md"] {
            if next(5) == 0 {
                continue;
            }
            let mut text = String::new();
            if next(2) == 0 {
                let (uid, tag) = (["a", "b"][next(2)], ["en-us", "es-es", "xx"][next(3)]);
                let extra = [
                    "",
                    "redirect_url: b.md\n",
                    "redirect_url: gone.md#x\n",
                    "ROBOTS: NOINDEX\n",
                    "no-loc: [SEH, try, \"C++\", é]\n",
                    "ms.date: 03/10/2022\n",
                    "ms.date: 13/45/2020\ndate: 2021-01-05\n",
                    "ms.openlocfilehash: abc\nms.lasthandoff: 01/02/2020\n",
                    "ms.openlocfilehash: ABC\nms.lasthandoff: 99/99/9999\nms.date: 1/1/2019\n",
                    "api_name:\n- CBasePin.EnumMediaTypes\n- IEnumMediaTypes\n",
                    "_gitContribute:\n  repo: git@gitlab.com:a/b\n_gitUrlPattern: [1]\n",
                    "_gitContribute: {branch: x}\n",
                    "dev_langs:\n- csharp\n- vb\n",
                    "dev_langs: vb\n",
                    "dev_langs: [5, {a: b}, cs, CSharp]\n",
                    "draft: true\n",
                    "draft: [true, {x: 1}]\n",
                    "aliases: [old.md, /sub/, b.md, ../x.md, 'a b.html', /, /404.html]\n",
                    "aliases:\n- gone.md\n- {x: 1}\n- /sub/c.html\n- https://e.com\n",
                    "aliases: old.md\n",
                ][next(20)];
                text += &format!(
                    "---\ntitle: T\nuid: uid.{uid}\nms.contentlocale: {tag}\n{extra}---\n"
                );
            }
            for _ in 0..next(60) {
                text += PIECES[next(PIECES.len())];
            }
            site.write(&format!("content/{locale}/{name}"), text);
        }
        if next(2) == 0 {
            let toc = [
                "- name: A\n  href: a.md\n- name: X\n  href: missing.md\n  items:\n  - name: B\n    href: b.md\n",
                "- uid: uid.a\n- name: X\n  topicUid: uid.b\n  items:\n  - uid: nope\n  - name: I\n    href: includes/i.md\n  - uid: ''\n",
            ][next(2)];
            site.write(&format!("content/{locale}/toc.yml"), toc);
        }
        if next(3) == 0 {
            // A landing, hub, FAQ or API page (of either schema), beside
            // `index.md` or not.
            let kind = ["Landing", "Hub", "FAQ", "ManagedReference", "ApiPage"][next(5)];
            let mut text = format!("### YamlMime:{kind}\n");
            for _ in 0..next(30) {
                text += LANDING_PIECES[next(LANDING_PIECES.len())];
            }
            let name = ["index.yml", "faq.yml", "sub/index.yml"][next(3)];
            site.write(&format!("content/{locale}/{name}"), text);
        }
        if next(3) == 0 {
            // A DocFX project file: valid JSON of its keys, or pieces.
            let mut text = String::new();
            if next(2) == 0 {
                let keys: Vec<&str> = DOCFX_KEYS
                    .iter()
                    .filter(|_| next(2) == 0)
                    .copied()
                    .collect();
                text = format!("{{\"build\": {{{}}}}}", keys.join(", "));
            }
            for _ in 0..next(14) {
                text += DOCFX_PIECES[next(DOCFX_PIECES.len())];
            }
            let dir = ["", "sub/"][next(2)];
            site.write(&format!("content/{locale}/{dir}docfx.json"), text);
            if next(2) == 0 {
                // The metadata file it may name, valid or not.
                let mut text = String::new();
                for _ in 0..1 + next(4) {
                    text += METADATA_PIECES[next(METADATA_PIECES.len())];
                }
                site.write(&format!("content/{locale}/{dir}meta.json"), text);
            }
        }
    }
    site
}

/// Keys of a valid `docfx.json`'s `build`.
#[rustfmt::skip]
const DOCFX_KEYS: &[&str] = &[
    "\"content\": [{\"files\": [\"**/*.md\", \"*.yml\"], \"exclude\": [\"**/includes/**\", \"b.md\"]}]",
    "\"content\": [\"sub/**\", {\"files\": \"**\", \"src\": \"includes\"}]",
    "\"content\": [{\"files\": \"**/*.md\", \"src\": \"sub\", \"dest\": \".\"}, {\"files\": \"*.md\", \"src\": \"..\\\\x\", \"dest\": \"../y\"}]",
    "\"globalMetadata\": {\"titleSuffix\": \"X\", \"ms.contentlocale\": \"de-de\", \"no-loc\": [\"try\"]}",
    "\"fileMetadata\": {\"ROBOTS\": {\"**\": \"NOINDEX\", \"sub/*.md\": \"INDEX\"}, \"api_name\": {\"a.md\": [\"A.B\"]}}",
    "\"fileMetadata\": {\"redirect_url\": {\"b.md\": \"gone.md#x\"}, \"uid\": {\"**/*.md\": \"uid.a\"}, \"zone_pivot_groups\": {\"**\": \"g\"}, \"zone_pivot_group_filename\": {\"*.md\": \"sub/zone-pivot-groups.json\", \"sub/**\": \"../x.json\"}}",
    "\"xref\": [\"../../m.yml\", \"gone/xrefmap.yml\", \"https://example.com/xrefmap.yml\", \"\"]",
    "\"globalMetadata\": {\"_appLogoPath\": \"~/a.png\", \"_appFaviconPath\": \"../x.ico\"}",
    "\"globalMetadataFiles\": [\"meta.json\", \"gone.json\", \"../../../meta.json\", \"\"]",
    "\"fileMetadataFiles\": \"meta.json\"",
    "\"globalMetadata\": {\"_gitContribute\": {\"repo\": \"git@github.com:c/kb.git\", \"branch\": \"a b&c\"}, \"_gitUrlPattern\": \"vso\"}",
    "\"globalMetadata\": {\"_gitContribute\": {\"repo\": \"ssh://x@:/\\u00e9\"}, \"_gitUrlPattern\": 5}",
];

/// Pieces of the metadata files a `docfx.json` names, and what breaks
/// them.
#[rustfmt::skip]
const METADATA_PIECES: &[&str] = &[
    "{\"titleSuffix\": \"M\", \"_appLogoPath\": \"nope.png\", \"ROBOTS\": \"NOINDEX\"}",
    "{\"ROBOTS\": {\"**\": \"NOINDEX\", \"a[.md\": 1}, \"x\": 5}", "{\"no-loc\": {\"**/*.md\": [\"SEH\"]}}",
    "[1]", "{", "}", "\"k\": ", "// c\n", "\u{feff}", "null", "\"é日本\"",
];

/// Pieces of `docfx.json` files, and what breaks them.
#[rustfmt::skip]
const DOCFX_PIECES: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"build\": {", "\"content\": [",
    "{\"files\": [\"**/*.md\", \"!sub/**\"], \"exclude\": \"includes/**\", \"src\": \".\"}",
    "\"**.{md,yml}\"", "{\"files\": \"a[.md\"}", "{\"exclude\": [\"a.md\"]}", "{\"files\": \"*.md\", \"src\": \"../x\"}",
    "\"globalMetadata\": {\"titleSuffix\": \"X\", \"ROBOTS\": \"NOINDEX\", \"no-loc\": 5}",
    "\"fileMetadata\": {\"no-loc\": {\"**/*.md\": [\"SEH\"]}, \"ROBOTS\": {\"sub/**\": \"NOINDEX\"}, \"titleSuffix\": {\"a.md\": 5}}",
    "\"fileMetadata\": {\"redirect_url\": {\"b.md\": \"a.md\"}, \"uid\": {\"**\": \"uid.a\"}, \"x\": [1]}",
    "\"globalMetadataFiles\": [\"meta.json\", 5]", "\"fileMetadataFiles\": [\"../meta.json\", \"meta.json\"]",
    "\"globalMetadata\": {\"_gitContribute\": {\"repo\": \"https://git.x/kb\"}}", "\"_gitContribute\": false", "\"_gitContribute\": {\"repo\": 5, \"branch\": [1]}",
    "\"xref\": 5", "\"xref\": [\"file:///nope.yml\", \"C:\\\\maps\\\\x.yml\"]", "// c\n", "/* é */", "# h\n", "\"é日本\"", "\u{feff}", "\"\\u00e9\"", "null", "1e999",
];

/// Lines of DocFX landing, hub and FAQ pages, and what breaks them.
#[rustfmt::skip]
const LANDING_PIECES: &[&str] = &[
    "title: T\n", "summary: S\n", "landingContent:\n", "  - title: C\n", "    linkLists:\n",
    "      - linkListType: overview\n", "        links:\n", "          - text: A\n",
    "            url: a.md#x\n", "            url: Gone.md\n", "  url: \"b.md#y\"\n", "sections:\n",
    "  - name: N\n", "    questions:\n", "      - question: Q?\n", "        answer: |\n",
    "          See [a](a.md#nope).\n", "        answer: [x](B.md)\n", "imageSrc: a.png\n",
    "metadata:\n  title: M\n  ms.openlocfilehash: abc\n", "brand:\n  aria-label: x\n", "é日本\n",
    "[", "\t", ": :\n", "- url: ../up.md\n", "  footerLink:\n    url: faq.yml#q\n    text: F\n",
    "items:\n", "- uid: uid.a\n", "- uid: A.B(C)\n", "  type: Method\n", "  type: Class\n", "  name: N\n",
    "  syntax:\n    content: void x()\n", "    parameters:\n    - id: p\n      type: System.Int32\n",
    "  summary: <xref href=\"uid.b\"/> [x](a.md)\n", "    return:\n      type: T\n", "  syntax: 5\n",
    "body:\n", "- api1: Class A\n", "  metadata:\n    uid: A.B\n", "- h2: Methods\n", "- api3: M(int)\n",
    "  id: A_M\n", "  deprecated: Use *N*.\n", "  preview: true\n", "- parameters:\n  - name: p\n",
    "    type:\n", "      text: int\n", "      url: a.html#x\n", "      url: Gone.html\n", "- code: x()\n",
    "- facts:\n  - name: N\n    value: V\n", "- list:\n  - - text: T\n", "- markdown: '[x](a.md)'\n",
    "- inheritance:\n  - A\n", "  src: https://example.com/a.cs\n", "- h4: ''\n",
];

/// No two findings of a report say the same thing at the same place:
/// one problem reached twice (a table of contents resolved on its own
/// and again under the table including it) is noise in every format.
fn no_finding_twice(json: &str, seed: u64) {
    let doc: serde_json::Value = serde_json::from_str(json).expect("check's JSON");
    let mut seen = std::collections::HashSet::new();
    for f in doc["findings"].as_array().expect("findings") {
        let key = (
            &f["rule"],
            &f["location"]["file"],
            &f["location"]["line"],
            &f["location"]["column"],
            &f["message"],
        );
        assert!(seen.insert(key), "seed {seed}: reported twice: {f}");
    }
}

#[test]
fn random_sites_never_panic() {
    // Every command on every site ends with a report and exit code 0 or
    // 1; a panic exits with 101. (1,500 such sites, every command and
    // output format, were run while this test was written.)
    let mut with_findings = 0;
    // POLYDOC_RANDOM_SITES runs more (a hunt, not a test to keep slow).
    let seeds: u64 = std::env::var("POLYDOC_RANDOM_SITES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    for seed in 0..seeds {
        let site = random_site(seed);
        for args in [
            &["check"][..],
            &["check", "--format", "json"],
            &["check", "--format", "sarif"],
            &["check", "--format", "azure"],
            &["check", "--format", "gitlab"],
            &["build", "--quiet"],
            &["drift"],
            // Last: it writes into the pages.
            &["check", "--fix"],
        ] {
            let out = polydoc(site.root(), args);
            assert!(
                matches!(out.status.code(), Some(0 | 1)) && !stderr(&out).contains("panicked"),
                "seed {seed}, {args:?}: {:?}\n{}",
                out.status.code(),
                stderr(&out)
            );
            with_findings += usize::from(out.status.code() == Some(1));
            if args == ["check", "--format", "json"] {
                no_finding_twice(&stdout(&out), seed);
            }
        }
    }
    assert!(with_findings > 12, "the sites should be full of problems");
}
