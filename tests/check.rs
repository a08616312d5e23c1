//! `polydoc check` on the seeds and on one small fixture per rule, through
//! the real binary and its JSON, SARIF and GitHub outputs. The
//! cross-locale comparison has its own file, `tests/translations.rs`.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;

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
    let related = related(row);
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
    // The head says what was checked: two peers, no source locale.
    assert_eq!(doc["source"], serde_json::Value::Null);
    assert!(doc.get("source_found_in").is_none(), "{}", doc["source"]);
    assert_eq!(doc["locales"], serde_json::json!(["es-es", "it-it"]));
    assert_eq!(doc["pages"], serde_json::json!({"es-es": 2, "it-it": 2}));
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

/// A file linked sixty times is one finding: its message names the first
/// forty lines and how many more, the human output quotes ten of the
/// other places and counts the rest, and the JSON keeps all of them.
#[test]
fn a_finding_with_many_places_shows_some_and_counts_the_rest() {
    let page: String = (0..60).map(|_| "See [it](gone.md).\n\n").collect();
    let site = Fixture::new();
    site.write("content/en-us/a.md", &page);
    let (_, doc) = check_json(site.root(), &[]);
    let finding = finding_at(&doc, "content/en-us/a.md", 1);
    let message = finding["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "link `gone.md` points to `gone.md`, which does not exist in `en-us`; the page links it 60 times (lines 1, 3, 5, "
        ),
        "{message}"
    );
    assert!(message.ends_with(", 77, 79 and 20 more)"), "{message}");
    assert_eq!(related(finding).len(), 59);
    let out = polydoc(site.root(), &["check", "--root", "."]);
    let err = stderr(&out);
    assert_eq!(err.matches("the same target").count(), 10, "{err}");
    assert!(
        err.contains("= and 49 more related places, not shown: `--format json` lists them all"),
        "{err}"
    );
}

/// Columns count characters, not bytes, whatever order the rules ask
/// for places on a line in: `broken-link` asks for both links before
/// `hidden-html` asks for the tag between them (the check context counts
/// on from the last place asked when it can, and from the line's start
/// when the place is earlier).
#[test]
fn columns_count_characters_in_any_order_asked() {
    let line = "Ünïcödé [a](gone-one.md) ça <computername> é [b](gone-two.md) ü";
    let site = Fixture::new();
    site.write("content/en-us/a.md", format!("# T\n\n{line}\n"));
    let (_, doc) = check_json(site.root(), &[]);
    let column = |s: &str| line[..line.find(s).unwrap()].chars().count() as u64 + 1;
    let found: Vec<(String, u64, u64)> = places(&doc)
        .into_iter()
        .map(|(rule, _, line, column)| (rule, line, column))
        .collect();
    assert_eq!(
        found,
        [
            ("broken-link".to_owned(), 3, column("gone-one.md")),
            ("hidden-html".to_owned(), 3, column("<computername>")),
            ("broken-link".to_owned(), 3, column("gone-two.md")),
        ]
    );
}

/// An id the page lacks is one fix however many links name it: one
/// finding, at the first, the others its related places.
#[test]
fn links_to_one_missing_id_are_one_finding() {
    let page =
        "# A\n\nSee [x](#nowhere).\n\nAnd [y](#nowhere), [z](b.md#gone).\n\nAgain [x](#nowhere).\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", page)
        .write("content/en-us/b.md", "# B\n");
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("missing-anchor", "content/en-us/a.md", 3),
            ("missing-anchor", "content/en-us/a.md", 5),
        ])
    );
    let grouped = finding_at(&doc, "content/en-us/a.md", 3);
    assert_eq!(
        grouped["message"],
        "`#nowhere` names no id on this page; the page links it 3 times (lines 3, 5, 7)"
    );
    assert_eq!(
        related(grouped),
        [("content/en-us/a.md", 5), ("content/en-us/a.md", 7)]
    );
}

/// A finding on a line of 400 KB quotes a window of the line around its
/// place, with the caret under the link and the real column in its
/// header, not the line (which the snippet would print twice, with its
/// caret); its related place on a short line is quoted below it.
#[test]
fn a_finding_on_a_very_long_line_quotes_the_stretch_around_it() {
    let page = format!(
        "# A\n\n{}[x](gone.md) {}\n\nAgain [y](gone.md).\n",
        "word ".repeat(40_000),
        "more ".repeat(40_000)
    );
    let site = Fixture::new();
    site.write("content/en-us/a.md", &page);
    let out = polydoc(site.root(), &["check", "--root", "."]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.len() < 2_000, "{} bytes", err.len());
    assert!(err.contains("┌─ content/en-us/a.md:3:200005\n"), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    let quoted = lines
        .iter()
        .position(|l| l.starts_with("3 │ "))
        .unwrap_or_else(|| panic!("{err}"));
    let line = lines[quoted];
    assert!(line.starts_with("3 │ …word word "), "{line}");
    assert!(line.ends_with(" more more…"), "{line}");
    assert!(line.chars().count() < 120, "{line}");
    // The caret stands under the link's target, in characters.
    let column = |text: &str, needle: &str| {
        let byte = text.find(needle).unwrap_or_else(|| panic!("{text}"));
        text[..byte].chars().count()
    };
    let carets = lines[quoted + 1];
    assert_eq!(column(carets, "^^^^^^^"), column(line, "gone.md)"), "{err}");
    assert_eq!(lines[quoted + 3], "5 │ Again [y](gone.md).", "{err}");
    assert!(
        lines[quoted + 4].ends_with("------- the same target"),
        "{err}"
    );
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
    // So are the real translations', with most rules and kinds of fix
    // (deletions among them: a space inside bold's markers).
    for root in [
        "real",
        "real-sql",
        "real-powershell",
        "real-cpp",
        "real-aad",
        "real-win32",
        "real-dynamics",
        "real-intune",
        "real-graph",
        "real-wmi",
        "real-wtnca",
        "real-syserr",
        "real-debugger",
        "real-vs",
        "real-azure",
    ] {
        let args: &[&str] = if root == "real" {
            &["--root", "tests/data", "--content", "tests/data/real"]
        } else {
            &["--root", &format!("tests/data/{root}")]
        };
        let out = polydoc(&repo(), &[&["check", "--format", "sarif"], args].concat());
        let real: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&real)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{root}: {errors:#?}");
        let fixes = real["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["fixes"].is_array())
            .count();
        assert!(
            matches!(root, "real-aad" | "real-dynamics") || fixes > 0,
            "{root}: no fixes to validate"
        );
    }
    let run = &sarif["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 7);
    let row = results
        .iter()
        .find(|r| r["ruleId"] == "translation-token-mismatch")
        .unwrap();
    let rule = &run["tool"]["driver"]["rules"][row["ruleIndex"].as_u64().unwrap() as usize];
    assert_eq!(rule["id"], "translation-token-mismatch");
    // Code scanning shows the rule's page beside the alert.
    let help = rule["help"]["markdown"].as_str().unwrap();
    assert!(
        help.starts_with("# `translation-token-mismatch`\n"),
        "{help}"
    );
    assert!(help.contains("## How to fix it\n"), "{help}");
    assert_eq!(rule["help"]["text"], rule["help"]["markdown"]);
    let helped: BTreeSet<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["help"].is_object())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let reported: BTreeSet<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(helped, reported, "help for the rules with results only");
    let region = &row["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(48), Some(3))
    );
    // The fix `check --fix` would write, for SARIF viewers to apply.
    let change = &row["fixes"][0]["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], ES);
    assert_eq!(
        change["replacements"],
        serde_json::json!([{
            "deletedRegion": { "startLine": 48, "startColumn": 3, "endColumn": 13 },
            "insertedContent": { "text": "0x8007232B" },
        }])
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

/// The seeds' findings as `check --format json` reports them, as (rule,
/// file, line), for comparing the other formats with.
fn seed_findings() -> BTreeSet<(String, String, u64)> {
    let (_, doc) = check_json(&repo(), &[]);
    findings(&doc)
}

#[test]
fn azure_format_writes_one_escaped_logging_command_per_finding() {
    let out = polydoc(&repo(), &["check", "--format", "azure"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let rest = line
            .strip_prefix("##vso[task.logissue ")
            .unwrap_or_else(|| panic!("{line}"));
        let (props, message) = rest.split_once(']').unwrap_or_default();
        assert!(!message.contains('\n') && !message.is_empty(), "{line}");
        let prop = |key: &str| {
            props
                .split(';')
                .find_map(|p| p.strip_prefix(&format!("{key}=")))
                .unwrap_or_default()
                .to_owned()
        };
        assert!(
            ["error", "warning"].contains(&prop("type").as_str()),
            "{line}"
        );
        found.insert((
            prop("code"),
            prop("sourcepath"),
            prop("linenumber").parse().unwrap_or(0),
        ));
        if prop("code") == "translation-token-mismatch" {
            assert_eq!(prop("columnnumber"), "3");
            assert!(
                message.contains("%0Aalso: link text"),
                "newlines escaped: {line}"
            );
        }
    }
    assert_eq!(found, seed_findings());
}

#[test]
fn gitlab_format_is_a_code_quality_report() {
    let out = polydoc(&repo(), &["check", "--format", "gitlab"]);
    assert_eq!(out.status.code(), Some(1));
    let issues: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let issues = issues.as_array().expect("an array");
    let found: BTreeSet<(String, String, u64)> = issues
        .iter()
        .map(|i| {
            (
                i["check_name"].as_str().unwrap_or_default().to_owned(),
                i["location"]["path"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                i["location"]["lines"]["begin"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(found, seed_findings());
    let row = issues
        .iter()
        .find(|i| i["check_name"] == "translation-token-mismatch")
        .expect("the seed's row");
    assert_eq!(row["severity"], "major");
    assert_eq!(row["location"]["path"], ES);
    assert_eq!(row["location"]["lines"]["begin"], 48);
    let prints: BTreeSet<&str> = issues
        .iter()
        .filter_map(|i| i["fingerprint"].as_str())
        .collect();
    assert_eq!(
        prints.len(),
        issues.len(),
        "GitLab tells issues apart by fingerprint"
    );
}

/// JUnit XML: a suite per rule that ran, a case per finding (failing at
/// or above `--fail-on`, as the exit status does), one passing case for a
/// rule that found nothing; it parses as XML, and the counts add up.
#[test]
fn junit_format_is_a_test_report_failing_as_the_exit_status_does() {
    let cases = |args: &[&str]| {
        let out = polydoc(&repo(), args);
        let xml = stdout(&out);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "testsuites");
        let mut found = BTreeSet::new();
        let mut failing = BTreeSet::new();
        let mut passing_rules = BTreeSet::new();
        let mut total = 0;
        for suite in root.children().filter(|n| n.has_tag_name("testsuite")) {
            let rule = suite.attribute("name").unwrap_or_default().to_owned();
            let cases: Vec<_> = suite
                .children()
                .filter(|n| n.has_tag_name("testcase"))
                .collect();
            assert_eq!(
                suite.attribute("tests"),
                Some(cases.len().to_string().as_str())
            );
            total += cases.len();
            for case in cases {
                let Some(file) = case.attribute("file") else {
                    assert_eq!(case.attribute("name"), Some("no findings"));
                    passing_rules.insert(rule.clone());
                    continue;
                };
                let line: u64 = case.attribute("line").unwrap_or("0").parse().unwrap_or(0);
                let key = (rule.clone(), file.to_owned(), line);
                if case.children().any(|n| n.has_tag_name("failure")) {
                    failing.insert(key.clone());
                }
                found.insert(key);
            }
        }
        assert_eq!(root.attribute("tests"), Some(total.to_string().as_str()));
        (out.status.code(), found, failing, passing_rules, xml)
    };
    let (code, found, failing, passing, xml) = cases(&["check", "--format", "junit"]);
    assert_eq!(code, Some(1));
    assert_eq!(found, seed_findings());
    // Errors fail; the seeds' warnings (duplicate anchors) pass.
    let (_, doc) = check_json(&repo(), &[]);
    let errors: BTreeSet<(String, String, u64)> = doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            let at = &f["location"];
            (
                f["rule"].as_str().unwrap_or_default().to_owned(),
                at["file"].as_str().unwrap_or_default().to_owned(),
                at["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(failing, errors);
    assert!(failing.contains(&("translation-token-mismatch".to_owned(), ES.to_owned(), 48)));
    assert!(passing.contains("hidden-html"), "{xml}");
    let (code, _, failing, _, _) = cases(&["check", "--format", "junit", "--fail-on", "never"]);
    assert_eq!((code, failing.len()), (Some(0), 0));
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

/// Older localized pages carry the English source beside each sentence
/// (`span.sxs-lookup`), whose links repeat the translation's on the same
/// line: the message counts the links and lists their lines once.
#[test]
fn a_side_by_side_page_counts_its_links_by_line() {
    let pair = |id: u32| {
        format!(
            "<span data-ttu-id=\"{id}\">Vea [usuario](missing.md).</span><span class=\"sxs-lookup\"><span data-stu-id=\"{id}\">See [user](missing.md).</span></span>"
        )
    };
    let page = format!("# A\n\n{}\n\n{}\n", pair(1), pair(2));
    let site = Fixture::new();
    site.write("content/es-es/a.md", &page);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[("broken-link", "content/es-es/a.md", 3)])
    );
    let broken = finding_where(&doc, |f| f["rule"] == "broken-link");
    assert_eq!(
        broken["message"],
        "link `missing.md` points to `missing.md`, which does not exist in `es-es`; the page links it 4 times on 2 lines (3, 5)"
    );
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
        "link `empty/` points to the folder `empty`, which has no `index.md` or `index.yml` in `en-us`; the page links it 2 times on line 7"
    );

    // The built page names the index, as `file://` shows no folder's index.
    assert_eq!(
        site.build(&[]).status.code(),
        Some(0),
        "check findings do not fail a build"
    );
    let html = site.html("en-us/a.html");
    let hrefs: Vec<&str> = attrs(&html, "article a", "href");
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

/// Links and images a space after `]` turned into text, as machine
/// translation leaves them; prose in brackets and code are left alone.
#[test]
fn links_split_by_a_space_are_found_and_prose_is_not() {
    let es = "# A\n\nSegún la [relación] (otra.md#requerida).\n\n![Ventana de salida] (media/salida.png \"Salida\")\n\nDijo [sic] (véase abajo) y [1] (2020).\n\n`[x] (y.md)` en código.\n\n```\n[x] (y.md)\n```\n\n[bien](otra.md)\n";
    let (_, found) = run(&[("es-es/a.md", es), ("es-es/otra.md", "# Otra\n")], &[]);
    assert_eq!(
        found,
        set(&[
            ("broken-link-syntax", "content/es-es/a.md", 3),
            ("broken-link-syntax", "content/es-es/a.md", 5),
        ])
    );
    let site = Fixture::new();
    site.write("content/es-es/a.md", es);
    site.write("content/es-es/otra.md", "# Otra\n");
    let (_, doc) = check_json(site.root(), &[]);
    let image = finding_where(&doc, |f| f["location"]["line"] == 5);
    assert_eq!(
        image["message"],
        "`![Ventana de salida] (media/salida.png \"Salida\")` is no image: the space between `]` and `(` makes it text, brackets and path shown"
    );
    assert_eq!(
        image["help"],
        "remove the space: `![Ventana de salida](media/salida.png \"Salida\")`"
    );
    assert_eq!(image["location"]["column"], 1);
}

/// Alert keywords translated with the text: the quote shows `[!NOTA]`.
#[test]
fn unknown_alert_keywords_are_found_with_the_one_meant() {
    let es = "# A\n\n> [!NOTA]\n> Lea esto.\n\n> [!NOTE]\n> [!Hinweis] Doppelt.\n\n> [!NOTE]\n> Bien.\n\n> [!div class=\"x\"]\n> Bien.\n\n> [!TODO]\n> Declarada.\n\nProsa con [!NOTA].\n\n```md\n> [!NOTA]\n```\n\n> [!Cuidadoso]\n> ?\n";
    let site = Fixture::new();
    site.write("polydoc.toml", "[alerts]\nTODO = \"alert-todo\"\n");
    site.write("content/es-es/a.md", es);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("unknown-alert", "content/es-es/a.md", 3),
            ("unknown-alert", "content/es-es/a.md", 7),
            ("unknown-alert", "content/es-es/a.md", 24),
        ])
    );
    let nota = finding_where(&doc, |f| f["location"]["line"] == 3);
    assert_eq!(nota["location"]["column"], 3);
    assert!(
        nota["help"]
            .as_str()
            .unwrap()
            .starts_with("write `[!NOTE]`"),
        "{nota}"
    );
    let hinweis = finding_where(&doc, |f| f["location"]["line"] == 7);
    assert!(
        hinweis["help"]
            .as_str()
            .unwrap()
            .starts_with("write `[!NOTE]`")
    );
    let unknown = finding_where(&doc, |f| f["location"]["line"] == 24);
    assert!(
        unknown["help"]
            .as_str()
            .unwrap()
            .starts_with("use `[!NOTE]`, `[!TIP]`"),
        "{unknown}"
    );
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

/// `**` a reader sees as asterisks: bold with a space inside its markers
/// (machine translation's `** extern **`), or closed after a backslash
/// (`Drivers\\**carpeta`). Once per line. Not bold that renders, an
/// escaped `\*\*`, a glob, code, bold italics or single asterisks.
#[test]
fn stray_bold_markers_are_found_and_nothing_like_them() {
    let page = concat!(
        "# A\n\n",
        "Un ** extern ** code « C ».\n\n",
        "- En **systemroot\\System32\\Drivers\\\\**carpeta.\n\n",
        "Por ejemplo, **local\\* ** corresponde.\n\n",
        "Bien: **bold**, ***both***, \\*\\*escaped\\*\\*, `**kwargs`, **/*.md, a * b * c.\n\n",
        "|Key|Value|\n|-|-|\n|a|** b **|\n\n",
        "```\nx ** y\n```\n",
        // win32's de-de `Typ: **ulong \** _`: one asterisk of the opener
        // shows, the other pairs with the closer's last as italics. Not a
        // footnote mark after bold, nor a list item's bullet.
        "\nTyp: **ulong \\** _\n\nPflicht**Feld***, und *kursiv*\\* auch.\n\n* **Element**\n",
    );
    let (_, found) = run(&[("en-us/a.md", page)], &[]);
    assert_eq!(
        found,
        set(&[
            ("stray-bold", "content/en-us/a.md", 3),
            ("stray-bold", "content/en-us/a.md", 5),
            ("stray-bold", "content/en-us/a.md", 7),
            ("stray-bold", "content/en-us/a.md", 13),
            ("stray-bold", "content/en-us/a.md", 19),
        ])
    );
    let (_, doc) = run_json(&[("en-us/a.md", page)], &[]);
    assert_eq!(fields(&doc, "message").len(), 5, "one finding per line");
    assert_eq!(
        finding_at(&doc, "content/en-us/a.md", 19)["help"],
        "end the bold with `**` after a letter, not a backslash (`**folder\\**` escapes its `*`); or escape both asterisks (`\\*\\*`) if they are meant"
    );
}

/// `check --fix` closes up bold that a space inside its markers broke,
/// where the page parsed again with the edit shows the bold and changes
/// nothing else: not in code, not at a `**` nothing closes, not across a
/// line, not where a backslash or a letter against punctuation is the
/// cause (what was meant is not certain there).
#[test]
fn fix_closes_spaced_bold_markers_where_the_parse_confirms_it() {
    let site = Fixture::new();
    let page = concat!(
        "# A\n\n",
        "Un ** extern ** code, `a ** b` y ** c **.\n\n",
        "Si ** extern \"C\"** se supone; ver **noexcept** ** extern \"C\"-Code** hier.\n\n",
        "|Key|Value|\n|-|-|\n|a|** b **|\n\n",
        "** solo\n\n",
        "Un ** a\nb ** c.\n\n",
        "En **Drivers\\**carpeta.\n\n",
        "声明为**`/EHs`**的\n",
    );
    site.write("content/en-us/a.md", page);
    let (_, doc) = check_json(site.root(), &[]);
    let fixes: Vec<(u64, Vec<u64>)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["location"]["line"].as_u64().unwrap(), fix_columns(f)))
        .collect();
    assert_eq!(
        fixes,
        [
            (3, vec![6, 13, 36, 38]),
            (5, vec![6, 50]),
            (9, vec![6, 8]),
            (11, vec![]),
            (13, vec![]),
            (14, vec![]),
            (16, vec![]),
            (18, vec![]),
        ]
    );
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("Fixed 3 problems in 1 file\n  content/en-us/a.md (3)\n"),
        "{}",
        stderr(&out)
    );
    let fixed = std::fs::read_to_string(site.root().join("content/en-us/a.md")).unwrap();
    assert_eq!(
        fixed,
        page.replace(
            "Un ** extern ** code, `a ** b` y ** c **.",
            "Un **extern** code, `a ** b` y **c**."
        )
        .replace("Si ** extern \"C\"**", "Si **extern \"C\"**")
        .replace("** extern \"C\"-Code**", "**extern \"C\"-Code**")
        .replace("|** b **|", "|**b**|")
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("stray-bold", "content/en-us/a.md", 11),
            ("stray-bold", "content/en-us/a.md", 13),
            ("stray-bold", "content/en-us/a.md", 14),
            ("stray-bold", "content/en-us/a.md", 16),
            ("stray-bold", "content/en-us/a.md", 18),
        ])
    );
    let built = site.root().join("public");
    let out = polydoc(site.root(), &["build", "--out", built.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = parse_file(&built.join("en-us/a.html"));
    let strong = texts(&html, "main strong");
    for bold in [
        "extern",
        "c",
        "extern \"C\"",
        "noexcept",
        "extern \"C\"-Code",
        "b",
    ] {
        assert!(
            strong.iter().any(|s| s == bold),
            "{bold} not bold: {strong:?}"
        );
    }
}

/// Two bold runs written against each other (the real ko-kr `HASHBYTES`
/// page's `**@input****varchar**`, where the source reads "**@input** is
/// **varchar**") show `@input****varchar` in bold: told at the four
/// asterisks, and fixed by a space between the runs, which the page built
/// again shows as two bold runs. Not a password mask (`****`), five
/// asterisks, or code.
#[test]
fn bold_runs_written_together_are_told_and_set_apart() {
    let site = Fixture::new();
    let page = concat!(
        "# A\n\n",
        " 해시할 데이터를 포함하는 변수를 지정합니다. **@input****varchar**, **nvarchar**, 또는 **varbinary**합니다.\n\n",
        "Password: ****\n\n",
        "`**a****b**` and **a*****b**\n",
    );
    site.write("content/ko-kr/a.md", page);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        lines_of(&doc, "stray-bold"),
        [("content/ko-kr/a.md".to_owned(), 3)]
    );
    let stray = finding_of(&doc, "stray-bold", "content/ko-kr/a.md", 3);
    assert_eq!(
        stray["message"],
        "`****` shows as four asterisks: two bold runs written against each other read as one"
    );
    assert_eq!(stray["location"]["column"], 35);
    assert_eq!(stray["location"]["end_column"], 39);
    assert!(
        stray["help"]
            .as_str()
            .is_some_and(|h| h.starts_with("put a space, or the word the sentence needs")),
        "{}",
        stray["help"]
    );
    assert_eq!(replacements(stray), ["** **"]);
    let out = polydoc(site.root(), &["check", "--fix", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(site.root().join("content/ko-kr/a.md")).unwrap_or_default();
    assert_eq!(
        fixed,
        page.replace("**@input****varchar**", "**@input** **varchar**")
    );
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    assert!(
        !lines_of(&doc, "stray-bold").contains(&("content/ko-kr/a.md".to_owned(), 3)),
        "{doc}"
    );
    let built = site.root().join("public");
    let out = polydoc(
        site.root(),
        &["build", "--out", built.to_str().unwrap_or_default()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = parse_file(&built.join("ko-kr/a.html"));
    let strong = texts(&html, "main p strong");
    assert_eq!(strong[..3], ["@input", "varchar", "nvarchar"]);
}

/// Machine translation's debris the page shows by itself: a `no-loc`
/// term glued into words, a heading that ends with its source text glued
/// to it. Not a term standing alone, an English compound, a path, a
/// heading left in English or one that says its anchor's words after a
/// space.
#[test]
fn glued_terms_and_appended_source_text_and_nothing_like_them() {
    let page = concat!(
        "---\nno-loc: [SEH, cookie]\n---\n",
        "# <a name=\"eh-model-page\"></a>Modello\n\n",
        "Il compilatore genera codice cheSEHsupporta le eccezioni (SEH), più di quello che supporta.\n\n",
        "Un cookieless cookie, e https://example.com/SEHfile e `queSEHadmite`.\n\n",
        "## <a name=\"set-the-option-in-visual-studio\"></a>Impostare l'opzione in codiceSet the option in Visual Studio\n\n",
        "## <a name=\"exception-handling-under-clr\"></a>Exception handling under /clr\n\n",
        "## <a name=\"azure-active-directory\"></a>Acerca de Azure Active Directory\n\n",
        // A link text with the start of its target's file name glued to
        // it; not a product name, the source text left as it is, after a
        // space, without a change of case, or too short to tell.
        "[Errori e gestione delle eccezioniErrors and Exception Handling](errors-and-exception-handling-modern-cpp.md)\n\n",
        "[SqlServer Management Studio](server-management-studio.md)\n\n",
        "[Errors and Exception Handling](errors-and-exception-handling-modern-cpp.md)\n\n",
        "[Gestione delle eccezioni Errors and Exception Handling](errors-and-exception-handling-modern-cpp.md)\n\n",
        "[Gestione delle eccezionierrors and exception handling](errors-and-exception-handling-modern-cpp.md)\n\n",
        "[Due paroleModern Cpp](modern-cpp.md)\n",
    );
    let (_, doc) = run_json(
        &[
            ("it-it/a.md", page),
            ("it-it/errors-and-exception-handling-modern-cpp.md", "# E\n"),
            ("it-it/server-management-studio.md", "# S\n"),
            ("it-it/modern-cpp.md", "# M\n"),
        ],
        &[],
    );
    assert_eq!(
        findings(&doc),
        set(&[
            ("glued-no-loc-term", "content/it-it/a.md", 6),
            ("appended-source-text", "content/it-it/a.md", 10),
            ("appended-source-text", "content/it-it/a.md", 16),
        ])
    );
    let link = finding_at(&doc, "content/it-it/a.md", 16);
    assert_eq!(link["location"]["column"], 35);
    assert_eq!(
        link["message"],
        "this link text ends with its source text glued to the translation: `Errors and Exception Handling`, the words its target `errors-and-exception-handling-modern-cpp.md` was named from (errors-and-exception-handling)"
    );
    assert_eq!(
        link["help"],
        "remove `Errors and Exception Handling` after `eccezioni`: the translation before it is the link text"
    );
}

/// Link texts that are their own target as machine translation left it
/// (the real ko-kr AADSTS page of azure-docs: `. /` for `../`, a spaced and
/// translated anchor, a word of the sentence moved in); not a text that
/// writes the path as it is, names the file in a sentence or alone, or a
/// root path after a word.
#[test]
fn a_link_text_that_is_its_target_mangled() {
    let page = concat!(
        "# 오류 코드\n\n",
        "해결 방법을 확인 [하세요. /manage-apps/sso-gallery.md # 인증서 또는 키가 구성 되어 있지 않습니다](../manage-apps/sso-gallery.md#certificate-or-key-not-configured).\n\n",
        "자세한 내용:[. /manage-apps/sso-gallery.md # 사용자가 할당 되지 않음-역할](../manage-apps/sso-gallery.md#user-not-assigned-a-role)입니다.\n\n",
        "문서를 참조 [하세요. /azuread-dev/v1-protocols-oauth-code.md](../azuread-dev/v1-protocols-oauth-code.md).\n\n",
        "[../manage-apps/sso-gallery.md#user-not-assigned-a-role](../manage-apps/sso-gallery.md#user-not-assigned-a-role)\n\n",
        "[sso-gallery.md](../manage-apps/sso-gallery.md) and [the sso-gallery.md page](../manage-apps/sso-gallery.md)\n\n",
        "[Read /manage-apps/sso-gallery.md](../manage-apps/sso-gallery.md)\n\n",
        "[https://aka.ms/certCreds](./certificate-credentials.md)\n",
    );
    let (_, doc) = run_json(
        &[
            ("ko-kr/develop/codes.md", page),
            (
                "ko-kr/manage-apps/sso-gallery.md",
                "# S\n\n## <a name=\"certificate-or-key-not-configured\"></a>C\n\n## <a name=\"user-not-assigned-a-role\"></a>U\n",
            ),
            ("ko-kr/azuread-dev/v1-protocols-oauth-code.md", "# O\n"),
            ("ko-kr/develop/certificate-credentials.md", "# C\n"),
        ],
        &[],
    );
    let file = "content/ko-kr/develop/codes.md";
    assert_eq!(
        findings(&doc),
        set(&[
            ("mangled-link-text", file, 3),
            ("mangled-link-text", file, 5),
            ("mangled-link-text", file, 7),
        ])
    );
    let found = finding_at(&doc, file, 5);
    assert_eq!(
        found["message"],
        "this link text is its target as machine translation left it: `. /manage-apps/sso-gallery.md # 사용자가 할당 되지 않음-역할` for `../manage-apps/sso-gallery.md#user-not-assigned-a-role`"
    );
    assert_eq!(
        found["help"],
        "write the target as the link text, `../manage-apps/sso-gallery.md#user-not-assigned-a-role`, or the title of the page or section it leads to"
    );
    assert_eq!(found["location"]["column"], 9);
}

/// Between pages too: an index of compiler warnings whose link text names
/// one code and leads to the page of another (cpp-docs lists hundreds of
/// such rows). Not a code inside the range of an index page it leads to,
/// a code of other letters, a text naming two codes, or a year.
#[test]
fn a_link_text_naming_another_code_than_the_page_it_leads_to() {
    let index = concat!(
        "# Warnings\n\n|Warning|Message|\n|-|-|\n",
        "|[Compiler warning C4028](compiler-warning-level-1-c4028.md)|one|\n",
        "|[Compiler warning C4029](compiler-warning-level-1-c4028.md)|two|\n",
        "|[C4996](compiler-warnings-c4800-through-c4999.md)|three|\n",
        "|[Warnings C4800 through C4999](compiler-warning-level-1-c4028.md)|four|\n",
        "|[LNK2019](compiler-warning-level-1-c4028.md)|five|\n",
        "|[Visual Studio 2019](compiler-warning-level-1-c4028.md)|six|\n",
    );
    let files = [
        ("en-us/index.md", index),
        (
            "en-us/compiler-warning-level-1-c4028.md",
            "# Compiler warning (level 1) C4028\n",
        ),
        (
            "en-us/compiler-warnings-c4800-through-c4999.md",
            "# Compiler warnings C4800 through C4999\n",
        ),
    ];
    let (_, doc) = run_json(&files, &[]);
    assert_eq!(
        findings(&doc),
        set(&[("link-text-anchor-mismatch", "content/en-us/index.md", 6)])
    );
    let found = finding_at(&doc, "content/en-us/index.md", 6);
    assert_eq!(
        found["message"],
        "link text `C4029` names another code than its target `compiler-warning-level-1-c4028.md`, which names `C4028`"
    );
    assert_eq!(
        found["help"],
        "if the target is right, write `C4028` as the link text; otherwise link to the page of `C4029`"
    );
    assert_eq!(
        related(found),
        [("content/en-us/compiler-warning-level-1-c4028.md", 1)]
    );
}

/// A parameters table's first column is a key too: a switch listed twice
/// (the real `msiexec` page's `/fc` for `/fv`) is a repeat, said once per
/// repeat with every line so far. Not a switch written with different
/// arguments or in another case (`nbtstat` takes `-r` and `-R`; the C++
/// compiler's options table links `/C` and `/c` to two pages), nor a
/// table too short to tell.
#[test]
fn a_switch_listed_twice_in_a_parameters_table_is_a_repeated_key() {
    let page = "# tool\n\n|Option|Description|\n|-|-|\n|/fp|Missing file.|\n|/fc|Checksum.|\n|/fa|All files.|\n|/fc|From source.|\n|/l \\<file>|Log.|\n|/l+ \\<file>|Append.|\n|/fo|Older.|\n|/fe|Equal.|\n|/fc|Again.|\n|/FC|Not the same switch.|\n\n|Option|Description|\n|-|-|\n|/a|A.|\n|/a|B.|\n";
    let compiler = "# cl\n\n|Option|Purpose|\n|-|-|\n|[\\/C](c.md)|Keeps comments.|\n|[\\/c](c.md)|Compiles only.|\n|[\\/FA](c.md)|Listing.|\n|[\\/Fa](c.md)|Listing name.|\n|[\\/Fa](c.md)|Again.|\n";
    let (_, doc) = run_json(&[("en-us/tool.md", page), ("en-us/c.md", compiler)], &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("duplicate-table-key", "content/en-us/tool.md", 8),
            ("duplicate-table-key", "content/en-us/tool.md", 13),
            ("duplicate-table-key", "content/en-us/c.md", 9),
        ])
    );
    let third = finding_where(&doc, |f| f["location"]["line"] == 13);
    assert_eq!(
        third["message"],
        "`/fc` appears 3 times in the first column of this table (lines 6, 8 and 13)"
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

/// `check --list-rules` prints every rule of `RULES`, one per line or as
/// JSON, reading no site (an empty folder has none), and exits 0.
#[test]
fn list_rules_prints_every_rule_without_a_site() {
    let empty = Fixture::new();
    let out = polydoc(empty.root(), &["check", "--list-rules"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<Vec<String>> = stdout(&out)
        .lines()
        .map(|l| {
            let mut words: Vec<String> = l.split_whitespace().take(3).map(str::to_owned).collect();
            words.truncate(if words[2] == "fix" { 3 } else { 2 });
            words
        })
        .collect();
    let expected: Vec<Vec<String>> = polydoc::check::RULES
        .iter()
        .map(|r| {
            let mut words = vec![r.id.to_owned(), r.severity.to_string()];
            if r.fixable {
                words.push("fix".to_owned());
            }
            words
        })
        .collect();
    assert_eq!(lines, expected);
    assert!(lines.contains(&vec!["duplicate-anchor".to_owned(), "warning".to_owned()]));
    assert!(lines.contains(&vec![
        "stray-bold".to_owned(),
        "warning".to_owned(),
        "fix".to_owned()
    ]));

    let out = polydoc(empty.root(), &["check", "--list-rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let ids: Vec<&str> = list
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| r["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(
        ids,
        polydoc::check::RULES
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    );
    assert_eq!(list[0]["severity"], "error");
    assert_eq!(list[0]["fixable"], false);
    assert_eq!(list[1]["fixable"], true, "broken-link-syntax");
    assert!(list[0]["summary"].as_str().is_some_and(|s| !s.is_empty()));
}

/// `check --explain RULE` prints the rule's page (`docs/rules/<id>.md`)
/// and how to change its level or silence it, reading no site; a rule
/// that does not exist is a usage error with the nearest id.
#[test]
fn explain_prints_a_rule_page_and_names_the_nearest_rule_for_a_typo() {
    let empty = Fixture::new();
    let out = polydoc(empty.root(), &["check", "--explain", "duplicate-table-key"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    let headings: Vec<&str> = page.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "# `duplicate-table-key`",
            "## What it finds",
            "## How to fix it",
            "## Settings"
        ]
    );
    assert!(page.contains("Default level: **warning**."), "{page}");
    assert!(
        page.contains("`<!-- polydoc-disable-next-line duplicate-table-key -->`"),
        "{page}"
    );

    let out = polydoc(empty.root(), &["check", "--explain", "duplicate-tabel-key"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: `duplicate-tabel-key` is no rule; did you mean `duplicate-table-key`? \
         `polydoc check --list-rules` lists them all\n"
    );
}

/// Each rule's page is `docs/rules/<id>.md` (the build fails without it),
/// the folder holds no page of a rule that does not exist, a page says
/// what `--fix` writes exactly when its rule is marked fixable, and the
/// README's table has each rule's row: its page, level and `--fix`.
#[test]
fn every_rule_has_its_page_and_its_row_in_the_readme() {
    let docs = repo().join("docs/rules");
    let mut pages: Vec<String> = std::fs::read_dir(&docs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    let mut expected: Vec<String> = polydoc::check::RULES
        .iter()
        .map(|r| format!("{}.md", r.id))
        .collect();
    expected.sort();
    assert_eq!(pages, expected);
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for rule in polydoc::check::RULES {
        let row = format!(
            "\n| [`{0}`](docs/rules/{0}.md) | {1} | {2} | ",
            rule.id,
            rule.severity,
            if rule.fixable { "yes" } else { "" }
        );
        assert!(readme.contains(&row), "README lacks {row}");
        assert!(rule.doc.starts_with(&format!("# `{}`\n", rule.id)));
        assert_eq!(
            rule.doc.contains("`polydoc check --fix`"),
            rule.fixable,
            "{}: a rule marked `fix` says on its page what `--fix` writes, and only such a rule",
            rule.id
        );
    }
}

/// `check --fix` writes the corrections that are beyond doubt, only for
/// the findings the run reports (here first only those of the file named),
/// and reports what is left; a reference link's destination, a second
/// alert marker under a real one, an escaped `<` and a silenced finding
/// keep their text.
#[test]
fn fix_writes_certain_corrections_and_reports_what_is_left() {
    let site = Fixture::new();
    let a = "# A\n\n\
             ![x](Media\\x.png) [b](B.md) [c] (b.md) see [Learn](https://learn.microsoft.com/en-us/windows/x).\n\n\
             > [!Hinweis]\n> text\n\n\
             <!-- polydoc-disable-next-line link-backslash -->\n![y](Media\\x.png)\n\n\
             [r][1]\n\n[1]: B.md\n\n\
             > [!NOTE]\n> [!Hinweis] under a real one\n\n\
             Run slmgr /ipk <product key> now.\n";
    let b = "# B\n\nSays %%amp;quot;hi%%amp;quot; and %%amp;#39;s.\n\n\
             Also %%amp;quot;x%%amp;quot; with %%amp;lt;y%%amp;gt;.\n";
    site.write("content/en-us/a.md", a)
        .write("content/en-us/b.md", b)
        .write("content/en-us/Media/x.png", "png");
    let (_, doc) = check_json(site.root(), &[]);
    let fixes: Vec<(&str, u64, Vec<&str>)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["location"]["line"].as_u64().unwrap(),
                replacements(f),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        [
            ("link-backslash", 3, vec!["Media/x.png"]),
            ("link-case-mismatch", 3, vec!["b.md"]),
            ("broken-link-syntax", 3, vec![""]),
            ("hard-coded-locale", 3, vec![""]),
            ("unknown-alert", 5, vec!["[!NOTE]"]),
            ("link-case-mismatch", 11, vec![]),
            ("unknown-alert", 16, vec![]),
            ("hidden-html", 18, vec!["\\<"]),
            ("escaped-entity", 3, vec!["\"", "\"", "'"]),
            ("escaped-entity", 5, vec![]),
        ]
    );

    let human = stderr(&polydoc(site.root(), &["check"]));
    assert!(
        human.contains("\n7 findings have a certain fix: `polydoc check --fix` writes them.\n"),
        "{human}"
    );
    // Each shows what it would write: an edit too short to read alone
    // with the words around it.
    let shown: Vec<&str> = human
        .lines()
        .filter_map(|l| l.trim().strip_prefix("= fix: "))
        .collect();
    assert_eq!(
        shown,
        [
            "`Media\\x.png` -> `Media/x.png`",
            "`B.md` -> `b.md`",
            "`[c] (b.md)` -> `[c](b.md)`",
            "`[Learn](https://learn.microsoft.com/en-us/windows/x).` -> `[Learn](https://learn.microsoft.com/windows/x).`",
            "`[!Hinweis]` -> `[!NOTE]`",
            "`<product` -> `\\<product`",
            "`%%amp;quot;hi%%amp;quot;` -> `\"hi\"`, `%%amp;#39;s.` -> `'s.`",
        ]
    );

    let out = polydoc(site.root(), &["check", "--fix", "content/en-us/b.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("Fixed 1 problem in 1 file\n  content/en-us/b.md (1)\n"),
        "{}",
        stderr(&out)
    );
    let read = |path: &str| std::fs::read_to_string(site.root().join(path)).unwrap();
    assert_eq!(read("content/en-us/a.md"), a, "not among the files named");
    assert_eq!(
        read("content/en-us/b.md"),
        "# B\n\nSays \"hi\" and 's.\n\nAlso %%amp;quot;x%%amp;quot; with %%amp;lt;y%%amp;gt;.\n"
    );

    let out = polydoc(site.root(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("Fixed 6 problems in 1 file\n  content/en-us/a.md (6)\n"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        read("content/en-us/a.md"),
        a.replace(
            "![x](Media\\x.png) [b](B.md) [c] (b.md) see [Learn](https://learn.microsoft.com/en-us/windows/x)",
            "![x](Media/x.png) [b](b.md) [c](b.md) see [Learn](https://learn.microsoft.com/windows/x)",
        )
        .replacen("> [!Hinweis]\n> text", "> [!NOTE]\n> text", 1)
        .replace("<product key>", "\\<product key>")
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("link-case-mismatch", "content/en-us/a.md", 11),
            ("unknown-alert", "content/en-us/a.md", 16),
            ("escaped-entity", "content/en-us/b.md", 5),
        ])
    );
}

/// The lines of `page` that `check --fix` changed, before and after.
fn fixed_lines(site: &Fixture, page: &str) -> Vec<(String, String)> {
    let before = std::fs::read_to_string(site.root().join(page)).unwrap();
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let after = std::fs::read_to_string(site.root().join(page)).unwrap();
    assert_eq!(before.lines().count(), after.lines().count());
    before
        .lines()
        .zip(after.lines())
        .filter(|(b, a)| b != a)
        .map(|(b, a)| (b.to_owned(), a.to_owned()))
        .collect()
}

/// On real machine-translated pages, `--fix` joins the names split where
/// the page or its translations write them whole, and changes nothing
/// else: the fr-fr C2065 page of cpp-docs (`tests/data/real-cpp/`) tells
/// readers to compile `stdafx. cpp` and `C2065_pch. cpp`, which its code
/// writes whole, and names the header `afxv \_ W32. h`, which its next
/// sentence writes `afxv_w32. h`; the es-es `CBasePin.EnumMediaTypes` page of win32
/// (`tests/data/real-win32/`) titles itself `CBasePin. EnumMediaTypes`,
/// which its `api_name` writes whole.
#[test]
fn fix_joins_names_split_on_real_pages() {
    let site = copy_of_real("real-cpp");
    let page = "content/fr-fr/error-messages/compiler-errors-1/compiler-error-c2065.md";
    let changed = fixed_lines(&site, page);
    assert_eq!(changed.len(), 2, "{changed:#?}");
    let (old, new) = &changed[0];
    assert!(
        old.contains("stdafx. cpp") && old.contains("C2065_pch. cpp"),
        "{old}"
    );
    assert_eq!(
        *new,
        old.replace("stdafx. cpp", "stdafx.cpp")
            .replace("C2065_pch. cpp", "C2065_pch.cpp")
    );
    // The identifier split at its underscore, whose parts the page's
    // next sentence writes whole, in lower case.
    let (old, new) = &changed[1];
    assert!(old.contains("afxv \\_ W32. h pour"), "{old}");
    assert_eq!(*new, old.replace("afxv \\_ W32", "afxv\\_w32"));
    let (_, doc) = check_json(site.root(), &[]);
    // Left, told without a fix: `Windows. h` and `afxv_w32. h`, which no
    // page of the group writes whole (a header's extension is evidence
    // enough that they are split, not of how to join them: fr-fr, it-it
    // and tr-tr line 138), and tr-tr's `stbafx. cpp`, misspelled.
    let page = |locale: &str| {
        format!("content/{locale}/error-messages/compiler-errors-1/compiler-error-c2065.md")
    };
    assert_eq!(
        lines_of(&doc, "split-file-name"),
        [
            (page("fr-fr"), 138),
            (page("it-it"), 138),
            (page("tr-tr"), 79),
            (page("tr-tr"), 138)
        ]
    );
    assert_eq!(lines_of(&doc, "split-identifier"), []);

    let site = copy_of_real("real-win32");
    let page = "content/es-es/desktop-src/DirectShow/cbasepin-enummediatypes.md";
    let changed = fixed_lines(&site, page);
    let title = changed
        .iter()
        .find(|(old, _)| old.starts_with("title:"))
        .unwrap();
    assert_eq!(
        title.0,
        "title: Método CBasePin. EnumMediaTypes (Amfilter. h)"
    );
    assert_eq!(
        title.1,
        "title: Método CBasePin.EnumMediaTypes (Amfilter.h)"
    );
    // What is left: the de-de names machine translation also misspelled
    // (`Ienumumuseridentity:: Reset`), which the help names and a person
    // corrects.
    let (_, doc) = check_json(site.root(), &[]);
    let de = "content/de-de/desktop-src/shell/ienumuseridentity-getcount.md";
    assert_eq!(
        lines_of(&doc, "split-member-name"),
        [4, 23, 86, 89, 92].map(|line| (de.to_owned(), line))
    );
}

/// `--fix` checks again after writing, and writes what its edits made
/// certain: de-de's bold `FOO \_ BAR` is the name en-us's same sentence
/// writes, so it is joined; the `foo \_ bar` of its next paragraph, whose
/// counterpart names nothing, is the page's own name once that is whole,
/// and joined by the second pass of the same run.
#[test]
fn fix_writes_what_its_own_edits_made_certain() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        "# Title\n\nSet **FOO\\_BAR** here.\n\nAnother paragraph.\n",
    );
    site.write(
        "content/de-de/a.md",
        "# Titel\n\nSetzen Sie **FOO \\_ BAR** hier.\n\nEin Absatz mit foo \\_ bar darin.\n",
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("split-identifier", "content/de-de/a.md", 3)])
    );
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("Fixed 2 problems in 1 file\n  content/de-de/a.md (2)\n"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(site.root().join("content/de-de/a.md")).unwrap(),
        "# Titel\n\nSetzen Sie **FOO\\_BAR** hier.\n\nEin Absatz mit FOO\\_BAR darin.\n"
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(findings(&doc), set(&[]));
}

/// The seed's wrong code is fixed by `--fix`: its link's target names
/// `0x8007232B` and so does it-it's same row, two reasons that agree, so
/// the es-es link text is rewritten and nothing else of either page. A
/// code that only another locale disagrees with is not fixed: which side
/// is wrong, nothing on the page says.
#[test]
fn fix_corrects_the_seed_code_where_its_target_and_the_other_locale_agree() {
    let site = Fixture::new();
    for page in [ES, IT] {
        site.write(page, std::fs::read(repo().join(page)).unwrap());
    }
    site.write(
        "content/es-es/codes.md",
        "# C\n\n| Código | Qué |\n|---|---|\n| 0x80070005 | Acceso |\n",
    )
    .write(
        "content/it-it/codes.md",
        "# C\n\n| Codice | Cosa |\n|---|---|\n| 0x80070006 | Accesso |\n",
    );
    let seed = std::fs::read_to_string(site.root().join(ES)).unwrap();
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert!(
        stderr(&out).starts_with(&format!("Fixed 1 problem in 1 file\n  {ES} (1)\n")),
        "{}",
        stderr(&out)
    );
    let fixed = std::fs::read_to_string(site.root().join(ES)).unwrap();
    assert_eq!(
        fixed,
        seed.replacen(
            "|[0x8007232A](#0x8007232b-dns-name-does-not-exist)",
            "|[0x8007232B](#0x8007232b-dns-name-does-not-exist)",
            1
        )
    );
    assert_ne!(fixed, seed);
    assert_eq!(
        std::fs::read(site.root().join(IT)).unwrap(),
        std::fs::read(repo().join(IT)).unwrap()
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(lines_of(&doc, "link-text-anchor-mismatch"), []);
    assert_eq!(lines_of(&doc, "duplicate-table-key"), []);
    assert_eq!(
        lines_of(&doc, "translation-token-mismatch"),
        [
            ("content/es-es/codes.md".to_owned(), 5),
            ("content/it-it/codes.md".to_owned(), 5)
        ]
    );
}
