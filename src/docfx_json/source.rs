//! One JSON file of a DocFX project, read with the places of its values:
//! the `docfx.json`, or a metadata file it names.

use std::path::Path;

use globset::{Glob, GlobBuilder};
use serde::de::DeserializeOwned;

use crate::diagnostic::{Finding, LineIndex, Location};

pub struct Source<'a> {
    display: &'a Path,
    /// Over the file as written, byte-order mark and comments included:
    /// the places are in it.
    lines: LineIndex<'a>,
    /// How findings name the file: "this docfx.json".
    what: &'a str,
    /// The text with comments and trailing commas blanked: valid JSON
    /// with every value where the file writes it.
    pub json: String,
}

impl<'a> Source<'a> {
    /// Reads `text` (`display` names it in findings, `what` in their
    /// messages); a finding at the place where it is no JSON.
    pub fn new(text: &'a str, display: &'a Path, what: &'a str) -> Result<Self, Box<Finding>> {
        let mut source = Source {
            display,
            lines: LineIndex::new(text),
            what,
            json: text.strip_prefix('\u{feff}').unwrap_or(text).to_owned(),
        };
        // DocFX reads comments and trailing commas; blanking them keeps
        // every line and column where it was.
        json_strip_comments::strip(&mut source.json)
            .map_err(|e| source.problem(1, 1, &e.to_string()))?;
        Ok(source)
    }

    /// The file's value, as `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Box<Finding>> {
        serde_json::from_str(&self.json).map_err(|e| {
            // The place is the finding's own; serde_json's message
            // repeats it.
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(&*message, |(m, _)| m);
            self.problem(e.line().max(1), e.column().max(1), message)
        })
    }

    /// `invalid-docfx-json` at line and column: the file cannot be read.
    pub fn problem(&self, line: usize, column: usize, message: &str) -> Box<Finding> {
        Box::new(
            Finding::error(
                "invalid-docfx-json",
                Location::at(self.display.to_path_buf(), line, column),
                format!(
                    "{} cannot be read: {message}; its metadata is not applied",
                    self.what
                ),
            )
            .with_help("fix the file at this place; DocFX's reference: https://dotnet.github.io/docfx/reference/docfx-json-reference.html"),
        )
    }

    /// Where the string `value` is written ([`LineIndex::quoted`]).
    pub fn at(&self, value: &str) -> Location {
        self.lines.quoted(self.display, value)
    }

    /// `glob` as DocFX matches it: case-insensitively, `*` within a
    /// folder, a leading `./` meaning the folder itself.
    pub fn glob(&self, glob: &str) -> Result<Glob, Box<Finding>> {
        GlobBuilder::new(glob.trim_start_matches("./"))
            .case_insensitive(true)
            .literal_separator(true)
            .backslash_escape(true)
            .build()
            .map_err(|e| {
                let at = self.at(glob);
                self.problem(
                    at.line,
                    at.column,
                    &format!("the glob `{glob}` is invalid: {e}"),
                )
            })
    }
}
