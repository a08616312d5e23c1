//! `split-path`: paths machine translation split at their backslashes,
//! on the real WMI pages and on small fixtures of what must and must not
//! fire.

mod common;

use common::*;

/// The real de-de and zh-tw "Accessing Data from Device Drivers"
/// (`tests/data/real-wmi`), made from the en-us text beside them: each
/// split the registry key and the `\\root\wmi` namespace, and de-de the
/// `Root\Wmi` of its last sentence; zh-tw translated `Software` and
/// `root`, de-de `root`. Where the parts are all there, in order,
/// `--fix` writes the path back as en-us writes it.
#[test]
fn real_paths_machine_translation_split_are_told_and_fixed() {
    let site = copy_of_real("real-wmi");
    let (_, doc) = check_json(site.root(), &[]);
    let page = |locale: &str| {
        format!("content/{locale}/desktop-src/WmiSdk/accessing-data-from-device-drivers.md")
    };
    let told: Vec<(String, String, u64, u64)> = places(&doc)
        .into_iter()
        .filter(|(rule, ..)| rule == "split-path")
        .collect();
    let at = |locale: &str, line, column| ("split-path".to_owned(), page(locale), line, column);
    assert_eq!(
        told,
        [
            at("de-de", 17, 212),
            at("de-de", 43, 316),
            at("de-de", 43, 651),
            at("zh-tw", 17, 80),
            at("zh-tw", 43, 53),
        ]
    );
    let messages: Vec<(&str, u64, &str, Vec<&str>)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "split-path")
        .map(|f| {
            let file = f["location"]["file"].as_str().unwrap();
            let locale = if file.contains("de-de") {
                "de-de"
            } else {
                "zh-tw"
            };
            let shown = f["message"].as_str().unwrap();
            let shown = &shown["this paragraph writes `".len()..shown.find("` where").unwrap()];
            (
                locale,
                f["location"]["line"].as_u64().unwrap(),
                shown,
                replacements(f),
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            ("de-de", 17, "\\ \\ \\ wmi", vec![]),
            (
                "de-de",
                43,
                "\\ Software Microsoft \\ WBEM \\ WDMProvider",
                vec!["Software\\\\Microsoft\\\\WBEM\\\\WDMProvider"]
            ),
            ("de-de", 43, "Root \\ Wmi", vec!["Root\\\\Wmi"]),
            ("zh-tw", 17, "\\ \\ 根 \\ wmi", vec![]),
            ("zh-tw", 43, "\\ Microsoft \\ WBEM \\ WDMProvider", vec![]),
        ]
    );
    let key = finding_of(&doc, "split-path", &page("zh-tw"), 43);
    assert_eq!(
        key["message"],
        "this paragraph writes `\\ Microsoft \\ WBEM \\ WDMProvider` where the en-us text it was made from writes the path `Software\\Microsoft\\WBEM\\WDMProvider`: machine translation split it at its backslashes and translated part of it, and readers who type it or search for it find nothing"
    );
    assert_eq!(related(key), [(page("en-us").as_str(), 38)]);

    let fixed = polydoc(
        site.root(),
        &["check", "--root", ".", "--fix", "--fail-on", "never"],
    );
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
    let de = std::fs::read_to_string(site.root().join(page("de-de"))).unwrap();
    let line = de.lines().nth(42).unwrap();
    assert!(
        line.contains("Von **Software\\\\Microsoft\\\\WBEM\\\\WDMProvider** **")
            && line.contains("wenn der Namespace \"Root\\\\Wmi\" zum ersten Mal"),
        "{line}"
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        lines_of(&doc, "split-path"),
        [
            (page("de-de"), 17),
            (page("zh-tw"), 17),
            (page("zh-tw"), 43)
        ]
    );
}

fn paragraph(text: &str) -> String {
    format!("---\ntitle: Keys\n---\n# Keys\n\n{text}\n")
}

/// What must fire: a path split in one translation, which the source's
/// block, or among peers another translation's, writes whole; what must
/// not: a path written whole whatever else changed, a backslash in code,
/// a hard line break, a folder after a space.
#[test]
fn split_paths_fire_only_beside_a_path_written_whole() {
    let en = paragraph(
        "Set **HKEY\\_LOCAL\\_MACHINE\\\\Software\\\\Contoso** to 1.\n\nOpen `C:\\Temp\\Logs` and \\Reports\\Daily.",
    );
    let de = paragraph(
        "Setzen Sie **HKEY\\_LOCAL\\_MACHINE \\\\ Software \\\\ Contoso** auf 1.\n\nÖffnen Sie `C:\\ Temp\\ Logs` und \\Reports\\Daily.",
    );
    // Written whole with a placeholder translated, and a hard break.
    let fr = paragraph(
        "Définissez **HKEY\\_LOCAL\\_MACHINE\\\\Software\\\\Contoso** sur 1.\n\nOuvrez `C:\\Temp\\Logs` et \\Reports\\\nDaily.",
    );
    let files = [
        ("en-us/keys.md", en.as_str()),
        ("de-de/keys.md", de.as_str()),
        ("fr-fr/keys.md", fr.as_str()),
    ];
    // Peers: fr-fr writes the key whole, de-de does not.
    let (_, doc) = run_json(&files, &[]);
    let told = lines_of(&doc, "split-path");
    assert_eq!(told, [("content/de-de/keys.md".to_owned(), 6)]);
    let finding = finding_of(&doc, "split-path", "content/de-de/keys.md", 6);
    assert_eq!(
        replacements(finding),
        ["HKEY\\_LOCAL\\_MACHINE\\\\Software\\\\Contoso"]
    );
    assert!(
        finding["message"].as_str().unwrap().starts_with(
            "this paragraph writes `HKEY_LOCAL_MACHINE \\ Software \\ Contoso` where "
        ),
        "{finding}"
    );

    // Nothing else writes it whole: nothing to tell.
    let alone = [
        ("en-us/keys.md", de.as_str()),
        ("de-de/keys.md", de.as_str()),
    ];
    let (_, doc) = run_json(&alone, &[]);
    assert!(lines_of(&doc, "split-path").is_empty());
}

/// A side-by-side page keeps each sentence's source text beside it,
/// hidden: alone in its locale, with no other translation, the real de-de
/// line of the Windows Search docs shows the registry key it split.
#[test]
fn the_source_text_beside_a_sentence_is_evidence_enough() {
    let line = r#"<span data-ttu-id="7bec0-108">Der WDS-Installationspfad wird in der Registrierungs Einstellung INSTALLDIR unter HKEY_LOCAL_MACHINE \\ Software \\ Microsoft \\ Windows-Desktop Suche angegeben.</span><span class="sxs-lookup"><span data-stu-id="7bec0-108">The WDS installation path is specified in the InstallDir registry setting under HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows Desktop Search.</span></span>"#;
    let page = paragraph(line);
    let (_, doc) = run_json(&[("de-de/wds.md", page.as_str())], &[]);
    assert_eq!(
        lines_of(&doc, "split-path"),
        [("content/de-de/wds.md".to_owned(), 6)]
    );
    let finding = finding_of(&doc, "split-path", "content/de-de/wds.md", 6);
    assert_eq!(
        finding["message"],
        "this paragraph writes `HKEY_LOCAL_MACHINE \\ Software \\ Microsoft \\ Windows` where the source text beside it writes the path `HKEY_LOCAL_MACHINE\\Software\\Microsoft\\Windows`: machine translation split it at its backslashes, and readers who type it or search for it find nothing"
    );
    assert_eq!(related(finding), [("content/de-de/wds.md", 6)]);
    assert_eq!(
        replacements(finding),
        ["HKEY_LOCAL_MACHINE\\\\Software\\\\Microsoft\\\\Windows"]
    );
}
