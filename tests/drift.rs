//! `polydoc drift` on the seeds, on one fixture per status, on the
//! three-locale fixture of the issue, with git history, and its HTML.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Fixture, attr, parse_file, polydoc, repo, select, stderr, texts};
use serde_json::Value;

fn drift_json(root: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["drift", "--root", ".", "--format", "json"];
    args.extend_from_slice(extra);
    let out = polydoc(root, &args);
    let doc = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stderr(&out)));
    (out.status.code(), doc)
}

/// (page, locale) -> status.
fn statuses(doc: &Value) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    for page in doc["pages"].as_array().unwrap() {
        for cell in page["cells"].as_array().unwrap() {
            out.insert(
                (
                    page["path"].as_str().unwrap().to_owned(),
                    cell["locale"].as_str().unwrap().to_owned(),
                ),
                cell["status"].as_str().unwrap().to_owned(),
            );
        }
    }
    out
}

/// The signals of one cell: (kind, drift, line, message).
fn signals(doc: &Value, path: &str, locale: &str) -> Vec<(String, bool, Option<u64>, String)> {
    let page = doc["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["path"] == path)
        .unwrap_or_else(|| panic!("no page {path}"));
    let cell = page["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["locale"] == locale)
        .unwrap();
    cell["signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["kind"].as_str().unwrap().to_owned(),
                s["drift"].as_bool().unwrap(),
                s["line"].as_u64(),
                s["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn expect(pairs: &[(&str, &str, &str)]) -> BTreeMap<(String, String), String> {
    pairs
        .iter()
        .map(|(p, l, s)| (((*p).to_owned(), (*l).to_owned()), (*s).to_owned()))
        .collect()
}

const ES_SEED: &str = "content/es-es/get-started/activation-error-codes.md";

#[test]
fn the_seeds_drift_only_on_the_es_es_row() {
    let (code, doc) = drift_json(&repo(), &[]);
    assert_eq!(code, Some(1), "an inconsistency fails the run");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["source"], Value::Null);
    assert_eq!(
        statuses(&doc),
        expect(&[
            (
                "get-started/activation-error-codes.md",
                "es-es",
                "inconsistent"
            ),
            (
                "get-started/activation-error-codes.md",
                "it-it",
                "up-to-date"
            ),
            ("index.md", "es-es", "up-to-date"),
            ("index.md", "it-it", "up-to-date"),
        ])
    );
    let es = signals(&doc, "get-started/activation-error-codes.md", "es-es");
    // Same source version, other hand-off date: information, not drift.
    assert_eq!(es.len(), 2, "{es:?}");
    assert_eq!((es[0].0.as_str(), es[0].1), ("version", false));
    assert_eq!(
        es[0].3,
        "same source version (ms.openlocfilehash 50c5035331) as it-it (ms.sourcegitcommit b00d7c8968, handed off 04/08/2020): hand-off dates differ, which is not drift"
    );
    assert_eq!(
        (es[1].0.as_str(), es[1].1, es[1].2),
        ("tokens", true, Some(48))
    );
    assert!(
        es[1]
            .3
            .contains("`0x8007232A` where it-it has `0x8007232B`"),
        "{}",
        es[1].3
    );
    let it = signals(&doc, "get-started/activation-error-codes.md", "it-it");
    assert_eq!(it.len(), 1, "{it:?}");
    assert_eq!((it[0].0.as_str(), it[0].1), ("version", false));
    assert!(signals(&doc, "index.md", "es-es").is_empty());
    assert_eq!(doc["summary"]["inconsistent"], 1);
    assert_eq!(doc["summary"]["up-to-date"], 3);
}

/// Real translations (`tests/data/README.md`): the pages whose parameters
/// tables lost a switch, or whose heading names another version, are
/// inconsistent, the ones without a slip are up to date, and each reason
/// names the row.
#[test]
fn real_translations_drift_where_a_switch_was_lost() {
    let (code, doc) = drift_json(&repo(), &["--content", "tests/data/real"]);
    assert_eq!(code, Some(1));
    let ipconfig = "windows-commands/ipconfig.md";
    let xcopy = "windows-commands/xcopy.md";
    let netstat = "windows-commands/netstat.md";
    let keys = "get-started/KMSclientkeys.md";
    let slmgr = "get-started/activation-slmgr-vbs-options.md";
    let attrib = "windows-commands/attrib.md";
    let requirements = "get-started/System-Requirements.md";
    let powershell = "get-started/PowerShell-on-Nano-Server.md";
    let certificate = "identity/ad-fs/deployment/Set-a-Service-Communications-Certificate.md";
    let icacls = "windows-commands/icacls.md";
    let robocopy = "windows-commands/robocopy.md";
    let findstr = "windows-commands/findstr.md";
    let tasklist = "windows-commands/tasklist.md";
    let roles = "get-started/Server-Role-Upgradeability-Table.md";
    let shutdown = "windows-commands/shutdown.md";
    let ping = "windows-commands/ping.md";
    let msiexec = "windows-commands/msiexec.md";
    let nbtstat = "windows-commands/nbtstat.md";
    let forfiles = "windows-commands/forfiles.md";
    let chkdsk = "windows-commands/chkdsk.md";
    let route = "windows-commands/route_ws2008.md";
    let partition = "windows-commands/create-partition-primary.md";
    let balancing = "networking/dns/app-lb.md";
    let extend = "windows-commands/extend.md";
    let shrink = "windows-commands/shrink.md";
    // Every page is missing in the locales not listed here.
    let mut expected = BTreeMap::new();
    for page in [
        ipconfig,
        xcopy,
        netstat,
        keys,
        slmgr,
        attrib,
        requirements,
        powershell,
        certificate,
        icacls,
        robocopy,
        findstr,
        tasklist,
        roles,
        shutdown,
        ping,
        msiexec,
        nbtstat,
        forfiles,
        chkdsk,
        route,
        partition,
        balancing,
        extend,
        shrink,
    ] {
        for locale in [
            "de-de", "es-es", "fr-fr", "it-it", "ja-jp", "ko-kr", "pt-br", "zh-cn", "zh-tw",
        ] {
            expected.insert((page.to_owned(), locale.to_owned()), "missing".to_owned());
        }
    }
    expected.extend(expect(&[
        (ipconfig, "es-es", "inconsistent"),
        (ipconfig, "de-de", "up-to-date"),
        (ipconfig, "pt-br", "inconsistent"),
        (xcopy, "es-es", "inconsistent"),
        (xcopy, "de-de", "inconsistent"),
        (netstat, "es-es", "up-to-date"),
        (netstat, "ko-kr", "inconsistent"),
        // zh-cn's heading over the 2019 keys names 2012 R2.
        (keys, "es-es", "up-to-date"),
        (keys, "de-de", "up-to-date"),
        (keys, "zh-cn", "inconsistent"),
        (slmgr, "es-es", "up-to-date"),
        (slmgr, "zh-tw", "up-to-date"),
        // it-it writes `{+|-} r` for its syntax's `{+|-}r`, zh-cn the
        // wildcard `**?**` as a full-width `**？**`.
        (attrib, "de-de", "up-to-date"),
        (attrib, "es-es", "up-to-date"),
        (attrib, "fr-fr", "up-to-date"),
        (attrib, "it-it", "inconsistent"),
        (attrib, "zh-cn", "inconsistent"),
        // fr-fr's headings have `<a name>` anchors the others lack: no
        // inconsistency (see `check/tokens.rs`, `unanchored_as_kept`).
        (requirements, "de-de", "up-to-date"),
        (requirements, "es-es", "up-to-date"),
        (requirements, "fr-fr", "up-to-date"),
        (requirements, "ja-jp", "up-to-date"),
        (requirements, "ko-kr", "up-to-date"),
        (requirements, "pt-br", "up-to-date"),
        // ja-jp lists `New-PSSessionOption` for `New-PSTransportOption`.
        (powershell, "de-de", "up-to-date"),
        (powershell, "fr-fr", "up-to-date"),
        (powershell, "ja-jp", "inconsistent"),
        (powershell, "ko-kr", "up-to-date"),
        // Both keep the source's `/en-us/` link: the same, so no drift.
        (certificate, "es-es", "up-to-date"),
        (certificate, "zh-cn", "up-to-date"),
        // Each of four locales lost switches of its own in the
        // parameters table (`tests/data/README.md`); zh-cn kept them all.
        (icacls, "es-es", "inconsistent"),
        (icacls, "fr-fr", "inconsistent"),
        (icacls, "it-it", "inconsistent"),
        (icacls, "ko-kr", "inconsistent"),
        (icacls, "zh-cn", "up-to-date"),
        // es-es and fr-fr each dropped the `/` of a switch the other
        // kept; it-it's page was translated from an older version.
        (robocopy, "es-es", "inconsistent"),
        (robocopy, "fr-fr", "inconsistent"),
        (robocopy, "it-it", "outdated"),
        // Each of the five lost a switch from its parameters table, or
        // (de-de) a mention of one from its examples.
        (findstr, "de-de", "inconsistent"),
        (findstr, "es-es", "inconsistent"),
        (findstr, "it-it", "inconsistent"),
        (findstr, "pt-br", "inconsistent"),
        (findstr, "zh-cn", "inconsistent"),
        // Each changed a filter name or lost a switch.
        (tasklist, "es-es", "inconsistent"),
        (tasklist, "fr-fr", "inconsistent"),
        (tasklist, "it-it", "inconsistent"),
        // Human translations, `Yes` and `No` translated in every cell.
        (roles, "es-es", "up-to-date"),
        (roles, "fr-fr", "up-to-date"),
        (roles, "zh-tw", "up-to-date"),
        // pt-br lost `/a` and zh-cn `/i` from the parameters table;
        // es-es and pt-br renamed the placeholder *YY* (*AA*); zh-tw lost
        // what the pipeline's `@no__t` placeholders stand for; es-es,
        // fr-fr and pt-br split `myapp.exe` at its dot in the sentence
        // before the example that runs it (`MyApp. exe`).
        (shutdown, "es-es", "inconsistent"),
        (shutdown, "fr-fr", "inconsistent"),
        (shutdown, "pt-br", "inconsistent"),
        (shutdown, "zh-cn", "inconsistent"),
        (shutdown, "zh-tw", "inconsistent"),
        // fr-fr and zh-tw translated the switch `/t` (`commutateur`,
        // `一起`), fr-fr renamed *TOS* (*OT*); de-de and zh-cn left the
        // pipeline's placeholders where nine placeholders were.
        (ping, "de-de", "inconsistent"),
        (ping, "es-es", "up-to-date"),
        (ping, "fr-fr", "inconsistent"),
        (ping, "zh-cn", "inconsistent"),
        (ping, "zh-tw", "inconsistent"),
        // es-es dropped the `/` of `/l!` and `/l`; zh-cn a product code
        // from a sentence its own example writes.
        (msiexec, "es-es", "inconsistent"),
        (msiexec, "zh-cn", "inconsistent"),
        // Alone, but its own syntax writes the `/c` its table capitalised.
        (nbtstat, "es-es", "inconsistent"),
        // zh-tw translated `/M` ("一樣", "same").
        (forfiles, "es-es", "up-to-date"),
        (forfiles, "zh-tw", "inconsistent"),
        // es-es writes `b` for `/b`; both left the pipeline's
        // `file @ no__t-1nnnn >` where a placeholder was.
        (chkdsk, "de-de", "inconsistent"),
        (chkdsk, "es-es", "inconsistent"),
        // it-it writes `/ p` for `/p`; all three translate the keywords
        // `mask`, `metric` and `if`, which each page's syntax block names.
        (route, "de-de", "inconsistent"),
        (route, "es-es", "inconsistent"),
        (route, "it-it", "inconsistent"),
        // Keywords translated in the parameters table (es-es `tamaño`,
        // `desplazamiento`; zh-cn and zh-tw `大小`), which each page's
        // syntax block names.
        (partition, "es-es", "inconsistent"),
        (partition, "zh-cn", "inconsistent"),
        (partition, "zh-tw", "inconsistent"),
        // Prose, addresses and code the three keep alike.
        (balancing, "de-de", "up-to-date"),
        (balancing, "es-es", "up-to-date"),
        (balancing, "zh-cn", "up-to-date"),
        // Alone, with keywords of their syntax translated (`tamaño`,
        // `deseado`, `mínimo`).
        (extend, "es-es", "inconsistent"),
        (shrink, "es-es", "inconsistent"),
    ]));
    assert_eq!(statuses(&doc), expected);
    let es = signals(&doc, xcopy, "es-es");
    assert_eq!(es.len(), 3, "{es:?}");
    assert_eq!((es[0].0.as_str(), es[0].2), ("tokens", Some(67)), "{es:?}");
    assert!(es[0].3.contains("lacks the switch `/b`"), "{es:?}");
    // The file names its sentences split at the dot: `XCopy. out`, which
    // its example's code writes whole, and `TOC. yml`, written whole in
    // its example above.
    assert_eq!((es[1].0.as_str(), es[1].2), ("tokens", Some(156)), "{es:?}");
    assert!(
        es[1]
            .3
            .starts_with("`XCopy. out`: machine translation split the file name `XCopy.out`"),
        "{es:?}"
    );
    assert_eq!((es[2].0.as_str(), es[2].2), ("tokens", Some(211)), "{es:?}");
    assert!(
        es[2]
            .3
            .starts_with("`TOC. yml`: machine translation split the file name"),
        "{es:?}"
    );
    // A keyword translated in every locale is drift of each: the page's
    // own syntax tells, as `check` does.
    let zh = signals(&doc, partition, "zh-cn");
    assert_eq!(zh.len(), 1, "{zh:?}");
    assert_eq!((zh[0].0.as_str(), zh[0].2), ("tokens", Some(36)), "{zh:?}");
    assert!(zh[0].3.starts_with("`大小` is no keyword"), "{zh:?}");
}

#[test]
fn the_terminal_report_is_a_table_then_the_reasons() {
    let out = polydoc(&repo(), &["drift"]);
    assert_eq!(out.status.code(), Some(1));
    let report = common::stdout(&out);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(
        lines[0],
        "Translation status: 2 pages x 2 locales (no source locale: locales compared as peers)"
    );
    let row = lines
        .iter()
        .find(|l| l.starts_with("get-started/activation-error-codes.md"))
        .unwrap();
    let cells: Vec<&str> = row
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        cells,
        [
            "get-started/activation-error-codes.md",
            "inconsistent",
            "up to date"
        ]
    );
    assert!(
        report.contains(&format!("{ES_SEED}:48: this table row has")),
        "{report}"
    );
    // One page is one page.
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# A\n")
        .write("content/fr-fr/a.md", "# A\n");
    let out = polydoc(site.root(), &["drift"]);
    assert!(
        common::stdout(&out).starts_with("Translation status: 1 page x 2 locales"),
        "{}",
        common::stdout(&out)
    );
}

/// A page machine translation mangled on two dozen lines does not bury
/// the rest of the terminal report: five places of a kind, then a count
/// of the others with their span of lines, all of which JSON still has.
#[test]
fn the_terminal_report_counts_what_it_does_not_show() {
    let root = repo().join("tests/data/real-win32");
    let (_, doc) = drift_json(&root, &[]);
    let page = "desktop-src/Debug/getexceptioncode.md";
    let tokens: Vec<u64> = signals(&doc, page, "de-de")
        .into_iter()
        .filter(|s| s.0 == "tokens")
        .map(|s| s.2.expect("a token signal has a line"))
        .collect();
    assert!(tokens.len() > 10, "{tokens:?}");

    let out = polydoc(&root, &["drift", "--root", "."]);
    let report = common::stdout(&out);
    let cell: Vec<&str> = report
        .lines()
        .skip_while(|l| *l != page)
        .skip_while(|l| *l != "  de-de: outdated")
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .filter(|l| l.trim_start().starts_with("tokens "))
        .collect();
    let file = format!("content/de-de/{page}");
    let shown: Vec<u64> = cell
        .iter()
        .filter_map(|l| {
            l.split_once(&format!("{file}:"))?
                .1
                .split(':')
                .next()?
                .parse()
                .ok()
        })
        .collect();
    assert_eq!(shown, tokens[..5], "{report}");
    assert_eq!(cell.len(), 6, "{report}");
    assert_eq!(
        cell[5].split_whitespace().collect::<Vec<_>>().join(" "),
        format!(
            "tokens ... and {} more on lines {} to {} (`polydoc check`, `--format json` and `--html DIR` list each)",
            tokens.len() - 5,
            tokens[5],
            tokens[tokens.len() - 1]
        )
    );
}

const ARTICLE: &str = "# Title\n\n## <a name=\"setup\"></a>Setup\n\nSome text.\n\n| Code | Meaning |\n|---|---|\n| 0x0001 | one |\n| 0x0002 | two |\n\n- step one\n- step two\n\n## <a name=\"fix\"></a>Fix\n\n```powershell\nGet-Item x\n```\n";

fn with_front_matter(hash: Option<&str>, handoff: Option<&str>, body: &str) -> String {
    let mut out = String::from("---\ntitle: T\n");
    if let Some(hash) = hash {
        out.push_str(&format!("ms.openlocfilehash: {hash}\n"));
    }
    if let Some(date) = handoff {
        out.push_str(&format!("ms.lasthandoff: {date}\n"));
    }
    out.push_str("---\n");
    out.push_str(body);
    out
}

#[test]
fn one_fixture_per_status() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n");
    let same = ARTICLE;
    let extra_row = ARTICLE.replace(
        "| 0x0002 | two |\n",
        "| 0x0002 | two |\n| 0x0003 | three |\n",
    );
    let fewer_items = ARTICLE.replace("- step two\n", "");
    let more_code = format!("{ARTICLE}\n```cmd\ndir\n```\n");
    let extra_section = format!("{ARTICLE}\n## <a name=\"more\"></a>More\n\nText.\n");
    for (name, es) in [
        ("extra.md", extra_section),
        ("same.md", same.to_owned()),
        ("rows.md", extra_row),
        ("items.md", fewer_items),
        ("code.md", more_code),
    ] {
        site.write(&format!("content/en-us/{name}"), ARTICLE);
        site.write(&format!("content/es-es/{name}"), es);
    }
    site.write("content/en-us/missing.md", ARTICLE);
    site.write("content/es-es/orphan.md", ARTICLE);
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(doc["source"], "en-us");
    assert_eq!(
        statuses(&doc),
        expect(&[
            ("code.md", "en-us", "source"),
            ("code.md", "es-es", "inconsistent"),
            ("extra.md", "en-us", "source"),
            ("extra.md", "es-es", "inconsistent"),
            ("items.md", "en-us", "source"),
            ("items.md", "es-es", "inconsistent"),
            ("missing.md", "en-us", "source"),
            ("missing.md", "es-es", "missing"),
            ("orphan.md", "en-us", "absent"),
            ("orphan.md", "es-es", "orphan"),
            ("rows.md", "en-us", "source"),
            ("rows.md", "es-es", "inconsistent"),
            ("same.md", "en-us", "source"),
            ("same.md", "es-es", "up-to-date"),
        ])
    );
    let only = |path: &str| {
        let s = signals(&doc, path, "es-es");
        assert_eq!(s.len(), 1, "{path}: {s:?}");
        s.into_iter().next().unwrap()
    };
    let rows = only("rows.md");
    assert_eq!(
        (rows.0.as_str(), rows.1, rows.2),
        ("structure", true, Some(7))
    );
    assert_eq!(
        rows.3,
        "the table in section `#setup` has 3 rows; en-us has 2"
    );
    let items = only("items.md");
    assert_eq!((items.0.as_str(), items.2), ("structure", Some(3)));
    assert_eq!(items.3, "section `#setup` has 1 list item; en-us has 2");
    let code_blocks = only("code.md");
    assert_eq!(
        (code_blocks.0.as_str(), code_blocks.2),
        ("structure", Some(15))
    );
    assert_eq!(
        code_blocks.3,
        "section `#fix` has 2 code blocks; en-us has 1"
    );
    let extra = only("extra.md");
    assert_eq!((extra.0.as_str(), extra.2), ("structure", Some(21)));
    assert_eq!(
        extra.3,
        "section `#more` has no counterpart in en-us: remove it or add it there"
    );
    assert!(only("orphan.md").3.contains("no en-us page at this path"));
}

#[test]
fn missing_pages_alone_do_not_fail_the_run() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", ARTICLE);
    site.write("content/en-us/b.md", ARTICLE);
    site.write("content/es-es/a.md", ARTICLE);
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        statuses(&doc)[&("b.md".to_owned(), "es-es".to_owned())],
        "missing"
    );
}

#[test]
fn three_locales_one_lacking_a_section_one_on_an_older_source() {
    let site = Fixture::new();
    site.write(
        "content/en-us/kb/article.md",
        with_front_matter(None, None, ARTICLE),
    );
    let without_fix = &ARTICLE[..ARTICLE.find("## <a name=\"fix\">").unwrap()];
    site.write(
        "content/es-es/kb/article.md",
        with_front_matter(
            Some("bbbbbbbbbbbbbbbbbbbb"),
            Some("05/02/2021"),
            without_fix,
        ),
    );
    site.write(
        "content/it-it/kb/article.md",
        with_front_matter(Some("aaaaaaaaaaaaaaaaaaaa"), Some("01/15/2021"), ARTICLE),
    );
    let (code, doc) = drift_json(site.root(), &["--source", "en-us"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        statuses(&doc),
        expect(&[
            ("kb/article.md", "en-us", "source"),
            ("kb/article.md", "es-es", "inconsistent"),
            ("kb/article.md", "it-it", "outdated"),
        ])
    );
    assert!(signals(&doc, "kb/article.md", "en-us").is_empty());
    assert_eq!(
        signals(&doc, "kb/article.md", "es-es"),
        vec![(
            "structure".to_owned(),
            true,
            None,
            "lacks section `#fix`, which en-us, it-it have".to_owned()
        )]
    );
    assert_eq!(
        signals(&doc, "kb/article.md", "it-it"),
        vec![(
            "version".to_owned(),
            true,
            None,
            "translated from an older source version: it-it (ms.openlocfilehash aaaaaaaaaa, handed off 01/15/2021), while es-es (ms.openlocfilehash bbbbbbbbbb, handed off 05/02/2021) is newer".to_owned()
        )]
    );
}

/// Among peers, a page translated from an older source version lacks the
/// row the source gained since: it is outdated, and the newer peer, which
/// has that row, is up to date rather than inconsistent with it.
#[test]
fn a_newer_peer_is_not_inconsistent_with_an_older_one() {
    let site = Fixture::new();
    let extra_row = ARTICLE.replace(
        "| 0x0002 | two |\n",
        "| 0x0002 | two |\n| 0x0003 | three |\n",
    );
    site.write("content/en-us/a.md", ARTICLE);
    site.write(
        "content/es-es/a.md",
        with_front_matter(Some("aaaaaaaaaaaa"), Some("01/15/2021"), ARTICLE),
    );
    site.write(
        "content/it-it/a.md",
        with_front_matter(Some("bbbbbbbbbbbb"), Some("05/02/2021"), &extra_row),
    );
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        statuses(&doc),
        expect(&[
            ("a.md", "en-us", "up-to-date"),
            ("a.md", "es-es", "outdated"),
            ("a.md", "it-it", "up-to-date"),
        ])
    );
    assert!(signals(&doc, "a.md", "it-it").is_empty());
}

#[test]
fn two_peers_that_differ_in_structure_are_both_reported() {
    let site = Fixture::new();
    site.write("content/de-de/a.md", ARTICLE);
    site.write(
        "content/fr-fr/a.md",
        ARTICLE.replace(
            "| 0x0002 | two |\n",
            "| 0x0002 | two |\n| 0x0003 | three |\n",
        ),
    );
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        statuses(&doc),
        expect(&[
            ("a.md", "de-de", "inconsistent"),
            ("a.md", "fr-fr", "inconsistent")
        ])
    );
    assert_eq!(
        signals(&doc, "a.md", "de-de")[0].3,
        "the table in section `#setup` has 2 rows; fr-fr has 3"
    );
}

/// Two peers differ on a command; a comment in one says the difference is
/// meant. Both findings go (the other names the silenced line), and drift
/// reads the same comments: neither page is inconsistent.
#[test]
fn a_silenced_token_difference_is_no_drift() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# A\n\nRun `slmgr /ato` now.\n")
        .write("content/es-es/a.md", "# A\n\nEjecute `slmgr /dlv` ahora.\n");
    let (_, doc) = drift_json(site.root(), &[]);
    assert_eq!(
        statuses(&doc),
        expect(&[
            ("a.md", "en-us", "inconsistent"),
            ("a.md", "es-es", "inconsistent")
        ])
    );
    site.write(
        "content/es-es/a.md",
        "# A\n\nEjecute `slmgr /dlv` ahora. <!-- polydoc-disable-line translation-token-mismatch -->\n",
    );
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        statuses(&doc),
        expect(&[
            ("a.md", "en-us", "up-to-date"),
            ("a.md", "es-es", "up-to-date")
        ])
    );
    let check = polydoc(site.root(), &["check", "--root", "."]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn a_source_changed_in_git_after_its_translation_makes_it_outdated() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n");
    site.write("content/en-us/a.md", ARTICLE);
    site.write("content/es-es/a.md", ARTICLE);
    let repo = git2::Repository::init(site.root()).unwrap();
    let commit = |message: &str, time: i64| {
        let mut index = repo.index().unwrap();
        index
            .add_all(["*"], git2::IndexAddOption::DEFAULT, None)
            .unwrap();
        index.write().unwrap();
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        let who = git2::Signature::new("T", "t@example.com", &git2::Time::new(time, 0)).unwrap();
        let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        repo.commit(Some("HEAD"), &who, &who, message, &tree, &parents)
            .unwrap();
    };
    commit("both", 1_600_000_000); // 2020-09-13
    site.write(
        "content/en-us/a.md",
        format!("{ARTICLE}\nMore source text.\n"),
    );
    commit("source edit", 1_700_000_000); // 2023-11-14

    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        statuses(&doc)[&("a.md".to_owned(), "es-es".to_owned())],
        "outdated"
    );
    assert_eq!(
        signals(&doc, "a.md", "es-es"),
        vec![(
            "history".to_owned(),
            true,
            None,
            "the en-us source was last changed on 2023-11-14, after this translation's last change on 2020-09-13: bring the translation up to date".to_owned()
        )]
    );
    // Peers have no newer side: commit dates say nothing without a source.
    std::fs::remove_file(site.root().join("polydoc.toml")).unwrap();
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(0), "a paragraph more in one locale is not drift");
    assert_eq!(
        statuses(&doc)[&("a.md".to_owned(), "es-es".to_owned())],
        "up-to-date"
    );
}

/// A translation kept by hand has no pipeline keys; the date a page says
/// it was revised does the work: a source page dated after its
/// translation was revised since (`ms.date`, else `date`). Among peers,
/// dates say nothing.
#[test]
fn a_source_dated_after_its_translation_makes_it_outdated() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n");
    let dated = |key: &str, date: &str| format!("---\ntitle: T\n{key}: {date}\n---\n{ARTICLE}");
    site.write("content/en-us/a.md", dated("ms.date", "03/10/2022"))
        .write("content/de-de/a.md", dated("ms.date", "10/16/2017"))
        .write("content/fr-fr/a.md", dated("ms.date", "03/10/2022"))
        .write("content/ja-jp/a.md", dated("date", "2021-01-05"))
        .write("content/ko-kr/a.md", ARTICLE);
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    let path = "a.md".to_owned();
    let statuses = statuses(&doc);
    for (locale, status) in [
        ("en-us", "source"),
        ("de-de", "outdated"),
        ("fr-fr", "up-to-date"),
        ("ja-jp", "outdated"),
        ("ko-kr", "up-to-date"),
    ] {
        assert_eq!(
            statuses[&(path.clone(), locale.to_owned())],
            status,
            "{locale}"
        );
    }
    assert_eq!(
        signals(&doc, "a.md", "de-de"),
        vec![(
            "version".to_owned(),
            true,
            None,
            "the en-us source page is dated 03/10/2022 (`ms.date`), after this translation's 10/16/2017 (`ms.date`): the source was revised since; bring the translation up to date".to_owned()
        )]
    );
    assert!(
        signals(&doc, "a.md", "ja-jp")[0]
            .3
            .contains("after this translation's 2021-01-05 (`date`)")
    );
    // The published de-de page says so, and sends its readers to en-us.
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let de = site.html("de-de/a.html");
    let notice = select(&de, "aside.outdated-notice a");
    assert_eq!(attr(&notice[0], "href"), "../en-us/a.html");
    assert!(select(&site.html("fr-fr/a.html"), "aside.outdated-notice").is_empty());

    std::fs::remove_file(site.root().join("polydoc.toml")).unwrap();
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(0), "{doc}");
}

#[test]
fn an_unknown_source_locale_is_a_usage_error() {
    let out = polydoc(&repo(), &["drift", "--source", "fr-fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`fr-fr` is not one of this site's locales (es-es, it-it)"));
}

#[test]
fn the_html_report_has_a_matrix_and_side_by_side_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("status");
    let out = polydoc(
        &repo(),
        &[
            "drift",
            "--html",
            out_dir.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    let matrix = parse_file(&out_dir.join("index.html"));
    let rows = select(&matrix, "#matrix tbody tr");
    assert_eq!(rows.len(), 2);
    let first: Vec<String> = select(&matrix, "#matrix tbody tr:first-child td")
        .iter()
        .map(|td| format!("{}={}", attr(td, "data-locale"), attr(td, "data-value")))
        .collect();
    assert_eq!(first, ["es-es=inconsistent", "it-it=up-to-date"]);
    let link = select(&matrix, "#matrix tbody tr:first-child th a")[0];
    let page_path = common::resolve(&out_dir.join("index.html"), attr(&link, "href"));
    assert!(page_path.is_file(), "{}", page_path.display());

    let page = parse_file(&page_path);
    let heads: Vec<String> = texts(&page, "table.aligned thead th");
    assert_eq!(heads, ["es-es", "it-it"]);
    let mark_on = |id: &str| -> Vec<String> { texts(&page, &format!("[id=\"{id}\"] mark")) };
    assert_eq!(mark_on("es-es-L48"), ["0x8007232A"]);
    assert_eq!(mark_on("it-it-L48"), ["0x8007232B"]);
    // The row holding the summary table differs; the rows of sections that match do not.
    let sections = select(&page, "table.aligned tbody tr.section");
    let differing = select(&page, "table.aligned tbody tr.section.differs");
    assert!(!differing.is_empty() && differing.len() < sections.len());
    let stylesheet = common::resolve(
        &page_path,
        attr(&select(&page, "link[rel=stylesheet]")[0], "href"),
    );
    assert!(stylesheet.is_file());
}

/// Locales that lack the page are named on one line, with no card and
/// no column; a number compared without the letters written against it
/// is marked as a reader sees it (`C2065`, real cpp-docs pages), and the
/// code a reason quotes is code.
#[test]
fn side_by_side_columns_are_the_locales_that_have_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = polydoc(
        &repo(),
        &[
            "drift",
            "--root",
            "tests/data/real-cpp",
            "--html",
            dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let page = parse_file(
        &dir.path()
            .join("pages/error-messages/compiler-errors-1/compiler-error-c2065.html"),
    );
    let cards: Vec<String> = select(&page, ".verdicts article")
        .iter()
        .map(|a| attr(a, "id").to_owned())
        .collect();
    assert_eq!(cards, ["fr-fr", "it-it", "tr-tr"]);
    assert_eq!(
        common::attrs(&page, ".missing-in span[id]", "id"),
        ["de-de", "es-es", "ko-kr", "zh-cn"]
    );
    assert_eq!(
        texts(&page, "#fr-fr .signals li"),
        [
            "tokens line 21: this paragraph lacks C2065, which it-it, tr-tr have",
            "tokens line 79: stdafx. cpp (and 1 more on this line): machine translation split the file name stdafx.cpp at its dot, as if a sentence ended there; readers can neither type it nor search for it",
            "tokens line 138: Windows. h (and 3 more on this line): machine translation split the file name Windows.h at its dot, as if a sentence ended there; readers can neither type it nor search for it",
            "tokens line 138: afxv \\_ W32 reads afxv _ W32: machine translation split the identifier afxv_w32 at its underscores; readers can neither search for it nor type it"
        ]
    );
    assert_eq!(
        texts(&page, "#fr-fr .signals li code"),
        [
            "C2065",
            "stdafx. cpp",
            "stdafx.cpp",
            "Windows. h",
            "Windows.h",
            "afxv \\_ W32",
            "afxv _ W32",
            "afxv_w32"
        ]
    );
    assert_eq!(
        texts(&page, "table.aligned thead th"),
        ["fr-fr", "it-it", "tr-tr"]
    );
    let first_row: Vec<(&str, &str)> = select(&page, "table.aligned tbody tr:first-child pre")
        .iter()
        .map(|pre| (attr(pre, "lang"), attr(pre, "dir")))
        .collect();
    assert_eq!(
        first_row,
        [("fr-FR", "ltr"), ("it-IT", "ltr"), ("tr-TR", "ltr")],
        "each column's Markdown is marked with its language"
    );
    for row in select(&page, "table.aligned tbody tr") {
        assert_eq!(row.children().filter(|c| c.value().is_element()).count(), 3);
    }
    assert!(select(&page, "p.absent").is_empty());
    assert_eq!(texts(&page, "[id=\"it-it-L21\"] mark"), ["C2065"]);
    assert_eq!(texts(&page, "[id=\"tr-tr-L21\"] mark"), ["C2065"]);
}

#[test]
fn build_writes_the_status_pages_when_enabled() {
    let site = Fixture::new();
    site.write("polydoc.toml", "status_page = true\n");
    site.write("content/en-us/a.md", ARTICLE);
    site.write("content/es-es/a.md", ARTICLE);
    let out = site.build(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let matrix = site.html("_status/index.html");
    assert_eq!(select(&matrix, "#matrix tbody tr").len(), 1);
    assert!(site.out("_status/pages/a.html").is_file());

    let plain = Fixture::new();
    plain.write("content/en-us/a.md", ARTICLE);
    assert_eq!(plain.build(&[]).status.code(), Some(0));
    assert!(!plain.out("_status").exists());
}

/// A table cell a translation changed in a column kept as written
/// (`translation-cell-mismatch`) makes the page inconsistent, as a token
/// does: the real it-it `DATEDIFF` page differs from the others only in
/// its `q, q` for the quarter's `qq, q` (`tests/data/README.md`).
#[test]
fn a_mangled_table_cell_makes_a_page_inconsistent() {
    let (_, doc) = drift_json(&repo().join("tests/data/real-sql"), &[]);
    let path = "t-sql/functions/datediff-transact-sql.md";
    let statuses = statuses(&doc);
    for locale in ["de-de", "fr-fr", "it-it", "ja-jp"] {
        assert_eq!(
            statuses[&(path.to_owned(), locale.to_owned())],
            "inconsistent",
            "{locale}"
        );
    }
    let it = signals(&doc, path, "it-it");
    assert_eq!(it.len(), 1, "{it:?}");
    assert_eq!((it[0].0.as_str(), it[0].2), ("tokens", Some(66)), "{it:?}");
    assert!(it[0].3.starts_with("this cell reads `**q, q**`"), "{it:?}");
}

/// A page the source locale's table of contents lists and a translation's
/// does not is in no menu of that locale: navigation drift of the
/// translation. A locale without a table of contents (navigated by its
/// folders) is not compared; among peers, the minority is told.
#[test]
fn a_translation_its_table_of_contents_leaves_out_is_navigation_drift() {
    let site = Fixture::new();
    for locale in ["en-us", "es-es", "it-it", "fr-fr"] {
        site.write(&format!("content/{locale}/a.md"), "# A\n")
            .write(&format!("content/{locale}/new.md"), "# New\n");
    }
    site.write(
        "content/en-us/toc.yml",
        "- name: A\n  href: a.md\n- name: New\n  href: new.md\n",
    )
    .write("content/es-es/toc.yml", "- name: A\n  href: a.md\n")
    .write(
        "content/it-it/toc.yml",
        "- name: A\n  href: a.md\n- name: Nuovo\n  href: new.md\n",
    );
    let (code, doc) = drift_json(site.root(), &["--source", "en-us"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        statuses(&doc),
        expect(&[
            ("a.md", "en-us", "source"),
            ("a.md", "es-es", "up-to-date"),
            ("a.md", "fr-fr", "up-to-date"),
            ("a.md", "it-it", "up-to-date"),
            ("new.md", "en-us", "source"),
            ("new.md", "es-es", "inconsistent"),
            ("new.md", "fr-fr", "up-to-date"),
            ("new.md", "it-it", "up-to-date"),
        ])
    );
    assert_eq!(
        signals(&doc, "new.md", "es-es"),
        vec![(
            "navigation".to_owned(),
            true,
            None,
            "en-us lists this page in its table of contents; no table of contents of es-es does: add an entry for it there, or readers of es-es find it only by search and links".to_owned()
        )]
    );

    // Peers: two of three locales with tables list it.
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        signals(&doc, "new.md", "es-es")[0].3,
        "en-us, it-it list this page in their tables of contents; no table of contents of es-es does: add an entry for it there, or readers of es-es find it only by search and links"
    );
    assert!(signals(&doc, "new.md", "fr-fr").is_empty());
    // A source that lists the page nowhere asks nothing of translations.
    site.write("content/en-us/toc.yml", "- name: A\n  href: a.md\n");
    let (code, _) = drift_json(site.root(), &["--source", "en-us"]);
    assert_eq!(code, Some(0));
}

/// A name machine translation changed beside the anchor that keeps it is
/// what a translation must keep: token drift, as a split is. The real
/// System Error Codes translations (`tests/data/real-syserr/`) name every
/// constant otherwise; the source is up to date.
#[test]
fn a_constant_name_its_anchor_contradicts_makes_a_page_inconsistent() {
    let (_, doc) = drift_json(&repo().join("tests/data/real-syserr"), &[]);
    let path = "desktop-src/Debug/system-error-codes--0-499-.md";
    let statuses = statuses(&doc);
    assert_eq!(
        statuses[&(path.to_owned(), "en-us".to_owned())],
        "up-to-date"
    );
    for locale in ["de-de", "ru-ru"] {
        assert_eq!(
            statuses[&(path.to_owned(), locale.to_owned())],
            "inconsistent",
            "{locale}"
        );
        let names: Vec<u64> = signals(&doc, path, locale)
            .iter()
            .filter(|s| s.0 == "tokens" && s.3.contains("the constant its anchor names"))
            .filter_map(|s| s.2)
            .collect();
        assert_eq!(
            names,
            (23..=725).step_by(13).collect::<Vec<u64>>(),
            "{locale}"
        );
    }
}

/// The source page of [`hashed_translations_are_placed_by_the_text_they_were_made_from`].
const HASHED_SOURCE: &str = "---\ntitle: Codes\nms.date: 03/10/2022\n---\n# Codes\n\n| Code | Meaning |\n|---|---|\n| 0x0001 | one |\n| 0x0002 | two |\n| 0x0003 | three |\n";

/// Microsoft's pipeline writes into each translation the hash of the
/// source text it translated (`ms.openlocfilehash`: SHA-1, later SHA-256,
/// over CRLF line ends; `src/loc_hash.rs`). A translation whose hash is
/// the source page's is compared with it, with or without a source locale
/// named; one whose hash is another text's is outdated, whatever its
/// dates say.
#[test]
fn hashed_translations_are_placed_by_the_text_they_were_made_from() {
    // `HASHED_SOURCE` with CRLF line ends, through `sha1sum` and
    // `sha256sum`; the third is the SHA-1 of another text.
    let sha1 = "34be4c09cdcb6ad1e65c5d5afe78137206b0869c";
    let sha256 = "58a961fe7b94de6f0c4693a6979d5a901ddb3be221d4bac7df7481b5f2bf47fc";
    let older = "290124ed90b1dad53645ef838a35f794b85d252b";
    let translation = |hash: &str, rows: &str| {
        format!(
            "---\ntitle: Codes\nms.date: 03/10/2022\nms.openlocfilehash: {hash}\nms.lasthandoff: 04/01/2022\n---\n# Codes\n\n| Code | Meaning |\n|---|---|\n{rows}"
        )
    };
    let rows = "| 0x0001 | uno |\n| 0x0002 | dos |\n| 0x0003 | tres |\n";
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write("content/en-us/a.md", HASHED_SOURCE)
        // Made from this very text, one code changed on the way.
        .write(
            "content/de-de/a.md",
            translation(
                sha1,
                "| 0x0001 | eins |\n| 0x0020 | zwei |\n| 0x0003 | drei |\n",
            ),
        )
        .write("content/es-es/a.md", translation(sha256, rows))
        // Made from another text: the same date, and outdated.
        .write("content/fr-fr/a.md", translation(older, rows));
    let (code, doc) = drift_json(site.root(), &[]);
    assert_eq!(code, Some(1));
    let statuses = statuses(&doc);
    for (locale, status) in [
        ("en-us", "source"),
        ("de-de", "inconsistent"),
        ("es-es", "up-to-date"),
        ("fr-fr", "outdated"),
    ] {
        assert_eq!(
            statuses[&("a.md".to_owned(), locale.to_owned())],
            status,
            "{locale}"
        );
    }
    assert_eq!(
        signals(&doc, "a.md", "fr-fr"),
        vec![(
            "version".to_owned(),
            true,
            None,
            "translated from another version of the en-us source page than the one here: its ms.openlocfilehash `290124ed90` is the hash of the text it was made from, and the source page's text as it is here hashes to another; bring the translation up to date".to_owned()
        )]
    );
    // de-de's changed code is told against the source it was made from.
    let de = signals(&doc, "a.md", "de-de");
    assert_eq!(
        de.iter()
            .map(|(kind, drift, line, _)| (kind.as_str(), *drift, *line))
            .collect::<Vec<_>>(),
        [("tokens", true, Some(12))]
    );
    // The published fr-fr page says it is outdated, the others do not.
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let fr = site.html("fr-fr/a.html");
    let notice = select(&fr, "aside.outdated-notice a");
    assert_eq!(attr(&notice[0], "href"), "../en-us/a.html");
    for locale in ["de-de", "es-es"] {
        let page = site.html(&format!("{locale}/a.html"));
        assert!(
            select(&page, "aside.outdated-notice").is_empty(),
            "{locale}"
        );
    }

    // Without a source locale named, the hash still ties de-de to the
    // page it was made from, and `check` compares the two.
    std::fs::remove_file(site.root().join("polydoc.toml")).unwrap();
    let (_, doc) = common::check_json(site.root(), &[]);
    assert_eq!(
        common::findings(&doc),
        common::set(&[("translation-token-mismatch", "content/de-de/a.md", 12)])
    );
}

/// Microsoft's WMI scripting pages (`tests/data/README.md`): the de-de
/// `SWbemNamedValueSet.Clone` carries `ms.openlocfilehash: 17678d36…`,
/// which is the SHA-1 of the en-us page kept beside it (CRLF line ends):
/// made from that very text, it is compared with it, and two of its links
/// to `SWbemNamedValueSet` lost the name. The three other de-de pages were
/// made from other versions than the en-us copies here.
#[test]
fn real_wmi_translations_are_placed_by_the_source_text_they_hash() {
    let root = repo().join("tests/data/real-wmi");
    let (code, doc) = drift_json(&root, &["--source", "en-us"]);
    assert_eq!(code, Some(1));
    let page = |name: &str| format!("desktop-src/WmiSdk/{name}.md");
    let statuses = statuses(&doc);
    for (name, status) in [
        ("swbemnamedvalueset-clone", "inconsistent"),
        ("swbemnamedvalueset-deleteall", "outdated"),
        ("swbemnamedvalueset-remove", "outdated"),
        ("swbemobject-associatorsasync-", "outdated"),
        ("swbemservices-associatorsofasync", "missing"),
    ] {
        assert_eq!(
            statuses[&(page(name), "de-de".to_owned())],
            status,
            "{name}"
        );
    }
    let versions: Vec<String> = signals(&doc, &page("swbemnamedvalueset-remove"), "de-de")
        .into_iter()
        .filter(|s| s.0 == "version")
        .map(|s| s.3)
        .collect();
    assert_eq!(
        versions,
        [
            "translated from another version of the en-us source page than the one here: its ms.openlocfilehash `d41ecd7d28` is the hash of the text it was made from, and the source page's text as it is here hashes to another; bring the translation up to date"
        ]
    );
    // No version signal on the page made from the text beside it.
    let clone = signals(&doc, &page("swbemnamedvalueset-clone"), "de-de");
    assert!(clone.iter().all(|s| s.0 != "version"), "{clone:?}");
    // "Accessing Data from Device Drivers": de-de and zh-tw were made from
    // the en-us text beside them (its SHA-256, `82bec478…`), so they are
    // compared with it: each changed the registry value
    // `**ProcessStrandedClasses**` in bold (line 43) and split the paths
    // of lines 17 and 43 (`tests/split_paths.rs`), zh-tw dropped the
    // extension of `Wmiprov.log` twice (lines 29 and 31,
    // `tests/truncated_file_names.rs`), and nothing else differs.
    let drivers = page("accessing-data-from-device-drivers");
    for (locale, lines) in [
        ("de-de", [17, 43, 43, 43].as_slice()),
        ("zh-tw", &[17, 29, 31, 43, 43]),
    ] {
        assert_eq!(
            statuses[&(drivers.clone(), locale.to_owned())],
            "inconsistent",
            "{locale}"
        );
        let told: Vec<(String, Option<u64>)> = signals(&doc, &drivers, locale)
            .into_iter()
            .map(|s| (s.0, s.2))
            .collect();
        let expected: Vec<(String, Option<u64>)> = lines
            .iter()
            .map(|&line| ("tokens".to_owned(), Some(line)))
            .collect();
        assert_eq!(told, expected, "{locale}");
    }

    let (_, doc) = common::check_json(&root, &[]);
    // Compared with their source, which no polydoc.toml names here but
    // the translations' hashes tell, the device-driver pages give the
    // name in bold each changed, the paths each split and the log file
    // zh-tw truncated, besides their links to pages outside the sample.
    let told: Vec<_> = common::findings(&doc)
        .into_iter()
        .filter(|(rule, file, _)| file.contains("device-drivers") && rule != "broken-link")
        .collect();
    let at = |rule: &str, locale: &str, line| {
        let file = format!("content/{locale}/{drivers}");
        (rule.to_owned(), file, line)
    };
    assert_eq!(
        told,
        [
            at("split-path", "de-de", 17),
            at("split-path", "de-de", 43),
            at("split-path", "zh-tw", 17),
            at("split-path", "zh-tw", 43),
            at("translation-token-mismatch", "de-de", 43),
            at("translation-token-mismatch", "zh-tw", 43),
            at("truncated-file-name", "zh-tw", 29),
            at("truncated-file-name", "zh-tw", 31),
        ]
    );
    let file = "content/de-de/desktop-src/WmiSdk/swbemnamedvalueset-clone.md";
    let names: Vec<(u64, &str)> = common::lines_of(&doc, "translation-token-mismatch")
        .into_iter()
        .filter(|(f, _)| f == file)
        .map(|(_, line)| {
            let finding = common::finding_of(&doc, "translation-token-mismatch", file, line);
            (line, finding["message"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        names,
        [
            (
                48,
                "this link to `swbemnamedvalueset.md` reads `metadatennamedvalueset` where en-us writes the name `SWbemNamedValueSet`, which the target is named after: machine translation put words in its place, and readers lose the name"
            ),
            (
                94,
                "this link to `swbemnamedvalueset.md` reads `Austausch Elementname` where en-us writes the name `SWbemNamedValueSet`, which the target is named after: machine translation put words in its place, and readers lose the name"
            ),
        ]
    );
}

/// With the source page among the pages a translation's hash ties
/// together, the source decides: a link target changed in de-de's copy of
/// the real "Accessing Data from Device Drivers" page (`tests/data/real-wmi`)
/// is told on de-de alone, where its one peer (zh-tw) and the en-us text
/// both were made from agree. Compared as two peers, without the source,
/// both sides were told, each pointing at the other.
#[test]
fn the_source_a_hash_names_decides_between_two_translations() {
    let site = common::copy_of_real("real-wmi");
    let page = |locale: &str| {
        format!("content/{locale}/desktop-src/WmiSdk/accessing-data-from-device-drivers.md")
    };
    let de = site.root().join(page("de-de"));
    let text = std::fs::read_to_string(&de).unwrap();
    let changed = text.replacen(
        "(mofcomp.md) werden in Mofcomp.log",
        "(mofcompx.md) werden in Mofcomp.log",
        1,
    );
    assert_ne!(changed, text);
    std::fs::write(&de, changed).unwrap();
    let (_, doc) = common::check_json(site.root(), &[]);
    // Line 43: the name in bold each translation changed, told against
    // the source (`real_wmi_translations_are_placed_by_the_source_text_they_hash`).
    assert_eq!(
        common::lines_of(&doc, "translation-token-mismatch")
            .into_iter()
            .filter(|(file, _)| file.contains("device-drivers"))
            .collect::<Vec<_>>(),
        [
            (page("de-de"), 29),
            (page("de-de"), 43),
            (page("zh-tw"), 43)
        ]
    );
    let finding = common::finding_of(&doc, "translation-token-mismatch", &page("de-de"), 29);
    assert_eq!(
        finding["message"],
        "this paragraph has link `mofcompx.md` where en-us (the source), zh-tw have link `mofcomp.md`"
    );
}

/// A site that names no source locale gets the one its translations'
/// hashes name: on the real WMI sample, the de-de and zh-tw pages made
/// from the en-us text beside them (three translations) make en-us the
/// source, and every report says how it was found. Named in polydoc.toml,
/// it is simply the source; where no hash names a page here, or two
/// locales hold the same text, the locales stay peers.
#[test]
fn the_source_locale_is_found_by_the_hashes_translations_carry() {
    let root = repo().join("tests/data/real-wmi");
    let (_, doc) = drift_json(&root, &[]);
    assert_eq!(doc["source"], "en-us");
    assert_eq!(doc["source_found_in"], 3);
    let human = polydoc(&root, &["drift", "--root", "."]);
    let header = common::stdout(&human);
    assert_eq!(
        header.lines().next(),
        Some(
            "Translation status: 6 pages x 3 locales (source locale en-us: 3 translations carry the hash of its pages' text (ms.openlocfilehash))"
        )
    );
    let (_, checked) = common::check_json(&root, &["--root", ".", "--fail-on", "never"]);
    assert_eq!(checked["source"], "en-us");
    assert_eq!(checked["source_found_in"], 3);
    let said = "Source locale en-us, found by hash: 3 translations carry the hash of its pages' text (`source` in polydoc.toml names it)";
    let check = polydoc(&root, &["check", "--root", ".", "--fail-on", "never"]);
    assert!(
        stderr(&check).lines().any(|line| line == said),
        "{}",
        stderr(&check)
    );
    let dir = tempfile::tempdir().unwrap();
    let status = dir.path().join("status");
    let html = polydoc(
        &root,
        &["drift", "--root", ".", "--html", status.to_str().unwrap()],
    );
    assert_eq!(html.status.code(), Some(1), "{}", stderr(&html));
    let matrix = parse_file(&status.join("index.html"));
    let intro: Vec<String> = texts(&matrix, "p")
        .into_iter()
        .filter(|p| p.contains("Source locale"))
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        intro,
        [
            "6 pages in 3 locales. Source locale: en-us: 3 translations carry the hash of its pages' text (ms.openlocfilehash)."
        ]
    );

    // Named: the source, with nothing to say about it.
    let named = common::copy_of_real("real-wmi");
    named.write("polydoc.toml", "source = \"en-us\"\n");
    let (_, doc) = drift_json(named.root(), &[]);
    assert_eq!(doc["source"], "en-us");
    assert!(doc.get("source_found_in").is_none(), "{doc}");
    let check = polydoc(
        named.root(),
        &["check", "--root", ".", "--fail-on", "never"],
    );
    assert!(!stderr(&check).contains("found by hash"));
    let (_, checked) = common::check_json(named.root(), &["--root", ".", "--fail-on", "never"]);
    assert_eq!(checked["source"], "en-us");
    assert!(checked.get("source_found_in").is_none(), "{checked}");

    // en-us's pages changed since every hand-off: no hash names them.
    let changed = common::copy_of_real("real-wmi");
    let en = changed.root().join("content/en-us/desktop-src/WmiSdk");
    for entry in std::fs::read_dir(&en).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        std::fs::write(entry.path(), text + "\nChanged.\n").unwrap();
    }
    let (_, doc) = drift_json(changed.root(), &[]);
    assert_eq!(doc["source"], Value::Null);
    // A copy of en-us kept as en-gb: both hold the text the translations
    // name, and the site must say which is the source.
    let copied = common::copy_of_real("real-wmi");
    let content = copied.root().join("content");
    for entry in walkdir::WalkDir::new(content.join("en-us"))
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(content.join("en-us")).unwrap();
            let rel = format!("content/en-gb/{}", rel.to_str().unwrap());
            copied.write(&rel, std::fs::read(entry.path()).unwrap());
        }
    }
    let (_, doc) = drift_json(copied.root(), &[]);
    assert_eq!(doc["source"], Value::Null);
    assert_eq!(doc["locales"].as_array().map(Vec::len), Some(4));
}
