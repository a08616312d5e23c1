//! YAML front matter between `---` lines, as DocFX and Jekyll write it.
//!
//! All keys are kept as they are, dotted Microsoft keys included
//! (`ms.date`, `ms.openlocfilehash`), so that templates, checks and the
//! drift report can read whatever a repository carries.

use serde_yaml::{Mapping, Value};

use crate::diagnostic::LineIndex;

/// Where the front matter and the Markdown body lie in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Byte range of the YAML between the fences, if there is front matter.
    pub yaml: Option<std::ops::Range<usize>>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

/// A front matter problem, positioned in the whole file (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Finds the front matter fences. A file that opens with `---` but never
/// closes it is an error: guessing would swallow the whole article.
pub fn split(text: &str) -> Result<Split, FrontMatterError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let Some(after_open) = strip_fence(rest, "---") else {
        return Ok(Split {
            yaml: None,
            body_start: start,
        });
    };
    let yaml_start = start + (rest.len() - after_open.len());
    let mut offset = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split {
                yaml: Some(yaml_start..offset),
                body_start: offset + line.len(),
            });
        }
        offset += line.len();
    }
    Err(FrontMatterError {
        line: 1,
        column: 1,
        message: "front matter opened with `---` is never closed".to_owned(),
    })
}

/// `text` after a first line that is exactly `fence`, or `None`.
fn strip_fence<'a>(text: &'a str, fence: &str) -> Option<&'a str> {
    let line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    (text[..line_end].trim_end() == fence).then(|| &text[line_end..])
}

/// Parses the YAML of `split` into a mapping; empty front matter is an empty mapping.
pub fn parse(text: &str, split: &Split) -> Result<Mapping, FrontMatterError> {
    let Some(range) = split.yaml.clone() else {
        return Ok(Mapping::new());
    };
    let yaml = &text[range.clone()];
    let first_line = || LineIndex::new(text).position(range.start).0;
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Mapping(map)) => Ok(map),
        Ok(Value::Null) => Ok(Mapping::new()),
        Ok(_) => Err(FrontMatterError {
            line: first_line(),
            column: 1,
            message: "front matter is not a mapping of `key: value` lines".to_owned(),
        }),
        Err(e) => {
            let (line, column) = e.location().map_or((0, 1), |l| (l.line() - 1, l.column()));
            // serde_yaml's message repeats the position; keep only what is wrong.
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_owned();
            Err(FrontMatterError {
                line: first_line() + line,
                column,
                message,
            })
        }
    }
}

/// A string value of the front matter, if the key holds one.
pub fn get_str<'a>(meta: &'a Mapping, key: &str) -> Option<&'a str> {
    meta.get(key).and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_parses_dotted_keys() {
        let text = "---\ntitle: Hola\nms.date: 9/18/2019\n---\n# Body\n";
        let s = split(text).unwrap();
        assert_eq!(&text[s.body_start..], "# Body\n");
        let meta = parse(text, &s).unwrap();
        assert_eq!(get_str(&meta, "ms.date"), Some("9/18/2019"));
    }

    #[test]
    fn no_front_matter_means_body_from_the_start() {
        let s = split("# Title\n---\n").unwrap();
        assert_eq!(
            s,
            Split {
                yaml: None,
                body_start: 0
            }
        );
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let text = "---\ntitle: ok\nbad: [unclosed\n---\nbody\n";
        let err = parse(text, &split(text).unwrap()).unwrap_err();
        assert!(err.line >= 3, "{err:?}");
        assert!(!err.message.contains("at line"), "{err:?}");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert_eq!(split("---\ntitle: x\n# Body\n").unwrap_err().line, 1);
    }
}
