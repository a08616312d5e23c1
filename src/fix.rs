//! `polydoc check --fix`: writes into the Markdown files the edits that
//! findings carry ([`crate::diagnostic::Edit`]).
//!
//! Only rules whose correction is beyond doubt give edits (a path's `\`
//! or letter case, a space between `]` and `(`, a hidden tag's `<`, an
//! escaped quotation mark, a translated alert keyword, a locale in a
//! Learn address, a file or qualified name split where it is written
//! whole elsewhere, an identifier split where its evidence writes its
//! very parts whole, words a translation added to a code's value,
//! spaces inside bold's markers, a link to a moved
//! article, a code two rules agree on: `crate::check::merge`),
//! and only findings the run reports are fixed: a rule turned off, a
//! finding silenced or in the baseline, or outside the files named on the
//! command line, is left as it is.
//!
//! Nothing is written on a guess about the file: each edit must find the
//! bytes it replaces as they were when the site was read (an editor may
//! have saved the file since), and a finding whose edits overlap another
//! one's waits for the next run. A file is written to a temporary file
//! beside it, with its permissions, and renamed over it, so an interrupted
//! run leaves either the old file or the new one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::Fatal;
use crate::diagnostic::{Edit, Finding};

/// What `--fix` did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Findings fixed.
    pub fixed: usize,
    /// Files written, as findings show them, with the findings fixed in
    /// each, in path order.
    pub written: Vec<(PathBuf, usize)>,
    /// Findings left because their file changed since it was read.
    pub stale: usize,
    /// Findings left because another fix of theirs touched the same text;
    /// the next run takes them.
    pub overlapping: usize,
}

impl Applied {
    /// Adds a later pass's work to this one's: the problems fixed and the
    /// files written add up, what is left is the later pass's.
    pub fn then(&mut self, later: Applied) {
        self.fixed += later.fixed;
        for (file, fixed) in later.written {
            match self.written.iter_mut().find(|(f, _)| *f == file) {
                Some((_, count)) => *count += fixed,
                None => self.written.push((file, fixed)),
            }
        }
        self.written.sort();
        self.stale = later.stale;
        self.overlapping = later.overlapping;
    }
}

/// How many times `check --fix` checks and fixes again while its last
/// pass wrote something: a fix can make another certain (a name joined
/// on one line is the evidence that the same split on the next is one),
/// and edits that overlapped wait for a pass of their own. ESLint's
/// `--fix` passes ten times for the same reasons; the real sites of
/// `tests/data/` settle in one pass, some of the mutation hunt's in two.
pub const PASSES: usize = 5;

/// Writes the edits of `findings` into their files, whose paths are as
/// findings show them: relative to `root`, or absolute.
pub fn apply(root: &Path, findings: &[Finding]) -> Result<Applied, Fatal> {
    let mut by_file: BTreeMap<&Path, Vec<&[Edit]>> = BTreeMap::new();
    for finding in findings.iter().filter(|f| !f.fix.is_empty()) {
        by_file
            .entry(&finding.location.file)
            .or_default()
            .push(&finding.fix);
    }
    let mut applied = Applied::default();
    for (shown, fixes) in by_file {
        let path = root.join(shown);
        let text = std::fs::read(&path).map_err(|e| Fatal::cannot_read(&path, e))?;
        let (edits, outcome) = accepted(&text, fixes);
        applied.fixed += outcome.fixed;
        applied.stale += outcome.stale;
        applied.overlapping += outcome.overlapping;
        if !edits.is_empty() {
            write(&path, &edited(&text, edits))?;
            applied.written.push((shown.to_owned(), outcome.fixed));
        }
    }
    Ok(applied)
}

/// The edits of `fixes` (one finding's each) that can be written into
/// `text`, in text order: a finding's edits all or none.
fn accepted<'e>(text: &[u8], mut fixes: Vec<&'e [Edit]>) -> (Vec<&'e Edit>, Applied) {
    fixes.sort_by_key(|edits| edits.iter().map(|e| e.range.start).min());
    let mut taken: Vec<&Edit> = Vec::new();
    let mut outcome = Applied::default();
    for edits in fixes {
        let current = edits
            .iter()
            .all(|e| text.get(e.range.clone()) == Some(e.original.as_bytes()));
        if !current {
            outcome.stale += 1;
            continue;
        }
        // Two findings of one slip may carry the same edit: it is written once.
        if edits.iter().all(|e| taken.contains(&e)) {
            outcome.fixed += 1;
            continue;
        }
        let clear = edits.iter().all(|e| {
            taken
                .iter()
                .all(|t| e.range.end <= t.range.start || t.range.end <= e.range.start)
        });
        if !clear {
            outcome.overlapping += 1;
            continue;
        }
        taken.extend(edits);
        outcome.fixed += 1;
    }
    taken.sort_by_key(|e| e.range.start);
    (taken, outcome)
}

/// `text` with `edits` (in order, none overlapping) written in.
fn edited(text: &[u8], edits: Vec<&Edit>) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut from = 0;
    for edit in edits {
        out.extend_from_slice(&text[from..edit.range.start]);
        out.extend_from_slice(edit.replacement.as_bytes());
        from = edit.range.end;
    }
    out.extend_from_slice(&text[from..]);
    out
}

/// Replaces the file at `path` by `contents`, through a temporary file in
/// its folder that keeps its permissions.
fn write(path: &Path, contents: &[u8]) -> Result<(), Fatal> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut temp =
        tempfile::NamedTempFile::new_in(folder).map_err(|e| Fatal::cannot_write(path, e))?;
    std::io::Write::write_all(&mut temp, contents).map_err(|e| Fatal::cannot_write(path, e))?;
    if let Ok(metadata) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(temp.path(), metadata.permissions());
    }
    temp.persist(path)
        .map_err(|e| Fatal::cannot_write(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Location;

    #[test]
    fn passes_add_up_and_leave_what_the_last_one_left() {
        let mut total = Applied {
            fixed: 3,
            written: vec![("b.md".into(), 2), ("c.md".into(), 1)],
            stale: 1,
            overlapping: 2,
        };
        total.then(Applied {
            fixed: 2,
            written: vec![("a.md".into(), 1), ("b.md".into(), 1)],
            stale: 0,
            overlapping: 0,
        });
        assert_eq!(
            total,
            Applied {
                fixed: 5,
                written: vec![("a.md".into(), 1), ("b.md".into(), 3), ("c.md".into(), 1)],
                stale: 0,
                overlapping: 0,
            }
        );
    }

    fn edit(text: &str, range: std::ops::Range<usize>, replacement: &str) -> Edit {
        Edit {
            original: text[range.clone()].to_owned(),
            range,
            location: Location::file("a.md"),
            replacement: replacement.to_owned(),
        }
    }

    #[test]
    fn edits_are_written_in_text_order_whatever_order_findings_come_in() {
        let text = "[a] (b.md) and %%amp;quot;x%%amp;quot;";
        let quotes = [edit(text, 15..26, "\""), edit(text, 27..38, "\"")];
        let gap = [edit(text, 3..4, "")];
        let (edits, outcome) = accepted(text.as_bytes(), vec![&quotes, &gap]);
        assert_eq!(outcome.fixed, 2);
        assert_eq!(
            String::from_utf8(edited(text.as_bytes(), edits)).unwrap(),
            "[a](b.md) and \"x\""
        );
    }

    #[test]
    fn the_same_edit_of_two_findings_is_written_once() {
        let text = "[a](B.md)";
        let case = [edit(text, 4..8, "b.md")];
        let again = case.clone();
        let (edits, outcome) = accepted(text.as_bytes(), vec![&case, &again]);
        assert_eq!((outcome.fixed, outcome.overlapping), (2, 0));
        assert_eq!(
            String::from_utf8(edited(text.as_bytes(), edits)).unwrap(),
            "[a](b.md)"
        );
    }

    #[test]
    fn a_changed_file_or_an_overlapping_fix_is_left_for_later() {
        let text = "see ..\\Media\\x.png here";
        let first = [edit(text, 4..18, "../media/x.png")];
        let overlapping = [edit(text, 6..12, "/media")];
        let mut stale = [edit(text, 19..23, "there")];
        stale[0].original = "HERE".to_owned();
        let (edits, outcome) = accepted(text.as_bytes(), vec![&first, &overlapping, &stale]);
        assert_eq!(
            outcome,
            Applied {
                fixed: 1,
                written: Vec::new(),
                stale: 1,
                overlapping: 1
            }
        );
        assert_eq!(
            String::from_utf8(edited(text.as_bytes(), edits)).unwrap(),
            "see ../media/x.png here"
        );
    }
}
