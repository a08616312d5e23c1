//! Where a page's text holds what the whole-text checks look for, found
//! once per page by the loader, while the text it has just read is in the
//! cache.
//!
//! Several rules read every page's text for a needle most pages lack
//! (`@no__t`, `%%amp;`, an underscore or a file extension after a space,
//! an escaped underscore, `[!`, `] (`, `:: `). Run after the whole site is
//! loaded, each of those passes read every page from memory again: on the
//! bench corpus (272 MB of text) 0.015-0.022 s each, 0.11 s for the first
//! six together, a tenth of `check`. Done here, right after each file is
//! read, those six searches cost about 0.03 s together; the rules then look
//! at the few places found. `benches/README.md` has the measurements.

/// What a rule looks for, each searched for in the whole text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needle {
    /// `@`: placeholders of the machine-translation pipeline
    /// (`mt-placeholder`).
    At,
    /// `%%amp;`: characters escaped twice (`escaped-entity`).
    EscapedAmp,
    /// `_ `: an underscore before a space (`split-identifier`).
    UnderscoreSpace,
    /// `. ` and an ASCII lower-case letter: a file extension after a dot
    /// and a space (`split-file-name`); at the dot.
    DotSpaceLower,
    /// `[!`: an alert's keyword (`unknown-alert`).
    Alert,
    /// `] (`: a link a space broke (`broken-link-syntax`).
    SpacedLink,
    /// `:: `: a qualified name split after its scope operator
    /// (`split-member-name`); at the first colon.
    ScopeSpace,
    /// `\_`: an escaped underscore, which may start an identifier machine
    /// translation split and reordered (`split-identifier`); at the
    /// backslash.
    EscapedUnderscore,
    /// `\ `: a backslash before a space, where machine translation split a
    /// path (`split-path`).
    BackslashSpace,
}

/// The needles found wherever they are written, as written.
const SEARCHED: &[(Needle, &[u8])] = &[
    (Needle::EscapedAmp, b"%%amp;"),
    (Needle::UnderscoreSpace, b"_ "),
    (Needle::Alert, b"[!"),
    (Needle::SpacedLink, b"] ("),
    (Needle::ScopeSpace, b":: "),
    (Needle::EscapedUnderscore, b"\\_"),
    (Needle::BackslashSpace, b"\\ "),
];

/// The places of a page's text where each [`Needle`] is, in text order.
/// Most pages have none, and then nothing is allocated.
#[derive(Clone, Debug, Default)]
pub struct Marks(Vec<(Needle, u32)>);

impl Marks {
    /// Searches `text` for every needle.
    pub fn of(text: &str) -> Marks {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut add = |needle: Needle, offsets: &mut dyn Iterator<Item = usize>| {
            found.extend(offsets.map(|at| (needle, at as u32)));
        };
        add(Needle::At, &mut memchr::memchr_iter(b'@', bytes));
        add(
            Needle::DotSpaceLower,
            &mut memchr::memmem::find_iter(bytes, b". ")
                .filter(|&at| bytes.get(at + 2).is_some_and(u8::is_ascii_lowercase)),
        );
        for (needle, written) in SEARCHED {
            add(*needle, &mut memchr::memmem::find_iter(bytes, written));
        }
        found.shrink_to_fit();
        Marks(found)
    }

    /// Where `needle` is, in text order.
    pub fn offsets(&self, needle: Needle) -> impl Iterator<Item = usize> + '_ {
        self.0
            .iter()
            .filter(move |(n, _)| *n == needle)
            .map(|&(_, at)| at as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_needle_is_found_where_it_is() {
        let text = "a@b %%amp;quot; x _ y. c [!NOTE] [a] (b.md) End. Next A:: B \\ C";
        let marks = Marks::of(text);
        let at = |n| marks.offsets(n).collect::<Vec<_>>();
        assert_eq!(at(Needle::At), [1]);
        assert_eq!(at(Needle::EscapedAmp), [4]);
        assert_eq!(at(Needle::UnderscoreSpace), [18]);
        assert_eq!(at(Needle::DotSpaceLower), [21]);
        assert_eq!(at(Needle::Alert), [25]);
        assert_eq!(at(Needle::SpacedLink), [35]);
        assert_eq!(at(Needle::ScopeSpace), [55]);
        assert_eq!(at(Needle::BackslashSpace), [60]);
        assert_eq!(Marks::of("Nothing here.").0.capacity(), 0);
    }
}
