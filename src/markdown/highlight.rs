//! Code fences, highlighted at build time into CSS classes.
//!
//! syntect's bundled grammars lack PowerShell, the most common language of
//! Windows documentation, so we use two-face's larger set (bat's). It is
//! loaded on the first fence that names a language we know, never for a
//! site without code, and syntect compiles each grammar's regexes only when
//! that grammar is first used, so a site pays for the languages it has.
//! Two languages common in Microsoft's docs are in no set we could load,
//! Visual Basic (.NET docs) and Bicep (Azure docs): their grammars are
//! ours, in `grammars/`, as Sublime Text syntax files that syntect reads.
//!
//! The markup uses classes (`hl-*`), not inline colours: one stylesheet
//! ([`stylesheet`]) serves light and dark mode and keeps pages small.
//!
//! Highlighting is the most expensive step of a build, and translations
//! keep code as it is: the same fence stands in every locale's copy of a
//! page. [`Highlighter`] therefore remembers each distinct block's HTML for
//! the length of a build, so N locales pay for their code once.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, OnceLock};

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::{SyntaxDefinition, SyntaxReference, SyntaxSet, SyntaxSetBuilder};
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// Grammars of our own, for languages of Microsoft's documentation that
/// two-face's set lacks (`grammars/`). A set of their own, loaded from
/// YAML on the first fence that names one of them: adding them to
/// two-face's set would rebuild its two hundred grammars on every run.
const OWN_GRAMMARS: &[&str] = &[
    include_str!("grammars/visual-basic.sublime-syntax"),
    include_str!("grammars/bicep.sublime-syntax"),
];

fn own_syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut builder = SyntaxSetBuilder::new();
        for grammar in OWN_GRAMMARS {
            // Ours and tested (`own_grammars_load`): a failure here is a
            // bug of polydoc, and the fence then shows plain, not a panic.
            if let Ok(syntax) = SyntaxDefinition::load_from_str(grammar, true, None) {
                builder.add(syntax);
            }
        }
        builder.build()
    })
}

/// Fence names used in Microsoft docs that no grammar lists as a token.
fn alias(lang: &str) -> &str {
    match lang {
        "azurepowershell"
        | "azurepowershell-interactive"
        | "powershell-interactive"
        | "ps"
        | "pwsh"
        | "posh" => "ps1",
        "azurecli"
        | "azurecli-interactive"
        | "cloudshell"
        | "cloudshell-interactive"
        | "dotnetcli"
        | "shell"
        | "sh"
        | "zsh" => "bash",
        "csharp" | "csharp-interactive" | "c#" | "cs" => "cs",
        "razor" | "cshtml" | "aspx-csharp" | "aspx-vb" => "html",
        "fsharp" | "f#" => "fs",
        "vb" | "vbnet" | "visualbasic" | "vbs" | "vbscript" => "vb",
        "cmd" | "bat" | "batch" | "dos" => "bat",
        "kusto" | "kql" | "tsql" | "t-sql" | "mssql" => "sql",
        "dockerfile" => "Dockerfile",
        "jsonc" | "json5" => "json",
        "xaml" | "csproj" | "msbuild" => "xml",
        "yml" => "yaml",
        // Microsoft Graph's requests, which Learn runs in Graph Explorer.
        "msgraph-interactive" => "http",
        other => other,
    }
}

/// Languages that are deliberately shown plain: console transcripts and
/// plain output have no grammar worth applying.
fn is_plain(lang: &str) -> bool {
    matches!(
        lang,
        "" | "console" | "output" | "text" | "txt" | "plaintext" | "none"
    )
}

/// The grammar for a fence's language, and the set it belongs to (the
/// highlighter resolves a grammar's includes in its own set).
fn find_syntax(lang: &str) -> Option<(&'static SyntaxSet, &'static SyntaxReference)> {
    let lang = lang.to_ascii_lowercase();
    if is_plain(&lang) {
        return None;
    }
    let token = alias(&lang);
    let in_set = |set: &'static SyntaxSet| Some(set).zip(set.find_syntax_by_token(token));
    if OWN_TOKENS.contains(&token) {
        return in_set(own_syntaxes());
    }
    in_set(syntaxes())
}

/// The tokens [`alias`] gives for the languages of [`OWN_GRAMMARS`]:
/// known without loading them, so that other fences never do.
const OWN_TOKENS: &[&str] = &["vb", "bicep", "bicepparam"];

/// Blocks highlighted so far: hash of (language, code) -> (language, code, HTML).
type Done = HashMap<u64, Vec<(Box<str>, Box<str>, Arc<str>)>>;

/// Highlights code blocks, remembering each distinct (language, code) pair.
#[derive(Default)]
pub struct Highlighter {
    hasher: RandomState,
    /// Hash of (language, code) -> the blocks with that hash and their HTML.
    done: Mutex<Done>,
}

impl Highlighter {
    /// [`code_block`], from memory when this build has seen the block before.
    pub fn code_block(&self, lang: &str, code: &str) -> Arc<str> {
        let hash = self.hasher.hash_one((lang, code));
        let found = |done: &Done| {
            done.get(&hash)?
                .iter()
                .find(|(l, c, _)| &**l == lang && &**c == code)
                .map(|(_, _, html)| html.clone())
        };
        if let Some(html) = self.done.lock().ok().as_deref().and_then(found) {
            return html;
        }
        // Highlight outside the lock; two threads may race to do the same block, harmlessly.
        let html: Arc<str> = code_block(lang, code).into();
        if let Ok(mut done) = self.done.lock() {
            done.entry(hash)
                .or_default()
                .push((lang.into(), code.into(), html.clone()));
        }
        html
    }
}

/// `<pre><code>` for one fence: highlighted when its language is known,
/// escaped plain text otherwise. `lang` is the fence's first info word.
pub fn code_block(lang: &str, code: &str) -> String {
    let class = escape_attr(lang);
    let body = find_syntax(lang)
        .filter(|_| !too_long(code))
        .and_then(|(set, syntax)| highlight(set, syntax, code))
        .unwrap_or_else(|| escape(code));
    if lang.is_empty() {
        format!("<pre class=\"code\"><code>{body}</code></pre>\n")
    } else {
        format!(
            "<pre class=\"code\" data-lang=\"{class}\"><code class=\"language-{class}\">{body}</code></pre>\n"
        )
    }
}

/// The longest line, in bytes, that a fence is highlighted with: a block
/// with a longer one shows plain. Several grammars of the sets we load
/// take time quadratic in a line's length on runs of letters or digits
/// (Bash on a 100,000-character base64 argument took 31 s, C# on one
/// long name 152 s); at this length the worst of them takes 0.1 s (YAML
/// on 2,500 digits), and a reader gets nothing from colours on a line of
/// minified data.
const MAX_LINE: usize = 2_500;
/// The largest block, in bytes, that is highlighted: no page of docs
/// shows more code in one fence, and a generated one should not stall
/// the build.
const MAX_BLOCK: usize = 512 * 1024;

fn too_long(code: &str) -> bool {
    code.len() > MAX_BLOCK
        || (code.len() > MAX_LINE && code.split('\n').any(|line| line.len() > MAX_LINE))
}

fn highlight(set: &SyntaxSet, syntax: &SyntaxReference, code: &str) -> Option<String> {
    let mut html = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        html.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(html.finalize())
}

/// The stylesheet for the classes above: a light theme, and a dark one
/// under `prefers-color-scheme: dark`.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| css_for_theme_with_class_style(t, CLASS_STYLE).ok())
            .unwrap_or_default()
    };
    format!(
        "/* Generated by polydoc from syntect's themes. */\n{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css("InspiredGitHub"),
        css("base16-ocean.dark")
    )
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}

fn escape_attr(text: &str) -> String {
    escape(text).replace(' ', "-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    #[test]
    fn powershell_cmd_and_microsoft_docs_fence_names_are_highlighted() {
        for lang in [
            "powershell",
            "PowerShell",
            "azurepowershell",
            "powershell-interactive",
            "cmd",
            "azurecli-interactive",
            "dotnetcli",
            "csharp-interactive",
            "cshtml",
            "kql",
        ] {
            let html = code_block(lang, "Get-Item C:\\ -Force # c\n");
            assert!(html.contains("class=\"hl-"), "{lang}: {html}");
        }
        let graph = code_block(
            "msgraph-interactive",
            "GET https://graph.microsoft.com/v1.0/me\n",
        );
        assert!(graph.contains("hl-http-verb"), "{graph}");
    }

    #[test]
    fn unknown_and_missing_languages_are_escaped_plain() {
        let html = code_block("no-such-lang", "<b>&\n");
        assert_eq!(
            html,
            "<pre class=\"code\" data-lang=\"no-such-lang\"><code class=\"language-no-such-lang\">&lt;b&gt;&amp;\n</code></pre>\n"
        );
        assert_eq!(
            code_block("", "x<y\n"),
            "<pre class=\"code\"><code>x&lt;y\n</code></pre>\n"
        );
    }

    #[test]
    fn the_highlighter_remembers_blocks_by_language_and_code() {
        let h = Highlighter::default();
        let a = h.code_block("powershell", "Get-Item x\n");
        assert!(Arc::ptr_eq(&a, &h.code_block("powershell", "Get-Item x\n")));
        assert_eq!(
            *h.code_block("", "Get-Item x\n"),
            code_block("", "Get-Item x\n")
        );
        assert_eq!(
            *h.code_block("powershell", "Get-Item y\n"),
            code_block("powershell", "Get-Item y\n")
        );
    }

    #[test]
    fn blocks_with_a_very_long_line_show_plain() {
        let highlighted =
            |html: String| !spans(&Html::parse_fragment(&html), "hl-source").is_empty();
        let line = format!("echo {}", "a".repeat(MAX_LINE - 5));
        assert!(highlighted(code_block("bash", &format!("{line}\n"))));
        let long = code_block("bash", &format!("echo\n{line}a\n"));
        assert_eq!(
            long,
            code_block("", &format!("echo\n{line}a\n")).replace(
                "<pre class=\"code\"><code>",
                "<pre class=\"code\" data-lang=\"bash\"><code class=\"language-bash\">"
            )
        );
        let many = format!("echo {}\n", "a".repeat(99)).repeat(MAX_BLOCK / 100 + 1);
        assert!(!highlighted(code_block("bash", &many)));
    }

    /// Our grammars on pieces of both languages in random order: the
    /// code is highlighted, and the markup holds the code, all of it.
    #[test]
    fn own_grammars_keep_every_character_of_any_code() {
        const PIECES: &[&str] = &[
            "\"",
            "'",
            "''",
            "'''",
            "$\"",
            "${",
            "{",
            "}",
            "{{",
            "#",
            "#1/2/2024#",
            "1",
            ".5e3",
            "&H",
            "&HFF",
            "Dim",
            "If",
            "End",
            "Sub",
            "Class",
            "Of",
            "(",
            ")",
            "\n",
            "/*",
            "*/",
            "//",
            "REM",
            "@",
            "@sys.",
            "param",
            "resource",
            ":",
            "?",
            "=",
            "é",
            "日本",
            " ",
            "\t",
            "_",
            "x_1",
            "c",
            "#Region",
            "\\",
            "\\u{",
            "<",
            "&",
        ];
        let mut state: u64 = 7;
        for round in 0..400 {
            let mut code = String::new();
            for _ in 0..(round % 40) + 1 {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                code.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            }
            for lang in ["vb", "bicep"] {
                let html = code_block(lang, &code);
                let fragment = Html::parse_fragment(&html);
                assert!(!spans(&fragment, "hl-source").is_empty(), "{lang}: {html}");
                let shown: String = select(&fragment, "pre > code")[0].text().collect();
                assert_eq!(shown, code, "{lang}: {html}");
            }
        }
    }

    #[test]
    fn own_grammars_load() {
        let names: Vec<&str> = own_syntaxes()
            .syntaxes()
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["Visual Basic", "Bicep"]);
        for token in OWN_TOKENS {
            assert!(syntaxes().find_syntax_by_token(token).is_none(), "{token}");
        }
    }

    fn select<'h>(html: &'h Html, css: &str) -> Vec<scraper::ElementRef<'h>> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e:?}"));
        html.select(&selector).collect()
    }

    /// The spans whose scope starts with `class` (`hl-comment`): the
    /// outermost of each nest, since its first class is the scope's first part.
    fn spans<'h>(html: &'h Html, class: &str) -> Vec<scraper::ElementRef<'h>> {
        select(html, &format!("span[class^='{class} ']"))
    }

    /// The texts of [`spans`], in order, with the spans nested in them.
    fn marked(html: &str, class: &str) -> Vec<String> {
        let fragment = Html::parse_fragment(html);
        spans(&fragment, class)
            .iter()
            .map(|span| span.text().collect())
            .collect()
    }

    #[test]
    fn visual_basic_is_highlighted() {
        let code = "Imports System.IO\n\
                    Public Module Program\n\
                    \x20   Sub Main()\n\
                    \x20       Dim count As Integer = &H1F ' say \"hi\"\n\
                    \x20       If count > 2 Then Console.WriteLine($\"n={count}\")\n\
                    \x20   End Sub\n\
                    End Module\n";
        for lang in ["vb", "VB", "vbnet"] {
            let html = code_block(lang, code);
            assert_eq!(marked(&html, "hl-comment"), ["' say \"hi\"\n"], "{html}");
            assert_eq!(marked(&html, "hl-entity"), ["System.IO", "Program", "Main"]);
            assert_eq!(marked(&html, "hl-constant"), ["&H1F", "2"]);
            assert_eq!(
                marked(&html, "hl-keyword"),
                ["Imports", "As", "If", "Then", "End", "End"]
            );
        }
    }

    #[test]
    fn bicep_is_highlighted() {
        let code = "@description('The name')\n\
                    param name string = 'st${uniqueString(resourceGroup().id)}'\n\
                    resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n\
                    \x20 name: name // the account\n\
                    \x20 properties: { supportsHttpsTrafficOnly: true }\n\
                    }\n";
        let html = code_block("bicep", code);
        assert_eq!(marked(&html, "hl-comment"), ["// the account\n"], "{html}");
        assert_eq!(marked(&html, "hl-entity"), ["description"]);
        assert_eq!(
            marked(&html, "hl-keyword"),
            ["param", "=", "resource", "=", ":", ":", ":"]
        );
        assert_eq!(marked(&html, "hl-constant"), ["true"]);
    }

    #[test]
    fn stylesheet_has_both_themes() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
