//! The real Azure articles (`tests/data/real-azure`): what polydoc finds
//! on them, exactly, and what `check --fix` writes.

mod common;

use common::*;

const DRIVE: &str = "articles/virtual-machines/windows/change-drive-letter.md";
const IMAGES: &str = "articles/virtual-machines/windows/cli-ps-findimage.md";
const MONGO: &str = "articles/cosmos-db/create-mongodb-nodejs.md";

fn page(locale: &str, path: &str) -> String {
    format!("content/{locale}/{path}")
}

/// "Use the D: drive as a data drive on a Windows VM" in ja-jp (a human
/// translation), hu-hu, pl-pl and tr-tr, "Find Windows VM images" in
/// ja-jp and tr-tr, and Cosmos DB's MongoDB Node.js quickstart in it-it
/// (human) and sv-se: hu-hu split `pagefile.sys` and `diskmgmt.msc` at
/// their dots, it-it `Node.js`; tr-tr translated the verb of two cmdlets
/// in the texts of links to their reference pages (`[kümesi AzVMPlan]`,
/// "set of", for `[Set-AzVMPlan]`), sv-se three Azure CLI commands in
/// the texts of links to theirs (`[AZ-gruppen Create]` for `[az group
/// create]`). The rest is links and includes to files outside the
/// sample.
#[test]
fn the_real_azure_pages_show_their_split_files_and_translated_cmdlets() {
    let site = copy_of_real("real-azure");
    let (code, doc) = check_json(site.root(), &["--fail-on", "warning"]);
    assert_eq!(code, Some(1));
    let told: Vec<(String, String, u64)> = places(&doc)
        .into_iter()
        .filter(|(rule, ..)| rule != "broken-link" && rule != "include-not-found")
        .map(|(rule, file, line, _)| (rule, file, line))
        .collect();
    let at = |rule: &str, locale, path, line| (rule.to_owned(), page(locale, path), line);
    assert_eq!(
        told,
        [
            at("split-file-name", "hu-hu", DRIVE, 27),
            at("split-file-name", "hu-hu", DRIVE, 34),
            at("split-file-name", "hu-hu", DRIVE, 48),
            at("split-file-name", "hu-hu", DRIVE, 54),
            at("split-file-name", "it-it", MONGO, 3),
            at("translation-token-mismatch", "sv-se", MONGO, 83),
            at("translation-token-mismatch", "sv-se", MONGO, 97),
            at("translation-token-mismatch", "sv-se", MONGO, 179),
            at("translation-token-mismatch", "tr-tr", IMAGES, 266),
            at("translation-token-mismatch", "tr-tr", IMAGES, 290),
        ]
    );
    assert_eq!(
        lines_of(&doc, "include-not-found").len(),
        14,
        "three includes outside the sample per images page, four per quickstart"
    );
    assert_eq!(
        lines_of(&doc, "broken-link").len(),
        28,
        "targets outside the sample: one per drive page, four per images page, eight per quickstart"
    );

    let plan = finding_of(
        &doc,
        "translation-token-mismatch",
        &page("tr-tr", IMAGES),
        290,
    );
    assert_eq!(plan["severity"], "warning");
    assert_eq!(
        plan["message"],
        "this link to `https://docs.microsoft.com/powershell/module/az.compute/set-azvmplan` reads `kümesi AzVMPlan` where ja-jp writes the cmdlet's name, `Set-AzVMPlan`"
    );
    assert_eq!(plan["location"]["column"], 145);
    assert_eq!(related(plan), [(page("ja-jp", IMAGES).as_str(), 290)]);
    assert_eq!(replacements(plan), ["Set-AzVMPlan"]);

    let group = finding_of(
        &doc,
        "translation-token-mismatch",
        &page("sv-se", MONGO),
        97,
    );
    assert_eq!(
        group["message"],
        "this link to `/cli/azure/group#az-group-create` reads `AZ-gruppen Create` where it-it writes the Azure CLI command, `az group create`"
    );
    assert_eq!(replacements(group), Vec::<&str>::new(), "a word translated");
    let login = finding_of(
        &doc,
        "translation-token-mismatch",
        &page("sv-se", MONGO),
        83,
    );
    assert_eq!(replacements(login), ["az login"]);

    let fixed = polydoc(
        site.root(),
        &["check", "--root", ".", "--fix", "--fail-on", "never"],
    );
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
    let read =
        |locale, path| std::fs::read_to_string(site.root().join(page(locale, path))).unwrap();
    let tr = read("tr-tr", IMAGES);
    assert!(
        tr.contains("Kullanım [Set-AzMarketplaceterms](https://docs.microsoft.com/powershell/module/az.marketplaceordering/set-azmarketplaceterms) cmdlet'i"),
        "{tr}"
    );
    assert!(tr.contains("kullanın [Set-AzVMPlan](https://"), "{tr}");
    let sv = read("sv-se", MONGO);
    assert!(
        sv.contains("med kommandot [az login](/cli/azure/reference-index#az-login)"),
        "{sv}"
    );
    let hu = read("hu-hu", DRIVE);
    assert!(hu.contains("írja be a **diskmgmt.msc** parancsot"), "{hu}");
    assert!(!hu.contains("pagefile. sys"), "{hu}");
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    assert_eq!(
        lines_of(&doc, "translation-token-mismatch"),
        [(page("sv-se", MONGO), 97), (page("sv-se", MONGO), 179)],
        "the two commands with a word translated are left to a person"
    );
    assert!(lines_of(&doc, "split-file-name").is_empty());
}

/// `drift` on the same pages: hu-hu's and tr-tr's slips make them
/// inconsistent; the four drive pages come from one source version, handed
/// off on two days, which each page is told in one line, whatever the
/// number of locales.
#[test]
fn drift_tells_the_slips_and_one_line_of_hand_off_days_per_page() {
    let output = polydoc(
        &repo(),
        &[
            "drift",
            "--root",
            "tests/data/real-azure",
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let cells = |path: &str| -> Vec<(String, String, Vec<String>)> {
        doc["pages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path"] == path)
            .unwrap()["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let versions = c["signals"]
                    .as_array()
                    .map(|all| {
                        all.iter()
                            .filter(|s| s["kind"] == "version")
                            .map(|s| s["message"].as_str().unwrap().to_owned())
                            .collect()
                    })
                    .unwrap_or_default();
                (
                    c["locale"].as_str().unwrap().to_owned(),
                    c["status"].as_str().unwrap().to_owned(),
                    versions,
                )
            })
            .collect()
    };
    let drive = cells(DRIVE);
    let statuses: Vec<(&str, &str)> = drive
        .iter()
        .map(|(l, s, _)| (l.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("hu-hu", "inconsistent"),
            ("it-it", "missing"),
            ("ja-jp", "up-to-date"),
            ("pl-pl", "up-to-date"),
            ("sv-se", "missing"),
            ("tr-tr", "up-to-date")
        ]
    );
    assert_eq!(
        drive[2].2,
        [
            "same source version (ms.openlocfilehash 491e7b7be0) as pl-pl (ms.sourcegitcommit 2ec4b3d0ba, handed off 03/27/2020) and tr-tr (ms.sourcegitcommit 2ec4b3d0ba, handed off 03/27/2020): hand-off dates differ, which is not drift"
        ]
    );
    assert!(
        drive
            .iter()
            .all(|(_, status, v)| v.len() == usize::from(status != "missing")),
        "{drive:?}"
    );
    let images: Vec<(String, String)> = cells(IMAGES).into_iter().map(|(l, s, _)| (l, s)).collect();
    assert_eq!(
        images,
        [
            ("hu-hu".to_owned(), "missing".to_owned()),
            ("it-it".to_owned(), "missing".to_owned()),
            ("ja-jp".to_owned(), "up-to-date".to_owned()),
            ("pl-pl".to_owned(), "missing".to_owned()),
            ("sv-se".to_owned(), "missing".to_owned()),
            ("tr-tr".to_owned(), "inconsistent".to_owned())
        ]
    );
}
