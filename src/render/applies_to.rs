//! Learn's "Applies to" line under a page's title: the products and
//! versions of its `appliesto` metadata, which Microsoft's docsets set for
//! whole folders in `docfx.json` (`fileMetadata`, [`crate::docfx_json`])
//! and pages in their front matter. Each value is HTML, as DocFX passes it
//! (`✅ <a href="...">Windows Server 2025</a>`).
//!
//! It is spliced into the body after the title `h1` (a Markdown page's,
//! or a landing or FAQ page's inside its wrapper), where Learn shows it and
//! where it reads without JavaScript, so every theme gets it with
//! `page.body`; a body without a title gets it at its top. It is left
//! out of the search index (spliced after indexing): the same line on a
//! docset's every page would only dilute the ranking.

use serde_yaml::{Mapping, Value};

/// The values of `appliesto` in `meta`: a list, or one value.
pub fn values(meta: &Mapping) -> Vec<&str> {
    match meta.get("appliesto") {
        Some(Value::Sequence(items)) => items.iter().filter_map(Value::as_str).collect(),
        Some(Value::String(one)) => vec![one.as_str()],
        _ => Vec::new(),
    }
    .into_iter()
    .map(str::trim)
    .filter(|v| !v.is_empty())
    .collect()
}

/// Puts the line into `body` after its title; `label` is "Applies to" in
/// the page's language.
pub fn splice(body: &mut String, values: &[&str], label: &str) {
    if values.is_empty() {
        return;
    }
    let mut line = format!(
        "<div class=\"applies-to\"><span class=\"applies-to-label\">{}:</span> <ul>",
        html_escape::encode_text(label)
    );
    for value in values {
        line.push_str("<li>");
        line.push_str(value);
        line.push_str("</li>");
    }
    line.push_str("</ul></div>\n");
    // The title opens the body, alone or inside a landing or FAQ page's
    // wrapper (`<div class="faq">`); an `h1` after other content is no
    // title.
    let at = match body.find("<h1") {
        Some(h1)
            if body[..h1]
                .lines()
                .all(|l| l.trim().is_empty() || l.trim().starts_with("<div")) =>
        {
            body[h1..]
                .find("</h1>")
                .map_or(0, |end| h1 + end + "</h1>".len())
        }
        _ => 0,
    };
    let at = match body[at..].starts_with('\n') {
        true => at + 1,
        false => at,
    };
    body.insert_str(at, &line);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_the_title_or_at_the_top() {
        let mut body = String::from("<h1 id=\"t\">Title</h1>\n<p>Text</p>\n");
        splice(&mut body, &["✅ <b>2025</b>", "2022"], "Applies to");
        assert_eq!(
            body,
            "<h1 id=\"t\">Title</h1>\n<div class=\"applies-to\"><span class=\"applies-to-label\">Applies to:</span> <ul><li>✅ <b>2025</b></li><li>2022</li></ul></div>\n<p>Text</p>\n"
        );
        let mut untitled = String::from("<p>Text</p>\n");
        splice(&mut untitled, &["x"], "A & B");
        assert!(untitled.starts_with(
            "<div class=\"applies-to\"><span class=\"applies-to-label\">A &amp; B:</span>"
        ));
        let mut faq = String::from("<div class=\"faq\">\n<h1>FAQ</h1>\n<h2>Q</h2>\n");
        splice(&mut faq, &["x"], "Applies to");
        assert!(
            faq.starts_with("<div class=\"faq\">\n<h1>FAQ</h1>\n<div class=\"applies-to\">"),
            "{faq}"
        );
        let mut late = String::from("<p>Intro</p>\n<h1>Later</h1>\n");
        splice(&mut late, &["x"], "Applies to");
        assert!(late.starts_with("<div class=\"applies-to\">"), "{late}");
        let mut unchanged = String::from("<h1>T</h1>");
        splice(&mut unchanged, &[], "Applies to");
        assert_eq!(unchanged, "<h1>T</h1>");
    }

    #[test]
    fn values_are_a_list_or_one_string() {
        let meta: Mapping = serde_yaml::from_str("appliesto:\n- ' a '\n- ''\n- 5\n").expect("yaml");
        assert_eq!(values(&meta), ["a"]);
        let meta: Mapping = serde_yaml::from_str("appliesto: Windows 11").expect("yaml");
        assert_eq!(values(&meta), ["Windows 11"]);
        assert!(values(&Mapping::new()).is_empty());
    }
}
