//! Indexes a site built by polydoc with Pagefind's Rust API, for the
//! comparison in README "Search":
//!
//! ```sh
//! POLYDOC_BENCH_DIR=/tmp/bench cargo bench --bench build   # makes /tmp/bench/public
//! cargo run --release --manifest-path benches/pagefind/Cargo.toml -- /tmp/bench/public
//! /usr/bin/time -v target/release/pagefind-comparison /tmp/bench/public   # peak memory
//! ```
//!
//! Pagefind gets only each page's `<article>` (what polydoc indexes), in
//! a page of its language, so neither navigation nor the language
//! switcher weighs on its figures. It prints pages, seconds to read and
//! to build the index, and the bytes of the index files (its fragments
//! and index chunks are gzip-compressed; its client files are counted
//! apart).

use std::path::Path;
use std::time::Instant;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

fn main() {
    let site = std::env::args().nth(1).expect("usage: pagefind-comparison <built site>");
    let input = std::env::temp_dir().join("pagefind-comparison-input");
    let _ = std::fs::remove_dir_all(&input);
    let pages = articles(Path::new(&site), &input);
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    runtime.block_on(async {
        let options = PagefindServiceConfig::builder().keep_index_url(true).build();
        let mut index = PagefindIndex::new(Some(options)).expect("Pagefind options");
        let started = Instant::now();
        let added = index
            .add_directory(input.to_string_lossy().into_owned(), None)
            .await
            .expect("Pagefind reads the pages");
        let read = started.elapsed();
        let files = index.get_files().await.expect("Pagefind builds its index");
        let built = started.elapsed();
        let (mut index_bytes, mut client_bytes) = (0, 0);
        for file in &files {
            let name = file.filename.to_string_lossy();
            if name.ends_with(".pf_fragment") || name.ends_with(".pf_index") || name.ends_with(".pf_meta") {
                index_bytes += file.contents.len();
            } else {
                client_bytes += file.contents.len();
            }
        }
        println!("articles written: {pages}, indexed by Pagefind: {added}");
        println!("read {:.1}s, index built {:.1}s", read.as_secs_f64(), built.as_secs_f64());
        println!(
            "index files: {index_bytes} bytes, {:.0} bytes per page; client and wasm files: {client_bytes} bytes",
            index_bytes as f64 / added.max(1) as f64
        );
    });
    let _ = std::fs::remove_dir_all(&input);
}

/// Copies the `<article>` of every page under `site` into `dir`, keeping
/// the page's `lang`.
fn articles(site: &Path, dir: &Path) -> usize {
    let mut count = 0;
    for entry in walkdir::WalkDir::new(site).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(path) else { continue };
        let (Some(start), Some(end)) = (html.find("<article"), html.find("</article>")) else {
            continue;
        };
        let lang = html
            .split("<html lang=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or("en");
        let out = dir.join(path.strip_prefix(site).unwrap_or(path));
        if let Some(parent) = out.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let page = format!("<html lang=\"{lang}\"><body>{}</body></html>", &html[start..end + 10]);
        if std::fs::write(&out, page).is_ok() {
            count += 1;
        }
    }
    count
}
