//! The `polydoc` command: argument parsing, output and exit codes over the
//! library.
//!
//! `build` exits 0 when every page was built, 1 when some file could not be
//! built as written, 2 on a usage, configuration or I/O error (nothing
//! written); what the checks find is summarised but does not fail a build.
//! `check` is the CI gate: 0 when nothing reaches `--fail-on`, 1 when
//! something does, 2 on a usage, configuration or I/O error.
//! `drift` exits 0 when no page is outdated or inconsistent in any locale,
//! 1 when one is, 2 on a usage, configuration or I/O error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use polydoc::config::Overrides;
use polydoc::diagnostic::Severity;
use polydoc::report;

#[derive(Parser)]
#[command(
    name = "polydoc",
    version,
    about = "Static documentation sites from DocFX-flavoured Markdown in several languages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the site is and where it goes, for the commands that write it.
#[derive(clap::Args)]
struct SiteArgs {
    /// Site root, holding polydoc.toml, content/, templates/ and static/.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Content folder (default: `content` in the root, or polydoc.toml's `content`).
    #[arg(long)]
    content: Option<PathBuf>,
    /// Output folder (default: `public` in the root, or polydoc.toml's `output`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Build the pages marked `draft: true` too (left out without it).
    #[arg(long)]
    drafts: bool,
    /// The address the site is published at (default: polydoc.toml's
    /// `base_url`), for a preview deployment's own, as `hugo --baseURL`.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
}

impl SiteArgs {
    fn overrides(self) -> (PathBuf, Overrides) {
        (
            self.root,
            Overrides {
                content: self.content,
                output: self.out,
                source: None,
                drafts: self.drafts,
                base_url: self.base_url,
            },
        )
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the site: one cross-linked HTML site per locale.
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Print findings only, no summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Build, serve the site on 127.0.0.1, rebuild and reload on every change.
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// Port on 127.0.0.1; 0 picks a free one.
        #[arg(long, short, default_value_t = 8000)]
        port: u16,
    },
    /// Check links, anchors and cross-locale consistency (`--fix` writes
    /// the corrections that are beyond doubt).
    Check {
        /// Site root, holding polydoc.toml and content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Content folder (default: `content` in the root, or polydoc.toml's `content`).
        #[arg(long)]
        content: Option<PathBuf>,
        /// Read the pages marked `draft: true` too (left out without it).
        #[arg(long)]
        drafts: bool,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Exit 1 when a finding has at least this severity.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        /// Hide the findings recorded in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Record the current findings in this file and exit 0.
        #[arg(long, value_name = "FILE", conflicts_with = "files")]
        write_baseline: Option<PathBuf>,
        /// Report only findings in these files or folders (the whole site
        /// is still read: links and translations depend on it).
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// List every rule (id, default severity, what it finds) and exit,
        /// reading no site: the ids `[rules]` in polydoc.toml takes.
        #[arg(long, conflicts_with_all = ["baseline", "write_baseline", "files"])]
        list_rules: bool,
        /// Print what a rule finds, how to fix it and how to silence it,
        /// and exit, reading no site.
        #[arg(long, value_name = "RULE", conflicts_with_all = ["baseline", "write_baseline", "files", "list_rules"])]
        explain: Option<String>,
        /// Write the fixes of the findings that have a certain one into
        /// their files, then report what is left.
        #[arg(long, conflicts_with_all = ["write_baseline", "list_rules"])]
        fix: bool,
    },
    /// Translation status: which page is missing, outdated or inconsistent
    /// in which locale, and why.
    Drift {
        /// Site root, holding polydoc.toml and content/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Content folder (default: `content` in the root, or polydoc.toml's `content`).
        #[arg(long)]
        content: Option<PathBuf>,
        /// Read the pages marked `draft: true` too (left out without it).
        #[arg(long)]
        drafts: bool,
        /// The locale translations are made from (default: polydoc.toml's
        /// `source`; without one, locales are compared as peers).
        #[arg(long, value_name = "LOCALE")]
        source: Option<String>,
        /// How to print the report.
        #[arg(long, value_enum, default_value_t = DriftFormat::Human)]
        format: DriftFormat,
        /// Also write the report as HTML pages into this folder.
        #[arg(long, value_name = "DIR")]
        html: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum DriftFormat {
    /// A table of pages x locales, then the reasons.
    Human,
    /// One JSON document (schema in the README).
    Json,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// rustc-style text with the source line (colour on a terminal).
    Human,
    /// One JSON document (schema in the README).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (pull request annotations).
    Github,
    /// Azure Pipelines logging commands (errors and warnings of the run).
    Azure,
    /// GitLab Code Quality report (merge request widget and diff).
    Gitlab,
    /// JUnit XML test report (Jenkins, GitLab, Azure, CircleCI, Bitbucket).
    Junit,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve { .. }) {
        quiet_broken_pipe();
    }
    match cli.command {
        Command::Build { site, quiet } => {
            let (root, overrides) = site.overrides();
            build(root, overrides, quiet)
        }
        Command::Serve { site, port } => {
            let (root, overrides) = site.overrides();
            match polydoc::serve::serve(&root, &overrides, port) {
                Ok(()) => ExitCode::SUCCESS,
                Err(fatal) => {
                    eprintln!("error: {fatal}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Drift {
            root,
            content,
            drafts,
            source,
            format,
            html,
        } => drift(
            &root,
            Overrides {
                content,
                output: None,
                source,
                drafts,
                base_url: None,
            },
            format,
            html.as_deref(),
        ),
        Command::Check {
            explain: Some(rule),
            ..
        } => explain(&rule),
        Command::Check {
            format,
            list_rules: true,
            ..
        } => list_rules(format),
        Command::Check {
            root,
            content,
            drafts,
            format,
            fail_on,
            baseline,
            write_baseline,
            files,
            list_rules: false,
            explain: None,
            fix,
        } => check(
            &root,
            Overrides {
                content,
                output: None,
                source: None,
                drafts,
                base_url: None,
            },
            format,
            fail_on,
            Baselines {
                read: baseline.as_deref(),
                write: write_baseline.as_deref(),
            },
            &files,
            fix,
        ),
    }
}

/// The findings a check run shows, with how many the baseline hid and
/// how many lie outside the files named on the command line.
fn shown(
    root: &std::path::Path,
    overrides: &Overrides,
    baseline: Option<&std::path::Path>,
    files: &[PathBuf],
) -> Result<(polydoc::build::CheckReport, usize, usize), polydoc::Fatal> {
    let mut report = polydoc::build::check(root, overrides)?;
    let hidden = match baseline {
        Some(path) => polydoc::baseline::apply(path, &mut report.findings)?,
        None => 0,
    };
    let elsewhere = if files.is_empty() {
        0
    } else {
        polydoc::selected::retain(&mut report.findings, root, files)?
    };
    Ok((report, hidden, elsewhere))
}

/// `Fixed 3 problems in 2 files`, what was left for another run, then
/// each file written with the problems fixed in it.
fn fixed_summary(applied: &polydoc::fix::Applied) -> String {
    let mut out = format!(
        "Fixed {} in {}",
        report::human::plural(applied.fixed, "problem"),
        report::human::plural(applied.written.len(), "file")
    );
    if applied.overlapping > 0 {
        out += &format!(
            "; {} more touching the same text as another fix: run `polydoc check --fix` again",
            applied.overlapping
        );
    }
    if applied.stale > 0 {
        out += &format!(
            "; {} left, {} changed since it was read",
            report::human::plural(applied.stale, "fix"),
            if applied.stale == 1 {
                "its file"
            } else {
                "their files"
            }
        );
    }
    // Each file written, as `cargo fix` lists them, for the review.
    for (file, fixed) in applied.written.iter().take(SHOWN_FILES) {
        out += &format!("\n  {} ({fixed})", file.display());
    }
    if let Some(more) = applied
        .written
        .len()
        .checked_sub(SHOWN_FILES)
        .filter(|&n| n > 0)
    {
        out += &format!("\n  and {}", report::human::plural(more, "more file"));
    }
    out
}

/// Files `check --fix` lists by name; the rest are counted.
const SHOWN_FILES: usize = 20;

/// `--baseline` and `--write-baseline`.
struct Baselines<'a> {
    read: Option<&'a std::path::Path>,
    write: Option<&'a std::path::Path>,
}

fn check(
    root: &std::path::Path,
    overrides: Overrides,
    format: Format,
    fail_on: FailOn,
    baselines: Baselines,
    files: &[PathBuf],
    fix: bool,
) -> ExitCode {
    let fatal = |e: polydoc::Fatal| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    };
    if let Some(path) = baselines.write {
        let report = match polydoc::build::check(root, &overrides) {
            Ok(report) => report,
            Err(e) => return fatal(e),
        };
        if let Err(e) = polydoc::baseline::write(path, &report.findings) {
            return fatal(e);
        }
        eprintln!(
            "Recorded {} findings in {}",
            report.findings.findings.len(),
            path.display()
        );
        return ExitCode::SUCCESS;
    }
    let run = || shown(root, &overrides, baselines.read, files);
    let (mut report, mut hidden, mut elsewhere) = match run() {
        Ok(shown) => shown,
        Err(e) => return fatal(e),
    };
    if fix {
        let mut total = polydoc::fix::Applied::default();
        for pass in 1..=polydoc::fix::PASSES {
            let applied = match polydoc::fix::apply(root, &report.findings.findings) {
                Ok(applied) => applied,
                Err(e) => return fatal(e),
            };
            let wrote = !applied.written.is_empty();
            total.then(applied);
            if !wrote {
                break;
            }
            // What is left, as the files now read: what one pass's edits
            // made certain, or what overlapped them, the next writes.
            (report, hidden, elsewhere) = match run() {
                Ok(shown) => shown,
                Err(e) => return fatal(e),
            };
            if pass == polydoc::fix::PASSES {
                // Fixes the passes left, for another run.
                let left = report.findings.findings.iter();
                total.overlapping = left.filter(|f| !f.fix.is_empty()).count();
            }
        }
        eprintln!("{}", fixed_summary(&total));
        if !total.written.is_empty() {
            // The list of files apart from the findings that follow.
            eprintln!();
        }
    }
    let findings = &report.findings;
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Note => Some(Severity::Note),
        FailOn::Never => None,
    };
    let mut stages = polydoc::timings::Stages::start();
    match format {
        Format::Human => {
            report::human::print(findings);
            let pages: usize = report.pages.iter().map(|p| p.1).sum();
            let mut left_out = String::new();
            if hidden > 0 {
                left_out += &format!(
                    "; {} hidden by the baseline",
                    report::human::plural(hidden, "known finding")
                );
            }
            if elsewhere > 0 {
                left_out += &format!(
                    "; {} in other files not shown",
                    report::human::plural(elsewhere, "finding")
                );
            }
            if let Some(found) = report.found_source() {
                eprintln!("{found}");
            }
            eprintln!(
                "Checked {} in {} in {:.2}s{}{}{left_out}",
                report::human::plural(pages, "page"),
                report::human::plural(report.pages.len(), "locale"),
                report.elapsed.as_secs_f64(),
                docfx_projects(report.docfx_projects),
                polydoc::build::drafts_left_out(report.drafts, "checks"),
            );
        }
        Format::Json | Format::Sarif | Format::Gitlab => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = match format {
                Format::Json => {
                    let checked = report::json::Checked {
                        pages: &report.pages,
                        source: report.source.as_deref(),
                        source_found_in: report.source_found_in,
                    };
                    report::json::write(findings, &checked, &mut out)
                }
                Format::Sarif => report::sarif::write(findings, &mut out),
                _ => report::gitlab::write(findings, &mut out),
            };
            let written = written
                .and_then(|()| writeln!(out))
                .and_then(|()| out.flush());
            if let Err(e) = written {
                eprintln!("error: cannot write the report: {e}");
                return ExitCode::from(2);
            }
        }
        Format::Github => print!("{}", report::github::render(findings)),
        Format::Azure => print!("{}", report::azure::render(findings)),
        Format::Junit => print!(
            "{}",
            report::junit::render(findings, &report.rules, threshold)
        ),
    }
    stages.done("report");
    let failed = threshold.is_some_and(|t| findings.findings.iter().any(|f| f.severity >= t));
    exit_without_freeing(report);
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn drift(
    root: &std::path::Path,
    overrides: Overrides,
    format: DriftFormat,
    html: Option<&std::path::Path>,
) -> ExitCode {
    let report = match polydoc::build::drift(root, &overrides, html) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    for finding in &report.findings {
        eprintln!(
            "{}: {}: {}",
            finding.severity, finding.location, finding.message
        );
    }
    match format {
        DriftFormat::Human => print!("{}", polydoc::drift::text::render(&report.drift)),
        DriftFormat::Json => println!("{}", polydoc::drift::json::render(&report.drift)),
    }
    if let Some(dir) = html {
        eprintln!(
            "Wrote the status pages to {}",
            dir.join("index.html").display()
        );
    }
    if report.drift.has_drift() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `check --explain RULE`: the rule's page, as `rustc --explain` prints
/// an error code's.
fn explain(id: &str) -> ExitCode {
    let rules = polydoc::check::RULES;
    match rules.iter().find(|r| r.id == id) {
        Some(rule) => {
            print!("{}", rule.explain());
            ExitCode::SUCCESS
        }
        None => {
            let hint = polydoc::check::closest(id, rules.iter().map(|r| r.id))
                .map(|near| format!("did you mean `{near}`? "))
                .unwrap_or_default();
            eprintln!(
                "error: `{id}` is no rule; {hint}`polydoc check --list-rules` lists them all"
            );
            ExitCode::from(2)
        }
    }
}

/// `check --list-rules`: every rule, as JSON with `--format json`, else
/// one line each: id, default level, `fix` where `--fix` corrects some
/// of its findings, summary.
fn list_rules(format: Format) -> ExitCode {
    let rules = polydoc::check::RULES;
    let text = if matches!(format, Format::Json) {
        let list: Vec<serde_json::Value> = rules
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id,
                    "severity": r.severity.to_string(),
                    "fixable": r.fixable,
                    "summary": r.summary,
                })
            })
            .collect();
        format!("{}\n", serde_json::Value::Array(list))
    } else {
        let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
        rules
            .iter()
            .map(|r| {
                format!(
                    "{:width$}  {:7}  {:3}  {}\n",
                    r.id,
                    r.severity.to_string(),
                    if r.fixable { "fix" } else { "" },
                    r.summary
                )
            })
            .collect()
    };
    print!("{text}");
    ExitCode::SUCCESS
}

fn build(root: PathBuf, overrides: Overrides, quiet: bool) -> ExitCode {
    // A bar where a person watches, plain lines in CI logs, nothing when quiet.
    let bar;
    let lines;
    let progress: &dyn Progress = if quiet {
        &Silent
    } else if std::io::stderr().is_terminal() {
        bar = Bar::new();
        &bar
    } else {
        lines = Lines::new();
        &lines
    };
    let report = match polydoc::build::build(&root, &overrides, progress) {
        Ok(report) => report,
        Err(fatal) => {
            eprintln!("error: {fatal}");
            return ExitCode::from(2);
        }
    };
    for finding in &report.findings {
        eprintln!("{finding}");
    }
    let errors = report.count(Severity::Error);
    if !quiet {
        let pages: Vec<String> = report
            .pages
            .iter()
            .map(|(locale, n)| format!("{locale} {n}"))
            .collect();
        println!(
            "Built {} in {} ({}) in {:.2}s{}{}",
            report::human::plural(report.pages.iter().map(|p| p.1).sum(), "page"),
            report::human::plural(report.pages.len(), "locale"),
            pages.join(", "),
            report.elapsed.as_secs_f64(),
            docfx_projects(report.docfx_projects),
            polydoc::build::drafts_left_out(report.drafts, "builds"),
        );
        if let Some(found) = &report.found_source {
            println!("{found}");
        }
        println!(
            "Build: {}",
            report::human::counts(
                errors,
                report.count(Severity::Warning),
                report.count(Severity::Note)
            )
        );
        print!("Checks: {}", report::human::summary(&report.checks));
        if !report.checks.findings.is_empty() {
            println!("  run `polydoc check` for the details");
        }
        if report.outdated > 0 {
            println!(
                "Translations: {} marked as possibly out of date (made from an older source version); run `polydoc drift` for why",
                report::human::plural(report.outdated, "page")
            );
        }
        let index = report.output.join("index.html");
        let shown = std::env::current_dir()
            .ok()
            .and_then(|cwd| index.strip_prefix(cwd).ok().map(PathBuf::from))
            .unwrap_or(index);
        println!("Open {}", shown.display());
    }
    exit_without_freeing(report);
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

use polydoc::progress::{Bar, Lines, Progress, Silent};
use std::io::{IsTerminal, Write as _};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `polydoc check --format json | head` closes the pipe early. Rust
/// ignores SIGPIPE, so the next write failed and `println!` panicked with
/// a backtrace. Like `cat` and `grep`, end quietly instead: the default
/// action of the signal. Nothing is lost: `build` prints only after its
/// output folder is in place, and `check` and `drift` write no files.
/// `serve` keeps Rust's default: a browser that drops a connection costs
/// the server one failed write, never its life (tests/serve.rs).
fn quiet_broken_pipe() {
    #[cfg(unix)]
    // SAFETY: restores the default disposition of one signal before any
    // thread is started (clap parses on the main thread); no handler code
    // runs.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Leaves a run's results to the process exit instead of freeing them:
/// on a large site, freeing every finding and source text one by one
/// took a tenth of a second after all output was written. Only for the
/// last use of a value, right before `main` returns.
fn exit_without_freeing<T>(value: T) {
    std::mem::forget(value);
}

/// Opts the process out of transparent huge pages, which mimalloc asks
/// for. Each first touch of a huge page zeroes 2 MiB; on the benchmark
/// corpus that kernel time swung between 0.3 and 2.8 s from one run of
/// the same `check` to the next, and a build's system time was about 1 s
/// higher with them (7.2 s against 6.5 s, 40 MiB more peak). Without
/// them system time stays near 0.9 s for `check`, with the same median
/// over six paired runs (benches/README.md). Failure (an old
/// kernel) changes nothing.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes
    // no memory of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// The summary's word on the `docfx.json` files read, so that a DocFX
/// user sees their metadata was taken: empty without any.
fn docfx_projects(count: usize) -> String {
    match count {
        0 => String::new(),
        1 => "; metadata from 1 docfx.json".to_owned(),
        n => format!("; metadata from {n} docfx.json files"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The summary lists the files written, as `cargo fix` does, up to
    /// [`SHOWN_FILES`], then counts the rest.
    #[test]
    fn the_fix_summary_lists_the_files_written() {
        let applied = polydoc::fix::Applied {
            fixed: 23,
            written: (0..22)
                .map(|i| {
                    (
                        std::path::PathBuf::from(format!("content/es-es/{i:02}.md")),
                        1 + i / 21,
                    )
                })
                .collect(),
            stale: 0,
            overlapping: 1,
        };
        let summary = fixed_summary(&applied);
        let lines: Vec<&str> = summary.lines().collect();
        assert_eq!(
            lines[0],
            "Fixed 23 problems in 22 files; 1 more touching the same text as another fix: run `polydoc check --fix` again"
        );
        assert_eq!(lines[1], "  content/es-es/00.md (1)");
        assert_eq!(lines[20], "  content/es-es/19.md (1)");
        assert_eq!(lines[21], "  and 2 more files");
        assert_eq!(lines.len(), 22);
    }
}
