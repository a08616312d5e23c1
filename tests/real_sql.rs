//! The real `QUOTENAME (Transact-SQL)` reference in eight machine
//! translations of one source version (`tests/data/real-sql`): the
//! quotation marks it shows in bold, which five of them changed, and what
//! `check --fix` writes. The rest of the site is asserted in `cells.rs`.

mod common;

use common::*;

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
    let told: Vec<(String, u64, u64)> = places(&doc)
        .into_iter()
        .filter(|(rule, file, ..)| {
            rule == "translation-token-mismatch" && file.contains("quotename")
        })
        .map(|(_, file, line, column)| (file, line, column))
        .collect();
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

    let fixed = polydoc(
        site.root(),
        &["check", "--root", ".", "--fix", "--fail-on", "never"],
    );
    assert_eq!(fixed.status.code(), Some(0), "{}", stderr(&fixed));
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
    let left: Vec<(String, u64)> = lines_of(&doc, "translation-token-mismatch")
        .into_iter()
        .filter(|(file, _)| file.contains("quotename"))
        .collect();
    assert_eq!(
        left,
        [(page("zh-cn"), 52)],
        "the lost mark is left to a person"
    );
}
