//! The tokens a translation must not change, found in prose.
//!
//! Translators rewrite sentences but keep error codes, numbers, code and
//! link targets. Those are what the cross-locale checks compare, so each is
//! normalised here to the form every locale writes alike: hexadecimal codes
//! lower-cased (`0x8007232A` and `0x8007232a` are one code), numbers without
//! digit-group separators (`10,000`, `10.000` and `10 000` are one number),
//! in ASCII digits whatever digits the locale writes (Arabic's `١٦٠٣`,
//! Persian's `۱۶۰۳`, Hindi's `१६०३`, full-width `１６０３` are `1603`),
//! URLs without their locale segment (`/en-us/` and `/es-es/` are one page).

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

/// A hexadecimal code of at least four digits, `0x8007232A`.
fn hex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)0[xX][0-9A-Fa-f]{4,16}(?-u:\b)")
            .unwrap_or_else(|e| panic!("hex pattern: {e}"))
    })
}

/// A number, digit groups separated by `,` `.` or a (narrow) space. It may
/// follow letters: `Server2012` and `KB4012212` hold the numbers of
/// `Server 2012` and `KB 4012212` (real translations drop or add that
/// space). Letters right after it make it part of a word (`2012R2`,
/// `1234abc`), as hexadecimal strings without `0x` would be.
fn number() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[0-9]{1,3}(?:[,.\u{a0}\u{202f} ][0-9]{3})+(?-u:\b)|[0-9]+(?-u:\b)")
            .unwrap_or_else(|e| panic!("number pattern: {e}"))
    })
}

/// The first code point of each run of ten decimal digits a locale's text
/// may write numbers in, besides ASCII: Arabic-Indic, Persian (extended
/// Arabic-Indic), N'Ko, the Indic scripts', Thai, Lao, Tibetan, Myanmar,
/// Khmer, Mongolian, and full-width forms.
const NATIVE_ZEROS: [u32; 20] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
];

/// The zero of the run of [`NATIVE_ZEROS`] that `c` is a digit of.
fn native_zero(c: char) -> Option<u32> {
    let c = c as u32;
    NATIVE_ZEROS
        .iter()
        .copied()
        .find(|&zero| (zero..zero + 10).contains(&c))
}

/// The ASCII digit `c` stands for, when it is a digit of [`NATIVE_ZEROS`].
fn native_digit(c: char) -> Option<char> {
    native_zero(c).and_then(|zero| char::from_digit(c as u32 - zero, 10))
}

/// The value of decimal digit `c`, ASCII or of a locale's own digits
/// ([`NATIVE_ZEROS`]).
pub fn digit_value(c: char) -> Option<u32> {
    c.to_digit(10)
        .or_else(|| native_zero(c).map(|zero| c as u32 - zero))
}

/// `value` with its digits, ASCII or native, written in the digits `like`
/// writes (ASCII when it writes none of [`NATIVE_ZEROS`]'): a number
/// suggested to a page in the digits the page uses. A hexadecimal code
/// stays as it is.
pub fn digits_like(value: &str, like: &str) -> String {
    if value.contains("0x") || value.contains("0X") {
        return value.to_owned();
    }
    let zero = like.chars().find_map(native_zero).unwrap_or('0' as u32);
    value
        .chars()
        .map(|c| {
            let digit = if c.is_ascii_digit() {
                Some(c)
            } else {
                native_digit(c)
            };
            digit
                .and_then(|d| d.to_digit(10))
                .and_then(|d| char::from_u32(zero + d))
                .unwrap_or(c)
        })
        .collect()
}

/// A number in a locale's own digits, grouped as [`number`]'s, or with
/// Arabic's thousands separator (`٬`).
fn native_number() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let digit: String = NATIVE_ZEROS
            .iter()
            .filter_map(|&zero| Some((char::from_u32(zero)?, char::from_u32(zero + 9)?)))
            .map(|(a, b)| format!("{a}-{b}"))
            .collect();
        let separator = "[,.\u{66c}\u{a0}\u{202f} ]";
        Regex::new(&format!(
            "[{digit}]{{1,3}}(?:{separator}[{digit}]{{3}})+|[{digit}]+"
        ))
        .unwrap_or_else(|e| panic!("native number pattern: {e}"))
    })
}

/// Whether `byte` may lead a digit of [`NATIVE_ZEROS`] in UTF-8 (Arabic
/// `D9`/`DB`, N'Ko `DF`, the three-byte scripts' `E0`, `E1`, and `EF` for
/// full-width forms): Latin, Cyrillic and Greek text never has one, so it
/// never pays for the search.
fn may_lead_native_digit(byte: u8) -> bool {
    matches!(byte, 0xD9 | 0xDB | 0xDF | 0xE0 | 0xE1 | 0xEF)
}

/// A hexadecimal code or a number: one pass over the text finds both, a
/// code taking precedence where it starts (the alternation is ordered).
fn code_or_number() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!("{}|{}", hex().as_str(), number().as_str()))
            .unwrap_or_else(|e| panic!("code pattern: {e}"))
    })
}

/// Error codes and numbers of at least four digits in `text`, normalised,
/// with their byte offsets in `text`, in text order. Shorter numbers are
/// left out: a translation may spell "2" as a word, or reorder "step 3 of
/// 5".
pub fn codes(text: &str) -> Vec<(String, usize, usize)> {
    // Most text has no digit at all: skip the patterns then. Checking a
    // chunk at a time, without an early exit inside it, lets the compiler
    // use vector instructions; one pass looks for both kinds of digit.
    let (mut has_digit, mut native) = (false, false);
    for chunk in text.as_bytes().chunks(64) {
        let (ascii, lead) = chunk.iter().fold((false, false), |(a, l), &b| {
            (a | b.is_ascii_digit(), l | may_lead_native_digit(b))
        });
        has_digit |= ascii;
        native |= lead;
    }
    if !has_digit && !native {
        return Vec::new();
    }
    let mut out = Vec::new();
    if native {
        for m in native_number().find_iter(text) {
            let digits: String = m.as_str().chars().filter_map(native_digit).collect();
            if digits.len() >= 4 {
                out.push((digits, m.start(), m.len()));
            }
        }
        if !has_digit {
            return out;
        }
    }
    let native_found = out.len();
    let mut from = 0;
    while let Some(m) = code_or_number().find_at(text, from) {
        from = m.end();
        let found = m.as_str();
        if found.starts_with("0x") || found.starts_with("0X") {
            out.push((found.to_ascii_lowercase(), m.start(), m.len()));
            continue;
        }
        // A number glued to a name (`SHA2_512`, `Server2012`) ends at a
        // space: what follows is the next word's number, not a digit group
        // of it (the real ko-kr `HASHBYTES` writes `SHA2_512 512 비트`,
        // "512 bits for SHA2_512").
        let glued = text.as_bytes()[..m.start()]
            .last()
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        let found = match found.find([' ', '\u{a0}', '\u{202f}']) {
            Some(space) if glued => {
                from = m.start() + space;
                &found[..space]
            }
            _ => found,
        };
        let digits: String = found.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 4 {
            out.push((digits, m.start(), found.len()));
        }
    }
    if native_found > 0 {
        out.sort_by_key(|&(_, start, _)| start);
    }
    out
}

/// True when `text`, trimmed, is exactly one hexadecimal code.
pub fn is_hex_code(text: &str) -> bool {
    let t = text.trim();
    // Asked of every link's text, nearly all prose: no search for those.
    if !(t.starts_with("0x") || t.starts_with("0X")) {
        return false;
    }
    hex()
        .find(t)
        .is_some_and(|m| m.start() == 0 && m.end() == t.len())
}

/// The hexadecimal codes in `text`, lower-cased.
pub fn hex_codes(text: &str) -> Vec<String> {
    hex()
        .find_iter(text)
        .map(|m| m.as_str().to_ascii_lowercase())
        .collect()
}

/// A link target as every locale writes it: a locale segment of an
/// absolute URL (`/en-us/`) and query parameters naming the reader's
/// language (`clcid=0x40a`) removed, a trailing slash dropped, and
/// Microsoft Learn under one name: `http://docs.microsoft.com/x` (its
/// former name, which still redirects there path for path) is
/// `https://learn.microsoft.com/x`, so a translation made before or
/// after Microsoft's move of its links is not told to change them.
pub fn target(url: &str) -> Cow<'_, str> {
    let url = url.trim();
    if !crate::markdown::links::is_absolute(url) {
        return Cow::Borrowed(url);
    }
    let (url, fragment) = url
        .split_once('#')
        .map_or((url, None), |(u, f)| (u, Some(f)));
    let (path, query) = url
        .split_once('?')
        .map_or((url, None), |(p, q)| (p, Some(q)));
    let mut out: Vec<&str> = path
        .split('/')
        .filter(|segment| !crate::markdown::links::is_locale_segment(segment))
        .collect();
    if let [scheme, "", host, ..] = out.as_mut_slice()
        && crate::markdown::links::is_learn_host(host)
        && (scheme.eq_ignore_ascii_case("https:") || scheme.eq_ignore_ascii_case("http:"))
    {
        *scheme = "https:";
        *host = crate::markdown::links::LEARN_HOSTS[0];
    }
    if out.len() > 3 && out.last() == Some(&"") && query.is_none() && fragment.is_none() {
        out.pop();
    }
    let mut target = out.join("/");
    if let Some(query) = query {
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| {
                let key = pair.split('=').next().unwrap_or(pair);
                !LOCALE_PARAMETERS
                    .iter()
                    .any(|p| p.eq_ignore_ascii_case(key))
            })
            .collect();
        if !kept.is_empty() || query.is_empty() {
            target.push('?');
            target.push_str(&kept.join("&"));
        }
    }
    if let Some(fragment) = fragment {
        target.push('#');
        target.push_str(fragment);
    }
    Cow::Owned(target)
}

/// Query parameters that name the reader's language, which a translation
/// changes: `clcid` (the locale id of Microsoft's `fwlink` addresses),
/// `mkt`, `setlang` and `setmkt` (Bing, Microsoft Support), `displaylang`
/// (Microsoft Download Center), `lang`, `locale`, `culture`, `ui-locales`,
/// `hl`.
const LOCALE_PARAMETERS: &[&str] = &[
    "clcid",
    "mkt",
    "setlang",
    "setmkt",
    "displaylang",
    "lang",
    "locale",
    "culture",
    "ui-locales",
    "hl",
];

/// `text` with each placeholder in angle brackets (`<product key>`,
/// `<ComputerName>`) as `<…>`: localizers translate placeholders (`slmgr
/// /ipk <clave de producto>`), so code is compared without them. Only
/// words, inner spaces, `-`, `_` and `.` count as a placeholder: markup
/// with attributes (`<add key="x"/>`) and operators (`a < b > c`) stay as
/// written.
pub fn mask_placeholders(text: &str) -> Cow<'_, str> {
    let is_placeholder = |inner: &str| {
        inner.len() <= 80
            && inner.trim() == inner
            && inner.chars().any(char::is_alphabetic)
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'))
    };
    let mut out = String::new();
    let mut done = 0;
    for open in memchr::memchr_iter(b'<', text.as_bytes()) {
        if open < done {
            continue;
        }
        let rest = &text[open + 1..];
        let Some(close) = rest
            .find(['<', '>'])
            .filter(|&c| rest[c..].starts_with('>'))
        else {
            continue;
        };
        if !is_placeholder(&rest[..close]) {
            continue;
        }
        out.push_str(&text[done..open]);
        out.push_str("<…>");
        done = open + 1 + close + 1;
    }
    if done == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[done..]);
    Cow::Owned(out)
}

/// The lines of a code block as a translation keeps them: comments may
/// be translated (Microsoft's localized repositories do), so lines that
/// are only a comment are left out and a comment after code (` # ...`,
/// ` // ...`, after a blank) is cut off; trailing blanks do not count.
pub fn fenced_lines(code: &str) -> impl Iterator<Item = &str> {
    code.lines().map(without_trailing_comment).filter(|line| {
        let t = line.trim_start().as_bytes();
        !(t.is_empty()
            || t.starts_with(b"#")
            || t.starts_with(b"//")
            || t.starts_with(b"--")
            || t.starts_with(b"::")
            || t.starts_with(b";")
            || t.get(..4).is_some_and(|w| w.eq_ignore_ascii_case(b"rem ")))
    })
}

/// `line` up to a comment that follows code after a blank (`slmgr /ato  #
/// activa`), trailing blanks trimmed. `--` is left alone: it starts
/// command-line options far more often than SQL comments.
fn without_trailing_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    let cut = (1..bytes.len()).find(|&i| {
        bytes[i - 1].is_ascii_whitespace()
            && (bytes[i] == b'#' || bytes[i..].starts_with(b"//"))
            && !line[..i].trim().is_empty()
    });
    cut.map_or(line, |i| &line[..i]).trim_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        codes(text).into_iter().map(|(v, _, _)| v).collect()
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(
            values("Error 0x8007232A (0x8007232a), KB 929712"),
            ["0x8007232a", "0x8007232a", "929712"]
        );
        assert_eq!(values("10,000 y 10.000 y 10\u{a0}000"), ["10000"; 3]);
        assert_eq!(values("paso 3 de 5, 2019"), ["2019"]);
        assert_eq!(values("abc1234x 1234abc"), Vec::<String>::new());
        // A space a translation dropped or added changes no number.
        assert_eq!(
            values("Windows Server2012, KB4012212 y Server 2012"),
            ["2012", "4012212", "2012"]
        );
        // A number glued to a name takes no digit group after a space.
        assert_eq!(
            values("SHA2_512 512 bits, SHA2_1024 1024"),
            ["1024", "1024"]
        );
        assert_eq!(
            values("Server2012 345 678, y 512 512"),
            ["2012", "345678", "512512"]
        );
        // Text order; a code's digits are not a number of their own.
        assert_eq!(
            codes("KB 929712, 0x80071234 y 0x1234567890ABCDEF1"),
            [
                ("929712".to_owned(), 3, 6),
                ("0x80071234".to_owned(), 11, 10)
            ]
        );
    }

    /// Numbers in a locale's own digits are the numbers ASCII digits write,
    /// at their place in the text, in text order among the others.
    #[test]
    fn native_digits_are_ascii_numbers() {
        assert_eq!(
            values("الخطأ ١٦٠٣ على Windows Server ٢٠١٩"),
            ["1603", "2019"]
        );
        assert_eq!(values("خطای ۱۶۰۳ و ۱۰٬۰۰۰"), ["1603", "10000"]);
        assert_eq!(values("त्रुटि १६०३"), ["1603"]);
        assert_eq!(values("エラー １６０３"), ["1603"]);
        assert_eq!(
            values("٣ من ٥"),
            Vec::<String>::new(),
            "short numbers, as in ASCII"
        );
        let text = "KB 4012345 و ٤٠١٢٣٤٦ و 0x80070005";
        let found = codes(text);
        let values: Vec<&str> = found.iter().map(|(v, ..)| v.as_str()).collect();
        assert_eq!(values, ["4012345", "4012346", "0x80070005"]);
        let (_, start, len) = &found[1];
        assert_eq!(&text[*start..start + len], "٤٠١٢٣٤٦");
        assert_eq!(native_digit('٧'), Some('7'));
        assert_eq!(native_digit('a'), None);
        assert_eq!(digits_like("1603", "١٦٠٤"), "١٦٠٣");
        assert_eq!(digits_like("۱۶۰۳", "١٦٠٤"), "١٦٠٣");
        assert_eq!(digits_like("١٦٠٣", "1604"), "1603");
        assert_eq!(digits_like("KB 4012", "`x`"), "KB 4012");
        assert_eq!(digits_like("`0x80070005`", "`١٦٠٤`"), "`0x80070005`");
    }

    #[test]
    fn hex_code_alone() {
        assert!(is_hex_code(" 0x8007232A "));
        assert!(!is_hex_code("0x8007232A y"));
        assert!(!is_hex_code("Error"));
    }

    #[test]
    fn placeholders_are_masked_and_markup_is_not() {
        assert_eq!(
            mask_placeholders("slmgr /ipk <clave de producto>"),
            "slmgr /ipk <…>"
        );
        assert_eq!(mask_placeholders("<ComputerName>\\<User_1>"), "<…>\\<…>");
        assert_eq!(
            mask_placeholders("<add key=\"x\"/> a < b > c 2>&1 <5> <>"),
            "<add key=\"x\"/> a < b > c 2>&1 <5> <>"
        );
        assert_eq!(mask_placeholders("List<string> x"), "List<…> x");
        assert!(matches!(mask_placeholders("no brackets"), Cow::Borrowed(_)));
    }

    #[test]
    fn locale_segments_are_dropped_from_urls() {
        assert_eq!(
            target("https://docs.microsoft.com/es-es/windows/a/"),
            "https://learn.microsoft.com/windows/a"
        );
        assert_eq!(
            target("https://support.microsoft.com/help/x"),
            "https://support.microsoft.com/help/x"
        );
        assert_eq!(target("../a.md#b"), "../a.md#b");
        assert_eq!(
            target("https://go.microsoft.com/fwlink/?LinkID=2112345&clcid=0x40a"),
            "https://go.microsoft.com/fwlink/?LinkID=2112345"
        );
        assert_eq!(
            target("https://support.microsoft.com/es-es/help/4?ui-locales=es-es#x"),
            "https://support.microsoft.com/help/4#x"
        );
        assert_eq!(
            target("http://Docs.Microsoft.com/en-us/azure/x#y"),
            "https://learn.microsoft.com/azure/x#y"
        );
        assert_eq!(
            target("https://learn.microsoft.com/azure/x"),
            "https://learn.microsoft.com/azure/x"
        );
        assert_eq!(
            target("https://docs.microsoft.com.example/x"),
            "https://docs.microsoft.com.example/x"
        );
        assert_eq!(
            target("ftp://docs.microsoft.com/x"),
            "ftp://docs.microsoft.com/x"
        );
        assert_eq!(target("https://e.org/a?"), "https://e.org/a?");
        assert_eq!(
            target("https://e.org/a/?b=1#c/d"),
            "https://e.org/a/?b=1#c/d"
        );
    }

    #[test]
    fn comment_lines_of_code_may_differ() {
        let lines = |code| fenced_lines(code).collect::<Vec<_>>();
        assert_eq!(lines("# Comprobar\nslmgr /dlv  \n\n"), ["slmgr /dlv"]);
        assert_eq!(lines("# Verificare\nslmgr /dlv\n"), ["slmgr /dlv"]);
        assert_eq!(
            lines("REM a\n:: b\n// c\n-- d\n; e\n  x = 1  \nremove\n"),
            ["  x = 1", "remove"]
        );
        assert_eq!(
            lines("slmgr /ato  # activa\nx = 1; // uno\ncurl https://e.org/#a --force\n  # solo\n"),
            ["slmgr /ato", "x = 1;", "curl https://e.org/#a --force"]
        );
    }
}
