//! `hex-decimal-mismatch`, `constant-value-mismatch` and
//! `constant-name-mismatch`: error code tables that give each code in
//! hexadecimal and in decimal, named constants that pages give different
//! values, and constants' names a translation changed beside the anchor
//! that keeps them, on real Intune, WMI and Win32 pages and on small
//! fixtures of what must and must not fire.

mod common;

use common::*;

/// Two translations of one version of Intune's "App installation error
/// reference" (`tests/data/README.md`): three tables of codes, each
/// beside its decimal value. The source copied the row of `0x80073CF0`
/// for `0x80073CF3` and kept its number, and repeated four rows.
#[test]
fn real_intune_pages_give_their_copied_decimal_and_repeated_rows() {
    let (code, doc) = check_json(&repo().join("tests/data/real-intune"), &[]);
    assert_eq!(code, Some(1));
    let page = |locale: &str| format!("content/{locale}/intune/apps/app-install-error-codes.md");
    let mut expected = std::collections::BTreeSet::new();
    for locale in ["de-de", "ja-jp"] {
        let mut expect = |rule: &str, line: u64| {
            expected.insert((rule.to_owned(), page(locale), line));
        };
        expect("hex-decimal-mismatch", 105);
        // `0xC7D14FB1` and `0xc7d14fb9` again at the Android table's end,
        // `0x87D13B6F` and `0x87d13b6e` again, empty, at the iOS table's.
        for line in [51, 52, 93, 95] {
            expect("duplicate-table-key", line);
        }
        // Links to the enrollment and fundamentals articles, outside the
        // sample.
        for line in [33, 33, 112, 114] {
            expect("broken-link", line);
        }
    }
    assert_eq!(findings(&doc), expected);
    let copied = finding_of(&doc, "hex-decimal-mismatch", &page("de-de"), 105);
    assert_eq!(
        copied["message"],
        "`-2147009296` is not the decimal value of `0x80073CF3`, which is -2147009293"
    );
    assert_eq!(copied["location"]["column"], 16);
    assert_eq!(related(copied), [(page("de-de").as_str(), 104)]);
    assert_eq!(
        copied["help"],
        "`-2147009296` belongs to line 104, whose row this one was likely copied from: write -2147009293"
    );
    assert_eq!(replacements(copied), ["2147009293"]);
    assert_eq!(fix_columns(copied), [17]);
}

/// A table of `rows` (code, decimal value, message) under a heading.
fn table(rows: &[(&str, &str)]) -> String {
    let mut text = String::from("# Codes\n\n| Code | Decimal | Message |\n|---|---|---|\n");
    for (code, decimal) in rows {
        text.push_str(&format!("| {code} | {decimal} | Failed. |\n"));
    }
    text
}

/// The one finding of `en-us/codes.md` holding `page`: a
/// `hex-decimal-mismatch` on `line`, asserted to be the only one.
fn only_finding(page: &str, line: u64) -> serde_json::Value {
    let (_, doc) = run_json(&[("en-us/codes.md", page)], &[]);
    assert_eq!(
        findings(&doc),
        set(&[("hex-decimal-mismatch", "content/en-us/codes.md", line)])
    );
    finding_at(&doc, "content/en-us/codes.md", line).clone()
}

const SIGNED: &[(&str, &str)] = &[
    ("0x87D1041C", "-2016345060"),
    ("0x87D13B64", "-2016330908"),
    ("0x80073CF0", "-2147009296"),
    ("0x8000FFFF", "-2147418113"),
];

#[test]
fn a_number_copied_from_another_row_is_fixed() {
    let mut rows = SIGNED.to_vec();
    rows.insert(3, ("0x80073CF3", "-2147009296"));
    let site = Fixture::new();
    site.write("content/en-us/codes.md", table(&rows));
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        findings(&doc),
        set(&[("hex-decimal-mismatch", "content/en-us/codes.md", 8)])
    );
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(site.root().join("content/en-us/codes.md")).unwrap();
    assert_eq!(
        fixed,
        table(&rows).replace("0x80073CF3 | -2147009296", "0x80073CF3 | -2147009293")
    );
}

/// A number that is no other row's code: either side may be the typo, so
/// the correction is only proposed, and the help says what each would be.
#[test]
fn a_number_no_row_explains_is_told_both_ways_and_not_fixed() {
    let mut rows = SIGNED.to_vec();
    rows.push(("0x87D13B9F", "-2016330894"));
    let (code, doc) = run_json(&[("en-us/codes.md", &table(&rows))], &[]);
    assert_eq!(code, Some(1));
    let finding = finding_of(&doc, "hex-decimal-mismatch", "content/en-us/codes.md", 9);
    assert_eq!(
        finding["help"],
        "the table's other rows give each code's decimal value in this column: correct whichever of the two is wrong (`0x87D13B9F` is -2016330849, and `-2016330894` is `0x87D13B72`)"
    );
    assert!(replacements(finding).is_empty());
    assert!(related(finding).is_empty());
}

/// Unsigned columns, columns in the other order, and values in bold, in
/// code spans, in links and grouped by threes count; the correction is
/// written in the column's form.
#[test]
fn unsigned_reordered_and_marked_up_columns_are_read() {
    let page = concat!(
        "# Codes\n\n",
        "| Decimal | Code |\n|---|---|\n",
        "| **2278622236** | `0x87D1041C` |\n",
        "| 2,278,636,388 | [0x87D13B64](#codes) |\n",
        "| 2147958000 | 0x80073CF0 |\n",
        "| 2147958000 | 0x80073CF3 |\n",
    );
    let finding = only_finding(page, 8);
    assert_eq!(
        finding["message"],
        "`2147958000` is not the decimal value of `0x80073CF3`, which is 2147958003"
    );
    assert_eq!(replacements(&finding), ["2147958003"]);
    assert_eq!(fix_columns(&finding), [3]);
}

/// A column that groups its digits gets its correction grouped alike.
#[test]
fn a_grouped_column_is_corrected_in_its_grouping() {
    let page = concat!(
        "# Codes\n\n",
        "| Code | Decimal |\n|---|---|\n",
        "| 0x87D1041C | 2,278,622,236 |\n",
        "| 0x87D13B64 | 2,278,636,388 |\n",
        "| 0x80073CF0 | 2,147,958,000 |\n",
        "| 0x80073CF3 | 2,147,958,000 |\n",
    );
    let finding = only_finding(page, 8);
    assert_eq!(replacements(&finding), ["2,147,958,003"]);
}

/// What is no code and its decimal value: HRESULTs beside Win32 error
/// numbers, a table with fewer than three rows that agree, one where as
/// many rows disagree as agree, numbers with words, and a code whose
/// value is right in a form the column does not write otherwise.
#[test]
fn columns_that_are_not_a_code_and_its_value_are_left_alone() {
    let win32 = table(&[
        ("0x80070005", "5"),
        ("0x80070002", "2"),
        ("0x80070057", "87"),
        ("0x8007232B", "9003"),
    ]);
    let two = table(&[
        ("0x87D1041C", "-2016345060"),
        ("0x87D13B64", "-2016330908"),
        ("0x80073CF3", "-2147009296"),
    ]);
    let split = table(&[
        ("0x87D1041C", "-2016345060"),
        ("0x87D13B64", "-2016330908"),
        ("0x80073CF0", "-2147009296"),
        ("0x80070005", "5"),
        ("0x80070002", "2"),
    ]);
    let mut words = SIGNED.to_vec();
    words.push(("0x80073CF3", "-2147009296 (old)"));
    words.push(("0x80073CFB (Windows)", "-2147009296"));
    // Signed and unsigned both name the code.
    let mut both = SIGNED.to_vec();
    both.push(("0x80073CFB", "2147958011"));
    let (code, doc) = run_json(
        &[
            ("en-us/win32.md", &win32),
            ("en-us/two.md", &two),
            ("en-us/split.md", &split),
            ("en-us/words.md", &table(&words)),
            ("en-us/both.md", &table(&both)),
        ],
        &[],
    );
    assert_eq!(code, Some(0), "{doc:#}");
    assert!(findings(&doc).is_empty(), "{doc:#}");
}

/// A translation that changed one digit of a number is told by the other
/// locales and by its own code: one finding, whose two agreeing reasons
/// make the correction sure.
#[test]
fn a_translations_typo_is_one_finding_with_a_fix() {
    let mut typo = SIGNED.to_vec();
    typo[1].1 = "-2016330980";
    let (_, doc) = run_json(
        &[
            ("en-us/codes.md", &table(SIGNED)),
            ("de-de/codes.md", &table(SIGNED)),
            ("fr-fr/codes.md", &table(&typo)),
        ],
        &[],
    );
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/fr-fr/codes.md", 6)])
    );
    let finding = finding_at(&doc, "content/fr-fr/codes.md", 6);
    assert!(
        notes(finding).contains(
            &"`-2016330980` is not the decimal value of `0x87D13B64`, which is -2016330908 [hex-decimal-mismatch]"
        ),
        "{finding:#}"
    );
    assert_eq!(replacements(finding), ["2016330908"]);
}

/// Codes of one or two bytes count as the longer ones do: a column of
/// `0x1F` and `31` is read, and its one wrong number found.
#[test]
fn short_codes_are_read_too() {
    let page = table(&[
        ("0x05", "5"),
        ("0x0A", "10"),
        ("0x1F", "31"),
        ("0x20", "23"),
        ("0xFF", "-1"),
    ]);
    let finding = only_finding(&page, 8);
    assert_eq!(
        finding["message"],
        "`23` is not the decimal value of `0x20`, which is 32"
    );
}

/// Microsoft's WMI scripting pages (`tests/data/README.md`): five in
/// en-us, four of them in de-de. `SWbemObject.AssociatorsAsync_` gives
/// `wbemErrFailed` as `2147449889 (0x7FFF7C21)`, in the source and so in
/// its translation; the four other pages give `2147749889 (0x80041001)`.
#[test]
fn real_wmi_pages_give_wbem_err_failed_one_value() {
    let (_, doc) = check_json(&repo().join("tests/data/real-wmi"), &[]);
    let page = |locale: &str| {
        format!("content/{locale}/desktop-src/WmiSdk/swbemobject-associatorsasync-.md")
    };
    assert_eq!(
        lines_of(&doc, "constant-value-mismatch"),
        [(page("de-de"), 192), (page("en-us"), 187)]
    );
    // Nothing else on the error codes' lines.
    for (file, line) in [
        (page("en-us"), 181),
        (page("en-us"), 187),
        (page("de-de"), 192),
    ] {
        let found = findings(&doc);
        let rules: Vec<&str> = found
            .iter()
            .filter(|(_, f, l)| *f == file && *l == line)
            .map(|(rule, _, _)| rule.as_str())
            .collect();
        assert!(
            rules.iter().all(|r| *r == "constant-value-mismatch"),
            "{file}:{line}: {rules:?}"
        );
    }
    let finding = finding_of(&doc, "constant-value-mismatch", &page("en-us"), 187);
    assert_eq!(
        finding["message"],
        "`wbemErrFailed` is `0x7FFF7C21` here, but `0x80041001` on 4 other pages of the site"
    );
    assert_eq!(finding["severity"], "warning");
    assert_eq!(finding["location"]["column"], 33);
    let other =
        |name: &str| format!("content/en-us/desktop-src/WmiSdk/swbemnamedvalueset-{name}.md");
    assert_eq!(
        related(finding),
        [
            (other("clone").as_str(), 51),
            (other("deleteall").as_str(), 48),
            (other("remove").as_str(), 67)
        ]
    );
    assert_eq!(
        finding["help"],
        "a constant has one value: write `0x80041001` and `2147749889`, as the other pages do; if this page is right, correct them"
    );
    assert_eq!(replacements(finding), ["0x80041001", "2147749889"]);
    assert_eq!(fix_columns(finding), [33, 21]);
    // The translation's related pages are its own locale's.
    let translated = finding_of(&doc, "constant-value-mismatch", &page("de-de"), 192);
    assert!(
        related(translated)
            .iter()
            .all(|(file, _)| file.starts_with("content/de-de/"))
    );
}

/// A flag as reference pages define it, under a heading of its own.
fn flag(value: &str) -> String {
    format!("# Flags\n\n#### DSBI_INCLUDEHIDDEN ({value})\n\nInclude hidden objects.\n")
}

/// Three pages agree and a fourth does not: the fourth is told and fixed,
/// the code and its decimal both.
#[test]
fn a_constant_other_pages_give_another_value_is_fixed() {
    let site = Fixture::new();
    for page in ["a", "b", "c"] {
        site.write(
            &format!("content/en-us/{page}.md"),
            flag("131072 (0x20000)"),
        );
    }
    site.write("content/en-us/d.md", flag("262144 (0x40000)"));
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        findings(&doc),
        set(&[("constant-value-mismatch", "content/en-us/d.md", 3)])
    );
    let finding = finding_at(&doc, "content/en-us/d.md", 3);
    assert_eq!(replacements(finding), ["0x20000", "131072"]);
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(site.root().join("content/en-us/d.md")).unwrap();
    assert_eq!(fixed, flag("131072 (0x20000)"));
    let (_, doc) = check_json(site.root(), &[]);
    assert!(findings(&doc).is_empty(), "{doc:#}");
}

/// Four pages against two: told, but the edit is only proposed.
#[test]
fn a_value_that_a_third_of_the_pages_give_is_told_and_not_fixed() {
    let mut files: Vec<(String, String)> = ["a", "b", "c", "d"]
        .iter()
        .map(|p| (format!("en-us/{p}.md"), flag("0x20000")))
        .collect();
    files.push(("en-us/e.md".into(), flag("0x40000")));
    files.push(("en-us/f.md".into(), flag("0x40000")));
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (_, doc) = run_json(&files, &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("constant-value-mismatch", "content/en-us/e.md", 3),
            ("constant-value-mismatch", "content/en-us/f.md", 3)
        ])
    );
    assert!(replacements(finding_at(&doc, "content/en-us/e.md", 3)).is_empty());
}

/// What is no evidence: too few pages, a page's translations (one page
/// however many locales), a page that gives two values, names that are
/// no constant's (a registry value, a word), and code.
#[test]
fn constants_without_enough_agreeing_pages_are_left_alone() {
    let two = |value: &str| format!("# Flags\n\n- **wbemErrFailed** - {value}\n");
    let settings =
        |value: &str| format!("# Settings\n\n**LogLevel** = {value}\n\n**Enabled** ({value})\n");
    let found = |value: &str| format!("# Errors\n\n**wbemErrNotFound** ({value})\n");
    let code = "# Code\n\n```c\nwbemErrNotFound = 0x80041009\n```\n";
    let (code_exit, doc) = run_json(
        &[
            // Two against one.
            ("en-us/a.md", &two("2147749889 (0x80041001)")),
            ("en-us/b.md", &two("2147749889 (0x80041001)")),
            ("en-us/c.md", &two("2147749890 (0x80041002)")),
            // One page in three locales against one other page.
            ("en-us/d.md", &flag("0x20000")),
            ("de-de/d.md", &flag("0x20000")),
            ("fr-fr/d.md", &flag("0x20000")),
            ("en-us/e.md", &flag("0x40000")),
            // Settings each page sets as it needs.
            ("en-us/f.md", &settings("0x1")),
            ("en-us/g.md", &settings("0x1")),
            ("en-us/h.md", &settings("0x1")),
            ("en-us/i.md", &settings("0x0")),
            // Three pages against a page that gives the name two values,
            // and against code.
            ("en-us/l.md", &found("0x80041002")),
            ("en-us/m.md", &found("0x80041002")),
            ("en-us/n.md", &found("0x80041002")),
            (
                "en-us/j.md",
                &format!("{}\n{}", found("0x80041002"), found("0x80041003")),
            ),
            ("en-us/k.md", code),
        ],
        &[],
    );
    assert_eq!(code_exit, Some(0));
    assert!(
        lines_of(&doc, "constant-value-mismatch").is_empty(),
        "{doc:#}"
    );
}

/// An older localized page keeps the source text beside each sentence,
/// hidden (`sxs-lookup`): the constant is read, and fixed, where the line
/// shows it.
#[test]
fn a_side_by_side_page_is_read_where_it_shows_the_constant() {
    let sxs = concat!(
        "# Fehlercodes\n\n",
        r#"<span data-ttu-id="c3baa-172">**wbemErrFailed** -2147449889 (0x7fff7c21)</span>"#,
        r#"<span class="sxs-lookup"><span data-stu-id="c3baa-172">**wbemErrFailed** - 2147449889 (0x7FFF7C21)</span></span>"#,
        "\n"
    );
    let right = "# Fehlercodes\n\n**wbemErrFailed** -2147749889 (0x80041001)\n";
    let site = Fixture::new();
    for page in ["a", "b", "c"] {
        site.write(&format!("content/de-de/{page}.md"), right);
    }
    site.write("content/de-de/d.md", sxs);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("constant-value-mismatch", "content/de-de/d.md", 3)])
    );
    let finding = finding_at(&doc, "content/de-de/d.md", 3);
    assert_eq!(finding["location"]["column"], 62);
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(site.root().join("content/de-de/d.md")).unwrap();
    assert_eq!(
        fixed,
        sxs.replacen("-2147449889 (0x7fff7c21)", "-2147749889 (0x80041001)", 1)
    );
}

/// Win32's "WTNCA Values" page in en-us and three machine translations
/// (`tests/data/README.md`): a table of five constants, each cell's
/// anchors named after its constant. ru-ru spells every name in Cyrillic
/// letters, de-de and fr-fr split them at their underscores, and de-de
/// glued the first one's value to its name.
#[test]
fn real_wtnca_pages_give_the_names_their_anchors_keep() {
    let (_, doc) = check_json(&repo().join("tests/data/real-wtnca"), &[]);
    let page = |locale: &str| format!("content/{locale}/desktop-src/Controls/wtnca.md");
    let mut expected = std::collections::BTreeSet::new();
    for locale in ["de-de", "fr-fr", "ru-ru"] {
        for line in 34..=38 {
            expected.insert(("constant-name-mismatch".to_owned(), page(locale), line));
        }
    }
    // The fr-fr title's and header's `uxtheme. h`.
    for line in [2, 50] {
        expected.insert(("split-file-name".to_owned(), page("fr-fr"), line));
    }
    assert_eq!(findings(&doc), expected);
    let cyrillic = finding_of(&doc, "constant-name-mismatch", &page("ru-ru"), 34);
    assert_eq!(
        cyrillic["message"],
        "`Втнка \\_ НОДРАВКАПТИОН` is not `WTNCA_NODRAWCAPTION`, the constant its anchor names: machine translation translated the name"
    );
    assert_eq!(cyrillic["location"]["column"], 90);
    assert_eq!(replacements(cyrillic), ["WTNCA\\_NODRAWCAPTION"]);
    // A split is one problem with `split-identifier`'s finding there.
    let split = finding_of(&doc, "constant-name-mismatch", &page("fr-fr"), 35);
    assert!(
        split["message"]
            .as_str()
            .unwrap()
            .ends_with("machine translation split the name at its underscores")
    );
    assert_eq!(notes(split).len(), 1);
    assert!(notes(split)[0].ends_with("[split-identifier]"));
    // The value glued to the name: told, not fixed.
    let glued = finding_of(&doc, "constant-name-mismatch", &page("de-de"), 34);
    assert!(
        glued["message"]
            .as_str()
            .unwrap()
            .ends_with("glued the value to the name")
    );
    assert!(replacements(glued).is_empty());

    // `check --fix` writes the names; what is left is the glued value.
    let site = copy_of_real("real-wtnca");
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(site.root().join(page("ru-ru"))).unwrap();
    let source = std::fs::read_to_string(site.root().join(page("en-us"))).unwrap();
    let row = |text: &str, line: usize| {
        text.lines()
            .nth(line - 1)
            .unwrap()
            .split("</dl>")
            .next()
            .unwrap()
            .to_owned()
    };
    for line in 34..=38 {
        // en-us's line 29 is ru-ru's 34 (a shorter front matter).
        assert_eq!(row(&fixed, line), row(&source, line - 5));
    }
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        lines_of(&doc, "constant-name-mismatch"),
        [(page("de-de"), 34)]
    );
}

/// The first 55 errors of Win32's "System Error Codes (0-499)" in en-us
/// and two machine translations (`tests/data/README.md`): a list of constants,
/// each entry's anchors named after its constant, then its name in bold.
/// de-de (a side-by-side page) and ru-ru translated every name; de-de
/// repeats each entry's anchors in the hidden source beside it.
#[test]
fn real_system_error_codes_give_the_names_their_anchors_keep() {
    let (_, doc) = check_json(&repo().join("tests/data/real-syserr"), &[]);
    let page =
        |locale: &str| format!("content/{locale}/desktop-src/Debug/system-error-codes--0-499-.md");
    let mut expected = std::collections::BTreeSet::new();
    let mut expect = |rule: &str, locale: &str, line: u64| {
        expected.insert((rule.to_owned(), page(locale), line));
    };
    for locale in ["de-de", "ru-ru"] {
        // `ERROR_SUCCESS` to `ERROR_BAD_DEV_TYPE`, one entry per 13 lines.
        for line in (23..=725).step_by(13) {
            expect("constant-name-mismatch", locale, line);
        }
        // `WinError. h` in the description and the title.
        expect("split-file-name", locale, 2);
        expect("split-file-name", locale, 4);
        // `**FORMAT\_MESSAGE\_FROM\_SYSTEM**` split, with no anchor.
        expect("split-identifier", locale, 19);
        expect("broken-link", locale, 17);
    }
    // The "Error codes" page, outside the sample.
    expect("broken-link", "en-us", 12);
    // `ERROR_NETWORK_ACCESS_DENIED`'s value, `65 (0x41 влево)`: "left".
    expect("translation-token-mismatch", "ru-ru", 715);
    // No `duplicate-anchor`: de-de's hidden source repeats each anchor.
    assert_eq!(findings(&doc), expected);

    // The ru-ru page and the de-de one were made from one source version
    // (`ms.openlocfilehash`), and de-de shows the value alone; en-us, an
    // excerpt whose text is not the one that hash was taken of, has no say.
    let value = finding_of(&doc, "translation-token-mismatch", &page("ru-ru"), 715);
    assert_eq!(
        value["message"],
        "this value reads `65 (0x41 влево)` where de-de reads `65 (0x41)`: machine translation added `влево` to a value of numbers and codes alone"
    );
    assert_eq!(related(value), [(page("de-de").as_str(), 715)]);
    assert_eq!(replacements(value), ["65 (0x41)"]);

    let translated = finding_of(&doc, "constant-name-mismatch", &page("de-de"), 23);
    assert_eq!(
        translated["message"],
        "`Fehler \\_ erfolgreich` is not `ERROR_SUCCESS`, the constant its anchor names: machine translation translated the name"
    );
    // The shown translation, not the source beside it.
    assert_eq!(translated["location"]["column"], 97);
    assert_eq!(replacements(translated), ["ERROR\\_SUCCESS"]);
    // The same problem as `split-identifier`'s finding there.
    assert_eq!(notes(translated).len(), 1);
    let russian = finding_of(&doc, "constant-name-mismatch", &page("ru-ru"), 205);
    assert_eq!(replacements(russian), ["ERROR\\_OUTOFMEMORY"]);
    // A split whose parts are the flag's, beside the source text writing
    // it whole, has a fix; one whose parts were translated has none.
    let split = finding_of(&doc, "split-identifier", &page("de-de"), 19);
    assert_eq!(replacements(split), ["FORMAT\\_MESSAGE\\_FROM\\_SYSTEM"]);
    let split = finding_of(&doc, "split-identifier", &page("ru-ru"), 19);
    assert!(replacements(split).is_empty());

    // `check --fix` writes every name as its anchor and the source do.
    let site = copy_of_real("real-syserr");
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let read = |locale: &str| std::fs::read_to_string(site.root().join(page(locale))).unwrap();
    let (source, russian, german) = (read("en-us"), read("ru-ru"), read("de-de"));
    for line in (23..=725).step_by(13) {
        // en-us's line 18 is the translations' 23 (a shorter front matter).
        let entry = source.lines().nth(line - 6).unwrap();
        assert_eq!(russian.lines().nth(line - 1).unwrap(), entry);
        let shown = german
            .lines()
            .nth(line - 1)
            .unwrap()
            .split("</span><span class=")
            .next()
            .unwrap();
        assert!(shown.ends_with(entry), "{shown}");
    }
    // The flag de-de split in prose, its parts kept, is joined as the
    // source text beside it writes it; ru-ru translated two of its parts
    // (`формата \_ Message \_ из \_ System`), which only a person can
    // put back.
    let flag = german.lines().nth(18).unwrap();
    assert!(
        flag.contains("mit dem Flag \" **FORMAT\\_MESSAGE\\_FROM\\_SYSTEM** \"."),
        "{flag}"
    );
    assert_eq!(russian.lines().nth(714), Some("65 (0x41)"));
    let (_, doc) = check_json(site.root(), &[]);
    assert!(lines_of(&doc, "constant-name-mismatch").is_empty());
    assert!(lines_of(&doc, "translation-token-mismatch").is_empty());
    assert_eq!(lines_of(&doc, "split-identifier"), [(page("ru-ru"), 19)]);
}

/// Windows debugger docs' "HRESULT Values" in en-us and two machine
/// translations (`tests/data/README.md`): a definition list of return
/// values, each term its anchors, the name as plain text and a hard break.
/// zh-cn split or translated every name, ja-jp translated three.
#[test]
fn real_hresult_values_give_the_names_their_anchors_keep() {
    let (_, doc) = check_json(&repo().join("tests/data/real-debugger"), &[]);
    let page = |locale: &str| {
        format!("content/{locale}/windows-driver-docs-pr/debugger/hresult-values.md")
    };
    let mut expected = std::collections::BTreeSet::new();
    let mut expect = |rule: &str, locale: &str, line: u64| {
        expected.insert((rule.to_owned(), page(locale), line));
    };
    // `S_OK` to `E_NOTIMPL`, then `HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED)`.
    for line in [34, 37, 44, 47, 50, 53, 56, 59, 62] {
        expect("constant-name-mismatch", "zh-cn", line);
    }
    // `E\_失敗`, `E\_予期しません。`, and the macro's argument.
    for line in [44, 56, 62] {
        expect("constant-name-mismatch", "ja-jp", line);
    }
    // The source's front matter sets `ms.date` again on line 16.
    expect("invalid-front-matter", "en-us", 16);
    // zh-cn's link to the Secure Mode page, outside the sample, and
    // constants split in prose, with no anchor to fix them from.
    expect("broken-link", "zh-cn", 63);
    expect("split-identifier", "zh-cn", 65);
    expect("split-identifier", "zh-cn", 67);
    assert_eq!(findings(&doc), expected);

    let translated = finding_of(&doc, "constant-name-mismatch", &page("zh-cn"), 34);
    assert_eq!(
        translated["message"],
        "`S \\_ 正常` is not `S_OK`, the constant its anchor names: machine translation translated the name"
    );
    assert_eq!(translated["location"]["column"], 47);
    assert_eq!(replacements(translated), ["S\\_OK"]);
    let split = finding_of(&doc, "constant-name-mismatch", &page("zh-cn"), 47);
    assert!(
        split["message"]
            .as_str()
            .unwrap()
            .ends_with("machine translation split the name at its underscores")
    );
    // Two constants split and translated in prose, glued by `和` ("and"):
    // ja-jp's same sentence glues its own translated words with
    // underscores (`コード\_コントロール\_C\_終了と状態`), which is no name
    // to write, so the help names none, and there is no fix.
    let prose = finding_of(&doc, "split-identifier", &page("zh-cn"), 65);
    assert_eq!(
        prose["help"],
        "write the identifier in one piece, as the source page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert!(replacements(prose).is_empty());
    // The macro's anchor lost its parentheses: the source's entry with
    // that anchor says them.
    let lossy = finding_of(&doc, "constant-name-mismatch", &page("ja-jp"), 62);
    assert_eq!(
        replacements(lossy),
        ["HRESULT\\_FROM\\_WIN32(ERROR\\_ACCESS\\_DENIED)"]
    );

    // `check --fix` writes each name as the source does.
    let site = copy_of_real("real-debugger");
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let read = |locale: &str| std::fs::read_to_string(site.root().join(page(locale))).unwrap();
    let (source, chinese) = (read("en-us"), read("zh-cn"));
    // The hard break's spaces aside (zh-cn writes three on line 62).
    let term = |text: &str, line: usize| text.lines().nth(line - 1).unwrap().trim_end().to_owned();
    for line in [34, 37, 44, 47, 50, 53, 56, 59, 62] {
        // en-us's line 30 is zh-cn's 34 (another front matter).
        assert_eq!(term(&chinese, line), term(&source, line - 4));
    }
    let (_, doc) = check_json(site.root(), &[]);
    assert!(lines_of(&doc, "constant-name-mismatch").is_empty());
}

/// A name whose anchor was made from punctuation too is told, and not
/// fixed: the anchor does not say what the punctuation was, and no other
/// page of the translation group writes the entry.
#[test]
fn a_name_whose_anchor_lost_its_punctuation_is_told_without_a_fix() {
    let page = concat!(
        "# Valeurs\n\n",
        "<span id=\"HRESULT_FROM_WIN32_ERROR_NOT_FOUND_\"></span>**HRESULT \\_ de \\_ WIN32 (erreur \\_ introuvable)**\n\n",
        "<span id=\"ERROR_NOT_FOUND\"></span><span id=\"error_not_found\"></span>**Erreur \\_ introuvable**\n",
    );
    let (_, doc) = run_json(&[("fr-fr/values.md", page)], &[]);
    let lines = lines_of(&doc, "constant-name-mismatch");
    assert_eq!(
        lines,
        [
            ("content/fr-fr/values.md".to_owned(), 3),
            ("content/fr-fr/values.md".to_owned(), 5)
        ]
    );
    let lossy = finding_of(&doc, "constant-name-mismatch", "content/fr-fr/values.md", 3);
    assert!(replacements(lossy).is_empty());
    let plain = finding_of(&doc, "constant-name-mismatch", "content/fr-fr/values.md", 5);
    assert_eq!(replacements(plain), ["ERROR\\_NOT\\_FOUND"]);
}

/// What is no constant's cell: an anchor that names no constant, a name
/// the anchor keeps, text between the anchors and the list.
#[test]
fn cells_whose_anchor_names_no_other_constant_are_left_alone() {
    let page = concat!(
        "# Values\n\n| Value | Meaning |\n|---|---|\n",
        "| <span id=\"TRUE\"></span><span id=\"true\"></span><dl> <dt>**Vrai**</dt> </dl> | Oui. |\n",
        "| <span id=\"Enabled\"></span><dl> <dt>**Activé**</dt> </dl> | Oui. |\n",
        "| <span id=\"MB_OK\"></span><span id=\"mb_ok\"></span><dl> <dt>**MB\\_OK**</dt> <dt>0x0</dt> </dl> | OK. |\n",
        "| <span id=\"MB_YESNO\"></span> Voir <dl> <dt>**Oui Non**</dt> </dl> | Oui. |\n",
        "\n<span id=\"HRESULT_FROM_WIN32_ERROR_NOT_FOUND_\"></span>**HRESULT\\_FROM\\_WIN32(ERROR\\_NOT\\_FOUND)**\n",
        "\n<span id=\"ERROR_SUCCESS\"></span>**Succès** (0)\n",
    );
    let (code, doc) = run_json(&[("fr-fr/values.md", page)], &[]);
    assert_eq!(code, Some(0));
    assert!(findings(&doc).is_empty(), "{doc:#}");
}

/// A System Error Codes entry's value, as Win32's pages write it: the
/// real ru-ru "System Error Codes (0-499)" reads `65 (0x41 влево)`
/// ("0x41 left") for `65 (0x41)`, machine translation having taken the
/// code for words. The tokens are the source's; the added word is told,
/// and `check --fix` writes the value as the source does. A number a
/// language writes with its unit (`2019 г.`) holds no code and is left
/// alone, as is a value whose numbers differ (a value changed, not one
/// with words added).
#[test]
fn words_added_to_a_value_of_codes_are_told_and_fixed() {
    let entry = |value: &str, year: &str, other: &str| {
        format!(
            "# Codes\n\n**ERROR\\_NETWORK\\_ACCESS\\_DENIED**\n\n{value}\n\nSince\n\n{year}\n\n{other}\n"
        )
    };
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write(
            "content/en-us/a.md",
            entry("65 (0x41)", "2019", "66 (0x42)"),
        )
        .write(
            "content/de-de/a.md",
            entry("65 (0x41)", "2019", "66 (0x42)"),
        )
        .write(
            "content/ru-ru/a.md",
            entry("65 (0x41 влево)", "2019 г.", "67 (0x43) влево"),
        )
        .write(
            "content/fr-fr/a.md",
            entry("65 (0x41 gauche)", "2019", "66 (0x42)"),
        );
    let (_, doc) = check_json(site.root(), &[]);
    let ru = "content/ru-ru/a.md";
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", ru, 5),
            ("translation-token-mismatch", "content/fr-fr/a.md", 5),
        ])
    );
    // Each is told the locales that write the value alone, not the other
    // that added a word of its own.
    let added = finding_of(&doc, "translation-token-mismatch", ru, 5);
    assert_eq!(
        added["message"],
        "this value reads `65 (0x41 влево)` where en-us, de-de read `65 (0x41)`: machine translation added `влево` to a value of numbers and codes alone"
    );
    assert_eq!(added["severity"], "warning");
    assert_eq!(
        related(added),
        [("content/en-us/a.md", 5), ("content/de-de/a.md", 5)]
    );
    assert_eq!(replacements(added), ["65 (0x41)"]);

    let out = polydoc(site.root(), &["check", "--fix"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(site.root().join(ru)).unwrap();
    assert_eq!(fixed, entry("65 (0x41)", "2019 г.", "67 (0x43) влево"));

    // Among peers, a side-by-side page's value is what it shows before
    // the hidden source text, as the real de-de page writes each one.
    let side_by_side = "<span data-ttu-id=\"a-1\">65 (0x41)</span><span class=\"sxs-lookup\"><span data-stu-id=\"a-1\">65 (0x41)</span></span>";
    let site = Fixture::new();
    site.write(
        "content/de-de/a.md",
        entry(side_by_side, "2019", "66 (0x42)"),
    )
    .write(
        "content/ru-ru/a.md",
        entry("65 (0x41 влево)", "2019", "66 (0x42)"),
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", ru, 5)])
    );
    assert_eq!(
        finding_of(&doc, "translation-token-mismatch", ru, 5)["message"],
        "this value reads `65 (0x41 влево)` where de-de reads `65 (0x41)`: machine translation added `влево` to a value of numbers and codes alone"
    );
}

/// A name in bold that a translation made from the source's text changed:
/// its letters (told) or its case (told and fixed). Words in bold a
/// translation rightly translates, and names it keeps, are not told.
#[test]
fn a_name_in_bold_a_translation_changed_is_told() {
    let page = |name: &str, flag: &str| {
        format!("# Drivers\n\nSet the value {name} to {flag} to clean up classes.\n")
    };
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write(
            "content/en-us/a.md",
            page("**ProcessStrandedClasses**", "**TRUE**"),
        )
        .write(
            "content/de-de/a.md",
            page("**ProcessProvideredClasses**", "**WAHR**"),
        )
        .write(
            "content/zh-tw/a.md",
            page("**PROCESSSTRANDEDCLASSES**", "**TRUE**"),
        )
        // The name kept, the flag translated.
        .write(
            "content/it-it/a.md",
            page("**ProcessStrandedClasses**", "**VERO**"),
        )
        // The name lost, and nothing in bold close to it: nothing to say
        // which word stands for it.
        .write("content/es-es/a.md", page("**Registro**", "**TRUE**"));
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", "content/de-de/a.md", 3),
            ("translation-token-mismatch", "content/zh-tw/a.md", 3),
        ])
    );
    let letters = finding_of(&doc, "translation-token-mismatch", "content/de-de/a.md", 3);
    assert_eq!(
        letters["message"],
        "this paragraph writes `ProcessProvideredClasses` in bold where the en-us text it was made from writes the name `ProcessStrandedClasses`: machine translation changed its letters, and readers who search for the name or type it find nothing"
    );
    assert_eq!(letters["location"]["column"], 17);
    assert_eq!(related(letters), [("content/en-us/a.md", 3)]);
    assert!(replacements(letters).is_empty());
    let case = finding_of(&doc, "translation-token-mismatch", "content/zh-tw/a.md", 3);
    assert_eq!(replacements(case), ["ProcessStrandedClasses"]);

    let out = polydoc(site.root(), &["check", "--fix"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(site.root().join("content/zh-tw/a.md")).unwrap();
    assert_eq!(fixed, page("**ProcessStrandedClasses**", "**TRUE**"));
}

/// The real "Accessing Data from Device Drivers" (`tests/data/real-wmi`),
/// its de-de and zh-tw made from the en-us text beside them: both changed
/// the registry value `ProcessStrandedClasses`.
#[test]
fn real_names_in_bold_a_translation_changed_are_told() {
    let site = copy_of_real("real-wmi");
    site.write("polydoc.toml", "source = \"en-us\"\n");
    let (_, doc) = check_json(site.root(), &[]);
    let page = |locale: &str| {
        format!("content/{locale}/desktop-src/WmiSdk/accessing-data-from-device-drivers.md")
    };
    let told: Vec<(String, u64)> = lines_of(&doc, "translation-token-mismatch")
        .into_iter()
        .filter(|(file, _)| file.contains("device-drivers"))
        .collect();
    assert_eq!(told, [(page("de-de"), 43), (page("zh-tw"), 43)]);
    let zh = finding_of(&doc, "translation-token-mismatch", &page("zh-tw"), 43);
    assert!(
        zh["message"]
            .as_str()
            .unwrap()
            .starts_with("this paragraph writes `PROCESSSTRANDEDCLASSES` in bold"),
        "{zh}"
    );
    assert_eq!(related(zh), [(page("en-us").as_str(), 38)]);
    assert_eq!(replacements(zh), ["ProcessStrandedClasses"]);
}
