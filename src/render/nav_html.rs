//! The navigation list as HTML, written here rather than in a template,
//! and once per folder rather than once per page.
//!
//! A page in a folder of a hundred articles carries a hundred navigation
//! links. Looping over them in Tera (several lookups per link through a
//! JSON context) cost more than parsing the page's Markdown. And every page
//! of a folder shows the same list with the same relative links, but for
//! which line is current: [`FolderNav`] holds the lines of one folder, and
//! [`FolderNav::html`] joins them for one page. Themes restyle the list
//! through its classes: `nav-item`, `nav-home`, `nav-folder`, `open`,
//! `aria-current="page"` on the current page, `--depth` for indentation.

use std::fmt::Write as _;

use crate::markdown::highlight::escape;
use crate::markdown::links::is_absolute;
use crate::nav::NavItem;

use super::urls::relative;

/// The navigation lines of every page in one folder.
pub struct FolderNav {
    head: String,
    nodes: Vec<usize>,
    /// Each line's HTML, split where `aria-current` goes: (before, after).
    lines: Vec<(String, String)>,
}

impl FolderNav {
    /// `base` is the output path of any page in the folder; links are relative to it.
    pub fn new(items: &[NavItem], base: &str, home_href: &str, home_label: &str) -> FolderNav {
        let head = format!(
            "<ul>\n<li class=\"nav-item nav-home\"><a href=\"{}\">{}</a></li>\n",
            escape(home_href),
            escape(home_label)
        );
        let lines = items
            .iter()
            .map(|item| {
                let class = match (item.folder, item.open) {
                    (true, true) => "nav-item nav-folder open",
                    (true, false) => "nav-item nav-folder",
                    _ => "nav-item",
                };
                let mut before =
                    format!("<li class=\"{class}\" style=\"--depth: {}\">", item.depth);
                let label = escape(&item.label);
                match &item.target {
                    Some(target) => {
                        let href = if is_absolute(target) {
                            target.clone()
                        } else {
                            relative(base, target)
                        };
                        let _ = write!(before, "<a href=\"{}\"", escape(&href));
                        (before, format!(">{label}</a></li>\n"))
                    }
                    None => (before, format!("<span>{label}</span></li>\n")),
                }
            })
            .collect();
        FolderNav {
            head,
            nodes: items.iter().map(|i| i.node).collect(),
            lines,
        }
    }

    /// The `<ul>` for the page whose navigation node is `current`.
    pub fn html(&self, current: Option<usize>) -> String {
        let size = self.head.len()
            + self
                .lines
                .iter()
                .map(|(a, b)| a.len() + b.len())
                .sum::<usize>()
            + 32;
        let mut html = String::with_capacity(size);
        html.push_str(&self.head);
        for ((before, after), &node) in self.lines.iter().zip(&self.nodes) {
            html.push_str(before);
            if Some(node) == current && after.starts_with('>') {
                html.push_str(" aria-current=\"page\"");
            }
            html.push_str(after);
        }
        html.push_str("</ul>\n");
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_folders_depth_and_the_current_page() {
        let items = vec![
            NavItem {
                node: 1,
                depth: 0,
                label: "a & b".into(),
                target: Some("en-us/a/x.html".into()),
                folder: true,
                open: true,
            },
            NavItem {
                node: 2,
                depth: 1,
                label: "X".into(),
                target: Some("en-us/a/x.html".into()),
                folder: false,
                open: false,
            },
            NavItem {
                node: 3,
                depth: 0,
                label: "empty".into(),
                target: None,
                folder: true,
                open: false,
            },
        ];
        let nav = FolderNav::new(&items, "en-us/a/x.html", "../index.html", "Inicio");
        assert_eq!(
            nav.html(Some(2)),
            "<ul>\n<li class=\"nav-item nav-home\"><a href=\"../index.html\">Inicio</a></li>\n\
             <li class=\"nav-item nav-folder open\" style=\"--depth: 0\"><a href=\"x.html\">a &amp; b</a></li>\n\
             <li class=\"nav-item\" style=\"--depth: 1\"><a href=\"x.html\" aria-current=\"page\">X</a></li>\n\
             <li class=\"nav-item nav-folder\" style=\"--depth: 0\"><span>empty</span></li>\n</ul>\n"
        );
        assert!(!nav.html(None).contains("aria-current"));
    }
}
