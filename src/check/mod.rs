//! Check stage: rules are pure functions of the resolved [`Site`] that
//! return findings. They never render and never read files again.
//!
//! Each rule lives in its own module; [`run`] is the list of them.

mod content_locale;

use crate::diagnostic::Finding;
use crate::site::Site;

/// A rule: reads the site, returns what it found.
pub type Rule = fn(&Site) -> Vec<Finding>;

/// Every rule, in the order their findings are reported.
pub const RULES: &[Rule] = &[content_locale::check];

/// Runs every rule over `site`.
pub fn run(site: &Site) -> Vec<Finding> {
    RULES.iter().flat_map(|rule| rule(site)).collect()
}
