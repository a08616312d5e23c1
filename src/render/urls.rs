//! Relative URLs between output files. Every link polydoc writes is
//! relative, so a site works from `file://` and under any base path.

/// A relative URL from output file `from` to output file `to`, both
/// `/`-separated paths below the output root.
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len() - 1);
    let mut url = "../".repeat(from_dirs.len() - common);
    url.push_str(&encode_path(&to_parts[common..].join("/")));
    url
}

/// Percent-encodes the characters of a path that would end or break a URL.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '%' => out.push_str("%25"),
            '"' => out.push_str("%22"),
            '\\' => out.push_str("%5C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_climb_only_as_far_as_needed() {
        assert_eq!(
            relative("es-es/a/b.html", "it-it/a/b.html"),
            "../../it-it/a/b.html"
        );
        assert_eq!(relative("es-es/a/b.html", "es-es/a/c.html"), "c.html");
        assert_eq!(
            relative("es-es/index.html", "es-es/a/my page.html"),
            "a/my%20page.html"
        );
        assert_eq!(
            relative("index.html", "es-es/index.html"),
            "es-es/index.html"
        );
        assert_eq!(
            relative("es-es/a/b.html", "es-es/index.html"),
            "../index.html"
        );
    }
}
