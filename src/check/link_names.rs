//! Links to an API's page whose text, the API's name in another locale,
//! a translation turned into words: a warning of
//! `translation-token-mismatch`, as for a cmdlet's name
//! ([`super::command_links`]).
//!
//! Reference pages link each API by its name, `[**GetMessage**](…/nf-winuser-getmessage)`,
//! `[**IEnumUserIdentity::Next**](ienumuseridentity-next.md)`. Machine
//! translation reads the name as words. The real ru-ru `WM_PAINT` page of
//! win32 links `[**возвращается из метода**](…/nf-winuser-getmessage)`
//! ("is returned from the method") where fr-fr and zh-tw read
//! `GetMessage`; the real fr-fr `IEnumUserIdentity::GetCount` page
//! `[**IEnumUserIdentity :: suivant**](ienumuseridentity-next.md)`, the
//! member translated (`tests/data/real-win32/`). The name is gone from
//! the sentence, and the link still works.
//!
//! A name may be any word, so the evidence is the link and its target: in
//! another locale the same link (same target, same block) reads exactly
//! an API name (a capital inside, capitals and underscores, or a
//! qualified name: `Q::M`, `Q.M`) that the target's file name spells
//! (`…-getmessage`, `wm-paint.md`, `…-next.md`, as win32's, .NET's and
//! C++'s reference pages are named), and here the link's text does not
//! hold that name in any case, spacing or punctuation (which link is the
//! same link: [`SameLinks`]). What other rules
//! tell is left to them: the name split or misspelled (`split-member-name`,
//! `split-identifier`), spelled in Cyrillic (`transliterated-name`); so is
//! a text that is another name, which is no translation's doing.

use crate::diagnostic::Finding;
use crate::markdown::facts::Link;

use super::Context;
use super::block_links::{Links, SameLinks, text_range};
use super::tokens::Member;
use super::transliterated_names::{alike, api_name, read_back};

/// The warnings for one aligned block, whose members' links are `all`.
pub fn lost(cx: &Context, members: &[Member], all: &[Links]) -> Vec<Finding> {
    // Most blocks have no link that reads a name its target is named after.
    if !all.iter().flatten().any(|l| reads_its_name(l).is_some()) {
        return Vec::new();
    }
    let same = SameLinks::new(all);
    let mut out = Vec::new();
    for (i, own) in all.iter().enumerate() {
        for (k, &(target, text, link)) in own.iter().enumerate() {
            let theirs = (0..all.len()).filter(|&j| j != i).find_map(|j| {
                let theirs = same.of(i, k, j)?;
                Some((j, reads_its_name(&theirs)?, theirs.2))
            });
            let Some((j, name, theirs)) = theirs else {
                continue;
            };
            let shown = text.trim_matches(['*', ' ']);
            let Some(how) = lost_name(shown, name) else {
                continue;
            };
            let locale = cx.locale_key(members[j].0);
            let message = match how {
                Lost::Member(member) => format!(
                    "this link to `{target}` reads `{shown}` where {locale} writes `{name}`: machine translation translated the member name `{member}`; readers can neither search for it nor type it"
                ),
                Lost::Name if shown.is_empty() => format!(
                    "this link to `{target}` reads nothing where {locale} writes the name `{name}`, which the target is named after"
                ),
                Lost::Name => format!(
                    "this link to `{target}` reads `{shown}` where {locale} writes the name `{name}`, which the target is named after: machine translation put words in its place, and readers lose the name"
                ),
            };
            let page = members[i].0;
            out.push(
                Finding::warning(
                    "translation-token-mismatch",
                    cx.location(page, text_range(cx, page, link)),
                    message,
                )
                .with_help(format!(
                    "write `{name}` as the link's text, as {locale} does: translations keep API names as written"
                ))
                .with_related(
                    cx.location(members[j].0, theirs.span.clone()),
                    format!("the same link in {locale}"),
                ),
            );
        }
    }
    out
}

/// The name a link reads, when its text is exactly an API name (bold
/// and spaces around it aside) its target's file name spells.
fn reads_its_name<'a>(&(target, text, _): &(&'a str, &'a str, &'a Link)) -> Option<&'a str> {
    let name = text.trim_matches(['*', ' ']);
    let is_name = api_name(name) || qualified_name(name).is_some();
    (is_name && spelled(target, name)).then_some(name)
}

/// How a link's text lost the name another locale's reads.
#[derive(Debug, PartialEq)]
enum Lost<'n> {
    /// The qualifier kept and the member, the given one, translated.
    Member(&'n str),
    /// The name gone.
    Name,
}

/// Whether `text`, a link's text, lost `name`, which another locale's
/// same link reads; `None` when it holds the name in any case, spacing
/// or punctuation, nearly holds it (one edit, or a Damerau-Levenshtein
/// similarity of 0.8: split or misspelled, other rules' findings), spells
/// it in Cyrillic, or is another name.
fn lost_name<'n>(text: &str, name: &'n str) -> Option<Lost<'n>> {
    let (ours, theirs) = (folded(text), folded(name));
    let near = |a: &str, b: &str| {
        strsim::damerau_levenshtein(a, b) <= 1
            || strsim::normalized_damerau_levenshtein(a, b) >= 0.8
    };
    if ours.contains(&theirs) || near(&ours, &theirs) {
        return None;
    }
    if read_back(text).is_some_and(|l| alike(&l, name)) {
        return None;
    }
    // The qualifier kept, the member compared alone: a short member's
    // translation weighs little against a long qualifier.
    if let (Some((q, member)), Some((their_q, their_member))) =
        (qualified(text), qualified_name(name))
        && q.eq_ignore_ascii_case(&folded_qualifier(their_q))
    {
        let folded_member = folded(member);
        let their_folded = folded(their_member);
        let kept = folded_member.starts_with(&their_folded) || near(&folded_member, &their_folded);
        return (!kept && !api_name(member)).then_some(Lost::Member(their_member));
    }
    if api_name(text) || qualified_name(text).is_some() {
        return None;
    }
    // A text that names the member among words of its own (`Die Methode
    // Next` for `IFoo::Next`) keeps what readers search for.
    if let Some((_, member)) = qualified_name(name)
        && ours.contains(&folded(member))
    {
        return None;
    }
    Some(Lost::Name)
}

/// `s` in lower case, its letters and digits only: how a name is compared
/// whatever spacing, underscores or separators a translation gave it.
fn folded(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A qualifier without its spaces.
fn folded_qualifier(q: &str) -> String {
    q.chars().filter(|c| *c != ' ').collect()
}

/// A qualified name written whole, no space inside: its qualifier and
/// member (`IEnumUserIdentity::Next` gives `IEnumUserIdentity` and
/// `Next`; `System.IO.File.Open`, `System.IO.File` and `Open`).
pub(super) fn qualified_name(name: &str) -> Option<(&str, &str)> {
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

/// A text that reads a qualifier, a separator and a member, spaces
/// allowed around the separator as translation puts them: the
/// qualifier without its spaces, and the member as written.
fn qualified(text: &str) -> Option<(String, &str)> {
    let (qualifier, member) = split_last(text)?;
    let qualifier = folded_qualifier(qualifier);
    let ok = !qualifier.is_empty() && !member.is_empty() && qualifier.is_ascii();
    ok.then_some((qualifier, member))
}

/// `name` split at its last separator: `::` where it has one, else `.`.
fn split_last(name: &str) -> Option<(&str, &str)> {
    let (at, len) = match name.rfind("::") {
        Some(at) => (at, 2),
        None => (name.rfind('.')?, 1),
    };
    Some((name[..at].trim_end(), name[at + len..].trim_start()))
}

/// Whether `target`'s file name, its page extension aside, ends with the
/// pieces that spell `name` (split at what is no letter or digit, in any
/// case): `…/nf-winuser-getmessage` spells `GetMessage`, `wm-paint.md`
/// `WM_PAINT`, `ienumuseridentity-next.md` `IEnumUserIdentity::Next`, and
/// `…/nf-winuser-peekmessagea` `PeekMessage` (win32's ANSI and wide
/// forms end in `a` and `w`).
fn spelled(target: &str, name: &str) -> bool {
    let path = target.split(['#', '?']).next().unwrap_or(target);
    let file = path.rsplit('/').next().unwrap_or(path);
    let lower = file.to_ascii_lowercase();
    let stem = [".md", ".html", ".htm", ".aspx"]
        .iter()
        .find_map(|ext| lower.strip_suffix(ext))
        .unwrap_or(&lower);
    let name = folded(name);
    if name.is_empty() {
        return false;
    }
    let mut joined = String::new();
    for piece in stem.rsplit(|c: char| !c.is_ascii_alphanumeric()) {
        joined.insert_str(0, piece);
        if joined == name
            || (joined.len() == name.len() + 1
                && joined.starts_with(&name)
                && joined.ends_with(['a', 'w']))
        {
            return true;
        }
        if joined.len() > name.len() + 1 {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_spells_the_name_it_is_named_after() {
        assert!(spelled(
            "/windows/win32/api/winuser/nf-winuser-getmessage",
            "GetMessage"
        ));
        assert!(spelled(
            "/windows/win32/api/winuser/nf-winuser-peekmessagea",
            "PeekMessage"
        ));
        assert!(spelled("../gdi/wm-paint.md#remarks", "WM_PAINT"));
        assert!(spelled(
            "ienumuseridentity-next.md",
            "IEnumUserIdentity::Next"
        ));
        assert!(spelled("System.IO.File.Open.md", "File.Open"));
        assert!(!spelled(
            "ienumuseridentity-nextitem.md",
            "IEnumUserIdentity::Next"
        ));
        assert!(!spelled("painting-and-drawing.md", "GetMessage"));
        assert!(!spelled("overview.md", ""));
    }

    #[test]
    fn a_text_loses_a_name_it_does_not_hold() {
        let lost = |text, name| lost_name(text, name);
        assert_eq!(
            lost("возвращается из метода", "GetMessage"),
            Some(Lost::Name)
        );
        assert_eq!(
            lost("IEnumUserIdentity :: suivant", "IEnumUserIdentity::Next"),
            Some(Lost::Member("Next"))
        );
        assert_eq!(lost("File.Ouvrir", "File.Open"), Some(Lost::Member("Open")));
        // Held, split, misspelled, in Cyrillic, or another name.
        assert_eq!(lost("la fonction GetMessage", "GetMessage"), None);
        assert_eq!(lost("WM \\_ PAINT", "WM_PAINT"), None);
        assert_eq!(
            lost("IEnumUserIdentity:: Next", "IEnumUserIdentity::Next"),
            None
        );
        assert_eq!(
            lost("Ienumumuseridentity:: Next", "IEnumUserIdentity::Next"),
            None
        );
        assert_eq!(
            lost("IEnumUserIdentity::Next, metodo", "IEnumUserIdentity::Next"),
            None
        );
        assert_eq!(lost("IFoo::Nxet", "IFoo::Next"), None);
        assert_eq!(lost("упдатевиндов", "UpdateWindow"), None);
        assert_eq!(lost("PeekMessage", "GetMessage"), None);
        assert_eq!(lost("IFoo::GetCount", "IFoo::Next"), None);
        assert_eq!(lost("Die Methode Next", "IFoo::Next"), None);
        assert_eq!(lost("Die nächste Methode", "IFoo::Next"), Some(Lost::Name));
    }
}
