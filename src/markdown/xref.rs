//! DocFX cross references: a page registers `uid: x` in its front matter;
//! `<xref:x>`, `[text](xref:x#anchor)`, `<xref href="x"/>` and `@x` link
//! to it.

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

/// A DocFX xref tag: `<xref href="uid?text=Shown#anchor" displayProperty="name"/>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'h> {
    /// The `href` as written, which [`split`] reads once prefixed with `xref:`.
    pub href: &'h str,
    /// The `text` query parameter: what the link shows instead of the title.
    pub text: Option<String>,
    /// `<xref .../>`; otherwise `</xref>` follows.
    pub self_closing: bool,
    /// The `displayProperty` attribute, or the query parameter of `href`.
    pub display_property: Option<&'h str>,
}

/// The xref tag `html` is (an inline HTML event), if it is one.
pub fn tag(html: &str) -> Option<Tag<'_>> {
    let inside = html.trim().strip_prefix('<')?.strip_suffix('>')?;
    let name = inside.get(..4)?;
    let rest = inside.get(4..)?;
    if !name.eq_ignore_ascii_case("xref") || !rest.starts_with(|c: char| c.is_ascii_whitespace()) {
        return None;
    }
    let href = super::heading::attribute(rest, "href")?;
    let text = query_param(href, "text").map(|t| {
        percent_encoding::percent_decode_str(&t.replace('+', " "))
            .decode_utf8_lossy()
            .into_owned()
    });
    let display_property = super::heading::attribute(rest, "displayProperty")
        .or_else(|| query_param(href, "displayProperty"));
    Some(Tag {
        href,
        text,
        self_closing: rest.trim_end().ends_with('/'),
        display_property,
    })
}

/// The `displayProperty` query parameter of an `xref:` target
/// (`xref:System.String?displayProperty=fullName`): which name a link
/// shows.
pub fn display_property(target: &str) -> Option<&str> {
    query_param(target.strip_prefix("xref:")?, "displayProperty")
}

/// The query parameter `name` of `uid?a=b&c=d#anchor`, as written.
fn query_param<'a>(href: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = href.split('#').next().unwrap_or("").split_once('?')?;
    query.split('&').find_map(|pair| {
        pair.strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('='))
    })
}

/// The first segment and its dot (`System.`) of a uid that reads as an API
/// name: dotted, starting with a capital, as .NET and Windows APIs are.
pub fn api_namespace(uid: &str) -> Option<&str> {
    let dot = uid.find('.')?;
    let first = &uid[..dot];
    (first.starts_with(|c: char| c.is_ascii_uppercase())
        && first.chars().all(|c| c.is_ascii_alphanumeric()))
    .then(|| &uid[..=dot])
}

/// What an `xref:` target to an API no page of the site declares shows,
/// by its `displayProperty` as DocFX reads it: `name` (the default,
/// `Exception`), `nameWithType` (`String.Format`) or `fullName`
/// (`System.Exception`). Overloads (`Format*`) lose their `*`, generic
/// types their arity (`` List`1 ``), parameters their namespaces. None
/// for a uid that reads as no API name (`kms.overview`).
pub fn api_name(target: &str) -> Option<String> {
    let (uid, _) = split(target)?;
    api_namespace(&uid)?;
    let property = display_property(target);
    let uid = uid.trim_end_matches('*');
    let parts = segments(uid);
    let short = |segment: &str| -> String {
        let (name, params) = match segment.find('(') {
            Some(open) => (&segment[..open], Some(&segment[open..])),
            None => (segment, None),
        };
        let name = name.split('`').next().unwrap_or(name);
        match params {
            None => name.to_owned(),
            Some(params) => {
                let inner = params.trim_start_matches('(').trim_end_matches(')');
                let types: Vec<String> = inner
                    .split(',')
                    .filter(|t| !t.is_empty())
                    .map(|t| {
                        segments(t.trim())
                            .last()
                            .map_or(String::new(), |s| (*s).to_owned())
                    })
                    .collect();
                format!("{name}({})", types.join(", "))
            }
        }
    };
    let shown = match property {
        Some(p) if p.eq_ignore_ascii_case("fullName") => uid.to_owned(),
        Some(p) if p.eq_ignore_ascii_case("nameWithType") => parts
            .iter()
            .rev()
            .take(2)
            .rev()
            .map(|s| short(s))
            .collect::<Vec<_>>()
            .join("."),
        _ => parts.last().map(|s| short(s)).unwrap_or_default(),
    };
    (!shown.is_empty()).then_some(shown)
}

/// A uid cut at the dots outside its parameter list: `System.String.Format(System.String)`
/// is `System`, `String`, `Format(System.String)`.
fn segments(uid: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in uid.char_indices() {
        match c {
            '(' | '<' | '{' | '[' => depth += 1,
            ')' | '>' | '}' | ']' => depth = depth.saturating_sub(1),
            '.' if depth == 0 => {
                out.push(&uid[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&uid[start..]);
    out.retain(|s| !s.is_empty());
    out
}

/// Whether `html` is the `</xref>` that ends an xref tag.
pub fn is_end_tag(html: &str) -> bool {
    html.trim().eq_ignore_ascii_case("</xref>")
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

    #[test]
    fn names_apis_as_docfx_shows_them() {
        let name = |t: &str| api_name(t).unwrap_or_default();
        assert_eq!(name("xref:System.Exception"), "Exception");
        assert_eq!(
            name("xref:System.Exception?displayProperty=fullName"),
            "System.Exception"
        );
        assert_eq!(
            name("xref:System.String.Format*?displayProperty=nameWithType"),
            "String.Format"
        );
        assert_eq!(
            name(
                "xref:Microsoft.VisualStudio.VCProjectEngine.VCCLCompilerTool.ExceptionHandling%2A"
            ),
            "ExceptionHandling"
        );
        assert_eq!(
            name("xref:System.String.Format(System.String,System.Object)"),
            "Format(String, Object)"
        );
        assert_eq!(name("xref:System.Collections.Generic.List%601"), "List");
        assert_eq!(name("xref:"), "");
        assert_eq!(api_name("xref:kms.overview"), None);
        assert_eq!(api_name("https://example.com"), None);
    }

    #[test]
    fn reads_xref_tags() {
        assert_eq!(
            tag("<xref href=\"kms.overview?text=KMS+overview#dns\" displayProperty=\"name\"/>"),
            Some(Tag {
                href: "kms.overview?text=KMS+overview#dns",
                text: Some("KMS overview".into()),
                self_closing: true,
                display_property: Some("name"),
            })
        );
        assert_eq!(
            split(&format!("xref:{}", tag("<XREF href='a.b'>").unwrap().href)),
            Some(("a.b".into(), ""))
        );
        assert_eq!(tag("<xref href='a'>").map(|t| t.self_closing), Some(false));
        assert_eq!(tag("<xrefs href='a'/>"), None);
        assert_eq!(tag("<xref/>"), None);
        assert!(is_end_tag("</XREF>"));
    }
}
