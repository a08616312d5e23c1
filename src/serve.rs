//! `polydoc serve`: build, serve the output on 127.0.0.1, rebuild when the
//! content, templates, static files, UI strings, `polydoc.toml`, a
//! `.openpublishing.redirection.json` (or the publishing configuration
//! beside it and the redirection files it lists), or a file a
//! `docfx.json` names (an xref map, a metadata file: learnt from each
//! build) change, and reload the open pages.
//!
//! The HTTP server is tiny_http and the watcher notify, started before
//! the first build so that no edit falls between the two. Every HTML page
//! served gets one script (`/__polydoc/reload.js`) that polls
//! `/__polydoc/status` once a second: a new build number reloads the
//! page; a failed build shows its error over the page, and the server
//! keeps serving the last good site until the next edit fixes it. Polling
//! instead of a socket keeps the server to plain request/response.
//!
//! Only files inside the output folder are served: a path with `..`, a
//! backslash or an encoded separator is refused with 404, and the file
//! found is checked again after resolving symbolic links.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use percent_encoding::percent_decode_str;

use crate::Fatal;
use crate::build;
use crate::config::{CONFIG_FILE, Config, Overrides};
use crate::diagnostic::Severity;
use crate::progress::Silent;

/// What the pages poll.
#[derive(Debug, Default, Clone, serde::Serialize)]
struct Status {
    /// Bumped by every finished build, failed or not.
    build: u64,
    /// The failed build's errors, for the overlay; `None` when it built cleanly.
    error: Option<String>,
}

const RELOAD_JS: &str = include_str!("reload.js");

/// Builds, then serves `root`'s output on `port` until the process is stopped.
pub fn serve(root: &Path, overrides: &Overrides, port: u16) -> Result<(), Fatal> {
    let config = Config::load(root, overrides)?;
    let status = Arc::new(Mutex::new(Status::default()));
    // Watch before the first build: an edit saved while it runs, or just
    // after the address is printed, must not be missed.
    let (mut watcher, changes) = Watch::start(&config)?;
    watcher.add(&rebuild(root, overrides, &status));
    let server = tiny_http::Server::http(("127.0.0.1", port))
        .map_err(|e| Fatal::new(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let address = server
        .server_addr()
        .to_ip()
        .map_or_else(|| format!("127.0.0.1:{port}"), |a| a.to_string());
    println!(
        "Serving {} at http://{address}/ (Ctrl-C stops)",
        config.output.display()
    );
    let server = Arc::new(server);
    let output = config.output.clone();
    for _ in 0..4 {
        let (server, status, output) = (server.clone(), status.clone(), output.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                respond(request, &output, &status);
            }
        });
    }
    while changes.recv().is_ok() {
        // Editors write a file in several steps: wait for the burst to end.
        while changes.recv_timeout(Duration::from_millis(150)).is_ok() {}
        let inputs = rebuild(root, overrides, &status);
        watcher.add(&inputs);
    }
    Ok(())
}

/// Runs a build and records how it went; the single files it read
/// ([`build::BuildReport::inputs`]), to be watched too.
fn rebuild(root: &Path, overrides: &Overrides, status: &Mutex<Status>) -> Vec<PathBuf> {
    let mut inputs = Vec::new();
    let error = match build::build(root, overrides, &Silent) {
        Ok(report) => {
            inputs.clone_from(&report.inputs);
            let errors: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(ToString::to_string)
                .collect();
            println!(
                "Built {} pages in {:.2}s{}{}",
                report.pages.iter().map(|p| p.1).sum::<usize>(),
                report.elapsed.as_secs_f64(),
                crate::build::drafts_left_out(report.drafts, "builds"),
                if errors.is_empty() {
                    String::new()
                } else {
                    format!(", {} errors", errors.len())
                }
            );
            (!errors.is_empty()).then(|| errors.join("\n\n"))
        }
        Err(fatal) => Some(fatal.to_string()),
    };
    if let Some(error) = &error {
        eprintln!("{error}");
    }
    if let Ok(mut s) = status.lock() {
        s.build += 1;
        s.error = error;
    }
    inputs
}

/// The watcher of the inputs; it stops when dropped.
struct Watch {
    watcher: notify::RecommendedWatcher,
    /// Folders watched with all they hold.
    dirs: Vec<PathBuf>,
    /// Single files in folders that also hold other things; shared with
    /// the watcher's callback.
    files: Arc<Mutex<Vec<PathBuf>>>,
    /// The folders of those files, watched for them alone.
    folders: Vec<PathBuf>,
}

impl Watch {
    /// Watches the inputs the configuration names: the receiver gets a
    /// message for each change that matters.
    fn start(config: &Config) -> Result<(Watch, mpsc::Receiver<()>), Fatal> {
        let mut dirs = vec![config.content.clone()];
        if let Some(locales) = &config.locales {
            dirs.extend(locales.values().cloned());
        }
        for name in ["templates", "static", "i18n"] {
            dirs.push(config.root.join(name));
        }
        dirs.retain(|d| d.is_dir());
        // Single files: polydoc.toml, the xref maps it lists and the
        // redirection files the locales read, at the root or above a
        // locale folder kept elsewhere. Their folders are watched for
        // them alone: the root also holds the output folder, whose swap
        // at the end of every build must not start another.
        let mut files = vec![
            config.root.join(CONFIG_FILE),
            config.root.join(crate::redirections::FILE_NAME),
        ];
        for dir in config.locales.iter().flat_map(|l| l.values()) {
            files.extend(crate::redirections::places(dir, &config.root));
        }
        files.extend(config.xref_maps.iter().map(|m| m.path.clone()));
        let shared: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
        let relevant = {
            let (dirs, files, output) = (dirs.clone(), shared.clone(), config.output.clone());
            move |path: &Path| {
                files
                    .lock()
                    .is_ok_and(|files| files.iter().any(|f| f == path))
                    || (!path.starts_with(&output)
                        && dirs.iter().any(|d| path.strip_prefix(d).is_ok_and(visible)))
            }
        };
        let (tx, rx) = mpsc::channel();
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event
                && !matches!(event.kind, notify::EventKind::Access(_))
                && event.paths.iter().any(|p| relevant(p))
            {
                let _ = tx.send(());
            }
        })
        .map_err(|e| Fatal::new(format!("cannot watch for changes: {e}")))?;
        let mut watch = Watch {
            watcher,
            dirs,
            files: shared,
            folders: Vec::new(),
        };
        for dir in &watch.dirs {
            if let Err(e) = watch.watcher.watch(dir, RecursiveMode::Recursive) {
                eprintln!("warning: cannot watch {}: {e}", dir.display());
            }
        }
        watch.add(&files);
        Ok((watch, rx))
    }

    /// Watches `files` too, those outside the folders watched whole: a
    /// build learns of some (a `docfx.json`'s metadata files and xref
    /// maps) only by reading the site.
    fn add(&mut self, files: &[PathBuf]) {
        let outside = files
            .iter()
            .filter(|file| !self.dirs.iter().any(|d| file.starts_with(d)));
        // The lock is released before watching: notify's event thread
        // runs the callback, which takes it, while `watch` waits for
        // that thread.
        if let Ok(mut known) = self.files.lock() {
            for file in outside.clone() {
                if !known.contains(file) {
                    known.push(file.clone());
                }
            }
        }
        for folder in outside.filter_map(|file| file.parent()) {
            if self.folders.iter().any(|f| f == folder) || !folder.is_dir() {
                continue;
            }
            match self.watcher.watch(folder, RecursiveMode::NonRecursive) {
                Ok(()) => self.folders.push(folder.to_path_buf()),
                Err(e) => eprintln!("warning: cannot watch {}: {e}", folder.display()),
            }
        }
    }
}

/// Whether a changed path below a watched folder is one the loader reads:
/// none of its parts hidden (`load::is_input`). A site built in place,
/// its locale folder holding the root, has the build's staging folder
/// (`.public.building-…`) below a watched folder: without this, each
/// build's own writes started the next.
fn visible(rest: &Path) -> bool {
    !rest
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}

fn respond(request: tiny_http::Request, output: &Path, status: &Mutex<Status>) {
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    let response = match url.as_str() {
        "/__polydoc/status" => {
            let body = status
                .lock()
                .ok()
                .and_then(|s| serde_json::to_string(&*s).ok())
                .unwrap_or_else(|| "{}".into());
            with_type(tiny_http::Response::from_string(body), "application/json")
        }
        "/__polydoc/reload.js" => with_type(
            tiny_http::Response::from_string(RELOAD_JS),
            "text/javascript",
        ),
        _ => match file_for(output, &url) {
            Some(path) => serve_file(&path),
            None => not_found(output, &url),
        },
    };
    let _ = request.respond(response);
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn with_type<R: std::io::Read>(
    response: tiny_http::Response<R>,
    mime: &str,
) -> tiny_http::Response<R> {
    match tiny_http::Header::from_bytes("Content-Type", mime) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}

/// The file below `output` that `url` names, if it is one and stays inside.
fn file_for(output: &Path, url: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(url).decode_utf8().ok()?;
    let mut path = output.to_path_buf();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => path.push(s),
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    let real = path.canonicalize().ok()?;
    let root = output.canonicalize().ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

fn serve_file(path: &Path) -> Response {
    let Ok(mut bytes) = std::fs::read(path) else {
        return tiny_http::Response::from_string("not found").with_status_code(404);
    };
    let mime = mime_type(path);
    if mime.starts_with("text/html") {
        bytes = inject_reload(bytes);
    }
    with_type(tiny_http::Response::from_data(bytes), mime)
}

/// The HTML with the reload script before `</body>` (or at the end).
fn inject_reload(bytes: Vec<u8>) -> Vec<u8> {
    let tag = b"<script src=\"/__polydoc/reload.js\"></script>\n";
    let at = bytes
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(bytes.len());
    let mut out = Vec::with_capacity(bytes.len() + tag.len());
    out.extend_from_slice(&bytes[..at]);
    out.extend_from_slice(tag);
    out.extend_from_slice(&bytes[at..]);
    out
}

/// 404, with the locale's `404.html` when the URL is inside a locale that has one.
fn not_found(output: &Path, url: &str) -> Response {
    let locale = url.trim_start_matches('/').split('/').next().unwrap_or("");
    let page = (!locale.is_empty() && !locale.contains(".."))
        .then(|| output.join(locale).join("404.html"))
        .filter(|p| p.is_file())
        .or_else(|| Some(output.join("404.html")).filter(|p| p.is_file()));
    match page.and_then(|p| std::fs::read(p).ok()) {
        Some(bytes) => with_type(
            tiny_http::Response::from_data(inject_reload(bytes)),
            "text/html; charset=utf-8",
        )
        .with_status_code(404),
        None => tiny_http::Response::from_string("404 not found").with_status_code(404),
    }
}

fn mime_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_files_inside_the_output_are_served() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("en-us")).expect("mkdir");
        std::fs::write(out.join("en-us/index.html"), "x").expect("write");
        std::fs::write(dir.path().join("secret.txt"), "s").expect("write");
        assert!(file_for(&out, "/en-us/").is_some());
        assert!(file_for(&out, "/en-us/index.html").is_some());
        assert!(file_for(&out, "/../secret.txt").is_none());
        assert!(file_for(&out, "/%2e%2e/secret.txt").is_none());
        assert!(file_for(&out, "/en-us/..%2f..%2fsecret.txt").is_none());
        assert!(file_for(&out, "/en-us/%5c..%5csecret.txt").is_none());
        assert!(file_for(&out, "/missing.html").is_none());
    }

    #[test]
    fn the_reload_script_goes_before_the_body_ends() {
        let html = inject_reload(b"<html><body><p>x</p></body></html>".to_vec());
        assert_eq!(
            String::from_utf8_lossy(&html),
            "<html><body><p>x</p><script src=\"/__polydoc/reload.js\"></script>\n</body></html>"
        );
    }
}
