//! The `build` pipeline, stage by stage: load, parse, resolve, check,
//! render, write. Data flows one way; each stage is its own module.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::config::{Config, Overrides};
use crate::diagnostic::{Finding, Severity};
use crate::i18n::{self, Catalog};
use crate::load::load;
use crate::markdown;
use crate::output::{Staging, check_target};
use crate::render::Renderer;
use crate::site::Site;
use crate::theme::Theme;
use crate::{Fatal, check, locale};

/// What a finished build has to say.
#[derive(Debug)]
pub struct BuildReport {
    /// Locale key and number of pages built, default locale first.
    pub pages: Vec<(String, usize)>,
    pub findings: Vec<Finding>,
    pub output: PathBuf,
    pub elapsed: Duration,
}

impl BuildReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Builds the site under `root`. Errors in single files are findings in
/// the report; `Err` means nothing was written (configuration, no content,
/// unusable output folder, I/O).
pub fn build(root: &std::path::Path, overrides: &Overrides) -> Result<BuildReport, Fatal> {
    let started = Instant::now();
    let config = Config::load(root, overrides)?;
    let (locales, mut findings) = locale::discover(&config)?;
    let inputs: Vec<&std::path::Path> = std::iter::once(config.content.as_path())
        .chain(locales.iter().map(|l| l.dir.as_path()))
        .collect();
    check_target(&config.output, &config.root, &inputs)?;
    let theme = Theme::load(&config.root)?;
    let catalog = Catalog::load(&config.root)?;
    let strings: Vec<_> = locales.iter().map(|l| catalog.strings(l)).collect();
    let titles: Vec<_> = strings.iter().map(i18n::alert_titles).collect();

    let highlighter = markdown::Highlighter::default();
    let loaded = load(&config, &locales, |source| {
        let cx = markdown::ParseContext {
            titles: &titles[source.locale],
            highlighter: &highlighter,
        };
        let doc = markdown::parse(&source.text, source.body_start, &cx);
        (source, doc)
    });
    findings.extend(loaded.findings);
    let site = Site::resolve(locales, loaded.pages, loaded.assets);
    findings.extend(check::run(&site));

    let staging = Staging::new(&config.output)?;
    let renderer = Renderer::new(&site, &theme, &config, &strings);
    findings.extend(renderer.write_all(staging.dir())?);
    staging.commit()?;

    findings.sort_by(|a, b| {
        (&a.location.file, a.location.line, a.location.column).cmp(&(
            &b.location.file,
            b.location.line,
            b.location.column,
        ))
    });
    let counts = site.pages_per_locale();
    let pages = site
        .locales
        .iter()
        .zip(counts)
        .map(|(l, n)| (l.key.clone(), n))
        .collect();
    // Freeing tens of thousands of pages takes a noticeable slice of a
    // build; the caller has what it needs, so let another thread do it.
    std::thread::spawn(move || drop(site));
    Ok(BuildReport {
        pages,
        findings,
        output: config.output,
        elapsed: started.elapsed(),
    })
}
