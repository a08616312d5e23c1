//! `invalid-front-matter-value`: a front matter key polydoc acts on, set
//! to a value of a kind it cannot read, which would otherwise be ignored
//! in silence. The costly one is `draft: yes`: YAML 1.2 (serde_yaml, and
//! Hugo's reader) reads `yes` as text, not true, so the draft is
//! published. `weight: first` leaves the page ordered by name.
//!
//! Only the page's own front matter is read: a `docfx.json` value is not
//! the page's to fix. YAML's booleans (`true`, `True`, `TRUE`) and the
//! words written as strings in any case are what `draft` takes, a whole
//! number (or one written as a string) what `weight` takes, as
//! [`crate::frontmatter::Meta::own_true`] and `own_integer` read them.

use serde_yaml::Value;

use super::Context;
use crate::diagnostic::Finding;

/// The keys read, and what each takes when its value is of another kind:
/// the message's end and the help.
const KEYS: [(&str, &str, &str); 2] = [
    (
        "draft",
        "is neither true nor false, so the page is published as if it said `draft: false`",
        "write `draft: true` to leave the page out until it is ready, or remove the line",
    ),
    (
        "weight",
        "is no whole number, so the navigation orders the page by its name, after the weighted ones",
        "write a whole number, lighter first (`weight: 10`), or remove the line",
    ),
];

pub fn check(cx: &Context) -> Vec<Finding> {
    cx.per_page(|p, page| {
        let source = &page.source;
        let mut out = Vec::new();
        for (key, what, help) in KEYS {
            let Some(value) = source.meta.own_value(&source.text, key) else {
                continue;
            };
            if readable(key, &value) {
                continue;
            }
            let start = source.meta_key_offset(key);
            let front = source.text.get(..source.body_start).unwrap_or_default();
            let line = front.get(start..).and_then(|rest| rest.lines().next());
            // The value as the line writes it, else the key.
            let (written, at) = match line
                .and_then(|l| l.split_once(':'))
                .map(|(k, v)| (k.len() + 1, v.trim()))
                .filter(|(_, v)| !v.is_empty())
            {
                Some((after, v)) => {
                    let column = line.and_then(|l| l[after..].find(v)).unwrap_or(0) + after;
                    (v, start + column..start + column + v.len())
                }
                None => ("…", start..start + key.len()),
            };
            out.push(
                Finding::warning(
                    "invalid-front-matter-value",
                    cx.location(p, at),
                    format!("`{key}: {written}` {what}"),
                )
                .with_help(help),
            );
        }
        out
    })
}

/// Whether `value` is one `key` takes.
fn readable(key: &str, value: &Value) -> bool {
    match (key, value) {
        ("draft", Value::Bool(_)) => true,
        ("draft", Value::String(s)) => {
            s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false")
        }
        ("weight", Value::Number(n)) => n.as_i64().is_some(),
        ("weight", Value::String(s)) => s.trim().parse::<i64>().is_ok(),
        // `draft:` or `weight:` with nothing after it: YAML's null, unset.
        (_, Value::Null) => true,
        _ => false,
    }
}
