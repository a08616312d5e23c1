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
//! `#endregion` (VB's `#Region "x"` ... `#End Region`), or a tag `<x>`
//! ... `</x>` in a comment line (`// <x>`, `' <x>`, `# <x>`,
//! `<!-- <x> -->`), spaces and letter case aside; `id="1"` also finds
//! `<snippet1>`, as Microsoft's samples name their regions. Marker lines
//! never show, the nested regions' included: a sample's `<Snippet1>`
//! often holds `<Snippet2>`.

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

/// The lines of the region `name`, without the lines that mark regions.
fn region_lines<'a>(lines: &[&'a str], name: &str) -> Option<Vec<&'a str>> {
    let wanted = squeeze(name).to_lowercase();
    let prefixed = format!("snippet{wanted}");
    let (start, opened) = lines.iter().enumerate().find_map(|(i, line)| {
        let m = marker(line)?;
        let (Marker::Tag(n) | Marker::Region(n)) = &m else {
            return None;
        };
        let n = n.to_lowercase();
        (n == wanted || n == prefixed).then_some((i, m))
    })?;
    let mut depth = 0usize;
    let mut out = Vec::new();
    for line in &lines[start + 1..] {
        match (marker(line), &opened) {
            (Some(Marker::EndTag(n)), Marker::Tag(open))
                if n.to_lowercase() == open.to_lowercase() =>
            {
                return Some(out);
            }
            (Some(Marker::Region(_)), Marker::Region(_)) => depth += 1,
            (Some(Marker::EndRegion), Marker::Region(_)) if depth == 0 => return Some(out),
            (Some(Marker::EndRegion), Marker::Region(_)) => depth -= 1,
            (Some(_), _) => {}
            (None, _) => out.push(*line),
        }
    }
    None
}

/// The regions `code` marks, by name as written (spaces aside), each once,
/// in order: what a message about a missing one offers instead.
pub fn regions(code: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in code.lines() {
        if let Some(Marker::Tag(name) | Marker::Region(name)) = marker(line)
            && !name.is_empty()
            && !names
                .iter()
                .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            names.push(name);
        }
    }
    names
}

/// A line that marks where a region starts or ends, as DocFX's code
/// snippet extractors read them: spaces and letter case do not count.
/// Names keep their letter case, for messages.
#[derive(Debug, PartialEq)]
enum Marker {
    /// `// <name>` in a comment of the language (`'`, `#`, `--`, `rem`,
    /// `%`, `;`, `<!-- -->`, `/* */`).
    Tag(String),
    EndTag(String),
    /// `#region name`, VB's `#Region "name"`, JavaScript's `//#region name`.
    Region(String),
    /// `#endregion`, VB's `#End Region`.
    EndRegion,
}

/// Comment openers and closers a tag may stand in, spaces taken out.
/// Exact, not any run of comment characters: `/// <summary>` and
/// `''' <summary>` are documentation comments, not region marks.
const COMMENTS: &[(&str, &str)] = &[
    ("//", ""),
    ("'", ""),
    ("#", ""),
    ("--", ""),
    ("rem", ""),
    ("%", ""),
    (";", ""),
    ("<!--", "-->"),
    ("/*", "*/"),
];

fn marker(line: &str) -> Option<Marker> {
    let line = line.trim();
    // Most lines of code start with neither a comment nor `#`.
    if !line.starts_with(['/', '\'', '#', '-', '%', ';', '<', 'r', 'R']) {
        return None;
    }
    let squeezed = squeeze(line);
    if let Some(m) = region_marker(&squeezed) {
        return Some(m);
    }
    COMMENTS.iter().find_map(|(open, close)| {
        let body = strip_suffix_ci(strip_prefix_ci(&squeezed, open)?, close)?;
        region_marker(body).or_else(|| {
            let tag = body.strip_prefix('<')?.strip_suffix('>')?;
            let (end, name) = tag.strip_prefix('/').map_or((false, tag), |n| (true, n));
            if name.is_empty() || name.contains(['<', '>', '/']) {
                return None;
            }
            Some(if end {
                Marker::EndTag(name.to_owned())
            } else {
                Marker::Tag(name.to_owned())
            })
        })
    })
}

fn region_marker(squeezed: &str) -> Option<Marker> {
    if strip_prefix_ci(squeezed, "#endregion").is_some() {
        return Some(Marker::EndRegion);
    }
    let name = strip_prefix_ci(squeezed, "#region")?.trim_matches('"');
    Some(Marker::Region(name.to_owned()))
}

/// `text` without `prefix`, an ASCII word matched in any letter case.
fn strip_prefix_ci<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn strip_suffix_ci<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..at])
}

/// `text` without whitespace: how DocFX compares a line with a marker
/// (and, lower-cased, a name with a region's).
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
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

    fn region(code: &str, name: &str) -> Result<String, Missing> {
        select(
            code,
            &Selection {
                region: Some(name.into()),
                ..Selection::default()
            },
        )
    }

    #[test]
    fn regions_are_found_as_docfx_finds_them() {
        // Visual Basic's regions, and its comment tags.
        let vb = "Module M\n    #Region \"Greet\"\n    Sub Greet()\n    End Sub\n    #End Region\n    ' <Snippet1>\n    Sub Main()\n    End Sub\n    ' </Snippet1>\nEnd Module\n";
        assert_eq!(region(vb, "Greet").as_deref(), Ok("Sub Greet()\nEnd Sub\n"));
        // `1` finds `<Snippet1>`; letter case and spaces do not count.
        assert_eq!(region(vb, "1").as_deref(), Ok("Sub Main()\nEnd Sub\n"));
        assert_eq!(region(vb, "snippet1"), region(vb, "1"));
        assert_eq!(region(vb, "greet"), region(vb, "Greet"));
        let js = "//#region setup\nconst a = 1;\n// #endregion\n/* <b> */\nb();\n/*</b>*/\n";
        assert_eq!(region(js, "setup").as_deref(), Ok("const a = 1;\n"));
        assert_eq!(region(js, "b").as_deref(), Ok("b();\n"));
        let sql = "-- <q>\nSELECT 1;\n-- </q>\nREM <r>\ndir\nrem </r>\n";
        assert_eq!(region(sql, "q").as_deref(), Ok("SELECT 1;\n"));
        assert_eq!(region(sql, "r").as_deref(), Ok("dir\n"));
    }

    #[test]
    fn nested_markers_never_show_and_doc_comments_always_do() {
        let cs = "// <Snippet1>\n/// <summary>Adds.</summary>\n/// <summary>\n// <Snippet2>\nint Add() => 1;\n// </Snippet2>\n#region Inner\nint x;\n#endregion\n// </Snippet1>\n";
        assert_eq!(
            region(cs, "Snippet1").as_deref(),
            Ok("/// <summary>Adds.</summary>\n/// <summary>\nint Add() => 1;\nint x;\n")
        );
        assert_eq!(region(cs, "Snippet2").as_deref(), Ok("int Add() => 1;\n"));
        assert_eq!(region(cs, "Inner").as_deref(), Ok("int x;\n"));
        // `/// <summary>` is no marker, so no region of that name.
        assert_eq!(
            region(cs, "summary"),
            Err(Missing::Region("summary".into()))
        );
        let xml = "<root>\n  <!-- <x> -->\n  <a/>\n  <!-- <y> --><b/><!-- </y> -->\n  <!-- </x> -->\n</root>\n";
        assert_eq!(
            region(xml, "x").as_deref(),
            Ok("<a/>\n<!-- <y> --><b/><!-- </y> -->\n")
        );
        // An element is no comment: `<root>` marks nothing.
        assert_eq!(region(xml, "root"), Err(Missing::Region("root".into())));
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
