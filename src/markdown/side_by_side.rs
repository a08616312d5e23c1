//! The source text older localized pages carry beside each translated
//! sentence, for side-by-side review:
//! `<span data-ttu-id="1">Solicitação</span><span class="sxs-lookup"><span
//! data-stu-id="1">Request</span></span>`. The published site hides it
//! (and so does polydoc's theme), so text read for people (heading
//! titles, tab titles, the search index) leaves it out, and so do the
//! tokens the translation checks compare ([`super::facts`]): a code span
//! the translation ran together must not be made whole again by the
//! source beside it. Links in it are still links: the HTML has them.

use pulldown_cmark::Event;

/// The class of the span that holds the source text.
pub const CLASS: &str = "sxs-lookup";

/// Follows inline events and says which are source text.
#[derive(Debug, Default)]
pub struct SourceText {
    /// Spans open inside the `sxs-lookup` span, itself included; 0
    /// outside it.
    depth: usize,
}

impl SourceText {
    /// Whether `event` is part of the source text (the `sxs-lookup` span's
    /// tags included).
    pub fn hides(&mut self, event: &Event) -> bool {
        let Event::InlineHtml(html) = event else {
            return self.depth > 0;
        };
        let tag = html.trim();
        let opens = tag.starts_with("<span");
        if self.depth > 0 {
            if opens {
                self.depth += 1;
            } else if tag.eq_ignore_ascii_case("</span>") {
                self.depth -= 1;
            }
            return true;
        }
        if opens && tag.contains(CLASS) {
            self.depth = 1;
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Parser};

    use super::SourceText;

    #[test]
    fn the_source_text_and_its_tags_are_hidden() {
        let text = "<span data-ttu-id=\"2\">Solicitação</span><span class=\"sxs-lookup\"><span data-stu-id=\"2\">Request</span></span> fim";
        let mut source = SourceText::default();
        let shown: String = Parser::new(text)
            .filter(|e| !source.hides(e))
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(shown, "Solicitação fim");
    }
}
