//! Code groups: the same example in each language a page is written for,
//! shown as one block with a tab per language.
//!
//! Microsoft's .NET docs list a page's languages in `dev_langs`
//! (`csharp`, `vb`) and write each example once per language, the
//! blocks one after another (`[!code-csharp[...]]` then `[!code-vb[...]]`,
//! or two fences). Microsoft Learn shows such a run as one block with a
//! language picker; read one after the other, every example comes twice.
//! polydoc groups a run of two or more adjacent code blocks whose
//! languages the page's `dev_langs` lists, each language once, into a
//! DocFX tab group ([`super::tabs`]'s markup and script): the reader's
//! choice switches every group of the page and is kept for the next
//! page, and without JavaScript each block shows under its language's
//! name. Blocks of other languages (the XAML beside C# and VB code)
//! stay as they are, as on Learn.
//!
//! Older pages (Windows app docs, in every locale) ask for the same with
//! `> [!div class="tabbedCodeSnippets"]`, the blocks inside the quote or
//! right after it (a fence cannot continue the quote's paragraph, so the
//! fences after the marker stand below the empty div that DocFX writes);
//! the class asks that they show as tabs. Such a run is grouped whatever
//! `dev_langs` says.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::tabs::{self, TabTitle};

/// A code block the body writer wrote: its event in the output, and its
/// language as [`language_id`] names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub event: usize,
    pub language: String,
}

/// One name for the spellings of a language in fences, `[!code-x]`,
/// `:::code language`, file extensions and `dev_langs`. Not the
/// highlighter's aliases, which name a grammar: XAML is highlighted as
/// XML, but a code group must tell the two apart.
pub fn language_id(lang: &str) -> String {
    let lower = lang.trim().to_ascii_lowercase();
    match lower.as_str() {
        "cs" | "c#" | "csharp-interactive" => "csharp",
        "vbnet" | "visualbasic" | "visual-basic" => "vb",
        "fs" | "f#" | "fsi" => "fsharp",
        "c++" | "cxx" | "cc" => "cpp",
        "js" => "javascript",
        "ts" => "typescript",
        "ps"
        | "ps1"
        | "pwsh"
        | "powershell-interactive"
        | "azurepowershell"
        | "azurepowershell-interactive" => "powershell",
        "azurecli-interactive" => "azurecli",
        "py" => "python",
        other => other,
    }
    .to_owned()
}

/// A language's name on its tab. Names of languages are not translated.
fn language_title(id: &str) -> &str {
    match id {
        "csharp" => "C#",
        "vb" => "Visual Basic",
        "fsharp" => "F#",
        "cpp" => "C++",
        "c" => "C",
        "javascript" => "JavaScript",
        "typescript" => "TypeScript",
        "powershell" => "PowerShell",
        "azurecli" => "Azure CLI",
        "python" => "Python",
        "java" => "Java",
        "go" => "Go",
        "rust" => "Rust",
        "xaml" => "XAML",
        "xml" => "XML",
        "json" => "JSON",
        "sql" => "SQL",
        "bash" => "Bash",
        "html" => "HTML",
        "css" => "CSS",
        other => other,
    }
}

/// The runs of `blocks` to group, as ranges of `blocks`: adjacent in
/// `out` (nothing but white space between), none of one language twice,
/// and each language listed in `languages` (the page's `dev_langs`, as
/// [`language_id`] names them, when they are two or more), or the run
/// inside or right after a `tabbedCodeSnippets` div (`tabbed`: the
/// events in `out` that open one, in order).
pub fn runs(
    blocks: &[Block],
    out: &[Event<'_>],
    languages: &[String],
    tabbed: &[usize],
) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < blocks.len() {
        let first = blocks[start].event;
        // The last such div before the block, with nothing but white
        // space and its own end between.
        let after_div = tabbed[..tabbed.partition_point(|&d| d < first)]
            .last()
            .is_some_and(|&d| {
                out[d + 1..first]
                    .iter()
                    .all(|e| is_blank(e) || matches!(e, Event::Html(h) if h.trim() == "</div>"))
            });
        // A block without a language has no name for its tab.
        let member = |b: &Block| {
            !b.language.is_empty()
                && (after_div || languages.len() >= 2 && languages.contains(&b.language))
        };
        let mut end = start + 1;
        if member(&blocks[start]) {
            while end < blocks.len()
                && member(&blocks[end])
                && !blocks[start..end]
                    .iter()
                    .any(|b| b.language == blocks[end].language)
                && out[blocks[end - 1].event + 1..blocks[end].event]
                    .iter()
                    .all(is_blank)
            {
                end += 1;
            }
        }
        if end - start >= 2 {
            runs.push(start..end);
        }
        start = end;
    }
    runs
}

fn is_blank(event: &Event<'_>) -> bool {
    match event {
        Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => t.trim().is_empty(),
        // The writer's code HTML comes wrapped in these: they write nothing.
        Event::SoftBreak
        | Event::HardBreak
        | Event::Start(Tag::HtmlBlock)
        | Event::End(TagEnd::HtmlBlock) => true,
        _ => false,
    }
}

/// `out` with each run of `blocks` wrapped as a tab group, the white
/// space between its blocks dropped.
pub fn wrap<'e>(out: Vec<Event<'e>>, blocks: &[Block], runs: &[Range<usize>]) -> Vec<Event<'e>> {
    if runs.is_empty() {
        return out;
    }
    // For each event of a grouped block: its run, and its place in it.
    let mut place = vec![None; out.len()];
    for (n, run) in runs.iter().enumerate() {
        for (k, block) in blocks[run.clone()].iter().enumerate() {
            place[block.event] = Some((n, k));
        }
    }
    let titles: Vec<Vec<TabTitle>> = runs
        .iter()
        .map(|run| {
            blocks[run.clone()]
                .iter()
                .map(|b| TabTitle {
                    id: b.language.clone(),
                    condition: None,
                    title: language_title(&b.language).to_owned(),
                })
                .collect()
        })
        .collect();
    let mut wrapped = Vec::with_capacity(out.len() + runs.len() * 8);
    let mut inside: Option<usize> = None;
    let html = |s: String| Event::Html(s.into());
    for (i, event) in out.into_iter().enumerate() {
        match place[i] {
            Some((n, k)) => {
                let key = format!("code{n}");
                if k == 0 {
                    wrapped.push(html(tabs::open_group(
                        &key,
                        "tabGroup codeGroup",
                        &titles[n],
                    )));
                }
                wrapped.push(html(tabs::open_panel(&key, &titles[n][k])));
                wrapped.push(event);
                wrapped.push(html(tabs::CLOSE_PANEL.to_owned()));
                if k + 1 == titles[n].len() {
                    wrapped.push(html(tabs::CLOSE_GROUP.to_owned()));
                    inside = None;
                } else {
                    inside = Some(n);
                }
            }
            // The white space between a run's blocks.
            None if inside.is_some() => {}
            None => wrapped.push(event),
        }
    }
    wrapped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(event: usize, language: &str) -> Block {
        Block {
            event,
            language: language.to_owned(),
        }
    }

    #[test]
    fn runs_are_adjacent_listed_and_of_distinct_languages() {
        let code = || Event::Html("<pre>".into());
        let out = vec![
            code(),                  // 0 csharp
            Event::Text(" ".into()), // 1
            code(),                  // 2 vb
            code(),                  // 3 csharp: starts a new run
            code(),                  // 4 xaml: not listed
            code(),                  // 5 csharp
            Event::Text("x".into()), // 6: text between
            code(),                  // 7 vb
            code(),                  // 8 vb: twice
        ];
        let blocks = [
            block(0, "csharp"),
            block(2, "vb"),
            block(3, "csharp"),
            block(4, "xaml"),
            block(5, "csharp"),
            block(7, "vb"),
            block(8, "vb"),
        ];
        let languages = ["csharp".to_owned(), "vb".to_owned()];
        assert_eq!(
            runs(&blocks, &out, &languages, &[]),
            vec![Range { start: 0, end: 2 }]
        );
        assert!(runs(&blocks, &out, &languages[..1], &[]).is_empty());
        let both = [block(7, "vb"), block(8, "csharp")];
        assert_eq!(
            runs(&both, &out, &languages, &[]),
            vec![Range { start: 0, end: 2 }]
        );
    }

    #[test]
    fn a_tabbed_code_snippets_div_groups_the_blocks_in_it_or_right_after_it() {
        let html = |s: &'static str| Event::Html(s.into());
        let out = vec![
            html("<div class=\"tabbedCodeSnippets\">\n"), // 0
            html("</div>\n"),                             // 1
            html("<pre>"),                                // 2 csharp
            html("<pre>"),                                // 3 cpp
            Event::Text("x".into()),                      // 4
            html("<pre>"),                                // 5 csharp
            html("<pre>"),                                // 6 cpp: no div before
        ];
        let blocks = [
            block(2, "csharp"),
            block(3, "cpp"),
            block(5, "csharp"),
            block(6, "cpp"),
        ];
        assert_eq!(
            runs(&blocks, &out, &[], &[0]),
            vec![Range { start: 0, end: 2 }]
        );
        assert!(runs(&blocks, &out, &[], &[]).is_empty());
        let unnamed = [block(2, ""), block(3, "cpp")];
        assert!(runs(&unnamed, &out, &[], &[0]).is_empty());
    }

    #[test]
    fn spellings_of_a_language_are_one() {
        for (spelling, id) in [
            ("CSharp", "csharp"),
            ("cs", "csharp"),
            ("VB", "vb"),
            ("vbnet", "vb"),
        ] {
            assert_eq!(language_id(spelling), id);
        }
    }
}
