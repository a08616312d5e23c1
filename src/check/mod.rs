//! Check stage: rules are pure functions of the resolved [`Site`] that
//! return findings. They never render and never read files again.
//!
//! Each rule lives in its own module and reads a shared [`Context`], where
//! the expensive facts (where every link leads) are worked out once; line
//! tables come with each page from the loader, made while its text was
//! fresh in the cache. [`run`] runs them all, then folds the findings that
//! describe one problem into one finding (`merge.rs`), and applies the
//! severities of `[rules]` in `polydoc.toml`.

mod alert_keywords;
mod anchors;
mod appended_source;
mod bare_switches;
mod block_links;
mod blocks;
mod bold_names;
mod bold_symbols;
mod bold_terms;
mod cells;
mod command_links;
mod constant_names;
mod constant_values;
mod content_locale;
mod context;
mod counterparts;
mod dependencies;
mod dotless_i;
mod escaped_entities;
mod faq_tokens;
mod front_matter_values;
mod glued_terms;
mod hard_coded_locale;
mod heading_names;
mod hex_decimal;
mod hidden_html;
mod includes;
mod json_properties;
mod keyed;
mod line_scan;
mod link_names;
mod link_syntax;
mod link_text;
mod links;
mod lost_switches;
mod lowercased_names;
mod mangled_links;
mod merge;
mod mt_placeholders;
mod pivots;
mod placeholder_mentions;
mod redirected_links;
mod redirects;
pub mod resolve;
mod result_sets;
mod rules;
mod site_paths;
mod spaced_keys;
mod split_file_names;
mod split_identifiers;
mod split_members;
mod split_numbers;
mod split_paths;
mod stray_bold;
mod stray_italics;
mod suppress;
mod switch_mentions;
mod switches;
mod syntax_keywords;
mod table_keys;
mod toc;
mod tokens;
mod transliterated_names;
mod truncated_file_names;
mod value_words;
mod xrefs;

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::Fatal;
use crate::config::Level;
use crate::diagnostic::{Finding, Severity};
use crate::markdown::facts::Link;
use crate::site::Site;

pub use context::Context;
pub use rules::{RULES, RuleInfo};

type Check = fn(&Context) -> Vec<Finding>;

/// Whether `locale`'s language, its primary subtag (`zh` of `zh-TW`), is
/// one of `languages`, in any case.
pub(super) fn language_in(locale: &str, languages: &[&str]) -> bool {
    let language = locale.split(['-', '_']).next().unwrap_or_default();
    languages.iter().any(|l| l.eq_ignore_ascii_case(language))
}

/// Every check, each a module, by its module's name (for
/// `POLYDOC_TIMINGS=rules`).
const CHECKS: &[(&str, Check)] = &[
    ("links", links::check),
    ("anchors", anchors::check),
    ("hidden_html", hidden_html::check),
    ("mt_placeholders", mt_placeholders::check),
    ("escaped_entities", escaped_entities::check),
    ("split_identifiers", split_identifiers::check),
    ("split_file_names", split_file_names::check),
    ("split_members", split_members::check),
    ("split_paths", split_paths::check),
    ("truncated_file_names", truncated_file_names::check),
    ("lowercased_names", lowercased_names::check),
    ("glued_terms", glued_terms::check),
    ("appended_source", appended_source::check),
    ("mangled_links", mangled_links::check),
    ("alert_keywords", alert_keywords::check),
    ("link_syntax", link_syntax::check),
    ("stray_bold", stray_bold::check),
    ("stray_italics", stray_italics::check),
    ("dotless_i", dotless_i::check),
    ("link_text", link_text::check),
    ("table_keys", table_keys::check),
    ("hex_decimal", hex_decimal::check),
    ("constant_values", constant_values::check),
    ("constant_names", constant_names::check),
    ("json_properties", json_properties::check),
    ("bare_switches", bare_switches::check),
    ("syntax_keywords", syntax_keywords::check),
    ("tokens", tokens::check),
    ("faq_tokens", faq_tokens::check),
    ("content_locale", content_locale::check),
    ("front_matter_values", front_matter_values::check),
    ("includes", includes::check),
    ("blocks", blocks::check),
    ("xrefs", xrefs::check),
    ("toc", toc::check),
    ("pivots", pivots::check),
    ("redirects", redirects::check),
    ("site_paths", site_paths::check),
    ("dependencies", dependencies::check),
];

/// Rule settings from `polydoc.toml`, checked against [`RULES`].
pub struct Settings {
    levels: BTreeMap<String, Level>,
}

impl Settings {
    pub fn new(levels: &BTreeMap<String, Level>) -> Result<Settings, Fatal> {
        for id in levels.keys() {
            if !RULES.iter().any(|r| r.id == id) {
                let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
                let hint = closest(id, known.iter().copied())
                    .map(|near| format!("did you mean `{near}`? "))
                    .unwrap_or_default();
                return Err(Fatal::new(format!(
                    "polydoc.toml: [rules] names `{id}`, which is no rule; {hint}the rules are: {}",
                    known.join(", ")
                )));
            }
        }
        Ok(Settings {
            levels: levels.clone(),
        })
    }

    /// The ids of the rules that run (all but those turned off), in
    /// [`RULES`]' order.
    pub fn enabled(&self) -> Vec<&'static str> {
        RULES
            .iter()
            .map(|r| r.id)
            .filter(|id| !matches!(self.levels.get(*id), Some(Level::Off)))
            .collect()
    }

    /// `finding` with its configured severity, or `None` when its rule is off.
    pub fn apply(&self, mut finding: Finding) -> Option<Finding> {
        // Every finding passes here: a rule missing from the list could
        // be neither configured nor silenced, so the tests stop on one.
        debug_assert!(
            RULES.iter().any(|r| r.id == finding.rule),
            "rule `{}` is missing from check::RULES",
            finding.rule
        );
        debug_assert!(
            finding.fix.is_empty() || RULES.iter().any(|r| r.id == finding.rule && r.fixable),
            "rule `{}` has a fix but is not marked `fix` in check::RULES",
            finding.rule
        );
        match self.levels.get(finding.rule) {
            None => Some(finding),
            Some(Level::Off) => None,
            Some(level) => {
                finding.severity = match level {
                    Level::Error => Severity::Error,
                    Level::Warning => Severity::Warning,
                    _ => Severity::Note,
                };
                Some(finding)
            }
        }
    }
}

/// Runs every check over `site`; findings come out merged and sorted.
pub fn run(site: &Site) -> Vec<Finding> {
    let timed = std::env::var_os("POLYDOC_TIMINGS").is_some_and(|v| v == "rules");
    let started = std::time::Instant::now();
    let cx = Context::new(site);
    let findings: Vec<Finding> = if timed {
        eprintln!(
            "timing:   (links resolved) {:>8.3}s",
            started.elapsed().as_secs_f64()
        );
        CHECKS
            .iter()
            .flat_map(|check| timed_check(&cx, check))
            .collect()
    } else {
        CHECKS
            .par_iter()
            .flat_map(|(_, check)| check(&cx))
            .collect()
    };
    let findings = drop_unread(&cx, findings);
    // Before merging: a comment silences one rule's part of a problem
    // that several rules found together.
    let findings = suppress::apply(&cx, findings);
    let mut findings = merge::merge(findings);
    sort(&mut findings);
    findings
}

/// Leaves out the findings in files no reader sees: left out of their
/// `docfx.json`'s content and included nowhere ([`crate::site::Page::unread`]).
fn drop_unread(cx: &Context, mut findings: Vec<Finding>) -> Vec<Finding> {
    let unread: std::collections::HashSet<&std::path::Path> = cx
        .site
        .pages
        .iter()
        .filter(|page| page.unread)
        .map(|page| page.source.display.as_path())
        .collect();
    if !unread.is_empty() {
        findings.retain(|f| !unread.contains(f.location.file.as_path()));
    }
    findings
}

/// With `POLYDOC_TIMINGS=rules`, [`run`] runs the checks one after the
/// other (each still parallel over pages) and prints each one's wall time,
/// to tell which rule a slower `check` stage comes from.
fn timed_check(cx: &Context, (name, check): &(&str, Check)) -> Vec<Finding> {
    let started = std::time::Instant::now();
    let found = check(cx);
    eprintln!(
        "timing:   {name:<16} {:>8.3}s  {} findings",
        started.elapsed().as_secs_f64(),
        found.len()
    );
    found
}

/// By file, line and column, then rule: the order a reader walks a file.
/// In parallel: comparing paths component by component is slow, and a
/// large site has tens of thousands of findings.
pub fn sort(findings: &mut [Finding]) {
    findings.par_sort_by(|a, b| {
        (&a.location.file, a.location.line, a.location.column, a.rule).cmp(&(
            &b.location.file,
            b.location.line,
            b.location.column,
            b.rule,
        ))
    });
}

/// A prose link to a file of the site (`../x/y.md#a`), as the rules about
/// link texts read it: not an image, a code span, an address or a link
/// within the page.
pub(crate) struct FileLink<'p> {
    pub link: &'p Link,
    /// The destination as written, trimmed.
    pub target: &'p str,
    /// The destination without its fragment and query (`../x/y.md`).
    pub path: &'p str,
    /// The path's last segment (`y.md`).
    pub file: &'p str,
}

impl<'p> FileLink<'p> {
    /// The text as the source writes it, between `[` and `](`: markup and
    /// spacing included, which the plain link text has lost.
    pub fn written(&self, page: &'p crate::site::Page) -> Option<&'p str> {
        let written = page
            .source
            .text
            .get(self.link.text_offset..self.link.span.end)?;
        Some(&written[..written.rfind("](")?])
    }
}

/// The prose links of `page` to files ([`FileLink`]).
pub(crate) fn file_links(page: &crate::site::Page) -> impl Iterator<Item = FileLink<'_>> {
    let facts = &page.doc.facts;
    facts
        .links
        .iter()
        .filter(|l| !l.image && !l.text_is_code)
        .filter_map(|link| {
            let target = facts.target(link).trim();
            if target.contains(':') || target.starts_with('#') {
                return None;
            }
            let path = target.split(['#', '?']).next().unwrap_or(target);
            let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
            Some(FileLink {
                link,
                target,
                path,
                file,
            })
        })
}

/// Line numbers as a message lists them: `3, 7, 11`, or, past fifty,
/// the first forty and how many more (`3, 7, ..., 159 and 4960 more`): a
/// message that names five thousand lines says nothing more than one that
/// names forty. Fifty hold the seeds' thirty repeated anchors whole.
pub(crate) fn line_list(lines: &[usize]) -> String {
    const SHOWN: usize = 40;
    let count = if lines.len() > 50 { SHOWN } else { lines.len() };
    let shown: Vec<String> = lines[..count].iter().map(ToString::to_string).collect();
    match lines.len() - count {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Items a message quotes, `, `-separated: the first ten and how many
/// more, for lists that may run to thousands (the codes of an answer,
/// the links of a landing page).
pub(crate) fn capped_list(items: &[String]) -> String {
    const SHOWN: usize = 10;
    let shown = items[..items.len().min(SHOWN)].join(", ");
    match items.len().saturating_sub(SHOWN) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// Where the value of a table cell (as written, `|` excluded) is: the
/// cell trimmed, without the bold, italics or code span around it, or the
/// text of the one link it is (`**0x1F**`, `` `String` ``, `[x](x.md)`).
pub(crate) fn cell_value(cell: &str) -> Range<usize> {
    let mut within = 0..cell.len();
    loop {
        let text = &cell[within.clone()];
        let trimmed = text.trim();
        let start = within.start + (text.len() - text.trim_start().len());
        within = start..start + trimmed.len();
        let marker = ["**", "__", "`", "*", "_"].into_iter().find(|m| {
            trimmed.len() > 2 * m.len() && trimmed.starts_with(m) && trimmed.ends_with(m)
        });
        if let Some(marker) = marker {
            within = within.start + marker.len()..within.end - marker.len();
            continue;
        }
        match trimmed.find("](") {
            Some(close) if trimmed.starts_with('[') && trimmed.ends_with(')') => {
                within = within.start + 1..within.start + close;
            }
            _ => return within,
        }
    }
}

/// `a`, `a and b`, `a, b and c`, or past ten the first ten and how many
/// more (`a, b, ..., j and 7990 more`): a help that names what to write
/// stays readable when a page repeats the slip thousands of times.
pub(crate) fn capped_and_list(items: &[String]) -> String {
    if items.len() > 10 {
        capped_list(items)
    } else {
        and_list(items)
    }
}

/// `a`, `a and b`, `a, b and c`: a list as a message says it.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The id among `ids` closest to `wanted`, for a "did you mean" hint.
pub fn closest<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for id in ids {
        if id.to_lowercase() == wanted_lower {
            return Some(id);
        }
        let distance = strsim::levenshtein(&wanted_lower, &id.to_lowercase());
        if distance <= (wanted.chars().count() / 3).max(2) && best.is_none_or(|(d, _)| distance < d)
        {
            best = Some((distance, id));
        }
    }
    best.map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_lists_name_fifty_and_count_the_rest() {
        let list = |n: usize| line_list(&(1..=n).collect::<Vec<_>>());
        assert_eq!(list(1), "1");
        assert!(list(50).ends_with(", 48, 49, 50"));
        assert!(list(51).ends_with(", 39, 40 and 11 more"));
        assert!(list(5000).starts_with("1, 2, 3, ") && list(5000).ends_with(", 40 and 4960 more"));
        let items: Vec<String> = (1..=12).map(|n| format!("`{n}`")).collect();
        assert_eq!(capped_list(&items[..2]), "`1`, `2`");
        assert!(capped_list(&items).ends_with(", `9`, `10` and 2 more"));
        assert_eq!(capped_and_list(&items[..3]), "`1`, `2` and `3`");
        assert_eq!(capped_and_list(&items), capped_list(&items));
    }
}
