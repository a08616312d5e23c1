//! Where a page's text holds what the whole-text checks look for, found
//! once per page by the loader, while the text it has just read is in the
//! cache.
//!
//! Several rules read every page's text for a needle most pages lack
//! (`@no__t`, `%%amp;`, an underscore or a file extension after a space,
//! an escaped underscore, `[!`, `] (`, `:: `, a backslash before a space,
//! a file name's dot, a character in bold). Run after the whole site is
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
    /// `& #`: a character reference machine translation split with a
    /// space (`escaped-entity`); at the `&`.
    SplitReference,
    /// `**` opening what may be a character in bold (`( **'** )`): after
    /// no letter or digit, before a character that is neither a letter, a
    /// digit, a space nor `*` (`check::bold_symbols`); at the first `*`.
    BoldSymbol,
    /// A file name's dot: a letter, digit, `_` or `-` before it, an
    /// extension documentation names after it ([`EXTENSIONS`], in any
    /// case), and no more of a name (`truncated-file-name`).
    FileName,
}

/// Extensions of the files documentation names, in lower case, sorted.
pub const EXTENSIONS: &[&str] = &[
    "bat", "c", "cab", "cc", "cer", "cmd", "config", "cpp", "cs", "csproj", "css", "csv", "cxx",
    "def", "dll", "dmp", "drv", "etl", "evtx", "exe", "h", "hpp", "htm", "html", "hxx", "idl",
    "inf", "ini", "iso", "js", "json", "lib", "log", "md", "mof", "msc", "msi", "msu", "ocx",
    "pdb", "pfx", "ps1", "psd1", "psm1", "py", "rc", "reg", "resx", "sh", "sln", "sql", "sys",
    "ts", "txt", "vb", "vbs", "vcxproj", "vhd", "vhdx", "wim", "xaml", "xml", "xsd", "yaml", "yml",
    "zip",
];

/// Whether a byte may be part of a file name's stem.
pub fn stem_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Whether a name may start after `before`: not inside a word, a path,
/// an address or a variable (`C:\logs\setup.log`, `%TEMP%`, `$file`).
pub fn starts_after(before: Option<u8>) -> bool {
    before.is_none_or(|b| !stem_byte(b) && !b"./\\:@%$~".contains(&b))
}

/// Whether a name ending at `end` of `bytes` ends there: no more of a
/// word, nor a dot before more of one (`setup.log.old`; a sentence's
/// final dot is fine).
fn ends_name(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(b'.') => !bytes.get(end + 1).is_some_and(|&b| stem_byte(b)),
        Some(&b) => !stem_byte(b),
    }
}

/// The file name whose dot is at `dot` of `bytes`, stem to extension, if
/// it is one ([`Needle::FileName`]): a stem of two characters or more
/// that starts with a letter and is no part of a path, an address, a
/// variable ([`starts_after`]) or a link's destination, and an extension
/// of [`EXTENSIONS`] that ends the name.
pub fn file_name_at(bytes: &[u8], dot: usize) -> Option<std::ops::Range<usize>> {
    let stem = bytes[..dot]
        .iter()
        .rev()
        .take_while(|&&b| stem_byte(b))
        .count();
    let from = dot - stem;
    // A link's destination (`](setup.md)`) is no prose.
    let destination = from >= 2 && &bytes[from - 2..from] == b"](";
    if stem < 2
        || destination
        || !bytes[from].is_ascii_alphabetic()
        || !starts_after(from.checked_sub(1).map(|b| bytes[b]))
    {
        return None;
    }
    let ext = &bytes[dot + 1..];
    let len = ext
        .iter()
        .take(8)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if !(1..=7).contains(&len) || !ends_name(bytes, dot + 1 + len) {
        return None;
    }
    let mut lower = [0u8; 7];
    lower[..len].copy_from_slice(&ext[..len]);
    lower.make_ascii_lowercase();
    let known = EXTENSIONS.binary_search_by(|e| e.as_bytes().cmp(&lower[..len]));
    known.is_ok().then_some(from..dot + 1 + len)
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
    (Needle::SplitReference, b"& #"),
];

/// Whether the `**` at `at` of `text` may open a character in bold
/// ([`Needle::BoldSymbol`]).
fn bold_symbol_at(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text.get(at + 2..).and_then(|rest| rest.chars().next());
    !before.is_some_and(char::is_alphanumeric)
        && after.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace() && c != '*')
}

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
        add(
            Needle::FileName,
            &mut memchr::memchr_iter(b'.', bytes).filter(|&dot| file_name_at(bytes, dot).is_some()),
        );
        add(
            Needle::BoldSymbol,
            &mut memchr::memmem::find_iter(bytes, b"**").filter(|&at| bold_symbol_at(text, at)),
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
        assert_eq!(
            Marks::of("a & #40 b")
                .offsets(Needle::SplitReference)
                .collect::<Vec<_>>(),
            [2]
        );
        assert_eq!(Marks::of("Nothing here.").0.capacity(), 0);
    }

    #[test]
    fn bold_characters_are_marked_at_their_opening() {
        let text = "( **'** ), (**？** ), **word**, a**?**, **\\***, ****";
        let at: Vec<usize> = Marks::of(text).offsets(Needle::BoldSymbol).collect();
        // `a**?**` is no bold character to CommonMark (a letter before
        // it), but its closing marks, before a comma, are marked: a mark
        // only tells the rule where to look.
        assert_eq!(at, [2, 12, 37, 41]);
    }

    #[test]
    fn file_names_are_marked_at_their_dot() {
        let text = "Check Wmiprov.log, ab.TXT and setup.log.old or x.y; Windows.h. End.md ../a/b.md [x](ab.md)";
        let dots: Vec<usize> = Marks::of(text).offsets(Needle::FileName).collect();
        assert_eq!(dots, [13, 21, 59, 66]);
        assert!(EXTENSIONS.windows(2).all(|w| w[0] < w[1]), "sorted");
    }
}
