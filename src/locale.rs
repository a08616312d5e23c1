//! Which locales a site has and where each one's files are.
//!
//! A locale is a folder directly under the content folder whose name is a
//! BCP 47 tag registered with IANA (`es-es`, `it-IT`, `zh-tw`, any case), or
//! an entry of `[locales]` in `polydoc.toml`. Registry validation matters:
//! `media`, `images` and `includes` are *well-formed* tags (5 to 8 letters),
//! and only the registry tells them from a language.

use std::path::{Path, PathBuf};

use language_tags::LanguageTag;

use crate::Fatal;
use crate::config::Config;
use crate::diagnostic::{Finding, Location};

/// One language edition of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    /// Lower-case tag: the output folder name and the key everything else uses.
    pub key: String,
    /// Conventionally cased tag (`es-ES`) for `lang` and `hreflang` attributes.
    pub tag: String,
    /// The primary language subtag (`es`).
    pub language: String,
    /// Absolute folder holding this locale's content.
    pub dir: PathBuf,
    /// Whether its script runs right to left (Arabic, Hebrew, Persian,
    /// Urdu...): pages say `dir="rtl"`, and the theme mirrors.
    pub rtl: bool,
}

impl Locale {
    /// The value of a `dir` attribute for the locale's text.
    pub fn dir(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }

    /// Parses and validates `name` as a locale tag; `None` when it is not one.
    pub fn from_tag(name: &str, dir: PathBuf) -> Option<Locale> {
        let tag = LanguageTag::parse(name).ok()?;
        tag.validate().ok()?;
        // Private-use and grandfathered tags make poor site languages.
        if tag.private_use().is_some() || tag.primary_language().len() > 3 {
            return None;
        }
        Some(Locale {
            key: name.to_ascii_lowercase(),
            tag: conventional_case(name),
            language: tag.primary_language().to_ascii_lowercase(),
            rtl: right_to_left(tag.primary_language(), tag.script()),
            dir,
        })
    }
}

/// Whether text of `language`, in `script` when the tag names one, runs
/// right to left: the script decides (`az-Arab` does, `ku-Latn` does
/// not); without one, the script the language is written in by default
/// (CLDR's likely subtags: `ar`, `he`, `fa`, `ur`, but not `ku` or `pa`).
fn right_to_left(language: &str, script: Option<&str>) -> bool {
    const SCRIPTS: [&str; 11] = [
        "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr", "mend", "yezi",
    ];
    const LANGUAGES: [&str; 19] = [
        "ar", "arc", "azb", "ckb", "dv", "fa", "glk", "he", "iw", "ks", "lrc", "mzn", "pnb", "ps",
        "sd", "syr", "ug", "ur", "yi",
    ];
    match script {
        Some(script) => SCRIPTS.contains(&script.to_ascii_lowercase().as_str()),
        None => LANGUAGES.contains(&language.to_ascii_lowercase().as_str()),
    }
}

/// The locales of the site, sorted with the default locale first, then by
/// key, plus notes on skipped folders.
pub fn discover(config: &Config) -> Result<(Vec<Locale>, Vec<Finding>), Fatal> {
    let mut notes = Vec::new();
    let mut locales = match &config.locales {
        Some(map) => from_config(map)?,
        None => from_content_folder(config, &mut notes)?,
    };
    locales.sort_by(|a, b| a.key.cmp(&b.key));
    if let Some(pos) = locales.windows(2).position(|w| w[0].key == w[1].key) {
        return Err(Fatal::new(format!(
            "two folders are the same locale `{}`: {} and {}; keep one",
            locales[pos].key,
            locales[pos].dir.display(),
            locales[pos + 1].dir.display()
        )));
    }
    let default = default_locale(config, &locales)?;
    if let Some(i) = locales.iter().position(|l| l.key == default) {
        let first = locales.remove(i);
        locales.insert(0, first);
    }
    Ok((locales, notes))
}

fn from_config(map: &std::collections::BTreeMap<String, PathBuf>) -> Result<Vec<Locale>, Fatal> {
    let mut out = Vec::new();
    for (name, dir) in map {
        let locale = Locale::from_tag(name, dir.clone()).ok_or_else(|| not_a_tag(name))?;
        if !dir.is_dir() {
            return Err(Fatal::new(format!(
                "polydoc.toml: the folder of locale `{name}`, {}, does not exist",
                dir.display()
            )));
        }
        out.push(locale);
    }
    if out.is_empty() {
        return Err(Fatal::new(
            "polydoc.toml: [locales] is empty; name at least one locale folder",
        ));
    }
    Ok(out)
}

/// A `[locales]` entry that is no language tag. Most often it is a
/// top-level key written below the `[locales]` header, where TOML makes it
/// part of that table (`source = "en-us"` after `en-us = "..."`).
fn not_a_tag(name: &str) -> Fatal {
    let fix = if crate::config::TOP_LEVEL_KEYS.contains(&name) {
        crate::config::misplaced_key(name, "`[locales]`")
    } else {
        String::new()
    };
    Fatal::new(format!(
        "polydoc.toml: `{name}` in [locales] is not a BCP 47 language tag (expected e.g. `es-es` or `zh-tw`){fix}"
    ))
}

fn from_content_folder(config: &Config, notes: &mut Vec<Finding>) -> Result<Vec<Locale>, Fatal> {
    let content = &config.content;
    let entries = std::fs::read_dir(content).map_err(|e| {
        Fatal::new(format!(
            "no content folder at {} ({e}); expected a folder with one subfolder per locale, e.g. content/en-us/{}",
            content.display(),
            one_locale_hint(config, &config.root)
        ))
    })?;
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        match Locale::from_tag(&name, path.clone()) {
            Some(locale) if path.is_dir() => out.push(locale),
            _ => {
                // `es_es`, as some tools name locales, is a tag with `-`.
                let meant = path
                    .is_dir()
                    .then(|| name.replace('_', "-"))
                    .filter(|tag| *tag != name && Locale::from_tag(tag, path.clone()).is_some());
                // `docs-desktop.it-it`: a clone of a localized repository,
                // named as Microsoft names them (some `Docs_zh-TW`).
                let fork = path
                    .is_dir()
                    .then(|| name.rsplit_once(['.', '_']))
                    .flatten()
                    .map(|(_, tag)| tag)
                    .filter(|tag| {
                        tag.contains('-') && Locale::from_tag(tag, path.clone()).is_some()
                    });
                let help = match (meant, fork) {
                    (Some(tag), _) => format!("if it holds the `{tag}` pages, rename it `{tag}`"),
                    (None, Some(tag)) => format!(
                        "if it is a copy of the `{tag}` localized repository, name it in polydoc.toml: `{} = \"{}\"` under `[locales]`, beside every other locale (`[locales]` replaces looking for locale folders)",
                        tag.to_ascii_lowercase(),
                        config.display_path(&path).display()
                    ),
                    (None, None) => "keep only locale folders in the content folder, or turn this note off: `not-a-locale = \"off\"` under `[rules]` in polydoc.toml".to_owned(),
                };
                notes.push(
                    Finding::note("not-a-locale", Location::file(config.display_path(&path)), format!(
                        "skipped `{name}`: only folders named by a language tag (e.g. `es-es`) are locales"
                    ))
                    .with_help(help),
                )
            }
        }
    }
    if out.is_empty() {
        return Err(Fatal::new(format!(
            "no locale folders in {}; expected subfolders named by language tag, e.g. {}/en-us/{}",
            content.display(),
            content.display(),
            one_locale_hint(config, content)
        )));
    }
    notes.sort_by(|a, b| a.location.file.cmp(&b.location.file));
    Ok(out)
}

/// For a folder that holds pages itself (a DocFX project, one language's
/// docs) where locale folders were expected: how to build it as one
/// locale, on the same line; empty for any other folder.
fn one_locale_hint(config: &Config, dir: &Path) -> String {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return String::new();
    };
    let holds_pages = entries.flatten().any(|e| {
        let name = e.file_name().to_string_lossy().to_ascii_lowercase();
        name == "docfx.json" || name.ends_with(".md")
    });
    if !holds_pages {
        return String::new();
    }
    let path = match dir.strip_prefix(&config.root) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".to_owned(),
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => dir.to_string_lossy().into_owned(),
    };
    format!(
        "; to build the pages in {} as one locale, name it in polydoc.toml under [locales], with the pages' language tag: `en-us = {path:?}`",
        dir.display()
    )
}

/// The configured default, else English when present, else the first locale.
fn default_locale(config: &Config, locales: &[Locale]) -> Result<String, Fatal> {
    if let Some(want) = &config.default_locale {
        let want = want.to_ascii_lowercase();
        return match locales.iter().find(|l| l.key == want) {
            Some(l) => Ok(l.key.clone()),
            None => Err(Fatal::new(format!(
                "polydoc.toml: default_locale `{want}` is not one of the site's locales ({})",
                keys(locales)
            ))),
        };
    }
    let english = ["en-us", "en"]
        .iter()
        .find_map(|k| locales.iter().find(|l| l.key == *k));
    Ok(english
        .or(locales.first())
        .map(|l| l.key.clone())
        .unwrap_or_default())
}

/// The locales' tags, `es-es, it-it`, for messages that list them.
pub fn keys(locales: &[Locale]) -> String {
    locales
        .iter()
        .map(|l| l.key.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `es-es` -> `es-ES`, `zh-hant-tw` -> `zh-Hant-TW`: the case conventions of
/// BCP 47 (language lower, script title, region upper).
pub fn conventional_case(tag: &str) -> String {
    tag.split('-')
        .enumerate()
        .map(|(i, part)| match part.len() {
            _ if i == 0 => part.to_ascii_lowercase(),
            2 => part.to_ascii_uppercase(),
            4 => {
                let lower = part.to_ascii_lowercase();
                lower[..1].to_ascii_uppercase() + &lower[1..]
            }
            _ => part.to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_languages_that_run_right_to_left() {
        let rtl = |name: &str| Locale::from_tag(name, PathBuf::new()).map(|l| l.rtl);
        for name in [
            "ar-sa",
            "he-IL",
            "fa-ir",
            "ur-pk",
            "az-Arab",
            "pa-Arab-PK",
            "AR",
        ] {
            assert_eq!(rtl(name), Some(true), "{name}");
        }
        for name in [
            "en-us",
            "ku-tr",
            "pa-in",
            "ku-Latn",
            "uz-Cyrl",
            "zh-Hant-TW",
            "ar-Latn",
        ] {
            assert_eq!(rtl(name), Some(false), "{name}");
        }
    }

    #[test]
    fn accepts_registered_tags_in_any_case() {
        for name in ["es-es", "it-IT", "zh-tw", "EN", "pt-br", "zh-Hant-TW"] {
            assert!(Locale::from_tag(name, PathBuf::new()).is_some(), "{name}");
        }
    }

    #[test]
    fn rejects_folders_that_are_only_well_formed() {
        for name in [
            "media", "images", "includes", "x-foo", "es_es", "toc.yml", "",
        ] {
            assert!(Locale::from_tag(name, PathBuf::new()).is_none(), "{name}");
        }
    }

    #[test]
    fn a_top_level_key_below_locales_is_told_where_it_belongs() {
        let source = not_a_tag("source").to_string();
        assert!(
            source.ends_with("; `source` is a top-level key: move it above `[locales]` (in TOML, every key after a `[table]` header belongs to that table)"),
            "{source}"
        );
        let other = not_a_tag("english").to_string();
        assert!(
            other.ends_with("(expected e.g. `es-es` or `zh-tw`)"),
            "{other}"
        );
    }

    #[test]
    fn conventional_case_follows_bcp47() {
        assert_eq!(conventional_case("es-es"), "es-ES");
        assert_eq!(conventional_case("ZH-HANT-tw"), "zh-Hant-TW");
        assert_eq!(conventional_case("es-419"), "es-419");
    }
}
