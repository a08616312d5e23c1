//! `link-text-anchor-mismatch`: `[0x8007232A](#0x8007232b-dns-name-does-not-exist)`.
//!
//! When a link's text is a code (a hexadecimal error code, or a code span
//! such as `` `Get-Item` ``) and the anchor it targets, or the heading
//! there, names codes of the same kind but not this one, the text or the
//! target is wrong. Anchors and headings that name no code say nothing and
//! never fire the rule.
//!
//! The same holds between pages: an index of compiler errors links
//! `[Compiler warning (level 1) C4029](compiler-warning-level-1-c4028.md)`
//! (cpp-docs lists hundreds so). A link to a whole page whose text names
//! one code word (letters and digits: `C4029`, `LNK2019`, `CS0103`) is
//! wrong when the page's title or file name names codes with the same
//! letters, none of them this one.

use std::sync::OnceLock;

use regex::Regex;

use crate::diagnostic::Finding;
use crate::markdown::facts::{TokenKind, UnitKind};
use crate::markdown::tokens;

use super::Context;
use super::resolve::Resolved;

/// Why a link's text and target disagree.
pub struct Mismatch {
    /// The code the text names, as written.
    pub text: String,
    /// The codes the target names instead, as written there.
    pub target: Vec<String>,
    /// The target page and the byte offset of the targeted heading, if any.
    pub heading: Option<(usize, usize)>,
    /// The link leads to a whole page (its title names the codes), not
    /// to a section.
    pub whole_page: bool,
}

/// The mismatch of link `l` of page `p`, if its text and target disagree.
pub fn mismatch(cx: &Context, p: usize, l: usize) -> Option<Mismatch> {
    let own = &cx.site.pages[p].doc.facts;
    let link = &own.links[l];
    let text = own.link_text(link);
    let (target, fragment) = match &cx.links[p][l] {
        Resolved::SamePage { fragment } => (p, fragment),
        Resolved::Page {
            page,
            fragment: Some(fragment),
            ..
        } => (*page, fragment),
        Resolved::Page {
            page,
            fragment: None,
            ..
        } => return page_mismatch(cx, text, *page),
        _ => return None,
    };
    // Most link texts are prose: nothing to compare, no heading to find.
    let hex = tokens::is_hex_code(text);
    if !hex && !link.text_is_code {
        return None;
    }
    let facts = &cx.site.pages[target].doc.facts;
    let heading = facts
        .anchors
        .iter()
        .find(|a| a.from_heading && facts.id(a) == *fragment)
        .and_then(|a| {
            facts
                .units
                .iter()
                .find(|u| matches!(u.kind, UnitKind::Heading(_)) && u.offset == a.offset)
        });
    let (wanted, names): (String, Vec<String>) = if hex {
        let mut names = tokens::hex_codes(fragment);
        if let Some(h) = heading {
            names.extend(
                facts
                    .tokens_of(h)
                    .iter()
                    .map(|t| (t.kind, facts.value(t)))
                    .filter(|(kind, value)| *kind == TokenKind::Code && value.starts_with("0x"))
                    .map(|(_, value)| value.to_owned()),
            );
        }
        (text.to_ascii_lowercase(), names)
    } else {
        let names = heading
            .map(|h| {
                facts
                    .tokens_of(h)
                    .iter()
                    .filter(|t| t.kind == TokenKind::InlineCode)
                    .map(|t| facts.value(t).to_owned())
                    .collect()
            })
            .unwrap_or_default();
        (text.to_owned(), names)
    };
    if names.is_empty() || names.contains(&wanted) {
        return None;
    }
    let mut shown: Vec<String> = Vec::new();
    for name in names {
        let upper = if name.starts_with("0x")
            && text.starts_with("0x")
            && text.chars().any(|c| c.is_ascii_uppercase())
        {
            format!("0x{}", name[2..].to_ascii_uppercase())
        } else {
            name
        };
        if !shown.contains(&upper) {
            shown.push(upper);
        }
    }
    Some(Mismatch {
        text: text.to_owned(),
        target: shown,
        heading: heading.map(|h| (target, h.offset)),
        whole_page: false,
    })
}

/// A code word: capitals then at least three digits, `C4029`, `LNK2019`.
fn code_word() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)[a-z]{1,5}[0-9]{3,6}(?-u:\b)")
            .unwrap_or_else(|e| panic!("code word pattern: {e}"))
    })
}

/// The code words of `text`, upper-cased, in text order, each once.
fn code_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in code_word().find_iter(text) {
        let word = m.as_str().to_ascii_uppercase();
        if !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

/// A link to page `target` as a whole whose text names one code word the
/// page's title and file name do not, where they name others of its kind.
fn page_mismatch(cx: &Context, text: &str, target: usize) -> Option<Mismatch> {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Upper-case letters in the text: `version 2012` is no code word.
    let words: Vec<String> = code_word()
        .find_iter(text)
        .filter(|m| m.as_str().starts_with(|c: char| c.is_ascii_uppercase()))
        .map(|m| m.as_str().to_ascii_uppercase())
        .collect();
    let [wanted] = words.as_slice() else {
        return None;
    };
    let letters = |word: &str| word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let page = &cx.site.pages[target];
    let stem = crate::site::file_stem(&page.source.rel_path);
    let mut names = code_words(&page.title);
    for word in code_words(stem) {
        if !names.contains(&word) {
            names.push(word);
        }
    }
    names.retain(|name| name[..letters(name)] == wanted[..letters(wanted)]);
    if names.is_empty() || names.contains(wanted) {
        return None;
    }
    // A page of several codes is an index of their range (`Compiler
    // warnings C4800 through C4999`): a code inside it may link there.
    let number = |word: &str| word[letters(word)..].parse::<u64>().ok();
    let numbers: Vec<u64> = names.iter().filter_map(|n| number(n)).collect();
    if let (Some(n), Some(low), Some(high)) =
        (number(wanted), numbers.iter().min(), numbers.iter().max())
        && numbers.len() >= 2
        && (*low..=*high).contains(&n)
    {
        return None;
    }
    let facts = &page.doc.facts;
    let heading = facts
        .units
        .iter()
        .find(|u| u.kind == UnitKind::Heading(1))
        .map(|h| (target, h.offset));
    Some(Mismatch {
        text: wanted.clone(),
        target: names,
        heading,
        whole_page: true,
    })
}

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let mut out = Vec::new();
        let facts = &page.doc.facts;
        for (l, link) in facts.links.iter().enumerate() {
            let Some(m) = mismatch(cx, p, l) else {
                continue;
            };
            let start = link.text_offset;
            let text = facts.link_text(link);
            let text_span = start..start + text.len();
            // The code the target names, for the code of the text: which
            // of the two is wrong this rule cannot tell alone (`merge`).
            let proposal = text
                .find(m.text.as_str())
                .map(|at| start + at..start + at + m.text.len())
                .and_then(|code| cx.edit(p, code, m.target[0].clone()));
            let mut finding = Finding::error(
                "link-text-anchor-mismatch",
                cx.location(p, text_span),
                format!(
                    "link text `{}` names another code than its target `{}`, which names `{}`",
                    m.text,
                    facts.target(link),
                    m.target.join("`, `")
                ),
            )
            .with_help(format!(
                "if the target is right, write `{}` as the link text; otherwise link to the {} of `{}`",
                m.target[0],
                if m.whole_page { "page" } else { "section" },
                m.text
            ));
            finding = finding.with_proposal(proposal);
            if let Some((target, offset)) = m.heading {
                let what = if m.whole_page {
                    "the target's title"
                } else {
                    "the targeted heading"
                };
                finding = finding.with_related(cx.location(target, offset..offset), what);
            }
            out.push(finding);
        }
        out
    })
}
