//! polydoc: a static documentation site generator for DocFX-flavoured
//! Markdown kept in several languages.
//!
//! The crate is a pipeline of stages with one job each; data flows one way
//! and plain data types pass between them:
//!
//! | stage | module | produces |
//! |---|---|---|
//! | configure | [`config`], [`locale`] | where everything is, which locales exist |
//! | load | [`load`], [`frontmatter`], [`docfx_json`] | [`load::Source`]: text and front matter of each file, read once, in parallel, over the metadata of its `docfx.json` |
//! | parse | [`markdown`], [`landing`] | [`markdown::Document`]: headings and ids, directives, facts, with source offsets (the body HTML is made at render); for a DocFX landing page, its links in the YAML |
//! | resolve | [`site`], [`nav`], [`toc`], [`pivots`], [`redirections`], [`published`], [`xref_map`] | [`site::Site`]: translation groups, navigation, zone pivot groups, moved articles, which site paths are pages of the copy, other sites' uids, read-only indexes |
//! | check | [`check`] | [`diagnostic::Finding`]s: rules as pure functions of the site |
//! | select | [`baseline`], [`selected`] | the findings a run shows: not in the baseline, in the files named |
//! | render | [`render`], [`theme`], [`i18n`], [`edit_links`], [`monikers`] | HTML files through Tera; a version picker from the moniker blocks' ranges |
//! | search | [`search`] | the per-locale search index, filled by render's threads from each body |
//! | write | [`output`] | the output folder, replaced atomically |
//!
//! [`build::build`] runs them in order. The binary is a thin shell over it.

pub mod aliases;
pub mod align;
pub mod baseline;
pub mod build;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod docfx_json;
pub mod drift;
pub mod edit_links;
pub mod fix;
pub mod frontmatter;
pub mod i18n;
pub mod landing;
pub mod load;
pub mod loc_hash;
pub mod locale;
pub mod markdown;
pub mod marks;
pub mod monikers;
pub mod nav;
pub mod output;
pub mod pivots;
pub mod progress;
pub mod publish_config;
pub mod published;
pub mod redirections;
pub mod render;
pub mod report;
pub mod search;
pub mod selected;
pub mod serve;
pub mod site;
pub mod theme;
pub mod timings;
pub mod toc;
pub mod xref_map;

/// An error that stops the whole run: bad configuration, no content, an
/// unusable output folder, or an I/O failure while writing. Problems in
/// single input files are [`diagnostic::Finding`]s instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Fatal(pub String);

impl Fatal {
    pub fn new(message: impl Into<String>) -> Self {
        Fatal(message.into())
    }

    /// A file that could not be read back (to fix it, say).
    pub fn cannot_read(path: &std::path::Path, e: std::io::Error) -> Self {
        Fatal(format!("cannot read {}: {e}", path.display()))
    }

    /// A file or folder of the output that could not be written.
    pub fn cannot_write(path: &std::path::Path, e: std::io::Error) -> Self {
        Fatal(format!("cannot write {}: {e}", path.display()))
    }
}

/// Texts of random pieces (up to forty each, from a fixed seed), for the
/// unit tests that feed a stage what nobody would write by hand.
#[cfg(test)]
pub(crate) fn random_texts(pieces: &[&str], seed: u64, count: usize) -> Vec<String> {
    let mut state = seed | 1;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    (0..count)
        .map(|_| (0..next(40)).map(|_| pieces[next(pieces.len())]).collect())
        .collect()
}
