//! `link-text-anchor-mismatch`: `[0x8007232A](#0x8007232b-dns-name-does-not-exist)`.
//!
//! When a link's text is a code (a hexadecimal error code, or a code span
//! such as `` `Get-Item` ``) and the anchor it targets, or the heading
//! there, names codes of the same kind but not this one, the text or the
//! target is wrong. Anchors and headings that name no code say nothing and
//! never fire the rule.

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
            let text_span = start..start + facts.link_text(link).len();
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
                "if the target is right, write `{}` as the link text; otherwise link to the section of `{}`",
                m.target[0], m.text
            ));
            if let Some((target, offset)) = m.heading {
                finding = finding
                    .with_related(cx.location(target, offset..offset), "the targeted heading");
            }
            out.push(finding);
        }
        out
    })
}
