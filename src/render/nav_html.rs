//! The navigation list as HTML, written here rather than in a template,
//! and once per folder rather than once per page.
//!
//! A page in a folder of a hundred articles carries a hundred navigation
//! links. Looping over them in Tera (several lookups per link through a
//! JSON context) cost more than parsing the page's Markdown. And every page
//! of a folder shows the same list with the same relative links, but for
//! which line is current: [`FolderNav`] holds the lines of one folder, and
//! [`FolderNav::html`] joins them for one page.
//!
//! The list nests as the folders do (`<li>` of a folder holding the `<ul>`
//! of its children), so that screen readers announce the levels and the
//! indentation needs no per-line style. On the benchmark corpus the
//! navigation was a third of every page's bytes; nesting, and leaving
//! plain pages without a class, took it from 8.2 KB to 5.6 KB a page.
//! Themes restyle the list through `.site-nav li`, the classes
//! `nav-home`, `nav-folder` and `open`, and `aria-current="page"` on the
//! current page.

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
            "<ul>\n<li class=\"nav-home\"><a href=\"{}\">{}</a></li>\n",
            escape(home_href),
            escape(home_label)
        );
        let depths = nesting(items);
        let lines = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let mut before = match (item.folder, item.open) {
                    (true, true) => "<li class=\"nav-folder open\">".to_owned(),
                    (true, false) => "<li class=\"nav-folder\">".to_owned(),
                    _ => "<li>".to_owned(),
                };
                let label = escape(&item.label);
                let mut after = match &item.target {
                    Some(target) => {
                        let href = if is_absolute(target) {
                            target.clone()
                        } else {
                            relative(base, target)
                        };
                        let _ = write!(before, "<a href=\"{}\"", escape(&href));
                        format!(">{label}</a>")
                    }
                    None => format!("<span>{label}</span>"),
                };
                // Open the children's list, or close this item and the
                // lists that end with it.
                let (depth, next) = (depths[i], depths.get(i + 1).copied().unwrap_or(0));
                if next > depth {
                    after.push_str("<ul>\n");
                } else {
                    after.push_str("</li>\n");
                    for _ in next..depth {
                        after.push_str("</ul></li>\n");
                    }
                }
                (before, after)
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

/// Each item's nesting level: its depth, but never more than one below
/// the item before it, so that every list opens inside an item.
fn nesting(items: &[NavItem]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(items.len());
    for item in items {
        let limit = out.last().map_or(0, |&d| d + 1);
        out.push(item.depth.min(limit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_folders_and_marks_the_current_page() {
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
            "<ul>\n<li class=\"nav-home\"><a href=\"../index.html\">Inicio</a></li>\n\
             <li class=\"nav-folder open\"><a href=\"x.html\">a &amp; b</a><ul>\n\
             <li><a href=\"x.html\" aria-current=\"page\">X</a></li>\n\
             </ul></li>\n\
             <li class=\"nav-folder\"><span>empty</span></li>\n</ul>\n"
        );
        assert!(!nav.html(None).contains("aria-current"));
    }

    #[test]
    fn every_list_is_closed_whatever_the_depths() {
        let item = |node, depth, folder| NavItem {
            node,
            depth,
            label: format!("n{node}"),
            target: Some(format!("en-us/{node}.html")),
            folder,
            open: folder,
        };
        // A jump of two levels, and the last item two levels deep.
        let items = vec![
            item(1, 0, true),
            item(2, 2, true),
            item(3, 1, false),
            item(4, 2, false),
        ];
        let html = FolderNav::new(&items, "en-us/1.html", "index.html", "Home").html(Some(4));
        assert_eq!(
            html.matches("<ul>").count(),
            html.matches("</ul>").count(),
            "{html}"
        );
        assert_eq!(
            html.matches("<li").count(),
            html.matches("</li>").count(),
            "{html}"
        );
        assert!(html.ends_with("</ul></li>\n</ul></li>\n</ul>\n"), "{html}");
    }
}
