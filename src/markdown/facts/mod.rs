//! What the checks need to know about a page, read off the same events
//! that become its HTML: links, ids, hidden tags, and the page cut into
//! units (headings, paragraphs, table rows, list items, code blocks) that
//! carry the tokens a translation must keep.
//!
//! Everything is kept with byte offsets into the whole file, so a finding
//! can point at the exact line and column of the Markdown source.
//!
//! This module holds the types the rules read; [`extract`] (in
//! `extract/mod.rs`) reads them off a page's events in one pass, with
//! `html.rs` for the ids and unknown tags of raw HTML.

mod cell;
mod extract;
mod html;

use std::ops::Range;

pub use cell::PROSE;
pub use extract::extract;

use super::strings::{Span, Strings, to_u32};
use super::tokens;

/// A link or image as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written (`../a.md#b`, `#x`, `https://...`),
    /// among the page's strings ([`Facts::target`]).
    target: Span,
    /// Plain text of the link (alt text for images), trimmed, among the
    /// page's strings ([`Facts::link_text`]).
    text: Span,
    /// The link text is one code span: `` [`Get-Item`](...) ``.
    pub text_is_code: bool,
    pub image: bool,
    /// Byte range of the whole link in the file.
    pub span: Range<usize>,
    /// Byte offset of the link text (after `[`) in the file.
    pub text_offset: usize,
    /// Whether `text` is what readers see: a Markdown link outside the
    /// source text a side-by-side page hides beside each sentence. Raw
    /// HTML links, `<xref>` tags and hidden links have no text read, so
    /// the rules that compare link texts skip them.
    pub text_read: bool,
}

/// An id that an element of the page carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Where the id is in its page's strings ([`Facts::id`]).
    id: Span,
    pub offset: usize,
    /// From a heading (explicit `<a name>` or automatic slug), or raw HTML.
    pub from_heading: bool,
    /// Written by the author (`<a name>`, `id=`), not generated.
    pub explicit: bool,
}

/// An HTML comment addressed to polydoc, `<!-- polydoc-disable-next-line
/// broken-link -->`: what it says is read by the check stage
/// (`check::suppress`), which owns that syntax.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Byte range of the whole comment, `<!--` to `-->`, in the file.
    pub span: Range<usize>,
    /// Between `<!--` and `-->`, trimmed: `polydoc-disable-next-line broken-link`.
    pub text: String,
}

/// Prose that a browser reads as an unknown tag and hides: `<computername>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenTag {
    pub html: String,
    pub offset: usize,
}

/// What kind of block a [`Unit`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Heading(u8),
    Paragraph,
    /// A table row; `table` counts the page's tables from 0.
    Row {
        table: u32,
        header: bool,
    },
    Item,
    Code,
    /// A DocFX include, code reference, image, video or code block on a
    /// line of its own ([`crate::markdown::Directive`]): its token is
    /// the file it takes its content from ([`TokenKind::Source`]).
    Directive,
}

impl UnitKind {
    /// Whether the block is running text a translation rewrites: a
    /// paragraph, a list item or a table row.
    pub fn holds_prose(self) -> bool {
        matches!(
            self,
            UnitKind::Paragraph | UnitKind::Item | UnitKind::Row { .. }
        )
    }

    /// The kind as findings name it: "this table row has ...".
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Heading(_) => "heading",
            UnitKind::Paragraph => "paragraph",
            UnitKind::Row { .. } => "table row",
            UnitKind::Item => "list item",
            UnitKind::Code => "code block",
            UnitKind::Directive => "include or media block",
        }
    }

    /// The table a body row (not its header) is in, counted from 0.
    pub fn body_row(self) -> Option<u32> {
        match self {
            UnitKind::Row {
                table,
                header: false,
            } => Some(table),
            _ => None,
        }
    }
}

/// What kind of token a translation must keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TokenKind {
    /// A hexadecimal or long numeric code.
    Code,
    /// The text of a code span.
    InlineCode,
    /// A fenced code block's content, comment lines left out.
    Fenced,
    /// A link or image target.
    Target,
    /// The file a DocFX directive takes its content from: an include's
    /// or code reference's target, an image's, video's or code block's
    /// `source`.
    Source,
    /// An id defined by the unit.
    Anchor,
    /// A PowerShell cmdlet named in prose, lower-cased
    /// ([`crate::markdown::cmdlets`]).
    Cmdlet,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Where its normalised value ([`Facts::value`]) is in its page's
    /// strings.
    value: Span,
    /// Byte range of the token in the file ([`Token::span`]), as `u32`:
    /// every token of every page is kept, a page is far below 4 GiB.
    span: Range<u32>,
}

impl Token {
    /// Byte range of the token in the file.
    pub fn span(&self) -> Range<usize> {
        self.span.start as usize..self.span.end as usize
    }
}

/// A table cell: its text ([`Facts::cell_text`]) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    text: Span,
    pub span: Range<usize>,
    /// Where its row's cells are among the page's ([`Facts::row_cells`]).
    row: Range<u32>,
}

/// Any cell of a table row, as translations compare it: the hash of its
/// text as a reader would tell values apart (`cell.rs`: case, spacing,
/// quotes and placeholders do not count), and where it is. No text is
/// kept: a finding quotes the source at `span`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowCell {
    pub hash: u64,
    span: (u32, u32),
}

/// The first bold text of a list item (`- **WEA** - write extended
/// attributes`), compared as a table's cells are (`check::cells`): lists
/// of letters, codes and names in bold keep them in every locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    /// The list item ([`Facts::units`]).
    pub unit: u32,
    /// Which of the page's lists the item is in, counted from 0.
    pub list: u32,
    pub cell: RowCell,
}

impl RowCell {
    pub(crate) fn new(hash: u64, span: Range<usize>) -> Self {
        RowCell {
            hash,
            span: (to_u32(span.start), to_u32(span.end)),
        }
    }

    /// Byte range of the cell's content in the file, `|` excluded.
    pub fn span(&self) -> Range<usize> {
        self.span.0 as usize..self.span.1 as usize
    }
}

/// One block of the page, the grain at which translations are aligned.
///
/// 40 bytes: every unit of every page stays in memory until the
/// cross-page rules have run, a few dozen per page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub kind: UnitKind,
    /// Index of the section: 0 before the first heading, then one per heading.
    pub section: u32,
    /// For table rows: the first cell, as an index of its page's cells
    /// ([`Facts::key`]); `u32::MAX` for none.
    key: u32,
    pub offset: usize,
    /// Where the unit's tokens are among its page's ([`Facts::tokens_of`]).
    tokens: Range<u32>,
    /// Where the unit's token set is among its page's ([`Facts::set_of`]).
    set: Range<u32>,
}

/// How many hashes two token sets (sorted, deduplicated) share.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    let mut shared = 0;
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => drop(a.next()),
            std::cmp::Ordering::Greater => drop(b.next()),
            std::cmp::Ordering::Equal => {
                shared += 1;
                a.next();
                b.next();
            }
        }
    }
    shared
}

/// The hash of a token in a unit's set ([`Facts::set_of`]): FxHash,
/// whose fixed keys make it equal in every page and every run, and which
/// costs a fraction of SipHash on these short values (no attacker
/// chooses them to collide here; a collision would at worst hide one
/// difference). Code is hashed as translations keep it
/// ([`compared`]).
fn token_hash(kind: TokenKind, value: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    kind.hash(&mut hasher);
    compared(kind, value).hash(&mut hasher);
    hasher.finish()
}

/// A token's value as translations are compared on it: code spans with
/// their placeholders masked ([`tokens::mask_placeholders`]), the rest as
/// stored (which the rules quoting and matching values keep reading).
pub fn compared(kind: TokenKind, value: &str) -> std::borrow::Cow<'_, str> {
    match kind {
        TokenKind::InlineCode => tokens::mask_placeholders(value),
        _ => std::borrow::Cow::Borrowed(value),
    }
}

/// The hash of a code block's lines as a translation keeps them
/// ([`tokens::fenced_lines`]), computed without joining the lines.
fn fenced_hash(code: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    TokenKind::Fenced.hash(&mut hasher);
    for line in tokens::fenced_lines(code) {
        hasher.write(tokens::mask_placeholders(line).as_bytes());
        hasher.write_u8(b'\n');
    }
    hasher.finish()
}

/// Everything [`extract`] found.
///
/// Every page's facts stay in memory until the cross-page rules have run,
/// so a unit owns no allocation: its tokens and token set are ranges of
/// two vectors shared by the page's units. (With a vector each, units
/// were most of a page's allocations, and allocating, faulting in and
/// freeing them a sizeable part of `check`.)
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub links: Vec<Link>,
    /// Ids in document order, headings and raw HTML alike.
    pub anchors: Vec<Anchor>,
    pub hidden: Vec<HiddenTag>,
    /// Comments addressed to polydoc; almost always none.
    pub comments: Vec<Comment>,
    /// Offsets of `**` that the page shows as asterisks, written in the
    /// source and read as text: bold that never opened or closed (`**
    /// extern **`). Almost always none.
    pub stray_bold: Vec<usize>,
    /// Offsets of a single `*` the source writes unescaped and the page
    /// shows as an asterisk: italics that never opened or closed (`*
    /// Common7 IDE`), or an asterisk meant (`5 * 3`), which only the
    /// page's translations tell apart (`stray-italic`). Almost always
    /// none.
    pub stray_stars: Vec<usize>,
    pub units: Vec<Unit>,
    /// The units' tokens, unit by unit, in the order the units ended.
    tokens: Vec<Token>,
    /// Per unit, the hashes of its tokens' (kind, value), sorted and
    /// deduplicated: the unit's token set, compared and intersected
    /// without allocating, which alignment does for every pair of blocks
    /// it weighs.
    sets: Vec<u64>,
    /// The first cells of table rows ([`Facts::key`]).
    cells: Vec<Cell>,
    /// Every cell of every table row, row by row ([`Facts::row_cells`]).
    row_cells: Vec<RowCell>,
    /// The list items that start with bold text, in document order
    /// ([`Facts::lead`]); most pages have few or none.
    leads: Vec<Lead>,
    /// The tokens' values, the anchors' ids, the links' targets and texts
    /// and the cells' texts, one after the other: one buffer per page
    /// instead of an allocation per string (an explicit anchor's id and
    /// its token share their bytes).
    strings: Strings,
}

/// A link of a page that is no Markdown ([`Facts::of_links`]).
pub struct LinkAt<'a> {
    pub target: &'a str,
    pub image: bool,
    /// Where the destination is written in the file.
    pub span: Range<usize>,
}

impl Facts {
    /// The unit holding `offset` of the page's text: the last one starting
    /// at or before it (units are in text order), found by binary search,
    /// as rules ask it of thousands of places; `None` before the first.
    pub fn unit_at(&self, offset: usize) -> Option<usize> {
        self.units
            .partition_point(|u| u.offset <= offset)
            .checked_sub(1)
    }

    /// The facts of a page that is no Markdown (a DocFX landing page,
    /// `crate::landing`): its links, each spanning what the file writes,
    /// with no text read, and the ids of its headings (`ids`: id and
    /// offset); no units to compare.
    pub fn of_links<'a>(
        links: impl IntoIterator<Item = LinkAt<'a>>,
        ids: impl IntoIterator<Item = (&'a str, usize)>,
    ) -> Facts {
        let mut facts = Facts::default();
        for (id, offset) in ids {
            let id = facts.strings.push(id);
            facts.anchors.push(Anchor {
                id,
                offset,
                from_heading: true,
                explicit: false,
            });
        }
        for link in links {
            let target = facts.strings.push(link.target);
            let text = facts.strings.push("");
            facts.links.push(Link {
                target,
                text,
                text_is_code: false,
                image: link.image,
                text_offset: link.span.start,
                span: link.span,
                text_read: false,
            });
        }
        facts
    }

    /// The tokens of `unit` (one of [`Facts::units`]), in text order.
    pub fn tokens_of(&self, unit: &Unit) -> &[Token] {
        &self.tokens[unit.tokens.start as usize..unit.tokens.end as usize]
    }

    /// The page's fenced code blocks, as their tokens: each spans its
    /// whole block, fences included.
    pub fn fenced(&self) -> impl Iterator<Item = &Token> {
        self.units
            .iter()
            .filter(|u| u.kind == UnitKind::Code)
            .flat_map(|u| self.tokens_of(u))
            .filter(|t| t.kind == TokenKind::Fenced)
    }

    /// The normalised value of `token` (see [`tokens`]). For fenced code,
    /// a hash of the normalised content: equal code, equal value; the code
    /// itself is in the source at the token's span.
    pub fn value(&self, token: &Token) -> &str {
        self.string(&token.value)
    }

    /// The id `anchor` defines.
    pub fn id(&self, anchor: &Anchor) -> &str {
        self.string(&anchor.id)
    }

    /// The destination of `link` as written.
    pub fn target(&self, link: &Link) -> &str {
        self.string(&link.target)
    }

    /// The first cell of `unit`, if it is a table row.
    pub fn key(&self, unit: &Unit) -> Option<&Cell> {
        self.cells.get(unit.key as usize)
    }

    /// The cells of `unit`, first to last, if it is a table row.
    pub fn row_cells(&self, unit: &Unit) -> &[RowCell] {
        self.key(unit)
            .and_then(|key| {
                self.row_cells
                    .get(key.row.start as usize..key.row.end as usize)
            })
            .unwrap_or_default()
    }

    /// The bold text list item `unit` (an index of [`Facts::units`])
    /// holds first, if any.
    pub fn lead(&self, unit: usize) -> Option<&Lead> {
        let at = self
            .leads
            .binary_search_by_key(&unit, |l| l.unit as usize)
            .ok()?;
        self.leads.get(at)
    }

    /// The text of `cell`, trimmed.
    pub fn cell_text(&self, cell: &Cell) -> &str {
        self.string(&cell.text)
    }

    /// The plain text of `link`, trimmed (alt text for images).
    pub fn link_text(&self, link: &Link) -> &str {
        self.string(&link.text)
    }

    fn string(&self, span: &Span) -> &str {
        self.strings.get(span)
    }

    /// The token set of `unit` as sorted, distinct hashes: equal sets,
    /// equal slices, across pages.
    pub fn set_of(&self, unit: &Unit) -> &[u64] {
        &self.sets[unit.set.start as usize..unit.set.end as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_tokens_stay_small() {
        // Every unit and token of every page is kept for the cross-page rules.
        assert!(std::mem::size_of::<Unit>() <= 40);
        assert!(std::mem::size_of::<Token>() <= 20);
    }
}
