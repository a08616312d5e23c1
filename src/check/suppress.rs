//! Silencing a finding where it is, with an HTML comment in the page, as
//! markdownlint's and eslint's comments do:
//!
//! ```markdown
//! <!-- polydoc-disable-next-line broken-link -->
//! [Draft](draft-not-published-yet.md)
//!
//! | 0x8007232A | ... | <!-- polydoc-disable-line duplicate-table-key -->
//!
//! <!-- polydoc-disable hidden-html -->
//! ...
//! <!-- polydoc-enable hidden-html -->
//! ```
//!
//! Rule ids are separated by spaces or commas; none means every rule.
//! `polydoc-disable` without a matching `polydoc-enable` lasts to the end
//! of the file. A comment silences findings whose own location is on its
//! lines, and `translation-token-mismatch` findings of other locales that
//! name one of its lines as related (two locales, no evidence of which is
//! wrong: both are reported, and the comment marks the difference as
//! meant); a finding that several rules found together (merged into one)
//! loses only the silenced rule's part.
//!
//! Comments are read from the parse (`Facts::comments`), so a comment
//! shown inside a code block silences nothing. A comment that names no
//! rule, or ends nothing, is an `invalid-suppression`; one that silenced
//! nothing is an `unused-suppression` note, so that comments do not
//! outlive the problem they were written for.

use std::ops::RangeInclusive;

use rustc_hash::FxHashMap;

use crate::diagnostic::Finding;

use super::{Context, RULES, closest};

/// The rule whose findings a comment in another locale's file silences.
const CROSS_LOCALE: &str = "translation-token-mismatch";

/// What a comment says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    NextLine,
    Line,
    Disable,
    Enable,
}

const SCOPES: &[(&str, Scope)] = &[
    ("polydoc-disable-next-line", Scope::NextLine),
    ("polydoc-disable-line", Scope::Line),
    ("polydoc-disable", Scope::Disable),
    ("polydoc-enable", Scope::Enable),
];

/// One silenced stretch of a page: `rule` (`None`: every rule) on `lines`.
#[derive(Debug)]
struct Silence {
    lines: RangeInclusive<usize>,
    rule: Option<&'static str>,
    /// The comment that made it, as an index of the page's comments.
    comment: usize,
}

/// A page's silences, sorted by their first line, for the one that
/// covers a finding's line: scanning them all for each finding made a page
/// of thousands of comments and findings take a third of a second.
struct Silences {
    /// Sorted by first line, each with its place in the page's list (the
    /// order they are tried in).
    by_start: Vec<(usize, Silence)>,
    /// The last line any of `by_start[..=i]` reaches.
    reach: Vec<usize>,
}

impl Silences {
    fn new(silences: Vec<Silence>) -> Silences {
        let mut silences: Vec<(usize, Silence)> = silences.into_iter().enumerate().collect();
        silences.sort_by_key(|(order, s)| (*s.lines.start(), *order));
        let mut reach = Vec::with_capacity(silences.len());
        let mut far = 0;
        for (_, s) in &silences {
            far = far.max(*s.lines.end());
            reach.push(far);
        }
        Silences {
            by_start: silences,
            reach,
        }
    }

    /// Of the silences covering `line` for `rule`, the first in the
    /// page's list. Only those starting at or before the line can; going
    /// back from the last of them, none before a point whose reach ends
    /// before the line can either.
    fn covering(&self, line: usize, rule: &str) -> Option<&Silence> {
        let started = self
            .by_start
            .partition_point(|(_, s)| *s.lines.start() <= line);
        (0..started)
            .rev()
            .take_while(|&i| self.reach[i] >= line)
            .map(|i| &self.by_start[i])
            .filter(|(_, s)| s.lines.contains(&line) && s.rule.is_none_or(|r| r == rule))
            .min_by_key(|(order, _)| *order)
            .map(|(_, s)| s)
    }
}

/// A page's silences, and the findings its comments' misuse gives.
fn silences(cx: &Context, p: usize) -> (Vec<Silence>, Vec<Finding>) {
    let facts = &cx.site.pages[p].doc.facts;
    let mut silences = Vec::new();
    let mut invalid = Vec::new();
    // Open `polydoc-disable`s: (rule, first line, comment).
    let mut open: Vec<(Option<&'static str>, usize, usize)> = Vec::new();
    for (c, comment) in facts.comments.iter().enumerate() {
        let at = || cx.location(p, comment.span.clone());
        let (word, rest) = comment
            .text
            .split_once(char::is_whitespace)
            .unwrap_or((&comment.text, ""));
        let Some(&(_, scope)) = SCOPES.iter().find(|(name, _)| *name == word) else {
            let names: Vec<&str> = SCOPES.iter().map(|(name, _)| *name).collect();
            let hint = closest(word, names.iter().copied())
                .map(|near| format!("did you mean `{near}`? "))
                .unwrap_or_default();
            invalid.push(
                Finding::warning(
                    "invalid-suppression",
                    at(),
                    format!("`{word}` is no polydoc comment: it silences nothing"),
                )
                .with_help(format!("{hint}polydoc reads {}", names.join(", "))),
            );
            continue;
        };
        let mut rules: Vec<Option<&'static str>> = Vec::new();
        for id in rest.split([' ', '\t', ',']).filter(|id| !id.is_empty()) {
            match RULES.iter().find(|r| r.id == id) {
                Some(rule) => rules.push(Some(rule.id)),
                None => {
                    let hint = closest(id, RULES.iter().map(|r| r.id)).map_or(
                        "name rules by their ids, as `polydoc check` prints them".to_owned(),
                        |near| format!("did you mean `{near}`?"),
                    );
                    invalid.push(
                        Finding::warning(
                            "invalid-suppression",
                            at(),
                            format!("`{word}` names `{id}`, which is no rule"),
                        )
                        .with_help(hint),
                    );
                }
            }
        }
        if rules.is_empty() {
            if !rest.trim().is_empty() {
                continue; // only unknown ids: silencing every rule would surprise
            }
            rules.push(None);
        }
        // The comment's last line: `next-line` means the line after it.
        let line = cx.line(p, comment.span.end.saturating_sub(1));
        for rule in rules {
            match scope {
                Scope::NextLine | Scope::Line => {
                    let line = if scope == Scope::NextLine {
                        line + 1
                    } else {
                        line
                    };
                    silences.push(Silence {
                        lines: line..=line,
                        rule,
                        comment: c,
                    });
                }
                Scope::Disable => open.push((rule, line, c)),
                Scope::Enable => {
                    let closed: Vec<_> = open
                        .extract_if(.., |(r, _, _)| rule.is_none() || *r == rule)
                        .collect();
                    if closed.is_empty() {
                        let what = rule.map_or(String::new(), |r| format!(" {r}"));
                        invalid.push(
                            Finding::warning(
                                "invalid-suppression",
                                at(),
                                format!("`polydoc-enable{what}` ends no `polydoc-disable{what}` above it"),
                            )
                            .with_help("remove it, or name the rules a `polydoc-disable` above it names"),
                        );
                    }
                    silences.extend(closed.into_iter().map(|(rule, first, comment)| Silence {
                        lines: first..=line,
                        rule,
                        comment,
                    }));
                }
            }
        }
    }
    for (rule, first, comment) in open {
        silences.push(Silence {
            lines: first..=usize::MAX,
            rule,
            comment,
        });
    }
    (silences, invalid)
}

/// `findings` without those that comments silence, with the comments'
/// own findings (misused, unused) added.
pub fn apply(cx: &Context, findings: Vec<Finding>) -> Vec<Finding> {
    let with_comments: Vec<usize> = (0..cx.site.pages.len())
        .filter(|&p| !cx.site.pages[p].doc.facts.comments.is_empty())
        .collect();
    if with_comments.is_empty() {
        return findings;
    }
    let mut pages: FxHashMap<&std::path::Path, (usize, Silences, Vec<bool>)> = FxHashMap::default();
    let mut out = Vec::with_capacity(findings.len());
    for &p in &with_comments {
        let (silences, invalid) = silences(cx, p);
        out.extend(invalid);
        let used = vec![false; cx.site.pages[p].doc.facts.comments.len()];
        pages.insert(
            &cx.site.pages[p].source.display,
            (p, Silences::new(silences), used),
        );
    }
    for finding in findings {
        // A translation's block that differs on purpose is silenced in
        // its own file; with two locales and no evidence of which is
        // wrong, the other locale's finding about the same difference
        // names it among its related locations, and goes too.
        let across = finding.rule == CROSS_LOCALE;
        let locations = std::iter::once(&finding.location).chain(
            finding
                .related
                .iter()
                .filter(|_| across)
                .map(|related| &related.location),
        );
        let mut silenced = false;
        for location in locations {
            let Some((_, silences, used)) = pages.get_mut(location.file.as_path()) else {
                continue;
            };
            if let Some(s) = silences.covering(location.line, finding.rule) {
                used[s.comment] = true;
                silenced = true;
                break;
            }
        }
        if !silenced {
            out.push(finding);
        }
    }
    for (p, silences, used) in pages.into_values() {
        let facts = &cx.site.pages[p].doc.facts;
        let mut made = vec![false; facts.comments.len()];
        for (_, s) in &silences.by_start {
            if let Some(made) = made.get_mut(s.comment) {
                *made = true;
            }
        }
        for (c, comment) in facts.comments.iter().enumerate() {
            if made[c] && !used[c] {
                out.push(
                    Finding::note(
                        "unused-suppression",
                        cx.location(p, comment.span.clone()),
                        format!("`{}` silences no finding", comment.text),
                    )
                    .with_help("the problem it was written for is gone: remove the comment"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_silenced_by_the_first_listed_silence_covering_it() {
        let silence = |lines: RangeInclusive<usize>, rule, comment| Silence {
            lines,
            rule,
            comment,
        };
        // A long disable, a next-line inside it for another rule, a
        // disable-line, and one listed later that covers the same lines.
        let silences = Silences::new(vec![
            silence(10..=12, None, 3),
            silence(2..=40, Some("broken-link"), 0),
            silence(11..=11, Some("hidden-html"), 1),
            silence(5..=5, None, 2),
        ]);
        let covering = |line, rule| silences.covering(line, rule).map(|s| s.comment);
        assert_eq!(covering(11, "hidden-html"), Some(3));
        assert_eq!(covering(11, "broken-link"), Some(3));
        assert_eq!(covering(20, "broken-link"), Some(0));
        assert_eq!(covering(20, "hidden-html"), None);
        assert_eq!(covering(5, "hidden-html"), Some(2));
        assert_eq!(covering(1, "broken-link"), None);
        assert_eq!(covering(41, "broken-link"), None);
    }
}
