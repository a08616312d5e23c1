//! DocFX alerts: `> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!CAUTION]`,
//! `[!WARNING]`, any case.
//!
//! pulldown-cmark recognises the keyword (its GFM option); we render the box
//! DocFX renders, a `<div>` with a class per kind (the upper-case DocFX
//! class plus our `alert-*` one) and a title in the page's language.

use pulldown_cmark::BlockQuoteKind;

use super::highlight::escape;
use super::quotes::CustomAlert;

/// Alert titles in the page's language.
#[derive(Debug, Clone)]
pub struct AlertTitles {
    pub note: String,
    pub tip: String,
    pub important: String,
    pub caution: String,
    pub warning: String,
    /// Keywords the site adds in `polydoc.toml`.
    pub custom: Vec<CustomAlert>,
}

impl Default for AlertTitles {
    fn default() -> Self {
        AlertTitles {
            note: "Note".into(),
            tip: "Tip".into(),
            important: "Important".into(),
            caution: "Caution".into(),
            warning: "Warning".into(),
            custom: Vec::new(),
        }
    }
}

fn kind_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
}

/// The opening of an alert box, title included.
pub fn open(kind: BlockQuoteKind, titles: &AlertTitles) -> String {
    let name = kind_name(kind);
    let title = match kind {
        BlockQuoteKind::Note => &titles.note,
        BlockQuoteKind::Tip => &titles.tip,
        BlockQuoteKind::Important => &titles.important,
        BlockQuoteKind::Warning => &titles.warning,
        BlockQuoteKind::Caution => &titles.caution,
    };
    let role = if matches!(kind, BlockQuoteKind::Warning | BlockQuoteKind::Caution) {
        "alert"
    } else {
        "note"
    };
    format!(
        "<div class=\"alert alert-{name} {upper}\" role=\"{role}\">\n<p class=\"alert-title\">{title}</p>\n",
        upper = name.to_ascii_uppercase(),
        title = escape(title),
    )
}

/// The opening of a box for a keyword the site added.
pub fn open_custom(alert: &CustomAlert) -> String {
    format!(
        "<div class=\"alert {class} {upper}\" role=\"note\">\n<p class=\"alert-title\">{title}</p>\n",
        class = escape(&alert.class),
        upper = escape(&alert.keyword.to_ascii_uppercase()),
        title = escape(&alert.title),
    )
}

pub const CLOSE: &str = "</div>\n";
