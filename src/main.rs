//! The `polydoc` command: argument parsing, output and exit codes over the
//! library. Exit codes: 0 built, 1 built with errors in some files,
//! 2 usage, configuration or I/O error (nothing written).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use polydoc::config::Overrides;
use polydoc::diagnostic::Severity;

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

#[derive(Subcommand)]
enum Command {
    /// Build the site: one cross-linked HTML site per locale.
    Build {
        /// Site root, holding polydoc.toml, content/, templates/ and static/.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Content folder (default: `content` in the root, or polydoc.toml's `content`).
        #[arg(long)]
        content: Option<PathBuf>,
        /// Output folder (default: `public` in the root, or polydoc.toml's `output`).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print findings only, no summary.
        #[arg(long, short)]
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            content,
            out,
            quiet,
        } => build(
            root,
            Overrides {
                content,
                output: out,
            },
            quiet,
        ),
    }
}

fn build(root: PathBuf, overrides: Overrides, quiet: bool) -> ExitCode {
    let report = match polydoc::build::build(&root, &overrides) {
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
            "Built {} pages in {} locales ({}) in {:.2}s",
            report.pages.iter().map(|p| p.1).sum::<usize>(),
            report.pages.len(),
            pages.join(", "),
            report.elapsed.as_secs_f64()
        );
        println!(
            "Findings: {errors} errors, {} warnings, {} notes",
            report.count(Severity::Warning),
            report.count(Severity::Note)
        );
        let index = report.output.join("index.html");
        let shown = std::env::current_dir()
            .ok()
            .and_then(|cwd| index.strip_prefix(cwd).ok().map(PathBuf::from))
            .unwrap_or(index);
        println!("Open {}", shown.display());
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
