//! `polydoc serve` on a real port: pages with the reload script, 404 for
//! paths leaving the output, a rebuild after an edit, and a broken edit
//! reported to the browser while the last good site stays served.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// The server process, stopped when the test ends, however it ends.
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Fixture) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_polydoc"))
        .current_dir(site.root())
        .args(["serve", "--root", ".", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("polydoc serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let port = loop {
        let line = lines.next().expect("a line").expect("utf-8");
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .unwrap()
                .parse()
                .unwrap();
        }
    };
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, port }
}

/// (status code, body) of `GET path`, the path sent exactly as given.
fn get(server: &Server, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let code = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (code, body)
}

fn status(server: &Server) -> serde_json::Value {
    serde_json::from_str(&get(server, "/__polydoc/status").1).expect("status is JSON")
}

/// Waits until the status satisfies `done` (an editor's write may start
/// more than one build, so tests wait for a state, not a build number).
fn wait_for(
    server: &Server,
    what: &str,
    done: impl Fn(&serde_json::Value) -> bool,
) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let s = status(server);
        if done(&s) {
            return s;
        }
        assert!(Instant::now() < deadline, "never {what}: {s}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn h1(server: &Server) -> String {
    let html = scraper::Html::parse_document(&get(server, "/en-us/a.html").1);
    select(&html, "article h1")
        .first()
        .map(text)
        .unwrap_or_default()
}

#[test]
fn serves_rebuilds_and_reports_broken_edits() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# First\n")
        .write("secret.txt", "not for the web");
    let server = start(&site);
    wait_for(&server, "built", |s| {
        s["build"].as_u64() >= Some(1) && s["error"].is_null()
    });

    let (code, body) = get(&server, "/en-us/a.html");
    assert_eq!(code, 200);
    let html = scraper::Html::parse_document(&body);
    assert_eq!(text(&select(&html, "article h1")[0]), "First");
    assert_eq!(select(&html, "script[src='/__polydoc/reload.js']").len(), 1);
    assert_eq!(get(&server, "/__polydoc/reload.js").0, 200);

    for escape in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/en-us/..%2f..%2fsecret.txt",
    ] {
        let (code, body) = get(&server, escape);
        assert_eq!(code, 404, "{escape}");
        assert!(!body.contains("not for the web"), "{escape}");
    }
    let (code, body) = get(&server, "/en-us/nowhere.html");
    assert_eq!(code, 404);
    let missing = scraper::Html::parse_document(&body);
    assert_eq!(
        attr(&select(&missing, "html")[0], "lang"),
        "en-US",
        "the locale's 404 page"
    );
    assert_eq!(select(&missing, "base").len(), 1);

    site.write("content/en-us/a.md", "# Second\n");
    wait_for(&server, "rebuilt", |s| s["build"].as_u64() >= Some(2));
    let deadline = Instant::now() + Duration::from_secs(30);
    while h1(&server) != "Second" {
        assert!(Instant::now() < deadline, "the edit never showed");
        std::thread::sleep(Duration::from_millis(100));
    }

    site.write("polydoc.toml", "title = [\n");
    let broken = wait_for(&server, "failed", |s| s["error"].is_string());
    let error = broken["error"].as_str().expect("an error for the browser");
    assert!(error.contains("polydoc.toml:1:"), "{error}");
    let (code, body) = get(&server, "/en-us/a.html");
    assert_eq!(code, 200, "the last good site is still served");
    assert!(body.contains("Second"));

    site.write("polydoc.toml", "title = \"Fixed\"\n");
    wait_for(&server, "fixed", |s| s["error"].is_null());
}

#[test]
fn a_browser_that_drops_the_connection_does_not_stop_the_server() {
    let site = Fixture::new();
    // A page larger than the socket buffers, so that the server is still
    // writing when the client goes away.
    let big = format!(
        "# Big\n\n{}\n",
        "lorem ipsum dolor sit amet ".repeat(200_000)
    );
    site.write("content/en-us/big.md", big)
        .write("content/en-us/small.md", "# Small\n");
    let mut server = start(&site);
    wait_for(&server, "the first build", |s| {
        s["build"].as_u64() >= Some(1) && s["error"].is_null()
    });
    for _ in 0..5 {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        write!(
            stream,
            "GET /en-us/big.html HTTP/1.0\r\nHost: localhost\r\n\r\n"
        )
        .expect("send");
        let mut first = [0u8; 64];
        stream.read_exact(&mut first).expect("the response starts");
        drop(stream); // closed with most of the page unread
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        server.child.try_wait().expect("status").is_none(),
        "the server died"
    );
    assert_eq!(get(&server, "/en-us/small.html").0, 200);
}

#[test]
fn an_edit_saved_as_soon_as_the_server_answers_is_not_missed() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# First\n");
    let server = start(&site);
    // No wait: the edit lands while the server may still be starting.
    site.write("content/en-us/a.md", "# Second\n");
    let deadline = Instant::now() + Duration::from_secs(30);
    while h1(&server) != "Second" {
        assert!(Instant::now() < deadline, "the edit was missed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The redirection file at the site's root is no content file, yet the
/// site depends on it: adding one rebuilds, and the moved page appears.
#[test]
fn a_new_redirection_file_at_the_root_rebuilds() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# First\n");
    let server = start(&site);
    wait_for(&server, "built", |s| {
        s["build"].as_u64() >= Some(1) && s["error"].is_null()
    });
    assert_eq!(get(&server, "/en-us/old.html").0, 404);
    site.write(
        ".openpublishing.redirection.json",
        r#"{"redirections": [{"source_path": "content/en-us/old.md", "redirect_url": "a.md"}]}"#,
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    let body = loop {
        let (code, body) = get(&server, "/en-us/old.html");
        if code == 200 {
            break body;
        }
        assert!(
            Instant::now() < deadline,
            "no rebuild for the redirection file"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let html = scraper::Html::parse_document(&body);
    assert_eq!(
        attr(&select(&html, "meta[http-equiv=refresh]")[0], "content"),
        "0; url=a.html"
    );
}

/// A metadata file a `docfx.json` names may lie outside every folder
/// watched whole (one file shared by the locales): the build says it read
/// it, and a change to it rebuilds.
#[test]
fn a_metadata_file_outside_the_content_rebuilds() {
    let site = Fixture::new();
    site.write(
        "content/en-us/docfx.json",
        r#"{"build": {"globalMetadataFiles": ["../../shared/global.json"]}}"#,
    )
    .write("content/en-us/a.md", "# First\n")
    .write("shared/global.json", r#"{"titleSuffix": "Old"}"#);
    let server = start(&site);
    wait_for(&server, "built", |s| {
        s["build"].as_u64() >= Some(1) && s["error"].is_null()
    });
    let title = || {
        let html = scraper::Html::parse_document(&get(&server, "/en-us/a.html").1);
        select(&html, "title").first().map(text).unwrap_or_default()
    };
    assert!(title().starts_with("First - Old"), "{}", title());
    site.write("shared/global.json", r#"{"titleSuffix": "New"}"#);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !title().starts_with("First - New") {
        assert!(
            Instant::now() < deadline,
            "no rebuild for the metadata file"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A site built in place (its locale folder is the root, as a DocFX
/// project is) holds the build's staging folder below a watched folder:
/// the build's own writes must not start the next build.
#[test]
fn a_site_built_in_place_is_not_rebuilt_by_its_own_output() {
    let site = Fixture::new();
    site.write("polydoc.toml", "[locales]\nen-us = \".\"\n")
        .write("a.md", "# First\n");
    let server = start(&site);
    let first = wait_for(&server, "built", |s| {
        s["build"].as_u64() >= Some(1) && s["error"].is_null()
    });
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(
        status(&server)["build"],
        first["build"],
        "rebuilt by itself"
    );
    site.write("a.md", "# Second\n");
    let deadline = Instant::now() + Duration::from_secs(30);
    while h1(&server) != "Second" {
        assert!(Instant::now() < deadline, "the edit was missed");
        std::thread::sleep(Duration::from_millis(50));
    }
}
