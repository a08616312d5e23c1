//! PowerShell cmdlet names in prose (`New-PSTransportOption`), a token
//! translations keep: no language translates a cmdlet's name.
//!
//! A cmdlet is `Verb-Noun`, the verb one of PowerShell's approved verbs
//! (`Get-Verb`), both capitalised, the noun ASCII letters and digits up
//! to a character that is no letter or digit (a German compound's `-`
//! may follow: `Get-PfxCertificate-Cmdlet`), and not one of the words
//! English title case puts after those verbs (`Read-Only`, `Set-Up`:
//! `COMPOUNDS`). German writes compounds the
//! same way (`Test-Umgebung`, "test environment"), which is why the
//! comparison counts a cmdlet only where every translation of the block
//! has one with the same verb (`check::tokens`, `cmdlets_as_kept`): a
//! cmdlet put in another's place, as a real ja-jp page wrote
//! `New-PSSessionOption` for `New-PSTransportOption`.

/// PowerShell's approved verbs, lower-cased and sorted for a binary search.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "add", "approve", "assert", "backup", "block", "build", "checkpoint", "clear", "close",
    "compare", "complete", "compress", "confirm", "connect", "convert", "convertfrom",
    "convertto", "copy", "debug", "deny", "deploy", "disable", "disconnect", "dismount", "edit",
    "enable", "enter", "exit", "expand", "export", "find", "format", "get", "grant", "group",
    "hide", "import", "initialize", "install", "invoke", "join", "limit", "lock", "measure",
    "merge", "mount", "move", "new", "open", "optimize", "out", "ping", "pop", "protect",
    "publish", "push", "read", "receive", "redo", "register", "remove", "rename", "repair",
    "request", "reset", "resize", "resolve", "restart", "restore", "resume", "revoke", "save",
    "search", "select", "send", "set", "show", "skip", "split", "start", "step", "stop",
    "submit", "suspend", "switch", "sync", "test", "trace", "unblock", "undo", "uninstall",
    "unlock", "unprotect", "unpublish", "unregister", "update", "use", "wait", "watch", "write",
];

/// Words that follow those verbs in English compounds written in title
/// case (`Read-Only Domain Controller`, `Set-Up`, `Step-By-Step`,
/// `Out-Of-Box`): no cmdlet's noun.
const COMPOUNDS: &[&str] = &[
    "aware", "back", "based", "by", "down", "free", "in", "level", "of", "off", "on", "only",
    "out", "over", "ready", "side", "time", "up",
];

/// The cmdlet names in `text`, lower-cased (PowerShell reads them in any
/// case), with their byte offsets and lengths in `text`.
pub fn cmdlets(text: &str) -> Vec<(String, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for dash in memchr::memchr_iter(b'-', bytes) {
        // The noun: a capital, then ASCII letters and digits to a boundary.
        if !bytes.get(dash + 1).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let end = dash
            + 1
            + bytes[dash + 1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        if text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        // The verb: ASCII letters back to a boundary, capitalised.
        let start = dash
            - bytes[..dash]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
        if start == dash || !bytes[start].is_ascii_uppercase() {
            continue;
        }
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_') {
            continue;
        }
        let verb = text[start..dash].to_ascii_lowercase();
        let noun = text[dash + 1..end].to_ascii_lowercase();
        if VERBS.binary_search(&verb.as_str()).is_ok() && !COMPOUNDS.contains(&noun.as_str()) {
            out.push((text[start..end].to_ascii_lowercase(), start, end - start));
        }
    }
    out
}

/// Whether `word` is one of PowerShell's approved verbs, in any case.
pub fn is_verb(word: &str) -> bool {
    VERBS
        .binary_search(&word.to_ascii_lowercase().as_str())
        .is_ok()
}

/// The verb of a lower-cased cmdlet name.
pub fn verb(cmdlet: &str) -> &str {
    cmdlet.split('-').next().unwrap_or(cmdlet)
}

#[cfg(test)]
mod tests {
    use super::{VERBS, cmdlets};

    fn found(text: &str) -> Vec<String> {
        cmdlets(text).into_iter().map(|(c, _, _)| c).collect()
    }

    #[test]
    fn the_verbs_are_sorted() {
        assert!(VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn cmdlets_are_found_in_any_language() {
        assert_eq!(
            found("Utilisez New-WinEvent et Get-WinEvent à la place."),
            ["new-winevent", "get-winevent"]
        );
        assert_eq!(
            found("WMI v1 コマンドレット:Get-WmiObject、ConvertTo-Html"),
            ["get-wmiobject", "convertto-html"]
        );
        assert_eq!(
            found("Get-PfxCertificate-Cmdlet, {Export-PSSession | Import-PSSession}"),
            ["get-pfxcertificate", "export-pssession", "import-pssession"]
        );
        let text = "x Set-PSSessionConfiguration.";
        let (_, start, len) = &cmdlets(text)[0];
        assert_eq!(&text[*start..start + len], "Set-PSSessionConfiguration");
    }

    #[test]
    fn hyphenated_words_are_not() {
        assert!(found("read-only, set-up, out-of-box, Start-Menü, X-Get-Foo").is_empty());
        assert!(found("Server-Manager, PowerShell-Features").is_empty());
        assert!(found("Get-wmiobject, PreGet-Item, get-Item").is_empty());
        assert!(found("Read-Only Domain Controller, Set-Up, Step-By-Step, Out-Of-Box").is_empty());
    }
}
