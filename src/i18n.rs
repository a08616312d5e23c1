//! UI strings of the theme (alert titles, "In this article", language
//! names), one TOML file per language.
//!
//! The defaults are embedded; a site's own `i18n/<tag>.toml` adds
//! languages or replaces strings key by key. A locale `pt-br` reads
//! `en`, then `pt`, then `pt-br`, each overriding the one before, so a
//! missing translation falls back to English rather than to nothing.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::Fatal;
use crate::locale::Locale;
use crate::markdown::AlertTitles;
use crate::markdown::quotes::CustomAlert;

const EMBEDDED: &[(&str, &str)] = &[
    ("en", include_str!("../i18n/en.toml")),
    ("es", include_str!("../i18n/es.toml")),
    ("it", include_str!("../i18n/it.toml")),
    ("fr", include_str!("../i18n/fr.toml")),
    ("de", include_str!("../i18n/de.toml")),
    ("pt", include_str!("../i18n/pt.toml")),
    ("ja", include_str!("../i18n/ja.toml")),
    ("ko", include_str!("../i18n/ko.toml")),
    ("ru", include_str!("../i18n/ru.toml")),
    ("zh", include_str!("../i18n/zh.toml")),
    ("zh-tw", include_str!("../i18n/zh-tw.toml")),
    ("ar", include_str!("../i18n/ar.toml")),
    ("he", include_str!("../i18n/he.toml")),
];

pub type Strings = BTreeMap<String, String>;

/// All string files, by lower-case tag.
pub struct Catalog {
    files: HashMap<String, Strings>,
}

impl Catalog {
    /// The embedded files, overlaid with `<root>/i18n/*.toml` when present.
    pub fn load(root: &Path) -> Result<Catalog, Fatal> {
        let mut files: HashMap<String, Strings> = HashMap::new();
        for (tag, text) in EMBEDDED {
            files.insert((*tag).to_owned(), parse(Path::new(tag), text)?);
        }
        let dir = root.join("i18n");
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                if path.extension().is_none_or(|e| e != "toml") {
                    continue;
                }
                let Some(tag) = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_ascii_lowercase())
                else {
                    continue;
                };
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| Fatal::new(format!("cannot read {}: {e}", path.display())))?;
                files.entry(tag).or_default().extend(parse(&path, &text)?);
            }
        }
        Ok(Catalog { files })
    }

    /// The strings for `locale`, English where the locale has none.
    pub fn strings(&self, locale: &Locale) -> Strings {
        let mut out = Strings::new();
        let language = current_code(&locale.language);
        for key in [
            "en",
            language,
            locale.language.as_str(),
            locale.key.as_str(),
        ] {
            if let Some(file) = self.files.get(key) {
                out.extend(file.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
        if ![language, &locale.language, &locale.key]
            .iter()
            .any(|k| self.files.contains_key(*k))
        {
            // Better the tag than "English" as the name of an unknown language.
            out.insert("language_name".into(), locale.tag.clone());
        }
        out
    }
}

/// The code ISO 639 now gives a language whose old code a locale may
/// still carry (Java and older systems write `iw-IL` for Hebrew).
fn current_code(language: &str) -> &str {
    match language {
        "iw" => "he",
        "in" => "id",
        "ji" => "yi",
        other => other,
    }
}

fn parse(path: &Path, text: &str) -> Result<Strings, Fatal> {
    toml::from_str(text).map_err(|e| {
        Fatal::new(format!(
            "{}: invalid UI strings: {}",
            path.display(),
            e.message()
        ))
    })
}

/// The alert titles out of a locale's strings, with the site's own
/// keywords (`[alerts]` in `polydoc.toml`): a keyword's title is the
/// string `alert_<keyword>` when the locale has one, else the keyword
/// capitalised (`TODO` -> `Todo`).
pub fn alert_titles(strings: &Strings, custom: &BTreeMap<String, String>) -> AlertTitles {
    let get = |k: &str, d: String| strings.get(k).cloned().unwrap_or(d);
    let d = AlertTitles::default();
    AlertTitles {
        note: get("note", d.note),
        tip: get("tip", d.tip),
        important: get("important", d.important),
        caution: get("caution", d.caution),
        warning: get("warning", d.warning),
        custom: custom
            .iter()
            .map(|(keyword, class)| {
                let lower = keyword.to_lowercase();
                let mut chars = lower.chars();
                let capitalised = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                CustomAlert {
                    keyword: keyword.to_uppercase(),
                    class: class.clone(),
                    title: get(&format!("alert_{lower}"), capitalised),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(tag: &str) -> Locale {
        Locale::from_tag(tag, Default::default()).unwrap()
    }

    #[test]
    fn every_embedded_file_has_every_english_key() {
        let catalog = Catalog::load(Path::new("/nonexistent")).unwrap();
        let english: Vec<_> = catalog.files["en"].keys().collect();
        for (tag, file) in &catalog.files {
            assert_eq!(file.keys().collect::<Vec<_>>(), english, "{tag}");
        }
    }

    #[test]
    fn falls_back_from_region_to_language_to_english() {
        let catalog = Catalog::load(Path::new("/nonexistent")).unwrap();
        assert_eq!(catalog.strings(&locale("es-mx"))["note"], "Nota");
        assert_eq!(catalog.strings(&locale("zh-tw"))["home"], "首頁");
        assert_eq!(catalog.strings(&locale("zh-cn"))["home"], "主页");
        let swahili = catalog.strings(&locale("sw-ke"));
        assert_eq!(swahili["note"], "Note");
        assert_eq!(swahili["language_name"], "sw-KE");
    }

    #[test]
    fn an_old_language_code_reads_the_current_ones_file() {
        let catalog = Catalog::load(Path::new("/nonexistent")).unwrap();
        let hebrew = catalog.strings(&locale("iw-il"));
        assert_eq!(
            hebrew["language_name"],
            catalog.strings(&locale("he-il"))["language_name"]
        );
        assert_ne!(hebrew["language_name"], "iw-IL");
    }
}
