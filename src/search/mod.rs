//! Search: a per-locale index written at build time, read by
//! `static/search.js` in the browser without a server.
//!
//! Why our own index and not Pagefind: on the benchmark corpus (30,000
//! pages) Pagefind's indexing API took 45 s and 4.6 GiB of memory for the
//! articles alone (`benches/pagefind/`), against 1.9 s and 50 MiB more
//! for this index, built from the bodies the render stage already has, in
//! the same pass; and it is smaller (1,370 bytes a page against 3,026).
//! Pagefind's client also fetches its files, which a browser refuses on
//! `file://`; ours loads plain scripts, so search works from `file://`
//! too. README "Search" has the figures.
//!
//! The index, per locale, under `<locale>/search/`:
//! - `meta.js`: shard count, pages per docs chunk, page count.
//! - `t<n>.js`: the terms whose first two characters hash to shard `n`,
//!   each with its postings (see `encode.rs`). A query loads one shard
//!   per term; the last term of a query also matches as a prefix.
//! - `d<n>.js`: pages `n * CHUNK ..`: URL, title and per section its
//!   anchor, heading and the start of its text (the result snippet).
//!
//! Each file is `polydocSearch.put(key, data)`: a script, not JSON, so
//! that a `<script>` element can load it where `fetch` can't.
//!
//! A posting is a page, the set of its sections holding the term (bit
//! `i` for section `i`, the 32nd bit for any section after) and a BM25
//! score with title and headings weighted up, quantized to 1..=63. The
//! client sums scores over a query's terms, keeps pages that have them
//! all, and shows the section that holds them, preferring a heading
//! that names them.

mod encode;
pub mod extract;
pub mod terms;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rustc_hash::FxHashMap;

use crate::Fatal;

pub use extract::Section;

/// Pages per `d<n>.js` file.
pub const CHUNK: usize = 8;
/// Characters of a section's text kept for its snippet.
pub const EXCERPT: usize = 160;

/// Weights of a term's occurrences by where it stands.
const TITLE_WEIGHT: u32 = 4;
const HEADING_WEIGHT: u32 = 3;
/// BM25 parameters, the usual values.
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The index of every locale, filled by the render stage page by page
/// (from several threads) and finished once all pages are in.
///
/// Memory is what bounds it on a large site: postings wait as bytes
/// (about four a posting), and a docs file is written, and its pages'
/// records freed, as soon as its last page is in.
pub struct SearchIndex {
    dirs: Vec<PathBuf>,
    locales: Vec<Mutex<LocaleIndex>>,
    /// The first failure to write a docs file, reported by [`Self::finish`].
    error: Mutex<Option<Fatal>>,
}

#[derive(Default)]
struct LocaleIndex {
    ids: FxHashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
    /// Per term, its postings in arrival order: page ordinal, section
    /// set and weighted count, as varints (see [`encode::push_varint`]).
    postings: Vec<Vec<u8>>,
    /// Per page ordinal, its weighted term count.
    lengths: Vec<u32>,
    chunks: Vec<Chunk>,
    bytes: u64,
}

/// A docs file waiting for its pages: each page's record as JSON.
#[derive(Default)]
struct Chunk {
    pages: Vec<Option<String>>,
    missing: usize,
}

/// One page as the render stage hands it over.
pub struct PageInput<'a> {
    pub locale: usize,
    /// Position among the locale's pages: fixes the order of the index,
    /// whatever order the threads finish in.
    pub ordinal: usize,
    /// Output path below the locale folder.
    pub url: &'a str,
    pub title: &'a str,
    pub body: &'a str,
}

/// What the index of one locale came to.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct IndexSize {
    pub pages: usize,
    pub terms: usize,
    pub bytes: u64,
}

impl SearchIndex {
    /// An empty index writing to `<out>/<key>/search/` for locales with
    /// these keys and page counts.
    pub fn new(out: &Path, locales: &[(String, usize)]) -> Self {
        SearchIndex {
            dirs: locales
                .iter()
                .map(|(key, _)| out.join(key).join("search"))
                .collect(),
            locales: locales
                .iter()
                .map(|&(_, pages)| {
                    let chunks = (0..pages.div_ceil(CHUNK))
                        .map(|n| {
                            let size = CHUNK.min(pages - n * CHUNK);
                            Chunk {
                                pages: vec![None; size],
                                missing: size,
                            }
                        })
                        .collect();
                    Mutex::new(LocaleIndex {
                        lengths: vec![0; pages],
                        chunks,
                        ..LocaleIndex::default()
                    })
                })
                .collect(),
            error: Mutex::new(None),
        }
    }

    /// Creates the index folders, before the pages come in.
    pub fn create_folders(&self) -> Result<(), Fatal> {
        for dir in &self.dirs {
            std::fs::create_dir_all(dir).map_err(|e| Fatal::cannot_write(dir, e))?;
        }
        Ok(())
    }

    /// Indexes one rendered page. The text work happens on the caller's
    /// thread; the lock is held only to merge the page's terms.
    pub fn add(&self, page: PageInput) {
        let (Some(locale), Some(dir)) = (self.locales.get(page.locale), self.dirs.get(page.locale))
        else {
            return;
        };
        let extract::Extracted {
            sections,
            mut folded,
            parts,
        } = extract::extract(page.body);
        let title_start = folded.len();
        folded.push(' ');
        terms::fold_into(page.title, &mut folded);
        let title = title_start..folded.len();
        // A real article has a distinct term per 45 bytes or so of its
        // Markdown (the seeds): sized for a little more, the map rarely
        // grows by rehashing.
        let mut weights: FxHashMap<&str, (u32, u32)> =
            FxHashMap::with_capacity_and_hasher(folded.len() / 32, Default::default());
        let mut length = 0;
        let mut count = |range: std::ops::Range<usize>, weight: u32, section: usize| {
            terms::each_folded(&folded[range], |term| {
                let entry = weights.entry(term).or_default();
                entry.0 += weight;
                entry.1 |= 1 << section.min(31);
                length += weight;
            });
        };
        count(title, TITLE_WEIGHT, 0);
        for part in parts {
            let weight = if part.heading { HEADING_WEIGHT } else { 1 };
            count(part.range, weight, part.section);
        }
        let record = encode::json(&(
            page.url,
            page.title,
            sections
                .iter()
                .map(|s| (&s.anchor, &s.heading, excerpt(&s.text)))
                .collect::<Vec<_>>(),
        ));
        let finished = {
            let mut index = locale.lock().unwrap_or_else(|e| e.into_inner());
            index.add(page.ordinal, length, weights, record)
        };
        if let Some((n, chunk)) = finished {
            match encode::put_docs(dir, n, &chunk) {
                Ok(bytes) => locale.lock().unwrap_or_else(|e| e.into_inner()).bytes += bytes,
                Err(e) => {
                    let mut error = self.error.lock().unwrap_or_else(|e| e.into_inner());
                    error.get_or_insert(e);
                }
            }
        }
    }

    /// Writes the terms and what remains of each locale's index.
    pub fn finish(&self) -> Result<Vec<IndexSize>, Fatal> {
        use rayon::prelude::*;
        if let Some(e) = self.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
            return Err(e);
        }
        self.locales
            .par_iter()
            .zip(self.dirs.par_iter())
            .map(|(locale, dir)| {
                let index = std::mem::take(&mut *locale.lock().unwrap_or_else(|e| e.into_inner()));
                encode::write(index, dir)
            })
            .collect()
    }
}

impl LocaleIndex {
    /// Merges one page; returns a docs chunk that it completed.
    fn add(
        &mut self,
        ordinal: usize,
        length: u32,
        weights: FxHashMap<&str, (u32, u32)>,
        record: String,
    ) -> Option<(usize, Vec<Option<String>>)> {
        if ordinal >= self.lengths.len() {
            return None;
        }
        self.lengths[ordinal] = length;
        for (term, (weight, sections)) in weights {
            let id = self.intern(term);
            let list = &mut self.postings[id as usize];
            encode::push_varint(ordinal as u32, list);
            encode::push_varint(sections, list);
            encode::push_varint(weight, list);
        }
        let n = ordinal / CHUNK;
        let chunk = &mut self.chunks[n];
        let slot = &mut chunk.pages[ordinal % CHUNK];
        if slot.is_none() {
            chunk.missing -= 1;
        }
        *slot = Some(record);
        (chunk.missing == 0).then(|| (n, std::mem::take(&mut chunk.pages)))
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        let term: Box<str> = term.into();
        self.ids.insert(term.clone(), id);
        self.terms.push(term);
        self.postings.push(Vec::new());
        id
    }

    /// Per term, its postings by page: (page, sections, BM25 quantized
    /// to 1..=63).
    fn scored(&self) -> Vec<Vec<(u32, u32, u8)>> {
        let n = self.lengths.len().max(1) as f32;
        let average = (self.lengths.iter().map(|&l| l as f32).sum::<f32>() / n).max(1.0);
        let mut max: f32 = 0.0;
        let raw: Vec<Vec<(u32, u32, f32)>> = self
            .postings
            .iter()
            .map(|bytes| {
                let mut list = encode::read_postings(bytes);
                list.sort_unstable_by_key(|p| p.0);
                let df = list.len() as f32;
                let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
                list.into_iter()
                    .map(|(page, sections, weight)| {
                        let length = self.lengths.get(page as usize).copied().unwrap_or(0) as f32;
                        let norm = 1.0 - B + B * length / average;
                        let tf = weight as f32;
                        let score = idf * tf * (K1 + 1.0) / (tf + K1 * norm);
                        max = max.max(score);
                        (page, sections, score)
                    })
                    .collect()
            })
            .collect();
        let scale = 62.0 / max.max(f32::EPSILON);
        raw.into_iter()
            .map(|list| {
                list.into_iter()
                    .map(|(page, sections, score)| {
                        (page, sections, 1 + (score * scale).round().min(62.0) as u8)
                    })
                    .collect()
            })
            .collect()
    }
}

/// The start of a section's text, cut at a word boundary.
fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT {
        return text.to_owned();
    }
    let end = text
        .char_indices()
        .nth(EXCERPT)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..end]
        .rfind(' ')
        .filter(|&i| i > end / 2)
        .unwrap_or(end);
    format!("{}…", &text[..cut])
}

#[cfg(test)]
mod tests {
    use super::{PageInput, SearchIndex, excerpt};

    /// The files an index writes when its pages come in `order`.
    fn files_after(order: &[usize]) -> Vec<(String, Vec<u8>)> {
        let out = tempfile::tempdir().unwrap();
        let bodies = [
            "<h2 id=\"a\">Alpha</h2><p>zeta error 0x8007232B</p>",
            "<p>beta gamma zeta</p>",
            "<h2 id=\"k\">Key</h2><p>delta 0x8007232A beta</p>",
        ];
        let index = SearchIndex::new(out.path(), &[("en-us".to_owned(), bodies.len())]);
        index.create_folders().unwrap();
        for &n in order {
            index.add(PageInput {
                locale: 0,
                ordinal: n,
                url: &format!("p{n}.html"),
                title: &format!("Page {n}"),
                body: bodies[n],
            });
        }
        index.finish().unwrap();
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.path().join("en-us/search"))
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_same_pages_give_the_same_files_whatever_order_they_come_in() {
        let first = files_after(&[0, 1, 2]);
        assert!(first.iter().any(|(name, _)| name.starts_with('t')));
        assert_eq!(first, files_after(&[2, 0, 1]));
        assert_eq!(first, files_after(&[1, 2, 0]));
    }

    #[test]
    fn excerpts_end_at_a_word() {
        let text = "word ".repeat(100);
        let cut = excerpt(&text);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= super::EXCERPT + 1);
        assert_eq!(excerpt("short text"), "short text");
    }
}
