//! `stray-italic`: asterisks a translation shows where another shows
//! italics, on the real Visual Studio firewall pages and on small
//! fixtures of what must and must not fire; and, on the same pages, the
//! folder path `split-path` reads beside its placeholders.

mod common;

use common::*;

const PAGE: &str = "docs/debugger/configure-the-windows-firewall-for-remote-debugging.md";

fn page(locale: &str) -> String {
    format!("content/{locale}/{PAGE}")
}

/// The real fr-fr, it-it and zh-tw "Configure the Windows Firewall for
/// Remote Debugging" (`tests/data/real-vs`), machine translations of the
/// version de-de was translated from by hand: the three undid the
/// italics of the remote debugger's folder (`* \<Visual Studio
/// installation directory\>`, `流覽至 * Common7`), which de-de shows; and
/// split the folder's path, which de-de writes whole, at its backslashes
/// (`\ Common7 \ IDE \ Remote Debugger \`), zh-tw translating `Remote
/// Debugger`. Nothing else but the links to pages outside the sample and
/// zh-tw's `** **`.
#[test]
fn the_real_pages_show_their_undone_italics_and_split_folders() {
    let site = copy_of_real("real-vs");
    let (code, doc) = check_json(site.root(), &["--fail-on", "warning"]);
    assert_eq!(code, Some(1));
    let told: Vec<(String, String, u64, u64)> = places(&doc)
        .into_iter()
        .filter(|(rule, file, ..)| rule != "broken-link" && file.ends_with(PAGE))
        .collect();
    let at = |rule: &str, locale: &str, line, column| (rule.to_owned(), page(locale), line, column);
    assert_eq!(
        told,
        [
            at("stray-italic", "fr-fr", 107, 167),
            at("split-path", "fr-fr", 107, 210),
            at("stray-italic", "it-it", 107, 139),
            at("split-path", "it-it", 107, 182),
            at("stray-bold", "zh-tw", 75, 60),
            at("split-path", "zh-tw", 97, 42),
            at("stray-italic", "zh-tw", 107, 114),
        ]
    );
    let links: Vec<_> = lines_of(&doc, "broken-link")
        .into_iter()
        .filter(|(file, _)| file.ends_with(PAGE))
        .collect();
    assert_eq!(links.len(), 8, "two targets outside the sample, per locale");

    let fr = finding_of(&doc, "stray-italic", &page("fr-fr"), 107);
    assert_eq!(
        fr["message"],
        "`*` shows as an asterisk: italics that do not open or close here; this list item shows 2 asterisks and 3 texts in italics, where de-de shows 4 texts in italics and no asterisk"
    );
    assert_eq!(
        related(fr),
        [(page("fr-fr").as_str(), 107), (page("de-de").as_str(), 107)]
    );
    assert!(
        replacements(fr).is_empty(),
        "which words were meant in italics is not certain"
    );

    let split = finding_of(&doc, "split-path", &page("fr-fr"), 107);
    assert_eq!(
        split["message"],
        "this list item writes `\\ Common7 \\ IDE \\ Remote Debugger \\` where de-de writes the path `\\Common7\\IDE\\Remote Debugger\\`: machine translation split it at its backslashes, and readers who type it or search for it find nothing"
    );
    assert_eq!(
        replacements(split),
        ["\\\\Common7\\\\IDE\\\\Remote Debugger\\\\"]
    );
    let zh = finding_of(&doc, "split-path", &page("zh-tw"), 97);
    assert!(
        zh["message"]
            .as_str()
            .unwrap()
            .starts_with("this paragraph writes `\\Common7 \\ IDE \\ 遠端偵錯程式\\` where de-de writes the path `\\Common7\\IDE\\Remote Debugger\\`: machine translation split it at its backslashes and translated part of it"),
        "{zh:#}"
    );
    assert!(
        replacements(zh).is_empty(),
        "a part translated is told, not fixed"
    );

    let fixed = polydoc(
        site.root(),
        &["check", "--root", ".", "--fix", "--fail-on", "never"],
    );
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
    let fr = std::fs::read_to_string(site.root().join(page("fr-fr"))).unwrap();
    assert!(
        fr.contains("directory\\> \\\\Common7\\\\IDE\\\\Remote Debugger\\\\ \\<x86*"),
        "{fr}"
    );
}

fn article(paragraphs: &[&str]) -> String {
    format!(
        "---\ntitle: Folders\n---\n# Folders\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

/// What must fire: asterisks where the other locale shows the same
/// words in italics, in a paragraph, a list item and a table row. What
/// must not: an asterisk every locale shows (`5 * 3`), one a translation
/// kept where the other wrote `×` (fewer asterisks, no more italics), an
/// escaped `\*`, a `**` (`stray-bold`'s), an asterisk in code, and a
/// page of another source version.
#[test]
fn asterisks_fire_only_where_another_locale_shows_italics() {
    let en = article(&[
        "Browse to *C:\\Tools* and run *setup*.",
        "- Open *Settings* first.",
        "| Key | Value |\n|-|-|\n| a | *on* |",
        "Multiply 5 * 3 to get 15.",
        "Multiply 4 * 2 to get 8.",
        "Write `*x*` or \\*.",
        "Choose **Save** now.",
    ]);
    let fr = article(&[
        "Accédez à * C:\\Tools* et exécutez *setup*.",
        "- Ouvrez * Paramètres * d'abord.",
        "| Key | Value |\n|-|-|\n| a | * on* |",
        "Multipliez 5 * 3 pour obtenir 15.",
        "Multipliez 4 × 2 pour obtenir 8.",
        "Écrivez `* x *` ou \\*.",
        "Choisissez ** Enregistrer ** maintenant.",
    ]);
    let de = article(&[
        "Wechseln Sie zu *C:\\Tools* und führen Sie *setup* aus.",
        "- Öffnen Sie zuerst *Einstellungen*.",
        "| Key | Value |\n|-|-|\n| a | *an* |",
        "Multiplizieren Sie 5 * 3, um 15 zu erhalten.",
        "Multiplizieren Sie 4 * 2, um 8 zu erhalten.",
        "Schreiben Sie `*x*` oder \\*.",
        "Wählen Sie **Speichern**.",
    ]);
    let (_, doc) = run_json(
        &[
            ("en-us/folders.md", &en),
            ("fr-fr/folders.md", &fr),
            ("de-de/folders.md", &de),
        ],
        &["--fail-on", "never"],
    );
    let fr_page = "content/fr-fr/folders.md".to_owned();
    assert_eq!(
        lines_of(&doc, "stray-italic"),
        [(fr_page.clone(), 6), (fr_page.clone(), 8), (fr_page, 12)]
    );
    assert_eq!(
        lines_of(&doc, "stray-bold").len(),
        1,
        "the `**` is its own rule's"
    );

    // Another source version: italics change between versions.
    let hashed = |text: &str, hash: &str| {
        text.replacen(
            "title: Folders\n",
            &format!("title: Folders\nms.openlocfilehash: {hash}\n"),
            1,
        )
    };
    let (_, doc) = run_json(
        &[
            ("fr-fr/folders.md", &hashed(&fr, "aaaa")),
            ("de-de/folders.md", &hashed(&de, "bbbb")),
        ],
        &["--fail-on", "never"],
    );
    assert!(lines_of(&doc, "stray-italic").is_empty());
}
