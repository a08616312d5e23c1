//! Links to a member's page whose member name a translation translated:
//! a warning of `translation-token-mismatch`, as for a cmdlet's name
//! ([`super::cmdlet_links`]).
//!
//! Reference pages link their members by qualified name,
//! `[**IEnumUserIdentity::Next**](ienumuseridentity-next.md)`. Machine
//! translation reads the member's name as a word: the real fr-fr
//! `IEnumUserIdentity::GetCount` page of win32 links
//! `[**IEnumUserIdentity :: suivant**](ienumuseridentity-next.md)`
//! (`tests/data/real-win32/`). No reader can search for or type that
//! name, and the link still works.
//!
//! A member's name looks like any word, so the evidence is the link and
//! its target: in another locale the same link (same target, same block)
//! reads exactly a qualified name, `Q::M` or `Q.M`, whose member `M` the
//! target's file name spells (`…-next.md`, as win32's, .NET's and C++'s
//! reference pages are named), and here the link reads the same qualifier
//! with a member that is neither `M` nor nearly `M` (a space inside, a
//! letter wrong: `split-member-name` tells those) nor in the file name.
//! A link text that describes the page instead (`La méthode Next`) reads
//! no qualified name and is never flagged.

use crate::diagnostic::Finding;

use super::Context;
use super::cmdlet_links::{Links, text_range};
use super::tokens::Member;

/// The warnings for one aligned block, whose members' links are `all`.
pub fn translated(cx: &Context, members: &[Member], all: &[Links]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, own) in all.iter().enumerate() {
        for &(target, text, link) in own {
            let Some((qualifier, member)) = qualified(text) else {
                continue;
            };
            let theirs = all
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .find_map(|(j, links)| {
                    links
                        .iter()
                        .find_map(|&(their_target, their_text, their_link)| {
                            let (q, m) = named(their_text)?;
                            let same = their_target == target
                                && q.replace(' ', "").eq_ignore_ascii_case(&qualifier)
                                && in_file_name(target, m);
                            same.then_some((j, their_text.trim_matches(['*', ' ']), m, their_link))
                        })
                });
            let Some((j, name, their_member, their_link)) = theirs else {
                continue;
            };
            if !translated_member(&member, their_member) || in_file_name(target, &member) {
                continue;
            }
            let page = members[i].0;
            let locale = cx.locale_key(members[j].0);
            let shown = text.trim_matches(['*', ' ']);
            out.push(
                Finding::warning(
                    "translation-token-mismatch",
                    cx.location(page, text_range(cx, page, link)),
                    format!(
                        "this link to `{target}` reads `{shown}` where {locale} writes `{name}`: machine translation translated the member name `{their_member}`; readers can neither search for it nor type it"
                    ),
                )
                .with_help(format!(
                    "write `{name}` as the link's text, as {locale} does: translations keep API names as written"
                ))
                .with_related(
                    cx.location(members[j].0, their_link.span.clone()),
                    format!("the same link in {locale}"),
                ),
            );
        }
    }
    out
}

/// A link text that is exactly a qualified name, without a space inside
/// (bold and spaces around it aside): its qualifier and member (`IEnumUserIdentity::Next` gives
/// `IEnumUserIdentity` and `Next`; `System.IO.File.Open`,
/// `System.IO.File` and `Open`).
fn named(text: &str) -> Option<(&str, &str)> {
    let name = text.trim_matches(['*', ' ']);
    if name.contains(' ') {
        return None;
    }
    let (qualifier, member) = split_last(name)?;
    let identifier = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    let parts_ok = qualifier
        .split("::")
        .flat_map(|p| p.split('.'))
        .all(identifier);
    (parts_ok && identifier(member)).then_some((qualifier, member))
}

/// A link text that reads a qualifier, a separator and a member, spaces
/// allowed around the separator as translation puts them: the
/// qualifier with its spaces dropped, and the member as written.
fn qualified(text: &str) -> Option<(String, String)> {
    let name = text.trim_matches(['*', ' ']);
    let (qualifier, member) = split_last(name)?;
    let qualifier: String = qualifier.chars().filter(|c| *c != ' ').collect();
    let member = member.trim();
    if qualifier.is_empty() || member.is_empty() || !qualifier.is_ascii() {
        return None;
    }
    Some((qualifier, member.to_owned()))
}

/// `name` split at its last separator: `::` where it has one, else `.`.
fn split_last(name: &str) -> Option<(&str, &str)> {
    let (at, len) = match name.rfind("::") {
        Some(at) => (at, 2),
        None => (name.rfind('.')?, 1),
    };
    Some((name[..at].trim_end(), name[at + len..].trim_start()))
}

/// Whether the last segment of `target`'s path, split at what is no
/// letter or digit, has `name` (in any case) as one of its pieces:
/// `ienumuseridentity-next.md` has `Next`.
fn in_file_name(target: &str, name: &str) -> bool {
    let path = target.split(['#', '?']).next().unwrap_or(target);
    let file = path.rsplit('/').next().unwrap_or(path);
    let name: String = name.chars().filter(|c| *c != ' ').collect();
    file.split(|c: char| !c.is_alphanumeric())
        .any(|piece| piece.eq_ignore_ascii_case(&name))
}

/// Whether `ours` (a link's member as written) reads as `theirs`
/// translated: not `theirs` split by a space, followed by words of its
/// own, or misspelled (one edit, or a Damerau-Levenshtein similarity of
/// 0.8 at least), and no other name either (a capital after a small
/// letter, `GetCount`: a link text that names another member is no
/// translation's doing).
fn translated_member(ours: &str, theirs: &str) -> bool {
    let camel = ours
        .as_bytes()
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    if camel {
        return false;
    }
    let ours: String = ours
        .chars()
        .filter(|c| *c != ' ')
        .flat_map(char::to_lowercase)
        .collect();
    let theirs = theirs.to_ascii_lowercase();
    !ours.starts_with(&theirs)
        && strsim::damerau_levenshtein(&ours, &theirs) > 1
        && strsim::normalized_damerau_levenshtein(&ours, &theirs) < 0.8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qualified_name_splits_at_its_last_separator() {
        assert_eq!(
            named("**IEnumUserIdentity::Next**"),
            Some(("IEnumUserIdentity", "Next"))
        );
        assert_eq!(
            named("System.IO.File.Open"),
            Some(("System.IO.File", "Open"))
        );
        assert_eq!(named("La méthode Next"), None);
        assert_eq!(named("IEnumUserIdentity :: Next"), None);
        assert_eq!(
            qualified("**IEnumUserIdentity :: suivant**"),
            Some(("IEnumUserIdentity".to_owned(), "suivant".to_owned()))
        );
        assert!(in_file_name("ienumuseridentity-next.md", "Next"));
        assert!(in_file_name("../api/nf-a-b-next#x", "next"));
        assert!(!in_file_name("ienumuseridentity-nextitem.md", "Next"));
        assert!(translated_member("suivant", "Next"));
        assert!(!translated_member("Ne xt", "Next"));
        assert!(!translated_member("Next, méthode", "Next"));
        assert!(!translated_member("Nxet", "Next"));
        assert!(!translated_member("GetCount", "Next"));
    }
}
