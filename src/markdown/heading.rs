//! Heading ids, as DocFX assigns them.
//!
//! Localized Microsoft repositories write `### <a name="x"></a>Texto`: the
//! translation pipeline keeps the English anchor so that links survive
//! translation. DocFX turns that into `<h3 id="x">Texto</h3>`, and so do we.
//! Headings without one get markdig's GitHub-style slug of their text.

use rustc_hash::FxHashMap;

/// The `name` or `id` of an HTML `<a ...>` opening tag, if `html` is one.
pub fn anchor_name(html: &str) -> Option<&str> {
    let rest = a_attributes(html.trim().strip_prefix('<')?)?;
    attribute(rest, "name").or_else(|| attribute(rest, "id"))
}

/// The attributes of an `<a ...>` tag, given what follows its `<`; `None`
/// for any other tag (`<abbr>`, `<a>` without attributes).
pub fn a_attributes(inside: &str) -> Option<&str> {
    inside
        .strip_prefix(['a', 'A'])
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_whitespace()))
}

/// The value of attribute `name` (lower case) in the inside of a tag,
/// quoted either way; attribute names are matched in any case, as HTML
/// does (`<A NAME="x">`).
pub fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let bytes = tag.as_bytes();
    let &first = name.as_bytes().first()?;
    let mut from = 0;
    // A byte loop, not `str::find`: tags are short, and setting up a
    // substring searcher for each was most of the cost of reading them.
    while let Some(pos) = bytes[from..]
        .iter()
        .position(|&b| b.to_ascii_lowercase() == first)
    {
        let start = from + pos;
        from = start + 1;
        if !bytes[start..]
            .get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        {
            continue;
        }
        from = start + name.len();
        let boundary = start == 0 || bytes[start - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !boundary || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let quote = rest.chars().next()?;
        if quote == '"' || quote == '\'' {
            let value = &rest[1..];
            return value.find(quote).map(|end| &value[..end]);
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        return Some(&rest[..end]);
    }
    None
}

/// markdig's GitHub-style identifier: letters and digits lower-cased,
/// `-` and `_` kept, spaces become `-`, everything else dropped.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

/// Hands out automatic ids, unique on the page: a repeated slug gets `-1`,
/// `-2`, ... as on GitHub. Explicit ids are recorded but never renamed:
/// a duplicate explicit id is the author's to fix, and a check reports it.
#[derive(Default)]
pub struct IdAllocator {
    used: FxHashMap<String, usize>,
    /// Per slug, the last suffix it was given: the next repeat starts
    /// there, since the ids below it stay taken. Trying `-1`, `-2`, ...
    /// from the start each time made a page of 8,000 headings named alike
    /// take seconds.
    suffixes: FxHashMap<String, usize>,
}

impl IdAllocator {
    pub fn explicit(&mut self, id: &str) {
        match self.used.get_mut(id) {
            Some(count) => *count += 1,
            None => {
                self.used.insert(id.to_owned(), 1);
            }
        }
    }

    pub fn automatic(&mut self, text: &str) -> String {
        let base = match slug(text) {
            s if s.is_empty() => "section".to_owned(),
            s => s,
        };
        if !self.used.contains_key(&base) {
            self.used.insert(base.clone(), 1);
            return base;
        }
        let mut n = self.suffixes.get(&base).copied().unwrap_or(0);
        let candidate = loop {
            n += 1;
            let candidate = format!("{base}-{n}");
            if !self.used.contains_key(&candidate) {
                break candidate;
            }
        };
        self.suffixes.insert(base, n);
        self.used.insert(candidate.clone(), 1);
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_anchor_names() {
        assert_eq!(
            anchor_name(r#"<a name="possible-cause">"#),
            Some("possible-cause")
        );
        assert_eq!(anchor_name("<a id='x' >"), Some("x"));
        assert_eq!(anchor_name(r#"<a data-name="y" name="z">"#), Some("z"));
        assert_eq!(anchor_name(r##"<a href="#x">"##), None);
        assert_eq!(anchor_name(r#"<abbr name="x">"#), None);
        assert_eq!(anchor_name(r#"<A NAME="Upper">"#), Some("Upper"));
        assert_eq!(attribute(r#" Href="a.md" x"#, "href"), Some("a.md"));
        assert_eq!(attribute(r#" hre"#, "href"), None);
    }

    #[test]
    fn slugs_like_github() {
        assert_eq!(
            slug("0x8007232B: el nombre DNS no existe"),
            "0x8007232b-el-nombre-dns-no-existe"
        );
        assert_eq!(slug("Causa posible"), "causa-posible");
        assert_eq!(slug("C# & .NET_core"), "c--net_core");
        assert_eq!(slug("Activación de volumen"), "activación-de-volumen");
    }

    #[test]
    fn automatic_ids_are_unique_and_explicit_ones_are_kept() {
        let mut ids = IdAllocator::default();
        ids.explicit("resolution");
        assert_eq!(ids.automatic("Resolution"), "resolution-1");
        assert_eq!(ids.automatic("Resolution"), "resolution-2");
        assert_eq!(ids.automatic("¿?"), "section");
    }

    #[test]
    fn a_repeated_slug_skips_the_ids_taken_since() {
        let mut ids = IdAllocator::default();
        ids.explicit("a-2");
        let mut given: Vec<String> = (0..3).map(|_| ids.automatic("A")).collect();
        given.push(ids.automatic("a 4"));
        given.push(ids.automatic("A"));
        ids.explicit("a-6");
        given.push(ids.automatic("A"));
        given.push(ids.automatic("a-1"));
        assert_eq!(given, ["a", "a-1", "a-3", "a-4", "a-5", "a-7", "a-1-1"]);
    }
}
