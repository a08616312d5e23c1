//! DocFX's newer API page schema: `### YamlMime:ApiPage`, what
//! `docfx metadata` writes with `"outputFormat": "apiPage"`, and what
//! other generators (PowerShell, REST, other languages) can write, since
//! it describes the page rather than the API: a `title`, a `languageId`,
//! `metadata`, and a `body` of blocks.
//!
//! Blocks, by their one key: `h1`..`h6` (a heading, `id` optional);
//! `api1`..`api4` (an API's heading: `id`, `metadata.uid`, `src` for
//! "view source", `deprecated` and `preview` as `true` or a message);
//! `markdown`; `facts` (`name` and `value` pairs); `list` and
//! `inheritance` (inline values); `code` (`languageId` optional);
//! `parameters` (`name`, `type`, `default`, `description` as Markdown,
//! `optional`, `deprecated`, `preview`). An inline value is a text, a
//! link (`text`, `url`) or a list of them; `docfx metadata` writes its
//! links to the other API pages as their output files (`MyLib.Foo.html`,
//! `MyLib.Foo.html#MyLib_Foo_Bar`), which is where polydoc writes them
//! too, so they are kept as written, and checked as links to those
//! pages' sources ([`link_target`]).
//!
//! Every `apiN` block with a uid declares it, as a ManagedReference
//! item's is ([`super::api::Declared`]): the first lands on the page, the
//! others on their headings. A block the schema does not know renders
//! nothing rather than failing the page.

use std::fmt::Write;

use serde_yaml::{Mapping, Value};

use super::api::{Declared, html_id};
use super::field;
use crate::markdown::RenderContext;
use crate::markdown::highlight::escape;
use crate::markdown::links::is_absolute;
use crate::xref_map::Spec;

/// The body's blocks.
fn blocks(root: &Mapping) -> &[Value] {
    root.get("body")
        .and_then(Value::as_sequence)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// A heading block's level and text: `h2: Methods` or `api3: Bar(int)`,
/// and whether it is an API's.
fn heading(block: &Mapping) -> Option<(u8, &str, bool)> {
    const KEYS: [(&str, u8, bool); 10] = [
        ("h1", 1, false),
        ("h2", 2, false),
        ("h3", 3, false),
        ("h4", 4, false),
        ("h5", 5, false),
        ("h6", 6, false),
        ("api1", 1, true),
        ("api2", 2, true),
        ("api3", 3, true),
        ("api4", 4, true),
    ];
    KEYS.iter()
        .find_map(|&(key, level, api)| Some((level, field(block, key)?, api)))
}

/// The uid an API heading names (`metadata.uid`).
fn uid(block: &Mapping) -> Option<&str> {
    field(block.get("metadata")?.as_mapping()?, "uid")
}

/// The id a heading block renders with: its own, else an API's uid made
/// an id as DocFX writes it, else the slug of its text.
fn id(block: &Mapping, text: &str) -> String {
    match (field(block, "id"), uid(block)) {
        (Some(id), _) => id.to_owned(),
        (None, Some(uid)) => html_id(uid),
        (None, None) => crate::markdown::heading::slug(text),
    }
}

/// A heading block as the page shows it.
struct Heading<'v> {
    block: &'v Mapping,
    level: u8,
    text: &'v str,
    /// An `apiN` block's.
    api: bool,
    /// [`id`]'s, an automatic one made unique as Markdown's are
    /// (`parameters`, `parameters-1`): DocFX's generator writes a
    /// `Parameters` heading under every method, and the same id twice
    /// would be a `duplicate-anchor` nobody can fix.
    id: String,
    /// The first `h1` or `api1`: the page's title, not a section.
    title: bool,
}

/// The page's headings, in order.
fn headings(root: &Mapping) -> Vec<Heading<'_>> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Heading> = Vec::new();
    let mut titled = false;
    for block in blocks(root).iter().filter_map(Value::as_mapping) {
        let Some((level, text, api)) = heading(block) else {
            continue;
        };
        let mut id = id(block, text);
        let automatic = field(block, "id").is_none() && uid(block).is_none();
        if automatic {
            let base = id.clone();
            let mut n = 0;
            while seen.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
        }
        seen.insert(id.clone());
        let title = level == 1 && !titled;
        titled |= title;
        out.push(Heading {
            block,
            level,
            text,
            api,
            id,
            title,
        });
    }
    out
}

/// The API's name in an `api1` title: `Foo` of `Class Foo`, as DocFX
/// titles a type's page by its kind and name.
fn api_name(title: &str) -> &str {
    const KINDS: &[&str] = &[
        "Class ",
        "Struct ",
        "Interface ",
        "Enum ",
        "Delegate ",
        "Namespace ",
        "Constructor ",
        "Field ",
        "Property ",
        "Method ",
        "Event ",
        "Operator ",
    ];
    KINDS
        .iter()
        .find_map(|kind| title.strip_prefix(kind))
        .unwrap_or(title)
}

/// The uids the page declares, the first landing on the page itself.
pub fn declared(root: &Mapping) -> Vec<Declared> {
    let mut out: Vec<Declared> = Vec::new();
    for heading in headings(root).into_iter().filter(|h| h.api) {
        let Some(uid) = uid(heading.block) else {
            continue;
        };
        let first = out.is_empty();
        out.push(Declared {
            uid: uid.to_owned(),
            id: if first { String::new() } else { heading.id },
            spec: Spec {
                href: None,
                name: Some(
                    if first {
                        api_name(heading.text)
                    } else {
                        heading.text
                    }
                    .to_owned(),
                ),
                full_name: None,
                name_with_type: None,
            },
        });
    }
    out
}

/// The headings of the page but its title: level, id and text, in order.
pub fn outline(root: &Mapping) -> Vec<(u8, String, String)> {
    headings(root)
        .into_iter()
        .filter(|h| !h.title)
        .map(|h| (h.level, h.id, h.text.to_owned()))
        .collect()
}

/// What a link of the page names for the checks: a relative `.html` URL
/// is an API page's output file, whose source is the `.yml` of its stem.
pub fn link_target(url: &str) -> String {
    if is_absolute(url) || url.starts_with('/') || url.starts_with('#') {
        return url.to_owned();
    }
    let (path, rest) = crate::markdown::links::split_target(url);
    match path.strip_suffix(".html") {
        Some(stem) if !stem.is_empty() => format!("{stem}.yml{rest}"),
        _ => url.to_owned(),
    }
}

/// The body of the page.
pub fn render(root: &Mapping, cx: &RenderContext) -> String {
    let language = field(root, "languageId");
    let mut out = String::from("<div class=\"api-page\">\n");
    let mut headings = headings(root).into_iter();
    for block in blocks(root).iter().filter_map(Value::as_mapping) {
        if heading(block).is_some() {
            if let Some(heading) = headings.next() {
                heading_html(&heading, cx, &mut out);
            }
        } else if let Some(markdown) = field(block, "markdown") {
            let _ = writeln!(
                out,
                "<div class=\"api-markdown\">{}</div>",
                super::api::markdown(markdown, cx)
            );
        } else if let Some(facts) = block.get("facts").and_then(Value::as_sequence) {
            out.push_str("<dl class=\"api-facts\">\n");
            for fact in facts.iter().filter_map(Value::as_mapping) {
                let name = field(fact, "name").unwrap_or_default();
                let value = inline(fact.get("value"));
                let _ = writeln!(out, "<dt>{}</dt><dd>{value}</dd>", escape(name));
            }
            out.push_str("</dl>\n");
        } else if let Some((class, items)) = ["list", "inheritance"]
            .iter()
            .find_map(|&k| Some((k, block.get(k)?.as_sequence()?)))
        {
            let _ = writeln!(out, "<ul class=\"api-{class}\">");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", inline(Some(item)));
            }
            out.push_str("</ul>\n");
        } else if let Some(code) = block.get("code").and_then(Value::as_str) {
            let lang = field(block, "languageId").or(language).unwrap_or("");
            let code = if code.ends_with('\n') {
                code.to_owned()
            } else {
                format!("{code}\n")
            };
            out.push_str(&cx.highlighter.code_block(lang, &code));
        } else if let Some(parameters) = block.get("parameters").and_then(Value::as_sequence) {
            out.push_str("<dl class=\"api-params\">\n");
            for parameter in parameters.iter().filter_map(Value::as_mapping) {
                parameter_html(parameter, cx, &mut out);
            }
            out.push_str("</dl>\n");
        }
    }
    out.push_str("</div>\n");
    out
}

/// A heading or an API's heading, with its badges, its "view source"
/// link and its deprecation or preview message.
fn heading_html(heading: &Heading, cx: &RenderContext, out: &mut String) {
    let Heading {
        block,
        level,
        text,
        api,
        ..
    } = *heading;
    let id = escape(&heading.id);
    let uid = uid(block)
        .filter(|_| api)
        .map(|u| format!(" data-uid=\"{}\"", escape(u)))
        .unwrap_or_default();
    let deprecated = flag(block, "deprecated");
    let mut inner = match deprecated {
        Some(_) => format!("<s>{}</s>", escape(text)),
        None => escape(text),
    };
    badges(block, &mut inner);
    if let Some(src) = field(block, "src").filter(|_| api) {
        let _ = write!(
            inner,
            " <a class=\"api-source\" href=\"{}\">View source</a>",
            escape(src)
        );
    }
    // Sections get the anchor a Markdown heading has; the title does not.
    let anchor = match heading.title {
        true => String::new(),
        false => format!(
            "<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"{}\"></a>",
            escape(cx.section_link)
        ),
    };
    let _ = writeln!(out, "<h{level} id=\"{id}\"{uid}>{inner}{anchor}</h{level}>");
    for (message, class) in [(deprecated, "warning"), (flag(block, "preview"), "note")] {
        if let Some(Some(message)) = message {
            let _ = writeln!(
                out,
                "<div class=\"alert alert-{class}\" role=\"note\">{}</div>",
                super::api::markdown(message, cx)
            );
        }
    }
}

/// One parameter (or field, return value, exception): its name and
/// default in code, its type, then its description.
fn parameter_html(parameter: &Mapping, cx: &RenderContext, out: &mut String) {
    let mut term = String::new();
    if let Some(name) = field(parameter, "name") {
        let shown = match field(parameter, "default") {
            Some(default) => format!("{name} = {default}"),
            None => name.to_owned(),
        };
        let _ = write!(term, "<code>{}</code> ", escape(&shown));
    }
    term.push_str(&inline(parameter.get("type")));
    badges(parameter, &mut term);
    let description = field(parameter, "description")
        .map(|d| super::api::markdown(d, cx))
        .unwrap_or_default();
    let _ = writeln!(out, "<dt>{}</dt>\n<dd>{description}</dd>", term.trim_end());
}

/// The "Deprecated" and "Preview" badges an API or a parameter carries.
fn badges(map: &Mapping, out: &mut String) {
    if flag(map, "deprecated").is_some() {
        out.push_str(" <span class=\"api-badge api-deprecated\">Deprecated</span>");
    }
    if flag(map, "preview").is_some() {
        out.push_str(" <span class=\"api-badge api-preview\">Preview</span>");
    }
}

/// `deprecated: true` or `deprecated: "message"`: `Some(None)` or
/// `Some(Some(message))`; absent or `false`: `None`.
fn flag<'v>(block: &'v Mapping, key: &str) -> Option<Option<&'v str>> {
    match block.get(key)? {
        Value::Bool(true) => Some(None),
        Value::String(s) if !s.trim().is_empty() => Some(Some(s.trim())),
        _ => None,
    }
}

/// An inline value: a text, a link (`text`, `url`), or a list of them.
fn inline(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(text)) => escape(text),
        Some(Value::Mapping(link)) => {
            let text = escape(field(link, "text").unwrap_or_default());
            match field(link, "url") {
                Some(url) => format!("<a href=\"{}\">{text}</a>", escape(url)),
                None => text,
            }
        }
        Some(Value::Sequence(spans)) => spans.iter().map(|s| inline(Some(s))).collect(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOO: &str = "### YamlMime:ApiPage
title: Class Foo
languageId: csharp
body:
- api1: Class Foo
  id: MyLib_Foo
  metadata:
    uid: MyLib.Foo
- h2: Methods
- api3: Bar(int)
  id: MyLib_Foo_Bar_System_Int32_
  deprecated: Use Baz.
  metadata:
    uid: MyLib.Foo.Bar(System.Int32)
- h4: Parameters
- parameters:
  - name: count
    type:
    - text: int
      url: https://learn.microsoft.com/dotnet/api/system.int32
    description: How **many**.
";

    fn root(text: &str) -> Mapping {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn api_headings_declare_their_uids() {
        let declared = declared(&root(FOO));
        let found: Vec<(&str, &str, Option<&str>)> = declared
            .iter()
            .map(|d| (d.uid.as_str(), d.id.as_str(), d.spec.name.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                ("MyLib.Foo", "", Some("Foo")),
                (
                    "MyLib.Foo.Bar(System.Int32)",
                    "MyLib_Foo_Bar_System_Int32_",
                    Some("Bar(int)")
                ),
            ]
        );
    }

    #[test]
    fn the_outline_leaves_out_the_title() {
        let outline = outline(&root(FOO));
        let levels: Vec<(u8, &str)> = outline.iter().map(|(l, id, _)| (*l, id.as_str())).collect();
        assert_eq!(
            levels,
            [
                (2, "methods"),
                (3, "MyLib_Foo_Bar_System_Int32_"),
                (4, "parameters")
            ]
        );
    }

    #[test]
    fn repeated_headings_get_ids_of_their_own() {
        let text = format!(
            "{FOO}- api3: Baz()\n  metadata:\n    uid: MyLib.Foo.Baz\n- h4: Parameters\n- h4: Parameters\n  id: own\n"
        );
        let ids: Vec<String> = outline(&root(&text))
            .into_iter()
            .map(|(_, id, _)| id)
            .collect();
        assert_eq!(
            ids,
            [
                "methods",
                "MyLib_Foo_Bar_System_Int32_",
                "parameters",
                "MyLib_Foo_Baz",
                "parameters-1",
                "own"
            ]
        );
    }

    #[test]
    fn links_to_api_pages_name_their_sources() {
        assert_eq!(link_target("MyLib.Foo.html"), "MyLib.Foo.yml");
        assert_eq!(link_target("../a/B.html#x_y"), "../a/B.yml#x_y");
        assert_eq!(
            link_target("https://learn.microsoft.com/x.html"),
            "https://learn.microsoft.com/x.html"
        );
        assert_eq!(link_target("guide.md"), "guide.md");
    }
}
