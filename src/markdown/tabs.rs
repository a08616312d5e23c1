//! DocFX tabs: headings whose whole text is a link to `#tab/<id>` start a
//! tab; consecutive tab headings of one level form a group, which ends at
//! a `---` line, at a heading of the same or a higher level that is no
//! tab, or at the end of the page.
//!
//! ```markdown
//! # [Linux](#tab/linux)
//! Content for Linux.
//! # [Windows](#tab/windows)
//! Content for Windows.
//! ---
//! ```
//!
//! The group renders as DocFX's: a `div.tabGroup` with a `role="tablist"`
//! and one `section role="tabpanel"` per tab. Every panel is in the HTML
//! and visible, each under its own title, so the content reads without
//! JavaScript; `polydoc.js` turns the group into tabs and switches every
//! group of the page that has the same tab id together, as DocFX does.

use std::borrow::Borrow;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::highlight::escape;
use super::side_by_side::SourceText;

/// A tab heading's title and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabTitle {
    pub id: String,
    /// `#tab/linux/ubuntu`: the tab is shown only with tab `ubuntu` of another group.
    pub condition: Option<String>,
    pub title: String,
}

/// The tab a heading starts, if its content (`inner`, without the heading
/// tags) is exactly one link to `#tab/...`, after the `<a name="x"></a>`
/// that Microsoft's localization puts before every heading, tab headings
/// included (`# <a name="http"></a>[HTTP](#tab/http)`); its title is
/// the text shown, without an older page's source text
/// ([`super::side_by_side`]).
pub fn title<'e, E: Borrow<Event<'e>>>(inner: &[E]) -> Option<TabTitle> {
    let inner = without_anchor(inner);
    let (first, rest) = inner.split_first()?;
    let Event::Start(Tag::Link { dest_url, .. }) = first.borrow() else {
        return None;
    };
    let path = dest_url.strip_prefix("#tab/")?;
    let (last, text) = rest.split_last()?;
    if !matches!(last.borrow(), Event::End(TagEnd::Link)) {
        return None;
    }
    let mut title = String::new();
    let mut source = SourceText::default();
    for event in text.iter().map(Borrow::borrow) {
        if source.hides(event) {
            continue;
        }
        match event {
            Event::Text(t) | Event::Code(t) => title.push_str(t),
            Event::Start(_) | Event::End(_) | Event::SoftBreak | Event::InlineHtml(_) => {}
            _ => return None,
        }
    }
    let (id, condition) = match path.split_once('/') {
        Some((id, c)) => (id, Some(c.to_owned())),
        None => (path, None),
    };
    Some(TabTitle {
        id: id.to_owned(),
        condition,
        title: title.trim().to_owned(),
    })
}

/// `inner` without a leading empty anchor, `<a name="x"></a>` or
/// `<a id="x"></a>` ([`super::leading_anchor`]).
fn without_anchor<'e, E: Borrow<Event<'e>>>(inner: &[E]) -> &[E] {
    match super::leading_anchor(inner) {
        Some((_, Some(1))) => &inner[2..],
        _ => inner,
    }
}

/// One tab of a group: the event index of its heading start, and of the
/// event after its heading end (where its content starts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub heading: usize,
    pub content: usize,
    pub title: TabTitle,
}

/// A tab group found in a page's events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub tabs: Vec<Tab>,
    /// Event index where the group ends (exclusive).
    pub end: usize,
    /// The `---` at `end` closes the group and is not rendered.
    pub closed_by_rule: bool,
}

/// The tab groups of a page, from its events: headings and rules at the
/// top level only (not in lists or quotes).
pub fn groups(events: &[Event<'_>]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut open: Option<(Group, u8)> = None;
    let mut depth = 0usize;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                let end = heading_end(events, i);
                let tab = title(&events[i + 1..end]);
                let level = *level as u8;
                match (tab, &mut open) {
                    (Some(t), Some((group, l))) if *l == level => group.tabs.push(Tab {
                        heading: i,
                        content: end + 1,
                        title: t,
                    }),
                    (Some(t), _) => {
                        if let Some((mut g, _)) = open.take() {
                            g.end = i;
                            groups.push(g);
                        }
                        open = Some((
                            Group {
                                tabs: vec![Tab {
                                    heading: i,
                                    content: end + 1,
                                    title: t,
                                }],
                                end: events.len(),
                                closed_by_rule: false,
                            },
                            level,
                        ));
                    }
                    (None, Some((_, l))) if level <= *l => {
                        if let Some((mut g, _)) = open.take() {
                            g.end = i;
                            groups.push(g);
                        }
                    }
                    (None, _) => {}
                }
                i = end + 1;
                continue;
            }
            Event::Rule if depth == 0 => {
                if let Some((mut g, _)) = open.take() {
                    g.end = i;
                    g.closed_by_rule = true;
                    groups.push(g);
                }
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    if let Some((g, _)) = open {
        groups.push(g);
    }
    groups
}

/// Index of the heading end matching the heading start at `start`.
fn heading_end(events: &[Event<'_>], start: usize) -> usize {
    events[start..]
        .iter()
        .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
        .map_or(events.len() - 1, |p| start + p)
}

/// The opening of group `n` of the page: the tab list. `n` is the
/// group's number, or another key unique on the page (code groups').
pub fn open_group<'t>(
    n: impl std::fmt::Display,
    class: &str,
    titles: impl IntoIterator<Item = &'t TabTitle>,
) -> String {
    let mut html = format!(
        "<div class=\"{class}\" id=\"tabgroup_{n}\" data-tab-group>\n<ul role=\"tablist\">\n"
    );
    for (i, title) in titles.into_iter().enumerate() {
        let id = escape(&title.id);
        html.push_str(&format!(
            "<li role=\"presentation\"><a href=\"#tabpanel_{n}_{id}\" role=\"tab\" aria-controls=\"tabpanel_{n}_{id}\" data-tab=\"{id}\"{condition} tabindex=\"{tabindex}\" aria-selected=\"{selected}\">{title}</a></li>\n",
            condition = condition_attr(title),
            tabindex = if i == 0 { 0 } else { -1 },
            selected = i == 0,
            title = escape(&title.title),
        ));
    }
    html.push_str("</ul>\n");
    html
}

/// The opening of one tab's panel, its title included for readers without JavaScript.
pub fn open_panel(n: impl std::fmt::Display, tab: &TabTitle) -> String {
    let id = escape(&tab.id);
    format!(
        "<section id=\"tabpanel_{n}_{id}\" role=\"tabpanel\" data-tab=\"{id}\"{condition}>\n<p class=\"tab-title\">{title}</p>\n",
        condition = condition_attr(tab),
        title = escape(&tab.title),
    )
}

fn condition_attr(tab: &TabTitle) -> String {
    tab.condition
        .as_deref()
        .map(|c| format!(" data-condition=\"{}\"", escape(c)))
        .unwrap_or_default()
}

pub const CLOSE_PANEL: &str = "</section>\n";
pub const CLOSE_GROUP: &str = "</div>\n";

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn events(md: &str) -> Vec<Event<'_>> {
        Parser::new_ext(md, super::super::options()).collect()
    }

    #[test]
    fn a_group_ends_at_a_rule() {
        let md = "# [Linux](#tab/linux)\nL\n# [Windows](#tab/windows/win)\nW\n\n---\n\nafter\n";
        let ev = events(md);
        let g = groups(&ev);
        assert_eq!(g.len(), 1);
        assert!(g[0].closed_by_rule);
        let titles: Vec<_> = g[0].tabs.iter().map(|t| t.title.clone()).collect();
        assert_eq!(titles[0].id, "linux");
        assert_eq!(titles[1].title, "Windows");
        assert_eq!(titles[1].condition.as_deref(), Some("win"));
        assert_eq!(ev[g[0].end], Event::Rule);
    }

    #[test]
    fn a_plain_heading_of_the_same_level_ends_a_group() {
        let ev = events("## [A](#tab/a)\nx\n### Inside\ny\n## Next\n");
        let g = groups(&ev);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].tabs.len(), 1);
        assert!(matches!(ev[g[0].end], Event::Start(Tag::Heading { .. })));
        assert!(!g[0].closed_by_rule);
    }

    #[test]
    fn ordinary_link_headings_are_no_tabs() {
        assert!(groups(&events("# [A](a.md)\n")).is_empty());
    }
}
