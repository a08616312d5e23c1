//! `translation-cell-mismatch`: table cells a translation changed in a
//! column every locale keeps as written, on real SQL Server pages and on
//! small fixtures of what must and must not fire.

mod common;

use common::*;

/// The four real machine translations of SQL Server's `DATEDIFF` page,
/// made from one source version (`tests/data/README.md`), each of which
/// mangled a different abbreviation in the table of date parts, and three
/// of its `sys.columns` page.
#[test]
fn real_translations_give_their_mangled_values_and_nothing_else() {
    let root = repo().join("tests/data/real-sql");
    let (code, doc) = check_json(&root, &[]);
    assert_eq!(code, Some(1));
    let page = |locale: &str| format!("content/{locale}/t-sql/functions/datediff-transact-sql.md");
    let mut expected = std::collections::BTreeSet::new();
    let mut expect = |rule: &str, locale: &str, line: u64| {
        expected.insert((rule.to_owned(), page(locale), line));
    };
    // ja-jp `mm` for hour's `hh`, fr-fr `héritage multiple, n` for
    // minute's `mi, n`, it-it `q, q` for quarter's `qq, q`, de-de `wk
    // weltweit` for week's `wk, ww` and `Notification Services` for
    // nanosecond's `ns`. Not the day's row, where no two of `DD, d`, `tt,
    // d`, `GG, d` and `dd、d` but two agree: no majority tells who is right.
    expect("translation-cell-mismatch", "ja-jp", 71);
    expect("translation-cell-mismatch", "fr-fr", 72);
    expect("translation-cell-mismatch", "it-it", 66);
    expect("translation-cell-mismatch", "de-de", 72);
    expect("translation-cell-mismatch", "de-de", 78);
    // ja-jp breaks the limits of int with spaces (`-2,147, 483,648`), and
    // de-de splits each of the ten `SELECT DATEDIFF(...)` statements the
    // others show whole into two code spans on two paragraphs (lines 110
    // to 148): reported on the first of each two, which the alignment
    // pairs with the statement it starts.
    expect("translation-token-mismatch", "ja-jp", 93);
    for line in (110..=146).step_by(4) {
        expect("translation-token-mismatch", "de-de", line);
    }
    // Includes and links to pages outside the sample, in every locale
    // (de-de's page is longer: a comment in its syntax block, its split
    // statements).
    for (locale, includes, links) in [
        ("de-de", [45, 49, 261], [49, 51, 83, 101, 327]),
        ("fr-fr", [45, 49, 239], [49, 51, 81, 99, 305]),
        ("it-it", [45, 49, 239], [49, 51, 81, 99, 305]),
        ("ja-jp", [45, 49, 239], [49, 51, 81, 99, 305]),
    ] {
        for line in includes {
            expect("include-not-found", locale, line);
        }
        for line in links {
            expect("broken-link", locale, line);
        }
    }
    // sys.columns in three of them: ja-jp translated the name of the
    // catalog view's `precision` column (`有効桁数 (precision)`), in a
    // column of 34 names every locale keeps. Not the data types, which
    // de-de writes `nvarchar (64)` where the others write `nvarchar(64)`,
    // nor the descriptions.
    let columns = |locale: &str| {
        format!(
            "content/{locale}/relational-databases/system-catalog-views/sys-columns-transact-sql.md"
        )
    };
    expected.insert(("translation-cell-mismatch".to_owned(), columns("ja-jp"), 57));
    for locale in ["de-de", "fr-fr", "ja-jp"] {
        // The table's rows 76 to 84 include the same two or three
        // version notes each: one finding per missing file, at its first.
        for line in [31, 69, 76, 83, 89] {
            expected.insert(("include-not-found".to_owned(), columns(locale), line));
        }
        for line in [55, 72, 73, 74, 76, 93, 94, 95, 96, 97] {
            expected.insert(("broken-link".to_owned(), columns(locale), line));
        }
    }
    // fr-fr's link to `sys.types` reads `sys. types`, split at its dot,
    // where de-de's and ja-jp's same link reads the name whole: the link
    // tells what an `api_name` list would.
    expected.insert(("split-member-name".to_owned(), columns("fr-fr"), 55));
    // MSSQLSERVER_18456 in two human translations of one version: de-de
    // put the header's `Source` and `Message` in code spans that pt-br
    // translated, as the source writes them, plain: with two locales
    // nothing tells which is right, and both are told (the help says so).
    // The placeholders a browser hides, de-de's `<Benutzername>` and
    // `<Computername>` and both pages' `<ip address>`, are found; pt-br's
    // `<nome_do_usuário>` is no tag (an underscore) and shows.
    let login = |locale: &str| {
        format!(
            "content/{locale}/relational-databases/errors-events/mssqlserver-18456-database-engine-error.md"
        )
    };
    for (locale, hidden, links) in [
        ("de-de", &[37, 41, 45, 57, 59, 101][..], [104]),
        ("pt-br", &[101][..], [104]),
    ] {
        for &line in hidden {
            expected.insert(("hidden-html".to_owned(), login(locale), line));
        }
        for line in [23, 62, 117] {
            expected.insert(("include-not-found".to_owned(), login(locale), line));
        }
        for line in links {
            expected.insert(("broken-link".to_owned(), login(locale), line));
        }
        expected.insert(("translation-token-mismatch".to_owned(), login(locale), 98));
    }
    // QUOTENAME in eight machine translations of one version: the
    // quotation marks five of them changed in bold (`tests/real_sql.rs`
    // says what each is told), and the includes and links outside the
    // sample.
    let quotename =
        |locale: &str| format!("content/{locale}/t-sql/functions/quotename-transact-sql.md");
    for (locale, front, mismatch) in [
        ("de-de", 3, Some(57)),
        ("es-es", 0, None),
        ("fr-fr", -1, Some(53)),
        ("ja-jp", -1, Some(55)),
        ("pt-br", 0, None),
        ("ru-ru", -1, Some(53)),
        ("zh-cn", -1, Some(52)),
        ("zh-tw", 0, None),
    ] {
        // Lines as es-es has them, less one where the front matter is a
        // line shorter, more where longer (de-de's is three); ja-jp's
        // syntax block has two lines more.
        let later = if locale == "ja-jp" { 2 } else { 0 };
        let line = |es: i64, after_syntax: bool| {
            (es + front + if after_syntax { later } else { 0 }) as u64
        };
        for (es, after) in [(37, false), (39, false), (66, true), (76, true)] {
            expected.insert((
                "include-not-found".to_owned(),
                quotename(locale),
                line(es, after),
            ));
        }
        for (es, after) in [(41, false), (92, true)] {
            expected.insert(("broken-link".to_owned(), quotename(locale), line(es, after)));
        }
        if let Some(line) = mismatch {
            expected.insert((
                "translation-token-mismatch".to_owned(),
                quotename(locale),
                line,
            ));
        }
    }
    // ja-jp splits the character reference `&#40;` of a link text after
    // its `&` (`& #40 です。`), on QUOTENAME's see-also link and twice on
    // DATEDIFF's, to DATEDIFF_BIG.
    expected.insert(("escaped-entity".to_owned(), quotename("ja-jp"), 93));
    for line in [49, 304] {
        expected.insert(("escaped-entity".to_owned(), page("ja-jp"), line));
    }
    // Two data type pages in eight machine translations of one version
    // each: the type names in bold that four of them translated or changed
    // (`tests/real_sql.rs` says what each is told), ja-jp's character
    // references split after their `&`, and the includes and links outside
    // the sample. Lines from the line of each page's first include.
    let ntext = |locale: &str| {
        format!("content/{locale}/t-sql/data-types/ntext-text-and-image-transact-sql.md")
    };
    for (locale, first) in [
        ("de-de", 37),
        ("es-es", 40),
        ("it-it", 36),
        ("ja-jp", 37),
        ("ko-kr", 36),
        ("pt-br", 40),
        ("ru-ru", 37),
        ("zh-cn", 37),
    ] {
        expected.insert(("include-not-found".to_owned(), ntext(locale), first));
        for after in [4, 22, 23, 24, 25, 26, 29, 30, 31, 32, 33, 34] {
            expected.insert(("broken-link".to_owned(), ntext(locale), first + after));
        }
    }
    for line in [59, 60, 61, 62, 63, 69] {
        expected.insert(("escaped-entity".to_owned(), ntext("ja-jp"), line));
    }
    let precedence = |locale: &str| {
        format!("content/{locale}/t-sql/data-types/data-type-precedence-transact-sql.md")
    };
    for (locale, first) in [
        ("de-de", 34),
        ("it-it", 33),
        ("ja-jp", 33),
        ("ko-kr", 37),
        ("pt-br", 33),
        ("ru-ru", 33),
        ("zh-cn", 37),
        ("zh-tw", 34),
    ] {
        for after in [0, 4] {
            expected.insert((
                "include-not-found".to_owned(),
                precedence(locale),
                first + after,
            ));
        }
        for after in [38, 39, 40] {
            expected.insert(("broken-link".to_owned(), precedence(locale), first + after));
        }
    }
    for (file, line) in [
        (ntext("pt-br"), 51),
        (ntext("pt-br"), 54),
        (precedence("de-de"), 47),
        (precedence("de-de"), 48),
        (precedence("it-it"), 46),
        (precedence("pt-br"), 59),
        (precedence("pt-br"), 60),
        (precedence("zh-cn"), 59),
    ] {
        expected.insert(("translation-token-mismatch".to_owned(), file, line));
    }
    // ENCRYPTBYASYMKEY in eight machine translations of one version:
    // ko-kr's `8, 000` bytes, a number split after its separator
    // (`tests/real_sql.rs`), and the includes and links outside the
    // sample. Lines from the line of each page's first include.
    let encrypt =
        |locale: &str| format!("content/{locale}/t-sql/functions/encryptbyasymkey-transact-sql.md");
    for (locale, first) in [
        ("de-de", 35),
        ("es-es", 34),
        ("fr-fr", 38),
        ("it-it", 35),
        ("ko-kr", 38),
        ("ru-ru", 35),
        ("zh-cn", 35),
        ("zh-tw", 38),
    ] {
        for after in [0, 29] {
            expected.insert((
                "include-not-found".to_owned(),
                encrypt(locale),
                first + after,
            ));
        }
        for after in [4, 42, 43, 44] {
            // The see-also link to DECRYPTBYASYMKEY, which it-it and
            // zh-cn have.
            if after == 42 && ["it-it", "zh-cn"].contains(&locale) {
                continue;
            }
            expected.insert(("broken-link".to_owned(), encrypt(locale), first + after));
        }
    }
    expected.insert((
        "translation-token-mismatch".to_owned(),
        encrypt("ko-kr"),
        62,
    ));
    // DECRYPTBYASYMKEY in three human translations of one version: nothing
    // but the includes and links outside the sample (pt-br's link to
    // ENCRYPTBYASYMKEY among them: no pt-br page of it). zh-cn lost every
    // emphasis of the arguments (`Asym_Key_ID 具有 int 数据类型   。` for
    // `*Asym_Key_ID* ... **int**`), which changes no name, and pt-br's
    // first sentence says "symmetric" for "asymmetric", a meaning no token
    // holds.
    let decrypt =
        |locale: &str| format!("content/{locale}/t-sql/functions/decryptbyasymkey-transact-sql.md");
    for locale in ["it-it", "pt-br", "zh-cn"] {
        expected.insert(("include-not-found".to_owned(), decrypt(locale), 30));
        for line in [34, 81, 82, 83, 84, 85] {
            expected.insert(("broken-link".to_owned(), decrypt(locale), line));
        }
    }
    expected.insert(("broken-link".to_owned(), decrypt("pt-br"), 80));
    // HASHBYTES in a human (de-de) and a machine (ko-kr) translation of
    // one version: ko-kr's `**@input****varchar**`, two bold runs
    // written together (`tests/real_sql.rs`), and the includes and links
    // outside the sample. Not ko-kr's `SHA2_512 512 비트` ("512 bits for
    // SHA2_512"), whose two 512s are no number 512512.
    let hashbytes =
        |locale: &str| format!("content/{locale}/t-sql/functions/hashbytes-transact-sql.md");
    for (locale, includes, links) in [
        ("de-de", [36, 38, 52, 62, 64, 92], [40, 105]),
        ("ko-kr", [34, 36, 50, 60, 62, 90], [38, 103]),
    ] {
        for line in includes {
            expected.insert(("include-not-found".to_owned(), hashbytes(locale), line));
        }
        for line in links {
            expected.insert(("broken-link".to_owned(), hashbytes(locale), line));
        }
    }
    expected.insert(("stray-bold".to_owned(), hashbytes("ko-kr"), 53));
    // SUBSTRING in six machine translations of one version: the result
    // set of its first example (`tests/real_sql.rs`), where four locales
    // translated `tempdb`'s letters `mp` and fr-fr `msdb`'s `db`, and
    // ru-ru and zh-cn renamed a column, one finding per page; ja-jp's `2,147, 483,647`, its
    // `& #40` and the bold that `**varchar (max)**または` (ja-jp) and
    // `**varchar （max)**或` (zh-cn) leave unclosed; and the includes and
    // links outside the sample. Not de-de's extra comment line in the
    // syntax block, nor the result sets de-de and ko-kr write as code
    // spans line by line instead of a code block: the same text.
    let substring =
        |locale: &str| format!("content/{locale}/t-sql/functions/substring-transact-sql.md");
    for (locale, includes, links, cells) in [
        ("de-de", [38, 40, 91, 185], [42, 54, 77, 228], &[96][..]),
        ("fr-fr", [42, 44, 93, 187], [46, 56, 79, 228], &[98]),
        ("ja-jp", [38, 40, 89, 183], [42, 52, 75, 224], &[94]),
        ("ko-kr", [38, 40, 89, 183], [42, 52, 75, 226], &[]),
        ("ru-ru", [39, 41, 90, 184], [43, 53, 76, 225], &[92]),
        ("zh-cn", [39, 41, 90, 184], [43, 53, 76, 225], &[92]),
    ] {
        for line in includes {
            expected.insert(("include-not-found".to_owned(), substring(locale), line));
        }
        for line in links {
            expected.insert(("broken-link".to_owned(), substring(locale), line));
        }
        for &line in cells {
            expected.insert((
                "translation-cell-mismatch".to_owned(),
                substring(locale),
                line,
            ));
        }
    }
    // STRING_SPLIT in seven machine translations of one version: the
    // result set of its second example, whose column names and tags six
    // of them translated (de-de only `road`, as `Straße`), one finding
    // per page; the single column of what `SELECT value FROM
    // STRING_SPLIT('Lorem ipsum dolor sit amet.', ' ')` returns, where
    // ko-kr, zh-cn and zh-tw translated `sit` ("site", "located at"),
    // told as a column the others keep; and the includes and links
    // outside the sample (its see-also link to SUBSTRING only where no
    // SUBSTRING page is). Not the product names every locale translated
    // (`Komplette Handschuhe`, `Luvas de dedo`, zh-cn's and zh-tw's
    // `完整手指手套`, one language's two scripts agreeing on no kept
    // value), nor the table of the product's tags before the query,
    // sample data no query shows.
    let split =
        |locale: &str| format!("content/{locale}/t-sql/functions/string-split-transact-sql.md");
    for (locale, includes, links, cells) in [
        ("de-de", [36, 113, 169], &[46, 56, 178][..], &[118][..]),
        ("it-it", [32, 109, 165], &[42, 52, 174, 175], &[111]),
        ("ko-kr", [36, 113, 169], &[46, 56, 178], &[72, 73, 115]),
        ("pt-br", [32, 109, 165], &[42, 52, 174, 175], &[111]),
        ("ru-ru", [32, 109, 165], &[42, 52, 174], &[111]),
        ("zh-cn", [33, 110, 166], &[43, 53, 175], &[69, 112]),
        ("zh-tw", [36, 113, 169], &[46, 56, 178, 179], &[72, 115]),
    ] {
        for line in includes {
            expected.insert(("include-not-found".to_owned(), split(locale), line));
        }
        for &line in links {
            expected.insert(("broken-link".to_owned(), split(locale), line));
        }
        for &line in cells {
            expected.insert(("translation-cell-mismatch".to_owned(), split(locale), line));
        }
    }
    // ISNULL in four machine translations of one version: two result
    // sets, whose product and reseller names es-es and zh-cn reordered
    // or translated where ko-kr and zh-tw keep them (`Cl Mountain-100`,
    // `Mountain 100 Cl` for `Mountain-100 Cl`; `Un almacén de
    // bicicleta`, `自行车存储` for `Bike Store`), one finding per page
    // and table; and the includes and links outside the sample. Not the
    // alias `'Max Quantity'`, which all four translate (no locale keeps
    // it, and only the query names it), nor the names every locale
    // translated.
    let isnull = |locale: &str| format!("content/{locale}/t-sql/functions/isnull-transact-sql.md");
    for (locale, includes, links, cells) in [
        (
            "es-es",
            [37, 78, 133],
            [41, 51, 63, 189, 190, 191],
            &[108, 170][..],
        ),
        ("ko-kr", [36, 77, 132], [40, 50, 62, 188, 189, 190], &[]),
        (
            "zh-cn",
            [40, 81, 136],
            [44, 54, 66, 192, 193, 194],
            &[111, 173],
        ),
        ("zh-tw", [37, 78, 133], [41, 51, 63, 189, 190, 191], &[]),
    ] {
        for line in includes {
            expected.insert(("include-not-found".to_owned(), isnull(locale), line));
        }
        for line in links {
            expected.insert(("broken-link".to_owned(), isnull(locale), line));
        }
        for &line in cells {
            expected.insert(("translation-cell-mismatch".to_owned(), isnull(locale), line));
        }
    }
    for (rule, locale, line) in [
        ("translation-token-mismatch", "ja-jp", 72),
        ("escaped-entity", "ja-jp", 224),
        ("stray-bold", "ja-jp", 72),
        ("stray-bold", "zh-cn", 73),
    ] {
        expected.insert((rule.to_owned(), substring(locale), line));
    }
    assert_eq!(findings(&doc), expected);
    let header = finding_at(&doc, &login("pt-br"), 98);
    assert_eq!(
        header["message"],
        "this table row lacks `Source`, `Message`, which de-de has"
    );
    assert_eq!(
        header["help"],
        "translations keep codes, code, link targets, the files of includes and media, and anchors as they are, and nothing on these pages tells whether this table row or de-de's is right: compare both with the source and correct the one that differs"
    );
    let types = finding_of(&doc, "split-member-name", &columns("fr-fr"), 55);
    assert_eq!(
        types["message"],
        "`sys. types`: machine translation split the member name `sys.types` at its dot, as if a sentence ended there; readers can neither search for it nor type it"
    );
    assert_eq!(types["location"]["column"], 160);
    assert_eq!(related(types)[0], (columns("de-de").as_str(), 55));
    let precision = finding_where(&doc, |f| {
        f["rule"] == "translation-cell-mismatch"
            && f["location"]["file"] == columns("ja-jp").as_str()
    });
    assert_eq!(
        precision["message"],
        "this cell reads `有効桁数 (precision)` where de-de, fr-fr read `precision`, in a column this page keeps as they do in 33 of its 33 other rows"
    );

    let split = finding_at(&doc, &page("de-de"), 130);
    assert_eq!(
        split["message"],
        "this paragraph has `SELECT DATEDIFF(week, '2005-12-31 23:59:59.9999999'` where fr-fr, it-it, ja-jp have `SELECT DATEDIFF(week, '2005-12-31 23:59:59.9999999', '2006-01-01 00:00:00.0000000');`: the next paragraph holds the rest, `, '2006-01-01 00:00:00.0000000');`"
    );
    assert_eq!(
        split["help"],
        "join the two code spans into one, `SELECT DATEDIFF(week, '2005-12-31 23:59:59.9999999', '2006-01-01 00:00:00.0000000');`, as in fr-fr, it-it, ja-jp; if this locale is right, correct the others"
    );

    let hour = finding_at(&doc, &page("ja-jp"), 71);
    assert_eq!(hour["severity"], "warning");
    assert_eq!(
        hour["message"],
        "this cell reads `**mm**` where de-de, fr-fr, it-it read `**hh**`, in a column this page keeps as they do in 10 of its 10 other rows"
    );
    assert_eq!(
        hour["help"],
        "machine translation changes values it should keep: change `**mm**` to `**hh**`, as in de-de, fr-fr, it-it; if this locale is right, correct the others"
    );
    // Columns count characters: `|**1 時間**|` is ten of them.
    assert_eq!(
        (&hour["location"]["column"], &hour["location"]["end_column"]),
        (&serde_json::json!(11), &serde_json::json!(17))
    );
    assert_eq!(
        related(hour),
        [
            (page("de-de").as_str(), 73),
            (page("fr-fr").as_str(), 71),
            (page("it-it").as_str(), 71),
        ]
    );
}

/// Six real translations of Dynamics 365 Commerce's checkout error codes
/// (`tests/data/README.md`), four of one source version: ja-jp turned the
/// end of one of 26 runtime error identifiers into words
/// (`...DifferentFromAromA Due` for `...DifferentFromAmountDue`) and
/// lt-lt misspelled one (`Adautional`), which the others keep. The
/// identifiers are longer than most values (up to 101 bytes), and still
/// values: one word each. lt-lt, and the two pages of a later version,
/// lv-lv and hu-hu, split every identifier after its underscores
/// (`Microsoft\_ Dynamics\_ Commerce\_ Runtime\_ FraudRisk`), hu-hu
/// translating `Runtime` in most rows.
#[test]
fn real_dynamics_pages_give_their_mangled_identifiers_and_nothing_else() {
    let (code, doc) = check_json(&repo().join("tests/data/real-dynamics"), &[]);
    assert_eq!(code, Some(1));
    let page =
        |locale: &str| format!("content/{locale}/articles/commerce/checkout-module-error-codes.md");
    let mut expected = std::collections::BTreeSet::new();
    let mut expect = |rule: &str, locale: &str, line: u64| {
        expected.insert((rule.to_owned(), page(locale), line));
    };
    for locale in ["de-de", "fr-fr", "ja-jp", "lt-lt", "lv-lv", "hu-hu"] {
        // The title's anchor repeated on the first H2 (the source's two
        // headings read alike); the includes and links outside the sample
        // (the later version has a section more).
        expect("duplicate-anchor", locale, 19);
        expect("include-not-found", locale, 21);
        expect("include-not-found", locale, 22);
        let shift = if matches!(locale, "lv-lv" | "hu-hu") {
            4
        } else {
            0
        };
        for line in [71, 73, 75] {
            expect("broken-link", locale, line + shift);
        }
        // Every identifier split, the rows of the two translated ones
        // (`Front End Timeout for Checkout API`) excepted.
        if matches!(locale, "lt-lt" | "lv-lv" | "hu-hu") {
            for line in (40..=63).chain([66, 67]) {
                expect("split-identifier", locale, line + shift);
            }
        }
    }
    expect("translation-cell-mismatch", "ja-jp", 47);
    expect("translation-cell-mismatch", "lt-lt", 42);
    assert_eq!(findings(&doc), expected);
    let mangled = finding_at(&doc, &page("ja-jp"), 47);
    assert_eq!(
        mangled["message"],
        "this cell reads `Microsoft\\_Dynamics\\_Commerce\\_Runtime\\_CustomerAccountLimitSignDifferentFromAromA Due` where de-de, fr-fr, lt-lt read `Microsoft\\_Dynamics\\_Commerce\\_Runtime\\_CustomerAccountLimitSignDifferentFromAmountDue`, in a column this page keeps as they do in 25 of its 25 other rows"
    );
    assert_eq!(mangled["location"]["column"], 16);
    assert_eq!(
        related(mangled),
        [
            (page("de-de").as_str(), 47),
            (page("fr-fr").as_str(), 47),
            (page("lt-lt").as_str(), 47)
        ]
    );
    // Split and translated, told the identifier the same row of another
    // translation (of any version) writes whole.
    let runtime = finding_of(&doc, "split-identifier", &page("hu-hu"), 49);
    assert_eq!(
        runtime["message"],
        "`Microsoft\\_ Dynamics\\_ Commerce\\_ futásidejű\\_ InvalidPaymentRequest` reads `Microsoft_ Dynamics_ Commerce_ futásidejű_ InvalidPaymentRequest`: an identifier machine translation split at its underscores, and may have translated its parts; readers can neither search for it nor type it"
    );
    assert_eq!(
        runtime["help"],
        "write `Microsoft_Dynamics_Commerce_Runtime_InvalidPaymentRequest` in one piece, as the de-de page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    // Split and misspelled: the whole identifier, as de-de writes it.
    let misspelled = finding_of(&doc, "split-identifier", &page("lt-lt"), 42);
    assert_eq!(
        misspelled["help"],
        "write `Microsoft_Dynamics_Commerce_Runtime_UnableToAuthorizePaymentCardAdditionalContextRequired` in one piece, as the de-de page does; in a code span (`` `…` ``) translation leaves it alone"
    );
    // Neither has a fix: a person puts back what was translated or
    // misspelled. A split whose parts are the identifier's has one, in
    // the identifier's case (hu-hu wrote `runtime`).
    assert!(replacements(runtime).is_empty());
    assert!(replacements(misspelled).is_empty());
    let lower = finding_of(&doc, "split-identifier", &page("hu-hu"), 44);
    assert_eq!(
        replacements(lower),
        [
            "Microsoft\\_Dynamics\\_Commerce\\_Runtime\\_UnableToAuthorizePaymentCardTypeMissingOrNotSupported"
        ]
    );

    // `check --fix` joins those, and leaves the splits a person must
    // correct: hu-hu's translated `Runtime` and misspelled names
    // (`...CardPaymentAcrieResult`, 47; `NotEnwardRewardPoints`, 58),
    // lt-lt's misspelled one, and lv-lv's identifiers whose two parts
    // machine translation ran together (`Commerce Runtime\_\_ ...`), of
    // which only the start is read as a split, and fixed: not the rest.
    let site = copy_of_real("real-dynamics");
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("Fixed 49 problems in 3 files\n"),
        "{}",
        stderr(&out)
    );
    let (_, doc) = check_json(site.root(), &[]);
    let hu = [
        47, 49, 50, 51, 52, 53, 54, 55, 57, 58, 59, 60, 61, 63, 64, 66, 67, 70,
    ];
    let lv = [47, 49, 56, 57, 59, 60, 61, 63, 67, 70];
    let mut left: Vec<(String, u64)> = hu.iter().map(|&l| (page("hu-hu"), l)).collect();
    left.push((page("lt-lt"), 42));
    left.extend(lv.iter().map(|&l| (page("lv-lv"), l)));
    assert_eq!(lines_of(&doc, "split-identifier"), left);
    // What was joined reads as de-de's row.
    let read = |locale: &str| std::fs::read_to_string(site.root().join(page(locale))).unwrap();
    let (german, lithuanian) = (read("de-de"), read("lt-lt"));
    let identifier = |text: &str, line: usize| {
        text.lines()
            .nth(line - 1)
            .unwrap()
            .split('|')
            .nth(1)
            .unwrap()
            .trim()
            .trim_matches('"')
            .to_owned()
    };
    for line in (40..=63).chain([66, 67]).filter(|&l| l != 42) {
        assert_eq!(
            identifier(&lithuanian, line),
            identifier(&german, line),
            "line {line}"
        );
    }
}

/// A table whose second column every locale keeps as written.
fn table(rows: &[(&str, &str)]) -> String {
    let mut text = String::from("# Parts\n\n|Part|Abbreviation|\n|---|---|\n");
    for (part, abbreviation) in rows {
        text.push_str(&format!("|{part}|{abbreviation}|\n"));
    }
    text
}

const EN: &[(&str, &str)] = &[
    ("year", "**yy, yyyy**"),
    ("quarter", "**qq, q**"),
    ("month", "**mm, m**"),
    ("hour", "**hh**"),
    ("minute", "**mi, n**"),
    ("day", "**dd, d**"),
    ("week", "**wk, ww**"),
    ("second", "**ss, s**"),
];

/// `rows` with `part`s translated by `words` (a translation translates
/// the first column) and the cells of `changed` replaced.
fn translated(words: &str, changed: &[(usize, &str)]) -> String {
    let rows: Vec<(String, String)> = EN
        .iter()
        .enumerate()
        .map(|(i, (part, abbreviation))| {
            let cell = changed
                .iter()
                .find(|(r, _)| *r == i)
                .map_or(*abbreviation, |(_, c)| c);
            (format!("{words} {part}"), cell.to_owned())
        })
        .collect();
    let rows: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    table(&rows)
}

#[test]
fn a_changed_value_is_flagged_and_case_spacing_and_quotes_are_not() {
    let (_, found) = run(
        &[
            ("de-de/a.md", &translated("der", &[(3, "**mm**")])),
            // Case, CJK punctuation and quotes: the same values.
            (
                "ja-jp/a.md",
                &translated("の", &[(0, "**YY、yyyy**"), (1, "\"qq, q\"")]),
            ),
            ("fr-fr/a.md", &translated("le", &[])),
        ],
        &[],
    );
    assert_eq!(
        found,
        set(&[("translation-cell-mismatch", "content/de-de/a.md", 8)])
    );
}

#[test]
fn nothing_is_flagged_without_evidence_on_both_sides() {
    // Two locales: nobody can tell which one changed the cell.
    let (_, found) = run(
        &[
            ("de-de/a.md", &translated("der", &[(3, "**mm**")])),
            ("fr-fr/a.md", &translated("le", &[])),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    // A page that translates the column (three of its eight cells) is no
    // slip in one row of it.
    let (_, found) = run(
        &[
            (
                "de-de/a.md",
                &translated(
                    "der",
                    &[(0, "**jj, jjjj**"), (5, "**tt, t**"), (6, "**wo**")],
                ),
            ),
            ("es-es/a.md", &translated("el", &[])),
            ("fr-fr/a.md", &translated("le", &[])),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    // Agreeing on one value repeated (`MAK`) says little of the column:
    // it-it spells out `KMS` (as the real seed does, all along).
    let types = |kms: &str| {
        table(&[
            ("a", "MAK"),
            ("b", "MAK"),
            ("c", "MAK"),
            ("d", "MAK"),
            ("e", kms),
        ])
    };
    let (_, found) = run(
        &[
            ("it-it/a.md", &types("Servizio di gestione delle chiavi")),
            ("es-es/a.md", &types("KMS")),
            ("ja-jp/a.md", &types("KMS")),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    // Words, not values: an edition's name localized in a row.
    let names = |edition: &str| {
        table(&[
            ("a", "Windows Server 2008 Datacenter"),
            ("b", "Windows Server 2012 Datacenter"),
            ("c", "Windows Server 2016 Datacenter"),
            ("d", "Windows Server 2019 Datacenter"),
            ("e", edition),
        ])
    };
    let (_, found) = run(
        &[
            ("zh-cn/a.md", &names("Windows Server 2008 标准版")),
            ("es-es/a.md", &names("Windows Server 2008 Standard")),
            ("de-de/a.md", &names("Windows Server 2008 Standard")),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
}

/// With a source locale, its cell is the reference once a translation
/// shares it: then the translation that differs is told, though the two
/// translations are no majority against each other.
#[test]
fn with_a_source_locale_its_value_is_the_reference() {
    let site = Fixture::new();
    site.write("polydoc.toml", "source = \"en-us\"\n")
        .write("content/en-us/a.md", translated("the", &[]))
        .write("content/es-es/a.md", translated("el", &[(4, "**mi, m**")]))
        .write("content/it-it/a.md", translated("il", &[]));
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[("translation-cell-mismatch", "content/es-es/a.md", 9)])
    );
    let finding = finding_where(&doc, |f| f["rule"] == "translation-cell-mismatch");
    assert_eq!(
        finding["message"],
        "this cell reads `**mi, m**` where en-us (the source), it-it read `**mi, n**`, in a column this page keeps as they do in 7 of its 7 other rows"
    );
    assert_eq!(
        finding["help"],
        "machine translation changes values it should keep: change `**mi, m**` to `**mi, n**`, as in en-us (the source), it-it; if en-us is wrong, correct it and then its translations"
    );
}

/// The same real pages with one of them named the source: its cells are
/// the reference wherever a translation shares them, so the day's row,
/// where no majority could tell, now tells de-de's `tt, d` and it-it's
/// `GG, d` against fr-fr's `DD, d` (as ja-jp writes it too); and the
/// source's own slip is no reference for anyone.
#[test]
fn with_a_real_source_its_cells_are_the_reference() {
    let site = Fixture::new();
    let data = repo().join("tests/data/real-sql");
    for entry in walkdir::WalkDir::new(&data).into_iter().flatten() {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&data).expect("below the data");
            let text = std::fs::read(entry.path()).expect("readable");
            site.write(&rel.to_string_lossy(), text);
        }
    }
    let cells = |source: &str| {
        site.write("polydoc.toml", format!("source = \"{source}\"\n"));
        let (_, doc) = check_json(site.root(), &[]);
        let mut found: Vec<(String, u64)> = lines_of(&doc, "translation-cell-mismatch")
            .into_iter()
            .map(|(file, line)| {
                let locale = file.split('/').nth(1).expect("locale").to_owned();
                (locale, line)
            })
            .collect();
        found.sort();
        found
    };
    let owned = |list: &[(&str, u64)]| -> Vec<(String, u64)> {
        list.iter().map(|(l, n)| ((*l).to_owned(), *n)).collect()
    };
    // STRING_SPLIT and ISNULL have no fr-fr nor de-de page: their
    // findings are those without a source (de-de 118 to zh-tw 115, and
    // the `sit` column: ko-kr 72, 73, zh-cn 69, zh-tw 72; es-es 108, 170
    // and zh-cn 111, 173).
    assert_eq!(
        cells("fr-fr"),
        owned(&[
            ("de-de", 71),
            ("de-de", 72),
            ("de-de", 78),
            ("de-de", 118),
            ("es-es", 108),
            ("es-es", 170),
            ("it-it", 66),
            ("it-it", 69),
            ("it-it", 111),
            ("ja-jp", 57),
            ("ja-jp", 71),
            ("ko-kr", 72),
            ("ko-kr", 73),
            ("ko-kr", 115),
            ("pt-br", 111),
            ("ru-ru", 92),
            ("ru-ru", 111),
            ("zh-cn", 69),
            ("zh-cn", 92),
            ("zh-cn", 111),
            ("zh-cn", 112),
            ("zh-cn", 173),
            ("zh-tw", 72),
            ("zh-tw", 115),
        ])
    );
    // de-de's `wk weltweit` and `Notification Services` are shared by no
    // translation: those rows have no reference, and nobody is told; nor
    // in SUBSTRING's result set, where its `Management Pack` for `mp` is
    // as lone as fr-fr's `Pack d’administration`, but the column names
    // both keep are, and so is de-de's `DB`, which fr-fr translated; in
    // STRING_SPLIT's, its own `Straße` has no reference: it-it's
    // `strada` and the others' changes of it are not told, their other
    // changes are.
    assert_eq!(
        cells("de-de"),
        owned(&[
            ("es-es", 108),
            ("es-es", 170),
            ("fr-fr", 72),
            ("fr-fr", 100),
            ("it-it", 66),
            ("it-it", 111),
            ("ja-jp", 57),
            ("ja-jp", 71),
            ("ko-kr", 72),
            ("ko-kr", 73),
            ("ko-kr", 115),
            ("pt-br", 111),
            ("ru-ru", 92),
            ("ru-ru", 111),
            ("zh-cn", 69),
            ("zh-cn", 92),
            ("zh-cn", 111),
            ("zh-cn", 112),
            ("zh-cn", 173),
            ("zh-tw", 72),
            ("zh-tw", 115),
        ])
    );
}

/// A list of permission letters in bold, nested in an item, as the real
/// `icacls` pages write them; `letters` replaces items by index.
fn rights(lead: &str, letters: &[(usize, &str)]) -> String {
    let items = [
        "**F** - full access",
        "**M** - modify access",
        "**RX** - read and execute access",
        "**R** - read-only access",
        "**W** - write-only access",
    ];
    let mut text = format!("# icacls\n\n- {lead} **rights**:\n\n");
    for (i, item) in items.iter().enumerate() {
        let item = letters
            .iter()
            .find(|(at, _)| *at == i)
            .map_or(*item, |(_, t)| t);
        text.push_str(&format!("    - {item}\n"));
    }
    text
}

#[test]
fn the_bold_letters_a_list_starts_its_items_with_are_a_column() {
    // Case is no change (`rx`); nor is the outer item's own bold text
    // (`**rights**`), which is no item of the inner list.
    let es = rights("Los", &[(4, "Acceso **de solo** escritura")]);
    let fr = rights("Les", &[(2, "**rx** - lecture")]);
    let it = rights("I", &[]);
    let (_, doc) = run_json(
        &[
            ("es-es/a.md", &es),
            ("fr-fr/a.md", &fr),
            ("it-it/a.md", &it),
        ],
        &[],
    );
    let found: Vec<(String, u64)> = lines_of(&doc, "translation-cell-mismatch");
    assert_eq!(found, [("content/es-es/a.md".to_owned(), 9)]);
    let odd = finding_at(&doc, "content/es-es/a.md", 9);
    assert_eq!(
        odd["message"],
        "the bold text of this list item reads `de solo` where fr-fr, it-it read `W`, in a list this page keeps as they do in 4 of its 4 other items"
    );
    assert_eq!(
        odd["location"]["column"], 16,
        "at `de solo`, inside the marks"
    );
    // Lists of bold words that a translation rightly translates, or too
    // short to tell, are not compared.
    let labels = |words: [&str; 4]| {
        let mut text = String::from("# Steps\n\n");
        for word in words {
            text.push_str(&format!("- **{word}** opens it.\n"));
        }
        text
    };
    let (_, found) = run(
        &[
            (
                "es-es/a.md",
                &labels(["Inicio", "Configuración", "Sistema", "Red"]),
            ),
            (
                "fr-fr/a.md",
                &labels(["Démarrer", "Paramètres", "Système", "Réseau"]),
            ),
            (
                "it-it/a.md",
                &labels(["Start", "Impostazioni", "Sistema", "Rete"]),
            ),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    let short = |w: &str| format!("# A\n\n- **F** - full\n- **{w}** - write\n- **R** - read\n");
    let (_, found) = run(
        &[
            ("es-es/a.md", &short("escritura")),
            ("fr-fr/a.md", &short("W")),
            ("it-it/a.md", &short("W")),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
}

/// A filter table as the real `tasklist` pages have it, with the
/// examples' code: `names` are the first cells, top to bottom.
fn filters(names: [&str; 6], code: &str) -> String {
    let operators = [
        "eq, ne",
        "eq, ne",
        "eq, ne, gt",
        "eq, ne",
        "eq, ne, lt",
        "eq, ne",
    ];
    let mut text = String::from("# tool\n\n|Filter|Operators|\n|---|---|\n");
    for (name, ops) in names.iter().zip(operators) {
        text.push_str(&format!("|{name}|{ops}|\n"));
    }
    text.push_str(&format!("\n```\n{code}\n```\n"));
    text
}

/// Without a majority (three locales, three renderings of a filter name),
/// the page's own code tells: a cell is flagged when another locale's
/// cell is a word the page's code writes and its own is not. Not when its
/// own code writes its own word too, not when no locale kept the word
/// the code writes (`MODULES`), not on a page that translates the column.
#[test]
fn a_value_the_pages_own_code_writes_is_the_reference_without_a_majority() {
    let code = "tool /fi \"STATUS eq running\" /fi \"MODULES eq ntdll*\"";
    fn names<'a>(status: &'a str, modules: &'a str) -> [&'a str; 6] {
        [status, "IMAGENAME", "PID", "SESSION", "CPUTIME", modules]
    }
    let (_, doc) = run_json(
        &[
            ("es-es/a.md", &filters(names("STATUS", "ADICIONALES"), code)),
            ("fr-fr/a.md", &filters(names("STATUT", "ACTUALIS"), code)),
            ("it-it/a.md", &filters(names("STATO", "MODULI"), code)),
        ],
        &[],
    );
    assert_eq!(
        findings(&doc),
        set(&[
            ("translation-cell-mismatch", "content/fr-fr/a.md", 5),
            ("translation-cell-mismatch", "content/it-it/a.md", 5),
        ])
    );
    let statut = finding_at(&doc, "content/fr-fr/a.md", 5);
    assert_eq!(
        statut["message"],
        "this cell reads `STATUT` where es-es reads `STATUS`, as this page's own code does on line 13, in a column this page keeps as they do in 4 of its 4 other rows"
    );
    assert_eq!(
        related(statut),
        [("content/fr-fr/a.md", 13), ("content/es-es/a.md", 5)]
    );
    // fr-fr's code writes its own word: its cell agrees with its code,
    // and only it-it is told (fr-fr's code block differs from the
    // others', which `translation-token-mismatch` says on its own line).
    let own_code = code.replace("STATUS", "STATUT");
    let (_, found) = run(
        &[
            ("es-es/a.md", &filters(names("STATUS", "MODULES"), code)),
            (
                "fr-fr/a.md",
                &filters(names("STATUT", "MODULES"), &own_code),
            ),
            ("it-it/a.md", &filters(names("STATO", "MODULES"), code)),
        ],
        &[],
    );
    assert_eq!(
        found,
        set(&[
            ("translation-cell-mismatch", "content/it-it/a.md", 5),
            ("translation-token-mismatch", "content/fr-fr/a.md", 12),
        ])
    );
    // Code that writes neither word, or a page that translates the
    // column (three of its four other rows).
    let (_, found) = run(
        &[
            (
                "es-es/a.md",
                &filters(names("STATUS", "MODULES"), "tool /v"),
            ),
            (
                "fr-fr/a.md",
                &filters(names("STATUT", "MODULES"), "tool /v"),
            ),
            ("it-it/a.md", &filters(names("STATO", "MODULES"), "tool /v")),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    let translating = ["STATUT", "NOMIMAGE", "PID", "SÉANCE", "TEMPSUC", "MODULES"];
    let (_, found) = run(
        &[
            ("es-es/a.md", &filters(names("STATUS", "MODULES"), code)),
            ("fr-fr/a.md", &filters(translating, code)),
            ("it-it/a.md", &filters(names("STATO", "MODULES"), code)),
        ],
        &[],
    );
    assert_eq!(
        found,
        set(&[("translation-cell-mismatch", "content/it-it/a.md", 5)]),
        "not fr-fr, which translates the column"
    );
}

/// A query, "Here is the result set." and the rows it returns, the
/// second column's cells as `cells` gives them, the first column's name
/// as `name` writes it.
fn result_set(name: &str, cells: [&str; 3]) -> String {
    let rows = [
        ("master", cells[0]),
        ("tempdb", cells[1]),
        ("msdb", cells[2]),
    ];
    rewritten(name, rows)
}

/// [`result_set`] with its rows as given.
fn rewritten(name: &str, rows: [(&str, &str); 3]) -> String {
    let mut text = format!(
        "# Letters\n\n```sql\nSELECT name, SUBSTRING(name, 3, 2) AS Letters FROM sys.databases;\n```\n\nHere is the result set.\n\n|{name}|Letters|\n|---|---|\n"
    );
    for (database, letters) in rows {
        text.push_str(&format!("|{database}|{letters}|\n"));
    }
    text
}

/// In a result set every cell counts, the header too, and the value two
/// locales share out-votes lone translations; a table whose header the
/// code before it does not name is compared as any table, and a page that
/// rewrote the whole table is not told.
#[test]
fn a_result_set_reads_as_the_query_returns_it_in_every_locale() {
    let site = |pages: [(&str, String); 4]| {
        let files: Vec<(String, String)> = pages
            .into_iter()
            .map(|(locale, text)| (format!("{locale}/a.md"), text))
            .collect();
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        run_json(&files, &[]).1
    };
    let doc = site([
        ("de-de", result_set("name", ["st", "Management Pack", "db"])),
        (
            "fr-fr",
            result_set("name", ["st", "Pack d’administration", "db"]),
        ),
        ("ko-kr", result_set("이름", ["st", "mp", "db"])),
        ("zh-cn", result_set("name", ["st", "mp", "db"])),
    ]);
    assert_eq!(
        lines_of(&doc, "translation-cell-mismatch"),
        [
            ("content/de-de/a.md".to_owned(), 12),
            ("content/fr-fr/a.md".to_owned(), 12),
            ("content/ko-kr/a.md".to_owned(), 9),
        ]
    );
    let header = finding_of(&doc, "translation-cell-mismatch", "content/ko-kr/a.md", 9);
    assert_eq!(
        header["message"],
        "this column name reads `이름` where this page's code writes `name`, as de-de, fr-fr, zh-cn do, in the result set of the query on line 3: what a query returns reads the same in every language"
    );
    // A table that describes the columns its code creates is no output:
    // its header is rightly translated.
    let described = |name: &str, description: &str, first: &str, second: &str| {
        format!(
            "# Table\n\n```sql\nCREATE TABLE t (Name varchar(50), Description varchar(200));\n```\n\n|{name}|{description}|\n|---|---|\n|Name|{first}|\n|Description|{second}|\n"
        )
    };
    let doc = site([
        (
            "de-de",
            described("Name", "Beschreibung", "Der Name", "Was es ist"),
        ),
        (
            "fr-fr",
            described("Nom", "Description", "Le nom", "Ce que c'est"),
        ),
        (
            "ko-kr",
            described("Name", "Description", "이름", "그것이 무엇인지"),
        ),
        (
            "zh-cn",
            described("名称", "Description", "名字", "它是什么"),
        ),
    ]);
    assert_eq!(lines_of(&doc, "translation-cell-mismatch"), []);
    // One language's two locales count once: zh-cn's and zh-tw's shared
    // translation is no kept value, and out-votes nobody.
    let doc = site([
        ("de-de", result_set("name", ["st", "Management Pack", "db"])),
        ("zh-cn", result_set("name", ["st", "管理包", "db"])),
        ("zh-tw", result_set("name", ["st", "管理包", "db"])),
        ("ko-kr", result_set("name", ["st", "mp", "db"])),
    ]);
    assert_eq!(lines_of(&doc, "translation-cell-mismatch"), []);
    // Two against two tells nothing.
    let doc = site([
        ("de-de", result_set("name", ["st", "Management Pack", "db"])),
        ("fr-fr", result_set("name", ["st", "Management Pack", "db"])),
        ("ko-kr", result_set("name", ["st", "mp", "db"])),
        ("zh-cn", result_set("name", ["st", "mp", "db"])),
    ]);
    assert_eq!(lines_of(&doc, "translation-cell-mismatch"), []);
    // A header the query does not name: no result set, and three rows
    // are too few for a column's evidence.
    let described = |cells| result_set("Database", cells);
    let doc = site([
        ("de-de", described(["st", "Management Pack", "db"])),
        ("fr-fr", described(["st", "Pack d’administration", "db"])),
        ("ko-kr", described(["st", "mp", "db"])),
        ("zh-cn", described(["st", "mp", "db"])),
    ]);
    assert_eq!(lines_of(&doc, "translation-cell-mismatch"), []);
    // A page whose rows all differ, and its query too, rewrote the
    // sample, not one cell; with the others' query, it shows what that
    // query returns, and each cell it changed is told, in one finding.
    let german = rewritten("name", [("Haupt", "u"), ("Temp", "m"), ("Dienste", "en")]);
    let others = |german: String| {
        site([
            ("de-de", german),
            ("fr-fr", result_set("name", ["st", "mp", "db"])),
            ("ko-kr", result_set("name", ["st", "mp", "db"])),
            ("zh-cn", result_set("name", ["st", "mp", "db"])),
        ])
    };
    let doc = others(german.replace("sys.databases", "sys.datenbanken"));
    assert_eq!(lines_of(&doc, "translation-cell-mismatch"), []);
    let doc = others(german);
    assert_eq!(
        lines_of(&doc, "translation-cell-mismatch"),
        [("content/de-de/a.md".to_owned(), 11)]
    );
    let told = finding_of(&doc, "translation-cell-mismatch", "content/de-de/a.md", 11);
    assert!(
        told["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("6 cells of the result set of the query on line 3")),
        "{told}"
    );
}
