//! Links to a cmdlet's page whose text a translation turned into words:
//! a warning of `translation-token-mismatch`, beside the cmdlet names
//! compared in prose ([`crate::markdown::cmdlets`]).
//!
//! PowerShell's reference pages link each other by the cmdlet's name,
//! `[Convert-Path](Convert-Path.md)`. Machine translation translates
//! that name as if it were prose: the real sv-se `Join-Path` page reads
//! `[Konvertera-sökväg](Convert-Path.md)` and `[Lös-sökväg](Resolve-Path.md)`,
//! the ko-kr `Test-Path` page `[Invoke 명령을](…/Invoke-Command.md)`, the
//! de-de `Join-Path` page `"Start [-Command](…/Invoke-Command.md)"`
//! (`tests/data/real-powershell/`). No reader can type those. The cmdlet
//! comparison cannot see them (a cmdlet counts only where every locale
//! names one with the same verb), and the link still works, so this is a
//! warning. The evidence is the link itself: in another locale the same
//! link (same target, same block) reads exactly the cmdlet its target's
//! file is named after, or its module reference address names (Azure's
//! articles: the real tr-tr "Find Windows VM images" page reads
//! `[kümesi AzVMPlan](…/powershell/module/az.compute/set-azvmplan)`,
//! "Set" translated as "set of", `tests/data/real-azure`), and here it
//! does not name that cmdlet at all (which link is the same link:
//! [`SameLinks`]). A text that still holds the cmdlet's noun was the name
//! alone, which is then its fix. A link text that
//! describes the page instead (`Learn about Convert-Path`, or no cmdlet
//! in any locale) is never flagged.

use crate::diagnostic::Finding;
use crate::markdown::facts::Link;

use super::Context;
use super::block_links::{Links, SameLinks, text_range};
use super::tokens::Member;

/// The cmdlet a link's target names: a file named after one
/// (`../Core/Invoke-Command.md#x` names `Invoke-Command`), or a page of
/// the PowerShell module reference, whose address writes it in lower case
/// (`https://docs.microsoft.com/powershell/module/az.compute/set-azvmplan`,
/// `/powershell/module/AzureRM.Network/Set-AzureRmVirtualNetwork`): Azure's
/// articles link cmdlets so.
fn cmdlet_of(target: &str) -> Option<&str> {
    let path = target.split(['#', '?']).next().unwrap_or(target);
    let (folder, file) = path.rsplit_once('/').unwrap_or(("", path));
    if let Some(stem) = file
        .strip_suffix(".md")
        .or_else(|| file.strip_suffix(".MD"))
    {
        let found = crate::markdown::cmdlets::cmdlets(stem);
        return matches!(found.as_slice(), [(_, 0, len)] if *len == stem.len()).then_some(stem);
    }
    // `…/powershell/module/<module>/<verb>-<noun>`.
    let (reference, _module) = folder.rsplit_once('/')?;
    let (verb, noun) = file.split_once('-')?;
    let is_reference = reference
        .get(reference.len().checked_sub("/powershell/module".len())?..)
        .is_some_and(|end| end.eq_ignore_ascii_case("/powershell/module"));
    (is_reference
        && crate::markdown::cmdlets::is_verb(verb)
        && !noun.is_empty()
        && noun.bytes().all(|b| b.is_ascii_alphanumeric()))
    .then_some(file)
}

/// The warnings for one aligned block, whose members' links are `all`.
pub fn translated(cx: &Context, members: &[Member], all: &[Links]) -> Vec<Finding> {
    // Most blocks have no link that reads the cmdlet it leads to.
    let reads_cmdlet = |&(target, text, _): &(&str, &str, &Link)| {
        cmdlet_of(target).is_some_and(|c| c.eq_ignore_ascii_case(text))
    };
    if !all.iter().flatten().any(reads_cmdlet) {
        return Vec::new();
    }
    let same = SameLinks::new(all);
    let mut out = Vec::new();
    for (i, own) in all.iter().enumerate() {
        let page = members[i].0;
        for (k, &(target, text, link)) in own.iter().enumerate() {
            let Some(cmdlet) = cmdlet_of(target) else {
                continue;
            };
            if text
                .to_ascii_lowercase()
                .contains(&cmdlet.to_ascii_lowercase())
            {
                continue;
            }
            let theirs = (0..all.len())
                .filter(|&j| j != i)
                .find_map(|j| Some((j, same.of(i, k, j).filter(reads_cmdlet)?)));
            let Some((j, (_, name, theirs))) = theirs else {
                continue;
            };
            let locale = cx.locale_key(members[j].0);
            let at = text_range(cx, page, link);
            // A text that still holds the cmdlet's noun (`kümesi AzVMPlan`
            // for `Set-AzVMPlan`) was the name alone: the name is its fix.
            // One that holds no part of it may carry words of the sentence.
            let noun = cmdlet.split_once('-').map_or(cmdlet, |(_, noun)| noun);
            let fix = (at != link.span
                && text
                    .to_ascii_lowercase()
                    .contains(&noun.to_ascii_lowercase()))
            .then(|| cx.edit(page, at.clone(), name.to_owned()))
            .flatten();
            let shown = if text.is_empty() {
                "nothing".to_owned()
            } else {
                format!("`{text}`")
            };
            out.push(
                Finding::warning(
                    "translation-token-mismatch",
                    cx.location(page, at),
                    format!(
                        "this link to `{target}` reads {shown} where {locale} writes the cmdlet's name, `{name}`"
                    ),
                )
                .with_help(format!(
                    "write `{name}` as the link's text, as {locale} does: translations keep a cmdlet's name"
                ))
                .with_fix(fix)
                .with_related(
                    cx.location(members[j].0, theirs.span.clone()),
                    format!("the same link in {locale}"),
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cmdlet_of;

    #[test]
    fn a_cmdlet_is_named_by_a_file_or_a_module_reference_address() {
        assert_eq!(
            cmdlet_of("../Core/Invoke-Command.md#x"),
            Some("Invoke-Command")
        );
        assert_eq!(
            cmdlet_of(
                "https://docs.microsoft.com/powershell/module/az.compute/set-azvmplan?view=azps-1.0.0"
            ),
            Some("set-azvmplan")
        );
        assert_eq!(
            cmdlet_of("/powershell/module/AzureRM.Network/Set-AzureRmVirtualNetwork"),
            Some("Set-AzureRmVirtualNetwork")
        );
        // A module's page, an address elsewhere, no approved verb.
        assert_eq!(cmdlet_of("/powershell/module/az.compute/"), None);
        assert_eq!(cmdlet_of("/powershell/module/az.compute"), None);
        assert_eq!(cmdlet_of("/powershell/azure/install-az-ps"), None);
        assert_eq!(
            cmdlet_of("/powershell/module/az.compute/about-things"),
            None
        );
        assert_eq!(cmdlet_of("/powershell/module/az.compute/set-az.vm"), None);
        assert_eq!(cmdlet_of("Read-Only.md"), None);
    }
}
