//! One problem, one finding.
//!
//! A wrong code in a table row can trip three rules at once: the key
//! repeats the row above (`duplicate-table-key`), the link text disagrees
//! with its anchor (`link-text-anchor-mismatch`), and another locale has
//! the right code (`translation-token-mismatch`). Reported apart, that is
//! three findings for one typo. Findings of these rules on the same line
//! of the same file become one, under the most telling rule, with the
//! others' messages as notes: each is a reason to believe the finding.
//! A machine-translation placeholder (`mt-placeholder`) is often why a
//! token went missing: on the line of that finding it becomes its note.
//!
//! Neither rule alone knows which side of a disagreement is wrong; where
//! two propose the same edit from their own evidence (the seed's link
//! text `0x8007232A`: its target names `0x8007232B`, and so does it-it),
//! the edit becomes the finding's fix for `check --fix`.

use crate::diagnostic::{Edit, Finding};

/// The rules that describe the same kind of slip, most telling first.
const FAMILY: &[&str] = &[
    "translation-token-mismatch",
    "translation-cell-mismatch",
    "link-text-anchor-mismatch",
    "hex-decimal-mismatch",
    "constant-value-mismatch",
    "duplicate-table-key",
    "syntax-keyword-mismatch",
    "bare-switch",
    "mt-placeholder",
    "constant-name-mismatch",
];

/// Rules whose finding on a line is the same problem as another rule's
/// there, which says more: (explained, explaining). A constant's name the
/// translation split at its underscores, in a values table, is both a
/// split identifier and a name its anchor contradicts; the latter knows
/// the name. Kept apart from [`FAMILY`], whose rules all merge with each
/// other: a split identifier beside a row's other difference is another
/// problem.
const EXPLAINED: &[(&str, &str)] = &[("split-identifier", "constant-name-mismatch")];

pub fn merge(findings: Vec<Finding>) -> Vec<Finding> {
    let findings = explain(findings);
    let rank = |f: &Finding| FAMILY.iter().position(|r| *r == f.rule);
    let (mut family, mut out): (Vec<Finding>, Vec<Finding>) =
        findings.into_iter().partition(|f| rank(f).is_some());
    family.sort_by_key(|f| (f.location.file.clone(), f.location.line, rank(f)));
    let mut current: Option<Finding> = None;
    for finding in family {
        match &mut current {
            Some(head)
                if head.location.file == finding.location.file
                    && head.location.line == finding.location.line =>
            {
                // Two rules that propose the same edit, each from its own
                // evidence (a link's target, another locale), make it sure.
                if head.fix.is_empty()
                    && !head.proposal.is_empty()
                    && head.proposal == finding.proposal
                {
                    head.fix = head.proposal.clone();
                }
                // A member's sure edits stand on its own evidence: kept,
                // where they touch none of the head's.
                keep_apart(&mut head.fix, finding.fix);
                head.severity = head.severity.max(finding.severity);
                head.notes
                    .push(format!("{} [{}]", finding.message, finding.rule));
                head.notes.extend(finding.notes);
                // One line, one label: a row the token and the cell rules
                // both point at, or a block the placeholder rule points
                // at the start of, is shown once, as the head shows it.
                for related in finding.related {
                    let line =
                        |r: &crate::diagnostic::Related| (r.location.file.clone(), r.location.line);
                    if !head.related.iter().any(|r| line(r) == line(&related)) {
                        head.related.push(related);
                    }
                }
            }
            _ => out.extend(current.replace(finding)),
        }
    }
    out.extend(current);
    out
}

/// Adds to `fix` each of `edits` that touches none of its edits.
fn keep_apart(fix: &mut Vec<Edit>, edits: Vec<Edit>) {
    for edit in edits {
        let apart = |h: &Edit| h.range.end <= edit.range.start || edit.range.end <= h.range.start;
        if fix.iter().all(apart) {
            fix.push(edit);
        }
    }
}

/// `findings`, those [`EXPLAINED`] by another on their line made notes of
/// it.
fn explain(mut findings: Vec<Finding>) -> Vec<Finding> {
    let place = |f: &Finding| (f.location.file.clone(), f.location.line);
    // Each explaining finding by rule and place, found once (a page of
    // thousands of them is not searched once per explained finding).
    let heads: std::collections::HashMap<(&str, (std::path::PathBuf, usize)), usize> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| EXPLAINED.iter().any(|(_, by)| *by == f.rule))
        .map(|(i, f)| ((f.rule, place(f)), i))
        .collect();
    if heads.is_empty() {
        return findings;
    }
    let mut notes: Vec<(usize, usize)> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        let head = EXPLAINED
            .iter()
            .filter(|(member, _)| *member == f.rule)
            .find_map(|(_, by)| heads.get(&(*by, place(f))));
        if let Some(&head) = head {
            notes.push((head, i));
        }
    }
    for &(head, i) in &notes {
        let note = format!("{} [{}]", findings[i].message, findings[i].rule);
        let more = std::mem::take(&mut findings[i].notes);
        let edits = std::mem::take(&mut findings[i].fix);
        let head = &mut findings[head];
        head.notes.push(note);
        head.notes.extend(more);
        // Its sure edits elsewhere on the line (another name split there)
        // are kept; where the head edits the same text, the head's stand.
        keep_apart(&mut head.fix, edits);
    }
    let explained: std::collections::HashSet<usize> = notes.into_iter().map(|(_, i)| i).collect();
    findings
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !explained.contains(i))
        .map(|(_, f)| f)
        .collect()
}
