//! Link targets: relative `.md` links point to the generated `.html`.
//!
//! DocFX repositories link articles by their source file
//! (`../kms/overview.md#anchor`); the built site has `overview.html`. Only
//! relative paths are touched: absolute URLs (`https:`, `mailto:`, `//host`)
//! and root-relative ones (`/windows/...`, which point at the live docs
//! site) are left as written.

/// True for a URL with a scheme (`https:`, `mailto:`, `xref:`) or `//`.
pub fn is_absolute(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !url[..i].contains('/')
        }
        None => false,
    }
}

/// Microsoft Learn's host, then its former one (`docs.microsoft.com`),
/// which still redirects to it path for path. The published site of
/// Microsoft's documentation repositories, under either name.
pub const LEARN_HOSTS: [&str; 2] = ["learn.microsoft.com", "docs.microsoft.com"];

/// Whether `host` is one of [`LEARN_HOSTS`], in any case.
pub fn is_learn_host(host: &str) -> bool {
    LEARN_HOSTS.iter().any(|h| h.eq_ignore_ascii_case(host))
}

/// `en-us`, `es-ES`, `zh-hant-tw`: a URL path segment naming a locale, as
/// Microsoft's sites write one: a language and a region or script, each
/// a registered subtag. A bare language is none (`/ef/` is Entity
/// Framework's docset on Learn, and Efik's code), nor is a segment only
/// shaped like one (`/web-app/`). The shape is checked first: the
/// registry look-up runs for the few segments that pass it.
pub fn is_locale_segment(segment: &str) -> bool {
    let mut parts = 0;
    let shaped = segment.split('-').enumerate().all(|(i, part)| {
        parts += 1;
        let lengths = if i == 0 { 2..=3 } else { 2..=4 };
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphabetic())
    });
    shaped
        && (2..=3).contains(&parts)
        && language_tags::LanguageTag::parse(segment).is_ok_and(|tag| tag.validate().is_ok())
}

/// Splits `path?query#fragment` into its path and the rest (`?..#..`).
pub fn split_target(url: &str) -> (&str, &str) {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    url.split_at(end)
}

/// The href a Markdown link target becomes in HTML, or `None` to keep it.
pub fn rewrite(url: &str) -> Option<String> {
    if url.is_empty() || is_absolute(url) || url.starts_with('/') || url.starts_with('#') {
        return None;
    }
    let (path, rest) = split_target(url);
    let stem = strip_md(path)?;
    Some(format!("{stem}.html{rest}"))
}

/// `path` without its `.md` extension (any case), if it has one.
pub fn strip_md(path: &str) -> Option<&str> {
    let split = path.len().checked_sub(3)?;
    (path.is_char_boundary(split) && path[split..].eq_ignore_ascii_case(".md"))
        .then(|| &path[..split])
}

/// `path` relative to the folder of `from`, with `.` and `..` worked out;
/// `None` when it climbs above the locale folder.
pub fn join(from: &str, path: &str) -> Option<String> {
    // Built in place, segment by segment, finding `/` with memchr: every
    // relative link of a site comes through here. `depth` counts the
    // segments `out` holds.
    let (mut out, mut depth) = match memchr::memrchr(b'/', from.as_bytes()) {
        Some(end) => (
            String::from(&from[..end]),
            memchr::memchr_iter(b'/', &from.as_bytes()[..end]).count() + 1,
        ),
        None => (String::new(), 0),
    };
    out.reserve(path.len() + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'/', path.as_bytes()).chain([path.len()]) {
        let segment = &path[start..end];
        start = end + 1;
        match segment {
            "" | "." => {}
            ".." => {
                depth = depth.checked_sub(1)?;
                out.truncate(memchr::memrchr(b'/', out.as_bytes()).unwrap_or(0));
            }
            s => {
                if depth > 0 {
                    out.push('/');
                }
                out.push_str(s);
                depth += 1;
            }
        }
    }
    Some(out)
}

/// Where relative `target`, written in `file`, leads below the locale
/// folder: `~/` starts at the locale root, the path is percent-decoded and
/// `\` read as `/`; the query and fragment are dropped. `None` when the
/// path climbs out of the locale folder.
pub fn locate(file: &str, target: &str) -> Option<String> {
    let (path, _) = split_target(target.trim());
    let (from, path) = match path.strip_prefix("~/") {
        Some(rest) => ("", rest),
        None => (file, path),
    };
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    join(from, &decoded.replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_segments_are_registered_language_and_region_or_script() {
        for yes in ["en-us", "es-ES", "zh-hant-tw", "sr-latn-rs", "pt-br"] {
            assert!(is_locale_segment(yes), "{yes}");
        }
        for no in [
            "ef",
            "en",
            "web-app",
            "en-us-x",
            "previous-versions",
            "es-419",
            "",
            "-",
        ] {
            assert!(!is_locale_segment(no), "{no}");
        }
    }

    #[test]
    fn joins_relative_paths() {
        assert_eq!(join("a/b.md", "c.md").as_deref(), Some("a/c.md"));
        assert_eq!(join("a/b.md", "../c.md").as_deref(), Some("c.md"));
        assert_eq!(join("a/b.md", "./d/../e.md").as_deref(), Some("a/e.md"));
        assert_eq!(join("b.md", "../c.md"), None);
        assert_eq!(join("", "a/c.md").as_deref(), Some("a/c.md"));
        assert_eq!(join("a/b/c.md", "../../x/y.md").as_deref(), Some("x/y.md"));
        assert_eq!(join("a/b/c.md", "../../../y.md"), None);
        assert_eq!(join("a//b.md", "c.md").as_deref(), Some("a//c.md"));
        assert_eq!(join("a//b.md", "../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(join("/b.md", "../c.md").as_deref(), Some("c.md"));
        assert_eq!(
            locate("a/b/c.md", "~/d%20e.md#x").as_deref(),
            Some("d e.md")
        );
        assert_eq!(locate("a/c.md", "..\\d.md").as_deref(), Some("d.md"));
        assert_eq!(locate("c.md", "../d.md"), None);
    }

    #[test]
    fn rewrites_relative_markdown_links_keeping_the_fragment() {
        assert_eq!(rewrite("other.md").as_deref(), Some("other.html"));
        assert_eq!(
            rewrite("../kms/Overview.MD#dns").as_deref(),
            Some("../kms/Overview.html#dns")
        );
        assert_eq!(
            rewrite("a.md?tabs=win#x").as_deref(),
            Some("a.html?tabs=win#x")
        );
    }

    #[test]
    fn leaves_everything_else_alone() {
        for url in [
            "https://x.org/a.md",
            "//cdn/a.md",
            "/windows/a.md",
            "#frag",
            "img.png",
            "mailto:a@b.c",
            "",
            "md",
        ] {
            assert_eq!(rewrite(url), None, "{url}");
        }
    }

    #[test]
    fn knows_absolute_urls() {
        assert!(is_absolute("xref:System.String"));
        assert!(!is_absolute("folder/a:b.md"));
        assert!(!is_absolute("c.md"));
    }
}
