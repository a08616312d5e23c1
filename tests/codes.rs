//! `hex-decimal-mismatch`: error code tables that give each code in
//! hexadecimal and in decimal, on real Intune pages and on small fixtures
//! of what must and must not fire.

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
