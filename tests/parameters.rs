//! PowerShell reference pages, as platyPS writes them: parameter headings
//! a translation renamed (`translation-token-mismatch`), code spans run
//! together, and the side-by-side source text older localized pages
//! carry, on real pages and on small fixtures of what must and must not
//! fire.

mod common;

use common::*;

/// Real machine translations of PowerShell's `Test-Path` (fr-fr, ko-kr,
/// sv-se) and `Join-Path` (de-de, sv-se, and zh-tw with the source text
/// beside each sentence), each group made from one source version
/// (`tests/data/README.md`).
#[test]
fn real_pages_give_their_renamed_parameters_and_nothing_else() {
    let root = repo().join("tests/data/real-powershell");
    let (code, doc) = check_json(&root, &[]);
    assert_eq!(code, Some(1));
    let page = |locale: &str, name: &str| {
        format!("content/{locale}/Microsoft.PowerShell.Management/{name}.md")
    };
    let mut expected = std::collections::BTreeSet::new();
    let mut expect = |rule: &str, locale: &str, name: &str, line: u64| {
        expected.insert((rule.to_owned(), page(locale, name), line));
    };
    // `-Exclude` and `-Include` renamed by sv-se (`-Undanta`, `-Inkludera`)
    // and ko-kr (`-제외`, `-포함`); fr-fr kept them, and each page's own
    // syntax block names them.
    for locale in ["ko-kr", "sv-se"] {
        expect("translation-token-mismatch", locale, "Test-Path", 205);
        expect("translation-token-mismatch", locale, "Test-Path", 237);
    }
    // `-Resolve` renamed by de-de (`-Auflösen`) and sv-se (`-Lös`), kept
    // by zh-tw inside its side-by-side markup; de-de's `-Childpath` is the
    // same parameter. zh-tw runs two code spans together
    // (`` `Path``ChildPath` ``), which its hidden source text beside it
    // does not make whole again.
    // sv-se splits the type of the inputs and outputs, `System. String`
    // for `System.String`, which its parameters' `Type:` lines name, and
    // `System. Boolean`, which nothing else on its page names: the same
    // heading in fr-fr and ko-kr is exactly that type.
    expect("translation-token-mismatch", "sv-se", "Test-Path", 371);
    expect("translation-token-mismatch", "sv-se", "Test-Path", 377);
    for line in [238, 244] {
        expect("translation-token-mismatch", "sv-se", "Join-Path", line);
    }
    expect("translation-token-mismatch", "de-de", "Join-Path", 213);
    expect("translation-token-mismatch", "sv-se", "Join-Path", 213);
    expect("translation-token-mismatch", "zh-tw", "Join-Path", 60);
    expect("escaped-entity", "de-de", "Join-Path", 250);
    // Links to a cmdlet's page whose text the translation turned into
    // words, where another locale's reads the cmdlet's name: sv-se's
    // related links (`[Konvertera-sökväg](Convert-Path.md)`), and
    // `Invoke-Command` in ko-kr (`Invoke 명령을`), de-de (`-Command`, the
    // `Invoke` left outside the link) and zh-tw (`Invoke 命令`). Warnings.
    for line in [390, 392, 394, 396] {
        expect("translation-token-mismatch", "sv-se", "Test-Path", line);
    }
    for line in [260, 262, 264, 266] {
        expect("translation-token-mismatch", "sv-se", "Join-Path", line);
    }
    expect("translation-token-mismatch", "ko-kr", "Test-Path", 191);
    for locale in ["de-de", "zh-tw"] {
        expect("translation-token-mismatch", locale, "Join-Path", 179);
    }
    // Links to pages outside the sample; each page links the other, which
    // only sv-se has.
    for locale in ["fr-fr", "ko-kr", "sv-se"] {
        for line in [191, 367, 386, 390, 392, 394, 396] {
            if !(locale == "sv-se" && line == 392) {
                expect("broken-link", locale, "Test-Path", line);
            }
        }
    }
    for locale in ["de-de", "sv-se", "zh-tw"] {
        for line in [179, 256, 260, 262, 264, 266, 268, 270, 272] {
            if !(locale == "sv-se" && line == 266) {
                expect("broken-link", locale, "Join-Path", line);
            }
        }
    }
    assert_eq!(findings(&doc), expected);

    let exclude = finding_at(&doc, &page("sv-se", "Test-Path"), 205);
    assert_eq!(
        exclude["message"],
        "this heading reads `-Undanta`, which this page names nowhere else, where fr-fr has the parameter `-Exclude`, which this page names on line 27"
    );
    assert_eq!(
        exclude["help"],
        "write `-Exclude` as fr-fr does: translations keep a parameter's name, and links to its heading (`#-exclude`) land here only then"
    );
    assert_eq!(exclude["location"]["column"], 5);
    assert_eq!(
        related(exclude),
        [
            (page("sv-se", "Test-Path").as_str(), 27),
            (page("fr-fr", "Test-Path").as_str(), 205)
        ]
    );
    let korean = finding_at(&doc, &page("ko-kr", "Test-Path"), 237);
    assert_eq!(
        korean["message"],
        "this heading reads `-포함`, where fr-fr has the parameter `-Include`, which this page names on line 27"
    );

    let joined = finding_at(&doc, &page("zh-tw", "Join-Path"), 60);
    assert_eq!(
        joined["message"],
        "this paragraph has `Path``ChildPath` where de-de, sv-se have `Path`, `ChildPath`: code spans written with nothing between them read as one"
    );
    assert_eq!(
        joined["help"],
        "write `Path` and `ChildPath` apart, with a space or words between them, as in de-de, sv-se; if this locale is right, correct the others"
    );
}

/// A platyPS page in `locale`: its syntax block names `-Name` and
/// `-Force`, and its parameters' headings are `headings`.
fn cmdlet(headings: &[&str]) -> String {
    let mut page = String::from(
        "# Get-Thing\n\n## SYNTAX\n\n```\nGet-Thing [-Name <String>] [-Force]\n```\n\n## PARAMETERS\n",
    );
    for heading in headings {
        page.push_str(&format!("\n### {heading}\n\nText.\n"));
    }
    page
}

fn mismatches(site: &Fixture) -> Vec<(String, u64)> {
    lines_of(
        &check_json(site.root(), &[]).1,
        "translation-token-mismatch",
    )
}

#[test]
fn a_renamed_or_unswitched_parameter_heading_is_flagged() {
    let site = Fixture::new();
    site.write("content/en-us/a.md", cmdlet(&["-Force", "-Name"]))
        .write("content/es-es/a.md", cmdlet(&["-Forzar", "-Name"]))
        .write("content/it-it/a.md", cmdlet(&["-Force", "Nome"]));
    assert_eq!(
        mismatches(&site),
        [
            ("content/es-es/a.md".to_owned(), 11),
            ("content/it-it/a.md".to_owned(), 15)
        ]
    );
    // Pointed at the heading's text, not at an anchor's id spelling it.
    site.write(
        "content/es-es/a.md",
        cmdlet(&["<a name=\"-forzar\"></a>-forzar", "-Name"]),
    );
    let (_, doc) = check_json(site.root(), &[]);
    let es = finding_where(&doc, |f| f["location"]["file"] == "content/es-es/a.md");
    assert_eq!(es["location"]["column"], 27);
}

#[test]
fn parameter_headings_kept_or_without_evidence_are_not_flagged() {
    let site = Fixture::new();
    // Another case is the same parameter; a heading that keeps the
    // switch in words of its own kept the name.
    site.write("content/en-us/a.md", cmdlet(&["-Force", "-Name"]))
        .write("content/es-es/a.md", cmdlet(&["-force", "-Name"]))
        .write(
            "content/it-it/a.md",
            cmdlet(&["-Force", "Il parametro -Name"]),
        );
    assert_eq!(mismatches(&site), []);
    // A locale that lacks one parameter's section pairs its next heading
    // with it: a parameter its syntax names is never blamed.
    let site = Fixture::new();
    site.write("content/en-us/a.md", cmdlet(&["-Force", "-Name"]))
        .write("content/es-es/a.md", cmdlet(&["-Name"]));
    assert_eq!(mismatches(&site), []);
    // Without the switch anywhere else on the page, a heading is no
    // parameter this page shows to be renamed.
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# T\n\n## -Verbose\n\nText.\n")
        .write("content/es-es/a.md", "# T\n\n## -Detallado\n\nTexto.\n");
    assert_eq!(mismatches(&site), []);
}

#[test]
fn a_broken_type_heading_is_flagged_and_other_dotted_names_are_not() {
    let outputs = |heading: &str| {
        format!(
            "# Get-Thing\n\n## PARAMETERS\n\n### -Name\n\n```yaml\nType: System.String\n```\n\n## OUTPUTS\n\n### {heading}\n\nText.\n"
        )
    };
    let site = Fixture::new();
    site.write("content/en-us/a.md", outputs("System.String"))
        .write("content/sv-se/a.md", outputs("System. String"))
        .write("content/de-de/a.md", outputs("System.String"));
    assert_eq!(mismatches(&site), [("content/sv-se/a.md".to_owned(), 13)]);

    let (_, doc) = check_json(site.root(), &[]);
    let sv = finding_where(&doc, |f| f["location"]["file"] == "content/sv-se/a.md");
    assert_eq!(
        sv["message"],
        "this heading reads `System. String`, where en-us, de-de have the type `System.String`, which this page names on line 8"
    );
    assert_eq!(
        sv["help"],
        "write `System.String` as en-us does: translations keep a type's name"
    );
    // A type the page names nowhere else: split at its dot where another
    // locale's same heading is exactly the type, the heading tells.
    let site = Fixture::new();
    site.write("content/en-us/a.md", outputs("System.Boolean"))
        .write("content/sv-se/a.md", outputs("System. Boolean"))
        .write("content/de-de/a.md", outputs("Boolescher Wert"));
    assert_eq!(mismatches(&site), [("content/sv-se/a.md".to_owned(), 13)]);
    let (_, doc) = check_json(site.root(), &[]);
    let sv = finding_where(&doc, |f| f["location"]["file"] == "content/sv-se/a.md");
    assert_eq!(
        sv["message"],
        "this heading reads `System. Boolean`, where en-us has the type `System.Boolean`: machine translation split it at its dot"
    );
    assert_eq!(related(sv), [("content/en-us/a.md", 13)]);
    // `Node.js` is no type name, and a heading that keeps the type among
    // words of its own kept it.
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        "# T\n\n## Node.js\n\nUse Node.js.\n\n## System.String\n\nA System.String.\n",
    )
    .write(
        "content/es-es/a.md",
        "# T\n\n## Acerca de Node\n\nUse Node.js.\n\n## El tipo System.String\n\nUn System.String.\n",
    );
    assert_eq!(mismatches(&site), []);
}

#[test]
fn a_cmdlet_link_whose_text_was_translated_is_a_warning() {
    let related = |texts: [&str; 2]| {
        format!(
            "# Get-Thing\n\n## RELATED LINKS\n\n[{}](Convert-Path.md)\n\n[{}](../Core/Invoke-Command.md#x)\n",
            texts[0], texts[1]
        )
    };
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        related(["Convert-Path", "Invoke-Command"]),
    )
    .write(
        "content/sv-se/a.md",
        related(["Konvertera-sökväg", "Cmdleten Invoke-Command"]),
    )
    .write("content/de-de/a.md", related(["Convert-Path", "-Command"]));
    assert_eq!(
        mismatches(&site),
        [
            ("content/de-de/a.md".to_owned(), 7),
            ("content/sv-se/a.md".to_owned(), 5)
        ]
    );
    let (_, doc) = check_json(site.root(), &[]);
    let sv = finding_where(&doc, |f| f["location"]["file"] == "content/sv-se/a.md");
    assert_eq!(sv["severity"], "warning");
    assert_eq!(
        sv["message"],
        "this link to `Convert-Path.md` reads `Konvertera-sökväg` where en-us writes the cmdlet's name, `Convert-Path`"
    );
    assert_eq!(sv["location"]["column"], 2);
    // No fix: `Konvertera-sökväg` holds nothing of `Convert-Path`, and may
    // hold words of the sentence.
    assert_eq!(replacements(sv), Vec::<&str>::new());

    // Azure's articles link a cmdlet's page in the module reference,
    // whose address writes its name in lower case. A text that kept the
    // noun and translated the verb was the name alone: fixed. One that
    // translated both is told.
    let azure = |texts: [&str; 3]| {
        format!(
            "# T\n\nUse [{}](https://docs.microsoft.com/powershell/module/az.compute/set-azvmplan?view=azps-1.0.0).\n\nThen [{}](/powershell/module/az.network/new-azvirtualnetwork).\n\nSee [{}](/powershell/module/az.compute/).\n",
            texts[0], texts[1], texts[2]
        )
    };
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        azure(["Set-AzVMPlan", "New-AzVirtualNetwork", "Az.Compute"]),
    )
    .write(
        "content/tr-tr/a.md",
        azure(["kümesi AzVMPlan", "Yeni sanal ağ Az", "Az.Compute modülü"]),
    )
    .write(
        "content/de-de/a.md",
        azure(["das Cmdlet Set-AzVMPlan", "NEW-AZVIRTUALNETWORK", "Modul"]),
    );
    assert_eq!(
        mismatches(&site),
        [
            ("content/tr-tr/a.md".to_owned(), 3),
            ("content/tr-tr/a.md".to_owned(), 5)
        ]
    );
    let (_, doc) = check_json(site.root(), &[]);
    let plan = finding_at(&doc, "content/tr-tr/a.md", 3);
    assert_eq!(
        plan["message"],
        "this link to `https://docs.microsoft.com/powershell/module/az.compute/set-azvmplan?view=azps-1.0.0` reads `kümesi AzVMPlan` where en-us writes the cmdlet's name, `Set-AzVMPlan`"
    );
    assert_eq!(replacements(plan), ["Set-AzVMPlan"]);
    let network = finding_at(&doc, "content/tr-tr/a.md", 5);
    assert_eq!(replacements(network), Vec::<&str>::new());

    // Azure CLI commands, linked to their entries in the CLI reference,
    // are typed as written: a case or hyphen changed is fixed, a word
    // translated told. A text naming the command among words of its own,
    // or a link that reads the command in no locale, is no slip.
    let cli = |texts: [&str; 2]| {
        format!(
            "# T\n\nRun [{}](/cli/azure/group#az-group-create).\n\nSee [{}](/cli/azure/vm#az-vm-create).\n",
            texts[0], texts[1]
        )
    };
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        cli(["az group create", "create a virtual machine"]),
    )
    .write(
        "content/sv-se/a.md",
        cli(["AZ-gruppen Create", "skapa en VM"]),
    )
    .write(
        "content/fr-fr/a.md",
        cli(["Az Group Create", "créer une VM"]),
    )
    .write(
        "content/de-de/a.md",
        cli(["den Befehl az group create", "AZ VM Create"]),
    );
    assert_eq!(
        mismatches(&site),
        [
            ("content/fr-fr/a.md".to_owned(), 3),
            ("content/sv-se/a.md".to_owned(), 3)
        ]
    );
    let (_, doc) = check_json(site.root(), &[]);
    let fr = finding_at(&doc, "content/fr-fr/a.md", 3);
    assert_eq!(
        fr["message"],
        "this link to `/cli/azure/group#az-group-create` reads `Az Group Create` where en-us writes the Azure CLI command, `az group create`"
    );
    assert_eq!(replacements(fr), ["az group create"]);
    let sv = finding_at(&doc, "content/sv-se/a.md", 3);
    assert_eq!(replacements(sv), Vec::<&str>::new());
    // Older articles link the group's page and the command alone.
    let site = Fixture::new();
    let old = |text: &str| {
        format!("# T\n\nRun [{text}](https://docs.microsoft.com/cli/azure/group#create).\n")
    };
    site.write("content/en-us/a.md", old("az group create"))
        .write("content/ko-kr/a.md", old("az 그룹 만들기"))
        .write("content/de-de/a.md", old("az group create"));
    assert_eq!(mismatches(&site), [("content/ko-kr/a.md".to_owned(), 3)]);

    // A text that names the cmdlet among words of its own, or links
    // whose text is the cmdlet's name in no locale, are no slip.
    let site = Fixture::new();
    site.write(
        "content/en-us/a.md",
        related(["Convert-Path", "About remoting"]),
    )
    .write(
        "content/es-es/a.md",
        related(["El cmdlet Convert-Path", "Acerca de la comunicación remota"]),
    );
    assert_eq!(mismatches(&site), []);

    // The source text a side-by-side page hides beside each sentence:
    // its link's text is not read, so it lost no name.
    let site = Fixture::new();
    site.write("content/en-us/a.md", "# T\n\nSee [Convert-Path](Convert-Path.md).\n")
        .write(
            "content/zh-tw/a.md",
            "# T\n\n<span data-ttu-id=\"1\">請參閱 [Convert-Path](Convert-Path.md)。</span><span class=\"sxs-lookup\"><span data-stu-id=\"1\">See [Convert-Path](Convert-Path.md).</span></span>\n",
        );
    assert_eq!(mismatches(&site), []);
}
