//! When each file last changed, from git history (through libgit2, not by
//! parsing a shell command's output).
//!
//! A locale's folder may live in its own checkout, so each file is looked
//! up in the repository that contains it. History is walked once per
//! repository, newest commit first, and the walk stops as soon as every
//! wanted file has been seen: on a repository where all files changed
//! recently that is a few commits, not the whole history.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use git2::{DiffOptions, Repository, Sort};

use super::{Signal, SignalKind, file_of};
use crate::site::Site;

/// Last commit time (seconds since the epoch) per file, for the files that
/// are tracked by a git repository; files outside one are left out.
pub fn last_changes(files: &[PathBuf]) -> HashMap<PathBuf, i64> {
    // Pages share folders: find each folder's repository once.
    let mut workdirs: HashMap<&Path, Option<PathBuf>> = HashMap::new();
    let mut by_repo: HashMap<PathBuf, (Repository, Vec<(PathBuf, PathBuf)>)> = HashMap::new();
    for file in files {
        let Some(dir) = file.parent() else { continue };
        let workdir = workdirs.entry(dir).or_insert_with(|| {
            let repo = Repository::discover(dir).ok()?;
            repo.workdir()?.canonicalize().ok()
        });
        let Some(workdir) = workdir.clone() else {
            continue;
        };
        let Ok(absolute) = file.canonicalize() else {
            continue;
        };
        let Ok(relative) = absolute.strip_prefix(&workdir) else {
            continue;
        };
        let relative = relative.to_path_buf();
        if !by_repo.contains_key(&workdir) {
            let Ok(repo) = Repository::open(&workdir) else {
                continue;
            };
            by_repo.insert(workdir.clone(), (repo, Vec::new()));
        }
        if let Some((_, wanted)) = by_repo.get_mut(&workdir) {
            wanted.push((relative, file.clone()));
        }
    }
    let mut out = HashMap::new();
    for (repo, wanted) in by_repo.into_values() {
        // A repository that cannot be read (shallow, corrupt) gives no
        // dates: the version signal from front matter still stands.
        if let Ok(found) = walk(&repo, &wanted) {
            out.extend(found);
        }
    }
    out
}

/// The newest commit touching each wanted file, walking from HEAD.
fn walk(
    repo: &Repository,
    wanted: &[(PathBuf, PathBuf)],
) -> Result<HashMap<PathBuf, i64>, git2::Error> {
    let mut pending: HashMap<&Path, &PathBuf> =
        wanted.iter().map(|(r, f)| (r.as_path(), f)).collect();
    let mut found = HashMap::new();
    let mut walk = repo.revwalk()?;
    walk.push_head()?;
    walk.set_sorting(Sort::TIME)?;
    for oid in walk {
        if pending.is_empty() {
            break;
        }
        let commit = repo.find_commit(oid?)?;
        let tree = commit.tree()?;
        let parent = commit.parents().next().map(|p| p.tree()).transpose()?;
        let mut options = DiffOptions::new();
        let diff = repo.diff_tree_to_tree(parent.as_ref(), Some(&tree), Some(&mut options))?;
        for delta in diff.deltas() {
            let Some(path) = delta.new_file().path() else {
                continue;
            };
            if let Some(file) = pending.remove(path) {
                found.insert(file.clone(), commit.time().seconds());
            }
        }
    }
    Ok(found)
}

/// `YYYY-MM-DD` of a time in seconds since the epoch (UTC).
pub fn date(seconds: i64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Outdated by git: the source page changed after the translation did.
pub fn signals(
    site: &Site,
    group: &[usize],
    source_page: usize,
    history: &HashMap<PathBuf, i64>,
    signals: &mut [Vec<Signal>],
) {
    let when = |p: usize| history.get(&file_of(site, p)).copied();
    let Some(source_time) = when(source_page) else {
        return;
    };
    let source_locale = &site.locales[site.pages[source_page].locale()].key;
    for (m, &page) in group.iter().enumerate().filter(|&(_, &p)| p != source_page) {
        if let Some(time) = when(page)
            && source_time > time
        {
            signals[m].push(Signal::drift(
                SignalKind::History,
                format!(
                    "the {source_locale} source was last changed on {}, after this translation's last change on {}: bring the translation up to date",
                    date(source_time),
                    date(time)
                ),
                None,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_epoch_seconds() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(date(1_587_600_000), "2020-04-23");
    }
}
