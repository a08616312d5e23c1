//! Code fences, highlighted at build time into CSS classes.
//!
//! syntect's bundled grammars lack PowerShell, the most common language of
//! Windows documentation, so we use two-face's larger set (bat's). It is
//! loaded on the first fence that names a language we know, never for a
//! site without code, and syntect compiles each grammar's regexes only when
//! that grammar is first used, so a site pays for the languages it has.
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
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
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
        "vb" | "vbnet" | "visualbasic" => "vb",
        "cmd" | "bat" | "batch" | "dos" => "bat",
        "kusto" | "kql" | "tsql" | "t-sql" | "mssql" => "sql",
        "dockerfile" => "Dockerfile",
        "jsonc" | "json5" => "json",
        "xaml" | "csproj" | "msbuild" => "xml",
        "yml" => "yaml",
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

fn find_syntax(lang: &str) -> Option<&'static SyntaxReference> {
    let lang = lang.to_ascii_lowercase();
    if is_plain(&lang) {
        return None;
    }
    syntaxes().find_syntax_by_token(alias(&lang))
}

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
        .and_then(|syntax| highlight(syntax, code))
        .unwrap_or_else(|| escape(code));
    if lang.is_empty() {
        format!("<pre class=\"code\"><code>{body}</code></pre>\n")
    } else {
        format!(
            "<pre class=\"code\" data-lang=\"{class}\"><code class=\"language-{class}\">{body}</code></pre>\n"
        )
    }
}

fn highlight(syntax: &SyntaxReference, code: &str) -> Option<String> {
    let mut html = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes(), CLASS_STYLE);
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
    fn stylesheet_has_both_themes() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
