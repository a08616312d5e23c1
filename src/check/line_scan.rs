//! What a place on a line is inside of, for rules that ask it of many
//! places of one text in order: whether it is inside a code span
//! ([`in_code_span`]), inside the source text a side-by-side page keeps
//! beside a sentence ([`hidden`]), inside an HTML tag, or inside a link's
//! destination. Each of those reads its line from the
//! start up to the place; asked of thousands of places on one long line
//! (a single-line HTML table, a generated page), that read the line
//! thousands of times. A [`LineScan`] carries the answers along the line
//! instead, reading each byte once while the places come in order, and
//! starts over on a new line or an earlier place.
//!
//! [`in_code_span`]: super::glued_terms::in_code_span
//! [`hidden`]: super::split_identifiers::hidden

/// The two markers [`hidden`] compares.
const SOURCE: &[u8] = b"data-stu-id=";
const SHOWN: &[u8] = b"data-ttu-id=";

/// [`in_code_span`](super::glued_terms::in_code_span) and
/// [`hidden`](super::split_identifiers::hidden) for places asked in text
/// order.
#[derive(Default)]
pub(super) struct LineScan {
    /// Start of the line read so far, and how far it is read.
    line_start: usize,
    read_to: usize,
    /// Backticks between the line start and `read_to`.
    ticks: usize,
    /// Where the last of each marker starts before `read_to`, if any.
    source: Option<usize>,
    shown: Option<usize>,
    /// Where the last `<` and `>` are before `read_to`.
    open_angle: Option<usize>,
    close_angle: Option<usize>,
    /// Where the last `](` is before `read_to`, and whether a `)` follows
    /// it before `read_to`.
    destination: Option<usize>,
    closed: bool,
}

impl LineScan {
    /// Whether `at` in `text` is inside a code span on its line, as
    /// [`in_code_span`](super::glued_terms::in_code_span) answers.
    pub(super) fn in_code_span(&mut self, text: &str, at: usize) -> bool {
        self.advance(text, at);
        self.ticks % 2 == 1
    }

    /// Whether `at` in `text` is inside side-by-side source text, as
    /// [`hidden`](super::split_identifiers::hidden) answers from its
    /// line's start.
    pub(super) fn hidden(&mut self, text: &str, at: usize) -> bool {
        self.advance(text, at);
        match (self.source, self.shown) {
            (Some(s), Some(t)) => s > t,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// Whether `at` is inside an HTML tag on its line: a `<` after the
    /// line's last `>` before it.
    pub(super) fn in_tag(&mut self, text: &str, at: usize) -> bool {
        self.advance(text, at);
        self.open_angle > self.close_angle
    }

    /// Whether `at` is inside a link's destination on its line: after a
    /// `](` with no `)` since (`](cbasepin-getmediatype.md)`).
    pub(super) fn in_destination(&mut self, text: &str, at: usize) -> bool {
        self.advance(text, at);
        self.destination.is_some() && !self.closed
    }

    fn advance(&mut self, text: &str, at: usize) {
        let bytes = text.as_bytes();
        let at = at.min(bytes.len());
        let same_line =
            at >= self.read_to && memchr::memchr(b'\n', &bytes[self.read_to..at]).is_none();
        if !same_line {
            let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
            *self = LineScan {
                line_start,
                read_to: line_start,
                ..LineScan::default()
            };
        }
        let from = self.read_to;
        self.ticks += memchr::memchr_iter(b'`', &bytes[from..at]).count();
        // A marker may straddle the old end: look from a marker's length
        // before it, within the line; one found again is the same one.
        let back = from.saturating_sub(SOURCE.len() - 1).max(self.line_start);
        let last =
            |marker: &[u8]| memchr::memmem::rfind(&bytes[back..at], marker).map(|i| back + i);
        if let Some(s) = last(SOURCE) {
            self.source = Some(s);
        }
        if let Some(t) = last(SHOWN) {
            self.shown = Some(t);
        }
        let new = &bytes[from..at];
        if let Some(i) = memchr::memrchr(b'<', new) {
            self.open_angle = Some(from + i);
        }
        if let Some(i) = memchr::memrchr(b'>', new) {
            self.close_angle = Some(from + i);
        }
        match last(b"](") {
            Some(open) if Some(open) != self.destination => {
                self.destination = Some(open);
                self.closed = memchr::memchr(b')', &bytes[open..at]).is_some();
            }
            _ => self.closed |= memchr::memchr(b')', new).is_some(),
        }
        self.read_to = at;
    }
}

/// The answers of the functions it stands for, read from the line's
/// start, for unit tests.
#[cfg(test)]
fn all(text: &str, at: usize) -> [bool; 4] {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..at];
    [
        super::glued_terms::in_code_span(text, at),
        super::split_identifiers::hidden(text, line_start, at),
        line.rfind('<') > line.rfind('>'),
        line.rfind("](")
            .is_some_and(|open| !line[open..].contains(')')),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_reading_from_the_line_start_does() {
        let text = "a `b` c `d e\n<span data-ttu-id=\"1\">x</span><span class=\"sxs-lookup\">\
                    <span data-stu-id=\"1\">`y` z</span></span> w\n\nq `r` data-stu-id=s data-ttu-id=t u\n\
                    [a](b.md) c [d](e](f) g](h <i j> k";
        // Every place in order, then every other place, then backwards.
        let places: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for order in [
            places.clone(),
            places.iter().copied().step_by(2).collect(),
            places.iter().rev().copied().collect(),
        ] {
            let mut scan = LineScan::default();
            for &at in &order {
                let got = [
                    scan.in_code_span(text, at),
                    scan.hidden(text, at),
                    scan.in_tag(text, at),
                    scan.in_destination(text, at),
                ];
                assert_eq!(got, all(text, at), "at {at}: {:?}", &text[..at]);
            }
        }
    }
}
