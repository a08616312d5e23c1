//! The index files' format. `static/search.js` decodes it; the two must
//! change together.
//!
//! Postings are a string of characters from a 64-letter alphabet, each
//! worth six bits: per posting, the page as the difference from the
//! previous posting's page, then the section set, each as a varint (five
//! bits a character, the sixth set while more follow), then the score as
//! one character. Strings need no escaping in the script and cost one
//! byte a character; small numbers, the common case, take one.
//!
//! A term's shard is FNV-1a over the code points of its first two
//! characters, modulo the shard count.
//!
//! A term of a word family (`stems.rs`) holds no postings but the
//! family's key, `~` and the stem (`"claves":"~clav"`); the family's
//! postings are under that key in the stem's shard (`"~clav":"…"`),
//! which is the terms' own shard whenever the stem keeps their first two
//! characters. No term starts with `~`, and no postings string does.

use std::path::Path;

use serde::Serialize;

use super::{CHUNK, IndexSize, LocaleIndex};
use crate::Fatal;

const ALPHABET: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
/// Target size of one terms file: a query loads one per term.
const SHARD_BYTES: usize = 48 * 1024;

#[derive(Serialize)]
struct Meta {
    version: u32,
    shards: usize,
    chunk: usize,
    pages: usize,
}

/// Writes the terms files, the docs files not written yet and `meta.js`.
pub fn write(mut index: LocaleIndex, dir: &Path) -> Result<IndexSize, Fatal> {
    let families = index.families();
    let mut family_of: Vec<Option<usize>> = vec![None; index.terms.len()];
    for (n, (_, ids)) in families.iter().enumerate() {
        for &id in ids {
            family_of[id as usize] = Some(n);
        }
    }
    // What gets postings: each term of no family, then each family.
    let mut lists: Vec<Vec<u32>> = (0..index.terms.len() as u32)
        .filter(|&id| family_of[id as usize].is_none())
        .map(|id| vec![id])
        .collect();
    lists.extend(families.iter().map(|(_, ids)| ids.clone()));
    let scored = index.scored(&lists);
    let mut encoded = scored.iter().map(|p| postings(p));
    // (key, value, shard) of every entry.
    let mut entries: Vec<(String, String, usize)> = Vec::with_capacity(lists.len());
    for (id, term) in index.terms.iter().enumerate() {
        let value = match family_of[id] {
            Some(n) => format!("~{}", families[n].0),
            None => encoded.next().unwrap_or_default(),
        };
        entries.push((term.to_string(), value, 0));
    }
    for (stem, _) in &families {
        let value = encoded.next().unwrap_or_default();
        entries.push((format!("~{stem}"), value, 0));
    }
    drop(scored);
    drop(families);
    index.postings = Vec::new();
    let total: usize = entries.iter().map(|(k, v, _)| k.len() + v.len() + 6).sum();
    let shards = (total / SHARD_BYTES + 1).next_power_of_two().min(4096);
    for entry in &mut entries {
        entry.2 = shard(entry.0.strip_prefix('~').unwrap_or(&entry.0), shards);
    }
    let mut files: Vec<String> = (0..shards).map(|_| String::from("{")).collect();
    // Terms were numbered as pages came in from the render threads: in
    // alphabetical order, the same site gives the same files every build.
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (key, value, n) in &entries {
        let file = &mut files[*n];
        if file.len() > 1 {
            file.push(',');
        }
        file.push_str(&json(key.as_str()));
        file.push(':');
        file.push('"');
        file.push_str(value);
        file.push('"');
    }
    let mut bytes = index.bytes;
    for (n, body) in files.iter_mut().enumerate() {
        body.push('}');
        bytes += put(dir, &format!("t{n}"), body)?;
    }
    // Chunks still waiting hold pages that were never added (a page that
    // failed to render): they are written with `null` in their place.
    for (n, chunk) in index.chunks.iter().enumerate() {
        if !chunk.pages.is_empty() {
            bytes += put_docs(dir, n, &chunk.pages)?;
        }
    }
    let meta = Meta {
        version: 1,
        shards,
        chunk: CHUNK,
        pages: index.lengths.len(),
    };
    bytes += put(dir, "meta", &json(&meta))?;
    Ok(IndexSize {
        pages: index.lengths.len(),
        terms: index.terms.len(),
        bytes,
    })
}

/// Writes docs file `n` from its pages' JSON records.
pub fn put_docs(dir: &Path, n: usize, pages: &[Option<String>]) -> Result<u64, Fatal> {
    let mut data = String::from("[");
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            data.push(',');
        }
        data.push_str(page.as_deref().unwrap_or("null"));
    }
    data.push(']');
    put(dir, &format!("d{n}"), &data)
}

/// Writes `<dir>/<key>.js` as `polydocSearch.put("<key>", data)`.
fn put(dir: &Path, key: &str, data: &str) -> Result<u64, Fatal> {
    let path = dir.join(format!("{key}.js"));
    let script = format!("polydocSearch.put(\"{key}\",{data});\n");
    std::fs::write(&path, &script).map_err(|e| Fatal::cannot_write(&path, e))?;
    Ok(script.len() as u64)
}

pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising strings and numbers cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}

/// Appends `value` as a LEB128 varint: how postings wait in memory.
pub fn push_varint(mut value: u32, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// (page, sections, weight) triples written by [`push_varint`].
pub fn read_postings(bytes: &[u8]) -> Vec<(u32, u32, u32)> {
    let mut values = Vec::with_capacity(bytes.len());
    let mut value: u32 = 0;
    let mut shift = 0;
    for &b in bytes {
        value |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            values.push(value);
            value = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    values.chunks_exact(3).map(|v| (v[0], v[1], v[2])).collect()
}

/// The shard of `term` among `shards`.
pub fn shard(term: &str, shards: usize) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for c in term.chars().take(2) {
        hash ^= c as u32;
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize % shards
}

fn postings(list: &[(u32, u32, u8)]) -> String {
    let mut out = String::with_capacity(list.len() * 3);
    let mut previous = 0;
    for &(page, sections, score) in list {
        varint(page - previous, &mut out);
        varint(sections, &mut out);
        out.push(ALPHABET[usize::from(score & 63)] as char);
        previous = page;
    }
    out
}

fn varint(mut value: u32, out: &mut String) {
    loop {
        let low = (value & 31) as usize;
        value >>= 5;
        if value == 0 {
            out.push(ALPHABET[low] as char);
            return;
        }
        out.push(ALPHABET[low | 32] as char);
    }
}

#[cfg(test)]
mod tests {
    use super::{postings, shard};

    #[test]
    fn postings_are_deltas_and_varints() {
        // Page 0, section set 1, score 5; page 40 (delta 40: 8 with the
        // continuation bit, then 1), sections 0b11, score 63.
        assert_eq!(postings(&[(0, 1, 5), (40, 3, 63)]), "015e13_");
    }

    #[test]
    fn waiting_postings_read_back() {
        let mut bytes = Vec::new();
        for v in [3, 0x8000_0001, 4, 200, 1, 7] {
            super::push_varint(v, &mut bytes);
        }
        assert_eq!(
            super::read_postings(&bytes),
            [(3, 0x8000_0001, 4), (200, 1, 7)]
        );
    }

    #[test]
    fn shards_hash_the_first_two_characters() {
        assert_eq!(shard("0x8007232b", 8), shard("0x", 8));
        assert_eq!(shard("abc", 1), 0);
        // FNV-1a of 'a' (97) then 'b' (98), as search.js computes it.
        assert_eq!(shard("ab", 1 << 30), 0x4d2505ca % (1 << 30));
    }
}
