//! Command switches and placeholders across locales: switches lost from a
//! parameters table or from prose, written apart from their mark, in the
//! wrong case or translated into a word of the page; keywords of a syntax
//! translated; placeholders renamed; each with the cases that must and
//! must not fire. Real pages of these defects are in `translations.rs`.

mod common;

use common::*;

/// A first cell split by a space is flagged when the page's own code
/// writes it whole; not when the code writes the split form too, nor when
/// the page has no code that says.
#[test]
fn a_parameter_split_by_a_space_is_flagged_when_the_code_says_so() {
    let en = "# attrib\n\n```\nattrib [{+|-}r] [{+|-}a] [<Drive>:]\nattrib [<Drive> :]\n```\n\n|Parameter|Description|\n|-|-|\n|{+\\|-}r|Read-only.|\n|{+\\|-}a|Archive.|\n|[\\<Drive>:]|Drive.|\n";
    let it = en
        .replace("|{+\\|-}r|", "|{+\\|-} r|")
        .replace("|[\\<Drive>:]|", "|[\\<Drive> :]|");
    let (_, found) = run(&[("en-us/attrib.md", en), ("it-it/attrib.md", &it)], &[]);
    assert_eq!(
        found,
        set(&[("translation-token-mismatch", "content/it-it/attrib.md", 10)]),
        "`[<Drive> :]` is written so in the page's own code"
    );
    let no_code = |text: &str| text.replace("```\n", "");
    let (_, found) = run(
        &[
            ("en-us/attrib.md", &no_code(en)),
            ("it-it/attrib.md", &no_code(&it)),
        ],
        &[],
    );
    // (`<Drive>` outside code is hidden HTML, another finding.)
    assert!(
        found.iter().all(|(rule, _, _)| rule == "hidden-html"),
        "without code, nothing says which is right: {found:?}"
    );
}

/// A paragraph or list item that lost a mention of a switch its page
/// names elsewhere is warned; one whose neighbour holds the mention (a
/// paragraph the translator split), or that lost a switch the page never
/// names again, or that has one more, is not.
#[test]
fn a_switch_lost_from_prose_is_a_warning_and_nothing_like_it() {
    let en = "# tool\n\n```\ntool [/z] [/b]\n```\n\n- Use **/z** on slow networks.\n- Use **/b** for links.\n\nThe /y switch asks nothing; /b copies links.\n\nEnd.\n";
    let es = en
        .replace(
            "- Use **/z** on slow networks.",
            "- Use **\"/z** en redes lentas.",
        )
        .replace(
            "The /y switch asks nothing; /b copies links.\n",
            "El modificador y no pregunta.\n\nY /b copia vínculos.\n",
        )
        .replace(
            "- Use **/b** for links.",
            "- Use **/b** para vínculos (/v).",
        );
    let (_, doc) = run_json(&[("en-us/tool.md", en), ("es-es/tool.md", &es)], &[]);
    let found: Vec<(u64, &str, &str)> = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["location"]["line"].as_u64().unwrap(),
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [(
            7,
            "warning",
            "this list item does not mention the switch `/z`, which en-us mentions in the same list item and this page names on line 4 (`\"/z` here is no switch)"
        )],
        "`/y` is named nowhere else, `/b` moved to a paragraph of its own, `/v` is one more"
    );
}

/// A switch a translation lost from the first column of a parameters
/// table is flagged when its own page names the switch elsewhere; a cell
/// holding another switch, a switch the page never names, and rows of
/// tables of different lengths (paired by order, perhaps wrongly) are not.
/// Older localized pages escape a switch's mark (`[\/EHs](...)`, as the
/// it-it C++ `/EH` page writes every option): still a switch, and a row
/// that lost it is flagged. A hyphen a word processor made an en dash
/// (`/act–type`, as the real `slmgr` page and its translations write
/// it in one row and not the next) is the same switch.
#[test]
fn escaped_switches_are_switches_and_a_typographic_dash_is_a_hyphen() {
    let it = "# /EH\n\n```\n/EH{s|a}[c][r][-]\n```\n\n|Opzione|Scopo|\n|-|-|\n|[\\/EHa](eh.md)|Uno.|\n|[\\/EHs](eh.md)|Due.|\n|[\\/EHc](eh.md)|Tre.|\n|[\\/EHr](eh.md)|Quattro; vedere **\\/act-type**.|\n\nSe si usa **\\/EHs** o **\\/act-type**.\n";
    let fr = it
        .replace("|[\\/EHs](eh.md)|", "|[EHs](eh.md)|")
        .replace("**\\/act-type**.|", "**\\/act–type**.|");
    let (_, found) = run(&[("it-it/eh.md", it), ("fr-fr/eh.md", &fr)], &[]);
    assert_eq!(
        found,
        set(&[("translation-token-mismatch", "content/fr-fr/eh.md", 10)])
    );
}

#[test]
fn a_switch_lost_from_a_parameters_table_is_flagged_and_nothing_like_it() {
    let en = "# tool\n\n```\ntool [/all] [/Release] [-Name <n>]\n```\n\n|Parameter|Description|\n|-|-|\n|/all|All.|\n|/release|Release.|\n|-Name|Name.|\n|/quiet|Quiet.|\n";
    let es = en
        .replace("|/all|All.|", "|comando/all|Todo.|")
        .replace("|/release|", "|/renew|")
        .replace("|/quiet|", "|silencioso|");
    let (_, found) = run(&[("en-us/tool.md", en), ("es-es/tool.md", &es)], &[]);
    assert_eq!(
        found,
        set(&[
            ("translation-token-mismatch", "content/es-es/tool.md", 9),
            ("translation-token-mismatch", "content/es-es/tool.md", 10),
        ]),
        "`/quiet` is named nowhere else on the page"
    );
    // Another switch in the place of one the page names (the real it-it
    // icacls writes `/dy` for `/grant`): the finding points at it.
    let (_, doc) = run_json(&[("en-us/tool.md", en), ("es-es/tool.md", &es)], &[]);
    let other = finding_at(&doc, "content/es-es/tool.md", 10);
    assert_eq!(
        other["message"],
        "this table row lacks the switch `/release`, which en-us has in the same row and this page names on line 4, and has `/renew` there, which no other locale has"
    );
    assert_eq!(
        (
            &other["location"]["column"],
            &other["location"]["end_column"]
        ),
        (&serde_json::json!(2), &serde_json::json!(8))
    );
    // A row's description that lost a mention of a switch the page names.
    let said = en.replace("|Name.|", "|Name; see /all.|");
    let lost = es.replace("|Name.|", "|Nombre; vea /.|");
    let (_, doc) = run_json(&[("en-us/tool.md", &said), ("es-es/tool.md", &lost)], &[]);
    let mention = finding_where(&doc, |f| f["location"]["line"] == 11);
    assert_eq!(mention["severity"], "warning");
    assert_eq!(
        mention["message"],
        "this table row does not mention the switch `/all`, which en-us mentions in the same row and this page names on line 4"
    );
    // A switch the page names nowhere else, written apart from its mark
    // in the cell, or without it as the whole cell: the cell itself
    // tells. Not a letter among other words (`q rápido`), which may be
    // any word.
    let apart = es.replace("|silencioso|", "|/ quiet|");
    let (_, doc) = run_json(&[("en-us/tool.md", en), ("es-es/tool.md", &apart)], &[]);
    let split = finding_at(&doc, "content/es-es/tool.md", 12);
    assert_eq!(
        split["message"],
        "this table row writes `/ quiet` where en-us has the switch `/quiet`"
    );
    let letter = |cell: &str| {
        let en = en.replace("|/quiet|", "|/q|");
        let es = es.replace("|silencioso|", cell);
        run(&[("en-us/tool.md", &en), ("es-es/tool.md", &es)], &[]).1
    };
    assert_eq!(
        letter("|q|"),
        set(&[
            ("translation-token-mismatch", "content/es-es/tool.md", 9),
            ("translation-token-mismatch", "content/es-es/tool.md", 10),
            ("translation-token-mismatch", "content/es-es/tool.md", 12),
        ])
    );
    assert_eq!(letter("|q rápido|").len(), 2, "rows 9 and 10 only");
    // Nor a word of the cell that one other translation of three made a
    // switch of (de-de's `/silent`): it is no standard to be held to.
    let (_, found) = run(
        &[
            ("en-us/tool.md", en),
            ("fr-fr/tool.md", &en.replace("|/quiet|", "|/quiet silent|")),
            ("de-de/tool.md", &en.replace("|/quiet|", "|/silent|")),
            ("it-it/tool.md", en),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    let longer = es.replace("|-Name|", "|Nota|Una fila de más.|\n|-Name|");
    let (_, found) = run(&[("en-us/tool.md", en), ("es-es/tool.md", &longer)], &[]);
    assert_eq!(
        found,
        set(&[]),
        "tables of other lengths: rows without codes may be paired wrong"
    );
}

/// A switch glued to the word before it (the real cs-cz Visual Studio
/// `devenv` page's `/LCID nebo/L` for "/LCID or /L"), where another
/// locale writes it after a word and a space: a warning whose fix puts
/// the space back. Not a switch glued to a word no other locale writes
/// before it (`comando/all` for `/all`): still a lost switch, an error.
#[test]
fn a_switch_glued_to_a_word_gets_its_space_back_and_nothing_like_it() {
    let en = "# tool\n\n```\ntool [/LCID | /L] [/all]\n```\n\n|Switch|Description|\n|-|-|\n|/LCID or /L|Language.|\n|/all|All.|\n";
    let cs = en.replace("|/LCID or /L|", "|/LCID nebo/L|");
    let (_, doc) = run_json(&[("en-us/tool.md", en), ("cs-cz/tool.md", &cs)], &[]);
    let glued = finding_of(
        &doc,
        "translation-token-mismatch",
        "content/cs-cz/tool.md",
        9,
    );
    assert_eq!(glued["severity"], "warning");
    assert_eq!(
        glued["message"],
        "this table row writes the switch `/L` glued to the word before it (`nebo/L`), where en-us writes it apart: machine translation dropped the space before it, and readers see one word, not a switch after a word"
    );
    assert_eq!(replacements(glued), [" /L"]);
    assert_eq!(fix_columns(glued), [12]);
    assert_eq!(lines_of(&doc, "translation-token-mismatch").len(), 1);

    let lost = en.replace("|/all|", "|comando/all|");
    let (_, doc) = run_json(&[("en-us/tool.md", en), ("es-es/tool.md", &lost)], &[]);
    let error = finding_of(
        &doc,
        "translation-token-mismatch",
        "content/es-es/tool.md",
        10,
    );
    assert_eq!(error["severity"], "error");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("this table row lacks the switch `/all`"),
        "{error:#}"
    );
}

/// A switch a translation translated: the row's switch in one locale is
/// no other locale's, and a word its own page writes as a word (the real
/// es-es `robocopy`'s `/trabajo:` for `/job:`, beside "archivo de
/// trabajo"). Not when the other side's switch is a word of its page too,
/// nor for short names, nor for words its page writes only in code.
#[test]
fn a_switch_that_is_a_word_of_the_page_is_a_warning_and_nothing_like_it() {
    let page = |switch: &str, prose: &str, code: &str| {
        format!(
            "# tool\n\n{prose}\n\n```\n{code}\n```\n\n|Option|Description|\n|-|-|\n|/s|S.|\n|{switch}:\\<name>|Job.|\n|/quit|Quit.|\n"
        )
    };
    let en = page("/job", "Runs a saved job.", "tool /s");
    let es = page("/trabajo", "Ejecuta un trabajo guardado.", "tool /s");
    let (code, doc) = run_json(&[("en-us/tool.md", &en), ("es-es/tool.md", &es)], &[]);
    assert_eq!(code, Some(0), "a warning");
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/es-es/tool.md", 12)])
    );
    let job = finding_at(&doc, "content/es-es/tool.md", 12);
    assert_eq!(
        job["message"],
        "this table row has the switch `/trabajo`, which no other locale has, and `trabajo` is a word this page writes on line 3: machine translation may have translated the switch; en-us has `/job` here"
    );
    assert_eq!(
        related(job),
        [("content/es-es/tool.md", 3), ("content/en-us/tool.md", 12)]
    );
    for (es, why) in [
        (
            page("/trabajo", "Ejecuta una tarea guardada.", "tool /s"),
            "no word of the page",
        ),
        (
            page("/trabajo", "Ejecuta una tarea.", "tool /s # trabajo"),
            "a word only in code",
        ),
        (page("/mes", "Cada mes.", "tool /s"), "three letters"),
    ] {
        let (_, found) = run(&[("en-us/tool.md", &en), ("es-es/tool.md", &es)], &[]);
        assert!(found.is_empty(), "{why}: {found:?}");
    }
    // English pages say switches' names in their prose by nature.
    let (_, found) = run(
        &[
            ("en-us/tool.md", &page("/save", "Save it first.", "tool /s")),
            (
                "es-es/tool.md",
                &page("/guardar", "Ejecuta lo hecho.", "tool /s"),
            ),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    // Both switches words of their pages: nothing tells which is right.
    let fr = page("/date", "Trie par date.", "tool /s");
    let es = page("/fecha", "Ordena por fecha.", "tool /s");
    let (_, found) = run(&[("fr-fr/tool.md", &fr), ("es-es/tool.md", &es)], &[]);
    assert!(found.is_empty(), "{found:?}");
}

/// A placeholder renamed in a block's prose (`*AA*` where the others
/// write `*YY*`, the placeholder `<YY>` of the page's syntax): a warning
/// of `translation-token-mismatch`. Not a placeholder written in another
/// case, nor one the page never writes as `<YY>`, nor a placeholder a
/// block drops without naming another, nor longer italic names, which
/// the localization translates on purpose.
#[test]
fn a_renamed_placeholder_in_italics_is_a_warning_and_nothing_like_it() {
    let page = |italics: &str, syntax: &str| {
        format!(
            "# tool\n\n```\ntool {syntax}\n```\n\n|Option|Description|\n|-|-|\n|/d|Reason: {italics}.|\n|/q|Quiet.|\n"
        )
    };
    let kept = page("*XX* major, *YY* minor", "/d <XX>:<YY>");
    let renamed = page("*XX* major, *AA* minor", "/d <XX>:<YY>");
    let (code, doc) = run_json(
        &[
            ("en-us/tool.md", &kept),
            ("de-de/tool.md", &kept),
            ("es-es/tool.md", &renamed),
        ],
        &[],
    );
    assert_eq!(code, Some(0), "a warning");
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/es-es/tool.md", 9)])
    );
    let aa = finding_at(&doc, "content/es-es/tool.md", 9);
    assert_eq!(
        aa["message"],
        "this table row names *AA* where en-us, de-de read *YY*, the placeholder this page writes as `<YY>` on line 4: machine translation renamed it"
    );
    assert_eq!(aa["severity"], "warning");
    assert_eq!(
        (&aa["location"]["column"], &aa["location"]["end_column"]),
        (&serde_json::json!(26), &serde_json::json!(28))
    );
    assert_eq!(
        related(aa),
        [
            ("content/es-es/tool.md", 4),
            ("content/en-us/tool.md", 9),
            ("content/de-de/tool.md", 9),
        ]
    );
    // Two locales: the page's own syntax tells which side renamed it.
    let (_, found) = run(
        &[("en-us/tool.md", &kept), ("es-es/tool.md", &renamed)],
        &[],
    );
    assert_eq!(
        found,
        set(&[("translation-token-mismatch", "content/es-es/tool.md", 9)])
    );
    for (es, why) in [
        (
            page("*xx* major, *yy* minor", "/d <XX>:<YY>"),
            "another case",
        ),
        (
            page("*XX* major, *AA* minor", "/d <XX>:<AA>"),
            "its own placeholder",
        ),
        (
            page("*XX* major, *AA* minor", "/d <XX>:<ZZ>"),
            "no <YY> on the page",
        ),
        (
            page("*XX* major, the minor one", "/d <XX>:<YY>"),
            "dropped, not renamed",
        ),
    ] {
        let (_, found) = run(
            &[
                ("en-us/tool.md", &kept),
                ("de-de/tool.md", &kept),
                ("es-es/tool.md", &es),
            ],
            &[],
        );
        assert!(found.is_empty(), "{why}: {found:?}");
    }
    // Longer names are translated on purpose: `*destino*`, `*Ziel*`.
    let long = |name: &str| page(&format!("*{name}* folder"), "/d <Destination>");
    let (_, found) = run(
        &[
            ("en-us/tool.md", &long("Destination")),
            ("de-de/tool.md", &long("Ziel")),
            ("es-es/tool.md", &long("destino")),
        ],
        &[],
    );
    assert!(found.is_empty(), "{found:?}");
    // A code span is no italics: the code differs (an error of its own),
    // but `*AA*` in it is no renamed placeholder.
    let code = |name: &str| page(&format!("*XX* major, `*{name}*` minor"), "/d <XX>:<YY>");
    let (_, doc) = run_json(
        &[
            ("en-us/tool.md", &code("YY")),
            ("de-de/tool.md", &code("YY")),
            ("es-es/tool.md", &code("AA")),
        ],
        &[],
    );
    let coded = finding_at(&doc, "content/es-es/tool.md", 9);
    assert_eq!(coded["severity"], "error");
    assert!(!doc.to_string().contains("renamed"), "{doc}");
}

/// Two peers, one block lacking a code the other has, nothing in its
/// place: the side whose own code writes that code lost it (the real
/// zh-cn `msiexec` dropped a product code from the sentence before the
/// example that uses it). Without that, both sides are told.
#[test]
fn of_two_peers_the_one_whose_code_writes_what_its_prose_lost_is_told() {
    let page =
        |prose: &str, code: &str| format!("# tool\n\n{prose}\n\n```\ntool /fa {code}\n```\n");
    let en = page("Repair product 7476-469F, type:", "7476-469F");
    let es = page("Para reparar el producto, escriba:", "7476-469F");
    let (_, doc) = run_json(&[("en-us/tool.md", &en), ("es-es/tool.md", &es)], &[]);
    assert_eq!(
        findings(&doc),
        set(&[("translation-token-mismatch", "content/es-es/tool.md", 3)])
    );
    let lost = finding_at(&doc, "content/es-es/tool.md", 3);
    assert_eq!(
        lost["message"],
        "this paragraph lacks `7476`, which en-us has, and this page's own code writes on line 6"
    );
    assert_eq!(
        related(lost),
        [("content/en-us/tool.md", 3), ("content/es-es/tool.md", 6)]
    );
    // Its code does not write it: nothing tells which side is right.
    let en = page("Repair product 7476-469F, type:", "ABCD-469F");
    let es = page("Para reparar el producto, escriba:", "ABCD-469F");
    let (_, found) = run(&[("en-us/tool.md", &en), ("es-es/tool.md", &es)], &[]);
    assert_eq!(
        found,
        set(&[
            ("translation-token-mismatch", "content/en-us/tool.md", 3),
            ("translation-token-mismatch", "content/es-es/tool.md", 3),
        ])
    );
}

/// `switch-case-mismatch`: in the table of a command that tells `/r` from
/// `/R`, a switch the page writes nowhere else as it stands, while its
/// syntax writes it in another case. Not where the table has no such
/// pair (most commands read either case), nor where the other case is
/// another row's switch.
#[test]
fn a_switch_in_the_wrong_case_is_flagged_where_case_matters() {
    let page = |rows: &str| {
        format!(
            "# tool\n\n```\ntool [/c] [/n] [/r] [/R] [/s]\n```\n\n|Option|Description|\n|-|-|\n{rows}"
        )
    };
    let wrong = page("|/C|Cache.|\n|/n|Names.|\n|/r|Resolve.|\n|/R|Reload.|\n|/s|Sessions.|\n");
    let (code, doc) = run_json(&[("es-es/tool.md", &wrong)], &[]);
    assert_eq!(code, Some(0), "a warning");
    assert_eq!(
        findings(&doc),
        set(&[("switch-case-mismatch", "content/es-es/tool.md", 9)])
    );
    let c = finding_at(&doc, "content/es-es/tool.md", 9);
    assert_eq!(
        c["message"],
        "`/C` is written nowhere else on this page, whose line 4 writes `/c`; this command tells `/r` from `/R`, so the case of a switch is part of it"
    );
    assert_eq!(related(c), [("content/es-es/tool.md", 4)]);
    for (rows, why) in [
        (
            "|/C|Cache.|\n|/n|Names.|\n|/r|Resolve.|\n|/x|Other.|\n|/s|Sessions.|\n",
            "no pair that tells case",
        ),
        (
            "|/c|Cache.|\n|/n|Names.|\n|/r|Resolve.|\n|/R|Reload.|\n|/s|Sessions.|\n",
            "as the syntax writes it",
        ),
        (
            "|/c|Cache.|\n|/n|Names.|\n|/N +|Names, more.|\n|/r|Resolve.|\n|/R|Reload.|\n|/s|Sessions.|\n",
            "the other case is another row's switch (msiexec's `/QN +`)",
        ),
    ] {
        let (_, found) = run(&[("es-es/tool.md", &page(rows))], &[]);
        assert!(found.is_empty(), "{why}: {found:?}");
    }
}

/// `syntax-keyword-mismatch`: a parameters table's first cell naming a
/// keyword its syntax block does not write, where the syntax writes one
/// no row names (DiskPart's `size=<n>` as `tamaño=<n>`, `route`'s
/// `[mask <Netmask>]` as `máscara <Netmask>`), on a page of its own.
#[test]
fn a_translated_keyword_of_a_syntax_is_flagged_and_nothing_like_it() {
    let page = |syntax: &str, rows: &str| {
        format!(
            "# tool\n\n```\n{syntax}\n```\n\n|Parameter|Description|\n|-|-|\n{rows}\n## Examples\n\n```\ntool size=1000 label=Data\n```\n"
        )
    };
    let syntax = "tool [size=<n>] [offset=<n>] [id={ <byte> | <guid> }] [mask <Netmask>] [noerr]";
    let translated = page(
        syntax,
        "|tamaño =`<n>`|Size.|\n|offset=`<n>`|Offset.|\n|identificador={ `<byte>` }|Type.|\n|máscara \\<Netmask>|Mask.|\n|noerr|Errors.|\n",
    );
    let (code, doc) = run_json(&[("es-es/tool.md", &translated)], &[]);
    assert_eq!(code, Some(0), "warnings only");
    assert_eq!(
        findings(&doc),
        set(&[
            ("syntax-keyword-mismatch", "content/es-es/tool.md", 9),
            ("syntax-keyword-mismatch", "content/es-es/tool.md", 11),
            ("syntax-keyword-mismatch", "content/es-es/tool.md", 12),
        ])
    );
    let size = finding_at(&doc, "content/es-es/tool.md", 9);
    assert_eq!(
        size["message"],
        "`tamaño` is no keyword of this command: its syntax (line 4) writes `size=<n>`, which no row of this table names; machine translation translates keywords"
    );
    assert_eq!(
        size["help"],
        "write `size`, as the syntax does: commands take their keywords only as written"
    );
    assert_eq!(
        (&size["location"]["column"], &size["location"]["end_column"]),
        (&serde_json::json!(2), &serde_json::json!(8))
    );
    assert_eq!(related(size), [("content/es-es/tool.md", 4)]);
    // `<Netmask>` is paired by the value it keeps with `mask`;
    // `identificador={ <byte> }` keeps none of the syntax's values whole
    // and is paired with the one keyword of its form left, `id`.
    let id = finding_at(&doc, "content/es-es/tool.md", 11);
    assert!(
        id["message"]
            .as_str()
            .is_some_and(|m| m.contains("writes `id={ <byte> | <guid> }`, which")),
        "{id}"
    );
    let mask = finding_at(&doc, "content/es-es/tool.md", 12);
    assert!(
        mask["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("`máscara` is no keyword of this command: its syntax (line 4) writes `mask <Netmask>`, which")),
        "{mask}"
    );
    // Two cells keeping the `<n>` two keywords share: each could stand
    // for either, and both are named rather than guessed by row order.
    let both = page(
        syntax,
        "|tamaño=`<n>`|Size.|\n|desplazamiento=`<n>`|Offset.|\n|id={ `<byte>` }|Type.|\n|mask \\<Netmask>|Mask.|\n",
    );
    let (_, doc) = run_json(&[("es-es/tool.md", &both)], &[]);
    let offset = finding_at(&doc, "content/es-es/tool.md", 10);
    assert_eq!(
        offset["message"],
        "`desplazamiento` is no keyword of this command: its syntax (line 4) writes `size=<n>` and `offset=<n>`, none of which a row of this table names; machine translation translates keywords"
    );
    assert_eq!(related(offset).len(), 2);
    for (syntax, rows, why) in [
        (
            syntax,
            "|size=`<n>`|Size.|\n|offset=`<n>`|Offset.|\n|id={ `<byte>` }|Type.|\n|mask \\<Netmask>|Mask.|\n|noerr|Errors.|\n",
            "every keyword kept",
        ),
        (
            syntax,
            "|SIZE = `<N>`|Size.|\n|Offset=`<n>`|Offset.|\n|id={ `<byte>` }|Type.|\n|MASK \\<netmask>|Mask.|\n|noerr|Errors.|\n",
            "the same keywords in another case and spacing",
        ),
        (
            syntax,
            "|size=`<n>`|Size.|\n|offset=`<n>`|Offset.|\n|id={ `<byte>` }|Type.|\n|mask \\<Netmask>|Mask.|\n|label=`<name>`|Label.|\n",
            "a row the syntax lacks, with every keyword of the syntax named",
        ),
        (
            "tool size=1000 name=\"x\" [/q]",
            "|tamaño=`<n>`|Size.|\n|/q|Quiet.|\n",
            "an example's values, not a syntax's placeholders",
        ),
        (
            syntax,
            "|label=`<n>`|Label.|\n|Especifica el tamaño|Size.|\n",
            "a table naming nothing of the syntax",
        ),
    ] {
        let (_, found) = run(&[("es-es/tool.md", &page(syntax, rows))], &[]);
        assert!(found.is_empty(), "{why}: {found:?}");
    }
}

/// `bare-switch`: in a table whose first column lists switches, a bare
/// word (a switch that lost its `/`) or a switch written apart from its
/// mark, on a page of its own: no translation is needed to tell. Not in
/// tables of fewer than four rows or of fewer than three quarters
/// switches, nor cells of several words, placeholders or numbers.
#[test]
fn a_bare_word_among_switches_is_flagged_and_nothing_like_it() {
    let page = "# tool\n\n|Option|Description|\n|-|-|\n|/s|Subfolders.|\n|sec|Security.|\n|/ v|Verbose.|\n|/copy:\\<flags>|Copy.|\n|/mir|Mirror.|\n|/xf \\<file>|Exclude.|\n|/mt[:n]|Threads.|\n|/log:\\<file>|Log.|\n";
    let (code, doc) = run_json(&[("es-es/tool.md", page)], &[]);
    assert_eq!(code, Some(0), "warnings only");
    assert_eq!(
        findings(&doc),
        set(&[
            ("bare-switch", "content/es-es/tool.md", 6),
            ("bare-switch", "content/es-es/tool.md", 7),
        ])
    );
    let sec = finding_at(&doc, "content/es-es/tool.md", 6);
    assert_eq!(
        sec["message"],
        "`sec` is no switch, while 6 of this table's 8 rows start with one (`/s`, `/copy`, `/mir`): machine translation drops the `/` of a switch"
    );
    let v = finding_at(&doc, "content/es-es/tool.md", 7);
    assert_eq!(
        (&v["location"]["column"], &v["location"]["end_column"]),
        (&serde_json::json!(2), &serde_json::json!(5))
    );
    assert_eq!(
        v["help"],
        "write `/v`: a command switch is one word, its `/` included"
    );
    // A bare `s` where `/s` is another row's already: the help says the
    // lost switch may be another.
    let short = page.replace("|sec|", "|s|");
    let (_, doc) = run_json(&[("es-es/tool.md", &short)], &[]);
    let s = finding_at(&doc, "content/es-es/tool.md", 6);
    assert!(
        s["help"]
            .as_str()
            .is_some_and(|h| h.contains("`/s` is another row's switch already")),
        "{s}"
    );
    // Dashes make the mark when most switches have one.
    let dashes = page.replace("|/", "|-").replace("|- v|", "|-v|");
    let (_, doc) = run_json(&[("es-es/tool.md", &dashes)], &[]);
    assert_eq!(
        finding_at(&doc, "content/es-es/tool.md", 6)["message"],
        "`sec` is no switch, while 7 of this table's 8 rows start with one (`-s`, `-v`, `-copy`): machine translation drops the `-` of a switch"
    );
    for (cell, why) in [
        ("|Nota importante|", "several words"),
        ("|\\<Source>|", "a placeholder"),
        ("|256|", "a number"),
        ("|sec2|", "letters and digits"),
    ] {
        let other = page.replace("|sec|", cell).replace("|/ v|", "|/v|");
        let (_, found) = run(&[("es-es/tool.md", &other)], &[]);
        assert!(found.is_empty(), "{why}: {found:?}");
    }
    // Not a switches table: three rows, or half of them words.
    let short = "# t\n\n|Option|Text|\n|-|-|\n|/s|S.|\n|sec|Sec.|\n|/mir|M.|\n";
    let words = page
        .replace("|/mir|", "|Mirror|")
        .replace("|/xf \\<file>|", "|Files|");
    for (page, why) in [(short, "three rows"), (words.as_str(), "half words")] {
        let (_, found) = run(&[("es-es/tool.md", page)], &[]);
        assert!(found.is_empty(), "{why}: {found:?}");
    }
}
