//! The `build` and `check` pipelines, stage by stage: load, parse,
//! resolve, check, then (build only) render and write. Data flows one way;
//! each stage is its own module.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::check::Settings;
use crate::config::{Config, Overrides};
use crate::diagnostic::{Finding, Severity};
use crate::drift::{self, Drift};
use crate::edit_links::EditLinks;
use crate::i18n::{Catalog, Strings};
use crate::load::load;
use crate::locale::Locale;
use crate::output::{Staging, check_target};
use crate::progress::{Progress, Silent};
use crate::publish_config::Publishing;
use crate::render::Renderer;
use crate::report::{Findings, SourceText};
use crate::site::{Site, SiteOptions};
use crate::theme::Theme;
use crate::timings::Stages;
use crate::xref_map::XrefMaps;
use crate::{Fatal, check, locale};

/// What a finished build has to say.
#[derive(Debug)]
pub struct BuildReport {
    /// Locale key and number of pages built, default locale first.
    pub pages: Vec<(String, usize)>,
    /// [`CheckReport::found_source`]'s line.
    pub found_source: Option<String>,
    /// How many `docfx.json` files gave their pages metadata.
    pub docfx_projects: usize,
    /// Pages marked `draft: true` that this run left out.
    pub drafts: usize,
    /// Files that could not be built as written (unreadable, bad front
    /// matter, a template error): these make the build exit 1.
    pub findings: Vec<Finding>,
    /// What `polydoc check` reports about the content; summarised by build.
    pub checks: Findings,
    /// Translations published with the notice that they may be out of
    /// date (made from an older source version: `render/outdated.rs`).
    pub outdated: usize,
    pub output: PathBuf,
    pub elapsed: Duration,
    /// The single files the `docfx.json` files led the build to read:
    /// their `build.xref` maps and metadata files, which may lie outside
    /// every folder `serve` watches.
    pub inputs: Vec<PathBuf>,
}

impl BuildReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// What `polydoc check` found.
#[derive(Debug)]
pub struct CheckReport {
    pub pages: Vec<(String, usize)>,
    /// The source locale the checks compared translations with.
    pub source: Option<String>,
    /// How many translations carry the hash of the source's pages, when
    /// that is how the source was found ([`crate::loc_hash::FoundSource`]).
    pub source_found_in: Option<usize>,
    /// How many `docfx.json` files gave their pages metadata.
    pub docfx_projects: usize,
    /// Pages marked `draft: true` that this run left out.
    pub drafts: usize,
    pub findings: Findings,
    /// The ids of the rules that ran, for reports that list them.
    pub rules: Vec<&'static str>,
    pub elapsed: Duration,
    /// The checked site, its texts moved to `findings`. Kept so that the
    /// caller decides when it is freed: the CLI leaves it to the process
    /// exit, where freeing every page's facts one by one would compete
    /// with writing the report for the cores.
    _site: Site,
}

/// The stages both commands share: configuration, locales, load, parse,
/// resolve.
struct Prepared {
    /// How many `docfx.json` files were read.
    docfx_projects: usize,
    /// [`BuildReport::inputs`].
    inputs: Vec<PathBuf>,
    config: Config,
    settings: Settings,
    site: Site,
    strings: Vec<Strings>,
    findings: Vec<Finding>,
    edit: EditLinks,
}

/// Configuration, rule settings and locales: everything that can fail
/// before a file is read.
struct Configured {
    config: Config,
    settings: Settings,
    locales: Vec<Locale>,
    findings: Vec<Finding>,
    xref_maps: XrefMaps,
    edit: EditLinks,
    /// The publishing configurations the locales see, read once.
    publishing: Publishing,
}

fn configure(root: &std::path::Path, overrides: &Overrides) -> Result<Configured, Fatal> {
    let config = Config::load(root, overrides)?;
    let settings = Settings::new(&config.rules)?;
    let (locales, mut findings) = locale::discover(&config)?;
    let (xref_maps, map_findings) = XrefMaps::load(&config.xref_maps, |p| config.display_path(p))?;
    findings.extend(map_findings);
    let publishing = Publishing::load(&locales, &config.root, &|p| config.display_path(p));
    let edit = EditLinks::new(&config.edit, &locales, &config.root, &publishing)?;
    Ok(Configured {
        config,
        settings,
        locales,
        findings,
        xref_maps,
        edit,
        publishing,
    })
}

fn prepare(
    configured: Configured,
    stages: &mut Stages,
    progress: &dyn Progress,
) -> Result<Prepared, Fatal> {
    let Configured {
        config,
        settings,
        locales,
        mut findings,
        xref_maps,
        edit,
        publishing,
    } = configured;
    let catalog = Catalog::load(&config.root)?;
    let strings: Vec<_> = locales.iter().map(|l| catalog.strings(l)).collect();
    let mut loaded = load(&config, &locales, progress, |source| {
        let doc = source.parse();
        (source, doc)
    });
    findings.extend(loaded.findings);
    let mut xref_maps = xref_maps;
    let map_unread =
        xref_maps.add_listed(&loaded.xref_maps, |p| config.display_path(p), &mut findings);
    stages.done("load+parse");
    let options = SiteOptions {
        source: config.source.clone(),
        includes: config.includes.clone(),
        root: config.root.clone(),
        alert_keywords: config.alerts.keys().cloned().collect(),
        published: config.published.clone(),
        // A docset's xref service resolves on publishing what no page
        // declares, unless polydoc.toml says which uids it resolves.
        xref_external: match config.xref_external.is_empty()
            && (loaded.xref_service || map_unread || publishing.xref_service())
        {
            true => vec!["*".to_owned()],
            false => config.xref_external.clone(),
        },
        xref_maps: std::sync::Arc::new(xref_maps),
        publishing,
        monikers: config.monikers.clone(),
    };
    // What a localized copy lacks and its cloned fallback holds.
    let fallback = crate::load::fallback_assets(&locales, &options.publishing, &loaded.assets);
    loaded.assets.extend(fallback);
    let site = Site::resolve(
        locales,
        loaded.pages,
        loaded.assets,
        loaded.tocs,
        loaded.drafts,
        &options,
    );
    stages.done("resolve");
    Ok(Prepared {
        docfx_projects: loaded.docfx_projects,
        inputs: (loaded.xref_maps.iter().map(|m| m.path.clone()))
            .chain(loaded.metadata_files)
            .collect(),
        config,
        settings,
        site,
        strings,
        findings,
        edit,
    })
}

/// Runs the checks over a prepared site: the findings as the rules report
/// them, before the configured severities are applied.
fn run_checks(prepared: &Prepared) -> Vec<Finding> {
    check::run(&prepared.site)
}

/// The findings as the configured severities leave them (some turned off).
fn with_severities(prepared: &Prepared, raw: Vec<Finding>) -> Vec<Finding> {
    raw.into_iter()
        .filter_map(|f| prepared.settings.apply(f))
        .collect()
}

/// The rules whose findings drift reports as token signals: what a
/// translation changed that it must keep, whether other locales show it
/// (tokens, table cells kept as written) or the page itself does (a
/// switch that lost its mark or its case, a keyword of the syntax
/// translated, a placeholder the machine-translation pipeline left where
/// something was lost, an identifier, a file name or a qualified name it
/// split, an API name it lower-cased, a term it must keep put back inside
/// a word, its source text left glued after a heading, a path of a link
/// text it mangled, a constant's name its anchor keeps, a property's name
/// or type its page's JSON keeps).
const DRIFT_RULES: &[&str] = &[
    "translation-token-mismatch",
    "translation-cell-mismatch",
    "bare-switch",
    "switch-case-mismatch",
    "syntax-keyword-mismatch",
    "mt-placeholder",
    "split-identifier",
    "split-file-name",
    "split-member-name",
    "lowercased-name",
    "transliterated-name",
    "split-path",
    "truncated-file-name",
    "stray-italic",
    "dotless-i",
    "glued-no-loc-term",
    "appended-source-text",
    "mangled-link-text",
    "constant-name-mismatch",
    "property-name-mismatch",
    "translated-type-name",
];

/// The findings that drift reports as token signals, whatever severity
/// `[rules]` gives them ([`DRIFT_RULES`]).
fn token_findings(raw: &[Finding]) -> Vec<Finding> {
    raw.iter()
        .filter(|f| DRIFT_RULES.contains(&f.rule))
        .cloned()
        .collect()
}

/// The summary's word on the pages left out as drafts (`draft: true`), so
/// that a page missing from the site is explained: empty without any.
pub fn drafts_left_out(count: usize, verb: &str) -> String {
    match count {
        0 => String::new(),
        n => format!(
            "; {} left out (`--drafts` {verb} {})",
            crate::report::human::plural(n, "draft"),
            if n == 1 { "it" } else { "them" }
        ),
    }
}

impl CheckReport {
    /// When the site names no source locale and the translations' hashes
    /// told it: which, and on what evidence, for the summary.
    pub fn found_source(&self) -> Option<String> {
        Some(found_source_line(
            self.source.as_deref()?,
            self.source_found_in?,
        ))
    }
}

/// The summary's line on a source locale the translations' hashes told.
fn found_source(site: &Site) -> Option<String> {
    let found = site.found_source?;
    Some(found_source_line(
        &site.locales[found.locale].key,
        found.translations,
    ))
}

fn found_source_line(locale: &str, translations: usize) -> String {
    format!(
        "Source locale {locale}, found by hash: {} (`source` in polydoc.toml names it)",
        crate::loc_hash::evidence(translations)
    )
}

fn pages_per_locale(site: &Site) -> Vec<(String, usize)> {
    site.locales
        .iter()
        .zip(site.pages_per_locale())
        .map(|(l, n)| (l.key.clone(), n))
        .collect()
}

/// The texts of the files that have findings, with their line starts,
/// for reporters to quote the offending lines (and fingerprints to hash
/// them): the pages' taken out of the site, which is done with; the
/// other files (`toc.yml`, `zone-pivot-groups.yml`, a redirection file)
/// read again from `root`, when they are text of a sensible size.
fn texts(
    site: &mut Site,
    findings: &[Finding],
    root: &std::path::Path,
) -> rustc_hash::FxHashMap<OsString, SourceText> {
    // Paths as `OsStr`: hashed by their bytes, not component by component.
    let wanted: rustc_hash::FxHashSet<&OsStr> = findings
        .iter()
        .flat_map(|f| {
            std::iter::once(&f.location.file).chain(f.related.iter().map(|r| &r.location.file))
        })
        .map(|path| path.as_os_str())
        .collect();
    let mut texts = site
        .pages
        .par_iter_mut()
        .filter(|p| wanted.contains(p.source.display.as_os_str()))
        .map(|p| {
            let source = SourceText {
                text: std::mem::take(&mut p.source.text),
                lines: std::mem::take(&mut p.source.lines),
            };
            (p.source.display.clone().into_os_string(), source)
        })
        .collect::<rustc_hash::FxHashMap<_, _>>();
    for path in wanted {
        if texts.contains_key(path) {
            continue;
        }
        let file = root.join(path);
        let small = std::fs::metadata(&file).is_ok_and(|m| m.is_file() && m.len() < 16 << 20);
        if let Some(text) = small.then(|| std::fs::read_to_string(&file).ok()).flatten() {
            let lines = crate::diagnostic::line_starts(&text);
            texts.insert(path.to_owned(), SourceText { text, lines });
        }
    }
    texts
}

/// Freeing tens of thousands of pages takes a noticeable slice of a run;
/// the caller has what it needs, so let another thread do it (or the
/// process exit, whichever comes first).
fn drop_later<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Checks the site under `root` without writing anything. Findings of
/// loading (unreadable files, bad front matter) come first in file order
/// with the rest; `Err` is a configuration or usage error.
pub fn check(root: &std::path::Path, overrides: &Overrides) -> Result<CheckReport, Fatal> {
    let started = Instant::now();
    let mut stages = Stages::start();
    let prepared = prepare(configure(root, overrides)?, &mut stages, &Silent)?;
    let mut findings: Vec<Finding> = prepared
        .findings
        .iter()
        .cloned()
        .filter_map(|f| prepared.settings.apply(f))
        .collect();
    let raw = check::run(&prepared.site);
    findings.extend(with_severities(&prepared, raw));
    check::sort(&mut findings);
    stages.done("check");
    let pages = pages_per_locale(&prepared.site);
    let root = prepared.config.root.clone();
    let mut site = prepared.site;
    let texts = texts(&mut site, &findings, &root);
    stages.done("texts");
    Ok(CheckReport {
        pages,
        source: site.source.map(|l| site.locales[l].key.clone()),
        source_found_in: site.found_source.map(|found| found.translations),
        docfx_projects: prepared.docfx_projects,
        drafts: site.drafts.len(),
        findings: Findings::new(findings, texts),
        rules: prepared.settings.enabled(),
        elapsed: started.elapsed(),
        _site: site,
    })
}

/// Builds the site under `root`. Errors in single files are findings in
/// the report; `Err` means nothing was written (configuration, no content,
/// unusable output folder, I/O).
pub fn build(
    root: &std::path::Path,
    overrides: &Overrides,
    progress: &dyn Progress,
) -> Result<BuildReport, Fatal> {
    let started = Instant::now();
    let mut stages = Stages::start();
    let configured = configure(root, overrides)?;
    check_output(&configured.config, &configured.locales)?;
    let theme = Theme::load(&configured.config.root)?;
    let prepared = prepare(configured, &mut stages, progress)?;
    progress.start("Checking", 0);
    let raw = run_checks(&prepared);
    let tokens = token_findings(&raw);
    let mut checks = with_severities(&prepared, raw);
    progress.finish();
    check::sort(&mut checks);
    stages.done("check");
    let status = if prepared.config.status_page {
        let drift = analyse_drift(&prepared, tokens)?;
        stages.done("drift");
        Some(drift)
    } else {
        None
    };
    let Prepared {
        docfx_projects,
        inputs: read_inputs,
        config,
        settings,
        site,
        strings,
        mut findings,
        edit,
    } = prepared;

    let staging = Staging::new(&config.output)?;
    let inputs = crate::render::Inputs {
        site: &site,
        theme: &theme,
        config: &config,
        strings: &strings,
        edit: &edit,
    };
    let renderer = Renderer::new(inputs, staging.dir());
    findings.extend(renderer.write_all(staging.dir(), progress)?);
    let outdated = renderer.outdated_pages();
    if let Some(drift) = &status {
        drift::html::write(&staging.dir().join(STATUS_DIR), drift, &site)?;
    }
    stages.done("render");
    progress.start("Replacing the output folder", 0);
    staging.commit()?;
    progress.finish();
    stages.done("commit");
    // `[rules]` sets the levels of the build's own findings (a file that
    // cannot be read, a template error, no sitemap) as `check` does.
    let mut findings: Vec<Finding> = findings
        .into_iter()
        .filter_map(|f| settings.apply(f))
        .collect();
    check::sort(&mut findings);
    let pages = pages_per_locale(&site);
    let found_source = found_source(&site);
    let drafts = site.drafts.len();
    let checks = Findings::new(checks, Default::default());
    drop_later(site);
    Ok(BuildReport {
        pages,
        found_source,
        docfx_projects,
        drafts,
        findings,
        checks,
        outdated,
        output: config.output,
        elapsed: started.elapsed(),
        inputs: read_inputs,
    })
}

/// Where `build` writes the translation status when `status_page` is on.
pub const STATUS_DIR: &str = "_status";

/// What `polydoc drift` found.
#[derive(Debug)]
pub struct DriftReport {
    pub drift: Drift,
    /// Files that could not be read as written (they are left out).
    pub findings: Vec<Finding>,
}

/// Works out the translation status of the site under `root`; with
/// `html`, also writes it as HTML pages there. `Err` is a configuration,
/// usage or I/O error.
pub fn drift(
    root: &std::path::Path,
    overrides: &Overrides,
    html: Option<&std::path::Path>,
) -> Result<DriftReport, Fatal> {
    let mut stages = Stages::start();
    let prepared = prepare(configure(root, overrides)?, &mut stages, &Silent)?;
    // All rules, not only the token rule: its finding is merged with the
    // link-text and table-key findings of the same line (check::merge).
    let tokens = token_findings(&check::run(&prepared.site));
    let drift = analyse_drift(&prepared, tokens)?;
    stages.done("drift");
    if let Some(dir) = html {
        drift::html::write(dir, &drift, &prepared.site)?;
        stages.done("html");
    }
    let findings = prepared.findings.clone();
    drop_later(prepared.site);
    Ok(DriftReport { drift, findings })
}

/// The drift stage over a prepared site: source locale, git history, the
/// token findings of the checks.
fn analyse_drift(prepared: &Prepared, tokens: Vec<Finding>) -> Result<Drift, Fatal> {
    let site = &prepared.site;
    let source = match prepared.config.source.as_deref() {
        None => site.source,
        Some(wanted) => Some(
            site.locales
                .iter()
                .position(|l| l.key.eq_ignore_ascii_case(wanted) || l.tag.eq_ignore_ascii_case(wanted))
                .ok_or_else(|| {
                    let known: Vec<&str> = site.locales.iter().map(|l| l.key.as_str()).collect();
                    Fatal::new(format!(
                        "the source locale `{wanted}` is not one of this site's locales ({}): fix `source` in polydoc.toml or `--source`",
                        known.join(", ")
                    ))
                })?,
        ),
    };
    // Only a source locale makes commit dates meaningful: peers have no
    // "newer" side.
    let history = match source {
        Some(_) => {
            let files: Vec<PathBuf> = (0..site.pages.len())
                .map(|p| drift::file_of(site, p))
                .collect();
            drift::history::last_changes(&files)
        }
        None => HashMap::new(),
    };
    Ok(drift::analyse(site, source, &tokens, &history))
}

/// Refuses an output folder that overlaps the inputs, before any work.
fn check_output(config: &Config, locales: &[Locale]) -> Result<(), Fatal> {
    let inputs: Vec<&std::path::Path> = std::iter::once(config.content.as_path())
        .chain(locales.iter().map(|l| l.dir.as_path()))
        .collect();
    check_target(&config.output, &config.root, &inputs)
}
