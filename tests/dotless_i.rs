//! `dotless-i`: names whose `I` machine translation lower-cased by
//! Turkish rules, on the real tr-tr Visual Studio `devenv` page and on a
//! small fixture of what must and must not fire.

mod common;

use common::*;

/// The real tr-tr "Devenv command-line switches" (`tests/data/real-vs`)
/// writes `/LCıD` for `/LCID` and `ıNCLUDE, LıBPATH` for `INCLUDE,
/// LIBPATH`; `--fix` writes each `I` back. Its cs-cz twin, whose casing
/// is right, shows nothing.
#[test]
fn the_real_names_lower_cased_by_turkish_rules_are_told_and_fixed() {
    let site = copy_of_real("real-vs");
    let page = |locale: &str| {
        format!("content/{locale}/docs/ide/reference/devenv-command-line-switches.md")
    };
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let told: Vec<(String, String, u64, u64)> = places(&doc)
        .into_iter()
        .filter(|(rule, ..)| rule == "dotless-i")
        .collect();
    let at = |line, column| ("dotless-i".to_owned(), page("tr-tr"), line, column);
    assert_eq!(told, [at(74, 4), at(81, 68), at(81, 77)]);
    let first = finding_of(&doc, "dotless-i", &page("tr-tr"), 74);
    assert_eq!(
        first["message"],
        "`LCıD` writes the Turkish dotless `ı` among Latin capitals: machine translation lower-cased the `I` of `LCID` by Turkish rules, and readers who type the name or search for it find nothing"
    );
    assert_eq!(replacements(first), ["LCID"]);
    // The same cell's `veya/L`: a switch glued to a word, its own finding.
    let glued = finding_of(&doc, "translation-token-mismatch", &page("tr-tr"), 74);
    assert_eq!(glued["location"]["column"], 13);

    let fixed = polydoc(
        site.root(),
        &["check", "--root", ".", "--fix", "--fail-on", "never"],
    );
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
    let tr = std::fs::read_to_string(site.root().join(page("tr-tr"))).unwrap();
    assert!(tr.contains("|[/LCID veya /L](lcid-devenv-exe.md)|"), "{tr}");
    assert!(
        tr.contains("için PATH, INCLUDE, LIBPATH ve LIB ortam"),
        "{tr}"
    );
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    assert!(lines_of(&doc, "dotless-i").is_empty());
    assert!(
        !lines_of(&doc, "translation-token-mismatch")
            .iter()
            .any(|(file, _)| file == &page("tr-tr")),
        "the cell's switches are all there now"
    );
}

/// What must fire: a `ı` before a Latin capital in a word of two
/// capitals or more, in prose and in a link's text. What must not: a
/// suffix glued to a name (`DNSı`), Turkish words, a capitalised `Için`,
/// code blocks, link destinations, and the same letters on a page of a
/// language without the letter.
#[test]
fn names_fire_only_where_turkish_casing_damaged_them() {
    let page = "---\ntitle: Ortam\n---\n# Ortam\n\nPATH, ıNCLUDE ve [GUıD](guid.md) değişkenleri.\n\nDNSı ayarlar; Için açılır kapısı.\n\n```\nset ıNCLUDE=x\n```\n\nBkz. [liste](ıNCLUDE.md).\n";
    let (_, doc) = run_json(
        &[("tr-tr/ortam.md", page), ("de-de/ortam.md", page)],
        &["--fail-on", "never"],
    );
    let tr = "content/tr-tr/ortam.md".to_owned();
    assert_eq!(
        lines_of(&doc, "dotless-i"),
        [(tr.clone(), 6), (tr, 6)],
        "ıNCLUDE and GUıD on tr-tr's line 6, nothing on de-de"
    );
}
