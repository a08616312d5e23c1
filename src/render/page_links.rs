//! How a page's body reaches the rest of the site while it is rendered:
//! links rebased when they were written in an included file or from the
//! locale root (`~/`), files the translation lacks taken from the source
//! locale, includes rendered in place, code files, and uids (the site's
//! pages', then other sites' from their xref maps).

use std::sync::Arc;

use crate::markdown::links::{is_absolute, rewrite, split_target, strip_md};
use crate::markdown::{Included, RenderContext, SiteLinks, Xref, render_body};
use crate::site::Site;

use super::urls::relative;

/// The site as seen from one page being rendered.
pub struct PageLinks<'a> {
    pub site: &'a Site,
    pub locale: usize,
    /// The page's path below its locale folder.
    pub page_file: &'a str,
    /// The page's output path.
    pub page_out: &'a str,
    /// The zone pivot groups file the page names
    /// ([`Site::pivot_file`]), whose titles label its zones.
    pub pivot_file: Option<&'a str>,
    /// Every version of the site, for the blocks of the version picker.
    pub versions: &'a super::versions::SiteVersions,
}

impl SiteLinks for PageLinks<'_> {
    fn href(&self, file: &str, target: &str) -> Option<String> {
        let target = target.trim();
        if let Some(link) = self
            .site
            .targets
            .site_path_link(self.locale, self.page_file, target)
        {
            return self.href(file, &link);
        }
        if target.starts_with('/') {
            return self.site.targets.published().url(target);
        }
        if target.is_empty() || is_absolute(target) || target.starts_with('#') {
            return None;
        }
        let moved = file != self.page_file || target.starts_with("~/");
        let (written, rest) = split_target(target);
        match self.site.find_file(self.locale, file, target) {
            // A landing page: `index.yml` is built as `index.html`.
            Some((_, _, Some(page))) if self.site.pages[page].source.landing => Some(format!(
                "{}{rest}",
                relative(self.page_out, &self.site.pages[page].out_path)
            )),
            // A file the translation lacks, taken from the source locale.
            Some((l, path, _)) if l != self.locale || moved => Some(self.out_href(l, &path, rest)),
            // A folder: its index page, named, as `file://` shows no index.
            Some((l, path, Some(_))) if strip_md(written).is_none() => {
                Some(self.out_href(l, &path, rest))
            }
            // Missing everywhere: keep pointing where the author meant.
            None if moved => {
                let located = self.site.targets.locate(self.locale, file, target)?;
                Some(self.out_href(self.locale, &located, rest))
            }
            _ => None,
        }
    }

    fn include(&self, file: &str, target: &str, cx: &RenderContext) -> Option<Included> {
        let page = self.site.find_page(self.locale, file, target)?;
        let included = &self.site.pages[page];
        let path = included.source.rel_path.as_str();
        if path == file || cx.chain.contains(&path) {
            // A cycle: `check` reports it as `circular-reference`.
            return None;
        }
        let mut chain = cx.chain.to_vec();
        chain.push(file);
        let inner = RenderContext {
            titles: cx.titles,
            highlighter: cx.highlighter,
            site: self,
            file: path,
            chain: &chain,
            section_link: cx.section_link,
            applies_to: cx.applies_to,
            languages: cx.languages,
        };
        let html = render_body(
            &included.source.text,
            included.source.body_start,
            &included.doc,
            &inner,
        );
        let locale = &self.site.locales[included.locale()];
        Some(Included {
            html,
            lang: (included.locale() != self.locale).then(|| (locale.tag.clone(), locale.dir())),
        })
    }

    fn snippet(&self, file: &str, path: &str) -> Option<Arc<str>> {
        self.site.snippet(self.locale, file, path)
    }

    fn moniker_versions(&self, range: &str) -> Option<&str> {
        self.versions.block(range)
    }

    fn pivot_title(&self, id: &str) -> Option<String> {
        self.site
            .pivots
            .pivot_title(self.locale, self.pivot_file, id)
            .map(str::to_owned)
    }

    fn xref(&self, uid: &str, property: Option<&str>) -> Option<Xref> {
        if let Some(page) = self.site.uid(self.locale, uid) {
            let page = &self.site.pages[page];
            let href = relative(self.page_out, &page.out_path);
            // An API item shows its name and lands on its heading.
            return Some(match self.site.api_item(self.locale, uid) {
                Some(item) => Xref {
                    href: Some(match item.id.as_str() {
                        "" => href,
                        id => format!("{href}#{id}"),
                    }),
                    title: item.spec.shown(uid, property).to_owned(),
                },
                None => Xref {
                    href: Some(href),
                    title: page.title.clone(),
                },
            });
        }
        let spec = self.site.map_uid(uid)?;
        Some(Xref {
            href: spec.href.clone(),
            title: spec.shown(uid, property).to_owned(),
        })
    }
}

impl PageLinks<'_> {
    /// The href from this page to `path` of locale `l`, `.md` as `.html`,
    /// with the query and fragment `rest` kept.
    fn out_href(&self, l: usize, path: &str, rest: &str) -> String {
        let out = format!("{}/{path}", self.site.locales[l].key);
        let href = relative(self.page_out, &out);
        let href = rewrite(&href).unwrap_or(href);
        format!("{href}{rest}")
    }
}
