//! The one-pass reader on small pages: what each kind of block keeps.

use super::*;

fn fenced(md: &str) -> String {
    let doc = crate::markdown::parse(md, 0);
    let unit = doc.facts.units.iter().find(|u| u.kind == UnitKind::Code);
    let token = unit.and_then(|u| {
        doc.facts
            .tokens_of(u)
            .iter()
            .find(|t| t.kind == TokenKind::Fenced)
    });
    token
        .map(|t| doc.facts.value(t).to_string())
        .unwrap_or_default()
}

#[test]
fn code_blocks_compare_without_comments_and_trailing_blanks() {
    let es = fenced("```powershell\n# Comprobar\nslmgr /dlv  \n\n```\n");
    let it = fenced("```powershell\n# Verificare\nslmgr /dlv\n```\n");
    let other = fenced("```powershell\nslmgr /ato\n```\n");
    assert!(!es.is_empty());
    assert_eq!(es, it);
    assert_ne!(es, other);
}

#[test]
fn an_outer_item_keeps_its_tokens_around_a_nested_one() {
    let md = "- `a` 0x1111\n  - `b`\n\n  `c`\n- `d`\n";
    let doc = crate::markdown::parse(md, 0);
    let items: Vec<Vec<&str>> = doc
        .facts
        .units
        .iter()
        .map(|u| {
            let tokens = doc.facts.tokens_of(u);
            assert_eq!(doc.facts.set_of(u).len(), tokens.len());
            tokens.iter().map(|t| doc.facts.value(t)).collect()
        })
        .collect();
    assert_eq!(items, [vec!["a", "0x1111", "c"], vec!["b"], vec!["d"]]);
}

#[test]
fn side_by_side_source_text_holds_no_tokens_but_its_links_are_links() {
    // What readers see is the translation: a code span it ran
    // together (as a real zh-tw page did) must not be made whole
    // again by the hidden source beside it.
    let md = "<span data-ttu-id=\"1\">見 `Path``ChildPath` [x](a.md)</span>\
              <span class=\"sxs-lookup\"><span data-stu-id=\"1\">See `Path` and \
              `ChildPath` 0x8007232B [x](b.md)</span></span>\n\n`after`\n";
    let doc = crate::markdown::parse(md, 0);
    let facts = &doc.facts;
    let units: Vec<Vec<&str>> = facts
        .units
        .iter()
        .map(|u| facts.tokens_of(u).iter().map(|t| facts.value(t)).collect())
        .collect();
    assert_eq!(units, [vec!["Path``ChildPath", "a.md"], vec!["after"]]);
    let targets: Vec<&str> = facts.links.iter().map(|l| facts.target(l)).collect();
    assert_eq!(targets, ["a.md", "b.md"]);
}

#[test]
fn side_by_side_source_text_defines_no_second_id() {
    // The real de-de System Error Codes page repeats each entry's anchors
    // in the hidden source beside it: one id each, where the reader sees it.
    let md = "<span data-ttu-id=\"af045-109\"><span id=\"ERROR_SUCCESS\"></span>\
              **Fehler \\_ erfolgreich**</span><span class=\"sxs-lookup\">\
              <span data-stu-id=\"af045-109\"><span id=\"ERROR_SUCCESS\"></span>\
              **ERROR\\_SUCCESS**</span></span>\n\n<span id=\"after\"></span>\n";
    let doc = crate::markdown::parse(md, 0);
    let ids: Vec<(&str, usize)> = doc
        .facts
        .anchors
        .iter()
        .map(|a| (doc.facts.id(a), a.offset))
        .collect();
    assert_eq!(
        ids,
        [
            ("ERROR_SUCCESS", 30),
            ("after", md.find("<span id=\"after").unwrap())
        ]
    );
}

#[test]
fn a_heading_anchor_is_one_id_and_a_later_one_another() {
    // The leading `<a name>` becomes the heading's id (no second,
    // raw-HTML id); an anchor further in stays in the HTML as it is.
    let doc = crate::markdown::parse("## <a name=\"lead\"></a>Title <a name=\"later\"></a>\n", 0);
    let ids: Vec<(&str, bool)> = doc
        .facts
        .anchors
        .iter()
        .map(|a| (doc.facts.id(a), a.from_heading))
        .collect();
    assert_eq!(ids, [("lead", true), ("later", false)]);
    assert_eq!(doc.headings.text(&doc.headings[0]), "Title");
}

#[test]
fn hashes_are_sixteen_hex_digits() {
    for hash in [0, 1, 0xabc, u64::MAX, 0x0123_4567_89ab_cdef] {
        assert_eq!(hex(hash), *format!("{hash:016x}").as_bytes());
    }
}

#[test]
fn the_files_directives_read_are_tokens() {
    let md = "Intro.\n\n:::image type=\"content\" source=\"media/a.png\" alt-text=\"A\":::\n\n\
              ::: zone pivot=\"x\"\n\n[!INCLUDE [n](includes/n.md)]\n\n::: zone-end\n\n\
              - Step [!INCLUDE [n](includes/m.md)] `x`\n";
    let doc = crate::markdown::parse(md, 0);
    let facts = &doc.facts;
    let units: Vec<(UnitKind, Vec<(TokenKind, &str)>)> = facts
        .units
        .iter()
        .map(|u| {
            let tokens = facts.tokens_of(u).iter();
            (u.kind, tokens.map(|t| (t.kind, facts.value(t))).collect())
        })
        .collect();
    assert_eq!(
        units,
        [
            (UnitKind::Paragraph, vec![]),
            (
                UnitKind::Directive,
                vec![(TokenKind::Source, "media/a.png")]
            ),
            (
                UnitKind::Directive,
                vec![(TokenKind::Source, "includes/n.md")]
            ),
            (
                UnitKind::Item,
                vec![
                    (TokenKind::Source, "includes/m.md"),
                    (TokenKind::InlineCode, "x")
                ]
            ),
        ],
        "a zone reads no file: no unit"
    );
    let image = &facts.units[1];
    let token = &facts.tokens_of(image)[0];
    assert_eq!(
        &md[token.span()],
        ":::image type=\"content\" source=\"media/a.png\" alt-text=\"A\":::"
    );
}

#[test]
fn links_keep_their_target_and_trimmed_text() {
    let doc = crate::markdown::parse(
        "[ `Get-Item` ](a.md#b) and [outer ![ alt ](i.png) x](c.md)\n",
        0,
    );
    let facts = &doc.facts;
    let links: Vec<(&str, &str, bool)> = facts
        .links
        .iter()
        .map(|l| (facts.target(l), facts.link_text(l), l.text_is_code))
        .collect();
    assert_eq!(
        links,
        [
            ("a.md#b", "Get-Item", true),
            ("c.md", "outer  alt  x", false),
            ("i.png", "alt", false),
        ]
    );
}

#[test]
fn every_cell_of_a_row_is_kept_as_a_hash_and_a_span() {
    let md = "|Part|Abbreviations|\n|---|---|\n|**hour**| **hh** |\n|minute|`mi`, n|\n";
    let doc = crate::markdown::parse(md, 0);
    let rows: Vec<&Unit> = doc
        .facts
        .units
        .iter()
        .filter(|u| matches!(u.kind, UnitKind::Row { .. }))
        .collect();
    assert_eq!(rows.len(), 3);
    let quoted = |u: &Unit| -> Vec<&str> {
        doc.facts
            .row_cells(u)
            .iter()
            .map(|c| &md[c.span()])
            .collect()
    };
    assert_eq!(quoted(rows[0]), ["Part", "Abbreviations"]);
    assert_eq!(quoted(rows[1]), ["**hour**", "**hh**"]);
    assert_eq!(quoted(rows[2]), ["minute", "`mi`, n"]);
    let hashes = |u: &Unit| -> Vec<u64> { doc.facts.row_cells(u).iter().map(|c| c.hash).collect() };
    assert_eq!(Some(hashes(rows[1])[1]), super::cell::hash("HH"));
    assert_eq!(Some(hashes(rows[2])[1]), super::cell::hash("mi、n"));
    // The key cell is still the first.
    let key = doc.facts.key(rows[2]).map(|c| doc.facts.cell_text(c));
    assert_eq!(key, Some("minute"));
}

#[test]
fn a_list_item_keeps_its_own_first_bold_text_and_its_list() {
    let md = "- Rights **in bold** and **more**:\n  - Access **W**rite\n  - no bold\n\n1. **RD** - read\n";
    let doc = crate::markdown::parse(md, 0);
    let leads: Vec<(&str, u32)> = (0..doc.facts.units.len())
        .filter_map(|u| doc.facts.lead(u))
        .map(|l| (&md[l.cell.span()], l.list))
        .collect();
    // The outer item's first bold text, not its second nor its nested
    // items'; the nested list is list 1, the numbered one list 2.
    assert_eq!(leads, [("in bold", 0), ("W", 1), ("RD", 2)]);
    let lead = |text: &str| {
        (0..doc.facts.units.len())
            .filter_map(|u| doc.facts.lead(u))
            .find(|l| &md[l.cell.span()] == text)
            .map(|l| l.cell.hash)
    };
    assert_eq!(lead("RD"), super::cell::hash("rd"));
}
