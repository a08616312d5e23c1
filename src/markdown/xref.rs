//! DocFX cross references: a page registers `uid: x` in its front matter;
//! `<xref:x>`, `[text](xref:x#anchor)` and `@x` link to it.

/// The uid and the rest (`#anchor`, `?displayProperty=...`) of an `xref:` link target.
pub fn split(target: &str) -> Option<(String, &str)> {
    let rest = target.strip_prefix("xref:")?;
    let end = rest.find(['#', '?']).unwrap_or(rest.len());
    let uid = percent_encoding::percent_decode_str(&rest[..end])
        .decode_utf8_lossy()
        .into_owned();
    let fragment = rest[end..].find('#').map_or("", |i| &rest[end + i..]);
    Some((uid, fragment))
}

/// The `@uid` mentions in `text`: (byte offset of `@`, uid). A mention
/// starts a word and its uid starts with a letter; a trailing `.` or `,`
/// ends the sentence, not the uid. E-mail addresses are no mentions.
pub fn mentions(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '@') {
            continue;
        }
        let rest = &text[at + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || "._-`~#*:()".contains(c)))
            .unwrap_or(rest.len());
        let uid = rest[..end].trim_end_matches(['.', ',', ':', ')', '(']);
        if !uid.is_empty() {
            found.push((at, uid));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_targets_and_finds_mentions() {
        assert_eq!(
            split("xref:System.String#methods"),
            Some(("System.String".into(), "#methods"))
        );
        assert_eq!(
            split("xref:a%60b?displayProperty=fullName"),
            Some(("a`b".into(), ""))
        );
        assert_eq!(
            mentions("See @kms.overview. Mail me@example.com."),
            vec![(4, "kms.overview")]
        );
    }
}
