//! JSON objects read in the file's order.
//!
//! serde_json's own map sorts its keys (its `preserve_order` feature
//! would change the order of every map the crate and its dependencies
//! serialise, tera's contexts among them), but DocFX gives a file the
//! value of the *last written* `fileMetadata` glob that matches it:
//! `{"articles/**": "conceptual", "**/includes/**": "include"}` gives an
//! include `include`, which sorted keys would reverse.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value as Json;

/// An object's entries in the order the file writes them.
#[derive(Debug)]
pub struct Ordered<T>(pub Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Entries<T> {
            type Value = Ordered<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

/// A value of the expected shape, or anything else, which DocFX ignores
/// as polydoc does (an odd type is no error).
#[derive(Debug, serde::Deserialize)]
#[serde(untagged)]
pub enum Lenient<T> {
    Is(T),
    Not(IgnoredAny),
}

impl<T> Default for Lenient<T> {
    fn default() -> Self {
        Lenient::Not(IgnoredAny)
    }
}

impl<T> Lenient<T> {
    pub fn get(self) -> Option<T> {
        match self {
            Lenient::Is(value) => Some(value),
            Lenient::Not(_) => None,
        }
    }
}

/// `fileMetadata`'s shape: per key, per glob, the value; both levels in
/// the file's order, anything else left out.
pub type FileMetadata = Ordered<Lenient<Ordered<Json>>>;

/// The ordered parts of a `docfx.json`.
#[derive(Debug, serde::Deserialize)]
pub struct DocfxJson {
    #[serde(default)]
    build: Lenient<Build>,
}

#[derive(Debug, serde::Deserialize)]
struct Build {
    #[serde(default, rename = "fileMetadata")]
    file_metadata: Lenient<FileMetadata>,
}

impl DocfxJson {
    /// `build.fileMetadata`, when it is an object.
    pub fn file_metadata(self) -> Option<FileMetadata> {
        self.build.get()?.file_metadata.get()
    }
}
