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

/// Entries of one list beyond which a page shows only some of them.
const MAX_RUN: usize = 100;
/// Entries shown on each side of the current page (or of the open
/// folder) in such a list.
const WINDOW: usize = 20;

/// One navigation line.
struct Line {
    /// Up to where `aria-current` goes.
    before: String,
    /// The rest of the line's own HTML: its label, then `</li>`, or the
    /// `<ul>` of its children.
    own: String,
    /// The lists that end with it (`</ul></li>`...).
    closers: String,
    depth: usize,
    /// Whether it opens a list of children (a folder on the way).
    opens: bool,
}

/// The navigation lines of every page in one folder.
///
/// A folder of thousands of articles, as a knowledge base may keep flat,
/// would put thousands of links on each of its pages (3,000 pages of one
/// folder: 160 KB of navigation each, 470 MB in all). A list of more than
/// [`MAX_RUN`] entries shows the [`WINDOW`] entries on each side of the
/// current page (or of the open folder, or its start), and says how many
/// it leaves out where it leaves them; the site's search and the locale's
/// page list reach the rest.
pub struct FolderNav {
    head: String,
    nodes: Vec<usize>,
    lines: Vec<Line>,
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
                        let mut href = if is_absolute(target) {
                            target.clone()
                        } else {
                            relative(base, target)
                        };
                        if let Some(fragment) = &item.fragment {
                            href.push('#');
                            href.push_str(fragment);
                        }
                        let _ = write!(before, "<a href=\"{}\"", escape(&href));
                        format!(">{label}</a>")
                    }
                    None => format!("<span>{label}</span>"),
                };
                // Open the children's list, or close this item and the
                // lists that end with it.
                let (depth, next) = (depths[i], depths.get(i + 1).copied().unwrap_or(0));
                let mut closers = String::new();
                let opens = next > depth;
                if opens {
                    after.push_str("<ul>\n");
                } else {
                    after.push_str("</li>\n");
                    for _ in next..depth {
                        closers.push_str("</ul></li>\n");
                    }
                }
                Line {
                    before,
                    own: after,
                    closers,
                    depth,
                    opens,
                }
            })
            .collect();
        FolderNav {
            head,
            nodes: items.iter().map(|i| i.node).collect(),
            lines,
        }
    }

    /// The `<ul>` for the page whose navigation node is `current`; `more`
    /// says how many entries a long list leaves out (`{count}`: the number).
    pub fn html(&self, current: Option<usize>, more: &str) -> String {
        let shown = self.shown(current);
        let size = self.head.len()
            + self
                .lines
                .iter()
                .zip(&shown)
                .map(|(l, &s)| if s { l.before.len() + l.own.len() } else { 0 } + l.closers.len())
                .sum::<usize>()
            + 32;
        let mut html = String::with_capacity(size);
        html.push_str(&self.head);
        let mut left_out = 0;
        let flush = |html: &mut String, left_out: &mut usize| {
            if *left_out > 0 {
                let label = escape(&more.replace("{count}", &left_out.to_string()));
                let _ = writeln!(html, "<li class=\"nav-more\"><span>{label}</span></li>");
                *left_out = 0;
            }
        };
        for ((line, &node), &show) in self.lines.iter().zip(&self.nodes).zip(&shown) {
            if show {
                flush(&mut html, &mut left_out);
                html.push_str(&line.before);
                if Some(node) == current && line.own.starts_with('>') {
                    html.push_str(" aria-current=\"page\"");
                }
                html.push_str(&line.own);
            } else {
                left_out += 1;
            }
            if !line.closers.is_empty() {
                flush(&mut html, &mut left_out);
                html.push_str(&line.closers);
            }
        }
        flush(&mut html, &mut left_out);
        html.push_str("</ul>\n");
        html
    }

    /// Which lines the page whose node is `current` shows: all, but in a
    /// run of more than [`MAX_RUN`] entries of one list (entries that open
    /// no list of their own), the [`WINDOW`] on each side of the current
    /// page, of the open folder that follows the run, or of its start.
    fn shown(&self, current: Option<usize>) -> Vec<bool> {
        let mut shown = vec![true; self.lines.len()];
        let at = current.and_then(|c| self.nodes.iter().position(|&n| n == c));
        let mut i = 0;
        while i < self.lines.len() {
            let (start, depth) = (i, self.lines[i].depth);
            while i < self.lines.len() && !self.lines[i].opens && self.lines[i].depth == depth {
                i += 1;
            }
            let end = i.max(start + 1);
            i = end;
            if end - start <= MAX_RUN {
                continue;
            }
            let center = match at.filter(|a| (start..end).contains(a)) {
                Some(a) => a,
                None if self
                    .lines
                    .get(end)
                    .is_some_and(|l| l.opens && l.depth == depth) =>
                {
                    end - 1
                }
                None => start,
            };
            let from = center.saturating_sub(WINDOW).max(start);
            let to = (center + WINDOW + 1).min(end);
            for (k, show) in shown.iter_mut().enumerate().take(end).skip(start) {
                *show = (from..to).contains(&k);
            }
        }
        shown
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
                fragment: None,
                folder: true,
                open: true,
            },
            NavItem {
                node: 2,
                depth: 1,
                label: "X".into(),
                target: Some("en-us/a/x.html".into()),
                fragment: None,
                folder: false,
                open: false,
            },
            NavItem {
                node: 3,
                depth: 0,
                label: "empty".into(),
                target: None,
                fragment: None,
                folder: true,
                open: false,
            },
        ];
        let nav = FolderNav::new(&items, "en-us/a/x.html", "../index.html", "Inicio");
        assert_eq!(
            nav.html(Some(2), "{count} more"),
            "<ul>\n<li class=\"nav-home\"><a href=\"../index.html\">Inicio</a></li>\n\
             <li class=\"nav-folder open\"><a href=\"x.html\">a &amp; b</a><ul>\n\
             <li><a href=\"x.html\" aria-current=\"page\">X</a></li>\n\
             </ul></li>\n\
             <li class=\"nav-folder\"><span>empty</span></li>\n</ul>\n"
        );
        assert!(!nav.html(None, "{count} more").contains("aria-current"));
    }

    /// A folder of 300 pages shows the 20 on each side of the current one
    /// and says how many it leaves out before and after, every list stays
    /// closed, and a page without a place in it (a list page) shows its
    /// start.
    #[test]
    fn a_long_list_shows_a_window_around_the_current_page() {
        let mut items = vec![NavItem {
            node: 1,
            depth: 0,
            label: "kb".into(),
            target: None,
            fragment: None,
            folder: true,
            open: true,
        }];
        items.extend((0..300).map(|k| NavItem {
            node: 10 + k,
            depth: 1,
            label: format!("a{k}"),
            target: Some(format!("en-us/kb/a{k}.html")),
            fragment: None,
            folder: false,
            open: false,
        }));
        items.push(NavItem {
            node: 5,
            depth: 0,
            label: "other".into(),
            target: Some("en-us/other.html".into()),
            fragment: None,
            folder: false,
            open: false,
        });
        let nav = FolderNav::new(&items, "en-us/kb/a0.html", "../index.html", "Home");
        let html = nav.html(Some(160), "{count} more");
        let shown: Vec<&str> = html
            .lines()
            .filter_map(|l| l.split("\">a").nth(1))
            .map(|rest| rest.split('<').next().unwrap_or(""))
            .collect();
        assert_eq!(shown.first(), Some(&"130"));
        assert_eq!(shown.last(), Some(&"170"));
        assert_eq!(shown.len(), 41);
        assert!(
            html.contains("<ul>\n<li class=\"nav-more\"><span>130 more</span></li>\n"),
            "{html}"
        );
        assert!(
            html.contains("<li class=\"nav-more\"><span>129 more</span></li>\n</ul></li>\n"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"a150.html\" aria-current=\"page\">a150</a>"),
            "{html}"
        );
        assert!(html.contains("other</a></li>"), "{html}");
        assert_eq!(html.matches("<li").count(), html.matches("</li>").count());
        assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count());
        // Without a current page in it, the list shows its start.
        let start = nav.html(None, "{count} more");
        assert!(
            start.contains(">a0</a>") && start.contains(">a20</a>") && !start.contains(">a21</a>")
        );
        assert!(start.contains("<span>279 more</span>"), "{start}");
    }

    #[test]
    fn every_list_is_closed_whatever_the_depths() {
        let item = |node, depth, folder| NavItem {
            node,
            depth,
            label: format!("n{node}"),
            target: Some(format!("en-us/{node}.html")),
            fragment: None,
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
        let html = FolderNav::new(&items, "en-us/1.html", "index.html", "Home")
            .html(Some(4), "{count} more");
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
