//! The rule ids users see, with their default severities, summaries and
//! pages (`polydoc check --list-rules` and `--explain`, SARIF's rule
//! list, `[rules]` in `polydoc.toml`).
//!
//! Each rule's page is `docs/rules/<id>.md`, compiled in: a rule without
//! one does not build, and what `--explain` prints, what code scanning
//! shows beside an alert and what the repository shows are one text.

use crate::diagnostic::Severity;

/// A rule as users see it: its id, default severity, what it finds in a
/// line, and its page (what it finds exactly, and how to fix it).
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub doc: &'static str,
    /// Whether some of its findings carry an edit `check --fix` writes
    /// (marked `fix` in the list below; the tests stop on a fix from a
    /// rule not so marked, and on a page that does not say what it fixes).
    pub fixable: bool,
}

macro_rules! rule {
    ($id:literal, $severity:expr, $summary:expr $(,)?) => {
        rule!(@ $id, $severity, $summary, false)
    };
    ($id:literal, $severity:expr, $summary:expr, fix $(,)?) => {
        rule!(@ $id, $severity, $summary, true)
    };
    (@ $id:literal, $severity:expr, $summary:expr, $fixable:expr) => {
        RuleInfo {
            id: $id,
            severity: $severity,
            summary: $summary,
            doc: include_str!(concat!("../../docs/rules/", $id, ".md")),
            fixable: $fixable,
        }
    };
}

impl RuleInfo {
    /// The rule's page, with how to change its level or silence one
    /// finding: what `--explain` prints and SARIF's rule help carries.
    pub fn explain(&self) -> String {
        let id = self.id;
        format!(
            "{}\n\n## Settings\n\nIn `polydoc.toml`, `[rules]` changes its level or turns it off:\n\n```toml\n[rules]\n{id} = \"off\"  # or \"error\", \"warning\", \"note\"\n```\n\nA finding in a page's Markdown is silenced where it stands: `<!-- polydoc-disable-next-line {id} -->` on the line before it, or `<!-- polydoc-disable-line {id} -->` on its line.\n",
            self.doc.trim_end()
        )
    }
}

/// Every rule id. Once released, an id never changes.
pub const RULES: &[RuleInfo] = &[
    rule!(
        "broken-link",
        Severity::Error,
        "A relative link to a page, image or file that does not exist in the page's locale.",
    ),
    rule!(
        "broken-link-syntax",
        Severity::Error,
        "`[text] (target.md)`: a space between `]` and `(`, as machine translation leaves, makes a link or image text.",
        fix,
    ),
    rule!(
        "missing-anchor",
        Severity::Error,
        "A link to `#fragment` that names no id of the target page.",
    ),
    rule!(
        "link-case-mismatch",
        Severity::Warning,
        "A link that resolves only when letter case is ignored: it works on Windows, not on a Linux web server.",
        fix,
    ),
    rule!(
        "redirected-link",
        Severity::Warning,
        "A link to an article `.openpublishing.redirection.json` lists as moved, or a page names among its `aliases`: the site redirects it, at the cost of a hop.",
        fix,
    ),
    rule!(
        "redirected-file-not-removed",
        Severity::Warning,
        "An entry of `.openpublishing.redirection.json` whose file is still there: the published site serves the redirect and never shows the file's edits.",
    ),
    rule!(
        "invalid-front-matter-value",
        Severity::Warning,
        "A front matter key polydoc acts on, set to a value it cannot read: `draft: yes` (the page is published), `weight: first`.",
    ),
    rule!(
        "invalid-alias",
        Severity::Error,
        "A page's `aliases` entry that can redirect nothing: it names a file of the locale, the home or 404 page, a path another entry claims, an address, or no page.",
    ),
    rule!(
        "invalid-redirection",
        Severity::Error,
        "A redirection file (`.openpublishing.redirection.json`, or one the publishing configuration lists) that cannot be read, or is listed and missing.",
    ),
    rule!(
        "invalid-docfx-json",
        Severity::Error,
        "A `docfx.json` in a locale folder that cannot be read: its metadata is not applied.",
    ),
    rule!(
        "hard-coded-locale",
        Severity::Warning,
        "A link to Microsoft Learn or the published site that names a locale (`/en-us/`): every reader lands on that language.",
        fix,
    ),
    rule!(
        "published-path-unset",
        Severity::Note,
        "Links to paths of the published site (`/windows-server/...`) that name files of the copy, left unchecked until `[published] path` is set.",
    ),
    rule!(
        "dependency-not-cloned",
        Severity::Note,
        "A repository the publishing clones into the copy (`reusable-content/`) that this copy lacks: the links, includes and code references leading there are not checked.",
    ),
    rule!(
        "link-backslash",
        Severity::Warning,
        "A link that resolves only when `\\` is read as `/`.",
        fix,
    ),
    rule!(
        "duplicate-anchor",
        Severity::Warning,
        "An id defined more than once on a page (an error when a link targets it).",
    ),
    rule!(
        "hidden-html",
        Severity::Warning,
        "Prose such as `<computername>` that a browser parses as an unknown tag and hides.",
        fix,
    ),
    rule!(
        "unknown-alert",
        Severity::Warning,
        "A quote opening with an alert keyword DocFX does not know, often a translated one (`[!NOTA]`): it shows as text.",
        fix,
    ),
    rule!(
        "mt-placeholder",
        Severity::Warning,
        "A placeholder of the machine-translation pipeline (`@no__t-0`) left in the text, where something was lost.",
    ),
    rule!(
        "split-identifier",
        Severity::Warning,
        "An identifier machine translation split at its underscores (`STATUS \\_ ARRAY \\_ BOUNDS`, shown `STATUS _ ARRAY _ BOUNDS`), often with its parts translated.",
        fix,
    ),
    rule!(
        "split-file-name",
        Severity::Warning,
        "A file name machine translation split at its dot (`stdafx. cpp` for `stdafx.cpp`), which the page writes whole elsewhere.",
        fix,
    ),
    rule!(
        "truncated-file-name",
        Severity::Warning,
        "A file name whose extension machine translation dropped (`Wmiprov` for `Wmiprov.log`), which the same block of another locale writes whole.",
        fix,
    ),
    rule!(
        "split-member-name",
        Severity::Warning,
        "A qualified name machine translation split after its separator (`IPin:: EnumMediaTypes`, or `CBasePin. EnumMediaTypes` where the page's `api_name` names it).",
        fix,
    ),
    rule!(
        "split-path",
        Severity::Warning,
        "A path machine translation split at its backslashes (`\\ Software Microsoft \\ WBEM` for `Software\\Microsoft\\WBEM`), which the source text beside it or another locale's same block writes whole.",
        fix,
    ),
    rule!(
        "lowercased-name",
        Severity::Warning,
        "An API name machine translation wrote in lower case (`ienummediatypes` for `IEnumMediaTypes`) on a reference page that writes it with its capitals elsewhere.",
    ),
    rule!(
        "transliterated-name",
        Severity::Warning,
        "A link whose text is an API name machine translation spelled in Cyrillic letters (`упдатевиндов` for `UpdateWindow`), which the same link in another locale writes as it is.",
    ),
    rule!(
        "escaped-entity",
        Severity::Warning,
        "A character machine translation escaped twice (`%%amp;quot;` for `\"`), which readers see as written.",
        fix,
    ),
    rule!(
        "glued-no-loc-term",
        Severity::Warning,
        "A term the page's `no-loc` list keeps as written, glued into the words around it (`queSEHadmite`): machine translation put it back inside a word.",
    ),
    rule!(
        "appended-source-text",
        Severity::Warning,
        "A translated heading or link text that ends with its source text glued to it (`...a livello di codiceSet the option in Visual Studio`), which its anchor or its target's file name shows.",
    ),
    rule!(
        "mangled-link-text",
        Severity::Warning,
        "A link whose text is its own target as machine translation left it (`. /manage-apps/x.md # 번역된 앵커` for `../manage-apps/x.md#anchor`).",
    ),
    rule!(
        "stray-bold",
        Severity::Warning,
        "`**` shown as two asterisks: bold that does not open or close (`** extern **`, a space inside the markers; `**a****b**`, two runs written together).",
        fix,
    ),
    rule!(
        "dotless-i",
        Severity::Warning,
        "A name in Latin capitals whose `I` machine translation lower-cased by Turkish rules (`ıNCLUDE` for `INCLUDE`, `/LCıD` for `/LCID`).",
        fix,
    ),
    rule!(
        "stray-italic",
        Severity::Warning,
        "A `*` a translation shows as an asterisk (`* Common7 IDE`, a space inside the markers) where the same block of another locale shows italics.",
    ),
    rule!(
        "link-text-anchor-mismatch",
        Severity::Error,
        "A link whose text is a code while the anchor or heading it targets carries a different one.",
        fix,
    ),
    rule!(
        "duplicate-table-key",
        Severity::Warning,
        "The same value twice in the key column of a table.",
    ),
    rule!(
        "hex-decimal-mismatch",
        Severity::Error,
        "A table row whose decimal value is not its hexadecimal code's (`0x80073CF3` beside `-2147009296`), where the table's other rows give each code's.",
        fix,
    ),
    rule!(
        "constant-value-mismatch",
        Severity::Warning,
        "A named constant a page gives another value than the other pages of the site give it (`wbemErrFailed` as `0x7FFF7C21` where others write `0x80041001`).",
        fix,
    ),
    rule!(
        "constant-name-mismatch",
        Severity::Warning,
        "A constant's name that is not the name its anchor keeps (`Втнка \\_ НОДРАВКАПТИОН` beside `<span id=\"WTNCA_NODRAWCAPTION\">`, `Fehler \\_ erfolgreich` beside `<span id=\"ERROR_SUCCESS\">`).",
        fix,
    ),
    rule!(
        "property-name-mismatch",
        Severity::Warning,
        "A properties table row whose name machine translation translated (`字段` for `field`), which names no property of the page's JSON representation.",
        fix,
    ),
    rule!(
        "translated-type-name",
        Severity::Warning,
        "A properties table's type translated (`字符串` for `String`) in a column that writes the same type as code in other rows.",
        fix,
    ),
    rule!(
        "bare-switch",
        Severity::Warning,
        "A bare word (`sec`) among the switches a table's first column lists: machine translation dropped its `/`.",
    ),
    rule!(
        "switch-case-mismatch",
        Severity::Warning,
        "A switch written in another case than the page's syntax writes it, in the table of a command that tells `/r` from `/R`.",
    ),
    rule!(
        "syntax-keyword-mismatch",
        Severity::Warning,
        "A parameters table's first cell naming a keyword the command's syntax does not have (`tamaño=<n>` for `size=<n>`): machine translation translated it.",
    ),
    rule!(
        "translation-token-mismatch",
        Severity::Error,
        "Codes, code, link targets, included files, anchors or command switches that differ between translations of the same block.",
        fix,
    ),
    rule!(
        "translation-cell-mismatch",
        Severity::Warning,
        "A table cell that differs from the other locales' in a column every locale, and the page itself, otherwise keeps as written (`mm` for `hh`), or anywhere in a query's result set (`Management Pack` for `mp`).",
    ),
    rule!(
        "content-locale-mismatch",
        Severity::Warning,
        "`ms.contentlocale` names another locale than the page's folder.",
    ),
    rule!(
        "source-fallback",
        Severity::Note,
        "A file the translation lacks, taken from the source locale in the built site.",
    ),
    rule!(
        "include-not-found",
        Severity::Error,
        "An `[!INCLUDE]` whose file does not exist, or lies outside the locale folder.",
    ),
    rule!(
        "circular-reference",
        Severity::Error,
        "Includes that lead back to a file already being included.",
    ),
    rule!(
        "codesnippet-not-found",
        Severity::Error,
        "A `:::code` or `[!code]` whose file, region or lines do not exist.",
    ),
    rule!(
        "unclosed-block",
        Severity::Error,
        "A triple-colon container (`zone`, `moniker`, `row`, `column`, complex `image`) never closed.",
    ),
    rule!(
        "invalid-block",
        Severity::Error,
        "A triple-colon block DocFX does not know, misses a required attribute, or ends nothing.",
    ),
    rule!(
        "invalid-zone",
        Severity::Error,
        "A zone or moniker block without its pivot or range, nested, or ended twice; a pivot or pivot group `zone-pivot-groups.yml` (or the page's own groups file) does not define; a `zone_pivot_group_filename` naming no groups file.",
    ),
    rule!(
        "invalid-tab-group",
        Severity::Warning,
        "A tab group with two tabs of the same id, or a tab without an id.",
    ),
    rule!(
        "uid-not-found",
        Severity::Error,
        "An `<xref:uid>` or `xref:` link to a uid no page declares and no xref map (`[xref] maps`) lists.",
    ),
    rule!(
        "duplicate-uid",
        Severity::Error,
        "A uid declared by two pages of one locale.",
    ),
    rule!(
        "xref-map-relative-href",
        Severity::Warning,
        "An xref map (`[xref] maps`) whose hrefs are relative and which names no base URL: its uids show their names without a link.",
    ),
    rule!(
        "invalid-xref-map",
        Severity::Warning,
        "An xref map a `docfx.json` lists (`build.xref`) that cannot be read: its uids are unknown, so uids no page declares are not checked.",
    ),
    rule!(
        "broken-toc-entry",
        Severity::Error,
        "A `toc.yml` or `TOC.md` entry whose `href` leads to no file.",
    ),
    rule!(
        "invalid-suppression",
        Severity::Warning,
        "A `<!-- polydoc-... -->` comment that names no rule, or an enable that ends no disable.",
    ),
    rule!(
        "unused-suppression",
        Severity::Note,
        "A `<!-- polydoc-disable... -->` comment that silences no finding.",
    ),
    rule!(
        "unreadable-file",
        Severity::Error,
        "A file that cannot be read.",
    ),
    rule!(
        "invalid-utf8",
        Severity::Error,
        "A Markdown file that is not UTF-8 text.",
    ),
    rule!(
        "invalid-front-matter",
        Severity::Error,
        "YAML front matter, or a landing page's YAML, that does not parse.",
    ),
    rule!(
        "duplicate-output",
        Severity::Error,
        "A landing page (`index.yml`) beside a Markdown page of the same name (`index.md`): both would be built as one HTML file.",
    ),
    rule!(
        "template-error",
        Severity::Error,
        "A page that a template could not render (build only).",
    ),
    rule!(
        "not-a-locale",
        Severity::Note,
        "An entry directly under the content folder whose name is no language tag (`es-es`, `zh-Hant`): it is no locale and is skipped.",
    ),
    rule!(
        "no-edit-link",
        Severity::Warning,
        "A `docfx.json`'s `_gitContribute` names a repository on no forge polydoc can link (GitHub, Azure DevOps, Bitbucket, GitLab): pages get no \"Edit this page\" link.",
    ),
    rule!(
        "no-sitemap",
        Severity::Note,
        "No sitemap.xml was written because `base_url` is not set: a sitemap needs absolute URLs (build only).",
    ),
];
