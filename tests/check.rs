//! `polydoc check` on the seeds and on one small fixture per rule, through
//! the real binary and its JSON, SARIF and GitHub outputs.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;

const ES: &str = "content/es-es/get-started/activation-error-codes.md";
const IT: &str = "content/it-it/get-started/activation-error-codes.md";

#[test]
fn the_seeds_give_exactly_the_expected_findings() {
    let (code, doc) = check_json(&repo(), &[]);
    assert_eq!(code, Some(1), "errors fail the check");
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", ES, 48),
            ("broken-link", ES, 112),
            ("broken-link", IT, 112),
            ("duplicate-anchor", ES, 77),
            ("duplicate-anchor", ES, 86),
            ("duplicate-anchor", IT, 77),
            ("duplicate-anchor", IT, 86),
        ])
    );
    let row = finding_where(&doc, |f| f["rule"] == "translation-token-mismatch");
    assert_eq!(row["location"]["column"], 3);
    assert_eq!(
        row["message"],
        "this table row has `0x8007232A` where it-it has `0x8007232B`"
    );
    let notes = notes(row);
    assert!(
        notes[0].ends_with("[link-text-anchor-mismatch]"),
        "{notes:?}"
    );
    assert!(notes[1].ends_with("[duplicate-table-key]"), "{notes:?}");
    let related: Vec<(&str, u64)> = row["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["location"]["file"].as_str().unwrap(),
                r["location"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(related.contains(&(IT, 48)), "{related:?}");
    let anchors = finding_where(&doc, |f| f["rule"] == "duplicate-anchor");
    assert!(
        anchors["message"]
            .as_str()
            .unwrap()
            .starts_with("id `possible-cause` is defined 30 times on this page (lines 77, 96,"),
        "{anchors}"
    );
    assert_eq!(anchors["severity"], "warning");
}

/// Three real machine translations of one page, made from one source
/// version (`tests/data/README.md`): their own defects are found, and
/// nothing that a translation legitimately changes (prose, placeholders
/// such as `\<adaptador>`, the `* * * *` debris of the pipeline) is.
#[test]
fn real_translations_give_their_real_defects_and_nothing_else() {
    let (code, doc) = check_json(&repo(), &["--content", "tests/data/real"]);
    assert_eq!(code, Some(1));
    let page =
        |locale: &str, name: &str| format!("tests/data/real/{locale}/windows-commands/{name}.md");
    let mut expected = BTreeSet::new();
    let mut expect = |rule: &str, locale: &str, name: &str, line: u64| {
        expected.insert((rule.to_owned(), page(locale, name), line));
    };
    for locale in ["de-de", "es-es", "pt-br"] {
        expect("hidden-html", locale, "ipconfig", 44);
        expect("broken-link", locale, "ipconfig", 83);
    }
    // Switches machine translation mangled in the parameters tables. In
    // ipconfig, de-de kept them all and is not blamed, though es-es and
    // pt-br both lost `/showclassid`; in xcopy es-es wrote `b` for `/b`
    // and de-de `"/z` for `/z`.
    for (locale, name, line) in [
        ("es-es", "ipconfig", 37),
        ("es-es", "ipconfig", 45),
        ("pt-br", "ipconfig", 44),
        ("pt-br", "ipconfig", 45),
        ("es-es", "xcopy", 67),
        ("de-de", "xcopy", 66),
    ] {
        expect("translation-token-mismatch", locale, name, line);
    }
    // Placeholders the pipeline left in the German xcopy (two on line 211,
    // one finding).
    for line in [39, 158, 211] {
        expect("mt-placeholder", "de-de", "xcopy", line);
    }
    // xcopy links seven pages outside the sample.
    for locale in ["de-de", "es-es"] {
        for line in 215..=221 {
            expect("broken-link", locale, "xcopy", line);
        }
    }
    assert_eq!(findings(&doc), expected);
    let hidden = finding_where(&doc, |f| f["rule"] == "hidden-html");
    assert_eq!(
        hidden["message"],
        "`<ClassID>` is no HTML element: browsers treat it as an unknown tag and hide it"
    );
    let mangled = finding_where(&doc, |f| f["location"]["line"] == 37);
    assert_eq!(
        mangled["message"],
        "this table row lacks the switch `/displaydns`, which de-de, pt-br have in the same row and this page names on line 28"
    );
    assert_eq!(mangled["location"]["column"], 2);
    assert_eq!(
        mangled["help"],
        "write `/displaydns` in this cell as de-de does: translations keep command switches as they are"
    );
}

/// The seed article in a third real locale, ja-jp, translated from the
/// same source version (`tests/data/README.md`): the es-es row is now
/// outvoted, and the Japanese page adds only what the others have too.
#[test]
fn a_third_real_locale_outvotes_the_es_es_row_and_adds_no_noise() {
    let site = Fixture::new();
    for file in [ES, IT] {
        let seed = std::fs::read(repo().join(file)).expect("the seeds are in content/");
        site.write(file, seed);
    }
    let ja = "content/ja-jp/get-started/activation-error-codes.md";
    site.write(ja, include_str!("data/ja-jp-activation-error-codes.md"));
    let (_, doc) = check_json(site.root(), &[]);
    let mut expected = set(&[("translation-token-mismatch", ES, 48)]);
    for file in [ES, IT, ja] {
        expected.extend(set(&[
            ("duplicate-anchor", file, 77),
            ("duplicate-anchor", file, 86),
            ("broken-link", file, 112),
        ]));
    }
    assert_eq!(findings(&doc), expected);
    let row = finding_where(&doc, |f| f["rule"] == "translation-token-mismatch");
    assert_eq!(
        row["message"],
        "this table row has `0x8007232A` where it-it, ja-jp have `0x8007232B`"
    );
}

/// A machine-translation placeholder is a warning wherever it is, one per
/// line; where it took a token's place, it tells which of two locales lost
/// the token, and becomes that finding's note.
#[test]
fn machine_translation_placeholders_are_found_and_tell_who_lost_a_token() {
    let en = "# A\n\nRun `bitsadmin /?` for the list.\n\nMail user@example.com about foo__t.\n";
    let ko = "# A\n\n@No__t-0 또는 목록을 확인하세요.\n\nMail user@example.com about foo__t.\n\nTwo: @no__t -1 and @No__t_2.\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", en);
    site.write("content/ko-kr/a.md", ko);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", "content/ko-kr/a.md", 3),
            ("mt-placeholder", "content/ko-kr/a.md", 7),
        ]),
        "en-us is not blamed: the placeholder shows ko-kr lost the code"
    );
    let lost = finding_where(&doc, |f| f["location"]["line"] == 3);
    assert!(
        notes(lost)[0]
            .starts_with("`@No__t-0` is a placeholder machine translation left in the text"),
        "{lost}"
    );
    let two = finding_where(&doc, |f| f["location"]["line"] == 7);
    assert_eq!(two["location"]["column"], 6);
    assert_eq!(
        two["message"],
        "`@no__t -1` and 1 more on this line are placeholders machine translation left in the text: what stood there (code, a link, a placeholder such as `<Source>`) is lost"
    );
}

/// A switch a translation lost from the first column of a parameters
/// table is flagged when its own page names the switch elsewhere; a cell
/// holding another switch, a switch the page never names, and rows of
/// tables of different lengths (paired by order, perhaps wrongly) are not.
#[test]
fn a_switch_lost_from_a_parameters_table_is_flagged_and_nothing_like_it() {
    let en = "# tool\n\n```\ntool [/all] [/Release] [-Name <n>]\n```\n\n|Parameter|Description|\n|-|-|\n|/all|All.|\n|/release|Release.|\n|-Name|Name.|\n|/quiet|Quiet.|\n";
    let es = en
        .replace("|/all|All.|", "|comando/all|Todo.|")
        .replace("|/release|", "|/renew|")
        .replace("|/quiet|", "|silencioso|");
    let (_, found) = run(&[("en-us/tool.md", en), ("es-es/tool.md", &es)], &[]);
    assert_eq!(
        found,
        set(&[("translation-token-mismatch", "content/es-es/tool.md", 9)]),
        "`/renew` is another switch, `/quiet` is named nowhere else on the page"
    );
    let longer = es.replace("|-Name|", "|Nota|Una fila de más.|\n|-Name|");
    let (_, found) = run(&[("en-us/tool.md", en), ("es-es/tool.md", &longer)], &[]);
    assert_eq!(
        found,
        set(&[]),
        "tables of other lengths: rows without codes may be paired wrong"
    );
}

#[test]
fn human_output_shows_the_line_with_a_caret_and_a_summary() {
    let out = polydoc(&repo(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error[translation-token-mismatch]: this table row has `0x8007232A`"),
        "{err}"
    );
    assert!(err.contains(&format!("┌─ {ES}:48:3")), "{err}");
    assert!(err.contains(" │   ^^^^^^^^^^\n"), "{err}");
    assert!(err.contains("3 errors, 4 warnings, 0 notes\n  broken-link: 2\n  duplicate-anchor: 4\n  translation-token-mismatch: 1\n"), "{err}");
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let out = polydoc(&repo(), &["check", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    // The published schema (vendored as is) has a typo in the pattern of
    // `run.language`, a stray `]` that Rust's regex engine rejects. polydoc
    // never writes `language`; the test fixes the pattern in memory so that
    // everything else is validated.
    let text = include_str!("data/sarif-schema-2.1.0.json").replace(
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 7);
    let row = results
        .iter()
        .find(|r| r["ruleId"] == "translation-token-mismatch")
        .unwrap();
    let rule = &run["tool"]["driver"]["rules"][row["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "translation-token-mismatch");
    let region = &row["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(48), Some(3))
    );
    assert_eq!(
        row["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        IT
    );
    let fingerprints: BTreeSet<&str> = results
        .iter()
        .map(|r| r["partialFingerprints"]["polydoc/v1"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), results.len(), "fingerprints are unique");
}

#[test]
fn github_format_writes_escaped_workflow_commands() {
    let out = polydoc(&repo(), &["check", "--format", "github"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 7, "{text}");
    let row = lines
        .iter()
        .find(|l| l.contains("translation-token-mismatch"))
        .unwrap();
    assert!(
        row.starts_with(&format!(
            "::error file={ES},line=48,col=3,endColumn=13,title=polydoc translation-token-mismatch::this table row has"
        )),
        "{row}"
    );
    assert!(
        row.contains("%0Aalso: link text"),
        "newlines are escaped: {row}"
    );
    assert!(lines.iter().any(|l| l.starts_with("::warning file=")));
}

/// The notes of a finding in the JSON report.
fn notes(finding: &serde_json::Value) -> Vec<&str> {
    finding["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| n.as_str().expect("a note is text"))
        .collect()
}

/// A fixture site: `files` under `content/`, checked as JSON.
fn run(files: &[(&str, &str)], extra: &[&str]) -> (Option<i32>, BTreeSet<(String, String, u64)>) {
    let site = Fixture::new();
    for (path, text) in files {
        site.write(&format!("content/{path}"), text);
    }
    let (code, doc) = check_json(site.root(), extra);
    (code, findings(&doc))
}

#[test]
fn broken_links_case_and_backslash() {
    let page = "# A\n\n[ok](b.md) [img](img/x.png) [gone](missing.md)\n\n[case](B.md) [slash](sub\\c.md) [out](../../x.md)\n\n[web](https://example.com/x.md) [root](/windows/x)\n";
    let (code, found) = run(
        &[
            ("en-us/a.md", page),
            ("en-us/b.md", "# B\n"),
            ("en-us/sub/c.md", "# C\n"),
            ("en-us/img/x.png", "png"),
        ],
        &[],
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        set(&[
            ("broken-link", "content/en-us/a.md", 3),
            ("link-case-mismatch", "content/en-us/a.md", 5),
            ("link-backslash", "content/en-us/a.md", 5),
            ("broken-link", "content/en-us/a.md", 5),
        ])
    );
}

/// Where the fix goes: a broken link points at its destination, a missing
/// anchor at its `#fragment`, not at the link text before them.
#[test]
fn link_findings_point_at_the_destination_as_written() {
    let page = "# A\n\nSee [the guide](gone.md) and [here](b.md#nowhere).\n\n[ref][r] and <a href=\"lost.md\">html</a>\n\n[r]: away.md\n\n[t.md](t.md \"t.md\")\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", page)
        .write("content/en-us/b.md", "# B\n");
    let (_, doc) = check_json(site.root(), &[]);
    let at = |rule: &str, line: u64, target: &str| {
        let f = finding_where(&doc, |f| {
            f["rule"] == rule
                && f["location"]["line"] == line
                && f["message"].as_str().unwrap().contains(target)
        });
        (
            f["location"]["column"].as_u64().unwrap(),
            f["location"]["end_column"].as_u64().unwrap(),
        )
    };
    // `See [the guide](` is 16 characters: `gone.md` starts at column 17.
    assert_eq!(at("broken-link", 3, "gone.md"), (17, 24));
    // `#nowhere` after `... and [here](b.md`.
    assert_eq!(at("missing-anchor", 3, "nowhere"), (41, 49));
    // A reference link's destination is on another line: the link itself.
    assert_eq!(at("broken-link", 5, "away.md"), (1, 9));
    // Raw HTML: the `href` value.
    assert_eq!(at("broken-link", 5, "lost.md"), (23, 30));
    // Neither the link text nor the title that spell it too.
    assert_eq!(at("broken-link", 9, "t.md"), (8, 12));
}

/// `<!-- polydoc-disable... -->` comments silence findings where they
/// are; misspelled ones and ones that silence nothing are reported.
#[test]
fn comments_silence_findings_where_they_are() {
    let page = "# A

<!-- polydoc-disable-next-line broken-link -->
[Draft](draft.md) and [other](gone.md)

[Not silenced](gone2.md)

| Code | Text |
|---|---|
| 0x80070005 | one |
| 0x80070005 | two <!-- polydoc-disable-line duplicate-table-key --> |
| 0x80070006 | three |
| 0x80070007 | four |

<!-- polydoc-disable hidden-html -->
Type <computername> here.
<!-- polydoc-enable hidden-html -->

Type <username> here.

<!-- polydoc-disable-next-line brokn-link -->
[x](gone3.md)

<!-- polydoc-disable-next-line missing-anchor -->
Nothing to silence here.

<!-- polydoc-disabel -->
<!-- polydoc-enable broken-link -->

```markdown
<!-- polydoc-disable -->
```

[y](gone4.md)

<!-- polydoc-disable -->
[z](gone5.md) Type <everything> here.
";
    let (code, found) = run(&[("en-us/a.md", page)], &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        found,
        set(&[
            ("broken-link", "content/en-us/a.md", 6),
            ("hidden-html", "content/en-us/a.md", 19),
            ("invalid-suppression", "content/en-us/a.md", 21),
            ("broken-link", "content/en-us/a.md", 22),
            ("unused-suppression", "content/en-us/a.md", 24),
            ("invalid-suppression", "content/en-us/a.md", 27),
            ("invalid-suppression", "content/en-us/a.md", 28),
            ("broken-link", "content/en-us/a.md", 34),
        ])
    );
    let site = Fixture::new();
    site.write("content/en-us/a.md", page);
    let (_, doc) = check_json(site.root(), &[]);
    let typo = finding_where(&doc, |f| f["location"]["line"] == 21);
    assert_eq!(typo["help"], "did you mean `broken-link`?");
    let scope = finding_where(&doc, |f| f["location"]["line"] == 27);
    assert!(
        scope["help"]
            .as_str()
            .unwrap()
            .starts_with("did you mean `polydoc-disable`?"),
        "{scope}"
    );
}

/// `polydoc-enable x` ends only `x` of a `polydoc-disable x y`; `y`
/// stays silenced to the end of the file.
#[test]
fn an_enable_ends_only_the_rules_it_names() {
    let page = "# A\n\n<!-- polydoc-disable broken-link, hidden-html -->\n[a](gone1.md) <b1>\n<!-- polydoc-enable broken-link -->\n[b](gone2.md) <b2>\n";
    let (_, found) = run(&[("en-us/a.md", page)], &[]);
    assert_eq!(found, set(&[("broken-link", "content/en-us/a.md", 6)]));
}

/// A comment on the seeds' line 48 silences the repeated key only: the
/// row's token mismatch stays, with the link-text evidence.
#[test]
fn a_comment_silences_one_rule_of_a_merged_finding() {
    let site = Fixture::new();
    for (locale, rel) in [(ES, "es-es"), (IT, "it-it")] {
        let text = std::fs::read_to_string(repo().join(locale)).unwrap();
        let text = if rel == "es-es" {
            let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
            // In the last cell: GFM drops what follows a row's last `|`.
            let row = lines[47].trim_end().strip_suffix('|').unwrap().to_owned();
            lines[47] = format!("{row}<!-- polydoc-disable-line duplicate-table-key --> |");
            lines.join("\n")
        } else {
            text
        };
        site.write(
            &format!("content/{rel}/get-started/activation-error-codes.md"),
            text,
        );
    }
    let (_, doc) = check_json(site.root(), &[]);
    let row = finding_where(&doc, |f| f["location"]["line"] == 48);
    assert_eq!(row["rule"], "translation-token-mismatch");
    let notes = notes(row);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].ends_with("[link-text-anchor-mismatch]"),
        "{notes:?}"
    );
    assert!(
        !findings(&doc)
            .iter()
            .any(|(rule, _, _)| rule.ends_with("-suppression")),
        "{doc:#}"
    );
}

/// `polydoc check FILE...` reports on the named files and folders only,
/// still reading the whole site: the Spanish row is flagged because the
/// Italian page, not named, disagrees.
#[test]
fn named_files_and_folders_limit_what_is_reported() {
    let (code, doc) = check_json(&repo(), &[IT]);
    assert_eq!(code, Some(1), "it-it's broken link is an error");
    assert_eq!(
        findings(&doc),
        set(&[
            ("broken-link", IT, 112),
            ("duplicate-anchor", IT, 77),
            ("duplicate-anchor", IT, 86),
        ])
    );
    let (_, doc) = check_json(&repo(), &["content/es-es/get-started"]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", ES, 48),
            ("broken-link", ES, 112),
            ("duplicate-anchor", ES, 77),
            ("duplicate-anchor", ES, 86),
        ])
    );
    let (code, doc) = check_json(&repo(), &["content/es-es/index.md"]);
    assert_eq!((code, findings(&doc)), (Some(0), set(&[])));

    let typo = polydoc(&repo(), &["check", "content/es-es/nope.md"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        stderr(&typo).starts_with("error: content/es-es/nope.md: "),
        "{}",
        stderr(&typo)
    );
    let partial = polydoc(&repo(), &["check", "--write-baseline", "/dev/null", IT]);
    assert_eq!(
        partial.status.code(),
        Some(2),
        "a baseline records the whole site"
    );
}

/// A relative `redirect_url` must lead somewhere, like a link; URLs and
/// site paths are not checked.
#[test]
fn a_redirect_to_a_missing_page_is_a_broken_link() {
    let site = Fixture::new();
    site.write(
        "content/en-us/bad.md",
        "---\ntitle: Bad\nredirect_url: nowhere.md\n---\n# Bad\n",
    )
    .write(
        "content/en-us/ok.md",
        "---\nredirect_url: new.md\n---\n# Ok\n",
    )
    .write("content/en-us/new.md", "# New\n")
    .write(
        "content/en-us/url.md",
        "---\nredirect_url: /windows/new\n---\n# Url\n",
    );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[("broken-link", "content/en-us/bad.md", 3)])
    );
    let f = finding_where(&doc, |f| f["rule"] == "broken-link");
    assert_eq!(f["location"]["column"], 15, "at the value");
}

#[test]
fn a_link_to_a_folder_opens_its_index_page() {
    let page = "# A\n\n[ok](sub/) [also](sub) [anchor](sub/#intro) [root](./)\n\n[case](SUB/)\n\n[none](empty/) [again](empty/)\n";
    let site = Fixture::new();
    site.write("content/en-us/index.md", "# Home\n")
        .write("content/en-us/a.md", page)
        .write("content/en-us/sub/index.md", "# Sub\n\n## Intro\n")
        .write("content/en-us/empty/other.md", "# Other\n");
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            ("link-case-mismatch", "content/en-us/a.md", 5),
            ("broken-link", "content/en-us/a.md", 7),
        ])
    );
    let case = finding_where(&doc, |f| f["rule"] == "link-case-mismatch");
    assert_eq!(case["help"], "spell the path as the file is named: `sub/`");
    let broken = finding_where(&doc, |f| f["rule"] == "broken-link");
    assert_eq!(
        broken["message"],
        "link `empty/` points to the folder `empty`, which has no `index.md` in `en-us`; the page links it 2 times (line 7)"
    );

    // The built page names the index, as `file://` shows no folder's index.
    assert_eq!(
        site.build(&[]).status.code(),
        Some(0),
        "check findings do not fail a build"
    );
    let html = site.html("en-us/a.html");
    let hrefs: Vec<&str> = attrs(&html, "main a", "href");
    assert_eq!(
        hrefs,
        [
            "sub/index.html",
            "sub/index.html",
            "sub/index.html#intro",
            "index.html",
            "sub/index.html",
            "empty/",
            "empty/"
        ]
    );
    assert!(site.out("en-us/sub/index.html").is_file());
}

#[test]
fn links_in_raw_html_are_checked_and_built_like_markdown_links() {
    let page = concat!(
        "# A\n\n",
        "<table>\n<tr><td><a href=\"b.md#part\">ok</a></td><td><a href=\"gone.md\">gone</a></td></tr>\n</table>\n\n",
        "Inline <a href=\"b.md#nope\">b</a>, <img src=\"media/i.png\" alt=\"i\"> and <img src=\"media/none.png\" alt=\"n\">.\n\n",
        "<a href=\"https://example.com/x.md\">web</a> <a name=\"here\"></a>\n",
    );
    let site = Fixture::new();
    site.write("content/en-us/a.md", page)
        .write("content/en-us/b.md", "# B\n\n## Part\n")
        .write("content/en-us/media/i.png", "png");
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[
            ("broken-link", "content/en-us/a.md", 4),
            ("missing-anchor", "content/en-us/a.md", 7),
            ("broken-link", "content/en-us/a.md", 7),
        ])
    );
    let gone = finding_where(&doc, |f| f["location"]["line"] == 4);
    assert_eq!(
        gone["location"]["column"], 53,
        "the caret is on the href's value"
    );

    assert_eq!(
        site.build(&[]).status.code(),
        Some(0),
        "check findings do not fail a build"
    );
    let html = site.html("en-us/a.html");
    let hrefs: Vec<&str> = attrs(&html, "article a[href]", "href");
    assert_eq!(
        hrefs,
        [
            "b.html#part",
            "gone.html",
            "b.html#nope",
            "https://example.com/x.md"
        ]
    );
    let srcs: Vec<&str> = attrs(&html, "article img", "src");
    assert_eq!(srcs, ["media/i.png", "media/none.png"]);
}

#[test]
fn an_anchor_copied_from_a_translation_names_the_heading_it_meant() {
    let link = "# A\n\nSee [activation](b.md#activate-windows).\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", link)
        .write(
            "content/en-us/b.md",
            "# B\n\n## Install\n\n## Activate Windows\n",
        )
        .write("content/es-es/a.md", link)
        .write(
            "content/es-es/b.md",
            "# B\n\n## Instalar\n\n## Activar Windows\n",
        )
        // Another outline: no heading can be said to be the one meant.
        .write("content/it-it/a.md", link)
        .write("content/it-it/b.md", "# B\n\n## Attivare Windows\n");
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("missing-anchor", "content/es-es/a.md", 3),
            ("missing-anchor", "content/it-it/a.md", 3),
        ])
    );
    let es = finding_where(&doc, |f| f["location"]["file"] == "content/es-es/a.md");
    assert_eq!(
        es["help"],
        "`#activate-windows` is the heading \"Activate Windows\" in en-us; here that heading is \
         `#activar-windows`: link to it, or give it `<a name=\"activate-windows\"></a>` in every \
         locale so that links survive translation"
    );
    let it = finding_where(&doc, |f| f["location"]["file"] == "content/it-it/a.md");
    assert_eq!(it["help"], "did you mean `#attivare-windows`?");
}

#[test]
fn missing_anchors_match_exactly_and_suggest() {
    let page = "# A\n\n## <a name=\"kept\"></a>Uno\n\n## Dos partes\n\n<div id=\"raw\"></div>\n\n[a](#kept) [b](#dos-partes) [c](#raw) [d](b.md#there)\n\n[e](#Kept)\n\n[f](b.md#nowhere)\n";
    let (_, found) = run(
        &[
            ("en-us/a.md", page),
            ("en-us/b.md", "# B\n\n## <a name=\"there\"></a>T\n"),
        ],
        &[],
    );
    assert_eq!(
        found,
        set(&[
            ("missing-anchor", "content/en-us/a.md", 11),
            ("missing-anchor", "content/en-us/a.md", 13),
        ])
    );
    let site = Fixture::new();
    site.write("content/en-us/a.md", page)
        .write("content/en-us/b.md", "# B\n");
    let (_, doc) = check_json(site.root(), &[]);
    let e = finding_where(&doc, |f| f["location"]["line"] == 11);
    assert_eq!(e["help"], "did you mean `#kept`?");
}

#[test]
fn duplicate_anchors_warn_once_and_error_when_targeted() {
    let page = "# A\n\n## <a name=\"x\"></a>One\n\n## <a name=\"x\"></a>Two\n\n## <a name=\"y\"></a>Three\n\n## <a name=\"y\"></a>Four\n\n[to y](#y)\n\n## Same\n\n## Same\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", page);
    let (code, doc) = check_json(site.root(), &[]);
    let found: Vec<(&str, u64, &str)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["location"]["line"].as_u64().unwrap(),
                f["severity"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("duplicate-anchor", 3, "warning"),
            ("duplicate-anchor", 7, "error")
        ],
        "automatic ids of repeated headings are unique and never reported"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn hidden_html_is_reported_and_real_tags_are_not() {
    let page = "# A\n\nRun slmgr /ipk <productkey> on <computername>.\n\nA <b>bold</b> <br/> <my-widget></my-widget> `<code>` and <5x5 key>.\n";
    let (code, found) = run(&[("en-us/a.md", page)], &[]);
    assert_eq!(code, Some(0), "warnings do not fail by default");
    assert_eq!(
        found,
        set(&[
            ("hidden-html", "content/en-us/a.md", 3),
            ("hidden-html", "content/en-us/a.md", 3),
        ])
        .into_iter()
        .collect()
    );
    let (code, _) = run(&[("en-us/a.md", page)], &["--fail-on", "warning"]);
    assert_eq!(code, Some(1));
}

#[test]
fn link_text_against_anchor_and_table_keys() {
    let page = "# A\n\n|Code|Text|\n|-|-|\n|[0x80070005](#0x80070005-denied)|a|\n|[0x8007232A](#0x8007232b-dns)|b|\n|[0x8007232A](#0x8007232a-dns)|c|\n|[Fix](#0x8007232a-dns)|d|\n\n|Kind|Name|\n|-|-|\n|MAK|a|\n|MAK|b|\n|KMS|c|\n\n## <a name=\"0x80070005-denied\"></a>0x80070005\n\n## <a name=\"0x8007232b-dns\"></a>0x8007232B\n\n## <a name=\"0x8007232a-dns\"></a>0x8007232A\n";
    let (_, found) = run(&[("en-us/a.md", page)], &[]);
    assert_eq!(
        found,
        set(&[
            ("link-text-anchor-mismatch", "content/en-us/a.md", 6),
            ("duplicate-table-key", "content/en-us/a.md", 7),
        ]),
        "a text that names no code, and a category column, are left alone"
    );
}

const EN: &str = "---\nms.date: 01/01/2020\n---\n# A\n\n|Code|Text|\n|-|-|\n|[0x1111AAAA](#code-a)|one|\n|[0x2222BBBB](#code-b)|two|\n\n```powershell\n# Check the key\nslmgr /dlv\n```\n\n## <a name=\"code-a\"></a>0x1111AAAA\n\nSee `Get-Item` and 0x1111AAAA.\n\n## <a name=\"code-b\"></a>0x2222BBBB\n";

#[test]
fn translations_disagreeing_with_the_majority_are_flagged() {
    let es = EN
        .replace("01/01/2020", "02/02/2021")
        .replace("one", "uno")
        .replace("# Check the key", "# Comprobar la clave")
        .replace(
            "See `Get-Item` and 0x1111AAAA.",
            "Vea 0x1111AAAA, `Get-Item` y 0x1111AAAA.",
        );
    let it = EN
        .replace("two", "due")
        .replace("See `Get-Item`", "Vedere `Get-Items`")
        .replace(
            "|[0x2222BBBB](#code-b)|",
            "|0x3333CCCC|tre|\n|[0x2222BBBC](#code-b)|",
        );
    let (_, found) = run(
        &[("en-us/a.md", EN), ("es-es/a.md", &es), ("it-it/a.md", &it)],
        &[],
    );
    assert_eq!(
        found,
        set(&[
            ("translation-token-mismatch", "content/it-it/a.md", 10),
            ("translation-token-mismatch", "content/it-it/a.md", 19),
        ]),
        "front matter, translated comments, repeated codes and one extra row (aligned, not shifting) give nothing"
    );
}

#[test]
fn two_locales_without_evidence_are_both_reported() {
    let es = EN.replace("slmgr /dlv", "slmgr /xpr");
    let (_, found) = run(&[("en-us/a.md", EN), ("es-es/a.md", &es)], &[]);
    assert_eq!(
        found,
        set(&[
            ("translation-token-mismatch", "content/en-us/a.md", 11),
            ("translation-token-mismatch", "content/es-es/a.md", 11),
        ])
    );
}

/// With a source locale the source is the reference: the translations
/// that differ from it are flagged, even when they outnumber it (the
/// source changed; two stale translations are no vote against it).
#[test]
fn with_a_source_locale_the_translations_that_differ_from_it_are_flagged() {
    let stale = EN.replace("See `Get-Item`", "See `Get-ChildItem`");
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n");
    site.write("content/en-us/a.md", EN);
    site.write("content/es-es/a.md", &stale);
    site.write("content/it-it/a.md", &stale);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", "content/es-es/a.md", 18),
            ("translation-token-mismatch", "content/it-it/a.md", 18),
        ])
    );
    let es = finding_where(&doc, |f| f["location"]["file"] == "content/es-es/a.md");
    assert_eq!(
        es["message"],
        "this paragraph has `Get-ChildItem` where en-us (the source) has `Get-Item`"
    );
    assert_eq!(
        es["help"],
        "change `Get-ChildItem` to `Get-Item`, as in en-us (the source); if en-us is wrong, correct it and then its translations"
    );
}

/// The source is the reference unless its own block shows the slip: here
/// its link text names another code than the heading it links to.
#[test]
fn a_source_whose_own_block_shows_the_slip_is_flagged_instead() {
    let slipped = EN.replace("|[0x2222BBBB](#code-b)|", "|[0x2222BBBC](#code-b)|");
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n");
    site.write("content/en-us/a.md", &slipped);
    site.write("content/es-es/a.md", EN);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/en-us/a.md", 9)])
    );
}

/// Translations made from different source versions (`ms.openlocfilehash`)
/// differ by what the source changed between them: drift reports the
/// older one as outdated, `check` compares only pages of one version.
#[test]
fn only_translations_of_the_same_source_version_are_compared() {
    let version = |hash: &str, text: &str| {
        text.replace(
            "ms.date: 01/01/2020",
            &format!("ms.openlocfilehash: {hash}"),
        )
    };
    let (_, found) = run(
        &[
            ("en-us/a.md", EN),
            (
                "es-es/a.md",
                &version("aaaa1111", &EN.replace("slmgr /dlv", "slmgr /xpr")),
            ),
            ("it-it/a.md", &version("bbbb2222", EN)),
            ("de-de/a.md", &version("AAAA1111", EN)),
        ],
        &[],
    );
    assert_eq!(
        found,
        set(&[
            ("translation-token-mismatch", "content/de-de/a.md", 11),
            ("translation-token-mismatch", "content/es-es/a.md", 11),
        ]),
        "es-es and de-de share a version (hashes compare without case); it-it and en-us stand alone"
    );
}

#[test]
fn a_token_mismatch_lists_tokens_in_text_order_and_points_at_the_first() {
    // `zeta.md` comes first in the text and last in alphabetical order.
    let en = "# A\n\nSee [z](zeta.md), [a](alpha.md) and `0x80070005`.\n";
    let es = "# A\n\nVea [a](alpha.md).\n";
    let site = Fixture::new();
    site.write("content/en-us/zeta.md", "# Z\n")
        .write("content/en-us/alpha.md", "# Z\n")
        .write("content/es-es/alpha.md", "# Z\n")
        .write("content/en-us/a.md", en)
        .write("content/es-es/a.md", es);
    let (_, doc) = check_json(site.root(), &[]);
    let en_finding = finding_where(&doc, |f| f["location"]["file"] == "content/en-us/a.md");
    assert_eq!(
        en_finding["message"],
        "this paragraph has link `zeta.md`, `0x80070005`, which es-es lacks"
    );
    assert_eq!(
        (
            en_finding["location"]["line"].as_u64(),
            en_finding["location"]["column"].as_u64()
        ),
        (Some(3), Some(5))
    );
}

#[test]
fn links_to_a_translated_heading_agree_though_its_slug_differs() {
    // Each page links the same headings by their own automatic ids: right
    // in both languages, nothing to report.
    let en = "# A\n\nSee [it](#activate-windows), [b](b.md#install).\n\nThen [here](#install-the-key).\n\n## Install the key\n\n## Activate Windows\n";
    let es = "# A\n\nVea [esto](#activar-windows), [b](b.md#instalar).\n\nLuego [aquí](#activar-windows).\n\n## Instalar la clave\n\n## Activar Windows\n";
    let (_, found) = run(
        &[
            ("en-us/a.md", en),
            ("es-es/a.md", es),
            ("en-us/b.md", "# B\n\n## Install\n"),
            ("es-es/b.md", "# B\n\n## Instalar\n"),
        ],
        &[],
    );
    // The second paragraph links another heading in each language.
    assert_eq!(
        found,
        set(&[
            ("translation-token-mismatch", "content/en-us/a.md", 5),
            ("translation-token-mismatch", "content/es-es/a.md", 5),
        ])
    );
}

#[test]
fn translated_placeholders_in_code_are_no_mismatch_and_changed_commands_are() {
    let page = |placeholder: &str, switch: &str| {
        format!(
            "# A\n\nRun `slmgr {switch} <{placeholder}>`.\n\n```cmd\nslmgr /ipk <{placeholder}>\n```\n"
        )
    };
    let (_, found) = run(
        &[
            ("en-us/a.md", &page("product key", "/ipk")),
            ("es-es/a.md", &page("clave de producto", "/ipk")),
            ("fr-fr/a.md", &page("clé de produit", "/ato")),
        ],
        &[],
    );
    assert_eq!(
        found,
        set(&[("translation-token-mismatch", "content/fr-fr/a.md", 3)])
    );

    // Three locales, three commands: no majority, each message speaks for
    // the locale it quotes only.
    let site = Fixture::new();
    site.write("content/en-us/a.md", page("product key", "/ipk"))
        .write("content/es-es/a.md", page("clave de producto", "/upk"))
        .write("content/fr-fr/a.md", page("clé de produit", "/ato"));
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(findings(&doc).len(), 3);
    let en = finding_where(&doc, |f| f["location"]["file"] == "content/en-us/a.md");
    assert_eq!(
        en["message"],
        "this paragraph has `slmgr /ipk <product key>` where es-es has `slmgr /upk <clave de producto>` (fr-fr has yet other tokens)"
    );
}

#[test]
fn translations_keep_the_files_their_includes_and_media_read() {
    let en = "# A\n\nIntro.\n\n:::image type=\"content\" source=\"media/a.png\" alt-text=\"Shot\":::\n\n\
              [!INCLUDE [n](includes/n.md)]\n\n- Step with [!INCLUDE [n](includes/n.md)] inline\n";
    // Alt text and prose are translated: no finding for es-es.
    let es = en
        .replace("Intro", "Introducción")
        .replace("Shot", "Captura")
        .replace("Step with", "Paso con");
    let it = en.replace("media/a.png", "media/b.png").replace(
        "Step with [!INCLUDE [n](includes/n.md)]",
        "Passo con [!INCLUDE [n](includes/m.md)]",
    );
    let site = Fixture::new();
    for (locale, page) in [("en-us", en.to_owned()), ("es-es", es), ("it-it", it)] {
        site.write(&format!("content/{locale}/a.md"), page);
        for file in [
            "media/a.png",
            "media/b.png",
            "includes/n.md",
            "includes/m.md",
        ] {
            site.write(&format!("content/{locale}/{file}"), "x\n");
        }
    }
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", "content/it-it/a.md", 5),
            ("translation-token-mismatch", "content/it-it/a.md", 9),
        ])
    );
    let messages: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "this include or media block has file `media/b.png` where en-us, es-es have file `media/a.png`",
            "this list item has file `includes/m.md` where en-us, es-es have file `includes/n.md`",
        ]
    );
}

#[test]
fn config_sets_severities_and_turns_rules_off() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# A\n\n[x](gone.md) <thing>\n")
        .write(
            "polydoc.toml",
            "[rules]\nbroken-link = \"warning\"\nhidden-html = \"off\"\n",
        );
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        findings(&doc),
        set(&[("broken-link", "content/en-us/a.md", 3)])
    );
    assert_eq!(doc["findings"][0]["severity"], "warning");

    site.write("polydoc.toml", "[rules]\nbroken-links = \"off\"\n");
    let out = polydoc(site.root(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`broken-links`, which is no rule; did you mean `broken-link`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_baseline_hides_known_findings_even_when_lines_move() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# A\n\n[x](gone.md)\n");
    let out = polydoc(site.root(), &["check", "--write-baseline", "known.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    site.write(
        "content/en-us/a.md",
        "# A\n\nNew intro.\n\n[x](gone.md)\n\n[y](also-gone.md)\n",
    );
    let (code, doc) = check_json(site.root(), &["--baseline", "known.json"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[("broken-link", "content/en-us/a.md", 7)])
    );
    // The human summary says what the baseline hid.
    let out = polydoc(site.root(), &["check", "--baseline", "known.json"]);
    assert!(
        stderr(&out).contains("Checked 1 page in 1 locale in ")
            && stderr(&out).contains("; 1 known finding hidden by the baseline"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_files_are_findings_and_the_other_checks_still_run() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# A\n\n[x](gone.md)\n")
        .write("content/en-us/bad.md", "---\ntitle: [\n---\n# B\n")
        .write(
            "content/en-us/bin.md",
            b"\x00\x01\xff\xfe binary".as_slice(),
        );
    std::os::unix::fs::symlink("nowhere.md", site.root().join("content/en-us/dangling.md"))
        .unwrap();
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    let rules: BTreeSet<(String, String)> =
        findings(&doc).into_iter().map(|(r, f, _)| (r, f)).collect();
    assert_eq!(
        rules,
        [
            ("broken-link", "content/en-us/a.md"),
            ("invalid-front-matter", "content/en-us/bad.md"),
            ("invalid-utf8", "content/en-us/bin.md"),
            ("unreadable-file", "content/en-us/dangling.md"),
        ]
        .iter()
        .map(|(r, f)| (r.to_string(), f.to_string()))
        .collect()
    );
}
