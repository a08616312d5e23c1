//! One buffer of strings per page.
//!
//! Every page's parsed facts stay in memory until the cross-page rules have
//! run: the strings they hold (heading ids and texts, token values, link
//! targets) are appended to one buffer per page and kept as ranges of it,
//! instead of one allocation each (which, with their headers and rounding,
//! were a good part of a page's memory and of the allocator's work).

use std::ops::Range;

/// Where a string is in its page's [`Strings`].
pub type Span = Range<u32>;

#[derive(Debug, Clone, Default)]
pub struct Strings {
    buffer: String,
}

impl Strings {
    /// Appends `text`; returns where it is.
    pub fn push(&mut self, text: &str) -> Span {
        let start = to_u32(self.buffer.len());
        self.buffer.push_str(text);
        start..to_u32(self.buffer.len())
    }

    /// The string at `span`; empty for a span of another buffer.
    pub fn get(&self, span: &Span) -> &str {
        self.buffer
            .get(span.start as usize..span.end as usize)
            .unwrap_or_default()
    }

    /// Gives back the buffer's unused capacity (once the page is parsed).
    pub fn shrink_to_fit(&mut self) {
        self.buffer.shrink_to_fit();
    }
}

/// An index or offset within one page: far below 2^32 (saturates).
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_from_their_spans() {
        let mut strings = Strings::default();
        let (a, b) = (strings.push("0x8007232b"), strings.push("más"));
        let empty = strings.push("");
        assert_eq!((strings.get(&a), strings.get(&b)), ("0x8007232b", "más"));
        assert_eq!(strings.get(&empty), "");
        assert_eq!(strings.get(&(40..50)), "");
    }
}
