//! The navigation list as HTML, written here rather than in a template.
//!
//! A page in a folder of a hundred articles carries a hundred navigation
//! links. Looping over them in Tera (several variable lookups per entry,
//! each through a JSON context) cost more than parsing the page's
//! Markdown; writing them here costs microseconds. Themes restyle the list
//! through its classes: `nav-item`, `nav-home`, `nav-folder`, `open`,
//! `aria-current="page"` on the current page, `--depth` for indentation.

use std::fmt::Write as _;

use crate::i18n::Strings;
use crate::markdown::highlight::escape;
use crate::nav::NavItem;

use super::urls::relative;

/// `<ul>` of the navigation of the page at `out_path`.
pub fn list(items: &[NavItem], out_path: &str, home_href: &str, ui: &Strings) -> String {
    let mut html = String::with_capacity(64 + items.len() * 96);
    let home = ui.get("home").map_or("Home", String::as_str);
    let _ = write!(
        html,
        "<ul>\n<li class=\"nav-item nav-home\"><a href=\"{}\">{}</a></li>\n",
        escape(home_href),
        escape(home)
    );
    for item in items {
        let class = match (item.folder, item.open) {
            (true, true) => "nav-item nav-folder open",
            (true, false) => "nav-item nav-folder",
            _ => "nav-item",
        };
        let _ = write!(
            html,
            "<li class=\"{class}\" style=\"--depth: {}\">",
            item.depth
        );
        let label = escape(&item.label);
        match &item.target {
            Some(target) => {
                let current = if item.current {
                    " aria-current=\"page\""
                } else {
                    ""
                };
                let _ = write!(
                    html,
                    "<a href=\"{}\"{current}>{label}</a>",
                    escape(&relative(out_path, target))
                );
            }
            None => {
                let _ = write!(html, "<span>{label}</span>");
            }
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_folders_depth_and_the_current_page() {
        let items = vec![
            NavItem {
                depth: 0,
                label: "a & b".into(),
                target: Some("en-us/a/x.html".into()),
                folder: true,
                open: true,
                current: false,
            },
            NavItem {
                depth: 1,
                label: "X".into(),
                target: Some("en-us/a/x.html".into()),
                folder: false,
                open: false,
                current: true,
            },
        ];
        let mut ui = Strings::new();
        ui.insert("home".into(), "Inicio".into());
        let html = list(&items, "en-us/a/x.html", "../index.html", &ui);
        assert_eq!(
            html,
            "<ul>\n<li class=\"nav-item nav-home\"><a href=\"../index.html\">Inicio</a></li>\n\
             <li class=\"nav-item nav-folder open\" style=\"--depth: 0\"><a href=\"x.html\">a &amp; b</a></li>\n\
             <li class=\"nav-item\" style=\"--depth: 1\"><a href=\"x.html\" aria-current=\"page\">X</a></li>\n</ul>\n"
        );
    }
}
