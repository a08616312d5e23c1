//! The real `QUOTENAME (Transact-SQL)` reference in eight machine
//! translations of one source version (`tests/data/real-sql`): the
//! quotation marks it shows in bold, which five of them changed; two data
//! type pages in eight each: the type names they define in bold, which
//! four of them translated; the numbers split after their group
//! separator on `ENCRYPTBYASYMKEY` and `DATEDIFF`; and what `check --fix`
//! writes. The rest of the site is asserted in `cells.rs`.

mod common;

use common::*;

/// The `translation-token-mismatch` findings in files whose path holds
/// `part`: (file, line, column).
fn mismatches(doc: &serde_json::Value, part: &str) -> Vec<(String, u64, u64)> {
    places(doc)
        .into_iter()
        .filter(|(rule, file, ..)| rule == "translation-token-mismatch" && file.contains(part))
        .map(|(_, file, line, column)| (file, line, column))
        .collect()
}

/// Runs `check --fix` on `site`, which must succeed.
fn fix_all(site: &Fixture) {
    let fixed = polydoc(
        site.root(),
        &["check", "--root", ".", "--fix", "--fail-on", "never"],
    );
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
}

fn page(locale: &str) -> String {
    format!("content/{locale}/t-sql/functions/quotename-transact-sql.md")
}

/// es-es, pt-br and zh-tw write "a single quotation mark ( **'** ), a left
/// or right bracket ( **[]** ), or a double quotation mark ( **"** )", as
/// the source does; de-de and ru-ru write `**"**` for the single mark,
/// ru-ru and fr-fr `**»**` for the double one, ja-jp `**:operator[]**` for
/// the brackets, and zh-cn lost the single mark and its bold (`(  )`).
/// Nothing else of the eight pages is a translation's slip.
#[test]
fn the_real_quotename_pages_show_the_quotation_marks_they_changed() {
    let site = copy_of_real("real-sql");
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let told = mismatches(&doc, "quotename");
    assert_eq!(
        told,
        [
            (page("de-de"), 57, 117),
            (page("fr-fr"), 53, 186),
            (page("ja-jp"), 55, 66),
            (page("ru-ru"), 53, 95),
            (page("zh-cn"), 52, 2),
        ]
    );
    let at =
        |locale: &str, line| finding_of(&doc, "translation-token-mismatch", &page(locale), line);
    let ru = at("ru-ru", 53);
    assert_eq!(ru["severity"], "warning");
    assert_eq!(
        ru["message"],
        "this paragraph writes `\"` and `»` in bold where es-es, pt-br, zh-tw write `'` and `\"`: characters written alone in bold are what readers type, and machine translation changed them"
    );
    assert_eq!(
        ru["help"],
        "write `'`, `[]` and `\"` in bold, as es-es, pt-br, zh-tw do: a character a reader types is not translated"
    );
    assert_eq!(replacements(ru), ["'", "\""]);
    assert_eq!(
        related(ru),
        [
            (page("es-es").as_str(), 54),
            (page("pt-br").as_str(), 54),
            (page("zh-tw").as_str(), 54)
        ]
    );
    assert_eq!(replacements(at("de-de", 57)), ["'"]);
    assert_eq!(replacements(at("fr-fr", 53)), ["\""]);
    let ja = at("ja-jp", 55);
    assert_eq!(
        ja["message"],
        "this paragraph writes `:operator[]` in bold where es-es, pt-br, zh-tw write `[]`: characters written alone in bold are what readers type, and machine translation changed them"
    );
    assert_eq!(replacements(ja), ["[]"]);
    let zh = at("zh-cn", 52);
    assert_eq!(
        zh["message"],
        "this paragraph lacks the `'` in bold that es-es, pt-br, zh-tw write: characters written alone in bold are what readers type, and machine translation lost them"
    );
    assert_eq!(
        replacements(zh),
        Vec::<&str>::new(),
        "where it stood, a person sees"
    );

    // Its see-also link text splits `&#40;` after the `&`.
    let split = finding_of(&doc, "escaped-entity", &page("ja-jp"), 93);
    assert_eq!(
        split["message"],
        "`& #40` is a character reference machine translation split with a space: readers see `& #40`, not `(`"
    );
    assert_eq!(replacements(split), Vec::<&str>::new());
    assert_eq!(
        split["notes"],
        serde_json::json!([
            "after it on this line, `と #41` is `&#41;` taken apart the same way, its `&` made a word: readers see `と #41`, not `)`; write `&#41;` there too"
        ])
    );

    fix_all(&site);
    let read =
        |locale: &str| std::fs::read_to_string(site.root().join(page(locale))).unwrap_or_default();
    assert!(
        read("ru-ru").contains(
            "Может быть одинарной кавычки ( **'** ), левую или правую скобку ( **[]** ), или двойной кавычкой ( **\"** )."
        ),
        "{}",
        read("ru-ru")
    );
    assert!(read("de-de").contains("einfaches Anführungszeichen ( **'** )"));
    assert!(read("fr-fr").contains("un guillemet double ( **\"** )"));
    assert!(read("ja-jp").contains("左または右角かっこ ( **[]** )"));
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let left: Vec<(String, u64)> = mismatches(&doc, "quotename")
        .into_iter()
        .map(|(file, line, _)| (file, line))
        .collect();
    assert_eq!(
        left,
        [(page("zh-cn"), 52)],
        "the lost mark is left to a person"
    );
}

fn data_type_page(name: &str, locale: &str) -> String {
    format!("content/{locale}/t-sql/data-types/{name}-transact-sql.md")
}

/// SQL Server's "ntext, text, and image" page lists its arguments as
/// `**ntext**`, `**text**` and `**image**`, each alone on its line, and
/// its "Data type precedence" page lists the types one per item, in bold.
/// Of eight machine translations of each, pt-br translated `text` and
/// `image` on both pages (`**texto**`, `**imagem**`), de-de `date` and
/// `time` (`**Datum**`, `**Uhrzeit**`), it-it `date` (`**data**`), and
/// zh-cn wrote `**int**` twice, where the others write `**smallint**`
/// second. The prose's mentions, which every translation words its own
/// way, and the last item, which every one translated (`binary`), give
/// nothing.
#[test]
fn the_real_data_type_pages_keep_the_type_names_they_define_in_bold() {
    let site = copy_of_real("real-sql");
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let ntext = |locale: &str| data_type_page("ntext-text-and-image", locale);
    let precedence = |locale: &str| data_type_page("data-type-precedence", locale);
    let told = mismatches(&doc, "/data-types/");
    assert_eq!(
        told,
        [
            (precedence("de-de"), 47, 7),
            (precedence("de-de"), 48, 6),
            (precedence("it-it"), 46, 7),
            (precedence("pt-br"), 59, 6),
            (precedence("pt-br"), 60, 6),
            (ntext("pt-br"), 51, 3),
            (ntext("pt-br"), 54, 3),
            (precedence("zh-cn"), 59, 6),
        ]
    );
    let at = |file: &str, line| finding_of(&doc, "translation-token-mismatch", file, line);
    let text = at(&ntext("pt-br"), 51);
    assert_eq!(text["severity"], "warning");
    assert_eq!(
        text["message"],
        "this paragraph opens with `texto` in bold where de-de, es-es, it-it, ja-jp, ko-kr, ru-ru, zh-cn write `text`: a term in bold on a line of its own is a name readers type (an argument, a type, a keyword), and this page itself writes `text` in its heading `ntext, text e image (Transact-SQL)`"
    );
    assert_eq!(
        text["help"],
        "write `text`, as de-de, es-es, it-it, ja-jp, ko-kr, ru-ru, zh-cn do: a name readers type is the same in every language"
    );
    assert_eq!(replacements(text), ["text"]);
    assert_eq!(related(text).len(), 7);
    assert_eq!(related(text)[0], (ntext("de-de").as_str(), 48));
    let date = at(&precedence("de-de"), 47);
    assert_eq!(
        date["message"],
        "this list item opens with `Datum` in bold where ja-jp, ko-kr, pt-br, ru-ru, zh-cn, zh-tw write `date`: a term in bold on a line of its own is a name readers type (an argument, a type, a keyword), and this page keeps `sql_variant`, a term of the same section, as they write it"
    );
    assert_eq!(replacements(date), ["date"]);
    assert_eq!(replacements(at(&precedence("zh-cn"), 59)), ["smallint"]);

    fix_all(&site);
    let read = |file: String| std::fs::read_to_string(site.root().join(file)).unwrap_or_default();
    let pt = read(ntext("pt-br"));
    assert!(pt.contains("\n**text**  \nDados não Unicode"), "{pt}");
    assert!(pt.contains("\n**image**  \nDados binários"), "{pt}");
    assert!(
        pt.contains("usadas com **ntext**, **texto**, ou **imagem** dados."),
        "prose is left alone"
    );
    let de = read(precedence("de-de"));
    assert!(de.contains("1.  **date**  \n1. **time**  \n"), "{de}");
    assert!(read(precedence("it-it")).contains("1.  **date**  \n"));
    assert!(read(precedence("zh-cn")).contains("1. **int**  \n1. **smallint**  \n"));
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let left: Vec<(String, u64)> = mismatches(&doc, "/data-types/")
        .into_iter()
        .map(|(file, line, _)| (file, line))
        .collect();
    assert_eq!(left, []);
}

/// SQL Server's `ENCRYPTBYASYMKEY` page in eight machine translations of
/// one version: ko-kr writes the return type's limit `8, 000` bytes,
/// split after its group separator, where the others write `8,000`,
/// `8.000`, `8 000` or `8000`; and ja-jp's `DATEDIFF` the limits of `int`
/// as `-2,147, 483,648 ~ +2,147, 483,647`. Each is told as the split
/// number it is, at the number, and joined by `check --fix`. The type
/// every translation translated in bold (`binary`: `**binario**`,
/// `**이진**`, ...), de-de's capitalized types (`**Nvarchar**`) and the
/// Chinese pages' example sentence, whose two code spans changed places,
/// give nothing: no locale keeps `binary`, SQL reads `Nvarchar` alike,
/// and word order is the translation's to choose.
#[test]
fn numbers_split_after_their_group_separator_are_told_and_joined() {
    let site = copy_of_real("real-sql");
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let encrypt =
        |locale: &str| format!("content/{locale}/t-sql/functions/encryptbyasymkey-transact-sql.md");
    let datediff =
        |locale: &str| format!("content/{locale}/t-sql/functions/datediff-transact-sql.md");
    assert_eq!(
        mismatches(&doc, "encryptbyasymkey"),
        [(encrypt("ko-kr"), 62, 23)]
    );
    let ko = finding_of(&doc, "translation-token-mismatch", &encrypt("ko-kr"), 62);
    assert_eq!(ko["severity"], "error");
    assert_eq!(
        ko["location"]["end_column"], 29,
        "the caret covers `8, 000`"
    );
    assert_eq!(
        ko["message"],
        "this paragraph has `8, 000` where de-de, es-es, fr-fr, it-it, ru-ru, zh-cn, zh-tw have `8.000`: a space after a digit-group separator splits the number"
    );
    assert_eq!(
        ko["help"],
        "write `8,000`, without the space: de-de, es-es, fr-fr, it-it, ru-ru, zh-cn, zh-tw write the number whole"
    );
    assert_eq!(replacements(ko), ["8,000"]);
    assert_eq!(related(ko).len(), 7);
    let ja = finding_of(&doc, "translation-token-mismatch", &datediff("ja-jp"), 93);
    assert_eq!(
        ja["message"],
        "this paragraph has `2,147, 483,648`, `2,147, 483,647` where de-de, fr-fr, it-it have `2,147,483,648`, `2,147,483,647`: a space after a digit-group separator splits each number"
    );
    assert_eq!(replacements(ja), ["2,147,483,648", "2,147,483,647"]);

    fix_all(&site);
    let read = |file: String| std::fs::read_to_string(site.root().join(file)).unwrap_or_default();
    assert!(read(encrypt("ko-kr")).contains(" **varbinary** 최대 크기가 8,000 바이트입니다.  \n"));
    assert!(read(datediff("ja-jp")).contains("(-2,147,483,648 ~ +2,147,483,647)"));
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    assert_eq!(mismatches(&doc, "encryptbyasymkey"), []);
    assert!(
        !mismatches(&doc, "datediff")
            .iter()
            .any(|(file, line, _)| *file == datediff("ja-jp") && *line == 93)
    );
}

/// SQL Server's `HASHBYTES` page, translated by hand into de-de and by
/// machine into ko-kr from one version: ko-kr writes `**@input****varchar**`
/// where de-de reads "**@input** ist **varchar**", two bold runs written
/// together that show `@input****varchar` in bold: told at the four
/// asterisks and set apart by `check --fix`. Its `SHA2_512 512 비트`
/// ("512 bits for SHA2_512", de-de's `512 Bits ... für SHA2_512`) holds no
/// number 512512: the pages disagree on no token.
#[test]
fn the_real_hashbytes_pages_set_bold_runs_apart_and_keep_their_numbers() {
    let site = copy_of_real("real-sql");
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let page = |locale: &str| format!("content/{locale}/t-sql/functions/hashbytes-transact-sql.md");
    assert_eq!(mismatches(&doc, "hashbytes"), []);
    let stray = finding_of(&doc, "stray-bold", &page("ko-kr"), 53);
    assert_eq!(
        stray["message"],
        "`****` shows as four asterisks: two bold runs written against each other read as one"
    );
    assert_eq!(replacements(stray), ["** **"]);
    fix_all(&site);
    let ko = std::fs::read_to_string(site.root().join(page("ko-kr"))).unwrap_or_default();
    assert!(
        ko.contains("변수를 지정합니다. **@input** **varchar**, **nvarchar**"),
        "{ko}"
    );
}

/// SUBSTRING's first example shows its result set as a table whose header
/// names the query's columns; four machine translations translated
/// `tempdb`'s third and fourth letters, `mp`, each in its own words, and
/// ru-ru renamed the column `name`. Two locales keeping `mp` out-vote four
/// different translations: no two languages translate alike.
#[test]
fn the_real_substring_pages_keep_their_result_set_as_the_query_returns_it() {
    let site = copy_of_real("real-sql");
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let page = |locale: &str| format!("content/{locale}/t-sql/functions/substring-transact-sql.md");
    let letters = finding_of(&doc, "translation-cell-mismatch", &page("de-de"), 96);
    assert_eq!(letters["severity"], "warning");
    assert_eq!(
        letters["message"],
        "this cell reads `Management Pack` where ko-kr, zh-cn read `mp`, in the result set of the query on line 84: what a query returns reads the same in every language"
    );
    assert_eq!(
        letters["help"],
        "a result set shows the query's output, which no translation changes: change `Management Pack` to `mp`, as in ko-kr, zh-cn; if this locale is right, correct the others"
    );
    assert_eq!(letters["location"]["column"], 15);
    assert_eq!(
        related(letters),
        [(page("ko-kr").as_str(), 94), (page("zh-cn").as_str(), 95)]
    );
    let name = finding_of(&doc, "translation-cell-mismatch", &page("ru-ru"), 92);
    assert_eq!(
        name["message"],
        "2 cells of the result set of the query on line 83 read otherwise than in the other locales: `имя` where this page's code writes `name`, as de-de, fr-fr, ja-jp, ko-kr, zh-cn do (line 92), `пакет управления` where ko-kr, zh-cn read `mp` (line 95): what a query returns reads the same in every language"
    );
    assert_eq!(name["location"]["column"], 2);
    assert_eq!(related(name)[0], (page("ru-ru").as_str(), 95));
}

/// STRING_SPLIT's second example splits the tags `'clothing,road,,touring,bike'`
/// its code declares; six of seven machine translations translated tags
/// in the result set, and the column names. The page's code is the
/// reference, and each page's changed cells make one finding; the same
/// change on several rows is said once.
#[test]
fn the_real_string_split_pages_are_told_once_each_what_their_code_returns() {
    let site = copy_of_real("real-sql");
    let (_, doc) = check_json(site.root(), &["--fail-on", "never"]);
    let page =
        |locale: &str| format!("content/{locale}/t-sql/functions/string-split-transact-sql.md");
    let german = finding_of(&doc, "translation-cell-mismatch", &page("de-de"), 118);
    assert_eq!(
        german["message"],
        "this cell reads `Straße` where this page's code writes `road`, as pt-br, zh-cn do, in the result set of the query on line 107: what a query returns reads the same in every language"
    );
    assert_eq!(
        german["help"],
        "a result set shows the query's output, which no translation changes: change `Straße` to `road`, as in pt-br, zh-cn; if this locale is right, correct the others"
    );
    let portuguese = finding_of(&doc, "translation-cell-mismatch", &page("pt-br"), 111);
    assert_eq!(
        portuguese["message"],
        "6 cells of the result set of the query on line 103 read otherwise than in the other locales: `Nome` where this page's code writes `Name`, as de-de, zh-cn do (line 111), `roupas` where this page's code writes `clothing`, as de-de, zh-tw do (line 113), `Passeio` where this page's code writes `touring`, as de-de, it-it, ko-kr, zh-cn, zh-tw do (line 115), `Bicicleta` where this page's code writes `bike`, as de-de does (lines 116, 117, 118): what a query returns reads the same in every language"
    );
    assert_eq!(portuguese["location"]["column"], 12);
    assert_eq!(
        related(portuguese)[..5],
        [
            (page("pt-br").as_str(), 113),
            (page("pt-br").as_str(), 115),
            (page("pt-br").as_str(), 116),
            (page("pt-br").as_str(), 117),
            (page("pt-br").as_str(), 118),
        ]
    );
}
