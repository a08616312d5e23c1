//! Links to a command's reference page whose text a translation turned
//! into words: a warning of `translation-token-mismatch`, beside the
//! cmdlet names compared in prose ([`crate::markdown::cmdlets`]).
//!
//! PowerShell's reference pages link each other by the cmdlet's name,
//! `[Convert-Path](Convert-Path.md)`. Machine translation translates
//! that name as if it were prose: the real sv-se `Join-Path` page reads
//! `[Konvertera-sökväg](Convert-Path.md)` and `[Lös-sökväg](Resolve-Path.md)`,
//! the ko-kr `Test-Path` page `[Invoke 명령을](…/Invoke-Command.md)`, the
//! de-de `Join-Path` page `"Start [-Command](…/Invoke-Command.md)"`
//! (`tests/data/real-powershell/`). Azure's articles link cmdlets to the
//! module reference and Azure CLI commands to the CLI reference, and the
//! same happens there (`tests/data/real-azure/`): the tr-tr "Find
//! Windows VM images" page reads
//! `[kümesi AzVMPlan](…/powershell/module/az.compute/set-azvmplan)`, "Set"
//! translated as "set of"; the sv-se MongoDB quickstart
//! `[AZ-gruppen Create](/cli/azure/group#az-group-create)` and
//! `[AZ login](/cli/azure/reference-index#az-login)`, which the
//! case-sensitive CLI does not take. No reader can type those. The cmdlet
//! comparison cannot see them (a cmdlet counts only where every locale
//! names one with the same verb), and the link still works, so this is a
//! warning. The evidence is the link itself: in another locale the same
//! link (same target, same block) reads exactly the command its target
//! names ([`command_of`]), and here it does not name that command at all
//! (which link is the same link: [`SameLinks`]). A text that was the
//! command alone (a cmdlet's noun kept, a CLI command's words in another
//! case) gets the command as its fix. A link text that describes the page
//! instead (`Learn about Convert-Path`, or no command in any locale) is
//! never flagged.

use std::borrow::Cow;

use crate::diagnostic::Finding;
use crate::markdown::facts::Link;

use super::Context;
use super::block_links::{Links, SameLinks, text_range};
use super::tokens::Member;

/// The command a link's target is the reference page of.
#[derive(Clone, Debug, PartialEq)]
enum Command<'a> {
    /// A cmdlet, as its file or address spells it (in any case).
    Cmdlet(&'a str),
    /// An Azure CLI command, as its reference page's anchor spells it
    /// (`az-group-create` for `az group create`, `az-vm-run-command-invoke`
    /// for `az vm run-command invoke`; older articles link
    /// `az_group_create`, or the group's page and the command alone,
    /// `/cli/azure/group#create`, which this spells `az-group-create`).
    Cli(Cow<'a, str>),
}

/// The command a link's target names: a cmdlet's file
/// (`../Core/Invoke-Command.md#x` names `Invoke-Command`) or page of the
/// PowerShell module reference, whose address writes it in lower case
/// (`https://docs.microsoft.com/powershell/module/az.compute/set-azvmplan`,
/// `/powershell/module/AzureRM.Network/Set-AzureRmVirtualNetwork`), as
/// Azure's articles link cmdlets; or an Azure CLI command's entry in the
/// CLI reference (`/cli/azure/group#az-group-create`, and in older
/// articles `/cli/azure/group#az_group_create` or `/cli/azure/group#create`).
fn command_of(target: &str) -> Option<Command<'_>> {
    let (address, fragment) = target.split_once('#').unwrap_or((target, ""));
    let path = address.split('?').next().unwrap_or(address);
    let (folder, file) = path.rsplit_once('/').unwrap_or(("", path));
    if let Some(stem) = file
        .strip_suffix(".md")
        .or_else(|| file.strip_suffix(".MD"))
    {
        let found = crate::markdown::cmdlets::cmdlets(stem);
        return matches!(found.as_slice(), [(_, 0, len)] if *len == stem.len())
            .then_some(Command::Cmdlet(stem));
    }
    let ends_with = |text: &str, tail: &str| {
        text.len()
            .checked_sub(tail.len())
            .and_then(|at| text.get(at..))
            .is_some_and(|end| end.eq_ignore_ascii_case(tail))
    };
    // Asked of every link of a block with one: the cheap tests first.
    let anchor_like = !fragment.is_empty()
        && fragment
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if let Some(groups) = anchor_like.then(|| cli_groups(path)).flatten() {
        if fragment.starts_with("az-") || fragment.starts_with("az_") {
            return Some(Command::Cli(Cow::Borrowed(fragment)));
        }
        // `/cli/azure/vm/disk#attach`: `az vm disk attach`.
        let mut anchor = String::from("az");
        for group in groups
            .split('/')
            .filter(|g| !g.is_empty() && !g.eq_ignore_ascii_case("reference-index"))
        {
            if !group
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            {
                return None;
            }
            anchor.push('-');
            anchor.push_str(&group.to_ascii_lowercase());
        }
        anchor.push('-');
        anchor.push_str(fragment);
        return Some(Command::Cli(Cow::Owned(anchor)));
    }
    // `…/powershell/module/<module>/<verb>-<noun>`.
    let (reference, _module) = folder.rsplit_once('/')?;
    let (verb, noun) = file.split_once('-')?;
    (ends_with(reference, "/powershell/module")
        && crate::markdown::cmdlets::is_verb(verb)
        && !noun.is_empty()
        && noun.bytes().all(|b| b.is_ascii_alphanumeric()))
    .then_some(Command::Cmdlet(file))
}

/// The groups of a CLI reference page's path, after `/cli/azure` (`vm/disk`
/// of `/cli/azure/vm/disk`; empty for the reference's root), if it is one.
fn cli_groups(path: &str) -> Option<&str> {
    const ROOT: &[u8] = b"/cli/azure";
    let at = path
        .as_bytes()
        .windows(ROOT.len())
        .position(|w| w.eq_ignore_ascii_case(ROOT))?;
    let rest = &path[at + ROOT.len()..];
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

impl Command<'_> {
    /// Whether `text` is the command, exactly: a cmdlet in any case (as
    /// PowerShell reads it), a CLI command as typed (the CLI is
    /// case-sensitive).
    fn read_by(&self, text: &str) -> bool {
        match self {
            Command::Cmdlet(cmdlet) => cmdlet.eq_ignore_ascii_case(text),
            Command::Cli(anchor) => {
                text.starts_with("az ")
                    && text.len() == anchor.len()
                    && text
                        .bytes()
                        .zip(anchor.bytes())
                        // An anchor's `-` or `_` stands for a space or a
                        // hyphen of the command.
                        .all(|(t, a)| match a {
                            b'-' | b'_' => matches!(t, b' ' | b'-'),
                            _ => t == a,
                        })
            }
        }
    }

    /// Whether `text` names the command, which another locale writes
    /// `name`, among words of its own (`El cmdlet Convert-Path`).
    fn named_in(&self, text: &str, name: &str) -> bool {
        match self {
            Command::Cmdlet(_) => text
                .to_ascii_lowercase()
                .contains(&name.to_ascii_lowercase()),
            Command::Cli(_) => text.contains(name),
        }
    }

    /// Whether `text` was the command alone, so that `name` is its fix: a
    /// cmdlet whose noun it kept (`kümesi AzVMPlan` for `Set-AzVMPlan`), a
    /// CLI command only its case or hyphens changed (`AZ Group-Create`).
    /// A text that holds no more of it may carry words of the sentence.
    fn was(&self, text: &str, name: &str) -> bool {
        match self {
            Command::Cmdlet(cmdlet) => {
                let noun = cmdlet.split_once('-').map_or(*cmdlet, |(_, noun)| noun);
                text.to_ascii_lowercase()
                    .contains(&noun.to_ascii_lowercase())
            }
            Command::Cli(_) => {
                let words = |t: &str| {
                    t.split([' ', '-'])
                        .filter(|w| !w.is_empty())
                        .map(str::to_ascii_lowercase)
                        .collect::<Vec<_>>()
                };
                words(text) == words(name)
            }
        }
    }

    /// What the command is, as a message says it.
    fn what(&self) -> &'static str {
        match self {
            Command::Cmdlet(_) => "the cmdlet's name",
            Command::Cli(_) => "the Azure CLI command",
        }
    }
}

/// The warnings for one aligned block, whose members' links are `all`.
pub fn translated(cx: &Context, members: &[Member], all: &[Links]) -> Vec<Finding> {
    // Most blocks have no link that reads the command it leads to.
    let reads_command = |&(target, text, _): &(&str, &str, &Link)| {
        command_of(target).is_some_and(|c| c.read_by(text))
    };
    if !all.iter().flatten().any(reads_command) {
        return Vec::new();
    }
    let same = SameLinks::new(all);
    let mut out = Vec::new();
    for (i, own) in all.iter().enumerate() {
        let page = members[i].0;
        for (k, &(target, text, link)) in own.iter().enumerate() {
            let Some(command) = command_of(target) else {
                continue;
            };
            if command.read_by(text) {
                continue;
            }
            // The same link has the same target, so the same command.
            let theirs = (0..all.len()).filter(|&j| j != i).find_map(|j| {
                let theirs = same.of(i, k, j).filter(|&(_, t, _)| command.read_by(t))?;
                Some((j, theirs))
            });
            let Some((j, (_, name, theirs))) = theirs else {
                continue;
            };
            if command.named_in(text, name) {
                continue;
            }
            let locale = cx.locale_key(members[j].0);
            let at = text_range(cx, page, link);
            let fix = (at != link.span && command.was(text, name))
                .then(|| cx.edit(page, at.clone(), name.to_owned()))
                .flatten();
            let shown = if text.is_empty() {
                "nothing".to_owned()
            } else {
                format!("`{text}`")
            };
            let what = command.what();
            out.push(
                Finding::warning(
                    "translation-token-mismatch",
                    cx.location(page, at),
                    format!(
                        "this link to `{target}` reads {shown} where {locale} writes {what}, `{name}`"
                    ),
                )
                .with_help(format!(
                    "write `{name}` as the link's text, as {locale} does: translations keep {what}"
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
    use super::{Command, command_of};

    #[test]
    fn a_command_is_named_by_a_file_a_module_reference_address_or_a_cli_anchor() {
        let cmdlet = |target| match command_of(target) {
            Some(Command::Cmdlet(c)) => Some(c),
            _ => None,
        };
        assert_eq!(
            cmdlet("../Core/Invoke-Command.md#x"),
            Some("Invoke-Command")
        );
        assert_eq!(
            cmdlet(
                "https://docs.microsoft.com/powershell/module/az.compute/set-azvmplan?view=azps-1.0.0"
            ),
            Some("set-azvmplan")
        );
        assert_eq!(
            cmdlet("/powershell/module/AzureRM.Network/Set-AzureRmVirtualNetwork"),
            Some("Set-AzureRmVirtualNetwork")
        );
        // A module's page, an address elsewhere, no approved verb.
        assert_eq!(command_of("/powershell/module/az.compute/"), None);
        assert_eq!(command_of("/powershell/module/az.compute"), None);
        assert_eq!(command_of("/powershell/azure/install-az-ps"), None);
        assert_eq!(
            command_of("/powershell/module/az.compute/about-things"),
            None
        );
        assert_eq!(command_of("/powershell/module/az.compute/set-az.vm"), None);
        assert_eq!(command_of("Read-Only.md"), None);

        assert_eq!(
            command_of("/cli/azure/group#az-group-create"),
            Some(Command::Cli("az-group-create".into()))
        );
        assert_eq!(
            command_of(
                "https://docs.microsoft.com/cli/azure/vm?view=azure-cli-latest#az-vm-run-command-invoke"
            ),
            Some(Command::Cli("az-vm-run-command-invoke".into()))
        );
        assert_eq!(
            command_of("/cli/azure/reference-index#az-login"),
            Some(Command::Cli("az-login".into()))
        );
        assert_eq!(
            command_of("/cli/azure/group#az_group_create"),
            Some(Command::Cli("az_group_create".into()))
        );
        // Older articles: the group's page and the command alone.
        assert_eq!(
            command_of("https://docs.microsoft.com/en-us/cli/azure/vm/disk?view=x#attach"),
            Some(Command::Cli("az-vm-disk-attach".into()))
        );
        assert_eq!(
            command_of("/cli/azure/reference-index#login"),
            Some(Command::Cli("az-login".into()))
        );
        // The CLI's install page, a group's page, elsewhere.
        assert_eq!(command_of("/cli/azure/install-azure-cli"), None);
        assert_eq!(command_of("/cli/azure/group"), None);
        assert_eq!(command_of("/cli/azurex/group#create"), None);
        assert_eq!(command_of("/cli/azure/group#Create"), None);
    }

    #[test]
    fn a_cli_command_is_read_as_typed() {
        let create = Command::Cli("az-group-create".into());
        let old = command_of("/cli/azure/group#create");
        assert!(old.is_some_and(|c| c.read_by("az group create")));
        assert!(create.read_by("az group create"));
        assert!(!create.read_by("AZ group create"));
        // Which of the anchor's hyphens are spaces, it does not say.
        assert!(create.read_by("az group-create"));
        assert!(!create.read_by("az groupcreate"));
        assert!(
            Command::Cli("az-vm-run-command-invoke".into()).read_by("az vm run-command invoke")
        );
        assert!(
            Command::Cli("az_vm_run_command_invoke".into()).read_by("az vm run-command invoke")
        );
        assert!(Command::Cli("az_group_create".into()).read_by("az group create"));
        assert!(!Command::Cli("az_group_create".into()).read_by("az group_create"));
        assert!(create.named_in("the az group create command", "az group create"));
        assert!(create.was("AZ Group-Create", "az group create"));
        assert!(!create.was("AZ-gruppen Create", "az group create"));
    }
}
