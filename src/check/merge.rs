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

use crate::diagnostic::Finding;

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
];

pub fn merge(findings: Vec<Finding>) -> Vec<Finding> {
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
