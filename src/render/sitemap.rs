//! `sitemap.xml`: every page with `xhtml:link rel="alternate" hreflang`
//! entries for each of its translations and `x-default`, as search engines
//! read localized sites. Sitemaps need absolute URLs, so there is none
//! without `base_url`.

use std::fmt::Write;

use super::urls::encode_path;
use crate::site::Site;

pub fn render(site: &Site, base_url: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let url = |out_path: &str| escape(&format!("{base_url}{}", encode_path(out_path)));
    // Redirects are no pages to index (search engines follow them), and
    // `ROBOTS: NOINDEX` pages ask not to be.
    for page in site.pages.iter().filter(|p| p.indexed()) {
        let _ = writeln!(out, "  <url>\n    <loc>{}</loc>", url(&page.out_path));
        let group: Vec<usize> = site.groups[page.group]
            .iter()
            .copied()
            .filter(|&p| site.pages[p].indexed())
            .collect();
        if group.len() > 1 {
            for &p in &group {
                let other = &site.pages[p];
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(&site.locales[other.locale()].tag),
                    url(&other.out_path)
                );
            }
            if let Some(&default) = group.iter().find(|&&p| site.pages[p].locale() == 0) {
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                    url(&site.pages[default].out_path)
                );
            }
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
