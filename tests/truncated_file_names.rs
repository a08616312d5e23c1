//! `truncated-file-name`: file names whose extension machine translation
//! dropped, on the real WMI pages and on small fixtures of what must and
//! must not fire.

mod common;

use common::*;

/// The real zh-tw "Accessing Data from Device Drivers"
/// (`tests/data/real-wmi`) tells readers to check `Wmiprov` twice where
/// the en-us text it was made from, and de-de, write `Wmiprov.log`;
/// `--fix` appends the extension.
#[test]
fn the_real_log_file_that_lost_its_extension_is_told_and_fixed() {
    let site = copy_of_real("real-wmi");
    let page = |locale: &str| {
        format!("content/{locale}/desktop-src/WmiSdk/accessing-data-from-device-drivers.md")
    };
    let (_, doc) = check_json(site.root(), &[]);
    let zh = page("zh-tw");
    assert_eq!(told(&doc), [(zh.clone(), 29, 180), (zh, 31, 61)]);
    let first = finding_of(&doc, "truncated-file-name", &page("zh-tw"), 29);
    assert_eq!(
        first["message"],
        "this paragraph writes `Wmiprov` where the en-us text it was made from writes the file name `Wmiprov.log`: machine translation dropped its extension, and readers look for a file that does not exist"
    );
    assert_eq!(related(first), [(page("en-us").as_str(), 24)]);
    assert_eq!(replacements(first), ["Wmiprov.log"]);

    let fixed = polydoc(
        site.root(),
        &["check", "--root", ".", "--fix", "--fail-on", "never"],
    );
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
    let zh = std::fs::read_to_string(site.root().join(page("zh-tw"))).unwrap();
    assert!(zh.contains("藉由檢查 Wmiprov.log，"), "{zh}");
    assert!(zh.contains("則會在 Wmiprov.log 中報告"), "{zh}");
    let (_, doc) = check_json(site.root(), &[]);
    assert!(lines_of(&doc, "truncated-file-name").is_empty());
}

/// (file, line, column) of each `truncated-file-name` finding.
fn told(doc: &serde_json::Value) -> Vec<(String, u64, u64)> {
    places(doc)
        .into_iter()
        .filter(|(rule, ..)| rule == "truncated-file-name")
        .map(|(_, file, line, column)| (file, line, column))
        .collect()
}

fn page(paragraphs: &[&str]) -> String {
    format!(
        "---\ntitle: Logs\n---\n# Logs\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

/// What must fire: a bare name where the source's block writes it whole;
/// what must not: the name moved into a code span, a name the source also
/// writes alone, a dot a Chinese full stop replaced, a name in code or in
/// a link's destination, a stem in another case, anything on the source's
/// pages.
#[test]
fn bare_names_fire_only_where_another_block_writes_them_whole() {
    let en = page(&[
        "Check Wmiprov.log for errors.",
        "Run Setup.exe. Setup then installs the driver.",
        "See Winuser.h and Windows.h for the definitions.",
        "Open [the log](logs/setup.log) or `tool.exe`.",
        "The program.cs file holds the code.",
    ]);
    let zh = page(&[
        "檢查 Wmiprov 是否有錯誤。",
        "執行 Setup.exe。Setup 接著會安裝驅動程式。",
        "請參閱 Winuser 和 Windows。h 中的定義。",
        "開啟 [記錄](logs/setup) 或 `tool`。",
        "Program 檔案包含程式碼。",
    ]);
    let de = page(&[
        "Prüfen Sie `Wmiprov.log` auf Fehler.",
        "Führen Sie Setup.exe aus. Setup installiert dann den Treiber.",
        "Siehe Winuser.h und Windows.h für die Definitionen.",
        "Öffnen Sie [das Protokoll](logs/setup.log) oder `tool.exe`.",
        "Die Datei program.cs enthält den Code.",
    ]);
    let files = [
        ("en-us/logs.md", en.as_str()),
        ("zh-tw/logs.md", zh.as_str()),
        ("de-de/logs.md", de.as_str()),
    ];
    let toml = "source = \"en-us\"\n";
    let site = Fixture::new();
    site.write("polydoc.toml", toml);
    for (path, text) in files {
        site.write(&format!("content/{path}"), text);
    }
    let (_, doc) = check_json(site.root(), &[]);
    let zh = "content/zh-tw/logs.md".to_owned();
    assert_eq!(told(&doc), [(zh.clone(), 6, 4), (zh, 10, 5)]);
    let winuser = finding_of(&doc, "truncated-file-name", "content/zh-tw/logs.md", 10);
    assert!(
        winuser["message"]
            .as_str()
            .unwrap()
            .starts_with("this paragraph writes `Winuser` where the en-us text it was made from writes the file name `Winuser.h`"),
        "{winuser}"
    );
    assert_eq!(replacements(winuser), ["Winuser.h"]);

    // Among peers, the same: the translation that kept the name whole is
    // the evidence, and no side is told for what the other lacks.
    site.write("polydoc.toml", "");
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        lines_of(&doc, "truncated-file-name"),
        [
            ("content/zh-tw/logs.md".to_owned(), 6),
            ("content/zh-tw/logs.md".to_owned(), 10)
        ]
    );

    // The name alone in the source too, as often: nothing lost.
    let alone = page(&["Check Wmiprov.log, then Wmiprov again."]);
    let also = page(&["檢查 Wmiprov.log，然後再次檢查 Wmiprov。"]);
    let (_, doc) = run_json(
        &[
            ("en-us/logs.md", alone.as_str()),
            ("zh-tw/logs.md", also.as_str()),
        ],
        &[],
    );
    assert!(lines_of(&doc, "truncated-file-name").is_empty(), "{doc}");
}
