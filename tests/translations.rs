//! `polydoc check` across locales: `translation-token-mismatch` (who is
//! wrong, source versions), `mt-placeholder`, and real translations that
//! nobody wrote for polydoc (`tests/data/README.md`). Fixtures of command
//! switches and placeholders are in `switches.rs`.

mod common;

use std::collections::BTreeSet;

use common::*;

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
    // and de-de `"/z` for `/z`; in netstat ko-kr translated `-a` into
    // words ("if not specified"), and es-es's `-E` for `-e` is the same
    // switch to Windows.
    for (locale, name, line) in [
        ("es-es", "ipconfig", 37),
        ("es-es", "ipconfig", 45),
        ("pt-br", "ipconfig", 44),
        ("pt-br", "ipconfig", 45),
        ("es-es", "xcopy", 67),
        ("de-de", "xcopy", 66),
        ("ko-kr", "netstat", 38),
    ] {
        expect("translation-token-mismatch", locale, name, line);
    }
    // Placeholders the pipeline left in the German xcopy (two on line 211,
    // one finding).
    for line in [39, 158, 211] {
        expect("mt-placeholder", "de-de", "xcopy", line);
    }
    for locale in ["es-es", "ko-kr"] {
        expect("broken-link", locale, "netstat", 88);
    }
    // ko-kr's `-o` row also lost its mention of `-a` (`**-**`): a warning.
    expect("translation-token-mismatch", "ko-kr", "netstat", 42);
    // attrib in five locales: `<Path>` and `<FileName>` hidden in each,
    // and it-it's `{+|-} r`, `{+|-} s` and `{+|-} h` for the syntax's
    // `{+|-}r`, `{+|-}s` and `{+|-}h`.
    for locale in ["de-de", "es-es", "fr-fr", "it-it", "zh-cn"] {
        expect("hidden-html", locale, "attrib", 46);
    }
    for line in [41, 43, 44] {
        expect("translation-token-mismatch", "it-it", "attrib", line);
    }
    // zh-cn writes the wildcard `**?**` as a full-width `**？**`, which no
    // command line reads as one (`check/bold_symbols.rs`): a warning.
    for line in [46, 54] {
        expect("translation-token-mismatch", "zh-cn", "attrib", line);
    }
    // de-de's remarks write `**"/z**` for `**/z**`: a list item that lost
    // its mention of the switch, a warning.
    expect("translation-token-mismatch", "de-de", "xcopy", 73);
    // xcopy links seven pages, six outside the sample (line 218 links
    // attrib, which is in it).
    for locale in ["de-de", "es-es"] {
        for line in (215..=221).filter(|&l| l != 218) {
            expect("broken-link", locale, "xcopy", line);
        }
    }
    // Human translations of slmgr's options (39 rows of switches, with
    // translated placeholders) give nothing: see tests/data/README.md.
    // Human translations of the KMS client keys: zh-cn's heading names
    // Windows Server 2012 R2 above the 2019 keys. de-de's `Server2012`
    // (a space lost) is the same number, not a mismatch.
    expected.insert((
        "translation-token-mismatch".to_owned(),
        "tests/data/real/zh-cn/get-started/KMSclientkeys.md".to_owned(),
        71,
    ));
    // System requirements in six machine translations of one version:
    // de-de's quotes escaped twice (`%%amp;quot;`, four on line 73, two
    // on line 83), and in each locale the link to a page outside the
    // sample. Not fr-fr's `<a name>` anchors, which the others lack (a
    // later hand-off added them), nor `1,4` for `1.4`, `64Bit`, `512MB`
    // or ja-jp's `第 2` ("second").
    let requirements =
        |locale: &str| format!("tests/data/real/{locale}/get-started/System-Requirements.md");
    for line in [73, 83] {
        expected.insert(("escaped-entity".to_owned(), requirements("de-de"), line));
    }
    for locale in ["de-de", "es-es", "fr-fr", "ja-jp", "ko-kr", "pt-br"] {
        expected.insert(("broken-link".to_owned(), requirements(locale), 36));
    }
    // PowerShell on Nano Server, four machine translations of one
    // version: ja-jp lists `New-PSSessionOption` where the others (and
    // the source) list `New-PSTransportOption`. Not its `Get-wmiobject`
    // for `Get-WmiObject` (the same cmdlet), and not the three links to
    // pages outside the sample, which each locale has.
    let powershell =
        |locale: &str| format!("tests/data/real/{locale}/get-started/PowerShell-on-Nano-Server.md");
    expected.insert((
        "translation-token-mismatch".to_owned(),
        powershell("ja-jp"),
        121,
    ));
    for locale in ["de-de", "fr-fr", "ja-jp", "ko-kr"] {
        for line in [26, 107, 119] {
            expected.insert(("broken-link".to_owned(), powershell(locale), line));
        }
    }
    // Setting a service communications certificate (AD FS), two machine
    // translations of one version: both link the English page on
    // docs.microsoft.com (`/en-us/`, kept from the source), and both link
    // a page outside the sample.
    let certificate = |locale: &str| {
        format!(
            "tests/data/real/{locale}/identity/ad-fs/deployment/Set-a-Service-Communications-Certificate.md"
        )
    };
    for locale in ["es-es", "zh-cn"] {
        expected.insert(("hard-coded-locale".to_owned(), certificate(locale), 25));
        expected.insert(("broken-link".to_owned(), certificate(locale), 46));
    }
    // icacls in five machine translations of one version. Each of four
    // mangled switches of its own in the first column of the parameters
    // table, where the others kept them and the page's syntax block or
    // examples name them: it-it `[/ Salva ... [/t] / [c] ...]` (line 43,
    // `/save` and `/c`), `/ [c]` again (44), `/dy` for `/grant` (48),
    // `/ sostituire` (52) and `/ ripristino` (53); ko-kr `/ 저장` (43),
    // `/거부` (49), `대체 /` (52) and `복원/` (53); fr-fr `> \<sid/deny`
    // (49). Switches the page names nowhere else, written apart from
    // their `/` in the cell itself: ko-kr `/ setowner` (44), it-it
    // `InheritanceLevel` (54). In the `/remove` row's first cell, whose
    // code span `[:g | :d]]` holds a `|` (one cell, as DocFX reads it)
    // es-es writes `l` for `/l` and fr-fr `commutateur commutateur` for
    // `/t /c` (50). Not zh-cn's `/t/c/l/q`, written together, nor
    // translated switches the page names nowhere else (`/ verificare`).
    // In every locale, `<perm>` and `<sid>` outside code (lines 48 and
    // 49) and the links to two pages outside the sample.
    let icacls = |locale: &str| page(locale, "icacls");
    for (locale, line) in [
        ("it-it", 43),
        ("it-it", 44),
        ("it-it", 48),
        ("it-it", 52),
        ("it-it", 53),
        ("it-it", 54),
        ("ko-kr", 43),
        ("ko-kr", 44),
        ("ko-kr", 49),
        ("ko-kr", 52),
        ("ko-kr", 53),
        ("fr-fr", 49),
        ("es-es", 50),
        ("fr-fr", 50),
    ] {
        expected.insert((
            "translation-token-mismatch".to_owned(),
            icacls(locale),
            line,
        ));
    }
    // Permission letters machine translation turned into words in the
    // bold lists, where the other locales and the page's other items keep
    // them (`translation-cell-mismatch`): es-es `de solo` for `W`,
    // `Término` for `WEA` and `(E/s)` for `(IO)`, fr-fr `en tant que` for
    // `AS`, `Bureau à distance` for `RD` and `(E/s)`, it-it `Desktop
    // remoto` for `RD`, ko-kr `팅` for `REA`.
    for (locale, line) in [
        ("es-es", 82),
        ("es-es", 116),
        ("es-es", 132),
        ("fr-fr", 96),
        ("fr-fr", 108),
        ("fr-fr", 132),
        ("it-it", 108),
        ("ko-kr", 114),
    ] {
        expected.insert(("translation-cell-mismatch".to_owned(), icacls(locale), line));
    }
    for locale in ["es-es", "fr-fr", "it-it", "ko-kr", "zh-cn"] {
        for line in [48, 49] {
            expected.insert(("hidden-html".to_owned(), icacls(locale), line));
        }
        for line in [24, 164] {
            expected.insert(("broken-link".to_owned(), icacls(locale), line));
        }
    }
    // robocopy: es-es and fr-fr, machine translations of one version, and
    // an it-it of an older one (not compared with them). Each of the two
    // dropped the `/` of a one-letter switch the other kept, the whole
    // cell left (es-es `b` for `/b`, line 50; fr-fr `z` for `/z`, 49),
    // and both lost `/sec` (es-es `s`, fr-fr `sec`, 55), which only the
    // table itself tells: a bare word among switches (`bare-switch`), as
    // is it-it's `/ b` (50). fr-fr's parameters table and `/dcopy` row
    // carry placeholders of the pipeline. `/job` is translated in both:
    // es-es's `/trabajo` is a word its page writes ("encabezado de
    // trabajo"; 152, a warning), fr-fr's `/travail` none of its page's.
    // Not the exit codes table's `6\.` for `6` (a number all the same).
    let robocopy = |locale: &str| page(locale, "robocopy");
    for (locale, line) in [("es-es", 50), ("fr-fr", 49), ("es-es", 152)] {
        expected.insert((
            "translation-token-mismatch".to_owned(),
            robocopy(locale),
            line,
        ));
    }
    for (locale, line) in [("es-es", 55), ("fr-fr", 55), ("it-it", 50)] {
        expected.insert(("bare-switch".to_owned(), robocopy(locale), line));
    }
    for line in [37, 38, 39, 40, 54] {
        expected.insert(("mt-placeholder".to_owned(), robocopy("fr-fr"), line));
    }
    for (locale, line) in [("es-es", 183), ("fr-fr", 183), ("it-it", 182)] {
        expected.insert(("broken-link".to_owned(), robocopy(locale), line));
    }
    // findstr in five machine translations of one version, whose syntax
    // block names every switch. Lost from a first cell of the parameters
    // table: es-es `b` for `/b` (39), it-it `/ b` (39), `/ p` (50) and `/
    // [offline]` for `/off[line]` (51), pt-br `opção` ("option") for `/n`
    // (47), zh-cn `i` for `/i` (44); pt-br's `/b.` is a warning of its
    // own (`translation-cell-mismatch`, 39). de-de's examples lost their
    // mention of `**/c**` (95, a warning). Placeholders of the pipeline in
    // the parameters tables of es-es (52 to 57), de-de (52, 54) and zh-cn
    // (58), and in the metacharacters table of all but pt-br (79). In
    // each, `<Path>` and `<FileName>` hidden in a table cell (58) and the
    // link to a page outside the sample (147). Not the metacharacters
    // table's `[class]`, which every locale renders differently (es-es
    // `las`, de-de `klassi`, pt-br `classes`, zh-cn `班级`, it-it
    // `[classe]`): no two agree.
    let findstr = |locale: &str| page(locale, "findstr");
    for (locale, line) in [
        ("es-es", 39),
        ("it-it", 39),
        ("it-it", 50),
        ("it-it", 51),
        ("pt-br", 47),
        ("zh-cn", 44),
        ("de-de", 95),
    ] {
        expected.insert((
            "translation-token-mismatch".to_owned(),
            findstr(locale),
            line,
        ));
    }
    expected.insert(("translation-cell-mismatch".to_owned(), findstr("pt-br"), 39));
    for (locale, line) in [
        ("es-es", 52),
        ("es-es", 53),
        ("es-es", 54),
        ("es-es", 55),
        ("es-es", 56),
        ("es-es", 57),
        ("de-de", 52),
        ("de-de", 54),
        ("zh-cn", 58),
        ("es-es", 79),
        ("de-de", 79),
        ("it-it", 79),
        ("zh-cn", 79),
    ] {
        expected.insert(("mt-placeholder".to_owned(), findstr(locale), line));
    }
    for locale in ["de-de", "es-es", "it-it", "pt-br", "zh-cn"] {
        expected.insert(("hidden-html".to_owned(), findstr(locale), 58));
        expected.insert(("broken-link".to_owned(), findstr(locale), 147));
    }
    // tasklist in three machine translations of one version. it-it wrote
    // `> \<del modulo/m` for `/m \<Module>` (38) and `> \<filtro/Fi` for
    // `/fi \<Filter>` (43); in the filter names table, which keeps its
    // names in English, es-es writes `/IM` for `IMAGENAME` (51, where
    // fr-fr and it-it keep it), fr-fr `STATUT` and it-it `STATO` where
    // es-es keeps `STATUS`, which every page's examples write (50). Not
    // the rows no locale kept (`SESSIONNAME`, `SERVICES`, `MODULES`, each
    // rendered three ways: es-es `Server`, fr-fr `SYNCHRONISATION DES
    // IDENTITÉS`, it-it `Servizi`): nothing tells what they should read.
    // The server role upgrade matrix in three human translations of one
    // version (es-es, fr-fr, zh-tw) gives nothing: every cell of its
    // yes-or-no columns is translated (`Sí`, `Oui`, `是`), which no rule
    // may take for a changed value.
    let tasklist = |locale: &str| page(locale, "tasklist");
    for (locale, line) in [("it-it", 38), ("it-it", 43)] {
        expected.insert((
            "translation-token-mismatch".to_owned(),
            tasklist(locale),
            line,
        ));
    }
    for (locale, line) in [("es-es", 51), ("fr-fr", 50), ("it-it", 50)] {
        expected.insert((
            "translation-cell-mismatch".to_owned(),
            tasklist(locale),
            line,
        ));
    }
    for locale in ["es-es", "fr-fr", "it-it"] {
        expected.insert(("broken-link".to_owned(), tasklist(locale), 95));
    }
    // shutdown in five machine translations of one version: pt-br writes
    // `SRDF` for `/a` (45) and zh-cn `i` for `/i` (41) in the parameters
    // table; es-es and pt-br describe `<XX>:<YY>` with *XX* and *AA*
    // (52), the placeholder renamed as if it were the year. Placeholders
    // of the pipeline in zh-cn (50, 52, 72) and zh-tw (50, 52, 53, 72).
    // Not fr-fr's and pt-br's *xxx* for *XXX* (the same name), nor
    // zh-cn's and zh-tw's `**/I**` for `**/i**`, nor `**p :**` and
    // `**p：**` for `**p:**`.
    let shutdown = |locale: &str| page(locale, "shutdown");
    for (locale, line) in [("pt-br", 45), ("zh-cn", 41), ("es-es", 52), ("pt-br", 52)] {
        expected.insert((
            "translation-token-mismatch".to_owned(),
            shutdown(locale),
            line,
        ));
    }
    for (locale, line) in [
        ("zh-cn", 50),
        ("zh-cn", 52),
        ("zh-cn", 72),
        ("zh-tw", 50),
        ("zh-tw", 52),
        ("zh-tw", 53),
        ("zh-tw", 72),
    ] {
        expected.insert(("mt-placeholder".to_owned(), shutdown(locale), line));
    }
    for locale in ["es-es", "fr-fr", "pt-br", "zh-cn", "zh-tw"] {
        expected.insert(("broken-link".to_owned(), shutdown(locale), 79));
    }
    // ping in five machine translations of one version: fr-fr and zh-tw
    // translated the switch `/t` in the parameters table (`commutateur`,
    // "switch", and `一起`, "together": 39), fr-fr renamed the placeholder
    // *TOS* to *OT* (45, with the pipeline's placeholder on that line as
    // its note). The pipeline's placeholders in nine cells of de-de,
    // fr-fr and zh-cn. Not es-es's *Tos* (the same name), nor the *TTL*
    // de-de and fr-fr reword ("Gültigkeitsdauer", *durée de vie*), a
    // rewording with nothing in its place.
    let ping = |locale: &str| page(locale, "ping");
    for (locale, line) in [("fr-fr", 39), ("zh-tw", 39), ("fr-fr", 45)] {
        expected.insert(("translation-token-mismatch".to_owned(), ping(locale), line));
    }
    for locale in ["de-de", "fr-fr", "zh-cn"] {
        for line in [41, 42, 44, 45, 46, 47, 48, 49, 50, 52, 55] {
            if (locale, line) != ("fr-fr", 45) {
                expected.insert(("mt-placeholder".to_owned(), ping(locale), line));
            }
        }
    }
    for locale in ["de-de", "es-es", "fr-fr", "zh-cn", "zh-tw"] {
        expected.insert(("broken-link".to_owned(), ping(locale), 101));
    }
    // msiexec in two machine translations of one version (es-es, zh-cn).
    // es-es writes `l!` and `l` for `/l!` and `/l` (149, 150); zh-cn's
    // sentence before the repair example lost the product code
    // `{AAD3D77A-7476-...}` that the example runs (220: only zh-cn, its
    // own code writing it). Their source lists `/lp` three times (143,
    // 144, 146) and `/fc` twice (211, 216, the second meant `/fv`), in
    // both: `duplicate-table-key`. Each page repeats its `syntax`,
    // `parameters` and `examples` anchors in every section (27, 33, 46).
    let msiexec = |locale: &str| page(locale, "msiexec");
    for (locale, line) in [("es-es", 149), ("es-es", 150), ("zh-cn", 220)] {
        expected.insert((
            "translation-token-mismatch".to_owned(),
            msiexec(locale),
            line,
        ));
    }
    for locale in ["es-es", "zh-cn"] {
        for line in [144, 146, 216] {
            expected.insert(("duplicate-table-key".to_owned(), msiexec(locale), line));
        }
        for line in [27, 33, 46] {
            expected.insert(("duplicate-anchor".to_owned(), msiexec(locale), line));
        }
        expected.insert(("broken-link".to_owned(), msiexec(locale), 232));
    }
    // nbtstat in es-es alone: its table lists `/C` for the `/c` of its
    // syntax (39), and the command tells `/r` from `/R`, `/s` from `/S`:
    // a switch in the wrong case, and no repeated keys.
    let nbtstat = page("es-es", "nbtstat");
    expected.insert(("switch-case-mismatch".to_owned(), nbtstat.clone(), 39));
    expected.insert(("broken-link".to_owned(), nbtstat, 129));
    // forfiles in es-es and zh-tw, one version: zh-tw writes `一樣`
    // ("same") for `/M` (32). The `/D` cell's code span holds a `|`,
    // `[{<date> | <days>}]`, which DocFX reads as code: no cell ends
    // there and nothing is hidden (35).
    let forfiles = |locale: &str| page(locale, "forfiles");
    expected.insert((
        "translation-token-mismatch".to_owned(),
        forfiles("zh-tw"),
        32,
    ));
    for locale in ["es-es", "zh-tw"] {
        expected.insert(("broken-link".to_owned(), forfiles(locale), 104));
    }
    // chkdsk in de-de and es-es, one version: es-es writes `b` for `/b`
    // in a first cell padded with spaces (53; the caret under the `b`),
    // and `@no__t 0Volume >` for `<Volume>` (44); both leave the
    // pipeline's `file @ no__t-1nnnn >` in the remarks (94) and
    // `<FileName>` bare in a table cell (45, as their source does).
    let chkdsk = |locale: &str| page(locale, "chkdsk");
    expected.insert(("translation-token-mismatch".to_owned(), chkdsk("es-es"), 53));
    expected.insert(("mt-placeholder".to_owned(), chkdsk("es-es"), 44));
    // route in de-de, es-es and it-it, one version: it-it writes `/ p`
    // for `/p` (39). All three translate the syntax's keywords in the
    // first column (`mask`, `metric`, `if`: `Maske`, `máscara`,
    // `maschera`, ...; 42, 44, 45), which only each page's syntax block
    // tells; the commands `add`, `print` in the `<Command>` row are not
    // compared, and nothing else is reported.
    let route = |locale: &str| page(locale, "route_ws2008");
    expected.insert(("translation-token-mismatch".to_owned(), route("it-it"), 39));
    for locale in ["de-de", "es-es", "it-it"] {
        expected.insert(("broken-link".to_owned(), route(locale), 99));
        for line in [42, 44, 45] {
            expected.insert(("syntax-keyword-mismatch".to_owned(), route(locale), line));
        }
    }
    // DiskPart's create partition primary in es-es, zh-cn and zh-tw, one
    // version: keywords of `size=<n>`, `offset=<n>` and `id={...}`
    // translated (es-es `tamaño`, `desplazamiento`, `ID.`; zh-cn `大小`;
    // zh-tw `大小`, `識別碼`); the links outside the sample, two of them
    // in the `id` row's description (39), which GFM would drop: the row's
    // code span `` `<byte>  | <guid>` `` holds a `|`, read as DocFX reads
    // it, so the row has two cells, not four.
    // DNS policy for application load balancing (networking) in de-de,
    // es-es and zh-cn, machine translations of one version: prose with
    // IP addresses and percentages, PowerShell in indented code, and a
    // NOTE whose parameter name each translated its own way (`– ZoneScope`,
    // `zonaámbito`, `区域范围区域`), no token. Only the image outside the
    // sample is reported.
    for locale in ["de-de", "es-es", "zh-cn"] {
        expected.insert((
            "broken-link".to_owned(),
            format!("tests/data/real/{locale}/networking/dns/app-lb.md"),
            45,
        ));
    }
    // DiskPart's extend and shrink in es-es alone: `tamaño\=<n>` (an
    // escaped `=`), `deseado =<n>` and `mínimo =<n>` keep the `<n>` that
    // two keywords of each syntax share, so each finding names both;
    // the bare `<n>` hidden in those cells, and extend's link outside
    // the sample. Not found: extend's `<n> de\=de disco` for
    // `disk=<n>`, whose first word is no keyword at all.
    for (name, line) in [("extend", 42), ("shrink", 32), ("shrink", 33)] {
        expected.insert((
            "syntax-keyword-mismatch".to_owned(),
            page("es-es", name),
            line,
        ));
        expected.insert(("hidden-html".to_owned(), page("es-es", name), line));
    }
    expected.insert(("hidden-html".to_owned(), page("es-es", "extend"), 43));
    expected.insert(("broken-link".to_owned(), page("es-es", "extend"), 75));
    let partition = |locale: &str| page(locale, "create-partition-primary");
    for (locale, line) in [
        ("es-es", 36),
        ("es-es", 37),
        ("es-es", 39),
        ("zh-cn", 36),
        ("zh-tw", 36),
        ("zh-tw", 39),
    ] {
        expected.insert((
            "syntax-keyword-mismatch".to_owned(),
            partition(locale),
            line,
        ));
    }
    for locale in ["es-es", "zh-cn", "zh-tw"] {
        for line in [24, 39, 52, 54, 56] {
            expected.insert(("broken-link".to_owned(), partition(locale), line));
        }
    }
    // Bold that never closes, shown as asterisks (`stray-bold`): route's
    // `**systemroot\System32\Drivers\\**carpeta` (a backslash before the
    // closing `**`, and a letter right after it) in its three locales, and
    // ipconfig's `**local\* **` (a space before the closing `**`) in three.
    for locale in ["de-de", "es-es", "it-it"] {
        expected.insert(("stray-bold".to_owned(), route(locale), 50));
    }
    for locale in ["de-de", "es-es", "pt-br"] {
        expected.insert(("stray-bold".to_owned(), page(locale, "ipconfig"), 52));
    }
    for locale in ["de-de", "es-es"] {
        expected.insert(("mt-placeholder".to_owned(), chkdsk(locale), 94));
        expected.insert(("hidden-html".to_owned(), chkdsk(locale), 45));
        expected.insert(("broken-link".to_owned(), chkdsk(locale), 147));
    }
    // File names split at their dot (`split-file-name`), each written
    // whole by the page's own example: findstr's `StringList. txt` and
    // `FileList. txt` (de-de lower-cased them, it-it kept one), de-de's
    // `Proposal. txt`; shutdown's `MyApp. exe`; es-es xcopy's `TOC. yml`.
    // Names with extensions documentation seldom names, found because the
    // page's code writes them whole: findstr's `x. y` (lines 97 and 103,
    // every locale but zh-cn, which writes `a.x`) and `Results. out` (es-es
    // and pt-br, 127, among the line's others), xcopy's `XCopy. out`
    // (de-de and es-es, 156). Not es-es's, it-it's and pt-br's
    // `proposta. txt`, which translated the name too: nothing on the page
    // writes it whole.
    for (locale, line) in [
        ("de-de", 109),
        ("de-de", 127),
        ("es-es", 127),
        ("it-it", 127),
        ("pt-br", 127),
    ] {
        expected.insert(("split-file-name".to_owned(), findstr(locale), line));
    }
    for locale in ["de-de", "es-es", "it-it", "pt-br"] {
        for line in [97, 103] {
            expected.insert(("split-file-name".to_owned(), findstr(locale), line));
        }
    }
    for locale in ["es-es", "fr-fr", "pt-br"] {
        expected.insert(("split-file-name".to_owned(), shutdown(locale), 68));
    }
    expected.insert(("split-file-name".to_owned(), page("es-es", "xcopy"), 211));
    for locale in ["de-de", "es-es"] {
        expected.insert(("split-file-name".to_owned(), page(locale, "xcopy"), 156));
    }
    // A file name whose extension zh-cn dropped (`truncated-file-name`):
    // findstr's `Stringlist` where it-it writes `Stringlist.txt`. Not its
    // `Filelist`, which no locale writes whole (`Filelist. txt`), nor
    // `Results.out` translated into words (`文件结果`).
    expected.insert(("truncated-file-name".to_owned(), findstr("zh-cn"), 127));
    assert_eq!(findings(&doc), expected);
    // it-it keeps `mask`'s placeholder (`maschera \<Netmask >`): paired
    // with `mask` alone; the others name the three keywords no row names.
    let mask = finding_at(&doc, &route("it-it"), 42);
    assert_eq!(
        mask["message"],
        "`maschera` is no keyword of this command: its syntax (line 31) writes `mask <Netmask>`, which no row of this table names; machine translation translates keywords"
    );
    let si = finding_at(&doc, &route("es-es"), 45);
    assert_eq!(
        si["message"],
        "`Si` is no keyword of this command: its syntax (line 31) writes `mask <Netmask>`, `metric <Metric>` and `if <Interface>`, none of which a row of this table names; machine translation translates keywords"
    );
    assert_eq!(related(si).len(), 3);
    assert_eq!(
        finding_at(&doc, &page("es-es", "extend"), 42)["message"],
        "`tamaño` is no keyword of this command: its syntax (line 34) writes `size=<n>` and `disk=<n>`, none of which a row of this table names; machine translation translates keywords"
    );
    let id = finding_at(&doc, &partition("zh-tw"), 39);
    assert_eq!(
        id["message"],
        "`識別碼` is no keyword of this command: its syntax (line 29) writes `id={ <byte> | <guid> }`, which no row of this table names; machine translation translates keywords"
    );
    let padded = finding_where(&doc, |f| {
        f["rule"] == "translation-token-mismatch"
            && f["location"]["file"] == chkdsk("es-es").as_str()
    });
    assert_eq!(
        (
            &padded["location"]["column"],
            &padded["location"]["end_column"]
        ),
        (&serde_json::json!(11), &serde_json::json!(12))
    );
    let product = finding_where(&doc, |f| {
        f["location"]["file"] == msiexec("zh-cn").as_str() && f["location"]["line"] == 220
    });
    assert_eq!(
        product["message"],
        "this paragraph lacks `7476`, which es-es has, and this page's own code writes on line 188"
    );
    let tos = finding_where(&doc, |f| {
        f["location"]["file"] == ping("fr-fr").as_str() && f["location"]["line"] == 45
    });
    assert_eq!(
        tos["message"],
        "this table row names *OT* where es-es, de-de, zh-cn, zh-tw read *TOS*, the placeholder this page writes as `<TOS>` on line 32: machine translation renamed it"
    );
    // Its merged placeholder note points at the same rows of the other
    // locales: each line is shown once, the page's syntax and the four
    // rows.
    assert_eq!(tos["related"].as_array().map(Vec::len), Some(5));
    let renamed = finding_where(&doc, |f| {
        f["location"]["file"] == shutdown("es-es").as_str() && f["location"]["line"] == 52
    });
    assert_eq!(
        renamed["message"],
        "this table row names *AA* where fr-fr, zh-cn, zh-tw read *YY*, the placeholder this page writes as `<YY >` on line 52: machine translation renamed it"
    );
    assert_eq!(renamed["severity"], "warning");
    assert_eq!(renamed["location"]["column"], 419);
    // The page names `/a` in its syntax block (34), not in the `</a>` of
    // its first heading (23); the rows of the other locales are shown
    // once each, though the cell rule points at them too.
    let srdf = finding_where(&doc, |f| {
        f["location"]["file"] == shutdown("pt-br").as_str() && f["location"]["line"] == 45
    });
    assert_eq!(
        srdf["message"],
        "this table row lacks the switch `/a`, which es-es, fr-fr, zh-cn, zh-tw have in the same row and this page names on line 34"
    );
    assert_eq!(srdf["related"].as_array().map(Vec::len), Some(5));
    let status = finding_where(&doc, |f| {
        f["location"]["file"] == tasklist("fr-fr").as_str() && f["location"]["line"] == 50
    });
    assert_eq!(
        status["message"],
        "this cell reads `STATUT` where es-es reads `STATUS`, as this page's own code does on line 74, in a column this page keeps as they do in 7 of its 7 other rows"
    );
    // A lost mention names every locale that kept it.
    let mention = finding_where(&doc, |f| {
        f["location"]["file"] == findstr("de-de").as_str() && f["location"]["line"] == 95
    });
    assert_eq!(
        mention["message"],
        "this paragraph does not mention the switch `/c`, which es-es, it-it, pt-br, zh-cn mention in the same paragraph and this page names on line 32"
    );
    assert_eq!(mention["related"].as_array().map(Vec::len), Some(5));
    let bare = finding_where(&doc, |f| {
        f["rule"] == "translation-token-mismatch"
            && f["location"]["file"] == robocopy("es-es").as_str()
            && f["location"]["line"] == 50
    });
    assert_eq!(
        bare["message"],
        "this table row writes `b` where fr-fr has the switch `/b`"
    );
    assert_eq!(bare["location"]["column"], 2);
    assert_eq!(
        bare["notes"][0],
        "`b` is no switch, while 27 of this table's 30 rows start with one (`/s`, `/e`, `/Lev`): machine translation drops the `/` of a switch [bare-switch]"
    );
    let grant = finding_where(&doc, |f| {
        f["rule"] == "translation-token-mismatch"
            && f["location"]["file"] == icacls("it-it").as_str()
            && f["location"]["line"] == 48
    });
    assert_eq!(
        grant["message"],
        "this table row lacks the switch `/Grant`, which es-es, fr-fr, ko-kr, zh-cn have in the same row and this page names on line 29, and has `/dy` there, which no other locale has"
    );
    let letters = finding_at(&doc, &icacls("ko-kr"), 114);
    assert_eq!(
        letters["message"],
        "the bold text of this list item reads `팅` where es-es, fr-fr, it-it, zh-cn read `Rea`, in a list this page keeps as they do in 19 of its 19 other items"
    );
    let apart = finding_at(&doc, &icacls("ko-kr"), 44);
    assert_eq!(
        apart["message"],
        "this table row writes `/ setowner` where es-es, fr-fr, zh-cn have the switch `/SetOwner`"
    );
    assert_eq!(
        apart["help"],
        "write `/SetOwner` as es-es does: a command switch is one word, its `/` included"
    );
    assert_eq!(
        finding_at(&doc, &icacls("it-it"), 44)["message"],
        "this table row lacks the switch `/c`, which es-es, fr-fr, ko-kr, zh-cn have in the same row and this page names on line 29; it also writes `/ setowner` for `/SetOwner`"
    );
    // The `/remove` row is one cell up to `/q`, its code span's `|` read
    // as DocFX reads it; both switches fr-fr lost are named on line 29.
    assert_eq!(
        finding_at(&doc, &icacls("fr-fr"), 50)["message"],
        "this table row lacks the switches `/t` and `/c`, which es-es, it-it, ko-kr, zh-cn have in the same row and this page names on line 29"
    );
    let save = finding_at(&doc, &icacls("it-it"), 43);
    assert_eq!(
        save["message"],
        "this table row lacks the switches `/Save` and `/c`, which es-es, fr-fr, zh-cn have in the same row and this page names on lines 141 and 29"
    );
    let pinned = finding_where(&doc, |f| {
        f["rule"] == "hard-coded-locale" && f["location"]["file"] == certificate("zh-cn").as_str()
    });
    assert_eq!(
        pinned["message"],
        "the link `https://docs.microsoft.com/en-us/windows-server/identity/ad-fs/operations/manage-ssl-certificates-ad-fs-wap` names the locale `en-us`: readers of this `zh-cn` page land on the `en-us` page, not on their language's"
    );
    // Columns count characters: `en-us` after 97 of them, most Chinese.
    assert_eq!(
        (
            &pinned["location"]["column"],
            &pinned["location"]["end_column"]
        ),
        (&serde_json::json!(98), &serde_json::json!(103))
    );
    let cmdlet = finding_at(&doc, &powershell("ja-jp"), 121);
    assert_eq!(
        cmdlet["message"],
        "this list item has `New-PSSessionOption` where de-de, fr-fr, ko-kr have `New-PSTransportOption`"
    );
    assert_eq!(
        (
            &cmdlet["location"]["column"],
            &cmdlet["location"]["end_column"]
        ),
        (&serde_json::json!(3), &serde_json::json!(22))
    );
    let escaped = finding_where(&doc, |f| {
        f["rule"] == "escaped-entity" && f["location"]["line"] == 73
    });
    assert_eq!(
        escaped["message"],
        "`%%amp;quot;` and 3 more on this line are escaped characters machine translation left in the text: readers see `%%amp;quot;`, not `\"`"
    );
    assert_eq!(escaped["location"]["column"], 172);
    let shown: Vec<(&str, u64)> = related(escaped);
    assert_eq!(
        shown,
        [
            (requirements("de-de").as_str(), 73),
            (requirements("de-de").as_str(), 73),
            (requirements("de-de").as_str(), 73),
            (requirements("es-es").as_str(), 73),
            (requirements("fr-fr").as_str(), 73),
            (requirements("ja-jp").as_str(), 73),
            (requirements("ko-kr").as_str(), 73),
            (requirements("pt-br").as_str(), 73),
        ],
        "the other three on the line, then the same list item in each locale"
    );
    let heading = finding_where(&doc, |f| {
        f["location"]["file"]
            .as_str()
            .is_some_and(|p| p.contains("zh-cn"))
    });
    assert_eq!(
        heading["message"],
        "this heading has `2012` where es-es, de-de have `2019`"
    );
    let remark = finding_where(&doc, |f| {
        f["location"]["line"] == 73 && f["location"]["file"] == page("de-de", "xcopy")
    });
    assert_eq!(remark["severity"], "warning");
    assert_eq!(remark["location"]["column"], 20, "at the mangled `/z`");
    assert_eq!(
        remark["message"],
        "this list item does not mention the switch `/z`, which es-es mentions in the same list item and this page names on line 32 (`\"/z` here is no switch)"
    );
    let spaced = finding_where(&doc, |f| {
        f["location"]["line"] == 41 && f["location"]["file"] == page("it-it", "attrib")
    });
    assert_eq!(
        spaced["message"],
        "this table row has `{+|-} r` where es-es, de-de, fr-fr, zh-cn have `{+|-}r`, which this page's code writes on line 34"
    );
    let hidden = finding_where(&doc, |f| {
        f["rule"] == "hidden-html" && f["location"]["file"] == page("de-de", "ipconfig")
    });
    assert_eq!(
        hidden["message"],
        "`<ClassID>` is no HTML element: browsers treat it as an unknown tag and hide it"
    );
    let mangled = finding_at(&doc, &page("es-es", "ipconfig"), 37);
    assert_eq!(
        mangled["message"],
        "this table row lacks the switch `/displaydns`, which de-de, pt-br have in the same row and this page names on line 28"
    );
    assert_eq!(mangled["location"]["column"], 2);
    // A placeholder's finding shows the same block in the other locale,
    // where what was lost can be read.
    let placeholder = finding_where(&doc, |f| {
        f["rule"] == "mt-placeholder" && f["location"]["line"] == 39
    });
    let related = related(placeholder);
    assert_eq!(related, [(page("es-es", "xcopy").as_str(), 39)]);
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

/// The shape of the real de-de and pt-br `MSSQLSERVER_18456` pages (human
/// translations of one source version): de-de put two words of a table's
/// header in code spans, pt-br translated them as the source wrote them,
/// plain. With two locales nothing tells which is right, so both are told,
/// and the help sends neither maintainer to copy the other; a third
/// locale decides, and the one outvoted is told what to match.
#[test]
fn two_locales_without_evidence_are_not_told_to_copy_each_other() {
    let page = |header: &str| {
        format!(
            "# Error 18456\n\nIn this example, the state is 8.\n\n{header}\n|---|---|---|\n|2007-12-05 20:12:56.34|Logon|Error: 18456, Severity: 14, State: 8.|\n"
        )
    };
    let de = page("|Date|`Source`|`Message`|");
    let pt = page("|Data|Fonte|Mensagem|");
    let (_, doc) = run_json(&[("de-de/e.md", &de), ("pt-br/e.md", &pt)], &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", "content/de-de/e.md", 5),
            ("translation-token-mismatch", "content/pt-br/e.md", 5),
        ])
    );
    for file in ["content/de-de/e.md", "content/pt-br/e.md"] {
        let help = finding_at(&doc, file, 5)["help"]
            .as_str()
            .unwrap_or_default();
        assert!(
            help.contains("nothing on these pages tells whether this table row or")
                && help.contains("compare both with the source")
                && !help.contains("match"),
            "{file}: {help}"
        );
    }
    let it = page("|Data|Origine|Messaggio|");
    let (_, doc) = run_json(
        &[
            ("de-de/e.md", &de),
            ("pt-br/e.md", &pt),
            ("it-it/e.md", &it),
        ],
        &[],
    );
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/de-de/e.md", 5)])
    );
    let told = &finding_at(&doc, "content/de-de/e.md", 5);
    assert_eq!(
        told["message"],
        "this table row has `Source`, `Message`, which it-it, pt-br lack"
    );
    assert!(
        told["help"].as_str().is_some_and(|h| h.ends_with(
            "make this table row match it-it, pt-br; if this locale is right, correct the others"
        )),
        "{}",
        told["help"]
    );
}

/// Characters a reader types, shown alone in bold (the real `QUOTENAME`
/// pages: `tests/real_sql.rs`): a translation that wrote another is told
/// where three others agree, or against the source; not words in bold,
/// not dashes (an empty cell), not a symbol only one locale adds, and not
/// with two peers, where nothing tells which is right.
#[test]
fn characters_in_bold_a_translation_changed_are_found() {
    let page = |quotes: &str, dash: &str, label: &str| {
        format!(
            "# Q\n\nIt takes {quotes} as its delimiter.\n\n|Value|Meaning|\n|---|---|\n|1|{dash}|\n\n**{label}** It returns NULL.\n"
        )
    };
    let en = page("( **'** ) or ( **[]** )", "**-**", "Note:");
    let de = page("( **\"** ) or ( **[]** )", "**—**", "Hinweis:");
    let es = page("( **'** ) or ( **[]** ) ( **&#42;** )", "**-**", "Nota:");
    let it = page("( **'** ) or ( **[]** )", "**-**", "Nota:");
    let fr = page("( **'** ) or ( **\\[]** )", "**-**", "Remarque :");
    let (_, doc) = run_json(
        &[
            ("en-us/q.md", &en),
            ("de-de/q.md", &de),
            ("es-es/q.md", &es),
            ("it-it/q.md", &it),
            ("fr-fr/q.md", &fr),
        ],
        &[],
    );
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/de-de/q.md", 3)]),
        "an escaped bracket is the same bracket; es-es's extra `*` is no character the others type"
    );
    let told = finding_at(&doc, "content/de-de/q.md", 3);
    assert_eq!(
        told["message"],
        "this paragraph writes `\"` in bold where en-us, fr-fr, it-it write `'`: characters written alone in bold are what readers type, and machine translation changed them"
    );
    assert_eq!(replacements(told), ["'"]);

    // Two peers: nothing tells which is right. With one of them the
    // source, the other is told.
    let pair = [("en-us/q.md", en.as_str()), ("de-de/q.md", de.as_str())];
    let (_, doc) = run_json(&pair, &[]);
    assert_eq!(findings(&doc), set(&[]));
    let doc = run_json_with_source(&pair);
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/de-de/q.md", 3)])
    );
}

/// A term a block defines in bold on a line of its own (an argument, a
/// type) is a name: a translation that translated it is told, when its
/// own page shows the name is one (a heading writing it, code, or another
/// term of the section kept as the others write it). A label every
/// locale may translate (`**Example**`) leaves no such trace.
#[test]
fn terms_a_translation_translated_in_bold_are_found() {
    let page = |title: &str, first: &str, second: &str, label: &str, code: &str| {
        format!(
            "# {title}\n\n## Arguments\n\n**{first}**  \nThe first.\n\n**{second}**  \nThe second.\n\n**{label}**  \n{code}\n\n- **xml**\n- **{second}**\n"
        )
    };
    let en = page("text and image", "ntext", "text", "Example", "Done.");
    let de = page("text und image", "ntext", "text", "Beispiel", "Fertig.");
    let it = page("text e image", "ntext", "text", "Esempio", "Fatto.");
    let ja = page("text と image", "ntext", "text", "Example", "完了。");
    // pt-br translated `text` (its heading writes it) and the label,
    // which the source's and ja-jp's keep in English.
    let pt = page("text e image", "ntext", "texto", "Exemplo", "Pronto.");
    let files = [
        ("en-us/t.md", en.as_str()),
        ("de-de/t.md", de.as_str()),
        ("it-it/t.md", it.as_str()),
        ("ja-jp/t.md", ja.as_str()),
        ("pt-br/t.md", pt.as_str()),
    ];
    let (_, doc) = run_json(&files, &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-token-mismatch", "content/pt-br/t.md", 8),
            ("translation-token-mismatch", "content/pt-br/t.md", 15),
        ]),
        "`Example`: a label most locales translate"
    );
    let told = finding_at(&doc, "content/pt-br/t.md", 8);
    assert_eq!(
        told["message"],
        "this paragraph opens with `texto` in bold where en-us, de-de, it-it, ja-jp write `text`: a term in bold on a line of its own is a name readers type (an argument, a type, a keyword), and this page itself writes `text` in its heading `text e image`"
    );
    assert_eq!(replacements(told), ["text"]);
    let item = finding_at(&doc, "content/pt-br/t.md", 15);
    assert_eq!(item["location"]["column"], 5);
    assert!(
        item["message"]
            .as_str()
            .unwrap_or_default()
            .ends_with("and this page itself writes `text` in its heading `text e image`"),
        "{item}"
    );

    // Without the heading's trace, a term kept beside it (`ntext`) is
    // one, where four write the name; es-es keeps none.
    let bare = |first: &str, second: &str| {
        format!("# T\n\n**{first}**  \nThe first.\n\n**{second}**  \nThe second.\n")
    };
    let files = [
        ("en-us/b.md", bare("ntext", "text")),
        ("de-de/b.md", bare("ntext", "text")),
        ("it-it/b.md", bare("ntext", "text")),
        ("fr-fr/b.md", bare("ntext", "text")),
        ("pt-br/b.md", bare("ntext", "texto")),
        ("es-es/b.md", bare("Nota", "texto")),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    let (_, doc) = run_json(&files, &[]);
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/pt-br/b.md", 6)]),
        "es-es keeps no term as the others write it"
    );

    // Two peers: no majority. With one of them the source, it is the
    // reference; only a heading or code shows a name then, not the kept
    // `ntext` beside `Exemplo`.
    let pair = [("en-us/t.md", en.as_str()), ("pt-br/t.md", pt.as_str())];
    let (_, doc) = run_json(&pair, &[]);
    assert_eq!(findings(&doc), set(&[]));
    let doc = run_json_with_source(&pair);
    assert_eq!(
        lines_of(&doc, "translation-token-mismatch"),
        [
            ("content/pt-br/t.md".to_owned(), 8),
            ("content/pt-br/t.md".to_owned(), 15)
        ]
    );
}

/// Links a translation writes as every locale reads them: a locale
/// segment, Learn's former host name (`docs.microsoft.com`, which
/// redirects path for path) and `http` are no difference; another page is.
#[test]
fn links_to_learn_under_either_name_are_the_same_link() {
    let en = "# A\n\nSee [x](https://learn.microsoft.com/azure/x) and [y](https://learn.microsoft.com/azure/y).\n";
    let es = "# A\n\nVer [x](http://docs.microsoft.com/es-es/azure/x) y [y](https://docs.microsoft.com/azure/z).\n";
    let (_, found) = run(&[("en-us/a.md", en), ("es-es/a.md", es)], &[]);
    assert_eq!(
        found,
        set(&[
            ("translation-token-mismatch", "content/en-us/a.md", 3),
            ("translation-token-mismatch", "content/es-es/a.md", 3),
        ])
    );
    let site = Fixture::new();
    site.write("content/en-us/a.md", en)
        .write("content/es-es/a.md", es);
    let (_, doc) = check_json(site.root(), &[]);
    let es_finding = finding_where(&doc, |f| f["location"]["file"] == "content/es-es/a.md");
    assert_eq!(
        es_finding["message"],
        "this paragraph has link `https://learn.microsoft.com/azure/z` where en-us has link `https://learn.microsoft.com/azure/y`"
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

/// A translation kept by hand and dated before its source page (`ms.date`)
/// was made before the source's last revision: what the source changed
/// since is drift (`polydoc drift` calls the page outdated), not a slip,
/// so `check` does not compare the two, nor two such translations of
/// different dates (different revisions). A translation dated as the
/// source is compared, and its difference is a finding.
#[test]
fn a_translation_dated_before_its_source_is_not_compared_with_it() {
    let revised = EN
        .replace("ms.date: 01/01/2020", "ms.date: 03/10/2022")
        .replace("slmgr /dlv", "slmgr /xpr");
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write("content/en-us/a.md", &revised)
        .write("content/es-es/a.md", EN)
        .write(
            "content/de-de/a.md",
            EN.replace("ms.date: 01/01/2020", "ms.date: 06/01/2021")
                .replace("slmgr /dlv", "slmgr /ato"),
        )
        .write(
            "content/it-it/a.md",
            EN.replace("ms.date: 01/01/2020", "ms.date: 03/10/2022"),
        );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/it-it/a.md", 11)])
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

/// Link targets compare by where they lead: files are grouped by path in
/// any case (the repositories are written on Windows), so `Guide.md` in
/// one locale and `./guide.md` in another, each right for its own file,
/// are the same link; a link to another page is still a disagreement, and
/// a spelling that works only on Windows is `link-case-mismatch`'s.
#[test]
fn links_spelled_apart_to_the_same_page_agree() {
    let (_, found) = run(
        &[
            (
                "es-es/a.md",
                "# A\n\nVer [guía](Guide.md#pasos).\n\nY [otra](Other.md).\n\nY [img](Media/x.png).\n",
            ),
            ("es-es/Guide.md", "# G\n\n## <a name=\"pasos\"></a>Pasos\n"),
            ("es-es/Other.md", "# O\n"),
            ("es-es/Media/x.png", "png"),
            (
                "it-it/a.md",
                "# A\n\nVedi [guida](./guide.md#pasos).\n\nE [altra](guide.md).\n\nE [img](media/X.PNG).\n",
            ),
            ("it-it/guide.md", "# G\n\n## <a name=\"pasos\"></a>Passi\n"),
            ("it-it/other.md", "# O\n"),
            ("it-it/media/X.PNG", "png"),
        ],
        &[],
    );
    assert_eq!(
        found,
        set(&[
            ("translation-token-mismatch", "content/es-es/a.md", 5),
            ("translation-token-mismatch", "content/it-it/a.md", 5),
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
    let messages: Vec<&str> = fields(&doc, "message");
    assert_eq!(
        messages,
        [
            "this include or media block has file `media/b.png` where en-us, es-es have file `media/a.png`",
            "this list item has file `includes/m.md` where en-us, es-es have file `includes/n.md`",
        ]
    );
}

/// Anchors some translations of a heading have and others lack altogether
/// are a later hand-off's addition, not a slip; a link to one of them in
/// a page that lacks it is still `missing-anchor`.
#[test]
fn anchors_only_some_translations_have_are_no_mismatch() {
    let with = "# A\n\n## <a name=\"processor\"></a>Processeur\n\n## <a name=\"ram\"></a>RAM\n";
    let without = "# A\n\n## Procesador\n\n## RAM\n";
    let (_, found) = run(
        &[
            ("de-de/a.md", without),
            ("es-es/a.md", without),
            ("fr-fr/a.md", with),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    let linking = format!("{without}\nVer [RAM](#ram) y [CPU](#processor).\n");
    let (_, found) = run(
        &[
            ("de-de/a.md", without),
            ("es-es/a.md", &linking),
            ("fr-fr/a.md", with),
        ],
        &[],
    );
    assert_eq!(found, set(&[("missing-anchor", "content/es-es/a.md", 7)]));
}

/// `%%amp;quot;` is found wherever it is, one finding per line, with the
/// same block in the other locales; batch variables (`%%a`) and
/// percentages are not.
#[test]
fn characters_escaped_twice_are_found_and_batch_variables_are_not() {
    let en = "# A\n\nUse \"Diskpart.exe\" here.\n\n```cmd\nfor %%a in (*.txt) do echo %%a\n```\n\nAt 50% load.\n";
    let de = "# A\n\nVerwenden Sie %%amp;quot;Diskpart.exe%%amp;quot; hier.\n\n```cmd\nfor %%a in (*.txt) do echo %%a\n```\n\nBei 50% Last, l%%amp;#39;x.\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", en);
    site.write("content/de-de/a.md", de);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("escaped-entity", "content/de-de/a.md", 3),
            ("escaped-entity", "content/de-de/a.md", 9),
        ])
    );
    let quotes = finding_where(&doc, |f| f["location"]["line"] == 3);
    assert_eq!(quotes["severity"], "warning");
    assert_eq!(
        (
            &quotes["location"]["column"],
            &quotes["location"]["end_column"]
        ),
        (&serde_json::json!(15), &serde_json::json!(26))
    );
    assert_eq!(
        related(quotes),
        [("content/de-de/a.md", 3), ("content/en-us/a.md", 3)]
    );
    let apostrophe = finding_where(&doc, |f| f["location"]["line"] == 9);
    assert_eq!(
        apostrophe["message"],
        "`%%amp;#39;` is an escaped character machine translation left in the text: readers see `%%amp;#39;`, not `'`"
    );
    assert_eq!(
        apostrophe["help"],
        "write `'` (or the language's own quotation marks) instead of each `%%amp;...;`"
    );
}

/// A character reference split after its `&` (the real ja-jp SQL Server
/// pages' `& #40 です。` for `&#40;`: `tests/real_sql.rs`) is found in
/// prose and a link's text, not in code, nor where no number follows.
#[test]
fn character_references_split_with_a_space_are_found_outside_code() {
    let ja = "# A\n\n[関数 & #40 です。SQL と #41 です。](b.md) and & #x2F; here.\n\nUse `a & #40` or R& # 1 or & #define.\n\n```c\nx = y & #40;\n```\n";
    let (_, doc) = run_json(&[("ja-jp/a.md", ja), ("ja-jp/b.md", "# B\n")], &[]);
    assert_eq!(
        places(&doc),
        [
            (
                "escaped-entity".to_owned(),
                "content/ja-jp/a.md".to_owned(),
                3,
                5
            ),
            (
                "escaped-entity".to_owned(),
                "content/ja-jp/a.md".to_owned(),
                3,
                39
            ),
        ]
    );
    let slash = finding_where(&doc, |f| f["location"]["column"] == 39);
    assert_eq!(
        slash["message"],
        "`& #x2F;` is a character reference machine translation split with a space: readers see `& #x2F;`, not `/`"
    );
    assert_eq!(
        slash["help"],
        "write `&#x2F;` whole, or the character itself, and drop what the translation made of its `;`"
    );
}

/// A cmdlet put in another's place is a mismatch; a cmdlet named in one
/// translation and paraphrased in another, the same cmdlet in another
/// case, or a German compound shaped like a cmdlet (`Test-Umgebung`) is
/// not.
#[test]
fn a_cmdlet_in_another_cmdlets_place_is_a_mismatch() {
    let en = "# A\n\n- New-PSTransportOption\n\n- Use Get-WinEvent instead.\n\n- Get-WmiObject, Set-WmiInstance\n\n- In a test environment.\n";
    let fr = "# A\n\n- New-PSTransportOption\n\n- Utilisez Get-WinEvent à la place.\n\n- Get-WmiObject, Set-WmiInstance\n\n- Dans un environnement de test.\n";
    let ja = "# A\n\n- New-PSSessionOption\n\n- 代わりにイベント ログのコマンドレットを使用します。\n\n- Get-wmiobject、Set-wmiinstance\n\n- テスト環境で。\n";
    let de = "# A\n\n- New-PSTransportOption\n\n- Verwenden Sie Get-WinEvent.\n\n- Get-WmiObject, Set-WmiInstance\n\n- In einer Test-Umgebung.\n";
    let (_, found) = run(
        &[
            ("de-de/a.md", de),
            ("en-us/a.md", en),
            ("fr-fr/a.md", fr),
            ("ja-jp/a.md", ja),
        ],
        &[],
    );
    assert_eq!(
        found,
        set(&[("translation-token-mismatch", "content/ja-jp/a.md", 3)])
    );
}

/// Three real machine translations of cpp-docs' `C2065` page, made from
/// one source version (`tests/data/README.md`): C++ samples in ten code
/// blocks, keywords in bold code spans, headers escaped as `\<iostream>`.
/// fr-fr turned "the most common causes of C2065" into "… de l'ID
/// d'application": the paragraph lacks `C2065`, quoted as written, not as
/// the number compared. tr-tr's `**/yu**` for `**/Yu**` and `stbafx` for
/// `stdafx` are no token a translation must keep: not found. The rest is
/// links to pages outside the sample.
#[test]
fn real_cpp_pages_give_their_defects_and_nothing_else() {
    let root = repo().join("tests/data/real-cpp");
    let (code, doc) = check_json(&root, &[]);
    assert_eq!(code, Some(1));
    let page = |locale: &str| {
        format!("content/{locale}/error-messages/compiler-errors-1/compiler-error-c2065.md")
    };
    let mut expected = std::collections::BTreeSet::new();
    expected.insert(("translation-token-mismatch".to_owned(), page("fr-fr"), 21));
    for locale in ["fr-fr", "it-it", "tr-tr"] {
        for line in [21, 159, 209] {
            expected.insert(("broken-link".to_owned(), page(locale), line));
        }
    }
    // The `/EH` page: `** extern **` and `que**`/EHsc`**` show their
    // asterisks, `no-loc` terms glued into words, links outside the
    // sample; the API uids are left to the xref service (polydoc.toml).
    let eh =
        |locale: &str| format!("content/{locale}/build/reference/eh-exception-handling-model.md");
    for locale in ["de-de", "es-es", "fr-fr", "it-it", "ko-kr", "zh-cn"] {
        for line in [65, 77, 82, 131, 143, 157, 158, 159, 160] {
            expected.insert(("broken-link".to_owned(), eh(locale), line));
        }
    }
    for locale in ["es-es", "fr-fr", "it-it", "ko-kr"] {
        for line in [33, 48, 51, 82, 135, 137] {
            expected.insert(("stray-bold".to_owned(), eh(locale), line));
        }
    }
    for line in [33, 48, 51, 135, 137] {
        expected.insert(("stray-bold".to_owned(), eh("de-de"), line));
    }
    // zh-cn writes no space before `**` followed by a code span
    // (`为**`/EHs /EHc-`**`), which CommonMark then leaves as asterisks.
    for line in [
        45, 48, 51, 54, 57, 59, 65, 69, 71, 73, 77, 80, 82, 84, 86, 129, 131, 135, 137,
    ] {
        expected.insert(("stray-bold".to_owned(), eh("zh-cn"), line));
    }
    // it-it's machine translation glued the source after two headings and
    // a link text (`eccezioniErrors and Exception Handling`, its target
    // `errors-and-exception-handling-modern-cpp.md`); not after the link
    // text `compilatore MSVCMSVC Compiler Command-Line Syntax`, whose glue
    // (`MSVCMSVC`) shows no change of case.
    for line in [127, 139, 159] {
        expected.insert(("appended-source-text".to_owned(), eh("it-it"), line));
    }
    // `throw()``__declspec(nothrow)`: one code span where the others have two.
    expected.insert(("translation-token-mismatch".to_owned(), eh("zh-cn"), 137));
    for (locale, line) in [
        ("de-de", 65),
        ("de-de", 82),
        ("de-de", 160),
        ("es-es", 65),
        ("es-es", 160),
        ("fr-fr", 65),
        ("fr-fr", 82),
        ("fr-fr", 160),
        ("it-it", 65),
        ("it-it", 82),
        ("it-it", 160),
    ] {
        expected.insert(("glued-no-loc-term".to_owned(), eh(locale), line));
    }
    // `stdafx. cpp` and `C2065_pch. cpp`, split at their dots, which the
    // example's code writes whole (`split-file-name`); tr-tr's is
    // `stbafx. cpp`, a name the page writes nowhere, told as a source
    // file's is without evidence. And `Windows. h`, which no page of the
    // group writes whole: a header's extension is evidence enough.
    for locale in ["fr-fr", "it-it", "tr-tr"] {
        expected.insert(("split-file-name".to_owned(), page(locale), 79));
        expected.insert(("split-file-name".to_owned(), page(locale), 138));
    }
    // fr-fr and it-it also split `afxv_w32` at its underscore
    // (`afxv \_ W32. h`), which the next sentence writes whole
    // (`split-identifier`); tr-tr dropped the underscore (`afxv W32.`).
    for locale in ["fr-fr", "it-it"] {
        expected.insert(("split-identifier".to_owned(), page(locale), 138));
    }
    assert_eq!(findings(&doc), expected);
    let lost = finding_where(&doc, |f| {
        f["rule"] == "translation-token-mismatch" && f["location"]["file"] == page("fr-fr").as_str()
    });
    assert_eq!(
        lost["message"],
        "this paragraph lacks `C2065`, which it-it, tr-tr have"
    );
    assert_eq!(
        related(lost),
        [(page("it-it").as_str(), 21), (page("tr-tr").as_str(), 21)]
    );
    // The code compared is the number, `2065`; the places point at the
    // word a reader looks for, `C2065`, as the message quotes it.
    let columns: Vec<(&serde_json::Value, &serde_json::Value)> = lost["related"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|r| (&r["location"]["column"], &r["location"]["end_column"]))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        columns,
        [(&147.into(), &152.into()), (&92.into(), &97.into())]
    );
    let appended = finding_at(&doc, &eh("it-it"), 139);
    assert_eq!(
        appended["message"],
        "this heading ends with its source text glued to the translation: `Set the option in Visual Studio or programmatically`, the text its anchor `set-the-option-in-visual-studio-or-programmatically` was made from"
    );
    assert_eq!(appended["location"]["column"], 128);
    let glued: Vec<&str> = doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "glued-no-loc-term")
        .filter_map(|f| f["message"].as_str())
        .map(|m| m.split('`').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(
        glued,
        [
            "SEHunterstützt",
            "SEHwird",
            "Ausnahmespezifikationenthrow",
            "queSEHadmite",
            "Especificacionesthrowde",
            "enSEHcharge",
            "SEHCMD",
            "Spécificationsthrowd",
            "cheSEHsupporta",
            "SEHil",
            "dellethroweccezioni"
        ]
    );
}

/// The real ko-kr machine translation of azure-docs' AADSTS error codes
/// page and the fr-fr human translation of the same source version
/// (`tests/data/README.md`): a table of 250 codes, placeholders in braces
/// and quotes, paths as link texts. Three of those paths came out of
/// machine translation mangled (`. /manage-apps/... # 사용자가 할당 되지
/// 않음-역할`), which `mangled-link-text` finds in ko-kr. The two pages
/// keep every code, code span, link and address of every row alike, so
/// the 250 rows compared give no cross-locale finding; nothing else is a
/// finding but the links to pages outside the sample, in both.
#[test]
fn real_aadsts_page_gives_its_mangled_link_texts_and_nothing_else() {
    let (code, doc) = check_json(&repo().join("tests/data/real-aad"), &[]);
    assert_eq!(code, Some(1));
    let file = "content/ko-kr/active-directory/develop/reference-aadsts-error-codes.md";
    let french = "content/fr-fr/active-directory/develop/reference-aadsts-error-codes.md";
    let mut expected: Vec<(&str, &str, u64)> = Vec::new();
    for page in [file, french] {
        for line in [27, 61, 95, 98, 99, 199, 256, 321] {
            expected.push(("broken-link", page, line));
        }
    }
    for line in [99, 143, 256] {
        expected.push(("mangled-link-text", file, line));
    }
    assert_eq!(findings(&doc), set(&expected));
    assert_eq!(
        finding_at(&doc, file, 143)["message"],
        "this link text is its target as machine translation left it: `. /manage-apps/application-sign-in-problem-federated-sso-gallery.md # 사용자가 할당 되지 않음-역할` for `../manage-apps/application-sign-in-problem-federated-sso-gallery.md#user-not-assigned-a-role`"
    );
}

/// Identifiers split at their underscores: constants in capitals, two
/// underscores in a row, and two underscores each between words are
/// found, with what the identifier reads where the page tells it; the
/// underscore named in prose, one between two words, and code are not.
#[test]
fn identifiers_split_at_their_underscores_are_found_and_the_underscore_in_prose_is_not() {
    let en = "# A\n\nIt returns ERROR\\_MORE\\_DATA here.\n\nRun the **\\_\\_try** block.\n\nName it with letters and the \\_ character.\n\nSee `ERROR _ MORE _ DATA`.\n\nThe value STATUS\\_STACK\\_OVERFLOW.\n";
    let it = "# A\n\nRestituisce ERROR \\_ MORE \\_ DATA qui.\n\nEsegui il blocco **\\_ \\_ try**.\n\nUsa lettere e il carattere \\_ trattino.\n\nVedi `ERROR _ MORE _ DATA`.\n\nIl valore Stato \\_ Stapel \\_ Überlauf.\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", en);
    site.write("content/it-it/a.md", it);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0), "warnings only");
    assert_eq!(
        findings(&doc),
        set(&[
            ("split-identifier", "content/it-it/a.md", 3),
            ("split-identifier", "content/it-it/a.md", 5),
            ("split-identifier", "content/it-it/a.md", 11),
        ])
    );
    let constant = finding_at(&doc, "content/it-it/a.md", 3);
    assert_eq!(constant["severity"], "warning");
    assert_eq!(
        constant["message"],
        "`ERROR \\_ MORE \\_ DATA` reads `ERROR _ MORE _ DATA`: machine translation split the identifier `ERROR_MORE_DATA` at its underscores; readers can neither search for it nor type it"
    );
    // The English page's same paragraph writes it whole.
    assert_eq!(
        constant["help"],
        "write `ERROR_MORE_DATA` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert_eq!(
        (
            &constant["location"]["column"],
            &constant["location"]["end_column"]
        ),
        (&serde_json::json!(13), &serde_json::json!(34))
    );
    // The same block in the other translation of the source version shows
    // how it reads.
    assert_eq!(related(constant), [("content/en-us/a.md", 3)]);
    assert_eq!(
        finding_at(&doc, "content/it-it/a.md", 11)["help"],
        "write the identifier in one piece, as the source does (the same block in the page's other translations, below, shows it); in a code span (`` `…` ``) translation leaves it alone"
    );
}

/// Identifiers split after each underscore, the parts glued to the word
/// before: two such underscores between words are a split; one is not,
/// without the same block elsewhere writing the identifier whole (`the
/// MS\_ prefix`), nor are identifiers written whole, nor code.
#[test]
fn identifiers_split_beside_their_underscores_are_found_and_one_prefix_is_not() {
    let en = "# A\n\nThe error Contoso_Runtime_FraudRisk is shown.\n\nNames start with the MS\\_ prefix.\n\nFiles end in \\_tmp here.\n\nSee `Contoso_ Runtime_ FraudRisk`.\n\nThe value my\\_value\\_name.\n";
    let lt = "# A\n\nKlaida \"Contoso\\_ Runtime\\_ FraudRisk\" rodoma.\n\nPavadinimai prasideda MS\\_ priešdėliu.\n\nFailai baigiasi \\_tmp čia.\n\nŽr. `Contoso_ Runtime_ FraudRisk`.\n\nReikšmė my\\_ value\\_ name.\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", en);
    site.write("content/lt-lt/a.md", lt);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0), "warnings only");
    assert_eq!(
        findings(&doc),
        set(&[
            ("split-identifier", "content/lt-lt/a.md", 3),
            ("split-identifier", "content/lt-lt/a.md", 11),
        ])
    );
    let runtime = finding_at(&doc, "content/lt-lt/a.md", 3);
    assert_eq!(
        runtime["message"],
        "`Contoso\\_ Runtime\\_ FraudRisk` reads `Contoso_ Runtime_ FraudRisk`: machine translation split the identifier `Contoso_Runtime_FraudRisk` at its underscores; readers can neither search for it nor type it"
    );
    assert_eq!(
        runtime["help"],
        "write `Contoso_Runtime_FraudRisk` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert_eq!(
        finding_at(&doc, "content/lt-lt/a.md", 11)["help"],
        "write `my_value_name` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
}

/// The real de-de and it-it machine translations of win32's
/// `GetExceptionCode` page (`tests/data/README.md`): every constant of its
/// return codes table, and of the sentences naming `__try` and the
/// filter's results, split at its underscores and mostly translated
/// (`VIOLAZIONE \_ DI ACCESSO ALLE \_ ECCEZIONI`); de-de, a side-by-side
/// page, is told each constant from the source text beside it. Nothing
/// else is reported but the links to pages outside the sample.
#[test]
fn real_win32_pages_give_their_split_constants_and_nothing_else() {
    let (code, doc) = check_json(&repo().join("tests/data/real-win32"), &[]);
    assert_eq!(code, Some(1));
    let page = |locale: &str| format!("content/{locale}/desktop-src/Debug/getexceptioncode.md");
    let mut expected = BTreeSet::new();
    for locale in ["de-de", "it-it"] {
        for line in [84, 94, 117, 120] {
            expected.insert(("broken-link".to_owned(), page(locale), line));
        }
        for line in (52..=74).chain([82, 86]) {
            expected.insert(("split-identifier".to_owned(), page(locale), line));
        }
    }
    // de-de's `"Winbase. h" und "Winnt. h"`, which the English beside the
    // sentence writes whole (`split-file-name`); it-it keeps `WinBase.h`.
    expected.insert(("split-file-name".to_owned(), page("de-de"), 46));
    let found: BTreeSet<_> = findings(&doc)
        .into_iter()
        .filter(|(_, file, _)| file.contains("/Debug/"))
        .collect();
    assert_eq!(found, expected);
    let german = finding_at(&doc, &page("de-de"), 52);
    assert_eq!(
        german["help"],
        "write the identifier as the source text beside it does (`EXCEPTION_ACCESS_VIOLATION`), in one piece; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert_eq!(
        finding_at(&doc, &page("de-de"), 82)["help"],
        "write the identifier as the source text beside it does (`__try`, `__except`), in one piece; in a code span (`` `…` ``) translation leaves it alone"
    );
    let italian = finding_at(&doc, &page("it-it"), 52);
    assert!(
        italian["message"].as_str().is_some_and(|m| m
            .starts_with("`VIOLAZIONE \\_ DI` (and 3 more on this line) reads `VIOLAZIONE _ DI`")),
        "{italian}"
    );
    // No other translation of its version: nothing below to read it from.
    assert_eq!(
        italian["help"],
        "write the identifier in one piece, as the source page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    // The English beside the same row of de-de (another source version:
    // the constant did not change) writes it whole.
    assert_eq!(
        finding_at(&doc, &page("it-it"), 55)["help"],
        "write `EXCEPTION_DATATYPE_MISALIGNMENT` in one piece, as the source text beside the de-de page's sentence does; in a code span (`` `…` ``) translation leaves it alone"
    );
}

/// The real en-us source and the es-es and de-de (side-by-side) machine
/// translations of win32's `CBasePin.EnumMediaTypes` page
/// (`tests/data/README.md`): both translations split the class's member
/// name at its dot in the title and heading (`CBasePin. EnumMediaTypes`,
/// de-de lower-casing it too), which their `api_name` names whole, and
/// the qualified names of the description and two links after their
/// `::` (`IPin:: EnumMediaTypes`); de-de also writes the names of its
/// prose in lower case (`ienummediatypes`). The English source has none
/// of it.
#[test]
fn real_win32_class_pages_give_their_split_member_names() {
    let (_, doc) = check_json(&repo().join("tests/data/real-win32"), &[]);
    let page = |locale: &str| {
        format!("content/{locale}/desktop-src/DirectShow/cbasepin-enummediatypes.md")
    };
    let found: BTreeSet<_> = findings(&doc)
        .into_iter()
        .filter(|(rule, file, _)| file.contains("/DirectShow/") && rule != "broken-link")
        .collect();
    let mut expected = BTreeSet::new();
    for locale in ["de-de", "es-es"] {
        for line in [2, 4, 26, 28, 74] {
            expected.insert(("split-member-name".to_owned(), page(locale), line));
        }
    }
    // Split constants (`E \_ outo-Memory`) and file names written whole
    // elsewhere (de-de's side-by-side source; es-es's `api_location` lists
    // `Strmbase.lib`).
    for line in [60, 61, 62] {
        expected.insert(("split-identifier".to_owned(), page("de-de"), line));
    }
    // es-es's `S \_ correcto` too, for the `S\_OK` of its English source's
    // same row, and `\_puntero E`, `E_POINTER` reordered.
    for line in [60, 61, 62] {
        expected.insert(("split-identifier".to_owned(), page("es-es"), line));
    }
    // And de-de's `Straumbase. lib` and `Straumbasd. lib`, which machine
    // translation also misspelled (the source beside them writes
    // `Strmbase.lib`): a library's extension is evidence enough.
    for line in [4, 82, 83] {
        expected.insert(("split-file-name".to_owned(), page("de-de"), line));
    }
    // de-de's names written in lower case, which its code and the English
    // beside each sentence write with their capitals: `enummediatypes`
    // in the description, `ienummediatypes`, `cenummediatypes`,
    // `Cbasepin-Klasse`.
    for line in [2, 48, 72, 74, 91] {
        expected.insert(("lowercased-name".to_owned(), page("de-de"), line));
    }
    // es-es's `Amfilter. h` in the title and the requirements table, which
    // only its English source writes whole.
    for line in [4, 82, 83] {
        expected.insert(("split-file-name".to_owned(), page("es-es"), line));
    }
    assert_eq!(found, expected);
    // The finding of `rule` on a line that may hold several.
    let of = |rule: &str, locale: &str, line: u64| finding_of(&doc, rule, &page(locale), line);
    let header = of("split-file-name", "es-es", 4);
    assert_eq!(
        header["help"],
        "write `Amfilter.h` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    // Where the English page writes it whole, and the title of the other
    // translation of its version.
    assert_eq!(
        related(header),
        [(page("en-us").as_str(), 4), (page("de-de").as_str(), 4)]
    );
    // `S \_ correcto`: an underscore between two words, which the same row
    // of the English source shows to be `S_OK` split.
    let correcto = of("split-identifier", "es-es", 60);
    assert_eq!(
        correcto["help"],
        "write `S_OK` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert_eq!(related(correcto)[0], (page("en-us").as_str(), 55));
    assert_eq!(
        of("split-identifier", "es-es", 62)["message"],
        "`\\_puntero E` reads `_puntero E`: machine translation split the identifier `E_POINTER` at its underscore and put its parts in another order; readers can neither search for it nor type it"
    );

    let member = |locale: &str, line: u64| of("split-member-name", locale, line);
    let title = member("de-de", 4);
    assert_eq!(
        title["message"],
        "`Cbasepin. enummediatypes`: machine translation split the member name `CBasePin.EnumMediaTypes` at its dot, as if a sentence ended there; readers can neither search for it nor type it"
    );
    assert_eq!(
        title["help"],
        "write `CBasePin.EnumMediaTypes` in one piece, as the page does elsewhere; in a code span (`` `…` ``) translation leaves it alone"
    );
    // The `api_name` entry, and the title of the other translation.
    assert_eq!(
        related(title),
        [(page("de-de").as_str(), 11), (page("es-es").as_str(), 4)]
    );
    let scope = member("es-es", 74);
    assert_eq!(
        scope["message"],
        "`CBasePin:: GetMediaType`: machine translation put a space inside the qualified name `CBasePin::GetMediaType`; readers can neither search for it nor type it"
    );
    // Only its English source writes it whole.
    assert_eq!(
        scope["help"],
        "write `CBasePin::GetMediaType` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert_eq!(related(scope)[0], (page("en-us").as_str(), 69));
    let lowered = of("lowercased-name", "de-de", 72);
    assert_eq!(
        lowered["message"],
        "`ienummediatypes` (and 1 more on this line): machine translation wrote the name `IEnumMediaTypes` in lower case; C, C++ and COM names are case-sensitive, so readers who copy it get no such name"
    );
    assert_eq!(
        lowered["help"],
        "write `IEnumMediaTypes` with its capitals, as the page does elsewhere; in a code span (`` `…` ``) translation leaves it alone"
    );
    // The syntax block's declaration.
    assert_eq!(related(lowered)[0], (page("de-de").as_str(), 35));
    // de-de's source text beside the sentence writes it whole.
    assert_eq!(
        member("de-de", 74)["help"],
        "write `CBasePin::GetMediaType` in one piece, as the page does elsewhere; in a code span (`` `…` ``) translation leaves it alone"
    );
}

/// Evidence from the page's source: a qualified name spaced on both
/// sides of its `::` (French typography) is found where the source
/// writes it whole, and a Python classifier, which reads the same, is
/// not; a name also misspelled is told by the name written right; an
/// underscore between two words is a split where the same block in the
/// source writes the identifier, and so is an underscore before the
/// identifier's prefix moved after its translated part (`\_ peinture WM`)
/// or dropped (`\_ FAIL`); the character named in prose is not, nor a name
/// that starts with an underscore (`\_DEBUG`) beside one that ends so.
#[test]
fn names_are_found_split_where_the_source_writes_them_whole() {
    let en = "# A\n\nCall IPin::Connect first; classifiers read License :: OSI.\n\nIt returns **S\\_OK**.\n\nThe \\_ character separates words.\n\nSee IEnumPins::Next.\n\nSend **WM\\_PAINT** now; names may start with \\_ and ABC.\n\nIt fails with **E\\_FAIL** then.\n\nDefine MY\\_DEBUG, not \\_DEBUG.\n";
    let fr = "# A\n\nAppelez IPin :: Connect d'abord ; License :: OSI.\n\nRenvoie **S \\_ correct**.\n\nLe caractère \\_ sépare les mots.\n\nVoir Ienumpinss:: Next.\n\nEnvoyez **\\_ peinture WM** ; les noms commencent par \\_ et ABC.\n\nIl échoue avec **\\_ FAIL** ensuite.\n\nDéfinissez MY\\_DEBUG, pas \\_DEBUG.\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", en);
    site.write("content/fr-fr/a.md", fr);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0), "warnings only");
    assert_eq!(
        findings(&doc),
        set(&[
            ("split-member-name", "content/fr-fr/a.md", 3),
            ("split-identifier", "content/fr-fr/a.md", 5),
            ("split-member-name", "content/fr-fr/a.md", 9),
            ("split-identifier", "content/fr-fr/a.md", 11),
            ("split-identifier", "content/fr-fr/a.md", 13),
        ])
    );
    assert_eq!(
        finding_at(&doc, "content/fr-fr/a.md", 13)["message"],
        "`\\_ FAIL` reads `_ FAIL`: machine translation dropped the first part of the identifier `E_FAIL`; readers can neither search for it nor type it"
    );
    // `\_ peinture WM` is `WM_PAINT` reordered, as the source's same
    // paragraph shows; `\_ et ABC`, the character named before a word in
    // capitals, is no identifier the source writes there.
    assert_eq!(
        finding_at(&doc, "content/fr-fr/a.md", 11)["message"],
        "`\\_ peinture WM` reads `_ peinture WM`: machine translation split the identifier `WM_PAINT` at its underscore and put its parts in another order; readers can neither search for it nor type it"
    );
    let spaced = finding_at(&doc, "content/fr-fr/a.md", 3);
    assert_eq!(
        spaced["help"],
        "write `IPin::Connect` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert_eq!(related(spaced)[0], ("content/en-us/a.md", 3));
    let split = finding_at(&doc, "content/fr-fr/a.md", 5);
    assert_eq!(
        split["help"],
        "write `S_OK` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert_eq!(
        finding_at(&doc, "content/fr-fr/a.md", 9)["message"],
        "`Ienumpinss:: Next`: machine translation put a space inside the qualified name `IEnumPins::Next` and misspelled it; readers can neither search for it nor type it"
    );
}

/// A link whose text spells an API name in Cyrillic letters, where the
/// same link elsewhere writes it, or such a name in bold where the same
/// paragraph elsewhere has it in bold, is `transliterated-name`; a word of
/// English origin spelled in Russian on purpose, a translation, or a
/// phrase, is not.
#[test]
fn names_spelled_in_cyrillic_letters_are_found_and_russian_words_are_not() {
    let en = "# A\n\nCall [**UpdateWindow**](https://example.com/u), then [**Server**](https://example.com/s), [**GetMessage**](https://example.com/g) and [**RedrawWindow**](https://example.com/r).\n\nIf **GetUpdateRect** fails, the **Server** stops.\n";
    let ru = "# A\n\nВызовите [**упдатевиндов**](https://example.com/u), затем [**Сервер**](https://example.com/s), [**Сообщение**](https://example.com/g) и [**функцию редраввиндов**](https://example.com/r).\n\nЕсли **жетупдатерект** не работает, **Сервер** останавливается.\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", en);
    site.write("content/ru-ru/a.md", ru);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0), "warnings only");
    assert_eq!(
        findings(&doc),
        set(&[
            ("transliterated-name", "content/ru-ru/a.md", 3),
            ("transliterated-name", "content/ru-ru/a.md", 5),
        ])
    );
    let spelled = finding_of(&doc, "transliterated-name", "content/ru-ru/a.md", 3);
    assert_eq!(
        (
            &spelled["location"]["column"],
            &spelled["location"]["end_column"]
        ),
        (&serde_json::json!(11), &serde_json::json!(27))
    );
    assert_eq!(related(spelled), [("content/en-us/a.md", 3)]);
    // In bold outside a link: the name, not the word of English origin.
    let bold = finding_of(&doc, "transliterated-name", "content/ru-ru/a.md", 5);
    assert_eq!(
        bold["message"],
        "`жетупдатерект` is the name `GetUpdateRect` spelled in Cyrillic letters, as machine translation writes how a name sounds; readers can neither search for it nor type it"
    );
    assert_eq!(
        doc["findings"].as_array().map(Vec::len),
        Some(2),
        "`**Сервер**` is a Russian word: {doc:#}"
    );
}

/// The real `IEnumUserIdentity::GetCount` page of win32 in English and
/// four machine translations (`tests/data/README.md`): es-es and de-de
/// of one source version, fr-fr and it-it of a later one. Each finding
/// of the five is asserted: es-es's `S \_ correcto`, an underscore between
/// two words that the English beside the sentence (`S\_OK`) shows to be
/// a split; fr-fr's `IEnumUserIdentity :: GetCount`, spaced on both
/// sides as French writes a colon, found because its source writes it
/// whole; de-de's `Ienumumuseridentity:: Reset`, whose name machine
/// translation also misspelled, told by the name its source writes.
#[test]
fn real_win32_method_pages_give_their_split_and_misspelled_names() {
    let (_, doc) = check_json(&repo().join("tests/data/real-win32"), &[]);
    let page =
        |locale: &str| format!("content/{locale}/desktop-src/shell/ienumuseridentity-getcount.md");
    let found: BTreeSet<_> = findings(&doc)
        .into_iter()
        .filter(|(_, file, _)| file.contains("/shell/"))
        .collect();
    let mut expected = BTreeSet::new();
    let mut expect = |rule: &str, locale: &str, lines: &[u64]| {
        for &line in lines {
            expected.insert((rule.to_owned(), page(locale), line));
        }
    };
    // The pages the see-also list and the notice link to are not in the
    // sample.
    expect("broken-link", "en-us", &[20, 78, 81, 84, 87]);
    for locale in ["de-de", "es-es", "fr-fr", "it-it"] {
        expect("broken-link", locale, &[25, 83, 86, 89, 92]);
    }
    expect("split-member-name", "de-de", &[4, 23, 86, 89, 92]);
    expect("split-member-name", "es-es", &[4, 23, 86, 89, 92]);
    // fr-fr's last see-also link translated the member (`:: suivant`):
    // it-it's same link reads `IEnumUserIdentity::Next`, as its target's
    // file name says.
    expect("split-member-name", "fr-fr", &[4, 23, 86, 89]);
    expect("translation-token-mismatch", "fr-fr", &[92]);
    for locale in ["de-de", "es-es", "fr-fr"] {
        expect("split-file-name", locale, &[4, 73, 74]);
    }
    // fr-fr's `**\_ OK**` dropped the `S` of the English page's `S\_OK`.
    for locale in ["de-de", "es-es", "fr-fr", "it-it"] {
        expect("split-identifier", locale, &[57]);
    }
    // de-de's `Typ: **ulong \\** _`: readers see `*ulong *` in italics.
    expect("stray-bold", "de-de", &[47]);
    assert_eq!(found, expected);
    let of = |rule: &str, locale: &str, line: u64| finding_of(&doc, rule, &page(locale), line);
    let correcto = of("split-identifier", "es-es", 57);
    assert_eq!(
        correcto["message"],
        "`S \\_ correcto` reads `S _ correcto`: an identifier machine translation split at its underscores, and may have translated its parts; readers can neither search for it nor type it"
    );
    assert_eq!(
        correcto["help"],
        "write the identifier as the source text beside it does (`S_OK`), in one piece; in a code span (`` `…` ``) translation leaves it alone"
    );
    let dropped = of("split-identifier", "fr-fr", 57);
    assert_eq!(
        dropped["message"],
        "`\\_ OK` reads `_ OK`: machine translation dropped the first part of the identifier `S_OK`; readers can neither search for it nor type it"
    );
    // `check --fix` puts back the part dropped; `S \_ correcto`, a part
    // translated, needs a person; de-de's `S \_ OK` is joined.
    assert_eq!(replacements(dropped), ["S\\_OK"]);
    assert!(replacements(correcto).is_empty());
    assert_eq!(
        replacements(of("split-identifier", "de-de", 57)),
        ["S\\_OK"]
    );
    let spaced = of("split-member-name", "fr-fr", 89);
    assert_eq!(
        spaced["message"],
        "`IEnumUserIdentity :: Reset`: machine translation put a space inside the qualified name `IEnumUserIdentity::Reset`; readers can neither search for it nor type it"
    );
    assert_eq!(related(spaced)[0], (page("en-us").as_str(), 84));
    let misspelled = of("split-member-name", "de-de", 89);
    assert_eq!(
        misspelled["message"],
        "`Ienumumuseridentity:: Reset`: machine translation put a space inside the qualified name `IEnumUserIdentity::Reset` and misspelled it; readers can neither search for it nor type it"
    );
    assert_eq!(
        misspelled["help"],
        "write `IEnumUserIdentity::Reset` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    let suivant = of("translation-token-mismatch", "fr-fr", 92);
    assert_eq!(
        suivant["message"],
        "this link to `ienumuseridentity-next.md` reads `IEnumUserIdentity :: suivant` where it-it writes `IEnumUserIdentity::Next`: machine translation translated the member name `Next`; readers can neither search for it nor type it"
    );
    assert_eq!(suivant["severity"], "warning");
    assert_eq!(suivant["location"]["column"], 2);
    assert_eq!(related(suivant), [(page("it-it").as_str(), 92)]);
}

/// A link to an API's page whose text, the API's name in another locale,
/// a translation turned into words (`[wird zurückgegeben](…-getmessage)`
/// where another locale reads `GetMessage`), or whose member it translated
/// (`[IFoo :: suivant](ifoo-next.md)` for `IFoo::Next`), is a warning; a
/// text that keeps the name among words, splits or misspells it (other
/// rules' findings), names another API, or whose target's file does not
/// spell the name, is not, nor are the links a side-by-side page hides
/// beside each sentence and raw HTML links, whose text is not read.
#[test]
fn a_link_whose_api_name_was_translated_is_a_warning() {
    let see_also = |texts: [&str; 4]| {
        format!(
            "# T\n\n## See also\n\n[**{}**](ifoo-next.md)\n\n[{}](../api/nf-foo-ibar-reset#r)\n\n[{}](System.IO.File.Open.md)\n\nAfter [**{}**](/api/nf-winuser-getmessagew) returns.\n",
            texts[0], texts[1], texts[2], texts[3]
        )
    };
    let mismatches = |site: &Fixture| {
        lines_of(
            &check_json(site.root(), &[]).1,
            "translation-token-mismatch",
        )
    };
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        see_also(["IFoo::Next", "IBar::Reset", "File.Open", "GetMessage"]),
    )
    .write(
        "content/fr-fr/a.md",
        see_also([
            "IFoo :: suivant",
            "IBar::Reset",
            "File.Ouvrir",
            "GetMessage",
        ]),
    )
    .write(
        "content/de-de/a.md",
        see_also([
            "IFoo::Next",
            "IBar::Zurücksetzen",
            "File.Open",
            "wird zurückgegeben",
        ]),
    );
    assert_eq!(
        mismatches(&site),
        [
            ("content/de-de/a.md".to_owned(), 7),
            ("content/de-de/a.md".to_owned(), 11),
            ("content/fr-fr/a.md".to_owned(), 5),
            ("content/fr-fr/a.md".to_owned(), 9),
        ]
    );
    let (_, doc) = check_json(site.root(), &[]);
    let ouvrir = finding_at(&doc, "content/fr-fr/a.md", 9);
    assert_eq!(
        ouvrir["message"],
        "this link to `System.IO.File.Open.md` reads `File.Ouvrir` where en-us writes `File.Open`: machine translation translated the member name `Open`; readers can neither search for it nor type it"
    );
    assert_eq!(
        ouvrir["help"],
        "write `File.Open` as the link's text, as en-us does: translations keep API names as written"
    );
    assert_eq!(related(ouvrir), [("content/en-us/a.md", 9)]);
    let returned = finding_at(&doc, "content/de-de/a.md", 11);
    assert_eq!(
        returned["message"],
        "this link to `/api/nf-winuser-getmessagew` reads `wird zurückgegeben` where en-us writes the name `GetMessage`, which the target is named after: machine translation put words in its place, and readers lose the name"
    );
    assert_eq!(returned["location"]["column"], 8);

    // Kept among words, split, misspelled, another name, a qualifier of
    // its own, or a target whose file does not spell the name: none is
    // this rule's.
    let unnamed = |texts| see_also(texts).replace("System.IO.File.Open.md", "file-methods.md");
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        unnamed(["IFoo::Next", "IBar::Reset", "File.Open", "GetMessage"]),
    )
    .write(
        "content/fr-fr/a.md",
        unnamed([
            "IFoo:: Next",
            "IBar::Rset",
            "File.Ouvrir",
            "la fonction GetMessage",
        ]),
    )
    .write(
        "content/de-de/a.md",
        unnamed([
            "Die Methode Next",
            "IBar::GetCount",
            "Datei.Öffnen",
            "Get Message",
        ]),
    )
    .write(
        "content/it-it/a.md",
        unnamed([
            "IFoo::Next, metodo",
            "IBaz::Reimposta",
            "File.Open",
            "PeekMessage",
        ]),
    );
    assert_eq!(mismatches(&site), []);

    // A block that links one page twice, by its name and by a phrase:
    // the links pair by their order, and only the one that read the name
    // lost it.
    let twice = |texts: [&str; 2]| {
        format!(
            "# T\n\nCall [**{}**](/api/nf-winuser-getmessage). [{}](/api/nf-winuser-getmessage) returns.\n",
            texts[0], texts[1]
        )
    };
    let site = Fixture::new();
    site.write("content/en-us/a.md", twice(["GetMessage", "This function"]))
        .write(
            "content/de-de/a.md",
            twice(["GetMessage", "Diese Funktion"]),
        )
        .write(
            "content/fr-fr/a.md",
            twice(["est appelée", "Cette fonction"]),
        );
    assert_eq!(mismatches(&site), [("content/fr-fr/a.md".to_owned(), 3)]);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        finding_at(&doc, "content/fr-fr/a.md", 3)["location"]["column"],
        7
    );

    // The source text a side-by-side page hides beside its sentence, and
    // a raw HTML link: their texts are not read.
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        "# T\n\nAfter [**GetMessage**](/api/nf-winuser-getmessage) returns.\n",
    )
    .write(
        "content/es-es/a.md",
        "# T\n\n<span data-ttu-id=\"1\">Tras [**GetMessage**](/api/nf-winuser-getmessage).</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">After [**GetMessage**](/api/nf-winuser-getmessage) returns.</span></span>\n",
    )
    .write(
        "content/it-it/a.md",
        "# T\n\nDopo <a href=\"/api/nf-winuser-getmessage\">GetMessage</a>.\n",
    );
    assert_eq!(mismatches(&site), []);
}

/// The real `WM_PAINT` message page of win32 in English and its fr-fr,
/// zh-tw and ru-ru machine translations (`tests/data/README.md`): besides the constants
/// split in place (`WM \_ Paint`), machine translation split others and
/// put their parts in another order, the prefix last (`**\_ peinture WM**`,
/// `l' \_ indicateur RDW INTERNALPAINT`, `[**\_ERASEBKGND WM**]`), which only
/// the English page's same block tells. Each finding of both is asserted.
#[test]
fn real_win32_message_pages_give_their_reordered_identifiers_and_transliterated_names() {
    let (_, doc) = check_json(&repo().join("tests/data/real-win32"), &[]);
    let page = |locale: &str| format!("content/{locale}/desktop-src/gdi/wm-paint.md");
    let found: BTreeSet<_> = findings(&doc)
        .into_iter()
        .filter(|(_, file, _)| file.contains("/gdi/"))
        .collect();
    let mut expected = BTreeSet::new();
    let mut expect = |rule: &str, locale: &str, lines: &[u64]| {
        for &line in lines {
            expected.insert((rule.to_owned(), page(locale), line));
        }
    };
    // The messages and overviews the page links to are not in the sample.
    expect("broken-link", "en-us", &[82, 84, 112, 115]);
    expect("broken-link", "fr-fr", &[87, 89, 117, 120]);
    expect("split-file-name", "fr-fr", &[4, 109]);
    // In place: `WM \_ Paint`, `WM \_ NCPAINT`, `WM \_ PRINTCLIENT`.
    // Reordered: the description's `\_ message WM Paint` (told by the
    // English description), the heading's `\_Message de peinture WM`,
    // `\_ peinture WM`, `\_ indicateur RDW INTERNALPAINT` and the see-also
    // list's four.
    expect(
        "split-identifier",
        "fr-fr",
        &[2, 15, 17, 87, 89, 91, 93, 95, 97, 99, 150, 153, 156, 159],
    );
    // zh-tw, of fr-fr's version: `WM \_ 油漆` ("oil paint") and the rest in
    // place, each told the constant the English page's same block writes.
    expect("broken-link", "zh-tw", &[87, 89, 117, 120]);
    // Its header row's `Winuser (包含) 的 Windows。h` for `Winuser.h
    // (include Windows.h)`: `.h` dropped once, and its dot made a Chinese
    // full stop once (`split-file-name`, en-us writing `Windows.h`).
    expect("truncated-file-name", "zh-tw", &[109]);
    expect("split-file-name", "zh-tw", &[109]);
    expect(
        "split-identifier",
        "zh-tw",
        &[15, 17, 87, 89, 91, 95, 97, 99, 150, 153, 156, 159],
    );
    // ru-ru, of the same version: the constants split (`WM \_ принтклиент`,
    // `\_Печать WM`), and the function names of its links spelled in
    // Cyrillic letters (`[**упдатевиндов**]` for `UpdateWindow`).
    expect("broken-link", "ru-ru", &[87, 89, 117, 120]);
    expect("split-file-name", "ru-ru", &[4, 109]);
    expect(
        "split-identifier",
        "ru-ru",
        &[2, 15, 17, 87, 89, 91, 93, 95, 97, 99, 150, 153, 156, 159],
    );
    expect(
        "transliterated-name",
        "ru-ru",
        &[17, 89, 93, 95, 97, 123, 126, 132, 138, 144, 147],
    );
    // Links whose text fr-fr reads as the name their target is named
    // after, and a translation turned into words: ru-ru's `WITH
    // [**Message**]` for `GetMessage` (line 17), `[**Сообщение о выправке
    // определяет,**]` ("the message of alignment determines", 91) and
    // `[**возвращается из метода**]` ("is returned from the method", 97);
    // zh-tw's `[**時，就**]` ("when, then", 17) for `DispatchMessage`,
    // told by ru-ru's same link.
    expect("translation-token-mismatch", "ru-ru", &[17, 91, 97]);
    expect("translation-token-mismatch", "zh-tw", &[17]);
    assert_eq!(found, expected);
    // The full stop's finding writes the dot back, as en-us writes it.
    let full_stop = finding_of(&doc, "split-file-name", &page("zh-tw"), 109);
    assert!(
        full_stop["message"]
            .as_str()
            .unwrap()
            .starts_with("`Windows。h`: machine translation wrote the dot of the file name `Windows.h` as a full stop (`。`)"),
        "{full_stop:#}"
    );
    assert_eq!(replacements(full_stop), ["Windows.h"]);
    let returned = finding_of(&doc, "translation-token-mismatch", &page("ru-ru"), 97);
    assert_eq!(
        returned["message"],
        "this link to `/windows/win32/api/winuser/nf-winuser-getmessage` reads `возвращается из метода` where fr-fr writes the name `GetMessage`, which the target is named after: machine translation put words in its place, and readers lose the name"
    );
    assert_eq!(related(returned), [(page("fr-fr").as_str(), 97)]);
    let spelled = finding_of(&doc, "transliterated-name", &page("ru-ru"), 138);
    assert_eq!(
        spelled["message"],
        "this link reads `жетупдатерект`: the name `GetUpdateRect` spelled in Cyrillic letters, as machine translation writes how a name sounds; readers can neither search for it nor type it"
    );
    assert_eq!(
        spelled["help"],
        "write `GetUpdateRect` as the link's text, as fr-fr does: translations keep API names as written"
    );
    assert_eq!(related(spelled), [(page("fr-fr").as_str(), 138)]);
    // In bold outside a link, told by fr-fr's same paragraph.
    let bold = finding_where(&doc, |f| {
        f["rule"] == "transliterated-name"
            && f["location"]["file"] == page("ru-ru")
            && f["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("`жетупдатерект` is the name"))
    });
    assert_eq!(bold["location"]["line"], 93);
    assert_eq!(
        bold["help"],
        "write `GetUpdateRect`, as fr-fr does: translations keep API names as written"
    );
    let zh = |line: u64| finding_of(&doc, "split-identifier", &page("zh-tw"), line);
    assert_eq!(
        zh(156)["help"],
        "write `WM_PRINT` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    // Line 87's first split, `WM \_ 油漆`, stands in a paragraph that names
    // `WM_PAINT`, `WM_PRINT` and `WM_PRINTCLIENT`: which one it was, nothing
    // tells, so none is named.
    assert_eq!(
        zh(87)["help"],
        "write the identifier in one piece, as the source does (the same block in the page's other translations, below, shows it); in a code span (`` `…` ``) translation leaves it alone"
    );
    // The prefix left before the link that holds the rest (`WM [**\_ Print**]`)
    // and the prefix alone after the underscore (`**\_ WM**`, the rest
    // lost) are found too, among their lines' others.
    let others = |line: u64| -> Vec<String> {
        let f = finding_of(&doc, "split-identifier", &page("fr-fr"), line);
        f["related"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| r["location"]["line"] == line)
            .filter_map(|r| r["message"].as_str().map(str::to_owned))
            .collect()
    };
    assert!(
        others(87).contains(&"`\\_ Print`, another one".to_owned()),
        "{:?}",
        others(87)
    );
    assert!(
        others(95).contains(&"`\\_ WM`, another one".to_owned()),
        "{:?}",
        others(95)
    );
    let flag = finding_of(&doc, "split-identifier", &page("fr-fr"), 93);
    assert_eq!(
        flag["message"],
        "`\\_ indicateur RDW INTERNALPAINT` reads `_ indicateur RDW INTERNALPAINT`: machine translation split the identifier `RDW_INTERNALPAINT` at its underscore and put its parts in another order; readers can neither search for it nor type it"
    );
    assert_eq!(
        flag["help"],
        "write `RDW_INTERNALPAINT` in one piece, as the en-us page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    // Where the English writes it whole, and the same paragraph in the
    // translations of its version.
    assert_eq!(
        related(flag),
        [
            (page("en-us").as_str(), 88),
            (page("ru-ru").as_str(), 93),
            (page("zh-tw").as_str(), 93)
        ]
    );
    let description = finding_of(&doc, "split-identifier", &page("fr-fr"), 2);
    assert_eq!(
        related(description),
        [
            (page("en-us").as_str(), 2),
            (page("ru-ru").as_str(), 2),
            (page("zh-tw").as_str(), 2)
        ]
    );
    let listed = finding_of(&doc, "split-identifier", &page("fr-fr"), 156);
    assert_eq!(
        listed["message"],
        "`\\_impression WM` reads `_impression WM`: machine translation split the identifier `WM_PRINT` at its underscore and put its parts in another order; readers can neither search for it nor type it"
    );
}

/// File names split at their dot are found where the page writes them
/// whole elsewhere, or where a capital inside shows a name; a sentence
/// ending before an abbreviation (`d. h.`) or a word is not.
#[test]
fn file_names_split_at_their_dot_are_found_and_sentence_ends_are_not() {
    let en = "# A\n\nCompile stdafx.cpp, that is the file.\n\n```cmd\ncl /c stdafx.cpp\n```\n\nThe DirectShow header and the model. C is next.\n";
    let de = "# A\n\nKompilieren Sie stdafx. cpp, d. h. die Datei.\n\n```cmd\ncl /c stdafx.cpp\n```\n\nDer Header DShow. h und das Modell. c folgen.\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", en);
    site.write("content/de-de/a.md", de);
    let (code, doc) = check_json(site.root(), &[]);
    assert_eq!(code, Some(0), "warnings only");
    assert_eq!(
        findings(&doc),
        set(&[
            ("split-file-name", "content/de-de/a.md", 3),
            ("split-file-name", "content/de-de/a.md", 9),
        ])
    );
    let split = finding_at(&doc, "content/de-de/a.md", 3);
    assert_eq!(
        split["message"],
        "`stdafx. cpp`: machine translation split the file name `stdafx.cpp` at its dot, as if a sentence ended there; readers can neither type it nor search for it"
    );
    assert_eq!(
        split["help"],
        "write `stdafx.cpp` in one piece, as the page does elsewhere; in a code span (`` `…` ``) translation leaves it alone"
    );
    assert_eq!(
        related(split),
        [("content/de-de/a.md", 6), ("content/en-us/a.md", 3)]
    );
    assert_eq!(
        finding_at(&doc, "content/de-de/a.md", 9)["help"],
        "write `DShow.h` in one piece; in a code span (`` `…` ``) translation leaves it alone"
    );
}

/// A title in the front matter is shown (the page's title, search
/// results): a name split there is found as in the text.
#[test]
fn names_split_in_the_title_are_found() {
    let en = "---\ntitle: WM_PAINT message (Winuser.h)\n---\n# WM\\_PAINT message\n\nDefined in Winuser.h.\n";
    let it = "---\ntitle: Messaggio WM \\_ PAINT (Winuser. h)\n---\n# Messaggio WM\\_PAINT\n\nDefinito in Winuser.h.\n";
    let site = Fixture::new();
    site.write("content/en-us/a.md", en);
    site.write("content/it-it/a.md", it);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("split-file-name", "content/it-it/a.md", 2),
            ("split-identifier", "content/it-it/a.md", 2),
        ])
    );
    assert_eq!(
        finding_where(&doc, |f| f["rule"] == "split-identifier")["help"],
        "write `WM_PAINT` in one piece, as the page does elsewhere; in a code span (`` `…` ``) translation leaves it alone"
    );
}

/// A link's text split at its dot (`[System. IO](…)`) where another
/// locale's link to the same target reads the name whole is a split
/// member name, on any page; not where the other link leads elsewhere or
/// reads no name.
#[test]
fn a_link_text_split_at_its_dot_is_a_split_member_name() {
    let page = |texts: [&str; 3]| {
        format!(
            "# T\n\nSee [{}](system-io.md), [{}](other.md) and [{}](more.md).\n",
            texts[0], texts[1], texts[2]
        )
    };
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        page(["System.IO", "System.Text", "See more"]),
    )
    .write(
        "content/es-es/a.md",
        page(["System. IO", "Lea. Text", "Ver. Más"]),
    );
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        lines_of(&doc, "split-member-name"),
        [("content/es-es/a.md".to_owned(), 3)]
    );
    let found = finding_of(&doc, "split-member-name", "content/es-es/a.md", 3);
    assert_eq!(
        found["message"],
        "`System. IO`: machine translation split the member name `System.IO` at its dot, as if a sentence ended there; readers can neither search for it nor type it"
    );
    assert_eq!(found["location"]["column"], 6);
}

/// Arabic and Persian write numbers in their own digits (`١٦٠٣`, `۱۶۰۳`):
/// the same numbers, no finding. A number that differs is found, quoted as
/// written, and the help writes the right one in the page's digits.
#[test]
fn numbers_in_a_locales_own_digits_are_the_same_numbers() {
    let files = |arabic_error: &str| {
        [
            (
                "en-us/a.md".to_owned(),
                "# Guide\n\nError 1603 occurs on Windows Server 2019 with KB 4012345, code 0x80070005.\n\n| Code | Meaning |\n|---|---|\n| 1,603 | Fatal error |\n".to_owned(),
            ),
            (
                "ar-sa/a.md".to_owned(),
                format!("# الدليل\n\nيحدث الخطأ {arabic_error} على Windows Server ٢٠١٩ مع KB ٤٠١٢٣٤٥، الرمز 0x80070005.\n\n| الرمز | المعنى |\n|---|---|\n| ١٬٦٠٣ | خطأ فادح |\n"),
            ),
            (
                "fa-ir/a.md".to_owned(),
                "# راهنما\n\nخطای ۱۶۰۳ در Windows Server ۲۰۱۹ با KB ۴۰۱۲۳۴۵ رخ می‌دهد، کد 0x80070005.\n\n| کد | معنی |\n|---|---|\n| ۱۶۰۳ | خطای مهلک |\n".to_owned(),
            ),
        ]
    };
    let same = files("١٦٠٣");
    let same: Vec<(&str, &str)> = same.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let (code, found) = run(&same, &[]);
    assert_eq!(code, Some(0));
    assert!(found.is_empty(), "{found:?}");

    let differs = files("١٦٠٤");
    let differs: Vec<(&str, &str)> = differs
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (code, doc) = run_json(&differs, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        places(&doc),
        [(
            "translation-token-mismatch".to_owned(),
            "content/ar-sa/a.md".to_owned(),
            3,
            12
        )]
    );
    let finding = finding_at(&doc, "content/ar-sa/a.md", 3);
    assert_eq!(
        finding["message"],
        "this paragraph has `١٦٠٤` where en-us, fa-ir have `1603`"
    );
    assert_eq!(
        finding["help"],
        "change `١٦٠٤` to `١٦٠٣`, as in en-us, fa-ir; if this locale is right, correct the others"
    );
    assert_eq!(
        related(finding),
        [("content/en-us/a.md", 3), ("content/fa-ir/a.md", 3)]
    );
}

/// With two locales, no majority says which of `8, 000` and `8,000` is
/// right, but a number split after its group separator is wrong in any
/// language: only that side is told, and joined. A list of two numbers
/// (`80, 443`) is no split number, and a page that writes another number
/// whole is told as before, on both sides.
#[test]
fn a_split_number_marks_the_wrong_side_of_two() {
    let (_, doc) = run_json(
        &[
            (
                "fr-fr/a.md",
                "# A\n\nJusqu'à 8 000 octets.\n\nPorts 80, 443.\n\nTaille 4096.\n",
            ),
            (
                "ko-kr/a.md",
                "# A\n\n최대 8, 000 바이트입니다.\n\n포트 80, 443.\n\n크기 4095.\n",
            ),
        ],
        &[],
    );
    assert_eq!(
        lines_of(&doc, "translation-token-mismatch"),
        [
            ("content/fr-fr/a.md".to_owned(), 7),
            ("content/ko-kr/a.md".to_owned(), 3),
            ("content/ko-kr/a.md".to_owned(), 7),
        ]
    );
    let split = finding_of(&doc, "translation-token-mismatch", "content/ko-kr/a.md", 3);
    assert_eq!(
        split["message"],
        "this paragraph has `8, 000` where fr-fr has `8 000`: a space after a digit-group separator splits the number"
    );
    assert_eq!(split["location"]["column"], 4);
    assert_eq!(replacements(split), ["8,000"]);
}

/// A paragraph that repeats the slip a thousand times gets a message and
/// a help a reader can take in: the first ten numbers and a count, while
/// `--fix` still joins every one.
#[test]
fn a_thousand_split_numbers_are_named_ten_and_counted() {
    let numbers = |sep: &str| {
        (0..1000)
            .map(|i| format!("{},{sep}{:03}", 2 + i / 1000, i % 1000))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (_, doc) = run_json(
        &[
            ("en-us/a.md", &format!("# A\n\nSizes {}.\n", numbers(""))),
            ("ko-kr/a.md", &format!("# A\n\n크기 {}.\n", numbers(" "))),
        ],
        &[],
    );
    let split = finding_of(&doc, "translation-token-mismatch", "content/ko-kr/a.md", 3);
    let first_ten = |sep: &str| {
        (0..10)
            .map(|i| format!("`2,{sep}{i:03}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    assert_eq!(
        split["message"],
        format!(
            "this paragraph has {} and 990 more where en-us has {} and 990 more: a space after a digit-group separator splits each number",
            first_ten(" "),
            first_ten("")
        )
    );
    assert_eq!(
        split["help"],
        format!(
            "write {} and 990 more, without the space: en-us writes the numbers whole",
            first_ten("")
        )
    );
    let fixed = replacements(split);
    assert_eq!(fixed.len(), 1000);
    assert_eq!((fixed[0], fixed[999]), ("2,000", "2,999"));
}
