//! What templates see: the theme's contract (README "Themes"). Plain
//! data, serialised into each page's Tera context by the [`super::Renderer`].

use serde::Serialize;

use super::toc_nav;
use crate::i18n::Strings;

/// What every template sees.
#[derive(Serialize)]
pub(super) struct Common<'a> {
    pub(super) site: SiteInfo<'a>,
    /// DocFX's application metadata for this page ([`super::app`]).
    pub(super) app: super::app::App,
    pub(super) lang: &'a str,
    /// `rtl` or `ltr`: the direction of the page's language, for
    /// `<html dir>` (the default theme mirrors for `rtl`).
    pub(super) dir: &'static str,
    pub(super) ui: &'a Strings,
    /// Relative prefix from this page to the output root (`../../`).
    pub(super) root: String,
    pub(super) home_href: String,
    pub(super) translations: Vec<Translation>,
    pub(super) alternates: Vec<Alternate>,
    /// The article's own address, for `<link rel="canonical">`, which
    /// search engines want beside hreflang alternates: only with
    /// `base_url` (a relative one means nothing to them), and not for
    /// the pages polydoc makes.
    pub(super) canonical: Option<String>,
    /// The navigation list, already HTML: see [`super::nav_html`] for why.
    pub(super) nav_html: String,
    /// Whether the page shows it (not with DocFX's `_disableToc`). A
    /// flag of its own: Tera copies a value to test it, and testing
    /// `nav_html` cost a build 4% of its instructions.
    pub(super) show_nav: bool,
    /// From the table of contents down to the page (empty without one).
    pub(super) breadcrumbs: Vec<toc_nav::Crumb>,
    /// Relative path to the locale's search index folder; `None` when
    /// search is off.
    pub(super) search: Option<String>,
}

#[derive(Serialize)]
pub(super) struct SiteInfo<'a> {
    pub(super) title: &'a str,
    pub(super) base_url: Option<&'a str>,
}

#[derive(Serialize)]
pub(super) struct Translation {
    pub(super) tag: String,
    pub(super) dir: &'static str,
    pub(super) name: String,
    pub(super) href: String,
    pub(super) current: bool,
    /// Whether that page carries the outdated notice ([`super::outdated`]):
    /// the menu says so before the reader goes there.
    pub(super) outdated: bool,
}

#[derive(Serialize)]
pub(super) struct Alternate {
    pub(super) hreflang: String,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct PageInfo<'a> {
    pub(super) title: &'a str,
    /// Character references decoded, as the title's are.
    pub(super) description: Option<std::borrow::Cow<'a, str>>,
    /// `ROBOTS` from the front matter (`NOINDEX, NOFOLLOW`), for a robots
    /// meta tag.
    pub(super) robots: Option<&'a str>,
    /// The whole front matter, dotted keys included: `page.meta["ms.date"]`.
    pub(super) meta: std::borrow::Cow<'a, serde_yaml::Mapping>,
    pub(super) toc: Vec<TocEntry<'a>>,
    /// The zone pivot groups the page names (`zone_pivot_groups`), for
    /// the pickers: `page.pivot_groups[i].prompt`, `.pivots[j].id`/`.title`.
    pub(super) pivot_groups: Vec<&'a crate::pivots::Group>,
    /// The version picker of a page with moniker blocks
    /// ([`super::versions`]): `page.versions.products[i].name`,
    /// `.versions[j]`, `page.versions.default` and `page.versions.names`.
    pub(super) versions: Option<super::versions::Picker<'a>>,
    /// The previous and next page in reading order
    /// ([`super::reading_order`]): `page.prev.href`, `.title`.
    pub(super) prev: Option<Neighbour<'a>>,
    pub(super) next: Option<Neighbour<'a>>,
    /// When the article was last updated, as `YYYY-MM-DD`: its `ms.date`
    /// (`9/18/2019`, the US order Microsoft's repositories write) or `date`.
    pub(super) updated: Option<String>,
    /// Where the page's source file is edited (`[edit]` in polydoc.toml).
    pub(super) edit_url: Option<String>,
    /// A newer version of this translation, when it was made from an
    /// older source version ([`super::outdated`]).
    pub(super) outdated: Option<Outdated<'a>>,
    pub(super) body: &'a str,
    pub(super) locale: &'a str,
    pub(super) path: &'a str,
}

/// A page "Previous" or "Next" leads to.
#[derive(Serialize)]
pub(super) struct Neighbour<'a> {
    pub(super) href: String,
    pub(super) title: &'a str,
}

/// Where the reader of an outdated translation finds a newer version:
/// `page.outdated.href` (relative), `.lang` (its language tag) and
/// `.name` (its language's name, in that language).
#[derive(Serialize)]
pub(super) struct Outdated<'a> {
    pub(super) href: String,
    pub(super) lang: &'a str,
    pub(super) dir: &'static str,
    pub(super) name: &'a str,
}

/// A page that moved (`redirect_url`), as `redirect.html` sees it:
/// `redirect.href`, relative like every link of the site, and
/// `redirect.title`, the page's own.
#[derive(Serialize)]
pub(super) struct Redirect<'a> {
    pub(super) href: &'a str,
    pub(super) title: &'a str,
    /// `href` as a full address with `base_url` (`<link rel="canonical">`
    /// wants one), else `href`.
    pub(super) canonical: String,
}

/// A heading of the page's "In this article" list, as templates see it
/// (`page.toc`: level, id, explicit, text, offset).
#[derive(Serialize)]
pub(super) struct TocEntry<'a> {
    pub(super) level: u8,
    pub(super) id: &'a str,
    pub(super) explicit: bool,
    pub(super) text: &'a str,
    pub(super) offset: usize,
}

impl<'a> TocEntry<'a> {
    pub(super) fn of(
        headings: &'a crate::markdown::Headings,
        h: &crate::markdown::Heading,
    ) -> TocEntry<'a> {
        TocEntry {
            level: h.level,
            id: headings.id(h),
            explicit: h.explicit,
            text: headings.text(h),
            offset: h.offset,
        }
    }
}

#[derive(Serialize)]
pub(super) struct ListEntry {
    pub(super) title: String,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct LocaleEntry<'a> {
    pub(super) tag: &'a str,
    pub(super) dir: &'static str,
    pub(super) name: &'a str,
    /// The title of the locale's home page, else the site title.
    pub(super) title: &'a str,
    pub(super) href: String,
}

/// A front matter date ([`crate::frontmatter::date`]) as `YYYY-MM-DD`.
pub(super) fn iso_date(value: &str) -> Option<String> {
    let (year, month, day) = crate::frontmatter::date(value)?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}
