//! Write stage: the site is built into a temporary folder beside the output
//! folder and swapped in at the end, so a failed or interrupted build never
//! leaves a half-written site, and readers of the old one never see a mix.
//!
//! Replacing a folder wholesale is dangerous, so before anything is written
//! we refuse outputs that would destroy input (the root, the content or a
//! locale folder, or a folder holding them) and existing folders that
//! polydoc did not write (they carry no [`MARKER`] file).

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::Fatal;

/// File in every output folder that says polydoc wrote it and may replace it.
pub const MARKER: &str = ".polydoc-output";

/// Refuses an output folder whose replacement would delete input or
/// somebody else's files. `inputs` are the root and every content folder.
pub fn check_target(target: &Path, root: &Path, inputs: &[&Path]) -> Result<(), Fatal> {
    let target_real = real_path(target);
    if target_real == real_path(root) {
        return Err(Fatal::new(format!(
            "refusing to write the site into the site root {}; choose an output folder such as {}",
            target.display(),
            root.join("public").display()
        )));
    }
    for input in inputs.iter().copied().chain([root]) {
        let input_real = real_path(input);
        if input_real.starts_with(&target_real) {
            return Err(Fatal::new(format!(
                "refusing output folder {}: it holds the input folder {}, which replacing it would delete",
                target.display(),
                input.display()
            )));
        }
        if input != root && target_real.starts_with(&input_real) {
            return Err(Fatal::new(format!(
                "refusing output folder {}: it is inside the content folder {}; choose a folder outside it",
                target.display(),
                input.display()
            )));
        }
    }
    if target.is_dir()
        && !target.join(MARKER).exists()
        && std::fs::read_dir(target)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(Fatal::new(format!(
            "refusing to replace {}: it is not empty and polydoc did not write it (no {MARKER} file); remove it or choose another output folder",
            target.display()
        )));
    }
    Ok(())
}

/// The canonical form of `path`, or of its nearest existing ancestor with
/// the rest appended, so that symlinks and `..` cannot hide an overlap.
fn real_path(path: &Path) -> PathBuf {
    let path = crate::config::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = path.clone();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest
                .iter()
                .rev()
                .fold(real, |acc: PathBuf, part: &std::ffi::OsString| {
                    acc.join(part)
                });
        }
        match (
            existing.file_name().map(ToOwned::to_owned),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return path,
        }
    }
}

/// A build in progress: files go into [`Staging::dir`] until [`Staging::commit`].
/// Dropped without commit, the temporary folder is removed and the old site stays.
pub struct Staging {
    temp: TempDir,
    target: PathBuf,
}

impl Staging {
    pub fn new(target: &Path) -> Result<Staging, Fatal> {
        let parent = target
            .parent()
            .ok_or_else(|| Fatal::new(format!("{} has no parent folder", target.display())))?;
        std::fs::create_dir_all(parent)
            .map_err(|e| Fatal::new(format!("cannot create {}: {e}", parent.display())))?;
        let name = target
            .file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
        let temp = tempfile::Builder::new()
            .prefix(&format!(".{name}.building-"))
            .tempdir_in(parent)
            .map_err(|e| {
                Fatal::new(format!(
                    "cannot create a temporary folder in {}: {e}",
                    parent.display()
                ))
            })?;
        std::fs::write(
            temp.path().join(MARKER),
            "This folder was written by polydoc, which replaces it on every build.\n",
        )
        .map_err(|e| Fatal::new(format!("cannot write in {}: {e}", temp.path().display())))?;
        Ok(Staging {
            temp,
            target: target.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        self.temp.path()
    }

    /// Swaps the new site in. The old one is moved aside first and put back
    /// if the swap fails, so some complete site is always in place.
    pub fn commit(self) -> Result<(), Fatal> {
        let parent = self.target.parent().unwrap_or(Path::new("."));
        let fail = |e: std::io::Error, what: &str| {
            Fatal::new(format!("cannot {what} {}: {e}", self.target.display()))
        };
        let old = tempfile::Builder::new()
            .prefix(".polydoc-old-")
            .tempdir_in(parent)
            .map_err(|e| fail(e, "make room to replace"))?;
        let aside = old.path().join("previous");
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &aside).map_err(|e| fail(e, "move aside"))?;
        }
        let new = self.temp.keep();
        if let Err(e) = std::fs::rename(&new, &self.target) {
            if had_old {
                let _ = std::fs::rename(&aside, &self.target);
            }
            let _ = std::fs::remove_dir_all(&new);
            return Err(fail(e, "replace"));
        }
        if had_old {
            remove_files_in_parallel(&aside);
        }
        Ok(())
    }
}

/// Empties `dir` of its files on all cores, leaving the folders for the
/// caller's `remove_dir_all`. Deleting the previous site, one file after
/// another, took a twentieth of a 30,000-page build (0.35 s on two cores,
/// in RAM); unlinking files in one folder in parallel is safe, and what
/// cannot be removed here is left for `remove_dir_all` to report or retry.
fn remove_files_in_parallel(dir: &Path) {
    use rayon::prelude::*;
    let files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| !entry.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.par_iter().for_each(|file| {
        let _ = std::fs::remove_file(file);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_overlaps_with_input() {
        let root = tempfile::tempdir().unwrap();
        let content = root.path().join("content");
        let locale = content.join("es-es");
        std::fs::create_dir_all(&locale).unwrap();
        let inputs = [content.as_path(), locale.as_path()];
        assert!(check_target(root.path(), root.path(), &inputs).is_err());
        assert!(check_target(&content.join("out"), root.path(), &inputs).is_err());
        assert!(
            check_target(
                &root.path().join("x/../content/es-es"),
                root.path(),
                &inputs
            )
            .is_err()
        );
        assert!(check_target(root.path().parent().unwrap(), root.path(), &inputs).is_err());
        assert!(check_target(&root.path().join("public"), root.path(), &inputs).is_ok());
    }

    #[test]
    fn refuses_a_foreign_folder_but_replaces_its_own() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(check_target(&out, root.path(), &[]).is_err());

        std::fs::remove_file(out.join("notes.txt")).unwrap();
        let staging = Staging::new(&out).unwrap();
        std::fs::write(staging.dir().join("index.html"), "new").unwrap();
        staging.commit().unwrap();
        assert!(check_target(&out, root.path(), &[]).is_ok());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "new"
        );
        let leftovers: Vec<_> = std::fs::read_dir(root.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }
}
