//! Structure: sections missing or extra, tables with other row counts,
//! sections with other numbers of list items or code blocks.
//!
//! Every translation is aligned with the group's pivot page by
//! [`crate::align`] (the same alignment the token check uses), which pairs
//! up sections; then the shape of each pair of sections is compared.
//! Paragraph counts are deliberately not compared: translators split and
//! join sentences, and that is not drift.
//!
//! Who is wrong: with a source locale, the source is the reference. Among
//! peers, the locales that disagree with a strict majority; without one
//! (two locales), both sides are reported. Peers are compared only with
//! peers translated from the same source version (`ms.openlocfilehash`):
//! a page made from an older version lacks what the source gained since,
//! which makes it outdated (see `version`), not its newer peers
//! inconsistent.

use std::collections::BTreeMap;

use crate::align;
use crate::check::capped_list;
use crate::diagnostic::LineIndex;
use crate::markdown::facts::{Facts, UnitKind};
use crate::site::Site;

use super::{Signal, SignalKind};

/// What a section holds, as far as drift is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Shape {
    /// Body rows per table, in order.
    tables: Vec<usize>,
    items: usize,
    code: usize,
    /// Offset of each table's first row, for pointing at it.
    table_offsets: Vec<usize>,
    /// A landing page's links and headings (an FAQ's sections and
    /// questions): what its translations keep, as a Markdown page's
    /// tables and lists. Not counted on Markdown pages, whose
    /// translations may link a term more or less often.
    links: usize,
    headings: usize,
}

impl Shape {
    fn of(facts: &Facts, section: usize) -> Shape {
        let mut shape = Shape::default();
        let mut rows: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for unit in facts.units.iter().filter(|u| u.section as usize == section) {
            match unit.kind {
                UnitKind::Row { table, header } => {
                    let entry = rows.entry(table as usize).or_insert((0, unit.offset));
                    entry.0 += usize::from(!header);
                }
                UnitKind::Item => shape.items += 1,
                UnitKind::Code => shape.code += 1,
                _ => {}
            }
        }
        (shape.tables, shape.table_offsets) = rows.into_values().unzip();
        shape
    }

    /// The shape of section `section` of page `page`.
    fn of_page(site: &Site, page: usize, section: usize) -> Shape {
        let page = &site.pages[page];
        let mut shape = Shape::of(&page.doc.facts, section);
        if page.source.landing {
            shape.links = page.doc.facts.links.len();
            shape.headings = page.doc.headings.len();
        }
        shape
    }
}

/// A section of one page: its index in the page and its bytes in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub index: usize,
    pub offset: usize,
    pub end: usize,
}

/// How a section is named in messages: its explicit anchor, else its heading text.
pub fn label(site: &Site, page: usize, section: usize) -> String {
    let doc = &site.pages[page].doc;
    if section == 0 {
        let whole = site.pages[page].source.landing && doc.facts.units.is_empty();
        return if whole {
            "the page"
        } else {
            "the introduction"
        }
        .to_owned();
    }
    let Some(heading) = doc.headings.get(section - 1) else {
        return format!("section {section}");
    };
    if heading.explicit {
        format!("section `#{}`", doc.headings.id(heading))
    } else {
        format!("section \u{201c}{}\u{201d}", doc.headings.text(heading))
    }
}

/// The sections of every member of `group`, aligned: one row per section
/// of the pivot, then one row per section of another member that has no
/// counterpart in the pivot (`None` where a member lacks the section).
pub struct AlignedSections {
    pub rows: Vec<Vec<Option<Section>>>,
    /// How many of `rows` come from the pivot; the rest are extras.
    pub pivot_rows: usize,
}

/// Aligns the sections of each member of `group` with those of `pivot`.
pub fn align_sections(site: &Site, group: &[usize], pivot: usize) -> AlignedSections {
    let facts = |p: usize| &site.pages[p].doc.facts;
    let pivot_m = group.iter().position(|&p| p == pivot).unwrap_or(0);
    let pivot_sections = page_sections(site, pivot);
    let mut rows: Vec<Vec<Option<Section>>> = vec![vec![None; group.len()]; pivot_sections.len()];
    for (s, section) in pivot_sections.iter().enumerate() {
        rows[s][pivot_m] = Some(*section);
    }
    let mut extras = Vec::new();
    for (m, &page) in group.iter().enumerate().filter(|&(m, _)| m != pivot_m) {
        let theirs = page_sections(site, page);
        let mut seen = vec![false; theirs.len()];
        for pair in align::documents(facts(pivot), facts(page)) {
            let (Some(u), Some(v)) = pair else { continue };
            let (a, b) = (&facts(pivot).units[u], &facts(page).units[v]);
            if matches!(a.kind, UnitKind::Heading(_))
                && let (Some(s), Some(t)) = (
                    pivot_sections
                        .iter()
                        .position(|x| x.index == a.section as usize),
                    theirs.iter().position(|x| x.index == b.section as usize),
                )
            {
                rows[s][m] = Some(theirs[t]);
                seen[t] = true;
            }
        }
        // The introduction always pairs with the introduction.
        if let (Some(first), Some(theirs_first)) = (rows.first_mut(), theirs.first())
            && theirs_first.index == 0
            && pivot_sections.first().is_some_and(|s| s.index == 0)
        {
            first[m] = Some(*theirs_first);
            seen[0] = true;
        }
        for (t, section) in theirs.iter().enumerate().filter(|(t, _)| !seen[*t]) {
            let mut row = vec![None; group.len()];
            row[m] = Some(*section);
            extras.push((m, t, row));
        }
    }
    let pivot_rows = rows.len();
    rows.extend(extras.into_iter().map(|(_, _, row)| row));
    AlignedSections { rows, pivot_rows }
}

/// Structure signals per member of `group` (same order), comparing the
/// sections `aligned` with `pivot`'s. `source` says the pivot is the
/// source locale's page.
pub fn compare(
    site: &Site,
    group: &[usize],
    pivot: usize,
    aligned: &AlignedSections,
    source: bool,
) -> Vec<Vec<Signal>> {
    let lines: Vec<LineIndex> = group
        .iter()
        .map(|&p| site.pages[p].source.line_index())
        .collect();
    let line = |m: usize, offset: usize| lines[m].position(offset).0;
    let locale = |m: usize| site.locales[site.pages[group[m]].locale()].key.as_str();
    let pivot_m = group.iter().position(|&p| p == pivot).unwrap_or(0);
    let version = site.source_versions(group);
    let judge = |values: &[(usize, _)]| judge_by_version(values, pivot_m, source, &version);
    let mut signals: Vec<Vec<Signal>> = vec![Vec::new(); group.len()];
    let (matched, extras) = aligned.rows.split_at(aligned.pivot_rows);
    for row in extras {
        for (m, section) in row.iter().enumerate() {
            if let Some(section) = section
                && (source || version[m] == version[pivot_m])
            {
                signals[m].push(Signal::drift(
                    SignalKind::Structure,
                    format!(
                        "{} has no counterpart in {}: remove it or add it there",
                        label(site, group[m], section.index),
                        locale(pivot_m)
                    ),
                    Some(line(m, section.offset)),
                ));
            }
        }
    }

    for row in matched {
        let name = |m: usize| row[m].map_or_else(String::new, |s| label(site, group[m], s.index));
        // Presence of the section.
        let present: Vec<(usize, bool)> = (0..group.len()).map(|m| (m, row[m].is_some())).collect();
        for (m, reference) in judge_by_version(&present, pivot_m, source, &version) {
            let holders: Vec<&str> = (0..group.len())
                .filter(|&o| row[o].is_some())
                .map(locale)
                .collect();
            let message = if row[m].is_some() {
                format!(
                    "has {}, which {} lack",
                    name(m),
                    others(&present, m, locale).join(", ")
                )
            } else {
                let shown = name(reference);
                format!(
                    "lacks {shown}, which {} {}",
                    holders.join(", "),
                    have(holders.len())
                )
            };
            let at = row[m].map(|s| line(m, s.offset));
            signals[m].push(Signal::drift(SignalKind::Structure, message, at));
        }
        // The shape of the section where it is present, per member.
        let shapes: Vec<Option<Shape>> = (0..group.len())
            .map(|m| row[m].map(|s| Shape::of_page(site, group[m], s.index)))
            .collect();
        let present_values = |get: &dyn Fn(&Shape) -> Vec<usize>| -> Vec<(usize, Vec<usize>)> {
            (0..group.len())
                .filter_map(|m| shapes[m].as_ref().map(|s| (m, get(s))))
                .collect()
        };
        for (m, reference) in judge(&present_values(&|s| s.tables.clone())) {
            let (Some(mine), Some(theirs)) = (&shapes[m], &shapes[reference]) else {
                continue;
            };
            let (message, at) =
                table_message(&mine.tables, &theirs.tables, locale(reference), &name(m));
            let offset = at.and_then(|t| mine.table_offsets.get(t).copied());
            let at = offset.or(row[m].map(|s| s.offset)).map(|o| line(m, o));
            signals[m].push(Signal::drift(SignalKind::Structure, message, at));
        }
        for (what, get) in [
            ("list item", (|s: &Shape| s.items) as fn(&Shape) -> usize),
            ("code block", |s: &Shape| s.code),
            ("link", |s: &Shape| s.links),
            ("heading", |s: &Shape| s.headings),
        ] {
            for (m, reference) in judge(&present_values(&|s| vec![get(s)])) {
                let (Some(mine), Some(theirs)) = (&shapes[m], &shapes[reference]) else {
                    continue;
                };
                let mut message = format!(
                    "{} has {}; {} has {}",
                    name(m),
                    count(get(mine), what),
                    locale(reference),
                    get(theirs)
                );
                if what == "link" {
                    message.push_str(&link_difference(site, group[m], group[reference]));
                }
                let at = row[m].map(|s| line(m, s.offset));
                signals[m].push(Signal::drift(SignalKind::Structure, message, at));
            }
        }
    }
    signals
}

/// Which links of page `theirs` page `mine` lacks and which it adds, by
/// target, which a translation keeps while it rewrites the link texts:
/// `: it lacks `get-started.md#keys`; it adds `old.md``, each in its
/// page's order; empty when the targets differ only in order.
fn link_difference(site: &Site, mine: usize, theirs: usize) -> String {
    let targets = |page: usize| -> Vec<&str> {
        let facts = &site.pages[page].doc.facts;
        facts.links.iter().map(|l| facts.target(l).trim()).collect()
    };
    let (mine, theirs) = (targets(mine), targets(theirs));
    // Each target as often as one side has it more than the other.
    let only = |a: &[&str], b: &[&str]| -> Vec<String> {
        let mut b = b.to_vec();
        let mut out = Vec::new();
        for target in a {
            match b.iter().position(|t| t == target) {
                Some(i) => {
                    b.swap_remove(i);
                }
                None => out.push(format!("`{target}`")),
            }
        }
        out
    };
    let (lacks, adds) = (only(&theirs, &mine), only(&mine, &theirs));
    let mut out = String::new();
    if !lacks.is_empty() {
        out.push_str(&format!(": it lacks {}", capped_list(&lacks)));
    }
    if !adds.is_empty() {
        out.push_str(if out.is_empty() {
            ": it adds "
        } else {
            "; it adds "
        });
        out.push_str(&capped_list(&adds));
    }
    out
}

/// The message for two tables lists that differ, and which table to point at.
fn table_message(
    mine: &[usize],
    theirs: &[usize],
    other: &str,
    section: &str,
) -> (String, Option<usize>) {
    if mine.len() != theirs.len() {
        return (
            format!(
                "{section} has {}; {other} has {}",
                count(mine.len(), "table"),
                theirs.len()
            ),
            None,
        );
    }
    let t = mine
        .iter()
        .zip(theirs)
        .position(|(a, b)| a != b)
        .unwrap_or(0);
    let nth = if mine.len() == 1 {
        "the table".to_owned()
    } else {
        format!("table {}", t + 1)
    };
    (
        format!(
            "{nth} in {section} has {}; {other} has {}",
            count(mine[t], "row"),
            theirs[t]
        ),
        Some(t),
    )
}

/// `1 row`, `2 rows`.
fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{n} {thing}s")
    }
}

fn have(n: usize) -> &'static str {
    if n == 1 { "has" } else { "have" }
}

fn others<'a, V: PartialEq>(
    values: &[(usize, V)],
    m: usize,
    locale: impl Fn(usize) -> &'a str,
) -> Vec<&'a str> {
    let mine = values.iter().find(|(o, _)| *o == m).map(|(_, v)| v);
    values
        .iter()
        .filter(|(o, v)| *o != m && Some(v) != mine)
        .map(|(o, _)| locale(*o))
        .collect()
}

/// [`judge`], but among peers only within each source version (`version`:
/// per member, the first member of its version); with a source, as is.
fn judge_by_version<V: PartialEq + Clone>(
    values: &[(usize, V)],
    pivot: usize,
    source: bool,
    version: &[usize],
) -> Vec<(usize, usize)> {
    if source {
        return judge(values, pivot, true);
    }
    let mut wrong = Vec::new();
    for first in (0..version.len()).filter(|&m| version[m] == m) {
        let peers: Vec<(usize, V)> = values
            .iter()
            .filter(|(m, _)| version[*m] == first)
            .cloned()
            .collect();
        if !peers.is_empty() {
            wrong.extend(judge(&peers, pivot, false));
        }
    }
    wrong
}

/// Which members are wrong about a value, each with a member to compare
/// it with. With a source (`pivot` is its page), whoever differs from it;
/// else whoever differs from a strict majority; else, all that differ.
fn judge<V: PartialEq>(values: &[(usize, V)], pivot: usize, source: bool) -> Vec<(usize, usize)> {
    if values.iter().all(|(_, v)| *v == values[0].1) {
        return Vec::new();
    }
    let reference = if source {
        values.iter().find(|(m, _)| *m == pivot)
    } else {
        values
            .iter()
            .find(|(_, v)| values.iter().filter(|(_, w)| w == v).count() * 2 > values.len())
    };
    match reference {
        Some((r, value)) => values
            .iter()
            .filter(|(_, v)| v != value)
            .map(|(m, _)| (*m, *r))
            .collect(),
        None => values
            .iter()
            .map(|(m, v)| {
                let other = values.iter().find(|(_, w)| w != v).map_or(*m, |(o, _)| *o);
                (*m, other)
            })
            .collect(),
    }
}

/// The sections of a page that hold something, in order; each runs to
/// the next one, the last to the end of the file.
/// The sections of page `page`; a landing page ([`crate::landing`]),
/// which has none, is one: shown whole beside its translations.
fn page_sections(site: &Site, page: usize) -> Vec<Section> {
    let source = &site.pages[page].source;
    let found = sections(&site.pages[page].doc.facts, &source.text);
    if found.is_empty() && source.landing {
        return vec![Section {
            index: 0,
            offset: 0,
            end: source.text.len(),
        }];
    }
    found
}

fn sections(facts: &Facts, text: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for unit in &facts.units {
        if out.last().is_none_or(|s| s.index != unit.section as usize) {
            if let Some(last) = out.last_mut() {
                last.end = unit.offset;
            }
            out.push(Section {
                index: unit.section as usize,
                offset: unit.offset,
                end: text.len(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judging_by_source_majority_or_both() {
        // Source: the pivot (member 0) decides.
        assert_eq!(
            judge(&[(0, 1), (1, 2), (2, 2)], 0, true),
            vec![(1, 0), (2, 0)]
        );
        // Peers: the majority decides.
        assert_eq!(judge(&[(0, 1), (1, 2), (2, 2)], 0, false), vec![(0, 1)]);
        // Two peers that disagree: both.
        assert_eq!(judge(&[(0, 1), (1, 2)], 0, false), vec![(0, 1), (1, 0)]);
        assert!(judge(&[(0, 1), (1, 1)], 0, false).is_empty());
    }

    #[test]
    fn shapes_count_body_rows_items_and_code() {
        let md = "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n- x\n- y\n\n```\nz\n```\n";
        let doc = crate::markdown::parse(md, 0);
        let shape = Shape::of(&doc.facts, 1);
        assert_eq!((shape.tables, shape.items, shape.code), (vec![2], 2, 1));
    }
}
