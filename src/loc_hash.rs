//! `ms.openlocfilehash`, recomputed: whether a machine translation was made
//! from a page's text as it is here.
//!
//! Microsoft's localization pipeline writes into every page it translates
//! the hash of the source file it translated: its SHA-1 (40 hexadecimal
//! digits, hand-offs until early 2021) or its SHA-256 (64 digits, after),
//! taken over the file's bytes as a Windows checkout holds them, every line
//! ending in CRLF. Worked out on the win32 documentation: the version of
//! `desktop-src/WmiSdk/swbemnamedvalueset-clone.md` with a "Requirement |
//! Value" table header hashes, with CRLF line ends, to the
//! `9158901a39fa80e4…` (SHA-256) its August 2021 translations carry, and
//! the version before it to the `17678d36a553c84c…` (SHA-1) of the January
//! 2021 ones (`tests/data/real-wmi`); with LF line ends, or as git hashes
//! a blob, to neither.
//!
//! So a translation's hash says for certain which text it was made from:
//! a page without a hash of its own (the source) whose bytes give it is
//! that very text, and the two can be compared line for line
//! ([`crate::site::Site::same_source_version`]); a source page whose bytes
//! give another was changed since the translation was made, whatever the
//! dates say ([`crate::drift::version`]).
//!
//! A site that names no source locale gets one from the hashes: the
//! locale whose pages the translations' hashes name ([`found_source`]),
//! so that checks and drift compare translations with the text they were
//! made from, not as peers.
//!
//! A page's digests are worked out on first ask and kept
//! ([`Digests`]): a group compares each pair of its pages, and only the
//! source pages of groups with hashed translations are ever asked.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use sha1::Digest;

use crate::site::Page;

/// A page's SHA-1 and SHA-256 over its CRLF text, each made on first ask.
#[derive(Debug, Default)]
pub struct Digests {
    sha1: OnceLock<[u8; 20]>,
    sha256: OnceLock<[u8; 32]>,
}

impl Digests {
    /// Whether `text` (the page these digests belong to) is what `hash`
    /// was taken of: `None` when `hash` is no SHA-1 or SHA-256 in
    /// hexadecimal, which says nothing either way.
    pub fn made_from(&self, text: &str, hash: &str) -> Option<bool> {
        let hash = hash.trim();
        let digest: &[u8] = match hash.len() {
            40 => self
                .sha1
                .get_or_init(|| crlf_digest::<sha1::Sha1>(text).into()),
            64 => self
                .sha256
                .get_or_init(|| crlf_digest::<sha2::Sha256>(text).into()),
            _ => return None,
        };
        let mut written = [0u8; 32];
        let written = &mut written[..digest.len()];
        for (byte, pair) in written.iter_mut().zip(hash.as_bytes().chunks_exact(2)) {
            let high = (pair[0] as char).to_digit(16)?;
            let low = (pair[1] as char).to_digit(16)?;
            *byte = (high * 16 + low) as u8;
        }
        Some(written == digest)
    }
}

/// The locale a site's translations were made from, told by their hashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundSource {
    pub locale: usize,
    /// How many translations carry the hash of this locale's page of
    /// their group.
    pub translations: usize,
}

/// What tells the source locale, for the reports: "3 translations carry
/// the hash of its pages' text".
pub fn evidence(translations: usize) -> String {
    match translations {
        1 => "1 translation carries the hash of its page's text".to_owned(),
        n => format!("{n} translations carry the hash of its pages' text"),
    }
}

/// The locale whose pages are, byte for byte, the texts the translations'
/// `ms.openlocfilehash` were taken of, for a site that names no source
/// locale: a hash that a page's text gives is certain evidence that the
/// page is the very text translated, so its locale is the source.
///
/// Each translation counts for the locale of each hashless page of its
/// group that it names; the locale most named is the source. `None` when
/// no hash names a page here (the source locale is not part of the site,
/// or every page changed since its hand-off), or when two locales are
/// named as often: a copy of the source kept as a locale of its own
/// leaves the choice to `source` in polydoc.toml.
///
/// Costs a digest of each hashless page in a group with hashed
/// translations, which the checks' [`crate::site::Site::same_source_version`]
/// would work out anyway and finds kept.
pub fn found_source(pages: &[Page], groups: &[Vec<usize>]) -> Option<FoundSource> {
    use rayon::prelude::*;
    let named: Vec<usize> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let hashed = group.iter().filter_map(|&t| {
                let hash = pages[t].source.source_version()?;
                Some((pages[t].locale(), hash))
            });
            hashed.flat_map(move |(from, hash)| {
                group.iter().map(|&p| &pages[p]).filter_map(move |page| {
                    let made_from = page.locale() != from
                        && page.source.source_version().is_none()
                        && page.source.hashes_to(hash) == Some(true);
                    made_from.then(|| page.locale())
                })
            })
        })
        .collect();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for locale in named {
        *counts.entry(locale).or_default() += 1;
    }
    let most = counts.values().copied().max()?;
    let mut top = counts.into_iter().filter(|&(_, n)| n == most);
    match (top.next(), top.next()) {
        (Some((locale, translations)), None) => Some(FoundSource {
            locale,
            translations,
        }),
        _ => None,
    }
}

/// The digest of `text` with every line ending in CRLF, as a Windows
/// checkout writes it: a line ending in LF gets a CR before it, one
/// already ending in CRLF stays as it is, the last line keeps no ending
/// it did not have.
fn crlf_digest<D: Digest>(text: &str) -> sha1::digest::Output<D> {
    let mut hasher = D::new();
    for line in text.as_bytes().split_inclusive(|&b| b == b'\n') {
        match line.strip_suffix(b"\n") {
            Some(body) => {
                hasher.update(body.strip_suffix(b"\r").unwrap_or(body));
                hasher.update(b"\r\n");
            }
            None => hasher.update(line),
        }
    }
    hasher.finalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_taken_over_crlf_line_ends() {
        // `printf 'a\r\nb\r\nc' | sha1sum`, and `sha256sum`: the last line
        // had no ending, and gets none.
        let sha1 = "ee218d56ed3ff1121e975e2bd0d66a8430c5c1d4";
        let sha256 = "d37a6c0b581046eec04a3d815bcd9fadbce89bd21784279deff41836a766d570";
        for text in ["a\nb\nc", "a\r\nb\nc", "a\r\nb\r\nc"] {
            let digests = Digests::default();
            assert_eq!(digests.made_from(text, sha1), Some(true), "{text:?}");
            assert_eq!(digests.made_from(text, sha256), Some(true), "{text:?}");
            // Written in capitals, with the spaces YAML leaves.
            let upper = format!(" {} ", sha1.to_uppercase());
            assert_eq!(digests.made_from(text, &upper), Some(true));
        }
        // The same bytes with LF line ends (`printf 'a\nb\nc' | sha1sum`):
        // the pipeline did not hash them so.
        let lf = "2074e277e1b02db9a891a7242c9a4fe7054117a5";
        assert_eq!(Digests::default().made_from("a\nb\nc", lf), Some(false));
        assert_eq!(Digests::default().made_from("a\nb\nc\n", sha1), Some(false));
        // Another length, or a letter that is no hexadecimal digit.
        assert_eq!(Digests::default().made_from("a", "abc123"), None);
        assert_eq!(Digests::default().made_from("a", &"z".repeat(40)), None);
    }
}
