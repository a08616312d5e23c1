//! Check stage: rules are pure functions of the resolved [`Site`] that
//! return findings. They never render and never read files again.
//!
//! Each rule lives in its own module and reads a shared [`Context`], where
//! the expensive facts (where every link leads) are worked out once; line
//! tables come with each page from the loader, made while its text was
//! fresh in the cache. [`run`] runs them all, then folds the findings that
//! describe one problem into one finding (`merge.rs`), and applies the
//! severities of `[rules]` in `polydoc.toml`.

mod alert_keywords;
mod anchors;
mod appended_source;
mod bare_switches;
mod blocks;
mod cells;
mod cmdlet_links;
mod content_locale;
mod counterparts;
mod escaped_entities;
mod glued_terms;
mod hard_coded_locale;
mod heading_names;
mod hidden_html;
mod includes;
mod keyed;
mod line_scan;
mod link_syntax;
mod link_text;
mod links;
mod lost_switches;
mod lowercased_names;
mod mangled_links;
mod member_links;
mod merge;
mod mt_placeholders;
mod pivots;
mod placeholder_mentions;
mod redirects;
pub mod resolve;
mod site_paths;
mod spaced_keys;
mod split_file_names;
mod split_identifiers;
mod split_members;
mod stray_bold;
mod suppress;
mod switch_mentions;
mod switches;
mod syntax_keywords;
mod table_keys;
mod toc;
mod tokens;
mod transliterated_names;
mod xrefs;

use std::collections::BTreeMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::Fatal;
use crate::config::Level;
use crate::diagnostic::{Finding, LineIndex, Location, Severity};
use crate::markdown::facts::{Link, TokenKind, UnitKind};
use crate::site::Site;
use resolve::{Resolved, Targets};

/// A rule as users see it: its id, default severity and what it finds.
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

const fn rule(id: &'static str, severity: Severity, summary: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        severity,
        summary,
    }
}

/// Every rule id. Once released, an id never changes.
pub const RULES: &[RuleInfo] = &[
    rule(
        "broken-link",
        Severity::Error,
        "A relative link to a page, image or file that does not exist in the page's locale.",
    ),
    rule(
        "broken-link-syntax",
        Severity::Error,
        "`[text] (target.md)`: a space between `]` and `(`, as machine translation leaves, makes a link or image text.",
    ),
    rule(
        "missing-anchor",
        Severity::Error,
        "A link to `#fragment` that names no id of the target page.",
    ),
    rule(
        "link-case-mismatch",
        Severity::Warning,
        "A link that resolves only when letter case is ignored: it works on Windows, not on a Linux web server.",
    ),
    rule(
        "redirected-link",
        Severity::Warning,
        "A link to an article `.openpublishing.redirection.json` lists as moved: the published site redirects it, at the cost of a hop.",
    ),
    rule(
        "invalid-redirection",
        Severity::Error,
        "A `.openpublishing.redirection.json` that cannot be read.",
    ),
    rule(
        "hard-coded-locale",
        Severity::Warning,
        "A link to Microsoft Learn or the published site that names a locale (`/en-us/`): every reader lands on that language.",
    ),
    rule(
        "published-path-unset",
        Severity::Note,
        "Links to paths of the published site (`/windows-server/...`) that name files of the copy, left unchecked until `[published] path` is set.",
    ),
    rule(
        "link-backslash",
        Severity::Warning,
        "A link that resolves only when `\\` is read as `/`.",
    ),
    rule(
        "duplicate-anchor",
        Severity::Warning,
        "An id defined more than once on a page (an error when a link targets it).",
    ),
    rule(
        "hidden-html",
        Severity::Warning,
        "Prose such as `<computername>` that a browser parses as an unknown tag and hides.",
    ),
    rule(
        "unknown-alert",
        Severity::Warning,
        "A quote opening with an alert keyword DocFX does not know, often a translated one (`[!NOTA]`): it shows as text.",
    ),
    rule(
        "mt-placeholder",
        Severity::Warning,
        "A placeholder of the machine-translation pipeline (`@no__t-0`) left in the text, where something was lost.",
    ),
    rule(
        "split-identifier",
        Severity::Warning,
        "An identifier machine translation split at its underscores (`STATUS \\_ ARRAY \\_ BOUNDS`, shown `STATUS _ ARRAY _ BOUNDS`), often with its parts translated.",
    ),
    rule(
        "split-file-name",
        Severity::Warning,
        "A file name machine translation split at its dot (`stdafx. cpp` for `stdafx.cpp`), which the page writes whole elsewhere.",
    ),
    rule(
        "split-member-name",
        Severity::Warning,
        "A qualified name machine translation split after its separator (`IPin:: EnumMediaTypes`, or `CBasePin. EnumMediaTypes` where the page's `api_name` names it).",
    ),
    rule(
        "lowercased-name",
        Severity::Warning,
        "An API name machine translation wrote in lower case (`ienummediatypes` for `IEnumMediaTypes`) on a reference page that writes it with its capitals elsewhere.",
    ),
    rule(
        "transliterated-name",
        Severity::Warning,
        "A link whose text is an API name machine translation spelled in Cyrillic letters (`упдатевиндов` for `UpdateWindow`), which the same link in another locale writes as it is.",
    ),
    rule(
        "escaped-entity",
        Severity::Warning,
        "A character machine translation escaped twice (`%%amp;quot;` for `\"`), which readers see as written.",
    ),
    rule(
        "glued-no-loc-term",
        Severity::Warning,
        "A term the page's `no-loc` list keeps as written, glued into the words around it (`queSEHadmite`): machine translation put it back inside a word.",
    ),
    rule(
        "appended-source-text",
        Severity::Warning,
        "A translated heading or link text that ends with its source text glued to it (`...a livello di codiceSet the option in Visual Studio`), which its anchor or its target's file name shows.",
    ),
    rule(
        "mangled-link-text",
        Severity::Warning,
        "A link whose text is its own target as machine translation left it (`. /manage-apps/x.md # 번역된 앵커` for `../manage-apps/x.md#anchor`).",
    ),
    rule(
        "stray-bold",
        Severity::Warning,
        "`**` shown as two asterisks: bold that does not open or close (`** extern **`, a space inside the markers).",
    ),
    rule(
        "link-text-anchor-mismatch",
        Severity::Error,
        "A link whose text is a code while the anchor or heading it targets carries a different one.",
    ),
    rule(
        "duplicate-table-key",
        Severity::Warning,
        "The same value twice in the key column of a table.",
    ),
    rule(
        "bare-switch",
        Severity::Warning,
        "A bare word (`sec`) among the switches a table's first column lists: machine translation dropped its `/`.",
    ),
    rule(
        "switch-case-mismatch",
        Severity::Warning,
        "A switch written in another case than the page's syntax writes it, in the table of a command that tells `/r` from `/R`.",
    ),
    rule(
        "syntax-keyword-mismatch",
        Severity::Warning,
        "A parameters table's first cell naming a keyword the command's syntax does not have (`tamaño=<n>` for `size=<n>`): machine translation translated it.",
    ),
    rule(
        "translation-token-mismatch",
        Severity::Error,
        "Codes, code, link targets, included files, anchors or command switches that differ between translations of the same block.",
    ),
    rule(
        "translation-cell-mismatch",
        Severity::Warning,
        "A table cell that differs from the other locales' in a column every locale, and the page itself, otherwise keeps as written (`mm` for `hh`).",
    ),
    rule(
        "content-locale-mismatch",
        Severity::Warning,
        "`ms.contentlocale` names another locale than the page's folder.",
    ),
    rule(
        "source-fallback",
        Severity::Note,
        "A file the translation lacks, taken from the source locale in the built site.",
    ),
    rule(
        "include-not-found",
        Severity::Error,
        "An `[!INCLUDE]` whose file does not exist, or lies outside the locale folder.",
    ),
    rule(
        "circular-reference",
        Severity::Error,
        "Includes that lead back to a file already being included.",
    ),
    rule(
        "codesnippet-not-found",
        Severity::Error,
        "A `:::code` or `[!code]` whose file, region or lines do not exist.",
    ),
    rule(
        "unclosed-block",
        Severity::Error,
        "A triple-colon container (`zone`, `moniker`, `row`, `column`, complex `image`) never closed.",
    ),
    rule(
        "invalid-block",
        Severity::Error,
        "A triple-colon block DocFX does not know, misses a required attribute, or ends nothing.",
    ),
    rule(
        "invalid-zone",
        Severity::Error,
        "A zone or moniker block without its pivot or range, nested, or ended twice; a pivot or pivot group `zone-pivot-groups.yml` does not define.",
    ),
    rule(
        "invalid-tab-group",
        Severity::Warning,
        "A tab group with two tabs of the same id, or a tab without an id.",
    ),
    rule(
        "uid-not-found",
        Severity::Error,
        "An `<xref:uid>` or `xref:` link to a uid no page declares and no xref map (`[xref] maps`) lists.",
    ),
    rule(
        "duplicate-uid",
        Severity::Error,
        "A uid declared by two pages of one locale.",
    ),
    rule(
        "xref-map-relative-href",
        Severity::Warning,
        "An xref map (`[xref] maps`) whose hrefs are relative and which names no base URL: its uids show their names without a link.",
    ),
    rule(
        "broken-toc-entry",
        Severity::Error,
        "A `toc.yml` or `TOC.md` entry whose `href` leads to no file.",
    ),
    rule(
        "invalid-suppression",
        Severity::Warning,
        "A `<!-- polydoc-... -->` comment that names no rule, or an enable that ends no disable.",
    ),
    rule(
        "unused-suppression",
        Severity::Note,
        "A `<!-- polydoc-disable... -->` comment that silences no finding.",
    ),
    rule(
        "unreadable-file",
        Severity::Error,
        "A file that cannot be read.",
    ),
    rule(
        "invalid-utf8",
        Severity::Error,
        "A Markdown file that is not UTF-8 text.",
    ),
    rule(
        "invalid-front-matter",
        Severity::Error,
        "YAML front matter that does not parse.",
    ),
    rule(
        "template-error",
        Severity::Error,
        "A page that a template could not render (build only).",
    ),
];

/// What every rule reads: the site, and what is worth computing once.
pub struct Context<'a> {
    pub site: &'a Site,
    pub targets: &'a Targets,
    /// Per page, per link of its facts: where the link leads.
    pub links: Vec<Vec<Resolved<'a>>>,
    /// The source locale translations are made from, if the site names one.
    pub source: Option<usize>,
    /// Per page, its text in ASCII lower case, made when a rule first
    /// asks ([`Context::lowered`]).
    lowered: Vec<std::sync::OnceLock<String>>,
    /// Per page, where it names each switch asked about
    /// ([`switches::named_elsewhere`]). A page's blocks are compared on one
    /// thread, so the locks are not contended.
    named: Vec<std::sync::Mutex<switches::Named>>,
    /// Per page, the words of its fenced code ([`Context::code_words`]).
    code_words: Vec<std::sync::OnceLock<rustc_hash::FxHashSet<Box<str>>>>,
}

impl<'a> Context<'a> {
    pub fn new(site: &'a Site, source: Option<&str>) -> Context<'a> {
        let targets = &site.targets;
        let links = site
            .pages
            .par_iter()
            .map(|page| {
                page.doc
                    .facts
                    .links
                    .iter()
                    .map(|link| {
                        targets.resolve(
                            page.locale(),
                            &page.source.rel_path,
                            page.doc.facts.target(link),
                        )
                    })
                    .collect()
            })
            .collect();
        let source = source.and_then(|s| {
            site.locales
                .iter()
                .position(|l| l.key.eq_ignore_ascii_case(s))
        });
        Context {
            site,
            targets,
            links,
            source,
            lowered: site
                .pages
                .iter()
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            named: site.pages.iter().map(|_| Default::default()).collect(),
            code_words: site.pages.iter().map(|_| Default::default()).collect(),
        }
    }

    /// Page `page`'s text in ASCII lower case (byte offsets unchanged),
    /// made once for all the rules and blocks that look for a word in any
    /// case: made per question, a page of thousands of table rows was
    /// lower-cased thousands of times.
    pub fn lowered(&self, page: usize) -> &str {
        self.lowered[page].get_or_init(|| self.site.pages[page].source.text.to_ascii_lowercase())
    }

    /// The location of bytes `span` of page `page`'s file.
    pub fn location(&self, page: usize, span: Range<usize>) -> Location {
        self.line_index(page)
            .location(&self.site.pages[page].source.display, span)
    }

    /// Where the destination of `link` is written in page `page`: the
    /// `target.md#x` of `[text](target.md#x)` or of `href="..."`, where the
    /// fix goes, rather than the whole link. With `fragment`, only its
    /// `#x`. A destination not written out within the link (a reference
    /// link's `[text][ref]`, or one spelled with escapes or entities) gives
    /// the whole link.
    pub fn destination(&self, page: usize, link: &Link, fragment: bool) -> Location {
        self.location(page, self.destination_span(page, link, fragment))
    }

    /// The bytes [`Self::destination`] points at.
    pub fn destination_span(&self, page: usize, link: &Link, fragment: bool) -> Range<usize> {
        let text = &self.site.pages[page].source.text;
        let written = self.site.pages[page].doc.facts.target(link);
        let wanted = if fragment {
            written.rfind('#').map_or(written, |hash| &written[hash..])
        } else {
            written
        };
        // After the last `](`: the link text may spell the destination
        // too (`[a.md](a.md)`), and a title after it (`(a.md "a.md")`).
        text.get(link.span.clone())
            .filter(|_| !wanted.is_empty())
            .and_then(|source| {
                let from = source.rfind("](").map_or(0, |i| i + 2);
                Some(from + source[from..].find(wanted)?)
            })
            .map_or(link.span.clone(), |at| {
                let start = link.span.start + at;
                start..start + wanted.len()
            })
    }

    /// The 1-based line of byte `offset` of page `page`: [`Self::location`]
    /// without the file path, for messages that list lines.
    pub fn line(&self, page: usize, offset: usize) -> usize {
        self.line_index(page).line(offset)
    }

    fn line_index(&self, page: usize) -> LineIndex<'a> {
        self.site.pages[page].source.line_index()
    }

    /// The source text of bytes `span` of page `page`, if it is on one line.
    pub fn snippet(&self, page: usize, span: Range<usize>) -> Option<&'a str> {
        let text = self.site.pages[page].source.text.get(span)?;
        (!text.is_empty() && !text.contains('\n')).then_some(text)
    }

    /// Runs `f` on every page, in parallel; findings come out in page order.
    pub fn per_page(
        &self,
        f: impl Fn(usize, &'a crate::site::Page) -> Vec<Finding> + Sync,
    ) -> Vec<Finding> {
        self.site
            .pages
            .par_iter()
            .enumerate()
            .flat_map_iter(|(p, page)| f(p, page))
            .collect()
    }

    /// The ids page `page` carries once built: its own, and those of the
    /// files it includes (which the build splices in).
    pub fn ids(&self, page: usize) -> Vec<&'a str> {
        let mut ids = Vec::new();
        let mut seen = vec![page];
        let mut todo = vec![page];
        while let Some(p) = todo.pop() {
            let page = &self.site.pages[p];
            let facts = &page.doc.facts;
            ids.extend(facts.anchors.iter().map(|a| facts.id(a)));
            for d in &page.doc.directives {
                if let crate::markdown::directives::Kind::Include { target, .. } = &d.kind
                    && let Some(q) =
                        self.site
                            .find_page(page.locale(), &page.source.rel_path, target)
                    && !seen.contains(&q)
                {
                    seen.push(q);
                    todo.push(q);
                }
            }
        }
        ids
    }

    /// Whether byte `at` of page `page` is code, shown as written: in a
    /// fenced block or a code span. For the rules that scan a page's text
    /// for what Markdown would make of it.
    pub fn in_code(&self, page: usize, at: usize) -> bool {
        let facts = &self.site.pages[page].doc.facts;
        facts.units.iter().enumerate().any(|(i, u)| {
            (u.kind == UnitKind::Code && self.unit_extent(page, i).contains(&at))
                || facts
                    .tokens_of(u)
                    .iter()
                    .any(|t| t.kind == TokenKind::InlineCode && t.span().contains(&at))
        })
    }

    /// The first place `find` finds in one of `page`'s fenced code blocks
    /// (given the block's code, it answers a range in it), as a byte range
    /// in the file: the page's own code as evidence of what it writes.
    pub fn in_fenced_code(
        &self,
        page: usize,
        mut find: impl FnMut(&str) -> Option<Range<usize>>,
    ) -> Option<Range<usize>> {
        let facts = &self.site.pages[page].doc.facts;
        let text = &self.site.pages[page].source.text;
        facts
            .units
            .iter()
            .filter(|u| u.kind == UnitKind::Code)
            .flat_map(|u| facts.tokens_of(u))
            .filter(|t| t.kind == TokenKind::Fenced)
            .find_map(|t| {
                let span = t.span();
                let found = find(text.get(span.clone())?)?;
                Some(span.start + found.start..span.start + found.end)
            })
    }

    /// The words of `page`'s fenced code blocks: its runs of ASCII letters
    /// and digits, lower-cased. A word looked for in the code as a word of
    /// its own is there only if each of its own runs is in this set, which
    /// answers most questions without reading every block again (a page of
    /// thousands of blocks asked once per block).
    pub fn code_words(&self, page: usize) -> &rustc_hash::FxHashSet<Box<str>> {
        self.code_words[page].get_or_init(|| {
            let mut words = rustc_hash::FxHashSet::default();
            self.in_fenced_code(page, |code| {
                words.extend(
                    code.split(|c: char| !c.is_ascii_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(|w| w.to_ascii_lowercase().into_boxed_str()),
                );
                None
            });
            words
        })
    }

    /// The bytes of block `unit` of `page`: from its start to the next
    /// block's (an item's own paragraphs are no blocks of their own), or
    /// to the end of the file.
    pub fn unit_extent(&self, page: usize, unit: usize) -> Range<usize> {
        let page = &self.site.pages[page];
        let units = &page.doc.facts.units;
        let start = units[unit].offset;
        let end = units[unit + 1..]
            .iter()
            .map(|u| u.offset)
            .find(|&o| o > start)
            .unwrap_or(page.source.text.len());
        start..end.max(start)
    }

    pub fn locale_key(&self, page: usize) -> &'a str {
        &self.site.locales[self.site.pages[page].locale()].key
    }

    /// Whether `page` is in the source locale translations are made from.
    pub fn is_source(&self, page: usize) -> bool {
        Some(self.site.pages[page].locale()) == self.source
    }

    /// `page`'s locale as a message names it: `it-it`, `en-us (the source)`.
    pub fn locale_label(&self, page: usize) -> String {
        let key = self.locale_key(page);
        if self.is_source(page) {
            format!("{key} (the source)")
        } else {
            key.to_owned()
        }
    }

    /// What a translation-consistency finding's help ends with: what to do
    /// when `reference`, the page quoted as right, is not.
    pub fn if_wrong(&self, reference: usize) -> String {
        if self.is_source(reference) {
            format!(
                "if {} is wrong, correct it and then its translations",
                self.locale_key(reference)
            )
        } else {
            "if this locale is right, correct the others".to_owned()
        }
    }
}

type Check = fn(&Context) -> Vec<Finding>;

/// Every check, each a module, by its module's name (for
/// `POLYDOC_TIMINGS=rules`).
const CHECKS: &[(&str, Check)] = &[
    ("links", links::check),
    ("anchors", anchors::check),
    ("hidden_html", hidden_html::check),
    ("mt_placeholders", mt_placeholders::check),
    ("escaped_entities", escaped_entities::check),
    ("split_identifiers", split_identifiers::check),
    ("split_file_names", split_file_names::check),
    ("split_members", split_members::check),
    ("lowercased_names", lowercased_names::check),
    ("glued_terms", glued_terms::check),
    ("appended_source", appended_source::check),
    ("mangled_links", mangled_links::check),
    ("alert_keywords", alert_keywords::check),
    ("link_syntax", link_syntax::check),
    ("stray_bold", stray_bold::check),
    ("link_text", link_text::check),
    ("table_keys", table_keys::check),
    ("bare_switches", bare_switches::check),
    ("syntax_keywords", syntax_keywords::check),
    ("tokens", tokens::check),
    ("content_locale", content_locale::check),
    ("includes", includes::check),
    ("blocks", blocks::check),
    ("xrefs", xrefs::check),
    ("toc", toc::check),
    ("pivots", pivots::check),
    ("redirects", redirects::check),
    ("site_paths", site_paths::check),
];

/// Rule settings from `polydoc.toml`, checked against [`RULES`].
pub struct Settings {
    levels: BTreeMap<String, Level>,
}

impl Settings {
    pub fn new(levels: &BTreeMap<String, Level>) -> Result<Settings, Fatal> {
        for id in levels.keys() {
            if !RULES.iter().any(|r| r.id == id) {
                let known: Vec<&str> = RULES.iter().map(|r| r.id).collect();
                let hint = closest(id, known.iter().copied())
                    .map(|near| format!("did you mean `{near}`? "))
                    .unwrap_or_default();
                return Err(Fatal::new(format!(
                    "polydoc.toml: [rules] names `{id}`, which is no rule; {hint}the rules are: {}",
                    known.join(", ")
                )));
            }
        }
        Ok(Settings {
            levels: levels.clone(),
        })
    }

    /// `finding` with its configured severity, or `None` when its rule is off.
    pub fn apply(&self, mut finding: Finding) -> Option<Finding> {
        match self.levels.get(finding.rule) {
            None => Some(finding),
            Some(Level::Off) => None,
            Some(level) => {
                finding.severity = match level {
                    Level::Error => Severity::Error,
                    Level::Warning => Severity::Warning,
                    _ => Severity::Note,
                };
                Some(finding)
            }
        }
    }
}

/// Runs every check over `site`; findings come out merged and sorted.
pub fn run(site: &Site, source: Option<&str>) -> Vec<Finding> {
    let timed = std::env::var_os("POLYDOC_TIMINGS").is_some_and(|v| v == "rules");
    let started = std::time::Instant::now();
    let cx = Context::new(site, source);
    let findings: Vec<Finding> = if timed {
        eprintln!(
            "timing:   (links resolved) {:>8.3}s",
            started.elapsed().as_secs_f64()
        );
        CHECKS
            .iter()
            .flat_map(|check| timed_check(&cx, check))
            .collect()
    } else {
        CHECKS
            .par_iter()
            .flat_map(|(_, check)| check(&cx))
            .collect()
    };
    // Before merging: a comment silences one rule's part of a problem
    // that several rules found together.
    let findings = suppress::apply(&cx, findings);
    let mut findings = merge::merge(findings);
    sort(&mut findings);
    findings
}

/// With `POLYDOC_TIMINGS=rules`, [`run`] runs the checks one after the
/// other (each still parallel over pages) and prints each one's wall time,
/// to tell which rule a slower `check` stage comes from.
fn timed_check(cx: &Context, (name, check): &(&str, Check)) -> Vec<Finding> {
    let started = std::time::Instant::now();
    let found = check(cx);
    eprintln!(
        "timing:   {name:<16} {:>8.3}s  {} findings",
        started.elapsed().as_secs_f64(),
        found.len()
    );
    found
}

/// By file, line and column, then rule: the order a reader walks a file.
/// In parallel: comparing paths component by component is slow, and a
/// large site has tens of thousands of findings.
pub fn sort(findings: &mut [Finding]) {
    findings.par_sort_by(|a, b| {
        (&a.location.file, a.location.line, a.location.column, a.rule).cmp(&(
            &b.location.file,
            b.location.line,
            b.location.column,
            b.rule,
        ))
    });
}

/// A prose link to a file of the site (`../x/y.md#a`), as the rules about
/// link texts read it: not an image, a code span, an address or a link
/// within the page.
pub(crate) struct FileLink<'p> {
    pub link: &'p Link,
    /// The destination as written, trimmed.
    pub target: &'p str,
    /// The destination without its fragment and query (`../x/y.md`).
    pub path: &'p str,
    /// The path's last segment (`y.md`).
    pub file: &'p str,
}

impl<'p> FileLink<'p> {
    /// The text as the source writes it, between `[` and `](`: markup and
    /// spacing included, which the plain link text has lost.
    pub fn written(&self, page: &'p crate::site::Page) -> Option<&'p str> {
        let written = page
            .source
            .text
            .get(self.link.text_offset..self.link.span.end)?;
        Some(&written[..written.rfind("](")?])
    }
}

/// The prose links of `page` to files ([`FileLink`]).
pub(crate) fn file_links(page: &crate::site::Page) -> impl Iterator<Item = FileLink<'_>> {
    let facts = &page.doc.facts;
    facts
        .links
        .iter()
        .filter(|l| !l.image && !l.text_is_code)
        .filter_map(|link| {
            let target = facts.target(link).trim();
            if target.contains(':') || target.starts_with('#') {
                return None;
            }
            let path = target.split(['#', '?']).next().unwrap_or(target);
            let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
            Some(FileLink {
                link,
                target,
                path,
                file,
            })
        })
}

/// Line numbers as a message lists them: `3, 7, 11`, or, past fifty,
/// the first forty and how many more (`3, 7, ..., 159 and 4960 more`): a
/// message that names five thousand lines says nothing more than one that
/// names forty. Fifty hold the seeds' thirty repeated anchors whole.
pub(crate) fn line_list(lines: &[usize]) -> String {
    const SHOWN: usize = 40;
    let count = if lines.len() > 50 { SHOWN } else { lines.len() };
    let shown: Vec<String> = lines[..count].iter().map(ToString::to_string).collect();
    match lines.len() - count {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}

/// `a`, `a and b`, `a, b and c`: a list as a message says it.
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The id among `ids` closest to `wanted`, for a "did you mean" hint.
pub fn closest<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for id in ids {
        if id.to_lowercase() == wanted_lower {
            return Some(id);
        }
        let distance = strsim::levenshtein(&wanted_lower, &id.to_lowercase());
        if distance <= (wanted.chars().count() / 3).max(2) && best.is_none_or(|(d, _)| distance < d)
        {
            best = Some((distance, id));
        }
    }
    best.map(|(_, id)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_lists_name_fifty_and_count_the_rest() {
        let list = |n: usize| line_list(&(1..=n).collect::<Vec<_>>());
        assert_eq!(list(1), "1");
        assert!(list(50).ends_with(", 48, 49, 50"));
        assert!(list(51).ends_with(", 39, 40 and 11 more"));
        assert!(list(5000).starts_with("1, 2, 3, ") && list(5000).ends_with(", 40 and 4960 more"));
    }
}
