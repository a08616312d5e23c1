//! Code read from a file: `:::code source="a.cs" range="2-5" id="x":::`
//! and `[!code-cs[](a.cs#L2-L5)]`, `(a.cs?name=x&highlight=2)`,
//! `(a.cs#x)`, `(a.cs?range=2-5,9)`, `(a.cs?name=x&dedent=4)`.
//!
//! The lines shown lose the indentation they all share, as DocFX's do;
//! `dedent=N` takes off N columns of leading whitespace instead, where a
//! line has them (DocFX's option, for a snippet whose first lines are
//! less indented than the code it means to show).
//!
//! A region is marked in the file as DocFX reads it: `#region x` ...
//! `#endregion`, or a tag `<x>` ... `</x>` in a comment line
//! (`// <x>`, `# <x>`, `<!-- <x> -->`). Marker lines never show.

use std::ops::RangeInclusive;

use super::directives::{Directive, Kind};

/// What part of a file to show, and which lines to highlight.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// 1-based line ranges; empty for the whole file.
    pub lines: Vec<RangeInclusive<usize>>,
    /// A named region.
    pub region: Option<String>,
    /// As written: `2,5-7`, relative to the shown snippet.
    pub highlight: Option<String>,
    /// `dedent=N`: leading whitespace to take off each line, instead of
    /// what all lines share.
    pub dedent: Option<usize>,
}

/// Why a selection cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Region(String),
    Lines { wanted: usize, has: usize },
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::Region(r) => write!(f, "the file has no region `{r}`"),
            Missing::Lines { wanted, has } => {
                write!(
                    f,
                    "line {wanted} is asked for, but the file has {has} lines"
                )
            }
        }
    }
}

/// A code reference of a page: `[!code-lang[](target)]` or
/// `:::code language source range id highlight:::`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference<'d> {
    /// The file, as written (relative, or `~/`).
    pub path: &'d str,
    /// The language named, possibly empty.
    pub lang: &'d str,
    pub selection: Selection,
}

/// The code reference a directive makes, if it makes one.
pub fn reference(d: &Directive) -> Option<Reference<'_>> {
    match &d.kind {
        Kind::CodeRef { lang, target } => {
            let (path, selection) = parse_target(target);
            Some(Reference {
                path,
                lang,
                selection,
            })
        }
        Kind::Block { name, .. } if name == "code" => {
            let (path, mut selection) = parse_target(d.attr("source")?);
            if let Some(range) = d.attr("range") {
                selection.lines = ranges(range);
            }
            if let Some(id) = d.attr("id") {
                selection.region = Some(id.to_owned());
            }
            if let Some(h) = d.attr("highlight") {
                selection.highlight = Some(h.to_owned());
            }
            Some(Reference {
                path,
                lang: d.attr("language").unwrap_or(""),
                selection,
            })
        }
        _ => None,
    }
}

/// Splits a `[!code]` target into its path and selection.
pub fn parse_target(target: &str) -> (&str, Selection) {
    let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let mut selection = Selection::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key.to_ascii_lowercase().as_str() {
            "name" => selection.region = Some(value.to_owned()),
            "range" => selection.lines = ranges(value),
            "highlight" => selection.highlight = Some(value.to_owned()),
            "dedent" => selection.dedent = value.trim().parse().ok(),
            _ => {}
        }
    }
    if !fragment.is_empty() {
        let lines = fragment
            .strip_prefix('L')
            .map(|f| ranges(&f.replace('L', "")))
            .unwrap_or_default();
        if lines.is_empty() {
            selection.region = Some(fragment.to_owned());
        } else {
            selection.lines = lines;
        }
    }
    (path, selection)
}

/// `2-5,9` as line ranges; bad pieces are left out.
pub fn ranges(spec: &str) -> Vec<RangeInclusive<usize>> {
    spec.split(',')
        .filter_map(|part| {
            let part = part.trim();
            let (a, b) = part.split_once('-').unwrap_or((part, part));
            let a: usize = a.trim().parse().ok()?;
            let b: usize = if b.trim().is_empty() {
                usize::MAX
            } else {
                b.trim().parse().ok()?
            };
            (a >= 1 && a <= b).then_some(a..=b)
        })
        .collect()
}

/// The lines of `code` that `selection` names, dedented.
pub fn select(code: &str, selection: &Selection) -> Result<String, Missing> {
    let all: Vec<&str> = code.lines().collect();
    let chosen: Vec<&str> = if let Some(region) = &selection.region {
        region_lines(&all, region).ok_or_else(|| Missing::Region(region.clone()))?
    } else if selection.lines.is_empty() {
        all.clone()
    } else {
        let mut out = Vec::new();
        for range in &selection.lines {
            let start = *range.start();
            if start > all.len() {
                return Err(Missing::Lines {
                    wanted: start,
                    has: all.len(),
                });
            }
            let end = (*range.end()).min(all.len());
            out.extend_from_slice(&all[start - 1..end]);
        }
        out
    };
    let indent = selection.dedent.unwrap_or_else(|| shared_indent(&chosen));
    Ok(dedent(&chosen, indent))
}

fn region_lines<'a>(lines: &[&'a str], name: &str) -> Option<Vec<&'a str>> {
    let start = lines.iter().position(|l| opens_region(l, name))?;
    let mut depth = 0usize;
    let mut out = Vec::new();
    for line in &lines[start + 1..] {
        if closes_region(line, name) {
            return Some(out);
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("#region") {
            depth += 1;
            continue;
        }
        if trimmed.starts_with("#endregion") {
            if depth == 0 {
                return Some(out);
            }
            depth -= 1;
            continue;
        }
        out.push(*line);
    }
    None
}

fn opens_region(line: &str, name: &str) -> bool {
    let t = line.trim();
    t.strip_prefix("#region")
        .is_some_and(|rest| rest.trim() == name)
        || is_comment_tag(t, &format!("<{name}>"))
}

fn closes_region(line: &str, name: &str) -> bool {
    is_comment_tag(line.trim(), &format!("</{name}>"))
}

/// A comment line holding only `tag`: `// <x>`, `# <x>`, `' <x>`, `<!-- <x> -->`, `/* <x> */`.
fn is_comment_tag(line: &str, tag: &str) -> bool {
    let inner = line
        .trim_start_matches(['/', '#', '\'', '-', '*', ';'])
        .trim_start_matches("<!--")
        .trim_start_matches("REM")
        .trim_end_matches("-->")
        .trim_end_matches("*/")
        .trim();
    inner == tag && inner.len() < line.len()
}

/// The leading whitespace every non-blank line of `lines` has, in characters.
fn shared_indent(lines: &[&str]) -> usize {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.chars().take_while(|c| c.is_whitespace()).count())
        .min()
        .unwrap_or(0)
}

/// `lines`, each without up to `indent` characters of leading whitespace.
fn dedent(lines: &[&str], indent: usize) -> String {
    let mut out = String::new();
    for line in lines {
        let blank = line
            .char_indices()
            .take(indent)
            .take_while(|(_, c)| c.is_whitespace())
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        out.push_str(&line[blank..]);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "using System;\nclass A {\n    // <Main>\n    static void Main() {\n        Run();\n    }\n    // </Main>\n    #region Helpers\n    void Run() {}\n    #endregion\n}\n";

    #[test]
    fn targets_name_lines_regions_and_highlights() {
        let (path, s) = parse_target("a.cs#L2-L4");
        assert_eq!(path, "a.cs");
        assert_eq!(s.lines, vec![2..=4]);
        let (_, s) = parse_target("a.cs?name=Main&highlight=2");
        assert_eq!(s.region.as_deref(), Some("Main"));
        assert_eq!(s.highlight.as_deref(), Some("2"));
        let (_, s) = parse_target("a.cs#Helpers");
        assert_eq!(s.region.as_deref(), Some("Helpers"));
        let (_, s) = parse_target("a.cs?range=1,3-");
        assert_eq!(s.lines, vec![1..=1, 3..=usize::MAX]);
    }

    #[test]
    fn selects_regions_of_both_kinds_without_markers() {
        let main = select(
            CODE,
            &Selection {
                region: Some("Main".into()),
                ..Selection::default()
            },
        );
        assert_eq!(main.as_deref(), Ok("static void Main() {\n    Run();\n}\n"));
        let helpers = select(
            CODE,
            &Selection {
                region: Some("Helpers".into()),
                ..Selection::default()
            },
        );
        assert_eq!(helpers.as_deref(), Ok("void Run() {}\n"));
    }

    #[test]
    fn dedent_takes_off_that_much_leading_whitespace_instead() {
        let (_, s) = parse_target("a.cs?name=Main&dedent=4");
        assert_eq!(s.dedent, Some(4));
        // Main's lines share 4 columns; `dedent=4` keeps the rest, and a
        // line with less loses what it has.
        assert_eq!(
            select(CODE, &s).as_deref(),
            Ok("static void Main() {\n    Run();\n}\n")
        );
        let (_, s) = parse_target("a.cs?range=4-6&dedent=6");
        assert_eq!(
            select(CODE, &s).as_deref(),
            Ok("static void Main() {\n  Run();\n}\n")
        );
        let (_, s) = parse_target("a.cs?range=4-6&dedent=0");
        assert_eq!(
            select(CODE, &s).as_deref(),
            Ok("    static void Main() {\n        Run();\n    }\n")
        );
        // Not a number: the shared indentation, as without it.
        let (_, s) = parse_target("a.cs?range=4-6&dedent=x");
        assert_eq!(s.dedent, None);
        assert_eq!(
            select(CODE, &s).as_deref(),
            Ok("static void Main() {\n    Run();\n}\n")
        );
    }

    #[test]
    fn missing_regions_and_lines_are_errors() {
        let (_, s) = parse_target("a.cs#Nope");
        assert_eq!(select(CODE, &s), Err(Missing::Region("Nope".into())));
        let (_, s) = parse_target("a.cs#L40-L41");
        assert_eq!(
            select(CODE, &s),
            Err(Missing::Lines {
                wanted: 40,
                has: 11
            })
        );
    }
}
