//! The built example site driven in headless Chromium over the DevTools
//! protocol: what a reader does, checked where only a browser can check
//! it (scripts run, links followed, the page scrolled).
//!
//! Needs Debian's `chromium` (or `POLYDOC_CHROMIUM=/path/to/chrome`);
//! `.ci/test` installs it when missing. Without a browser these tests
//! fail, on purpose: a skipped browser test would pass in CI unseen.
//!
//! The site is opened from `file://`, as a reader opens
//! `public/index.html`: search must work without a server.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::{Browser, LaunchOptions, Tab};

use common::*;

const ES: &str = "es-es/get-started/activation-error-codes.html";
const IT: &str = "it-it/get-started/activation-error-codes.html";

fn site() -> &'static Path {
    example_site()
}

fn url(path: &str) -> String {
    format!("file://{}", site().join(path).display())
}

fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("POLYDOC_CHROMIUM") {
        return PathBuf::from(path);
    }
    for candidate in [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ] {
        if Path::new(candidate).is_file() {
            return PathBuf::from(candidate);
        }
    }
    panic!(
        "no Chromium found: install Debian's `chromium` package (`.ci/test` does) \
         or set POLYDOC_CHROMIUM to a Chrome or Chromium binary"
    );
}

/// A browser with one tab that records console errors, uncaught
/// exceptions and failed loads (a missing script or index file).
struct Reader {
    _browser: Browser,
    tab: Arc<Tab>,
    errors: Arc<Mutex<Vec<String>>>,
}

impl Reader {
    fn new() -> Reader {
        Reader::sized(1280, 900)
    }

    /// A reader whose window is `width` x `height` CSS pixels (390 wide is a phone).
    fn sized(width: u32, height: u32) -> Reader {
        let profile = tempfile::tempdir().unwrap();
        // The flags keep Chromium from reaching for the network at start,
        // which a closed CI network answers with errors.
        let args: Vec<&OsStr> = [
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ]
        .iter()
        .map(OsStr::new)
        .collect();
        let options = LaunchOptions::default_builder()
            .path(Some(chromium()))
            .headless(true)
            .sandbox(false)
            .window_size(Some((width, height)))
            .user_data_dir(Some(profile.keep()))
            .args(args)
            .idle_browser_timeout(Duration::from_secs(120))
            .build()
            .unwrap();
        let browser = Browser::new(options).expect("Chromium starts");
        let tab = browser.new_tab().unwrap();
        tab.set_default_timeout(Duration::from_secs(10));
        tab.enable_runtime().unwrap();
        tab.enable_log().unwrap();
        let errors = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&errors);
        tab.add_event_listener(Arc::new(move |event: &Event| {
            let message = match event {
                Event::RuntimeExceptionThrown(e) => {
                    Some(format!("uncaught: {}", e.params.exception_details.text))
                }
                Event::RuntimeConsoleAPICalled(e)
                    if format!("{:?}", e.params.Type).contains("Error") =>
                {
                    let args: Vec<String> = e
                        .params
                        .args
                        .iter()
                        .map(|a| match (&a.value, &a.description) {
                            (Some(value), _) => value.to_string(),
                            (None, Some(description)) => description.clone(),
                            (None, None) => String::new(),
                        })
                        .collect();
                    Some(format!("console.error: {}", args.join(" ")))
                }
                Event::LogEntryAdded(e)
                    if format!("{:?}", e.params.entry.level).contains("Error") =>
                {
                    Some(format!("{}: {:?}", e.params.entry.text, e.params.entry.url))
                }
                _ => None,
            };
            if let Some(message) = message {
                sink.lock().unwrap().push(message);
            }
        }))
        .unwrap();
        Reader {
            _browser: browser,
            tab,
            errors,
        }
    }

    /// Clicks `selector`, retrying for a while: an element that was just
    /// revealed (a link in a `<details>` whose summary was clicked) may
    /// have no layout box yet when the click is sent, which once failed
    /// a test.
    fn click(&self, selector: &str) {
        let started = Instant::now();
        loop {
            let clicked = self
                .tab
                .find_element(selector)
                .and_then(|element| element.click().map(drop));
            match clicked {
                Ok(()) => return,
                Err(e) if started.elapsed() > Duration::from_secs(10) => panic!("{selector}: {e}"),
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    /// Picks `tag` in the language switcher and waits for its page.
    fn switch_language(&self, tag: &str) {
        self.click(".language-switcher summary");
        self.click(&format!(".language-switcher a[hreflang='{tag}']"));
        self.wait_for(&format!("document.documentElement.lang === '{tag}'"));
    }

    /// Types `query` into the search box and waits until results are listed.
    fn search(&self, query: &str) {
        let input = self.tab.find_element(".search input").unwrap();
        input.click().unwrap();
        input.type_into(query).unwrap();
        self.wait_for("document.querySelectorAll('.search-results li').length > 0");
    }

    /// Clears the search box and its results (Escape), types `query` and
    /// waits until results are listed again.
    fn search_again(&self, query: &str) {
        self.tab.press_key("Escape").unwrap();
        self.wait_for("document.querySelectorAll('.search-results li').length === 0");
        self.tab.type_str(query).unwrap();
        self.wait_for("document.querySelectorAll('.search-results li').length > 0");
    }

    /// Clears the search box (Escape), types `query` and waits until
    /// search says it found nothing.
    fn search_again_for_nothing(&self, query: &str) {
        self.tab.press_key("Escape").unwrap();
        self.tab.type_str(query).unwrap();
        self.wait_for("!!document.querySelector('.search-results .search-empty')");
    }

    fn open(&self, path: &str) {
        self.open_url(&url(path));
    }

    fn open_url(&self, url: &str) {
        self.tab.navigate_to(url).unwrap();
        self.tab.wait_until_navigated().unwrap();
    }

    /// The value of `expression`, passed through JSON (the protocol hands
    /// back objects and arrays by reference otherwise).
    fn js(&self, expression: &str) -> serde_json::Value {
        self.try_js(expression)
            .unwrap_or_else(|e| panic!("{expression}: {e}"))
    }

    /// [`Reader::js`], or the protocol's error: while a page is being
    /// replaced (a link followed), its context may be gone.
    fn try_js(&self, expression: &str) -> Result<serde_json::Value, String> {
        let wrapped = format!("JSON.stringify({expression})");
        let result = self
            .tab
            .evaluate(&wrapped, true)
            .map_err(|e| e.to_string())?;
        Ok(match result.value {
            Some(serde_json::Value::String(json)) => serde_json::from_str(&json).unwrap(),
            _ => serde_json::Value::Null,
        })
    }

    fn js_str(&self, expression: &str) -> String {
        match self.js(expression) {
            serde_json::Value::String(s) => s,
            other => panic!("{expression} gave {other}"),
        }
    }

    /// Waits until `expression` is true, for scripts that answer later and
    /// pages that are still loading (an evaluation that fails while the
    /// page is replaced is tried again).
    fn wait_for(&self, expression: &str) {
        let started = Instant::now();
        while self.try_js(expression) != Ok(serde_json::Value::Bool(true)) {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "timed out waiting for {expression}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The page's own `location.href`, relative to the site. Not
    /// `Tab::get_url`: headless_chrome updates that from a later protocol
    /// event, so right after a navigation it may still name the old page
    /// (it failed a CI run that way).
    fn path(&self) -> String {
        let url = self.js_str("location.href");
        let root = format!("file://{}/", site().display());
        url.strip_prefix(&root).unwrap_or(&url).to_owned()
    }

    fn assert_no_errors(&self) {
        let errors = self.errors.lock().unwrap();
        assert!(errors.is_empty(), "the browser reported: {errors:#?}");
    }
}

#[test]
fn language_switcher_goes_to_the_translation_and_back() {
    let reader = Reader::new();
    reader.open(ES);
    assert_eq!(reader.js_str("document.documentElement.lang"), "es-ES");
    reader.switch_language("it-IT");
    assert_eq!(reader.path(), IT);
    reader.switch_language("es-ES");
    assert_eq!(reader.path(), ES);
    reader.assert_no_errors();
}

#[test]
fn a_summary_table_link_lands_on_its_section_below_the_header() {
    // A desktop window, and a phone, where the header takes two rows.
    for (width, height) in [(1280, 900), (390, 800)] {
        let reader = Reader::sized(width, height);
        reader.open(ES);
        let link =
            "#summary-of-error-codes + .table-wrap a[href='#0x8007232b-dns-name-does-not-exist']";
        reader.click(link);
        reader.wait_for("location.hash === '#0x8007232b-dns-name-does-not-exist'");
        // The heading is scrolled to the top, not hidden under the sticky header.
        let placement = reader.js(
            "(() => { const h = document.getElementById('0x8007232b-dns-name-does-not-exist');
                      const top = h.getBoundingClientRect().top;
                      const header = document.querySelector('.site-header').getBoundingClientRect().bottom;
                      return [top >= header - 1, top < innerHeight / 3, scrollY > 0]; })()",
        );
        assert_eq!(
            placement,
            serde_json::json!([true, true, true]),
            "{width}px"
        );
        assert_eq!(
            reader.js_str("document.querySelector(':target').textContent"),
            "0x8007232B: el nombre DNS no existe"
        );
        reader.assert_no_errors();
    }
}

#[test]
fn on_a_phone_the_article_comes_first_and_the_navigation_opens_on_demand() {
    let nav = "document.querySelector('.site-nav > details').open";
    let desktop = Reader::new();
    desktop.open(ES);
    assert_eq!(desktop.js(nav), serde_json::json!(true));
    let phone = Reader::sized(390, 800);
    phone.open(ES);
    assert_eq!(phone.js(nav), serde_json::json!(false));
    let h1_top = phone.js("document.querySelector('.content h1').getBoundingClientRect().top");
    assert!(
        h1_top.as_f64().unwrap() < 400.0,
        "the title is at {h1_top}px on an 800px screen"
    );
    phone.click(".site-nav summary");
    phone.wait_for("document.querySelector('.site-nav > details').open");
    assert!(
        phone
            .js_str("document.querySelector('.site-nav').textContent")
            .contains("Inicio")
    );
    desktop.assert_no_errors();
    phone.assert_no_errors();
}

#[test]
fn on_a_phone_search_results_take_the_width_of_the_screen() {
    let reader = Reader::sized(390, 800);
    reader.open(ES);
    reader.search("dns");
    let width = reader
        .js("document.querySelector('.search-results').getBoundingClientRect().width / innerWidth");
    assert!(
        width.as_f64().unwrap() > 0.85,
        "results are {width} of the screen"
    );
    reader.assert_no_errors();
}

#[test]
fn search_for_an_error_code_lists_its_section_and_opens_it() {
    for (page, heading) in [
        (ES, "0x8007232B: el nombre DNS no existe"),
        (IT, "0x8007232B Nome DNS inesistente"),
    ] {
        let reader = Reader::new();
        reader.open(page);
        reader.search("0x8007232B");
        let first = reader.js(
            "(() => { const a = document.querySelector('.search-results li a');
                      return [a.querySelector('.search-section').textContent,
                              a.querySelector('mark').textContent,
                              a.getAttribute('href').split('/').pop()]; })()",
        );
        assert_eq!(
            first,
            serde_json::json!([
                heading,
                "0x8007232B",
                "activation-error-codes.html#0x8007232b-dns-name-does-not-exist"
            ]),
            "{page}"
        );
        reader.click(".search-results li a");
        reader.wait_for("location.hash === '#0x8007232b-dns-name-does-not-exist'");
        reader.assert_no_errors();
    }
}

#[test]
fn search_folds_accents_and_says_when_nothing_matches() {
    let reader = Reader::new();
    reader.open(ES);
    // "diagnostico" without its accent finds "Herramienta de diagnóstico".
    reader.search("herramienta diagnostico");
    assert_eq!(
        reader.js_str("document.querySelector('.search-results .search-section').textContent"),
        "Herramienta de diagnóstico"
    );
    reader.search_again_for_nothing("zzzqqq");
    assert_eq!(
        reader.js_str("document.querySelector('.search-empty').textContent"),
        "Sin resultados"
    );
    reader.assert_no_errors();
}

#[test]
fn search_finds_other_forms_of_a_word() {
    let reader = Reader::new();
    reader.open(ES);
    let headings = "Array.from(document.querySelectorAll('.search-results .search-section'))
           .map(s => [s.textContent, Array.from(s.querySelectorAll('mark'), m => m.textContent)])";
    let marks = "Array.from(new Set(Array.from(document.querySelectorAll('.search-results mark'),
           m => m.textContent.toLowerCase()))).sort()";
    let sections = |mark: &str| {
        serde_json::json!([
            [
                "0x80070490: la clave de producto que escribió no funcionó",
                [mark]
            ],
            [
                "0xC004C001: el servidor de activación determinó que la clave de producto especificada no es válida",
                [mark]
            ],
            [
                "0xC004C003: el servidor de activación determinó que la clave de producto especificada está bloqueada",
                [mark]
            ],
        ])
    };
    // `claves` (a finished word: no prefix matching) finds the sections
    // headed with its singular, `clave`, marking the stem both share.
    reader.search("claves ");
    assert_eq!(reader.js(headings), sections("clav"));
    assert_eq!(reader.js(marks), serde_json::json!(["clav"]));
    // `clave` finds the same sections, and where the text has the word
    // itself the whole word is marked, not its stem.
    reader.search_again("clave ");
    assert_eq!(
        reader.js_str("document.querySelector('.search input').value"),
        "clave "
    );
    assert_eq!(reader.js(headings), sections("clave"));
    assert_eq!(reader.js(marks), serde_json::json!(["clave"]));
    reader.assert_no_errors();
}

/// A word deep in a section is shown where it stands: the snippet is the
/// stretch around it, cut at spaces, not the section's start, which does
/// not hold it (`malware`, 528 characters into the section of 0x8004FE21).
#[test]
fn a_result_shows_the_text_around_the_match() {
    let reader = Reader::new();
    reader.open(ES);
    reader.search("malware ");
    let first = reader.js(
        "(() => { const li = document.querySelector('.search-results li');
                  const p = li.querySelector('.search-snippet');
                  return [li.querySelector('.search-section').textContent,
                          Array.from(p.querySelectorAll('mark'), m => m.textContent),
                          p.textContent]; })()",
    );
    assert_eq!(
        first[0],
        "0x8004FE21: este equipo no está ejecutando Windows original"
    );
    assert_eq!(first[1], serde_json::json!(["malware"]));
    let snippet = first[2].as_str().unwrap_or_default();
    assert!(
        snippet.starts_with('…') && snippet.ends_with('…'),
        "{snippet}"
    );
    assert!(snippet.chars().count() <= 162, "{snippet}");
    // Cut at spaces: it starts and ends with whole words of the section.
    let words: Vec<&str> = snippet.trim_matches('…').split(' ').collect();
    assert!(words.len() > 15, "{snippet}");
    let section = reader.js_str(
        "document.getElementById('0x8004fe21-this-computer-is-not-running-genuine-windows').parentElement.textContent",
    );
    let normal = section.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        normal.contains(snippet.trim_matches('…')),
        "{snippet}\n{normal}"
    );
    // Near a section's start, the snippet is that start.
    reader.search_again("0x8007232B");
    let start =
        reader.js_str("document.querySelector('.search-results li .search-snippet').textContent");
    assert!(start.starts_with("Causa posible"), "{start}");
    reader.assert_no_errors();
}

#[test]
fn the_update_date_reads_as_the_page_language_writes_dates() {
    let reader = Reader::new();
    reader.open(ES);
    assert_eq!(
        reader.js_str("document.querySelector('footer.page-meta time').textContent"),
        "18 de septiembre de 2019"
    );
    reader.open(IT);
    assert_eq!(
        reader.js_str("document.querySelector('footer.page-meta time').textContent"),
        "18 settembre 2019"
    );
    reader.assert_no_errors();
}

#[test]
fn printed_pages_hold_the_article_alone() {
    use headless_chrome::protocol::cdp::Emulation::SetEmulatedMedia;
    let reader = Reader::new();
    reader.open(ES);
    let shown = "['.site-header', '.site-nav', '.page > .toc', 'article.content'].map(s => getComputedStyle(document.querySelector(s)).display !== 'none')";
    assert_eq!(
        reader.js(shown),
        serde_json::json!([true, true, true, true])
    );
    reader
        .tab
        .call_method(SetEmulatedMedia {
            media: Some("print".into()),
            features: None,
        })
        .unwrap();
    assert_eq!(
        reader.js(shown),
        serde_json::json!([false, false, false, true])
    );
    let article =
        "document.querySelector('article.content').getBoundingClientRect().width / innerWidth";
    assert!(
        reader.js(article).as_f64().unwrap() > 0.9,
        "the article takes the page's width"
    );
    reader.assert_no_errors();
}

#[test]
fn a_tab_group_switches() {
    let reader = Reader::new();
    reader.open("es-es/index.html");
    let state = "(() => { const tabs = [...document.querySelectorAll('.tabGroup [role=tab]')];
                          return tabs.map(t => [t.dataset.tab, t.getAttribute('aria-selected'),
                                                document.getElementById(t.getAttribute('aria-controls')).hidden]); })()";
    assert_eq!(
        reader.js(state),
        serde_json::json!([["cmd", "true", false], ["powershell", "false", true]])
    );
    reader.click(".tabGroup [role=tab][data-tab='powershell']");
    assert_eq!(
        reader.js(state),
        serde_json::json!([["cmd", "false", true], ["powershell", "true", false]])
    );
    reader.assert_no_errors();
}

/// Code groups: picking Visual Basic on one shows the VB code of every
/// group of the page, and the next page opens on it too.
#[test]
fn a_code_group_switches_every_group_and_is_remembered() {
    let site = Fixture::new();
    let page = "---\ndev_langs:\n- csharp\n- vb\n---\n# A\n\n```csharp\nint a;\n```\n\n```vb\nDim a As Integer\n```\n\nText.\n\n```csharp\nint b;\n```\n```vb\nDim b As Integer\n```\n";
    site.write("content/en-us/a.md", page)
        .write("content/en-us/b.md", page);
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let shown = "[...document.querySelectorAll('.codeGroup [role=tabpanel]')].filter(p => !p.hidden).map(p => p.querySelector('code').textContent.trim())";
    let reader = Reader::new();
    reader.open_url(&format!("file://{}", site.out("en-us/a.html").display()));
    assert_eq!(reader.js(shown), serde_json::json!(["int a;", "int b;"]));
    reader.click(".codeGroup [role=tab][data-tab='vb']");
    assert_eq!(
        reader.js(shown),
        serde_json::json!(["Dim a As Integer", "Dim b As Integer"])
    );
    reader.open_url(&format!("file://{}", site.out("en-us/b.html").display()));
    assert_eq!(
        reader.js(shown),
        serde_json::json!(["Dim a As Integer", "Dim b As Integer"])
    );
    reader.assert_no_errors();
}

#[test]
fn the_browser_splits_a_query_into_the_terms_the_index_has() {
    let reader = Reader::new();
    reader.open(ES);
    for text in [
        "0x8007232B: el nombre DNS no existe",
        "Solución SOLUCIO\u{301}N Straße ÅNGSTRÖM \u{212B}ngström İstanbul",
        "slmgr.vbs /skms <kms_host_name>",
        "激活错误 Windows 错",
        "ライセンス認証が必要です",
        "Ошибка активации Ελληνικά",
        &"a".repeat(60),
    ] {
        let expected = polydoc::search::terms::all(text);
        let literal = serde_json::to_string(text).unwrap();
        let actual = reader.js(&format!("polydocSearch.terms({literal})"));
        assert_eq!(actual, serde_json::json!(expected), "{text}");
    }
    reader.assert_no_errors();
}

/// Snippets around a match in scripts without spaces, and next to
/// characters outside the Basic Multilingual Plane, which a cut must not
/// split (JavaScript strings count them twice).
#[test]
fn snippets_are_cut_around_the_match_in_any_script() {
    let reader = Reader::new();
    reader.open(ES);
    let snippet = |text: &str, words: &[&str]| -> String {
        let text = serde_json::to_string(text).unwrap();
        let words = serde_json::to_string(words).unwrap();
        reader.js_str(&format!("polydocSearch.snippet({text}, {words})"))
    };
    // Short text: as it is.
    assert_eq!(snippet("Causa posible", &["causa"]), "Causa posible");
    // Chinese, no spaces: a window of characters around the match.
    let chinese = format!("{}激活错误{}", "错".repeat(250), "码".repeat(250));
    let cut = snippet(&chinese, &["激活"]);
    assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
    assert!(cut.contains("激活错误"), "{cut}");
    assert!(cut.chars().count() <= 162, "{cut}");
    // Emoji (two UTF-16 units each) all around: whole characters only.
    let emoji = format!("{}clave{}", "😀".repeat(120), "😀".repeat(120));
    let cut = snippet(&emoji, &["clave"]);
    assert!(cut.contains("clave"), "{cut}");
    assert!(
        cut.trim_matches('…')
            .chars()
            .all(|c| c == '😀' || c.is_ascii_lowercase()),
        "{cut}"
    );
    // No match (a word family's other form): the section's start.
    let latin = format!("Causa posible {}", "palabra ".repeat(40));
    let cut = snippet(&latin, &["nada"]);
    assert!(
        cut.starts_with("Causa posible palabra") && cut.ends_with("palabra…"),
        "{cut}"
    );
    reader.assert_no_errors();
}

#[test]
fn search_results_are_reached_with_the_keyboard() {
    let reader = Reader::new();
    reader.open(IT);
    // `/` jumps to the box from anywhere on the page.
    reader.tab.press_key("/").unwrap();
    assert_eq!(reader.js("document.activeElement.type"), "search");
    reader.tab.type_str("dns").unwrap();
    reader.wait_for("document.querySelectorAll('.search-results li').length >= 2");
    let focused = "document.activeElement.querySelector('.search-section').textContent";
    reader.tab.press_key("ArrowDown").unwrap();
    let first = reader.js_str(focused);
    reader.tab.press_key("ArrowDown").unwrap();
    let second = reader.js_str(focused);
    assert_ne!(first, second);
    reader.tab.press_key("ArrowUp").unwrap();
    assert_eq!(reader.js_str(focused), first);
    reader.tab.press_key("ArrowUp").unwrap();
    assert_eq!(reader.js("document.activeElement.type"), "search");
    reader.tab.press_key("ArrowDown").unwrap();
    reader.tab.press_key("Enter").unwrap();
    reader.wait_for("location.hash.length > 1");
    assert_eq!(
        reader.js_str("document.querySelector(':target').textContent"),
        first
    );
    reader.assert_no_errors();
}

#[test]
fn a_zone_pivot_picker_shows_the_picked_zones_only() {
    let site = Fixture::new();
    site.write(
        "content/en-us/zone-pivot-groups.yml",
        "groups:\n- id: client-os\n  prompt: Choose an operating system\n  pivots:\n  - id: windows\n    title: Windows\n  - id: linux\n    title: Linux\n",
    )
    .write(
        "content/en-us/a.md",
        "---\nzone_pivot_groups: client-os\n---\n# A\n\nIntro.\n\n::: zone pivot=\"windows\"\n## On Windows\nUse slmgr.\n::: zone-end\n\n::: zone pivot=\"linux\"\n## On Linux\nNothing.\n::: zone-end\n\n## Common\nEnd. See [Linux](#on-linux).\n",
    );
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let page = format!("file://{}", site.out("en-us/a.html").display());
    let shown =
        "[...document.querySelectorAll('.zone')].filter(z => !z.hidden).map(z => z.dataset.pivot)";
    let toc = "[...document.querySelectorAll('.toc li')].filter(li => !li.hidden).map(li => li.textContent.trim())";

    let reader = Reader::new();
    reader.open_url(&format!("{page}?pivots=linux"));
    reader.wait_for("!document.querySelector('.pivot-picker').hidden");
    assert_eq!(reader.js(shown), serde_json::json!(["linux"]));
    assert_eq!(reader.js(toc), serde_json::json!(["On Linux", "Common"]));
    assert_eq!(
        reader.js_str("document.querySelector('.pivot-picker').previousElementSibling.tagName"),
        "H1",
        "the picker stands under the title"
    );

    reader.js("(() => { const s = document.querySelector('.pivot-picker select'); s.value = 'windows'; s.dispatchEvent(new Event('change')); return true; })()");
    assert_eq!(reader.js(shown), serde_json::json!(["windows"]));
    assert_eq!(reader.js(toc), serde_json::json!(["On Windows", "Common"]));
    let address = reader.js_str("location.href");
    assert!(address.ends_with("a.html?pivots=windows"), "{address}");

    // The choice carries to the next visit without a query.
    reader.open_url(&page);
    reader.wait_for("!document.querySelector('.pivot-picker').hidden");
    assert_eq!(reader.js(shown), serde_json::json!(["windows"]));

    // A link to a heading of the other pivot (a search result) shows it.
    // (A query makes it a new load, not a jump within the open page.)
    reader.open_url(&format!("{page}?from=search#on-linux"));
    reader.wait_for("!document.querySelector('.pivot-picker').hidden");
    assert_eq!(reader.js(shown), serde_json::json!(["linux"]));
    assert_eq!(
        reader.js_str("document.querySelector('.pivot-picker select').value"),
        "linux"
    );

    // So does a link within the page.
    reader.js("(() => { const s = document.querySelector('.pivot-picker select'); s.value = 'windows'; s.dispatchEvent(new Event('change')); history.replaceState(null, '', location.pathname); return true; })()");
    assert_eq!(reader.js(shown), serde_json::json!(["windows"]));
    reader.click("article p a[href='#on-linux']");
    reader.wait_for("document.querySelector('.pivot-picker select').value === 'linux'");
    assert_eq!(reader.js(shown), serde_json::json!(["linux"]));
    reader.assert_no_errors();
}

#[test]
fn a_version_picker_shows_the_picked_versions_blocks_only() {
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        concat!(
            "# A\n\nIntro.\n\n",
            "::: moniker range=\"vs-2017\"\n## On 2017\nOld steps.\n::: moniker-end\n\n",
            "::: moniker range=\">= vs-2019\"\n## On 2019 and later\nNew steps.\n::: moniker-end\n\n",
            "## Common\nEnd. See [2017](#on-2017).\n",
        ),
    );
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let page = format!("file://{}", site.out("en-us/a.html").display());
    let shown = "[...document.querySelectorAll('.moniker')].filter(b => !b.hidden).map(b => b.dataset.moniker)";
    let toc = "[...document.querySelectorAll('.toc li')].filter(li => !li.hidden).map(li => li.textContent.trim())";
    let pick = |version: &str| {
        format!(
            "(() => {{ const s = document.querySelector('.version-picker select'); s.value = '{version}'; s.dispatchEvent(new Event('change')); return true; }})()"
        )
    };
    let ready = "!document.querySelector('.version-picker').hidden";

    let reader = Reader::new();
    reader.open_url(&page);
    reader.wait_for(ready);
    assert_eq!(
        reader.js(shown),
        serde_json::json!([">= vs-2019"]),
        "the newest version first"
    );
    assert_eq!(
        reader.js(toc),
        serde_json::json!(["On 2019 and later", "Common"])
    );
    assert_eq!(
        reader.js_str("document.querySelector('.version-picker').previousElementSibling.tagName"),
        "H1",
        "the picker stands under the title"
    );
    assert_eq!(
        reader.js_str(
            "getComputedStyle(document.querySelector('.moniker:not([hidden])'), '::before').content"
        ),
        "none",
        "with one version picked, blocks are not labelled with their range"
    );

    reader.js(&pick("vs-2017"));
    assert_eq!(reader.js(shown), serde_json::json!(["vs-2017"]));
    assert_eq!(reader.js(toc), serde_json::json!(["On 2017", "Common"]));
    let address = reader.js_str("location.href");
    assert!(address.ends_with("a.html?view=vs-2017"), "{address}");

    // "All versions" shows every block, labelled again.
    reader.js(&pick(""));
    assert_eq!(
        reader.js(shown),
        serde_json::json!(["vs-2017", ">= vs-2019"])
    );
    assert_eq!(
        reader.js_str("getComputedStyle(document.querySelector('.moniker'), '::before').content"),
        "\"Applies to: vs-2017\""
    );

    // The choice carries to the next visit; `?view=` in the address wins.
    reader.js(&pick("vs-2019"));
    reader.open_url(&page);
    reader.wait_for(ready);
    assert_eq!(reader.js(shown), serde_json::json!([">= vs-2019"]));
    reader.open_url(&format!("{page}?view=VS-2017"));
    reader.wait_for(ready);
    assert_eq!(reader.js(shown), serde_json::json!(["vs-2017"]));

    // A link to a heading of another version shows that version.
    reader.js(&pick("vs-2019"));
    assert_eq!(reader.js(shown), serde_json::json!([">= vs-2019"]));
    reader.js("history.replaceState(null, '', location.pathname)");
    reader.click("article p a[href='#on-2017']");
    reader.wait_for("document.querySelector('.version-picker select').value === 'vs-2017'");
    assert_eq!(reader.js(shown), serde_json::json!(["vs-2017"]));
    reader.assert_no_errors();
}

/// A version picked on one page that another page's `monikerRange`
/// leaves out: that page shows its newest version and says so, naming
/// the versions as `[monikers]` does; so does `?view=` asking for one.
#[test]
fn a_page_that_lacks_the_picked_version_says_so() {
    let site = Fixture::new();
    site.write(
        "polydoc.toml",
        "[monikers]\n\"Visual Studio\" = [\"vs-2017\", { moniker = \"vs-2019\", name = \"Visual Studio 2019\" }, { moniker = \"vs-2022\", name = \"Visual Studio 2022\" }]\n",
    )
    .write(
        "content/en-us/old.md",
        "# Old\n\n::: moniker range=\"vs-2017\"\nOld.\n::: moniker-end\n\n::: moniker range=\">= vs-2019\"\nNew.\n::: moniker-end\n",
    )
    .write(
        "content/en-us/new.md",
        "---\nmonikerRange: '>= vs-2019'\n---\n# New\n\n::: moniker range=\"vs-2019\"\nOn 2019.\n::: moniker-end\n\n::: moniker range=\"vs-2022\"\nOn 2022.\n::: moniker-end\n",
    );
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let url = |page: &str| format!("file://{}", site.out(page).display());
    let ready = "!document.querySelector('.version-picker').hidden";
    let notice = "(() => { const n = document.querySelector('.version-notice'); return n.hidden ? '' : n.textContent; })()";
    let pick = |version: &str| {
        format!(
            "(() => {{ const s = document.querySelector('.version-picker select'); s.value = '{version}'; s.dispatchEvent(new Event('change')); return true; }})()"
        )
    };

    let reader = Reader::new();
    reader.open_url(&url("en-us/old.html"));
    reader.wait_for(ready);
    assert_eq!(reader.js_str(notice), "", "the page offers every version");
    reader.js(&pick("vs-2017"));

    reader.open_url(&url("en-us/new.html"));
    reader.wait_for(ready);
    assert_eq!(
        reader.js_str(notice),
        "This article does not apply to vs-2017. It shows Visual Studio 2022."
    );
    assert_eq!(
        reader.js_str("document.querySelector('.version-picker select').value"),
        "vs-2022"
    );
    // Picking a version it offers ends the notice, and is kept.
    reader.js(&pick("vs-2019"));
    assert_eq!(reader.js_str(notice), "");
    reader.open_url(&url("en-us/new.html"));
    reader.wait_for(ready);
    assert_eq!(reader.js_str(notice), "");

    reader.open_url(&format!("{}?view=vs-2017", url("en-us/new.html")));
    reader.wait_for(ready);
    assert_eq!(
        reader.js_str(notice),
        "This article does not apply to vs-2017. It shows Visual Studio 2019."
    );
    // The address is the reader's to write: a name only `[monikers]` gives.
    reader.open_url(&format!("{}?view=constructor", url("en-us/new.html")));
    reader.wait_for(ready);
    assert_eq!(
        reader.js_str(notice),
        "This article does not apply to constructor. It shows Visual Studio 2019."
    );
    // A malformed escape in the address reads as written; the script runs on.
    reader.open_url(&format!("{}?view=%E0#%", url("en-us/new.html")));
    reader.wait_for(ready);
    assert_eq!(
        reader.js_str(notice),
        "This article does not apply to %e0. It shows Visual Studio 2019."
    );
    reader.assert_no_errors();
}

/// The language switcher takes the address's picked version along
/// (`?view=`): the same page in another language shows what the reader
/// was reading.
#[test]
fn the_language_switcher_keeps_the_picked_version() {
    let page = concat!(
        "# A\n\n",
        "::: moniker range=\"vs-2017\"\nOld.\n::: moniker-end\n\n",
        "::: moniker range=\">= vs-2019\"\nNew.\n::: moniker-end\n",
    );
    switch_language_with(
        &[("content/en-us/a.md", page), ("content/fr-fr/a.md", page)],
        "view=vs-2017",
        "!document.querySelector('.version-picker').hidden",
        "[...document.querySelectorAll('.moniker')].filter(b => !b.hidden).map(b => b.dataset.moniker)",
        serde_json::json!(["vs-2017"]),
    );
}

/// It takes the picked zone pivots along too (`?pivots=`): the translation
/// shows the zone the reader picked, not the default.
#[test]
fn the_language_switcher_keeps_the_picked_pivots() {
    let groups = "groups:\n- id: client-os\n  prompt: Choose an operating system\n  pivots:\n  - id: windows\n    title: Windows\n  - id: linux\n    title: Linux\n";
    let page = concat!(
        "---\nzone_pivot_groups: client-os\n---\n# A\n\n",
        "::: zone pivot=\"windows\"\nUse slmgr.\n::: zone-end\n\n",
        "::: zone pivot=\"linux\"\nNothing.\n::: zone-end\n",
    );
    switch_language_with(
        &[
            ("content/en-us/zone-pivot-groups.yml", groups),
            ("content/fr-fr/zone-pivot-groups.yml", groups),
            ("content/en-us/a.md", page),
            ("content/fr-fr/a.md", page),
        ],
        "pivots=linux",
        "!document.querySelector('.pivot-picker').hidden",
        "[...document.querySelectorAll('.zone')].filter(z => !z.hidden).map(z => z.dataset.pivot)",
        serde_json::json!(["linux"]),
    );
}

/// Builds `files`, opens en-us's `a.html?{query}`, and switches to fr-fr
/// with the language switcher: both pages, once `ready`, show `expected`
/// (what `shown` evaluates to), and the address keeps `query`.
fn switch_language_with(
    files: &[(&str, &str)],
    query: &str,
    ready: &str,
    shown: &str,
    expected: serde_json::Value,
) {
    let site = Fixture::new();
    for (path, text) in files {
        site.write(path, text);
    }
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let url = format!("file://{}?{query}", site.out("en-us/a.html").display());
    let reader = Reader::new();
    reader.open_url(&url);
    reader.wait_for(ready);
    assert_eq!(reader.js(shown), expected);
    reader.js("(() => { document.querySelector('.language-switcher details').open = true; return true; })()");
    reader.click(".language-switcher a[hreflang='fr-fr']");
    reader.wait_for(
        "document.documentElement.lang === 'fr-FR' || document.documentElement.lang === 'fr-fr'",
    );
    reader.wait_for(ready);
    let address = reader.js_str("location.href");
    assert!(
        address.ends_with(&format!("fr-fr/a.html?{query}")),
        "{address}"
    );
    assert_eq!(reader.js(shown), expected);
    reader.assert_no_errors();
}

/// An older localized page carries the source text beside each sentence
/// (`span.sxs-lookup`): readers see the translation alone, and search
/// does not find the source's words.
#[test]
fn the_source_text_of_an_older_localized_page_stays_hidden() {
    let site = Fixture::new();
    site.write(
        "content/es-es/a.md",
        "# Guía\n\n## Uso\n\n<span data-ttu-id=\"1\">Consulte la guía de activación.</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">See the walkthrough.</span></span>\n",
    );
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let reader = Reader::new();
    reader.open_url(&format!("file://{}", site.out("es-es/a.html").display()));
    assert_eq!(
        reader.js_str("document.querySelector('article p').innerText"),
        "Consulte la guía de activación."
    );
    reader.search("activacion");
    assert_eq!(
        reader.js_str("document.querySelector('.search-results .search-section').textContent"),
        "Uso"
    );
    reader.search_again_for_nothing("walkthrough");
    reader.assert_no_errors();
}

/// Each code block gets a copy button labelled in the page's language; it
/// copies the code as written, not the highlighting's markup, and says
/// that it did.
#[test]
fn a_code_block_copies_its_code() {
    let reader = Reader::new();
    reader.open("es-es/index.html");
    reader.wait_for("document.querySelectorAll('.code-block > .copy-code').length === 2");
    assert_eq!(
        reader.js("[...document.querySelectorAll('.copy-code')].map(b => b.textContent)"),
        serde_json::json!(["Copiar", "Copiar"])
    );
    // The page's clipboard, stubbed: a headless browser's own may refuse
    // to be written without a user's permission.
    reader.js(
        "(Object.defineProperty(navigator, 'clipboard', { configurable: true, value: \
           { writeText: t => { window.copied = t; return Promise.resolve(); } } }), true)",
    );
    reader.click(".tabGroup [role=tab][data-tab='powershell']");
    let panel =
        reader.js_str("document.querySelector(\"[role=tab][data-tab='powershell']\").getAttribute('aria-controls')");
    reader.click(&format!("[id='{panel}'] .copy-code"));
    reader.wait_for("typeof window.copied === 'string'");
    assert_eq!(
        reader.js_str("window.copied"),
        "Get-CimInstance -ClassName SoftwareLicensingProduct |\n    Where-Object { $_.PartialProductKey } |\n    Select-Object Name, LicenseStatus"
    );
    assert_eq!(
        reader.js_str(&format!(
            "document.querySelector(\"[id='{panel}'] .copy-code\").textContent"
        )),
        "Copiado"
    );
    reader.assert_no_errors();
}

/// "In this article" marks the section being read, and keeps the mark in
/// view in a list longer than the screen (the seeds list 30 sections).
#[test]
fn the_section_being_read_is_marked_in_this_article() {
    let reader = Reader::new();
    reader.open(ES);
    let marked = "((document.querySelector('.toc a[aria-current]') || {}).hash || '')";
    assert_eq!(reader.js_str(marked), "", "nothing read yet at the top");
    reader.js(
        "(document.getElementById('0x8007232b-dns-name-does-not-exist').scrollIntoView(), true)",
    );
    reader.wait_for(&format!(
        "{marked} === '#0x8007232b-dns-name-does-not-exist'"
    ));
    assert_eq!(
        reader.js("document.querySelectorAll('.toc a[aria-current]').length"),
        serde_json::json!(1)
    );
    // The list scrolled itself, not the page, to show the mark.
    let inside = "(() => { const toc = document.querySelector('.page > .toc').getBoundingClientRect();
                          const a = document.querySelector('.toc a[aria-current]').getBoundingClientRect();
                          return a.top >= toc.top && a.bottom <= toc.bottom; })()";
    assert_eq!(reader.js(inside), serde_json::json!(true));
    // Scrolled to the end, the last section is the one being read.
    reader.js("(window.scrollTo(0, document.documentElement.scrollHeight), true)");
    let last = reader.js_str("[...document.querySelectorAll('.toc a')].pop().hash");
    reader.wait_for(&format!("{marked} === '{last}'"));
    reader.assert_no_errors();
}

/// An Arabic page mirrors: the navigation on the right, "In this article"
/// on the left, the text from the right; code still reads left to right;
/// and the left arrow key moves to the next tab, as it lies on the left.
#[test]
fn a_right_to_left_page_mirrors_and_keeps_code_left_to_right() {
    let site = Fixture::new();
    site.write(
        "content/ar-sa/a.md",
        concat!(
            "# الدليل\n\nشغّل `Get-Item -Path C:\\` الآن.\n\n## البداية\n\n",
            "# [Windows](#tab/windows)\n\nعلى Windows.\n\n# [Linux](#tab/linux)\n\nعلى Linux.\n\n",
            "# [macOS](#tab/macos)\n\nعلى macOS.\n\n---\n\n",
            "```powershell\nGet-Item -Path C:\\\n```\n\n## النهاية\n\nنص.\n",
        ),
    );
    site.write("content/ar-sa/b.md", "# ب\n");
    assert_eq!(site.build(&[]).status.code(), Some(0));
    let reader = Reader::new();
    reader.open_url(&format!("file://{}", site.out("ar-sa/a.html").display()));
    let x = |css: &str| {
        reader.js(&format!(
            "(() => {{ const r = document.querySelector('{css}').getBoundingClientRect(); return [r.left, r.right]; }})()"
        ))
    };
    let (nav, article, toc) = (x(".site-nav"), x("article.content"), x("nav.toc"));
    assert!(
        nav[0].as_f64() >= article[1].as_f64(),
        "the navigation is right of the article: {nav} {article}"
    );
    assert!(
        toc[1].as_f64() <= article[0].as_f64(),
        "\"In this article\" is left of it: {toc} {article}"
    );
    let style = |css: &str, property: &str| {
        reader.js_str(&format!(
            "getComputedStyle(document.querySelector('{css}')).{property}"
        ))
    };
    assert_eq!(style("article p", "direction"), "rtl");
    assert_eq!(style("article pre", "direction"), "ltr");
    assert_eq!(style("article p code", "direction"), "ltr");
    assert_eq!(style("article p code", "unicodeBidi"), "isolate");
    let selected = "document.querySelector('.tabGroup [role=tab][aria-selected=true]').dataset.tab";
    assert_eq!(reader.js_str(selected), "windows");
    reader.js(
        "document.querySelector('.tabGroup [role=tab][data-tab=windows]').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', bubbles: true}))",
    );
    assert_eq!(
        reader.js_str(selected),
        "linux",
        "left is next (right, the previous, would wrap to macOS)"
    );
    reader.assert_no_errors();
}
