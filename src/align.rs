//! Aligning two translations of a page, section by section and block by
//! block, so that what one locale says can be compared with what another
//! says at the same place. Shared by `check` (token consistency) and
//! `drift` (structure).
//!
//! Sections pair up by their explicit anchor (translations keep the
//! English `<a name>`), else by heading level, in order. Inside a pair of
//! sections the blocks pair up by kind and by how many tokens they share.
//! Both use a global sequence alignment (Needleman-Wunsch with free gaps,
//! maximising the total similarity), so one extra or missing block costs
//! one gap instead of shifting everything after it.
//!
//! Most pairs of translations keep every section with its anchor; for
//! them the sections' alignment is the diagonal, recognised without
//! filling the quadratic matrix (`section_pairs`, tested against it).
//!
//! The alignment's matrix grows with the product of the two lengths: a
//! table of 20,000 rows in two locales took 10 s and 3.5 GB. Above
//! [`MAX_CELLS`] the blocks (or sections) are first anchored where both
//! pages hold one with the same tokens (or explicit anchor), once each,
//! in the same order (as patience diff anchors lines), and only the
//! stretches between anchors are aligned in full (`bounded`).

use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHasher};

use crate::markdown::facts::{self, Facts, TokenKind, Unit, UnitKind};

/// Index pairs of an alignment: `(Some(i), Some(j))` matched, `(Some(i),
/// None)` only in the first sequence, `(None, Some(j))` only in the second.
pub type Pairs = Vec<(Option<usize>, Option<usize>)>;

/// Aligns `a` with `b`; `score` says how well two items match (`None`: they
/// never do). Gaps are free, so the result maximises the summed score.
pub fn sequences<T>(a: &[T], b: &[T], score: impl Fn(&T, &T) -> Option<f64>) -> Pairs {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    let mut best = vec![0.0f64; (n + 1) * width];
    // 0: diagonal (match), 1: up (gap in b), 2: left (gap in a).
    let mut step = vec![0u8; (n + 1) * width];
    for i in 1..=n {
        step[i * width] = 1;
    }
    step[1..=m].fill(2);
    for i in 1..=n {
        for j in 1..=m {
            let up = best[(i - 1) * width + j];
            let left = best[i * width + j - 1];
            let (mut value, mut from) = if up >= left { (up, 1) } else { (left, 2) };
            if let Some(s) = score(&a[i - 1], &b[j - 1]) {
                let diagonal = best[(i - 1) * width + j - 1] + s;
                if diagonal > value {
                    (value, from) = (diagonal, 0);
                }
            }
            best[i * width + j] = value;
            step[i * width + j] = from;
        }
    }
    let mut pairs = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match step[i * width + j] {
            0 => {
                pairs.push((Some(i - 1), Some(j - 1)));
                i -= 1;
                j -= 1;
            }
            1 => {
                pairs.push((Some(i - 1), None));
                i -= 1;
            }
            _ => {
                pairs.push((None, Some(j - 1)));
                j -= 1;
            }
        }
    }
    pairs.reverse();
    pairs
}

/// A section: the units from one heading to the next.
struct Section<'a> {
    heading: Option<&'a Unit>,
    /// The explicit anchor of its heading, if it has one.
    anchor: Option<&'a str>,
    /// Its units' indices: a unit's section never decreases in document
    /// order, so a section's units are consecutive (a range, not a vector
    /// per section: alignment runs for every pair of translations).
    units: Range<usize>,
}

fn sections(facts: &Facts) -> Vec<Section<'_>> {
    let mut out: Vec<Section> = vec![Section {
        heading: None,
        anchor: None,
        units: 0..0,
    }];
    for (i, unit) in facts.units.iter().enumerate() {
        let index = unit.section as usize;
        while out.len() <= index {
            out.push(Section {
                heading: None,
                anchor: None,
                units: i..i,
            });
        }
        let section = &mut out[index];
        if matches!(unit.kind, UnitKind::Heading(_)) && section.heading.is_none() {
            section.heading = Some(unit);
            section.anchor = anchor(facts, unit);
        }
        if section.units.is_empty() {
            section.units = i..i;
        }
        section.units.end = i + 1;
    }
    out
}

/// The explicit anchor a heading unit carries, if any.
fn anchor<'a>(facts: &'a Facts, unit: &Unit) -> Option<&'a str> {
    facts
        .tokens_of(unit)
        .iter()
        .find(|t| t.kind == TokenKind::Anchor)
        .map(|t| facts.value(t))
}

fn section_score(fa: &Facts, a: &Section, fb: &Facts, b: &Section) -> Option<f64> {
    match (a.heading, b.heading) {
        (None, None) => Some(1.0),
        (Some(x), Some(y)) => {
            if x.kind != y.kind {
                return None;
            }
            match (a.anchor, b.anchor) {
                (Some(p), Some(q)) if p == q => Some(3.0),
                (Some(_), Some(_)) => None,
                _ => Some(1.0 + similarity(fa.set_of(x), fb.set_of(y))),
            }
        }
        _ => None,
    }
}

/// Jaccard similarity of two units' token sets; 0 when both have none.
fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let shared = facts::shared(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        return 0.0;
    }
    shared as f64 / union as f64
}

/// How alike two blocks are: the [`similarity`] of their token sets, or,
/// when they share no token, half a token for a code span one holds the
/// start of in the other's. Machine translation splits code spans:
/// the real de-de `DATEDIFF` page writes each `SELECT DATEDIFF(...)` of
/// the others as two, on two paragraphs (`tests/data/real-sql/`), and its
/// first half then pairs with the whole statement, not with whatever
/// paragraph comes at the same place.
fn unit_similarity(a: &Facts, x: &Unit, b: &Facts, y: &Unit) -> f64 {
    let (sx, sy) = (a.set_of(x), b.set_of(y));
    let shared = similarity(sx, sy);
    if shared > 0.0 || sx.is_empty() || sy.is_empty() {
        return shared;
    }
    let overlap = inline_codes(a, x).any(|p| {
        inline_codes(b, y).any(|q| {
            let (part, whole) = if p.len() <= q.len() { (p, q) } else { (q, p) };
            part.len() >= 8 && whole.starts_with(part)
        })
    });
    if overlap { 0.5 } else { 0.0 }
}

/// The code spans of `unit`, as written.
fn inline_codes<'f>(facts: &'f Facts, unit: &'f Unit) -> impl Iterator<Item = &'f str> {
    facts
        .tokens_of(unit)
        .iter()
        .filter(|t| t.kind == TokenKind::InlineCode)
        .map(|t| facts.value(t))
}

fn same_kind(a: UnitKind, b: UnitKind) -> bool {
    match (a, b) {
        (UnitKind::Row { header: x, .. }, UnitKind::Row { header: y, .. }) => x == y,
        (x, y) => x == y,
    }
}

/// True when section `i` of one page and section `i` of the other pair up
/// with the best score a pair of sections can have: both without a
/// heading, or headings of one level with the same anchor.
fn best_pair(x: &Section, y: &Section) -> bool {
    match (x.heading, y.heading) {
        (None, None) => true,
        (Some(p), Some(q)) => p.kind == q.kind && x.anchor.is_some() && x.anchor == y.anchor,
        _ => false,
    }
}

/// Whether every section pairs with its namesake at the best score.
fn diagonal(sa: &[Section], sb: &[Section]) -> bool {
    sa.len() == sb.len() && sa.iter().zip(sb).all(|(x, y)| best_pair(x, y))
}

/// Aligns the sections of two pages.
///
/// Translations mostly keep every section and its anchor. When each
/// section pairs with its namesake at the best score there is, that is the
/// one best alignment (any other leaves a section unpaired, and no pair
/// scores more), so the quadratic alignment is not needed.
fn section_pairs(a: &Facts, sa: &[Section], b: &Facts, sb: &[Section]) -> Pairs {
    if diagonal(sa, sb) {
        return (0..sa.len()).map(|i| (Some(i), Some(i))).collect();
    }
    let section = |side: usize, i: usize| match side {
        0 => (a, &sa[i]),
        _ => (b, &sb[i]),
    };
    // A section is told by its explicit anchor, else by its heading's tokens.
    let telling = |side: usize, i: usize| {
        let (facts, s) = section(side, i);
        match (s.anchor, s.heading) {
            (Some(anchor), _) => Some((Some(anchor), &[][..])),
            (None, Some(heading)) => {
                Some((None, facts.set_of(heading))).filter(|(_, set)| !set.is_empty())
            }
            (None, None) => None,
        }
    };
    bounded(&Items {
        lengths: (sa.len(), sb.len()),
        key: &|side, i| telling(side, i).map(|t| hashed(&t)),
        pairs: &|i, j| section_score(a, &sa[i], b, &sb[j]).is_some(),
        same: &|i, j| telling(0, i) == telling(1, j),
        full: &|r, q| sequences(&sa[r], &sb[q], |x, y| section_score(a, x, b, y)),
    })
}

/// The most cells of an alignment's matrix filled at once: 4 million
/// cells take 36 MB and some 20 ms; two sections of 2,000 blocks each.
const MAX_CELLS: usize = 4_000_000;

/// How [`bounded`] tells two sequences' items apart.
struct Items<'a> {
    /// Lengths of the two sequences.
    lengths: (usize, usize),
    /// `key(side, index)`: what an item holds that the same item of the
    /// other side holds too, hashed; `None` when it holds nothing telling.
    key: &'a dyn Fn(usize, usize) -> Option<u64>,
    /// Whether items `(i, j)` of one and the other side may pair at all.
    pairs: &'a dyn Fn(usize, usize) -> bool,
    /// Whether they hold the same (their keys agree; this rules out two
    /// hashes that collide).
    same: &'a dyn Fn(usize, usize) -> bool,
    /// The full alignment of two stretches, as indices into them.
    full: &'a dyn Fn(Range<usize>, Range<usize>) -> Pairs,
}

/// Aligns two sequences in full when the matrix is small enough; else
/// between anchors, pairs of items whose key each side holds once, in the
/// longest run in order on both sides (patience sorting, as patience diff
/// anchors lines); a stretch between anchors still too large pairs its
/// items in order, each with the one at the same place when they pair.
fn bounded(items: &Items) -> Pairs {
    let (n, m) = items.lengths;
    if n.saturating_mul(m) <= MAX_CELLS {
        return (items.full)(0..n, 0..m);
    }
    let stretch = |xs: Range<usize>, ys: Range<usize>, pairs: &mut Pairs| {
        let (i, j) = (xs.start, ys.start);
        if xs.len().saturating_mul(ys.len()) <= MAX_CELLS {
            pairs.extend(
                (items.full)(xs, ys)
                    .into_iter()
                    .map(|(x, y)| (x.map(|x| x + i), y.map(|y| y + j))),
            );
            return;
        }
        for k in 0..xs.len().max(ys.len()) {
            let (x, y) = (
                (k < xs.len()).then_some(i + k),
                (k < ys.len()).then_some(j + k),
            );
            match (x, y) {
                (Some(x), Some(y)) if (items.pairs)(x, y) => pairs.push((Some(x), Some(y))),
                _ => {
                    pairs.extend(x.map(|x| (Some(x), None)));
                    pairs.extend(y.map(|y| (None, Some(y))));
                }
            }
        }
    };
    let mut pairs = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (0, 0);
    for (x, y) in anchors(items) {
        stretch(i..x, j..y, &mut pairs);
        pairs.push((Some(x), Some(y)));
        (i, j) = (x + 1, y + 1);
    }
    stretch(i..n, j..m, &mut pairs);
    pairs
}

/// The anchors of [`bounded`], in order.
fn anchors(items: &Items) -> Vec<(usize, usize)> {
    // Per key: how many items of each side hold it, and where.
    let mut seen: FxHashMap<u64, [(usize, usize); 2]> = FxHashMap::default();
    for (side, length) in [items.lengths.0, items.lengths.1].into_iter().enumerate() {
        for index in 0..length {
            if let Some(key) = (items.key)(side, index) {
                let entry = seen.entry(key).or_default();
                entry[side] = (entry[side].0 + 1, index);
            }
        }
    }
    let mut candidates: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|[x, y]| x.0 == 1 && y.0 == 1)
        .map(|[x, y]| (x.1, y.1))
        .filter(|&(x, y)| (items.pairs)(x, y) && (items.same)(x, y))
        .collect();
    candidates.sort_unstable();
    longest_increasing(&candidates)
}

/// A hash of `value`, for [`Items::key`].
fn hashed(value: &(impl Hash + ?Sized)) -> u64 {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Aligns units `ra` of `a` with units `rb` of `b` (indices relative to
/// the ranges' starts), keyed by their token sets.
fn units(a: &Facts, ra: Range<usize>, b: &Facts, rb: Range<usize>) -> Pairs {
    let (xs, ys) = (&a.units[ra], &b.units[rb]);
    let set = |side: usize, i: usize| match side {
        0 => a.set_of(&xs[i]),
        _ => b.set_of(&ys[i]),
    };
    bounded(&Items {
        lengths: (xs.len(), ys.len()),
        key: &|side, i| Some(set(side, i)).filter(|s| !s.is_empty()).map(hashed),
        pairs: &|i, j| same_kind(xs[i].kind, ys[j].kind),
        same: &|i, j| set(0, i) == set(1, j),
        full: &|r, q| {
            sequences(&xs[r], &ys[q], |x, y| {
                same_kind(x.kind, y.kind).then(|| 1.0 + unit_similarity(a, x, b, y))
            })
        },
    })
}

/// The longest run of `pairs` (sorted by their first index) whose second
/// indices increase too.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: the pair ending the best run of length k + 1 found so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (index, &(_, y)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < y);
        previous[index] = at.checked_sub(1).map(|k| tails[k]);
        if at == tails.len() {
            tails.push(index);
        } else {
            tails[at] = index;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut next = tails.last().copied();
    while let Some(index) = next {
        run.push(pairs[index]);
        next = previous[index];
    }
    run.reverse();
    run
}

/// Aligns the units of two pages: pairs of indices into `a.units` and `b.units`.
pub fn documents(a: &Facts, b: &Facts) -> Pairs {
    let (sa, sb) = (sections(a), sections(b));
    let mut pairs = Vec::new();
    for pair in section_pairs(a, &sa, b, &sb) {
        match pair {
            (Some(i), Some(j)) => {
                let (ra, rb) = (sa[i].units.clone(), sb[j].units.clone());
                let inner = units(a, ra.clone(), b, rb.clone());
                pairs.extend(
                    inner
                        .into_iter()
                        .map(|(x, y)| (x.map(|x| ra.start + x), y.map(|y| rb.start + y))),
                );
            }
            (Some(i), None) => pairs.extend(sa[i].units.clone().map(|u| (Some(u), None))),
            (None, Some(j)) => pairs.extend(sb[j].units.clone().map(|u| (None, Some(u)))),
            (None, None) => {}
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_extra_item_costs_one_gap() {
        let a = [1, 2, 3, 4, 5];
        let b = [1, 2, 9, 3, 4, 5];
        let pairs = sequences(&a, &b, |x, y| (x == y).then_some(1.0));
        assert_eq!(
            pairs,
            vec![
                (Some(0), Some(0)),
                (Some(1), Some(1)),
                (None, Some(2)),
                (Some(2), Some(3)),
                (Some(3), Some(4)),
                (Some(4), Some(5)),
            ]
        );
    }

    #[test]
    fn empty_sequences() {
        assert_eq!(
            sequences::<u8>(&[], &[1], |_, _| Some(1.0)),
            vec![(None, Some(0))]
        );
        assert!(sequences::<u8>(&[], &[], |_, _| Some(1.0)).is_empty());
    }

    #[test]
    fn sections_paired_by_name_align_as_the_full_alignment_would() {
        // Pages whose sections all pair by anchor skip the quadratic
        // alignment; the result must be the one it would give, repeated
        // anchors and sections before the first heading included.
        let pages = [
            "intro\n\n## <a name=\"a\"></a>A\n\nx\n\n## <a name=\"b\"></a>B\n",
            "intro 1234\n\n## <a name=\"a\"></a>A\n\ny\n\n## <a name=\"b\"></a>B\n",
            "## <a name=\"a\"></a>A\n\n## <a name=\"a\"></a>A\n\n### <a name=\"a\"></a>A\n",
            "## <a name=\"a\"></a>A\n\n## <a name=\"a\"></a>A\n\n## <a name=\"a\"></a>A\n",
            "## <a name=\"b\"></a>B\n\n## <a name=\"a\"></a>A\n",
            "## Plain\n\n## <a name=\"a\"></a>A\n",
        ];
        let docs: Vec<_> = pages.iter().map(|p| crate::markdown::parse(p, 0)).collect();
        let mut fast = 0;
        for a in &docs {
            for b in &docs {
                let (fa, fb) = (&a.facts, &b.facts);
                let (sa, sb) = (sections(fa), sections(fb));
                let full = sequences(&sa, &sb, |x, y| section_score(fa, x, fb, y));
                assert_eq!(section_pairs(fa, &sa, fb, &sb), full);
                fast += usize::from(diagonal(&sa, &sb));
            }
        }
        assert!(fast >= 4, "the fast path was taken {fast} times");
    }

    /// A table too long for the full matrix is aligned between anchors,
    /// to the same result: a changed row still pairs with its namesake, a
    /// missing and an extra row are gaps.
    #[test]
    fn a_long_table_aligns_between_anchors_as_the_full_alignment_would() {
        let table = |codes: &[u32]| {
            let rows: String = codes
                .iter()
                .map(|c| format!("| 0x{c:08X} | text |\n"))
                .collect();
            crate::markdown::parse(&format!("| Code | Text |\n|---|---|\n{rows}"), 0)
        };
        let first: Vec<u32> = (0..2_500).map(|i| 0x8007_0000 + i).collect();
        let mut second = first.clone();
        second[700] += 0x10_0000;
        second.remove(1_500);
        second.insert(2_000, 0x8FFF_FFFF);
        let (a, b) = (table(&first), table(&second));
        let (fa, fb) = (&a.facts, &b.facts);
        assert!(
            fa.units.len() * fb.units.len() > MAX_CELLS,
            "the anchored path is taken"
        );
        let full = sequences(&fa.units, &fb.units, |x, y| {
            same_kind(x.kind, y.kind).then(|| 1.0 + unit_similarity(fa, x, fb, y))
        });
        let anchored = documents(fa, fb);
        assert_eq!(anchored, full);
        assert!(
            anchored.contains(&(Some(701), Some(701))),
            "the changed row pairs"
        );
        assert!(
            anchored.contains(&(Some(1_501), None)),
            "the missing row is a gap"
        );
    }

    /// Too many sections for the full matrix, and not each with its
    /// namesake: anchored by their explicit anchors, to the full result.
    #[test]
    fn many_sections_align_between_anchors_as_the_full_alignment_would() {
        let page = |names: &[usize]| {
            let text: String = names
                .iter()
                .map(|n| format!("## <a name=\"s{n}\"></a>S\n\nText.\n\n"))
                .collect();
            crate::markdown::parse(&text, 0)
        };
        let first: Vec<usize> = (0..2_200).collect();
        let mut second = first.clone();
        second.remove(900);
        second.insert(1_600, 99_999);
        let (a, b) = (page(&first), page(&second));
        let (sa, sb) = (sections(&a.facts), sections(&b.facts));
        assert!(sa.len() * sb.len() > MAX_CELLS && !diagonal(&sa, &sb));
        let full = sequences(&sa, &sb, |x, y| section_score(&a.facts, x, &b.facts, y));
        assert_eq!(section_pairs(&a.facts, &sa, &b.facts, &sb), full);
    }

    #[test]
    fn longest_increasing_run_of_pairs() {
        let pairs = [(0, 5), (1, 1), (2, 2), (3, 9), (4, 3), (5, 4)];
        assert_eq!(
            longest_increasing(&pairs),
            vec![(1, 1), (2, 2), (4, 3), (5, 4)]
        );
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn a_code_span_split_in_two_pairs_with_the_one_it_starts() {
        let whole = crate::markdown::parse("`SELECT year, x;`\n\n`SELECT month, y;`\n", 0);
        let split =
            crate::markdown::parse("`SELECT year,`\n\n` x;`\n\n`SELECT month,`\n\n` y;`\n", 0);
        let pairs = documents(&whole.facts, &split.facts);
        assert_eq!(
            pairs,
            vec![
                (Some(0), Some(0)),
                (None, Some(1)),
                (Some(1), Some(2)),
                (None, Some(3)),
            ]
        );
    }
}
