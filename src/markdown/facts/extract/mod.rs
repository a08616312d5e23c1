//! Reading a page's facts off its events, in one pass: units open and
//! close with their blocks, and collect the tokens met inside them.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::html::{html_ids, is_unknown_tag};
use super::{
    Anchor, Cell, Comment, Facts, HiddenTag, Lead, Link, RowCell, Token, TokenKind, Unit, UnitKind,
    cell, fenced_hash, token_hash,
};
use crate::markdown::side_by_side::SourceText;
use crate::markdown::strings::{Span, Strings, to_u32};
use crate::markdown::{Directive, Heading, Headings};
use crate::markdown::{html_links, is_escaped, lone_star, tokens, xref};

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
    directives: &[Directive],
) -> Facts {
    // Each of these vectors is kept for the whole run: sized once from
    // the events, they need not grow or shrink by copying (the count is
    // exact or an upper bound, except for raw HTML defining several ids).
    // A directive that reads a file may be a unit of its own.
    let mut units = directives.iter().filter(|d| d.source().is_some()).count();
    let (mut links, mut anchors) = (0, 0);
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
            comments: Vec::new(),
            stray_bold: Vec::new(),
            stray_stars: Vec::new(),
            tokens: Vec::new(),
            sets: Vec::new(),
            cells: Vec::new(),
            row_cells: Vec::new(),
            leads: Vec::new(),
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
        cell_text: String::new(),
        star_end: None,
        cell_start: 0,
        lists: Vec::new(),
        list_count: 0,
        lead: None,
        tables: 0,
        section: 0,
        headings: headings.iter(),
        all_headings: headings,
        directives,
        in_tab: false,
        source_text: SourceText::default(),
        hidden: false,
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

/// A list item that may start with bold text ([`Facts::lead`]).
struct OpenLead {
    unit: usize,
    list: u32,
    /// The bold text so far and where it starts, once it has started.
    text: Option<(String, usize)>,
}

struct Extractor<'h, 'b> {
    facts: Facts,
    /// The page's directives not met yet, in order: each is masked as an
    /// HTML comment, met as one.
    directives: &'h [Directive],
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
    /// The visible text of the cell being read, any cell of a row.
    cell_text: String,
    /// Where the last text ended, when its source ended with an unescaped
    /// `*`: pulldown-cmark gives the asterisks of bold that never opened
    /// one text at a time.
    star_end: Option<usize>,
    /// Where the cell being read starts in the file.
    cell_start: usize,
    /// The lists open around the event, innermost last, by number.
    lists: Vec<u32>,
    list_count: u32,
    /// The list item whose first bold text is awaited or being read.
    lead: Option<OpenLead>,
    tables: u32,
    section: u32,
    headings: std::slice::Iter<'h, Heading>,
    /// The same, with their ids.
    all_headings: &'h Headings,
    /// In a DocFX tab title: `# [Linux](#tab/linux)`.
    in_tab: bool,
    /// Follows the source text older localized pages carry beside each
    /// sentence ([`crate::markdown::side_by_side`]).
    source_text: SourceText,
    /// Whether the event being read is that source text: hidden from
    /// readers, so it holds none of the page's tokens and no cell's text.
    /// Its links are still links (the HTML has them).
    hidden: bool,
}

impl Extractor<'_, '_> {
    fn event(&mut self, event: &Event<'_>, range: Range<usize>) {
        let at = self.base + range.start;
        self.hidden = self.source_text.hides(event);
        if self.hidden && matches!(event, Event::Text(_) | Event::Code(_)) {
            return;
        }
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
            Tag::Item => {
                let unit = self.facts.units.len();
                self.begin(UnitKind::Item, at, true);
                if let Some(&list) = self.lists.last() {
                    self.lead = Some(OpenLead {
                        unit,
                        list,
                        text: None,
                    });
                }
            }
            Tag::List(_) => {
                self.lists.push(self.list_count);
                self.list_count += 1;
            }
            Tag::Strong => {
                // The item's own first bold text, not a nested item's.
                if let Some(lead) = &mut self.lead
                    && lead.text.is_none()
                    && self.open.last() == Some(&lead.unit)
                    && !self.hidden
                {
                    lead.text = Some((String::new(), at));
                }
            }
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
                self.cell_text.clear();
                self.cell_start = at;
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
                    text_read: !self.hidden,
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
            TagEnd::Paragraph => self.finish(),
            TagEnd::Item => {
                self.lead = None;
                self.finish();
            }
            TagEnd::List(_) => {
                self.lists.pop();
                self.lead = None;
            }
            TagEnd::Strong => self.end_lead(at),
            TagEnd::TableHead | TagEnd::TableRow => {
                // Text after the row is no cell's.
                self.cell = None;
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
            TagEnd::TableCell => self.end_cell(at),
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
        // A page parsed from a copy (indented columns, `columns.rs`) has
        // its texts there: compared by their bytes.
        let verbatim = self.body.get(range.clone()).is_some_and(|source| {
            std::ptr::eq(source, text) || (source.len() == text.len() && source == text)
        });
        self.stray_bold(text, range.clone());
        let codes = tokens::codes(text)
            .into_iter()
            .map(|t| (TokenKind::Code, t));
        let cmdlets = crate::markdown::cmdlets::cmdlets(text)
            .into_iter()
            .map(|t| (TokenKind::Cmdlet, t));
        for (kind, (value, start, len)) in codes.chain(cmdlets) {
            let span = if verbatim {
                at + start..at + start + len
            } else {
                at..at
            };
            self.token(kind, &value, span);
        }
        if let Some(link) = self.links.last_mut()
            && !text.trim().is_empty()
        {
            link.only_code = Some(false);
        }
        self.add_text(text);
    }

    /// A cell ends at `at`: every cell is hashed for the row's cells, the
    /// first also kept as the row's key.
    fn end_cell(&mut self, at: usize) {
        let Some(&unit) = self.open.last() else {
            return;
        };
        let Some((count, first)) = self.cell.take() else {
            return;
        };
        let index = to_u32(self.facts.row_cells.len());
        let start = self.cell_start.min(at);
        let content = self
            .body
            .get(start.saturating_sub(self.base)..at.saturating_sub(self.base))
            .unwrap_or("");
        let trimmed = content.trim_start_matches(['|', ' ', '\t']);
        let first_byte = start + content.len() - trimmed.len();
        let span = first_byte..first_byte + trimmed.trim_end_matches(['|', ' ', '\t']).len();
        self.facts.row_cells.push(RowCell::new(
            cell::hash(&self.cell_text).unwrap_or(cell::PROSE),
            span,
        ));
        if count == 1 {
            if let Some((text, start)) = first {
                let cell = Cell {
                    text: self.string(text.trim()),
                    span: start..at,
                    row: index..index + 1,
                };
                self.facts.units[unit].key = to_u32(self.facts.cells.len());
                self.facts.cells.push(cell);
            }
        } else if let Some(key) = self
            .facts
            .cells
            .get_mut(self.facts.units[unit].key as usize)
        {
            key.row.end = index + 1;
        }
        self.cell = Some((count, None));
    }

    /// The bold text of a list item ends at `at`: kept as its lead, and
    /// the item takes no other.
    fn end_lead(&mut self, at: usize) {
        // Bold text that was not the lead (hidden source text) ends nothing.
        if !matches!(self.lead, Some(OpenLead { text: Some(_), .. })) {
            return;
        }
        let Some(OpenLead {
            unit,
            list,
            text: Some((text, start)),
        }) = self.lead.take()
        else {
            return;
        };
        // Inside the emphasis marks, as a finding points at it.
        let written = self
            .body
            .get(start.saturating_sub(self.base)..at.saturating_sub(self.base))
            .unwrap_or("");
        let inner = written.trim_start_matches(['*', '_']);
        let first = start + written.len() - inner.len();
        let span = first..first + inner.trim_end_matches(['*', '_']).len();
        self.facts.leads.push(Lead {
            unit: to_u32(unit),
            list,
            cell: RowCell::new(cell::hash(&text).unwrap_or(cell::PROSE), span),
        });
    }

    /// Appends visible text to the open link's text, the open first cell
    /// and the bold text of a list item.
    fn add_text(&mut self, text: &str) {
        if let Some(OpenLead {
            text: Some((lead, _)),
            ..
        }) = &mut self.lead
            && lead.len() <= cell::LONGEST
        {
            lead.push_str(text);
        }
        for open in &mut self.links {
            if open.index != usize::MAX {
                open.text.push_str(text);
            }
        }
        if let Some((count, first)) = &mut self.cell {
            if let (1, Some((cell, _))) = (*count, first) {
                cell.push_str(text);
            }
            // Past a value's length the text is prose, never compared.
            if self.cell_text.len() <= cell::LONGEST {
                self.cell_text.push_str(text);
            }
        }
    }

    // Out of line: raw HTML is rare next to text, and inlined into the
    // event loop this grew it enough to cost `check` 8% of its CPU on the
    // benchmark corpus (perf: pulldown-cmark's own loops got slower).
    #[inline(never)]
    fn html(&mut self, html: &str, at: usize, inline: bool) {
        let trimmed = html.trim_start();
        if let Some(inner) = trimmed.strip_prefix("<!--") {
            let end = inner.find("-->");
            let text = inner[..end.unwrap_or(inner.len())].trim();
            if text.starts_with("polydoc-") {
                let start = at + (html.len() - trimmed.len());
                let len = end.map_or(trimmed.trim_end().len(), |i| 4 + i + 3);
                self.facts.comments.push(Comment {
                    span: start..start + len,
                    text: text.to_owned(),
                });
            }
            self.directives_in(at..at + html.len());
            return;
        }
        // The source text beside a translated sentence repeats its anchors
        // (`<span data-ttu-id="1"><span id="x"></span>...</span><span
        // class="sxs-lookup"><span id="x"></span>...`): hidden, they are no
        // place a link lands on, and no second definition of the id.
        let ids = if self.hidden {
            Vec::new()
        } else {
            html_ids(html)
        };
        for id in ids {
            let id = self.string(id);
            self.facts.anchors.push(Anchor {
                id: id.clone(),
                offset: at,
                from_heading: false,
                explicit: true,
            });
            self.stored_token(TokenKind::Anchor, id, at..at);
        }
        for link in html_links::links(html) {
            let span = at + link.value.start..at + link.value.end;
            let value = &html[link.value];
            self.token(TokenKind::Target, &tokens::target(value), span.clone());
            let target = self.string(value);
            self.facts.links.push(Link {
                target,
                text: 0..0,
                text_is_code: false,
                image: link.image,
                span: span.clone(),
                text_offset: span.start,
                text_read: false,
            });
        }
        if inline && let Some(tag) = xref::tag(trimmed) {
            // `<xref href="uid"/>`: a link, for the checks as for the reader.
            let href = format!("xref:{}", tag.href);
            let span = at..at + html.len();
            self.token(TokenKind::Target, &tokens::target(&href), span.clone());
            let target = self.string(&href);
            self.facts.links.push(Link {
                target,
                text: 0..0,
                text_is_code: false,
                image: false,
                span,
                text_offset: at,
                text_read: false,
            });
            return;
        }
        if inline && !xref::is_end_tag(trimmed) && is_unknown_tag(trimmed) {
            self.facts.hidden.push(HiddenTag {
                html: html.trim().to_owned(),
                offset: at,
            });
        }
    }

    /// The sources of the directives masked in bytes `span` of the file:
    /// a token of the open unit (an include inside a list item), or of a
    /// unit of their own.
    fn directives_in(&mut self, span: Range<usize>) {
        while let Some((directive, rest)) = self.directives.split_first() {
            if directive.span.start >= span.end {
                break;
            }
            self.directives = rest;
            let Some(source) = directive
                .source()
                .filter(|_| directive.span.start >= span.start)
            else {
                continue;
            };
            let at = directive.span.start;
            let own_unit = self.pending.is_empty();
            if own_unit {
                self.begin(UnitKind::Directive, at, true);
            }
            self.token(
                TokenKind::Source,
                &tokens::target(source),
                at..directive.span.end,
            );
            if own_unit {
                self.finish();
            }
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
        // A span left open ends with its block, as in the browser.
        self.source_text = SourceText::default();
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
        if !self.pending.is_empty() && !self.hidden {
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

    /// Keeps where `**` the source writes unescaped shows as asterisks: in
    /// one text (`** extern **`), or as the last `*` of one text and the
    /// first of the next, right after it.
    fn stray_bold(&mut self, text: &str, range: Range<usize>) {
        let previous = self.star_end.take();
        if !text.contains('*') {
            return;
        }
        let Some(source) = self.body.get(range.clone()) else {
            return;
        };
        let at = self.base + range.start;
        let body = self.body.as_bytes();
        for i in memchr::memchr_iter(b'*', source.as_bytes()) {
            if lone_star(body, range.start + i) {
                self.facts.stray_stars.push(at + i);
            }
        }
        if previous == Some(range.start)
            && source.starts_with('*')
            && !matches!(self.body.as_bytes().get(range.start + 1), Some(b'/' | b'*'))
        {
            self.facts.stray_bold.push(at - 1);
        } else if let Some(i) = stray_bold(source) {
            self.facts.stray_bold.push(at + i);
        } else if half_bold(self.body.as_bytes(), range.end) {
            // `**ulong \** _`: the closer's first asterisk escaped, the
            // opener's second pairs with its last as italics and its first
            // shows.
            self.facts.stray_bold.push(at + source.len() - 1);
        }
        if source.ends_with('*') && !is_escaped(source.as_bytes(), source.len() - 1) {
            self.star_end = Some(range.end);
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

/// Whether the text ending at `end` of `body` ends with the first
/// asterisk of a `**` whose second opens italics: a text's last `*`,
/// unescaped and after no other, then a `*` and a non-space that is no
/// asterisk or slash (not a glob, not `***`).
fn half_bold(body: &[u8], end: usize) -> bool {
    end >= 1
        && body[end - 1] == b'*'
        && !is_escaped(body, end - 1)
        && (end < 2 || body[end - 2] != b'*')
        && body.get(end) == Some(&b'*')
        && body
            .get(end + 1)
            .is_some_and(|&b| !b.is_ascii_whitespace() && !matches!(b, b'*' | b'/'))
}

/// The first `**` of `source` written as such: not escaped (`\*\*`,
/// after an odd run of backslashes), not a glob (`**/`, `/**`), not part
/// of a longer run of asterisks.
fn stray_bold(source: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, b"**").find(|&i| {
        !is_escaped(bytes, i)
            && !matches!(bytes.get(i + 2), Some(b'/' | b'*'))
            && (i == 0 || !matches!(bytes[i - 1], b'/' | b'*'))
    })
}

#[cfg(test)]
mod tests;
