//! What the checks need to know about a page, read off the same events
//! that become its HTML: links, ids, hidden tags, and the page cut into
//! units (headings, paragraphs, table rows, list items, code blocks) that
//! carry the tokens a translation must keep.
//!
//! Everything is kept with byte offsets into the whole file, so a finding
//! can point at the exact line and column of the Markdown source.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::heading;
use super::strings::{Span, Strings, to_u32};
use super::tokens;
use super::{Heading, Headings};

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
    /// An id defined by the unit.
    Anchor,
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
/// difference).
fn token_hash(kind: TokenKind, value: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    kind.hash(&mut hasher);
    value.hash(&mut hasher);
    hasher.finish()
}

/// The hash of a code block's lines as a translation keeps them
/// ([`tokens::fenced_lines`]), computed without joining the lines.
fn fenced_hash(code: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    TokenKind::Fenced.hash(&mut hasher);
    for line in tokens::fenced_lines(code) {
        hasher.write(line.as_bytes());
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
    /// The tokens' values, the anchors' ids, the links' targets and texts
    /// and the cells' texts, one after the other: one buffer per page
    /// instead of an allocation per string (an explicit anchor's id and
    /// its token share their bytes).
    strings: Strings,
}

impl Facts {
    /// The tokens of `unit` (one of [`Facts::units`]), in text order.
    pub fn tokens_of(&self, unit: &Unit) -> &[Token] {
        &self.tokens[unit.tokens.start as usize..unit.tokens.end as usize]
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

/// Reads the facts of a page's events. `base` is the offset of the body
/// in the file; `headings` are the page's headings in order, ids assigned;
/// `heading_anchors` the indices, in order, of the events that are a
/// heading's leading `<a name>`, whose id is the heading's.
pub fn extract(
    events: &[(Event<'_>, Range<usize>)],
    body: &str,
    base: usize,
    headings: &Headings,
    heading_anchors: &[usize],
) -> Facts {
    // Each of these vectors is kept for the whole run: sized once from
    // the events, they need not grow or shrink by copying (the count is
    // exact or an upper bound, except for raw HTML defining several ids).
    let (mut units, mut links, mut anchors) = (0, 0, 0);
    for (event, _) in events {
        match event {
            Event::Start(
                Tag::Heading { .. }
                | Tag::Paragraph
                | Tag::Item
                | Tag::CodeBlock(_)
                | Tag::TableHead
                | Tag::TableRow,
            ) => {
                units += 1;
                anchors += usize::from(matches!(event, Event::Start(Tag::Heading { .. })));
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => links += 1,
            Event::Html(_) | Event::InlineHtml(_) => anchors += 1,
            _ => {}
        }
    }
    let mut x = Extractor {
        facts: Facts {
            units: Vec::with_capacity(units),
            links: Vec::with_capacity(links),
            anchors: Vec::with_capacity(anchors),
            hidden: Vec::new(),
            tokens: Vec::new(),
            sets: Vec::new(),
            cells: Vec::new(),
            strings: Strings::default(),
        },
        body,
        code: String::new(),
        pending: Vec::new(),
        spare: Vec::new(),
        set: Vec::new(),
        base,
        open: Vec::new(),
        pushed: Vec::new(),
        links: Vec::new(),
        spare_text: Vec::new(),
        cell: None,
        tables: 0,
        section: 0,
        headings: headings.iter(),
        all_headings: headings,
        in_tab: false,
    };
    let mut heading_anchors = heading_anchors.iter().peekable();
    for (i, (event, range)) in events.iter().enumerate() {
        if heading_anchors.next_if_eq(&&i).is_some() {
            continue;
        }
        x.event(event, range.clone());
    }
    x.facts.tokens.shrink_to_fit();
    x.facts.sets.shrink_to_fit();
    x.facts.strings.shrink_to_fit();
    x.facts
}

struct OpenLink {
    index: usize,
    only_code: Option<bool>,
    /// The text so far (stored among the page's strings when it ends).
    text: String,
}

struct Extractor<'h, 'b> {
    facts: Facts,
    body: &'b str,
    base: usize,
    /// The text of the code block being read.
    code: String,
    /// Units being filled, innermost last.
    open: Vec<usize>,
    /// The tokens of each open unit, as `open`; moved to `facts.tokens`
    /// when the unit ends (an outer unit's tokens may come on both sides
    /// of an inner one's).
    pending: Vec<Vec<Token>>,
    /// Emptied token vectors, for the next units.
    spare: Vec<Vec<Token>>,
    /// The token set of the unit being finished, before it is copied.
    set: Vec<u64>,
    /// For each open unit-making tag: whether it pushed a unit.
    pushed: Vec<bool>,
    links: Vec<OpenLink>,
    /// Emptied link text buffers, for the next links.
    spare_text: Vec<String>,
    /// The first cell of the current row, while it is open: (text, start).
    cell: Option<(usize, Option<(String, usize)>)>,
    tables: u32,
    section: u32,
    headings: std::slice::Iter<'h, Heading>,
    /// The same, with their ids.
    all_headings: &'h Headings,
    /// In a DocFX tab title: `# [Linux](#tab/linux)`.
    in_tab: bool,
}

impl Extractor<'_, '_> {
    fn event(&mut self, event: &Event<'_>, range: Range<usize>) {
        let at = self.base + range.start;
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(end) => self.end(*end, self.base + range.end),
            Event::Text(text) => self.text(text, range),
            Event::Code(code) => {
                self.token(TokenKind::InlineCode, code, at..self.base + range.end);
                self.add_text(code);
                if let Some(link) = self.links.last_mut() {
                    link.only_code.get_or_insert(true);
                }
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                self.html(html, at, matches!(event, Event::InlineHtml(_)))
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>, range: Range<usize>) {
        let at = self.base + range.start;
        match tag {
            Tag::Heading { level, .. } => {
                self.section += 1;
                self.begin(UnitKind::Heading(*level as u8), at, true);
                let heading = self.headings.next();
                self.in_tab = heading.is_some_and(|h| h.tab);
                if let Some(h) = heading.filter(|h| !h.tab) {
                    let all = self.all_headings;
                    let id = self.string(all.id(h));
                    self.facts.anchors.push(Anchor {
                        id: id.clone(),
                        offset: h.offset,
                        from_heading: true,
                        explicit: h.explicit,
                    });
                    if h.explicit {
                        self.stored_token(TokenKind::Anchor, id, at..at);
                    }
                }
            }
            Tag::Paragraph => {
                let top_level = self.open.is_empty();
                self.begin(UnitKind::Paragraph, at, top_level);
            }
            Tag::Item => self.begin(UnitKind::Item, at, true),
            Tag::CodeBlock(_) => self.begin(UnitKind::Code, at, true),
            Tag::Table(_) => self.tables += 1,
            Tag::TableHead | Tag::TableRow => {
                let header = matches!(tag, Tag::TableHead);
                let table = self.tables.saturating_sub(1);
                self.begin(UnitKind::Row { table, header }, at, true);
                self.cell = Some((0, None));
            }
            Tag::TableCell => {
                if let Some((count, first)) = &mut self.cell {
                    *count += 1;
                    if *count == 1 {
                        *first = Some((String::new(), at));
                    }
                }
            }
            // A tab title's `#tab/id` is no link to an id.
            Tag::Link { .. } if self.in_tab => self.links.push(OpenLink {
                index: usize::MAX,
                only_code: None,
                text: String::new(),
            }),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                let image = matches!(tag, Tag::Image { .. });
                let text_offset = self.body[range.clone()]
                    .find('[')
                    .map_or(at, |i| at + i + 1);
                self.token(
                    TokenKind::Target,
                    &tokens::target(dest_url),
                    at..self.base + range.end,
                );
                self.links.push(OpenLink {
                    index: self.facts.links.len(),
                    only_code: None,
                    text: self.spare_text.pop().unwrap_or_default(),
                });
                let target = self.string(dest_url);
                self.facts.links.push(Link {
                    target,
                    text: 0..0,
                    text_is_code: false,
                    image,
                    span: at..self.base + range.end,
                    text_offset,
                });
            }
            _ => {}
        }
    }

    /// `at` is the offset just after the element.
    fn end(&mut self, end: TagEnd, at: usize) {
        match end {
            TagEnd::Heading(_) => {
                self.in_tab = false;
                self.finish();
            }
            TagEnd::Paragraph | TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow => {
                self.finish()
            }
            TagEnd::CodeBlock => {
                if let Some(&unit) = self.open.last() {
                    let span = self.facts.units[unit].offset..at;
                    let hash = fenced_hash(&self.code);
                    self.code.clear();
                    let digits = hex(hash);
                    let value = std::str::from_utf8(&digits).unwrap_or_default();
                    self.token(TokenKind::Fenced, value, span);
                }
                self.finish();
            }
            TagEnd::TableCell => {
                if let Some((1, Some((text, start)))) = self.cell.take() {
                    if let Some(&unit) = self.open.last() {
                        let cell = Cell {
                            text: self.string(text.trim()),
                            span: start..at,
                        };
                        self.facts.units[unit].key = to_u32(self.facts.cells.len());
                        self.facts.cells.push(cell);
                    }
                    self.cell = Some((1, None));
                }
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some(mut open) = self.links.pop() {
                    if open.index < self.facts.links.len() {
                        let text = self.string(open.text.trim());
                        let link = &mut self.facts.links[open.index];
                        link.text = text;
                        link.text_is_code = open.only_code == Some(true);
                    }
                    open.text.clear();
                    self.spare_text.push(open.text);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        let at = self.base + range.start;
        let in_code_block = self
            .open
            .last()
            .is_some_and(|&u| self.facts.units[u].kind == UnitKind::Code);
        if in_code_block {
            self.code.push_str(text);
            return;
        }
        // Offsets of tokens inside the text are exact when the source
        // holds the text as written (no entities or escapes in between).
        // The text is the source's own bytes (no entity or escape decoded)
        // when pulldown-cmark borrowed it from there: same address, same
        // length. Comparing addresses spares a memcmp of every paragraph.
        let verbatim = self
            .body
            .get(range)
            .is_some_and(|source| std::ptr::eq(source, text));
        for (value, start, len) in tokens::codes(text) {
            let span = if verbatim {
                at + start..at + start + len
            } else {
                at..at
            };
            self.token(TokenKind::Code, &value, span);
        }
        if let Some(link) = self.links.last_mut()
            && !text.trim().is_empty()
        {
            link.only_code = Some(false);
        }
        self.add_text(text);
    }

    /// Appends visible text to the open link's text and the open first cell.
    fn add_text(&mut self, text: &str) {
        for open in &mut self.links {
            if open.index != usize::MAX {
                open.text.push_str(text);
            }
        }
        if let Some((1, Some((cell, _)))) = &mut self.cell {
            cell.push_str(text);
        }
    }

    fn html(&mut self, html: &str, at: usize, inline: bool) {
        let trimmed = html.trim_start();
        if trimmed.starts_with("<!--") {
            return;
        }
        for id in html_ids(html) {
            let id = self.string(id);
            self.facts.anchors.push(Anchor {
                id: id.clone(),
                offset: at,
                from_heading: false,
                explicit: true,
            });
            self.stored_token(TokenKind::Anchor, id, at..at);
        }
        if inline && is_unknown_tag(trimmed) {
            self.facts.hidden.push(HiddenTag {
                html: html.trim().to_owned(),
                offset: at,
            });
        }
    }

    /// Opens a unit of `kind` if `push`; records the decision for [`finish`].
    fn begin(&mut self, kind: UnitKind, at: usize, push: bool) {
        if push {
            self.open.push(self.facts.units.len());
            self.pending.push(self.spare.pop().unwrap_or_default());
            self.facts.units.push(Unit {
                kind,
                section: self.section,
                key: u32::MAX,
                offset: at,
                tokens: 0..0,
                set: 0..0,
            });
        }
        self.pushed.push(push);
    }

    fn finish(&mut self) {
        if self.pushed.pop() == Some(true)
            && let Some(unit) = self.open.pop()
            && let Some(mut tokens) = self.pending.pop()
        {
            let (set, strings) = (&mut self.set, &self.facts.strings);
            set.clear();
            set.extend(
                tokens
                    .iter()
                    .map(|t| token_hash(t.kind, strings.get(&t.value))),
            );
            set.sort_unstable();
            set.dedup();
            let facts = &mut self.facts;
            let (token_start, set_start) = (facts.tokens.len(), facts.sets.len());
            facts.tokens.append(&mut tokens);
            facts.sets.extend_from_slice(set);
            let unit = &mut facts.units[unit];
            unit.tokens = to_u32(token_start)..to_u32(facts.tokens.len());
            unit.set = to_u32(set_start)..to_u32(facts.sets.len());
            self.spare.push(tokens);
        }
    }

    fn token(&mut self, kind: TokenKind, value: &str, span: Range<usize>) {
        if !self.pending.is_empty() {
            let value = self.string(value);
            self.stored_token(kind, value, span);
        }
    }

    /// A token whose value is already among the page's strings.
    fn stored_token(&mut self, kind: TokenKind, value: Span, span: Range<usize>) {
        if let Some(tokens) = self.pending.last_mut() {
            tokens.push(Token {
                kind,
                value,
                span: to_u32(span.start)..to_u32(span.end),
            });
        }
    }

    /// `text` added to the page's strings: where it is there.
    fn string(&mut self, text: &str) -> Span {
        self.facts.strings.push(text)
    }
}

/// `hash` as 16 lower-case hexadecimal digits, without allocating.
fn hex(hash: u64) -> [u8; 16] {
    let mut digits = [0u8; 16];
    for (i, digit) in digits.iter_mut().enumerate() {
        *digit = b"0123456789abcdef"[((hash >> (60 - 4 * i)) & 0xf) as usize];
    }
    digits
}

/// Ids that a piece of raw HTML defines: `id="x"` on any element, and
/// `name="x"` on `<a>`.
fn html_ids(html: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    for tag in html.split('<').skip(1) {
        let Some(inside) = tag.split('>').next() else {
            continue;
        };
        if inside.starts_with('/') {
            continue;
        }
        let anchor =
            heading::a_attributes(inside).and_then(|rest| heading::attribute(rest, "name"));
        if let Some(name) = anchor {
            ids.push(name);
        } else if let Some(id) = heading::attribute(inside, "id") {
            ids.push(id);
        }
    }
    ids
}

/// True when `html` is a tag that names no HTML element: `<computername>`,
/// `</string>`. Custom elements (with a `-`) are deliberate.
fn is_unknown_tag(html: &str) -> bool {
    let Some(inside) = html.strip_prefix('<') else {
        return false;
    };
    let inside = inside.strip_prefix('/').unwrap_or(inside);
    let end = inside
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inside.len());
    let name = &inside[..end];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) || inside[end..].starts_with('-') {
        return false;
    }
    !HTML_ELEMENTS.contains(&name.to_ascii_lowercase().as_str())
}

/// Every element name of HTML (WHATWG), the obsolete ones browsers still
/// know, and the SVG and MathML roots.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bdi",
    "bdo",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "plaintext",
    "pre",
    "progress",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn fenced(md: &str) -> String {
        let doc = crate::markdown::parse(md, 0);
        let unit = doc.facts.units.iter().find(|u| u.kind == UnitKind::Code);
        let token = unit.and_then(|u| {
            doc.facts
                .tokens_of(u)
                .iter()
                .find(|t| t.kind == TokenKind::Fenced)
        });
        token
            .map(|t| doc.facts.value(t).to_string())
            .unwrap_or_default()
    }

    #[test]
    fn code_blocks_compare_without_comments_and_trailing_blanks() {
        let es = fenced("```powershell\n# Comprobar\nslmgr /dlv  \n\n```\n");
        let it = fenced("```powershell\n# Verificare\nslmgr /dlv\n```\n");
        let other = fenced("```powershell\nslmgr /ato\n```\n");
        assert!(!es.is_empty());
        assert_eq!(es, it);
        assert_ne!(es, other);
    }

    #[test]
    fn an_outer_item_keeps_its_tokens_around_a_nested_one() {
        let md = "- `a` 0x1111\n  - `b`\n\n  `c`\n- `d`\n";
        let doc = crate::markdown::parse(md, 0);
        let items: Vec<Vec<&str>> = doc
            .facts
            .units
            .iter()
            .map(|u| {
                let tokens = doc.facts.tokens_of(u);
                assert_eq!(doc.facts.set_of(u).len(), tokens.len());
                tokens.iter().map(|t| doc.facts.value(t)).collect()
            })
            .collect();
        assert_eq!(items, [vec!["a", "0x1111", "c"], vec!["b"], vec!["d"]]);
    }

    #[test]
    fn ids_in_raw_html_are_anchors() {
        let doc = crate::markdown::parse(
            "<a name=\"one\"></a>\n\ntext <span id='two'>x</span> <a  id=three>y</a>\n",
            0,
        );
        let ids: Vec<&str> = doc.facts.anchors.iter().map(|a| doc.facts.id(a)).collect();
        assert_eq!(ids, ["one", "two", "three"]);
    }

    #[test]
    fn a_heading_anchor_is_one_id_and_a_later_one_another() {
        // The leading `<a name>` becomes the heading's id (no second,
        // raw-HTML id); an anchor further in stays in the HTML as it is.
        let doc =
            crate::markdown::parse("## <a name=\"lead\"></a>Title <a name=\"later\"></a>\n", 0);
        let ids: Vec<(&str, bool)> = doc
            .facts
            .anchors
            .iter()
            .map(|a| (doc.facts.id(a), a.from_heading))
            .collect();
        assert_eq!(ids, [("lead", true), ("later", false)]);
        assert_eq!(doc.headings.text(&doc.headings[0]), "Title");
    }

    #[test]
    fn hashes_are_sixteen_hex_digits() {
        for hash in [0, 1, 0xabc, u64::MAX, 0x0123_4567_89ab_cdef] {
            assert_eq!(hex(hash), *format!("{hash:016x}").as_bytes());
        }
    }

    #[test]
    fn links_keep_their_target_and_trimmed_text() {
        let doc = crate::markdown::parse(
            "[ `Get-Item` ](a.md#b) and [outer ![ alt ](i.png) x](c.md)\n",
            0,
        );
        let facts = &doc.facts;
        let links: Vec<(&str, &str, bool)> = facts
            .links
            .iter()
            .map(|l| (facts.target(l), facts.link_text(l), l.text_is_code))
            .collect();
        assert_eq!(
            links,
            [
                ("a.md#b", "Get-Item", true),
                ("c.md", "outer  alt  x", false),
                ("i.png", "alt", false),
            ]
        );
    }

    #[test]
    fn units_and_tokens_stay_small() {
        // Every unit and token of every page is kept for the cross-page rules.
        assert!(std::mem::size_of::<Unit>() <= 40);
        assert!(std::mem::size_of::<Token>() <= 20);
    }
}
