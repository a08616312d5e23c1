//! DocFX's application metadata: the keys a DocFX site sets in its
//! `docfx.json`'s `globalMetadata` (or a page's front matter) for its
//! templates, read the way DocFX's own templates read them, so that a
//! knowledge base moving from DocFX keeps its name, logo and footer
//! without a theme of its own.
//!
//! - `_appName` (the name in the header), `_appTitle` (after the page
//!   title in `<title>`): each stands in for the other, as `docfx init`
//!   writes both alike. `title` in `polydoc.toml` wins over both: it is
//!   the setting written for polydoc.
//! - `_appFooter`: HTML under every page, as DocFX writes it unescaped.
//! - `_appLogoPath`, `_appFaviconPath`: paths from DocFX's site root, the
//!   folder of the `docfx.json` (or addresses), made relative to the page.
//! - `_disableToc`, `_disableAffix`, `_disableBreadcrumb`,
//!   `_disableContribution`: per page, no navigation, no "In this
//!   article", no breadcrumbs, no "Edit this page"; `_layout: landing`
//!   (`docfx init`'s home page) has neither navigation nor "In this
//!   article", as DocFX's landing layout.
//! - `_gitContribute`, `_gitUrlPattern`: where "Edit this page" leads
//!   ([`crate::edit_links`]).
//!
//! Pages polydoc makes itself (a locale's 404 and page list, redirects,
//! the language chooser) take the name, logo and footer of their locale's
//! home page, the flags of none.

use serde::Serialize;
use serde_yaml::{Mapping, Value};

use super::urls::relative;
use crate::markdown::links::is_absolute;

/// What the templates see as `app`.
#[derive(Debug, Clone, Serialize)]
pub(super) struct App {
    /// The site's name, for the header.
    pub(super) name: String,
    /// What follows the page title in `<title>`.
    pub(super) title: String,
    /// HTML, as the site wrote it.
    pub(super) footer: Option<String>,
    /// Hrefs relative to the page, or addresses.
    pub(super) logo: Option<String>,
    pub(super) favicon: Option<String>,
}

/// The flags of one page (all off for the pages polydoc makes).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Flags {
    pub(super) no_nav: bool,
    pub(super) no_affix: bool,
    pub(super) no_breadcrumbs: bool,
    pub(super) no_edit_link: bool,
}

/// Where the metadata came from: its values, and the page's place.
pub(super) struct Origin<'a> {
    pub(super) meta: &'a Mapping,
    /// The locale's output folder (`en-us`).
    pub(super) locale_key: &'a str,
    /// The folder of the page's `docfx.json` below the locale folder
    /// (empty, or ending in `/`).
    pub(super) project_dir: &'a str,
}

impl App {
    /// The application values for a page written at `out_path`: from
    /// `origin` when there is one, `configured` being `polydoc.toml`'s
    /// `title`.
    pub(super) fn of(origin: Option<&Origin>, configured: Option<&str>, out_path: &str) -> App {
        let text = |key: &str| {
            origin
                .and_then(|o| o.meta.get(key))
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let path = |key: &str| {
            let (value, origin) = (text(key)?, origin?);
            Some(if is_absolute(value) || value.starts_with('/') {
                value.to_owned()
            } else {
                let value = value.trim_start_matches("./").trim_start_matches("~/");
                let target = format!("{}/{}{value}", origin.locale_key, origin.project_dir);
                relative(out_path, &target)
            })
        };
        let (name, title) = (text("_appName"), text("_appTitle"));
        let fallback = configured.unwrap_or(crate::config::DEFAULT_TITLE);
        App {
            name: configured.or(name).or(title).unwrap_or(fallback).to_owned(),
            title: configured.or(title).or(name).unwrap_or(fallback).to_owned(),
            footer: text("_appFooter").map(str::to_owned),
            logo: path("_appLogoPath"),
            favicon: path("_appFaviconPath"),
        }
    }
}

impl Flags {
    /// A page's flags from its metadata (front matter over `docfx.json`).
    pub(super) fn of(meta: &Mapping) -> Flags {
        let on = |key: &str| match meta.get(key) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
            _ => false,
        };
        let landing = meta
            .get("_layout")
            .and_then(Value::as_str)
            .is_some_and(|l| l.trim().eq_ignore_ascii_case("landing"));
        Flags {
            no_nav: on("_disableToc") || landing,
            no_affix: on("_disableAffix") || landing,
            no_breadcrumbs: on("_disableBreadcrumb"),
            no_edit_link: on("_disableContribution"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(yaml: &str) -> Mapping {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn names_stand_in_for_each_other_and_polydoc_toml_wins() {
        let both = meta("_appName: Short\n_appTitle: Contoso Knowledge Base\n");
        let origin = Origin {
            meta: &both,
            locale_key: "en-us",
            project_dir: "",
        };
        let app = App::of(Some(&origin), None, "en-us/a.html");
        assert_eq!(
            (&*app.name, &*app.title),
            ("Short", "Contoso Knowledge Base")
        );
        let only = meta("_appTitle: KB\n");
        let origin = Origin {
            meta: &only,
            ..origin
        };
        let app = App::of(Some(&origin), None, "en-us/a.html");
        assert_eq!((&*app.name, &*app.title), ("KB", "KB"));
        let app = App::of(Some(&origin), Some("Team KB"), "en-us/a.html");
        assert_eq!((&*app.name, &*app.title), ("Team KB", "Team KB"));
        let app = App::of(None, None, "index.html");
        assert_eq!(app.name, crate::config::DEFAULT_TITLE);
    }

    #[test]
    fn paths_start_at_the_docfx_project_folder() {
        let values = meta(
            "_appLogoPath: images/logo.svg\n_appFaviconPath: https://cdn.example.com/f.ico\n_appFooter: '<b>Contoso</b>'\n",
        );
        let origin = Origin {
            meta: &values,
            locale_key: "de-de",
            project_dir: "docs/",
        };
        let app = App::of(Some(&origin), None, "de-de/docs/area/page.html");
        assert_eq!(app.logo.as_deref(), Some("../images/logo.svg"));
        assert_eq!(
            app.favicon.as_deref(),
            Some("https://cdn.example.com/f.ico")
        );
        assert_eq!(app.footer.as_deref(), Some("<b>Contoso</b>"));
        let app = App::of(Some(&origin), None, "de-de/404.html");
        assert_eq!(app.logo.as_deref(), Some("docs/images/logo.svg"));
    }

    #[test]
    fn flags_read_booleans_strings_and_the_landing_layout() {
        assert_eq!(Flags::of(&meta("title: x\n")), Flags::default());
        let flags = Flags::of(&meta(
            "_disableToc: true\n_disableAffix: 'True'\n_disableBreadcrumb: false\n_disableContribution: yes\n",
        ));
        assert_eq!(
            flags,
            Flags {
                no_nav: true,
                no_affix: true,
                no_breadcrumbs: false,
                no_edit_link: false,
            }
        );
        let landing = Flags::of(&meta("_layout: landing\n"));
        assert!(landing.no_nav && landing.no_affix && !landing.no_breadcrumbs);
    }
}
