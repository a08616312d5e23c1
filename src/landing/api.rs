//! .NET API reference pages: the `### YamlMime:ManagedReference` files
//! `docfx metadata` writes (`api/MyLib.Foo.yml`), one per namespace or
//! type, its members as further `items`.
//!
//! A DocFX site links them by uid: its `api/toc.yml` names them (`uid:
//! MyLib.Foo`), its articles write `<xref:MyLib.Foo>` and
//! `[Bar](xref:MyLib.Foo.Bar(System.Int32))`. Unbuilt, every such link
//! was a false `uid-not-found` and every entry a `broken-toc-entry`; so
//! each file is a page, declaring the uids of all its items, a member's
//! uid landing on its heading, whose id is the uid with every character
//! but letters, digits and `_` made `_`, as DocFX's templates write it
//! (`MyLib_Foo_Bar_System_Int32_`).
//!
//! The page shows what DocFX's default template shows, plainly: the
//! type's name as title, its summary, namespace and assembly, its C#
//! declaration highlighted, then its members grouped by kind
//! (constructors, fields, properties, methods, events, operators), each
//! with its summary, declaration, parameters and return value; a type's
//! base types, interfaces, derived types, inherited members and extension
//! methods follow its declaration, an item's examples, exceptions and
//! see-also links its remarks. Summaries are the HTML `docfx
//! metadata` made of the XML comments, passed through as a page's raw
//! HTML is. Not shown: attributes, other languages' declarations.

use std::fmt::Write;

use std::collections::HashMap;
use std::sync::Arc;

use serde_yaml::{Mapping, Value};

use super::field;
use crate::markdown::RenderContext;
use crate::markdown::highlight::escape;
use crate::markdown::{SiteLinks, Xref};
use crate::xref_map::Spec;

/// An API item: the page's own (the first) or one of its members.
pub struct Item<'v> {
    pub uid: &'v str,
    /// The heading id a member lands on (empty for the page's own item).
    pub id: String,
    /// `Class`, `Method`, ...
    pub kind: &'v str,
    pub name: &'v str,
    map: &'v Mapping,
}

/// An item as the site's links see it, read once when the page is
/// parsed ([`crate::markdown::Document::api`]): where a link to it lands
/// and what it shows, by the fields of DocFX's xref map that
/// `docfx metadata` would write for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    pub uid: String,
    /// The heading it lands on; empty for the page's own item.
    pub id: String,
    /// Its names by `displayProperty` (no `href`: its page is the site's).
    pub spec: Spec,
}

/// The items of a ManagedReference file as links see them.
pub fn declared(root: &Mapping) -> Vec<Declared> {
    let owned = |key: &str, map: &Mapping| field(map, key).map(str::to_owned);
    items(root)
        .into_iter()
        .map(|item| Declared {
            uid: item.uid.to_owned(),
            spec: Spec {
                href: None,
                name: Some(item.name.to_owned()),
                full_name: owned("fullName", item.map),
                name_with_type: owned("nameWithType", item.map),
            },
            id: item.id,
        })
        .collect()
}

/// The member groups, in the order DocFX's template shows them, with
/// their headings.
const GROUPS: &[(&str, &str)] = &[
    ("Constructor", "Constructors"),
    ("Field", "Fields"),
    ("Property", "Properties"),
    ("Method", "Methods"),
    ("Event", "Events"),
    ("Operator", "Operators"),
    ("Class", "Classes"),
    ("Struct", "Structs"),
    ("Interface", "Interfaces"),
    ("Enum", "Enums"),
    ("Delegate", "Delegates"),
];

/// The items of a ManagedReference file, the page's own first.
pub fn items(root: &Mapping) -> Vec<Item<'_>> {
    let list = root
        .get("items")
        .and_then(Value::as_sequence)
        .map(Vec::as_slice)
        .unwrap_or_default();
    list.iter()
        .filter_map(Value::as_mapping)
        .enumerate()
        .filter_map(|(i, map)| {
            let uid = field(map, "uid")?;
            Some(Item {
                uid,
                id: if i == 0 { String::new() } else { html_id(uid) },
                kind: field(map, "type").unwrap_or(""),
                name: field(map, "name")
                    .or_else(|| field(map, "id"))
                    .unwrap_or(uid),
                map,
            })
        })
        .collect()
}

/// The page's title: `Class Foo`, as DocFX titles it.
pub fn title(root: &Mapping) -> Option<String> {
    let items = items(root);
    let own = items.first()?;
    Some(match own.kind {
        "" => own.name.to_owned(),
        kind => format!("{kind} {}", own.name),
    })
}

/// DocFX's heading id for a uid: each character that is no letter, digit
/// or `_` becomes `_`.
pub fn html_id(uid: &str) -> String {
    uid.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The heading of a namespace's list of types.
const TYPES: &str = "Types";

/// A namespace page's types: its own item's `children`, which, unlike a
/// type's members, have pages of their own rather than items here.
fn namespace_types<'v>(items: &[Item<'v>]) -> Vec<&'v str> {
    let Some(own) = items.first().filter(|own| own.kind == "Namespace") else {
        return Vec::new();
    };
    own.map
        .get("children")
        .and_then(Value::as_sequence)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                // Safe inside `<xref:...>`: no space or angle bracket.
                .filter(|uid| !uid.is_empty() && !uid.contains([' ', '<', '>']))
                .collect()
        })
        .unwrap_or_default()
}

/// The members in the page's order: grouped by kind, then as written.
/// (group heading, members).
fn grouped<'a, 'v>(items: &'a [Item<'v>]) -> Vec<(&'static str, Vec<&'a Item<'v>>)> {
    let members = items.get(1..).unwrap_or_default();
    let mut groups: Vec<(&'static str, Vec<&Item>)> = GROUPS
        .iter()
        .map(|&(kind, heading)| {
            let of_kind = members.iter().filter(|m| m.kind == kind).collect();
            (heading, of_kind)
        })
        .collect();
    let other = members
        .iter()
        .filter(|m| !GROUPS.iter().any(|&(kind, _)| kind == m.kind))
        .collect();
    groups.push(("Other members", other));
    groups.retain(|(_, members)| !members.is_empty());
    groups
}

/// The headings of the page: level, id and text, in order.
pub fn outline(root: &Mapping) -> Vec<(u8, String, String)> {
    let items = items(root);
    let mut out = Vec::new();
    if !namespace_types(&items).is_empty() {
        out.push((2, html_id(TYPES), TYPES.to_owned()));
    }
    for (heading, members) in grouped(&items) {
        out.push((2, html_id(heading), heading.to_owned()));
        for member in members {
            out.push((3, member.id.clone(), member.name.to_owned()));
        }
    }
    out
}

/// The body of the page.
pub fn render(root: &Mapping, cx: &RenderContext) -> String {
    let references = References::of(root, cx.site);
    let cx = &RenderContext {
        site: &references,
        ..*cx
    };
    let items = items(root);
    let mut out = String::from("<div class=\"api-page\">\n");
    let Some(own) = items.first() else {
        out.push_str("</div>\n");
        return out;
    };
    let title = title(root).unwrap_or_default();
    let _ = writeln!(
        out,
        "<h1 data-uid=\"{}\">{}</h1>",
        escape(own.uid),
        escape(&title)
    );
    summary(own, cx, &mut out);
    let facts: Vec<(&str, &str)> = [("Namespace", "namespace"), ("Assembly", "assemblies")]
        .into_iter()
        .filter_map(|(label, key)| Some((label, text_or_first(own.map, key)?)))
        .collect();
    if !facts.is_empty() {
        out.push_str("<dl class=\"api-facts\">\n");
        for (label, value) in facts {
            let _ = writeln!(out, "<dt>{label}</dt><dd>{}</dd>", escape(value));
        }
        out.push_str("</dl>\n");
    }
    declaration(own, cx, &mut out);
    relations(own, cx, &mut out);
    let types = namespace_types(&items);
    if !types.is_empty() {
        let (id, label) = (html_id(TYPES), escape(cx.section_link));
        let _ = writeln!(
            out,
            "<h2 id=\"{id}\">{TYPES}<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"{label}\"></a></h2>\n<ul class=\"api-types\">"
        );
        for uid in types {
            // A cross reference: linked to the type's page where the
            // site has it, its name otherwise, as any `<xref:>` is.
            let _ = writeln!(out, "<li>{}</li>", markdown(&format!("<xref:{uid}>"), cx));
        }
        out.push_str("</ul>\n");
    }
    for (heading, members) in grouped(&items) {
        let (id, label) = (html_id(heading), escape(cx.section_link));
        let _ = writeln!(
            out,
            "<h2 id=\"{id}\">{heading}<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"{label}\"></a></h2>"
        );
        for member in members {
            let id = escape(&member.id);
            let _ = writeln!(
                out,
                "<h3 id=\"{id}\" data-uid=\"{}\">{}<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"{label}\"></a></h3>",
                escape(member.uid),
                escape(member.name)
            );
            summary(member, cx, &mut out);
            declaration(member, cx, &mut out);
        }
    }
    out.push_str("</div>\n");
    out
}

/// An item's summary.
fn summary(item: &Item, cx: &RenderContext, out: &mut String) {
    if let Some(summary) = field(item.map, "summary") {
        let _ = writeln!(
            out,
            "<div class=\"api-summary\">{}</div>",
            markdown(summary, cx)
        );
    }
}

/// An item's declaration, parameters, return value and remarks.
fn declaration(item: &Item, cx: &RenderContext, out: &mut String) {
    let syntax = item.map.get("syntax").and_then(Value::as_mapping);
    if let Some(content) = syntax.and_then(|s| field(s, "content")) {
        out.push_str(&cx.highlighter.code_block("csharp", &format!("{content}\n")));
    }
    let parameters: Vec<&Mapping> = syntax
        .and_then(|s| s.get("parameters"))
        .and_then(Value::as_sequence)
        .map(|list| list.iter().filter_map(Value::as_mapping).collect())
        .unwrap_or_default();
    if !parameters.is_empty() {
        out.push_str("<table class=\"api-parameters\">\n<thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>\n<tbody>\n");
        for parameter in parameters {
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>",
                escape(field(parameter, "id").unwrap_or("")),
                type_html(field(parameter, "type").unwrap_or(""), cx),
                markdown(field(parameter, "description").unwrap_or(""), cx)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let returns = syntax
        .and_then(|s| s.get("return"))
        .and_then(Value::as_mapping);
    if let Some(returns) = returns.filter(|r| field(r, "type").is_some()) {
        let _ = writeln!(
            out,
            "<p class=\"api-returns\">Returns <code>{}</code> {}</p>",
            type_html(field(returns, "type").unwrap_or(""), cx),
            markdown(field(returns, "description").unwrap_or(""), cx)
        );
    }
    if let Some(remarks) = field(item.map, "remarks") {
        let _ = writeln!(
            out,
            "<div class=\"api-remarks\">{}</div>",
            markdown(remarks, cx)
        );
    }
    notes(item, cx, out);
}

/// An item's examples, the exceptions it throws and what it points to
/// (`example`, `exceptions`, `seealso`), as DocFX's template shows them
/// after the remarks.
fn notes(item: &Item, cx: &RenderContext, out: &mut String) {
    let list = |key: &str| -> &[Value] {
        item.map
            .get(key)
            .and_then(Value::as_sequence)
            .map(Vec::as_slice)
            .unwrap_or_default()
    };
    let examples: Vec<&str> = list("example").iter().filter_map(Value::as_str).collect();
    if !examples.is_empty() {
        out.push_str("<h4>Examples</h4>\n");
        for example in examples {
            let _ = writeln!(
                out,
                "<div class=\"api-example\">{}</div>",
                markdown(example, cx)
            );
        }
    }
    let exceptions: Vec<&Mapping> = list("exceptions")
        .iter()
        .filter_map(Value::as_mapping)
        .collect();
    if !exceptions.is_empty() {
        out.push_str("<h4>Exceptions</h4>\n<table class=\"api-exceptions\">\n<thead><tr><th>Type</th><th>Condition</th></tr></thead>\n<tbody>\n");
        for exception in exceptions {
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{}</td></tr>",
                type_html(field(exception, "type").unwrap_or(""), cx),
                markdown(field(exception, "description").unwrap_or(""), cx)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let see_also: Vec<String> = list("seealso")
        .iter()
        .filter_map(Value::as_mapping)
        .filter_map(|link| {
            let target = field(link, "linkId")?;
            let text = field(link, "altText");
            let href = field(link, "linkType").is_some_and(|t| t.eq_ignore_ascii_case("HRef"));
            Some(match href {
                true => format!(
                    "<a href=\"{}\">{}</a>",
                    escape(target),
                    escape(text.unwrap_or(target))
                ),
                false => type_html(target, cx),
            })
        })
        .collect();
    if !see_also.is_empty() {
        out.push_str("<h4>See Also</h4>\n<ul class=\"api-list\">\n");
        for link in see_also {
            let _ = writeln!(out, "<li>{link}</li>");
        }
        out.push_str("</ul>\n");
    }
}

/// A type's place among the others, as DocFX's template lists it under
/// the declaration: its base types down to itself, the interfaces it
/// implements, the types derived from it, the members it inherits and
/// the extension methods it has; each a cross reference where the site
/// or the file's references know it.
fn relations(item: &Item, cx: &RenderContext, out: &mut String) {
    let uids = |key: &str| -> Vec<&str> {
        item.map
            .get(key)
            .and_then(Value::as_sequence)
            .map(|list| list.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    };
    let bases = uids("inheritance");
    if !bases.is_empty() {
        out.push_str("<h4>Inheritance</h4>\n<ul class=\"api-inheritance\">\n");
        for uid in bases {
            let _ = writeln!(out, "<li>{}</li>", type_html(uid, cx));
        }
        let _ = writeln!(out, "<li>{}</li>\n</ul>", escape(item.name));
    }
    for (key, heading) in [
        ("implements", "Implements"),
        ("derivedClasses", "Derived"),
        ("inheritedMembers", "Inherited Members"),
        ("extensionMethods", "Extension Methods"),
    ] {
        let list = uids(key);
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h4>{heading}</h4>\n<ul class=\"api-list\">");
        for uid in list {
            let _ = writeln!(out, "<li>{}</li>", type_html(uid, cx));
        }
        out.push_str("</ul>\n");
    }
}

/// A parameter's or return value's type: a cross reference where the
/// site or the file's references know it (`int`, linked to its page),
/// else its name.
fn type_html(uid: &str, cx: &RenderContext) -> String {
    let linkable = !uid.is_empty() && !uid.contains([' ', '<', '>']);
    if linkable && cx.site.xref(uid, None).is_some() {
        markdown(&format!("<xref:{uid}>"), cx)
    } else {
        escape(&type_name(uid))
    }
}

/// A type's uid as a reader knows it: `System.Int32` as `Int32`, the
/// generic arity mark dropped (`List{T}` stays `List{T}`), a member's
/// with its parameters (`Equals(System.Object)`).
fn type_name(uid: &str) -> String {
    // A member's parameters may hold dots of their own.
    let end = uid.find(['{', '(']).unwrap_or(uid.len());
    let cut = uid[..end].rfind('.').map_or(0, |dot| dot + 1);
    uid[cut..].to_owned()
}

/// The site's links, and for the uids it does not know, the file's own
/// `references`: `docfx metadata` lists there every type the page names,
/// with its name (`int` for `System.Int32`) and, for .NET's, its address
/// on Learn, which DocFX links.
struct References<'a> {
    site: &'a dyn SiteLinks,
    /// uid -> (name, address).
    known: HashMap<&'a str, (&'a str, Option<&'a str>)>,
}

impl<'a> References<'a> {
    fn of(root: &'a Mapping, site: &'a dyn SiteLinks) -> Self {
        let list = root
            .get("references")
            .and_then(Value::as_sequence)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let known = list
            .iter()
            .filter_map(Value::as_mapping)
            .filter_map(|r| {
                let href = field(r, "href").filter(|h| crate::markdown::links::is_absolute(h));
                Some((field(r, "uid")?, (field(r, "name")?, href)))
            })
            .collect();
        References { site, known }
    }
}

impl SiteLinks for References<'_> {
    fn href(&self, file: &str, target: &str) -> Option<String> {
        self.site.href(file, target)
    }
    fn link_href(&self, file: &str, target: &str) -> Option<String> {
        self.site.link_href(file, target)
    }
    fn include(
        &self,
        file: &str,
        target: &str,
        cx: &RenderContext,
    ) -> Option<crate::markdown::Included> {
        self.site.include(file, target, cx)
    }
    fn snippet(&self, file: &str, path: &str) -> Option<Arc<str>> {
        self.site.snippet(file, path)
    }
    fn xref(&self, uid: &str, property: Option<&str>) -> Option<Xref> {
        self.site.xref(uid, property).or_else(|| {
            let &(name, href) = self.known.get(uid)?;
            Some(Xref {
                href: href.map(str::to_owned),
                title: name.to_owned(),
            })
        })
    }
    fn pivot_title(&self, id: &str) -> Option<String> {
        self.site.pivot_title(id)
    }
}

/// The string value of `key`, or the first string of a list there.
fn text_or_first<'v>(map: &'v Mapping, key: &str) -> Option<&'v str> {
    match map.get(key)? {
        Value::Sequence(list) => list.iter().find_map(Value::as_str),
        value => value.as_str(),
    }
}

/// A summary or description: Markdown with the HTML `docfx metadata`
/// writes, rendered as a page's body, without its paragraph when it is
/// one line.
pub(super) fn markdown(text: &str, cx: &RenderContext) -> String {
    let doc = crate::markdown::parse(text, 0);
    let html = crate::markdown::render_body(text, 0, &doc, cx);
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|rest| rest.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOO: &str = "### YamlMime:ManagedReference\nitems:\n- uid: MyLib.Foo\n  type: Class\n  name: Foo\n  namespace: MyLib\n  assemblies:\n  - MyLib\n  summary: A foo.\n  syntax:\n    content: public class Foo\n- uid: MyLib.Foo.Bar(System.Int32)\n  type: Method\n  name: Bar(int)\n  summary: Bars <code>count</code>.\n  syntax:\n    content: public void Bar(int count)\n    parameters:\n    - id: count\n      type: System.Int32\n      description: How many.\n- uid: MyLib.Foo.#ctor\n  type: Constructor\n  name: Foo()\n";

    fn root() -> Mapping {
        serde_yaml::from_str(FOO).unwrap()
    }

    #[test]
    fn members_land_on_docfx_ids_grouped_by_kind() {
        let root = root();
        assert_eq!(title(&root).as_deref(), Some("Class Foo"));
        let ids: Vec<(String, &str)> = items(&root).iter().map(|i| (i.id.clone(), i.uid)).collect();
        assert_eq!(
            ids,
            [
                (String::new(), "MyLib.Foo"),
                (
                    "MyLib_Foo_Bar_System_Int32_".to_owned(),
                    "MyLib.Foo.Bar(System.Int32)"
                ),
                ("MyLib_Foo__ctor".to_owned(), "MyLib.Foo.#ctor"),
            ]
        );
        let outline: Vec<(u8, String)> = outline(&root)
            .into_iter()
            .map(|(l, id, _)| (l, id))
            .collect();
        assert_eq!(
            outline,
            [
                (2, "Constructors".to_owned()),
                (3, "MyLib_Foo__ctor".to_owned()),
                (2, "Methods".to_owned()),
                (3, "MyLib_Foo_Bar_System_Int32_".to_owned()),
            ]
        );
        assert_eq!(type_name("System.Int32"), "Int32");
        assert_eq!(
            type_name("System.Collections.Generic.List{System.String}"),
            "List{System.String}"
        );
    }

    #[test]
    fn odd_files_render_what_they_have() {
        let titles = crate::markdown::AlertTitles::default();
        let highlighter = crate::markdown::Highlighter::default();
        let cx = RenderContext::standalone(&titles, &highlighter);
        for yaml in [
            "items: 5\n",
            "items:\n- type: Class\n",
            "x: 1\n",
            "items:\n- uid: A\n  syntax: 3\n  summary: [1]\n",
        ] {
            let root: Mapping = serde_yaml::from_str(yaml).unwrap();
            assert!(render(&root, &cx).starts_with("<div class=\"api-page\">"));
        }
        let html = render(&root(), &cx);
        assert!(
            html.contains("<h3 id=\"MyLib_Foo_Bar_System_Int32_\""),
            "{html}"
        );
        assert!(html.contains("Bars <code>count</code>."), "{html}");
    }
}
