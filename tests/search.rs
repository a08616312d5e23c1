//! The search index as `polydoc build` writes it, read back the way
//! `static/search.js` reads it (the browser side is in tests/browser.rs).

mod common;

use std::collections::BTreeMap;

use common::*;
use serde_json::Value;

/// The data of `<locale>/search/<key>.js` (`polydocSearch.put("key", data);`).
fn put(site: &Fixture, locale: &str, key: &str) -> Value {
    let path = site.out(&format!("{locale}/search/{key}.js"));
    let script =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let prefix = format!("polydocSearch.put(\"{key}\",");
    let data = script
        .strip_prefix(&prefix)
        .and_then(|s| s.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("{key}.js is not a put call: {script}"));
    serde_json::from_str(data).unwrap()
}

fn shard(term: &str, shards: u64) -> u64 {
    let mut hash: u32 = 0x811c_9dc5;
    for c in term.chars().take(2) {
        hash = (hash ^ c as u32).wrapping_mul(0x0100_0193);
    }
    u64::from(hash) % shards
}

const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// (page, sections, score) of an encoded postings string.
fn postings(text: &str) -> Vec<(u64, u64, u64)> {
    let digits: Vec<u64> = text
        .chars()
        .map(|c| ALPHABET.find(c).unwrap() as u64)
        .collect();
    let mut digits = digits.into_iter().peekable();
    let varint = |digits: &mut std::iter::Peekable<std::vec::IntoIter<u64>>| {
        let (mut value, mut shift) = (0, 0);
        loop {
            let d = digits.next().unwrap();
            value += (d & 31) << shift;
            if d < 32 {
                return value;
            }
            shift += 5;
        }
    };
    let mut out = Vec::new();
    let mut page = 0;
    while digits.peek().is_some() {
        page += varint(&mut digits);
        let sections = varint(&mut digits);
        let score = digits.next().unwrap();
        out.push((page, sections, score));
    }
    out
}

/// Where `term` leads in `locale`: per page, its URL and the anchors of
/// the sections holding the term (or a word of its family).
fn lookup(site: &Fixture, locale: &str, term: &str) -> BTreeMap<String, Vec<String>> {
    let meta = put(site, locale, "meta");
    let shards = meta["shards"].as_u64().unwrap();
    let chunk = meta["chunk"].as_u64().unwrap();
    let table = put(site, locale, &format!("t{}", shard(term, shards)));
    let Some(mut list) = table.get(term).and_then(Value::as_str).map(str::to_owned) else {
        return BTreeMap::new();
    };
    // A word family's term holds the key of the family's postings,
    // which are in the stem's shard.
    if let Some(stem) = list.strip_prefix('~') {
        let family = put(site, locale, &format!("t{}", shard(stem, shards)));
        list = family[&list].as_str().unwrap().to_owned();
    }
    let list = postings(&list);
    assert!(
        list.windows(2).all(|w| w[0].0 < w[1].0),
        "{term}: a page twice in {list:?}"
    );
    list.into_iter()
        .map(|(page, sections, score)| {
            assert!((1..=63).contains(&score), "score {score}");
            let docs = put(site, locale, &format!("d{}", page / chunk));
            let doc = &docs[(page % chunk) as usize];
            let anchors = doc[2]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .filter(|(i, _)| sections >> i.min(&31) & 1 == 1)
                .map(|(_, s)| s[0].as_str().unwrap().to_owned())
                .collect();
            (doc[0].as_str().unwrap().to_owned(), anchors)
        })
        .collect()
}

fn article(site: &Fixture, locale: &str, title: &str, heading: &str, body: &str) {
    site.write(
        &format!("content/{locale}/errors.md"),
        format!(
            "---\ntitle: {title}\n---\n# {title}\n\nIntro.\n\n## <a name=\"dns\"></a>{heading}\n\n{body}\n\n## <a name=\"other\"></a>Other\n\nNothing here.\n"
        ),
    );
}

#[test]
fn an_error_code_leads_to_its_section_in_each_locale() {
    let site = Fixture::new();
    article(
        &site,
        "es-es",
        "Errores",
        "0x8007232B: el nombre DNS no existe",
        "Compruebe el DNS.",
    );
    article(
        &site,
        "it-it",
        "Errori",
        "0x8007232B Nome DNS inesistente",
        "Verifica il DNS.",
    );
    site.write(
        "content/es-es/index.md",
        "# Inicio\n\nVea [errores](errors.md).\n",
    );
    let built = site.build(&[]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    for locale in ["es-es", "it-it"] {
        let meta = put(&site, locale, "meta");
        let pages = if locale == "es-es" { 2 } else { 1 };
        assert_eq!(meta["pages"], pages, "{locale}");
        assert_eq!(
            lookup(&site, locale, "0x8007232b"),
            BTreeMap::from([("errors.html".to_owned(), vec!["dns".to_owned()])]),
            "{locale}"
        );
    }
    // The page title counts for the page's first section.
    assert_eq!(
        lookup(&site, "es-es", "errores"),
        BTreeMap::from([
            ("errors.html".to_owned(), vec![String::new()]),
            ("index.html".to_owned(), vec![String::new()]),
        ])
    );
}

/// The family's stem a term of `locale` leads to, if any.
fn family(site: &Fixture, locale: &str, term: &str) -> Option<String> {
    let shards = put(site, locale, "meta")["shards"].as_u64().unwrap();
    let table = put(site, locale, &format!("t{}", shard(term, shards)));
    let value = table[term].as_str().unwrap();
    value.strip_prefix('~').map(str::to_owned)
}

#[test]
fn a_word_finds_the_pages_with_other_forms_of_it() {
    let site = Fixture::new();
    article(
        &site,
        "es-es",
        "Errores",
        "Claves de producto",
        "Error 0x8007232A o 0x8007232E: compruebe la solución.",
    );
    site.write(
        "content/es-es/keys.md",
        "# Clave\n\nUse una clave de producto para activar Windows. Solución o solucion.\n",
    );
    article(
        &site,
        "it-it",
        "Errori",
        "Attivazione",
        "Errore non valido.",
    );
    site.write(
        "content/it-it/keys.md",
        "# Chiavi\n\nAttivare Windows. Vedi gli errori.\n",
    );
    let built = site.build(&[]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let both = BTreeMap::from([
        ("errors.html".to_owned(), vec!["dns".to_owned()]),
        ("keys.html".to_owned(), vec![String::new()]),
    ]);
    // Spanish: `claves` and `clave` are one family, whichever is searched.
    assert_eq!(lookup(&site, "es-es", "claves"), both);
    assert_eq!(lookup(&site, "es-es", "clave"), both);
    assert_eq!(family(&site, "es-es", "claves").as_deref(), Some("clav"));
    // `solución` and `solucion` fold to one term: keys.html once.
    assert_eq!(lookup(&site, "es-es", "solucion"), both);
    // Codes keep their last letter: no family, each its own page set.
    assert_eq!(family(&site, "es-es", "0x8007232a"), None);
    assert_eq!(family(&site, "es-es", "0x8007232e"), None);
    assert_eq!(lookup(&site, "es-es", "0x8007232e").len(), 1);
    // Italian stems by Italian rules: `attivazione` meets `attivare`,
    // `errore` meets `errori`.
    assert_eq!(
        lookup(&site, "it-it", "attivare"),
        lookup(&site, "it-it", "attivazione")
    );
    assert_eq!(lookup(&site, "it-it", "attivare").len(), 2);
    assert_eq!(lookup(&site, "it-it", "errore").len(), 2);
    // A word of one page and no other form is a term of its own.
    assert_eq!(family(&site, "es-es", "producto"), None);
}

#[test]
fn accents_fold_and_chinese_is_indexed_by_pairs() {
    let site = Fixture::new();
    article(
        &site,
        "es-es",
        "Activación",
        "Solución",
        "Ejecute el diagnóstico.",
    );
    article(&site, "zh-cn", "激活", "解决方法", "运行激活错误诊断工具。");
    let built = site.build(&[]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let dns = |anchor: &str| BTreeMap::from([("errors.html".to_owned(), vec![anchor.to_owned()])]);
    assert_eq!(lookup(&site, "es-es", "solucion"), dns("dns"));
    assert_eq!(lookup(&site, "es-es", "diagnostico"), dns("dns"));
    assert_eq!(lookup(&site, "es-es", "diagnóstico"), BTreeMap::new());
    for pair in ["错误", "诊断", "解决"] {
        assert_eq!(lookup(&site, "zh-cn", pair), dns("dns"), "{pair}");
    }
    // A title of two characters is one pair.
    assert!(lookup(&site, "zh-cn", "激活").contains_key("errors.html"));
}

#[test]
fn every_page_has_a_search_box_on_its_locale_index() {
    let site = Fixture::new();
    article(&site, "es-es", "Errores", "DNS", "Texto.");
    article(&site, "it-it", "Errori", "DNS", "Testo.");
    let built = site.build(&[]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    for locale in ["es-es", "it-it"] {
        let page = format!("{locale}/errors.html");
        let html = site.html(&page);
        let form = select(&html, "form.search[role='search'][data-search]");
        assert_eq!(form.len(), 1, "{page}");
        let index = resolve(
            &site.out(&page),
            &format!("{}meta.js", attr(&form[0], "data-search")),
        );
        assert_eq!(index, site.out(&format!("{locale}/search/meta.js")));
        assert!(index.is_file());
        let script = select(&html, "script[src$='search.js']");
        assert!(resolve(&site.out(&page), attr(&script[0], "src")).is_file());
        // Hidden until the script shows it: without JavaScript it would do nothing.
        assert!(form[0].value().attr("hidden").is_some());
    }
}

#[test]
fn search_can_be_turned_off() {
    let site = Fixture::new();
    article(&site, "es-es", "Errores", "DNS", "Texto.");
    site.write("polydoc.toml", "search = false\n");
    let built = site.build(&[]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    assert!(!site.out("es-es/search").exists());
    let html = site.html("es-es/errors.html");
    assert!(select(&html, "form.search").is_empty());
    assert!(select(&html, "script[src$='search.js']").is_empty());
}

/// Pages that ask search engines to leave them out (`ROBOTS: NOINDEX`)
/// and pages that moved (`redirect_url`) are not in the site's search.
#[test]
fn noindex_pages_and_redirects_are_not_searched() {
    let site = Fixture::new();
    site.write("content/en-us/kept.md", "# Kept\n\nZebrafish care.\n")
        .write(
            "content/en-us/hidden.md",
            "---\nROBOTS: NOINDEX, NOFOLLOW\n---\n# Hidden\n\nZebrafish secrets.\n",
        )
        .write(
            "content/en-us/moved.md",
            "---\nredirect_url: kept.md\n---\n# Moved\n\nZebrafish history.\n",
        );
    let built = site.build(&[]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    assert_eq!(put(&site, "en-us", "meta")["pages"], 1);
    assert_eq!(
        lookup(&site, "en-us", "zebrafish"),
        BTreeMap::from([("kept.html".to_owned(), vec![String::new()])])
    );
    let hidden = site.html("en-us/hidden.html");
    assert_eq!(
        attrs(&hidden, "meta[name=robots]", "content"),
        ["NOINDEX, NOFOLLOW"]
    );
    assert!(
        attrs(
            &site.html("en-us/kept.html"),
            "meta[name=robots]",
            "content"
        )
        .is_empty()
    );
}
