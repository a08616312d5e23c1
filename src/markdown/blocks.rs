//! What DocFX's triple-colon blocks render as: the structure and classes
//! of DocFX's own output, not its bytes.

use super::directives::Directive;
use super::highlight::escape;

/// A video frame, for `:::video source:::` and `> [!VIDEO url]`.
pub fn video(src: &str) -> String {
    format!(
        "<div class=\"embeddedvideo\"><iframe src=\"{}\" allowfullscreen=\"true\" frameborder=\"0\" loading=\"lazy\"></iframe></div>\n",
        escape(src)
    )
}

/// The hrefs an image writes, its attributes resolved against the site.
pub struct ImageHrefs {
    pub src: String,
    pub lightbox: Option<String>,
    pub link: Option<String>,
}

/// `:::image:::`. `n` numbers the page's complex images, whose long
/// description follows and is closed by [`CLOSE_DESCRIPTION`] at
/// `:::image-end:::`.
pub fn image(d: &Directive, hrefs: &ImageHrefs, n: usize) -> String {
    let src = hrefs.src.as_str();
    let kind = d.attr("type").unwrap_or("content");
    let alt = d.attr("alt-text").unwrap_or("");
    let border = match d.attr("border") {
        Some("false") => false,
        Some(_) => true,
        None => kind == "content" || kind == "complex",
    };
    let img = match kind {
        "icon" => format!(
            "<img src=\"{}\" role=\"presentation\" alt=\"\">",
            escape(src)
        ),
        "complex" => format!(
            "<img src=\"{}\" alt=\"{}\" aria-describedby=\"image-description-{n}\">",
            escape(src),
            escape(alt)
        ),
        _ => format!("<img src=\"{}\" alt=\"{}\">", escape(src), escape(alt)),
    };
    let img = match (hrefs.lightbox.as_deref(), hrefs.link.as_deref()) {
        (Some(big), _) => format!(
            "<a href=\"{}#lightbox\" data-linktype=\"relative-path\">{img}</a>",
            escape(big)
        ),
        (None, Some(link)) => format!("<a href=\"{}\">{img}</a>", escape(link)),
        (None, None) => img,
    };
    let class = if border { "mx-imgBorder" } else { "" };
    let mut html = format!("<p><span class=\"{class}\">{img}</span></p>\n");
    if kind == "complex" {
        html.push_str(&format!(
            "<div id=\"image-description-{n}\" class=\"visually-hidden\">\n"
        ));
    }
    html
}

pub const CLOSE_DESCRIPTION: &str = "</div>\n";

/// The opening tag of a container block and the tag that closes it;
/// `label` names a zone's pivots, or a moniker block's versions, for
/// readers; `versions` are the versions a moniker block applies to, for
/// the version picker.
pub fn open_container(
    d: &Directive,
    name: &str,
    label: Option<&str>,
    versions: Option<&str>,
) -> (String, &'static str) {
    match name {
        "zone" => {
            let mut attrs = String::new();
            if let Some(p) = d.attr("pivot") {
                attrs.push_str(&format!(" data-pivot=\"{}\"", escape(p)));
            }
            if let Some(label) = label {
                attrs.push_str(&format!(" data-pivot-title=\"{}\"", escape(label)));
            }
            if let Some(t) = d.attr("target") {
                attrs.push_str(&format!(" data-target=\"{}\"", escape(t)));
            }
            (
                format!("<div class=\"zone has-pivot\"{attrs}>\n"),
                "</div>\n",
            )
        }
        "moniker" => {
            let title = label
                .map(|l| format!(" data-moniker-title=\"{}\"", escape(l)))
                .unwrap_or_default();
            let versions = versions
                .map(|v| format!(" data-versions=\"{}\"", escape(v)))
                .unwrap_or_default();
            (
                format!(
                    "<div class=\"moniker\" data-moniker=\"{}\"{title}{versions}>\n",
                    escape(d.attr("range").unwrap_or(""))
                ),
                "</div>\n",
            )
        }
        "row" => {
            let count = d
                .attr("count")
                .map(|c| format!(" data-count=\"{}\"", escape(c)))
                .unwrap_or_default();
            (format!("<section class=\"row\"{count}>\n"), "</section>\n")
        }
        "column" => {
            let class = match d.attr("span") {
                Some(span) if span.chars().all(|c| c.is_ascii_digit()) && !span.is_empty() => {
                    format!("column span{span}")
                }
                _ => "column".to_owned(),
            };
            (format!("<div class=\"{class}\">\n"), "</div>\n")
        }
        _ => (String::new(), ""),
    }
}

/// A `<pre>` from highlighted code, with DocFX's `highlight-lines` kept
/// for the lines the author marked.
pub fn with_highlight_lines(pre: &str, lines: Option<&str>) -> String {
    match lines {
        Some(lines) if !lines.is_empty() => pre.replacen(
            "<pre class=\"code\"",
            &format!(
                "<pre class=\"code\" data-highlight-lines=\"{}\"",
                escape(lines)
            ),
            1,
        ),
        _ => pre.to_owned(),
    }
}
