//! First cells of parameters tables that lost a switch (see
//! [`super::switches`] for the rows and what a switch is).
//!
//! A first cell is flagged for each switch it lacks that the same row has
//! in another locale and that its own page names elsewhere: the syntax
//! block or an example, which every locale keeps as code. A switch in the
//! lost one's place is what the reader sees instead (the real it-it
//! `icacls` writes `/dy` for `/grant`), and the finding points at it;
//! having a switch the others lack is no evidence of anything by itself.
//! Where the page names the switch nowhere else, the cell may still tell:
//! it writes the switch's name apart from its mark (ko-kr `/ setowner`)
//! or without it (it-it `InheritanceLevel` for `/inheritancelevel:`).
//! That is weaker evidence, so it counts only for names that half the
//! row's other locales have, and of three letters or more unless the name
//! is the whole cell (es-es `b` for `/b`).

use std::ops::Range;

use crate::diagnostic::Finding;

use super::switches::{KeyCell, Switch, in_rows, line_of, named_elsewhere, words};
use super::tokens::{Member, have};
use super::{Context, and_list};

/// The finding for member `i`'s first cell when it lacks switches that
/// the same row has in other locales (rows at the same place of tables as
/// long: codeless tables pair rows by their order) and that its own page
/// names elsewhere. Own switches that no other locale's row has are no
/// evidence either way, but they are what the reader sees instead
/// (`/dy` for `/grant`), so the finding points at the first of them.
pub(super) fn lacking(
    cx: &Context,
    members: &[Member],
    cells: &[Option<KeyCell>],
    i: usize,
    cell: &KeyCell,
) -> Option<Finding> {
    let page = members[i].0;
    let text = &cx.site.pages[page].source.text;
    // A cell's own words are weaker evidence than the page's syntax: a
    // switch it writes apart must be in half the other locales' rows at
    // least, not a word one other translation made into a switch.
    let others = same_row(cells, i).count();
    let held_widely = |lower: &str| {
        let holding = same_row(cells, i).filter(|(_, c)| has(c, lower)).count();
        holding * 2 >= others
    };
    // Each switch this cell lacks, once, with where this page names it;
    // else the first it writes apart from its mark (`/ setowner`).
    let mut lacking: Vec<(&str, &str, Range<usize>)> = Vec::new();
    let mut apart: Option<(&str, &str, Range<usize>)> = None;
    for (lower, written, _) in same_row(cells, i).flat_map(|(_, c)| c.switches.iter()) {
        if has(cell, lower) || lacking.iter().any(|(l, ..)| l == lower) {
            continue;
        }
        if let Some(named) = named_elsewhere(cx, page, lower, &cell.span) {
            lacking.push((lower, written, named));
        } else if apart.is_none() && held_widely(lower) {
            apart = written_apart(text, &cell.span, lower).map(|at| (lower.as_str(), *written, at));
        }
    }
    let Some(&(first, ..)) = lacking.first() else {
        let (lower, written, at) = apart?;
        return Some(split(cx, members, cells, i, (lower, written), at));
    };
    let (holders, locales) = holding(cx, members, cells, i, first);
    // Every switch it lacks is there, glued to the word before it (cs-cz
    // `/LCID nebo/L`), where another locale writes it after a word and a
    // space (de-de `/LCID oder /L`): a space lost, not a switch. Not a
    // switch glued to a word no other locale has before it (es-es
    // `comando/displaydns` for `/displaydns`): that is more than a space.
    let after_word = |held: &[(usize, Range<usize>)]| {
        held.iter().any(|(k, at)| {
            let theirs = &cx.site.pages[members[*k].0].source.text;
            let before = theirs[..at.start].trim_end_matches(' ');
            before.len() < at.start && before.ends_with(char::is_alphabetic)
        })
    };
    let glued: Option<Vec<Range<usize>>> = lacking
        .iter()
        .enumerate()
        .map(|(n, (lower, ..))| {
            let apart_elsewhere = match n {
                0 => after_word(&holders),
                _ => after_word(&holding(cx, members, cells, i, lower).0),
            };
            glued_to_word(text, &cell.span, lower).filter(|_| apart_elsewhere)
        })
        .collect();
    if let Some(glued) = glued {
        return Some(glued_switches(
            cx, members, i, &lacking, &glued, holders, &locales,
        ));
    }
    let instead = own_only(cells, i);
    let names: Vec<String> = lacking.iter().map(|(_, w, _)| format!("`{w}`")).collect();
    // In the switches' order, each line once (`/t` and `/c` both on 29).
    let mut lines: Vec<String> = Vec::new();
    for (_, _, named) in &lacking {
        let line = cx.location(page, named.clone()).line.to_string();
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    let switch = if names.len() == 1 {
        "switch"
    } else {
        "switches"
    };
    let line = if lines.len() == 1 { "line" } else { "lines" };
    let mut message = format!(
        "this table row lacks the {switch} {}, which {} {} in the same row and this page names on {line} {}",
        and_list(&names),
        locales.join(", "),
        have(locales.len()),
        and_list(&lines)
    );
    if let Some((_, written, _)) = instead.first() {
        message.push_str(&format!(
            ", and has `{written}` there, which no other locale has"
        ));
    }
    if let Some((_, written, at)) = &apart {
        message.push_str(&format!(
            "; it also writes `{}` for `{written}`",
            &text[at.clone()]
        ));
    }
    // The caret goes under what stands in the switch's place: a switch
    // no other locale has, else the name written apart, else the cell's
    // text without the spaces that pad it (`|    b    |`).
    let part = text.get(cell.span.clone()).unwrap_or("");
    let start = cell.span.start + (part.len() - part.trim_start().len());
    let at = instead
        .first()
        .map(|(_, _, at)| at.clone())
        .or_else(|| apart.as_ref().map(|(_, _, at)| at.clone()))
        .unwrap_or(start..start + part.trim().len());
    let mut finding = Finding::error("translation-token-mismatch", cx.location(page, at), message)
        .with_help(format!(
            "write {} in this cell as {} does: translations keep command switches as they are",
            and_list(&names),
            locales.first().copied().unwrap_or("the other locale")
        ));
    for (_, _, named) in &lacking {
        finding = finding.with_related(
            cx.location(page, named.clone()),
            format!("this page names `{}` here", &text[named.clone()]),
        );
    }
    Some(in_rows(cx, members, holders, finding))
}

/// Where a first cell writes the name of switch `lower` apart from its
/// mark (`/ setowner`, as machine translation spaces it out) or without
/// it (`InheritanceLevel` for `/inheritancelevel:`): the cell itself shows
/// which switch it lost. Names of three letters or more anywhere in the
/// cell; shorter ones only as the whole cell (the real es-es `robocopy`
/// writes `b` for `/b`, its fr-fr twin `z` for `/z`): a letter among
/// other words may be any of them.
fn written_apart(text: &str, cell: &Range<usize>, lower: &str) -> Option<Range<usize>> {
    let name = lower.trim_start_matches(['/', '-']);
    let part = text.get(cell.clone())?;
    if name.len() < 3 {
        let whole = part.trim();
        let start = cell.start + (part.len() - part.trim_start().len());
        return (!name.is_empty() && whole.eq_ignore_ascii_case(name))
            .then(|| start..start + whole.len());
    }
    let part = part.to_ascii_lowercase();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    let at = words(&part, name, word, word).next()?;
    // With the mark and the blanks after it, when it has one.
    let before = part[..at.start].trim_end_matches([' ', '\t']);
    let start = if before.ends_with(['/', '-']) {
        before.len() - 1
    } else {
        at.start
    };
    Some(cell.start + start..cell.start + at.end)
}

/// Where a first cell writes switch `lower` glued to the letter before
/// it, as a word of its own after that (`nebo/L` of `/LCID nebo/L`, for
/// "/LCID or /L"): the switch, without the word.
fn glued_to_word(text: &str, cell: &Range<usize>, lower: &str) -> Option<Range<usize>> {
    let part = text.get(cell.clone())?.to_ascii_lowercase();
    let letter_before = |at: usize| {
        part[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    };
    let ends_word = |end: usize| {
        !part[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == ':')
    };
    part.match_indices(lower)
        .map(|(at, _)| at..at + lower.len())
        .find(|at| letter_before(at.start) && ends_word(at.end))
        .map(|at| cell.start + at.start..cell.start + at.end)
}

/// The finding for a first cell whose every lacking switch is there,
/// glued to the word before it (`glued`, in `lacking`'s order), which
/// `holders` (in `locales`) of the first write apart: a warning with a
/// certain fix, a space before each.
fn glued_switches(
    cx: &Context,
    members: &[Member],
    i: usize,
    lacking: &[(&str, &str, Range<usize>)],
    glued: &[Range<usize>],
    holders: Vec<(usize, Range<usize>)>,
    locales: &[&str],
) -> Finding {
    let page = members[i].0;
    let text = &cx.site.pages[page].source.text;
    let shown: Vec<String> = glued
        .iter()
        .map(|at| {
            let word = text[..at.start]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphabetic())
                .last()
                .map_or(at.start, |(k, _)| k);
            format!("`{}`", &text[word..at.end])
        })
        .collect();
    let names: Vec<String> = lacking.iter().map(|(_, w, _)| format!("`{w}`")).collect();
    let (switch, them) = if names.len() == 1 {
        ("switch", "it")
    } else {
        ("switches", "them")
    };
    let locale = locales.first().copied().unwrap_or("the other locale");
    let finding = Finding::warning(
        "translation-token-mismatch",
        cx.location(page, glued[0].clone()),
        format!(
            "this table row writes the {switch} {} glued to the word before {them} ({}), where {} {} {them} apart: machine translation dropped the space before {them}, and readers see one word, not a {switch} after a word",
            and_list(&names),
            and_list(&shown),
            locales.join(", "),
            if locales.len() == 1 { "writes" } else { "write" },
        ),
    )
    .with_help(format!(
        "put a space before {}, as {locale} does",
        and_list(&names)
    ))
    .with_fix(
        glued
            .iter()
            // An edit replaces text: the switch, with the space before it.
            .map(|at| cx.edit(page, at.clone(), format!(" {}", &text[at.clone()])))
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default(),
    );
    in_rows(cx, members, holders, finding)
}

/// The finding for a first cell that writes switch `(lower, written)` of
/// its row's other locales apart from its mark, at `at`.
fn split(
    cx: &Context,
    members: &[Member],
    cells: &[Option<KeyCell>],
    i: usize,
    (lower, written): (&str, &str),
    at: Range<usize>,
) -> Finding {
    let page = members[i].0;
    let text = &cx.site.pages[page].source.text;
    let (holders, locales) = holding(cx, members, cells, i, lower);
    let mine = &text[at.clone()];
    let finding = Finding::error(
        "translation-token-mismatch",
        cx.location(page, at),
        format!(
            "this table row writes `{mine}` where {} {} the switch `{written}`",
            locales.join(", "),
            have(locales.len())
        ),
    )
    .with_help(format!(
        "write `{written}` as {} does: a command switch is one word, its `{}` included",
        locales.first().copied().unwrap_or("the other locale"),
        &written[..1]
    ));
    in_rows(cx, members, holders, finding)
}

/// The members other than `i` whose first cell, in the same row as its,
/// has switch `lower`: each with where, and their locales.
fn holding<'c>(
    cx: &'c Context,
    members: &[Member],
    cells: &[Option<KeyCell>],
    i: usize,
    lower: &str,
) -> (Vec<(usize, Range<usize>)>, Vec<&'c str>) {
    let holders: Vec<(usize, Range<usize>)> = same_row(cells, i)
        .filter_map(|(k, c)| {
            let (_, _, at) = c.switches.iter().find(|(l, _, _)| l == lower)?;
            Some((k, at.clone()))
        })
        .collect();
    let locales = holders
        .iter()
        .map(|(k, _)| cx.locale_key(members[*k].0))
        .collect();
    (holders, locales)
}

/// The finding for member `i`'s first cell when its switch is a word of
/// its page's own language: the cell has a switch no other locale's same
/// row has, others have switches it lacks, and the switch's name is a
/// word its page writes elsewhere, not as a switch (the real es-es
/// `robocopy` writes `/trabajo:` for `/job:`, and "archivo de trabajo" in
/// its prose), while the other locales' switches there are no words of
/// their pages. A switch that is a word on both sides (`/date` in a French
/// page) tells nothing, nor one of fewer than four letters, nor a word on
/// the row's own line (its description may say it), nor anything on an
/// English page: switches are English words, which its prose says by
/// nature (`/release`: "Releases the address"). A warning: words and
/// switches may meet by chance.
pub(super) fn translated(
    cx: &Context,
    members: &[Member],
    cells: &[Option<KeyCell>],
    i: usize,
    cell: &KeyCell,
) -> Option<Finding> {
    // Its own switches no other locale's row has, and theirs it lacks.
    let own = own_only(cells, i);
    let theirs: Vec<(usize, &KeyCell, &Switch)> = same_row(cells, i)
        .flat_map(|(k, c)| c.switches.iter().map(move |s| (k, c, s)))
        .filter(|(_, _, (l, _, _))| !has(cell, l))
        .collect();
    let (lower, written, at) = *own.first()?;
    let (k, _, (_, their_written, their_at)) = theirs.first().copied()?;
    let page = members[i].0;
    if english(cx, page) {
        return None;
    }
    let text = &cx.site.pages[page].source.text;
    let word = prose_word(cx, page, lower, &line_of(text, cell.span.start))?;
    // Their switches are no words of their pages: else both sides are
    // words of a language, and nothing tells which one the command takes.
    if theirs.iter().any(|&(k, c, (l, _, _))| {
        let row = line_of(&cx.site.pages[members[k].0].source.text, c.span.start);
        prose_word(cx, members[k].0, l, &row).is_some()
    }) {
        return None;
    }
    let their_locale = cx.locale_key(members[k].0);
    let finding = Finding::warning(
        "translation-token-mismatch",
        cx.location(page, at.clone()),
        format!(
            "this table row has the switch `{written}`, which no other locale has, and `{}` is a word this page writes on line {}: machine translation may have translated the switch; {their_locale} has `{their_written}` here",
            &text[word.clone()],
            cx.line(page, word.start)
        ),
    )
    .with_help(
        "write the switch as the command takes it, as the source has it: translations keep command switches as they are",
    )
    .with_related(
        cx.location(page, word),
        "the word, on this page".to_owned(),
    );
    Some(in_rows(cx, members, vec![(k, their_at.clone())], finding))
}

/// Whether `page`'s locale is English (`en`, `en-us`, `EN-GB`).
fn english(cx: &Context, page: usize) -> bool {
    super::language_in(cx.locale_key(page), &["en"])
}

/// Where `page` writes the name of switch `lower` (its mark taken off) as
/// a word of its text, outside `skip`, outside code, and not as a switch:
/// `trabajo` in "archivo de trabajo", not in `/trabajo`. Only names of
/// four letters or more.
fn prose_word(cx: &Context, page: usize, lower: &str, skip: &Range<usize>) -> Option<Range<usize>> {
    let name = lower.trim_start_matches(['/', '-']);
    if name.len() < 4 || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let letter = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    words(
        cx.lowered(page),
        name,
        |b| letter(b) || b == b'/' || b == b'-',
        |b| letter(b) || b == b'-',
    )
    .find(|r| !skip.contains(&r.start) && !cx.in_code(page, r.start))
}

/// The other members' first cells in the same row as member `i`'s.
fn same_row<'a, 'c>(
    cells: &'a [Option<KeyCell<'c>>],
    i: usize,
) -> impl Iterator<Item = (usize, &'a KeyCell<'c>)> {
    let row = cells[i].as_ref().map(|c| c.row);
    cells
        .iter()
        .enumerate()
        .filter_map(move |(k, c)| Some((k, c.as_ref().filter(|c| k != i && Some(c.row) == row)?)))
}

/// Whether first cell `cell` has switch `lower`.
fn has(cell: &KeyCell, lower: &str) -> bool {
    cell.switches.iter().any(|(l, _, _)| l == lower)
}

/// Member `i`'s switches that no other member's same row has.
fn own_only<'a, 'c>(cells: &'a [Option<KeyCell<'c>>], i: usize) -> Vec<&'a Switch<'c>> {
    let Some(cell) = cells[i].as_ref() else {
        return Vec::new();
    };
    cell.switches
        .iter()
        .filter(|(l, _, _)| !same_row(cells, i).any(|(_, c)| has(c, l)))
        .collect()
}
