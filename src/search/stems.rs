//! Word families: the words of a locale that share a stem, so that a
//! search for `claves` also finds the pages that say `clave`, and
//! `activar` those that say `activación`.
//!
//! Stems come from Snowball's stemmers (rust-stemmers, the crate tantivy
//! uses), one per language, applied at build time to each distinct word
//! of the locale, never in the browser: the index maps every word of a
//! family to the family's postings, so the query side needs no stemmer
//! (`static/search.js` follows the reference). The price is that a query
//! word the locale never uses finds nothing but the longer words it
//! starts, as before.
//!
//! Only words of letters are stemmed. A code such as `0x8007232A` must
//! not lose its last letter as a Spanish vowel ending and join
//! `0x8007232E`; numbers, codes and Chinese or Japanese pairs stay terms
//! of their own.

use rust_stemmers::{Algorithm, Stemmer};

use super::terms;

/// The stemmer for a primary language subtag, if Snowball has one.
pub fn stemmer(language: &str) -> Option<Stemmer> {
    let algorithm = match language {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "en" => Algorithm::English,
        "es" => Algorithm::Spanish,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "nl" => Algorithm::Dutch,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// The folded stem of a lowered word (accents kept, as Snowball needs
/// them), or `None` when the word is not stemmed: it holds a digit or a
/// character of no alphabet, or the stemmer gave nothing.
pub fn stem(stemmer: &Stemmer, word: &str) -> Option<String> {
    if !word.chars().all(|c| c.is_alphabetic() && !terms::is_cjk(c)) {
        return None;
    }
    // The generated stemmers index into the word as they go: a panic on
    // some odd word must cost that word its family, not the build.
    let stem = std::panic::catch_unwind(|| stemmer.stem(word).into_owned()).ok()?;
    let folded = terms::fold_word(&stem).into_owned();
    (!folded.is_empty()).then_some(folded)
}

#[cfg(test)]
mod tests {
    use super::{stem, stemmer};

    fn stems(language: &str, words: &[&str]) -> Vec<Option<String>> {
        let Some(stemmer) = stemmer(language) else {
            return vec![None; words.len()];
        };
        words.iter().map(|w| stem(&stemmer, w)).collect()
    }

    #[test]
    fn forms_of_a_word_share_a_stem_in_its_language() {
        let activ = Some("activ".to_owned());
        assert_eq!(
            stems("es", &["activación", "activar", "activado"]),
            [activ.clone(), activ.clone(), activ]
        );
        // Accents fold after stemming: `solución` and `soluciones` meet.
        assert_eq!(
            stems("es", &["solución", "soluciones"]),
            [Some("solucion".to_owned()), Some("solucion".to_owned())]
        );
        let attiv = Some("attiv".to_owned());
        assert_eq!(
            stems("it", &["attivazione", "attivare", "attività"]),
            [attiv.clone(), attiv.clone(), attiv]
        );
    }

    #[test]
    fn codes_numbers_and_unknown_languages_are_not_stemmed() {
        assert_eq!(
            stems("es", &["0x8007232a", "0x8007232e", "2012", "激活"]),
            [None, None, None, None]
        );
        assert_eq!(stems("ja", &["windows"]), [None]);
        assert_eq!(stems("xx", &["claves"]), [None]);
    }
}
