//! `polydoc check FILE...`: findings limited to the files (or folders)
//! named on the command line, as a pre-commit hook or a pull request's
//! job passes the files it changed.
//!
//! The whole site is still read and checked: whether a link in a changed
//! file works, or whether its translations agree, depends on the other
//! files. Only what is reported narrows, to findings whose own location
//! lies in a named file or below a named folder; related locations may
//! point anywhere.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::Fatal;
use crate::report::Findings;

/// Keeps the findings located in `paths` (relative to the current folder),
/// the site being at `root`; returns how many were left out. A path that
/// does not exist is an error: a typo would otherwise pass every check.
pub fn retain(findings: &mut Findings, root: &Path, paths: &[PathBuf]) -> Result<usize, Fatal> {
    let wanted: Vec<PathBuf> = paths
        .iter()
        .map(|path| {
            path.canonicalize().map_err(|e| {
                Fatal::new(format!(
                    "{}: {e}; name files or folders of the site to report on",
                    path.display()
                ))
            })
        })
        .collect::<Result<_, _>>()?;
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // One file system look-up per file with findings, not per finding.
    let mut inside: FxHashMap<PathBuf, bool> = FxHashMap::default();
    let before = findings.findings.len();
    findings.findings.retain(|finding| {
        let file = &finding.location.file;
        if let Some(&known) = inside.get(file) {
            return known;
        }
        let full = root.join(file);
        let full = full.canonicalize().unwrap_or(full);
        let wanted = wanted.iter().any(|w| full.starts_with(w));
        inside.insert(file.clone(), wanted);
        wanted
    });
    Ok(before - findings.findings.len())
}
