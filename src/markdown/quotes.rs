//! Quote blocks that DocFX gives a meaning beyond the five alerts:
//! `> [!div class="..."]` wraps the quoted content in a `<div>` with those
//! classes, `> [!VIDEO https://...]` embeds a video, and keywords a site
//! adds in `polydoc.toml` (`[alerts] TODO = "alert-todo"`) render as alerts.

use super::directives::attributes;

/// An alert keyword a site adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomAlert {
    /// Upper case, as written in `[!TODO]` (matched in any case).
    pub keyword: String,
    /// CSS classes of the box.
    pub class: String,
    /// Title in the page's language.
    pub title: String,
}

/// What a quote block's leading `[!...]` marker makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Quote {
    Div { class: String },
    Video { src: String },
    Alert(CustomAlert),
}

/// The meaning of the marker at the start of a quote's first paragraph
/// text, and the marker's length in bytes.
pub fn classify(text: &str, custom: &[CustomAlert]) -> Option<(Quote, usize)> {
    let inside = text.strip_prefix("[!")?;
    let close = inside.find(']')?;
    let len = close + 3;
    let marker = &inside[..close];
    let (word, rest) = marker
        .split_once(char::is_whitespace)
        .unwrap_or((marker, ""));
    let quote = match word.to_ascii_lowercase().as_str() {
        "div" => {
            let class = attributes(rest)
                .into_iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("class"))
                .map(|(_, v)| v)
                .unwrap_or_default();
            Quote::Div { class }
        }
        "video" if !rest.trim().is_empty() => Quote::Video {
            src: rest.trim().to_owned(),
        },
        _ if rest.trim().is_empty() => Quote::Alert(
            custom
                .iter()
                .find(|a| a.keyword.eq_ignore_ascii_case(word))?
                .clone(),
        ),
        _ => return None,
    };
    Some((quote, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_div_video_and_custom_alerts() {
        assert_eq!(
            classify("[!div class=\"nextstepaction\"]", &[]),
            Some((
                Quote::Div {
                    class: "nextstepaction".into()
                },
                29
            ))
        );
        assert_eq!(
            classify("[!VIDEO https://www.youtube.com/embed/x]", &[]).map(|q| q.0),
            Some(Quote::Video {
                src: "https://www.youtube.com/embed/x".into()
            })
        );
        let todo = CustomAlert {
            keyword: "TODO".into(),
            class: "alert-todo".into(),
            title: "To do".into(),
        };
        assert_eq!(
            classify("[!todo]", std::slice::from_ref(&todo)).map(|q| q.0),
            Some(Quote::Alert(todo))
        );
        assert_eq!(classify("[!unknown]", &[]), None);
    }
}
