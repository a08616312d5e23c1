//! YAML front matter between `---` lines, as DocFX and Jekyll write it.
//!
//! All keys are kept as they are, dotted Microsoft keys included
//! (`ms.date`, `ms.openlocfilehash`), so that templates, checks and the
//! drift report can read whatever a repository carries.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use serde_yaml::{Mapping, Value};

use crate::diagnostic::LineIndex;

/// A page's front matter.
///
/// Front matter made only of plain `key: value` lines (values strings or
/// one-line lists of strings, `no-loc: [SEH, try]`), as nearly every
/// page of a Microsoft repository has, is kept as where each key and value
/// lie in the file's text, which the page keeps anyway: the checks read two
/// or three keys of each page, and a serde_yaml `Mapping` of every page
/// (two strings and a SipHash-ed map entry per line, kept for the whole
/// run) was the cost of reading front matter, a twentieth of `check`.
/// Templates get the whole mapping, built when a page is rendered
/// ([`Meta::mapping`]). Anything else is read by serde_yaml at load, as
/// before.
///
/// Its methods take the text of the file it was read from
/// (`load::Source::meta_str` and `meta_mapping` pass it).
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Per line of flat front matter: the key's and the value's bytes in
    /// the file's text.
    lines: Vec<(Range<usize>, Range<usize>)>,
    /// Front matter serde_yaml read (empty for flat or no front matter).
    parsed: Mapping,
    /// Metadata the page's `docfx.json` gives it ([`crate::docfx_json`]),
    /// read for the keys its own front matter does not set.
    inherited: Option<Arc<Mapping>>,
}

impl Meta {
    /// Front matter read elsewhere: a landing page's `metadata`.
    pub fn from_mapping(parsed: Mapping) -> Meta {
        Meta {
            lines: Vec::new(),
            parsed,
            inherited: None,
        }
    }

    /// The same front matter over `inherited` metadata (a `docfx.json`'s):
    /// each key the front matter sets wins, as in DocFX.
    pub fn inheriting(self, inherited: Option<Arc<Mapping>>) -> Meta {
        Meta { inherited, ..self }
    }

    /// Whether the page's own front matter sets `key`.
    fn sets(&self, text: &str, key: &str) -> bool {
        if self.lines.is_empty() {
            self.parsed.contains_key(key)
        } else {
            self.flat_value(text, key).is_some()
        }
    }

    /// Where `key` is read from: `None` for the page's own front matter,
    /// else the inherited metadata that sets it.
    fn inherited_setting(&self, text: &str, key: &str) -> Option<&Mapping> {
        let inherited = self.inherited.as_deref()?;
        (inherited.contains_key(key) && !self.sets(text, key)).then_some(inherited)
    }

    /// The string value of `key`, if the front matter has one; `text` is
    /// the file's.
    pub fn get_str<'a>(&'a self, text: &'a str, key: &str) -> Option<&'a str> {
        if let Some(inherited) = self.inherited_setting(text, key) {
            return get_str(inherited, key);
        }
        if self.lines.is_empty() {
            return get_str(&self.parsed, key);
        }
        // A flow list (`[a, b]`) is no string, as serde_yaml reads it.
        self.flat_value(text, key).filter(|v| !v.starts_with('['))
    }

    /// The text of `key`'s value in flat front matter: a string's, or a
    /// whole one-line list with its brackets.
    fn flat_value<'a>(&'a self, text: &'a str, key: &str) -> Option<&'a str> {
        // Lengths first: the text of most pages is out of the cache by the
        // time rules ask, and most keys differ in length from the one asked.
        self.lines
            .iter()
            .find(|(k, _)| k.len() == key.len() && text.get(k.clone()) == Some(key))
            .and_then(|(_, v)| text.get(v.clone()))
    }

    /// The whole number the page's own front matter sets `key` to (Hugo's
    /// and Zola's `weight: 10`), written as a number or a string.
    pub fn own_integer(&self, text: &str, key: &str) -> Option<i64> {
        if self.lines.is_empty() {
            return match self.parsed.get(key)? {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            };
        }
        self.flat_value(text, key)?.trim().parse().ok()
    }

    /// Whether the page's own front matter sets `key` to `true`: a YAML
    /// boolean, or the word written as a string in any case, as Hugo
    /// reads `draft`.
    pub fn own_true(&self, text: &str, key: &str) -> bool {
        if self.lines.is_empty() {
            return match self.parsed.get(key) {
                Some(Value::Bool(b)) => *b,
                Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
                _ => false,
            };
        }
        self.flat_value(text, key)
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }

    /// The value of `key` in the page's own front matter, as serde_yaml
    /// reads it (a flat line's is a string, or a list of strings), for a
    /// rule that tells a value of the wrong kind.
    pub fn own_value(&self, text: &str, key: &str) -> Option<Value> {
        if self.inherited_setting(text, key).is_some() {
            return None;
        }
        if self.lines.is_empty() {
            return self.parsed.get(key).cloned();
        }
        let value = self.flat_value(text, key)?;
        Some(match flow_items(value) {
            Some(items) => Value::Sequence(items.into_iter().map(Value::from).collect()),
            None => Value::from(value),
        })
    }

    /// The string value of `key` in the page's own front matter only,
    /// not inherited: for what says something of the file itself.
    pub fn own_str<'a>(&'a self, text: &'a str, key: &str) -> Option<&'a str> {
        match self.inherited_setting(text, key) {
            Some(_) => None,
            None => self.get_str(text, key),
        }
    }

    /// The values of list `key`, written as DocFX metadata lists are:
    /// `a, b`, `[a, b]` or a YAML list; `None` when the key is absent.
    pub fn get_list<'a>(&'a self, text: &'a str, key: &str) -> Option<Vec<&'a str>> {
        let split = |value: &'a str| -> Vec<&'a str> {
            value
                .trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .split(',')
                .map(|item| item.trim().trim_matches(['"', '\'']).trim())
                .filter(|item| !item.is_empty())
                .collect()
        };
        let mapping = match self.inherited_setting(text, key) {
            Some(inherited) => inherited,
            None if !self.lines.is_empty() => {
                return self
                    .flat_value(text, key)
                    .map(|value| flow_items(value).unwrap_or_else(|| split(value)));
            }
            None => &self.parsed,
        };
        if let Some(value) = get_str(mapping, key) {
            return Some(split(value));
        }
        let items = mapping.get(key)?.as_sequence()?;
        Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .collect(),
        )
    }

    /// The values of list `key` in the page's own front matter only
    /// ([`Meta::get_list`]), not inherited.
    pub fn own_list<'a>(&'a self, text: &'a str, key: &str) -> Option<Vec<&'a str>> {
        match self.inherited_setting(text, key) {
            Some(_) => None,
            None => self.get_list(text, key),
        }
    }

    /// The whole front matter as serde_yaml would read it: keys in order,
    /// dotted keys included; `text` is the file's.
    pub fn mapping(&self, text: &str) -> Cow<'_, Mapping> {
        let own = self.own_mapping(text);
        let Some(inherited) = self.inherited.as_deref() else {
            return own;
        };
        let mut merged = own.into_owned();
        for (key, value) in inherited {
            if !merged.contains_key(key) {
                merged.insert(key.clone(), value.clone());
            }
        }
        Cow::Owned(merged)
    }

    /// The page's own front matter as a mapping.
    fn own_mapping(&self, text: &str) -> Cow<'_, Mapping> {
        if self.lines.is_empty() {
            return Cow::Borrowed(&self.parsed);
        }
        let string = |range: &Range<usize>| {
            Value::String(text.get(range.clone()).unwrap_or_default().to_owned())
        };
        let value = |range: &Range<usize>| {
            let written = text.get(range.clone()).unwrap_or_default();
            match flow_items(written) {
                Some(items) => Value::Sequence(
                    items
                        .into_iter()
                        .map(|item| Value::String(item.to_owned()))
                        .collect(),
                ),
                None => string(range),
            }
        };
        Cow::Owned(
            self.lines
                .iter()
                .map(|(k, v)| (string(k), value(v)))
                .collect(),
        )
    }
}

/// Where the front matter and the Markdown body lie in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML between the fences, if there is front matter.
    pub yaml: Option<std::ops::Range<usize>>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

/// A front matter problem, positioned in the whole file (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Finds the front matter fences. A file that opens with `---` but never
/// closes it is an error: guessing would swallow the whole article.
pub fn split(text: &str) -> Result<Split, FrontMatterError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let Some(after_open) = strip_fence(rest, "---") else {
        return Ok(Split {
            yaml: None,
            body_start: start,
        });
    };
    let yaml_start = start + (rest.len() - after_open.len());
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split {
                yaml: Some(yaml_start..offset),
                body_start: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(FrontMatterError {
        line: 1,
        column: 1,
        message: "front matter opened with `---` is never closed".to_owned(),
    })
}

/// `text` after a first line that is exactly `fence`, or `None`.
fn strip_fence<'a>(text: &'a str, fence: &str) -> Option<&'a str> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    (text[..line_end].trim_end() == fence).then(|| &text[line_end..])
}

/// Reads the YAML of `split`; no front matter is an empty one.
pub fn parse(text: &str, split: &Split) -> Result<Meta, FrontMatterError> {
    let Some(range) = split.yaml.clone() else {
        return Ok(Meta::default());
    };
    let yaml = &text[range.clone()];
    if let Some(lines) = flat(yaml) {
        let in_file = |r: Range<usize>| range.start + r.start..range.start + r.end;
        return Ok(Meta {
            lines: lines
                .into_iter()
                .map(|(k, v)| (in_file(k), in_file(v)))
                .collect(),
            ..Meta::default()
        });
    }
    let parsed = |parsed| Meta {
        parsed,
        ..Meta::default()
    };
    let first_line = || LineIndex::new(text).position(range.start).0;
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Mapping(map)) => Ok(parsed(map)),
        Ok(Value::Null) => Ok(parsed(Mapping::new())),
        Ok(_) => Err(FrontMatterError {
            line: first_line(),
            column: 1,
            message: "front matter is not a mapping of `key: value` lines".to_owned(),
        }),
        Err(e) => {
            let (line, column) = e.location().map_or((0, 1), |l| (l.line() - 1, l.column()));
            // serde_yaml's message repeats the position; keep only what is wrong.
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            if let Some(error) = duplicate_key(yaml, &message, first_line()) {
                return Err(error);
            }
            Err(FrontMatterError {
                line: first_line() + line,
                column,
                message,
            })
        }
    }
}

/// serde_yaml's `duplicate entry with key "ms.date"`, told on the line
/// that sets the key again (serde_yaml points at the mapping's start, the
/// first line) with the line that set it first: a top-level key of
/// `yaml`, whose first line is line `first` of the file. `None` for
/// another error, or a key set twice deeper in.
fn duplicate_key(yaml: &str, message: &str, first: usize) -> Option<FrontMatterError> {
    let key = message
        .strip_prefix("duplicate entry with key \"")?
        .strip_suffix('"')?;
    let lines: Vec<usize> = yaml
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.strip_prefix(key).unwrap_or_default();
            line.starts_with(':') && !line.starts_with("::")
        })
        .map(|(i, _)| first + i)
        .collect();
    let (&again, earlier) = lines.get(1..)?.first().zip(lines.first())?;
    Some(FrontMatterError {
        line: again,
        column: 1,
        message: format!(
            "`{key}` is set again here, after line {earlier}, and YAML allows a key once: keep one of the two lines"
        ),
    })
}

/// Where the keys and values of front matter made only of `key: value`
/// lines whose values are strings beyond doubt lie in `yaml`, line by
/// line, or `None` for serde_yaml to read.
fn flat(yaml: &str) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    let mut lines: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    // Where a slice of `yaml` starts in it.
    let at = |part: &str| part.as_ptr() as usize - yaml.as_ptr() as usize;
    for line in yaml.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let colon = find_pair(line, b": ")?;
        let (key, value) = (&line[..colon], &line[colon + 2..]);
        if !is_plain_key(key) {
            return None;
        }
        let value = value.trim_start();
        // A one-line list of strings (`no-loc: [SEH, "Blazor Server"]`, as
        // Microsoft's repositories write them) is kept whole.
        let value = match flow_items(value) {
            Some(_) => value,
            // A quoted string that starts with `[` would read as a list.
            None => scalar(value).filter(|v| !v.starts_with('['))?,
        };
        if lines.iter().any(|(k, _)| &yaml[k.clone()] == key) {
            return None; // duplicate key: serde_yaml's error says which
        }
        lines.push((
            at(key)..at(key) + key.len(),
            at(value)..at(value) + value.len(),
        ));
    }
    Some(lines)
}

/// The strings of a one-line flow list, `[a, "b c"]`, when YAML could read
/// its items as nothing else; `None` for anything else (not a list, an
/// item that is a number, a nested list, a quoted comma, a comment after).
fn flow_items(value: &str) -> Option<Vec<&str>> {
    let inner = value.strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    inner
        .split(',')
        .map(|item| {
            let item = item.trim();
            let plain = !item.starts_with(['"', '\'']);
            if plain && item.contains(['[', ']', '{', '}']) {
                return None;
            }
            scalar(item)
        })
        .collect()
}

/// `ms.date`, `title`, `ms.openlocfilehash`: a key that is a plain string.
fn is_plain_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        && !is_yaml_keyword(key)
}

/// The string a one-line value stands for, when YAML could read it as
/// nothing else: quoted without escapes, or plain text that cannot be a
/// number, boolean or null and holds no comment, mapping or indicator.
fn scalar(value: &str) -> Option<&str> {
    let ascii_control = value.bytes().any(|b| b < b' ' || b == 0x7f);
    if ascii_control
        || !value.is_ascii()
            && value
                .chars()
                .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
    {
        return None;
    }
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote) {
            let inner = inner.strip_suffix(quote)?;
            return (!inner.contains(quote) && !inner.contains('\\')).then_some(inner);
        }
    }
    let first = value.chars().next()?;
    if "-?:,[]{}#&*!|>%@`~".contains(first)
        || find_pair(value, b" #").is_some()
        || find_pair(value, b": ").is_some()
        || value.ends_with(':')
        || is_yaml_keyword(value)
    {
        return None;
    }
    // What could be a number: `12`, `1_000`, `.5`, `-1e5`, `0x1F`, `0o17`.
    // A hash such as `50c5...` or a date such as `9/18/2019` cannot.
    let unsigned = value.trim_start_matches(['+', '-']);
    let maybe_number = is_yaml_keyword(unsigned.trim_start_matches('.')) // `.inf`, `.NaN`
        || unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && (["0x", "0o", "0b"]
            .iter()
            .any(|p| unsigned.get(..2).is_some_and(|s| s.eq_ignore_ascii_case(p)))
            || unsigned.bytes().all(|b| {
                b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'e' | b'E' | b'+' | b'-')
            }));
    (!maybe_number).then_some(value)
}

/// Where the two bytes `pair` first occur in `text`: `str::find` sets up
/// a substring searcher each time, which cost more than the search on
/// these short lines.
fn find_pair(text: &str, pair: &[u8; 2]) -> Option<usize> {
    text.as_bytes().windows(2).position(|w| w == pair)
}

/// Words YAML reads as null, a boolean or a special float, in any case.
fn is_yaml_keyword(word: &str) -> bool {
    if word.len() > "infinity".len() {
        return false;
    }
    const KEYWORDS: &[&str] = &[
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "inf", "infinity", "nan",
    ];
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// A string value of the front matter, if the key holds one.
fn get_str<'a>(meta: &'a Mapping, key: &str) -> Option<&'a str> {
    meta.get(key).and_then(Value::as_str)
}

/// A front matter date as (year, month, day): `9/18/2019`, month first
/// as Microsoft's pipeline writes `ms.date` and `ms.lasthandoff`, or ISO
/// `2019-09-18`. `None` for anything else (`18/9/2019`, `soon`), which
/// callers leave out rather than guess.
pub fn date(text: &str) -> Option<(u32, u32, u32)> {
    let text = text.trim();
    let numbers: Vec<u32> = text
        .split(['/', '-'])
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let (year, month, day) = match numbers[..] {
        [m, d, y] if text.contains('/') => (y, m, d),
        [y, m, d] if text.contains('-') => (y, m, d),
        _ => return None,
    };
    ((1000..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_keys_win_over_inherited_ones_in_both_forms() {
        let inherited: Mapping = serde_yaml::from_str(
            "title: Docset\nms.topic: article\nno-loc: [SEH, try]\nROBOTS: NOINDEX\n",
        )
        .expect("yaml");
        let inherited = Some(Arc::new(inherited));
        let flat = "---\ntitle: Page\nno-loc: [catch]\n---\nbody\n";
        let nested = "---\ntitle: Page\nno-loc:\n  - catch\nextra:\n  a: 1\n---\nbody\n";
        for text in [flat, nested] {
            let meta = parse(text, &split(text).expect("split"))
                .expect("front matter")
                .inheriting(inherited.clone());
            assert_eq!(meta.get_str(text, "title"), Some("Page"), "{text}");
            assert_eq!(meta.get_str(text, "ms.topic"), Some("article"));
            assert_eq!(meta.own_str(text, "ms.topic"), None);
            assert_eq!(meta.own_str(text, "title"), Some("Page"));
            assert_eq!(meta.get_list(text, "no-loc"), Some(vec!["catch"]));
            assert_eq!(meta.get_str(text, "missing"), None);
            let mapping = meta.mapping(text);
            assert_eq!(get_str(&mapping, "title"), Some("Page"));
            assert_eq!(get_str(&mapping, "ROBOTS"), Some("NOINDEX"));
        }
        let bare = Meta::default().inheriting(inherited);
        assert_eq!(bare.get_list("", "no-loc"), Some(vec!["SEH", "try"]));
    }

    /// `draft` and `weight` read alike from flat front matter (quoted
    /// values only: a bare `true` or `10` is no string beyond doubt) and
    /// from what serde_yaml reads (a nested list makes it so).
    #[test]
    fn flags_and_numbers_read_alike_in_both_forms() {
        let read = |front: &str, nested: bool| {
            let extra = if nested { "tags: [a, {b: c}]\n" } else { "" };
            let text = format!("---\ntitle: T\n{extra}{front}\n---\n# B\n");
            let meta = parse(&text, &split(&text).expect("split")).expect("front matter");
            let flat = !meta.lines.is_empty();
            (
                meta.own_true(&text, "draft"),
                meta.own_integer(&text, "weight"),
                flat,
            )
        };
        for nested in [false, true] {
            let quoted = !nested;
            assert_eq!(
                read("draft: true\nweight: 10", nested),
                (true, Some(10), false)
            );
            assert_eq!(
                read("draft: \"true\"\nweight: \"-3\"", nested),
                (true, Some(-3), quoted)
            );
            assert_eq!(
                read("draft: false\nweight: 1.5", nested),
                (false, None, false)
            );
            assert_eq!(
                read("draft: \"yes\"\nweight: ten", nested),
                (false, None, quoted)
            );
            assert_eq!(read("other: \"1\"", nested), (false, None, quoted));
        }
    }

    #[test]
    fn lists_read_as_docfx_writes_them() {
        let list = |front: &str| {
            let text = format!("---\n{front}\ntitle: T\n---\n# B\n");
            let s = split(&text).unwrap();
            let meta = parse(&text, &s).unwrap();
            meta.get_list(&text, "zone_pivot_groups")
                .map(|l| l.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(
            list("zone_pivot_groups: os, lang"),
            Some(vec!["os".into(), "lang".into()])
        );
        assert_eq!(
            list("zone_pivot_groups: [os, 'lang']"),
            Some(vec!["os".into(), "lang".into()])
        );
        assert_eq!(
            list("zone_pivot_groups:\n  - os\n  - lang"),
            Some(vec!["os".into(), "lang".into()])
        );
        assert_eq!(list("other: x"), None);
    }

    #[test]
    fn dates_read_month_first_or_iso() {
        assert_eq!(date("9/18/2019"), Some((2019, 9, 18)));
        assert_eq!(date(" 04/23/2020 "), Some((2020, 4, 23)));
        assert_eq!(date("2020-04-08"), Some((2020, 4, 8)));
        assert_eq!(date("23/04/2020"), None);
        assert_eq!(date("2019-09-18T10:00"), None);
        assert_eq!(date("1/2/19"), None);
        assert_eq!(date("soon"), None);
    }

    #[test]
    fn splits_and_parses_dotted_keys() {
        let text = "---\ntitle: Hola\nms.date: 9/18/2019\n---\n# Body\n";
        let s = split(text).unwrap();
        assert_eq!(&text[s.body_start..], "# Body\n");
        let meta = parse(text, &s).unwrap();
        assert_eq!(meta.get_str(text, "ms.date"), Some("9/18/2019"));
        assert_eq!(meta.get_str(text, "title"), Some("Hola"));
        assert_eq!(meta.get_str(text, "ms"), None);
    }

    /// The flat path's mapping, if it takes `yaml`; every key's string
    /// value must read the same through [`Meta::get_str`].
    fn flat_mapping(yaml: &str) -> Option<Mapping> {
        let meta = Meta {
            lines: flat(yaml)?,
            ..Meta::default()
        };
        let mapping = meta.mapping(yaml).into_owned();
        for (key, value) in &mapping {
            let key = key.as_str().unwrap();
            assert_eq!(meta.get_str(yaml, key), get_str(&mapping, key), "{key}");
            if let Some(items) = value.as_sequence() {
                let items: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
                assert_eq!(meta.get_list(yaml, key), Some(items), "{key}");
            }
        }
        Some(mapping)
    }

    /// The fast path gives exactly what serde_yaml gives, or steps aside.
    #[test]
    fn flat_front_matter_reads_as_serde_yaml_does() {
        let fast = [
            "title: Resolver códigos de error\nms.date: 9/18/2019\nms.author: kaushika-msft; v-tea\n",
            "ms.openlocfilehash: 50c50353316db4288f01893125ecd651db63cbb7\nms.topic: article\r\n",
            "title: \"Quoted: with colon\"\ndescription: 'single # not a comment'\n",
            "# a comment\n\nurl: https://example.org/a?b=c\nname: a-b_c.d\nframework: .NET\n",
            "date: 2019/09/18\nversion: 1 2\nhash: 50c50353316db4288f\n",
            "no-loc: [Home, \"ASP.NET Core Identity\", \"Let's Encrypt\", C++, appsettings.json]\n",
            "tags: [a, b]\nempty: []\nspaced: [ a ,b ]\n",
        ];
        for yaml in fast {
            let expected: Mapping = serde_yaml::from_str(yaml).unwrap();
            assert_eq!(flat_mapping(yaml), Some(expected), "{yaml:?}");
        }
        let slow = [
            "count: 12\n",
            "ratio: .5\n",
            "hex: 0x1F\n",
            "date: 2019-09-18\n",
            "big: 1e5\n",
            "negative: -12\n",
            "octal: 0o17\n",
            "under: 1_000\n",
            "infinite: .inf\n",
            "undefined: .NaN\n",
            "plus: +.Inf\n",
            "flag: true\n",
            "flag: No\n",
            "empty:\n",
            "nothing: ~\n",
            "list:\n  - a\n",
            "tags: [a, [b]]\n",
            "tags: [1, 2]\n",
            "tags: [a, true]\n",
            "tags: [a, b,]\n",
            "tags: [a] # comment\n",
            "tags: [\"a, b\"]\n",
            "tags: [a: b]\n",
            "tags: [a {b}]\n",
            "tags: ['it''s']\n",
            "title: \"[Preview] Feature\"\n",
            "text: |\n  block\n",
            "title: a # comment\n",
            "title: \"esc\\\"aped\"\n",
            "title: 'it''s'\n",
            "a: x\na: y\n",
            "anchor: &x v\n",
            "nested: a: b\n",
            "true: key\n",
            "12: numeric key\n",
        ];
        for yaml in slow {
            assert_eq!(flat(yaml), None, "{yaml:?} must go to serde_yaml");
        }
    }

    #[test]
    fn the_seed_front_matter_takes_the_fast_path() {
        for seed in [
            include_str!("../content/es-es/get-started/activation-error-codes.md"),
            include_str!("../content/it-it/get-started/activation-error-codes.md"),
        ] {
            let range = split(seed).unwrap().yaml.unwrap();
            let expected: Mapping = serde_yaml::from_str(&seed[range.clone()]).unwrap();
            assert_eq!(flat_mapping(&seed[range]), Some(expected));
        }
    }

    #[test]
    fn no_front_matter_means_body_from_the_start() {
        let s = split("# Title\n---\n").unwrap();
        assert_eq!(
            s,
            Split {
                yaml: None,
                body_start: 0
            }
        );
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let text = "---\ntitle: ok\nbad: [unclosed\n---\nbody\n";
        let err = parse(text, &split(text).unwrap()).unwrap_err();
        assert!(err.line >= 3, "{err:?}");
        assert!(!err.message.contains("at line"), "{err:?}");
    }

    #[test]
    fn a_key_set_twice_is_shown_where_it_is_set_again() {
        // As the real en-us "HRESULT Values" of the debugger docs does.
        let text = "---\ntitle: HRESULT Values\nms.date: 12/07/2017\nkeywords: [\"HRESULT\"]\nms.date: 10/30/2017\n---\n# HRESULT Values\n";
        let err = parse(text, &split(text).unwrap()).unwrap_err();
        assert_eq!((err.line, err.column), (5, 1));
        assert_eq!(
            err.message,
            "`ms.date` is set again here, after line 3, and YAML allows a key once: keep one of the two lines"
        );
        // A nested key set twice keeps serde_yaml's own words and place.
        let text = "---\nms:\n  date: 1\n  date: 2\n---\n";
        let err = parse(text, &split(text).unwrap()).unwrap_err();
        assert_eq!(err.message, "ms: duplicate entry with key \"date\"");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert_eq!(split("---\ntitle: x\n# Body\n").unwrap_err().line, 1);
    }
}
