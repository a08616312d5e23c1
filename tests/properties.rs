//! `property-name-mismatch` and `translated-type-name`: properties tables
//! that their page's JSON representation contradicts, on real zh-cn
//! Microsoft Graph pages and on small fixtures of what must and must not
//! fire.

mod common;

use common::*;

/// Machine translations of five Graph resource pages
/// (`tests/data/README.md`): three translated property names, three a
/// type in rows of a column that keeps it in another; ru-ru's
/// `emailAddress` keeps both.
#[test]
fn real_graph_pages_give_their_translated_names_and_types() {
    let (code, doc) = check_json(&repo().join("tests/data/real-graph"), &[]);
    assert_eq!(code, Some(1));
    let v1 = "content/zh-cn/api-reference/v1.0/resources";
    let beta = "content/zh-cn/api-reference/beta/resources";
    let policy = format!("{v1}/authenticationmethodspolicy.md");
    let email = format!("{v1}/emailaddress.md");
    let search = format!("{beta}/searchaggregation.md");
    let connector = format!("{beta}/intune-raimportcerts-certificateconnectordetails.md");
    let condition = format!("{beta}/intune-fencing-networkipv6configurationmanagementcondition.md");
    let ours: Vec<(String, String, u64)> = findings(&doc)
        .into_iter()
        .filter(|(rule, _, _)| rule != "broken-link" && rule != "include-not-found")
        .collect();
    assert_eq!(
        ours,
        [
            ("translated-type-name".to_owned(), connector.clone(), 41),
            ("property-name-mismatch".to_owned(), search.clone(), 28),
            ("property-name-mismatch".to_owned(), policy.clone(), 30),
            ("translated-type-name".to_owned(), email.clone(), 25),
            ("property-name-mismatch".to_owned(), condition.clone(), 38),
            ("translated-type-name".to_owned(), condition.clone(), 39),
            ("property-name-mismatch".to_owned(), condition.clone(), 40),
            ("translated-type-name".to_owned(), condition.clone(), 45),
            ("translated-type-name".to_owned(), condition.clone(), 46),
        ]
        .into_iter()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    let field = finding_of(&doc, "property-name-mismatch", &search, 28);
    assert_eq!(
        field["message"],
        "`字段` is no property of the JSON representation on line 44, which has `field` that no row of this table names"
    );
    assert_eq!(related(field), [(search.as_str(), 44)]);
    assert_eq!(replacements(field), ["field"]);
    let typed = finding_of(&doc, "translated-type-name", &connector, 41);
    assert_eq!(
        typed["message"],
        "`字符串` is the type `String` translated: the JSON representation on line 56 gives `machineName` as `String`, and this column writes `String` on line 40"
    );
    assert_eq!(replacements(typed), ["String"]);
    // Two names translated: each told both keys no row names, no fix.
    let unique = finding_of(&doc, "property-name-mismatch", &condition, 38);
    assert_eq!(
        unique["message"],
        "`唯一名称` is no property of the JSON representation on line 63, which has `uniqueName` and `description` that no row of this table names"
    );
    assert!(replacements(unique).is_empty());
    // The type as the column writes it, where the JSON writes `string`.
    let lower = finding_of(&doc, "translated-type-name", &email, 25);
    assert_eq!(replacements(lower), ["String"]);
    // The links lead outside the sample; nothing else is found.
    assert!(
        findings(&doc)
            .iter()
            .all(|(rule, file, _)| !file.contains("ru-ru") || rule == "broken-link"),
        "{doc:#}"
    );
}

/// A resource page: a properties table of `rows` (name, type) and its
/// JSON representation of `keys` (name, value).
fn resource(rows: &[(&str, &str)], keys: &[(&str, &str)]) -> String {
    let mut text = String::from(
        "# widget\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n",
    );
    for (name, kind) in rows {
        text.push_str(&format!("|{name}|{kind}|Some text.|\n"));
    }
    text.push_str("\n## JSON representation\n\n```json\n{\n");
    let keys: Vec<String> = keys
        .iter()
        .map(|(k, v)| format!("  \"{k}\": {v}"))
        .collect();
    text.push_str(&keys.join(",\n"));
    text.push_str("\n}\n```\n");
    text
}

const KEYS: &[(&str, &str)] = &[
    ("@odata.type", "\"#microsoft.graph.widget\""),
    ("id", "\"String\""),
    ("displayName", "\"String\""),
    ("field", "\"String\""),
    ("size", "\"Int32\""),
];

#[test]
fn a_translated_name_and_type_are_fixed_from_the_json() {
    let page = resource(
        &[
            ("id", "String"),
            ("displayName", "字符串"),
            ("字段", "String"),
            ("size", "Int32"),
        ],
        KEYS,
    );
    let site = Fixture::new();
    site.write("content/zh-cn/widget.md", &page);
    let (_, doc) = check_json(site.root(), &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("translated-type-name", "content/zh-cn/widget.md", 8),
            ("property-name-mismatch", "content/zh-cn/widget.md", 9),
        ])
    );
    let out = polydoc(site.root(), &["check", "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fixed = std::fs::read_to_string(site.root().join("content/zh-cn/widget.md")).unwrap();
    assert_eq!(
        fixed,
        page.replace("|displayName|字符串|", "|displayName|String|")
            .replace("|字段|String|", "|field|String|")
    );
}

/// Two names translated: each told the keys no row names, neither fixed.
#[test]
fn two_translated_names_are_told_the_keys_but_not_fixed() {
    let page = resource(
        &[
            ("id", "String"),
            ("显示名称", "String"),
            ("字段", "String"),
            ("size", "Int32"),
        ],
        KEYS,
    );
    let (_, doc) = run_json(&[("zh-cn/widget.md", &page)], &[]);
    assert_eq!(
        findings(&doc),
        set(&[
            ("property-name-mismatch", "content/zh-cn/widget.md", 8),
            ("property-name-mismatch", "content/zh-cn/widget.md", 9),
        ])
    );
    let shown = finding_at(&doc, "content/zh-cn/widget.md", 8);
    assert_eq!(
        shown["message"],
        "`显示名称` is no property of the JSON representation on line 14, which has `displayName` and `field` that no row of this table names"
    );
    assert!(replacements(shown).is_empty());
}

/// What is no translated name or type: a request body whose example
/// leaves properties out and has others, a relationships table, a name
/// with a note, a type every row translates, a timestamp's type (which
/// the JSON writes as `"String (timestamp)"`), and a table beside no
/// JSON.
#[test]
fn tables_the_json_does_not_contradict_are_left_alone() {
    let request = resource(
        &[
            ("displayName", "String"),
            ("description", "String"),
            ("size", "Int32"),
            ("id (key)", "String"),
        ],
        &[
            ("id", "\"1\""),
            ("displayName", "\"Library\""),
            ("size", "12"),
            ("mailEnabled", "false"),
        ],
    );
    let relationships = format!(
        "{}\n## Relationships\n\n|Relationship|Type|Description|\n|:---|:---|:---|\n|owners|[user](relationships.md) 集合|所有者。|\n|members|[user](relationships.md) 集合|成员。|\n",
        resource(&[("id", "String"), ("displayName", "String")], KEYS)
    );
    let translated_throughout = resource(
        &[
            ("id", "字符串"),
            ("displayName", "字符串"),
            ("field", "字符串"),
            ("size", "Int32"),
        ],
        KEYS,
    );
    // A timestamp the JSON writes as a string: its type is no `String`.
    let timestamp = resource(
        &[
            ("id", "String"),
            ("displayName", "String"),
            ("created", "日期时间偏移"),
        ],
        &[
            ("id", "\"String\""),
            ("displayName", "\"String\""),
            ("created", "\"String (timestamp)\""),
        ],
    );
    let no_json = "# widget\n\n|Property|Type|\n|:---|:---|\n|id|String|\n|字段|字符串|\n|displayName|String|\n";
    let (code, doc) = run_json(
        &[
            ("zh-cn/request.md", &request),
            ("zh-cn/relationships.md", &relationships),
            ("zh-cn/throughout.md", &translated_throughout),
            ("zh-cn/plain.md", no_json),
            ("zh-cn/timestamp.md", &timestamp),
        ],
        &[],
    );
    assert_eq!(code, Some(0), "{doc:#}");
    assert!(findings(&doc).is_empty(), "{doc:#}");
}

/// An API page's request body table names the keys of the request its
/// example sends, in an `http` block: a translated name is found there
/// too, and the English page, whose example leaves properties out, is
/// left alone.
#[test]
fn an_http_requests_body_names_the_properties_too() {
    let page = |display: &str| {
        format!(
            concat!(
                "# Create group\n\n## Request body\n\n",
                "| Property | Type | Description|\n|:---|:---|:---|\n",
                "| {} | string | The name. |\n",
                "| mailEnabled | boolean | Mail. |\n",
                "| mailNickname | string | Alias. |\n",
                "| owners | string collection | Owners. |\n\n",
                "## Example\n\n",
                "``` http\nPOST https://graph.microsoft.com/v1.0/groups\nContent-type: application/json\n\n",
                "{{\n  \"description\": \"Library\",\n  \"displayName\": \"Library Assist\",\n",
                "  \"mailEnabled\": true,\n  \"mailNickname\": \"library\"\n}}\n```\n",
            ),
            display
        )
    };
    let (_, doc) = run_json(
        &[
            ("en-us/create.md", &page("displayName")),
            ("zh-cn/create.md", &page("显示名称")),
        ],
        &[],
    );
    assert_eq!(
        findings(&doc),
        set(&[("property-name-mismatch", "content/zh-cn/create.md", 7)])
    );
    let finding = finding_at(&doc, "content/zh-cn/create.md", 7);
    assert_eq!(
        finding["message"],
        "`显示名称` is no property of the request on line 14, which has `description` and `displayName` that no row of this table names"
    );
    assert!(replacements(finding).is_empty());
}
