//! Search: a per-locale index written at build time, read by
//! `static/search.js` in the browser without a server.
//!
//! Why our own index and not Pagefind: on the benchmark corpus (30,000
//! pages) Pagefind's indexing API took 45 s and 4.6 GiB of memory for the
//! articles alone (`benches/pagefind/`), against 1.9 s and 50 MiB more
//! for this index, built from the bodies the render stage already has, in
//! the same pass; and it is smaller as a server sends it (656 bytes a
//! page gzip-compressed, sections' text for snippets included, against
//! Pagefind's 3,026).
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
//!   anchor, heading and text (up to [`SECTION_TEXT`] characters), from
//!   which the browser cuts each result's snippet around the match.
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
//!
//! Words of one stem form a family (`stems.rs`): each of them leads to
//! the family's postings, scored as one term, so `claves` finds `clave`.

mod encode;
pub mod extract;
mod stems;
pub mod terms;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;

use crate::Fatal;

pub use extract::Section;

/// Pages per `d<n>.js` file.
pub const CHUNK: usize = 8;
/// Characters of a section's text kept in the docs files: the browser
/// cuts each result's snippet from it around the first word of the query
/// (`snippet` in `static/search.js`), so a match deep in a section is
/// shown where it stands. Whole sections would grow the index with text
/// no snippet reaches; a thousand characters hold most sections of the
/// seeds and of Microsoft's articles whole.
pub const SECTION_TEXT: usize = 1000;

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
    /// The locale's language's stemmer, if Snowball has one.
    stemmer: Option<Stemmer>,
    /// Each lowered word met so far and its term: `None` for a word too
    /// long to index. Words that differ in their accents share a term.
    words: FxHashMap<Box<str>, Option<u32>>,
    /// Each term (a folded word) and its number.
    ids: FxHashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
    /// Per term, its stem: the shortest of its words' folded stems, so
    /// that it does not depend on which page came first.
    stems: Vec<Option<Box<str>>>,
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

/// A locale to index: its output folder, language and number of pages.
pub struct LocaleSpec {
    pub key: String,
    /// The primary language subtag (`es`): picks the stemmer.
    pub language: String,
    pub pages: usize,
}

/// What the index of one locale came to.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct IndexSize {
    pub pages: usize,
    pub terms: usize,
    pub bytes: u64,
}

impl SearchIndex {
    /// An empty index writing to `<out>/<key>/search/` for these locales.
    pub fn new(out: &Path, locales: &[LocaleSpec]) -> Self {
        SearchIndex {
            dirs: locales
                .iter()
                .map(|l| out.join(&l.key).join("search"))
                .collect(),
            locales: locales
                .iter()
                .map(|l| {
                    let pages = l.pages;
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
                        stemmer: stems::stemmer(&l.language),
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
            mut lowered,
            parts,
        } = extract::extract(page.body);
        let title_start = lowered.len();
        lowered.push(' ');
        terms::lower_into(page.title, &mut lowered);
        let title = title_start..lowered.len();
        // A real article has a distinct term per 45 bytes or so of its
        // Markdown (the seeds): sized for a little more, the map rarely
        // grows by rehashing.
        let mut weights: FxHashMap<&str, (u32, u32)> =
            FxHashMap::with_capacity_and_hasher(lowered.len() / 32, Default::default());
        let mut count = |range: std::ops::Range<usize>, weight: u32, section: usize| {
            // A lowered word may take three bytes for each of its folded
            // term's; `intern` skips those too long once folded.
            terms::each_term(&lowered[range], terms::MAX_WORD * 3, |word| {
                let entry = weights.entry(word).or_default();
                entry.0 += weight;
                entry.1 |= 1 << section.min(31);
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
                .map(|s| (&s.anchor, &s.heading, clipped(&s.text)))
                .collect::<Vec<_>>(),
        ));
        let finished = {
            let mut index = locale.lock().unwrap_or_else(|e| e.into_inner());
            index.add(page.ordinal, weights, record)
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
    /// Merges one page's words (lowered, with their weights and section
    /// sets); returns a docs chunk that it completed.
    fn add(
        &mut self,
        ordinal: usize,
        weights: FxHashMap<&str, (u32, u32)>,
        record: String,
    ) -> Option<(usize, Vec<Option<String>>)> {
        if ordinal >= self.lengths.len() {
            return None;
        }
        let mut terms: Vec<(u32, u32, u32)> = weights
            .into_iter()
            .filter_map(|(word, (weight, sections))| Some((self.intern(word)?, weight, sections)))
            .collect();
        // Words that fold alike (`solución`, `solucion`) are one term.
        terms.sort_unstable_by_key(|&(id, ..)| id);
        terms.dedup_by(|next, kept| {
            let same = next.0 == kept.0;
            if same {
                kept.1 += next.1;
                kept.2 |= next.2;
            }
            same
        });
        self.lengths[ordinal] = terms.iter().map(|&(_, weight, _)| weight).sum();
        for (id, weight, sections) in terms {
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

    /// The term of a lowered word, met for the first time on this page
    /// or before; `None` when it is too long once folded.
    fn intern(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let folded = terms::fold_word(word);
        let id = if folded.len() > terms::MAX_WORD {
            None
        } else {
            let id = match self.ids.get(&*folded) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    let term: Box<str> = folded.into();
                    self.ids.insert(term.clone(), id);
                    self.terms.push(term);
                    self.stems.push(None);
                    self.postings.push(Vec::new());
                    id
                }
            };
            let stem = self.stemmer.as_ref().and_then(|s| stems::stem(s, word));
            if let (Some(stem), Some(slot)) = (stem, self.stems.get_mut(id as usize)) {
                let shorter = |old: &str| (stem.len(), stem.as_str()) < (old.len(), old);
                if slot.as_deref().is_none_or(shorter) {
                    *slot = Some(stem.into());
                }
            }
            Some(id)
        };
        self.words.insert(word.into(), id);
        id
    }

    /// The families: terms that share a stem, two or more of them, each
    /// as its stem and its terms' numbers, ordered by stem.
    fn families(&self) -> Vec<(&str, Vec<u32>)> {
        let mut by_stem: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
        for (id, stem) in self.stems.iter().enumerate() {
            if let Some(stem) = stem {
                by_stem.entry(stem).or_default().push(id as u32);
            }
        }
        let mut families: Vec<(&str, Vec<u32>)> = by_stem
            .into_iter()
            .filter(|(_, ids)| ids.len() > 1)
            .collect();
        families.sort_unstable_by(|a, b| a.0.cmp(b.0));
        families
    }

    /// Postings lists by page, scored: (page, sections, BM25 quantized to
    /// 1..=63). Each list is one term's, or a family's (its terms'
    /// postings merged: weights summed, section sets joined).
    fn scored(&self, lists: &[Vec<u32>]) -> Vec<Vec<(u32, u32, u8)>> {
        let n = self.lengths.len().max(1) as f32;
        let average = (self.lengths.iter().map(|&l| l as f32).sum::<f32>() / n).max(1.0);
        let mut max: f32 = 0.0;
        let raw: Vec<Vec<(u32, u32, f32)>> = lists
            .iter()
            .map(|ids| {
                let mut list: Vec<(u32, u32, u32)> = ids
                    .iter()
                    .filter_map(|&id| self.postings.get(id as usize))
                    .flat_map(|bytes| encode::read_postings(bytes))
                    .collect();
                list.sort_unstable_by_key(|p| p.0);
                list.dedup_by(|next, kept| {
                    let same = next.0 == kept.0;
                    if same {
                        kept.1 |= next.1;
                        kept.2 += next.2;
                    }
                    same
                });
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

/// A section's text up to [`SECTION_TEXT`] characters, cut at a word
/// boundary.
fn clipped(text: &str) -> String {
    if text.chars().count() <= SECTION_TEXT {
        return text.to_owned();
    }
    let end = text
        .char_indices()
        .nth(SECTION_TEXT)
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..end]
        .rfind(' ')
        .filter(|&i| i > end / 2)
        .unwrap_or(end);
    format!("{}…", &text[..cut])
}

#[cfg(test)]
mod tests {
    use super::{LocaleSpec, PageInput, SearchIndex, clipped};

    /// The files an index writes when its pages come in `order`.
    fn files_after(order: &[usize]) -> Vec<(String, Vec<u8>)> {
        let out = tempfile::tempdir().unwrap();
        let bodies = [
            "<h2 id=\"a\">Alpha</h2><p>zeta error 0x8007232B</p>",
            "<p>beta gamma zeta</p>",
            "<h2 id=\"k\">Key</h2><p>delta 0x8007232A beta</p>",
        ];
        let locale = LocaleSpec {
            key: "en-us".to_owned(),
            language: "en".to_owned(),
            pages: bodies.len(),
        };
        let index = SearchIndex::new(out.path(), &[locale]);
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
    fn section_texts_end_at_a_word() {
        let text = "word ".repeat(1000);
        let cut = clipped(&text);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= super::SECTION_TEXT + 1);
        assert_eq!(clipped("short text"), "short text");
    }
}
